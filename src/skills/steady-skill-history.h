/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-history.h: one list of everything done on the Skills page — thought records,
 * worksheets, diary cards, "I used this" logs and practices — newest first. */

#pragma once

#include "steady-database.h"
#include "steady-skill-kind.h"

G_BEGIN_DECLS

/* The first values are those of SteadySkillKind. */
typedef enum
{
  STEADY_HISTORY_DIARY_CARD = STEADY_N_SKILL_KINDS,
  STEADY_HISTORY_SKILL_USE,
  STEADY_HISTORY_PRACTICE,
  STEADY_N_HISTORY_KINDS
} SteadyHistoryKind;

#define STEADY_HISTORY_MASK(kind) (1u << (kind))
#define STEADY_HISTORY_MASK_ALL   ((1u << STEADY_N_HISTORY_KINDS) - 1)

typedef struct
{
  int       kind;          /* a SteadySkillKind or SteadyHistoryKind */
  char     *uuid;
  gint64    time_us;       /* for a diary card, the start of its local day */
  int       utc_offset_s;
  gboolean  private_;
  char     *detail;        /* a record's first line, the skill id, or the practice kind */
  char     *snippet;       /* when searching: the matching words in context, marked with
                            * STEADY_JOURNAL_MATCH_OPEN/_CLOSE (steady-journal-search.h) */
} SteadyHistoryItem;

void       steady_history_item_free     (SteadyHistoryItem        *item);
GPtrArray *steady_skill_history_list    (SteadyDatabase           *database,
                                         guint                     kinds,
                                         const char               *text,
                                         const SteadyHistoryItem  *after,
                                         guint                     limit,
                                         GError                  **error);

G_END_DECLS
