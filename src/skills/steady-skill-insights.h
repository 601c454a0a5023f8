/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-insights.h: "what helps me": which skills and exercises lowered this person's
 * distress most, from their own before and after ratings. */

#pragma once

#include "steady-database.h"

G_BEGIN_DECLS

/* Below this many uses with both ratings, an average says nothing yet. */
#define STEADY_SKILL_INSIGHTS_MIN_USES 3

typedef enum
{
  STEADY_HELP_SOURCE_EXERCISE, /* a thought record or worksheet (steady-skill-kind.h id) */
  STEADY_HELP_SOURCE_SKILL,    /* a library skill logged with "I used this" */
  STEADY_HELP_SOURCE_PRACTICE, /* the breathing pacer or mindfulness timer (practice_log) */
} SteadyHelpSource;

typedef struct
{
  SteadyHelpSource  source;
  char             *id;           /* kind id, skill id, or "breathing" / "mindfulness" */
  char             *label;        /* translated name */
  guint             n_uses;       /* uses with both ratings */
  double            mean_change;  /* mean of before − after: positive when distress eased */
} SteadyHelpItem;

/* How often something was used, for putting the person's own favourites first. */
typedef struct
{
  SteadyHelpSource  source;
  char             *id;
  char             *label;
  guint             n_uses;
  gint64            last_us;      /* the latest use, UTC microseconds */
} SteadyUsageItem;

char      *steady_help_source_dup_label         (SteadyHelpSource  source,
                                                 const char       *id);
void       steady_help_item_free                (SteadyHelpItem  *item);
GPtrArray *steady_skill_insights_what_helps     (SteadyDatabase  *database,
                                                 guint            min_uses,
                                                 GError         **error);
void       steady_usage_item_free               (SteadyUsageItem *item);
GPtrArray *steady_skill_insights_most_used      (SteadyDatabase  *database,
                                                 gint64           since_us,
                                                 GError         **error);

G_END_DECLS
