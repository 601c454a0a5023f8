/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-csv-reader.h: reads comma-separated values (RFC 4180) from a hostile file, one row
 * at a time, with limits on its size and shape. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Far beyond any real export, and small enough to hold in memory. */
#define STEADY_CSV_MAX_FILE_BYTES (64 * 1024 * 1024)
#define STEADY_CSV_MAX_FIELDS     256

typedef struct _SteadyCsvReader SteadyCsvReader;

SteadyCsvReader   *steady_csv_reader_new       (const char       *data,
                                                gsize             length,
                                                GError          **error);
gboolean           steady_csv_reader_next_row  (SteadyCsvReader  *self,
                                                GError          **error);
guint              steady_csv_reader_get_n_fields (SteadyCsvReader *self);
const char        *steady_csv_reader_get_field (SteadyCsvReader  *self,
                                                guint             index);
guint              steady_csv_reader_get_line  (SteadyCsvReader  *self);
void               steady_csv_reader_free      (SteadyCsvReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyCsvReader, steady_csv_reader_free)

G_END_DECLS
