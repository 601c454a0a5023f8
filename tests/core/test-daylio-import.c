/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-daylio-import.c: moving from Daylio — our own sample export imports with the expected
 * entries, moods, tags and notes; a second import adds nothing; moods of the person's own are
 * left out and counted unless placed on the scale; a malformed file changes nothing. Also the
 * CSV reader's handling of what apps really write. */

#include "config.h"

#include <locale.h>

#include "steady-csv-reader.h"
#include "steady-daylio-import.h"
#include "steady-database.h"
#include "steady-journal-store.h"

#define HEADER "full_date,date,weekday,time,mood,activities,note_title,note\n"

typedef struct
{
  SteadyDatabase     *db;
  SteadyJournalStore *store;
  GTimeZone          *zone;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_database_get_default_path ();

  f->db = steady_database_open (path, &error);
  g_assert_no_error (error);
  f->store = steady_journal_store_new (f->db);
  f->zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_assert_nonnull (f->zone);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->db);
  g_clear_pointer (&f->zone, g_time_zone_unref);
}

static guint
count_entries (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  guint count = 0;

  g_assert_true (steady_journal_store_count (f->store, &count, &error));
  g_assert_no_error (error);
  return count;
}

static guint
count_tags (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tags = steady_journal_store_list_terms (f->store, STEADY_JOURNAL_TERM_TAG,
                                                               &error);

  g_assert_no_error (error);
  return tags->len;
}

static SteadyDaylioImport *
load_sample (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "fixtures",
                                                                    "daylio-export.csv", NULL));
  SteadyDaylioImport *import = steady_daylio_import_new_from_file (file, f->zone, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static SteadyMoodEntry *
entry_at (Fixture    *f,
          const char *iso)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  gint64 time_us;

  g_assert_nonnull (when);
  time_us = g_date_time_to_unix (when) * G_USEC_PER_SEC;
  page = steady_journal_store_list_before (f->store, time_us + 1, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 1);
  g_assert_cmpint (steady_mood_entry_get_time (g_ptr_array_index (page, 0)), ==, time_us);
  return g_object_ref (g_ptr_array_index (page, 0));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
tag_names (SteadyMoodEntry *entry)
{
  GPtrArray *tags = steady_mood_entry_get_tags (entry);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < tags->len; i++)
    g_ptr_array_add (names, ((SteadyMoodTag *) g_ptr_array_index (tags, i))->name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("|", (char **) names->pdata);
}

static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SteadyDaylioImport) import = load_sample (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyMoodEntry) spring = NULL;
  g_autoptr(SteadyMoodEntry) morning = NULL;
  g_autoptr(SteadyMoodEntry) formula = NULL;
  g_autoptr(SteadyMoodEntry) accents = NULL;
  g_autoptr(SteadyMoodEntry) shouted = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *words = NULL;
  const char * const *unknown = steady_daylio_import_get_unknown_moods (import);
  guint tags_before = count_tags (f);
  SteadyDaylioSummary preview, done;

  g_assert_cmpuint (g_strv_length ((char **) unknown), ==, 1);
  g_assert_cmpstr (unknown[0], ==, "Sleepy-ish");

  /* The preview says what will happen and writes nothing. */
  g_assert_true (steady_daylio_import_preview (import, f->store, &preview, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (preview.n_rows, ==, 7);
  g_assert_cmpuint (preview.n_added, ==, 6);
  g_assert_cmpuint (preview.n_already, ==, 0);
  g_assert_cmpuint (preview.n_unknown_mood, ==, 1);
  /* friends, café, walk, sleep early; "work" is the built-in "Work". */
  g_assert_cmpuint (preview.n_new_tags, ==, 4);
  g_assert_cmpuint (count_entries (f), ==, 0);
  g_assert_cmpuint (count_tags (f), ==, tags_before);
  words = steady_daylio_describe (&preview, FALSE);
  g_assert_nonnull (strstr (words, "6 new entries will be added"));
  g_assert_nonnull (strstr (words, "4 activities will become new tags."));
  g_assert_nonnull (strstr (words, "1 entry with a mood of your own will be left out."));

  g_assert_true (steady_daylio_import_apply (import, f->store, NULL, &done, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (&done, sizeof done, &preview, sizeof preview);
  g_assert_cmpuint (count_entries (f), ==, 6);
  g_assert_cmpuint (count_tags (f), ==, tags_before + 4);

  /* Wall-clock times in the zone, on both sides of the spring change. */
  accents = entry_at (f, "2026-03-27T21:40:00+01:00");
  g_assert_cmpint (steady_mood_entry_get_mood (accents), ==, 5);
  g_assert_cmpint (steady_mood_entry_get_utc_offset (accents), ==, 3600);
  g_assert_cmpstr (steady_mood_entry_get_note (accents), ==,
                   "Día genial\n\nFuimos al café con Zoë, señora Núñez y \"la pandilla\", "
                   "sin prisa.");
  tags = tag_names (accents);
  g_assert_cmpstr (tags, ==, "café|friends|walk");
  g_clear_pointer (&tags, g_free);

  morning = entry_at (f, "2026-03-28T08:05:00+01:00");
  g_assert_cmpint (steady_mood_entry_get_mood (morning), ==, 4);
  g_assert_cmpstr (steady_mood_entry_get_note (morning), ==,
                   "Slept 8 hours.\nWoke up calm, then a walk by the river, about 5 km.");
  tags = tag_names (morning);
  g_assert_cmpstr (tags, ==, "sleep early|walk");
  g_clear_pointer (&tags, g_free);

  spring = entry_at (f, "2026-03-29T14:30:00+02:00");
  g_assert_cmpint (steady_mood_entry_get_mood (spring), ==, 3);
  g_assert_cmpint (steady_mood_entry_get_utc_offset (spring), ==, 7200);
  g_assert_cmpuint (steady_mood_entry_get_tags (spring)->len, ==, 0);

  /* "work | Work" is one tag, the built-in one; the note is kept exactly as written. */
  formula = entry_at (f, "2026-03-30T19:00:00+02:00");
  g_assert_cmpint (steady_mood_entry_get_mood (formula), ==, 2);
  tags = tag_names (formula);
  g_assert_cmpstr (tags, ==, "Work");
  g_clear_pointer (&tags, g_free);
  g_assert_cmpstr (steady_mood_entry_get_note (formula), ==,
                   "Rough day\n\n=SUM(A1) is what my boss said, \"literally\".");

  /* Mood names in any case and with spaces around them. */
  shouted = entry_at (f, "2026-04-02T07:30:00+02:00");
  g_assert_cmpint (steady_mood_entry_get_mood (shouted), ==, 5);
  g_assert_cmpstr (steady_mood_entry_get_note (shouted), ==,
                   "Ünïcödé ✓\n\nEin Tag in Köln: „gut“.");
}

static void
test_twice (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SteadyDaylioSummary summary;
  guint tags_after_first;

  {
    g_autoptr(SteadyDaylioImport) import = load_sample (f);

    g_assert_true (steady_daylio_import_apply (import, f->store, NULL, &summary, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (summary.n_added, ==, 6);
  }
  tags_after_first = count_tags (f);
  {
    g_autoptr(SteadyDaylioImport) import = load_sample (f);
    g_autofree char *words = NULL;

    g_assert_true (steady_daylio_import_preview (import, f->store, &summary, &error));
    g_assert_cmpuint (summary.n_added, ==, 0);
    g_assert_cmpuint (summary.n_already, ==, 6);
    g_assert_cmpuint (summary.n_new_tags, ==, 0);
    g_assert_true (steady_daylio_import_apply (import, f->store, NULL, &summary, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (summary.n_added, ==, 0);
    g_assert_cmpuint (summary.n_already, ==, 6);
    words = steady_daylio_describe (&summary, TRUE);
    g_assert_nonnull (strstr (words, "Imported 0 entries"));
    g_assert_nonnull (strstr (words, "6 were already there"));
  }
  g_assert_cmpuint (count_entries (f), ==, 6);
  g_assert_cmpuint (count_tags (f), ==, tags_after_first);

  /* The person places their own mood on the scale: only that entry is new. */
  {
    g_autoptr(SteadyDaylioImport) import = load_sample (f);
    g_autoptr(SteadyMoodEntry) own = NULL;

    steady_daylio_import_set_mood (import, "sleepy-ISH", 2);
    g_assert_true (steady_daylio_import_apply (import, f->store, NULL, &summary, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (summary.n_added, ==, 1);
    g_assert_cmpuint (summary.n_unknown_mood, ==, 0);
    own = entry_at (f, "2026-04-01T12:00:00+02:00");
    g_assert_cmpint (steady_mood_entry_get_mood (own), ==, 2);
  }
  g_assert_cmpuint (count_entries (f), ==, 7);
}

/* Each file is refused whole, with a message that says where and what, and nothing is
 * written — not even the rows before the bad one. */
static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  static const struct
  {
    const char *csv;
    const char *message;
  } cases[] = {
    { "date,mood,note\n2026-01-01,rad,x\n", "not a Daylio export" },
    { "", "not a Daylio export" },
    { HEADER, "no entries" },
    { HEADER "2026-01-01,,,10:00,good,,,\"fine\n2026-01-02,,,10:00,good,,,unclosed\n",
      "line 2 never ends" },
    { HEADER "2026-01-01,,,10:00,good,,,ok\n1800-01-01,,,10:00,good,,,old\n",
      "Line 3: Choose a date between the years" },
    { HEADER "2026-01-01,,,10:00,good,,,ok\n2026-02-30,,,10:00,good,,,x\n",
      "Line 3: The date 2026-02-30 does not exist" },
    { HEADER "2026-01-01,,,10:00,good,,,ok\n01/02/2026,,,10:00,good,,,x\n",
      "Line 3: “01/02/2026” is not a date" },
    { HEADER "2026-01-01,,,25:00,good,,,x\n", "Line 2: The time is not a time of day" },
    { HEADER "2026-01-01,,,13:00 PM,good,,,x\n", "Line 2: The time" },
    { HEADER "2026-01-01,,,10:00,,,,x\n", "Line 2: It has no mood" },
    { HEADER "2026-01-01,,,10:00,good\n", "Line 2: It has fewer columns" },
    { HEADER "2026-01-01,,,10:00,good,,,\"a\"b\n", "text right after a closing quote" },
    { HEADER "2026-01-01,,,10:00,good,,,caf\xe9\n", "not UTF-8" },
  };
  guint tags_before = count_tags (f);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SteadyDaylioImport) import = NULL;

      import = steady_daylio_import_new (cases[i].csv, strlen (cases[i].csv), f->zone, &error);
      g_assert_null (import);
      g_assert_error (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_INVALID_FILE);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %" G_GSIZE_FORMAT ": “%s” does not say “%s”", i, error->message,
                 cases[i].message);
    }

  /* A note over the journal's limit, after a good row. */
  {
    g_autoptr(GString) csv = g_string_new (HEADER "2026-01-01,,,10:00,good,new tag,,first\n");
    g_autoptr(GError) error = NULL;

    g_string_append (csv, "2026-01-02,,,10:00,good,,,\"");
    for (int i = 0; i < 4 * 1024 * 1024 / 8 + 1; i++)
      g_string_append (csv, "12345678");
    g_string_append (csv, "\"\n");
    g_assert_null (steady_daylio_import_new (csv->str, csv->len, f->zone, &error));
    g_assert_error (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_INVALID_FILE);
    g_assert_nonnull (strstr (error->message, "Line 3: The note is longer"));
  }

  /* A file with only moods of the person's own imports nothing, and says so. */
  {
    static const char own[] = HEADER "2026-01-01,,,10:00,sparkly,walk,,x\n";
    g_autoptr(GError) error = NULL;
    g_autoptr(SteadyDaylioImport) import = steady_daylio_import_new (own, strlen (own), f->zone,
                                                                     &error);
    g_autofree char *words = NULL;
    SteadyDaylioSummary summary;

    g_assert_no_error (error);
    g_assert_true (steady_daylio_import_apply (import, f->store, NULL, &summary, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (summary.n_added, ==, 0);
    g_assert_cmpuint (summary.n_unknown_mood, ==, 1);
    g_assert_cmpuint (summary.n_new_tags, ==, 0);
    words = steady_daylio_describe (&summary, TRUE);
    g_assert_nonnull (strstr (words, "mood of your own was left out"));
  }
  g_assert_cmpuint (count_entries (f), ==, 0);
  g_assert_cmpuint (count_tags (f), ==, tags_before);
}

/* An import that fails inside its transaction (here: an entry naming a tag that does not
 * exist, after a new tag and a good entry) leaves neither the tag nor the good entry. */
static void
test_one_transaction (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) new_tags = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *tag_uuid = g_uuid_string_random ();
  g_autofree char *gone_uuid = g_uuid_string_random ();
  guint tags_before = count_tags (f);
  guint n_added = 99;

  g_ptr_array_add (new_tags, steady_journal_term_new (STEADY_JOURNAL_TERM_TAG, tag_uuid,
                                                      "brand new", NULL, 0));
  for (int i = 0; i < 2; i++)
    {
      SteadyMoodEntry *entry = steady_mood_entry_new ();

      steady_mood_entry_set_time (entry, (gint64) (1767261600 + i * 3600) * G_USEC_PER_SEC,
                                  3600);
      steady_mood_entry_set_mood (entry, 3);
      steady_mood_entry_add_tag (entry, i == 0 ? tag_uuid : gone_uuid, "tag");
      g_ptr_array_add (entries, entry);
    }
  g_assert_false (steady_journal_store_import (f->store, new_tags, entries, NULL, &n_added,
                                               &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (n_added, ==, 99);
  g_assert_cmpuint (count_entries (f), ==, 0);
  g_assert_cmpuint (count_tags (f), ==, tags_before);
  g_clear_error (&error);

  /* Cancelled: nothing either. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_cancellable_cancel (cancellable);
    g_ptr_array_remove_index (entries, 1);
    g_assert_false (steady_journal_store_import (f->store, new_tags, entries, cancellable,
                                                 &n_added, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_cmpuint (count_entries (f), ==, 0);
    g_assert_cmpuint (count_tags (f), ==, tags_before);
  }

  /* The same without the bad entry goes in whole. */
  g_assert_true (steady_journal_store_import (f->store, new_tags, entries, NULL, &n_added,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 1);
  g_assert_cmpuint (count_entries (f), ==, 1);
  g_assert_cmpuint (count_tags (f), ==, tags_before + 1);
}

static void
test_sniff (void)
{
  static const char daylio[] = "\xEF\xBB\xBF" "full_date,date,weekday,time,mood,activities,"
                               "note_title,note\r\n2026-01-01,,,10:00,rad,,,\r\n";
  static const char other[] = "date,mood\n";

  g_assert_true (steady_daylio_looks_like (daylio, sizeof daylio - 1));
  g_assert_false (steady_daylio_looks_like (other, sizeof other - 1));
  g_assert_false (steady_daylio_looks_like ("", 0));
  g_assert_false (steady_daylio_looks_like ("BEGIN:VCALENDAR\r\n", 17));
}

static void
test_reader (void)
{
  static const char text[] = "\xEF\xBB\xBF" "a,\"b,1\",\"c \"\"q\"\"\"\r\n"
                             "\r\n"
                             "x,\"multi\r\nline\",\r\n"
                             "un\"quoted,,\"\"\n"
                             "last";
  g_autoptr(SteadyCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  reader = steady_csv_reader_new (text, sizeof text - 1, &error);
  g_assert_no_error (error);

  g_assert_true (steady_csv_reader_next_row (reader, &error));
  g_assert_cmpuint (steady_csv_reader_get_n_fields (reader), ==, 3);
  g_assert_cmpstr (steady_csv_reader_get_field (reader, 0), ==, "a");
  g_assert_cmpstr (steady_csv_reader_get_field (reader, 1), ==, "b,1");
  g_assert_cmpstr (steady_csv_reader_get_field (reader, 2), ==, "c \"q\"");
  g_assert_cmpuint (steady_csv_reader_get_line (reader), ==, 1);

  /* The blank line is skipped; a quoted line break stays in the value, as it was written. */
  g_assert_true (steady_csv_reader_next_row (reader, &error));
  g_assert_cmpuint (steady_csv_reader_get_line (reader), ==, 3);
  g_assert_cmpuint (steady_csv_reader_get_n_fields (reader), ==, 3);
  g_assert_cmpstr (steady_csv_reader_get_field (reader, 1), ==, "multi\r\nline");
  g_assert_cmpstr (steady_csv_reader_get_field (reader, 2), ==, "");

  g_assert_true (steady_csv_reader_next_row (reader, &error));
  g_assert_cmpuint (steady_csv_reader_get_line (reader), ==, 5);
  g_assert_cmpuint (steady_csv_reader_get_n_fields (reader), ==, 3);
  g_assert_cmpstr (steady_csv_reader_get_field (reader, 0), ==, "un\"quoted");
  g_assert_cmpstr (steady_csv_reader_get_field (reader, 1), ==, "");
  g_assert_cmpstr (steady_csv_reader_get_field (reader, 2), ==, "");

  /* The last row needs no line end. */
  g_assert_true (steady_csv_reader_next_row (reader, &error));
  g_assert_cmpuint (steady_csv_reader_get_n_fields (reader), ==, 1);
  g_assert_cmpstr (steady_csv_reader_get_field (reader, 0), ==, "last");
  g_assert_false (steady_csv_reader_next_row (reader, &error));
  g_assert_no_error (error);

  /* Too many columns, and a file too large, are refused before anything else. */
  {
    g_autoptr(GString) wide = g_string_new (NULL);
    g_autoptr(SteadyCsvReader) wide_reader = NULL;

    for (int i = 0; i <= STEADY_CSV_MAX_FIELDS; i++)
      g_string_append (wide, "x,");
    wide_reader = steady_csv_reader_new (wide->str, wide->len, &error);
    g_assert_false (steady_csv_reader_next_row (wide_reader, &error));
    g_assert_error (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_INVALID_FILE);
    g_clear_error (&error);
  }
  g_assert_null (steady_csv_reader_new ("", STEADY_CSV_MAX_FILE_BYTES + 1, &error));
  g_assert_error (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_INVALID_FILE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/daylio-import/sample", Fixture, NULL, fixture_set_up, test_sample,
              fixture_tear_down);
  g_test_add ("/daylio-import/twice", Fixture, NULL, fixture_set_up, test_twice,
              fixture_tear_down);
  g_test_add ("/daylio-import/malformed", Fixture, NULL, fixture_set_up, test_malformed,
              fixture_tear_down);
  g_test_add ("/daylio-import/one-transaction", Fixture, NULL, fixture_set_up,
              test_one_transaction, fixture_tear_down);
  g_test_add_func ("/daylio-import/sniff", test_sniff);
  g_test_add_func ("/csv-reader/rows", test_reader);
  return g_test_run ();
}
