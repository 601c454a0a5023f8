/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-recurrence.h: expanding session series into occurrences over a bounded window, with
 * libical for the dates and our own DST policy for the times. */

#pragma once

#include <glib.h>

#include "steady-occurrence.h"
#include "steady-session-series.h"

G_BEGIN_DECLS

#define STEADY_RECURRENCE_ERROR (steady_recurrence_error_quark ())

typedef enum
{
  STEADY_RECURRENCE_ERROR_INVALID_RULE,    /* libical cannot read the rule */
  STEADY_RECURRENCE_ERROR_COUNT_AND_UNTIL, /* both COUNT and UNTIL: RFC 5545 forbids it */
  STEADY_RECURRENCE_ERROR_NEVER_HAPPENS,   /* an impossible rule, e.g. every 30 February */
  STEADY_RECURRENCE_ERROR_TOO_FREQUENT,    /* repeats hourly or more often */
  STEADY_RECURRENCE_ERROR_TOO_MANY,        /* more occurrences than the iteration cap */
  STEADY_RECURRENCE_ERROR_UNKNOWN_ZONE,    /* a time zone this system does not know */
  STEADY_RECURRENCE_ERROR_INVALID_START,   /* not a "YYYYMMDDTHHMMSS" wall time */
} SteadyRecurrenceError;

/* The most steps libical may take for one series in one expansion. A daily series over ten
 * years needs about 3650. */
#define STEADY_RECURRENCE_MAX_ITERATIONS 100000

GQuark     steady_recurrence_error_quark (void);

gboolean   steady_recurrence_check_rule    (const char                *rrule,
                                            GError                   **error);
gboolean   steady_recurrence_validate      (const SteadySessionSeries *series,
                                            GTimeZone                 *local_zone,
                                            GError                   **error);
GPtrArray *steady_recurrence_expand        (SteadySessionSeries       *series,
                                            GPtrArray                 *overrides,
                                            GTimeZone                 *local_zone,
                                            gint64                     from_us,
                                            gint64                     to_us,
                                            GError                   **error);
gboolean   steady_recurrence_has_occurrence (const SteadySessionSeries *series,
                                             const char                *original_start_local,
                                             GTimeZone                 *local_zone);
gboolean   steady_recurrence_split         (const SteadySessionSeries *series,
                                            const char                *original_start_local,
                                            GTimeZone                 *local_zone,
                                            char                     **out_rule_before,
                                            char                     **out_rule_after,
                                            GError                   **error);

G_END_DECLS
