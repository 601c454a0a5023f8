/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-reminder-record.c: what happened to one reminder. */

#define G_LOG_DOMAIN "steady-reminder-record"

#include "config.h"

#include "steady-reminder-record.h"

G_DEFINE_BOXED_TYPE (SteadyReminderRecord, steady_reminder_record,
                     steady_reminder_record_copy, steady_reminder_record_free)

static const char * const state_names[] = {
  [STEADY_REMINDER_SENT] = "sent",
  [STEADY_REMINDER_SNOOZED] = "snoozed",
  [STEADY_REMINDER_DISMISSED] = "dismissed",
};

SteadyReminderRecord *
steady_reminder_record_new (const char          *series_uuid,
                            const char          *original_start_local,
                            int                  offset_minutes,
                            SteadyReminderState  state)
{
  SteadyReminderRecord *self;

  g_return_val_if_fail (series_uuid != NULL, NULL);
  g_return_val_if_fail (original_start_local != NULL, NULL);

  self = g_new0 (SteadyReminderRecord, 1);
  self->series_uuid = g_strdup (series_uuid);
  self->original_start_local = g_strdup (original_start_local);
  self->offset_minutes = offset_minutes;
  self->state = state;
  return self;
}

SteadyReminderRecord *
steady_reminder_record_copy (const SteadyReminderRecord *self)
{
  SteadyReminderRecord *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->series_uuid = g_strdup (self->series_uuid);
  copy->original_start_local = g_strdup (self->original_start_local);
  return copy;
}

void
steady_reminder_record_free (SteadyReminderRecord *self)
{
  if (self == NULL)
    return;
  g_free (self->series_uuid);
  g_free (self->original_start_local);
  g_free (self);
}

const char *
steady_reminder_state_to_string (SteadyReminderState state)
{
  g_return_val_if_fail ((guint)state < G_N_ELEMENTS (state_names), NULL);

  return state_names[state];
}

gboolean
steady_reminder_state_from_string (const char          *text,
                                   SteadyReminderState *out_state)
{
  g_return_val_if_fail (out_state != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (state_names); i++)
    {
      if (g_strcmp0 (state_names[i], text) == 0)
        {
          *out_state = i;
          return TRUE;
        }
    }
  return FALSE;
}
