/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-report-writer.c: the report's pen — pages as cairo recording surfaces, paragraphs,
 * headings kept with what follows, and tables that break between rows with their header
 * repeated; a row taller than a page goes on over the next pages, split between lines of
 * text, so nothing is cut. The document decides what to write; this decides where it goes. */

#define G_LOG_DOMAIN "steady-report-writer"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "steady-report-writer.h"

#define MARGIN_X      STEADY_REPORT_MARGIN_X
#define MARGIN_TOP    STEADY_REPORT_MARGIN_TOP
#define MARGIN_BOTTOM STEADY_REPORT_MARGIN_BOTTOM
#define BODY_SIZE     STEADY_REPORT_BODY_SIZE
#define SMALL_SIZE    STEADY_REPORT_SMALL_SIZE
#define FONT_FAMILY   "Cantarell, DejaVu Sans, Sans"
#define CELL_PAD      4.0

/* Starting and ending ----------------------------------------------------------------------- */

/* Starts writing on pages of @width × @height points; the first page is open. */
void
steady_report_writer_init (SteadyReportWriter       *w,
                           double                    width,
                           double                    height,
                           GCancellable             *cancellable,
                           SteadyReportProgressFunc  progress,
                           gpointer                  user_data)
{
  cairo_font_options_t *options;

  g_return_if_fail (w != NULL);

  memset (w, 0, sizeof *w);
  w->width = width;
  w->height = height;
  w->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)cairo_surface_destroy);
  w->cancellable = cancellable;
  w->progress = progress;
  w->user_data = user_data;

  /* Unhinted metrics: the layout must not depend on the surface it is later replayed on. */
  w->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (w->context, options);
  cairo_font_options_destroy (options);
  steady_report_writer_new_page (w);
}

/* Closes the last page; returns the pages (transfer full). */
GPtrArray *
steady_report_writer_finish (SteadyReportWriter *w)
{
  g_return_val_if_fail (w != NULL, NULL);

  g_clear_pointer (&w->cr, cairo_destroy);
  g_clear_object (&w->context);
  return g_steal_pointer (&w->pages);
}

/* Drops what was written, after an error or a cancel. */
void
steady_report_writer_clear (SteadyReportWriter *w)
{
  g_return_if_fail (w != NULL);

  g_clear_pointer (&w->cr, cairo_destroy);
  g_clear_object (&w->context);
  g_clear_pointer (&w->pages, g_ptr_array_unref);
}

/* Text ------------------------------------------------------------------------------------- */

PangoLayout *
steady_report_writer_layout (SteadyReportWriter *w,
                             const char         *markup,
                             double              size,
                             gboolean            bold,
                             double              width)
{
  PangoLayout *layout = pango_layout_new (w->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

double
steady_report_layout_height (PangoLayout *layout)
{
  int width;
  int height;

  pango_layout_get_size (layout, &width, &height);
  return (double)height / PANGO_SCALE;
}

void
steady_report_show_layout (cairo_t     *cr,
                           PangoLayout *layout,
                           double       x,
                           double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Pages ------------------------------------------------------------------------------------ */

static double
page_bottom (SteadyReportWriter *w)
{
  return w->height - MARGIN_BOTTOM;
}

double
steady_report_writer_get_text_width (SteadyReportWriter *w)
{
  return w->width - 2 * MARGIN_X;
}

void
steady_report_writer_new_page (SteadyReportWriter *w)
{
  cairo_rectangle_t extents = { 0, 0, w->width, w->height };
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                             &extents);

  g_clear_pointer (&w->cr, cairo_destroy);
  g_ptr_array_add (w->pages, surface);
  w->cr = cairo_create (surface);
  cairo_set_source_rgb (w->cr, 0, 0, 0);
  w->y = MARGIN_TOP;
}

/* Starts a new page unless @height still fits on this one. */
void
steady_report_writer_ensure (SteadyReportWriter *w,
                             double              height)
{
  if (w->y + height > page_bottom (w) && w->y > MARGIN_TOP)
    steady_report_writer_new_page (w);
}

gboolean
steady_report_writer_step (SteadyReportWriter  *w,
                           GError             **error)
{
  w->rows_done++;
  if (w->progress != NULL && (w->rows_done % 16 == 0 || w->rows_done == w->n_rows))
    w->progress (w->n_rows > 0 ? 0.9 * MIN (1.0, (double)w->rows_done / w->n_rows) : 0.9,
                 w->user_data);
  return !g_cancellable_set_error_if_cancelled (w->cancellable, error);
}

/* Writes a paragraph of markup across the text width. */
void
steady_report_writer_paragraph (SteadyReportWriter *w,
                                const char         *markup,
                                double              size,
                                gboolean            bold,
                                double              space_after)
{
  g_autoptr(PangoLayout) layout =
    steady_report_writer_layout (w, markup, size, bold, steady_report_writer_get_text_width (w));
  double height = steady_report_layout_height (layout);

  steady_report_writer_ensure (w, height);
  steady_report_show_layout (w->cr, layout, MARGIN_X, w->y);
  w->y += height + space_after;
}

/* The same for plain text, such as a translated sentence, which may hold "&" or "<". */
void
steady_report_writer_text (SteadyReportWriter *w,
                           const char         *text,
                           double              size,
                           gboolean            bold,
                           double              space_after)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  steady_report_writer_paragraph (w, markup, size, bold, space_after);
}

/* A section heading, kept on the page of what follows it (@keep points of it). */
void
steady_report_writer_heading (SteadyReportWriter *w,
                              const char         *text,
                              double              keep)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  g_autoptr(PangoLayout) layout =
    steady_report_writer_layout (w, markup, 15, TRUE, steady_report_writer_get_text_width (w));
  double height = steady_report_layout_height (layout);

  w->y += 10;
  steady_report_writer_ensure (w, height + 8 + keep);
  steady_report_show_layout (w->cr, layout, MARGIN_X, w->y);
  w->y += height + 2;
  cairo_save (w->cr);
  cairo_set_line_width (w->cr, 1.2);
  cairo_move_to (w->cr, MARGIN_X, w->y);
  cairo_line_to (w->cr, MARGIN_X + steady_report_writer_get_text_width (w), w->y);
  cairo_stroke (w->cr);
  cairo_restore (w->cr);
  w->y += 8;
}

/* Tables ----------------------------------------------------------------------------------- */

void
steady_report_table_init (SteadyReportTable  *table,
                          SteadyReportWriter *w,
                          const char * const *titles,
                          const double       *weights,
                          guint               n_columns)
{
  double total = 0;

  g_assert (n_columns <= STEADY_REPORT_MAX_COLUMNS);
  memset (table, 0, sizeof *table);
  table->n_columns = n_columns;
  for (guint i = 0; i < n_columns; i++)
    total += weights[i];
  for (guint i = 0; i < n_columns; i++)
    {
      table->widths[i] = steady_report_writer_get_text_width (w) * weights[i] / total;
      table->titles[i] = g_markup_escape_text (titles[i], -1);
    }
}

void
steady_report_table_clear (SteadyReportTable *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    g_clear_pointer (&table->titles[i], g_free);
}

/* Cuts @layout's text after @max_lines lines, ending in "…". Pango's own ellipsizing only
 * hides the rest: cairo still puts the hidden words in the PDF's text, where they can be
 * copied out. Here they are gone. */
static void
limit_lines (PangoLayout *layout,
             guint        max_lines)
{
  PangoLayoutLine *last;
  g_autofree char *text = NULL;

  if ((guint)pango_layout_get_line_count (layout) <= max_lines)
    return;
  last = pango_layout_get_line_readonly (layout, max_lines - 1);
  text = g_strndup (pango_layout_get_text (layout), last->start_index + last->length);
  for (;;)
    {
      g_autofree char *shown = NULL;
      char *cut;

      g_strchomp (text);
      shown = g_strconcat (text, "…", NULL);
      /* The markup's attributes stay with the layout; the text is only shorter. */
      pango_layout_set_text (layout, shown, -1);
      if ((guint)pango_layout_get_line_count (layout) <= max_lines || text[0] == '\0')
        return;
      /* "…" took a line of its own: give up the last word, or the last letter. */
      cut = strrchr (text, ' ');
      if (cut == NULL)
        cut = g_utf8_find_prev_char (text, text + strlen (text));
      if (cut == NULL)
        cut = text;
      *cut = '\0';
    }
}

/* Lays the cells of a row out; returns the row's height. */
static double
table_layout_row (SteadyReportWriter  *w,
                  SteadyReportTable   *table,
                  char * const        *cells,
                  gboolean             bold,
                  double               size,
                  PangoLayout        **layouts)
{
  double height = 0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      layouts[i] = steady_report_writer_layout (w, cells[i] != NULL ? cells[i] : "", size, bold,
                                                table->widths[i] - 2 * CELL_PAD);
      if (table->numeric[i])
        pango_layout_set_alignment (layouts[i], PANGO_ALIGN_CENTER);
      if (!bold && table->max_lines[i] > 0)
        limit_lines (layouts[i], table->max_lines[i]);
      height = MAX (height, steady_report_layout_height (layouts[i]));
    }
  return height + 2 * CELL_PAD;
}

/* A part of a row taller than a page: for each cell, the lines from from[i] (in the
 * layout's points) up to to[i]. */
typedef struct
{
  double from[STEADY_REPORT_MAX_COLUMNS];
  double to[STEADY_REPORT_MAX_COLUMNS];
} RowSlice;

/* Where the lines of @layout that start at @from and fit in @room end, in the layout's
 * points: @from when not even one line fits. */
static double
lines_end (PangoLayout *layout,
           double       from,
           double       room)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double end = from;

  do
    {
      int top;
      int bottom;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      if ((double)top / PANGO_SCALE < from - 0.01)
        continue;
      if ((double)bottom / PANGO_SCALE > from + room)
        break;
      end = (double)bottom / PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return end;
}

/* Draws the lines of @layout between @from and @to with the top of @from at (@x, @y). */
static void
show_lines (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       y,
            double       from,
            double       to)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      int top;
      int bottom;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      if ((double)top / PANGO_SCALE < from - 0.01)
        continue;
      if ((double)bottom / PANGO_SCALE > to + 0.01)
        break;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, x + (double)logical.x / PANGO_SCALE,
                     y + (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE - from);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* One page's part of a row that runs over pages; on the pages after the first, the first
 * cell starts with "(continued)" and, once it has been shown whole, shows again (the day of
 * a journal entry, the question of an answer), so a reader knows whose row goes on. */
static void
table_draw_slice (SteadyReportWriter  *w,
                  SteadyReportTable   *table,
                  PangoLayout        **layouts,
                  const RowSlice      *slice,
                  PangoLayout         *continued,
                  double               shade)
{
  double first_height = steady_report_layout_height (layouts[0]);
  gboolean repeat_first = continued != NULL && slice->from[0] >= first_height - 0.01;
  double marker = continued != NULL ? steady_report_layout_height (continued) : 0;
  double height = 0;
  double x = MARGIN_X;

  for (guint i = 0; i < table->n_columns; i++)
    height = MAX (height, slice->to[i] - slice->from[i] + (i == 0 ? marker : 0));
  if (repeat_first)
    height = MAX (height, marker + first_height);
  height += 2 * CELL_PAD;

  cairo_save (w->cr);
  if (shade < 1.0)
    {
      cairo_set_source_rgb (w->cr, shade, shade, shade);
      cairo_rectangle (w->cr, MARGIN_X, w->y, steady_report_writer_get_text_width (w), height);
      cairo_fill (w->cr);
    }
  if (continued != NULL)
    {
      cairo_set_source_rgb (w->cr, 0.35, 0.35, 0.35);
      steady_report_show_layout (w->cr, continued, x + CELL_PAD, w->y + CELL_PAD);
      if (repeat_first)
        steady_report_show_layout (w->cr, layouts[0], x + CELL_PAD, w->y + CELL_PAD + marker);
    }
  cairo_set_source_rgb (w->cr, 0, 0, 0);
  for (guint i = 0; i < table->n_columns; i++)
    {
      show_lines (w->cr, layouts[i], x + CELL_PAD, w->y + CELL_PAD + (i == 0 ? marker : 0),
                  slice->from[i], slice->to[i]);
      x += table->widths[i];
    }
  cairo_set_source_rgb (w->cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (w->cr, 0.5);
  cairo_move_to (w->cr, MARGIN_X, w->y + height);
  cairo_line_to (w->cr, MARGIN_X + steady_report_writer_get_text_width (w), w->y + height);
  cairo_stroke (w->cr);
  cairo_restore (w->cr);
  w->y += height;
}

/* A whole row: every line of every cell. */
static void
table_draw_row (SteadyReportWriter  *w,
                SteadyReportTable   *table,
                PangoLayout        **layouts,
                double               shade)
{
  RowSlice whole = { { 0 }, { 0 } };

  for (guint i = 0; i < table->n_columns; i++)
    whole.to[i] = steady_report_layout_height (layouts[i]);
  table_draw_slice (w, table, layouts, &whole, NULL, shade);
}

static void
free_layouts (PangoLayout **layouts,
              guint         n)
{
  for (guint i = 0; i < n; i++)
    g_clear_object (&layouts[i]);
}

void
steady_report_table_header (SteadyReportWriter *w,
                            SteadyReportTable  *table)
{
  PangoLayout *layouts[STEADY_REPORT_MAX_COLUMNS] = { NULL };
  table_layout_row (w, table, table->titles, TRUE, SMALL_SIZE, layouts);
  table_draw_row (w, table, layouts, 0.85);
  free_layouts (layouts, table->n_columns);
}

/* A row taller than a page: as many whole lines of each cell as fit on this page, then the
 * rest on the next pages under the header again, marked "(continued)". */
static void
table_split_row (SteadyReportWriter  *w,
                 SteadyReportTable   *table,
                 PangoLayout        **layouts,
                 double               shade)
{
  g_autofree char *markup = g_markup_printf_escaped ("<i>%s</i>", _("(continued)"));
  g_autoptr(PangoLayout) continued = steady_report_writer_layout (w, markup, SMALL_SIZE, FALSE,
                                                                  table->widths[0] -
                                                                  2 * CELL_PAD);
  double marker = steady_report_layout_height (continued);
  RowSlice slice = { { 0 }, { 0 } };
  gboolean first = TRUE;

  /* Less than a few lines left here: start the row on the next page. */
  if (page_bottom (w) - w->y < 60)
    {
      steady_report_writer_new_page (w);
      steady_report_table_header (w, table);
    }
  for (;;)
    {
      double room = page_bottom (w) - w->y - 2 * CELL_PAD;
      gboolean done = TRUE;

      for (guint i = 0; i < table->n_columns; i++)
        {
          double height = steady_report_layout_height (layouts[i]);

          slice.from[i] = slice.to[i];
          slice.to[i] = lines_end (layouts[i], slice.from[i],
                                   room - (!first && i == 0 ? marker : 0));
          done = done && slice.to[i] >= height - 0.01;
        }
      table_draw_slice (w, table, layouts, &slice, first ? NULL : continued, shade);
      if (done)
        break;
      steady_report_writer_new_page (w);
      steady_report_table_header (w, table);
      first = FALSE;
    }
}

/* Adds a row, on the next page (under the header again) when it does not fit on this one.
 * A row taller than a whole page is split between lines and goes on over the next pages. */
void
steady_report_table_row (SteadyReportWriter *w,
                         SteadyReportTable  *table,
                         char * const       *cells,
                         gboolean            shaded)
{
  PangoLayout *layouts[STEADY_REPORT_MAX_COLUMNS] = { NULL };
  double height = table_layout_row (w, table, cells, FALSE, BODY_SIZE, layouts);
  double room = page_bottom (w) - MARGIN_TOP - 40;

  if (height > room)
    table_split_row (w, table, layouts, shaded ? 0.95 : 1.0);
  else
    {
      if (w->y + height > page_bottom (w))
        {
          steady_report_writer_new_page (w);
          steady_report_table_header (w, table);
        }
      table_draw_row (w, table, layouts, shaded ? 0.95 : 1.0);
    }
  free_layouts (layouts, table->n_columns);
}

/* Adds a row of the table's cells, frees them, and counts a step of the work: FALSE when it
 * was cancelled. */
gboolean
steady_report_table_add_row (SteadyReportWriter  *w,
                             SteadyReportTable   *table,
                             char               **cells,
                             gboolean             shaded,
                             GError             **error)
{
  steady_report_table_row (w, table, cells, shaded);
  for (guint c = 0; c < table->n_columns; c++)
    g_clear_pointer (&cells[c], g_free);
  return steady_report_writer_step (w, error);
}

/* Starts a new page for a short table that would fit on one but not in what is left here. */
void
steady_report_table_keep_together (SteadyReportWriter *w,
                                   SteadyReportTable  *table,
                                   GPtrArray          *rows)
{
  PangoLayout *layouts[STEADY_REPORT_MAX_COLUMNS] = { NULL };
  double height = table_layout_row (w, table, table->titles, TRUE, SMALL_SIZE, layouts);

  free_layouts (layouts, table->n_columns);
  for (guint r = 0; r < rows->len; r++)
    {
      height += table_layout_row (w, table, g_ptr_array_index (rows, r), FALSE, BODY_SIZE,
                                  layouts);
      free_layouts (layouts, table->n_columns);
    }
  if (height <= page_bottom (w) - MARGIN_TOP)
    steady_report_writer_ensure (w, height);
}

/* Starts a table under a heading, keeping the heading, header and first row together. */
void
steady_report_table_begin (SteadyReportWriter *w,
                           SteadyReportTable  *table,
                           const char         *heading)
{
  if (heading != NULL)
    steady_report_writer_heading (w, heading, 60);
  else
    steady_report_writer_ensure (w, 60);
  steady_report_table_header (w, table);
}

