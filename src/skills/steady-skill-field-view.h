/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-field-view.h: one question of an exercise on screen, whatever its type: a
 * text, a 0–100 rating, yes/partly/no, moods with ratings, or automatic thoughts. */

#pragma once

#include <gtk/gtk.h>

#include "steady-skill-record.h"

G_BEGIN_DECLS

#define STEADY_TYPE_SKILL_FIELD_VIEW (steady_skill_field_view_get_type ())
G_DECLARE_FINAL_TYPE (SteadySkillFieldView, steady_skill_field_view, STEADY, SKILL_FIELD_VIEW,
                      GtkBox)

GtkWidget              *steady_skill_field_view_new         (SteadySkillKind          kind,
                                                             const SteadySkillField  *field,
                                                             const char * const      *moods);
const SteadySkillField *steady_skill_field_view_get_field   (SteadySkillFieldView    *self);
gboolean                steady_skill_field_view_is_rerating (SteadySkillFieldView    *self);
void                    steady_skill_field_view_load        (SteadySkillFieldView    *self,
                                                             SteadySkillRecord       *record);
void                    steady_skill_field_view_store       (SteadySkillFieldView    *self,
                                                             SteadySkillRecord       *record);
GtkWidget              *steady_skill_field_view_get_input   (SteadySkillFieldView    *self);
GtkWidget              *steady_skill_field_view_add_mood    (SteadySkillFieldView    *self,
                                                             const char              *name,
                                                             int                      before);
GtkWidget              *steady_skill_field_view_add_thought (SteadySkillFieldView    *self,
                                                             const char              *text);
GPtrArray              *steady_skill_field_view_get_items   (SteadySkillFieldView    *self);

G_END_DECLS
