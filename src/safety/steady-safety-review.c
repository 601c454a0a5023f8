/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-safety-review.c: when the safety plan is next due for a review with the therapist.
 * Pure: the clock and the dates come in as arguments, so the reminder daemon and the tests
 * can ask about any moment. */

#define G_LOG_DOMAIN "steady-safety-review"

#include "config.h"

#include "steady-safety-review.h"

/* Returns the start of the local day (in @when's own UTC offset) @weeks after @when. Whole
 * days, because a review is something to bring up at the next session, not at an hour. */
static GDateTime *
day_after_weeks (GDateTime *when,
                 guint      weeks)
{
  g_autoptr(GDateTime) later = g_date_time_add_weeks (when, (int)weeks);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset ((gint32)(g_date_time_get_utc_offset (when) /
                                                               G_USEC_PER_SEC));

  return g_date_time_new (zone, g_date_time_get_year (later), g_date_time_get_month (later),
                          g_date_time_get_day_of_month (later), 0, 0, 0);
}

/**
 * steady_safety_review_next_due:
 * @last_reviewed: (nullable): when the plan was last reviewed, or %NULL if never
 * @plan_started: (nullable): when the plan's first item was written, or %NULL for no plan
 * @interval_weeks: the "safety-plan-review-weeks" setting; 0 means no reminder
 *
 * Returns: (transfer full) (nullable): the start of the day the next review is due, in the
 * UTC offset of the date it counts from; %NULL when no reminder is wanted or there is no
 * plan to review yet.
 */
GDateTime *
steady_safety_review_next_due (GDateTime *last_reviewed,
                               GDateTime *plan_started,
                               guint      interval_weeks)
{
  g_return_val_if_fail (interval_weeks <= 52, NULL);

  if (interval_weeks == 0)
    return NULL;
  if (last_reviewed != NULL)
    return day_after_weeks (last_reviewed, interval_weeks);
  if (plan_started != NULL)
    return day_after_weeks (plan_started, interval_weeks);
  return NULL;
}

/* Whether, at @now, a review is due (or overdue). */
gboolean
steady_safety_review_is_due (GDateTime *last_reviewed,
                             GDateTime *plan_started,
                             guint      interval_weeks,
                             GDateTime *now)
{
  g_autoptr(GDateTime) due = NULL;

  g_return_val_if_fail (now != NULL, FALSE);

  due = steady_safety_review_next_due (last_reviewed, plan_started, interval_weeks);
  return due != NULL && g_date_time_compare (now, due) >= 0;
}
