/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-occurrence.h: one session on the calendar — an occurrence of a series, placed at an
 * instant, with any override applied. */

#pragma once

#include <glib-object.h>

#include "steady-session-override.h"
#include "steady-session-series.h"

G_BEGIN_DECLS

#define STEADY_TYPE_OCCURRENCE (steady_occurrence_get_type ())

typedef enum
{
  STEADY_OCCURRENCE_NONE           = 0,
  STEADY_OCCURRENCE_MOVED          = 1 << 0, /* an override gave it another start */
  STEADY_OCCURRENCE_EDITED         = 1 << 1, /* an override changed any of its fields */
  STEADY_OCCURRENCE_CANCELLED      = 1 << 2, /* cancelled: shown as such, never reminded */
  STEADY_OCCURRENCE_SHIFTED_BY_GAP = 1 << 3, /* its time did not exist (DST); moved later */
  STEADY_OCCURRENCE_AMBIGUOUS      = 1 << 4, /* its time existed twice (DST); first taken */
} SteadyOccurrenceFlags;

/* The effective fields point into the series or the override, which the occurrence keeps. */
typedef struct
{
  SteadySessionSeries   *series;
  SteadySessionOverride *override;              /* or NULL */
  char                  *original_start_local;  /* the key of this occurrence in its series */
  char                  *start_local;           /* wall time it happens at, in its zone */
  gint64                 start_us;              /* UTC microseconds */
  gint64                 end_us;
  SteadyOccurrenceFlags  flags;

  const char            *title;
  SteadySessionKind      kind;
  const char            *place;
  const char            *video_link;
  const char            *clinician;
  const char            *notes;

  /*< private >*/
  gatomicrefcount        ref_count;
} SteadyOccurrence;

GType steady_occurrence_get_type (void) G_GNUC_CONST;

SteadyOccurrence *steady_occurrence_new (SteadySessionSeries   *series,
                                         SteadySessionOverride *override,
                                         const char            *original_start_local,
                                         const char            *start_local,
                                         gint64                 start_us,
                                         SteadyOccurrenceFlags  flags);
SteadyOccurrence *steady_occurrence_ref (SteadyOccurrence *self);
void steady_occurrence_unref (SteadyOccurrence *self);

char *steady_occurrence_dup_id (const SteadyOccurrence *self);
gboolean steady_occurrence_id_parse (const char  *id,
                                     char       **out_series_uuid,
                                     char       **out_original_start_local);
gint64 steady_occurrence_get_known_since (const SteadyOccurrence *self);
int steady_occurrence_compare (gconstpointer a,
                               gconstpointer b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyOccurrence, steady_occurrence_unref)

G_END_DECLS
