/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-breathing-pattern.c: the breathing presets of CONTENT.md, validation of the user's
 * own patterns, and the length of a session in whole cycles. */

#define G_LOG_DOMAIN "steady-breathing-pattern"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steady-breathing-pattern.h"
#include "steady-practice-error.h"

#define TENTH_US (G_USEC_PER_SEC / 10)

G_DEFINE_ENUM_TYPE (SteadyBreathingPhase, steady_breathing_phase,
  G_DEFINE_ENUM_VALUE (STEADY_BREATHING_PHASE_INHALE, "inhale"),
  G_DEFINE_ENUM_VALUE (STEADY_BREATHING_PHASE_TOP_UP, "top-up"),
  G_DEFINE_ENUM_VALUE (STEADY_BREATHING_PHASE_HOLD_IN, "hold-in"),
  G_DEFINE_ENUM_VALUE (STEADY_BREATHING_PHASE_EXHALE, "exhale"),
  G_DEFINE_ENUM_VALUE (STEADY_BREATHING_PHASE_HOLD_OUT, "hold-out"),
  G_DEFINE_ENUM_VALUE (STEADY_BREATHING_PHASE_FINISHED, "finished"))

G_DEFINE_BOXED_TYPE (SteadyBreathingPattern, steady_breathing_pattern,
                     steady_breathing_pattern_copy, steady_breathing_pattern_free)

typedef struct
{
  const char *id;
  const char *name;         /* N_() */
  const char *description;  /* N_() */
  guint       tenths[STEADY_BREATHING_N_PHASES];
  guint       suggested_cycles;
} Preset;

/* In the order the app offers them; gentle first, as it is the default. */
static const Preset presets[] = {
  { "gentle",
    N_("Gentle"),
    N_("Breathe in for four, out for four, no holding. An easy place to start."),
    { 40, 0, 0, 40, 0 }, 0 },
  { "box",
    /* Translators: a breathing exercise with four equal sides: in, hold, out, hold. */
    N_("Box breathing"),
    N_("In, hold, out, hold, four counts each, as if tracing the sides of a square. Helps "
       "when thoughts are racing."),
    { 40, 0, 40, 40, 40 }, 0 },
  { "4-7-8",
    /* Translators: the name of a breathing pattern: in for 4, hold for 7, out for 8. */
    N_("4-7-8 breathing"),
    N_("In for four, hold for seven, then a slow breath out for eight. New to it? Try four "
       "rounds first."),
    { 40, 0, 70, 80, 0 }, 4 },
  { "resonance",
    N_("Resonance breathing"),
    N_("Slow, even breaths of five and a half seconds each way, about five and a half "
       "breaths a minute."),
    { 55, 0, 0, 55, 0 }, 0 },
  { "paced",
    /* Translators: "paced breathing" as taught in DBT-informed skills groups. */
    N_("Paced breathing"),
    N_("Breathe out for longer than you breathe in: four in, six out. A long breath out "
       "helps your body settle."),
    { 40, 0, 0, 60, 0 }, 0 },
  { "cyclic-sigh",
    /* Translators: a breathing exercise: two breaths in, one long breath out. */
    N_("Cyclic sighing"),
    N_("A full breath in through the nose, a short second sip on top, then a long, slow "
       "breath out."),
    { 20, 10, 0, 60, 0 }, 0 },
};

static const char * const preset_ids[] = {
  "gentle", "box", "4-7-8", "resonance", "paced", "cyclic-sigh", NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (preset_ids) == G_N_ELEMENTS (presets) + 1);

static const Preset *
find_preset (const char *id)
{
  if (id == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_str_equal (presets[i].id, id))
      return &presets[i];
  return NULL;
}

/* The identifiers of the presets, NULL-terminated, in the order the app offers them. */
const char * const *
steady_breathing_pattern_list_presets (void)
{
  return preset_ids;
}

const char *
steady_breathing_pattern_get_default_id (void)
{
  return "gentle";
}

/* Returns a copy of the preset @id, or NULL when there is no such preset. */
SteadyBreathingPattern *
steady_breathing_pattern_new_preset (const char *id)
{
  const Preset *preset;
  SteadyBreathingPattern *self;

  g_return_val_if_fail (id != NULL, NULL);

  preset = find_preset (id);
  if (preset == NULL)
    return NULL;

  self = g_new0 (SteadyBreathingPattern, 1);
  self->id = g_strdup (preset->id);
  self->name = g_strdup (preset->name);
  memcpy (self->tenths, preset->tenths, sizeof self->tenths);
  self->suggested_cycles = preset->suggested_cycles;
  return self;
}

/* A pattern of the user's own; @tenths holds STEADY_BREATHING_N_PHASES lengths in tenths of
 * a second, in the order of SteadyBreathingPhase. Returns NULL with @error set when the
 * pattern cannot be paced. */
SteadyBreathingPattern *
steady_breathing_pattern_new_custom (const char   *name,
                                     const guint  *tenths,
                                     GError      **error)
{
  g_autoptr(SteadyBreathingPattern) self = NULL;

  g_return_val_if_fail (tenths != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (SteadyBreathingPattern, 1);
  self->name = name != NULL ? g_strstrip (g_strdup (name)) : NULL;
  memcpy (self->tenths, tenths, sizeof self->tenths);

  if (!steady_breathing_pattern_validate (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

SteadyBreathingPattern *
steady_breathing_pattern_copy (const SteadyBreathingPattern *self)
{
  SteadyBreathingPattern *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->id = g_strdup (self->id);
  copy->name = g_strdup (self->name);
  return copy;
}

void
steady_breathing_pattern_free (SteadyBreathingPattern *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->name);
  g_free (self);
}

gboolean
steady_breathing_pattern_is_preset (const SteadyBreathingPattern *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return find_preset (self->id) != NULL;
}

/* Checks what the pacer relies on: each phase between 0 and 60 seconds, something to
 * breathe (an inhale, a top-up or an exhale), a top-up only after an inhale, and a name. */
gboolean
steady_breathing_pattern_validate (const SteadyBreathingPattern  *self,
                                   GError                       **error)
{
  const guint *t;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  t = self->tenths;

  if (self->name == NULL || *self->name == '\0' || !g_utf8_validate (self->name, -1, NULL))
    {
      g_set_error_literal (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_PATTERN,
                           _("Please give the pattern a name."));
      return FALSE;
    }
  if (g_utf8_strlen (self->name, -1) > STEADY_BREATHING_NAME_MAX_CHARS)
    {
      g_set_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_PATTERN,
                   _("Please keep the name to %d characters or fewer."),
                   STEADY_BREATHING_NAME_MAX_CHARS);
      return FALSE;
    }
  for (guint i = 0; i < STEADY_BREATHING_N_PHASES; i++)
    {
      if (t[i] > STEADY_BREATHING_PHASE_MAX_TENTHS)
        {
          g_set_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_PATTERN,
                       _("Each part of a breath can last at most %d seconds."),
                       STEADY_BREATHING_PHASE_MAX_TENTHS / 10);
          return FALSE;
        }
    }
  if (t[STEADY_BREATHING_PHASE_INHALE] == 0 && t[STEADY_BREATHING_PHASE_TOP_UP] == 0 &&
      t[STEADY_BREATHING_PHASE_EXHALE] == 0)
    {
      g_set_error_literal (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_PATTERN,
                           _("A pattern needs a breath in or a breath out that lasts longer "
                             "than zero seconds."));
      return FALSE;
    }
  if (t[STEADY_BREATHING_PHASE_TOP_UP] > 0 && t[STEADY_BREATHING_PHASE_INHALE] == 0)
    {
      g_set_error_literal (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_PATTERN,
                           _("A second breath in needs a first breath in before it."));
      return FALSE;
    }
  return TRUE;
}

/* The name to show: translated for a preset, as the user wrote it for their own. */
const char *
steady_breathing_pattern_get_name (const SteadyBreathingPattern *self)
{
  const Preset *preset;

  g_return_val_if_fail (self != NULL, NULL);

  preset = find_preset (self->id);
  if (preset != NULL)
    return _(preset->name);
  return self->name;
}

/* A short description for a preset, translated; an empty string for the user's own. */
const char *
steady_breathing_pattern_get_description (const SteadyBreathingPattern *self)
{
  const Preset *preset;

  g_return_val_if_fail (self != NULL, NULL);

  preset = find_preset (self->id);
  if (preset != NULL)
    return _(preset->description);
  return "";
}

gint64
steady_breathing_pattern_get_phase_us (const SteadyBreathingPattern *self,
                                       SteadyBreathingPhase          phase)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (phase < STEADY_BREATHING_N_PHASES, 0);

  return (gint64)self->tenths[phase] * TENTH_US;
}

/* The length of one breath, every phase included. */
gint64
steady_breathing_pattern_get_cycle_us (const SteadyBreathingPattern *self)
{
  gint64 total = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < STEADY_BREATHING_N_PHASES; i++)
    total += (gint64)self->tenths[i] * TENTH_US;
  return total;
}

gboolean
steady_breathing_length_validate (const SteadyBreathingLength  *length,
                                  GError                      **error)
{
  g_return_val_if_fail (length != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (length->unit)
    {
    case STEADY_BREATHING_LENGTH_MINUTES:
      if (length->value >= 1 && length->value <= STEADY_BREATHING_LENGTH_MAX_MINUTES)
        return TRUE;
      g_set_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_LENGTH,
                   _("A session can last from 1 to %d minutes."),
                   STEADY_BREATHING_LENGTH_MAX_MINUTES);
      return FALSE;
    case STEADY_BREATHING_LENGTH_CYCLES:
      if (length->value >= 1 && length->value <= STEADY_BREATHING_LENGTH_MAX_CYCLES)
        return TRUE;
      g_set_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_LENGTH,
                   _("A session can have from 1 to %d breaths."),
                   STEADY_BREATHING_LENGTH_MAX_CYCLES);
      return FALSE;
    default:
      g_set_error_literal (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_LENGTH,
                           _("The length of the session is not in minutes or breaths."));
      return FALSE;
    }
}

/* The number of whole cycles in a session. A session set in minutes finishes the breath
 * that is under way when the minutes are up, rather than cutting it off half-way: stopping
 * mid-breath, or worse mid-hold, feels abrupt, and the extra is at most one breath. */
guint
steady_breathing_session_get_cycles (const SteadyBreathingPattern *pattern,
                                     const SteadyBreathingLength  *length)
{
  gint64 cycle_us;
  gint64 planned_us;

  g_return_val_if_fail (pattern != NULL, 0);
  g_return_val_if_fail (length != NULL, 0);

  if (length->unit == STEADY_BREATHING_LENGTH_CYCLES)
    return length->value;

  cycle_us = steady_breathing_pattern_get_cycle_us (pattern);
  g_return_val_if_fail (cycle_us > 0, 0);

  planned_us = (gint64)length->value * 60 * G_USEC_PER_SEC;
  return (guint)((planned_us + cycle_us - 1) / cycle_us);
}

/* The length of the session in microseconds: always a whole number of cycles. */
gint64
steady_breathing_session_get_us (const SteadyBreathingPattern *pattern,
                                 const SteadyBreathingLength  *length)
{
  g_return_val_if_fail (pattern != NULL, 0);
  g_return_val_if_fail (length != NULL, 0);

  return (gint64)steady_breathing_session_get_cycles (pattern, length) *
         steady_breathing_pattern_get_cycle_us (pattern);
}
