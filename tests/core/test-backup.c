/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-backup.c: the complete JSON backup and its restore — a byte-identical round trip of
 * the benchmark database, merge by UUID, the preview, and every bad file refused unchanged. */

#define G_LOG_DOMAIN "steady-test-backup"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "steady-backup.h"
#include "steady-backup-private.h"
#include "steady-schema.h"
#include "steady-test-util.h"

/* Any fixed instant: the same database and the same time must give the same bytes. */
#define BACKUP_TIME_US G_GINT64_CONSTANT (1767225600000000)

#define UUID(n) "aaaaaaaa-0000-4000-8000-0000000000" n

/* A row in every table the benchmark generator leaves empty, with references between them,
 * so that the round trip covers the whole schema. */
static const char every_kind_sql[] =
  "INSERT INTO session_series (uuid, ics_uid, title, kind, place, start_local,"
  "  duration_minutes, tzid, rrule, times_changed_us, created_us, updated_us)"
  "  VALUES ('" UUID ("01") "', 'uid-1@example', 'Group therapy', 'group', 'Room 4',"
  "          '20250106T180000', 90, 'Europe/Berlin', 'FREQ=WEEKLY;BYDAY=MO', 1, 1, 2);"
  "INSERT INTO session_exdates (series_id, original_start_local, created_us)"
  "  SELECT id, '20250113T180000', 3 FROM session_series WHERE uuid = '" UUID ("01") "';"
  "INSERT INTO session_reminder_offsets (series_id, minutes_before)"
  "  SELECT id, 60 FROM session_series WHERE uuid = '" UUID ("01") "';"
  "INSERT INTO session_overrides (uuid, series_id, original_start_local, cancelled,"
  "  start_local, created_us, updated_us)"
  "  SELECT '" UUID ("02") "', id, '20250120T180000', 0, '20250120T190000', 4, 5"
  "    FROM session_series WHERE uuid = '" UUID ("01") "';"
  "INSERT INTO session_attendance (uuid, series_id, original_start_local, status, note,"
  "  created_us, updated_us)"
  "  SELECT '" UUID ("03") "', id, '20250106T180000', 'attended', 'Went \"well\"\n', 6, 7"
  "    FROM session_series WHERE uuid = '" UUID ("01") "';"
  "INSERT INTO session_bring_up_items (uuid, series_id, original_start_local, position, text,"
  "  done, created_us, updated_us)"
  "  SELECT '" UUID ("04") "', id, '20250120T180000', 0, 'Ask about sleep', 0, 8, 9"
  "    FROM session_series WHERE uuid = '" UUID ("01") "';"
  "INSERT INTO reminders_sent (series_uuid, original_start_local, offset_minutes, state, late,"
  "  sent_us, created_us, updated_us)"
  "  VALUES ('" UUID ("01") "', '20250106T180000', 60, 'sent', 0, 10, 10, 10);"
  "INSERT INTO safety_plan_item (uuid, section, position, text, phone, created_us,"
  "  created_offset, updated_us, updated_offset)"
  "  VALUES ('" UUID ("05") "', 'people', 0, 'My sister', '+49 30 1234', 11, 3600, 12, 3600);"
  "INSERT INTO safety_plan_review (uuid, reviewed_us, reviewed_offset)"
  "  VALUES ('" UUID ("06") "', 13, 3600);"
  "INSERT INTO practice_log (uuid, kind, actual_us, started_at_us, utc_offset_s, completed,"
  "  created_us, updated_us)"
  "  VALUES ('" UUID ("07") "', 'mindfulness', 600000000, 1736000000000000, 3600, 1, 14, 15);"
  "INSERT INTO breathing_pattern (name, inhale_tenths, top_up_tenths, hold_in_tenths,"
  "  exhale_tenths, hold_out_tenths, created_us, updated_us)"
  "  VALUES ('Slow evening', 40, 0, 20, 60, 0, 16, 17);"
  "INSERT INTO skill_record (uuid, kind, created_us, updated_us, at_us, utc_offset_s,"
  "  step_reached, finished, distress_before, distress_after, private, payload)"
  "  VALUES ('" UUID ("08") "', 'check-facts', 18, 19, 1736000000000000, 3600, 3, 0, 7, 4, 1,"
  "          '{\"situation\":\"A hard day, café\"}');"
  "INSERT INTO diary_target (uuid, kind, name, position, created_us, updated_us)"
  "  VALUES ('" UUID ("09") "', 'urge', 'Skip group', 0, 20, 21);"
  "INSERT INTO diary_card (uuid, local_day, utc_offset_s, distress, private, created_us,"
  "  updated_us) VALUES ('" UUID ("10") "', 10000, 3600, 5, 0, 22, 23);"
  "INSERT INTO diary_card_rating (card_id, target_id, rating, acted)"
  "  SELECT c.id, t.id, 3, 0 FROM diary_card AS c, diary_target AS t"
  "   WHERE c.uuid = '" UUID ("10") "' AND t.uuid = '" UUID ("09") "';"
  "INSERT INTO diary_card_skill (card_id, skill, rating)"
  "  SELECT id, 'opposite-action', 5 FROM diary_card WHERE uuid = '" UUID ("10") "';"
  "INSERT INTO skill_use (uuid, skill, at_us, utc_offset_s, rating, distress_before,"
  "  distress_after, created_us)"
  "  VALUES ('" UUID ("11") "', 'paced-breathing', 1736000000000000, 3600, 4, 6, 3, 24);"
  "INSERT INTO draft (kind, key, payload, updated_us)"
  "  VALUES ('mood-entry', 'new', '{\"note\":\"half a thought\"}', 25);"
  "INSERT OR REPLACE INTO meta (key, value) VALUES ('test-key', 'test-value');";

static void
make_bench_database (const char *path)
{
  g_autofree char *generator = NULL;
  g_autofree char *standard_error = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *build_root = g_getenv ("STEADY_BUILD_ROOT");

  g_assert_nonnull (build_root);
  generator = g_build_filename (build_root, "tests", "bench", "steady-bench-data", NULL);
  {
    const char *argv[] = { generator, "--years", "1", "--seed", "7", path, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                  &standard_error, &status, &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("steady-bench-data: %s\n%s", error->message, standard_error);
}

static SteadyDatabase *
open_database (const char *name)
{
  g_autofree char *path = steady_test_data_path (name);
  g_autoptr(GError) error = NULL;
  SteadyDatabase *database = steady_database_open (path, &error);

  g_assert_no_error (error);
  return database;
}

/* The database's whole content, as the backup format writes it (with no time in it). */
static char *
dump (SteadyDatabase *database)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  steady_backup_write_stream (steady_database_get_handle (database),
                              steady_database_get_schema_version (database), 0, out, NULL,
                              NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
assert_query_text (SteadyDatabase *database,
                   const char     *sql,
                   const char     *expected)
{
  g_autofree char *text = steady_test_query_text (steady_database_get_handle (database), sql);

  g_assert_cmpstr (text, ==, expected);
}

/* The search index agrees with the records: FTS5's own check of every indexed word against
 * the content, one search_doc per record at or after its instant, the indexing triggers as a
 * new database has them, and FTS5's settings as they were. */
static void
assert_index_sound (SteadyDatabase *database)
{
  g_autoptr(SteadyDatabase) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fresh_path = steady_test_data_path ("fresh-for-triggers.db");
  g_autofree char *triggers = NULL;
  g_autofree char *fresh_triggers = NULL;
  sqlite3 *db = steady_database_get_handle (database);
  const char *list_triggers = "SELECT group_concat (name, ' ')"
                              "  FROM (SELECT name FROM sqlite_schema"
                              "         WHERE type = 'trigger' ORDER BY name)";
  const char *trigger_sql = "SELECT group_concat (sql, '\n')"
                            "  FROM (SELECT sql FROM sqlite_schema"
                            "         WHERE type = 'trigger' ORDER BY name)";

  steady_database_exec (database,
                        "INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)",
                        &error);
  g_assert_no_error (error);
  g_assert_cmpint (steady_test_query_int (db, "SELECT count (*) FROM search_doc"), ==,
                   steady_test_query_int (db, "SELECT (SELECT count (*) FROM mood_entry) +"
                                              "       (SELECT count (*) FROM skill_record)"));
  g_assert_cmpint (steady_test_query_int (db,
                   "SELECT count (*) FROM search_doc AS d"
                   "  LEFT JOIN mood_entry AS e ON d.kind = 'mood-entry' AND e.uuid = d.record_uuid"
                   "  LEFT JOIN skill_record AS r ON r.kind = d.kind AND r.uuid = d.record_uuid"
                   " WHERE d.id < coalesce (e.at_us, r.at_us) OR coalesce (e.at_us, r.at_us) IS NULL"),
                   ==, 0);
  g_assert_cmpint (steady_test_query_int (db, "SELECT count (*) FROM search_fts_config"
                                              " WHERE k = 'hashsize' AND v <> 1048576"), ==, 0);

  fresh = open_database ("fresh-for-triggers.db");
  triggers = steady_test_query_text (db, list_triggers);
  fresh_triggers = steady_test_query_text (steady_database_get_handle (fresh), list_triggers);
  g_assert_cmpstr (triggers, ==, fresh_triggers);
  g_free (triggers);
  g_free (fresh_triggers);
  triggers = steady_test_query_text (db, trigger_sql);
  fresh_triggers = steady_test_query_text (steady_database_get_handle (fresh), trigger_sql);
  g_assert_true (g_strcmp0 (triggers, fresh_triggers) == 0);
  g_clear_object (&fresh);
  g_unlink (fresh_path);
}

/* The records that match @word, by uuid, in order. */
static char *
search_matches (SteadyDatabase *database,
                const char     *word)
{
  g_autofree char *sql = g_strdup_printf (
      "SELECT group_concat (record_uuid) FROM"
      "  (SELECT d.record_uuid FROM search_fts JOIN search_doc AS d ON d.id = search_fts.rowid"
      "    WHERE search_fts MATCH '%s' ORDER BY d.record_uuid)", word);

  return steady_test_query_text (steady_database_get_handle (database), sql);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_file (const char *path,
            const char *data,
            gsize       size)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, (gssize)size, &error);
  g_assert_no_error (error);
}

static char *
export_backup (SteadyDatabase *database,
               const char     *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  steady_backup_export_at (database, path, BACKUP_TIME_US, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* A source database with the benchmark's year of entries and a row of every other kind. */
static SteadyDatabase *
open_full_source (void)
{
  g_autofree char *path = steady_test_data_path ("source.db");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  SteadyDatabase *database;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  make_bench_database (path);
  database = open_database ("source.db");
  steady_database_exec (database, every_kind_sql, &error);
  g_assert_no_error (error);
  return database;
}

/* A smaller source for the tests that restore several times: every kind of record and 600
 * check-ins with an emotion and a tag each, enough for a few progress steps. */
#define N_SMALL_ENTRIES 600

static SteadyDatabase *
open_small_source (void)
{
  g_autoptr(GError) error = NULL;
  SteadyDatabase *database = open_database ("source.db");

  steady_database_exec (database, every_kind_sql, &error);
  g_assert_no_error (error);
  steady_database_exec (database,
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
    "                          WHERE i < " G_STRINGIFY (N_SMALL_ENTRIES) ")"
    "INSERT INTO mood_entry (uuid, created_us, updated_us, at_us, utc_offset_s, mood,"
    "  sleep_hours, note)"
    "  SELECT printf ('dddddddd-0000-4000-8000-%012d', i), i, i,"
    "         1736000000000000 + i * 3600000000, 3600, 1 + i % 5, 0.5 * (i % 20),"
    "         'Entry number ' || i FROM n;"
    "INSERT INTO mood_entry_emotion (entry_id, emotion_id, intensity)"
    "  SELECT e.id, m.id, e.id % 101 FROM mood_entry AS e, emotion AS m"
    "   WHERE m.builtin = 'hope';"
    "INSERT INTO mood_entry_tag (entry_id, tag_id)"
    "  SELECT e.id, t.id FROM mood_entry AS e, tag AS t WHERE t.builtin = 'work';",
    &error);
  g_assert_no_error (error);
  return database;
}

static guint
count_backups (SteadyDatabase *database)
{
  g_autoptr(GPtrArray) backups = steady_database_list_backups (
      steady_database_get_path (database));

  return backups != NULL ? backups->len : 0;
}

static void
add_entry (SteadyDatabase *database,
           const char     *uuid,
           gint64          updated_us,
           const char     *note,
           const char     *emotion)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO mood_entry (uuid, created_us, updated_us, at_us, utc_offset_s, mood, note)"
      "  VALUES ('%s', 1, %" G_GINT64_FORMAT ", 1736000000000000, 0, 3, '%s');"
      "INSERT INTO mood_entry_emotion (entry_id, emotion_id, intensity)"
      "  SELECT e.id, m.id, 50 FROM mood_entry AS e, emotion AS m"
      "   WHERE e.uuid = '%s' AND m.builtin = '%s';",
      uuid, updated_us, note, uuid, emotion);

  steady_database_exec (database, sql, &error);
  g_assert_no_error (error);
}

static void
test_round_trip (void)
{
  g_autoptr(SteadyDatabase) source = NULL;
  g_autoptr(SteadyDatabase) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  SteadyRestoreSummary summary = { 0 };
  guint n_entries;

  /* The backup is private whatever the umask. */
  umask (022);
  source = open_full_source ();
  first = export_backup (source, "first.json");
  g_assert_cmpuint (steady_test_file_mode (first), ==, 0600);

  target = open_database ("steady.db");
  g_assert_cmpuint (count_backups (target), ==, 0);
  steady_backup_restore (target, first, &summary, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Everything arrived, counted by kind, and a copy of the database was kept first. */
  n_entries = (guint)steady_test_query_int (steady_database_get_handle (source),
                                            "SELECT count (*) FROM mood_entry");
  g_assert_cmpuint (n_entries, >, 1000);
  g_assert_cmpuint (summary.kinds[STEADY_BACKUP_KIND_MOOD_ENTRY].n_new, ==, n_entries);
  g_assert_cmpuint (summary.kinds[STEADY_BACKUP_KIND_SESSION].n_new, ==, 4);
  g_assert_cmpuint (summary.kinds[STEADY_BACKUP_KIND_SAFETY_PLAN].n_new, ==, 2);
  g_assert_cmpuint (summary.kinds[STEADY_BACKUP_KIND_DIARY_CARD].n_new, ==,
                    (guint)steady_test_query_int (steady_database_get_handle (source),
                                                  "SELECT (SELECT count (*) FROM diary_card) +"
                                                  "  (SELECT count (*) FROM diary_target) +"
                                                  "  (SELECT count (*) FROM skill_use)"));
  g_assert_cmpuint (summary.kinds[STEADY_BACKUP_KIND_DIARY_CARD].n_new, >, 100);
  /* Every word of the vocabulary is accounted for, whether new, updated or already here. */
  g_assert_cmpuint (summary.kinds[STEADY_BACKUP_KIND_VOCABULARY].n_new +
                    summary.kinds[STEADY_BACKUP_KIND_VOCABULARY].n_updated +
                    summary.kinds[STEADY_BACKUP_KIND_VOCABULARY].n_unchanged, ==,
                    (guint)steady_test_query_int (steady_database_get_handle (source),
                                                  "SELECT (SELECT count (*) FROM emotion) +"
                                                  "       (SELECT count (*) FROM tag)"));
  g_assert_nonnull (summary.safety_backup_path);
  g_assert_true (g_file_test (summary.safety_backup_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_backups (target), ==, 1);
  assert_query_text (target, "SELECT note FROM session_attendance", "Went \"well\"\n");
  /* The search index was built for the restored records: the same words find the same
   * records as in the source, in notes, tags and exercises. */
  assert_index_sound (target);
  g_assert_cmpint (steady_test_query_int (steady_database_get_handle (target),
                   "SELECT count (*) FROM search_fts WHERE search_fts MATCH 'cafe'"), ==, 1);
  for (guint i = 0; i < 4; i++)
    {
      const char *words[] = { "sister", "slept", "work", "fraud" };
      g_autofree char *expected = search_matches (source, words[i]);
      g_autofree char *found = search_matches (target, words[i]);

      g_assert_nonnull (expected);
      g_assert_cmpstr (found, ==, expected);
    }
  steady_restore_summary_clear (&summary);

  /* Records written after the restore are indexed as ever. */
  add_entry (target, UUID ("31"), 1, "written after the restore zebrafish", "joy");
  g_assert_cmpint (steady_test_query_int (steady_database_get_handle (target),
                   "SELECT count (*) FROM search_fts WHERE search_fts MATCH 'zebrafish'"), ==, 1);
  assert_index_sound (target);
  steady_database_exec (target, "DELETE FROM mood_entry WHERE uuid = '" UUID ("31") "'", &error);
  g_assert_no_error (error);

  second = export_backup (target, "second.json");
  g_assert_cmpuint (steady_test_file_mode (second), ==, 0600);
  first_text = read_file (first);
  second_text = read_file (second);
  g_assert_cmpuint (strlen (first_text), ==, strlen (second_text));
  g_assert_true (strcmp (first_text, second_text) == 0);

  /* A large backup is checked while it is parsed: one changed letter is still refused. */
  {
    char *letter = strstr (first_text, "sister");

    g_assert_nonnull (letter);
    letter[0] = 'S';
    write_file (first, first_text, strlen (first_text));
    g_assert_false (steady_backup_preview (target, first, &summary, NULL, &error));
    g_assert_error (error, STEADY_BACKUP_ERROR, STEADY_BACKUP_ERROR_DAMAGED);
    g_clear_error (&error);
  }
  g_unlink (first);
  g_unlink (second);
}

static void
test_restore_twice (void)
{
  g_autoptr(SteadyDatabase) source = NULL;
  g_autoptr(SteadyDatabase) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SteadyRestoreSummary summary = { 0 };

  source = open_small_source ();
  backup = export_backup (source, "twice.json");
  target = open_database ("steady.db");
  steady_backup_restore (target, backup, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  before = dump (target);

  steady_backup_restore (target, backup, &summary, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steady_restore_summary_total (&summary, STEADY_RESTORE_NEW), ==, 0);
  g_assert_cmpuint (steady_restore_summary_total (&summary, STEADY_RESTORE_UPDATED), ==, 0);
  g_assert_cmpuint (steady_restore_summary_total (&summary, STEADY_RESTORE_UNCHANGED), >, N_SMALL_ENTRIES);
  after = dump (target);
  g_assert_cmpstr (before, ==, after);
  steady_restore_summary_clear (&summary);
  g_unlink (backup);
}

static void
test_merge_keeps_newer (void)
{
  g_autoptr(SteadyDatabase) backup_side = open_database ("backup-side.db");
  g_autoptr(SteadyDatabase) local = open_database ("steady.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  sqlite3 *db = steady_database_get_handle (local);
  SteadyRestoreSummary summary = { 0 };

  /* In the backup: A older than here, B newer than here, C only there. */
  add_entry (backup_side, UUID ("21"), 100, "A from the backup", "joy");
  add_entry (backup_side, UUID ("22"), 300, "B from the backup", "anger");
  add_entry (backup_side, UUID ("23"), 100, "C from the backup", "hope");
  add_entry (local, UUID ("21"), 200, "A edited here", "calm");
  add_entry (local, UUID ("22"), 200, "B edited here", "calm");
  add_entry (local, UUID ("24"), 200, "D only here", "calm");
  backup = export_backup (backup_side, "merge.json");

  steady_backup_preview (local, backup, &summary, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.kinds[STEADY_BACKUP_KIND_MOOD_ENTRY].n_new, ==, 1);
  g_assert_cmpuint (summary.kinds[STEADY_BACKUP_KIND_MOOD_ENTRY].n_updated, ==, 1);
  g_assert_cmpuint (summary.kinds[STEADY_BACKUP_KIND_MOOD_ENTRY].n_unchanged, ==, 1);
  g_assert_cmpint (steady_test_query_int (db, "SELECT count (*) FROM mood_entry"), ==, 3);

  memset (&summary, 0, sizeof summary);
  steady_backup_restore (local, backup, &summary, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.kinds[STEADY_BACKUP_KIND_MOOD_ENTRY].n_new, ==, 1);
  g_assert_cmpuint (summary.kinds[STEADY_BACKUP_KIND_MOOD_ENTRY].n_updated, ==, 1);
  g_assert_cmpuint (summary.kinds[STEADY_BACKUP_KIND_MOOD_ENTRY].n_unchanged, ==, 1);
  steady_restore_summary_clear (&summary);

  g_assert_cmpint (steady_test_query_int (db, "SELECT count (*) FROM mood_entry"), ==, 4);
#define NOTE_OF(n) "SELECT note FROM mood_entry WHERE uuid = '" UUID (n) "'"
  assert_query_text (local, NOTE_OF ("21"), "A edited here");
  assert_query_text (local, NOTE_OF ("22"), "B from the backup");
  assert_query_text (local, NOTE_OF ("24"), "D only here");
#undef NOTE_OF
  /* An updated entry's emotions are the backup's, not both sets. */
  assert_query_text (local,
                     "SELECT group_concat (m.builtin) FROM mood_entry_emotion AS x"
                     "  JOIN mood_entry AS e ON e.id = x.entry_id JOIN emotion AS m ON m.id ="
                     "  x.emotion_id WHERE e.uuid = '" UUID ("22") "'", "anger");
  assert_query_text (local,
                     "SELECT group_concat (m.builtin) FROM mood_entry_emotion AS x"
                     "  JOIN mood_entry AS e ON e.id = x.entry_id JOIN emotion AS m ON m.id ="
                     "  x.emotion_id WHERE e.uuid = '" UUID ("21") "'", "calm");
  g_assert_cmpint (steady_test_query_int (db, "SELECT count (*) FROM search_fts"
                                          " WHERE search_fts MATCH 'edited'"), ==, 1);
  g_assert_cmpint (steady_test_query_int (db, "SELECT count (*) FROM search_fts"
                                          " WHERE search_fts MATCH 'backup'"), ==, 2);
  assert_index_sound (local);
  g_unlink (backup);
}

static void
test_preview_changes_nothing (void)
{
  g_autoptr(SteadyDatabase) source = open_small_source ();
  g_autoptr(SteadyDatabase) target = open_database ("steady.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = export_backup (source, "preview.json");
  g_autofree char *before = dump (target);
  g_autofree char *after = NULL;
  g_autofree char *words = NULL;
  SteadyRestoreSummary preview = { 0 };
  SteadyRestoreSummary restored = { 0 };

  steady_backup_preview (target, backup, &preview, NULL, &error);
  g_assert_no_error (error);
  after = dump (target);
  g_assert_cmpstr (before, ==, after);
  assert_index_sound (target);
  g_assert_cmpuint (count_backups (target), ==, 0);
  g_assert_cmpint (preview.created_us, ==, BACKUP_TIME_US);
  g_assert_cmpint (preview.schema_version, ==, steady_schema_get_version ());
  words = steady_restore_summary_describe (&preview);
  g_assert_nonnull (strstr (words, "new records"));
  g_assert_nonnull (strstr (words, "nothing removed"));

  steady_backup_restore (target, backup, &restored, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < STEADY_BACKUP_N_KINDS; i++)
    {
      g_assert_cmpuint (preview.kinds[i].n_new, ==, restored.kinds[i].n_new);
      g_assert_cmpuint (preview.kinds[i].n_updated, ==, restored.kinds[i].n_updated);
      g_assert_cmpuint (preview.kinds[i].n_unchanged, ==, restored.kinds[i].n_unchanged);
    }
  steady_restore_summary_clear (&restored);
  g_unlink (backup);
}

/* The file is refused with @code, and neither the database nor its backups changed. */
static void
assert_refused (SteadyDatabase *target,
                const char     *path,
                int             code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (target);
  g_autofree char *after = NULL;
  guint n_backups = count_backups (target);
  SteadyRestoreSummary summary = { 0 };

  g_assert_false (steady_backup_preview (target, path, &summary, NULL, &error));
  g_assert_error (error, STEADY_BACKUP_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL) && strlen (error->message) > 10);
  g_clear_error (&error);
  g_assert_false (steady_backup_restore (target, path, &summary, NULL, NULL, NULL, &error));
  g_assert_error (error, STEADY_BACKUP_ERROR, code);
  after = dump (target);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_backups (target), ==, n_backups);
}

/* @text with its checksum made right again, as a careful forger would. */
static char *
reseal (const char *text)
{
  const char *tail = strstr (text, STEADY_BACKUP_CHECKSUM_KEY);
  g_autofree char *content = NULL;
  g_autofree char *seal = NULL;

  g_assert_nonnull (tail);
  content = g_strndup (text, (gsize)(tail - text));
  seal = steady_backup_checksum_tail ((const guint8 *)text, (gsize)(tail - text));
  return g_strconcat (content, seal, NULL);
}

static void
test_refuses_bad_files (void)
{
  g_autoptr(SteadyDatabase) source = open_database ("source.db");
  g_autoptr(SteadyDatabase) target = open_database ("steady.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bad = g_build_filename (g_get_user_data_dir (), "bad.json", NULL);
  const gsize cuts[] = { 1, 12, 100, 0 /* half */, 0 /* all but one */, 0 /* all but 70 */ };
  gsize size;

  steady_database_exec (source, every_kind_sql, &error);
  g_assert_no_error (error);
  add_entry (source, UUID ("31"), 5, "an entry", "joy");
  add_entry (target, UUID ("32"), 5, "already here", "calm");
  backup = export_backup (source, "good.json");
  text = read_file (backup);
  size = strlen (text);

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      gsize cut = i == 3 ? size / 2 : i == 4 ? size - 1 : i == 5 ? size - 70 : cuts[i];

      write_file (bad, text, cut);
      assert_refused (target, bad, cut < 12 ? STEADY_BACKUP_ERROR_NOT_A_BACKUP
                                            : STEADY_BACKUP_ERROR_DAMAGED);
    }

  /* One byte changed, in a record and in the checksum itself. */
  {
    g_autofree char *changed = g_strdup (text);
    char *note = strstr (changed, "an entry");

    g_assert_nonnull (note);
    note[0] = 'A';
    write_file (bad, changed, size);
    assert_refused (target, bad, STEADY_BACKUP_ERROR_DAMAGED);
    g_free (changed);
    changed = g_strdup (text);
    changed[size - 10] = changed[size - 10] == '0' ? '1' : '0';
    write_file (bad, changed, size);
    assert_refused (target, bad, STEADY_BACKUP_ERROR_DAMAGED);
  }

  /* A newer format, and data from a newer schema, even with a checksum that agrees. */
  {
    g_autoptr(GString) newer = g_string_new (text);
    g_autofree char *sealed = NULL;

    g_string_replace (newer, "\"version\":1,", "\"version\":2,", 1);
    sealed = reseal (newer->str);
    write_file (bad, sealed, strlen (sealed));
    assert_refused (target, bad, STEADY_BACKUP_ERROR_TOO_NEW);

    g_string_assign (newer, text);
    g_string_replace (newer, "\"schema\":6,", "\"schema\":99,", 1);
    g_free (sealed);
    sealed = reseal (newer->str);
    write_file (bad, sealed, strlen (sealed));
    assert_refused (target, bad, STEADY_BACKUP_ERROR_TOO_NEW);

    /* A column this version does not have: another program's idea of our tables. */
    g_string_assign (newer, text);
    g_string_replace (newer, "\"mood\",", "\"mood_level\",", 1);
    g_free (sealed);
    sealed = reseal (newer->str);
    write_file (bad, sealed, strlen (sealed));
    assert_refused (target, bad, STEADY_BACKUP_ERROR_INVALID);

    /* A value the schema refuses (mood 9 of 5), caught in the middle of the merge. */
    g_string_assign (newer, text);
    g_assert_cmpuint (g_string_replace (newer, ",0,3,null,", ",0,9,null,", 1), ==, 1);
    g_free (sealed);
    sealed = reseal (newer->str);
    write_file (bad, sealed, strlen (sealed));
    assert_refused (target, bad, STEADY_BACKUP_ERROR_INVALID);
  }

  /* Garbage, an empty file, another JSON document, another program's database. */
  write_file (bad, "\x89PNG\r\n\x1a\n garbage garbage garbage garbage garbage", 40);
  assert_refused (target, bad, STEADY_BACKUP_ERROR_NOT_A_BACKUP);
  write_file (bad, "", 0);
  assert_refused (target, bad, STEADY_BACKUP_ERROR_NOT_A_BACKUP);
  write_file (bad, "{\"hello\": [1, 2, 3]}\n", 21);
  assert_refused (target, bad, STEADY_BACKUP_ERROR_NOT_A_BACKUP);
  {
    sqlite3 *other = NULL;

    g_unlink (bad);
    g_assert_cmpint (sqlite3_open (bad, &other), ==, SQLITE_OK);
    steady_test_exec (other, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
    sqlite3_close (other);
    assert_refused (target, bad, STEADY_BACKUP_ERROR_NOT_A_BACKUP);
  }
  g_unlink (bad);
  g_unlink (backup);
}

static void
cancel_after_first_step (double   fraction,
                         gpointer user_data)
{
  if (fraction < 1.0)
    g_cancellable_cancel (user_data);
}

/* The restore writes records first, then indexes them (the second half of its progress). */
static void
cancel_while_indexing (double   fraction,
                       gpointer user_data)
{
  if (fraction > 0.5 && fraction < 1.0)
    g_cancellable_cancel (user_data);
}

static void
test_cancel (void)
{
  g_autoptr(SteadyDatabase) source = open_small_source ();
  g_autoptr(SteadyDatabase) target = open_database ("steady.db");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = export_backup (source, "cancel.json");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = g_build_filename (g_get_user_data_dir (), "cancelled", "out.json",
                                          NULL);
  g_autofree char *out_dir = g_path_get_dirname (out);
  g_autoptr(GDir) dir = NULL;

  add_entry (target, UUID ("41"), 5, "already here", "calm");
  before = dump (target);
  g_assert_false (steady_backup_restore (target, backup, NULL, cancellable,
                                         cancel_after_first_step, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = dump (target);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  /* Cancelled while the restored records are being indexed: nothing changed either, and the
   * index and its triggers are as they were. */
  g_cancellable_reset (cancellable);
  g_assert_false (steady_backup_restore (target, backup, NULL, cancellable,
                                         cancel_while_indexing, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_free (after);
  after = dump (target);
  g_assert_cmpstr (before, ==, after);
  assert_index_sound (target);
  g_clear_error (&error);

  /* A cancelled export leaves no file, not even a temporary one. */
  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);
  g_cancellable_reset (cancellable);
  g_assert_false (steady_backup_export (source, out, cancellable, cancel_after_first_step,
                                        cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  dir = g_dir_open (out_dir, 0, NULL);
  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
  g_unlink (backup);
}

/* The automatic backups as a newline-separated list, newest first. */
static char *
list_backups (SteadyDatabase *database)
{
  g_autoptr(GPtrArray) backups = steady_database_list_backups (
      steady_database_get_path (database));

  g_ptr_array_add (backups, NULL);
  return g_strjoinv ("\n", (char **)backups->pdata);
}

/* A restore keeps a copy of the database first. When the restore fails, that copy goes and
 * the ten automatic backups are exactly as they were: the oldest is not pruned for a copy
 * that is then deleted. When it succeeds, the oldest makes room for the copy. */
static void
test_failed_restore_keeps_backups (void)
{
  g_autoptr(SteadyDatabase) source = open_small_source ();
  g_autoptr(SteadyDatabase) target = open_database ("steady.db");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = export_backup (source, "keeps.json");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SteadyRestoreSummary summary = { 0 };

  for (guint i = 0; i < 10; i++)
    {
      g_ptr_array_add (made, steady_database_backup_now (target, &error));
      g_assert_no_error (error);
    }
  before = list_backups (target);
  g_assert_cmpuint (count_backups (target), ==, 10);

  g_assert_false (steady_backup_restore (target, backup, NULL, cancellable,
                                         cancel_after_first_step, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after = list_backups (target);
  g_assert_cmpstr (before, ==, after);

  steady_backup_restore (target, backup, &summary, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (target), ==, 10);
  g_assert_false (g_file_test (g_ptr_array_index (made, 0), G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (g_ptr_array_index (made, 1), G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (summary.safety_backup_path, G_FILE_TEST_EXISTS));
  steady_restore_summary_clear (&summary);
  g_unlink (backup);
}

/* An automatic backup (a database file in backups/) restores like a JSON one. */
static void
test_from_automatic_backup (void)
{
  g_autoptr(SteadyDatabase) source = open_database ("source.db");
  g_autoptr(SteadyDatabase) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *automatic = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *target_path = g_build_filename (g_get_user_data_dir (), "other", "steady.db",
                                                   NULL);
  g_autofree char *target_dir = g_path_get_dirname (target_path);
  SteadyRestoreSummary summary = { 0 };

  steady_database_exec (source, every_kind_sql, &error);
  g_assert_no_error (error);
  add_entry (source, UUID ("51"), 5, "from the automatic backup", "fear");
  automatic = steady_database_backup_now (source, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_mkdir_with_parents (target_dir, 0700), ==, 0);
  target = steady_database_open (target_path, &error);
  g_assert_no_error (error);
  steady_backup_preview (target, automatic, &summary, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.kinds[STEADY_BACKUP_KIND_MOOD_ENTRY].n_new, ==, 1);
  steady_backup_restore (target, automatic, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  expected = dump (source);
  restored = dump (target);
  g_assert_cmpstr (expected, ==, restored);
}

/* A table a later schema adds must be added to the backup too, or the backup would quietly
 * stop being complete. Only the search index, which the triggers rebuild, is left out. */
static void
test_every_table_covered (void)
{
  g_autoptr(SteadyDatabase) database = open_database ("steady.db");
  const SteadyBackupTable *tables;
  sqlite3_stmt *stmt = NULL;
  guint n_tables, n_found = 0;

  tables = steady_backup_get_tables (&n_tables);
  g_assert_cmpint (sqlite3_prepare_v2 (steady_database_get_handle (database),
                                       "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                       "   AND name NOT LIKE 'sqlite_%' AND name NOT LIKE"
                                       " 'search_%' ORDER BY name", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (stmt, 0);
      gboolean covered = FALSE;

      for (guint i = 0; i < n_tables; i++)
        covered |= g_str_equal (tables[i].name, name);
      if (!covered)
        g_error ("The backup leaves out the table %s", name);
      n_found++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n_found, ==, n_tables);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/backup/every-table-covered", test_every_table_covered);
  g_test_add_func ("/backup/round-trip", test_round_trip);
  g_test_add_func ("/backup/restore-twice", test_restore_twice);
  g_test_add_func ("/backup/merge-keeps-newer", test_merge_keeps_newer);
  g_test_add_func ("/backup/preview-changes-nothing", test_preview_changes_nothing);
  g_test_add_func ("/backup/refuses-bad-files", test_refuses_bad_files);
  g_test_add_func ("/backup/cancel", test_cancel);
  g_test_add_func ("/backup/failed-restore-keeps-backups", test_failed_restore_keeps_backups);
  g_test_add_func ("/backup/from-automatic-backup", test_from_automatic_backup);

  return g_test_run ();
}
