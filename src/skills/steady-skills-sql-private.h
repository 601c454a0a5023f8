/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skills-sql-private.h: the little SQLite plumbing the coping skills' stores share. */

#pragma once

#include <sqlite3.h>

#include "steady-database.h"

G_BEGIN_DECLS

typedef sqlite3_stmt SteadySkillsStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadySkillsStmt, sqlite3_finalize)

SteadySkillsStmt *_steady_skills_prepare     (SteadyDatabase    *database,
                                              const char        *sql,
                                              GError           **error);
gboolean          _steady_skills_step_done   (SteadyDatabase    *database,
                                              SteadySkillsStmt  *stmt,
                                              GError           **error);
gboolean          _steady_skills_step_row    (SteadyDatabase    *database,
                                              SteadySkillsStmt  *stmt,
                                              gboolean          *out_row,
                                              GError           **error);
gboolean          _steady_skills_finish      (SteadyDatabase    *database,
                                              int                rc,
                                              GError           **error);
gboolean          _steady_skills_merge_index (SteadyDatabase    *database,
                                              GError           **error);
void              _steady_skills_bind_rating (SteadySkillsStmt  *stmt,
                                              int                index,
                                              int                rating);
int               _steady_skills_column_rating (SteadySkillsStmt *stmt,
                                                int               column);
gint64            _steady_skills_now_us      (void);

G_END_DECLS
