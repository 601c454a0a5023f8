/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-diary-card-window.h: the diary card of one local day, filled in under a minute,
 * kept as a draft while it is filled in, and the week it belongs to. */

#pragma once

#include <adwaita.h>

#include "steady-database.h"
#include "steady-diary-rating-row.h"
#include "steady-diary-week-view.h"

G_BEGIN_DECLS

#define STEADY_TYPE_DIARY_CARD_WINDOW (steady_diary_card_window_get_type ())
G_DECLARE_FINAL_TYPE (SteadyDiaryCardWindow, steady_diary_card_window,
                      STEADY, DIARY_CARD_WINDOW, AdwWindow)

GtkWidget            *steady_diary_card_window_new           (GtkWindow             *parent,
                                                              SteadyDatabase        *database,
                                                              int                    local_day);
int                   steady_diary_card_window_get_day       (SteadyDiaryCardWindow *self);
void                  steady_diary_card_window_set_day       (SteadyDiaryCardWindow *self,
                                                              int                    local_day);
gboolean              steady_diary_card_window_flush_draft   (SteadyDiaryCardWindow *self,
                                                              GError               **error);
gboolean              steady_diary_card_window_get_draft_offered (SteadyDiaryCardWindow *self);
SteadyDiaryRatingRow *steady_diary_card_window_find_row      (SteadyDiaryCardWindow *self,
                                                              const char            *title);
SteadyDiaryWeekView  *steady_diary_card_window_get_week_view (SteadyDiaryCardWindow *self);
void                  steady_diary_card_window_show_week     (SteadyDiaryCardWindow *self,
                                                              gboolean               show);
int                   steady_diary_card_window_get_week_first_day (SteadyDiaryCardWindow *self);

G_END_DECLS
