/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-cli-test-util.h: running the built steady binary as a user would, without a display,
 * against a data folder of the test's own: its exit status and what it printed. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  int   status;
  char *out;
  char *err;
} SteadyCliRun;

void     steady_cli_run_clear       (SteadyCliRun *run);
void     steady_cli_run             (SteadyCliRun *run,
                                     const char   *data_home,
                                     const char   *first_arg,
                                     ...) G_GNUC_NULL_TERMINATED;
gboolean steady_cli_run_exited_with (const SteadyCliRun *run,
                                     int                 code);
int      steady_cli_run_in_loop     (const char   *data_home,
                                     const char   *first_arg,
                                     ...) G_GNUC_NULL_TERMINATED;
void     steady_cli_settle_bus      (guint        *counter,
                                     guint         expected);

G_END_DECLS
