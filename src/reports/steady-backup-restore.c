/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-backup-restore.c: merges a backup, read by steady-backup-reader.c, into the
 * database by UUID — or previews what would change. */

#define G_LOG_DOMAIN "steady-backup-restore"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "steady-backup.h"
#include "steady-backup-private.h"
#include "steady-schema.h"

#define ROWS_PER_STEP      512
#define ROWS_SHARE         0.5
#define MERGE_CACHE_KIB    65536

/* Sets @error to @code with @message; returns FALSE, to be returned in turn. */
gboolean
steady_backup_refuse (GError     **error,
                      int          code,
                      const char  *message)
{
  g_set_error_literal (error, STEADY_BACKUP_ERROR, code, message);
  return FALSE;
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

/* The rows of one child table (an entry's emotions, a card's ratings), grouped by the
 * backup uuid of the row they belong to, so that they are written right after it. */
typedef struct
{
  const SteadyBackupTable      *table;
  const SteadyBackupForeignKey *owner_fk;
  GPtrArray                    *columns;
  int                           owner_index;
  GHashTable                   *by_owner; /* uuid → GPtrArray of JsonArray rows */
} ChildRows;

/* What a compiled statement of the merge does; with its table, its place in the cache. */
typedef enum
{
  STMT_FIND_BY_KEY,
  STMT_FIND_BY_ALT_KEY,
  STMT_SAME_VALUES,
  STMT_PRISTINE,
  STMT_PRISTINE_VALUES,
  STMT_UPDATED_AT,
  STMT_INSERT,
  STMT_UPDATE,
  STMT_DELETE_CHILDREN,
  STMT_ROWID_BY_UUID,
  STMT_PARENT_KEY,
  N_STMTS
} StmtKind;

typedef struct
{
  SteadyDatabase          *database;
  sqlite3                 *db;
  const SteadyBackupTable *tables;
  guint                    n_tables;
  /* table name → (backup uuid → local rowid), for the tables others refer to */
  GHashTable              *rowids;
  GPtrArray               *children; /* ChildRows */
  sqlite3_stmt           **statements; /* n_tables × N_STMTS, compiled when first needed */
  SteadyRestoreSummary    *summary;
  guint                    done;
  guint                    total;
  GCancellable            *cancellable;
  SteadyReportProgressFunc progress;
  gpointer                 user_data;
} Merge;

static void
child_rows_free (ChildRows *children)
{
  /* Either may be missing when the backup was refused while they were read. */
  g_clear_pointer (&children->columns, g_ptr_array_unref);
  g_clear_pointer (&children->by_owner, g_hash_table_unref);
  g_free (children);
}

/* Statements are compiled once per merge and found again by table and purpose, not by
 * their text: writing and hashing the SQL of every row cost a tenth of a restore. */
static sqlite3_stmt **
statement_slot (Merge                   *merge,
                const SteadyBackupTable *table,
                StmtKind                 kind)
{
  g_assert (table >= merge->tables && table < merge->tables + merge->n_tables);
  return &merge->statements[(gsize)(table - merge->tables) * N_STMTS + kind];
}

static int
merge_prepare (Merge         *merge,
               sqlite3_stmt **slot,
               const char    *sql)
{
  g_assert (*slot == NULL);
  return sqlite3_prepare_v2 (merge->db, sql, -1, slot, NULL);
}

static void
merge_release (sqlite3_stmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

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
                              SQLITE_STATIC) == SQLITE_OK;
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
  const SteadyBackupTable *parent = find_table (fk->parent);
  const char *uuid;
  gpointer rowid_p;
  gint64 rowid = 0;
  sqlite3_stmt **slot;
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
      slot = statement_slot (merge, parent, STMT_ROWID_BY_UUID);
      if (*slot == NULL)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM \"%s\" WHERE uuid = ?1",
                                                  fk->parent);

          if (merge_prepare (merge, slot, sql) != SQLITE_OK)
            goto missing;
        }
      sqlite3_bind_text (*slot, 1, uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (*slot) == SQLITE_ROW)
        rowid = sqlite3_column_int64 (*slot, 0);
      merge_release (*slot);
    }
  if (rowid == 0)
    goto missing;

  if (g_str_equal (fk->parent_key, "id"))
    {
      resolved = json_node_new (JSON_NODE_VALUE);
      json_node_set_int (resolved, rowid);
      return resolved;
    }
  slot = statement_slot (merge, parent, STMT_PARENT_KEY);
  if (*slot == NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT \"%s\" FROM \"%s\" WHERE rowid = ?1",
                                              fk->parent_key, fk->parent);

      if (merge_prepare (merge, slot, sql) != SQLITE_OK)
        goto missing;
    }
  sqlite3_bind_int64 (*slot, 1, rowid);
  if (sqlite3_step (*slot) == SQLITE_ROW)
    {
      resolved = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (resolved, (const char *)sqlite3_column_text (*slot, 0));
    }
  merge_release (*slot);
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
  sqlite3_stmt **slot = statement_slot (merge, table, key == table->alt_key
                                                        ? STMT_FIND_BY_ALT_KEY
                                                        : STMT_FIND_BY_KEY);
  sqlite3_stmt *stmt;
  gint64 rowid = 0;
  guint n = g_strv_length ((char **)key);

  if (*slot == NULL)
    {
      g_autoptr(GString) sql = g_string_new (NULL);

      g_string_printf (sql, "SELECT rowid FROM \"%s\" WHERE ", table->name);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (sql, "%s\"%s\" IS ?%u", i > 0 ? " AND " : "", key[i], i + 1);
      if (merge_prepare (merge, slot, sql->str) != SQLITE_OK)
        return 0;
    }
  stmt = *slot;
  for (guint i = 0; i < n; i++)
    {
      int index = column_index (columns, key[i]);

      if (index < 0 || JSON_NODE_HOLDS_NULL (values[index]) ||
          !bind_value (stmt, (int)i + 1, values[index]))
        {
          merge_release (stmt);
          return 0;
        }
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    rowid = sqlite3_column_int64 (stmt, 0);
  merge_release (stmt);
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
  sqlite3_stmt **slot;
  sqlite3_stmt *stmt;
  gboolean matches = FALSE;

  /* Asked in two ways: is the row as installed (@where), or does it hold @values. */
  g_assert ((where == NULL) != (values == NULL) && (where == NULL || where == table->pristine));
  slot = statement_slot (merge, table, where != NULL ? STMT_PRISTINE : STMT_SAME_VALUES);
  if (*slot == NULL)
    {
      g_autoptr(GString) sql = g_string_new (NULL);

      g_string_printf (sql, "SELECT 1 FROM \"%s\" WHERE rowid = ?1", table->name);
      if (where != NULL)
        g_string_append_printf (sql, " AND (%s)", where);
      for (guint i = 0; values != NULL && i < columns->len; i++)
        g_string_append_printf (sql, " AND \"%s\" IS ?%u",
                                (char *)g_ptr_array_index (columns, i), i + 2);
      if (merge_prepare (merge, slot, sql->str) != SQLITE_OK)
        return FALSE;
    }
  stmt = *slot;
  sqlite3_bind_int64 (stmt, 1, rowid);
  for (guint i = 0; values != NULL && i < columns->len; i++)
    bind_value (stmt, (int)i + 2, values[i]);
  matches = sqlite3_step (stmt) == SQLITE_ROW;
  merge_release (stmt);
  return matches;
}

/* Whether the backup's row @values is as installed (the table's pristine rule). */
static gboolean
values_match (Merge                   *merge,
              const SteadyBackupTable *table,
              GPtrArray               *columns,
              JsonNode               **values)
{
  sqlite3_stmt **slot = statement_slot (merge, table, STMT_PRISTINE_VALUES);
  sqlite3_stmt *stmt;
  gboolean matches = FALSE;

  if (*slot == NULL)
    {
      g_autoptr(GString) sql = g_string_new ("SELECT 1 FROM (SELECT ");

      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, "%s?%u AS \"%s\"", i > 0 ? ", " : "", i + 1,
                                (char *)g_ptr_array_index (columns, i));
      g_string_append_printf (sql, ") WHERE (%s)", table->pristine);
      if (merge_prepare (merge, slot, sql->str) != SQLITE_OK)
        return FALSE;
    }
  stmt = *slot;
  for (guint i = 0; i < columns->len; i++)
    bind_value (stmt, (int)i + 1, values[i]);
  matches = sqlite3_step (stmt) == SQLITE_ROW;
  merge_release (stmt);
  return matches;
}

static gint64
local_updated (Merge                   *merge,
               const SteadyBackupTable *table,
               gint64                   rowid)
{
  sqlite3_stmt **slot = statement_slot (merge, table, STMT_UPDATED_AT);
  gint64 updated = G_MAXINT64;

  if (*slot == NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT \"%s\" FROM \"%s\" WHERE rowid = ?1",
                                              table->updated, table->name);

      if (merge_prepare (merge, slot, sql) != SQLITE_OK)
        return updated;
    }
  sqlite3_bind_int64 (*slot, 1, rowid);
  if (sqlite3_step (*slot) == SQLITE_ROW)
    updated = sqlite3_column_int64 (*slot, 0);
  merge_release (*slot);
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

/* The INSERT of a new row, or the UPDATE of a row by its rowid (last parameter). */
static char *
write_row_sql (const SteadyBackupTable *table,
               GPtrArray               *columns,
               gboolean                 update)
{
  GString *sql = g_string_new (NULL);
  guint n = 0;

  if (!update)
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
      g_string_append_printf (sql, " WHERE rowid = ?%u", columns->len + 1);
    }
  return g_string_free (sql, FALSE);
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
  sqlite3_stmt **slot = statement_slot (merge, table,
                                        update_rowid == 0 ? STMT_INSERT : STMT_UPDATE);
  sqlite3_stmt *stmt;
  int rc;

  if (*slot == NULL)
    {
      g_autofree char *sql = write_row_sql (table, columns, update_rowid != 0);

      if ((rc = merge_prepare (merge, slot, sql)) != SQLITE_OK)
        return sql_failed (merge, rc, table->name, error);
    }
  stmt = *slot;
  for (guint i = 0; i < columns->len; i++)
    {
      if (sqlite3_bind_parameter_name (stmt, (int)i + 1) == NULL && update_rowid != 0 &&
          is_key_column (table, g_ptr_array_index (columns, i)))
        continue;
      if (!bind_value (stmt, (int)i + 1, values[i]))
        {
          merge_release (stmt);
          return steady_backup_refuse (error, STEADY_BACKUP_ERROR_INVALID,
                         _("A record in this backup holds a value of the wrong kind."));
        }
    }
  if (update_rowid != 0)
    sqlite3_bind_int64 (stmt, (int)columns->len + 1, update_rowid);
  rc = sqlite3_step (stmt);
  merge_release (stmt);
  if (rc != SQLITE_DONE)
    return sql_failed (merge, rc, table->name, error);
  if (rowid_out != NULL)
    *rowid_out = update_rowid != 0 ? update_rowid : sqlite3_last_insert_rowid (merge->db);
  return TRUE;
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

/* Says how far the merge is (@fraction of it), and stops it when asked to. */
static gboolean
report (Merge   *merge,
        double   fraction,
        GError **error)
{
  if (g_cancellable_set_error_if_cancelled (merge->cancellable, error))
    return FALSE;
  if (merge->progress != NULL)
    merge->progress (MIN (1.0, fraction), merge->user_data);
  return TRUE;
}

/* One more row done. */
static gboolean
step (Merge   *merge,
      GError **error)
{
  if (++merge->done % ROWS_PER_STEP != 0 || merge->total == 0)
    return TRUE;
  return report (merge, ROWS_SHARE * merge->done / merge->total, error);
}

/* Indexing the new records takes about as long as writing them. */
static gboolean
index_step (double    fraction,
            gpointer  user_data,
            GError  **error)
{
  return report (user_data, ROWS_SHARE + (1.0 - ROWS_SHARE) * fraction, error);
}

/* A row's values as this database stores them, references resolved to local rows. */
static GPtrArray *
resolve_row (Merge                   *merge,
             const SteadyBackupTable *table,
             GPtrArray               *columns,
             JsonNode                *row_node,
             GError                 **error)
{
  g_autoptr(GPtrArray) resolved = NULL;
  JsonArray *row;

  if (!JSON_NODE_HOLDS_ARRAY (row_node) ||
      json_array_get_length (row = json_node_get_array (row_node)) != columns->len)
    {
      steady_backup_refuse (error, STEADY_BACKUP_ERROR_INVALID, _("A record in this backup is incomplete."));
      return NULL;
    }
  resolved = g_ptr_array_new_full (columns->len, (GDestroyNotify)json_node_unref);
  for (guint c = 0; c < columns->len; c++)
    {
      const SteadyBackupForeignKey *fk = NULL;
      JsonNode *value = json_array_get_element (row, c);

      if (!JSON_NODE_HOLDS_NULL (value) && !JSON_NODE_HOLDS_VALUE (value))
        {
          steady_backup_refuse (error, STEADY_BACKUP_ERROR_INVALID,
                  _("A record in this backup holds a value of the wrong kind."));
          return NULL;
        }
      for (guint f = 0; f < G_N_ELEMENTS (table->fks); f++)
        if (g_strcmp0 (table->fks[f].column, g_ptr_array_index (columns, c)) == 0)
          fk = &table->fks[f];
      if (fk != NULL)
        {
          value = resolve_reference (merge, fk, value, error);
          if (value == NULL)
            return NULL;
        }
      else
        json_node_ref (value);
      g_ptr_array_add (resolved, value);
    }
  return g_steal_pointer (&resolved);
}

/* Child rows follow their owner: written when it is new, replaced when it was updated, left
 * alone when the local copy was kept. */
static gboolean
merge_children (Merge                   *merge,
                const SteadyBackupTable *owner,
                const char              *owner_uuid,
                gint64                   owner_rowid,
                Fate                     fate,
                GError                 **error)
{
  for (guint i = 0; i < merge->children->len; i++)
    {
      ChildRows *children = g_ptr_array_index (merge->children, i);
      g_autoptr(GPtrArray) rows = NULL;
      gpointer key = NULL, value = NULL;

      if (!g_str_equal (children->owner_fk->parent, owner->name))
        continue;
      if (g_hash_table_steal_extended (children->by_owner, owner_uuid, &key, &value))
        {
          g_free (key);
          rows = value;
        }

      if (fate == FATE_UPDATED)
        {
          sqlite3_stmt **slot = statement_slot (merge, children->table, STMT_DELETE_CHILDREN);
          int rc = SQLITE_OK;

          if (*slot == NULL)
            {
              g_autofree char *sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE \"%s\" = ?1",
                                                      children->table->name,
                                                      children->owner_fk->column);

              rc = merge_prepare (merge, slot, sql);
            }
          if (rc == SQLITE_OK)
            {
              sqlite3_bind_int64 (*slot, 1, owner_rowid);
              rc = sqlite3_step (*slot);
              merge_release (*slot);
            }
          if (rc != SQLITE_DONE)
            return sql_failed (merge, rc, children->table->name, error);
        }

      for (guint r = 0; rows != NULL && r < rows->len; r++)
        {
          if (fate != FATE_UNCHANGED)
            {
              g_autoptr(GPtrArray) resolved = resolve_row (merge, children->table,
                                                           children->columns,
                                                           g_ptr_array_index (rows, r), error);

              if (resolved == NULL ||
                  !write_row (merge, children->table, children->columns,
                              (JsonNode **)resolved->pdata, 0, NULL, error))
                return FALSE;
            }
          if (!step (merge, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
merge_record_row (Merge                   *merge,
                  const SteadyBackupTable *table,
                  GPtrArray               *columns,
                  JsonNode                *row_node,
                  GError                 **error)
{
  g_autoptr(GPtrArray) resolved = NULL;
  JsonNode **values;
  JsonNode *uuid_node = NULL;
  int uuid_index = column_index (columns, "uuid");
  gint64 rowid;
  Fate fate;

  resolved = resolve_row (merge, table, columns, row_node, error);
  if (resolved == NULL)
    return FALSE;
  values = (JsonNode **)resolved->pdata;
  if (uuid_index >= 0)
    {
      uuid_node = values[uuid_index];
      if (!JSON_NODE_HOLDS_VALUE (uuid_node) ||
          json_node_get_value_type (uuid_node) != G_TYPE_STRING)
        return steady_backup_refuse (error, STEADY_BACKUP_ERROR_INVALID,
                       _("A record in this backup holds a value of the wrong kind."));
    }

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

          if (!JSON_NODE_HOLDS_VALUE (updated) ||
              json_node_get_value_type (updated) != G_TYPE_INT64)
            return steady_backup_refuse (error, STEADY_BACKUP_ERROR_INVALID,
                           _("A record in this backup holds a value of the wrong kind."));
          gboolean replace_pristine = table->pristine != NULL &&
            row_matches (merge, table, columns, NULL, rowid, table->pristine) &&
            !row_matches (merge, table, columns, values, rowid, NULL);

          if (json_node_get_int (updated) > local_updated (merge, table, rowid) ||
              replace_pristine)
            {
              if (!write_row (merge, table, columns, values, rowid, NULL, error))
                return FALSE;
              /* Two untouched installs' built-ins differ only in when they were made:
               * nothing a person would call a change. */
              fate = replace_pristine && values_match (merge, table, columns, values)
                     ? FATE_UNCHANGED : FATE_UPDATED;
            }
        }
    }

  if (table->kind >= 0)
    {
      SteadyRestoreCounts *counts = &merge->summary->kinds[table->kind];

      if (fate == FATE_NEW)
        counts->n_new++;
      else if (fate == FATE_UPDATED)
        counts->n_updated++;
      else
        counts->n_unchanged++;
    }
  if (uuid_node != NULL)
    {
      const char *uuid = json_node_get_string (uuid_node);

      g_hash_table_insert (map_for (merge->rowids, table->name), g_strdup (uuid),
                           GSIZE_TO_POINTER ((gsize)rowid));
      if (!merge_children (merge, table, uuid, rowid, fate, error))
        return FALSE;
    }
  return step (merge, error);
}

static gboolean
read_table (JsonNode                 *node,
            const SteadyBackupTable **table_out,
            JsonArray               **rows_out,
            GError                  **error)
{
  JsonObject *object;
  JsonNode *name, *rows;

  if (!JSON_NODE_HOLDS_OBJECT (node) ||
      (name = json_object_get_member (object = json_node_get_object (node), "name")) == NULL ||
      !JSON_NODE_HOLDS_VALUE (name) || json_node_get_value_type (name) != G_TYPE_STRING ||
      (*table_out = find_table (json_node_get_string (name))) == NULL ||
      (rows = json_object_get_member (object, "rows")) == NULL || !JSON_NODE_HOLDS_ARRAY (rows))
    return steady_backup_refuse (error, STEADY_BACKUP_ERROR_INVALID,
                   _("This backup holds records Steady does not know."));
  *rows_out = json_node_get_array (rows);
  return TRUE;
}

/* First pass: every child table's rows, grouped by owner. */
static gboolean
collect_children (Merge      *merge,
                  JsonArray  *tables_array,
                  GError    **error)
{
  for (guint i = 0; i < json_array_get_length (tables_array); i++)
    {
      JsonNode *node = json_array_get_element (tables_array, i);
      const SteadyBackupTable *table;
      ChildRows *children;
      JsonArray *rows;

      if (!read_table (node, &table, &rows, error))
        return FALSE;
      if (table->owner == NULL)
        continue;

      children = g_new0 (ChildRows, 1);
      g_ptr_array_add (merge->children, children);
      children->table = table;
      children->columns = check_columns (merge, json_node_get_object (node), table->name, error);
      if (children->columns == NULL)
        return FALSE;
      children->owner_index = column_index (children->columns, table->owner);
      for (guint f = 0; f < G_N_ELEMENTS (table->fks); f++)
        if (g_strcmp0 (table->fks[f].column, table->owner) == 0)
          children->owner_fk = &table->fks[f];
      g_assert (children->owner_index >= 0 && children->owner_fk != NULL);
      children->by_owner = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  (GDestroyNotify)g_ptr_array_unref);

      for (guint r = 0; r < json_array_get_length (rows); r++)
        {
          JsonNode *row = json_array_get_element (rows, r);
          JsonNode *owner;
          GPtrArray *group;

          if (!JSON_NODE_HOLDS_ARRAY (row) ||
              json_array_get_length (json_node_get_array (row)) != children->columns->len)
            return steady_backup_refuse (error, STEADY_BACKUP_ERROR_INVALID,
                           _("A record in this backup is incomplete."));
          owner = json_array_get_element (json_node_get_array (row),
                                          (guint)children->owner_index);
          if (!JSON_NODE_HOLDS_VALUE (owner) || json_node_get_value_type (owner) != G_TYPE_STRING)
            return steady_backup_refuse (error, STEADY_BACKUP_ERROR_INVALID,
                           _("A record in this backup holds a value of the wrong kind."));
          group = g_hash_table_lookup (children->by_owner, json_node_get_string (owner));
          if (group == NULL)
            {
              group = g_ptr_array_new ();
              g_hash_table_insert (children->by_owner, g_strdup (json_node_get_string (owner)),
                                   group);
            }
          g_ptr_array_add (group, row);
        }
    }
  return TRUE;
}

/* The connection's cache_size setting as it is (negative: KiB; positive: pages). */
static int
query_cache_size (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int value = -2000;

  if (sqlite3_prepare_v2 (db, "PRAGMA cache_size", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
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
  g_auto(GStrv) paused = NULL;
  int cache_kib;
  gboolean ok;

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
  merge.children = g_ptr_array_new_with_free_func ((GDestroyNotify)child_rows_free);
  merge.summary = summary;
  merge.tables = steady_backup_get_tables (&merge.n_tables);
  merge.statements = g_new0 (sqlite3_stmt *, merge.n_tables * N_STMTS);
  merge.total = count_backup_rows (tables_array);
  merge.cancellable = cancellable;
  merge.progress = progress;
  merge.user_data = user_data;

  /* Years of entries index their words page by page; with SQLite's default 2 MiB page
   * cache the transaction spills to the WAL and reads it back. The merge borrows a larger
   * cache and gives it back. */
  cache_kib = query_cache_size (merge.db);
  sqlite3_exec (merge.db, "PRAGMA cache_size = -" G_STRINGIFY (MERGE_CACHE_KIB), NULL, NULL,
                NULL);
  paused = steady_schema_pause_indexing (merge.db, error);
  ok = paused != NULL && collect_children (&merge, tables_array, error);
  for (guint i = 0; ok && i < json_array_get_length (tables_array); i++)
    {
      JsonNode *node = json_array_get_element (tables_array, i);
      g_autoptr(GPtrArray) columns = NULL;
      const SteadyBackupTable *table;
      JsonArray *rows;

      ok = read_table (node, &table, &rows, error);
      if (!ok || table->owner != NULL)
        continue;
      columns = check_columns (&merge, json_node_get_object (node), table->name, error);
      ok = columns != NULL;
      for (guint r = 0; ok && r < json_array_get_length (rows); r++)
        ok = merge_record_row (&merge, table, columns, json_array_get_element (rows, r), error);
    }

  /* Child rows whose owner the backup does not hold. */
  for (guint i = 0; ok && i < merge.children->len; i++)
    {
      ChildRows *children = g_ptr_array_index (merge.children, i);

      if (g_hash_table_size (children->by_owner) > 0)
        ok = steady_backup_refuse (error, STEADY_BACKUP_ERROR_INVALID,
                     _("A record in this backup refers to one that is missing, so nothing was "
                       "restored."));
    }

  /* The new records' words, all at once (see steady_schema_pause_indexing). */
  ok = ok && steady_schema_resume_indexing (merge.db, (const char * const *)paused,
                                            index_step, &merge, error);

  for (guint i = 0; i < merge.n_tables * N_STMTS; i++)
    sqlite3_finalize (merge.statements[i]);
  g_free (merge.statements);
  {
    g_autofree char *restore_cache = g_strdup_printf ("PRAGMA cache_size = %d", cache_kib);

    sqlite3_exec (merge.db, restore_cache, NULL, NULL, NULL);
  }
  g_hash_table_unref (merge.rowids);
  g_ptr_array_unref (merge.children);
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

  root = steady_backup_load (path, error);
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
   * is read before the copy below, after which a successful restore prunes old ones. */
  root = steady_backup_load (path, error);
  if (root == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  safety_copy = steady_database_backup_now_keeping_all (database, error);
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

  steady_database_prune_backups (database);
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
   * removing it leaves the backups as they were (none was pruned for it). */
  g_unlink (safety_copy);
  return FALSE;
}
