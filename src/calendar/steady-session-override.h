/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-session-override.h: one occurrence of a series changed on its own — moved, edited or
 * cancelled — keyed by the occurrence's original start. */

#pragma once

#include <glib-object.h>

#include "steady-session-kind.h"

G_BEGIN_DECLS

#define STEADY_TYPE_SESSION_OVERRIDE (steady_session_override_get_type ())

/* Every field but the key may be NULL (or -1, or has_kind FALSE): "as in the series". */
typedef struct
{
  char              *uuid;
  char              *original_start_local; /* the key: "YYYYMMDDTHHMMSS" in the series' zone */
  gboolean           cancelled;
  char              *start_local;          /* moved to this wall time, in the series' zone */
  int                duration_minutes;     /* -1: as in the series */
  char              *title;
  gboolean           has_kind;
  SteadySessionKind  kind;
  char              *place;
  char              *video_link;
  char              *clinician;
  char              *notes;
  gint64             created_us;
  gint64             updated_us;

  /*< private >*/
  gatomicrefcount    ref_count;
} SteadySessionOverride;

GType steady_session_override_get_type (void) G_GNUC_CONST;

SteadySessionOverride *steady_session_override_new (const char *original_start_local);
SteadySessionOverride *steady_session_override_copy (const SteadySessionOverride *self);
SteadySessionOverride *steady_session_override_ref (SteadySessionOverride *self);
void steady_session_override_unref (SteadySessionOverride *self);
gboolean steady_session_override_is_empty (const SteadySessionOverride *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadySessionOverride, steady_session_override_unref)

G_END_DECLS
