/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-backup-reader.c: reads a JSON backup (or an automatic backup's database) as hostile
 * input: size, seal, encoding, nesting and header are checked before anything is trusted. */

#define G_LOG_DOMAIN "steady-backup-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steady-backup.h"
#include "steady-backup-private.h"
#include "steady-schema.h"

/* Twenty years of daily use is about 40 MiB; a file many times that is not a backup of ours,
 * and its parsed tree would not fit in memory anyway. */
#define MAX_BACKUP_BYTES   ((gsize)512 * 1024 * 1024)
/* Our format nests four deep; anything deeper is refused before the parser sees it. */
#define MAX_NESTING        6
#define SQLITE_HEADER      "SQLite format 3"
#define PARALLEL_CHECKSUM_BYTES ((gsize)1024 * 1024)

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
    return steady_backup_refuse (error, STEADY_BACKUP_ERROR_NOT_A_BACKUP,
                   _("This file is not a Steady backup."));

  node = json_object_get_member (root, "version");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64 ||
      (version = json_node_get_int (node)) < 1)
    return steady_backup_refuse (error, STEADY_BACKUP_ERROR_INVALID,
                   _("This backup does not say which format version it is in."));
  if (version > STEADY_BACKUP_FORMAT_VERSION)
    return steady_backup_refuse (error, STEADY_BACKUP_ERROR_TOO_NEW,
                   _("This backup was made by a newer version of Steady. Update Steady to "
                     "restore it."));

  node = json_object_get_member (root, "schema");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64 ||
      (schema = json_node_get_int (node)) < 1)
    return steady_backup_refuse (error, STEADY_BACKUP_ERROR_INVALID,
                   _("This backup does not say which version of Steady’s data it holds."));
  if (schema > steady_schema_get_version ())
    return steady_backup_refuse (error, STEADY_BACKUP_ERROR_TOO_NEW,
                   _("This backup holds data from a newer version of Steady. Update Steady "
                     "to restore it."));

  node = json_object_get_member (root, "tables");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return steady_backup_refuse (error, STEADY_BACKUP_ERROR_INVALID, _("This backup holds no records."));
  return TRUE;
}

typedef struct
{
  const char *data;
  gsize       size;
} ChecksumJob;

static gpointer
compute_checksum (gpointer user_data)
{
  ChecksumJob *job = user_data;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)job->data, job->size);
}

JsonNode *
steady_backup_parse_bytes (GBytes  *bytes,
                           GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *computed = NULL;
  GThread *checksum_thread = NULL;
  ChecksumJob job;
  const char *data, *digest;
  gsize size, content_size;
  gboolean well_formed, parsed = FALSE;
  JsonNode *root;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size == 0)
    {
      steady_backup_refuse (error, STEADY_BACKUP_ERROR_NOT_A_BACKUP, _("The file is empty."));
      return NULL;
    }
  if (size > MAX_BACKUP_BYTES)
    {
      steady_backup_refuse (error, STEADY_BACKUP_ERROR_TOO_LARGE,
              _("The file is too large to be a Steady backup."));
      return NULL;
    }
  if (!split_checksum (data, size, &content_size, &digest))
    {
      if (size >= 12 && memcmp (data, "{\"format\":\"" STEADY_BACKUP_FORMAT_NAME "\"",
                               MIN (size, strlen ("{\"format\":\"" STEADY_BACKUP_FORMAT_NAME
                                                  "\""))) == 0)
        steady_backup_refuse (error, STEADY_BACKUP_ERROR_DAMAGED,
                _("This backup is incomplete: the file was cut short. Nothing was changed."));
      else
        steady_backup_refuse (error, STEADY_BACKUP_ERROR_NOT_A_BACKUP, _("This file is not a Steady backup."));
      return NULL;
    }

  /* A large backup is checked on a second core while this one parses it: the checksum
   * decides before the parsed tree is used, and the parser only ever sees text whose
   * encoding and nesting were checked (20 years: 0.12 s of a 0.6 s read). */
  job.data = data;
  job.size = content_size;
  if (content_size >= PARALLEL_CHECKSUM_BYTES)
    checksum_thread = g_thread_new ("steady-backup-checksum", compute_checksum, &job);
  else
    computed = compute_checksum (&job);

  well_formed = g_utf8_validate (data, (gssize)size, NULL) && nesting_ok (data, size);
  if (well_formed)
    {
      parser = json_parser_new_immutable ();
      parsed = json_parser_load_from_data (parser, data, (gssize)size, &parse_error);
    }
  if (checksum_thread != NULL)
    computed = g_thread_join (checksum_thread);

  if (memcmp (computed, digest, 64) != 0)
    {
      steady_backup_refuse (error, STEADY_BACKUP_ERROR_DAMAGED,
              _("This backup has been changed or damaged since it was made, so it cannot be "
                "trusted. Nothing was changed."));
      return NULL;
    }
  if (!well_formed || !parsed)
    {
      steady_backup_refuse (error, STEADY_BACKUP_ERROR_INVALID, _("This backup is not well-formed."));
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      steady_backup_refuse (error, STEADY_BACKUP_ERROR_NOT_A_BACKUP, _("This file is not a Steady backup."));
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
      steady_backup_refuse (error, STEADY_BACKUP_ERROR_NOT_A_BACKUP,
              _("This database file is not one of Steady’s backups."));
      return NULL;
    }
  if (version > steady_schema_get_version ())
    {
      sqlite3_close (db);
      steady_backup_refuse (error, STEADY_BACKUP_ERROR_TOO_NEW,
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

JsonNode *
steady_backup_load (const char  *path,
                    GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

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
