/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-export-dialog.c: the "Export Data" window. The export runs in a worker thread on a
 * connection of its own, so the window stays responsive and the journal can still be used;
 * "Stop" or closing the window cancels it, and then nothing is written. */

#define G_LOG_DOMAIN "steady-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-csv-export.h"
#include "steady-export-dialog.h"
#include "steady-report-range.h"

struct _SteadyExportDialog
{
  AdwWindow              parent_instance;

  /* template widgets */
  GtkButton             *export_button;
  GtkButton             *cancel_button;
  GtkStack              *stack;
  AdwComboRow           *range_row;
  AdwEntryRow           *from_row;
  AdwEntryRow           *to_row;
  AdwActionRow          *range_summary_row;
  AdwPreferencesGroup   *kinds_group;
  GtkProgressBar        *progress_bar;
  AdwStatusPage         *done_page;

  /* owned */
  SteadyDatabase        *database;
  GtkFileChooserNative  *chooser;
  GCancellable          *cancellable;   /* while an export runs */

  GtkCheckButton        *checks[STEADY_N_CSV_KINDS];
  SteadyReportRange      range;
  gboolean               range_ok;
};

G_DEFINE_FINAL_TYPE (SteadyExportDialog, steady_export_dialog, ADW_TYPE_WINDOW)

/* What a worker thread needs; it never touches the window. */
typedef struct
{
  char               *db_path;
  char               *folder;
  guint               kinds;
  SteadyReportRange   range;
  SteadyCsvCount      counts[STEADY_N_CSV_KINDS];
  GTask              *task;     /* unowned: the task this job is the data of */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->db_path);
  g_free (job->folder);
  g_free (job);
}

static guint
chosen_kinds (SteadyExportDialog *self)
{
  guint kinds = 0;

  for (guint kind = 0; kind < STEADY_N_CSV_KINDS; kind++)
    {
      if (gtk_check_button_get_active (self->checks[kind]))
        kinds |= STEADY_CSV_KIND_MASK (kind);
    }
  return kinds;
}

static void
update_sensitivity (SteadyExportDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-folder",
                                 self->range_ok && chosen_kinds (self) != 0);
}

/* Works out the range the "Covers" row says, and shows it, or why there is none. */
static void
update_range (SteadyExportDialog *self)
{
  g_autoptr(GError) error = NULL;
  SteadyExportRangeChoice choice = adw_combo_row_get_selected (self->range_row);
  gint64 now = g_get_real_time ();
  gboolean custom = choice == STEADY_EXPORT_RANGE_CUSTOM;

  gtk_widget_set_visible (GTK_WIDGET (self->from_row), custom);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), custom);
  gtk_widget_remove_css_class (GTK_WIDGET (self->from_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->to_row), "error");

  switch (choice)
    {
    case STEADY_EXPORT_RANGE_SINCE_LAST_SESSION:
      self->range_ok = steady_report_range_since_last_session (self->database, now, NULL,
                                                               &self->range, &error);
      break;
    case STEADY_EXPORT_RANGE_LAST_WEEK:
      steady_report_range_last_week (now, NULL, &self->range);
      self->range_ok = TRUE;
      break;
    case STEADY_EXPORT_RANGE_LAST_MONTH:
      steady_report_range_last_month (now, NULL, &self->range);
      self->range_ok = TRUE;
      break;
    case STEADY_EXPORT_RANGE_CUSTOM:
      {
        const char *from = gtk_editable_get_text (GTK_EDITABLE (self->from_row));
        const char *to = gtk_editable_get_text (GTK_EDITABLE (self->to_row));
        GDate first, last;

        self->range_ok = FALSE;
        if (*from == '\0' || *to == '\0')
          {
            g_set_error_literal (&error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_INVALID_DATE,
                                 _("Type the first and the last day, such as 2026-01-31."));
            break;
          }
        if (!steady_report_parse_date (from, &first, &error))
          {
            gtk_widget_add_css_class (GTK_WIDGET (self->from_row), "error");
            break;
          }
        if (!steady_report_parse_date (to, &last, &error))
          {
            gtk_widget_add_css_class (GTK_WIDGET (self->to_row), "error");
            break;
          }
        self->range_ok = steady_report_range_custom (&first, &last, NULL, &self->range, &error);
      }
      break;
    case STEADY_EXPORT_RANGE_EVERYTHING:
    default:
      steady_report_range_everything (&self->range);
      self->range_ok = TRUE;
      break;
    }

  if (self->range_ok && choice == STEADY_EXPORT_RANGE_EVERYTHING)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->range_summary_row),
                                     _("Everything you have recorded"));
      adw_action_row_set_subtitle (self->range_summary_row, NULL);
    }
  else if (self->range_ok)
    {
      g_autofree char *text = steady_report_range_describe (&self->range, NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->range_summary_row), text);
      adw_action_row_set_subtitle (self->range_summary_row, NULL);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->range_summary_row),
                                     _("No dates yet"));
      adw_action_row_set_subtitle (self->range_summary_row, error->message);
    }
  update_sensitivity (self);
}

static void
range_changed_cb (SteadyExportDialog *self)
{
  update_range (self);
}

static void
add_kind_rows (SteadyExportDialog *self)
{
  for (guint kind = 0; kind < STEADY_N_CSV_KINDS; kind++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), steady_csv_kind_get_title (kind));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), steady_csv_kind_get_file_name (kind));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (update_sensitivity), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->kinds_group, row);
      self->checks[kind] = GTK_CHECK_BUTTON (check);
    }
}

static void
show_page (SteadyExportDialog *self,
           const char         *name)
{
  gboolean form = g_str_equal (name, "form");

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), form);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), form);
}

typedef struct
{
  GTask  *task;      /* keeps the dialog, its source object, alive */
  double  fraction;
} Progress;

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->task);
  g_free (progress);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  Progress *progress = user_data;
  SteadyExportDialog *self = g_task_get_source_object (progress->task);

  gtk_progress_bar_set_fraction (self->progress_bar, progress->fraction);
  return G_SOURCE_REMOVE;
}

/* Called in the worker thread; the bar is moved in the main one. */
static void
progress_cb (double   fraction,
             gpointer user_data)
{
  ExportJob *job = user_data;
  Progress *progress = g_new0 (Progress, 1);

  progress->task = g_object_ref (job->task);
  progress->fraction = fraction;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, show_progress_cb, progress,
                              progress_free);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(SteadyDatabase) database = NULL;
  GError *error = NULL;

  /* A connection of its own: the window's may be writing meanwhile. */
  database = steady_database_open (job->db_path, &error);
  if (database == NULL ||
      !steady_csv_export (database, job->kinds, &job->range, job->folder, cancellable,
                          progress_cb, job, job->counts, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static char *
describe_counts (const ExportJob *job)
{
  GString *text = g_string_new (NULL);
  guint n_files = 0;
  guint n_private = 0;
  g_autofree char *folder = g_filename_display_name (job->folder);

  for (guint kind = 0; kind < STEADY_N_CSV_KINDS; kind++)
    {
      if ((job->kinds & STEADY_CSV_KIND_MASK (kind)) == 0)
        continue;
      n_files++;
      n_private += job->counts[kind].n_private;
    }
  /* Translators: %u is a number of files, %s a folder. */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u file is in %s.",
                                             "%u files are in %s.", n_files), n_files, folder);
  for (guint kind = 0; kind < STEADY_N_CSV_KINDS; kind++)
    {
      if ((job->kinds & STEADY_CSV_KIND_MASK (kind)) == 0)
        continue;
      g_string_append (text, "\n");
      /* Translators: a kind of record and how many rows its file has, e.g. "Diary cards:
       * 12 rows". */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s: %u row", "%s: %u rows",
                                                 job->counts[kind].n_rows),
                              steady_csv_kind_get_title (kind), job->counts[kind].n_rows);
    }
  if (n_private > 0)
    {
      g_string_append (text, "\n\n");
      /* Translators: %u is a number of journal entries, worksheets or diary cards. */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u record marked private was left out.",
                                                 "%u records marked private were left out.",
                                                 n_private), n_private);
    }
  return g_string_free (text, FALSE);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SteadyExportDialog *self = STEADY_EXPORT_DIALOG (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *description = describe_counts (job);

      adw_status_page_set_icon_name (self->done_page, "emblem-ok-symbolic");
      adw_status_page_set_title (self->done_page, _("Exported"));
      adw_status_page_set_description (self->done_page, description);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      adw_status_page_set_icon_name (self->done_page, "process-stop-symbolic");
      adw_status_page_set_title (self->done_page, _("Stopped"));
      adw_status_page_set_description (self->done_page, _("Nothing was written."));
    }
  else
    {
      g_autofree char *description = NULL;

      /* Translators: %s says why the export failed. */
      description = g_strdup_printf (_("%s\n\nNothing was written."), error->message);
      adw_status_page_set_icon_name (self->done_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->done_page, _("The Export Failed"));
      adw_status_page_set_description (self->done_page, description);
    }
  show_page (self, "done");
}

/**
 * steady_export_dialog_export_to:
 * @folder: where the files go (the folder chooser's answer)
 *
 * Starts writing the chosen kinds for the chosen dates into @folder.
 */
void
steady_export_dialog_export_to (SteadyExportDialog *self,
                                const char         *folder)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (STEADY_IS_EXPORT_DIALOG (self));
  g_return_if_fail (folder != NULL);
  g_return_if_fail (self->cancellable == NULL);
  g_return_if_fail (self->range_ok && chosen_kinds (self) != 0);

  job = g_new0 (ExportJob, 1);
  job->db_path = g_strdup (steady_database_get_path (self->database));
  job->folder = g_strdup (folder);
  job->kinds = chosen_kinds (self);
  job->range = self->range;

  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  show_page (self, "working");
  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  job->task = task;
  g_task_set_source_tag (task, steady_export_dialog_export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
folder_chosen_cb (GtkNativeDialog    *chooser,
                  int                 response,
                  SteadyExportDialog *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (folder == NULL)
    return;
  path = g_file_get_path (folder);
  if (path == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->range_summary_row),
                                     _("Choose a folder on this computer."));
      return;
    }
  steady_export_dialog_export_to (self, path);
}

static void
choose_folder_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SteadyExportDialog *self = STEADY_EXPORT_DIALOG (widget);

  if (self->chooser != NULL || self->cancellable != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose a Folder for the CSV Files"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Export Here"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (folder_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
stop_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SteadyExportDialog *self = STEADY_EXPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* Closing while an export runs stops it; the worker's result then finds no window. */
static gboolean
steady_export_dialog_close_request (GtkWindow *window)
{
  SteadyExportDialog *self = STEADY_EXPORT_DIALOG (window);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (steady_export_dialog_parent_class)->close_request (window);
}

static void
steady_export_dialog_dispose (GObject *object)
{
  SteadyExportDialog *self = STEADY_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (steady_export_dialog_parent_class)->dispose (object);
}

static void
steady_export_dialog_class_init (SteadyExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steady_export_dialog_dispose;
  window_class->close_request = steady_export_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/steadyapp/Steady/"
                                                             "reports/steady-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SteadyExportDialog, range_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyExportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyExportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyExportDialog, range_summary_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyExportDialog, kinds_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SteadyExportDialog, done_page);
  gtk_widget_class_install_action (widget_class, "export.choose-folder", NULL,
                                   choose_folder_activated);
  gtk_widget_class_install_action (widget_class, "export.stop", NULL, stop_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steady_export_dialog_init (SteadyExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_kind_rows (self);
  g_signal_connect_object (self->range_row, "notify::selected", G_CALLBACK (range_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_row, "changed", G_CALLBACK (range_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_row, "changed", G_CALLBACK (range_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * steady_export_dialog_new:
 * @database: the app's database; the export itself opens a connection of its own
 *
 * Returns: (transfer none): the dialog, transient for @parent, kept by GTK until it is
 *   closed; present it
 */
SteadyExportDialog *
steady_export_dialog_new (GtkWindow      *parent,
                          SteadyDatabase *database)
{
  SteadyExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEADY_IS_DATABASE (database), NULL);

  self = g_object_new (STEADY_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  /* "Since my last session" when there is one, otherwise the last month. */
  update_range (self);
  if (!self->range_ok)
    adw_combo_row_set_selected (self->range_row, STEADY_EXPORT_RANGE_LAST_MONTH);
  return self;
}
