/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-restore-dialog.c: "Restore": choose a JSON backup or an automatic backup, see in
 * words what would change, then restore it with progress and Cancel. The work runs in a
 * thread on a connection of its own, so the window stays responsive. */

#define G_LOG_DOMAIN "steady-restore-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-backup.h"
#include "steady-database.h"
#include "steady-restore-dialog.h"

/* How often the progress bar follows the worker. */
#define PROGRESS_INTERVAL_MS 100

struct _SteadyRestoreDialog
{
  AdwWindow             parent_instance;

  /* template widgets */
  GtkStack             *stack;
  AdwPreferencesGroup  *automatic_group;
  GtkLabel             *busy_label;
  GtkProgressBar       *progress_bar;
  GtkLabel             *preview_label;
  AdwPreferencesGroup  *kinds_group;
  GtkButton            *restore_button;
  AdwStatusPage        *error_status;

  /* owned */
  char                 *database_path;
  char                 *backup_path;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  GPtrArray            *kind_rows;     /* rows added to kinds_group */
  guint                 progress_id;
  int                   progress_permille; /* written by the worker, atomically */
  gboolean              disposed;          /* closed while the worker ran */
};

G_DEFINE_FINAL_TYPE (SteadyRestoreDialog, steady_restore_dialog, ADW_TYPE_WINDOW)

enum {
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The work ------------------------------------------------------------------------------- */

typedef struct
{
  char                 *database_path;
  char                 *backup_path;
  gboolean              restore;
  SteadyRestoreSummary  summary;
  int                  *progress_permille;
} Job;

static void
job_free (Job *job)
{
  steady_restore_summary_clear (&job->summary);
  g_free (job->database_path);
  g_free (job->backup_path);
  g_free (job);
}

static void
job_progress_cb (double   fraction,
                 gpointer user_data)
{
  g_atomic_int_set ((int *)user_data, (int)(CLAMP (fraction, 0.0, 1.0) * 1000));
}

static void
job_run (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* A connection of this thread's own; the window's keeps reading what was committed. */
  database = steady_database_open_deferring_check (job->database_path, &error);
  if (database == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (job->restore)
    ok = steady_backup_restore (database, job->backup_path, &job->summary, cancellable,
                                job_progress_cb, job->progress_permille, &error);
  else
    ok = steady_backup_preview (database, job->backup_path, &job->summary, cancellable,
                                &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* Pages ---------------------------------------------------------------------------------- */

static gboolean
follow_progress_cb (gpointer user_data)
{
  SteadyRestoreDialog *self = user_data;
  int permille = g_atomic_int_get (&self->progress_permille);

  if (permille > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, permille / 1000.0);
  else
    gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
show_busy (SteadyRestoreDialog *self,
           const char          *what)
{
  gtk_label_set_text (self->busy_label, what);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  g_atomic_int_set (&self->progress_permille, 0);
  if (self->progress_id == 0)
    self->progress_id = g_timeout_add (PROGRESS_INTERVAL_MS, follow_progress_cb, self);
  gtk_stack_set_visible_child_name (self->stack, "busy");
}

static void
stop_busy (SteadyRestoreDialog *self)
{
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->cancellable);
}

static void
show_error (SteadyRestoreDialog *self,
            const GError        *error)
{
  adw_status_page_set_description (self->error_status, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* "3 new, 1 updated" for one kind, or NULL when the backup holds none of it. */
static char *
describe_counts (const SteadyRestoreCounts *counts)
{
  if (counts->n_new + counts->n_updated + counts->n_unchanged == 0)
    return NULL;
  if (counts->n_new + counts->n_updated == 0)
    return g_strdup (_("Already here"));
  if (counts->n_updated == 0)
    /* Translators: how many records of one kind a restore would add. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new", counts->n_new),
                            counts->n_new);
  if (counts->n_new == 0)
    /* Translators: how many records of one kind a restore would replace by newer copies. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated",
                                         counts->n_updated), counts->n_updated);
  /* Translators: "3 new, 1 updated" for one kind of record. */
  return g_strdup_printf (_("%u new, %u updated"), counts->n_new, counts->n_updated);
}

static void
show_preview (SteadyRestoreDialog        *self,
              const SteadyRestoreSummary *summary)
{
  g_autofree char *words = steady_restore_summary_describe (summary);
  g_autofree char *description = NULL;
  gboolean anything = steady_restore_summary_total (summary, STEADY_RESTORE_NEW) +
                      steady_restore_summary_total (summary, STEADY_RESTORE_UPDATED) > 0;

  if (summary->created_us > 0)
    {
      g_autoptr(GDateTime) created = g_date_time_new_from_unix_local (summary->created_us /
                                                                      G_USEC_PER_SEC);
      /* Translators: a date and time, as in "Made on 3 March 2026 at 18:05". */
      g_autofree char *when = g_date_time_format (created, _("%e %B %Y at %H:%M"));

      /* Translators: the preview's summary, then when the backup was made. */
      description = g_strdup_printf (_("%s.\nThis backup was made on %s."), words,
                                     g_strstrip (when));
    }
  else
    description = g_strdup_printf ("%s.", words);
  gtk_label_set_text (self->preview_label, description);

  for (guint i = 0; i < self->kind_rows->len; i++)
    adw_preferences_group_remove (self->kinds_group, g_ptr_array_index (self->kind_rows, i));
  g_ptr_array_set_size (self->kind_rows, 0);
  for (guint kind = 0; kind < STEADY_BACKUP_N_KINDS; kind++)
    {
      g_autofree char *counts = describe_counts (&summary->kinds[kind]);
      GtkWidget *row, *label;

      if (counts == NULL)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     steady_backup_kind_get_label (kind));
      label = gtk_label_new (counts);
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (self->kinds_group, row);
      g_ptr_array_add (self->kind_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->kinds_group), self->kind_rows->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->restore_button), anything);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  if (anything)
    gtk_widget_grab_focus (GTK_WIDGET (self->restore_button));
}

/* Running the work ----------------------------------------------------------------------- */

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SteadyRestoreDialog *self = STEADY_RESTORE_DIALOG (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  stop_busy (self);
  /* Disposed while the worker ran only when the application quits: nothing to show. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) || self->disposed)
    {
      if (error != NULL && !self->disposed)
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            gtk_stack_set_visible_child_name (self->stack, job->restore ? "preview" : "choose");
          else
            show_error (self, error);
        }
      return;
    }
  if (!job->restore)
    {
      show_preview (self, &job->summary);
      return;
    }

  {
    g_autofree char *words = steady_restore_summary_describe (&job->summary);
    /* Translators: a toast after a restore, as in "Restored: 12 new records, 3 updated,
     * nothing removed". */
    g_autofree char *message = g_strdup_printf (_("Restored: %s"), words);

    g_signal_emit (self, signals[RESTORED], 0, message);
  }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start_job (SteadyRestoreDialog *self,
           gboolean             restore)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (self->cancellable == NULL);

  job->database_path = g_strdup (self->database_path);
  job->backup_path = g_strdup (self->backup_path);
  job->restore = restore;
  job->progress_permille = &self->progress_permille;
  self->cancellable = g_cancellable_new ();

  show_busy (self, restore ? _("Restoring…") : _("Reading the backup…"));
  task = g_task_new (self, self->cancellable, job_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, job_run);
}

void
steady_restore_dialog_preview_file (SteadyRestoreDialog *self,
                                    const char          *backup_path)
{
  g_return_if_fail (STEADY_IS_RESTORE_DIALOG (self));
  g_return_if_fail (backup_path != NULL);

  g_free (self->backup_path);
  self->backup_path = g_strdup (backup_path);
  start_job (self, FALSE);
}

/* Callbacks ------------------------------------------------------------------------------ */

static void
chooser_response_cb (SteadyRestoreDialog  *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    steady_restore_dialog_preview_file (self, path);
}

static void
file_row_activated_cb (SteadyRestoreDialog *self)
{
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose a Backup"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (json, _("Steady backups"));
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_filter_add_suffix (json, "db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), json);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
automatic_row_activated_cb (SteadyRestoreDialog *self,
                            AdwActionRow        *row)
{
  steady_restore_dialog_preview_file (self, g_object_get_data (G_OBJECT (row), "path"));
}

static void
cancel_clicked_cb (SteadyRestoreDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
back_clicked_cb (SteadyRestoreDialog *self)
{
  gtk_stack_set_visible_child_name (self->stack, "choose");
}

static void
restore_clicked_cb (SteadyRestoreDialog *self)
{
  start_job (self, TRUE);
}

/* The automatic backups, newest first, named by when they were made. */
static void
fill_automatic_backups (SteadyRestoreDialog *self)
{
  g_autoptr(GPtrArray) backups = steady_database_list_backups (self->database_path);

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      const char *path = g_ptr_array_index (backups, i);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GDateTime) modified = NULL;
      g_autofree char *title = NULL;
      GtkWidget *row;

      info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE,
                                NULL, NULL);
      if (info == NULL || (modified = g_file_info_get_modification_date_time (info)) == NULL)
        continue;
      {
        g_autoptr(GDateTime) local = g_date_time_to_local (modified);

        /* Translators: an automatic backup's date and time, as in "Monday 3 March, 18:05". */
        title = g_date_time_format (local, _("%A %e %B, %H:%M"));
      }
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_strstrip (title));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (path), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (automatic_row_activated_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->automatic_group, row);
    }
  if (backups == NULL || backups->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No automatic backups yet"));
      gtk_widget_set_sensitive (row, FALSE);
      adw_preferences_group_add (self->automatic_group, row);
    }
}

/* Closing while working is Cancel: the dialog stays until the worker has stopped, so that
 * it can say what happened (a cancelled restore changes nothing). */
static gboolean
steady_restore_dialog_close_request (GtkWindow *window)
{
  SteadyRestoreDialog *self = STEADY_RESTORE_DIALOG (window);

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (steady_restore_dialog_parent_class)->close_request (window);
}

GtkWidget *
steady_restore_dialog_new (GtkWindow  *parent,
                           const char *database_path)
{
  SteadyRestoreDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (database_path != NULL, NULL);

  self = g_object_new (STEADY_TYPE_RESTORE_DIALOG, "transient-for", parent, NULL);
  self->database_path = g_strdup (database_path);
  fill_automatic_backups (self);
  return GTK_WIDGET (self);
}

static void
steady_restore_dialog_dispose (GObject *object)
{
  SteadyRestoreDialog *self = STEADY_RESTORE_DIALOG (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (steady_restore_dialog_parent_class)->dispose (object);
}

static void
steady_restore_dialog_finalize (GObject *object)
{
  SteadyRestoreDialog *self = STEADY_RESTORE_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->kind_rows, g_ptr_array_unref);
  g_free (self->database_path);
  g_free (self->backup_path);

  G_OBJECT_CLASS (steady_restore_dialog_parent_class)->finalize (object);
}

static void
steady_restore_dialog_class_init (SteadyRestoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steady_restore_dialog_dispose;
  object_class->finalize = steady_restore_dialog_finalize;
  window_class->close_request = steady_restore_dialog_close_request;

  /**
   * SteadyRestoreDialog::restored:
   * @message: what came back, in words for a toast
   *
   * A restore finished and was committed; the dialog closes right after.
   */
  signals[RESTORED] =
    g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/reports/steady-restore-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyRestoreDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SteadyRestoreDialog, automatic_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyRestoreDialog, busy_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyRestoreDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SteadyRestoreDialog, preview_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyRestoreDialog, kinds_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyRestoreDialog, restore_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyRestoreDialog, error_status);
  gtk_widget_class_bind_template_callback (widget_class, file_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, restore_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steady_restore_dialog_init (SteadyRestoreDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->kind_rows = g_ptr_array_new ();
}
