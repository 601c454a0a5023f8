/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-safety-printout.c: the printed safety plan — a one-page PDF, full page and wallet
 * card, read back with poppler's pdftotext, written 0600, and on the locale's paper. A PNG
 * of each page goes to $STEADY_SCREENSHOT_DIR to be looked at. */

#define G_LOG_DOMAIN "steady-test-safety-printout"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "steady-crisis-lines.h"
#include "steady-safety-plan-printout.h"
#include "steady-safety-plan-store.h"
#include "steady-test-util.h"

static GPtrArray *
make_plan (SteadySafetyPlanStore *store,
           gboolean               long_plan)
{
  static const struct
  {
    SteadySafetySection  section;
    const char          *text;
    const char          *phone;
  } rows[] = {
    { STEADY_SAFETY_SECTION_WARNING_SIGNS, "I stop answering my phone", NULL },
    { STEADY_SAFETY_SECTION_WARNING_SIGNS, "Two nights without sleep", NULL },
    { STEADY_SAFETY_SECTION_COPING, "Cold water on my face, then breathe out slowly", NULL },
    { STEADY_SAFETY_SECTION_COPING, "Put on the playlist from group", NULL },
    { STEADY_SAFETY_SECTION_DISTRACTIONS, "The library on Main Street", NULL },
    { STEADY_SAFETY_SECTION_PEOPLE, "My sister Ana", "555 0101" },
    { STEADY_SAFETY_SECTION_PROFESSIONALS, "Dr Rivera, my therapist", "555 0199" },
    { STEADY_SAFETY_SECTION_REASONS, "Pepper, my cat", NULL },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(SteadySafetyItem) item = NULL;

      item = steady_safety_plan_store_add (store, rows[i].section, STEADY_SAFETY_PLAN_END,
                                           rows[i].text, rows[i].phone, &error);
      g_assert_no_error (error);
    }
  /* A plan far too long for one page at the normal size. */
  for (guint i = 0; long_plan && i < 30; i++)
    {
      g_autoptr(SteadySafetyItem) item = NULL;
      g_autofree char *text = g_strdup_printf ("Another thing that helps me, number %u, with "
                                               "a few more words to make it wrap", i);

      item = steady_safety_plan_store_add (store, STEADY_SAFETY_SECTION_COPING,
                                           STEADY_SAFETY_PLAN_END, text, NULL, &error);
      g_assert_no_error (error);
    }
  {
    GPtrArray *items = steady_safety_plan_store_list_all (store, &error);

    g_assert_no_error (error);
    return items;
  }
}

/* The page size in points, as poppler reads it. */
static void
pdf_size (const char *path,
          double     *width,
          double     *height)
{
  g_autofree char *info = steady_test_pdf_info (path);
  const char *size = strstr (info, "Page size:");

  g_assert_nonnull (size);
  g_assert_cmpint (sscanf (size, "Page size: %lf x %lf", width, height), ==, 2);
}

/* Saves a picture of the page next to the UI screenshots, to be looked at. */
static void
save_png (const char *pdf,
          const char *name)
{
  const char *dir = g_getenv ("STEADY_SCREENSHOT_DIR");
  g_autofree char *prefix = NULL;
  g_autofree char *png = NULL;
  const char *argv[] = { "pdftoppm", "-png", "-r", "60", "-singlefile", pdf, NULL, NULL };

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  prefix = g_build_filename (dir, name, NULL);
  argv[6] = prefix;
  g_free (steady_test_run_tool (argv));
  png = g_strconcat (prefix, ".png", NULL);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

/* pdftotext keeps the words but may break lines anywhere; compare without the breaks. */
static char *
flatten (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

static void
test_full_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = steady_test_data_path ("steady.db");
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "plan.pdf", NULL);
  g_autoptr(SteadyDatabase) database = steady_database_open (db_path, &error);
  g_autoptr(SteadySafetyPlanStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  double width = 0;
  double height = 0;

  g_assert_no_error (error);
  store = steady_safety_plan_store_new (database);
  items = make_plan (store, FALSE);

  /* Under a permissive umask the plan is still the user's alone. */
  umask (022);
  g_assert_true (steady_safety_plan_write_pdf (pdf, items, steady_crisis_lines_lookup ("US"),
                                               STEADY_SAFETY_PAPER_LETTER,
                                               STEADY_SAFETY_LAYOUT_PAGE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (steady_test_file_mode (pdf), ==, 0600);
  g_assert_cmpint ((int)steady_test_pdf_pages (pdf), ==, 1);
  pdf_size (pdf, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 612, 1);
  g_assert_cmpfloat_with_epsilon (height, 792, 1);

  text = steady_test_pdf_text (pdf, TRUE);
  flat = flatten (text);
  g_test_message ("%s", flat);
  g_assert_nonnull (strstr (flat, "My Safety Plan"));
  for (guint s = 0; s < STEADY_SAFETY_N_SECTIONS; s++)
    g_assert_nonnull (strstr (flat, steady_safety_section_get_title (s)));
  g_assert_nonnull (strstr (flat, "Cold water on my face, then breathe out slowly"));
  g_assert_nonnull (strstr (flat, "My sister Ana"));
  g_assert_nonnull (strstr (flat, "555 0101"));
  g_assert_nonnull (strstr (flat, "Pepper, my cat"));
  /* The crisis numbers of the region are at the top. */
  g_assert_nonnull (strstr (flat, "911"));
  g_assert_nonnull (strstr (flat, "call or text 988"));
  g_assert_true (strstr (flat, "911") < strstr (flat, "Warning signs"));
  save_png (pdf, "safety-plan-print-letter");

  /* The sections come in the plan's order. */
  for (guint s = 1; s < STEADY_SAFETY_N_SECTIONS; s++)
    g_assert_true (strstr (flat, steady_safety_section_get_title (s - 1)) <
                   strstr (flat, steady_safety_section_get_title (s)));
}

static void
test_long_plan_fits_one_a4_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = steady_test_data_path ("steady.db");
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "long.pdf", NULL);
  g_autoptr(SteadyDatabase) database = steady_database_open (db_path, &error);
  g_autoptr(SteadySafetyPlanStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  double width = 0;
  double height = 0;

  g_assert_no_error (error);
  store = steady_safety_plan_store_new (database);
  items = make_plan (store, TRUE);

  /* Written over an older file of the same name, which it replaces. */
  g_assert_true (g_file_set_contents (pdf, "old", -1, &error));
  g_assert_true (steady_safety_plan_write_pdf (pdf, items, steady_crisis_lines_lookup ("GB"),
                                               STEADY_SAFETY_PAPER_A4,
                                               STEADY_SAFETY_LAYOUT_PAGE, &error));
  g_assert_no_error (error);
  g_assert_cmpint ((int)steady_test_pdf_pages (pdf), ==, 1);
  pdf_size (pdf, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.3, 1);
  g_assert_cmpfloat_with_epsilon (height, 841.9, 1);

  text = steady_test_pdf_text (pdf, TRUE);
  flat = flatten (text);
  /* Set smaller, but the last section and the numbers are all still there. */
  g_assert_nonnull (strstr (flat, "number 29"));
  g_assert_nonnull (strstr (flat, "Pepper, my cat"));
  g_assert_nonnull (strstr (flat, "116 123"));
  g_assert_nonnull (strstr (flat, "999"));
  save_png (pdf, "safety-plan-print-a4-long");
}

static void
test_wallet (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = steady_test_data_path ("steady.db");
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "wallet.pdf", NULL);
  g_autoptr(SteadyDatabase) database = steady_database_open (db_path, &error);
  g_autoptr(SteadySafetyPlanStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  g_assert_no_error (error);
  store = steady_safety_plan_store_new (database);
  items = make_plan (store, FALSE);

  g_assert_true (steady_safety_plan_write_pdf (pdf, items, steady_crisis_lines_lookup ("US"),
                                               STEADY_SAFETY_PAPER_A4,
                                               STEADY_SAFETY_LAYOUT_WALLET, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (steady_test_file_mode (pdf), ==, 0600);
  g_assert_cmpint ((int)steady_test_pdf_pages (pdf), ==, 1);
  text = steady_test_pdf_text (pdf, TRUE);
  flat = flatten (text);
  g_test_message ("%s", flat);
  g_assert_nonnull (strstr (flat, "fold"));
  g_assert_nonnull (strstr (flat, "Warning signs"));
  g_assert_nonnull (strstr (flat, "My sister Ana"));
  g_assert_nonnull (strstr (flat, "555 0101"));
  g_assert_nonnull (strstr (flat, "988"));
  g_assert_nonnull (strstr (flat, "My reasons for living"));
  save_png (pdf, "safety-plan-print-wallet");
}

static void
test_empty_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "empty.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  /* An empty plan prints as a form to fill in by hand, with the numbers of "other". */
  g_assert_true (steady_safety_plan_write_pdf (pdf, none, steady_crisis_lines_lookup ("other"),
                                               STEADY_SAFETY_PAPER_A4,
                                               STEADY_SAFETY_LAYOUT_PAGE, &error));
  g_assert_no_error (error);
  text = steady_test_pdf_text (pdf, TRUE);
  flat = flatten (text);
  g_assert_nonnull (strstr (flat, "My reasons for living"));
  g_assert_nonnull (strstr (flat, "findahelpline.com"));
  save_png (pdf, "safety-plan-print-empty");
}

static void
test_unwritable_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "no", "such", "plan.pdf",
                                           NULL);

  g_assert_false (steady_safety_plan_write_pdf (pdf, none, NULL, STEADY_SAFETY_PAPER_A4,
                                                STEADY_SAFETY_LAYOUT_PAGE, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

static void
test_paper_from_locale (void)
{
  g_assert_cmpint (steady_safety_paper_from_locale ("en_US.UTF-8"), ==, STEADY_SAFETY_PAPER_LETTER);
  g_assert_cmpint (steady_safety_paper_from_locale ("es_US"), ==, STEADY_SAFETY_PAPER_LETTER);
  g_assert_cmpint (steady_safety_paper_from_locale ("fr_CA.UTF-8"), ==, STEADY_SAFETY_PAPER_LETTER);
  g_assert_cmpint (steady_safety_paper_from_locale ("es_MX"), ==, STEADY_SAFETY_PAPER_LETTER);
  g_assert_cmpint (steady_safety_paper_from_locale ("en_GB.UTF-8"), ==, STEADY_SAFETY_PAPER_A4);
  g_assert_cmpint (steady_safety_paper_from_locale ("en_IE@euro"), ==, STEADY_SAFETY_PAPER_A4);
  g_assert_cmpint (steady_safety_paper_from_locale ("de_DE"), ==, STEADY_SAFETY_PAPER_A4);
  g_assert_cmpint (steady_safety_paper_from_locale ("C.UTF-8"), ==, STEADY_SAFETY_PAPER_A4);
  g_assert_cmpint (steady_safety_paper_from_locale (NULL), ==, STEADY_SAFETY_PAPER_A4);

  g_setenv ("LC_ALL", "", TRUE);
  g_setenv ("LC_PAPER", "en_CA.UTF-8", TRUE);
  g_setenv ("LANG", "en_GB.UTF-8", TRUE);
  g_assert_cmpint (steady_safety_paper_from_environment (), ==, STEADY_SAFETY_PAPER_LETTER);
  g_unsetenv ("LC_PAPER");
  g_assert_cmpint (steady_safety_paper_from_environment (), ==, STEADY_SAFETY_PAPER_A4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/safety-printout/full-page", test_full_page);
  g_test_add_func ("/safety-printout/long-plan-fits-one-page", test_long_plan_fits_one_a4_page);
  g_test_add_func ("/safety-printout/wallet", test_wallet);
  g_test_add_func ("/safety-printout/empty-plan", test_empty_plan);
  g_test_add_func ("/safety-printout/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/safety-printout/paper-from-locale", test_paper_from_locale);

  return g_test_run ();
}
