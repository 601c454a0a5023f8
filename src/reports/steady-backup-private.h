/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-backup-private.h: what the backup's writer and its restore share, and the entry
 * points the tests, the fuzz target and the bench reach past the public API. */

#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "steady-backup.h"

G_BEGIN_DECLS

#define STEADY_BACKUP_FORMAT_NAME    "steady-backup"
#define STEADY_BACKUP_FORMAT_VERSION 1
/* Everything before this member is what the checksum covers. */
#define STEADY_BACKUP_CHECKSUM_KEY   "\"sha256\":\""

/* A column that holds another table's id (or uuid): written as that row's uuid, so a backup
 * never depends on the row numbers of the file it came from. */
typedef struct
{
  const char *column;
  const char *parent;
  const char *parent_key; /* "id" or "uuid" */
} SteadyBackupForeignKey;

/* One table of the backup. Parents come before the tables that refer to them. */
typedef struct
{
  const char             *name;
  int                     kind;        /* a SteadyBackupKind, or -1: not counted */
  const char             *key[4];      /* identity of a row, NULL-terminated */
  const char             *alt_key[3];  /* a second unique key of the table, or none */
  const char             *updated;     /* NULL: rows never change once written */
  const char             *owner;       /* child rows follow this parent row's fate */
  SteadyBackupForeignKey  fks[2];
  /* SQL true of a local row nobody has touched (a built-in emotion as installed): the
   * backup's copy replaces it even when the local one is newer. */
  const char             *pristine;
} SteadyBackupTable;

const SteadyBackupTable *steady_backup_get_tables (guint *n_tables);

/* The columns a backup holds for @table, in the schema's order: all but the row number and
 * the generated ones. */
GPtrArray *steady_backup_table_columns (sqlite3    *db,
                                        const char *table,
                                        GError    **error);

/* Writes the backup of @db to @out. @created_us is the time written in the header: the
 * same database and the same time give the same bytes. */
gboolean steady_backup_write_stream (sqlite3                  *db,
                                     int                       schema_version,
                                     gint64                    created_us,
                                     GOutputStream            *out,
                                     GCancellable             *cancellable,
                                     SteadyReportProgressFunc  progress,
                                     gpointer                  user_data,
                                     GError                  **error);

gboolean steady_backup_export_at    (SteadyDatabase           *database,
                                     const char               *path,
                                     gint64                    created_us,
                                     GCancellable             *cancellable,
                                     SteadyReportProgressFunc  progress,
                                     gpointer                  user_data,
                                     GError                  **error);

/* The checksum member that ends a backup whose content before it is @data. */
char    *steady_backup_checksum_tail (const guint8            *data,
                                      gsize                    size);

gboolean  steady_backup_refuse       (GError                 **error,
                                      int                      code,
                                      const char              *message);

/* Reads the backup at @path (a JSON backup or an automatic backup's database): the JSON
 * root, checked, or NULL with the reason. */
JsonNode *steady_backup_load         (const char              *path,
                                      GError                 **error);

/* Checks and parses a backup's bytes: the JSON root, or NULL with the reason. */
JsonNode *steady_backup_parse_bytes  (GBytes                  *bytes,
                                      GError                 **error);

/* Merges a parsed backup into @database inside the caller's transaction. */
gboolean steady_backup_merge         (SteadyDatabase          *database,
                                      JsonNode                *root,
                                      SteadyRestoreSummary    *summary,
                                      GCancellable            *cancellable,
                                      SteadyReportProgressFunc progress,
                                      gpointer                 user_data,
                                      GError                 **error);

G_END_DECLS
