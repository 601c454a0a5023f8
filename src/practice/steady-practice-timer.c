/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-practice-timer.c: the clock behind the breathing pacer and the mindfulness timer.
 *
 * Time is never counted in ticks. The timer keeps the monotonic clock reading at its start
 * and the total time spent paused; every question ("which phase?", "which bell?") is then
 * answered from the clock by the pure schedules, so irregular frames, a window hidden for
 * minutes or an hour-long sit cannot make it drift. tick() only announces what changed. */

#define G_LOG_DOMAIN "steady-practice-timer"

#include "config.h"

#include "steady-practice-timer.h"

struct _SteadyPracticeTimer
{
  GObject                 parent_instance;

  /* What is practised; set at construction. */
  SteadyPracticeKind      kind;
  SteadyBreathingPattern *pattern;   /* breathing only */
  SteadyBreathingLength   length;    /* breathing only */
  SteadyBellSchedule      schedule;  /* mindfulness only */

  SteadyClockFunc         clock;
  gpointer                clock_data;

  SteadyPracticeState     state;
  SteadyPracticeState     state_before_pause;
  gboolean                completed;

  /* Clock readings and spans, all in microseconds of the injected clock. "Active" time is
   * time since the start less the time spent paused. */
  gint64                  start_clock_us;
  gint64                  paused_total_us;
  gint64                  paused_at_clock_us;
  gint64                  preparation_us;     /* active time the preparation takes */
  gint64                  final_active_us;    /* active time at the end, once finished */
  GDateTime              *started_at;         /* wall-clock start, for the practice log */

  /* What has been announced, so each change is announced exactly once. */
  gboolean                announced_phase;
  SteadyBreathingPhase    last_phase;
  guint                   last_cycle;
  gint64                  bells_done_until_us; /* sit time; -1 before the start bell */
};

G_DEFINE_FINAL_TYPE (SteadyPracticeTimer, steady_practice_timer, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (SteadyPracticeState, steady_practice_state,
  G_DEFINE_ENUM_VALUE (STEADY_PRACTICE_STATE_IDLE, "idle"),
  G_DEFINE_ENUM_VALUE (STEADY_PRACTICE_STATE_PREPARING, "preparing"),
  G_DEFINE_ENUM_VALUE (STEADY_PRACTICE_STATE_RUNNING, "running"),
  G_DEFINE_ENUM_VALUE (STEADY_PRACTICE_STATE_PAUSED, "paused"),
  G_DEFINE_ENUM_VALUE (STEADY_PRACTICE_STATE_FINISHED, "finished"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_STATE,
  PROP_COMPLETED,
  N_PROPS
};

enum {
  PHASE_CHANGED,
  BELL,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gint64
default_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

static gint64
read_clock (SteadyPracticeTimer *self)
{
  return self->clock (self->clock_data);
}

static void
steady_practice_timer_finalize (GObject *object)
{
  SteadyPracticeTimer *self = (SteadyPracticeTimer *)object;

  g_clear_pointer (&self->pattern, steady_breathing_pattern_free);
  g_clear_pointer (&self->started_at, g_date_time_unref);

  G_OBJECT_CLASS (steady_practice_timer_parent_class)->finalize (object);
}

static void
steady_practice_timer_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SteadyPracticeTimer *self = STEADY_PRACTICE_TIMER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_COMPLETED:
      g_value_set_boolean (value, self->completed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_practice_timer_class_init (SteadyPracticeTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steady_practice_timer_finalize;
  object_class->get_property = steady_practice_timer_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       STEADY_TYPE_PRACTICE_KIND, STEADY_PRACTICE_KIND_BREATHING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       STEADY_TYPE_PRACTICE_STATE, STEADY_PRACTICE_STATE_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETED] =
    g_param_spec_boolean ("completed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SteadyPracticeTimer::phase-changed:
   * @phase: the SteadyBreathingPhase now under way
   * @cycle: the breath it belongs to, from 1
   *
   * A breathing session entered a new phase, once per change. After a gap (a hidden
   * window) only the phase under way is announced, not the ones missed: a sound cue for a
   * breath that is already over would mislead.
   */
  signals[PHASE_CHANGED] =
    g_signal_new ("phase-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, STEADY_TYPE_BREATHING_PHASE, G_TYPE_UINT);

  /**
   * SteadyPracticeTimer::bell:
   * @kind: the SteadyBellKind
   * @strikes: how many times to strike it
   *
   * A bell of a mindfulness sit is due, once per bell. When several fell due at once (a
   * hidden window that was not woken), only the latest rings, never a burst.
   */
  signals[BELL] =
    g_signal_new ("bell", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, STEADY_TYPE_BELL_KIND, G_TYPE_UINT);
}

static void
steady_practice_timer_init (SteadyPracticeTimer *self)
{
  self->clock = default_clock;
  self->state = STEADY_PRACTICE_STATE_IDLE;
  self->bells_done_until_us = -1;
}

/* A breathing pacer for @pattern over @length; NULL with @error set if either is invalid. */
SteadyPracticeTimer *
steady_practice_timer_new_breathing (const SteadyBreathingPattern  *pattern,
                                     const SteadyBreathingLength   *length,
                                     GError                       **error)
{
  SteadyPracticeTimer *self;

  g_return_val_if_fail (pattern != NULL, NULL);
  g_return_val_if_fail (length != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!steady_breathing_pattern_validate (pattern, error) ||
      !steady_breathing_length_validate (length, error))
    return NULL;

  self = g_object_new (STEADY_TYPE_PRACTICE_TIMER, NULL);
  self->kind = STEADY_PRACTICE_KIND_BREATHING;
  self->pattern = steady_breathing_pattern_copy (pattern);
  self->length = *length;
  return self;
}

/* A mindfulness timer ringing the bells of @schedule; NULL with @error set if invalid. */
SteadyPracticeTimer *
steady_practice_timer_new_mindfulness (const SteadyBellSchedule  *schedule,
                                       GError                   **error)
{
  SteadyPracticeTimer *self;

  g_return_val_if_fail (schedule != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!steady_bell_schedule_validate (schedule, error))
    return NULL;

  self = g_object_new (STEADY_TYPE_PRACTICE_TIMER, NULL);
  self->kind = STEADY_PRACTICE_KIND_MINDFULNESS;
  self->schedule = *schedule;
  self->preparation_us = schedule->preparation_us;
  return self;
}

/* Replaces the monotonic clock, before the timer starts; tests use it to run an hour in a
 * moment. @clock must never go backwards. */
void
steady_practice_timer_set_clock (SteadyPracticeTimer *self,
                                 SteadyClockFunc      clock,
                                 gpointer             user_data)
{
  g_return_if_fail (STEADY_IS_PRACTICE_TIMER (self));
  g_return_if_fail (self->state == STEADY_PRACTICE_STATE_IDLE);

  self->clock = clock != NULL ? clock : default_clock;
  self->clock_data = clock != NULL ? user_data : NULL;
}

static gint64
active_us_at (SteadyPracticeTimer *self,
              gint64               now)
{
  switch (self->state)
    {
    case STEADY_PRACTICE_STATE_IDLE:
      return 0;
    case STEADY_PRACTICE_STATE_FINISHED:
      return self->final_active_us;
    case STEADY_PRACTICE_STATE_PAUSED:
      return self->paused_at_clock_us - self->start_clock_us - self->paused_total_us;
    case STEADY_PRACTICE_STATE_PREPARING:
    case STEADY_PRACTICE_STATE_RUNNING:
    default:
      /* A clock that stepped back would otherwise run the schedule backwards. */
      return MAX (now - self->start_clock_us - self->paused_total_us, 0);
    }
}

static gint64
session_us (SteadyPracticeTimer *self)
{
  if (self->kind == STEADY_PRACTICE_KIND_BREATHING)
    return steady_breathing_session_get_us (self->pattern, &self->length);
  return self->schedule.duration_us;
}

static void
set_state (SteadyPracticeTimer *self,
           SteadyPracticeState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
finish (SteadyPracticeTimer *self,
        gint64               active_us,
        gboolean             completed)
{
  self->final_active_us = active_us;
  if (self->completed != completed)
    {
      self->completed = completed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETED]);
    }
  set_state (self, STEADY_PRACTICE_STATE_FINISHED);
}

static void
advance_breathing (SteadyPracticeTimer *self,
                   gint64               practice_us)
{
  SteadyBreathingPosition position;

  steady_breathing_position_compute (&position, self->pattern, &self->length, practice_us);

  if (!self->announced_phase || position.phase != self->last_phase ||
      position.cycle != self->last_cycle)
    {
      /* Remember first: a handler may call back into the timer. */
      self->announced_phase = TRUE;
      self->last_phase = position.phase;
      self->last_cycle = position.cycle;
      g_signal_emit (self, signals[PHASE_CHANGED], 0, position.phase, position.cycle);
    }

  if (position.phase == STEADY_BREATHING_PHASE_FINISHED &&
      self->state == STEADY_PRACTICE_STATE_RUNNING)
    finish (self, self->preparation_us + session_us (self), TRUE);
}

static void
advance_mindfulness (SteadyPracticeTimer *self,
                     gint64               practice_us)
{
  SteadyBellEvent event;
  gint64 after_us = self->bells_done_until_us;

  if (practice_us > after_us)
    {
      self->bells_done_until_us = practice_us;
      if (steady_bell_schedule_latest_event (&self->schedule, after_us, practice_us, &event))
        g_signal_emit (self, signals[BELL], 0, event.kind, event.strikes);
    }

  if (!steady_bell_schedule_is_open_ended (&self->schedule) &&
      practice_us >= self->schedule.duration_us &&
      self->state == STEADY_PRACTICE_STATE_RUNNING)
    finish (self, self->preparation_us + self->schedule.duration_us, TRUE);
}

/* Announces whatever came due up to clock reading @now. */
static void
advance (SteadyPracticeTimer *self,
         gint64               now)
{
  gint64 active_us;

  if (self->state == STEADY_PRACTICE_STATE_PREPARING)
    {
      if (active_us_at (self, now) < self->preparation_us)
        return;
      set_state (self, STEADY_PRACTICE_STATE_RUNNING);
    }
  if (self->state != STEADY_PRACTICE_STATE_RUNNING)
    return;

  active_us = active_us_at (self, now);
  g_assert (active_us >= self->preparation_us);

  if (self->kind == STEADY_PRACTICE_KIND_BREATHING)
    advance_breathing (self, active_us - self->preparation_us);
  else
    advance_mindfulness (self, active_us - self->preparation_us);
}

void
steady_practice_timer_start (SteadyPracticeTimer *self)
{
  g_autoptr(SteadyPracticeTimer) hold = NULL;

  g_return_if_fail (STEADY_IS_PRACTICE_TIMER (self));
  g_return_if_fail (self->state == STEADY_PRACTICE_STATE_IDLE);

  hold = g_object_ref (self);
  self->start_clock_us = read_clock (self);
  self->started_at = g_date_time_new_now_local ();
  set_state (self, self->preparation_us > 0 ? STEADY_PRACTICE_STATE_PREPARING
                                            : STEADY_PRACTICE_STATE_RUNNING);
  advance (self, self->start_clock_us);
}

/* Called by the GUI on every frame, and by a timeout at get_until_next_event_us() while
 * the window is hidden. Emits ::phase-changed and ::bell for what came due since. */
void
steady_practice_timer_tick (SteadyPracticeTimer *self)
{
  g_autoptr(SteadyPracticeTimer) hold = NULL;

  g_return_if_fail (STEADY_IS_PRACTICE_TIMER (self));

  hold = g_object_ref (self);
  advance (self, read_clock (self));
}

void
steady_practice_timer_pause (SteadyPracticeTimer *self)
{
  g_autoptr(SteadyPracticeTimer) hold = NULL;
  gint64 now;

  g_return_if_fail (STEADY_IS_PRACTICE_TIMER (self));

  if (self->state != STEADY_PRACTICE_STATE_PREPARING &&
      self->state != STEADY_PRACTICE_STATE_RUNNING)
    return;

  hold = g_object_ref (self);
  now = read_clock (self);
  /* What came due before the pause is announced first; it may even end the session. */
  advance (self, now);
  if (self->state != STEADY_PRACTICE_STATE_PREPARING &&
      self->state != STEADY_PRACTICE_STATE_RUNNING)
    return;

  self->paused_at_clock_us = now;
  self->state_before_pause = self->state;
  set_state (self, STEADY_PRACTICE_STATE_PAUSED);
}

void
steady_practice_timer_resume (SteadyPracticeTimer *self)
{
  g_autoptr(SteadyPracticeTimer) hold = NULL;
  gint64 now;

  g_return_if_fail (STEADY_IS_PRACTICE_TIMER (self));

  if (self->state != STEADY_PRACTICE_STATE_PAUSED)
    return;

  hold = g_object_ref (self);
  now = read_clock (self);
  self->paused_total_us += MAX (now - self->paused_at_clock_us, 0);
  set_state (self, self->state_before_pause);
  advance (self, now);
}

/* Ends the session now. A session stopped before its planned end is not completed; an
 * open-ended sit has no planned end, so stopping is how it ends: it rings its end bell and
 * counts as completed. */
void
steady_practice_timer_stop (SteadyPracticeTimer *self)
{
  g_autoptr(SteadyPracticeTimer) hold = NULL;
  gboolean sitting;
  gint64 now;

  g_return_if_fail (STEADY_IS_PRACTICE_TIMER (self));

  if (self->state == STEADY_PRACTICE_STATE_IDLE ||
      self->state == STEADY_PRACTICE_STATE_FINISHED)
    return;

  hold = g_object_ref (self);
  now = read_clock (self);
  advance (self, now);
  if (self->state == STEADY_PRACTICE_STATE_FINISHED)
    return;

  sitting = self->state == STEADY_PRACTICE_STATE_RUNNING ||
            (self->state == STEADY_PRACTICE_STATE_PAUSED &&
             self->state_before_pause == STEADY_PRACTICE_STATE_RUNNING);

  if (self->kind == STEADY_PRACTICE_KIND_MINDFULNESS &&
      steady_bell_schedule_is_open_ended (&self->schedule) && sitting)
    {
      gint64 active_us = active_us_at (self, now);

      if (self->schedule.end_strikes > 0)
        g_signal_emit (self, signals[BELL], 0, STEADY_BELL_END, self->schedule.end_strikes);
      if (self->state != STEADY_PRACTICE_STATE_FINISHED)
        finish (self, active_us, TRUE);
      return;
    }

  finish (self, active_us_at (self, now), FALSE);
}

/* Cuts the preparation countdown short: the sit starts now. */
void
steady_practice_timer_skip_preparation (SteadyPracticeTimer *self)
{
  g_autoptr(SteadyPracticeTimer) hold = NULL;
  gint64 now;

  g_return_if_fail (STEADY_IS_PRACTICE_TIMER (self));

  if (self->state != STEADY_PRACTICE_STATE_PREPARING)
    return;

  hold = g_object_ref (self);
  now = read_clock (self);
  self->preparation_us = active_us_at (self, now);
  advance (self, now);
}

SteadyPracticeKind
steady_practice_timer_get_kind (SteadyPracticeTimer *self)
{
  g_return_val_if_fail (STEADY_IS_PRACTICE_TIMER (self), STEADY_PRACTICE_KIND_BREATHING);

  return self->kind;
}

SteadyPracticeState
steady_practice_timer_get_state (SteadyPracticeTimer *self)
{
  g_return_val_if_fail (STEADY_IS_PRACTICE_TIMER (self), STEADY_PRACTICE_STATE_IDLE);

  return self->state;
}

/* Whether the session ran to its end rather than being stopped early. */
gboolean
steady_practice_timer_get_completed (SteadyPracticeTimer *self)
{
  g_return_val_if_fail (STEADY_IS_PRACTICE_TIMER (self), FALSE);

  return self->completed;
}

/* The breathing pattern, or NULL for a mindfulness timer. */
const SteadyBreathingPattern *
steady_practice_timer_get_pattern (SteadyPracticeTimer *self)
{
  g_return_val_if_fail (STEADY_IS_PRACTICE_TIMER (self), NULL);

  return self->pattern;
}

/* The bell schedule, or NULL for a breathing pacer. */
const SteadyBellSchedule *
steady_practice_timer_get_schedule (SteadyPracticeTimer *self)
{
  g_return_val_if_fail (STEADY_IS_PRACTICE_TIMER (self), NULL);

  if (self->kind != STEADY_PRACTICE_KIND_MINDFULNESS)
    return NULL;
  return &self->schedule;
}

/* Time since the start, pauses not counted, preparation counted. */
gint64
steady_practice_timer_get_elapsed_us (SteadyPracticeTimer *self)
{
  g_return_val_if_fail (STEADY_IS_PRACTICE_TIMER (self), 0);

  return active_us_at (self, read_clock (self));
}

/* Time practised: pauses and preparation not counted, and no more than planned. */
gint64
steady_practice_timer_get_practised_us (SteadyPracticeTimer *self)
{
  gint64 practised_us;
  gint64 planned_us;

  g_return_val_if_fail (STEADY_IS_PRACTICE_TIMER (self), 0);

  practised_us = MAX (active_us_at (self, read_clock (self)) - self->preparation_us, 0);
  planned_us = session_us (self);
  if (planned_us > 0)
    practised_us = MIN (practised_us, planned_us);
  return practised_us;
}

/* The planned length of the practice, preparation not counted; 0 when open-ended. A
 * breathing session set in minutes is planned to the end of its last whole breath. */
gint64
steady_practice_timer_get_planned_us (SteadyPracticeTimer *self)
{
  g_return_val_if_fail (STEADY_IS_PRACTICE_TIMER (self), 0);

  return session_us (self);
}

/* Time left in the preparation countdown; 0 once the sit has begun. */
gint64
steady_practice_timer_get_preparation_left_us (SteadyPracticeTimer *self)
{
  g_return_val_if_fail (STEADY_IS_PRACTICE_TIMER (self), 0);

  if (self->state == STEADY_PRACTICE_STATE_IDLE)
    return self->preparation_us;
  return MAX (self->preparation_us - active_us_at (self, read_clock (self)), 0);
}

/* Clock time until the next phase change, bell or end, so a hidden window can sleep until
 * then instead of ticking; 0 if something is due now, -1 if nothing will come due by itself
 * (not running, or an open-ended sit without interval bells). */
gint64
steady_practice_timer_get_until_next_event_us (SteadyPracticeTimer *self)
{
  gint64 active_us;
  gint64 practice_us;

  g_return_val_if_fail (STEADY_IS_PRACTICE_TIMER (self), -1);

  if (self->state != STEADY_PRACTICE_STATE_PREPARING &&
      self->state != STEADY_PRACTICE_STATE_RUNNING)
    return -1;

  active_us = active_us_at (self, read_clock (self));
  if (active_us < self->preparation_us || self->state == STEADY_PRACTICE_STATE_PREPARING)
    return MAX (self->preparation_us - active_us, 0);
  practice_us = active_us - self->preparation_us;

  if (self->kind == STEADY_PRACTICE_KIND_BREATHING)
    {
      SteadyBreathingPosition position;

      steady_breathing_position_compute (&position, self->pattern, &self->length, practice_us);
      if (!self->announced_phase || position.phase != self->last_phase ||
          position.cycle != self->last_cycle)
        return 0;
      return position.remaining_us;
    }
  else
    {
      SteadyBellEvent event;
      gint64 until_us = -1;

      if (steady_bell_schedule_next_event (&self->schedule, self->bells_done_until_us, &event))
        until_us = MAX (event.time_us - practice_us, 0);
      if (!steady_bell_schedule_is_open_ended (&self->schedule))
        {
          gint64 until_end_us = MAX (self->schedule.duration_us - practice_us, 0);

          until_us = until_us < 0 ? until_end_us : MIN (until_us, until_end_us);
        }
      return until_us;
    }
}

/* Where the breathing session is now, for the pacer to draw. */
void
steady_practice_timer_get_position (SteadyPracticeTimer     *self,
                                    SteadyBreathingPosition *position)
{
  gint64 practice_us;

  g_return_if_fail (STEADY_IS_PRACTICE_TIMER (self));
  g_return_if_fail (self->kind == STEADY_PRACTICE_KIND_BREATHING);
  g_return_if_fail (position != NULL);

  practice_us = active_us_at (self, read_clock (self)) - self->preparation_us;
  steady_breathing_position_compute (position, self->pattern, &self->length, practice_us);
}

/* A practice log entry for this session, once it has started: what was practised, when,
 * for how long and whether it was completed. The distress ratings are left to the caller. */
SteadyPracticeRecord *
steady_practice_timer_create_record (SteadyPracticeTimer *self)
{
  SteadyPracticeRecord *record;

  g_return_val_if_fail (STEADY_IS_PRACTICE_TIMER (self), NULL);
  g_return_val_if_fail (self->state != STEADY_PRACTICE_STATE_IDLE, NULL);

  record = steady_practice_record_new (self->kind);
  if (self->kind == STEADY_PRACTICE_KIND_BREATHING)
    {
      record->pattern = steady_breathing_pattern_copy (self->pattern);
      if (self->length.unit == STEADY_BREATHING_LENGTH_CYCLES)
        record->planned_cycles = self->length.value;
    }
  record->planned_us = session_us (self);
  record->actual_us = steady_practice_timer_get_practised_us (self);
  record->completed = self->completed;
  steady_practice_record_set_started_at (record, self->started_at);
  return record;
}
