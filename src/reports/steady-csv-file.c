/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-csv-file.c: one CSV file being written, cell by cell. Text the person typed is
 * quoted when it needs to be and kept from running as a spreadsheet formula; numbers, times
 * and our own names are written as they are. Rows end in CRLF (RFC 4180). */

#define G_LOG_DOMAIN "steady-csv-file"

#include "config.h"

#include <string.h>

#include "steady-csv-file.h"

/* Spreadsheets' own byte order mark, so that Excel reads the accents right. */
#define UTF8_BOM "\xEF\xBB\xBF"

void
steady_csv_file_clear (SteadyCsvFile *csv)
{
  g_clear_pointer (&csv->file, steady_report_file_free);
  if (csv->row != NULL)
    g_string_free (csv->row, TRUE);
  csv->row = NULL;
}

/* Text typed by the user. A spreadsheet would run a cell that starts with = + - @ (or a tab
 * or carriage return before one) as a formula, so such a cell gets a leading apostrophe,
 * which spreadsheets read as "this is text". Quotes are doubled; a cell with a comma, quote
 * or line break is quoted. */
void
steady_csv_file_add_text (SteadyCsvFile *csv,
                          const char    *text)
{
  gboolean needs_quotes;

  if (csv->n_fields++ > 0)
    g_string_append_c (csv->row, ',');
  if (text == NULL || *text == '\0')
    return;

  needs_quotes = strpbrk (text, ",\"\r\n") != NULL;
  if (strchr ("=+-@\t\r", text[0]) != NULL)
    needs_quotes = TRUE;
  if (needs_quotes)
    g_string_append_c (csv->row, '"');
  if (strchr ("=+-@\t\r", text[0]) != NULL)
    g_string_append_c (csv->row, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv->row, '"');
      g_string_append_c (csv->row, *p);
    }
  if (needs_quotes)
    g_string_append_c (csv->row, '"');
}

/* A number, date or name of our own: never quoted, never a formula. */
void
steady_csv_file_add_plain (SteadyCsvFile *csv,
                           const char    *value)
{
  if (csv->n_fields++ > 0)
    g_string_append_c (csv->row, ',');
  if (value != NULL)
    g_string_append (csv->row, value);
}

/* A rating, or an empty cell for none (any negative value). */
void
steady_csv_file_add_int (SteadyCsvFile *csv,
                         gint64         value)
{
  char buffer[32];

  if (value < 0)
    {
      steady_csv_file_add_plain (csv, NULL);
      return;
    }
  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value);
  steady_csv_file_add_plain (csv, buffer);
}

void
steady_csv_file_add_bool (SteadyCsvFile *csv,
                          gboolean       value)
{
  steady_csv_file_add_plain (csv, value ? "yes" : "no");
}

/* The instant in the offset the person was in, and that local date. */
void
steady_csv_file_add_time_and_date (SteadyCsvFile *csv,
                                   gint64         time_us,
                                   int            utc_offset_s)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (utc_offset_s);
  g_autofree char *iso = steady_report_format_iso8601 (time_us, zone);
  char date[sizeof "YYYY-MM-DD"];

  g_strlcpy (date, iso, sizeof date);
  steady_csv_file_add_plain (csv, iso);
  steady_csv_file_add_plain (csv, date);
}

static gboolean
end_row (SteadyCsvFile  *csv,
         GError        **error)
{
  g_string_append (csv->row, "\r\n");
  csv->n_fields = 0;
  if (g_cancellable_set_error_if_cancelled (csv->cancellable, error))
    return FALSE;
  if (!g_output_stream_write_all (steady_report_file_get_stream (csv->file), csv->row->str,
                                  csv->row->len, NULL, csv->cancellable, error))
    return FALSE;
  g_string_truncate (csv->row, 0);
  return TRUE;
}

/* Creates the file's temporary file at @path and writes its header row. */
gboolean
steady_csv_file_open (SteadyCsvFile       *csv,
                      const char          *path,
                      const char * const  *columns,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_return_val_if_fail (csv != NULL && csv->file == NULL, FALSE);
  g_return_val_if_fail (path != NULL && columns != NULL, FALSE);

  csv->file = steady_report_file_new (path, error);
  if (csv->file == NULL)
    return FALSE;
  csv->row = g_string_new (UTF8_BOM);
  csv->cancellable = cancellable;
  for (const char * const *column = columns; *column != NULL; column++)
    steady_csv_file_add_plain (csv, *column);
  return end_row (csv, error);
}

/* A data row is complete: written out and counted. */
gboolean
steady_csv_file_end_record (SteadyCsvFile  *csv,
                            GError        **error)
{
  g_return_val_if_fail (csv != NULL && csv->file != NULL, FALSE);

  csv->count.n_rows++;
  return end_row (csv, error);
}

/* Puts the complete file in its place (see steady_report_file_commit ()). */
gboolean
steady_csv_file_commit (SteadyCsvFile  *csv,
                        GError        **error)
{
  g_return_val_if_fail (csv != NULL && csv->file != NULL, FALSE);

  return steady_report_file_commit (csv->file, csv->cancellable, error);
}

/* Seconds with one decimal, from microseconds. */
void
steady_csv_file_add_seconds (SteadyCsvFile *csv,
                             gint64         us)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  steady_csv_file_add_plain (csv, g_ascii_formatd (buffer, sizeof buffer, "%.1f",
                                                   (double) us / G_USEC_PER_SEC));
}
