/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-journal-search-hit.h: one entry found by a journal search, with its snippet. */

#pragma once

#include <glib-object.h>

#include "steady-mood-entry.h"

G_BEGIN_DECLS

#define STEADY_TYPE_JOURNAL_SEARCH_HIT (steady_journal_search_hit_get_type ())
G_DECLARE_FINAL_TYPE (SteadyJournalSearchHit, steady_journal_search_hit,
                      STEADY, JOURNAL_SEARCH_HIT, GObject)

SteadyMoodEntry *steady_journal_search_hit_get_entry          (SteadyJournalSearchHit *self);
const char      *steady_journal_search_hit_get_snippet        (SteadyJournalSearchHit *self);
const GArray    *steady_journal_search_hit_get_match_ranges   (SteadyJournalSearchHit *self);
char            *steady_journal_search_hit_dup_snippet_markup (SteadyJournalSearchHit *self);

G_END_DECLS
