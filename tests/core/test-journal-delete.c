/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-journal-delete.c: deleting an entry leaves no trace of its words (RELIABILITY 10):
 * after the delete and a checkpoint, a marker from its note, its medication list and its
 * draft is in neither the database file nor its write-ahead log, the full-text index
 * included; and words edited out of an entry are gone once the index is tidied. */

#define G_LOG_DOMAIN "test-journal-delete"

#include "config.h"

#include <string.h>

#include "steady-database.h"
#include "steady-draft-store.h"
#include "steady-journal-store.h"

#define BASE_US G_GINT64_CONSTANT (1640995200000000) /* 2022-01-01 00:00 UTC */
#define HOUR_US (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)

static void
add_entry (SteadyJournalStore *store,
           gint64              time_us,
           const char         *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyMoodEntry) entry = steady_mood_entry_new ();

  steady_mood_entry_set_time (entry, time_us, 0);
  steady_mood_entry_set_mood (entry, 3);
  steady_mood_entry_set_note (entry, note);
  g_assert_true (steady_journal_store_create (store, entry, &error));
  g_assert_no_error (error);
}

static void
checkpoint (SteadyDatabase *database)
{
  int n_log = -1;
  int n_done = -1;

  g_assert_cmpint (sqlite3_wal_checkpoint_v2 (steady_database_get_handle (database), "main",
                                              SQLITE_CHECKPOINT_TRUNCATE, &n_log, &n_done),
                   ==, SQLITE_OK);
  g_assert_cmpint (n_log, ==, n_done);
}

/* Whether @needle is in the file at @path, in any ASCII letter case. A missing file holds
 * nothing. */
static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *lower_needle = g_ascii_strdown (needle, -1);
  gsize length = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  for (gsize i = 0; i < length; i++)
    contents[i] = g_ascii_tolower (contents[i]);
  for (gsize i = 0; i + strlen (lower_needle) <= length; i++)
    if (memcmp (contents + i, lower_needle, strlen (lower_needle)) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
trace_in_files (const char *db_path,
                const char *marker)
{
  g_autofree char *wal_path = g_strconcat (db_path, "-wal", NULL);
  /* The index stores words with their start shared with the word before; the end of the
   * marker is always there in full. */
  const char *tail = marker + strlen (marker) - 12;

  return file_contains (db_path, marker) || file_contains (db_path, tail) ||
         file_contains (wal_path, marker) || file_contains (wal_path, tail);
}

static void
test_no_trace (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_database_get_default_path ();
  g_autoptr(SteadyDatabase) database = steady_database_open (path, &error);
  g_autoptr(SteadyJournalStore) store = NULL;
  g_autoptr(SteadyDraftStore) drafts = NULL;
  g_autoptr(SteadyMoodEntry) entry = steady_mood_entry_new ();
  g_autoptr(SteadyMoodEntry) deleted = NULL;
  g_autofree char *marker = NULL;
  g_autofree char *medication_marker = NULL;
  g_autofree char *draft_marker = NULL;
  g_autofree char *note = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  const char *medications[2] = { NULL, NULL };
  SteadyJournalQuery query;

  g_assert_no_error (error);
  store = steady_journal_store_new (database);
  drafts = steady_draft_store_new (database);

  marker = g_strdup_printf ("Secret%08xMarker%08x", g_test_rand_int (), g_test_rand_int ());
  medication_marker = g_strdup_printf ("Pill%08xMarker%08x", g_test_rand_int (), g_test_rand_int ());
  draft_marker = g_strdup_printf ("Draft%08xMarker%08x", g_test_rand_int (), g_test_rand_int ());

  /* Entries before and after, each in its own transaction, so the index has several
   * segments and the marker sits in the middle of them. */
  for (guint i = 0; i < 40; i++)
    add_entry (store, BASE_US + i * HOUR_US, "an ordinary day with ordinary words in it");

  note = g_strdup_printf ("Something only I know: %s. Nobody else should read this.", marker);
  steady_mood_entry_set_time (entry, BASE_US + 40 * HOUR_US, 0);
  steady_mood_entry_set_mood (entry, 1);
  steady_mood_entry_set_note (entry, note);
  medications[0] = medication_marker;
  steady_mood_entry_set_medications (entry, medications);
  g_assert_true (steady_journal_store_create (store, entry, &error));
  g_assert_no_error (error);
  draft = g_strdup_printf ("{\"note\": \"%s\"}", draft_marker);
  g_assert_true (steady_draft_store_save (drafts, STEADY_MOOD_ENTRY_DRAFT_KIND,
                                          steady_mood_entry_get_uuid (entry), draft, &error));
  g_assert_no_error (error);

  for (guint i = 41; i < 80; i++)
    add_entry (store, BASE_US + i * HOUR_US, "another ordinary day, nothing to hide");

  /* Control: the test can see the words while they are there. */
  checkpoint (database);
  g_assert_true (file_contains (path, marker));
  g_assert_true (file_contains (path, medication_marker));
  g_assert_true (file_contains (path, draft_marker));

  /* Written again into the log after the checkpoint, so the log holds them too. */
  steady_mood_entry_set_mood (entry, 2);
  g_assert_true (steady_journal_store_update (store, entry, &error));
  g_assert_no_error (error);
  g_assert_true (steady_draft_store_save (drafts, STEADY_MOOD_ENTRY_DRAFT_KIND,
                                          steady_mood_entry_get_uuid (entry), draft, &error));
  g_assert_no_error (error);
  g_assert_true (file_contains (wal_path, medication_marker));

  deleted = steady_journal_store_delete (store, steady_mood_entry_get_uuid (entry), &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
  checkpoint (database);

  g_assert_false (trace_in_files (path, marker));
  g_assert_false (trace_in_files (path, medication_marker));
  g_assert_false (trace_in_files (path, draft_marker));

  /* Everything else is intact and still found. */
  g_assert_true (steady_journal_store_check_search_index (store, &error));
  g_assert_no_error (error);
  steady_journal_query_init (&query);
  query.text = "ordinary";
  {
    g_autoptr(GPtrArray) hits = steady_journal_store_search (store, &query, NULL, 200, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 79);
  }
  query.text = marker;
  {
    g_autoptr(GPtrArray) hits = steady_journal_store_search (store, &query, NULL, 200, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 0);
  }

  /* Undo brings the words back, as the user asked. */
  g_assert_true (steady_journal_store_restore (store, deleted, &error));
  g_assert_no_error (error);
  checkpoint (database);
  g_assert_true (file_contains (path, marker));
}

/* Words edited out of a check-in stay in the index's older segments until they are
 * merged; tidying the index, as the daily backup does, takes them out of the file. */
static void
test_edited_words (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_database_get_default_path ();
  g_autoptr(SteadyDatabase) database = steady_database_open (path, &error);
  g_autoptr(SteadyJournalStore) store = NULL;
  g_autoptr(SteadyMoodEntry) entry = steady_mood_entry_new ();
  g_autofree char *marker = NULL;
  g_autofree char *note = NULL;
  gboolean tidied = FALSE;
  SteadyJournalQuery query;

  g_assert_no_error (error);
  store = steady_journal_store_new (database);
  marker = g_strdup_printf ("Edited%08xMarker%08x", g_test_rand_int (), g_test_rand_int ());
  for (guint i = 0; i < 40; i++)
    add_entry (store, BASE_US + i * HOUR_US, "an ordinary day with ordinary words in it");
  note = g_strdup_printf ("I first wrote %s here, then thought better of it.", marker);
  steady_mood_entry_set_time (entry, BASE_US + 40 * HOUR_US, 0);
  steady_mood_entry_set_mood (entry, 2);
  steady_mood_entry_set_note (entry, note);
  g_assert_true (steady_journal_store_create (store, entry, &error));
  g_assert_no_error (error);
  for (guint i = 41; i < 60; i++)
    add_entry (store, BASE_US + i * HOUR_US, "another ordinary day, nothing to hide");

  /* Edited away: the entry no longer has the word, and search no longer finds it. */
  steady_mood_entry_set_note (entry, "I thought better of it.");
  g_assert_true (steady_journal_store_update (store, entry, &error));
  g_assert_no_error (error);
  steady_journal_query_init (&query);
  query.text = marker;
  {
    g_autoptr(GPtrArray) hits = steady_journal_store_search (store, &query, NULL, 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 0);
  }
  /* Control: yet the index still holds it, which is what tidying is for. */
  checkpoint (database);
  g_assert_true (trace_in_files (path, marker));

  g_assert_true (steady_journal_store_tidy_search_index (path, &tidied, &error));
  g_assert_no_error (error);
  g_assert_true (tidied);
  checkpoint (database);
  g_assert_false (trace_in_files (path, marker));

  /* The rest is intact, and a tidy index needs no second pass. */
  g_assert_true (steady_journal_store_check_search_index (store, &error));
  g_assert_no_error (error);
  query.text = "ordinary";
  {
    g_autoptr(GPtrArray) hits = steady_journal_store_search (store, &query, NULL, 200, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 59);
  }
  query.text = "better";
  {
    g_autoptr(GPtrArray) hits = steady_journal_store_search (store, &query, NULL, 200, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
  }
  g_assert_true (steady_journal_store_tidy_search_index (path, &tidied, &error));
  g_assert_no_error (error);
  g_assert_false (tidied);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/journal/delete/no-trace", test_no_trace);
  g_test_add_func ("/journal/delete/edited-words", test_edited_words);

  return g_test_run ();
}
