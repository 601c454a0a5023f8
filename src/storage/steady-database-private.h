/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-database-private.h: what steady-database.c and steady-database-backup.c share;
 * not for use outside src/storage/. */

#pragma once

#include "steady-database.h"

G_BEGIN_DECLS

/* steady-database.c */
SteadyDatabaseError steady_database_error_code_from_errno      (int           saved_errno);
void                steady_database_set_error_not_ours         (GError      **error,
                                                                const char   *path);
void                steady_database_set_error_too_new          (GError      **error,
                                                                const char   *path,
                                                                int           version,
                                                                int           latest_version);
gboolean            steady_database_ensure_private_dir         (const char   *dir,
                                                                GError      **error);
gboolean            steady_database_create_private_file        (const char   *path,
                                                                GError      **error);
void                steady_database_sync_dir                   (const char   *dir);
gboolean            steady_database_query_int                  (sqlite3      *db,
                                                                const char   *sql,
                                                                int          *out,
                                                                GError      **error);
gboolean            steady_database_quick_check                (sqlite3      *db,
                                                                const char   *path,
                                                                GError      **error);

/* steady-database-backup.c */
gboolean            steady_database_keep_copy_before_migration (sqlite3      *db,
                                                                const char   *db_path,
                                                                int           version,
                                                                GError      **error);

G_END_DECLS
