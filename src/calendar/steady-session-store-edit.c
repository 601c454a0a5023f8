/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-session-store-edit.c: adding, changing and deleting sessions — whole series, and
 * single occurrences edited "this one / this and following / all".
 *
 * Per-occurrence records (overrides, attendance, "bring this up" items) are keyed by the
 * occurrence's original wall-clock start. When an edit moves every occurrence of a series (or
 * of its second half) by the same wall-clock amount, those keys move with them, so nothing the
 * user wrote about a session comes loose from it. */

#define G_LOG_DOMAIN "steady-session-store-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-recurrence.h"
#include "steady-session-store-private.h"
#include "steady-sql-private.h"
#include "steady-wall-time.h"

#define MAX_TITLE_CHARS 500

/* Tables whose rows belong to one occurrence, keyed by its original start. */
static const char * const occurrence_tables[] = {
  "session_overrides",
  "session_attendance",
  "session_bring_up_items",
};

static gboolean
validate_series (SteadySessionStore        *self,
                 const SteadySessionSeries *series,
                 GError                   **error)
{
  g_autofree char *title = g_strstrip (g_strdup (series->title));

  if (title[0] == '\0')
    {
      g_set_error_literal (error, STEADY_SESSION_STORE_ERROR, STEADY_SESSION_STORE_ERROR_INVALID,
                           _("A session needs a title."));
      return FALSE;
    }
  if (!g_utf8_validate (series->title, -1, NULL) ||
      g_utf8_strlen (series->title, -1) > MAX_TITLE_CHARS)
    {
      g_set_error (error, STEADY_SESSION_STORE_ERROR, STEADY_SESSION_STORE_ERROR_INVALID,
                   _("A session’s title can be at most %d characters long."), MAX_TITLE_CHARS);
      return FALSE;
    }
  if (series->duration_minutes < 1 || series->duration_minutes > 24 * 60)
    {
      g_set_error_literal (error, STEADY_SESSION_STORE_ERROR, STEADY_SESSION_STORE_ERROR_INVALID,
                           _("A session lasts between one minute and one day."));
      return FALSE;
    }
  return steady_recurrence_validate (series, self->local_zone, error);
}

static gboolean
write_series_details (SteadySessionStore        *self,
                      gint64                     id,
                      const SteadySessionSeries *series,
                      GError                   **error)
{
  g_autoptr(SteadyStatement) clear_offsets = NULL;
  g_autoptr(SteadyStatement) clear_exdates = NULL;
  g_autoptr(SteadyStatement) add_offset = NULL;
  g_autoptr(SteadyStatement) add_exdate = NULL;

  clear_offsets = steady_sql_prepare (self->database,
                                      "DELETE FROM session_reminder_offsets WHERE series_id = ?1",
                                      error);
  clear_exdates = clear_offsets == NULL ? NULL :
    steady_sql_prepare (self->database, "DELETE FROM session_exdates WHERE series_id = ?1",
                        error);
  add_offset = clear_exdates == NULL ? NULL :
    steady_sql_prepare (self->database,
                        "INSERT INTO session_reminder_offsets (series_id, minutes_before) "
                        "VALUES (?1, ?2)", error);
  add_exdate = add_offset == NULL ? NULL :
    steady_sql_prepare (self->database,
                        "INSERT OR IGNORE INTO session_exdates "
                        "(series_id, original_start_local, created_us) VALUES (?1, ?2, ?3)",
                        error);
  if (add_exdate == NULL)
    return FALSE;

  sqlite3_bind_int64 (clear_offsets, 1, id);
  sqlite3_bind_int64 (clear_exdates, 1, id);
  if (!steady_sql_step_done (self->database, clear_offsets, error) ||
      !steady_sql_step_done (self->database, clear_exdates, error))
    return FALSE;

  for (guint i = 0; i < series->reminder_offsets->len; i++)
    {
      sqlite3_reset (add_offset);
      sqlite3_bind_int64 (add_offset, 1, id);
      sqlite3_bind_int (add_offset, 2, g_array_index (series->reminder_offsets, int, i));
      if (!steady_sql_step_done (self->database, add_offset, error))
        return FALSE;
    }
  for (guint i = 0; i < series->exdates->len; i++)
    {
      sqlite3_reset (add_exdate);
      sqlite3_bind_int64 (add_exdate, 1, id);
      steady_sql_bind_text (add_exdate, 2, g_ptr_array_index (series->exdates, i));
      sqlite3_bind_int64 (add_exdate, 3, g_get_real_time ());
      if (!steady_sql_step_done (self->database, add_exdate, error))
        return FALSE;
    }
  return TRUE;
}

static void
bind_series_fields (sqlite3_stmt              *stmt,
                    const SteadySessionSeries *series)
{
  steady_sql_bind_text (stmt, 1, series->uuid);
  steady_sql_bind_text (stmt, 2, series->ics_uid);
  steady_sql_bind_text (stmt, 3, series->title);
  steady_sql_bind_text (stmt, 4, steady_session_kind_to_string (series->kind));
  steady_sql_bind_text (stmt, 5, series->place);
  steady_sql_bind_text (stmt, 6, series->video_link);
  steady_sql_bind_text (stmt, 7, series->clinician);
  steady_sql_bind_text (stmt, 8, series->notes);
  steady_sql_bind_text (stmt, 9, series->start_local);
  sqlite3_bind_int (stmt, 10, series->duration_minutes);
  steady_sql_bind_text (stmt, 11, series->tzid);
  steady_sql_bind_text (stmt, 12, series->rrule);
  sqlite3_bind_int64 (stmt, 13, series->times_changed_us);
  sqlite3_bind_int64 (stmt, 14, series->created_us);
  sqlite3_bind_int64 (stmt, 15, series->updated_us);
}

/* Inside a transaction. Fills in the times the caller left at 0. */
static gboolean
insert_series (SteadySessionStore   *self,
               SteadySessionSeries  *series,
               gint64               *out_id,
               GError              **error)
{
  g_autoptr(SteadyStatement) stmt = NULL;
  gint64 now = g_get_real_time ();

  if (series->created_us == 0)
    series->created_us = now;
  if (series->updated_us == 0)
    series->updated_us = MAX (now, series->created_us);
  if (series->times_changed_us == 0)
    series->times_changed_us = series->created_us;

  stmt = steady_sql_prepare (self->database,
                             "INSERT INTO session_series (uuid, ics_uid, title, kind, place, "
                             "video_link, clinician, notes, start_local, duration_minutes, tzid, "
                             "rrule, times_changed_us, created_us, updated_us) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                             "?14, ?15)", error);
  if (stmt == NULL)
    return FALSE;
  bind_series_fields (stmt, series);
  if (!steady_sql_step_done (self->database, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (steady_database_get_handle (self->database));
  return write_series_details (self, *out_id, series, error);
}

/* Inside a transaction: writes every field of @series over the row @id. */
static gboolean
rewrite_series (SteadySessionStore   *self,
                gint64                id,
                SteadySessionSeries  *series,
                GError              **error)
{
  g_autoptr(SteadyStatement) stmt = NULL;

  stmt = steady_sql_prepare (self->database,
                             "UPDATE session_series SET uuid = ?1, ics_uid = ?2, title = ?3, "
                             "kind = ?4, place = ?5, video_link = ?6, clinician = ?7, notes = ?8, "
                             "start_local = ?9, duration_minutes = ?10, tzid = ?11, rrule = ?12, "
                             "times_changed_us = ?13, created_us = ?14, updated_us = ?15 "
                             "WHERE id = ?16", error);
  if (stmt == NULL)
    return FALSE;
  bind_series_fields (stmt, series);
  sqlite3_bind_int64 (stmt, 16, id);
  return steady_sql_step_done (self->database, stmt, error) &&
         write_series_details (self, id, series, error);
}

static char *
shift_key (const char *key,
           gint64      delta_seconds)
{
  SteadyWallTime wall;

  if (!steady_wall_time_parse (key, &wall))
    return g_strdup (key);
  steady_wall_time_from_naive_seconds (steady_wall_time_to_naive_seconds (&wall) + delta_seconds,
                                       &wall);
  return steady_wall_time_format (&wall);
}

/* Inside a transaction: moves the per-occurrence records of series @from_id whose key is at
 * or after @first_key (all when NULL) to series @to_id, shifting their keys by
 * @delta_seconds of wall-clock time. Rows are visited in the direction of the shift so that
 * no two share a key on the way. */
static gboolean
move_occurrence_records (SteadySessionStore  *self,
                         gint64               from_id,
                         const char          *first_key,
                         gint64               to_id,
                         gint64               delta_seconds,
                         GError             **error)
{
  if (from_id == to_id && delta_seconds == 0)
    return TRUE;

  for (guint t = 0; t < G_N_ELEMENTS (occurrence_tables); t++)
    {
      g_autofree char *select_sql = NULL;
      g_autofree char *update_sql = NULL;
      g_autoptr(SteadyStatement) select = NULL;
      g_autoptr(SteadyStatement) update = NULL;
      g_autoptr(GArray) row_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      gboolean has_row = FALSE;

      select_sql = g_strdup_printf ("SELECT id, original_start_local FROM %s "
                                    "WHERE series_id = ?1 AND original_start_local >= ?2 "
                                    "ORDER BY original_start_local %s",
                                    occurrence_tables[t], delta_seconds > 0 ? "DESC" : "ASC");
      update_sql = g_strdup_printf ("UPDATE %s SET series_id = ?1, original_start_local = ?2, "
                                    "updated_us = ?3 WHERE id = ?4", occurrence_tables[t]);
      select = steady_sql_prepare (self->database, select_sql, error);
      update = select == NULL ? NULL : steady_sql_prepare (self->database, update_sql, error);
      if (update == NULL)
        return FALSE;

      sqlite3_bind_int64 (select, 1, from_id);
      steady_sql_bind_text (select, 2, first_key != NULL ? first_key : "");
      while (steady_sql_step_row (self->database, select, &has_row, error) && has_row)
        {
          gint64 row_id = sqlite3_column_int64 (select, 0);

          g_array_append_val (row_ids, row_id);
          g_ptr_array_add (keys, shift_key ((const char *)sqlite3_column_text (select, 1),
                                            delta_seconds));
        }
      if (error != NULL && *error != NULL)
        return FALSE;

      for (guint i = 0; i < row_ids->len; i++)
        {
          sqlite3_reset (update);
          sqlite3_bind_int64 (update, 1, to_id);
          steady_sql_bind_text (update, 2, g_ptr_array_index (keys, i));
          sqlite3_bind_int64 (update, 3, g_get_real_time ());
          sqlite3_bind_int64 (update, 4, g_array_index (row_ids, gint64, i));
          if (!steady_sql_step_done (self->database, update, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Inside a transaction: removes the per-occurrence records of a series for the occurrence
 * @key, or (@and_following) for it and every later one. */
static gboolean
delete_occurrence_records (SteadySessionStore  *self,
                           gint64               id,
                           const char          *key,
                           gboolean             and_following,
                           GError             **error)
{
  for (guint t = 0; t < G_N_ELEMENTS (occurrence_tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE series_id = ?1 "
                                              "AND original_start_local %s ?2",
                                              occurrence_tables[t], and_following ? ">=" : "=");
      g_autoptr(SteadyStatement) stmt = steady_sql_prepare (self->database, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      steady_sql_bind_text (stmt, 2, key);
      if (!steady_sql_step_done (self->database, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
commit_and_notify (SteadySessionStore  *self,
                   GError             **error)
{
  if (!steady_database_commit (self->database, error))
    return FALSE;
  steady_session_store_emit_changed (self);
  return TRUE;
}

static gboolean
fail_in_transaction (SteadySessionStore *self)
{
  steady_database_rollback (self->database);
  return FALSE;
}

gboolean
steady_session_store_add_series (SteadySessionStore   *self,
                                 SteadySessionSeries  *series,
                                 GError              **error)
{
  gint64 id;

  g_return_val_if_fail (STEADY_IS_SESSION_STORE (self), FALSE);
  g_return_val_if_fail (series != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_series (self, series, error) ||
      !steady_database_begin (self->database, error))
    return FALSE;
  if (!insert_series (self, series, &id, error))
    return fail_in_transaction (self);
  return commit_and_notify (self, error);
}

static gboolean
times_differ (const SteadySessionSeries *a,
              const SteadySessionSeries *b)
{
  if (a->exdates->len != b->exdates->len)
    return TRUE;
  for (guint i = 0; i < a->exdates->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (a->exdates, i), g_ptr_array_index (b->exdates, i)) != 0)
        return TRUE;
    }
  return g_strcmp0 (a->start_local, b->start_local) != 0 ||
         a->duration_minutes != b->duration_minutes ||
         g_strcmp0 (a->tzid, b->tzid) != 0 ||
         g_strcmp0 (a->rrule, b->rrule) != 0;
}

static gint64
wall_delta (const char *from,
            const char *to)
{
  SteadyWallTime a, b;

  if (!steady_wall_time_parse (from, &a) || !steady_wall_time_parse (to, &b))
    return 0;
  return steady_wall_time_to_naive_seconds (&b) - steady_wall_time_to_naive_seconds (&a);
}

/* Inside a transaction: saves @series over @stored (row @id). When the start moved, every
 * occurrence moves by the same wall-clock amount, and so do its exceptions and records. */
static gboolean
replace_series (SteadySessionStore   *self,
                gint64                id,
                SteadySessionSeries  *stored,
                SteadySessionSeries  *series,
                GError              **error)
{
  gint64 delta = wall_delta (stored->start_local, series->start_local);
  gint64 now = g_get_real_time ();

  if (delta != 0)
    {
      for (guint i = 0; i < series->exdates->len; i++)
        {
          char **exdate = (char **)&g_ptr_array_index (series->exdates, i);
          char *shifted = shift_key (*exdate, delta);

          g_free (*exdate);
          *exdate = shifted;
        }
      if (!move_occurrence_records (self, id, NULL, id, delta, error))
        return FALSE;
    }

  series->created_us = stored->created_us;
  series->updated_us = MAX (now, stored->updated_us);
  series->times_changed_us = times_differ (stored, series) ? now : stored->times_changed_us;
  return rewrite_series (self, id, series, error);
}

/* Saves every field of @series (found by its uuid): an edit of "all" occurrences. @series is
 * the stored series as loaded, then changed; if its start moved, its exceptions, overrides,
 * attendance and "bring this up" items move with it. */
gboolean
steady_session_store_update_series (SteadySessionStore   *self,
                                    SteadySessionSeries  *series,
                                    GError              **error)
{
  g_autoptr(SteadySessionSeries) stored = NULL;
  gint64 id;

  g_return_val_if_fail (STEADY_IS_SESSION_STORE (self), FALSE);
  g_return_val_if_fail (series != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_series (self, series, error) ||
      !steady_database_begin (self->database, error))
    return FALSE;
  stored = steady_session_store_lookup (self, series->uuid, &id, error);
  if (stored == NULL || !replace_series (self, id, stored, series, error))
    return fail_in_transaction (self);
  return commit_and_notify (self, error);
}

gboolean
steady_session_store_delete_series (SteadySessionStore  *self,
                                    const char          *uuid,
                                    GError             **error)
{
  g_autoptr(SteadyStatement) stmt = NULL;

  g_return_val_if_fail (STEADY_IS_SESSION_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  stmt = steady_sql_prepare (self->database, "DELETE FROM session_series WHERE uuid = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  steady_sql_bind_text (stmt, 1, uuid);
  if (!steady_sql_step_done (self->database, stmt, error))
    return FALSE;
  if (sqlite3_changes (steady_database_get_handle (self->database)) == 0)
    {
      steady_session_store_set_not_found (error);
      return FALSE;
    }
  steady_session_store_emit_changed (self);
  return TRUE;
}

/* Inside a transaction. An override that changes nothing is removed. */
static gboolean
write_override (SteadySessionStore     *self,
                gint64                  series_id,
                SteadySessionOverride  *override,
                GError                **error)
{
  g_autoptr(SteadyStatement) stmt = NULL;
  gint64 now = g_get_real_time ();

  if (steady_session_override_is_empty (override))
    {
      stmt = steady_sql_prepare (self->database,
                                 "DELETE FROM session_overrides "
                                 "WHERE series_id = ?1 AND original_start_local = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, series_id);
      steady_sql_bind_text (stmt, 2, override->original_start_local);
      return steady_sql_step_done (self->database, stmt, error);
    }

  if (override->created_us == 0)
    override->created_us = now;
  override->updated_us = MAX (now, override->created_us);

  stmt = steady_sql_prepare (self->database,
                             "INSERT INTO session_overrides (series_id, uuid, "
                             "original_start_local, cancelled, start_local, duration_minutes, "
                             "title, kind, place, video_link, clinician, notes, created_us, "
                             "updated_us) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                             "?12, ?13, ?14) "
                             "ON CONFLICT (series_id, original_start_local) DO UPDATE SET "
                             "cancelled = ?4, start_local = ?5, duration_minutes = ?6, "
                             "title = ?7, kind = ?8, place = ?9, video_link = ?10, "
                             "clinician = ?11, notes = ?12, updated_us = ?14", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, series_id);
  steady_sql_bind_text (stmt, 2, override->uuid);
  steady_sql_bind_text (stmt, 3, override->original_start_local);
  sqlite3_bind_int (stmt, 4, override->cancelled ? 1 : 0);
  steady_sql_bind_text (stmt, 5, override->start_local);
  if (override->duration_minutes > 0)
    sqlite3_bind_int (stmt, 6, override->duration_minutes);
  else
    sqlite3_bind_null (stmt, 6);
  steady_sql_bind_text (stmt, 7, override->title);
  steady_sql_bind_text (stmt, 8, override->has_kind
                                 ? steady_session_kind_to_string (override->kind) : NULL);
  steady_sql_bind_text (stmt, 9, override->place);
  steady_sql_bind_text (stmt, 10, override->video_link);
  steady_sql_bind_text (stmt, 11, override->clinician);
  steady_sql_bind_text (stmt, 12, override->notes);
  sqlite3_bind_int64 (stmt, 13, override->created_us);
  sqlite3_bind_int64 (stmt, 14, override->updated_us);
  return steady_sql_step_done (self->database, stmt, error);
}

/* Begins a transaction and finds the series @uuid, which must have an occurrence at
 * @original_start_local. On failure the transaction is over and @error set. */
static SteadySessionSeries *
begin_on_occurrence (SteadySessionStore  *self,
                     const char          *uuid,
                     const char          *original_start_local,
                     gint64              *out_id,
                     GError             **error)
{
  g_autoptr(SteadySessionSeries) stored = NULL;

  if (!steady_database_begin (self->database, error))
    return NULL;
  stored = steady_session_store_lookup (self, uuid, out_id, error);
  if (stored == NULL)
    {
      fail_in_transaction (self);
      return NULL;
    }
  if (!steady_recurrence_has_occurrence (stored, original_start_local, self->local_zone))
    {
      steady_session_store_set_not_found (error);
      fail_in_transaction (self);
      return NULL;
    }
  return g_steal_pointer (&stored);
}

/* The stored override of one occurrence, as a copy to change, or a new one. */
static SteadySessionOverride *
override_to_change (SteadySessionStore  *self,
                    gint64               id,
                    const char          *original_start_local,
                    GError             **error)
{
  g_autoptr(GHashTable) by_series = steady_session_store_new_overrides_table ();
  SteadySessionOverride *existing;

  if (!steady_session_store_load_overrides (self, id, by_series, error))
    return NULL;
  existing = steady_session_store_find_override (g_hash_table_lookup (by_series, &id),
                                                 original_start_local);
  return existing != NULL ? steady_session_override_copy (existing)
                          : steady_session_override_new (original_start_local);
}

/* Stores @override for its occurrence of series @uuid: an edit of "this one". */
gboolean
steady_session_store_set_override (SteadySessionStore     *self,
                                   const char             *uuid,
                                   SteadySessionOverride  *override,
                                   GError                **error)
{
  g_autoptr(SteadySessionSeries) stored = NULL;
  gint64 id;

  g_return_val_if_fail (STEADY_IS_SESSION_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (override != NULL, FALSE);

  stored = begin_on_occurrence (self, uuid, override->original_start_local, &id, error);
  if (stored == NULL)
    return FALSE;
  if (!write_override (self, id, override, error))
    return fail_in_transaction (self);
  return commit_and_notify (self, error);
}

static char *
dup_if_different (const char *edited,
                  const char *stored)
{
  return g_strcmp0 (edited, stored) != 0 ? g_strdup (edited) : NULL;
}

/* The override that makes one occurrence of @stored look like @edited. */
static void
fill_override_from_edit (SteadySessionOverride     *override,
                         const SteadySessionSeries *stored,
                         const SteadySessionSeries *edited)
{
  g_free (override->start_local);
  override->start_local = dup_if_different (edited->start_local, override->original_start_local);
  override->duration_minutes = edited->duration_minutes != stored->duration_minutes
                               ? edited->duration_minutes : -1;
  g_free (override->title);
  override->title = dup_if_different (edited->title, stored->title);
  override->has_kind = edited->kind != stored->kind;
  override->kind = edited->kind;
  g_free (override->place);
  override->place = dup_if_different (edited->place, stored->place);
  g_free (override->video_link);
  override->video_link = dup_if_different (edited->video_link, stored->video_link);
  g_free (override->clinician);
  override->clinician = dup_if_different (edited->clinician, stored->clinician);
  g_free (override->notes);
  override->notes = dup_if_different (edited->notes, stored->notes);
}

static void
copy_edited_fields (SteadySessionSeries       *series,
                    const SteadySessionSeries *edited)
{
  steady_session_series_set_title (series, edited->title);
  series->kind = edited->kind;
  steady_session_series_set_place (series, edited->place);
  steady_session_series_set_video_link (series, edited->video_link);
  steady_session_series_set_clinician (series, edited->clinician);
  steady_session_series_set_notes (series, edited->notes);
  series->duration_minutes = edited->duration_minutes;
  steady_session_series_set_reminder_offsets (series,
                                              (const int *)(gpointer)edited->reminder_offsets->data,
                                              edited->reminder_offsets->len);
}

static gboolean
edit_this (SteadySessionStore         *self,
           gint64                      id,
           SteadySessionSeries        *stored,
           const char                 *key,
           const SteadySessionSeries  *edited,
           GError                    **error)
{
  g_autoptr(SteadySessionOverride) override = override_to_change (self, id, key, error);

  if (override == NULL)
    return FALSE;
  fill_override_from_edit (override, stored, edited);
  return write_override (self, id, override, error);
}

static gboolean
edit_all (SteadySessionStore         *self,
          gint64                      id,
          SteadySessionSeries        *stored,
          const char                 *key,
          const SteadySessionSeries  *edited,
          GError                    **error)
{
  g_autoptr(SteadySessionSeries) series = steady_session_series_copy (stored);
  g_autofree char *start = shift_key (stored->start_local, wall_delta (key, edited->start_local));

  copy_edited_fields (series, edited);
  steady_session_series_set_start (series, start, edited->tzid);
  steady_session_series_set_rrule (series, edited->rrule);
  return validate_series (self, series, error) &&
         replace_series (self, id, stored, series, error);
}

static gboolean
edit_following (SteadySessionStore         *self,
                gint64                      id,
                SteadySessionSeries        *stored,
                const char                 *key,
                const SteadySessionSeries  *edited,
                char                      **out_uuid,
                GError                    **error)
{
  g_autoptr(SteadySessionSeries) first = steady_session_series_copy (stored);
  g_autoptr(SteadySessionSeries) second = steady_session_series_new ();
  g_autofree char *rule_before = NULL;
  g_autofree char *rule_after = NULL;
  gint64 delta = wall_delta (key, edited->start_local);
  gint64 now = g_get_real_time ();
  gint64 second_id;

  if (!steady_recurrence_split (stored, key, self->local_zone, &rule_before, &rule_after, error))
    return FALSE;
  if (rule_before == NULL)
    {
      /* Nothing comes before this one: "this and following" is all of them. */
      if (out_uuid != NULL)
        *out_uuid = g_strdup (stored->uuid);
      return edit_all (self, id, stored, key, edited, error);
    }

  copy_edited_fields (second, edited);
  steady_session_series_set_start (second, edited->start_local, edited->tzid);
  /* A changed rule is the user's; an unchanged one continues where the first part stops. */
  steady_session_series_set_rrule (second, g_strcmp0 (edited->rrule, stored->rrule) != 0
                                           ? edited->rrule : rule_after);
  g_ptr_array_set_size (first->exdates, 0);
  for (guint i = 0; i < stored->exdates->len; i++)
    {
      const char *exdate = g_ptr_array_index (stored->exdates, i);

      if (g_strcmp0 (exdate, key) < 0)
        g_ptr_array_add (first->exdates, g_strdup (exdate));
      else
        {
          g_autofree char *shifted = shift_key (exdate, delta);

          steady_session_series_add_exdate (second, shifted);
        }
    }
  steady_session_series_set_rrule (first, rule_before);
  first->updated_us = MAX (now, stored->updated_us);
  first->times_changed_us = now;
  second->created_us = now;

  if (!validate_series (self, second, error) ||
      !rewrite_series (self, id, first, error) ||
      !insert_series (self, second, &second_id, error) ||
      !move_occurrence_records (self, id, key, second_id, delta, error))
    return FALSE;

  if (out_uuid != NULL)
    *out_uuid = g_strdup (second->uuid);
  return TRUE;
}

/* Applies an edit made to one occurrence (the one that started at @original_start_local) to
 * that occurrence only, to it and the ones after it, or to the whole series. @edited is that
 * occurrence as the user left it: its fields, its start, duration, zone and repeat rule.
 * @out_uuid receives the series that now holds the edited occurrence (a new one when a series
 * was split). */
gboolean
steady_session_store_edit_occurrence (SteadySessionStore         *self,
                                      const char                 *uuid,
                                      const char                 *original_start_local,
                                      const SteadySessionSeries  *edited,
                                      SteadyEditScope             scope,
                                      char                      **out_uuid,
                                      GError                    **error)
{
  g_autoptr(SteadySessionSeries) stored = NULL;
  g_autofree char *result_uuid = NULL;
  gboolean ok;
  gint64 id;

  g_return_val_if_fail (STEADY_IS_SESSION_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (original_start_local != NULL, FALSE);
  g_return_val_if_fail (edited != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stored = begin_on_occurrence (self, uuid, original_start_local, &id, error);
  if (stored == NULL)
    return FALSE;

  if (!steady_session_series_is_recurring (stored))
    scope = STEADY_EDIT_SCOPE_ALL;

  switch (scope)
    {
    case STEADY_EDIT_SCOPE_THIS:
      ok = edit_this (self, id, stored, original_start_local, edited, error);
      result_uuid = g_strdup (uuid);
      break;
    case STEADY_EDIT_SCOPE_THIS_AND_FOLLOWING:
      ok = edit_following (self, id, stored, original_start_local, edited, &result_uuid, error);
      break;
    case STEADY_EDIT_SCOPE_ALL:
    default:
      ok = edit_all (self, id, stored, original_start_local, edited, error);
      result_uuid = g_strdup (uuid);
      break;
    }
  if (!ok || !commit_and_notify (self, error))
    return fail_in_transaction (self);

  if (out_uuid != NULL)
    *out_uuid = g_steal_pointer (&result_uuid);
  return TRUE;
}

/* Marks one occurrence cancelled (it stays on the calendar, crossed out, and is never
 * reminded), or not. */
gboolean
steady_session_store_cancel_occurrence (SteadySessionStore  *self,
                                        const char          *uuid,
                                        const char          *original_start_local,
                                        gboolean             cancelled,
                                        GError             **error)
{
  g_autoptr(SteadySessionSeries) stored = NULL;
  g_autoptr(SteadySessionOverride) override = NULL;
  gint64 id;

  g_return_val_if_fail (STEADY_IS_SESSION_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (original_start_local != NULL, FALSE);

  stored = begin_on_occurrence (self, uuid, original_start_local, &id, error);
  if (stored == NULL)
    return FALSE;
  override = override_to_change (self, id, original_start_local, error);
  if (override == NULL)
    return fail_in_transaction (self);
  override->cancelled = cancelled;
  if (!write_override (self, id, override, error))
    return fail_in_transaction (self);
  return commit_and_notify (self, error);
}

/* Removes one occurrence (an exception to the rule), it and the ones after it, or the whole
 * series, with what was recorded about the removed occurrences. */
gboolean
steady_session_store_delete_occurrence (SteadySessionStore  *self,
                                        const char          *uuid,
                                        const char          *original_start_local,
                                        SteadyEditScope      scope,
                                        GError             **error)
{
  g_autoptr(SteadySessionSeries) stored = NULL;
  g_autofree char *rule_before = NULL;
  g_autofree char *rule_after = NULL;
  gint64 id;

  g_return_val_if_fail (STEADY_IS_SESSION_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (original_start_local != NULL, FALSE);

  stored = begin_on_occurrence (self, uuid, original_start_local, &id, error);
  if (stored == NULL)
    return FALSE;

  if (!steady_session_series_is_recurring (stored))
    scope = STEADY_EDIT_SCOPE_ALL;
  if (scope == STEADY_EDIT_SCOPE_THIS_AND_FOLLOWING)
    {
      if (!steady_recurrence_split (stored, original_start_local, self->local_zone,
                                    &rule_before, &rule_after, error))
        return fail_in_transaction (self);
      if (rule_before == NULL)
        scope = STEADY_EDIT_SCOPE_ALL;
    }

  if (scope == STEADY_EDIT_SCOPE_ALL)
    {
      steady_database_rollback (self->database);
      return steady_session_store_delete_series (self, uuid, error);
    }

  {
    g_autoptr(SteadySessionSeries) series = steady_session_series_copy (stored);

    if (scope == STEADY_EDIT_SCOPE_THIS)
      steady_session_series_add_exdate (series, original_start_local);
    else
      {
        steady_session_series_set_rrule (series, rule_before);
        for (guint i = series->exdates->len; i > 0; i--)
          {
            if (g_strcmp0 (g_ptr_array_index (series->exdates, i - 1), original_start_local) >= 0)
              g_ptr_array_remove_index (series->exdates, i - 1);
          }
      }

    series->updated_us = MAX (g_get_real_time (), stored->updated_us);
    series->times_changed_us = g_get_real_time ();
    if (!rewrite_series (self, id, series, error) ||
        !delete_occurrence_records (self, id, original_start_local,
                                    scope == STEADY_EDIT_SCOPE_THIS_AND_FOLLOWING, error))
      return fail_in_transaction (self);
  }
  return commit_and_notify (self, error);
}
