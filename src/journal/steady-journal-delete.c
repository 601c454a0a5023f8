/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-journal-delete.c: deleting a check-in in a worker thread. Deleting rewrites the
 * full-text index and wipes the entry's pages (secure delete), about 0.4 s on a 20-year
 * journal: long enough to freeze a window. The worker uses a connection of its own; the
 * store's "entry-removed" is emitted on the calling thread when it is done, as the store
 * does for its own deletes, so lists and charts follow. */

#define G_LOG_DOMAIN "steady-journal-delete"

#include "config.h"

#include "steady-journal-delete.h"

static void
delete_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SteadyJournalStore *main_store = source_object;
  const char *path = steady_database_get_path (steady_journal_store_get_database (main_store));
  g_autoptr(SteadyDatabase) database = NULL;
  g_autoptr(SteadyJournalStore) store = NULL;
  SteadyMoodEntry *deleted;
  GError *error = NULL;

  /* The application checked the whole file when it opened it; this connection only deletes. */
  database = steady_database_open_deferring_check (path, &error);
  if (database == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  store = steady_journal_store_new (database);
  deleted = steady_journal_store_delete (store, task_data, &error);
  if (deleted == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, deleted, g_object_unref);
}

/**
 * steady_journal_delete_async:
 * @store: the store the application shows
 * @uuid: the check-in to delete
 *
 * Deletes a check-in in a worker thread; steady_journal_delete_finish() gives it back for
 * steady_journal_store_restore() (Undo).
 */
void
steady_journal_delete_async (SteadyJournalStore  *store,
                             const char          *uuid,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (STEADY_IS_JOURNAL_STORE (store));
  g_return_if_fail (uuid != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, steady_journal_delete_async);
  g_task_set_task_data (task, g_strdup (uuid), g_free);
  g_task_run_in_thread (task, delete_thread);
}

/**
 * steady_journal_delete_finish:
 *
 * Emits the store's "entry-removed" when the delete worked.
 *
 * Returns: (transfer full): the deleted check-in, or %NULL with @error set in words
 */
SteadyMoodEntry *
steady_journal_delete_finish (SteadyJournalStore  *store,
                              GAsyncResult        *result,
                              GError             **error)
{
  SteadyMoodEntry *deleted;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  deleted = g_task_propagate_pointer (G_TASK (result), error);
  if (deleted != NULL)
    g_signal_emit_by_name (store, "entry-removed", deleted);
  return deleted;
}
