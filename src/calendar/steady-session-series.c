/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-session-series.c: one session series as the user entered it. */

#define G_LOG_DOMAIN "steady-session-series"

#include "config.h"

#include "steady-session-series.h"

G_DEFINE_BOXED_TYPE (SteadySessionSeries, steady_session_series,
                     steady_session_series_ref, steady_session_series_unref)

SteadySessionSeries *
steady_session_series_new (void)
{
  static const int default_offsets[] = {
    STEADY_REMINDER_DEFAULT_DAY_BEFORE,
    STEADY_REMINDER_DEFAULT_HOUR_BEFORE,
  };
  SteadySessionSeries *self = g_new0 (SteadySessionSeries, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->uuid = g_uuid_string_random ();
  self->title = g_strdup ("");
  self->kind = STEADY_SESSION_KIND_OTHER;
  self->place = g_strdup ("");
  self->video_link = g_strdup ("");
  self->clinician = g_strdup ("");
  self->notes = g_strdup ("");
  self->start_local = g_strdup ("19700101T000000");
  self->duration_minutes = 60;
  self->tzid = g_strdup ("");
  self->rrule = g_strdup ("");
  self->exdates = g_ptr_array_new_with_free_func (g_free);
  self->reminder_offsets = g_array_new (FALSE, FALSE, sizeof (int));
  steady_session_series_set_reminder_offsets (self, default_offsets,
                                              G_N_ELEMENTS (default_offsets));
  return self;
}

SteadySessionSeries *
steady_session_series_copy (const SteadySessionSeries *self)
{
  SteadySessionSeries *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = steady_session_series_new ();
  g_free (copy->uuid);
  copy->uuid = g_strdup (self->uuid);
  copy->ics_uid = g_strdup (self->ics_uid);
  steady_session_series_set_title (copy, self->title);
  copy->kind = self->kind;
  steady_session_series_set_place (copy, self->place);
  steady_session_series_set_video_link (copy, self->video_link);
  steady_session_series_set_clinician (copy, self->clinician);
  steady_session_series_set_notes (copy, self->notes);
  steady_session_series_set_start (copy, self->start_local, self->tzid);
  copy->duration_minutes = self->duration_minutes;
  steady_session_series_set_rrule (copy, self->rrule);
  for (guint i = 0; i < self->exdates->len; i++)
    g_ptr_array_add (copy->exdates, g_strdup (g_ptr_array_index (self->exdates, i)));
  steady_session_series_set_reminder_offsets (copy,
                                              (const int *)(gpointer)self->reminder_offsets->data,
                                              self->reminder_offsets->len);
  copy->times_changed_us = self->times_changed_us;
  copy->created_us = self->created_us;
  copy->updated_us = self->updated_us;
  return copy;
}

SteadySessionSeries *
steady_session_series_ref (SteadySessionSeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
steady_session_series_unref (SteadySessionSeries *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->uuid);
  g_free (self->ics_uid);
  g_free (self->title);
  g_free (self->place);
  g_free (self->video_link);
  g_free (self->clinician);
  g_free (self->notes);
  g_free (self->start_local);
  g_free (self->tzid);
  g_free (self->rrule);
  g_ptr_array_unref (self->exdates);
  g_array_unref (self->reminder_offsets);
  g_free (self);
}

static void
replace_string (char       **field,
                const char  *value)
{
  char *copy = g_strdup (value != NULL ? value : "");

  g_free (*field);
  *field = copy;
}

void
steady_session_series_set_title (SteadySessionSeries *self,
                                 const char          *title)
{
  g_return_if_fail (self != NULL);

  replace_string (&self->title, title);
}

void
steady_session_series_set_place (SteadySessionSeries *self,
                                 const char          *place)
{
  g_return_if_fail (self != NULL);

  replace_string (&self->place, place);
}

void
steady_session_series_set_video_link (SteadySessionSeries *self,
                                      const char          *link)
{
  g_return_if_fail (self != NULL);

  replace_string (&self->video_link, link);
}

void
steady_session_series_set_clinician (SteadySessionSeries *self,
                                     const char          *clinician)
{
  g_return_if_fail (self != NULL);

  replace_string (&self->clinician, clinician);
}

void
steady_session_series_set_notes (SteadySessionSeries *self,
                                 const char          *notes)
{
  g_return_if_fail (self != NULL);

  replace_string (&self->notes, notes);
}

/* @tzid is an IANA name, or "" (or NULL) for a floating series that follows the user's zone. */
void
steady_session_series_set_start (SteadySessionSeries *self,
                                 const char          *start_local,
                                 const char          *tzid)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (start_local != NULL);

  replace_string (&self->start_local, start_local);
  replace_string (&self->tzid, tzid);
}

void
steady_session_series_set_rrule (SteadySessionSeries *self,
                                 const char          *rrule)
{
  g_return_if_fail (self != NULL);

  replace_string (&self->rrule, rrule);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

void
steady_session_series_add_exdate (SteadySessionSeries *self,
                                  const char          *start_local)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (start_local != NULL);

  if (steady_session_series_has_exdate (self, start_local))
    return;
  g_ptr_array_add (self->exdates, g_strdup (start_local));
  g_ptr_array_sort (self->exdates, compare_strings);
}

gboolean
steady_session_series_has_exdate (const SteadySessionSeries *self,
                                  const char                *start_local)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->exdates->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->exdates, i), start_local) == 0)
        return TRUE;
    }
  return FALSE;
}

static int
compare_ints_descending (gconstpointer a,
                         gconstpointer b)
{
  int x = *(const int *)a;
  int y = *(const int *)b;

  return (x < y) - (x > y);
}

/* Keeps each offset once, within 0 … one week, largest (earliest reminder) first. */
void
steady_session_series_set_reminder_offsets (SteadySessionSeries *self,
                                            const int           *minutes,
                                            guint                n_minutes)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (minutes != NULL || n_minutes == 0);

  g_array_set_size (self->reminder_offsets, 0);
  for (guint i = 0; i < n_minutes; i++)
    {
      gboolean seen = FALSE;

      if (minutes[i] < 0 || minutes[i] > STEADY_REMINDER_MAX_OFFSET_MINUTES)
        continue;
      for (guint j = 0; j < self->reminder_offsets->len; j++)
        seen |= g_array_index (self->reminder_offsets, int, j) == minutes[i];
      if (!seen)
        g_array_append_val (self->reminder_offsets, minutes[i]);
    }
  g_array_sort (self->reminder_offsets, compare_ints_descending);
}

gboolean
steady_session_series_is_recurring (const SteadySessionSeries *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->rrule[0] != '\0';
}
