/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-breathing-pattern.h: a breathing pattern (the presets and the user's own), and how
 * long a session of it lasts, in whole tenths of a second so the schedule is exact. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The phases of one breath, in the order they happen. */
typedef enum
{
  STEADY_BREATHING_PHASE_INHALE,
  STEADY_BREATHING_PHASE_TOP_UP,    /* a second, short inhale on top of the first */
  STEADY_BREATHING_PHASE_HOLD_IN,
  STEADY_BREATHING_PHASE_EXHALE,
  STEADY_BREATHING_PHASE_HOLD_OUT,
  STEADY_BREATHING_PHASE_FINISHED,  /* the session is over */
} SteadyBreathingPhase;

#define STEADY_BREATHING_N_PHASES 5 /* the phases of a breath, FINISHED not counted */

#define STEADY_TYPE_BREATHING_PHASE (steady_breathing_phase_get_type ())
GType steady_breathing_phase_get_type (void);

/* Limits a pattern of the user's own is checked against. */
#define STEADY_BREATHING_PHASE_MAX_TENTHS 600 /* 60 seconds */
#define STEADY_BREATHING_NAME_MAX_CHARS   60

#define STEADY_TYPE_BREATHING_PATTERN (steady_breathing_pattern_get_type ())

typedef struct
{
  /* A preset's stable identifier ("box"), or NULL for a pattern of the user's own. */
  char  *id;
  /* The user's own name for a custom pattern; for a preset, the untranslated name. */
  char  *name;
  /* Length of each phase in tenths of a second, indexed by SteadyBreathingPhase. */
  guint  tenths[STEADY_BREATHING_N_PHASES];
  /* How many cycles to suggest to someone new to the pattern; 0 for no suggestion. */
  guint  suggested_cycles;
} SteadyBreathingPattern;

GType                   steady_breathing_pattern_get_type       (void) G_GNUC_CONST;

const char * const     *steady_breathing_pattern_list_presets   (void);
const char             *steady_breathing_pattern_get_default_id (void);
SteadyBreathingPattern *steady_breathing_pattern_new_preset     (const char  *id);
SteadyBreathingPattern *steady_breathing_pattern_new_custom     (const char  *name,
                                                                 const guint *tenths,
                                                                 GError     **error);
SteadyBreathingPattern *steady_breathing_pattern_copy  (const SteadyBreathingPattern *self);
void                    steady_breathing_pattern_free  (SteadyBreathingPattern       *self);

gboolean    steady_breathing_pattern_validate        (const SteadyBreathingPattern  *self,
                                                      GError                       **error);
gboolean    steady_breathing_pattern_is_preset       (const SteadyBreathingPattern  *self);
const char *steady_breathing_pattern_get_name        (const SteadyBreathingPattern  *self);
const char *steady_breathing_pattern_get_description (const SteadyBreathingPattern  *self);
gint64      steady_breathing_pattern_get_phase_us    (const SteadyBreathingPattern  *self,
                                                      SteadyBreathingPhase           phase);
gint64      steady_breathing_pattern_get_cycle_us    (const SteadyBreathingPattern  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyBreathingPattern, steady_breathing_pattern_free)

/* How long a breathing session lasts: a number of minutes or of cycles. */
typedef enum
{
  STEADY_BREATHING_LENGTH_MINUTES,
  STEADY_BREATHING_LENGTH_CYCLES,
} SteadyBreathingLengthUnit;

#define STEADY_BREATHING_LENGTH_MAX_MINUTES 180
#define STEADY_BREATHING_LENGTH_MAX_CYCLES  999

typedef struct
{
  SteadyBreathingLengthUnit unit;
  guint                     value;
} SteadyBreathingLength;

gboolean steady_breathing_length_validate   (const SteadyBreathingLength  *length,
                                             GError                      **error);
guint    steady_breathing_session_get_cycles (const SteadyBreathingPattern *pattern,
                                              const SteadyBreathingLength  *length);
gint64   steady_breathing_session_get_us     (const SteadyBreathingPattern *pattern,
                                              const SteadyBreathingLength  *length);

G_END_DECLS
