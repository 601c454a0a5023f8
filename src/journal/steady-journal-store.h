/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-journal-store.h: the mood journal in the database — entries, their vocabulary,
 * summaries for charts, and full-text search. */

#pragma once

#include <gio/gio.h>

#include "steady-database.h"
#include "steady-journal-common.h"
#include "steady-journal-search.h"
#include "steady-journal-search-hit.h"
#include "steady-journal-term.h"
#include "steady-mood-entry.h"

G_BEGIN_DECLS

/* Mood on one local day, for the mood chart. Days without entries are left out. */
typedef struct
{
  int    day;       /* local day, see steady_journal_day_from_date () */
  guint  n_entries;
  double mean_mood;
  int    min_mood;
  int    max_mood;
} SteadyDaySummary;

/* How often an emotion was felt in a range of days. */
typedef struct
{
  char   *uuid;
  char   *name;
  guint   n_entries;
  double  mean_intensity;
} SteadyEmotionCount;

/* Sleep against mood on one local day with sleep recorded. */
typedef struct
{
  int    day;
  double sleep_hours; /* mean of the day's answers */
  double mean_mood;   /* mean of all the day's entries */
} SteadySleepMood;

/* Gives the name to show for a built-in term ("joy" → "Alegría"), or NULL to keep it. */
typedef char *(*SteadyJournalTranslateFunc) (SteadyJournalTermKind  kind,
                                             const char            *builtin,
                                             gpointer               user_data);

#define STEADY_TYPE_JOURNAL_STORE (steady_journal_store_get_type ())
G_DECLARE_FINAL_TYPE (SteadyJournalStore, steady_journal_store, STEADY, JOURNAL_STORE, GObject)

SteadyJournalStore *steady_journal_store_new                 (SteadyDatabase         *database);
SteadyDatabase     *steady_journal_store_get_database        (SteadyJournalStore     *self);

/* Entries */
gboolean            steady_journal_store_create              (SteadyJournalStore     *self,
                                                              SteadyMoodEntry        *entry,
                                                              GError                **error);
gboolean            steady_journal_store_update              (SteadyJournalStore     *self,
                                                              SteadyMoodEntry        *entry,
                                                              GError                **error);
SteadyMoodEntry    *steady_journal_store_delete              (SteadyJournalStore     *self,
                                                              const char             *uuid,
                                                              GError                **error);
gboolean            steady_journal_store_restore             (SteadyJournalStore     *self,
                                                              SteadyMoodEntry        *deleted,
                                                              GError                **error);
SteadyMoodEntry    *steady_journal_store_get                 (SteadyJournalStore     *self,
                                                              const char             *uuid,
                                                              GError                **error);
gboolean            steady_journal_store_count               (SteadyJournalStore     *self,
                                                              guint                  *out_count,
                                                              GError                **error);
gboolean            steady_journal_store_count_newer         (SteadyJournalStore     *self,
                                                              gint64                  time_us,
                                                              gint64                  row_id,
                                                              guint                  *out_count,
                                                              GError                **error);
GPtrArray          *steady_journal_store_list_before         (SteadyJournalStore     *self,
                                                              gint64                  time_us,
                                                              gint64                  row_id,
                                                              guint                   limit,
                                                              GError                **error);
GPtrArray          *steady_journal_store_list_at             (SteadyJournalStore     *self,
                                                              guint                   position,
                                                              guint                   limit,
                                                              GError                **error);

gboolean            steady_journal_store_import              (SteadyJournalStore     *self,
                                                              GPtrArray              *new_tags,
                                                              GPtrArray              *entries,
                                                              GCancellable           *cancellable,
                                                              guint                  *out_n_added,
                                                              GError                **error);
void                steady_journal_store_reload              (SteadyJournalStore     *self);

/* Summaries, over local days first_day..last_day inclusive */
GArray             *steady_journal_store_get_day_summaries   (SteadyJournalStore     *self,
                                                              int                     first_day,
                                                              int                     last_day,
                                                              GError                **error);
GPtrArray          *steady_journal_store_get_emotion_counts  (SteadyJournalStore     *self,
                                                              int                     first_day,
                                                              int                     last_day,
                                                              GError                **error);
GArray             *steady_journal_store_get_sleep_mood      (SteadyJournalStore     *self,
                                                              int                     first_day,
                                                              int                     last_day,
                                                              GError                **error);
void                steady_emotion_count_free                (SteadyEmotionCount     *count);

/* The vocabulary: emotions and activity tags */
GPtrArray          *steady_journal_store_list_terms          (SteadyJournalStore     *self,
                                                              SteadyJournalTermKind   kind,
                                                              GError                **error);
SteadyJournalTerm  *steady_journal_store_add_term            (SteadyJournalStore     *self,
                                                              SteadyJournalTermKind   kind,
                                                              const char             *name,
                                                              GError                **error);
gboolean            steady_journal_store_rename_term         (SteadyJournalStore     *self,
                                                              SteadyJournalTermKind   kind,
                                                              const char             *uuid,
                                                              const char             *name,
                                                              GError                **error);
gboolean            steady_journal_store_merge_terms         (SteadyJournalStore     *self,
                                                              SteadyJournalTermKind   kind,
                                                              const char             *from_uuid,
                                                              const char             *into_uuid,
                                                              GError                **error);
gboolean            steady_journal_store_delete_term         (SteadyJournalStore     *self,
                                                              SteadyJournalTermKind   kind,
                                                              const char             *uuid,
                                                              GError                **error);
gboolean            steady_journal_store_localize_builtin_terms (SteadyJournalStore  *self,
                                                              SteadyJournalTranslateFunc translate,
                                                              gpointer                user_data,
                                                              GError                **error);

/* Search */
GPtrArray          *steady_journal_store_search              (SteadyJournalStore     *self,
                                                              const SteadyJournalQuery *query,
                                                              SteadyJournalSearchHit *after,
                                                              guint                   limit,
                                                              GError                **error);
gboolean            steady_journal_store_check_search_index  (SteadyJournalStore     *self,
                                                              GError                **error);
gboolean            steady_journal_store_tidy_search_index   (const char             *db_path,
                                                              gboolean               *out_tidied,
                                                              GError                **error);

G_END_DECLS
