/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-backup-dialog.c: "Back Up Everything…": a save dialog for where the backup goes,
 * then a small dialog with progress and Cancel while a thread writes it. */

#define G_LOG_DOMAIN "steady-backup-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-backup.h"
#include "steady-backup-dialog.h"

#define PROGRESS_INTERVAL_MS 100

typedef struct
{
  GtkWindow            *parent;
  char                 *database_path;
  char                 *path;
  SteadyBackupDoneFunc  done;
  GCancellable         *cancellable;
  GtkWidget            *dialog;
  GtkProgressBar       *progress_bar;
  guint                 progress_id;
  int                   progress_permille; /* written by the worker, atomically */
} Backup;

static void
backup_free (Backup *backup)
{
  g_clear_handle_id (&backup->progress_id, g_source_remove);
  g_clear_object (&backup->parent);
  g_clear_object (&backup->cancellable);
  g_free (backup->database_path);
  g_free (backup->path);
  g_free (backup);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  g_atomic_int_set ((int *)user_data, (int)(CLAMP (fraction, 0.0, 1.0) * 1000));
}

static void
backup_run (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Backup *backup = task_data;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  /* A connection of this thread's own; the backup reads one consistent moment. */
  database = steady_database_open_deferring_check (backup->database_path, &error);
  if (database != NULL &&
      steady_backup_export (database, backup->path, cancellable, progress_cb,
                            &backup->progress_permille, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static gboolean
follow_progress_cb (gpointer user_data)
{
  Backup *backup = user_data;
  int permille = g_atomic_int_get (&backup->progress_permille);

  if (permille > 0)
    gtk_progress_bar_set_fraction (backup->progress_bar, permille / 1000.0);
  else
    gtk_progress_bar_pulse (backup->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Backup *backup = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&backup->progress_id, g_source_remove);
  if (backup->dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (backup->dialog, backup);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&backup->dialog)));
    }

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = g_path_get_basename (backup->path);
      /* Translators: a toast; %s is the file name the backup was saved as. */
      g_autofree char *message = g_strdup_printf (_("Everything was backed up to “%s”"), name);

      backup->done (backup->parent, message, NULL);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    backup->done (backup->parent, NULL, error);
}

static void
progress_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Backup           *backup)
{
  /* The dialog closes itself; the worker stops at its next step and leaves no file. */
  g_cancellable_cancel (backup->cancellable);
}

/* However the dialog goes (Cancel, or the application closing), its bar goes with it. */
static void
progress_destroyed_cb (GtkWidget *dialog,
                       Backup    *backup)
{
  g_clear_handle_id (&backup->progress_id, g_source_remove);
  backup->progress_bar = NULL;
  backup->dialog = NULL;
}

static void
start_backup (Backup *backup)
{
  g_autoptr(GTask) task = NULL;
  GtkWidget *bar = gtk_progress_bar_new ();

  backup->cancellable = g_cancellable_new ();
  backup->dialog = adw_message_dialog_new (backup->parent, _("Backing Up Everything…"),
                                           _("Your journal, sessions, skills, practice and "
                                             "safety plan are being saved to one file."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (backup->dialog), "cancel",
                                   _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (backup->dialog), "cancel");
  backup->progress_bar = GTK_PROGRESS_BAR (bar);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Backup progress"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (backup->dialog), bar);
  g_signal_connect (backup->dialog, "response", G_CALLBACK (progress_response_cb), backup);
  g_signal_connect (backup->dialog, "destroy", G_CALLBACK (progress_destroyed_cb), backup);
  gtk_window_present (GTK_WINDOW (backup->dialog));
  backup->progress_id = g_timeout_add (PROGRESS_INTERVAL_MS, follow_progress_cb, backup);

  task = g_task_new (NULL, backup->cancellable, backup_done_cb, NULL);
  g_task_set_task_data (task, backup, (GDestroyNotify)backup_free);
  g_task_run_in_thread (task, backup_run);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     Backup          *backup)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  /* It hides itself after answering; destroying it here, inside its own signal, would
   * leave GTK working on a dialog that is gone. */
  g_object_unref (chooser);
  if (file == NULL || (backup->path = g_file_get_path (file)) == NULL)
    {
      backup_free (backup);
      return;
    }
  start_backup (backup);
}

void
steady_backup_dialog_run (GtkWindow            *parent,
                          const char           *database_path,
                          SteadyBackupDoneFunc  done)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (today, "%Y-%m-%d");
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  Backup *backup;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (database_path != NULL);
  g_return_if_fail (done != NULL);

  backup = g_new0 (Backup, 1);
  backup->parent = g_object_ref (parent);
  backup->database_path = g_strdup (database_path);
  backup->done = done;

  chooser = gtk_file_chooser_native_new (_("Back Up Everything"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: the suggested file name of a backup; %s is today's date (2026-03-29). */
  name = g_strdup_printf (_("steady-backup-%s.json"), date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), backup);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
