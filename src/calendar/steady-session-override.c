/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-session-override.c: one occurrence of a series changed on its own. */

#define G_LOG_DOMAIN "steady-session-override"

#include "config.h"

#include "steady-session-override.h"

G_DEFINE_BOXED_TYPE (SteadySessionOverride, steady_session_override,
                     steady_session_override_ref, steady_session_override_unref)

SteadySessionOverride *
steady_session_override_new (const char *original_start_local)
{
  SteadySessionOverride *self;

  g_return_val_if_fail (original_start_local != NULL, NULL);

  self = g_new0 (SteadySessionOverride, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->uuid = g_uuid_string_random ();
  self->original_start_local = g_strdup (original_start_local);
  self->duration_minutes = -1;
  return self;
}

SteadySessionOverride *
steady_session_override_copy (const SteadySessionOverride *self)
{
  SteadySessionOverride *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = steady_session_override_new (self->original_start_local);
  g_free (copy->uuid);
  copy->uuid = g_strdup (self->uuid);
  copy->cancelled = self->cancelled;
  copy->start_local = g_strdup (self->start_local);
  copy->duration_minutes = self->duration_minutes;
  copy->title = g_strdup (self->title);
  copy->has_kind = self->has_kind;
  copy->kind = self->kind;
  copy->place = g_strdup (self->place);
  copy->video_link = g_strdup (self->video_link);
  copy->clinician = g_strdup (self->clinician);
  copy->notes = g_strdup (self->notes);
  copy->created_us = self->created_us;
  copy->updated_us = self->updated_us;
  return copy;
}

SteadySessionOverride *
steady_session_override_ref (SteadySessionOverride *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
steady_session_override_unref (SteadySessionOverride *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->uuid);
  g_free (self->original_start_local);
  g_free (self->start_local);
  g_free (self->title);
  g_free (self->place);
  g_free (self->video_link);
  g_free (self->clinician);
  g_free (self->notes);
  g_free (self);
}

/* TRUE when the override changes nothing, so storing it would be pointless. */
gboolean
steady_session_override_is_empty (const SteadySessionOverride *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return !self->cancelled && self->start_local == NULL && self->duration_minutes < 0 &&
         self->title == NULL && !self->has_kind && self->place == NULL &&
         self->video_link == NULL && self->clinician == NULL && self->notes == NULL;
}
