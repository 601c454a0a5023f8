/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-crisis-lines.c: the offline crisis line table — every entry usable and dated, and
 * the region a user's locale leads to. */

#define G_LOG_DOMAIN "steady-test-crisis-lines"

#include "config.h"

#include <string.h>

#include "steady-crisis-lines.h"

static gboolean
is_phone_number (const char *number)
{
  if (number == NULL || *number == '\0' || !g_ascii_isdigit (*number))
    return FALSE;
  for (const char *c = number; *c != '\0'; c++)
    {
      if (!g_ascii_isdigit (*c) && *c != ' ')
        return FALSE;
    }
  return TRUE;
}

/* Parses an ISO 8601 calendar date (YYYY-MM-DD) and checks it is a real day. */
static GDateTime *
parse_iso_date (const char *text)
{
  g_autofree char *midnight = NULL;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return NULL;
  midnight = g_strconcat (text, "T00:00:00Z", NULL);
  return g_date_time_new_from_iso8601 (midnight, NULL);
}

static void
test_every_entry_usable (void)
{
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autoptr(GHashTable) regions = g_hash_table_new (g_str_hash, g_str_equal);
  const SteadyCrisisLine *lines;
  guint n_lines = 0;

  /* Tomorrow in UTC: a date verified "today" somewhere east of UTC is not in the future. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    tomorrow = g_date_time_add_days (now, 1);
  }

  lines = steady_crisis_lines_get_all (&n_lines);
  g_assert_cmpuint (n_lines, >=, 5);

  for (guint i = 0; i < n_lines; i++)
    {
      const SteadyCrisisLine *line = &lines[i];
      g_autoptr(GDateTime) verified = NULL;

      g_test_message ("%s: %s", line->region, line->line_name);

      /* A region code (ISO 3166-1 alpha-2, or the fallback), each once. */
      g_assert_nonnull (line->region);
      g_assert_true (g_str_equal (line->region, "other") ||
                     (strlen (line->region) == 2 && g_ascii_isupper (line->region[0]) &&
                      g_ascii_isupper (line->region[1])));
      g_assert_false (g_hash_table_contains (regions, line->region));
      g_hash_table_add (regions, (gpointer)line->region);

      g_assert_nonnull (line->name);
      g_assert_cmpstr (line->name, !=, "");
      g_assert_nonnull (line->line_name);
      g_assert_cmpstr (line->line_name, !=, "");
      /* When and how the line answers, so nobody calls expecting what is not there. */
      g_assert_nonnull (line->line_details);
      g_assert_cmpstr (line->line_details, !=, "");

      /* Something the user can do right now: a number to call, or a page to open. */
      g_assert_true (line->line_call != NULL || line->line_url != NULL);
      if (line->line_call != NULL)
        g_assert_true (is_phone_number (line->line_call));
      if (line->line_text != NULL)
        g_assert_true (is_phone_number (line->line_text));
      if (line->emergency_number != NULL)
        g_assert_true (is_phone_number (line->emergency_number));
      if (line->line_url != NULL)
        g_assert_true (g_str_has_prefix (line->line_url, "https://"));

      verified = parse_iso_date (line->last_verified);
      g_assert_nonnull (verified);
      g_assert_cmpint (g_date_time_compare (verified, tomorrow), <, 0);
    }

  /* The fallback is there, last, and points somewhere that covers every country. */
  g_assert_cmpstr (lines[n_lines - 1].region, ==, "other");
  g_assert_nonnull (lines[n_lines - 1].line_url);

  /* The regions CONTENT.md names, with their numbers. */
  g_assert_cmpstr (steady_crisis_lines_lookup ("US")->line_call, ==, "988");
  g_assert_cmpstr (steady_crisis_lines_lookup ("US")->line_text, ==, "988");
  g_assert_cmpstr (steady_crisis_lines_lookup ("CA")->line_call, ==, "988");
  g_assert_cmpstr (steady_crisis_lines_lookup ("CA")->line_text, ==, "988");
  g_assert_cmpstr (steady_crisis_lines_lookup ("GB")->line_call, ==, "116 123");
  g_assert_cmpstr (steady_crisis_lines_lookup ("IE")->line_call, ==, "116 123");
  g_assert_cmpstr (steady_crisis_lines_lookup ("other")->line_url, ==,
                   "https://findahelpline.com");
}

static void
test_parse_iso_date_rejects (void)
{
  static const char * const bad[] = { "", "2026-13-01", "2026-02-30", "22/11/2026",
                                      "2026-1-5", "2026-11-22T10:00:00Z" };
  g_autoptr(GDateTime) good = parse_iso_date ("2024-02-29");

  /* The checker above must be able to say no, or the dates test proves nothing. */
  g_assert_nonnull (good);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GDateTime) parsed = parse_iso_date (bad[i]);

      g_assert_null (parsed);
    }
}

static void
test_region_from_locale (void)
{
  static const struct
  {
    const char *locale;
    const char *region;
  } cases[] = {
    { "en_US.UTF-8", "US" },
    { "es_US.UTF-8", "US" },
    { "en_US", "US" },
    { "fr_CA", "CA" },
    { "fr_CA.UTF-8", "CA" },
    { "en_CA@euro", "CA" },
    { "en_GB", "GB" },
    { "en_GB.UTF-8", "GB" },
    { "en_IE@euro", "IE" },
    { "ga_IE.UTF-8", "IE" },
    { "de_DE", "other" },
    { "es_MX.UTF-8", "other" },
    { "en", "other" },
    { "C", "other" },
    { "C.UTF-8", "other" },
    { "POSIX", "other" },
    { "", "other" },
    { "en_USA", "other" },
    { "en_U", "other" },
    { NULL, "other" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].locale != NULL ? cases[i].locale : "(null)");
      g_assert_cmpstr (steady_crisis_region_from_locale (cases[i].locale), ==,
                       cases[i].region);
    }
}

static void
test_region_from_environment (void)
{
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("LC_MESSAGES");
  g_unsetenv ("LANG");

  g_setenv ("LC_ALL", "fr_CA.UTF-8", TRUE);
  g_assert_cmpstr (steady_crisis_region_from_environment (), ==, "CA");
  g_setenv ("LC_ALL", "es_US.UTF-8", TRUE);
  g_assert_cmpstr (steady_crisis_region_from_environment (), ==, "US");
  g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  g_assert_cmpstr (steady_crisis_region_from_environment (), ==, "other");
  g_setenv ("LC_ALL", "C", TRUE);
  g_assert_cmpstr (steady_crisis_region_from_environment (), ==, "other");
  g_unsetenv ("LC_ALL");
}

static void
test_lookup (void)
{
  const SteadyCrisisLine *other = steady_crisis_lines_lookup ("other");

  g_assert_cmpstr (other->region, ==, "other");
  g_assert_cmpstr (steady_crisis_lines_lookup ("US")->region, ==, "US");
  g_assert_cmpstr (steady_crisis_lines_lookup ("us")->region, ==, "US");
  g_assert_cmpstr (steady_crisis_lines_lookup ("IE")->region, ==, "IE");
  g_assert_true (steady_crisis_lines_lookup ("XX") == other);
  g_assert_true (steady_crisis_lines_lookup ("DE") == other);
  g_assert_true (steady_crisis_lines_lookup ("") == other);
  g_assert_true (steady_crisis_lines_lookup (NULL) == other);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crisis-lines/every-entry-usable", test_every_entry_usable);
  g_test_add_func ("/crisis-lines/date-check-rejects", test_parse_iso_date_rejects);
  g_test_add_func ("/crisis-lines/region-from-locale", test_region_from_locale);
  g_test_add_func ("/crisis-lines/region-from-environment", test_region_from_environment);
  g_test_add_func ("/crisis-lines/lookup", test_lookup);

  return g_test_run ();
}
