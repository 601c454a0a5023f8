/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-planner-text.c: what a reminder notification says — title, when and where; only
 * "Session soon" when discreet; never notes or anything else the user wrote; late marked. */

#include "config.h"

#include <locale.h>

#include "steady-reminder-text.h"

#define MARKER "PRIVATE-JOURNAL-MARKER-41d2"

static gint64
iso_us (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static SteadyOccurrence *
make_occurrence (const char *place,
                 const char *video_link)
{
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();

  steady_session_series_set_title (series, "Skills group");
  steady_session_series_set_place (series, place);
  steady_session_series_set_video_link (series, video_link);
  steady_session_series_set_notes (series, MARKER);
  steady_session_series_set_clinician (series, "Dr. " MARKER);
  steady_session_series_set_start (series, "20250602T090000", "Europe/Berlin");
  return steady_occurrence_new (series, NULL, "20250602T090000", "20250602T090000",
                                iso_us ("2025-06-02T07:00:00Z"), STEADY_OCCURRENCE_NONE);
}

static void
format (SteadyOccurrence  *occurrence,
        const char        *now_iso,
        gboolean           late,
        gboolean           discreet,
        char             **summary,
        char             **body)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  SteadyDueReminder due = { .occurrence = occurrence, .offset_minutes = 60, .late = late };

  steady_reminder_text_format (&due, iso_us (now_iso), berlin, discreet, summary, body);
  g_assert_null (strstr (*summary, MARKER));
  g_assert_true (*body == NULL || strstr (*body, MARKER) == NULL);
}

static void
test_plain (void)
{
  g_autoptr(SteadyOccurrence) occurrence = make_occurrence ("Room <2> & hall", "");
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;

  format (occurrence, "2025-06-02T06:00:00Z", FALSE, FALSE, &summary, &body);
  g_assert_cmpstr (summary, ==, "Skills group");
  /* The body is markup: the place is escaped. */
  g_assert_cmpstr (body, ==, "Today at 09:00 · Room &lt;2&gt; &amp; hall");
  g_clear_pointer (&summary, g_free);
  g_clear_pointer (&body, g_free);

  format (occurrence, "2025-06-01T07:00:00Z", FALSE, FALSE, &summary, &body);
  g_assert_cmpstr (body, ==, "Tomorrow at 09:00 · Room &lt;2&gt; &amp; hall");
  g_clear_pointer (&summary, g_free);
  g_clear_pointer (&body, g_free);

  format (occurrence, "2025-05-28T07:00:00Z", FALSE, FALSE, &summary, &body);
  g_assert_cmpstr (body, ==, "Monday, 2 June at 09:00 · Room &lt;2&gt; &amp; hall");
}

static void
test_video_link_is_not_shown (void)
{
  g_autoptr(SteadyOccurrence) occurrence = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;

  occurrence = make_occurrence ("", "https://meet.example/abc?pwd=" MARKER);
  format (occurrence, "2025-06-02T06:00:00Z", FALSE, FALSE, &summary, &body);
  g_assert_cmpstr (body, ==, "Today at 09:00 · Online");
}

static void
test_late (void)
{
  g_autoptr(SteadyOccurrence) occurrence = make_occurrence ("Room 2", "");
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;

  format (occurrence, "2025-06-02T07:10:00Z", TRUE, FALSE, &summary, &body);
  g_assert_cmpstr (summary, ==, "Skills group");
  g_assert_true (g_str_has_prefix (body, "Started at 09:00 · Room 2\n"));
  g_assert_nonnull (strstr (body, "late"));
}

static void
test_discreet (void)
{
  g_autoptr(SteadyOccurrence) occurrence = make_occurrence ("Room 2", "");
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;

  format (occurrence, "2025-06-02T06:00:00Z", TRUE, TRUE, &summary, &body);
  g_assert_cmpstr (summary, ==, "Session soon");
  g_assert_null (body);
}

int
main (int   argc,
      char *argv[])
{
  /* The expected strings are the untranslated ones. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/planner-text/plain", test_plain);
  g_test_add_func ("/planner-text/video-link-is-not-shown", test_video_link_is_not_shown);
  g_test_add_func ("/planner-text/late", test_late);
  g_test_add_func ("/planner-text/discreet", test_discreet);

  return g_test_run ();
}
