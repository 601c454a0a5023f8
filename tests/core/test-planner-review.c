/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-planner-review.c: the reminder to review the safety plan — due, not yet due, off, shown
 * once per due date, "Later", and moved by "Mark as Reviewed" — on an injected clock. */

#include "config.h"

#include <locale.h>

#include "steady-reminder-job.h"
#include "steady-reminder-planner.h"
#include "steady-review-reminder.h"
#include "steady-safety-plan-store.h"

#define PRIVATE_MARKER "PRIVATE-PLAN-TEXT-51c2"

static GDateTime *
iso (const char *text)
{
  GDateTime *dt = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (dt);
  return dt;
}

static gint64
iso_us (const char *text)
{
  g_autoptr(GDateTime) dt = iso (text);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

/* Reviewed on 2 June 2025 in Berlin, every four weeks: due on 30 June, reminded at 10:00. */
static void
plan (const SteadyReviewReminderRecord *record,
      guint                             weeks,
      const char                       *now,
      SteadyReviewReminderPlan         *out_plan)
{
  g_autoptr(GDateTime) last = iso ("2025-06-02T15:00:00+02:00");
  g_autoptr(GDateTime) started = iso ("2025-05-01T12:00:00+02:00");

  steady_review_reminder_plan (last, started, weeks, record, iso_us (now), out_plan);
}

static void
test_not_yet_due (void)
{
  SteadyReviewReminderPlan p;

  plan (NULL, 4, "2025-06-30T07:59:59Z", &p);
  g_assert_false (p.show);
  g_assert_cmpint (p.next_wakeup_us, ==, iso_us ("2025-06-30T10:00:00+02:00"));
}

static void
test_due (void)
{
  SteadyReviewReminderPlan p;

  plan (NULL, 4, "2025-06-30T10:00:00+02:00", &p);
  g_assert_true (p.show);
  g_assert_cmpint (p.due_us, ==, iso_us ("2025-06-30T00:00:00+02:00"));
  /* Not reviewed by then, it comes again four weeks later. */
  g_assert_cmpint (p.next_wakeup_us, ==, iso_us ("2025-07-28T10:00:00+02:00"));

  /* Overdue for days (the computer was off): still shown. */
  plan (NULL, 4, "2025-07-05T20:00:00+02:00", &p);
  g_assert_true (p.show);
  g_assert_cmpint (p.due_us, ==, iso_us ("2025-06-30T00:00:00+02:00"));
}

static void
test_off (void)
{
  SteadyReviewReminderPlan p;

  plan (NULL, 0, "2026-01-01T10:00:00Z", &p);
  g_assert_false (p.show);
  g_assert_cmpint (p.next_wakeup_us, ==, STEADY_REMINDER_NEVER);

  /* No plan written yet: nothing to review. */
  steady_review_reminder_plan (NULL, NULL, 4, NULL, iso_us ("2026-01-01T10:00:00Z"), &p);
  g_assert_false (p.show);
  g_assert_cmpint (p.next_wakeup_us, ==, STEADY_REMINDER_NEVER);
}

static void
test_once_per_due_date (void)
{
  SteadyReviewReminderRecord sent = {
    iso_us ("2025-06-30T00:00:00+02:00"), STEADY_REVIEW_REMINDER_SENT, 0
  };
  SteadyReviewReminderPlan p;

  plan (&sent, 4, "2025-06-30T10:00:01+02:00", &p);
  g_assert_false (p.show);
  g_assert_cmpint (p.next_wakeup_us, ==, iso_us ("2025-07-28T10:00:00+02:00"));

  /* The period passed again without a review: a new due date, a new reminder. */
  plan (&sent, 4, "2025-07-28T10:00:00+02:00", &p);
  g_assert_true (p.show);
  g_assert_cmpint (p.due_us, ==, iso_us ("2025-07-28T00:00:00+02:00"));
}

static void
test_later (void)
{
  SteadyReviewReminderRecord later = {
    iso_us ("2025-06-30T00:00:00+02:00"), STEADY_REVIEW_REMINDER_LATER,
    iso_us ("2025-07-01T10:00:00+02:00")
  };
  SteadyReviewReminderPlan p;

  plan (&later, 4, "2025-06-30T18:00:00+02:00", &p);
  g_assert_false (p.show);
  g_assert_cmpint (p.next_wakeup_us, ==, iso_us ("2025-07-01T10:00:00+02:00"));

  plan (&later, 4, "2025-07-01T10:00:00+02:00", &p);
  g_assert_true (p.show);
}

/* Through the database, as the helper runs it. */

static SteadyDatabase *
open_with_plan (void)
{
  g_autofree char *path = steady_database_get_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) db = steady_database_open (path, &error);
  g_autoptr(SteadySafetyPlanStore) store = NULL;
  g_autoptr(SteadySafetyItem) item = NULL;
  g_autoptr(GDateTime) reviewed = iso ("2025-06-02T15:00:00+02:00");

  g_assert_no_error (error);
  store = steady_safety_plan_store_new (db);
  item = steady_safety_plan_store_add (store, STEADY_SAFETY_SECTION_REASONS,
                                       STEADY_SAFETY_PLAN_END, PRIVATE_MARKER, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (steady_safety_plan_store_mark_reviewed (store, reviewed, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

static GVariant *
job_plan_at (SteadyDatabase *db,
             const char     *now,
             gboolean        discreet)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GError) error = NULL;
  GVariant *result = steady_reminder_job_plan (db, iso_us (now), berlin, discreet, 4, &error);

  g_assert_no_error (error);
  return result;
}

static void
test_claimed_once (void)
{
  g_autoptr(SteadyDatabase) db = open_with_plan ();
  g_autoptr(GError) error = NULL;
  SteadyReviewReminderPlan first, second;

  g_assert_true (steady_review_reminder_claim (db, 4, iso_us ("2025-06-30T09:00:00Z"), &first,
                                               &error));
  g_assert_no_error (error);
  g_assert_true (first.show);
  /* A restart, or a second daemon: nothing more for that due date. */
  g_assert_true (steady_review_reminder_claim (db, 4, iso_us ("2025-06-30T09:00:01Z"), &second,
                                               &error));
  g_assert_false (second.show);
  g_assert_cmpint (second.next_wakeup_us, ==, iso_us ("2025-07-28T10:00:00+02:00"));

  /* Turned off: nothing, and nothing to wake up for. */
  g_assert_true (steady_review_reminder_claim (db, 0, iso_us ("2025-07-30T09:00:00Z"), &second,
                                               &error));
  g_assert_false (second.show);
  g_assert_cmpint (second.next_wakeup_us, ==, STEADY_REMINDER_NEVER);
}

static void
test_later_and_mark_reviewed (void)
{
  g_autoptr(SteadyDatabase) db = open_with_plan ();
  g_autoptr(SteadySafetyPlanStore) store = steady_safety_plan_store_new (db);
  g_autoptr(GDateTime) reviewed = iso ("2025-07-01T16:00:00+02:00");
  g_autoptr(GError) error = NULL;
  SteadyReviewReminderPlan p;

  g_assert_true (steady_review_reminder_claim (db, 4, iso_us ("2025-06-30T09:00:00Z"), &p, NULL));
  g_assert_true (p.show);

  /* "Later": back a day later, once. */
  g_assert_true (steady_review_reminder_later (db, iso_us ("2025-07-01T09:00:00Z"), &error));
  g_assert_no_error (error);
  g_assert_true (steady_review_reminder_claim (db, 4, iso_us ("2025-06-30T20:00:00Z"), &p, NULL));
  g_assert_false (p.show);
  g_assert_cmpint (p.next_wakeup_us, ==, iso_us ("2025-07-01T09:00:00Z"));
  g_assert_true (steady_review_reminder_claim (db, 4, iso_us ("2025-07-01T09:00:00Z"), &p, NULL));
  g_assert_true (p.show);
  g_assert_true (steady_review_reminder_claim (db, 4, iso_us ("2025-07-01T09:00:01Z"), &p, NULL));
  g_assert_false (p.show);

  /* Marked as reviewed: the next due date is four weeks from that review. */
  g_assert_true (steady_safety_plan_store_mark_reviewed (store, reviewed, &error));
  g_assert_true (steady_review_reminder_claim (db, 4, iso_us ("2025-07-01T15:00:00Z"), &p, NULL));
  g_assert_false (p.show);
  g_assert_cmpint (p.next_wakeup_us, ==, iso_us ("2025-07-29T10:00:00+02:00"));
  g_assert_true (steady_review_reminder_claim (db, 4, iso_us ("2025-07-29T08:00:00Z"), &p, NULL));
  g_assert_true (p.show);
}

static void
test_job_words (void)
{
  g_autoptr(SteadyDatabase) db = open_with_plan ();
  g_autoptr(GVariant) early = job_plan_at (db, "2025-06-29T12:00:00Z", FALSE);
  g_autoptr(GVariant) due = job_plan_at (db, "2025-06-30T08:00:00Z", FALSE);
  g_autoptr(GVariant) again = job_plan_at (db, "2025-06-30T08:00:01Z", FALSE);
  g_autoptr(GVariant) shown = g_variant_get_child_value (due, 0);
  g_autoptr(GVariant) none = g_variant_get_child_value (again, 0);
  g_autofree char *text = g_variant_print (due, TRUE);
  const char *id, *summary, *body;
  gboolean late;
  gint64 wakeup;
  int offset;

  /* The review's time is the next wake-up, when no session comes first. */
  g_variant_get_child (early, 1, "x", &wakeup);
  g_assert_cmpint (wakeup, ==, iso_us ("2025-06-30T10:00:00+02:00"));

  g_assert_cmpuint (g_variant_n_children (shown), ==, 1);
  g_variant_get_child (shown, 0, "(&si&s&sb)", &id, &offset, &summary, &body, &late);
  g_assert_cmpstr (id, ==, STEADY_REVIEW_REMINDER_ID);
  g_assert_cmpstr (summary, ==, "Time to review your safety plan");
  g_assert_cmpstr (body, !=, "");
  g_assert_false (late);
  g_assert_null (strstr (text, PRIVATE_MARKER));
  g_assert_cmpuint (g_variant_n_children (none), ==, 0);
}

static void
test_job_discreet (void)
{
  g_autoptr(SteadyDatabase) db = open_with_plan ();
  g_autoptr(GVariant) due = job_plan_at (db, "2025-06-30T08:00:00Z", TRUE);
  g_autoptr(GVariant) shown = g_variant_get_child_value (due, 0);
  const char *id, *summary, *body;
  gboolean late;
  int offset;

  g_assert_cmpuint (g_variant_n_children (shown), ==, 1);
  g_variant_get_child (shown, 0, "(&si&s&sb)", &id, &offset, &summary, &body, &late);
  g_assert_cmpstr (summary, ==, "Reminder from Steady");
  g_assert_cmpstr (body, ==, "");

  /* "Later" and dismiss through the helper's commands, by the reminder's id. */
  g_assert_true (steady_reminder_job_snooze (db, STEADY_REVIEW_REMINDER_ID, 0,
                                             iso_us ("2025-07-01T08:00:00Z"), NULL));
  g_assert_true (steady_reminder_job_dismiss (db, STEADY_REVIEW_REMINDER_ID, 0, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/planner-review/not-yet-due", test_not_yet_due);
  g_test_add_func ("/planner-review/due", test_due);
  g_test_add_func ("/planner-review/off", test_off);
  g_test_add_func ("/planner-review/once-per-due-date", test_once_per_due_date);
  g_test_add_func ("/planner-review/later", test_later);
  g_test_add_func ("/planner-review/claimed-once", test_claimed_once);
  g_test_add_func ("/planner-review/later-and-mark-reviewed", test_later_and_mark_reviewed);
  g_test_add_func ("/planner-review/job-words", test_job_words);
  g_test_add_func ("/planner-review/job-discreet", test_job_discreet);

  return g_test_run ();
}
