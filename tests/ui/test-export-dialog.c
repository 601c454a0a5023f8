/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export-dialog.c: "Export Data…" and "Import from Daylio…" on the real application
 * under Xvfb: the dates and kinds, refused dates, the files written and what the dialog says
 * about them, an export that fails; the Daylio preview, a mood of one's own placed on the
 * scale, the import and its summary, a second import adding nothing, a damaged file. Both
 * dialogs are shot wide and narrow, light and dark. */

#define G_LOG_DOMAIN "steady-test-export-dialog"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "steady-application.h"
#include "steady-csv-export.h"
#include "steady-export-dialog.h"
#include "steady-import-dialog.h"
#include "steady-window.h"

#include "steady-ui-test-util.h"

#define DIALOG_HEIGHT 680

static SteadyWindow *
main_window (void)
{
  return STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
}

static void
add_entry (SteadyJournalStore *store,
           int                 days_ago,
           const char         *note,
           gboolean            is_private)
{
  g_autoptr(SteadyMoodEntry) entry = steady_mood_entry_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days_ago);
  g_autoptr(GError) error = NULL;

  steady_mood_entry_set_local_time (entry, then);
  steady_mood_entry_set_mood (entry, 3);
  steady_mood_entry_set_note (entry, note);
  steady_mood_entry_set_private (entry, is_private);
  g_assert_true (steady_journal_store_create (store, entry, &error));
  g_assert_no_error (error);
}

static const char *
page_of (GtkWindow *dialog)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (find_first (GTK_WIDGET (dialog),
                                                                  GTK_TYPE_STACK)));
}

typedef struct
{
  GtkWindow  *dialog;
  const char *page;
} PageWait;

static gboolean
page_is (gpointer data)
{
  PageWait *wait = data;

  return g_strcmp0 (page_of (wait->dialog), wait->page) == 0;
}

static void
wait_for_page (GtkWindow  *dialog,
               const char *page)
{
  PageWait wait = { dialog, page };

  wait_until (page_is, &wait);
  wait_for_frame (GTK_WIDGET (dialog));
}

static const char *
done_description (GtkWindow *dialog)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  collect (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE, pages);
  for (guint i = 0; i < pages->len; i++)
    {
      if (gtk_widget_get_mapped (g_ptr_array_index (pages, i)))
        return adw_status_page_get_description (g_ptr_array_index (pages, i));
    }
  g_assert_not_reached ();
}

/* Shoots @dialog wide and narrow, light and dark, and leaves it wide and light. */
static void
shoot (GSettings  *settings,
       GtkWindow  *dialog,
       const char *name)
{
  static const char * const schemes[] = { "light", "dark" };

  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      g_autofree char *wide = g_strdup_printf ("%s-wide-%s", name, schemes[s]);
      g_autofree char *narrow = g_strdup_printf ("%s-narrow-%s", name, schemes[s]);

      set_color_scheme (settings, schemes[s]);
      resize_window (dialog, 480, DIALOG_HEIGHT);
      save_screenshot (GTK_WIDGET (dialog), wide);
      resize_window (dialog, 360, DIALOG_HEIGHT);
      save_screenshot (GTK_WIDGET (dialog), narrow);
    }
  set_color_scheme (settings, "light");
  resize_window (dialog, 480, DIALOG_HEIGHT);
}

static AdwEntryRow *
entry_row (GtkWindow *dialog,
           guint      index)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  return g_ptr_array_index (rows, index);
}

static gboolean
can_export (GtkWindow *dialog)
{
  return gtk_widget_get_sensitive (find_button_with_label (GTK_WIDGET (dialog), "Export…"));
}

static void
test_export (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = main_window ();
  SteadyJournalStore *store = steady_application_get_journal_store (app);
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "exported", NULL);
  g_autofree char *missing = g_build_filename (g_get_user_data_dir (), "no", "such", NULL);
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *today_text = g_date_time_format (today, "%Y-%m-%d");
  AdwComboRow *range_row;
  GtkWindow *dialog;

  add_entry (store, 1, "Walked to group, talked about the week.", FALSE);
  add_entry (store, 3, "A quiet day.", FALSE);
  add_entry (store, 2, "Only for me.", TRUE);
  add_entry (store, 90, "Long ago.", FALSE);
  umask (022);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);

  g_action_group_activate_action (G_ACTION_GROUP (window), "export-data", NULL);
  dialog = wait_for_toplevel (STEADY_TYPE_EXPORT_DIALOG);
  g_assert_cmpstr (page_of (dialog), ==, "form");

  /* No session on the calendar yet: the dialog starts on the last month, with its dates. */
  range_row = ADW_COMBO_ROW (find_first (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  g_assert_cmpuint (adw_combo_row_get_selected (range_row), ==, STEADY_EXPORT_RANGE_LAST_MONTH);
  g_assert_true (can_export (dialog));
  {
    g_autofree char *last = g_date_time_format (today, "%-d %B %Y");

    wait_for_frame (GTK_WIDGET (dialog));
    g_assert_true (has_visible_label (GTK_WIDGET (dialog), last));
  }
  /* One named check box per kind, all on. */
  collect (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, ==, STEADY_N_CSV_KINDS);
  for (guint kind = 0; kind < STEADY_N_CSV_KINDS; kind++)
    {
      g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, kind)));
      g_assert_true (has_visible_label (GTK_WIDGET (dialog), steady_csv_kind_get_title (kind)));
    }
  shoot (settings, dialog, "export-dialog");

  /* "Since my last session" says why it cannot be used, and Export waits. */
  adw_combo_row_set_selected (range_row, STEADY_EXPORT_RANGE_SINCE_LAST_SESSION);
  wait_for_frame (GTK_WIDGET (dialog));
  g_assert_false (can_export (dialog));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "No dates yet"));

  /* Dates typed by hand: one that does not exist is refused in words. */
  adw_combo_row_set_selected (range_row, STEADY_EXPORT_RANGE_CUSTOM);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (entry_row (dialog, 0))));
  gtk_editable_set_text (GTK_EDITABLE (entry_row (dialog, 0)), "2026-02-30");
  gtk_editable_set_text (GTK_EDITABLE (entry_row (dialog, 1)), today_text);
  wait_for_frame (GTK_WIDGET (dialog));
  g_assert_false (can_export (dialog));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry_row (dialog, 0)), "error"));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "The date 2026-02-30 does not exist."));
  resize_window (dialog, 360, DIALOG_HEIGHT);
  save_screenshot (GTK_WIDGET (dialog), "export-dialog-bad-date-narrow-light");
  resize_window (dialog, 480, DIALOG_HEIGHT);
  {
    g_autoptr(GDateTime) week_ago = g_date_time_add_days (today, -7);
    g_autofree char *from = g_date_time_format (week_ago, "%Y-%m-%d");

    gtk_editable_set_text (GTK_EDITABLE (entry_row (dialog, 0)), from);
  }
  wait_for_frame (GTK_WIDGET (dialog));
  g_assert_true (can_export (dialog));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry_row (dialog, 0)), "error"));

  /* No kind chosen, nothing to export. */
  for (guint i = 0; i < checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (checks, i), FALSE);
  g_assert_false (can_export (dialog));
  gtk_check_button_set_active (g_ptr_array_index (checks, STEADY_CSV_KIND_JOURNAL), TRUE);
  gtk_check_button_set_active (g_ptr_array_index (checks, STEADY_CSV_KIND_SESSIONS), TRUE);
  g_assert_true (can_export (dialog));

  steady_export_dialog_export_to (STEADY_EXPORT_DIALOG (dialog), folder);
  wait_for_page (dialog, "done");
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "Exported"));
  g_assert_nonnull (strstr (done_description (dialog), "2 files are in"));
  g_assert_nonnull (strstr (done_description (dialog), "Journal entries: 2 rows"));
  g_assert_nonnull (strstr (done_description (dialog), "1 record marked private was left out"));
  shoot (settings, dialog, "export-dialog-done");
  {
    g_autofree char *journal = g_build_filename (folder, "journal.csv", NULL);
    g_autofree char *sessions = g_build_filename (folder, "sessions.csv", NULL);
    g_autofree char *diary = g_build_filename (folder, "diary-cards.csv", NULL);
    g_autofree char *text = NULL;
    GStatBuf st;

    g_assert_true (g_file_get_contents (journal, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "Walked to group, talked about the week."));
    g_assert_null (strstr (text, "Only for me."));
    g_assert_null (strstr (text, "Long ago."));
    g_assert_cmpint (g_stat (journal, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_cmpint (g_stat (sessions, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_false (g_file_test (diary, G_FILE_TEST_EXISTS));
  }
  gtk_window_close (dialog);
  drain_events ();
  g_assert_null (find_visible_toplevel (STEADY_TYPE_EXPORT_DIALOG));

  /* A folder that is not there: the dialog says so, and that nothing was written. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "export-data", NULL);
  dialog = wait_for_toplevel (STEADY_TYPE_EXPORT_DIALOG);
  steady_export_dialog_export_to (STEADY_EXPORT_DIALOG (dialog), missing);
  wait_for_page (dialog, "done");
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "The Export Failed"));
  g_assert_nonnull (strstr (done_description (dialog), "Nothing was written."));
  resize_window (dialog, 360, DIALOG_HEIGHT);
  save_screenshot (GTK_WIDGET (dialog), "export-dialog-failed-narrow-light");
  gtk_window_close (dialog);

  stop_application (app);
}

static guint
count_entries (SteadyJournalStore *store)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (steady_journal_store_count (store, &n, &error));
  g_assert_no_error (error);
  return n;
}

static GtkLabel *
summary_label (GtkWindow *dialog)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (GTK_WIDGET (dialog), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

      if (strstr (text, "will be added to your journal") != NULL)
        return g_ptr_array_index (labels, i);
    }
  g_assert_not_reached ();
}

static gboolean
entries_reset_seen (gpointer data)
{
  return *(guint *) data > 0;
}

static void
count_reset_cb (SteadyJournalStore *store,
                guint              *n)
{
  (*n)++;
}

static void
test_import (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = main_window ();
  SteadyJournalStore *store = steady_application_get_journal_store (app);
  g_autoptr(GFile) sample = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "fixtures",
                                                                      "daylio-export.csv",
                                                                      NULL));
  g_autofree char *broken_path = g_build_filename (g_get_user_data_dir (), "broken.csv", NULL);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GPtrArray) moods = g_ptr_array_new ();
  GtkWindow *dialog;
  guint resets = 0;

  g_signal_connect (store, "entries-reset", G_CALLBACK (count_reset_cb), &resets);

  /* The menu's action starts with GTK's file chooser, whose settings schema the test
   * environment does not have; the dialog is given the file directly, as the chooser does. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "import-daylio"));

  dialog = GTK_WINDOW (steady_import_dialog_new (GTK_WINDOW (window), store));
  steady_import_dialog_load_file (STEADY_IMPORT_DIALOG (dialog), sample);
  gtk_window_present (dialog);
  wait_for_page (dialog, "review");
  g_assert_cmpstr (gtk_label_get_text (summary_label (dialog)), ==,
                   "6 new entries will be added to your journal. 4 activities will become "
                   "new tags. 1 entry with a mood of your own will be left out.");
  collect (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, moods);
  g_assert_cmpuint (moods->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (moods, 0)), ==,
                   "“Sleepy-ish”");
  shoot (settings, dialog, "import-dialog");

  /* Placed on the scale, its entry comes along. Nothing is written before Import. */
  adw_combo_row_set_selected (g_ptr_array_index (moods, 0), 2);
  g_assert_nonnull (strstr (gtk_label_get_text (summary_label (dialog)), "7 new entries"));
  g_assert_cmpuint (count_entries (store), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  wait_for_page (dialog, "done");
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "Imported"));
  g_assert_cmpstr (done_description (dialog), ==,
                   "Imported 7 entries from Daylio. 4 activities became new tags.");
  g_assert_cmpuint (count_entries (store), ==, 7);
  /* The pages that show the journal were told to read it again. */
  wait_until (entries_reset_seen, &resets);
  shoot (settings, dialog, "import-dialog-done");
  gtk_window_close (dialog);

  /* The same file again: nothing new, and Import cannot be pressed. */
  dialog = GTK_WINDOW (steady_import_dialog_new (GTK_WINDOW (window), store));
  steady_import_dialog_load_file (STEADY_IMPORT_DIALOG (dialog), sample);
  gtk_window_present (dialog);
  wait_for_page (dialog, "review");
  g_assert_nonnull (strstr (gtk_label_get_text (summary_label (dialog)),
                            "6 were already there"));
  g_assert_false (gtk_widget_get_sensitive (find_button_with_label (GTK_WIDGET (dialog),
                                                                    "Import")));
  gtk_window_close (dialog);

  /* A damaged export: the line and the reason, and nothing imported. */
  g_assert_true (g_file_set_contents (broken_path,
                                      "full_date,date,weekday,time,mood,activities,note_title,"
                                      "note\n2027-05-01,,,10:00,rad,,,fine\n"
                                      "2027-05-02,,,99:00,good,,,bad time\n", -1, NULL));
  dialog = GTK_WINDOW (steady_import_dialog_new (GTK_WINDOW (window), store));
  steady_import_dialog_load_file (STEADY_IMPORT_DIALOG (dialog), broken);
  gtk_window_present (dialog);
  wait_for_page (dialog, "done");
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "Nothing Was Imported"));
  g_assert_nonnull (strstr (done_description (dialog), "Line 3: The time is not a time of day"));
  resize_window (dialog, 360, DIALOG_HEIGHT);
  save_screenshot (GTK_WIDGET (dialog), "import-dialog-failed-narrow-light");
  gtk_window_close (dialog);
  g_assert_cmpuint (count_entries (store), ==, 7);

  /* Closed while the file is still being read: the window goes, and nothing follows. */
  dialog = GTK_WINDOW (steady_import_dialog_new (GTK_WINDOW (window), store));
  steady_import_dialog_load_file (STEADY_IMPORT_DIALOG (dialog), sample);
  gtk_window_present (dialog);
  gtk_window_close (dialog);
  drain_events ();
  g_assert_null (find_visible_toplevel (STEADY_TYPE_IMPORT_DIALOG));
  g_usleep (G_USEC_PER_SEC / 10);
  drain_events ();
  g_assert_cmpuint (count_entries (store), ==, 7);

  stop_application (app);
}

static const UiTest ui_tests[] = {
  { "/export-dialog/export", test_export },
  { "/export-dialog/import", test_import },
};

int
main (int   argc,
      char *argv[])
{
  keep_system_data_dirs ();
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (ui_tests); i++)
    g_test_add_data_func (ui_tests[i].path, &ui_tests[i], run_in_subprocess);
  return g_test_run ();
}
