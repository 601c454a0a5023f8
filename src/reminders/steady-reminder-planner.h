/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-reminder-planner.h: the pure reminder planner — occurrences, what was already sent,
 * and the time now in; the reminders due now and the next time to wake up out. */

#pragma once

#include <glib.h>

#include "steady-occurrence.h"
#include "steady-reminder-record.h"

G_BEGIN_DECLS

/* A reminder shown more than this after it was due is marked late. */
#define STEADY_REMINDER_LATE_AFTER_US (60 * G_USEC_PER_SEC)

/* "Nothing to wake up for" among the occurrences given. */
#define STEADY_REMINDER_NEVER G_MAXINT64

typedef struct
{
  SteadyOccurrence *occurrence;
  int               offset_minutes;  /* which of the series' reminders this is */
  gint64            due_us;          /* start − offset, or the end of a snooze */
  gboolean          late;            /* shown well after it was due: after suspend, shutdown */
  gboolean          snoozed;         /* a snoozed reminder coming back */
  gint64            snoozed_until_us;
} SteadyDueReminder;

typedef struct
{
  GPtrArray *due;             /* (element-type SteadyDueReminder): at most one per occurrence */
  gint64     next_wakeup_us;  /* the next due time after now, or STEADY_REMINDER_NEVER */
} SteadyReminderPlan;

SteadyReminderPlan *steady_reminder_planner_plan (GPtrArray          *occurrences,
                                                  GPtrArray          *records,
                                                  gint64              now_us);
void                steady_reminder_plan_free    (SteadyReminderPlan *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyReminderPlan, steady_reminder_plan_free)

G_END_DECLS
