/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-mood-chart.c: the journal's charts drawn with cairo and Pango alone, shared by the
 * chart widget and the PDF report, and the words that describe each chart. */

#define G_LOG_DOMAIN "steady-mood-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "steady-mood-chart.h"
#include "steady-mood-entry.h"

#define MARGIN 8.0

static const char * const mood_words[] = {
  NULL,
  /* Translators: the five points of the mood scale, from 1 to 5. */
  N_("Very low"),
  N_("Low"),
  N_("Okay"),
  N_("Good"),
  N_("Very good"),
};

static const char * const mood_icons[] = {
  NULL,
  "face-sad-symbolic",
  "face-worried-symbolic",
  "face-plain-symbolic",
  "face-smile-symbolic",
  "face-smile-big-symbolic",
};

/**
 * steady_mood_word:
 * @mood: 1–5
 *
 * Returns: the word for a point of the mood scale, translated, or "" outside the scale
 */
const char *
steady_mood_word (int mood)
{
  if (mood < STEADY_MOOD_MIN || mood > STEADY_MOOD_MAX)
    return "";
  return _(mood_words[mood]);
}

/* A face per point of the scale, so the scale never rests on colour or numbers alone. */
const char *
steady_mood_icon_name (int mood)
{
  if (mood < STEADY_MOOD_MIN || mood > STEADY_MOOD_MAX)
    return "face-uncertain-symbolic";
  return mood_icons[mood];
}

static void
set_color (cairo_t                *cr,
           const SteadyChartColor *color)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
}

void
steady_mood_chart_style_init_light (SteadyMoodChartStyle *style)
{
  g_return_if_fail (style != NULL);

  *style = (SteadyMoodChartStyle) {
    .background = { 1, 1, 1, 0 },
    .foreground = { 0.18, 0.20, 0.21, 1 },
    .grid = { 0.18, 0.20, 0.21, 0.15 },
    .line = { 0.11, 0.44, 0.85, 1 },
    .range = { 0.11, 0.44, 0.85, 0.35 },
    .font = "Sans 9",
  };
}

void
steady_mood_chart_style_init_dark (SteadyMoodChartStyle *style)
{
  g_return_if_fail (style != NULL);

  *style = (SteadyMoodChartStyle) {
    .background = { 0, 0, 0, 0 },
    .foreground = { 1, 1, 1, 0.9 },
    .grid = { 1, 1, 1, 0.15 },
    .line = { 0.47, 0.68, 0.93, 1 },
    .range = { 0.47, 0.68, 0.93, 0.4 },
    .font = "Sans 9",
  };
}

/* Black on white: a report must read the same from a greyscale printer. */
void
steady_mood_chart_style_init_print (SteadyMoodChartStyle *style)
{
  g_return_if_fail (style != NULL);

  *style = (SteadyMoodChartStyle) {
    .background = { 1, 1, 1, 1 },
    .foreground = { 0, 0, 0, 1 },
    .grid = { 0, 0, 0, 0.2 },
    .line = { 0, 0, 0, 1 },
    .range = { 0, 0, 0, 0.35 },
    .font = "Sans 8",
  };
}

static PangoLayout *
make_layout (cairo_t                    *cr,
             const SteadyMoodChartStyle *style,
             const char                 *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (style->font);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

/* Draws @text with its (x, y) corner chosen by @align_x / @align_y (0 start, 0.5 centre,
 * 1 end); returns the width it took. */
static double
draw_text (cairo_t                    *cr,
           const SteadyMoodChartStyle *style,
           const char                 *text,
           double                      x,
           double                      y,
           double                      align_x,
           double                      align_y)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, style, text);
  int w;
  int h;

  pango_layout_get_pixel_size (layout, &w, &h);
  set_color (cr, &style->foreground);
  cairo_move_to (cr, x - w * align_x, y - h * align_y);
  pango_cairo_show_layout (cr, layout);
  return w;
}

static void
text_size (cairo_t                    *cr,
           const SteadyMoodChartStyle *style,
           const char                 *text,
           int                        *width,
           int                        *height)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, style, text);

  pango_layout_get_pixel_size (layout, width, height);
}

static void
fill_background (cairo_t                    *cr,
                 const SteadyMoodChartStyle *style,
                 double                      width,
                 double                      height)
{
  if (style->background.a <= 0)
    return;
  set_color (cr, &style->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

static void
draw_empty (cairo_t                    *cr,
            const SteadyMoodChartStyle *style,
            double                      width,
            double                      height,
            const char                 *message)
{
  draw_text (cr, style, message, width / 2, height / 2, 0.5, 0.5);
}

/* The five levels with their words on the left, or only numbers when space is short. */
static double
draw_mood_axis (cairo_t                    *cr,
                const SteadyMoodChartStyle *style,
                double                      width,
                double                      top,
                double                      bottom)
{
  gboolean words = width >= 420;
  double label_width = 0;

  for (int mood = STEADY_MOOD_MIN; mood <= STEADY_MOOD_MAX; mood++)
    {
      g_autofree char *label = words ? g_strdup_printf ("%d %s", mood, steady_mood_word (mood))
                                     : g_strdup_printf ("%d", mood);
      int w;
      int h;

      text_size (cr, style, label, &w, &h);
      label_width = MAX (label_width, w);
    }

  for (int mood = STEADY_MOOD_MIN; mood <= STEADY_MOOD_MAX; mood++)
    {
      g_autofree char *label = words ? g_strdup_printf ("%d %s", mood, steady_mood_word (mood))
                                     : g_strdup_printf ("%d", mood);
      double y = bottom - (bottom - top) * (mood - 1) / 4.0;

      draw_text (cr, style, label, MARGIN, y, 0, 0.5);
      set_color (cr, &style->grid);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, MARGIN * 2 + label_width, round (y) + 0.5);
      cairo_line_to (cr, width - MARGIN, round (y) + 0.5);
      cairo_stroke (cr);
    }
  return MARGIN * 2 + label_width;
}

static void
date_label (int   day,
            char *buffer,
            gsize size)
{
  GDate date;

  steady_journal_day_to_date (day, &date);
  /* Translators: a short date under a chart; see g_date_strftime(). */
  g_date_strftime (buffer, size, _("%-d %b"), &date);
}

/**
 * steady_mood_chart_draw_mood:
 * @days: (element-type SteadyDaySummary): the days with entries, in order
 * @first_day: the first local day of the chart
 * @last_day: the last, inclusive
 *
 * Draws each day's mood: its range as a whisker band from the lowest to the highest entry,
 * its mean as a dot, and the means joined by a line across consecutive days.
 */
void
steady_mood_chart_draw_mood (cairo_t                    *cr,
                             double                      width,
                             double                      height,
                             const SteadyMoodChartStyle *style,
                             const GArray               *days,
                             int                         first_day,
                             int                         last_day)
{
  double left;
  double top = MARGIN * 1.5;
  double bottom;
  double slot;
  int text_w;
  int text_h;
  char first_label[64];
  char last_label[64];
  int previous_day = G_MININT;

  g_return_if_fail (cr != NULL && style != NULL && days != NULL);
  g_return_if_fail (first_day <= last_day);

  cairo_save (cr);
  fill_background (cr, style, width, height);
  text_size (cr, style, "0", &text_w, &text_h);
  bottom = height - MARGIN - text_h - 4;
  left = draw_mood_axis (cr, style, width, top, bottom);
  slot = (width - MARGIN - left) / (double)(last_day - first_day + 1);

  date_label (first_day, first_label, sizeof first_label);
  date_label (last_day, last_label, sizeof last_label);
  draw_text (cr, style, first_label, left, height - MARGIN, 0, 1);
  draw_text (cr, style, last_label, width - MARGIN, height - MARGIN, 1, 1);

  if (days->len == 0)
    {
      draw_empty (cr, style, width + left - MARGIN, top + (bottom - top) / 2 + text_h,
                  _("No check-ins in this time"));
      cairo_restore (cr);
      return;
    }

#define Y_OF(m) (bottom - (bottom - top) * ((m) - 1) / 4.0)
#define X_OF(d) (left + slot * ((d) - first_day + 0.5))

  /* The day's range, drawn as a whisker: a bar with end caps. */
  cairo_set_line_width (cr, CLAMP (slot * 0.5, 1.0, 6.0));
  set_color (cr, &style->range);
  for (guint i = 0; i < days->len; i++)
    {
      const SteadyDaySummary *d = &g_array_index (days, SteadyDaySummary, i);
      double x = X_OF (d->day);

      if (d->day < first_day || d->day > last_day || d->min_mood == d->max_mood)
        continue;
      cairo_move_to (cr, x, Y_OF (d->min_mood));
      cairo_line_to (cr, x, Y_OF (d->max_mood));
      cairo_stroke (cr);
    }

  /* The mean, joined only across consecutive days so a gap reads as a gap. */
  set_color (cr, &style->line);
  cairo_set_line_width (cr, 2);
  for (guint i = 0; i < days->len; i++)
    {
      const SteadyDaySummary *d = &g_array_index (days, SteadyDaySummary, i);

      if (d->day < first_day || d->day > last_day)
        continue;
      if (d->day == previous_day + 1)
        cairo_line_to (cr, X_OF (d->day), Y_OF (d->mean_mood));
      else
        cairo_move_to (cr, X_OF (d->day), Y_OF (d->mean_mood));
      previous_day = d->day;
    }
  cairo_stroke (cr);

  for (guint i = 0; i < days->len; i++)
    {
      const SteadyDaySummary *d = &g_array_index (days, SteadyDaySummary, i);
      double radius = CLAMP (slot * 0.3, 1.5, 4.5);

      if (d->day < first_day || d->day > last_day)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, X_OF (d->day), Y_OF (d->mean_mood), radius, 0, 2 * G_PI);
    }
  cairo_fill (cr);

#undef X_OF
#undef Y_OF
  cairo_restore (cr);
}

/**
 * steady_mood_chart_draw_emotions:
 * @counts: (element-type SteadyEmotionCount): most felt first
 *
 * Draws one labelled bar per emotion ("Calm 12"), as many as fit.
 */
void
steady_mood_chart_draw_emotions (cairo_t                    *cr,
                                 double                      width,
                                 double                      height,
                                 const SteadyMoodChartStyle *style,
                                 const GPtrArray            *counts)
{
  double label_width = 0;
  double row_height;
  guint max_count = 1;
  guint n_rows;
  int text_w;
  int text_h;

  g_return_if_fail (cr != NULL && style != NULL && counts != NULL);

  cairo_save (cr);
  fill_background (cr, style, width, height);
  if (counts->len == 0)
    {
      draw_empty (cr, style, width, height, _("No emotions named in this time"));
      cairo_restore (cr);
      return;
    }

  text_size (cr, style, "0", &text_w, &text_h);
  row_height = text_h + 8;
  n_rows = MIN (counts->len, (guint)MAX (1, (height - 2 * MARGIN) / row_height));
  for (guint i = 0; i < n_rows; i++)
    {
      const SteadyEmotionCount *c = g_ptr_array_index ((GPtrArray *)counts, i);
      int w;
      int h;

      text_size (cr, style, c->name, &w, &h);
      label_width = MAX (label_width, MIN (w, width / 3));
      max_count = MAX (max_count, c->n_entries);
    }

  for (guint i = 0; i < n_rows; i++)
    {
      const SteadyEmotionCount *c = g_ptr_array_index ((GPtrArray *)counts, i);
      g_autofree char *number = g_strdup_printf ("%u", c->n_entries);
      double y = MARGIN + i * row_height;
      double x = MARGIN * 2 + label_width;
      double room;
      double bar;
      int number_w;
      int number_h;

      text_size (cr, style, number, &number_w, &number_h);
      room = width - MARGIN - x - number_w - 6;
      bar = MAX (2, room * c->n_entries / (double)max_count);

      cairo_save (cr);
      cairo_rectangle (cr, 0, y, MARGIN + label_width, row_height);
      cairo_clip (cr);
      draw_text (cr, style, c->name, MARGIN, y + row_height / 2, 0, 0.5);
      cairo_restore (cr);

      set_color (cr, &style->line);
      cairo_rectangle (cr, x, y + 3, bar, row_height - 6);
      cairo_fill (cr);
      draw_text (cr, style, number, x + bar + 6, y + row_height / 2, 0, 0.5);
    }
  cairo_restore (cr);
}

/**
 * steady_mood_chart_draw_sleep:
 * @points: (element-type SteadySleepMood): one per day with sleep recorded
 *
 * Draws each day as a point: hours of sleep across, the day's mood up.
 */
void
steady_mood_chart_draw_sleep (cairo_t                    *cr,
                              double                      width,
                              double                      height,
                              const SteadyMoodChartStyle *style,
                              const GArray               *points)
{
  double left;
  double top = MARGIN * 1.5;
  double bottom;
  double max_hours = 12;
  int text_w;
  int text_h;

  g_return_if_fail (cr != NULL && style != NULL && points != NULL);

  cairo_save (cr);
  fill_background (cr, style, width, height);
  text_size (cr, style, "0", &text_w, &text_h);
  bottom = height - MARGIN - 2 * text_h - 6;
  left = draw_mood_axis (cr, style, width, top, bottom);

  for (guint i = 0; i < points->len; i++)
    max_hours = MAX (max_hours, ceil (g_array_index (points, SteadySleepMood, i).sleep_hours));
  for (int h = 0; h <= (int)max_hours; h += max_hours > 12 ? 4 : 2)
    {
      g_autofree char *label = g_strdup_printf ("%d", h);
      double x = left + (width - MARGIN - left - text_w) * h / max_hours;

      draw_text (cr, style, label, x, bottom + 4, 0.5, 0);
    }
  draw_text (cr, style, _("Hours of sleep"), left + (width - MARGIN - left) / 2,
             height - MARGIN, 0.5, 1);

  if (points->len == 0)
    {
      draw_empty (cr, style, width + left - MARGIN, top + (bottom - top) / 2 + text_h,
                  _("No sleep recorded in this time"));
      cairo_restore (cr);
      return;
    }

  /* Hollow rings, so overlapping days stay countable. */
  set_color (cr, &style->line);
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < points->len; i++)
    {
      const SteadySleepMood *p = &g_array_index (points, SteadySleepMood, i);
      double x = left + (width - MARGIN - left - text_w) * p->sleep_hours / max_hours;
      double y = bottom - (bottom - top) * (p->mean_mood - 1) / 4.0;

      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, 4, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* The mean of every entry in @days (each day weighted by its number of entries), or 0. */
double
steady_mood_chart_mean_mood (const GArray *days)
{
  double sum = 0;
  guint n = 0;

  g_return_val_if_fail (days != NULL, 0);

  for (guint i = 0; i < days->len; i++)
    {
      const SteadyDaySummary *d = &g_array_index (days, SteadyDaySummary, i);

      sum += d->mean_mood * d->n_entries;
      n += d->n_entries;
    }
  return n > 0 ? sum / n : 0;
}

/**
 * steady_mood_chart_describe_mood:
 * @days: the chart's days
 * @previous_days: (nullable): the same length of time just before, to compare with
 * @n_days: 7, 30 or 365 for "week", "month" or "year"
 *
 * Returns: (transfer full): a sentence for people who cannot see the chart, such as
 *   "Average mood this week 3.4, up from 2.9"
 */
char *
steady_mood_chart_describe_mood (const GArray *days,
                                 const GArray *previous_days,
                                 guint         n_days)
{
  double mean;
  double before;
  g_autofree char *first = NULL;

  g_return_val_if_fail (days != NULL, NULL);

  if (days->len == 0)
    return g_strdup (_("No check-ins in this time"));

  mean = steady_mood_chart_mean_mood (days);
  if (n_days <= 7)
    /* Translators: %.1f is a mood from 1.0 to 5.0. */
    first = g_strdup_printf (_("Average mood this week %.1f"), mean);
  else if (n_days <= 31)
    /* Translators: %.1f is a mood from 1.0 to 5.0. */
    first = g_strdup_printf (_("Average mood this month %.1f"), mean);
  else
    /* Translators: %.1f is a mood from 1.0 to 5.0. */
    first = g_strdup_printf (_("Average mood this year %.1f"), mean);

  if (previous_days == NULL || previous_days->len == 0)
    return g_steal_pointer (&first);

  before = steady_mood_chart_mean_mood (previous_days);
  if (round (mean * 10) > round (before * 10))
    /* Translators: the first %s is "Average mood this week 3.4"; %.1f the mood before. */
    return g_strdup_printf (_("%s, up from %.1f"), first, before);
  if (round (mean * 10) < round (before * 10))
    /* Translators: the first %s is "Average mood this week 2.9"; %.1f the mood before. */
    return g_strdup_printf (_("%s, down from %.1f"), first, before);
  /* Translators: %s is "Average mood this week 3.4". */
  return g_strdup_printf (_("%s, the same as before"), first);
}

char *
steady_mood_chart_describe_emotions (const GPtrArray *counts)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (counts != NULL, NULL);

  if (counts->len == 0)
    return g_strdup (_("No emotions named in this time"));

  text = g_string_new (_("Felt most often:"));
  for (guint i = 0; i < MIN (counts->len, 5); i++)
    {
      const SteadyEmotionCount *c = g_ptr_array_index ((GPtrArray *)counts, i);

      g_string_append (text, i == 0 ? " " : ", ");
      /* Translators: an emotion and how many check-ins named it, e.g. "Calm (12)". */
      g_string_append_printf (text, _("%s (%u)"), c->name, c->n_entries);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Compares the mood of days with seven hours of sleep or more to days with less. */
char *
steady_mood_chart_describe_sleep (const GArray *points)
{
  double long_sum = 0;
  double short_sum = 0;
  guint n_long = 0;
  guint n_short = 0;

  g_return_val_if_fail (points != NULL, NULL);

  for (guint i = 0; i < points->len; i++)
    {
      const SteadySleepMood *p = &g_array_index (points, SteadySleepMood, i);

      if (p->sleep_hours >= 7)
        {
          long_sum += p->mean_mood;
          n_long++;
        }
      else
        {
          short_sum += p->mean_mood;
          n_short++;
        }
    }

  if (n_long == 0 && n_short == 0)
    return g_strdup (_("No sleep recorded in this time"));
  if (n_long == 0)
    return g_strdup_printf (_("Every day had less than 7 hours of sleep; average mood %.1f"),
                            short_sum / n_short);
  if (n_short == 0)
    return g_strdup_printf (_("Every day had 7 hours of sleep or more; average mood %.1f"),
                            long_sum / n_long);
  return g_strdup_printf (_("Average mood %.1f after 7 hours of sleep or more, %.1f after less"),
                          long_sum / n_long, short_sum / n_short);
}
