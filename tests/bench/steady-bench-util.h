/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-bench-util.h: what the core benchmarks share — the clock, the table line, and the
 * generated databases they run on. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STEADY_BENCH_SEED 1

double steady_bench_now_ms          (void);
double steady_bench_median          (GArray     *times_ms);
void   steady_bench_report          (const char *name,
                                     int         years,
                                     double      measured_ms,
                                     double      goal_ms);
G_NORETURN
void   steady_bench_die             (const char *what,
                                     GError     *error);
char  *steady_bench_ensure_database (const char *generator,
                                     const char *data_dir,
                                     int         years);
char  *steady_bench_copy_database   (const char *source,
                                     char      **out_dir);

G_END_DECLS
