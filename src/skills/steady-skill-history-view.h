/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-history-view.h: the Skills history: every exercise, diary card, skill used and
 * practice, newest first, paged, filtered by kind, searched, opened and deleted with undo. */

#pragma once

#include <adwaita.h>

#include "steady-database.h"

G_BEGIN_DECLS

#define STEADY_TYPE_SKILL_HISTORY_VIEW (steady_skill_history_view_get_type ())
G_DECLARE_FINAL_TYPE (SteadySkillHistoryView, steady_skill_history_view, STEADY,
                      SKILL_HISTORY_VIEW, GtkWidget)

GtkWidget *steady_skill_history_view_new          (SteadyDatabase         *database);
void       steady_skill_history_view_reload       (SteadySkillHistoryView *self);
void       steady_skill_history_view_focus_search (SteadySkillHistoryView *self);

G_END_DECLS
