/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-report-document-private.h: what the parts of the therapist report share — the pen
 * with the data it writes, dates in the report's words, and each part's entry point. */

#pragma once

#include <glib/gi18n.h>

#include "steady-report-data.h"
#include "steady-report-writer.h"

G_BEGIN_DECLS

#define MM            STEADY_REPORT_MM
#define MARGIN_X      STEADY_REPORT_MARGIN_X
#define MARGIN_BOTTOM STEADY_REPORT_MARGIN_BOTTOM
#define BODY_SIZE     STEADY_REPORT_BODY_SIZE
#define SMALL_SIZE    STEADY_REPORT_SMALL_SIZE

/* The pen of steady-report-writer, and what it writes. */
typedef struct
{
  SteadyReportWriter      base;
  const SteadyReportData *data;
} Writer;

/* Short names for the pen's calls the sections make most. */
static inline double
text_width (Writer *w)
{
  return steady_report_writer_get_text_width (&w->base);
}

static inline void
paragraph (Writer     *w,
           const char *markup,
           double      size,
           gboolean    bold,
           double      space_after)
{
  steady_report_writer_paragraph (&w->base, markup, size, bold, space_after);
}

static inline void
paragraph_text (Writer     *w,
                const char *text,
                double      size,
                gboolean    bold,
                double      space_after)
{
  steady_report_writer_text (&w->base, text, size, bold, space_after);
}

static inline void
heading (Writer     *w,
         const char *text,
         double      keep)
{
  steady_report_writer_heading (&w->base, text, keep);
}

/* steady-report-document.c: dates and cells in the report's words */
char       *_steady_report_format_time       (gint64                  time_us,
                                              int                     utc_offset_s,
                                              const char             *format);
char       *_steady_report_format_local_time (gint64                  time_us,
                                              const char             *format);
const char *_steady_report_long_date_format  (void);
const char *_steady_report_entry_time_format (void);
char       *_steady_report_range_text        (const SteadyReportData *data);
char       *_steady_report_escape_or_dash    (const char             *text);
char       *_steady_report_distress_change   (int                     before,
                                              int                     after);

/* steady-report-cover.c: the first page and the charts */
void        _steady_report_write_cover       (Writer                 *w);
void        _steady_report_write_charts      (Writer                 *w);

/* steady-report-sections.c: the tables, one function per section */
gboolean    _steady_report_write_journal     (Writer                 *w,
                                              GError                **error);
gboolean    _steady_report_write_records     (Writer                 *w,
                                              GPtrArray              *records,
                                              const char             *section,
                                              const char             *empty,
                                              GError                **error);
gboolean    _steady_report_write_diary       (Writer                 *w,
                                              GError                **error);
gboolean    _steady_report_write_practice    (Writer                 *w,
                                              GError                **error);
gboolean    _steady_report_write_attendance  (Writer                 *w,
                                              GError                **error);
void        _steady_report_write_safety_plan (Writer                 *w);

G_END_DECLS
