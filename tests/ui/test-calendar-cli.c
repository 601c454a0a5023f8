/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-calendar-cli.c: the built steady binary's --import and --export ics --output, run as a
 * user would, without a display, against a temporary data folder: the summary it prints, its
 * exit status, what lands in the database, and the exported file and its permissions. */

#define G_LOG_DOMAIN "steady-test-calendar-cli"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "steady-cli-test-util.h"
#include "steady-database.h"
#include "steady-ics-import.h"
#include "steady-session-store.h"

/* A weekly group, an event without a start, and one whose rule has both COUNT and UNTIL. */
static const char schedule[] =
  "BEGIN:VCALENDAR\r\n"
  "VERSION:2.0\r\n"
  "PRODID:-//Riverside IOP//Schedule//EN\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:group-1@riverside.example\r\n"
  "DTSTART;TZID=America/New_York:20270104T090000\r\n"
  "DTEND;TZID=America/New_York:20270104T120000\r\n"
  "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,TH;COUNT=24\r\n"
  "SUMMARY:IOP group therapy\r\n"
  "LOCATION:Riverside Clinic\\, Room 4\r\n"
  "END:VEVENT\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:broken-1@riverside.example\r\n"
  "SUMMARY:Orientation without a time\r\n"
  "END:VEVENT\r\n"
  "END:VCALENDAR\r\n";

static GPtrArray *
expand_all (const char *data_home,
            guint      *out_n_series)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (data_home, "steady", "steady.db", NULL);
  g_autoptr(SteadyDatabase) database = steady_database_open (path, &error);
  g_autoptr(SteadySessionStore) store = NULL;
  g_autoptr(GPtrArray) series = NULL;
  GPtrArray *occurrences;
  g_autoptr(GDateTime) from = g_date_time_new_utc (2026, 12, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new_utc (2027, 6, 1, 0, 0, 0);

  g_assert_no_error (error);
  store = steady_session_store_new (database);
  series = steady_session_store_list_series (store, &error);
  g_assert_no_error (error);
  *out_n_series = series->len;
  occurrences = steady_session_store_expand (store, g_date_time_to_unix (from) * G_USEC_PER_SEC,
                                             g_date_time_to_unix (to) * G_USEC_PER_SEC, NULL,
                                             &error);
  g_assert_no_error (error);
  return occurrences;
}

static void
test_import_export_round_trip (void)
{
  g_autofree char *dir = g_dir_make_tmp ("steady-cli-XXXXXX", NULL);
  g_autofree char *home_a = g_build_filename (dir, "a", NULL);
  g_autofree char *home_b = g_build_filename (dir, "b", NULL);
  g_autofree char *ics = g_build_filename (dir, "schedule.ics", NULL);
  g_autofree char *exported = g_build_filename (dir, "exported.ics", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  SteadyCliRun run = { 0 };
  struct stat st;
  guint n_series = 0;

  g_assert_nonnull (dir);
  g_assert_true (g_file_set_contents (ics, schedule, -1, NULL));

  /* Import: one series in, the event without a start skipped, and said so. */
  steady_cli_run (&run, home_a, "--import", ics, NULL);
  g_assert_true (steady_cli_run_exited_with (&run, 0));
  g_assert_nonnull (strstr (run.out, "Imported 1 new session or series."));
  g_assert_nonnull (strstr (run.out, "Skipped or changed:"));
  g_assert_nonnull (strstr (run.out, "Orientation without a time"));
  steady_cli_run_clear (&run);

  first = expand_all (home_a, &n_series);
  g_assert_cmpuint (n_series, ==, 1);
  g_assert_cmpuint (first->len, ==, 24);
  g_assert_cmpstr (((SteadyOccurrence *)g_ptr_array_index (first, 0))->title, ==,
                   "IOP group therapy");
  g_assert_cmpstr (((SteadyOccurrence *)g_ptr_array_index (first, 0))->place, ==,
                   "Riverside Clinic, Room 4");

  /* Importing the same file again updates, it does not double. */
  steady_cli_run (&run, home_a, "--import", ics, NULL);
  g_assert_true (steady_cli_run_exited_with (&run, 0));
  g_assert_nonnull (strstr (run.out, "Updated 1 that was already there."));
  steady_cli_run_clear (&run);
  g_clear_pointer (&first, g_ptr_array_unref);
  first = expand_all (home_a, &n_series);
  g_assert_cmpuint (n_series, ==, 1);
  g_assert_cmpuint (first->len, ==, 24);

  /* Export over a file others could read: it ends up the user's alone. */
  g_assert_true (g_file_set_contents (exported, "old", -1, NULL));
  g_assert_cmpint (g_chmod (exported, 0644), ==, 0);
  steady_cli_run (&run, home_a, "--export", "ics", "--output", exported, NULL);
  g_assert_true (steady_cli_run_exited_with (&run, 0));
  g_assert_nonnull (strstr (run.out, "Exported the schedule to"));
  steady_cli_run_clear (&run);
  g_assert_cmpint (g_stat (exported, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (exported, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (contents, "SUMMARY:IOP group therapy"));
  g_assert_nonnull (strstr (contents, "RRULE:FREQ=WEEKLY"));

  /* The export imported into an empty data folder gives the same sessions at the same times. */
  steady_cli_run (&run, home_b, "--import", exported, NULL);
  g_assert_true (steady_cli_run_exited_with (&run, 0));
  steady_cli_run_clear (&run);
  second = expand_all (home_b, &n_series);
  g_assert_cmpuint (n_series, ==, 1);
  g_assert_cmpuint (second->len, ==, first->len);
  for (guint i = 0; i < first->len; i++)
    {
      SteadyOccurrence *a = g_ptr_array_index (first, i);
      SteadyOccurrence *b = g_ptr_array_index (second, i);

      g_assert_cmpint (a->start_us, ==, b->start_us);
      g_assert_cmpint (a->end_us, ==, b->end_us);
      g_assert_cmpstr (a->title, ==, b->title);
    }
}

static void
test_failures (void)
{
  g_autofree char *dir = g_dir_make_tmp ("steady-cli-XXXXXX", NULL);
  g_autofree char *home = g_build_filename (dir, "home", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.ics", NULL);
  g_autofree char *not_ics = g_build_filename (dir, "notes.ics", NULL);
  g_autofree char *unwritable = g_build_filename (dir, "no-such-folder", "out.ics", NULL);
  SteadyCliRun run = { 0 };

  steady_cli_run (&run, home, "--import", missing, NULL);
  g_assert_false (steady_cli_run_exited_with (&run, 0));
  g_assert_nonnull (strstr (run.err, "The schedule could not be imported"));
  steady_cli_run_clear (&run);

  g_assert_true (g_file_set_contents (not_ics, "just some words\n", -1, NULL));
  steady_cli_run (&run, home, "--import", not_ics, NULL);
  g_assert_false (steady_cli_run_exited_with (&run, 0));
  g_assert_nonnull (strstr (run.err, "The schedule could not be imported"));
  steady_cli_run_clear (&run);

  /* Other formats are the reports' (test-reports-cli); here only: nothing is written. */
  steady_cli_run (&run, home, "--export", "pdf", "--output", unwritable, NULL);
  g_assert_false (steady_cli_run_exited_with (&run, 0));
  g_assert_cmpstr (run.err, !=, "");
  g_assert_false (g_file_test (unwritable, G_FILE_TEST_EXISTS));
  steady_cli_run_clear (&run);

  steady_cli_run (&run, home, "--export", "ics", NULL);
  g_assert_false (steady_cli_run_exited_with (&run, 0));
  g_assert_nonnull (strstr (run.err, "--output"));
  steady_cli_run_clear (&run);

  steady_cli_run (&run, home, "--export", "ics", "--output", unwritable, NULL);
  g_assert_false (steady_cli_run_exited_with (&run, 0));
  g_assert_nonnull (strstr (run.err, "The schedule could not be exported"));
  g_assert_false (g_file_test (unwritable, G_FILE_TEST_EXISTS));
  steady_cli_run_clear (&run);
}

/* With Steady running, an import from the command line reaches it (its "calendar-changed"
 * action, so its calendar shows the new sessions) and the reminder service (Replan). Both are
 * stand-ins owned by this test on the session bus the tests run in. */
static const char replan_xml[] =
  "<node><interface name='io.github.steadyapp.Steady.Reminders'>"
  "<method name='Replan'/></interface></node>";

static void
replan_method_cb (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  (*(guint *)user_data)++;
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
calendar_changed_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  (*(guint *)user_data)++;
}

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  *(gboolean *)user_data = TRUE;
}

static void
test_tells_running_instance (void)
{
  static const GDBusInterfaceVTable vtable = { replan_method_cb, NULL, NULL, { 0 } };
  g_autofree char *dir = g_dir_make_tmp ("steady-cli-XXXXXX", NULL);
  g_autofree char *home = g_build_filename (dir, "home", NULL);
  g_autofree char *ics = g_build_filename (dir, "schedule.ics", NULL);
  g_autoptr(GApplication) app = g_application_new ("io.github.steadyapp.Steady",
                                                   G_APPLICATION_DEFAULT_FLAGS);
  g_autoptr(GSimpleAction) action = g_simple_action_new ("calendar-changed", NULL);
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (replan_xml, NULL);
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus;
  gboolean owned = FALSE;
  guint changed = 0;
  guint replans = 0;
  guint registration;
  guint owner;

  g_assert_true (g_file_set_contents (ics, schedule, -1, NULL));
  g_signal_connect (action, "activate", G_CALLBACK (calendar_changed_cb), &changed);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (action));
  g_assert_true (g_application_register (app, NULL, &error));
  g_assert_no_error (error);
  bus = g_application_get_dbus_connection (app);
  g_assert_nonnull (bus);
  registration = g_dbus_connection_register_object (bus, "/io/github/steadyapp/Steady/Reminders",
                                                    info->interfaces[0], &vtable, &replans, NULL,
                                                    &error);
  g_assert_no_error (error);
  owner = g_bus_own_name_on_connection (bus, "io.github.steadyapp.Steady.Reminders",
                                        G_BUS_NAME_OWNER_FLAGS_NONE, name_acquired_cb, NULL,
                                        &owned, NULL);
  while (!owned)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (steady_cli_run_in_loop (home, "--import", ics, NULL), ==, 0);
  steady_cli_settle_bus (&changed, 1);
  steady_cli_settle_bus (&replans, 1);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (replans, ==, 1);

  g_bus_unown_name (owner);
  g_dbus_connection_unregister_object (bus, registration);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/calendar-cli/import-export-round-trip", test_import_export_round_trip);
  g_test_add_func ("/calendar-cli/failures", test_failures);
  g_test_add_func ("/calendar-cli/tells-running-instance", test_tells_running_instance);

  return g_test_run ();
}
