/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-diary-week-chart.h: the diary card's week drawn with cairo and pango alone, for the
 * therapist report's PDF; also the words and tint levels the week view shares. */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "steady-diary-store.h"
#include "steady-mood-chart.h"

G_BEGIN_DECLS

/* The colours and font of a printed week. Every value is printed as a number or a word; the
 * tint only repeats it. */
typedef struct
{
  SteadyChartColor background; /* alpha 0: leave the surface as it is */
  SteadyChartColor foreground;
  SteadyChartColor grid;
  SteadyChartColor tint;       /* the strongest tint; weaker ones are lighter */
  SteadyChartColor today;      /* the outline of today's column */
  const char      *font;       /* a Pango font description, e.g. "Sans 9" */
} SteadyDiaryWeekChartStyle;

void        steady_diary_week_chart_style_init_print (SteadyDiaryWeekChartStyle   *style);

char       *steady_diary_week_cell_text       (SteadyDiaryRowKind                kind,
                                               int                               value);
int         steady_diary_week_tint_level      (SteadyDiaryRowKind                kind,
                                               int                               value);
const char *steady_diary_week_section_title   (SteadyDiaryRowKind                kind);

void        steady_diary_week_chart_measure   (cairo_t                          *cr,
                                               const SteadyDiaryWeekChartStyle  *style,
                                               const SteadyDiaryWeek            *week,
                                               double                           *out_width,
                                               double                           *out_height);
gboolean    steady_diary_week_chart_get_cell  (cairo_t                          *cr,
                                               const SteadyDiaryWeekChartStyle  *style,
                                               const SteadyDiaryWeek            *week,
                                               guint                             row,
                                               guint                             day,
                                               cairo_rectangle_t                *out_cell);
void        steady_diary_week_chart_draw      (cairo_t                          *cr,
                                               const SteadyDiaryWeekChartStyle  *style,
                                               const SteadyDiaryWeek            *week,
                                               int                               today);

G_END_DECLS
