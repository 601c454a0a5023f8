/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skills-error.h: the error domain of the coping skills' records and stores. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STEADY_SKILLS_ERROR (steady_skills_error_quark ())

/* What was wrong, in terms the window can turn into words; messages are written for the
 * user already. */
typedef enum
{
  STEADY_SKILLS_ERROR_INVALID_VALUE, /* a rating outside its range, or an unknown answer */
  STEADY_SKILLS_ERROR_INVALID_FIELD, /* a field this kind of exercise does not have */
  STEADY_SKILLS_ERROR_TOO_LONG,      /* text over its size limit */
  STEADY_SKILLS_ERROR_INVALID_NAME,  /* an empty or overlong diary card target name */
  STEADY_SKILLS_ERROR_EXISTS,        /* the name or UUID is taken already */
  STEADY_SKILLS_ERROR_NOT_FOUND,     /* no such record, target or skill */
} SteadySkillsError;

GQuark steady_skills_error_quark (void);

G_END_DECLS
