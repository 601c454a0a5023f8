/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-diary-rating-row.h: one row of the diary card: a name and a compact segmented scale
 * (0–5, 0–10 or 0–7) of toggle buttons, with "acted on it" for urges. */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The words for a rating, shown beside the scale and read out with each button, or NULL. */
typedef const char *(*SteadyDiaryRatingMeaning) (int rating);

#define STEADY_TYPE_DIARY_RATING_ROW (steady_diary_rating_row_get_type ())
G_DECLARE_FINAL_TYPE (SteadyDiaryRatingRow, steady_diary_rating_row,
                      STEADY, DIARY_RATING_ROW, AdwPreferencesRow)

GtkWidget  *steady_diary_rating_row_new            (const char               *title,
                                                    int                       max,
                                                    SteadyDiaryRatingMeaning  meaning);
const char *steady_diary_rating_row_get_title      (SteadyDiaryRatingRow     *self);
int         steady_diary_rating_row_get_max        (SteadyDiaryRatingRow     *self);
int         steady_diary_rating_row_get_value      (SteadyDiaryRatingRow     *self);
void        steady_diary_rating_row_set_value      (SteadyDiaryRatingRow     *self,
                                                    int                       value);
void        steady_diary_rating_row_show_acted     (SteadyDiaryRatingRow     *self);
int         steady_diary_rating_row_get_acted      (SteadyDiaryRatingRow     *self);
void        steady_diary_rating_row_set_acted      (SteadyDiaryRatingRow     *self,
                                                    int                       acted);
void        steady_diary_rating_row_show_remove    (SteadyDiaryRatingRow     *self);
GtkWidget  *steady_diary_rating_row_get_button     (SteadyDiaryRatingRow     *self,
                                                    int                       value);
gboolean    steady_diary_rating_row_press_key      (SteadyDiaryRatingRow     *self,
                                                    guint                     keyval);

G_END_DECLS
