/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-journal-search-hit-private.h: how the journal store makes a hit, and where the next
 * page of results starts after it. */

#pragma once

#include "steady-journal-search-hit.h"

G_BEGIN_DECLS

SteadyJournalSearchHit *_steady_journal_search_hit_new        (SteadyMoodEntry        *entry,
                                                               const char             *marked_snippet,
                                                               gint64                  cursor_time,
                                                               gint64                  cursor_id);
void                    _steady_journal_search_hit_get_cursor (SteadyJournalSearchHit *self,
                                                               gint64                 *cursor_time,
                                                               gint64                 *cursor_id);

G_END_DECLS
