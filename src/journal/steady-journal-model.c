/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-journal-model.c: the journal list's model. Its length is one COUNT; items are read
 * from the store a page at a time when asked for, and only the few pages used last are
 * kept, so twenty years of entries never sit in memory to show one screen. Changes in the
 * store become items-changed at the exact position. */

#define G_LOG_DOMAIN "steady-journal-model"

#include "config.h"

#include "steady-journal-model.h"

typedef struct
{
  guint      index;
  GPtrArray *entries; /* SteadyMoodEntry, newest first */
  guint64    last_used;
} Page;

struct _SteadyJournalModel
{
  GObject             parent_instance;

  /* owned */
  SteadyJournalStore *store;
  GHashTable         *pages; /* page index → Page */

  guint               n_items;
  guint64             clock;
  guint               n_rows_loaded;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SteadyJournalModel, steady_journal_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  LOAD_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->entries);
  g_free (page);
}

static void
report_error (SteadyJournalModel *self,
              GError             *error)
{
  g_signal_emit (self, signals[LOAD_FAILED], 0, error);
}

static void
evict_least_used (SteadyJournalModel *self)
{
  GHashTableIter iter;
  Page *page;
  Page *oldest = NULL;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&page))
    if (oldest == NULL || page->last_used < oldest->last_used)
      oldest = page;
  if (oldest != NULL)
    g_hash_table_remove (self->pages, GUINT_TO_POINTER (oldest->index));
}

static Page *
load_page (SteadyJournalModel  *self,
           guint                index,
           GError             **error)
{
  Page *previous = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index - 1));
  GPtrArray *entries;
  Page *page;

  /* Scrolling down continues from the page above (a keyset: as quick at the bottom as at
   * the top); a jump counts its way there in the time index. */
  if (index > 0 && previous != NULL && previous->entries->len == STEADY_JOURNAL_MODEL_PAGE_SIZE)
    {
      SteadyMoodEntry *last = g_ptr_array_index (previous->entries, previous->entries->len - 1);

      entries = steady_journal_store_list_before (self->store,
                                                  steady_mood_entry_get_time (last),
                                                  steady_mood_entry_get_row_id (last),
                                                  STEADY_JOURNAL_MODEL_PAGE_SIZE, error);
    }
  else
    {
      entries = steady_journal_store_list_at (self->store, index * STEADY_JOURNAL_MODEL_PAGE_SIZE,
                                              STEADY_JOURNAL_MODEL_PAGE_SIZE, error);
    }
  if (entries == NULL)
    return NULL;

  while (g_hash_table_size (self->pages) >= STEADY_JOURNAL_MODEL_MAX_PAGES)
    evict_least_used (self);

  page = g_new0 (Page, 1);
  page->index = index;
  page->entries = entries;
  self->n_rows_loaded += entries->len;
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  return page;
}

static GType
steady_journal_model_get_item_type (GListModel *model)
{
  return STEADY_TYPE_MOOD_ENTRY;
}

static guint
steady_journal_model_get_n_items (GListModel *model)
{
  return STEADY_JOURNAL_MODEL (model)->n_items;
}

static gpointer
steady_journal_model_get_item (GListModel *model,
                               guint       position)
{
  SteadyJournalModel *self = STEADY_JOURNAL_MODEL (model);
  guint index = position / STEADY_JOURNAL_MODEL_PAGE_SIZE;
  guint offset = position % STEADY_JOURNAL_MODEL_PAGE_SIZE;
  Page *page;

  if (position >= self->n_items)
    return NULL;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  if (page == NULL)
    {
      g_autoptr(GError) error = NULL;

      page = load_page (self, index, &error);
      if (page == NULL)
        {
          report_error (self, error);
          return NULL;
        }
    }
  page->last_used = ++self->clock;

  /* Another process may have deleted entries since the count. */
  if (offset >= page->entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (page->entries, offset));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = steady_journal_model_get_item_type;
  iface->get_n_items = steady_journal_model_get_n_items;
  iface->get_item = steady_journal_model_get_item;
}

static void
reset (SteadyJournalModel *self)
{
  g_autoptr(GError) error = NULL;
  guint old_n_items = self->n_items;
  guint n_items = 0;

  g_hash_table_remove_all (self->pages);
  if (!steady_journal_store_count (self->store, &n_items, &error))
    report_error (self, error);
  self->n_items = n_items;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, n_items);
}

/* Where the entry with this time and row id is, or would be, in the list. */
static gboolean
position_of (SteadyJournalModel *self,
             SteadyMoodEntry    *entry,
             guint              *out_position)
{
  return steady_journal_store_count_newer (self->store, steady_mood_entry_get_time (entry),
                                           steady_mood_entry_get_row_id (entry), out_position,
                                           NULL);
}

static void
entry_added_cb (SteadyJournalModel *self,
                SteadyMoodEntry    *entry)
{
  guint position;

  if (!position_of (self, entry, &position) || position > self->n_items)
    {
      reset (self);
      return;
    }
  g_hash_table_remove_all (self->pages);
  self->n_items++;
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

static void
entry_removed_cb (SteadyJournalModel *self,
                  SteadyMoodEntry    *entry)
{
  guint position;

  if (!position_of (self, entry, &position) || position >= self->n_items)
    {
      reset (self);
      return;
    }
  g_hash_table_remove_all (self->pages);
  self->n_items--;
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

static void
entry_updated_cb (SteadyJournalModel *self,
                  SteadyMoodEntry    *old_entry,
                  SteadyMoodEntry    *new_entry)
{
  gint64 old_time = steady_mood_entry_get_time (old_entry);
  gint64 new_time = steady_mood_entry_get_time (new_entry);
  guint old_position;
  guint new_position;

  if (!position_of (self, old_entry, &old_position) ||
      !position_of (self, new_entry, &new_position))
    {
      reset (self);
      return;
    }
  /* Counting rows newer than the old place counts the entry itself if it moved up. */
  if (new_time > old_time)
    old_position--;
  if (old_position >= self->n_items || new_position >= self->n_items)
    {
      reset (self);
      return;
    }

  g_hash_table_remove_all (self->pages);
  if (old_position == new_position)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 1);
    }
  else
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), new_position, 0, 1);
    }
}

static void
steady_journal_model_finalize (GObject *object)
{
  SteadyJournalModel *self = (SteadyJournalModel *)object;

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (steady_journal_model_parent_class)->finalize (object);
}

static void
steady_journal_model_class_init (SteadyJournalModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steady_journal_model_finalize;

  /**
   * SteadyJournalModel::load-failed:
   * @error: what went wrong, in words for the user
   *
   * A page could not be read; its items were reported as missing.
   */
  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
steady_journal_model_init (SteadyJournalModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)page_free);
}

/**
 * steady_journal_model_new:
 * @store: the journal store to show
 *
 * Returns: (transfer full): the model, or %NULL if the entries could not be counted
 */
SteadyJournalModel *
steady_journal_model_new (SteadyJournalStore  *store,
                          GError             **error)
{
  g_autoptr(SteadyJournalModel) self = NULL;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (STEADY_TYPE_JOURNAL_MODEL, NULL);
  self->store = g_object_ref (store);
  if (!steady_journal_store_count (store, &self->n_items, error))
    return NULL;

  g_signal_connect_object (store, "entry-added", G_CALLBACK (entry_added_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "entry-removed", G_CALLBACK (entry_removed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "entry-updated", G_CALLBACK (entry_updated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "entries-reset", G_CALLBACK (reset), self,
                           G_CONNECT_SWAPPED);
  return g_steal_pointer (&self);
}

SteadyJournalStore *
steady_journal_model_get_store (SteadyJournalModel *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_MODEL (self), NULL);

  return self->store;
}

/**
 * steady_journal_model_get_n_rows_loaded:
 *
 * For tests and benchmarks: how many entries have been read from the database so far.
 */
guint
steady_journal_model_get_n_rows_loaded (SteadyJournalModel *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_MODEL (self), 0);

  return self->n_rows_loaded;
}

/**
 * steady_journal_model_get_n_rows_cached:
 *
 * For tests and benchmarks: how many entries are held in memory now.
 */
guint
steady_journal_model_get_n_rows_cached (SteadyJournalModel *self)
{
  GHashTableIter iter;
  Page *page;
  guint n_rows = 0;

  g_return_val_if_fail (STEADY_IS_JOURNAL_MODEL (self), 0);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&page))
    n_rows += page->entries->len;
  return n_rows;
}
