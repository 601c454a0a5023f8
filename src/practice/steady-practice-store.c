/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-practice-store.c: the SQL of the practice log (table practice_log, schema version
 * 3): one row per practice, and weekly totals by the local day each practice began on. */

#define G_LOG_DOMAIN "steady-practice-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "steady-practice-error.h"
#include "steady-practice-store.h"

struct _SteadyPracticeStore
{
  GObject         parent_instance;

  /* owned */
  SteadyDatabase *database;
};

G_DEFINE_FINAL_TYPE (SteadyPracticeStore, steady_practice_store, G_TYPE_OBJECT)

#define COLUMNS                                                                          \
  "uuid, kind, pattern_id, pattern_name, inhale_tenths, top_up_tenths, hold_in_tenths, " \
  "exhale_tenths, hold_out_tenths, planned_us, planned_cycles, actual_us, started_at_us, "\
  "utc_offset_s, distress_before, distress_after, completed, created_us, updated_us"

/* Column numbers in COLUMNS, from 0; parameter numbers are these plus one. */
enum {
  COL_UUID,
  COL_KIND,
  COL_PATTERN_ID,
  COL_PATTERN_NAME,
  COL_INHALE,  /* then one column per phase, in the order of SteadyBreathingPhase */
  COL_PLANNED_US = COL_INHALE + STEADY_BREATHING_N_PHASES,
  COL_PLANNED_CYCLES,
  COL_ACTUAL_US,
  COL_STARTED_AT_US,
  COL_UTC_OFFSET_S,
  COL_DISTRESS_BEFORE,
  COL_DISTRESS_AFTER,
  COL_COMPLETED,
  COL_CREATED_US,
  COL_UPDATED_US,
  N_COLUMNS
};

static void
steady_practice_store_finalize (GObject *object)
{
  SteadyPracticeStore *self = (SteadyPracticeStore *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (steady_practice_store_parent_class)->finalize (object);
}

static void
steady_practice_store_class_init (SteadyPracticeStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steady_practice_store_finalize;
}

static void
steady_practice_store_init (SteadyPracticeStore *self)
{
}

SteadyPracticeStore *
steady_practice_store_new (SteadyDatabase *database)
{
  SteadyPracticeStore *self;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), NULL);

  self = g_object_new (STEADY_TYPE_PRACTICE_STORE, NULL);
  self->database = g_object_ref (database);
  return self;
}

static sqlite3_stmt *
prepare (SteadyPracticeStore  *self,
         const char           *sql,
         GError              **error)
{
  sqlite3 *db = steady_database_get_handle (self->database);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      steady_database_set_error_from_sqlite (error, db, rc, _("reading the practice log"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           column,
                  gint64        value,
                  gboolean      is_null)
{
  if (is_null)
    sqlite3_bind_null (stmt, column + 1);
  else
    sqlite3_bind_int64 (stmt, column + 1, value);
}

static void
bind_record (sqlite3_stmt               *stmt,
             const SteadyPracticeRecord *record)
{
  const SteadyBreathingPattern *pattern = record->pattern;

  sqlite3_bind_text (stmt, COL_UUID + 1, record->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, COL_KIND + 1,
                     record->kind == STEADY_PRACTICE_KIND_BREATHING ? "breathing" : "mindfulness",
                     -1, SQLITE_STATIC);
  if (pattern != NULL)
    {
      sqlite3_bind_text (stmt, COL_PATTERN_ID + 1, pattern->id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, COL_PATTERN_NAME + 1, pattern->name, -1, SQLITE_TRANSIENT);
      for (guint i = 0; i < STEADY_BREATHING_N_PHASES; i++)
        sqlite3_bind_int64 (stmt, COL_INHALE + i + 1, pattern->tenths[i]);
    }
  bind_int_or_null (stmt, COL_PLANNED_US, record->planned_us, record->planned_us == 0);
  bind_int_or_null (stmt, COL_PLANNED_CYCLES, record->planned_cycles,
                    record->planned_cycles == 0);
  sqlite3_bind_int64 (stmt, COL_ACTUAL_US + 1, record->actual_us);
  sqlite3_bind_int64 (stmt, COL_STARTED_AT_US + 1, record->started_at_us);
  sqlite3_bind_int64 (stmt, COL_UTC_OFFSET_S + 1, record->utc_offset_s);
  bind_int_or_null (stmt, COL_DISTRESS_BEFORE, record->distress_before,
                    record->distress_before == STEADY_PRACTICE_NO_DISTRESS);
  bind_int_or_null (stmt, COL_DISTRESS_AFTER, record->distress_after,
                    record->distress_after == STEADY_PRACTICE_NO_DISTRESS);
  sqlite3_bind_int64 (stmt, COL_COMPLETED + 1, record->completed ? 1 : 0);
  sqlite3_bind_int64 (stmt, COL_CREATED_US + 1, record->created_us);
  sqlite3_bind_int64 (stmt, COL_UPDATED_US + 1, record->updated_us);
}

static gint64
column_int_or (sqlite3_stmt *stmt,
               int           column,
               gint64        if_null)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return if_null;
  return sqlite3_column_int64 (stmt, column);
}

static SteadyPracticeRecord *
read_record (sqlite3_stmt *stmt)
{
  SteadyPracticeRecord *record;
  const char *kind = (const char *)sqlite3_column_text (stmt, COL_KIND);

  record = g_new0 (SteadyPracticeRecord, 1);
  record->uuid = g_strdup ((const char *)sqlite3_column_text (stmt, COL_UUID));
  record->kind = g_strcmp0 (kind, "breathing") == 0 ? STEADY_PRACTICE_KIND_BREATHING
                                                    : STEADY_PRACTICE_KIND_MINDFULNESS;
  if (record->kind == STEADY_PRACTICE_KIND_BREATHING)
    {
      record->pattern = g_new0 (SteadyBreathingPattern, 1);
      record->pattern->id = g_strdup ((const char *)sqlite3_column_text (stmt, COL_PATTERN_ID));
      record->pattern->name =
        g_strdup ((const char *)sqlite3_column_text (stmt, COL_PATTERN_NAME));
      for (guint i = 0; i < STEADY_BREATHING_N_PHASES; i++)
        record->pattern->tenths[i] = (guint)sqlite3_column_int64 (stmt, COL_INHALE + i);
    }
  record->planned_us = column_int_or (stmt, COL_PLANNED_US, 0);
  record->planned_cycles = (guint)column_int_or (stmt, COL_PLANNED_CYCLES, 0);
  record->actual_us = sqlite3_column_int64 (stmt, COL_ACTUAL_US);
  record->started_at_us = sqlite3_column_int64 (stmt, COL_STARTED_AT_US);
  record->utc_offset_s = (int)sqlite3_column_int64 (stmt, COL_UTC_OFFSET_S);
  record->distress_before = (int)column_int_or (stmt, COL_DISTRESS_BEFORE,
                                                STEADY_PRACTICE_NO_DISTRESS);
  record->distress_after = (int)column_int_or (stmt, COL_DISTRESS_AFTER,
                                               STEADY_PRACTICE_NO_DISTRESS);
  record->completed = sqlite3_column_int64 (stmt, COL_COMPLETED) != 0;
  record->created_us = sqlite3_column_int64 (stmt, COL_CREATED_US);
  record->updated_us = sqlite3_column_int64 (stmt, COL_UPDATED_US);
  return record;
}

/* Runs a statement that returns no rows; returns the number of rows changed, or -1. */
static int
step_done (SteadyPracticeStore  *self,
           sqlite3_stmt         *stmt,
           const char           *what,
           GError              **error)
{
  sqlite3 *db = steady_database_get_handle (self->database);
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_database_set_error_from_sqlite (error, db, rc, what);
      return -1;
    }
  return sqlite3_changes (db);
}

/* Saves @record as a new practice; sets its created and updated times. */
gboolean
steady_practice_store_add (SteadyPracticeStore   *self,
                           SteadyPracticeRecord  *record,
                           GError               **error)
{
  sqlite3_stmt *stmt;
  gint64 created_us = record != NULL ? record->created_us : 0;
  gint64 updated_us = record != NULL ? record->updated_us : 0;
  int changed;

  g_return_val_if_fail (STEADY_IS_PRACTICE_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!steady_practice_record_validate (record, error))
    return FALSE;

  stmt = prepare (self, "INSERT INTO practice_log (" COLUMNS ") VALUES "
                        "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                        "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)", error);
  if (stmt == NULL)
    return FALSE;

  record->created_us = record->updated_us = g_get_real_time ();
  bind_record (stmt, record);
  changed = step_done (self, stmt, _("saving a practice"), error);
  sqlite3_finalize (stmt);

  if (changed < 0)
    {
      record->created_us = created_us;
      record->updated_us = updated_us;
      return FALSE;
    }
  return TRUE;
}

/* Saves the changes to a practice already in the log (say, a distress rating given after
 * it), found by its UUID; sets its updated time. */
gboolean
steady_practice_store_update (SteadyPracticeStore   *self,
                              SteadyPracticeRecord  *record,
                              GError               **error)
{
  sqlite3_stmt *stmt;
  gint64 updated_us = record != NULL ? record->updated_us : 0;
  int changed;

  g_return_val_if_fail (STEADY_IS_PRACTICE_STORE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!steady_practice_record_validate (record, error))
    return FALSE;

  /* created_us is bound as ?18 but not used: a practice keeps its creation time. */
  stmt = prepare (self,
                  "UPDATE practice_log SET kind = ?2, pattern_id = ?3, pattern_name = ?4, "
                  "inhale_tenths = ?5, top_up_tenths = ?6, hold_in_tenths = ?7, "
                  "exhale_tenths = ?8, hold_out_tenths = ?9, planned_us = ?10, "
                  "planned_cycles = ?11, actual_us = ?12, started_at_us = ?13, "
                  "utc_offset_s = ?14, distress_before = ?15, distress_after = ?16, "
                  "completed = ?17, updated_us = max (?19, created_us) "
                  "WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;

  record->updated_us = g_get_real_time ();
  bind_record (stmt, record);
  changed = step_done (self, stmt, _("saving a practice"), error);
  sqlite3_finalize (stmt);

  if (changed == 0)
    g_set_error_literal (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_NOT_FOUND,
                         _("This practice is no longer in the log."));
  if (changed <= 0)
    {
      record->updated_us = updated_us;
      return FALSE;
    }
  return TRUE;
}

/* Runs a one-row DELETE keyed by @key; NOT_FOUND with @gone when there was no such row. */
static gboolean
delete_one (SteadyPracticeStore  *self,
            const char           *sql,
            const char           *key,
            const char           *what,
            const char           *gone,
            GError              **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);
  int changed;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  changed = step_done (self, stmt, what, error);
  sqlite3_finalize (stmt);

  if (changed == 0)
    g_set_error_literal (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_NOT_FOUND, gone);
  return changed > 0;
}

gboolean
steady_practice_store_delete (SteadyPracticeStore  *self,
                              const char           *uuid,
                              GError              **error)
{
  g_return_val_if_fail (STEADY_IS_PRACTICE_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return delete_one (self, "DELETE FROM practice_log WHERE uuid = ?1", uuid,
                     _("deleting a practice"), _("This practice is no longer in the log."),
                     error);
}

/* The practice with @uuid; NULL with STEADY_PRACTICE_ERROR_NOT_FOUND if there is none. */
SteadyPracticeRecord *
steady_practice_store_lookup (SteadyPracticeStore  *self,
                              const char           *uuid,
                              GError              **error)
{
  sqlite3_stmt *stmt;
  SteadyPracticeRecord *record = NULL;
  int rc;

  g_return_val_if_fail (STEADY_IS_PRACTICE_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (self, "SELECT " COLUMNS " FROM practice_log WHERE uuid = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = read_record (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_NOT_FOUND,
                         _("This practice is no longer in the log."));
  else
    steady_database_set_error_from_sqlite (error, steady_database_get_handle (self->database),
                                           rc, _("reading the practice log"));
  sqlite3_finalize (stmt);
  return record;
}

/* The practices that began in [@from_us, @until_us) (UTC microseconds), oldest first, as
 * SteadyPracticeRecord. */
GPtrArray *
steady_practice_store_list_range (SteadyPracticeStore  *self,
                                  gint64                from_us,
                                  gint64                until_us,
                                  GError              **error)
{
  g_autoptr(GPtrArray) records = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STEADY_IS_PRACTICE_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (self,
                  "SELECT " COLUMNS " FROM practice_log "
                  "WHERE started_at_us >= ?1 AND started_at_us < ?2 "
                  "ORDER BY started_at_us, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from_us);
  sqlite3_bind_int64 (stmt, 2, until_us);

  records = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_practice_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, read_record (stmt));
  if (rc != SQLITE_DONE)
    {
      steady_database_set_error_from_sqlite (error, steady_database_get_handle (self->database),
                                             rc, _("reading the practice log"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&records);
}

static void
date_to_monday (GDate *date)
{
  g_date_subtract_days (date, g_date_get_weekday (date) - G_DATE_MONDAY);
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* Minutes practised in each week (Monday to Sunday) from the week holding @first_day to the
 * week holding @last_day, as SteadyPracticeWeek, weeks without practice included. A
 * practice counts in the week of the local day it began on, wherever the person is now. */
GArray *
steady_practice_store_list_weeks (SteadyPracticeStore  *self,
                                  const GDate          *first_day,
                                  const GDate          *last_day,
                                  GError              **error)
{
  g_autoptr(GArray) weeks = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  GDate first_monday;
  GDate last_sunday;
  GDate monday;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STEADY_IS_PRACTICE_STORE (self), NULL);
  g_return_val_if_fail (first_day != NULL && g_date_valid (first_day), NULL);
  g_return_val_if_fail (last_day != NULL && g_date_valid (last_day), NULL);
  g_return_val_if_fail (g_date_compare (first_day, last_day) <= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  first_monday = *first_day;
  last_sunday = *last_day;
  date_to_monday (&first_monday);
  date_to_monday (&last_sunday);
  g_date_add_days (&last_sunday, 6);

  weeks = g_array_new (FALSE, TRUE, sizeof (SteadyPracticeWeek));
  for (monday = first_monday; g_date_compare (&monday, &last_sunday) <= 0;
       g_date_add_days (&monday, 7))
    {
      SteadyPracticeWeek week = { .monday = monday };

      g_array_append_val (weeks, week);
    }

  stmt = prepare (self,
                  "SELECT date (local_day, '-6 days', 'weekday 1'), sum (actual_us), "
                  "count (*) FROM practice_log WHERE local_day BETWEEN ?1 AND ?2 "
                  "GROUP BY 1 ORDER BY 1", error);
  if (stmt == NULL)
    return NULL;
  first_text = format_date (&first_monday);
  last_text = format_date (&last_sunday);
  sqlite3_bind_text (stmt, 1, first_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last_text, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *)sqlite3_column_text (stmt, 0);
      guint year = 0, month = 0, day = 0;
      SteadyPracticeWeek *week;
      GDate week_monday;
      gint64 index;

      g_date_clear (&week_monday, 1);
      if (text == NULL || sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
          !g_date_valid_dmy (day, month, year))
        continue;
      g_date_set_dmy (&week_monday, day, month, year);
      index = g_date_days_between (&first_monday, &week_monday) / 7;
      g_assert (index >= 0 && index < weeks->len);
      week = &g_array_index (weeks, SteadyPracticeWeek, index);
      week->practised_us = sqlite3_column_int64 (stmt, 1);
      week->n_practices = (guint)sqlite3_column_int64 (stmt, 2);
      week->minutes = (guint)((week->practised_us + G_TIME_SPAN_MINUTE / 2) / G_TIME_SPAN_MINUTE);
    }
  if (rc != SQLITE_DONE)
    {
      steady_database_set_error_from_sqlite (error, steady_database_get_handle (self->database),
                                             rc, _("reading the practice log"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&weeks);
}

/* Saved breathing patterns (table breathing_pattern) -------------------------------------- */

/* The person's own patterns, by name; a GPtrArray of SteadyBreathingPattern. */
GPtrArray *
steady_practice_store_list_patterns (SteadyPracticeStore  *self,
                                     GError              **error)
{
  g_autoptr(GPtrArray) patterns = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STEADY_IS_PRACTICE_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (self, "SELECT name, inhale_tenths, top_up_tenths, hold_in_tenths, "
                        "exhale_tenths, hold_out_tenths FROM breathing_pattern "
                        "ORDER BY name COLLATE NOCASE, name", error);
  if (stmt == NULL)
    return NULL;

  patterns = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_breathing_pattern_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint tenths[STEADY_BREATHING_N_PHASES];
      g_autoptr(GError) local_error = NULL;
      SteadyBreathingPattern *pattern;

      for (guint i = 0; i < STEADY_BREATHING_N_PHASES; i++)
        tenths[i] = (guint)sqlite3_column_int (stmt, 1 + (int)i);
      pattern = steady_breathing_pattern_new_custom ((const char *)sqlite3_column_text (stmt, 0),
                                                     tenths, &local_error);
      /* The table's checks match the pattern's, so this is a file changed by hand: the
       * pattern is left out rather than paced wrongly. */
      if (pattern == NULL)
        {
          g_debug ("Skipping a saved pattern: %s", local_error->message);
          continue;
        }
      g_ptr_array_add (patterns, pattern);
    }
  if (rc != SQLITE_DONE)
    {
      steady_database_set_error_from_sqlite (error, steady_database_get_handle (self->database),
                                             rc, _("reading your breathing patterns"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&patterns);
}

/* Saves a pattern of the person's own; one saved before under the same name is replaced. */
gboolean
steady_practice_store_save_pattern (SteadyPracticeStore           *self,
                                    const SteadyBreathingPattern  *pattern,
                                    GError                       **error)
{
  sqlite3_stmt *stmt;
  gint64 now_us = g_get_real_time ();
  int changed;

  g_return_val_if_fail (STEADY_IS_PRACTICE_STORE (self), FALSE);
  g_return_val_if_fail (pattern != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!steady_breathing_pattern_validate (pattern, error))
    return FALSE;
  if (steady_breathing_pattern_is_preset (pattern))
    {
      g_set_error_literal (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_PATTERN,
                           _("The patterns that come with Steady are already kept."));
      return FALSE;
    }

  stmt = prepare (self, "INSERT INTO breathing_pattern (name, inhale_tenths, top_up_tenths, "
                        "hold_in_tenths, exhale_tenths, hold_out_tenths, created_us, updated_us) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) "
                        "ON CONFLICT (name) DO UPDATE SET inhale_tenths = excluded.inhale_tenths, "
                        "top_up_tenths = excluded.top_up_tenths, "
                        "hold_in_tenths = excluded.hold_in_tenths, "
                        "exhale_tenths = excluded.exhale_tenths, "
                        "hold_out_tenths = excluded.hold_out_tenths, "
                        "updated_us = MAX (excluded.updated_us, created_us)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, pattern->name, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < STEADY_BREATHING_N_PHASES; i++)
    sqlite3_bind_int (stmt, 2 + (int)i, (int)pattern->tenths[i]);
  sqlite3_bind_int64 (stmt, 7, now_us);
  changed = step_done (self, stmt, _("saving your breathing pattern"), error);
  sqlite3_finalize (stmt);
  return changed > 0;
}

gboolean
steady_practice_store_delete_pattern (SteadyPracticeStore  *self,
                                      const char           *name,
                                      GError              **error)
{
  g_return_val_if_fail (STEADY_IS_PRACTICE_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return delete_one (self, "DELETE FROM breathing_pattern WHERE name = ?1", name,
                     _("deleting your breathing pattern"), _("This pattern is no longer saved."),
                     error);
}

void
steady_practice_stored_pattern_free (SteadyPracticeStoredPattern *stored)
{
  if (stored == NULL)
    return;
  g_clear_pointer (&stored->pattern, steady_breathing_pattern_free);
  g_free (stored);
}

/* Deletes the pattern called @name and returns its row as it was, for
 * steady_practice_store_put_back_pattern(); STEADY_PRACTICE_ERROR_NOT_FOUND if there is none. */
SteadyPracticeStoredPattern *
steady_practice_store_take_pattern (SteadyPracticeStore  *self,
                                    const char           *name,
                                    GError              **error)
{
  g_autoptr(SteadyPracticeStoredPattern) stored = NULL;
  guint tenths[STEADY_BREATHING_N_PHASES];
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STEADY_IS_PRACTICE_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (self, "DELETE FROM breathing_pattern WHERE name = ?1 RETURNING id, "
                        "created_us, updated_us, inhale_tenths, top_up_tenths, hold_in_tenths, "
                        "exhale_tenths, hold_out_tenths", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      stored = g_new0 (SteadyPracticeStoredPattern, 1);
      stored->row_id = sqlite3_column_int64 (stmt, 0);
      stored->created_us = sqlite3_column_int64 (stmt, 1);
      stored->updated_us = sqlite3_column_int64 (stmt, 2);
      for (guint i = 0; i < STEADY_BREATHING_N_PHASES; i++)
        tenths[i] = (guint)sqlite3_column_int (stmt, 3 + (int)i);
      /* The table's checks are the pattern's, so the row always makes a pattern. */
      stored->pattern = steady_breathing_pattern_new_custom (name, tenths, NULL);
      g_assert (stored->pattern != NULL);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      steady_database_set_error_from_sqlite (error, steady_database_get_handle (self->database),
                                             rc, _("deleting your breathing pattern"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  if (stored == NULL)
    g_set_error_literal (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_NOT_FOUND,
                         _("This pattern is no longer saved."));
  return g_steal_pointer (&stored);
}

/* Puts back a pattern taken with steady_practice_store_take_pattern(), with the times it had.
 * If a pattern of the same name was saved since, that one is kept and this one refused. */
gboolean
steady_practice_store_put_back_pattern (SteadyPracticeStore                *self,
                                        const SteadyPracticeStoredPattern  *stored,
                                        GError                            **error)
{
  sqlite3_stmt *stmt;
  int changed;

  g_return_val_if_fail (STEADY_IS_PRACTICE_STORE (self), FALSE);
  g_return_val_if_fail (stored != NULL && stored->pattern != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = prepare (self, "INSERT INTO breathing_pattern (id, name, inhale_tenths, top_up_tenths, "
                        "hold_in_tenths, exhale_tenths, hold_out_tenths, created_us, updated_us) "
                        "VALUES (CASE WHEN EXISTS (SELECT 1 FROM breathing_pattern WHERE id = ?1) "
                        "THEN NULL ELSE ?1 END, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                        "ON CONFLICT (name) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, stored->row_id);
  sqlite3_bind_text (stmt, 2, stored->pattern->name, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < STEADY_BREATHING_N_PHASES; i++)
    sqlite3_bind_int (stmt, 3 + (int)i, (int)stored->pattern->tenths[i]);
  sqlite3_bind_int64 (stmt, 8, stored->created_us);
  sqlite3_bind_int64 (stmt, 9, stored->updated_us);
  changed = step_done (self, stmt, _("saving your breathing pattern"), error);
  sqlite3_finalize (stmt);

  if (changed == 0)
    /* Translators: undoing a deletion found another pattern saved under the name since. */
    g_set_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_PATTERN,
                 _("A pattern called “%s” has been saved since, so this one was not put back."),
                 stored->pattern->name);
  return changed > 0;
}
