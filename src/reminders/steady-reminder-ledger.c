/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-reminder-ledger.c: the reminders_sent table.
 *
 * A sender claims a reminder before it shows it: in one IMMEDIATE transaction it checks that
 * neither this reminder nor a later one of the same occurrence was handled, and records it as
 * sent. SQLite lets one writer in at a time, so of two daemons racing for the same reminder
 * exactly one gets the claim; the other sees it taken and shows nothing. */

#define G_LOG_DOMAIN "steady-reminder-ledger"

#include "config.h"

#include "steady-reminder-ledger.h"
#include "steady-sql-private.h"

struct _SteadyReminderLedger
{
  GObject         parent_instance;

  /* owned */
  SteadyDatabase *database;
};

G_DEFINE_FINAL_TYPE (SteadyReminderLedger, steady_reminder_ledger, G_TYPE_OBJECT)

static void
steady_reminder_ledger_finalize (GObject *object)
{
  SteadyReminderLedger *self = (SteadyReminderLedger *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (steady_reminder_ledger_parent_class)->finalize (object);
}

static void
steady_reminder_ledger_class_init (SteadyReminderLedgerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steady_reminder_ledger_finalize;
}

static void
steady_reminder_ledger_init (SteadyReminderLedger *self)
{
}

SteadyReminderLedger *
steady_reminder_ledger_new (SteadyDatabase *database)
{
  SteadyReminderLedger *self;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), NULL);

  self = g_object_new (STEADY_TYPE_REMINDER_LEDGER, NULL);
  self->database = g_object_ref (database);
  return self;
}

/* The records of occurrences that started at or after @since_start_local (a wall time; pass
 * one a couple of days before the planning window to allow for every zone). */
GPtrArray *
steady_reminder_ledger_load (SteadyReminderLedger  *self,
                             const char            *since_start_local,
                             GError               **error)
{
  g_autoptr(SteadyStatement) stmt = NULL;
  g_autoptr(GPtrArray) records = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (STEADY_IS_REMINDER_LEDGER (self), NULL);
  g_return_val_if_fail (since_start_local != NULL, NULL);

  stmt = steady_sql_prepare (self->database,
                             "SELECT series_uuid, original_start_local, offset_minutes, state, "
                             "late, sent_us, snoozed_until_us FROM reminders_sent "
                             "WHERE original_start_local >= ?1", error);
  if (stmt == NULL)
    return NULL;
  steady_sql_bind_text (stmt, 1, since_start_local);

  records = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_reminder_record_free);
  while (steady_sql_step_row (self->database, stmt, &has_row, error) && has_row)
    {
      SteadyReminderState state = STEADY_REMINDER_SENT;
      SteadyReminderRecord *record;

      steady_reminder_state_from_string ((const char *)sqlite3_column_text (stmt, 3), &state);
      record = steady_reminder_record_new ((const char *)sqlite3_column_text (stmt, 0),
                                           (const char *)sqlite3_column_text (stmt, 1),
                                           sqlite3_column_int (stmt, 2), state);
      record->late = sqlite3_column_int (stmt, 4) != 0;
      record->sent_us = sqlite3_column_int64 (stmt, 5);
      record->snoozed_until_us = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (records, record);
    }
  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&records);
}

static gboolean
claim_in_transaction (SteadyReminderLedger     *self,
                      const SteadyDueReminder  *due,
                      gint64                    now_us,
                      gboolean                 *out_claimed,
                      GError                  **error)
{
  SteadyOccurrence *occurrence = due->occurrence;
  g_autoptr(SteadyStatement) stmt = NULL;

  if (due->snoozed)
    {
      /* Back from a snooze: take the snoozed row over, unless a later reminder of the same
       * session was handled meanwhile or someone else took it first. */
      stmt = steady_sql_prepare (self->database,
                                 "UPDATE reminders_sent SET state = 'sent', late = ?4, "
                                 "sent_us = ?5, snoozed_until_us = NULL, updated_us = ?5 "
                                 "WHERE series_uuid = ?1 AND original_start_local = ?2 "
                                 "AND offset_minutes = ?3 AND state = 'snoozed' "
                                 "AND snoozed_until_us = ?6 AND NOT EXISTS ("
                                 "  SELECT 1 FROM reminders_sent WHERE series_uuid = ?1 "
                                 "  AND original_start_local = ?2 AND offset_minutes < ?3)",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 6, due->snoozed_until_us);
    }
  else
    stmt = steady_sql_prepare (self->database,
                               "INSERT INTO reminders_sent (series_uuid, original_start_local, "
                               "offset_minutes, state, late, sent_us, created_us, updated_us) "
                               "SELECT ?1, ?2, ?3, 'sent', ?4, ?5, ?5, ?5 WHERE NOT EXISTS ("
                               "  SELECT 1 FROM reminders_sent WHERE series_uuid = ?1 "
                               "  AND original_start_local = ?2 AND offset_minutes <= ?3)",
                               error);
  if (stmt == NULL)
    return FALSE;

  steady_sql_bind_text (stmt, 1, occurrence->series->uuid);
  steady_sql_bind_text (stmt, 2, occurrence->original_start_local);
  sqlite3_bind_int (stmt, 3, due->offset_minutes);
  sqlite3_bind_int (stmt, 4, due->late ? 1 : 0);
  sqlite3_bind_int64 (stmt, 5, now_us);
  if (!steady_sql_step_done (self->database, stmt, error))
    return FALSE;

  *out_claimed = sqlite3_changes (steady_database_get_handle (self->database)) == 1;
  return TRUE;
}

/* Records @due as sent, if nobody has handled it (or a later reminder of its session) yet.
 * *@out_claimed says whether the caller may now show it. */
gboolean
steady_reminder_ledger_claim (SteadyReminderLedger     *self,
                              const SteadyDueReminder  *due,
                              gint64                    now_us,
                              gboolean                 *out_claimed,
                              GError                  **error)
{
  g_return_val_if_fail (STEADY_IS_REMINDER_LEDGER (self), FALSE);
  g_return_val_if_fail (due != NULL, FALSE);
  g_return_val_if_fail (out_claimed != NULL, FALSE);

  *out_claimed = FALSE;
  if (!steady_database_begin (self->database, error))
    return FALSE;
  if (!claim_in_transaction (self, due, now_us, out_claimed, error))
    {
      steady_database_rollback (self->database);
      *out_claimed = FALSE;
      return FALSE;
    }
  if (!steady_database_commit (self->database, error))
    {
      *out_claimed = FALSE;
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_state (SteadyReminderLedger  *self,
           const char            *series_uuid,
           const char            *original_start_local,
           int                    offset_minutes,
           SteadyReminderState    state,
           gint64                 until_us,
           GError               **error)
{
  g_autoptr(SteadyStatement) stmt = NULL;
  gint64 now = g_get_real_time ();

  /* Normally the row is there, written by the claim; insert it if it is not, so a snooze or
   * a dismissal is never lost. */
  stmt = steady_sql_prepare (self->database,
                             "INSERT INTO reminders_sent (series_uuid, original_start_local, "
                             "offset_minutes, state, sent_us, snoozed_until_us, created_us, "
                             "updated_us) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5, ?5) "
                             "ON CONFLICT (series_uuid, original_start_local, offset_minutes) "
                             "DO UPDATE SET state = ?4, snoozed_until_us = ?6, updated_us = ?5",
                             error);
  if (stmt == NULL)
    return FALSE;
  steady_sql_bind_text (stmt, 1, series_uuid);
  steady_sql_bind_text (stmt, 2, original_start_local);
  sqlite3_bind_int (stmt, 3, offset_minutes);
  steady_sql_bind_text (stmt, 4, steady_reminder_state_to_string (state));
  sqlite3_bind_int64 (stmt, 5, now);
  if (state == STEADY_REMINDER_SNOOZED)
    sqlite3_bind_int64 (stmt, 6, until_us);
  else
    sqlite3_bind_null (stmt, 6);
  return steady_sql_step_done (self->database, stmt, error);
}

gboolean
steady_reminder_ledger_snooze (SteadyReminderLedger  *self,
                               const char            *series_uuid,
                               const char            *original_start_local,
                               int                    offset_minutes,
                               gint64                 until_us,
                               GError               **error)
{
  g_return_val_if_fail (STEADY_IS_REMINDER_LEDGER (self), FALSE);
  g_return_val_if_fail (series_uuid != NULL && original_start_local != NULL, FALSE);

  return set_state (self, series_uuid, original_start_local, offset_minutes,
                    STEADY_REMINDER_SNOOZED, until_us, error);
}

gboolean
steady_reminder_ledger_dismiss (SteadyReminderLedger  *self,
                                const char            *series_uuid,
                                const char            *original_start_local,
                                int                    offset_minutes,
                                GError               **error)
{
  g_return_val_if_fail (STEADY_IS_REMINDER_LEDGER (self), FALSE);
  g_return_val_if_fail (series_uuid != NULL && original_start_local != NULL, FALSE);

  return set_state (self, series_uuid, original_start_local, offset_minutes,
                    STEADY_REMINDER_DISMISSED, 0, error);
}
