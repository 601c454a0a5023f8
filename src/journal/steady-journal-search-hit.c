/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-journal-search-hit.c: one entry found by a journal search: the entry, a snippet of
 * its note with the matches as byte ranges or as Pango markup, and where the next page of
 * results starts. */

#define G_LOG_DOMAIN "steady-journal-search-hit"

#include "config.h"

#include "steady-journal-search.h"
#include "steady-journal-search-hit-private.h"

struct _SteadyJournalSearchHit
{
  GObject          parent_instance;

  /* owned */
  SteadyMoodEntry *entry;
  char            *snippet;
  GArray          *ranges; /* SteadyTextRange */

  /* keyset of the result order, for the page after this hit */
  gint64           cursor_time;
  gint64           cursor_id;
};

G_DEFINE_FINAL_TYPE (SteadyJournalSearchHit, steady_journal_search_hit, G_TYPE_OBJECT)

static void
steady_journal_search_hit_finalize (GObject *object)
{
  SteadyJournalSearchHit *self = (SteadyJournalSearchHit *)object;

  g_clear_object (&self->entry);
  g_clear_pointer (&self->snippet, g_free);
  g_clear_pointer (&self->ranges, g_array_unref);

  G_OBJECT_CLASS (steady_journal_search_hit_parent_class)->finalize (object);
}

static void
steady_journal_search_hit_class_init (SteadyJournalSearchHitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steady_journal_search_hit_finalize;
}

static void
steady_journal_search_hit_init (SteadyJournalSearchHit *self)
{
  self->ranges = g_array_new (FALSE, FALSE, sizeof (SteadyTextRange));
}

SteadyJournalSearchHit *
_steady_journal_search_hit_new (SteadyMoodEntry *entry,
                                const char      *marked_snippet,
                                gint64           cursor_time,
                                gint64           cursor_id)
{
  SteadyJournalSearchHit *self;

  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (entry), NULL);
  g_return_val_if_fail (marked_snippet != NULL, NULL);

  self = g_object_new (STEADY_TYPE_JOURNAL_SEARCH_HIT, NULL);
  self->entry = g_object_ref (entry);
  self->snippet = steady_journal_search_split_marks (marked_snippet, self->ranges);
  self->cursor_time = cursor_time;
  self->cursor_id = cursor_id;
  return self;
}

void
_steady_journal_search_hit_get_cursor (SteadyJournalSearchHit *self,
                                       gint64                 *cursor_time,
                                       gint64                 *cursor_id)
{
  g_return_if_fail (STEADY_IS_JOURNAL_SEARCH_HIT (self));

  *cursor_time = self->cursor_time;
  *cursor_id = self->cursor_id;
}

SteadyMoodEntry *
steady_journal_search_hit_get_entry (SteadyJournalSearchHit *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_SEARCH_HIT (self), NULL);

  return self->entry;
}

/**
 * steady_journal_search_hit_get_snippet:
 *
 * Returns: a short part of the entry's note around the first matches, in plain text ("…"
 *   where it was cut), or the note's start when only filters were given
 */
const char *
steady_journal_search_hit_get_snippet (SteadyJournalSearchHit *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_SEARCH_HIT (self), NULL);

  return self->snippet;
}

/**
 * steady_journal_search_hit_get_match_ranges:
 *
 * Returns: (transfer none) (element-type SteadyTextRange): the matched words in the snippet,
 *   as byte ranges, in order
 */
const GArray *
steady_journal_search_hit_get_match_ranges (SteadyJournalSearchHit *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_SEARCH_HIT (self), NULL);

  return self->ranges;
}

/**
 * steady_journal_search_hit_dup_snippet_markup:
 *
 * Returns: (transfer full): the snippet as Pango markup, the user's text escaped and the
 *   matches in bold
 */
char *
steady_journal_search_hit_dup_snippet_markup (SteadyJournalSearchHit *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_SEARCH_HIT (self), NULL);

  return steady_journal_search_markup (self->snippet, self->ranges);
}
