/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-kind.h: the five written exercises (CBT thought record and the DBT-informed
 * worksheets), the fields each one asks for step by step, and the thinking traps. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  STEADY_SKILL_KIND_THOUGHT_RECORD,
  STEADY_SKILL_KIND_NAME_EMOTION,
  STEADY_SKILL_KIND_CHECK_FACTS,
  STEADY_SKILL_KIND_OPPOSITE_ACTION,
  STEADY_SKILL_KIND_PLEASE_CHECK,
  STEADY_N_SKILL_KINDS
} SteadySkillKind;

typedef enum
{
  STEADY_SKILL_FIELD_TEXT,    /* free text */
  STEADY_SKILL_FIELD_PERCENT, /* a whole number 0–100 */
  STEADY_SKILL_FIELD_CHOICE,  /* "yes", "partly" or "no" */
  STEADY_SKILL_FIELD_MOODS,   /* thought record: moods with ratings before and after */
  STEADY_SKILL_FIELD_THOUGHTS /* thought record: automatic thoughts, one of them hot */
} SteadySkillFieldType;

/* One question of an exercise. title and prompt are untranslated (N_()); show them with
 * gettext (). Fields of the same step are shown together in the one-step-at-a-time flow. */
typedef struct
{
  const char           *id;     /* key in the stored payload */
  SteadySkillFieldType  type;
  guint                 step;   /* 1-based */
  const char           *title;
  const char           *prompt;
} SteadySkillField;

/* One thinking trap: a stable id (stored) and its name and one-line explanation (N_()). */
typedef struct
{
  const char *id;
  const char *name;
  const char *explanation;
} SteadyThinkingTrap;

/* Longest text of one field, in bytes. */
#define STEADY_SKILL_TEXT_MAX_BYTES (64 * 1024)
/* Most moods and automatic thoughts in one thought record. */
#define STEADY_SKILL_MAX_LIST_ITEMS 20

const char             *steady_skill_kind_to_id        (SteadySkillKind  kind);
gboolean                steady_skill_kind_from_id      (const char      *id,
                                                        SteadySkillKind *out_kind);
const char             *steady_skill_kind_get_title    (SteadySkillKind  kind);
const char             *steady_skill_kind_get_summary  (SteadySkillKind  kind);
guint                   steady_skill_kind_get_n_steps  (SteadySkillKind  kind);
const SteadySkillField *steady_skill_kind_get_fields   (SteadySkillKind  kind,
                                                        guint           *n_fields);
const SteadySkillField *steady_skill_kind_find_field   (SteadySkillKind  kind,
                                                        const char      *id);

const SteadyThinkingTrap *steady_thinking_traps_get    (guint           *n_traps);
const SteadyThinkingTrap *steady_thinking_trap_find    (const char      *id);

G_END_DECLS
