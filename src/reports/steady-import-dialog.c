/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-import-dialog.c: the "Import from Daylio" window. Reading the file and importing run
 * in worker threads (the import on a database connection of its own); the preview runs on
 * the window's journal store, which is told to reload once the entries are in. */

#define G_LOG_DOMAIN "steady-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-daylio-import.h"
#include "steady-import-dialog.h"
#include "steady-mood-chart.h"

struct _SteadyImportDialog
{
  AdwWindow              parent_instance;

  /* template widgets */
  GtkButton             *cancel_button;
  GtkButton             *import_button;
  GtkStack              *stack;
  AdwStatusPage         *working_page;
  GtkSpinner            *spinner;
  GtkLabel              *summary_label;
  AdwPreferencesGroup   *moods_group;
  AdwStatusPage         *done_page;

  /* owned */
  SteadyJournalStore    *store;
  SteadyDaylioImport    *import;       /* once the file is read */
  GtkFileChooserNative  *chooser;
  GPtrArray             *mood_rows;    /* (element-type AdwComboRow), one per unknown mood */
  GCancellable          *cancellable;  /* while a file is read or imported */
  gboolean               importing;    /* the import was started (and the worker has it) */
  gboolean               closed;       /* closed or destroyed: a result is not wanted */
};

G_DEFINE_FINAL_TYPE (SteadyImportDialog, steady_import_dialog, ADW_TYPE_WINDOW)

static void
show_page (SteadyImportDialog *self,
           const char         *name)
{
  gboolean review = g_str_equal (name, "review");
  gboolean working = g_str_equal (name, "working");

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_spinner_set_spinning (self->spinner, working);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), review);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), review || working);
}

static void
show_result (SteadyImportDialog *self,
             const char         *icon_name,
             const char         *title,
             const char         *description)
{
  adw_status_page_set_icon_name (self->done_page, icon_name);
  adw_status_page_set_title (self->done_page, title);
  adw_status_page_set_description (self->done_page, description);
  show_page (self, "done");
}

static void
show_failure (SteadyImportDialog *self,
              const GError       *error)
{
  show_result (self, "dialog-warning-symbolic", _("Nothing Was Imported"), error->message);
}

/* Applies the rows' choices for moods of the person's own, then shows the preview. */
static void
update_preview (SteadyImportDialog *self)
{
  const char * const *unknown;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SteadyDaylioSummary summary;

  /* Rows may still notify while the window goes, or after the worker took the import. */
  if (self->import == NULL || self->closed)
    return;
  unknown = steady_daylio_import_get_unknown_moods (self->import);
  for (guint i = 0; i < self->mood_rows->len; i++)
    steady_daylio_import_set_mood (self->import, unknown[i],
                                   (int) adw_combo_row_get_selected (g_ptr_array_index (
                                     self->mood_rows, i)));
  if (!steady_daylio_import_preview (self->import, self->store, &summary, &error))
    {
      show_failure (self, error);
      return;
    }
  text = steady_daylio_describe (&summary, FALSE);
  gtk_label_set_text (self->summary_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", summary.n_added > 0);
}

static void
add_mood_rows (SteadyImportDialog *self)
{
  const char * const *unknown = steady_daylio_import_get_unknown_moods (self->import);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  /* Translators: for a mood of the person's own from Daylio: import none of its entries. */
  gtk_string_list_append (choices, _("Leave out"));
  for (int mood = STEADY_MOOD_MIN; mood <= STEADY_MOOD_MAX; mood++)
    {
      /* Translators: a point of the mood scale, e.g. "2 – Low". */
      g_autofree char *label = g_strdup_printf (_("%d – %s"), mood, steady_mood_word (mood));

      gtk_string_list_append (choices, label);
    }

  for (guint i = 0; unknown[i] != NULL; i++)
    {
      GtkWidget *row = adw_combo_row_new ();
      g_autofree char *title = g_markup_printf_escaped ("“%s”", unknown[i]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (update_preview), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->moods_group, row);
      g_ptr_array_add (self->mood_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->moods_group), unknown[0] != NULL);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  SteadyDaylioImport *import = steady_daylio_import_new_from_file (G_FILE (task_data), NULL,
                                                                   cancellable, &error);

  if (import == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, import, (GDestroyNotify) steady_daylio_import_free);
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SteadyImportDialog *self = STEADY_IMPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);
  self->import = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->closed)
    {
      g_clear_pointer (&self->import, steady_daylio_import_free);
      return;
    }
  if (self->import == NULL)
    {
      show_failure (self, error);
      return;
    }
  add_mood_rows (self);
  show_page (self, "review");
  update_preview (self);
}

/**
 * steady_import_dialog_load_file:
 * @file: a Daylio CSV export (the file chooser's answer)
 *
 * Reads and checks the whole file, then shows what importing it will do. Nothing is written
 * until the user chooses Import.
 */
void
steady_import_dialog_load_file (SteadyImportDialog *self,
                                GFile              *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (STEADY_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->import == NULL && self->cancellable == NULL);

  self->cancellable = g_cancellable_new ();
  adw_status_page_set_title (self->working_page, _("Reading the Export…"));
  show_page (self, "working");
  task = g_task_new (self, self->cancellable, read_done_cb, NULL);
  g_task_set_source_tag (task, steady_import_dialog_load_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_thread);
}

typedef struct
{
  char                *db_path;
  SteadyJournalStore  *store;    /* the pages' store, told to reload afterwards */
  SteadyDaylioImport  *import;
  SteadyDaylioSummary  summary;
} ApplyJob;

static void
apply_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ApplyJob *job = task_data;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autoptr(SteadyJournalStore) store = NULL;
  GError *error = NULL;

  /* A connection of its own, so that its one transaction never takes in the window's
   * writes; the window's store is told to reload afterwards. */
  database = steady_database_open (job->db_path, &error);
  if (database != NULL)
    store = steady_journal_store_new (database);
  if (store == NULL ||
      !steady_daylio_import_apply (job->import, store, cancellable, &job->summary, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
apply_job_free (ApplyJob *job)
{
  g_free (job->db_path);
  g_clear_object (&job->store);
  g_clear_pointer (&job->import, steady_daylio_import_free);
  g_free (job);
}

static void
apply_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  SteadyImportDialog *self = STEADY_IMPORT_DIALOG (object);
  ApplyJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  g_clear_object (&self->cancellable);
  /* The pages must see what was imported, even if this window is gone meanwhile. */
  if (ok && job->summary.n_added > 0)
    steady_journal_store_reload (job->store);
  if (self->closed)
    return;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_result (self, "process-stop-symbolic", _("Stopped"), _("Nothing was imported."));
  else if (!ok)
    show_failure (self, error);
  else
    {
      text = steady_daylio_describe (&job->summary, TRUE);
      show_result (self, "emblem-ok-symbolic", _("Imported"), text);
    }
}

static void
apply_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SteadyImportDialog *self = STEADY_IMPORT_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  ApplyJob *job;

  if (self->import == NULL || self->cancellable != NULL)
    return;
  job = g_new0 (ApplyJob, 1);
  job->db_path = g_strdup (steady_database_get_path (steady_journal_store_get_database (
                                                       self->store)));
  job->store = g_object_ref (self->store);
  /* The worker owns it from here: this window may be destroyed before the worker is done. */
  job->import = g_steal_pointer (&self->import);
  self->importing = TRUE;
  self->cancellable = g_cancellable_new ();
  adw_status_page_set_title (self->working_page, _("Importing…"));
  show_page (self, "working");
  task = g_task_new (self, self->cancellable, apply_done_cb, NULL);
  g_task_set_source_tag (task, apply_activated);
  g_task_set_task_data (task, job, (GDestroyNotify) apply_job_free);
  g_task_run_in_thread (task, apply_thread);
}

static void
file_chosen_cb (GtkNativeDialog    *chooser,
                int                 response,
                SteadyImportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  steady_import_dialog_load_file (self, file);
  gtk_window_present (GTK_WINDOW (self));
}

/* Asks for the export first; the dialog shows once a file is chosen, and goes away if none
 * is. */
void
steady_import_dialog_choose_file (SteadyImportDialog *self)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  GtkWindow *parent;

  g_return_if_fail (STEADY_IS_IMPORT_DIALOG (self));

  if (self->chooser != NULL)
    return;
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  self->chooser = gtk_file_chooser_native_new (_("Choose a Daylio Export"), parent,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Cancel or closing while an import runs stops it (its transaction is rolled back) and the
 * window says so; while the file is only being read, the window simply goes. */
static gboolean
steady_import_dialog_close_request (GtkWindow *window)
{
  SteadyImportDialog *self = STEADY_IMPORT_DIALOG (window);

  if (self->cancellable != NULL && self->importing)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  if (self->cancellable != NULL)
    {
      self->closed = TRUE;
      g_cancellable_cancel (self->cancellable);
    }
  return GTK_WINDOW_CLASS (steady_import_dialog_parent_class)->close_request (window);
}

static void
steady_import_dialog_dispose (GObject *object)
{
  SteadyImportDialog *self = STEADY_IMPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->closed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->mood_rows, g_ptr_array_unref);
  g_clear_pointer (&self->import, steady_daylio_import_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (steady_import_dialog_parent_class)->dispose (object);
}

static void
steady_import_dialog_class_init (SteadyImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steady_import_dialog_dispose;
  window_class->close_request = steady_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/steadyapp/Steady/"
                                                             "reports/steady-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SteadyImportDialog, working_page);
  gtk_widget_class_bind_template_child (widget_class, SteadyImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SteadyImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyImportDialog, moods_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyImportDialog, done_page);
  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steady_import_dialog_init (SteadyImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->mood_rows = g_ptr_array_new ();
}

/**
 * steady_import_dialog_new:
 * @store: the journal store the app's pages share
 *
 * Returns: (transfer none): the dialog, transient for @parent, kept by GTK until it is
 *   closed; call steady_import_dialog_choose_file() or steady_import_dialog_load_file()
 */
SteadyImportDialog *
steady_import_dialog_new (GtkWindow          *parent,
                          SteadyJournalStore *store)
{
  SteadyImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (store), NULL);

  self = g_object_new (STEADY_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  return self;
}
