/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-session-kind.h: the kinds of session an IOP schedule holds. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  STEADY_SESSION_KIND_GROUP,
  STEADY_SESSION_KIND_INDIVIDUAL,
  STEADY_SESSION_KIND_FAMILY,
  STEADY_SESSION_KIND_PSYCHIATRY_MEDICATION,
  STEADY_SESSION_KIND_SKILLS_GROUP,
  STEADY_SESSION_KIND_OTHER,
} SteadySessionKind;

#define STEADY_SESSION_N_KINDS (STEADY_SESSION_KIND_OTHER + 1)

const char *steady_session_kind_to_string   (SteadySessionKind  kind);
gboolean    steady_session_kind_from_string (const char        *text,
                                             SteadySessionKind *out_kind);
const char *steady_session_kind_get_label   (SteadySessionKind  kind);

G_END_DECLS
