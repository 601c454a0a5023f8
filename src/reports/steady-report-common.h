/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-report-common.h: what every report, export and backup shares — its error domain,
 * progress callbacks, files written privately and atomically, and ISO 8601 times. */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "steady-database.h"

G_BEGIN_DECLS

#define STEADY_REPORT_ERROR (steady_report_error_quark ())

/* What went wrong, in terms a window or the command line can turn into words; the messages
 * are already written for the user. File errors use G_IO_ERROR. */
typedef enum
{
  STEADY_REPORT_ERROR_INVALID_DATE,    /* a date that does not exist or is out of range */
  STEADY_REPORT_ERROR_INVALID_RANGE,   /* the end comes before the start */
  STEADY_REPORT_ERROR_NO_PAST_SESSION, /* "since my last session" with none in the past */
  STEADY_REPORT_ERROR_INVALID_FILE,    /* an imported file that is not what it claims */
  STEADY_REPORT_ERROR_UNSUPPORTED,     /* a format or option this build cannot handle */
} SteadyReportError;

/* Called from the thread doing the work, with 0 ≤ @fraction ≤ 1. */
typedef void (*SteadyReportProgressFunc) (double   fraction,
                                          gpointer user_data);

GQuark steady_report_error_quark (void);

void steady_report_progress (SteadyReportProgressFunc progress,
                             gpointer                 user_data,
                             double                   fraction);

/* A file being written: its bytes go to a hidden temporary file (mode 0600) in the same
 * folder, which replaces @path only on commit, after an fsync. Freed without a commit, or
 * when a step fails or is cancelled, it leaves nothing behind and @path untouched. */
typedef struct _SteadyReportFile SteadyReportFile;

SteadyReportFile *steady_report_file_new        (const char        *path,
                                                 GError           **error);
GOutputStream    *steady_report_file_get_stream (SteadyReportFile  *self);
gboolean          steady_report_file_commit     (SteadyReportFile  *self,
                                                 GCancellable      *cancellable,
                                                 GError           **error);
void              steady_report_file_free       (SteadyReportFile  *self);

gboolean steady_report_write_file (const char    *path,
                                   const void    *data,
                                   gsize          length,
                                   GCancellable  *cancellable,
                                   GError       **error);

char *steady_report_format_iso8601 (gint64     time_us,
                                    GTimeZone *zone);

/* Exports reading a table in a range: a statement, its rows, then its end checked. */
sqlite3_stmt *steady_report_prepare_range (SteadyDatabase  *database,
                                           const char      *sql,
                                           gint64           from_us,
                                           gint64           to_us,
                                           GError         **error);
gboolean      steady_report_finish        (SteadyDatabase  *database,
                                           sqlite3_stmt    *stmt,
                                           int              rc,
                                           GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyReportFile, steady_report_file_free)

G_END_DECLS
