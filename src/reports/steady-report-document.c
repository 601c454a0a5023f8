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
#include "steady-safety-plan-printout.h"
#include "steady-skill-insights.h"
#include "steady-skill-kind.h"

#define MM            (72.0 / 25.4)
#define MARGIN_X      (18 * MM)
#define MARGIN_TOP    (18 * MM)
#define MARGIN_BOTTOM (22 * MM)
#define FONT_FAMILY   "Cantarell, DejaVu Sans, Sans"
#define BODY_SIZE     9.5
#define SMALL_SIZE    8.0
#define CELL_PAD      4.0
#define MAX_COLUMNS   9
#define CHART_HEIGHT  170.0

struct _SteadyReportDocument
{
  double     width;
  double     height;
  GPtrArray *pages;   /* cairo recording surfaces, one per page */
};

/* The writer: where the next thing goes, and the page it goes on. */
typedef struct
{
  SteadyReportDocument     *doc;
  const SteadyReportData   *data;
  PangoContext             *context;
  cairo_t                  *cr;
  double                    y;
  GCancellable             *cancellable;
  SteadyReportProgressFunc  progress;
  gpointer                  user_data;
  guint                     n_rows;     /* for the progress */
  guint                     rows_done;
} Writer;

typedef struct
{
  guint  n_columns;
  double widths[MAX_COLUMNS];
  char  *titles[MAX_COLUMNS];   /* markup */
  gboolean numeric[MAX_COLUMNS];
} Table;

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

/* Text ------------------------------------------------------------------------------------- */

static PangoLayout *
writer_layout (Writer     *w,
               const char *markup,
               double      size,
               gboolean    bold,
               double      width)
{
  PangoLayout *layout = pango_layout_new (w->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int width;
  int height;

  pango_layout_get_size (layout, &width, &height);
  return (double)height / PANGO_SCALE;
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

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

/* Pages ------------------------------------------------------------------------------------ */

static double
page_bottom (Writer *w)
{
  return w->doc->height - MARGIN_BOTTOM;
}

static double
text_width (Writer *w)
{
  return w->doc->width - 2 * MARGIN_X;
}

static void
writer_new_page (Writer *w)
{
  cairo_rectangle_t extents = { 0, 0, w->doc->width, w->doc->height };
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                             &extents);

  g_clear_pointer (&w->cr, cairo_destroy);
  g_ptr_array_add (w->doc->pages, surface);
  w->cr = cairo_create (surface);
  cairo_set_source_rgb (w->cr, 0, 0, 0);
  w->y = MARGIN_TOP;
}

/* Starts a new page unless @height still fits on this one. */
static void
writer_ensure (Writer *w,
               double  height)
{
  if (w->y + height > page_bottom (w) && w->y > MARGIN_TOP)
    writer_new_page (w);
}

static gboolean
writer_step (Writer  *w,
             GError **error)
{
  w->rows_done++;
  if (w->progress != NULL && (w->rows_done % 16 == 0 || w->rows_done == w->n_rows))
    w->progress (w->n_rows > 0 ? 0.9 * MIN (1.0, (double)w->rows_done / w->n_rows) : 0.9,
                 w->user_data);
  return !g_cancellable_set_error_if_cancelled (w->cancellable, error);
}

/* Writes a paragraph of markup across the text width. */
static void
writer_paragraph (Writer     *w,
                  const char *markup,
                  double      size,
                  gboolean    bold,
                  double      space_after)
{
  g_autoptr(PangoLayout) layout = writer_layout (w, markup, size, bold, text_width (w));
  double height = layout_height (layout);

  writer_ensure (w, height);
  show_layout (w->cr, layout, MARGIN_X, w->y);
  w->y += height + space_after;
}

/* A section heading, kept on the page of what follows it (@keep points of it). */
static void
writer_heading (Writer     *w,
                const char *text,
                double      keep)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  g_autoptr(PangoLayout) layout = writer_layout (w, markup, 15, TRUE, text_width (w));
  double height = layout_height (layout);

  w->y += 10;
  writer_ensure (w, height + 8 + keep);
  show_layout (w->cr, layout, MARGIN_X, w->y);
  w->y += height + 2;
  cairo_save (w->cr);
  cairo_set_line_width (w->cr, 1.2);
  cairo_move_to (w->cr, MARGIN_X, w->y);
  cairo_line_to (w->cr, MARGIN_X + text_width (w), w->y);
  cairo_stroke (w->cr);
  cairo_restore (w->cr);
  w->y += 8;
}

/* Tables ----------------------------------------------------------------------------------- */

static void
table_init (Table              *table,
            Writer             *w,
            const char * const *titles,
            const double       *weights,
            guint               n_columns)
{
  double total = 0;

  g_assert (n_columns <= MAX_COLUMNS);
  memset (table, 0, sizeof *table);
  table->n_columns = n_columns;
  for (guint i = 0; i < n_columns; i++)
    total += weights[i];
  for (guint i = 0; i < n_columns; i++)
    {
      table->widths[i] = text_width (w) * weights[i] / total;
      table->titles[i] = g_markup_escape_text (titles[i], -1);
    }
}

static void
table_clear (Table *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    g_clear_pointer (&table->titles[i], g_free);
}

/* Lays the cells of a row out; returns the row's height. */
static double
table_layout_row (Writer       *w,
                  Table        *table,
                  char * const *cells,
                  gboolean      bold,
                  double        size,
                  PangoLayout **layouts)
{
  double height = 0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      layouts[i] = writer_layout (w, cells[i] != NULL ? cells[i] : "", size, bold,
                                  table->widths[i] - 2 * CELL_PAD);
      if (table->numeric[i])
        pango_layout_set_alignment (layouts[i], PANGO_ALIGN_CENTER);
      height = MAX (height, layout_height (layouts[i]));
    }
  return height + 2 * CELL_PAD;
}

static void
table_draw_row (Writer       *w,
                Table        *table,
                PangoLayout **layouts,
                double        height,
                double        shade)
{
  double x = MARGIN_X;

  cairo_save (w->cr);
  if (shade < 1.0)
    {
      cairo_set_source_rgb (w->cr, shade, shade, shade);
      cairo_rectangle (w->cr, MARGIN_X, w->y, text_width (w), height);
      cairo_fill (w->cr);
    }
  cairo_set_source_rgb (w->cr, 0, 0, 0);
  for (guint i = 0; i < table->n_columns; i++)
    {
      show_layout (w->cr, layouts[i], x + CELL_PAD, w->y + CELL_PAD);
      x += table->widths[i];
    }
  cairo_set_source_rgb (w->cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (w->cr, 0.5);
  cairo_move_to (w->cr, MARGIN_X, w->y + height);
  cairo_line_to (w->cr, MARGIN_X + text_width (w), w->y + height);
  cairo_stroke (w->cr);
  cairo_restore (w->cr);
  w->y += height;
}

static void
free_layouts (PangoLayout **layouts,
              guint         n)
{
  for (guint i = 0; i < n; i++)
    g_clear_object (&layouts[i]);
}

static void
table_header (Writer *w,
              Table  *table)
{
  PangoLayout *layouts[MAX_COLUMNS] = { NULL };
  double height = table_layout_row (w, table, table->titles, TRUE, SMALL_SIZE, layouts);

  table_draw_row (w, table, layouts, height, 0.85);
  free_layouts (layouts, table->n_columns);
}

/* Adds a row, on the next page (under the header again) when it does not fit on this one.
 * A row taller than a whole page is cut with an ellipsis rather than split. */
static void
table_row (Writer       *w,
           Table        *table,
           char * const *cells,
           gboolean      shaded)
{
  PangoLayout *layouts[MAX_COLUMNS] = { NULL };
  double height = table_layout_row (w, table, cells, FALSE, BODY_SIZE, layouts);
  double room = page_bottom (w) - MARGIN_TOP - 40;

  if (height > room)
    {
      for (guint i = 0; i < table->n_columns; i++)
        {
          pango_layout_set_height (layouts[i], (int)((room - 2 * CELL_PAD) * PANGO_SCALE));
          pango_layout_set_ellipsize (layouts[i], PANGO_ELLIPSIZE_END);
        }
      height = room;
    }
  if (w->y + height > page_bottom (w))
    {
      writer_new_page (w);
      table_header (w, table);
    }
  table_draw_row (w, table, layouts, height, shaded ? 0.95 : 1.0);
  free_layouts (layouts, table->n_columns);
}

/* Starts a new page for a short table that would fit on one but not in what is left here. */
static void
table_keep_together (Writer    *w,
                     Table     *table,
                     GPtrArray *rows)
{
  PangoLayout *layouts[MAX_COLUMNS] = { NULL };
  double height = table_layout_row (w, table, table->titles, TRUE, SMALL_SIZE, layouts);

  free_layouts (layouts, table->n_columns);
  for (guint r = 0; r < rows->len; r++)
    {
      height += table_layout_row (w, table, g_ptr_array_index (rows, r), FALSE, BODY_SIZE,
                                  layouts);
      free_layouts (layouts, table->n_columns);
    }
  if (height <= page_bottom (w) - MARGIN_TOP)
    writer_ensure (w, height);
}

/* Starts a table under a heading, keeping the heading, header and first row together. */
static void
table_begin (Writer     *w,
             Table      *table,
             const char *heading)
{
  if (heading != NULL)
    writer_heading (w, heading, 60);
  else
    writer_ensure (w, 60);
  table_header (w, table);
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
  g_autoptr(PangoLayout) top = writer_layout (w, label_markup, SMALL_SIZE, FALSE, width - 16);
  g_autoptr(PangoLayout) bottom = writer_layout (w, value_markup, 13, TRUE, width - 16);

  cairo_save (w->cr);
  cairo_set_source_rgb (w->cr, 0.95, 0.95, 0.95);
  cairo_rectangle (w->cr, x, y, width, height);
  cairo_fill_preserve (w->cr);
  cairo_set_source_rgb (w->cr, 0.5, 0.5, 0.5);
  cairo_set_line_width (w->cr, 0.6);
  cairo_stroke (w->cr);
  cairo_set_source_rgb (w->cr, 0, 0, 0);
  show_layout (w->cr, top, x + 8, y + 7);
  show_layout (w->cr, bottom, x + 8, y + 9 + layout_height (top));
  cairo_restore (w->cr);
}

static void
write_what_helped (Writer *w)
{
  const SteadyReportData *data = w->data;
  g_autoptr(GString) text = g_string_new (NULL);

  writer_paragraph (w, _("What helped"), 12, TRUE, 4);
  if (data->what_helps->len == 0)
    {
      g_autofree char *none = g_markup_escape_text (_("Not enough rated practice yet to say "
                                                       "what eases distress."), -1);

      writer_paragraph (w, none, BODY_SIZE, FALSE, 6);
      return;
    }
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
      writer_paragraph (w, line, BODY_SIZE, FALSE, 2);
    }
  w->y += 4;
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
  g_autofree char *sessions = NULL;
  g_autofree char *skills = NULL;
  double box_width = (text_width (w) - 10) / 2;
  double box_height = 44;
  g_autofree char *today = format_local_time (g_get_real_time (), long_date_format ());

  writer_paragraph (w, title, 22, TRUE, 4);
  writer_paragraph (w, subtitle, 13, FALSE, 4);
  /* Translators: under the title of the report; %s is today's date. */
  made = g_markup_printf_escaped (_("Written by me in Steady and shared on %s. Everything in "
                                    "it is self-reported."), today);
  writer_paragraph (w, made, SMALL_SIZE, FALSE, 14);

  checkins = g_strdup_printf (ngettext ("%u check-in on %u days", "%u check-ins on %u days",
                                        data->entries->len),
                              data->entries->len, data->days->len);
  /* Translators: sessions attended on the cover, e.g. "3 of 4". */
  sessions = g_strdup_printf (_("%u of %u"), data->n_sessions_attended, data->n_sessions_past);
  skills = g_strdup_printf ("%u", data->n_skills_practised);

  draw_figure (w, MARGIN_X, w->y, box_width, box_height, _("Average mood (1 to 5)"), mood);
  draw_figure (w, MARGIN_X + box_width + 10, w->y, box_width, box_height, _("Journal"),
               checkins);
  w->y += box_height + 10;
  draw_figure (w, MARGIN_X, w->y, box_width, box_height, _("Sessions attended"), sessions);
  draw_figure (w, MARGIN_X + box_width + 10, w->y, box_width, box_height,
               _("Skills and practices used"), skills);
  w->y += box_height + 16;

  write_what_helped (w);

  if (data->sections & STEADY_REPORT_SECTION_MOOD)
    {
      SteadyMoodChartStyle style;
      g_autofree char *emotions = steady_mood_chart_describe_emotions (data->emotions);
      g_autofree char *markup = g_markup_escape_text (emotions, -1);

      steady_mood_chart_style_init_print (&style);
      writer_paragraph (w, _("Mood each day"), 12, TRUE, 4);
      writer_ensure (w, CHART_HEIGHT);
      cairo_save (w->cr);
      cairo_translate (w->cr, MARGIN_X, w->y);
      steady_mood_chart_draw_mood (w->cr, text_width (w), CHART_HEIGHT, &style, data->days,
                                   data->first_day, data->last_day);
      cairo_restore (w->cr);
      w->y += CHART_HEIGHT + 6;
      writer_paragraph (w, markup, BODY_SIZE, FALSE, 6);
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
  writer_heading (w, _("Emotions felt most often"), height);
  cairo_save (w->cr);
  cairo_translate (w->cr, MARGIN_X, w->y);
  steady_mood_chart_draw_emotions (w->cr, text_width (w), height, &style, w->data->emotions);
  cairo_restore (w->cr);
  w->y += height + 6;
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
  static const double weights[] = { 1.5, 1.1, 2.0, 4.0 };
  const char *titles[] = { _("When"), _("Mood"), _("Feelings, activities, sleep"), _("Note") };
  Table table;

  table_init (&table, w, titles, weights, G_N_ELEMENTS (weights));
  if (w->data->entries->len == 0)
    {
      writer_heading (w, _("Journal"), 20);
      writer_paragraph (w, _("No journal entries shared in this time."), BODY_SIZE, FALSE, 6);
      table_clear (&table);
      return TRUE;
    }
  table_begin (w, &table, _("Journal"));
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
      table_row (w, &table, cells, i % 2 == 1);
      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        g_free (cells[c]);
      if (!writer_step (w, error))
        {
          table_clear (&table);
          return FALSE;
        }
    }
  table_clear (&table);
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
               const char *heading,
               const char *empty,
               GError    **error)
{
  static const double weights[] = { 1.0, 2.4 };

  if (records->len == 0)
    {
      writer_heading (w, heading, 20);
      writer_paragraph (w, empty, BODY_SIZE, FALSE, 6);
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
      Table table;

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
      table_init (&table, w, titles, weights, G_N_ELEMENTS (weights));
      if (i == 0)
        writer_heading (w, heading, 60);
      else
        w->y += 8;
      table_keep_together (w, &table, rows);
      table_begin (w, &table, NULL);
      for (guint r = 0; r < rows->len; r++)
        table_row (w, &table, g_ptr_array_index (rows, r), FALSE);
      table_clear (&table);
      if (!writer_step (w, error))
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
      writer_heading (w, _("Diary cards"), 20);
      writer_paragraph (w, _("No diary cards shared in this time."), BODY_SIZE, FALSE, 6);
      return TRUE;
    }
  writer_heading (w, _("Diary cards"), 80);
  writer_paragraph (w, _("Emotions and urges 0–5, distress 0–10, skills 0–7. A dot: not "
                         "rated."), SMALL_SIZE, FALSE, 4);
  for (guint i = 0; i < w->data->diary_weeks->len; i++)
    {
      const SteadyDiaryWeek *week = g_ptr_array_index (w->data->diary_weeks, i);
      char *titles[8];
      Table table;

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
      table_init (&table, w, (const char * const *)titles, weights, G_N_ELEMENTS (weights));
      for (int c = 1; c < 8; c++)
        table.numeric[c] = TRUE;
      for (int c = 0; c < 8; c++)
        g_free (titles[c]);
      w->y += 6;
      table_begin (w, &table, NULL);
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
          table_row (w, &table, cells, r % 2 == 1);
          for (int c = 0; c < 8; c++)
            g_free (cells[c]);
        }
      table_clear (&table);
      if (!writer_step (w, error))
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
  Table table;

  if (w->data->practices->len == 0)
    {
      writer_heading (w, _("Practice log"), 20);
      writer_paragraph (w, _("No skills or practices logged in this time."), BODY_SIZE, FALSE,
                        6);
      return TRUE;
    }
  table_init (&table, w, titles, weights, G_N_ELEMENTS (weights));
  table.numeric[2] = table.numeric[3] = TRUE;
  table_begin (w, &table, _("Practice log"));
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
      table_row (w, &table, cells, i % 2 == 1);
      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        g_free (cells[c]);
      if (!writer_step (w, error))
        {
          table_clear (&table);
          return FALSE;
        }
    }
  table_clear (&table);
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
  Table table;

  if (w->data->sessions->len == 0)
    {
      writer_heading (w, _("Attendance"), 20);
      writer_paragraph (w, _("No sessions in the calendar in this time."), BODY_SIZE, FALSE, 6);
      return TRUE;
    }
  table_init (&table, w, titles, weights, G_N_ELEMENTS (weights));
  table_begin (w, &table, _("Attendance"));
  for (guint i = 0; i < w->data->sessions->len; i++)
    {
      const SteadyReportSession *session = g_ptr_array_index (w->data->sessions, i);
      char *cells[4];

      cells[0] = format_local_time (session->start_us, entry_time_format ());
      cells[1] = escape_or_dash (session->title);
      cells[2] = escape_or_dash (session->clinician);
      cells[3] = g_markup_escape_text (attendance_word (session), -1);
      table_row (w, &table, cells, i % 2 == 1);
      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        g_free (cells[c]);
      if (!writer_step (w, error))
        {
          table_clear (&table);
          return FALSE;
        }
    }
  table_clear (&table);
  return TRUE;
}

static void
write_safety_plan (Writer *w)
{
  const SteadyCrisisLine *line =
    steady_crisis_lines_lookup (steady_crisis_region_from_environment ());

  writer_new_page (w);
  steady_safety_plan_draw (w->cr, w->doc->width, w->doc->height - MARGIN_BOTTOM + 15 * MM,
                           w->data->safety_items, line, STEADY_SAFETY_LAYOUT_PAGE);
}

/* The footer: the range, that the report is self-reported, and "Page 2 of 7". */
static void
write_footers (Writer *w)
{
  g_autofree char *range = range_text (w->data);
  guint n_pages = w->doc->pages->len;

  for (guint i = 0; i < n_pages; i++)
    {
      cairo_t *cr = cairo_create (g_ptr_array_index (w->doc->pages, i));
      g_autofree char *left = NULL;
      g_autofree char *right = NULL;
      g_autoptr(PangoLayout) left_layout = NULL;
      g_autoptr(PangoLayout) right_layout = NULL;
      double y = w->doc->height - MARGIN_BOTTOM + 10;

      /* Translators: the footer of every page of the report; %s is its range of dates. */
      left = g_markup_printf_escaped (_("%s · Self-reported in Steady, not a clinical record"),
                                      range);
      /* Translators: the page number in the report's footer. */
      right = g_markup_printf_escaped (_("Page %u of %u"), i + 1, n_pages);
      left_layout = writer_layout (w, left, SMALL_SIZE - 0.5, FALSE, text_width (w) * 0.75);
      right_layout = writer_layout (w, right, SMALL_SIZE - 0.5, FALSE, text_width (w) * 0.25);
      pango_layout_set_alignment (right_layout, PANGO_ALIGN_RIGHT);

      cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN_X, y - 4);
      cairo_line_to (cr, MARGIN_X + text_width (w), y - 4);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      show_layout (cr, left_layout, MARGIN_X, y);
      show_layout (cr, right_layout, MARGIN_X + text_width (w) * 0.75, y);
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
    write_emotions_chart (w);
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
  PangoContext *context;
  cairo_font_options_t *options;
  Writer w = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (width_pt > 100 && height_pt > 100, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = g_new0 (SteadyReportDocument, 1);
  doc->width = width_pt;
  doc->height = height_pt;
  doc->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)cairo_surface_destroy);

  /* Unhinted metrics: the layout must not depend on the surface it is later replayed on. */
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  w.doc = doc;
  w.data = data;
  w.context = context;
  w.cancellable = cancellable;
  w.progress = progress;
  w.user_data = user_data;
  w.n_rows = count_rows (data);
  writer_new_page (&w);
  ok = write_sections (&w, error);
  g_clear_pointer (&w.cr, cairo_destroy);
  if (ok)
    write_footers (&w);
  g_object_unref (context);
  if (!ok)
    return NULL;
  if (progress != NULL)
    progress (0.9, user_data);
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
