/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report-pdf.c: the therapist report written from a real database filled through the
 * stores, and read back with poppler's pdftotext and pdfinfo. */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "steady-diary-store.h"
#include "steady-week-start.h"
#include "steady-journal-common.h"
#include "steady-journal-store.h"
#include "steady-occurrence-store.h"
#include "steady-practice-store.h"
#include "steady-report-data.h"
#include "steady-report-document.h"
#include "steady-report-pdf.h"
#include "steady-session-store.h"
#include "steady-skill-store.h"
#include "steady-test-util.h"

#define PRIVATE_MARKER "Zqxprivatemarker"
#define WORKSHEET_MARKER "Zqxsecretworksheet"
#define OUTSIDE_MARKER "Zqxoutsiderange"
#define SPANISH "Mañana será otro día: canción, corazón, pequeño logro"

typedef struct
{
  char           *dir;
  SteadyDatabase *database;
} Fixture;

static gint64
local_us (int year,
          int month,
          int day,
          int hour)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, 0, 0);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

static int
local_offset (gint64 time_us)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  return (int)(g_date_time_get_utc_offset (local) / G_USEC_PER_SEC);
}

static void
add_entry (SteadyJournalStore *store,
           gint64              time_us,
           int                 mood,
           const char         *note,
           gboolean            is_private,
           double              sleep_hours)
{
  g_autoptr(SteadyMoodEntry) entry = steady_mood_entry_new ();
  g_autoptr(GError) error = NULL;

  steady_mood_entry_set_time (entry, time_us, local_offset (time_us));
  steady_mood_entry_set_mood (entry, mood);
  if (sleep_hours >= 0)
    steady_mood_entry_set_sleep_hours (entry, sleep_hours);
  steady_mood_entry_set_note (entry, note);
  steady_mood_entry_set_private (entry, is_private);
  g_assert_true (steady_journal_store_create (store, entry, &error));
  g_assert_no_error (error);
}

/* A note of three lines whose first and last lines name the day, to find split rows. */
static char *
day_note (int n)
{
  return g_strdup_printf ("Begin%03d walked to group and talked with a friend on the way.\n"
                          "Noticed the urge to skip and went anyway; it was hard at first.\n"
                          "Finish%03d", n, n);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_build_filename (g_get_user_data_dir (), "report", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);
  path = g_build_filename (f->dir, "steady.db", NULL);
  f->database = steady_database_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->database);
  g_free (f->dir);
}

/* October 2026: a daily entry, a private one, one in Spanish, one outside the range, a
 * thought record, a private worksheet, a breathing practice and weekly sessions. */
static void
fill_october (Fixture *f)
{
  g_autoptr(SteadyJournalStore) journal = steady_journal_store_new (f->database);
  g_autoptr(SteadySkillStore) skills = steady_skill_store_new (f->database);
  g_autoptr(SteadyPracticeStore) practice = steady_practice_store_new (f->database);
  g_autoptr(SteadySessionStore) sessions = steady_session_store_new (f->database);
  g_autoptr(SteadyOccurrenceStore) occurrences = steady_occurrence_store_new (f->database);
  g_autoptr(SteadySkillRecord) thought = steady_skill_record_new (STEADY_SKILL_KIND_THOUGHT_RECORD);
  g_autoptr(SteadySkillRecord) worksheet = steady_skill_record_new (STEADY_SKILL_KIND_CHECK_FACTS);
  g_autoptr(SteadyDiaryStore) diary = steady_diary_store_new (f->database);
  g_autoptr(SteadyDiaryTarget) sadness = NULL;
  g_autoptr(SteadyDiaryTarget) urge = NULL;
  g_autofree char *skill_use = NULL;
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();
  g_autoptr(GDateTime) practice_time = g_date_time_new_local (2026, 10, 12, 9, 0, 0);
  g_autoptr(GError) error = NULL;

  for (int day = 1; day <= 31; day++)
    {
      g_autofree char *note = day_note (day);

      add_entry (journal, local_us (2026, 10, day, 20), 1 + day % 5, note, FALSE, 5 + day % 4);
    }
  add_entry (journal, local_us (2026, 10, 14, 22), 2, PRIVATE_MARKER " only for me", TRUE,
             -1);
  add_entry (journal, local_us (2026, 10, 15, 8), 4, SPANISH, FALSE, -1);
  add_entry (journal, local_us (2026, 11, 5, 8), 4, OUTSIDE_MARKER, FALSE, -1);

  steady_skill_record_set_time (thought, local_us (2026, 10, 9, 18),
                                local_offset (local_us (2026, 10, 9, 18)));
  steady_skill_record_set_text (thought, "situation", "Group ran late and nobody said hello");
  steady_skill_record_add_mood (thought, "Shame", 80);
  steady_skill_record_add_thought (thought, "They do not want me there");
  steady_skill_record_set_hot_thought (thought, 0);
  steady_skill_record_set_finished (thought, TRUE);
  g_assert_true (steady_skill_store_save (skills, thought, &error));
  g_assert_no_error (error);

  steady_skill_record_set_time (worksheet, local_us (2026, 10, 10, 18),
                                local_offset (local_us (2026, 10, 10, 18)));
  steady_skill_record_set_text (worksheet, "event", WORKSHEET_MARKER);
  steady_skill_record_set_private (worksheet, TRUE);
  g_assert_true (steady_skill_store_save (skills, worksheet, &error));
  g_assert_no_error (error);

  /* Three rated breathing practices: enough for "what helped". */
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(SteadyPracticeRecord) breathing = NULL;
      g_autoptr(GDateTime) when = g_date_time_add_days (practice_time, 4 * i);

      breathing = steady_practice_record_new (STEADY_PRACTICE_KIND_BREATHING);
      breathing->pattern = steady_breathing_pattern_new_preset ("box");
      breathing->planned_us = 5 * 60 * G_USEC_PER_SEC;
      breathing->actual_us = breathing->planned_us;
      breathing->completed = TRUE;
      breathing->distress_before = 7 + i;
      breathing->distress_after = 4 + i;
      steady_practice_record_set_started_at (breathing, when);
      g_assert_true (steady_practice_store_add (practice, breathing, &error));
      g_assert_no_error (error);
    }
  skill_use = steady_diary_store_log_skill_use (diary, "wise-mind", 5, STEADY_DIARY_NONE,
                                                STEADY_DIARY_NONE, local_us (2026, 10, 20, 12),
                                                local_offset (local_us (2026, 10, 20, 12)),
                                                &error);
  g_assert_no_error (error);
  g_assert_nonnull (skill_use);

  /* Diary cards on Monday 5 and Tuesday 6 October; Tuesday's is private. */
  sadness = steady_diary_store_add_target (diary, STEADY_DIARY_TARGET_EMOTION, "Sadness", &error);
  g_assert_no_error (error);
  urge = steady_diary_store_add_target (diary, STEADY_DIARY_TARGET_URGE, "Skipping meals",
                                        &error);
  g_assert_no_error (error);
  for (int day = 5; day <= 6; day++)
    {
      gint64 noon = local_us (2026, 10, day, 12);
      g_autoptr(SteadyDiaryCard) card =
        steady_diary_card_new (steady_journal_day_from_time (noon, local_offset (noon)),
                               local_offset (noon));

      card->distress = day == 5 ? 6 : 9;
      card->private_ = day == 6;
      steady_diary_card_set_rating (card, sadness->uuid, day == 5 ? 4 : 5, STEADY_DIARY_NONE);
      steady_diary_card_set_rating (card, urge->uuid, 2, day == 5 ? 0 : 1);
      steady_diary_card_set_skill (card, "wise-mind", 5);
      g_assert_true (steady_diary_store_save_card (diary, card, &error));
      g_assert_no_error (error);
    }

  steady_session_series_set_title (series, "Group therapy");
  steady_session_series_set_clinician (series, "Dr. Rivera");
  steady_session_series_set_start (series, "20261005T090000", "UTC");
  steady_session_series_set_rrule (series, "FREQ=WEEKLY;COUNT=4");
  g_assert_true (steady_session_store_add_series (sessions, series, &error));
  g_assert_no_error (error);
  g_assert_true (steady_occurrence_store_set_attendance (occurrences, series->uuid,
                                                         "20261005T090000",
                                                         STEADY_ATTENDANCE_ATTENDED, NULL,
                                                         &error));
  g_assert_true (steady_occurrence_store_set_attendance (occurrences, series->uuid,
                                                         "20261012T090000",
                                                         STEADY_ATTENDANCE_ATTENDED, NULL,
                                                         &error));
  g_assert_no_error (error);
}

static void
october (SteadyReportRange *range)
{
  GDate first;
  GDate last;
  g_autoptr(GError) error = NULL;

  g_date_set_dmy (&first, 1, 10, 2026);
  g_date_set_dmy (&last, 31, 10, 2026);
  g_assert_true (steady_report_range_custom (&first, &last, NULL, range, &error));
  g_assert_no_error (error);
}

/* Keeps a copy beside the UI tests' screenshots, to look at as pages (pdftoppm). */
static void
keep_for_review (const char *path,
                 const char *name)
{
  const char *dir = g_getenv ("STEADY_SCREENSHOT_DIR");
  g_autofree char *contents = NULL;
  g_autofree char *copy = NULL;
  gsize length = 0;

  if (dir == NULL)
    return;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  copy = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents_full (copy, contents, length, G_FILE_SET_CONTENTS_NONE,
                                           0600, NULL));
}

static char *
export (Fixture                   *f,
        const SteadyReportRange   *range,
        const SteadyReportOptions *options)
{
  g_autofree char *path = g_build_filename (f->dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (steady_report_pdf_export (f->database, range, options, path, NULL, NULL, NULL,
                                           &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* The PDF holds the range, the summary's figures and the entries, and nothing private. */
static void
test_contents (Fixture       *f,
               gconstpointer  data)
{
  SteadyReportRange range;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *range_words = NULL;
  g_autofree char *flat = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GRegex) whitespace = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *squeezed = NULL;

  fill_october (f);
  october (&range);
  path = export (f, &range, NULL);
  keep_for_review (path, "report-month.pdf");
  text = steady_test_pdf_text (path, FALSE);
  /* pdftotext breaks lines where the layout wraps; compare with single spaces. */
  lines = g_strsplit (text, "\n", -1);
  flat = g_strjoinv (" ", lines);
  squeezed = g_regex_replace_literal (whitespace, text, -1, 0, "", 0, NULL);

  range_words = steady_report_range_describe (&range, NULL);
  g_assert_nonnull (strstr (flat, range_words));
  g_assert_nonnull (strstr (text, "Between sessions: my report"));
  g_assert_nonnull (strstr (text, "Self-reported"));
  /* The summary: 32 shared check-ins on 31 days, 2 of 4 sessions, two things practised. */
  g_assert_nonnull (strstr (flat, "32 check-ins on 31 days"));
  g_assert_nonnull (strstr (flat, "2 of 4"));
  g_assert_nonnull (strstr (text, "Begin001"));
  g_assert_nonnull (strstr (text, "Finish031"));
  g_assert_nonnull (strstr (flat, "Group ran late and nobody said hello"));
  g_assert_nonnull (strstr (flat, "They do not want me there"));
  g_assert_nonnull (strstr (text, "Breathing pacer"));
  g_assert_nonnull (strstr (flat, "Breathing pacer: distress down 3.0 points on average (3 uses)"));
  g_assert_nonnull (strstr (text, "Wise mind"));
  g_assert_nonnull (strstr (text, "Sleep and mood"));
  g_assert_nonnull (strstr (text, "Skipping meals"));
  /* pdftotext keeps or drops the spaces of centred cells as it likes. */
  g_assert_nonnull (strstr (squeezed, "Breathingpacer57→4"));
  g_assert_nonnull (strstr (text, "Dr. Rivera"));
  g_assert_nonnull (strstr (text, "Attended"));
  g_assert_nonnull (strstr (flat, "Page 1 of"));
  /* Accents survive the fonts and the PDF's text layer. */
  g_assert_nonnull (strstr (flat, SPANISH));

  g_assert_null (strstr (text, PRIVATE_MARKER));
  g_assert_null (strstr (text, WORKSHEET_MARKER));
  g_assert_null (strstr (text, OUTSIDE_MARKER));
  g_assert_null (strstr (text, "Safety Plan"));
}

/* What the report leaves out is counted for the dialog, and the average leaves it out too. */
static void
test_private_counted (Fixture       *f,
                      gconstpointer  data)
{
  SteadyReportRange range;
  g_autoptr(SteadyReportData) report = NULL;
  g_autoptr(GError) error = NULL;
  fill_october (f);
  october (&range);
  report = steady_report_data_gather (f->database, &range, STEADY_REPORT_SECTIONS_DEFAULT, NULL,
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_private_entries, ==, 1);
  g_assert_cmpuint (report->n_private_records, ==, 1);
  g_assert_cmpuint (steady_report_data_get_n_private (report), ==, 3);
  g_assert_cmpuint (report->entries->len, ==, 32);
  g_assert_cmpuint (report->thought_records->len, ==, 1);
  g_assert_cmpuint (report->sleep->len, ==, 31);
  g_assert_cmpuint (report->worksheets->len, ==, 0);
  g_assert_cmpuint (report->n_sessions_attended, ==, 2);
  g_assert_cmpuint (report->sessions->len, ==, 4);
  /* Three breathing practices and one skill used; the exercise, breathing and the skill. */
  g_assert_cmpuint (report->practices->len, ==, 4);
  g_assert_cmpuint (report->n_skills_practised, ==, 3);

  /* The week of Monday 5 October, begun on the locale's first weekday (Sunday in this test's
   * C locale, Monday in much of Europe): Monday's card in, private Tuesday's left empty. */
  g_assert_cmpuint (report->n_private_cards, ==, 1);
  /* The skill logged on the 20th is on that day's card too: a second week. */
  g_assert_cmpuint (report->diary_weeks->len, ==, 2);
  {
    const SteadyDiaryWeek *week = g_ptr_array_index (report->diary_weeks, 0);
    int monday = report->first_day + 4;
    int first = steady_week_start_first_day (monday, steady_week_start_from_locale ());
    guint m = (guint)(monday - first);
    gboolean distress_seen = FALSE;

    g_assert_cmpint (steady_week_start_from_locale (), ==, G_DATE_SUNDAY);
    g_assert_cmpint (week->first_day, ==, first);
    g_assert_cmpint (week->first_day, ==, report->first_day + 3);
    g_assert_false (week->has_card[m - 1]);
    g_assert_true (week->has_card[m]);
    g_assert_false (week->has_card[m + 1]);
    for (guint r = 0; r < week->rows->len; r++)
      {
        const SteadyDiaryWeekRow *row = g_ptr_array_index (week->rows, r);

        g_assert_cmpint (row->values[m + 1], ==, STEADY_DIARY_NONE);
        if (row->kind == STEADY_DIARY_ROW_DISTRESS)
          {
            g_assert_cmpint (row->values[m], ==, 6);
            distress_seen = TRUE;
          }
      }
    g_assert_true (distress_seen);
  }

  /* The mean of the shared entries: 96 / 32; with the private 2 it would be 98 / 33. */
  g_assert_cmpfloat_with_epsilon (steady_report_data_get_mean_mood (report), 3.0, 1e-9);
  for (guint i = 0; i < report->days->len; i++)
    {
      const SteadyDaySummary *day = &g_array_index (report->days, SteadyDaySummary, i);

      g_assert_cmpuint (day->n_entries, ==, day->day == report->first_day + 14 ? 2 : 1);
    }
}

/* The safety plan is in only when ticked, on a page of its own. */
static void
test_safety_plan_optional (Fixture       *f,
                           gconstpointer  data)
{
  SteadyReportRange range;
  SteadyReportOptions options;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  guint without;

  fill_october (f);
  october (&range);
  steady_report_options_init_default (&options);
  g_assert_false (options.sections & STEADY_REPORT_SECTION_SAFETY_PLAN);
  path = export (f, &range, &options);
  without = steady_test_pdf_pages (path);
  g_free (path);

  /* With the crisis line of the region the person chose, as on the plan itself. */
  options.sections |= STEADY_REPORT_SECTION_SAFETY_PLAN;
  options.crisis_region = "US";
  path = export (f, &range, &options);
  keep_for_review (path, "report-month-safety-plan.pdf");
  text = steady_test_pdf_text (path, FALSE);
  g_assert_nonnull (strstr (text, "My Safety Plan"));
  g_assert_nonnull (strstr (text, "988"));
  g_assert_cmpuint (steady_test_pdf_pages (path), ==, without + 1);
}

/* A year of daily entries: a sane number of pages, and no entry split across two pages. */
static void
test_year_pages (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SteadyJournalStore) journal = steady_journal_store_new (f->database);
  SteadyReportRange range;
  SteadyReportOptions options;
  GDate first;
  GDate last;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages;

  g_date_set_dmy (&first, 1, 1, 2025);
  g_date_set_dmy (&last, 31, 12, 2025);
  for (guint n = 0; n < 365; n++)
    {
      GDate day = first;
      g_autofree char *note = day_note (n);

      g_date_add_days (&day, n);
      add_entry (journal, local_us (g_date_get_year (&day), g_date_get_month (&day),
                                    g_date_get_day (&day), 21), 1 + n % 5, note, FALSE, -1);
    }
  g_assert_true (steady_report_range_custom (&first, &last, NULL, &range, &error));
  g_assert_no_error (error);
  steady_report_options_init_default (&options);
  options.paper = STEADY_REPORT_PAPER_A4;
  path = export (f, &range, &options);
  keep_for_review (path, "report-year.pdf");

  n_pages = steady_test_pdf_pages (path);
  g_test_message ("a year of daily entries: %u pages", n_pages);
  g_assert_cmpuint (n_pages, >=, 15);
  g_assert_cmpuint (n_pages, <=, 80);

  text = steady_test_pdf_text (path, TRUE);
  pages = g_strsplit (text, "\f", -1);
  for (guint n = 0; n < 365; n++)
    {
      g_autofree char *begin = g_strdup_printf ("Begin%03u", n);
      g_autofree char *finish = g_strdup_printf ("Finish%03u", n);
      gboolean found = FALSE;

      for (guint p = 0; pages[p] != NULL; p++)
        {
          gboolean has_begin = strstr (pages[p], begin) != NULL;

          g_assert_cmpint (has_begin, ==, strstr (pages[p], finish) != NULL);
          found = found || has_begin;
        }
      g_assert_true (found);
    }
}

/* Letter or A4, from the parameter. */
static void
test_paper (Fixture       *f,
            gconstpointer  data)
{
  SteadyReportRange range;
  SteadyReportOptions options;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;

  october (&range);
  steady_report_options_init_default (&options);
  options.paper = STEADY_REPORT_PAPER_LETTER;
  path = export (f, &range, &options);
  info = steady_test_pdf_info (path);
  g_assert_nonnull (strstr (info, "612 x 792 pts"));
  g_free (path);
  g_free (info);

  options.paper = STEADY_REPORT_PAPER_A4;
  path = export (f, &range, &options);
  info = steady_test_pdf_info (path);
  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts"));
}

/* The file is the owner's alone, whatever the umask. */
static void
test_mode (Fixture       *f,
           gconstpointer  data)
{
  SteadyReportRange range;
  g_autofree char *path = NULL;
  mode_t old = umask (022);

  fill_october (f);
  october (&range);
  path = export (f, &range, NULL);
  umask (old);
  g_assert_cmphex (steady_test_file_mode (path), ==, 0600);
}

static void
cancel_midway_cb (double   fraction,
                  gpointer user_data)
{
  if (fraction > 0.3)
    g_cancellable_cancel (user_data);
}

static void
assert_folder_holds_only_database (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (folder)) != NULL)
    g_assert_true (g_str_has_prefix (name, "steady.db"));
}

/* Cancelled before or during the work: no file, no temporary file, the old file untouched. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  SteadyReportRange range;
  g_autoptr(GCancellable) before = g_cancellable_new ();
  g_autoptr(GCancellable) during = g_cancellable_new ();
  g_autofree char *path = g_build_filename (f->dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  SteadyTestFingerprint print = { 0 };

  fill_october (f);
  october (&range);
  g_cancellable_cancel (before);
  g_assert_false (steady_report_pdf_export (f->database, &range, NULL, path, before, NULL, NULL,
                                            &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_folder_holds_only_database (f->dir);

  g_assert_false (steady_report_pdf_export (f->database, &range, NULL, path, during,
                                            cancel_midway_cb, during, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_folder_holds_only_database (f->dir);

  /* An earlier report at the same path stays as it was. */
  g_assert_true (g_file_set_contents (path, "earlier", -1, NULL));
  steady_test_fingerprint_take (&print, path);
  g_cancellable_reset (during);
  g_assert_false (steady_report_pdf_export (f->database, &range, NULL, path, during,
                                            cancel_midway_cb, during, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  steady_test_fingerprint_assert (&print, path);
  steady_test_fingerprint_clear (&print);
}

/* Progress only goes forward and ends at 1. */
static void
record_progress_cb (double   fraction,
                    gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  SteadyReportRange range;
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *path = g_build_filename (f->dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;

  fill_october (f);
  october (&range);
  g_assert_true (steady_report_pdf_export (f->database, &range, NULL, path, NULL,
                                           record_progress_cb, fractions, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fractions->len, >=, 3);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=,
                       g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
}

/* A note of @n_words numbered words, "Notestart" first and "Noteend" last, in paragraphs. */
static char *
long_note (guint n_words)
{
  g_autoptr(GString) note = g_string_new ("Notestart");

  for (guint i = 1; i <= n_words; i++)
    g_string_append_printf (note, "%sword%04u", i % 60 == 0 ? "\n\n" : " ", i);
  g_string_append (note, " Noteend");
  return g_string_free (g_steal_pointer (&note), FALSE);
}

/* The report of @first_day to @last_day October 2026 on A4, as text, with @notes; kept as
 * @name when given. */
static char *
export_october_days (Fixture           *f,
                     int                first_day,
                     int                last_day,
                     SteadyReportNotes  notes,
                     const char        *name)
{
  SteadyReportRange range;
  SteadyReportOptions options;
  GDate first;
  GDate last;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_date_set_dmy (&first, first_day, 10, 2026);
  g_date_set_dmy (&last, last_day, 10, 2026);
  g_assert_true (steady_report_range_custom (&first, &last, NULL, &range, &error));
  g_assert_no_error (error);
  steady_report_options_init_default (&options);
  options.paper = STEADY_REPORT_PAPER_A4;
  options.notes = notes;
  path = export (f, &range, &options);
  if (name != NULL)
    keep_for_review (path, name);
  return steady_test_pdf_text (path, FALSE);
}

/* The week of 5 October, with @notes. */
static char *
export_notes (Fixture           *f,
              SteadyReportNotes  notes,
              const char        *name)
{
  return export_october_days (f, 5, 11, notes, name);
}

/* The person chooses how much of each note goes in: every word, the first lines ending in
 * "…", or none of it, while the mood and feelings stay. */
static void
test_notes_choice (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SteadyJournalStore) journal = steady_journal_store_new (f->database);
  g_autofree char *note = long_note (200);
  g_autofree char *full = NULL;
  g_autofree char *shortened = NULL;
  g_autofree char *none = NULL;
  SteadyReportOptions defaults;
  const char *start;

  add_entry (journal, local_us (2026, 10, 7, 20), 4, note, FALSE, 7.5);
  add_entry (journal, local_us (2026, 10, 8, 20), 2, "Zqxsecondnote short and whole", FALSE,
             -1);

  steady_report_options_init_default (&defaults);
  g_assert_cmpint (defaults.notes, ==, STEADY_REPORT_NOTES_SHORT);

  full = export_notes (f, STEADY_REPORT_NOTES_FULL, "report-notes-full.pdf");
  g_assert_nonnull (strstr (full, "Notestart"));
  g_assert_nonnull (strstr (full, "word0150"));
  g_assert_nonnull (strstr (full, "Noteend"));
  g_assert_null (strstr (full, "…"));

  shortened = export_notes (f, STEADY_REPORT_NOTES_SHORT, "report-notes-short.pdf");
  start = strstr (shortened, "Notestart");
  g_assert_nonnull (start);
  g_assert_null (strstr (shortened, "Noteend"));
  g_assert_null (strstr (shortened, "word0150"));
  /* The cut is marked, within the first lines of the note, and a short note stays whole. */
  g_assert_nonnull (strstr (start, "…"));
  g_assert_cmpint (strstr (start, "…") - start, <, 400);
  g_assert_nonnull (strstr (shortened, "Zqxsecondnote short and whole"));

  none = export_notes (f, STEADY_REPORT_NOTES_NONE, "report-notes-none.pdf");
  g_assert_null (strstr (none, "Notestart"));
  g_assert_null (strstr (none, "word0001"));
  g_assert_null (strstr (none, "Zqxsecondnote"));
  /* What is left: when, the mood in words, and sleep. */
  g_assert_nonnull (strstr (none, "Good"));
  g_assert_nonnull (strstr (none, "Slept 7.5 h"));
  g_assert_nonnull (strstr (none, "Journal"));
  g_assert_nonnull (strstr (none, "Notes are not included."));
}

/* A note longer than a page goes on over the next pages: every word is there, in order,
 * marked "(continued)", and the rows after it are there too. */
static void
test_long_note_continues (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SteadyJournalStore) journal = steady_journal_store_new (f->database);
  g_autofree char *note = long_note (2000);
  g_autofree char *text = NULL;
  g_autoptr(GRegex) whitespace = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *squeezed = NULL;
  const char *at;

  add_entry (journal, local_us (2026, 10, 6, 20), 3, "Zqxbeforethelongone", FALSE, -1);
  add_entry (journal, local_us (2026, 10, 7, 20), 4, note, FALSE, -1);
  add_entry (journal, local_us (2026, 10, 8, 20), 2, "Zqxafterthelongone", FALSE, -1);
  text = export_notes (f, STEADY_REPORT_NOTES_FULL, "report-long-note.pdf");
  squeezed = g_regex_replace_literal (whitespace, text, -1, 0, "", 0, NULL);

  at = strstr (squeezed, "Zqxbeforethelongone");
  g_assert_nonnull (at);
  at = strstr (at, "Notestart");
  g_assert_nonnull (at);
  for (guint i = 1; i <= 2000; i++)
    {
      char word[16];

      g_snprintf (word, sizeof word, "word%04u", i);
      at = strstr (at, word);
      if (at == NULL)
        g_error ("“%s” is missing from the report, or out of order", word);
    }
  at = strstr (at, "Noteend");
  g_assert_nonnull (at);
  g_assert_nonnull (strstr (at, "Zqxafterthelongone"));
  g_assert_nonnull (strstr (text, "(continued)"));
  g_assert_null (strstr (text, "…"));
}

static void
add_practice (SteadyPracticeStore *store,
              SteadyPracticeKind   kind,
              GDateTime           *when,
              int                  before,
              int                  after)
{
  g_autoptr(SteadyPracticeRecord) record = steady_practice_record_new (kind);
  g_autoptr(GError) error = NULL;

  if (kind == STEADY_PRACTICE_KIND_BREATHING)
    record->pattern = steady_breathing_pattern_new_preset ("box");
  record->planned_us = 5 * 60 * G_USEC_PER_SEC;
  record->actual_us = record->planned_us;
  record->completed = TRUE;
  record->distress_before = before;
  record->distress_after = after;
  steady_practice_record_set_started_at (record, when);
  g_assert_true (steady_practice_store_add (store, record, &error));
  g_assert_no_error (error);
}

static void
add_rated_record (SteadySkillStore *store,
                  gint64            time_us,
                  gboolean          is_private)
{
  g_autoptr(SteadySkillRecord) record = steady_skill_record_new (STEADY_SKILL_KIND_CHECK_FACTS);
  g_autoptr(GError) error = NULL;

  steady_skill_record_set_time (record, time_us, local_offset (time_us));
  steady_skill_record_set_text (record, "event", "A hard phone call");
  steady_skill_record_set_distress_before (record, 9);
  steady_skill_record_set_distress_after (record, 2);
  steady_skill_record_set_private (record, is_private);
  g_assert_true (steady_skill_store_save (store, record, &error));
  g_assert_no_error (error);
}

/* The week from @first_day October, its lines joined, as shared by default. */
static char *
export_week (Fixture *f,
             int      first_day)
{
  g_autofree char *text = export_october_days (f, first_day, first_day + 6,
                                               STEADY_REPORT_NOTES_SHORT, NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strjoinv (" ", lines);
}

/* "What helped" counts the range's own rated uses: not those before or after it, not private
 * exercises; with too few, the cover says so in words. */
static void
test_what_helped_range (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SteadyPracticeStore) practice = steady_practice_store_new (f->database);
  g_autoptr(SteadySkillStore) skills = steady_skill_store_new (f->database);
  g_autoptr(SteadyDiaryStore) diary = steady_diary_store_new (f->database);
  g_autofree char *inside = NULL;
  g_autofree char *few = NULL;
  g_autofree char *unrated = NULL;
  g_autofree char *use = NULL;
  g_autoptr(GError) error = NULL;

  /* 1–7 October: three rated breathing practices, one unrated, three rated "I used this"
   * of a library skill, and three private worksheets with a large fall in distress. */
  for (int day = 1; day <= 3; day++)
    {
      g_autoptr(GDateTime) when = g_date_time_new_local (2026, 10, day, 9, 0, 0);
      gint64 noon = local_us (2026, 10, day, 12);

      add_practice (practice, STEADY_PRACTICE_KIND_BREATHING, when, 6, 4);
      add_rated_record (skills, noon, TRUE);
      use = steady_diary_store_log_skill_use (diary, "wise-mind", 5, 8, 3, noon + 60,
                                              local_offset (noon), &error);
      g_assert_no_error (error);
      g_clear_pointer (&use, g_free);
    }
  {
    g_autoptr(GDateTime) when = g_date_time_new_local (2026, 10, 4, 9, 0, 0);

    add_practice (practice, STEADY_PRACTICE_KIND_BREATHING, when, -1, -1);
  }
  /* 8–14 October: two rated mindfulness sessions only. 22–28 September and 15–21 October
   * (outside the first week): mindfulness with a fall of 8 points, three times each. */
  for (int day = 8; day <= 9; day++)
    {
      g_autoptr(GDateTime) when = g_date_time_new_local (2026, 10, day, 9, 0, 0);

      add_practice (practice, STEADY_PRACTICE_KIND_MINDFULNESS, when, 5, 4);
    }
  for (int day = 0; day < 3; day++)
    {
      g_autoptr(GDateTime) before = g_date_time_new_local (2026, 9, 24 + day, 9, 0, 0);
      g_autoptr(GDateTime) after = g_date_time_new_local (2026, 10, 16 + day, 9, 0, 0);

      add_practice (practice, STEADY_PRACTICE_KIND_MINDFULNESS, before, 9, 1);
      add_practice (practice, STEADY_PRACTICE_KIND_MINDFULNESS, after, 9, 1);
    }

  inside = export_week (f, 1);
  g_assert_nonnull (strstr (inside, "In this time"));
  g_assert_nonnull (strstr (inside, "Wise mind: distress down 5.0 points on average (3 uses)"));
  g_assert_nonnull (strstr (inside, "Breathing pacer: distress down 2.0 points on average "
                                    "(3 uses)"));
  /* Wise mind eased more, so it comes first; nothing from other weeks or private. */
  g_assert_true (strstr (inside, "Wise mind: distress") <
                 strstr (inside, "Breathing pacer: distress"));
  g_assert_null (strstr (inside, "Mindfulness timer: distress"));
  g_assert_null (strstr (inside, "Check the facts: distress"));
  /* The practice log shows the distress of "I used this" too. */
  g_assert_nonnull (strstr (inside, "Wise mind"));

  few = export_week (f, 8);
  g_assert_null (strstr (few, "Mindfulness timer: distress"));
  g_assert_nonnull (strstr (few, "In this time, 2 uses were rated for distress before and "
                                 "after, but no single skill or practice 3 times"));

  unrated = export_week (f, 22);
  g_assert_nonnull (strstr (unrated, "Nothing I did in this time was rated for distress"));
  g_assert_null (strstr (unrated, "distress down"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Madrid", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/report/pdf/contents", test_contents);
  ADD ("/report/pdf/private-counted", test_private_counted);
  ADD ("/report/pdf/safety-plan-optional", test_safety_plan_optional);
  ADD ("/report/pdf/year-pages", test_year_pages);
  ADD ("/report/pdf/paper", test_paper);
  ADD ("/report/pdf/mode", test_mode);
  ADD ("/report/pdf/cancel", test_cancel);
  ADD ("/report/pdf/progress", test_progress);
  ADD ("/report/pdf/notes-choice", test_notes_choice);
  ADD ("/report/pdf/long-note-continues", test_long_note_continues);
  ADD ("/report/pdf/what-helped-range", test_what_helped_range);
#undef ADD
  return g_test_run ();
}
