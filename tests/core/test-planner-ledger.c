/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-planner-ledger.c: the reminders_sent ledger — a reminder is claimed once, even by two
 * senders racing on two connections; snooze and dismiss survive a restart. */

#include "config.h"

#include <locale.h>

#include "steady-reminder-ledger.h"
#include "steady-session-store.h"

#define N_RACES 40

static gint64
iso_us (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static SteadyDatabase *
open_database (void)
{
  g_autofree char *path = steady_database_get_default_path ();
  g_autoptr(GError) error = NULL;
  SteadyDatabase *db = steady_database_open (path, &error);

  g_assert_no_error (error);
  return db;
}

/* A daily series of N_RACES sessions from 2 June 2025, 09:00 UTC; returns its occurrences. */
static GPtrArray *
add_sessions (SteadyDatabase *db)
{
  g_autoptr(SteadySessionStore) store = steady_session_store_new (db);
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *rule = g_strdup_printf ("FREQ=DAILY;COUNT=%d", N_RACES);
  GPtrArray *occurrences;

  steady_session_series_set_title (series, "Group therapy");
  steady_session_series_set_start (series, "20250602T090000", "UTC");
  steady_session_series_set_rrule (series, rule);
  series->created_us = iso_us ("2025-05-01T00:00:00Z");
  g_assert_true (steady_session_store_add_series (store, series, &error));
  g_assert_no_error (error);

  occurrences = steady_session_store_expand (store, iso_us ("2025-06-01T00:00:00Z"),
                                             iso_us ("2025-08-01T00:00:00Z"), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occurrences->len, ==, N_RACES);
  return occurrences;
}

static SteadyDueReminder
due_for (SteadyOccurrence *occurrence,
         int               offset_minutes)
{
  return (SteadyDueReminder) {
    .occurrence = occurrence,
    .offset_minutes = offset_minutes,
    .due_us = occurrence->start_us - (gint64)offset_minutes * 60 * G_USEC_PER_SEC,
  };
}

static void
test_claim_once (void)
{
  g_autoptr(SteadyDatabase) db = open_database ();
  g_autoptr(GPtrArray) occurrences = add_sessions (db);
  g_autoptr(SteadyReminderLedger) ledger = steady_reminder_ledger_new (db);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  SteadyOccurrence *occurrence = g_ptr_array_index (occurrences, 0);
  SteadyDueReminder hour = due_for (occurrence, 60);
  SteadyDueReminder day = due_for (occurrence, 24 * 60);
  gboolean claimed = FALSE;

  g_assert_true (steady_reminder_ledger_claim (ledger, &hour, hour.due_us, &claimed, &error));
  g_assert_no_error (error);
  g_assert_true (claimed);
  g_assert_true (steady_reminder_ledger_claim (ledger, &hour, hour.due_us, &claimed, &error));
  g_assert_false (claimed);
  /* An earlier reminder of a session already reminded later is never shown. */
  g_assert_true (steady_reminder_ledger_claim (ledger, &day, hour.due_us, &claimed, &error));
  g_assert_false (claimed);

  records = steady_reminder_ledger_load (ledger, "20250601T000000", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpint (((SteadyReminderRecord *)g_ptr_array_index (records, 0))->state, ==,
                   STEADY_REMINDER_SENT);
  g_clear_pointer (&records, g_ptr_array_unref);

  /* Records of sessions before the window are not loaded. */
  records = steady_reminder_ledger_load (ledger, "20250603T000000", &error);
  g_assert_cmpuint (records->len, ==, 0);
}

typedef struct
{
  GPtrArray *occurrences;
  gint      *ready;
  gint      *go;
  guint      n_claimed;
} Racer;

static gpointer
race (gpointer data)
{
  Racer *racer = data;
  g_autoptr(SteadyDatabase) db = open_database ();
  g_autoptr(SteadyReminderLedger) ledger = steady_reminder_ledger_new (db);

  /* Both connections are open before either starts, so they really race. */
  g_atomic_int_inc (racer->ready);
  while (!g_atomic_int_get (racer->go))
    g_thread_yield ();

  for (guint i = 0; i < racer->occurrences->len; i++)
    {
      SteadyDueReminder due = due_for (g_ptr_array_index (racer->occurrences, i), 60);
      g_autoptr(GError) error = NULL;
      gboolean claimed = FALSE;

      g_assert_true (steady_reminder_ledger_claim (ledger, &due, due.due_us, &claimed, &error));
      g_assert_no_error (error);
      racer->n_claimed += claimed;
    }
  return NULL;
}

/* Two senders, each with its own connection, race for the same reminders. */
static void
test_two_senders_race (void)
{
  g_autoptr(SteadyDatabase) db = open_database ();
  g_autoptr(GPtrArray) occurrences = add_sessions (db);
  gint ready = 0;
  gint go = 0;
  Racer a = { occurrences, &ready, &go, 0 };
  Racer b = { occurrences, &ready, &go, 0 };
  GThread *ta = g_thread_new ("racer-a", race, &a);
  GThread *tb = g_thread_new ("racer-b", race, &b);

  while (g_atomic_int_get (&ready) < 2)
    g_thread_yield ();
  g_atomic_int_set (&go, 1);
  g_thread_join (ta);
  g_thread_join (tb);

  g_test_message ("racer a claimed %u, racer b %u", a.n_claimed, b.n_claimed);
  g_assert_cmpuint (a.n_claimed + b.n_claimed, ==, N_RACES);
}

static void
test_snooze_and_dismiss_survive_restart (void)
{
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;
  SteadyOccurrence *first, *second;
  gint64 snooze_until;

  {
    g_autoptr(SteadyDatabase) db = open_database ();
    g_autoptr(SteadyReminderLedger) ledger = steady_reminder_ledger_new (db);
    SteadyDueReminder due;
    gboolean claimed = FALSE;

    occurrences = add_sessions (db);
    first = g_ptr_array_index (occurrences, 0);
    second = g_ptr_array_index (occurrences, 1);

    due = due_for (first, 60);
    g_assert_true (steady_reminder_ledger_claim (ledger, &due, due.due_us, &claimed, &error));
    g_assert_true (claimed);
    snooze_until = due.due_us + 10 * 60 * G_USEC_PER_SEC;
    g_assert_true (steady_reminder_ledger_snooze (ledger, first->series->uuid,
                                                  first->original_start_local, 60, snooze_until,
                                                  &error));
    due = due_for (second, 60);
    g_assert_true (steady_reminder_ledger_claim (ledger, &due, due.due_us, &claimed, &error));
    g_assert_true (steady_reminder_ledger_dismiss (ledger, second->series->uuid,
                                                   second->original_start_local, 60, &error));
    g_assert_no_error (error);
  }

  /* A new process: the database is opened afresh. */
  {
    g_autoptr(SteadyDatabase) db = open_database ();
    g_autoptr(SteadyReminderLedger) ledger = steady_reminder_ledger_new (db);
    g_autoptr(GPtrArray) records = steady_reminder_ledger_load (ledger, "20250601T000000",
                                                                &error);
    g_autoptr(GPtrArray) two = g_ptr_array_new ();
    g_autoptr(SteadyReminderPlan) before = NULL;
    g_autoptr(SteadyReminderPlan) after = NULL;
    g_autoptr(SteadyReminderPlan) again = NULL;
    g_autoptr(GPtrArray) reloaded = NULL;
    SteadyDueReminder *due;
    gboolean claimed = FALSE;

    g_assert_no_error (error);
    g_assert_cmpuint (records->len, ==, 2);
    g_ptr_array_add (two, first);
    g_ptr_array_add (two, second);

    before = steady_reminder_planner_plan (two, records, snooze_until - 1);
    g_assert_cmpuint (before->due->len, ==, 0);
    g_assert_cmpint (before->next_wakeup_us, ==, snooze_until);

    after = steady_reminder_planner_plan (two, records, snooze_until);
    g_assert_cmpuint (after->due->len, ==, 1);
    due = g_ptr_array_index (after->due, 0);
    g_assert_true (due->occurrence == first);
    g_assert_true (due->snoozed);

    g_assert_true (steady_reminder_ledger_claim (ledger, due, snooze_until, &claimed, &error));
    g_assert_true (claimed);
    g_assert_true (steady_reminder_ledger_claim (ledger, due, snooze_until, &claimed, &error));
    g_assert_false (claimed);

    reloaded = steady_reminder_ledger_load (ledger, "20250601T000000", &error);
    again = steady_reminder_planner_plan (two, reloaded, snooze_until + 60 * G_USEC_PER_SEC);
    g_assert_cmpuint (again->due->len, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/planner-ledger/claim-once", test_claim_once);
  g_test_add_func ("/planner-ledger/two-senders-race", test_two_senders_race);
  g_test_add_func ("/planner-ledger/snooze-and-dismiss-survive-restart",
                   test_snooze_and_dismiss_survive_restart);

  return g_test_run ();
}
