/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-practice-record.c: one practice in the log, and the checks it must pass before it
 * is saved (the same ones the table's CHECK constraints make). */

#define G_LOG_DOMAIN "steady-practice-record"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-practice-error.h"
#include "steady-practice-record.h"

G_DEFINE_ENUM_TYPE (SteadyPracticeKind, steady_practice_kind,
  G_DEFINE_ENUM_VALUE (STEADY_PRACTICE_KIND_BREATHING, "breathing"),
  G_DEFINE_ENUM_VALUE (STEADY_PRACTICE_KIND_MINDFULNESS, "mindfulness"))

G_DEFINE_BOXED_TYPE (SteadyPracticeRecord, steady_practice_record,
                     steady_practice_record_copy, steady_practice_record_free)

/* A new record with a fresh UUID, no distress ratings, and nothing else filled in. */
SteadyPracticeRecord *
steady_practice_record_new (SteadyPracticeKind kind)
{
  SteadyPracticeRecord *self;

  g_return_val_if_fail (kind == STEADY_PRACTICE_KIND_BREATHING ||
                        kind == STEADY_PRACTICE_KIND_MINDFULNESS, NULL);

  self = g_new0 (SteadyPracticeRecord, 1);
  self->uuid = g_uuid_string_random ();
  self->kind = kind;
  self->distress_before = STEADY_PRACTICE_NO_DISTRESS;
  self->distress_after = STEADY_PRACTICE_NO_DISTRESS;
  return self;
}

SteadyPracticeRecord *
steady_practice_record_copy (const SteadyPracticeRecord *self)
{
  SteadyPracticeRecord *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->uuid = g_strdup (self->uuid);
  copy->pattern = self->pattern != NULL ? steady_breathing_pattern_copy (self->pattern) : NULL;
  return copy;
}

void
steady_practice_record_free (SteadyPracticeRecord *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_clear_pointer (&self->pattern, steady_breathing_pattern_free);
  g_free (self);
}

/* Sets the start from @started_at, keeping its offset from UTC. */
void
steady_practice_record_set_started_at (SteadyPracticeRecord *self,
                                       GDateTime            *started_at)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (started_at != NULL);

  self->started_at_us = g_date_time_to_unix (started_at) * G_USEC_PER_SEC +
                        g_date_time_get_microsecond (started_at);
  self->utc_offset_s = (int)(g_date_time_get_utc_offset (started_at) / G_USEC_PER_SEC);
}

/* The start in the offset from UTC the person was in at the time. */
GDateTime *
steady_practice_record_get_started_at (const SteadyPracticeRecord *self)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GTimeZone) zone = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  utc = g_date_time_new_from_unix_utc (self->started_at_us / G_USEC_PER_SEC);
  if (utc == NULL)
    return NULL;
  zone = g_time_zone_new_offset (self->utc_offset_s);
  {
    g_autoptr(GDateTime) exact = g_date_time_add (utc, self->started_at_us % G_USEC_PER_SEC);

    return g_date_time_to_timezone (exact, zone);
  }
}

static gboolean
distress_is_valid (int distress)
{
  return distress == STEADY_PRACTICE_NO_DISTRESS || (distress >= 0 && distress <= 10);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  /* Translators: %s is one of the reasons that follow, such as "its length is out of
   * range." */
  g_set_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_RECORD,
               _("This practice could not be saved: %s"), message);
  return FALSE;
}

gboolean
steady_practice_record_validate (const SteadyPracticeRecord  *self,
                                 GError                     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->uuid == NULL || !g_uuid_string_is_valid (self->uuid))
    return invalid (error, _("it has no valid identifier."));

  switch (self->kind)
    {
    case STEADY_PRACTICE_KIND_BREATHING:
      if (self->pattern == NULL)
        return invalid (error, _("the breathing pattern is missing."));
      if (!steady_breathing_pattern_validate (self->pattern, NULL))
        return invalid (error, _("the breathing pattern is not one the pacer can follow."));
      if (self->planned_us <= 0)
        return invalid (error, _("the planned length is missing."));
      break;
    case STEADY_PRACTICE_KIND_MINDFULNESS:
      if (self->pattern != NULL || self->planned_cycles != 0)
        return invalid (error, _("a mindfulness sit has no breathing pattern."));
      break;
    default:
      return invalid (error, _("it is neither breathing nor mindfulness."));
    }

  if (self->planned_us < 0 || self->planned_us > STEADY_PRACTICE_MAX_LENGTH_US ||
      self->actual_us < 0 || self->actual_us > STEADY_PRACTICE_MAX_LENGTH_US ||
      self->planned_cycles > STEADY_BREATHING_LENGTH_MAX_CYCLES)
    return invalid (error, _("its length is out of range."));
  if (self->started_at_us <= 0)
    return invalid (error, _("its start time is missing."));
  if (self->utc_offset_s < -STEADY_PRACTICE_MAX_UTC_OFFSET_S ||
      self->utc_offset_s > STEADY_PRACTICE_MAX_UTC_OFFSET_S)
    return invalid (error, _("its time zone is out of range."));
  if (!distress_is_valid (self->distress_before) || !distress_is_valid (self->distress_after))
    return invalid (error, _("distress is rated from 0 to 10."));

  return TRUE;
}
