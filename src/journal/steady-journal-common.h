/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-journal-common.h: what every part of the journal shares: its error domain, its limits,
 * the text clean-up policy, and local days. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STEADY_JOURNAL_ERROR (steady_journal_error_quark ())

/* What was wrong with what the user gave, in terms the window can turn into words. The
 * messages are already written for the user. */
typedef enum
{
  STEADY_JOURNAL_ERROR_INVALID_VALUE, /* a rating or amount outside its range */
  STEADY_JOURNAL_ERROR_INVALID_DATE,  /* a date that does not exist, or is out of range */
  STEADY_JOURNAL_ERROR_TOO_LONG,      /* text over its size limit */
  STEADY_JOURNAL_ERROR_INVALID_NAME,  /* an empty or overlong tag or emotion name */
  STEADY_JOURNAL_ERROR_EXISTS,        /* the name or UUID is taken already */
  STEADY_JOURNAL_ERROR_NOT_FOUND,     /* no such entry, tag, emotion or draft */
} SteadyJournalError;

/* A note may be this long in UTF-8 bytes: far beyond any real entry, and small enough that
 * saving, indexing and exporting it stay quick. */
#define STEADY_JOURNAL_NOTE_MAX_BYTES (4 * 1024 * 1024)
#define STEADY_JOURNAL_NAME_MAX_CHARS 100

/* The instants an entry may have (1900-01-01 to the end of 2999, UTC, in microseconds) and
 * the widest UTC offset any time zone has used; the schema checks the same bounds. */
#define STEADY_JOURNAL_MIN_TIME       G_GINT64_CONSTANT (-2208988800000000)
#define STEADY_JOURNAL_MAX_TIME       G_GINT64_CONSTANT (32503679999999999)
#define STEADY_JOURNAL_MAX_UTC_OFFSET (18 * 3600)

/* Open ends of a range of local days. */
#define STEADY_JOURNAL_DAY_MIN G_MININT
#define STEADY_JOURNAL_DAY_MAX G_MAXINT

GQuark   steady_journal_error_quark      (void);

char    *steady_journal_sanitize_text    (const char   *text,
                                          gssize        length);
char    *steady_journal_sanitize_name    (const char   *text,
                                          gssize        length);
gboolean steady_journal_text_is_clean    (const char   *text);

int      steady_journal_day_from_time    (gint64        time_us,
                                          int           utc_offset_s);
int      steady_journal_day_from_date    (const GDate  *date);
void     steady_journal_day_to_date      (int           day,
                                          GDate        *date);

gboolean steady_journal_check_time       (gint64        time_us,
                                          int           utc_offset_s,
                                          GError      **error);
gboolean steady_journal_time_from_local  (int           year,
                                          int           month,
                                          int           day,
                                          int           hour,
                                          int           minute,
                                          GTimeZone    *tz,
                                          gint64       *out_time_us,
                                          int          *out_utc_offset_s,
                                          GError      **error);

G_END_DECLS
