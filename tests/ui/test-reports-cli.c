/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reports-cli.c: the built steady binary's --export csv/pdf/json, --from/--to,
 * --since-last-session, --kind, --import by content (Daylio, iCalendar) and --restore, run as
 * a user would without a display: exit statuses, messages in words, files 0600 under umask
 * 022, what lands in the journal, and the running instance told to reload. */

#define G_LOG_DOMAIN "steady-test-reports-cli"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "steady-cli-test-util.h"
#include "steady-test-util.h"
#include "steady-database.h"
#include "steady-journal-store.h"

typedef struct
{
  char *dir;
  char *home;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  umask (022);
  f->dir = g_dir_make_tmp ("steady-reports-cli-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->home = g_build_filename (f->dir, "home", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  g_free (f->dir);
  g_free (f->home);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static guint
journal_count (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->home, "steady", "steady.db", NULL);
  g_autoptr(SteadyDatabase) database = steady_database_open (path, &error);
  g_autoptr(SteadyJournalStore) store = NULL;
  guint count = 0;

  g_assert_no_error (error);
  store = steady_journal_store_new (database);
  g_assert_true (steady_journal_store_count (store, &count, &error));
  return count;
}

static void
assert_usage (SteadyCliRun *run,
              const char   *words)
{
  g_assert_true (steady_cli_run_exited_with (run, 2));
  if (strstr (run->err, words) == NULL)
    g_error ("“%s” does not say “%s”", run->err, words);
  g_assert_nonnull (strstr (run->err, "steady --help"));
  steady_cli_run_clear (run);
}

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *daylio = g_test_build_filename (G_TEST_DIST, "fixtures", "daylio-export.csv",
                                                   NULL);
  g_autofree char *out = path_in (f, "csv-out");
  g_autofree char *journal = g_build_filename (out, "journal.csv", NULL);
  g_autofree char *contents = NULL;
  SteadyCliRun run = { 0 };

  steady_cli_run (&run, f->home, "--import", daylio, NULL);
  g_assert_true (steady_cli_run_exited_with (&run, 0));
  steady_cli_run_clear (&run);

  /* Two days of the sample; the folder is made, private to the user, and so are the files. */
  steady_cli_run (&run, f->home, "--export", "csv", "--output", out, "--from", "2026-03-28",
                  "--to", "2026-03-29", NULL);
  g_assert_true (steady_cli_run_exited_with (&run, 0));
  g_assert_nonnull (strstr (run.out, "journal.csv: 2 rows"));
  g_assert_nonnull (strstr (run.out, "sessions.csv: 0 rows"));
  g_assert_nonnull (strstr (run.out, "Exported to"));
  g_assert_cmpstr (run.err, ==, "");
  steady_cli_run_clear (&run);
  g_assert_cmpuint (mode_of (out), ==, 0700);
  {
    g_autoptr(GDir) dir = g_dir_open (out, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *file = g_build_filename (out, name, NULL);

        g_assert_true (g_str_has_suffix (name, ".csv"));
        g_assert_cmpuint (mode_of (file), ==, 0600);
        n++;
      }
    g_assert_cmpuint (n, ==, 6);
  }
  g_assert_true (g_file_get_contents (journal, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Slept 8 hours."));
  g_assert_nonnull (strstr (contents, "Clocks changed last night"));
  g_assert_null (strstr (contents, "Fuimos al café"));
  g_clear_pointer (&contents, g_free);

  /* Since the last session on the calendar (one, on 28 March at 10:00 UTC). */
  {
    g_autofree char *ics = path_in (f, "session.ics");
    g_autofree char *since = path_in (f, "since");
    g_autofree char *since_journal = g_build_filename (since, "journal.csv", NULL);

    g_assert_true (g_file_set_contents (ics,
                                        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                                        "PRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:s@t\r\n"
                                        "DTSTART:20260328T100000Z\r\n"
                                        "DTEND:20260328T110000Z\r\nSUMMARY:Group\r\n"
                                        "END:VEVENT\r\nEND:VCALENDAR\r\n", -1, NULL));
    steady_cli_run (&run, f->home, "--import", ics, NULL);
    g_assert_true (steady_cli_run_exited_with (&run, 0));
    steady_cli_run_clear (&run);
    steady_cli_run (&run, f->home, "--export", "csv", "--output", since, "--since-last-session",
                    "--kind", "journal,sessions", NULL);
    g_assert_true (steady_cli_run_exited_with (&run, 0));
    g_assert_nonnull (strstr (run.out, "journal.csv: 4 rows"));
    g_assert_nonnull (strstr (run.out, "sessions.csv: 1 row\n"));
    steady_cli_run_clear (&run);
    g_assert_true (g_file_get_contents (since_journal, &contents, NULL, NULL));
    g_assert_null (strstr (contents, "Slept 8 hours."));
    g_assert_nonnull (strstr (contents, "Clocks changed last night"));
    g_clear_pointer (&contents, g_free);
  }

  /* One kind only, the whole journal. */
  g_assert_cmpint (g_remove (journal), ==, 0);
  steady_cli_run (&run, f->home, "--export", "csv", "--output", out, "--kind", "journal", NULL);
  g_assert_true (steady_cli_run_exited_with (&run, 0));
  g_assert_nonnull (strstr (run.out, "journal.csv: 6 rows"));
  g_assert_null (strstr (run.out, "sessions.csv"));
  steady_cli_run_clear (&run);
  g_assert_cmpuint (mode_of (journal), ==, 0600);
}

static void
test_bad_options (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *out = path_in (f, "out");
  g_autofree char *file = path_in (f, "out.pdf");
  SteadyCliRun run = { 0 };

  /* The dates themselves are checked in test-report-range; here, that they reach the user. */
  steady_cli_run (&run, f->home, "--export", "csv", "--output", out, "--from", "2026-02-30",
                  NULL);
  assert_usage (&run, "The date 2026-02-30 does not exist");
  steady_cli_run (&run, f->home, "--export", "csv", "--output", out, "--from", "2026-03-02",
                  "--to", "2026-03-01", NULL);
  assert_usage (&run, "The first day comes after the last day");
  steady_cli_run (&run, f->home, "--export", "csv", "--output", out, "--from", "2026-03-01",
                  "--since-last-session", NULL);
  assert_usage (&run, "not both");
  steady_cli_run (&run, f->home, "--export", "csv", "--output", out, "--kind", "moods", NULL);
  assert_usage (&run, "no kind of record called “moods”");
  steady_cli_run (&run, f->home, "--export", "pdf", "--output", file, "--kind", "journal", NULL);
  assert_usage (&run, "--kind goes with --export csv");
  steady_cli_run (&run, f->home, "--export", "csv", "--output", out, "--notes", "none", NULL);
  assert_usage (&run, "--notes goes with --export pdf");
  steady_cli_run (&run, f->home, "--export", "pdf", "--output", file, "--notes", "some", NULL);
  assert_usage (&run, "“some” is not a choice for --notes");
  steady_cli_run (&run, f->home, "--notes", "full", NULL);
  assert_usage (&run, "go with --export");
  steady_cli_run (&run, f->home, "--export", "json", "--output", file, "--from", "2026-01-01",
                  NULL);
  assert_usage (&run, "A backup is always complete");
  steady_cli_run (&run, f->home, "--export", "ics", "--output", file, "--from", "2026-01-01",
                  NULL);
  assert_usage (&run, "always exported whole");
  steady_cli_run (&run, f->home, "--export", "xlsx", "--output", file, NULL);
  assert_usage (&run, "cannot export “xlsx”");
  steady_cli_run (&run, f->home, "--export", "csv", NULL);
  assert_usage (&run, "--output FOLDER");
  steady_cli_run (&run, f->home, "--from", "2026-01-01", NULL);
  assert_usage (&run, "go with --export");
  steady_cli_run (&run, f->home, "--export", "csv", "--output", out, "--import", file, NULL);
  assert_usage (&run, "one of --export, --import and --restore");

  /* Nothing was written by any of them. */
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));

  /* Since the last session, with no session on the calendar: a failure in words. */
  steady_cli_run (&run, f->home, "--export", "csv", "--output", out, "--since-last-session",
                  NULL);
  g_assert_true (steady_cli_run_exited_with (&run, 1));
  g_assert_nonnull (strstr (run.err, "no past session"));
  steady_cli_run_clear (&run);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* A folder that cannot be made. */
  g_assert_true (g_file_set_contents (file, "a file", -1, NULL));
  {
    g_autofree char *below = g_build_filename (file, "csv", NULL);

    steady_cli_run (&run, f->home, "--export", "csv", "--output", below, NULL);
    g_assert_true (steady_cli_run_exited_with (&run, 1));
    g_assert_nonnull (strstr (run.err, "nothing was written"));
    steady_cli_run_clear (&run);
  }
}

/* Until the report and backup parts are merged, their commands say so and write nothing. */
/* The therapist PDF, the JSON backup and a restore of it into another home, all without a
 * window: files private to the user, and the entries there afterwards. */
static void
test_pdf_backup_restore (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *daylio = g_test_build_filename (G_TEST_DIST, "fixtures", "daylio-export.csv",
                                                   NULL);
  g_autofree char *pdf = path_in (f, "report.pdf");
  g_autofree char *json = path_in (f, "backup.json");
  g_autofree char *garbage = path_in (f, "garbage.json");
  g_autofree char *contents = NULL;
  guint count;
  SteadyCliRun run = { 0 };

  steady_cli_run (&run, f->home, "--import", daylio, NULL);
  g_assert_true (steady_cli_run_exited_with (&run, 0));
  steady_cli_run_clear (&run);
  count = journal_count (f);
  g_assert_cmpuint (count, >, 0);

  steady_cli_run (&run, f->home, "--export", "pdf", "--output", pdf, "--from", "2026-03-01",
                  "--to", "2026-03-31", NULL);
  g_assert_true (steady_cli_run_exited_with (&run, 0));
  g_assert_nonnull (strstr (run.out, "Exported to"));
  steady_cli_run_clear (&run);
  g_assert_cmpuint (mode_of (pdf), ==, 0600);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);
  /* The notes (Daylio's "Slept 8 hours.") in full by choice, and none of them with none. */
  {
    g_autofree char *text = NULL;

    steady_cli_run (&run, f->home, "--export", "pdf", "--output", pdf, "--from", "2026-03-01",
                    "--to", "2026-03-31", "--notes", "full", NULL);
    g_assert_true (steady_cli_run_exited_with (&run, 0));
    steady_cli_run_clear (&run);
    text = steady_test_pdf_text (pdf, FALSE);
    g_assert_nonnull (strstr (text, "Slept 8 hours."));
    g_clear_pointer (&text, g_free);

    steady_cli_run (&run, f->home, "--export", "pdf", "--output", pdf, "--from", "2026-03-01",
                    "--to", "2026-03-31", "--notes", "none", NULL);
    g_assert_true (steady_cli_run_exited_with (&run, 0));
    steady_cli_run_clear (&run);
    text = steady_test_pdf_text (pdf, FALSE);
    g_assert_null (strstr (text, "Slept 8 hours."));
    g_assert_nonnull (strstr (text, "Between sessions: my report"));
  }

  steady_cli_run (&run, f->home, "--export", "json", "--output", json, NULL);
  g_assert_true (steady_cli_run_exited_with (&run, 0));
  steady_cli_run_clear (&run);
  g_assert_cmpuint (mode_of (json), ==, 0600);

  /* A backup restored into an empty home brings every entry; a second time adds nothing. */
  g_free (f->home);
  f->home = g_build_filename (f->dir, "other-home", NULL);
  for (guint i = 0; i < 2; i++)
    {
      steady_cli_run (&run, f->home, "--restore", json, NULL);
      g_assert_true (steady_cli_run_exited_with (&run, 0));
      g_assert_nonnull (strstr (run.out, "restored"));
      steady_cli_run_clear (&run);
      g_assert_cmpuint (journal_count (f), ==, count);
    }

  /* Not a backup: a message in words, and the journal as it was. */
  g_assert_true (g_file_set_contents (garbage, "{\"format\": \"steady-backup\"}", -1, NULL));
  steady_cli_run (&run, f->home, "--restore", garbage, NULL);
  g_assert_true (steady_cli_run_exited_with (&run, 1));
  g_assert_nonnull (strstr (run.err, "nothing was changed"));
  steady_cli_run_clear (&run);
  g_assert_cmpuint (journal_count (f), ==, count);
}

static void
test_import_by_content (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *daylio = g_test_build_filename (G_TEST_DIST, "fixtures", "daylio-export.csv",
                                                   NULL);
  /* Named as neither: what decides is what the file holds. */
  g_autofree char *disguised = path_in (f, "export.txt");
  g_autofree char *calendar = path_in (f, "sessions.dat");
  g_autofree char *backup = path_in (f, "backup.csv");
  g_autofree char *other = path_in (f, "other.csv");
  g_autofree char *broken = path_in (f, "broken.csv");
  g_autofree char *contents = NULL;
  SteadyCliRun run = { 0 };

  g_assert_true (g_file_get_contents (daylio, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (disguised, contents, -1, NULL));
  steady_cli_run (&run, f->home, "--import", disguised, NULL);
  g_assert_true (steady_cli_run_exited_with (&run, 0));
  g_assert_nonnull (strstr (run.out, "Imported 6 entries from Daylio."));
  g_assert_nonnull (strstr (run.out, "1 entry with a mood of your own was left out"));
  g_assert_nonnull (strstr (run.out, "from the app’s menu"));
  steady_cli_run_clear (&run);
  g_assert_cmpuint (journal_count (f), ==, 6);

  /* Again: nothing twice. */
  steady_cli_run (&run, f->home, "--import", daylio, NULL);
  g_assert_true (steady_cli_run_exited_with (&run, 0));
  g_assert_nonnull (strstr (run.out, "Imported 0 entries"));
  g_assert_nonnull (strstr (run.out, "6 were already there"));
  steady_cli_run_clear (&run);
  g_assert_cmpuint (journal_count (f), ==, 6);

  g_assert_true (g_file_set_contents (calendar,
                                      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
                                      "BEGIN:VEVENT\r\nUID:one@t\r\n"
                                      "DTSTART:20270104T090000Z\r\nDTEND:20270104T100000Z\r\n"
                                      "SUMMARY:Intake\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
                                      -1, NULL));
  steady_cli_run (&run, f->home, "--import", calendar, NULL);
  g_assert_true (steady_cli_run_exited_with (&run, 0));
  g_assert_nonnull (strstr (run.out, "Imported 1 new session"));
  steady_cli_run_clear (&run);

  g_assert_true (g_file_set_contents (backup, "{\"version\": 1}", -1, NULL));
  steady_cli_run (&run, f->home, "--import", backup, NULL);
  g_assert_true (steady_cli_run_exited_with (&run, 2));
  g_assert_nonnull (strstr (run.err, "--restore"));
  steady_cli_run_clear (&run);

  g_assert_true (g_file_set_contents (other, "name,phone\nA,1\n", -1, NULL));
  steady_cli_run (&run, f->home, "--import", other, NULL);
  g_assert_true (steady_cli_run_exited_with (&run, 1));
  g_assert_nonnull (strstr (run.err, "neither"));
  steady_cli_run_clear (&run);

  /* A Daylio export damaged on its third line: nothing of it is imported. */
  g_assert_true (g_file_set_contents (broken,
                                      "full_date,date,weekday,time,mood,activities,note_title,"
                                      "note\n2027-01-01,,,10:00,rad,,,fine\n"
                                      "2027-01-02,,,10:00,good,,,\"never closed\n", -1, NULL));
  steady_cli_run (&run, f->home, "--import", broken, NULL);
  g_assert_true (steady_cli_run_exited_with (&run, 1));
  g_assert_nonnull (strstr (run.err, "line 3 never ends"));
  steady_cli_run_clear (&run);
  g_assert_cmpuint (journal_count (f), ==, 6);

  {
    g_autofree char *missing = path_in (f, "missing.csv");

    steady_cli_run (&run, f->home, "--import", missing, NULL);
    g_assert_true (steady_cli_run_exited_with (&run, 1));
    g_assert_nonnull (strstr (run.err, "could not be read"));
    steady_cli_run_clear (&run);
  }
}

static void
journal_changed_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  (*(guint *) user_data)++;
}

/* With Steady running, a Daylio import from the command line makes it reload its journal. */
static void
test_tells_running_instance (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *daylio = g_test_build_filename (G_TEST_DIST, "fixtures", "daylio-export.csv",
                                                   NULL);
  g_autoptr(GApplication) app = g_application_new ("io.github.steadyapp.Steady",
                                                   G_APPLICATION_DEFAULT_FLAGS);
  g_autoptr(GSimpleAction) action = g_simple_action_new ("journal-changed", NULL);
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  g_signal_connect (action, "activate", G_CALLBACK (journal_changed_cb), &changed);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (action));
  g_assert_true (g_application_register (app, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (steady_cli_run_in_loop (f->home, "--import", daylio, NULL), ==, 0);
  steady_cli_settle_bus (&changed, 1);
  g_assert_cmpuint (changed, ==, 1);

  /* A second import adds nothing, so there is nothing to reload. */
  g_assert_cmpint (steady_cli_run_in_loop (f->home, "--import", daylio, NULL), ==, 0);
  steady_cli_settle_bus (&changed, 1);
  g_assert_cmpuint (changed, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/reports-cli/export-csv", Fixture, NULL, fixture_set_up, test_export_csv,
              fixture_tear_down);
  g_test_add ("/reports-cli/bad-options", Fixture, NULL, fixture_set_up, test_bad_options,
              fixture_tear_down);
  g_test_add ("/reports-cli/pdf-backup-restore", Fixture, NULL, fixture_set_up,
              test_pdf_backup_restore, fixture_tear_down);
  g_test_add ("/reports-cli/import-by-content", Fixture, NULL, fixture_set_up,
              test_import_by_content, fixture_tear_down);
  g_test_add ("/reports-cli/tells-running-instance", Fixture, NULL, fixture_set_up,
              test_tells_running_instance, fixture_tear_down);
  return g_test_run ();
}
