/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-restore-dialog.c: "Restore…" on the real application under Xvfb: a backup previewed in
 * words, restored, and the pages reloaded; a damaged file refused with the reason; every
 * button named; screenshots wide and narrow, light and dark, go to $STEADY_SCREENSHOT_DIR. */

#define G_LOG_DOMAIN "steady-test-restore-dialog"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "steady-application.h"
#include "steady-backup.h"
#include "steady-database.h"
#include "steady-restore-dialog.h"
#include "steady-window.h"

#include "steady-ui-test-util.h"

#define DIALOG_WIDTH  480
#define NARROW_WIDTH  360
#define DIALOG_HEIGHT 640

/* One check-in per uuid suffix @first…@last, last changed at @updated_us. */
static void
add_entries (SteadyDatabase *database,
             int             first,
             int             last,
             gint64          updated_us)
{
  for (int i = first; i <= last; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *sql = g_strdup_printf (
          "INSERT INTO mood_entry (uuid, created_us, updated_us, at_us, utc_offset_s, mood,"
          "  note) VALUES ('cccccccc-0000-4000-8000-%012d', 1, %" G_GINT64_FORMAT ","
          "  1736000000000000 + %d * 86400000000, 0, 3, 'Restored check-in %d');"
          "INSERT INTO mood_entry_emotion (entry_id, emotion_id, intensity)"
          "  SELECT last_insert_rowid (), id, 40 FROM emotion WHERE builtin = 'calm';",
          i, updated_us, i, i);

      steady_database_exec (database, sql, &error);
      g_assert_no_error (error);
    }
}

static int
count_entries (SteadyDatabase *database)
{
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_prepare_v2 (steady_database_get_handle (database),
                                       "SELECT count (*) FROM mood_entry", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* A backup of twelve check-ins, three of which the application holds older copies of. */
static char *
make_backup (SteadyDatabase *app_database)
{
  g_autofree char *source_path = g_build_filename (g_get_user_data_dir (), "source.db", NULL);
  g_autoptr(SteadyDatabase) source = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_user_data_dir (), "backup.json", NULL);

  source = steady_database_open (source_path, &error);
  g_assert_no_error (error);
  add_entries (source, 1, 12, 200);
  add_entries (app_database, 1, 3, 100);
  steady_backup_export (source, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

static const char *
visible_page (SteadyRestoreDialog *dialog)
{
  GtkStack *stack = GTK_STACK (find_first (GTK_WIDGET (dialog), GTK_TYPE_STACK));

  return gtk_stack_get_visible_child_name (stack);
}

static gboolean
shows_page (gpointer data)
{
  void **args = data;

  return g_strcmp0 (visible_page (args[0]), args[1]) == 0;
}

static void
wait_for_page (SteadyRestoreDialog *dialog,
               const char          *name)
{
  void *args[] = { dialog, (void *)name };

  wait_until (shows_page, args);
  wait_for_frame (GTK_WIDGET (dialog));
}

/* The description of the status page on show. */
static const char *
shown_description (SteadyRestoreDialog *dialog)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  collect (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE, pages);
  for (guint i = 0; i < pages->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (pages, i)))
      return adw_status_page_get_description (g_ptr_array_index (pages, i));
  return NULL;
}

/* A user (or a screen reader) can tell every button apart by its name. */
static void
assert_buttons_named (GtkWidget *widget)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (widget, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      const char *label = gtk_button_get_label (GTK_BUTTON (button));

      if (!gtk_widget_get_mapped (button) ||
          GTK_IS_WINDOW_CONTROLS (gtk_widget_get_parent (button)))
        continue;
      g_assert_true ((label != NULL && *label != '\0') ||
                     gtk_widget_get_tooltip_text (button) != NULL);
    }
}

static void
screenshots (SteadyRestoreDialog *dialog,
             GSettings           *settings,
             const char          *name)
{
  const char *schemes[] = { "light", "dark" };

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *wide = g_strdup_printf ("restore-%s-wide-%s", name, schemes[i]);
      g_autofree char *narrow = g_strdup_printf ("restore-%s-narrow-%s", name, schemes[i]);

      set_color_scheme (settings, schemes[i]);
      resize_window (GTK_WINDOW (dialog), DIALOG_WIDTH, DIALOG_HEIGHT);
      save_screenshot (GTK_WIDGET (dialog), wide);
      resize_window (GTK_WINDOW (dialog), NARROW_WIDTH, DIALOG_HEIGHT);
      save_screenshot (GTK_WIDGET (dialog), narrow);
    }
  set_color_scheme (settings, "light");
  resize_window (GTK_WINDOW (dialog), DIALOG_WIDTH, DIALOG_HEIGHT);
}

/* The button with @label on the page shown (each page has its own Cancel). */
static GtkWidget *
shown_button (SteadyRestoreDialog *dialog,
              const char          *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (gtk_widget_get_mapped (button) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) == 0)
        return button;
    }
  g_error ("No button “%s” shown", label);
}

static gboolean
dialog_is_gone (gpointer data)
{
  return find_visible_toplevel (STEADY_TYPE_RESTORE_DIALOG) == NULL;
}

static void
test_preview_and_restore (void)
{
  g_autoptr(GSettings) settings = reset_settings (NULL);
  SteadyApplication *app = start_application ();
  SteadyWindow *window = STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
  SteadyDatabase *database = steady_application_get_database (app);
  g_autofree char *backup = make_backup (database);
  SteadyRestoreDialog *dialog;

  g_assert_cmpint (count_entries (database), ==, 3);
  g_action_group_activate_action (G_ACTION_GROUP (window), "restore", NULL);
  dialog = STEADY_RESTORE_DIALOG (wait_for_toplevel (STEADY_TYPE_RESTORE_DIALOG));
  g_assert_cmpstr (visible_page (dialog), ==, "choose");
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "Choose a Backup File"));
  assert_buttons_named (GTK_WIDGET (dialog));
  screenshots (dialog, settings, "choose");

  /* The preview says in words what would change, and nothing has changed yet. */
  steady_restore_dialog_preview_file (dialog, backup);
  wait_for_page (dialog, "preview");
  g_assert_true (has_visible_label (GTK_WIDGET (dialog),
                                    "9 new records, 3 updated, nothing removed"));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "Journal entries"));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "9 new, 3 updated"));
  g_assert_cmpint (count_entries (database), ==, 3);
  assert_buttons_named (GTK_WIDGET (dialog));
  screenshots (dialog, settings, "preview");

  /* Cancel goes back to the choice, still changing nothing. */
  click (shown_button (dialog, "_Cancel"));
  wait_for_page (dialog, "choose");
  g_assert_cmpint (count_entries (database), ==, 3);

  steady_restore_dialog_preview_file (dialog, backup);
  wait_for_page (dialog, "preview");
  click (shown_button (dialog, "_Restore"));
  wait_until (dialog_is_gone, NULL);
  g_assert_cmpint (count_entries (database), ==, 12);
  /* The Today page was built again from the restored database. */
  g_assert_nonnull (find_first (GTK_WIDGET (window), g_type_from_name ("SteadyTodayPage")));

  stop_application (app);
}

static void
test_refuses_damaged (void)
{
  g_autoptr(GSettings) settings = reset_settings (NULL);
  SteadyApplication *app = start_application ();
  SteadyWindow *window = STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
  SteadyDatabase *database = steady_application_get_database (app);
  g_autofree char *backup = make_backup (database);
  g_autofree char *text = NULL;
  SteadyRestoreDialog *dialog;
  gsize size;

  /* The last half of the file lost, as a full disk or an interrupted copy leaves it. */
  g_assert_true (g_file_get_contents (backup, &text, &size, NULL));
  g_assert_true (g_file_set_contents (backup, text, (gssize)size / 2, NULL));

  g_action_group_activate_action (G_ACTION_GROUP (window), "restore", NULL);
  dialog = STEADY_RESTORE_DIALOG (wait_for_toplevel (STEADY_TYPE_RESTORE_DIALOG));
  steady_restore_dialog_preview_file (dialog, backup);
  wait_for_page (dialog, "error");
  g_assert_nonnull (strstr (shown_description (dialog), "cut short"));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "This Backup Cannot Be Restored"));
  g_assert_cmpint (count_entries (database), ==, 3);
  assert_buttons_named (GTK_WIDGET (dialog));
  screenshots (dialog, settings, "error");

  click (shown_button (dialog, "C_hoose Another Backup"));
  wait_for_page (dialog, "choose");
  stop_application (app);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

/* "Back Up Everything…": the save dialog, then a private file that restores. */
static void
test_back_up_everything (void)
{
  g_autoptr(GSettings) settings = reset_settings (NULL);
  SteadyApplication *app = start_application ();
  SteadyWindow *window = STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
  SteadyDatabase *database = steady_application_get_database (app);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "everything.json", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (g_get_user_data_dir ());
  g_autoptr(GError) error = NULL;
  SteadyRestoreSummary summary = { 0 };
  GtkWindow *chooser;

  add_entries (database, 1, 5, 100);
  g_action_group_activate_action (G_ACTION_GROUP (window), "back-up", NULL);
  /* Without a portal, GtkFileChooserNative shows GTK's own dialog. */
  chooser = wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_true (g_str_has_prefix (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)),
                                   "steady-backup-"));
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error);
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "everything.json");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  wait_until (file_exists, path);

  /* Written whole, private, and it holds the five check-ins. */
  g_assert_cmpint (g_file_test (path, G_FILE_TEST_IS_REGULAR), ==, TRUE);
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  }
  steady_backup_preview (database, path, &summary, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.kinds[STEADY_BACKUP_KIND_MOOD_ENTRY].n_unchanged, ==, 5);
  stop_application (app);
}

/* "steady --restore" or "--import" from the command line tells the running Steady: its
 * windows read every kind of record again, as after a restore from the dialog. */
static void
test_reload_when_told (void)
{
  g_autoptr(GSettings) settings = reset_settings (NULL);
  SteadyApplication *app = start_application ();
  SteadyWindow *window = STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
  SteadyDatabase *database = steady_application_get_database (app);
  GType today_type = g_type_from_name ("SteadyTodayPage");
  GtkWidget *before = find_first (GTK_WIDGET (window), today_type);

  g_assert_nonnull (before);
  g_object_add_weak_pointer (G_OBJECT (before), (gpointer *)&before);
  add_entries (database, 1, 2, 100);
  g_action_group_activate_action (G_ACTION_GROUP (app), "journal-changed", NULL);
  /* The old Today page is gone, a new one built from the database took its place. */
  g_assert_null (before);
  g_assert_nonnull (find_first (GTK_WIDGET (window), today_type));
  stop_application (app);
}

static const UiTest ui_tests[] = {
  { "/restore-dialog/back-up-everything", test_back_up_everything },
  { "/restore-dialog/preview-and-restore", test_preview_and_restore },
  { "/restore-dialog/refuses-damaged", test_refuses_damaged },
  { "/restore-dialog/reload-when-told", test_reload_when_told },
};

int
main (int   argc,
      char *argv[])
{
  keep_system_data_dirs ();
  /* The save dialog GTK shows without a portal reads GTK's own settings schema, which the
   * test environment's schema folder (the build's) does not have. */
  if (g_getenv ("STEADY_TEST_GTK_SCHEMAS") == NULL)
    {
      g_autoptr(GString) dirs = g_string_new (g_getenv ("GSETTINGS_SCHEMA_DIR"));
      const char * const *system = g_get_system_data_dirs ();

      for (guint i = 0; system[i] != NULL; i++)
        {
          g_autofree char *schemas = g_build_filename (system[i], "glib-2.0", "schemas", NULL);

          g_string_append_printf (dirs, "%s%s", dirs->len > 0 ? ":" : "", schemas);
        }
      g_setenv ("GSETTINGS_SCHEMA_DIR", dirs->str, TRUE);
      g_setenv ("STEADY_TEST_GTK_SCHEMAS", "1", TRUE);
    }
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (ui_tests); i++)
    g_test_add_data_func (ui_tests[i].path, &ui_tests[i], run_in_subprocess);

  return g_test_run ();
}
