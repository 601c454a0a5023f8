/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-breathing-position.h: where a breathing session is at a given elapsed time, as a
 * pure function of the pattern, the session length and that time. */

#pragma once

#include "steady-breathing-pattern.h"

G_BEGIN_DECLS

typedef struct
{
  SteadyBreathingPhase phase;
  /* The breath under way, from 1; once finished, the number of breaths taken. */
  guint                cycle;
  /* How far into the phase, from 0 at its start towards 1 at its end; 1 once finished. */
  double               progress;
  /* Elapsed times at which the phase began and at which it ends (the next change). */
  gint64               phase_start_us;
  gint64               phase_end_us;
  /* Time left in the phase, and in the session. */
  gint64               remaining_us;
  gint64               session_remaining_us;
  /* The whole seconds a countdown shows: 4, 3, 2, 1 through a four-second phase. */
  guint                countdown_s;
  /* Size of the pacer's shape, 0 empty to 1 full, eased; holds keep the size. */
  double               size;
} SteadyBreathingPosition;

void        steady_breathing_position_compute   (SteadyBreathingPosition      *position,
                                                 const SteadyBreathingPattern *pattern,
                                                 const SteadyBreathingLength  *length,
                                                 gint64                        elapsed_us);

const char *steady_breathing_phase_get_label    (SteadyBreathingPhase          phase);

G_END_DECLS
