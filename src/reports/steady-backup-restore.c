/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-backup-restore.c: reads a JSON backup (or an automatic backup's database) as
 * hostile input, and merges it into the database by UUID — or previews what would change. */

#define G_LOG_DOMAIN "steady-backup-restore"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "steady-backup.h"
#include "steady-backup-private.h"
#include "steady-schema.h"

/* Twenty years of daily use is about 40 MiB; a file many times that is not a backup of ours,
 * and its parsed tree would not fit in memory anyway. */
#define MAX_BACKUP_BYTES   ((gsize)512 * 1024 * 1024)
/* Our format nests four deep; anything deeper is refused before the parser sees it. */
#define MAX_NESTING        6
#define ROWS_PER_STEP      512
#define SQLITE_HEADER      "SQLite format 3"

static gboolean
refuse (GError     **error,
        int          code,
        const char  *message)
{
  g_set_error_literal (error, STEADY_BACKUP_ERROR, code, message);
  return FALSE;
}

/* ----------------------------------------------------------------------------------------
 * Reading and checking
 * ------------------------------------------------------------------------------------- */

static gboolean
nesting_ok (const char *data,
            gsize       size)
{
  gboolean in_string = FALSE;
  int depth = 0;

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_NESTING)
            return FALSE;
        }
      else if (c == ']' || c == '}')
        depth--;
    }
  return TRUE;
}

/* The content before the checksum member, if the file ends with a well-formed one. */
static gboolean
split_checksum (const char  *data,
                gsize        size,
                gsize       *content_size,
                const char **digest)
{
  gsize tail = strlen (STEADY_BACKUP_CHECKSUM_KEY) + 64 + strlen ("\"}\n");
  const char *start;

  if (size < tail)
    return FALSE;
  start = data + size - tail;
  if (memcmp (start, STEADY_BACKUP_CHECKSUM_KEY, strlen (STEADY_BACKUP_CHECKSUM_KEY)) != 0 ||
      memcmp (data + size - 3, "\"}\n", 3) != 0)
    return FALSE;
  *digest = start + strlen (STEADY_BACKUP_CHECKSUM_KEY);
  for (int i = 0; i < 64; i++)
    if (!g_ascii_isxdigit ((*digest)[i]) || g_ascii_isupper ((*digest)[i]))
      return FALSE;
  *content_size = (gsize)(start - data);
  return TRUE;
}

static gboolean
check_header (JsonObject  *root,
              GError     **error)
{
  JsonNode *node;
  gint64 version, schema;

  node = json_object_get_member (root, "format");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (node), STEADY_BACKUP_FORMAT_NAME) != 0)
    return refuse (error, STEADY_BACKUP_ERROR_NOT_A_BACKUP,
                   _("This file is not a Steady backup."));

  node = json_object_get_member (root, "version");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64 ||
      (version = json_node_get_int (node)) < 1)
    return refuse (error, STEADY_BACKUP_ERROR_INVALID,
                   _("This backup does not say which format version it is in."));
  if (version > STEADY_BACKUP_FORMAT_VERSION)
    return refuse (error, STEADY_BACKUP_ERROR_TOO_NEW,
                   _("This backup was made by a newer version of Steady. Update Steady to "
                     "restore it."));

  node = json_object_get_member (root, "schema");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64 ||
      (schema = json_node_get_int (node)) < 1)
    return refuse (error, STEADY_BACKUP_ERROR_INVALID,
                   _("This backup does not say which version of Steady’s data it holds."));
  if (schema > steady_schema_get_version ())
    return refuse (error, STEADY_BACKUP_ERROR_TOO_NEW,
                   _("This backup holds data from a newer version of Steady. Update Steady "
                     "to restore it."));

  node = json_object_get_member (root, "tables");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return refuse (error, STEADY_BACKUP_ERROR_INVALID, _("This backup holds no records."));
  return TRUE;
}

JsonNode *
steady_backup_parse_bytes (GBytes  *bytes,
                           GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *computed = NULL;
  const char *data, *digest;
  gsize size, content_size;
  JsonNode *root;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size == 0)
    {
      refuse (error, STEADY_BACKUP_ERROR_NOT_A_BACKUP, _("The file is empty."));
      return NULL;
    }
  if (size > MAX_BACKUP_BYTES)
    {
      refuse (error, STEADY_BACKUP_ERROR_TOO_LARGE,
              _("The file is too large to be a Steady backup."));
      return NULL;
    }
  if (!split_checksum (data, size, &content_size, &digest))
    {
      if (size >= 12 && memcmp (data, "{\"format\":\"" STEADY_BACKUP_FORMAT_NAME "\"",
                               MIN (size, strlen ("{\"format\":\"" STEADY_BACKUP_FORMAT_NAME
                                                  "\""))) == 0)
        refuse (error, STEADY_BACKUP_ERROR_DAMAGED,
                _("This backup is incomplete: the file was cut short. Nothing was changed."));
      else
        refuse (error, STEADY_BACKUP_ERROR_NOT_A_BACKUP, _("This file is not a Steady backup."));
      return NULL;
    }
  computed = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)data,
                                          content_size);
  if (memcmp (computed, digest, 64) != 0)
    {
      refuse (error, STEADY_BACKUP_ERROR_DAMAGED,
              _("This backup has been changed or damaged since it was made, so it cannot be "
                "trusted. Nothing was changed."));
      return NULL;
    }
  if (!g_utf8_validate (data, (gssize)size, NULL) || !nesting_ok (data, size))
    {
      refuse (error, STEADY_BACKUP_ERROR_INVALID, _("This backup is not well-formed."));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize)size, &parse_error))
    {
      refuse (error, STEADY_BACKUP_ERROR_INVALID, _("This backup is not well-formed."));
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      refuse (error, STEADY_BACKUP_ERROR_NOT_A_BACKUP, _("This file is not a Steady backup."));
      return NULL;
    }
  if (!check_header (json_node_get_object (root), error))
    return NULL;
  return json_node_ref (root);
}

/* An automatic backup is a database file: opened read-only, checked, and written out in the
 * backup format in memory, so that both kinds of restore share one merge. */
static GBytes *
bytes_from_database_file (const char  *path,
                          GError     **error)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int app_id = 0, version = 0;
  gboolean ok;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    app_id = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (rc == SQLITE_OK && sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) ==
      SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK || app_id != STEADY_DATABASE_APPLICATION_ID)
    {
      sqlite3_close (db);
      refuse (error, STEADY_BACKUP_ERROR_NOT_A_BACKUP,
              _("This database file is not one of Steady’s backups."));
      return NULL;
    }
  if (version > steady_schema_get_version ())
    {
      sqlite3_close (db);
      refuse (error, STEADY_BACKUP_ERROR_TOO_NEW,
              _("This backup holds data from a newer version of Steady. Update Steady to "
                "restore it."));
      return NULL;
    }
  ok = steady_backup_write_stream (db, version, 0, out, NULL, NULL, NULL, error) &&
       g_output_stream_close (out, NULL, error);
  sqlite3_close (db);
  if (!ok)
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static JsonNode *
load_backup (const char  *path,
             GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, STEADY_BACKUP_ERROR, STEADY_BACKUP_ERROR_FAILED,
                   _("Could not read the backup: %s"), local_error->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  if (g_bytes_get_size (bytes) >= strlen (SQLITE_HEADER) &&
      memcmp (g_bytes_get_data (bytes, NULL), SQLITE_HEADER, strlen (SQLITE_HEADER)) == 0)
    {
      g_clear_pointer (&bytes, g_bytes_unref);
      bytes = bytes_from_database_file (path, error);
      if (bytes == NULL)
        return NULL;
    }
  return steady_backup_parse_bytes (bytes, error);
}

/* ----------------------------------------------------------------------------------------
 * Merging
 * ------------------------------------------------------------------------------------- */

typedef enum
{
  FATE_NEW = 1,
  FATE_UPDATED,
  FATE_UNCHANGED,
} Fate;

typedef struct
{
  SteadyDatabase *database;
  sqlite3        *db;
  /* table name → (backup uuid → local rowid), for the tables others refer to */
  GHashTable     *rowids;
  /* table name → (backup uuid → Fate), for the owners of child rows */
  GHashTable     *fates;
  /* "table\nuuid" of owners whose old child rows were already cleared */
  GHashTable     *cleared;
} Merge;

static gboolean
sql_failed (Merge       *merge,
            int          rc,
            const char  *table,
            GError     **error)
{
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, STEADY_BACKUP_ERROR, STEADY_BACKUP_ERROR_INVALID,
                   _("A record in this backup breaks Steady’s rules (%s), so nothing was "
                     "restored."), table);
      return FALSE;
    }
  steady_database_set_error_from_sqlite (error, merge->db, rc, table);
  return FALSE;
}

static GHashTable *
map_for (GHashTable *maps,
         const char *table)
{
  GHashTable *map = g_hash_table_lookup (maps, table);

  if (map == NULL)
    {
      map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (maps, (gpointer)table, map);
    }
  return map;
}

static gboolean
bind_value (sqlite3_stmt *stmt,
            int           index,
            JsonNode     *value)
{
  GType type;

  if (JSON_NODE_HOLDS_NULL (value))
    return sqlite3_bind_null (stmt, index) == SQLITE_OK;
  if (!JSON_NODE_HOLDS_VALUE (value))
    return FALSE;
  type = json_node_get_value_type (value);
  if (type == G_TYPE_INT64)
    return sqlite3_bind_int64 (stmt, index, json_node_get_int (value)) == SQLITE_OK;
  if (type == G_TYPE_DOUBLE)
    return sqlite3_bind_double (stmt, index, json_node_get_double (value)) == SQLITE_OK;
  if (type == G_TYPE_STRING)
    return sqlite3_bind_text (stmt, index, json_node_get_string (value), -1,
                              SQLITE_TRANSIENT) == SQLITE_OK;
  return FALSE;
}

/* The local row a backup's reference points to, as the value to store in the column. */
static JsonNode *
resolve_reference (Merge                        *merge,
                   const SteadyBackupForeignKey *fk,
                   JsonNode                     *value,
                   GError                      **error)
{
  GHashTable *map = map_for (merge->rowids, fk->parent);
  const char *uuid;
  gpointer rowid_p;
  gint64 rowid = 0;
  sqlite3_stmt *stmt = NULL;
  JsonNode *resolved = NULL;

  if (JSON_NODE_HOLDS_NULL (value))
    return json_node_ref (value);
  if (json_node_get_value_type (value) != G_TYPE_STRING)
    goto missing;
  uuid = json_node_get_string (value);
  if (g_hash_table_lookup_extended (map, uuid, NULL, &rowid_p))
    rowid = GPOINTER_TO_SIZE (rowid_p);
  else
    {
      g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM \"%s\" WHERE uuid = ?1",
                                              fk->parent);

      if (sqlite3_prepare_v2 (merge->db, sql, -1, &stmt, NULL) != SQLITE_OK)
        goto missing;
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        rowid = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      stmt = NULL;
    }
  if (rowid == 0)
    goto missing;

  if (g_str_equal (fk->parent_key, "id"))
    {
      resolved = json_node_new (JSON_NODE_VALUE);
      json_node_set_int (resolved, rowid);
      return resolved;
    }
  {
    g_autofree char *sql = g_strdup_printf ("SELECT \"%s\" FROM \"%s\" WHERE rowid = ?1",
                                            fk->parent_key, fk->parent);

    if (sqlite3_prepare_v2 (merge->db, sql, -1, &stmt, NULL) == SQLITE_OK)
      {
        sqlite3_bind_int64 (stmt, 1, rowid);
        if (sqlite3_step (stmt) == SQLITE_ROW)
          {
            resolved = json_node_new (JSON_NODE_VALUE);
            json_node_set_string (resolved, (const char *)sqlite3_column_text (stmt, 0));
          }
      }
    sqlite3_finalize (stmt);
  }
  if (resolved != NULL)
    return resolved;

missing:
  g_set_error (error, STEADY_BACKUP_ERROR, STEADY_BACKUP_ERROR_INVALID,
               _("A record in this backup refers to one that is missing, so nothing was "
                 "restored."));
  return NULL;
}

static int
column_index (GPtrArray  *columns,
              const char *name)
{
  for (guint i = 0; i < columns->len; i++)
    if (g_str_equal (g_ptr_array_index (columns, i), name))
      return (int)i;
  return -1;
}

/* The local row with the same values in @key's columns, or 0. */
static gint64
find_row (Merge                   *merge,
          const SteadyBackupTable *table,
          const char * const      *key,
          GPtrArray               *columns,
          JsonNode               **values)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  gint64 rowid = 0;
  guint n = 0;

  g_string_printf (sql, "SELECT rowid FROM \"%s\" WHERE ", table->name);
  for (n = 0; key[n] != NULL; n++)
    g_string_append_printf (sql, "%s\"%s\" IS ?%u", n > 0 ? " AND " : "", key[n], n + 1);
  if (sqlite3_prepare_v2 (merge->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return 0;
  for (guint i = 0; i < n; i++)
    {
      int index = column_index (columns, key[i]);

      if (index < 0 || JSON_NODE_HOLDS_NULL (values[index]) ||
          !bind_value (stmt, (int)i + 1, values[index]))
        {
          sqlite3_finalize (stmt);
          return 0;
        }
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    rowid = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return rowid;
}

/* Whether the local row at @rowid holds exactly @values (with @where, an extra condition). */
static gboolean
row_matches (Merge                   *merge,
             const SteadyBackupTable *table,
             GPtrArray               *columns,
             JsonNode               **values,
             gint64                   rowid,
             const char              *where)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  gboolean matches = FALSE;

  g_string_printf (sql, "SELECT 1 FROM \"%s\" WHERE rowid = ?1", table->name);
  if (where != NULL)
    g_string_append_printf (sql, " AND (%s)", where);
  for (guint i = 0; values != NULL && i < columns->len; i++)
    g_string_append_printf (sql, " AND \"%s\" IS ?%u", (char *)g_ptr_array_index (columns, i),
                            i + 2);
  if (sqlite3_prepare_v2 (merge->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  for (guint i = 0; values != NULL && i < columns->len; i++)
    bind_value (stmt, (int)i + 2, values[i]);
  matches = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return matches;
}

static gint64
local_updated (Merge                   *merge,
               const SteadyBackupTable *table,
               gint64                   rowid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT \"%s\" FROM \"%s\" WHERE rowid = ?1",
                                          table->updated, table->name);
  sqlite3_stmt *stmt = NULL;
  gint64 updated = G_MAXINT64;

  if (sqlite3_prepare_v2 (merge->db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, rowid);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        updated = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);
  return updated;
}

static gboolean
is_key_column (const SteadyBackupTable *table,
               const char              *column)
{
  for (guint i = 0; table->key[i] != NULL; i++)
    if (g_str_equal (table->key[i], column))
      return TRUE;
  return FALSE;
}

static gboolean
write_row (Merge                   *merge,
           const SteadyBackupTable *table,
           GPtrArray               *columns,
           JsonNode               **values,
           gint64                   update_rowid,
           gint64                  *rowid_out,
           GError                 **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc, n = 0;

  if (update_rowid == 0)
    {
      g_string_printf (sql, "INSERT INTO \"%s\" (", table->name);
      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "",
                                (char *)g_ptr_array_index (columns, i));
      g_string_append (sql, ") VALUES (");
      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
      g_string_append (sql, ")");
    }
  else
    {
      /* The row keeps its identity: uuids never change (triggers enforce it). */
      g_string_printf (sql, "UPDATE \"%s\" SET ", table->name);
      for (guint i = 0; i < columns->len; i++)
        if (!is_key_column (table, g_ptr_array_index (columns, i)))
          g_string_append_printf (sql, "%s\"%s\" = ?%u", n++ > 0 ? ", " : "",
                                  (char *)g_ptr_array_index (columns, i), i + 1);
      g_string_append_printf (sql, " WHERE rowid = %" G_GINT64_FORMAT, update_rowid);
    }

  rc = sqlite3_prepare_v2 (merge->db, sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return sql_failed (merge, rc, table->name, error);
  for (guint i = 0; i < columns->len; i++)
    {
      if (sqlite3_bind_parameter_name (stmt, (int)i + 1) == NULL && update_rowid != 0 &&
          is_key_column (table, g_ptr_array_index (columns, i)))
        continue;
      if (!bind_value (stmt, (int)i + 1, values[i]))
        {
          sqlite3_finalize (stmt);
          return refuse (error, STEADY_BACKUP_ERROR_INVALID,
                         _("A record in this backup holds a value of the wrong kind."));
        }
    }
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sql_failed (merge, rc, table->name, error);
  if (rowid_out != NULL)
    *rowid_out = update_rowid != 0 ? update_rowid : sqlite3_last_insert_rowid (merge->db);
  return TRUE;
}

/* Child rows (an entry's emotions, a card's ratings) follow their owner: written when the
 * owner is new, replaced when it was updated, left alone otherwise. */
static gboolean
merge_child_row (Merge                   *merge,
                 const SteadyBackupTable *table,
                 GPtrArray               *columns,
                 JsonNode               **original,
                 JsonNode               **values,
                 GError                 **error)
{
  const SteadyBackupForeignKey *owner_fk = NULL;
  GHashTable *fates;
  int owner_index;
  gpointer fate_p;
  Fate fate;

  for (guint i = 0; i < G_N_ELEMENTS (table->fks); i++)
    if (g_strcmp0 (table->fks[i].column, table->owner) == 0)
      owner_fk = &table->fks[i];
  g_assert (owner_fk != NULL);
  owner_index = column_index (columns, table->owner);
  fates = map_for (merge->fates, owner_fk->parent);
  if (owner_index < 0 || json_node_get_value_type (original[owner_index]) != G_TYPE_STRING ||
      !g_hash_table_lookup_extended (fates, json_node_get_string (original[owner_index]), NULL,
                                     &fate_p))
    return refuse (error, STEADY_BACKUP_ERROR_INVALID,
                   _("A record in this backup refers to one that is missing, so nothing was "
                     "restored."));
  fate = GPOINTER_TO_INT (fate_p);
  if (fate == FATE_UNCHANGED)
    return TRUE;
  if (fate == FATE_UPDATED)
    {
      g_autofree char *cleared_key = g_strconcat (table->name, "\n",
                                                  json_node_get_string (original[owner_index]),
                                                  NULL);

      if (!g_hash_table_contains (merge->cleared, cleared_key))
        {
          g_autofree char *sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE \"%s\" = ?1",
                                                  table->name, table->owner);
          sqlite3_stmt *stmt = NULL;
          int rc = sqlite3_prepare_v2 (merge->db, sql, -1, &stmt, NULL);

          if (rc == SQLITE_OK)
            {
              bind_value (stmt, 1, values[owner_index]);
              rc = sqlite3_step (stmt);
            }
          sqlite3_finalize (stmt);
          if (rc != SQLITE_DONE)
            return sql_failed (merge, rc, table->name, error);
          g_hash_table_add (merge->cleared, g_steal_pointer (&cleared_key));
        }
    }
  return write_row (merge, table, columns, values, 0, NULL, error);
}

static gboolean
merge_record_row (Merge                   *merge,
                  const SteadyBackupTable *table,
                  GPtrArray               *columns,
                  JsonNode               **original,
                  JsonNode               **values,
                  SteadyRestoreSummary    *summary,
                  GError                 **error)
{
  gint64 rowid;
  Fate fate;
  int uuid_index = column_index (columns, "uuid");

  rowid = find_row (merge, table, table->key, columns, values);
  if (rowid == 0 && table->alt_key[0] != NULL)
    rowid = find_row (merge, table, table->alt_key, columns, values);

  if (rowid == 0)
    {
      if (!write_row (merge, table, columns, values, 0, &rowid, error))
        return FALSE;
      fate = FATE_NEW;
    }
  else
    {
      int updated_index = table->updated != NULL ? column_index (columns, table->updated) : -1;

      fate = FATE_UNCHANGED;
      if (updated_index >= 0)
        {
          JsonNode *updated = values[updated_index];

          if (json_node_get_value_type (updated) != G_TYPE_INT64)
            return refuse (error, STEADY_BACKUP_ERROR_INVALID,
                           _("A record in this backup holds a value of the wrong kind."));
          if (json_node_get_int (updated) > local_updated (merge, table, rowid) ||
              (table->pristine != NULL &&
               row_matches (merge, table, columns, NULL, rowid, table->pristine) &&
               !row_matches (merge, table, columns, values, rowid, NULL)))
            {
              if (!write_row (merge, table, columns, values, rowid, NULL, error))
                return FALSE;
              fate = FATE_UPDATED;
            }
        }
    }

  if (table->kind >= 0)
    {
      SteadyRestoreCounts *counts = &summary->kinds[table->kind];

      if (fate == FATE_NEW)
        counts->n_new++;
      else if (fate == FATE_UPDATED)
        counts->n_updated++;
      else
        counts->n_unchanged++;
    }
  if (uuid_index >= 0 && json_node_get_value_type (original[uuid_index]) == G_TYPE_STRING)
    {
      const char *uuid = json_node_get_string (original[uuid_index]);

      g_hash_table_insert (map_for (merge->rowids, table->name), g_strdup (uuid),
                           GSIZE_TO_POINTER ((gsize)rowid));
      g_hash_table_insert (map_for (merge->fates, table->name), g_strdup (uuid),
                           GINT_TO_POINTER (fate));
    }
  return TRUE;
}

static const SteadyBackupTable *
find_table (const char *name)
{
  const SteadyBackupTable *specs;
  guint n;

  specs = steady_backup_get_tables (&n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (specs[i].name, name))
      return &specs[i];
  return NULL;
}

/* The backup's column list for a table must be this database's, name for name. */
static GPtrArray *
check_columns (Merge      *merge,
               JsonObject *table_object,
               const char *name,
               GError    **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) expected = NULL;
  JsonNode *node = json_object_get_member (table_object, "columns");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    goto wrong;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *column = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (column) || json_node_get_value_type (column) != G_TYPE_STRING)
        goto wrong;
      g_ptr_array_add (columns, g_strdup (json_node_get_string (column)));
    }
  if (columns->len == 0)
    goto wrong;

  expected = steady_backup_table_columns (merge->db, name, NULL);
  if (expected == NULL || expected->len != columns->len)
    goto wrong;
  for (guint i = 0; i < columns->len; i++)
    if (!g_str_equal (g_ptr_array_index (columns, i), g_ptr_array_index (expected, i)))
      goto wrong;
  return g_steal_pointer (&columns);

wrong:
  g_set_error (error, STEADY_BACKUP_ERROR, STEADY_BACKUP_ERROR_INVALID,
               _("This backup’s records do not match this version of Steady (%s)."), name);
  return NULL;
}

static guint
count_backup_rows (JsonArray *tables_array)
{
  guint total = 0;

  for (guint i = 0; i < json_array_get_length (tables_array); i++)
    {
      JsonNode *table = json_array_get_element (tables_array, i);
      JsonNode *rows;

      if (JSON_NODE_HOLDS_OBJECT (table) &&
          (rows = json_object_get_member (json_node_get_object (table), "rows")) != NULL &&
          JSON_NODE_HOLDS_ARRAY (rows))
        total += json_array_get_length (json_node_get_array (rows));
    }
  return total;
}

static gboolean
merge_table (Merge                    *merge,
             JsonObject               *table_object,
             SteadyRestoreSummary     *summary,
             guint                    *done,
             guint                     total,
             GCancellable             *cancellable,
             SteadyReportProgressFunc  progress,
             gpointer                  user_data,
             GError                  **error)
{
  const SteadyBackupTable *table;
  g_autoptr(GPtrArray) columns = NULL;
  JsonNode *name_node = json_object_get_member (table_object, "name");
  JsonNode *rows_node = json_object_get_member (table_object, "rows");
  JsonArray *rows;

  if (name_node == NULL || json_node_get_value_type (name_node) != G_TYPE_STRING ||
      (table = find_table (json_node_get_string (name_node))) == NULL ||
      rows_node == NULL || !JSON_NODE_HOLDS_ARRAY (rows_node))
    return refuse (error, STEADY_BACKUP_ERROR_INVALID,
                   _("This backup holds records Steady does not know."));
  columns = check_columns (merge, table_object, table->name, error);
  if (columns == NULL)
    return FALSE;

  rows = json_node_get_array (rows_node);
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonNode *row_node = json_array_get_element (rows, r);
      g_autoptr(GPtrArray) resolved = g_ptr_array_new_with_free_func (
          (GDestroyNotify)json_node_unref);
      JsonNode **original;
      JsonArray *row;
      gboolean ok;

      if (!JSON_NODE_HOLDS_ARRAY (row_node) ||
          json_array_get_length (row = json_node_get_array (row_node)) != columns->len)
        return refuse (error, STEADY_BACKUP_ERROR_INVALID,
                       _("A record in this backup is incomplete."));

      original = g_newa (JsonNode *, columns->len);
      for (guint c = 0; c < columns->len; c++)
        {
          const SteadyBackupForeignKey *fk = NULL;
          JsonNode *value = json_array_get_element (row, c);

          original[c] = value;
          if (!JSON_NODE_HOLDS_NULL (value) && !JSON_NODE_HOLDS_VALUE (value))
            return refuse (error, STEADY_BACKUP_ERROR_INVALID,
                           _("A record in this backup holds a value of the wrong kind."));
          for (guint f = 0; f < G_N_ELEMENTS (table->fks); f++)
            if (g_strcmp0 (table->fks[f].column, g_ptr_array_index (columns, c)) == 0)
              fk = &table->fks[f];
          if (fk != NULL)
            {
              value = resolve_reference (merge, fk, value, error);
              if (value == NULL)
                return FALSE;
            }
          else
            json_node_ref (value);
          g_ptr_array_add (resolved, value);
        }

      if (table->owner != NULL)
        ok = merge_child_row (merge, table, columns, original, (JsonNode **)resolved->pdata,
                              error);
      else
        ok = merge_record_row (merge, table, columns, original, (JsonNode **)resolved->pdata,
                               summary, error);
      if (!ok)
        return FALSE;

      if (++*done % ROWS_PER_STEP == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL && total > 0)
            progress ((double)*done / (double)total, user_data);
        }
    }
  return TRUE;
}

gboolean
steady_backup_merge (SteadyDatabase           *database,
                     JsonNode                 *root,
                     SteadyRestoreSummary     *summary,
                     GCancellable             *cancellable,
                     SteadyReportProgressFunc  progress,
                     gpointer                  user_data,
                     GError                  **error)
{
  JsonObject *root_object;
  JsonArray *tables_array;
  Merge merge = { 0 };
  guint done = 0, total;
  gboolean ok = TRUE;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (root != NULL && JSON_NODE_HOLDS_OBJECT (root), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  root_object = json_node_get_object (root);
  tables_array = json_node_get_array (json_object_get_member (root_object, "tables"));
  summary->schema_version = (int)json_object_get_int_member_with_default (root_object,
                                                                         "schema", 0);
  summary->created_us = json_object_get_int_member_with_default (root_object, "created_us", 0);

  merge.database = database;
  merge.db = steady_database_get_handle (database);
  merge.rowids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify)g_hash_table_unref);
  merge.fates = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify)g_hash_table_unref);
  merge.cleared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  total = count_backup_rows (tables_array);

  for (guint i = 0; ok && i < json_array_get_length (tables_array); i++)
    {
      JsonNode *table = json_array_get_element (tables_array, i);

      if (!JSON_NODE_HOLDS_OBJECT (table))
        ok = refuse (error, STEADY_BACKUP_ERROR_INVALID,
                     _("This backup holds records Steady does not know."));
      else
        ok = merge_table (&merge, json_node_get_object (table), summary, &done, total,
                          cancellable, progress, user_data, error);
    }

  g_hash_table_unref (merge.rowids);
  g_hash_table_unref (merge.fates);
  g_hash_table_unref (merge.cleared);
  return ok;
}

/* ----------------------------------------------------------------------------------------
 * Preview and restore
 * ------------------------------------------------------------------------------------- */

/* The merge runs for real inside a transaction that is then rolled back: the counts are
 * exactly what a restore would do, and a record the database would refuse is found now. */
gboolean
steady_backup_preview (SteadyDatabase        *database,
                       const char            *path,
                       SteadyRestoreSummary  *summary_out,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autoptr(JsonNode) root = NULL;
  SteadyRestoreSummary summary = { 0 };
  gboolean ok;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (summary_out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  root = load_backup (path, error);
  if (root == NULL || !steady_database_begin (database, error))
    return FALSE;
  ok = steady_backup_merge (database, root, &summary, cancellable, NULL, NULL, error);
  steady_database_rollback (database);
  if (ok)
    *summary_out = summary;
  return ok;
}

gboolean
steady_backup_restore (SteadyDatabase           *database,
                       const char               *path,
                       SteadyRestoreSummary     *summary_out,
                       GCancellable             *cancellable,
                       SteadyReportProgressFunc  progress,
                       gpointer                  user_data,
                       GError                  **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *safety_copy = NULL;
  SteadyRestoreSummary summary = { 0 };

  g_return_val_if_fail (STEADY_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The whole backup is read and checked before anything is touched; an automatic backup
   * is read before the copy below, whose rotation may remove old ones. */
  root = load_backup (path, error);
  if (root == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  safety_copy = steady_database_backup_now (database, error);
  if (safety_copy == NULL)
    return FALSE;

  if (!steady_database_begin (database, error))
    goto failed;
  if (!steady_backup_merge (database, root, &summary, cancellable, progress, user_data, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      steady_database_rollback (database);
      goto failed;
    }
  if (!steady_database_commit (database, error))
    goto failed;

  if (progress != NULL)
    progress (1.0, user_data);
  summary.safety_backup_path = g_steal_pointer (&safety_copy);
  if (summary_out != NULL)
    *summary_out = summary;
  else
    g_free (summary.safety_backup_path);
  return TRUE;

failed:
  /* Nothing changed, so the copy taken for this restore is the database as it still is:
   * removing it leaves the backups as they were. */
  g_unlink (safety_copy);
  return FALSE;
}
