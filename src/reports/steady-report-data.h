/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-report-data.h: what goes into the therapist report for a range and a choice of
 * sections, read from the stores, with private items left out and counted. */

#pragma once

#include <gio/gio.h>

#include "steady-crisis-lines.h"
#include "steady-database.h"
#include "steady-diary-store.h"
#include "steady-journal-store.h"
#include "steady-report-pdf.h"
#include "steady-report-range.h"
#include "steady-skill-insights.h"
#include "steady-skill-record.h"

G_BEGIN_DECLS

/* One practice of a skill, a breathing or a mindfulness session, for the practice log. */
typedef struct
{
  SteadyHelpSource  source; /* STEADY_HELP_SOURCE_SKILL or _PRACTICE */
  char             *id;     /* the skill's id, or "breathing" / "mindfulness" */
  gint64  time_us;
  int     utc_offset_s;
  char   *label;            /* the skill's or the practice's name, translated */
  gint64  length_us;        /* 0 when not timed */
  int     distress_before;  /* 0–10, or -1 when not rated */
  int     distress_after;
} SteadyReportPractice;

/* One planned session in the range and whether it was attended. */
typedef struct
{
  gint64  start_us;
  char   *title;
  char   *clinician;        /* or NULL */
  int     attendance;       /* a SteadyAttendance */
  gboolean cancelled;       /* cancelled in the calendar */
} SteadyReportSession;

typedef struct
{
  SteadyReportRange       range;
  SteadyReportSections    sections;
  SteadyReportNotes       notes;               /* how much of each note to print */
  int                     first_day;           /* local days of the range, inclusive */
  int                     last_day;

  GPtrArray              *entries;             /* SteadyMoodEntry, shared only, oldest first */
  GArray                 *days;                /* SteadyDaySummary of the shared entries */
  GArray                 *previous_days;       /* the same length of time just before */
  GPtrArray              *emotions;            /* SteadyEmotionCount, most felt first */
  GArray                 *sleep;               /* SteadySleepMood of the shared entries */
  GPtrArray              *thought_records;     /* SteadySkillRecord, shared, oldest first */
  GPtrArray              *worksheets;          /* SteadySkillRecord, other exercises */
  GPtrArray              *diary_weeks;         /* SteadyDiaryWeek, private days emptied */
  GPtrArray              *practices;           /* SteadyReportPractice, oldest first */
  GPtrArray              *sessions;            /* SteadyReportSession, oldest first */
  GPtrArray              *what_helps;          /* SteadyHelpItem, in the range, most help first */
  guint                   n_rated_uses;        /* uses in the range rated before and after */
  GPtrArray              *safety_items;        /* SteadySafetyItem, when the plan is included */
  const SteadyCrisisLine *crisis_line;         /* printed on the plan; the locale's unless set */

  guint                   n_private_entries;
  guint                   n_private_records;
  guint                   n_private_cards;
  guint                   n_sessions_attended;
  guint                   n_sessions_past;     /* sessions that have happened, not cancelled */
  guint                   n_skills_practised;  /* distinct skills, exercises and practices */
} SteadyReportData;

SteadyReportData *steady_report_data_gather         (SteadyDatabase           *database,
                                                     const SteadyReportRange  *range,
                                                     SteadyReportSections      sections,
                                                     GCancellable             *cancellable,
                                                     GError                  **error);
GPtrArray        *steady_report_data_read_entries   (SteadyJournalStore       *store,
                                                     gint64                    from_us,
                                                     gint64                    to_us,
                                                     guint                    *n_private,
                                                     GCancellable             *cancellable,
                                                     GError                  **error);
guint             steady_report_data_get_n_private  (const SteadyReportData   *data);
double            steady_report_data_get_mean_mood  (const SteadyReportData   *data);
void              steady_report_data_free           (SteadyReportData         *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyReportData, steady_report_data_free)

G_END_DECLS
