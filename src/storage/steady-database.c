/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-database.c: opens the user's SQLite file safely — checks that it is ours, sets the
 * connection up for durability, migrates it with a copy kept aside, and makes backups. */

#define G_LOG_DOMAIN "steady-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "steady-database.h"
#include "steady-schema.h"

#define BUSY_TIMEOUT_MS    5000
#define AUTO_BACKUP_PREFIX "steady-"
#define AUTO_BACKUPS_KEPT  10

struct _SteadyDatabase
{
  GObject  parent_instance;

  /* owned */
  char    *path;
  sqlite3 *db;
  int      schema_version;
};

G_DEFINE_FINAL_TYPE (SteadyDatabase, steady_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (steady-database-error-quark, steady_database_error)

static void
steady_database_finalize (GObject *object)
{
  SteadyDatabase *self = (SteadyDatabase *)object;

  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (steady_database_parent_class)->finalize (object);
}

static void
steady_database_class_init (SteadyDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steady_database_finalize;
}

static void
steady_database_init (SteadyDatabase *self)
{
}

void
steady_database_set_error_from_sqlite (GError     **error,
                                       sqlite3     *db,
                                       int          rc,
                                       const char  *what)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_FULL,
                   _("The disk is full, so Steady could not save (%s)."), what);
      break;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_READ_ONLY,
                   _("Steady’s data folder cannot be written to (%s: %s)."), what, detail);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_CORRUPT,
                   _("The data file is damaged (%s: %s)."), what, detail);
      break;
    default:
      g_set_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_FAILED,
                   _("Steady could not use its data file (%s: %s)."), what, detail);
      break;
    }
}

char *
steady_database_get_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "steady", NULL);
}

char *
steady_database_get_default_path (void)
{
  g_autofree char *dir = steady_database_get_default_dir ();

  return g_build_filename (dir, "steady.db", NULL);
}

static gboolean
ensure_private_dir (const char  *dir,
                    GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0 || g_chmod (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, STEADY_DATABASE_ERROR,
                   saved_errno == ENOSPC ? STEADY_DATABASE_ERROR_FULL
                                         : STEADY_DATABASE_ERROR_READ_ONLY,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Creates an empty file with mode 0600 so SQLite, which copies the database file's mode
 * to its -wal and -shm files, never makes anything readable by others. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_CREAT | O_WRONLY | O_CLOEXEC, 0600);

  if (fd < 0 || fchmod (fd, 0600) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, STEADY_DATABASE_ERROR,
                   saved_errno == ENOSPC ? STEADY_DATABASE_ERROR_FULL
                                         : STEADY_DATABASE_ERROR_READ_ONLY,
                   _("Could not create the file “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      steady_database_set_error_from_sqlite (error, db, rc, sql);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *out = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  sqlite3_free (message);
  if (rc != SQLITE_OK)
    {
      steady_database_set_error_from_sqlite (error, db, rc, sql);
      return FALSE;
    }
  return TRUE;
}

/* Looks at the first bytes without SQLite, so a file that is not a database at all is
 * refused before anything could touch it. */
static gboolean
check_file_header (const char  *path,
                   gboolean    *out_exists,
                   GError     **error)
{
  char header[16];
  GStatBuf st;
  FILE *file;
  size_t n_read;

  *out_exists = FALSE;
  if (g_stat (path, &st) != 0)
    return TRUE;
  *out_exists = st.st_size > 0;
  if (st.st_size == 0)
    return TRUE;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_READ_ONLY,
                   _("Could not read “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  n_read = fread (header, 1, sizeof header, file);
  fclose (file);

  if (st.st_size < 512 || n_read != sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_CORRUPT,
                   _("“%s” is not a Steady data file: it is not a database at all, or it is badly damaged. It was left as it is."),
                   path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_ownership (sqlite3     *db,
                 const char  *path,
                 int          latest_version,
                 int         *out_version,
                 GError     **error)
{
  int application_id = 0;
  int user_version = 0;
  int n_objects = 0;

  if (!query_int (db, "PRAGMA application_id", &application_id, error) ||
      !query_int (db, "PRAGMA user_version", &user_version, error) ||
      !query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  if (application_id == 0 && user_version == 0 && n_objects == 0)
    {
      /* An empty database: ours to initialise. */
      *out_version = 0;
      return TRUE;
    }

  if ((guint32)application_id != STEADY_DATABASE_APPLICATION_ID)
    {
      g_set_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_NOT_OURS,
                   _("“%s” belongs to another program, not Steady. It was left as it is."),
                   path);
      return FALSE;
    }

  if (user_version > latest_version)
    {
      g_set_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Steady (data version %d; this version understands up to %d). Please update Steady. The file was left as it is."),
                   path, user_version, latest_version);
      return FALSE;
    }

  *out_version = user_version;
  return TRUE;
}

static gboolean
configure_connection (sqlite3     *db,
                      GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean is_wal = FALSE;
  int rc;

  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db, TRUE);

  rc = sqlite3_prepare_v2 (db, "PRAGMA journal_mode=WAL", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    is_wal = g_ascii_strcasecmp ((const char *)sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      steady_database_set_error_from_sqlite (error, db, rc, "journal_mode");
      return FALSE;
    }
  if (!is_wal)
    {
      g_set_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_FAILED,
                   _("The data file could not be switched to write-ahead logging."));
      return FALSE;
    }

  return exec_sql (db,
                   "PRAGMA synchronous=FULL;"
                   "PRAGMA foreign_keys=ON;"
                   "PRAGMA secure_delete=ON;",
                   error);
}

static gboolean
quick_check (sqlite3     *db,
             const char  *path,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  if (!ok)
    {
      g_set_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_CORRUPT,
                   _("The data file “%s” is damaged."), path);
      return FALSE;
    }
  return TRUE;
}

/* Copies @src into @dest_path with the online backup API: a consistent snapshot even while
 * another connection writes. The copy is written under a temporary name and renamed, so an
 * interrupted backup never leaves a half-file under a real name. */
static gboolean
copy_database (sqlite3     *src,
               const char  *dest_path,
               GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (dest_path, ".partial", NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_unlink (tmp_path);
  if (!create_private_file (tmp_path, error))
    return FALSE;

  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    goto sqlite_failed;

  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (dest);
      goto sqlite_failed;
    }
  do
    rc = sqlite3_backup_step (backup, -1);
  while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    goto sqlite_failed;

  /* A backup is one self-contained file, durable before it gets its real name. */
  if (!exec_sql (dest, "PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL;", error))
    goto failed;
  sqlite3_close_v2 (dest);
  dest = NULL;

  {
    int fd = g_open (tmp_path, O_RDONLY | O_CLOEXEC, 0);

    if (fd < 0 || fsync (fd) != 0)
      {
        int saved_errno = errno;

        if (fd >= 0)
          close (fd);
        g_set_error (error, STEADY_DATABASE_ERROR,
                     saved_errno == ENOSPC ? STEADY_DATABASE_ERROR_FULL
                                           : STEADY_DATABASE_ERROR_FAILED,
                     _("Could not write the backup “%s”: %s"), dest_path,
                     g_strerror (saved_errno));
        goto failed;
      }
    close (fd);
  }

  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_FAILED,
                   _("Could not write the backup “%s”: %s"), dest_path,
                   g_strerror (saved_errno));
      goto failed;
    }
  return TRUE;

sqlite_failed:
  steady_database_set_error_from_sqlite (error, dest, rc, _("backup"));
failed:
  if (dest != NULL)
    sqlite3_close_v2 (dest);
  g_unlink (tmp_path);
  return FALSE;
}

static char *
backup_dir_for (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

static char *
timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y%m%d-%H%M%S");
}

static gboolean
migrate (SteadyDatabase         *self,
         int                     from_version,
         const SteadyMigration  *migrations,
         guint                   n_migrations,
         GError                **error)
{
  if (n_migrations == 0 || migrations[n_migrations - 1].version <= from_version)
    return TRUE;

  /* Keep the file as it was before touching its schema. */
  if (from_version > 0)
    {
      g_autofree char *dir = backup_dir_for (self->path);
      g_autofree char *stamp = timestamp_now ();
      g_autofree char *name = g_strdup_printf ("before-v%d-%s.db",
                                               migrations[n_migrations - 1].version, stamp);
      g_autofree char *dest = g_build_filename (dir, name, NULL);
      g_autoptr(GError) local_error = NULL;

      if (!ensure_private_dir (dir, &local_error) ||
          !copy_database (self->db, dest, &local_error))
        {
          g_set_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_MIGRATION,
                       _("Steady needs to update its data file but could not first keep a copy of it: %s"),
                       local_error->message);
          return FALSE;
        }
    }

  for (guint i = 0; i < n_migrations; i++)
    {
      const SteadyMigration *migration = &migrations[i];
      g_autoptr(GError) local_error = NULL;
      g_autofree char *set_version = NULL;
      int current = 0;

      if (migration->version <= from_version)
        continue;

      if (!exec_sql (self->db, "BEGIN IMMEDIATE", &local_error))
        goto failed;

      /* Another process (the reminder daemon) may have migrated meanwhile. */
      if (!query_int (self->db, "PRAGMA user_version", &current, &local_error))
        goto failed_in_transaction;
      if (current >= migration->version)
        {
          exec_sql (self->db, "COMMIT", NULL);
          continue;
        }

      set_version = g_strdup_printf ("PRAGMA user_version=%d; PRAGMA application_id=%d;",
                                     migration->version,
                                     (int)STEADY_DATABASE_APPLICATION_ID);
      if (!exec_sql (self->db, migration->sql, &local_error) ||
          !exec_sql (self->db, set_version, &local_error) ||
          !exec_sql (self->db, "COMMIT", &local_error))
        goto failed_in_transaction;
      continue;

    failed_in_transaction:
      exec_sql (self->db, "ROLLBACK", NULL);
    failed:
      if (local_error->code == STEADY_DATABASE_ERROR_FULL ||
          local_error->code == STEADY_DATABASE_ERROR_READ_ONLY)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_MIGRATION,
                     _("Steady could not update its data file to version %d; the file was left as it was. (%s)"),
                     migration->version, local_error->message);
      return FALSE;
    }

  return TRUE;
}

SteadyDatabase *
steady_database_open_with_migrations (const char             *path,
                                      const SteadyMigration  *migrations,
                                      guint                   n_migrations,
                                      GError                **error)
{
  g_autoptr(SteadyDatabase) self = NULL;
  g_autofree char *dir = NULL;
  gboolean exists = FALSE;
  int latest = n_migrations > 0 ? migrations[n_migrations - 1].version : 0;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (migrations != NULL || n_migrations == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_path_get_dirname (path);
  if (!ensure_private_dir (dir, error))
    return NULL;
  if (!check_file_header (path, &exists, error))
    return NULL;
  if (!exists && !create_private_file (path, error))
    return NULL;

  self = g_object_new (STEADY_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      steady_database_set_error_from_sqlite (error, self->db, rc, path);
      return NULL;
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (!check_ownership (self->db, path, latest, &version, error))
    return NULL;
  if (!configure_connection (self->db, error))
    return NULL;
  if (exists && !quick_check (self->db, path, error))
    return NULL;
  if (!migrate (self, version, migrations, n_migrations, error))
    return NULL;

  if (!query_int (self->db, "PRAGMA user_version", &self->schema_version, error))
    return NULL;

  return g_steal_pointer (&self);
}

SteadyDatabase *
steady_database_open (const char  *path,
                      GError     **error)
{
  const SteadyMigration *migrations;
  guint n_migrations;

  migrations = steady_schema_get_migrations (&n_migrations);
  return steady_database_open_with_migrations (path, migrations, n_migrations, error);
}

const char *
steady_database_get_path (SteadyDatabase *self)
{
  g_return_val_if_fail (STEADY_IS_DATABASE (self), NULL);

  return self->path;
}

sqlite3 *
steady_database_get_handle (SteadyDatabase *self)
{
  g_return_val_if_fail (STEADY_IS_DATABASE (self), NULL);

  return self->db;
}

int
steady_database_get_schema_version (SteadyDatabase *self)
{
  g_return_val_if_fail (STEADY_IS_DATABASE (self), 0);

  return self->schema_version;
}

gboolean
steady_database_exec (SteadyDatabase  *self,
                      const char      *sql,
                      GError         **error)
{
  g_return_val_if_fail (STEADY_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  return exec_sql (self->db, sql, error);
}

gboolean
steady_database_begin (SteadyDatabase  *self,
                       GError         **error)
{
  return steady_database_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
steady_database_commit (SteadyDatabase  *self,
                        GError         **error)
{
  if (steady_database_exec (self, "COMMIT", error))
    return TRUE;
  steady_database_rollback (self);
  return FALSE;
}

void
steady_database_rollback (SteadyDatabase *self)
{
  g_return_if_fail (STEADY_IS_DATABASE (self));

  if (!sqlite3_get_autocommit (self->db))
    exec_sql (self->db, "ROLLBACK", NULL);
}

char *
steady_database_get_backup_dir (SteadyDatabase *self)
{
  g_return_val_if_fail (STEADY_IS_DATABASE (self), NULL);

  return backup_dir_for (self->path);
}

char *
steady_database_backup_to (SteadyDatabase  *self,
                           const char      *dest_path,
                           GError         **error)
{
  g_return_val_if_fail (STEADY_IS_DATABASE (self), NULL);
  g_return_val_if_fail (dest_path != NULL, NULL);

  if (!copy_database (self->db, dest_path, error))
    return NULL;
  return g_strdup (dest_path);
}

static gboolean
is_auto_backup_name (const char *name)
{
  return g_str_has_prefix (name, AUTO_BACKUP_PREFIX) && g_str_has_suffix (name, ".db");
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
 * the time order; a copy from before a migration is listed after them. */
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
          else if (g_str_has_prefix (name, "before-v") && g_str_has_suffix (name, ".db"))
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

char *
steady_database_backup_now (SteadyDatabase  *self,
                            GError         **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dest = NULL;

  g_return_val_if_fail (STEADY_IS_DATABASE (self), NULL);

  dir = backup_dir_for (self->path);
  if (!ensure_private_dir (dir, error))
    return NULL;

  stamp = timestamp_now ();
  name = g_strdup_printf (AUTO_BACKUP_PREFIX "%s.db", stamp);
  dest = g_build_filename (dir, name, NULL);
  if (!copy_database (self->db, dest, error))
    return NULL;

  prune_backups (self->path);
  return g_steal_pointer (&dest);
}

gboolean
steady_database_backup_if_due (SteadyDatabase  *self,
                               GTimeSpan        max_age,
                               GError         **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *newest = NULL;

  g_return_val_if_fail (STEADY_IS_DATABASE (self), FALSE);

  backups = steady_database_list_backups (self->path);
  for (guint i = 0; i < backups->len && newest == NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (g_ptr_array_index (backups, i));

      if (is_auto_backup_name (name))
        newest = g_strdup (g_ptr_array_index (backups, i));
    }

  if (newest != NULL)
    {
      GStatBuf st;

      if (g_stat (newest, &st) == 0 &&
          (g_get_real_time () - (gint64)st.st_mtime * G_USEC_PER_SEC) < max_age)
        return TRUE;
    }

  g_free (steady_database_backup_now (self, error));
  return error == NULL || *error == NULL;
}

static gboolean
backup_is_good (const char *path)
{
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  int application_id = 0;
  int version = 0;
  gboolean good = FALSE;

  uri = g_strdup_printf ("file:%s?mode=ro", path);
  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK &&
      query_int (db, "PRAGMA application_id", &application_id, NULL) &&
      query_int (db, "PRAGMA user_version", &version, NULL) &&
      (guint32)application_id == STEADY_DATABASE_APPLICATION_ID &&
      version <= steady_schema_get_version ())
    good = quick_check (db, path, NULL);

  sqlite3_close_v2 (db);
  return good;
}

char *
steady_database_find_newest_good_backup (const char  *db_path,
                                         GError     **error)
{
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  backups = steady_database_list_backups (db_path);
  for (guint i = 0; i < backups->len; i++)
    {
      const char *path = g_ptr_array_index (backups, i);

      if (backup_is_good (path))
        return g_strdup (path);
    }

  g_set_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_NO_BACKUP,
               _("There is no usable backup of Steady’s data."));
  return NULL;
}

static gboolean
move_aside (const char  *path,
            const char  *suffix,
            GError     **error)
{
  g_autofree char *dest = g_strconcat (path, suffix, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (g_rename (path, dest) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_READ_ONLY,
                   _("Could not move “%s” aside: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Puts a copy of @backup_path in place of @db_path. The file it replaces, with its -wal and
 * -shm files, is renamed aside (never deleted), and its new name returned. */
gboolean
steady_database_restore_backup (const char  *db_path,
                                const char  *backup_path,
                                char       **set_aside_path,
                                GError     **error)
{
  g_autofree char *stamp = timestamp_now ();
  g_autofree char *suffix = g_strdup_printf (".damaged-%s", stamp);
  g_autofree char *uri = NULL;
  sqlite3 *src = NULL;
  int rc;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  uri = g_strdup_printf ("file:%s?mode=ro", backup_path);
  rc = sqlite3_open_v2 (uri, &src, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      steady_database_set_error_from_sqlite (error, src, rc, backup_path);
      sqlite3_close_v2 (src);
      return FALSE;
    }

  if (!move_aside (db_path, suffix, error))
    {
      sqlite3_close_v2 (src);
      return FALSE;
    }
  {
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

    move_aside (wal, suffix, NULL);
    move_aside (shm, suffix, NULL);
  }

  if (!copy_database (src, db_path, error))
    {
      sqlite3_close_v2 (src);
      return FALSE;
    }
  sqlite3_close_v2 (src);

  if (set_aside_path != NULL)
    *set_aside_path = g_strconcat (db_path, suffix, NULL);
  return TRUE;
}
