/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skills-library.c: the DBT-informed skills by module, each described in our own
 * words, the meanings of the diary card's 0–7 scale, and searching by name or description. */

#define G_LOG_DOMAIN "steady-skills-library"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "steady-skills-library.h"

static const char * const module_titles[STEADY_N_SKILL_MODULES] = {
  N_("Mindfulness"),
  N_("Distress tolerance"),
  N_("Emotion regulation"),
  N_("Interpersonal effectiveness"),
};

static const char * const module_summaries[STEADY_N_SKILL_MODULES] = {
  N_("Coming back to the present moment and noticing it without judging it."),
  N_("Getting through a crisis without making it worse, when the pain cannot be fixed yet."),
  N_("Understanding your feelings and making the painful ones less frequent and intense."),
  N_("Asking for what you need and saying no while keeping your relationships and your "
     "self-respect."),
};

/* The ids are stored: never change one. Acronyms stay as they are taught in groups;
 * Translators may keep or adapt them. */
static const SteadySkill skills[] = {
  { "wise-mind", STEADY_SKILL_MODULE_MINDFULNESS, N_("Wise mind"),
    N_("Finding the place in you where feeling and reasoning meet. Helps before a decision "
       "that feels urgent."), NULL },
  { "observe", STEADY_SKILL_MODULE_MINDFULNESS, N_("Observe"),
    N_("Just noticing what you see, hear and feel, without reacting. Helps when your mind "
       "races ahead."), NULL },
  { "describe", STEADY_SKILL_MODULE_MINDFULNESS, N_("Describe"),
    N_("Putting plain words to what you notice, facts apart from opinions. Helps when a "
       "feeling seems to be the whole story."), NULL },
  { "participate", STEADY_SKILL_MODULE_MINDFULNESS, N_("Participate"),
    N_("Throwing yourself fully into what you are doing. Helps when you feel on the outside "
       "of your own life."), NULL },
  { "non-judgmentally", STEADY_SKILL_MODULE_MINDFULNESS, N_("Non-judgmentally"),
    N_("Noticing \"good\" and \"bad\" labels and letting them go, sticking to what is. Helps "
       "when harsh self-talk builds up."), NULL },
  { "one-mindfully", STEADY_SKILL_MODULE_MINDFULNESS, N_("One-mindfully"),
    N_("Doing one thing at a time and bringing your attention back when it wanders. Helps "
       "when everything feels like too much at once."), NULL },
  { "effectively", STEADY_SKILL_MODULE_MINDFULNESS, N_("Effectively"),
    N_("Doing what works toward your goal rather than what feels right or fair this minute. "
       "Helps when being right gets in the way."), NULL },
  { "stop", STEADY_SKILL_MODULE_DISTRESS_TOLERANCE, N_("STOP"),
    N_("Stop, take a step back, observe, then go on mindfully. Helps in the first seconds of "
       "a strong urge."), NULL },
  { "tipp", STEADY_SKILL_MODULE_DISTRESS_TOLERANCE, N_("TIPP"),
    N_("Changing your body's chemistry fast: cold water on your face, hard exercise, paced "
       "breathing, tensing and relaxing muscles. Helps when a feeling is too high to think. "
       "Check with your doctor first if you have a heart condition."), NULL },
  { "accepts", STEADY_SKILL_MODULE_DISTRESS_TOLERANCE, N_("ACCEPTS"),
    N_("Distracting yourself on purpose: activities, helping someone, other feelings, "
       "pushing the worry aside for now, other thoughts, other sensations. Helps you ride "
       "out a wave until it passes."), NULL },
  { "improve", STEADY_SKILL_MODULE_DISTRESS_TOLERANCE, N_("IMPROVE the moment"),
    N_("Making a hard moment a little easier with imagery, meaning, prayer or calm, a short "
       "break and encouraging words. Helps when you cannot leave the situation."), NULL },
  { "self-soothe", STEADY_SKILL_MODULE_DISTRESS_TOLERANCE, N_("Self-soothe"),
    N_("Comforting yourself through the five senses: something to see, hear, smell, taste "
       "and touch. Helps when you feel raw and alone."), NULL },
  { "pros-and-cons", STEADY_SKILL_MODULE_DISTRESS_TOLERANCE, N_("Pros and cons"),
    N_("Weighing what acting on an urge would bring against riding it out, short and long "
       "term. Helps before you act on an urge."), NULL },
  { "radical-acceptance", STEADY_SKILL_MODULE_DISTRESS_TOLERANCE, N_("Radical acceptance"),
    N_("Letting reality be what it is, with your whole self, without approving of it. Helps "
       "with pain you cannot change and keep fighting."), NULL },
  { "check-the-facts", STEADY_SKILL_MODULE_EMOTION_REGULATION, N_("Check the facts"),
    N_("Asking whether a feeling and its strength fit what actually happened. Helps when a "
       "reaction feels bigger than the event."), "check-facts" },
  { "opposite-action", STEADY_SKILL_MODULE_EMOTION_REGULATION, N_("Opposite action"),
    N_("Acting against the urge of a feeling that does not fit the facts. Helps when a "
       "feeling keeps you stuck."), "opposite-action" },
  { "problem-solving", STEADY_SKILL_MODULE_EMOTION_REGULATION, N_("Problem solving"),
    N_("When the feeling does fit the facts, working out a step that changes the situation. "
       "Helps when the problem is real and can be changed."), NULL },
  { "abc-please", STEADY_SKILL_MODULE_EMOTION_REGULATION, N_("ABC PLEASE"),
    N_("Building up pleasant moments and a sense of mastery, coping ahead, and looking after "
       "your body. Helps make you less vulnerable to painful feelings."), "please-check" },
  { "dear-man", STEADY_SKILL_MODULE_INTERPERSONAL, N_("DEAR MAN"),
    N_("Asking for something clearly: describe, express, assert, reinforce, stay mindful, "
       "appear confident, negotiate. Helps when you need something from someone."), NULL },
  { "give", STEADY_SKILL_MODULE_INTERPERSONAL, N_("GIVE"),
    N_("Keeping the relationship in mind: be gentle, act interested, validate, keep an easy "
       "manner. Helps in a talk with someone you care about."), NULL },
  { "fast", STEADY_SKILL_MODULE_INTERPERSONAL, N_("FAST"),
    N_("Keeping your self-respect: be fair, skip needless apologies, stick to your values, "
       "be truthful. Helps when you tend to give yourself up to keep the peace."), NULL },
};

static const char * const rating_meanings[STEADY_SKILL_RATING_MAX + 1] = {
  /* Translators: the diary card's 0–7 scale of how a skill was used that day. */
  N_("Did not think of it or use it"),
  N_("Thought of it, did not use it, did not want to"),
  N_("Thought of it, did not use it, wanted to"),
  N_("Tried it, could not use it"),
  N_("Tried it, could use it, it did not help"),
  N_("Tried it, could use it, it helped"),
  N_("Used it without trying, it did not help"),
  N_("Used it without trying, it helped"),
};

const SteadySkill *
steady_skills_library_get (guint *n_skills)
{
  g_return_val_if_fail (n_skills != NULL, NULL);

  *n_skills = G_N_ELEMENTS (skills);
  return skills;
}

/**
 * steady_skills_library_find:
 *
 * Returns: (nullable): the skill with this stable @id
 */
const SteadySkill *
steady_skills_library_find (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (skills); i++)
    if (strcmp (skills[i].id, id) == 0)
      return &skills[i];
  return NULL;
}

const char *
steady_skill_module_get_title (SteadySkillModule module)
{
  g_return_val_if_fail (module < STEADY_N_SKILL_MODULES, NULL);

  return _(module_titles[module]);
}

const char *
steady_skill_module_get_summary (SteadySkillModule module)
{
  g_return_val_if_fail (module < STEADY_N_SKILL_MODULES, NULL);

  return _(module_summaries[module]);
}

/**
 * steady_skill_rating_get_meaning:
 * @rating: 0–7
 *
 * Returns: what @rating means on the diary card, translated
 */
const char *
steady_skill_rating_get_meaning (int rating)
{
  g_return_val_if_fail (rating >= 0 && rating <= STEADY_SKILL_RATING_MAX, NULL);

  return _(rating_meanings[rating]);
}

/* Every word of @query (as typed) starts a word of the skill's name, description or
 * module (its title or what it is for, so "crisis" finds distress tolerance), in the user's
 * language or, for accents, folded to ASCII. */
static gboolean
skill_matches (const SteadySkill *skill,
               char             **words)
{
  g_autofree char *haystack = g_strjoin (" ", _(skill->name), _(skill->description),
                                         _(module_titles[skill->module]),
                                         _(module_summaries[skill->module]), NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && !g_str_match_string (words[i], haystack, TRUE))
      return FALSE;
  return TRUE;
}

/**
 * steady_skills_library_search:
 * @text: (nullable): words as typed; blank for every skill
 *
 * Returns: (transfer container) (element-type SteadySkill): the matching skills, those whose
 *   name matches first, in library order otherwise
 */
GPtrArray *
steady_skills_library_search (const char *text)
{
  g_autoptr(GPtrArray) by_name = g_ptr_array_new ();
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  g_auto(GStrv) words = g_strsplit_set (text != NULL ? text : "", " \t\n", -1);

  for (guint i = 0; i < G_N_ELEMENTS (skills); i++)
    {
      gboolean name_hit = TRUE;

      if (!skill_matches (&skills[i], words))
        continue;
      for (guint w = 0; words[w] != NULL; w++)
        if (words[w][0] != '\0' && !g_str_match_string (words[w], _(skills[i].name), TRUE))
          name_hit = FALSE;
      g_ptr_array_add (name_hit ? by_name : others, (gpointer)&skills[i]);
    }
  g_ptr_array_extend_and_steal (by_name, g_steal_pointer (&others));
  return g_steal_pointer (&by_name);
}
