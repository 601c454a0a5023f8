/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-bell-schedule.c: when the bells of a mindfulness sit ring. Times count from the start
 * of the sit, not of the preparation, so "a bell every five minutes" rings at 5, 10, 15
 * minutes of sitting however long the countdown before it was. */

#define G_LOG_DOMAIN "steady-bell-schedule"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-bell-schedule.h"
#include "steady-practice-error.h"

G_DEFINE_ENUM_TYPE (SteadyBellKind, steady_bell_kind,
  G_DEFINE_ENUM_VALUE (STEADY_BELL_START, "start"),
  G_DEFINE_ENUM_VALUE (STEADY_BELL_INTERVAL, "interval"),
  G_DEFINE_ENUM_VALUE (STEADY_BELL_END, "end"))

gboolean
steady_bell_schedule_validate (const SteadyBellSchedule  *schedule,
                               GError                   **error)
{
  g_return_val_if_fail (schedule != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (schedule->preparation_us < 0 || schedule->preparation_us > STEADY_BELL_MAX_PREPARATION_US)
    {
      g_set_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_BELLS,
                   _("The time to settle in can be up to %d minutes."),
                   (int)(STEADY_BELL_MAX_PREPARATION_US / G_TIME_SPAN_MINUTE));
      return FALSE;
    }
  if (schedule->duration_us < 0 || schedule->duration_us > STEADY_BELL_MAX_DURATION_US)
    {
      g_set_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_BELLS,
                   _("A sit can last up to %d hours."),
                   (int)(STEADY_BELL_MAX_DURATION_US / G_TIME_SPAN_HOUR));
      return FALSE;
    }
  if (schedule->interval_us != 0 &&
      (schedule->interval_us < STEADY_BELL_MIN_INTERVAL_US ||
       schedule->interval_us > STEADY_BELL_MAX_DURATION_US))
    {
      g_set_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_BELLS,
                   _("Interval bells need at least %d seconds between them."),
                   (int)(STEADY_BELL_MIN_INTERVAL_US / G_USEC_PER_SEC));
      return FALSE;
    }
  if (schedule->start_strikes > STEADY_BELL_MAX_STRIKES ||
      schedule->interval_strikes > STEADY_BELL_MAX_STRIKES ||
      schedule->end_strikes > STEADY_BELL_MAX_STRIKES)
    {
      g_set_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_BELLS,
                   _("A bell can be struck up to %d times."), STEADY_BELL_MAX_STRIKES);
      return FALSE;
    }
  return TRUE;
}

gboolean
steady_bell_schedule_is_open_ended (const SteadyBellSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, FALSE);

  return schedule->duration_us == 0;
}

static gboolean
has_interval_bells (const SteadyBellSchedule *schedule)
{
  return schedule->interval_us > 0 && schedule->interval_strikes > 0;
}

static gboolean
has_end_bell (const SteadyBellSchedule *schedule)
{
  return schedule->duration_us > 0 && schedule->end_strikes > 0;
}

/* The highest interval bell number whose bell rings: one that would fall on or after the
 * end rings not at all, so it never doubles the end bell. G_MAXINT64 for an open-ended sit. */
static gint64
last_interval_index (const SteadyBellSchedule *schedule)
{
  if (schedule->duration_us == 0)
    return G_MAXINT64 / schedule->interval_us;
  return (schedule->duration_us - 1) / schedule->interval_us;
}

static void
set_event (SteadyBellEvent *event,
           gint64           time_us,
           SteadyBellKind   kind,
           guint            strikes)
{
  event->time_us = time_us;
  event->kind = kind;
  event->strikes = strikes;
}

/* The functions below take a schedule that steady_bell_schedule_validate() accepts. */

/* The first bell that rings strictly after @after_us of sitting (pass -1 to include the
 * start bell). Returns FALSE when no bell is left. Silent bells are not events. */
gboolean
steady_bell_schedule_next_event (const SteadyBellSchedule *schedule,
                                 gint64                    after_us,
                                 SteadyBellEvent          *event)
{
  g_return_val_if_fail (schedule != NULL, FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  if (after_us < 0 && schedule->start_strikes > 0)
    {
      set_event (event, 0, STEADY_BELL_START, schedule->start_strikes);
      return TRUE;
    }

  if (has_interval_bells (schedule))
    {
      gint64 index = after_us < 0 ? 1 : after_us / schedule->interval_us + 1;

      if (index <= last_interval_index (schedule))
        {
          set_event (event, index * schedule->interval_us, STEADY_BELL_INTERVAL,
                     schedule->interval_strikes);
          return TRUE;
        }
    }

  if (has_end_bell (schedule) && schedule->duration_us > after_us)
    {
      set_event (event, schedule->duration_us, STEADY_BELL_END, schedule->end_strikes);
      return TRUE;
    }

  return FALSE;
}

/* The last bell in (@after_us, @until_us]. When a timer falls behind, for instance while its
 * window was hidden, it rings this one bell rather than every bell it missed. */
gboolean
steady_bell_schedule_latest_event (const SteadyBellSchedule *schedule,
                                   gint64                    after_us,
                                   gint64                    until_us,
                                   SteadyBellEvent          *event)
{
  g_return_val_if_fail (schedule != NULL, FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  if (until_us <= after_us || until_us < 0)
    return FALSE;

  if (has_end_bell (schedule) && after_us < schedule->duration_us &&
      schedule->duration_us <= until_us)
    {
      set_event (event, schedule->duration_us, STEADY_BELL_END, schedule->end_strikes);
      return TRUE;
    }

  if (has_interval_bells (schedule))
    {
      gint64 index = MIN (until_us / schedule->interval_us, last_interval_index (schedule));
      gint64 time_us = index * schedule->interval_us;

      if (index >= 1 && time_us > after_us)
        {
          set_event (event, time_us, STEADY_BELL_INTERVAL, schedule->interval_strikes);
          return TRUE;
        }
    }

  if (schedule->start_strikes > 0 && after_us < 0)
    {
      set_event (event, 0, STEADY_BELL_START, schedule->start_strikes);
      return TRUE;
    }

  return FALSE;
}

/* Every bell up to and including @until_us of sitting, in order, as SteadyBellEvent. An
 * open-ended sit has interval bells without end, hence the limit; pass G_MAXINT64 for all
 * the bells of a sit with a duration. */
GArray *
steady_bell_schedule_list_events (const SteadyBellSchedule *schedule,
                                  gint64                    until_us)
{
  GArray *events;
  SteadyBellEvent event;
  gint64 after_us = -1;

  g_return_val_if_fail (schedule != NULL, NULL);
  g_return_val_if_fail (!steady_bell_schedule_is_open_ended (schedule) ||
                        !has_interval_bells (schedule) || until_us < G_MAXINT64, NULL);

  events = g_array_new (FALSE, FALSE, sizeof (SteadyBellEvent));
  while (steady_bell_schedule_next_event (schedule, after_us, &event) && event.time_us <= until_us)
    {
      g_array_append_val (events, event);
      after_us = event.time_us;
    }
  return events;
}
