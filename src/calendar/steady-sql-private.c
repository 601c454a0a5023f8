/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-sql-private.c: small helpers the calendar and reminder stores share for running SQL. */

#define G_LOG_DOMAIN "steady-sql"

#include "config.h"

#include "steady-sql-private.h"

sqlite3_stmt *
steady_sql_prepare (SteadyDatabase  *database,
                    const char      *sql,
                    GError         **error)
{
  sqlite3 *db = steady_database_get_handle (database);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      steady_database_set_error_from_sqlite (error, db, rc, sql);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

/* Runs a statement that returns no rows. */
gboolean
steady_sql_step_done (SteadyDatabase  *database,
                      sqlite3_stmt    *stmt,
                      GError         **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_database_set_error_from_sqlite (error, steady_database_get_handle (database), rc,
                                             sqlite3_sql (stmt));
      return FALSE;
    }
  return TRUE;
}

/* Steps once: TRUE with *@out_has_row set, or FALSE with @error set. */
gboolean
steady_sql_step_row (SteadyDatabase  *database,
                     sqlite3_stmt    *stmt,
                     gboolean        *out_has_row,
                     GError         **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      steady_database_set_error_from_sqlite (error, steady_database_get_handle (database), rc,
                                             sqlite3_sql (stmt));
      return FALSE;
    }
  *out_has_row = rc == SQLITE_ROW;
  return TRUE;
}

/* Binds @text, or NULL as SQL NULL. */
void
steady_sql_bind_text (sqlite3_stmt *stmt,
                      int           index,
                      const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* The column as a new string, or NULL for SQL NULL. */
char *
steady_sql_dup_text (sqlite3_stmt *stmt,
                     int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}
