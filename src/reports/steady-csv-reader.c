/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-csv-reader.c: an RFC 4180 reader that accepts what spreadsheets and apps really
 * write (LF or CRLF line ends, a UTF-8 byte order mark) and refuses the rest in words. */

#define G_LOG_DOMAIN "steady-csv-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-csv-reader.h"
#include "steady-report-common.h"

struct _SteadyCsvReader
{
  const char *data;     /* not owned; the caller keeps it for the reader's life */
  gsize       length;
  gsize       pos;
  guint       line;     /* 1-based line the next row starts on */
  guint       row_line; /* line the current row started on */
  GPtrArray  *fields;   /* (element-type utf8) the current row */
  GString    *field;
};

SteadyCsvReader *
steady_csv_reader_new (const char  *data,
                       gsize        length,
                       GError     **error)
{
  SteadyCsvReader *self;
  const char *end = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > STEADY_CSV_MAX_FILE_BYTES)
    {
      /* Translators: %d is a size in megabytes. */
      g_set_error (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_INVALID_FILE,
                   _("The file is larger than %d MB, which is more than any export Steady "
                     "can read."), STEADY_CSV_MAX_FILE_BYTES / (1024 * 1024));
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, &end))
    {
      g_set_error (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_INVALID_FILE,
                   /* Translators: %lu counts bytes from the start of the file, 1 first. */
                   _("The file is not UTF-8 text: its byte %lu cannot be read."),
                   (unsigned long) (end - data) + 1);
      return NULL;
    }

  self = g_new0 (SteadyCsvReader, 1);
  self->data = data;
  self->length = length;
  self->line = 1;
  self->fields = g_ptr_array_new_with_free_func (g_free);
  self->field = g_string_new (NULL);
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    self->pos = 3;
  return self;
}

static gboolean
end_field (SteadyCsvReader  *self,
           GError          **error)
{
  if (self->fields->len >= STEADY_CSV_MAX_FIELDS)
    {
      /* Translators: %u is a line number, %d a number of columns. */
      g_set_error (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_INVALID_FILE,
                   _("Line %u has more than %d columns."), self->row_line,
                   STEADY_CSV_MAX_FIELDS);
      return FALSE;
    }
  g_ptr_array_add (self->fields, g_strndup (self->field->str, self->field->len));
  g_string_truncate (self->field, 0);
  return TRUE;
}

/* A quoted field, from just after its opening quote to just after its closing one. */
static gboolean
read_quoted (SteadyCsvReader  *self,
             GError          **error)
{
  guint opened_on = self->line;

  while (self->pos < self->length)
    {
      char c = self->data[self->pos++];

      if (c == '"')
        {
          if (self->pos < self->length && self->data[self->pos] == '"')
            {
              g_string_append_c (self->field, '"');
              self->pos++;
              continue;
            }
          return TRUE;
        }
      if (c == '\n')
        self->line++;
      g_string_append_c (self->field, c);
    }
  /* Translators: %u is the line where an unfinished quoted value starts. */
  g_set_error (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_INVALID_FILE,
               _("A quoted value that starts on line %u never ends: the file is cut short "
                 "or damaged."), opened_on);
  return FALSE;
}

/* Reads the next row. Returns FALSE at the end of the file (with @error unset) or on a
 * malformed row (with @error set). Empty lines are skipped. */
gboolean
steady_csv_reader_next_row (SteadyCsvReader  *self,
                            GError          **error)
{
  gboolean quoted = FALSE;   /* the current field was quoted and has ended */
  gboolean started = FALSE;  /* anything of this row was read */

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_ptr_array_set_size (self->fields, 0);
  g_string_truncate (self->field, 0);

  /* Blank lines between rows carry nothing. */
  while (self->pos < self->length
         && (self->data[self->pos] == '\n' || self->data[self->pos] == '\r'))
    {
      if (self->data[self->pos] == '\n')
        self->line++;
      self->pos++;
    }
  if (self->pos >= self->length)
    return FALSE;

  self->row_line = self->line;
  while (self->pos < self->length)
    {
      char c = self->data[self->pos];

      if (c == ',')
        {
          self->pos++;
          if (!end_field (self, error))
            return FALSE;
          quoted = FALSE;
          started = TRUE;
          continue;
        }
      if (c == '\n' || (c == '\r' && self->pos + 1 < self->length
                        && self->data[self->pos + 1] == '\n'))
        {
          self->pos += c == '\r' ? 2 : 1;
          self->line++;
          break;
        }
      if (quoted)
        {
          /* Translators: %u is a line number. */
          g_set_error (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_INVALID_FILE,
                       _("Line %u has text right after a closing quote."), self->line);
          return FALSE;
        }
      if (c == '"' && self->field->len == 0)
        {
          self->pos++;
          if (!read_quoted (self, error))
            return FALSE;
          quoted = TRUE;
          started = TRUE;
          continue;
        }
      /* A quote inside an unquoted value is taken as it is, as spreadsheets do. */
      g_string_append_c (self->field, c);
      self->pos++;
      started = TRUE;
    }
  g_assert (started);
  return end_field (self, error);
}

guint
steady_csv_reader_get_n_fields (SteadyCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->fields->len;
}

const char *
steady_csv_reader_get_field (SteadyCsvReader *self,
                             guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->fields->len, NULL);

  return g_ptr_array_index (self->fields, index);
}

/* The line the current row starts on, for messages. */
guint
steady_csv_reader_get_line (SteadyCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->row_line;
}

void
steady_csv_reader_free (SteadyCsvReader *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->fields);
  g_string_free (self->field, TRUE);
  g_free (self);
}
