/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-record.h: one thought record or DBT-informed worksheet, finished or not: its
 * answers, its before/after distress, and whether it is private. */

#pragma once

#include <glib-object.h>

#include "steady-skill-kind.h"

G_BEGIN_DECLS

/* Drafts of unfinished records live in SteadyDraftStore under the kind
 * "skill-record/<kind id>" (e.g. "skill-record/check-facts") with the record's UUID as the
 * key; see steady_skill_record_get_draft_kind (). A record has its UUID from the moment its
 * editor opens, so the draft and the saved record share it. */
#define STEADY_SKILL_DRAFT_KIND_PREFIX "skill-record/"

/* A rating that was not given (distress before/after, a percentage, a mood's "after"). */
#define STEADY_SKILL_NO_RATING (-1)

#define STEADY_TYPE_SKILL_RECORD (steady_skill_record_get_type ())
G_DECLARE_FINAL_TYPE (SteadySkillRecord, steady_skill_record, STEADY, SKILL_RECORD, GObject)

SteadySkillRecord *steady_skill_record_new                (SteadySkillKind     kind);
SteadySkillRecord *steady_skill_record_new_from_draft     (const char         *payload,
                                                           GError            **error);
char              *steady_skill_record_to_draft           (SteadySkillRecord  *self);
const char        *steady_skill_record_get_draft_kind     (SteadySkillRecord  *self);
SteadySkillRecord *steady_skill_record_copy               (SteadySkillRecord  *self);

const char        *steady_skill_record_get_uuid           (SteadySkillRecord  *self);
SteadySkillKind    steady_skill_record_get_kind           (SteadySkillRecord  *self);
gint64             steady_skill_record_get_time           (SteadySkillRecord  *self);
int                steady_skill_record_get_utc_offset     (SteadySkillRecord  *self);
void               steady_skill_record_set_time           (SteadySkillRecord  *self,
                                                           gint64              time_us,
                                                           int                 utc_offset_s);
int                steady_skill_record_get_local_day      (SteadySkillRecord  *self);
gint64             steady_skill_record_get_created        (SteadySkillRecord  *self);
gint64             steady_skill_record_get_updated        (SteadySkillRecord  *self);

guint              steady_skill_record_get_step_reached   (SteadySkillRecord  *self);
void               steady_skill_record_set_step_reached   (SteadySkillRecord  *self,
                                                           guint               step);
gboolean           steady_skill_record_get_finished       (SteadySkillRecord  *self);
void               steady_skill_record_set_finished       (SteadySkillRecord  *self,
                                                           gboolean            finished);
int                steady_skill_record_get_distress_before (SteadySkillRecord *self);
void               steady_skill_record_set_distress_before (SteadySkillRecord *self,
                                                            int                distress);
int                steady_skill_record_get_distress_after (SteadySkillRecord  *self);
void               steady_skill_record_set_distress_after (SteadySkillRecord  *self,
                                                           int                 distress);
gboolean           steady_skill_record_get_private        (SteadySkillRecord  *self);
void               steady_skill_record_set_private        (SteadySkillRecord  *self,
                                                           gboolean            private_);

/* Fields of type TEXT, PERCENT and CHOICE, by id (steady_skill_kind_get_fields ()). */
const char        *steady_skill_record_get_text           (SteadySkillRecord  *self,
                                                           const char         *field);
void               steady_skill_record_set_text           (SteadySkillRecord  *self,
                                                           const char         *field,
                                                           const char         *text);
int                steady_skill_record_get_percent        (SteadySkillRecord  *self,
                                                           const char         *field);
void               steady_skill_record_set_percent        (SteadySkillRecord  *self,
                                                           const char         *field,
                                                           int                 percent);
const char        *steady_skill_record_get_choice         (SteadySkillRecord  *self,
                                                           const char         *field);
void               steady_skill_record_set_choice         (SteadySkillRecord  *self,
                                                           const char         *field,
                                                           const char         *choice);

/* Thought records: moods (step 2, re-rated at step 7), automatic thoughts (step 3), traps. */
guint              steady_skill_record_get_n_moods        (SteadySkillRecord  *self);
guint              steady_skill_record_add_mood           (SteadySkillRecord  *self,
                                                           const char         *name,
                                                           int                 before);
void               steady_skill_record_get_mood           (SteadySkillRecord  *self,
                                                           guint               index,
                                                           const char        **out_name,
                                                           int                *out_before,
                                                           int                *out_after);
void               steady_skill_record_set_mood_after     (SteadySkillRecord  *self,
                                                           guint               index,
                                                           int                 after);
gboolean           steady_skill_record_get_mood_change    (SteadySkillRecord  *self,
                                                           guint               index,
                                                           int                *out_change);
void               steady_skill_record_remove_mood        (SteadySkillRecord  *self,
                                                           guint               index);
guint              steady_skill_record_get_n_thoughts     (SteadySkillRecord  *self);
guint              steady_skill_record_add_thought        (SteadySkillRecord  *self,
                                                           const char         *text);
const char        *steady_skill_record_get_thought        (SteadySkillRecord  *self,
                                                           guint               index);
void               steady_skill_record_remove_thought     (SteadySkillRecord  *self,
                                                           guint               index);
int                steady_skill_record_get_hot_thought    (SteadySkillRecord  *self);
void               steady_skill_record_set_hot_thought    (SteadySkillRecord  *self,
                                                           int                 index);
GStrv              steady_skill_record_dup_traps          (SteadySkillRecord  *self);
void               steady_skill_record_set_traps          (SteadySkillRecord  *self,
                                                           const char * const *trap_ids);

char              *steady_skill_record_dup_summary        (SteadySkillRecord  *self);
gboolean           steady_skill_record_validate           (SteadySkillRecord  *self,
                                                           GError            **error);

G_END_DECLS
