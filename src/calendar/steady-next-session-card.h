/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-next-session-card.h: the next session, with a countdown and its "bring this up" list,
 * as a card any page can host. */

#pragma once

#include <adwaita.h>

#include "steady-database.h"

G_BEGIN_DECLS

#define STEADY_TYPE_NEXT_SESSION_CARD (steady_next_session_card_get_type ())
G_DECLARE_FINAL_TYPE (SteadyNextSessionCard, steady_next_session_card, STEADY, NEXT_SESSION_CARD,
                      AdwBin)

GtkWidget  *steady_next_session_card_new          (void);
void        steady_next_session_card_set_database (SteadyNextSessionCard *self,
                                                   SteadyDatabase        *database);
void        steady_next_session_card_refresh      (SteadyNextSessionCard *self);
void        steady_next_session_card_set_now      (SteadyNextSessionCard *self,
                                                   gint64                 now_us);
const char *steady_next_session_card_get_title    (SteadyNextSessionCard *self);
const char *steady_next_session_card_get_countdown (SteadyNextSessionCard *self);
char       *steady_format_countdown               (gint64                 from_us,
                                                   gint64                 to_us);

G_END_DECLS
