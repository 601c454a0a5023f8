/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-journal-store-private.h: what the parts of the journal store share — cached
 * statements, reading an entry from a row, and the change signals. */

#pragma once

#include <sqlite3.h>

#include "steady-journal-store.h"

G_BEGIN_DECLS

/* A cached statement that is reset when it goes out of scope, so no read transaction stays
 * open behind the user's back (an open one would stop checkpoints). */
typedef sqlite3_stmt SteadyStmt;

static inline void
_steady_stmt_reset (SteadyStmt *stmt)
{
  sqlite3_reset (stmt);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyStmt, _steady_stmt_reset)

/* The columns _steady_journal_store_read_entries () reads, from mood_entry AS e. */
#define STEADY_ENTRY_COLUMNS \
  "e.id, e.uuid, e.created_us, e.updated_us, e.at_us, e.utc_offset_s, e.mood, e.anxiety, " \
  "e.energy, e.sleep_hours, e.medication, e.medications, e.note, e.private"
#define STEADY_ENTRY_N_COLUMNS 14

SteadyStmt      *_steady_journal_store_prepare      (SteadyJournalStore  *self,
                                                     const char          *sql,
                                                     GError             **error);
sqlite3         *_steady_journal_store_get_handle   (SteadyJournalStore  *self);
void             _steady_journal_store_set_error    (SteadyJournalStore  *self,
                                                     GError             **error,
                                                     int                  rc,
                                                     const char          *what);
/* Reads what a row holds beyond STEADY_ENTRY_COLUMNS. */
typedef void (*SteadyRowFunc) (SteadyStmt      *stmt,
                               SteadyMoodEntry *entry,
                               gpointer         user_data);

GPtrArray       *_steady_journal_store_read_entries (SteadyJournalStore  *self,
                                                     SteadyStmt          *stmt,
                                                     SteadyRowFunc        row_func,
                                                     gpointer             user_data,
                                                     GError             **error);
SteadyMoodEntry *_steady_journal_store_load_entry   (SteadyJournalStore  *self,
                                                     const char          *uuid,
                                                     GError             **error);
void             _steady_journal_store_emit_reset   (SteadyJournalStore  *self);
gboolean         _steady_journal_store_insert_term  (SteadyJournalStore    *self,
                                                     SteadyJournalTermKind  kind,
                                                     const char            *uuid,
                                                     const char            *name,
                                                     GError               **error);
void             _steady_journal_store_emit_terms_changed (SteadyJournalStore    *self,
                                                     SteadyJournalTermKind  kind);

G_END_DECLS
