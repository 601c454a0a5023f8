/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-week-start.c: the weekday weeks begin on, read from the locale (C and en_US: Sunday;
 * de_DE: Monday), and where days fall in weeks that begin on Sunday or Monday. */

#define G_LOG_DOMAIN "steady-test-week-start"

#include "config.h"

#include <locale.h>

#include "steady-journal-common.h"
#include "steady-test-util.h"
#include "steady-week-start.h"

/* The columns of a week: Sunday first in the United States, Monday first in Germany. */
static void
test_column (void)
{
  static const struct
  {
    GDateWeekday weekday;
    GDateWeekday first;
    guint        column;
  } cases[] = {
    { G_DATE_SUNDAY, G_DATE_SUNDAY, 0 },
    { G_DATE_MONDAY, G_DATE_SUNDAY, 1 },
    { G_DATE_SATURDAY, G_DATE_SUNDAY, 6 },
    { G_DATE_MONDAY, G_DATE_MONDAY, 0 },
    { G_DATE_SATURDAY, G_DATE_MONDAY, 5 },
    { G_DATE_SUNDAY, G_DATE_MONDAY, 6 },
    { G_DATE_WEDNESDAY, G_DATE_SATURDAY, 4 },
    { G_DATE_FRIDAY, G_DATE_SATURDAY, 6 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (steady_week_start_column (cases[i].weekday, cases[i].first), ==,
                      cases[i].column);
}

/* The first day of a day's week, across a month's and a year's end. */
static void
test_first_day (void)
{
  static const struct
  {
    int          year, month, day;
    GDateWeekday first;
    int          first_year, first_month, first_day;
  } cases[] = {
    /* Monday 23 November 2026. */
    { 2026, 11, 23, G_DATE_SUNDAY, 2026, 11, 22 },
    { 2026, 11, 23, G_DATE_MONDAY, 2026, 11, 23 },
    /* Sunday 29 November 2026: the end of a Monday week, the start of a Sunday one. */
    { 2026, 11, 29, G_DATE_MONDAY, 2026, 11, 23 },
    { 2026, 11, 29, G_DATE_SUNDAY, 2026, 11, 29 },
    /* Saturday 28 November 2026: the end of a Sunday week. */
    { 2026, 11, 28, G_DATE_SUNDAY, 2026, 11, 22 },
    /* Friday 1 January 2027, in a week that began the year before. */
    { 2027, 1, 1, G_DATE_MONDAY, 2026, 12, 28 },
    { 2027, 1, 1, G_DATE_SUNDAY, 2026, 12, 27 },
    /* Before 1970, where local days are negative: Thursday 1 January 1970 and earlier. */
    { 1970, 1, 1, G_DATE_MONDAY, 1969, 12, 29 },
    { 1969, 12, 31, G_DATE_SUNDAY, 1969, 12, 28 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int day = steady_test_local_day (cases[i].year, cases[i].month, cases[i].day);
      int expected = steady_test_local_day (cases[i].first_year, cases[i].first_month,
                                            cases[i].first_day);
      int first = steady_week_start_first_day (day, cases[i].first);
      GDate date;

      g_assert_cmpint (first, ==, expected);
      steady_journal_day_to_date (first, &date);
      g_assert_cmpint (g_date_get_weekday (&date), ==, cases[i].first);
      /* Every day of that week gives the same first day. */
      for (int d = 0; d < 7; d++)
        g_assert_cmpint (steady_week_start_first_day (first + d, cases[i].first), ==, first);
    }
}

/* Sets LC_TIME to @name; FALSE if this machine does not have that locale. */
static gboolean
use_time_locale (const char *name)
{
  return setlocale (LC_TIME, name) != NULL;
}

/* The C locale counts weeks from Sunday, as glibc's data says. */
static void
test_locale_c (void)
{
  g_assert_true (use_time_locale ("C"));
  g_assert_cmpint (steady_week_start_from_locale (), ==, G_DATE_SUNDAY);
  g_assert_true (use_time_locale ("C.UTF-8"));
  g_assert_cmpint (steady_week_start_from_locale (), ==, G_DATE_SUNDAY);
}

/* Makes the locale @input (e.g. "de_DE") in the test's own folder with localedef, from the
 * locale sources of Debian's locales package, for machines that have only C installed. */
static gboolean
compile_locale (const char *input,
                const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "locales", NULL);
  g_autofree char *output = g_build_filename (dir, name, NULL);
  g_autofree char *errors = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "localedef", "-i", input, "-f", "UTF-8", output, NULL };
  int status = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &errors, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_test_message ("localedef %s: %s %s", input, error->message, errors);
      return FALSE;
    }
  g_setenv ("LOCPATH", dir, TRUE);
  return TRUE;
}

/* Real locales: en_US begins weeks on Sunday, de_DE on Monday. Installed ones are used as
 * they are; missing ones are made for the test, so the lookup is always tested for both. */
static void
test_locale_named (void)
{
  static const struct
  {
    const char   *input;
    const char   *name;
    GDateWeekday  first;
  } cases[] = {
    { "en_US", "en_US.UTF-8", G_DATE_SUNDAY },
    { "de_DE", "de_DE.UTF-8", G_DATE_MONDAY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* glibc remembers a locale it did not find under a LOCPATH; look in the system's
       * place first, then in the test's own. */
      g_unsetenv ("LOCPATH");
      if (!use_time_locale (cases[i].name) &&
          !(compile_locale (cases[i].input, cases[i].name) && use_time_locale (cases[i].name)))
        {
          g_test_fail_printf ("The locale %s is neither installed nor can be made here "
                              "(localedef needs Debian's locales package)", cases[i].name);
          continue;
        }
      g_assert_cmpint (steady_week_start_from_locale (), ==, cases[i].first);
    }
  setlocale (LC_TIME, "C");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/week-start/column", test_column);
  g_test_add_func ("/week-start/first-day", test_first_day);
  g_test_add_func ("/week-start/locale-c", test_locale_c);
  g_test_add_func ("/week-start/locale-named", test_locale_named);

  return g_test_run ();
}
