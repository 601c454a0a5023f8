/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-planner.c: the pure reminder planner, table-driven with an injected clock — on time,
 * never early, once, late after suspend or shutdown, dropped after the session, one for many
 * missed, clock set back or forward, snooze, dismiss, cancelled, time-zone change. */

#include "config.h"

#include <locale.h>

#include "steady-recurrence.h"
#include "steady-reminder-planner.h"

#define MINUTE 60
#define HOUR (60 * MINUTE)
#define DAY (24 * HOUR)
#define NEVER G_MININT  /* in the table: no wake-up expected */
#define NO_SNOOZE 0

/* All times in the table are seconds relative to the session's start. */
typedef struct
{
  int                 offset_minutes;
  SteadyReminderState state;
  int                 snoozed_until;
} RecordSpec;

typedef struct
{
  const char *name;
  int         known_since;     /* when the session was entered */
  gboolean    cancelled;
  int         now;
  RecordSpec  records[3];
  guint       n_records;
  gboolean    expect_due;
  int         due_offset;      /* minutes */
  gboolean    due_late;
  gboolean    due_snoozed;
  int         next_wakeup;     /* or NEVER */
} PlannerCase;

static const PlannerCase cases[] = {
  { "a week ahead: nothing yet, wake for the day-before reminder",
    -7 * DAY, FALSE, -3 * DAY, { { 0 } }, 0, FALSE, 0, FALSE, FALSE, -DAY },
  { "one second early: not yet",
    -7 * DAY, FALSE, -DAY - 1, { { 0 } }, 0, FALSE, 0, FALSE, FALSE, -DAY },
  { "day-before reminder on time",
    -7 * DAY, FALSE, -DAY, { { 0 } }, 0, TRUE, 24 * 60, FALSE, FALSE, -HOUR },
  { "woken a little late by the timer: still on time",
    -7 * DAY, FALSE, -DAY + 2, { { 0 } }, 0, TRUE, 24 * 60, FALSE, FALSE, -HOUR },
  { "sent once, never again",
    -7 * DAY, FALSE, -DAY + 30, { { 24 * 60, STEADY_REMINDER_SENT, NO_SNOOZE } }, 1,
    FALSE, 0, FALSE, FALSE, -HOUR },
  { "hour-before reminder on time",
    -7 * DAY, FALSE, -HOUR, { { 24 * 60, STEADY_REMINDER_SENT, NO_SNOOZE } }, 1,
    TRUE, 60, FALSE, FALSE, NEVER },
  { "both sent: nothing left to do",
    -7 * DAY, FALSE, -30 * MINUTE, { { 24 * 60, STEADY_REMINDER_SENT, NO_SNOOZE },
                                  { 60, STEADY_REMINDER_SENT, NO_SNOOZE } }, 2,
    FALSE, 0, FALSE, FALSE, NEVER },
  { "resumed from suspend before the session: both missed, one late reminder",
    -7 * DAY, FALSE, -30 * MINUTE, { { 0 } }, 0, TRUE, 60, TRUE, FALSE, NEVER },
  { "started after a shutdown: the day-before reminder late, the hour-before later",
    -7 * DAY, FALSE, -2 * HOUR, { { 0 } }, 0, TRUE, 24 * 60, TRUE, FALSE, -HOUR },
  { "during the session, not yet reminded: late, while it has not ended",
    -7 * DAY, FALSE, 30 * MINUTE, { { 0 } }, 0, TRUE, 60, TRUE, FALSE, NEVER },
  { "after the session ended: dropped",
    -7 * DAY, FALSE, 3 * HOUR, { { 0 } }, 0, FALSE, 0, FALSE, FALSE, NEVER },
  { "clock set back after the hour-before reminder: nothing twice",
    -7 * DAY, FALSE, -2 * DAY, { { 60, STEADY_REMINDER_SENT, NO_SNOOZE } }, 1,
    FALSE, 0, FALSE, FALSE, NEVER },
  { "clock set back after the day-before reminder: only the hour-before, on its time",
    -7 * DAY, FALSE, -2 * DAY, { { 24 * 60, STEADY_REMINDER_SENT, NO_SNOOZE } }, 1,
    FALSE, 0, FALSE, FALSE, -HOUR },
  { "clock set forward over both: one, late",
    -7 * DAY, FALSE, -10 * MINUTE, { { 0 } }, 0, TRUE, 60, TRUE, FALSE, NEVER },
  { "snoozed: quiet until the snooze ends",
    -7 * DAY, FALSE, -50 * MINUTE, { { 60, STEADY_REMINDER_SNOOZED, -45 * MINUTE } }, 1,
    FALSE, 0, FALSE, FALSE, -45 * MINUTE },
  { "snooze over: due again",
    -7 * DAY, FALSE, -45 * MINUTE, { { 60, STEADY_REMINDER_SNOOZED, -45 * MINUTE } }, 1,
    TRUE, 60, FALSE, TRUE, NEVER },
  { "snooze ran out during a suspend: due, late",
    -7 * DAY, FALSE, -10 * MINUTE, { { 60, STEADY_REMINDER_SNOOZED, -45 * MINUTE } }, 1,
    TRUE, 60, TRUE, TRUE, NEVER },
  { "snoozed past the end of the session: dropped",
    -7 * DAY, FALSE, 3 * HOUR + MINUTE, { { 60, STEADY_REMINDER_SNOOZED, 3 * HOUR } }, 1,
    FALSE, 0, FALSE, FALSE, NEVER },
  { "dismissed: never again",
    -7 * DAY, FALSE, -30 * MINUTE, { { 60, STEADY_REMINDER_DISMISSED, NO_SNOOZE } }, 1,
    FALSE, 0, FALSE, FALSE, NEVER },
  { "day-before dismissed: the hour-before still comes",
    -7 * DAY, FALSE, -HOUR, { { 24 * 60, STEADY_REMINDER_DISMISSED, NO_SNOOZE } }, 1,
    TRUE, 60, FALSE, FALSE, NEVER },
  { "snoozed day-before and hour-before both due: one, the later",
    -7 * DAY, FALSE, -HOUR + 5 * MINUTE,
    { { 24 * 60, STEADY_REMINDER_SNOOZED, -HOUR + 4 * MINUTE } }, 1,
    TRUE, 60, TRUE, FALSE, NEVER },
  { "a snooze overtaken by the hour-before reminder does not come back",
    -7 * DAY, FALSE, -50 * MINUTE, { { 24 * 60, STEADY_REMINDER_SNOOZED, -50 * MINUTE },
                                  { 60, STEADY_REMINDER_SENT, NO_SNOOZE } }, 2,
    FALSE, 0, FALSE, FALSE, NEVER },
  { "cancelled session: nothing",
    -7 * DAY, TRUE, -HOUR, { { 0 } }, 0, FALSE, 0, FALSE, FALSE, NEVER },
  { "entered after its reminders fell due: none of them was missed",
    -30 * MINUTE, FALSE, -20 * MINUTE, { { 0 } }, 0, FALSE, 0, FALSE, FALSE, NEVER },
  { "entered between the two: the hour-before comes on time",
    -5 * HOUR, FALSE, -5 * HOUR, { { 0 } }, 0, FALSE, 0, FALSE, FALSE, -HOUR },
};

static gint64
session_start_us (void)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 ("2025-06-02T09:00:00Z", NULL);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static gint64
at (int seconds)
{
  return session_start_us () + (gint64)seconds * G_USEC_PER_SEC;
}

static SteadyOccurrence *
make_occurrence (int      known_since,
                 gboolean cancelled)
{
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();
  g_autoptr(SteadySessionOverride) override = NULL;

  steady_session_series_set_title (series, "Individual therapy");
  steady_session_series_set_start (series, "20250602T090000", "UTC");
  series->duration_minutes = 180;
  series->created_us = at (known_since);
  series->times_changed_us = series->created_us;
  if (cancelled)
    {
      override = steady_session_override_new ("20250602T090000");
      override->cancelled = TRUE;
    }
  return steady_occurrence_new (series, override, "20250602T090000", "20250602T090000",
                                session_start_us (), STEADY_OCCURRENCE_NONE);
}

static GPtrArray *
new_occurrences (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)steady_occurrence_unref);
}

static GPtrArray *
new_records (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)steady_reminder_record_free);
}

static SteadyDueReminder *
first_due (SteadyReminderPlan *plan)
{
  g_assert_cmpuint (plan->due->len, >, 0);
  return g_ptr_array_index (plan->due, 0);
}

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const PlannerCase *c = &cases[i];
      g_autoptr(GPtrArray) occurrences = new_occurrences ();
      g_autoptr(GPtrArray) records = new_records ();
      g_autoptr(SteadyReminderPlan) plan = NULL;
      SteadyOccurrence *occurrence = make_occurrence (c->known_since, c->cancelled);

      g_ptr_array_add (occurrences, occurrence);
      for (guint r = 0; r < c->n_records; r++)
        {
          SteadyReminderRecord *record;

          record = steady_reminder_record_new (occurrence->series->uuid,
                                               occurrence->original_start_local,
                                               c->records[r].offset_minutes, c->records[r].state);
          if (c->records[r].state == STEADY_REMINDER_SNOOZED)
            record->snoozed_until_us = at (c->records[r].snoozed_until);
          g_ptr_array_add (records, record);
        }

      g_test_message ("case: %s", c->name);
      plan = steady_reminder_planner_plan (occurrences, records, at (c->now));

      g_assert_cmpuint (plan->due->len, ==, c->expect_due ? 1 : 0);
      if (c->expect_due)
        {
          SteadyDueReminder *due = g_ptr_array_index (plan->due, 0);

          g_assert_true (due->occurrence == occurrence);
          g_assert_cmpint (due->offset_minutes, ==, c->due_offset);
          g_assert_cmpint (due->late, ==, c->due_late);
          g_assert_cmpint (due->snoozed, ==, c->due_snoozed);
          /* Never early. */
          g_assert_cmpint (due->due_us, <=, at (c->now));
        }
      if (c->next_wakeup == NEVER)
        g_assert_cmpint (plan->next_wakeup_us, ==, STEADY_REMINDER_NEVER);
      else
        {
          g_assert_cmpint (plan->next_wakeup_us, ==, at (c->next_wakeup));
          g_assert_cmpint (plan->next_wakeup_us, >, at (c->now));
        }
    }
}

/* Replays a whole day with a clock that jumps around, feeding back what was "sent", and
 * checks that each reminder is shown exactly once and never before it is due. */
static void
test_replay_with_jumping_clock (void)
{
  static const int clock[] = {
    -3 * DAY, -DAY - 10, -DAY, -DAY + 1, -2 * DAY, -DAY, -5 * HOUR, -HOUR - 1,
    -4 * HOUR, -HOUR, -HOUR, -59 * MINUTE, -2 * DAY, 10 * MINUTE, -HOUR, 4 * HOUR,
  };
  g_autoptr(GPtrArray) occurrences = new_occurrences ();
  g_autoptr(GPtrArray) records = new_records ();
  SteadyOccurrence *occurrence = make_occurrence (-7 * DAY, FALSE);
  guint shown_day_before = 0, shown_hour_before = 0;

  g_ptr_array_add (occurrences, occurrence);
  for (guint i = 0; i < G_N_ELEMENTS (clock); i++)
    {
      g_autoptr(SteadyReminderPlan) plan = steady_reminder_planner_plan (occurrences, records,
                                                                         at (clock[i]));

      for (guint d = 0; d < plan->due->len; d++)
        {
          SteadyDueReminder *due = g_ptr_array_index (plan->due, d);

          g_assert_cmpint (due->due_us, <=, at (clock[i]));
          if (due->offset_minutes == 24 * 60)
            shown_day_before++;
          else
            shown_hour_before++;
          g_ptr_array_add (records,
                           steady_reminder_record_new (occurrence->series->uuid,
                                                       occurrence->original_start_local,
                                                       due->offset_minutes,
                                                       STEADY_REMINDER_SENT));
        }
    }
  g_assert_cmpuint (shown_day_before, ==, 1);
  g_assert_cmpuint (shown_hour_before, ==, 1);
}

/* Several sessions: each gets its own reminder, and the wake-up is the earliest pending one. */
static void
test_several_sessions (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(SteadyReminderPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  const int offsets[] = { 0, 15 };

  steady_session_series_set_title (series, "Skills group");
  steady_session_series_set_start (series, "20250602T090000", "UTC");
  steady_session_series_set_rrule (series, "FREQ=DAILY;COUNT=3");
  steady_session_series_set_reminder_offsets (series, offsets, G_N_ELEMENTS (offsets));
  series->duration_minutes = 60;
  series->created_us = at (-7 * DAY);
  occurrences = steady_recurrence_expand (series, NULL, utc, at (-DAY), at (3 * DAY), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occurrences->len, ==, 3);

  /* At 09:00 on the second day: the first session has ended, the second starts now (its
   * "at the start" reminder is due), the third is a day away. */
  plan = steady_reminder_planner_plan (occurrences, NULL, at (DAY));
  g_assert_cmpuint (plan->due->len, ==, 1);
  g_assert_cmpstr (first_due (plan)->occurrence->original_start_local, ==, "20250603T090000");
  g_assert_cmpint (first_due (plan)->offset_minutes, ==, 0);
  g_assert_cmpint (plan->next_wakeup_us, ==, at (2 * DAY - 15 * MINUTE));
}

/* A floating series follows the user's zone: after a time-zone change the expansion, and so
 * the plan, moves with it. */
static void
test_time_zone_change (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(SteadyReminderPlan) plan_before = NULL;
  g_autoptr(SteadyReminderPlan) plan_after = NULL;
  g_autoptr(GError) error = NULL;

  steady_session_series_set_title (series, "Video session");
  steady_session_series_set_start (series, "20250602T090000", "");
  series->created_us = at (-7 * DAY);

  before = steady_recurrence_expand (series, NULL, berlin, at (-2 * DAY), at (2 * DAY), &error);
  after = steady_recurrence_expand (series, NULL, new_york, at (-2 * DAY), at (2 * DAY), &error);
  g_assert_no_error (error);

  plan_before = steady_reminder_planner_plan (before, NULL, at (-4 * HOUR));
  plan_after = steady_reminder_planner_plan (after, NULL, at (-4 * HOUR));
  /* 09:00 in Berlin is 07:00 UTC, in New York 13:00 UTC: the hour-before reminder moves
   * from 06:00 to 12:00 UTC. */
  g_assert_cmpuint (plan_before->due->len, ==, 1);
  g_assert_cmpuint (plan_after->due->len, ==, 1);
  g_assert_cmpint (plan_before->next_wakeup_us, ==, at (-3 * HOUR));
  g_assert_cmpint (plan_after->next_wakeup_us, ==, at (3 * HOUR));
  g_assert_cmpint (first_due (plan_before)->occurrence->start_us, ==, at (-2 * HOUR));
  g_assert_cmpint (first_due (plan_after)->occurrence->start_us, ==, at (4 * HOUR));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/planner/table", test_table);
  g_test_add_func ("/planner/replay-with-jumping-clock", test_replay_with_jumping_clock);
  g_test_add_func ("/planner/several-sessions", test_several_sessions);
  g_test_add_func ("/planner/time-zone-change", test_time_zone_change);

  return g_test_run ();
}
