/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-review-reminder.h: the reminder to review the safety plan with the therapist — when
 * it is due (pure, the clock as input), its claim so it is shown once per due date, and
 * "Later". */

#pragma once

#include <glib.h>

#include "steady-database.h"

G_BEGIN_DECLS

/* The reminder's id where a session reminder has its occurrence id: in the plan the helper
 * prints, and in the helper's snooze and dismiss commands. No occurrence id looks like it. */
#define STEADY_REVIEW_REMINDER_ID "safety-plan-review"

/* Shown at this hour of the due day (in the UTC offset the due date counts in), not at
 * midnight: a review is something to bring up at the next session, not a call to act now. */
#define STEADY_REVIEW_REMINDER_HOUR 10

/* How long "Later" puts the reminder off. */
#define STEADY_REVIEW_REMINDER_LATER_US ((gint64)24 * 3600 * G_USEC_PER_SEC)

typedef enum
{
  STEADY_REVIEW_REMINDER_NONE,   /* nothing recorded for this due date */
  STEADY_REVIEW_REMINDER_SENT,   /* shown */
  STEADY_REVIEW_REMINDER_LATER,  /* shown, then put off until later_until_us */
} SteadyReviewReminderState;

/* What was done about the reminder of one due date. */
typedef struct
{
  gint64                    due_us;  /* the due date (its first instant) this is about */
  SteadyReviewReminderState state;
  gint64                    later_until_us;
} SteadyReviewReminderRecord;

typedef struct
{
  gboolean show;            /* show the reminder for due_us now */
  gint64   due_us;          /* the due date now in force, or 0 when none has come yet */
  gint64   next_wakeup_us;  /* when to plan again for it, or STEADY_REMINDER_NEVER */
} SteadyReviewReminderPlan;

void     steady_review_reminder_plan  (GDateTime                        *last_reviewed,
                                       GDateTime                        *plan_started,
                                       guint                             interval_weeks,
                                       const SteadyReviewReminderRecord *record,
                                       gint64                            now_us,
                                       SteadyReviewReminderPlan         *out_plan);

gboolean steady_review_reminder_claim (SteadyDatabase                   *database,
                                       guint                             interval_weeks,
                                       gint64                            now_us,
                                       SteadyReviewReminderPlan         *out_plan,
                                       GError                          **error);
gboolean steady_review_reminder_later (SteadyDatabase                   *database,
                                       gint64                            until_us,
                                       GError                          **error);

G_END_DECLS
