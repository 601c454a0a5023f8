/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skills-library.h: the DBT-informed skills, grouped by module, each with a short
 * "what it is and when it helps" in our own words, and a search over them. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  STEADY_SKILL_MODULE_MINDFULNESS,
  STEADY_SKILL_MODULE_DISTRESS_TOLERANCE,
  STEADY_SKILL_MODULE_EMOTION_REGULATION,
  STEADY_SKILL_MODULE_INTERPERSONAL,
  STEADY_N_SKILL_MODULES
} SteadySkillModule;

/* One skill. id is stable (stored in diary cards and skill logs); name and description are
 * untranslated (N_()): show them with gettext (). exercise is the id of the written
 * exercise that practices this skill (steady-skill-kind.h), or NULL. */
typedef struct
{
  const char        *id;
  SteadySkillModule  module;
  const char        *name;
  const char        *description;
  const char        *exercise;
} SteadySkill;

/* The meaning of a rating on the diary card's 0–7 scale of skills used. */
#define STEADY_SKILL_RATING_MAX 7

const SteadySkill *steady_skills_library_get          (guint              *n_skills);
const SteadySkill *steady_skills_library_find         (const char         *id);
const char        *steady_skill_module_get_title      (SteadySkillModule   module);
const char        *steady_skill_module_get_summary    (SteadySkillModule   module);
const char        *steady_skill_rating_get_meaning    (int                 rating);
GPtrArray         *steady_skills_library_search       (const char         *text);

G_END_DECLS
