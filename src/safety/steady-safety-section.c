/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-safety-section.c: the seven sections of a safety plan, in the order they are used
 * on a hard night, with their names, a gentle prompt and examples in our own words. */

#define G_LOG_DOMAIN "steady-safety-section"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steady-safety-section.h"

#define N_EXAMPLES 3

typedef struct
{
  const char *key;           /* stored in the database; never changes */
  const char *title;
  const char *prompt;
  const char *item_name;     /* what one item is called, for screen readers */
  gboolean    has_phone;
  const char *examples[N_EXAMPLES];
} SectionInfo;

/* The examples are shown as placeholder text in an empty item: warm, concrete and short, so
 * that a person on a bad day sees what kind of thing to write, not a form to fill in. */
static const SectionInfo sections[STEADY_SAFETY_N_SECTIONS] = {
  { "warning-signs",
    N_("Warning signs"),
    N_("Thoughts, feelings or moments that tell me a hard time may be starting."),
    N_("Warning sign"),
    FALSE,
    { N_("For example: I stop answering messages"),
      N_("For example: I can’t sleep for two nights"),
      N_("For example: I think “nothing will ever change”") } },
  { "coping",
    N_("Things I can do on my own"),
    N_("Small things that help me get through a hard moment by myself."),
    N_("Thing I can do"),
    FALSE,
    { N_("For example: Take a warm shower"),
      N_("For example: Walk around the block"),
      N_("For example: Breathe out slowly, ten times") } },
  { "distractions",
    N_("People and places that take my mind off things"),
    N_("Where I can go, or who I can be with, to feel a little less alone."),
    N_("Person or place"),
    TRUE,
    { N_("For example: The library on Main Street"),
      N_("For example: Coffee with my neighbour"),
      N_("For example: A bench in the park") } },
  { "people",
    N_("People I can ask for help"),
    N_("People I trust to talk to when things get hard."),
    N_("Person I can ask"),
    TRUE,
    { N_("For example: My sister"),
      N_("For example: My friend from group"),
      N_("For example: My cousin who always picks up") } },
  { "professionals",
    N_("Professionals and crisis lines"),
    N_("My therapist, my IOP team, my doctor, and crisis lines, with their numbers."),
    N_("Professional or crisis line"),
    TRUE,
    { N_("For example: My therapist"),
      N_("For example: The IOP front desk"),
      N_("For example: My psychiatrist’s office") } },
  { "environment",
    N_("Making my surroundings safer"),
    N_("Steps that put time and distance between me and things I could use to hurt myself."),
    N_("Step"),
    FALSE,
    { N_("For example: Ask someone I trust to keep my extra medication"),
      N_("For example: Leave my car keys with a friend for now"),
      N_("For example: Go to a room where I am not alone") } },
  { "reasons",
    N_("My reasons for living"),
    N_("The people, hopes and small joys that matter to me."),
    N_("Reason"),
    FALSE,
    { N_("For example: My cat"),
      N_("For example: Seeing my niece grow up"),
      N_("For example: The sea in summer") } },
};

static gboolean
section_is_valid (SteadySafetySection section)
{
  return (int)section >= 0 && section < STEADY_SAFETY_N_SECTIONS;
}

const char *
steady_safety_section_to_key (SteadySafetySection section)
{
  g_return_val_if_fail (section_is_valid (section), NULL);

  return sections[section].key;
}

gboolean
steady_safety_section_from_key (const char          *key,
                                SteadySafetySection *out_section)
{
  g_return_val_if_fail (out_section != NULL, FALSE);

  for (guint i = 0; key != NULL && i < STEADY_SAFETY_N_SECTIONS; i++)
    {
      if (strcmp (sections[i].key, key) == 0)
        {
          *out_section = (SteadySafetySection)i;
          return TRUE;
        }
    }
  return FALSE;
}

/* The section's heading, translated. */
const char *
steady_safety_section_get_title (SteadySafetySection section)
{
  g_return_val_if_fail (section_is_valid (section), NULL);

  return _(sections[section].title);
}

/* One line under the heading that says what belongs there, translated. */
const char *
steady_safety_section_get_prompt (SteadySafetySection section)
{
  g_return_val_if_fail (section_is_valid (section), NULL);

  return _(sections[section].prompt);
}

/* The placeholder of the @index-th item; the examples repeat after the last one. */
const char *
steady_safety_section_get_example (SteadySafetySection section,
                                   guint               index)
{
  g_return_val_if_fail (section_is_valid (section), NULL);

  return _(sections[section].examples[index % N_EXAMPLES]);
}

/* What one item of the section is called, translated ("Warning sign"). */
const char *
steady_safety_section_get_item_name (SteadySafetySection section)
{
  g_return_val_if_fail (section_is_valid (section), NULL);

  return _(sections[section].item_name);
}

/* Whether items of this section may carry a phone number (the schema checks it too). */
gboolean
steady_safety_section_has_phone (SteadySafetySection section)
{
  g_return_val_if_fail (section_is_valid (section), FALSE);

  return sections[section].has_phone;
}
