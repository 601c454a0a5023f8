/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skills-error.c: the error domain of the coping skills' records and stores. */

#define G_LOG_DOMAIN "steady-skills-error"

#include "config.h"

#include "steady-skills-error.h"

G_DEFINE_QUARK (steady-skills-error-quark, steady_skills_error)
