/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-journal-store.c: mood entries in the database — create, update, delete with undo.
 * Every write is one transaction; the schema's triggers keep the full-text index in step.
 * Reading, vocabulary, summaries and search live in the other steady-journal-store-*.c
 * files. */

#define G_LOG_DOMAIN "steady-journal-store"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "steady-journal-store-private.h"
#include "steady-mood-entry-private.h"

struct _SteadyJournalStore
{
  GObject         parent_instance;

  /* owned */
  SteadyDatabase *database;
  GHashTable     *statements; /* SQL text (static) → sqlite3_stmt */
};

G_DEFINE_FINAL_TYPE (SteadyJournalStore, steady_journal_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

enum {
  ENTRY_ADDED,
  ENTRY_UPDATED,
  ENTRY_REMOVED,
  ENTRIES_RESET,
  TERMS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
steady_journal_store_finalize (GObject *object)
{
  SteadyJournalStore *self = (SteadyJournalStore *)object;

  /* Statements go before the connection they belong to. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (steady_journal_store_parent_class)->finalize (object);
}

static void
steady_journal_store_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SteadyJournalStore *self = STEADY_JOURNAL_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_journal_store_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SteadyJournalStore *self = STEADY_JOURNAL_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_journal_store_class_init (SteadyJournalStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steady_journal_store_finalize;
  object_class->get_property = steady_journal_store_get_property;
  object_class->set_property = steady_journal_store_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, STEADY_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SteadyJournalStore::entry-added:
   * @entry: the entry as stored, created or restored
   */
  signals[ENTRY_ADDED] =
    g_signal_new ("entry-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, STEADY_TYPE_MOOD_ENTRY);
  /**
   * SteadyJournalStore::entry-updated:
   * @old_entry: the entry as it was
   * @new_entry: the entry as stored now (its time, and so its place, may differ)
   */
  signals[ENTRY_UPDATED] =
    g_signal_new ("entry-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                  STEADY_TYPE_MOOD_ENTRY, STEADY_TYPE_MOOD_ENTRY);
  /**
   * SteadyJournalStore::entry-removed:
   * @entry: the entry as it was before it was deleted
   */
  signals[ENTRY_REMOVED] =
    g_signal_new ("entry-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, STEADY_TYPE_MOOD_ENTRY);
  /**
   * SteadyJournalStore::entries-reset:
   *
   * Many entries look different now (a tag or emotion was renamed, merged or deleted):
   * whatever shows entries reads them again.
   */
  signals[ENTRIES_RESET] =
    g_signal_new ("entries-reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * SteadyJournalStore::terms-changed:
   * @kind: which vocabulary changed
   */
  signals[TERMS_CHANGED] =
    g_signal_new ("terms-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, STEADY_TYPE_JOURNAL_TERM_KIND);
}

static void
steady_journal_store_init (SteadyJournalStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify)sqlite3_finalize);
}

/**
 * steady_journal_store_new:
 * @database: an open database at schema version 2 or later
 *
 * Call steady_journal_store_localize_builtin_terms() once after, so built-in emotions and
 * tags carry names in the user's language (and can be searched by them).
 *
 * Returns: (transfer full): the journal store
 */
SteadyJournalStore *
steady_journal_store_new (SteadyDatabase *database)
{
  g_return_val_if_fail (STEADY_IS_DATABASE (database), NULL);
  g_return_val_if_fail (steady_database_get_schema_version (database) >= 2, NULL);

  return g_object_new (STEADY_TYPE_JOURNAL_STORE, "database", database, NULL);
}

SteadyDatabase *
steady_journal_store_get_database (SteadyJournalStore *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (self), NULL);

  return self->database;
}

sqlite3 *
_steady_journal_store_get_handle (SteadyJournalStore *self)
{
  return steady_database_get_handle (self->database);
}

void
_steady_journal_store_set_error (SteadyJournalStore  *self,
                                 GError             **error,
                                 int                  rc,
                                 const char          *what)
{
  steady_database_set_error_from_sqlite (error, _steady_journal_store_get_handle (self), rc,
                                         what);
}

/* Returns the statement for @sql, prepared once and kept, reset and with no bindings. */
SteadyStmt *
_steady_journal_store_prepare (SteadyJournalStore  *self,
                               const char          *sql,
                               GError             **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt == NULL)
    {
      int rc = sqlite3_prepare_v3 (_steady_journal_store_get_handle (self), sql, -1,
                                   SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

      if (rc != SQLITE_OK)
        {
          _steady_journal_store_set_error (self, error, rc, _("journal"));
          sqlite3_finalize (stmt);
          return NULL;
        }
      g_hash_table_insert (self->statements, (gpointer)sql, stmt);
    }
  else
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  return stmt;
}

/* Runs a statement that returns no rows. */
static gboolean
step_done (SteadyJournalStore  *self,
           SteadyStmt          *stmt,
           const char          *what,
           GError             **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _steady_journal_store_set_error (self, error, rc, what);
      return FALSE;
    }
  return TRUE;
}

void
_steady_journal_store_emit_reset (SteadyJournalStore *self)
{
  g_signal_emit (self, signals[ENTRIES_RESET], 0);
}

void
_steady_journal_store_emit_terms_changed (SteadyJournalStore    *self,
                                          SteadyJournalTermKind  kind)
{
  g_signal_emit (self, signals[TERMS_CHANGED], 0, kind);
}

static char *
medications_to_json (const char * const *names)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (names == NULL || names[0] == NULL)
    return NULL;

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; names[i] != NULL; i++)
    json_builder_add_string_value (builder, names[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
entry_exists (SteadyJournalStore  *self,
              const char          *uuid,
              gboolean            *out_exists,
              GError             **error)
{
  g_autoptr(SteadyStmt) stmt =
    _steady_journal_store_prepare (self, "SELECT 1 FROM mood_entry WHERE uuid = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _steady_journal_store_set_error (self, error, rc, _("journal entry"));
      return FALSE;
    }
  *out_exists = rc == SQLITE_ROW;
  return TRUE;
}

static void
bind_optional_int (SteadyStmt *stmt,
                   int         index,
                   int         value)
{
  if (value == STEADY_MOOD_ENTRY_UNANSWERED)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value);
}

/* Binds the answers to ?3 … ?12 — the same numbers in the INSERT and the UPDATE. */
static void
bind_answers (SteadyStmt      *stmt,
              SteadyMoodEntry *entry)
{
  const char *medication = steady_medication_to_id (steady_mood_entry_get_medication (entry));
  char *medications = medications_to_json (steady_mood_entry_get_medications (entry));
  double sleep = steady_mood_entry_get_sleep_hours (entry);

  sqlite3_bind_int64 (stmt, 3, steady_mood_entry_get_time (entry));
  sqlite3_bind_int (stmt, 4, steady_mood_entry_get_utc_offset (entry));
  sqlite3_bind_int (stmt, 5, steady_mood_entry_get_mood (entry));
  bind_optional_int (stmt, 6, steady_mood_entry_get_anxiety (entry));
  bind_optional_int (stmt, 7, steady_mood_entry_get_energy (entry));
  if (sleep == STEADY_MOOD_ENTRY_UNANSWERED)
    sqlite3_bind_null (stmt, 8);
  else
    sqlite3_bind_double (stmt, 8, sleep);
  if (medication != NULL)
    sqlite3_bind_text (stmt, 9, medication, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 9);
  if (medications != NULL)
    sqlite3_bind_text (stmt, 10, medications, -1, g_free);
  else
    sqlite3_bind_null (stmt, 10);
  /* The entry keeps its note alive while the statement runs. */
  sqlite3_bind_text (stmt, 11, steady_mood_entry_get_note (entry), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 12, steady_mood_entry_get_private (entry) ? 1 : 0);
}

static gboolean
insert_entry (SteadyJournalStore  *self,
              SteadyMoodEntry     *entry,
              gint64               created_us,
              gint64               updated_us,
              gint64              *out_row_id,
              GError             **error)
{
  g_autoptr(SteadyStmt) stmt = NULL;
  gboolean exists = FALSE;

  if (!entry_exists (self, steady_mood_entry_get_uuid (entry), &exists, error))
    return FALSE;
  if (exists)
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_EXISTS,
                   _("This journal entry is saved already."));
      return FALSE;
    }

  stmt = _steady_journal_store_prepare (self,
    "INSERT INTO mood_entry (created_us, updated_us, at_us, utc_offset_s, mood, anxiety,"
    "                        energy, sleep_hours, medication, medications, note, private, uuid)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, created_us);
  sqlite3_bind_int64 (stmt, 2, updated_us);
  bind_answers (stmt, entry);
  sqlite3_bind_text (stmt, 13, steady_mood_entry_get_uuid (entry), -1, SQLITE_STATIC);
  if (!step_done (self, stmt, _("journal entry"), error))
    return FALSE;

  /* Inserts made by the triggers do not change this. */
  *out_row_id = sqlite3_last_insert_rowid (_steady_journal_store_get_handle (self));
  return TRUE;
}

static gboolean
update_row (SteadyJournalStore  *self,
            SteadyMoodEntry     *entry,
            gint64               row_id,
            gint64               updated_us,
            GError             **error)
{
  g_autoptr(SteadyStmt) stmt = _steady_journal_store_prepare (self,
    "UPDATE mood_entry SET updated_us = ?2, at_us = ?3, utc_offset_s = ?4, mood = ?5,"
    "                      anxiety = ?6, energy = ?7, sleep_hours = ?8, medication = ?9,"
    "                      medications = ?10, note = ?11, private = ?12"
    " WHERE id = ?1",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row_id);
  sqlite3_bind_int64 (stmt, 2, updated_us);
  bind_answers (stmt, entry);
  return step_done (self, stmt, _("journal entry"), error);
}

static gboolean
has_emotion (GPtrArray  *emotions,
             const char *uuid)
{
  for (guint i = 0; emotions != NULL && i < emotions->len; i++)
    if (g_strcmp0 (((SteadyMoodEmotion *)g_ptr_array_index (emotions, i))->uuid, uuid) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_tag (GPtrArray  *tags,
         const char *uuid)
{
  for (guint i = 0; tags != NULL && i < tags->len; i++)
    if (g_strcmp0 (((SteadyMoodTag *)g_ptr_array_index (tags, i))->uuid, uuid) == 0)
      return TRUE;
  return FALSE;
}

static void
set_term_gone_error (GError                **error,
                     SteadyJournalTermKind   kind,
                     const char             *name)
{
  if (kind == STEADY_JOURNAL_TERM_EMOTION)
    g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_NOT_FOUND,
                 /* Translators: %s is an emotion's name. */
                 _("The emotion “%s” was removed meanwhile. Please choose another."),
                 name != NULL ? name : "");
  else
    g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_NOT_FOUND,
                 /* Translators: %s is an activity tag's name. */
                 _("The tag “%s” was removed meanwhile. Please choose another."),
                 name != NULL ? name : "");
}

/* Runs one of the link statements below for entry @row_id and term @uuid (and an
 * intensity, if it has a ?3), and says how many rows it changed. */
static gboolean
exec_link (SteadyJournalStore  *self,
           const char          *sql,
           gint64               row_id,
           const char          *uuid,
           int                  intensity,
           int                 *out_changes,
           GError             **error)
{
  g_autoptr(SteadyStmt) stmt = _steady_journal_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row_id);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int (stmt, 3, intensity);
  if (!step_done (self, stmt, _("journal entry"), error))
    return FALSE;
  *out_changes = sqlite3_changes (_steady_journal_store_get_handle (self));
  return TRUE;
}

/* Makes the entry's emotion and tag links those of @entry; @old is what is stored now, or
 * NULL for a new row. Only differences are written, since each link change re-indexes the
 * entry's text. A term that no longer exists fails the whole save. */
static gboolean
write_links (SteadyJournalStore  *self,
             SteadyMoodEntry     *entry,
             SteadyMoodEntry     *old,
             gint64               row_id,
             GError             **error)
{
  GPtrArray *emotions = steady_mood_entry_get_emotions (entry);
  GPtrArray *tags = steady_mood_entry_get_tags (entry);
  GPtrArray *old_emotions = old != NULL ? steady_mood_entry_get_emotions (old) : NULL;
  GPtrArray *old_tags = old != NULL ? steady_mood_entry_get_tags (old) : NULL;
  int changes = 0;

  for (guint i = 0; old_emotions != NULL && i < old_emotions->len; i++)
    {
      const SteadyMoodEmotion *emotion = g_ptr_array_index (old_emotions, i);

      if (!has_emotion (emotions, emotion->uuid) &&
          !exec_link (self,
                      "DELETE FROM mood_entry_emotion WHERE entry_id = ?1"
                      "   AND emotion_id = (SELECT id FROM emotion WHERE uuid = ?2)",
                      row_id, emotion->uuid, 0, &changes, error))
        return FALSE;
    }
  for (guint i = 0; i < emotions->len; i++)
    {
      const SteadyMoodEmotion *emotion = g_ptr_array_index (emotions, i);

      if (!exec_link (self,
                      "INSERT INTO mood_entry_emotion (entry_id, emotion_id, intensity)"
                      "  SELECT ?1, id, ?3 FROM emotion WHERE uuid = ?2"
                      "  ON CONFLICT (entry_id, emotion_id)"
                      "  DO UPDATE SET intensity = excluded.intensity",
                      row_id, emotion->uuid, emotion->intensity, &changes, error))
        return FALSE;
      if (changes == 0)
        {
          set_term_gone_error (error, STEADY_JOURNAL_TERM_EMOTION, emotion->name);
          return FALSE;
        }
    }

  for (guint i = 0; old_tags != NULL && i < old_tags->len; i++)
    {
      const SteadyMoodTag *tag = g_ptr_array_index (old_tags, i);

      if (!has_tag (tags, tag->uuid) &&
          !exec_link (self,
                      "DELETE FROM mood_entry_tag WHERE entry_id = ?1"
                      "   AND tag_id = (SELECT id FROM tag WHERE uuid = ?2)",
                      row_id, tag->uuid, 0, &changes, error))
        return FALSE;
    }
  for (guint i = 0; i < tags->len; i++)
    {
      const SteadyMoodTag *tag = g_ptr_array_index (tags, i);

      if (has_tag (old_tags, tag->uuid))
        continue;
      if (!exec_link (self,
                      "INSERT INTO mood_entry_tag (entry_id, tag_id)"
                      "  SELECT ?1, id FROM tag WHERE uuid = ?2",
                      row_id, tag->uuid, 0, &changes, error))
        return FALSE;
      if (changes == 0)
        {
          set_term_gone_error (error, STEADY_JOURNAL_TERM_TAG, tag->name);
          return FALSE;
        }
    }
  return TRUE;
}

/* Once an entry is saved or deleted, its editor's draft has served its purpose; removing
 * it in the same transaction means there is never both a saved entry and a stale draft. */
static gboolean
delete_draft (SteadyJournalStore  *self,
              const char          *uuid,
              GError             **error)
{
  g_autoptr(SteadyStmt) stmt =
    _steady_journal_store_prepare (self, "DELETE FROM draft WHERE kind = ?1 AND key = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, STEADY_MOOD_ENTRY_DRAFT_KIND, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  return step_done (self, stmt, _("journal entry"), error);
}

/* Inserts @entry with the given times, in the current transaction, and reads it back. */
static SteadyMoodEntry *
insert_whole_entry (SteadyJournalStore  *self,
                    SteadyMoodEntry     *entry,
                    gint64               created_us,
                    gint64               updated_us,
                    GError             **error)
{
  gint64 row_id = 0;

  if (!insert_entry (self, entry, created_us, updated_us, &row_id, error) ||
      !write_links (self, entry, NULL, row_id, error) ||
      !delete_draft (self, steady_mood_entry_get_uuid (entry), error))
    return NULL;
  _steady_mood_entry_set_stored (entry, row_id, created_us, updated_us);
  return _steady_journal_store_load_entry (self, steady_mood_entry_get_uuid (entry), error);
}

/**
 * steady_journal_store_create:
 * @entry: a new entry; on success it has its row id and times
 * @error: a %STEADY_JOURNAL_ERROR for what the user gave, or a %STEADY_DATABASE_ERROR
 *
 * Saves a new entry durably and removes its editor's draft, in one transaction.
 *
 * Returns: whether the entry is saved
 */
gboolean
steady_journal_store_create (SteadyJournalStore  *self,
                             SteadyMoodEntry     *entry,
                             GError             **error)
{
  g_autoptr(SteadyMoodEntry) stored = NULL;
  gint64 now = g_get_real_time ();

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (self), FALSE);
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (entry), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!steady_mood_entry_validate (entry, error))
    return FALSE;
  if (!steady_database_begin (self->database, error))
    return FALSE;
  stored = insert_whole_entry (self, entry, now, now, error);
  if (stored == NULL)
    {
      steady_database_rollback (self->database);
      _steady_mood_entry_set_stored (entry, 0, 0, 0);
      return FALSE;
    }
  if (!steady_database_commit (self->database, error))
    {
      _steady_mood_entry_set_stored (entry, 0, 0, 0);
      return FALSE;
    }

  g_signal_emit (self, signals[ENTRY_ADDED], 0, stored);
  return TRUE;
}

/**
 * steady_journal_store_import:
 * @new_tags: (element-type SteadyJournalTerm): activity tags to create first, with their
 *   UUIDs and cleaned names
 * @entries: (element-type SteadyMoodEntry): new entries with their own UUIDs; one whose UUID
 *   is already in the journal is left as it is there
 * @cancellable: (nullable): stops the import, which then saves nothing
 * @out_n_added: (out) (optional): how many entries were added
 *
 * Adds what another app's export held, in one transaction: either all of it is saved or,
 * on any error or a cancellation, nothing is. Pages are told to read the journal again
 * once, not per entry.
 *
 * Returns: whether everything is saved
 */
gboolean
steady_journal_store_import (SteadyJournalStore  *self,
                             GPtrArray           *new_tags,
                             GPtrArray           *entries,
                             GCancellable        *cancellable,
                             guint               *out_n_added,
                             GError             **error)
{
  gint64 now = g_get_real_time ();
  guint n_added = 0;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (self), FALSE);
  g_return_val_if_fail (new_tags != NULL, FALSE);
  g_return_val_if_fail (entries != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < entries->len; i++)
    {
      if (!steady_mood_entry_validate (g_ptr_array_index (entries, i), error))
        return FALSE;
    }
  if (!steady_database_begin (self->database, error))
    return FALSE;
  for (guint i = 0; i < new_tags->len; i++)
    {
      SteadyJournalTerm *tag = g_ptr_array_index (new_tags, i);

      if (!_steady_journal_store_insert_term (self, STEADY_JOURNAL_TERM_TAG,
                                              steady_journal_term_get_uuid (tag),
                                              steady_journal_term_get_name (tag), error))
        goto failed;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      SteadyMoodEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(SteadyMoodEntry) stored = NULL;
      g_autoptr(SteadyMoodEntry) existing = NULL;
      g_autoptr(GError) local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto failed;
      existing = _steady_journal_store_load_entry (self, steady_mood_entry_get_uuid (entry),
                                                   &local_error);
      if (existing != NULL)
        continue;
      if (!g_error_matches (local_error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto failed;
        }
      stored = insert_whole_entry (self, entry, now, now, error);
      if (stored == NULL)
        goto failed;
      n_added++;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;
  if (!steady_database_commit (self->database, error))
    goto not_saved;

  if (new_tags->len > 0)
    _steady_journal_store_emit_terms_changed (self, STEADY_JOURNAL_TERM_TAG);
  if (n_added > 0)
    _steady_journal_store_emit_reset (self);
  if (out_n_added != NULL)
    *out_n_added = n_added;
  return TRUE;

failed:
  steady_database_rollback (self->database);
not_saved:
  for (guint i = 0; i < entries->len; i++)
    _steady_mood_entry_set_stored (g_ptr_array_index (entries, i), 0, 0, 0);
  return FALSE;
}

/**
 * steady_journal_store_reload:
 *
 * Tells every page to read the journal and its vocabulary again, after another process
 * (such as "steady --import") changed them.
 */
void
steady_journal_store_reload (SteadyJournalStore *self)
{
  g_return_if_fail (STEADY_IS_JOURNAL_STORE (self));

  _steady_journal_store_emit_terms_changed (self, STEADY_JOURNAL_TERM_EMOTION);
  _steady_journal_store_emit_terms_changed (self, STEADY_JOURNAL_TERM_TAG);
  _steady_journal_store_emit_reset (self);
}

/**
 * steady_journal_store_update:
 * @entry: an entry read from this store and changed; on success it has its new time of
 *   update
 *
 * Saves the changes durably and removes the entry's draft, in one transaction.
 *
 * Returns: whether the changes are saved
 */
gboolean
steady_journal_store_update (SteadyJournalStore  *self,
                             SteadyMoodEntry     *entry,
                             GError             **error)
{
  g_autoptr(SteadyMoodEntry) old = NULL;
  g_autoptr(SteadyMoodEntry) stored = NULL;
  gint64 updated_us;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (self), FALSE);
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (entry), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!steady_mood_entry_validate (entry, error))
    return FALSE;
  if (!steady_database_begin (self->database, error))
    return FALSE;

  old = _steady_journal_store_load_entry (self, steady_mood_entry_get_uuid (entry), error);
  if (old == NULL)
    goto failed;
  /* Never before its creation, even if the clock was set back meanwhile. */
  updated_us = MAX (g_get_real_time (), steady_mood_entry_get_created (old));
  if (!update_row (self, entry, steady_mood_entry_get_row_id (old), updated_us, error) ||
      !write_links (self, entry, old, steady_mood_entry_get_row_id (old), error) ||
      !delete_draft (self, steady_mood_entry_get_uuid (entry), error))
    goto failed;
  stored = _steady_journal_store_load_entry (self, steady_mood_entry_get_uuid (entry), error);
  if (stored == NULL)
    goto failed;
  if (!steady_database_commit (self->database, error))
    return FALSE;

  _steady_mood_entry_set_stored (entry, steady_mood_entry_get_row_id (old),
                                 steady_mood_entry_get_created (old), updated_us);
  g_signal_emit (self, signals[ENTRY_UPDATED], 0, old, stored);
  return TRUE;

failed:
  steady_database_rollback (self->database);
  return FALSE;
}

/**
 * steady_journal_store_delete:
 * @uuid: the entry's UUID
 *
 * Deletes the entry, its emotions, tags and draft, and leaves no trace of its text: rows
 * are overwritten (secure_delete), the full-text index is merged so the words are gone from
 * it too, and the write-ahead log is checkpointed and truncated when no one else reads.
 * The merge rewrites the whole index, so this takes longer on a large journal (about 0.3 s
 * for twenty years of entries); deleting is rare, and the words must not stay behind.
 *
 * Returns: (transfer full): the entry as it was, for steady_journal_store_restore() (undo),
 *   or %NULL with @error set
 */
SteadyMoodEntry *
steady_journal_store_delete (SteadyJournalStore  *self,
                             const char          *uuid,
                             GError             **error)
{
  g_autoptr(SteadyMoodEntry) old = NULL;
  g_autoptr(SteadyStmt) stmt = NULL;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!steady_database_begin (self->database, error))
    return NULL;

  old = _steady_journal_store_load_entry (self, uuid, error);
  if (old == NULL)
    goto failed;
  stmt = _steady_journal_store_prepare (self, "DELETE FROM mood_entry WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, steady_mood_entry_get_row_id (old));
  if (!step_done (self, stmt, _("journal entry"), error) ||
      !delete_draft (self, uuid, error))
    goto failed;
  g_clear_pointer (&stmt, _steady_stmt_reset);

  /* FTS5 (before SQLite 3.43) removes a row by adding delete markers; the words stay in the
   * older segments until they are merged. Merging everything drops both. */
  stmt = _steady_journal_store_prepare (self,
    "INSERT INTO search_fts (search_fts) VALUES ('optimize')", error);
  if (stmt == NULL || !step_done (self, stmt, _("journal entry"), error))
    goto failed;
  g_clear_pointer (&stmt, _steady_stmt_reset);

  if (!steady_database_commit (self->database, error))
    return NULL;

  /* The log still holds the pages as they were before; copy the new ones into the database
   * and empty it. If another connection is reading, this cannot finish now; SQLite's own
   * checkpoints overwrite those pages later. */
  sqlite3_wal_checkpoint_v2 (_steady_journal_store_get_handle (self), "main",
                             SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);

  g_signal_emit (self, signals[ENTRY_REMOVED], 0, old);
  return g_steal_pointer (&old);

failed:
  steady_database_rollback (self->database);
  return NULL;
}

/**
 * steady_journal_store_restore:
 * @deleted: an entry returned by steady_journal_store_delete()
 *
 * Puts a deleted entry back exactly as it was: the same UUID, times, answers, note,
 * emotions and tags. Fails if an emotion or tag it had has been removed since.
 *
 * Returns: whether the entry is back
 */
gboolean
steady_journal_store_restore (SteadyJournalStore  *self,
                              SteadyMoodEntry     *deleted,
                              GError             **error)
{
  g_autoptr(SteadyMoodEntry) stored = NULL;
  gint64 created_us;
  gint64 updated_us;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (self), FALSE);
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (deleted), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!steady_mood_entry_validate (deleted, error))
    return FALSE;
  created_us = steady_mood_entry_get_created (deleted);
  updated_us = steady_mood_entry_get_updated (deleted);
  if (!steady_database_begin (self->database, error))
    return FALSE;
  stored = insert_whole_entry (self, deleted, created_us, updated_us, error);
  if (stored == NULL)
    {
      steady_database_rollback (self->database);
      return FALSE;
    }
  if (!steady_database_commit (self->database, error))
    return FALSE;

  g_signal_emit (self, signals[ENTRY_ADDED], 0, stored);
  return TRUE;
}
