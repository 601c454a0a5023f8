/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-journal.c: the mood journal on the real application under Xvfb: the two-click
 * check-in, the editor's drafts and bad input, the journal list, search and filters, delete
 * with undo, the charts, Tags and Emotions, the Share button, the toolbar at 360 px;
 * screenshots wide and narrow, light and dark go to $STEADY_SCREENSHOT_DIR. */

#define G_LOG_DOMAIN "steady-test-journal"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "steady-application.h"
#include "steady-draft-store.h"
#include "steady-entry-editor.h"
#include "steady-entry-row.h"
#include "steady-journal-model.h"
#include "steady-journal-page.h"
#include "steady-mood-chart-widget.h"
#include "steady-mood-chart.h"
#include "steady-share-dialog.h"
#include "steady-terms-page.h"
#include "steady-today-page.h"
#include "steady-window.h"

#include "steady-ui-test-util.h"

#define WIDE_WIDTH    1000
#define NARROW_WIDTH  360
#define WINDOW_HEIGHT 760

/* Finding widgets ------------------------------------------------------------------------ */

/* The widgets of @type under @widget with the CSS class @css_class. */
static GPtrArray *
find_with_class (GtkWidget  *widget,
                 GType       type,
                 const char *css_class)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GPtrArray *found = g_ptr_array_new ();

  collect (widget, type, all);
  for (guint i = 0; i < all->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (all, i), css_class))
      g_ptr_array_add (found, g_ptr_array_index (all, i));
  return found;
}

static gboolean
toplevel_is_gone (gpointer data)
{
  return find_visible_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

/* The application ------------------------------------------------------------------------ */

static SteadyWindow *
main_window (void)
{
  return STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
}

static SteadyMoodEntry *
make_entry (SteadyJournalStore *store,
            int                 days_ago,
            int                 hour,
            int                 mood,
            const char         *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, -days_ago);
  g_autoptr(GDateTime) when = g_date_time_new_local (g_date_time_get_year (day),
                                                     g_date_time_get_month (day),
                                                     g_date_time_get_day_of_month (day),
                                                     hour, 15, 0);
  g_autoptr(GPtrArray) emotions = steady_journal_store_list_terms (store,
                                                                   STEADY_JOURNAL_TERM_EMOTION,
                                                                   NULL);
  g_autoptr(GPtrArray) tags = steady_journal_store_list_terms (store, STEADY_JOURNAL_TERM_TAG,
                                                               NULL);
  SteadyMoodEntry *entry = steady_mood_entry_new ();
  SteadyJournalTerm *emotion = g_ptr_array_index (emotions, (days_ago + hour) % emotions->len);
  SteadyJournalTerm *tag = g_ptr_array_index (tags, days_ago % tags->len);

  steady_mood_entry_set_local_time (entry, when);
  steady_mood_entry_set_mood (entry, mood);
  steady_mood_entry_set_note (entry, note);
  steady_mood_entry_set_sleep_hours (entry, 5 + (days_ago % 5));
  steady_mood_entry_set_anxiety (entry, 6 - mood);
  steady_mood_entry_set_emotion (entry, steady_journal_term_get_uuid (emotion),
                                 steady_journal_term_get_name (emotion), 60);
  steady_mood_entry_add_tag (entry, steady_journal_term_get_uuid (tag),
                             steady_journal_term_get_name (tag));
  g_assert_true (steady_journal_store_create (store, entry, &error));
  g_assert_no_error (error);
  return entry;
}

static const char * const notes[] = {
  "Went for a walk by the river before group.\nFelt lighter afterwards.",
  "Hard morning. Stayed in bed until ten.",
  "Called my sister; we laughed about the dog.",
  "Group was intense today, but I said what I needed to say.",
  "Tired. Tried the breathing exercise before sleep.",
};

/* Three check-ins a day on most of the last ten days, a mood pattern that rises. */
static guint
fill_journal (SteadyJournalStore *store)
{
  guint n = 0;

  for (int days_ago = 0; days_ago < 10; days_ago++)
    for (int i = 0; i < (days_ago % 3 == 2 ? 1 : 3); i++)
      {
        int mood = CLAMP (2 + (10 - days_ago) / 4 + (i == 1 ? 1 : 0) - (i == 2 ? 1 : 0), 1, 5);
        const char *note = notes[(days_ago + i) % G_N_ELEMENTS (notes)];
        g_autoptr(SteadyMoodEntry) entry = make_entry (store, days_ago, 8 + 5 * i, mood, note);
        n++;
      }
  return n;
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

static SteadyJournalPage *
show_journal (SteadyWindow *window)
{
  SteadyJournalPage *page;

  steady_window_set_page (window, "journal");
  page = STEADY_JOURNAL_PAGE (find_first (GTK_WIDGET (window), STEADY_TYPE_JOURNAL_PAGE));
  g_assert_nonnull (page);
  wait_for_frame (GTK_WIDGET (page));
  return page;
}

/* Writes @n check-ins an hour apart, newest now, before the application starts; each note
 * is @note_prefix and the check-in's number, or empty. */
static void
write_hourly_entries (guint       n,
                      const char *note_prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_database_get_default_path ();
  g_autoptr(SteadyDatabase) database = steady_database_open (path, &error);
  g_autoptr(SteadyJournalStore) store = NULL;

  g_assert_no_error (error);
  store = steady_journal_store_new (database);
  /* Quicker writes; the point is the reading. */
  g_assert_true (steady_database_exec (database, "PRAGMA synchronous = OFF", NULL));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SteadyMoodEntry) entry = steady_mood_entry_new ();

      steady_mood_entry_set_time (entry,
                                  g_get_real_time () - (gint64)i * 3600 * G_USEC_PER_SEC, 0);
      steady_mood_entry_set_mood (entry, 1 + i % 5);
      if (note_prefix != NULL)
        {
          g_autofree char *note = g_strdup_printf ("%s %u", note_prefix, i);

          steady_mood_entry_set_note (entry, note);
        }
      g_assert_true (steady_journal_store_create (store, entry, NULL));
    }
}

static gboolean
today_is_loaded (gpointer data)
{
  return steady_today_page_get_loaded (data);
}

/* The Today page, once its last check-in and next session are in (just after it is first
 * drawn). */
static SteadyTodayPage *
today_page (SteadyWindow *window)
{
  SteadyTodayPage *page;

  steady_window_set_page (window, "today");
  page = STEADY_TODAY_PAGE (find_first (GTK_WIDGET (window), STEADY_TYPE_TODAY_PAGE));
  g_assert_nonnull (page);
  wait_until (today_is_loaded, page);
  wait_for_frame (GTK_WIDGET (page));
  return page;
}

/* Tests ----------------------------------------------------------------------------------- */

/* Today: five named mood buttons, the empty states, and a check-in in two clicks. */
static void
test_today_check_in (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = main_window ();
  SteadyJournalStore *store = steady_application_get_journal_store (app);
  SteadyTodayPage *page = today_page (window);
  g_autoptr(GPtrArray) buttons = find_with_class (GTK_WIDGET (page), GTK_TYPE_BUTTON,
                                                  "steady-mood-button");
  SteadyEntryEditor *editor;
  g_autoptr(GPtrArray) stored = NULL;
  GtkWidget *session = gtk_label_new ("Group therapy, Tuesday 18:00");

  g_assert_nonnull (store);
  g_assert_cmpuint (count_entries (store), ==, 0);
  g_assert_cmpuint (buttons->len, ==, 5);
  g_assert_true (has_visible_label (GTK_WIDGET (page), "How are you right now?"));
  g_assert_true (has_visible_label (GTK_WIDGET (page), "Very low"));
  g_assert_true (has_visible_label (GTK_WIDGET (page), "Very good"));
  g_assert_true (has_visible_label (GTK_WIDGET (page), "No check-ins yet"));
  /* The practice timers start from here in one click. */
  g_assert_true (has_visible_label (GTK_WIDGET (page), "Breathe"));
  g_assert_true (has_visible_label (GTK_WIDGET (page), "Mindfulness"));
  g_assert_false (has_visible_label (GTK_WIDGET (page), "Breathing and mindfulness timers"));

  resize_window (GTK_WINDOW (window), WIDE_WIDTH, WINDOW_HEIGHT);
  save_screenshot (GTK_WIDGET (window), "journal-today-empty-wide-light");
  resize_window (GTK_WINDOW (window), NARROW_WIDTH, WINDOW_HEIGHT);
  save_screenshot (GTK_WIDGET (window), "journal-today-empty-narrow-light");
  resize_window (GTK_WINDOW (window), WIDE_WIDTH, WINDOW_HEIGHT);

  /* Click one: the check-in opens with that mood; click two: Save. */
  g_signal_emit_by_name (g_ptr_array_index (buttons, 3), "clicked");
  editor = STEADY_ENTRY_EDITOR (wait_for_toplevel (STEADY_TYPE_ENTRY_EDITOR));
  g_assert_true (gtk_widget_get_visible (gtk_window_get_default_widget (GTK_WINDOW (editor))));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_window_get_default_widget (
                     GTK_WINDOW (editor)))), ==, "Save");
  save_screenshot (GTK_WIDGET (editor), "journal-editor-new-light");
  gtk_widget_activate (gtk_window_get_default_widget (GTK_WINDOW (editor)));
  wait_until (toplevel_is_gone, GSIZE_TO_POINTER (STEADY_TYPE_ENTRY_EDITOR));

  g_assert_cmpuint (count_entries (store), ==, 1);
  stored = steady_journal_store_list_at (store, 0, 1, NULL);
  g_assert_cmpint (steady_mood_entry_get_mood (g_ptr_array_index (stored, 0)), ==, 4);
  wait_for_frame (GTK_WIDGET (page));
  g_assert_false (has_visible_label (GTK_WIDGET (page), "No check-ins yet"));
  g_assert_true (has_visible_label (GTK_WIDGET (page), "Good"));

  /* The window puts the calendar's next-session card in its slot; any widget fits there. */
  g_assert_true (has_visible_label (GTK_WIDGET (page), "No upcoming sessions"));
  steady_today_page_set_next_session_widget (page, session);
  wait_for_frame (GTK_WIDGET (page));
  g_assert_true (has_visible_label (GTK_WIDGET (page), "Group therapy, Tuesday 18:00"));
  g_assert_false (has_visible_label (GTK_WIDGET (page), "once the calendar is ready"));

  set_color_scheme (settings, "dark");
  save_screenshot (GTK_WIDGET (window), "journal-today-wide-dark");
  resize_window (GTK_WINDOW (window), NARROW_WIDTH, WINDOW_HEIGHT);
  save_screenshot (GTK_WIDGET (window), "journal-today-narrow-dark");

  stop_application (app);
}

/* The window comes up before the last check-in is read; it shows just after, unasked. */
static void
test_today_deferred (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app;
  SteadyWindow *window;
  SteadyTodayPage *page;

  write_hourly_entries (1, "tea on the balcony");
  app = start_application ();
  window = main_window ();
  page = STEADY_TODAY_PAGE (find_first (GTK_WIDGET (window), STEADY_TYPE_TODAY_PAGE));
  g_assert_nonnull (page);
  g_assert_false (steady_today_page_get_loaded (page));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  /* Until then it claims neither that there is nothing nor that there is something. */
  g_assert_false (has_visible_label (GTK_WIDGET (page), "No check-ins yet"));
  g_assert_false (has_visible_label (GTK_WIDGET (page), "once the calendar is ready"));

  wait_until (today_is_loaded, page);
  wait_for_frame (GTK_WIDGET (page));
  g_assert_true (has_visible_label (GTK_WIDGET (page), "tea on the balcony"));
  g_assert_false (has_visible_label (GTK_WIDGET (page), "No check-ins yet"));
  g_assert_true (has_visible_label (GTK_WIDGET (page), "No upcoming sessions"));

  stop_application (app);
}

/* The journal: newest first, grouped by day, rows opening the editor; screenshots. */
static void
test_journal_list (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = main_window ();
  SteadyJournalStore *store = steady_application_get_journal_store (app);
  SteadyJournalPage *page = show_journal (window);
  GtkListView *list;
  GListModel *model;
  guint n;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  SteadyEntryEditor *editor;

  /* An honest empty state first. */
  g_assert_cmpstr (steady_journal_page_get_view (page), ==, "empty");
  g_assert_true (has_visible_label (GTK_WIDGET (page), "No check-ins yet"));
  resize_window (GTK_WINDOW (window), WIDE_WIDTH, WINDOW_HEIGHT);
  save_screenshot (GTK_WIDGET (window), "journal-empty-wide-light");

  n = fill_journal (store);
  drain_events ();
  wait_for_frame (GTK_WIDGET (page));
  g_assert_cmpstr (steady_journal_page_get_view (page), ==, "list");
  {
    g_autoptr(GPtrArray) lists = find_with_class (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW,
                                                  "steady-journal-list");

    /* The check-ins, then the search results. */
    g_assert_cmpuint (lists->len, ==, 2);
    list = g_ptr_array_index (lists, 0);
  }
  model = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);

  /* Newest first. */
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(SteadyMoodEntry) newer = g_list_model_get_item (model, i - 1);
      g_autoptr(SteadyMoodEntry) older = g_list_model_get_item (model, i);

      g_assert_cmpint (steady_mood_entry_get_time (newer), >=, steady_mood_entry_get_time (older));
    }

  save_screenshot (GTK_WIDGET (window), "journal-list-wide-light");
  /* Today's heading and the first row's words are on screen. */
  collect (GTK_WIDGET (list), STEADY_TYPE_ENTRY_ROW, rows);
  g_assert_cmpuint (rows->len, >, 3);
  g_assert_true (has_visible_label (GTK_WIDGET (list), "Tired. Tried the breathing") ||
                 has_visible_label (GTK_WIDGET (list), "Went for a walk"));
  resize_window (GTK_WINDOW (window), NARROW_WIDTH, WINDOW_HEIGHT);
  save_screenshot (GTK_WIDGET (window), "journal-list-narrow-light");
  set_color_scheme (settings, "dark");
  save_screenshot (GTK_WIDGET (window), "journal-list-narrow-dark");
  resize_window (GTK_WINDOW (window), WIDE_WIDTH, WINDOW_HEIGHT);
  save_screenshot (GTK_WIDGET (window), "journal-list-wide-dark");
  set_color_scheme (settings, "light");

  /* A click on a row opens it in the editor. */
  g_signal_emit_by_name (list, "activate", 0);
  editor = STEADY_ENTRY_EDITOR (wait_for_toplevel (STEADY_TYPE_ENTRY_EDITOR));
  {
    g_autoptr(SteadyMoodEntry) first = g_list_model_get_item (model, 0);

    g_assert_cmpstr (steady_entry_editor_get_uuid (editor), ==, steady_mood_entry_get_uuid (first));
  }
  save_screenshot (GTK_WIDGET (editor), "journal-editor-existing-light");
  /* Tall enough to show every field at once. */
  gtk_window_set_default_size (GTK_WINDOW (editor), 560, 1900);
  save_screenshot (GTK_WIDGET (editor), "journal-editor-all-fields-light");
  {
    GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (
      GTK_SCROLLED_WINDOW (find_first (GTK_WIDGET (editor), GTK_TYPE_SCROLLED_WINDOW)));

    gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll));
    save_screenshot (GTK_WIDGET (editor), "journal-editor-all-fields-end-light");
  }
  gtk_window_set_default_size (GTK_WINDOW (editor), NARROW_WIDTH, WINDOW_HEIGHT);
  save_screenshot (GTK_WIDGET (editor), "journal-editor-narrow-light");
  gtk_window_close (GTK_WINDOW (editor));
  wait_until (toplevel_is_gone, GSIZE_TO_POINTER (STEADY_TYPE_ENTRY_EDITOR));

  stop_application (app);
}

/* A long journal, written before Steady starts, shows its first screen without reading
 * every row. */
static void
test_on_demand (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app;
  SteadyWindow *window;
  g_autoptr(GPtrArray) lists = NULL;
  SteadyJournalPage *page;
  SteadyJournalModel *model;
  /* More than the model keeps at once. */
  const guint n = (STEADY_JOURNAL_MODEL_MAX_PAGES + 1) * STEADY_JOURNAL_MODEL_PAGE_SIZE;

  write_hourly_entries (n, NULL);
  app = start_application ();
  window = main_window ();
  page = show_journal (window);
  wait_for_frame (GTK_WIDGET (page));
  lists = find_with_class (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW, "steady-journal-list");
  model = STEADY_JOURNAL_MODEL (gtk_no_selection_get_model (
    GTK_NO_SELECTION (gtk_list_view_get_model (g_ptr_array_index (lists, 0)))));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  g_assert_cmpuint (steady_journal_model_get_n_rows_cached (model), <=,
                    2 * STEADY_JOURNAL_MODEL_PAGE_SIZE);
  g_assert_cmpuint (steady_journal_model_get_n_rows_loaded (model), <=,
                    2 * STEADY_JOURNAL_MODEL_PAGE_SIZE);
  save_screenshot (GTK_WIDGET (window), "journal-list-long-light");

  stop_application (app);
}

static gboolean
page_is_empty (gpointer data)
{
  return g_strcmp0 (steady_journal_page_get_view (data), "empty") == 0;
}

/* Delete from the editor, then Undo on the toast: the entry comes back exactly. */
static void
test_delete_undo (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = main_window ();
  SteadyJournalStore *store = steady_application_get_journal_store (app);
  g_autoptr(SteadyMoodEntry) entry = make_entry (store, 1, 9, 2, "Undo me, please");
  g_autoptr(SteadyMoodEntry) stored = steady_journal_store_get (store,
                                                                steady_mood_entry_get_uuid (entry),
                                                                NULL);
  g_autoptr(SteadyMoodEntry) back = NULL;
  SteadyJournalPage *page = show_journal (window);
  GtkWidget *editor;
  GtkWidget *undo;

  editor = steady_journal_page_open_editor (page, stored);
  wait_for_frame (editor);
  g_assert_true (gtk_widget_activate_action (editor, "editor.delete", NULL));
  wait_until (toplevel_is_gone, GSIZE_TO_POINTER (STEADY_TYPE_ENTRY_EDITOR));
  g_assert_cmpuint (count_entries (store), ==, 0);

  wait_for_frame (GTK_WIDGET (page));
  g_assert_true (has_visible_label (GTK_WIDGET (page), "Check-in deleted"));
  undo = find_button_with_label (GTK_WIDGET (page), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  drain_events ();

  g_assert_cmpuint (count_entries (store), ==, 1);
  back = steady_journal_store_get (store, steady_mood_entry_get_uuid (entry), NULL);
  g_assert_nonnull (back);
  g_assert_true (steady_mood_entry_equal (back, stored));

  /* The same from the row's menu in the list. */
  wait_for_frame (GTK_WIDGET (page));
  {
    g_autoptr(GPtrArray) lists = find_with_class (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW,
                                                  "steady-journal-list");
    GtkWidget *row = find_first (g_ptr_array_index (lists, 0), STEADY_TYPE_ENTRY_ROW);
    g_autoptr(SteadyMoodEntry) again = NULL;

    g_assert_nonnull (row);
    g_assert_cmpstr (steady_mood_entry_get_uuid (steady_entry_row_get_entry (
                       STEADY_ENTRY_ROW (row))), ==, steady_mood_entry_get_uuid (entry));
    g_assert_true (gtk_widget_activate_action (row, "row.delete", NULL));
    /* The list follows once the worker is done and the store has said so. */
    wait_until (page_is_empty, page);
    g_assert_cmpuint (count_entries (store), ==, 0);
    undo = find_button_with_label (GTK_WIDGET (page), "_Undo");
    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
    drain_events ();
    again = steady_journal_store_get (store, steady_mood_entry_get_uuid (entry), NULL);
    g_assert_nonnull (again);
    g_assert_true (steady_mood_entry_equal (again, stored));
    wait_for_frame (GTK_WIDGET (page));
    g_assert_cmpstr (steady_journal_page_get_view (page), ==, "list");
  }

  stop_application (app);
}

/* Search as you type with highlighted snippets, agreeing with a plain scan; filters. */
static void
test_search (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = main_window ();
  SteadyJournalStore *store = steady_application_get_journal_store (app);
  SteadyJournalPage *page;
  GListModel *results;
  guint n = 0;
  guint n_walk = 0;
  guint n_walk_mood = 0;
  g_autoptr(GPtrArray) all = NULL;
  GtkDropDown *mood_dropdown = NULL;
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();

  n = fill_journal (store);
  page = show_journal (window);
  all = steady_journal_store_list_at (store, 0, n, NULL);
  for (guint i = 0; i < all->len; i++)
    if (strstr (steady_mood_entry_get_note (g_ptr_array_index (all, i)), "walk") != NULL)
      {
        n_walk++;
        if (steady_mood_entry_get_mood (g_ptr_array_index (all, i)) == 3)
          n_walk_mood++;
      }
  g_assert_cmpuint (n_walk, >, 0);

  steady_journal_page_focus_search (page);
  steady_journal_page_set_search_text (page, "walk");
  results = steady_journal_page_get_results (page);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, n_walk);
  g_assert_cmpstr (steady_journal_page_get_view (page), ==, "results");
  {
    g_autoptr(SteadyJournalSearchHit) hit = g_list_model_get_item (results, 0);
    g_autofree char *markup = steady_journal_search_hit_dup_snippet_markup (hit);

    g_assert_nonnull (strstr (markup, "<b>walk</b>"));
  }
  resize_window (GTK_WINDOW (window), WIDE_WIDTH, WINDOW_HEIGHT);
  save_screenshot (GTK_WIDGET (window), "journal-search-wide-light");
  resize_window (GTK_WINDOW (window), NARROW_WIDTH, WINDOW_HEIGHT);
  save_screenshot (GTK_WIDGET (window), "journal-search-narrow-light");

  /* The mood filter narrows the same words down. */
  collect (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, dropdowns);
  g_assert_cmpuint (dropdowns->len, ==, 3);
  mood_dropdown = g_ptr_array_index (dropdowns, 0);
  gtk_drop_down_set_selected (mood_dropdown, 3);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, n_walk_mood);
  {
    GtkMenuButton *filters = GTK_MENU_BUTTON (find_first (GTK_WIDGET (page),
                                                          GTK_TYPE_MENU_BUTTON));

    gtk_menu_button_popup (filters);
    save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (filters)),
                     "journal-filters-light");
    gtk_menu_button_popdown (filters);
  }

  /* A date range: from today on, only today's check-ins with the word. */
  gtk_drop_down_set_selected (mood_dropdown, 0);
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
    int today_day = steady_journal_day_from_time (g_get_real_time (),
                                                  (int)(g_date_time_get_utc_offset (now) /
                                                        G_USEC_PER_SEC));
    guint n_today = 0;

    for (guint i = 0; i < all->len; i++)
      if (strstr (steady_mood_entry_get_note (all->pdata[i]), "walk") != NULL &&
          steady_mood_entry_get_local_day (all->pdata[i]) == today_day)
        n_today++;
    collect (GTK_WIDGET (page), GTK_TYPE_ENTRY, entries);
    g_assert_cmpuint (entries->len, ==, 2);
    gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), today);
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, n_today);
    /* A date that cannot be: said in words, and the results stay as they were. */
    gtk_editable_set_text (GTK_EDITABLE (entries->pdata[1]), "2026-13-45");
    {
      g_autoptr(GPtrArray) errors = find_with_class (GTK_WIDGET (page), GTK_TYPE_LABEL, "error");

      g_assert_cmpuint (errors->len, ==, 1);
      g_assert_true (gtk_widget_get_visible (errors->pdata[0]));
      g_assert_nonnull (strstr (gtk_label_get_text (errors->pdata[0]), "year-month-day"));
      g_assert_cmpuint (g_list_model_get_n_items (results), ==, n_today);
    }
    gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "");
    gtk_editable_set_text (GTK_EDITABLE (entries->pdata[1]), "");
    g_assert_cmpuint (g_list_model_get_n_items (results), ==, n_walk);
  }

  /* Nothing found says so. */
  steady_journal_page_set_search_text (page, "zebra");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_assert_cmpstr (steady_journal_page_get_view (page), ==, "no-results");
  save_screenshot (GTK_WIDGET (window), "journal-search-nothing-narrow-light");
  steady_journal_page_set_search_text (page, "");
  g_assert_cmpstr (steady_journal_page_get_view (page), ==, "list");

  stop_application (app);
}

/* More matches than one page: scrolling down reads the rest, and every match can be
 * reached, newest first, each once. */
static void
test_search_paging (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app;
  SteadyWindow *window;
  SteadyJournalPage *page;
  GListModel *results;
  GtkListView *results_view = NULL;
  GtkAdjustment *adjustment;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const guint n = 260;
  guint n_shown;

  /* More than the 200 that search once stopped at. */
  write_hourly_entries (n, "lantern walk number");
  app = start_application ();
  window = main_window ();
  resize_window (GTK_WINDOW (window), WIDE_WIDTH, WINDOW_HEIGHT);
  page = show_journal (window);
  steady_journal_page_set_search_text (page, "lantern");
  results = steady_journal_page_get_results (page);
  g_assert_cmpstr (steady_journal_page_get_view (page), ==, "results");
  wait_for_frame (GTK_WIDGET (page));
  drain_events ();
  /* Only a first page is read, not every match. */
  n_shown = g_list_model_get_n_items (results);
  g_assert_cmpuint (n_shown, >, 0);
  g_assert_cmpuint (n_shown, <, n);

  lists = find_with_class (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW, "steady-journal-list");
  for (guint i = 0; i < lists->len; i++)
    if (gtk_widget_get_mapped (lists->pdata[i]))
      results_view = lists->pdata[i];
  g_assert_nonnull (results_view);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (results_view));
  g_assert_nonnull (adjustment);

  /* Scroll to the end until nothing more comes, as a user would. */
  for (guint tries = 0; tries < 100; tries++)
    {
      guint before = g_list_model_get_n_items (results);

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                            gtk_adjustment_get_page_size (adjustment));
      wait_for_frame (GTK_WIDGET (results_view));
      drain_events ();
      if (g_list_model_get_n_items (results) == before && before == n)
        break;
    }
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, n);
  save_screenshot (GTK_WIDGET (window), "journal-search-end-wide-light");

  /* Each match once, newest first: the last is the oldest note. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SteadyJournalSearchHit) hit = g_list_model_get_item (results, i);
      SteadyMoodEntry *entry = steady_journal_search_hit_get_entry (hit);
      g_autofree char *expected = g_strdup_printf ("lantern walk number %u", i);

      g_assert_cmpstr (steady_mood_entry_get_note (entry), ==, expected);
      g_assert_true (g_hash_table_add (seen, (gpointer)steady_mood_entry_get_uuid (entry)));
    }

  /* A change elsewhere searches again but keeps what was read. */
  {
    g_autoptr(SteadyMoodEntry) entry = steady_mood_entry_new ();
    SteadyJournalStore *store = steady_application_get_journal_store (app);

    steady_mood_entry_set_mood (entry, 3);
    steady_mood_entry_set_note (entry, "lantern again");
    g_assert_true (steady_journal_store_create (store, entry, NULL));
    g_assert_cmpuint (g_list_model_get_n_items (results), >=, n);
  }

  stop_application (app);
}

/* The charts on the page, each with its summary in words, at each span; screenshots. */
static void
test_charts (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = main_window ();
  SteadyJournalStore *store = steady_application_get_journal_store (app);
  SteadyJournalPage *page;
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  static const struct { guint days; const char *name; const char *words; } spans[] = {
    { 7, "week", "Average mood this week" },
    { 30, "month", "Average mood this month" },
    { 365, "year", "Average mood this year" },
  };

  fill_journal (store);
  page = show_journal (window);
  steady_journal_page_show_charts (page, TRUE);
  g_assert_cmpstr (steady_journal_page_get_view (page), ==, "charts");
  collect (GTK_WIDGET (page), STEADY_TYPE_MOOD_CHART_WIDGET, charts);
  g_assert_cmpuint (charts->len, ==, 3);
  resize_window (GTK_WINDOW (window), WIDE_WIDTH, WINDOW_HEIGHT);

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      g_autofree char *wide = g_strdup_printf ("journal-charts-%s-wide-light", spans[i].name);

      steady_journal_page_set_chart_days (page, spans[i].days);
      g_assert_nonnull (strstr (steady_mood_chart_widget_get_summary (charts->pdata[0]),
                                spans[i].words));
      g_assert_cmpuint (steady_mood_chart_widget_get_n_items (charts->pdata[0]), >, 0);
      g_assert_cmpuint (steady_mood_chart_widget_get_n_items (charts->pdata[1]), >, 0);
      g_assert_cmpuint (steady_mood_chart_widget_get_n_items (charts->pdata[2]), >, 0);
      g_assert_true (has_visible_label (GTK_WIDGET (page), spans[i].words));
      save_screenshot (GTK_WIDGET (window), wide);
    }
  g_assert_nonnull (strstr (steady_mood_chart_widget_get_summary (charts->pdata[1]),
                            "Felt most often:"));
  g_assert_nonnull (strstr (steady_mood_chart_widget_get_summary (charts->pdata[2]),
                            "Average mood"));
  steady_journal_page_set_chart_days (page, 7);
  set_color_scheme (settings, "dark");
  save_screenshot (GTK_WIDGET (window), "journal-charts-week-wide-dark");
  resize_window (GTK_WINDOW (window), NARROW_WIDTH, WINDOW_HEIGHT);
  save_screenshot (GTK_WIDGET (window), "journal-charts-week-narrow-dark");

  /* The editor in the dark too. */
  {
    GtkWidget *editor = steady_journal_page_open_editor (page, NULL);

    save_screenshot (editor, "journal-editor-new-dark");
    gtk_window_set_default_size (GTK_WINDOW (editor), NARROW_WIDTH, WINDOW_HEIGHT);
    save_screenshot (editor, "journal-editor-new-narrow-dark");
    gtk_window_destroy (GTK_WINDOW (editor));
  }

  stop_application (app);
}

/* The core drawing, without GTK, as the PDF report will use it. */
static guint
count_ink (cairo_surface_t *surface)
{
  unsigned char *data;
  int stride;
  guint n = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 pixel = *(guint32 *)(data + y * stride + x * 4);

        if ((pixel & 0xffffff) != 0xffffff)
          n++;
      }
  return n;
}

/* How many pixels differ between two surfaces of the same size. */
static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b)
{
  int stride = cairo_image_surface_get_stride (a);
  unsigned char *da;
  unsigned char *db;
  guint n = 0;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  da = cairo_image_surface_get_data (a);
  db = cairo_image_surface_get_data (b);
  for (int y = 0; y < cairo_image_surface_get_height (a); y++)
    for (int x = 0; x < cairo_image_surface_get_width (a); x++)
      if ((*(guint32 *)(da + y * stride + x * 4) & 0xffffff) !=
          (*(guint32 *)(db + y * stride + x * 4) & 0xffffff))
        n++;
  return n;
}

static void
test_chart_png (void)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (SteadyDaySummary));
  g_autoptr(GArray) sleep = g_array_new (FALSE, FALSE, sizeof (SteadySleepMood));
  g_autoptr(GPtrArray) emotions = g_ptr_array_new_with_free_func (
    (GDestroyNotify)steady_emotion_count_free);
  SteadyMoodChartStyle style;
  g_autofree char *text = NULL;
  guint blank_ink;

  steady_mood_chart_style_init_print (&style);
  for (int d = 0; d < 7; d++)
    {
      SteadyDaySummary day = { 20000 + d, 2, 2 + d * 0.4, 2, 3 + d / 3 };
      SteadySleepMood point = { 20000 + d, 5 + d * 0.5, 2 + d * 0.4 };

      if (d == 3)
        continue;
      g_array_append_val (days, day);
      g_array_append_val (sleep, point);
    }
  for (int i = 0; i < 4; i++)
    {
      SteadyEmotionCount *count = g_new0 (SteadyEmotionCount, 1);

      count->uuid = g_uuid_string_random ();
      count->name = g_strdup_printf ("Emotion %d", i);
      count->n_entries = 10 - 2 * i;
      g_ptr_array_add (emotions, count);
    }

  for (int kind = STEADY_MOOD_CHART_MOOD; kind <= STEADY_MOOD_CHART_SLEEP; kind++)
    {
      static const char * const names[] = { "mood", "emotions", "sleep" };
      g_autofree char *name = g_strdup_printf ("journal-chart-core-%s", names[kind]);
      g_autofree char *path = screenshot_path (name);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 240);
      cairo_surface_t *blank = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 240);
      cairo_t *cr = cairo_create (surface);
      cairo_t *blank_cr = cairo_create (blank);
      g_autoptr(GArray) no_days = g_array_new (FALSE, FALSE, sizeof (SteadyDaySummary));
      g_autoptr(GPtrArray) no_emotions = g_ptr_array_new ();

      if (kind == STEADY_MOOD_CHART_MOOD)
        {
          steady_mood_chart_draw_mood (cr, 600, 240, &style, days, 20000, 20006);
          steady_mood_chart_draw_mood (blank_cr, 600, 240, &style, no_days, 20000, 20006);
        }
      else if (kind == STEADY_MOOD_CHART_EMOTIONS)
        {
          steady_mood_chart_draw_emotions (cr, 600, 240, &style, emotions);
          steady_mood_chart_draw_emotions (blank_cr, 600, 240, &style, no_emotions);
        }
      else
        {
          steady_mood_chart_draw_sleep (cr, 600, 240, &style, sleep);
          steady_mood_chart_draw_sleep (blank_cr, 600, 240, &style, no_days);
        }
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("chart %s.png", name);
      /* Both have ink (the empty state says so in words), and the data changes
       * hundreds of pixels from it: marks were drawn, not only the frame. */
      blank_ink = count_ink (blank);
      g_assert_cmpuint (blank_ink, >, 500);
      g_assert_cmpuint (count_ink (surface), >, 2000);
      g_assert_cmpuint (count_differences (surface, blank), >, 500);
      cairo_destroy (cr);
      cairo_destroy (blank_cr);
      cairo_surface_destroy (surface);
      cairo_surface_destroy (blank);
    }

  text = steady_mood_chart_describe_mood (days, NULL, 7);
  g_assert_nonnull (strstr (text, "Average mood this week"));
}

/* The summary a screen reader hears compares with the span before. */
static void
test_chart_words (void)
{
  g_autoptr(GArray) now = g_array_new (FALSE, FALSE, sizeof (SteadyDaySummary));
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (SteadyDaySummary));
  SteadyDaySummary a = { 10, 2, 3.0, 2, 4 };
  SteadyDaySummary b = { 11, 3, 3.6, 3, 4 };
  SteadyDaySummary c = { 3, 1, 2.9, 3, 3 };
  g_autofree char *up = NULL;
  g_autofree char *down = NULL;

  g_array_append_val (now, a);
  g_array_append_val (now, b);
  g_array_append_val (before, c);
  /* (3.0 × 2 + 3.6 × 3) / 5 = 3.36 */
  up = steady_mood_chart_describe_mood (now, before, 7);
  g_assert_cmpstr (up, ==, "Average mood this week 3.4, up from 2.9");
  down = steady_mood_chart_describe_mood (before, now, 30);
  g_assert_cmpstr (down, ==, "Average mood this month 2.9, down from 3.4");
}

static gboolean
draft_exists (gpointer data)
{
  SteadyEntryEditor *editor = data;
  SteadyApplication *app = STEADY_APPLICATION (g_application_get_default ());
  g_autoptr(SteadyDraftStore) drafts =
    steady_draft_store_new (steady_application_get_database (app));
  g_autofree char *json = steady_draft_store_load (drafts, STEADY_MOOD_ENTRY_DRAFT_KIND,
                                                   steady_entry_editor_get_uuid (editor), NULL,
                                                   NULL);

  return json != NULL && strstr (json, "half a thought") != NULL;
}

/* Typing is kept as a draft without any save; the next editor offers it back. */
static void
test_draft_recovery (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = main_window ();
  SteadyTodayPage *page = today_page (window);
  SteadyJournalStore *store = steady_application_get_journal_store (app);
  SteadyEntryEditor *editor;
  g_autofree char *note = NULL;
  g_autofree char *uuid = NULL;

  editor = STEADY_ENTRY_EDITOR (steady_today_page_check_in (page, 2));
  g_assert_false (steady_entry_editor_get_draft_offered (editor));
  steady_entry_editor_set_note (editor, "half a thought about Tuesday");
  uuid = g_strdup (steady_entry_editor_get_uuid (editor));
  /* The autosave, not a close, writes it. */
  wait_until (draft_exists, editor);
  /* As after a crash: the window goes without a chance to save anything more. */
  gtk_window_destroy (GTK_WINDOW (editor));
  drain_events ();
  g_assert_cmpuint (count_entries (store), ==, 0);

  editor = STEADY_ENTRY_EDITOR (steady_today_page_check_in (page, 5));
  wait_for_frame (GTK_WIDGET (editor));
  g_assert_true (steady_entry_editor_get_draft_offered (editor));
  g_assert_true (has_visible_label (GTK_WIDGET (editor), "You have an unsaved check-in"));
  save_screenshot (GTK_WIDGET (editor), "journal-editor-draft-offered-light");
  steady_entry_editor_restore_draft (editor);
  note = steady_entry_editor_dup_note (editor);
  g_assert_cmpstr (note, ==, "half a thought about Tuesday");
  g_assert_cmpstr (steady_entry_editor_get_uuid (editor), ==, uuid);

  /* Saving writes the entry and removes the draft. */
  g_assert_true (steady_entry_editor_save (editor, NULL));
  g_assert_cmpuint (count_entries (store), ==, 1);
  {
    g_autoptr(SteadyMoodEntry) saved = steady_journal_store_get (store, uuid, NULL);

    g_assert_nonnull (saved);
    g_assert_cmpint (steady_mood_entry_get_mood (saved), ==, 2);
    g_assert_cmpstr (steady_mood_entry_get_note (saved), ==, "half a thought about Tuesday");
  }
  g_assert_false (draft_exists (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
  editor = STEADY_ENTRY_EDITOR (steady_today_page_check_in (page, 3));
  g_assert_false (steady_entry_editor_get_draft_offered (editor));

  /* Quit a moment after typing, before any autosave: the words are kept all the same. */
  steady_entry_editor_set_note (editor, "half a thought, typed just before quitting");
  g_free (uuid);
  uuid = g_strdup (steady_entry_editor_get_uuid (editor));
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  {
    g_autoptr(SteadyDraftStore) drafts =
      steady_draft_store_new (steady_application_get_database (app));
    g_autofree char *json = steady_draft_store_load (drafts, STEADY_MOOD_ENTRY_DRAFT_KIND, uuid,
                                                     NULL, NULL);

    g_assert_nonnull (json);
    g_assert_nonnull (strstr (json, "typed just before quitting"));
  }

  stop_application (app);
}

/* A pasted megabyte, control characters, impossible dates and a database that refuses to
 * write: clear words, the text kept, nothing saved lost. */
static void
test_bad_input (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = main_window ();
  SteadyTodayPage *page = today_page (window);
  SteadyJournalStore *store = steady_application_get_journal_store (app);
  SteadyDatabase *database = steady_application_get_database (app);
  SteadyEntryEditor *editor;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GString) huge = g_string_sized_new (1024 * 1024);
  g_autofree char *kept = NULL;

  while (huge->len < 1024 * 1024)
    g_string_append (huge, "All of this was pasted at once, and every word of it matters. ");

  /* A megabyte pasted saves whole. */
  editor = STEADY_ENTRY_EDITOR (steady_today_page_check_in (page, 3));
  steady_entry_editor_set_note (editor, huge->str);
  g_assert_true (steady_entry_editor_save (editor, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (editor));
  stored = steady_journal_store_list_at (store, 0, 1, NULL);
  g_assert_cmpuint (strlen (steady_mood_entry_get_note (g_ptr_array_index (stored, 0))), ==,
                    huge->len);
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* Control characters are dropped; the words stay. */
  editor = STEADY_ENTRY_EDITOR (steady_today_page_check_in (page, 3));
  steady_entry_editor_set_note (editor, "bell\a and\x01 escape\x1b[31m done\x7f.");
  g_assert_true (steady_entry_editor_save (editor, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (editor));
  stored = steady_journal_store_list_at (store, 0, 1, NULL);
  g_assert_cmpstr (steady_mood_entry_get_note (g_ptr_array_index (stored, 0)), ==,
                   "bell and escape[31m done.");
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* Dates typed by hand that do not exist or cannot be read: a message, nothing saved. */
  editor = STEADY_ENTRY_EDITOR (steady_today_page_check_in (page, 3));
  wait_for_frame (GTK_WIDGET (editor));
  steady_entry_editor_set_note (editor, "written on a day that never was");
  steady_entry_editor_set_when (editor, "2026-02-30", "10:00");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_nonnull (find_visible_toplevel (STEADY_TYPE_ENTRY_EDITOR));
  g_assert_nonnull (steady_entry_editor_get_error_text (editor));
  g_assert_nonnull (strstr (steady_entry_editor_get_error_text (editor), "no such date"));
  save_screenshot (GTK_WIDGET (editor), "journal-editor-bad-date-light");
  steady_entry_editor_set_when (editor, "yesterday", "10:00");
  g_assert_false (steady_entry_editor_save (editor, &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_DATE);
  g_assert_nonnull (strstr (error->message, "year-month-day"));
  g_clear_error (&error);
  steady_entry_editor_set_when (editor, "2026-03-01", "25:61");
  g_assert_false (steady_entry_editor_save (editor, &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_assert_cmpuint (count_entries (store), ==, 2);

  /* The database refuses to write, as on a full disk or a read-only folder: the editor
   * stays open with the words and says so in words; once writing works again it saves. */
  steady_entry_editor_set_when (editor, "2026-03-01", "10:00");
  g_assert_true (steady_database_exec (database, "PRAGMA query_only = ON", &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_nonnull (find_visible_toplevel (STEADY_TYPE_ENTRY_EDITOR));
  g_assert_nonnull (strstr (steady_entry_editor_get_error_text (editor), "could not be saved"));
  kept = steady_entry_editor_dup_note (editor);
  g_assert_cmpstr (kept, ==, "written on a day that never was");
  save_screenshot (GTK_WIDGET (editor), "journal-editor-cannot-write-light");
  g_assert_true (steady_database_exec (database, "PRAGMA query_only = OFF", &error));
  g_assert_cmpuint (count_entries (store), ==, 2);
  g_assert_true (steady_entry_editor_save (editor, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (store), ==, 3);
  gtk_window_destroy (GTK_WINDOW (editor));

  stop_application (app);
}

/* Preferences: add, rename, and merge after saying yes. */
static void
test_terms (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyJournalStore *store = steady_application_get_journal_store (app);
  GtkWindow *preferences;
  SteadyTermsPage *page;
  GtkWidget *merge;
  GtkWindow *dialog;
  g_autoptr(GPtrArray) entry_rows = g_ptr_array_new ();
  g_autoptr(SteadyMoodEntry) entry = NULL;
  g_autoptr(SteadyMoodEntry) merged = NULL;
  g_autoptr(GPtrArray) emotions = NULL;
  guint n_before;

  main_window ();
  entry = make_entry (store, 0, 9, 3, "Tagged");
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = wait_for_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  page = STEADY_TERMS_PAGE (find_first (GTK_WIDGET (preferences), STEADY_TYPE_TERMS_PAGE));
  g_assert_nonnull (page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences),
                                           ADW_PREFERENCES_PAGE (page));
  wait_for_frame (GTK_WIDGET (page));
  g_assert_true (has_visible_label (GTK_WIDGET (page), "Loneliness"));
  save_screenshot (GTK_WIDGET (preferences), "journal-preferences-terms-light");

  /* Add through the row, as typed. */
  collect (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, entry_rows);
  g_assert_cmpuint (entry_rows->len, ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (entry_rows->pdata[0]), "Overwhelmed");
  g_signal_emit_by_name (entry_rows->pdata[0], "apply");
  emotions = steady_journal_store_list_terms (store, STEADY_JOURNAL_TERM_EMOTION, NULL);
  n_before = emotions->len;
  g_assert_cmpstr (steady_journal_term_get_name (emotions->pdata[n_before - 1]), ==,
                   "Overwhelmed");
  wait_for_frame (GTK_WIDGET (page));
  g_assert_true (has_visible_label (GTK_WIDGET (page), "Overwhelmed"));

  /* Merge the entry's emotion into another, confirming. */
  {
    SteadyMoodEmotion *felt = g_ptr_array_index (steady_mood_entry_get_emotions (entry), 0);
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    g_autofree char *label = g_strdup_printf ("Merge %s", felt->name);

    collect (GTK_WIDGET (page), GTK_TYPE_BUTTON, buttons);
    merge = NULL;
    for (guint i = 0; i < buttons->len && merge == NULL; i++)
      {
        GtkWidget *button = buttons->pdata[i];

        if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), "_Merge…") == 0 &&
            g_strcmp0 (g_object_get_data (G_OBJECT (button), "term") != NULL
                       ? steady_journal_term_get_name (g_object_get_data (G_OBJECT (button),
                                                                          "term"))
                       : NULL, felt->name) == 0)
          merge = button;
      }
    g_assert_nonnull (merge);
    g_signal_emit_by_name (merge, "clicked");
    dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    save_screenshot (GTK_WIDGET (dialog), "journal-preferences-merge-light");
    /* Nothing changes before the answer. */
    g_clear_pointer (&emotions, g_ptr_array_unref);
    emotions = steady_journal_store_list_terms (store, STEADY_JOURNAL_TERM_EMOTION, NULL);
    g_assert_cmpuint (emotions->len, ==, n_before);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "merge");
    drain_events ();
    g_clear_pointer (&emotions, g_ptr_array_unref);
    emotions = steady_journal_store_list_terms (store, STEADY_JOURNAL_TERM_EMOTION, NULL);
    g_assert_cmpuint (emotions->len, ==, n_before - 1);
    merged = steady_journal_store_get (store, steady_mood_entry_get_uuid (entry), NULL);
    g_assert_cmpuint (steady_mood_entry_get_emotions (merged)->len, ==, 1);
    g_assert_cmpstr (((SteadyMoodEmotion *)steady_mood_entry_get_emotions (merged)->pdata[0])->uuid,
                     !=, felt->uuid);
  }

  stop_application (app);
}

/* The page's own way to "Share with My Therapist…": a named button, on screen at 360 px,
 * that opens the same dialog as the main menu. */
static void
assert_within_window (GtkWidget    *widget,
                      SteadyWindow *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                     gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpfloat (bounds.size.width, >, 0);
}

static void
test_share_button (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = main_window ();
  SteadyJournalPage *page = show_journal (window);
  GtkWidget *share = find_button_with_action (GTK_WIDGET (page), "win.share-report");
  GtkWindow *dialog;

  g_assert_nonnull (share);
  gtk_test_accessible_assert_property (share, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Share with My Therapist…");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (share), ==, "Share with My Therapist…");

  /* There on an empty journal too (sessions and exercises can be shared), and whole at the
   * narrowest width the window allows. */
  g_assert_cmpstr (steady_journal_page_get_view (page), ==, "empty");
  resize_window (GTK_WINDOW (window), NARROW_WIDTH, WINDOW_HEIGHT);
  assert_within_window (share, window);
  save_screenshot (GTK_WIDGET (window), "journal-share-button-narrow-light");
  set_color_scheme (settings, "dark");
  save_screenshot (GTK_WIDGET (window), "journal-share-button-narrow-dark");
  resize_window (GTK_WINDOW (window), WIDE_WIDTH, WINDOW_HEIGHT);
  assert_within_window (share, window);
  save_screenshot (GTK_WIDGET (window), "journal-share-button-wide-dark");
  set_color_scheme (settings, "light");
  save_screenshot (GTK_WIDGET (window), "journal-share-button-wide-light");

  /* A click opens the share dialog over this window, as the menu item does. */
  g_assert_null (find_visible_toplevel (STEADY_TYPE_SHARE_DIALOG));
  click (share);
  dialog = wait_for_toplevel (STEADY_TYPE_SHARE_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  gtk_window_close (dialog);
  wait_until (toplevel_is_gone, GSIZE_TO_POINTER (STEADY_TYPE_SHARE_DIALOG));

  stop_application (app);
}

/* The toolbar's buttons, as a person finds them: by the name a screen reader says. */
static const char * const toolbar_buttons[] = {
  "Filters", "Charts", "Share with My Therapist…", "New Check-In",
};

static GtkWidget *
find_named_button (GtkWidget  *widget,
                   const char *name)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (widget, GTK_TYPE_WIDGET, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = buttons->pdata[i];
      g_autofree char *label = NULL;

      if (!GTK_IS_BUTTON (button) && !GTK_IS_MENU_BUTTON (button))
        continue;
      g_object_get (button, "label", &label, NULL);
      if (g_strcmp0 (label, name) == 0 ||
          g_strcmp0 (gtk_widget_get_tooltip_text (button), name) == 0)
        return button;
    }
  return NULL;
}

/* Tab from the search entry reaches @button (or the button inside it) before coming back. */
static gboolean
tab_reaches (SteadyWindow *window,
             GtkWidget    *search,
             GtkWidget    *button)
{
  GtkWidget *focus;

  gtk_widget_grab_focus (search);
  for (guint i = 0; i < 200; i++)
    {
      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        return FALSE;
      focus = gtk_window_get_focus (GTK_WINDOW (window));
      if (focus == button || gtk_widget_is_ancestor (focus, button))
        return TRUE;
      if (gtk_widget_is_ancestor (focus, search))
        return FALSE;
    }
  return FALSE;
}

static void
assert_toolbar_usable (SteadyWindow      *window,
                       SteadyJournalPage *page,
                       int                min_search_width)
{
  GtkWidget *search = find_first (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);

  assert_within_window (search, window);
  g_assert_cmpint (gtk_widget_get_width (search), >=, min_search_width);
  for (guint i = 0; i < G_N_ELEMENTS (toolbar_buttons); i++)
    {
      GtkWidget *button = find_named_button (GTK_WIDGET (page), toolbar_buttons[i]);

      g_test_message ("%s", toolbar_buttons[i]);
      g_assert_nonnull (button);
      assert_within_window (button, window);
      g_assert_true (tab_reaches (window, search, button));
    }
}

/* At 360 px the search entry gets a row of its own above the buttons, wide enough to read;
 * every button stays on screen, named and reachable with Tab. Wide, all share one row. */
static void
test_narrow_toolbar (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = main_window ();
  SteadyJournalPage *page;
  GtkWidget *search;
  GtkWidget *share;
  graphene_rect_t search_bounds, share_bounds;

  page = show_journal (window);
  fill_journal (steady_application_get_journal_store (app));
  drain_events ();
  search = find_first (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  share = find_button_with_action (GTK_WIDGET (page), "win.share-report");

  resize_window (GTK_WINDOW (window), NARROW_WIDTH, WINDOW_HEIGHT);
  assert_toolbar_usable (window, page, 300);
  g_assert_true (gtk_widget_compute_bounds (search, GTK_WIDGET (window), &search_bounds));
  g_assert_true (gtk_widget_compute_bounds (share, GTK_WIDGET (window), &share_bounds));
  g_assert_cmpfloat (search_bounds.origin.y + search_bounds.size.height, <=,
                     share_bounds.origin.y);
  save_screenshot (GTK_WIDGET (window), "journal-toolbar-narrow-light");
  steady_journal_page_set_search_text (page, "walk");
  save_screenshot (GTK_WIDGET (window), "journal-toolbar-search-narrow-light");
  set_color_scheme (settings, "dark");
  save_screenshot (GTK_WIDGET (window), "journal-toolbar-search-narrow-dark");
  steady_journal_page_set_search_text (page, NULL);
  save_screenshot (GTK_WIDGET (window), "journal-toolbar-narrow-dark");

  /* Wide, as before: the search and the buttons on one row. */
  resize_window (GTK_WINDOW (window), WIDE_WIDTH, WINDOW_HEIGHT);
  assert_toolbar_usable (window, page, 300);
  g_assert_true (gtk_widget_compute_bounds (search, GTK_WIDGET (window), &search_bounds));
  g_assert_true (gtk_widget_compute_bounds (share, GTK_WIDGET (window), &share_bounds));
  g_assert_cmpfloat (search_bounds.origin.y, <, share_bounds.origin.y + share_bounds.size.height);
  g_assert_cmpfloat (share_bounds.origin.y, <, search_bounds.origin.y + search_bounds.size.height);
  g_assert_cmpfloat (search_bounds.origin.x + search_bounds.size.width, <=,
                     share_bounds.origin.x);
  save_screenshot (GTK_WIDGET (window), "journal-toolbar-wide-dark");
  set_color_scheme (settings, "light");
  save_screenshot (GTK_WIDGET (window), "journal-toolbar-wide-light");

  /* Back to narrow and wide again: the layout follows the width both ways. */
  resize_window (GTK_WINDOW (window), NARROW_WIDTH, WINDOW_HEIGHT);
  assert_toolbar_usable (window, page, 300);

  stop_application (app);
}

static const UiTest ui_tests[] = {
  { "/journal/today-check-in", test_today_check_in },
  { "/journal/today-deferred", test_today_deferred },
  { "/journal/list", test_journal_list },
  { "/journal/share-button", test_share_button },
  { "/journal/narrow-toolbar", test_narrow_toolbar },
  { "/journal/on-demand", test_on_demand },
  { "/journal/delete-undo", test_delete_undo },
  { "/journal/search", test_search },
  { "/journal/search-paging", test_search_paging },
  { "/journal/charts", test_charts },
  { "/journal/draft-recovery", test_draft_recovery },
  { "/journal/bad-input", test_bad_input },
  { "/journal/terms", test_terms },
};

int
main (int   argc,
      char *argv[])
{
  keep_system_data_dirs ();
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/journal/chart-png", test_chart_png);
  g_test_add_func ("/journal/chart-words", test_chart_words);
  for (guint i = 0; i < G_N_ELEMENTS (ui_tests); i++)
    g_test_add_data_func (ui_tests[i].path, &ui_tests[i], run_in_subprocess);

  return g_test_run ();
}
