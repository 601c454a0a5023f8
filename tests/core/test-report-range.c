/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report-range.c: report ranges (last week, last month, custom, since the last session)
 * across a daylight-saving change, the command line's dates, and the shared private atomic
 * file writer and ISO 8601 times. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/stat.h>

#include "steady-database.h"
#include "steady-occurrence-store.h"
#include "steady-report-common.h"
#include "steady-report-range.h"
#include "steady-session-store.h"

static gint64
iso_us (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static void
assert_range (const SteadyReportRange *range,
              const char              *from_iso,
              const char              *to_iso)
{
  g_assert_cmpint (range->from_us, ==, iso_us (from_iso));
  g_assert_cmpint (range->to_us, ==, iso_us (to_iso));
}

static GTimeZone *
berlin (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");

  g_assert_nonnull (zone);
  return g_steal_pointer (&zone);
}

/* Europe/Berlin springs forward on 29 March 2026: that week has 167 hours. */
static void
test_last_week_across_dst (void)
{
  g_autoptr(GTimeZone) zone = berlin ();
  SteadyReportRange range;

  steady_report_range_last_week (iso_us ("2026-04-01T10:00:00+02:00"), zone, &range);
  assert_range (&range, "2026-03-26T00:00:00+01:00", "2026-04-02T00:00:00+02:00");
  g_assert_cmpint (range.to_us - range.from_us, ==, (gint64) 167 * 3600 * G_USEC_PER_SEC);

  /* Just after local midnight is already the new day, though UTC is still the day before. */
  steady_report_range_last_week (iso_us ("2026-04-01T00:30:00+02:00"), zone, &range);
  assert_range (&range, "2026-03-26T00:00:00+01:00", "2026-04-02T00:00:00+02:00");
  g_assert_true (steady_report_range_contains (&range, iso_us ("2026-03-26T00:00:00+01:00")));
  g_assert_false (steady_report_range_contains (&range, iso_us ("2026-04-02T00:00:00+02:00")));
  g_assert_false (steady_report_range_contains (&range, iso_us ("2026-03-25T23:59:59+01:00")));
}

static void
test_last_month (void)
{
  g_autoptr(GTimeZone) zone = berlin ();
  SteadyReportRange range;

  /* Back across the autumn change: 25 October 2026 has 25 hours. */
  steady_report_range_last_month (iso_us ("2026-11-23T09:00:00+01:00"), zone, &range);
  assert_range (&range, "2026-10-24T00:00:00+02:00", "2026-11-24T00:00:00+01:00");
  g_assert_cmpint (range.to_us - range.from_us, ==,
                   ((gint64) 31 * 24 + 1) * 3600 * G_USEC_PER_SEC);

  /* 31 March: a month back is 28 February (no 31st), so from 1 March. */
  steady_report_range_last_month (iso_us ("2026-03-31T12:00:00+02:00"), zone, &range);
  assert_range (&range, "2026-03-01T00:00:00+01:00", "2026-04-01T00:00:00+02:00");
}

static void
test_custom (void)
{
  g_autoptr(GTimeZone) zone = berlin ();
  g_autoptr(GError) error = NULL;
  SteadyReportRange range;
  GDate first, last;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 29, G_DATE_MARCH, 2026);
  g_date_set_dmy (&last, 29, G_DATE_MARCH, 2026);
  g_assert_true (steady_report_range_custom (&first, &last, zone, &range, &error));
  g_assert_no_error (error);
  /* The day of the spring change is 23 hours long. */
  assert_range (&range, "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00");
  g_assert_cmpint (range.to_us - range.from_us, ==, (gint64) 23 * 3600 * G_USEC_PER_SEC);

  g_date_set_dmy (&first, 30, G_DATE_MARCH, 2026);
  g_assert_false (steady_report_range_custom (&first, &last, zone, &range, &error));
  g_assert_error (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_INVALID_RANGE);
}

static void
test_parse_dates (void)
{
  static const char *const bad[] = {
    "", "2026", "2026-1-05", "26-01-05", "2026/01/05", "2026-01-05x", "2026-01-05 ",
    " 2026-01-05", "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-01-00",
    "0000-01-01", "1969-12-31", "2200-01-01", "9999-12-31", "２０２６-01-05", "2026-01-3１",
  };
  g_autoptr(GTimeZone) zone = berlin ();
  g_autoptr(GError) error = NULL;
  SteadyReportRange range;
  GDate date;

  g_assert_true (steady_report_parse_date ("2024-02-29", &date, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_get_year (&date), ==, 2024);
  g_assert_cmpint (g_date_get_month (&date), ==, 2);
  g_assert_cmpint (g_date_get_day (&date), ==, 29);

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (steady_report_parse_date (bad[i], &date, &error));
      g_assert_error (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_INVALID_DATE);
      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);
    }

  g_assert_true (steady_report_range_parse ("2026-03-28", "2026-03-29", zone, &range, &error));
  g_assert_no_error (error);
  assert_range (&range, "2026-03-28T00:00:00+01:00", "2026-03-30T00:00:00+02:00");

  g_assert_false (steady_report_range_parse ("2026-03-29", "2026-03-28", zone, &range, &error));
  g_assert_error (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_INVALID_RANGE);
  g_clear_error (&error);
  g_assert_false (steady_report_range_parse ("2026-03-29", "tomorrow", zone, &range, &error));
  g_assert_error (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_INVALID_DATE);
  g_assert_nonnull (strstr (error->message, "tomorrow"));
  g_clear_error (&error);

  /* An open end reaches the first or the last record anyone can have. */
  g_assert_true (steady_report_range_parse (NULL, "2026-03-29", zone, &range, &error));
  g_assert_no_error (error);
  g_assert_cmpint (range.from_us, ==, STEADY_REPORT_EVERYTHING_FROM_US);
  g_assert_cmpint (range.to_us, ==, iso_us ("2026-03-30T00:00:00+02:00"));
  g_assert_true (steady_report_range_parse ("2026-03-29", NULL, zone, &range, &error));
  assert_range (&range, "2026-03-29T00:00:00+01:00", "3000-01-02T00:00:00Z");
  g_assert_true (steady_report_range_parse (NULL, NULL, zone, &range, &error));
  assert_range (&range, "1899-12-31T00:00:00Z", "3000-01-02T00:00:00Z");
  /* The widest range still has words. */
  {
    g_autofree char *text = steady_report_range_describe (&range, zone);

    g_assert_cmpstr (text, ==, "31 December 1899 – 2 January 3000");
  }
}

static void
add_session (SteadySessionStore *store,
             const char         *start_local,
             const char         *rrule,
             char              **out_uuid)
{
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();
  g_autoptr(GError) error = NULL;

  steady_session_series_set_title (series, "Group");
  steady_session_series_set_start (series, start_local, "Europe/Berlin");
  series->duration_minutes = 180;
  steady_session_series_set_rrule (series, rrule);
  g_assert_true (steady_session_store_add_series (store, series, &error));
  g_assert_no_error (error);
  if (out_uuid != NULL)
    *out_uuid = g_strdup (series->uuid);
}

static void
test_since_last_session (void)
{
  g_autoptr(GTimeZone) zone = berlin ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_database_get_default_path ();
  g_autoptr(SteadyDatabase) db = steady_database_open (path, &error);
  g_autoptr(SteadySessionStore) store = NULL;
  g_autoptr(SteadyOccurrenceStore) attendance = NULL;
  g_autofree char *weekly = NULL;
  SteadyReportRange range = { 0, 0 };
  gint64 now = iso_us ("2026-04-01T13:00:00+02:00");

  g_assert_no_error (error);
  store = steady_session_store_new (db);
  steady_session_store_set_local_zone (store, zone);

  /* An empty calendar has no last session: a clear error, the range untouched. */
  g_assert_false (steady_report_range_since_last_session (db, now, zone, &range, &error));
  g_assert_error (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_NO_PAST_SESSION);
  g_assert_cmpint (range.from_us, ==, 0);
  g_clear_error (&error);

  /* Mondays 09:00–12:00 from 16 March; a session in the future counts for nothing. */
  add_session (store, "20260316T090000", "FREQ=WEEKLY;BYDAY=MO", &weekly);
  add_session (store, "20260402T090000", "", NULL);
  g_assert_true (steady_report_range_since_last_session (db, now, zone, &range, &error));
  g_assert_no_error (error);
  /* Monday 30 March, after the spring change, through the end of today. */
  assert_range (&range, "2026-03-30T09:00:00+02:00", "2026-04-02T00:00:00+02:00");

  /* A session still under way has not ended: the one before is the last. */
  g_assert_true (steady_report_range_since_last_session (db,
                                                         iso_us ("2026-03-30T10:00:00+02:00"),
                                                         zone, &range, &error));
  assert_range (&range, "2026-03-23T09:00:00+01:00", "2026-03-31T00:00:00+02:00");

  /* Missed or cancelled sessions did not happen; an attended one counts. */
  attendance = steady_occurrence_store_new (db);
  g_assert_true (steady_occurrence_store_set_attendance (attendance, weekly, "20260330T090000",
                                                         STEADY_ATTENDANCE_MISSED, NULL,
                                                         &error));
  g_assert_true (steady_session_store_cancel_occurrence (store, weekly, "20260323T090000", TRUE,
                                                         &error));
  g_assert_true (steady_occurrence_store_set_attendance (attendance, weekly, "20260316T090000",
                                                         STEADY_ATTENDANCE_ATTENDED, NULL,
                                                         &error));
  g_assert_no_error (error);
  g_assert_true (steady_report_range_since_last_session (db, now, zone, &range, &error));
  g_assert_no_error (error);
  assert_range (&range, "2026-03-16T09:00:00+01:00", "2026-04-02T00:00:00+02:00");

  /* A year and more without sessions: still found. */
  g_assert_true (steady_report_range_since_last_session (db,
                                                         iso_us ("2029-06-01T12:00:00+02:00"),
                                                         zone, &range, &error));
  g_assert_no_error (error);
  g_assert_cmpint (range.from_us, >, iso_us ("2029-05-27T00:00:00+02:00"));
}

static void
test_describe (void)
{
  g_autoptr(GTimeZone) zone = berlin ();
  SteadyReportRange range;
  g_autofree char *text = NULL;

  steady_report_range_last_week (iso_us ("2026-04-01T10:00:00+02:00"), zone, &range);
  text = steady_report_range_describe (&range, zone);
  g_assert_cmpstr (text, ==, "26 March 2026 – 1 April 2026");
}

static void
test_iso8601 (void)
{
  g_autoptr(GTimeZone) zone = berlin ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *summer = NULL;
  g_autofree char *winter = NULL;
  g_autofree char *in_utc = NULL;
  g_autofree char *before_epoch = NULL;

  summer = steady_report_format_iso8601 (iso_us ("2026-07-01T08:15:30Z"), zone);
  winter = steady_report_format_iso8601 (iso_us ("2026-01-01T08:15:30Z") + 999999, zone);
  in_utc = steady_report_format_iso8601 (iso_us ("2026-01-01T08:15:30Z"), utc);
  before_epoch = steady_report_format_iso8601 (-1, utc);
  g_assert_cmpstr (summer, ==, "2026-07-01T10:15:30+02:00");
  g_assert_cmpstr (winter, ==, "2026-01-01T09:15:30+01:00");
  g_assert_cmpstr (in_utc, ==, "2026-01-01T08:15:30+00:00");
  g_assert_cmpstr (before_epoch, ==, "1969-12-31T23:59:59+00:00");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
dir_listing (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_private_atomic_file (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "out", NULL);
  g_autofree char *path = g_build_filename (dir, "report.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  GStatBuf st;

  umask (022);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  /* It replaces a file others could read, and the result is the owner's only. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (steady_report_write_file (path, "new", 3, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");
  g_clear_pointer (&contents, g_free);

  /* Cancelled or abandoned: the old file stays as it was, no temporary file is left. */
  {
    g_autoptr(SteadyReportFile) file = steady_report_file_new (path, &error);
    GOutputStream *stream;

    g_assert_no_error (error);
    stream = steady_report_file_get_stream (file);
    g_assert_true (g_output_stream_write_all (stream, "half", 4, NULL, NULL, &error));
    g_cancellable_cancel (cancellable);
    g_assert_false (steady_report_file_commit (file, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }
  {
    g_autoptr(SteadyReportFile) file = steady_report_file_new (path, &error);

    g_assert_true (g_output_stream_write_all (steady_report_file_get_stream (file), "x", 1,
                                              NULL, NULL, &error));
  }
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");
  listing = dir_listing (dir);
  g_assert_cmpstr (listing, ==, "report.csv");

  /* A folder where the file should go, or a missing folder: an error in words. */
  g_assert_false (steady_report_write_file (dir, "x", 1, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Could not write"));
  g_clear_error (&error);
  {
    g_autofree char *missing = g_build_filename (dir, "no-such-folder", "a.csv", NULL);

    g_assert_false (steady_report_write_file (missing, "x", 1, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  g_clear_pointer (&listing, g_free);
  listing = dir_listing (dir);
  g_assert_cmpstr (listing, ==, "report.csv");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/report-range/last-week-across-dst", test_last_week_across_dst);
  g_test_add_func ("/report-range/last-month", test_last_month);
  g_test_add_func ("/report-range/custom", test_custom);
  g_test_add_func ("/report-range/parse-dates", test_parse_dates);
  g_test_add_func ("/report-range/since-last-session", test_since_last_session);
  g_test_add_func ("/report-range/describe", test_describe);
  g_test_add_func ("/report-common/iso8601", test_iso8601);
  g_test_add_func ("/report-common/private-atomic-file", test_private_atomic_file);
  return g_test_run ();
}
