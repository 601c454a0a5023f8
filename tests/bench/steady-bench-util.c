/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-bench-util.c: what the core benchmarks share — the clock, the table line
 * ("name@Ny measured_ms goal_ms met|missed"), and the generated databases they run on. */

#define G_LOG_DOMAIN "steady-bench-util"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <time.h>

#include "steady-bench-util.h"

double
steady_bench_now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

/* Sorts @times_ms and returns the middle one. */
double
steady_bench_median (GArray *times_ms)
{
  g_return_val_if_fail (times_ms != NULL && times_ms->len > 0, 0);

  g_array_sort (times_ms, compare_doubles);
  return g_array_index (times_ms, double, times_ms->len / 2);
}

/* One line of the bench table; a goal of 0 or less says "-" and "info". */
void
steady_bench_report (const char *name,
                     int         years,
                     double      measured,
                     double      goal)
{
  if (goal > 0)
    g_print ("%s@%dy %.3f %.0f %s\n", name, years, measured, goal,
             measured <= goal ? "met" : "missed");
  else
    g_print ("%s@%dy %.3f - info\n", name, years, measured);
}

void
steady_bench_die (const char *what,
                  GError     *error)
{
  g_printerr ("%s: %s: %s\n", g_get_prgname (), what, error != NULL ? error->message : "failed");
  exit (1);
}

/* The generated database of @years years (steady-bench-data), made once and kept. */
char *
steady_bench_ensure_database (const char *generator,
                              const char *data_dir,
                              int         years)
{
  g_autofree char *name = g_strdup_printf ("journal-%dy-seed%d.db", years, STEADY_BENCH_SEED);
  char *path = g_build_filename (data_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *years_arg = g_strdup_printf ("%d", years);
  g_autofree char *seed_arg = g_strdup_printf ("%d", STEADY_BENCH_SEED);
  const char *argv[] = { generator, "--years", years_arg, "--seed", seed_arg, path, NULL };
  int status = 0;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;
  if (generator == NULL)
    steady_bench_die ("no --generator given to write the benchmark database", NULL);
  g_mkdir_with_parents (data_dir, 0700);
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL, NULL,
                     NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    steady_bench_die ("steady-bench-data", error);
  return path;
}

/* A copy of @source in a new temporary folder (@out_dir), so the cached one never changes. */
char *
steady_bench_copy_database (const char  *source,
                            char       **out_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("steady-bench-XXXXXX", &error);
  g_autoptr(GFile) from = g_file_new_for_path (source);
  g_autoptr(GFile) to = NULL;
  char *path;

  if (dir == NULL)
    steady_bench_die ("temporary folder", error);
  path = g_build_filename (dir, "steady.db", NULL);
  to = g_file_new_for_path (path);
  if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    steady_bench_die ("copy of the benchmark database", error);
  *out_dir = g_steal_pointer (&dir);
  return path;
}
