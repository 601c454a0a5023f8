/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-mindfulness-view.h: the mindfulness timer window: a settle-in countdown, a sit of a
 * set length or open-ended, bells at the start, at intervals and at the end; it is logged. */

#pragma once

#include <adwaita.h>

#include "steady-practice-view.h"

G_BEGIN_DECLS

#define STEADY_TYPE_MINDFULNESS_VIEW (steady_mindfulness_view_get_type ())
G_DECLARE_FINAL_TYPE (SteadyMindfulnessView, steady_mindfulness_view, STEADY, MINDFULNESS_VIEW,
                      SteadyPracticeView)

SteadyMindfulnessView *steady_mindfulness_view_new          (GtkWindow             *parent,
                                                             SteadyPracticeStore   *store);
void                   steady_mindfulness_view_set_clock    (SteadyMindfulnessView *self,
                                                             SteadyClockFunc        clock,
                                                             gpointer               user_data);
void                   steady_mindfulness_view_set_schedule (SteadyMindfulnessView    *self,
                                                             const SteadyBellSchedule *schedule);
gboolean               steady_mindfulness_view_start        (SteadyMindfulnessView *self);
SteadyPracticeTimer   *steady_mindfulness_view_get_timer    (SteadyMindfulnessView *self);
GtkWidget             *steady_mindfulness_view_get_pacer    (SteadyMindfulnessView *self);
const char            *steady_mindfulness_view_get_time_text (SteadyMindfulnessView *self);
const char            *steady_mindfulness_view_get_page     (SteadyMindfulnessView *self);

G_END_DECLS
