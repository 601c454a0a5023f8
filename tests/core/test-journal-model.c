/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-journal-model.c: the journal list's model on 100 000 entries — its length, random
 * items right, only a few pages in memory — and items-changed at the right place when the
 * store changes. */

#define G_LOG_DOMAIN "test-journal-model"

#include "config.h"

#include "steady-database.h"
#include "steady-journal-model.h"

#define N_ROWS    100000
#define BASE_US   G_GINT64_CONSTANT (1000000000000000) /* 2001-09-09 */
#define MINUTE_US (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)
#define MAX_CACHED (STEADY_JOURNAL_MODEL_PAGE_SIZE * STEADY_JOURNAL_MODEL_MAX_PAGES)

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static SteadyJournalStore *
open_store_with_rows (guint n_rows)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_database_get_default_path ();
  g_autoptr(SteadyDatabase) database = steady_database_open (path, &error);
  g_autofree char *fill = NULL;

  g_assert_no_error (error);
  /* Row i (id i + 1) is at BASE + (i / 2) minutes: pairs share an instant, which the row id
   * orders, so position p holds row n_rows - 1 - p. */
  fill = g_strdup_printf (
    "BEGIN;"
    "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
    "INSERT INTO mood_entry (uuid, created_us, updated_us, at_us, utc_offset_s, mood, note)"
    "  SELECT printf ('00000000-0000-4000-8000-%%012d', i), 1, 1,"
    "         %" G_GINT64_FORMAT " + (i / 2) * %" G_GINT64_FORMAT ", 0, 1 + i %% 5, 'row ' || i"
    "    FROM n;"
    "COMMIT;", n_rows - 1, BASE_US, MINUTE_US);
  g_assert_true (steady_database_exec (database, fill, &error));
  g_assert_no_error (error);
  return steady_journal_store_new (database);
}

static char *
uuid_of_row (guint row)
{
  return g_strdup_printf ("00000000-0000-4000-8000-%012u", row);
}

static void
assert_item (GListModel *model,
             guint       position,
             const char *uuid)
{
  g_autoptr(SteadyMoodEntry) entry = g_list_model_get_item (model, position);

  g_assert_nonnull (entry);
  g_assert_cmpstr (steady_mood_entry_get_uuid (entry), ==, uuid);
}

static void
assert_row_at (GListModel *model,
               guint       position,
               guint       row)
{
  g_autofree char *uuid = uuid_of_row (row);

  assert_item (model, position, uuid);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  g_array_append_val (changes, ((Change) { position, removed, added }));
}

static void
assert_changes (GArray       *changes,
                const Change *expected,
                guint         n_expected)
{
  g_assert_cmpuint (changes->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_assert_cmpuint (g_array_index (changes, Change, i).position, ==, expected[i].position);
      g_assert_cmpuint (g_array_index (changes, Change, i).removed, ==, expected[i].removed);
      g_assert_cmpuint (g_array_index (changes, Change, i).added, ==, expected[i].added);
    }
  g_array_set_size (changes, 0);
}

static void
test_large (void)
{
  g_autoptr(SteadyJournalStore) store = open_store_with_rows (N_ROWS);
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournalModel) journal = steady_journal_model_new (store, &error);
  GListModel *model = G_LIST_MODEL (journal);
  guint loaded;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_ROWS);
  g_assert_true (g_list_model_get_item_type (model) == STEADY_TYPE_MOOD_ENTRY);
  /* Knowing the length reads no entry. */
  g_assert_cmpuint (steady_journal_model_get_n_rows_loaded (journal), ==, 0);

  /* The first screen reads one page. */
  assert_row_at (model, 0, N_ROWS - 1);
  assert_row_at (model, 1, N_ROWS - 2);
  g_assert_cmpuint (steady_journal_model_get_n_rows_loaded (journal), ==, STEADY_JOURNAL_MODEL_PAGE_SIZE);

  /* Scrolling reads each page once. */
  for (guint position = 0; position < 1000; position++)
    assert_row_at (model, position, N_ROWS - 1 - position);
  g_assert_cmpuint (steady_journal_model_get_n_rows_loaded (journal), ==, 1000);
  g_assert_cmpuint (steady_journal_model_get_n_rows_cached (journal), <=, MAX_CACHED);

  /* Jumps anywhere are right, read at most one page each, and memory stays a few pages. */
  for (guint i = 0; i < 60; i++)
    {
      guint position = g_test_rand_int_range (0, N_ROWS);

      loaded = steady_journal_model_get_n_rows_loaded (journal);
      assert_row_at (model, position, N_ROWS - 1 - position);
      g_assert_cmpuint (steady_journal_model_get_n_rows_loaded (journal) - loaded, <=,
                        STEADY_JOURNAL_MODEL_PAGE_SIZE);
      g_assert_cmpuint (steady_journal_model_get_n_rows_cached (journal), <=, MAX_CACHED);
    }
  assert_row_at (model, N_ROWS - 1, 0);
  assert_row_at (model, N_ROWS - 2, 1);
  g_assert_null (g_list_model_get_item (model, N_ROWS));

  /* After a jump, the next page continues from it. */
  assert_row_at (model, 73 * STEADY_JOURNAL_MODEL_PAGE_SIZE + 5, N_ROWS - 1 - (73 * STEADY_JOURNAL_MODEL_PAGE_SIZE + 5));
  for (guint position = 74 * STEADY_JOURNAL_MODEL_PAGE_SIZE; position < 75 * STEADY_JOURNAL_MODEL_PAGE_SIZE; position++)
    assert_row_at (model, position, N_ROWS - 1 - position);
}

/* Where items go does not depend on how many there are: a smaller journal will do. */
#define N_SMALL 2000

static void
test_changes (void)
{
  g_autoptr(SteadyJournalStore) store = open_store_with_rows (N_SMALL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournalModel) journal = steady_journal_model_new (store, &error);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(SteadyMoodEntry) newest = steady_mood_entry_new ();
  g_autoptr(SteadyMoodEntry) middle = steady_mood_entry_new ();
  g_autoptr(SteadyMoodEntry) deleted = NULL;
  g_autoptr(SteadyJournalTerm) tag = NULL;
  GListModel *model = G_LIST_MODEL (journal);
  guint middle_position;

  g_assert_no_error (error);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), changes);
  assert_row_at (model, 0, N_SMALL - 1);

  /* A new check-in appears on top. */
  steady_mood_entry_set_mood (newest, 4);
  g_assert_true (steady_journal_store_create (store, newest, &error));
  g_assert_no_error (error);
  assert_changes (changes, (Change[]) { { 0, 0, 1 } }, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_SMALL + 1);
  assert_item (model, 0, steady_mood_entry_get_uuid (newest));
  assert_row_at (model, 1, N_SMALL - 1);

  /* One written for a time in the middle goes to its place: after the new one and the
   * rows at minutes 501 and later (rows 1002 and up). */
  steady_mood_entry_set_time (middle, BASE_US + 500 * MINUTE_US + 30 * G_USEC_PER_SEC, 0);
  steady_mood_entry_set_mood (middle, 2);
  g_assert_true (steady_journal_store_create (store, middle, &error));
  g_assert_no_error (error);
  middle_position = 1 + (N_SMALL - 1002);
  assert_changes (changes, (Change[]) { { middle_position, 0, 1 } }, 1);
  assert_item (model, middle_position, steady_mood_entry_get_uuid (middle));
  assert_row_at (model, middle_position - 1, 1002);
  assert_row_at (model, middle_position + 1, 1001);

  /* An edit in place changes one item. */
  steady_mood_entry_set_mood (middle, 3);
  g_assert_true (steady_journal_store_update (store, middle, &error));
  g_assert_no_error (error);
  assert_changes (changes, (Change[]) { { middle_position, 1, 1 } }, 1);

  /* Moving it to before every other entry moves the item to the end. */
  steady_mood_entry_set_time (middle, BASE_US - MINUTE_US, 0);
  g_assert_true (steady_journal_store_update (store, middle, &error));
  g_assert_no_error (error);
  assert_changes (changes, (Change[]) { { middle_position, 1, 0 }, { N_SMALL + 1, 0, 1 } }, 2);
  assert_item (model, N_SMALL + 1, steady_mood_entry_get_uuid (middle));
  assert_row_at (model, middle_position, 1001);

  /* And back up to the top. */
  steady_mood_entry_set_time (middle, steady_mood_entry_get_time (newest) + MINUTE_US, 0);
  g_assert_true (steady_journal_store_update (store, middle, &error));
  g_assert_no_error (error);
  assert_changes (changes, (Change[]) { { N_SMALL + 1, 1, 0 }, { 0, 0, 1 } }, 2);
  assert_item (model, 0, steady_mood_entry_get_uuid (middle));

  /* Deleting removes it from where it was. */
  deleted = steady_journal_store_delete (store, steady_mood_entry_get_uuid (newest), &error);
  g_assert_no_error (error);
  assert_changes (changes, (Change[]) { { 1, 1, 0 } }, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_SMALL + 1);
  assert_row_at (model, 1, N_SMALL - 1);

  /* Undo puts it back in the same place. */
  g_assert_true (steady_journal_store_restore (store, deleted, &error));
  g_assert_no_error (error);
  assert_changes (changes, (Change[]) { { 1, 0, 1 } }, 1);
  assert_item (model, 1, steady_mood_entry_get_uuid (newest));

  /* A vocabulary change may show on any entry: everything is read again. */
  tag = steady_journal_store_add_term (store, STEADY_JOURNAL_TERM_TAG, "cooking", &error);
  g_assert_no_error (error);
  g_assert_true (steady_journal_store_rename_term (store, STEADY_JOURNAL_TERM_TAG,
                                                   steady_journal_term_get_uuid (tag), "baking",
                                                   &error));
  g_assert_no_error (error);
  assert_changes (changes, (Change[]) { { 0, N_SMALL + 2, N_SMALL + 2 } }, 1);
  g_assert_cmpuint (steady_journal_model_get_n_rows_cached (journal), ==, 0);
  assert_item (model, 0, steady_mood_entry_get_uuid (middle));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/journal/model/100k", test_large);
  g_test_add_func ("/journal/model/changes", test_changes);

  return g_test_run ();
}
