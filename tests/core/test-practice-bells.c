/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-practice-bells.c: the bells of a mindfulness sit: counted from the start of the sit,
 * never an interval bell on top of the end bell, open-ended sits, silent bells. */

#define G_LOG_DOMAIN "steady-test-practice-bells"

#include "config.h"

#include "steady-bell-schedule.h"
#include "steady-practice-error.h"

#define S(seconds) ((gint64)(seconds) * G_USEC_PER_SEC)
#define MINUTES(n) S ((gint64)(n) * 60)

typedef struct
{
  gint64         time_us;
  SteadyBellKind kind;
  guint          strikes;
} Expected;

static void
assert_events (const SteadyBellSchedule *schedule,
               gint64                    until_us,
               const Expected           *expected,
               guint                     n_expected)
{
  g_autoptr(GArray) events = steady_bell_schedule_list_events (schedule, until_us);

  g_assert_cmpuint (events->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const SteadyBellEvent *event = &g_array_index (events, SteadyBellEvent, i);

      g_assert_cmpint (event->time_us, ==, expected[i].time_us);
      g_assert_cmpint (event->kind, ==, expected[i].kind);
      g_assert_cmpuint (event->strikes, ==, expected[i].strikes);
    }
}

/* The preparation does not shift the bells: they count from the start of the sit. */
static void
test_interval_dividing_duration (void)
{
  SteadyBellSchedule schedule = {
    .preparation_us = S (30), .duration_us = MINUTES (20), .interval_us = MINUTES (5),
    .start_strikes = 3, .interval_strikes = 1, .end_strikes = 2,
  };
  const Expected expected[] = {
    { 0, STEADY_BELL_START, 3 },
    { MINUTES (5), STEADY_BELL_INTERVAL, 1 },
    { MINUTES (10), STEADY_BELL_INTERVAL, 1 },
    { MINUTES (15), STEADY_BELL_INTERVAL, 1 },
    { MINUTES (20), STEADY_BELL_END, 2 },   /* not also an interval bell at 20 */
  };

  g_assert_true (steady_bell_schedule_validate (&schedule, NULL));
  g_assert_false (steady_bell_schedule_is_open_ended (&schedule));
  assert_events (&schedule, G_MAXINT64, expected, G_N_ELEMENTS (expected));

  schedule.preparation_us = 0;
  assert_events (&schedule, G_MAXINT64, expected, G_N_ELEMENTS (expected));
}

static void
test_interval_not_dividing_duration (void)
{
  SteadyBellSchedule schedule = {
    .preparation_us = S (10), .duration_us = MINUTES (20), .interval_us = MINUTES (7),
    .start_strikes = 1, .interval_strikes = 2, .end_strikes = 3,
  };
  const Expected expected[] = {
    { 0, STEADY_BELL_START, 1 },
    { MINUTES (7), STEADY_BELL_INTERVAL, 2 },
    { MINUTES (14), STEADY_BELL_INTERVAL, 2 },
    { MINUTES (20), STEADY_BELL_END, 3 },
  };

  assert_events (&schedule, G_MAXINT64, expected, G_N_ELEMENTS (expected));
  /* Up to a limit, inclusive. */
  assert_events (&schedule, MINUTES (14), expected, 3);
  assert_events (&schedule, MINUTES (14) - 1, expected, 2);
}

static void
test_interval_longer_than_sit (void)
{
  SteadyBellSchedule schedule = {
    .duration_us = MINUTES (10), .interval_us = MINUTES (15),
    .start_strikes = 1, .interval_strikes = 1, .end_strikes = 1,
  };
  const Expected expected[] = {
    { 0, STEADY_BELL_START, 1 },
    { MINUTES (10), STEADY_BELL_END, 1 },
  };

  assert_events (&schedule, G_MAXINT64, expected, G_N_ELEMENTS (expected));
}

static void
test_open_ended (void)
{
  SteadyBellSchedule schedule = {
    .preparation_us = S (15), .duration_us = 0, .interval_us = MINUTES (10),
    .start_strikes = 2, .interval_strikes = 1, .end_strikes = 2,
  };
  const Expected expected[] = {
    { 0, STEADY_BELL_START, 2 },
    { MINUTES (10), STEADY_BELL_INTERVAL, 1 },
    { MINUTES (20), STEADY_BELL_INTERVAL, 1 },
    { MINUTES (30), STEADY_BELL_INTERVAL, 1 },
  };
  SteadyBellEvent event;

  g_assert_true (steady_bell_schedule_validate (&schedule, NULL));
  g_assert_true (steady_bell_schedule_is_open_ended (&schedule));
  assert_events (&schedule, MINUTES (35), expected, G_N_ELEMENTS (expected));

  /* Interval bells go on as long as the sit does: ten hours in, the next one is due. */
  g_assert_true (steady_bell_schedule_next_event (&schedule, MINUTES (600), &event));
  g_assert_cmpint (event.time_us, ==, MINUTES (610));
  g_assert_cmpint (event.kind, ==, STEADY_BELL_INTERVAL);

  /* Without interval bells nothing follows the start. */
  schedule.interval_us = 0;
  g_assert_false (steady_bell_schedule_next_event (&schedule, 0, &event));
}

static void
test_silent_bells (void)
{
  SteadyBellSchedule schedule = {
    .duration_us = MINUTES (10), .interval_us = MINUTES (4),
    .start_strikes = 0, .interval_strikes = 1, .end_strikes = 0,
  };
  const Expected intervals_only[] = {
    { MINUTES (4), STEADY_BELL_INTERVAL, 1 },
    { MINUTES (8), STEADY_BELL_INTERVAL, 1 },
  };
  const Expected start_and_end[] = {
    { 0, STEADY_BELL_START, 1 },
    { MINUTES (10), STEADY_BELL_END, 4 },
  };

  assert_events (&schedule, G_MAXINT64, intervals_only, G_N_ELEMENTS (intervals_only));

  schedule.start_strikes = 1;
  schedule.interval_strikes = 0;
  schedule.end_strikes = 4;
  assert_events (&schedule, G_MAXINT64, start_and_end, G_N_ELEMENTS (start_and_end));
}

static void
assert_next (const SteadyBellSchedule *schedule,
             gint64                    after_us,
             gboolean                  found,
             gint64                    time_us,
             SteadyBellKind            kind)
{
  SteadyBellEvent event = { -5, 0, 0 };

  g_assert_cmpint (steady_bell_schedule_next_event (schedule, after_us, &event), ==, found);
  if (found)
    {
      g_assert_cmpint (event.time_us, ==, time_us);
      g_assert_cmpint (event.kind, ==, kind);
    }
}

static void
assert_latest (const SteadyBellSchedule *schedule,
               gint64                    after_us,
               gint64                    until_us,
               gboolean                  found,
               gint64                    time_us,
               SteadyBellKind            kind)
{
  SteadyBellEvent event = { -5, 0, 0 };

  g_assert_cmpint (steady_bell_schedule_latest_event (schedule, after_us, until_us, &event), ==,
                   found);
  if (found)
    {
      g_assert_cmpint (event.time_us, ==, time_us);
      g_assert_cmpint (event.kind, ==, kind);
    }
}

static void
test_next_and_latest (void)
{
  SteadyBellSchedule schedule = {
    .duration_us = MINUTES (20), .interval_us = MINUTES (5),
    .start_strikes = 1, .interval_strikes = 1, .end_strikes = 1,
  };

  assert_next (&schedule, -1, TRUE, 0, STEADY_BELL_START);
  assert_next (&schedule, 0, TRUE, MINUTES (5), STEADY_BELL_INTERVAL);
  assert_next (&schedule, MINUTES (5) - 1, TRUE, MINUTES (5), STEADY_BELL_INTERVAL);
  assert_next (&schedule, MINUTES (5), TRUE, MINUTES (10), STEADY_BELL_INTERVAL);
  assert_next (&schedule, MINUTES (15), TRUE, MINUTES (20), STEADY_BELL_END);
  assert_next (&schedule, MINUTES (20) - 1, TRUE, MINUTES (20), STEADY_BELL_END);
  assert_next (&schedule, MINUTES (20), FALSE, 0, 0);

  assert_latest (&schedule, -1, 0, TRUE, 0, STEADY_BELL_START);
  assert_latest (&schedule, 0, MINUTES (17), TRUE, MINUTES (15), STEADY_BELL_INTERVAL);
  assert_latest (&schedule, -1, MINUTES (7), TRUE, MINUTES (5), STEADY_BELL_INTERVAL);
  assert_latest (&schedule, MINUTES (5), MINUTES (7), FALSE, 0, 0);
  assert_latest (&schedule, MINUTES (5) - 1, MINUTES (5), TRUE, MINUTES (5), STEADY_BELL_INTERVAL);
  assert_latest (&schedule, MINUTES (14), MINUTES (20), TRUE, MINUTES (20), STEADY_BELL_END);
  assert_latest (&schedule, MINUTES (3), MINUTES (25), TRUE, MINUTES (20), STEADY_BELL_END);
  assert_latest (&schedule, MINUTES (20), MINUTES (25), FALSE, 0, 0);
  assert_latest (&schedule, MINUTES (15), MINUTES (16), FALSE, 0, 0);
  assert_latest (&schedule, MINUTES (16), MINUTES (15), FALSE, 0, 0);
}

static void
assert_schedule (const SteadyBellSchedule *schedule,
                 gboolean                  valid)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (steady_bell_schedule_validate (schedule, &error), ==, valid);
  if (valid)
    g_assert_no_error (error);
  else
    g_assert_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_BELLS);
}

static void
test_validation (void)
{
  const SteadyBellSchedule good = {
    .preparation_us = S (10), .duration_us = MINUTES (20), .interval_us = MINUTES (5),
    .start_strikes = 3, .interval_strikes = 1, .end_strikes = 3,
  };
  SteadyBellSchedule s;

  assert_schedule (&good, TRUE);

  s = good;
  s.preparation_us = -1;
  assert_schedule (&s, FALSE);
  s = good;
  s.preparation_us = MINUTES (10);
  assert_schedule (&s, TRUE);
  s = good;
  s.preparation_us = MINUTES (10) + 1;
  assert_schedule (&s, FALSE);
  s = good;
  s.duration_us = -1;
  assert_schedule (&s, FALSE);
  s = good;
  s.duration_us = 0;
  assert_schedule (&s, TRUE);
  s = good;
  s.duration_us = MINUTES (24 * 60);
  assert_schedule (&s, TRUE);
  s = good;
  s.duration_us = MINUTES (24 * 60) + 1;
  assert_schedule (&s, FALSE);
  s = good;
  s.interval_us = 0;
  assert_schedule (&s, TRUE);
  s = good;
  s.interval_us = S (10);
  assert_schedule (&s, TRUE);
  s = good;
  s.interval_us = S (10) - 1;
  assert_schedule (&s, FALSE);
  s = good;
  s.interval_us = -MINUTES (5);
  assert_schedule (&s, FALSE);
  s = good;
  s.start_strikes = STEADY_BELL_MAX_STRIKES;
  assert_schedule (&s, TRUE);
  s = good;
  s.start_strikes = STEADY_BELL_MAX_STRIKES + 1;
  assert_schedule (&s, FALSE);
  s = good;
  s.interval_strikes = 10;
  assert_schedule (&s, FALSE);
  s = good;
  s.end_strikes = 10;
  assert_schedule (&s, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/practice/bells/interval-dividing-duration", test_interval_dividing_duration);
  g_test_add_func ("/practice/bells/interval-not-dividing-duration",
                   test_interval_not_dividing_duration);
  g_test_add_func ("/practice/bells/interval-longer-than-sit", test_interval_longer_than_sit);
  g_test_add_func ("/practice/bells/open-ended", test_open_ended);
  g_test_add_func ("/practice/bells/silent", test_silent_bells);
  g_test_add_func ("/practice/bells/next-and-latest", test_next_and_latest);
  g_test_add_func ("/practice/bells/validation", test_validation);

  return g_test_run ();
}
