/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-week-start.c: which weekday a week begins on, from the locale (glibc's LC_TIME
 * data, as GtkCalendar reads it), and where a day falls in such a week. */

#define G_LOG_DOMAIN "steady-week-start"

#include "config.h"

#include <langinfo.h>

#include "steady-journal-common.h"
#include "steady-week-start.h"

/* _NL_TIME_WEEK_1STDAY gives a date whose weekday the locale counts from: 1997-11-30 was a
 * Sunday, 1997-12-01 a Monday. */
#define ORIGIN_SUNDAY 19971130
#define ORIGIN_MONDAY 19971201

/* The weekday weeks begin on in the locale of LC_TIME (Sunday in the United States and in the
 * C locale, Monday in most of Europe). A locale whose data cannot be read gives Monday, the
 * ISO 8601 week. */
GDateWeekday
steady_week_start_from_locale (void)
{
/* glibc only: the two items are enum values there, not macros to test for. */
#ifdef __GLIBC__
  /* glibc hands the origin date back as a word in the place of the string pointer. */
  union
  {
    unsigned int  word;
    const char   *string;
  } origin;
  const char *first = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  GDateWeekday origin_weekday;
  int offset;

  origin.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  if (origin.word == ORIGIN_SUNDAY)
    origin_weekday = G_DATE_SUNDAY;
  else if (origin.word == ORIGIN_MONDAY)
    origin_weekday = G_DATE_MONDAY;
  else
    {
      g_debug ("Unknown first day of the week in this locale: %u", origin.word);
      return G_DATE_MONDAY;
    }
  /* FIRST_WEEKDAY counts from 1, the origin's weekday. */
  if (first == NULL || first[0] < 1 || first[0] > 7)
    return G_DATE_MONDAY;
  offset = first[0] - 1;
  return (GDateWeekday)(((int)origin_weekday - 1 + offset) % 7 + 1);
#else
  return G_DATE_MONDAY;
#endif
}

/* The column of @weekday in a week that begins on @first_weekday: 0 to 6. */
guint
steady_week_start_column (GDateWeekday weekday,
                          GDateWeekday first_weekday)
{
  g_return_val_if_fail (g_date_valid_weekday (weekday), 0);
  g_return_val_if_fail (g_date_valid_weekday (first_weekday), 0);

  return (guint)((weekday - first_weekday + 7) % 7);
}

/* The first local day (see steady_journal_day_from_date()) of the week that holds
 * @local_day, in weeks that begin on @first_weekday. */
int
steady_week_start_first_day (int          local_day,
                             GDateWeekday first_weekday)
{
  GDate date;

  g_return_val_if_fail (g_date_valid_weekday (first_weekday), local_day);

  steady_journal_day_to_date (local_day, &date);
  return local_day - (int)steady_week_start_column (g_date_get_weekday (&date), first_weekday);
}
