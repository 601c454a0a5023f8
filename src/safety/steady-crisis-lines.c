/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-crisis-lines.c: the offline table of emergency numbers and crisis lines by region.
 *
 * Every entry carries the date its numbers were last verified. Update the date only after
 * checking each number against the service's own public information. */

#define G_LOG_DOMAIN "steady-crisis-lines"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steady-crisis-lines.h"

/* This table is the one place the numbers live: the help dialog, Preferences and the printed
 * safety plan all read it, and tests/core/test-crisis-lines.c checks every entry. It is C,
 * not a data file read at run time, so that the names and details are extracted for
 * translation like every other string, and so that there is nothing to parse, and nothing
 * that can fail to load, on the night someone needs it. */
static const SteadyCrisisLine lines[] = {
  { "US", N_("United States"), "911",
    N_("988 Suicide & Crisis Lifeline"), "988", "988",
    N_("Free and confidential, 24 hours a day. You can also chat on its web site."),
    "https://988lifeline.org", "2026-11-22" },
  { "CA", N_("Canada"), "911",
    N_("988 Suicide Crisis Helpline"), "988", "988",
    N_("Free, 24 hours a day, in English and French."),
    "https://988.ca", "2026-11-22" },
  { "GB", N_("United Kingdom"), "999",
    N_("Samaritans"), "116 123", NULL,
    N_("Free from any phone, 24 hours a day. You do not have to be suicidal to call."),
    "https://www.samaritans.org", "2026-11-22" },
  { "IE", N_("Ireland"), "112",
    N_("Samaritans"), "116 123", NULL,
    N_("Free from any phone, 24 hours a day. You do not have to be suicidal to call."),
    "https://www.samaritans.org/ireland", "2026-11-22" },
  /* Must stay last: the fallback for every other region. */
  { "other", N_("Another country or region"), NULL,
    N_("Find a Helpline"), NULL, NULL,
    N_("A directory of free, confidential crisis lines in many countries."),
    "https://findahelpline.com", "2026-11-22" },
};

const SteadyCrisisLine *
steady_crisis_lines_get_all (guint *n_lines)
{
  g_return_val_if_fail (n_lines != NULL, NULL);

  *n_lines = G_N_ELEMENTS (lines);
  return lines;
}

/* Returns the entry for @region, or the "other" entry when there is none. */
const SteadyCrisisLine *
steady_crisis_lines_lookup (const char *region)
{
  for (guint i = 0; region != NULL && i < G_N_ELEMENTS (lines); i++)
    {
      if (g_ascii_strcasecmp (lines[i].region, region) == 0)
        return &lines[i];
    }
  return &lines[G_N_ELEMENTS (lines) - 1];
}

/* Picks the region from a POSIX locale name such as "en_CA.UTF-8" or "es_US@euro". */
const char *
steady_crisis_region_from_locale (const char *locale)
{
  const char *underscore;
  char territory[3];

  if (locale == NULL || (underscore = strchr (locale, '_')) == NULL)
    return "other";
  if (!g_ascii_isalpha (underscore[1]) || !g_ascii_isalpha (underscore[2]) ||
      g_ascii_isalpha (underscore[3]))
    return "other";

  territory[0] = g_ascii_toupper (underscore[1]);
  territory[1] = g_ascii_toupper (underscore[2]);
  territory[2] = '\0';
  if (strcmp (territory, "UK") == 0)
    return "GB";
  return steady_crisis_lines_lookup (territory)->region;
}

/* The region of the user's messages locale (LC_ALL, LC_MESSAGES, LANG, as GLib reads them). */
const char *
steady_crisis_region_from_environment (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *region = steady_crisis_region_from_locale (names[i]);

      if (strcmp (region, "other") != 0)
        return region;
    }
  return "other";
}
