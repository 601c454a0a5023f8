/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-database.h: the one SQLite file that holds a user's data, opened safely. */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define STEADY_DATABASE_ERROR (steady_database_error_quark ())

/* What went wrong, in terms the window can turn into words for the user. */
typedef enum
{
  STEADY_DATABASE_ERROR_NOT_OURS,   /* a valid SQLite file, but another program's */
  STEADY_DATABASE_ERROR_TOO_NEW,    /* written by a newer Steady than this one */
  STEADY_DATABASE_ERROR_CORRUPT,    /* not a database, or quick_check failed */
  STEADY_DATABASE_ERROR_READ_ONLY,  /* the folder or file cannot be written */
  STEADY_DATABASE_ERROR_FULL,       /* the disk is full */
  STEADY_DATABASE_ERROR_MIGRATION,  /* a schema upgrade failed; the old file is intact */
  STEADY_DATABASE_ERROR_NO_BACKUP,  /* no usable backup exists */
  STEADY_DATABASE_ERROR_FAILED,     /* anything else SQLite or the file system said */
} SteadyDatabaseError;

/* The application_id stored in every Steady database header ("STDY"). */
#define STEADY_DATABASE_APPLICATION_ID 0x53544459

/* One schema upgrade: the SQL that takes the file from version - 1 to version. */
typedef struct
{
  int         version;
  const char *sql;
} SteadyMigration;

#define STEADY_TYPE_DATABASE (steady_database_get_type ())
G_DECLARE_FINAL_TYPE (SteadyDatabase, steady_database, STEADY, DATABASE, GObject)

GQuark          steady_database_error_quark          (void);

char           *steady_database_get_default_dir      (void);
char           *steady_database_get_default_path     (void);

SteadyDatabase *steady_database_open                 (const char            *path,
                                                      GError               **error);
SteadyDatabase *steady_database_open_with_migrations (const char            *path,
                                                      const SteadyMigration *migrations,
                                                      guint                  n_migrations,
                                                      GError               **error);

SteadyDatabase *steady_database_open_deferring_check (const char          *path,
                                                      GError             **error);
gboolean        steady_database_check                (SteadyDatabase        *self,
                                                      GError               **error);

const char     *steady_database_get_path             (SteadyDatabase        *self);
sqlite3        *steady_database_get_handle           (SteadyDatabase        *self);
int             steady_database_get_schema_version   (SteadyDatabase        *self);

gboolean        steady_database_exec                 (SteadyDatabase        *self,
                                                      const char            *sql,
                                                      GError               **error);
gboolean        steady_database_begin                (SteadyDatabase        *self,
                                                      GError               **error);
gboolean        steady_database_commit               (SteadyDatabase        *self,
                                                      GError               **error);
void            steady_database_rollback             (SteadyDatabase        *self);

void            steady_database_set_error_from_sqlite (GError              **error,
                                                       sqlite3              *db,
                                                       int                   rc,
                                                       const char           *what);

/* Backups: consistent copies made with SQLite's online backup API. */
char           *steady_database_get_backup_dir       (SteadyDatabase        *self);
char           *steady_database_backup_to            (SteadyDatabase        *self,
                                                      const char            *dest_path,
                                                      GError               **error);
char           *steady_database_backup_now           (SteadyDatabase        *self,
                                                      GError               **error);
char           *steady_database_backup_now_keeping_all (SteadyDatabase      *self,
                                                        GError             **error);
void            steady_database_prune_backups        (SteadyDatabase        *self);
gboolean        steady_database_backup_if_due        (SteadyDatabase        *self,
                                                      GTimeSpan              max_age,
                                                      GError               **error);

/* Used at start, before a database is open: find and restore a good backup. */
GPtrArray      *steady_database_list_backups         (const char            *db_path);
char           *steady_database_find_newest_good_backup (const char         *db_path,
                                                         GError            **error);
gboolean        steady_database_restore_backup       (const char            *db_path,
                                                      const char            *backup_path,
                                                      char                 **set_aside_path,
                                                      GError               **error);

G_END_DECLS
