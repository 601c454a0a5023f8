/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-report-cover.c: the therapist report's first page — the range, the summary's
 * figures, what helped in the range, the mood chart — and the emotions and sleep charts,
 * drawn by the journal's own chart code in its print style. */

#define G_LOG_DOMAIN "steady-report-cover"

#include "config.h"

#include <math.h>

#include "steady-journal-common.h"
#include "steady-mood-chart.h"
#include "steady-report-document-private.h"

#define CHART_HEIGHT 170.0

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

/* One line of "what helped": the mean change says which way distress went. */
static char *
help_line (const SteadyHelpItem *item)
{
  if (item->mean_change >= 0.05)
    return g_markup_printf_escaped (
      /* Translators: on the report's cover: a skill, how much distress (0–10) fell after it
       * on average, and over how many uses, e.g. "• Paced breathing: distress down 2.5
       * points on average (6 uses)". */
      ngettext ("•  <b>%s</b>: distress down %.1f points on average (%u use)",
                "•  <b>%s</b>: distress down %.1f points on average (%u uses)", item->n_uses),
      item->label, item->mean_change, item->n_uses);
  if (item->mean_change <= -0.05)
    return g_markup_printf_escaped (
      /* Translators: as "distress down", when distress rose on average after a skill. */
      ngettext ("•  <b>%s</b>: distress up %.1f points on average (%u use)",
                "•  <b>%s</b>: distress up %.1f points on average (%u uses)", item->n_uses),
      item->label, -item->mean_change, item->n_uses);
  return g_markup_printf_escaped (
    /* Translators: as "distress down", when distress stayed the same on average. */
    ngettext ("•  <b>%s</b>: distress about the same on average (%u use)",
              "•  <b>%s</b>: distress about the same on average (%u uses)", item->n_uses),
    item->label, item->n_uses);
}

/* Over the report's range only, from the shared uses rated before and after; when too few
 * were rated to say, the cover says so rather than showing other times. */
static void
write_what_helped (Writer *w)
{
  const SteadyReportData *data = w->data;

  paragraph_text (w, _("What helped"), 12, TRUE, 4);
  if (data->what_helps->len == 0)
    {
      g_autofree char *text = NULL;

      if (data->n_rated_uses == 0)
        text = g_strdup (_("Nothing I did in this time was rated for distress before and "
                           "after, so there is not enough to say what helped."));
      else
        text = g_strdup_printf (
          /* Translators: on the report's cover; the second %u is how many rated uses of one
           * skill or practice it takes (3). */
          ngettext ("In this time, %u use was rated for distress before and after; %u rated "
                    "uses of the same skill or practice are needed to say what helped.",
                    "In this time, %u uses were rated for distress before and after, but no "
                    "single skill or practice %u times; that many are needed to say what "
                    "helped.", data->n_rated_uses),
          data->n_rated_uses, STEADY_SKILL_INSIGHTS_MIN_USES);
      paragraph_text (w, text, BODY_SIZE, FALSE, 6);
      return;
    }
  paragraph_text (w, _("In this time: how much distress (0–10) fell on average after each, "
                       "from the uses rated before and after."), SMALL_SIZE, FALSE, 3);
  for (guint i = 0; i < MIN (data->what_helps->len, 5); i++)
    {
      g_autofree char *line = help_line (g_ptr_array_index (data->what_helps, i));

      paragraph (w, line, BODY_SIZE, FALSE, 2);
    }
  w->base.y += 4;
}

void
_steady_report_write_cover (Writer *w)
{
  const SteadyReportData *data = w->data;
  g_autofree char *range = _steady_report_range_text (data);
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
  g_autofree char *today = _steady_report_format_local_time (g_get_real_time (),
                                                             _steady_report_long_date_format ());

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

/* The emotions felt most often and sleep against mood, from the shared entries. */
void
_steady_report_write_charts (Writer *w)
{
  write_emotions_chart (w);
  write_sleep_chart (w);
}
