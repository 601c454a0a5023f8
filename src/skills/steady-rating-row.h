/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-rating-row.h: a question answered on a slider (0–10 or 0–100) that may be left
 * unanswered: distress before and after, belief, a mood rated again. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STEADY_TYPE_RATING_ROW (steady_rating_row_get_type ())
G_DECLARE_FINAL_TYPE (SteadyRatingRow, steady_rating_row, STEADY, RATING_ROW, GtkBox)

GtkWidget *steady_rating_row_new           (const char      *title,
                                            const char      *hint,
                                            int              upper);
int        steady_rating_row_get_value     (SteadyRatingRow *self);
void       steady_rating_row_set_value     (SteadyRatingRow *self,
                                            int              value);
void       steady_rating_row_set_start     (SteadyRatingRow *self,
                                            int              value);
int        steady_rating_row_get_upper     (SteadyRatingRow *self);
GtkRange  *steady_rating_row_get_scale     (SteadyRatingRow *self);
GtkSwitch *steady_rating_row_get_switch    (SteadyRatingRow *self);
void       steady_rating_row_set_title     (SteadyRatingRow *self,
                                            const char      *title);

G_END_DECLS
