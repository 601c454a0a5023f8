/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-diary-week-chart.c: the week of diary cards laid out as a DBT skills group reviews
 * it — a row per target, a column per day, a section title before each kind of row — drawn
 * with cairo and pango so the report's PDF shows what the week view shows. */

#define G_LOG_DOMAIN "steady-diary-week-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "steady-diary-week-chart.h"
#include "steady-journal-common.h"

/* Sizes in multiples of the font's height. */
#define ROW_HEIGHT    1.7
#define HEADER_HEIGHT 2.6
#define CELL_WIDTH    2.8
#define NAME_GAP      1.0

void
steady_diary_week_chart_style_init_print (SteadyDiaryWeekChartStyle *style)
{
  g_return_if_fail (style != NULL);

  *style = (SteadyDiaryWeekChartStyle) {
    .background = { 1, 1, 1, 1 },
    .foreground = { 0, 0, 0, 1 },
    .grid = { 0.75, 0.75, 0.75, 1 },
    .tint = { 0.21, 0.52, 0.89, 0.55 },
    .today = { 0.11, 0.37, 0.70, 1 },
    .font = "Sans 9",
  };
}

/**
 * steady_diary_week_cell_text:
 *
 * Returns: (transfer full): a cell as it is shown: the number, "yes"/"no" for acted on an
 *   urge, or a dash when empty
 */
char *
steady_diary_week_cell_text (SteadyDiaryRowKind kind,
                             int                value)
{
  if (value == STEADY_DIARY_NONE)
    /* Translators: an empty cell of the diary card's week. */
    return g_strdup (C_("diary week", "–"));
  if (kind == STEADY_DIARY_ROW_ACTED)
    return g_strdup (value ? _("yes") : _("no"));
  return g_strdup_printf ("%d", value);
}

/* How strong a cell's tint is, 0–5: the rating of an emotion or urge, half the distress,
 * the top for acting on an urge; skills are not "more" when higher, so they get none. */
int
steady_diary_week_tint_level (SteadyDiaryRowKind kind,
                              int                value)
{
  if (value == STEADY_DIARY_NONE)
    return 0;
  switch (kind)
    {
    case STEADY_DIARY_ROW_EMOTION:
    case STEADY_DIARY_ROW_URGE:
      return CLAMP (value, 0, 5);
    case STEADY_DIARY_ROW_DISTRESS:
      return CLAMP ((value + 1) / 2, 0, 5);
    case STEADY_DIARY_ROW_ACTED:
      return value == 1 ? 5 : 0;
    case STEADY_DIARY_ROW_SKILL:
    default:
      return 0;
    }
}

const char *
steady_diary_week_section_title (SteadyDiaryRowKind kind)
{
  switch (kind)
    {
    case STEADY_DIARY_ROW_EMOTION:
      return _("Emotions (0–5)");
    case STEADY_DIARY_ROW_URGE:
    case STEADY_DIARY_ROW_ACTED:
      return _("Urges (0–5)");
    case STEADY_DIARY_ROW_DISTRESS:
      return _("Distress (0–10)");
    case STEADY_DIARY_ROW_SKILL:
    default:
      return _("Skills (0–7)");
    }
}

static int
section_of (SteadyDiaryRowKind kind)
{
  return kind == STEADY_DIARY_ROW_ACTED ? STEADY_DIARY_ROW_URGE : (int)kind;
}

static const char *
row_name (const SteadyDiaryWeekRow *row)
{
  return row->kind == STEADY_DIARY_ROW_ACTED ? _("acted on it") : row->label;
}

typedef struct
{
  double font_height;
  double name_width;
  double cell_width;
  double width;
  double height;
  double row_y[1];   /* grows: one a week row, then the total */
} Layout;

static PangoLayout *
new_layout (cairo_t                         *cr,
            const SteadyDiaryWeekChartStyle *style,
            gboolean                         bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (style->font);

  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  return layout;
}

static double
text_width (PangoLayout *layout,
            const char  *text)
{
  int width;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* Where everything goes: the y of each week row's top (after the section titles before it). */
static Layout *
lay_out (cairo_t                         *cr,
         const SteadyDiaryWeekChartStyle *style,
         const SteadyDiaryWeek           *week)
{
  g_autoptr(PangoLayout) plain = new_layout (cr, style, FALSE);
  g_autoptr(PangoLayout) bold = new_layout (cr, style, TRUE);
  Layout *layout = g_malloc0 (sizeof (Layout) + sizeof (double) * week->rows->len);
  int font_height;
  int last_section = -1;
  double y;

  pango_layout_set_text (plain, "0", -1);
  pango_layout_get_pixel_size (plain, NULL, &font_height);
  layout->font_height = font_height;
  layout->cell_width = MAX (CELL_WIDTH * font_height, text_width (plain, _("yes")) + font_height);
  for (guint r = 0; r < week->rows->len; r++)
    {
      const SteadyDiaryWeekRow *row = g_ptr_array_index (week->rows, r);

      layout->name_width = MAX (layout->name_width, text_width (plain, row_name (row)));
      layout->name_width = MAX (layout->name_width,
                                text_width (bold, steady_diary_week_section_title (row->kind)) -
                                layout->cell_width);
    }
  layout->name_width += NAME_GAP * font_height;
  layout->width = layout->name_width + 7 * layout->cell_width;

  y = HEADER_HEIGHT * font_height;
  for (guint r = 0; r < week->rows->len; r++)
    {
      const SteadyDiaryWeekRow *row = g_ptr_array_index (week->rows, r);

      if (section_of (row->kind) != last_section)
        {
          y += ROW_HEIGHT * font_height;
          last_section = section_of (row->kind);
        }
      layout->row_y[r] = y;
      y += ROW_HEIGHT * font_height;
    }
  layout->height = y;
  return layout;
}

/**
 * steady_diary_week_chart_measure:
 * @cr: a context like the one it will be drawn on (for the font's metrics)
 *
 * The size the week needs, in the units of @cr.
 */
void
steady_diary_week_chart_measure (cairo_t                         *cr,
                                 const SteadyDiaryWeekChartStyle *style,
                                 const SteadyDiaryWeek           *week,
                                 double                          *out_width,
                                 double                          *out_height)
{
  g_autofree Layout *layout = NULL;

  g_return_if_fail (cr != NULL && style != NULL && week != NULL);

  layout = lay_out (cr, style, week);
  if (out_width != NULL)
    *out_width = layout->width;
  if (out_height != NULL)
    *out_height = layout->height;
}

/**
 * steady_diary_week_chart_get_cell:
 * @row: an index into week->rows
 * @day: 0–6 from week->first_day
 *
 * Where the cell of @row and @day is drawn.
 *
 * Returns: whether there is such a cell
 */
gboolean
steady_diary_week_chart_get_cell (cairo_t                         *cr,
                                  const SteadyDiaryWeekChartStyle *style,
                                  const SteadyDiaryWeek           *week,
                                  guint                            row,
                                  guint                            day,
                                  cairo_rectangle_t               *out_cell)
{
  g_autofree Layout *layout = NULL;

  g_return_val_if_fail (cr != NULL && style != NULL && week != NULL, FALSE);
  g_return_val_if_fail (out_cell != NULL, FALSE);

  if (row >= week->rows->len || day >= 7)
    return FALSE;
  layout = lay_out (cr, style, week);
  *out_cell = (cairo_rectangle_t) {
    layout->name_width + day * layout->cell_width, layout->row_y[row],
    layout->cell_width, ROW_HEIGHT * layout->font_height
  };
  return TRUE;
}

static void
set_color (cairo_t                *cr,
           const SteadyChartColor *color,
           double                  alpha)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a * alpha);
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       width,
           double       height,
           double       xalign)
{
  int text_width_px;
  int text_height_px;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &text_width_px, &text_height_px);
  cairo_move_to (cr, x + (width - text_width_px) * xalign, y + (height - text_height_px) / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_header (cairo_t                         *cr,
             const SteadyDiaryWeekChartStyle *style,
             const SteadyDiaryWeek           *week,
             const Layout                    *layout,
             PangoLayout                     *bold,
             int                              today)
{
  pango_layout_set_alignment (bold, PANGO_ALIGN_CENTER);
  for (int d = 0; d < 7; d++)
    {
      GDate date;
      char weekday[32];
      g_autofree char *text = NULL;
      double x = layout->name_width + d * layout->cell_width;

      steady_journal_day_to_date (week->first_day + d, &date);
      /* Translators: the short weekday over a column of the week; see strftime(3). */
      g_date_strftime (weekday, sizeof weekday, _("%a"), &date);
      text = g_strdup_printf ("%s\n%d", weekday, g_date_get_day (&date));
      set_color (cr, &style->foreground, week->has_card[d] ? 1.0 : 0.55);
      show_text (cr, bold, text, x, 0, layout->cell_width,
                 HEADER_HEIGHT * layout->font_height, 0.5);
      if (week->first_day + d == today)
        {
          set_color (cr, &style->today, 1.0);
          cairo_set_line_width (cr, 2);
          cairo_rectangle (cr, x + 1, 1, layout->cell_width - 2, layout->height - 2);
          cairo_stroke (cr);
        }
    }
  pango_layout_set_alignment (bold, PANGO_ALIGN_LEFT);
}

/**
 * steady_diary_week_chart_draw:
 * @today: the local day to outline, or any day outside the week for none
 *
 * Draws @week at the origin of @cr, in the size steady_diary_week_chart_measure () gives.
 */
void
steady_diary_week_chart_draw (cairo_t                         *cr,
                              const SteadyDiaryWeekChartStyle *style,
                              const SteadyDiaryWeek           *week,
                              int                              today)
{
  g_autofree Layout *layout = NULL;
  g_autoptr(PangoLayout) plain = NULL;
  g_autoptr(PangoLayout) bold = NULL;
  int last_section = -1;

  g_return_if_fail (cr != NULL && style != NULL && week != NULL);

  layout = lay_out (cr, style, week);
  plain = new_layout (cr, style, FALSE);
  bold = new_layout (cr, style, TRUE);

  cairo_save (cr);
  if (style->background.a > 0)
    {
      set_color (cr, &style->background, 1.0);
      cairo_rectangle (cr, 0, 0, layout->width, layout->height);
      cairo_fill (cr);
    }

  for (guint r = 0; r < week->rows->len; r++)
    {
      const SteadyDiaryWeekRow *row = g_ptr_array_index (week->rows, r);
      double row_height = ROW_HEIGHT * layout->font_height;
      double y = layout->row_y[r];

      if (section_of (row->kind) != last_section)
        {
          set_color (cr, &style->foreground, 1.0);
          show_text (cr, bold, steady_diary_week_section_title (row->kind), 0, y - row_height,
                     layout->width, row_height, 0);
          last_section = section_of (row->kind);
        }
      set_color (cr, &style->foreground, row->kind == STEADY_DIARY_ROW_ACTED ? 0.7 : 1.0);
      show_text (cr, plain, row_name (row), row->kind == STEADY_DIARY_ROW_ACTED
                                            ? layout->font_height : 0,
                 y, layout->name_width, row_height, 0);

      for (int d = 0; d < 7; d++)
        {
          g_autofree char *text = steady_diary_week_cell_text (row->kind, row->values[d]);
          int level = steady_diary_week_tint_level (row->kind, row->values[d]);
          double x = layout->name_width + d * layout->cell_width;

          if (level > 0)
            {
              set_color (cr, &style->tint, level / 5.0);
              cairo_rectangle (cr, x + 2, y + 2, layout->cell_width - 4, row_height - 4);
              cairo_fill (cr);
            }
          set_color (cr, &style->grid, 1.0);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, x, y + row_height - 0.5);
          cairo_line_to (cr, x + layout->cell_width, y + row_height - 0.5);
          cairo_stroke (cr);
          set_color (cr, &style->foreground, row->values[d] == STEADY_DIARY_NONE ? 0.55 : 1.0);
          show_text (cr, level == 5 ? bold : plain, text, x, y, layout->cell_width, row_height,
                     0.5);
        }
    }
  draw_header (cr, style, week, layout, bold, today);
  cairo_restore (cr);
}
