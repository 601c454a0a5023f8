/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-csv-export.c: writes the CSV files, one per kind of record. Each is written to a
 * private temporary file and all of them replace their targets only once every one is
 * complete, so a cancelled or failed export leaves nothing half-written. */

#define G_LOG_DOMAIN "steady-csv-export"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "steady-csv-export.h"
#include "steady-diary-store.h"
#include "steady-journal-common.h"
#include "steady-journal-store.h"
#include "steady-occurrence-store.h"
#include "steady-practice-store.h"
#include "steady-session-kind.h"
#include "steady-session-store.h"
#include "steady-skill-store.h"
#include "steady-skills-library.h"

/* How far into the future sessions.csv lists scheduled sessions. */
#define SESSIONS_AHEAD_US ((gint64) 366 * 24 * 3600 * G_USEC_PER_SEC)
/* Entries read from the journal at a time. */
#define JOURNAL_PAGE 256
/* Spreadsheets' own byte order mark, so that Excel reads the accents right. */
#define UTF8_BOM "\xEF\xBB\xBF"

static const char * const journal_columns[] = {
  "uuid", "time", "date", "mood", "mood_name", "anxiety", "energy", "sleep_hours",
  "medication_taken", "medications", "emotions", "tags", "note", NULL
};
static const char * const exercise_columns[] = {
  "uuid", "time", "date", "exercise", "exercise_name", "finished", "step_reached",
  "distress_before", "distress_after", "answers", "moods", "thoughts", "thinking_traps", NULL
};
static const char * const diary_columns[] = {
  "card_uuid", "date", "row", "name", "rating", "acted", NULL
};
static const char * const skill_use_columns[] = {
  "uuid", "time", "date", "skill", "skill_name", "rating", "distress_before", "distress_after",
  NULL
};
static const char * const practice_columns[] = {
  "uuid", "time", "date", "kind", "pattern", "planned_seconds", "planned_breaths",
  "actual_seconds", "completed", "distress_before", "distress_after", NULL
};
static const char * const session_columns[] = {
  "series_uuid", "start", "end", "title", "kind", "place", "clinician", "status",
  "attendance_note", NULL
};

static const struct
{
  const char         *id;
  const char         *file_name;
  const char         *title;
  const char * const *columns;
} kinds[STEADY_N_CSV_KINDS] = {
  [STEADY_CSV_KIND_JOURNAL] = { "journal", "journal.csv", N_("Journal entries"),
                                journal_columns },
  [STEADY_CSV_KIND_EXERCISES] = { "exercises", "exercises.csv",
                                  N_("Thought records and worksheets"), exercise_columns },
  [STEADY_CSV_KIND_DIARY_CARDS] = { "diary-cards", "diary-cards.csv", N_("Diary cards"),
                                    diary_columns },
  [STEADY_CSV_KIND_SKILL_USES] = { "skill-uses", "skill-uses.csv", N_("Skills used"),
                                   skill_use_columns },
  [STEADY_CSV_KIND_PRACTICE] = { "practice", "practice.csv", N_("Practice log"),
                                 practice_columns },
  [STEADY_CSV_KIND_SESSIONS] = { "sessions", "sessions.csv", N_("Sessions and attendance"),
                                 session_columns },
};

const char *
steady_csv_kind_to_id (SteadyCsvKind kind)
{
  g_return_val_if_fail (kind < STEADY_N_CSV_KINDS, NULL);

  return kinds[kind].id;
}

gboolean
steady_csv_kind_from_id (const char    *id,
                         SteadyCsvKind *out_kind)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < STEADY_N_CSV_KINDS; i++)
    {
      if (g_strcmp0 (kinds[i].id, id) == 0)
        {
          if (out_kind != NULL)
            *out_kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
steady_csv_kind_get_title (SteadyCsvKind kind)
{
  g_return_val_if_fail (kind < STEADY_N_CSV_KINDS, NULL);

  return _(kinds[kind].title);
}

const char *
steady_csv_kind_get_file_name (SteadyCsvKind kind)
{
  g_return_val_if_fail (kind < STEADY_N_CSV_KINDS, NULL);

  return kinds[kind].file_name;
}

const char * const *
steady_csv_kind_get_columns (SteadyCsvKind kind)
{
  g_return_val_if_fail (kind < STEADY_N_CSV_KINDS, NULL);

  return kinds[kind].columns;
}

/* "journal,sessions" → a mask of kinds; an unknown name is an error that lists the known. */
gboolean
steady_csv_kinds_parse (const char  *list,
                        guint       *out_kinds,
                        GError     **error)
{
  g_auto(GStrv) names = NULL;
  guint mask = 0;

  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (out_kinds != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  names = g_strsplit (list, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      SteadyCsvKind kind;
      char *name = g_strstrip (names[i]);

      if (!steady_csv_kind_from_id (name, &kind))
        {
          g_autoptr(GString) known = g_string_new (NULL);
          g_autofree char *shown = g_utf8_make_valid (name, -1);

          for (guint k = 0; k < STEADY_N_CSV_KINDS; k++)
            g_string_append_printf (known, "%s%s", k > 0 ? ", " : "", kinds[k].id);
          /* Translators: the first %s is what the user typed, the second a list of names
           * to type instead, which stay in English. */
          g_set_error (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_UNSUPPORTED,
                       _("There is no kind of record called “%s”. The kinds are: %s."),
                       shown, known->str);
          return FALSE;
        }
      mask |= STEADY_CSV_KIND_MASK (kind);
    }
  if (mask == 0)
    {
      g_set_error_literal (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_UNSUPPORTED,
                           _("Choose at least one kind of record to export."));
      return FALSE;
    }
  *out_kinds = mask;
  return TRUE;
}

/* One file being written: a row is built in @row, then written out whole. */
typedef struct
{
  SteadyReportFile *file;
  GString          *row;
  guint             n_fields;
  SteadyCsvCount    count;
  GCancellable     *cancellable;
} CsvFile;

static void
csv_file_clear (CsvFile *csv)
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
static void
add_text (CsvFile    *csv,
          const char *text)
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
static void
add_plain (CsvFile    *csv,
           const char *value)
{
  if (csv->n_fields++ > 0)
    g_string_append_c (csv->row, ',');
  if (value != NULL)
    g_string_append (csv->row, value);
}

/* A rating, or an empty cell for none (any negative value). */
static void
add_int (CsvFile *csv,
         gint64   value)
{
  char buffer[32];

  if (value < 0)
    {
      add_plain (csv, NULL);
      return;
    }
  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value);
  add_plain (csv, buffer);
}

static void
add_bool (CsvFile  *csv,
          gboolean  value)
{
  add_plain (csv, value ? "yes" : "no");
}

static GTimeZone *
zone_for_offset (int utc_offset_s)
{
  return g_time_zone_new_offset (utc_offset_s);
}

/* The instant in the offset the person was in, and that local date. */
static void
add_time_and_date (CsvFile *csv,
                   gint64   time_us,
                   int      utc_offset_s)
{
  g_autoptr(GTimeZone) zone = zone_for_offset (utc_offset_s);
  g_autofree char *iso = steady_report_format_iso8601 (time_us, zone);
  char date[sizeof "YYYY-MM-DD"];

  g_strlcpy (date, iso, sizeof date);
  add_plain (csv, iso);
  add_plain (csv, date);
}

static gboolean
end_row (CsvFile  *csv,
         GError  **error)
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

static gboolean
csv_file_open (CsvFile       *csv,
               SteadyCsvKind  kind,
               const char    *folder,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *path = g_build_filename (folder, kinds[kind].file_name, NULL);

  csv->file = steady_report_file_new (path, error);
  if (csv->file == NULL)
    return FALSE;
  csv->row = g_string_new (UTF8_BOM);
  csv->cancellable = cancellable;
  for (const char * const *column = kinds[kind].columns; *column != NULL; column++)
    add_plain (csv, *column);
  return end_row (csv, error);
}

static const char *
medication_id (SteadyMedication medication)
{
  switch (medication)
    {
    case STEADY_MEDICATION_YES:
      return "yes";
    case STEADY_MEDICATION_NO:
      return "no";
    case STEADY_MEDICATION_PARTLY:
      return "partly";
    case STEADY_MEDICATION_UNANSWERED:
    default:
      return NULL;
    }
}

static const char * const mood_names[] = {
  NULL, "very low", "low", "okay", "good", "very good",
};

static gboolean
write_entry (CsvFile          *csv,
             SteadyMoodEntry  *entry,
             GError          **error)
{
  GPtrArray *emotions = steady_mood_entry_get_emotions (entry);
  GPtrArray *tags = steady_mood_entry_get_tags (entry);
  const char * const *medications = steady_mood_entry_get_medications (entry);
  g_autoptr(GString) list = g_string_new (NULL);
  double sleep = steady_mood_entry_get_sleep_hours (entry);
  int mood = steady_mood_entry_get_mood (entry);

  add_plain (csv, steady_mood_entry_get_uuid (entry));
  add_time_and_date (csv, steady_mood_entry_get_time (entry),
                     steady_mood_entry_get_utc_offset (entry));
  add_int (csv, mood);
  add_plain (csv, mood >= STEADY_MOOD_MIN && mood <= STEADY_MOOD_MAX ? mood_names[mood] : NULL);
  add_int (csv, steady_mood_entry_get_anxiety (entry));
  add_int (csv, steady_mood_entry_get_energy (entry));
  if (sleep >= 0)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      add_plain (csv, g_ascii_formatd (buffer, sizeof buffer, "%g", sleep));
    }
  else
    add_plain (csv, NULL);
  add_plain (csv, medication_id (steady_mood_entry_get_medication (entry)));
  for (guint i = 0; medications != NULL && medications[i] != NULL; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? "; " : "", medications[i]);
  add_text (csv, list->str);
  g_string_truncate (list, 0);
  for (guint i = 0; i < emotions->len; i++)
    {
      const SteadyMoodEmotion *emotion = g_ptr_array_index (emotions, i);

      g_string_append_printf (list, "%s%s (%d)", i > 0 ? "; " : "", emotion->name,
                              emotion->intensity);
    }
  add_text (csv, list->str);
  g_string_truncate (list, 0);
  for (guint i = 0; i < tags->len; i++)
    {
      const SteadyMoodTag *tag = g_ptr_array_index (tags, i);

      g_string_append_printf (list, "%s%s", i > 0 ? "; " : "", tag->name);
    }
  add_text (csv, list->str);
  add_text (csv, steady_mood_entry_get_note (entry));
  csv->count.n_rows++;
  return end_row (csv, error);
}

/* Oldest first. The journal is read newest first a page at a time, so the entries of the
 * range are gathered before they are written. */
static gboolean
write_journal (CsvFile                  *csv,
               SteadyDatabase           *database,
               const SteadyReportRange  *range,
               GError                  **error)
{
  g_autoptr(SteadyJournalStore) store = steady_journal_store_new (database);
  g_autoptr(GPtrArray) in_range = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 time_us = range->to_us;
  gint64 row_id = 0;  /* before (to_us, 0): the end of a half-open range is not in it */
  gboolean done = FALSE;

  while (!done)
    {
      g_autoptr(GPtrArray) page = steady_journal_store_list_before (store, time_us, row_id,
                                                                    JOURNAL_PAGE, error);

      if (page == NULL)
        return FALSE;
      if (g_cancellable_set_error_if_cancelled (csv->cancellable, error))
        return FALSE;
      done = page->len < JOURNAL_PAGE;
      for (guint i = 0; i < page->len; i++)
        {
          SteadyMoodEntry *entry = g_ptr_array_index (page, i);

          time_us = steady_mood_entry_get_time (entry);
          row_id = steady_mood_entry_get_row_id (entry);
          if (time_us < range->from_us)
            {
              done = TRUE;
              break;
            }
          if (steady_mood_entry_get_private (entry))
            csv->count.n_private++;
          else
            g_ptr_array_add (in_range, g_object_ref (entry));
        }
    }
  for (guint i = in_range->len; i > 0; i--)
    {
      if (!write_entry (csv, g_ptr_array_index (in_range, i - 1), error))
        return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (SteadyDatabase  *database,
         const char      *sql,
         GError         **error)
{
  sqlite3 *db = steady_database_get_handle (database);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      steady_database_set_error_from_sqlite (error, db, rc, _("reading the records to export"));
      return NULL;
    }
  return stmt;
}

static gboolean
step_failed (SteadyDatabase  *database,
             sqlite3_stmt    *stmt,
             int              rc,
             GError         **error)
{
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    return FALSE;
  steady_database_set_error_from_sqlite (error, steady_database_get_handle (database), rc,
                                         _("reading the records to export"));
  return TRUE;
}

static void
append_answer (GString           *answers,
               SteadySkillRecord *record,
               const SteadySkillField *field)
{
  g_autofree char *value = NULL;

  switch (field->type)
    {
    case STEADY_SKILL_FIELD_TEXT:
      value = g_strdup (steady_skill_record_get_text (record, field->id));
      break;
    case STEADY_SKILL_FIELD_PERCENT:
      if (steady_skill_record_get_percent (record, field->id) != STEADY_SKILL_NO_RATING)
        value = g_strdup_printf ("%d%%", steady_skill_record_get_percent (record, field->id));
      break;
    case STEADY_SKILL_FIELD_CHOICE:
      value = g_strdup (steady_skill_record_get_choice (record, field->id));
      break;
    case STEADY_SKILL_FIELD_MOODS:
    case STEADY_SKILL_FIELD_THOUGHTS:
    default:
      /* In columns of their own. */
      return;
    }
  if (value == NULL || *value == '\0')
    return;
  /* Translators: a question of a worksheet and the answer to it, in a CSV export. */
  g_string_append_printf (answers, _("%s: %s"), _(field->title), value);
  g_string_append_c (answers, '\n');
}

static gboolean
write_exercise (CsvFile            *csv,
                SteadySkillRecord  *record,
                GError            **error)
{
  SteadySkillKind kind = steady_skill_record_get_kind (record);
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) traps = steady_skill_record_dup_traps (record);
  const SteadySkillField *fields;
  guint n_fields;

  add_plain (csv, steady_skill_record_get_uuid (record));
  add_time_and_date (csv, steady_skill_record_get_time (record),
                     steady_skill_record_get_utc_offset (record));
  add_plain (csv, steady_skill_kind_to_id (kind));
  add_text (csv, steady_skill_kind_get_title (kind));
  add_bool (csv, steady_skill_record_get_finished (record));
  add_int (csv, steady_skill_record_get_step_reached (record));
  add_int (csv, steady_skill_record_get_distress_before (record));
  add_int (csv, steady_skill_record_get_distress_after (record));

  fields = steady_skill_kind_get_fields (kind, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    append_answer (text, record, &fields[i]);
  if (text->len > 0)
    g_string_truncate (text, text->len - 1);
  add_text (csv, text->str);

  g_string_truncate (text, 0);
  for (guint i = 0; i < steady_skill_record_get_n_moods (record); i++)
    {
      const char *name;
      int before, after;

      steady_skill_record_get_mood (record, i, &name, &before, &after);
      g_string_append_printf (text, "%s%s %d", i > 0 ? "; " : "", name, before);
      if (after != STEADY_SKILL_NO_RATING)
        g_string_append_printf (text, " → %d", after);
    }
  add_text (csv, text->str);

  g_string_truncate (text, 0);
  for (guint i = 0; i < steady_skill_record_get_n_thoughts (record); i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, steady_skill_record_get_thought (record, i));
      if ((int) i == steady_skill_record_get_hot_thought (record))
        /* Translators: marks the "hot" automatic thought of a thought record in a CSV. */
        g_string_append (text, _(" (hot thought)"));
    }
  add_text (csv, text->str);

  g_string_truncate (text, 0);
  for (guint i = 0; traps != NULL && traps[i] != NULL; i++)
    {
      const SteadyThinkingTrap *trap = steady_thinking_trap_find (traps[i]);

      g_string_append_printf (text, "%s%s", i > 0 ? "; " : "",
                              trap != NULL ? _(trap->name) : traps[i]);
    }
  add_text (csv, text->str);
  csv->count.n_rows++;
  return end_row (csv, error);
}

static gboolean
write_exercises (CsvFile                  *csv,
                 SteadyDatabase           *database,
                 const SteadyReportRange  *range,
                 GError                  **error)
{
  g_autoptr(SteadySkillStore) store = steady_skill_store_new (database);
  sqlite3_stmt *stmt = prepare (database,
                                "SELECT uuid, private FROM skill_record"
                                " WHERE at_us >= ?1 AND at_us < ?2 ORDER BY at_us, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, range->from_us);
  sqlite3_bind_int64 (stmt, 2, range->to_us);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SteadySkillRecord) record = NULL;

      if (sqlite3_column_int (stmt, 1) != 0)
        {
          csv->count.n_private++;
          continue;
        }
      record = steady_skill_store_load (store, (const char *) sqlite3_column_text (stmt, 0),
                                        error);
      if (record == NULL || !write_exercise (csv, record, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  return !step_failed (database, stmt, rc, error);
}

static const char *
skill_name (const char *id)
{
  const SteadySkill *skill = steady_skills_library_find (id);

  return skill != NULL ? _(skill->name) : id;
}

/* A card counts as in the range when the middle of its local day is. */
static gboolean
day_in_range (int                      local_day,
              int                      utc_offset_s,
              const SteadyReportRange *range)
{
  gint64 noon_us = ((gint64) local_day * 86400 + 43200 - utc_offset_s) * G_USEC_PER_SEC;

  return steady_report_range_contains (range, noon_us);
}

static void
format_day (int   local_day,
            char *buffer,
            gsize size)
{
  GDate date;

  steady_journal_day_to_date (local_day, &date);
  g_snprintf (buffer, size, "%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
}

static gboolean
write_card (CsvFile          *csv,
            SteadyDiaryCard  *card,
            GHashTable       *targets,
            GError          **error)
{
  char date[16];

  format_day (card->local_day, date, sizeof date);
  for (guint i = 0; i < card->ratings->len; i++)
    {
      const SteadyDiaryRating *rating = &g_array_index (card->ratings, SteadyDiaryRating, i);
      const SteadyDiaryTarget *target = g_hash_table_lookup (targets, rating->target_uuid);
      gboolean urge = target != NULL && target->kind == STEADY_DIARY_TARGET_URGE;

      add_plain (csv, card->uuid);
      add_plain (csv, date);
      add_plain (csv, urge ? "urge" : "emotion");
      add_text (csv, target != NULL ? target->name : rating->target_uuid);
      add_int (csv, rating->rating);
      if (urge && rating->acted >= 0)
        add_bool (csv, rating->acted != 0);
      else
        add_plain (csv, NULL);
      csv->count.n_rows++;
      if (!end_row (csv, error))
        return FALSE;
    }
  for (guint i = 0; i < card->skills->len; i++)
    {
      const SteadyDiarySkillRating *skill = &g_array_index (card->skills,
                                                            SteadyDiarySkillRating, i);

      add_plain (csv, card->uuid);
      add_plain (csv, date);
      add_plain (csv, "skill");
      add_text (csv, skill_name (skill->skill));
      add_int (csv, skill->rating);
      add_plain (csv, NULL);
      csv->count.n_rows++;
      if (!end_row (csv, error))
        return FALSE;
    }
  if (card->distress != STEADY_DIARY_NONE)
    {
      add_plain (csv, card->uuid);
      add_plain (csv, date);
      add_plain (csv, "distress");
      add_plain (csv, NULL);
      add_int (csv, card->distress);
      add_plain (csv, NULL);
      csv->count.n_rows++;
      if (!end_row (csv, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_diary_cards (CsvFile                  *csv,
                   SteadyDatabase           *database,
                   const SteadyReportRange  *range,
                   GError                  **error)
{
  g_autoptr(SteadyDiaryStore) store = steady_diary_store_new (database);
  g_autoptr(GPtrArray) target_list = NULL;
  g_autoptr(GHashTable) targets = g_hash_table_new (g_str_hash, g_str_equal);
  /* The days a range may touch, a day wider on each side for the widest offsets. */
  gint64 first_day = range->from_us / ((gint64) 86400 * G_USEC_PER_SEC) - 2;
  gint64 last_day = range->to_us / ((gint64) 86400 * G_USEC_PER_SEC) + 2;
  sqlite3_stmt *stmt;
  int rc;

  target_list = steady_diary_store_list_targets (store, TRUE, error);
  if (target_list == NULL)
    return FALSE;
  for (guint i = 0; i < target_list->len; i++)
    {
      SteadyDiaryTarget *target = g_ptr_array_index (target_list, i);

      g_hash_table_insert (targets, target->uuid, target);
    }

  stmt = prepare (database,
                  "SELECT local_day, utc_offset_s, private FROM diary_card"
                  " WHERE local_day BETWEEN ?1 AND ?2 ORDER BY local_day", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first_day);
  sqlite3_bind_int64 (stmt, 2, last_day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SteadyDiaryCard) card = NULL;
      int day = sqlite3_column_int (stmt, 0);
      int offset = sqlite3_column_int (stmt, 1);

      if (!day_in_range (day, offset, range))
        continue;
      if (sqlite3_column_int (stmt, 2) != 0)
        {
          csv->count.n_private++;
          continue;
        }
      card = steady_diary_store_load_card (store, day, offset, error);
      if (card == NULL || !write_card (csv, card, targets, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  return !step_failed (database, stmt, rc, error);
}

static gboolean
write_skill_uses (CsvFile                  *csv,
                  SteadyDatabase           *database,
                  const SteadyReportRange  *range,
                  GError                  **error)
{
  sqlite3_stmt *stmt = prepare (database,
                                "SELECT uuid, at_us, utc_offset_s, skill, rating,"
                                "       distress_before, distress_after FROM skill_use"
                                " WHERE at_us >= ?1 AND at_us < ?2 ORDER BY at_us, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, range->from_us);
  sqlite3_bind_int64 (stmt, 2, range->to_us);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *skill = (const char *) sqlite3_column_text (stmt, 3);

      add_plain (csv, (const char *) sqlite3_column_text (stmt, 0));
      add_time_and_date (csv, sqlite3_column_int64 (stmt, 1), sqlite3_column_int (stmt, 2));
      add_plain (csv, skill);
      add_text (csv, skill_name (skill));
      for (int column = 4; column <= 6; column++)
        add_int (csv, sqlite3_column_type (stmt, column) == SQLITE_NULL
                      ? -1 : sqlite3_column_int64 (stmt, column));
      csv->count.n_rows++;
      if (!end_row (csv, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  return !step_failed (database, stmt, rc, error);
}

static void
add_seconds (CsvFile *csv,
             gint64   us)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  add_plain (csv, g_ascii_formatd (buffer, sizeof buffer, "%.1f", (double) us / G_USEC_PER_SEC));
}

static gboolean
write_practice (CsvFile                  *csv,
                SteadyDatabase           *database,
                const SteadyReportRange  *range,
                GError                  **error)
{
  g_autoptr(SteadyPracticeStore) store = steady_practice_store_new (database);
  g_autoptr(GPtrArray) records = steady_practice_store_list_range (store, range->from_us,
                                                                   range->to_us, error);

  if (records == NULL)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      const SteadyPracticeRecord *record = g_ptr_array_index (records, i);
      gboolean breathing = record->kind == STEADY_PRACTICE_KIND_BREATHING;

      add_plain (csv, record->uuid);
      add_time_and_date (csv, record->started_at_us, record->utc_offset_s);
      add_plain (csv, breathing ? "breathing" : "mindfulness");
      add_text (csv, breathing && record->pattern != NULL ? record->pattern->name : NULL);
      if (record->planned_us > 0 && record->planned_cycles == 0)
        add_seconds (csv, record->planned_us);
      else
        add_plain (csv, NULL);
      add_int (csv, record->planned_cycles > 0 ? (gint64) record->planned_cycles : -1);
      add_seconds (csv, record->actual_us);
      add_bool (csv, record->completed);
      add_int (csv, record->distress_before);
      add_int (csv, record->distress_after);
      csv->count.n_rows++;
      if (!end_row (csv, error))
        return FALSE;
    }
  return TRUE;
}

static const char *
attendance_id (SteadyAttendance attendance,
               gboolean         cancelled,
               gint64           end_us)
{
  if (cancelled)
    return "cancelled";
  switch (attendance)
    {
    case STEADY_ATTENDANCE_ATTENDED:
      return "attended";
    case STEADY_ATTENDANCE_MISSED:
      return "missed";
    case STEADY_ATTENDANCE_CANCELLED:
      return "cancelled";
    case STEADY_ATTENDANCE_UNKNOWN:
    default:
      return end_us <= g_get_real_time () ? "not recorded" : "scheduled";
    }
}

static gboolean
write_sessions (CsvFile                  *csv,
                SteadyDatabase           *database,
                const SteadyReportRange  *range,
                GError                  **error)
{
  g_autoptr(SteadySessionStore) store = steady_session_store_new (database);
  g_autoptr(SteadyOccurrenceStore) attendance = steady_occurrence_store_new (database);
  g_autoptr(GPtrArray) occurrences = NULL;
  GTimeZone *zone = steady_session_store_get_local_zone (store);

  /* A repeating series without an end would fill the file with centuries of sessions: the
   * future is cut at a year from now. */
  occurrences = steady_session_store_expand (store, range->from_us,
                                             MIN (range->to_us, g_get_real_time () +
                                                  SESSIONS_AHEAD_US), NULL, error);
  if (occurrences == NULL)
    return FALSE;
  for (guint i = 0; i < occurrences->len; i++)
    {
      const SteadyOccurrence *occurrence = g_ptr_array_index (occurrences, i);
      SteadyAttendance status = STEADY_ATTENDANCE_UNKNOWN;
      g_autofree char *note = NULL;
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;

      /* Expansion includes sessions that overlap the range; only those starting in it go. */
      if (!steady_report_range_contains (range, occurrence->start_us))
        continue;
      if (!steady_occurrence_store_get_attendance (attendance, occurrence->series->uuid,
                                                   occurrence->original_start_local, &status,
                                                   &note, error))
        return FALSE;
      start = steady_report_format_iso8601 (occurrence->start_us, zone);
      end = steady_report_format_iso8601 (occurrence->end_us, zone);
      add_plain (csv, occurrence->series->uuid);
      add_plain (csv, start);
      add_plain (csv, end);
      add_text (csv, occurrence->title);
      add_plain (csv, steady_session_kind_to_string (occurrence->kind));
      add_text (csv, occurrence->place);
      add_text (csv, occurrence->clinician);
      add_plain (csv, attendance_id (status, occurrence->flags & STEADY_OCCURRENCE_CANCELLED,
                                     occurrence->end_us));
      add_text (csv, note);
      csv->count.n_rows++;
      if (!end_row (csv, error))
        return FALSE;
    }
  return TRUE;
}

typedef gboolean (*WriteFunc) (CsvFile                  *csv,
                               SteadyDatabase           *database,
                               const SteadyReportRange  *range,
                               GError                  **error);

static const WriteFunc writers[STEADY_N_CSV_KINDS] = {
  [STEADY_CSV_KIND_JOURNAL] = write_journal,
  [STEADY_CSV_KIND_EXERCISES] = write_exercises,
  [STEADY_CSV_KIND_DIARY_CARDS] = write_diary_cards,
  [STEADY_CSV_KIND_SKILL_USES] = write_skill_uses,
  [STEADY_CSV_KIND_PRACTICE] = write_practice,
  [STEADY_CSV_KIND_SESSIONS] = write_sessions,
};

/**
 * steady_csv_export:
 * @kinds: a mask of STEADY_CSV_KIND_MASK ()
 * @folder: an existing folder; each kind goes to its file name there, replacing one there
 * @counts: (out caller-allocates) (array fixed-size=STEADY_N_CSV_KINDS) (nullable): per kind
 *
 * Writes one CSV file per kind, readable by the user only. All the files appear together
 * once every one is complete; on an error or a cancellation none does.
 */
gboolean
steady_csv_export (SteadyDatabase           *database,
                   guint                     kinds_mask,
                   const SteadyReportRange  *range,
                   const char               *folder,
                   GCancellable             *cancellable,
                   SteadyReportProgressFunc  progress,
                   gpointer                  user_data,
                   SteadyCsvCount           *counts,
                   GError                  **error)
{
  CsvFile files[STEADY_N_CSV_KINDS] = { { 0 } };
  gboolean ok = FALSE;
  guint n_kinds = 0;
  guint n_done = 0;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (kinds_mask != 0 && (kinds_mask & ~STEADY_CSV_KIND_MASK_ALL) == 0, FALSE);
  g_return_val_if_fail (range != NULL, FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint kind = 0; kind < STEADY_N_CSV_KINDS; kind++)
    n_kinds += (kinds_mask & STEADY_CSV_KIND_MASK (kind)) != 0;

  steady_report_progress (progress, user_data, 0.0);
  for (guint kind = 0; kind < STEADY_N_CSV_KINDS; kind++)
    {
      if ((kinds_mask & STEADY_CSV_KIND_MASK (kind)) == 0)
        continue;
      if (!csv_file_open (&files[kind], kind, folder, cancellable, error) ||
          !writers[kind] (&files[kind], database, range, error))
        goto out;
      steady_report_progress (progress, user_data, (double) ++n_done / (n_kinds + 1));
    }
  for (guint kind = 0; kind < STEADY_N_CSV_KINDS; kind++)
    {
      if (files[kind].file != NULL &&
          !steady_report_file_commit (files[kind].file, cancellable, error))
        goto out;
    }
  steady_report_progress (progress, user_data, 1.0);
  ok = TRUE;

out:
  for (guint kind = 0; kind < STEADY_N_CSV_KINDS; kind++)
    {
      if (counts != NULL)
        counts[kind] = files[kind].count;
      csv_file_clear (&files[kind]);
    }
  return ok;
}
