/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-journal-store-search.c: full-text search over the journal with filters, newest
 * first, a page at a time, and the check that the index agrees with the entries. */

#define G_LOG_DOMAIN "steady-journal-store-search"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "steady-journal-search-hit-private.h"
#include "steady-journal-store-private.h"

#define USEC_PER_DAY   (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)
#define MAX_OFFSET_US  ((gint64)STEADY_JOURNAL_MAX_UTC_OFFSET * G_USEC_PER_SEC)
/* A search_doc id is its record's instant, moved on by a microsecond when taken; a second
 * of slack covers a million records at the same instant. */
#define KEY_SLACK_US   G_USEC_PER_SEC
#define SNIPPET_CHARS  160
/* A two-letter prefix that starts more words than this is left to FTS5's prefix query. */
#define MAX_EXPANDED_TERMS 2000

/* ?1 words, ?2/?3 rowid range, ?4/?5 local days, ?6/?7 moods, ?8 emotion, ?9 tag, ?10 limit.
 * CROSS JOIN keeps the index as the outer loop: it yields rows newest first by itself, so
 * the query stops after one page however many entries match. */
#define SEARCH_FILTERS \
  "   AND e.local_day BETWEEN ?4 AND ?5"                                                 \
  "   AND e.mood BETWEEN ?6 AND ?7"                                                      \
  "   AND (?8 IS NULL OR EXISTS (SELECT 1 FROM mood_entry_emotion AS ee"                 \
  "                                JOIN emotion AS em ON em.id = ee.emotion_id"          \
  "                               WHERE ee.entry_id = e.id AND em.uuid = ?8))"           \
  "   AND (?9 IS NULL OR EXISTS (SELECT 1 FROM mood_entry_tag AS et"                     \
  "                                JOIN tag AS t ON t.id = et.tag_id"                    \
  "                               WHERE et.entry_id = e.id AND t.uuid = ?9))"

static const char search_text_sql[] =
  "SELECT " STEADY_ENTRY_COLUMNS ", search_fts.rowid,"
  "       snippet (search_fts, 0, char (1), char (2), '…', 24)"
  "  FROM search_fts"
  " CROSS JOIN search_doc AS d ON d.id = search_fts.rowid"
  " CROSS JOIN mood_entry AS e ON e.uuid = d.record_uuid"
  " WHERE search_fts MATCH ?1"
  "   AND search_fts.rowid < ?2 AND search_fts.rowid >= ?3"
  "   AND d.kind = 'mood-entry'"
  SEARCH_FILTERS
  " ORDER BY search_fts.rowid DESC LIMIT ?10";

/* Without words: the entries themselves, newest first by the time index (+local_day keeps
 * the planner on it); ?2/?11 is the keyset, ?3 the earliest time, ?4… as above. */
static const char search_filters_sql[] =
  "SELECT " STEADY_ENTRY_COLUMNS ", e.at_us, e.id"
  "  FROM mood_entry AS e"
  " WHERE (e.at_us, e.id) < (?2, ?11) AND e.at_us >= ?3"
  "   AND +e.local_day BETWEEN ?4 AND ?5"
  "   AND e.mood BETWEEN ?6 AND ?7"
  "   AND (?8 IS NULL OR EXISTS (SELECT 1 FROM mood_entry_emotion AS ee"
  "                                JOIN emotion AS em ON em.id = ee.emotion_id"
  "                               WHERE ee.entry_id = e.id AND em.uuid = ?8))"
  "   AND (?9 IS NULL OR EXISTS (SELECT 1 FROM mood_entry_tag AS et"
  "                                JOIN tag AS t ON t.id = et.tag_id"
  "                               WHERE et.entry_id = e.id AND t.uuid = ?9))"
  " ORDER BY e.at_us DESC, e.id DESC LIMIT ?10";

/* The words in the index, from FTS5 itself; a temporary table on this connection only. */
static const char create_terms_sql[] =
  "CREATE VIRTUAL TABLE IF NOT EXISTS temp.steady_search_terms"
  " USING fts5vocab (main, search_fts, row)";
static const char terms_sql[] =
  "SELECT term FROM temp.steady_search_terms WHERE term >= ?1 AND term < ?2";

static SteadyStmt *
prepare_terms (SteadyJournalStore *self)
{
  SteadyStmt *stmt = _steady_journal_store_prepare (self, terms_sql, NULL);

  if (stmt != NULL)
    return stmt;
  if (sqlite3_exec (_steady_journal_store_get_handle (self), create_terms_sql, NULL, NULL,
                    NULL) != SQLITE_OK)
    return NULL;
  return _steady_journal_store_prepare (self, terms_sql, NULL);
}

/* FTS5 answers a two-letter prefix query ("st"*) by merging the posting lists of every word
 * it starts, all of them, however few rows are asked for: 7–50 ms on twenty years. The same
 * words joined by OR are read lazily, newest first, and stop after a page. Returns NULL to
 * keep the prefix query (no such words, too many, or no word list on this connection). */
static char *
expand_short_prefix (const char *prefix,
                     gpointer    user_data)
{
  SteadyJournalStore *self = user_data;
  g_autoptr(SteadyStmt) stmt = prepare_terms (self);
  g_autoptr(GString) expression = NULL;
  char end[] = { prefix[0], (char)(prefix[1] + 1), '\0' };
  guint n_terms = 0;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_STATIC);
  expression = g_string_new ("(");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *term = (const char *)sqlite3_column_text (stmt, 0);

      if (++n_terms > MAX_EXPANDED_TERMS)
        return NULL;
      if (n_terms > 1)
        g_string_append (expression, " OR ");
      g_string_append_c (expression, '"');
      for (const char *c = term; *c != '\0'; c++)
        {
          if (*c == '"')
            g_string_append_c (expression, '"');
          g_string_append_c (expression, *c);
        }
      g_string_append_c (expression, '"');
    }
  if (rc != SQLITE_DONE || n_terms == 0)
    return NULL;
  g_string_append_c (expression, ')');
  return g_string_free (g_steal_pointer (&expression), FALSE);
}

/* The earliest and latest instants that can fall on the local days asked for, whatever
 * the offset; the exact day is checked on local_day. */
static void
time_bounds (const SteadyJournalQuery *query,
             gint64                   *out_lower,
             gint64                   *out_upper)
{
  int earliest = steady_journal_day_from_time (STEADY_JOURNAL_MIN_TIME, -STEADY_JOURNAL_MAX_UTC_OFFSET);
  int latest = steady_journal_day_from_time (STEADY_JOURNAL_MAX_TIME, STEADY_JOURNAL_MAX_UTC_OFFSET);

  *out_lower = query->first_day <= earliest
    ? G_MININT64 : (gint64)query->first_day * USEC_PER_DAY - MAX_OFFSET_US;
  *out_upper = query->last_day >= latest
    ? G_MAXINT64 : ((gint64)query->last_day + 1) * USEC_PER_DAY + MAX_OFFSET_US;
}

static char *
leading_words (const char *note)
{
  const char *cut;
  const char *space;

  if (g_utf8_strlen (note, -1) <= SNIPPET_CHARS)
    return g_strdup (note);
  cut = g_utf8_offset_to_pointer (note, SNIPPET_CHARS);
  space = g_utf8_strrchr (note, cut - note, ' ');
  if (space != NULL && space > note)
    cut = space;
  return g_strdup_printf ("%.*s…", (int)(cut - note), note);
}

typedef struct
{
  gboolean   text_mode;
  GPtrArray *hits;
} SearchContext;

/* Makes the hit of a row: its snippet, and where the next page starts after it. The entry
 * gets its emotions and tags after the last row; the hit holds the same object. */
static void
add_hit (SteadyStmt      *stmt,
         SteadyMoodEntry *entry,
         gpointer         user_data)
{
  SearchContext *context = user_data;
  gint64 cursor_time = sqlite3_column_int64 (stmt, STEADY_ENTRY_N_COLUMNS);

  if (context->text_mode)
    {
      g_ptr_array_add (context->hits, _steady_journal_search_hit_new (
        entry, (const char *)sqlite3_column_text (stmt, STEADY_ENTRY_N_COLUMNS + 1),
        cursor_time, 0));
    }
  else
    {
      g_autofree char *snippet = leading_words (steady_mood_entry_get_note (entry));

      g_ptr_array_add (context->hits, _steady_journal_search_hit_new (
        entry, snippet, cursor_time, sqlite3_column_int64 (stmt, STEADY_ENTRY_N_COLUMNS + 1)));
    }
}

static void
bind_filters (SteadyStmt               *stmt,
              const SteadyJournalQuery *query,
              guint                     limit)
{
  sqlite3_bind_int (stmt, 4, query->first_day);
  sqlite3_bind_int (stmt, 5, query->last_day);
  sqlite3_bind_int (stmt, 6, query->min_mood);
  sqlite3_bind_int (stmt, 7, query->max_mood);
  if (query->emotion_uuid != NULL)
    sqlite3_bind_text (stmt, 8, query->emotion_uuid, -1, SQLITE_STATIC);
  if (query->tag_uuid != NULL)
    sqlite3_bind_text (stmt, 9, query->tag_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 10, limit);
}

/**
 * steady_journal_store_search:
 * @query: what to look for
 * @after: (nullable): the last hit of the previous page of the same query, or %NULL for
 *   the first page
 * @limit: how many hits at most
 *
 * Finds entries whose note or tag names hold every word of @query's text (each as a word
 * start, so results come as the user types), within its filters, newest first. Any text is
 * safe: quotes, stars, `AND`, `-` are searched as words. With no words, the filters alone
 * choose, and the snippet is the start of the note.
 *
 * Returns: (transfer full) (element-type SteadyJournalSearchHit): the hits
 */
GPtrArray *
steady_journal_store_search (SteadyJournalStore       *self,
                             const SteadyJournalQuery *query,
                             SteadyJournalSearchHit   *after,
                             guint                     limit,
                             GError                  **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(SteadyStmt) stmt = NULL;
  g_autofree char *match = NULL;
  SearchContext context;
  gint64 lower = 0;
  gint64 upper = 0;
  gint64 cursor_time = G_MAXINT64;
  gint64 cursor_id = G_MAXINT64;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (after == NULL || STEADY_IS_JOURNAL_SEARCH_HIT (after), NULL);

  match = steady_journal_search_build_match_full (query->text, expand_short_prefix, self);
  time_bounds (query, &lower, &upper);
  if (after != NULL)
    _steady_journal_search_hit_get_cursor (after, &cursor_time, &cursor_id);

  if (match != NULL)
    {
      stmt = _steady_journal_store_prepare (self, search_text_sql, error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
      if (upper != G_MAXINT64)
        upper += KEY_SLACK_US;
      sqlite3_bind_int64 (stmt, 2, MIN (cursor_time, upper));
      sqlite3_bind_int64 (stmt, 3, lower);
    }
  else
    {
      stmt = _steady_journal_store_prepare (self, search_filters_sql, error);
      if (stmt == NULL)
        return NULL;
      if (upper < cursor_time)
        {
          cursor_time = upper;
          cursor_id = G_MAXINT64;
        }
      sqlite3_bind_int64 (stmt, 2, cursor_time);
      sqlite3_bind_int64 (stmt, 11, cursor_id);
      sqlite3_bind_int64 (stmt, 3, lower);
    }
  bind_filters (stmt, query, limit);

  context.text_mode = match != NULL;
  context.hits = g_ptr_array_new_with_free_func (g_object_unref);
  entries = _steady_journal_store_read_entries (self, stmt, add_hit, &context, error);
  if (entries == NULL)
    {
      g_ptr_array_unref (context.hits);
      return NULL;
    }
  return context.hits;
}

/**
 * steady_journal_store_check_search_index:
 *
 * Runs FTS5's integrity check, which compares the index with the entries' text.
 *
 * Returns: whether the index agrees; if not, @error is %STEADY_DATABASE_ERROR_CORRUPT
 */
gboolean
steady_journal_store_check_search_index (SteadyJournalStore  *self,
                                         GError             **error)
{
  g_autoptr(SteadyStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (self), FALSE);

  stmt = _steady_journal_store_prepare (self,
    "INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      _steady_journal_store_set_error (self, error, rc, _("journal search"));
      return FALSE;
    }
  return TRUE;
}

/* Maintenance ------------------------------------------------------------------------------ */

/* Long enough for a save on the application's connection to finish first. */
#define TIDY_BUSY_TIMEOUT_MS 10000

static gboolean
exec_or_set_error (sqlite3     *db,
                   const char  *path,
                   const char  *sql,
                   GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    return TRUE;
  steady_database_set_error_from_sqlite (error, db, rc, path);
  return FALSE;
}

/**
 * steady_journal_store_tidy_search_index:
 * @db_path: the database file
 * @out_tidied: (out) (optional): whether there was anything to tidy
 *
 * Words taken out of a check-in by editing it stay in the full-text index until the
 * segments that hold them are merged (deleting merges at once; editing, which is frequent,
 * does not). This merges the whole index if it has more than one segment, then copies the
 * log into the file and empties it, so such words are gone from both. It opens its own
 * connection, so a worker thread can run it while the application goes on; it takes
 * about as long as deleting a check-in on the same journal.
 *
 * Returns: whether it worked
 */
gboolean
steady_journal_store_tidy_search_index (const char  *db_path,
                                        gboolean    *out_tidied,
                                        GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n_segments = 0;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_tidied != NULL)
    *out_tidied = FALSE;
  rc = sqlite3_open_v2 (db_path, &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      steady_database_set_error_from_sqlite (error, db, rc, db_path);
      goto out;
    }
  sqlite3_busy_timeout (db, TIDY_BUSY_TIMEOUT_MS);
  /* Freed pages are zeroed, so the merged-away words leave the file, not only the index. */
  if (!exec_or_set_error (db, db_path, "PRAGMA secure_delete = ON; PRAGMA synchronous = FULL",
                          error))
    goto out;

  /* One row per leaf page, each naming its segment. */
  rc = sqlite3_prepare_v2 (db, "SELECT count (DISTINCT segid) FROM search_fts_idx", -1, &stmt,
                           NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      steady_database_set_error_from_sqlite (error, db, rc, db_path);
      goto out;
    }
  n_segments = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (n_segments > 1)
    {
      if (!exec_or_set_error (db, db_path,
                              "INSERT INTO search_fts (search_fts) VALUES ('optimize')", error))
        goto out;
      if (out_tidied != NULL)
        *out_tidied = TRUE;
    }
  /* If the application is reading just now, the log empties at a later checkpoint. */
  sqlite3_wal_checkpoint_v2 (db, "main", SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return ok;
}
