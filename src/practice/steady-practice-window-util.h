/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-practice-window-util.h: what the breathing and mindfulness windows share: keeping
 * the session awake, full screen, the completion notification and durations in words. */

#pragma once

#include <gtk/gtk.h>

#include "steady-practice-timer.h"

G_BEGIN_DECLS

void  steady_practice_sync_inhibit     (GtkWindow           *window,
                                        SteadyPracticeTimer *timer,
                                        const char          *reason,
                                        guint               *cookie);
void  steady_practice_notify_finished  (GtkWindow           *window,
                                        const char          *title,
                                        const char          *body);
char *steady_practice_format_clock     (gint64               us);
char *steady_practice_format_minutes   (gint64               us);
void  steady_practice_set_button_label (GtkButton           *button,
                                        const char          *label);
void  steady_practice_toggle_fullscreen_cb (GtkWidget       *widget,
                                            const char      *action_name,
                                            GVariant        *parameter);
gboolean steady_practice_leave_fullscreen_cb (GtkWidget     *widget,
                                              GVariant      *args,
                                              gpointer       user_data);

G_END_DECLS
