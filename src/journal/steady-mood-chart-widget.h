/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-mood-chart-widget.h: one of the journal's charts on screen, with a summary in
 * words for people who cannot see it. */

#pragma once

#include <gtk/gtk.h>

#include "steady-journal-store.h"
#include "steady-mood-chart.h"

G_BEGIN_DECLS

#define STEADY_TYPE_MOOD_CHART_WIDGET (steady_mood_chart_widget_get_type ())
G_DECLARE_FINAL_TYPE (SteadyMoodChartWidget, steady_mood_chart_widget,
                      STEADY, MOOD_CHART_WIDGET, GtkWidget)

GtkWidget  *steady_mood_chart_widget_new         (SteadyJournalStore    *store,
                                                  SteadyMoodChartKind    kind);
void        steady_mood_chart_widget_set_n_days  (SteadyMoodChartWidget *self,
                                                  guint                  n_days);
void        steady_mood_chart_widget_reload      (SteadyMoodChartWidget *self);
const char *steady_mood_chart_widget_get_summary (SteadyMoodChartWidget *self);
guint       steady_mood_chart_widget_get_n_items (SteadyMoodChartWidget *self);

G_END_DECLS
