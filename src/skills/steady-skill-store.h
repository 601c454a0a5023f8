/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-store.h: thought records and DBT-informed worksheets in the database: save at
 * any step, read, delete with undo, and full-text search in the journal's shared index. */

#pragma once

#include <glib-object.h>

#include "steady-database.h"
#include "steady-skill-record.h"

G_BEGIN_DECLS

/* Which kinds a list or search covers: a bit per SteadySkillKind. */
#define STEADY_SKILL_KIND_MASK(kind) (1u << (kind))
#define STEADY_SKILL_KIND_MASK_ALL   ((1u << STEADY_N_SKILL_KINDS) - 1)

#define STEADY_TYPE_SKILL_STORE (steady_skill_store_get_type ())
G_DECLARE_FINAL_TYPE (SteadySkillStore, steady_skill_store, STEADY, SKILL_STORE, GObject)

SteadySkillStore  *steady_skill_store_new                (SteadyDatabase     *database);
SteadyDatabase    *steady_skill_store_get_database       (SteadySkillStore   *self);
gboolean           steady_skill_store_save               (SteadySkillStore   *self,
                                                          SteadySkillRecord  *record,
                                                          GError            **error);
SteadySkillRecord *steady_skill_store_load               (SteadySkillStore   *self,
                                                          const char         *uuid,
                                                          GError            **error);
SteadySkillRecord *steady_skill_store_delete             (SteadySkillStore   *self,
                                                          const char         *uuid,
                                                          GError            **error);
gboolean           steady_skill_store_restore            (SteadySkillStore   *self,
                                                          SteadySkillRecord  *deleted,
                                                          GError            **error);
GPtrArray         *steady_skill_store_list               (SteadySkillStore   *self,
                                                          guint               kinds,
                                                          guint               limit,
                                                          GError            **error);
GPtrArray         *steady_skill_store_list_unfinished    (SteadySkillStore   *self,
                                                          guint               limit,
                                                          GError            **error);
GPtrArray         *steady_skill_store_search             (SteadySkillStore   *self,
                                                          const char         *text,
                                                          guint               kinds,
                                                          guint               limit,
                                                          GError            **error);
gboolean           steady_skill_store_check_search_index (SteadySkillStore   *self,
                                                          GError            **error);

G_END_DECLS
