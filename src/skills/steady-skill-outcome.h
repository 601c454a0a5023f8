/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-outcome.h: what changed over one exercise, in plain words: each mood of a
 * thought record before and after, and distress at the start and the end. */

#pragma once

#include "steady-skill-record.h"

G_BEGIN_DECLS

char *steady_skill_outcome_describe (SteadySkillRecord *record);

G_END_DECLS
