/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-month-view.h: a month as a grid of day buttons, each with a dot per session. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STEADY_TYPE_MONTH_VIEW (steady_month_view_get_type ())
G_DECLARE_FINAL_TYPE (SteadyMonthView, steady_month_view, STEADY, MONTH_VIEW, GtkBox)

GtkWidget *steady_month_view_new           (void);
void       steady_month_view_set_month     (SteadyMonthView *self,
                                            int              year,
                                            int              month);
void       steady_month_view_set_first_weekday (SteadyMonthView *self,
                                              GDateWeekday     first_weekday);
GDateWeekday steady_month_view_get_first_weekday (SteadyMonthView *self);
void       steady_month_view_set_occurrences (SteadyMonthView *self,
                                              GPtrArray       *occurrences);
GtkWidget *steady_month_view_get_day_button (SteadyMonthView *self,
                                             int              day);
gboolean   steady_month_view_move_focus    (SteadyMonthView *self,
                                            int              days);

G_END_DECLS
