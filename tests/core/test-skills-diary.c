/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-skills-diary.c: the diary card in a real database file: the person's own targets, one
 * card a day saved and read back, ranges refused by the store and the schema, "I used this"
 * landing on that day's card, and the week grid a skills group reviews. */

#define G_LOG_DOMAIN "test-skills-diary"

#include "config.h"

#include <string.h>

#include "steady-database.h"
#include "steady-diary-store.h"
#include "steady-draft-store.h"
#include "steady-journal-common.h"
#include "steady-skill-record.h"
#include "steady-skills-error.h"

/* 2024-03-04, a Monday, as a local day. */
#define MONDAY 19786

static SteadyDatabase *
open_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_database_get_default_path ();
  SteadyDatabase *database = steady_database_open (path, &error);

  g_assert_no_error (error);
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

static SteadyDiaryTarget *
add_target (SteadyDiaryStore      *store,
            SteadyDiaryTargetKind  kind,
            const char            *name)
{
  g_autoptr(GError) error = NULL;
  SteadyDiaryTarget *target = steady_diary_store_add_target (store, kind, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (target);
  g_assert_true (g_uuid_string_is_valid (target->uuid));
  return target;
}

static void
test_day_is_monday (void)
{
  GDate date;

  steady_journal_day_to_date (MONDAY, &date);
  g_assert_cmpint (g_date_get_weekday (&date), ==, G_DATE_MONDAY);
  g_assert_cmpint (g_date_get_year (&date), ==, 2024);
}

static void
test_targets (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadyDiaryStore) store = steady_diary_store_new (database);
  g_autoptr(SteadyDiaryTarget) sadness = add_target (store, STEADY_DIARY_TARGET_EMOTION, "Sadness");
  g_autoptr(SteadyDiaryTarget) harm = add_target (store, STEADY_DIARY_TARGET_URGE, "Self-harm");
  g_autoptr(SteadyDiaryTarget) joy = add_target (store, STEADY_DIARY_TARGET_EMOTION, "Joy");
  g_autoptr(SteadyDiaryTarget) again = NULL;
  g_autoptr(GPtrArray) targets = NULL;

  targets = steady_diary_store_list_targets (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 3);
  /* Emotions first, each kind in the order added. */
  g_assert_cmpstr (((SteadyDiaryTarget *)targets->pdata[0])->name, ==, "Sadness");
  g_assert_cmpstr (((SteadyDiaryTarget *)targets->pdata[1])->name, ==, "Joy");
  g_assert_cmpstr (((SteadyDiaryTarget *)targets->pdata[2])->name, ==, "Self-harm");
  g_assert_cmpint (((SteadyDiaryTarget *)targets->pdata[2])->kind, ==, STEADY_DIARY_TARGET_URGE);

  g_assert_true (steady_diary_store_archive_target (store, joy->uuid, &error));
  g_assert_no_error (error);
  g_clear_pointer (&targets, g_ptr_array_unref);
  targets = steady_diary_store_list_targets (store, FALSE, &error);
  g_assert_cmpuint (targets->len, ==, 2);
  g_clear_pointer (&targets, g_ptr_array_unref);
  targets = steady_diary_store_list_targets (store, TRUE, &error);
  g_assert_cmpuint (targets->len, ==, 3);

  /* The same name again (any case) brings the archived one back, same UUID. */
  again = add_target (store, STEADY_DIARY_TARGET_EMOTION, "JOY");
  g_assert_cmpstr (again->uuid, ==, joy->uuid);
  g_clear_pointer (&targets, g_ptr_array_unref);
  targets = steady_diary_store_list_targets (store, FALSE, &error);
  g_assert_cmpuint (targets->len, ==, 3);

  g_assert_null (steady_diary_store_add_target (store, STEADY_DIARY_TARGET_URGE, "  ", &error));
  g_assert_error (error, STEADY_SKILLS_ERROR, STEADY_SKILLS_ERROR_INVALID_NAME);
  g_clear_error (&error);
  g_assert_false (steady_diary_store_archive_target (store, "00000000-0000-4000-8000-000000000000",
                                                     &error));
  g_assert_error (error, STEADY_SKILLS_ERROR, STEADY_SKILLS_ERROR_NOT_FOUND);
  (void)sadness;
  (void)harm;
}

/* The span of cards in a range: what a report of "everything" walks instead of centuries. */
static void
test_card_span (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadyDiaryStore) store = steady_diary_store_new (database);
  const int days[] = { MONDAY - 30, MONDAY, MONDAY + 9 };
  int first, last;

  g_assert_true (steady_diary_store_get_card_span (store, -100000, 400000, &first, &last,
                                                   &error));
  g_assert_no_error (error);
  g_assert_cmpint (first, >, last);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(SteadyDiaryCard) card = steady_diary_card_new (days[i], 0);

      card->distress = 3;
      g_assert_true (steady_diary_store_save_card (store, card, &error));
      g_assert_no_error (error);
    }
  g_assert_true (steady_diary_store_get_card_span (store, -100000, 400000, &first, &last,
                                                   &error));
  g_assert_cmpint (first, ==, MONDAY - 30);
  g_assert_cmpint (last, ==, MONDAY + 9);
  g_assert_true (steady_diary_store_get_card_span (store, MONDAY - 29, MONDAY + 8, &first, &last,
                                                   &error));
  g_assert_cmpint (first, ==, MONDAY);
  g_assert_cmpint (last, ==, MONDAY);
  g_assert_true (steady_diary_store_get_card_span (store, MONDAY + 1, MONDAY + 8, &first, &last,
                                                   &error));
  g_assert_cmpint (first, >, last);
}

/* A first card gets starting rows once; a person who has any rows keeps exactly theirs. */
static void
test_starter_targets (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadyDiaryStore) store = steady_diary_store_new (database);
  g_autoptr(GPtrArray) targets = NULL;
  guint n_urges = 0;

  g_assert_true (steady_diary_store_add_starter_targets (store, &error));
  g_assert_no_error (error);
  targets = steady_diary_store_list_targets (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 7);
  for (guint i = 0; i < targets->len; i++)
    n_urges += ((SteadyDiaryTarget *)targets->pdata[i])->kind == STEADY_DIARY_TARGET_URGE;
  g_assert_cmpuint (n_urges, ==, 2);
  g_assert_cmpstr (((SteadyDiaryTarget *)targets->pdata[5])->name, ==, "Self-harm");

  /* Archived rows count as the person's choice: nothing comes back. */
  for (guint i = 0; i < targets->len; i++)
    g_assert_true (steady_diary_store_archive_target (
      store, ((SteadyDiaryTarget *)targets->pdata[i])->uuid, &error));
  g_assert_true (steady_diary_store_add_starter_targets (store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&targets, g_ptr_array_unref);
  targets = steady_diary_store_list_targets (store, FALSE, &error);
  g_assert_cmpuint (targets->len, ==, 0);
}

static void
test_card_crud_and_ranges (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadyDiaryStore) store = steady_diary_store_new (database);
  g_autoptr(SteadyDiaryTarget) anger = add_target (store, STEADY_DIARY_TARGET_EMOTION, "Anger");
  g_autoptr(SteadyDiaryTarget) drink = add_target (store, STEADY_DIARY_TARGET_URGE, "Drinking");
  g_autoptr(SteadyDiaryCard) card = NULL;
  g_autoptr(SteadyDiaryCard) loaded = NULL;
  struct { int what; int value; } bad[] = {
    { 0, 6 }, { 0, -1 },      /* emotion 0–5 */
    { 1, 6 },                 /* urge 0–5 */
    { 2, 2 },                 /* acted: 0 or 1 */
    { 3, 1 },                 /* acted on an emotion */
    { 4, 11 }, { 4, -3 },     /* distress 0–10 */
    { 5, 8 }, { 5, -1 },      /* skill 0–7 */
    { 6, 0 },                 /* unknown skill */
    { 7, 0 },                 /* unknown target */
  };

  card = steady_diary_store_load_card (store, MONDAY, 3600, &error);
  g_assert_no_error (error);
  g_assert_cmpint (card->created_us, ==, 0);
  g_assert_cmpuint (card->ratings->len, ==, 0);
  steady_diary_card_set_rating (card, anger->uuid, 4, STEADY_DIARY_NONE);
  steady_diary_card_set_rating (card, drink->uuid, 3, 0);
  steady_diary_card_set_rating (card, drink->uuid, 5, 1);
  steady_diary_card_set_skill (card, "tipp", 5);
  card->distress = 8;
  card->private_ = TRUE;
  g_assert_true (steady_diary_store_save_card (store, card, &error));
  g_assert_no_error (error);
  g_assert_cmpint (card->created_us, >, 0);

  loaded = steady_diary_store_load_card (store, MONDAY, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->uuid, ==, card->uuid);
  g_assert_cmpint (loaded->utc_offset_s, ==, 3600);
  g_assert_cmpint (loaded->distress, ==, 8);
  g_assert_true (loaded->private_);
  g_assert_cmpuint (loaded->ratings->len, ==, 2);
  g_assert_cmpuint (loaded->skills->len, ==, 1);
  for (guint i = 0; i < loaded->ratings->len; i++)
    {
      SteadyDiaryRating *r = &g_array_index (loaded->ratings, SteadyDiaryRating, i);

      if (strcmp (r->target_uuid, drink->uuid) == 0)
        {
          g_assert_cmpint (r->rating, ==, 5);
          g_assert_cmpint (r->acted, ==, 1);
        }
      else
        {
          g_assert_cmpstr (r->target_uuid, ==, anger->uuid);
          g_assert_cmpint (r->rating, ==, 4);
          g_assert_cmpint (r->acted, ==, STEADY_DIARY_NONE);
        }
    }
  g_assert_cmpstr (g_array_index (loaded->skills, SteadyDiarySkillRating, 0).skill, ==, "tipp");
  g_assert_cmpint (g_array_index (loaded->skills, SteadyDiarySkillRating, 0).rating, ==, 5);

  /* A second card for the same day, e.g. from a second window, updates the first. */
  {
    g_autoptr(SteadyDiaryCard) other = steady_diary_card_new (MONDAY, 0);

    other->distress = 2;
    g_assert_true (steady_diary_store_save_card (store, other, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (other->uuid, ==, card->uuid);
    g_assert_cmpint (query_int (database, "SELECT count(*) FROM diary_card"), ==, 1);
    g_assert_cmpint (query_int (database, "SELECT distress FROM diary_card"), ==, 2);
    g_assert_cmpint (query_int (database, "SELECT count(*) FROM diary_card_rating"), ==, 0);
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(SteadyDiaryCard) wrong = steady_diary_card_new (MONDAY + 1, 0);
      g_autoptr(GError) local_error = NULL;

      switch (bad[i].what)
        {
        case 0: steady_diary_card_set_rating (wrong, anger->uuid, bad[i].value, STEADY_DIARY_NONE);
          break;
        case 1: steady_diary_card_set_rating (wrong, drink->uuid, bad[i].value, 0); break;
        case 2: steady_diary_card_set_rating (wrong, drink->uuid, 1, bad[i].value); break;
        case 3: steady_diary_card_set_rating (wrong, anger->uuid, 1, bad[i].value); break;
        case 4: wrong->distress = bad[i].value; break;
        case 5: steady_diary_card_set_skill (wrong, "stop", bad[i].value); break;
        case 6: steady_diary_card_set_skill (wrong, "no-such-skill", 3); break;
        case 7: steady_diary_card_set_rating (wrong, "00000000-0000-4000-8000-000000000000", 1,
                                              STEADY_DIARY_NONE);
          break;
        default: g_assert_not_reached ();
        }
      g_assert_false (steady_diary_store_save_card (store, wrong, &local_error));
      g_assert_nonnull (local_error);
      g_assert_true (local_error->domain == STEADY_SKILLS_ERROR);
    }
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM diary_card"), ==, 1);

  /* The schema checks the same ranges for any other writer. */
  g_assert_false (steady_database_exec (database,
    "UPDATE diary_card SET distress = 11", NULL));
  g_assert_false (steady_database_exec (database,
    "INSERT INTO diary_card_skill (card_id, skill, rating)"
    " SELECT id, 'stop', 8 FROM diary_card", NULL));
  g_assert_false (steady_database_exec (database,
    "INSERT INTO diary_card_rating (card_id, target_id, rating)"
    " SELECT c.id, t.id, 6 FROM diary_card AS c, diary_target AS t", NULL));
  g_assert_false (steady_database_exec (database,
    "INSERT INTO skill_use (uuid, skill, at_us, utc_offset_s, rating, created_us)"
    " VALUES ('00000000-0000-4000-8000-000000000001', 'stop', 1, 0, 9, 1)", NULL));
  g_assert_true (steady_database_exec (database,
    "INSERT INTO skill_use (uuid, skill, at_us, utc_offset_s, rating, created_us)"
    " VALUES ('00000000-0000-4000-8000-000000000001', 'stop', 1, 0, 7, 1)", NULL));

  {
    g_autoptr(SteadyDiaryCard) deleted = NULL;
    g_autoptr(SteadyDiaryCard) back = NULL;

    /* Give the card ratings again, then delete it and undo. */
    g_clear_pointer (&loaded, steady_diary_card_free);
    loaded = steady_diary_store_load_card (store, MONDAY, 0, &error);
    steady_diary_card_set_rating (loaded, drink->uuid, 2, 1);
    steady_diary_card_set_skill (loaded, "fast", 6);
    g_assert_true (steady_diary_store_save_card (store, loaded, &error));
    g_assert_no_error (error);

    deleted = steady_diary_store_delete_card (store, MONDAY, &error);
    g_assert_no_error (error);
    g_assert_nonnull (deleted);
    g_assert_cmpint (query_int (database, "SELECT count(*) FROM diary_card"), ==, 0);
    g_assert_cmpint (query_int (database, "SELECT count(*) FROM diary_card_rating"), ==, 0);
    g_assert_cmpint (query_int (database, "SELECT count(*) FROM diary_card_skill"), ==, 0);

    g_assert_true (steady_diary_store_save_card (store, deleted, &error));
    g_assert_no_error (error);
    back = steady_diary_store_load_card (store, MONDAY, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (back->uuid, ==, card->uuid);
    g_assert_cmpint (back->created_us, ==, card->created_us);
    g_assert_cmpint (back->distress, ==, 2);
    g_assert_cmpuint (back->ratings->len, ==, 1);
    g_assert_cmpint (g_array_index (back->ratings, SteadyDiaryRating, 0).acted, ==, 1);
    g_assert_cmpuint (back->skills->len, ==, 1);
    g_assert_cmpint (g_array_index (back->skills, SteadyDiarySkillRating, 0).rating, ==, 6);
  }
}

/* "I used this" logs the use and puts the skill on that local day's card, creating it. */
static void
test_log_skill_use (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadyDiaryStore) store = steady_diary_store_new (database);
  g_autoptr(SteadyDiaryCard) card = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *second = NULL;
  /* 23:30 on the Monday in UTC−5 is already Tuesday in UTC. */
  gint64 time_us = (MONDAY * G_GINT64_CONSTANT (86400) + 23 * 3600 + 1800 + 5 * 3600) *
                   G_USEC_PER_SEC;

  uuid = steady_diary_store_log_skill_use (store, "self-soothe", 7, 8, 5, time_us, -5 * 3600,
                                           &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (uuid));
  card = steady_diary_store_load_card (store, MONDAY, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (card->created_us, >, 0);
  g_assert_cmpuint (card->skills->len, ==, 1);
  g_assert_cmpstr (g_array_index (card->skills, SteadyDiarySkillRating, 0).skill, ==,
                   "self-soothe");
  g_assert_cmpint (g_array_index (card->skills, SteadyDiarySkillRating, 0).rating, ==, 7);

  /* The same skill again that day: the card shows the latest rating, both uses are logged. */
  second = steady_diary_store_log_skill_use (store, "self-soothe", 4, STEADY_SKILL_NO_RATING,
                                             STEADY_SKILL_NO_RATING, time_us + 60, -5 * 3600,
                                             &error);
  g_assert_no_error (error);
  g_clear_pointer (&card, steady_diary_card_free);
  card = steady_diary_store_load_card (store, MONDAY, 0, &error);
  g_assert_cmpint (g_array_index (card->skills, SteadyDiarySkillRating, 0).rating, ==, 4);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM skill_use"), ==, 2);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM diary_card"), ==, 1);

  g_assert_null (steady_diary_store_log_skill_use (store, "self-soothe", 8, 1, 1, time_us, 0,
                                                   &error));
  g_assert_error (error, STEADY_SKILLS_ERROR, STEADY_SKILLS_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_null (steady_diary_store_log_skill_use (store, "stop", 3, 11, 1, time_us, 0, &error));
  g_assert_error (error, STEADY_SKILLS_ERROR, STEADY_SKILLS_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_null (steady_diary_store_log_skill_use (store, "nope", 3, 1, 1, time_us, 0, &error));
  g_assert_error (error, STEADY_SKILLS_ERROR, STEADY_SKILLS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_int (database, "SELECT count(*) FROM skill_use"), ==, 2);

  /* Deleting a use takes it out of the log, not off the card; undo puts it back. */
  {
    g_autoptr(SteadySkillUse) deleted = steady_diary_store_delete_skill_use (store, uuid, &error);

    g_assert_no_error (error);
    g_assert_nonnull (deleted);
    g_assert_cmpstr (deleted->skill, ==, "self-soothe");
    g_assert_cmpint (deleted->rating, ==, 7);
    g_assert_cmpint (deleted->distress_before, ==, 8);
    g_assert_cmpint (deleted->distress_after, ==, 5);
    g_assert_cmpint (deleted->time_us, ==, time_us);
    g_assert_cmpint (query_int (database, "SELECT count(*) FROM skill_use"), ==, 1);
    g_assert_cmpint (query_int (database, "SELECT count(*) FROM diary_card_skill"), ==, 1);
    g_assert_null (steady_diary_store_delete_skill_use (store, uuid, &error));
    g_assert_error (error, STEADY_SKILLS_ERROR, STEADY_SKILLS_ERROR_NOT_FOUND);
    g_clear_error (&error);

    g_assert_true (steady_diary_store_restore_skill_use (store, deleted, &error));
    g_assert_no_error (error);
    g_assert_cmpint (query_int (database,
      "SELECT count(*) FROM skill_use WHERE rating = 7 AND distress_before = 8"
      " AND distress_after = 5"), ==, 1);
  }
}

static const SteadyDiaryWeekRow *
find_row (SteadyDiaryWeek    *week,
          SteadyDiaryRowKind  kind,
          const char         *id)
{
  for (guint i = 0; i < week->rows->len; i++)
    {
      const SteadyDiaryWeekRow *row = week->rows->pdata[i];

      if (row->kind == kind && g_strcmp0 (row->id, id) == 0)
        return row;
    }
  return NULL;
}

/* The week: a column a day, rows for emotions, urges with "acted", distress and the skills
 * used, empty cells where nothing was rated; days outside the week stay out. */
static void
test_week (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadyDiaryStore) store = steady_diary_store_new (database);
  g_autoptr(SteadyDiaryTarget) fear = add_target (store, STEADY_DIARY_TARGET_EMOTION, "Fear");
  g_autoptr(SteadyDiaryTarget) old = add_target (store, STEADY_DIARY_TARGET_EMOTION, "Guilt");
  g_autoptr(SteadyDiaryTarget) harm = add_target (store, STEADY_DIARY_TARGET_URGE, "Self-harm");
  g_autoptr(SteadyDiaryTarget) gone = add_target (store, STEADY_DIARY_TARGET_URGE, "Bingeing");
  g_autoptr(SteadyDiaryWeek) week = NULL;
  const SteadyDiaryWeekRow *row;

  /* Monday, Wednesday and Sunday; a card the Sunday before and the Monday after. */
  for (int d = -1; d <= 7; d++)
    {
      g_autoptr(SteadyDiaryCard) card = NULL;

      if (d != -1 && d != 0 && d != 2 && d != 6 && d != 7)
        continue;
      card = steady_diary_card_new (MONDAY + d, 0);
      steady_diary_card_set_rating (card, fear->uuid, (d + 1) % 6, STEADY_DIARY_NONE);
      steady_diary_card_set_rating (card, harm->uuid, 2, d == 2 ? 1 : 0);
      if (d == 2)
        steady_diary_card_set_rating (card, old->uuid, 3, STEADY_DIARY_NONE);
      if (d == 6)
        steady_diary_card_set_skill (card, "opposite-action", 5);
      steady_diary_card_set_skill (card, "wise-mind", d == 0 ? 1 : 7);
      card->distress = d + 2;
      g_assert_true (steady_diary_store_save_card (store, card, &error));
      g_assert_no_error (error);
    }
  g_assert_true (steady_diary_store_archive_target (store, old->uuid, &error));
  g_assert_true (steady_diary_store_archive_target (store, gone->uuid, &error));
  g_assert_no_error (error);

  week = steady_diary_store_get_week (store, MONDAY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (week->first_day, ==, MONDAY);
  g_assert_true (week->has_card[0]);
  g_assert_false (week->has_card[1]);
  g_assert_true (week->has_card[2]);
  g_assert_true (week->has_card[6]);

  /* Fear, Guilt (archived but rated this week), Self-harm, its acted row, distress,
   * wise mind, opposite action — Bingeing (archived, never rated) is left out. */
  g_assert_cmpuint (week->rows->len, ==, 7);
  g_assert_cmpint (((SteadyDiaryWeekRow *)week->rows->pdata[0])->kind, ==,
                   STEADY_DIARY_ROW_EMOTION);
  g_assert_cmpstr (((SteadyDiaryWeekRow *)week->rows->pdata[0])->label, ==, "Fear");
  g_assert_cmpstr (((SteadyDiaryWeekRow *)week->rows->pdata[1])->label, ==, "Guilt");
  g_assert_cmpint (((SteadyDiaryWeekRow *)week->rows->pdata[2])->kind, ==, STEADY_DIARY_ROW_URGE);
  g_assert_cmpint (((SteadyDiaryWeekRow *)week->rows->pdata[3])->kind, ==, STEADY_DIARY_ROW_ACTED);
  g_assert_cmpint (((SteadyDiaryWeekRow *)week->rows->pdata[4])->kind, ==,
                   STEADY_DIARY_ROW_DISTRESS);
  /* Skills in library order: wise mind (mindfulness) before opposite action. */
  g_assert_cmpstr (((SteadyDiaryWeekRow *)week->rows->pdata[5])->id, ==, "wise-mind");
  g_assert_cmpstr (((SteadyDiaryWeekRow *)week->rows->pdata[6])->id, ==, "opposite-action");

  row = find_row (week, STEADY_DIARY_ROW_EMOTION, fear->uuid);
  {
    const int expected[7] = { 1, -1, 3, -1, -1, -1, 1 };

    for (guint d = 0; d < 7; d++)
      g_assert_cmpint (row->values[d], ==, expected[d]);
  }
  row = find_row (week, STEADY_DIARY_ROW_ACTED, harm->uuid);
  {
    const int expected[7] = { 0, -1, 1, -1, -1, -1, 0 };

    for (guint d = 0; d < 7; d++)
      g_assert_cmpint (row->values[d], ==, expected[d]);
  }
  row = find_row (week, STEADY_DIARY_ROW_DISTRESS, NULL);
  {
    const int expected[7] = { 2, -1, 4, -1, -1, -1, 8 };

    for (guint d = 0; d < 7; d++)
      g_assert_cmpint (row->values[d], ==, expected[d]);
  }
  row = find_row (week, STEADY_DIARY_ROW_SKILL, "wise-mind");
  {
    const int expected[7] = { 1, -1, 7, -1, -1, -1, 7 };

    for (guint d = 0; d < 7; d++)
      g_assert_cmpint (row->values[d], ==, expected[d]);
  }
  row = find_row (week, STEADY_DIARY_ROW_EMOTION, old->uuid);
  g_assert_cmpint (row->values[2], ==, 3);
  g_assert_null (find_row (week, STEADY_DIARY_ROW_URGE, gone->uuid));

  /* An empty week still has the current targets and distress, all cells empty. */
  g_clear_pointer (&week, steady_diary_week_free);
  week = steady_diary_store_get_week (store, MONDAY + 70, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (week->rows->len, ==, 4);
  for (guint r = 0; r < week->rows->len; r++)
    for (guint d = 0; d < 7; d++)
      g_assert_cmpint (((SteadyDiaryWeekRow *)week->rows->pdata[r])->values[d], ==,
                       STEADY_DIARY_NONE);
}

/* A card being filled in is a draft keyed by its day: "I used this" leaves it alone, saving
 * the card removes it. */
static void
test_drafts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadyDiaryStore) store = steady_diary_store_new (database);
  g_autoptr(SteadyDraftStore) drafts = steady_draft_store_new (database);
  g_autoptr(SteadyDiaryCard) card = steady_diary_card_new (MONDAY, 0);
  g_autofree char *use = NULL;
  g_autofree char *kept = NULL;
  g_auto(GStrv) keys = NULL;

  g_assert_true (steady_draft_store_save (drafts, STEADY_DIARY_CARD_DRAFT_KIND, "19786",
                                          "{\"distress\": 6}", &error));
  g_assert_no_error (error);
  use = steady_diary_store_log_skill_use (store, "stop", 5, STEADY_SKILL_NO_RATING,
                                          STEADY_SKILL_NO_RATING,
                                          (MONDAY * G_GINT64_CONSTANT (86400) + 3600) *
                                          G_USEC_PER_SEC, 0, &error);
  g_assert_no_error (error);
  kept = steady_draft_store_load (drafts, STEADY_DIARY_CARD_DRAFT_KIND, "19786", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, "{\"distress\": 6}");

  card->distress = 6;
  g_assert_true (steady_diary_store_save_card (store, card, &error));
  g_assert_no_error (error);
  keys = steady_draft_store_list_keys (drafts, STEADY_DIARY_CARD_DRAFT_KIND, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (keys), ==, 0);
  /* The skill logged before is on the card, which the save updated. */
  g_clear_pointer (&card, steady_diary_card_free);
  card = steady_diary_store_load_card (store, MONDAY, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (card->distress, ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/skills/diary/monday", test_day_is_monday);
  g_test_add_func ("/skills/diary/targets", test_targets);
  g_test_add_func ("/skills/diary/starter-targets", test_starter_targets);
  g_test_add_func ("/skills/diary/card", test_card_crud_and_ranges);
  g_test_add_func ("/skills/diary/log-skill-use", test_log_skill_use);
  g_test_add_func ("/skills/diary/week", test_week);
  g_test_add_func ("/skills/diary/card-span", test_card_span);
  g_test_add_func ("/skills/diary/drafts", test_drafts);

  return g_test_run ();
}
