/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-journal-delete.h: deleting a check-in in a worker thread, so a long journal's
 * delete never freezes the window. */

#pragma once

#include <gio/gio.h>

#include "steady-journal-store.h"

G_BEGIN_DECLS

void             steady_journal_delete_async  (SteadyJournalStore   *store,
                                               const char           *uuid,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
SteadyMoodEntry *steady_journal_delete_finish (SteadyJournalStore   *store,
                                               GAsyncResult         *result,
                                               GError              **error);

G_END_DECLS
