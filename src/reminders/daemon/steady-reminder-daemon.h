/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-reminder-daemon.h: the steady-reminders daemon — reads the calendar, sends what is
 * due, sleeps until the next reminder, and re-plans when the clock, the time zone or the
 * calendar changes. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define STEADY_TYPE_REMINDER_DAEMON (steady_reminder_daemon_get_type ())
G_DECLARE_FINAL_TYPE (SteadyReminderDaemon, steady_reminder_daemon, STEADY, REMINDER_DAEMON,
                      GObject)

SteadyReminderDaemon *steady_reminder_daemon_new    (GSettings             *settings,
                                                     GError               **error);
void                  steady_reminder_daemon_replan (SteadyReminderDaemon  *self);
gboolean              steady_reminder_daemon_export (SteadyReminderDaemon  *self,
                                                     GDBusConnection       *connection,
                                                     GError               **error);

G_END_DECLS
