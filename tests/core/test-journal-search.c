/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-journal-search.c: full-text search with filters against a LIKE oracle on generated
 * entries, before and after updates, deletes and tag renames; safe quoting of any input;
 * snippets, match ranges and markup. */

#define G_LOG_DOMAIN "test-journal-search"

#include "config.h"

#include <pango/pango.h>
#include <string.h>

#include "steady-database.h"
#include "steady-journal-store.h"

#define FEAR_UUID "a5b938cc-59cf-4b30-a215-118d317768c2"
#define HOPE_UUID "dbbe7dcc-a014-430b-9fd6-bd58486d05ac"
#define JOY_UUID  "bf364054-871f-4901-98b8-a388497fe25d"
#define WORK_UUID "eb772a1b-061a-4022-b8f7-5a7976cfe501"

#define BASE_US   G_GINT64_CONSTANT (1640995200000000) /* 2022-01-01 00:00 UTC */
#define HOUR_US   (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)
#define N_ENTRIES 200

/* Words share prefixes on purpose; "and", "not", "or" and "near" are FTS5 operators when
 * not quoted. Notes are these words, separated by single spaces, so a LIKE on ' word'
 * finds exactly the word starts FTS5 finds. */
static const char *words[] = {
  "walk", "walking", "walked", "wall", "work", "worker", "worry", "worried", "sleep",
  "sleepy", "slept", "sister", "sun", "sunny", "group", "grown", "panic", "pan", "park",
  "party", "calm", "call", "called", "hope", "hopeful", "tired", "tire", "and", "not", "or",
  "near", "therapy", "therapist", "dog", "dogs", "rain", "rainy", "cook", "cooked", "read",
  "ready", "music", "muse", "class", "clash", "phone", "photo", "night", "nightmare", "Walk",
  "Panic", "GROUP",
};

static const char *queries[] = {
  "walk", "wal", "w", "work", "wor", "s", "sl", "pan", "panic", "park", "and", "not", "or",
  "near", "Walk", "GROUP", "group", "walk park", "gro hope", "gym", "garden wal", "ga",
  "fitness", "zzz", "night mare", "nightmare", "therapist", "the", "walk OR park",
  "NOT panic", "AND",
  /* Two letters are answered from the word list (see expand_short_prefix ()). */
  "wa", "Wa", "ph", "ca walk", "ca sl", "zz", "ne", "ra co", "WO",
};

typedef struct
{
  SteadyJournalStore *store;
  GPtrArray          *tag_uuids; /* the tags entries may get */
  GPtrArray          *uuids;     /* entries alive */
} Fixture;

static sqlite3 *
handle (Fixture *fixture)
{
  return steady_database_get_handle (steady_journal_store_get_database (fixture->store));
}

static char *
random_note (void)
{
  g_autoptr(GString) note = g_string_new (NULL);
  int n_words = g_test_rand_int_range (0, 30);

  for (int i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (note, ' ');
      g_string_append (note, words[g_test_rand_int_range (0, G_N_ELEMENTS (words))]);
    }
  return g_string_free (g_steal_pointer (&note), FALSE);
}

static void
randomize_entry (Fixture         *fixture,
                 SteadyMoodEntry *entry,
                 gint64           previous_time)
{
  static const int offsets[] = { -5 * 3600, 0, 3600, 9 * 3600 + 1800, -10 * 3600 };
  static const char *emotions[] = { FEAR_UUID, HOPE_UUID, JOY_UUID };
  g_autofree char *note = random_note ();
  gint64 time_us;

  /* One entry in ten shares the instant of the one before. */
  if (previous_time != 0 && g_test_rand_int_range (0, 10) == 0)
    time_us = previous_time;
  else
    time_us = BASE_US + (gint64)g_test_rand_int_range (0, 2 * 365 * 24) * HOUR_US;
  steady_mood_entry_set_time (entry, time_us, offsets[g_test_rand_int_range (0, G_N_ELEMENTS (offsets))]);
  steady_mood_entry_set_mood (entry, g_test_rand_int_range (1, 6));
  steady_mood_entry_set_note (entry, note);

  while (steady_mood_entry_get_emotions (entry)->len > 0)
    steady_mood_entry_remove_emotion (entry, ((SteadyMoodEmotion *)g_ptr_array_index (steady_mood_entry_get_emotions (entry), 0))->uuid);
  for (guint i = 0; i < G_N_ELEMENTS (emotions); i++)
    if (g_test_rand_int_range (0, 3) == 0)
      steady_mood_entry_set_emotion (entry, emotions[i], NULL, g_test_rand_int_range (0, 101));

  while (steady_mood_entry_get_tags (entry)->len > 0)
    steady_mood_entry_remove_tag (entry, ((SteadyMoodTag *)g_ptr_array_index (steady_mood_entry_get_tags (entry), 0))->uuid);
  for (guint i = 0; i < fixture->tag_uuids->len; i++)
    if (g_test_rand_int_range (0, 4) == 0)
      steady_mood_entry_add_tag (entry, g_ptr_array_index (fixture->tag_uuids, i), NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_database_get_default_path ();
  g_autoptr(SteadyDatabase) database = steady_database_open (path, &error);
  static const char *own_tags[] = { "garden", "gym", "games" };
  gint64 previous_time = 0;

  g_assert_no_error (error);
  fixture->store = steady_journal_store_new (database);
  fixture->tag_uuids = g_ptr_array_new_with_free_func (g_free);
  fixture->uuids = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (fixture->tag_uuids, g_strdup (WORK_UUID));
  for (guint i = 0; i < G_N_ELEMENTS (own_tags); i++)
    {
      g_autoptr(SteadyJournalTerm) tag =
        steady_journal_store_add_term (fixture->store, STEADY_JOURNAL_TERM_TAG, own_tags[i], &error);

      g_assert_no_error (error);
      g_ptr_array_add (fixture->tag_uuids, g_strdup (steady_journal_term_get_uuid (tag)));
    }

  /* Durability is not what this test is about: skip the fsync of each of the creates. */
  g_assert_true (steady_database_exec (database, "PRAGMA synchronous = OFF", &error));
  for (guint i = 0; i < N_ENTRIES; i++)
    {
      g_autoptr(SteadyMoodEntry) entry = steady_mood_entry_new ();

      randomize_entry (fixture, entry, previous_time);
      previous_time = steady_mood_entry_get_time (entry);
      g_assert_true (steady_journal_store_create (fixture->store, entry, &error));
      g_assert_no_error (error);
      g_ptr_array_add (fixture->uuids, g_strdup (steady_mood_entry_get_uuid (entry)));
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->tag_uuids, g_ptr_array_unref);
  g_clear_pointer (&fixture->uuids, g_ptr_array_unref);
}

/* The oracle: the same question asked of the tables with LIKE. Every word must start a word
 * of the note or of a tag name. */
static GHashTable *
oracle (Fixture                  *fixture,
        const SteadyJournalQuery *query)
{
  g_autoptr(GString) sql = g_string_new (
    "SELECT e.uuid FROM mood_entry AS e"
    " WHERE e.local_day BETWEEN ?1 AND ?2 AND e.mood BETWEEN ?3 AND ?4"
    "   AND (?5 IS NULL OR EXISTS (SELECT 1 FROM mood_entry_emotion AS ee"
    "          JOIN emotion AS em ON em.id = ee.emotion_id"
    "         WHERE ee.entry_id = e.id AND em.uuid = ?5))"
    "   AND (?6 IS NULL OR EXISTS (SELECT 1 FROM mood_entry_tag AS et"
    "          JOIN tag AS t ON t.id = et.tag_id WHERE et.entry_id = e.id AND t.uuid = ?6))");
  g_auto(GStrv) parts = g_strsplit (query->text != NULL ? query->text : "", " ", -1);
  GHashTable *uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  int n_params = 6;

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      {
        n_params++;
        g_string_append_printf (sql,
          " AND ((' ' || e.note) LIKE ?%d OR EXISTS (SELECT 1 FROM mood_entry_tag AS et"
          "        JOIN tag AS t ON t.id = et.tag_id"
          "       WHERE et.entry_id = e.id AND (' ' || t.name) LIKE ?%d))",
          n_params, n_params);
      }

  g_assert_cmpint (sqlite3_prepare_v2 (handle (fixture), sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, query->first_day);
  sqlite3_bind_int (stmt, 2, query->last_day);
  sqlite3_bind_int (stmt, 3, query->min_mood);
  sqlite3_bind_int (stmt, 4, query->max_mood);
  sqlite3_bind_text (stmt, 5, query->emotion_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, query->tag_uuid, -1, SQLITE_STATIC);
  n_params = 6;
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      sqlite3_bind_text (stmt, ++n_params, g_strdup_printf ("%% %s%%", parts[i]), -1, g_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (uuids, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return uuids;
}

static GPtrArray *
search_all (Fixture                  *fixture,
            const SteadyJournalQuery *query,
            guint                     page_size)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SteadyJournalSearchHit) after = NULL;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) page = steady_journal_store_search (fixture->store, query, after,
                                                               page_size, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, <=, page_size);
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (page, i)));
      if (page->len < page_size)
        break;
      g_set_object (&after, g_ptr_array_index (page, page->len - 1));
    }
  return all;
}

/* Each highlighted range is a word that starts with one of the query's words. */
static void
assert_ranges_match (SteadyJournalSearchHit *hit,
                     const char             *text)
{
  const char *snippet = steady_journal_search_hit_get_snippet (hit);
  const GArray *ranges = steady_journal_search_hit_get_match_ranges (hit);
  g_auto(GStrv) parts = g_strsplit (text, " ", -1);

  for (guint i = 0; i < ranges->len; i++)
    {
      const SteadyTextRange *range = &g_array_index (ranges, SteadyTextRange, i);
      g_autofree char *matched = g_ascii_strdown (snippet + range->start, range->end - range->start);
      gboolean found = FALSE;

      for (guint j = 0; parts[j] != NULL && !found; j++)
        {
          g_autofree char *word = g_ascii_strdown (parts[j], -1);

          found = word[0] != '\0' && g_str_has_prefix (matched, word);
        }
      if (!found)
        g_error ("“%s” is highlighted for “%s”", matched, text);
    }
}

static void
compare_with_oracle (Fixture                  *fixture,
                     const SteadyJournalQuery *query)
{
  g_autoptr(GHashTable) expected = oracle (fixture, query);
  g_autoptr(GPtrArray) hits = search_all (fixture, query, 25);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 previous_time = G_MAXINT64;

  for (guint i = 0; i < hits->len; i++)
    {
      SteadyJournalSearchHit *hit = g_ptr_array_index (hits, i);
      SteadyMoodEntry *entry = steady_journal_search_hit_get_entry (hit);
      const char *uuid = steady_mood_entry_get_uuid (entry);

      if (!g_hash_table_contains (expected, uuid))
        g_error ("“%s”: %s found, but the oracle does not have it",
                 query->text != NULL ? query->text : "(filters)", uuid);
      g_assert_false (g_hash_table_contains (seen, uuid));
      g_hash_table_add (seen, (gpointer)uuid);
      /* Newest first. */
      g_assert_cmpint (steady_mood_entry_get_time (entry), <=, previous_time);
      previous_time = steady_mood_entry_get_time (entry);
      if (query->text != NULL)
        assert_ranges_match (hit, query->text);
    }
  if (g_hash_table_size (seen) != g_hash_table_size (expected))
    g_error ("“%s” (days %d–%d, moods %d–%d, emotion %s, tag %s): %u found, %u expected",
             query->text != NULL ? query->text : "(filters)", query->first_day, query->last_day,
             query->min_mood, query->max_mood, query->emotion_uuid, query->tag_uuid,
             g_hash_table_size (seen), g_hash_table_size (expected));
}

static void
compare_all_queries (Fixture *fixture)
{
  int base_day = steady_journal_day_from_time (BASE_US, 0);
  guint n_nonempty = 0;

  for (guint i = 0; i <= G_N_ELEMENTS (queries); i++)
    {
      /* Words alone; with an emotion; with dates, moods and a tag together. */
      for (guint filters = 0; filters < 3; filters++)
        {
          SteadyJournalQuery query;

          steady_journal_query_init (&query);
          query.text = i < G_N_ELEMENTS (queries) ? queries[i] : NULL;
          if (filters == 1)
            query.emotion_uuid = FEAR_UUID;
          if (filters == 2)
            {
              query.first_day = base_day + g_test_rand_int_range (0, 600);
              query.last_day = query.first_day + 120;
              query.min_mood = 2;
              query.max_mood = 4;
              query.tag_uuid = g_ptr_array_index (fixture->tag_uuids, 2);
            }
          compare_with_oracle (fixture, &query);
          if (filters == 0)
            {
              g_autoptr(GHashTable) expected = oracle (fixture, &query);

              n_nonempty += g_hash_table_size (expected) > 0;
            }
        }
    }
  /* The oracle is only worth something if most questions have answers. */
  g_assert_cmpuint (n_nonempty, >, G_N_ELEMENTS (queries) * 3 / 4);
}

static void
assert_index_agrees (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (steady_journal_store_check_search_index (fixture->store, &error));
  g_assert_no_error (error);
}

static void
test_oracle (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  assert_index_agrees (fixture);
  compare_all_queries (fixture);

  /* Edit a sixth of the entries: new text, time, emotions and tags. */
  for (guint i = 0; i < N_ENTRIES / 6; i++)
    {
      const char *uuid = g_ptr_array_index (fixture->uuids, g_test_rand_int_range (0, fixture->uuids->len));
      g_autoptr(SteadyMoodEntry) entry = steady_journal_store_get (fixture->store, uuid, &error);

      g_assert_no_error (error);
      randomize_entry (fixture, entry, 0);
      g_assert_true (steady_journal_store_update (fixture->store, entry, &error));
      g_assert_no_error (error);
    }
  assert_index_agrees (fixture);
  compare_all_queries (fixture);

  /* Delete a tenth. */
  for (guint i = 0; i < N_ENTRIES / 10; i++)
    {
      guint index = g_test_rand_int_range (0, fixture->uuids->len);
      g_autoptr(SteadyMoodEntry) deleted =
        steady_journal_store_delete (fixture->store, g_ptr_array_index (fixture->uuids, index), &error);

      g_assert_no_error (error);
      g_assert_nonnull (deleted);
      g_ptr_array_remove_index_fast (fixture->uuids, index);
    }
  assert_index_agrees (fixture);
  compare_all_queries (fixture);

  /* Rename one tag, merge two others. */
  g_assert_true (steady_journal_store_rename_term (fixture->store, STEADY_JOURNAL_TERM_TAG,
                                                   g_ptr_array_index (fixture->tag_uuids, 2),
                                                   "fitness", &error));
  g_assert_no_error (error);
  g_assert_true (steady_journal_store_merge_terms (fixture->store, STEADY_JOURNAL_TERM_TAG,
                                                   g_ptr_array_index (fixture->tag_uuids, 1),
                                                   g_ptr_array_index (fixture->tag_uuids, 3), &error));
  g_assert_no_error (error);
  g_ptr_array_remove_index (fixture->tag_uuids, 1);
  assert_index_agrees (fixture);
  compare_all_queries (fixture);
}

static void
test_build_match (void)
{
  static const struct
  {
    const char *text;
    const char *match;
  } cases[] = {
    { NULL, NULL },
    { "", NULL },
    { " \t\n ", NULL },
    { "walk", "\"walk\"*" },
    { "  walk  park ", "\"walk\"* \"park\"*" },
    { "say \"hi\"", "\"say\"* \"\"\"hi\"\"\"*" },
    { "a\001b\002", "\"ab\"*" },
    { "NEAR(a b)", "\"NEAR(a\"* \"b)\"*" },
    { "body:walk", "\"body:walk\"*" },
    { "-", "\"-\"*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *match = steady_journal_search_build_match (cases[i].text);

      g_assert_cmpstr (match, ==, cases[i].match);
    }
}

static char *
expand_for_test (const char *prefix,
                 gpointer    user_data)
{
  GPtrArray *asked = user_data;

  g_ptr_array_add (asked, g_strdup (prefix));
  return g_str_equal (prefix, "zz") ? NULL : g_strdup_printf ("(%s)", prefix);
}

/* Only words of two ASCII letters or digits are offered for expansion, in lower case; the
 * expansions join the other words with AND, and empty phrases are dropped beside them. */
static void
test_build_match_short (void)
{
  static const struct
  {
    const char *text;
    const char *match;
    const char *asked;
  } cases[] = {
    { "St", "(st)", "st" },
    { "walk st", "\"walk\"* AND (st)", "st" },
    { "st walk 42", "\"walk\"* AND (st) AND (42)", "st,42" },
    { "st -", "(st)", "st" },
    { "zz walk", "\"zz\"* \"walk\"*", "zz" },
    { "s", "\"s\"*", "" },
    { "str", "\"str\"*", "" },
    { "é1 a-", "\"é1\"* \"a-\"*", "" },
    { "\"a", "\"\"\"a\"*", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) asked = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *match = NULL;
      g_autofree char *joined = NULL;

      match = steady_journal_search_build_match_full (cases[i].text, expand_for_test, asked);
      g_ptr_array_add (asked, NULL);
      joined = g_strjoinv (",", (char **)asked->pdata);
      g_assert_cmpstr (match, ==, cases[i].match);
      g_assert_cmpstr (joined, ==, cases[i].asked);
    }
}

static SteadyJournalStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_database_get_default_path ();
  g_autoptr(SteadyDatabase) database = steady_database_open (path, &error);

  g_assert_no_error (error);
  return steady_journal_store_new (database);
}

static SteadyMoodEntry *
add_note (SteadyJournalStore *store,
          gint64              time_us,
          const char         *note)
{
  g_autoptr(GError) error = NULL;
  SteadyMoodEntry *entry = steady_mood_entry_new ();

  steady_mood_entry_set_time (entry, time_us, 0);
  steady_mood_entry_set_mood (entry, 3);
  steady_mood_entry_set_note (entry, note);
  g_assert_true (steady_journal_store_create (store, entry, &error));
  g_assert_no_error (error);
  return entry;
}

static GPtrArray *
search_text (SteadyJournalStore *store,
             const char         *text)
{
  g_autoptr(GError) error = NULL;
  SteadyJournalQuery query;
  GPtrArray *hits;

  steady_journal_query_init (&query);
  query.text = text;
  hits = steady_journal_store_search (store, &query, NULL, 100, &error);
  g_assert_no_error (error);
  return hits;
}

static void
test_hostile_input (void)
{
  g_autoptr(SteadyJournalStore) store = open_store ();
  g_autoptr(SteadyMoodEntry) a = add_note (store, BASE_US, "walk and talk, then NOT much");
  g_autoptr(SteadyMoodEntry) b = add_note (store, BASE_US + HOUR_US, "park near the river");
  g_autoptr(GString) long_text = g_string_new (NULL);
  const char *hostile[] = {
    "\"", "\"\"", "*", "**", "AND", "OR", "NOT", "-", "+", "(", ")", ":", "^", "NEAR(", "NEAR",
    "body:", "tags:walk", "{body tags}:walk", "walk\"", "\"walk", "'", "\\", "%", "_", "\001",
    "🙂", "a AND", "OR b", "NOT NOT", "\"a\" OR \"b\"", "*walk", "walk*", "w*a*l*k",
  };

  while (long_text->len < 10000)
    g_string_append (long_text, "walk \" * AND ( ");
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    g_ptr_array_unref (search_text (store, hostile[i]));
  g_ptr_array_unref (search_text (store, long_text->str));

  /* Operators typed by the user are words. */
  {
    g_autoptr(GPtrArray) hits = search_text (store, "NOT");
    g_autoptr(GPtrArray) and_hits = search_text (store, "and talk");
    g_autoptr(GPtrArray) near_hits = search_text (store, "near");

    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpuint (and_hits->len, ==, 1);
    g_assert_cmpuint (near_hits->len, ==, 1);
    g_assert_cmpstr (steady_mood_entry_get_uuid (steady_journal_search_hit_get_entry (g_ptr_array_index (near_hits, 0))),
                     ==, steady_mood_entry_get_uuid (b));
  }
  /* Punctuation around a word does not change what is found. */
  {
    const char *same[] = { "\"walk\"", "walk*", "-walk", "(walk)", "walk," };

    for (guint i = 0; i < G_N_ELEMENTS (same); i++)
      {
        g_autoptr(GPtrArray) hits = search_text (store, same[i]);

        g_assert_cmpuint (hits->len, ==, 1);
        g_assert_cmpstr (steady_mood_entry_get_uuid (steady_journal_search_hit_get_entry (g_ptr_array_index (hits, 0))),
                         ==, steady_mood_entry_get_uuid (a));
      }
  }
}

static void
test_snippets (void)
{
  g_autoptr(SteadyJournalStore) store = open_store ();
  g_autoptr(SteadyMoodEntry) entry =
    add_note (store, BASE_US, "Tom & Jerry <i>walked</i> \"fast\" to the park; walking is good.");
  g_autoptr(SteadyMoodEntry) cafe = add_note (store, BASE_US + HOUR_US, "Café con leche");
  g_autoptr(GPtrArray) hits = search_text (store, "walk");
  g_autoptr(GError) error = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *parsed = NULL;
  SteadyJournalSearchHit *hit;
  const GArray *ranges;
  const char *snippet;

  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  snippet = steady_journal_search_hit_get_snippet (hit);
  ranges = steady_journal_search_hit_get_match_ranges (hit);
  g_assert_cmpstr (snippet, ==, steady_mood_entry_get_note (entry));
  g_assert_cmpuint (ranges->len, ==, 2);
  g_assert_cmpint (strncmp (snippet + g_array_index (ranges, SteadyTextRange, 0).start, "walked", 6), ==, 0);
  g_assert_cmpuint (g_array_index (ranges, SteadyTextRange, 0).end -
                    g_array_index (ranges, SteadyTextRange, 0).start, ==, 6);
  g_assert_cmpint (strncmp (snippet + g_array_index (ranges, SteadyTextRange, 1).start, "walking", 7), ==, 0);

  /* The user's text is escaped; only the matches are markup. */
  markup = steady_journal_search_hit_dup_snippet_markup (hit);
  g_assert_cmpstr (markup, ==,
                   "Tom &amp; Jerry &lt;i&gt;<b>walked</b>&lt;/i&gt; &quot;fast&quot; to the park; "
                   "<b>walking</b> is good.");
  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, &parsed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (parsed, ==, snippet);

  /* Accents do not have to be typed. */
  g_ptr_array_unref (hits);
  hits = search_text (store, "cafe");
  g_assert_cmpuint (hits->len, ==, 1);
  g_ptr_array_unref (hits);
  hits = search_text (store, "CAFÉ");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (steady_mood_entry_get_uuid (steady_journal_search_hit_get_entry (g_ptr_array_index (hits, 0))),
                   ==, steady_mood_entry_get_uuid (cafe));

  /* Filters alone: the snippet is the start of the note, cut at a word. */
  {
    g_autoptr(GString) long_note = g_string_new (NULL);
    g_autoptr(SteadyMoodEntry) long_entry = NULL;
    g_autoptr(GPtrArray) newest = NULL;
    SteadyJournalQuery query;
    const char *start;

    while (long_note->len < 1000)
      g_string_append (long_note, "several words in a row ");
    long_entry = add_note (store, BASE_US + 2 * HOUR_US, long_note->str);
    steady_journal_query_init (&query);
    newest = steady_journal_store_search (store, &query, NULL, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (newest->len, ==, 1);
    start = steady_journal_search_hit_get_snippet (g_ptr_array_index (newest, 0));
    g_assert_true (g_str_has_suffix (start, "…"));
    g_assert_true (strncmp (long_note->str, start, 20) == 0);
    g_assert_cmpuint (g_utf8_strlen (start, -1), <=, 161);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/journal/search/build-match", test_build_match);
  g_test_add_func ("/journal/search/build-match-short", test_build_match_short);
  g_test_add_func ("/journal/search/hostile-input", test_hostile_input);
  g_test_add_func ("/journal/search/snippets", test_snippets);
  g_test_add ("/journal/search/oracle", Fixture, NULL, fixture_set_up, test_oracle,
              fixture_tear_down);

  return g_test_run ();
}
