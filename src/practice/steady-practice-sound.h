/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-practice-sound.h: plays the bell and the phase chime from the GResource, and says
 * whether sound can play on this computer at all, so the pages can show it instead. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  STEADY_PRACTICE_SOUND_BELL,
  STEADY_PRACTICE_SOUND_CHIME,
} SteadyPracticeSoundKind;

#define STEADY_TYPE_PRACTICE_SOUND (steady_practice_sound_get_type ())
G_DECLARE_FINAL_TYPE (SteadyPracticeSound, steady_practice_sound, STEADY, PRACTICE_SOUND, GObject)

SteadyPracticeSound *steady_practice_sound_new           (void);
void                 steady_practice_sound_play          (SteadyPracticeSound     *self,
                                                          SteadyPracticeSoundKind  kind,
                                                          guint                    strikes,
                                                          double                   volume);
void                 steady_practice_sound_stop          (SteadyPracticeSound     *self);
gboolean             steady_practice_sound_get_available (SteadyPracticeSound     *self);

G_END_DECLS
