/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-diary-store.h: the DBT-informed diary card: the person's own targets, one card per
 * local day, "I used this" skill logs, and the week laid out as a group reviews it. */

#pragma once

#include <glib-object.h>

#include "steady-database.h"

G_BEGIN_DECLS

/* Drafts of a card being filled in live in SteadyDraftStore under this kind, with the local
 * day in decimal (steady_journal_day_from_time ()) as the key. */
#define STEADY_DIARY_CARD_DRAFT_KIND "diary-card"

#define STEADY_DIARY_EMOTION_MAX  5
#define STEADY_DIARY_URGE_MAX     5
#define STEADY_DIARY_DISTRESS_MAX 10

/* Not rated (distress, acted on an urge, a cell of the week). */
#define STEADY_DIARY_NONE (-1)

typedef enum
{
  STEADY_DIARY_TARGET_EMOTION,
  STEADY_DIARY_TARGET_URGE,
} SteadyDiaryTargetKind;

typedef struct
{
  char                  *uuid;
  SteadyDiaryTargetKind  kind;
  char                  *name;
  gboolean               archived;
} SteadyDiaryTarget;

/* One row of a card: a target rated 0–5; acted is 0/1 for urges, STEADY_DIARY_NONE else. */
typedef struct
{
  char target_uuid[37];
  int  rating;
  int  acted;
} SteadyDiaryRating;

/* A skill of the library (steady-skills-library.h) rated on the 0–7 scale. */
typedef struct
{
  char skill[65];
  int  rating;
} SteadyDiarySkillRating;

typedef struct
{
  char     *uuid;
  int       local_day;
  int       utc_offset_s;
  int       distress;    /* 0–10 or STEADY_DIARY_NONE */
  gboolean  private_;
  gint64    created_us;  /* 0 for a card not saved yet */
  gint64    updated_us;
  GArray   *ratings;     /* SteadyDiaryRating */
  GArray   *skills;      /* SteadyDiarySkillRating */
} SteadyDiaryCard;

typedef enum
{
  STEADY_DIARY_ROW_EMOTION,
  STEADY_DIARY_ROW_URGE,
  STEADY_DIARY_ROW_ACTED,    /* the urge of the row above: 1 acted, 0 did not */
  STEADY_DIARY_ROW_DISTRESS,
  STEADY_DIARY_ROW_SKILL,
} SteadyDiaryRowKind;

typedef struct
{
  SteadyDiaryRowKind  kind;
  char               *id;        /* target UUID, skill id, or NULL for distress */
  char               *label;     /* the target's name, the skill's translated name, … */
  int                 values[7]; /* Monday first if first_day is a Monday; NONE when empty */
} SteadyDiaryWeekRow;

typedef struct
{
  int        first_day;
  gboolean   has_card[7];
  GPtrArray *rows;               /* SteadyDiaryWeekRow */
} SteadyDiaryWeek;

/* One "I used this", as logged. */
typedef struct
{
  char   *uuid;
  char   *skill;
  gint64  time_us;
  int     utc_offset_s;
  int     rating;           /* 0–7 */
  int     distress_before;  /* 0–10 or STEADY_DIARY_NONE */
  int     distress_after;
  gint64  created_us;
} SteadySkillUse;

void               steady_skill_use_free         (SteadySkillUse     *use);
void               steady_diary_target_free      (SteadyDiaryTarget  *target);
SteadyDiaryCard   *steady_diary_card_new         (int                 local_day,
                                                  int                 utc_offset_s);
void               steady_diary_card_free        (SteadyDiaryCard    *card);
void               steady_diary_card_set_rating  (SteadyDiaryCard    *card,
                                                  const char         *target_uuid,
                                                  int                 rating,
                                                  int                 acted);
void               steady_diary_card_set_skill   (SteadyDiaryCard    *card,
                                                  const char         *skill,
                                                  int                 rating);
void               steady_diary_week_free        (SteadyDiaryWeek    *week);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyDiaryTarget, steady_diary_target_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyDiaryCard, steady_diary_card_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyDiaryWeek, steady_diary_week_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadySkillUse, steady_skill_use_free)

#define STEADY_TYPE_DIARY_STORE (steady_diary_store_get_type ())
G_DECLARE_FINAL_TYPE (SteadyDiaryStore, steady_diary_store, STEADY, DIARY_STORE, GObject)

SteadyDiaryStore  *steady_diary_store_new            (SteadyDatabase         *database);
GPtrArray         *steady_diary_store_list_targets   (SteadyDiaryStore       *self,
                                                      gboolean                with_archived,
                                                      GError                **error);
SteadyDiaryTarget *steady_diary_store_add_target     (SteadyDiaryStore       *self,
                                                      SteadyDiaryTargetKind   kind,
                                                      const char             *name,
                                                      GError                **error);
gboolean           steady_diary_store_add_starter_targets (SteadyDiaryStore  *self,
                                                           GError           **error);
gboolean           steady_diary_store_rename_target  (SteadyDiaryStore       *self,
                                                      const char             *uuid,
                                                      const char             *name,
                                                      GError                **error);
gboolean           steady_diary_store_archive_target (SteadyDiaryStore       *self,
                                                      const char             *uuid,
                                                      GError                **error);
SteadyDiaryCard   *steady_diary_store_load_card      (SteadyDiaryStore       *self,
                                                      int                     local_day,
                                                      int                     utc_offset_s,
                                                      GError                **error);
gboolean           steady_diary_store_save_card      (SteadyDiaryStore       *self,
                                                      SteadyDiaryCard        *card,
                                                      GError                **error);
SteadyDiaryCard   *steady_diary_store_delete_card    (SteadyDiaryStore       *self,
                                                      int                     local_day,
                                                      GError                **error);
char              *steady_diary_store_log_skill_use  (SteadyDiaryStore       *self,
                                                      const char             *skill,
                                                      int                     rating,
                                                      int                     distress_before,
                                                      int                     distress_after,
                                                      gint64                  time_us,
                                                      int                     utc_offset_s,
                                                      GError                **error);
SteadySkillUse    *steady_diary_store_delete_skill_use  (SteadyDiaryStore    *self,
                                                         const char          *uuid,
                                                         GError             **error);
gboolean           steady_diary_store_restore_skill_use (SteadyDiaryStore    *self,
                                                         const SteadySkillUse *use,
                                                         GError             **error);
gboolean           steady_diary_store_get_card_span  (SteadyDiaryStore       *self,
                                                      int                     from_day,
                                                      int                     to_day,
                                                      int                    *first_out,
                                                      int                    *last_out,
                                                      GError                **error);
SteadyDiaryWeek   *steady_diary_store_get_week       (SteadyDiaryStore       *self,
                                                      int                     first_day,
                                                      GError                **error);

G_END_DECLS
