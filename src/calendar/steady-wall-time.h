/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-wall-time.h: local wall-clock times ("09:00 on 6 January") and our policy for turning
 * them into instants across daylight-saving changes. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A date and time of day with no zone, as a calendar shows it. */
typedef struct
{
  int year;
  int month;   /* 1–12 */
  int day;     /* 1–31 */
  int hour;    /* 0–23 */
  int minute;  /* 0–59 */
  int second;  /* 0–59 */
} SteadyWallTime;

/* What happened when a wall time was placed in its zone. */
typedef enum
{
  STEADY_WALL_TIME_EXACT          = 0,
  STEADY_WALL_TIME_SHIFTED_BY_GAP = 1 << 0, /* did not exist (spring forward); moved later */
  STEADY_WALL_TIME_AMBIGUOUS      = 1 << 1, /* existed twice (fall back); the first was taken */
} SteadyWallTimeFlags;

/* The text form stored in the database and used as an occurrence key: "YYYYMMDDTHHMMSS". */
#define STEADY_WALL_TIME_TEXT_LENGTH 15

gboolean   steady_wall_time_parse              (const char           *text,
                                                SteadyWallTime       *out);
char      *steady_wall_time_format             (const SteadyWallTime *wall);
gboolean   steady_wall_time_is_valid           (const SteadyWallTime *wall);
int        steady_wall_time_compare            (const SteadyWallTime *a,
                                                const SteadyWallTime *b);

gint64     steady_wall_time_to_naive_seconds   (const SteadyWallTime *wall);
void       steady_wall_time_from_naive_seconds (gint64                seconds,
                                                SteadyWallTime       *out);

gint64     steady_wall_time_to_instant         (const SteadyWallTime *wall,
                                                GTimeZone            *zone,
                                                SteadyWallTimeFlags  *out_flags);
void       steady_wall_time_from_instant       (gint64                instant_us,
                                                GTimeZone            *zone,
                                                SteadyWallTime       *out);

GTimeZone *steady_time_zone_new_local          (void);
GTimeZone *steady_time_zone_new_for_tzid       (const char           *tzid,
                                                GTimeZone            *local_zone);
gboolean   steady_time_zone_is_known           (const char           *tzid);

G_END_DECLS
