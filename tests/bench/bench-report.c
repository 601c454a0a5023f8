/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-report.c: times the therapist report as a PDF — the month and the year up to the
 * newest entry — on the generated benchmark databases, in the bench table format:
 *
 *   name measured_ms goal_ms met|missed
 *
 * Medians of several runs after one warm-up run; the goals are issue 8's (0.3 s, 3 s). The
 * report is timed as shared by default (the first lines of each note) and with every note
 * in full, the longest it gets. */

#define G_LOG_DOMAIN "bench-report"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <time.h>

#include "steady-bench-util.h"
#include "steady-database.h"
#include "steady-report-pdf.h"

#define MONTH_GOAL 300.0
#define YEAR_GOAL  3000.0

static gint64
newest_entry_us (SteadyDatabase *database)
{
  sqlite3_stmt *stmt = NULL;
  gint64 newest = 0;

  if (sqlite3_prepare_v2 (steady_database_get_handle (database),
                          "SELECT max (at_us) FROM mood_entry", -1, &stmt, NULL) != SQLITE_OK)
    steady_bench_die ("newest entry", NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    newest = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return newest;
}

/* The median wall time of @runs exports; @out_cpu_ms gets the median processor time, which
 * other work on a shared machine does not inflate. */
static double
time_export (SteadyDatabase            *database,
             const SteadyReportRange   *range,
             const SteadyReportOptions *options,
             const char                *path,
             guint                      runs,
             double                    *out_cpu_ms)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run <= runs; run++)
    {
      g_autoptr(GError) error = NULL;
      double start = steady_bench_now_ms ();
      clock_t cpu_start = clock ();
      double cpu_ms;
      double ms;

      if (!steady_report_pdf_export (database, range, options, path, NULL, NULL, NULL, &error))
        steady_bench_die ("export", error);
      ms = steady_bench_now_ms () - start;
      cpu_ms = (double)(clock () - cpu_start) * 1000 / CLOCKS_PER_SEC;
      /* The first run warms the caches (fonts, pages of the database) and is not counted. */
      if (run > 0)
        {
          g_array_append_val (times, ms);
          g_array_append_val (cpu_times, cpu_ms);
        }
    }
  *out_cpu_ms = steady_bench_median (cpu_times);
  return steady_bench_median (times);
}

static void
bench_years (const char *source,
             int         years,
             guint       runs)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = steady_bench_copy_database (source, &dir);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(SteadyDatabase) database = steady_database_open (path, &error);
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) month_start = NULL;
  g_autoptr(GDateTime) year_start = NULL;
  SteadyReportRange month;
  SteadyReportRange year;
  SteadyReportOptions options;
  gint64 newest;
  double wall;
  double cpu;

  if (database == NULL)
    steady_bench_die ("open", error);
  newest = newest_entry_us (database);
  end = g_date_time_new_from_unix_local (newest / G_USEC_PER_SEC + 1);
  month_start = g_date_time_add_months (end, -1);
  year_start = g_date_time_add_years (end, -1);
  month.to_us = year.to_us = newest + 1;
  month.from_us = g_date_time_to_unix (month_start) * G_USEC_PER_SEC;
  year.from_us = g_date_time_to_unix (year_start) * G_USEC_PER_SEC;

  steady_report_options_init_default (&options);
  wall = time_export (database, &month, &options, pdf, runs, &cpu);
  steady_bench_report ("report_pdf_month", years, wall, MONTH_GOAL);
  steady_bench_report ("report_pdf_month_cpu", years, cpu, 0);
  wall = time_export (database, &year, &options, pdf, MAX (runs / 3, 1), &cpu);
  steady_bench_report ("report_pdf_year", years, wall, YEAR_GOAL);
  steady_bench_report ("report_pdf_year_cpu", years, cpu, 0);

  options.notes = STEADY_REPORT_NOTES_FULL;
  wall = time_export (database, &month, &options, pdf, runs, &cpu);
  steady_bench_report ("report_pdf_month_full_notes", years, wall, MONTH_GOAL);
  steady_bench_report ("report_pdf_month_full_notes_cpu", years, cpu, 0);
  wall = time_export (database, &year, &options, pdf, MAX (runs / 3, 1), &cpu);
  steady_bench_report ("report_pdf_year_full_notes", years, wall, YEAR_GOAL);
  steady_bench_report ("report_pdf_year_full_notes_cpu", years, cpu, 0);

  g_clear_object (&database);
  {
    g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
    const char *name;

    while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_remove (file);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *generator = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *years_list = NULL;
  g_auto(GStrv) years = NULL;
  int runs = 9;
  const GOptionEntry options[] = {
    { "generator", 0, 0, G_OPTION_ARG_FILENAME, &generator, "steady-bench-data", "PATH" },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "Where generated databases are kept",
      "DIR" },
    { "years", 0, 0, G_OPTION_ARG_STRING, &years_list, "Sizes to measure (default 1,20)",
      "LIST" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per measurement (default 9)", "N" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1)
    steady_bench_die ("options", error);
  if (data_dir == NULL)
    data_dir = g_build_filename (g_get_tmp_dir (), "steady-bench-data", NULL);
  years = g_strsplit (years_list != NULL ? years_list : "1,20", ",", -1);

  g_print ("# bench-report: name measured_ms goal_ms met|missed (goals: issue 8)\n");
  for (guint i = 0; years[i] != NULL; i++)
    {
      int n = atoi (years[i]);
      g_autofree char *path = steady_bench_ensure_database (generator, data_dir, n);

      bench_years (path, n, (guint)runs);
    }
  return 0;
}
