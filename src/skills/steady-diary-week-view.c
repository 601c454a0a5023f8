/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-diary-week-view.c: the week of diary cards as a grid of labels, so that every value
 * is text a screen reader reads and a person without colour vision sees; the tint only
 * repeats what the number says. Wider than the window, it scrolls sideways. */

#define G_LOG_DOMAIN "steady-diary-week-view"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-diary-week-chart.h"
#include "steady-diary-week-view.h"
#include "steady-journal-common.h"
#include "steady-skills-library.h"

struct _SteadyDiaryWeekView
{
  AdwBin    parent_instance;

  /* owned widgets */
  GtkWidget *scroller;
  GtkGrid   *grid;
};

G_DEFINE_FINAL_TYPE (SteadyDiaryWeekView, steady_diary_week_view, ADW_TYPE_BIN)

enum
{
  DAY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Grid rows: 0 holds the days; a section title comes before each kind of row. */
#define HEADER_ROW 0

static void
clear_grid (SteadyDiaryWeekView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
day_clicked_cb (GtkButton           *button,
                SteadyDiaryWeekView *self)
{
  g_signal_emit (self, signals[DAY_ACTIVATED], 0,
                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "steady-day")));
}

/* Each day over its column is a button that opens that day's card; days to come are not. */
static void
add_header (SteadyDiaryWeekView   *self,
            const SteadyDiaryWeek *week,
            int                    today)
{
  for (int d = 0; d < 7; d++)
    {
      GDate date;
      char weekday[32];
      g_autofree char *text = NULL;
      g_autofree char *name = NULL;
      GtkWidget *button;
      GtkWidget *label;
      int day = week->first_day + d;

      steady_journal_day_to_date (day, &date);
      /* Translators: the short weekday over a column of the week view; see strftime(3). */
      g_date_strftime (weekday, sizeof weekday, _("%a"), &date);
      text = g_strdup_printf ("%s\n%d", weekday, g_date_get_day (&date));
      label = gtk_label_new (text);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "diary-week-day");
      if (day == today)
        {
          gtk_widget_add_css_class (button, "diary-week-today");
          /* Translators: read by a screen reader over today's column, e.g. "Mon 23, today". */
          name = g_strdup_printf (_("%s %d, today"), weekday, g_date_get_day (&date));
        }
      else
        /* Translators: read by a screen reader over a column of the week, e.g. "Mon 16". */
        name = g_strdup_printf (_("%s %d"), weekday, g_date_get_day (&date));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      gtk_widget_set_tooltip_text (button, _("Open This Day’s Card"));
      if (!week->has_card[d])
        gtk_widget_add_css_class (button, "dim-label");
      gtk_widget_set_sensitive (button, day <= today);
      g_object_set_data (G_OBJECT (button), "steady-day", GINT_TO_POINTER (day));
      g_signal_connect (button, "clicked", G_CALLBACK (day_clicked_cb), self);
      gtk_grid_attach (self->grid, button, 1 + d, HEADER_ROW, 1, 1);
    }
}

/**
 * steady_diary_week_view_set_week:
 * @today: the local day to mark as today
 *
 * Shows @week; the view keeps no reference to it.
 */
void
steady_diary_week_view_set_week (SteadyDiaryWeekView   *self,
                                 const SteadyDiaryWeek *week,
                                 int                    today)
{
  int grid_row = HEADER_ROW + 1;
  int last_section = -1;

  g_return_if_fail (STEADY_IS_DIARY_WEEK_VIEW (self));
  g_return_if_fail (week != NULL);

  clear_grid (self);
  add_header (self, week, today);

  for (guint r = 0; r < week->rows->len; r++)
    {
      const SteadyDiaryWeekRow *row = g_ptr_array_index (week->rows, r);
      int section = row->kind == STEADY_DIARY_ROW_ACTED ? STEADY_DIARY_ROW_URGE : row->kind;
      GtkWidget *label;

      if (section != last_section)
        {
          label = new_label (steady_diary_week_section_title (row->kind), "diary-week-section");
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_grid_attach (self->grid, label, 0, grid_row++, 8, 1);
          last_section = section;
        }
      if (row->kind == STEADY_DIARY_ROW_ACTED)
        {
          label = new_label (_("acted on it"), "diary-week-acted");
          gtk_widget_add_css_class (label, "dim-label");
        }
      else
        label = new_label (row->label, "diary-week-name");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      /* Names wrap but are never cut: at 360 px the grid scrolls sideways instead. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
      gtk_label_set_width_chars (GTK_LABEL (label), 9);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
      gtk_grid_attach (self->grid, label, 0, grid_row, 1, 1);

      for (int d = 0; d < 7; d++)
        {
          g_autofree char *text = steady_diary_week_cell_text (row->kind, row->values[d]);
          int level = steady_diary_week_tint_level (row->kind, row->values[d]);
          g_autofree char *tint = g_strdup_printf ("diary-tint-%d", level);
          GtkWidget *cell = new_label (text, "diary-week-cell");

          gtk_widget_set_valign (cell, GTK_ALIGN_CENTER);

          if (row->values[d] == STEADY_DIARY_NONE)
            gtk_widget_add_css_class (cell, "dim-label");
          else
            gtk_widget_add_css_class (cell, tint);
          if (week->first_day + d == today)
            gtk_widget_add_css_class (cell, "diary-week-today");
          g_object_set_data (G_OBJECT (cell), "steady-week-row", GUINT_TO_POINTER (r + 1));
          gtk_grid_attach (self->grid, cell, 1 + d, grid_row, 1, 1);
        }
      grid_row++;
    }
}

/**
 * steady_diary_week_view_get_cell:
 * @row: an index into the week's rows
 * @day: 0–6, counted from the week's first day
 *
 * Returns: (transfer none) (nullable): the label showing that value
 */
GtkWidget *
steady_diary_week_view_get_cell (SteadyDiaryWeekView *self,
                                 guint                row,
                                 guint                day)
{
  g_return_val_if_fail (STEADY_IS_DIARY_WEEK_VIEW (self), NULL);
  g_return_val_if_fail (day < 7, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->grid)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int column;

      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "steady-week-row")) != row + 1)
        continue;
      gtk_grid_query_child (self->grid, child, &column, NULL, NULL, NULL);
      if (column == (int)day + 1)
        return child;
    }
  return NULL;
}

/* The button over the column of @day (0–6). */
GtkWidget *
steady_diary_week_view_get_header (SteadyDiaryWeekView *self,
                                   guint                day)
{
  g_return_val_if_fail (STEADY_IS_DIARY_WEEK_VIEW (self), NULL);
  g_return_val_if_fail (day < 7, NULL);

  return gtk_grid_get_child_at (self->grid, 1 + day, HEADER_ROW);
}

static void
steady_diary_week_view_class_init (SteadyDiaryWeekViewClass *klass)
{
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "diary-week");

  /* The person chose a day (its local day) to see its card. */
  signals[DAY_ACTIVATED] = g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
steady_diary_week_view_init (SteadyDiaryWeekView *self)
{
  GtkWidget *box;
  GtkWidget *legend_label;
  GString *legend;

  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 4);
  gtk_grid_set_row_spacing (self->grid, 4);
  gtk_widget_set_margin_top (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->grid), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->grid), 12);

  /* The grid and its legend, centred together in a wide window. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->grid));
  /* What the skills' numbers mean, as the card shows them, for reading the week aloud. */
  legend = g_string_new (_("Skills"));
  for (int i = 0; i <= STEADY_SKILL_RATING_MAX; i++)
    g_string_append_printf (legend, "\n%d  %s", i, steady_skill_rating_get_meaning (i));
  legend_label = gtk_label_new (legend->str);
  g_string_free (legend, TRUE);
  gtk_label_set_wrap (GTK_LABEL (legend_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (legend_label), 0);
  gtk_widget_set_halign (legend_label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (legend_label, 12);
  gtk_widget_set_margin_start (legend_label, 12);
  gtk_widget_set_margin_end (legend_label, 12);
  gtk_widget_set_margin_bottom (legend_label, 18);
  gtk_widget_add_css_class (legend_label, "dim-label");
  gtk_widget_add_css_class (legend_label, "caption");
  gtk_box_append (GTK_BOX (box), legend_label);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), box);
  adw_bin_set_child (ADW_BIN (self), self->scroller);
}

GtkWidget *
steady_diary_week_view_new (void)
{
  return g_object_new (STEADY_TYPE_DIARY_WEEK_VIEW, NULL);
}
