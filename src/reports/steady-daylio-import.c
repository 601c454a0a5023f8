/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-daylio-import.c: Daylio's CSV export (columns full_date, date, weekday, time, mood,
 * activities, note_title, note) to journal entries. The whole file is checked before
 * anything is written; each row gets a UUID derived from its contents, so importing the
 * same file again adds nothing twice. */

#define G_LOG_DOMAIN "steady-daylio-import"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-csv-reader.h"
#include "steady-daylio-import.h"
#include "steady-journal-common.h"
#include "steady-report-range.h"

/* The columns an export must have, and those it may have. */
enum { COL_FULL_DATE, COL_TIME, COL_MOOD, COL_ACTIVITIES, COL_NOTE_TITLE, COL_NOTE, N_COLS };
static const char * const column_names[N_COLS] = {
  "full_date", "time", "mood", "activities", "note_title", "note",
};
#define N_REQUIRED_COLS 3

/* Daylio's five built-in moods, best first, onto our 1–5 scale. */
static const struct
{
  const char *name;
  int         mood;
} builtin_moods[] = {
  { "rad", 5 }, { "good", 4 }, { "meh", 3 }, { "bad", 2 }, { "awful", 1 },
};

typedef struct
{
  char      *uuid;
  GDateTime *time;
  char      *mood_key;     /* casefolded mood name */
  char     **activities;   /* cleaned tag names */
  char      *note;
} Row;

struct _SteadyDaylioImport
{
  GPtrArray  *rows;           /* (element-type Row) */
  GHashTable *moods;          /* casefolded name → GINT_TO_POINTER (1–5, or 0 to skip) */
  GPtrArray  *unknown_moods;  /* (element-type utf8) names as written, first seen first */
};

static void
row_free (Row *row)
{
  g_free (row->uuid);
  g_clear_pointer (&row->time, g_date_time_unref);
  g_free (row->mood_key);
  g_strfreev (row->activities);
  g_free (row->note);
  g_free (row);
}

void
steady_daylio_import_free (SteadyDaylioImport *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->rows);
  g_hash_table_unref (self->moods);
  g_ptr_array_unref (self->unknown_moods);
  g_free (self);
}

static void
set_line_error (GError     **error,
                guint        line,
                const char  *problem)
{
  /* Translators: %u is a line of the file, %s what is wrong there. Nothing was imported. */
  g_set_error (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_INVALID_FILE,
               _("Line %u: %s Nothing was imported."), line, problem);
}

/* The column of each name in the header, or -1. */
static gboolean
read_header (SteadyCsvReader  *reader,
             int               columns[N_COLS],
             GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  for (guint i = 0; i < N_COLS; i++)
    columns[i] = -1;
  if (steady_csv_reader_next_row (reader, &local_error))
    {
      for (guint i = 0; i < steady_csv_reader_get_n_fields (reader); i++)
        {
          g_autofree char *name = g_strstrip (g_ascii_strdown (steady_csv_reader_get_field (reader,
                                                                                        i), -1));

          for (guint c = 0; c < N_COLS; c++)
            {
              if (columns[c] < 0 && strcmp (name, column_names[c]) == 0)
                columns[c] = (int) i;
            }
        }
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  for (guint c = 0; c < N_REQUIRED_COLS; c++)
    {
      if (columns[c] < 0)
        {
          g_set_error_literal (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_INVALID_FILE,
                               _("This is not a Daylio export: its first line does not name "
                                 "the columns full_date, time and mood. Nothing was "
                                 "imported."));
          return FALSE;
        }
    }
  return TRUE;
}

/* Whether the first line of @data is a Daylio header, to tell it from other files. */
gboolean
steady_daylio_looks_like (const char *data,
                          gsize       length)
{
  g_autoptr(SteadyCsvReader) reader = NULL;
  int columns[N_COLS];
  const char *end;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  /* The header is all that is needed. */
  end = memchr (data, '\n', length);
  if (end != NULL)
    length = end - data;
  reader = steady_csv_reader_new (data, length, NULL);
  return reader != NULL && read_header (reader, columns, NULL);
}

/* "20:30", "8:30", "8:30 PM", "08:30:15 am" → hours, minutes and seconds. */
static gboolean
parse_time (const char *text,
            int        *out_hour,
            int        *out_minute,
            int        *out_second)
{
  int hour = 0, minute = 0, second = 0;
  const char *p = text;
  int n;

  while (*p == ' ')
    p++;
  for (n = 0; g_ascii_isdigit (*p) && n < 2; n++, p++)
    hour = hour * 10 + (*p - '0');
  if (n == 0 || *p++ != ':')
    return FALSE;
  for (n = 0; g_ascii_isdigit (*p) && n < 2; n++, p++)
    minute = minute * 10 + (*p - '0');
  if (n != 2)
    return FALSE;
  if (*p == ':')
    {
      p++;
      for (n = 0; g_ascii_isdigit (*p) && n < 2; n++, p++)
        second = second * 10 + (*p - '0');
      if (n != 2)
        return FALSE;
    }
  while (*p == ' ')
    p++;
  if (*p != '\0')
    {
      gboolean pm;

      if (g_ascii_strcasecmp (p, "am") == 0)
        pm = FALSE;
      else if (g_ascii_strcasecmp (p, "pm") == 0)
        pm = TRUE;
      else
        return FALSE;
      if (hour < 1 || hour > 12)
        return FALSE;
      hour = hour % 12 + (pm ? 12 : 0);
    }
  if (hour > 23 || minute > 59 || second > 59)
    return FALSE;
  *out_hour = hour;
  *out_minute = minute;
  *out_second = second;
  return TRUE;
}

/* A name-based UUID (RFC 4122 version 5 layout over SHA-1) from everything the row says. */
static char *
row_uuid (SteadyCsvReader *reader,
          const int        columns[N_COLS])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (checksum, (const guchar *) "steady:daylio-import", -1);
  for (guint c = 0; c < N_COLS; c++)
    {
      const char *value = columns[c] >= 0 ? steady_csv_reader_get_field (reader, columns[c]) : "";

      g_checksum_update (checksum, (const guchar *) "\0", 1);
      g_checksum_update (checksum, (const guchar *) value, -1);
    }
  g_checksum_get_digest (checksum, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

static char **
split_activities (const char  *text,
                  guint        line,
                  GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, "|", -1);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *name = steady_journal_sanitize_name (parts[i], -1);
      char *key;

      if (*name == '\0')
        continue;
      if (g_utf8_strlen (name, -1) > STEADY_JOURNAL_NAME_MAX_CHARS)
        {
          g_autofree char *problem = NULL;

          /* Translators: %d is the longest name, in characters, an activity may have. */
          problem = g_strdup_printf (_("An activity name is longer than %d characters."),
                                     STEADY_JOURNAL_NAME_MAX_CHARS);
          set_line_error (error, line, problem);
          return NULL;
        }
      key = g_utf8_casefold (name, -1);
      if (!g_hash_table_add (seen, key))
        continue;
      g_ptr_array_add (names, g_steal_pointer (&name));
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static Row *
read_row (SteadyDaylioImport  *self,
          SteadyCsvReader     *reader,
          const int            columns[N_COLS],
          GTimeZone           *zone,
          GError             **error)
{
  g_autoptr(GError) date_error = NULL;
  guint line = steady_csv_reader_get_line (reader);
  const char *fields[N_COLS];
  int hour, minute, second;
  g_autofree char *full_date = NULL;
  g_autofree char *mood_name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  Row *row;
  GDate date;

  for (guint c = 0; c < N_COLS; c++)
    {
      if (columns[c] >= 0 && (guint) columns[c] >= steady_csv_reader_get_n_fields (reader))
        {
          set_line_error (error, line, _("It has fewer columns than the first line."));
          return NULL;
        }
      fields[c] = columns[c] >= 0 ? steady_csv_reader_get_field (reader, columns[c]) : "";
    }

  full_date = g_strstrip (g_strdup (fields[COL_FULL_DATE]));
  if (!steady_report_parse_date (full_date, &date, &date_error))
    {
      set_line_error (error, line, date_error->message);
      return NULL;
    }
  if (!parse_time (fields[COL_TIME], &hour, &minute, &second))
    {
      set_line_error (error, line, _("The time is not a time of day, such as 20:30 or "
                                     "8:30 PM."));
      return NULL;
    }
  mood_name = steady_journal_sanitize_name (fields[COL_MOOD], -1);
  if (*mood_name == '\0')
    {
      set_line_error (error, line, _("It has no mood."));
      return NULL;
    }
  if (g_utf8_strlen (mood_name, -1) > STEADY_JOURNAL_NAME_MAX_CHARS)
    {
      set_line_error (error, line, _("The mood’s name is too long."));
      return NULL;
    }

  row = g_new0 (Row, 1);
  row->time = g_date_time_new (zone, g_date_get_year (&date), g_date_get_month (&date),
                               g_date_get_day (&date), hour, minute, second);
  row->activities = split_activities (fields[COL_ACTIVITIES], line, error);
  if (row->time == NULL || row->activities == NULL)
    {
      if (row->time == NULL)
        set_line_error (error, line, _("The date and time cannot be read."));
      row_free (row);
      return NULL;
    }
  row->uuid = row_uuid (reader, columns);
  row->mood_key = g_utf8_casefold (mood_name, -1);
  if (!g_hash_table_contains (self->moods, row->mood_key))
    {
      g_hash_table_insert (self->moods, g_strdup (row->mood_key), GINT_TO_POINTER (0));
      g_ptr_array_add (self->unknown_moods, g_steal_pointer (&mood_name));
    }

  title = g_strstrip (g_strdup (fields[COL_NOTE_TITLE]));
  body = g_strstrip (g_strdup (fields[COL_NOTE]));
  if (*title != '\0' && *body != '\0')
    row->note = g_strconcat (title, "\n\n", body, NULL);
  else
    row->note = g_strconcat (title, body, NULL);
  if (strlen (row->note) > STEADY_JOURNAL_NOTE_MAX_BYTES)
    {
      set_line_error (error, line, _("The note is longer than a journal entry may be."));
      row_free (row);
      return NULL;
    }
  return row;
}

/**
 * steady_daylio_import_new:
 * @data: the file's bytes; only read during the call
 * @zone: the time zone the export's wall-clock times are in (%NULL: the local one)
 *
 * Reads and checks the whole export. Nothing is written.
 *
 * Returns: (transfer full): the import, or %NULL with a message that names the line
 */
SteadyDaylioImport *
steady_daylio_import_new (const char  *data,
                          gsize        length,
                          GTimeZone   *zone,
                          GError     **error)
{
  g_autoptr(SteadyDaylioImport) self = NULL;
  g_autoptr(SteadyCsvReader) reader = NULL;
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GError) local_error = NULL;
  int columns[N_COLS];

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (zone == NULL)
    zone = local = g_time_zone_new_local ();
  reader = steady_csv_reader_new (data, length, error);
  if (reader == NULL || !read_header (reader, columns, error))
    return NULL;

  self = g_new0 (SteadyDaylioImport, 1);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->moods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->unknown_moods = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (builtin_moods); i++)
    g_hash_table_insert (self->moods, g_strdup (builtin_moods[i].name),
                         GINT_TO_POINTER (builtin_moods[i].mood));

  while (steady_csv_reader_next_row (reader, &local_error))
    {
      Row *row = read_row (self, reader, columns, zone, error);

      if (row == NULL)
        return NULL;
      g_ptr_array_add (self->rows, row);
    }
  if (local_error != NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s ",
                                  _("The file is not a valid CSV file:"));
      return NULL;
    }
  if (self->rows->len == 0)
    {
      g_set_error_literal (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_INVALID_FILE,
                           _("The export has no entries."));
      return NULL;
    }
  g_ptr_array_add (self->unknown_moods, NULL);
  return g_steal_pointer (&self);
}

SteadyDaylioImport *
steady_daylio_import_new_from_file (GFile         *file,
                                    GTimeZone     *zone,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Refuse a huge file before reading it all. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > STEADY_CSV_MAX_FILE_BYTES)
    return steady_daylio_import_new ("", STEADY_CSV_MAX_FILE_BYTES + 1, zone, error);
  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return NULL;
  return steady_daylio_import_new (data, length, zone, error);
}

/**
 * steady_daylio_import_get_unknown_moods:
 *
 * Returns: (transfer none): the mood names of the person's own, as first written in the file;
 *   rows with them are left out unless steady_daylio_import_set_mood() maps them
 */
const char * const *
steady_daylio_import_get_unknown_moods (SteadyDaylioImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->unknown_moods->pdata;
}

/* Which mood on our scale (1–5) a mood name of the person's own stands for; 0 leaves its
 * rows out. */
void
steady_daylio_import_set_mood (SteadyDaylioImport *self,
                               const char         *name,
                               int                 mood)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (mood == 0 || (mood >= STEADY_MOOD_MIN && mood <= STEADY_MOOD_MAX));

  clean = steady_journal_sanitize_name (name, -1);
  g_hash_table_insert (self->moods, g_utf8_casefold (clean, -1), GINT_TO_POINTER (mood));
}

/* Fills @summary and, when @entries is given, the entries and tags to add. */
static gboolean
plan (SteadyDaylioImport  *self,
      SteadyJournalStore  *store,
      SteadyDaylioSummary *summary,
      GPtrArray           *entries,
      GPtrArray           *new_tags,
      GError             **error)
{
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GHashTable) tag_uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           g_free);

  memset (summary, 0, sizeof *summary);
  tags = steady_journal_store_list_terms (store, STEADY_JOURNAL_TERM_TAG, error);
  if (tags == NULL)
    return FALSE;
  for (guint i = 0; i < tags->len; i++)
    {
      SteadyJournalTerm *tag = g_ptr_array_index (tags, i);

      g_hash_table_insert (tag_uuids, g_utf8_casefold (steady_journal_term_get_name (tag), -1),
                           g_strdup (steady_journal_term_get_uuid (tag)));
    }

  summary->n_rows = self->rows->len;
  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = g_ptr_array_index (self->rows, i);
      int mood = GPOINTER_TO_INT (g_hash_table_lookup (self->moods, row->mood_key));
      g_autoptr(SteadyMoodEntry) existing = NULL;
      g_autoptr(SteadyMoodEntry) entry = NULL;
      g_autoptr(GError) local_error = NULL;

      if (mood == 0)
        {
          summary->n_unknown_mood++;
          continue;
        }
      existing = steady_journal_store_get (store, row->uuid, &local_error);
      if (existing != NULL)
        {
          summary->n_already++;
          continue;
        }
      if (!g_error_matches (local_error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      summary->n_added++;

      if (entries != NULL)
        {
          entry = g_object_new (STEADY_TYPE_MOOD_ENTRY, "uuid", row->uuid, NULL);
          steady_mood_entry_set_local_time (entry, row->time);
          steady_mood_entry_set_mood (entry, mood);
          steady_mood_entry_set_note (entry, row->note);
        }
      for (guint t = 0; row->activities[t] != NULL; t++)
        {
          g_autofree char *key = g_utf8_casefold (row->activities[t], -1);
          const char *uuid = g_hash_table_lookup (tag_uuids, key);

          if (uuid == NULL)
            {
              g_autofree char *new_uuid = g_uuid_string_random ();

              summary->n_new_tags++;
              if (new_tags != NULL)
                g_ptr_array_add (new_tags, steady_journal_term_new (STEADY_JOURNAL_TERM_TAG,
                                                                    new_uuid,
                                                                    row->activities[t],
                                                                    NULL, 0));
              uuid = new_uuid;
              g_hash_table_insert (tag_uuids, g_steal_pointer (&key),
                                   g_steal_pointer (&new_uuid));
            }
          if (entry != NULL)
            steady_mood_entry_add_tag (entry, uuid, row->activities[t]);
        }
      if (entries != NULL)
        g_ptr_array_add (entries, g_steal_pointer (&entry));
    }
  return TRUE;
}

/* What steady_daylio_import_apply() would do now. Nothing is written. */
gboolean
steady_daylio_import_preview (SteadyDaylioImport  *self,
                              SteadyJournalStore  *store,
                              SteadyDaylioSummary *out,
                              GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return plan (self, store, out, NULL, NULL, error);
}

/* Adds the new entries and tags in one transaction; on an error or a cancellation nothing
 * is added. */
gboolean
steady_daylio_import_apply (SteadyDaylioImport  *self,
                            SteadyJournalStore  *store,
                            GCancellable        *cancellable,
                            SteadyDaylioSummary *out,
                            GError             **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) new_tags = g_ptr_array_new_with_free_func (g_object_unref);
  SteadyDaylioSummary summary;
  guint n_added = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!plan (self, store, &summary, entries, new_tags, error))
    return FALSE;
  if (!steady_journal_store_import (store, new_tags, entries, cancellable, &n_added, error))
    return FALSE;
  /* Another window may have added some of them since the plan was made. */
  summary.n_already += summary.n_added - n_added;
  summary.n_added = n_added;
  if (out != NULL)
    *out = summary;
  return TRUE;
}

/* What an import will do (@done FALSE) or did, in a few sentences. */
char *
steady_daylio_describe (const SteadyDaylioSummary *summary,
                        gboolean                   done)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (summary != NULL, NULL);

  if (done)
    /* Translators: %u is a number of journal entries. */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "Imported %u entry from Daylio.",
                                               "Imported %u entries from Daylio.",
                                               summary->n_added), summary->n_added);
  else
    /* Translators: %u is a number of journal entries. */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "%u new entry will be added to your journal.",
                                               "%u new entries will be added to your journal.",
                                               summary->n_added), summary->n_added);
  if (summary->n_already > 0)
    {
      g_string_append_c (text, ' ');
      /* Translators: %u is a number of entries imported before from the same file. */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u was already there and is left as it is.",
                                                 "%u were already there and are left as they "
                                                 "are.", summary->n_already),
                              summary->n_already);
    }
  if (summary->n_new_tags > 0)
    {
      g_string_append_c (text, ' ');
      if (done)
        /* Translators: %u is a number of Daylio activities that became journal tags. */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                   "%u activity became a new tag.",
                                                   "%u activities became new tags.",
                                                   summary->n_new_tags), summary->n_new_tags);
      else
        /* Translators: %u is a number of Daylio activities that will become journal tags. */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                   "%u activity will become a new tag.",
                                                   "%u activities will become new tags.",
                                                   summary->n_new_tags), summary->n_new_tags);
    }
  if (summary->n_unknown_mood > 0)
    {
      g_string_append_c (text, ' ');
      /* Translators: %u is a number of entries whose mood is one the person made up in
       * Daylio, which Steady cannot place on its scale without being told. */
      if (done)
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                   "%u entry with a mood of your own was "
                                                   "left out.",
                                                   "%u entries with moods of your own were "
                                                   "left out.", summary->n_unknown_mood),
                                summary->n_unknown_mood);
      else
        /* Translators: %u is a number of entries whose mood is one the person made up in
         * Daylio; they can still place it on the scale before importing. */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                   "%u entry with a mood of your own will be "
                                                   "left out.",
                                                   "%u entries with moods of your own will be "
                                                   "left out.", summary->n_unknown_mood),
                                summary->n_unknown_mood);
    }
  return g_string_free (text, FALSE);
}
