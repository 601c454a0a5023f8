/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-report-writer.h: the report's pen — pages as cairo recording surfaces, paragraphs,
 * headings, and tables that break only between rows. Used by steady-report-document. */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "steady-report-common.h"

G_BEGIN_DECLS

#define STEADY_REPORT_MM            (72.0 / 25.4)
#define STEADY_REPORT_MARGIN_X      (18 * STEADY_REPORT_MM)
#define STEADY_REPORT_MARGIN_TOP    (18 * STEADY_REPORT_MM)
#define STEADY_REPORT_MARGIN_BOTTOM (22 * STEADY_REPORT_MM)
#define STEADY_REPORT_BODY_SIZE     9.5
#define STEADY_REPORT_SMALL_SIZE    8.0
#define STEADY_REPORT_MAX_COLUMNS   9

/* Where the next thing goes, and the page it goes on. */
typedef struct
{
  double                    width;      /* the paper, in points */
  double                    height;
  GPtrArray                *pages;      /* cairo recording surfaces, one per page */
  PangoContext             *context;
  cairo_t                  *cr;         /* drawing on the last page */
  double                    y;          /* the top of what comes next */
  GCancellable             *cancellable;
  SteadyReportProgressFunc  progress;   /* told up to 0.9 as rows are written */
  gpointer                  user_data;
  guint                     n_rows;     /* how many steps the whole report has */
  guint                     rows_done;
} SteadyReportWriter;

typedef struct
{
  guint     n_columns;
  double    widths[STEADY_REPORT_MAX_COLUMNS];
  char     *titles[STEADY_REPORT_MAX_COLUMNS];   /* markup */
  gboolean  numeric[STEADY_REPORT_MAX_COLUMNS];  /* centred */
  guint     max_lines[STEADY_REPORT_MAX_COLUMNS]; /* 0: all; else cut with "…" after so many */
} SteadyReportTable;

void         steady_report_writer_init           (SteadyReportWriter       *w,
                                                  double                    width,
                                                  double                    height,
                                                  GCancellable             *cancellable,
                                                  SteadyReportProgressFunc  progress,
                                                  gpointer                  user_data);
GPtrArray   *steady_report_writer_finish         (SteadyReportWriter       *w);
void         steady_report_writer_clear          (SteadyReportWriter       *w);

PangoLayout *steady_report_writer_layout         (SteadyReportWriter       *w,
                                                  const char               *markup,
                                                  double                    size,
                                                  gboolean                  bold,
                                                  double                    width);
double       steady_report_layout_height         (PangoLayout              *layout);
void         steady_report_show_layout           (cairo_t                  *cr,
                                                  PangoLayout              *layout,
                                                  double                    x,
                                                  double                    y);
double       steady_report_writer_get_text_width (SteadyReportWriter       *w);
void         steady_report_writer_new_page       (SteadyReportWriter       *w);
void         steady_report_writer_ensure         (SteadyReportWriter       *w,
                                                  double                    height);
gboolean     steady_report_writer_step           (SteadyReportWriter       *w,
                                                  GError                  **error);
void         steady_report_writer_paragraph      (SteadyReportWriter       *w,
                                                  const char               *markup,
                                                  double                    size,
                                                  gboolean                  bold,
                                                  double                    space_after);
void         steady_report_writer_text           (SteadyReportWriter       *w,
                                                  const char               *text,
                                                  double                    size,
                                                  gboolean                  bold,
                                                  double                    space_after);
void         steady_report_writer_heading        (SteadyReportWriter       *w,
                                                  const char               *text,
                                                  double                    keep);

void         steady_report_table_init            (SteadyReportTable        *table,
                                                  SteadyReportWriter       *w,
                                                  const char * const       *titles,
                                                  const double             *weights,
                                                  guint                     n_columns);
void         steady_report_table_clear           (SteadyReportTable        *table);
void         steady_report_table_header          (SteadyReportWriter       *w,
                                                  SteadyReportTable        *table);
void         steady_report_table_row             (SteadyReportWriter       *w,
                                                  SteadyReportTable        *table,
                                                  char * const             *cells,
                                                  gboolean                  shaded);
gboolean     steady_report_table_add_row         (SteadyReportWriter       *w,
                                                  SteadyReportTable        *table,
                                                  char                    **cells,
                                                  gboolean                  shaded,
                                                  GError                  **error);
void         steady_report_table_keep_together   (SteadyReportWriter       *w,
                                                  SteadyReportTable        *table,
                                                  GPtrArray                *rows);
void         steady_report_table_begin           (SteadyReportWriter       *w,
                                                  SteadyReportTable        *table,
                                                  const char               *heading);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SteadyReportTable, steady_report_table_clear)

G_END_DECLS
