/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui.c: drives the real SteadyApplication under Xvfb: every page wide and narrow, light
 * and dark, "Get help now", preferences, about, shortcuts and the start-up recovery dialog.
 * It asserts what users rely on and saves a PNG of each into $STEADY_SCREENSHOT_DIR. */

#define G_LOG_DOMAIN "steady-test-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "steady-application.h"
#include "steady-database.h"
#include "steady-help-dialog.h"
#include "steady-preferences-window.h"
#include "steady-window.h"

#include "steady-ui-test-util.h"

#define WIDE_WIDTH    1000
#define NARROW_WIDTH  360
#define WINDOW_HEIGHT 700

#define GNOME_BUTTON_LAYOUT "appmenu:close"

static const char * const pages[] = { "today", "calendar", "skills", "journal" };

/* Windows ------------------------------------------------------------------------------- */

/* The size of the window on screen. Under Xvfb, with no compositor, GTK draws a thin border
 * around the window's widget, so the surface is what was asked for, not the widget. */
static void
get_surface_size (GtkWidget *widget,
                  int       *width,
                  int       *height)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));

  *width = gdk_surface_get_width (surface);
  *height = gdk_surface_get_height (surface);
}

static SteadyWindow *
wait_for_main_window (void)
{
  return STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
}

/* GTK 4.8 applies a window's default size only when it is first shown, so a new size means a
 * new window; it takes its size from the settings, as at every start. */
static SteadyWindow *
open_main_window_at (SteadyApplication *app,
                     GSettings         *settings,
                     int                width,
                     int                height)
{
  GtkWindow *old = find_toplevel (STEADY_TYPE_WINDOW);
  SteadyWindow *window;
  int surface_width = 0;
  int surface_height = 0;

  if (old != NULL)
    gtk_window_destroy (old);
  drain_events ();

  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_application_activate (G_APPLICATION (app));
  window = wait_for_main_window ();
  /* The view switcher title decides in its allocation whether the switcher fits, and the
   * bottom bar follows right after; two more frames let both settle. */
  wait_for_frame (GTK_WIDGET (window));
  wait_for_frame (GTK_WIDGET (window));
  /* Nothing in the window may need more room than this, or it would grow. */
  get_surface_size (GTK_WIDGET (window), &surface_width, &surface_height);
  g_assert_cmpint (surface_width, ==, width);
  g_assert_cmpint (surface_height, ==, height);
  return window;
}

/* Tests --------------------------------------------------------------------------------- */

static void
test_pages (void)
{
  static const char * const schemes[] = { "light", "dark" };
  g_autoptr(GSettings) settings = reset_settings (NULL);
  SteadyApplication *app = start_application ();

  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      set_color_scheme (settings, schemes[s]);

      for (guint narrow = 0; narrow <= 1; narrow++)
        {
          SteadyWindow *window = open_main_window_at (app, settings,
                                                       narrow ? NARROW_WIDTH : WIDE_WIDTH,
                                                       WINDOW_HEIGHT);
          AdwViewSwitcherBar *bar;

          bar = ADW_VIEW_SWITCHER_BAR (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                      STEADY_TYPE_WINDOW,
                                                                      "switcher_bar"));
          g_assert_cmpstr (steady_window_get_page (window), ==, "today");
          /* The bottom switcher bar is there exactly when the header has no room. */
          g_assert_cmpint (adw_view_switcher_bar_get_reveal (bar), ==, narrow);

          for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
            {
              g_autofree char *name = g_strdup_printf ("%s-%s-%s", pages[p],
                                                       narrow ? "narrow" : "wide", schemes[s]);

              g_action_group_activate_action (G_ACTION_GROUP (window), "show-page",
                                              g_variant_new_string (pages[p]));
              g_assert_cmpstr (steady_window_get_page (window), ==, pages[p]);
              save_screenshot (GTK_WIDGET (window), name);
              /* Every page keeps its way to help in reach, whatever the width. */
              g_assert_true (has_visible_label (GTK_WIDGET (window), "Get help now"));
            }
        }
    }

  stop_application (app);
}

static void
test_shortcuts_are_set (void)
{
  g_autoptr(GSettings) settings = reset_settings (NULL);
  SteadyApplication *app = start_application ();
  g_auto(GStrv) help = NULL;
  g_auto(GStrv) today = NULL;
  g_auto(GStrv) journal = NULL;
  g_auto(GStrv) preferences = NULL;
  g_auto(GStrv) quit = NULL;

  help = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.get-help");
  today = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-page('today')");
  journal = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                   "win.show-page('journal')");
  preferences = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  quit = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");

  g_assert_true (g_strv_contains ((const char * const *)help, "<Shift><Control>h"));
  g_assert_true (g_strv_contains ((const char * const *)today, "<Alt>1"));
  g_assert_true (g_strv_contains ((const char * const *)journal, "<Alt>4"));
  g_assert_true (g_strv_contains ((const char * const *)preferences, "<Control>comma"));
  g_assert_true (g_strv_contains ((const char * const *)quit, "<Control>q"));

  stop_application (app);
}

static void
test_help_dialog (void)
{
  g_autoptr(GSettings) settings = reset_settings (NULL);
  SteadyApplication *app;
  SteadyWindow *window;
  GtkWindow *dialog;
  GtkWindow *preferences;
  GtkWidget *change_region;

  g_settings_set_string (settings, "crisis-region", "GB");
  app = start_application ();
  window = wait_for_main_window ();

  /* The same action the button, the menu item and Ctrl+Shift+H use. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "get-help", NULL);
  dialog = wait_for_toplevel (STEADY_TYPE_HELP_DIALOG);
  g_assert_true (gtk_window_get_modal (dialog));
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));

  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "116 123"));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "999"));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "Samaritans"));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "not monitored"));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "United Kingdom"));
  save_screenshot (GTK_WIDGET (dialog), "help-gb-light");

  /* A change of region shows at once in the open dialog. */
  g_settings_set_string (settings, "crisis-region", "US");
  wait_for_frame (GTK_WIDGET (dialog));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "988"));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "911"));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "Call or text"));
  g_assert_false (has_visible_label (GTK_WIDGET (dialog), "116 123"));
  save_screenshot (GTK_WIDGET (dialog), "help-us-light");

  /* Reopened narrow and dark: a phone-sized window must show it all too. */
  set_color_scheme (settings, "dark");
  gtk_window_destroy (dialog);
  dialog = GTK_WINDOW (steady_help_dialog_new (GTK_WINDOW (window), settings, NULL));
  gtk_window_set_default_size (dialog, NARROW_WIDTH, WINDOW_HEIGHT);
  gtk_window_present (dialog);
  dialog = wait_for_toplevel (STEADY_TYPE_HELP_DIALOG);
  {
    int width = 0;
    int height = 0;

    get_surface_size (GTK_WIDGET (dialog), &width, &height);
    g_assert_cmpint (width, ==, NARROW_WIDTH);
  }
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "988"));
  save_screenshot (GTK_WIDGET (dialog), "help-us-narrow-dark");

  /* Where the table has no number, the dialog says so instead of inventing one. */
  g_settings_set_string (settings, "crisis-region", "other");
  wait_for_frame (GTK_WIDGET (dialog));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "local emergency number"));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "https://findahelpline.com"));
  g_assert_false (has_visible_label (GTK_WIDGET (dialog), "911"));
  g_assert_false (has_visible_label (GTK_WIDGET (dialog), "988"));
  save_screenshot (GTK_WIDGET (dialog), "help-other-narrow-dark");

  /* "Change Region" opens Preferences on top of the dialog. */
  change_region = find_button_with_label (GTK_WIDGET (dialog), "Change Region");
  g_assert_nonnull (change_region);
  g_signal_emit_by_name (change_region, "clicked");
  preferences = wait_for_toplevel (STEADY_TYPE_PREFERENCES_WINDOW);
  g_assert_true (gtk_window_get_transient_for (preferences) == dialog);

  stop_application (app);
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = reset_settings (NULL);
  SteadyApplication *app = start_application ();
  g_autofree char *scheme = NULL;
  const SteadyCrisisLine *lines;
  GtkWindow *preferences;
  AdwComboRow *region_row;
  GtkWidget *dark_check;
  guint n_lines = 0;
  guint gb_position = 0;

  wait_for_main_window ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = wait_for_toplevel (STEADY_TYPE_PREFERENCES_WINDOW);
  save_screenshot (GTK_WIDGET (preferences), "preferences-light");

  region_row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                             STEADY_TYPE_PREFERENCES_WINDOW,
                                                             "region_row"));
  lines = steady_crisis_lines_get_all (&n_lines);
  /* "Automatic" and then every region of the table. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (region_row)), ==,
                    n_lines + 1);
  g_assert_cmpuint (adw_combo_row_get_selected (region_row), ==, 0);
  for (guint i = 0; i < n_lines; i++)
    {
      if (g_str_equal (lines[i].region, "GB"))
        gb_position = i + 1;
    }
  g_assert_cmpuint (gb_position, >, 0);

  /* The row and the key follow each other both ways. */
  adw_combo_row_set_selected (region_row, gb_position);
  g_assert_cmpstr (g_settings_get_string (settings, "crisis-region"), ==, "GB");
  g_settings_set_string (settings, "crisis-region", "");
  g_assert_cmpuint (adw_combo_row_get_selected (region_row), ==, 0);
  g_settings_set_string (settings, "crisis-region", "CA");
  g_assert_cmpstr (lines[adw_combo_row_get_selected (region_row) - 1].region, ==, "CA");

  /* Choosing Dark applies it to the whole application. */
  dark_check = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                          STEADY_TYPE_PREFERENCES_WINDOW,
                                                          "dark_check"));
  g_assert_nonnull (dark_check);
  gtk_widget_activate (dark_check);
  scheme = g_settings_get_string (settings, "color-scheme");
  g_assert_cmpstr (scheme, ==, "dark");
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (dark_check)));
  save_screenshot (GTK_WIDGET (preferences), "preferences-dark");

  stop_application (app);
}

static void
test_about_and_shortcuts (void)
{
  g_autoptr(GSettings) settings = reset_settings (NULL);
  SteadyApplication *app = start_application ();
  SteadyWindow *window = wait_for_main_window ();
  GtkWindow *about;
  GtkWindow *shortcuts;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = wait_for_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==,
                   APPLICATION_ID);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  g_assert_nonnull (strstr (adw_about_window_get_comments (ADW_ABOUT_WINDOW (about)),
                            "not a medical device"));
  save_screenshot (GTK_WIDGET (about), "about-light");
  gtk_window_destroy (about);

  /* The window builds the Keyboard Shortcuts window when asked (Ctrl+? or the menu). */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  shortcuts = wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  save_screenshot (GTK_WIDGET (shortcuts), "shortcuts-light");

  stop_application (app);
}

static void
test_window_size_is_kept (void)
{
  g_autoptr(GSettings) settings = reset_settings (NULL);
  SteadyApplication *app = start_application ();
  SteadyWindow *window = wait_for_main_window ();
  int width = 0;
  int height = 0;

  /* A window closed at some size comes back at that size. Under Xvfb there is no window
   * manager to drag it, so the size is changed the way a drag ends up: the window's current
   * (default) size. */
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 520);
  gtk_window_close (GTK_WINDOW (window));
  drain_events ();
  g_assert_null (find_toplevel (STEADY_TYPE_WINDOW));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 720);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 520);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The settings live in memory for this process only, so "the next start" is the next
   * window the application opens, which reads them just as at start-up. */
  g_application_activate (G_APPLICATION (app));
  window = wait_for_main_window ();
  get_surface_size (GTK_WIDGET (window), &width, &height);
  g_assert_cmpint (width, ==, 720);
  g_assert_cmpint (height, ==, 520);

  /* Quitting with Ctrl+Q keeps the size too, not only closing the window. */
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 480);

  stop_application (app);
}

static char *
make_good_database_with_backup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autofree char *path = steady_database_get_default_path ();
  g_autofree char *backup = NULL;

  database = steady_database_open (path, &error);
  g_assert_no_error (error);
  backup = steady_database_backup_now (database, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  return g_steal_pointer (&path);
}

static gboolean
response_is (GtkWindow  *dialog,
             const char *response)
{
  return adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), response);
}

static void
test_corrupt_database_offers_backup (void)
{
  g_autoptr(GSettings) settings = reset_settings (NULL);
  g_autofree char *path = make_good_database_with_backup ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  char garbage[4096];
  SteadyApplication *app;
  GtkWindow *dialog;
  gboolean set_aside = FALSE;
  GDir *listing;
  const char *name;

  memset (garbage, 'x', sizeof garbage);
  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage, &error));
  g_assert_no_error (error);
  g_unlink (wal);
  g_unlink (shm);

  app = start_application ();
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  /* The damaged file is never replaced by an empty journal behind the user's back. */
  g_assert_null (find_toplevel (STEADY_TYPE_WINDOW));
  g_assert_true (response_is (dialog, "restore"));
  g_assert_true (response_is (dialog, "quit"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "restore");
  save_screenshot (GTK_WIDGET (dialog), "recovery-dialog-light");

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  wait_for_main_window ();
  g_assert_nonnull (steady_application_get_database (app));

  /* The damaged file was set aside under another name, not deleted. */
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *other = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_str_equal (name, "steady.db") ||
          !g_file_test (other, G_FILE_TEST_IS_REGULAR) ||
          !g_file_get_contents (other, &contents, &length, NULL))
        continue;
      set_aside |= length == sizeof garbage && memcmp (contents, garbage, length) == 0;
    }
  g_dir_close (listing);
  g_assert_true (set_aside);

  stop_application (app);
}

/* Damage inside an otherwise sound file is found by the check that runs once the window is
 * up: the window goes, the same question comes, and nothing is changed before the answer. */
static void
test_damage_found_after_start (void)
{
  g_autoptr(GSettings) settings = reset_settings (NULL);
  g_autofree char *path = steady_database_get_default_path ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0;
  gsize after_len = 0;
  char garbage[200];
  SteadyApplication *app;
  GtkWindow *dialog;
  FILE *file;

  {
    g_autoptr(SteadyDatabase) database = steady_database_open (path, &error);
    g_autofree char *backup = NULL;

    g_assert_no_error (error);
    g_assert_true (steady_database_exec (database,
                                         "CREATE TABLE filler (v TEXT);"
                                         "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL"
                                         "  SELECT i + 1 FROM n WHERE i < 3000)"
                                         "INSERT INTO filler SELECT printf ('%0200d', i) FROM n;",
                                         &error));
    g_assert_no_error (error);
    backup = steady_database_backup_now (database, &error);
    g_assert_no_error (error);
    g_assert_true (steady_database_exec (database, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
    g_assert_no_error (error);
  }

  /* Scribble over the header of a page in the middle of the table: the file's own header
   * stays valid, so only the whole-file check can tell. */
  memset (garbage, 'x', sizeof garbage);
  file = g_fopen (path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, 40 * 4096, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (garbage, 1, sizeof garbage, file), ==, sizeof garbage);
  g_assert_cmpint (fclose (file), ==, 0);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  app = start_application ();
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  drain_events ();

  g_assert_null (find_toplevel (STEADY_TYPE_WINDOW));
  g_assert_null (steady_application_get_database (app));
  g_assert_true (response_is (dialog, "restore"));
  save_screenshot (GTK_WIDGET (dialog), "recovery-after-start-light");
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  drain_events ();
  stop_application (app);
}

static void
test_foreign_database_is_left_alone (void)
{
  g_autoptr(GSettings) settings = reset_settings (NULL);
  g_autofree char *path = steady_database_get_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0;
  gsize after_len = 0;
  SteadyApplication *app;
  GtkWindow *dialog;
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id=1234;"
                                     "CREATE TABLE notes (body TEXT);"
                                     "INSERT INTO notes VALUES ('someone else''s');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  app = start_application ();
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_null (find_toplevel (STEADY_TYPE_WINDOW));
  g_assert_false (response_is (dialog, "restore"));
  save_screenshot (GTK_WIDGET (dialog), "foreign-file-dialog-light");

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  drain_events ();
  g_assert_null (find_toplevel (STEADY_TYPE_WINDOW));
  g_assert_null (steady_application_get_database (app));
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);

  stop_application (app);
}

/* Spanish is the first language of many people in IOPs, and its labels are longer: the
 * narrow window must still fit, with "Get help now" in Spanish in reach. */
static void
test_spanish (void)
{
  g_autoptr(GSettings) settings = reset_settings (NULL);
  g_autofree char *mo_dir = NULL;
  g_autofree char *mo_file = NULL;
  SteadyApplication *app;
  SteadyWindow *window;
  GtkWindow *dialog;

  mo_dir = g_build_filename (g_getenv ("STEADY_BUILD_ROOT"), "po", NULL);
  mo_file = g_build_filename (mo_dir, "es", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_test (mo_file, G_FILE_TEST_IS_REGULAR));
  g_setenv ("LANGUAGE", "es", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, mo_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_settings_set_string (settings, "crisis-region", "US");
  app = start_application ();
  for (guint narrow = 0; narrow <= 1; narrow++)
    {
      window = open_main_window_at (app, settings, narrow ? NARROW_WIDTH : WIDE_WIDTH,
                                    WINDOW_HEIGHT);
      g_assert_true (has_visible_label (GTK_WIDGET (window), "Pedir ayuda ahora"));
      g_assert_false (has_visible_label (GTK_WIDGET (window), "Get help now"));
      save_screenshot (GTK_WIDGET (window), narrow ? "today-narrow-es" : "today-wide-es");
    }

  g_action_group_activate_action (G_ACTION_GROUP (window), "get-help", NULL);
  dialog = wait_for_toplevel (STEADY_TYPE_HELP_DIALOG);
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "Si estás en peligro ahora"));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "988"));
  save_screenshot (GTK_WIDGET (dialog), "help-us-es");

  stop_application (app);
}

static const UiTest ui_tests[] = {
  { "/ui/pages", test_pages },
  { "/ui/shortcuts", test_shortcuts_are_set },
  { "/ui/help-dialog", test_help_dialog },
  { "/ui/preferences", test_preferences },
  { "/ui/about-and-shortcuts", test_about_and_shortcuts },
  { "/ui/window-size", test_window_size_is_kept },
  { "/ui/corrupt-database", test_corrupt_database_offers_backup },
  { "/ui/foreign-database", test_foreign_database_is_left_alone },
  { "/ui/damage-found-after-start", test_damage_found_after_start },
  { "/ui/spanish", test_spanish },
};

int
main (int   argc,
      char *argv[])
{
  keep_system_data_dirs ();
  /* Window buttons as GNOME places them by default. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", GNOME_BUTTON_LAYOUT, NULL);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (ui_tests); i++)
    g_test_add_data_func (ui_tests[i].path, &ui_tests[i], run_in_subprocess);

  return g_test_run ();
}
