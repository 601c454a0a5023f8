/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-practice-pattern.c: the breathing presets are the ones CONTENT.md lists, a pattern of
 * the user's own is checked, and a session lasts a whole number of breaths. */

#define G_LOG_DOMAIN "steady-test-practice-pattern"

#include "config.h"

#include <string.h>

#include "steady-breathing-pattern.h"
#include "steady-practice-error.h"

#define S(seconds) ((gint64)(seconds) * G_USEC_PER_SEC)

typedef struct
{
  const char *id;
  guint       tenths[STEADY_BREATHING_N_PHASES];
  guint       suggested_cycles;
} ExpectedPreset;

/* CONTENT.md, "Breathing pacer", in the order the app offers them (the default first). */
static const ExpectedPreset expected_presets[] = {
  { "gentle",      { 40, 0, 0, 40, 0 },   0 },
  { "box",         { 40, 0, 40, 40, 40 }, 0 },
  { "4-7-8",       { 40, 0, 70, 80, 0 },  4 },
  { "resonance",   { 55, 0, 0, 55, 0 },   0 },
  { "paced",       { 40, 0, 0, 60, 0 },   0 },
  { "cyclic-sigh", { 20, 10, 0, 60, 0 },  0 },
};

static void
test_presets (void)
{
  const char * const *ids = steady_breathing_pattern_list_presets ();

  g_assert_cmpuint (g_strv_length ((char **)ids), ==, G_N_ELEMENTS (expected_presets));
  g_assert_cmpstr (steady_breathing_pattern_get_default_id (), ==, "gentle");

  for (guint i = 0; i < G_N_ELEMENTS (expected_presets); i++)
    {
      const ExpectedPreset *expected = &expected_presets[i];
      g_autoptr(SteadyBreathingPattern) pattern = NULL;
      g_autoptr(GError) error = NULL;
      gint64 cycle_us = 0;

      g_assert_cmpstr (ids[i], ==, expected->id);
      pattern = steady_breathing_pattern_new_preset (expected->id);
      g_assert_nonnull (pattern);
      g_assert_cmpstr (pattern->id, ==, expected->id);
      g_assert_true (steady_breathing_pattern_is_preset (pattern));
      g_assert_cmpmem (pattern->tenths, sizeof pattern->tenths,
                       expected->tenths, sizeof expected->tenths);
      g_assert_cmpuint (pattern->suggested_cycles, ==, expected->suggested_cycles);
      g_assert_true (steady_breathing_pattern_validate (pattern, &error));
      g_assert_no_error (error);

      /* Shown to the user: a name and a short description, both in words. */
      g_assert_cmpuint (strlen (steady_breathing_pattern_get_name (pattern)), >, 3);
      g_assert_cmpuint (strlen (steady_breathing_pattern_get_description (pattern)), >, 30);

      for (guint phase = 0; phase < STEADY_BREATHING_N_PHASES; phase++)
        {
          g_assert_cmpint (steady_breathing_pattern_get_phase_us (pattern, phase), ==,
                           (gint64)expected->tenths[phase] * 100000);
          cycle_us += (gint64)expected->tenths[phase] * 100000;
        }
      g_assert_cmpint (steady_breathing_pattern_get_cycle_us (pattern), ==, cycle_us);
    }

  g_assert_null (steady_breathing_pattern_new_preset ("no-such-pattern"));
}

static void
test_preset_names_differ (void)
{
  const char * const *ids = steady_breathing_pattern_list_presets ();
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(SteadyBreathingPattern) pattern = steady_breathing_pattern_new_preset (ids[i]);

      const char *name = steady_breathing_pattern_get_name (pattern);

      g_assert_true (g_hash_table_add (names, (gpointer)name));
    }
}

static void
assert_custom_invalid (const char  *name,
                       const guint *tenths)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyBreathingPattern) pattern = steady_breathing_pattern_new_custom (name, tenths,
                                                                                  &error);

  g_assert_null (pattern);
  g_assert_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_PATTERN);
  g_assert_cmpuint (strlen (error->message), >, 10);
}

static void
test_custom_valid (void)
{
  const guint tenths[] = { 35, 0, 15, 72, 0 };
  const guint longest[] = { 600, 600, 600, 600, 600 };
  const guint exhale_only[] = { 0, 0, 0, 50, 10 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyBreathingPattern) pattern = NULL;
  g_autoptr(SteadyBreathingPattern) copy = NULL;
  g_autofree char *sixty = NULL;
  GString *accented = g_string_new (NULL);

  pattern = steady_breathing_pattern_new_custom ("  Before group  ", tenths, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pattern);
  g_assert_null (pattern->id);
  g_assert_false (steady_breathing_pattern_is_preset (pattern));
  g_assert_cmpstr (steady_breathing_pattern_get_name (pattern), ==, "Before group");
  g_assert_cmpstr (steady_breathing_pattern_get_description (pattern), ==, "");
  g_assert_cmpint (steady_breathing_pattern_get_cycle_us (pattern), ==, 12200000);

  copy = g_boxed_copy (STEADY_TYPE_BREATHING_PATTERN, pattern);
  g_assert_true (copy != pattern);
  g_assert_cmpstr (copy->name, ==, pattern->name);
  g_assert_true (copy->name != pattern->name);
  g_assert_cmpmem (copy->tenths, sizeof copy->tenths, tenths, sizeof tenths);
  g_clear_pointer (&pattern, steady_breathing_pattern_free);

  /* Each limit itself is allowed. */
  pattern = steady_breathing_pattern_new_custom ("Long", longest, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steady_breathing_pattern_get_cycle_us (pattern), ==, S (300));
  g_clear_pointer (&pattern, steady_breathing_pattern_free);

  pattern = steady_breathing_pattern_new_custom ("Out", exhale_only, &error);
  g_assert_no_error (error);
  g_clear_pointer (&pattern, steady_breathing_pattern_free);

  /* Sixty characters, counted as characters rather than bytes. */
  for (guint i = 0; i < STEADY_BREATHING_NAME_MAX_CHARS; i++)
    g_string_append (accented, "é");
  sixty = g_string_free (accented, FALSE);
  pattern = steady_breathing_pattern_new_custom (sixty, tenths, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pattern);
}

static void
test_custom_invalid (void)
{
  const guint ok[] = { 40, 0, 0, 40, 0 };
  const guint too_long[] = { 40, 0, 601, 40, 0 };
  const guint nothing[] = { 0, 0, 0, 0, 0 };
  const guint holds_only[] = { 0, 0, 40, 0, 40 };
  const guint top_up_alone[] = { 0, 10, 0, 60, 0 };
  g_autofree char *sixty_one = g_strnfill (STEADY_BREATHING_NAME_MAX_CHARS + 1, 'a');

  assert_custom_invalid ("Too long", too_long);
  assert_custom_invalid ("Nothing", nothing);
  assert_custom_invalid ("Holds", holds_only);
  assert_custom_invalid ("Top-up", top_up_alone);
  assert_custom_invalid (NULL, ok);
  assert_custom_invalid ("", ok);
  assert_custom_invalid ("   ", ok);
  assert_custom_invalid (sixty_one, ok);
  assert_custom_invalid ("\xff\xfe", ok);
}

static void
assert_length (SteadyBreathingLengthUnit unit,
               guint                     value,
               gboolean                  valid)
{
  SteadyBreathingLength length = { unit, value };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (steady_breathing_length_validate (&length, &error), ==, valid);
  if (valid)
    g_assert_no_error (error);
  else
    g_assert_error (error, STEADY_PRACTICE_ERROR, STEADY_PRACTICE_ERROR_INVALID_LENGTH);
}

static void
test_length_validation (void)
{
  assert_length (STEADY_BREATHING_LENGTH_MINUTES, 0, FALSE);
  assert_length (STEADY_BREATHING_LENGTH_MINUTES, 1, TRUE);
  assert_length (STEADY_BREATHING_LENGTH_MINUTES, 180, TRUE);
  assert_length (STEADY_BREATHING_LENGTH_MINUTES, 181, FALSE);
  assert_length (STEADY_BREATHING_LENGTH_CYCLES, 0, FALSE);
  assert_length (STEADY_BREATHING_LENGTH_CYCLES, 1, TRUE);
  assert_length (STEADY_BREATHING_LENGTH_CYCLES, 999, TRUE);
  assert_length (STEADY_BREATHING_LENGTH_CYCLES, 1000, FALSE);
  assert_length ((SteadyBreathingLengthUnit)7, 5, FALSE);
}

static void
assert_session (const char                *id,
                SteadyBreathingLengthUnit  unit,
                guint                      value,
                guint                      expected_cycles,
                gint64                     expected_us)
{
  g_autoptr(SteadyBreathingPattern) pattern = steady_breathing_pattern_new_preset (id);
  SteadyBreathingLength length = { unit, value };

  g_assert_cmpuint (steady_breathing_session_get_cycles (pattern, &length), ==, expected_cycles);
  g_assert_cmpint (steady_breathing_session_get_us (pattern, &length), ==, expected_us);
}

/* A session in minutes finishes the breath under way, so it lasts whole breaths: never less
 * than asked, and less than one breath more. */
static void
test_session_length (void)
{
  /* 60 s of 8 s breaths: 7.5, so 8 breaths. */
  assert_session ("gentle", STEADY_BREATHING_LENGTH_MINUTES, 1, 8, S (64));
  /* 60 s of 16 s squares: 3.75, so 4. */
  assert_session ("box", STEADY_BREATHING_LENGTH_MINUTES, 1, 4, S (64));
  /* 60 s of 10 s breaths divides exactly: nothing added. */
  assert_session ("paced", STEADY_BREATHING_LENGTH_MINUTES, 1, 6, S (60));
  /* 600 s of 11 s breaths: 54.5, so 55 = 605 s. */
  assert_session ("resonance", STEADY_BREATHING_LENGTH_MINUTES, 10, 55, S (605));
  /* 300 s of 9 s sighs: 33.3, so 34 = 306 s. */
  assert_session ("cyclic-sigh", STEADY_BREATHING_LENGTH_MINUTES, 5, 34, S (306));
  /* 4-7-8, four rounds as suggested: 76 s. */
  assert_session ("4-7-8", STEADY_BREATHING_LENGTH_CYCLES, 4, 4, S (76));
  /* The longest session: 180 minutes of box breathing is 675 squares exactly. */
  assert_session ("box", STEADY_BREATHING_LENGTH_MINUTES, 180, 675, S (10800));
  assert_session ("resonance", STEADY_BREATHING_LENGTH_CYCLES, 999, 999, S (10989));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/practice/pattern/presets", test_presets);
  g_test_add_func ("/practice/pattern/preset-names-differ", test_preset_names_differ);
  g_test_add_func ("/practice/pattern/custom-valid", test_custom_valid);
  g_test_add_func ("/practice/pattern/custom-invalid", test_custom_invalid);
  g_test_add_func ("/practice/pattern/length-validation", test_length_validation);
  g_test_add_func ("/practice/pattern/session-length", test_session_length);

  return g_test_run ();
}
