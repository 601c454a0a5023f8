/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-reminder-notifier.h: shows reminders as desktop notifications through libnotify, with
 * the actions "Open" and "Snooze", and reports what the user did with them. */

#pragma once

#include <glib-object.h>


G_BEGIN_DECLS

typedef enum
{
  STEADY_REMINDER_RESPONSE_OPEN,
  STEADY_REMINDER_RESPONSE_SNOOZE,
  STEADY_REMINDER_RESPONSE_DISMISS,
} SteadyReminderResponse;

#define STEADY_TYPE_REMINDER_NOTIFIER (steady_reminder_notifier_get_type ())
G_DECLARE_FINAL_TYPE (SteadyReminderNotifier, steady_reminder_notifier, STEADY,
                      REMINDER_NOTIFIER, GObject)

SteadyReminderNotifier *steady_reminder_notifier_new  (void);
gboolean                steady_reminder_notifier_show (SteadyReminderNotifier  *self,
                                                       const char              *occurrence_id,
                                                       int                      offset_minutes,
                                                       const char              *summary,
                                                       const char              *body,
                                                       gboolean                 late,
                                                       GError                 **error);

G_END_DECLS
