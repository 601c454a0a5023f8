/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-outcome.c: what changed over one exercise, in plain words, for the end of the
 * exercise and anything else that shows one record (no GTK: the reports can use it too). */

#define G_LOG_DOMAIN "steady-skill-outcome"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-skill-outcome.h"

static char *
describe_distress (int before,
                   int after)
{
  if (before < 0 && after < 0)
    return g_strdup (_("You skipped the distress ratings. That is fine."));
  if (before < 0 || after < 0)
    return g_strdup (_("Rate your distress both at the start and at the end to see a change."));
  if (after < before)
    /* Translators: distress from 0 to 10 at the start and at the end of an exercise. */
    return g_strdup_printf (_("Your distress eased from %d to %d."), before, after);
  if (after > before)
    return g_strdup_printf (_("Your distress went up from %d to %d. Noticing that is part of "
                              "the work too."), before, after);
  return g_strdup_printf (_("Your distress stayed at %d."), before);
}

static char *
describe_mood (const char *name,
               int         before,
               int         after)
{
  if (after < 0)
    /* Translators: a mood of a thought record that was not rated again at the end. */
    return g_strdup_printf (_("%s was %d at first and not rated again."), name, before);
  if (after < before)
    /* Translators: a mood rated 0–100 at the start and again at the end, e.g. "Sadness eased
     * from 80 to 50." */
    return g_strdup_printf (_("%s eased from %d to %d."), name, before, after);
  if (after > before)
    return g_strdup_printf (_("%s went up from %d to %d."), name, before, after);
  return g_strdup_printf (_("%s stayed at %d."), name, before);
}

/**
 * steady_skill_outcome_describe:
 *
 * Returns: (transfer full): one line per mood of @record (a thought record's), then one on
 *   distress, e.g. "Sadness eased from 80 to 50.\nYour distress eased from 7 to 4."
 */
char *
steady_skill_outcome_describe (SteadySkillRecord *record)
{
  GString *text;
  g_autofree char *distress = NULL;

  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (record), NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < steady_skill_record_get_n_moods (record); i++)
    {
      const char *name;
      int before, after;
      g_autofree char *line = NULL;

      steady_skill_record_get_mood (record, i, &name, &before, &after);
      line = describe_mood (name, before, after);
      g_string_append (text, line);
      g_string_append_c (text, '\n');
    }
  distress = describe_distress (steady_skill_record_get_distress_before (record),
                                steady_skill_record_get_distress_after (record));
  g_string_append (text, distress);
  return g_string_free (text, FALSE);
}
