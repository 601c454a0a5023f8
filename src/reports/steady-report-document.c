/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-report-document.c: lays the therapist report out into pages with cairo and pango,
 * each page kept as a cairo recording surface. The PDF replays the recordings onto a PDF
 * surface, printing replays one page onto the print context, the preview onto an image.
 *
 * Tables break between rows only, with their header repeated on the next page; a heading
 * is never left alone at the foot of a page. Black, greys and shapes only, so the report
 * reads the same from a greyscale printer. */

#define G_LOG_DOMAIN "steady-report-document"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "steady-crisis-lines.h"
#include "steady-diary-store.h"
#include "steady-journal-common.h"
#include "steady-mood-chart.h"
#include "steady-occurrence-store.h"
#include "steady-report-document.h"
#include "steady-report-writer.h"
#include "steady-safety-plan-printout.h"
#include "steady-skill-insights.h"
#include "steady-skill-kind.h"

#define MM            STEADY_REPORT_MM
#define MARGIN_X      STEADY_REPORT_MARGIN_X
#define MARGIN_BOTTOM STEADY_REPORT_MARGIN_BOTTOM
#define BODY_SIZE     STEADY_REPORT_BODY_SIZE
#define SMALL_SIZE    STEADY_REPORT_SMALL_SIZE
#define CHART_HEIGHT  170.0

struct _SteadyReportDocument
{
  double     width;
  double     height;
  GPtrArray *pages;   /* cairo recording surfaces, one per page */
};

/* The pen of steady-report-writer, and what it writes. */
typedef struct
{
  SteadyReportWriter      base;
  const SteadyReportData *data;
} Writer;

/* Short names for the pen's calls the sections make most. */
static double
text_width (Writer *w)
{
  return steady_report_writer_get_text_width (&w->base);
}

static void
paragraph (Writer     *w,
           const char *markup,
           double      size,
           gboolean    bold,
           double      space_after)
{
  steady_report_writer_paragraph (&w->base, markup, size, bold, space_after);
}

/* The same for plain text, such as a translated sentence, which may hold "&" or "<". */
static void
paragraph_text (Writer     *w,
                const char *text,
                double      size,
                gboolean    bold,
                double      space_after)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  steady_report_writer_paragraph (&w->base, markup, size, bold, space_after);
}

static void
heading (Writer     *w,
         const char *text,
         double      keep)
{
  steady_report_writer_heading (&w->base, text, keep);
}

/* Paper ------------------------------------------------------------------------------------ */

void
steady_report_paper_get_size (SteadyReportPaper  paper,
                              double            *width_pt,
                              double            *height_pt)
{
  SteadySafetyPaper safety_paper;

  g_return_if_fail (width_pt != NULL && height_pt != NULL);

  if (paper == STEADY_REPORT_PAPER_A4)
    safety_paper = STEADY_SAFETY_PAPER_A4;
  else if (paper == STEADY_REPORT_PAPER_LETTER)
    safety_paper = STEADY_SAFETY_PAPER_LETTER;
  else
    safety_paper = steady_safety_paper_from_environment ();
  steady_safety_paper_get_size (safety_paper, width_pt, height_pt);
}

/* Dates ------------------------------------------------------------------------------------ */

static char *
format_time (gint64      time_us,
             int         utc_offset_s,
             const char *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time_us / G_USEC_PER_SEC);
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  zone = g_time_zone_new_offset (utc_offset_s);
  local = g_date_time_to_timezone (utc, zone);
  return g_date_time_format (local, format);
}

static char *
format_local_time (gint64      time_us,
                   const char *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, format);
}

/* "3 October 2026", the same words for dates as the report's range. */
static const char *
long_date_format (void)
{
  return _("%-d %B %Y");
}

/* "Sat 3 Oct, 18:30" */
static const char *
entry_time_format (void)
{
  /* Translators: when a journal entry or practice was made, as g_date_time_format () takes
   * it, e.g. "Sat 3 Oct, 18:30". */
  return _("%a %-d %b, %H:%M");
}

static char *
range_text (const SteadyReportData *data)
{
  return steady_report_range_describe (&data->range, NULL);
}

static char *
escape_or_dash (const char *text)
{
  if (text == NULL || text[0] == '\0')
    return g_strdup ("–");
  return g_markup_escape_text (text, -1);
}

/* Cover ------------------------------------------------------------------------------------ */

static char *
mood_figure (const SteadyReportData *data)
{
  double mean = steady_report_data_get_mean_mood (data);
  double before;

  if (data->days->len == 0)
    return g_strdup (_("No check-ins"));
  if (data->previous_days->len == 0)
    /* Translators: the average mood on the report's cover, e.g. "3.4 (Okay)". */
    return g_strdup_printf (_("%.1f (%s)"), mean, steady_mood_word ((int)round (mean)));
  before = steady_mood_chart_mean_mood (data->previous_days);
  if (round (mean * 10) > round (before * 10))
    /* Translators: the average mood and its trend, e.g. "3.4 (Okay), up from 3.1". */
    return g_strdup_printf (_("%.1f (%s), up from %.1f"), mean,
                            steady_mood_word ((int)round (mean)), before);
  if (round (mean * 10) < round (before * 10))
    /* Translators: the average mood and its trend, e.g. "2.9 (Okay), down from 3.4". */
    return g_strdup_printf (_("%.1f (%s), down from %.1f"), mean,
                            steady_mood_word ((int)round (mean)), before);
  /* Translators: the average mood and its trend, e.g. "3.4 (Okay), steady". */
  return g_strdup_printf (_("%.1f (%s), no change"), mean, steady_mood_word ((int)round (mean)));
}

/* One figure of the summary: a small label over a large value, in a box. */
static void
draw_figure (Writer     *w,
             double      x,
             double      y,
             double      width,
             double      height,
             const char *label,
             const char *value)
{
  g_autofree char *label_markup = g_markup_escape_text (label, -1);
  g_autofree char *value_markup = g_markup_escape_text (value, -1);
  g_autoptr(PangoLayout) top = steady_report_writer_layout (&w->base, label_markup, SMALL_SIZE,
                                                            FALSE, width - 16);
  g_autoptr(PangoLayout) bottom = steady_report_writer_layout (&w->base, value_markup, 13, TRUE,
                                                               width - 16);

  cairo_save (w->base.cr);
  cairo_set_source_rgb (w->base.cr, 0.95, 0.95, 0.95);
  cairo_rectangle (w->base.cr, x, y, width, height);
  cairo_fill_preserve (w->base.cr);
  cairo_set_source_rgb (w->base.cr, 0.5, 0.5, 0.5);
  cairo_set_line_width (w->base.cr, 0.6);
  cairo_stroke (w->base.cr);
  cairo_set_source_rgb (w->base.cr, 0, 0, 0);
  steady_report_show_layout (w->base.cr, top, x + 8, y + 7);
  steady_report_show_layout (w->base.cr, bottom, x + 8, y + 9 + steady_report_layout_height (top));
  cairo_restore (w->base.cr);
}

static void
write_what_helped (Writer *w)
{
  const SteadyReportData *data = w->data;
  g_autoptr(GString) text = g_string_new (NULL);

  paragraph_text (w, _("What helped"), 12, TRUE, 4);
  if (data->what_helps->len == 0)
    {
      paragraph_text (w, _("Not enough rated practice yet to say what eases distress."),
                      BODY_SIZE, FALSE, 6);
      return;
    }
  paragraph_text (w, _("From all my rated practice, not only this time: how much distress "
                       "(0–10) fell on average."), SMALL_SIZE, FALSE, 3);
  for (guint i = 0; i < MIN (data->what_helps->len, 5); i++)
    {
      const SteadyHelpItem *item = g_ptr_array_index (data->what_helps, i);
      g_autofree char *line = NULL;

      line = g_markup_printf_escaped (
        /* Translators: on the report's cover: a skill, how much distress (0–10) fell after it
         * on average, and over how many uses, e.g. "• Paced breathing: distress down 2.5
         * points on average (6 uses)". */
        ngettext ("•  <b>%s</b>: distress down %.1f points on average (%u use)",
                  "•  <b>%s</b>: distress down %.1f points on average (%u uses)", item->n_uses),
        item->label, item->mean_change, item->n_uses);
      paragraph (w, line, BODY_SIZE, FALSE, 2);
    }
  w->base.y += 4;
}

static void
write_cover (Writer *w)
{
  const SteadyReportData *data = w->data;
  g_autofree char *range = range_text (data);
  g_autofree char *title = g_markup_escape_text (_("Between sessions: my report"), -1);
  g_autofree char *subtitle = g_markup_escape_text (range, -1);
  g_autofree char *made = NULL;
  g_autofree char *mood = mood_figure (data);
  g_autofree char *checkins = NULL;
  g_autofree char *entries_text = NULL;
  g_autofree char *days_text = NULL;
  g_autofree char *sessions = NULL;
  g_autofree char *skills = NULL;
  double box_width = (text_width (w) - 10) / 2;
  double box_height = 44;
  g_autofree char *today = format_local_time (g_get_real_time (), long_date_format ());

  paragraph (w, title, 22, TRUE, 4);
  paragraph (w, subtitle, 13, FALSE, 4);
  /* Translators: under the title of the report; %s is today's date. */
  made = g_markup_printf_escaped (_("Written by me in Steady and shared on %s. Everything in "
                                    "it is self-reported."), today);
  paragraph (w, made, SMALL_SIZE, FALSE, 14);

  entries_text = g_strdup_printf (ngettext ("%u check-in", "%u check-ins", data->entries->len),
                                  data->entries->len);
  days_text = g_strdup_printf (ngettext ("%u day", "%u days", data->days->len),
                               data->days->len);
  /* Translators: on the cover, e.g. "32 check-ins" on "31 days". */
  checkins = g_strdup_printf (_("%s on %s"), entries_text, days_text);
  /* Translators: sessions attended on the cover, e.g. "3 of 4". */
  sessions = g_strdup_printf (_("%u of %u"), data->n_sessions_attended, data->n_sessions_past);
  skills = g_strdup_printf ("%u", data->n_skills_practised);

  draw_figure (w, MARGIN_X, w->base.y, box_width, box_height, _("Average mood (1 to 5)"), mood);
  draw_figure (w, MARGIN_X + box_width + 10, w->base.y, box_width, box_height, _("Journal"),
               checkins);
  w->base.y += box_height + 10;
  draw_figure (w, MARGIN_X, w->base.y, box_width, box_height, _("Sessions attended"), sessions);
  draw_figure (w, MARGIN_X + box_width + 10, w->base.y, box_width, box_height,
               _("Skills and practices used"), skills);
  w->base.y += box_height + 16;

  write_what_helped (w);

  if (data->sections & STEADY_REPORT_SECTION_MOOD)
    {
      SteadyMoodChartStyle style;

      steady_mood_chart_style_init_print (&style);
      paragraph_text (w, _("Mood each day"), 12, TRUE, 4);
      steady_report_writer_ensure (&w->base, CHART_HEIGHT);
      cairo_save (w->base.cr);
      cairo_translate (w->base.cr, MARGIN_X, w->base.y);
      steady_mood_chart_draw_mood (w->base.cr, text_width (w), CHART_HEIGHT, &style, data->days,
                                   data->first_day, data->last_day);
      cairo_restore (w->base.cr);
      w->base.y += CHART_HEIGHT + 12;
    }
}

static void
write_emotions_chart (Writer *w)
{
  SteadyMoodChartStyle style;
  double height = 22 + 16.0 * MIN (w->data->emotions->len, 8);

  if (w->data->emotions->len == 0)
    return;
  steady_mood_chart_style_init_print (&style);
  heading (w, _("Emotions felt most often"), height);
  cairo_save (w->base.cr);
  cairo_translate (w->base.cr, MARGIN_X, w->base.y);
  steady_mood_chart_draw_emotions (w->base.cr, text_width (w), height, &style, w->data->emotions);
  cairo_restore (w->base.cr);
  w->base.y += height + 6;
}

static void
write_sleep_chart (Writer *w)
{
  SteadyMoodChartStyle style;
  g_autofree char *words = NULL;
  g_autofree char *markup = NULL;

  if (w->data->sleep->len == 0)
    return;
  steady_mood_chart_style_init_print (&style);
  words = steady_mood_chart_describe_sleep (w->data->sleep);
  markup = g_markup_escape_text (words, -1);
  heading (w, _("Sleep and mood"), CHART_HEIGHT);
  cairo_save (w->base.cr);
  cairo_translate (w->base.cr, MARGIN_X, w->base.y);
  steady_mood_chart_draw_sleep (w->base.cr, text_width (w), CHART_HEIGHT, &style, w->data->sleep);
  cairo_restore (w->base.cr);
  w->base.y += CHART_HEIGHT + 6;
  paragraph (w, markup, BODY_SIZE, FALSE, 6);
}

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

static gboolean
write_journal (Writer  *w,
               GError **error)
{
  /* The note gets most of the width: it is what a therapist reads, and it is the longest. */
  static const double weights[] = { 1.3, 1.0, 1.6, 5.2 };
  const char *titles[] = { _("When"), _("Mood"), _("Feelings, activities, sleep"), _("Note") };
  SteadyReportTable table;

  steady_report_table_init (&table, &w->base, titles, weights, G_N_ELEMENTS (weights));
  if (w->data->entries->len == 0)
    {
      heading (w, _("Journal"), 20);
      paragraph_text (w, _("No journal entries shared in this time."), BODY_SIZE, FALSE, 6);
      steady_report_table_clear (&table);
      return TRUE;
    }
  steady_report_table_begin (&w->base, &table, _("Journal"));
  for (guint i = 0; i < w->data->entries->len; i++)
    {
      SteadyMoodEntry *entry = g_ptr_array_index (w->data->entries, i);
      int mood = steady_mood_entry_get_mood (entry);
      char *cells[4];

      cells[0] = format_time (steady_mood_entry_get_time (entry),
                              steady_mood_entry_get_utc_offset (entry), entry_time_format ());
      cells[1] = mood >= STEADY_MOOD_MIN ? g_markup_printf_escaped ("<b>%d</b> %s", mood,
                                                                    steady_mood_word (mood))
                                         : g_strdup ("–");
      cells[2] = entry_details (entry);
      cells[3] = escape_or_dash (steady_mood_entry_get_note (entry));
      steady_report_table_row (&w->base, &table, cells, i % 2 == 1);
      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        g_free (cells[c]);
      if (!steady_report_writer_step (&w->base, error))
        {
          steady_report_table_clear (&table);
          return FALSE;
        }
    }
  steady_report_table_clear (&table);
  return TRUE;
}

static char *
distress_change (int before,
                 int after)
{
  if (before < 0 && after < 0)
    return g_strdup ("–");
  if (after < 0)
    return g_strdup_printf ("%d", before);
  if (before < 0)
    return g_strdup_printf ("→ %d", after);
  return g_strdup_printf ("%d → %d", before, after);
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
      return escape_or_dash (steady_skill_record_get_text (record, field->id));
    case STEADY_SKILL_FIELD_PERCENT:
      {
        int percent = steady_skill_record_get_percent (record, field->id);

        return percent < 0 ? g_strdup ("–") : g_strdup_printf ("%d %%", percent);
      }
    case STEADY_SKILL_FIELD_CHOICE:
      return escape_or_dash (steady_skill_record_get_choice (record, field->id));
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

static gboolean
write_records (Writer     *w,
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
      g_autofree char *when = format_time (steady_skill_record_get_time (record),
                                           steady_skill_record_get_utc_offset (record),
                                           entry_time_format ());
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
          row[1] = distress_change (before, after);
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

static gboolean
write_diary (Writer  *w,
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

static gboolean
write_practice (Writer  *w,
                GError **error)
{
  static const double weights[] = { 1.5, 2.6, 1.0, 1.4 };
  const char *titles[] = { _("When"), _("Skill or practice"), _("Minutes"),
                           _("Distress (0–10)") };
  SteadyReportTable table;

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

      cells[0] = format_time (practice->time_us, practice->utc_offset_s, entry_time_format ());
      cells[1] = g_markup_escape_text (practice->label, -1);
      cells[2] = practice->length_us > 0
        ? g_strdup_printf ("%.0f", ceil ((double)practice->length_us / (60 * G_USEC_PER_SEC)))
        : g_strdup ("–");
      cells[3] = distress_change (practice->distress_before, practice->distress_after);
      steady_report_table_row (&w->base, &table, cells, i % 2 == 1);
      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        g_free (cells[c]);
      if (!steady_report_writer_step (&w->base, error))
        {
          steady_report_table_clear (&table);
          return FALSE;
        }
    }
  steady_report_table_clear (&table);
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

static gboolean
write_attendance (Writer  *w,
                  GError **error)
{
  static const double weights[] = { 1.6, 2.4, 1.6, 1.2 };
  const char *titles[] = { _("When"), _("Session"), _("With"), _("Attendance") };
  SteadyReportTable table;

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

      cells[0] = format_local_time (session->start_us, entry_time_format ());
      cells[1] = escape_or_dash (session->title);
      cells[2] = escape_or_dash (session->clinician);
      cells[3] = g_markup_escape_text (attendance_word (session), -1);
      steady_report_table_row (&w->base, &table, cells, i % 2 == 1);
      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        g_free (cells[c]);
      if (!steady_report_writer_step (&w->base, error))
        {
          steady_report_table_clear (&table);
          return FALSE;
        }
    }
  steady_report_table_clear (&table);
  return TRUE;
}

static void
write_safety_plan (Writer *w)
{
  steady_report_writer_new_page (&w->base);
  steady_safety_plan_draw (w->base.cr, w->base.width, w->base.height - MARGIN_BOTTOM + 15 * MM,
                           w->data->safety_items, w->data->crisis_line,
                           STEADY_SAFETY_LAYOUT_PAGE);
}

/* The footer: the range, that the report is self-reported, and "Page 2 of 7". */
static void
write_footers (Writer *w)
{
  g_autofree char *range = range_text (w->data);
  guint n_pages = w->base.pages->len;

  for (guint i = 0; i < n_pages; i++)
    {
      cairo_t *cr = cairo_create (g_ptr_array_index (w->base.pages, i));
      g_autofree char *left = NULL;
      g_autofree char *right = NULL;
      g_autoptr(PangoLayout) left_layout = NULL;
      g_autoptr(PangoLayout) right_layout = NULL;
      double y = w->base.height - MARGIN_BOTTOM + 10;

      /* Translators: the footer of every page of the report; %s is its range of dates. */
      left = g_markup_printf_escaped (_("%s · Self-reported in Steady, not a clinical record"),
                                      range);
      /* Translators: the page number in the report's footer. */
      right = g_markup_printf_escaped (_("Page %u of %u"), i + 1, n_pages);
      left_layout = steady_report_writer_layout (&w->base, left, SMALL_SIZE - 0.5, FALSE,
                                                 text_width (w) * 0.75);
      right_layout = steady_report_writer_layout (&w->base, right, SMALL_SIZE - 0.5, FALSE,
                                                  text_width (w) * 0.25);
      pango_layout_set_alignment (right_layout, PANGO_ALIGN_RIGHT);

      cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN_X, y - 4);
      cairo_line_to (cr, MARGIN_X + text_width (w), y - 4);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      steady_report_show_layout (cr, left_layout, MARGIN_X, y);
      steady_report_show_layout (cr, right_layout, MARGIN_X + text_width (w) * 0.75, y);
      cairo_destroy (cr);
    }
}

static guint
count_rows (const SteadyReportData *data)
{
  guint n = 0;

  if (data->sections & STEADY_REPORT_SECTION_JOURNAL)
    n += data->entries->len;
  if (data->sections & STEADY_REPORT_SECTION_THOUGHTS)
    n += data->thought_records->len;
  if (data->sections & STEADY_REPORT_SECTION_WORKSHEETS)
    n += data->worksheets->len;
  if (data->sections & STEADY_REPORT_SECTION_DIARY)
    n += data->diary_weeks->len;
  if (data->sections & STEADY_REPORT_SECTION_PRACTICE)
    n += data->practices->len;
  if (data->sections & STEADY_REPORT_SECTION_ATTENDANCE)
    n += data->sessions->len;
  return n;
}

static gboolean
write_sections (Writer  *w,
                GError **error)
{
  SteadyReportSections sections = w->data->sections;

  write_cover (w);
  if (sections & STEADY_REPORT_SECTION_MOOD)
    {
      write_emotions_chart (w);
      write_sleep_chart (w);
    }
  if ((sections & STEADY_REPORT_SECTION_JOURNAL) && !write_journal (w, error))
    return FALSE;
  if ((sections & STEADY_REPORT_SECTION_THOUGHTS) &&
      !write_records (w, w->data->thought_records, _("Thought records"),
                      _("No thought records shared in this time."), error))
    return FALSE;
  if ((sections & STEADY_REPORT_SECTION_WORKSHEETS) &&
      !write_records (w, w->data->worksheets, _("Worksheets"),
                      _("No worksheets shared in this time."), error))
    return FALSE;
  if ((sections & STEADY_REPORT_SECTION_DIARY) && !write_diary (w, error))
    return FALSE;
  if ((sections & STEADY_REPORT_SECTION_PRACTICE) && !write_practice (w, error))
    return FALSE;
  if ((sections & STEADY_REPORT_SECTION_ATTENDANCE) && !write_attendance (w, error))
    return FALSE;
  if ((sections & STEADY_REPORT_SECTION_SAFETY_PLAN) && w->data->safety_items != NULL)
    write_safety_plan (w);
  return TRUE;
}

/* Public ----------------------------------------------------------------------------------- */

/**
 * steady_report_document_new:
 * @data: what goes in
 * @width_pt: (in points) the paper's width
 * @height_pt: the paper's height
 * @progress: (nullable): told the fraction laid out, up to 0.9
 *
 * Lays the report out into pages.
 *
 * Returns: (transfer full): the pages, or %NULL when cancelled
 */
SteadyReportDocument *
steady_report_document_new (const SteadyReportData   *data,
                            double                    width_pt,
                            double                    height_pt,
                            GCancellable             *cancellable,
                            SteadyReportProgressFunc  progress,
                            gpointer                  user_data,
                            GError                  **error)
{
  g_autoptr(SteadyReportDocument) doc = NULL;
  Writer w;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (width_pt > 100 && height_pt > 100, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  w.data = data;
  steady_report_writer_init (&w.base, width_pt, height_pt, cancellable, progress, user_data);
  w.base.n_rows = count_rows (data);
  if (!write_sections (&w, error))
    {
      steady_report_writer_clear (&w.base);
      return NULL;
    }
  write_footers (&w);
  doc = g_new0 (SteadyReportDocument, 1);
  doc->width = width_pt;
  doc->height = height_pt;
  doc->pages = steady_report_writer_finish (&w.base);
  steady_report_progress (progress, user_data, 0.9);
  return g_steal_pointer (&doc);
}

guint
steady_report_document_get_n_pages (SteadyReportDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

void
steady_report_document_get_size (SteadyReportDocument *self,
                                 double               *width_pt,
                                 double               *height_pt)
{
  g_return_if_fail (self != NULL);

  if (width_pt != NULL)
    *width_pt = self->width;
  if (height_pt != NULL)
    *height_pt = self->height;
}

/* Draws @page (from 0) with its top left corner at the origin of @cr, in points, on white. */
void
steady_report_document_draw_page (SteadyReportDocument *self,
                                  cairo_t              *cr,
                                  guint                 page)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_surface (cr, g_ptr_array_index (self->pages, page), 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

static cairo_status_t
append_to_bytes_cb (void                *closure,
                    const unsigned char *data,
                    unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The whole document as PDF bytes, kept in memory so nothing reaches the disk half-made. */
GBytes *
steady_report_document_to_pdf (SteadyReportDocument      *self,
                               GCancellable              *cancellable,
                               SteadyReportProgressFunc   progress,
                               gpointer                   user_data,
                               GError                   **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean cancelled = FALSE;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (append_to_bytes_cb, bytes, self->width,
                                                 self->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  _("Between sessions: my report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);
  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len && !cancelled; i++)
    {
      cairo_set_source_surface (cr, g_ptr_array_index (self->pages, i), 0, 0);
      cairo_paint (cr);
      cairo_show_page (cr);
      cancelled = g_cancellable_is_cancelled (cancellable);
      steady_report_progress (progress, user_data, (double)(i + 1) / self->pages->len);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s explains what went wrong, in English. */
                   _("The report could not be drawn (%s)."), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* Writes the PDF at @path (0600), replacing what is there only once it is complete. */
gboolean
steady_report_document_write_pdf (SteadyReportDocument      *self,
                                  const char                *path,
                                  GCancellable              *cancellable,
                                  SteadyReportProgressFunc   progress,
                                  gpointer                   user_data,
                                  GError                   **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = steady_report_document_to_pdf (self, cancellable, progress, user_data, error);
  if (bytes == NULL)
    return FALSE;
  if (!steady_report_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 cancellable, error))
    return FALSE;
  steady_report_progress (progress, user_data, 1);
  return TRUE;
}

void
steady_report_document_free (SteadyReportDocument *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_free (self);
}
