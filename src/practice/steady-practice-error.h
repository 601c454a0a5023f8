/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-practice-error.h: the error domain of the practice timers and their log. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STEADY_PRACTICE_ERROR (steady_practice_error_quark ())

typedef enum
{
  STEADY_PRACTICE_ERROR_INVALID_PATTERN,  /* a breathing pattern outside what we can pace */
  STEADY_PRACTICE_ERROR_INVALID_LENGTH,   /* a session length of no minutes or no cycles */
  STEADY_PRACTICE_ERROR_INVALID_BELLS,    /* a mindfulness timer that cannot be run */
  STEADY_PRACTICE_ERROR_INVALID_RECORD,   /* a practice log entry that cannot be saved */
  STEADY_PRACTICE_ERROR_NOT_FOUND,        /* no practice with that identifier */
} SteadyPracticeError;

GQuark steady_practice_error_quark (void);

G_END_DECLS
