/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-report-data.c: reads what goes into the therapist report for a range from the
 * journal, skills, practice, calendar and safety plan stores. Private entries, records and
 * diary cards never enter the report; they are only counted, so the person is told. */

#define G_LOG_DOMAIN "steady-report-data"

#include "config.h"

#include <string.h>

#include "steady-journal-common.h"
#include "steady-mood-chart.h"
#include "steady-occurrence-store.h"
#include "steady-occurrence.h"
#include "steady-practice-store.h"
#include "steady-report-data.h"
#include "steady-safety-plan-store.h"
#include "steady-session-store.h"
#include "steady-skill-history.h"
#include "steady-skill-kind.h"
#include "steady-skill-insights.h"
#include "steady-skill-store.h"
#include "steady-week-start.h"

#define PAGE_SIZE 200

static void
reverse (GPtrArray *array)
{
  for (guint i = 0; i < array->len / 2; i++)
    {
      gpointer first = array->pdata[i];

      array->pdata[i] = array->pdata[array->len - 1 - i];
      array->pdata[array->len - 1 - i] = first;
    }
}

static void
report_practice_free (SteadyReportPractice *practice)
{
  g_free (practice->id);
  g_free (practice->label);
  g_free (practice);
}

static void
report_session_free (SteadyReportSession *session)
{
  g_free (session->title);
  g_free (session->clinician);
  g_free (session);
}

static gboolean
check_cancelled (GCancellable  *cancellable,
                 GError       **error)
{
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static int
local_day_of (gint64 time_us)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return 0;
  local = g_date_time_to_local (utc);
  return steady_journal_day_from_time (time_us,
                                       (int)(g_date_time_get_utc_offset (local) /
                                             G_USEC_PER_SEC));
}

/* Journal ------------------------------------------------------------------------------- */

static void
add_to_days (GArray          *days,
             SteadyMoodEntry *entry)
{
  int day = steady_mood_entry_get_local_day (entry);
  int mood = steady_mood_entry_get_mood (entry);
  SteadyDaySummary *summary = NULL;

  if (mood < STEADY_MOOD_MIN || mood > STEADY_MOOD_MAX)
    return;
  if (days->len > 0)
    summary = &g_array_index (days, SteadyDaySummary, days->len - 1);
  if (summary == NULL || summary->day != day)
    {
      SteadyDaySummary fresh = { day, 0, 0, mood, mood };

      g_array_append_val (days, fresh);
      summary = &g_array_index (days, SteadyDaySummary, days->len - 1);
    }
  summary->mean_mood = (summary->mean_mood * summary->n_entries + mood) /
                       (summary->n_entries + 1);
  summary->n_entries++;
  summary->min_mood = MIN (summary->min_mood, mood);
  summary->max_mood = MAX (summary->max_mood, mood);
}

/**
 * steady_report_data_read_entries:
 * @n_private: (inout): increased by the number of private entries left out
 *
 * Reads the shared journal entries in [@from_us, @to_us), oldest first; the therapist report
 * and journal.csv read them this way.
 *
 * Returns: (transfer container) (element-type SteadyMoodEntry): the entries, or %NULL with
 *   @error set
 */
GPtrArray *
steady_report_data_read_entries (SteadyJournalStore  *store,
                                 gint64               from_us,
                                 gint64               to_us,
                                 guint               *n_private,
                                 GCancellable        *cancellable,
                                 GError             **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  gint64 time_us = to_us;
  gint64 row_id = 0;  /* before (to_us, 0): the end of a half-open range is not in it */

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (store), NULL);
  g_return_val_if_fail (n_private != NULL, NULL);

  entries = g_ptr_array_new_with_free_func (g_object_unref);
  for (;;)
    {
      g_autoptr(GPtrArray) page = NULL;
      gboolean done = FALSE;

      if (!check_cancelled (cancellable, error))
        return NULL;
      page = steady_journal_store_list_before (store, time_us, row_id, PAGE_SIZE, error);
      if (page == NULL)
        return NULL;
      for (guint i = 0; i < page->len && !done; i++)
        {
          SteadyMoodEntry *entry = g_ptr_array_index (page, i);

          time_us = steady_mood_entry_get_time (entry);
          row_id = steady_mood_entry_get_row_id (entry);
          if (time_us < from_us)
            done = TRUE;
          else if (steady_mood_entry_get_private (entry))
            (*n_private)++;
          else
            g_ptr_array_add (entries, g_object_ref (entry));
        }
      if (done || page->len < PAGE_SIZE)
        break;
    }
  reverse (entries);
  return g_steal_pointer (&entries);
}

static GArray *
summarize_days (GPtrArray *entries)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (SteadyDaySummary));

  for (guint i = 0; i < entries->len; i++)
    add_to_days (days, g_ptr_array_index (entries, i));
  return days;
}

/* Sleep against mood per day, from the shared entries only, as the journal's chart shows it:
 * the mean of the day's sleep answers against the mean mood of all its entries. */
static GArray *
summarize_sleep (GPtrArray *entries)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (SteadySleepMood));
  guint i = 0;

  while (i < entries->len)
    {
      int day = steady_mood_entry_get_local_day (g_ptr_array_index (entries, i));
      double sleep_sum = 0;
      double mood_sum = 0;
      guint n_sleep = 0;
      guint n_mood = 0;

      for (; i < entries->len &&
             steady_mood_entry_get_local_day (g_ptr_array_index (entries, i)) == day; i++)
        {
          SteadyMoodEntry *entry = g_ptr_array_index (entries, i);
          double hours = steady_mood_entry_get_sleep_hours (entry);
          int mood = steady_mood_entry_get_mood (entry);

          if (hours >= 0)
            {
              sleep_sum += hours;
              n_sleep++;
            }
          if (mood >= STEADY_MOOD_MIN && mood <= STEADY_MOOD_MAX)
            {
              mood_sum += mood;
              n_mood++;
            }
        }
      if (n_sleep > 0 && n_mood > 0)
        {
          SteadySleepMood point = { day, sleep_sum / n_sleep, mood_sum / n_mood };

          g_array_append_val (points, point);
        }
    }
  return points;
}

static int
compare_emotion_counts (gconstpointer a,
                        gconstpointer b)
{
  const SteadyEmotionCount *x = *(SteadyEmotionCount * const *)a;
  const SteadyEmotionCount *y = *(SteadyEmotionCount * const *)b;

  if (x->n_entries != y->n_entries)
    return x->n_entries > y->n_entries ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

/* The emotions of the shared entries only: the store's own counts include private ones. */
static GPtrArray *
count_emotions (GPtrArray *entries)
{
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *counts = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_emotion_count_free);

  for (guint i = 0; i < entries->len; i++)
    {
      GPtrArray *emotions = steady_mood_entry_get_emotions (g_ptr_array_index (entries, i));

      for (guint j = 0; emotions != NULL && j < emotions->len; j++)
        {
          const SteadyMoodEmotion *emotion = g_ptr_array_index (emotions, j);
          SteadyEmotionCount *count = g_hash_table_lookup (by_uuid, emotion->uuid);

          if (count == NULL)
            {
              count = g_new0 (SteadyEmotionCount, 1);
              count->uuid = g_strdup (emotion->uuid);
              count->name = g_strdup (emotion->name != NULL ? emotion->name : "");
              g_ptr_array_add (counts, count);
              g_hash_table_insert (by_uuid, count->uuid, count);
            }
          count->mean_intensity = (count->mean_intensity * count->n_entries +
                                   emotion->intensity) / (count->n_entries + 1);
          count->n_entries++;
        }
    }
  g_ptr_array_sort (counts, compare_emotion_counts);
  return counts;
}

static gboolean
gather_journal (SteadyReportData  *data,
                SteadyDatabase    *database,
                GCancellable      *cancellable,
                GError           **error)
{
  g_autoptr(SteadyJournalStore) store = steady_journal_store_new (database);
  g_autoptr(GPtrArray) previous = NULL;
  gint64 length = data->range.to_us - data->range.from_us;
  guint n_private_before = 0;

  data->entries = steady_report_data_read_entries (store, data->range.from_us,
                                                   data->range.to_us, &data->n_private_entries,
                                                   cancellable, error);
  if (data->entries == NULL)
    return FALSE;
  data->days = summarize_days (data->entries);
  data->emotions = count_emotions (data->entries);
  data->sleep = summarize_sleep (data->entries);

  /* The trend compares with the same length of time just before the range. */
  previous = steady_report_data_read_entries (store, data->range.from_us - length,
                                              data->range.from_us, &n_private_before,
                                              cancellable, error);
  if (previous == NULL)
    return FALSE;
  data->previous_days = summarize_days (previous);
  return TRUE;
}

/* Skills: exercises, diary cards, "I used this" ------------------------------------------ */

static void
note_practised (GHashTable *practised,
                const char *prefix,
                const char *id)
{
  g_hash_table_add (practised, g_strconcat (prefix, ":", id, NULL));
}

static gboolean
add_record (SteadyReportData   *data,
            SteadySkillStore   *store,
            SteadyHistoryItem  *item,
            GHashTable         *practised,
            GError            **error)
{
  g_autoptr(SteadySkillRecord) record = NULL;

  if (item->private_)
    {
      data->n_private_records++;
      return TRUE;
    }
  record = steady_skill_store_load (store, item->uuid, error);
  if (record == NULL)
    return FALSE;
  note_practised (practised, "exercise", steady_skill_kind_to_id (item->kind));
  g_ptr_array_add (item->kind == STEADY_SKILL_KIND_THOUGHT_RECORD ? data->thought_records
                                                                   : data->worksheets,
                   g_steal_pointer (&record));
  return TRUE;
}

/* The history lists newest first; it is walked from the end of the range back to its start. */
static gboolean
gather_history (SteadyReportData  *data,
                SteadyDatabase    *database,
                GHashTable        *practised,
                GArray            *private_days,
                GCancellable      *cancellable,
                GError           **error)
{
  g_autoptr(SteadySkillStore) store = steady_skill_store_new (database);
  guint kinds = STEADY_SKILL_KIND_MASK_ALL | STEADY_HISTORY_MASK (STEADY_HISTORY_DIARY_CARD);
  g_autoptr(GPtrArray) page = NULL;

  for (;;)
    {
      SteadyHistoryItem *after = page != NULL && page->len > 0
                                 ? g_ptr_array_index (page, page->len - 1) : NULL;
      g_autoptr(GPtrArray) next = NULL;
      gboolean done = FALSE;

      if (!check_cancelled (cancellable, error))
        return FALSE;
      next = steady_skill_history_list (database, kinds, NULL, after, PAGE_SIZE, error);
      if (next == NULL)
        return FALSE;
      for (guint i = 0; i < next->len && !done; i++)
        {
          SteadyHistoryItem *item = g_ptr_array_index (next, i);

          if (item->time_us >= data->range.to_us)
            continue;
          if (item->time_us < data->range.from_us)
            {
              done = TRUE;
              break;
            }
          if (item->kind < STEADY_N_SKILL_KINDS)
            {
              if (!add_record (data, store, item, practised, error))
                return FALSE;
            }
          else if (item->kind == STEADY_HISTORY_DIARY_CARD)
            {
              int day = steady_journal_day_from_time (item->time_us, item->utc_offset_s);

              if (item->private_)
                {
                  data->n_private_cards++;
                  g_array_append_val (private_days, day);
                }
            }
        }
      g_clear_pointer (&page, g_ptr_array_unref);
      page = g_steal_pointer (&next);
      if (done || page->len < PAGE_SIZE)
        break;
    }
  reverse (data->thought_records);
  reverse (data->worksheets);
  return TRUE;
}

static gboolean
day_is_private (GArray *private_days,
                int     day)
{
  for (guint i = 0; i < private_days->len; i++)
    if (g_array_index (private_days, int, i) == day)
      return TRUE;
  return FALSE;
}

/* Diary cards as weeks starting on the locale's first weekday, as the diary card window
 * shows them; a private card's day is shown empty. */
static gboolean
gather_diary (SteadyReportData  *data,
              SteadyDatabase    *database,
              GArray            *private_days,
              GCancellable      *cancellable,
              GError           **error)
{
  g_autoptr(SteadyDiaryStore) store = steady_diary_store_new (database);
  int first, first_card, last_card;

  /* Only the weeks that can hold a card: a range of "everything" spans centuries. */
  if (!steady_diary_store_get_card_span (store, data->first_day, data->last_day,
                                         &first_card, &last_card, error))
    return FALSE;
  if (first_card > last_card)
    return TRUE;
  first = steady_week_start_first_day (first_card, steady_week_start_from_locale ());
  for (int day = first; day <= last_card; day += 7)
    {
      g_autoptr(SteadyDiaryWeek) week = NULL;
      gboolean any = FALSE;

      if (!check_cancelled (cancellable, error))
        return FALSE;
      week = steady_diary_store_get_week (store, day, error);
      if (week == NULL)
        return FALSE;
      for (int d = 0; d < 7; d++)
        {
          gboolean outside = day + d < data->first_day || day + d > data->last_day;

          if (!outside && !day_is_private (private_days, day + d))
            {
              any = any || week->has_card[d];
              continue;
            }
          week->has_card[d] = FALSE;
          for (guint r = 0; r < week->rows->len; r++)
            ((SteadyDiaryWeekRow *)g_ptr_array_index (week->rows, r))->values[d] =
              STEADY_DIARY_NONE;
        }
      if (any)
        g_ptr_array_add (data->diary_weeks, g_steal_pointer (&week));
    }
  return TRUE;
}

/* Practice log ---------------------------------------------------------------------------- */

static int
compare_practices (gconstpointer a,
                   gconstpointer b)
{
  const SteadyReportPractice *x = *(SteadyReportPractice * const *)a;
  const SteadyReportPractice *y = *(SteadyReportPractice * const *)b;

  return (x->time_us > y->time_us) - (x->time_us < y->time_us);
}

static gboolean
gather_practices (SteadyReportData  *data,
                  SteadyDatabase    *database,
                  GHashTable        *practised,
                  GError           **error)
{
  g_autoptr(SteadyPracticeStore) store = steady_practice_store_new (database);
  g_autoptr(GPtrArray) records = steady_practice_store_list_range (store, data->range.from_us,
                                                                   data->range.to_us, error);

  if (records == NULL)
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      const SteadyPracticeRecord *record = g_ptr_array_index (records, i);
      SteadyReportPractice *practice = g_new0 (SteadyReportPractice, 1);
      gboolean breathing = record->kind == STEADY_PRACTICE_KIND_BREATHING;

      practice->source = STEADY_HELP_SOURCE_PRACTICE;
      practice->id = g_strdup (breathing ? "breathing" : "mindfulness");
      practice->time_us = record->started_at_us;
      practice->utc_offset_s = record->utc_offset_s;
      practice->label = steady_help_source_dup_label (STEADY_HELP_SOURCE_PRACTICE,
                                                      breathing ? "breathing" : "mindfulness");
      practice->length_us = record->actual_us;
      practice->distress_before = record->distress_before;
      practice->distress_after = record->distress_after;
      g_ptr_array_add (data->practices, practice);
      note_practised (practised, "practice", breathing ? "breathing" : "mindfulness");
    }
  return TRUE;
}

/* "I used this" in the range, with the distress before and after when it was rated. */
static gboolean
gather_skill_uses (SteadyReportData  *data,
                   SteadyDatabase    *database,
                   GHashTable        *practised,
                   GError           **error)
{
  sqlite3_stmt *stmt = steady_report_prepare_range (database,
                                                    "SELECT at_us, utc_offset_s, skill,"
                                                    " distress_before, distress_after"
                                                    " FROM skill_use"
                                                    " WHERE at_us >= ?1 AND at_us < ?2"
                                                    " ORDER BY at_us, id",
                                                    data->range.from_us, data->range.to_us,
                                                    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SteadyReportPractice *practice = g_new0 (SteadyReportPractice, 1);
      const char *skill = (const char *)sqlite3_column_text (stmt, 2);

      practice->source = STEADY_HELP_SOURCE_SKILL;
      practice->id = g_strdup (skill);
      practice->time_us = sqlite3_column_int64 (stmt, 0);
      practice->utc_offset_s = sqlite3_column_int (stmt, 1);
      practice->label = steady_help_source_dup_label (STEADY_HELP_SOURCE_SKILL, skill);
      practice->distress_before = sqlite3_column_type (stmt, 3) == SQLITE_NULL
                                  ? -1 : sqlite3_column_int (stmt, 3);
      practice->distress_after = sqlite3_column_type (stmt, 4) == SQLITE_NULL
                                 ? -1 : sqlite3_column_int (stmt, 4);
      g_ptr_array_add (data->practices, practice);
      note_practised (practised, "skill", skill);
    }
  return steady_report_finish (database, stmt, rc, error);
}

/* What helped ----------------------------------------------------------------------------- */

/* Adds one use to its item's sum when it was rated both before and after. */
static void
add_rated_use (SteadyReportData *data,
               GHashTable       *by_id,
               GPtrArray        *items,
               SteadyHelpSource  source,
               const char       *id,
               int               before,
               int               after)
{
  g_autofree char *key = NULL;
  SteadyHelpItem *item;

  if (before < 0 || after < 0)
    return;
  key = g_strdup_printf ("%d:%s", source, id);
  item = g_hash_table_lookup (by_id, key);
  if (item == NULL)
    {
      item = g_new0 (SteadyHelpItem, 1);
      item->source = source;
      item->id = g_strdup (id);
      item->label = steady_help_source_dup_label (source, id);
      g_ptr_array_add (items, item);
      g_hash_table_insert (by_id, g_steal_pointer (&key), item);
    }
  /* The sum for now; divided once every use is in. */
  item->mean_change += before - after;
  item->n_uses++;
  data->n_rated_uses++;
}

static void
add_rated_records (SteadyReportData *data,
                   GHashTable       *by_id,
                   GPtrArray        *items,
                   GPtrArray        *records)
{
  for (guint i = 0; i < records->len; i++)
    {
      SteadySkillRecord *record = g_ptr_array_index (records, i);

      add_rated_use (data, by_id, items, STEADY_HELP_SOURCE_EXERCISE,
                     steady_skill_kind_to_id (steady_skill_record_get_kind (record)),
                     steady_skill_record_get_distress_before (record),
                     steady_skill_record_get_distress_after (record));
    }
}

/* The same order as the Skills page's "what helps me": largest fall first, then the most
 * used, then a fixed order. */
static int
compare_help_items (gconstpointer a,
                    gconstpointer b)
{
  const SteadyHelpItem *x = *(SteadyHelpItem * const *)a;
  const SteadyHelpItem *y = *(SteadyHelpItem * const *)b;

  if (x->mean_change != y->mean_change)
    return x->mean_change > y->mean_change ? -1 : 1;
  if (x->n_uses != y->n_uses)
    return x->n_uses > y->n_uses ? -1 : 1;
  if (x->source != y->source)
    return x->source < y->source ? -1 : 1;
  return strcmp (x->id, y->id);
}

/* "What helped" over the range only, from the shared uses rated before and after; an item
 * needs STEADY_SKILL_INSIGHTS_MIN_USES of them, as on the Skills page. */
static void
compute_what_helped (SteadyReportData *data)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) items =
    g_ptr_array_new_with_free_func ((GDestroyNotify)steady_help_item_free);

  add_rated_records (data, by_id, items, data->thought_records);
  add_rated_records (data, by_id, items, data->worksheets);
  for (guint i = 0; i < data->practices->len; i++)
    {
      const SteadyReportPractice *practice = g_ptr_array_index (data->practices, i);

      add_rated_use (data, by_id, items, practice->source, practice->id,
                     practice->distress_before, practice->distress_after);
    }
  data->what_helps = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_help_item_free);
  for (guint i = items->len; i > 0; i--)
    {
      SteadyHelpItem *item = g_ptr_array_index (items, i - 1);

      if (item->n_uses < STEADY_SKILL_INSIGHTS_MIN_USES)
        continue;
      item->mean_change /= item->n_uses;
      g_ptr_array_add (data->what_helps, g_ptr_array_steal_index_fast (items, i - 1));
    }
  g_ptr_array_sort (data->what_helps, compare_help_items);
}

/* Attendance ------------------------------------------------------------------------------ */

static gboolean
gather_sessions (SteadyReportData  *data,
                 SteadyDatabase    *database,
                 GError           **error)
{
  g_autoptr(SteadySessionStore) sessions = steady_session_store_new (database);
  g_autoptr(SteadyOccurrenceStore) occurrences = steady_occurrence_store_new (database);
  g_autoptr(GPtrArray) list = NULL;
  gint64 now = g_get_real_time ();

  list = steady_session_store_expand (sessions, data->range.from_us, data->range.to_us, NULL,
                                      error);
  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      SteadyOccurrence *occurrence = g_ptr_array_index (list, i);
      SteadyReportSession *session = g_new0 (SteadyReportSession, 1);
      SteadyAttendance attendance = STEADY_ATTENDANCE_UNKNOWN;
      g_autofree char *note = NULL;

      if (!steady_occurrence_store_get_attendance (occurrences, occurrence->series->uuid,
                                                   occurrence->original_start_local,
                                                   &attendance, &note, error))
        {
          report_session_free (session);
          return FALSE;
        }
      session->start_us = occurrence->start_us;
      session->title = g_strdup (occurrence->title);
      session->clinician = g_strdup (occurrence->clinician);
      session->attendance = attendance;
      session->cancelled = (occurrence->flags & STEADY_OCCURRENCE_CANCELLED) != 0 ||
                           attendance == STEADY_ATTENDANCE_CANCELLED;
      if (!session->cancelled && occurrence->start_us < now)
        data->n_sessions_past++;
      if (attendance == STEADY_ATTENDANCE_ATTENDED)
        data->n_sessions_attended++;
      g_ptr_array_add (data->sessions, session);
    }
  return TRUE;
}

/* Public ---------------------------------------------------------------------------------- */

/**
 * steady_report_data_gather:
 * @range: the half-open range of the report
 * @sections: what the person chose to share
 *
 * Reads everything the report shows. The cover summary is always filled in (mood, sessions,
 * skills practised, what helped in the range); the lists only for the sections chosen.
 * Notes are shortened (%STEADY_REPORT_NOTES_SHORT) unless @notes is set after.
 *
 * Returns: (transfer full): the report's contents, or %NULL with @error set
 */
SteadyReportData *
steady_report_data_gather (SteadyDatabase           *database,
                           const SteadyReportRange  *range,
                           SteadyReportSections      sections,
                           GCancellable             *cancellable,
                           GError                  **error)
{
  g_autoptr(SteadyReportData) data = NULL;
  g_autoptr(GHashTable) practised = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) private_days = g_array_new (FALSE, FALSE, sizeof (int));

  g_return_val_if_fail (database != NULL, NULL);
  g_return_val_if_fail (range != NULL && range->from_us < range->to_us, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_new0 (SteadyReportData, 1);
  data->range = *range;
  data->sections = sections;
  data->notes = STEADY_REPORT_NOTES_SHORT;
  data->first_day = local_day_of (range->from_us);
  data->last_day = MAX (data->first_day, local_day_of (range->to_us - 1));
  data->thought_records = g_ptr_array_new_with_free_func (g_object_unref);
  data->worksheets = g_ptr_array_new_with_free_func (g_object_unref);
  data->diary_weeks = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_diary_week_free);
  data->practices = g_ptr_array_new_with_free_func ((GDestroyNotify)report_practice_free);
  data->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify)report_session_free);

  if (!gather_journal (data, database, cancellable, error) ||
      !gather_history (data, database, practised, private_days, cancellable, error) ||
      !gather_practices (data, database, practised, error) ||
      !gather_skill_uses (data, database, practised, error) ||
      !gather_sessions (data, database, error))
    return NULL;
  if ((sections & STEADY_REPORT_SECTION_DIARY) &&
      !gather_diary (data, database, private_days, cancellable, error))
    return NULL;
  g_ptr_array_sort (data->practices, compare_practices);
  data->n_skills_practised = g_hash_table_size (practised);
  data->crisis_line = steady_crisis_lines_lookup (steady_crisis_region_from_environment ());
  compute_what_helped (data);

  if (sections & STEADY_REPORT_SECTION_SAFETY_PLAN)
    {
      g_autoptr(SteadySafetyPlanStore) store = steady_safety_plan_store_new (database);

      data->safety_items = steady_safety_plan_store_list_all (store, error);
      if (data->safety_items == NULL)
        return NULL;
    }
  return g_steal_pointer (&data);
}

/* How many items the report leaves out because the person marked them private. */
guint
steady_report_data_get_n_private (const SteadyReportData *data)
{
  g_return_val_if_fail (data != NULL, 0);

  return data->n_private_entries + data->n_private_records + data->n_private_cards;
}

/* The mean mood of the shared entries' days, or 0 without any. */
double
steady_report_data_get_mean_mood (const SteadyReportData *data)
{
  g_return_val_if_fail (data != NULL, 0);

  return data->days->len > 0 ? steady_mood_chart_mean_mood (data->days) : 0;
}

void
steady_report_data_free (SteadyReportData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->entries, g_ptr_array_unref);
  g_clear_pointer (&data->days, g_array_unref);
  g_clear_pointer (&data->previous_days, g_array_unref);
  g_clear_pointer (&data->emotions, g_ptr_array_unref);
  g_clear_pointer (&data->sleep, g_array_unref);
  g_clear_pointer (&data->thought_records, g_ptr_array_unref);
  g_clear_pointer (&data->worksheets, g_ptr_array_unref);
  g_clear_pointer (&data->diary_weeks, g_ptr_array_unref);
  g_clear_pointer (&data->practices, g_ptr_array_unref);
  g_clear_pointer (&data->sessions, g_ptr_array_unref);
  g_clear_pointer (&data->what_helps, g_ptr_array_unref);
  g_clear_pointer (&data->safety_items, g_ptr_array_unref);
  g_free (data);
}
