/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-crisis-lines.h: the offline table of emergency numbers and crisis lines by region. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One region's numbers. Strings are untranslated; names go through gettext when shown. */
typedef struct
{
  const char *region;            /* ISO 3166-1 alpha-2 code, or "other" */
  const char *name;              /* region name, marked with N_() */
  const char *emergency_number;  /* NULL where there is no single number to give */
  const char *line_name;         /* crisis line name, marked with N_() */
  const char *line_call;         /* number to call, or NULL */
  const char *line_text;         /* number to text, or NULL */
  const char *line_details;      /* when and how it answers, marked with N_() */
  const char *line_url;          /* its web site, or a directory of helplines */
  const char *last_verified;     /* ISO 8601 date the numbers were last checked */
} SteadyCrisisLine;

const SteadyCrisisLine *steady_crisis_lines_get_all         (guint      *n_lines);
const SteadyCrisisLine *steady_crisis_lines_lookup          (const char *region);
const char             *steady_crisis_region_from_locale    (const char *locale);
const char             *steady_crisis_region_from_environment (void);

G_END_DECLS
