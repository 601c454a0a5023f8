/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-skill-drafts.c: which draft an exercise's editor offers back, and an exercise that so
 * far is only a draft, on a real database file. */

#define G_LOG_DOMAIN "steady-test-skill-drafts"

#include "config.h"

#include "steady-database.h"
#include "steady-skill-drafts.h"

static SteadyDatabase *
open_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_database_get_default_path ();
  SteadyDatabase *database = steady_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (database);
  return database;
}

static void
keep_draft (SteadyDraftStore  *drafts,
            SteadySkillRecord *record)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = steady_skill_record_to_draft (record);

  g_assert_true (steady_draft_store_save (drafts, steady_skill_record_get_draft_kind (record),
                                          steady_skill_record_get_uuid (record), payload,
                                          &error));
  g_assert_no_error (error);
}

static void
test_offer (void)
{
  g_autoptr(SteadyDatabase) database = open_database ();
  g_autoptr(SteadySkillStore) store = steady_skill_store_new (database);
  g_autoptr(SteadyDraftStore) drafts = steady_draft_store_new (database);
  g_autoptr(SteadySkillRecord) unsaved = steady_skill_record_new (STEADY_SKILL_KIND_CHECK_FACTS);
  g_autoptr(SteadySkillRecord) saved = steady_skill_record_new (STEADY_SKILL_KIND_CHECK_FACTS);
  g_autoptr(SteadySkillRecord) fresh = steady_skill_record_new (STEADY_SKILL_KIND_CHECK_FACTS);
  g_autoptr(SteadySkillRecord) other = steady_skill_record_new (STEADY_SKILL_KIND_PLEASE_CHECK);
  g_autoptr(SteadySkillRecord) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  gint64 updated_us = 0;

  /* Nothing kept yet: nothing to offer. */
  g_assert_null (steady_skill_drafts_find_offer (store, drafts, fresh, FALSE, NULL));

  /* A saved exercise with a newer draft, and one never saved. */
  steady_skill_record_set_text (saved, "event", "saved, then changed");
  g_assert_true (steady_skill_store_save (store, saved, &error));
  g_assert_no_error (error);
  keep_draft (drafts, saved);
  steady_skill_record_set_text (unsaved, "event", "typed, window closed");
  steady_skill_record_set_step_reached (unsaved, 3);
  keep_draft (drafts, unsaved);

  /* A new one of the kind is offered the never-saved one, not the saved one's draft. */
  key = steady_skill_drafts_find_offer (store, drafts, fresh, FALSE, &updated_us);
  g_assert_cmpstr (key, ==, steady_skill_record_get_uuid (unsaved));
  g_assert_cmpint (updated_us, >, 0);
  g_clear_pointer (&key, g_free);
  /* The saved one is offered its own. */
  key = steady_skill_drafts_find_offer (store, drafts, saved, TRUE, NULL);
  g_assert_cmpstr (key, ==, steady_skill_record_get_uuid (saved));
  g_clear_pointer (&key, g_free);
  /* Another kind: nothing. */
  g_assert_null (steady_skill_drafts_find_offer (store, drafts, other, FALSE, NULL));

  /* Opened by its UUID, the never-saved one comes from its draft, as it was left. */
  loaded = steady_skill_drafts_load_unsaved (store, drafts, steady_skill_record_get_uuid (unsaved));
  g_assert_nonnull (loaded);
  g_assert_cmpint (steady_skill_record_get_kind (loaded), ==, STEADY_SKILL_KIND_CHECK_FACTS);
  g_assert_cmpstr (steady_skill_record_get_text (loaded, "event"), ==, "typed, window closed");
  g_assert_cmpuint (steady_skill_record_get_step_reached (loaded), ==, 3);
  /* A saved exercise is the store's to load, and an unknown UUID is nothing. */
  g_assert_null (steady_skill_drafts_load_unsaved (store, drafts,
                                                   steady_skill_record_get_uuid (saved)));
  g_assert_null (steady_skill_drafts_load_unsaved (store, drafts,
                                                   "6f9d2b1c-0c55-4d8e-9a57-0a4f1f0c7e21"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/skills/drafts/offer", test_offer);

  return g_test_run ();
}
