/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-record-private.h: what only the store sets on a record: its identity, its
 * stored times, and its answers as the JSON the database keeps. */

#pragma once

#include "steady-skill-record.h"

G_BEGIN_DECLS

SteadySkillRecord *_steady_skill_record_new_stored (SteadySkillKind     kind,
                                                    const char         *uuid,
                                                    gint64              created_us,
                                                    gint64              updated_us);
void               _steady_skill_record_set_stamps (SteadySkillRecord  *self,
                                                    gint64              created_us,
                                                    gint64              updated_us);
char              *_steady_skill_record_dup_answers (SteadySkillRecord *self);
gboolean           _steady_skill_record_set_answers (SteadySkillRecord *self,
                                                     const char        *json,
                                                     GError           **error);

G_END_DECLS
