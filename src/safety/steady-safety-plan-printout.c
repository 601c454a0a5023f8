/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-safety-plan-printout.c: the safety plan drawn on one page with cairo and pango, as
 * a full page or as wallet-sized panels to cut out and fold. The same drawing makes the PDF
 * and the printed page (GtkPrintOperation hands its cairo context to the same function).
 *
 * A plan is for reading in a hard moment, so the page keeps to one column, large enough
 * type, and the crisis numbers at the top; a long plan is set smaller until it fits, never
 * spread over a second sheet that could be lost. */

#define G_LOG_DOMAIN "steady-safety-plan-printout"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "steady-safety-item.h"
#include "steady-safety-plan-printout.h"

#define MM                  (72.0 / 25.4)
#define PAGE_MARGIN         (15 * MM)
#define CARD_WIDTH          (85.6 * MM)
#define CARD_HEIGHT         (53.98 * MM)
#define CARD_PADDING        (3 * MM)
#define WALLET_COLUMNS      2
#define WALLET_ROWS         4
#define BASE_FONT_SIZE      11.0
#define SMALLEST_SCALE      0.55
#define WRITING_LINES       2

/* Paper --------------------------------------------------------------------------------- */

/* Letter is the paper of North America and a few countries near it; everywhere else, A4. */
SteadySafetyPaper
steady_safety_paper_from_locale (const char *locale)
{
  static const char * const letter_territories[] = {
    "US", "CA", "MX", "PR", "PH", "CL", "CO", "VE", "GT", "CR", "PA", "DO", "SV", "NI", NULL
  };
  const char *underscore;
  char territory[3];

  if (locale == NULL || (underscore = strchr (locale, '_')) == NULL ||
      !g_ascii_isalpha (underscore[1]) || !g_ascii_isalpha (underscore[2]))
    return STEADY_SAFETY_PAPER_A4;
  territory[0] = g_ascii_toupper (underscore[1]);
  territory[1] = g_ascii_toupper (underscore[2]);
  territory[2] = '\0';
  return g_strv_contains (letter_territories, territory) ? STEADY_SAFETY_PAPER_LETTER
                                                         : STEADY_SAFETY_PAPER_A4;
}

/* The paper of the user's LC_PAPER (LC_ALL, LC_PAPER, then LANG, as the C library reads it). */
SteadySafetyPaper
steady_safety_paper_from_environment (void)
{
  static const char * const variables[] = { "LC_ALL", "LC_PAPER", "LANG" };

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      const char *value = g_getenv (variables[i]);

      if (value != NULL && value[0] != '\0')
        return steady_safety_paper_from_locale (value);
    }
  return STEADY_SAFETY_PAPER_A4;
}

void
steady_safety_paper_get_size (SteadySafetyPaper  paper,
                              double            *width_pt,
                              double            *height_pt)
{
  g_return_if_fail (width_pt != NULL && height_pt != NULL);

  if (paper == STEADY_SAFETY_PAPER_LETTER)
    {
      *width_pt = 8.5 * 72;
      *height_pt = 11 * 72;
    }
  else
    {
      *width_pt = 210 * MM;
      *height_pt = 297 * MM;
    }
}

/* Text ---------------------------------------------------------------------------------- */

typedef struct
{
  cairo_t     *cr;
  PangoLayout *layout;
  double       scale;
  gboolean     draw;   /* FALSE: only measure */
} Pen;

/* Sets @markup at (@x, @y) in @width points and returns its height. With @max_height > 0
 * the text is cut with an ellipsis to fit. */
static double
pen_write (Pen        *pen,
           double      x,
           double      y,
           double      width,
           double      max_height,
           double      size,
           gboolean    bold,
           const char *markup)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
  int text_width = 0;
  int text_height = 0;

  pango_font_description_set_absolute_size (font, size * pen->scale * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (pen->layout, font);
  pango_layout_set_width (pen->layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (pen->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (pen->layout, max_height > 0 ? (int)(max_height * PANGO_SCALE) : -1);
  pango_layout_set_ellipsize (pen->layout, max_height > 0 ? PANGO_ELLIPSIZE_END
                                                          : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_markup (pen->layout, markup, -1);
  pango_layout_get_size (pen->layout, &text_width, &text_height);

  if (pen->draw)
    {
      cairo_move_to (pen->cr, x, y);
      pango_cairo_show_layout (pen->cr, pen->layout);
    }
  return (double)text_height / PANGO_SCALE;
}

static char *
item_markup (SteadySafetyItem *item)
{
  const char *phone = steady_safety_item_get_phone (item);

  if (phone != NULL)
    return g_markup_printf_escaped ("•  %s   <b>%s</b>", steady_safety_item_get_text (item),
                                    phone);
  return g_markup_printf_escaped ("•  %s", steady_safety_item_get_text (item));
}

/* "Call 911 in an emergency. 988 Suicide & Crisis Lifeline: call or text 988." */
static char *
crisis_markup (const SteadyCrisisLine *line)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (line == NULL)
    return g_string_free (g_steal_pointer (&text), FALSE);
  if (line->emergency_number != NULL)
    {
      g_autofree char *part = NULL;

      /* Translators: on the printed safety plan; %s is the emergency number, e.g. 911. */
      part = g_markup_printf_escaped (_("In danger now: call <b>%s</b>."), line->emergency_number);
      g_string_append (text, part);
      g_string_append_c (text, '\n');
    }
  else
    {
      g_autofree char *part = g_markup_escape_text (_("In danger now: call your local emergency "
                                                      "number."), -1);

      g_string_append (text, part);
      g_string_append_c (text, '\n');
    }
  if (line->line_call != NULL)
    {
      g_autofree char *part = NULL;

      if (g_strcmp0 (line->line_call, line->line_text) == 0)
        /* Translators: a crisis line's name, then the number to call or text. */
        part = g_markup_printf_escaped (_("%s: call or text <b>%s</b>"), _(line->line_name),
                                        line->line_call);
      else
        /* Translators: a crisis line's name, then the number to call. */
        part = g_markup_printf_escaped (_("%s: call <b>%s</b>"), _(line->line_name),
                                        line->line_call);
      g_string_append (text, part);
    }
  else if (line->line_url != NULL)
    {
      g_autofree char *part = NULL;

      /* Translators: a directory of crisis lines, then its web address. */
      part = g_markup_printf_escaped (_("%s: <b>%s</b>"), _(line->line_name), line->line_url);
      g_string_append (text, part);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
draw_writing_lines (Pen    *pen,
                    double  x,
                    double  y,
                    double  width,
                    double  spacing)
{
  if (!pen->draw)
    return;
  cairo_save (pen->cr);
  cairo_set_source_rgb (pen->cr, 0.7, 0.7, 0.7);
  cairo_set_line_width (pen->cr, 0.5);
  for (int i = 1; i <= WRITING_LINES; i++)
    {
      cairo_move_to (pen->cr, x + 12, y + i * spacing);
      cairo_line_to (pen->cr, x + width, y + i * spacing);
    }
  cairo_stroke (pen->cr);
  cairo_restore (pen->cr);
}

/* The full page ------------------------------------------------------------------------- */

/* Draws (or, with pen->draw FALSE, measures) the page; returns the height it takes. */
static double
layout_page (Pen                    *pen,
             double                  width,
             GPtrArray              *items,
             const SteadyCrisisLine *line)
{
  g_autofree char *title = g_markup_escape_text (_("My Safety Plan"), -1);
  g_autofree char *crisis = crisis_markup (line);
  double x = PAGE_MARGIN;
  double y = PAGE_MARGIN;
  double text_width = width - 2 * PAGE_MARGIN;
  guint next = 0;

  y += pen_write (pen, x, y, text_width, 0, 22, TRUE, title);
  y += 6 * pen->scale;
  if (crisis[0] != '\0')
    {
      double box_top = y;
      double box_height;

      y += 8 * pen->scale;
      y += pen_write (pen, x + 10, y, text_width - 20, 0, BASE_FONT_SIZE, FALSE, crisis);
      y += 8 * pen->scale;
      box_height = y - box_top;
      if (pen->draw)
        {
          cairo_save (pen->cr);
          cairo_set_line_width (pen->cr, 1.0);
          cairo_rectangle (pen->cr, x, box_top, text_width, box_height);
          cairo_stroke (pen->cr);
          cairo_restore (pen->cr);
        }
    }

  for (guint s = 0; s < STEADY_SAFETY_N_SECTIONS; s++)
    {
      g_autofree char *heading = NULL;
      gboolean any = FALSE;

      y += 14 * pen->scale;
      /* Translators: a numbered section heading on the printed plan, e.g. "1. Warning signs". */
      heading = g_markup_printf_escaped (_("%u. %s"), s + 1, steady_safety_section_get_title (s));
      y += pen_write (pen, x, y, text_width, 0, BASE_FONT_SIZE + 2, TRUE, heading);
      y += 3 * pen->scale;

      while (next < items->len &&
             steady_safety_item_get_section (g_ptr_array_index (items, next)) == s)
        {
          g_autofree char *markup = item_markup (g_ptr_array_index (items, next));

          y += pen_write (pen, x + 6, y, text_width - 6, 0, BASE_FONT_SIZE, FALSE, markup);
          y += 2 * pen->scale;
          next++;
          any = TRUE;
        }
      /* An empty section gets lines to write on by hand. */
      if (!any)
        {
          double spacing = 20 * pen->scale;

          draw_writing_lines (pen, x, y, text_width, spacing);
          y += WRITING_LINES * spacing + 4 * pen->scale;
        }
    }
  return y + PAGE_MARGIN;
}

static void
draw_page (cairo_t                *cr,
           PangoLayout            *layout,
           double                  width,
           double                  height,
           GPtrArray              *items,
           const SteadyCrisisLine *line)
{
  Pen pen = { cr, layout, 1.0, FALSE };

  /* The largest type at which the whole plan fits on the page. */
  while (pen.scale > SMALLEST_SCALE && layout_page (&pen, width, items, line) > height)
    pen.scale -= 0.05;

  pen.draw = TRUE;
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  layout_page (&pen, width, items, line);
  cairo_restore (cr);
}

/* The wallet card ----------------------------------------------------------------------- */

static void
draw_panel (Pen        *pen,
            double      x,
            double      y,
            const char *heading,
            const char *body)
{
  double inner = CARD_WIDTH - 2 * CARD_PADDING;
  double top = y + CARD_PADDING;
  double used;

  used = pen_write (pen, x + CARD_PADDING, top, inner, 0, 8, TRUE, heading);
  pen_write (pen, x + CARD_PADDING, top + used + 2, inner,
             CARD_HEIGHT - 2 * CARD_PADDING - used - 2, 7, FALSE, body);
}

static void
draw_wallet (cairo_t                *cr,
             PangoLayout            *layout,
             double                  width,
             double                  height,
             GPtrArray              *items,
             const SteadyCrisisLine *line)
{
  double card_x = (width - WALLET_COLUMNS * CARD_WIDTH) / 2;
  double card_y = PAGE_MARGIN + 24;
  Pen pen = { cr, layout, 1.0, TRUE };
  g_autofree char *how = g_markup_escape_text (_("Cut along the solid line, then fold along the "
                                                 "dashed lines into a card for your wallet."),
                                               -1);
  guint next = 0;

  pen_write (&pen, card_x, PAGE_MARGIN, WALLET_COLUMNS * CARD_WIDTH, 0, 9, FALSE, how);

  for (guint panel = 0; panel < WALLET_COLUMNS * WALLET_ROWS; panel++)
    {
      double x = card_x + (panel % WALLET_COLUMNS) * CARD_WIDTH;
      double y = card_y + (panel / WALLET_COLUMNS) * CARD_HEIGHT;
      g_autofree char *heading = NULL;
      g_autoptr(GString) body = g_string_new (NULL);

      if (panel == 0)
        {
          g_autofree char *crisis = crisis_markup (line);

          heading = g_markup_escape_text (_("My Safety Plan"), -1);
          g_string_append (body, crisis);
        }
      else
        {
          SteadySafetySection section = panel - 1;

          heading = g_markup_escape_text (steady_safety_section_get_title (section), -1);
          while (next < items->len &&
                 steady_safety_item_get_section (g_ptr_array_index (items, next)) == section)
            {
              g_autofree char *markup = item_markup (g_ptr_array_index (items, next));

              if (body->len > 0)
                g_string_append_c (body, '\n');
              g_string_append (body, markup);
              next++;
            }
        }
      draw_panel (&pen, x, y, heading, body->str);
    }

  /* Fold lines between the panels, the cutting line around them. */
  cairo_save (cr);
  cairo_set_line_width (cr, 0.5);
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_set_dash (cr, (const double[]) { 3, 3 }, 2, 0);
  for (int c = 1; c < WALLET_COLUMNS; c++)
    {
      cairo_move_to (cr, card_x + c * CARD_WIDTH, card_y);
      cairo_line_to (cr, card_x + c * CARD_WIDTH, card_y + WALLET_ROWS * CARD_HEIGHT);
    }
  for (int r = 1; r < WALLET_ROWS; r++)
    {
      cairo_move_to (cr, card_x, card_y + r * CARD_HEIGHT);
      cairo_line_to (cr, card_x + WALLET_COLUMNS * CARD_WIDTH, card_y + r * CARD_HEIGHT);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 1.0);
  cairo_rectangle (cr, card_x, card_y, WALLET_COLUMNS * CARD_WIDTH, WALLET_ROWS * CARD_HEIGHT);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Public -------------------------------------------------------------------------------- */

/**
 * steady_safety_plan_draw:
 * @cr: where to draw, with the origin at the page's top left corner, in points
 * @width: the page's width in points
 * @height: the page's height in points
 * @items: (element-type SteadySafetyItem): the whole plan, in its order
 * @line: (nullable): the crisis line of the user's region, printed at the top
 * @layout: a full page, or wallet-sized panels
 */
void
steady_safety_plan_draw (cairo_t                *cr,
                         double                  width,
                         double                  height,
                         GPtrArray              *items,
                         const SteadyCrisisLine *line,
                         SteadySafetyLayout      layout)
{
  g_autoptr(PangoLayout) pango_layout = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (items != NULL);
  g_return_if_fail (width > 0 && height > 0);

  pango_layout = pango_cairo_create_layout (cr);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (layout == STEADY_SAFETY_LAYOUT_WALLET)
    draw_wallet (cr, pango_layout, width, height, items, line);
  else
    draw_page (cr, pango_layout, width, height, items, line);
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

/* Writes the plan as a one-page PDF at @path, readable by the user only (0600), replacing
 * any file there only once the new one is complete. */
gboolean
steady_safety_plan_write_pdf (const char              *path,
                              GPtrArray               *items,
                              const SteadyCrisisLine  *line,
                              SteadySafetyPaper        paper,
                              SteadySafetyLayout       layout,
                              GError                 **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width = 0;
  double height = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (items != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  steady_safety_paper_get_size (paper, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (append_to_bytes_cb, bytes, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("My Safety Plan"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME);
  cr = cairo_create (surface);
  steady_safety_plan_draw (cr, width, height, items, line, layout);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s explains what went wrong, in English. */
                   _("The safety plan could not be drawn (%s)."), cairo_status_to_string (status));
      return FALSE;
    }
  return g_file_set_contents_full (path, (const char *)bytes->data, bytes->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
