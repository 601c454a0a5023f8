/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-next-session-view.h: the next session, with a countdown and its "bring this up" list,
 * as a card any page can host. */

#pragma once

#include <adwaita.h>

#include "steady-database.h"

G_BEGIN_DECLS

#define STEADY_TYPE_NEXT_SESSION_VIEW (steady_next_session_view_get_type ())
G_DECLARE_FINAL_TYPE (SteadyNextSessionView, steady_next_session_view, STEADY, NEXT_SESSION_VIEW,
                      AdwBin)

GtkWidget  *steady_next_session_view_new          (void);
void        steady_next_session_view_set_database (SteadyNextSessionView *self,
                                                   SteadyDatabase        *database);
void        steady_next_session_view_refresh      (SteadyNextSessionView *self);
void        steady_next_session_view_set_now      (SteadyNextSessionView *self,
                                                   gint64                 now_us);
const char *steady_next_session_view_get_title    (SteadyNextSessionView *self);
const char *steady_next_session_view_get_countdown (SteadyNextSessionView *self);
char       *steady_format_countdown               (gint64                 from_us,
                                                   gint64                 to_us);

G_END_DECLS
