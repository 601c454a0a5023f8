/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-reminder-ledger.h: the reminders_sent table — what was sent, snoozed and dismissed —
 * with the claim that keeps two senders from showing one reminder twice. */

#pragma once

#include <gio/gio.h>

#include "steady-database.h"
#include "steady-reminder-planner.h"
#include "steady-reminder-record.h"

G_BEGIN_DECLS

#define STEADY_TYPE_REMINDER_LEDGER (steady_reminder_ledger_get_type ())
G_DECLARE_FINAL_TYPE (SteadyReminderLedger, steady_reminder_ledger, STEADY, REMINDER_LEDGER,
                      GObject)

SteadyReminderLedger *steady_reminder_ledger_new     (SteadyDatabase          *database);

GPtrArray            *steady_reminder_ledger_load    (SteadyReminderLedger    *self,
                                                      const char              *since_start_local,
                                                      GError                 **error);
gboolean              steady_reminder_ledger_claim   (SteadyReminderLedger    *self,
                                                      const SteadyDueReminder *due,
                                                      gint64                   now_us,
                                                      gboolean                *out_claimed,
                                                      GError                 **error);
gboolean              steady_reminder_ledger_snooze  (SteadyReminderLedger    *self,
                                                      const char              *series_uuid,
                                                      const char              *original_start_local,
                                                      int                      offset_minutes,
                                                      gint64                   until_us,
                                                      GError                 **error);
gboolean              steady_reminder_ledger_dismiss (SteadyReminderLedger    *self,
                                                      const char              *series_uuid,
                                                      const char              *original_start_local,
                                                      int                      offset_minutes,
                                                      GError                 **error);

G_END_DECLS
