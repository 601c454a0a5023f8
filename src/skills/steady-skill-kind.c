/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-kind.c: the five written exercises, the questions each asks step by step in
 * our own words, and the thinking traps a thought record can be tagged with. */

#define G_LOG_DOMAIN "steady-skill-kind"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "steady-skill-kind.h"

/* The stored ids. They are in the schema's CHECK and in drafts: never change one. */
static const char * const kind_ids[STEADY_N_SKILL_KINDS] = {
  "thought-record", "name-emotion", "check-facts", "opposite-action", "please-check",
};

static const char * const kind_titles[STEADY_N_SKILL_KINDS] = {
  N_("Thought record"),
  N_("Name the emotion"),
  N_("Check the facts"),
  N_("Opposite action"),
  N_("PLEASE check"),
};

static const char * const kind_summaries[STEADY_N_SKILL_KINDS] = {
  /* Translators: what a CBT thought record is for, shown on the Skills page. */
  N_("Slow down a thought that hurts, look at what supports it and what does not, and find "
     "a view that fits the whole picture."),
  N_("A DBT-informed worksheet: notice what you feel, what set it off and what it pushes you "
     "to do, so the feeling has a name."),
  N_("A DBT-informed worksheet: sort what happened from the story you tell about it, and see "
     "whether the feeling and its strength fit."),
  N_("A DBT-informed worksheet: when a feeling does not fit the facts or acting on it would "
     "not help, try the action that goes the other way."),
  N_("A DBT-informed check of the basics that make feelings harder to manage: illness, "
     "eating, substances, sleep and movement."),
};

static const SteadySkillField thought_record_fields[] = {
  { "situation", STEADY_SKILL_FIELD_TEXT, 1, N_("Situation"),
    N_("What was going on? Who was there, what happened, when and where.") },
  { "moods", STEADY_SKILL_FIELD_MOODS, 2, N_("Moods"),
    N_("Name each feeling you had and how strong it was, from 0 to 100.") },
  { "thoughts", STEADY_SKILL_FIELD_THOUGHTS, 3, N_("Automatic thoughts"),
    N_("What went through your mind? Write each thought down, then mark the one that hits "
       "hardest.") },
  { "evidence_for", STEADY_SKILL_FIELD_TEXT, 4, N_("What supports it"),
    N_("What facts back up the hot thought? Things that happened, not guesses.") },
  { "evidence_against", STEADY_SKILL_FIELD_TEXT, 5, N_("What does not fit"),
    N_("What facts do not fit the hot thought? What would you point out to a friend who "
       "thought it?") },
  { "balanced", STEADY_SKILL_FIELD_TEXT, 6, N_("A balanced thought"),
    N_("Looking at everything you wrote, what is a fairer way to see it?") },
  { "belief", STEADY_SKILL_FIELD_PERCENT, 6, N_("How much you believe it"),
    N_("How true does the balanced thought feel right now, from 0 to 100?") },
  /* Step 7 re-rates the moods of step 2: their "after" ratings. */
  { "moods", STEADY_SKILL_FIELD_MOODS, 7, N_("Moods now"),
    N_("Rate each feeling again, from 0 to 100. Any change counts, even a small one.") },
};

static const SteadySkillField name_emotion_fields[] = {
  { "emotion", STEADY_SKILL_FIELD_TEXT, 1, N_("The emotion"),
    N_("What are you feeling? Give it the closest name you can.") },
  { "intensity", STEADY_SKILL_FIELD_PERCENT, 1, N_("How strong"),
    N_("How strong is it, from 0 to 100?") },
  { "prompted", STEADY_SKILL_FIELD_TEXT, 2, N_("What set it off"),
    N_("What happened just before the feeling started?") },
  { "vulnerable", STEADY_SKILL_FIELD_TEXT, 3, N_("What made it harder"),
    N_("Was anything wearing you down already, such as poor sleep, illness or stress?") },
  { "interpretation", STEADY_SKILL_FIELD_TEXT, 4, N_("How you read it"),
    N_("What did you tell yourself about what happened?") },
  { "body", STEADY_SKILL_FIELD_TEXT, 5, N_("In your body"),
    N_("Where do you notice the feeling in your body, and how?") },
  { "urges", STEADY_SKILL_FIELD_TEXT, 6, N_("Urges"),
    N_("What does the feeling push you to do or say?") },
  { "actions", STEADY_SKILL_FIELD_TEXT, 7, N_("What you did"),
    N_("What did you actually do or say?") },
  { "aftereffects", STEADY_SKILL_FIELD_TEXT, 8, N_("Afterwards"),
    N_("How did it affect you and others afterwards?") },
  { "secondary", STEADY_SKILL_FIELD_TEXT, 9, N_("Feelings about the feeling"),
    N_("Did other feelings follow, such as shame about being angry?") },
};

static const SteadySkillField check_facts_fields[] = {
  { "emotion", STEADY_SKILL_FIELD_TEXT, 1, N_("The emotion"),
    N_("Which feeling do you want to check?") },
  { "intensity", STEADY_SKILL_FIELD_PERCENT, 1, N_("How strong"),
    N_("How strong is it, from 0 to 100?") },
  { "event", STEADY_SKILL_FIELD_TEXT, 2, N_("What happened"),
    N_("Describe only what a camera would have seen and heard.") },
  { "interpretations", STEADY_SKILL_FIELD_TEXT, 3, N_("Your reading of it"),
    N_("What are you assuming about it? Can you think of other ways to read it?") },
  { "threat", STEADY_SKILL_FIELD_TEXT, 4, N_("A threat?"),
    N_("Are you expecting something bad to happen? How likely is it, really?") },
  { "worst_case", STEADY_SKILL_FIELD_TEXT, 5, N_("The worst case"),
    N_("If the worst did happen, what would it look like, and how could you cope?") },
  { "fits", STEADY_SKILL_FIELD_CHOICE, 6, N_("Does it fit?"),
    N_("Do the feeling and its strength fit the facts as you now see them?") },
};

static const SteadySkillField opposite_action_fields[] = {
  { "emotion", STEADY_SKILL_FIELD_TEXT, 1, N_("The emotion"),
    N_("Which feeling is this about?") },
  { "urge", STEADY_SKILL_FIELD_TEXT, 1, N_("The urge"),
    N_("What does it push you to do?") },
  { "fits", STEADY_SKILL_FIELD_CHOICE, 2, N_("Does it fit the facts?"),
    N_("Does the feeling fit what actually happened?") },
  { "effective", STEADY_SKILL_FIELD_CHOICE, 2, N_("Would acting on it help?"),
    N_("Would following the urge get you closer to what you want?") },
  { "want_change", STEADY_SKILL_FIELD_CHOICE, 3, N_("Do you want to change it?"),
    N_("Would you like this feeling to ease?") },
  { "opposite", STEADY_SKILL_FIELD_TEXT, 4, N_("The opposite action"),
    N_("What would go the other way? Fear: move toward it. Anger: step back gently and be "
       "kind. Sadness: get active. Shame: stay in the room.") },
  { "all_the_way", STEADY_SKILL_FIELD_TEXT, 5, N_("All the way"),
    N_("How will you do it fully, with your body, face, voice and thoughts too?") },
  { "outcome", STEADY_SKILL_FIELD_TEXT, 6, N_("How it went"),
    N_("What happened when you tried it? What changed in the feeling?") },
};

static const SteadySkillField please_check_fields[] = {
  { "illness", STEADY_SKILL_FIELD_CHOICE, 1, N_("Physical health"),
    N_("Are you looking after any illness or pain, and taking what was prescribed?") },
  { "eating", STEADY_SKILL_FIELD_CHOICE, 2, N_("Eating"),
    N_("Have you eaten regular, balanced meals, not too much or too little?") },
  { "substances", STEADY_SKILL_FIELD_CHOICE, 3, N_("Substances"),
    N_("Have you stayed away from alcohol and drugs that change your mood?") },
  { "sleep", STEADY_SKILL_FIELD_CHOICE, 4, N_("Sleep"),
    N_("Have you had enough sleep, at fairly regular times?") },
  { "exercise", STEADY_SKILL_FIELD_CHOICE, 5, N_("Movement"),
    N_("Have you moved your body today, even a short walk?") },
  { "note", STEADY_SKILL_FIELD_TEXT, 6, N_("One small step"),
    N_("Is there one small thing you could do for yourself today?") },
};

static const struct
{
  const SteadySkillField *fields;
  guint                   n_fields;
  guint                   n_steps;
} kind_fields[STEADY_N_SKILL_KINDS] = {
  { thought_record_fields, G_N_ELEMENTS (thought_record_fields), 7 },
  { name_emotion_fields, G_N_ELEMENTS (name_emotion_fields), 9 },
  { check_facts_fields, G_N_ELEMENTS (check_facts_fields), 6 },
  { opposite_action_fields, G_N_ELEMENTS (opposite_action_fields), 6 },
  { please_check_fields, G_N_ELEMENTS (please_check_fields), 6 },
};

static const SteadyThinkingTrap traps[] = {
  { "all-or-nothing", N_("All-or-nothing thinking"),
    N_("Seeing only two boxes, total success or total failure, with nothing in between.") },
  { "overgeneralizing", N_("Overgeneralizing"),
    N_("Treating one thing that went wrong as proof it will always go wrong.") },
  { "mental-filter", N_("Mental filter"),
    N_("Letting one bad detail color the whole picture.") },
  { "discounting-positive", N_("Discounting the positive"),
    N_("Telling yourself the good things do not count.") },
  { "mind-reading", N_("Mind reading"),
    N_("Being sure you know what others think of you without asking.") },
  { "fortune-telling", N_("Fortune telling"),
    N_("Predicting that things will turn out badly as if it were a fact.") },
  { "catastrophizing", N_("Catastrophizing"),
    N_("Jumping to the worst outcome and feeling it is already here.") },
  { "magnifying-minimizing", N_("Magnifying or minimizing"),
    N_("Blowing up your mistakes and shrinking your strengths.") },
  { "emotional-reasoning", N_("Emotional reasoning"),
    N_("Taking a feeling as proof: I feel useless, so I must be.") },
  { "should-statements", N_("\"Should\" statements"),
    N_("Holding yourself or others to rigid rules of should, must and ought.") },
  { "labeling", N_("Labeling"),
    N_("Summing up a whole person, often yourself, with one harsh word.") },
  { "personalizing-blaming", N_("Personalizing or blaming"),
    N_("Taking all the blame for something with many causes, or putting it all on others.") },
};

/**
 * steady_skill_kind_to_id:
 *
 * Returns: the stable id of @kind, as stored
 */
const char *
steady_skill_kind_to_id (SteadySkillKind kind)
{
  g_return_val_if_fail (kind < STEADY_N_SKILL_KINDS, NULL);

  return kind_ids[kind];
}

/**
 * steady_skill_kind_from_id:
 *
 * Returns: whether @id names a kind; if so, it is in @out_kind
 */
gboolean
steady_skill_kind_from_id (const char      *id,
                           SteadySkillKind *out_kind)
{
  g_return_val_if_fail (out_kind != NULL, FALSE);

  if (id == NULL)
    return FALSE;
  for (guint i = 0; i < STEADY_N_SKILL_KINDS; i++)
    if (strcmp (id, kind_ids[i]) == 0)
      {
        *out_kind = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * steady_skill_kind_get_title:
 *
 * Returns: the translated name of @kind
 */
const char *
steady_skill_kind_get_title (SteadySkillKind kind)
{
  g_return_val_if_fail (kind < STEADY_N_SKILL_KINDS, NULL);

  return _(kind_titles[kind]);
}

/**
 * steady_skill_kind_get_summary:
 *
 * Returns: the translated "what it is and when it helps" of @kind
 */
const char *
steady_skill_kind_get_summary (SteadySkillKind kind)
{
  g_return_val_if_fail (kind < STEADY_N_SKILL_KINDS, NULL);

  return _(kind_summaries[kind]);
}

guint
steady_skill_kind_get_n_steps (SteadySkillKind kind)
{
  g_return_val_if_fail (kind < STEADY_N_SKILL_KINDS, 0);

  return kind_fields[kind].n_steps;
}

/**
 * steady_skill_kind_get_fields:
 *
 * Returns: the questions of @kind in order of their steps; a thought record lists "moods"
 *   twice, at step 2 (the first rating) and step 7 (the rating again)
 */
const SteadySkillField *
steady_skill_kind_get_fields (SteadySkillKind  kind,
                              guint           *n_fields)
{
  g_return_val_if_fail (kind < STEADY_N_SKILL_KINDS, NULL);
  g_return_val_if_fail (n_fields != NULL, NULL);

  *n_fields = kind_fields[kind].n_fields;
  return kind_fields[kind].fields;
}

/**
 * steady_skill_kind_find_field:
 *
 * Returns: (nullable): the first field of @kind with this @id
 */
const SteadySkillField *
steady_skill_kind_find_field (SteadySkillKind  kind,
                              const char      *id)
{
  g_return_val_if_fail (kind < STEADY_N_SKILL_KINDS, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < kind_fields[kind].n_fields; i++)
    if (strcmp (kind_fields[kind].fields[i].id, id) == 0)
      return &kind_fields[kind].fields[i];
  return NULL;
}

const SteadyThinkingTrap *
steady_thinking_traps_get (guint *n_traps)
{
  g_return_val_if_fail (n_traps != NULL, NULL);

  *n_traps = G_N_ELEMENTS (traps);
  return traps;
}

/**
 * steady_thinking_trap_find:
 *
 * Returns: (nullable): the trap with this stable @id
 */
const SteadyThinkingTrap *
steady_thinking_trap_find (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (traps); i++)
    if (strcmp (traps[i].id, id) == 0)
      return &traps[i];
  return NULL;
}
