/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-database.c: opens the user's SQLite file safely — checks that it is ours, sets the
 * connection up for durability, and migrates it with a copy kept aside. Backups are in
 * steady-database-backup.c. */

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
#include "steady-database-private.h"
#include "steady-schema.h"

#define BUSY_TIMEOUT_MS        5000

/* Offsets in the 100-byte header of a SQLite file and in the b-tree header of page 1 that
 * follows it, as described in SQLite's file format documentation. */
#define HEADER_MAGIC           "SQLite format 3"
#define HEADER_PAGE_SIZE       16
#define HEADER_USER_VERSION    60
#define HEADER_APPLICATION_ID  68
#define PAGE1_BTREE_TYPE       100
#define PAGE1_CELL_COUNT       103
#define HEADER_BYTES_READ      105
#define BTREE_TABLE_LEAF       0x0d
#define SMALLEST_DATABASE      512

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

SteadyDatabaseError
steady_database_error_code_from_errno (int saved_errno)
{
  switch (saved_errno)
    {
    case ENOSPC:
    case EDQUOT:
      return STEADY_DATABASE_ERROR_FULL;
    case EACCES:
    case EPERM:
    case EROFS:
    case ENOTDIR:
    case EEXIST:
      return STEADY_DATABASE_ERROR_READ_ONLY;
    default:
      return STEADY_DATABASE_ERROR_FAILED;
    }
}

static SteadyDatabaseError
error_code_from_sqlite (sqlite3 *db,
                        int      rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      return STEADY_DATABASE_ERROR_FULL;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return STEADY_DATABASE_ERROR_READ_ONLY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return STEADY_DATABASE_ERROR_CORRUPT;
    case SQLITE_IOERR:
      /* SQLite reports a failed fsync or a short read as an I/O error; what the system
       * said underneath tells a full disk or a read-only mount apart from a broken one. */
      return steady_database_error_code_from_errno (db != NULL ? sqlite3_system_errno (db) : 0);
    default:
      return STEADY_DATABASE_ERROR_FAILED;
    }
}

void
steady_database_set_error_from_sqlite (GError     **error,
                                       sqlite3     *db,
                                       int          rc,
                                       const char  *what)
{
  const char *detail;

  g_return_if_fail (rc != SQLITE_OK);
  g_return_if_fail (what != NULL);

  detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  /* @what is often a file's full path: it goes to the debug log, never into the words the
   * person reads (a shared screen, a screenshot sent for help). */
  g_debug ("%s: %s (SQLite %d, system error %d)", what, detail, rc,
           db != NULL ? sqlite3_system_errno (db) : 0);
  switch (error_code_from_sqlite (db, rc))
    {
    case STEADY_DATABASE_ERROR_FULL:
      g_set_error_literal (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_FULL,
                           _("The disk is full, so Steady could not save your changes."));
      break;
    case STEADY_DATABASE_ERROR_READ_ONLY:
      g_set_error_literal (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_READ_ONLY,
                           _("Steady cannot write to your journal file or to the folder it "
                             "is in."));
      break;
    case STEADY_DATABASE_ERROR_CORRUPT:
      g_set_error_literal (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_CORRUPT,
                           _("Your journal file is damaged."));
      break;
    case STEADY_DATABASE_ERROR_NOT_OURS:
    case STEADY_DATABASE_ERROR_TOO_NEW:
    case STEADY_DATABASE_ERROR_MIGRATION:
    case STEADY_DATABASE_ERROR_NO_BACKUP:
    case STEADY_DATABASE_ERROR_FAILED:
    default:
      /* Translators: %s is SQLite's explanation, in English. */
      g_set_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_FAILED,
                   _("Steady could not use your journal file (%s)."), detail);
      break;
    }
}

/* Names the file an error happened in, for the debug log; a connection to a temporary
 * database has none. */
static const char *
describe_connection (sqlite3 *db)
{
  const char *name = sqlite3_db_filename (db, "main");

  return name != NULL && *name != '\0' ? name : "temporary database";
}

void
steady_database_set_error_not_ours (GError     **error,
                                    const char  *path)
{
  g_debug ("Not a Steady database: %s", path);
  g_set_error_literal (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_NOT_OURS,
                       _("The file where Steady keeps your journal belongs to another "
                         "program. It was left as it is."));
}

void
steady_database_set_error_too_new (GError     **error,
                                   const char  *path,
                                   int          version,
                                   int          latest_version)
{
  g_debug ("Data version %d, newer than %d: %s", version, latest_version, path);
  g_set_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_TOO_NEW,
               _("Your journal file was written by a newer version of Steady (data version "
                 "%d; this version understands up to %d). Please update Steady. The file was "
                 "left as it is."),
               version, latest_version);
}

static void
set_error_not_a_database (GError     **error,
                          const char  *path)
{
  g_debug ("Not a database, or damaged in its header: %s", path);
  g_set_error_literal (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_CORRUPT,
                       _("The file where Steady keeps your journal is not a database at all, "
                         "or it is badly damaged. It was left as it is."));
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

/* Makes @dir if needed and takes away any access by others. A folder the user made
 * read-only for themselves is left so: opening then fails with a clear message. */
gboolean
steady_database_ensure_private_dir (const char  *dir,
                                    GError     **error)
{
  GStatBuf st;

  if (g_mkdir_with_parents (dir, 0700) != 0 || g_stat (dir, &st) != 0 ||
      ((st.st_mode & 077) != 0 && g_chmod (dir, st.st_mode & 0700) != 0))
    {
      int saved_errno = errno;

      g_debug ("Could not make %s private: %s", dir, g_strerror (saved_errno));
      /* Translators: %s is the system's reason, e.g. "Permission denied". */
      g_set_error (error, STEADY_DATABASE_ERROR,
                   steady_database_error_code_from_errno (saved_errno),
                   _("Could not create a folder for your journal: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Creates an empty file with mode 0600 (or makes an empty one 0600), so that SQLite, which
 * gives its -wal, -shm and -journal files the mode of the database file, never makes
 * anything readable by others whatever the umask. */
gboolean
steady_database_create_private_file (const char  *path,
                                     GError     **error)
{
  int fd = g_open (path, O_CREAT | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0600);

  if (fd < 0 || fchmod (fd, 0600) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_debug ("Could not create %s: %s", path, g_strerror (saved_errno));
      /* Translators: %s is the system's reason, e.g. "Permission denied". */
      g_set_error (error, STEADY_DATABASE_ERROR,
                   steady_database_error_code_from_errno (saved_errno),
                   _("Could not create your journal file: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* A file that is ours but came from elsewhere (copied back by hand, say) loses any access
 * by others, and so do the -wal and -shm files SQLite will derive from it. */
static void
make_private (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      GStatBuf st;

      if (g_stat (file, &st) == 0 && (st.st_mode & 077) != 0)
        g_chmod (file, st.st_mode & 0600);
    }
}

/* Flushes a folder, so that a file just renamed into it keeps its name after a power cut.
 * Best effort: the file itself is already durable, and a folder that cannot be opened for
 * this is no reason to call a finished copy failed. */
void
steady_database_sync_dir (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

gboolean
steady_database_query_int (sqlite3     *db,
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
      steady_database_set_error_from_sqlite (error, db, rc == SQLITE_DONE ? SQLITE_ERROR : rc,
                                             describe_connection (db));
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
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      steady_database_set_error_from_sqlite (error, db, rc, describe_connection (db));
      return FALSE;
    }
  return TRUE;
}

static guint32
read_be32 (const guint8 *bytes)
{
  return (guint32)bytes[0] << 24 | (guint32)bytes[1] << 16 | (guint32)bytes[2] << 8 | bytes[3];
}

/* A power of two from 512 to 65536; 65536 is stored as 1. */
static gboolean
has_valid_page_size (const guint8 *header)
{
  guint page_size = (guint)header[HEADER_PAGE_SIZE] << 8 | header[HEADER_PAGE_SIZE + 1];

  if (page_size == 1)
    return TRUE;
  return page_size >= 512 && (page_size & (page_size - 1)) == 0;
}

/* Reads the file's header without SQLite, so that a file that is not ours, or not a
 * database at all, is refused before anything could write to it: SQLite may create -wal
 * and -shm files, or roll back a journal, merely to read. The header can lag behind a
 * -wal file, so what passes here is checked again through SQLite. A missing or empty file
 * is a new database (*out_exists is FALSE). */
static gboolean
check_file_header (const char  *path,
                   int          latest_version,
                   gboolean    *out_exists,
                   GError     **error)
{
  guint8 header[HEADER_BYTES_READ] = { 0 };
  guint32 application_id;
  guint32 user_version;
  gboolean has_schema;
  GStatBuf st;
  FILE *file;
  size_t n_read;

  *out_exists = FALSE;
  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return TRUE;
      g_debug ("Could not read %s: %s", path, g_strerror (saved_errno));
      /* Translators: %s is the system's reason, e.g. "Permission denied". */
      g_set_error (error, STEADY_DATABASE_ERROR,
                   steady_database_error_code_from_errno (saved_errno),
                   _("Could not read your journal file: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_debug ("Not a regular file: %s", path);
      g_set_error_literal (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_FAILED,
                           _("Where Steady keeps your journal file there is a folder or a "
                             "device instead. It was left as it is."));
      return FALSE;
    }
  if (st.st_size == 0)
    return TRUE;

  file = g_fopen (path, "rbe");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_debug ("Could not read %s: %s", path, g_strerror (saved_errno));
      /* Translators: %s is the system's reason, e.g. "Permission denied". */
      g_set_error (error, STEADY_DATABASE_ERROR,
                   steady_database_error_code_from_errno (saved_errno),
                   _("Could not read your journal file: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  n_read = fread (header, 1, sizeof header, file);
  fclose (file);

  if (st.st_size < SMALLEST_DATABASE || n_read != sizeof header ||
      memcmp (header, HEADER_MAGIC, sizeof HEADER_MAGIC) != 0 || !has_valid_page_size (header))
    {
      set_error_not_a_database (error, path);
      return FALSE;
    }

  application_id = read_be32 (header + HEADER_APPLICATION_ID);
  user_version = read_be32 (header + HEADER_USER_VERSION);
  has_schema = header[PAGE1_BTREE_TYPE] != BTREE_TABLE_LEAF ||
               header[PAGE1_CELL_COUNT] != 0 || header[PAGE1_CELL_COUNT + 1] != 0;

  if (application_id == 0 && user_version == 0 && !has_schema)
    {
      /* An empty database, such as one whose creation was interrupted: ours to set up. */
      *out_exists = TRUE;
      return TRUE;
    }
  if (application_id != STEADY_DATABASE_APPLICATION_ID)
    {
      steady_database_set_error_not_ours (error, path);
      return FALSE;
    }
  if (user_version > (guint32)latest_version)
    {
      steady_database_set_error_too_new (error, path, (int)MIN (user_version, G_MAXINT),
                                         latest_version);
      return FALSE;
    }

  *out_exists = TRUE;
  return TRUE;
}

/* The same checks as check_file_header(), through SQLite, which also sees the -wal file. */
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

  if (!steady_database_query_int (db, "PRAGMA application_id", &application_id, error) ||
      !steady_database_query_int (db, "PRAGMA user_version", &user_version, error) ||
      !steady_database_query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  if (application_id == 0 && user_version == 0 && n_objects == 0)
    {
      *out_version = 0;
      return TRUE;
    }
  if ((guint32)application_id != STEADY_DATABASE_APPLICATION_ID)
    {
      steady_database_set_error_not_ours (error, path);
      return FALSE;
    }
  if (user_version > latest_version)
    {
      steady_database_set_error_too_new (error, path, user_version, latest_version);
      return FALSE;
    }

  *out_version = user_version;
  return TRUE;
}

/* SQLite quietly opens a file it may not write read-only; Steady would then fail at the
 * first save, long after the user started typing. */
static gboolean
check_writable (sqlite3     *db,
                const char  *path,
                GError     **error)
{
  if (sqlite3_db_readonly (db, "main") != 1)
    return TRUE;

  g_debug ("Opened read-only: %s", path);
  g_set_error_literal (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_READ_ONLY,
                       _("Steady cannot write to your journal file. Check that the file and "
                         "its folder belong to you and can be written."));
  return FALSE;
}

gboolean
steady_database_quick_check (sqlite3     *db,
                             const char  *path,
                             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    ok = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;
  else
    steady_database_set_error_from_sqlite (error, db, rc == SQLITE_DONE ? SQLITE_ERROR : rc,
                                           path);
  sqlite3_finalize (stmt);

  if (rc == SQLITE_ROW && !ok)
    {
      g_debug ("quick_check failed: %s", path);
      g_set_error_literal (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_CORRUPT,
                           _("Your journal file is damaged."));
    }
  return ok;
}

static gboolean
configure_connection (sqlite3     *db,
                      GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean is_wal = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA journal_mode=WAL", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    is_wal = g_ascii_strcasecmp ((const char *)sqlite3_column_text (stmt, 0), "wal") == 0;
  if (rc != SQLITE_ROW)
    steady_database_set_error_from_sqlite (error, db, rc == SQLITE_DONE ? SQLITE_ERROR : rc,
                                           describe_connection (db));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return FALSE;
  if (!is_wal)
    {
      g_debug ("No write-ahead logging: %s", describe_connection (db));
      g_set_error_literal (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_FAILED,
                           _("Your journal file could not be switched to write-ahead "
                             "logging."));
      return FALSE;
    }

  /* temp_store keeps the text of sorts and big queries out of temporary files on disk. */
  return exec_sql (db,
                   "PRAGMA synchronous=FULL;"
                   "PRAGMA foreign_keys=ON;"
                   "PRAGMA secure_delete=ON;"
                   "PRAGMA temp_store=MEMORY;",
                   error);
}

/* Closes a connection to a file that open refused. A -wal file that was there before holds
 * data of the file's owner: it is neither checkpointed into the file nor deleted. One that
 * SQLite created just now is empty, and SQLite removes it again on close. */
static void
close_refused (sqlite3  *db,
               gboolean  had_wal)
{
  if (had_wal)
    sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_close_v2 (db);
}

/* Runs @sql, keeping SQLite's own words for what went wrong in @detail. */
static int
exec_keeping_detail (sqlite3     *db,
                     const char  *sql,
                     char       **detail)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    *detail = g_strdup (sqlite3_errmsg (db));
  return rc;
}

/* Runs one migration in its own transaction. Foreign keys are off meanwhile (SQLite's
 * advice for schema changes that rebuild tables) and checked before the commit. Returns
 * SQLITE_OK, or the failure's code with SQLite's explanation in @detail. */
static int
run_migration (sqlite3                *db,
               const SteadyMigration  *migration,
               char                  **detail)
{
  g_autofree char *set_version = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean already_done = FALSE;
  int rc;

  rc = exec_keeping_detail (db, "BEGIN IMMEDIATE", detail);
  if (rc != SQLITE_OK)
    return rc;

  /* Another process (the reminder daemon) may have migrated meanwhile. */
  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    already_done = sqlite3_column_int (stmt, 0) >= migration->version;
  else
    *detail = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    goto failed;
  if (already_done)
    return exec_keeping_detail (db, "COMMIT", detail);

  rc = exec_keeping_detail (db, migration->sql, detail);
  if (rc != SQLITE_OK)
    goto failed;

  rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *detail = g_strdup_printf ("a row of table %s refers to a row that does not exist",
                                 (const char *)sqlite3_column_text (stmt, 0));
      rc = SQLITE_CONSTRAINT_FOREIGNKEY;
    }
  else if (rc != SQLITE_DONE)
    {
      *detail = g_strdup (sqlite3_errmsg (db));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  set_version = g_strdup_printf ("PRAGMA user_version=%d; PRAGMA application_id=%d; COMMIT;",
                                 migration->version, (int)STEADY_DATABASE_APPLICATION_ID);
  rc = exec_keeping_detail (db, set_version, detail);
  if (rc == SQLITE_OK)
    return SQLITE_OK;

failed:
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_ERROR : rc;
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
  if (from_version > 0 &&
      !steady_database_keep_copy_before_migration (self->db, self->path,
                                                   migrations[n_migrations - 1].version,
                                                   error))
    return FALSE;

  if (!exec_sql (self->db, "PRAGMA foreign_keys=OFF", error))
    return FALSE;

  for (guint i = 0; i < n_migrations; i++)
    {
      g_autofree char *detail = NULL;
      SteadyDatabaseError code;
      int rc;

      if (migrations[i].version <= from_version)
        continue;
      rc = run_migration (self->db, &migrations[i], &detail);
      if (rc == SQLITE_OK)
        continue;

      exec_sql (self->db, "PRAGMA foreign_keys=ON", NULL);
      code = error_code_from_sqlite (self->db, rc);
      /* A full disk or a read-only file is said as such; the file is intact either way. */
      if (code == STEADY_DATABASE_ERROR_FULL || code == STEADY_DATABASE_ERROR_READ_ONLY)
        steady_database_set_error_from_sqlite (error, NULL, rc, self->path);
      else
        {
          g_debug ("Migration to %d failed: %s", migrations[i].version, self->path);
          /* Translators: %d is a data version; %s is SQLite's explanation, in English. */
          g_set_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_MIGRATION,
                       _("Steady could not update your journal file to version %d; the file "
                         "was left as it was. (%s)"),
                       migrations[i].version, detail);
        }
      return FALSE;
    }

  return exec_sql (self->db, "PRAGMA foreign_keys=ON", error);
}

/* Each migration takes the file from version - 1 to version, starting from an empty file. */
static gboolean
migrations_are_ordered (const SteadyMigration *migrations,
                        guint                  n_migrations)
{
  for (guint i = 0; i < n_migrations; i++)
    {
      if (migrations[i].version != (int)i + 1 || migrations[i].sql == NULL)
        return FALSE;
    }
  return TRUE;
}

static SteadyDatabase *
open_database (const char             *path,
               const SteadyMigration  *migrations,
               guint                   n_migrations,
               gboolean                defer_check,
               GError                **error)
{
  g_autoptr(SteadyDatabase) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *wal_path = NULL;
  sqlite3 *db = NULL;
  gboolean exists = FALSE;
  gboolean had_wal;
  int latest = n_migrations > 0 ? migrations[n_migrations - 1].version : 0;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (migrations != NULL || n_migrations == 0, NULL);
  g_return_val_if_fail (migrations_are_ordered (migrations, n_migrations), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_path_get_dirname (path);
  if (!steady_database_ensure_private_dir (dir, error))
    return NULL;
  if (!check_file_header (path, latest, &exists, error))
    return NULL;
  if (!exists && !steady_database_create_private_file (path, error))
    return NULL;

  wal_path = g_strconcat (path, "-wal", NULL);
  had_wal = g_file_test (wal_path, G_FILE_TEST_EXISTS);

  rc = sqlite3_open_v2 (path, &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      steady_database_set_error_from_sqlite (error, db, rc, path);
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  /* A deferred check still runs here when the file is about to be migrated: a damaged file
   * must never be changed. */
  if (!check_writable (db, path, error) ||
      !check_ownership (db, path, latest, &version, error) ||
      (exists && (!defer_check || version < latest) &&
       !steady_database_quick_check (db, path, error)))
    {
      close_refused (db, had_wal);
      return NULL;
    }

  self = g_object_new (STEADY_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->db = db;

  if (!configure_connection (self->db, error))
    return NULL;
  make_private (path);
  if (!migrate (self, version, migrations, n_migrations, error))
    return NULL;
  if (!steady_database_query_int (self->db, "PRAGMA user_version", &self->schema_version, error))
    return NULL;

  return g_steal_pointer (&self);
}

SteadyDatabase *
steady_database_open_with_migrations (const char             *path,
                                      const SteadyMigration  *migrations,
                                      guint                   n_migrations,
                                      GError                **error)
{
  return open_database (path, migrations, n_migrations, FALSE, error);
}

/* Like steady_database_open(), but leaves PRAGMA quick_check, which reads the whole file
 * (about 0.1 s for twenty years of entries), to steady_database_check(), so a window can show
 * first. The check still runs before a migration. The caller must run the check soon and
 * stop using the database when it fails. */
SteadyDatabase *
steady_database_open_deferring_check (const char  *path,
                                      GError     **error)
{
  const SteadyMigration *migrations;
  guint n_migrations;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  migrations = steady_schema_get_migrations (&n_migrations);
  return open_database (path, migrations, n_migrations, TRUE, error);
}

/* Runs PRAGMA quick_check on a connection of its own, so it may run in a worker thread while
 * the application keeps using @self. */
gboolean
steady_database_check (SteadyDatabase  *self,
                       GError         **error)
{
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (STEADY_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rc = sqlite3_open_v2 (self->path, &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      steady_database_set_error_from_sqlite (error, db, rc, self->path);
      sqlite3_close_v2 (db);
      return FALSE;
    }
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  ok = steady_database_quick_check (db, self->path, error);
  sqlite3_close_v2 (db);
  return ok;
}

SteadyDatabase *
steady_database_open (const char  *path,
                      GError     **error)
{
  const SteadyMigration *migrations;
  guint n_migrations;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

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
  g_return_val_if_fail (STEADY_IS_DATABASE (self), FALSE);

  return exec_sql (self->db, "BEGIN IMMEDIATE", error);
}

gboolean
steady_database_commit (SteadyDatabase  *self,
                        GError         **error)
{
  g_return_val_if_fail (STEADY_IS_DATABASE (self), FALSE);

  if (exec_sql (self->db, "COMMIT", error))
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
