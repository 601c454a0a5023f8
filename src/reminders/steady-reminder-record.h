/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-reminder-record.h: what happened to one reminder — sent, snoozed or dismissed — as the
 * reminders_sent table keeps it. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STEADY_TYPE_REMINDER_RECORD (steady_reminder_record_get_type ())

typedef enum
{
  STEADY_REMINDER_SENT,
  STEADY_REMINDER_SNOOZED,
  STEADY_REMINDER_DISMISSED,
} SteadyReminderState;

typedef struct
{
  char                *series_uuid;
  char                *original_start_local;
  int                  offset_minutes;
  SteadyReminderState  state;
  gboolean             late;
  gint64               sent_us;
  gint64               snoozed_until_us;  /* when SNOOZED */
} SteadyReminderRecord;

GType steady_reminder_record_get_type (void) G_GNUC_CONST;
SteadyReminderRecord *steady_reminder_record_new (const char          *series_uuid,
                                                  const char          *original_start_local,
                                                  int                  offset_minutes,
                                                  SteadyReminderState  state);
SteadyReminderRecord *steady_reminder_record_copy (const SteadyReminderRecord *self);
void steady_reminder_record_free (SteadyReminderRecord *self);

const char *steady_reminder_state_to_string (SteadyReminderState state);
gboolean steady_reminder_state_from_string (const char          *text,
                                            SteadyReminderState *out_state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyReminderRecord, steady_reminder_record_free)

G_END_DECLS
