/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-today-page.h: the Today page: a greeting, a two-click check-in, the last check-in,
 * and slots for the next session and a skill to practise. */

#pragma once

#include <gtk/gtk.h>

#include "steady-journal-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_TODAY_PAGE (steady_today_page_get_type ())
G_DECLARE_FINAL_TYPE (SteadyTodayPage, steady_today_page, STEADY, TODAY_PAGE, GtkWidget)

GtkWidget *steady_today_page_new                    (SteadyJournalStore *store);
void       steady_today_page_update_greeting        (SteadyTodayPage    *self);
const char *steady_today_page_get_greeting          (SteadyTodayPage    *self);
void       steady_today_page_set_next_session_widget (SteadyTodayPage   *self,
                                                      GtkWidget         *widget);
gboolean   steady_today_page_get_loaded             (SteadyTodayPage    *self);
GtkWidget *steady_today_page_check_in               (SteadyTodayPage    *self,
                                                     int                 mood);
void       steady_today_page_update_practice        (SteadyTodayPage    *self);

G_END_DECLS
