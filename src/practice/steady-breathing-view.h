/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-breathing-view.h: the breathing practice window: choose a pattern and a length,
 * breathe with the pacer, rate distress before and after; the practice is logged. */

#pragma once

#include <adwaita.h>

#include "steady-practice-view.h"

G_BEGIN_DECLS

#define STEADY_TYPE_BREATHING_VIEW (steady_breathing_view_get_type ())
G_DECLARE_FINAL_TYPE (SteadyBreathingView, steady_breathing_view, STEADY, BREATHING_VIEW,
                      SteadyPracticeView)

SteadyBreathingView *steady_breathing_view_new            (GtkWindow           *parent,
                                                           SteadyPracticeStore *store);
void                 steady_breathing_view_set_clock      (SteadyBreathingView *self,
                                                           SteadyClockFunc      clock,
                                                           gpointer             user_data);
gboolean             steady_breathing_view_select_pattern (SteadyBreathingView *self,
                                                           const char          *id_or_name);
const SteadyBreathingPattern *
                     steady_breathing_view_get_pattern    (SteadyBreathingView *self);
gboolean             steady_breathing_view_delete_pattern (SteadyBreathingView *self,
                                                           const char          *name);
void                 steady_breathing_view_set_length     (SteadyBreathingView *self,
                                                           const SteadyBreathingLength *length);
gboolean             steady_breathing_view_start          (SteadyBreathingView *self);
SteadyPracticeTimer *steady_breathing_view_get_timer      (SteadyBreathingView *self);
GtkWidget           *steady_breathing_view_get_pacer      (SteadyBreathingView *self);
const char          *steady_breathing_view_get_phase_text (SteadyBreathingView *self);
const char          *steady_breathing_view_get_page       (SteadyBreathingView *self);

G_END_DECLS
