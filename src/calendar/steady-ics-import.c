/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-ics-import.c: an iCalendar file imported into the session calendar — what was read
 * (see steady-ics-reader.c, which treats the file as hostile), then saved, with a sentence for
 * everything skipped. */

#define G_LOG_DOMAIN "steady-ics-import"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-ics-import.h"
#include "steady-ics-reader-private.h"
#include "steady-recurrence.h"

G_DEFINE_QUARK (steady-ics-error-quark, steady_ics_error)

G_DEFINE_BOXED_TYPE (SteadyIcsImport, steady_ics_import, steady_ics_import_copy,
                     steady_ics_import_free)

static SteadyIcsImport *
import_new (void)
{
  SteadyIcsImport *self = g_new0 (SteadyIcsImport, 1);

  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_session_series_unref);
  self->overrides = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  self->messages = g_ptr_array_new_with_free_func (g_free);
  return self;
}

SteadyIcsImport *
steady_ics_import_copy (const SteadyIcsImport *self)
{
  SteadyIcsImport *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = import_new ();
  for (guint i = 0; i < self->series->len; i++)
    {
      SteadySessionSeries *series = g_ptr_array_index (self->series, i);

      g_ptr_array_add (copy->series, steady_session_series_ref (series));
      g_ptr_array_add (copy->overrides, g_ptr_array_ref (g_ptr_array_index (self->overrides, i)));
    }
  for (guint i = 0; i < self->messages->len; i++)
    g_ptr_array_add (copy->messages, g_strdup (g_ptr_array_index (self->messages, i)));
  copy->n_added = self->n_added;
  copy->n_updated = self->n_updated;
  return copy;
}

void
steady_ics_import_free (SteadyIcsImport *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->series);
  g_ptr_array_unref (self->overrides);
  g_ptr_array_unref (self->messages);
  g_free (self);
}

/* Reads @data (the bytes of an .ics file) into series and overrides, without touching the
 * database. Fails only when nothing at all can be read; otherwise the messages say what was
 * skipped. Floating times stay floating; UTC times are placed in @local_zone. */
SteadyIcsImport *
steady_ics_import_parse (GBytes     *data,
                         GTimeZone  *local_zone,
                         GError    **error)
{
  g_autoptr(SteadyIcsImport) result = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (local_zone != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  result = import_new ();
  if (!steady_ics_reader_read (data, local_zone, result, error))
    return NULL;
  return g_steal_pointer (&result);
}

static gboolean
is_about_the_data (const GError *error)
{
  return error->domain == STEADY_SESSION_STORE_ERROR || error->domain == STEADY_RECURRENCE_ERROR;
}

/* Writes what was read into @store: a series whose UID is already there is updated, others
 * added. Problems with one series are added to the messages; only a database failure stops
 * the import (with what was saved until then kept). */
gboolean
steady_ics_import_save (SteadyIcsImport     *self,
                        SteadySessionStore  *store,
                        GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (STEADY_IS_SESSION_STORE (store), FALSE);

  for (guint i = 0; i < self->series->len; i++)
    {
      SteadySessionSeries *series = g_ptr_array_index (self->series, i);
      GPtrArray *overrides = g_ptr_array_index (self->overrides, i);
      g_autoptr(SteadySessionSeries) existing = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *who = steady_ics_reader_quote (series->title);
      gboolean saved;

      existing = steady_session_store_get_series (store, series->uuid, NULL);
      if (existing == NULL && series->ics_uid != NULL)
        existing = steady_session_store_find_series_by_ics_uid (store, series->ics_uid,
                                                                &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (existing != NULL)
        {
          g_free (series->uuid);
          series->uuid = g_strdup (existing->uuid);
          saved = steady_session_store_update_series (store, series, &local_error);
          self->n_updated += saved;
        }
      else
        {
          saved = steady_session_store_add_series (store, series, &local_error);
          self->n_added += saved;
        }
      if (!saved)
        {
          if (!is_about_the_data (local_error))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_ptr_array_add (self->messages, g_strdup_printf (_("%s: %s It was not imported."),
                                                            who, local_error->message));
          continue;
        }

      for (guint j = 0; j < overrides->len; j++)
        {
          g_clear_error (&local_error);
          if (steady_session_store_set_override (store, series->uuid,
                                                 g_ptr_array_index (overrides, j), &local_error))
            continue;
          if (!is_about_the_data (local_error))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_ptr_array_add (self->messages,
                           g_strdup_printf (_("%s: a changed session was skipped: %s"), who,
                                            local_error->message));
        }
    }
  return TRUE;
}

/* Reads @file (refusing one over STEADY_ICS_MAX_BYTES before reading it) and saves it into
 * @store, in the user's zone. */
SteadyIcsImport *
steady_ics_import_file (SteadySessionStore  *store,
                        GFile               *file,
                        GError             **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(SteadyIcsImport) result = NULL;

  g_return_val_if_fail (STEADY_IS_SESSION_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL,
                            error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > STEADY_ICS_MAX_BYTES)
    {
      steady_ics_reader_set_too_big_error (error);
      return NULL;
    }

  data = g_file_load_bytes (file, NULL, NULL, error);
  if (data == NULL)
    return NULL;
  result = steady_ics_import_parse (data, steady_session_store_get_local_zone (store), error);
  if (result == NULL || !steady_ics_import_save (result, store, error))
    return NULL;
  return g_steal_pointer (&result);
}
