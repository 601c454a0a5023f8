/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-share-dialog.c: "Share with My Therapist" opened from the window's menu: the ranges it
 * computes, the private entries it says it leaves out, the preview's pages, saving; and
 * screenshots wide and narrow, light and dark. */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "steady-application.h"
#include "steady-journal-store.h"
#include "steady-occurrence-store.h"
#include "steady-session-store.h"
#include "steady-share-dialog.h"
#include "steady-test-util.h"
#include "steady-ui-test-util.h"
#include "steady-window.h"

#define WIDE_WIDTH    900
#define NARROW_WIDTH  360
#define WINDOW_HEIGHT 760
#define PRIVATE_NOTE  "Zqxonlyforme"
#define LONG_START    "Zqxlongstart"
#define LONG_END      "Zqxlongend"

static void
add_entry (SteadyJournalStore *store,
           int                 days_ago,
           int                 mood,
           const char         *note,
           gboolean            is_private)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) when = g_date_time_add_days (now, -days_ago);
  g_autoptr(SteadyMoodEntry) entry = steady_mood_entry_new ();
  g_autoptr(GError) error = NULL;

  steady_mood_entry_set_local_time (entry, when);
  steady_mood_entry_set_mood (entry, mood);
  steady_mood_entry_set_note (entry, note);
  steady_mood_entry_set_private (entry, is_private);
  g_assert_true (steady_journal_store_create (store, entry, &error));
  g_assert_no_error (error);
}

/* Three weeks of check-ins, one private, and a weekly session that started a month ago. */
static void
fill (SteadyApplication *app)
{
  SteadyJournalStore *journal = steady_application_get_journal_store (app);
  g_autoptr(SteadySessionStore) sessions =
    steady_session_store_new (steady_application_get_database (app));
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_days (now, -30);
  g_autofree char *start_local = g_date_time_format (start, "%Y%m%dT090000");
  g_autoptr(GError) error = NULL;

  for (int day = 1; day <= 21; day++)
    {
      g_autofree char *note = g_strdup_printf ("Went to group and took a walk, day %d.", day);

      add_entry (journal, day, 1 + day % 5, note, FALSE);
    }
  add_entry (journal, 2, 2, PRIVATE_NOTE, TRUE);
  {
    g_autoptr(GString) note = g_string_new (LONG_START);

    for (int i = 0; i < 150; i++)
      g_string_append (note, " a long day of small steps");
    g_string_append (note, " " LONG_END);
    add_entry (journal, 3, 3, note->str, FALSE);
  }

  steady_session_series_set_title (series, "Group therapy");
  steady_session_series_set_start (series, start_local, "UTC");
  steady_session_series_set_rrule (series, "FREQ=WEEKLY;COUNT=8");
  g_assert_true (steady_session_store_add_series (sessions, series, &error));
  g_assert_no_error (error);
}

static gboolean
not_busy (gpointer data)
{
  return !steady_share_dialog_get_busy (data);
}

/* The report is read and laid out in a thread; what a choice gives is known once it is done. */
static void
assert_range (SteadyShareDialog       *dialog,
              const SteadyReportRange *expected)
{
  SteadyReportRange range;

  wait_until (not_busy, dialog);
  g_assert_true (steady_share_dialog_get_range (dialog, &range));
  g_assert_cmpint (range.from_us, ==, expected->from_us);
  g_assert_cmpint (range.to_us, ==, expected->to_us);
}

/* How many of the preview's pixels are dark: text and lines, not an empty white page. */
static guint
count_dark_pixels (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  guint dark = 0;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &bounds);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize)width * height * 4);
  gdk_texture_download (texture, pixels, (gsize)width * 4);
  for (int i = 0; i < width * height; i++)
    {
      const guchar *p = pixels + i * 4;

      if (p[3] > 200 && p[0] < 90 && p[1] < 90 && p[2] < 90)
        dark++;
    }
  return dark;
}

/* Prints the report shown to a PDF file, as a printer gets it, and reads it back. */
static char *
print_and_read (SteadyShareDialog *dialog,
                guint             *out_pages)
{
  g_autofree char *printed = g_build_filename (g_get_user_data_dir (), "printed.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (steady_share_dialog_print_to_file (dialog, printed, &error));
  g_assert_no_error (error);
  *out_pages = steady_test_pdf_pages (printed);
  return steady_test_pdf_text (printed, FALSE);
}

static void
set_flag_cb (gpointer  data,
             GObject  *where_the_object_was)
{
  *(gboolean *)data = TRUE;
}

static gboolean
not_saving (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

static GtkWidget *
find_progress_box (GtkWidget *dialog)
{
  g_autoptr(GPtrArray) bars = g_ptr_array_new ();

  collect (dialog, GTK_TYPE_PROGRESS_BAR, bars);
  g_assert_cmpuint (bars->len, ==, 1);
  return gtk_widget_get_parent (g_ptr_array_index (bars, 0));
}

static AdwComboRow *
find_notes_row (GtkWidget *dialog)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (dialog, ADW_TYPE_COMBO_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (row), "Journal notes") == 0)
        return ADW_COMBO_ROW (row);
    }
  g_assert_not_reached ();
}

/* Chooses how much of each note goes in, as picking it in the list does, and prints. */
static char *
print_with_notes (SteadyShareDialog *dialog,
                  AdwComboRow       *notes_row,
                  SteadyReportNotes  notes)
{
  guint n_pages = 0;

  adw_combo_row_set_selected (notes_row, notes);
  wait_until (not_busy, dialog);
  return print_and_read (dialog, &n_pages);
}

static void
test_share_dialog (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
  SteadyDatabase *database = steady_application_get_database (app);
  SteadyShareDialog *dialog;
  SteadyReportRange expected;
  gint64 now = g_get_real_time ();
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GDateTime) two_weeks_ago = g_date_time_add_days (today, -14);
  GDate first;
  GDate last;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages;

  fill (app);
  g_action_group_activate_action (G_ACTION_GROUP (window), "share-report", NULL);
  dialog = STEADY_SHARE_DIALOG (wait_for_toplevel (STEADY_TYPE_SHARE_DIALOG));
  steady_share_dialog_set_now (dialog, now);
  resize_window (GTK_WINDOW (dialog), 560, WINDOW_HEIGHT);
  wait_until (not_busy, dialog);

  /* Each choice of range gives the range the report code computes for it. */
  steady_share_dialog_set_range_kind (dialog, STEADY_SHARE_RANGE_LAST_WEEK);
  steady_report_range_last_week (now, NULL, &expected);
  assert_range (dialog, &expected);

  steady_share_dialog_set_range_kind (dialog, STEADY_SHARE_RANGE_SINCE_LAST_SESSION);
  g_assert_true (steady_report_range_since_last_session (database, now, NULL, &expected, &error));
  g_assert_no_error (error);
  assert_range (dialog, &expected);
  /* The last session was at most a week ago, and the range starts there. */
  g_assert_cmpint (now - expected.from_us, <=, 8 * G_TIME_SPAN_DAY);

  g_date_set_dmy (&first, g_date_time_get_day_of_month (two_weeks_ago),
                  g_date_time_get_month (two_weeks_ago), g_date_time_get_year (two_weeks_ago));
  g_date_set_dmy (&last, g_date_time_get_day_of_month (today), g_date_time_get_month (today),
                  g_date_time_get_year (today));
  steady_share_dialog_set_custom (dialog, &first, &last);
  g_assert_true (steady_report_range_custom (&first, &last, NULL, &expected, &error));
  g_assert_no_error (error);
  assert_range (dialog, &expected);
  save_screenshot (GTK_WIDGET (dialog), "share-dialog-custom-light");

  steady_share_dialog_set_range_kind (dialog, STEADY_SHARE_RANGE_LAST_MONTH);
  steady_report_range_last_month (now, NULL, &expected);
  assert_range (dialog, &expected);

  /* The private entry is counted and said so; the preview has pages, drawn. */
  wait_until (not_busy, dialog);
  g_assert_cmpuint (steady_share_dialog_get_n_private (dialog), ==, 1);
  wait_for_frame (GTK_WIDGET (dialog));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "1 private entry will be left out."));
  n_pages = steady_share_dialog_get_n_pages (dialog);
  g_assert_cmpuint (n_pages, >=, 2);
  {
    g_autofree char *first_page = g_strdup_printf ("1 of %u", n_pages);
    g_autofree char *second_page = g_strdup_printf ("2 of %u", n_pages);
    GtkWidget *preview = find_first (GTK_WIDGET (dialog), GTK_TYPE_DRAWING_AREA);

    g_assert_true (has_visible_label (GTK_WIDGET (dialog), first_page));
    g_assert_cmpuint (count_dark_pixels (preview), >, 500);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "share.next-page", NULL));
    wait_for_frame (GTK_WIDGET (dialog));
    g_assert_true (has_visible_label (GTK_WIDGET (dialog), second_page));
    g_assert_cmpuint (count_dark_pixels (preview), >, 500);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "share.previous-page",
                                               NULL));
  }

  /* Without the journal entries ticked, none is in; the safety plan is off at first. */
  {
    g_autoptr(GPtrArray) checks = g_ptr_array_new ();

    collect (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, checks);
    g_assert_cmpuint (checks->len, ==, 8);
    g_assert_false (gtk_check_button_get_active (g_ptr_array_index (checks, 7)));
    gtk_check_button_set_active (g_ptr_array_index (checks, 1), FALSE);
    wait_until (not_busy, dialog);
    /* How much of the notes means nothing without the entries. */
    g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (find_notes_row (GTK_WIDGET (dialog)))));
    {
      guint printed_pages = 0;
      g_autofree char *text = print_and_read (dialog, &printed_pages);

      g_assert_null (strstr (text, "Went to group and took a walk"));
      g_assert_nonnull (strstr (text, "Between sessions: my report"));
    }
    gtk_check_button_set_active (g_ptr_array_index (checks, 1), TRUE);
    wait_until (not_busy, dialog);
    g_assert_cmpuint (steady_share_dialog_get_n_pages (dialog), ==, n_pages);
    g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (find_notes_row (GTK_WIDGET (dialog)))));
  }

  /* Notes: the first lines at first, then in full, then none; the report follows. */
  {
    AdwComboRow *notes_row = find_notes_row (GTK_WIDGET (dialog));
    g_autofree char *shortened = NULL;
    g_autofree char *full = NULL;
    g_autofree char *none = NULL;

    g_assert_cmpuint (adw_combo_row_get_selected (notes_row), ==, STEADY_REPORT_NOTES_SHORT);
    shortened = print_with_notes (dialog, notes_row, STEADY_REPORT_NOTES_SHORT);
    g_assert_nonnull (strstr (shortened, LONG_START));
    g_assert_null (strstr (shortened, LONG_END));
    g_assert_nonnull (strstr (shortened, "Went to group and took a walk, day 3."));

    full = print_with_notes (dialog, notes_row, STEADY_REPORT_NOTES_FULL);
    g_assert_nonnull (strstr (full, LONG_START));
    g_assert_nonnull (strstr (full, LONG_END));

    none = print_with_notes (dialog, notes_row, STEADY_REPORT_NOTES_NONE);
    g_assert_null (strstr (none, LONG_START));
    g_assert_null (strstr (none, "Went to group and took a walk"));
    g_assert_nonnull (strstr (none, "Journal"));
    save_screenshot (GTK_WIDGET (dialog), "share-dialog-notes-none-light");

    adw_combo_row_set_selected (notes_row, STEADY_REPORT_NOTES_SHORT);
    wait_until (not_busy, dialog);
    g_assert_cmpuint (steady_share_dialog_get_n_pages (dialog), ==, n_pages);
  }

  resize_window (GTK_WINDOW (dialog), WIDE_WIDTH, WINDOW_HEIGHT);
  save_screenshot (GTK_WIDGET (dialog), "share-dialog-wide-light");
  resize_window (GTK_WINDOW (dialog), NARROW_WIDTH, WINDOW_HEIGHT);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, NARROW_WIDTH);
  save_screenshot (GTK_WIDGET (dialog), "share-dialog-narrow-light");
  set_color_scheme (settings, "dark");
  save_screenshot (GTK_WIDGET (dialog), "share-dialog-narrow-dark");
  resize_window (GTK_WINDOW (dialog), WIDE_WIDTH, WINDOW_HEIGHT);
  save_screenshot (GTK_WIDGET (dialog), "share-dialog-wide-dark");
  set_color_scheme (settings, "light");

  /* Printing draws the same pages: printed to a file, the same count and the same words. */
  {
    guint printed_pages = 0;
    g_autofree char *text = print_and_read (dialog, &printed_pages);

    g_assert_cmpuint (printed_pages, ==, n_pages);
    g_assert_nonnull (strstr (text, "Between sessions: my report"));
    g_assert_nonnull (strstr (text, "Went to group and took a walk, day 3."));
    g_assert_null (strstr (text, PRIVATE_NOTE));
  }

  /* Saving: the file appears complete, the owner's alone, and the progress goes away. */
  path = g_build_filename (g_get_user_data_dir (), "report.pdf", NULL);
  umask (022);
  g_assert_true (steady_share_dialog_save_to_path (dialog, path));
  wait_until (not_saving, find_progress_box (GTK_WIDGET (dialog)));
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmphex (steady_test_file_mode (path), ==, 0600);

  gtk_window_close (GTK_WINDOW (dialog));

  /* Closed while it is still reading: the work ends quietly and the dialog goes away. */
  {
    gboolean finalized = FALSE;

    g_action_group_activate_action (G_ACTION_GROUP (window), "share-report", NULL);
    dialog = STEADY_SHARE_DIALOG (wait_for_toplevel (STEADY_TYPE_SHARE_DIALOG));
    g_object_weak_ref (G_OBJECT (dialog), set_flag_cb, &finalized);
    steady_share_dialog_set_range_kind (dialog, STEADY_SHARE_RANGE_LAST_MONTH);
    g_assert_true (steady_share_dialog_get_busy (dialog));
    gtk_window_close (GTK_WINDOW (dialog));
    wait_until (flag_is_set, &finalized);
  }

  stop_application (app);
}

static const UiTest ui_tests[] = {
  { "/share-dialog/ranges-preview-save", test_share_dialog },
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
