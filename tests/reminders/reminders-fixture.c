/* SPDX-License-Identifier: GPL-3.0-or-later */
/* reminders-fixture.c: writes the calendars (and the safety plan) the reminder integration test
 * runs the daemon on, in the database under $XDG_DATA_HOME, and reads back how many reminders
 * were recorded. */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "steady-database.h"
#include "steady-safety-plan-store.h"
#include "steady-session-store.h"
#include "steady-sql-private.h"

/* Never shown in a notification, whatever happens; the test looks for it. */
#define PRIVATE_MARKER "PRIVATE-NOTE-7f3a9c"

#define MINUTE_US ((gint64)60 * G_USEC_PER_SEC)

static void
add_session (SteadySessionStore *store,
             const char         *title,
             const char         *place,
             gint64              start_us,
             int                 duration_minutes,
             gint64              created_us)
{
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();
  g_autoptr(GTimeZone) zone = g_time_zone_ref (steady_session_store_get_local_zone (store));
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (start_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  g_autofree char *start = g_date_time_format (local, "%Y%m%dT%H%M%S");
  g_autoptr(GError) error = NULL;

  steady_session_series_set_title (series, title);
  steady_session_series_set_place (series, place);
  steady_session_series_set_notes (series, PRIVATE_MARKER);
  steady_session_series_set_start (series, start, g_time_zone_get_identifier (zone));
  series->kind = STEADY_SESSION_KIND_GROUP;
  series->duration_minutes = duration_minutes;
  series->created_us = created_us;
  series->times_changed_us = created_us;
  if (!steady_session_store_add_series (store, series, &error))
    {
      g_printerr ("reminders-fixture: %s\n", error->message);
      exit (EXIT_FAILURE);
    }
  /* The daemon is tested on exactly this session: make sure it is stored as written. */
  {
    g_autoptr(SteadySessionSeries) stored = steady_session_store_get_series (store, series->uuid,
                                                                              &error);

    g_assert_no_error (error);
    g_assert_cmpstr (stored->title, ==, title);
    g_assert_cmpint (stored->created_us, ==, created_us);
    g_assert_cmpuint (stored->reminder_offsets->len, ==, 2);
  }
}

/* A safety plan last reviewed five weeks ago, its only item the private marker. */
static void
add_plan_due_for_review (SteadyDatabase *db)
{
  g_autoptr(SteadySafetyPlanStore) plan = steady_safety_plan_store_new (db);
  g_autoptr(SteadySafetyItem) item = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) reviewed = g_date_time_add_weeks (now, -5);
  g_autoptr(GError) error = NULL;

  item = steady_safety_plan_store_add (plan, STEADY_SAFETY_SECTION_REASONS,
                                       STEADY_SAFETY_PLAN_END, PRIVATE_MARKER, NULL, &error);
  if (item == NULL || !steady_safety_plan_store_mark_reviewed (plan, reviewed, &error))
    {
      g_printerr ("reminders-fixture: %s\n", error->message);
      exit (EXIT_FAILURE);
    }
}

static int
count_sent (SteadyDatabase *db,
            const char     *where)
{
  g_autofree char *sql = g_strconcat ("SELECT count(*) FROM reminders_sent ", where, NULL);
  g_autoptr(SteadyStatement) stmt = steady_sql_prepare (db, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = steady_database_get_default_path ();
  g_autoptr(SteadyDatabase) db = NULL;
  g_autoptr(SteadySessionStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time ();

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      g_printerr ("usage: reminders-fixture due-in SECONDS | after-shutdown | review-due | "
                  "count-sent\n");
      return EXIT_FAILURE;
    }

  db = steady_database_open (path, &error);
  if (db == NULL)
    {
      g_printerr ("reminders-fixture: %s\n", error->message);
      return EXIT_FAILURE;
    }
  store = steady_session_store_new (db);

  if (g_strcmp0 (argv[1], "due-in") == 0 && argc == 3)
    {
      /* The hour-before reminder falls due in SECONDS; entered a minute ago. */
      gint64 seconds = g_ascii_strtoll (argv[2], NULL, 10);

      add_session (store, "Group therapy", "Room 2",
                   now + 60 * MINUTE_US + seconds * G_USEC_PER_SEC, 180, now - MINUTE_US);
    }
  else if (g_strcmp0 (argv[1], "after-shutdown") == 0)
    {
      /* The computer was off while both reminders of this session fell due; it starts in
       * half an hour: one late reminder. */
      add_session (store, "Individual therapy", "Clinic, 3rd floor", now + 30 * MINUTE_US, 50,
                   now - 3 * 24 * 60 * MINUTE_US);
      /* This one ended an hour ago: its reminders are dropped. */
      add_session (store, "Old session", "Room 9", now - 120 * MINUTE_US, 60,
                   now - 3 * 24 * 60 * MINUTE_US);
    }
  else if (g_strcmp0 (argv[1], "review-due") == 0)
    {
      add_plan_due_for_review (db);
    }
  else if (g_strcmp0 (argv[1], "count-sent") == 0)
    {
      g_print ("%d %d\n", count_sent (db, ""), count_sent (db, "WHERE late = 1"));
    }
  else
    {
      g_printerr ("reminders-fixture: unknown command %s\n", argv[1]);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
