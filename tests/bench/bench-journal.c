/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-journal.c: times what the journal does while the user waits — a one-word search,
 * opening the journal page, a durable save, a year of daily summaries — on generated
 * databases of 1, 5 and 20 years, and prints one line per measurement:
 *
 *   name measured_ms goal_ms met|missed
 *
 * Medians of several runs, after one warm-up run. Lines without a goal in PERFORMANCE.md
 * say "-" and "info". */

#define G_LOG_DOMAIN "bench-journal"

#include "config.h"

#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "steady-bench-util.h"
#include "steady-database.h"
#include "steady-journal-model.h"
#include "steady-journal-store.h"

#define SEARCH_GOAL   5.0
#define PAGE_GOAL     30.0
#define SAVE_GOAL     5.0
#define FIRST_ROWS    50
#define RESULTS_SHOWN 50

typedef double (*Measure) (SteadyJournalStore *store,
                           guint               run,
                           gpointer            data);

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

/* Runs @measure once to warm up, then @runs times, and returns the median. */
static double
median_of (SteadyJournalStore *store,
           guint               runs,
           Measure             measure,
           gpointer            data)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  measure (store, 0, data);
  for (guint run = 1; run <= runs; run++)
    {
      double ms = measure (store, run, data);

      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

/* The first page of results for @data, as the search field shows it, snippets included. */
static double
measure_search (SteadyJournalStore *store,
                guint               run,
                gpointer            data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  SteadyJournalQuery query;
  double start;

  steady_journal_query_init (&query);
  query.text = data;
  start = steady_bench_now_ms ();
  hits = steady_journal_store_search (store, &query, NULL, RESULTS_SHOWN, &error);
  if (hits == NULL)
    steady_bench_die ("search", error);
  return steady_bench_now_ms () - start;
}

/* Opening the journal page: the count, then the first rows the list shows. */
static double
measure_page_open (SteadyJournalStore *store,
                   guint               run,
                   gpointer            data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournalModel) model = NULL;
  double start = steady_bench_now_ms ();

  model = steady_journal_model_new (store, &error);
  if (model == NULL)
    steady_bench_die ("journal model", error);
  for (guint i = 0; i < FIRST_ROWS; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  return steady_bench_now_ms () - start;
}

/* A typical check-in: a 200-word note, two emotions, two tags. */
static double
measure_save (SteadyJournalStore *store,
              guint               run,
              gpointer            data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyMoodEntry) entry = steady_mood_entry_new ();
  g_autoptr(GString) note = g_string_new (NULL);
  double start;

  while (note->len < 1200)
    g_string_append (note, "A calmer evening after group; I used paced breathing and called my sister. ");
  steady_mood_entry_set_mood (entry, 1 + run % 5);
  steady_mood_entry_set_anxiety (entry, 4);
  steady_mood_entry_set_sleep_hours (entry, 7);
  steady_mood_entry_set_note (entry, note->str);
  steady_mood_entry_set_emotion (entry, "6b2a2845-dd38-4568-be96-68d57b53fa4a", NULL, 60);
  steady_mood_entry_set_emotion (entry, "dbbe7dcc-a014-430b-9fd6-bd58486d05ac", NULL, 40);
  steady_mood_entry_add_tag (entry, "10960938-be61-43a8-9102-18270354e200", NULL);
  steady_mood_entry_add_tag (entry, "6e539c0c-82b8-4935-9317-3d53df0f91f4", NULL);

  start = steady_bench_now_ms ();
  if (!steady_journal_store_create (store, entry, &error))
    steady_bench_die ("save", error);
  return steady_bench_now_ms () - start;
}

static int
last_day (SteadyJournalStore *store)
{
  sqlite3 *db = steady_database_get_handle (steady_journal_store_get_database (store));
  sqlite3_stmt *stmt = NULL;
  int day = 0;

  if (sqlite3_prepare_v2 (db, "SELECT max(local_day) FROM mood_entry", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    day = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return day;
}

/* The mood chart's year: a summary per day for the last 365 days. */
static double
measure_year_summaries (SteadyJournalStore *store,
                        guint               run,
                        gpointer            data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  int last = GPOINTER_TO_INT (data);
  double start = steady_bench_now_ms ();

  days = steady_journal_store_get_day_summaries (store, last - 364, last, &error);
  if (days == NULL)
    steady_bench_die ("summaries", error);
  return steady_bench_now_ms () - start;
}

static double
measure_year_emotions (SteadyJournalStore *store,
                       guint               run,
                       gpointer            data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  int last = GPOINTER_TO_INT (data);
  double start = steady_bench_now_ms ();

  counts = steady_journal_store_get_emotion_counts (store, last - 364, last, &error);
  if (counts == NULL)
    steady_bench_die ("emotion counts", error);
  return steady_bench_now_ms () - start;
}

/* Deleting leaves no trace, so it merges the whole search index: the cost of that. */
static double
measure_delete (SteadyJournalStore *store,
                guint               run,
                gpointer            data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) newest = steady_journal_store_list_before (store, G_MAXINT64, G_MAXINT64,
                                                                  1, &error);
  g_autoptr(SteadyMoodEntry) deleted = NULL;
  double start;

  if (newest == NULL || newest->len == 0)
    steady_bench_die ("delete", error);
  start = steady_bench_now_ms ();
  deleted = steady_journal_store_delete (store,
                                         steady_mood_entry_get_uuid (g_ptr_array_index (newest, 0)),
                                         &error);
  if (deleted == NULL)
    steady_bench_die ("delete", error);
  return steady_bench_now_ms () - start;
}

/* A word of the index found in between @min_share and @max_share of the entries; the
 * same one for the same database. */
static char *
pick_word (SteadyDatabase *database,
           guint           n_entries,
           double          min_share,
           double          max_share)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = steady_database_get_handle (database);
  sqlite3_stmt *stmt = NULL;
  char *word = NULL;

  if (!steady_database_exec (database,
                             "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_words"
                             " USING fts5vocab (main, search_fts, row)", &error))
    steady_bench_die ("fts5vocab", error);
  if (sqlite3_prepare_v2 (db,
                          "SELECT term FROM temp.search_words"
                          " WHERE doc BETWEEN max (?1, 1) AND max (?2, 3) AND length (term) >= 5"
                          "   AND term NOT GLOB '*[0-9]*'"
                          " ORDER BY doc DESC, term LIMIT 1", -1, &stmt, NULL) != SQLITE_OK)
    steady_bench_die (sqlite3_errmsg (db), NULL);
  sqlite3_bind_int64 (stmt, 1, (gint64)(min_share * n_entries));
  sqlite3_bind_int64 (stmt, 2, (gint64)(max_share * n_entries));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    word = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (word == NULL)
    steady_bench_die ("no word of that frequency in the index", NULL);
  return word;
}

static void
bench_years (const char *source,
             int         years,
             guint       runs,
             GHashTable *results)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("steady-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) from = g_file_new_for_path (source);
  g_autoptr(GFile) to = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autoptr(SteadyJournalStore) store = NULL;
  guint n_entries = 0;
  GStatBuf st;
  int day;
  struct
  {
    const char *name;
    double      min_share;
    double      max_share;
    char       *word;
  } searches[] = {
    /* A word in most entries. */
    { "search_one_word_common", 0.3, 1.0, NULL },
    /* A word in a few entries in a hundred: a person, a place, a worry. */
    { "search_one_word", 0.01, 0.1, NULL },
    /* A word in a handful of entries over all the years. */
    { "search_one_word_rare", 0.0, 0.001, NULL },
    /* The first letters typed: every word starting with them. */
    { "search_first_letter", -1, -1, g_strdup ("s") },
    { "search_two_letters", -1, -1, g_strdup ("st") },
  };

  if (dir == NULL)
    steady_bench_die ("temporary folder", error);
  path = g_build_filename (dir, "steady.db", NULL);
  to = g_file_new_for_path (path);
  /* Work on a copy: saves and deletes must not change the cached database. */
  if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    steady_bench_die ("copy", error);
  /* Flush the copy now, or its write-back competes with the saves' fsync. */
  {
    int fd = g_open (path, O_RDWR | O_CLOEXEC, 0);

    if (fd < 0 || fsync (fd) != 0)
      steady_bench_die ("fsync", NULL);
    close (fd);
  }
  database = steady_database_open (path, &error);
  if (database == NULL)
    steady_bench_die ("open", error);
  store = steady_journal_store_new (database);
  if (!steady_journal_store_count (store, &n_entries, &error))
    steady_bench_die ("count", error);
  g_stat (path, &st);
  g_print ("# %d years: %u entries, %.1f MB; median of %u runs\n", years, n_entries,
           st.st_size / 1e6, runs);

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      double ms;

      if (searches[i].word == NULL)
        searches[i].word = pick_word (database, n_entries, searches[i].min_share,
                                      searches[i].max_share);
      ms = median_of (store, runs, measure_search, searches[i].word);
      g_print ("# %s: \"%s\"\n", searches[i].name, searches[i].word);
      steady_bench_report (searches[i].name, years, ms, SEARCH_GOAL);
      g_free (searches[i].word);
      g_hash_table_insert (results, g_strdup_printf ("%s@%d", searches[i].name, years),
                           g_memdup2 (&ms, sizeof ms));
    }

  {
    double ms = median_of (store, runs, measure_page_open, NULL);

    steady_bench_report ("journal_page_open", years, ms, PAGE_GOAL);
    g_hash_table_insert (results, g_strdup_printf ("journal_page_open@%d", years),
                         g_memdup2 (&ms, sizeof ms));
  }

  day = last_day (store);
  steady_bench_report ("summaries_year", years,
                       median_of (store, runs, measure_year_summaries, GINT_TO_POINTER (day)), 0);
  steady_bench_report ("emotion_counts_year", years,
                       median_of (store, runs, measure_year_emotions, GINT_TO_POINTER (day)), 0);

  /* Durable: each save waits for fsync of the log (synchronous=FULL). */
  steady_bench_report ("save_entry_durable", years, median_of (store, runs, measure_save, NULL),
                       SAVE_GOAL);
  /* The same save without waiting for the disk: the part that is ours. */
  if (!steady_database_exec (database, "PRAGMA synchronous = OFF", &error))
    steady_bench_die ("pragma", error);
  steady_bench_report ("save_entry_without_fsync", years,
                       median_of (store, runs, measure_save, NULL), SAVE_GOAL);
  if (!steady_database_exec (database, "PRAGMA synchronous = FULL", &error))
    steady_bench_die ("pragma", error);

  steady_bench_report ("delete_entry_no_trace", years,
                       median_of (store, MIN (runs, 5), measure_delete, NULL), 0);

  g_clear_object (&store);
  g_clear_object (&database);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *generator = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *years_list = NULL;
  g_auto(GStrv) years = NULL;
  int runs = 21;
  const GOptionEntry options[] = {
    { "generator", 0, 0, G_OPTION_ARG_FILENAME, &generator, "steady-bench-data", "PATH" },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "Where generated databases are kept",
      "DIR" },
    { "years", 0, 0, G_OPTION_ARG_STRING, &years_list, "Sizes to measure (default 1,5,20)",
      "LIST" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per measurement (default 21)", "N" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1)
    steady_bench_die ("options", error);
  if (data_dir == NULL)
    data_dir = g_build_filename (g_get_tmp_dir (), "steady-bench-data", NULL);
  years = g_strsplit (years_list != NULL ? years_list : "1,5,20", ",", -1);

  g_print ("# bench-journal: name measured_ms goal_ms met|missed (goals: PERFORMANCE.md)\n");
  for (guint i = 0; years[i] != NULL; i++)
    {
      int n = atoi (years[i]);
      g_autofree char *path = steady_bench_ensure_database (generator, data_dir, n);

      bench_years (path, n, (guint)runs, results);
    }

  /* Flat from 1 to 20 years is a goal too. */
  {
    const char *flat[] = { "search_one_word", "search_one_word_common", "journal_page_open" };
    int first = atoi (years[0]);
    int last = atoi (years[g_strv_length (years) - 1]);

    for (guint i = 0; i < G_N_ELEMENTS (flat) && first != last; i++)
      {
        g_autofree char *a = g_strdup_printf ("%s@%d", flat[i], first);
        g_autofree char *b = g_strdup_printf ("%s@%d", flat[i], last);
        double *at_first = g_hash_table_lookup (results, a);
        double *at_last = g_hash_table_lookup (results, b);

        if (at_first != NULL && at_last != NULL)
          g_print ("# %s grows %.2fx from %d to %d years\n", flat[i], *at_last / *at_first,
                   first, last);
      }
  }
  return 0;
}
