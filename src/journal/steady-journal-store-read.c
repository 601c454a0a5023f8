/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-journal-store-read.c: reading mood entries back — one by UUID, a count, and pages
 * newest first — each page with its emotions and tags in two queries. */

#define G_LOG_DOMAIN "steady-journal-store-read"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "steady-journal-store-private.h"
#include "steady-mood-entry-private.h"

static char **
medications_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return NULL;

  builder = g_strv_builder_new ();
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
    }
  return g_strv_builder_end (builder);
}

/* The row ids of @entries as a JSON array, for "IN (SELECT value FROM json_each (?))": one
 * statement for a whole page instead of one per entry. */
static char *
row_ids_json (GPtrArray *entries)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < entries->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            steady_mood_entry_get_row_id (g_ptr_array_index (entries, i)));
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* Reads the emotions and tags of all @entries, in the vocabulary's order. */
static gboolean
load_links (SteadyJournalStore  *self,
            GPtrArray           *entries,
            GError             **error)
{
  g_autoptr(GHashTable) by_row_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(SteadyStmt) emotions = NULL;
  g_autoptr(SteadyStmt) tags = NULL;
  g_autofree char *ids = NULL;
  int rc;

  if (entries->len == 0)
    return TRUE;
  for (guint i = 0; i < entries->len; i++)
    {
      SteadyMoodEntry *entry = g_ptr_array_index (entries, i);

      g_hash_table_insert (by_row_id, _steady_mood_entry_get_row_id_pointer (entry), entry);
    }
  ids = row_ids_json (entries);

  emotions = _steady_journal_store_prepare (self,
    "SELECT ee.entry_id, em.uuid, em.name, ee.intensity"
    "  FROM mood_entry_emotion AS ee JOIN emotion AS em ON em.id = ee.emotion_id"
    " WHERE ee.entry_id IN (SELECT value FROM json_each (?1))"
    " ORDER BY ee.entry_id, em.builtin IS NULL, em.position, em.name",
    error);
  if (emotions == NULL)
    return FALSE;
  sqlite3_bind_text (emotions, 1, ids, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (emotions)) == SQLITE_ROW)
    {
      gint64 row_id = sqlite3_column_int64 (emotions, 0);
      SteadyMoodEntry *entry = g_hash_table_lookup (by_row_id, &row_id);

      g_assert (entry != NULL);
      steady_mood_entry_set_emotion (entry,
                                     (const char *)sqlite3_column_text (emotions, 1),
                                     (const char *)sqlite3_column_text (emotions, 2),
                                     sqlite3_column_int (emotions, 3));
    }
  if (rc != SQLITE_DONE)
    {
      _steady_journal_store_set_error (self, error, rc, _("journal entry"));
      return FALSE;
    }

  tags = _steady_journal_store_prepare (self,
    "SELECT et.entry_id, t.uuid, t.name"
    "  FROM mood_entry_tag AS et JOIN tag AS t ON t.id = et.tag_id"
    " WHERE et.entry_id IN (SELECT value FROM json_each (?1))"
    " ORDER BY et.entry_id, t.builtin IS NULL, t.position, t.name",
    error);
  if (tags == NULL)
    return FALSE;
  sqlite3_bind_text (tags, 1, ids, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (tags)) == SQLITE_ROW)
    {
      gint64 row_id = sqlite3_column_int64 (tags, 0);
      SteadyMoodEntry *entry = g_hash_table_lookup (by_row_id, &row_id);

      g_assert (entry != NULL);
      steady_mood_entry_add_tag (entry,
                                 (const char *)sqlite3_column_text (tags, 1),
                                 (const char *)sqlite3_column_text (tags, 2));
    }
  if (rc != SQLITE_DONE)
    {
      _steady_journal_store_set_error (self, error, rc, _("journal entry"));
      return FALSE;
    }
  return TRUE;
}

/* Reads the entry in the current row of @stmt, whose first columns are
 * STEADY_ENTRY_COLUMNS, without its emotions and tags. */
static SteadyMoodEntry *
read_row (SteadyStmt *stmt)
{
  SteadyMoodEntry *entry;
  g_auto(GStrv) medications = NULL;

  entry = _steady_mood_entry_new_with_uuid ((const char *)sqlite3_column_text (stmt, 1));
  _steady_mood_entry_set_stored (entry,
                                 sqlite3_column_int64 (stmt, 0),
                                 sqlite3_column_int64 (stmt, 2),
                                 sqlite3_column_int64 (stmt, 3));
  steady_mood_entry_set_time (entry, sqlite3_column_int64 (stmt, 4), sqlite3_column_int (stmt, 5));
  steady_mood_entry_set_mood (entry, sqlite3_column_int (stmt, 6));
  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    steady_mood_entry_set_anxiety (entry, sqlite3_column_int (stmt, 7));
  if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
    steady_mood_entry_set_energy (entry, sqlite3_column_int (stmt, 8));
  if (sqlite3_column_type (stmt, 9) != SQLITE_NULL)
    steady_mood_entry_set_sleep_hours (entry, sqlite3_column_double (stmt, 9));
  steady_mood_entry_set_medication (
    entry, steady_medication_from_id ((const char *)sqlite3_column_text (stmt, 10)));
  medications = medications_from_json ((const char *)sqlite3_column_text (stmt, 11));
  steady_mood_entry_set_medications (entry, (const char * const *)medications);
  _steady_mood_entry_set_stored_note (entry, (const char *)sqlite3_column_text (stmt, 12));
  steady_mood_entry_set_private (entry, sqlite3_column_int (stmt, 13) != 0);
  return entry;
}

/**
 * _steady_journal_store_read_entries:
 * @stmt: a statement whose first columns are STEADY_ENTRY_COLUMNS
 * @row_func: (nullable): called for each row with its entry, to read the columns after those
 *
 * Steps @stmt to its end, reading one entry per row, then the emotions and tags of all of
 * them at once.
 */
GPtrArray *
_steady_journal_store_read_entries (SteadyJournalStore  *self,
                                    SteadyStmt          *stmt,
                                    SteadyRowFunc        row_func,
                                    gpointer             user_data,
                                    GError             **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SteadyMoodEntry *entry = read_row (stmt);

      g_ptr_array_add (entries, entry);
      if (row_func != NULL)
        row_func (stmt, entry, user_data);
    }
  if (rc != SQLITE_DONE)
    {
      _steady_journal_store_set_error (self, error, rc, _("journal"));
      return NULL;
    }
  if (!load_links (self, entries, error))
    return NULL;
  return g_steal_pointer (&entries);
}

SteadyMoodEntry *
_steady_journal_store_load_entry (SteadyJournalStore  *self,
            const char          *uuid,
            GError             **error)
{
  g_autoptr(SteadyStmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  stmt = _steady_journal_store_prepare (self,
    "SELECT " STEADY_ENTRY_COLUMNS " FROM mood_entry AS e WHERE e.uuid = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  entries = _steady_journal_store_read_entries (self, stmt, NULL, NULL, error);
  if (entries == NULL)
    return NULL;
  if (entries->len == 0)
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_NOT_FOUND,
                   _("This journal entry no longer exists; it may have been deleted."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (entries, 0));
}

/**
 * steady_journal_store_get:
 * @uuid: the entry's UUID
 *
 * Returns: (transfer full): the entry, or %NULL with %STEADY_JOURNAL_ERROR_NOT_FOUND
 */
SteadyMoodEntry *
steady_journal_store_get (SteadyJournalStore  *self,
                          const char          *uuid,
                          GError             **error)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return _steady_journal_store_load_entry (self, uuid, error);
}

static gboolean
count_rows (SteadyJournalStore  *self,
            SteadyStmt          *stmt,
            guint               *out_count,
            GError             **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      _steady_journal_store_set_error (self, error, rc, _("journal"));
      return FALSE;
    }
  *out_count = (guint)sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
steady_journal_store_count (SteadyJournalStore  *self,
                            guint               *out_count,
                            GError             **error)
{
  g_autoptr(SteadyStmt) stmt = NULL;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (self), FALSE);
  g_return_val_if_fail (out_count != NULL, FALSE);

  stmt = _steady_journal_store_prepare (self, "SELECT count(*) FROM mood_entry", error);
  return stmt != NULL && count_rows (self, stmt, out_count, error);
}

/**
 * steady_journal_store_count_newer:
 * @time_us: an entry's time
 * @row_id: its row id
 *
 * Counts the entries that come before (@time_us, @row_id) in the newest-first order — that
 * is, the position such an entry has or would have in the journal list.
 *
 * Returns: whether @out_count was set
 */
gboolean
steady_journal_store_count_newer (SteadyJournalStore  *self,
                                  gint64               time_us,
                                  gint64               row_id,
                                  guint               *out_count,
                                  GError             **error)
{
  g_autoptr(SteadyStmt) stmt = NULL;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (self), FALSE);
  g_return_val_if_fail (out_count != NULL, FALSE);

  stmt = _steady_journal_store_prepare (self,
    "SELECT count(*) FROM mood_entry WHERE (at_us, id) > (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, time_us);
  sqlite3_bind_int64 (stmt, 2, row_id);
  return count_rows (self, stmt, out_count, error);
}

/**
 * steady_journal_store_list_before:
 * @time_us: the time of the last entry already shown, or %G_MAXINT64 to start at the newest
 * @row_id: its row id, or %G_MAXINT64
 * @limit: how many entries at most
 *
 * Reads a page of entries newest first, starting after (@time_us, @row_id): a keyset, so
 * the cost of a page does not grow with how far down it is.
 *
 * Returns: (transfer full) (element-type SteadyMoodEntry): the entries
 */
GPtrArray *
steady_journal_store_list_before (SteadyJournalStore  *self,
                                  gint64               time_us,
                                  gint64               row_id,
                                  guint                limit,
                                  GError             **error)
{
  g_autoptr(SteadyStmt) stmt = NULL;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (self), NULL);

  stmt = _steady_journal_store_prepare (self,
    "SELECT " STEADY_ENTRY_COLUMNS " FROM mood_entry AS e"
    " WHERE (e.at_us, e.id) < (?1, ?2)"
    " ORDER BY e.at_us DESC, e.id DESC LIMIT ?3",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, time_us);
  sqlite3_bind_int64 (stmt, 2, row_id);
  sqlite3_bind_int64 (stmt, 3, limit);
  return _steady_journal_store_read_entries (self, stmt, NULL, NULL, error);
}

/**
 * steady_journal_store_list_at:
 * @position: how many of the newest entries to skip
 * @limit: how many entries at most
 *
 * Reads a page of entries newest first from a position, for a jump in a long list. The
 * skipped entries are counted in the time index only; prefer
 * steady_journal_store_list_before() to go on from a page already read.
 *
 * Returns: (transfer full) (element-type SteadyMoodEntry): the entries
 */
GPtrArray *
steady_journal_store_list_at (SteadyJournalStore  *self,
                              guint                position,
                              guint                limit,
                              GError             **error)
{
  g_autoptr(SteadyStmt) stmt = NULL;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (self), NULL);

  stmt = _steady_journal_store_prepare (self,
    "SELECT " STEADY_ENTRY_COLUMNS " FROM mood_entry AS e"
    " ORDER BY e.at_us DESC, e.id DESC LIMIT ?2 OFFSET ?1",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, position);
  sqlite3_bind_int64 (stmt, 2, limit);
  return _steady_journal_store_read_entries (self, stmt, NULL, NULL, error);
}
