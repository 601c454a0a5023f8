/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-durability.c: an acknowledged save survives the process being killed. A writer
 * commits rows one by one and acknowledges each only after COMMIT returned; it is killed
 * with SIGKILL at random moments, and every acknowledged row must be there afterwards. */

#define G_LOG_DOMAIN "steady-test-durability"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "steady-database.h"
#include "steady-test-util.h"

/* The test program itself, run again as the writer. */
static char *self_path;

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= (gsize)n;
    }
  return TRUE;
}

/* Writer mode: commit rows until killed, writing each id to stdout once it is committed. */
static int
write_until_killed (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autofree char *note = NULL;
  sqlite3_stmt *insert = NULL;
  sqlite3 *db;
  gint64 id;

  database = steady_database_open (path, &error);
  if (database == NULL ||
      !steady_database_exec (database,
                             "CREATE TABLE IF NOT EXISTS durability ("
                             "  id   INTEGER PRIMARY KEY,"
                             "  note TEXT NOT NULL)", &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  db = steady_database_get_handle (database);
  /* Tells the parent the open is done, so some kills land in the middle of writing even when
   * starting is slow (sanitizers, a loaded machine). */
  if (!write_all (STDOUT_FILENO, "ready\n", 6))
    return 5;
  id = steady_test_query_int (db, "SELECT coalesce(max(id), 0) + 1 FROM durability");
  note = g_strnfill (400, 'n');
  if (sqlite3_prepare_v2 (db, "INSERT INTO durability (id, note) VALUES (?, ?)", -1, &insert,
                          NULL) != SQLITE_OK)
    return 3;

  for (;; id++)
    {
      char ack[32];
      int length;

      if (!steady_database_begin (database, &error))
        break;
      sqlite3_bind_int64 (insert, 1, id);
      sqlite3_bind_text (insert, 2, note, -1, SQLITE_STATIC);
      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          g_printerr ("insert: %s\n", sqlite3_errmsg (db));
          return 4;
        }
      sqlite3_reset (insert);
      if (!steady_database_commit (database, &error))
        break;

      length = g_snprintf (ack, sizeof ack, "%" G_GINT64_FORMAT "\n", id);
      if (!write_all (STDOUT_FILENO, ack, (gsize)length))
        return 5;
    }

  g_printerr ("%s\n", error->message);
  return 6;
}

/* Reads the writer's "ready" line, one byte at a time so nothing after it is consumed. */
static void
wait_until_ready (int fd)
{
  char line[8];
  gsize length = 0;

  while (length < sizeof line)
    {
      gssize n = read (fd, &line[length], 1);

      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, ==, 1);
      if (line[length++] == '\n')
        break;
    }
  g_assert_cmpmem (line, length, "ready\n", 6);
}

/* Reads until the killed writer's end of the pipe is closed, and collects the ids of the
 * complete lines; a line cut short was never acknowledged. */
static void
read_acknowledged (int     fd,
                   GArray *acknowledged)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  char buffer[4096];
  gssize n;

  while ((n = read (fd, buffer, sizeof buffer)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      g_string_append_len (text, buffer, n);
    }

  lines = g_strsplit (text->str, "\n", -1);
  /* The last piece follows the last newline: empty, or an unfinished line. */
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      guint64 id = 0;

      if (g_str_equal (lines[i], "ready"))
        continue;
      g_assert_true (g_ascii_string_to_unsigned (lines[i], 10, 1, G_MAXINT64, &id, NULL));
      g_array_append_val (acknowledged, id);
    }
}

static void
assert_all_present (const char *path,
                    GArray     *acknowledged)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autofree char *integrity = NULL;
  sqlite3_stmt *find = NULL;
  sqlite3 *db;

  database = steady_database_open (path, &error);
  g_assert_no_error (error);
  db = steady_database_get_handle (database);

  integrity = steady_test_query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  if (acknowledged->len == 0)
    return;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM durability WHERE id = ?", -1,
                                       &find, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < acknowledged->len; i++)
    {
      sqlite3_bind_int64 (find, 1, (sqlite3_int64)g_array_index (acknowledged, guint64, i));
      g_assert_cmpint (sqlite3_step (find), ==, SQLITE_ROW);
      if (sqlite3_column_int (find, 0) != 1)
        g_error ("acknowledged row %" G_GUINT64_FORMAT " is missing",
                 g_array_index (acknowledged, guint64, i));
      sqlite3_reset (find);
    }
  sqlite3_finalize (find);
}

static void
test_killed_writer (void)
{
  g_autoptr(GArray) acknowledged = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GRand) rand = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");
  const char *seed_text = g_getenv ("STEADY_TEST_SEED");
  guint32 seed;
  guint n_rounds;
  guint n_rounds_acked = 0;

  seed = seed_text != NULL ? (guint32)g_ascii_strtoull (seed_text, NULL, 10) : g_random_int ();
  g_test_message ("seed %u (run with STEADY_TEST_SEED=%u to repeat)", seed, seed);
  rand = g_rand_new_with_seed (seed);
  n_rounds = (guint)g_rand_int_range (rand, 30, 51);

  for (guint round = 0; round < n_rounds; round++)
    {
      g_autoptr(GError) error = NULL;
      const char *argv[] = { self_path, "--write-until-killed", path, NULL };
      guint delay_us = (guint)g_rand_int_range (rand, 0, 30001);
      guint acked_before = acknowledged->len;
      int out_fd = -1;
      int status = 0;
      GPid pid;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **)argv, NULL,
                                               G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                               NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);

      /* Every other round counts the delay from the end of the open, the rest from the
       * spawn, so kills also land while the file is being opened. */
      if (round % 2 == 1)
        wait_until_ready (out_fd);
      g_usleep (delay_us);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      read_acknowledged (out_fd, acknowledged);
      close (out_fd);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

      /* Killed, not stopped by an error of its own. */
      if (!WIFSIGNALED (status))
        g_error ("the writer stopped by itself with status %d", WEXITSTATUS (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      n_rounds_acked += acknowledged->len > acked_before ? 1 : 0;
      assert_all_present (path, acknowledged);
    }

  g_test_message ("%u rounds, %u of them with acknowledged rows, %u rows acknowledged, "
                  "all present", n_rounds, n_rounds_acked, acknowledged->len);
  g_assert_cmpuint (acknowledged->len, >, 0);
  /* Kills after "ready" plus up to 30 ms must catch the writer mid-stream in most rounds. */
  g_assert_cmpuint (n_rounds_acked, >=, n_rounds / 4);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--write-until-killed"))
    return write_until_killed (argv[2]);

  self_path = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/durability/killed-writer", test_killed_writer);

  return g_test_run ();
}
