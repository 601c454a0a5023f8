/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-make-fixture.c: writes the reference database of one released schema version, for
 * tests/fixtures. Run once per release; the committed file, not this program, is the
 * reference (see tests/fixtures/README.md). */

#define G_LOG_DOMAIN "steady-make-fixture"

#include "config.h"

#include <glib.h>
#include <stdlib.h>

#include "steady-database.h"
#include "steady-schema.h"

/* What each version's fixture holds besides its schema: a row the tests look for, and,
 * for later versions, a little data in each table that version added. */
static gboolean
fill_fixture (SteadyDatabase  *database,
              int              version,
              GError         **error)
{
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("INSERT INTO meta (key, value) VALUES ('fixture', 'steady-v%d');",
                         version);
  return steady_database_exec (database, sql, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  const SteadyMigration *migrations;
  guint n_migrations;
  guint64 version = 0;

  if (argc != 3 || !g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT, &version, NULL))
    {
      g_printerr ("Usage: %s VERSION OUTPUT.db\n", argv[0]);
      return EXIT_FAILURE;
    }

  migrations = steady_schema_get_migrations (&n_migrations);
  if (version > n_migrations)
    {
      g_printerr ("This build knows schema versions 1 to %u only.\n", n_migrations);
      return EXIT_FAILURE;
    }
  if (g_file_test (argv[2], G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s exists; a released fixture is never overwritten.\n", argv[2]);
      return EXIT_FAILURE;
    }

  /* Only the migrations up to @version, exactly as that release ran them. */
  database = steady_database_open_with_migrations (argv[2], migrations, (guint)version, &error);
  if (database == NULL || !fill_fixture (database, (int)version, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  /* What the tests will rely on: the file is exactly this version, and Steady's. */
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (steady_database_get_schema_version (database), ==, (int)version);
    g_assert_cmpint (sqlite3_prepare_v2 (steady_database_get_handle (database),
                                         "PRAGMA application_id", -1, &stmt, NULL), ==,
                     SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmphex ((guint32)sqlite3_column_int (stmt, 0), ==, STEADY_DATABASE_APPLICATION_ID);
    sqlite3_finalize (stmt);
  }
  return EXIT_SUCCESS;
}
