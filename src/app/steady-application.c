/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-application.c: the application object. It opens the database before any window
 * shows, and when the data file cannot be used it explains why instead of starting empty. */

#define G_LOG_DOMAIN "steady-application"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-application.h"
#include "steady-calendar-cli.h"
#include "steady-calendar-page.h"
#include "steady-first-frame.h"
#include "steady-preferences-window.h"
#include "steady-reports-cli.h"
#include "steady-reminders-client.h"
#include "steady-safety-review.h"
#include "steady-terms-page.h"
#include "steady-window.h"

#define BACKUP_MAX_AGE (24 * G_TIME_SPAN_HOUR)

struct _SteadyApplication
{
  AdwApplication  parent_instance;

  /* owned */
  SteadyDatabase *database;
  GSettings      *settings;
  SteadyJournalStore *journal_store; /* shared by every page, so all see each change */

  /* unowned, cleared by weak pointers */
  GtkWindow      *preferences_window;
  GtkWindow      *open_error_dialog;

  guint           backup_source_id;
};

G_DEFINE_FINAL_TYPE (SteadyApplication, steady_application, ADW_TYPE_APPLICATION)

static void open_database_and_present (SteadyApplication *self);

SteadyApplication *
steady_application_new (void)
{
  return g_object_new (STEADY_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

SteadyDatabase *
steady_application_get_database (SteadyApplication *self)
{
  g_return_val_if_fail (STEADY_IS_APPLICATION (self), NULL);

  return self->database;
}

GSettings *
steady_application_get_settings (SteadyApplication *self)
{
  g_return_val_if_fail (STEADY_IS_APPLICATION (self), NULL);

  return self->settings;
}

SteadyJournalStore *
steady_application_get_journal_store (SteadyApplication *self)
{
  g_return_val_if_fail (STEADY_IS_APPLICATION (self), NULL);

  return self->journal_store;
}

static void
apply_color_scheme (SteadyApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (scheme, "light") == 0)
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (scheme, "dark") == 0)
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static void
color_scheme_changed_cb (SteadyApplication *self)
{
  apply_color_scheme (self);
}

/* Closing the windows first lets each one keep what it keeps on close (the main window its
 * size) before the application quits. */
static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  g_list_foreach (windows, (GFunc)g_object_ref, NULL);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);

  g_application_quit (G_APPLICATION (app));
}

static GtkWindow *
find_main_window (SteadyApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (STEADY_IS_WINDOW (l->data))
        return l->data;
    }
  return NULL;
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  SteadyApplication *self = STEADY_APPLICATION (user_data);

  if (self->preferences_window == NULL)
    {
      GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

      self->preferences_window = GTK_WINDOW (steady_preferences_window_new (parent,
                                                                            self->settings));
      /* The journal's "Tags and Emotions" page. */
      if (self->journal_store != NULL)
        adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self->preferences_window),
                                    ADW_PREFERENCES_PAGE (steady_terms_page_new (
                                      self->journal_store)));
      /* So that the application's shortcuts, such as Ctrl+Q, work there too. */
      gtk_window_set_application (self->preferences_window, GTK_APPLICATION (self));
      g_object_add_weak_pointer (G_OBJECT (self->preferences_window),
                                 (gpointer *)&self->preferences_window);
    }
  gtk_window_present (self->preferences_window);
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SteadyApplication *self = STEADY_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Steady developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", PACKAGE_NAME,
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Steady developers"),
                        "developers", developers,
                        "copyright", _("© 2026 The Steady developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/steadyapp/steady",
                        "issue-url", "https://github.com/steadyapp/steady/issues",
                        "comments", _("Keep your therapy sessions, coping skills and mood "
                                      "journal in one calm place, on your own computer.\n\n"
                                      "Steady is not a medical device and not an emergency "
                                      "service."),
                        /* Translators: replace with your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* A reminder's "Open": the calendar, on that session. */
static void
open_session_activated_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  SteadyApplication *self = STEADY_APPLICATION (user_data);
  GtkWindow *window;

  open_database_and_present (self);
  if ((window = find_main_window (self)) != NULL)
    steady_window_open_session (STEADY_WINDOW (window), g_variant_get_string (parameter, NULL));
}

/* The safety plan review reminder's "Open". */
static void
open_safety_plan_activated_cb (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  SteadyApplication *self = STEADY_APPLICATION (user_data);
  GtkWindow *window;

  open_database_and_present (self);
  if ((window = find_main_window (self)) != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (window), "safety-plan", NULL);
}

/* "steady --import" changed the database under this instance. */
static void
calendar_changed_activated_cb (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  GtkWindow *window = find_main_window (STEADY_APPLICATION (user_data));

  if (window != NULL)
    steady_window_reload_calendar (STEADY_WINDOW (window));
}

/* "steady --import" of a Daylio export, or "steady --restore", changed the journal. */
static void
journal_changed_activated_cb (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  SteadyApplication *self = STEADY_APPLICATION (user_data);

  if (self->journal_store != NULL)
    steady_journal_store_reload (self->journal_store);
  /* An import or restore from the command line may have changed every kind of record, as
   * the Restore dialog does: the windows read them all again. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (STEADY_IS_WINDOW (l->data))
      steady_window_reload_pages (l->data);
}

static void
background_reminders_changed_cb (SteadyApplication *self)
{
  g_autoptr(GError) error = NULL;
  gboolean enabled = g_settings_get_boolean (self->settings, "background-reminders");
  GtkWindow *window;

  if (steady_reminders_client_set_autostart (enabled, &error))
    {
      if (enabled)
        steady_calendar_request_replan ();
      return;
    }
  window = find_main_window (self);
  if (window != NULL)
    steady_window_show_error (STEADY_WINDOW (window),
                              _("Reminders when Steady is closed could not be changed"),
                              error->message);
}

/* The reminder service plans the safety plan review reminder from this key. */
static void
review_weeks_changed_cb (GSettings  *settings,
                         const char *key,
                         gpointer    user_data)
{
  steady_calendar_request_replan ();
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated_cb },
  { STEADY_OPEN_SESSION_ACTION, open_session_activated_cb, "s" },
  { STEADY_OPEN_SAFETY_PLAN_ACTION, open_safety_plan_activated_cb },
  { STEADY_CALENDAR_CHANGED_ACTION, calendar_changed_activated_cb },
  { STEADY_JOURNAL_CHANGED_ACTION, journal_changed_activated_cb },
  { "preferences", preferences_activated_cb },
  { "about", about_activated_cb },
};

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SteadyDatabase *database = task_data;
  GError *error = NULL;
  g_autoptr(GError) tidy_error = NULL;

  /* Words edited out of check-ins leave the search index first, so that the backup does not
   * keep them either. Nothing is lost if this fails: those words stay until the next time. */
  if (!steady_journal_store_tidy_search_index (steady_database_get_path (database), NULL,
                                               &tidy_error))
    g_debug ("The search index was not tidied: %s", tidy_error->message);

  if (steady_database_backup_if_due (database, BACKUP_MAX_AGE, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
backup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  SteadyApplication *self = STEADY_APPLICATION (object);
  GtkWindow *window;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    return;

  window = find_main_window (self);
  if (window != NULL)
    steady_window_show_error (STEADY_WINDOW (window),
                              _("The automatic backup could not be made"), error->message);
}

/* Backups run in a worker thread after the window is up, so start-up never waits for one. */
static gboolean
start_backup_cb (gpointer user_data)
{
  SteadyApplication *self = user_data;
  g_autoptr(GTask) task = NULL;

  self->backup_source_id = 0;
  if (self->database == NULL)
    return G_SOURCE_REMOVE;

  task = g_task_new (self, NULL, backup_done_cb, NULL);
  g_task_set_source_tag (task, start_backup_cb);
  g_task_set_task_data (task, g_object_ref (self->database), g_object_unref);
  g_task_run_in_thread (task, backup_thread);
  return G_SOURCE_REMOVE;
}

static void
present_main_window (SteadyApplication *self)
{
  GtkWindow *window = find_main_window (self);

  if (window == NULL)
    {
      window = GTK_WINDOW (steady_window_new (self));
      if (self->backup_source_id == 0)
        self->backup_source_id = g_timeout_add_seconds_full (G_PRIORITY_LOW, 5, start_backup_cb,
                                                             self, NULL);
    }
  gtk_window_present (window);
}

static void
restore_response_cb (AdwMessageDialog  *dialog,
                     const char        *response,
                     SteadyApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  const char *backup_path;
  const char *when;
  GtkWindow *window;

  /* The question is answered; the dialog closes after this handler. */
  if (self->open_error_dialog == GTK_WINDOW (dialog))
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *)&self->open_error_dialog);
      self->open_error_dialog = NULL;
    }

  if (g_strcmp0 (response, "restore") != 0)
    {
      g_application_release (G_APPLICATION (self));
      return;
    }

  db_path = steady_database_get_default_path ();
  backup_path = g_object_get_data (G_OBJECT (dialog), "backup-path");
  if (!steady_database_restore_backup (db_path, backup_path, NULL, &error))
    {
      GtkWidget *failed = adw_message_dialog_new (NULL, _("The backup could not be restored"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "quit", _("_Quit"));
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (failed), "quit");
      gtk_window_set_application (GTK_WINDOW (failed), GTK_APPLICATION (self));
      g_signal_connect_swapped (failed, "response", G_CALLBACK (g_application_release), self);
      gtk_window_present (GTK_WINDOW (failed));
      return;
    }

  open_database_and_present (self);
  when = g_object_get_data (G_OBJECT (dialog), "backup-when");
  window = find_main_window (self);
  if (window != NULL && when != NULL)
    {
      /* Translators: %s is the date and time of the backup, as in the question before. */
      g_autofree char *toast = g_strdup_printf (_("Restored the backup from %s"), when);

      steady_window_add_toast (STEADY_WINDOW (window), toast);
    }
  g_application_release (G_APPLICATION (self));
}

static char *
describe_backup (const char *backup_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (backup_path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GDateTime) local = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  if (info == NULL || (modified = g_file_info_get_modification_date_time (info)) == NULL)
    return g_strdup (_("an unknown date"));
  local = g_date_time_to_local (modified);
  /* Translators: how the date of a backup is shown; see g_date_time_format(). */
  return g_date_time_format (local, _("%A %-d %B %Y at %H:%M"));
}

/* The data file could not be used: say why, offer a good backup when the file is damaged,
 * and never carry on as if an empty journal were the truth. */
static void
show_open_error (SteadyApplication *self,
                 const GError      *error)
{
  g_autofree char *db_path = steady_database_get_default_path ();
  g_autofree char *backup_path = NULL;
  GtkWidget *dialog;
  const char *heading;
  const char *advice;

  if (g_error_matches (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_CORRUPT))
    backup_path = steady_database_find_newest_good_backup (db_path, NULL);

  switch ((SteadyDatabaseError)error->code)
    {
    case STEADY_DATABASE_ERROR_CORRUPT:
      heading = _("Steady’s data file is damaged");
      advice = _("There is no good backup to restore. Steady has not changed the file, so "
                 "it is still there if it can be repaired.");
      break;
    case STEADY_DATABASE_ERROR_NOT_OURS:
      heading = _("This is not Steady’s data file");
      advice = _("If it was put there by mistake, move it somewhere else and start Steady "
                 "again.");
      break;
    case STEADY_DATABASE_ERROR_TOO_NEW:
      heading = _("Your data needs a newer Steady");
      advice = NULL;
      break;
    case STEADY_DATABASE_ERROR_FULL:
      heading = _("The disk is full");
      advice = _("Nothing was changed. Make some room on the disk, then start Steady again.");
      break;
    case STEADY_DATABASE_ERROR_READ_ONLY:
      heading = _("Steady cannot write its data");
      advice = _("Nothing was changed. Check that your data folder can be written to, then "
                 "start Steady again.");
      break;
    case STEADY_DATABASE_ERROR_MIGRATION:
    case STEADY_DATABASE_ERROR_NO_BACKUP:
    case STEADY_DATABASE_ERROR_FAILED:
    default:
      heading = _("Steady could not open your data");
      advice = _("Nothing was changed.");
      break;
    }

  dialog = adw_message_dialog_new (NULL, heading, NULL);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");

  if (backup_path != NULL)
    {
      g_autofree char *when = describe_backup (backup_path);

      /* The database's own message names the file and says it was left alone, which is no
       * longer true once the user restores; this text says what restoring does instead. */
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("Steady cannot read your data file, so it has not "
                                        "opened it. The newest good backup is from %s.\n\n"
                                        "Restoring it brings back everything saved until "
                                        "then. The damaged file is kept in the same folder "
                                        "under a new name, not deleted."),
                                      when);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "restore",
                                       _("_Restore Backup"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
      g_object_set_data_full (G_OBJECT (dialog), "backup-path",
                              g_steal_pointer (&backup_path), g_free);
      g_object_set_data_full (G_OBJECT (dialog), "backup-when", g_steal_pointer (&when), g_free);
    }
  else if (advice != NULL)
    {
      /* Translators: the reason the data file could not be used, then what to do. */
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("%s\n\n%s"),
                                      error->message, advice);
    }
  else
    {
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
    }

  /* Keep the application alive while the question is open. */
  g_application_hold (G_APPLICATION (self));
  self->open_error_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&self->open_error_dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (restore_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (steady_database_check (STEADY_DATABASE (task_data), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The deferred quick_check found the file damaged: the window goes, and the user gets the
 * same question as when the damage is found before any window shows. */
static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  SteadyApplication *self = STEADY_APPLICATION (object);
  SteadyDatabase *checked = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (g_task_propagate_boolean (G_TASK (result), &error) || checked != self->database)
    return;

  g_application_hold (G_APPLICATION (self));
  while ((window = find_main_window (self)) != NULL)
    gtk_window_destroy (window);
  g_clear_handle_id (&self->backup_source_id, g_source_remove);
  g_clear_object (&self->journal_store);
  g_clear_object (&self->database);
  show_open_error (self, error);
  g_application_release (G_APPLICATION (self));
}

static void
start_check_cb (GtkWidget *window,
                gpointer   user_data)
{
  SteadyApplication *self = user_data;
  g_autoptr(GTask) task = NULL;

  if (self->database == NULL)
    return;
  task = g_task_new (self, NULL, check_done_cb, NULL);
  g_task_set_source_tag (task, start_check_cb);
  g_task_set_task_data (task, g_object_ref (self->database), g_object_unref);
  g_task_run_in_thread (task, check_thread);
}

/* The journal store every page shares, so a check-in saved on one shows on all. */
static void
ensure_journal_store (SteadyApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (self->journal_store != NULL)
    return;
  self->journal_store = steady_journal_store_new (self->database);
  /* Built-in emotions and activities in the user's language; English names stay if this
   * fails, which loses nothing. */
  if (!steady_journal_store_localize_builtin_terms (self->journal_store, NULL, NULL, &error))
    g_debug ("Built-in names not translated: %s", error->message);
}

static void
open_database_and_present (SteadyApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  /* Activated again (say, from the launcher) while the question is still open. */
  if (self->open_error_dialog != NULL)
    {
      gtk_window_present (self->open_error_dialog);
      return;
    }

  if (self->database == NULL)
    {
      path = steady_database_get_default_path ();
      /* The whole-file check would delay the first frame by about 0.1 s per twenty years of
       * entries, so it runs in a worker thread right after the window is up. */
      self->database = steady_database_open_deferring_check (path, &error);
      if (self->database == NULL)
        {
          show_open_error (self, error);
          return;
        }
      ensure_journal_store (self);
      present_main_window (self);
      /* Not before the first frame either: on two cores it competed with the painting. */
      steady_first_frame_run_after (GTK_WIDGET (find_main_window (self)), start_check_cb, self);
      return;
    }
  ensure_journal_store (self);
  present_main_window (self);
}

static void
steady_application_activate (GApplication *app)
{
  open_database_and_present (STEADY_APPLICATION (app));
}

static void
set_accels (SteadyApplication *self)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.get-help", { "<Control><Shift>h", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.show-page('today')", { "<Alt>1", NULL } },
    { "win.show-page('calendar')", { "<Alt>2", NULL } },
    { "win.show-page('skills')", { "<Alt>3", NULL } },
    { "win.show-page('journal')", { "<Alt>4", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
}

static void
steady_application_startup (GApplication *app)
{
  SteadyApplication *self = STEADY_APPLICATION (app);

  G_APPLICATION_CLASS (steady_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  set_accels (self);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);
  g_signal_connect_object (self->settings, "changed::background-reminders",
                           G_CALLBACK (background_reminders_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self->settings, "changed::" STEADY_SAFETY_REVIEW_SETTINGS_KEY,
                    G_CALLBACK (review_weeks_changed_cb), NULL);
}

static int
steady_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }
  /* Import, export and restore work on the data file here, before any window or display is
   * needed. */
  if (g_variant_dict_contains (options, "import") || g_variant_dict_contains (options, "export") ||
      g_variant_dict_contains (options, "output") || g_variant_dict_contains (options, "from") ||
      g_variant_dict_contains (options, "to") || g_variant_dict_contains (options, "kind") ||
      g_variant_dict_contains (options, "since-last-session") ||
      g_variant_dict_contains (options, "notes") || g_variant_dict_contains (options, "restore"))
    {
      SteadyReportsCliOptions cli = { NULL };

      g_variant_dict_lookup (options, "import", "^&ay", &cli.import_path);
      g_variant_dict_lookup (options, "export", "&s", &cli.export_format);
      g_variant_dict_lookup (options, "output", "^&ay", &cli.output_path);
      g_variant_dict_lookup (options, "from", "&s", &cli.from);
      g_variant_dict_lookup (options, "to", "&s", &cli.to);
      g_variant_dict_lookup (options, "kind", "&s", &cli.kinds);
      g_variant_dict_lookup (options, "notes", "&s", &cli.notes);
      g_variant_dict_lookup (options, "restore", "^&ay", &cli.restore_path);
      cli.since_last_session = g_variant_dict_contains (options, "since-last-session");
      return steady_reports_cli_run (&cli);
    }
  return -1;
}

static void
steady_application_dispose (GObject *object)
{
  SteadyApplication *self = (SteadyApplication *)object;

  g_clear_handle_id (&self->backup_source_id, g_source_remove);
  if (self->preferences_window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->preferences_window),
                                  (gpointer *)&self->preferences_window);
  if (self->open_error_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->open_error_dialog),
                                  (gpointer *)&self->open_error_dialog);
  g_clear_object (&self->journal_store);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steady_application_parent_class)->dispose (object);
}

static void
steady_application_class_init (SteadyApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = steady_application_dispose;
  app_class->activate = steady_application_activate;
  app_class->startup = steady_application_startup;
  app_class->handle_local_options = steady_application_handle_local_options;
}

static void
steady_application_init (SteadyApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Print the version and exit"), NULL },
    { "export", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      /* Translators: keep pdf, csv, json and ics as they are: they are what the user types. */
      N_("Export without opening a window: pdf (the report for your therapist), csv (one "
         "file per kind of record), json (a complete backup) or ics (the sessions)"),
      N_("FORMAT") },
    { "output", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
      N_("The file --export writes, or for csv the folder its files go to"), N_("PATH") },
    { "from", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      N_("Export records from this day on (pdf and csv)"), N_("YYYY-MM-DD") },
    { "to", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      N_("Export records up to and including this day (pdf and csv)"), N_("YYYY-MM-DD") },
    { "since-last-session", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Export what happened since your last session on the calendar (pdf and csv)"), NULL },
    { "kind", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      /* Translators: keep the kinds' names as they are: they are what the user types. */
      N_("Only these kinds of record, for csv: journal, exercises, diary-cards, skill-uses, "
         "practice, sessions"), N_("KIND,…") },
    { "notes", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      /* Translators: keep full, short and none as they are: they are what the user types. */
      N_("How much of each journal note goes in the pdf: full, short (the first lines, the "
         "default) or none"), N_("full|short|none") },
    { "import", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
      N_("Import sessions from an iCalendar file, or journal entries from a Daylio CSV "
         "export, without opening a window"), N_("FILE") },
    { "restore", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
      N_("Restore a JSON backup, merging it with your data, without opening a window"),
      N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_description (G_APPLICATION (self),
    /* Translators: examples for "steady --help"; translate the words, keep the options. */
    _("Examples:\n"
      "  steady --export pdf --output report.pdf --since-last-session\n"
      "  steady --export csv --output Steady-CSV --from 2026-01-01 --to 2026-01-31\n"
      "  steady --import daylio_export.csv\n\n"
      "Exit status: 0 when done, 1 when it could not be done, 2 when the options do not go "
      "together. Files are written readable by you only, and whole or not at all."));
}
