/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-report-range.c: report ranges in whole local days, and "since my last session" from
 * the calendar's real occurrences. */

#define G_LOG_DOMAIN "steady-report-range"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-occurrence-store.h"
#include "steady-report-range.h"
#include "steady-session-store.h"

/* How far back "since my last session" looks, one year at a time. */
#define SESSION_SEARCH_YEARS 30

static GTimeZone *
zone_or_local (GTimeZone *zone)
{
  return zone != NULL ? g_time_zone_ref (zone) : g_time_zone_new_local ();
}

/* The instant a local day starts at; a midnight that a clock change skipped becomes the
 * first instant of that day that exists. */
static gint64
day_start_us (const GDate *date,
              GTimeZone   *zone)
{
  g_autoptr(GDateTime) start = g_date_time_new (zone, g_date_get_year (date),
                                                g_date_get_month (date),
                                                g_date_get_day (date), 0, 0, 0);

  g_assert (start != NULL);
  return g_date_time_to_unix (start) * G_USEC_PER_SEC;
}

static void
local_today (gint64     now_us,
             GTimeZone *zone,
             GDate     *out)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) there = g_date_time_to_timezone (utc, zone);

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (there), g_date_time_get_month (there),
                  g_date_time_get_year (there));
}

/* From the start of @first to the end of @last, both local days. */
static void
days_range (const GDate       *first,
            const GDate       *last,
            GTimeZone         *zone,
            SteadyReportRange *out)
{
  GDate after = *last;

  g_date_add_days (&after, 1);
  out->from_us = day_start_us (first, zone);
  out->to_us = day_start_us (&after, zone);
}

void
steady_report_range_everything (SteadyReportRange *out)
{
  g_return_if_fail (out != NULL);

  out->from_us = STEADY_REPORT_EVERYTHING_FROM_US;
  out->to_us = STEADY_REPORT_EVERYTHING_TO_US;
}

/* Today and the six days before it. */
void
steady_report_range_last_week (gint64             now_us,
                               GTimeZone         *zone,
                               SteadyReportRange *out)
{
  g_autoptr(GTimeZone) tz = zone_or_local (zone);
  GDate today, first;

  g_return_if_fail (out != NULL);

  local_today (now_us, tz, &today);
  first = today;
  g_date_subtract_days (&first, 6);
  days_range (&first, &today, tz, out);
}

/* The days after the same date a month ago, through today (on 31 March, from 1 March). */
void
steady_report_range_last_month (gint64             now_us,
                                GTimeZone         *zone,
                                SteadyReportRange *out)
{
  g_autoptr(GTimeZone) tz = zone_or_local (zone);
  GDate today, first;

  g_return_if_fail (out != NULL);

  local_today (now_us, tz, &today);
  first = today;
  g_date_subtract_months (&first, 1);
  g_date_add_days (&first, 1);
  days_range (&first, &today, tz, out);
}

static gboolean
check_year (const GDate  *date,
            GError      **error)
{
  if (!g_date_valid (date))
    {
      g_set_error_literal (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_INVALID_DATE,
                           _("That date does not exist."));
      return FALSE;
    }
  if (g_date_get_year (date) < STEADY_REPORT_MIN_YEAR
      || g_date_get_year (date) > STEADY_REPORT_MAX_YEAR)
    {
      /* Translators: the numbers are the earliest and latest years a report may cover. */
      g_set_error (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_INVALID_DATE,
                   _("Choose a date between the years %d and %d."),
                   STEADY_REPORT_MIN_YEAR, STEADY_REPORT_MAX_YEAR);
      return FALSE;
    }
  return TRUE;
}

/* From the start of @first to the end of @last, local days, both included. */
gboolean
steady_report_range_custom (const GDate        *first,
                            const GDate        *last,
                            GTimeZone          *zone,
                            SteadyReportRange  *out,
                            GError            **error)
{
  g_autoptr(GTimeZone) tz = NULL;

  g_return_val_if_fail (first != NULL && last != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_year (first, error) || !check_year (last, error))
    return FALSE;
  if (g_date_compare (first, last) > 0)
    {
      g_set_error_literal (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_INVALID_RANGE,
                           _("The first day comes after the last day."));
      return FALSE;
    }
  tz = zone_or_local (zone);
  days_range (first, last, tz, out);
  return TRUE;
}

/* A session counts when it really was or is planned to be: not cancelled, not missed. */
static gboolean
occurrence_counts (SteadyOccurrenceStore  *attendance,
                   const SteadyOccurrence *occurrence,
                   GError                **error)
{
  SteadyAttendance status = STEADY_ATTENDANCE_UNKNOWN;

  if (occurrence->flags & STEADY_OCCURRENCE_CANCELLED)
    return FALSE;
  if (!steady_occurrence_store_get_attendance (attendance,
                                               occurrence->series->uuid,
                                               occurrence->original_start_local, &status,
                                               NULL, error))
    return FALSE;
  return status != STEADY_ATTENDANCE_MISSED && status != STEADY_ATTENDANCE_CANCELLED;
}

/* From the start of the latest session that has ended by @now_us, through the end of today. */
gboolean
steady_report_range_since_last_session (SteadyDatabase     *database,
                                        gint64              now_us,
                                        GTimeZone          *zone,
                                        SteadyReportRange  *out,
                                        GError            **error)
{
  g_autoptr(SteadySessionStore) sessions = NULL;
  g_autoptr(SteadyOccurrenceStore) attendance = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GPtrArray) series = NULL;
  gint64 window_end = now_us;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  tz = zone_or_local (zone);
  sessions = steady_session_store_new (database);
  steady_session_store_set_local_zone (sessions, tz);
  attendance = steady_occurrence_store_new (database);
  series = steady_session_store_list_series (sessions, error);
  if (series == NULL)
    return FALSE;

  for (int year = 0; series->len > 0 && year < SESSION_SEARCH_YEARS; year++)
    {
      gint64 window_start = window_end - (gint64) 366 * 24 * 3600 * G_USEC_PER_SEC;
      g_autoptr(GPtrArray) found = NULL;

      found = steady_session_store_expand (sessions, window_start, window_end, NULL, error);
      if (found == NULL)
        return FALSE;
      /* Sorted by start; the latest one that counts is the one wanted. */
      for (guint i = found->len; i > 0; i--)
        {
          const SteadyOccurrence *occurrence = g_ptr_array_index (found, i - 1);
          g_autoptr(GError) local_error = NULL;
          GDate today;

          if (occurrence->end_us > now_us)
            continue;
          if (!occurrence_counts (attendance, occurrence, &local_error))
            {
              if (local_error != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return FALSE;
                }
              continue;
            }
          local_today (now_us, tz, &today);
          g_date_add_days (&today, 1);
          out->from_us = occurrence->start_us;
          out->to_us = day_start_us (&today, tz);
          return TRUE;
        }
      window_end = window_start;
    }

  g_set_error_literal (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_NO_PAST_SESSION,
                       _("There is no past session on the calendar yet. Add your sessions "
                         "to the calendar, or choose the dates yourself."));
  return FALSE;
}

/* Accepts exactly YYYY-MM-DD, a date that exists, in the years reports may cover. */
gboolean
steady_report_parse_date (const char  *text,
                          GDate       *out,
                          GError     **error)
{
  static const char shape[] = "dddd-dd-dd";
  int year, month, day;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (gsize i = 0; i < sizeof shape; i++)
    {
      gboolean ok = shape[i] == 'd' ? g_ascii_isdigit (text[i]) : text[i] == shape[i];

      if (!ok)
        {
          g_autofree char *shown = g_utf8_make_valid (text, -1);

          /* Translators: %s is what the user typed; keep YYYY-MM-DD as it is. */
          g_set_error (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_INVALID_DATE,
                       _("“%s” is not a date. Write dates as YYYY-MM-DD, for example "
                         "2026-01-31."), shown);
          return FALSE;
        }
    }
  year = (int) g_ascii_strtoll (text, NULL, 10);
  month = (int) g_ascii_strtoll (text + 5, NULL, 10);
  day = (int) g_ascii_strtoll (text + 8, NULL, 10);
  g_date_clear (out, 1);
  if (!g_date_valid_dmy (day, month, year))
    {
      /* Translators: %s is what the user typed, such as 2026-02-30. */
      g_set_error (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_INVALID_DATE,
                   _("The date %s does not exist."), text);
      return FALSE;
    }
  g_date_set_dmy (out, day, month, year);
  return check_year (out, error);
}

/* Either end may be NULL: then the range reaches back to the first record, or on to the
 * last. */
gboolean
steady_report_range_parse (const char         *from,
                           const char         *to,
                           GTimeZone          *zone,
                           SteadyReportRange  *out,
                           GError            **error)
{
  SteadyReportRange range;
  GDate first, last;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  if (from != NULL && !steady_report_parse_date (from, &first, error))
    return FALSE;
  if (to != NULL && !steady_report_parse_date (to, &last, error))
    return FALSE;
  if (from != NULL && to != NULL)
    return steady_report_range_custom (&first, &last, zone, out, error);

  steady_report_range_everything (&range);
  if (from != NULL || to != NULL)
    {
      SteadyReportRange day;

      /* One day's range gives the instant an end falls on. */
      if (!steady_report_range_custom (from != NULL ? &first : &last,
                                       from != NULL ? &first : &last, zone, &day, error))
        return FALSE;
      if (from != NULL)
        range.from_us = day.from_us;
      else
        range.to_us = day.to_us;
    }
  *out = range;
  return TRUE;
}

gboolean
steady_report_range_contains (const SteadyReportRange *range,
                              gint64                   time_us)
{
  g_return_val_if_fail (range != NULL, FALSE);

  return range->from_us <= time_us && time_us < range->to_us;
}

/* "1 November 2026 – 23 November 2026" in the user's words for dates: the last day shown is
 * the one the half-open range ends in. */
char *
steady_report_range_describe (const SteadyReportRange *range,
                              GTimeZone               *zone)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GDateTime) from_local = NULL;
  g_autoptr(GDateTime) to_local = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (range != NULL, NULL);

  tz = zone_or_local (zone);
  from = g_date_time_new_from_unix_utc (range->from_us / G_USEC_PER_SEC);
  to = g_date_time_new_from_unix_utc ((range->to_us - 1) / G_USEC_PER_SEC);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);
  from_local = g_date_time_to_timezone (from, tz);
  to_local = g_date_time_to_timezone (to, tz);
  /* Translators: a date in a report's range; see the strftime manual for the codes. */
  first = g_date_time_format (from_local, _("%-d %B %Y"));
  last = g_date_time_format (to_local, _("%-d %B %Y"));
  /* Translators: a report's range, from the first to the last day it covers. */
  return g_strdup_printf (_("%s – %s"), first, last);
}
