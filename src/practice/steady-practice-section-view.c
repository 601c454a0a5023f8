/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-practice-section-view.c: the practice part of the Skills page: start breathing or a
 * mindfulness sit in one click, and the history with minutes per week. */

#define G_LOG_DOMAIN "steady-practice-section-view"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-application.h"
#include "steady-breathing-view.h"
#include "steady-mindfulness-view.h"
#include "steady-practice-section-view.h"
#include "steady-practice-view.h"

#define N_WEEKS   4
#define N_RECENT  8
#define RECENT_DAYS 60

struct _SteadyPracticeSectionView
{
  GtkWidget            parent_instance;

  /* children */
  AdwPreferencesGroup *start_group;
  AdwPreferencesGroup *weeks_group;
  AdwPreferencesGroup *recent_group;

  /* unowned: the rows of the history, replaced on every reload */
  GPtrArray           *history_rows;

  /* owned */
  SteadyPracticeStore *store;
};

G_DEFINE_FINAL_TYPE (SteadyPracticeSectionView, steady_practice_section_view, GTK_TYPE_WIDGET)

GtkWidget *
steady_practice_section_view_new (void)
{
  return g_object_new (STEADY_TYPE_PRACTICE_SECTION_VIEW, NULL);
}

/* The store comes from the application's database unless a test gave one. */
static SteadyPracticeStore *
ensure_store (SteadyPracticeSectionView *self)
{
  GtkRoot *root;
  GtkApplication *application;
  SteadyDatabase *database;

  if (self->store != NULL)
    return self->store;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (!GTK_IS_WINDOW (root))
    return NULL;
  application = gtk_window_get_application (GTK_WINDOW (root));
  if (!STEADY_IS_APPLICATION (application))
    return NULL;
  database = steady_application_get_database (STEADY_APPLICATION (application));
  if (database == NULL)
    return NULL;
  self->store = steady_practice_store_new (database);
  return self->store;
}

void
steady_practice_section_view_set_store (SteadyPracticeSectionView *self,
                                   SteadyPracticeStore   *store)
{
  g_return_if_fail (STEADY_IS_PRACTICE_SECTION_VIEW (self));
  g_return_if_fail (store == NULL || STEADY_IS_PRACTICE_STORE (store));

  g_set_object (&self->store, store);
  steady_practice_section_view_reload (self);
}

static void
add_history_row (SteadyPracticeSectionView *self,
                 AdwPreferencesGroup   *group,
                 const char            *title,
                 const char            *subtitle,
                 const char            *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);

      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->history_rows, row);
}

static void
clear_history (SteadyPracticeSectionView *self)
{
  for (guint i = 0; i < self->history_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->history_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->history_rows, 0);
}

static char *
week_title (const SteadyPracticeWeek *week,
            guint                     weeks_ago)
{
  char text[64];

  if (weeks_ago == 0)
    return g_strdup (_("This week"));
  if (weeks_ago == 1)
    return g_strdup (_("Last week"));
  /* Translators: a week in the practice history, by its Monday, as strftime; like "9 Nov". */
  g_date_strftime (text, sizeof text, C_("practice week", "Week of %-d %b"), &week->monday);
  return g_strdup (text);
}

static void
load_weeks (SteadyPracticeSectionView *self,
            GDate                 *today)
{
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GError) error = NULL;
  GDate first = *today;

  g_date_subtract_days (&first, 7 * (N_WEEKS - 1));
  weeks = steady_practice_store_list_weeks (self->store, &first, today, &error);
  if (weeks == NULL)
    {
      add_history_row (self, self->weeks_group, _("Your practice history could not be read"),
                       error->message, NULL);
      return;
    }

  /* Newest first: this week is what a person looks for. */
  for (guint i = weeks->len; i > 0; i--)
    {
      const SteadyPracticeWeek *week = &g_array_index (weeks, SteadyPracticeWeek, i - 1);
      g_autofree char *title = week_title (week, weeks->len - i);
      g_autofree char *subtitle = NULL;
      g_autofree char *minutes = NULL;

      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u practice", "%u practices",
                                               week->n_practices),
                                  week->n_practices);
      /* Translators: minutes practised in a week, short, like "25 min". */
      minutes = g_strdup_printf (_("%u min"), week->minutes);
      add_history_row (self, self->weeks_group, title, subtitle, minutes);
    }
}

static char *
describe_record (const SteadyPracticeRecord *record)
{
  g_autoptr(GDateTime) started = steady_practice_record_get_started_at (record);
  g_autofree char *when = NULL;
  g_autofree char *length = steady_practice_view_format_minutes (record->actual_us);
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: when a practice began, as g_date_time_format; like "Sun 22 Nov, 21:40". */
  when = g_date_time_format (started, C_("practice time", "%a %-d %b, %H:%M"));
  g_string_append_printf (text, "%s · %s", when, length);
  if (record->distress_before != STEADY_PRACTICE_NO_DISTRESS &&
      record->distress_after != STEADY_PRACTICE_NO_DISTRESS)
    /* Translators: distress ratings 0–10 before and after a practice. */
    g_string_append_printf (text, _(" · distress %d → %d"), record->distress_before,
                            record->distress_after);
  else if (record->distress_before != STEADY_PRACTICE_NO_DISTRESS)
    g_string_append_printf (text, _(" · distress %d before"), record->distress_before);
  if (!record->completed)
    g_string_append_printf (text, " · %s", _("stopped early"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
load_recent (SteadyPracticeSectionView *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now_us = g_get_real_time ();
  guint shown = 0;

  records = steady_practice_store_list_range (self->store,
                                              now_us - RECENT_DAYS * G_TIME_SPAN_DAY,
                                              now_us + G_TIME_SPAN_DAY, &error);
  if (records == NULL)
    {
      add_history_row (self, self->recent_group, _("Your recent practice could not be read"),
                       error->message, NULL);
      return;
    }
  if (records->len == 0)
    {
      add_history_row (self, self->recent_group, _("Nothing yet"),
                       _("Each breathing practice and sit you do will be listed here."), NULL);
      return;
    }

  for (guint i = records->len; i > 0 && shown < N_RECENT; i--, shown++)
    {
      const SteadyPracticeRecord *record = g_ptr_array_index (records, i - 1);
      g_autofree char *subtitle = describe_record (record);
      const char *title;

      if (record->kind == STEADY_PRACTICE_KIND_BREATHING && record->pattern != NULL)
        title = steady_breathing_pattern_get_name (record->pattern);
      else
        title = _("Mindfulness sit");
      add_history_row (self, self->recent_group, title, subtitle, NULL);
    }
}

/* Reads the history again (after a practice, or when the page is shown). */
void
steady_practice_section_view_reload (SteadyPracticeSectionView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_return_if_fail (STEADY_IS_PRACTICE_SECTION_VIEW (self));

  clear_history (self);
  if (ensure_store (self) == NULL)
    return;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay)g_date_time_get_day_of_month (now),
                  (GDateMonth)g_date_time_get_month (now), (GDateYear)g_date_time_get_year (now));
  load_weeks (self, &today);
  load_recent (self);
}

static GtkWindow *
get_parent_window (SteadyPracticeSectionView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

GtkWindow *
steady_practice_section_view_start_breathing (SteadyPracticeSectionView *self)
{
  SteadyBreathingView *view;

  g_return_val_if_fail (STEADY_IS_PRACTICE_SECTION_VIEW (self), NULL);

  if (ensure_store (self) == NULL)
    return NULL;
  view = steady_breathing_view_new (get_parent_window (self), self->store);
  g_signal_connect_object (view, "saved", G_CALLBACK (steady_practice_section_view_reload), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (view));
  return GTK_WINDOW (view);
}

GtkWindow *
steady_practice_section_view_start_mindfulness (SteadyPracticeSectionView *self)
{
  SteadyMindfulnessView *view;

  g_return_val_if_fail (STEADY_IS_PRACTICE_SECTION_VIEW (self), NULL);

  if (ensure_store (self) == NULL)
    return NULL;
  view = steady_mindfulness_view_new (get_parent_window (self), self->store);
  g_signal_connect_object (view, "saved", G_CALLBACK (steady_practice_section_view_reload), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (view));
  return GTK_WINDOW (view);
}

/* The whole row starts the practice; its button is what a screen reader finds and names. */
static GtkWidget *
make_start_row (const char *title,
                const char *subtitle,
                const char *button_name,
                const char *icon_name,
                const char *action_name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, button_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  button_name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  /* Not the row's activatable widget: that would name the button after the row as well. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (gtk_widget_activate), button,
                           G_CONNECT_SWAPPED);
  return row;
}

static void
steady_practice_section_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (steady_practice_section_view_parent_class)->map (widget);
  steady_practice_section_view_reload (STEADY_PRACTICE_SECTION_VIEW (widget));
}

static void
steady_practice_section_view_dispose (GObject *object)
{
  SteadyPracticeSectionView *self = STEADY_PRACTICE_SECTION_VIEW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (steady_practice_section_view_parent_class)->dispose (object);
}

static void
steady_practice_section_view_class_init (SteadyPracticeSectionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_practice_section_view_dispose;
  widget_class->map = steady_practice_section_view_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "practicesection");
}

static void
steady_practice_section_view_init (SteadyPracticeSectionView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 24);
  self->history_rows = g_ptr_array_new ();

  self->start_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->start_group, _("Breathing and Mindfulness"));
  adw_preferences_group_set_description (self->start_group,
                                         _("A few calm minutes, whenever you need them."));
  adw_preferences_group_add (self->start_group,
                             make_start_row (_("Breathing"),
                                             _("Breathe with a shape that grows and shrinks"),
                                             _("Start Breathing"),
                                             "weather-windy-symbolic", "win.start-breathing"));
  adw_preferences_group_add (self->start_group,
                             make_start_row (_("Mindfulness"),
                                             _("A quiet timer with bells"),
                                             _("Start Mindfulness"),
                                             "alarm-symbolic", "win.start-mindfulness"));
  gtk_widget_set_parent (GTK_WIDGET (self->start_group), GTK_WIDGET (self));

  self->weeks_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->weeks_group, _("Minutes per Week"));
  gtk_widget_set_parent (GTK_WIDGET (self->weeks_group), GTK_WIDGET (self));

  self->recent_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->recent_group, _("Recent Practice"));
  gtk_widget_set_parent (GTK_WIDGET (self->recent_group), GTK_WIDGET (self));
}
