/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-safety-review.h: when the safety plan is next due for a review with the therapist.
 * Pure: the clock and the dates come in as arguments, so the reminder daemon and the tests
 * can ask about any moment. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The GSettings key that holds the interval in weeks (0: no reminder). */
#define STEADY_SAFETY_REVIEW_SETTINGS_KEY "safety-plan-review-weeks"

GDateTime *steady_safety_review_next_due (GDateTime *last_reviewed,
                                          GDateTime *plan_started,
                                          guint      interval_weeks);
gboolean   steady_safety_review_is_due   (GDateTime *last_reviewed,
                                          GDateTime *plan_started,
                                          guint      interval_weeks,
                                          GDateTime *now);

G_END_DECLS
