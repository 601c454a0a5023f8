/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-history.c: everything done on the Skills page in one list, newest first,
 * filtered by kind, and searched with the journal's shared full-text index. */

#define G_LOG_DOMAIN "steady-skill-history"

#include "config.h"

#include "steady-journal-search.h"
#include "steady-skill-history.h"
#include "steady-skills-sql-private.h"

/* A skill_record kind as its SteadySkillKind number; kind_ids in steady-skill-kind.c. */
#define KIND_NUMBER(col) \
  "CASE " col " WHEN 'thought-record' THEN 0 WHEN 'name-emotion' THEN 1" \
  " WHEN 'check-facts' THEN 2 WHEN 'opposite-action' THEN 3 ELSE 4 END"
#define RECORD_DETAIL(payload) \
  "coalesce (json_extract (" payload ", '$.situation'), json_extract (" payload ", '$.emotion')," \
  " json_extract (" payload ", '$.event'), json_extract (" payload ", '$.note'), '')"

/* A page of history: each table walks its time index backwards for at most one page, and
 * only those few rows are merged, so a page costs the same after twenty years as after one.
 * The page starts after the cursor (?2 time, ?5 kind, ?6 UUID, the order of the list); each
 * arm reads a few rows more than a page, for rows sharing the cursor's instant. Diary cards
 * are walked by local day; a card's time is the start of its day, and offsets of up to
 * ±18 h can swap neighbouring days, which the same margin covers. */
#define AFTER_CURSOR(t) \
  "(" t " < ?2 OR (" t " = ?2 AND (k > ?5 OR (k = ?5 AND uuid > ?6))))"
#define HISTORY_PAGE \
  "SELECT * FROM (" \
  "  SELECT * FROM (SELECT " KIND_NUMBER ("kind") " AS k, uuid, at_us, utc_offset_s, private," \
  "                 " RECORD_DETAIL ("payload") ", NULL FROM skill_record" \
  "                  WHERE at_us <= ?2 AND (?1 >> " KIND_NUMBER ("kind") ") & 1" \
  "                  ORDER BY at_us DESC LIMIT ?3 + 8)" \
  "  UNION ALL" \
  "  SELECT * FROM (SELECT 5, uuid, local_day * 86400000000 - utc_offset_s * 1000000 AS at_us," \
  "                        utc_offset_s, private, '', NULL FROM diary_card" \
  "                  WHERE (?1 >> 5) & 1 AND local_day <= ?2 / 86400000000 + 1" \
  "                  ORDER BY local_day DESC LIMIT ?3 + 8)" \
  "  UNION ALL" \
  "  SELECT * FROM (SELECT 6, uuid, at_us, utc_offset_s, 0, skill, NULL FROM skill_use" \
  "                  WHERE (?1 >> 6) & 1 AND at_us <= ?2 ORDER BY at_us DESC LIMIT ?3 + 8)" \
  "  UNION ALL" \
  "  SELECT * FROM (SELECT 7, uuid, started_at_us, utc_offset_s, 0, kind, NULL" \
  "                   FROM practice_log WHERE (?1 >> 7) & 1 AND started_at_us <= ?2" \
  "                  ORDER BY started_at_us DESC LIMIT ?3 + 8))" \
  " WHERE " AFTER_CURSOR ("at_us") \
  " ORDER BY at_us DESC, k, uuid LIMIT ?3"

void
steady_history_item_free (SteadyHistoryItem *item)
{
  if (item == NULL)
    return;
  g_free (item->uuid);
  g_free (item->detail);
  g_free (item->snippet);
  g_free (item);
}

/* The first line of @text, at most 80 characters. */
static char *
first_line (const char *text)
{
  const char *end = text;

  for (guint n = 0; *end != '\0' && *end != '\n' && n < 80; n++)
    end = g_utf8_next_char (end);
  return g_strndup (text, end - text);
}

/**
 * steady_skill_history_list:
 * @kinds: STEADY_HISTORY_MASK () bits of the kinds wanted
 * @text: (nullable): words as typed; when given, only records whose words match are listed
 *   (diary cards, skill logs and practices hold no words and are left out)
 * @after: (nullable): the last item of the previous page, or %NULL for the first page
 * @limit: most items to return
 *
 * Returns: (transfer container) (element-type SteadyHistoryItem): newest first, or %NULL
 *   with @error set
 */
GPtrArray *
steady_skill_history_list (SteadyDatabase           *database,
                           guint                     kinds,
                           const char               *text,
                           const SteadyHistoryItem  *after,
                           guint                     limit,
                           GError                  **error)
{
  g_autofree char *match = steady_journal_search_build_match (text);
  g_autoptr(SteadySkillsStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = NULL;
  int rc;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), NULL);

  if (match != NULL)
    stmt = _steady_skills_prepare (database,
      "SELECT " KIND_NUMBER ("r.kind") " AS k, r.uuid, r.at_us, r.utc_offset_s, r.private,"
      "       " RECORD_DETAIL ("r.payload") ","
      "       snippet (search_fts, 0, char (1), char (2), '…', 16)"
      "  FROM search_fts"
      " CROSS JOIN search_doc AS d ON d.id = search_fts.rowid"
      " CROSS JOIN skill_record AS r ON r.uuid = d.record_uuid AND r.kind = d.kind"
      " WHERE search_fts MATCH ?4 AND (?1 >> k) & 1 AND " AFTER_CURSOR ("r.at_us")
      " ORDER BY r.at_us DESC, k, r.uuid LIMIT ?3", error);
  else
    stmt = _steady_skills_prepare (database, HISTORY_PAGE, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, kinds);
  sqlite3_bind_int64 (stmt, 2, after != NULL ? after->time_us : G_MAXINT64);
  sqlite3_bind_int (stmt, 5, after != NULL ? after->kind : STEADY_N_HISTORY_KINDS);
  sqlite3_bind_text (stmt, 6, after != NULL ? after->uuid : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, limit);
  if (match != NULL)
    sqlite3_bind_text (stmt, 4, match, -1, SQLITE_STATIC);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_history_item_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SteadyHistoryItem *item = g_new0 (SteadyHistoryItem, 1);

      item->kind = sqlite3_column_int (stmt, 0);
      item->uuid = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      item->time_us = sqlite3_column_int64 (stmt, 2);
      item->utc_offset_s = sqlite3_column_int (stmt, 3);
      item->private_ = sqlite3_column_int (stmt, 4);
      item->detail = first_line ((const char *)sqlite3_column_text (stmt, 5));
      item->snippet = g_strdup ((const char *)sqlite3_column_text (stmt, 6));
      g_ptr_array_add (items, item);
    }
  if (!_steady_skills_finish (database, rc, error))
    return NULL;
  return g_steal_pointer (&items);
}
