/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-test-util.c: helpers the core tests share — file fingerprints, modes, and
 * databases with known rows. */

#define G_LOG_DOMAIN "steady-test-util"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "steady-journal-common.h"
#include "steady-test-util.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#include <sanitizer/lsan_interface.h>

/* Debian's GLib has no frame pointers, so ASan's fast unwinder stops at g_malloc: leak
 * reports would not say where memory was allocated, and could not be told apart. */
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

/* GLib 2.74 never frees the folder names G_TEST_OPTION_ISOLATE_DIRS sets for each test
 * (g_set_user_dirs). That is GLib's, not a leak of ours; every other leak still fails. */
const char *
__lsan_default_suppressions (void)
{
  return "leak:g_set_user_dirs\n";
}
#endif

void
steady_test_fingerprint_take (SteadyTestFingerprint *print,
                              const char            *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  struct stat st;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (path, &st), ==, 0);

  print->checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents,
                                                 length);
  print->mtime_ns = (gint64)st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) +
                    st.st_mtim.tv_nsec;
}

void
steady_test_fingerprint_assert (const SteadyTestFingerprint *print,
                                const char                  *path)
{
  SteadyTestFingerprint now = { NULL, 0 };

  steady_test_fingerprint_take (&now, path);
  g_assert_cmpstr (now.checksum, ==, print->checksum);
  g_assert_cmpint (now.mtime_ns, ==, print->mtime_ns);
  steady_test_fingerprint_clear (&now);
}

void
steady_test_fingerprint_clear (SteadyTestFingerprint *print)
{
  g_clear_pointer (&print->checksum, g_free);
}

/* A file in Steady's own folder under the test's private XDG_DATA_HOME. */
char *
steady_test_data_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "steady", name, NULL);
}

guint
steady_test_file_mode (const char *path)
{
  struct stat st;

  if (stat (path, &st) != 0)
    g_error ("Could not stat %s: %s", path, g_strerror (errno));
  return st.st_mode & 07777;
}

void
steady_test_assert_no_sidecars (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *sidecar = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (sidecar, G_FILE_TEST_EXISTS))
        g_error ("%s was left behind", sidecar);
    }
}

/* The local day (see steady_journal_day_from_date()) of a calendar date. */
int
steady_test_local_day (int year,
                       int month,
                       int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return steady_journal_day_from_date (&date);
}

/* An error the person reads names the file in words, never by @path or its folder (they
 * stay in the debug log): a shared screen or a screenshot sent for help shows no path. */
void
steady_test_assert_message_without_path (const GError *error,
                                         const char   *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);

  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_null (strstr (error->message, dir));
  g_assert_null (strstr (error->message, name));
  g_assert_null (strstr (error->message, g_get_user_data_dir ()));
}

int
steady_test_query_int (sqlite3    *db,
                       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
steady_test_query_text (sqlite3    *db,
                        const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

void
steady_test_exec (sqlite3    *db,
                  const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
}

/* Opens a database with the real schema and a table `rows` holding ids 1..@n_rows. */
SteadyDatabase *
steady_test_open_with_rows (const char *path,
                            int         n_rows,
                            int         payload_bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autofree char *insert = NULL;

  database = steady_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (database);

  insert = g_strdup_printf ("BEGIN;"
                            "CREATE TABLE rows (id INTEGER PRIMARY KEY, payload BLOB NOT NULL);"
                            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                            "                        WHERE i < %d)"
                            "INSERT INTO rows SELECT i, randomblob(%d) FROM n;"
                            "COMMIT;",
                            n_rows, payload_bytes);
  steady_test_exec (steady_database_get_handle (database), insert);
  return g_steal_pointer (&database);
}

/* Opens @path (read-write, so that SQLite removes the -wal and -shm files it makes for
 * reading a WAL database when it closes) and checks that it is whole and that `rows` holds
 * ids 1..n with no gap, n >= @min_rows. */
void
steady_test_assert_rows_prefix (const char *path,
                                int         min_rows)
{
  g_autofree char *integrity = NULL;
  sqlite3 *db = NULL;
  int count, max_id;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  integrity = steady_test_query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  count = steady_test_query_int (db, "SELECT count(*) FROM rows");
  max_id = steady_test_query_int (db, "SELECT coalesce(max(id), 0) FROM rows");
  g_assert_cmpint (steady_test_query_int (db, "SELECT coalesce(min(id), 1) FROM rows"), ==, 1);
  g_assert_cmpint (count, ==, max_id);
  g_assert_cmpint (count, >=, min_rows);
  sqlite3_close (db);
}

void
steady_test_assert_integrity_ok (const char *path)
{
  g_autofree char *integrity = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  integrity = steady_test_query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  sqlite3_close (db);
}

/* Overwrites the b-tree header and cell pointers of a table leaf page in the middle of a
 * closed database (never the file header), as a bad sector or a stray write would. Checks
 * that SQLite's own quick_check now fails, so a test relying on this cannot pass by luck. */
void
steady_test_damage_btree_page (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *result = NULL;
  gsize length = 0;
  gsize page_size, n_pages, damaged = 0;
  sqlite3 *db = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  page_size = (gsize)(guint8)contents[16] << 8 | (guint8)contents[17];
  g_assert_cmpuint (page_size, >=, 512);
  n_pages = length / page_size;
  g_assert_cmpuint (n_pages, >=, 4);

  for (gsize page = n_pages / 2; page < n_pages && damaged == 0; page++)
    {
      guint8 *start = (guint8 *)contents + page * page_size;

      if (start[0] == 0x0d)
        {
          memset (start + 1, 0xff, 40);
          damaged = page + 1;
        }
    }
  g_assert_cmpuint (damaged, >, 1);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, "PRAGMA quick_check", NULL, NULL, NULL) == SQLITE_OK)
    result = steady_test_query_text (db, "PRAGMA quick_check");
  g_assert_cmpstr (result, !=, "ok");
  sqlite3_close (db);
}

/* PDF files ---------------------------------------------------------------------------------- */

/* Runs a tool of the system (e.g. poppler-utils) and returns what it printed; fails the test
 * if it cannot run or exits with an error. */
char *
steady_test_run_tool (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

/* The text of a PDF (pdftotext), pages separated by form feeds; @layout keeps the columns. */
char *
steady_test_pdf_text (const char *path,
                      gboolean    layout)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", layout ? "-layout" : path,
                         layout ? path : "-", layout ? "-" : NULL, NULL };

  return steady_test_run_tool (argv);
}

/* What pdfinfo says about a PDF: pages, page size, … */
char *
steady_test_pdf_info (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };

  return steady_test_run_tool (argv);
}

guint
steady_test_pdf_pages (const char *path)
{
  g_autofree char *info = steady_test_pdf_info (path);
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return (guint)g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}
