/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-editor.h: the window where a thought record or a DBT-informed worksheet is
 * worked through, one step at a time or on one page, kept as a draft as the user goes. */

#pragma once

#include <adwaita.h>

#include "steady-rating-row.h"
#include "steady-skill-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_SKILL_EDITOR (steady_skill_editor_get_type ())
G_DECLARE_FINAL_TYPE (SteadySkillEditor, steady_skill_editor, STEADY, SKILL_EDITOR, AdwWindow)

SteadySkillEditor *steady_skill_editor_new               (GtkWindow          *parent,
                                                          SteadySkillStore   *store,
                                                          SteadySkillKind     kind,
                                                          SteadySkillRecord  *record);
SteadySkillEditor *steady_skill_editor_open              (GtkWindow          *parent,
                                                          SteadySkillStore   *store,
                                                          const char         *uuid,
                                                          GError            **error);
SteadySkillEditor *steady_skill_editor_find              (const char         *uuid);
SteadySkillRecord *steady_skill_editor_get_record        (SteadySkillEditor  *self);
const char        *steady_skill_editor_get_uuid          (SteadySkillEditor  *self);
guint              steady_skill_editor_get_step          (SteadySkillEditor  *self);
void               steady_skill_editor_set_step          (SteadySkillEditor  *self,
                                                          guint               step);
guint              steady_skill_editor_get_n_steps       (SteadySkillEditor  *self);
gboolean           steady_skill_editor_get_full_form     (SteadySkillEditor  *self);
void               steady_skill_editor_set_full_form     (SteadySkillEditor  *self,
                                                          gboolean            full_form);
GPtrArray         *steady_skill_editor_get_field_views   (SteadySkillEditor  *self,
                                                          guint               step);
SteadyRatingRow   *steady_skill_editor_get_distress_row  (SteadySkillEditor  *self,
                                                          gboolean            after);
const char        *steady_skill_editor_get_outcome       (SteadySkillEditor  *self);
gboolean           steady_skill_editor_save_for_later    (SteadySkillEditor  *self,
                                                          GError            **error);
gboolean           steady_skill_editor_finish            (SteadySkillEditor  *self,
                                                          GError            **error);
gboolean           steady_skill_editor_flush_draft       (SteadySkillEditor  *self,
                                                          GError            **error);
gboolean           steady_skill_editor_get_draft_offered (SteadySkillEditor  *self);
void               steady_skill_editor_restore_draft     (SteadySkillEditor  *self);
const char        *steady_skill_editor_get_error_text    (SteadySkillEditor  *self);

G_END_DECLS
