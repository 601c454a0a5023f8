/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-draft-store.c: autosaved drafts of every editor, by kind (such as "mood-entry")
 * and key (such as the entry's UUID), as JSON the editor defines. Each save is one durable
 * transaction: once it returns, the draft survives the process being killed. */

#define G_LOG_DOMAIN "steady-draft-store"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "steady-draft-store.h"
#include "steady-journal-common.h"

#define KIND_MAX_BYTES 64
#define KEY_MAX_BYTES  200

struct _SteadyDraftStore
{
  GObject         parent_instance;

  /* owned */
  SteadyDatabase *database;
};

G_DEFINE_FINAL_TYPE (SteadyDraftStore, steady_draft_store, G_TYPE_OBJECT)

static void
steady_draft_store_finalize (GObject *object)
{
  SteadyDraftStore *self = (SteadyDraftStore *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (steady_draft_store_parent_class)->finalize (object);
}

static void
steady_draft_store_class_init (SteadyDraftStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steady_draft_store_finalize;
}

static void
steady_draft_store_init (SteadyDraftStore *self)
{
}

/**
 * steady_draft_store_new:
 * @database: an open database at schema version 2 or later
 *
 * Returns: (transfer full): the draft store
 */
SteadyDraftStore *
steady_draft_store_new (SteadyDatabase *database)
{
  SteadyDraftStore *self;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), NULL);
  g_return_val_if_fail (steady_database_get_schema_version (database) >= 2, NULL);

  self = g_object_new (STEADY_TYPE_DRAFT_STORE, NULL);
  self->database = g_object_ref (database);
  return self;
}

static gboolean
check_address (const char  *kind,
               const char  *key,
               GError     **error)
{
  if (kind[0] == '\0' || strlen (kind) > KIND_MAX_BYTES || strlen (key) > KEY_MAX_BYTES ||
      !g_utf8_validate (kind, -1, NULL) || !g_utf8_validate (key, -1, NULL))
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_VALUE,
                   _("The draft could not be saved: its name is not valid."));
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (SteadyDraftStore  *self,
         const char        *sql,
         const char        *kind,
         const char        *key,
         GError           **error)
{
  sqlite3 *db = steady_database_get_handle (self->database);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      steady_database_set_error_from_sqlite (error, db, rc, _("draft"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  if (key != NULL)
    sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  return stmt;
}

/**
 * steady_draft_store_save:
 * @kind: which editor, e.g. %STEADY_MOOD_ENTRY_DRAFT_KIND
 * @key: which record it edits, e.g. a UUID ("" for a new one)
 * @payload: the draft as JSON
 *
 * Replaces the draft of @kind and @key, durably, in one transaction.
 *
 * Returns: whether the draft is saved
 */
gboolean
steady_draft_store_save (SteadyDraftStore  *self,
                         const char        *kind,
                         const char        *key,
                         const char        *payload,
                         GError           **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STEADY_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (kind != NULL && key != NULL && payload != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_address (kind, key, error))
    return FALSE;
  if (strlen (payload) > STEADY_DRAFT_MAX_BYTES)
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_TOO_LONG,
                   _("The draft is too long to keep."));
      return FALSE;
    }
  if (!g_utf8_validate (payload, -1, NULL))
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_VALUE,
                   _("The draft could not be saved: it is not valid text."));
      return FALSE;
    }

  db = steady_database_get_handle (self->database);
  stmt = prepare (self,
                  "INSERT INTO draft (kind, key, payload, updated_us) VALUES (?1, ?2, ?3, ?4)"
                  "  ON CONFLICT (kind, key) DO UPDATE"
                  "  SET payload = excluded.payload, updated_us = excluded.updated_us",
                  kind, key, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 3, payload, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time ());
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_CONSTRAINT_CHECK)
    g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_VALUE,
                 _("The draft could not be saved: it is not valid JSON."));
  else if (rc != SQLITE_DONE)
    steady_database_set_error_from_sqlite (error, db, rc, _("draft"));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/**
 * steady_draft_store_load:
 * @out_updated_us: (out) (optional): when the draft was saved, UTC microseconds
 *
 * Returns: (transfer full) (nullable): the draft's JSON, or %NULL with
 *   %STEADY_JOURNAL_ERROR_NOT_FOUND when there is none
 */
char *
steady_draft_store_load (SteadyDraftStore  *self,
                         const char        *kind,
                         const char        *key,
                         gint64            *out_updated_us,
                         GError           **error)
{
  sqlite3_stmt *stmt;
  char *payload = NULL;
  int rc;

  g_return_val_if_fail (STEADY_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (kind != NULL && key != NULL, NULL);

  stmt = prepare (self, "SELECT payload, updated_us FROM draft WHERE kind = ?1 AND key = ?2",
                  kind, key, error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      payload = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      if (out_updated_us != NULL)
        *out_updated_us = sqlite3_column_int64 (stmt, 1);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_NOT_FOUND,
                 _("There is no draft to restore."));
  else
    steady_database_set_error_from_sqlite (error, steady_database_get_handle (self->database),
                                           rc, _("draft"));
  sqlite3_finalize (stmt);
  return payload;
}

/**
 * steady_draft_store_delete:
 *
 * Removes the draft of @kind and @key, if there is one; its text is overwritten on disk.
 *
 * Returns: whether the removal was saved
 */
gboolean
steady_draft_store_delete (SteadyDraftStore  *self,
                           const char        *kind,
                           const char        *key,
                           GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STEADY_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (kind != NULL && key != NULL, FALSE);

  stmt = prepare (self, "DELETE FROM draft WHERE kind = ?1 AND key = ?2", kind, key, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    steady_database_set_error_from_sqlite (error, steady_database_get_handle (self->database),
                                           rc, _("draft"));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

/**
 * steady_draft_store_list_keys:
 * @kind: which editor
 *
 * Returns: (transfer full): the keys of the drafts of @kind, newest first, so the app can
 *   offer them back at start
 */
GStrv
steady_draft_store_list_keys (SteadyDraftStore  *self,
                              const char        *kind,
                              GError           **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STEADY_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  stmt = prepare (self, "SELECT key FROM draft WHERE kind = ?1 ORDER BY updated_us DESC",
                  kind, NULL, error);
  if (stmt == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *)sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    steady_database_set_error_from_sqlite (error, steady_database_get_handle (self->database),
                                           rc, _("draft"));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? g_strv_builder_end (builder) : NULL;
}
