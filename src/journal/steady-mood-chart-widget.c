/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-mood-chart-widget.c: one of the journal's charts on screen. The drawing is
 * steady-mood-chart.c's, in the light or dark colours of the moment; the summary in words
 * goes to assistive technology as the chart's description. */

#define G_LOG_DOMAIN "steady-mood-chart-widget"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "steady-mood-chart-widget.h"

struct _SteadyMoodChartWidget
{
  GtkWidget           parent_instance;

  /* owned */
  SteadyJournalStore *store;
  GArray             *days;     /* SteadyDaySummary, or SteadySleepMood for sleep */
  GArray             *previous; /* SteadyDaySummary of the same span before */
  GPtrArray          *emotions; /* SteadyEmotionCount */
  char               *summary;

  SteadyMoodChartKind kind;
  guint               n_days;
  int                 first_day;
  int                 last_day;
  gboolean            stale;    /* to be read again when next shown */
};

G_DEFINE_FINAL_TYPE (SteadyMoodChartWidget, steady_mood_chart_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return steady_journal_day_from_time (g_date_time_to_unix (now) * G_USEC_PER_SEC,
                                       (int)(g_date_time_get_utc_offset (now) / G_USEC_PER_SEC));
}

static void
set_summary (SteadyMoodChartWidget *self,
             char                  *summary)
{
  g_free (self->summary);
  self->summary = summary;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  summary, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

/* Reads the chart's data again, for the days that end today. */
void
steady_mood_chart_widget_reload (SteadyMoodChartWidget *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (STEADY_IS_MOOD_CHART_WIDGET (self));

  self->stale = FALSE;
  self->last_day = today ();
  self->first_day = self->last_day - (int)self->n_days + 1;
  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->previous, g_array_unref);
  g_clear_pointer (&self->emotions, g_ptr_array_unref);

  switch (self->kind)
    {
    case STEADY_MOOD_CHART_MOOD:
      self->days = steady_journal_store_get_day_summaries (self->store, self->first_day,
                                                           self->last_day, &error);
      if (self->days != NULL)
        self->previous = steady_journal_store_get_day_summaries (self->store,
                                                                 self->first_day - self->n_days,
                                                                 self->first_day - 1, &error);
      if (self->previous != NULL)
        set_summary (self, steady_mood_chart_describe_mood (self->days, self->previous,
                                                            self->n_days));
      break;
    case STEADY_MOOD_CHART_EMOTIONS:
      self->emotions = steady_journal_store_get_emotion_counts (self->store, self->first_day,
                                                                self->last_day, &error);
      if (self->emotions != NULL)
        set_summary (self, steady_mood_chart_describe_emotions (self->emotions));
      break;
    case STEADY_MOOD_CHART_SLEEP:
    default:
      self->days = steady_journal_store_get_sleep_mood (self->store, self->first_day,
                                                        self->last_day, &error);
      if (self->days != NULL)
        set_summary (self, steady_mood_chart_describe_sleep (self->days));
      break;
    }

  if (error != NULL)
    /* Translators: %s says why the chart's data could not be read. */
    set_summary (self, g_strdup_printf (_("The chart could not be drawn: %s"), error->message));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Charts hidden behind the list cost nothing at start-up or on each save: they read their
 * data when they are shown. */
static void
reload_when_shown (SteadyMoodChartWidget *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    steady_mood_chart_widget_reload (self);
  else
    self->stale = TRUE;
}

void
steady_mood_chart_widget_set_n_days (SteadyMoodChartWidget *self,
                                     guint                  n_days)
{
  g_return_if_fail (STEADY_IS_MOOD_CHART_WIDGET (self));
  g_return_if_fail (n_days > 0);

  self->n_days = n_days;
  reload_when_shown (self);
}

const char *
steady_mood_chart_widget_get_summary (SteadyMoodChartWidget *self)
{
  g_return_val_if_fail (STEADY_IS_MOOD_CHART_WIDGET (self), NULL);

  if (self->stale)
    steady_mood_chart_widget_reload (self);
  return self->summary;
}

/* How many days, emotions or points the chart draws. */
guint
steady_mood_chart_widget_get_n_items (SteadyMoodChartWidget *self)
{
  g_return_val_if_fail (STEADY_IS_MOOD_CHART_WIDGET (self), 0);

  if (self->stale)
    steady_mood_chart_widget_reload (self);
  if (self->emotions != NULL)
    return self->emotions->len;
  return self->days != NULL ? self->days->len : 0;
}

static void
steady_mood_chart_widget_snapshot (GtkWidget   *widget,
                                   GtkSnapshot *snapshot)
{
  SteadyMoodChartWidget *self = STEADY_MOOD_CHART_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  SteadyMoodChartStyle style;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    steady_mood_chart_style_init_dark (&style);
  else
    steady_mood_chart_style_init_light (&style);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  switch (self->kind)
    {
    case STEADY_MOOD_CHART_MOOD:
      if (self->days != NULL)
        steady_mood_chart_draw_mood (cr, width, height, &style, self->days, self->first_day,
                                     self->last_day);
      break;
    case STEADY_MOOD_CHART_EMOTIONS:
      if (self->emotions != NULL)
        steady_mood_chart_draw_emotions (cr, width, height, &style, self->emotions);
      break;
    case STEADY_MOOD_CHART_SLEEP:
    default:
      if (self->days != NULL)
        steady_mood_chart_draw_sleep (cr, width, height, &style, self->days);
      break;
    }
  cairo_destroy (cr);
}

static void
dark_changed_cb (SteadyMoodChartWidget *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
entries_changed_cb (SteadyMoodChartWidget *self)
{
  if (self->n_days > 0)
    reload_when_shown (self);
}

static void
steady_mood_chart_widget_map (GtkWidget *widget)
{
  SteadyMoodChartWidget *self = STEADY_MOOD_CHART_WIDGET (widget);

  GTK_WIDGET_CLASS (steady_mood_chart_widget_parent_class)->map (widget);
  if (self->stale)
    steady_mood_chart_widget_reload (self);
}

GtkWidget *
steady_mood_chart_widget_new (SteadyJournalStore  *store,
                              SteadyMoodChartKind  kind)
{
  SteadyMoodChartWidget *self;
  const char *label;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (store), NULL);

  self = g_object_new (STEADY_TYPE_MOOD_CHART_WIDGET, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  switch (kind)
    {
    case STEADY_MOOD_CHART_MOOD:
      label = _("Mood chart");
      break;
    case STEADY_MOOD_CHART_EMOTIONS:
      label = _("Emotions chart");
      break;
    case STEADY_MOOD_CHART_SLEEP:
    default:
      label = _("Sleep and mood chart");
      break;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_size_request (GTK_WIDGET (self), -1, kind == STEADY_MOOD_CHART_MOOD ? 200 : 180);

  g_signal_connect_object (store, "entry-added", G_CALLBACK (entries_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "entry-updated", G_CALLBACK (entries_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "entry-removed", G_CALLBACK (entries_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "entries-reset", G_CALLBACK (entries_changed_cb), self,
                           G_CONNECT_SWAPPED);
  steady_mood_chart_widget_set_n_days (self, 7);
  return GTK_WIDGET (self);
}

static void
steady_mood_chart_widget_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  SteadyMoodChartWidget *self = STEADY_MOOD_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_mood_chart_widget_finalize (GObject *object)
{
  SteadyMoodChartWidget *self = STEADY_MOOD_CHART_WIDGET (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->previous, g_array_unref);
  g_clear_pointer (&self->emotions, g_ptr_array_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (steady_mood_chart_widget_parent_class)->finalize (object);
}

static void
steady_mood_chart_widget_class_init (SteadyMoodChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = steady_mood_chart_widget_get_property;
  object_class->finalize = steady_mood_chart_widget_finalize;
  widget_class->snapshot = steady_mood_chart_widget_snapshot;
  widget_class->map = steady_mood_chart_widget_map;

  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
steady_mood_chart_widget_init (SteadyMoodChartWidget *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}
