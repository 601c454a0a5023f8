/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skills-sql.c: the little SQLite plumbing the coping skills' stores share: prepare,
 * step with errors in words, optional ratings as NULL, and merging the search index. */

#define G_LOG_DOMAIN "steady-skills-sql"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-skill-record.h"
#include "steady-skills-error.h"
#include "steady-skills-sql-private.h"

SteadySkillsStmt *
_steady_skills_prepare (SteadyDatabase  *database,
                        const char      *sql,
                        GError         **error)
{
  sqlite3 *db = steady_database_get_handle (database);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      steady_database_set_error_from_sqlite (error, db, rc, _("coping skills"));
      return NULL;
    }
  return stmt;
}

static void
set_step_error (SteadyDatabase  *database,
                int              rc,
                GError         **error)
{
  /* The stores check every value first; a constraint failing here means the schema caught
   * what they missed, and the words should still make sense to the user. */
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    g_set_error_literal (error, STEADY_SKILLS_ERROR, STEADY_SKILLS_ERROR_INVALID_VALUE,
                         _("A rating or answer is outside what can be saved."));
  else
    steady_database_set_error_from_sqlite (error, steady_database_get_handle (database), rc,
                                           _("coping skills"));
}

gboolean
_steady_skills_step_done (SteadyDatabase    *database,
                          SteadySkillsStmt  *stmt,
                          GError           **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;
  set_step_error (database, rc, error);
  return FALSE;
}

/* Steps once: TRUE with *out_row set, or FALSE with @error set. */
gboolean
_steady_skills_step_row (SteadyDatabase    *database,
                         SteadySkillsStmt  *stmt,
                         gboolean          *out_row,
                         GError           **error)
{
  int rc = sqlite3_step (stmt);

  *out_row = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;
  set_step_error (database, rc, error);
  return FALSE;
}

/* After a loop of sqlite3_step (): TRUE if it ended with SQLITE_DONE. */
gboolean
_steady_skills_finish (SteadyDatabase  *database,
                       int              rc,
                       GError         **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  set_step_error (database, rc, error);
  return FALSE;
}

/* FTS5 in SQLite 3.40 keeps a deleted row's words in older segments until they are merged;
 * deleting must leave no trace (RELIABILITY 10). */
gboolean
_steady_skills_merge_index (SteadyDatabase  *database,
                            GError         **error)
{
  return steady_database_exec (database,
                               "INSERT INTO search_fts (search_fts) VALUES ('optimize')", error);
}

void
_steady_skills_bind_rating (SteadySkillsStmt *stmt,
                            int               index,
                            int               rating)
{
  if (rating == STEADY_SKILL_NO_RATING)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, rating);
}

int
_steady_skills_column_rating (SteadySkillsStmt *stmt,
                              int               column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return STEADY_SKILL_NO_RATING;
  return sqlite3_column_int (stmt, column);
}

gint64
_steady_skills_now_us (void)
{
  return g_get_real_time ();
}
