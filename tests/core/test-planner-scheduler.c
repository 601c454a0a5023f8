/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-planner-scheduler.c: the reminder scheduler wakes at the time it is given (also one in
 * the past), not before; a new time replaces the old; a change to a time-zone file is seen.
 * And the autostart switch writes and removes the user's override. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "steady-reminder-planner.h"
#include "steady-reminder-scheduler.h"
#include "steady-reminders-client.h"

/* Only a safety net so a broken timer fails the test instead of hanging it. */
#define GIVE_UP_SECONDS 20
#define HOUR_US ((gint64)3600 * G_USEC_PER_SEC)

typedef struct
{
  GMainLoop *loop;
  guint      n_wakeups;
  guint      n_zone_changes;
  gint64     woken_at;
  gboolean   gave_up;
} Waiter;

static void
on_wakeup (SteadyReminderScheduler *scheduler,
           Waiter                  *waiter)
{
  waiter->n_wakeups++;
  waiter->woken_at = g_get_real_time ();
  g_main_loop_quit (waiter->loop);
}

static void
on_zone_changed (SteadyReminderScheduler *scheduler,
                 Waiter                  *waiter)
{
  waiter->n_zone_changes++;
  g_main_loop_quit (waiter->loop);
}

static gboolean
give_up_cb (gpointer user_data)
{
  Waiter *waiter = user_data;

  waiter->gave_up = TRUE;
  g_main_loop_quit (waiter->loop);
  return G_SOURCE_REMOVE;
}

static void
run (Waiter *waiter)
{
  guint id = g_timeout_add_seconds (GIVE_UP_SECONDS, give_up_cb, waiter);

  g_main_loop_run (waiter->loop);
  if (!waiter->gave_up)
    g_source_remove (id);
}

static void
test_wakes_at_the_time_given (void)
{
  g_autoptr(GError) error = NULL;
  const char * const no_files[] = { NULL };
  g_autoptr(SteadyReminderScheduler) scheduler = steady_reminder_scheduler_new (no_files, &error);
  Waiter waiter = { g_main_loop_new (NULL, FALSE) };
  gint64 target;

  g_assert_no_error (error);
  g_signal_connect (scheduler, "wakeup", G_CALLBACK (on_wakeup), &waiter);
  g_assert_cmpint (steady_reminder_scheduler_get_wakeup (scheduler), ==, STEADY_REMINDER_NEVER);

  /* A far time replaced by a near one: the near one counts. */
  steady_reminder_scheduler_set_wakeup (scheduler, g_get_real_time () + HOUR_US);
  target = g_get_real_time () + 200 * 1000;
  steady_reminder_scheduler_set_wakeup (scheduler, target);
  g_assert_cmpint (steady_reminder_scheduler_get_wakeup (scheduler), ==, target);
  run (&waiter);
  g_assert_false (waiter.gave_up);
  g_assert_cmpuint (waiter.n_wakeups, ==, 1);
  /* Never early: the timer is absolute on the real-time clock. */
  g_assert_cmpint (waiter.woken_at, >=, target);
  g_assert_cmpint (steady_reminder_scheduler_get_wakeup (scheduler), ==, STEADY_REMINDER_NEVER);

  /* A time already past (after a suspend, say) wakes at once. */
  steady_reminder_scheduler_set_wakeup (scheduler, g_get_real_time () - HOUR_US);
  run (&waiter);
  g_assert_false (waiter.gave_up);
  g_assert_cmpuint (waiter.n_wakeups, ==, 2);

  g_main_loop_unref (waiter.loop);
}

static void
test_sees_time_zone_change (void)
{
  g_autofree char *dir = g_dir_make_tmp ("steady-zone-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "localtime", NULL);
  const char *files[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyReminderScheduler) scheduler = NULL;
  Waiter waiter = { g_main_loop_new (NULL, FALSE) };

  g_assert_true (g_file_set_contents (path, "Europe/Berlin", -1, &error));
  scheduler = steady_reminder_scheduler_new (files, &error);
  g_assert_no_error (error);
  g_signal_connect (scheduler, "time-zone-changed", G_CALLBACK (on_zone_changed), &waiter);

  /* The way timedatectl does it: a new file renamed over the old one. */
  {
    g_autofree char *tmp = g_build_filename (dir, "localtime.new", NULL);

    g_assert_true (g_file_set_contents (tmp, "America/New_York", -1, &error));
    g_assert_cmpint (g_rename (tmp, path), ==, 0);
  }
  run (&waiter);
  g_assert_false (waiter.gave_up);
  g_assert_cmpuint (waiter.n_zone_changes, >=, 1);

  g_clear_object (&scheduler);
  g_unlink (path);
  g_rmdir (dir);
  g_main_loop_unref (waiter.loop);
}

static void
test_autostart_switch (void)
{
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "autostart",
                                            STEADY_REMINDERS_DESKTOP_ID, NULL);
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (steady_reminders_client_set_autostart (FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, &error));
  g_assert_true (g_key_file_get_boolean (entry, "Desktop Entry", "Hidden", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (steady_reminders_client_set_autostart (TRUE, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* Turning it on twice is fine. */
  g_assert_true (steady_reminders_client_set_autostart (TRUE, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/planner-scheduler/wakes-at-the-time-given", test_wakes_at_the_time_given);
  g_test_add_func ("/planner-scheduler/sees-time-zone-change", test_sees_time_zone_change);
  g_test_add_func ("/planner-scheduler/autostart-switch", test_autostart_switch);

  return g_test_run ();
}
