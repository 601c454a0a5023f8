/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-safety-plan.c: the safety plan store on a real SQLite file — order, edits, delete and
 * undo, limits with clear errors, the schema's own checks, the migration from version 1,
 * and when the next review with the therapist is due. */

#define G_LOG_DOMAIN "steady-test-safety-plan"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "steady-database.h"
#include "steady-safety-plan-store.h"
#include "steady-safety-review.h"
#include "steady-schema.h"
#include "steady-test-util.h"

typedef struct
{
  char                  *path;
  SteadyDatabase        *database;
  SteadySafetyPlanStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = steady_test_data_path ("steady.db");
  fixture->database = steady_database_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->store = steady_safety_plan_store_new (fixture->database);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->database);
  g_clear_pointer (&fixture->path, g_free);
}

/* Closes and opens the file again, as a restart of Steady does. */
static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->store);
  g_clear_object (&fixture->database);
  fixture->database = steady_database_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->store = steady_safety_plan_store_new (fixture->database);
}

static SteadySafetyItem *
add (Fixture             *fixture,
     SteadySafetySection  section,
     guint                position,
     const char          *text,
     const char          *phone)
{
  g_autoptr(GError) error = NULL;
  SteadySafetyItem *item;

  item = steady_safety_plan_store_add (fixture->store, section, position, text, phone, &error);
  g_assert_no_error (error);
  g_assert_nonnull (item);
  return item;
}

/* The texts of @section joined by "|", and a check that positions are 0, 1, 2 … */
static char *
section_texts (Fixture             *fixture,
               SteadySafetySection  section)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);

  items = steady_safety_plan_store_list_section (fixture->store, section, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      SteadySafetyItem *item = g_ptr_array_index (items, i);

      g_assert_cmpuint (steady_safety_item_get_position (item), ==, i);
      g_assert_cmpint (steady_safety_item_get_section (item), ==, section);
      if (i > 0)
        g_string_append_c (joined, '|');
      g_string_append (joined, steady_safety_item_get_text (item));
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static void
assert_texts (Fixture             *fixture,
              SteadySafetySection  section,
              const char          *expected)
{
  g_autofree char *texts = section_texts (fixture, section);

  g_assert_cmpstr (texts, ==, expected);
}

static void
test_sections (void)
{
  /* Keys are stored in files: they must round-trip and never be translated. */
  for (guint i = 0; i < STEADY_SAFETY_N_SECTIONS; i++)
    {
      SteadySafetySection section = STEADY_SAFETY_N_SECTIONS;

      g_assert_true (steady_safety_section_from_key (steady_safety_section_to_key (i), &section));
      g_assert_cmpint (section, ==, i);
      g_assert_cmpstr (steady_safety_section_get_title (i), !=, "");
      g_assert_cmpstr (steady_safety_section_get_prompt (i), !=, "");
      g_assert_cmpstr (steady_safety_section_get_item_name (i), !=, "");
      /* Examples are gentle suggestions, and say they are examples. */
      for (guint e = 0; e < 4; e++)
        g_assert_true (g_str_has_prefix (steady_safety_section_get_example (i, e),
                                         "For example: "));
    }
  g_assert_cmpstr (steady_safety_section_to_key (STEADY_SAFETY_SECTION_WARNING_SIGNS), ==,
                   "warning-signs");
  g_assert_cmpstr (steady_safety_section_to_key (STEADY_SAFETY_SECTION_REASONS), ==, "reasons");
  g_assert_cmpstr (steady_safety_section_get_title (STEADY_SAFETY_SECTION_PROFESSIONALS), ==,
                   "Professionals and crisis lines");
  {
    SteadySafetySection section = STEADY_SAFETY_SECTION_COPING;

    g_assert_false (steady_safety_section_from_key ("Warning-Signs", &section));
    g_assert_false (steady_safety_section_from_key (NULL, &section));
    g_assert_cmpint (section, ==, STEADY_SAFETY_SECTION_COPING);
  }
  /* Phone numbers go with people and professionals only. */
  g_assert_false (steady_safety_section_has_phone (STEADY_SAFETY_SECTION_WARNING_SIGNS));
  g_assert_false (steady_safety_section_has_phone (STEADY_SAFETY_SECTION_COPING));
  g_assert_true (steady_safety_section_has_phone (STEADY_SAFETY_SECTION_DISTRACTIONS));
  g_assert_true (steady_safety_section_has_phone (STEADY_SAFETY_SECTION_PEOPLE));
  g_assert_true (steady_safety_section_has_phone (STEADY_SAFETY_SECTION_PROFESSIONALS));
  g_assert_false (steady_safety_section_has_phone (STEADY_SAFETY_SECTION_ENVIRONMENT));
  g_assert_false (steady_safety_section_has_phone (STEADY_SAFETY_SECTION_REASONS));
}

static void
test_add_and_list (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadySafetyItem) first = NULL;
  g_autoptr(SteadySafetyItem) second = NULL;
  g_autoptr(SteadySafetyItem) front = NULL;
  g_autoptr(SteadySafetyItem) person = NULL;
  g_autoptr(SteadySafetyItem) reason = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autoptr(GDateTime) after = NULL;

  all = steady_safety_plan_store_list_all (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 0);
  g_clear_pointer (&all, g_ptr_array_unref);

  first = add (fixture, STEADY_SAFETY_SECTION_COPING, STEADY_SAFETY_PLAN_END,
               "  Take a warm shower \n", NULL);
  second = add (fixture, STEADY_SAFETY_SECTION_COPING, STEADY_SAFETY_PLAN_END,
                "Walk to the corner shop", NULL);
  front = add (fixture, STEADY_SAFETY_SECTION_COPING, 0, "Breathe out slowly", NULL);
  person = add (fixture, STEADY_SAFETY_SECTION_PEOPLE, 7, "My sister Ana", " +1 (555) 010-2030 ");
  /* The plan's order is the sections', not the order things were written in. */
  reason = add (fixture, STEADY_SAFETY_SECTION_REASONS, 0, "Pepper, my cat 🐈", NULL);
  after = g_date_time_new_now_local ();

  /* What add returns is what was kept: white space around the words goes. */
  g_assert_cmpstr (steady_safety_item_get_text (first), ==, "Take a warm shower");
  g_assert_cmpuint (steady_safety_item_get_position (first), ==, 0);
  g_assert_cmpuint (steady_safety_item_get_position (front), ==, 0);
  g_assert_cmpuint (steady_safety_item_get_position (person), ==, 0);
  g_assert_cmpstr (steady_safety_item_get_phone (person), ==, "+1 (555) 010-2030");
  g_assert_null (steady_safety_item_get_phone (first));
  g_assert_true (g_uuid_string_is_valid (steady_safety_item_get_uuid (first)));
  g_assert_cmpstr (steady_safety_item_get_uuid (first), !=, steady_safety_item_get_uuid (second));
  g_assert_cmpint (g_date_time_compare (steady_safety_item_get_created (first), before), >=, 0);
  g_assert_cmpint (g_date_time_compare (steady_safety_item_get_created (reason), after), <=, 0);
  g_assert_true (g_date_time_equal (steady_safety_item_get_created (first),
                                    steady_safety_item_get_updated (first)));

  assert_texts (fixture, STEADY_SAFETY_SECTION_COPING,
                "Breathe out slowly|Take a warm shower|Walk to the corner shop");

  /* It is all still there after a restart, with the same times, in the same order. */
  reopen (fixture);
  all = steady_safety_plan_store_list_all (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 5);
  g_assert_cmpstr (steady_safety_item_get_text (g_ptr_array_index (all, 0)), ==,
                   "Breathe out slowly");
  g_assert_cmpstr (steady_safety_item_get_text (g_ptr_array_index (all, 3)), ==, "My sister Ana");
  g_assert_cmpstr (steady_safety_item_get_phone (g_ptr_array_index (all, 3)), ==,
                   "+1 (555) 010-2030");
  g_assert_cmpstr (steady_safety_item_get_text (g_ptr_array_index (all, 4)), ==,
                   "Pepper, my cat 🐈");
  g_assert_cmpstr (steady_safety_item_get_uuid (g_ptr_array_index (all, 1)), ==,
                   steady_safety_item_get_uuid (first));
  g_assert_true (g_date_time_equal (steady_safety_item_get_created (g_ptr_array_index (all, 1)),
                                    steady_safety_item_get_created (first)));
  /* The local offset the user was in is kept with the instant. */
  {
    SteadySafetyItem *read_back = g_ptr_array_index (all, 1);

    g_assert_cmpint (g_date_time_get_utc_offset (steady_safety_item_get_created (read_back)), ==,
                     g_date_time_get_utc_offset (steady_safety_item_get_created (first)));
  }
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadySafetyItem) item = NULL;
  g_autoptr(SteadySafetyItem) updated = NULL;
  g_autoptr(SteadySafetyItem) again = NULL;
  g_autoptr(GPtrArray) items = NULL;

  item = add (fixture, STEADY_SAFETY_SECTION_PROFESSIONALS, STEADY_SAFETY_PLAN_END,
              "My therapist", NULL);
  updated = steady_safety_plan_store_update (fixture->store, steady_safety_item_get_uuid (item),
                                             "My therapist, Dr Rivera", "555 0100", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steady_safety_item_get_text (updated), ==, "My therapist, Dr Rivera");
  g_assert_cmpstr (steady_safety_item_get_phone (updated), ==, "555 0100");
  g_assert_cmpint (g_date_time_compare (steady_safety_item_get_updated (updated),
                                        steady_safety_item_get_created (updated)), >=, 0);
  g_assert_true (g_date_time_equal (steady_safety_item_get_created (updated),
                                    steady_safety_item_get_created (item)));

  /* An empty phone number takes the number away. */
  again = steady_safety_plan_store_update (fixture->store, steady_safety_item_get_uuid (item),
                                           "My therapist, Dr Rivera", "  ", &error);
  g_assert_no_error (error);
  g_assert_null (steady_safety_item_get_phone (again));

  reopen (fixture);
  items = steady_safety_plan_store_list_section (fixture->store,
                                                 STEADY_SAFETY_SECTION_PROFESSIONALS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (steady_safety_item_get_text (g_ptr_array_index (items, 0)), ==,
                   "My therapist, Dr Rivera");
  g_assert_null (steady_safety_item_get_phone (g_ptr_array_index (items, 0)));

  /* An item deleted meanwhile (in another window) is said to be gone, not recreated. */
  g_clear_object (&again);
  g_clear_object (&updated);
  updated = steady_safety_plan_store_delete (fixture->store, steady_safety_item_get_uuid (item),
                                             &error);
  g_assert_no_error (error);
  again = steady_safety_plan_store_update (fixture->store, steady_safety_item_get_uuid (item),
                                           "Back again?", NULL, &error);
  g_assert_error (error, STEADY_SAFETY_PLAN_ERROR, STEADY_SAFETY_PLAN_ERROR_NOT_FOUND);
  g_assert_null (again);
  assert_texts (fixture, STEADY_SAFETY_SECTION_PROFESSIONALS, "");
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadySafetyItem) a = NULL;
  g_autoptr(SteadySafetyItem) b = NULL;
  g_autoptr(SteadySafetyItem) c = NULL;
  g_autoptr(SteadySafetyItem) deleted = NULL;
  g_autoptr(SteadySafetyItem) gone = NULL;
  g_autoptr(GPtrArray) items = NULL;
  sqlite3 *db;

  a = add (fixture, STEADY_SAFETY_SECTION_PEOPLE, STEADY_SAFETY_PLAN_END, "Ana", "555 0101");
  b = add (fixture, STEADY_SAFETY_SECTION_PEOPLE, STEADY_SAFETY_PLAN_END, "Ben", "555 0102");
  c = add (fixture, STEADY_SAFETY_SECTION_PEOPLE, STEADY_SAFETY_PLAN_END, "Cleo", NULL);

  deleted = steady_safety_plan_store_delete (fixture->store, steady_safety_item_get_uuid (b),
                                             &error);
  g_assert_no_error (error);
  /* What undo needs: the item as it was, where it was. */
  g_assert_cmpstr (steady_safety_item_get_uuid (deleted), ==, steady_safety_item_get_uuid (b));
  g_assert_cmpstr (steady_safety_item_get_text (deleted), ==, "Ben");
  g_assert_cmpstr (steady_safety_item_get_phone (deleted), ==, "555 0102");
  g_assert_cmpuint (steady_safety_item_get_position (deleted), ==, 1);
  assert_texts (fixture, STEADY_SAFETY_SECTION_PEOPLE, "Ana|Cleo");

  db = steady_database_get_handle (fixture->database);
  g_assert_cmpint (steady_test_query_int (db, "SELECT count(*) FROM safety_plan_item "
                                              "WHERE text = 'Ben'"), ==, 0);

  /* Deleting it twice says it is gone. */
  gone = steady_safety_plan_store_delete (fixture->store, steady_safety_item_get_uuid (b),
                                          &error);
  g_assert_error (error, STEADY_SAFETY_PLAN_ERROR, STEADY_SAFETY_PLAN_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);

  g_assert_true (steady_safety_plan_store_restore (fixture->store, deleted, &error));
  g_assert_no_error (error);
  assert_texts (fixture, STEADY_SAFETY_SECTION_PEOPLE, "Ana|Ben|Cleo");

  reopen (fixture);
  items = steady_safety_plan_store_list_section (fixture->store, STEADY_SAFETY_SECTION_PEOPLE,
                                                 &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steady_safety_item_get_uuid (g_ptr_array_index (items, 1)), ==,
                   steady_safety_item_get_uuid (b));
  g_assert_cmpstr (steady_safety_item_get_phone (g_ptr_array_index (items, 1)), ==, "555 0102");
  g_assert_true (g_date_time_equal (steady_safety_item_get_created (g_ptr_array_index (items, 1)),
                                    steady_safety_item_get_created (b)));

  /* Undo after the section shrank meanwhile puts it at the end, not past it. */
  g_clear_object (&deleted);
  deleted = steady_safety_plan_store_delete (fixture->store, steady_safety_item_get_uuid (c),
                                             &error);
  g_assert_no_error (error);
  g_clear_object (&gone);
  gone = steady_safety_plan_store_delete (fixture->store, steady_safety_item_get_uuid (a),
                                          &error);
  g_assert_no_error (error);
  g_assert_true (steady_safety_plan_store_restore (fixture->store, deleted, &error));
  g_assert_no_error (error);
  assert_texts (fixture, STEADY_SAFETY_SECTION_PEOPLE, "Ben|Cleo");

  /* Restoring what is there already fails and changes nothing. */
  g_assert_false (steady_safety_plan_store_restore (fixture->store, deleted, &error));
  g_assert_error (error, STEADY_DATABASE_ERROR, STEADY_DATABASE_ERROR_FAILED);
  assert_texts (fixture, STEADY_SAFETY_SECTION_PEOPLE, "Ben|Cleo");
}

static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const char *texts[] = { "A", "B", "C", "D" };
  char *uuid[G_N_ELEMENTS (texts)];

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(SteadySafetyItem) item = add (fixture, STEADY_SAFETY_SECTION_REASONS,
                                              STEADY_SAFETY_PLAN_END, texts[i], NULL);

      uuid[i] = g_strdup (steady_safety_item_get_uuid (item));
    }
  g_object_unref (add (fixture, STEADY_SAFETY_SECTION_COPING, STEADY_SAFETY_PLAN_END,
                      "other section", NULL));

  /* Down one, up one, to the top, past the end. */
  g_assert_true (steady_safety_plan_store_move (fixture->store, uuid[0], 1, &error));
  g_assert_no_error (error);
  assert_texts (fixture, STEADY_SAFETY_SECTION_REASONS, "B|A|C|D");
  g_assert_true (steady_safety_plan_store_move (fixture->store, uuid[2], 1, &error));
  assert_texts (fixture, STEADY_SAFETY_SECTION_REASONS, "B|C|A|D");
  g_assert_true (steady_safety_plan_store_move (fixture->store, uuid[3], 0, &error));
  assert_texts (fixture, STEADY_SAFETY_SECTION_REASONS, "D|B|C|A");
  g_assert_true (steady_safety_plan_store_move (fixture->store, uuid[3], STEADY_SAFETY_PLAN_END,
                                                &error));
  assert_texts (fixture, STEADY_SAFETY_SECTION_REASONS, "B|C|A|D");
  g_assert_true (steady_safety_plan_store_move (fixture->store, uuid[1], 0, &error));
  g_assert_no_error (error);
  assert_texts (fixture, STEADY_SAFETY_SECTION_REASONS, "B|C|A|D");
  /* Other sections keep their order. */
  assert_texts (fixture, STEADY_SAFETY_SECTION_COPING, "other section");

  reopen (fixture);
  assert_texts (fixture, STEADY_SAFETY_SECTION_REASONS, "B|C|A|D");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_free (uuid[i]);
}

static void
assert_add_fails (Fixture             *fixture,
                  SteadySafetySection  section,
                  const char          *text,
                  const char          *phone,
                  int                  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadySafetyItem) item = NULL;

  item = steady_safety_plan_store_add (fixture->store, section, STEADY_SAFETY_PLAN_END, text,
                                       phone, &error);
  g_assert_null (item);
  g_assert_error (error, STEADY_SAFETY_PLAN_ERROR, code);
  /* A message a person can read, not a code. */
  g_assert_cmpuint (strlen (error->message), >, 10);
}

static void
test_limits (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GString) longest = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadySafetyItem) kept = NULL;
  g_autofree char *too_long_phone = g_strnfill (STEADY_SAFETY_PLAN_MAX_PHONE + 1, '5');
  g_autofree char *longest_phone = g_strnfill (STEADY_SAFETY_PLAN_MAX_PHONE, '5');
  sqlite3 *db = steady_database_get_handle (fixture->database);

  assert_add_fails (fixture, STEADY_SAFETY_SECTION_COPING, "", NULL,
                    STEADY_SAFETY_PLAN_ERROR_EMPTY);
  assert_add_fails (fixture, STEADY_SAFETY_SECTION_COPING, " \t\n ", NULL,
                    STEADY_SAFETY_PLAN_ERROR_EMPTY);
  assert_add_fails (fixture, STEADY_SAFETY_SECTION_COPING, "caf\xc3", NULL,
                    STEADY_SAFETY_PLAN_ERROR_INVALID_TEXT);

  /* Characters, not bytes: 1000 two-byte letters fit, 1001 do not. */
  for (guint i = 0; i < STEADY_SAFETY_PLAN_MAX_TEXT; i++)
    g_string_append (longest, "é");
  kept = add (fixture, STEADY_SAFETY_SECTION_COPING, STEADY_SAFETY_PLAN_END, longest->str, NULL);
  g_assert_cmpuint (g_utf8_strlen (steady_safety_item_get_text (kept), -1), ==,
                    STEADY_SAFETY_PLAN_MAX_TEXT);
  g_string_append (longest, "é");
  assert_add_fails (fixture, STEADY_SAFETY_SECTION_COPING, longest->str, NULL,
                    STEADY_SAFETY_PLAN_ERROR_TOO_LONG);

  /* Phone numbers: only where people are, only what dials. */
  assert_add_fails (fixture, STEADY_SAFETY_SECTION_WARNING_SIGNS, "Not sleeping", "555 0100",
                    STEADY_SAFETY_PLAN_ERROR_NO_PHONE_HERE);
  assert_add_fails (fixture, STEADY_SAFETY_SECTION_PEOPLE, "Ana", "call me maybe",
                    STEADY_SAFETY_PLAN_ERROR_INVALID_PHONE);
  assert_add_fails (fixture, STEADY_SAFETY_SECTION_PEOPLE, "Ana", "+()-",
                    STEADY_SAFETY_PLAN_ERROR_INVALID_PHONE);
  assert_add_fails (fixture, STEADY_SAFETY_SECTION_PEOPLE, "Ana", too_long_phone,
                    STEADY_SAFETY_PLAN_ERROR_INVALID_PHONE);
  g_clear_object (&kept);
  kept = add (fixture, STEADY_SAFETY_SECTION_PEOPLE, STEADY_SAFETY_PLAN_END, "Ana",
              longest_phone);
  g_clear_object (&kept);
  kept = add (fixture, STEADY_SAFETY_SECTION_PROFESSIONALS, STEADY_SAFETY_PLAN_END, "Clinic",
              "+44 (0)20 7946 0000 x12");
  g_assert_cmpstr (steady_safety_item_get_phone (kept), ==, "+44 (0)20 7946 0000 x12");

  /* A section holds so many items and no more; the others are not affected. */
  for (guint i = 1; i < STEADY_SAFETY_PLAN_MAX_ITEMS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Coping idea %u", i);

      g_clear_object (&kept);
      kept = add (fixture, STEADY_SAFETY_SECTION_COPING, STEADY_SAFETY_PLAN_END, text, NULL);
    }
  assert_add_fails (fixture, STEADY_SAFETY_SECTION_COPING, "one too many", NULL,
                    STEADY_SAFETY_PLAN_ERROR_TOO_MANY);
  g_clear_object (&kept);
  kept = add (fixture, STEADY_SAFETY_SECTION_REASONS, STEADY_SAFETY_PLAN_END, "still room here",
              NULL);

  /* Nothing refused was written. */
  g_assert_cmpint (steady_test_query_int (db, "SELECT count(*) FROM safety_plan_item"), ==,
                   STEADY_SAFETY_PLAN_MAX_ITEMS + 3);
  g_assert_cmpint (steady_test_query_int (db, "SELECT count(*) FROM safety_plan_item "
                                              "WHERE text IN ('one too many', 'Ana') "
                                              "AND phone IS NOT NULL AND phone <> '"
                                              "5555555555555555555555555555555555555555'"), ==, 0);

  /* Edits are held to the same rules. */
  {
    g_autoptr(SteadySafetyItem) refused = NULL;

    refused = steady_safety_plan_store_update (fixture->store, steady_safety_item_get_uuid (kept),
                                               "   ", NULL, &error);
    g_assert_null (refused);
    g_assert_error (error, STEADY_SAFETY_PLAN_ERROR, STEADY_SAFETY_PLAN_ERROR_EMPTY);
    g_clear_error (&error);
    refused = steady_safety_plan_store_update (fixture->store, steady_safety_item_get_uuid (kept),
                                               "still room here", "555", &error);
    g_assert_null (refused);
    g_assert_error (error, STEADY_SAFETY_PLAN_ERROR, STEADY_SAFETY_PLAN_ERROR_NO_PHONE_HERE);
    assert_texts (fixture, STEADY_SAFETY_SECTION_REASONS, "still room here");
  }
}

/* The schema refuses bad rows by itself, so a bug elsewhere (or another program) cannot
 * store what the store would refuse. */
static void
test_schema_checks (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const bad_rows[] = {
    /* unknown section */
    "('00000000-0000-4000-8000-000000000001', 'hobbies', 0, 'x', NULL, 0, 0, 0, 0)",
    /* empty and blank text */
    "('00000000-0000-4000-8000-000000000002', 'coping', 0, '', NULL, 0, 0, 0, 0)",
    "('00000000-0000-4000-8000-000000000003', 'coping', 0, '   ', NULL, 0, 0, 0, 0)",
    /* a phone number where none belongs, and one that is not a number */
    "('00000000-0000-4000-8000-000000000004', 'reasons', 0, 'x', '555', 0, 0, 0, 0)",
    "('00000000-0000-4000-8000-000000000005', 'people', 0, 'x', 'abc', 0, 0, 0, 0)",
    "('00000000-0000-4000-8000-000000000006', 'people', 0, 'x', '()', 0, 0, 0, 0)",
    /* negative position, short UUID, a position that is not a number, updated before
     * created */
    "('00000000-0000-4000-8000-000000000007', 'coping', -1, 'x', NULL, 0, 0, 0, 0)",
    "('short', 'coping', 0, 'x', NULL, 0, 0, 0, 0)",
    "('00000000-0000-4000-8000-000000000008', 'coping', 'first', 'x', NULL, 0, 0, 0, 0)",
    "('00000000-0000-4000-8000-000000000009', 'coping', 0, 'x', NULL, 10, 0, 5, 0)",
    /* an offset beyond a day */
    "('00000000-0000-4000-8000-00000000000a', 'coping', 0, 'x', NULL, 0, 90000, 0, 0)",
  };
  sqlite3 *db = steady_database_get_handle (fixture->database);
  g_autofree char *long_text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad_rows); i++)
    {
      g_autofree char *sql = g_strconcat ("INSERT INTO safety_plan_item (uuid, section, position, "
                                          "text, phone, created_us, created_offset, updated_us, "
                                          "updated_offset) VALUES ", bad_rows[i], NULL);

      g_test_message ("%s", bad_rows[i]);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
    }

  long_text = g_strdup_printf ("INSERT INTO safety_plan_item VALUES ("
                               "'00000000-0000-4000-8000-0000000000b0', 'coping', 0, "
                               "printf('%%.*c', %d, 'x'), NULL, 0, 0, 0, 0)",
                               STEADY_SAFETY_PLAN_MAX_TEXT + 1);
  g_assert_cmpint (sqlite3_exec (db, long_text, NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);

  /* And a good row goes in, so the checks above failed for their reason. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO safety_plan_item VALUES ("
                                     "'00000000-0000-4000-8000-0000000000c0', 'people', 0, "
                                     "'Ana', '+1 555-0100', 0, 0, 0, 0)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (steady_test_query_int (db, "SELECT count(*) FROM safety_plan_item"), ==, 1);
}

static void
changed_cb (SteadySafetyPlanStore *store,
            guint                  section,
            GArray                *seen)
{
  g_array_append_val (seen, section);
}

static void
test_changed_signal (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadySafetyItem) item = NULL;
  g_autoptr(SteadySafetyItem) updated = NULL;
  g_autoptr(SteadySafetyItem) deleted = NULL;
  g_autoptr(SteadySafetyItem) refused = NULL;

  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), seen);

  item = add (fixture, STEADY_SAFETY_SECTION_ENVIRONMENT, STEADY_SAFETY_PLAN_END, "Keys", NULL);
  updated = steady_safety_plan_store_update (fixture->store, steady_safety_item_get_uuid (item),
                                             "Keys with Sam", NULL, &error);
  g_assert_no_error (error);
  deleted = steady_safety_plan_store_delete (fixture->store, steady_safety_item_get_uuid (item),
                                             &error);
  g_assert_no_error (error);
  g_assert_true (steady_safety_plan_store_restore (fixture->store, deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 4);
  for (guint i = 0; i < seen->len; i++)
    g_assert_cmpuint (g_array_index (seen, guint, i), ==, STEADY_SAFETY_SECTION_ENVIRONMENT);

  /* A refused change is no change. */
  refused = steady_safety_plan_store_add (fixture->store, STEADY_SAFETY_SECTION_COPING,
                                          STEADY_SAFETY_PLAN_END, "", NULL, &error);
  g_assert_nonnull (error);
  g_assert_cmpuint (seen->len, ==, 4);
}

static void
test_shared_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_test_data_path ("steady.db");
  SteadyDatabase *database = steady_database_open (path, &error);
  SteadySafetyPlanStore *store;
  GWeakRef weak;

  g_assert_no_error (error);
  store = steady_safety_plan_store_get_for_database (database);
  g_assert_true (store == steady_safety_plan_store_get_for_database (database));
  g_weak_ref_init (&weak, store);

  /* It goes with its database; it does not keep it open. */
  g_object_unref (database);
  {
    GObject *still = g_weak_ref_get (&weak);

    g_assert_null (still);
  }
  g_weak_ref_clear (&weak);
}

/* A user's file from the first release gains the safety plan tables, empty and usable. */
static void
test_migration_from_v1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autoptr(SteadySafetyPlanStore) store = NULL;
  g_autoptr(SteadySafetyItem) item = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *fixture = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "fixtures",
                                               "steady-v1.db", NULL);
  g_autofree char *path = steady_test_data_path ("steady.db");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  g_autofree char *marker = NULL;
  gsize length = 0;
  sqlite3 *db;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents_full (path, contents, length,
                                           G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error));
  g_assert_no_error (error);

  database = steady_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steady_database_get_schema_version (database), >=, 5);
  db = steady_database_get_handle (database);
  marker = steady_test_query_text (db, "SELECT value FROM meta WHERE key = 'fixture'");
  g_assert_cmpstr (marker, ==, "steady-v1");
  g_assert_cmpint (steady_test_query_int (db, "SELECT count(*) FROM safety_plan_item"), ==, 0);
  g_assert_cmpint (steady_test_query_int (db, "SELECT count(*) FROM safety_plan_review"), ==, 0);

  store = steady_safety_plan_store_new (database);
  item = steady_safety_plan_store_add (store, STEADY_SAFETY_SECTION_REASONS,
                                       STEADY_SAFETY_PLAN_END, "My kids", NULL, &error);
  g_assert_no_error (error);
  items = steady_safety_plan_store_list_all (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
}

static void
test_reviews (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) started = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (-5 * 3600);
  g_autoptr(GDateTime) first = g_date_time_new (zone, 2026, 10, 6, 17, 30, 0);
  g_autoptr(GDateTime) second = g_date_time_new (zone, 2026, 11, 3, 17, 30, 0);
  g_autoptr(SteadySafetyItem) item = NULL;

  g_assert_true (steady_safety_plan_store_get_last_reviewed (fixture->store, &last, &error));
  g_assert_no_error (error);
  g_assert_null (last);
  g_assert_true (steady_safety_plan_store_get_started (fixture->store, &started, &error));
  g_assert_null (started);

  /* Marked out of order: the latest counts. */
  g_assert_true (steady_safety_plan_store_mark_reviewed (fixture->store, second, &error));
  g_assert_true (steady_safety_plan_store_mark_reviewed (fixture->store, first, &error));
  g_assert_no_error (error);
  item = add (fixture, STEADY_SAFETY_SECTION_COPING, STEADY_SAFETY_PLAN_END, "Music", NULL);

  reopen (fixture);
  g_assert_true (steady_safety_plan_store_get_last_reviewed (fixture->store, &last, &error));
  g_assert_no_error (error);
  g_assert_nonnull (last);
  g_assert_true (g_date_time_equal (last, second));
  /* In the offset the user was in, so it names the same day they reviewed it on. */
  g_assert_cmpint (g_date_time_get_utc_offset (last), ==, -5 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_get_day_of_month (last), ==, 3);

  g_assert_true (steady_safety_plan_store_get_started (fixture->store, &started, &error));
  g_assert_nonnull (started);
  g_assert_true (g_date_time_equal (started, steady_safety_item_get_created (item)));
}

static GDateTime *
local_date (GTimeZone *zone,
            int        year,
            int        month,
            int        day,
            int        hour)
{
  return g_date_time_new (zone, year, month, day, hour, 0, 0);
}

static void
test_next_review_due (void)
{
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GTimeZone) fixed = g_time_zone_new_offset (2 * 3600);
  g_autoptr(GDateTime) reviewed = NULL;
  g_autoptr(GDateTime) started = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) just_before = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_assert_nonnull (new_york);
  started = local_date (fixed, 2026, 9, 1, 21);
  reviewed = local_date (fixed, 2026, 10, 20, 16);

  /* Off, or nothing to review: no reminder. */
  due = steady_safety_review_next_due (reviewed, started, 0);
  g_assert_null (due);
  due = steady_safety_review_next_due (NULL, NULL, 4);
  g_assert_null (due);

  /* Never reviewed: counted from the day the plan was begun, at the start of that day. */
  due = steady_safety_review_next_due (NULL, started, 2);
  g_assert_nonnull (due);
  g_assert_cmpint (g_date_time_get_year (due), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (due), ==, 9);
  g_assert_cmpint (g_date_time_get_day_of_month (due), ==, 15);
  g_assert_cmpint (g_date_time_get_hour (due), ==, 0);
  g_assert_cmpint (g_date_time_get_utc_offset (due), ==, 2 * G_TIME_SPAN_HOUR);
  g_clear_pointer (&due, g_date_time_unref);

  /* Reviewed: counted from the review, for each interval the preference offers. */
  {
    static const struct { guint weeks; int month; int day; } cases[] = {
      { 2, 11, 3 }, { 4, 11, 17 }, { 8, 12, 15 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        due = steady_safety_review_next_due (reviewed, started, cases[i].weeks);
        g_assert_cmpint (g_date_time_get_month (due), ==, cases[i].month);
        g_assert_cmpint (g_date_time_get_day_of_month (due), ==, cases[i].day);
        g_assert_cmpint (g_date_time_get_hour (due), ==, 0);
        g_clear_pointer (&due, g_date_time_unref);
      }
  }

  /* Across the end of daylight saving time (1 November 2026 in New York) the due day is the
   * same calendar day of the week, not a day early. */
  g_clear_pointer (&reviewed, g_date_time_unref);
  reviewed = local_date (new_york, 2026, 10, 27, 0);
  {
    g_autoptr(GDateTime) in_edt = g_date_time_add_minutes (reviewed, 30);

    due = steady_safety_review_next_due (in_edt, NULL, 2);
  }
  g_assert_cmpint (g_date_time_get_month (due), ==, 11);
  g_assert_cmpint (g_date_time_get_day_of_month (due), ==, 10);
  g_assert_cmpint (g_date_time_get_hour (due), ==, 0);

  /* Due from the first moment of that day on, not before; overdue stays due. */
  just_before = g_date_time_add_seconds (due, -1);
  g_assert_false (steady_safety_review_is_due (reviewed, NULL, 2, just_before));
  g_assert_true (steady_safety_review_is_due (reviewed, NULL, 2, due));
  now = g_date_time_add_weeks (due, 3);
  g_assert_true (steady_safety_review_is_due (reviewed, NULL, 2, now));
  g_assert_false (steady_safety_review_is_due (reviewed, NULL, 0, now));
  g_assert_false (steady_safety_review_is_due (NULL, NULL, 2, now));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/safety-plan/sections", test_sections);
  g_test_add ("/safety-plan/add-and-list", Fixture, NULL, fixture_set_up, test_add_and_list,
              fixture_tear_down);
  g_test_add ("/safety-plan/update", Fixture, NULL, fixture_set_up, test_update,
              fixture_tear_down);
  g_test_add ("/safety-plan/delete-and-undo", Fixture, NULL, fixture_set_up,
              test_delete_and_undo, fixture_tear_down);
  g_test_add ("/safety-plan/move", Fixture, NULL, fixture_set_up, test_move, fixture_tear_down);
  g_test_add ("/safety-plan/limits", Fixture, NULL, fixture_set_up, test_limits,
              fixture_tear_down);
  g_test_add ("/safety-plan/schema-checks", Fixture, NULL, fixture_set_up, test_schema_checks,
              fixture_tear_down);
  g_test_add ("/safety-plan/changed-signal", Fixture, NULL, fixture_set_up, test_changed_signal,
              fixture_tear_down);
  g_test_add_func ("/safety-plan/shared-store", test_shared_store);
  g_test_add_func ("/safety-plan/migration-from-v1", test_migration_from_v1);
  g_test_add ("/safety-plan/reviews", Fixture, NULL, fixture_set_up, test_reviews,
              fixture_tear_down);
  g_test_add_func ("/safety-plan/next-review-due", test_next_review_due);

  return g_test_run ();
}
