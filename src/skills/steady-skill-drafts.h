/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-drafts.h: the drafts of exercises being worked on: the one to offer back when
 * an exercise opens, and an exercise that so far is only a draft. */

#pragma once

#include "steady-draft-store.h"
#include "steady-skill-store.h"

G_BEGIN_DECLS

char              *steady_skill_drafts_find_offer   (SteadySkillStore  *store,
                                                     SteadyDraftStore  *drafts,
                                                     SteadySkillRecord *record,
                                                     gboolean           stored,
                                                     gint64            *out_updated_us);
SteadySkillRecord *steady_skill_drafts_load_unsaved (SteadySkillStore  *store,
                                                     SteadyDraftStore  *drafts,
                                                     const char        *uuid);

G_END_DECLS
