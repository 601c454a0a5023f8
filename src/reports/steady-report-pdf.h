/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-report-pdf.h: the report for the therapist as a PDF (cairo + pango); the same page
 * drawing serves the preview and printing. */

#pragma once

#include <gio/gio.h>

#include "steady-database.h"
#include "steady-report-common.h"
#include "steady-report-range.h"

G_BEGIN_DECLS

/* What goes into the report. The safety plan is off unless the person ticks it. */
typedef enum
{
  STEADY_REPORT_SECTION_MOOD         = 1 << 0, /* mood chart and summary */
  STEADY_REPORT_SECTION_JOURNAL      = 1 << 1, /* journal entries */
  STEADY_REPORT_SECTION_THOUGHTS     = 1 << 2, /* thought records */
  STEADY_REPORT_SECTION_WORKSHEETS   = 1 << 3,
  STEADY_REPORT_SECTION_DIARY        = 1 << 4, /* diary cards as a week grid */
  STEADY_REPORT_SECTION_PRACTICE     = 1 << 5, /* practice log */
  STEADY_REPORT_SECTION_ATTENDANCE   = 1 << 6,
  STEADY_REPORT_SECTION_SAFETY_PLAN  = 1 << 7,
} SteadyReportSections;

#define STEADY_REPORT_SECTIONS_DEFAULT                                                       \
  (STEADY_REPORT_SECTION_MOOD | STEADY_REPORT_SECTION_JOURNAL |                              \
   STEADY_REPORT_SECTION_THOUGHTS | STEADY_REPORT_SECTION_WORKSHEETS |                       \
   STEADY_REPORT_SECTION_DIARY | STEADY_REPORT_SECTION_PRACTICE |                            \
   STEADY_REPORT_SECTION_ATTENDANCE)

typedef enum
{
  STEADY_REPORT_PAPER_FROM_LOCALE,
  STEADY_REPORT_PAPER_A4,
  STEADY_REPORT_PAPER_LETTER,
} SteadyReportPaper;

/* How much of each journal note goes in: a month of long notes runs to dozens of pages. */
typedef enum
{
  STEADY_REPORT_NOTES_SHORT, /* the first STEADY_REPORT_NOTE_LINES lines, then "…" */
  STEADY_REPORT_NOTES_FULL,  /* every word */
  STEADY_REPORT_NOTES_NONE,  /* no note text: mood, feelings, activities and sleep only */
} SteadyReportNotes;

#define STEADY_REPORT_NOTE_LINES 3

typedef struct
{
  SteadyReportSections  sections;
  SteadyReportNotes     notes;
  SteadyReportPaper     paper;
  const char           *crisis_region; /* the safety plan's crisis line; NULL: the locale's */
} SteadyReportOptions;

void     steady_report_options_init_default (SteadyReportOptions        *options);
gboolean steady_report_notes_from_id        (const char                 *id,
                                             SteadyReportNotes          *out_notes);
const char *steady_report_notes_to_id       (SteadyReportNotes           notes);

gboolean steady_report_pdf_export           (SteadyDatabase             *database,
                                             const SteadyReportRange    *range,
                                             const SteadyReportOptions  *options,
                                             const char                 *path,
                                             GCancellable               *cancellable,
                                             SteadyReportProgressFunc    progress,
                                             gpointer                    user_data,
                                             GError                    **error);

G_END_DECLS
