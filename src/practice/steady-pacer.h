/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-pacer.h: the breathing pacer's shape (or its bar), driven by a SteadyPracticeTimer:
 * it ticks the timer on the frame clock while shown and on plain timeouts while hidden. */

#pragma once

#include <gtk/gtk.h>

#include "steady-practice-timer.h"

G_BEGIN_DECLS

#define STEADY_TYPE_PACER (steady_pacer_get_type ())
G_DECLARE_FINAL_TYPE (SteadyPacer, steady_pacer, STEADY, PACER, GtkWidget)

GtkWidget           *steady_pacer_new            (void);
void                 steady_pacer_set_timer      (SteadyPacer         *self,
                                                  SteadyPracticeTimer *timer);
SteadyPracticeTimer *steady_pacer_get_timer      (SteadyPacer         *self);
void                 steady_pacer_set_text_mode  (SteadyPacer         *self,
                                                  gboolean             text_mode);
gboolean             steady_pacer_get_text_mode  (SteadyPacer         *self);
gboolean             steady_pacer_get_animating  (SteadyPacer         *self);
void                 steady_pacer_update         (SteadyPacer         *self);

G_END_DECLS
