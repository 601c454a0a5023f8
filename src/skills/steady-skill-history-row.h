/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-history-row.h: one thing done on the Skills page, as the history lists it:
 * what it was, when, its first words or search snippet, and whether it is private. */

#pragma once

#include <adwaita.h>

#include "steady-skill-history.h"

G_BEGIN_DECLS

#define STEADY_TYPE_SKILL_HISTORY_ROW (steady_skill_history_row_get_type ())
G_DECLARE_FINAL_TYPE (SteadySkillHistoryRow, steady_skill_history_row, STEADY,
                      SKILL_HISTORY_ROW, AdwActionRow)

GtkWidget               *steady_skill_history_row_new       (const SteadyHistoryItem *item);
const SteadyHistoryItem *steady_skill_history_row_get_item  (SteadySkillHistoryRow   *self);
gboolean                 steady_skill_history_row_can_open  (SteadySkillHistoryRow   *self);
GtkWidget               *steady_skill_history_row_get_delete_button (SteadySkillHistoryRow *self);
const char              *steady_skill_history_kind_get_title (int                     kind);

G_END_DECLS
