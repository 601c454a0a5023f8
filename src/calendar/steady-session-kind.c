/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-session-kind.c: names of session kinds, as stored and as shown. */

#define G_LOG_DOMAIN "steady-session-kind"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-session-kind.h"

static const struct
{
  const char *id;     /* stored in the database and in ICS files (X-STEADY-KIND) */
  const char *label;  /* shown to the user */
} kinds[STEADY_SESSION_N_KINDS] = {
  [STEADY_SESSION_KIND_GROUP] = { "group", N_("Group therapy") },
  [STEADY_SESSION_KIND_INDIVIDUAL] = { "individual", N_("Individual therapy") },
  [STEADY_SESSION_KIND_FAMILY] = { "family", N_("Family therapy") },
  /* Translators: a session with a psychiatrist or a nurse about medication. */
  [STEADY_SESSION_KIND_PSYCHIATRY_MEDICATION] = { "psychiatry-medication",
                                                  N_("Psychiatry / medication") },
  /* Translators: a group that teaches coping skills, such as a DBT skills group. */
  [STEADY_SESSION_KIND_SKILLS_GROUP] = { "skills-group", N_("Skills group") },
  [STEADY_SESSION_KIND_OTHER] = { "other", N_("Other") },
};

const char *
steady_session_kind_to_string (SteadySessionKind kind)
{
  g_return_val_if_fail ((guint)kind < STEADY_SESSION_N_KINDS, "other");

  return kinds[kind].id;
}

gboolean
steady_session_kind_from_string (const char        *text,
                                 SteadySessionKind *out_kind)
{
  g_return_val_if_fail (out_kind != NULL, FALSE);

  for (guint i = 0; text != NULL && i < STEADY_SESSION_N_KINDS; i++)
    {
      if (g_ascii_strcasecmp (kinds[i].id, text) == 0)
        {
          *out_kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
steady_session_kind_get_label (SteadySessionKind kind)
{
  g_return_val_if_fail ((guint)kind < STEADY_SESSION_N_KINDS, NULL);

  return _(kinds[kind].label);
}
