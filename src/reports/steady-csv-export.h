/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-csv-export.h: one CSV file (RFC 4180, UTF-8) per kind of record, for a range, with
 * the columns documented in src/reports/README.md; private records are left out. */

#pragma once

#include <gio/gio.h>

#include "steady-database.h"
#include "steady-report-common.h"
#include "steady-report-range.h"

G_BEGIN_DECLS

typedef enum
{
  STEADY_CSV_KIND_JOURNAL,      /* mood journal entries */
  STEADY_CSV_KIND_EXERCISES,    /* thought records and worksheets */
  STEADY_CSV_KIND_DIARY_CARDS,  /* one row per day and emotion, urge or skill */
  STEADY_CSV_KIND_SKILL_USES,   /* "I used this" */
  STEADY_CSV_KIND_PRACTICE,     /* breathing and mindfulness practice log */
  STEADY_CSV_KIND_SESSIONS,     /* sessions on the calendar, with attendance */
  STEADY_N_CSV_KINDS
} SteadyCsvKind;

#define STEADY_CSV_KIND_MASK(kind) (1u << (kind))
#define STEADY_CSV_KIND_MASK_ALL   ((1u << STEADY_N_CSV_KINDS) - 1)

/* What one file holds. */
typedef struct
{
  guint n_rows;     /* data rows written, the header not counted */
  guint n_private;  /* records marked private, left out */
} SteadyCsvCount;

const char         *steady_csv_kind_to_id        (SteadyCsvKind   kind);
gboolean            steady_csv_kind_from_id      (const char     *id,
                                                  SteadyCsvKind  *out_kind);
const char         *steady_csv_kind_get_title    (SteadyCsvKind   kind);
const char         *steady_csv_kind_get_file_name (SteadyCsvKind  kind);
const char * const *steady_csv_kind_get_columns  (SteadyCsvKind   kind);
gboolean            steady_csv_kinds_parse       (const char     *list,
                                                  guint          *out_kinds,
                                                  GError        **error);

gboolean steady_csv_export (SteadyDatabase           *database,
                            guint                     kinds,
                            const SteadyReportRange  *range,
                            const char               *folder,
                            GCancellable             *cancellable,
                            SteadyReportProgressFunc  progress,
                            gpointer                  user_data,
                            SteadyCsvCount           *counts,
                            GError                  **error);

G_END_DECLS
