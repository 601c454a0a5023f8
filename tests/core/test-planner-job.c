/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-planner-job.c: one planning pass of the reminder service — it claims and words what is
 * due, never twice, says when to wake, and records snooze and dismiss by occurrence id. */

#include "config.h"

#include <locale.h>

#include "steady-reminder-job.h"
#include "steady-reminder-planner.h"
#include "steady-session-store.h"

#define MINUTE_US ((gint64)60 * G_USEC_PER_SEC)

static gint64
iso_us (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static SteadyDatabase *
open_with_session (char **out_uuid)
{
  g_autofree char *path = steady_database_get_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) db = steady_database_open (path, &error);
  g_autoptr(SteadySessionStore) store = NULL;
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();

  g_assert_no_error (error);
  store = steady_session_store_new (db);
  steady_session_series_set_title (series, "Family therapy");
  steady_session_series_set_place (series, "Room 5");
  steady_session_series_set_notes (series, "PRIVATE-NOTE-MARKER");
  steady_session_series_set_start (series, "20250602T090000", "Europe/Berlin");
  series->created_us = iso_us ("2025-05-01T00:00:00Z");
  g_assert_true (steady_session_store_add_series (store, series, &error));
  g_assert_no_error (error);
  *out_uuid = g_strdup (series->uuid);
  return g_steal_pointer (&db);
}

static GVariant *
plan_at (SteadyDatabase *db,
         const char     *iso,
         gboolean        discreet)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GError) error = NULL;
  GVariant *plan = steady_reminder_job_plan (db, iso_us (iso), berlin, discreet, 0, &error);

  g_assert_no_error (error);
  g_assert_true (g_variant_is_of_type (plan, G_VARIANT_TYPE (STEADY_REMINDER_JOB_PLAN_TYPE)));
  return plan;
}

static gsize
n_shown (GVariant *plan)
{
  g_autoptr(GVariant) shown = g_variant_get_child_value (plan, 0);

  return g_variant_n_children (shown);
}

static void
get_reminder (GVariant    *plan,
              const char **occurrence_id,
              int         *offset,
              const char **summary,
              const char **body,
              gboolean    *late)
{
  g_autoptr(GVariant) shown = g_variant_get_child_value (plan, 0);

  /* The strings point into @plan, which the caller holds. */
  g_variant_get_child (shown, 0, "(&si&s&sb)", occurrence_id, offset, summary, body, late);
}

static void
test_plan_claims_once (void)
{
  g_autofree char *uuid = NULL;
  g_autoptr(SteadyDatabase) db = open_with_session (&uuid);
  g_autoptr(GVariant) early = plan_at (db, "2025-06-01T06:00:00Z", FALSE);
  g_autoptr(GVariant) due = plan_at (db, "2025-06-01T07:00:00Z", FALSE);
  g_autoptr(GVariant) again = plan_at (db, "2025-06-01T07:00:01Z", FALSE);
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  const char *summary, *body, *occurrence_id;
  gboolean late;
  gint64 wakeup;
  int offset;

  /* 09:00 in Berlin is 07:00 UTC: the day-before reminder is due at 07:00 UTC on 1 June. */
  g_assert_cmpuint (n_shown (early), ==, 0);
  g_variant_get_child (early, 1, "x", &wakeup);
  g_assert_cmpint (wakeup, ==, iso_us ("2025-06-01T07:00:00Z"));

  g_assert_cmpuint (n_shown (due), ==, 1);
  get_reminder (due, &occurrence_id, &offset, &summary, &body, &late);
  id = g_strconcat (uuid, "/20250602T090000", NULL);
  g_assert_cmpstr (occurrence_id, ==, id);
  g_assert_cmpint (offset, ==, 24 * 60);
  g_assert_cmpstr (summary, ==, "Family therapy");
  g_assert_cmpstr (body, ==, "Tomorrow at 09:00 · Room 5");
  g_assert_false (late);
  g_variant_get_child (due, 1, "x", &wakeup);
  g_assert_cmpint (wakeup, ==, iso_us ("2025-06-02T06:00:00Z"));

  /* Claimed: the next pass shows nothing. */
  g_assert_cmpuint (n_shown (again), ==, 0);

  text = g_variant_print (due, TRUE);
  g_assert_null (strstr (text, "PRIVATE-NOTE-MARKER"));
}

static void
test_snooze_and_dismiss_by_id (void)
{
  g_autofree char *uuid = NULL;
  g_autoptr(SteadyDatabase) db = open_with_session (&uuid);
  g_autoptr(GVariant) first = plan_at (db, "2025-06-02T06:00:00Z", TRUE);
  g_autoptr(GVariant) snoozed = NULL;
  g_autoptr(GVariant) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strconcat (uuid, "/20250602T090000", NULL);
  const char *summary, *body, *occurrence_id;
  gboolean late;
  gint64 wakeup;
  int offset;

  /* Discreet: nothing but "Session soon". */
  g_assert_cmpuint (n_shown (first), ==, 1);
  get_reminder (first, &occurrence_id, &offset, &summary, &body, &late);
  g_assert_cmpstr (summary, ==, "Session soon");
  g_assert_cmpstr (body, ==, "");
  g_assert_cmpint (offset, ==, 60);

  g_assert_true (steady_reminder_job_snooze (db, id, 60, iso_us ("2025-06-02T06:10:00Z"), &error));
  g_assert_no_error (error);
  snoozed = plan_at (db, "2025-06-02T06:05:00Z", FALSE);
  g_assert_cmpuint (n_shown (snoozed), ==, 0);
  g_variant_get_child (snoozed, 1, "x", &wakeup);
  g_assert_cmpint (wakeup, ==, iso_us ("2025-06-02T06:10:00Z"));

  back = plan_at (db, "2025-06-02T06:10:00Z", FALSE);
  g_assert_cmpuint (n_shown (back), ==, 1);

  g_assert_true (steady_reminder_job_dismiss (db, id, 60, &error));
  g_assert_false (steady_reminder_job_dismiss (db, "not-an-occurrence", 60, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/planner-job/plan-claims-once", test_plan_claims_once);
  g_test_add_func ("/planner-job/snooze-and-dismiss-by-id", test_snooze_and_dismiss_by_id);

  return g_test_run ();
}
