/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-safety-item-row.h: one item of the safety plan, edited in place and saved as it is
 * typed, with a phone number for people and buttons to move or delete it. */

#pragma once

#include <adwaita.h>

#include "steady-safety-plan-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_SAFETY_ITEM_ROW (steady_safety_item_row_get_type ())
G_DECLARE_FINAL_TYPE (SteadySafetyItemRow, steady_safety_item_row, STEADY, SAFETY_ITEM_ROW,
                      GtkListBoxRow)

GtkWidget        *steady_safety_item_row_new          (SteadySafetyPlanStore *store,
                                                       SteadySafetySection    section,
                                                       SteadySafetyItem      *item);
SteadySafetyItem *steady_safety_item_row_get_item     (SteadySafetyItemRow   *self);
void              steady_safety_item_row_set_item     (SteadySafetyItemRow   *self,
                                                       SteadySafetyItem      *item);
gboolean          steady_safety_item_row_flush        (SteadySafetyItemRow   *self);
void              steady_safety_item_row_set_number   (SteadySafetyItemRow   *self,
                                                       guint                  number);
void              steady_safety_item_row_grab_text_focus (SteadySafetyItemRow *self);
void              steady_safety_item_row_set_can_move (SteadySafetyItemRow   *self,
                                                       gboolean               can_move_up,
                                                       gboolean               can_move_down);
char             *steady_safety_item_row_dup_text     (SteadySafetyItemRow   *self);
gboolean          steady_safety_item_row_has_unsaved_words (SteadySafetyItemRow *self);

G_END_DECLS
