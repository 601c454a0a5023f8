/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-csv-import.c: a libFuzzer target for the CSV reader and the Daylio import — any bytes
 * are read (never crashing or hanging), every value read is UTF-8 within the limits, and an
 * export that is accepted yields only moods and notes the journal could store. */

#include "config.h"

#include <stdint.h>

#include "steady-csv-reader.h"
#include "steady-daylio-import.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
read_all_rows (const char *text,
               gsize       length)
{
  g_autoptr(SteadyCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint last_line = 0;

  reader = steady_csv_reader_new (text, length, &error);
  if (reader == NULL)
    {
      g_assert_nonnull (error);
      return;
    }
  while (steady_csv_reader_next_row (reader, &error))
    {
      guint n = steady_csv_reader_get_n_fields (reader);

      g_assert_cmpuint (n, >=, 1);
      g_assert_cmpuint (n, <=, STEADY_CSV_MAX_FIELDS);
      g_assert_cmpuint (steady_csv_reader_get_line (reader), >, last_line);
      last_line = steady_csv_reader_get_line (reader);
      for (guint i = 0; i < n; i++)
        g_assert_true (g_utf8_validate (steady_csv_reader_get_field (reader, i), -1, NULL));
    }
  if (error != NULL)
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static GTimeZone *zone = NULL;
  g_autoptr(SteadyDaylioImport) import = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = (const char *) data;

  if (zone == NULL)
    zone = g_time_zone_new_identifier ("Europe/Berlin");

  read_all_rows (text, size);
  (void) steady_daylio_looks_like (text, size);

  import = steady_daylio_import_new (text, size, zone, &error);
  if (import == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  for (const char * const *mood = steady_daylio_import_get_unknown_moods (import);
       *mood != NULL; mood++)
    {
      g_assert_true (g_utf8_validate (*mood, -1, NULL));
      g_assert_cmpstr (*mood, !=, "");
      steady_daylio_import_set_mood (import, *mood, 3);
    }
  return 0;
}
