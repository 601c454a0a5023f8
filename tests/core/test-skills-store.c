/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-skills-store.c: thought records and DBT-informed worksheets in a real database file:
 * every kind saved at any step and read back, out-of-range values refused by the store and by
 * the schema, drafts, migration from the version 1 fixture, search against a LIKE oracle,
 * and a deleted record leaving no trace. */

#define G_LOG_DOMAIN "test-skills-store"

#include "config.h"

#include <string.h>

#include "steady-database.h"
#include "steady-diary-store.h"
#include "steady-draft-store.h"
#include "steady-journal-common.h"
#include "steady-schema.h"
#include "steady-skill-store.h"
#include "steady-skills-error.h"

#define BASE_US G_GINT64_CONSTANT (1700000000000000) /* 2023-11-14 22:13 UTC */
#define HOUR_US (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)

static SteadyDatabase *
open_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_database_get_default_path ();
  SteadyDatabase *database = steady_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (database);
  return database;
}

static gint64
query_int (SteadyDatabase *database,
           const char     *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (steady_database_get_handle (database), sql, -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* A record of @kind with every field answered: text fields get "<field> @word", ratings
 * their middle value. */
static SteadySkillRecord *
make_full_record (SteadySkillKind  kind,
                  const char      *word)
{
  SteadySkillRecord *record = steady_skill_record_new (kind);
  const SteadySkillField *fields;
  guint n_fields;

  fields = steady_skill_kind_get_fields (kind, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s %s", fields[i].id, word);

      switch (fields[i].type)
        {
        case STEADY_SKILL_FIELD_TEXT:
          steady_skill_record_set_text (record, fields[i].id, text);
          break;
        case STEADY_SKILL_FIELD_PERCENT:
          steady_skill_record_set_percent (record, fields[i].id, 50);
          break;
        case STEADY_SKILL_FIELD_CHOICE:
          steady_skill_record_set_choice (record, fields[i].id, "partly");
          break;
        case STEADY_SKILL_FIELD_MOODS:
          if (steady_skill_record_get_n_moods (record) == 0)
            {
              steady_skill_record_add_mood (record, "Sadness", 80);
              steady_skill_record_add_mood (record, "Fear", 60);
              steady_skill_record_set_mood_after (record, 0, 50);
            }
          break;
        case STEADY_SKILL_FIELD_THOUGHTS:
          steady_skill_record_add_thought (record, "I always get it wrong");
          steady_skill_record_add_thought (record, text);
          steady_skill_record_set_hot_thought (record, 1);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  steady_skill_record_set_step_reached (record, steady_skill_kind_get_n_steps (kind));
  steady_skill_record_set_finished (record, TRUE);
  steady_skill_record_set_distress_before (record, 7);
  steady_skill_record_set_distress_after (record, 4);
  return record;
}

static void
assert_same_record (SteadySkillRecord *a,
                    SteadySkillRecord *b)
{
  g_autofree char *da = steady_skill_record_to_draft (a);
  g_autofree char *db = steady_skill_record_to_draft (b);

  g_assert_cmpstr (da, ==, db);
}

/* Every kind: saved whole, read back equal, changed, read back changed. */
static void
check_crud (SteadyDatabase *database)
{
  g_autoptr(SteadySkillStore) store = steady_skill_store_new (database);

  for (SteadySkillKind kind = 0; kind < STEADY_N_SKILL_KINDS; kind++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SteadySkillRecord) record = make_full_record (kind, "crud");
      g_autoptr(SteadySkillRecord) loaded = NULL;
      g_autoptr(SteadySkillRecord) changed = NULL;

      steady_skill_record_set_time (record, BASE_US + kind * HOUR_US, -5 * 3600);
      g_assert_true (steady_skill_store_save (store, record, &error));
      g_assert_no_error (error);
      g_assert_cmpint (steady_skill_record_get_created (record), >, 0);

      loaded = steady_skill_store_load (store, steady_skill_record_get_uuid (record), &error);
      g_assert_no_error (error);
      assert_same_record (record, loaded);
      g_assert_cmpint (steady_skill_record_get_kind (loaded), ==, kind);
      g_assert_cmpint (steady_skill_record_get_utc_offset (loaded), ==, -5 * 3600);
      g_assert_cmpint (steady_skill_record_get_distress_before (loaded), ==, 7);
      g_assert_cmpint (steady_skill_record_get_distress_after (loaded), ==, 4);
      g_assert_true (steady_skill_record_get_finished (loaded));

      steady_skill_record_set_private (loaded, TRUE);
      steady_skill_record_set_distress_after (loaded, STEADY_SKILL_NO_RATING);
      g_assert_true (steady_skill_store_save (store, loaded, &error));
      g_assert_no_error (error);
      changed = steady_skill_store_load (store, steady_skill_record_get_uuid (record), &error);
      g_assert_no_error (error);
      g_assert_true (steady_skill_record_get_private (changed));
      g_assert_cmpint (steady_skill_record_get_distress_after (changed), ==,
                       STEADY_SKILL_NO_RATING);
      g_assert_cmpint (steady_skill_record_get_created (changed), ==,
                       steady_skill_record_get_created (record));
    }
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM skill_record"), ==,
                   STEADY_N_SKILL_KINDS);

  /* Listed newest first, filtered by kind. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) all = steady_skill_store_list (store, STEADY_SKILL_KIND_MASK_ALL, 100,
                                                        &error);
    g_autoptr(GPtrArray) two = steady_skill_store_list (store,
      STEADY_SKILL_KIND_MASK (STEADY_SKILL_KIND_NAME_EMOTION) |
      STEADY_SKILL_KIND_MASK (STEADY_SKILL_KIND_PLEASE_CHECK), 100, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, STEADY_N_SKILL_KINDS);
    for (guint i = 0; i < all->len; i++)
      g_assert_cmpint (steady_skill_record_get_kind (all->pdata[i]), ==,
                       STEADY_N_SKILL_KINDS - 1 - i);
    g_assert_cmpuint (two->len, ==, 2);
    g_assert_cmpint (steady_skill_record_get_kind (two->pdata[0]), ==,
                     STEADY_SKILL_KIND_PLEASE_CHECK);
  }
}

static void
test_crud (void)
{
  g_autoptr(SteadyDatabase) database = open_database ();

  check_crud (database);
}

/* The Skills page offers to continue exactly the records saved but not finished. */
static void
test_list_unfinished (void)
{
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadySkillStore) store = steady_skill_store_new (database);
  g_autoptr(GPtrArray) unfinished = NULL;
  g_autoptr(GError) error = NULL;
  char *uuids[4] = { NULL };
  static const guint newest_first[] = { 3, 1, 0 };

  /* Four records an hour apart; the third (index 2) is finished. */
  for (guint i = 0; i < G_N_ELEMENTS (uuids); i++)
    {
      g_autoptr(SteadySkillRecord) record = NULL;

      record = steady_skill_record_new (i % 2 == 0 ? STEADY_SKILL_KIND_CHECK_FACTS
                                                   : STEADY_SKILL_KIND_THOUGHT_RECORD);
      steady_skill_record_set_time (record, BASE_US + i * HOUR_US, 0);
      steady_skill_record_set_finished (record, i == 2);
      g_assert_true (steady_skill_store_save (store, record, &error));
      g_assert_no_error (error);
      uuids[i] = g_strdup (steady_skill_record_get_uuid (record));
    }

  unfinished = steady_skill_store_list_unfinished (store, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unfinished->len, ==, G_N_ELEMENTS (newest_first));
  for (guint i = 0; i < G_N_ELEMENTS (newest_first); i++)
    {
      g_assert_cmpstr (steady_skill_record_get_uuid (unfinished->pdata[i]), ==,
                       uuids[newest_first[i]]);
      g_assert_false (steady_skill_record_get_finished (unfinished->pdata[i]));
    }
  g_clear_pointer (&unfinished, g_ptr_array_unref);

  unfinished = steady_skill_store_list_unfinished (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unfinished->len, ==, 1);
  g_assert_cmpstr (steady_skill_record_get_uuid (unfinished->pdata[0]), ==, uuids[3]);
  for (guint i = 0; i < G_N_ELEMENTS (uuids); i++)
    g_free (uuids[i]);
}

/* A thought record saved after each of its seven steps keeps what was written so far, and
 * the mood change is after − before. */
static void
test_thought_record_steps (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadySkillStore) store = steady_skill_store_new (database);
  g_autoptr(SteadySkillRecord) record = steady_skill_record_new (STEADY_SKILL_KIND_THOUGHT_RECORD);
  g_autoptr(SteadySkillRecord) loaded = NULL;
  const char * const traps[] = { "mind-reading", "catastrophizing", NULL };
  g_auto(GStrv) loaded_traps = NULL;
  const char *name;
  int before, after, change;

  steady_skill_record_set_text (record, "situation", "Group ran late and nobody said hello");
  g_assert_true (steady_skill_store_save (store, record, &error));
  g_assert_no_error (error);

  steady_skill_record_set_step_reached (record, 2);
  steady_skill_record_add_mood (record, "Shame", 90);
  g_assert_true (steady_skill_store_save (store, record, &error));
  steady_skill_record_set_step_reached (record, 3);
  steady_skill_record_add_thought (record, "They all think I do not belong");
  steady_skill_record_add_thought (record, "I will never fit in");
  steady_skill_record_set_hot_thought (record, 0);
  steady_skill_record_set_hot_thought (record, 1);
  g_assert_cmpint (steady_skill_record_get_hot_thought (record), ==, 1);
  steady_skill_record_set_traps (record, traps);
  g_assert_true (steady_skill_store_save (store, record, &error));
  g_assert_no_error (error);

  loaded = steady_skill_store_load (store, steady_skill_record_get_uuid (record), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steady_skill_record_get_step_reached (loaded), ==, 3);
  g_assert_false (steady_skill_record_get_finished (loaded));
  g_assert_cmpuint (steady_skill_record_get_n_thoughts (loaded), ==, 2);
  g_assert_cmpint (steady_skill_record_get_hot_thought (loaded), ==, 1);
  g_assert_cmpstr (steady_skill_record_get_thought (loaded, 1), ==, "I will never fit in");
  loaded_traps = steady_skill_record_dup_traps (loaded);
  g_assert_true (g_strv_equal ((const char * const *)loaded_traps, traps));
  g_assert_false (steady_skill_record_get_mood_change (loaded, 0, &change));

  steady_skill_record_set_text (loaded, "evidence_for", "Nobody said hello");
  steady_skill_record_set_text (loaded, "evidence_against", "Two people waved when I left");
  steady_skill_record_set_text (loaded, "balanced", "People were busy; some were glad I came");
  steady_skill_record_set_percent (loaded, "belief", 60);
  steady_skill_record_set_mood_after (loaded, 0, 55);
  steady_skill_record_set_step_reached (loaded, 7);
  steady_skill_record_set_finished (loaded, TRUE);
  g_assert_true (steady_skill_store_save (store, loaded, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);

  loaded = steady_skill_store_load (store, steady_skill_record_get_uuid (record), &error);
  g_assert_no_error (error);
  steady_skill_record_get_mood (loaded, 0, &name, &before, &after);
  g_assert_cmpstr (name, ==, "Shame");
  g_assert_cmpint (before, ==, 90);
  g_assert_cmpint (after, ==, 55);
  g_assert_true (steady_skill_record_get_mood_change (loaded, 0, &change));
  g_assert_cmpint (change, ==, -35);
  g_assert_cmpint (steady_skill_record_get_percent (loaded, "belief"), ==, 60);
  g_assert_true (steady_skill_record_get_finished (loaded));
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM skill_record"), ==, 1);
}

/* The store refuses every out-of-range value with STEADY_SKILLS_ERROR and saves nothing. */
static void
test_store_rejects (void)
{
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadySkillStore) store = steady_skill_store_new (database);
  struct { int what; int value; int code; } cases[] = {
    { 0, 11, STEADY_SKILLS_ERROR_INVALID_VALUE },   /* distress before */
    { 0, -2, STEADY_SKILLS_ERROR_INVALID_VALUE },
    { 1, 11, STEADY_SKILLS_ERROR_INVALID_VALUE },   /* distress after */
    { 2, 101, STEADY_SKILLS_ERROR_INVALID_VALUE },  /* belief */
    { 2, -5, STEADY_SKILLS_ERROR_INVALID_VALUE },
    { 3, 101, STEADY_SKILLS_ERROR_INVALID_VALUE },  /* mood before */
    { 4, 101, STEADY_SKILLS_ERROR_INVALID_VALUE },  /* mood after */
    { 5, 0, STEADY_SKILLS_ERROR_INVALID_VALUE },    /* step 0 */
    { 5, 8, STEADY_SKILLS_ERROR_INVALID_VALUE },    /* step 8 of 7 */
    { 6, 0, STEADY_SKILLS_ERROR_INVALID_VALUE },    /* two hot thoughts */
    { 7, 0, STEADY_SKILLS_ERROR_INVALID_VALUE },    /* unknown trap */
    { 8, 0, STEADY_SKILLS_ERROR_INVALID_FIELD },    /* a field of another kind */
    { 9, 0, STEADY_SKILLS_ERROR_INVALID_NAME },     /* a mood without a name */
    { 10, 0, STEADY_SKILLS_ERROR_TOO_LONG },        /* an answer too long */
    { 11, 0, STEADY_SKILLS_ERROR_INVALID_VALUE },   /* a year out of range */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SteadySkillRecord) record = make_full_record (STEADY_SKILL_KIND_THOUGHT_RECORD,
                                                              "reject");
      const char * const bad_traps[] = { "no-such-trap", NULL };
      g_autofree char *long_text = NULL;

      switch (cases[i].what)
        {
        case 0: steady_skill_record_set_distress_before (record, cases[i].value); break;
        case 1: steady_skill_record_set_distress_after (record, cases[i].value); break;
        case 2: steady_skill_record_set_percent (record, "belief", cases[i].value); break;
        case 3: steady_skill_record_add_mood (record, "Anger", cases[i].value); break;
        case 4: steady_skill_record_set_mood_after (record, 1, cases[i].value); break;
        case 5: steady_skill_record_set_step_reached (record, cases[i].value); break;
        case 6:
          {
            /* Only the editor API keeps one hot thought; a draft can hold two. */
            g_autofree char *draft = steady_skill_record_to_draft (record);
            g_autoptr(GString) edited = g_string_new (draft);

            g_string_replace (edited, "\"hot\":false", "\"hot\":true", 0);
            g_clear_object (&record);
            record = steady_skill_record_new_from_draft (edited->str, &error);
            g_assert_no_error (error);
            break;
          }
        case 7: steady_skill_record_set_traps (record, bad_traps); break;
        case 8: steady_skill_record_set_text (record, "worst_case", "not here"); break;
        case 9: steady_skill_record_add_mood (record, " ", 10); break;
        case 10:
          long_text = g_strnfill (STEADY_SKILL_TEXT_MAX_BYTES + 1, 'a');
          steady_skill_record_set_text (record, "situation", long_text);
          break;
        case 11: steady_skill_record_set_time (record, G_GINT64_CONSTANT (-2208988800000001), 0);
          break;
        default: g_assert_not_reached ();
        }
      g_assert_false (steady_skill_store_save (store, record, &error));
      g_assert_error (error, STEADY_SKILLS_ERROR, cases[i].code);
      g_assert_nonnull (error->message);
      g_assert_cmpuint (strlen (error->message), >, 10);
    }
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM skill_record"), ==, 0);
}

/* The schema checks the same ranges for any writer that bypasses the store. */
static void
test_schema_rejects (void)
{
  g_autoptr(SteadyDatabase) database = open_database ();
  static const char * const bad[] = {
    "'{}', 11, NULL",
    "'{}', NULL, -1",
    "'{\"belief\": 101}', NULL, NULL",
    "'{\"intensity\": -1}', NULL, NULL",
    "'{\"fits\": \"maybe\"}', NULL, NULL",
    "'{\"moods\": [{\"name\": \"a\", \"before\": 101}]}', NULL, NULL",
    "'{\"moods\": [{\"name\": \"a\", \"before\": 10, \"after\": 200}]}', NULL, NULL",
    "'{\"thoughts\": [{\"text\": \"a\", \"hot\": true}, {\"text\": \"b\", \"hot\": true}]}',"
    " NULL, NULL",
    "'[1, 2]', NULL, NULL",
    "'not json', NULL, NULL",
  };
  const char *good = "'{\"belief\": 100, \"moods\": [{\"name\": \"a\", \"before\": 0}]}', 0, 10";

  for (guint i = 0; i <= G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO skill_record (uuid, kind, created_us, updated_us, at_us, utc_offset_s,"
        " payload, distress_before, distress_after)"
        " VALUES ('%s', 'thought-record', 1, 1, 1, 0, %s)", uuid,
        i < G_N_ELEMENTS (bad) ? bad[i] : good);
      gboolean ok = steady_database_exec (database, sql, &error);

      if (i < G_N_ELEMENTS (bad))
        {
          g_test_message ("refused: %s", bad[i]);
          g_assert_false (ok);
          g_assert_nonnull (error);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
    }
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM skill_record"), ==, 1);
}

/* An unfinished record is kept as a draft under "skill-record/<kind>" and its UUID, read
 * back whole, and the draft goes away once the record is saved. */
static void
test_drafts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadySkillStore) store = steady_skill_store_new (database);
  g_autoptr(SteadyDraftStore) drafts = steady_draft_store_new (database);
  g_autoptr(SteadySkillRecord) record = make_full_record (STEADY_SKILL_KIND_CHECK_FACTS,
                                                          "drafted");
  g_autoptr(SteadySkillRecord) recovered = NULL;
  g_autofree char *payload = steady_skill_record_to_draft (record);
  g_autofree char *loaded = NULL;
  g_auto(GStrv) keys = NULL;

  g_assert_cmpstr (steady_skill_record_get_draft_kind (record), ==, "skill-record/check-facts");
  g_assert_true (steady_draft_store_save (drafts, steady_skill_record_get_draft_kind (record),
                                          steady_skill_record_get_uuid (record), payload,
                                          &error));
  g_assert_no_error (error);

  /* As after a crash: a new connection finds the draft. */
  g_clear_object (&drafts);
  g_clear_object (&store);
  g_clear_object (&database);
  database = open_database ();
  store = steady_skill_store_new (database);
  drafts = steady_draft_store_new (database);
  keys = steady_draft_store_list_keys (drafts, "skill-record/check-facts", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (keys), ==, 1);
  g_assert_cmpstr (keys[0], ==, steady_skill_record_get_uuid (record));
  loaded = steady_draft_store_load (drafts, "skill-record/check-facts", keys[0], NULL, &error);
  g_assert_no_error (error);
  recovered = steady_skill_record_new_from_draft (loaded, &error);
  g_assert_no_error (error);
  assert_same_record (record, recovered);
  g_assert_cmpstr (steady_skill_record_get_text (recovered, "event"), ==, "event drafted");

  g_assert_true (steady_skill_store_save (store, recovered, &error));
  g_assert_no_error (error);
  g_clear_pointer (&keys, g_strfreev);
  keys = steady_draft_store_list_keys (drafts, "skill-record/check-facts", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (keys), ==, 0);

  g_assert_null (steady_skill_record_new_from_draft ("{\"uuid\": 3}", &error));
  g_assert_error (error, STEADY_SKILLS_ERROR, STEADY_SKILLS_ERROR_INVALID_FIELD);
}

/* A database of schema version 1 opens at the current version and takes every kind. */
static void
test_migration_from_v1 (void)
{
  g_autoptr(GError) error = NULL;
  const char *fixture = g_test_get_filename (G_TEST_DIST, "fixtures", "steady-v1.db", NULL);
  g_autofree char *path = steady_database_get_default_path ();
  g_autofree char *dir = steady_database_get_default_dir ();
  g_autofree char *contents = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);

  database = open_database ();
  g_assert_cmpint (steady_database_get_schema_version (database), ==,
                   steady_schema_get_version ());
  g_assert_cmpint (steady_schema_get_version (), >=, 6);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM meta WHERE key = 'fixture'"), ==,
                   1);
  check_crud (database);

  /* Diary cards and skill logs too. */
  {
    g_autoptr(SteadyDiaryStore) diary = steady_diary_store_new (database);
    g_autoptr(SteadyDiaryTarget) urge = NULL;
    g_autoptr(SteadyDiaryCard) card = NULL;
    g_autoptr(SteadyDiaryCard) loaded = NULL;
    g_autofree char *use = NULL;
    int day = steady_journal_day_from_time (BASE_US, 0);

    urge = steady_diary_store_add_target (diary, STEADY_DIARY_TARGET_URGE, "Skipping meals",
                                          &error);
    g_assert_no_error (error);
    card = steady_diary_card_new (day, 0);
    steady_diary_card_set_rating (card, urge->uuid, 3, 0);
    card->distress = 5;
    g_assert_true (steady_diary_store_save_card (diary, card, &error));
    g_assert_no_error (error);
    use = steady_diary_store_log_skill_use (diary, "check-the-facts", 5, 6, 4, BASE_US, 0,
                                            &error);
    g_assert_no_error (error);
    loaded = steady_diary_store_load_card (diary, day, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpint (loaded->distress, ==, 5);
    g_assert_cmpuint (loaded->ratings->len, ==, 1);
    g_assert_cmpuint (loaded->skills->len, ==, 1);
    g_assert_cmpint (query_int (database, "SELECT count(*) FROM skill_use"), ==, 1);
  }
}

/* Words from a vocabulary where no word starts another, so "word*" and LIKE agree. */
static const char * const vocabulary[] = {
  "harbor", "violet", "quartz", "meadow", "lantern", "pebble", "thistle", "copper",
  "juniper", "falcon", "oyster", "saffron",
};

static char *
random_words (GRand *rand,
              guint  n)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GHashTable *
uuids_of (GPtrArray *records)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < records->len; i++)
    g_hash_table_add (set, g_strdup (steady_skill_record_get_uuid (records->pdata[i])));
  return set;
}

/* Search agrees with LIKE over every kind's answers, including moods and thoughts, after
 * inserts, edits and deletes; and newest first. */
static void
test_search_oracle (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadySkillStore) store = steady_skill_store_new (database);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 120; i++)
    {
      SteadySkillKind kind = i % STEADY_N_SKILL_KINDS;
      g_autoptr(SteadySkillRecord) record = steady_skill_record_new (kind);
      const SteadySkillField *fields;
      guint n_fields;

      fields = steady_skill_kind_get_fields (kind, &n_fields);
      for (guint f = 0; f < n_fields; f++)
        {
          g_autofree char *words = random_words (rand, 2);

          if (fields[f].type == STEADY_SKILL_FIELD_TEXT && g_rand_boolean (rand))
            steady_skill_record_set_text (record, fields[f].id, words);
          else if (fields[f].type == STEADY_SKILL_FIELD_MOODS &&
                   steady_skill_record_get_n_moods (record) == 0)
            steady_skill_record_add_mood (record, vocabulary[g_rand_int_range (rand, 0, 12)], 40);
          else if (fields[f].type == STEADY_SKILL_FIELD_THOUGHTS)
            steady_skill_record_add_thought (record, words);
        }
      /* Some share an instant, so the index ids move on by a microsecond. */
      steady_skill_record_set_time (record, BASE_US + (i / 2) * HOUR_US, 3600);
      g_assert_true (steady_skill_store_save (store, record, &error));
      g_assert_no_error (error);
      g_ptr_array_add (uuids, g_strdup (steady_skill_record_get_uuid (record)));
    }

  for (guint round = 0; round < 3; round++)
    {
      /* Edit some and delete some between rounds. */
      for (guint i = round; round > 0 && i < uuids->len; i += 7)
        {
          g_autoptr(SteadySkillRecord) record = steady_skill_store_load (store, uuids->pdata[i],
                                                                        NULL);
          g_autofree char *words = random_words (rand, 3);

          if (record == NULL)
            continue;
          if (i % 2 == 0)
            {
              g_autoptr(SteadySkillRecord) deleted =
                steady_skill_store_delete (store, uuids->pdata[i], &error);

              g_assert_no_error (error);
              g_assert_nonnull (deleted);
            }
          else
            {
              const SteadySkillField *fields;
              guint n_fields;

              fields = steady_skill_kind_get_fields (steady_skill_record_get_kind (record),
                                                     &n_fields);
              for (guint f = 0; f < n_fields; f++)
                if (fields[f].type == STEADY_SKILL_FIELD_TEXT)
                  steady_skill_record_set_text (record, fields[f].id, words);
              g_assert_true (steady_skill_store_save (store, record, &error));
              g_assert_no_error (error);
            }
        }

      g_assert_true (steady_skill_store_check_search_index (store, &error));
      g_assert_no_error (error);

      for (guint w = 0; w < G_N_ELEMENTS (vocabulary); w++)
        {
          g_autoptr(GPtrArray) hits = NULL;
          g_autoptr(GHashTable) hit_set = NULL;
          g_autofree char *sql = g_strdup_printf (
            "SELECT count(*) FROM skill_record WHERE payload LIKE '%%%s%%'", vocabulary[w]);
          g_autofree char *prefix = g_strndup (vocabulary[w], 3);
          g_autoptr(GPtrArray) prefix_hits = NULL;
          gint64 expected = query_int (database, sql);

          hits = steady_skill_store_search (store, vocabulary[w], STEADY_SKILL_KIND_MASK_ALL,
                                            1000, &error);
          g_assert_no_error (error);
          g_assert_cmpint (hits->len, ==, expected);
          g_assert_cmpint (expected, >, 0);
          hit_set = uuids_of (hits);
          g_assert_cmpuint (g_hash_table_size (hit_set), ==, hits->len);
          for (guint h = 1; h < hits->len; h++)
            g_assert_cmpint (steady_skill_record_get_time (hits->pdata[h - 1]), >=,
                             steady_skill_record_get_time (hits->pdata[h]));

          /* Typing the start of a word finds the same records. */
          prefix_hits = steady_skill_store_search (store, prefix, STEADY_SKILL_KIND_MASK_ALL,
                                                   1000, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (prefix_hits->len, ==, hits->len);
        }
    }

  /* Filtering by kind. */
  {
    g_autoptr(GPtrArray) all = steady_skill_store_search (store, "harbor",
                                                          STEADY_SKILL_KIND_MASK_ALL, 1000, &error);
    g_autoptr(GPtrArray) some = steady_skill_store_search (store, "harbor",
      STEADY_SKILL_KIND_MASK (STEADY_SKILL_KIND_CHECK_FACTS), 1000, &error);
    guint expected = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < all->len; i++)
      if (steady_skill_record_get_kind (all->pdata[i]) == STEADY_SKILL_KIND_CHECK_FACTS)
        expected++;
    g_assert_cmpuint (some->len, ==, expected);
    g_assert_cmpuint (some->len, <, all->len);
  }
}

/* Every text field of every kind is searchable: the schema's list of text keys is complete. */
static void
test_search_every_field (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadySkillStore) store = steady_skill_store_new (database);

  for (SteadySkillKind kind = 0; kind < STEADY_N_SKILL_KINDS; kind++)
    {
      const SteadySkillField *fields;
      guint n_fields;

      fields = steady_skill_kind_get_fields (kind, &n_fields);
      for (guint f = 0; f < n_fields; f++)
        {
          g_autoptr(SteadySkillRecord) record = steady_skill_record_new (kind);
          g_autofree char *marker = g_strdup_printf ("zq%ux%u", kind, f);
          g_autoptr(GPtrArray) hits = NULL;

          if (fields[f].type == STEADY_SKILL_FIELD_TEXT)
            steady_skill_record_set_text (record, fields[f].id, marker);
          else if (fields[f].type == STEADY_SKILL_FIELD_MOODS)
            steady_skill_record_add_mood (record, marker, 10);
          else if (fields[f].type == STEADY_SKILL_FIELD_THOUGHTS)
            steady_skill_record_add_thought (record, marker);
          else
            continue;
          g_assert_true (steady_skill_store_save (store, record, &error));
          g_assert_no_error (error);
          hits = steady_skill_store_search (store, marker, STEADY_SKILL_KIND_MASK_ALL, 10, &error);
          g_assert_no_error (error);
          g_test_message ("%s.%s", steady_skill_kind_to_id (kind), fields[f].id);
          g_assert_cmpuint (hits->len, ==, 1);
        }
    }
  g_assert_true (steady_skill_store_check_search_index (store, &error));
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

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize n = strlen (needle);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  for (gsize i = 0; i + n <= length; i++)
    if (g_ascii_strncasecmp (contents + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
trace_in_files (const char *db_path,
                const char *marker)
{
  g_autofree char *wal_path = g_strconcat (db_path, "-wal", NULL);
  /* The index stores a word's start shared with the word before; its end is there whole. */
  const char *tail = marker + strlen (marker) - 12;

  return file_contains (db_path, marker) || file_contains (db_path, tail) ||
         file_contains (wal_path, marker) || file_contains (wal_path, tail);
}

/* Deleting a worksheet leaves none of its words in the file or the log, index included;
 * undo brings it back. */
static void
test_delete_no_trace (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_database_get_default_path ();
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadySkillStore) store = steady_skill_store_new (database);
  g_autoptr(SteadyDraftStore) drafts = steady_draft_store_new (database);
  g_autoptr(SteadySkillRecord) record = steady_skill_record_new (STEADY_SKILL_KIND_NAME_EMOTION);
  g_autoptr(SteadySkillRecord) deleted = NULL;
  g_autofree char *marker = g_strdup_printf ("Secret%08xMarker%08x", g_test_rand_int (),
                                             g_test_rand_int ());
  g_autofree char *thought_marker = g_strdup_printf ("Hot%08xThought%08x", g_test_rand_int (),
                                                     g_test_rand_int ());
  g_autoptr(SteadySkillRecord) thought_record = NULL;
  g_autoptr(SteadySkillRecord) deleted_thought = NULL;
  g_autofree char *text = g_strdup_printf ("Only I know this: %s.", marker);
  g_autofree char *draft = NULL;

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(SteadySkillRecord) other = make_full_record (i % STEADY_N_SKILL_KINDS, "plain");

      steady_skill_record_set_time (other, BASE_US + i * HOUR_US, 0);
      g_assert_true (steady_skill_store_save (store, other, &error));
      g_assert_no_error (error);
    }
  steady_skill_record_set_time (record, BASE_US + 30 * HOUR_US, 0);
  steady_skill_record_set_text (record, "interpretation", text);
  g_assert_true (steady_skill_store_save (store, record, &error));
  g_assert_no_error (error);
  thought_record = steady_skill_record_new (STEADY_SKILL_KIND_THOUGHT_RECORD);
  steady_skill_record_add_thought (thought_record, thought_marker);
  g_assert_true (steady_skill_store_save (store, thought_record, &error));
  g_assert_no_error (error);
  for (guint i = 31; i < 60; i++)
    {
      g_autoptr(SteadySkillRecord) other = make_full_record (i % STEADY_N_SKILL_KINDS, "plain");

      steady_skill_record_set_time (other, BASE_US + i * HOUR_US, 0);
      g_assert_true (steady_skill_store_save (store, other, &error));
      g_assert_no_error (error);
    }

  checkpoint (database);
  g_assert_true (file_contains (path, marker));
  g_assert_true (file_contains (path, thought_marker));

  /* Again into the log, with a draft. */
  steady_skill_record_set_distress_before (record, 5);
  g_assert_true (steady_skill_store_save (store, record, &error));
  draft = steady_skill_record_to_draft (record);
  g_assert_true (steady_draft_store_save (drafts, steady_skill_record_get_draft_kind (record),
                                          steady_skill_record_get_uuid (record), draft, &error));
  g_assert_no_error (error);

  deleted = steady_skill_store_delete (store, steady_skill_record_get_uuid (record), &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
  deleted_thought = steady_skill_store_delete (store, steady_skill_record_get_uuid (thought_record),
                                               &error);
  g_assert_no_error (error);
  checkpoint (database);

  g_assert_false (trace_in_files (path, marker));
  g_assert_false (trace_in_files (path, thought_marker));
  g_assert_true (steady_skill_store_check_search_index (store, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) hits = steady_skill_store_search (store, "plain",
                                                           STEADY_SKILL_KIND_MASK_ALL, 100, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 59);
  }
  g_assert_null (steady_skill_store_load (store, steady_skill_record_get_uuid (record), &error));
  g_assert_error (error, STEADY_SKILLS_ERROR, STEADY_SKILLS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undo. */
  g_assert_true (steady_skill_store_restore (store, deleted, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) hits = steady_skill_store_search (store, marker,
                                                           STEADY_SKILL_KIND_MASK_ALL, 10, &error);
    g_autoptr(SteadySkillRecord) back = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
    back = steady_skill_store_load (store, steady_skill_record_get_uuid (record), &error);
    g_assert_no_error (error);
    assert_same_record (back, deleted);
  }
}

/* A draft or row holding JSON of the wrong shapes reads without a critical (G_DEBUG makes
 * one fatal here), answers fall back to "not given", and saving is refused in words. */
static void
test_wrong_shapes (void)
{
  static const char * const answers[] = {
    "{\"situation\": 5, \"moods\": {}, \"thoughts\": 3, \"traps\": [1, {}], \"belief\": \"x\"}",
    "{\"moods\": [1, {\"name\": 2, \"before\": \"a\"}], \"thoughts\": [[], {\"text\": 1}]}",
    "{\"traps\": \"all-or-nothing\", \"balanced\": null}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *draft = g_strdup_printf (
        "{\"uuid\": \"8a2f3f0e-3c7e-4a57-9a8e-2d1c0b7e5f10\", \"kind\": \"thought-record\","
        " \"time_us\": \"soon\", \"step_reached\": [], \"finished\": 1, \"answers\": %s}",
        answers[i]);
      g_autoptr(SteadyDatabase) database = open_database ();
      g_autoptr(SteadySkillStore) store = steady_skill_store_new (database);
      g_autoptr(SteadySkillRecord) record = steady_skill_record_new_from_draft (draft, &error);
      g_auto(GStrv) traps = NULL;
      g_autofree char *summary = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (record);
      g_assert_cmpstr (steady_skill_record_get_text (record, "situation"), ==, "");
      g_assert_cmpint (steady_skill_record_get_percent (record, "belief"), ==,
                       STEADY_SKILL_NO_RATING);
      g_assert_cmpint (steady_skill_record_get_hot_thought (record), ==, -1);
      traps = steady_skill_record_dup_traps (record);
      g_assert_cmpuint (g_strv_length (traps), ==, 0);
      summary = steady_skill_record_dup_summary (record);
      g_assert_cmpstr (summary, ==, "");
      for (guint m = 0; m < steady_skill_record_get_n_moods (record); m++)
        {
          const char *name = NULL;
          int before = 0;

          steady_skill_record_get_mood (record, m, &name, &before, NULL);
          g_assert_cmpint (before, ==, STEADY_SKILL_NO_RATING);
        }
      g_assert_false (steady_skill_store_save (store, record, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == STEADY_SKILLS_ERROR);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/skills/store/crud", test_crud);
  g_test_add_func ("/skills/store/thought-record-steps", test_thought_record_steps);
  g_test_add_func ("/skills/store/list-unfinished", test_list_unfinished);
  g_test_add_func ("/skills/store/rejects", test_store_rejects);
  g_test_add_func ("/skills/store/schema-rejects", test_schema_rejects);
  g_test_add_func ("/skills/store/drafts", test_drafts);
  g_test_add_func ("/skills/store/wrong-shapes", test_wrong_shapes);
  g_test_add_func ("/skills/store/migration-from-v1", test_migration_from_v1);
  g_test_add_func ("/skills/store/search-oracle", test_search_oracle);
  g_test_add_func ("/skills/store/search-every-field", test_search_every_field);
  g_test_add_func ("/skills/store/delete-no-trace", test_delete_no_trace);

  return g_test_run ();
}
