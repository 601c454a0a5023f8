/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-report-document.c: lays the therapist report out into pages with cairo and pango,
 * each page kept as a cairo recording surface. The PDF replays the recordings onto a PDF
 * surface, printing replays one page onto the print context, the preview onto an image.
 * The parts are written by steady-report-cover.c (first page, charts) and
 * steady-report-sections.c (the tables); this file puts them in order, adds the footers and
 * hands the pages out.
 *
 * Tables break between rows, with their header repeated on the next page; a heading is
 * never left alone at the foot of a page. Black, greys and shapes only, so the report reads
 * the same from a greyscale printer. */

#define G_LOG_DOMAIN "steady-report-document"

#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "steady-report-document.h"
#include "steady-report-document-private.h"
#include "steady-safety-plan-printout.h"

struct _SteadyReportDocument
{
  double     width;
  double     height;
  GPtrArray *pages;   /* cairo recording surfaces, one per page */
};

/* Paper ------------------------------------------------------------------------------------ */

void
steady_report_paper_get_size (SteadyReportPaper  paper,
                              double            *width_pt,
                              double            *height_pt)
{
  SteadySafetyPaper safety_paper;

  g_return_if_fail (width_pt != NULL && height_pt != NULL);

  if (paper == STEADY_REPORT_PAPER_A4)
    safety_paper = STEADY_SAFETY_PAPER_A4;
  else if (paper == STEADY_REPORT_PAPER_LETTER)
    safety_paper = STEADY_SAFETY_PAPER_LETTER;
  else
    safety_paper = steady_safety_paper_from_environment ();
  steady_safety_paper_get_size (safety_paper, width_pt, height_pt);
}

/* Dates ------------------------------------------------------------------------------------ */

char *
_steady_report_format_time (gint64      time_us,
                            int         utc_offset_s,
                            const char *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time_us / G_USEC_PER_SEC);
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  zone = g_time_zone_new_offset (utc_offset_s);
  local = g_date_time_to_timezone (utc, zone);
  return g_date_time_format (local, format);
}

char *
_steady_report_format_local_time (gint64      time_us,
                                  const char *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, format);
}

/* "3 October 2026", the same words for dates as the report's range. */
const char *
_steady_report_long_date_format (void)
{
  return _("%-d %B %Y");
}

/* "Sat 3 Oct, 18:30" */
const char *
_steady_report_entry_time_format (void)
{
  /* Translators: when a journal entry or practice was made, as g_date_time_format () takes
   * it, e.g. "Sat 3 Oct, 18:30". */
  return _("%a %-d %b, %H:%M");
}

char *
_steady_report_range_text (const SteadyReportData *data)
{
  return steady_report_range_describe (&data->range, NULL);
}

char *
_steady_report_escape_or_dash (const char *text)
{
  if (text == NULL || text[0] == '\0')
    return g_strdup ("–");
  return g_markup_escape_text (text, -1);
}

char *
_steady_report_distress_change (int before,
                                int after)
{
  if (before < 0 && after < 0)
    return g_strdup ("–");
  if (after < 0)
    return g_strdup_printf ("%d", before);
  if (before < 0)
    return g_strdup_printf ("→ %d", after);
  return g_strdup_printf ("%d → %d", before, after);
}

/* The footer: the range, that the report is self-reported, and "Page 2 of 7". */
static void
write_footers (Writer *w)
{
  g_autofree char *range = _steady_report_range_text (w->data);
  guint n_pages = w->base.pages->len;

  for (guint i = 0; i < n_pages; i++)
    {
      cairo_t *cr = cairo_create (g_ptr_array_index (w->base.pages, i));
      g_autofree char *left = NULL;
      g_autofree char *right = NULL;
      g_autoptr(PangoLayout) left_layout = NULL;
      g_autoptr(PangoLayout) right_layout = NULL;
      double y = w->base.height - MARGIN_BOTTOM + 10;

      /* Translators: the footer of every page of the report; %s is its range of dates. */
      left = g_markup_printf_escaped (_("%s · Self-reported in Steady, not a clinical record"),
                                      range);
      /* Translators: the page number in the report's footer. */
      right = g_markup_printf_escaped (_("Page %u of %u"), i + 1, n_pages);
      left_layout = steady_report_writer_layout (&w->base, left, SMALL_SIZE - 0.5, FALSE,
                                                 text_width (w) * 0.75);
      right_layout = steady_report_writer_layout (&w->base, right, SMALL_SIZE - 0.5, FALSE,
                                                  text_width (w) * 0.25);
      pango_layout_set_alignment (right_layout, PANGO_ALIGN_RIGHT);

      cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN_X, y - 4);
      cairo_line_to (cr, MARGIN_X + text_width (w), y - 4);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      steady_report_show_layout (cr, left_layout, MARGIN_X, y);
      steady_report_show_layout (cr, right_layout, MARGIN_X + text_width (w) * 0.75, y);
      cairo_destroy (cr);
    }
}

static guint
count_rows (const SteadyReportData *data)
{
  guint n = 0;

  if (data->sections & STEADY_REPORT_SECTION_JOURNAL)
    n += data->entries->len;
  if (data->sections & STEADY_REPORT_SECTION_THOUGHTS)
    n += data->thought_records->len;
  if (data->sections & STEADY_REPORT_SECTION_WORKSHEETS)
    n += data->worksheets->len;
  if (data->sections & STEADY_REPORT_SECTION_DIARY)
    n += data->diary_weeks->len;
  if (data->sections & STEADY_REPORT_SECTION_PRACTICE)
    n += data->practices->len;
  if (data->sections & STEADY_REPORT_SECTION_ATTENDANCE)
    n += data->sessions->len;
  return n;
}

static gboolean
write_sections (Writer  *w,
                GError **error)
{
  SteadyReportSections sections = w->data->sections;

  _steady_report_write_cover (w);
  if (sections & STEADY_REPORT_SECTION_MOOD)
    _steady_report_write_charts (w);
  if ((sections & STEADY_REPORT_SECTION_JOURNAL) && !_steady_report_write_journal (w, error))
    return FALSE;
  if ((sections & STEADY_REPORT_SECTION_THOUGHTS) &&
      !_steady_report_write_records (w, w->data->thought_records, _("Thought records"),
                                     _("No thought records shared in this time."), error))
    return FALSE;
  if ((sections & STEADY_REPORT_SECTION_WORKSHEETS) &&
      !_steady_report_write_records (w, w->data->worksheets, _("Worksheets"),
                                     _("No worksheets shared in this time."), error))
    return FALSE;
  if ((sections & STEADY_REPORT_SECTION_DIARY) && !_steady_report_write_diary (w, error))
    return FALSE;
  if ((sections & STEADY_REPORT_SECTION_PRACTICE) && !_steady_report_write_practice (w, error))
    return FALSE;
  if ((sections & STEADY_REPORT_SECTION_ATTENDANCE) &&
      !_steady_report_write_attendance (w, error))
    return FALSE;
  if ((sections & STEADY_REPORT_SECTION_SAFETY_PLAN) && w->data->safety_items != NULL)
    _steady_report_write_safety_plan (w);
  return TRUE;
}

/* Public ----------------------------------------------------------------------------------- */

/**
 * steady_report_document_new:
 * @data: what goes in
 * @width_pt: (in points) the paper's width
 * @height_pt: the paper's height
 * @progress: (nullable): told the fraction laid out, up to 0.9
 *
 * Lays the report out into pages.
 *
 * Returns: (transfer full): the pages, or %NULL when cancelled
 */
SteadyReportDocument *
steady_report_document_new (const SteadyReportData   *data,
                            double                    width_pt,
                            double                    height_pt,
                            GCancellable             *cancellable,
                            SteadyReportProgressFunc  progress,
                            gpointer                  user_data,
                            GError                  **error)
{
  g_autoptr(SteadyReportDocument) doc = NULL;
  Writer w;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (width_pt > 100 && height_pt > 100, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  w.data = data;
  steady_report_writer_init (&w.base, width_pt, height_pt, cancellable, progress, user_data);
  w.base.n_rows = count_rows (data);
  if (!write_sections (&w, error))
    {
      steady_report_writer_clear (&w.base);
      return NULL;
    }
  write_footers (&w);
  doc = g_new0 (SteadyReportDocument, 1);
  doc->width = width_pt;
  doc->height = height_pt;
  doc->pages = steady_report_writer_finish (&w.base);
  steady_report_progress (progress, user_data, 0.9);
  return g_steal_pointer (&doc);
}

guint
steady_report_document_get_n_pages (SteadyReportDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pages->len;
}

void
steady_report_document_get_size (SteadyReportDocument *self,
                                 double               *width_pt,
                                 double               *height_pt)
{
  g_return_if_fail (self != NULL);

  if (width_pt != NULL)
    *width_pt = self->width;
  if (height_pt != NULL)
    *height_pt = self->height;
}

/* Draws @page (from 0) with its top left corner at the origin of @cr, in points, on white. */
void
steady_report_document_draw_page (SteadyReportDocument *self,
                                  cairo_t              *cr,
                                  guint                 page)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_surface (cr, g_ptr_array_index (self->pages, page), 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

static cairo_status_t
append_to_bytes_cb (void                *closure,
                    const unsigned char *data,
                    unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The whole document as PDF bytes, kept in memory so nothing reaches the disk half-made. */
GBytes *
steady_report_document_to_pdf (SteadyReportDocument      *self,
                               GCancellable              *cancellable,
                               SteadyReportProgressFunc   progress,
                               gpointer                   user_data,
                               GError                   **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean cancelled = FALSE;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (append_to_bytes_cb, bytes, self->width,
                                                 self->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  _("Between sessions: my report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);
  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len && !cancelled; i++)
    {
      cairo_set_source_surface (cr, g_ptr_array_index (self->pages, i), 0, 0);
      cairo_paint (cr);
      cairo_show_page (cr);
      cancelled = g_cancellable_is_cancelled (cancellable);
      steady_report_progress (progress, user_data, (double)(i + 1) / self->pages->len);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s explains what went wrong, in English. */
                   _("The report could not be drawn (%s)."), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* Writes the PDF at @path (0600), replacing what is there only once it is complete. */
gboolean
steady_report_document_write_pdf (SteadyReportDocument      *self,
                                  const char                *path,
                                  GCancellable              *cancellable,
                                  SteadyReportProgressFunc   progress,
                                  gpointer                   user_data,
                                  GError                   **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = steady_report_document_to_pdf (self, cancellable, progress, user_data, error);
  if (bytes == NULL)
    return FALSE;
  if (!steady_report_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 cancellable, error))
    return FALSE;
  steady_report_progress (progress, user_data, 1);
  return TRUE;
}

void
steady_report_document_free (SteadyReportDocument *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_free (self);
}
