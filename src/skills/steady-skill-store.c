/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-store.c: thought records and DBT-informed worksheets in the table skill_record.
 * Every write is one transaction; the schema's triggers keep the shared search index in
 * step, and deleting merges the index so no word of a deleted record stays behind. */

#define G_LOG_DOMAIN "steady-skill-store"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-journal-search.h"
#include "steady-skill-record-private.h"
#include "steady-skill-store.h"
#include "steady-skills-error.h"
#include "steady-skills-sql-private.h"

struct _SteadySkillStore
{
  GObject         parent_instance;

  /* owned */
  SteadyDatabase *database;
};

G_DEFINE_FINAL_TYPE (SteadySkillStore, steady_skill_store, G_TYPE_OBJECT)

#define RECORD_COLUMNS \
  "r.uuid, r.kind, r.created_us, r.updated_us, r.at_us, r.utc_offset_s, r.step_reached," \
  " r.finished, r.distress_before, r.distress_after, r.private, r.payload"

static void
steady_skill_store_finalize (GObject *object)
{
  SteadySkillStore *self = (SteadySkillStore *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (steady_skill_store_parent_class)->finalize (object);
}

static void
steady_skill_store_class_init (SteadySkillStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steady_skill_store_finalize;
}

static void
steady_skill_store_init (SteadySkillStore *self)
{
}

/**
 * steady_skill_store_new:
 * @database: an open database at schema version 6 or later
 *
 * Returns: (transfer full): a store of the records in @database
 */
SteadySkillStore *
steady_skill_store_new (SteadyDatabase *database)
{
  SteadySkillStore *self;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), NULL);

  self = g_object_new (STEADY_TYPE_SKILL_STORE, NULL);
  self->database = g_object_ref (database);
  return self;
}

SteadyDatabase *
steady_skill_store_get_database (SteadySkillStore *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_STORE (self), NULL);

  return self->database;
}

/* Reads a row of RECORD_COLUMNS starting at column 0. */
static SteadySkillRecord *
record_from_row (SteadySkillsStmt  *stmt,
                 GError           **error)
{
  g_autoptr(SteadySkillRecord) record = NULL;
  SteadySkillKind kind;

  if (!steady_skill_kind_from_id ((const char *)sqlite3_column_text (stmt, 1), &kind))
    {
      g_set_error_literal (error, STEADY_SKILLS_ERROR, STEADY_SKILLS_ERROR_INVALID_FIELD,
                           _("A saved exercise is of a kind this version does not know."));
      return NULL;
    }
  record = _steady_skill_record_new_stored (kind, (const char *)sqlite3_column_text (stmt, 0),
                                            sqlite3_column_int64 (stmt, 2),
                                            sqlite3_column_int64 (stmt, 3));
  steady_skill_record_set_time (record, sqlite3_column_int64 (stmt, 4),
                                sqlite3_column_int (stmt, 5));
  steady_skill_record_set_step_reached (record, sqlite3_column_int (stmt, 6));
  steady_skill_record_set_finished (record, sqlite3_column_int (stmt, 7));
  steady_skill_record_set_distress_before (record, _steady_skills_column_rating (stmt, 8));
  steady_skill_record_set_distress_after (record, _steady_skills_column_rating (stmt, 9));
  steady_skill_record_set_private (record, sqlite3_column_int (stmt, 10));
  if (!_steady_skill_record_set_answers (record, (const char *)sqlite3_column_text (stmt, 11),
                                         error))
    return NULL;
  return g_steal_pointer (&record);
}

/* The stored record with this UUID, or NULL: NOT_FOUND when there is none. */
static SteadySkillRecord *
load_record (SteadySkillStore  *self,
             const char        *uuid,
             GError           **error)
{
  g_autoptr(SteadySkillsStmt) stmt = _steady_skills_prepare (self->database,
    "SELECT " RECORD_COLUMNS " FROM skill_record AS r WHERE r.uuid = ?1", error);
  gboolean row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (!_steady_skills_step_row (self->database, stmt, &row, error))
    return NULL;
  if (!row)
    {
      g_set_error_literal (error, STEADY_SKILLS_ERROR, STEADY_SKILLS_ERROR_NOT_FOUND,
                           _("This exercise no longer exists; it may have been deleted."));
      return NULL;
    }
  return record_from_row (stmt, error);
}

static gboolean
delete_draft (SteadySkillStore   *self,
              SteadySkillRecord  *record,
              GError            **error)
{
  g_autoptr(SteadySkillsStmt) stmt = _steady_skills_prepare (self->database,
    "DELETE FROM draft WHERE kind = ?1 AND key = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, steady_skill_record_get_draft_kind (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, steady_skill_record_get_uuid (record), -1, SQLITE_STATIC);
  return _steady_skills_step_done (self->database, stmt, error);
}

/* Inserts or updates @record with the given times in the current transaction. */
static gboolean
write_record (SteadySkillStore   *self,
              SteadySkillRecord  *record,
              gint64              created_us,
              gint64              updated_us,
              GError            **error)
{
  g_autofree char *answers = _steady_skill_record_dup_answers (record);
  g_autoptr(SteadySkillsStmt) stmt = _steady_skills_prepare (self->database,
    "INSERT INTO skill_record (uuid, kind, created_us, updated_us, at_us, utc_offset_s,"
    "    step_reached, finished, distress_before, distress_after, private, payload)"
    "  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
    "  ON CONFLICT (uuid) DO UPDATE SET updated_us = excluded.updated_us,"
    "    at_us = excluded.at_us, utc_offset_s = excluded.utc_offset_s,"
    "    step_reached = excluded.step_reached, finished = excluded.finished,"
    "    distress_before = excluded.distress_before, distress_after = excluded.distress_after,"
    "    private = excluded.private, payload = excluded.payload"
    "  WHERE kind = excluded.kind", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, steady_skill_record_get_uuid (record), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, steady_skill_kind_to_id (steady_skill_record_get_kind (record)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, created_us);
  sqlite3_bind_int64 (stmt, 4, updated_us);
  sqlite3_bind_int64 (stmt, 5, steady_skill_record_get_time (record));
  sqlite3_bind_int (stmt, 6, steady_skill_record_get_utc_offset (record));
  sqlite3_bind_int (stmt, 7, steady_skill_record_get_step_reached (record));
  sqlite3_bind_int (stmt, 8, steady_skill_record_get_finished (record));
  _steady_skills_bind_rating (stmt, 9, steady_skill_record_get_distress_before (record));
  _steady_skills_bind_rating (stmt, 10, steady_skill_record_get_distress_after (record));
  sqlite3_bind_int (stmt, 11, steady_skill_record_get_private (record));
  sqlite3_bind_text (stmt, 12, answers, -1, SQLITE_STATIC);
  if (!_steady_skills_step_done (self->database, stmt, error))
    return FALSE;
  if (sqlite3_changes (steady_database_get_handle (self->database)) != 1)
    {
      g_set_error_literal (error, STEADY_SKILLS_ERROR, STEADY_SKILLS_ERROR_EXISTS,
                           _("Another exercise has this identifier already."));
      return FALSE;
    }
  return TRUE;
}

/**
 * steady_skill_store_save:
 * @record: a new or changed record, finished or not
 *
 * Saves @record as it is (a record can be saved at any step), stamps its created and
 * updated times, and removes its draft in the same transaction.
 *
 * Returns: whether it was saved; if not, @error says why in words (%STEADY_SKILLS_ERROR for
 *   a value out of range, %STEADY_DATABASE_ERROR for the disk)
 */
gboolean
steady_skill_store_save (SteadySkillStore   *self,
                         SteadySkillRecord  *record,
                         GError            **error)
{
  gint64 now_us = _steady_skills_now_us ();
  gint64 created_us;

  g_return_val_if_fail (STEADY_IS_SKILL_STORE (self), FALSE);
  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!steady_skill_record_validate (record, error))
    return FALSE;

  created_us = steady_skill_record_get_created (record);
  if (created_us == 0 || created_us > now_us)
    created_us = now_us;
  if (!steady_database_begin (self->database, error))
    return FALSE;
  if (!write_record (self, record, created_us, now_us, error) ||
      !delete_draft (self, record, error) ||
      !steady_database_commit (self->database, error))
    {
      steady_database_rollback (self->database);
      return FALSE;
    }
  _steady_skill_record_set_stamps (record, created_us, now_us);
  return TRUE;
}

/**
 * steady_skill_store_load:
 *
 * Returns: (transfer full) (nullable): the record, or %NULL with @error set
 *   (%STEADY_SKILLS_ERROR_NOT_FOUND when there is none)
 */
SteadySkillRecord *
steady_skill_store_load (SteadySkillStore  *self,
                         const char        *uuid,
                         GError           **error)
{
  g_return_val_if_fail (STEADY_IS_SKILL_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return load_record (self, uuid, error);
}

/**
 * steady_skill_store_delete:
 *
 * Deletes the record and its draft, and merges the search index so none of its words stay
 * in the file; the write-ahead log is then checkpointed when no one else reads.
 *
 * Returns: (transfer full) (nullable): the record as it was, for
 *   steady_skill_store_restore () (undo), or %NULL with @error set
 */
SteadySkillRecord *
steady_skill_store_delete (SteadySkillStore  *self,
                           const char        *uuid,
                           GError           **error)
{
  g_autoptr(SteadySkillRecord) old = NULL;
  g_autoptr(SteadySkillsStmt) stmt = NULL;

  g_return_val_if_fail (STEADY_IS_SKILL_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!steady_database_begin (self->database, error))
    return NULL;
  old = load_record (self, uuid, error);
  if (old == NULL)
    goto failed;
  stmt = _steady_skills_prepare (self->database, "DELETE FROM skill_record WHERE uuid = ?1",
                                 error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (!_steady_skills_step_done (self->database, stmt, error) ||
      !delete_draft (self, old, error) ||
      !_steady_skills_merge_index (self->database, error) ||
      !steady_database_commit (self->database, error))
    goto failed;

  sqlite3_wal_checkpoint_v2 (steady_database_get_handle (self->database), "main",
                             SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  return g_steal_pointer (&old);

failed:
  steady_database_rollback (self->database);
  return NULL;
}

/**
 * steady_skill_store_restore:
 * @deleted: a record returned by steady_skill_store_delete ()
 *
 * Puts a deleted record back as it was: the same UUID, times and answers.
 *
 * Returns: whether it is back
 */
gboolean
steady_skill_store_restore (SteadySkillStore   *self,
                            SteadySkillRecord  *deleted,
                            GError            **error)
{
  g_return_val_if_fail (STEADY_IS_SKILL_STORE (self), FALSE);
  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (deleted), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!steady_skill_record_validate (deleted, error))
    return FALSE;
  if (!steady_database_begin (self->database, error))
    return FALSE;
  if (!write_record (self, deleted, steady_skill_record_get_created (deleted),
                     MAX (steady_skill_record_get_updated (deleted),
                          steady_skill_record_get_created (deleted)), error) ||
      !steady_database_commit (self->database, error))
    {
      steady_database_rollback (self->database);
      return FALSE;
    }
  return TRUE;
}

static void
bind_kinds (SteadySkillsStmt *stmt,
            int               first_index,
            guint             kinds)
{
  for (guint k = 0; k < STEADY_N_SKILL_KINDS; k++)
    if (kinds & STEADY_SKILL_KIND_MASK (k))
      sqlite3_bind_text (stmt, first_index + k, steady_skill_kind_to_id (k), -1, SQLITE_STATIC);
}

static GPtrArray *
collect_records (SteadySkillStore  *self,
                 SteadySkillsStmt  *stmt,
                 GError           **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean row;

  while (_steady_skills_step_row (self->database, stmt, &row, error))
    {
      SteadySkillRecord *record;

      if (!row)
        return g_steal_pointer (&records);
      record = record_from_row (stmt, error);
      if (record == NULL)
        return NULL;
      g_ptr_array_add (records, record);
    }
  return NULL;
}

/**
 * steady_skill_store_list:
 * @kinds: STEADY_SKILL_KIND_MASK () bits of the kinds wanted
 * @limit: most records to return
 *
 * Returns: (transfer container) (element-type SteadySkillRecord): records, newest first
 */
GPtrArray *
steady_skill_store_list (SteadySkillStore  *self,
                         guint              kinds,
                         guint              limit,
                         GError           **error)
{
  g_autoptr(SteadySkillsStmt) stmt = NULL;

  g_return_val_if_fail (STEADY_IS_SKILL_STORE (self), NULL);

  stmt = _steady_skills_prepare (self->database,
    "SELECT " RECORD_COLUMNS " FROM skill_record AS r"
    " WHERE r.kind IN (?1, ?2, ?3, ?4, ?5)"
    " ORDER BY r.at_us DESC, r.id DESC LIMIT ?6", error);
  if (stmt == NULL)
    return NULL;
  bind_kinds (stmt, 1, kinds);
  sqlite3_bind_int64 (stmt, 6, limit);
  return collect_records (self, stmt, error);
}

/**
 * steady_skill_store_list_unfinished:
 * @limit: most records to return
 *
 * The exercises saved but not finished yet, which the Skills page offers to continue. There
 * are few of them, so reading the table once costs little even after twenty years.
 *
 * Returns: (transfer container) (element-type SteadySkillRecord): newest first
 */
GPtrArray *
steady_skill_store_list_unfinished (SteadySkillStore  *self,
                                    guint              limit,
                                    GError           **error)
{
  g_autoptr(SteadySkillsStmt) stmt = NULL;

  g_return_val_if_fail (STEADY_IS_SKILL_STORE (self), NULL);

  stmt = _steady_skills_prepare (self->database,
    "SELECT " RECORD_COLUMNS " FROM skill_record AS r WHERE r.finished = 0"
    " ORDER BY r.at_us DESC, r.id DESC LIMIT ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  return collect_records (self, stmt, error);
}

/**
 * steady_skill_store_search:
 * @text: words as typed; each must start a word of the record (as the journal's search)
 * @kinds: STEADY_SKILL_KIND_MASK () bits of the kinds wanted
 * @limit: most records to return
 *
 * Searches the answers of the records in the full-text index the journal shares.
 *
 * Returns: (transfer container) (element-type SteadySkillRecord): matching records, newest
 *   first; empty when @text has no words
 */
GPtrArray *
steady_skill_store_search (SteadySkillStore  *self,
                           const char        *text,
                           guint              kinds,
                           guint              limit,
                           GError           **error)
{
  g_autofree char *match = NULL;
  g_autoptr(SteadySkillsStmt) stmt = NULL;

  g_return_val_if_fail (STEADY_IS_SKILL_STORE (self), NULL);

  match = steady_journal_search_build_match (text);
  if (match == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);
  /* FTS5 yields rowids (the records' instants) newest first; the join reads each record. */
  stmt = _steady_skills_prepare (self->database,
    "SELECT " RECORD_COLUMNS " FROM search_fts"
    " CROSS JOIN search_doc AS d ON d.id = search_fts.rowid"
    " CROSS JOIN skill_record AS r ON r.uuid = d.record_uuid AND r.kind = d.kind"
    " WHERE search_fts MATCH ?6 AND d.kind IN (?1, ?2, ?3, ?4, ?5)"
    " ORDER BY search_fts.rowid DESC LIMIT ?7", error);
  if (stmt == NULL)
    return NULL;
  bind_kinds (stmt, 1, kinds);
  sqlite3_bind_text (stmt, 6, match, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, limit);
  return collect_records (self, stmt, error);
}

/**
 * steady_skill_store_check_search_index:
 *
 * Runs FTS5's integrity check, which compares the shared index with every record's text.
 *
 * Returns: whether the index agrees
 */
gboolean
steady_skill_store_check_search_index (SteadySkillStore  *self,
                                       GError           **error)
{
  g_return_val_if_fail (STEADY_IS_SKILL_STORE (self), FALSE);

  return steady_database_exec (self->database,
    "INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)", error);
}
