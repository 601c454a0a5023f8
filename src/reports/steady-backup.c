/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-backup.c: the complete JSON backup — every table's rows, in a fixed order and
 * format, streamed to a 0600 file and sealed with a SHA-256 checksum. */

#define G_LOG_DOMAIN "steady-backup"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steady-backup.h"
#include "steady-backup-private.h"
#include "steady-schema.h"

/* Progress is reported, and cancellation checked, once per this many rows. */
#define ROWS_PER_STEP 512

G_DEFINE_QUARK (steady-backup-error-quark, steady_backup_error)

/* A built-in word as a fresh install made it: its times are only when that install ran. */
#define PRISTINE_BUILTIN "builtin IS NOT NULL AND renamed = 0 AND updated_us = created_us"

/* The whole schema of version 6, parents first. Tables a backup of an older schema does
 * not have are simply absent from it. search_doc and search_fts are left out: the
 * triggers rebuild them from the rows. */
static const SteadyBackupTable tables[] = {
  { "meta", -1, { "key" }, { NULL }, NULL, NULL, { { NULL } } },
  { "emotion", STEADY_BACKUP_KIND_VOCABULARY, { "uuid" }, { "name" }, "updated_us", NULL,
    { { NULL } }, PRISTINE_BUILTIN },
  { "tag", STEADY_BACKUP_KIND_VOCABULARY, { "uuid" }, { "name" }, "updated_us", NULL,
    { { NULL } }, PRISTINE_BUILTIN },
  { "mood_entry", STEADY_BACKUP_KIND_MOOD_ENTRY, { "uuid" }, { NULL }, "updated_us", NULL,
    { { NULL } } },
  { "mood_entry_emotion", -1, { "entry_id", "emotion_id" }, { NULL }, NULL, "entry_id",
    { { "entry_id", "mood_entry", "id" }, { "emotion_id", "emotion", "id" } } },
  { "mood_entry_tag", -1, { "entry_id", "tag_id" }, { NULL }, NULL, "entry_id",
    { { "entry_id", "mood_entry", "id" }, { "tag_id", "tag", "id" } } },
  { "draft", STEADY_BACKUP_KIND_DRAFT, { "kind", "key" }, { NULL }, "updated_us", NULL,
    { { NULL } } },
  { "practice_log", STEADY_BACKUP_KIND_PRACTICE, { "uuid" }, { NULL }, "updated_us", NULL,
    { { NULL } } },
  { "breathing_pattern", STEADY_BACKUP_KIND_PRACTICE, { "name" }, { NULL }, "updated_us",
    NULL, { { NULL } } },
  { "session_series", STEADY_BACKUP_KIND_SESSION, { "uuid" }, { "ics_uid" }, "updated_us",
    NULL, { { NULL } } },
  { "session_exdates", -1, { "series_id", "original_start_local" }, { NULL }, NULL,
    "series_id", { { "series_id", "session_series", "id" } } },
  { "session_reminder_offsets", -1, { "series_id", "minutes_before" }, { NULL }, NULL,
    "series_id", { { "series_id", "session_series", "id" } } },
  { "session_overrides", STEADY_BACKUP_KIND_SESSION, { "uuid" },
    { "series_id", "original_start_local" }, "updated_us", NULL,
    { { "series_id", "session_series", "id" } } },
  { "session_attendance", STEADY_BACKUP_KIND_SESSION, { "uuid" },
    { "series_id", "original_start_local" }, "updated_us", NULL,
    { { "series_id", "session_series", "id" } } },
  { "session_bring_up_items", STEADY_BACKUP_KIND_SESSION, { "uuid" }, { NULL }, "updated_us",
    NULL, { { "series_id", "session_series", "id" } } },
  { "reminders_sent", -1, { "series_uuid", "original_start_local", "offset_minutes" },
    { NULL }, "updated_us", NULL, { { "series_uuid", "session_series", "uuid" } } },
  { "safety_plan_item", STEADY_BACKUP_KIND_SAFETY_PLAN, { "uuid" }, { NULL }, "updated_us",
    NULL, { { NULL } } },
  { "safety_plan_review", STEADY_BACKUP_KIND_SAFETY_PLAN, { "uuid" }, { NULL }, NULL, NULL,
    { { NULL } } },
  { "skill_record", STEADY_BACKUP_KIND_SKILL_RECORD, { "uuid" }, { NULL }, "updated_us", NULL,
    { { NULL } } },
  { "diary_target", STEADY_BACKUP_KIND_DIARY_CARD, { "uuid" }, { "kind", "name" },
    "updated_us", NULL, { { NULL } } },
  { "diary_card", STEADY_BACKUP_KIND_DIARY_CARD, { "uuid" }, { "local_day" }, "updated_us",
    NULL, { { NULL } } },
  { "diary_card_rating", -1, { "card_id", "target_id" }, { NULL }, NULL, "card_id",
    { { "card_id", "diary_card", "id" }, { "target_id", "diary_target", "id" } } },
  { "diary_card_skill", -1, { "card_id", "skill" }, { NULL }, NULL, "card_id",
    { { "card_id", "diary_card", "id" } } },
  { "skill_use", STEADY_BACKUP_KIND_DIARY_CARD, { "uuid" }, { NULL }, NULL, NULL,
    { { NULL } } },
};

const SteadyBackupTable *
steady_backup_get_tables (guint *n_tables)
{
  g_return_val_if_fail (n_tables != NULL, NULL);

  *n_tables = G_N_ELEMENTS (tables);
  return tables;
}

/* ----------------------------------------------------------------------------------------
 * Writing
 * ------------------------------------------------------------------------------------- */

typedef struct
{
  GOutputStream *out;
  GChecksum     *checksum;
  GString       *buffer;
} Writer;

static gboolean
writer_flush (Writer  *writer,
              GError **error)
{
  gsize written;

  g_checksum_update (writer->checksum, (const guchar *)writer->buffer->str,
                     writer->buffer->len);
  if (!g_output_stream_write_all (writer->out, writer->buffer->str, writer->buffer->len,
                                  &written, NULL, error))
    return FALSE;
  g_string_truncate (writer->buffer, 0);
  return TRUE;
}

static void
append_json_string (GString    *buffer,
                    const char *text,
                    gsize       length)
{
  g_string_append_c (buffer, '"');
  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar)text[i];

      switch (c)
        {
        case '"':
          g_string_append (buffer, "\\\"");
          break;
        case '\\':
          g_string_append (buffer, "\\\\");
          break;
        case '\n':
          g_string_append (buffer, "\\n");
          break;
        case '\r':
          g_string_append (buffer, "\\r");
          break;
        case '\t':
          g_string_append (buffer, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (buffer, "\\u%04x", c);
          else
            g_string_append_c (buffer, (char)c);
        }
    }
  g_string_append_c (buffer, '"');
}

static void
append_json_value (GString      *buffer,
                   sqlite3_stmt *stmt,
                   int           column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_INTEGER:
      g_string_append_printf (buffer, "%" G_GINT64_FORMAT,
                              (gint64)sqlite3_column_int64 (stmt, column));
      break;
    case SQLITE_FLOAT:
      {
        char number[G_ASCII_DTOSTR_BUF_SIZE];

        /* 17 digits read back to the same double; a point keeps it a number with a
         * fraction for the reader, so 8 hours of sleep stays REAL. */
        g_ascii_formatd (number, sizeof number, "%.17g", sqlite3_column_double (stmt, column));
        g_string_append (buffer, number);
        if (strpbrk (number, ".eEn") == NULL)
          g_string_append (buffer, ".0");
      }
      break;
    case SQLITE_NULL:
      g_string_append (buffer, "null");
      break;
    default:
      append_json_string (buffer, (const char *)sqlite3_column_text (stmt, column),
                          (gsize)sqlite3_column_bytes (stmt, column));
    }
}

static gboolean
table_exists (sqlite3    *db,
              const char *name)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return found;
}

/* The columns a backup holds for @table, in the schema's order: all but the row number and
 * the generated ones. */
GPtrArray *
steady_backup_table_columns (sqlite3    *db,
                             const char *table,
                             GError    **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_xinfo (\"%s\")", table);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      steady_database_set_error_from_sqlite (error, db, rc, "table_xinfo");
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (stmt, 1);
      const char *type = (const char *)sqlite3_column_text (stmt, 2);
      int hidden = sqlite3_column_int (stmt, 6);
      gboolean rowid_alias = sqlite3_column_int (stmt, 5) == 1 && g_strcmp0 (name, "id") == 0 &&
                             g_ascii_strcasecmp (type, "INTEGER") == 0;

      if (hidden == 0 && !rowid_alias)
        g_ptr_array_add (columns, g_strdup (name));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      steady_database_set_error_from_sqlite (error, db, rc, "table_xinfo");
      return NULL;
    }
  return g_steal_pointer (&columns);
}

static const SteadyBackupForeignKey *
find_foreign_key (const SteadyBackupTable *table,
                  const char              *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (table->fks) && table->fks[i].column != NULL; i++)
    if (g_str_equal (table->fks[i].column, column))
      return &table->fks[i];
  return NULL;
}

/* A column as the backup writes it: a reference to another table's row number becomes that
 * row's uuid. */
static char *
exported_expression (const SteadyBackupTable *table,
                     const char              *column)
{
  const SteadyBackupForeignKey *fk = find_foreign_key (table, column);

  if (fk != NULL && g_str_equal (fk->parent_key, "id"))
    return g_strdup_printf ("(SELECT p.uuid FROM \"%s\" AS p WHERE p.id = t.\"%s\")",
                            fk->parent, column);
  return g_strdup_printf ("t.\"%s\"", column);
}

static char *
select_sql (const SteadyBackupTable *table,
            GPtrArray               *columns)
{
  GString *sql = g_string_new ("SELECT ");

  for (guint i = 0; i < columns->len; i++)
    {
      g_autofree char *expr = exported_expression (table, g_ptr_array_index (columns, i));

      g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", expr);
    }
  g_string_append_printf (sql, " FROM \"%s\" AS t ORDER BY ", table->name);
  for (guint i = 0; table->key[i] != NULL; i++)
    {
      g_autofree char *expr = exported_expression (table, table->key[i]);

      g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", expr);
    }
  return g_string_free (sql, FALSE);
}

static gint64
count_rows (sqlite3 *db)
{
  gint64 total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;

      if (!table_exists (db, tables[i].name))
        continue;
      sql = g_strdup_printf ("SELECT count (*) FROM \"%s\"", tables[i].name);
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        total += sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
    }
  return total;
}

static gboolean
write_table (Writer                   *writer,
             sqlite3                  *db,
             const SteadyBackupTable  *table,
             gboolean                  first,
             gint64                   *done,
             gint64                    total,
             GCancellable             *cancellable,
             SteadyReportProgressFunc  progress,
             gpointer                  user_data,
             GError                  **error)
{
  g_autoptr(GPtrArray) columns = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean first_row = TRUE;
  int rc;

  columns = steady_backup_table_columns (db, table->name, error);
  if (columns == NULL)
    return FALSE;

  g_string_append_printf (writer->buffer, "%s\n{\"name\":", first ? "" : ",");
  append_json_string (writer->buffer, table->name, strlen (table->name));
  g_string_append (writer->buffer, ",\"columns\":[");
  for (guint i = 0; i < columns->len; i++)
    {
      const char *column = g_ptr_array_index (columns, i);

      if (i > 0)
        g_string_append_c (writer->buffer, ',');
      append_json_string (writer->buffer, column, strlen (column));
    }
  g_string_append (writer->buffer, "],\"rows\":[");

  sql = select_sql (table, columns);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      steady_database_set_error_from_sqlite (error, db, rc, table->name);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append (writer->buffer, first_row ? "\n[" : ",\n[");
      first_row = FALSE;
      for (int i = 0; i < (int)columns->len; i++)
        {
          if (i > 0)
            g_string_append_c (writer->buffer, ',');
          append_json_value (writer->buffer, stmt, i);
        }
      g_string_append_c (writer->buffer, ']');

      if (++*done % ROWS_PER_STEP == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
              !writer_flush (writer, error))
            {
              sqlite3_finalize (stmt);
              return FALSE;
            }
          if (progress != NULL && total > 0)
            progress (MIN (1.0, (double)*done / (double)total), user_data);
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      steady_database_set_error_from_sqlite (error, db, rc, table->name);
      return FALSE;
    }
  g_string_append (writer->buffer, "]}");
  return TRUE;
}

char *
steady_backup_checksum_tail (const guint8 *data,
                             gsize         size)
{
  g_autofree char *digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);

  return g_strconcat (STEADY_BACKUP_CHECKSUM_KEY, digest, "\"}\n", NULL);
}

gboolean
steady_backup_write_stream (sqlite3                  *db,
                            int                       schema_version,
                            gint64                    created_us,
                            GOutputStream            *out,
                            GCancellable             *cancellable,
                            SteadyReportProgressFunc  progress,
                            gpointer                  user_data,
                            GError                  **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GString) buffer = g_string_sized_new (64 * 1024);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *created_text = NULL;
  Writer writer = { out, checksum, buffer };
  gboolean first = TRUE;
  gint64 done = 0, total;
  gsize written;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  /* One read transaction, so the backup is one consistent moment even while the reminder
   * daemon writes. */
  if (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    {
      steady_database_set_error_from_sqlite (error, db, sqlite3_errcode (db), "BEGIN");
      return FALSE;
    }
  total = count_rows (db);

  created_text = steady_report_format_iso8601 (created_us, utc);
  g_string_append_printf (buffer, "{\"format\":\"%s\",\"version\":%d,\"schema\":%d,"
                          "\"created_us\":%" G_GINT64_FORMAT ",\"created\":\"%s\","
                          "\"tables\":[",
                          STEADY_BACKUP_FORMAT_NAME, STEADY_BACKUP_FORMAT_VERSION,
                          schema_version, created_us, created_text);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      if (!table_exists (db, tables[i].name))
        continue;
      if (!write_table (&writer, db, &tables[i], first, &done, total, cancellable, progress,
                        user_data, error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      first = FALSE;
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  g_string_append (buffer, "\n],");
  if (!writer_flush (&writer, error))
    return FALSE;

  g_string_append_printf (buffer, "%s%s\"}\n", STEADY_BACKUP_CHECKSUM_KEY,
                          g_checksum_get_string (checksum));
  if (!g_output_stream_write_all (out, buffer->str, buffer->len, &written, NULL, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}

gboolean
steady_backup_export_at (SteadyDatabase           *database,
                         const char               *path,
                         gint64                    created_us,
                         GCancellable             *cancellable,
                         SteadyReportProgressFunc  progress,
                         gpointer                  user_data,
                         GError                  **error)
{
  g_autoptr(SteadyReportFile) file = NULL;
  g_autoptr(GOutputStream) out = NULL;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = steady_report_file_new (path, error);
  if (file == NULL)
    return FALSE;
  out = g_buffered_output_stream_new_sized (steady_report_file_get_stream (file), 256 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (out), FALSE);

  return steady_backup_write_stream (steady_database_get_handle (database),
                                     steady_database_get_schema_version (database), created_us,
                                     out, cancellable, progress, user_data, error) &&
         g_output_stream_close (out, cancellable, error) &&
         steady_report_file_commit (file, cancellable, error);
}

gboolean
steady_backup_export (SteadyDatabase           *database,
                      const char               *path,
                      GCancellable             *cancellable,
                      SteadyReportProgressFunc  progress,
                      gpointer                  user_data,
                      GError                  **error)
{
  return steady_backup_export_at (database, path, g_get_real_time (), cancellable, progress,
                                  user_data, error);
}

/* ----------------------------------------------------------------------------------------
 * Summaries
 * ------------------------------------------------------------------------------------- */

void
steady_restore_summary_clear (SteadyRestoreSummary *summary)
{
  g_return_if_fail (summary != NULL);

  g_clear_pointer (&summary->safety_backup_path, g_free);
  memset (summary, 0, sizeof *summary);
}

guint
steady_restore_summary_total (const SteadyRestoreSummary *summary,
                              SteadyRestoreOutcome        outcome)
{
  guint total = 0;

  g_return_val_if_fail (summary != NULL, 0);
  g_return_val_if_fail (outcome <= STEADY_RESTORE_UNCHANGED, 0);

  for (guint i = 0; i < STEADY_BACKUP_N_KINDS; i++)
    total += outcome == STEADY_RESTORE_NEW ? summary->kinds[i].n_new
           : outcome == STEADY_RESTORE_UPDATED ? summary->kinds[i].n_updated
           : summary->kinds[i].n_unchanged;
  return total;
}

const char *
steady_backup_kind_get_label (SteadyBackupKind kind)
{
  static const char * const labels[] = {
    [STEADY_BACKUP_KIND_MOOD_ENTRY] = N_("Journal entries"),
    [STEADY_BACKUP_KIND_VOCABULARY] = N_("Emotions and tags"),
    [STEADY_BACKUP_KIND_DRAFT] = N_("Unsaved drafts"),
    [STEADY_BACKUP_KIND_PRACTICE] = N_("Practice log and breathing patterns"),
    [STEADY_BACKUP_KIND_SESSION] = N_("Sessions and attendance"),
    [STEADY_BACKUP_KIND_SAFETY_PLAN] = N_("Safety plan"),
    [STEADY_BACKUP_KIND_SKILL_RECORD] = N_("Thought records and worksheets"),
    [STEADY_BACKUP_KIND_DIARY_CARD] = N_("Diary cards and skill uses"),
  };

  g_return_val_if_fail (kind < STEADY_BACKUP_N_KINDS, NULL);

  return _(labels[kind]);
}

char *
steady_restore_summary_describe (const SteadyRestoreSummary *summary)
{
  guint n_new, n_updated;
  g_autofree char *new_part = NULL;
  g_autofree char *updated_part = NULL;

  g_return_val_if_fail (summary != NULL, NULL);

  n_new = steady_restore_summary_total (summary, STEADY_RESTORE_NEW);
  n_updated = steady_restore_summary_total (summary, STEADY_RESTORE_UPDATED);
  if (n_new == 0 && n_updated == 0)
    return g_strdup (_("Everything in this backup is already here, so nothing would change"));

  /* Translators: the first part of "12 new records, 3 updated, nothing removed". */
  new_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new record", "%u new records",
                                           n_new), n_new);
  /* Translators: the second part of "12 new records, 3 updated, nothing removed". */
  updated_part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated",
                                               n_updated), n_updated);
  /* Translators: "12 new records, 3 updated, nothing removed"; a restore never deletes. */
  return g_strdup_printf (_("%s, %s, nothing removed"), new_part, updated_part);
}
