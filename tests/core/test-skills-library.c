/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-skills-library.c: the skills library and the exercises' questions (complete, unique,
 * searchable), "what helps me" ranked on known data, and the history list of every kind. */

#define G_LOG_DOMAIN "test-skills-library"

#include "config.h"

#include <string.h>

#include "steady-database.h"
#include "steady-diary-store.h"
#include "steady-journal-search.h"
#include "steady-skill-history.h"
#include "steady-skill-insights.h"
#include "steady-skill-store.h"
#include "steady-skills-library.h"

#define BASE_US G_GINT64_CONSTANT (1700000000000000)
#define HOUR_US (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)

static SteadyDatabase *
open_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_database_get_default_path ();
  SteadyDatabase *database = steady_database_open (path, &error);

  g_assert_no_error (error);
  return database;
}

/* The four modules and the skills CONTENT.md lists, each with a description. */
static void
test_library (void)
{
  static const char * const expected[] = {
    "wise-mind", "observe", "describe", "participate", "non-judgmentally", "one-mindfully",
    "effectively", "stop", "tipp", "accepts", "improve", "self-soothe", "pros-and-cons",
    "radical-acceptance", "check-the-facts", "opposite-action", "problem-solving", "abc-please",
    "dear-man", "give", "fast",
  };
  guint n_skills;
  const SteadySkill *skills = steady_skills_library_get (&n_skills);
  guint per_module[STEADY_N_SKILL_MODULES] = { 0 };

  g_assert_cmpuint (n_skills, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n_skills; i++)
    {
      SteadySkillKind kind;

      g_assert_cmpstr (skills[i].id, ==, expected[i]);
      g_assert_true (steady_skills_library_find (expected[i]) == &skills[i]);
      g_assert_cmpuint (strlen (skills[i].description), >, 40);
      g_assert_cmpuint (strlen (skills[i].id), <, 64);
      per_module[skills[i].module]++;
      if (skills[i].exercise != NULL)
        g_assert_true (steady_skill_kind_from_id (skills[i].exercise, &kind));
      /* Modules in order, so a grouped list needs no sorting. */
      if (i > 0)
        g_assert_cmpint (skills[i - 1].module, <=, skills[i].module);
    }
  g_assert_cmpuint (per_module[STEADY_SKILL_MODULE_MINDFULNESS], ==, 7);
  g_assert_cmpuint (per_module[STEADY_SKILL_MODULE_DISTRESS_TOLERANCE], ==, 7);
  g_assert_cmpuint (per_module[STEADY_SKILL_MODULE_EMOTION_REGULATION], ==, 4);
  g_assert_cmpuint (per_module[STEADY_SKILL_MODULE_INTERPERSONAL], ==, 3);
  for (guint m = 0; m < STEADY_N_SKILL_MODULES; m++)
    {
      g_assert_nonnull (steady_skill_module_get_title (m));
      g_assert_nonnull (steady_skill_module_get_summary (m));
    }
  for (int r = 0; r <= STEADY_SKILL_RATING_MAX; r++)
    g_assert_cmpuint (strlen (steady_skill_rating_get_meaning (r)), >, 10);
  g_assert_cmpstr (steady_skill_rating_get_meaning (7), ==, "Used it without trying, it helped");
  g_assert_null (steady_skills_library_find ("nothing"));
}

static gboolean
results_have (GPtrArray  *results,
              const char *id)
{
  for (guint i = 0; i < results->len; i++)
    if (strcmp (((const SteadySkill *)results->pdata[i])->id, id) == 0)
      return TRUE;
  return FALSE;
}

static void
test_library_search (void)
{
  g_autoptr(GPtrArray) all = steady_skills_library_search ("");
  g_autoptr(GPtrArray) by_name = steady_skills_library_search ("radical");
  g_autoptr(GPtrArray) by_words = steady_skills_library_search ("cold water");
  g_autoptr(GPtrArray) by_module = steady_skills_library_search ("interpersonal");
  g_autoptr(GPtrArray) name_first = steady_skills_library_search ("opp");
  g_autoptr(GPtrArray) none = steady_skills_library_search ("zzzz");
  g_autoptr(GPtrArray) cased = steady_skills_library_search ("DEAR");
  g_autoptr(GPtrArray) by_purpose = steady_skills_library_search ("crisis");
  guint n_skills;
  const SteadySkill *skills = steady_skills_library_get (&n_skills);

  g_assert_cmpuint (all->len, ==, 21);
  g_assert_cmpuint (by_name->len, ==, 1);
  g_assert_true (results_have (by_name, "radical-acceptance"));
  g_assert_cmpuint (by_words->len, ==, 1);
  g_assert_true (results_have (by_words, "tipp"));
  g_assert_cmpuint (by_module->len, ==, 3);
  g_assert_true (results_have (by_module, "give"));
  g_assert_cmpuint (name_first->len, >=, 1);
  g_assert_cmpstr (((const SteadySkill *)name_first->pdata[0])->id, ==, "opposite-action");
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_true (results_have (cased, "dear-man"));
  /* What a module is for finds its skills: a person in crisis types "crisis". */
  for (guint i = 0; i < n_skills; i++)
    if (skills[i].module == STEADY_SKILL_MODULE_DISTRESS_TOLERANCE)
      g_assert_true (results_have (by_purpose, skills[i].id));
}

/* Every exercise has steps 1..n, each with a question; thought records have the seven steps
 * and the twelve traps. */
static void
test_exercises (void)
{
  guint n_traps;
  const SteadyThinkingTrap *traps = steady_thinking_traps_get (&n_traps);

  for (SteadySkillKind kind = 0; kind < STEADY_N_SKILL_KINDS; kind++)
    {
      const SteadySkillField *fields;
      guint n_fields;
      guint n_steps = steady_skill_kind_get_n_steps (kind);
      SteadySkillKind back;

      g_assert_true (steady_skill_kind_from_id (steady_skill_kind_to_id (kind), &back));
      g_assert_cmpint (back, ==, kind);
      g_assert_cmpuint (strlen (steady_skill_kind_get_summary (kind)), >, 40);
      fields = steady_skill_kind_get_fields (kind, &n_fields);
      for (guint step = 1; step <= n_steps; step++)
        {
          gboolean found = FALSE;

          for (guint f = 0; f < n_fields; f++)
            found |= fields[f].step == step;
          g_assert_true (found);
        }
      for (guint f = 0; f < n_fields; f++)
        {
          g_assert_cmpuint (fields[f].step, >=, 1);
          g_assert_cmpuint (fields[f].step, <=, n_steps);
          g_assert_cmpuint (strlen (fields[f].prompt), >, 15);
          if (f > 0)
            g_assert_cmpuint (fields[f - 1].step, <=, fields[f].step);
          g_assert_true (steady_skill_kind_find_field (kind, fields[f].id) != NULL);
        }
    }
  g_assert_cmpuint (steady_skill_kind_get_n_steps (STEADY_SKILL_KIND_THOUGHT_RECORD), ==, 7);
  g_assert_cmpuint (n_traps, ==, 12);
  for (guint i = 0; i < n_traps; i++)
    g_assert_true (steady_thinking_trap_find (traps[i].id) == &traps[i]);
  g_assert_false (steady_skill_kind_from_id ("diary-card", &(SteadySkillKind) { 0 }));
}

static void
save_record (SteadySkillStore *store,
             SteadySkillKind   kind,
             gint64            time_us,
             int               before,
             int               after,
             const char       *situation)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadySkillRecord) record = steady_skill_record_new (kind);

  steady_skill_record_set_time (record, time_us, 0);
  steady_skill_record_set_distress_before (record, before);
  steady_skill_record_set_distress_after (record, after);
  if (situation != NULL)
    steady_skill_record_set_text (record,
                                  kind == STEADY_SKILL_KIND_THOUGHT_RECORD ? "situation"
                                                                           : "emotion",
                                  situation);
  g_assert_true (steady_skill_store_save (store, record, &error));
  g_assert_no_error (error);
}

static void
log_use (SteadyDiaryStore *store,
         const char       *skill,
         gint64            time_us,
         int               before,
         int               after)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = steady_diary_store_log_skill_use (store, skill, 5, before, after,
                                                            time_us, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (uuid);
}

static void
add_practice (SteadyDatabase *database,
              const char     *kind,
              gint64          time_us,
              int             before,
              int             after)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO practice_log (uuid, kind, actual_us, started_at_us, utc_offset_s,"
    " distress_before, distress_after, completed, created_us, updated_us)"
    " VALUES ('%s', '%s', 60000000, %" G_GINT64_FORMAT ", 0, %d, %d, 1, 1, 1)",
    uuid, kind, time_us, before, after);
  g_autoptr(GError) error = NULL;

  g_assert_true (steady_database_exec (database, sql, &error));
  g_assert_no_error (error);
}

/* Known data: thought records ease distress by 3 on average over 4 uses, STOP by 2 over 3,
 * the mindfulness timer by 2 over 5 (more uses: ranked above STOP), TIPP by 5 but only twice
 * (not enough yet), opposite action worsens by 1; uses missing a rating never count. */
static void
test_what_helps (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadySkillStore) skills = steady_skill_store_new (database);
  g_autoptr(SteadyDiaryStore) diary = steady_diary_store_new (database);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) empty = NULL;
  gint64 t = BASE_US;
  const SteadyHelpItem *item;

  empty = steady_skill_insights_what_helps (database, STEADY_SKILL_INSIGHTS_MIN_USES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->len, ==, 0);

  save_record (skills, STEADY_SKILL_KIND_THOUGHT_RECORD, t += HOUR_US, 8, 4, NULL); /* 4 */
  save_record (skills, STEADY_SKILL_KIND_THOUGHT_RECORD, t += HOUR_US, 6, 4, NULL); /* 2 */
  save_record (skills, STEADY_SKILL_KIND_THOUGHT_RECORD, t += HOUR_US, 9, 5, NULL); /* 4 */
  save_record (skills, STEADY_SKILL_KIND_THOUGHT_RECORD, t += HOUR_US, 5, 3, NULL); /* 2 */
  save_record (skills, STEADY_SKILL_KIND_THOUGHT_RECORD, t += HOUR_US, 9, -1, NULL);
  save_record (skills, STEADY_SKILL_KIND_THOUGHT_RECORD, t += HOUR_US, -1, 0, NULL);
  save_record (skills, STEADY_SKILL_KIND_OPPOSITE_ACTION, t += HOUR_US, 3, 4, NULL);
  save_record (skills, STEADY_SKILL_KIND_OPPOSITE_ACTION, t += HOUR_US, 3, 4, NULL);
  save_record (skills, STEADY_SKILL_KIND_OPPOSITE_ACTION, t += HOUR_US, 3, 4, NULL);
  log_use (diary, "stop", t += HOUR_US, 7, 5);
  log_use (diary, "stop", t += HOUR_US, 6, 3);
  log_use (diary, "stop", t += HOUR_US, 4, 3);
  log_use (diary, "stop", t += HOUR_US, 4, STEADY_SKILL_NO_RATING);
  log_use (diary, "tipp", t += HOUR_US, 9, 4);
  log_use (diary, "tipp", t += HOUR_US, 9, 4);
  for (guint i = 0; i < 5; i++)
    add_practice (database, "mindfulness", t += HOUR_US, 5, 3);

  items = steady_skill_insights_what_helps (database, STEADY_SKILL_INSIGHTS_MIN_USES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 4);

  item = items->pdata[0];
  g_assert_cmpint (item->source, ==, STEADY_HELP_SOURCE_EXERCISE);
  g_assert_cmpstr (item->id, ==, "thought-record");
  g_assert_cmpstr (item->label, ==, "Thought record");
  g_assert_cmpuint (item->n_uses, ==, 4);
  g_assert_cmpfloat_with_epsilon (item->mean_change, 3.0, 1e-9);

  item = items->pdata[1];
  g_assert_cmpint (item->source, ==, STEADY_HELP_SOURCE_PRACTICE);
  g_assert_cmpstr (item->id, ==, "mindfulness");
  g_assert_cmpuint (item->n_uses, ==, 5);
  g_assert_cmpfloat_with_epsilon (item->mean_change, 2.0, 1e-9);

  item = items->pdata[2];
  g_assert_cmpint (item->source, ==, STEADY_HELP_SOURCE_SKILL);
  g_assert_cmpstr (item->id, ==, "stop");
  g_assert_cmpstr (item->label, ==, "STOP");
  g_assert_cmpuint (item->n_uses, ==, 3);
  g_assert_cmpfloat_with_epsilon (item->mean_change, 2.0, 1e-9);

  item = items->pdata[3];
  g_assert_cmpstr (item->id, ==, "opposite-action");
  g_assert_cmpfloat_with_epsilon (item->mean_change, -1.0, 1e-9);

  /* Most used: thought records (6 saved), mindfulness (5), STOP and opposite action... */
  {
    g_autoptr(GPtrArray) used = steady_skill_insights_most_used (database, G_MININT64, &error);
    g_autoptr(GPtrArray) recent = steady_skill_insights_most_used (database, t - HOUR_US, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (used->len, ==, 5);
    g_assert_cmpstr (((SteadyUsageItem *)used->pdata[0])->id, ==, "thought-record");
    g_assert_cmpuint (((SteadyUsageItem *)used->pdata[0])->n_uses, ==, 6);
    g_assert_cmpstr (((SteadyUsageItem *)used->pdata[1])->id, ==, "mindfulness");
    /* STOP (4) before opposite action (3); TIPP (2) last. */
    g_assert_cmpstr (((SteadyUsageItem *)used->pdata[2])->id, ==, "stop");
    g_assert_cmpuint (((SteadyUsageItem *)used->pdata[2])->n_uses, ==, 4);
    g_assert_cmpstr (((SteadyUsageItem *)used->pdata[3])->id, ==, "opposite-action");
    g_assert_cmpstr (((SteadyUsageItem *)used->pdata[4])->id, ==, "tipp");
    g_assert_cmpint (((SteadyUsageItem *)used->pdata[1])->last_us, ==, t);
    /* Only the last two practices are recent. */
    g_assert_cmpuint (recent->len, ==, 1);
    g_assert_cmpuint (((SteadyUsageItem *)recent->pdata[0])->n_uses, ==, 2);
  }

  /* With a lower bar, TIPP (two uses, 5 points) comes first. */
  g_clear_pointer (&items, g_ptr_array_unref);
  items = steady_skill_insights_what_helps (database, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 5);
  g_assert_cmpstr (((SteadyHelpItem *)items->pdata[0])->id, ==, "tipp");
}

/* History lists every kind newest first, filters by kind, pages, and searches text. */
static void
test_history (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadySkillStore) skills = steady_skill_store_new (database);
  g_autoptr(SteadyDiaryStore) diary = steady_diary_store_new (database);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(SteadyDiaryCard) card = steady_diary_card_new (19786, 0); /* 2024-03-04 */
  static const int expected_kinds[] = {
    STEADY_HISTORY_PRACTICE, STEADY_HISTORY_SKILL_USE, STEADY_SKILL_KIND_CHECK_FACTS,
    STEADY_HISTORY_DIARY_CARD, STEADY_SKILL_KIND_THOUGHT_RECORD,
  };
  /* 2024-03-04 12:00 UTC and later. */
  gint64 noon = (G_GINT64_CONSTANT (19786) * 86400 + 12 * 3600) * G_USEC_PER_SEC;

  save_record (skills, STEADY_SKILL_KIND_THOUGHT_RECORD, noon - 24 * HOUR_US, 5, 3,
               "The landlord called about the rent\nsecond line");
  card->distress = 4;
  g_assert_true (steady_diary_store_save_card (diary, card, &error));
  g_assert_no_error (error);
  save_record (skills, STEADY_SKILL_KIND_CHECK_FACTS, noon, -1, -1, "Anger at the landlord");
  log_use (diary, "observe", noon + HOUR_US, -1, -1);
  add_practice (database, "mindfulness", noon + 2 * HOUR_US, 3, 2);

  all = steady_skill_history_list (database, STEADY_HISTORY_MASK_ALL, NULL, NULL, 100,
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (expected_kinds));
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpint (((SteadyHistoryItem *)all->pdata[i])->kind, ==, expected_kinds[i]);
  g_assert_cmpstr (((SteadyHistoryItem *)all->pdata[1])->detail, ==, "observe");
  g_assert_cmpstr (((SteadyHistoryItem *)all->pdata[2])->detail, ==, "Anger at the landlord");
  g_assert_cmpstr (((SteadyHistoryItem *)all->pdata[4])->detail, ==,
                   "The landlord called about the rent");

  page = steady_skill_history_list (database, STEADY_HISTORY_MASK_ALL, NULL, all->pdata[1], 2,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_cmpstr (((SteadyHistoryItem *)page->pdata[0])->uuid, ==,
                   ((SteadyHistoryItem *)all->pdata[2])->uuid);

  cards = steady_skill_history_list (database, STEADY_HISTORY_MASK (STEADY_HISTORY_DIARY_CARD),
                                     NULL, NULL, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 1);
  g_assert_cmpstr (((SteadyHistoryItem *)cards->pdata[0])->uuid, ==, card->uuid);

  found = steady_skill_history_list (database, STEADY_HISTORY_MASK_ALL, "landl", NULL, 100,
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpint (((SteadyHistoryItem *)found->pdata[0])->kind, ==,
                   STEADY_SKILL_KIND_CHECK_FACTS);
  {
    g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (SteadyTextRange));
    g_autofree char *plain = steady_journal_search_split_marks (
      ((SteadyHistoryItem *)found->pdata[0])->snippet, ranges);

    g_assert_cmpstr (plain, ==, "Anger at the landlord");
    g_assert_cmpuint (ranges->len, ==, 1);
    g_assert_cmpuint (g_array_index (ranges, SteadyTextRange, 0).start, ==, 13);
    g_assert_cmpuint (g_array_index (ranges, SteadyTextRange, 0).end, ==, 21);
  }
  g_assert_null (((SteadyHistoryItem *)all->pdata[0])->snippet);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = steady_skill_history_list (database,
                                     STEADY_HISTORY_MASK (STEADY_SKILL_KIND_THOUGHT_RECORD),
                                     "landlord", NULL, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);

  /* Paging one item at a time walks the same list as one big page, also through items that
   * share one instant (three skill logs in the same microsecond). */
  for (guint i = 0; i < 3; i++)
    log_use (diary, "describe", noon - 3 * HOUR_US, 2, 1);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = steady_skill_history_list (database, STEADY_HISTORY_MASK_ALL, NULL, NULL, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (expected_kinds) + 3);
  {
    g_autoptr(GPtrArray) previous = NULL;

    for (guint i = 0; i <= all->len; i++)
      {
        g_autoptr(GPtrArray) one = steady_skill_history_list (database, STEADY_HISTORY_MASK_ALL,
          NULL, previous != NULL ? previous->pdata[0] : NULL, 1, &error);

        g_assert_no_error (error);
        if (i == all->len)
          {
            g_assert_cmpuint (one->len, ==, 0);
            break;
          }
        g_assert_cmpuint (one->len, ==, 1);
        g_assert_cmpstr (((SteadyHistoryItem *)one->pdata[0])->uuid, ==,
                         ((SteadyHistoryItem *)all->pdata[i])->uuid);
        g_clear_pointer (&previous, g_ptr_array_unref);
        previous = g_steal_pointer (&one);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/skills/library/modules", test_library);
  g_test_add_func ("/skills/library/search", test_library_search);
  g_test_add_func ("/skills/library/exercises", test_exercises);
  g_test_add_func ("/skills/insights/what-helps", test_what_helps);
  g_test_add_func ("/skills/history/list", test_history);

  return g_test_run ();
}
