/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-database.c: opening the data file — connection settings, file modes whatever the
 * umask, refusal of files that are not ours, and errors a user can act on. */

#define G_LOG_DOMAIN "steady-test-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <linux/capability.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "steady-database.h"
#include "steady-schema.h"
#include "steady-test-util.h"

/* The test program itself, run again to see what a fresh process reads from its environment. */
static char *self_path;

/* Creates a SQLite file at @path with raw SQLite, as another program would. */
static void
write_raw_database (const char *path,
                    const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  steady_test_exec (db, sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
write_bytes (const char *path,
             const void *data,
             gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, length, &error));
  g_assert_no_error (error);
}

/* Open must refuse @path with @code, name the file, and leave it exactly as it was. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  SteadyTestFingerprint before = { NULL, 0 };

  steady_test_fingerprint_take (&before, path);

  database = steady_database_open (path, &error);
  g_assert_null (database);
  g_assert_error (error, STEADY_DATABASE_ERROR, code);
  steady_test_assert_message_without_path (error, path);
  g_assert_nonnull (strstr (error->message, "journal"));
  g_assert_nonnull (strstr (error->message, "left as it is"));

  steady_test_fingerprint_assert (&before, path);
  steady_test_assert_no_sidecars (path);
  steady_test_fingerprint_clear (&before);
}

static void
test_open_settings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");
  g_autofree char *journal_mode = NULL;

  for (guint round = 0; round < 2; round++)
    {
      sqlite3 *db;

      /* The first round creates the file, the second opens the existing one. */
      database = steady_database_open (path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (database);
      db = steady_database_get_handle (database);

      journal_mode = steady_test_query_text (db, "PRAGMA journal_mode");
      g_assert_cmpstr (journal_mode, ==, "wal");
      g_clear_pointer (&journal_mode, g_free);
      g_assert_cmpint (steady_test_query_int (db, "PRAGMA synchronous"), ==, 2);
      g_assert_cmpint (steady_test_query_int (db, "PRAGMA foreign_keys"), ==, 1);
      g_assert_cmpint (steady_test_query_int (db, "PRAGMA busy_timeout"), >, 0);
      g_assert_cmpint (steady_test_query_int (db, "PRAGMA secure_delete"), ==, 1);
      g_assert_cmpint (steady_test_query_int (db, "PRAGMA temp_store"), ==, 2);
      g_assert_cmphex ((guint32)steady_test_query_int (db, "PRAGMA application_id"), ==,
                       STEADY_DATABASE_APPLICATION_ID);
      g_assert_cmpint (steady_test_query_int (db, "PRAGMA user_version"), ==,
                       steady_schema_get_version ());
      g_assert_cmpint (steady_database_get_schema_version (database), ==,
                       steady_schema_get_version ());
      g_assert_cmpstr (steady_database_get_path (database), ==, path);

      g_clear_object (&database);
    }
}

/* Child mode: print where Steady keeps its database, as a fresh process sees it. */
static int
print_default_path (void)
{
  g_autofree char *path = steady_database_get_default_path ();

  g_print ("%s\n", path);
  return 0;
}

static void
test_open_default_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autofree char *path = steady_database_get_default_path ();
  g_autofree char *dir = steady_database_get_default_dir ();
  g_autofree char *expected = NULL;
  g_autofree char *expected_dir = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *child_out = NULL;
  g_autofree char *child_expected = NULL;
  g_auto(GStrv) envp = NULL;
  const char *argv[] = { self_path, "--print-default-path", NULL };
  int status = 0;

  /* G_TEST_OPTION_ISOLATE_DIRS points the user data folder at a fresh temporary one. */
  expected = g_build_filename (g_get_user_data_dir (), "steady", "steady.db", NULL);
  expected_dir = g_build_filename (g_get_user_data_dir (), "steady", NULL);
  g_assert_cmpstr (path, ==, expected);
  g_assert_cmpstr (dir, ==, expected_dir);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  database = steady_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* A process started with XDG_DATA_HOME set uses exactly that folder. */
  data_home = g_build_filename (g_get_user_data_dir (), "elsewhere", NULL);
  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &child_out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  child_expected = g_build_filename (data_home, "steady", "steady.db", NULL);
  g_assert_cmpstr (g_strchomp (child_out), ==, child_expected);
}

/* Every folder under @dir is 0700 and every file 0600. Returns how many files there are. */
static guint
assert_private_tree (const char *dir)
{
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_files = 0;

  g_assert_cmpuint (steady_test_file_mode (dir), ==, 0700);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          n_files += assert_private_tree (path);
        }
      else
        {
          g_test_message ("%s is %04o", name, steady_test_file_mode (path));
          g_assert_cmpuint (steady_test_file_mode (path), ==, 0600);
          n_files++;
        }
    }
  return n_files;
}

static void
test_permissions_umask_022 (void)
{
  static const char * const wanted[] = { "steady.db", "steady.db-wal", "steady.db-shm", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");
  g_autofree char *dir = steady_database_get_default_dir ();
  g_autofree char *backup_dir = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  SteadyMigration *migrations;
  const SteadyMigration *real;
  guint n_real, n_files, n_found = 0;
  mode_t old_umask;

  old_umask = umask (022);

  /* A new file, written to, and an automatic backup. */
  database = steady_test_open_with_rows (path, 20, 100);
  backup = steady_database_backup_now (database, &error);
  g_assert_no_error (error);
  g_clear_object (&database);

  /* Reopened with one more migration than the real schema, so that a copy is kept aside
   * before migrating; the connection stays open so that -wal and -shm exist. */
  real = steady_schema_get_migrations (&n_real);
  migrations = g_new0 (SteadyMigration, n_real + 1);
  memcpy (migrations, real, n_real * sizeof *real);
  migrations[n_real].version = (int)n_real + 1;
  migrations[n_real].sql = "CREATE TABLE extra (x INTEGER);";
  database = steady_database_open_with_migrations (path, migrations, n_real + 1, &error);
  g_assert_no_error (error);
  steady_test_exec (steady_database_get_handle (database), "INSERT INTO rows VALUES (21, x'00')");

  n_files = assert_private_tree (dir);

  /* What must be there: the database with its -wal and -shm, the backup, the copy. */
  for (guint i = 0; wanted[i] != NULL; i++)
    {
      g_autofree char *file = g_build_filename (dir, wanted[i], NULL);

      g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
    }
  backup_dir = steady_database_get_backup_dir (database);
  g_assert_true (g_file_test (backup_dir, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  backups = steady_database_list_backups (path);
  for (guint i = 0; i < backups->len; i++)
    {
      g_autofree char *name = g_path_get_basename (g_ptr_array_index (backups, i));

      if (g_str_has_prefix (name, "before-v"))
        n_found++;
    }
  g_assert_cmpuint (n_found, ==, 1);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_cmpuint (n_files, ==, 3 + backups->len);

  g_clear_object (&database);
  g_free (migrations);
  umask (old_umask);

  /* Nothing else was written anywhere in the data home. */
  {
    g_autoptr(GDir) listing = g_dir_open (g_get_user_data_dir (), 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_cmpstr (name, ==, "steady");
  }
}

/* A folder and an empty file that others could read, say made by hand, are tightened. */
static void
test_permissions_tightened (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autofree char *dir = steady_database_get_default_dir ();
  g_autofree char *path = steady_test_data_path ("steady.db");
  mode_t old_umask = umask (022);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  write_bytes (path, "", 0);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  database = steady_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steady_test_file_mode (dir), ==, 0700);
  g_assert_cmpuint (steady_test_file_mode (path), ==, 0600);
  umask (old_umask);
}

static void
test_zero_length_is_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autofree char *dir = steady_database_get_default_dir ();
  g_autofree char *path = steady_test_data_path ("steady.db");

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_bytes (path, "", 0);

  database = steady_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steady_database_get_schema_version (database), ==,
                   steady_schema_get_version ());
}

static void
test_refuse_foreign_application_id (void)
{
  g_autofree char *dir = steady_database_get_default_dir ();
  g_autofree char *path = steady_test_data_path ("steady.db");

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_raw_database (path, "PRAGMA journal_mode=WAL;"
                            "PRAGMA application_id=1179993927;"
                            "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT);"
                            "INSERT INTO photos (name) VALUES ('beach.jpg');");
  assert_refused (path, STEADY_DATABASE_ERROR_NOT_OURS);
}

static void
test_refuse_foreign_tables (void)
{
  g_autofree char *dir = steady_database_get_default_dir ();
  g_autofree char *tables = steady_test_data_path ("tables.db");
  g_autofree char *versioned = steady_test_data_path ("versioned.db");

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  /* application_id 0, as most programs leave it, with tables of their own. */
  write_raw_database (tables, "PRAGMA journal_mode=WAL;"
                              "CREATE TABLE bookmarks (url TEXT);"
                              "INSERT INTO bookmarks VALUES ('https://example.org');");
  assert_refused (tables, STEADY_DATABASE_ERROR_NOT_OURS);

  /* application_id 0, no tables, but a schema version of its own. */
  write_raw_database (versioned, "PRAGMA user_version=7;");
  assert_refused (versioned, STEADY_DATABASE_ERROR_NOT_OURS);
}

static void
test_refuse_newer (void)
{
  g_autofree char *dir = steady_database_get_default_dir ();
  g_autofree char *path = steady_test_data_path ("steady.db");
  g_autofree char *sql = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  sql = g_strdup_printf ("PRAGMA journal_mode=WAL;"
                         "PRAGMA application_id=%d;"
                         "PRAGMA user_version=%d;"
                         "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
                         "CREATE TABLE from_the_future (x);",
                         (int)STEADY_DATABASE_APPLICATION_ID, steady_schema_get_version () + 1);
  write_raw_database (path, sql);
  assert_refused (path, STEADY_DATABASE_ERROR_TOO_NEW);
}

/* A newer Steady that stopped before checkpointing: the file's own header still says the
 * current version; only the -wal file knows better. Both must stay as they were. */
static void
test_refuse_newer_in_wal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *sql = NULL;
  SteadyTestFingerprint db_before = { NULL, 0 };
  SteadyTestFingerprint wal_before = { NULL, 0 };
  sqlite3 *db = NULL;

  database = steady_test_open_with_rows (path, 10, 50);
  g_clear_object (&database);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL), ==,
                   SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA user_version=%d; INSERT INTO rows VALUES (11, x'01');",
                         steady_schema_get_version () + 1);
  steady_test_exec (db, sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_true (g_file_test (wal, G_FILE_TEST_IS_REGULAR));

  steady_test_fingerprint_take (&db_before, path);
  steady_test_fingerprint_take (&wal_before, wal);

  database = steady_database_open (path, &error);
  g_assert_null (database);
  g_assert_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_TOO_NEW);
  steady_test_assert_message_without_path (error, path);
  g_assert_nonnull (strstr (error->message, "Your journal file was written by a newer version"));

  steady_test_fingerprint_assert (&db_before, path);
  steady_test_fingerprint_assert (&wal_before, wal);
  steady_test_fingerprint_clear (&db_before);
  steady_test_fingerprint_clear (&wal_before);
}

static void
test_refuse_garbage (void)
{
  g_autofree char *dir = steady_database_get_default_dir ();
  g_autofree char *random_path = steady_test_data_path ("random.db");
  g_autofree char *text_path = steady_test_data_path ("text.db");
  g_autofree char *short_text_path = steady_test_data_path ("short.db");
  g_autofree char *truncated_path = steady_test_data_path ("truncated.db");
  g_autofree char *header_only_path = steady_test_data_path ("header-only.db");
  g_autofree char *real_path = steady_test_data_path ("real.db");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *real = NULL;
  guint8 random_bytes[8192];
  gsize real_length = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  for (guint i = 0; i < sizeof random_bytes; i++)
    random_bytes[i] = (guint8)g_test_rand_int_range (0, 256);
  write_bytes (random_path, random_bytes, sizeof random_bytes);
  assert_refused (random_path, STEADY_DATABASE_ERROR_CORRUPT);

  while (text->len < 4096)
    g_string_append (text, "Monday: group at ten, then a walk. Felt steadier after.\n");
  write_bytes (text_path, text->str, text->len);
  assert_refused (text_path, STEADY_DATABASE_ERROR_CORRUPT);

  write_bytes (short_text_path, "not a database\n", strlen ("not a database\n"));
  assert_refused (short_text_path, STEADY_DATABASE_ERROR_CORRUPT);

  /* A real Steady database cut short: in the middle of the header, and after it. */
  write_raw_database (real_path, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  g_assert_true (g_file_get_contents (real_path, &real, &real_length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (real_length, >=, 512);
  write_bytes (truncated_path, real, 60);
  assert_refused (truncated_path, STEADY_DATABASE_ERROR_CORRUPT);
  write_bytes (header_only_path, real, 100);
  assert_refused (header_only_path, STEADY_DATABASE_ERROR_CORRUPT);
}

static void
test_refuse_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  database = steady_database_open (path, &error);
  g_assert_null (database);
  g_assert_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_FAILED);
  steady_test_assert_message_without_path (error, path);
  g_assert_nonnull (strstr (error->message, "there is a folder or a device instead"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
}

/* Root ignores file modes. To test a read-only folder for real, the test gives up, for this
 * thread only, the capabilities that let root write anywhere; it takes them back after. */
typedef struct
{
  gboolean                        dropped;
  struct __user_cap_header_struct header;
  struct __user_cap_data_struct   data[_LINUX_CAPABILITY_U32S_3];
} Capabilities;

static void
drop_file_capabilities (Capabilities *caps)
{
  struct __user_cap_data_struct lowered[_LINUX_CAPABILITY_U32S_3];

  caps->dropped = FALSE;
  if (geteuid () != 0)
    return;

  caps->header.version = _LINUX_CAPABILITY_VERSION_3;
  caps->header.pid = 0;
  g_assert_cmpint (syscall (SYS_capget, &caps->header, caps->data), ==, 0);
  memcpy (lowered, caps->data, sizeof lowered);
  lowered[CAP_TO_INDEX (CAP_DAC_OVERRIDE)].effective &= ~CAP_TO_MASK (CAP_DAC_OVERRIDE);
  lowered[CAP_TO_INDEX (CAP_DAC_READ_SEARCH)].effective &= ~CAP_TO_MASK (CAP_DAC_READ_SEARCH);
  g_assert_cmpint (syscall (SYS_capset, &caps->header, lowered), ==, 0);
  caps->dropped = TRUE;
}

static void
restore_file_capabilities (Capabilities *caps)
{
  if (caps->dropped)
    g_assert_cmpint (syscall (SYS_capset, &caps->header, caps->data), ==, 0);
  caps->dropped = FALSE;
}

/* The premise of the read-only tests: nobody, not even this process, can create a file in
 * @dir. Checked, not assumed, so the tests cannot pass without testing anything. */
static void
assert_cannot_write_in (const char *dir)
{
  g_autofree char *probe = g_build_filename (dir, "probe", NULL);
  int fd = g_open (probe, O_CREAT | O_WRONLY, 0600);
  int saved_errno = errno;

  if (fd >= 0)
    {
      close (fd);
      g_unlink (probe);
    }
  g_assert_cmpint (fd, <, 0);
  g_assert_cmpint (saved_errno, ==, EACCES);
}

static void
assert_open_fails_read_only (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;

  database = steady_database_open (path, &error);
  g_assert_null (database);
  g_assert_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_READ_ONLY);
  steady_test_assert_message_without_path (error, path);
  g_assert_nonnull (strstr (error->message, "journal"));
}

static void
test_error_read_only_folder (void)
{
  g_autoptr(SteadyDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *new_dir = g_build_filename (g_get_user_data_dir (), "new", NULL);
  g_autofree char *new_path = g_build_filename (new_dir, "steady.db", NULL);
  g_autofree char *dir = steady_database_get_default_dir ();
  g_autofree char *path = steady_test_data_path ("steady.db");
  Capabilities caps;

  g_test_message ("running as %s", geteuid () == 0 ? "root, without CAP_DAC_OVERRIDE"
                                                   : "a normal user");

  /* A database that exists, with data, closed cleanly (so no -wal or -shm file). */
  database = steady_test_open_with_rows (path, 30, 100);
  g_clear_object (&database);
  steady_test_assert_no_sidecars (path);

  g_assert_cmpint (g_mkdir_with_parents (new_dir, 0700), ==, 0);
  g_assert_cmpint (g_chmod (new_dir, 0500), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);

  drop_file_capabilities (&caps);
  assert_cannot_write_in (new_dir);
  assert_cannot_write_in (dir);

  /* No new database can be made there; the existing one cannot be opened for writing. */
  assert_open_fails_read_only (new_path);
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
  assert_open_fails_read_only (path);

  restore_file_capabilities (&caps);
  g_assert_cmpint (g_chmod (new_dir, 0700), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);

  /* Nothing already saved was lost. */
  steady_test_assert_no_sidecars (path);
  database = steady_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steady_test_query_int (steady_database_get_handle (database),
                                          "SELECT count(*) FROM rows"), ==, 30);
}

static void
test_error_read_only_file (void)
{
  g_autoptr(SteadyDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");
  Capabilities caps;

  database = steady_test_open_with_rows (path, 5, 10);
  g_clear_object (&database);
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);

  drop_file_capabilities (&caps);
  g_assert_cmpint (g_open (path, O_WRONLY, 0), ==, -1);
  assert_open_fails_read_only (path);
  restore_file_capabilities (&caps);

  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  database = steady_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steady_test_query_int (steady_database_get_handle (database),
                                          "SELECT count(*) FROM rows"), ==, 5);
}

/* A file where Steady's folder should be: no permission trick, so it holds for root too. */
static void
test_error_file_for_folder (void)
{
  g_autofree char *dir = steady_database_get_default_dir ();
  g_autofree char *path = steady_database_get_default_path ();
  SteadyTestFingerprint before = { NULL, 0 };

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  write_bytes (dir, "a file, not a folder", strlen ("a file, not a folder"));
  steady_test_fingerprint_take (&before, dir);

  assert_open_fails_read_only (path);

  steady_test_fingerprint_assert (&before, dir);
  steady_test_fingerprint_clear (&before);
}

/* SQLite's max_page_count makes writes fail exactly as a full disk does (SQLITE_FULL). */
static void
test_error_disk_full (void)
{
  g_autoptr(SteadyDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");
  g_autofree char *limit = NULL;
  sqlite3 *db;
  guint n_inserted = 0;

  database = steady_test_open_with_rows (path, 40, 200);
  db = steady_database_get_handle (database);
  limit = g_strdup_printf ("PRAGMA max_page_count=%d",
                           steady_test_query_int (db, "PRAGMA page_count") + 2);
  steady_test_exec (db, limit);

  g_assert_true (steady_database_begin (database, &error));
  g_assert_no_error (error);
  while (steady_database_exec (database, "INSERT INTO rows (payload) VALUES (randomblob(3000))",
                               &error))
    g_assert_cmpuint (++n_inserted, <, 100);
  g_assert_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_FULL);
  steady_test_assert_message_without_path (error, path);
  g_assert_nonnull (strstr (error->message, "The disk is full"));
  g_clear_error (&error);
  steady_database_rollback (database);

  /* What was saved before is all there, and the connection still works. */
  g_assert_cmpint (steady_test_query_int (db, "SELECT count(*) FROM rows"), ==, 40);
  g_assert_true (steady_database_exec (database, "INSERT INTO rows VALUES (41, x'2a')", &error));
  g_assert_no_error (error);
  g_clear_object (&database);

  steady_test_assert_rows_prefix (path, 41);
}

static void
test_error_mapping (void)
{
  static const struct
  {
    int rc;
    int code;
  } cases[] = {
    { SQLITE_FULL, STEADY_DATABASE_ERROR_FULL },
    { SQLITE_READONLY, STEADY_DATABASE_ERROR_READ_ONLY },
    { SQLITE_READONLY_DBMOVED, STEADY_DATABASE_ERROR_READ_ONLY },
    { SQLITE_CANTOPEN, STEADY_DATABASE_ERROR_READ_ONLY },
    { SQLITE_PERM, STEADY_DATABASE_ERROR_READ_ONLY },
    { SQLITE_CORRUPT, STEADY_DATABASE_ERROR_CORRUPT },
    { SQLITE_NOTADB, STEADY_DATABASE_ERROR_CORRUPT },
    { SQLITE_IOERR_WRITE, STEADY_DATABASE_ERROR_FAILED },
    { SQLITE_BUSY, STEADY_DATABASE_ERROR_FAILED },
    { SQLITE_CONSTRAINT_UNIQUE, STEADY_DATABASE_ERROR_FAILED },
  };

  g_autofree char *path = steady_database_get_default_path ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      steady_database_set_error_from_sqlite (&error, NULL, cases[i].rc, path);
      g_assert_error (error, STEADY_DATABASE_ERROR, cases[i].code);
      /* The file is named in words; its path goes to the debug log only. */
      steady_test_assert_message_without_path (error, path);
    }
}

/* The app opens with the whole-file check deferred so its window shows sooner; the check then
 * finds damage inside the file, and a file that would be migrated is still checked first. */
static void
test_deferred_check (void)
{
  g_autofree char *path = steady_test_data_path ("steady.db");
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(SteadyDatabase) database = steady_test_open_with_rows (path, 2000, 200);

    g_assert_true (steady_database_check (database, &error));
    g_assert_no_error (error);
  }
  steady_test_damage_btree_page (path);

  {
    g_autoptr(SteadyDatabase) database = steady_database_open_deferring_check (path, &error);

    g_assert_no_error (error);
    g_assert_nonnull (database);
    g_assert_false (steady_database_check (database, &error));
    g_assert_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_CORRUPT);
    g_clear_error (&error);
  }

  /* Without deferring, the same file is refused at once. */
  g_assert_null (steady_database_open (path, &error));
  g_assert_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_CORRUPT);
  g_clear_error (&error);

  /* A damaged file that needs a migration is checked before anything changes it. */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    steady_test_exec (db, "PRAGMA user_version = 1");
    sqlite3_close (db);
  }
  g_assert_null (steady_database_open_deferring_check (path, &error));
  g_assert_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_CORRUPT);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 2 && g_str_equal (argv[1], "--print-default-path"))
    return print_default_path ();

  self_path = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/database/open/settings", test_open_settings);
  g_test_add_func ("/database/open/default-path", test_open_default_path);
  g_test_add_func ("/database/open/zero-length-is-new", test_zero_length_is_new);
  g_test_add_func ("/database/permissions/umask-022", test_permissions_umask_022);
  g_test_add_func ("/database/permissions/tightened", test_permissions_tightened);
  g_test_add_func ("/database/refuse/foreign-application-id",
                   test_refuse_foreign_application_id);
  g_test_add_func ("/database/refuse/foreign-tables", test_refuse_foreign_tables);
  g_test_add_func ("/database/refuse/newer", test_refuse_newer);
  g_test_add_func ("/database/refuse/newer-in-wal", test_refuse_newer_in_wal);
  g_test_add_func ("/database/refuse/garbage", test_refuse_garbage);
  g_test_add_func ("/database/refuse/folder", test_refuse_folder);
  g_test_add_func ("/database/error/read-only-folder", test_error_read_only_folder);
  g_test_add_func ("/database/error/read-only-file", test_error_read_only_file);
  g_test_add_func ("/database/error/file-for-folder", test_error_file_for_folder);
  g_test_add_func ("/database/error/disk-full", test_error_disk_full);
  g_test_add_func ("/database/error/mapping", test_error_mapping);
  g_test_add_func ("/database/deferred-check", test_deferred_check);

  return g_test_run ();
}
