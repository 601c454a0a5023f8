/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-practice-position.c: the pacer's phase function at every boundary of every preset,
 * with zero-length phases skipped, tenths of a second exact, and no drift after hours. */

#define G_LOG_DOMAIN "steady-test-practice-position"

#include "config.h"

#include "steady-breathing-position.h"

#define S(seconds)  ((gint64)(seconds) * G_USEC_PER_SEC)
#define MS(millis)  ((gint64)(millis) * 1000)
#define TENTHS(n)   ((gint64)(n) * 100000)

static SteadyBreathingPosition
position_at (const SteadyBreathingPattern *pattern,
             const SteadyBreathingLength  *length,
             gint64                        elapsed_us)
{
  SteadyBreathingPosition position;

  steady_breathing_position_compute (&position, pattern, length, elapsed_us);
  return position;
}

/* Walks the session phase by phase the slow way, adding one phase length after another,
 * and checks the phase function just before and exactly at each boundary. Returns the
 * number of boundaries seen. */
static guint
check_every_boundary (const SteadyBreathingPattern *pattern,
                      const SteadyBreathingLength  *length)
{
  guint n_cycles = steady_breathing_session_get_cycles (pattern, length);
  SteadyBreathingPhase previous_phase = STEADY_BREATHING_PHASE_FINISHED;
  guint previous_cycle = 0;
  gint64 previous_length_us = 0;
  gint64 start_us = 0;
  guint n_boundaries = 0;

  for (guint cycle = 1; cycle <= n_cycles; cycle++)
    {
      for (guint phase = 0; phase < STEADY_BREATHING_N_PHASES; phase++)
        {
          gint64 phase_us = TENTHS (pattern->tenths[phase]);
          SteadyBreathingPosition at;

          if (phase_us == 0)
            continue;

          at = position_at (pattern, length, start_us);
          g_assert_cmpint (at.phase, ==, phase);
          g_assert_cmpuint (at.cycle, ==, cycle);
          g_assert_cmpint (at.phase_start_us, ==, start_us);
          g_assert_cmpint (at.phase_end_us, ==, start_us + phase_us);
          g_assert_cmpint (at.remaining_us, ==, phase_us);
          g_assert_cmpfloat (at.progress, ==, 0.0);

          if (start_us > 0)
            {
              SteadyBreathingPosition before = position_at (pattern, length, start_us - 1);

              g_assert_cmpint (before.phase, ==, previous_phase);
              g_assert_cmpuint (before.cycle, ==, previous_cycle);
              g_assert_cmpint (before.remaining_us, ==, 1);
              g_assert_cmpint (before.phase_start_us, ==, start_us - previous_length_us);
              g_assert_cmpfloat (before.progress, <, 1.0);
            }

          previous_phase = phase;
          previous_cycle = cycle;
          previous_length_us = phase_us;
          start_us += phase_us;
          n_boundaries++;
        }
    }

  /* The end belongs to FINISHED, the moment before it to the last phase of the last cycle. */
  g_assert_cmpint (start_us, ==, steady_breathing_session_get_us (pattern, length));
  {
    SteadyBreathingPosition before = position_at (pattern, length, start_us - 1);
    SteadyBreathingPosition at = position_at (pattern, length, start_us);
    SteadyBreathingPosition after = position_at (pattern, length, start_us + S (3600));

    g_assert_cmpint (before.phase, ==, previous_phase);
    g_assert_cmpuint (before.cycle, ==, n_cycles);
    g_assert_cmpint (before.session_remaining_us, ==, 1);
    g_assert_cmpint (at.phase, ==, STEADY_BREATHING_PHASE_FINISHED);
    g_assert_cmpuint (at.cycle, ==, n_cycles);
    g_assert_cmpint (at.remaining_us, ==, 0);
    g_assert_cmpint (at.session_remaining_us, ==, 0);
    g_assert_cmpfloat (at.size, ==, 0.0);
    g_assert_cmpint (after.phase, ==, STEADY_BREATHING_PHASE_FINISHED);
    g_assert_cmpuint (after.cycle, ==, n_cycles);
  }
  return n_boundaries;
}

static void
test_every_preset_at_boundaries (void)
{
  const char * const *ids = steady_breathing_pattern_list_presets ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(SteadyBreathingPattern) pattern = steady_breathing_pattern_new_preset (ids[i]);
      SteadyBreathingLength minutes = { STEADY_BREATHING_LENGTH_MINUTES, 3 };
      SteadyBreathingLength cycles = { STEADY_BREATHING_LENGTH_CYCLES, 7 };
      guint n_phases = 0;

      for (guint phase = 0; phase < STEADY_BREATHING_N_PHASES; phase++)
        n_phases += pattern->tenths[phase] > 0;

      g_test_message ("preset %s", ids[i]);
      g_assert_cmpuint (check_every_boundary (pattern, &minutes), ==,
                        n_phases * steady_breathing_session_get_cycles (pattern, &minutes));
      g_assert_cmpuint (check_every_boundary (pattern, &cycles), ==, n_phases * 7);
    }
}

/* Every tenth of a second through a session: zero-length phases never show, and the phase
 * is always one of the pattern's own, in order. */
static void
test_zero_length_phases_never_shown (void)
{
  const guint only_exhale_and_hold[] = { 0, 0, 0, 30, 15 };
  const guint with_top_up[] = { 15, 5, 0, 40, 0 };
  const guint *patterns[] = { only_exhale_and_hold, with_top_up };

  for (guint p = 0; p < G_N_ELEMENTS (patterns); p++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SteadyBreathingPattern) pattern =
        steady_breathing_pattern_new_custom ("Test", patterns[p], &error);
      SteadyBreathingLength length = { STEADY_BREATHING_LENGTH_CYCLES, 5 };
      gint64 session_us = steady_breathing_session_get_us (pattern, &length);
      guint n_changes = 0;
      SteadyBreathingPhase last = STEADY_BREATHING_PHASE_FINISHED;

      g_assert_no_error (error);
      for (gint64 t = 0; t < session_us; t += TENTHS (1))
        {
          SteadyBreathingPosition at = position_at (pattern, &length, t);

          g_assert_cmpint (at.phase, <, STEADY_BREATHING_N_PHASES);
          g_assert_cmpuint (pattern->tenths[at.phase], >, 0);
          if (at.phase != last)
            n_changes++;
          last = at.phase;
        }
      g_assert_cmpuint (n_changes, ==, (p == 0 ? 2 : 3) * 5);
    }
}

/* Resonance breathing turns at 5.5 s: tenths are exact, not rounded to seconds. */
static void
test_tenths (void)
{
  g_autoptr(SteadyBreathingPattern) pattern = steady_breathing_pattern_new_preset ("resonance");
  SteadyBreathingLength length = { STEADY_BREATHING_LENGTH_MINUTES, 1 };
  SteadyBreathingPosition at;

  at = position_at (pattern, &length, MS (5500) - 1);
  g_assert_cmpint (at.phase, ==, STEADY_BREATHING_PHASE_INHALE);
  g_assert_cmpuint (at.countdown_s, ==, 1);
  at = position_at (pattern, &length, MS (5500));
  g_assert_cmpint (at.phase, ==, STEADY_BREATHING_PHASE_EXHALE);
  g_assert_cmpint (at.remaining_us, ==, MS (5500));
  /* 5.5 s left shows as 6, as a countdown that starts with the whole seconds left. */
  g_assert_cmpuint (at.countdown_s, ==, 6);
  at = position_at (pattern, &length, MS (11000));
  g_assert_cmpint (at.phase, ==, STEADY_BREATHING_PHASE_INHALE);
  g_assert_cmpuint (at.cycle, ==, 2);
  at = position_at (pattern, &length, MS (2750));
  g_assert_cmpfloat_with_epsilon (at.progress, 0.5, 1e-12);
}

static void
test_countdown (void)
{
  g_autoptr(SteadyBreathingPattern) pattern = steady_breathing_pattern_new_preset ("gentle");
  SteadyBreathingLength length = { STEADY_BREATHING_LENGTH_CYCLES, 2 };
  const struct { gint64 at_us; guint countdown; } expected[] = {
    { 0, 4 }, { 1, 4 }, { S (1) - 1, 4 }, { S (1), 3 }, { S (3), 1 }, { S (4) - 1, 1 },
    { S (4), 4 }, { S (15), 1 }, { S (16), 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (position_at (pattern, &length, expected[i].at_us).countdown_s, ==,
                      expected[i].countdown);
}

/* The shape grows through the inhale, stays full through a hold after it, shrinks through
 * the exhale and stays empty through a hold after it; with a top-up, the first inhale
 * fills it most of the way. */
static void
test_size (void)
{
  g_autoptr(SteadyBreathingPattern) box = steady_breathing_pattern_new_preset ("box");
  g_autoptr(SteadyBreathingPattern) sigh = steady_breathing_pattern_new_preset ("cyclic-sigh");
  SteadyBreathingLength length = { STEADY_BREATHING_LENGTH_CYCLES, 3 };
  double previous;

  g_assert_cmpfloat (position_at (box, &length, 0).size, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (position_at (box, &length, S (2)).size, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (position_at (box, &length, S (4) - 1).size, 1.0, 1e-9);
  g_assert_cmpfloat (position_at (box, &length, S (4)).size, ==, 1.0);
  g_assert_cmpfloat (position_at (box, &length, S (7)).size, ==, 1.0);
  g_assert_cmpfloat (position_at (box, &length, S (8)).size, ==, 1.0);
  g_assert_cmpfloat_with_epsilon (position_at (box, &length, S (10)).size, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (position_at (box, &length, S (12) - 1).size, 0.0, 1e-9);
  g_assert_cmpfloat (position_at (box, &length, S (12)).size, ==, 0.0);
  g_assert_cmpfloat (position_at (box, &length, S (15)).size, ==, 0.0);

  /* Growing without a step through the inhale: eased, never going back. */
  previous = position_at (box, &length, 0).size;
  for (gint64 t = MS (10); t < S (4); t += MS (10))
    {
      double size = position_at (box, &length, t).size;

      g_assert_cmpfloat (size, >, previous);
      g_assert_cmpfloat (size - previous, <, 0.01);
      previous = size;
    }

  g_assert_cmpfloat_with_epsilon (position_at (sigh, &length, S (2) - 1).size, 0.8, 1e-9);
  g_assert_cmpfloat (position_at (sigh, &length, S (2)).size, ==, 0.8);
  g_assert_cmpfloat_with_epsilon (position_at (sigh, &length, MS (2500)).size, 0.9, 1e-12);
  g_assert_cmpfloat_with_epsilon (position_at (sigh, &length, S (3) - 1).size, 1.0, 1e-9);
  g_assert_cmpfloat (position_at (sigh, &length, S (3)).size, ==, 1.0);
}

/* A session set in minutes runs to the end of the breath under way. */
static void
test_minutes_finish_the_breath (void)
{
  g_autoptr(SteadyBreathingPattern) pattern = steady_breathing_pattern_new_preset ("gentle");
  SteadyBreathingLength length = { STEADY_BREATHING_LENGTH_MINUTES, 1 };
  SteadyBreathingPosition at;

  at = position_at (pattern, &length, S (60));
  g_assert_cmpint (at.phase, ==, STEADY_BREATHING_PHASE_EXHALE);
  g_assert_cmpuint (at.cycle, ==, 8);
  g_assert_cmpint (at.session_remaining_us, ==, S (4));
  at = position_at (pattern, &length, S (64));
  g_assert_cmpint (at.phase, ==, STEADY_BREATHING_PHASE_FINISHED);
  g_assert_cmpuint (at.cycle, ==, 8);
}

static void
test_negative_time_is_the_start (void)
{
  g_autoptr(SteadyBreathingPattern) pattern = steady_breathing_pattern_new_preset ("box");
  SteadyBreathingLength length = { STEADY_BREATHING_LENGTH_CYCLES, 1 };
  SteadyBreathingPosition at = position_at (pattern, &length, -S (5));

  g_assert_cmpint (at.phase, ==, STEADY_BREATHING_PHASE_INHALE);
  g_assert_cmpuint (at.cycle, ==, 1);
  g_assert_cmpint (at.remaining_us, ==, S (4));
}

/* A day into a long session the schedule is still exact to the microsecond: integer
 * arithmetic cannot drift and does not overflow. */
static void
test_very_long_sessions (void)
{
  const guint longest[] = { 600, 600, 600, 600, 600 };
  const guint odd[] = { 37, 3, 11, 59, 7 };   /* 11.7 s a breath */
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyBreathingPattern) slow = steady_breathing_pattern_new_custom ("Slow", longest,
                                                                               &error);
  g_autoptr(SteadyBreathingPattern) uneven = steady_breathing_pattern_new_custom ("Uneven", odd,
                                                                                 &error);
  SteadyBreathingLength most = { STEADY_BREATHING_LENGTH_CYCLES, 999 };
  SteadyBreathingPosition at;
  gint64 day_us = S (24 * 60 * 60);

  g_assert_no_error (error);

  /* 999 breaths of 300 s: 83.25 hours. At 24 h, breath 289 is just beginning. */
  g_assert_cmpint (steady_breathing_session_get_us (slow, &most), ==, S (299700));
  at = position_at (slow, &most, day_us);
  g_assert_cmpint (at.phase, ==, STEADY_BREATHING_PHASE_INHALE);
  g_assert_cmpuint (at.cycle, ==, 289);
  g_assert_cmpint (at.phase_start_us, ==, day_us);
  g_assert_cmpint (at.session_remaining_us, ==, S (299700) - day_us);
  at = position_at (slow, &most, day_us - 1);
  g_assert_cmpint (at.phase, ==, STEADY_BREATHING_PHASE_HOLD_OUT);
  g_assert_cmpuint (at.cycle, ==, 288);

  /* 11.7 s breaths: the 999th breath's exhale starts at 998 × 11.7 + 5.1 s exactly. */
  at = position_at (uneven, &most, MS (998 * 11700 + 5100));
  g_assert_cmpint (at.phase, ==, STEADY_BREATHING_PHASE_EXHALE);
  g_assert_cmpuint (at.cycle, ==, 999);
  g_assert_cmpint (at.remaining_us, ==, MS (5900));
  at = position_at (uneven, &most, MS (998 * 11700 + 5100) - 1);
  g_assert_cmpint (at.phase, ==, STEADY_BREATHING_PHASE_HOLD_IN);

  /* And every boundary of the longest resonance session, walked the slow way. */
  {
    g_autoptr(SteadyBreathingPattern) resonance = steady_breathing_pattern_new_preset ("resonance");
    SteadyBreathingLength three_hours = { STEADY_BREATHING_LENGTH_MINUTES, 180 };

    g_assert_cmpuint (check_every_boundary (resonance, &three_hours), ==, 2 * 982);
  }
}

static void
test_phase_labels (void)
{
  for (guint phase = 0; phase <= STEADY_BREATHING_PHASE_FINISHED; phase++)
    g_assert_cmpstr (steady_breathing_phase_get_label (phase), !=, "");
  g_assert_cmpstr (steady_breathing_phase_get_label (STEADY_BREATHING_PHASE_INHALE), !=,
                   steady_breathing_phase_get_label (STEADY_BREATHING_PHASE_EXHALE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/practice/position/every-preset-at-boundaries",
                   test_every_preset_at_boundaries);
  g_test_add_func ("/practice/position/zero-length-phases", test_zero_length_phases_never_shown);
  g_test_add_func ("/practice/position/tenths", test_tenths);
  g_test_add_func ("/practice/position/countdown", test_countdown);
  g_test_add_func ("/practice/position/size", test_size);
  g_test_add_func ("/practice/position/minutes-finish-the-breath", test_minutes_finish_the_breath);
  g_test_add_func ("/practice/position/negative-time", test_negative_time_is_the_start);
  g_test_add_func ("/practice/position/very-long-sessions", test_very_long_sessions);
  g_test_add_func ("/practice/position/labels", test_phase_labels);

  return g_test_run ();
}
