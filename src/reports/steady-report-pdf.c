/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-report-pdf.c: writes the therapist report as a PDF: gathers what goes in, lays it
 * out (steady-report-document) and writes the file privately and atomically. */

#define G_LOG_DOMAIN "steady-report-pdf"

#include "config.h"

#include "steady-crisis-lines.h"
#include "steady-report-data.h"
#include "steady-report-document.h"
#include "steady-report-pdf.h"

/* Everything shareable, on the paper of the user's locale; the safety plan stays out. */
void
steady_report_options_init_default (SteadyReportOptions *options)
{
  g_return_if_fail (options != NULL);

  options->sections = STEADY_REPORT_SECTIONS_DEFAULT;
  options->notes = STEADY_REPORT_NOTES_SHORT;
  options->paper = STEADY_REPORT_PAPER_FROM_LOCALE;
  options->crisis_region = NULL;
}

static const char * const notes_ids[] = {
  [STEADY_REPORT_NOTES_SHORT] = "short",
  [STEADY_REPORT_NOTES_FULL] = "full",
  [STEADY_REPORT_NOTES_NONE] = "none",
};

/* "full", "short" or "none", as the command line takes them. */
gboolean
steady_report_notes_from_id (const char        *id,
                             SteadyReportNotes *out_notes)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (notes_ids); i++)
    {
      if (g_str_equal (id, notes_ids[i]))
        {
          if (out_notes != NULL)
            *out_notes = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
steady_report_notes_to_id (SteadyReportNotes notes)
{
  g_return_val_if_fail (notes < G_N_ELEMENTS (notes_ids), NULL);

  return notes_ids[notes];
}

typedef struct
{
  SteadyReportProgressFunc progress;
  gpointer                 user_data;
  double                   base;
  double                   share;
} Progress;

/* Each step reports its own 0–1; the whole export maps it into its share of the work. */
static void
scaled_progress_cb (double   fraction,
                    gpointer user_data)
{
  Progress *progress = user_data;

  steady_report_progress (progress->progress, progress->user_data,
                          progress->base + fraction * progress->share);
}

/**
 * steady_report_pdf_export:
 * @range: the half-open range of the report
 * @options: (nullable): what goes in and on which paper; %NULL for everything shareable
 * @path: where the person chose to save it; replaced only once the new file is complete
 * @progress: (nullable): told how far the work has gone, from the calling thread
 *
 * Writes the report for the therapist. Private entries, records and diary cards are left out.
 * The file is readable by its owner only (0600); when cancelled or failing, nothing is left
 * at @path or beside it.
 */
gboolean
steady_report_pdf_export (SteadyDatabase             *database,
                          const SteadyReportRange    *range,
                          const SteadyReportOptions  *options,
                          const char                 *path,
                          GCancellable               *cancellable,
                          SteadyReportProgressFunc    progress,
                          gpointer                    user_data,
                          GError                    **error)
{
  SteadyReportOptions defaults;
  g_autoptr(SteadyReportData) data = NULL;
  g_autoptr(SteadyReportDocument) doc = NULL;
  Progress layout_progress = { progress, user_data, 0.1, 0.85 / 0.9 };
  double width = 0;
  double height = 0;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (range != NULL && range->from_us < range->to_us, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      steady_report_options_init_default (&defaults);
      options = &defaults;
    }
  steady_report_progress (progress, user_data, 0);
  data = steady_report_data_gather (database, range, options->sections, cancellable, error);
  if (data == NULL)
    return FALSE;
  data->notes = options->notes;
  if (options->crisis_region != NULL && options->crisis_region[0] != '\0')
    data->crisis_line = steady_crisis_lines_lookup (options->crisis_region);
  steady_report_progress (progress, user_data, 0.1);

  steady_report_paper_get_size (options->paper, &width, &height);
  doc = steady_report_document_new (data, width, height, cancellable, scaled_progress_cb,
                                    &layout_progress, error);
  if (doc == NULL)
    return FALSE;
  layout_progress.base = 0.95;
  layout_progress.share = 0.05;
  return steady_report_document_write_pdf (doc, path, cancellable, scaled_progress_cb,
                                           &layout_progress, error);
}
