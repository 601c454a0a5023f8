/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-week-start.h: which weekday a week begins on, from the locale, and where a day falls
 * in such a week; shared by the month grid, the diary card's week and the report. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateWeekday steady_week_start_from_locale (void);
guint        steady_week_start_column      (GDateWeekday weekday,
                                            GDateWeekday first_weekday);
int          steady_week_start_first_day   (int          local_day,
                                            GDateWeekday first_weekday);

G_END_DECLS
