/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-test-util.h: helpers the core tests share — file fingerprints, modes, and
 * databases with known rows. */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "steady-database.h"

G_BEGIN_DECLS

/* What a refused file must keep: its bytes and its modification time. */
typedef struct
{
  char   *checksum;
  gint64  mtime_ns;
} SteadyTestFingerprint;

void            steady_test_fingerprint_take      (SteadyTestFingerprint *print,
                                                   const char            *path);
void            steady_test_fingerprint_assert    (const SteadyTestFingerprint *print,
                                                   const char            *path);
void            steady_test_fingerprint_clear     (SteadyTestFingerprint *print);

char           *steady_test_data_path             (const char            *name);
guint           steady_test_file_mode             (const char            *path);
void            steady_test_assert_no_sidecars    (const char            *path);
int             steady_test_local_day             (int                    year,
                                                   int                    month,
                                                   int                    day);
void            steady_test_assert_message_without_path (const GError    *error,
                                                         const char      *path);

int             steady_test_query_int             (sqlite3               *db,
                                                   const char            *sql);
char           *steady_test_query_text            (sqlite3               *db,
                                                   const char            *sql);
void            steady_test_exec                  (sqlite3               *db,
                                                   const char            *sql);

SteadyDatabase *steady_test_open_with_rows        (const char            *path,
                                                   int                    n_rows,
                                                   int                    payload_bytes);
void            steady_test_assert_rows_prefix    (const char            *path,
                                                   int                    min_rows);
void            steady_test_assert_integrity_ok   (const char            *path);
void            steady_test_damage_btree_page     (const char            *path);

/* Tools of the system, and PDF files read back with poppler-utils */
char           *steady_test_run_tool              (const char * const    *argv);
char           *steady_test_pdf_text              (const char            *path,
                                                   gboolean               layout);
char           *steady_test_pdf_info              (const char            *path);
guint           steady_test_pdf_pages             (const char            *path);

G_END_DECLS
