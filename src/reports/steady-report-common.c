/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-report-common.c: the error domain, progress, private atomic files and ISO 8601 times
 * that the reports, exports and backups share. */

#define G_LOG_DOMAIN "steady-report-common"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "steady-report-common.h"

struct _SteadyReportFile
{
  char          *path;
  char          *tmp_path;   /* NULL once renamed or removed */
  int            fd;
  GOutputStream *stream;     /* buffered, over the temporary file's descriptor */
};

G_DEFINE_QUARK (steady-report-error-quark, steady_report_error)

void
steady_report_progress (SteadyReportProgressFunc progress,
                        gpointer                 user_data,
                        double                   fraction)
{
  if (progress != NULL)
    progress (CLAMP (fraction, 0.0, 1.0), user_data);
}

static void
set_file_error (GError     **error,
                int          saved_errno,
                const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: %s are a file's name and the system's explanation. */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
}

SteadyReportFile *
steady_report_file_new (const char  *path,
                        GError     **error)
{
  g_autoptr(SteadyReportFile) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_file_error (error, EISDIR, path);
      return NULL;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  self = g_new0 (SteadyReportFile, 1);
  self->fd = -1;
  self->path = g_strdup (path);
  /* Hidden and in the same folder, so that the final rename is atomic. */
  self->tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  self->fd = g_mkstemp_full (self->tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (self->fd < 0)
    {
      set_file_error (error, errno, path);
      g_clear_pointer (&self->tmp_path, g_free);
      return NULL;
    }
  /* The mode given to mkstemp is already 0600; this makes it so whatever the umask. */
  if (fchmod (self->fd, 0600) != 0)
    {
      set_file_error (error, errno, path);
      return NULL;
    }
  {
    g_autoptr(GOutputStream) raw = g_unix_output_stream_new (self->fd, FALSE);

    self->stream = g_buffered_output_stream_new_sized (raw, 64 * 1024);
  }
  return g_steal_pointer (&self);
}

GOutputStream *
steady_report_file_get_stream (SteadyReportFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->stream;
}

static void
sync_dir_of (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  /* Only makes the rename itself durable; the data is already on disk. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

gboolean
steady_report_file_commit (SteadyReportFile  *self,
                           GCancellable      *cancellable,
                           GError           **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->tmp_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!g_output_stream_flush (self->stream, cancellable, error))
    return FALSE;
  if (fsync (self->fd) != 0)
    {
      set_file_error (error, errno, self->path);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (g_rename (self->tmp_path, self->path) != 0)
    {
      set_file_error (error, errno, self->path);
      return FALSE;
    }
  g_clear_pointer (&self->tmp_path, g_free);
  sync_dir_of (self->path);
  return TRUE;
}

void
steady_report_file_free (SteadyReportFile *self)
{
  if (self == NULL)
    return;

  /* Any buffered bytes go to the temporary file, which goes away right after. */
  g_clear_object (&self->stream);
  if (self->fd >= 0)
    close (self->fd);
  if (self->tmp_path != NULL)
    g_unlink (self->tmp_path);
  g_free (self->tmp_path);
  g_free (self->path);
  g_free (self);
}

gboolean
steady_report_write_file (const char    *path,
                          const void    *data,
                          gsize          length,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(SteadyReportFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = steady_report_file_new (path, error);
  if (file == NULL)
    return FALSE;
  if (!g_output_stream_write_all (file->stream, data, length, NULL, cancellable, error))
    return FALSE;
  return steady_report_file_commit (file, cancellable, error);
}

/* "2026-03-29T10:00:00+02:00": seconds precision, and always an offset (never "Z"), which
 * spreadsheets and people read alike. */
char *
steady_report_format_iso8601 (gint64     time_us,
                              GTimeZone *zone)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) there = NULL;

  if (zone == NULL)
    zone = local = g_time_zone_new_local ();
  utc = g_date_time_new_from_unix_utc (time_us / G_USEC_PER_SEC
                                       - (time_us % G_USEC_PER_SEC < 0 ? 1 : 0));
  g_return_val_if_fail (utc != NULL, NULL);
  there = g_date_time_to_timezone (utc, zone);
  return g_date_time_format (there, "%Y-%m-%dT%H:%M:%S%:z");
}

/**
 * steady_report_prepare_range:
 * @sql: a query whose ?1 and ?2 are the start and end of a half-open range in UTC µs
 *
 * Returns: (transfer full): the statement with the range bound, or %NULL with @error set
 */
sqlite3_stmt *
steady_report_prepare_range (SteadyDatabase  *database,
                             const char      *sql,
                             gint64           from_us,
                             gint64           to_us,
                             GError         **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  db = steady_database_get_handle (database);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      steady_database_set_error_from_sqlite (error, db, rc, _("reading the records to export"));
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, from_us);
  sqlite3_bind_int64 (stmt, 2, to_us);
  return stmt;
}

/* Finalizes @stmt after its last step gave @rc: TRUE when the rows were all read. */
gboolean
steady_report_finish (SteadyDatabase  *database,
                      sqlite3_stmt    *stmt,
                      int              rc,
                      GError         **error)
{
  g_return_val_if_fail (STEADY_IS_DATABASE (database), FALSE);

  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  steady_database_set_error_from_sqlite (error, steady_database_get_handle (database), rc,
                                         _("reading the records to export"));
  return FALSE;
}
