/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-migrations.c: schema upgrades — in order, one transaction each, a copy kept aside
 * first, and every released version (tests/fixtures) opened by the current build. */

#define G_LOG_DOMAIN "steady-test-migrations"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "steady-database.h"
#include "steady-schema.h"
#include "steady-test-util.h"

static const SteadyMigration three_good[] = {
  { 1, "CREATE TABLE log (step INTEGER NOT NULL);"
       "INSERT INTO log VALUES (1);" },
  { 2, "INSERT INTO log VALUES (2);"
       "CREATE TABLE notes (body TEXT NOT NULL);" },
  { 3, "INSERT INTO log VALUES (3);" },
};

/* The same first two; the third fails half-way, after a change it must not keep. */
static const SteadyMigration third_fails[] = {
  { 1, "CREATE TABLE log (step INTEGER NOT NULL);"
       "INSERT INTO log VALUES (1);" },
  { 2, "INSERT INTO log VALUES (2);"
       "CREATE TABLE notes (body TEXT NOT NULL);" },
  { 3, "INSERT INTO log VALUES (3);"
       "UPDATE notes SET body = 'changed by a failed migration';"
       "CREATE TABLE notes (body TEXT);" },
};

static char *
log_steps (sqlite3 *db)
{
  return steady_test_query_text (db, "SELECT group_concat(step, ',') FROM "
                                     "(SELECT step FROM log ORDER BY rowid)");
}

static GPtrArray *
list_migration_copies (const char *db_path)
{
  g_autoptr(GPtrArray) backups = steady_database_list_backups (db_path);
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < backups->len; i++)
    {
      const char *path = g_ptr_array_index (backups, i);
      g_autofree char *name = g_path_get_basename (path);

      if (g_str_has_prefix (name, "before-v"))
        g_ptr_array_add (copies, g_strdup (path));
    }
  return copies;
}

static void
test_in_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");
  g_autofree char *steps = NULL;
  sqlite3 *db;

  database = steady_database_open_with_migrations (path, three_good,
                                                   G_N_ELEMENTS (three_good), &error);
  g_assert_no_error (error);
  db = steady_database_get_handle (database);
  g_assert_cmpint (steady_database_get_schema_version (database), ==, 3);
  g_assert_cmpint (steady_test_query_int (db, "PRAGMA user_version"), ==, 3);
  g_assert_cmphex ((guint32)steady_test_query_int (db, "PRAGMA application_id"), ==,
                   STEADY_DATABASE_APPLICATION_ID);
  steps = log_steps (db);
  g_assert_cmpstr (steps, ==, "1,2,3");

  /* A new file has nothing to keep a copy of. */
  copies = list_migration_copies (path);
  g_assert_cmpuint (copies->len, ==, 0);
}

/* Opened once at version 1 and again with three migrations: only 2 and 3 run. */
static void
test_from_older_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");
  g_autofree char *steps = NULL;
  g_autofree char *copy_name = NULL;
  sqlite3 *copy = NULL;

  database = steady_database_open_with_migrations (path, three_good, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steady_database_get_schema_version (database), ==, 1);
  g_clear_object (&database);

  database = steady_database_open_with_migrations (path, three_good,
                                                   G_N_ELEMENTS (three_good), &error);
  g_assert_no_error (error);
  g_assert_cmpint (steady_database_get_schema_version (database), ==, 3);
  steps = log_steps (steady_database_get_handle (database));
  g_assert_cmpstr (steps, ==, "1,2,3");
  g_clear_pointer (&steps, g_free);

  /* The copy kept aside is the file as it was, at version 1, and private. */
  copies = list_migration_copies (path);
  g_assert_cmpuint (copies->len, ==, 1);
  copy_name = g_path_get_basename (g_ptr_array_index (copies, 0));
  g_assert_true (g_str_has_prefix (copy_name, "before-v3-"));
  g_assert_true (g_str_has_suffix (copy_name, ".db"));
  g_assert_cmpuint (steady_test_file_mode (g_ptr_array_index (copies, 0)), ==, 0600);
  g_assert_cmpint (sqlite3_open_v2 (g_ptr_array_index (copies, 0), &copy, SQLITE_OPEN_READONLY,
                                    NULL), ==, SQLITE_OK);
  g_assert_cmpint (steady_test_query_int (copy, "PRAGMA user_version"), ==, 1);
  steps = log_steps (copy);
  g_assert_cmpstr (steps, ==, "1");
  sqlite3_close (copy);
}

/* From an empty file with a failing third migration: 1 and 2 are kept (each had its own
 * transaction), nothing of 3 is. */
static void
test_one_transaction_each (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");
  g_autofree char *steps = NULL;
  sqlite3 *db = NULL;

  database = steady_database_open_with_migrations (path, third_fails,
                                                   G_N_ELEMENTS (third_fails), &error);
  g_assert_null (database);
  g_assert_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_MIGRATION);
  steady_test_assert_message_without_path (error, path);
  g_assert_nonnull (strstr (error->message, "could not update your journal file to version 3"));

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (steady_test_query_int (db, "PRAGMA user_version"), ==, 2);
  steps = log_steps (db);
  g_assert_cmpstr (steps, ==, "1,2");
  g_assert_cmpint (steady_test_query_int (db, "SELECT count(*) FROM sqlite_schema "
                                              "WHERE name = 'notes'"), ==, 1);
  sqlite3_close (db);
}

/* A file at version 2 with the user's data, and a failing migration to 3: the data, the
 * version and the file's bytes are as they were, and a copy was kept aside. */
static void
test_failure_keeps_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");
  g_autofree char *steps = NULL;
  g_autofree char *body = NULL;
  SteadyTestFingerprint before = { NULL, 0 };
  sqlite3 *db = NULL;

  database = steady_database_open_with_migrations (path, three_good, 2, &error);
  g_assert_no_error (error);
  steady_test_exec (steady_database_get_handle (database),
                    "INSERT INTO notes VALUES ('I asked for help today.')");
  g_clear_object (&database);
  steady_test_fingerprint_take (&before, path);

  database = steady_database_open_with_migrations (path, third_fails,
                                                   G_N_ELEMENTS (third_fails), &error);
  g_assert_null (database);
  g_assert_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_MIGRATION);
  g_clear_error (&error);

  /* Same bytes: the failed transaction never reached the file. */
  {
    SteadyTestFingerprint after = { NULL, 0 };

    steady_test_fingerprint_take (&after, path);
    g_assert_cmpstr (after.checksum, ==, before.checksum);
    steady_test_fingerprint_clear (&after);
  }
  steady_test_assert_no_sidecars (path);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (steady_test_query_int (db, "PRAGMA user_version"), ==, 2);
  steps = log_steps (db);
  g_assert_cmpstr (steps, ==, "1,2");
  body = steady_test_query_text (db, "SELECT group_concat(body) FROM notes");
  g_assert_cmpstr (body, ==, "I asked for help today.");
  sqlite3_close (db);

  copies = list_migration_copies (path);
  g_assert_cmpuint (copies->len, ==, 1);
  steady_test_assert_integrity_ok (g_ptr_array_index (copies, 0));

  /* And the file still opens with the migrations it knew. */
  database = steady_database_open_with_migrations (path, three_good, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steady_database_get_schema_version (database), ==, 2);
  steady_test_fingerprint_clear (&before);
}

/* Foreign keys are off while a migration rebuilds a table (else dropping the old table
 * would fail or cascade) but checked before its commit, and on again afterwards. */
static void
test_foreign_keys (void)
{
  static const SteadyMigration rebuild[] = {
    { 1, "CREATE TABLE series (id INTEGER PRIMARY KEY, title TEXT NOT NULL);"
         "CREATE TABLE session (id INTEGER PRIMARY KEY,"
         "                      series_id INTEGER NOT NULL REFERENCES series (id)"
         "                                ON DELETE CASCADE);"
         "INSERT INTO series VALUES (1, 'Group therapy');"
         "INSERT INTO session VALUES (10, 1);" },
    { 2, "CREATE TABLE series_new (id INTEGER PRIMARY KEY, title TEXT NOT NULL,"
         "                         place TEXT);"
         "INSERT INTO series_new (id, title) SELECT id, title FROM series;"
         "DROP TABLE series;"
         "ALTER TABLE series_new RENAME TO series;" },
  };
  static const SteadyMigration dangling[] = {
    { 1, "CREATE TABLE series (id INTEGER PRIMARY KEY);"
         "CREATE TABLE session (series_id INTEGER REFERENCES series (id));" },
    { 2, "INSERT INTO session VALUES (42);" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autofree char *path = steady_test_data_path ("rebuild.db");
  g_autofree char *dangling_path = steady_test_data_path ("dangling.db");
  sqlite3 *db;

  database = steady_database_open_with_migrations (path, rebuild, 1, &error);
  g_assert_no_error (error);
  g_clear_object (&database);
  database = steady_database_open_with_migrations (path, rebuild, 2, &error);
  g_assert_no_error (error);
  db = steady_database_get_handle (database);
  g_assert_cmpint (steady_test_query_int (db, "SELECT count(*) FROM session"), ==, 1);
  g_assert_cmpint (steady_test_query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_clear_object (&database);

  database = steady_database_open_with_migrations (dangling_path, dangling, 2, &error);
  g_assert_null (database);
  g_assert_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_MIGRATION);
  g_clear_error (&error);
  database = steady_database_open_with_migrations (dangling_path, dangling, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steady_database_get_schema_version (database), ==, 1);
  g_assert_cmpint (steady_test_query_int (steady_database_get_handle (database),
                                          "SELECT count(*) FROM session"), ==, 0);
}

static void
test_list_must_be_ordered (void)
{
  static const SteadyMigration gap[] = {
    { 1, "CREATE TABLE a (x);" },
    { 3, "CREATE TABLE c (x);" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");

  g_test_expect_message ("steady-database", G_LOG_LEVEL_CRITICAL, "*migrations_are_ordered*");
  database = steady_database_open_with_migrations (path, gap, G_N_ELEMENTS (gap), &error);
  g_test_assert_expected_messages ();
  g_assert_null (database);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The schema Steady ships follows the same rule, so a test list and the real one agree. */
static void
test_real_schema (void)
{
  const SteadyMigration *migrations;
  guint n_migrations;

  migrations = steady_schema_get_migrations (&n_migrations);
  g_assert_cmpuint (n_migrations, >=, 1);
  for (guint i = 0; i < n_migrations; i++)
    {
      g_assert_cmpint (migrations[i].version, ==, (int)i + 1);
      g_assert_nonnull (migrations[i].sql);
    }
  g_assert_cmpint (steady_schema_get_version (), ==, (int)n_migrations);
}

/* Every released schema version has a database in tests/fixtures, made by that version's
 * migrations. The current build must open each with its data intact. */
static void
test_fixture (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  g_autofree char *name = g_strdup_printf ("steady-v%d.db", version);
  g_autofree char *expected_value = g_strdup_printf ("steady-v%d", version);
  const char *fixture = g_test_get_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autofree char *path = steady_test_data_path ("steady.db");
  g_autofree char *dir = steady_database_get_default_dir ();
  g_autofree char *contents = NULL;
  g_autofree char *value = NULL;
  SteadyTestFingerprint fixture_before = { NULL, 0 };
  gsize length = 0;
  sqlite3 *db;

  g_assert_true (g_file_test (fixture, G_FILE_TEST_IS_REGULAR));
  steady_test_fingerprint_take (&fixture_before, fixture);

  g_assert_true (g_file_get_contents (fixture, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);

  /* What the fixture is: a Steady file of exactly this version. */
  g_assert_cmpuint (length, >=, 100);
  g_assert_cmpint (((guint8)contents[60] << 24 | (guint8)contents[61] << 16 |
                    (guint8)contents[62] << 8 | (guint8)contents[63]), ==, version);

  database = steady_database_open (path, &error);
  g_assert_no_error (error);
  db = steady_database_get_handle (database);
  g_assert_cmpint (steady_database_get_schema_version (database), ==,
                   steady_schema_get_version ());
  g_assert_cmpint (steady_test_query_int (db, "PRAGMA user_version"), ==,
                   steady_schema_get_version ());
  value = steady_test_query_text (db, "SELECT value FROM meta WHERE key = 'fixture'");
  g_assert_cmpstr (value, ==, expected_value);
  g_clear_pointer (&value, g_free);
  value = steady_test_query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (value, ==, "ok");

  /* A migrated file was copied aside first; an up-to-date one had no reason to be. */
  copies = list_migration_copies (path);
  g_assert_cmpuint (copies->len, ==, version < steady_schema_get_version () ? 1 : 0);

  g_clear_object (&database);
  steady_test_fingerprint_assert (&fixture_before, fixture);
  steady_test_fingerprint_clear (&fixture_before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/migrations/in-order", test_in_order);
  g_test_add_func ("/migrations/from-older-version", test_from_older_version);
  g_test_add_func ("/migrations/one-transaction-each", test_one_transaction_each);
  g_test_add_func ("/migrations/failure-keeps-file", test_failure_keeps_file);
  g_test_add_func ("/migrations/foreign-keys", test_foreign_keys);
  g_test_add_func ("/migrations/list-must-be-ordered", test_list_must_be_ordered);
  g_test_add_func ("/migrations/real-schema", test_real_schema);

  /* One line per released schema version, never removed. */
  g_test_add_data_func ("/migrations/fixture/v1", GINT_TO_POINTER (1), test_fixture);

  return g_test_run ();
}
