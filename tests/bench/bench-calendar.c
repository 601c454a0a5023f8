/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-calendar.c: how long it takes to expand every session of a realistic IOP schedule over
 * 400 days — in memory, and through the store (reading the database too). Goal: ≤ 5 ms. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "steady-recurrence.h"
#include "steady-session-store.h"

#define N_RUNS  200
#define GOAL_MS 5.0

static gint64
iso_us (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static void
add (SteadySessionStore *store,
     const char         *title,
     SteadySessionKind   kind,
     const char         *start,
     int                 minutes,
     const char         *rrule,
     const char * const *exdates)
{
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();
  g_autoptr(GError) error = NULL;

  steady_session_series_set_title (series, title);
  series->kind = kind;
  steady_session_series_set_place (series, "Outpatient clinic, building B");
  steady_session_series_set_start (series, start, "America/New_York");
  series->duration_minutes = minutes;
  steady_session_series_set_rrule (series, rrule);
  for (guint i = 0; exdates != NULL && exdates[i] != NULL; i++)
    steady_session_series_add_exdate (series, exdates[i]);
  if (!steady_session_store_add_series (store, series, &error))
    g_error ("%s", error->message);
}

/* Four recurring series (group three mornings a week, a skills group, weekly individual
 * therapy, monthly medication management), twenty single sessions, and exceptions. */
static GPtrArray *
make_schedule (SteadySessionStore *store)
{
  GTimeZone *local = steady_session_store_get_local_zone (store);
  static const char * const holidays[] = {
    "20250526T090000", "20250703T090000", "20250901T090000", "20251127T090000",
    "20251224T090000", "20251231T090000", NULL,
  };
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GError) error = NULL;

  add (store, "Group therapy", STEADY_SESSION_KIND_GROUP, "20250106T090000", 180,
       "FREQ=WEEKLY;BYDAY=MO,WE,TH", holidays);
  add (store, "DBT skills group", STEADY_SESSION_KIND_SKILLS_GROUP, "20250107T130000", 90,
       "FREQ=WEEKLY;BYDAY=TU", NULL);
  add (store, "Individual therapy", STEADY_SESSION_KIND_INDIVIDUAL, "20250110T150000", 50,
       "FREQ=WEEKLY;BYDAY=FR", NULL);
  add (store, "Medication management", STEADY_SESSION_KIND_PSYCHIATRY_MEDICATION,
       "20250114T100000", 30, "FREQ=MONTHLY;BYDAY=2TU", NULL);
  for (int i = 0; i < 20; i++)
    {
      g_autofree char *start = g_strdup_printf ("2025%02d%02dT1600%02d", 1 + i % 12, 3 + i, 0);

      add (store, "Family session", STEADY_SESSION_KIND_FAMILY, start, 60, "", NULL);
    }

  series = steady_session_store_list_series (store, &error);
  g_assert_no_error (error);
  /* Ten changed occurrences: moved, renamed or cancelled. */
  for (int week = 0; week < 10; week++)
    {
      SteadySessionSeries *group = g_ptr_array_index (series, 0);
      g_autoptr(SteadySessionOverride) override = NULL;
      g_autofree char *key = g_strdup_printf ("2025%02d%02dT090000", 2 + week, 3);

      if (!steady_recurrence_has_occurrence (group, key, local))
        continue;
      override = steady_session_override_new (key);
      if (week % 3 == 0)
        override->cancelled = TRUE;
      else
        override->start_local = g_strdup_printf ("2025%02d%02dT140000", 2 + week, 3);
      g_assert_true (steady_session_store_set_override (store, group->uuid, override, &error));
    }
  return g_steal_pointer (&series);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median_ms (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("steady-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "steady.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) db = NULL;
  g_autoptr(SteadySessionStore) store = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GArray) in_memory = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) from_store = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GTimeZone) local = g_time_zone_new_identifier ("America/New_York");
  gint64 from = iso_us ("2025-03-01T00:00:00Z");
  gint64 to = from + (gint64)400 * 24 * 3600 * G_USEC_PER_SEC;
  guint n_occurrences = 0;
  double a, b;

  setlocale (LC_ALL, "");
  db = steady_database_open (path, &error);
  g_assert_no_error (error);
  store = steady_session_store_new (db);
  steady_session_store_set_local_zone (store, local);
  series = make_schedule (store);

  for (int run = 0; run < N_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      n_occurrences = 0;
      for (guint i = 0; i < series->len; i++)
        {
          g_autoptr(GPtrArray) occurrences = NULL;

          occurrences = steady_recurrence_expand (g_ptr_array_index (series, i), NULL, local,
                                                  from, to, &error);
          g_assert_no_error (error);
          n_occurrences += occurrences->len;
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (in_memory, ms);

      start = g_get_monotonic_time ();
      {
        g_autoptr(GPtrArray) all = steady_session_store_expand (store, from, to, NULL, &error);

        g_assert_no_error (error);
      }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (from_store, ms);
    }

  a = median_ms (in_memory);
  b = median_ms (from_store);
  g_print ("%-52s %10s %10s %8s\n", "measurement (median of 200)", "measured", "goal", "met");
  g_print ("%-52s %8.2f ms %7.1f ms %8s\n", "expand 24 series over 400 days, in memory", a,
           GOAL_MS, a <= GOAL_MS ? "yes" : "NO");
  g_print ("%-52s %8.2f ms %7.1f ms %8s\n", "expand 24 series over 400 days, from the database",
           b, GOAL_MS, b <= GOAL_MS ? "yes" : "NO");
  g_print ("(%u occurrences)\n", n_occurrences);

  g_clear_object (&store);
  g_clear_object (&db);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_remove (file);
      }
    g_rmdir (dir);
  }
  return EXIT_SUCCESS;
}
