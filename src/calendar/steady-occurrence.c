/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-occurrence.c: one session on the calendar, with any override applied. */

#define G_LOG_DOMAIN "steady-occurrence"

#include "config.h"

#include <string.h>

#include "steady-occurrence.h"
#include "steady-wall-time.h"

G_DEFINE_BOXED_TYPE (SteadyOccurrence, steady_occurrence,
                     steady_occurrence_ref, steady_occurrence_unref)

static const char *
pick (const char *override_value,
      const char *series_value)
{
  return override_value != NULL ? override_value : series_value;
}

/* @start_us is where @start_local landed in the series' zone; the end follows from the
 * duration, in real minutes, so a session across a DST change still lasts as long. */
SteadyOccurrence *
steady_occurrence_new (SteadySessionSeries   *series,
                       SteadySessionOverride *override,
                       const char            *original_start_local,
                       const char            *start_local,
                       gint64                 start_us,
                       SteadyOccurrenceFlags  flags)
{
  SteadyOccurrence *self;
  int duration;

  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (original_start_local != NULL, NULL);
  g_return_val_if_fail (start_local != NULL, NULL);

  self = g_new0 (SteadyOccurrence, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->series = steady_session_series_ref (series);
  self->override = override != NULL ? steady_session_override_ref (override) : NULL;
  self->original_start_local = g_strdup (original_start_local);
  self->start_local = g_strdup (start_local);
  self->flags = flags;

  duration = series->duration_minutes;
  self->title = series->title;
  self->kind = series->kind;
  self->place = series->place;
  self->video_link = series->video_link;
  self->clinician = series->clinician;
  self->notes = series->notes;

  if (override != NULL)
    {
      if (override->duration_minutes > 0)
        duration = override->duration_minutes;
      self->title = pick (override->title, series->title);
      if (override->has_kind)
        self->kind = override->kind;
      self->place = pick (override->place, series->place);
      self->video_link = pick (override->video_link, series->video_link);
      self->clinician = pick (override->clinician, series->clinician);
      self->notes = pick (override->notes, series->notes);
      if (override->cancelled)
        self->flags |= STEADY_OCCURRENCE_CANCELLED;
      if (!steady_session_override_is_empty (override))
        self->flags |= STEADY_OCCURRENCE_EDITED;
      if (override->start_local != NULL &&
          g_strcmp0 (override->start_local, original_start_local) != 0)
        self->flags |= STEADY_OCCURRENCE_MOVED;
    }

  self->start_us = start_us;
  self->end_us = start_us + (gint64)duration * 60 * G_USEC_PER_SEC;
  return self;
}

SteadyOccurrence *
steady_occurrence_ref (SteadyOccurrence *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
steady_occurrence_unref (SteadyOccurrence *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  steady_session_series_unref (self->series);
  g_clear_pointer (&self->override, steady_session_override_unref);
  g_free (self->original_start_local);
  g_free (self->start_local);
  g_free (self);
}

/* "<series uuid>/<original start>": stable across moves and DST, so the GUI, notifications and
 * the reminders table all name an occurrence the same way. */
char *
steady_occurrence_dup_id (const SteadyOccurrence *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_strconcat (self->series->uuid, "/", self->original_start_local, NULL);
}

gboolean
steady_occurrence_id_parse (const char  *id,
                            char       **out_series_uuid,
                            char       **out_original_start_local)
{
  const char *slash;
  SteadyWallTime wall;

  if (id == NULL || (slash = strchr (id, '/')) == NULL || slash - id != 36 ||
      !steady_wall_time_parse (slash + 1, &wall))
    return FALSE;

  if (out_series_uuid != NULL)
    *out_series_uuid = g_strndup (id, slash - id);
  if (out_original_start_local != NULL)
    *out_original_start_local = g_strdup (slash + 1);
  return TRUE;
}

/* When the user entered this occurrence as it is now: a reminder that fell due before that
 * was never missed, because it never existed. */
gint64
steady_occurrence_get_known_since (const SteadyOccurrence *self)
{
  g_return_val_if_fail (self != NULL, 0);

  gint64 since = MAX (self->series->created_us, self->series->times_changed_us);

  if (self->override != NULL && (self->flags & STEADY_OCCURRENCE_MOVED) != 0)
    since = MAX (since, self->override->updated_us);
  return since;
}

/* By start, then by series, so the order is stable. */
int
steady_occurrence_compare (gconstpointer a,
                           gconstpointer b)
{
  const SteadyOccurrence *x = *(SteadyOccurrence * const *)a;
  const SteadyOccurrence *y = *(SteadyOccurrence * const *)b;

  if (x->start_us != y->start_us)
    return x->start_us < y->start_us ? -1 : 1;
  return g_strcmp0 (x->series->uuid, y->series->uuid);
}
