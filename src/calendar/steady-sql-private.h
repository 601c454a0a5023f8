/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-sql-private.h: small helpers the calendar and reminder stores share for running SQL on
 * a SteadyDatabase with errors reported as GError. */

#pragma once

#include <sqlite3.h>

#include "steady-database.h"

G_BEGIN_DECLS

sqlite3_stmt *steady_sql_prepare     (SteadyDatabase  *database,
                                      const char      *sql,
                                      GError         **error);
gboolean      steady_sql_step_done   (SteadyDatabase  *database,
                                      sqlite3_stmt    *stmt,
                                      GError         **error);
gboolean      steady_sql_step_row    (SteadyDatabase  *database,
                                      sqlite3_stmt    *stmt,
                                      gboolean        *out_has_row,
                                      GError         **error);
void          steady_sql_bind_text   (sqlite3_stmt    *stmt,
                                      int              index,
                                      const char      *text);
char         *steady_sql_dup_text    (sqlite3_stmt    *stmt,
                                      int              column);

/* An alias, so that g_autoptr() can finalize statements without claiming sqlite3_stmt itself. */
typedef sqlite3_stmt SteadyStatement;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyStatement, sqlite3_finalize)

G_END_DECLS
