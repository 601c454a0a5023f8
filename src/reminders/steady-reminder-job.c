/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-reminder-job.c: one planning pass of the reminder service.
 *
 * It reads the sessions of the next weeks and what was already sent, asks the pure planner
 * what is due, and claims each due reminder in the database before it is shown, so that it is
 * shown once, even with two services racing; a crash between the claim and the notification
 * loses one reminder rather than showing it twice. The resident daemon only shows what this
 * returns: the libraries needed to read the calendar (SQLite, libical and the ICU it pulls
 * in) stay out of the process that sits in memory all day. */

#define G_LOG_DOMAIN "steady-reminder-job"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-occurrence.h"
#include "steady-reminder-job.h"
#include "steady-reminder-ledger.h"
#include "steady-reminder-planner.h"
#include "steady-reminder-text.h"
#include "steady-review-reminder.h"
#include "steady-session-store.h"
#include "steady-wall-time.h"

/* Sessions are read this far ahead; reminders can be set up to a week before a session, so
 * a plan is good until a week before the end of what it read. */
#define LOOKAHEAD_US ((gint64)30 * 24 * 3600 * G_USEC_PER_SEC)
#define MAX_OFFSET_US ((gint64)STEADY_REMINDER_MAX_OFFSET_MINUTES * 60 * G_USEC_PER_SEC)
/* No session lasts longer than a day, so one that started a day ago may still be running. */
#define LOOKBEHIND_US ((gint64)24 * 3600 * G_USEC_PER_SEC)

static char *
since_key (gint64 instant_us)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  SteadyWallTime wall;

  /* Keys are wall times in each series' own zone; three days back covers every zone. */
  steady_wall_time_from_instant (instant_us - (gint64)3 * 24 * 3600 * G_USEC_PER_SEC, utc,
                                 &wall);
  return steady_wall_time_format (&wall);
}

/* Plans at @now_us and claims what is due — the sessions' reminders and, when
 * @review_weeks is not 0, the reminder to review the safety plan; returns
 * STEADY_REMINDER_JOB_PLAN_TYPE. */
GVariant *
steady_reminder_job_plan (SteadyDatabase  *database,
                          gint64           now_us,
                          GTimeZone       *local_zone,
                          gboolean         discreet,
                          guint            review_weeks,
                          GError         **error)
{
  SteadyReviewReminderPlan review;
  g_autoptr(SteadySessionStore) store = NULL;
  g_autoptr(SteadyReminderLedger) ledger = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(SteadyReminderPlan) plan = NULL;
  g_autofree char *since = NULL;
  GVariantBuilder shown;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), NULL);
  g_return_val_if_fail (local_zone != NULL, NULL);

  store = steady_session_store_new (database);
  steady_session_store_set_local_zone (store, local_zone);
  ledger = steady_reminder_ledger_new (database);

  /* Series that cannot be expanded are left out; the calendar page tells the user. */
  occurrences = steady_session_store_expand (store, now_us - LOOKBEHIND_US,
                                             now_us + LOOKAHEAD_US, NULL, error);
  if (occurrences == NULL)
    return NULL;
  since = since_key (now_us - LOOKBEHIND_US);
  records = steady_reminder_ledger_load (ledger, since, error);
  if (records == NULL)
    return NULL;

  plan = steady_reminder_planner_plan (occurrences, records, now_us);

  g_variant_builder_init (&shown, G_VARIANT_TYPE ("a(sissb)"));
  for (guint i = 0; i < plan->due->len; i++)
    {
      SteadyDueReminder *due = g_ptr_array_index (plan->due, i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *id = NULL;
      g_autofree char *summary = NULL;
      g_autofree char *body = NULL;
      gboolean claimed = FALSE;

      if (!steady_reminder_ledger_claim (ledger, due, now_us, &claimed, &local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (!claimed)
        continue;

      id = steady_occurrence_dup_id (due->occurrence);
      steady_reminder_text_format (due, now_us, local_zone, discreet, &summary, &body);
      g_variant_builder_add (&shown, "(sissb)", id, due->offset_minutes, summary,
                             body != NULL ? body : "", due->late);
    }

  if (!steady_review_reminder_claim (database, review_weeks, now_us, &review, error))
    {
      g_variant_builder_clear (&shown);
      return NULL;
    }
  if (review.show)
    {
      g_autofree char *summary = NULL;
      g_autofree char *body = NULL;

      steady_reminder_text_format_review (discreet, &summary, &body);
      g_variant_builder_add (&shown, "(sissb)", STEADY_REVIEW_REMINDER_ID, 0, summary,
                             body != NULL ? body : "", FALSE);
    }

  return g_variant_ref_sink (g_variant_new ("(a(sissb)x)", &shown,
                                            MIN (MIN (plan->next_wakeup_us,
                                                      review.next_wakeup_us),
                                                 now_us + LOOKAHEAD_US - MAX_OFFSET_US)));
}

static SteadyReminderLedger *
ledger_for_occurrence (SteadyDatabase  *database,
                       const char      *occurrence_id,
                       char           **out_series_uuid,
                       char           **out_original_start,
                       GError         **error)
{
  if (!steady_occurrence_id_parse (occurrence_id, out_series_uuid, out_original_start))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” does not name a session."), occurrence_id);
      return NULL;
    }
  return steady_reminder_ledger_new (database);
}

gboolean
steady_reminder_job_snooze (SteadyDatabase  *database,
                            const char      *occurrence_id,
                            int              offset_minutes,
                            gint64           until_us,
                            GError         **error)
{
  g_autofree char *series_uuid = NULL;
  g_autofree char *original_start = NULL;
  g_autoptr(SteadyReminderLedger) ledger = NULL;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), FALSE);

  /* The review reminder's "Later" (the caller gives it its own, longer, @until_us). */
  if (g_strcmp0 (occurrence_id, STEADY_REVIEW_REMINDER_ID) == 0)
    return steady_review_reminder_later (database, until_us, error);

  ledger = ledger_for_occurrence (database, occurrence_id, &series_uuid, &original_start, error);
  return ledger != NULL &&
         steady_reminder_ledger_snooze (ledger, series_uuid, original_start, offset_minutes,
                                        until_us, error);
}

gboolean
steady_reminder_job_dismiss (SteadyDatabase  *database,
                             const char      *occurrence_id,
                             int              offset_minutes,
                             GError         **error)
{
  g_autofree char *series_uuid = NULL;
  g_autofree char *original_start = NULL;
  g_autoptr(SteadyReminderLedger) ledger = NULL;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), FALSE);

  /* Already recorded as shown for its due date; dismissing it asks for nothing more. */
  if (g_strcmp0 (occurrence_id, STEADY_REVIEW_REMINDER_ID) == 0)
    return TRUE;

  ledger = ledger_for_occurrence (database, occurrence_id, &series_uuid, &original_start, error);
  return ledger != NULL &&
         steady_reminder_ledger_dismiss (ledger, series_uuid, original_start, offset_minutes,
                                         error);
}
