/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-practice-store.h: the practice log in the database: add, read, change and delete
 * practices, and total the minutes practised per week. */

#pragma once

#include <glib-object.h>

#include "steady-database.h"
#include "steady-practice-record.h"

G_BEGIN_DECLS

/* The practice of one week, Monday to Sunday in the person's local days. */
typedef struct
{
  GDate  monday;
  gint64 practised_us;
  guint  minutes;      /* practised_us rounded to the nearest minute */
  guint  n_practices;
} SteadyPracticeWeek;

/* A pattern of the person's own as its row was, so that undoing its deletion puts back the very
 * row: its times, and its row number while that is still free. */
typedef struct
{
  SteadyBreathingPattern *pattern;
  gint64                  row_id;
  gint64                  created_us;
  gint64                  updated_us;
} SteadyPracticeStoredPattern;

void steady_practice_stored_pattern_free (SteadyPracticeStoredPattern *stored);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyPracticeStoredPattern, steady_practice_stored_pattern_free)

#define STEADY_TYPE_PRACTICE_STORE (steady_practice_store_get_type ())
G_DECLARE_FINAL_TYPE (SteadyPracticeStore, steady_practice_store, STEADY, PRACTICE_STORE, GObject)

SteadyPracticeStore  *steady_practice_store_new          (SteadyDatabase        *database);

gboolean              steady_practice_store_add          (SteadyPracticeStore   *self,
                                                          SteadyPracticeRecord  *record,
                                                          GError               **error);
gboolean              steady_practice_store_update       (SteadyPracticeStore   *self,
                                                          SteadyPracticeRecord  *record,
                                                          GError               **error);
gboolean              steady_practice_store_delete       (SteadyPracticeStore   *self,
                                                          const char            *uuid,
                                                          GError               **error);
SteadyPracticeRecord *steady_practice_store_lookup       (SteadyPracticeStore   *self,
                                                          const char            *uuid,
                                                          GError               **error);
GPtrArray            *steady_practice_store_list_range   (SteadyPracticeStore   *self,
                                                          gint64                 from_us,
                                                          gint64                 until_us,
                                                          GError               **error);
GArray               *steady_practice_store_list_weeks   (SteadyPracticeStore   *self,
                                                          const GDate           *first_day,
                                                          const GDate           *last_day,
                                                          GError               **error);

GPtrArray            *steady_practice_store_list_patterns  (SteadyPracticeStore          *self,
                                                            GError                      **error);
gboolean              steady_practice_store_save_pattern   (SteadyPracticeStore          *self,
                                                            const SteadyBreathingPattern *pattern,
                                                            GError                      **error);
gboolean              steady_practice_store_delete_pattern (SteadyPracticeStore          *self,
                                                            const char                   *name,
                                                            GError                      **error);
SteadyPracticeStoredPattern *steady_practice_store_take_pattern
                                                           (SteadyPracticeStore          *self,
                                                            const char                   *name,
                                                            GError                      **error);
gboolean              steady_practice_store_put_back_pattern
                                                   (SteadyPracticeStore                *self,
                                                    const SteadyPracticeStoredPattern  *stored,
                                                    GError                            **error);

G_END_DECLS
