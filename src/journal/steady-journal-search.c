/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-journal-search.c: turns what the user types into an FTS5 query that can never be a
 * syntax error, and FTS5's marked snippets into plain text, match ranges and Pango markup. */

#define G_LOG_DOMAIN "steady-journal-search"

#include "config.h"

#include <string.h>

#include "steady-journal-common.h"
#include "steady-journal-search.h"

/**
 * steady_journal_query_init:
 *
 * Sets @query to "every entry": no words, all days, every mood, any emotion and tag.
 */
void
steady_journal_query_init (SteadyJournalQuery *query)
{
  g_return_if_fail (query != NULL);

  memset (query, 0, sizeof *query);
  query->first_day = STEADY_JOURNAL_DAY_MIN;
  query->last_day = STEADY_JOURNAL_DAY_MAX;
  query->min_mood = 1;
  query->max_mood = 5;
}

static void
append_quoted_prefix (GString    *match,
                      const char *word,
                      gsize       length)
{
  if (match->len > 0)
    g_string_append_c (match, ' ');
  g_string_append_c (match, '"');
  for (gsize i = 0; i < length; i++)
    {
      if (word[i] == '"')
        g_string_append_c (match, '"');
      g_string_append_c (match, word[i]);
    }
  g_string_append (match, "\"*");
}

/**
 * steady_journal_search_build_match:
 * @text: (nullable): what the user typed
 *
 * Each run of non-blank characters becomes an FTS5 string in double quotes (inner quotes
 * doubled) with a `*`, so it matches as a prefix as the user types, and operators such as
 * `AND`, `NOT`, `-`, `*`, `:` or `"` are only ever words. All runs must match. A run holding
 * no letters or digits is an empty phrase, which FTS5 ignores beside others.
 *
 * Returns: (transfer full) (nullable): an FTS5 query, or %NULL if @text has no words
 */
char *
steady_journal_search_build_match (const char *text)
{
  return steady_journal_search_build_match_full (text, NULL, NULL);
}

/* Whether FTS5 finds a word in @word: a letter or a digit. */
static gboolean
has_token (const char *word,
           gsize       length)
{
  for (const char *c = word; c < word + length; c = g_utf8_next_char (c))
    if (g_unichar_isalnum (g_utf8_get_char (c)))
      return TRUE;
  return FALSE;
}

/* Two letters or digits, nothing else: what a short-prefix expansion can stand for. */
static gboolean
is_short_prefix (const char *word,
                 gsize       length)
{
  return length == STEADY_JOURNAL_SHORT_PREFIX &&
         g_ascii_isalnum (word[0]) && g_ascii_isalnum (word[1]);
}

/**
 * steady_journal_search_build_match_full:
 * @text: (nullable): what the user typed
 * @expand: (nullable): gives, for a word of exactly two ASCII letters or digits (lower
 *   case), an FTS5 expression that matches what its prefix query would, or %NULL to keep
 *   the prefix query
 *
 * As steady_journal_search_build_match (), with short words put another way where that is
 * cheaper.
 *
 * Returns: (transfer full) (nullable): an FTS5 query, or %NULL if @text has no words
 */
char *
steady_journal_search_build_match_full (const char              *text,
                                        SteadyJournalExpandFunc  expand,
                                        gpointer                 user_data)
{
  g_autofree char *clean = NULL;
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GString) groups = g_string_new (NULL);
  gboolean match_has_token = FALSE;
  const char *word = NULL;

  if (text == NULL)
    return NULL;

  clean = steady_journal_sanitize_text (text, -1);
  for (const char *p = clean; ; p = g_utf8_next_char (p))
    {
      gboolean at_end = *p == '\0';
      gboolean blank = at_end || g_unichar_isspace (g_utf8_get_char (p));

      if (blank && word != NULL)
        {
          g_autofree char *expanded = NULL;

          if (expand != NULL && is_short_prefix (word, p - word))
            {
              char prefix[STEADY_JOURNAL_SHORT_PREFIX + 1] = {
                g_ascii_tolower (word[0]), g_ascii_tolower (word[1]), '\0'
              };

              expanded = expand (prefix, user_data);
            }
          if (expanded != NULL)
            {
              /* FTS5 joins a group in parentheses to the rest only with an explicit AND. */
              g_string_append_printf (groups, "%s%s", groups->len > 0 ? " AND " : "",
                                      expanded);
            }
          else
            {
              append_quoted_prefix (match, word, p - word);
              match_has_token = match_has_token || has_token (word, p - word);
            }
          word = NULL;
        }
      else if (!blank && word == NULL)
        {
          word = p;
        }
      if (at_end)
        break;
    }

  if (groups->len > 0)
    {
      /* Beside an AND an empty phrase matches nothing, where beside words it is ignored. */
      if (!match_has_token)
        g_string_truncate (match, 0);
      g_string_append_printf (match, "%s%s", match->len > 0 ? " AND " : "", groups->str);
    }
  if (match->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&match), FALSE);
}

/**
 * steady_journal_search_split_marks:
 * @marked: text with matches between %STEADY_JOURNAL_MATCH_OPEN and _CLOSE
 * @ranges: (element-type SteadyTextRange): receives the byte range of each match in the
 *   returned text
 *
 * Returns: (transfer full): @marked without the marks
 */
char *
steady_journal_search_split_marks (const char *marked,
                                   GArray     *ranges)
{
  g_autoptr(GString) plain = NULL;
  gboolean open = FALSE;
  guint start = 0;

  g_return_val_if_fail (marked != NULL, NULL);
  g_return_val_if_fail (ranges != NULL, NULL);

  plain = g_string_sized_new (strlen (marked));
  for (const char *p = marked; *p != '\0'; p++)
    {
      if (*p == STEADY_JOURNAL_MATCH_OPEN[0])
        {
          open = TRUE;
          start = plain->len;
        }
      else if (*p == STEADY_JOURNAL_MATCH_CLOSE[0])
        {
          if (open && plain->len > start)
            g_array_append_val (ranges, ((SteadyTextRange) { start, plain->len }));
          open = FALSE;
        }
      else
        {
          g_string_append_c (plain, *p);
        }
    }
  return g_string_free (g_steal_pointer (&plain), FALSE);
}

/**
 * steady_journal_search_markup:
 * @text: plain text, such as a snippet
 * @ranges: (element-type SteadyTextRange) (nullable): matches in @text, in order, not
 *   overlapping
 *
 * Returns: (transfer full): Pango markup of @text, escaped, with each match in bold
 */
char *
steady_journal_search_markup (const char   *text,
                              const GArray *ranges)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  gsize length;
  guint done = 0;

  g_return_val_if_fail (text != NULL, NULL);

  length = strlen (text);
  for (guint i = 0; ranges != NULL && i < ranges->len; i++)
    {
      const SteadyTextRange *range = &g_array_index (ranges, SteadyTextRange, i);
      g_autofree char *before = NULL;
      g_autofree char *inside = NULL;

      if (range->start < done || range->end > length || range->start >= range->end)
        continue;
      before = g_markup_escape_text (text + done, range->start - done);
      inside = g_markup_escape_text (text + range->start, range->end - range->start);
      g_string_append_printf (markup, "%s<b>%s</b>", before, inside);
      done = range->end;
    }
  {
    g_autofree char *rest = g_markup_escape_text (text + done, length - done);

    g_string_append (markup, rest);
  }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}
