/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-ics-import.c: a libFuzzer target for the ICS importer — any bytes are read (never
 * crashing or hanging), and whatever series come out are expanded over a year, so that the
 * recurrence code sees hostile rules too. */

#include "config.h"

#include <stdint.h>

#include "steady-ics-import.h"
#include "steady-recurrence.h"

/* Expanding thousands of series per input would only slow the fuzzer down. */
#define MAX_SERIES_EXPANDED 20

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static GTimeZone *zone = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SteadyIcsImport) import = NULL;
  gint64 from, to;

  if (zone == NULL)
    zone = g_time_zone_new_identifier ("America/New_York");

  bytes = g_bytes_new_static (data, size);
  import = steady_ics_import_parse (bytes, zone, NULL);
  if (import == NULL)
    return 0;

  g_assert_cmpuint (import->series->len, ==, import->overrides->len);
  from = (gint64)1735689600 * G_USEC_PER_SEC;  /* 2025-01-01 */
  to = from + (gint64)366 * 24 * 3600 * G_USEC_PER_SEC;
  for (guint i = 0; i < import->series->len && i < MAX_SERIES_EXPANDED; i++)
    {
      g_autoptr(GPtrArray) occurrences = NULL;

      occurrences = steady_recurrence_expand (g_ptr_array_index (import->series, i),
                                              g_ptr_array_index (import->overrides, i), zone,
                                              from, to, NULL);
      for (guint j = 0; occurrences != NULL && j < occurrences->len; j++)
        {
          SteadyOccurrence *occurrence = g_ptr_array_index (occurrences, j);

          g_assert_cmpint (occurrence->end_us, >, occurrence->start_us);
          g_assert_true (g_utf8_validate (occurrence->title, -1, NULL));
        }
    }
  for (guint i = 0; i < import->messages->len; i++)
    g_assert_true (g_utf8_validate (g_ptr_array_index (import->messages, i), -1, NULL));
  return 0;
}
