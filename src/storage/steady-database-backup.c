/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-database-backup.c: SteadyDatabase's backups — consistent copies made with SQLite's
 * online backup API, rotated, and restored in place of a damaged file. */

#define G_LOG_DOMAIN "steady-database-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "steady-database.h"
#include "steady-database-private.h"
#include "steady-schema.h"

#define AUTO_BACKUP_PREFIX     "steady-"
#define MIGRATION_COPY_PREFIX  "before-v"
#define BACKUP_SUFFIX          ".db"
#define PARTIAL_SUFFIX         ".partial"
#define AUTO_BACKUPS_KEPT      10

/* A backup copies this many pages per step, so that a large copy made from a worker thread
 * never holds the connection (and so the window) for long. */
#define BACKUP_PAGES_PER_STEP  512
/* SQLite restarts a chunked copy whenever another connection writes in between. After this
 * many steps without progress the rest is copied in one step, under one read transaction. */
#define BACKUP_MAX_STALLS      8
/* How long a copy waits for the connection's own write transaction to end. */
#define BACKUP_WAIT_MS         10
#define BACKUP_MAX_WAITS       3000

static gboolean
sync_file (const char  *path,
           GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_debug ("Could not sync %s: %s", path, g_strerror (saved_errno));
      /* Translators: %s is the system's reason, e.g. "No space left on device". */
      g_set_error (error, STEADY_DATABASE_ERROR,
                   steady_database_error_code_from_errno (saved_errno),
                   _("Could not save a copy of your journal: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static char *
backup_dir_for (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

/* UTC, down to the microsecond, so that names sort in time order and never collide. */
static char *
timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y%m%d-%H%M%S-%f");
}

static gboolean
is_partial_name (const char *name)
{
  /* The copy itself and the -journal, -wal and -shm files SQLite makes beside it. */
  return g_str_has_suffix (name, PARTIAL_SUFFIX) || strstr (name, PARTIAL_SUFFIX "-") != NULL;
}

/* Copies @src into @dest_path with the online backup API: a consistent snapshot even while
 * another connection writes. The copy is written under a temporary name, made durable and
 * only then renamed, so an interrupted copy never leaves a half-file under a real name. */
static gboolean
copy_database (sqlite3     *src,
               const char  *dest_path,
               GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (dest_path, PARTIAL_SUFFIX, NULL);
  g_autofree char *dest_dir = g_path_get_dirname (dest_path);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int last_remaining = -1;
  guint n_stalls = 0;
  guint n_waits = 0;
  int finish_rc;
  int rc;

  g_unlink (tmp_path);
  if (!steady_database_create_private_file (tmp_path, error))
    return FALSE;

  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    goto sqlite_failed;

  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (dest);
      goto sqlite_failed;
    }
  for (;;)
    {
      rc = sqlite3_backup_step (backup, n_stalls < BACKUP_MAX_STALLS ? BACKUP_PAGES_PER_STEP
                                                                     : -1);
      if (rc == SQLITE_OK)
        {
          int remaining = sqlite3_backup_remaining (backup);

          if (last_remaining >= 0 && remaining >= last_remaining)
            n_stalls++;
          last_remaining = remaining;
        }
      else if (((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) &&
               n_waits++ < BACKUP_MAX_WAITS)
        {
          /* The connection is in the middle of its own write transaction. */
          sqlite3_sleep (BACKUP_WAIT_MS);
        }
      else
        {
          break;
        }
    }
  finish_rc = sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE || finish_rc != SQLITE_OK)
    {
      if (finish_rc != SQLITE_OK)
        rc = finish_rc;
      goto sqlite_failed;
    }

  /* The copy carries the source's write-ahead-log flag; a backup is one self-contained
   * file, readable without -wal and -shm files. */
  rc = sqlite3_exec (dest, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    goto sqlite_failed;
  rc = sqlite3_close (dest);
  dest = NULL;
  if (rc != SQLITE_OK)
    goto sqlite_failed;

  if (!sync_file (tmp_path, error))
    goto failed;
  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;

      g_debug ("Could not rename to %s: %s", dest_path, g_strerror (saved_errno));
      g_set_error (error, STEADY_DATABASE_ERROR,
                   steady_database_error_code_from_errno (saved_errno),
                   _("Could not save a copy of your journal: %s"), g_strerror (saved_errno));
      goto failed;
    }
  steady_database_sync_dir (dest_dir);
  return TRUE;

sqlite_failed:
  /* The copy's connection explains the failure, unless it was only kept waiting. */
  steady_database_set_error_from_sqlite (error,
                                         dest != NULL && sqlite3_errcode (dest) != SQLITE_OK
                                           ? dest : NULL,
                                         rc, dest_path);
failed:
  if (dest != NULL)
    sqlite3_close_v2 (dest);
  g_unlink (tmp_path);
  return FALSE;
}

/* Makes the backups folder, and removes what an interrupted copy left in it. Only one
 * process makes copies (the application is unique), so a partial file is never live. */
static gboolean
prepare_backup_dir (const char  *dir_path,
                    GError     **error)
{
  GDir *dir;
  const char *name;

  if (!steady_database_ensure_private_dir (dir_path, error))
    return FALSE;

  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return TRUE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (is_partial_name (name))
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);

          g_unlink (path);
        }
    }
  g_dir_close (dir);
  return TRUE;
}

/* Copies the database into backups/before-v<version>-<time>.db before a migration. */
gboolean
steady_database_keep_copy_before_migration (sqlite3     *db,
                                            const char  *db_path,
                                            int          version,
                                            GError     **error)
{
  g_autofree char *dir = backup_dir_for (db_path);
  g_autofree char *stamp = timestamp_now ();
  g_autofree char *name = g_strdup_printf (MIGRATION_COPY_PREFIX "%d-%s" BACKUP_SUFFIX,
                                           version, stamp);
  g_autofree char *dest = g_build_filename (dir, name, NULL);
  g_autoptr(GError) local_error = NULL;

  if (prepare_backup_dir (dir, &local_error) && copy_database (db, dest, &local_error))
    return TRUE;

  g_set_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_MIGRATION,
               _("Steady needs to update its data file but could not first keep a "
                 "copy of it: %s"),
               local_error->message);
  return FALSE;
}

char *
steady_database_get_backup_dir (SteadyDatabase *self)
{
  g_return_val_if_fail (STEADY_IS_DATABASE (self), NULL);

  return backup_dir_for (steady_database_get_path (self));
}

char *
steady_database_backup_to (SteadyDatabase  *self,
                           const char      *dest_path,
                           GError         **error)
{
  g_return_val_if_fail (STEADY_IS_DATABASE (self), NULL);
  g_return_val_if_fail (dest_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!copy_database (steady_database_get_handle (self), dest_path, error))
    return NULL;
  return g_strdup (dest_path);
}

static gboolean
is_auto_backup_name (const char *name)
{
  return g_str_has_prefix (name, AUTO_BACKUP_PREFIX) && g_str_has_suffix (name, BACKUP_SUFFIX);
}

static gboolean
is_migration_copy_name (const char *name)
{
  return g_str_has_prefix (name, MIGRATION_COPY_PREFIX) &&
         g_str_has_suffix (name, BACKUP_SUFFIX);
}

static int
compare_names_newest_first (gconstpointer a,
                            gconstpointer b)
{
  const char *path_a = *(const char * const *)a;
  const char *path_b = *(const char * const *)b;
  g_autofree char *name_a = g_path_get_basename (path_a);
  g_autofree char *name_b = g_path_get_basename (path_b);

  return -g_strcmp0 (name_a, name_b);
}

/* Automatic backups, newest first. Their names carry a UTC time stamp, so the name order is
 * the time order; copies from before a migration are listed after them. Partial files of
 * an interrupted copy never match. */
GPtrArray *
steady_database_list_backups (const char *db_path)
{
  g_autofree char *dir_path = NULL;
  g_autoptr(GPtrArray) automatic = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) before_migration = g_ptr_array_new_with_free_func (g_free);
  GDir *dir;
  const char *name;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir_path = backup_dir_for (db_path);
  dir = g_dir_open (dir_path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          if (is_auto_backup_name (name))
            g_ptr_array_add (automatic, g_build_filename (dir_path, name, NULL));
          else if (is_migration_copy_name (name))
            g_ptr_array_add (before_migration, g_build_filename (dir_path, name, NULL));
        }
      g_dir_close (dir);
    }

  g_ptr_array_sort (automatic, compare_names_newest_first);
  g_ptr_array_sort (before_migration, compare_names_newest_first);
  for (guint i = 0; i < before_migration->len; i++)
    g_ptr_array_add (automatic, g_strdup (g_ptr_array_index (before_migration, i)));

  return g_steal_pointer (&automatic);
}

static void
prune_backups (const char *db_path)
{
  g_autoptr(GPtrArray) backups = steady_database_list_backups (db_path);
  guint n_auto = 0;

  for (guint i = 0; i < backups->len; i++)
    {
      const char *path = g_ptr_array_index (backups, i);
      g_autofree char *name = g_path_get_basename (path);

      if (is_auto_backup_name (name) && ++n_auto > AUTO_BACKUPS_KEPT)
        g_unlink (path);
    }
}

/* A new automatic backup, without removing the oldest ones beyond the ten kept. */
static char *
backup_now (SteadyDatabase  *self,
            GError         **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dest = NULL;

  dir = backup_dir_for (steady_database_get_path (self));
  if (!prepare_backup_dir (dir, error))
    return NULL;

  stamp = timestamp_now ();
  name = g_strconcat (AUTO_BACKUP_PREFIX, stamp, BACKUP_SUFFIX, NULL);
  dest = g_build_filename (dir, name, NULL);
  if (!copy_database (steady_database_get_handle (self), dest, error))
    return NULL;
  return g_steal_pointer (&dest);
}

char *
steady_database_backup_now (SteadyDatabase  *self,
                            GError         **error)
{
  char *dest;

  g_return_val_if_fail (STEADY_IS_DATABASE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dest = backup_now (self, error);
  if (dest != NULL)
    prune_backups (steady_database_get_path (self));
  return dest;
}

/* For a copy that is deleted again if the work it protects fails (a restore): the oldest
 * backup is only removed, by steady_database_prune_backups(), once the work succeeded, so a
 * failed attempt leaves the backups exactly as they were. */
char *
steady_database_backup_now_keeping_all (SteadyDatabase  *self,
                                        GError         **error)
{
  g_return_val_if_fail (STEADY_IS_DATABASE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return backup_now (self, error);
}

void
steady_database_prune_backups (SteadyDatabase *self)
{
  g_return_if_fail (STEADY_IS_DATABASE (self));

  prune_backups (steady_database_get_path (self));
}

gboolean
steady_database_backup_if_due (SteadyDatabase  *self,
                               GTimeSpan        max_age,
                               GError         **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *newest = NULL;

  g_return_val_if_fail (STEADY_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (max_age >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  backups = steady_database_list_backups (steady_database_get_path (self));
  for (guint i = 0; i < backups->len && newest == NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (g_ptr_array_index (backups, i));

      if (is_auto_backup_name (name))
        newest = g_strdup (g_ptr_array_index (backups, i));
    }

  if (newest != NULL)
    {
      GStatBuf st;
      GTimeSpan age;

      /* A backup from the future (the clock was set back) is no reason to wait. */
      if (g_stat (newest, &st) == 0)
        {
          age = g_get_real_time () - (gint64)st.st_mtime * G_USEC_PER_SEC;
          if (age >= 0 && age < max_age)
            return TRUE;
        }
    }

  g_free (newest);
  newest = steady_database_backup_now (self, error);
  return newest != NULL;
}

/* check_backup()'s messages speak of "your journal file"; a backup that is refused is said to
 * be one, in words, with its name in the debug log only. */
static void
set_unusable_backup_error (GError       **error,
                           const char    *backup_path,
                           const GError  *reason)
{
  g_debug ("Backup refused: %s: %s", backup_path, reason->message);
  switch (reason->code)
    {
    case STEADY_DATABASE_ERROR_CORRUPT:
      g_set_error_literal (error, STEADY_DATABASE_ERROR, reason->code,
                           _("The backup is damaged, or it is not a database at all."));
      break;
    case STEADY_DATABASE_ERROR_NOT_OURS:
      g_set_error_literal (error, STEADY_DATABASE_ERROR, reason->code,
                           _("The backup belongs to another program, not Steady."));
      break;
    case STEADY_DATABASE_ERROR_TOO_NEW:
      g_set_error_literal (error, STEADY_DATABASE_ERROR, reason->code,
                           _("The backup was made by a newer version of Steady. Please update "
                             "Steady."));
      break;
    default:
      g_propagate_error (error, g_error_copy (reason));
      break;
    }
}

/* A backup is good when it is a Steady database with data, no newer than this build, that
 * passes quick_check. */
static gboolean
check_backup (const char  *path,
              GError     **error)
{
  sqlite3 *db = NULL;
  int application_id = 0;
  int version = 0;
  gboolean good = FALSE;
  int rc;

  rc = sqlite3_open_v2 (path, &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    steady_database_set_error_from_sqlite (error, db, rc, path);
  else if (steady_database_query_int (db, "PRAGMA application_id", &application_id, error) &&
           steady_database_query_int (db, "PRAGMA user_version", &version, error))
    {
      if ((guint32)application_id != STEADY_DATABASE_APPLICATION_ID || version < 1)
        steady_database_set_error_not_ours (error, path);
      else if (version > steady_schema_get_version ())
        steady_database_set_error_too_new (error, path, version, steady_schema_get_version ());
      else
        good = steady_database_quick_check (db, path, error);
    }

  sqlite3_close_v2 (db);
  return good;
}

char *
steady_database_find_newest_good_backup (const char  *db_path,
                                         GError     **error)
{
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  backups = steady_database_list_backups (db_path);
  for (guint i = 0; i < backups->len; i++)
    {
      const char *path = g_ptr_array_index (backups, i);

      if (check_backup (path, NULL))
        return g_strdup (path);
    }

  g_set_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_NO_BACKUP,
               _("There is no usable backup of Steady’s data."));
  return NULL;
}

/* The database file and every file SQLite keeps beside it. They move together, so that a
 * file set aside still opens with what its -wal file held. */
static const char * const database_file_suffixes[] = { "", "-wal", "-shm", "-journal" };

/* A name beside @db_path for the file a restore replaces, not used by anything yet. */
static char *
find_aside_path (const char *db_path)
{
  g_autofree char *stamp = timestamp_now ();

  for (guint n = 1; ; n++)
    {
      g_autofree char *candidate = NULL;
      gboolean taken = FALSE;

      candidate = n == 1 ? g_strdup_printf ("%s.replaced-%s", db_path, stamp)
                         : g_strdup_printf ("%s.replaced-%s-%u", db_path, stamp, n);
      for (guint i = 0; i < G_N_ELEMENTS (database_file_suffixes) && !taken; i++)
        {
          g_autofree char *file = g_strconcat (candidate, database_file_suffixes[i], NULL);

          taken = g_file_test (file, G_FILE_TEST_EXISTS);
        }
      if (!taken)
        return g_steal_pointer (&candidate);
    }
}

/* Renames the first @n_moved files of the set at @from back to @to. */
static void
move_files_back (const char *from,
                 const char *to,
                 guint       n_moved)
{
  for (guint i = 0; i < n_moved; i++)
    {
      g_autofree char *src = g_strconcat (from, database_file_suffixes[i], NULL);
      g_autofree char *dest = g_strconcat (to, database_file_suffixes[i], NULL);

      if (g_file_test (src, G_FILE_TEST_EXISTS))
        g_rename (src, dest);
    }
}

/* Puts a copy of @backup_path in place of @db_path. The copy is made beside the database
 * first; only when it is complete is the file it replaces, with its -wal and -shm files,
 * renamed aside (never deleted) and the copy renamed into place. If any step fails, the
 * original is where it was. @set_aside_path gets the new name of the replaced file, or NULL
 * when there was none. */
gboolean
steady_database_restore_backup (const char  *db_path,
                                const char  *backup_path,
                                char       **set_aside_path,
                                GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *restoring_path = NULL;
  g_autofree char *aside_path = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean moved_any = FALSE;
  sqlite3 *src = NULL;
  guint n_moved;
  int rc;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (set_aside_path != NULL)
    *set_aside_path = NULL;

  if (!check_backup (backup_path, &local_error))
    {
      set_unusable_backup_error (error, backup_path, local_error);
      return FALSE;
    }

  dir = g_path_get_dirname (db_path);
  if (!steady_database_ensure_private_dir (dir, error))
    return FALSE;

  restoring_path = g_strconcat (db_path, ".restoring", NULL);
  rc = sqlite3_open_v2 (backup_path, &src,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      steady_database_set_error_from_sqlite (error, src, rc, backup_path);
      sqlite3_close_v2 (src);
      return FALSE;
    }
  if (!copy_database (src, restoring_path, error))
    {
      sqlite3_close_v2 (src);
      return FALSE;
    }
  sqlite3_close_v2 (src);

  aside_path = find_aside_path (db_path);
  for (n_moved = 0; n_moved < G_N_ELEMENTS (database_file_suffixes); n_moved++)
    {
      g_autofree char *file = g_strconcat (db_path, database_file_suffixes[n_moved], NULL);
      g_autofree char *dest = g_strconcat (aside_path, database_file_suffixes[n_moved], NULL);

      if (!g_file_test (file, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (file, dest) != 0)
        {
          int saved_errno = errno;

          g_debug ("Could not move %s aside: %s", file, g_strerror (saved_errno));
          /* Translators: %s is the system's reason, e.g. "Permission denied". */
          g_set_error (error, STEADY_DATABASE_ERROR,
                       steady_database_error_code_from_errno (saved_errno),
                       _("Could not set your damaged journal file aside: %s"),
                       g_strerror (saved_errno));
          goto failed;
        }
      moved_any = TRUE;
    }

  if (g_rename (restoring_path, db_path) != 0)
    {
      int saved_errno = errno;

      g_debug ("Could not rename the backup to %s: %s", db_path, g_strerror (saved_errno));
      /* Translators: %s is the system's reason, e.g. "Permission denied". */
      g_set_error (error, STEADY_DATABASE_ERROR,
                   steady_database_error_code_from_errno (saved_errno),
                   _("Could not put the backup in place of your journal file: %s"),
                   g_strerror (saved_errno));
      goto failed;
    }
  steady_database_sync_dir (dir);

  if (set_aside_path != NULL && moved_any)
    *set_aside_path = g_steal_pointer (&aside_path);
  return TRUE;

failed:
  move_files_back (aside_path, db_path, n_moved);
  g_unlink (restoring_path);
  return FALSE;
}
