/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-journal-store.c: the mood journal's schema (version 2), text and date rules, entry
 * create/update/delete/undo, paging, summaries, and the vocabulary of emotions and tags. */

#define G_LOG_DOMAIN "test-journal-store"

#include "config.h"

#include <math.h>
#include <string.h>

#include "steady-database.h"
#include "steady-draft-store.h"
#include "steady-journal-store.h"
#include "steady-schema.h"

#define JOY_UUID     "bf364054-871f-4901-98b8-a388497fe25d"
#define CALM_UUID    "6b2a2845-dd38-4568-be96-68d57b53fa4a"
#define HOPE_UUID    "dbbe7dcc-a014-430b-9fd6-bd58486d05ac"
#define FEAR_UUID    "a5b938cc-59cf-4b30-a215-118d317768c2"
#define WORK_UUID    "eb772a1b-061a-4022-b8f7-5a7976cfe501"
#define GROUP_UUID   "10960938-be61-43a8-9102-18270354e200"
#define OUTSIDE_UUID "16410a27-1db4-4881-ab83-f4ed73d4c00c"

/* 2024-03-10 12:00 UTC, a fixed instant in the past for entries. */
#define NOON_UTC G_GINT64_CONSTANT (1710072000000000)
#define HOUR_US  (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)
#define DAY_US   (24 * HOUR_US)

static SteadyDatabase *
open_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_database_get_default_path ();
  SteadyDatabase *database = steady_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (steady_database_get_schema_version (database), ==, steady_schema_get_version ());
  return database;
}

static SteadyJournalStore *
open_store (void)
{
  g_autoptr(SteadyDatabase) database = open_database ();

  return steady_journal_store_new (database);
}

static sqlite3 *
handle (SteadyJournalStore *store)
{
  return steady_database_get_handle (steady_journal_store_get_database (store));
}

static gint64
query_int (SteadyJournalStore *store,
           const char         *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (handle (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static guint
count_entries (SteadyJournalStore *store)
{
  g_autoptr(GError) error = NULL;
  guint count = G_MAXUINT;

  g_assert_true (steady_journal_store_count (store, &count, &error));
  g_assert_no_error (error);
  return count;
}

static void
assert_index_agrees (SteadyJournalStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (steady_journal_store_check_search_index (store, &error));
  g_assert_no_error (error);
}

static SteadyMoodEntry *
make_entry (gint64      time_us,
            int         utc_offset_s,
            int         mood,
            const char *note)
{
  SteadyMoodEntry *entry = steady_mood_entry_new ();

  steady_mood_entry_set_time (entry, time_us, utc_offset_s);
  steady_mood_entry_set_mood (entry, mood);
  steady_mood_entry_set_note (entry, note);
  return entry;
}

static void
create_ok (SteadyJournalStore *store,
           SteadyMoodEntry    *entry)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (steady_journal_store_create (store, entry, &error));
  g_assert_no_error (error);
}

static guint
search_count (SteadyJournalStore *store,
              const char         *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  SteadyJournalQuery query;

  steady_journal_query_init (&query);
  query.text = text;
  hits = steady_journal_store_search (store, &query, NULL, 1000, &error);
  g_assert_no_error (error);
  return hits->len;
}

/* Runs @sql and expects SQLite to refuse it with a constraint error. */
static void
assert_refused (SteadyJournalStore *store,
                const char         *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (handle (store), sql, NULL, NULL, &message);

  if ((rc & 0xff) != SQLITE_CONSTRAINT)
    g_error ("expected a constraint error from “%s”, got %d (%s)", sql, rc,
             message != NULL ? message : "no message");
  sqlite3_free (message);
}

static void
test_schema (void)
{
  g_autoptr(SteadyJournalStore) store = open_store ();
  const char *good = "INSERT INTO mood_entry (uuid, created_us, updated_us, at_us, utc_offset_s,"
                     " mood, note) VALUES ('00000000-0000-4000-8000-000000000001', 1, 1,"
                     " 1710072000000000, 0, 3, 'ok')";

  /* The built-in vocabulary, with the UUIDs every installation shares. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM emotion WHERE builtin IS NOT NULL"), ==, 8);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM tag WHERE builtin IS NOT NULL"), ==, 5);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM emotion WHERE uuid = '" JOY_UUID "'"
                                     " AND builtin = 'joy'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM tag WHERE uuid = '" GROUP_UUID "'"
                                     " AND builtin = 'group'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT min(created_us) FROM tag"), >, 0);

  /* Every range is enforced by the file itself, whoever writes to it. */
  g_assert_cmpint (sqlite3_exec (handle (store), good, NULL, NULL, NULL), ==, SQLITE_OK);
  assert_refused (store, "UPDATE mood_entry SET mood = 0");
  assert_refused (store, "UPDATE mood_entry SET mood = 6");
  assert_refused (store, "UPDATE mood_entry SET anxiety = 11");
  assert_refused (store, "UPDATE mood_entry SET anxiety = -1");
  assert_refused (store, "UPDATE mood_entry SET energy = 11");
  assert_refused (store, "UPDATE mood_entry SET sleep_hours = 24.5");
  assert_refused (store, "UPDATE mood_entry SET sleep_hours = -0.5");
  assert_refused (store, "UPDATE mood_entry SET medication = 'maybe'");
  assert_refused (store, "UPDATE mood_entry SET medications = '{\"a\": 1}'");
  assert_refused (store, "UPDATE mood_entry SET medications = 'not json'");
  assert_refused (store, "UPDATE mood_entry SET private = 2");
  assert_refused (store, "UPDATE mood_entry SET utc_offset_s = 19 * 3600");
  assert_refused (store, "UPDATE mood_entry SET at_us = 32503680000000000");
  assert_refused (store, "UPDATE mood_entry SET uuid = 'short'");
  assert_refused (store, "UPDATE mood_entry SET mood = NULL");
  assert_refused (store, "INSERT INTO mood_entry_emotion VALUES (1, 1, 101)");
  assert_refused (store, "INSERT INTO mood_entry_emotion VALUES (1, 1, -1)");
  assert_refused (store, "INSERT INTO mood_entry_emotion VALUES (999, 1, 50)");
  assert_refused (store, "INSERT INTO mood_entry_tag VALUES (1, 999)");
  assert_refused (store, "INSERT INTO tag (uuid, name, created_us, updated_us)"
                         " VALUES ('00000000-0000-4000-8000-000000000002', 'WORK', 1, 1)");
  assert_refused (store, "INSERT INTO draft (kind, key, payload, updated_us)"
                         " VALUES ('x', 'y', '{oops', 1)");

  /* The local day is the user's, kept from the offset: 2024-03-10 12:00 UTC at UTC−14 h
   * was still 9 March there. */
  g_assert_cmpint (query_int (store, "SELECT local_day FROM mood_entry"), ==, 19792);
  g_assert_cmpint (sqlite3_exec (handle (store), "UPDATE mood_entry SET utc_offset_s = -50400",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (store, "SELECT local_day FROM mood_entry"), ==, 19791);

  /* Links go with their entry. */
  g_assert_cmpint (sqlite3_exec (handle (store),
                                 "INSERT INTO mood_entry_emotion VALUES (1, 1, 40);"
                                 "INSERT INTO mood_entry_tag VALUES (1, 1);"
                                 "DELETE FROM mood_entry;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM mood_entry_emotion"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM mood_entry_tag"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM search_doc"), ==, 0);
  assert_index_agrees (store);

  /* Newest-first paging walks an index, never a sort. */
  {
    sqlite3_stmt *stmt = NULL;
    g_autoptr(GString) plan = g_string_new (NULL);

    g_assert_cmpint (sqlite3_prepare_v2 (handle (store),
      "EXPLAIN QUERY PLAN SELECT id FROM mood_entry WHERE (at_us, id) < (1, 2)"
      " ORDER BY at_us DESC, id DESC LIMIT 200", -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_string_append (plan, (const char *)sqlite3_column_text (stmt, 3));
    sqlite3_finalize (stmt);
    g_assert_nonnull (strstr (plan->str, "mood_entry_by_time"));
    g_assert_null (strstr (plan->str, "TEMP B-TREE"));
  }
}

static void
test_migration_from_v1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_database_get_default_path ();
  g_autoptr(GPtrArray) backups = NULL;
  const SteadyMigration *migrations;
  guint n_migrations;

  migrations = steady_schema_get_migrations (&n_migrations);
  g_assert_cmpuint (n_migrations, >=, 2);
  g_assert_cmpint (migrations[1].version, ==, 2);

  {
    g_autoptr(SteadyDatabase) v1 = steady_database_open_with_migrations (path, migrations, 1,
                                                                          &error);

    g_assert_no_error (error);
    g_assert_cmpint (steady_database_get_schema_version (v1), ==, 1);
    g_assert_true (steady_database_exec (v1, "INSERT INTO meta VALUES ('kept', 'yes')", &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(SteadyDatabase) v2 = steady_database_open (path, &error);
    g_autoptr(SteadyJournalStore) store = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (steady_database_get_schema_version (v2), ==, steady_schema_get_version ());
    store = steady_journal_store_new (v2);
    g_assert_cmpint (query_int (store, "SELECT count(*) FROM meta WHERE value = 'yes'"), ==, 1);
    g_assert_cmpint (query_int (store, "SELECT count(*) FROM emotion"), ==, 8);
    assert_index_agrees (store);
  }

  /* The version 1 file was copied aside before it was changed. */
  backups = steady_database_list_backups (path);
  g_assert_cmpuint (backups->len, ==, 1);
  {
    g_autofree char *name = g_path_get_basename (g_ptr_array_index (backups, 0));
    g_autofree char *prefix = g_strdup_printf ("before-v%d-", steady_schema_get_version ());

    g_assert_true (g_str_has_prefix (name, prefix));
  }
}

static void
test_sanitize_text (void)
{
  static const char raw[] = "a\0b\r\nc\rd\te\nf\x01g\x1fh\x7fi\xc2\x85j\xff k";
  g_autofree char *clean = steady_journal_sanitize_text (raw, sizeof raw - 1);
  g_autofree char *decomposed = steady_journal_sanitize_text ("Cafe\xcc\x81", -1);
  g_autofree char *name = steady_journal_sanitize_name ("  after\t\n work \x02  ", -1);
  g_autofree char *blank = steady_journal_sanitize_name (" \n\t ", -1);

  /* NULs and controls go, line ends become \n, tab and newline stay, invalid bytes become
   * U+FFFD. */
  g_assert_cmpstr (clean, ==, "ab\nc\nd\te\nfghij\xef\xbf\xbd k");
  g_assert_true (g_utf8_validate (clean, -1, NULL));
  /* NFC: "e" + combining acute becomes "é". */
  g_assert_cmpstr (decomposed, ==, "Caf\xc3\xa9");
  g_assert_cmpstr (name, ==, "after work");
  g_assert_cmpstr (blank, ==, "");

  /* What went through the clean-up is recognised as clean; anything it would change is not. */
  g_assert_true (steady_journal_text_is_clean (clean));
  g_assert_true (steady_journal_text_is_clean ("tab\tand\nnewline, café, 🙂"));
  g_assert_false (steady_journal_text_is_clean ("bell\a"));
  g_assert_false (steady_journal_text_is_clean ("crlf\r\n"));
  g_assert_false (steady_journal_text_is_clean ("del\x7f"));
  g_assert_false (steady_journal_text_is_clean ("c1\xc2\x85"));
  g_assert_false (steady_journal_text_is_clean ("bad\xff"));
}

static void
test_days_and_dates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  gint64 time_us = 0;
  int offset = 0;
  GDate date;

  g_assert_cmpint (steady_journal_day_from_time (0, 0), ==, 0);
  g_assert_cmpint (steady_journal_day_from_time (-1, 0), ==, -1);
  g_assert_cmpint (steady_journal_day_from_time (NOON_UTC, 0), ==, 19792);
  /* 23:30 in New York on 9 March 2024 is 04:30 UTC on the 10th, but the user's day is the 9th. */
  g_assert_cmpint (steady_journal_day_from_time (NOON_UTC - 7 * HOUR_US - 30 * 60 * G_USEC_PER_SEC,
                                                 -5 * 3600), ==, 19791);

  steady_journal_day_to_date (19792, &date);
  g_assert_cmpint (g_date_get_year (&date), ==, 2024);
  g_assert_cmpint (g_date_get_month (&date), ==, 3);
  g_assert_cmpint (g_date_get_day (&date), ==, 10);
  g_assert_cmpint (steady_journal_day_from_date (&date), ==, 19792);
  g_date_set_dmy (&date, 31, 12, 1969);
  g_assert_cmpint (steady_journal_day_from_date (&date), ==, -1);

  g_assert_nonnull (new_york);
  g_assert_true (steady_journal_time_from_local (2024, 2, 29, 21, 15, new_york, &time_us, &offset,
                                                 &error));
  g_assert_no_error (error);
  g_assert_cmpint (offset, ==, -5 * 3600);
  g_assert_cmpint (steady_journal_day_from_time (time_us, offset), ==, 19782);

  /* The clocks skipped 02:00–03:00 on 10 March 2024: 02:30 becomes 03:00 summer time, the
   * first time after the gap (as sessions do, RELIABILITY 13). */
  g_assert_true (steady_journal_time_from_local (2024, 3, 10, 2, 30, new_york, &time_us, &offset,
                                                 &error));
  g_assert_no_error (error);
  g_assert_cmpint (offset, ==, -4 * 3600);
  g_assert_cmpint (time_us, ==, NOON_UTC - 5 * HOUR_US);

  {
    static const int bad[][5] = {
      { 2025, 2, 29, 12, 0 },  /* not a leap year */
      { 2024, 2, 30, 12, 0 },
      { 2024, 4, 31, 12, 0 },
      { 2024, 13, 1, 12, 0 },
      { 2024, 0, 1, 12, 0 },
      { 2024, 1, 0, 12, 0 },
      { 2024, 1, 1, 24, 0 },
      { 2024, 1, 1, 12, 60 },
      { 2024, 1, 1, -1, 0 },
      { 1899, 12, 31, 12, 0 },
      { 3000, 1, 1, 0, 0 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GError) bad_error = NULL;

        g_assert_false (steady_journal_time_from_local (bad[i][0], bad[i][1], bad[i][2], bad[i][3],
                                                        bad[i][4], new_york, &time_us, &offset,
                                                        &bad_error));
        g_assert_error (bad_error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_DATE);
        g_assert_cmpstr (bad_error->message, !=, "");
      }
  }
}

static void
assert_invalid (SteadyMoodEntry *entry,
                int              code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (steady_mood_entry_validate (entry, &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, code);
  g_assert_cmpuint (strlen (error->message), >, 10);
}

static void
test_validate (void)
{
  g_autoptr(SteadyMoodEntry) entry = make_entry (NOON_UTC, 0, 3, "fine");
  g_autoptr(GError) error = NULL;

  g_assert_true (steady_mood_entry_validate (entry, &error));
  g_assert_no_error (error);

  steady_mood_entry_set_mood (entry, 0);
  assert_invalid (entry, STEADY_JOURNAL_ERROR_INVALID_VALUE);
  steady_mood_entry_set_mood (entry, 6);
  assert_invalid (entry, STEADY_JOURNAL_ERROR_INVALID_VALUE);
  steady_mood_entry_set_mood (entry, 5);

  steady_mood_entry_set_anxiety (entry, 11);
  assert_invalid (entry, STEADY_JOURNAL_ERROR_INVALID_VALUE);
  steady_mood_entry_set_anxiety (entry, -2);
  assert_invalid (entry, STEADY_JOURNAL_ERROR_INVALID_VALUE);
  steady_mood_entry_set_anxiety (entry, 10);

  steady_mood_entry_set_energy (entry, 12);
  assert_invalid (entry, STEADY_JOURNAL_ERROR_INVALID_VALUE);
  steady_mood_entry_set_energy (entry, 0);

  steady_mood_entry_set_sleep_hours (entry, 24.5);
  assert_invalid (entry, STEADY_JOURNAL_ERROR_INVALID_VALUE);
  steady_mood_entry_set_sleep_hours (entry, NAN);
  assert_invalid (entry, STEADY_JOURNAL_ERROR_INVALID_VALUE);
  steady_mood_entry_set_sleep_hours (entry, -3);
  assert_invalid (entry, STEADY_JOURNAL_ERROR_INVALID_VALUE);
  steady_mood_entry_set_sleep_hours (entry, 7.5);

  steady_mood_entry_set_emotion (entry, JOY_UUID, "Joy", 101);
  assert_invalid (entry, STEADY_JOURNAL_ERROR_INVALID_VALUE);
  steady_mood_entry_set_emotion (entry, JOY_UUID, "Joy", 100);

  steady_mood_entry_set_time (entry, NOON_UTC, 19 * 3600);
  assert_invalid (entry, STEADY_JOURNAL_ERROR_INVALID_DATE);
  steady_mood_entry_set_time (entry, STEADY_JOURNAL_MIN_TIME - 1, 0);
  assert_invalid (entry, STEADY_JOURNAL_ERROR_INVALID_DATE);
  steady_mood_entry_set_time (entry, g_get_real_time () + 2 * DAY_US, 0);
  assert_invalid (entry, STEADY_JOURNAL_ERROR_INVALID_DATE);
  steady_mood_entry_set_time (entry, NOON_UTC, 0);

  g_assert_true (steady_mood_entry_validate (entry, &error));
  g_assert_no_error (error);
}

static SteadyMoodEntry *
make_full_entry (void)
{
  SteadyMoodEntry *entry = make_entry (NOON_UTC, 3600, 2, "Rough morning.\nGroup helped a bit.");
  const char *medications[] = { "sertraline", "  vitamin D ", "", NULL };

  steady_mood_entry_set_anxiety (entry, 7);
  steady_mood_entry_set_energy (entry, 3);
  steady_mood_entry_set_sleep_hours (entry, 5.5);
  steady_mood_entry_set_medication (entry, STEADY_MEDICATION_PARTLY);
  steady_mood_entry_set_medications (entry, medications);
  steady_mood_entry_set_private (entry, TRUE);
  steady_mood_entry_set_emotion (entry, FEAR_UUID, NULL, 70);
  steady_mood_entry_set_emotion (entry, HOPE_UUID, NULL, 20);
  steady_mood_entry_add_tag (entry, GROUP_UUID, NULL);
  return entry;
}

static void
test_create_update (void)
{
  g_autoptr(SteadyJournalStore) store = open_store ();
  g_autoptr(SteadyMoodEntry) entry = make_full_entry ();
  g_autoptr(SteadyMoodEntry) read = NULL;
  g_autoptr(SteadyMoodEntry) reread = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *medications;
  gint64 created;

  g_assert_cmpuint (count_entries (store), ==, 0);
  create_ok (store, entry);
  g_assert_cmpint (steady_mood_entry_get_row_id (entry), >, 0);
  created = steady_mood_entry_get_created (entry);
  g_assert_cmpint (created, >, NOON_UTC);
  g_assert_cmpint (steady_mood_entry_get_updated (entry), ==, created);
  g_assert_cmpuint (count_entries (store), ==, 1);

  read = steady_journal_store_get (store, steady_mood_entry_get_uuid (entry), &error);
  g_assert_no_error (error);
  g_assert_true (steady_mood_entry_equal (read, entry));
  g_assert_cmpint (steady_mood_entry_get_local_day (read), ==, 19792);
  g_assert_true (steady_mood_entry_get_private (read));
  g_assert_cmpint (steady_mood_entry_get_medication (read), ==, STEADY_MEDICATION_PARTLY);
  medications = steady_mood_entry_get_medications (read);
  g_assert_cmpstrv (medications, ((const char *[]) { "sertraline", "vitamin D", NULL }));
  /* Names come from the vocabulary, in its order. */
  g_assert_cmpuint (steady_mood_entry_get_emotions (read)->len, ==, 2);
  g_assert_cmpstr (((SteadyMoodEmotion *)g_ptr_array_index (steady_mood_entry_get_emotions (read), 0))->name,
                   ==, "Fear or anxiety");
  g_assert_cmpstr (((SteadyMoodTag *)g_ptr_array_index (steady_mood_entry_get_tags (read), 0))->name,
                   ==, "Group");

  /* Saving the same UUID twice is refused. */
  g_assert_false (steady_journal_store_create (store, read, &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_EXISTS);
  g_clear_error (&error);

  /* Change everything that can change. */
  steady_mood_entry_set_time (read, NOON_UTC - 3 * DAY_US, -7 * 3600);
  steady_mood_entry_set_mood (read, 4);
  steady_mood_entry_set_anxiety (read, STEADY_MOOD_ENTRY_UNANSWERED);
  steady_mood_entry_set_sleep_hours (read, STEADY_MOOD_ENTRY_UNANSWERED);
  steady_mood_entry_set_medication (read, STEADY_MEDICATION_YES);
  steady_mood_entry_set_medications (read, NULL);
  steady_mood_entry_set_note (read, "Better after a walk outside.");
  steady_mood_entry_set_private (read, FALSE);
  steady_mood_entry_remove_emotion (read, FEAR_UUID);
  steady_mood_entry_set_emotion (read, HOPE_UUID, NULL, 65);
  steady_mood_entry_set_emotion (read, CALM_UUID, NULL, 50);
  steady_mood_entry_remove_tag (read, GROUP_UUID);
  steady_mood_entry_add_tag (read, OUTSIDE_UUID, NULL);
  g_assert_true (steady_journal_store_update (store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (steady_mood_entry_get_created (read), ==, created);
  g_assert_cmpint (steady_mood_entry_get_updated (read), >=, created);

  reread = steady_journal_store_get (store, steady_mood_entry_get_uuid (entry), &error);
  g_assert_no_error (error);
  g_assert_true (steady_mood_entry_equal (reread, read));
  g_assert_cmpint (steady_mood_entry_get_anxiety (reread), ==, STEADY_MOOD_ENTRY_UNANSWERED);
  g_assert_null (steady_mood_entry_get_medications (reread));
  g_assert_cmpuint (count_entries (store), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM mood_entry_emotion"), ==, 2);

  /* The index follows the text and the tags. */
  g_assert_cmpuint (search_count (store, "rough"), ==, 0);
  g_assert_cmpuint (search_count (store, "walk"), ==, 1);
  g_assert_cmpuint (search_count (store, "outside"), ==, 1);
  g_assert_cmpuint (search_count (store, "group"), ==, 0);
  assert_index_agrees (store);

  /* Updating an entry that is gone says so. */
  {
    g_autoptr(SteadyMoodEntry) stranger = make_entry (NOON_UTC, 0, 3, "never saved");

    g_assert_false (steady_journal_store_update (store, stranger, &error));
    g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_NOT_FOUND);
  }
}

static void
test_delete_and_restore (void)
{
  g_autoptr(SteadyJournalStore) store = open_store ();
  g_autoptr(SteadyMoodEntry) entry = make_full_entry ();
  g_autoptr(SteadyMoodEntry) other = make_entry (NOON_UTC + HOUR_US, 0, 4, "another day");
  g_autoptr(SteadyMoodEntry) deleted = NULL;
  g_autoptr(SteadyMoodEntry) stored = NULL;
  g_autoptr(SteadyMoodEntry) back = NULL;
  g_autoptr(GError) error = NULL;
  const char *uuid = steady_mood_entry_get_uuid (entry);

  create_ok (store, entry);
  create_ok (store, other);
  stored = steady_journal_store_get (store, uuid, &error);
  g_assert_no_error (error);

  deleted = steady_journal_store_delete (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
  g_assert_true (steady_mood_entry_equal (deleted, stored));
  g_assert_cmpuint (count_entries (store), ==, 1);
  g_assert_null (steady_journal_store_get (store, uuid, &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM mood_entry_emotion"), ==, 0);
  g_assert_cmpuint (search_count (store, "rough"), ==, 0);
  assert_index_agrees (store);

  /* Undo puts back exactly what was there: UUID, times, answers, emotions, tags. */
  g_assert_true (steady_journal_store_restore (store, deleted, &error));
  g_assert_no_error (error);
  back = steady_journal_store_get (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_true (steady_mood_entry_equal (back, stored));
  g_assert_cmpint (steady_mood_entry_get_created (back), ==, steady_mood_entry_get_created (stored));
  g_assert_cmpint (steady_mood_entry_get_updated (back), ==, steady_mood_entry_get_updated (stored));
  g_assert_cmpuint (count_entries (store), ==, 2);
  g_assert_cmpuint (search_count (store, "rough group"), ==, 1);
  assert_index_agrees (store);

  /* Twice is once too many. */
  g_assert_false (steady_journal_store_restore (store, deleted, &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_null (steady_journal_store_delete (store, "00000000-0000-4000-8000-00000000dead", &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An undo after its emotion was deleted fails whole, and leaves nothing half-restored. */
  g_clear_object (&deleted);
  deleted = steady_journal_store_delete (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_true (steady_journal_store_delete_term (store, STEADY_JOURNAL_TERM_EMOTION, HOPE_UUID,
                                                   &error));
  g_assert_no_error (error);
  g_assert_false (steady_journal_store_restore (store, deleted, &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_entries (store), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM search_doc"), ==, 1);
  assert_index_agrees (store);
}

static void
test_huge_and_hostile_text (void)
{
  g_autoptr(SteadyJournalStore) store = open_store ();
  g_autoptr(SteadyMoodEntry) huge = NULL;
  g_autoptr(SteadyMoodEntry) read = NULL;
  g_autoptr(SteadyMoodEntry) too_big = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) big = g_string_new (NULL);

  /* A megabyte pasted in, with NULs and control characters scattered through it. */
  while (text->len < 1100 * 1024)
    {
      g_string_append (text, "pasted words again and again ");
      g_string_append_c (text, '\x01');
      g_string_append_len (text, "\0", 1);
    }
  g_string_append (text, " needleword");
  huge = make_entry (NOON_UTC, 0, 3, NULL);
  {
    g_autofree char *clean = steady_journal_sanitize_text (text->str, text->len);

    /* The setter takes a C string; the sanitiser is what protects it from embedded NULs. */
    steady_mood_entry_set_note (huge, clean);
    g_assert_null (strchr (steady_mood_entry_get_note (huge), '\x01'));
    g_assert_cmpuint (strlen (steady_mood_entry_get_note (huge)), >, 1024 * 1024);
  }
  create_ok (store, huge);
  read = steady_journal_store_get (store, steady_mood_entry_get_uuid (huge), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steady_mood_entry_get_note (read), ==, steady_mood_entry_get_note (huge));
  g_assert_cmpuint (search_count (store, "needleword"), ==, 1);

  /* Over the limit: refused with a clear error, and nothing written. */
  while (big->len <= STEADY_JOURNAL_NOTE_MAX_BYTES)
    g_string_append (big, "0123456789abcdef");
  too_big = make_entry (NOON_UTC, 0, 3, big->str);
  g_assert_false (steady_journal_store_create (store, too_big, &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_TOO_LONG);
  g_assert_cmpuint (count_entries (store), ==, 1);
  assert_index_agrees (store);
}

static void
test_rejected_writes_roll_back (void)
{
  g_autoptr(SteadyJournalStore) store = open_store ();
  g_autoptr(SteadyMoodEntry) entry = make_entry (NOON_UTC, 0, 3, "ghost text");
  g_autoptr(GError) error = NULL;

  /* A mood out of range is refused before anything is written. */
  steady_mood_entry_set_mood (entry, 9);
  g_assert_false (steady_journal_store_create (store, entry, &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (steady_mood_entry_get_row_id (entry), ==, 0);

  /* An unknown emotion is found mid-transaction; everything before it is rolled back. */
  steady_mood_entry_set_mood (entry, 3);
  steady_mood_entry_add_tag (entry, WORK_UUID, NULL);
  steady_mood_entry_set_emotion (entry, "00000000-0000-4000-8000-0000000000ee", "Made up", 10);
  g_assert_false (steady_journal_store_create (store, entry, &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Made up"));
  g_clear_error (&error);
  g_assert_cmpuint (count_entries (store), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM mood_entry_tag"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM search_doc"), ==, 0);
  g_assert_cmpuint (search_count (store, "ghost"), ==, 0);
  g_assert_cmpint (steady_mood_entry_get_row_id (entry), ==, 0);
  assert_index_agrees (store);

  /* Fixed, the same entry saves. */
  steady_mood_entry_remove_emotion (entry, "00000000-0000-4000-8000-0000000000ee");
  create_ok (store, entry);
  g_assert_cmpuint (search_count (store, "ghost work"), ==, 1);
}

static void
test_disk_full_and_read_only (void)
{
  g_autoptr(SteadyJournalStore) store = open_store ();
  g_autoptr(SteadyDraftStore) drafts = steady_draft_store_new (steady_journal_store_get_database (store));
  g_autoptr(SteadyMoodEntry) saved = make_entry (NOON_UTC, 0, 4, "saved before the disk filled");
  g_autoptr(SteadyMoodEntry) entry = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *limit = NULL;

  create_ok (store, saved);
  g_assert_true (steady_draft_store_save (drafts, STEADY_MOOD_ENTRY_DRAFT_KIND, "new",
                                          "{\"note\": \"typed while full\"}", &error));
  g_assert_no_error (error);

  /* Let the file grow no more: SQLite then fails as on a full disk. */
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                           query_int (store, "PRAGMA page_count"));
  g_assert_cmpint (sqlite3_exec (handle (store), limit, NULL, NULL, NULL), ==, SQLITE_OK);
  while (note->len < 256 * 1024)
    g_string_append (note, "words that need room ");
  entry = make_entry (NOON_UTC + HOUR_US, 0, 2, note->str);
  g_assert_false (steady_journal_store_create (store, entry, &error));
  g_assert_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_FULL);
  g_clear_error (&error);

  /* Nothing saved is lost, the draft is still there, and the file is consistent. */
  g_assert_cmpuint (count_entries (store), ==, 1);
  draft = steady_draft_store_load (drafts, STEADY_MOOD_ENTRY_DRAFT_KIND, "new", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (draft, ==, "{\"note\": \"typed while full\"}");
  g_assert_cmpuint (search_count (store, "saved"), ==, 1);
  g_assert_cmpuint (search_count (store, "room"), ==, 0);
  assert_index_agrees (store);

  /* With room again, the same entry saves. */
  g_assert_cmpint (sqlite3_exec (handle (store), "PRAGMA max_page_count = 1073741823",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  create_ok (store, entry);

  /* A connection that may not write says so in words, and loses nothing. */
  g_assert_cmpint (sqlite3_exec (handle (store), "PRAGMA query_only = ON", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  steady_mood_entry_set_mood (entry, 5);
  g_assert_false (steady_journal_store_update (store, entry, &error));
  g_assert_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_exec (handle (store), "PRAGMA query_only = OFF", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpuint (count_entries (store), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT max(mood) FROM mood_entry"), ==, 4);
}

static void
test_paging (void)
{
  g_autoptr(SteadyJournalStore) store = open_store ();
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  gint64 time_us = G_MAXINT64;
  gint64 row_id = G_MAXINT64;

  /* 25 entries; some share an instant, which the row id orders. */
  for (guint i = 0; i < 25; i++)
    {
      g_autoptr(SteadyMoodEntry) entry = make_entry (NOON_UTC + (i / 3) * HOUR_US, 0, 1 + i % 5,
                                                     "paged");

      create_ok (store, entry);
    }

  for (;;)
    {
      g_autoptr(GPtrArray) page = steady_journal_store_list_before (store, time_us, row_id, 7, &error);
      SteadyMoodEntry *last;

      g_assert_no_error (error);
      if (page->len == 0)
        break;
      g_assert_cmpuint (page->len, <=, 7);
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (page, i)));
      last = g_ptr_array_index (page, page->len - 1);
      time_us = steady_mood_entry_get_time (last);
      row_id = steady_mood_entry_get_row_id (last);
    }
  g_assert_cmpuint (all->len, ==, 25);

  for (guint i = 0; i < all->len; i++)
    {
      SteadyMoodEntry *entry = g_ptr_array_index (all, i);
      guint newer = G_MAXUINT;

      if (i > 0)
        {
          SteadyMoodEntry *previous = g_ptr_array_index (all, i - 1);

          g_assert_true (steady_mood_entry_get_time (previous) > steady_mood_entry_get_time (entry) ||
                         (steady_mood_entry_get_time (previous) == steady_mood_entry_get_time (entry) &&
                          steady_mood_entry_get_row_id (previous) > steady_mood_entry_get_row_id (entry)));
        }
      g_assert_true (steady_journal_store_count_newer (store, steady_mood_entry_get_time (entry),
                                                       steady_mood_entry_get_row_id (entry),
                                                       &newer, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (newer, ==, i);
    }

  for (guint position = 0; position < 25; position += 6)
    {
      g_autoptr(GPtrArray) page = steady_journal_store_list_at (store, position, 4, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, ==, MIN (4, 25 - position));
      for (guint i = 0; i < page->len; i++)
        g_assert_cmpstr (steady_mood_entry_get_uuid (g_ptr_array_index (page, i)), ==,
                         steady_mood_entry_get_uuid (g_ptr_array_index (all, position + i)));
    }
}

static void
test_summaries (void)
{
  g_autoptr(SteadyJournalStore) store = open_store ();
  g_autoptr(GArray) days = NULL;
  g_autoptr(GPtrArray) emotions = NULL;
  g_autoptr(GArray) sleep = NULL;
  g_autoptr(GError) error = NULL;
  static const struct
  {
    gint64      time_us;
    int         offset;
    int         mood;
    double      sleep;
    const char *emotion;
    int         intensity;
  } rows[] = {
    /* Day 19791 (9 March) in the user's zone, UTC−5: the last is 04:30 UTC on the 10th. */
    { NOON_UTC - DAY_US, -5 * 3600, 2, 6.0, FEAR_UUID, 80 },
    { NOON_UTC - DAY_US + 2 * HOUR_US, -5 * 3600, 4, STEADY_MOOD_ENTRY_UNANSWERED, FEAR_UUID, 40 },
    { NOON_UTC - 7 * HOUR_US - 30 * 60 * G_USEC_PER_SEC, -5 * 3600, 3, 7.0, HOPE_UUID, 50 },
    /* Day 19792. */
    { NOON_UTC, -5 * 3600, 5, 8.0, JOY_UUID, 90 },
    /* Day 19794, outside the range asked for below. */
    { NOON_UTC + 2 * DAY_US, -5 * 3600, 1, 4.0, FEAR_UUID, 100 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(SteadyMoodEntry) entry = make_entry (rows[i].time_us, rows[i].offset, rows[i].mood, "");

      steady_mood_entry_set_sleep_hours (entry, rows[i].sleep);
      steady_mood_entry_set_emotion (entry, rows[i].emotion, NULL, rows[i].intensity);
      create_ok (store, entry);
    }

  days = steady_journal_store_get_day_summaries (store, 19791, 19793, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 2);
  g_assert_cmpint (g_array_index (days, SteadyDaySummary, 0).day, ==, 19791);
  g_assert_cmpuint (g_array_index (days, SteadyDaySummary, 0).n_entries, ==, 3);
  g_assert_cmpfloat_with_epsilon (g_array_index (days, SteadyDaySummary, 0).mean_mood, 3.0, 1e-9);
  g_assert_cmpint (g_array_index (days, SteadyDaySummary, 0).min_mood, ==, 2);
  g_assert_cmpint (g_array_index (days, SteadyDaySummary, 0).max_mood, ==, 4);
  g_assert_cmpint (g_array_index (days, SteadyDaySummary, 1).day, ==, 19792);
  g_assert_cmpuint (g_array_index (days, SteadyDaySummary, 1).n_entries, ==, 1);

  emotions = steady_journal_store_get_emotion_counts (store, 19791, 19793, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (emotions->len, ==, 3);
  g_assert_cmpstr (((SteadyEmotionCount *)g_ptr_array_index (emotions, 0))->uuid, ==, FEAR_UUID);
  g_assert_cmpuint (((SteadyEmotionCount *)g_ptr_array_index (emotions, 0))->n_entries, ==, 2);
  g_assert_cmpfloat_with_epsilon (((SteadyEmotionCount *)g_ptr_array_index (emotions, 0))->mean_intensity,
                                  60.0, 1e-9);

  sleep = steady_journal_store_get_sleep_mood (store, 19791, 19794, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sleep->len, ==, 3);
  /* Day 19791: sleep is the mean of the two answers, mood the mean of all three entries. */
  g_assert_cmpfloat_with_epsilon (g_array_index (sleep, SteadySleepMood, 0).sleep_hours, 6.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (sleep, SteadySleepMood, 0).mean_mood, 3.0, 1e-9);
  g_assert_cmpint (g_array_index (sleep, SteadySleepMood, 2).day, ==, 19794);
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static GPtrArray *
list_terms (SteadyJournalStore    *store,
            SteadyJournalTermKind  kind)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *terms = steady_journal_store_list_terms (store, kind, &error);

  g_assert_no_error (error);
  return terms;
}

static SteadyJournalTerm *
find_term (GPtrArray  *terms,
           const char *uuid)
{
  for (guint i = 0; i < terms->len; i++)
    if (g_strcmp0 (steady_journal_term_get_uuid (g_ptr_array_index (terms, i)), uuid) == 0)
      return g_ptr_array_index (terms, i);
  return NULL;
}

static char *
shout_translate (SteadyJournalTermKind  kind,
                 const char            *builtin,
                 gpointer               user_data)
{
  return g_strconcat ("Muy ", builtin, NULL);
}

static void
test_terms (void)
{
  g_autoptr(SteadyJournalStore) store = open_store ();
  g_autoptr(GPtrArray) emotions = list_terms (store, STEADY_JOURNAL_TERM_EMOTION);
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(SteadyJournalTerm) walking = NULL;
  g_autoptr(SteadyJournalTerm) hiking = NULL;
  g_autoptr(SteadyJournalTerm) duplicate = NULL;
  g_autoptr(SteadyJournalTerm) dread = NULL;
  g_autoptr(SteadyMoodEntry) both = make_entry (NOON_UTC, 0, 3, "both tags");
  g_autoptr(SteadyMoodEntry) one = make_entry (NOON_UTC + HOUR_US, 0, 3, "one tag");
  g_autoptr(SteadyMoodEntry) read = NULL;
  g_autoptr(GError) error = NULL;
  guint terms_changed = 0;
  guint resets = 0;

  g_signal_connect_swapped (store, "terms-changed", G_CALLBACK (count_cb), &terms_changed);
  g_signal_connect_swapped (store, "entries-reset", G_CALLBACK (count_cb), &resets);

  /* Built-ins come first, in CONTENT.md's order. */
  g_assert_cmpuint (emotions->len, ==, 8);
  g_assert_cmpstr (steady_journal_term_get_name (g_ptr_array_index (emotions, 0)), ==, "Joy");
  g_assert_cmpstr (steady_journal_term_get_builtin (g_ptr_array_index (emotions, 7)), ==, "hope");

  walking = steady_journal_store_add_term (store, STEADY_JOURNAL_TERM_TAG, "  walking\n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steady_journal_term_get_name (walking), ==, "walking");
  g_assert_null (steady_journal_term_get_builtin (walking));
  g_assert_cmpuint (terms_changed, ==, 1);

  /* Names are unique in any letter case, Unicode included; empty names are refused. */
  duplicate = steady_journal_store_add_term (store, STEADY_JOURNAL_TERM_TAG, "WALKING", &error);
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_null (steady_journal_store_add_term (store, STEADY_JOURNAL_TERM_TAG, "work", &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_null (steady_journal_store_add_term (store, STEADY_JOURNAL_TERM_TAG, " \t ", &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_NAME);
  g_clear_error (&error);
  dread = steady_journal_store_add_term (store, STEADY_JOURNAL_TERM_EMOTION, "Été", &error);
  g_assert_no_error (error);
  g_assert_null (steady_journal_store_add_term (store, STEADY_JOURNAL_TERM_EMOTION, "éTÉ", &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_EXISTS);
  g_clear_error (&error);
  g_clear_object (&dread);

  hiking = steady_journal_store_add_term (store, STEADY_JOURNAL_TERM_TAG, "hiking", &error);
  g_assert_no_error (error);

  steady_mood_entry_add_tag (both, steady_journal_term_get_uuid (walking), NULL);
  steady_mood_entry_add_tag (both, steady_journal_term_get_uuid (hiking), NULL);
  steady_mood_entry_set_emotion (both, FEAR_UUID, NULL, 30);
  steady_mood_entry_set_emotion (both, CALM_UUID, NULL, 80);
  steady_mood_entry_add_tag (one, steady_journal_term_get_uuid (hiking), NULL);
  steady_mood_entry_set_emotion (one, FEAR_UUID, NULL, 60);
  create_ok (store, both);
  create_ok (store, one);
  g_assert_cmpuint (search_count (store, "hiking"), ==, 2);

  /* Rename: the entries show and are found by the new name. */
  g_assert_true (steady_journal_store_rename_term (store, STEADY_JOURNAL_TERM_TAG,
                                                   steady_journal_term_get_uuid (hiking),
                                                   "Trail running", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (resets, ==, 1);
  g_assert_cmpuint (search_count (store, "hiking"), ==, 0);
  g_assert_cmpuint (search_count (store, "trail"), ==, 2);
  read = steady_journal_store_get (store, steady_mood_entry_get_uuid (one), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((SteadyMoodTag *)g_ptr_array_index (steady_mood_entry_get_tags (read), 0))->name,
                   ==, "Trail running");
  g_clear_object (&read);
  /* A rename onto another name is refused; a change of letter case is not. */
  g_assert_false (steady_journal_store_rename_term (store, STEADY_JOURNAL_TERM_TAG,
                                                    steady_journal_term_get_uuid (hiking),
                                                    "Walking", &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (steady_journal_store_rename_term (store, STEADY_JOURNAL_TERM_TAG,
                                                   steady_journal_term_get_uuid (hiking),
                                                   "trail Running", &error));
  g_assert_no_error (error);
  assert_index_agrees (store);

  /* Merge tags: links move, and the entry that had both has the survivor once. */
  g_assert_true (steady_journal_store_merge_terms (store, STEADY_JOURNAL_TERM_TAG,
                                                   steady_journal_term_get_uuid (hiking),
                                                   steady_journal_term_get_uuid (walking), &error));
  g_assert_no_error (error);
  tags = list_terms (store, STEADY_JOURNAL_TERM_TAG);
  g_assert_null (find_term (tags, steady_journal_term_get_uuid (hiking)));
  g_assert_cmpuint (steady_journal_term_get_n_entries (find_term (tags, steady_journal_term_get_uuid (walking))),
                    ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM mood_entry_tag"), ==, 2);
  g_assert_cmpuint (search_count (store, "trail"), ==, 0);
  g_assert_cmpuint (search_count (store, "walking"), ==, 2);
  assert_index_agrees (store);

  /* Merge emotions: an entry with both keeps the stronger intensity. */
  g_assert_true (steady_journal_store_merge_terms (store, STEADY_JOURNAL_TERM_EMOTION, CALM_UUID,
                                                   FEAR_UUID, &error));
  g_assert_no_error (error);
  read = steady_journal_store_get (store, steady_mood_entry_get_uuid (both), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steady_mood_entry_get_emotions (read)->len, ==, 1);
  g_assert_cmpint (((SteadyMoodEmotion *)g_ptr_array_index (steady_mood_entry_get_emotions (read), 0))->intensity,
                   ==, 80);
  g_clear_object (&read);
  g_assert_false (steady_journal_store_merge_terms (store, STEADY_JOURNAL_TERM_EMOTION, FEAR_UUID,
                                                    FEAR_UUID, &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (steady_journal_store_merge_terms (store, STEADY_JOURNAL_TERM_EMOTION, CALM_UUID,
                                                    FEAR_UUID, &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Delete a tag: entries stay, without it. */
  g_assert_true (steady_journal_store_delete_term (store, STEADY_JOURNAL_TERM_TAG,
                                                   steady_journal_term_get_uuid (walking), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (store), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM mood_entry_tag"), ==, 0);
  g_assert_cmpuint (search_count (store, "walking"), ==, 0);
  assert_index_agrees (store);

  /* Built-ins follow the user's language, unless the user renamed them. */
  {
    g_autoptr(SteadyMoodEntry) worked = make_entry (NOON_UTC + 2 * HOUR_US, 0, 3, "long shift");
    g_autoptr(GPtrArray) after = NULL;

    steady_mood_entry_add_tag (worked, WORK_UUID, NULL);
    create_ok (store, worked);
    g_assert_true (steady_journal_store_rename_term (store, STEADY_JOURNAL_TERM_EMOTION, JOY_UUID,
                                                     "Delight", &error));
    g_assert_no_error (error);
    g_assert_true (steady_journal_store_localize_builtin_terms (store, shout_translate, NULL,
                                                                &error));
    g_assert_no_error (error);
    after = list_terms (store, STEADY_JOURNAL_TERM_EMOTION);
    g_assert_cmpstr (steady_journal_term_get_name (find_term (after, JOY_UUID)), ==, "Delight");
    g_assert_cmpstr (steady_journal_term_get_name (find_term (after, HOPE_UUID)), ==, "Muy hope");
    g_assert_cmpuint (search_count (store, "muy work"), ==, 1);
    assert_index_agrees (store);

    /* Back in the app's own language (C locale: English). */
    g_assert_true (steady_journal_store_localize_builtin_terms (store, NULL, NULL, &error));
    g_assert_no_error (error);
    g_clear_pointer (&after, g_ptr_array_unref);
    after = list_terms (store, STEADY_JOURNAL_TERM_TAG);
    g_assert_cmpstr (steady_journal_term_get_name (find_term (after, WORK_UUID)), ==, "Work");
    g_assert_cmpuint (search_count (store, "muy"), ==, 0);
    assert_index_agrees (store);
  }
}

typedef struct
{
  guint            added;
  guint            updated;
  guint            removed;
  SteadyMoodEntry *last;
} Signals;

static void
added_cb (SteadyJournalStore *store,
          SteadyMoodEntry    *entry,
          Signals            *signals)
{
  signals->added++;
  g_set_object (&signals->last, entry);
}

static void
updated_cb (SteadyJournalStore *store,
            SteadyMoodEntry    *old_entry,
            SteadyMoodEntry    *new_entry,
            Signals            *signals)
{
  signals->updated++;
  g_assert_cmpint (steady_mood_entry_get_mood (old_entry), !=, steady_mood_entry_get_mood (new_entry));
  g_set_object (&signals->last, new_entry);
}

static void
removed_cb (SteadyJournalStore *store,
            SteadyMoodEntry    *entry,
            Signals            *signals)
{
  signals->removed++;
  g_set_object (&signals->last, entry);
}

static void
test_signals_and_drafts (void)
{
  g_autoptr(SteadyJournalStore) store = open_store ();
  g_autoptr(SteadyDraftStore) drafts = steady_draft_store_new (steady_journal_store_get_database (store));
  g_autoptr(SteadyMoodEntry) entry = make_entry (NOON_UTC, 0, 2, "signalled");
  g_autoptr(SteadyMoodEntry) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = NULL;
  Signals signals = { 0 };
  const char *uuid = steady_mood_entry_get_uuid (entry);

  g_signal_connect (store, "entry-added", G_CALLBACK (added_cb), &signals);
  g_signal_connect (store, "entry-updated", G_CALLBACK (updated_cb), &signals);
  g_signal_connect (store, "entry-removed", G_CALLBACK (removed_cb), &signals);

  /* Saving an entry removes its editor's draft in the same transaction. */
  g_assert_true (steady_draft_store_save (drafts, STEADY_MOOD_ENTRY_DRAFT_KIND, uuid, "{}", &error));
  g_assert_no_error (error);
  create_ok (store, entry);
  g_assert_cmpuint (signals.added, ==, 1);
  g_assert_cmpstr (steady_mood_entry_get_uuid (signals.last), ==, uuid);
  draft = steady_draft_store_load (drafts, STEADY_MOOD_ENTRY_DRAFT_KIND, uuid, NULL, &error);
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_NOT_FOUND);
  g_assert_null (draft);
  g_clear_error (&error);

  steady_mood_entry_set_mood (entry, 4);
  g_assert_true (steady_draft_store_save (drafts, STEADY_MOOD_ENTRY_DRAFT_KIND, uuid, "{}", &error));
  g_assert_true (steady_journal_store_update (store, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (signals.updated, ==, 1);
  g_assert_cmpint (steady_mood_entry_get_mood (signals.last), ==, 4);
  g_assert_null (steady_draft_store_load (drafts, STEADY_MOOD_ENTRY_DRAFT_KIND, uuid, NULL, NULL));

  deleted = steady_journal_store_delete (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signals.removed, ==, 1);
  g_assert_true (steady_mood_entry_equal (signals.last, deleted));
  g_clear_object (&signals.last);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/journal/schema/v2", test_schema);
  g_test_add_func ("/journal/schema/migration-from-v1", test_migration_from_v1);
  g_test_add_func ("/journal/text/sanitize", test_sanitize_text);
  g_test_add_func ("/journal/time/days-and-dates", test_days_and_dates);
  g_test_add_func ("/journal/entry/validate", test_validate);
  g_test_add_func ("/journal/store/create-update", test_create_update);
  g_test_add_func ("/journal/store/delete-restore", test_delete_and_restore);
  g_test_add_func ("/journal/store/huge-and-hostile-text", test_huge_and_hostile_text);
  g_test_add_func ("/journal/store/rejected-writes-roll-back", test_rejected_writes_roll_back);
  g_test_add_func ("/journal/store/disk-full-and-read-only", test_disk_full_and_read_only);
  g_test_add_func ("/journal/store/paging", test_paging);
  g_test_add_func ("/journal/store/summaries", test_summaries);
  g_test_add_func ("/journal/store/signals-and-drafts", test_signals_and_drafts);
  g_test_add_func ("/journal/terms", test_terms);

  return g_test_run ();
}
