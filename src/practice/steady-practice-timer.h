/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-practice-timer.h: the clock behind the breathing pacer and the mindfulness timer:
 * start, pause, resume, stop, and one signal per phase change or bell. */

#pragma once

#include <glib-object.h>

#include "steady-bell-schedule.h"
#include "steady-breathing-position.h"
#include "steady-practice-record.h"

G_BEGIN_DECLS

typedef enum
{
  STEADY_PRACTICE_STATE_IDLE,
  STEADY_PRACTICE_STATE_PREPARING,
  STEADY_PRACTICE_STATE_RUNNING,
  STEADY_PRACTICE_STATE_PAUSED,
  STEADY_PRACTICE_STATE_FINISHED,
} SteadyPracticeState;

#define STEADY_TYPE_PRACTICE_STATE (steady_practice_state_get_type ())
GType steady_practice_state_get_type (void);

/* A monotonic clock in microseconds, like g_get_monotonic_time(). */
typedef gint64 (*SteadyClockFunc) (gpointer user_data);

#define STEADY_TYPE_PRACTICE_TIMER (steady_practice_timer_get_type ())
G_DECLARE_FINAL_TYPE (SteadyPracticeTimer, steady_practice_timer, STEADY, PRACTICE_TIMER, GObject)

SteadyPracticeTimer *steady_practice_timer_new_breathing    (const SteadyBreathingPattern  *pattern,
                                                             const SteadyBreathingLength   *length,
                                                             GError                       **error);
SteadyPracticeTimer *steady_practice_timer_new_mindfulness  (const SteadyBellSchedule  *schedule,
                                                             GError                   **error);

void                 steady_practice_timer_set_clock        (SteadyPracticeTimer *self,
                                                             SteadyClockFunc      clock,
                                                             gpointer             user_data);

void                 steady_practice_timer_start            (SteadyPracticeTimer *self);
void                 steady_practice_timer_pause            (SteadyPracticeTimer *self);
void                 steady_practice_timer_resume           (SteadyPracticeTimer *self);
void                 steady_practice_timer_stop             (SteadyPracticeTimer *self);
void                 steady_practice_timer_skip_preparation (SteadyPracticeTimer *self);
void                 steady_practice_timer_tick             (SteadyPracticeTimer *self);

SteadyPracticeKind   steady_practice_timer_get_kind         (SteadyPracticeTimer *self);
SteadyPracticeState  steady_practice_timer_get_state        (SteadyPracticeTimer *self);
gboolean             steady_practice_timer_get_completed    (SteadyPracticeTimer *self);

const SteadyBreathingPattern *steady_practice_timer_get_pattern  (SteadyPracticeTimer *self);
const SteadyBellSchedule     *steady_practice_timer_get_schedule (SteadyPracticeTimer *self);

gint64 steady_practice_timer_get_elapsed_us            (SteadyPracticeTimer     *self);
gint64 steady_practice_timer_get_practised_us          (SteadyPracticeTimer     *self);
gint64 steady_practice_timer_get_planned_us            (SteadyPracticeTimer     *self);
gint64 steady_practice_timer_get_preparation_left_us   (SteadyPracticeTimer     *self);
gint64 steady_practice_timer_get_until_next_event_us   (SteadyPracticeTimer     *self);
void   steady_practice_timer_get_position              (SteadyPracticeTimer     *self,
                                                        SteadyBreathingPosition *position);

SteadyPracticeRecord *steady_practice_timer_create_record (SteadyPracticeTimer *self);

G_END_DECLS
