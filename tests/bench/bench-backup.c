/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-backup.c: times the complete JSON backup, its preview and its restore on the
 * generated 20-year database (PERFORMANCE.md: backup and restore ≤ 3 s each), one line per
 * measurement in the bench table format:
 *
 *   name measured_ms goal_ms met|missed */

#define G_LOG_DOMAIN "bench-backup"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <time.h>

#include "steady-backup.h"
#include "steady-bench-util.h"
#include "steady-database.h"

#define GOAL_MS    3000.0
#define RUNS       3

/* Processor time of this process: on a machine shared with other builds the wall-clock
 * figures include waiting for a core, so the table shows both. */
static double
cpu_ms (void)
{
  return (double)clock () * 1000 / CLOCKS_PER_SEC;
}

static double
median (double *samples,
        guint   n)
{
  g_autoptr(GArray) array = g_array_new (FALSE, FALSE, sizeof (double));

  g_array_append_vals (array, samples, n);
  return steady_bench_median (array);
}

static void
remove_database (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GDir) listing = g_dir_open (backups, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (backups, name, NULL);

      g_unlink (file);
    }
  g_rmdir (backups);
  for (guint i = 0; i < 3; i++)
    {
      static const char * const suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) source = NULL;
  g_autofree char *generator = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *source_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *json = NULL;
  g_autofree char *target = NULL;
  double backup_ms[RUNS], preview_ms[RUNS], restore_ms[RUNS], again_ms[RUNS];
  double backup_cpu[RUNS], restore_cpu[RUNS];
  int years = 20;
  GStatBuf st;
  const GOptionEntry options[] = {
    { "generator", 0, 0, G_OPTION_ARG_FILENAME, &generator, "steady-bench-data", "PATH" },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "Where generated databases are kept",
      "DIR" },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, "Years of data (default 20)", "N" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || years < 1)
    steady_bench_die ("options", error);
  if (data_dir == NULL)
    data_dir = g_build_filename (g_get_tmp_dir (), "steady-bench-data", NULL);
  source_path = steady_bench_ensure_database (generator, data_dir, years);
  dir = g_dir_make_tmp ("steady-bench-backup-XXXXXX", &error);
  if (dir == NULL)
    steady_bench_die ("temporary folder", error);
  json = g_build_filename (dir, "backup.json", NULL);
  target = g_build_filename (dir, "steady.db", NULL);

  /* The cached database is only read: a backup never writes to its source. */
  source = steady_database_open (source_path, &error);
  if (source == NULL)
    steady_bench_die ("open", error);

  g_print ("# bench-backup: name measured_ms goal_ms met|missed (goals: PERFORMANCE.md)\n");
  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(SteadyDatabase) database = NULL;
      SteadyRestoreSummary summary = { 0 };
      gint64 start;

      double cpu = cpu_ms ();

      start = g_get_monotonic_time ();
      if (!steady_backup_export (source, json, NULL, NULL, NULL, &error))
        steady_bench_die ("backup", error);
      backup_ms[run] = (double)(g_get_monotonic_time () - start) / 1000.0;
      backup_cpu[run] = cpu_ms () - cpu;

      remove_database (target);
      database = steady_database_open (target, &error);
      if (database == NULL)
        steady_bench_die ("open the empty database", error);

      start = g_get_monotonic_time ();
      if (!steady_backup_preview (database, json, &summary, NULL, &error))
        steady_bench_die ("preview", error);
      preview_ms[run] = (double)(g_get_monotonic_time () - start) / 1000.0;

      /* Into an empty journal: every row is new. */
      cpu = cpu_ms ();
      start = g_get_monotonic_time ();
      if (!steady_backup_restore (database, json, &summary, NULL, NULL, NULL, &error))
        steady_bench_die ("restore", error);
      restore_ms[run] = (double)(g_get_monotonic_time () - start) / 1000.0;
      restore_cpu[run] = cpu_ms () - cpu;
      steady_restore_summary_clear (&summary);

      /* Into a journal that already holds it all: every row is compared and kept. */
      start = g_get_monotonic_time ();
      if (!steady_backup_restore (database, json, &summary, NULL, NULL, NULL, &error))
        steady_bench_die ("restore again", error);
      again_ms[run] = (double)(g_get_monotonic_time () - start) / 1000.0;
      steady_restore_summary_clear (&summary);
    }

  steady_bench_report ("backup_json", years, median (backup_ms, RUNS), GOAL_MS);
  steady_bench_report ("restore_preview", years, median (preview_ms, RUNS), 0);
  steady_bench_report ("restore_into_empty", years, median (restore_ms, RUNS), GOAL_MS);
  steady_bench_report ("restore_into_same", years, median (again_ms, RUNS), GOAL_MS);
  steady_bench_report ("backup_json_cpu", years, median (backup_cpu, RUNS), 0);
  steady_bench_report ("restore_into_empty_cpu", years, median (restore_cpu, RUNS), 0);
  if (g_stat (json, &st) == 0)
    g_print ("# backup file %.1f MiB\n", (double)st.st_size / (1024.0 * 1024.0));

  remove_database (target);
  g_unlink (json);
  g_rmdir (dir);
  return 0;
}
