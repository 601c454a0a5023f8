/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-review-reminder.c: the reminder to review the safety plan with the therapist.
 *
 * The review falls due a number of weeks after the last review (or after the plan was begun);
 * if the user does not mark it reviewed, it falls due again each period after that. Each due
 * date gets one reminder. What was done about it is one row of the meta table — the due date
 * it was for, "sent" or "later" and until when — claimed in an IMMEDIATE transaction like the
 * session reminders in reminders_sent, so a restart or a second daemon never shows it twice.
 * Nothing of the plan's contents is read here: only its dates. */

#define G_LOG_DOMAIN "steady-review-reminder"

#include "config.h"

#include <stdio.h>

#include "steady-reminder-planner.h"
#include "steady-review-reminder.h"
#include "steady-safety-plan-store.h"
#include "steady-safety-review.h"
#include "steady-sql-private.h"

#define META_KEY "safety-plan-review-reminder"

/* A plan begun a century ago, reviewed every week, is still counted to today. */
#define MAX_PERIODS 6000

static gint64
date_time_to_us (GDateTime *when)
{
  return g_date_time_to_unix (when) * G_USEC_PER_SEC + g_date_time_get_microsecond (when);
}

static gint64
remind_at_us (GDateTime *due)
{
  return date_time_to_us (due) + (gint64)STEADY_REVIEW_REMINDER_HOUR * 3600 * G_USEC_PER_SEC;
}

/**
 * steady_review_reminder_plan:
 * @last_reviewed: (nullable): the last review, or %NULL if never
 * @plan_started: (nullable): when the plan was begun, or %NULL for no plan
 * @interval_weeks: the "safety-plan-review-weeks" setting; 0 means no reminder
 * @record: (nullable): what was done about the reminder last, or %NULL if nothing
 * @now_us: the time now, UTC microseconds
 * @out_plan: (out caller-allocates): whether to show it now and when to look again
 *
 * Pure: the due date in force is the last one whose reminder time has come; it is shown
 * unless @record says it was already shown for that due date (or put off until later).
 */
void
steady_review_reminder_plan (GDateTime                        *last_reviewed,
                             GDateTime                        *plan_started,
                             guint                             interval_weeks,
                             const SteadyReviewReminderRecord *record,
                             gint64                            now_us,
                             SteadyReviewReminderPlan         *out_plan)
{
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) next = NULL;
  gint64 next_period_us;

  g_return_if_fail (out_plan != NULL);

  out_plan->show = FALSE;
  out_plan->due_us = 0;
  out_plan->next_wakeup_us = STEADY_REMINDER_NEVER;

  interval_weeks = MIN (interval_weeks, 52);
  due = steady_safety_review_next_due (last_reviewed, plan_started, interval_weeks);
  if (due == NULL)
    return;
  if (remind_at_us (due) > now_us)
    {
      out_plan->next_wakeup_us = remind_at_us (due);
      return;
    }

  /* Not reviewed since: the latest due date whose time has come. */
  next = steady_safety_review_next_due (due, NULL, interval_weeks);
  for (guint i = 0; i < MAX_PERIODS && remind_at_us (next) <= now_us; i++)
    {
      g_date_time_unref (due);
      due = g_steal_pointer (&next);
      next = steady_safety_review_next_due (due, NULL, interval_weeks);
    }
  next_period_us = remind_at_us (next);

  out_plan->due_us = date_time_to_us (due);
  out_plan->next_wakeup_us = next_period_us;
  if (record == NULL || record->due_us != out_plan->due_us)
    {
      out_plan->show = TRUE;
      return;
    }
  switch (record->state)
    {
    case STEADY_REVIEW_REMINDER_SENT:
      break;
    case STEADY_REVIEW_REMINDER_LATER:
      if (record->later_until_us <= now_us)
        out_plan->show = TRUE;
      else
        out_plan->next_wakeup_us = MIN (record->later_until_us, next_period_us);
      break;
    case STEADY_REVIEW_REMINDER_NONE:
    default:
      out_plan->show = TRUE;
      break;
    }
}

/* The record in the meta table: "DUE-US sent" or "DUE-US later UNTIL-US". */
static gboolean
load_record (SteadyDatabase              *database,
             SteadyReviewReminderRecord  *out_record,
             GError                     **error)
{
  g_autoptr(SteadyStatement) stmt = NULL;
  gboolean has_row = FALSE;
  gint64 due = 0, until = 0;
  char state[8] = "";

  out_record->due_us = 0;
  out_record->state = STEADY_REVIEW_REMINDER_NONE;
  out_record->later_until_us = 0;

  stmt = steady_sql_prepare (database, "SELECT value FROM meta WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  steady_sql_bind_text (stmt, 1, META_KEY);
  if (!steady_sql_step_row (database, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return TRUE;

  /* Anything unreadable counts as nothing recorded: at worst one more reminder. */
  switch (sscanf ((const char *)sqlite3_column_text (stmt, 0),
                  "%" G_GINT64_FORMAT " %7s %" G_GINT64_FORMAT, &due, state, &until))
    {
    case 2:
      if (g_str_equal (state, "sent"))
        out_record->state = STEADY_REVIEW_REMINDER_SENT;
      break;
    case 3:
      if (g_str_equal (state, "later"))
        out_record->state = STEADY_REVIEW_REMINDER_LATER;
      break;
    default:
      break;
    }
  out_record->due_us = due;
  out_record->later_until_us = until;
  return TRUE;
}

static gboolean
save_record (SteadyDatabase                    *database,
             const SteadyReviewReminderRecord  *record,
             GError                           **error)
{
  g_autoptr(SteadyStatement) stmt = NULL;
  g_autofree char *value = NULL;

  if (record->state == STEADY_REVIEW_REMINDER_LATER)
    value = g_strdup_printf ("%" G_GINT64_FORMAT " later %" G_GINT64_FORMAT, record->due_us,
                             record->later_until_us);
  else
    value = g_strdup_printf ("%" G_GINT64_FORMAT " sent", record->due_us);

  stmt = steady_sql_prepare (database, "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                                       "ON CONFLICT (key) DO UPDATE SET value = ?2", error);
  if (stmt == NULL)
    return FALSE;
  steady_sql_bind_text (stmt, 1, META_KEY);
  steady_sql_bind_text (stmt, 2, value);
  return steady_sql_step_done (database, stmt, error);
}

static gboolean
claim_in_transaction (SteadyDatabase            *database,
                      guint                      interval_weeks,
                      gint64                     now_us,
                      SteadyReviewReminderPlan  *out_plan,
                      GError                   **error)
{
  g_autoptr(SteadySafetyPlanStore) store = steady_safety_plan_store_new (database);
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) started = NULL;
  SteadyReviewReminderRecord record;

  if (!steady_safety_plan_store_get_last_reviewed (store, &last, error) ||
      !steady_safety_plan_store_get_started (store, &started, error) ||
      !load_record (database, &record, error))
    return FALSE;

  steady_review_reminder_plan (last, started, interval_weeks, &record, now_us, out_plan);
  if (!out_plan->show)
    return TRUE;

  record.due_us = out_plan->due_us;
  record.state = STEADY_REVIEW_REMINDER_SENT;
  record.later_until_us = 0;
  return save_record (database, &record, error);
}

/**
 * steady_review_reminder_claim:
 *
 * Plans the review reminder at @now_us and, when it is to be shown, records it as shown for
 * its due date, in one transaction: of two callers racing, one gets out_plan->show.
 */
gboolean
steady_review_reminder_claim (SteadyDatabase            *database,
                              guint                      interval_weeks,
                              gint64                     now_us,
                              SteadyReviewReminderPlan  *out_plan,
                              GError                   **error)
{
  g_return_val_if_fail (STEADY_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (out_plan != NULL, FALSE);

  out_plan->show = FALSE;
  out_plan->due_us = 0;
  out_plan->next_wakeup_us = STEADY_REMINDER_NEVER;
  if (interval_weeks == 0)
    return TRUE;

  if (!steady_database_begin (database, error))
    return FALSE;
  if (!claim_in_transaction (database, interval_weeks, now_us, out_plan, error))
    {
      steady_database_rollback (database);
      out_plan->show = FALSE;
      return FALSE;
    }
  if (!steady_database_commit (database, error))
    {
      out_plan->show = FALSE;
      return FALSE;
    }
  return TRUE;
}

/* "Later": the reminder last shown comes back at @until_us, unless its due date has passed
 * by then (reviewed meanwhile, or the setting changed). */
gboolean
steady_review_reminder_later (SteadyDatabase  *database,
                              gint64           until_us,
                              GError         **error)
{
  SteadyReviewReminderRecord record;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), FALSE);

  if (!steady_database_begin (database, error))
    return FALSE;
  if (!load_record (database, &record, error))
    {
      steady_database_rollback (database);
      return FALSE;
    }
  if (record.state == STEADY_REVIEW_REMINDER_NONE)
    {
      steady_database_rollback (database);
      return TRUE;
    }
  record.state = STEADY_REVIEW_REMINDER_LATER;
  record.later_until_us = until_us;
  if (!save_record (database, &record, error))
    {
      steady_database_rollback (database);
      return FALSE;
    }
  return steady_database_commit (database, error);
}
