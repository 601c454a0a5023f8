/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-reminders-client.h: what the app needs to talk to the steady-reminders daemon — its
 * D-Bus names, a "re-plan now" call, and the user's autostart entry for it. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define STEADY_REMINDERS_BUS_NAME    "io.github.steadyapp.Steady.Reminders"
#define STEADY_REMINDERS_OBJECT_PATH "/io/github/steadyapp/Steady/Reminders"
#define STEADY_REMINDERS_INTERFACE   "io.github.steadyapp.Steady.Reminders"
#define STEADY_REMINDERS_DESKTOP_ID  "io.github.steadyapp.Steady.Reminders.desktop"

/* The app's action that opens one session; its parameter is the occurrence id. */
#define STEADY_OPEN_SESSION_ACTION   "open-session"
/* The app's action that opens the safety plan, from the reminder to review it. */
#define STEADY_OPEN_SAFETY_PLAN_ACTION "open-safety-plan"

void     steady_reminders_client_replan_async  (GDBusConnection      *connection,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean steady_reminders_client_replan_finish (GDBusConnection      *connection,
                                                GAsyncResult         *result,
                                                GError              **error);

gboolean steady_reminders_client_set_autostart (gboolean              enabled,
                                                GError              **error);

G_END_DECLS
