/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-mood-chart.h: the journal's charts drawn with cairo alone, so the chart widget and
 * the PDF report draw the same picture in their own colours. */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "steady-journal-store.h"

G_BEGIN_DECLS

typedef struct
{
  double r, g, b, a;
} SteadyChartColor;

/* The colours and font of a chart. Meaning never rests on colour alone: means are marked
 * with shapes, ranges with whiskers, and every bar carries a label. */
typedef struct
{
  SteadyChartColor background; /* alpha 0: leave the surface as it is */
  SteadyChartColor foreground; /* text and axes */
  SteadyChartColor grid;
  SteadyChartColor line;       /* the mean, the bars, the points */
  SteadyChartColor range;      /* the day's range of moods */
  const char      *font;       /* a Pango font description, e.g. "Sans 9" */
} SteadyMoodChartStyle;

typedef enum
{
  STEADY_MOOD_CHART_MOOD,
  STEADY_MOOD_CHART_EMOTIONS,
  STEADY_MOOD_CHART_SLEEP,
} SteadyMoodChartKind;

void        steady_mood_chart_style_init_light (SteadyMoodChartStyle     *style);
void        steady_mood_chart_style_init_dark  (SteadyMoodChartStyle     *style);
void        steady_mood_chart_style_init_print (SteadyMoodChartStyle     *style);

const char *steady_mood_word                   (int                       mood);
const char *steady_mood_icon_name              (int                       mood);

void        steady_mood_chart_draw_mood        (cairo_t                  *cr,
                                                double                    width,
                                                double                    height,
                                                const SteadyMoodChartStyle *style,
                                                const GArray             *days,
                                                int                       first_day,
                                                int                       last_day);
void        steady_mood_chart_draw_emotions    (cairo_t                  *cr,
                                                double                    width,
                                                double                    height,
                                                const SteadyMoodChartStyle *style,
                                                const GPtrArray          *counts);
void        steady_mood_chart_draw_sleep       (cairo_t                  *cr,
                                                double                    width,
                                                double                    height,
                                                const SteadyMoodChartStyle *style,
                                                const GArray             *points);

double      steady_mood_chart_mean_mood        (const GArray             *days);
char       *steady_mood_chart_describe_mood    (const GArray             *days,
                                                const GArray             *previous_days,
                                                guint                     n_days);
char       *steady_mood_chart_describe_emotions (const GPtrArray         *counts);
char       *steady_mood_chart_describe_sleep   (const GArray             *points);

G_END_DECLS
