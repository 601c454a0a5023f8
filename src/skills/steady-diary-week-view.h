/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-diary-week-view.h: seven days of diary cards as a DBT skills group reviews them: a
 * row per target, a column per day, numbers first and a tint second. */

#pragma once

#include <adwaita.h>

#include "steady-diary-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_DIARY_WEEK_VIEW (steady_diary_week_view_get_type ())
G_DECLARE_FINAL_TYPE (SteadyDiaryWeekView, steady_diary_week_view,
                      STEADY, DIARY_WEEK_VIEW, AdwBin)

GtkWidget  *steady_diary_week_view_new        (void);
void        steady_diary_week_view_set_week   (SteadyDiaryWeekView   *self,
                                               const SteadyDiaryWeek *week,
                                               int                    today);
GtkWidget  *steady_diary_week_view_get_cell   (SteadyDiaryWeekView   *self,
                                               guint                  row,
                                               guint                  day);
GtkWidget  *steady_diary_week_view_get_header (SteadyDiaryWeekView   *self,
                                               guint                  day);

G_END_DECLS
