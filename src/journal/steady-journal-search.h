/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-journal-search.h: what a journal search asks for, how the user's words become a
 * safe full-text query, and how matches come back for highlighting. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What to look for. Every part is optional; filters combine with AND. */
typedef struct
{
  const char *text;         /* words as typed; NULL or blank for filters only */
  int         first_day;    /* local days (steady_journal_day_from_date ()), inclusive; */
  int         last_day;     /*   STEADY_JOURNAL_DAY_MIN / _MAX for an open end */
  int         min_mood;     /* 1–5, inclusive */
  int         max_mood;
  const char *emotion_uuid; /* only entries with this emotion, or NULL */
  const char *tag_uuid;     /* only entries with this tag, or NULL */
} SteadyJournalQuery;

/* A match in a snippet, in bytes: [start, end). */
typedef struct
{
  guint start;
  guint end;
} SteadyTextRange;

/* What FTS5 puts around a match. Stored text never holds control characters (see
 * steady_journal_sanitize_text ()), so these cannot be confused with the user's words. */
#define STEADY_JOURNAL_MATCH_OPEN  "\001"
#define STEADY_JOURNAL_MATCH_CLOSE "\002"

/* Words this long are looked up another way (see steady_journal_search_build_match_full ()). */
#define STEADY_JOURNAL_SHORT_PREFIX 2

typedef char *(*SteadyJournalExpandFunc) (const char *prefix,
                                          gpointer    user_data);

void  steady_journal_query_init           (SteadyJournalQuery *query);

char *steady_journal_search_build_match   (const char         *text);
char *steady_journal_search_build_match_full (const char              *text,
                                              SteadyJournalExpandFunc  expand,
                                              gpointer                 user_data);
char *steady_journal_search_split_marks   (const char         *marked,
                                           GArray             *ranges);
char *steady_journal_search_markup        (const char         *text,
                                           const GArray       *ranges);

G_END_DECLS
