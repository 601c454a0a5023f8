/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-practice-error.c: the error domain of the practice timers and their log. */

#define G_LOG_DOMAIN "steady-practice-error"

#include "config.h"

#include "steady-practice-error.h"

G_DEFINE_QUARK (steady-practice-error-quark, steady_practice_error)
