/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-practice-record.h: one practice in the log: what was practised, for how long, and
 * how distressed the person felt before and after. */

#pragma once

#include <glib-object.h>

#include "steady-breathing-pattern.h"

G_BEGIN_DECLS

typedef enum
{
  STEADY_PRACTICE_KIND_BREATHING,
  STEADY_PRACTICE_KIND_MINDFULNESS,
} SteadyPracticeKind;

#define STEADY_TYPE_PRACTICE_KIND (steady_practice_kind_get_type ())
GType steady_practice_kind_get_type (void);

/* Distress is rated 0–10; this marks a rating the person skipped. */
#define STEADY_PRACTICE_NO_DISTRESS (-1)

/* Offsets from UTC span UTC-12 to UTC+14 today; this bound leaves room for the past. */
#define STEADY_PRACTICE_MAX_UTC_OFFSET_S (18 * 60 * 60)
#define STEADY_PRACTICE_MAX_LENGTH_US    (G_GINT64_CONSTANT (24) * 60 * 60 * G_USEC_PER_SEC)

#define STEADY_TYPE_PRACTICE_RECORD (steady_practice_record_get_type ())

typedef struct
{
  char               *uuid;
  SteadyPracticeKind  kind;
  /* Breathing only: the pattern as it was, so later edits to it do not rewrite history. */
  SteadyBreathingPattern *pattern;
  /* Planned length; 0 for an open-ended sit. planned_cycles is set when the length was
   * chosen in breaths rather than minutes, and 0 otherwise. */
  gint64              planned_us;
  guint               planned_cycles;
  /* Time actually practised: pauses and the preparation countdown not counted. */
  gint64              actual_us;
  /* When it began, as UTC microseconds and the offset from UTC the person was in, so the
   * practice keeps the local day it happened on. */
  gint64              started_at_us;
  int                 utc_offset_s;
  /* 0–10, or STEADY_PRACTICE_NO_DISTRESS when skipped. */
  int                 distress_before;
  int                 distress_after;
  /* TRUE when it ran to its planned end (an open-ended sit: when it was ended normally). */
  gboolean            completed;
  /* Set by the store. */
  gint64              created_us;
  gint64              updated_us;
} SteadyPracticeRecord;

GType                 steady_practice_record_get_type     (void) G_GNUC_CONST;
SteadyPracticeRecord *steady_practice_record_new          (SteadyPracticeKind           kind);
SteadyPracticeRecord *steady_practice_record_copy         (const SteadyPracticeRecord  *self);
void                  steady_practice_record_free         (SteadyPracticeRecord        *self);
void                  steady_practice_record_set_started_at (SteadyPracticeRecord      *self,
                                                           GDateTime                 *started_at);
GDateTime            *steady_practice_record_get_started_at (const SteadyPracticeRecord *self);
gboolean              steady_practice_record_validate     (const SteadyPracticeRecord  *self,
                                                           GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyPracticeRecord, steady_practice_record_free)

G_END_DECLS
