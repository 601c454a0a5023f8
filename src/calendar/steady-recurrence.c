/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-recurrence.c: expanding session series into occurrences over a bounded window.
 *
 * libical 3.0 misplaces times at DST edges when it is given a zone (on the day after a
 * spring-forward gap it keeps the shifted time). So libical only ever sees floating wall
 * times: it works out which days (and times of day) a rule produces, and steady-wall-time.c
 * places each wall time in the series' zone with our own policy. Every loop is bounded by the
 * window and by STEADY_RECURRENCE_MAX_ITERATIONS, whatever the rule says. */

#define G_LOG_DOMAIN "steady-recurrence"

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <string.h>

#include "steady-recurrence.h"
#include "steady-wall-time.h"

#define SECONDS_PER_DAY 86400
/* The widest a zone's offset can move a wall time from its instant, with room to spare. */
#define WINDOW_MARGIN_SECONDS (2 * SECONDS_PER_DAY)

G_DEFINE_QUARK (steady-recurrence-error-quark, steady_recurrence_error)

typedef struct
{
  const SteadySessionSeries *series;
  GTimeZone                 *zone;
  gboolean                   recurring;
  struct icalrecurrencetype  rule;      /* UNTIL turned into a floating wall time */
  struct icaltimetype        dtstart;   /* floating */
  gint64                     dtstart_naive;
} Expansion;

static void
expansion_clear (Expansion *e)
{
  g_clear_pointer (&e->zone, g_time_zone_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Expansion, expansion_clear)

/* Hostile rules can be long; messages quote only their start. */
static char *
shorten (const char *text)
{
  if (g_utf8_strlen (text, -1) <= 80)
    return g_strdup (text);
  return g_strdup_printf ("%.*s…", (int)(g_utf8_offset_to_pointer (text, 80) - text), text);
}

static gboolean
rule_has_part (const char *rrule,
               const char *name)
{
  g_auto(GStrv) parts = g_strsplit (rrule, ";", -1);
  gsize len = strlen (name);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = parts[i];

      while (g_ascii_isspace (*part))
        part++;
      if (g_ascii_strncasecmp (part, name, len) == 0 && part[len] == '=')
        return TRUE;
    }
  return FALSE;
}

static const int days_in_month[] = { 0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

/* A day of the month that none of the rule's months has, such as 30 February. libical finds
 * this out by searching year after year, which takes long enough to matter when a hostile file
 * repeats it thousands of times; say so at once instead. */
static gboolean
rule_is_impossible (const struct icalrecurrencetype *rule)
{
  int longest = 0;

  if (rule->by_month_day[0] == ICAL_RECURRENCE_ARRAY_MAX)
    return FALSE;
  for (guint i = 0; i < ICAL_BY_MONTH_SIZE && rule->by_month[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
    {
      int month = icalrecurrencetype_month_month (rule->by_month[i]);

      if (month >= 1 && month <= 12)
        longest = MAX (longest, days_in_month[month]);
    }
  if (longest == 0)
    return FALSE;
  for (guint i = 0;
       i < ICAL_BY_MONTHDAY_SIZE && rule->by_month_day[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
    {
      if (ABS (rule->by_month_day[i]) <= longest)
        return FALSE;
    }
  return TRUE;
}

static void
set_never_happens_error (GError **error)
{
  g_set_error_literal (error, STEADY_RECURRENCE_ERROR, STEADY_RECURRENCE_ERROR_NEVER_HAPPENS,
                       _("The repeat rule never happens (for example, it asks for "
                         "30 February)."));
}

static gboolean
parse_rule (const char                *rrule,
            struct icalrecurrencetype *out,
            GError                   **error)
{
  struct icalrecurrencetype rule;

  /* libical 3.0 fails to read COUNT with UNTIL without saying why; say it ourselves. */
  if (rule_has_part (rrule, "COUNT") && rule_has_part (rrule, "UNTIL"))
    {
      g_set_error_literal (error, STEADY_RECURRENCE_ERROR, STEADY_RECURRENCE_ERROR_COUNT_AND_UNTIL,
                           _("The repeat rule gives both an end date (UNTIL) and a number of "
                             "times (COUNT); only one of them is allowed."));
      return FALSE;
    }

  /* Sessions follow the Gregorian calendar; other calendars (RFC 7529) would take libical
   * into ICU for nothing. */
  if (rule_has_part (rrule, "RSCALE") || rule_has_part (rrule, "SKIP"))
    {
      g_set_error_literal (error, STEADY_RECURRENCE_ERROR, STEADY_RECURRENCE_ERROR_INVALID_RULE,
                           _("The repeat rule uses another calendar than the Gregorian one."));
      return FALSE;
    }

  icalerror_clear_errno ();
  rule = icalrecurrencetype_from_string (rrule);
  if (rule.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR)
    {
      g_autofree char *quoted = shorten (rrule);

      icalerror_clear_errno ();
      g_set_error (error, STEADY_RECURRENCE_ERROR, STEADY_RECURRENCE_ERROR_INVALID_RULE,
                   _("The repeat rule “%s” could not be read."), quoted);
      return FALSE;
    }
  if (rule.freq == ICAL_SECONDLY_RECURRENCE || rule.freq == ICAL_MINUTELY_RECURRENCE ||
      rule.freq == ICAL_HOURLY_RECURRENCE)
    {
      g_set_error_literal (error, STEADY_RECURRENCE_ERROR, STEADY_RECURRENCE_ERROR_TOO_FREQUENT,
                           _("Sessions can repeat at most once a day; this repeat rule repeats "
                             "more often."));
      return FALSE;
    }
  if (rule_is_impossible (&rule))
    {
      set_never_happens_error (error);
      return FALSE;
    }

  *out = rule;
  return TRUE;
}

gboolean
steady_recurrence_check_rule (const char  *rrule,
                              GError     **error)
{
  struct icalrecurrencetype rule;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (rrule == NULL || *rrule == '\0')
    return TRUE;
  return parse_rule (rrule, &rule, error);
}

static struct icaltimetype
ical_from_wall (const SteadyWallTime *wall)
{
  struct icaltimetype t = icaltime_null_time ();

  t.year = wall->year;
  t.month = wall->month;
  t.day = wall->day;
  t.hour = wall->hour;
  t.minute = wall->minute;
  t.second = wall->second;
  t.is_date = 0;
  t.zone = NULL;
  return t;
}

static gboolean
wall_from_ical (struct icaltimetype  t,
                SteadyWallTime      *out)
{
  out->year = t.year;
  out->month = t.month;
  out->day = t.day;
  out->hour = t.is_date ? 0 : t.hour;
  out->minute = t.is_date ? 0 : t.minute;
  out->second = t.is_date ? 0 : t.second;
  return steady_wall_time_is_valid (out);
}

/* An UNTIL in UTC (as RFC 5545 asks when DTSTART has a zone) becomes the wall time it was in
 * the series' zone, and a date-only UNTIL the end of that day, so that libical compares wall
 * times with wall times. */
static gboolean
make_until_floating (Expansion *e)
{
  struct icaltimetype until = e->rule.until;
  SteadyWallTime wall;

  if (icaltime_is_null_time (until))
    return TRUE;
  /* An end after the year 9999 is no end; one before year 1 is nonsense. */
  if (until.year > 9999)
    {
      e->rule.until = icaltime_null_time ();
      return TRUE;
    }
  if (!wall_from_ical (until, &wall))
    return FALSE;

  if (until.is_date)
    {
      if (!wall_from_ical (until, &wall))
        return FALSE;
      wall.hour = 23;
      wall.minute = 59;
      wall.second = 59;
    }
  else if (icaltime_is_utc (until))
    {
      gint64 instant = (gint64)icaltime_as_timet_with_zone (until,
                                                            icaltimezone_get_utc_timezone ());

      steady_wall_time_from_instant (instant * G_USEC_PER_SEC, e->zone, &wall);
    }
  else if (!wall_from_ical (until, &wall))
    return FALSE;

  e->rule.until = ical_from_wall (&wall);
  return TRUE;
}

static gboolean
expansion_init (Expansion                 *e,
                const SteadySessionSeries *series,
                GTimeZone                 *local_zone,
                GError                   **error)
{
  SteadyWallTime start;

  memset (e, 0, sizeof *e);
  e->series = series;

  e->zone = steady_time_zone_new_for_tzid (series->tzid, local_zone);
  if (e->zone == NULL)
    {
      g_autofree char *quoted = shorten (series->tzid);

      g_set_error (error, STEADY_RECURRENCE_ERROR, STEADY_RECURRENCE_ERROR_UNKNOWN_ZONE,
                   _("The time zone “%s” is not known on this computer."), quoted);
      return FALSE;
    }

  if (!steady_wall_time_parse (series->start_local, &start))
    {
      g_autofree char *quoted = shorten (series->start_local);

      g_set_error (error, STEADY_RECURRENCE_ERROR, STEADY_RECURRENCE_ERROR_INVALID_START,
                   _("The session’s start “%s” is not a valid date and time."), quoted);
      return FALSE;
    }
  e->dtstart = ical_from_wall (&start);
  e->dtstart_naive = steady_wall_time_to_naive_seconds (&start);

  e->recurring = series->rrule[0] != '\0';
  if (!e->recurring)
    return TRUE;

  if (!parse_rule (series->rrule, &e->rule, error))
    return FALSE;
  if (!make_until_floating (e))
    {
      g_set_error_literal (error, STEADY_RECURRENCE_ERROR, STEADY_RECURRENCE_ERROR_INVALID_RULE,
                           _("The end date (UNTIL) of the repeat rule is not a valid date."));
      return FALSE;
    }
  return TRUE;
}

/* An iterator over the rule's wall times, skipped ahead to about @skip_to_naive when libical
 * can (it cannot for COUNT rules, which must be counted from the start). */
static icalrecur_iterator *
expansion_iterate (Expansion *e,
                   gint64     skip_to_naive,
                   GError   **error)
{
  icalrecur_iterator *it;

  icalerror_clear_errno ();
  it = icalrecur_iterator_new (e->rule, e->dtstart);
  if (it == NULL)
    {
      icalerror_clear_errno ();
      set_never_happens_error (error);
      return NULL;
    }

  if (e->rule.count == 0 && skip_to_naive > e->dtstart_naive)
    {
      SteadyWallTime skip_to;

      steady_wall_time_from_naive_seconds (skip_to_naive, &skip_to);
      if (!icalrecur_iterator_set_start (it, ical_from_wall (&skip_to)))
        icalerror_clear_errno ();
    }
  return it;
}

static void
set_too_many_error (GError **error)
{
  g_set_error_literal (error, STEADY_RECURRENCE_ERROR, STEADY_RECURRENCE_ERROR_TOO_MANY,
                       _("The repeat rule makes more sessions than Steady can show."));
}

/* Whether @series can be expanded at all: a known zone, a valid start, a readable rule that
 * produces at least one occurrence. */
gboolean
steady_recurrence_validate (const SteadySessionSeries  *series,
                            GTimeZone                  *local_zone,
                            GError                    **error)
{
  g_auto(Expansion) e = { 0 };
  icalrecur_iterator *it;
  struct icaltimetype first;

  g_return_val_if_fail (series != NULL, FALSE);
  g_return_val_if_fail (local_zone != NULL, FALSE);

  if (!expansion_init (&e, series, local_zone, error))
    return FALSE;
  if (!e.recurring)
    return TRUE;

  it = expansion_iterate (&e, 0, error);
  if (it == NULL)
    return FALSE;
  first = icalrecur_iterator_next (it);

  /* A rule that makes more occurrences in a year than an expansion may take could never be
   * shown; refuse it now rather than fail on every expansion. */
  for (guint n = 1; !icaltime_is_null_time (first); n++)
    {
      struct icaltimetype t = icalrecur_iterator_next (it);
      SteadyWallTime wall;

      if (icaltime_is_null_time (t) || !wall_from_ical (t, &wall) ||
          steady_wall_time_to_naive_seconds (&wall) > e.dtstart_naive + 400 * SECONDS_PER_DAY)
        break;
      if (n >= STEADY_RECURRENCE_MAX_ITERATIONS)
        {
          icalrecur_iterator_free (it);
          set_too_many_error (error);
          return FALSE;
        }
    }
  icalrecur_iterator_free (it);
  icalerror_clear_errno ();

  if (icaltime_is_null_time (first))
    {
      g_set_error_literal (error, STEADY_RECURRENCE_ERROR, STEADY_RECURRENCE_ERROR_NEVER_HAPPENS,
                           _("The repeat rule never happens: it ends before it begins."));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  Expansion             *e;
  GHashTable            *overrides_by_key;  /* original start → SteadySessionOverride */
  GHashTable            *seen_keys;
  GPtrArray             *result;
  gint64                 from_us;
  gint64                 to_us;
} Collector;

static void
collect (Collector            *c,
         const SteadyWallTime *original,
         const char           *key)
{
  SteadySessionOverride *override = NULL;
  SteadyWallTime start = *original;
  SteadyWallTimeFlags wall_flags = STEADY_WALL_TIME_EXACT;
  SteadyOccurrenceFlags flags = STEADY_OCCURRENCE_NONE;
  g_autofree char *start_local = NULL;
  SteadyOccurrence *occurrence;
  gint64 instant;

  if (steady_session_series_has_exdate (c->e->series, key))
    return;

  if (c->overrides_by_key != NULL)
    {
      override = g_hash_table_lookup (c->overrides_by_key, key);
      if (override != NULL)
        g_hash_table_add (c->seen_keys, (gpointer)override->original_start_local);
    }
  if (override != NULL && override->start_local != NULL &&
      !steady_wall_time_parse (override->start_local, &start))
    start = *original;

  instant = steady_wall_time_to_instant (&start, c->e->zone, &wall_flags);
  if (wall_flags & STEADY_WALL_TIME_SHIFTED_BY_GAP)
    {
      /* The session happens, and is shown, at the first valid time after the gap. */
      flags |= STEADY_OCCURRENCE_SHIFTED_BY_GAP;
      steady_wall_time_from_instant (instant, c->e->zone, &start);
    }
  if (wall_flags & STEADY_WALL_TIME_AMBIGUOUS)
    flags |= STEADY_OCCURRENCE_AMBIGUOUS;

  start_local = steady_wall_time_format (&start);
  occurrence = steady_occurrence_new ((SteadySessionSeries *)c->e->series, override, key,
                                      start_local, instant, flags);
  if (occurrence->start_us < c->to_us && occurrence->end_us > c->from_us)
    g_ptr_array_add (c->result, occurrence);
  else
    steady_occurrence_unref (occurrence);
}

/* An override can move an occurrence from outside the window into it; those were not met
 * while iterating the window, so look at each such override on its own. */
static void
collect_moved_in (Collector  *c,
                  GPtrArray  *overrides,
                  GTimeZone  *local_zone)
{
  for (guint i = 0; overrides != NULL && i < overrides->len; i++)
    {
      SteadySessionOverride *override = g_ptr_array_index (overrides, i);
      SteadyWallTime original, moved;
      gint64 instant;

      if (override->start_local == NULL ||
          g_hash_table_contains (c->seen_keys, override->original_start_local) ||
          !steady_wall_time_parse (override->original_start_local, &original) ||
          !steady_wall_time_parse (override->start_local, &moved))
        continue;

      instant = steady_wall_time_to_instant (&moved, c->e->zone, NULL);
      /* No session lasts longer than a day, so this one cannot reach into the window. */
      if (instant >= c->to_us || instant + (gint64)SECONDS_PER_DAY * G_USEC_PER_SEC <= c->from_us)
        continue;
      if (!steady_recurrence_has_occurrence (c->e->series, override->original_start_local,
                                             local_zone))
        continue;

      collect (c, &original, override->original_start_local);
    }
}

/* Every occurrence of @series (with @overrides applied) that overlaps [@from_us, @to_us),
 * sorted by start. Cancelled occurrences are included, flagged. */
GPtrArray *
steady_recurrence_expand (SteadySessionSeries  *series,
                          GPtrArray            *overrides,
                          GTimeZone            *local_zone,
                          gint64                from_us,
                          gint64                to_us,
                          GError              **error)
{
  g_auto(Expansion) e = { 0 };
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GHashTable) overrides_by_key = NULL;
  g_autoptr(GHashTable) seen_keys = NULL;
  Collector c;
  gint64 lower, upper;

  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (local_zone != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!expansion_init (&e, series, local_zone, error))
    return NULL;

  result = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_occurrence_unref);
  seen_keys = g_hash_table_new (g_str_hash, g_str_equal);
  if (overrides != NULL && overrides->len > 0)
    {
      overrides_by_key = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < overrides->len; i++)
        {
          SteadySessionOverride *override = g_ptr_array_index (overrides, i);

          g_hash_table_insert (overrides_by_key, override->original_start_local, override);
        }
    }
  c = (Collector) { &e, overrides_by_key, seen_keys, result, from_us, to_us };

  lower = from_us / G_USEC_PER_SEC - (gint64)series->duration_minutes * 60 - WINDOW_MARGIN_SECONDS;
  upper = to_us / G_USEC_PER_SEC + WINDOW_MARGIN_SECONDS;

  if (!e.recurring)
    {
      SteadyWallTime start;

      steady_wall_time_from_naive_seconds (e.dtstart_naive, &start);
      if (e.dtstart_naive >= lower && e.dtstart_naive <= upper)
        collect (&c, &start, series->start_local);
    }
  else
    {
      icalrecur_iterator *it = expansion_iterate (&e, lower, error);

      if (it == NULL)
        return NULL;

      for (guint n = 0;; n++)
        {
          struct icaltimetype t;
          SteadyWallTime wall;
          gint64 naive;
          char key[STEADY_WALL_TIME_TEXT_LENGTH + 1];

          if (n >= STEADY_RECURRENCE_MAX_ITERATIONS)
            {
              icalrecur_iterator_free (it);
              set_too_many_error (error);
              return NULL;
            }

          t = icalrecur_iterator_next (it);
          if (icaltime_is_null_time (t) || !wall_from_ical (t, &wall))
            break;
          naive = steady_wall_time_to_naive_seconds (&wall);
          if (naive > upper)
            break;
          if (naive < lower)
            continue;

          g_snprintf (key, sizeof key, "%04d%02d%02dT%02d%02d%02d", wall.year, wall.month,
                      wall.day, wall.hour, wall.minute, wall.second);
          collect (&c, &wall, key);
        }
      icalrecur_iterator_free (it);
      icalerror_clear_errno ();
    }

  collect_moved_in (&c, overrides, local_zone);

  g_ptr_array_sort (result, steady_occurrence_compare);
  return g_steal_pointer (&result);
}

/* Whether the rule of @series produces an occurrence starting at @original_start_local
 * (exceptions aside). */
gboolean
steady_recurrence_has_occurrence (const SteadySessionSeries *series,
                                  const char                *original_start_local,
                                  GTimeZone                 *local_zone)
{
  g_auto(Expansion) e = { 0 };
  SteadyWallTime wanted;
  gint64 wanted_naive;
  icalrecur_iterator *it;
  gboolean found = FALSE;

  g_return_val_if_fail (series != NULL, FALSE);
  g_return_val_if_fail (local_zone != NULL, FALSE);

  if (!steady_wall_time_parse (original_start_local, &wanted) ||
      !expansion_init (&e, series, local_zone, NULL))
    return FALSE;
  if (!e.recurring)
    return g_strcmp0 (series->start_local, original_start_local) == 0;

  wanted_naive = steady_wall_time_to_naive_seconds (&wanted);
  it = expansion_iterate (&e, wanted_naive - SECONDS_PER_DAY, NULL);
  if (it == NULL)
    return FALSE;

  for (guint n = 0; n < STEADY_RECURRENCE_MAX_ITERATIONS; n++)
    {
      struct icaltimetype t = icalrecur_iterator_next (it);
      SteadyWallTime wall;
      gint64 naive;

      if (icaltime_is_null_time (t) || !wall_from_ical (t, &wall))
        break;
      naive = steady_wall_time_to_naive_seconds (&wall);
      if (naive >= wanted_naive)
        {
          found = naive == wanted_naive;
          break;
        }
    }
  icalrecur_iterator_free (it);
  icalerror_clear_errno ();
  return found;
}

static char *
rule_to_string (struct icalrecurrencetype *rule)
{
  char *text = icalrecurrencetype_as_string_r (rule);
  char *copy = g_strdup (text);

  icalmemory_free_buffer (text);
  return copy;
}

/* For an edit of "this and following": the rule of the series before @original_start_local
 * (NULL when no occurrence comes before it) and the rule of a new series from it on. A COUNT
 * is shared out between the two; otherwise the first part ends one second before the split. */
gboolean
steady_recurrence_split (const SteadySessionSeries  *series,
                         const char                 *original_start_local,
                         GTimeZone                  *local_zone,
                         char                      **out_rule_before,
                         char                      **out_rule_after,
                         GError                    **error)
{
  g_auto(Expansion) e = { 0 };
  struct icalrecurrencetype before, after;
  SteadyWallTime split;
  gint64 split_naive;
  icalrecur_iterator *it;
  int n_before = 0;

  g_return_val_if_fail (series != NULL, FALSE);
  g_return_val_if_fail (original_start_local != NULL, FALSE);
  g_return_val_if_fail (out_rule_before != NULL && out_rule_after != NULL, FALSE);

  if (!expansion_init (&e, series, local_zone, error))
    return FALSE;
  if (!e.recurring || !steady_wall_time_parse (original_start_local, &split) ||
      !steady_recurrence_has_occurrence (series, original_start_local, local_zone))
    {
      g_set_error_literal (error, STEADY_RECURRENCE_ERROR, STEADY_RECURRENCE_ERROR_NEVER_HAPPENS,
                           _("This session is not part of a repeating series."));
      return FALSE;
    }
  split_naive = steady_wall_time_to_naive_seconds (&split);

  it = expansion_iterate (&e, 0, error);
  if (it == NULL)
    return FALSE;
  for (guint n = 0;; n++)
    {
      struct icaltimetype t;
      SteadyWallTime wall;

      if (n >= STEADY_RECURRENCE_MAX_ITERATIONS)
        {
          icalrecur_iterator_free (it);
          set_too_many_error (error);
          return FALSE;
        }
      t = icalrecur_iterator_next (it);
      if (icaltime_is_null_time (t) || !wall_from_ical (t, &wall) ||
          steady_wall_time_to_naive_seconds (&wall) >= split_naive)
        break;
      n_before++;
    }
  icalrecur_iterator_free (it);
  icalerror_clear_errno ();

  /* Start again from the rule as written, not the one with a floating UNTIL. */
  if (!parse_rule (series->rrule, &before, error))
    return FALSE;
  after = before;

  if (n_before == 0)
    *out_rule_before = NULL;
  else if (before.count > 0)
    {
      before.count = n_before;
      *out_rule_before = rule_to_string (&before);
    }
  else
    {
      SteadyWallTime last = split;
      gint64 until_us;

      steady_wall_time_from_naive_seconds (split_naive - 1, &last);
      until_us = steady_wall_time_to_instant (&last, e.zone, NULL);
      before.until = icaltime_from_timet_with_zone ((time_t)(until_us / G_USEC_PER_SEC), 0,
                                                    icaltimezone_get_utc_timezone ());
      *out_rule_before = rule_to_string (&before);
    }

  if (after.count > 0)
    after.count -= n_before;
  *out_rule_after = rule_to_string (&after);
  return TRUE;
}
