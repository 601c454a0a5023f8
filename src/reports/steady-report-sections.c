/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-report-sections.c: the therapist report's tables — journal entries, thought
 * records and worksheets, diary cards as week grids, the practice log, attendance — and the
 * safety plan on a page of its own. */

#define G_LOG_DOMAIN "steady-report-sections"

#include "config.h"

#include <math.h>

#include "steady-diary-store.h"
#include "steady-journal-common.h"
#include "steady-mood-chart.h"
#include "steady-occurrence-store.h"
#include "steady-report-document-private.h"
#include "steady-safety-plan-printout.h"
#include "steady-skill-kind.h"

/* Journal ---------------------------------------------------------------------------------- */

static char *
entry_details (SteadyMoodEntry *entry)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GPtrArray *emotions = steady_mood_entry_get_emotions (entry);
  GPtrArray *tags = steady_mood_entry_get_tags (entry);
  double sleep = steady_mood_entry_get_sleep_hours (entry);

  for (guint i = 0; emotions != NULL && i < emotions->len; i++)
    {
      const SteadyMoodEmotion *emotion = g_ptr_array_index (emotions, i);
      g_autofree char *part = NULL;

      /* Translators: an emotion and its intensity in a report's table, e.g. "Calm 60". */
      part = g_markup_printf_escaped (_("%s %d"), emotion->name, emotion->intensity);
      g_string_append (text, i > 0 ? ", " : "");
      g_string_append (text, part);
    }
  if (tags != NULL && tags->len > 0)
    {
      g_string_append (text, text->len > 0 ? "\n<i>" : "<i>");
      for (guint i = 0; i < tags->len; i++)
        {
          g_autofree char *name = g_markup_escape_text (((SteadyMoodTag *)
                                                         g_ptr_array_index (tags, i))->name, -1);

          g_string_append (text, i > 0 ? ", " : "");
          g_string_append (text, name);
        }
      g_string_append (text, "</i>");
    }
  if (sleep >= 0)
    {
      g_string_append (text, text->len > 0 ? "\n" : "");
      /* Translators: hours slept, in a report's table, e.g. "Slept 7.5 h". */
      g_string_append_printf (text, _("Slept %.1f h"), sleep);
    }
  if (text->len == 0)
    g_string_append (text, "–");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The note as the person chose to share it: whole, its first lines, or none (NULL). */
static char *
note_cell (const SteadyReportData *data,
           SteadyMoodEntry        *entry)
{
  g_autofree char *note = NULL;

  switch (data->notes)
    {
    case STEADY_REPORT_NOTES_NONE:
      return NULL;
    case STEADY_REPORT_NOTES_SHORT:
      /* One paragraph, so the table's line limit counts the note's lines, not each
       * paragraph's. */
      note = g_strdup (steady_mood_entry_get_note (entry));
      if (note != NULL)
        g_strdelimit (g_strstrip (note), "\r\n", ' ');
      return _steady_report_escape_or_dash (note);
    case STEADY_REPORT_NOTES_FULL:
    default:
      return _steady_report_escape_or_dash (steady_mood_entry_get_note (entry));
    }
}

gboolean
_steady_report_write_journal (Writer  *w,
                              GError **error)
{
  /* The note gets most of the width: it is what a therapist reads, and it is the longest. */
  static const double weights[] = { 1.3, 1.0, 1.6, 5.2 };
  static const double weights_without_note[] = { 1.3, 1.0, 3.0 };
  const char *titles[] = { _("When"), _("Mood"), _("Feelings, activities, sleep"), _("Note") };
  gboolean with_note = w->data->notes != STEADY_REPORT_NOTES_NONE;
  g_auto(SteadyReportTable) table = { 0 };

  steady_report_table_init (&table, &w->base, titles,
                            with_note ? weights : weights_without_note,
                            with_note ? G_N_ELEMENTS (weights)
                                      : G_N_ELEMENTS (weights_without_note));
  if (w->data->notes == STEADY_REPORT_NOTES_SHORT)
    table.max_lines[3] = STEADY_REPORT_NOTE_LINES;
  if (w->data->entries->len == 0)
    {
      heading (w, _("Journal"), 20);
      paragraph_text (w, _("No journal entries shared in this time."), BODY_SIZE, FALSE, 6);
      return TRUE;
    }
  heading (w, _("Journal"), 80);
  if (w->data->notes == STEADY_REPORT_NOTES_SHORT)
    paragraph_text (w, _("Only the first lines of each note are shown."), SMALL_SIZE, FALSE, 4);
  else if (w->data->notes == STEADY_REPORT_NOTES_NONE)
    paragraph_text (w, _("Notes are not included."), SMALL_SIZE, FALSE, 4);
  steady_report_table_begin (&w->base, &table, NULL);
  for (guint i = 0; i < w->data->entries->len; i++)
    {
      SteadyMoodEntry *entry = g_ptr_array_index (w->data->entries, i);
      int mood = steady_mood_entry_get_mood (entry);
      char *cells[4] = { NULL };

      cells[0] = _steady_report_format_time (steady_mood_entry_get_time (entry),
                                             steady_mood_entry_get_utc_offset (entry),
                                             _steady_report_entry_time_format ());
      cells[1] = mood >= STEADY_MOOD_MIN ? g_markup_printf_escaped ("<b>%d</b> %s", mood,
                                                                    steady_mood_word (mood))
                                         : g_strdup ("–");
      cells[2] = entry_details (entry);
      if (with_note)
        cells[3] = note_cell (w->data, entry);
      if (!steady_report_table_add_row (&w->base, &table, cells, i % 2 == 1, error))
        return FALSE;
    }
  return TRUE;
}

/* Exercises -------------------------------------------------------------------------------- */

static char *
record_answer (SteadySkillRecord      *record,
               const SteadySkillField *field)
{
  g_autoptr(GString) text = g_string_new (NULL);

  switch (field->type)
    {
    case STEADY_SKILL_FIELD_TEXT:
      return _steady_report_escape_or_dash (steady_skill_record_get_text (record, field->id));
    case STEADY_SKILL_FIELD_PERCENT:
      {
        int percent = steady_skill_record_get_percent (record, field->id);

        return percent < 0 ? g_strdup ("–") : g_strdup_printf ("%d %%", percent);
      }
    case STEADY_SKILL_FIELD_CHOICE:
      return _steady_report_escape_or_dash (steady_skill_record_get_choice (record, field->id));
    case STEADY_SKILL_FIELD_MOODS:
      for (guint i = 0; i < steady_skill_record_get_n_moods (record); i++)
        {
          const char *name = NULL;
          int before = -1;
          int after = -1;
          g_autofree char *part = NULL;

          steady_skill_record_get_mood (record, i, &name, &before, &after);
          if (after >= 0)
            /* Translators: a mood in a thought record, rated before and after, e.g.
             * "Anxious 80 → 40". */
            part = g_markup_printf_escaped (_("%s %d → %d"), name, before, after);
          else
            part = g_markup_printf_escaped (_("%s %d"), name, before);
          g_string_append (text, i > 0 ? ", " : "");
          g_string_append (text, part);
        }
      break;
    case STEADY_SKILL_FIELD_THOUGHTS:
      for (guint i = 0; i < steady_skill_record_get_n_thoughts (record); i++)
        {
          g_autofree char *part = g_markup_escape_text (steady_skill_record_get_thought (record,
                                                                                        i), -1);

          g_string_append (text, i > 0 ? "\n" : "");
          if ((int)i == steady_skill_record_get_hot_thought (record))
            g_string_append_printf (text, "<b>%s</b> %s", part, _("(hot thought)"));
          else
            g_string_append (text, part);
        }
      break;
    default:
      break;
    }
  if (text->len == 0)
    g_string_append (text, "–");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
_steady_report_write_records (Writer     *w,
                              GPtrArray  *records,
                              const char *section,
                              const char *empty,
                              GError    **error)
{
  static const double weights[] = { 1.0, 2.4 };

  if (records->len == 0)
    {
      heading (w, section, 20);
      paragraph_text (w, empty, BODY_SIZE, FALSE, 6);
      return TRUE;
    }
  for (guint i = 0; i < records->len; i++)
    {
      SteadySkillRecord *record = g_ptr_array_index (records, i);
      SteadySkillKind kind = steady_skill_record_get_kind (record);
      g_autofree char *when = _steady_report_format_time (steady_skill_record_get_time (record),
                                           steady_skill_record_get_utc_offset (record),
                                           _steady_report_entry_time_format ());
      g_autofree char *title = g_strdup_printf ("%s — %s", _(steady_skill_kind_get_title (kind)),
                                                when);
      const char *titles[] = { title, "" };
      guint n_fields = 0;
      const SteadySkillField *fields = steady_skill_kind_get_fields (kind, &n_fields);
      SteadyReportTable table;

      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

      /* Only the questions answered: a page of dashes says nothing to the reader. */
      for (guint f = 0; f < n_fields; f++)
        {
          g_autofree char *answer = record_answer (record, &fields[f]);
          char **row;

          if (g_str_equal (answer, "–"))
            continue;
          row = g_new0 (char *, 3);
          row[0] = g_markup_escape_text (_(fields[f].title), -1);
          row[1] = g_steal_pointer (&answer);
          g_ptr_array_add (rows, row);
        }
      if (steady_skill_record_get_distress_before (record) >= 0)
        {
          int before = steady_skill_record_get_distress_before (record);
          int after = steady_skill_record_get_distress_after (record);
          char **row = g_new0 (char *, 3);

          row[0] = g_strdup (_("Distress (0–10)"));
          row[1] = _steady_report_distress_change (before, after);
          g_ptr_array_add (rows, row);
        }
      steady_report_table_init (&table, &w->base, titles, weights, G_N_ELEMENTS (weights));
      if (i == 0)
        heading (w, section, 60);
      else
        w->base.y += 8;
      steady_report_table_keep_together (&w->base, &table, rows);
      steady_report_table_begin (&w->base, &table, NULL);
      for (guint r = 0; r < rows->len; r++)
        steady_report_table_row (&w->base, &table, g_ptr_array_index (rows, r), FALSE);
      steady_report_table_clear (&table);
      if (!steady_report_writer_step (&w->base, error))
        return FALSE;
    }
  return TRUE;
}

/* Diary cards ------------------------------------------------------------------------------ */

static char *
diary_cell (const SteadyDiaryWeekRow *row,
            int                       d)
{
  int value = row->values[d];

  if (value == STEADY_DIARY_NONE)
    return g_strdup ("·");
  if (row->kind == STEADY_DIARY_ROW_ACTED)
    return g_strdup (value ? _("acted") : _("no"));
  return g_strdup_printf ("%d", value);
}

gboolean
_steady_report_write_diary (Writer  *w,
                            GError **error)
{
  static const double weights[] = { 3.0, 1, 1, 1, 1, 1, 1, 1 };

  if (w->data->diary_weeks->len == 0)
    {
      heading (w, _("Diary cards"), 20);
      paragraph_text (w, _("No diary cards shared in this time."), BODY_SIZE, FALSE, 6);
      return TRUE;
    }
  heading (w, _("Diary cards"), 80);
  paragraph_text (w, _("Emotions and urges 0–5, distress 0–10, skills 0–7. A dot: not rated."),
                  SMALL_SIZE, FALSE, 4);
  for (guint i = 0; i < w->data->diary_weeks->len; i++)
    {
      const SteadyDiaryWeek *week = g_ptr_array_index (w->data->diary_weeks, i);
      char *titles[8];
      SteadyReportTable table;

      for (int d = 0; d < 7; d++)
        {
          GDate date;
          char buffer[64];

          steady_journal_day_to_date (week->first_day + d, &date);
          /* Translators: a day heading of the diary card's week grid, as strftime takes it,
           * e.g. "Mon 5". */
          g_date_strftime (buffer, sizeof buffer, _("%a %e"), &date);
          titles[d + 1] = g_strdup (buffer);
        }
      titles[0] = g_strdup (_("Week"));
      steady_report_table_init (&table, &w->base, (const char * const *)titles, weights,
                                G_N_ELEMENTS (weights));
      for (int c = 1; c < 8; c++)
        table.numeric[c] = TRUE;
      for (int c = 0; c < 8; c++)
        g_free (titles[c]);
      w->base.y += 6;
      steady_report_table_begin (&w->base, &table, NULL);
      for (guint r = 0; r < week->rows->len; r++)
        {
          const SteadyDiaryWeekRow *row = g_ptr_array_index (week->rows, r);
          char *cells[8];

          if (row->kind == STEADY_DIARY_ROW_DISTRESS)
            cells[0] = g_strdup (_("Distress"));
          else if (row->kind == STEADY_DIARY_ROW_ACTED)
            cells[0] = g_markup_printf_escaped ("    <i>%s</i>", _("acted on it"));
          else
            cells[0] = g_markup_escape_text (row->label != NULL ? row->label : "", -1);
          for (int d = 0; d < 7; d++)
            cells[d + 1] = diary_cell (row, d);
          steady_report_table_row (&w->base, &table, cells, r % 2 == 1);
          for (int c = 0; c < 8; c++)
            g_free (cells[c]);
        }
      steady_report_table_clear (&table);
      if (!steady_report_writer_step (&w->base, error))
        return FALSE;
    }
  return TRUE;
}

/* Practice and attendance ------------------------------------------------------------------ */

gboolean
_steady_report_write_practice (Writer  *w,
                               GError **error)
{
  static const double weights[] = { 1.5, 2.6, 1.0, 1.4 };
  const char *titles[] = { _("When"), _("Skill or practice"), _("Minutes"),
                           _("Distress (0–10)") };
  g_auto(SteadyReportTable) table = { 0 };

  if (w->data->practices->len == 0)
    {
      heading (w, _("Practice log"), 20);
      paragraph_text (w, _("No skills or practices logged in this time."), BODY_SIZE, FALSE, 6);
      return TRUE;
    }
  steady_report_table_init (&table, &w->base, titles, weights, G_N_ELEMENTS (weights));
  table.numeric[2] = table.numeric[3] = TRUE;
  steady_report_table_begin (&w->base, &table, _("Practice log"));
  for (guint i = 0; i < w->data->practices->len; i++)
    {
      const SteadyReportPractice *practice = g_ptr_array_index (w->data->practices, i);
      char *cells[4];

      cells[0] = _steady_report_format_time (practice->time_us, practice->utc_offset_s,
                                             _steady_report_entry_time_format ());
      cells[1] = g_markup_escape_text (practice->label, -1);
      cells[2] = practice->length_us > 0
        ? g_strdup_printf ("%.0f", ceil ((double)practice->length_us / (60 * G_USEC_PER_SEC)))
        : g_strdup ("–");
      cells[3] = _steady_report_distress_change (practice->distress_before,
                                                 practice->distress_after);
      if (!steady_report_table_add_row (&w->base, &table, cells, i % 2 == 1, error))
        return FALSE;
    }
  return TRUE;
}

static const char *
attendance_word (const SteadyReportSession *session)
{
  if (session->cancelled)
    return _("Cancelled");
  switch (session->attendance)
    {
    case STEADY_ATTENDANCE_ATTENDED:
      return _("Attended");
    case STEADY_ATTENDANCE_MISSED:
      return _("Missed");
    default:
      return _("Not recorded");
    }
}

gboolean
_steady_report_write_attendance (Writer  *w,
                                 GError **error)
{
  static const double weights[] = { 1.6, 2.4, 1.6, 1.2 };
  const char *titles[] = { _("When"), _("Session"), _("With"), _("Attendance") };
  g_auto(SteadyReportTable) table = { 0 };

  if (w->data->sessions->len == 0)
    {
      heading (w, _("Attendance"), 20);
      paragraph_text (w, _("No sessions in the calendar in this time."), BODY_SIZE, FALSE, 6);
      return TRUE;
    }
  steady_report_table_init (&table, &w->base, titles, weights, G_N_ELEMENTS (weights));
  steady_report_table_begin (&w->base, &table, _("Attendance"));
  for (guint i = 0; i < w->data->sessions->len; i++)
    {
      const SteadyReportSession *session = g_ptr_array_index (w->data->sessions, i);
      char *cells[4];

      cells[0] = _steady_report_format_local_time (session->start_us,
                                                   _steady_report_entry_time_format ());
      cells[1] = _steady_report_escape_or_dash (session->title);
      cells[2] = _steady_report_escape_or_dash (session->clinician);
      cells[3] = g_markup_escape_text (attendance_word (session), -1);
      if (!steady_report_table_add_row (&w->base, &table, cells, i % 2 == 1, error))
        return FALSE;
    }
  return TRUE;
}

void
_steady_report_write_safety_plan (Writer *w)
{
  steady_report_writer_new_page (&w->base);
  steady_safety_plan_draw (w->base.cr, w->base.width, w->base.height - MARGIN_BOTTOM + 15 * MM,
                           w->data->safety_items, w->data->crisis_line,
                           STEADY_SAFETY_LAYOUT_PAGE);
}

/* The footer: the range, that the report is self-reported, and "Page 2 of 7". */