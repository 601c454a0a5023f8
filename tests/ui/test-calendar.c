/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-calendar.c: the Calendar page on the real application under Xvfb: the empty state, a
 * weekly series added through the editor's widgets showing in the agenda and the month grid,
 * "this one" edits, attendance and "bring this up", the next-session card, app.open-session and
 * the reminder preferences, weeks that begin on Sunday or Monday; screenshots (empty, agenda,
 * month, editor; wide and narrow, light and dark) go to $STEADY_SCREENSHOT_DIR.
 *
 * The waiting and screenshot helpers follow test-safety.c's. */

#define G_LOG_DOMAIN "steady-test-calendar"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "steady-agenda-row.h"
#include "steady-application.h"
#include "steady-calendar-page.h"
#include "steady-ics-import.h"
#include "steady-month-view.h"
#include "steady-next-session-view.h"
#include "steady-occurrence-store.h"
#include "steady-preferences-window.h"
#include "steady-reminders-client.h"
#include "steady-session-editor.h"
#include "steady-session-store.h"
#include "steady-week-start.h"
#include "steady-window.h"

#include "steady-ui-test-util.h"

#define WIDE_WIDTH    1000
#define NARROW_WIDTH  360
#define WINDOW_HEIGHT 760

/* Finding widgets ------------------------------------------------------------------------ */

/* The preferences row (entry, combo or action row) whose title is @title. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (widget, ADW_TYPE_PREFERENCES_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
        return g_ptr_array_index (rows, i);
    }
  g_error ("no row titled “%s”", title);
  return NULL;
}

/* The button labelled @label under @widget; there must be one. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  GtkWidget *button = find_button_with_label (widget, label);

  if (button == NULL)
    g_error ("no button labelled “%s”", label);
  return button;
}

/* The application ------------------------------------------------------------------------ */

/* Starts Steady, light and in the US, with its window wide. */
static SteadyApplication *
start_calendar_application (SteadyWindow **out_window)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  GtkWindow *window;

  window = find_visible_toplevel (STEADY_TYPE_WINDOW);
  g_assert_nonnull (window);
  gtk_window_set_default_size (window, WIDE_WIDTH, WINDOW_HEIGHT);
  wait_for_frame (GTK_WIDGET (window));
  *out_window = STEADY_WINDOW (window);
  return app;
}

static SteadyCalendarPage *
show_calendar (SteadyWindow *window)
{
  SteadyCalendarPage *page;

  steady_window_set_page (window, "calendar");
  page = STEADY_CALENDAR_PAGE (find_first (GTK_WIDGET (window), STEADY_TYPE_CALENDAR_PAGE));
  g_assert_nonnull (page);
  wait_for_frame (GTK_WIDGET (page));
  return page;
}

static void
set_scheme (const char *scheme)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  set_color_scheme (settings, scheme);
}

/* Nothing on the page may need more room than a phone-sized window has. */
static void
resize (GtkWindow *window,
        int        width)
{
  resize_window (window, width, WINDOW_HEIGHT);
  g_assert_cmpint (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))), ==, width);
}

static SteadySessionStore *
new_store (SteadyApplication *app)
{
  SteadyDatabase *database = steady_application_get_database (app);

  g_assert_nonnull (database);
  return steady_session_store_new (database);
}

static GPtrArray *
agenda_rows (GtkListBox *list)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect (GTK_WIDGET (list), STEADY_TYPE_AGENDA_ROW, rows);
  return rows;
}

/* Adds a series through the store: weekly on @rrule's days from @days_ahead days from now. */
static SteadySessionSeries *
add_series (SteadySessionStore *store,
            const char         *title,
            int                 days_ahead,
            int                 hour,
            const char         *rrule)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days_ahead);
  g_autofree char *start = g_strdup_printf ("%04d%02d%02dT%02d0000", g_date_time_get_year (day),
                                            g_date_time_get_month (day),
                                            g_date_time_get_day_of_month (day), hour);
  SteadySessionSeries *series = steady_session_series_new ();

  steady_session_series_set_title (series, title);
  series->kind = STEADY_SESSION_KIND_GROUP;
  steady_session_series_set_place (series, "Room 4, Riverside Clinic");
  steady_session_series_set_start (series, start, "");
  series->duration_minutes = 90;
  steady_session_series_set_rrule (series, rrule);
  g_assert_true (steady_session_store_add_series (store, series, &error));
  g_assert_no_error (error);
  return series;
}

static SteadySessionEditor *
wait_for_editor (void)
{
  GtkWindow *editor = find_visible_toplevel (STEADY_TYPE_SESSION_EDITOR);

  g_assert_nonnull (editor);
  wait_for_frame (GTK_WIDGET (editor));
  return STEADY_SESSION_EDITOR (editor);
}

static gboolean
no_editor (gpointer data)
{
  return find_visible_toplevel (STEADY_TYPE_SESSION_EDITOR) == NULL;
}

/* Tests ---------------------------------------------------------------------------------- */

static void
test_empty (void)
{
  SteadyWindow *window;
  SteadyApplication *app = start_calendar_application (&window);
  SteadyCalendarPage *page = show_calendar (window);

  g_assert_true (has_visible_label (GTK_WIDGET (page), "No Sessions Yet"));
  g_assert_true (has_visible_label (GTK_WIDGET (page), "Import Schedule…"));
  save_screenshot (GTK_WIDGET (window), "calendar-empty-wide-light");
  resize (GTK_WINDOW (window), NARROW_WIDTH);
  g_assert_true (has_visible_label (GTK_WIDGET (page), "No Sessions Yet"));
  set_scheme ("dark");
  save_screenshot (GTK_WIDGET (window), "calendar-empty-narrow-dark");
  stop_application (app);
}

/* What a user does: Add Session, a title, weekly on Tuesday and Thursday, four sessions. The
 * date offered is tomorrow; the series begins on the first Tuesday or Thursday from then. */
static void
test_add_weekly_series (void)
{
  SteadyWindow *window;
  SteadyApplication *app = start_calendar_application (&window);
  SteadyCalendarPage *page = show_calendar (window);
  g_autoptr(SteadySessionStore) store = new_store (app);
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  SteadySessionEditor *editor;
  SteadySessionSeries *saved;
  g_autoptr(GPtrArray) toggles = g_ptr_array_new ();
  int weekdays = 0;

  click (find_button (GTK_WIDGET (page), "Add Session"));
  editor = wait_for_editor ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (window));

  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor), "_Title")),
                         "DBT skills group");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (editor), "_Kind")),
                              STEADY_SESSION_KIND_SKILLS_GROUP);
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor), "_Place")), "Room 2");
  gtk_switch_set_active (GTK_SWITCH (find_first (find_row (GTK_WIDGET (editor), "_Repeats Weekly"),
                                                 GTK_TYPE_SWITCH)), TRUE);
  collect (GTK_WIDGET (editor), GTK_TYPE_TOGGLE_BUTTON, toggles);
  for (guint i = 0; i < toggles->len; i++)
    {
      const char *label = gtk_button_get_label (g_ptr_array_index (toggles, i));

      if (g_strcmp0 (label, "Tue") == 0 || g_strcmp0 (label, "Thu") == 0)
        {
          gtk_toggle_button_set_active (g_ptr_array_index (toggles, i), TRUE);
          weekdays++;
        }
    }
  g_assert_cmpint (weekdays, ==, 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_first (find_row (GTK_WIDGET (editor),
                                                                    "_Number of Sessions"),
                                                          GTK_TYPE_SPIN_BUTTON)), 4);
  g_assert_cmpstr (steady_session_editor_build_rrule (editor), ==,
                   "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4");

  save_screenshot (GTK_WIDGET (editor), "calendar-editor-wide-light");
  gtk_window_set_default_size (GTK_WINDOW (editor), NARROW_WIDTH, WINDOW_HEIGHT);
  wait_for_frame (GTK_WIDGET (editor));
  g_assert_cmpint (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (editor))), ==,
                   NARROW_WIDTH);
  save_screenshot (GTK_WIDGET (editor), "calendar-editor-narrow-light");

  click (find_button (GTK_WIDGET (editor), "Save"));
  wait_until (no_editor, NULL);

  series = steady_session_store_list_series (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->len, ==, 1);
  saved = g_ptr_array_index (series, 0);
  g_assert_cmpstr (saved->title, ==, "DBT skills group");
  g_assert_cmpstr (saved->rrule, ==, "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4");
  g_assert_cmpint (saved->kind, ==, STEADY_SESSION_KIND_SKILLS_GROUP);
  /* The default reminders: a day and an hour before. */
  g_assert_cmpuint (saved->reminder_offsets->len, ==, 2);
  g_assert_cmpint (g_array_index (saved->reminder_offsets, int, 0), ==, 24 * 60);
  g_assert_cmpint (g_array_index (saved->reminder_offsets, int, 1), ==, 60);

  /* All four sessions are upcoming in the agenda, on Tuesdays and Thursdays, in order, the
   * first within a week from tomorrow. */
  wait_for_frame (GTK_WIDGET (page));
  rows = agenda_rows (steady_calendar_page_get_upcoming_list (page));
  g_assert_cmpuint (rows->len, ==, 4);
  for (guint i = 0; i < rows->len; i++)
    {
      SteadyOccurrence *occurrence = steady_agenda_row_get_occurrence (g_ptr_array_index (rows, i));
      g_autoptr(GDateTime) start = g_date_time_new_from_unix_local (occurrence->start_us /
                                                                    G_USEC_PER_SEC);
      int weekday = g_date_time_get_day_of_week (start);

      g_assert_cmpstr (occurrence->title, ==, "DBT skills group");
      g_assert_true (weekday == 2 || weekday == 4);
      g_assert_cmpint (g_date_time_get_hour (start), ==, 9);
      if (i == 0)
        g_assert_cmpint (occurrence->start_us, <, g_get_real_time () + 8 * G_TIME_SPAN_DAY);
      if (i > 0)
        {
          SteadyAgendaRow *before = g_ptr_array_index (rows, i - 1);

          g_assert_cmpint (occurrence->start_us, >,
                           steady_agenda_row_get_occurrence (before)->start_us);
        }
    }
  g_assert_true (has_visible_label (GTK_WIDGET (page), "DBT skills group"));
  g_assert_true (has_visible_label (GTK_WIDGET (page), "Skills group · Room 2"));
  save_screenshot (GTK_WIDGET (window), "calendar-agenda-wide-light");

  /* The month grid dots the first session's day and names it for screen readers. */
  {
    SteadyOccurrence *first = steady_agenda_row_get_occurrence (g_ptr_array_index (rows, 0));
    g_autoptr(GDateTime) start = g_date_time_new_from_unix_local (first->start_us / G_USEC_PER_SEC);
    SteadyMonthView *month = STEADY_MONTH_VIEW (steady_calendar_page_get_month_view (page));
    GtkWidget *day;

    steady_calendar_page_set_view (page, "month");
    steady_month_view_set_month (month, g_date_time_get_year (start),
                                 g_date_time_get_month (start));
    day = steady_month_view_get_day_button (month, g_date_time_get_day_of_month (start));
    g_assert_nonnull (day);
    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (day), ", 1 session"));
    g_assert_true (has_visible_label (day, "•"));

    /* The arrow keys' moves: a day, a week, and across the end of the month. */
    steady_month_view_set_month (month, 2027, 1);
    gtk_widget_grab_focus (steady_month_view_get_day_button (month, 10));
    g_assert_true (gtk_widget_has_focus (steady_month_view_get_day_button (month, 10)));
    g_assert_true (steady_month_view_move_focus (month, 1));
    g_assert_true (gtk_widget_has_focus (steady_month_view_get_day_button (month, 11)));
    g_assert_true (steady_month_view_move_focus (month, 7));
    g_assert_true (gtk_widget_has_focus (steady_month_view_get_day_button (month, 18)));
    g_assert_true (steady_month_view_move_focus (month, 14));
    g_assert_true (gtk_widget_has_focus (steady_month_view_get_day_button (month, 1)));
    g_assert_true (has_visible_label (GTK_WIDGET (month), "February 2027"));
    steady_month_view_set_month (month, g_date_time_get_year (start),
                                 g_date_time_get_month (start));
    day = steady_month_view_get_day_button (month, g_date_time_get_day_of_month (start));
    save_screenshot (GTK_WIDGET (window), "calendar-month-wide-light");
    resize (GTK_WINDOW (window), NARROW_WIDTH);
    save_screenshot (GTK_WIDGET (window), "calendar-month-narrow-light");
    set_scheme ("dark");
    save_screenshot (GTK_WIDGET (window), "calendar-month-narrow-dark");

    /* A day of the grid brings its sessions up in the agenda. */
    click (day);
    g_assert_cmpstr (steady_calendar_page_get_view (page), ==, "agenda");
    save_screenshot (GTK_WIDGET (window), "calendar-agenda-narrow-dark");
  }
  stop_application (app);
}


static void
respond (const char *response)
{
  GtkWindow *dialog = find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), response));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  drain_events ();
}

/* Renaming the second session of a series, "this one" only, leaves the others alone. */
static void
test_edit_this_one (void)
{
  SteadyWindow *window;
  SteadyApplication *app = start_calendar_application (&window);
  g_autoptr(SteadySessionStore) store = new_store (app);
  g_autoptr(SteadySessionSeries) series = add_series (store, "Group therapy", 1, 9,
                                                      "FREQ=DAILY;COUNT=3");
  SteadyCalendarPage *page = show_calendar (window);
  g_autoptr(GPtrArray) rows = agenda_rows (steady_calendar_page_get_upcoming_list (page));
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *id = NULL;
  SteadySessionEditor *editor;

  g_assert_cmpuint (rows->len, ==, 3);
  id = steady_occurrence_dup_id (steady_agenda_row_get_occurrence (g_ptr_array_index (rows, 1)));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* As a reminder's "Open" does. */
  g_action_group_activate_action (G_ACTION_GROUP (app), STEADY_OPEN_SESSION_ACTION,
                                  g_variant_new_string (id));
  editor = wait_for_editor ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor), "_Title"))),
                   ==, "Group therapy");
  /* A daily rule the editor cannot show is kept as it is. */
  g_assert_cmpstr (steady_session_editor_build_rrule (editor), ==, "FREQ=DAILY;COUNT=3");
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor), "_Title")),
                         "Group therapy with family");
  click (find_button (GTK_WIDGET (editor), "Save"));
  respond ("this");
  wait_until (no_editor, NULL);

  after = agenda_rows (steady_calendar_page_get_upcoming_list (page));
  g_assert_cmpuint (after->len, ==, 3);
  g_assert_cmpstr (steady_agenda_row_get_occurrence (g_ptr_array_index (after, 0))->title, ==,
                   "Group therapy");
  g_assert_cmpstr (steady_agenda_row_get_occurrence (g_ptr_array_index (after, 1))->title, ==,
                   "Group therapy with family");
  g_assert_cmpstr (steady_agenda_row_get_occurrence (g_ptr_array_index (after, 2))->title, ==,
                   "Group therapy");

  /* Moving the third session to 14:00, this one only, leaves the first at 09:00. */
  g_signal_emit_by_name (steady_calendar_page_get_upcoming_list (page), "row-activated",
                         g_ptr_array_index (after, 2));
  editor = wait_for_editor ();
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_first (find_row (GTK_WIDGET (editor),
                                                                    "_Starts At"),
                                                          GTK_TYPE_SPIN_BUTTON)), 14);
  click (find_button (GTK_WIDGET (editor), "Save"));
  respond ("this");
  wait_until (no_editor, NULL);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = agenda_rows (steady_calendar_page_get_upcoming_list (page));
  g_assert_cmpuint (after->len, ==, 3);
  {
    SteadyOccurrence *first = steady_agenda_row_get_occurrence (g_ptr_array_index (after, 0));
    SteadyOccurrence *third = steady_agenda_row_get_occurrence (g_ptr_array_index (after, 2));
    g_autoptr(GDateTime) first_start = g_date_time_new_from_unix_local (first->start_us /
                                                                        G_USEC_PER_SEC);
    g_autoptr(GDateTime) third_start = g_date_time_new_from_unix_local (third->start_us /
                                                                        G_USEC_PER_SEC);

    g_assert_cmpint (g_date_time_get_hour (first_start), ==, 9);
    g_assert_cmpint (g_date_time_get_hour (third_start), ==, 14);
    g_assert_true (third->flags & STEADY_OCCURRENCE_MOVED);
  }
  stop_application (app);
}

/* After a session: attended with a note, and an item to bring up next time; then deleting a
 * single session asks first. */
static void
test_after_session (void)
{
  SteadyWindow *window;
  SteadyApplication *app = start_calendar_application (&window);
  g_autoptr(SteadySessionStore) store = new_store (app);
  g_autoptr(SteadySessionSeries) past = add_series (store, "Individual therapy", -2, 10, "");
  g_autoptr(SteadyOccurrenceStore) occurrences =
    steady_occurrence_store_new (steady_application_get_database (app));
  SteadyCalendarPage *page = show_calendar (window);
  g_autoptr(GPtrArray) rows = agenda_rows (steady_calendar_page_get_past_list (page));
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  SteadySessionEditor *editor;
  SteadyOccurrence *occurrence;
  SteadyAttendance attendance;
  GtkWidget *entry;

  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (has_visible_label (GTK_WIDGET (page), "Past Sessions"));
  g_assert_true (has_visible_label (GTK_WIDGET (page), "No upcoming sessions."));
  occurrence = steady_agenda_row_get_occurrence (g_ptr_array_index (rows, 0));
  g_signal_emit_by_name (steady_calendar_page_get_past_list (page), "row-activated",
                         g_ptr_array_index (rows, 0));
  editor = wait_for_editor ();

  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (editor), "_Attendance")),
                              STEADY_ATTENDANCE_ATTENDED);
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor), "Short _Note")),
                         "Talked about sleep");
  entry = find_row (GTK_WIDGET (editor), "_Add something to bring up");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Ask about the weekend plan");
  g_signal_emit_by_name (entry, "apply");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  items = steady_occurrence_store_list_bring_up (occurrences, occurrence->series->uuid,
                                                 occurrence->original_start_local, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (((SteadyBringUpItem *)g_ptr_array_index (items, 0))->text, ==,
                   "Ask about the weekend plan");
  save_screenshot (GTK_WIDGET (editor), "calendar-editor-after-session-light");

  /* Nothing but attendance changed: no question about which sessions. */
  click (find_button (GTK_WIDGET (editor), "Save"));
  wait_until (no_editor, NULL);
  g_assert_true (steady_occurrence_store_get_attendance (occurrences, past->uuid,
                                                         past->start_local, &attendance, &note,
                                                         &error));
  g_assert_no_error (error);
  g_assert_cmpint (attendance, ==, STEADY_ATTENDANCE_ATTENDED);
  g_assert_cmpstr (note, ==, "Talked about sleep");
  wait_for_frame (GTK_WIDGET (page));
  g_assert_true (has_visible_label (GTK_WIDGET (page), "Attended"));
  save_screenshot (GTK_WIDGET (window), "calendar-agenda-past-wide-light");

  /* Delete asks; "Cancel" keeps the session, "Delete" removes it. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = agenda_rows (steady_calendar_page_get_past_list (page));
  g_signal_emit_by_name (steady_calendar_page_get_past_list (page), "row-activated",
                         g_ptr_array_index (rows, 0));
  editor = wait_for_editor ();
  click (find_button (GTK_WIDGET (editor), "Delete…"));
  respond ("cancel");
  g_assert_nonnull (find_visible_toplevel (STEADY_TYPE_SESSION_EDITOR));
  click (find_button (GTK_WIDGET (editor), "Delete…"));
  respond ("delete");
  wait_until (no_editor, NULL);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = steady_session_store_list_series (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 0);
  wait_for_frame (GTK_WIDGET (page));
  g_assert_true (has_visible_label (GTK_WIDGET (page), "No Sessions Yet"));
  stop_application (app);
}

/* A session whose time does not exist on the day the clocks go forward is shown at the first
 * valid time after the gap, and the agenda says why. */
static void
test_dst_gap_note (void)
{
  SteadyWindow *window;
  SteadyApplication *app = start_calendar_application (&window);
  g_autoptr(SteadySessionStore) store = new_store (app);
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  SteadyCalendarPage *page;
  guint n_shifted = 0;

  steady_session_series_set_title (series, "Early group");
  steady_session_series_set_start (series, "20270313T023000", "America/New_York");
  series->duration_minutes = 60;
  steady_session_series_set_rrule (series, "FREQ=DAILY;COUNT=3");
  g_assert_true (steady_session_store_add_series (store, series, &error));
  g_assert_no_error (error);

  page = show_calendar (window);
  rows = agenda_rows (steady_calendar_page_get_upcoming_list (page));
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    {
      SteadyOccurrence *occurrence = steady_agenda_row_get_occurrence (g_ptr_array_index (rows, i));
      gboolean shifted = (occurrence->flags & STEADY_OCCURRENCE_SHIFTED_BY_GAP) != 0;

      g_assert_cmpint (has_visible_label (g_ptr_array_index (rows, i), "Moved later"), ==, shifted);
      n_shifted += shifted;
    }
  /* 14 March 2027, 02:30 in New York does not exist. */
  g_assert_cmpuint (n_shifted, ==, 1);
  stop_application (app);
}

static void
test_next_session_view (void)
{
  SteadyWindow *window;
  SteadyApplication *app = start_calendar_application (&window);
  g_autoptr(SteadySessionStore) store = new_store (app);
  g_autoptr(SteadyOccurrenceStore) occurrences =
    steady_occurrence_store_new (steady_application_get_database (app));
  g_autoptr(SteadySessionSeries) series = NULL;
  g_autoptr(SteadyBringUpItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  SteadyOccurrence *first;
  GtkWidget *host = adw_window_new ();
  GtkWidget *card = steady_next_session_view_new ();

  adw_window_set_content (ADW_WINDOW (host), card);
  gtk_window_set_default_size (GTK_WINDOW (host), NARROW_WIDTH, 300);
  gtk_window_present (GTK_WINDOW (host));
  steady_next_session_view_set_database (STEADY_NEXT_SESSION_VIEW (card),
                                         steady_application_get_database (app));
  wait_for_frame (host);
  g_assert_cmpstr (steady_next_session_view_get_title (STEADY_NEXT_SESSION_VIEW (card)), ==,
                   "No upcoming sessions");
  g_assert_null (steady_next_session_view_get_countdown (STEADY_NEXT_SESSION_VIEW (card)));

  series = add_series (store, "Family session", 3, 17, "FREQ=WEEKLY;COUNT=2");
  found = steady_session_store_expand (store, g_get_real_time (),
                                       g_get_real_time () + 30 * G_TIME_SPAN_DAY, NULL, &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (found, 0);
  item = steady_occurrence_store_add_bring_up (occurrences, series->uuid,
                                               first->original_start_local,
                                               "The new medication", NULL, &error);
  g_assert_no_error (error);

  /* Two hours and a bit before: "in 2 hours", the place and the item show. */
  steady_next_session_view_set_now (STEADY_NEXT_SESSION_VIEW (card),
                                    first->start_us - 2 * G_TIME_SPAN_HOUR -
                                    5 * G_TIME_SPAN_MINUTE);
  g_assert_cmpstr (steady_next_session_view_get_title (STEADY_NEXT_SESSION_VIEW (card)), ==,
                   "Family session");
  g_assert_cmpstr (steady_next_session_view_get_countdown (STEADY_NEXT_SESSION_VIEW (card)), ==,
                   "in 2 hours");
  g_assert_true (has_visible_label (card, "Room 4, Riverside Clinic"));
  g_assert_true (has_visible_label (card, "The new medication"));
  save_screenshot (host, "calendar-next-session-view-light");

  /* During the session it is "now"; after it, the next one of the series. */
  steady_next_session_view_set_now (STEADY_NEXT_SESSION_VIEW (card), first->start_us + 1);
  g_assert_cmpstr (steady_next_session_view_get_countdown (STEADY_NEXT_SESSION_VIEW (card)), ==,
                   "now");
  /* 6 days and 22½ hours from the end of the first to the start of the second: rounded down. */
  steady_next_session_view_set_now (STEADY_NEXT_SESSION_VIEW (card), first->end_us);
  g_assert_cmpstr (steady_next_session_view_get_countdown (STEADY_NEXT_SESSION_VIEW (card)), ==,
                   "in 6 days");
  g_assert_false (has_visible_label (card, "The new medication"));
  stop_application (app);
}

static void
test_countdown_words (void)
{
  g_autofree char *minutes = steady_format_countdown (0, 25 * G_TIME_SPAN_MINUTE + 30);
  g_autofree char *one_hour = steady_format_countdown (0, 61 * G_TIME_SPAN_MINUTE);
  g_autofree char *days = steady_format_countdown (0, 3 * G_TIME_SPAN_DAY);

  g_assert_cmpstr (minutes, ==, "in 25 minutes");
  g_assert_cmpstr (one_hour, ==, "in 1 hour");
  g_assert_cmpstr (days, ==, "in 3 days");
}

/* "Reminders when Steady is closed" hides the daemon's autostart entry, and brings it back. */
static void
test_reminder_preferences (void)
{
  SteadyWindow *window;
  SteadyApplication *app = start_calendar_application (&window);
  g_autofree char *entry = g_build_filename (g_get_user_config_dir (), "autostart",
                                             STEADY_REMINDERS_DESKTOP_ID, NULL);
  g_autofree char *contents = NULL;
  GSettings *settings = steady_application_get_settings (app);
  GtkWindow *preferences;
  GtkWidget *background;
  GtkWidget *discreet;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = find_visible_toplevel (STEADY_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  wait_for_frame (GTK_WIDGET (preferences));
  background = find_first (find_row (GTK_WIDGET (preferences),
                                     "Reminders When Steady Is _Closed"), GTK_TYPE_SWITCH);
  discreet = find_first (find_row (GTK_WIDGET (preferences), "_Discreet Notifications"),
                         GTK_TYPE_SWITCH);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (background)));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (discreet)));
  save_screenshot (GTK_WIDGET (preferences), "calendar-preferences-light");

  gtk_switch_set_active (GTK_SWITCH (discreet), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "discreet-notifications"));

  gtk_switch_set_active (GTK_SWITCH (background), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "background-reminders"));
  g_assert_true (g_file_get_contents (entry, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Hidden=true"));

  gtk_switch_set_active (GTK_SWITCH (background), TRUE);
  g_assert_false (g_file_test (entry, G_FILE_TEST_EXISTS));
  stop_application (app);
}

/* A stand-in for the steady-reminders service on the test's session bus, counting Replan. */
static const char replan_xml[] =
  "<node><interface name='" STEADY_REMINDERS_INTERFACE "'>"
  "<method name='Replan'/></interface></node>";

static void
replan_method_cb (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  (*(guint *)user_data)++;
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static gboolean
replanned (gpointer data)
{
  return *(guint *)data > 0;
}

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  *(gboolean *)user_data = TRUE;
}

/* Every change asks the reminder service to plan again: an import, an edit, a deletion. With
 * no service on the bus (the other tests) nothing is shown and nothing fails. */
static void
test_replan_after_changes (void)
{
  static const GDBusInterfaceVTable vtable = { replan_method_cb, NULL, NULL, { 0 } };
  SteadyWindow *window;
  SteadyApplication *app = start_calendar_application (&window);
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (app));
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (replan_xml, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyIcsImport) import = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "schedule.ics", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  SteadyCalendarPage *page = show_calendar (window);
  SteadySessionEditor *editor;
  gboolean owned = FALSE;
  guint calls = 0;
  guint registration;
  guint owner;

  g_assert_nonnull (bus);
  registration = g_dbus_connection_register_object (bus, STEADY_REMINDERS_OBJECT_PATH,
                                                    info->interfaces[0], &vtable, &calls, NULL,
                                                    &error);
  g_assert_no_error (error);
  owner = g_bus_own_name_on_connection (bus, STEADY_REMINDERS_BUS_NAME, G_BUS_NAME_OWNER_FLAGS_NONE,
                                        name_acquired_cb, NULL, &owned, NULL);
  wait_until (flag_is_set, &owned);

  /* An import through the page, as the menu's file chooser does: a session the day after
   * tomorrow, and an event without a start. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) day = g_date_time_add_days (now, 2);
    g_autofree char *date = g_date_time_format (day, "%Y%m%d");
    g_autofree char *ics = g_strdup_printf ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
                                            "BEGIN:VEVENT\r\nUID:one@example\r\n"
                                            "DTSTART:%sT100000\r\nDTEND:%sT110000\r\n"
                                            "SUMMARY:Psychiatry check-in\r\nEND:VEVENT\r\n"
                                            "BEGIN:VEVENT\r\nUID:two@example\r\n"
                                            "SUMMARY:No start here\r\nEND:VEVENT\r\n"
                                            "END:VCALENDAR\r\n", date, date);

    g_assert_true (g_file_set_contents (path, ics, -1, &error));
  }
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  import = steady_calendar_page_import_file (page, file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->n_added, ==, 1);
  g_assert_cmpuint (import->messages->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (import->messages, 0), "No start here"));
  wait_until (replanned, &calls);
  g_assert_cmpuint (calls, ==, 1);
  wait_for_frame (GTK_WIDGET (page));
  g_assert_true (has_visible_label (GTK_WIDGET (page), "Psychiatry check-in"));

  /* An edit in the editor. */
  rows = agenda_rows (steady_calendar_page_get_upcoming_list (page));
  g_assert_cmpuint (rows->len, ==, 1);
  g_signal_emit_by_name (steady_calendar_page_get_upcoming_list (page), "row-activated",
                         g_ptr_array_index (rows, 0));
  editor = wait_for_editor ();
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor), "C_linician")), "Dr. Okafor");
  calls = 0;
  click (find_button (GTK_WIDGET (editor), "Save"));
  wait_until (no_editor, NULL);
  wait_until (replanned, &calls);
  g_assert_cmpuint (calls, ==, 1);

  g_bus_unown_name (owner);
  g_dbus_connection_unregister_object (bus, registration);
  stop_application (app);
}

/* The grid cell of @child: its column and row. */
static void
grid_cell (GtkGrid   *grid,
           GtkWidget *child,
           int       *column,
           int       *row)
{
  gtk_grid_query_child (grid, child, column, row, NULL, NULL);
}

static void
assert_day_at (SteadyMonthView *month,
               GtkGrid         *grid,
               int              day,
               int              column,
               int              row)
{
  int at_column = -1;
  int at_row = -1;

  grid_cell (grid, steady_month_view_get_day_button (month, day), &at_column, &at_row);
  g_assert_cmpint (at_column, ==, column);
  g_assert_cmpint (at_row, ==, row);
}

static void
assert_header (GtkGrid    *grid,
               int         column,
               const char *weekday)
{
  GtkWidget *label = gtk_grid_get_child_at (grid, column, 0);

  g_assert_true (GTK_IS_LABEL (label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, weekday);
}

/* The month grid begins its weeks where the locale does: Sunday in this test's C locale (and
 * the United States), Monday where that is the custom. November 2026 begins on a Sunday. */
static void
test_week_start (void)
{
  SteadyWindow *window = NULL;
  SteadyApplication *app = start_calendar_application (&window);
  g_autoptr(SteadySessionStore) store = new_store (app);
  g_autoptr(SteadySessionSeries) series = add_series (store, "Skills group", 1, 10,
                                                      "FREQ=WEEKLY;COUNT=2");
  SteadyCalendarPage *page = show_calendar (window);
  SteadyMonthView *month = STEADY_MONTH_VIEW (steady_calendar_page_get_month_view (page));
  GtkGrid *grid = GTK_GRID (find_first (GTK_WIDGET (month), GTK_TYPE_GRID));

  steady_calendar_page_set_view (page, "month");
  g_assert_cmpint (steady_month_view_get_first_weekday (month), ==,
                   steady_week_start_from_locale ());
  g_assert_cmpint (steady_month_view_get_first_weekday (month), ==, G_DATE_SUNDAY);

  steady_month_view_set_month (month, 2026, 11);
  assert_header (grid, 0, "Sun");
  assert_header (grid, 1, "Mon");
  assert_header (grid, 6, "Sat");
  assert_day_at (month, grid, 1, 0, 1);   /* Sunday 1st: the first cell */
  assert_day_at (month, grid, 7, 6, 1);   /* Saturday 7th: the end of the first row */
  assert_day_at (month, grid, 30, 1, 5);  /* Monday 30th */
  resize (GTK_WINDOW (window), NARROW_WIDTH);
  save_screenshot (GTK_WIDGET (window), "calendar-month-sunday-narrow-light");

  steady_month_view_set_first_weekday (month, G_DATE_MONDAY);
  assert_header (grid, 0, "Mon");
  assert_header (grid, 6, "Sun");
  assert_day_at (month, grid, 1, 6, 1);   /* Sunday 1st: alone at the end of the first week */
  assert_day_at (month, grid, 2, 0, 2);
  assert_day_at (month, grid, 30, 0, 6);
  set_scheme ("dark");
  save_screenshot (GTK_WIDGET (window), "calendar-month-monday-narrow-dark");
  resize (GTK_WINDOW (window), WIDE_WIDTH);
  save_screenshot (GTK_WIDGET (window), "calendar-month-monday-wide-dark");
  set_scheme ("light");

  /* Arrow keys still go day to day and week to week, whatever the first column. */
  gtk_widget_grab_focus (steady_month_view_get_day_button (month, 1));
  g_assert_true (steady_month_view_move_focus (month, 1));
  g_assert_true (gtk_widget_has_focus (steady_month_view_get_day_button (month, 2)));
  g_assert_true (steady_month_view_move_focus (month, 7));
  g_assert_true (gtk_widget_has_focus (steady_month_view_get_day_button (month, 9)));

  stop_application (app);
}

static const UiTest ui_tests[] = {
  { "/calendar/empty", test_empty },
  { "/calendar/add-weekly-series", test_add_weekly_series },
  { "/calendar/edit-this-one", test_edit_this_one },
  { "/calendar/after-session", test_after_session },
  { "/calendar/dst-gap-note", test_dst_gap_note },
  { "/calendar/next-session-view", test_next_session_view },
  { "/calendar/reminder-preferences", test_reminder_preferences },
  { "/calendar/replan-after-changes", test_replan_after_changes },
  { "/calendar/week-start", test_week_start },
};

int
main (int   argc,
      char *argv[])
{
  /* Weekday names and countdown words are checked in English. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  keep_system_data_dirs ();
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/calendar/countdown-words", test_countdown_words);
  for (guint i = 0; i < G_N_ELEMENTS (ui_tests); i++)
    g_test_add_data_func (ui_tests[i].path, &ui_tests[i], run_in_subprocess);

  return g_test_run ();
}
