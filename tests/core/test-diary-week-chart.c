/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-diary-week-chart.c: the diary card's week drawn with cairo for the report: every
 * value in its own cell on its own day, the tint following the value, today outlined, and
 * the same drawing on a PDF surface. */

#define G_LOG_DOMAIN "steady-test-diary-week-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "steady-database.h"
#include "steady-diary-store.h"
#include "steady-diary-week-chart.h"

/* A Monday. */
#define FIRST_DAY 20409

typedef struct
{
  SteadyDatabase   *database;
  SteadyDiaryStore *store;
  SteadyDiaryWeek  *week;
  char             *sadness;
  char             *urge;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_database_get_default_path ();
  g_autoptr(SteadyDiaryTarget) sadness = NULL;
  g_autoptr(SteadyDiaryTarget) urge = NULL;

  fixture->database = steady_database_open (path, &error);
  g_assert_no_error (error);
  fixture->store = steady_diary_store_new (fixture->database);
  sadness = steady_diary_store_add_target (fixture->store, STEADY_DIARY_TARGET_EMOTION,
                                           "Sadness", &error);
  urge = steady_diary_store_add_target (fixture->store, STEADY_DIARY_TARGET_URGE,
                                        "Self-harm", &error);
  g_assert_no_error (error);
  fixture->sadness = g_strdup (sadness->uuid);
  fixture->urge = g_strdup (urge->uuid);

  /* Monday to Thursday: sadness 5, 3, 0, 1; the urge on Monday, acted on; distress by day;
   * nothing from Friday on. */
  for (int d = 0; d < 4; d++)
    {
      static const int sadness_values[] = { 5, 3, 0, 1 };
      g_autoptr(SteadyDiaryCard) card = steady_diary_card_new (FIRST_DAY + d, 0);

      steady_diary_card_set_rating (card, fixture->sadness, sadness_values[d], STEADY_DIARY_NONE);
      if (d == 0)
        steady_diary_card_set_rating (card, fixture->urge, 4, 1);
      card->distress = 2 * d + 1;
      g_assert_true (steady_diary_store_save_card (fixture->store, card, &error));
      g_assert_no_error (error);
    }
  fixture->week = steady_diary_store_get_week (fixture->store, FIRST_DAY, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->week, steady_diary_week_free);
  g_clear_pointer (&fixture->sadness, g_free);
  g_clear_pointer (&fixture->urge, g_free);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->database);
}

static guint
row_index (const SteadyDiaryWeek *week,
           SteadyDiaryRowKind     kind)
{
  for (guint r = 0; r < week->rows->len; r++)
    if (((SteadyDiaryWeekRow *)g_ptr_array_index (week->rows, r))->kind == kind)
      return r;
  g_assert_not_reached ();
  return 0;
}

/* The colour at the middle of the left edge of a cell, inside its tint but off its text. */
static void
sample (cairo_surface_t         *surface,
        const cairo_rectangle_t *cell,
        guint8                  *out_rgb)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  int x = (int)(cell->x + 4);
  int y = (int)(cell->y + cell->height / 2);
  const guint8 *pixel = data + y * stride + x * 4;

  /* ARGB32 in native byte order, little endian here: B, G, R, A. */
  out_rgb[0] = pixel[2];
  out_rgb[1] = pixel[1];
  out_rgb[2] = pixel[0];
}

static void
test_words_and_levels (void)
{
  g_autofree char *none = steady_diary_week_cell_text (STEADY_DIARY_ROW_EMOTION,
                                                      STEADY_DIARY_NONE);
  g_autofree char *three = steady_diary_week_cell_text (STEADY_DIARY_ROW_URGE, 3);
  g_autofree char *yes = steady_diary_week_cell_text (STEADY_DIARY_ROW_ACTED, 1);
  g_autofree char *no = steady_diary_week_cell_text (STEADY_DIARY_ROW_ACTED, 0);

  g_assert_cmpstr (none, ==, "–");
  g_assert_cmpstr (three, ==, "3");
  g_assert_cmpstr (yes, ==, "yes");
  g_assert_cmpstr (no, ==, "no");
  g_assert_cmpint (steady_diary_week_tint_level (STEADY_DIARY_ROW_EMOTION, 4), ==, 4);
  g_assert_cmpint (steady_diary_week_tint_level (STEADY_DIARY_ROW_DISTRESS, 10), ==, 5);
  g_assert_cmpint (steady_diary_week_tint_level (STEADY_DIARY_ROW_DISTRESS, 0), ==, 0);
  g_assert_cmpint (steady_diary_week_tint_level (STEADY_DIARY_ROW_ACTED, 0), ==, 0);
  g_assert_cmpint (steady_diary_week_tint_level (STEADY_DIARY_ROW_SKILL, 7), ==, 0);
  g_assert_cmpint (steady_diary_week_tint_level (STEADY_DIARY_ROW_URGE, STEADY_DIARY_NONE), ==,
                   0);
}

static void
test_layout (Fixture       *fixture,
             gconstpointer  data)
{
  SteadyDiaryWeekChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  double width = 0;
  double height = 0;
  cairo_rectangle_t previous = { 0 };

  steady_diary_week_chart_style_init_print (&style);
  steady_diary_week_chart_measure (cr, &style, fixture->week, &width, &height);
  g_assert_cmpfloat (width, >, 100);
  g_assert_cmpfloat (height, >, 50);

  /* Cells go left to right by day and top to bottom by row, inside the chart, apart. */
  for (guint r = 0; r < fixture->week->rows->len; r++)
    for (guint d = 0; d < 7; d++)
      {
        cairo_rectangle_t cell;

        g_assert_true (steady_diary_week_chart_get_cell (cr, &style, fixture->week, r, d,
                                                         &cell));
        g_assert_cmpfloat (cell.x, >=, 0);
        g_assert_cmpfloat (cell.y, >=, 0);
        g_assert_cmpfloat (cell.x + cell.width, <=, width + 0.001);
        g_assert_cmpfloat (cell.y + cell.height, <=, height + 0.001);
        if (d > 0)
          g_assert_cmpfloat (cell.x, >=, previous.x + previous.width - 0.001);
        else if (r > 0)
          g_assert_cmpfloat (cell.y, >=, previous.y + previous.height - 0.001);
        previous = cell;
      }
  g_assert_false (steady_diary_week_chart_get_cell (cr, &style, fixture->week, 0, 7,
                                                    &previous));
  g_assert_false (steady_diary_week_chart_get_cell (cr, &style, fixture->week,
                                                    fixture->week->rows->len, 0, &previous));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The tint follows the value; empty and zero cells stay the background; acted is tinted. */
static void
test_tints (Fixture       *fixture,
            gconstpointer  data)
{
  SteadyDiaryWeekChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  guint emotion = row_index (fixture->week, STEADY_DIARY_ROW_EMOTION);
  guint acted = row_index (fixture->week, STEADY_DIARY_ROW_ACTED);
  cairo_rectangle_t cells[7];
  cairo_rectangle_t acted_cells[2];
  guint8 rgb[7][3];
  guint8 acted_rgb[2][3];
  double width;
  double height;

  steady_diary_week_chart_style_init_print (&style);
  steady_diary_week_chart_measure (cr, &style, fixture->week, &width, &height);
  for (guint d = 0; d < 7; d++)
    steady_diary_week_chart_get_cell (cr, &style, fixture->week, emotion, d, &cells[d]);
  for (guint d = 0; d < 2; d++)
    steady_diary_week_chart_get_cell (cr, &style, fixture->week, acted, d, &acted_cells[d]);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)width + 1, (int)height + 1);
  cr = cairo_create (surface);
  /* Today is outside the week: no outline over the cells sampled. */
  steady_diary_week_chart_draw (cr, &style, fixture->week, FIRST_DAY - 30);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  for (guint d = 0; d < 7; d++)
    sample (surface, &cells[d], rgb[d]);
  for (guint d = 0; d < 2; d++)
    sample (surface, &acted_cells[d], acted_rgb[d]);

  /* Monday 5 is darker than Tuesday 3, which is darker than Thursday 1. */
  g_assert_cmpint (rgb[0][0], <, rgb[1][0]);
  g_assert_cmpint (rgb[1][0], <, rgb[3][0]);
  g_assert_cmpint (rgb[3][0], <, 255);
  /* Wednesday 0 and the empty Friday are the white background. */
  g_assert_cmpint (rgb[2][0], ==, 255);
  g_assert_cmpint (rgb[2][2], ==, 255);
  g_assert_cmpint (rgb[4][0], ==, 255);
  /* Acted on it on Monday is tinted; Tuesday has no urge rated. */
  g_assert_cmpint (acted_rgb[0][0], <, 255);
  g_assert_cmpint (acted_rgb[1][0], ==, 255);

  /* Outlining today changes the picture only around today's column. */
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)width + 1, (int)height + 1);
  cr = cairo_create (surface);
  steady_diary_week_chart_draw (cr, &style, fixture->week, FIRST_DAY + 4);
  cairo_surface_flush (surface);
  {
    const guint8 *pixels = cairo_image_surface_get_data (surface);
    int stride = cairo_image_surface_get_stride (surface);
    int x = (int)cells[4].x + 1;
    int y = (int)(cells[4].y + cells[4].height / 2);
    const guint8 *pixel = pixels + y * stride + x * 4;

    g_assert_cmpint (pixel[2], <, 128);
  }
  /* For a person to look at, as the UI tests' screenshots. */
  if (g_getenv ("STEADY_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("STEADY_SCREENSHOT_DIR"),
                                               "diary-week-chart-print.png", NULL);

      g_mkdir_with_parents (g_getenv ("STEADY_SCREENSHOT_DIR"), 0700);
      g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The report draws the same week into a PDF. */
static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  SteadyDiaryWeekChartStyle style;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "week.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  GStatBuf st;

  steady_diary_week_chart_style_init_print (&style);
  cairo_translate (cr, 36, 36);
  steady_diary_week_chart_draw (cr, &style, fixture->week, FIRST_DAY);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/diary/week-chart/words-and-levels", test_words_and_levels);
  g_test_add ("/diary/week-chart/layout", Fixture, NULL, fixture_set_up, test_layout,
              fixture_tear_down);
  g_test_add ("/diary/week-chart/tints", Fixture, NULL, fixture_set_up, test_tints,
              fixture_tear_down);
  g_test_add ("/diary/week-chart/pdf", Fixture, NULL, fixture_set_up, test_pdf,
              fixture_tear_down);
  return g_test_run ();
}
