/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-month-view.c: a month as a grid of day buttons, each with a dot per session and an
 * accessible name that says the day and how many sessions it has. Arrow keys move between
 * days and weeks, into the next or previous month at the edges; activating a day emits
 * "day-activated" with its "YYYY-MM-DD". */

#define G_LOG_DOMAIN "steady-month-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steady-month-view.h"
#include "steady-occurrence.h"
#include "steady-week-start.h"

#define MAX_DOTS 4

struct _SteadyMonthView
{
  GtkBox      parent_instance;

  /* owned widgets */
  GtkWidget  *title;
  GtkGrid    *grid;
  GtkWidget  *day_buttons[31];

  /* owned */
  GHashTable *counts;  /* "YYYY-MM-DD" → number of sessions that day */

  int          year;
  int          month;
  GDateWeekday first_weekday;  /* the locale's, unless set */
};

enum {
  DAY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SteadyMonthView, steady_month_view, GTK_TYPE_BOX)

GtkWidget *
steady_month_view_new (void)
{
  return g_object_new (STEADY_TYPE_MONTH_VIEW, NULL);
}

static char *
day_key (int year,
         int month,
         int day)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static void
day_clicked_cb (GtkButton       *button,
                SteadyMonthView *self)
{
  int day = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "day"));
  g_autofree char *key = day_key (self->year, self->month, day);

  g_signal_emit (self, signals[DAY_ACTIVATED], 0, key);
}

static void
clear_grid (SteadyMonthView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  memset (self->day_buttons, 0, sizeof self->day_buttons);
}

static void
rebuild (SteadyMonthView *self)
{
  g_autoptr(GDateTime) first = g_date_time_new_local (self->year, self->month, 1, 0, 0, 0);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *title = NULL;
  int n_days = g_date_get_days_in_month (self->month, self->year);
  /* Weeks begin where the person's calendar begins them: Sunday in the United States,
   * Monday in most of Europe. */
  int column = (int)steady_week_start_column (g_date_time_get_day_of_week (first),
                                              self->first_weekday);
  int row = 1;

  clear_grid (self);

  /* Translators: the month shown in the month grid; see g_date_time_format(). */
  title = g_date_time_format (first, _("%B %Y"));
  gtk_label_set_label (GTK_LABEL (self->title), title);

  for (int i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) weekday = g_date_time_add_days (first, i - column);
      g_autofree char *name = g_date_time_format (weekday, "%a");
      GtkWidget *label = gtk_label_new (name);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_grid_attach (self->grid, label, i, 0, 1, 1);
    }

  for (int day = 1; day <= n_days; day++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_local (self->year, self->month, day, 0, 0, 0);
      g_autofree char *key = day_key (self->year, self->month, day);
      g_autofree char *number = g_strdup_printf ("%d", day);
      g_autofree char *date_words = NULL;
      g_autofree char *accessible = NULL;
      g_autofree char *dots = NULL;
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, key));
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *dot_label;
      GString *dot_text = g_string_new (NULL);

      gtk_box_append (GTK_BOX (box), gtk_label_new (number));
      for (guint i = 0; i < MIN (count, MAX_DOTS); i++)
        g_string_append (dot_text, "•");
      dots = g_string_free (dot_text, FALSE);
      dot_label = gtk_label_new (dots);
      gtk_widget_add_css_class (dot_label, "accent");
      gtk_box_append (GTK_BOX (box), dot_label);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "month-day");
      gtk_widget_set_hexpand (button, TRUE);
      if (g_date_time_get_year (today) == self->year &&
          g_date_time_get_month (today) == self->month &&
          g_date_time_get_day_of_month (today) == day)
        gtk_widget_add_css_class (button, "month-today");

      /* Translators: a day of the month grid; see g_date_time_format(). */
      date_words = g_date_time_format (date, _("%A %-d %B"));
      if (count == 0)
        /* Translators: a day without sessions in the month grid, e.g. "Monday 23 November,
         * no sessions". */
        accessible = g_strdup_printf (_("%s, no sessions"), date_words);
      else
        /* Translators: e.g. "Monday 23 November, 2 sessions". */
        accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u session",
                                                   "%s, %u sessions", count),
                                      date_words, count);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      gtk_widget_set_tooltip_text (button, accessible);
      g_object_set_data (G_OBJECT (button), "day", GINT_TO_POINTER (day));
      g_signal_connect (button, "clicked", G_CALLBACK (day_clicked_cb), self);
      gtk_grid_attach (self->grid, button, column, row, 1, 1);
      self->day_buttons[day - 1] = button;

      if (++column == 7)
        {
          column = 0;
          row++;
        }
    }
}

void
steady_month_view_set_month (SteadyMonthView *self,
                             int              year,
                             int              month)
{
  g_return_if_fail (STEADY_IS_MONTH_VIEW (self));
  g_return_if_fail (month >= 1 && month <= 12);

  self->year = year;
  self->month = month;
  rebuild (self);
}

/* Which weekday the grid's first column is; the locale's by default. */
void
steady_month_view_set_first_weekday (SteadyMonthView *self,
                                     GDateWeekday     first_weekday)
{
  g_return_if_fail (STEADY_IS_MONTH_VIEW (self));
  g_return_if_fail (g_date_valid_weekday (first_weekday));

  if (self->first_weekday == first_weekday)
    return;
  self->first_weekday = first_weekday;
  rebuild (self);
}

GDateWeekday
steady_month_view_get_first_weekday (SteadyMonthView *self)
{
  g_return_val_if_fail (STEADY_IS_MONTH_VIEW (self), G_DATE_BAD_WEEKDAY);

  return self->first_weekday;
}

/* Counts the sessions of each day; cancelled ones are not dotted. */
void
steady_month_view_set_occurrences (SteadyMonthView *self,
                                   GPtrArray       *occurrences)
{
  g_return_if_fail (STEADY_IS_MONTH_VIEW (self));

  g_hash_table_remove_all (self->counts);
  for (guint i = 0; occurrences != NULL && i < occurrences->len; i++)
    {
      SteadyOccurrence *occurrence = g_ptr_array_index (occurrences, i);
      g_autoptr(GDateTime) start = NULL;
      char *key;

      if (occurrence->flags & STEADY_OCCURRENCE_CANCELLED)
        continue;
      start = g_date_time_new_from_unix_local (occurrence->start_us / G_USEC_PER_SEC);
      key = g_date_time_format (start, "%Y-%m-%d");
      g_hash_table_insert (self->counts, key,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->counts,
                                                                                    key)) + 1));
    }
  rebuild (self);
}

GtkWidget *
steady_month_view_get_day_button (SteadyMonthView *self,
                                  int              day)
{
  g_return_val_if_fail (STEADY_IS_MONTH_VIEW (self), NULL);
  g_return_val_if_fail (day >= 1 && day <= 31, NULL);

  return self->day_buttons[day - 1];
}

static void
shift_month (SteadyMonthView *self,
             int              delta)
{
  int month = self->month + delta;
  int year = self->year;

  if (month < 1)
    {
      month = 12;
      year--;
    }
  else if (month > 12)
    {
      month = 1;
      year++;
    }
  steady_month_view_set_month (self, year, month);
}

static void
previous_clicked_cb (SteadyMonthView *self)
{
  shift_month (self, -1);
}

static void
next_clicked_cb (SteadyMonthView *self)
{
  shift_month (self, +1);
}

/* Moves the keyboard focus @days days from the focused day, into the month before or after
 * when it leaves this one; returns FALSE when no day has the focus. */
gboolean
steady_month_view_move_focus (SteadyMonthView *self,
                              int              days)
{
  GtkRoot *root;
  GtkWidget *focus;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  int day = 0;

  g_return_val_if_fail (STEADY_IS_MONTH_VIEW (self), FALSE);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  for (; focus != NULL && day == 0; focus = gtk_widget_get_parent (focus))
    day = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (focus), "day"));
  if (day == 0)
    return FALSE;

  from = g_date_time_new_local (self->year, self->month, day, 12, 0, 0);
  to = g_date_time_add_days (from, days);
  if (g_date_time_get_month (to) != self->month || g_date_time_get_year (to) != self->year)
    steady_month_view_set_month (self, g_date_time_get_year (to), g_date_time_get_month (to));
  gtk_widget_grab_focus (self->day_buttons[g_date_time_get_day_of_month (to) - 1]);
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SteadyMonthView       *self)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      return steady_month_view_move_focus (self, rtl ? 1 : -1);
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return steady_month_view_move_focus (self, rtl ? -1 : 1);
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return steady_month_view_move_focus (self, -7);
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return steady_month_view_move_focus (self, 7);
    default:
      return FALSE;
    }
}

static void
steady_month_view_finalize (GObject *object)
{
  SteadyMonthView *self = STEADY_MONTH_VIEW (object);

  g_clear_pointer (&self->counts, g_hash_table_unref);

  G_OBJECT_CLASS (steady_month_view_parent_class)->finalize (object);
}

static void
steady_month_view_class_init (SteadyMonthViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steady_month_view_finalize;

  /**
   * SteadyMonthView::day-activated:
   * @day: the day, as "YYYY-MM-DD"
   */
  signals[DAY_ACTIVATED] = g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
steady_month_view_init (SteadyMonthView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *previous = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *next = gtk_button_new_from_icon_name ("go-next-symbolic");
  GtkEventController *key;

  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->first_weekday = steady_week_start_from_locale ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  gtk_widget_set_tooltip_text (previous, _("Previous Month"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (previous), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Previous Month"), -1);
  gtk_widget_set_tooltip_text (next, _("Next Month"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (next), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Next Month"), -1);
  g_signal_connect_swapped (previous, "clicked", G_CALLBACK (previous_clicked_cb), self);
  g_signal_connect_swapped (next, "clicked", G_CALLBACK (next_clicked_cb), self);
  self->title = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->title, "title-4");
  gtk_widget_set_hexpand (self->title, TRUE);
  gtk_box_append (GTK_BOX (header), previous);
  gtk_box_append (GTK_BOX (header), self->title);
  gtk_box_append (GTK_BOX (header), next);
  gtk_box_append (GTK_BOX (self), header);

  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_homogeneous (self->grid, TRUE);
  gtk_grid_set_row_spacing (self->grid, 2);
  gtk_grid_set_column_spacing (self->grid, 2);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->grid));

  /* Arrows go from day to day and week to week, across the month's edges, as in a calendar. */
  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->grid), key);

  steady_month_view_set_month (self, g_date_time_get_year (now), g_date_time_get_month (now));
}
