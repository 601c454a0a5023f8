/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv-export.c: the CSV exports read back with Python's csv module — every file has the
 * documented header, every row and field (commas, quotes, line breaks, accents) comes back,
 * formula-looking text is defused, private and out-of-range records are absent and counted,
 * files are 0600 under umask 022, and a cancelled export leaves nothing. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <sys/stat.h>
#include <time.h>

#include "steady-csv-export.h"
#include "steady-database.h"
#include "steady-diary-store.h"
#include "steady-journal-common.h"
#include "steady-journal-store.h"
#include "steady-occurrence-store.h"
#include "steady-practice-store.h"
#include "steady-session-store.h"
#include "steady-skill-store.h"
#include "steady-test-util.h"

#define PRIVATE_MARKER "PRIVATE-MARKER-7319"
#define OUTSIDE_MARKER "OUT-OF-RANGE-MARKER-4471"

static const char first_note[] = "Café with Zoë, \"the group\" and Núñez;\nsecond line — ✓";

typedef struct
{
  SteadyDatabase *db;
  char           *folder;
  JsonObject     *files;  /* file name → { bom, header_crlf, ends_crlf, header, rows } */
  JsonObject     *readme; /* file name → documented columns */
  JsonParser     *parser;
} Fixture;

static gint64
iso_us (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static const char *
term_uuid (SteadyJournalStore    *store,
           SteadyJournalTermKind  kind,
           const char            *name)
{
  g_autoptr(GPtrArray) terms = steady_journal_store_list_terms (store, kind, NULL);
  static char uuid[37];

  g_assert_nonnull (terms);
  for (guint i = 0; i < terms->len; i++)
    {
      SteadyJournalTerm *term = g_ptr_array_index (terms, i);

      if (g_strcmp0 (steady_journal_term_get_name (term), name) == 0)
        {
          g_strlcpy (uuid, steady_journal_term_get_uuid (term), sizeof uuid);
          return uuid;
        }
    }
  g_assert_not_reached ();
}

static void
add_entry (SteadyJournalStore *store,
           const char         *iso,
           int                 offset_s,
           int                 mood,
           const char         *note,
           gboolean            is_private)
{
  g_autoptr(SteadyMoodEntry) entry = steady_mood_entry_new ();
  g_autoptr(GError) error = NULL;

  steady_mood_entry_set_time (entry, iso_us (iso), offset_s);
  steady_mood_entry_set_mood (entry, mood);
  steady_mood_entry_set_note (entry, note);
  steady_mood_entry_set_private (entry, is_private);
  if (mood == 4)
    {
      static const char * const medications[] = { "Sertraline 50 mg", "Vitamin D", NULL };

      steady_mood_entry_set_anxiety (entry, 3);
      steady_mood_entry_set_energy (entry, 7);
      steady_mood_entry_set_sleep_hours (entry, 7.5);
      steady_mood_entry_set_medication (entry, STEADY_MEDICATION_YES);
      steady_mood_entry_set_medications (entry, medications);
      steady_mood_entry_add_tag (entry, term_uuid (store, STEADY_JOURNAL_TERM_TAG, "Work"),
                                 "Work");
      steady_mood_entry_set_emotion (entry, term_uuid (store, STEADY_JOURNAL_TERM_EMOTION, "Joy"),
                                     "Joy", 60);
    }
  g_assert_true (steady_journal_store_create (store, entry, &error));
  g_assert_no_error (error);
}

static void
add_exercise (SteadyDatabase *db,
              const char     *iso,
              const char     *situation,
              gboolean        is_private)
{
  g_autoptr(SteadySkillStore) store = steady_skill_store_new (db);
  g_autoptr(SteadySkillRecord) record = steady_skill_record_new (STEADY_SKILL_KIND_THOUGHT_RECORD);
  static const char * const traps[] = { "all-or-nothing", NULL };
  g_autoptr(GError) error = NULL;
  guint mood;

  steady_skill_record_set_time (record, iso_us (iso), 7200);
  steady_skill_record_set_text (record, "situation", situation);
  mood = steady_skill_record_add_mood (record, "anxious", 80);
  steady_skill_record_set_mood_after (record, mood, 40);
  steady_skill_record_add_thought (record, "They think I'm useless, \"obviously\"");
  steady_skill_record_add_thought (record, "I'll fail");
  steady_skill_record_set_hot_thought (record, 0);
  steady_skill_record_set_traps (record, traps);
  steady_skill_record_set_percent (record, "belief", 70);
  steady_skill_record_set_step_reached (record, 7);
  steady_skill_record_set_finished (record, TRUE);
  steady_skill_record_set_distress_before (record, 7);
  steady_skill_record_set_distress_after (record, 4);
  steady_skill_record_set_private (record, is_private);
  g_assert_true (steady_skill_store_save (store, record, &error));
  g_assert_no_error (error);
}

static void
add_diary (SteadyDatabase *db)
{
  g_autoptr(SteadyDiaryStore) store = steady_diary_store_new (db);
  g_autoptr(SteadyDiaryTarget) sadness = NULL;
  g_autoptr(SteadyDiaryTarget) urge = NULL;
  g_autoptr(SteadyDiaryCard) card =
    steady_diary_card_new (steady_test_local_day (2026, 3, 29), 7200);
  g_autoptr(SteadyDiaryCard) hidden =
    steady_diary_card_new (steady_test_local_day (2026, 3, 31), 7200);
  g_autoptr(SteadyDiaryCard) later =
    steady_diary_card_new (steady_test_local_day (2026, 4, 10), 7200);
  g_autoptr(GError) error = NULL;
  g_autofree char *use = NULL;

  sadness = steady_diary_store_add_target (store, STEADY_DIARY_TARGET_EMOTION, "Sadness",
                                           &error);
  g_assert_no_error (error);
  urge = steady_diary_store_add_target (store, STEADY_DIARY_TARGET_URGE,
                                        "Skip group, or \"hide\"", &error);
  g_assert_no_error (error);

  steady_diary_card_set_rating (card, sadness->uuid, 3, -1);
  steady_diary_card_set_rating (card, urge->uuid, 2, 1);
  steady_diary_card_set_skill (card, "wise-mind", 5);
  card->distress = 6;
  g_assert_true (steady_diary_store_save_card (store, card, &error));
  g_assert_no_error (error);

  steady_diary_card_set_rating (hidden, sadness->uuid, 5, -1);
  hidden->private_ = TRUE;
  g_assert_true (steady_diary_store_save_card (store, hidden, &error));
  steady_diary_card_set_rating (later, sadness->uuid, 1, -1);
  g_assert_true (steady_diary_store_save_card (store, later, &error));
  g_assert_no_error (error);

  use = steady_diary_store_log_skill_use (store, "wise-mind", 6, 7, 3,
                                          iso_us ("2026-03-29T18:00:00+02:00"), 7200, &error);
  g_assert_no_error (error);
  g_assert_nonnull (use);
}

static void
add_practice (SteadyDatabase *db)
{
  g_autoptr(SteadyPracticeStore) store = steady_practice_store_new (db);
  g_autoptr(SteadyPracticeRecord) sit = NULL;
  g_autoptr(GError) error = NULL;

  sit = steady_practice_record_new (STEADY_PRACTICE_KIND_MINDFULNESS);
  sit->planned_us = 600 * G_USEC_PER_SEC;
  sit->actual_us = 590 * G_USEC_PER_SEC + 400000;
  sit->started_at_us = iso_us ("2026-03-27T20:00:00+01:00");
  sit->utc_offset_s = 3600;
  sit->distress_before = 5;
  sit->distress_after = 2;
  g_assert_true (steady_practice_store_add (store, sit, &error));
  g_assert_no_error (error);
}

static void
add_session (SteadyDatabase *db)
{
  g_autoptr(SteadySessionStore) store = steady_session_store_new (db);
  g_autoptr(SteadyOccurrenceStore) attendance = steady_occurrence_store_new (db);
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();
  g_autoptr(GError) error = NULL;

  steady_session_series_set_title (series, "Group, \"DBT\" skills");
  series->kind = STEADY_SESSION_KIND_SKILLS_GROUP;
  steady_session_series_set_place (series, "Room 4");
  steady_session_series_set_clinician (series, "Dr. Núñez");
  steady_session_series_set_video_link (series, "https://meet.example/secret-pass");
  steady_session_series_set_start (series, "20260323T090000", "Europe/Berlin");
  series->duration_minutes = 180;
  steady_session_series_set_rrule (series, "FREQ=WEEKLY;COUNT=3");
  g_assert_true (steady_session_store_add_series (store, series, &error));
  g_assert_no_error (error);
  g_assert_true (steady_occurrence_store_set_attendance (attendance, series->uuid,
                                                         "20260330T090000",
                                                         STEADY_ATTENDANCE_ATTENDED,
                                                         "@home, then \"fine\"", &error));
  g_assert_true (steady_occurrence_store_set_attendance (attendance, series->uuid,
                                                         "20260323T090000",
                                                         STEADY_ATTENDANCE_MISSED, "", &error));
  g_assert_no_error (error);
}

static void
fill (SteadyDatabase *db)
{
  g_autoptr(SteadyJournalStore) journal = steady_journal_store_new (db);

  add_entry (journal, "2026-03-30T09:00:00+02:00", 7200, 2, "=HYPERLINK(\"http://x\",\"y\")",
             FALSE);
  add_entry (journal, "2026-03-28T10:00:00+01:00", 3600, 4, first_note, FALSE);
  add_entry (journal, "2026-04-01T21:00:00+02:00", 7200, 3, "- a list\n- of things", FALSE);
  add_entry (journal, "2026-03-31T12:00:00+02:00", 7200, 1, PRIVATE_MARKER, TRUE);
  add_entry (journal, "2026-04-10T12:00:00+02:00", 7200, 5, OUTSIDE_MARKER, FALSE);
  add_exercise (db, "2026-03-29T11:00:00+02:00", "At work, \"the meeting\"\nwent badly", FALSE);
  add_exercise (db, "2026-03-29T12:00:00+02:00", PRIVATE_MARKER, TRUE);
  add_diary (db);
  add_practice (db);
  add_session (db);
}

static void export_range_and_read (Fixture                 *f,
                                   guint                    kinds,
                                   const SteadyReportRange *range,
                                   SteadyCsvCount          *counts);

/* The test's range: 23 March to 5 April 2026, across the spring change. */
static void
export_and_read (Fixture        *f,
                 guint           kinds,
                 SteadyCsvCount *counts)
{
  g_autoptr(GError) error = NULL;
  SteadyReportRange range;
  GDate first, last;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 23, G_DATE_MARCH, 2026);
  g_date_set_dmy (&last, 5, G_DATE_APRIL, 2026);
  g_assert_true (steady_report_range_custom (&first, &last, NULL, &range, &error));
  export_range_and_read (f, kinds, &range, counts);
}

static void
export_range_and_read (Fixture                 *f,
                       guint                    kinds,
                       const SteadyReportRange *range,
                       SteadyCsvCount          *counts)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "core", "read-csv.py", NULL);
  g_autofree char *readme = g_build_filename (g_getenv ("STEADY_SOURCE_ROOT"), "src", "reports",
                                              "README.md", NULL);
  const char *argv[] = { "python3", script, f->folder, readme, NULL };
  JsonObject *root;
  int status;

  g_assert_true (steady_csv_export (f->db, kinds, range, f->folder, NULL, NULL, NULL, counts,
                                    &error));
  g_assert_no_error (error);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("read-csv.py failed: %s", err);
  f->parser = json_parser_new ();
  g_assert_true (json_parser_load_from_data (f->parser, out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (f->parser));
  f->files = json_object_get_object_member (root, "files");
  f->readme = json_object_get_object_member (root, "readme");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_database_get_default_path ();

  umask (022);
  f->db = steady_database_open (path, &error);
  g_assert_no_error (error);
  fill (f->db);
  f->folder = g_build_filename (g_get_user_data_dir (), "export", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->folder, 0755), ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->parser);
  g_clear_object (&f->db);
  g_free (f->folder);
}

/* The rows of @file as objects keyed by the header's names. */
static GPtrArray *
rows_of (Fixture    *f,
         const char *file)
{
  JsonObject *object = json_object_get_object_member (f->files, file);
  JsonArray *header = json_object_get_array_member (object, "header");
  JsonArray *rows = json_object_get_array_member (object, "rows");
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonArray *row = json_array_get_array_element (rows, i);
      GHashTable *cells = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_cmpuint (json_array_get_length (row), ==, json_array_get_length (header));
      for (guint c = 0; c < json_array_get_length (row); c++)
        g_hash_table_insert (cells, (gpointer) json_array_get_string_element (header, c),
                             (gpointer) json_array_get_string_element (row, c));
      g_ptr_array_add (result, cells);
    }
  return result;
}

static const char *
cell (GPtrArray  *rows,
      guint       index,
      const char *column)
{
  const char *value;

  g_assert_cmpuint (index, <, rows->len);
  value = g_hash_table_lookup (g_ptr_array_index (rows, index), column);
  g_assert_nonnull (value);
  return value;
}

static void
test_all_kinds (Fixture       *f,
                gconstpointer  data)
{
  SteadyCsvCount counts[STEADY_N_CSV_KINDS];
  g_autoptr(GPtrArray) journal = NULL;
  g_autoptr(GPtrArray) exercises = NULL;
  g_autoptr(GPtrArray) diary = NULL;
  g_autoptr(GPtrArray) uses = NULL;
  g_autoptr(GPtrArray) practice = NULL;
  g_autoptr(GPtrArray) sessions = NULL;

  export_and_read (f, STEADY_CSV_KIND_MASK_ALL, counts);

  /* Every kind: its file, the documented header in README.md, BOM and CRLF, 0600. */
  g_assert_cmpuint (json_object_get_size (f->files), ==, STEADY_N_CSV_KINDS);
  for (guint kind = 0; kind < STEADY_N_CSV_KINDS; kind++)
    {
      const char *name = steady_csv_kind_get_file_name (kind);
      const char * const *columns = steady_csv_kind_get_columns (kind);
      JsonObject *file = json_object_get_object_member (f->files, name);
      JsonArray *header = json_object_get_array_member (file, "header");
      JsonArray *documented = json_object_get_array_member (f->readme, name);
      g_autofree char *path = g_build_filename (f->folder, name, NULL);
      GStatBuf st;

      g_assert_nonnull (file);
      g_assert_nonnull (documented);
      g_assert_cmpuint (json_array_get_length (header), ==, g_strv_length ((char **) columns));
      g_assert_cmpuint (json_array_get_length (documented), ==,
                        g_strv_length ((char **) columns));
      for (guint c = 0; columns[c] != NULL; c++)
        {
          g_assert_cmpstr (json_array_get_string_element (header, c), ==, columns[c]);
          g_assert_cmpstr (json_array_get_string_element (documented, c), ==, columns[c]);
        }
      g_assert_true (json_object_get_boolean_member (file, "bom"));
      g_assert_true (json_object_get_boolean_member (file, "header_crlf"));
      g_assert_true (json_object_get_boolean_member (file, "ends_crlf"));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (file, "rows")), ==,
                        counts[kind].n_rows);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    }

  /* Journal: oldest first, the private one and the one after the range absent. */
  journal = rows_of (f, "journal.csv");
  g_assert_cmpuint (journal->len, ==, 3);
  g_assert_cmpuint (counts[STEADY_CSV_KIND_JOURNAL].n_private, ==, 1);
  g_assert_cmpstr (cell (journal, 0, "time"), ==, "2026-03-28T10:00:00+01:00");
  g_assert_cmpstr (cell (journal, 0, "date"), ==, "2026-03-28");
  g_assert_cmpstr (cell (journal, 0, "note"), ==, first_note);
  g_assert_cmpstr (cell (journal, 0, "mood"), ==, "4");
  g_assert_cmpstr (cell (journal, 0, "mood_name"), ==, "good");
  g_assert_cmpstr (cell (journal, 0, "anxiety"), ==, "3");
  g_assert_cmpstr (cell (journal, 0, "energy"), ==, "7");
  g_assert_cmpstr (cell (journal, 0, "sleep_hours"), ==, "7.5");
  g_assert_cmpstr (cell (journal, 0, "medication_taken"), ==, "yes");
  g_assert_cmpstr (cell (journal, 0, "medications"), ==, "Sertraline 50 mg; Vitamin D");
  g_assert_cmpstr (cell (journal, 0, "emotions"), ==, "Joy (60)");
  g_assert_cmpstr (cell (journal, 0, "tags"), ==, "Work");
  /* After the spring change the offset is +02:00; a formula is defused, quotes kept. */
  g_assert_cmpstr (cell (journal, 1, "time"), ==, "2026-03-30T09:00:00+02:00");
  g_assert_cmpstr (cell (journal, 1, "note"), ==, "'=HYPERLINK(\"http://x\",\"y\")");
  g_assert_cmpstr (cell (journal, 1, "anxiety"), ==, "");
  g_assert_cmpstr (cell (journal, 1, "medication_taken"), ==, "");
  g_assert_cmpstr (cell (journal, 2, "note"), ==, "'- a list\n- of things");

  exercises = rows_of (f, "exercises.csv");
  g_assert_cmpuint (exercises->len, ==, 1);
  g_assert_cmpuint (counts[STEADY_CSV_KIND_EXERCISES].n_private, ==, 1);
  g_assert_cmpstr (cell (exercises, 0, "exercise"), ==, "thought-record");
  g_assert_cmpstr (cell (exercises, 0, "exercise_name"), ==, "Thought record");
  g_assert_cmpstr (cell (exercises, 0, "time"), ==, "2026-03-29T11:00:00+02:00");
  g_assert_cmpstr (cell (exercises, 0, "finished"), ==, "yes");
  g_assert_cmpstr (cell (exercises, 0, "step_reached"), ==, "7");
  g_assert_cmpstr (cell (exercises, 0, "distress_before"), ==, "7");
  g_assert_cmpstr (cell (exercises, 0, "distress_after"), ==, "4");
  g_assert_cmpstr (cell (exercises, 0, "answers"), ==,
                   "Situation: At work, \"the meeting\"\nwent badly\n"
                   "How much you believe it: 70%");
  g_assert_cmpstr (cell (exercises, 0, "moods"), ==, "anxious 80 → 40");
  g_assert_cmpstr (cell (exercises, 0, "thoughts"), ==,
                   "They think I'm useless, \"obviously\" (hot thought)\nI'll fail");
  g_assert_cmpstr (cell (exercises, 0, "thinking_traps"), ==, "All-or-nothing thinking");

  /* Diary cards: one row per target, skill and distress of the visible card. */
  diary = rows_of (f, "diary-cards.csv");
  g_assert_cmpuint (diary->len, ==, 4);
  g_assert_cmpuint (counts[STEADY_CSV_KIND_DIARY_CARDS].n_private, ==, 1);
  for (guint i = 0; i < diary->len; i++)
    g_assert_cmpstr (cell (diary, i, "date"), ==, "2026-03-29");
  g_assert_cmpstr (cell (diary, 0, "row"), ==, "emotion");
  g_assert_cmpstr (cell (diary, 0, "name"), ==, "Sadness");
  g_assert_cmpstr (cell (diary, 0, "rating"), ==, "3");
  g_assert_cmpstr (cell (diary, 0, "acted"), ==, "");
  g_assert_cmpstr (cell (diary, 1, "row"), ==, "urge");
  g_assert_cmpstr (cell (diary, 1, "name"), ==, "Skip group, or \"hide\"");
  g_assert_cmpstr (cell (diary, 1, "acted"), ==, "yes");
  g_assert_cmpstr (cell (diary, 2, "row"), ==, "skill");
  g_assert_cmpstr (cell (diary, 2, "name"), ==, "Wise mind");
  /* "I used this" at 6 that day set the card's rating of the skill (the diary store's rule). */
  g_assert_cmpstr (cell (diary, 2, "rating"), ==, "6");
  g_assert_cmpstr (cell (diary, 3, "row"), ==, "distress");
  g_assert_cmpstr (cell (diary, 3, "rating"), ==, "6");

  uses = rows_of (f, "skill-uses.csv");
  g_assert_cmpuint (uses->len, ==, 1);
  g_assert_cmpstr (cell (uses, 0, "time"), ==, "2026-03-29T18:00:00+02:00");
  g_assert_cmpstr (cell (uses, 0, "skill"), ==, "wise-mind");
  g_assert_cmpstr (cell (uses, 0, "skill_name"), ==, "Wise mind");
  g_assert_cmpstr (cell (uses, 0, "rating"), ==, "6");
  g_assert_cmpstr (cell (uses, 0, "distress_before"), ==, "7");
  g_assert_cmpstr (cell (uses, 0, "distress_after"), ==, "3");

  practice = rows_of (f, "practice.csv");
  g_assert_cmpuint (practice->len, ==, 1);
  g_assert_cmpstr (cell (practice, 0, "kind"), ==, "mindfulness");
  g_assert_cmpstr (cell (practice, 0, "time"), ==, "2026-03-27T20:00:00+01:00");
  g_assert_cmpstr (cell (practice, 0, "pattern"), ==, "");
  g_assert_cmpstr (cell (practice, 0, "planned_seconds"), ==, "600.0");
  g_assert_cmpstr (cell (practice, 0, "planned_breaths"), ==, "");
  g_assert_cmpstr (cell (practice, 0, "actual_seconds"), ==, "590.4");
  g_assert_cmpstr (cell (practice, 0, "completed"), ==, "no");

  /* Two of the three weekly sessions start in the range, across the spring change. */
  sessions = rows_of (f, "sessions.csv");
  g_assert_cmpuint (sessions->len, ==, 2);
  g_assert_cmpstr (cell (sessions, 0, "start"), ==, "2026-03-23T09:00:00+01:00");
  g_assert_cmpstr (cell (sessions, 0, "end"), ==, "2026-03-23T12:00:00+01:00");
  g_assert_cmpstr (cell (sessions, 0, "status"), ==, "missed");
  g_assert_cmpstr (cell (sessions, 0, "title"), ==, "Group, \"DBT\" skills");
  g_assert_cmpstr (cell (sessions, 0, "kind"), ==, "skills-group");
  g_assert_cmpstr (cell (sessions, 0, "clinician"), ==, "Dr. Núñez");
  g_assert_cmpstr (cell (sessions, 1, "start"), ==, "2026-03-30T09:00:00+02:00");
  g_assert_cmpstr (cell (sessions, 1, "status"), ==, "attended");
  g_assert_cmpstr (cell (sessions, 1, "attendance_note"), ==, "'@home, then \"fine\"");
}

/* Nothing private, outside the range, or a video link is anywhere in the bytes. */
static void
test_nothing_leaks (Fixture       *f,
                    gconstpointer  data)
{
  export_and_read (f, STEADY_CSV_KIND_MASK_ALL, NULL);
  for (guint kind = 0; kind < STEADY_N_CSV_KINDS; kind++)
    {
      g_autofree char *path = g_build_filename (f->folder, steady_csv_kind_get_file_name (kind),
                                                NULL);
      g_autofree char *bytes = NULL;

      g_assert_true (g_file_get_contents (path, &bytes, NULL, NULL));
      g_assert_null (strstr (bytes, PRIVATE_MARKER));
      g_assert_null (strstr (bytes, OUTSIDE_MARKER));
      g_assert_null (strstr (bytes, "secret-pass"));
    }
}

static void
test_some_kinds (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint kinds = 0;

  g_assert_true (steady_csv_kinds_parse ("sessions, journal", &kinds, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kinds, ==, STEADY_CSV_KIND_MASK (STEADY_CSV_KIND_SESSIONS) |
                               STEADY_CSV_KIND_MASK (STEADY_CSV_KIND_JOURNAL));
  g_assert_false (steady_csv_kinds_parse ("journal,moods", &kinds, &error));
  g_assert_error (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "“moods”"));
  g_assert_nonnull (strstr (error->message, "diary-cards"));
  g_clear_error (&error);
  g_assert_false (steady_csv_kinds_parse ("", &kinds, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  export_and_read (f, STEADY_CSV_KIND_MASK (STEADY_CSV_KIND_SESSIONS) |
                      STEADY_CSV_KIND_MASK (STEADY_CSV_KIND_JOURNAL), NULL);
  g_assert_cmpuint (json_object_get_size (f->files), ==, 2);
  g_assert_true (json_object_has_member (f->files, "journal.csv"));
  g_assert_true (json_object_has_member (f->files, "sessions.csv"));
}

/* A repeating series without an end: upcoming sessions stop a year from now. */
static void
test_endless_series (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SteadySessionStore) store = steady_session_store_new (f->db);
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GError) error = NULL;
  SteadyReportRange everything;
  gint64 week = (gint64) 7 * 24 * 3600 * G_USEC_PER_SEC;
  gint64 year_ahead = g_get_real_time () + (gint64) 366 * 24 * 3600 * G_USEC_PER_SEC;
  gint64 last_start;

  steady_session_series_set_title (series, "Open-ended group");
  steady_session_series_set_start (series, "20260302T090000", "Europe/Berlin");
  series->duration_minutes = 60;
  steady_session_series_set_rrule (series, "FREQ=WEEKLY");
  g_assert_true (steady_session_store_add_series (store, series, &error));
  g_assert_no_error (error);

  steady_report_range_everything (&everything);
  export_range_and_read (f, STEADY_CSV_KIND_MASK (STEADY_CSV_KIND_SESSIONS), &everything, NULL);
  sessions = rows_of (f, "sessions.csv");
  last = g_date_time_new_from_iso8601 (cell (sessions, sessions->len - 1, "start"), NULL);
  last_start = g_date_time_to_unix (last) * G_USEC_PER_SEC;
  g_assert_cmpint (last_start, <=, year_ahead);
  g_assert_cmpint (last_start, >, year_ahead - week);
  /* The other series' three, and one a week from March 2026 until then. */
  g_assert_cmpuint (sessions->len, ==,
                    3 + 1 + (last_start - iso_us ("2026-03-02T09:00:00+01:00") + week / 2) / week);
}

/* Cancelled, or failing on one file: no file of the export appears, an older one stays. */
static void
test_nothing_half_written (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *old = g_build_filename (f->folder, "journal.csv", NULL);
  g_autofree char *blocker = g_build_filename (f->folder, "sessions.csv", NULL);
  g_autofree char *contents = NULL;
  SteadyReportRange range = { 0, G_MAXINT64 };
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  g_assert_true (g_file_set_contents (old, "older export", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (steady_csv_export (f->db, STEADY_CSV_KIND_MASK_ALL, &range, f->folder,
                                     cancellable, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* A folder where the last file should go makes the last rename fail. */
  g_assert_cmpint (g_mkdir (blocker, 0700), ==, 0);
  g_assert_false (steady_csv_export (f->db, STEADY_CSV_KIND_MASK_ALL, &range, f->folder, NULL,
                                     NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "sessions.csv"));
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (old, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "older export");
  dir = g_dir_open (f->folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_true (g_str_equal (name, "journal.csv") || g_str_equal (name, "sessions.csv"));
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 2);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  GArray *seen = user_data;

  g_array_append_val (seen, fraction);
}

static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  SteadyReportRange range = { 0, G_MAXINT64 };

  g_assert_true (steady_csv_export (f->db, STEADY_CSV_KIND_MASK_ALL, &range, f->folder, NULL,
                                    progress_cb, seen, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, >=, 2);
  g_assert_cmpfloat (g_array_index (seen, double, 0), ==, 0.0);
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), >=, g_array_index (seen, double, i - 1));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  tzset ();
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/csv-export/all-kinds", Fixture, NULL, fixture_set_up, test_all_kinds,
              fixture_tear_down);
  g_test_add ("/csv-export/nothing-leaks", Fixture, NULL, fixture_set_up, test_nothing_leaks,
              fixture_tear_down);
  g_test_add ("/csv-export/some-kinds", Fixture, NULL, fixture_set_up, test_some_kinds,
              fixture_tear_down);
  g_test_add ("/csv-export/endless-series", Fixture, NULL, fixture_set_up, test_endless_series,
              fixture_tear_down);
  g_test_add ("/csv-export/nothing-half-written", Fixture, NULL, fixture_set_up,
              test_nothing_half_written, fixture_tear_down);
  g_test_add ("/csv-export/progress", Fixture, NULL, fixture_set_up, test_progress,
              fixture_tear_down);
  return g_test_run ();
}
