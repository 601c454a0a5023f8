/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-occurrence-store.c: attendance and "bring this up" items of single sessions, keyed
 * like every per-occurrence record by the series and the occurrence's original start. */

#define G_LOG_DOMAIN "steady-occurrence-store"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-occurrence-store.h"
#include "steady-session-store.h"
#include "steady-sql-private.h"
#include "steady-wall-time.h"

struct _SteadyOccurrenceStore
{
  GObject         parent_instance;

  /* owned */
  SteadyDatabase *database;
};

G_DEFINE_FINAL_TYPE (SteadyOccurrenceStore, steady_occurrence_store, G_TYPE_OBJECT)

static const char * const attendance_names[] = {
  [STEADY_ATTENDANCE_UNKNOWN] = NULL,
  [STEADY_ATTENDANCE_ATTENDED] = "attended",
  [STEADY_ATTENDANCE_MISSED] = "missed",
  [STEADY_ATTENDANCE_CANCELLED] = "cancelled",
};

static void
steady_occurrence_store_finalize (GObject *object)
{
  SteadyOccurrenceStore *self = (SteadyOccurrenceStore *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (steady_occurrence_store_parent_class)->finalize (object);
}

static void
steady_occurrence_store_class_init (SteadyOccurrenceStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steady_occurrence_store_finalize;
}

static void
steady_occurrence_store_init (SteadyOccurrenceStore *self)
{
}

SteadyOccurrenceStore *
steady_occurrence_store_new (SteadyDatabase *database)
{
  SteadyOccurrenceStore *self;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), NULL);

  self = g_object_new (STEADY_TYPE_OCCURRENCE_STORE, NULL);
  self->database = g_object_ref (database);
  return self;
}

static gboolean
find_series_id (SteadyOccurrenceStore  *self,
                const char             *series_uuid,
                const char             *original_start_local,
                gint64                 *out_id,
                GError                **error)
{
  g_autoptr(SteadyStatement) stmt = NULL;
  SteadyWallTime wall;
  gboolean has_row = FALSE;

  stmt = steady_sql_prepare (self->database, "SELECT id FROM session_series WHERE uuid = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  steady_sql_bind_text (stmt, 1, series_uuid);
  if (!steady_sql_step_row (self->database, stmt, &has_row, error))
    return FALSE;
  if (!has_row || !steady_wall_time_parse (original_start_local, &wall))
    {
      g_set_error_literal (error, STEADY_SESSION_STORE_ERROR,
                           STEADY_SESSION_STORE_ERROR_NOT_FOUND,
                           _("This session no longer exists. It may have been deleted."));
      return FALSE;
    }
  *out_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
check_length (const char  *text,
              int          max_chars,
              GError     **error)
{
  if (g_utf8_validate (text, -1, NULL) && g_utf8_strlen (text, -1) <= max_chars)
    return TRUE;
  g_set_error (error, STEADY_SESSION_STORE_ERROR, STEADY_SESSION_STORE_ERROR_INVALID,
               _("This text can be at most %d characters long."), max_chars);
  return FALSE;
}

/* Records how the session went; STEADY_ATTENDANCE_UNKNOWN removes what was recorded. */
gboolean
steady_occurrence_store_set_attendance (SteadyOccurrenceStore  *self,
                                        const char             *series_uuid,
                                        const char             *original_start_local,
                                        SteadyAttendance        attendance,
                                        const char             *note,
                                        GError                **error)
{
  g_autoptr(SteadyStatement) stmt = NULL;
  g_autofree char *uuid = NULL;
  gint64 now = g_get_real_time ();
  gint64 id;

  g_return_val_if_fail (STEADY_IS_OCCURRENCE_STORE (self), FALSE);
  g_return_val_if_fail (series_uuid != NULL, FALSE);
  g_return_val_if_fail (original_start_local != NULL, FALSE);
  g_return_val_if_fail ((guint)attendance < G_N_ELEMENTS (attendance_names), FALSE);

  if (note == NULL)
    note = "";
  if (!check_length (note, STEADY_ATTENDANCE_MAX_NOTE_CHARS, error) ||
      !find_series_id (self, series_uuid, original_start_local, &id, error))
    return FALSE;

  if (attendance == STEADY_ATTENDANCE_UNKNOWN)
    stmt = steady_sql_prepare (self->database,
                               "DELETE FROM session_attendance "
                               "WHERE series_id = ?1 AND original_start_local = ?2", error);
  else
    stmt = steady_sql_prepare (self->database,
                               "INSERT INTO session_attendance (series_id, original_start_local, "
                               "uuid, status, note, created_us, updated_us) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) "
                               "ON CONFLICT (series_id, original_start_local) DO UPDATE SET "
                               "status = ?4, note = ?5, updated_us = max (updated_us, ?6)", error);
  if (stmt == NULL)
    return FALSE;

  uuid = g_uuid_string_random ();
  sqlite3_bind_int64 (stmt, 1, id);
  steady_sql_bind_text (stmt, 2, original_start_local);
  if (attendance != STEADY_ATTENDANCE_UNKNOWN)
    {
      steady_sql_bind_text (stmt, 3, uuid);
      steady_sql_bind_text (stmt, 4, attendance_names[attendance]);
      steady_sql_bind_text (stmt, 5, note);
      sqlite3_bind_int64 (stmt, 6, now);
    }
  return steady_sql_step_done (self->database, stmt, error);
}

gboolean
steady_occurrence_store_get_attendance (SteadyOccurrenceStore  *self,
                                        const char             *series_uuid,
                                        const char             *original_start_local,
                                        SteadyAttendance       *out_attendance,
                                        char                  **out_note,
                                        GError                **error)
{
  g_autoptr(SteadyStatement) stmt = NULL;
  gboolean has_row = FALSE;
  gint64 id;

  g_return_val_if_fail (STEADY_IS_OCCURRENCE_STORE (self), FALSE);
  g_return_val_if_fail (out_attendance != NULL, FALSE);

  if (!find_series_id (self, series_uuid, original_start_local, &id, error))
    return FALSE;
  stmt = steady_sql_prepare (self->database,
                             "SELECT status, note FROM session_attendance "
                             "WHERE series_id = ?1 AND original_start_local = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  steady_sql_bind_text (stmt, 2, original_start_local);
  if (!steady_sql_step_row (self->database, stmt, &has_row, error))
    return FALSE;

  *out_attendance = STEADY_ATTENDANCE_UNKNOWN;
  for (guint i = 1; has_row && i < G_N_ELEMENTS (attendance_names); i++)
    {
      if (g_strcmp0 (attendance_names[i], (const char *)sqlite3_column_text (stmt, 0)) == 0)
        *out_attendance = i;
    }
  if (out_note != NULL)
    *out_note = has_row ? steady_sql_dup_text (stmt, 1) : g_strdup ("");
  return TRUE;
}

/* Adds @text at the end of the session's list. @linked_uuid names an entry the user chose to
 * link (its text stays where it is). */
SteadyBringUpItem *
steady_occurrence_store_add_bring_up (SteadyOccurrenceStore  *self,
                                      const char             *series_uuid,
                                      const char             *original_start_local,
                                      const char             *text,
                                      const char             *linked_uuid,
                                      GError                **error)
{
  g_autoptr(SteadyStatement) stmt = NULL;
  g_autoptr(SteadyBringUpItem) item = NULL;
  g_autofree char *stripped = NULL;
  gint64 id;

  g_return_val_if_fail (STEADY_IS_OCCURRENCE_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, STEADY_SESSION_STORE_ERROR, STEADY_SESSION_STORE_ERROR_INVALID,
                           _("Write what you would like to bring up."));
      return NULL;
    }
  if (!check_length (stripped, STEADY_BRING_UP_MAX_TEXT_CHARS, error) ||
      !find_series_id (self, series_uuid, original_start_local, &id, error))
    return NULL;

  item = steady_bring_up_item_new (stripped);
  item->linked_uuid = g_strdup (linked_uuid);
  item->created_us = item->updated_us = g_get_real_time ();

  stmt = steady_sql_prepare (self->database,
                             "INSERT INTO session_bring_up_items (uuid, series_id, "
                             "original_start_local, position, text, linked_uuid, done, "
                             "created_us, updated_us) "
                             "SELECT ?1, ?2, ?3, coalesce (max (position) + 1, 0), ?4, ?5, 0, "
                             "?6, ?6 FROM session_bring_up_items "
                             "WHERE series_id = ?2 AND original_start_local = ?3 "
                             "RETURNING position", error);
  if (stmt == NULL)
    return NULL;
  steady_sql_bind_text (stmt, 1, item->uuid);
  sqlite3_bind_int64 (stmt, 2, id);
  steady_sql_bind_text (stmt, 3, original_start_local);
  steady_sql_bind_text (stmt, 4, item->text);
  steady_sql_bind_text (stmt, 5, item->linked_uuid);
  sqlite3_bind_int64 (stmt, 6, item->created_us);
  {
    gboolean has_row = FALSE;

    if (!steady_sql_step_row (self->database, stmt, &has_row, error))
      return NULL;
    item->position = has_row ? sqlite3_column_int (stmt, 0) : 0;
    /* Finish the statement so that the insert is complete before returning. */
    while (has_row && steady_sql_step_row (self->database, stmt, &has_row, error))
      ;
    if (error != NULL && *error != NULL)
      return NULL;
  }
  return g_steal_pointer (&item);
}

GPtrArray *
steady_occurrence_store_list_bring_up (SteadyOccurrenceStore  *self,
                                       const char             *series_uuid,
                                       const char             *original_start_local,
                                       GError                **error)
{
  g_autoptr(SteadyStatement) stmt = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gboolean has_row = FALSE;
  gint64 id;

  g_return_val_if_fail (STEADY_IS_OCCURRENCE_STORE (self), NULL);

  if (!find_series_id (self, series_uuid, original_start_local, &id, error))
    return NULL;
  stmt = steady_sql_prepare (self->database,
                             "SELECT uuid, text, linked_uuid, done, position, created_us, "
                             "updated_us FROM session_bring_up_items "
                             "WHERE series_id = ?1 AND original_start_local = ?2 "
                             "ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  steady_sql_bind_text (stmt, 2, original_start_local);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_bring_up_item_free);
  while (steady_sql_step_row (self->database, stmt, &has_row, error) && has_row)
    {
      const char *text = (const char *)sqlite3_column_text (stmt, 1);
      SteadyBringUpItem *item = steady_bring_up_item_new (text);

      g_free (item->uuid);
      item->uuid = steady_sql_dup_text (stmt, 0);
      item->linked_uuid = steady_sql_dup_text (stmt, 2);
      item->done = sqlite3_column_int (stmt, 3) != 0;
      item->position = sqlite3_column_int (stmt, 4);
      item->created_us = sqlite3_column_int64 (stmt, 5);
      item->updated_us = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (items, item);
    }
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&items);
}

static gboolean
change_item (SteadyOccurrenceStore  *self,
             const char             *sql,
             const char             *item_uuid,
             int                     value,
             GError                **error)
{
  g_autoptr(SteadyStatement) stmt = steady_sql_prepare (self->database, sql, error);

  if (stmt == NULL)
    return FALSE;
  steady_sql_bind_text (stmt, 1, item_uuid);
  sqlite3_bind_int (stmt, 2, value);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  if (!steady_sql_step_done (self->database, stmt, error))
    return FALSE;
  if (sqlite3_changes (steady_database_get_handle (self->database)) == 0)
    {
      g_set_error_literal (error, STEADY_SESSION_STORE_ERROR,
                           STEADY_SESSION_STORE_ERROR_NOT_FOUND,
                           _("This item no longer exists. It may have been deleted."));
      return FALSE;
    }
  return TRUE;
}

gboolean
steady_occurrence_store_set_bring_up_done (SteadyOccurrenceStore  *self,
                                           const char             *item_uuid,
                                           gboolean                done,
                                           GError                **error)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE_STORE (self), FALSE);
  g_return_val_if_fail (item_uuid != NULL, FALSE);

  return change_item (self,
                      "UPDATE session_bring_up_items SET done = ?2, "
                      "updated_us = max (updated_us, ?3) WHERE uuid = ?1",
                      item_uuid, done ? 1 : 0, error);
}

gboolean
steady_occurrence_store_remove_bring_up (SteadyOccurrenceStore  *self,
                                         const char             *item_uuid,
                                         GError                **error)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE_STORE (self), FALSE);
  g_return_val_if_fail (item_uuid != NULL, FALSE);

  /* The statement has no ?2 or ?3: binding them fails with SQLITE_RANGE, harmlessly. */
  return change_item (self, "DELETE FROM session_bring_up_items WHERE uuid = ?1",
                      item_uuid, 0, error);
}
