/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-backups.c: automatic backups (rotation, when one is due, consistent while another
 * connection writes, never a half-file), and a damaged file found and restored. */

#define G_LOG_DOMAIN "steady-test-backups"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "steady-database.h"
#include "steady-schema.h"
#include "steady-test-util.h"

/* The test program itself, run again as a child that makes backups until it is killed. */
static char *self_path;

static gboolean
is_partial (const char *name)
{
  return strstr (name, ".partial") != NULL;
}

static guint
count_partial_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += is_partial (name) ? 1 : 0;
  return n;
}

static void
set_mtime (const char *path,
           gint64      seconds_from_now)
{
  struct timespec times[2];

  times[0].tv_sec = times[1].tv_sec = time (NULL) + seconds_from_now;
  times[0].tv_nsec = times[1].tv_nsec = 0;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

static void
test_rotation (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");
  g_autofree char *backup_dir = NULL;
  g_autofree char *migration_copy = NULL;
  g_autofree char *first = NULL;

  database = steady_test_open_with_rows (path, 10, 100);
  backup_dir = steady_database_get_backup_dir (database);

  /* A copy from before a migration is never rotated away. */
  first = steady_database_backup_now (database, &error);
  g_assert_no_error (error);
  migration_copy = g_build_filename (backup_dir, "before-v2-20200101-000000-000000.db", NULL);
  g_assert_cmpint (g_rename (first, migration_copy), ==, 0);

  for (guint i = 0; i < 12; i++)
    {
      char *backup = steady_database_backup_now (database, &error);

      g_assert_no_error (error);
      g_assert_nonnull (backup);
      g_assert_cmpuint (steady_test_file_mode (backup), ==, 0600);
      g_ptr_array_add (made, backup);
    }

  /* The ten newest automatic backups, newest first, then the migration copy. */
  listed = steady_database_list_backups (path);
  g_assert_cmpuint (listed->len, ==, 11);
  for (guint i = 0; i < 10; i++)
    g_assert_cmpstr (g_ptr_array_index (listed, i), ==, g_ptr_array_index (made, 11 - i));
  g_assert_cmpstr (g_ptr_array_index (listed, 10), ==, migration_copy);
  g_assert_false (g_file_test (g_ptr_array_index (made, 0), G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (g_ptr_array_index (made, 1), G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (migration_copy, G_FILE_TEST_EXISTS));
}

static guint
count_backups (const char *db_path)
{
  g_autoptr(GPtrArray) backups = steady_database_list_backups (db_path);

  return backups->len;
}

static void
test_if_due (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");

  database = steady_test_open_with_rows (path, 10, 100);

  /* None yet: one is due. */
  g_assert_true (steady_database_backup_if_due (database, G_TIME_SPAN_DAY, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (path), ==, 1);

  /* The newest is a few seconds old: none is due. */
  g_assert_true (steady_database_backup_if_due (database, G_TIME_SPAN_DAY, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (path), ==, 1);

  /* Older than the limit: one is due. */
  listed = steady_database_list_backups (path);
  set_mtime (g_ptr_array_index (listed, 0), -25 * 60 * 60);
  g_assert_true (steady_database_backup_if_due (database, G_TIME_SPAN_DAY, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (path), ==, 2);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* Just under the limit: none is due. */
  listed = steady_database_list_backups (path);
  set_mtime (g_ptr_array_index (listed, 0), -23 * 60 * 60);
  g_assert_true (steady_database_backup_if_due (database, G_TIME_SPAN_DAY, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (path), ==, 2);

  /* Dated in the future (the clock was set back): that is no reason to wait. */
  set_mtime (g_ptr_array_index (listed, 0), 30 * 24 * 60 * 60);
  g_assert_true (steady_database_backup_if_due (database, G_TIME_SPAN_DAY, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (path), ==, 3);
}

static void
test_if_due_reports_failure (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");
  g_autofree char *backup_dir = NULL;

  database = steady_test_open_with_rows (path, 10, 100);
  backup_dir = steady_database_get_backup_dir (database);
  g_assert_true (g_file_set_contents (backup_dir, "in the way", -1, &error));
  g_assert_no_error (error);

  g_assert_false (steady_database_backup_if_due (database, G_TIME_SPAN_DAY, &error));
  g_assert_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_READ_ONLY);
  steady_test_assert_message_without_path (error, backup_dir);
  g_assert_nonnull (strstr (error->message, "Could not create a folder for your journal"));
  g_clear_error (&error);

  /* Without a GError to fill in, the result alone must still say it failed. */
  g_assert_false (steady_database_backup_if_due (database, G_TIME_SPAN_DAY, NULL));
}

/* A backup is one self-contained file: no -wal flag, so it opens without -wal and -shm
 * files, holding exactly the data of the moment. */
static void
test_backup_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");
  g_autofree char *backup = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *journal_mode = NULL;
  gsize length = 0;
  sqlite3 *db = NULL;

  database = steady_test_open_with_rows (path, 25, 300);
  backup = steady_database_backup_now (database, &error);
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (backup, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >=, 512);
  g_assert_cmpint (contents[18], ==, 1);
  g_assert_cmpint (contents[19], ==, 1);

  g_assert_cmpint (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  journal_mode = steady_test_query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "delete");
  g_assert_cmphex ((guint32)steady_test_query_int (db, "PRAGMA application_id"), ==,
                   STEADY_DATABASE_APPLICATION_ID);
  sqlite3_close (db);
  steady_test_assert_no_sidecars (backup);
  steady_test_assert_rows_prefix (backup, 25);
}

typedef struct
{
  char          *path;
  gint           stop;
  gint           n_inserted;
} Writer;

/* Another connection (as the reminder daemon would have) inserting rows one by one. */
static gpointer
writer_thread (gpointer data)
{
  Writer *writer = data;
  sqlite3 *db = NULL;
  sqlite3_stmt *insert = NULL;

  g_assert_cmpint (sqlite3_open (writer->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  /* As fast as it can go, so that it writes between any two steps of a copy. */
  steady_test_exec (db, "PRAGMA synchronous=OFF");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO rows (payload) VALUES (randomblob(100))",
                                       -1, &insert, NULL), ==, SQLITE_OK);
  while (!g_atomic_int_get (&writer->stop))
    {
      g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
      sqlite3_reset (insert);
      g_atomic_int_inc (&writer->n_inserted);
    }
  sqlite3_finalize (insert);
  sqlite3_close (db);
  return NULL;
}

static void
test_consistent_while_writing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");
  Writer writer = { NULL, 0, 0 };
  GThread *thread;
  int inserted_before;

  /* Larger than one copy step, so that the writer gets between the steps. */
  database = steady_test_open_with_rows (path, 1500, 2000);
  g_assert_cmpint (steady_test_query_int (steady_database_get_handle (database),
                                          "PRAGMA page_count"), >, 512);

  writer.path = path;
  thread = g_thread_new ("writer", writer_thread, &writer);
  while (g_atomic_int_get (&writer.n_inserted) < 5)
    g_usleep (1000);
  inserted_before = g_atomic_int_get (&writer.n_inserted);

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *backup = steady_database_backup_now (database, &error);

      g_assert_no_error (error);
      /* Whole, and a prefix of what was inserted: rows 1..n with no gap. */
      steady_test_assert_rows_prefix (backup, 1500 + inserted_before);
    }
  g_assert_cmpint (g_atomic_int_get (&writer.n_inserted), >, inserted_before);

  g_atomic_int_set (&writer.stop, 1);
  g_thread_join (thread);
  g_test_message ("the writer inserted %d rows during the backups", writer.n_inserted);
}

typedef struct
{
  SteadyDatabase *database;
  char           *backup;
  GError         *error;
} BackupJob;

static gpointer
backup_thread (gpointer data)
{
  BackupJob *job = data;

  job->backup = steady_database_backup_now (job->database, &job->error);
  return NULL;
}

/* The app makes backups from a worker thread on the connection the window uses. A copy
 * started while that connection is inside a write transaction waits for it to end. */
static void
test_waits_for_own_transaction (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");
  BackupJob job = { NULL, NULL, NULL };
  GThread *thread;

  database = steady_test_open_with_rows (path, 100, 100);
  g_assert_true (steady_database_begin (database, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 50; i++)
    g_assert_true (steady_database_exec (database,
                                         "INSERT INTO rows (payload) VALUES (x'01')", &error));

  job.database = database;
  thread = g_thread_new ("backup", backup_thread, &job);
  g_usleep (50 * 1000);
  g_assert_true (steady_database_commit (database, &error));
  g_assert_no_error (error);
  g_thread_join (thread);

  g_assert_no_error (job.error);
  g_assert_nonnull (job.backup);
  steady_test_assert_rows_prefix (job.backup, 150);
  g_free (job.backup);
}

/* Child mode: open @path and make backups until killed. */
static int
backup_forever (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = steady_database_open (path, &error);

  if (database == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (;;)
    {
      g_autofree char *backup = steady_database_backup_now (database, &error);

      if (backup == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
}

/* Kills a process making backups at the moment a copy is under way (a .partial file
 * exists), then checks that only whole backups carry a real name. */
static void
test_killed_backup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");
  g_autofree char *backup_dir = NULL;
  g_autofree char *backup = NULL;
  gboolean left_partial = FALSE;
  const char *name;
  guint n_files = 0;

  database = steady_test_open_with_rows (path, 1500, 3000);
  backup_dir = steady_database_get_backup_dir (database);
  g_clear_object (&database);

  for (guint attempt = 0; attempt < 20 && !left_partial; attempt++)
    {
      const char *argv[] = { self_path, "--backup-forever", path, NULL };
      gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
      GPid pid;
      int status = 0;

      g_assert_true (g_spawn_async (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                    NULL, NULL, &pid, &error));
      g_assert_no_error (error);
      while (count_partial_files (backup_dir) == 0)
        {
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          g_assert_cmpint (waitpid (pid, &status, WNOHANG), ==, 0);
          g_usleep (100);
        }
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      left_partial = count_partial_files (backup_dir) > 0;
    }
  g_assert_true (left_partial);

  /* Partial files are never listed; every listed backup is whole; nothing else is there. */
  listed = steady_database_list_backups (path);
  for (guint i = 0; i < listed->len; i++)
    {
      g_autofree char *listed_name = g_path_get_basename (g_ptr_array_index (listed, i));

      g_assert_false (is_partial (listed_name));
      steady_test_assert_rows_prefix (g_ptr_array_index (listed, i), 1500);
    }
  dir = g_dir_open (backup_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    n_files += is_partial (name) ? 0 : 1;
  g_assert_cmpuint (n_files, ==, listed->len);

  /* The next backup clears what the killed one left. */
  database = steady_database_open (path, &error);
  g_assert_no_error (error);
  backup = steady_database_backup_now (database, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_partial_files (backup_dir), ==, 0);
}

/* The same, without timing: leftovers of every kind a copy can leave are never listed as
 * backups, never chosen for a restore, and go at the next backup. */
static void
test_partial_files_cleaned (void)
{
  static const char * const leftovers[] = {
    "steady-20990101-000000-000000.db.partial",
    "steady-20990101-000000-000000.db.partial-journal",
    "steady-20990101-000000-000001.db.partial-wal",
    "steady-20990101-000000-000001.db.partial-shm",
    "before-v9-20990101-000000-000000.db.partial",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");
  g_autofree char *backup_dir = NULL;
  g_autofree char *good = NULL;
  g_autofree char *newest = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  database = steady_test_open_with_rows (path, 10, 100);
  good = steady_database_backup_now (database, &error);
  g_assert_no_error (error);
  backup_dir = steady_database_get_backup_dir (database);
  g_assert_true (g_file_get_contents (good, &contents, &length, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (leftovers); i++)
    {
      g_autofree char *leftover = g_build_filename (backup_dir, leftovers[i], NULL);

      /* Each holds a whole good backup, and is newer: skipped for its name alone. */
      g_assert_true (g_file_set_contents (leftover, contents, length, &error));
      g_assert_no_error (error);
    }

  listed = steady_database_list_backups (path);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (listed, 0), ==, good);
  newest = steady_database_find_newest_good_backup (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (newest, ==, good);

  backup = steady_database_backup_now (database, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_partial_files (backup_dir), ==, 0);
}

static void
test_no_backup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");
  g_autofree char *found = NULL;

  found = steady_database_find_newest_good_backup (path, &error);
  g_assert_null (found);
  g_assert_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_NO_BACKUP);
}

/* The whole path a user takes after a bad sector: open refuses the damaged file, the newest
 * good backup is found (a damaged newer one skipped), restored, and the damaged file kept. */
static void
test_corrupt_detected_and_restored (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");
  g_autofree char *older = NULL;
  g_autofree char *good = NULL;
  g_autofree char *damaged_backup = NULL;
  g_autofree char *found = NULL;
  g_autofree char *aside = NULL;
  SteadyTestFingerprint damaged = { NULL, 0 };
  sqlite3 *db;

  /* Three backups: an older good one, the good one with 300 rows, a newer damaged one. */
  database = steady_test_open_with_rows (path, 200, 500);
  older = steady_database_backup_now (database, &error);
  g_assert_no_error (error);
  steady_test_exec (steady_database_get_handle (database),
                    "INSERT INTO rows SELECT id + 200, randomblob(500) FROM rows "
                    "WHERE id <= 100");
  good = steady_database_backup_now (database, &error);
  g_assert_no_error (error);
  steady_test_exec (steady_database_get_handle (database),
                    "INSERT INTO rows SELECT id + 300, randomblob(500) FROM rows "
                    "WHERE id <= 100");
  damaged_backup = steady_database_backup_now (database, &error);
  g_assert_no_error (error);
  g_clear_object (&database);
  steady_test_damage_btree_page (damaged_backup);

  /* The database itself is damaged in the middle of a page. */
  steady_test_damage_btree_page (path);
  steady_test_fingerprint_take (&damaged, path);

  database = steady_database_open (path, &error);
  g_assert_null (database);
  g_assert_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_CORRUPT);
  steady_test_assert_message_without_path (error, path);
  g_assert_cmpstr (error->message, ==, "Your journal file is damaged.");
  g_clear_error (&error);
  steady_test_fingerprint_assert (&damaged, path);
  steady_test_assert_no_sidecars (path);

  found = steady_database_find_newest_good_backup (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, good);

  g_assert_true (steady_database_restore_backup (path, found, &aside, &error));
  g_assert_no_error (error);

  /* The damaged file is kept, byte for byte, under a new name beside the database. */
  g_assert_nonnull (aside);
  g_assert_cmpstr (aside, !=, path);
  g_assert_true (g_str_has_prefix (aside, path));
  {
    SteadyTestFingerprint kept = { NULL, 0 };

    steady_test_fingerprint_take (&kept, aside);
    g_assert_cmpstr (kept.checksum, ==, damaged.checksum);
    steady_test_fingerprint_clear (&kept);
  }
  g_assert_cmpuint (steady_test_file_mode (path), ==, 0600);

  /* The restored database opens, with the backed-up data. */
  database = steady_database_open (path, &error);
  g_assert_no_error (error);
  db = steady_database_get_handle (database);
  g_assert_cmpint (steady_test_query_int (db, "SELECT count(*) FROM rows"), ==, 300);
  g_assert_cmpint (steady_test_query_int (db, "SELECT max(id) FROM rows"), ==, 300);
  g_clear_object (&database);
  steady_test_assert_rows_prefix (path, 300);
  steady_test_fingerprint_clear (&damaged);
}

/* A restore whose copy cannot be made leaves the current file where and as it was. */
static void
test_restore_failure_keeps_original (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");
  g_autofree char *data_dir = steady_database_get_default_dir ();
  g_autofree char *bad_backup = NULL;
  g_autofree char *good_backup = NULL;
  g_autofree char *aside = NULL;
  SteadyTestFingerprint before = { NULL, 0 };
  const char *name;
  guint8 noise[4096];

  database = steady_test_open_with_rows (path, 20, 100);
  good_backup = steady_database_backup_now (database, &error);
  g_assert_no_error (error);
  g_clear_object (&database);
  steady_test_fingerprint_take (&before, path);

  /* Not a database at all. */
  bad_backup = g_build_filename (data_dir, "backups", "steady-29990101-000000-000000.db", NULL);
  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8)g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (bad_backup, (const char *)noise, sizeof noise, &error));
  g_assert_no_error (error);
  g_assert_false (steady_database_restore_backup (path, bad_backup, &aside, &error));
  g_assert_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_CORRUPT);
  steady_test_assert_message_without_path (error, bad_backup);
  g_assert_cmpstr (error->message, ==, "The backup is damaged, or it is not a database at all.");
  g_clear_error (&error);
  g_assert_null (aside);

  /* A good backup, but the copy cannot be written where it must go (a folder is there). */
  {
    g_autofree char *blocker = g_strconcat (path, ".restoring.partial", NULL);

    g_assert_cmpint (g_mkdir (blocker, 0700), ==, 0);
    g_assert_false (steady_database_restore_backup (path, good_backup, &aside, &error));
    g_assert_nonnull (error);
    g_test_message ("%s", error->message);
    g_clear_error (&error);
    g_assert_null (aside);
    g_assert_cmpint (g_rmdir (blocker), ==, 0);
  }

  steady_test_fingerprint_assert (&before, path);
  steady_test_fingerprint_clear (&before);
  steady_test_assert_no_sidecars (path);
  dir = g_dir_open (data_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_equal (name, "steady.db") || g_str_equal (name, "backups"));
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--backup-forever"))
    return backup_forever (argv[2]);

  self_path = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/backups/rotation", test_rotation);
  g_test_add_func ("/backups/if-due", test_if_due);
  g_test_add_func ("/backups/if-due-reports-failure", test_if_due_reports_failure);
  g_test_add_func ("/backups/file", test_backup_file);
  g_test_add_func ("/backups/consistent-while-writing", test_consistent_while_writing);
  g_test_add_func ("/backups/waits-for-own-transaction", test_waits_for_own_transaction);
  g_test_add_func ("/backups/killed", test_killed_backup);
  g_test_add_func ("/backups/partial-files-cleaned", test_partial_files_cleaned);
  g_test_add_func ("/backups/none", test_no_backup);
  g_test_add_func ("/backups/corrupt-detected-and-restored",
                   test_corrupt_detected_and_restored);
  g_test_add_func ("/backups/restore-failure-keeps-original",
                   test_restore_failure_keeps_original);

  return g_test_run ();
}
