/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-practice-timer.c: the practice timer's states, pauses, bells and phase changes, each
 * announced once; and an hour of frames with jitter, gaps and pauses on an injected clock,
 * after which the timer is still exact to the microsecond. */

#define G_LOG_DOMAIN "steady-test-practice-timer"

#include "config.h"

#include <string.h>

#include "steady-practice-error.h"
#include "steady-practice-timer.h"

#define S(seconds)  ((gint64)(seconds) * G_USEC_PER_SEC)
#define MS(millis)  ((gint64)(millis) * 1000)
#define MINUTES(n)  S ((gint64)(n) * 60)

typedef struct
{
  gint64               clock_us;
  SteadyPracticeTimer *timer;
  GArray              *phases;   /* PhaseEvent */
  GArray              *bells;    /* BellEvent */
  GArray              *states;   /* SteadyPracticeState, one per change */
  guint                n_completed_notifies;
} Fixture;

typedef struct
{
  gint64               clock_us;
  SteadyBreathingPhase phase;
  guint                cycle;
} PhaseEvent;

typedef struct
{
  gint64         clock_us;
  SteadyBellKind kind;
  guint          strikes;
} BellEvent;

static gint64
read_fake_clock (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->clock_us;
}

static void
phase_changed_cb (SteadyPracticeTimer  *timer,
                  SteadyBreathingPhase  phase,
                  guint                 cycle,
                  Fixture              *fixture)
{
  PhaseEvent event = { fixture->clock_us, phase, cycle };

  g_array_append_val (fixture->phases, event);
}

static void
bell_cb (SteadyPracticeTimer *timer,
         SteadyBellKind       kind,
         guint                strikes,
         Fixture             *fixture)
{
  BellEvent event = { fixture->clock_us, kind, strikes };

  g_array_append_val (fixture->bells, event);
}

static void
state_cb (SteadyPracticeTimer *timer,
          GParamSpec          *pspec,
          Fixture             *fixture)
{
  SteadyPracticeState state = steady_practice_timer_get_state (timer);

  g_array_append_val (fixture->states, state);
}

static void
completed_cb (SteadyPracticeTimer *timer,
              GParamSpec          *pspec,
              Fixture             *fixture)
{
  fixture->n_completed_notifies++;
}

/* Takes @timer; the clock starts at an arbitrary reading, as a monotonic clock does. */
static void
fixture_init (Fixture             *fixture,
              SteadyPracticeTimer *timer)
{
  g_assert_nonnull (timer);
  fixture->clock_us = S (987654);
  fixture->timer = timer;
  fixture->phases = g_array_new (FALSE, FALSE, sizeof (PhaseEvent));
  fixture->bells = g_array_new (FALSE, FALSE, sizeof (BellEvent));
  fixture->states = g_array_new (FALSE, FALSE, sizeof (SteadyPracticeState));
  fixture->n_completed_notifies = 0;
  steady_practice_timer_set_clock (timer, read_fake_clock, fixture);
  g_signal_connect (timer, "phase-changed", G_CALLBACK (phase_changed_cb), fixture);
  g_signal_connect (timer, "bell", G_CALLBACK (bell_cb), fixture);
  g_signal_connect (timer, "notify::state", G_CALLBACK (state_cb), fixture);
  g_signal_connect (timer, "notify::completed", G_CALLBACK (completed_cb), fixture);
}

static void
fixture_clear (Fixture *fixture)
{
  g_clear_object (&fixture->timer);
  g_clear_pointer (&fixture->phases, g_array_unref);
  g_clear_pointer (&fixture->bells, g_array_unref);
  g_clear_pointer (&fixture->states, g_array_unref);
}

static SteadyPracticeTimer *
new_breathing (const char                *preset,
               SteadyBreathingLengthUnit  unit,
               guint                      value)
{
  g_autoptr(SteadyBreathingPattern) pattern = steady_breathing_pattern_new_preset (preset);
  SteadyBreathingLength length = { unit, value };
  g_autoptr(GError) error = NULL;
  SteadyPracticeTimer *timer = steady_practice_timer_new_breathing (pattern, &length, &error);

  g_assert_no_error (error);
  return timer;
}

static SteadyPracticeTimer *
new_mindfulness (const SteadyBellSchedule *schedule)
{
  g_autoptr(GError) error = NULL;
  SteadyPracticeTimer *timer = steady_practice_timer_new_mindfulness (schedule, &error);

  g_assert_no_error (error);
  return timer;
}

static void
assert_phase (Fixture              *fixture,
              guint                 index,
              SteadyBreathingPhase  phase,
              guint                 cycle)
{
  const PhaseEvent *event;

  g_assert_cmpuint (index, <, fixture->phases->len);
  event = &g_array_index (fixture->phases, PhaseEvent, index);
  g_assert_cmpint (event->phase, ==, phase);
  g_assert_cmpuint (event->cycle, ==, cycle);
}

static void
assert_bell (Fixture        *fixture,
             guint           index,
             SteadyBellKind  kind,
             guint           strikes,
             gint64          clock_us)
{
  const BellEvent *event;

  g_assert_cmpuint (index, <, fixture->bells->len);
  event = &g_array_index (fixture->bells, BellEvent, index);
  g_assert_cmpint (event->kind, ==, kind);
  g_assert_cmpuint (event->strikes, ==, strikes);
  g_assert_cmpint (event->clock_us, ==, clock_us);
}

static void
assert_states (Fixture                   *fixture,
               const SteadyPracticeState *expected,
               guint                      n_expected)
{
  g_assert_cmpuint (fixture->states->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpint (g_array_index (fixture->states, SteadyPracticeState, i), ==, expected[i]);
}

static void
test_invalid_settings (void)
{
  const guint nothing[] = { 0, 0, 0, 0, 0 };
  SteadyBreathingPattern bad = { NULL, (char *)"Nothing", { 0 }, 0 };
  g_autoptr(SteadyBreathingPattern) gentle = steady_breathing_pattern_new_preset ("gentle");
  SteadyBreathingLength no_length = { STEADY_BREATHING_LENGTH_MINUTES, 0 };
  SteadyBreathingLength one_minute = { STEADY_BREATHING_LENGTH_MINUTES, 1 };
  SteadyBellSchedule bad_bells = { .duration_us = -1 };
  g_autoptr(GError) error = NULL;

  memcpy (bad.tenths, nothing, sizeof nothing);
  g_assert_null (steady_practice_timer_new_breathing (&bad, &one_minute, &error));
  g_assert_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_PATTERN);
  g_clear_error (&error);
  g_assert_null (steady_practice_timer_new_breathing (gentle, &no_length, &error));
  g_assert_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_LENGTH);
  g_clear_error (&error);
  g_assert_null (steady_practice_timer_new_mindfulness (&bad_bells, &error));
  g_assert_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_BELLS);
}

static void
test_breathing_states (void)
{
  Fixture f;
  SteadyBreathingPosition position;
  const SteadyPracticeState expected_states[] = {
    STEADY_PRACTICE_STATE_RUNNING, STEADY_PRACTICE_STATE_PAUSED,
    STEADY_PRACTICE_STATE_RUNNING, STEADY_PRACTICE_STATE_FINISHED,
  };

  fixture_init (&f, new_breathing ("gentle", STEADY_BREATHING_LENGTH_CYCLES, 3));
  g_assert_cmpint (steady_practice_timer_get_kind (f.timer), ==, STEADY_PRACTICE_KIND_BREATHING);
  g_assert_cmpint (steady_practice_timer_get_state (f.timer), ==, STEADY_PRACTICE_STATE_IDLE);
  g_assert_cmpint (steady_practice_timer_get_until_next_event_us (f.timer), ==, -1);
  g_assert_cmpint (steady_practice_timer_get_elapsed_us (f.timer), ==, 0);
  g_assert_cmpint (steady_practice_timer_get_planned_us (f.timer), ==, S (24));
  g_assert_null (steady_practice_timer_get_schedule (f.timer));
  g_assert_cmpstr (steady_practice_timer_get_pattern (f.timer)->id, ==, "gentle");

  /* Nothing happens before the start. */
  steady_practice_timer_tick (f.timer);
  steady_practice_timer_pause (f.timer);
  g_assert_cmpuint (f.phases->len, ==, 0);
  g_assert_cmpuint (f.states->len, ==, 0);

  steady_practice_timer_start (f.timer);
  g_assert_cmpint (steady_practice_timer_get_state (f.timer), ==, STEADY_PRACTICE_STATE_RUNNING);
  g_assert_cmpuint (f.phases->len, ==, 1);
  assert_phase (&f, 0, STEADY_BREATHING_PHASE_INHALE, 1);
  g_assert_cmpint (steady_practice_timer_get_until_next_event_us (f.timer), ==, S (4));

  f.clock_us += S (4) - 1;
  steady_practice_timer_tick (f.timer);
  g_assert_cmpuint (f.phases->len, ==, 1);
  g_assert_cmpint (steady_practice_timer_get_until_next_event_us (f.timer), ==, 1);
  f.clock_us += 1;
  steady_practice_timer_tick (f.timer);
  steady_practice_timer_tick (f.timer);
  g_assert_cmpuint (f.phases->len, ==, 2);
  assert_phase (&f, 1, STEADY_BREATHING_PHASE_EXHALE, 1);

  /* A pause stops the clock of the practice, however long it lasts. */
  f.clock_us += S (1);
  steady_practice_timer_pause (f.timer);
  g_assert_cmpint (steady_practice_timer_get_state (f.timer), ==, STEADY_PRACTICE_STATE_PAUSED);
  f.clock_us += S (100);
  steady_practice_timer_tick (f.timer);
  g_assert_cmpuint (f.phases->len, ==, 2);
  g_assert_cmpint (steady_practice_timer_get_elapsed_us (f.timer), ==, S (5));
  g_assert_cmpint (steady_practice_timer_get_until_next_event_us (f.timer), ==, -1);
  steady_practice_timer_get_position (f.timer, &position);
  g_assert_cmpint (position.phase, ==, STEADY_BREATHING_PHASE_EXHALE);
  g_assert_cmpint (position.remaining_us, ==, S (3));

  steady_practice_timer_resume (f.timer);
  g_assert_cmpint (steady_practice_timer_get_elapsed_us (f.timer), ==, S (5));
  f.clock_us += S (3);
  steady_practice_timer_tick (f.timer);
  g_assert_cmpuint (f.phases->len, ==, 3);
  assert_phase (&f, 2, STEADY_BREATHING_PHASE_INHALE, 2);
  steady_practice_timer_get_position (f.timer, &position);
  g_assert_cmpint (position.phase, ==, STEADY_BREATHING_PHASE_INHALE);
  g_assert_cmpuint (position.cycle, ==, 2);
  g_assert_cmpint (position.remaining_us, ==, S (4));

  /* Stopped early: not completed; 10 s practised, the paused 100 s not counted. */
  f.clock_us += S (2);
  steady_practice_timer_stop (f.timer);
  g_assert_cmpint (steady_practice_timer_get_state (f.timer), ==, STEADY_PRACTICE_STATE_FINISHED);
  g_assert_false (steady_practice_timer_get_completed (f.timer));
  g_assert_cmpuint (f.n_completed_notifies, ==, 0);
  f.clock_us += S (60);
  g_assert_cmpint (steady_practice_timer_get_practised_us (f.timer), ==, S (10));
  g_assert_cmpint (steady_practice_timer_get_elapsed_us (f.timer), ==, S (10));

  /* Once finished, nothing more happens. */
  steady_practice_timer_tick (f.timer);
  steady_practice_timer_pause (f.timer);
  steady_practice_timer_resume (f.timer);
  steady_practice_timer_stop (f.timer);
  g_assert_cmpuint (f.phases->len, ==, 3);
  assert_states (&f, expected_states, G_N_ELEMENTS (expected_states));

  fixture_clear (&f);
}

static void
test_breathing_runs_to_end (void)
{
  const SteadyBreathingPhase order[] = {
    STEADY_BREATHING_PHASE_INHALE, STEADY_BREATHING_PHASE_HOLD_IN,
    STEADY_BREATHING_PHASE_EXHALE, STEADY_BREATHING_PHASE_HOLD_OUT,
  };
  Fixture f;

  fixture_init (&f, new_breathing ("box", STEADY_BREATHING_LENGTH_CYCLES, 2));
  steady_practice_timer_start (f.timer);
  for (guint second = 1; second <= 40; second++)
    {
      f.clock_us += S (1) / 2;
      steady_practice_timer_tick (f.timer);
      f.clock_us += S (1) / 2;
      steady_practice_timer_tick (f.timer);
    }

  g_assert_cmpuint (f.phases->len, ==, 9);
  for (guint i = 0; i < 8; i++)
    assert_phase (&f, i, order[i % 4], i / 4 + 1);
  assert_phase (&f, 8, STEADY_BREATHING_PHASE_FINISHED, 2);
  g_assert_cmpint (steady_practice_timer_get_state (f.timer), ==, STEADY_PRACTICE_STATE_FINISHED);
  g_assert_true (steady_practice_timer_get_completed (f.timer));
  g_assert_cmpuint (f.n_completed_notifies, ==, 1);
  g_assert_cmpint (steady_practice_timer_get_practised_us (f.timer), ==, S (32));
  g_assert_cmpint (steady_practice_timer_get_until_next_event_us (f.timer), ==, -1);

  fixture_clear (&f);
}

/* After a long gap (a hidden window nobody woke), only the phase under way is announced. */
static void
test_breathing_catch_up_once (void)
{
  Fixture f;

  fixture_init (&f, new_breathing ("gentle", STEADY_BREATHING_LENGTH_CYCLES, 10));
  steady_practice_timer_start (f.timer);
  f.clock_us += S (30);
  g_assert_cmpint (steady_practice_timer_get_until_next_event_us (f.timer), ==, 0);
  steady_practice_timer_tick (f.timer);
  g_assert_cmpuint (f.phases->len, ==, 2);
  assert_phase (&f, 1, STEADY_BREATHING_PHASE_EXHALE, 4);
  g_assert_cmpint (steady_practice_timer_get_until_next_event_us (f.timer), ==, S (2));

  f.clock_us += S (100);
  steady_practice_timer_tick (f.timer);
  g_assert_cmpuint (f.phases->len, ==, 3);
  assert_phase (&f, 2, STEADY_BREATHING_PHASE_FINISHED, 10);
  g_assert_true (steady_practice_timer_get_completed (f.timer));
  /* It ended on schedule, at 80 s, not when the late tick noticed. */
  g_assert_cmpint (steady_practice_timer_get_practised_us (f.timer), ==, S (80));
  g_assert_cmpint (steady_practice_timer_get_elapsed_us (f.timer), ==, S (80));

  fixture_clear (&f);
}

static void
test_mindfulness_bells (void)
{
  const SteadyBellSchedule schedule = {
    .preparation_us = S (10), .duration_us = S (60), .interval_us = S (20),
    .start_strikes = 3, .interval_strikes = 1, .end_strikes = 2,
  };
  const SteadyPracticeState expected_states[] = {
    STEADY_PRACTICE_STATE_PREPARING, STEADY_PRACTICE_STATE_RUNNING,
    STEADY_PRACTICE_STATE_FINISHED,
  };
  Fixture f;
  gint64 start;

  fixture_init (&f, new_mindfulness (&schedule));
  g_assert_cmpint (steady_practice_timer_get_kind (f.timer), ==, STEADY_PRACTICE_KIND_MINDFULNESS);
  g_assert_cmpint (steady_practice_timer_get_schedule (f.timer)->interval_us, ==, S (20));
  g_assert_cmpint (steady_practice_timer_get_planned_us (f.timer), ==, S (60));
  g_assert_cmpint (steady_practice_timer_get_preparation_left_us (f.timer), ==, S (10));
  start = f.clock_us;
  steady_practice_timer_start (f.timer);
  g_assert_cmpint (steady_practice_timer_get_state (f.timer), ==, STEADY_PRACTICE_STATE_PREPARING);
  g_assert_cmpuint (f.bells->len, ==, 0);
  g_assert_cmpint (steady_practice_timer_get_until_next_event_us (f.timer), ==, S (10));

  f.clock_us += S (4);
  g_assert_cmpint (steady_practice_timer_get_preparation_left_us (f.timer), ==, S (6));
  f.clock_us += S (6) - 1;
  steady_practice_timer_tick (f.timer);
  g_assert_cmpint (steady_practice_timer_get_state (f.timer), ==, STEADY_PRACTICE_STATE_PREPARING);
  g_assert_cmpuint (f.bells->len, ==, 0);

  f.clock_us += 1;
  steady_practice_timer_tick (f.timer);
  g_assert_cmpint (steady_practice_timer_get_state (f.timer), ==, STEADY_PRACTICE_STATE_RUNNING);
  g_assert_cmpuint (f.bells->len, ==, 1);
  assert_bell (&f, 0, STEADY_BELL_START, 3, start + S (10));
  g_assert_cmpint (steady_practice_timer_get_preparation_left_us (f.timer), ==, 0);
  g_assert_cmpint (steady_practice_timer_get_until_next_event_us (f.timer), ==, S (20));

  /* Bells count from the start of the sit: 20 s and 40 s of sitting, then the end at 60. */
  for (guint i = 0; i < 60; i++)
    {
      f.clock_us += S (1);
      steady_practice_timer_tick (f.timer);
    }
  g_assert_cmpuint (f.bells->len, ==, 4);
  assert_bell (&f, 1, STEADY_BELL_INTERVAL, 1, start + S (30));
  assert_bell (&f, 2, STEADY_BELL_INTERVAL, 1, start + S (50));
  assert_bell (&f, 3, STEADY_BELL_END, 2, start + S (70));
  g_assert_cmpint (steady_practice_timer_get_state (f.timer), ==, STEADY_PRACTICE_STATE_FINISHED);
  g_assert_true (steady_practice_timer_get_completed (f.timer));
  g_assert_cmpint (steady_practice_timer_get_practised_us (f.timer), ==, S (60));
  g_assert_cmpint (steady_practice_timer_get_elapsed_us (f.timer), ==, S (70));
  assert_states (&f, expected_states, G_N_ELEMENTS (expected_states));

  fixture_clear (&f);
}

/* Time paused counts neither towards the preparation nor towards the sit. */
static void
test_mindfulness_pauses (void)
{
  const SteadyBellSchedule schedule = {
    .preparation_us = S (10), .duration_us = MINUTES (10), .interval_us = MINUTES (2),
    .start_strikes = 1, .interval_strikes = 1, .end_strikes = 1,
  };
  Fixture f;

  fixture_init (&f, new_mindfulness (&schedule));
  steady_practice_timer_start (f.timer);
  f.clock_us += S (5);
  steady_practice_timer_pause (f.timer);
  g_assert_cmpint (steady_practice_timer_get_state (f.timer), ==, STEADY_PRACTICE_STATE_PAUSED);
  f.clock_us += MINUTES (60);
  steady_practice_timer_tick (f.timer);
  g_assert_cmpint (steady_practice_timer_get_preparation_left_us (f.timer), ==, S (5));
  steady_practice_timer_resume (f.timer);
  g_assert_cmpint (steady_practice_timer_get_state (f.timer), ==, STEADY_PRACTICE_STATE_PREPARING);
  g_assert_cmpuint (f.bells->len, ==, 0);

  f.clock_us += S (5);
  steady_practice_timer_tick (f.timer);
  assert_bell (&f, 0, STEADY_BELL_START, 1, f.clock_us);

  /* One minute in, pause for ten; the first interval bell comes a minute after resuming. */
  f.clock_us += MINUTES (1);
  steady_practice_timer_pause (f.timer);
  f.clock_us += MINUTES (10);
  steady_practice_timer_resume (f.timer);
  g_assert_cmpuint (f.bells->len, ==, 1);
  g_assert_cmpint (steady_practice_timer_get_until_next_event_us (f.timer), ==, MINUTES (1));
  f.clock_us += MINUTES (1) - 1;
  steady_practice_timer_tick (f.timer);
  g_assert_cmpuint (f.bells->len, ==, 1);
  f.clock_us += 1;
  steady_practice_timer_tick (f.timer);
  assert_bell (&f, 1, STEADY_BELL_INTERVAL, 1, f.clock_us);
  g_assert_cmpint (steady_practice_timer_get_practised_us (f.timer), ==, MINUTES (2));

  fixture_clear (&f);
}

static void
test_skip_preparation (void)
{
  const SteadyBellSchedule schedule = {
    .preparation_us = S (30), .duration_us = MINUTES (5), .interval_us = MINUTES (1),
    .start_strikes = 2, .interval_strikes = 1, .end_strikes = 3,
  };
  Fixture f;
  gint64 sit_start;

  fixture_init (&f, new_mindfulness (&schedule));
  steady_practice_timer_start (f.timer);
  f.clock_us += S (5);
  steady_practice_timer_skip_preparation (f.timer);
  sit_start = f.clock_us;
  g_assert_cmpint (steady_practice_timer_get_state (f.timer), ==, STEADY_PRACTICE_STATE_RUNNING);
  assert_bell (&f, 0, STEADY_BELL_START, 2, sit_start);

  /* Skipping again, or later, does nothing. */
  steady_practice_timer_skip_preparation (f.timer);
  g_assert_cmpuint (f.bells->len, ==, 1);

  for (guint i = 0; i < 5 * 60 * 4; i++)
    {
      f.clock_us += MS (250);
      steady_practice_timer_tick (f.timer);
    }
  g_assert_cmpuint (f.bells->len, ==, 6);
  for (guint i = 1; i <= 4; i++)
    assert_bell (&f, i, STEADY_BELL_INTERVAL, 1, sit_start + MINUTES (i));
  assert_bell (&f, 5, STEADY_BELL_END, 3, sit_start + MINUTES (5));
  g_assert_cmpint (steady_practice_timer_get_practised_us (f.timer), ==, MINUTES (5));
  g_assert_cmpint (steady_practice_timer_get_elapsed_us (f.timer), ==, MINUTES (5) + S (5));

  fixture_clear (&f);
}

/* Bells missed while nobody ticked ring once, never as a burst. */
static void
test_missed_bells_ring_once (void)
{
  const SteadyBellSchedule schedule = {
    .duration_us = MINUTES (10), .interval_us = MINUTES (1),
    .start_strikes = 1, .interval_strikes = 2, .end_strikes = 3,
  };
  Fixture f;

  fixture_init (&f, new_mindfulness (&schedule));
  steady_practice_timer_start (f.timer);
  g_assert_cmpint (steady_practice_timer_get_state (f.timer), ==, STEADY_PRACTICE_STATE_RUNNING);
  g_assert_cmpuint (f.bells->len, ==, 1);

  f.clock_us += MINUTES (3) + S (30);
  steady_practice_timer_tick (f.timer);
  steady_practice_timer_tick (f.timer);
  g_assert_cmpuint (f.bells->len, ==, 2);
  assert_bell (&f, 1, STEADY_BELL_INTERVAL, 2, f.clock_us);
  g_assert_cmpint (steady_practice_timer_get_until_next_event_us (f.timer), ==, S (30));

  f.clock_us += MINUTES (10);
  steady_practice_timer_tick (f.timer);
  g_assert_cmpuint (f.bells->len, ==, 3);
  assert_bell (&f, 2, STEADY_BELL_END, 3, f.clock_us);
  g_assert_true (steady_practice_timer_get_completed (f.timer));
  g_assert_cmpint (steady_practice_timer_get_practised_us (f.timer), ==, MINUTES (10));

  fixture_clear (&f);
}

/* An open-ended sit counts up until stopped; stopping is its end, with its end bell. */
static void
test_open_ended (void)
{
  SteadyBellSchedule schedule = {
    .duration_us = 0, .interval_us = MINUTES (5),
    .start_strikes = 1, .interval_strikes = 1, .end_strikes = 3,
  };
  Fixture f;

  fixture_init (&f, new_mindfulness (&schedule));
  g_assert_cmpint (steady_practice_timer_get_planned_us (f.timer), ==, 0);
  steady_practice_timer_start (f.timer);
  f.clock_us += MINUTES (12);
  steady_practice_timer_tick (f.timer);
  g_assert_cmpuint (f.bells->len, ==, 2);
  assert_bell (&f, 1, STEADY_BELL_INTERVAL, 1, f.clock_us);
  g_assert_cmpint (steady_practice_timer_get_until_next_event_us (f.timer), ==, MINUTES (3));
  g_assert_cmpint (steady_practice_timer_get_practised_us (f.timer), ==, MINUTES (12));

  steady_practice_timer_stop (f.timer);
  g_assert_cmpuint (f.bells->len, ==, 3);
  assert_bell (&f, 2, STEADY_BELL_END, 3, f.clock_us);
  g_assert_cmpint (steady_practice_timer_get_state (f.timer), ==, STEADY_PRACTICE_STATE_FINISHED);
  g_assert_true (steady_practice_timer_get_completed (f.timer));
  g_assert_cmpint (steady_practice_timer_get_practised_us (f.timer), ==, MINUTES (12));
  fixture_clear (&f);

  /* With no interval bells, nothing comes due by itself: the GUI need not wake. */
  schedule.interval_us = 0;
  fixture_init (&f, new_mindfulness (&schedule));
  steady_practice_timer_start (f.timer);
  g_assert_cmpint (steady_practice_timer_get_until_next_event_us (f.timer), ==, -1);
  f.clock_us += MINUTES (90);
  steady_practice_timer_tick (f.timer);
  g_assert_cmpuint (f.bells->len, ==, 1);
  g_assert_cmpint (steady_practice_timer_get_practised_us (f.timer), ==, MINUTES (90));
  fixture_clear (&f);
}

static void
test_stop_early (void)
{
  const SteadyBellSchedule schedule = {
    .preparation_us = S (20), .duration_us = MINUTES (10), .interval_us = 0,
    .start_strikes = 1, .interval_strikes = 0, .end_strikes = 1,
  };
  Fixture f;

  /* During the preparation: nothing practised, no bell. */
  fixture_init (&f, new_mindfulness (&schedule));
  steady_practice_timer_start (f.timer);
  f.clock_us += S (15);
  steady_practice_timer_stop (f.timer);
  g_assert_cmpint (steady_practice_timer_get_state (f.timer), ==, STEADY_PRACTICE_STATE_FINISHED);
  g_assert_false (steady_practice_timer_get_completed (f.timer));
  g_assert_cmpuint (f.bells->len, ==, 0);
  g_assert_cmpint (steady_practice_timer_get_practised_us (f.timer), ==, 0);
  fixture_clear (&f);

  /* Four minutes into a ten-minute sit: no end bell, four minutes practised. */
  fixture_init (&f, new_mindfulness (&schedule));
  steady_practice_timer_start (f.timer);
  f.clock_us += S (20);
  steady_practice_timer_tick (f.timer);
  f.clock_us += MINUTES (4);
  steady_practice_timer_stop (f.timer);
  g_assert_cmpuint (f.bells->len, ==, 1);
  g_assert_false (steady_practice_timer_get_completed (f.timer));
  g_assert_cmpint (steady_practice_timer_get_practised_us (f.timer), ==, MINUTES (4));
  fixture_clear (&f);

  /* Stopped after its end had passed but before a tick noticed: it did complete. */
  fixture_init (&f, new_mindfulness (&schedule));
  steady_practice_timer_start (f.timer);
  f.clock_us += S (20) + MINUTES (11);
  steady_practice_timer_stop (f.timer);
  g_assert_true (steady_practice_timer_get_completed (f.timer));
  g_assert_cmpuint (f.bells->len, ==, 1);
  assert_bell (&f, 0, STEADY_BELL_END, 1, f.clock_us);
  g_assert_cmpint (steady_practice_timer_get_practised_us (f.timer), ==, MINUTES (10));
  fixture_clear (&f);
}

static void
stop_on_interval_cb (SteadyPracticeTimer *timer,
                     SteadyBellKind       kind,
                     guint                strikes,
                     gpointer             user_data)
{
  if (kind == STEADY_BELL_INTERVAL)
    steady_practice_timer_stop (timer);
}

/* A handler may stop the timer from inside a signal; it ends there, once. */
static void
test_stop_from_handler (void)
{
  const SteadyBellSchedule schedule = {
    .duration_us = MINUTES (10), .interval_us = MINUTES (1),
    .start_strikes = 1, .interval_strikes = 1, .end_strikes = 1,
  };
  Fixture f;

  fixture_init (&f, new_mindfulness (&schedule));
  g_signal_connect (f.timer, "bell", G_CALLBACK (stop_on_interval_cb), NULL);
  steady_practice_timer_start (f.timer);
  f.clock_us += MINUTES (1);
  steady_practice_timer_tick (f.timer);
  g_assert_cmpint (steady_practice_timer_get_state (f.timer), ==, STEADY_PRACTICE_STATE_FINISHED);
  g_assert_false (steady_practice_timer_get_completed (f.timer));
  f.clock_us += MINUTES (20);
  steady_practice_timer_tick (f.timer);
  g_assert_cmpuint (f.bells->len, ==, 2);
  g_assert_cmpint (steady_practice_timer_get_practised_us (f.timer), ==, MINUTES (1));
  fixture_clear (&f);
}

static void
test_create_record (void)
{
  Fixture f;
  g_autoptr(SteadyPracticeRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before_us;
  gint64 after_us;

  fixture_init (&f, new_breathing ("4-7-8", STEADY_BREATHING_LENGTH_CYCLES, 4));
  before_us = g_get_real_time ();
  steady_practice_timer_start (f.timer);
  after_us = g_get_real_time ();
  f.clock_us += S (19) * 4;
  steady_practice_timer_tick (f.timer);

  record = steady_practice_timer_create_record (f.timer);
  g_assert_true (g_uuid_string_is_valid (record->uuid));
  g_assert_cmpint (record->kind, ==, STEADY_PRACTICE_KIND_BREATHING);
  g_assert_cmpstr (record->pattern->id, ==, "4-7-8");
  g_assert_cmpuint (record->pattern->tenths[STEADY_BREATHING_PHASE_HOLD_IN], ==, 70);
  g_assert_cmpint (record->planned_us, ==, S (76));
  g_assert_cmpuint (record->planned_cycles, ==, 4);
  g_assert_cmpint (record->actual_us, ==, S (76));
  g_assert_true (record->completed);
  g_assert_cmpint (record->started_at_us, >=, before_us);
  g_assert_cmpint (record->started_at_us, <=, after_us);
  g_assert_cmpint (record->distress_before, ==, STEADY_PRACTICE_NO_DISTRESS);
  g_assert_true (steady_practice_record_validate (record, &error));
  g_assert_no_error (error);
  fixture_clear (&f);
}

/* A frame of the GUI's frame clock: 16–17 ms with jitter; now and then a multi-second gap
 * as when the window is hidden. Returns TRUE for a gap. */
static gboolean
next_step (GRand  *rand,
           gint64 *step_us)
{
  if (g_rand_int_range (rand, 0, 2500) == 0)
    {
      *step_us = g_rand_int_range (rand, S (1), S (10) + 1);
      return TRUE;
    }
  *step_us = g_rand_int_range (rand, 16000, 17001) + g_rand_int_range (rand, -1500, 1501);
  return FALSE;
}

#define MAX_FRAME_US (17000 + 1500)

/* Now and then the person pauses, for up to two minutes. */
static void
maybe_pause (Fixture *f,
             GRand   *rand)
{
  if (g_rand_int_range (rand, 0, 15000) != 0)
    return;
  steady_practice_timer_pause (f->timer);
  g_assert_cmpint (steady_practice_timer_get_state (f->timer), ==, STEADY_PRACTICE_STATE_PAUSED);
  f->clock_us += g_rand_int_range (rand, S (1), S (120));
  steady_practice_timer_resume (f->timer);
}

typedef struct
{
  gint64               start_us;  /* active time the phase begins */
  SteadyBreathingPhase phase;
  guint                cycle;
} Boundary;

/* An hour of resonance breathing (5.5 s in, 5.5 s out) through the timer's own code path on
 * a sped-up clock. The expected schedule is worked out here independently, by adding up
 * phase lengths; the test's count of active time must match the timer's to the
 * microsecond at every frame. */
static void
test_drift_breathing_hour (void)
{
  g_autoptr(GArray) boundaries = g_array_new (FALSE, FALSE, sizeof (Boundary));
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);
  Fixture f;
  gint64 active_us = 0;
  gint64 t = 0;
  guint current = 0;
  guint expected_emissions = 1;
  guint n_gaps = 0;
  guint n_frames = 0;
  guint n_boundaries_seen = 0;

  /* 3600 s / 11 s = 327.3 breaths: the session finishes the 328th, at 3608 s. */
  for (guint cycle = 1; cycle <= 328; cycle++)
    {
      Boundary in = { t, STEADY_BREATHING_PHASE_INHALE, cycle };
      Boundary out = { t + MS (5500), STEADY_BREATHING_PHASE_EXHALE, cycle };

      g_array_append_val (boundaries, in);
      g_array_append_val (boundaries, out);
      t += MS (11000);
    }
  {
    Boundary end = { t, STEADY_BREATHING_PHASE_FINISHED, 328 };

    g_assert_cmpint (t, ==, S (3608));
    g_array_append_val (boundaries, end);
  }

  fixture_init (&f, new_breathing ("resonance", STEADY_BREATHING_LENGTH_MINUTES, 60));
  steady_practice_timer_start (f.timer);
  assert_phase (&f, 0, STEADY_BREATHING_PHASE_INHALE, 1);

  while (steady_practice_timer_get_state (f.timer) != STEADY_PRACTICE_STATE_FINISHED)
    {
      guint before = f.phases->len;
      guint latest = current;
      gint64 step_us;
      gboolean gap = next_step (rand, &step_us);

      maybe_pause (&f, rand);
      f.clock_us += step_us;
      active_us += step_us;
      steady_practice_timer_tick (f.timer);
      n_frames++;
      n_gaps += gap;

      while (latest + 1 < boundaries->len &&
             g_array_index (boundaries, Boundary, latest + 1).start_us <= active_us)
        latest++;

      if (latest == current)
        {
          g_assert_cmpuint (f.phases->len, ==, before);
          g_assert_cmpint (steady_practice_timer_get_elapsed_us (f.timer), ==, active_us);
          continue;
        }

      /* One announcement, of the phase under way. */
      {
        const Boundary *b = &g_array_index (boundaries, Boundary, latest);
        gint64 lag_us = active_us - b->start_us;

        g_assert_cmpuint (f.phases->len, ==, before + 1);
        assert_phase (&f, before, b->phase, b->cycle);
        expected_emissions++;
        n_boundaries_seen += latest - current;

        /* On time: within the frame that crossed it. */
        g_assert_cmpint (lag_us, >=, 0);
        g_assert_cmpint (lag_us, <, step_us);
        if (!gap)
          {
            g_assert_cmpint (lag_us, <, MAX_FRAME_US);
            g_assert_cmpuint (latest, ==, current + 1);
          }
      }
      current = latest;
      if (steady_practice_timer_get_state (f.timer) != STEADY_PRACTICE_STATE_FINISHED)
        g_assert_cmpint (steady_practice_timer_get_elapsed_us (f.timer), ==, active_us);
    }

  g_test_message ("%u frames, %u gaps, %u announcements", n_frames, n_gaps, f.phases->len);
  g_assert_cmpuint (n_gaps, >, 10);
  g_assert_cmpuint (current, ==, boundaries->len - 1);
  g_assert_cmpuint (n_boundaries_seen + 1, ==, boundaries->len);
  g_assert_cmpuint (f.phases->len, ==, expected_emissions);
  assert_phase (&f, f.phases->len - 1, STEADY_BREATHING_PHASE_FINISHED, 328);
  g_assert_true (steady_practice_timer_get_completed (f.timer));
  g_assert_cmpint (steady_practice_timer_get_practised_us (f.timer), ==, S (3608));

  fixture_clear (&f);
}

/* An hour's sit with a bell every seven minutes, on the same irregular frames: each bell
 * rings once, within a frame of its time, and the count is exact. */
static void
test_drift_mindfulness_hour (void)
{
  const SteadyBellSchedule schedule = {
    .preparation_us = S (20), .duration_us = MINUTES (60), .interval_us = MINUTES (7),
    .start_strikes = 3, .interval_strikes = 1, .end_strikes = 2,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gint64 expected_us[10];
  Fixture f;
  gint64 active_us = 0;
  guint next = 0;

  expected_us[0] = 0;
  for (guint k = 1; k <= 8; k++)
    expected_us[k] = MINUTES (7 * k);
  expected_us[9] = MINUTES (60);

  fixture_init (&f, new_mindfulness (&schedule));
  steady_practice_timer_start (f.timer);

  while (steady_practice_timer_get_state (f.timer) != STEADY_PRACTICE_STATE_FINISHED)
    {
      guint before = f.bells->len;
      gint64 step_us;
      gint64 sit_us;

      next_step (rand, &step_us);
      maybe_pause (&f, rand);
      f.clock_us += step_us;
      active_us += step_us;
      steady_practice_timer_tick (f.timer);
      sit_us = active_us - S (20);

      if (next < G_N_ELEMENTS (expected_us) && expected_us[next] <= sit_us)
        {
          const BellEvent *bell;

          g_assert_cmpuint (f.bells->len, ==, before + 1);
          bell = &g_array_index (f.bells, BellEvent, before);
          g_assert_cmpint (bell->kind, ==, next == 0 ? STEADY_BELL_START
                                           : next == 9 ? STEADY_BELL_END
                                           : STEADY_BELL_INTERVAL);
          g_assert_cmpint (sit_us - expected_us[next], <, step_us);
          next++;
        }
      else
        g_assert_cmpuint (f.bells->len, ==, before);
    }

  g_assert_cmpuint (next, ==, 10);
  g_assert_cmpuint (f.bells->len, ==, 10);
  g_assert_true (steady_practice_timer_get_completed (f.timer));
  g_assert_cmpint (steady_practice_timer_get_practised_us (f.timer), ==, MINUTES (60));
  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/practice/timer/invalid-settings", test_invalid_settings);
  g_test_add_func ("/practice/timer/breathing-states", test_breathing_states);
  g_test_add_func ("/practice/timer/breathing-runs-to-end", test_breathing_runs_to_end);
  g_test_add_func ("/practice/timer/breathing-catch-up-once", test_breathing_catch_up_once);
  g_test_add_func ("/practice/timer/mindfulness-bells", test_mindfulness_bells);
  g_test_add_func ("/practice/timer/mindfulness-pauses", test_mindfulness_pauses);
  g_test_add_func ("/practice/timer/skip-preparation", test_skip_preparation);
  g_test_add_func ("/practice/timer/missed-bells-ring-once", test_missed_bells_ring_once);
  g_test_add_func ("/practice/timer/open-ended", test_open_ended);
  g_test_add_func ("/practice/timer/stop-early", test_stop_early);
  g_test_add_func ("/practice/timer/stop-from-handler", test_stop_from_handler);
  g_test_add_func ("/practice/timer/create-record", test_create_record);
  g_test_add_func ("/practice/timer/drift-breathing-hour", test_drift_breathing_hour);
  g_test_add_func ("/practice/timer/drift-mindfulness-hour", test_drift_mindfulness_hour);

  return g_test_run ();
}
