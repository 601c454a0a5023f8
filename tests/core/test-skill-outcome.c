/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-skill-outcome.c: what changed over an exercise, in the words the end of the exercise
 * shows: moods before and after, distress rated, skipped or half rated. */

#define G_LOG_DOMAIN "steady-test-skill-outcome"

#include "config.h"

#include "steady-skill-outcome.h"

static void
test_thought_record (void)
{
  g_autoptr(SteadySkillRecord) record = steady_skill_record_new (STEADY_SKILL_KIND_THOUGHT_RECORD);
  g_autofree char *text = NULL;

  steady_skill_record_set_mood_after (record, steady_skill_record_add_mood (record, "Sadness", 80),
                                      50);
  steady_skill_record_set_mood_after (record, steady_skill_record_add_mood (record, "Anger", 20),
                                      35);
  steady_skill_record_set_mood_after (record, steady_skill_record_add_mood (record, "Dread", 60),
                                      60);
  steady_skill_record_add_mood (record, "Shame", 40);
  steady_skill_record_set_distress_before (record, 7);
  steady_skill_record_set_distress_after (record, 4);
  text = steady_skill_outcome_describe (record);
  g_assert_cmpstr (text, ==,
                   "Sadness eased from 80 to 50.\n"
                   "Anger went up from 20 to 35.\n"
                   "Dread stayed at 60.\n"
                   "Shame was 40 at first and not rated again.\n"
                   "Your distress eased from 7 to 4.");
}

static void
test_distress (void)
{
  static const struct
  {
    int         before;
    int         after;
    const char *text;
  } cases[] = {
    { STEADY_SKILL_NO_RATING, STEADY_SKILL_NO_RATING,
      "You skipped the distress ratings. That is fine." },
    { 6, STEADY_SKILL_NO_RATING,
      "Rate your distress both at the start and at the end to see a change." },
    { STEADY_SKILL_NO_RATING, 3,
      "Rate your distress both at the start and at the end to see a change." },
    { 2, 5, "Your distress went up from 2 to 5. Noticing that is part of the work too." },
    { 0, 0, "Your distress stayed at 0." },
    { 10, 0, "Your distress eased from 10 to 0." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SteadySkillRecord) record = steady_skill_record_new (STEADY_SKILL_KIND_CHECK_FACTS);
      g_autofree char *text = NULL;

      steady_skill_record_set_distress_before (record, cases[i].before);
      steady_skill_record_set_distress_after (record, cases[i].after);
      text = steady_skill_outcome_describe (record);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/skills/outcome/thought-record", test_thought_record);
  g_test_add_func ("/skills/outcome/distress", test_distress);

  return g_test_run ();
}
