/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-session-store.c: the session calendar in the database — reading series and their
 * overrides, and expanding them into occurrences. Writing is in steady-session-store-edit.c. */

#define G_LOG_DOMAIN "steady-session-store"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-recurrence.h"
#include "steady-session-store-private.h"
#include "steady-sql-private.h"
#include "steady-wall-time.h"

G_DEFINE_FINAL_TYPE (SteadySessionStore, steady_session_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (steady-session-store-error-quark, steady_session_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define SERIES_COLUMNS \
  "id, uuid, ics_uid, title, kind, place, video_link, clinician, notes, start_local, " \
  "duration_minutes, tzid, rrule, times_changed_us, created_us, updated_us"

#define OVERRIDE_COLUMNS \
  "series_id, uuid, original_start_local, cancelled, start_local, duration_minutes, title, " \
  "kind, place, video_link, clinician, notes, created_us, updated_us"

static void
steady_session_store_finalize (GObject *object)
{
  SteadySessionStore *self = (SteadySessionStore *)object;

  g_clear_object (&self->database);
  g_clear_pointer (&self->local_zone, g_time_zone_unref);

  G_OBJECT_CLASS (steady_session_store_parent_class)->finalize (object);
}

static void
steady_session_store_class_init (SteadySessionStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steady_session_store_finalize;

  /**
   * SteadySessionStore::changed:
   *
   * Emitted after any change to the calendar was committed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
steady_session_store_init (SteadySessionStore *self)
{
  self->local_zone = steady_time_zone_new_local ();
}

SteadySessionStore *
steady_session_store_new (SteadyDatabase *database)
{
  SteadySessionStore *self;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), NULL);

  self = g_object_new (STEADY_TYPE_SESSION_STORE, NULL);
  self->database = g_object_ref (database);
  return self;
}

SteadyDatabase *
steady_session_store_get_database (SteadySessionStore *self)
{
  g_return_val_if_fail (STEADY_IS_SESSION_STORE (self), NULL);

  return self->database;
}

/* The zone floating series are placed in: the user's zone, unless a test or the reminder
 * daemon (after a time-zone change) says otherwise. */
GTimeZone *
steady_session_store_get_local_zone (SteadySessionStore *self)
{
  g_return_val_if_fail (STEADY_IS_SESSION_STORE (self), NULL);

  return self->local_zone;
}

void
steady_session_store_set_local_zone (SteadySessionStore *self,
                                     GTimeZone          *zone)
{
  g_return_if_fail (STEADY_IS_SESSION_STORE (self));
  g_return_if_fail (zone != NULL);

  g_time_zone_ref (zone);
  g_clear_pointer (&self->local_zone, g_time_zone_unref);
  self->local_zone = zone;
}

void
steady_session_store_emit_changed (SteadySessionStore *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

void
steady_session_store_set_not_found (GError **error)
{
  g_set_error_literal (error, STEADY_SESSION_STORE_ERROR, STEADY_SESSION_STORE_ERROR_NOT_FOUND,
                       _("This session no longer exists. It may have been deleted."));
}

/* Reading {{{1 */

static SteadySessionSeries *
read_series_row (sqlite3_stmt *stmt,
                 gint64       *out_id)
{
  SteadySessionSeries *series = steady_session_series_new ();
  SteadySessionKind kind = STEADY_SESSION_KIND_OTHER;

  *out_id = sqlite3_column_int64 (stmt, 0);
  g_free (series->uuid);
  series->uuid = steady_sql_dup_text (stmt, 1);
  series->ics_uid = steady_sql_dup_text (stmt, 2);
  steady_session_series_set_title (series, (const char *)sqlite3_column_text (stmt, 3));
  steady_session_kind_from_string ((const char *)sqlite3_column_text (stmt, 4), &kind);
  series->kind = kind;
  steady_session_series_set_place (series, (const char *)sqlite3_column_text (stmt, 5));
  steady_session_series_set_video_link (series, (const char *)sqlite3_column_text (stmt, 6));
  steady_session_series_set_clinician (series, (const char *)sqlite3_column_text (stmt, 7));
  steady_session_series_set_notes (series, (const char *)sqlite3_column_text (stmt, 8));
  steady_session_series_set_start (series, (const char *)sqlite3_column_text (stmt, 9),
                                   (const char *)sqlite3_column_text (stmt, 11));
  series->duration_minutes = sqlite3_column_int (stmt, 10);
  steady_session_series_set_rrule (series, (const char *)sqlite3_column_text (stmt, 12));
  series->times_changed_us = sqlite3_column_int64 (stmt, 13);
  series->created_us = sqlite3_column_int64 (stmt, 14);
  series->updated_us = sqlite3_column_int64 (stmt, 15);
  /* What the database holds replaces the defaults of a new series. */
  steady_session_series_set_reminder_offsets (series, NULL, 0);
  return series;
}

static SteadySessionOverride *
read_override_row (sqlite3_stmt *stmt)
{
  SteadySessionOverride *override;

  override = steady_session_override_new ((const char *)sqlite3_column_text (stmt, 2));
  g_free (override->uuid);
  override->uuid = steady_sql_dup_text (stmt, 1);
  override->cancelled = sqlite3_column_int (stmt, 3) != 0;
  override->start_local = steady_sql_dup_text (stmt, 4);
  override->duration_minutes = sqlite3_column_type (stmt, 5) == SQLITE_NULL
                               ? -1 : sqlite3_column_int (stmt, 5);
  override->title = steady_sql_dup_text (stmt, 6);
  override->has_kind = sqlite3_column_type (stmt, 7) != SQLITE_NULL &&
                       steady_session_kind_from_string ((const char *)sqlite3_column_text (stmt, 7),
                                                        &override->kind);
  override->place = steady_sql_dup_text (stmt, 8);
  override->video_link = steady_sql_dup_text (stmt, 9);
  override->clinician = steady_sql_dup_text (stmt, 10);
  override->notes = steady_sql_dup_text (stmt, 11);
  override->created_us = sqlite3_column_int64 (stmt, 12);
  override->updated_us = sqlite3_column_int64 (stmt, 13);
  return override;
}

/* Fills offsets and exceptions into series already read, found by their row id. */
static gboolean
load_series_details (SteadySessionStore  *self,
                     GHashTable          *series_by_id,
                     const char          *where,
                     gint64               only_id,
                     GError             **error)
{
  static const char * const queries[][2] = {
    { "SELECT series_id, minutes_before FROM session_reminder_offsets ", "" },
    { "SELECT series_id, original_start_local FROM session_exdates ",
      " ORDER BY original_start_local" },
  };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *sql = g_strconcat (queries[q][0], where, queries[q][1], NULL);
      g_autoptr(SteadyStatement) stmt = steady_sql_prepare (self->database, sql, error);
      gboolean has_row = FALSE;

      if (stmt == NULL)
        return FALSE;
      if (only_id >= 0)
        sqlite3_bind_int64 (stmt, 1, only_id);

      while (steady_sql_step_row (self->database, stmt, &has_row, error) && has_row)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          SteadySessionSeries *series = g_hash_table_lookup (series_by_id, &id);

          if (series == NULL)
            continue;
          if (q == 0)
            {
              int minutes = sqlite3_column_int (stmt, 1);

              g_array_append_val (series->reminder_offsets, minutes);
            }
          else
            g_ptr_array_add (series->exdates,
                             g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
        }
      if (error != NULL && *error != NULL)
        return FALSE;
    }

  /* Offsets were appended as read; sort them the way the setter does. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, series_by_id);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        SteadySessionSeries *series = value;
        g_autoptr(GArray) offsets = g_array_copy (series->reminder_offsets);

        steady_session_series_set_reminder_offsets (series, (const int *)(gpointer)offsets->data,
                                                    offsets->len);
      }
  }
  return TRUE;
}

/* Reads the series matching @where (with one int64 or text parameter, or none). */
static GPtrArray *
query_series (SteadySessionStore  *self,
              const char          *where,
              const char          *text_param,
              GArray             **out_ids,
              GError             **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT " SERIES_COLUMNS " FROM session_series %s "
                                          "ORDER BY id", where);
  g_autoptr(SteadyStatement) stmt = steady_sql_prepare (self->database, sql, error);
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return NULL;
  if (text_param != NULL)
    steady_sql_bind_text (stmt, 1, text_param);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_session_series_unref);
  while (steady_sql_step_row (self->database, stmt, &has_row, error) && has_row)
    {
      gint64 id;
      SteadySessionSeries *series = read_series_row (stmt, &id);

      g_ptr_array_add (result, series);
      g_array_append_val (ids, id);
    }
  if (error != NULL && *error != NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_insert (by_id, &g_array_index (ids, gint64, i), g_ptr_array_index (result, i));

  if (ids->len == 1)
    {
      if (!load_series_details (self, by_id, "WHERE series_id = ?1",
                                g_array_index (ids, gint64, 0), error))
        return NULL;
    }
  else if (ids->len > 1 && !load_series_details (self, by_id, "", -1, error))
    return NULL;

  if (out_ids != NULL)
    *out_ids = g_steal_pointer (&ids);
  return g_steal_pointer (&result);
}

/* The series @uuid with its row id, or NULL with a NOT_FOUND error. */
SteadySessionSeries *
steady_session_store_lookup (SteadySessionStore  *self,
                             const char          *uuid,
                             gint64              *out_id,
                             GError             **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) found = query_series (self, "WHERE uuid = ?1", uuid, &ids, error);

  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      steady_session_store_set_not_found (error);
      return NULL;
    }
  if (out_id != NULL)
    *out_id = g_array_index (ids, gint64, 0);
  return steady_session_series_ref (g_ptr_array_index (found, 0));
}

SteadySessionSeries *
steady_session_store_get_series (SteadySessionStore  *self,
                                 const char          *uuid,
                                 GError             **error)
{
  g_return_val_if_fail (STEADY_IS_SESSION_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return steady_session_store_lookup (self, uuid, NULL, error);
}

/* Returns NULL without setting @error when no series was imported with @ics_uid. */
SteadySessionSeries *
steady_session_store_find_series_by_ics_uid (SteadySessionStore  *self,
                                             const char          *ics_uid,
                                             GError             **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (STEADY_IS_SESSION_STORE (self), NULL);
  g_return_val_if_fail (ics_uid != NULL, NULL);

  found = query_series (self, "WHERE ics_uid = ?1", ics_uid, NULL, error);
  if (found == NULL || found->len == 0)
    return NULL;
  return steady_session_series_ref (g_ptr_array_index (found, 0));
}

GPtrArray *
steady_session_store_list_series (SteadySessionStore  *self,
                                  GError             **error)
{
  g_return_val_if_fail (STEADY_IS_SESSION_STORE (self), NULL);

  return query_series (self, "", NULL, NULL, error);
}

static gboolean
series_id_for_uuid (SteadySessionStore  *self,
                    const char          *uuid,
                    gint64              *out_id,
                    GError             **error)
{
  g_autoptr(SteadyStatement) stmt = NULL;
  gboolean has_row = FALSE;

  stmt = steady_sql_prepare (self->database, "SELECT id FROM session_series WHERE uuid = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  steady_sql_bind_text (stmt, 1, uuid);
  if (!steady_sql_step_row (self->database, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      steady_session_store_set_not_found (error);
      return FALSE;
    }
  *out_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Overrides of one series (@series_id >= 0) or of all, each appended to the array that
 * @by_series_id holds for its series. */
gboolean
steady_session_store_load_overrides (SteadySessionStore  *self,
                                     gint64               series_id,
                                     GHashTable          *by_series_id,
                                     GError             **error)
{
  g_autoptr(SteadyStatement) stmt = NULL;
  gboolean has_row = FALSE;

  stmt = steady_sql_prepare (self->database,
                             series_id >= 0
                             ? "SELECT " OVERRIDE_COLUMNS " FROM session_overrides "
                               "WHERE series_id = ?1 ORDER BY original_start_local"
                             : "SELECT " OVERRIDE_COLUMNS " FROM session_overrides "
                               "ORDER BY series_id, original_start_local",
                             error);
  if (stmt == NULL)
    return FALSE;
  if (series_id >= 0)
    sqlite3_bind_int64 (stmt, 1, series_id);

  while (steady_sql_step_row (self->database, stmt, &has_row, error) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      GPtrArray *list = g_hash_table_lookup (by_series_id, &id);

      if (list == NULL)
        {
          gint64 *key = g_new (gint64, 1);

          *key = id;
          list = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_session_override_unref);
          g_hash_table_insert (by_series_id, key, list);
        }
      g_ptr_array_add (list, read_override_row (stmt));
    }
  return error == NULL || *error == NULL;
}

/* Series row id → GPtrArray of its SteadySessionOverride. */
GHashTable *
steady_session_store_new_overrides_table (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                (GDestroyNotify)g_ptr_array_unref);
}

GPtrArray *
steady_session_store_list_overrides (SteadySessionStore  *self,
                                     const char          *uuid,
                                     GError             **error)
{
  g_autoptr(GHashTable) by_series = steady_session_store_new_overrides_table ();
  GPtrArray *list;
  gint64 id;

  g_return_val_if_fail (STEADY_IS_SESSION_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!series_id_for_uuid (self, uuid, &id, error) ||
      !steady_session_store_load_overrides (self, id, by_series, error))
    return NULL;

  list = g_hash_table_lookup (by_series, &id);
  if (list == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify)steady_session_override_unref);
  return g_ptr_array_ref (list);
}

SteadySessionOverride *
steady_session_store_find_override (GPtrArray  *overrides,
                                    const char *original_start_local)
{
  for (guint i = 0; overrides != NULL && i < overrides->len; i++)
    {
      SteadySessionOverride *override = g_ptr_array_index (overrides, i);

      if (g_strcmp0 (override->original_start_local, original_start_local) == 0)
        return override;
    }
  return NULL;
}

/* Expansion {{{1 */

/* Every occurrence of every series overlapping [@from_us, @to_us), sorted by start. A series
 * that cannot be expanded (an impossible rule, an unknown zone) does not stop the others: it
 * is described in @out_problems, one sentence each, for the user. */
GPtrArray *
steady_session_store_expand (SteadySessionStore  *self,
                             gint64               from_us,
                             gint64               to_us,
                             GPtrArray          **out_problems,
                             GError             **error)
{
  g_autoptr(GPtrArray) all_series = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) overrides = steady_session_store_new_overrides_table ();
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (STEADY_IS_SESSION_STORE (self), NULL);
  g_return_val_if_fail (from_us <= to_us, NULL);

  all_series = query_series (self, "", NULL, &ids, error);
  if (all_series == NULL || !steady_session_store_load_overrides (self, -1, overrides, error))
    return NULL;

  result = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_occurrence_unref);
  for (guint i = 0; i < all_series->len; i++)
    {
      SteadySessionSeries *series = g_ptr_array_index (all_series, i);
      GPtrArray *series_overrides = g_hash_table_lookup (overrides,
                                                         &g_array_index (ids, gint64, i));
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GPtrArray) occurrences = NULL;

      occurrences = steady_recurrence_expand (series, series_overrides, self->local_zone,
                                              from_us, to_us, &local_error);
      if (occurrences == NULL)
        {
          /* Translators: the first %s is a session's title, the second why its dates
           * could not be worked out. */
          g_ptr_array_add (problems, g_strdup_printf (_("“%s”: %s"), series->title,
                                                      local_error->message));
          continue;
        }
      for (guint j = 0; j < occurrences->len; j++)
        g_ptr_array_add (result, steady_occurrence_ref (g_ptr_array_index (occurrences, j)));
    }

  g_ptr_array_sort (result, steady_occurrence_compare);
  if (out_problems != NULL)
    *out_problems = g_steal_pointer (&problems);
  return g_steal_pointer (&result);
}
