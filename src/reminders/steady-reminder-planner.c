/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-reminder-planner.c: the pure reminder planner. It reads no clock and touches no
 * file, so every rule below is unit-tested with an injected "now".
 *
 * The rules, per occurrence of a session:
 * - Nothing for a cancelled session, nor for one that has ended: reminders missed while the
 *   computer was off or asleep are dropped once they can no longer help.
 * - Each of the series' reminders is due at start − offset, once. A reminder counts as
 *   handled when it, or a later reminder of the same occurrence (a smaller offset), was
 *   sent, snoozed or dismissed; so when several are due at once only the latest is shown,
 *   and the earlier ones never come back, whatever the clock does afterwards.
 * - A reminder that fell due before the occurrence was entered as it is now (see
 *   steady_occurrence_get_known_since()) never existed, so it is not "missed".
 * - A snoozed reminder is due again at the end of its snooze.
 * - Due now means due at or before now: never early. One shown more than a minute after it
 *   was due is marked late.
 * Because sent reminders are remembered by occurrence and offset, a clock set back does not
 * repeat them, and one set forward shows what it jumped over once, late. */

#define G_LOG_DOMAIN "steady-reminder-planner"

#include "config.h"

#include "steady-reminder-planner.h"

static void
due_reminder_free (SteadyDueReminder *due)
{
  steady_occurrence_unref (due->occurrence);
  g_free (due);
}

void
steady_reminder_plan_free (SteadyReminderPlan *plan)
{
  if (plan == NULL)
    return;
  g_ptr_array_unref (plan->due);
  g_free (plan);
}

static char *
occurrence_key (const char *series_uuid,
                const char *original_start_local)
{
  return g_strconcat (series_uuid, "/", original_start_local, NULL);
}

/* The record of the latest handled reminder of each occurrence, by occurrence id. */
static GHashTable *
index_latest_records (GPtrArray *records)
{
  GHashTable *latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      SteadyReminderRecord *record = g_ptr_array_index (records, i);
      char *key = occurrence_key (record->series_uuid, record->original_start_local);
      SteadyReminderRecord *known = g_hash_table_lookup (latest, key);

      if (known == NULL || record->offset_minutes < known->offset_minutes)
        g_hash_table_replace (latest, key, record);
      else
        g_free (key);
    }
  return latest;
}

static void
consider (SteadyDueReminder **best,
          SteadyOccurrence   *occurrence,
          int                 offset_minutes,
          gint64              due_us,
          gboolean            snoozed,
          gint64              now_us)
{
  /* Of several due at once, the one with the smallest offset (the last in the series of
   * reminders) is shown: claiming it marks every earlier one handled, a snoozed one too. */
  if (*best != NULL && (*best)->offset_minutes <= offset_minutes)
    return;
  if (*best == NULL)
    *best = g_new0 (SteadyDueReminder, 1);
  (*best)->occurrence = occurrence;
  (*best)->offset_minutes = offset_minutes;
  (*best)->due_us = due_us;
  (*best)->snoozed = snoozed;
  (*best)->snoozed_until_us = snoozed ? due_us : 0;
  (*best)->late = now_us - due_us > STEADY_REMINDER_LATE_AFTER_US;
}

/* @occurrences: SteadyOccurrence, as expanded over a window around @now_us; @records:
 * SteadyReminderRecord for (at least) those occurrences. */
SteadyReminderPlan *
steady_reminder_planner_plan (GPtrArray *occurrences,
                              GPtrArray *records,
                              gint64     now_us)
{
  g_autoptr(GHashTable) latest = NULL;
  SteadyReminderPlan *plan;

  g_return_val_if_fail (occurrences != NULL, NULL);

  latest = index_latest_records (records);
  plan = g_new0 (SteadyReminderPlan, 1);
  plan->due = g_ptr_array_new_with_free_func ((GDestroyNotify)due_reminder_free);
  plan->next_wakeup_us = STEADY_REMINDER_NEVER;

  for (guint i = 0; i < occurrences->len; i++)
    {
      SteadyOccurrence *occurrence = g_ptr_array_index (occurrences, i);
      GArray *offsets = occurrence->series->reminder_offsets;
      g_autofree char *key = NULL;
      SteadyReminderRecord *handled;
      SteadyDueReminder *best = NULL;
      gint64 known_since;

      if ((occurrence->flags & STEADY_OCCURRENCE_CANCELLED) != 0 || occurrence->end_us <= now_us)
        continue;

      key = occurrence_key (occurrence->series->uuid, occurrence->original_start_local);
      handled = g_hash_table_lookup (latest, key);
      known_since = steady_occurrence_get_known_since (occurrence);

      if (handled != NULL && handled->state == STEADY_REMINDER_SNOOZED)
        {
          if (handled->snoozed_until_us <= now_us)
            consider (&best, occurrence, handled->offset_minutes, handled->snoozed_until_us,
                      TRUE, now_us);
          else
            plan->next_wakeup_us = MIN (plan->next_wakeup_us, handled->snoozed_until_us);
        }

      for (guint j = 0; j < offsets->len; j++)
        {
          int offset = g_array_index (offsets, int, j);
          gint64 due_us = occurrence->start_us - (gint64)offset * 60 * G_USEC_PER_SEC;

          if (handled != NULL && handled->offset_minutes <= offset)
            continue;
          if (due_us < known_since)
            continue;
          if (due_us <= now_us)
            consider (&best, occurrence, offset, due_us, FALSE, now_us);
          else
            plan->next_wakeup_us = MIN (plan->next_wakeup_us, due_us);
        }

      if (best != NULL)
        {
          best->occurrence = steady_occurrence_ref (occurrence);
          g_ptr_array_add (plan->due, best);
        }
    }
  return plan;
}
