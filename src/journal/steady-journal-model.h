/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-journal-model.h: every journal entry, newest first, as a GListModel that reads
 * only the pages being looked at. */

#pragma once

#include <gio/gio.h>

#include "steady-journal-store.h"

G_BEGIN_DECLS

/* Entries are read this many at a time, and this many pages are kept. */
#define STEADY_JOURNAL_MODEL_PAGE_SIZE 200
#define STEADY_JOURNAL_MODEL_MAX_PAGES 4

#define STEADY_TYPE_JOURNAL_MODEL (steady_journal_model_get_type ())
G_DECLARE_FINAL_TYPE (SteadyJournalModel, steady_journal_model, STEADY, JOURNAL_MODEL, GObject)

SteadyJournalModel *steady_journal_model_new                (SteadyJournalStore  *store,
                                                             GError             **error);
SteadyJournalStore *steady_journal_model_get_store          (SteadyJournalModel  *self);
guint               steady_journal_model_get_n_rows_loaded  (SteadyJournalModel  *self);
guint               steady_journal_model_get_n_rows_cached  (SteadyJournalModel  *self);

G_END_DECLS
