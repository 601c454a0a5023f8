/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-journal-disk.c: saving check-ins on a disk that really fills up and into a data folder
 * that is really read-only, in a private mount namespace, as root or as a normal user. */

#define G_LOG_DOMAIN "test-journal-disk"

#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "steady-database.h"
#include "steady-draft-store.h"
#include "steady-journal-store.h"

#include "steady-test-util.h"

#define NOON_UTC    G_GINT64_CONSTANT (1710072000000000)
#define HOUR_US     (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)
#define DRAFT_KIND  "mood-entry"
#define DRAFT_KEY   "new"
#define DRAFT_JSON  "{\"note\": \"typed while the disk was full\"}"
/* Big enough for the schema, the first saves and SQLite's WAL, small enough to fill fast. */
#define TMPFS_SIZE  "4m"

/* Namespaces ---------------------------------------------------------------------------- */

static char *namespace_problem;

static gboolean
write_file (const char *path,
            const char *text)
{
  int fd = open (path, O_WRONLY | O_CLOEXEC);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = write (fd, text, strlen (text)) == (ssize_t)strlen (text);
  close (fd);
  return ok;
}

/* Gives this process its own mounts, so the tests can mount a tmpfs and a read-only bind
 * without touching the machine. A user namespace makes that work for a normal user; root
 * in it is still the invoking user outside, and a read-only mount stops even root. Runs
 * before anything starts a thread, as unshare (CLONE_NEWUSER) requires. */
static void
enter_mount_namespace (void)
{
  uid_t uid = getuid ();
  gid_t gid = getgid ();
  g_autofree char *uid_map = g_strdup_printf ("0 %u 1", (guint)uid);
  g_autofree char *gid_map = g_strdup_printf ("0 %u 1", (guint)gid);

  if (unshare (CLONE_NEWUSER | CLONE_NEWNS) == 0)
    {
      if (!write_file ("/proc/self/setgroups", "deny") ||
          !write_file ("/proc/self/uid_map", uid_map) ||
          !write_file ("/proc/self/gid_map", gid_map))
        {
          namespace_problem = g_strdup_printf ("could not map the user into the new user "
                                               "namespace: %s", g_strerror (errno));
          return;
        }
    }
  else if (unshare (CLONE_NEWNS) != 0)
    {
      namespace_problem = g_strdup_printf (
        "unshare (CLONE_NEWUSER | CLONE_NEWNS) failed: %s. These tests need user "
        "namespaces (sysctl kernel.unprivileged_userns_clone=1, or a container that allows "
        "unshare) or CAP_SYS_ADMIN", g_strerror (errno));
      return;
    }
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    namespace_problem = g_strdup_printf ("could not make the mounts private: %s",
                                         g_strerror (errno));
}

/* Fails, saying why, where the machine does not let the test make its own mounts: a test
 * that skips here would hide that these properties went unchecked. */
static void
assert_namespace (void)
{
  if (namespace_problem != NULL)
    g_error ("This test needs a private mount namespace, and %s.", namespace_problem);
}

static void
mount_tmpfs (const char *dir,
             const char *size)
{
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0700", size);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  if (mount ("steady-test", dir, "tmpfs", MS_NOSUID | MS_NODEV, options) != 0)
    g_error ("mounting a tmpfs on %s failed: %s", dir, g_strerror (errno));
}

static void
make_read_only (const char *dir)
{
  if (mount (dir, dir, NULL, MS_BIND, NULL) != 0 ||
      mount (NULL, dir, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL) != 0)
    g_error ("making %s read-only failed: %s", dir, g_strerror (errno));
}

/* Writes zeros into @dir until the file system says it is full. */
static char *
fill_disk (const char *dir)
{
  char *path = g_build_filename (dir, "filler", NULL);
  static const char zeros[4096];
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  g_assert_cmpint (fd, >=, 0);
  while (write (fd, zeros, sizeof zeros) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  /* Even the last few bytes. */
  while (write (fd, zeros, 1) > 0)
    ;
  close (fd);
  return path;
}

/* The journal ------------------------------------------------------------------------------ */

static SteadyMoodEntry *
make_entry (gint64      time_us,
            int         mood,
            const char *note)
{
  SteadyMoodEntry *entry = steady_mood_entry_new ();

  steady_mood_entry_set_time (entry, time_us, 0);
  steady_mood_entry_set_mood (entry, mood);
  steady_mood_entry_set_note (entry, note);
  return entry;
}

static void
save_ok (SteadyJournalStore *store,
         SteadyMoodEntry    *entry)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (steady_journal_store_create (store, entry, &error));
  g_assert_no_error (error);
}

static guint
count_entries (SteadyJournalStore *store)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (steady_journal_store_count (store, &n, &error));
  g_assert_no_error (error);
  return n;
}

static guint
count_matches (SteadyJournalStore *store,
               const char         *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  SteadyJournalQuery query;

  steady_journal_query_init (&query);
  query.text = words;
  hits = steady_journal_store_search (store, &query, NULL, 100, &error);
  g_assert_no_error (error);
  return hits->len;
}

static char *
long_note (gsize bytes)
{
  GString *note = g_string_new (NULL);

  while (note->len < bytes)
    g_string_append (note, "words that need room ");
  return g_string_free (note, FALSE);
}

static SteadyDatabase *
open_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  SteadyDatabase *database = steady_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (database);
  return database;
}

/* Tests ------------------------------------------------------------------------------------ */

/* The disk fills while the user saves: the save fails with words that say so, the draft
 * and everything saved before are still there, and once there is room the same check-in
 * saves; the file is whole after reopening. */
static void
test_disk_full (void)
{
  g_autofree char *path = steady_database_get_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *filler = NULL;
  g_autofree char *big = long_note (512 * 1024);
  g_autofree char *big_draft = g_strdup_printf ("{\"note\": \"%s\"}", big);
  g_autofree char *draft = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autoptr(SteadyJournalStore) store = NULL;
  g_autoptr(SteadyDraftStore) drafts = NULL;
  g_autoptr(SteadyMoodEntry) saved = make_entry (NOON_UTC, 4, "saved before the disk filled");
  g_autoptr(SteadyMoodEntry) entry = make_entry (NOON_UTC + HOUR_US, 2, big);
  g_autoptr(GError) error = NULL;

  assert_namespace ();
  mount_tmpfs (dir, TMPFS_SIZE);
  database = open_database (path);
  store = steady_journal_store_new (database);
  drafts = steady_draft_store_new (database);
  save_ok (store, saved);
  g_assert_true (steady_draft_store_save (drafts, DRAFT_KIND, DRAFT_KEY, DRAFT_JSON, &error));
  g_assert_no_error (error);

  filler = fill_disk (dir);
  g_assert_false (steady_journal_store_create (store, entry, &error));
  g_assert_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_clear_error (&error);

  /* An autosave on the full disk fails in words too, and keeps the draft it had. */
  g_assert_false (steady_draft_store_save (drafts, DRAFT_KIND, DRAFT_KEY, big_draft, &error));
  g_assert_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_FULL);
  g_clear_error (&error);
  draft = steady_draft_store_load (drafts, DRAFT_KIND, DRAFT_KEY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (draft, ==, DRAFT_JSON);
  g_clear_pointer (&draft, g_free);

  /* Nothing saved is lost, and the index still agrees. */
  g_assert_cmpuint (count_entries (store), ==, 1);
  g_assert_cmpuint (count_matches (store, "saved"), ==, 1);
  g_assert_cmpuint (count_matches (store, "room"), ==, 0);
  g_assert_true (steady_journal_store_check_search_index (store, &error));
  g_assert_no_error (error);

  /* Room again: the same check-in saves. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  save_ok (store, entry);
  g_assert_cmpuint (count_entries (store), ==, 2);

  /* And all of it is in the file. */
  g_clear_object (&drafts);
  g_clear_object (&store);
  g_clear_object (&database);
  steady_test_assert_integrity_ok (path);
  database = open_database (path);
  store = steady_journal_store_new (database);
  drafts = steady_draft_store_new (database);
  g_assert_cmpuint (count_entries (store), ==, 2);
  g_assert_cmpuint (count_matches (store, "room"), ==, 1);
  draft = steady_draft_store_load (drafts, DRAFT_KIND, DRAFT_KEY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (draft, ==, DRAFT_JSON);
}

/* The disk is already full when Steady starts: it opens what is there or says in words
 * why not, and leaves the file as it was. */
static void
test_disk_full_at_start (void)
{
  g_autofree char *path = steady_database_get_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *filler = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autoptr(SteadyJournalStore) store = NULL;
  g_autoptr(SteadyMoodEntry) saved = make_entry (NOON_UTC, 4, "saved before the disk filled");
  g_autoptr(SteadyMoodEntry) entry = make_entry (NOON_UTC + HOUR_US, 3, "no room for this");
  g_autoptr(GError) error = NULL;

  assert_namespace ();
  mount_tmpfs (dir, TMPFS_SIZE);
  database = open_database (path);
  store = steady_journal_store_new (database);
  save_ok (store, saved);
  g_clear_object (&store);
  g_clear_object (&database);

  filler = fill_disk (dir);
  database = steady_database_open (path, &error);
  if (database == NULL)
    {
      g_test_message ("refused at start: %s", error->message);
      g_assert_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_FULL);
    }
  else
    {
      g_assert_no_error (error);
      store = steady_journal_store_new (database);
      g_assert_cmpuint (count_entries (store), ==, 1);
      g_test_message ("opened on the full disk");
      if (!steady_journal_store_create (store, entry, &error))
        g_assert_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_FULL);
      g_clear_error (&error);
      g_clear_object (&store);
      g_clear_object (&database);
    }
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (filler), ==, 0);
  steady_test_assert_integrity_ok (path);
  database = open_database (path);
  store = steady_journal_store_new (database);
  g_assert_cmpuint (count_matches (store, "saved"), ==, 1);
}

/* The data folder is read-only (a read-only mount stops root too): Steady says so in
 * words instead of opening a journal it could not save to, leaves the file as it was, and
 * everything is there once the folder can be written again. */
static void
test_read_only_folder (void)
{
  g_autofree char *path = steady_database_get_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(SteadyDatabase) database = NULL;
  g_autoptr(SteadyJournalStore) store = NULL;
  g_autoptr(SteadyDraftStore) drafts = NULL;
  g_autoptr(SteadyMoodEntry) saved = make_entry (NOON_UTC, 4, "saved before the folder locked");
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = NULL;
  SteadyTestFingerprint print = { NULL, 0 };

  assert_namespace ();
  mount_tmpfs (dir, TMPFS_SIZE);
  database = open_database (path);
  store = steady_journal_store_new (database);
  drafts = steady_draft_store_new (database);
  save_ok (store, saved);
  g_assert_true (steady_draft_store_save (drafts, DRAFT_KIND, DRAFT_KEY, DRAFT_JSON, &error));
  g_assert_no_error (error);
  g_clear_object (&drafts);
  g_clear_object (&store);
  g_clear_object (&database);
  steady_test_fingerprint_take (&print, path);

  make_read_only (dir);
  /* Not even root may write here now: what the test relies on. */
  {
    g_autofree char *probe = g_build_filename (dir, "probe", NULL);

    g_assert_false (g_file_set_contents (probe, "x", 1, NULL));
  }
  database = steady_database_open (path, &error);
  g_assert_null (database);
  g_test_message ("read-only folder: %s", error->message);
  g_assert_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "cannot write"));
  g_clear_error (&error);
  steady_test_fingerprint_assert (&print, path);

  /* Writable again: the check-in and the draft are there. */
  g_assert_cmpint (umount2 (dir, 0), ==, 0);
  database = open_database (path);
  store = steady_journal_store_new (database);
  drafts = steady_draft_store_new (database);
  g_assert_cmpuint (count_matches (store, "locked"), ==, 1);
  draft = steady_draft_store_load (drafts, DRAFT_KIND, DRAFT_KEY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (draft, ==, DRAFT_JSON);
  steady_test_fingerprint_clear (&print);
}

int
main (int   argc,
      char *argv[])
{
  enter_mount_namespace ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/journal-disk/full", test_disk_full);
  g_test_add_func ("/journal-disk/full-at-start", test_disk_full_at_start);
  g_test_add_func ("/journal-disk/read-only-folder", test_read_only_folder);

  return g_test_run ();
}
