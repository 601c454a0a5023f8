/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-journal-store-stats.c: what the journal's charts and the therapist report draw —
 * mood per local day, how often each emotion was felt, and sleep against mood. */

#define G_LOG_DOMAIN "steady-journal-store-stats"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-journal-store-private.h"

void
steady_emotion_count_free (SteadyEmotionCount *count)
{
  if (count == NULL)
    return;
  g_free (count->uuid);
  g_free (count->name);
  g_free (count);
}

static SteadyStmt *
prepare_range (SteadyJournalStore  *self,
               const char          *sql,
               int                  first_day,
               int                  last_day,
               GError             **error)
{
  SteadyStmt *stmt = _steady_journal_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, first_day);
  sqlite3_bind_int (stmt, 2, last_day);
  return stmt;
}

/**
 * steady_journal_store_get_day_summaries:
 * @first_day: the first local day, inclusive
 * @last_day: the last local day, inclusive
 *
 * Returns: (transfer full) (element-type SteadyDaySummary): one summary per day that has
 *   entries, oldest first
 */
GArray *
steady_journal_store_get_day_summaries (SteadyJournalStore  *self,
                                        int                  first_day,
                                        int                  last_day,
                                        GError             **error)
{
  g_autoptr(GArray) days = NULL;
  g_autoptr(SteadyStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (self), NULL);

  stmt = prepare_range (self,
    "SELECT local_day, count(*), avg(mood), min(mood), max(mood) FROM mood_entry"
    " WHERE local_day BETWEEN ?1 AND ?2 GROUP BY local_day ORDER BY local_day",
    first_day, last_day, error);
  if (stmt == NULL)
    return NULL;
  days = g_array_new (FALSE, FALSE, sizeof (SteadyDaySummary));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_array_append_val (days, ((SteadyDaySummary) {
      .day = sqlite3_column_int (stmt, 0),
      .n_entries = (guint)sqlite3_column_int (stmt, 1),
      .mean_mood = sqlite3_column_double (stmt, 2),
      .min_mood = sqlite3_column_int (stmt, 3),
      .max_mood = sqlite3_column_int (stmt, 4),
    }));
  if (rc != SQLITE_DONE)
    {
      _steady_journal_store_set_error (self, error, rc, _("journal summary"));
      return NULL;
    }
  return g_steal_pointer (&days);
}

/**
 * steady_journal_store_get_emotion_counts:
 * @first_day: the first local day, inclusive
 * @last_day: the last local day, inclusive
 *
 * Returns: (transfer full) (element-type SteadyEmotionCount): each emotion felt in the
 *   range, most often first, with the number of entries and the mean intensity
 */
GPtrArray *
steady_journal_store_get_emotion_counts (SteadyJournalStore  *self,
                                         int                  first_day,
                                         int                  last_day,
                                         GError             **error)
{
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(SteadyStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (self), NULL);

  stmt = prepare_range (self,
    "SELECT em.uuid, em.name, count(*), avg(ee.intensity)"
    "  FROM mood_entry AS e"
    "  JOIN mood_entry_emotion AS ee ON ee.entry_id = e.id"
    "  JOIN emotion AS em ON em.id = ee.emotion_id"
    " WHERE e.local_day BETWEEN ?1 AND ?2"
    " GROUP BY em.id ORDER BY count(*) DESC, em.name",
    first_day, last_day, error);
  if (stmt == NULL)
    return NULL;
  counts = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_emotion_count_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SteadyEmotionCount *count = g_new0 (SteadyEmotionCount, 1);

      count->uuid = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      count->name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      count->n_entries = (guint)sqlite3_column_int (stmt, 2);
      count->mean_intensity = sqlite3_column_double (stmt, 3);
      g_ptr_array_add (counts, count);
    }
  if (rc != SQLITE_DONE)
    {
      _steady_journal_store_set_error (self, error, rc, _("journal summary"));
      return NULL;
    }
  return g_steal_pointer (&counts);
}

/**
 * steady_journal_store_get_sleep_mood:
 * @first_day: the first local day, inclusive
 * @last_day: the last local day, inclusive
 *
 * Returns: (transfer full) (element-type SteadySleepMood): one pair per day with sleep
 *   recorded, oldest first
 */
GArray *
steady_journal_store_get_sleep_mood (SteadyJournalStore  *self,
                                     int                  first_day,
                                     int                  last_day,
                                     GError             **error)
{
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(SteadyStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (self), NULL);

  stmt = prepare_range (self,
    "SELECT local_day, avg(sleep_hours), avg(mood) FROM mood_entry"
    " WHERE local_day BETWEEN ?1 AND ?2"
    " GROUP BY local_day HAVING count(sleep_hours) > 0 ORDER BY local_day",
    first_day, last_day, error);
  if (stmt == NULL)
    return NULL;
  pairs = g_array_new (FALSE, FALSE, sizeof (SteadySleepMood));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_array_append_val (pairs, ((SteadySleepMood) {
      .day = sqlite3_column_int (stmt, 0),
      .sleep_hours = sqlite3_column_double (stmt, 1),
      .mean_mood = sqlite3_column_double (stmt, 2),
    }));
  if (rc != SQLITE_DONE)
    {
      _steady_journal_store_set_error (self, error, rc, _("journal summary"));
      return NULL;
    }
  return g_steal_pointer (&pairs);
}
