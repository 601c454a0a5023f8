/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-csv-file.h: one CSV file being written (RFC 4180, UTF-8 with a byte order mark):
 * cells quoted and guarded against spreadsheet formulas, rows written whole, counted. */

#pragma once

#include <gio/gio.h>

#include "steady-csv-export.h"
#include "steady-report-common.h"

G_BEGIN_DECLS

/* A row is built in @row, then written out whole by steady_csv_file_end_record (). */
typedef struct
{
  SteadyReportFile *file;
  GString          *row;
  guint             n_fields;
  SteadyCsvCount    count;
  GCancellable     *cancellable;
} SteadyCsvFile;

gboolean steady_csv_file_open              (SteadyCsvFile       *csv,
                                            const char          *path,
                                            const char * const  *columns,
                                            GCancellable        *cancellable,
                                            GError             **error);
gboolean steady_csv_file_commit            (SteadyCsvFile       *csv,
                                            GError             **error);
void     steady_csv_file_clear             (SteadyCsvFile       *csv);

void     steady_csv_file_add_text          (SteadyCsvFile       *csv,
                                            const char          *text);
void     steady_csv_file_add_plain         (SteadyCsvFile       *csv,
                                            const char          *value);
void     steady_csv_file_add_int           (SteadyCsvFile       *csv,
                                            gint64               value);
void     steady_csv_file_add_bool          (SteadyCsvFile       *csv,
                                            gboolean             value);
void     steady_csv_file_add_seconds       (SteadyCsvFile       *csv,
                                            gint64               us);
void     steady_csv_file_add_time_and_date (SteadyCsvFile       *csv,
                                            gint64               time_us,
                                            int                  utc_offset_s);
gboolean steady_csv_file_end_record        (SteadyCsvFile       *csv,
                                            GError             **error);

G_END_DECLS
