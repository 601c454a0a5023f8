/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-reminder-scheduler.h: sleeps until the next reminder is due, without polling — a
 * CLOCK_REALTIME timerfd that also wakes when the clock is set — and watches for time-zone
 * changes. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define STEADY_TYPE_REMINDER_SCHEDULER (steady_reminder_scheduler_get_type ())
G_DECLARE_FINAL_TYPE (SteadyReminderScheduler, steady_reminder_scheduler, STEADY,
                      REMINDER_SCHEDULER, GObject)

SteadyReminderScheduler *steady_reminder_scheduler_new (const char * const  *zone_files,
                                                        GError             **error);
void steady_reminder_scheduler_set_wakeup (SteadyReminderScheduler *self,
                                           gint64                   instant_us);
gint64 steady_reminder_scheduler_get_wakeup (SteadyReminderScheduler *self);

G_END_DECLS
