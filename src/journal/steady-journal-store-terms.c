/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-journal-store-terms.c: the journal's vocabulary of emotions and activity tags —
 * list, add, rename, merge, delete, and naming the built-ins in the user's language. */

#define G_LOG_DOMAIN "steady-journal-store-terms"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-journal-store-private.h"

/* The same statements for both vocabularies; only the tables differ. */
typedef struct
{
  const char *list;
  const char *names;
  const char *insert;
  const char *rename;
  const char *find;
  const char *move_links;
  const char *delete;
  const char *builtins;
  const char *localize;
} TermSql;

#define TERM_SQL(table, link, column, move_links_sql)                                      \
  {                                                                                        \
    "SELECT t.uuid, t.name, t.builtin,"                                                    \
    "       (SELECT count(*) FROM " link " WHERE " column " = t.id)"                       \
    "  FROM " table " AS t ORDER BY t.builtin IS NULL, t.position, t.name COLLATE NOCASE", \
    "SELECT uuid, name FROM " table,                                                       \
    "INSERT INTO " table " (uuid, name, created_us, updated_us) VALUES (?1, ?2, ?3, ?3)",  \
    "UPDATE " table " SET name = ?2, renamed = 1, updated_us = ?3 WHERE id = ?1",          \
    "SELECT id FROM " table " WHERE uuid = ?1",                                            \
    move_links_sql,                                                                        \
    "DELETE FROM " table " WHERE id = ?1",                                                 \
    "SELECT uuid, builtin, name FROM " table " WHERE builtin IS NOT NULL AND renamed = 0", \
    "UPDATE OR IGNORE " table " SET name = ?2 WHERE uuid = ?1",                            \
  }

static const TermSql term_sql[] = {
  [STEADY_JOURNAL_TERM_EMOTION] = TERM_SQL ("emotion", "mood_entry_emotion", "emotion_id",
    /* An entry that had both keeps the stronger intensity. */
    "INSERT INTO mood_entry_emotion (entry_id, emotion_id, intensity)"
    "  SELECT entry_id, ?2, intensity FROM mood_entry_emotion WHERE emotion_id = ?1"
    "  ON CONFLICT (entry_id, emotion_id)"
    "  DO UPDATE SET intensity = max (intensity, excluded.intensity)"),
  [STEADY_JOURNAL_TERM_TAG] = TERM_SQL ("tag", "mood_entry_tag", "tag_id",
    "INSERT OR IGNORE INTO mood_entry_tag (entry_id, tag_id)"
    "  SELECT entry_id, ?2 FROM mood_entry_tag WHERE tag_id = ?1"),
};

/* The names of the built-ins in English, as schema version 2 stores them, for gettext. */
static const struct
{
  SteadyJournalTermKind  kind;
  const char            *builtin;
  const char            *name;
} builtin_names[] = {
  /* Translators: an emotion to pick in the mood journal. */
  { STEADY_JOURNAL_TERM_EMOTION, "joy", N_("Joy") },
  /* Translators: an emotion to pick in the mood journal. */
  { STEADY_JOURNAL_TERM_EMOTION, "calm", N_("Calm") },
  /* Translators: an emotion to pick in the mood journal. */
  { STEADY_JOURNAL_TERM_EMOTION, "sadness", N_("Sadness") },
  /* Translators: an emotion to pick in the mood journal. */
  { STEADY_JOURNAL_TERM_EMOTION, "fear", N_("Fear or anxiety") },
  /* Translators: an emotion to pick in the mood journal. */
  { STEADY_JOURNAL_TERM_EMOTION, "anger", N_("Anger") },
  /* Translators: an emotion to pick in the mood journal. */
  { STEADY_JOURNAL_TERM_EMOTION, "shame", N_("Shame or guilt") },
  /* Translators: an emotion to pick in the mood journal. */
  { STEADY_JOURNAL_TERM_EMOTION, "loneliness", N_("Loneliness") },
  /* Translators: an emotion to pick in the mood journal. */
  { STEADY_JOURNAL_TERM_EMOTION, "hope", N_("Hope") },
  /* Translators: an activity tag for a mood journal entry (time at work). */
  { STEADY_JOURNAL_TERM_TAG, "work", N_("Work") },
  /* Translators: an activity tag for a mood journal entry. */
  { STEADY_JOURNAL_TERM_TAG, "exercise", N_("Exercise") },
  /* Translators: an activity tag for a mood journal entry (group therapy). */
  { STEADY_JOURNAL_TERM_TAG, "group", N_("Group") },
  /* Translators: an activity tag for a mood journal entry. */
  { STEADY_JOURNAL_TERM_TAG, "family", N_("Family") },
  /* Translators: an activity tag for a mood journal entry (time spent outdoors). */
  { STEADY_JOURNAL_TERM_TAG, "outside", N_("Outside") },
};

static const char *
kind_what (SteadyJournalTermKind kind)
{
  return kind == STEADY_JOURNAL_TERM_EMOTION ? _("emotions") : _("tags");
}

static gboolean
step_done (SteadyJournalStore     *self,
           SteadyStmt             *stmt,
           SteadyJournalTermKind   kind,
           GError                **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _steady_journal_store_set_error (self, error, rc, kind_what (kind));
      return FALSE;
    }
  return TRUE;
}

/* Checks a cleaned name, and that no other term of the kind has it in any letter case. */
static gboolean
check_name (SteadyJournalStore     *self,
            SteadyJournalTermKind   kind,
            const char             *name,
            const char             *except_uuid,
            GError                **error)
{
  g_autoptr(SteadyStmt) stmt = NULL;
  g_autofree char *folded = NULL;
  int rc;

  if (name[0] == '\0')
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_NAME,
                   _("Please give a name."));
      return FALSE;
    }
  if (g_utf8_strlen (name, -1) > STEADY_JOURNAL_NAME_MAX_CHARS)
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_NAME,
                   _("A name can be up to %d characters long."), STEADY_JOURNAL_NAME_MAX_CHARS);
      return FALSE;
    }

  stmt = _steady_journal_store_prepare (self, term_sql[kind].names, error);
  if (stmt == NULL)
    return FALSE;
  folded = g_utf8_casefold (name, -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *uuid = (const char *)sqlite3_column_text (stmt, 0);
      g_autofree char *other = g_utf8_casefold ((const char *)sqlite3_column_text (stmt, 1), -1);

      if (g_strcmp0 (uuid, except_uuid) == 0 || g_strcmp0 (folded, other) != 0)
        continue;
      if (kind == STEADY_JOURNAL_TERM_EMOTION)
        g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_EXISTS,
                     _("There is already an emotion called “%s”."), name);
      else
        g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_EXISTS,
                     _("There is already a tag called “%s”."), name);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      _steady_journal_store_set_error (self, error, rc, kind_what (kind));
      return FALSE;
    }
  return TRUE;
}

static gboolean
find_term (SteadyJournalStore     *self,
           SteadyJournalTermKind   kind,
           const char             *uuid,
           gint64                 *out_id,
           GError                **error)
{
  g_autoptr(SteadyStmt) stmt = _steady_journal_store_prepare (self, term_sql[kind].find, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_NOT_FOUND,
                 kind == STEADY_JOURNAL_TERM_EMOTION
                   ? _("This emotion no longer exists; it may have been merged or deleted.")
                   : _("This tag no longer exists; it may have been merged or deleted."));
  else
    _steady_journal_store_set_error (self, error, rc, kind_what (kind));
  return FALSE;
}

/* Runs @sql with ?1 = @id and, if it has one, ?2 = @other_id. */
static gboolean
exec_on_term (SteadyJournalStore     *self,
              SteadyJournalTermKind   kind,
              const char             *sql,
              gint64                  id,
              gint64                  other_id,
              GError                **error)
{
  g_autoptr(SteadyStmt) stmt = _steady_journal_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, other_id);
  return step_done (self, stmt, kind, error);
}

/* Ends a change to the vocabulary that entries show: commit, then tell the views. */
static gboolean
commit_and_reset (SteadyJournalStore     *self,
                  SteadyJournalTermKind   kind,
                  GError                **error)
{
  if (!steady_database_commit (steady_journal_store_get_database (self), error))
    return FALSE;
  _steady_journal_store_emit_terms_changed (self, kind);
  _steady_journal_store_emit_reset (self);
  return TRUE;
}

/**
 * steady_journal_store_list_terms:
 * @kind: emotions or tags
 *
 * Returns: (transfer full) (element-type SteadyJournalTerm): the built-ins in their fixed
 *   order, then the user's own by name, each with how many entries use it
 */
GPtrArray *
steady_journal_store_list_terms (SteadyJournalStore     *self,
                                 SteadyJournalTermKind   kind,
                                 GError                **error)
{
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(SteadyStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (self), NULL);
  g_return_val_if_fail (kind <= STEADY_JOURNAL_TERM_TAG, NULL);

  stmt = _steady_journal_store_prepare (self, term_sql[kind].list, error);
  if (stmt == NULL)
    return NULL;
  terms = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (terms,
                     steady_journal_term_new (kind,
                                              (const char *)sqlite3_column_text (stmt, 0),
                                              (const char *)sqlite3_column_text (stmt, 1),
                                              (const char *)sqlite3_column_text (stmt, 2),
                                              (guint)sqlite3_column_int64 (stmt, 3)));
  if (rc != SQLITE_DONE)
    {
      _steady_journal_store_set_error (self, error, rc, kind_what (kind));
      return NULL;
    }
  return g_steal_pointer (&terms);
}

/* Inserts a term with a cleaned @name inside the caller's transaction, unless another term of
 * the kind has that name in any letter case. */
gboolean
_steady_journal_store_insert_term (SteadyJournalStore     *self,
                                   SteadyJournalTermKind   kind,
                                   const char             *uuid,
                                   const char             *name,
                                   GError                **error)
{
  g_autoptr(SteadyStmt) stmt = NULL;

  if (!check_name (self, kind, name, NULL, error))
    return FALSE;
  stmt = _steady_journal_store_prepare (self, term_sql[kind].insert, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  return step_done (self, stmt, kind, error);
}

/**
 * steady_journal_store_add_term:
 * @kind: emotions or tags
 * @name: the name as typed; cleaned to one line
 *
 * Returns: (transfer full): the new term, or %NULL if the name is empty, too long or taken
 */
SteadyJournalTerm *
steady_journal_store_add_term (SteadyJournalStore     *self,
                               SteadyJournalTermKind   kind,
                               const char             *name,
                               GError                **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (self), NULL);
  g_return_val_if_fail (kind <= STEADY_JOURNAL_TERM_TAG, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  clean = steady_journal_sanitize_name (name, -1);
  uuid = g_uuid_string_random ();

  if (!steady_database_begin (steady_journal_store_get_database (self), error))
    return NULL;
  if (!_steady_journal_store_insert_term (self, kind, uuid, clean, error))
    goto failed;
  if (!steady_database_commit (steady_journal_store_get_database (self), error))
    return NULL;

  _steady_journal_store_emit_terms_changed (self, kind);
  return steady_journal_term_new (kind, uuid, clean, NULL, 0);

failed:
  steady_database_rollback (steady_journal_store_get_database (self));
  return NULL;
}

/**
 * steady_journal_store_rename_term:
 * @uuid: the term's UUID
 * @name: the new name as typed
 *
 * Renames the term everywhere it is used; entries are found by the new name from then on.
 * A renamed built-in keeps the user's name in every language.
 *
 * Returns: whether it was renamed
 */
gboolean
steady_journal_store_rename_term (SteadyJournalStore     *self,
                                  SteadyJournalTermKind   kind,
                                  const char             *uuid,
                                  const char             *name,
                                  GError                **error)
{
  g_autoptr(SteadyStmt) stmt = NULL;
  g_autofree char *clean = NULL;
  gint64 id = 0;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (self), FALSE);
  g_return_val_if_fail (kind <= STEADY_JOURNAL_TERM_TAG, FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clean = steady_journal_sanitize_name (name, -1);
  if (!steady_database_begin (steady_journal_store_get_database (self), error))
    return FALSE;
  if (!find_term (self, kind, uuid, &id, error) ||
      !check_name (self, kind, clean, uuid, error))
    goto failed;
  stmt = _steady_journal_store_prepare (self, term_sql[kind].rename, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  if (!step_done (self, stmt, kind, error))
    goto failed;
  g_clear_pointer (&stmt, _steady_stmt_reset);
  return commit_and_reset (self, kind, error);

failed:
  steady_database_rollback (steady_journal_store_get_database (self));
  return FALSE;
}

/**
 * steady_journal_store_merge_terms:
 * @from_uuid: the term that goes away
 * @into_uuid: the term that stays
 *
 * Moves every use of @from_uuid to @into_uuid, then deletes @from_uuid. An entry that had
 * both has @into_uuid once (for emotions, with the stronger of the two intensities).
 *
 * Returns: whether the terms were merged
 */
gboolean
steady_journal_store_merge_terms (SteadyJournalStore     *self,
                                  SteadyJournalTermKind   kind,
                                  const char             *from_uuid,
                                  const char             *into_uuid,
                                  GError                **error)
{
  gint64 from_id = 0;
  gint64 into_id = 0;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (self), FALSE);
  g_return_val_if_fail (kind <= STEADY_JOURNAL_TERM_TAG, FALSE);
  g_return_val_if_fail (from_uuid != NULL && into_uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_strcmp0 (from_uuid, into_uuid) == 0)
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_VALUE,
                   _("Choose two different names to merge."));
      return FALSE;
    }

  if (!steady_database_begin (steady_journal_store_get_database (self), error))
    return FALSE;
  /* The old links go with the term (ON DELETE CASCADE). */
  if (find_term (self, kind, from_uuid, &from_id, error) &&
      find_term (self, kind, into_uuid, &into_id, error) &&
      exec_on_term (self, kind, term_sql[kind].move_links, from_id, into_id, error) &&
      exec_on_term (self, kind, term_sql[kind].delete, from_id, 0, error))
    return commit_and_reset (self, kind, error);

  steady_database_rollback (steady_journal_store_get_database (self));
  return FALSE;
}

/**
 * steady_journal_store_delete_term:
 * @uuid: the term's UUID
 *
 * Deletes the term and takes it off every entry that had it; the entries stay.
 *
 * Returns: whether it was deleted
 */
gboolean
steady_journal_store_delete_term (SteadyJournalStore     *self,
                                  SteadyJournalTermKind   kind,
                                  const char             *uuid,
                                  GError                **error)
{
  gint64 id = 0;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (self), FALSE);
  g_return_val_if_fail (kind <= STEADY_JOURNAL_TERM_TAG, FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!steady_database_begin (steady_journal_store_get_database (self), error))
    return FALSE;
  if (find_term (self, kind, uuid, &id, error) &&
      exec_on_term (self, kind, term_sql[kind].delete, id, 0, error))
    return commit_and_reset (self, kind, error);

  steady_database_rollback (steady_journal_store_get_database (self));
  return FALSE;
}

static char *
translate_with_gettext (SteadyJournalTermKind  kind,
                        const char            *builtin,
                        gpointer               user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_names); i++)
    if (builtin_names[i].kind == kind && g_strcmp0 (builtin_names[i].builtin, builtin) == 0)
      return g_strdup (_(builtin_names[i].name));
  return NULL;
}

typedef struct
{
  SteadyJournalTermKind  kind;
  char                  *uuid;
  char                  *name;
} Rename;

static void
rename_clear (Rename *rename)
{
  g_free (rename->uuid);
  g_free (rename->name);
}

static gboolean
collect_renames (SteadyJournalStore          *self,
                 SteadyJournalTermKind        kind,
                 SteadyJournalTranslateFunc   translate,
                 gpointer                     user_data,
                 GArray                      *renames,
                 GError                     **error)
{
  g_autoptr(SteadyStmt) stmt = _steady_journal_store_prepare (self, term_sql[kind].builtins, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *builtin = (const char *)sqlite3_column_text (stmt, 1);
      const char *name = (const char *)sqlite3_column_text (stmt, 2);
      g_autofree char *wanted = translate (kind, builtin, user_data);
      g_autofree char *clean = wanted != NULL ? steady_journal_sanitize_name (wanted, -1) : NULL;

      if (clean == NULL || clean[0] == '\0' ||
          g_utf8_strlen (clean, -1) > STEADY_JOURNAL_NAME_MAX_CHARS ||
          g_strcmp0 (clean, name) == 0)
        continue;
      g_array_append_val (renames, ((Rename) {
        kind, g_strdup ((const char *)sqlite3_column_text (stmt, 0)), g_steal_pointer (&clean)
      }));
    }
  if (rc != SQLITE_DONE)
    {
      _steady_journal_store_set_error (self, error, rc, kind_what (kind));
      return FALSE;
    }
  return TRUE;
}

/**
 * steady_journal_store_localize_builtin_terms:
 * @translate: (nullable): gives the name of a built-in in the user's language; %NULL for
 *   the app's translations (gettext)
 *
 * Names the built-in emotions and tags the user has not renamed in the user's language, so
 * pickers show and search finds them by those names. Writes only when a name changes (the
 * first start in a language), and skips a name the user already gave one of their own.
 *
 * Returns: whether the names are in order
 */
gboolean
steady_journal_store_localize_builtin_terms (SteadyJournalStore          *self,
                                             SteadyJournalTranslateFunc   translate,
                                             gpointer                     user_data,
                                             GError                     **error)
{
  g_autoptr(GArray) renames = g_array_new (FALSE, FALSE, sizeof (Rename));
  gboolean changed[STEADY_JOURNAL_TERM_TAG + 1] = { FALSE, FALSE };

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_array_set_clear_func (renames, (GDestroyNotify)rename_clear);
  if (translate == NULL)
    translate = translate_with_gettext;

  if (!collect_renames (self, STEADY_JOURNAL_TERM_EMOTION, translate, user_data, renames, error) ||
      !collect_renames (self, STEADY_JOURNAL_TERM_TAG, translate, user_data, renames, error))
    return FALSE;
  if (renames->len == 0)
    return TRUE;

  if (!steady_database_begin (steady_journal_store_get_database (self), error))
    return FALSE;
  for (guint i = 0; i < renames->len; i++)
    {
      const Rename *rename = &g_array_index (renames, Rename, i);
      g_autoptr(SteadyStmt) stmt =
        _steady_journal_store_prepare (self, term_sql[rename->kind].localize, error);

      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, rename->uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, rename->name, -1, SQLITE_STATIC);
      if (!step_done (self, stmt, rename->kind, error))
        goto failed;
      changed[rename->kind] |= sqlite3_changes (_steady_journal_store_get_handle (self)) > 0;
    }
  if (!steady_database_commit (steady_journal_store_get_database (self), error))
    return FALSE;

  for (guint kind = 0; kind < G_N_ELEMENTS (changed); kind++)
    if (changed[kind])
      _steady_journal_store_emit_terms_changed (self, kind);
  if (changed[STEADY_JOURNAL_TERM_EMOTION] || changed[STEADY_JOURNAL_TERM_TAG])
    _steady_journal_store_emit_reset (self);
  return TRUE;

failed:
  steady_database_rollback (steady_journal_store_get_database (self));
  return FALSE;
}
