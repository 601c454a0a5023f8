/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-drafts.h: the drafts of exercises being worked on: the one to offer back when
 * an exercise opens, an exercise that so far is only a draft, and discarding an exercise
 * (saved, draft or both) so that Undo brings it back. */

#pragma once

#include "steady-draft-store.h"
#include "steady-skill-store.h"

G_BEGIN_DECLS

/* What a discarded exercise was, for Undo: the saved record if it had been saved, and the
 * draft if one was being typed. */
typedef struct
{
  char              *uuid;
  char              *draft_kind;
  char              *draft;       /* nullable */
  SteadySkillRecord *saved;       /* nullable */
} SteadySkillDiscarded;

void               steady_skill_discarded_free      (SteadySkillDiscarded *discarded);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadySkillDiscarded, steady_skill_discarded_free)

char              *steady_skill_drafts_find_offer   (SteadySkillStore  *store,
                                                     SteadyDraftStore  *drafts,
                                                     SteadySkillRecord *record,
                                                     gboolean           stored,
                                                     gint64            *out_updated_us);
SteadySkillRecord *steady_skill_drafts_load_unsaved (SteadySkillStore  *store,
                                                     SteadyDraftStore  *drafts,
                                                     const char        *uuid);
SteadySkillDiscarded *steady_skill_drafts_discard   (SteadySkillStore  *store,
                                                     SteadyDraftStore  *drafts,
                                                     SteadySkillRecord *record,
                                                     GError           **error);
gboolean           steady_skill_drafts_undo_discard (SteadySkillStore  *store,
                                                     SteadyDraftStore  *drafts,
                                                     const SteadySkillDiscarded *discarded,
                                                     GError           **error);

G_END_DECLS
