/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-wall-time.c: local wall-clock times and our policy for placing them in a time zone.
 *
 * The policy, which we own instead of trusting libical 3.0 at DST edges: a wall time that does
 * not exist (inside a spring-forward gap) becomes the first valid time after the gap, and is
 * flagged so the user can be told; a wall time that exists twice (inside a fall-back fold) is
 * the first of the two instants. Every other wall time keeps its clock time. */

#define G_LOG_DOMAIN "steady-wall-time"

#include "config.h"

#include <string.h>

#include "steady-wall-time.h"

#define SECONDS_PER_DAY 86400

static gboolean
parse_digits (const char *text,
              guint       n,
              int        *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

gboolean
steady_wall_time_is_valid (const SteadyWallTime *wall)
{
  g_return_val_if_fail (wall != NULL, FALSE);

  return wall->year >= 1 && wall->year <= 9999 &&
         g_date_valid_dmy (wall->day, wall->month, wall->year) &&
         wall->hour >= 0 && wall->hour <= 23 &&
         wall->minute >= 0 && wall->minute <= 59 &&
         wall->second >= 0 && wall->second <= 59;
}

/* Reads exactly "YYYYMMDDTHHMMSS"; anything else, or an impossible date, is refused. */
gboolean
steady_wall_time_parse (const char     *text,
                        SteadyWallTime *out)
{
  SteadyWallTime wall;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL || strlen (text) != STEADY_WALL_TIME_TEXT_LENGTH || text[8] != 'T')
    return FALSE;
  if (!parse_digits (text, 4, &wall.year) ||
      !parse_digits (text + 4, 2, &wall.month) ||
      !parse_digits (text + 6, 2, &wall.day) ||
      !parse_digits (text + 9, 2, &wall.hour) ||
      !parse_digits (text + 11, 2, &wall.minute) ||
      !parse_digits (text + 13, 2, &wall.second))
    return FALSE;
  if (!steady_wall_time_is_valid (&wall))
    return FALSE;

  *out = wall;
  return TRUE;
}

char *
steady_wall_time_format (const SteadyWallTime *wall)
{
  g_return_val_if_fail (wall != NULL, NULL);

  return g_strdup_printf ("%04d%02d%02dT%02d%02d%02d", wall->year, wall->month, wall->day,
                          wall->hour, wall->minute, wall->second);
}

int
steady_wall_time_compare (const SteadyWallTime *a,
                          const SteadyWallTime *b)
{
  gint64 diff = steady_wall_time_to_naive_seconds (a) - steady_wall_time_to_naive_seconds (b);

  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

static guint32
julian_1970 (void)
{
  static guint32 julian = 0;

  if (julian == 0)
    {
      GDate epoch;

      g_date_clear (&epoch, 1);
      g_date_set_dmy (&epoch, 1, G_DATE_JANUARY, 1970);
      julian = g_date_get_julian (&epoch);
    }
  return julian;
}

/* Seconds since 1970-01-01 00:00 as if the wall time were UTC: arithmetic on wall times
 * without any zone, so that "the same time on the next day" is always 86400 away. */
gint64
steady_wall_time_to_naive_seconds (const SteadyWallTime *wall)
{
  GDate date;

  g_return_val_if_fail (wall != NULL, 0);
  g_return_val_if_fail (g_date_valid_dmy (wall->day, wall->month, wall->year), 0);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, wall->day, wall->month, wall->year);

  return ((gint64)g_date_get_julian (&date) - julian_1970 ()) * SECONDS_PER_DAY +
         wall->hour * 3600 + wall->minute * 60 + wall->second;
}

void
steady_wall_time_from_naive_seconds (gint64          seconds,
                                     SteadyWallTime *out)
{
  gint64 days = seconds / SECONDS_PER_DAY;
  gint64 rest = seconds % SECONDS_PER_DAY;
  GDate date;

  g_return_if_fail (out != NULL);

  if (rest < 0)
    {
      rest += SECONDS_PER_DAY;
      days--;
    }
  days += julian_1970 ();
  /* GDate counts from day 1 of year 1; keep to what it can represent. */
  days = CLAMP (days, 1, (gint64)G_MAXUINT32 / 2);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32)days);
  out->year = g_date_get_year (&date);
  out->month = g_date_get_month (&date);
  out->day = g_date_get_day (&date);
  out->hour = rest / 3600;
  out->minute = (rest / 60) % 60;
  out->second = rest % 60;
}

static gint32
offset_at (GTimeZone *zone,
           gint64     utc_seconds)
{
  int interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, utc_seconds);

  return g_time_zone_get_offset (zone, interval);
}

/* Places @wall in @zone following our DST policy (see the top of this file) and returns the
 * instant in microseconds since the epoch, UTC. */
gint64
steady_wall_time_to_instant (const SteadyWallTime *wall,
                             GTimeZone            *zone,
                             SteadyWallTimeFlags  *out_flags)
{
  gint64 naive;
  gint32 offsets[3];
  gint64 best = G_MAXINT64;
  guint n_valid = 0;
  gint32 low, high;
  gint64 lo, hi;

  g_return_val_if_fail (wall != NULL, 0);
  g_return_val_if_fail (zone != NULL, 0);

  naive = steady_wall_time_to_naive_seconds (wall);

  /* Real zones change their offset at most once within a couple of days, so the offsets in
   * effect a day either side are the only candidates for this wall time. */
  offsets[0] = offset_at (zone, naive - SECONDS_PER_DAY);
  offsets[1] = offset_at (zone, naive);
  offsets[2] = offset_at (zone, naive + SECONDS_PER_DAY);

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      gint64 candidate = naive - offsets[i];
      gboolean seen = FALSE;

      for (guint j = 0; j < i; j++)
        seen |= offsets[j] == offsets[i];
      if (seen || offset_at (zone, candidate) != offsets[i])
        continue;

      n_valid++;
      best = MIN (best, candidate);
    }

  if (n_valid > 0)
    {
      if (out_flags != NULL)
        *out_flags = n_valid > 1 ? STEADY_WALL_TIME_AMBIGUOUS : STEADY_WALL_TIME_EXACT;
      return best * G_USEC_PER_SEC;
    }

  /* In a gap: the clocks jumped from (transition + low) to (transition + high), and this wall
   * time lies between. The transition instant is then the first valid time after the gap;
   * find it by bisection between the two candidate instants. */
  low = MIN (offsets[0], offsets[2]);
  high = MAX (offsets[0], offsets[2]);
  lo = naive - high;   /* still before the transition */
  hi = naive - low;    /* already after it */
  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (offset_at (zone, mid) == offsets[0])
        lo = mid;
      else
        hi = mid;
    }

  if (out_flags != NULL)
    *out_flags = STEADY_WALL_TIME_SHIFTED_BY_GAP;
  return hi * G_USEC_PER_SEC;
}

void
steady_wall_time_from_instant (gint64          instant_us,
                               GTimeZone      *zone,
                               SteadyWallTime *out)
{
  gint64 seconds;

  g_return_if_fail (zone != NULL);
  g_return_if_fail (out != NULL);

  seconds = instant_us / G_USEC_PER_SEC - (instant_us % G_USEC_PER_SEC < 0 ? 1 : 0);
  steady_wall_time_from_naive_seconds (seconds + offset_at (zone, seconds), out);
}

/* Only names that look like IANA zone names are looked up, so a hostile TZID cannot make
 * GLib open a file outside the zoneinfo folder. */
static gboolean
is_plausible_tzid (const char *tzid)
{
  if (tzid == NULL || *tzid == '\0' || *tzid == '/' || strlen (tzid) > 64 ||
      strstr (tzid, "..") != NULL)
    return FALSE;
  for (const char *p = tzid; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr ("/_+-", *p) == NULL)
        return FALSE;
    }
  return TRUE;
}

gboolean
steady_time_zone_is_known (const char *tzid)
{
  GTimeZone *zone;

  if (!is_plausible_tzid (tzid))
    return FALSE;
  zone = g_time_zone_new_identifier (tzid);
  if (zone == NULL)
    return FALSE;
  g_time_zone_unref (zone);
  return TRUE;
}

/* The zone of a series: its IANA name, or the user's zone for a floating series (""). Returns
 * NULL for a name this system does not know. */
GTimeZone *
steady_time_zone_new_for_tzid (const char *tzid,
                               GTimeZone  *local_zone)
{
  g_return_val_if_fail (tzid != NULL, NULL);
  g_return_val_if_fail (local_zone != NULL, NULL);

  if (*tzid == '\0')
    return g_time_zone_ref (local_zone);
  if (!is_plausible_tzid (tzid))
    return NULL;
  return g_time_zone_new_identifier (tzid);
}

static GTimeZone *
zone_from_zoneinfo_path (const char *path)
{
  const char *name = strstr (path, "zoneinfo/");

  if (name == NULL)
    return NULL;
  name += strlen ("zoneinfo/");
  /* Debian also links through "posix/" and "right/" copies of the same zones. */
  if (g_str_has_prefix (name, "posix/"))
    name += strlen ("posix/");
  return is_plausible_tzid (name) ? g_time_zone_new_identifier (name) : NULL;
}

/* The user's zone now, with its IANA name. GLib keeps the zone of /etc/localtime for the life
 * of the process, so a long-running program would never see the user change time zone; this
 * reads TZ and the /etc/localtime link afresh on every call. */
GTimeZone *
steady_time_zone_new_local (void)
{
  const char *tz_env = g_getenv ("TZ");
  g_autofree char *link = NULL;
  g_autofree char *contents = NULL;
  GTimeZone *zone = NULL;

  if (tz_env != NULL && *tz_env != '\0')
    {
      const char *name = tz_env[0] == ':' ? tz_env + 1 : tz_env;

      zone = g_path_is_absolute (name) ? zone_from_zoneinfo_path (name)
                                       : g_time_zone_new_identifier (name);
      if (zone != NULL)
        return zone;
    }

  link = g_file_read_link ("/etc/localtime", NULL);
  if (link != NULL && (zone = zone_from_zoneinfo_path (link)) != NULL)
    return zone;

  if (g_file_get_contents ("/etc/timezone", &contents, NULL, NULL) &&
      is_plausible_tzid (g_strstrip (contents)) &&
      (zone = g_time_zone_new_identifier (contents)) != NULL)
    return zone;

  return g_time_zone_new_utc ();
}
