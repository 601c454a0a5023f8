/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-breathing-position.c: the breathing pacer's schedule. Everything is integer
 * microseconds from the start of the session, so any moment is computed afresh and nothing
 * can drift however long the session runs. */

#define G_LOG_DOMAIN "steady-breathing-position"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "steady-breathing-position.h"

/* With a top-up, the first breath in fills the shape this far and the top-up the rest: the
 * top-up is a small sip on top of a nearly full breath, whatever the two lengths are. */
#define SIZE_BEFORE_TOP_UP 0.8

/* Slow at both ends, like a breath turning round. */
static double
ease (double t)
{
  return (1.0 - cos (G_PI * t)) / 2.0;
}

static double
size_in_phase (const SteadyBreathingPattern *pattern,
               SteadyBreathingPhase          phase,
               double                        progress)
{
  gboolean has_top_up = pattern->tenths[STEADY_BREATHING_PHASE_TOP_UP] > 0;

  switch (phase)
    {
    case STEADY_BREATHING_PHASE_INHALE:
      return ease (progress) * (has_top_up ? SIZE_BEFORE_TOP_UP : 1.0);
    case STEADY_BREATHING_PHASE_TOP_UP:
      return SIZE_BEFORE_TOP_UP + ease (progress) * (1.0 - SIZE_BEFORE_TOP_UP);
    case STEADY_BREATHING_PHASE_HOLD_IN:
      return 1.0;
    case STEADY_BREATHING_PHASE_EXHALE:
      return 1.0 - ease (progress);
    case STEADY_BREATHING_PHASE_HOLD_OUT:
    case STEADY_BREATHING_PHASE_FINISHED:
    default:
      return 0.0;
    }
}

/* Fills @position for @elapsed_us of breathing (pauses not counted) into a session of
 * @pattern lasting @length. A boundary belongs to the phase that begins there; a phase of
 * zero length is never reported; from the end of the last cycle on, the phase is FINISHED.
 * A negative time counts as the very start. @pattern and @length must be valid. */
void
steady_breathing_position_compute (SteadyBreathingPosition      *position,
                                   const SteadyBreathingPattern *pattern,
                                   const SteadyBreathingLength  *length,
                                   gint64                        elapsed_us)
{
  gint64 cycle_us;
  gint64 session_us;
  gint64 cycle_index;
  gint64 cycle_start_us;
  gint64 in_cycle_us;
  gint64 phase_offset_us = 0;
  gint64 phase_us = 0;
  guint phase = 0;

  g_return_if_fail (position != NULL);
  g_return_if_fail (pattern != NULL);
  g_return_if_fail (length != NULL);

  cycle_us = steady_breathing_pattern_get_cycle_us (pattern);
  g_return_if_fail (cycle_us > 0);

  session_us = steady_breathing_session_get_us (pattern, length);
  elapsed_us = MAX (elapsed_us, 0);

  if (elapsed_us >= session_us)
    {
      position->phase = STEADY_BREATHING_PHASE_FINISHED;
      position->cycle = steady_breathing_session_get_cycles (pattern, length);
      position->progress = 1.0;
      position->phase_start_us = session_us;
      position->phase_end_us = session_us;
      position->remaining_us = 0;
      position->session_remaining_us = 0;
      position->countdown_s = 0;
      position->size = 0.0;
      return;
    }

  cycle_index = elapsed_us / cycle_us;
  cycle_start_us = cycle_index * cycle_us;
  in_cycle_us = elapsed_us - cycle_start_us;

  /* The first phase whose half-open span [offset, offset + length) holds the time: a
   * zero-length span holds nothing, and a boundary falls into the span that starts there. */
  for (phase = 0; phase < STEADY_BREATHING_N_PHASES; phase++)
    {
      phase_us = steady_breathing_pattern_get_phase_us (pattern, phase);
      if (in_cycle_us < phase_offset_us + phase_us)
        break;
      phase_offset_us += phase_us;
    }
  g_assert (phase < STEADY_BREATHING_N_PHASES && phase_us > 0);

  position->phase = phase;
  position->cycle = (guint)cycle_index + 1;
  position->phase_start_us = cycle_start_us + phase_offset_us;
  position->phase_end_us = position->phase_start_us + phase_us;
  position->remaining_us = position->phase_end_us - elapsed_us;
  position->session_remaining_us = session_us - elapsed_us;
  position->progress = (double)(elapsed_us - position->phase_start_us) / (double)phase_us;
  position->countdown_s = (guint)((position->remaining_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
  position->size = size_in_phase (pattern, phase, position->progress);
}

/* What the pacer says during @phase, translated. */
const char *
steady_breathing_phase_get_label (SteadyBreathingPhase phase)
{
  switch (phase)
    {
    case STEADY_BREATHING_PHASE_INHALE:
      return _("Breathe in");
    case STEADY_BREATHING_PHASE_TOP_UP:
      /* Translators: a second, short breath in on top of the first (the cyclic sigh). */
      return _("A little more in");
    case STEADY_BREATHING_PHASE_HOLD_IN:
    case STEADY_BREATHING_PHASE_HOLD_OUT:
      /* Translators: hold your breath, shown by the breathing pacer. */
      return _("Hold");
    case STEADY_BREATHING_PHASE_EXHALE:
      return _("Breathe out");
    case STEADY_BREATHING_PHASE_FINISHED:
      /* Translators: shown when a breathing session has ended. */
      return _("Finished");
    default:
      g_return_val_if_reached ("");
    }
}
