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
#include "steady-csv-file.h"
#include "steady-diary-store.h"
#include "steady-journal-common.h"
#include "steady-journal-store.h"
#include "steady-occurrence-store.h"
#include "steady-practice-store.h"
#include "steady-report-data.h"
#include "steady-session-kind.h"
#include "steady-session-store.h"
#include "steady-skill-store.h"
#include "steady-skills-library.h"

/* How far into the future sessions.csv lists scheduled sessions. */
#define SESSIONS_AHEAD_US ((gint64) 366 * 24 * 3600 * G_USEC_PER_SEC)

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

static const char * const mood_names[] = {
  NULL, "very low", "low", "okay", "good", "very good",
};

/* Journal ---------------------------------------------------------------------------------- */

static gboolean
write_entry (SteadyCsvFile    *csv,
             SteadyMoodEntry  *entry,
             GError          **error)
{
  GPtrArray *emotions = steady_mood_entry_get_emotions (entry);
  GPtrArray *tags = steady_mood_entry_get_tags (entry);
  const char * const *medications = steady_mood_entry_get_medications (entry);
  g_autoptr(GString) list = g_string_new (NULL);
  double sleep = steady_mood_entry_get_sleep_hours (entry);
  int mood = steady_mood_entry_get_mood (entry);

  steady_csv_file_add_plain (csv, steady_mood_entry_get_uuid (entry));
  steady_csv_file_add_time_and_date (csv, steady_mood_entry_get_time (entry),
                                     steady_mood_entry_get_utc_offset (entry));
  steady_csv_file_add_int (csv, mood);
  steady_csv_file_add_plain (csv, mood >= STEADY_MOOD_MIN && mood <= STEADY_MOOD_MAX
                                  ? mood_names[mood] : NULL);
  steady_csv_file_add_int (csv, steady_mood_entry_get_anxiety (entry));
  steady_csv_file_add_int (csv, steady_mood_entry_get_energy (entry));
  if (sleep >= 0)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      steady_csv_file_add_plain (csv, g_ascii_formatd (buffer, sizeof buffer, "%g", sleep));
    }
  else
    steady_csv_file_add_plain (csv, NULL);
  steady_csv_file_add_plain (csv,
                             steady_medication_to_id (steady_mood_entry_get_medication (entry)));
  for (guint i = 0; medications != NULL && medications[i] != NULL; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? "; " : "", medications[i]);
  steady_csv_file_add_text (csv, list->str);
  g_string_truncate (list, 0);
  for (guint i = 0; i < emotions->len; i++)
    {
      const SteadyMoodEmotion *emotion = g_ptr_array_index (emotions, i);

      g_string_append_printf (list, "%s%s (%d)", i > 0 ? "; " : "", emotion->name,
                              emotion->intensity);
    }
  steady_csv_file_add_text (csv, list->str);
  g_string_truncate (list, 0);
  for (guint i = 0; i < tags->len; i++)
    {
      const SteadyMoodTag *tag = g_ptr_array_index (tags, i);

      g_string_append_printf (list, "%s%s", i > 0 ? "; " : "", tag->name);
    }
  steady_csv_file_add_text (csv, list->str);
  steady_csv_file_add_text (csv, steady_mood_entry_get_note (entry));
  return steady_csv_file_end_record (csv, error);
}

/* Oldest first, read as the therapist report reads them. */
static gboolean
write_journal (SteadyCsvFile            *csv,
               SteadyDatabase           *database,
               const SteadyReportRange  *range,
               GError                  **error)
{
  g_autoptr(SteadyJournalStore) store = steady_journal_store_new (database);
  g_autoptr(GPtrArray) entries = NULL;

  entries = steady_report_data_read_entries (store, range->from_us, range->to_us,
                                             &csv->count.n_private, csv->cancellable, error);
  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      if (!write_entry (csv, g_ptr_array_index (entries, i), error))
        return FALSE;
    }
  return TRUE;
}

/* Rows of a query --------------------------------------------------------------------------- */

/* Writes what one row of a query gives, or counts it as private. */
typedef gboolean (*RowFunc) (SteadyCsvFile  *csv,
                             sqlite3_stmt   *stmt,
                             gpointer        user_data,
                             GError        **error);

/* Runs @sql with ?1 = @from and ?2 = @to, and hands each row to @func. */
static gboolean
for_each_row (SteadyCsvFile   *csv,
              SteadyDatabase  *database,
              const char      *sql,
              gint64           from,
              gint64           to,
              RowFunc          func,
              gpointer         user_data,
              GError         **error)
{
  sqlite3_stmt *stmt = steady_report_prepare_range (database, sql, from, to, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!func (csv, stmt, user_data, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  return steady_report_finish (database, stmt, rc, error);
}

/* A cell that may be SQL NULL, as a rating: empty when NULL. */
static void
add_column_int (SteadyCsvFile *csv,
                sqlite3_stmt  *stmt,
                int            column)
{
  steady_csv_file_add_int (csv, sqlite3_column_type (stmt, column) == SQLITE_NULL
                                ? -1 : sqlite3_column_int64 (stmt, column));
}

/* Exercises -------------------------------------------------------------------------------- */

static void
append_answer (GString                *answers,
               SteadySkillRecord      *record,
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
write_exercise (SteadyCsvFile      *csv,
                SteadySkillRecord  *record,
                GError            **error)
{
  SteadySkillKind kind = steady_skill_record_get_kind (record);
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) traps = steady_skill_record_dup_traps (record);
  const SteadySkillField *fields;
  guint n_fields;

  steady_csv_file_add_plain (csv, steady_skill_record_get_uuid (record));
  steady_csv_file_add_time_and_date (csv, steady_skill_record_get_time (record),
                                     steady_skill_record_get_utc_offset (record));
  steady_csv_file_add_plain (csv, steady_skill_kind_to_id (kind));
  steady_csv_file_add_text (csv, steady_skill_kind_get_title (kind));
  steady_csv_file_add_bool (csv, steady_skill_record_get_finished (record));
  steady_csv_file_add_int (csv, steady_skill_record_get_step_reached (record));
  steady_csv_file_add_int (csv, steady_skill_record_get_distress_before (record));
  steady_csv_file_add_int (csv, steady_skill_record_get_distress_after (record));

  fields = steady_skill_kind_get_fields (kind, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    append_answer (text, record, &fields[i]);
  if (text->len > 0)
    g_string_truncate (text, text->len - 1);
  steady_csv_file_add_text (csv, text->str);

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
  steady_csv_file_add_text (csv, text->str);

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
  steady_csv_file_add_text (csv, text->str);

  g_string_truncate (text, 0);
  for (guint i = 0; traps != NULL && traps[i] != NULL; i++)
    {
      const SteadyThinkingTrap *trap = steady_thinking_trap_find (traps[i]);

      g_string_append_printf (text, "%s%s", i > 0 ? "; " : "",
                              trap != NULL ? _(trap->name) : traps[i]);
    }
  steady_csv_file_add_text (csv, text->str);
  return steady_csv_file_end_record (csv, error);
}

/* A row of (uuid, private) from skill_record: the exercise, loaded whole, or counted. */
static gboolean
exercise_row_cb (SteadyCsvFile  *csv,
                 sqlite3_stmt   *stmt,
                 gpointer        user_data,
                 GError        **error)
{
  g_autoptr(SteadySkillRecord) record = NULL;

  if (sqlite3_column_int (stmt, 1) != 0)
    {
      csv->count.n_private++;
      return TRUE;
    }
  record = steady_skill_store_load (user_data, (const char *) sqlite3_column_text (stmt, 0),
                                    error);
  return record != NULL && write_exercise (csv, record, error);
}

static gboolean
write_exercises (SteadyCsvFile            *csv,
                 SteadyDatabase           *database,
                 const SteadyReportRange  *range,
                 GError                  **error)
{
  g_autoptr(SteadySkillStore) store = steady_skill_store_new (database);

  return for_each_row (csv, database,
                       "SELECT uuid, private FROM skill_record"
                       " WHERE at_us >= ?1 AND at_us < ?2 ORDER BY at_us, id",
                       range->from_us, range->to_us, exercise_row_cb, store, error);
}

/* Diary cards ------------------------------------------------------------------------------ */

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

/* One row of a card: what it rates (@row), its name (the person's own words, or NULL),
 * the rating, and whether an urge was acted on (-1: not an urge or not said). */
static gboolean
write_card_row (SteadyCsvFile    *csv,
                SteadyDiaryCard  *card,
                const char       *date,
                const char       *row,
                const char       *name,
                int               rating,
                int               acted,
                GError          **error)
{
  steady_csv_file_add_plain (csv, card->uuid);
  steady_csv_file_add_plain (csv, date);
  steady_csv_file_add_plain (csv, row);
  if (name != NULL)
    steady_csv_file_add_text (csv, name);
  else
    steady_csv_file_add_plain (csv, NULL);
  steady_csv_file_add_int (csv, rating);
  if (acted >= 0)
    steady_csv_file_add_bool (csv, acted != 0);
  else
    steady_csv_file_add_plain (csv, NULL);
  return steady_csv_file_end_record (csv, error);
}

static gboolean
write_card (SteadyCsvFile    *csv,
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

      if (!write_card_row (csv, card, date, urge ? "urge" : "emotion",
                           target != NULL ? target->name : rating->target_uuid, rating->rating,
                           urge && rating->acted >= 0 ? rating->acted : -1, error))
        return FALSE;
    }
  for (guint i = 0; i < card->skills->len; i++)
    {
      const SteadyDiarySkillRating *skill = &g_array_index (card->skills,
                                                            SteadyDiarySkillRating, i);

      if (!write_card_row (csv, card, date, "skill", skill_name (skill->skill), skill->rating,
                           -1, error))
        return FALSE;
    }
  if (card->distress != STEADY_DIARY_NONE &&
      !write_card_row (csv, card, date, "distress", NULL, card->distress, -1, error))
    return FALSE;
  return TRUE;
}

typedef struct
{
  SteadyDiaryStore        *store;
  GHashTable              *targets;  /* uuid → SteadyDiaryTarget */
  const SteadyReportRange *range;
} CardRows;

/* A row of (local_day, utc_offset_s, private) from diary_card. */
static gboolean
card_row_cb (SteadyCsvFile  *csv,
             sqlite3_stmt   *stmt,
             gpointer        user_data,
             GError        **error)
{
  CardRows *rows = user_data;
  g_autoptr(SteadyDiaryCard) card = NULL;
  int day = sqlite3_column_int (stmt, 0);
  int offset = sqlite3_column_int (stmt, 1);

  if (!day_in_range (day, offset, rows->range))
    return TRUE;
  if (sqlite3_column_int (stmt, 2) != 0)
    {
      csv->count.n_private++;
      return TRUE;
    }
  card = steady_diary_store_load_card (rows->store, day, offset, error);
  return card != NULL && write_card (csv, card, rows->targets, error);
}

static gboolean
write_diary_cards (SteadyCsvFile            *csv,
                   SteadyDatabase           *database,
                   const SteadyReportRange  *range,
                   GError                  **error)
{
  g_autoptr(SteadyDiaryStore) store = steady_diary_store_new (database);
  g_autoptr(GPtrArray) target_list = NULL;
  g_autoptr(GHashTable) targets = g_hash_table_new (g_str_hash, g_str_equal);
  CardRows rows = { store, targets, range };

  target_list = steady_diary_store_list_targets (store, TRUE, error);
  if (target_list == NULL)
    return FALSE;
  for (guint i = 0; i < target_list->len; i++)
    {
      SteadyDiaryTarget *target = g_ptr_array_index (target_list, i);

      g_hash_table_insert (targets, target->uuid, target);
    }
  /* The days a range may touch, a day wider on each side for the widest offsets. */
  return for_each_row (csv, database,
                       "SELECT local_day, utc_offset_s, private FROM diary_card"
                       " WHERE local_day BETWEEN ?1 AND ?2 ORDER BY local_day",
                       range->from_us / ((gint64) 86400 * G_USEC_PER_SEC) - 2,
                       range->to_us / ((gint64) 86400 * G_USEC_PER_SEC) + 2,
                       card_row_cb, &rows, error);
}

/* Skill uses, practice, sessions ----------------------------------------------------------- */

/* A row of (uuid, at_us, utc_offset_s, skill, rating, distress_before, distress_after). */
static gboolean
skill_use_row_cb (SteadyCsvFile  *csv,
                  sqlite3_stmt   *stmt,
                  gpointer        user_data,
                  GError        **error)
{
  const char *skill = (const char *) sqlite3_column_text (stmt, 3);

  steady_csv_file_add_plain (csv, (const char *) sqlite3_column_text (stmt, 0));
  steady_csv_file_add_time_and_date (csv, sqlite3_column_int64 (stmt, 1),
                                     sqlite3_column_int (stmt, 2));
  steady_csv_file_add_plain (csv, skill);
  steady_csv_file_add_text (csv, skill_name (skill));
  for (int column = 4; column <= 6; column++)
    add_column_int (csv, stmt, column);
  return steady_csv_file_end_record (csv, error);
}

static gboolean
write_skill_uses (SteadyCsvFile            *csv,
                  SteadyDatabase           *database,
                  const SteadyReportRange  *range,
                  GError                  **error)
{
  return for_each_row (csv, database,
                       "SELECT uuid, at_us, utc_offset_s, skill, rating,"
                       "       distress_before, distress_after FROM skill_use"
                       " WHERE at_us >= ?1 AND at_us < ?2 ORDER BY at_us, id",
                       range->from_us, range->to_us, skill_use_row_cb, NULL, error);
}

static gboolean
write_practice (SteadyCsvFile            *csv,
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

      steady_csv_file_add_plain (csv, record->uuid);
      steady_csv_file_add_time_and_date (csv, record->started_at_us, record->utc_offset_s);
      steady_csv_file_add_plain (csv, breathing ? "breathing" : "mindfulness");
      steady_csv_file_add_text (csv, breathing && record->pattern != NULL
                                     ? record->pattern->name : NULL);
      if (record->planned_us > 0 && record->planned_cycles == 0)
        steady_csv_file_add_seconds (csv, record->planned_us);
      else
        steady_csv_file_add_plain (csv, NULL);
      steady_csv_file_add_int (csv, record->planned_cycles > 0
                                    ? (gint64) record->planned_cycles : -1);
      steady_csv_file_add_seconds (csv, record->actual_us);
      steady_csv_file_add_bool (csv, record->completed);
      steady_csv_file_add_int (csv, record->distress_before);
      steady_csv_file_add_int (csv, record->distress_after);
      if (!steady_csv_file_end_record (csv, error))
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
write_sessions (SteadyCsvFile                  *csv,
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
      gboolean cancelled;

      /* Expansion includes sessions that overlap the range; only those starting in it go. */
      if (!steady_report_range_contains (range, occurrence->start_us))
        continue;
      if (!steady_occurrence_store_get_attendance (attendance, occurrence->series->uuid,
                                                   occurrence->original_start_local, &status,
                                                   &note, error))
        return FALSE;
      start = steady_report_format_iso8601 (occurrence->start_us, zone);
      end = steady_report_format_iso8601 (occurrence->end_us, zone);
      steady_csv_file_add_plain (csv, occurrence->series->uuid);
      steady_csv_file_add_plain (csv, start);
      steady_csv_file_add_plain (csv, end);
      steady_csv_file_add_text (csv, occurrence->title);
      steady_csv_file_add_plain (csv, steady_session_kind_to_string (occurrence->kind));
      steady_csv_file_add_text (csv, occurrence->place);
      steady_csv_file_add_text (csv, occurrence->clinician);
      cancelled = (occurrence->flags & STEADY_OCCURRENCE_CANCELLED) != 0;
      steady_csv_file_add_plain (csv, attendance_id (status, cancelled, occurrence->end_us));
      steady_csv_file_add_text (csv, note);
      if (!steady_csv_file_end_record (csv, error))
        return FALSE;
    }
  return TRUE;
}

typedef gboolean (*WriteFunc) (SteadyCsvFile                  *csv,
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
  SteadyCsvFile files[STEADY_N_CSV_KINDS] = { { 0 } };
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
      g_autofree char *path = g_build_filename (folder, kinds[kind].file_name, NULL);

      if (!steady_csv_file_open (&files[kind], path, kinds[kind].columns, cancellable, error) ||
          !writers[kind] (&files[kind], database, range, error))
        goto out;
      steady_report_progress (progress, user_data, (double) ++n_done / (n_kinds + 1));
    }
  for (guint kind = 0; kind < STEADY_N_CSV_KINDS; kind++)
    {
      if (files[kind].file != NULL &&
          !steady_csv_file_commit (&files[kind], error))
        goto out;
    }
  steady_report_progress (progress, user_data, 1.0);
  ok = TRUE;

out:
  for (guint kind = 0; kind < STEADY_N_CSV_KINDS; kind++)
    {
      if (counts != NULL)
        counts[kind] = files[kind].count;
      steady_csv_file_clear (&files[kind]);
    }
  return ok;
}
