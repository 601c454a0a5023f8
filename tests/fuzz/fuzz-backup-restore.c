/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-backup-restore.c: a libFuzzer target for the JSON backup importer — any bytes are
 * checked (never crashing or hanging), and, sealed with a checksum that agrees so the fuzzer
 * gets past it, parsed, validated and merged into a scratch database that is rolled back. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "steady-backup.h"
#include "steady-backup-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static SteadyDatabase *database;
static char *scratch_dir;

static void
remove_scratch (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&database);
  dir = g_dir_open (scratch_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (scratch_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (scratch_dir);
  g_clear_pointer (&scratch_dir, g_free);
}

static void
open_scratch (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  scratch_dir = g_dir_make_tmp ("steady-fuzz-backup-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (scratch_dir, "steady.db", NULL);
  database = steady_database_open (path, &error);
  g_assert_no_error (error);
  atexit (remove_scratch);
}

static void
try_merge (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  SteadyRestoreSummary summary = { 0 };
  sqlite3 *db = steady_database_get_handle (database);

  root = steady_backup_parse_bytes (bytes, &error);
  if (root == NULL)
    {
      g_assert_true (error != NULL && error->domain == STEADY_BACKUP_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }
  g_assert_no_error (error);

  g_assert_true (steady_database_begin (database, NULL));
  if (!steady_backup_merge (database, root, &summary, NULL, NULL, NULL, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
  steady_database_rollback (database);
  /* Whatever happened, the scratch database is as it was: still only the built-ins. */
  g_assert_true (sqlite3_get_autocommit (db));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) raw = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autofree char *tail = NULL;
  GByteArray *array;

  if (database == NULL)
    open_scratch ();

  raw = g_bytes_new_static (data, size);
  try_merge (raw);

  tail = steady_backup_checksum_tail (data, size);
  array = g_byte_array_sized_new ((guint)(size + strlen (tail)));
  g_byte_array_append (array, data, (guint)size);
  g_byte_array_append (array, (const guint8 *)tail, (guint)strlen (tail));
  sealed = g_byte_array_free_to_bytes (array);
  try_merge (sealed);
  return 0;
}
