/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-report-document.h: the therapist report laid out into pages once, kept as cairo
 * recordings, so the PDF, the printed pages and the preview are the same drawing. */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "steady-report-common.h"
#include "steady-report-data.h"
#include "steady-report-pdf.h"

G_BEGIN_DECLS

typedef struct _SteadyReportDocument SteadyReportDocument;

void                  steady_report_paper_get_size         (SteadyReportPaper         paper,
                                                            double                   *width_pt,
                                                            double                   *height_pt);

SteadyReportDocument *steady_report_document_new           (const SteadyReportData   *data,
                                                            double                    width_pt,
                                                            double                    height_pt,
                                                            GCancellable             *cancellable,
                                                            SteadyReportProgressFunc  progress,
                                                            gpointer                  user_data,
                                                            GError                  **error);
guint                 steady_report_document_get_n_pages   (SteadyReportDocument     *self);
void                  steady_report_document_get_size      (SteadyReportDocument     *self,
                                                            double                   *width_pt,
                                                            double                   *height_pt);
void                  steady_report_document_draw_page     (SteadyReportDocument     *self,
                                                            cairo_t                  *cr,
                                                            guint                     page);
GBytes               *steady_report_document_to_pdf        (SteadyReportDocument     *self,
                                                            GCancellable             *cancellable,
                                                            SteadyReportProgressFunc  progress,
                                                            gpointer                  user_data,
                                                            GError                  **error);
gboolean              steady_report_document_write_pdf     (SteadyReportDocument     *self,
                                                            const char               *path,
                                                            GCancellable             *cancellable,
                                                            SteadyReportProgressFunc  progress,
                                                            gpointer                  user_data,
                                                            GError                  **error);
void                  steady_report_document_free          (SteadyReportDocument     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyReportDocument, steady_report_document_free)

G_END_DECLS
