/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-reports-cli.h: the command line's exports, imports and restore, done without a
 * window or a display. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The action of the running instance that reloads its journal after a command-line import. */
#define STEADY_JOURNAL_CHANGED_ACTION "journal-changed"

/* Exit statuses. */
#define STEADY_CLI_OK     0
#define STEADY_CLI_FAILED 1 /* the work could not be done; the reason is on stderr */
#define STEADY_CLI_USAGE  2 /* the options do not go together; nothing was done */

/* What the options said; NULL or FALSE for those not given. */
typedef struct
{
  const char *export_format;   /* pdf, csv, json or ics */
  const char *output_path;
  const char *from;            /* YYYY-MM-DD */
  const char *to;
  gboolean    since_last_session;
  const char *kinds;           /* csv only: a comma-separated list of kinds */
  const char *notes;           /* pdf only: full, short or none */
  const char *import_path;     /* an iCalendar file or a Daylio export */
  const char *restore_path;    /* a JSON backup */
} SteadyReportsCliOptions;

int steady_reports_cli_run (const SteadyReportsCliOptions *options);

G_END_DECLS
