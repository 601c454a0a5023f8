/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-report-range.h: the span of time a report or export covers — last week, last month,
 * custom local dates, or since the last session on the calendar — and the command line's
 * dates. */

#pragma once

#include <glib.h>

#include "steady-database.h"
#include "steady-report-common.h"

G_BEGIN_DECLS

/* Half-open: from_us ≤ t < to_us, UTC microseconds. */
typedef struct
{
  gint64 from_us;
  gint64 to_us;
} SteadyReportRange;

/* Everything any record can hold: a day beyond the schema's bounds on each side (records
 * are kept from 1900 to the end of 2999, UTC). */
#define STEADY_REPORT_EVERYTHING_FROM_US G_GINT64_CONSTANT (-2209075200000000)
#define STEADY_REPORT_EVERYTHING_TO_US   G_GINT64_CONSTANT (32503766400000000)

/* The earliest and latest years a date given for a report may have. */
#define STEADY_REPORT_MIN_YEAR 1970
#define STEADY_REPORT_MAX_YEAR 2199

/* @zone NULL means the local time zone; @now_us is "now" in UTC microseconds. */
void     steady_report_range_everything         (SteadyReportRange  *out);
void     steady_report_range_last_week          (gint64              now_us,
                                                 GTimeZone          *zone,
                                                 SteadyReportRange  *out);
void     steady_report_range_last_month         (gint64              now_us,
                                                 GTimeZone          *zone,
                                                 SteadyReportRange  *out);
gboolean steady_report_range_custom             (const GDate        *first,
                                                 const GDate        *last,
                                                 GTimeZone          *zone,
                                                 SteadyReportRange  *out,
                                                 GError            **error);
gboolean steady_report_range_since_last_session (SteadyDatabase     *database,
                                                 gint64              now_us,
                                                 GTimeZone          *zone,
                                                 SteadyReportRange  *out,
                                                 GError            **error);

gboolean steady_report_parse_date               (const char         *text,
                                                 GDate              *out,
                                                 GError            **error);
gboolean steady_report_range_parse              (const char         *from,
                                                 const char         *to,
                                                 GTimeZone          *zone,
                                                 SteadyReportRange  *out,
                                                 GError            **error);

gboolean steady_report_range_contains           (const SteadyReportRange *range,
                                                 gint64                   time_us);
char    *steady_report_range_describe           (const SteadyReportRange *range,
                                                 GTimeZone               *zone);

G_END_DECLS
