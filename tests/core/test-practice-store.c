/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-practice-store.c: the practice log in a real SQLite file: every field comes back as
 * saved, the table refuses what does not make sense, and the weekly minutes follow the
 * local day each practice began on. */

#define G_LOG_DOMAIN "steady-test-practice-store"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "steady-practice-error.h"
#include "steady-practice-store.h"
#include "steady-schema.h"
#include "steady-test-util.h"

/* The sanitizer hooks (fast_unwind_on_malloc, the g_set_user_dirs suppression) come with
 * steady-test-util. */

#define S(seconds)  ((gint64)(seconds) * G_USEC_PER_SEC)
#define MINUTES(n)  S ((gint64)(n) * 60)
#define HOURS(n)    MINUTES ((gint64)(n) * 60)

static char *
database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "steady", "steady.db", NULL);
}

static SteadyDatabase *
open_database (void)
{
  g_autofree char *path = database_path ();
  g_autoptr(GError) error = NULL;
  SteadyDatabase *database;

  /* G_TEST_OPTION_ISOLATE_DIRS keeps this away from the real data folder. */
  g_assert_true (g_str_has_prefix (path, g_get_tmp_dir ()) ||
                 g_strrstr (path, "test") != NULL);
  database = steady_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (database);
  return database;
}

/* A local time as GDateTime in a fixed offset from UTC, in hours. */
static GDateTime *
local_time (int    year,
            int    month,
            int    day,
            int    hour,
            int    minute,
            double offset_hours)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset ((gint32)(offset_hours * 3600));

  return g_date_time_new (zone, year, month, day, hour, minute, 0);
}

static SteadyPracticeRecord *
breathing_record (GDateTime *started_at,
                  gint64     actual_us)
{
  SteadyPracticeRecord *record = steady_practice_record_new (STEADY_PRACTICE_KIND_BREATHING);

  record->pattern = steady_breathing_pattern_new_preset ("box");
  record->planned_us = MINUTES (5);
  record->actual_us = actual_us;
  record->completed = actual_us >= record->planned_us;
  steady_practice_record_set_started_at (record, started_at);
  return record;
}

static SteadyPracticeRecord *
sit_record (GDateTime *started_at,
            gint64     actual_us)
{
  SteadyPracticeRecord *record = steady_practice_record_new (STEADY_PRACTICE_KIND_MINDFULNESS);

  record->planned_us = 0;
  record->actual_us = actual_us;
  record->completed = TRUE;
  steady_practice_record_set_started_at (record, started_at);
  return record;
}

static void
assert_records_equal (const SteadyPracticeRecord *a,
                      const SteadyPracticeRecord *b)
{
  g_assert_cmpstr (a->uuid, ==, b->uuid);
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpint (a->pattern == NULL, ==, b->pattern == NULL);
  if (a->pattern != NULL)
    {
      g_assert_cmpstr (a->pattern->id, ==, b->pattern->id);
      g_assert_cmpstr (a->pattern->name, ==, b->pattern->name);
      g_assert_cmpmem (a->pattern->tenths, sizeof a->pattern->tenths,
                       b->pattern->tenths, sizeof b->pattern->tenths);
    }
  g_assert_cmpint (a->planned_us, ==, b->planned_us);
  g_assert_cmpuint (a->planned_cycles, ==, b->planned_cycles);
  g_assert_cmpint (a->actual_us, ==, b->actual_us);
  g_assert_cmpint (a->started_at_us, ==, b->started_at_us);
  g_assert_cmpint (a->utc_offset_s, ==, b->utc_offset_s);
  g_assert_cmpint (a->distress_before, ==, b->distress_before);
  g_assert_cmpint (a->distress_after, ==, b->distress_after);
  g_assert_cmpint (!!a->completed, ==, !!b->completed);
  g_assert_cmpint (a->created_us, ==, b->created_us);
  g_assert_cmpint (a->updated_us, ==, b->updated_us);
}

static int
count_rows (SteadyDatabase *database)
{
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_prepare_v2 (steady_database_get_handle (database),
                                       "SELECT count(*) FROM practice_log", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
test_schema_version (void)
{
  g_autoptr(SteadyDatabase) database = open_database ();

  /* The practice log arrived in version 3; later versions keep it. */
  g_assert_cmpint (steady_schema_get_version (), >=, 3);
  g_assert_cmpint (steady_database_get_schema_version (database), ==,
                   steady_schema_get_version ());
  g_assert_cmpint (count_rows (database), ==, 0);
}

/* Every field survives the round trip, through closing and reopening the file. */
static void
test_round_trip (void)
{
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadyPracticeStore) store = steady_practice_store_new (database);
  g_autoptr(GDateTime) evening = local_time (2024, 3, 5, 21, 15, -5);
  g_autoptr(GDateTime) morning = local_time (2024, 3, 6, 7, 30, 5.5);
  g_autoptr(SteadyPracticeRecord) breathing = NULL;
  g_autoptr(SteadyPracticeRecord) sit = NULL;
  g_autoptr(SteadyPracticeRecord) custom = NULL;
  g_autoptr(GError) error = NULL;
  const guint tenths[] = { 35, 5, 10, 72, 0 };
  gint64 before_us = g_get_real_time ();

  breathing = breathing_record (evening, MINUTES (3) + 123456);
  breathing->planned_cycles = 19;
  breathing->distress_before = 7;
  breathing->distress_after = 4;
  g_assert_true (steady_practice_store_add (store, breathing, &error));
  g_assert_no_error (error);
  g_assert_cmpint (breathing->created_us, >=, before_us);
  g_assert_cmpint (breathing->updated_us, ==, breathing->created_us);

  sit = sit_record (morning, MINUTES (42) + 1);
  g_assert_true (steady_practice_store_add (store, sit, &error));
  g_assert_no_error (error);

  custom = breathing_record (morning, S (1));
  steady_breathing_pattern_free (custom->pattern);
  custom->pattern = steady_breathing_pattern_new_custom ("Before group ✨", tenths, &error);
  custom->distress_before = 0;
  custom->distress_after = 10;
  g_assert_true (steady_practice_store_add (store, custom, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  g_clear_object (&database);
  database = open_database ();
  store = steady_practice_store_new (database);

  {
    g_autoptr(SteadyPracticeRecord) read_breathing = NULL;
    g_autoptr(SteadyPracticeRecord) read_sit = NULL;
    g_autoptr(SteadyPracticeRecord) read_custom = NULL;
    g_autoptr(GDateTime) started_at = NULL;

    read_breathing = steady_practice_store_lookup (store, breathing->uuid, &error);
    g_assert_no_error (error);
    assert_records_equal (read_breathing, breathing);
    g_assert_cmpstr (steady_breathing_pattern_get_name (read_breathing->pattern), ==,
                     "Box breathing");

    read_sit = steady_practice_store_lookup (store, sit->uuid, &error);
    g_assert_no_error (error);
    assert_records_equal (read_sit, sit);
    g_assert_null (read_sit->pattern);
    g_assert_cmpint (read_sit->distress_before, ==, STEADY_PRACTICE_NO_DISTRESS);
    g_assert_cmpint (read_sit->planned_us, ==, 0);

    read_custom = steady_practice_store_lookup (store, custom->uuid, &error);
    g_assert_no_error (error);
    assert_records_equal (read_custom, custom);
    g_assert_null (read_custom->pattern->id);

    /* The local time it began is kept, offset and all. */
    started_at = steady_practice_record_get_started_at (read_sit);
    g_assert_cmpint (g_date_time_get_hour (started_at), ==, 7);
    g_assert_cmpint (g_date_time_get_minute (started_at), ==, 30);
    g_assert_cmpint (g_date_time_get_utc_offset (started_at), ==, HOURS (5) + MINUTES (30));
    g_assert_cmpint (g_date_time_get_day_of_month (started_at), ==, 6);
  }
}

static void
test_update_and_delete (void)
{
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadyPracticeStore) store = steady_practice_store_new (database);
  g_autoptr(GDateTime) when = local_time (2024, 1, 10, 12, 0, 1);
  g_autoptr(SteadyPracticeRecord) record = breathing_record (when, MINUTES (5));
  g_autoptr(SteadyPracticeRecord) read = NULL;
  g_autoptr(SteadyPracticeRecord) stranger = breathing_record (when, MINUTES (5));
  g_autoptr(GError) error = NULL;
  gint64 created_us;

  g_assert_true (steady_practice_store_add (store, record, &error));
  g_assert_no_error (error);
  created_us = record->created_us;

  /* The rating after is often given a moment later. */
  record->distress_after = 3;
  g_assert_true (steady_practice_store_update (store, record, &error));
  g_assert_no_error (error);
  read = steady_practice_store_lookup (store, record->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->distress_after, ==, 3);
  g_assert_cmpint (read->created_us, ==, created_us);
  g_assert_cmpint (read->updated_us, >=, created_us);

  /* A practice that is not in the log cannot be updated or deleted. */
  g_assert_false (steady_practice_store_update (store, stranger, &error));
  g_assert_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (steady_practice_store_delete (store, record->uuid, &error));
  g_assert_no_error (error);
  g_clear_pointer (&read, steady_practice_record_free);
  read = steady_practice_store_lookup (store, record->uuid, &error);
  g_assert_null (read);
  g_assert_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (steady_practice_store_delete (store, record->uuid, &error));
  g_assert_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_NOT_FOUND);
  g_assert_cmpint (count_rows (database), ==, 0);
}

/* Records the app should never write are refused before SQL, with a message, and nothing
 * is saved. */
static void
test_invalid_records (void)
{
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadyPracticeStore) store = steady_practice_store_new (database);
  g_autoptr(GDateTime) when = local_time (2024, 2, 1, 9, 0, 0);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 9; i++)
    {
      g_autoptr(SteadyPracticeRecord) record = breathing_record (when, MINUTES (5));

      switch (i)
        {
        case 0:
          record->distress_before = 11;
          break;
        case 1:
          record->distress_after = -2;
          break;
        case 2:
          g_clear_pointer (&record->pattern, steady_breathing_pattern_free);
          break;
        case 3:
          record->pattern->tenths[0] = 601;
          break;
        case 4:
          record->actual_us = -1;
          break;
        case 5:
          record->utc_offset_s = 19 * 3600;
          break;
        case 6:
          g_free (record->uuid);
          record->uuid = g_strdup ("not-a-uuid");
          break;
        case 7:
          record->kind = STEADY_PRACTICE_KIND_MINDFULNESS;
          break;
        case 8:
          record->planned_us = 0;
          break;
        default:
          g_assert_not_reached ();
        }
      g_assert_false (steady_practice_store_add (store, record, &error));
      g_assert_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_RECORD);
      g_clear_error (&error);
    }
  g_assert_cmpint (count_rows (database), ==, 0);

  /* The same UUID twice is refused by the database. */
  {
    g_autoptr(SteadyPracticeRecord) record = breathing_record (when, MINUTES (5));

    g_assert_true (steady_practice_store_add (store, record, &error));
    g_assert_no_error (error);
    g_assert_false (steady_practice_store_add (store, record, &error));
    g_assert_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_FAILED);
    g_assert_cmpint (count_rows (database), ==, 1);
  }
}

/* The CHECK constraints hold whatever writes to the file, not only this store. */
static void
test_check_constraints (void)
{
  g_autoptr(SteadyDatabase) database = open_database ();
  sqlite3 *db = steady_database_get_handle (database);
  const char *columns =
    "INSERT INTO practice_log (uuid, kind, pattern_id, pattern_name, inhale_tenths, "
    "top_up_tenths, hold_in_tenths, exhale_tenths, hold_out_tenths, planned_us, "
    "planned_cycles, actual_us, started_at_us, utc_offset_s, distress_before, "
    "distress_after, completed, created_us, updated_us) VALUES ";
  const char *good_breathing =
    "('00000000-0000-4000-8000-000000000001', 'breathing', 'box', 'Box breathing', "
    "40, 0, 40, 40, 40, 300000000, NULL, 300000000, 1700000000000000, 3600, 5, 3, 1, 1, 1)";
  const char *good_sit =
    "('00000000-0000-4000-8000-000000000002', 'mindfulness', NULL, NULL, "
    "NULL, NULL, NULL, NULL, NULL, NULL, NULL, 60000000, 1700000000000000, 0, NULL, NULL, "
    "1, 1, 1)";
  const char *bad[] = {
    /* a kind we do not know */
    "('00000000-0000-4000-8000-000000000003', 'yoga', NULL, NULL, "
    "NULL, NULL, NULL, NULL, NULL, NULL, NULL, 60000000, 1700000000000000, 0, NULL, NULL, 1, 1, 1)",
    /* distress above 10 */
    "('00000000-0000-4000-8000-000000000004', 'mindfulness', NULL, NULL, "
    "NULL, NULL, NULL, NULL, NULL, NULL, NULL, 60000000, 1700000000000000, 0, 11, NULL, 1, 1, 1)",
    /* a sit with breath phases */
    "('00000000-0000-4000-8000-000000000005', 'mindfulness', NULL, NULL, "
    "40, 0, 0, 40, 0, NULL, NULL, 60000000, 1700000000000000, 0, NULL, NULL, 1, 1, 1)",
    /* breathing without its pattern */
    "('00000000-0000-4000-8000-000000000006', 'breathing', 'box', 'Box breathing', "
    "NULL, NULL, NULL, NULL, NULL, 300000000, NULL, 300000000, 1700000000000000, 0, 5, 3, 1, 1, 1)",
    /* breathing with nothing to breathe */
    "('00000000-0000-4000-8000-000000000007', 'breathing', NULL, 'Still', "
    "0, 0, 40, 0, 40, 300000000, NULL, 300000000, 1700000000000000, 0, 5, 3, 1, 1, 1)",
    /* a phase over 60 s */
    "('00000000-0000-4000-8000-000000000008', 'breathing', NULL, 'Long', "
    "601, 0, 0, 40, 0, 300000000, NULL, 300000000, 1700000000000000, 0, 5, 3, 1, 1, 1)",
    /* an offset from UTC of more than 18 hours */
    "('00000000-0000-4000-8000-000000000009', 'mindfulness', NULL, NULL, "
    "NULL, NULL, NULL, NULL, NULL, NULL, NULL, 60000000, 1700000000000000, 70000, "
    "NULL, NULL, 1, 1, 1)",
    /* completed neither 0 nor 1 */
    "('00000000-0000-4000-8000-00000000000a', 'mindfulness', NULL, NULL, "
    "NULL, NULL, NULL, NULL, NULL, NULL, NULL, 60000000, 1700000000000000, 0, NULL, NULL, 2, 1, 1)",
    /* negative length */
    "('00000000-0000-4000-8000-00000000000b', 'mindfulness', NULL, NULL, "
    "NULL, NULL, NULL, NULL, NULL, NULL, NULL, -1, 1700000000000000, 0, NULL, NULL, 1, 1, 1)",
    /* updated before created */
    "('00000000-0000-4000-8000-00000000000c', 'mindfulness', NULL, NULL, "
    "NULL, NULL, NULL, NULL, NULL, NULL, NULL, 60000000, 1700000000000000, 0, NULL, NULL, 1, 5, 4)",
    /* a text where a number belongs (the table is STRICT) */
    "('00000000-0000-4000-8000-00000000000d', 'mindfulness', NULL, NULL, "
    "NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'long', 1700000000000000, 0, NULL, NULL, 1, 1, 1)",
  };

  {
    g_autofree char *sql = g_strconcat (columns, good_breathing, NULL);

    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  {
    g_autofree char *sql = g_strconcat (columns, good_sit, NULL);

    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *sql = g_strconcat (columns, bad[i], NULL);
      int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

      g_test_message ("case %u: %s", i, sqlite3_errmsg (db));
      g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
    }
  g_assert_cmpint (count_rows (database), ==, 2);
}

static void
test_list_range (void)
{
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadyPracticeStore) store = steady_practice_store_new (database);
  g_autoptr(GDateTime) first = local_time (2024, 4, 1, 8, 0, 2);
  g_autoptr(GDateTime) second = g_date_time_add_hours (first, 5);
  g_autoptr(GDateTime) third = g_date_time_add_days (first, 1);
  g_autoptr(SteadyPracticeRecord) a = breathing_record (third, MINUTES (1));
  g_autoptr(SteadyPracticeRecord) b = sit_record (first, MINUTES (2));
  g_autoptr(SteadyPracticeRecord) c = breathing_record (second, MINUTES (3));
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) some = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (steady_practice_store_add (store, a, &error));
  g_assert_true (steady_practice_store_add (store, b, &error));
  g_assert_true (steady_practice_store_add (store, c, &error));
  g_assert_no_error (error);

  all = steady_practice_store_list_range (store, 0, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpstr (((SteadyPracticeRecord *)all->pdata[0])->uuid, ==, b->uuid);
  g_assert_cmpstr (((SteadyPracticeRecord *)all->pdata[1])->uuid, ==, c->uuid);
  g_assert_cmpstr (((SteadyPracticeRecord *)all->pdata[2])->uuid, ==, a->uuid);

  /* Half-open: from the first start included, up to the third's start excluded. */
  some = steady_practice_store_list_range (store, b->started_at_us, a->started_at_us, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->len, ==, 2);
  g_assert_cmpstr (((SteadyPracticeRecord *)some->pdata[0])->uuid, ==, b->uuid);
  g_assert_cmpstr (((SteadyPracticeRecord *)some->pdata[1])->uuid, ==, c->uuid);
  g_clear_pointer (&some, g_ptr_array_unref);

  some = steady_practice_store_list_range (store, b->started_at_us + 1, c->started_at_us, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (some->len, ==, 0);
}

static void
assert_week (GArray *weeks,
             guint   index,
             int     year,
             int     month,
             int     day,
             gint64  practised_us,
             guint   minutes,
             guint   n_practices)
{
  const SteadyPracticeWeek *week;

  g_assert_cmpuint (index, <, weeks->len);
  week = &g_array_index (weeks, SteadyPracticeWeek, index);
  g_assert_cmpint (g_date_get_year (&week->monday), ==, year);
  g_assert_cmpint (g_date_get_month (&week->monday), ==, month);
  g_assert_cmpint (g_date_get_day (&week->monday), ==, day);
  g_assert_cmpint (g_date_get_weekday (&week->monday), ==, G_DATE_MONDAY);
  g_assert_cmpint (week->practised_us, ==, practised_us);
  g_assert_cmpuint (week->minutes, ==, minutes);
  g_assert_cmpuint (week->n_practices, ==, n_practices);
}

/* Weeks run Monday to Sunday in the person's local days: late on a Sunday evening in New
 * York is already Monday in UTC, and still counts in the week that is ending. */
static void
test_minutes_per_week (void)
{
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadyPracticeStore) store = steady_practice_store_new (database);
  struct { int month, day, hour, minute; double offset; gint64 actual_us; } practices[] = {
    { 3, 3, 23, 59, 1, S (90) },                    /* Sunday 3 March, Berlin: week of 26 Feb */
    { 3, 4, 0, 30, -5, MINUTES (10) },              /* Monday 4 March just after midnight */
    { 3, 10, 23, 30, -5, MINUTES (25) + S (29) },   /* Sunday 10 March late: UTC says Monday */
    { 3, 25, 6, 0, 0, MINUTES (5) },                /* outside the range asked for */
    { 2, 25, 12, 0, 0, MINUTES (7) },               /* the Sunday before: outside too */
  };
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) first = g_date_new_dmy (28, G_DATE_FEBRUARY, 2024);  /* a Wednesday */
  g_autoptr(GDate) last = g_date_new_dmy (19, G_DATE_MARCH, 2024);      /* a Tuesday */

  for (guint i = 0; i < G_N_ELEMENTS (practices); i++)
    {
      g_autoptr(GDateTime) when = local_time (2024, practices[i].month, practices[i].day,
                                              practices[i].hour, practices[i].minute,
                                              practices[i].offset);
      g_autoptr(SteadyPracticeRecord) record = sit_record (when, practices[i].actual_us);

      g_assert_true (steady_practice_store_add (store, record, &error));
      g_assert_no_error (error);
    }

  weeks = steady_practice_store_list_weeks (store, first, last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 4);
  assert_week (weeks, 0, 2024, 2, 26, S (90), 2, 1);
  assert_week (weeks, 1, 2024, 3, 4, MINUTES (35) + S (29), 35, 2);
  assert_week (weeks, 2, 2024, 3, 11, 0, 0, 0);
  assert_week (weeks, 3, 2024, 3, 18, 0, 0, 0);
  g_clear_pointer (&weeks, g_array_unref);

  /* A single day gives its whole week. */
  g_date_set_dmy (first, 27, G_DATE_MARCH, 2024);
  weeks = steady_practice_store_list_weeks (store, first, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 1);
  assert_week (weeks, 0, 2024, 3, 25, MINUTES (5), 5, 1);
}

/* A file of schema version 1 is brought up to version 3 with the practice log in it. */
static void
test_migration_from_version_1 (void)
{
  g_autofree char *path = database_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autoptr(SteadyPracticeStore) store = NULL;
  g_autoptr(GDateTime) when = local_time (2024, 5, 1, 10, 0, 0);
  g_autoptr(SteadyPracticeRecord) record = breathing_record (when, MINUTES (5));
  const SteadyMigration *migrations;
  guint n_migrations;

  migrations = steady_schema_get_migrations (&n_migrations);
  g_assert_cmpint (migrations[0].version, ==, 1);
  database = steady_database_open_with_migrations (path, migrations, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steady_database_get_schema_version (database), ==, 1);
  g_clear_object (&database);

  database = open_database ();
  g_assert_cmpint (steady_database_get_schema_version (database), ==, steady_schema_get_version ());
  store = steady_practice_store_new (database);
  g_assert_true (steady_practice_store_add (store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (database), ==, 1);
}

/* Patterns of the user's own: saved, listed by name, replaced under the same name, deleted;
 * presets and broken patterns are refused; they outlive closing the file. */
static void
test_saved_patterns (void)
{
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadyPracticeStore) store = steady_practice_store_new (database);
  g_autoptr(GPtrArray) patterns = NULL;
  g_autoptr(SteadyBreathingPattern) evening = NULL;
  g_autoptr(SteadyBreathingPattern) again = NULL;
  g_autoptr(SteadyBreathingPattern) calm = NULL;
  g_autoptr(SteadyBreathingPattern) box = steady_breathing_pattern_new_preset ("box");
  g_autoptr(GError) error = NULL;
  const guint evening_tenths[] = { 45, 0, 10, 75, 5 };
  const guint again_tenths[] = { 40, 0, 0, 80, 0 };
  const guint calm_tenths[] = { 20, 10, 0, 60, 0 };
  SteadyBreathingPattern *read;

  patterns = steady_practice_store_list_patterns (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (patterns->len, ==, 0);
  g_clear_pointer (&patterns, g_ptr_array_unref);

  evening = steady_breathing_pattern_new_custom ("evening wind-down", evening_tenths, &error);
  g_assert_no_error (error);
  calm = steady_breathing_pattern_new_custom ("Calm", calm_tenths, &error);
  g_assert_no_error (error);
  g_assert_true (steady_practice_store_save_pattern (store, evening, &error));
  g_assert_no_error (error);
  g_assert_true (steady_practice_store_save_pattern (store, calm, &error));
  g_assert_no_error (error);

  /* A preset is not the user's to save. */
  g_assert_false (steady_practice_store_save_pattern (store, box, &error));
  g_assert_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_PATTERN);
  g_clear_error (&error);

  /* Listed by name, whatever the case; every tenth kept. */
  patterns = steady_practice_store_list_patterns (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (patterns->len, ==, 2);
  read = g_ptr_array_index (patterns, 0);
  g_assert_cmpstr (read->name, ==, "Calm");
  g_assert_null (read->id);
  g_assert_cmpmem (read->tenths, sizeof read->tenths, calm_tenths, sizeof calm_tenths);
  read = g_ptr_array_index (patterns, 1);
  g_assert_cmpstr (read->name, ==, "evening wind-down");
  g_assert_cmpmem (read->tenths, sizeof read->tenths, evening_tenths, sizeof evening_tenths);
  g_clear_pointer (&patterns, g_ptr_array_unref);

  /* Saving under a name already used changes that pattern; it does not add one. */
  again = steady_breathing_pattern_new_custom ("evening wind-down", again_tenths, &error);
  g_assert_no_error (error);
  g_assert_true (steady_practice_store_save_pattern (store, again, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_clear_object (&database);

  database = open_database ();
  store = steady_practice_store_new (database);
  patterns = steady_practice_store_list_patterns (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (patterns->len, ==, 2);
  read = g_ptr_array_index (patterns, 1);
  g_assert_cmpmem (read->tenths, sizeof read->tenths, again_tenths, sizeof again_tenths);
  g_clear_pointer (&patterns, g_ptr_array_unref);

  g_assert_true (steady_practice_store_delete_pattern (store, "Calm", &error));
  g_assert_no_error (error);
  g_assert_false (steady_practice_store_delete_pattern (store, "Calm", &error));
  g_assert_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  patterns = steady_practice_store_list_patterns (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (patterns->len, ==, 1);
}

/* Every column of the pattern called @name, as text, or NULL. */
static char *
pattern_row (sqlite3    *db,
             const char *name)
{
  char *sql = sqlite3_mprintf ("SELECT id || ',' || name || ',' || inhale_tenths || ',' "
                               "|| top_up_tenths || ',' || hold_in_tenths || ',' || "
                               "exhale_tenths || ',' || hold_out_tenths || ',' || "
                               "created_us || ',' || updated_us "
                               "FROM breathing_pattern WHERE name = %Q", name);
  sqlite3_stmt *stmt = NULL;
  char *row = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_free (sql);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    row = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return row;
}

/* Undoing the deletion of a pattern puts back the very row: name, every tenth, its times and its
 * row number; a pattern saved under the name meanwhile is kept, and the undo says so. */
static void
test_pattern_take_and_put_back (void)
{
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadyPracticeStore) store = steady_practice_store_new (database);
  sqlite3 *db = steady_database_get_handle (database);
  const guint tenths[] = { 45, 5, 10, 75, 20 };
  const guint other_tenths[] = { 30, 0, 0, 30, 0 };
  g_autoptr(SteadyBreathingPattern) evening = NULL;
  g_autoptr(SteadyBreathingPattern) other = NULL;
  g_autoptr(SteadyPracticeStoredPattern) stored = NULL;
  g_autoptr(GPtrArray) patterns = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *kept = NULL;

  evening = steady_breathing_pattern_new_custom ("Evening", tenths, &error);
  g_assert_no_error (error);
  g_assert_true (steady_practice_store_save_pattern (store, evening, &error));
  g_assert_no_error (error);
  /* Times that a fresh save could not make up, so only the real put-back keeps them. */
  steady_test_exec (db, "UPDATE breathing_pattern SET created_us = 1000, updated_us = 2000, "
                        "id = 7 WHERE name = 'Evening'");
  before = pattern_row (db, "Evening");
  g_assert_cmpstr (before, ==, "7,Evening,45,5,10,75,20,1000,2000");

  stored = steady_practice_store_take_pattern (store, "Evening", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_cmpstr (stored->pattern->name, ==, "Evening");
  g_assert_null (stored->pattern->id);
  g_assert_cmpmem (stored->pattern->tenths, sizeof stored->pattern->tenths, tenths, sizeof tenths);
  g_assert_null (pattern_row (db, "Evening"));
  patterns = steady_practice_store_list_patterns (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (patterns->len, ==, 0);

  /* Taking it again finds nothing. */
  g_assert_null (steady_practice_store_take_pattern (store, "Evening", &error));
  g_assert_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (steady_practice_store_put_back_pattern (store, stored, &error));
  g_assert_no_error (error);
  after = pattern_row (db, "Evening");
  g_assert_cmpstr (after, ==, before);

  /* Deleted again, and meanwhile another "Evening" saved: that one stays as it is. */
  g_clear_pointer (&stored, steady_practice_stored_pattern_free);
  stored = steady_practice_store_take_pattern (store, "Evening", &error);
  g_assert_no_error (error);
  other = steady_breathing_pattern_new_custom ("Evening", other_tenths, &error);
  g_assert_no_error (error);
  g_assert_true (steady_practice_store_save_pattern (store, other, &error));
  g_assert_no_error (error);
  kept = pattern_row (db, "Evening");
  g_assert_false (steady_practice_store_put_back_pattern (store, stored, &error));
  g_assert_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_PATTERN);
  g_assert_nonnull (strstr (error->message, "Evening"));
  g_clear_pointer (&after, g_free);
  after = pattern_row (db, "Evening");
  g_assert_cmpstr (after, ==, kept);
  g_assert_cmpint (steady_test_query_int (db, "SELECT count(*) FROM breathing_pattern"), ==, 1);
}

/* The table refuses what the pattern checks refuse, even written past the store. */
static void
test_saved_pattern_constraints (void)
{
  g_autoptr(SteadyDatabase) database = open_database ();
  sqlite3 *db = steady_database_get_handle (database);
  static const char * const refused[] = {
    "INSERT INTO breathing_pattern VALUES (NULL, '', 40, 0, 0, 40, 0, 1, 1)",
    "INSERT INTO breathing_pattern VALUES (NULL, 'a', 601, 0, 0, 40, 0, 1, 1)",
    "INSERT INTO breathing_pattern VALUES (NULL, 'b', 0, 0, 40, 0, 40, 1, 1)",
    "INSERT INTO breathing_pattern VALUES (NULL, 'c', -1, 0, 0, 40, 0, 1, 1)",
    "INSERT INTO breathing_pattern VALUES (NULL, 'd', 40, 0, 0, 40, 0, 2, 1)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_assert_cmpint (sqlite3_exec (db, refused[i], NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO breathing_pattern VALUES "
                                     "(NULL, 'ok', 40, 0, 0, 40, 0, 1, 1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/practice/store/schema-version", test_schema_version);
  g_test_add_func ("/practice/store/round-trip", test_round_trip);
  g_test_add_func ("/practice/store/update-and-delete", test_update_and_delete);
  g_test_add_func ("/practice/store/invalid-records", test_invalid_records);
  g_test_add_func ("/practice/store/check-constraints", test_check_constraints);
  g_test_add_func ("/practice/store/list-range", test_list_range);
  g_test_add_func ("/practice/store/minutes-per-week", test_minutes_per_week);
  g_test_add_func ("/practice/store/migration-from-version-1", test_migration_from_version_1);
  g_test_add_func ("/practice/store/saved-patterns", test_saved_patterns);
  g_test_add_func ("/practice/store/saved-pattern-constraints", test_saved_pattern_constraints);
  g_test_add_func ("/practice/store/pattern-take-and-put-back", test_pattern_take_and_put_back);

  return g_test_run ();
}
