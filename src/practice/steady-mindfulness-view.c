/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-mindfulness-view.c: the mindfulness timer window: a settle-in countdown, a sit of a
 * set length or open-ended, bells at the start, at intervals and at the end; it is logged. */

#define G_LOG_DOMAIN "steady-mindfulness-view"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-mindfulness-view.h"
#include "steady-pacer.h"
#include "steady-practice-view.h"

#define MINUTE_US (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)

struct _SteadyMindfulnessView
{
  SteadyPracticeView   parent_instance;

  /* template widgets */
  GtkStack            *stack;
  GtkSwitch           *open_switch;
  AdwActionRow        *duration_row;
  GtkSpinButton       *duration_spin;
  GtkSpinButton       *preparation_spin;
  GtkSpinButton       *interval_spin;
  GtkSpinButton       *start_strikes_spin;
  GtkSpinButton       *interval_strikes_spin;
  GtkSpinButton       *end_strikes_spin;
  GtkScale            *volume_scale;
  GtkButton           *test_bell_button;
  GtkLabel            *setup_sound_label;
  GtkButton           *start_button;
  SteadyPacer         *pacer;
  GtkLabel            *state_label;
  GtkLabel            *time_label;
  GtkLabel            *detail_label;
  GtkLabel            *bell_label;
  GtkButton           *skip_button;
  GtkButton           *pause_button;
  GtkButton           *stop_button;
  AdwStatusPage       *after_page;
  GtkButton           *done_button;
};

G_DEFINE_FINAL_TYPE (SteadyMindfulnessView, steady_mindfulness_view, STEADY_TYPE_PRACTICE_VIEW)

static SteadyPracticeTimer *
get_timer (SteadyMindfulnessView *self)
{
  return steady_practice_view_get_timer (STEADY_PRACTICE_VIEW (self));
}

static double
get_volume (SteadyMindfulnessView *self)
{
  return gtk_range_get_value (GTK_RANGE (self->volume_scale)) / 100.0;
}

static void
read_schedule (SteadyMindfulnessView *self,
               SteadyBellSchedule    *schedule)
{
  gboolean open_ended = gtk_switch_get_active (self->open_switch);

  schedule->preparation_us = gtk_spin_button_get_value_as_int (self->preparation_spin) *
                             G_USEC_PER_SEC;
  schedule->duration_us = open_ended ? 0
                                     : gtk_spin_button_get_value_as_int (self->duration_spin) *
                                       MINUTE_US;
  schedule->interval_us = gtk_spin_button_get_value_as_int (self->interval_spin) * MINUTE_US;
  schedule->start_strikes = (guint)gtk_spin_button_get_value_as_int (self->start_strikes_spin);
  schedule->interval_strikes =
    (guint)gtk_spin_button_get_value_as_int (self->interval_strikes_spin);
  schedule->end_strikes = (guint)gtk_spin_button_get_value_as_int (self->end_strikes_spin);
}

void
steady_mindfulness_view_set_schedule (SteadyMindfulnessView    *self,
                                      const SteadyBellSchedule *schedule)
{
  g_return_if_fail (STEADY_IS_MINDFULNESS_VIEW (self));
  g_return_if_fail (schedule != NULL);

  gtk_switch_set_active (self->open_switch, schedule->duration_us == 0);
  if (schedule->duration_us > 0)
    gtk_spin_button_set_value (self->duration_spin, (double)(schedule->duration_us / MINUTE_US));
  gtk_spin_button_set_value (self->preparation_spin,
                             (double)(schedule->preparation_us / G_USEC_PER_SEC));
  gtk_spin_button_set_value (self->interval_spin, (double)(schedule->interval_us / MINUTE_US));
  gtk_spin_button_set_value (self->start_strikes_spin, schedule->start_strikes);
  gtk_spin_button_set_value (self->interval_strikes_spin, schedule->interval_strikes);
  gtk_spin_button_set_value (self->end_strikes_spin, schedule->end_strikes);
}

/* The lengths and bells chosen last are offered again next time. */
static void
remember_choices (SteadyMindfulnessView    *self,
                  const SteadyBellSchedule *schedule)
{
  GSettings *settings = steady_practice_view_get_settings (STEADY_PRACTICE_VIEW (self));

  g_settings_delay (settings);
  g_settings_set_boolean (settings, "mindfulness-open-ended", schedule->duration_us == 0);
  g_settings_set_int (settings, "mindfulness-minutes",
                      gtk_spin_button_get_value_as_int (self->duration_spin));
  g_settings_set_int (settings, "mindfulness-preparation-seconds",
                      (int)(schedule->preparation_us / G_USEC_PER_SEC));
  g_settings_set_int (settings, "mindfulness-interval-minutes",
                      (int)(schedule->interval_us / MINUTE_US));
  g_settings_set (settings, "mindfulness-bell-strikes", "(iii)", (int)schedule->start_strikes,
                  (int)schedule->interval_strikes, (int)schedule->end_strikes);
  g_settings_set_int (settings, "mindfulness-volume",
                      (int)gtk_range_get_value (GTK_RANGE (self->volume_scale)));
  g_settings_apply (settings);
}

static void
restore_choices (SteadyMindfulnessView *self)
{
  GSettings *settings = steady_practice_view_get_settings (STEADY_PRACTICE_VIEW (self));
  int start_strikes, interval_strikes, end_strikes;

  g_settings_get (settings, "mindfulness-bell-strikes", "(iii)", &start_strikes,
                  &interval_strikes, &end_strikes);
  gtk_switch_set_active (self->open_switch,
                         g_settings_get_boolean (settings, "mindfulness-open-ended"));
  gtk_spin_button_set_value (self->duration_spin,
                             g_settings_get_int (settings, "mindfulness-minutes"));
  gtk_spin_button_set_value (self->preparation_spin,
                             g_settings_get_int (settings, "mindfulness-preparation-seconds"));
  gtk_spin_button_set_value (self->interval_spin,
                             g_settings_get_int (settings, "mindfulness-interval-minutes"));
  gtk_spin_button_set_value (self->start_strikes_spin, start_strikes);
  gtk_spin_button_set_value (self->interval_strikes_spin, interval_strikes);
  gtk_spin_button_set_value (self->end_strikes_spin, end_strikes);
  gtk_range_set_value (GTK_RANGE (self->volume_scale),
                       g_settings_get_int (settings, "mindfulness-volume"));
}

static void
sync_sound_labels (SteadyMindfulnessView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->setup_sound_label),
                          !steady_practice_view_get_sound_available (STEADY_PRACTICE_VIEW (self)));
}

/* Running ------------------------------------------------------------------------------- */

static void
update_labels (SteadyMindfulnessView *self)
{
  SteadyPracticeTimer *timer = get_timer (self);
  SteadyPracticeState state;
  const SteadyBellSchedule *schedule;
  g_autofree char *time = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *total = NULL;

  if (timer == NULL)
    return;

  state = steady_practice_timer_get_state (timer);
  schedule = steady_practice_timer_get_schedule (timer);
  gtk_widget_set_visible (GTK_WIDGET (self->skip_button),
                          state == STEADY_PRACTICE_STATE_PREPARING);
  gtk_widget_set_visible (GTK_WIDGET (self->pause_button),
                          state != STEADY_PRACTICE_STATE_PREPARING);

  if (state == STEADY_PRACTICE_STATE_PREPARING)
    {
      /* Translators: shown during the countdown before a mindfulness sit. */
      gtk_label_set_text (self->state_label, _("Settle In"));
      gint64 left_us = steady_practice_timer_get_preparation_left_us (timer);

      time = steady_practice_view_format_clock (left_us);
    }
  else
    {
      gint64 practised_us = steady_practice_timer_get_practised_us (timer);

      if (state == STEADY_PRACTICE_STATE_PAUSED)
        gtk_label_set_text (self->state_label, _("Paused"));
      else if (state == STEADY_PRACTICE_STATE_FINISHED)
        gtk_label_set_text (self->state_label, _("Finished"));
      else
        /* Translators: shown while a mindfulness sit is under way. */
        gtk_label_set_text (self->state_label, _("Sitting"));

      if (schedule->duration_us > 0)
        time = steady_practice_view_format_clock (schedule->duration_us - practised_us);
      else
        /* Counting up shows the whole seconds passed, not the next one. */
        time = steady_practice_view_format_clock (practised_us - practised_us % G_USEC_PER_SEC);
    }
  gtk_label_set_text (self->time_label, time);

  if (schedule->duration_us > 0)
    {
      g_autofree char *minutes = steady_practice_view_format_minutes (schedule->duration_us);

      /* Translators: under a mindfulness timer; %s is a length like "10 minutes". */
      total = g_strdup_printf (_("A sit of %s"), minutes);
    }
  else
    total = g_strdup (_("Open-ended: stop when you are ready"));
  if (schedule->interval_us > 0 && schedule->interval_strikes > 0)
    {
      g_autofree char *every = steady_practice_view_format_minutes (schedule->interval_us);

      /* Translators: %s is the sit's length; %s is a length like "5 minutes". */
      detail = g_strdup_printf (_("%s · a bell every %s"), total, every);
    }
  else
    detail = g_steal_pointer (&total);
  gtk_label_set_text (self->detail_label, detail);
}

static void
pacer_updated_cb (SteadyPacer           *pacer,
                  SteadyMindfulnessView *self)
{
  update_labels (self);
}

/* Every bell is also written on screen: for someone who cannot hear it, and for a computer
 * that cannot play it. */
static void
bell_cb (SteadyPracticeTimer   *timer,
         SteadyBellKind         kind,
         guint                  strikes,
         SteadyMindfulnessView *self)
{
  g_autofree char *at = NULL;
  g_autofree char *text = NULL;
  gint64 practised_us = steady_practice_timer_get_practised_us (timer);

  steady_practice_view_play (STEADY_PRACTICE_VIEW (self), STEADY_PRACTICE_SOUND_BELL, strikes,
                             get_volume (self));

  /* A bell is named by the time it was due, even when it is rung late (after a hidden
   * window woke up): the start of the sit, or the interval it marks. */
  if (kind == STEADY_BELL_START)
    practised_us = 0;
  else if (kind == STEADY_BELL_INTERVAL)
    {
      gint64 interval_us = steady_practice_timer_get_schedule (timer)->interval_us;

      practised_us -= practised_us % interval_us;
    }
  at = steady_practice_view_format_clock (practised_us - practised_us % G_USEC_PER_SEC);
  switch (kind)
    {
    case STEADY_BELL_START:
      /* Translators: a bell rang as the sit began; %s is the time, like 0:00. */
      text = g_strdup_printf (_("Starting bell at %s"), at);
      break;
    case STEADY_BELL_INTERVAL:
      /* Translators: %s is the time into the sit, like 5:00. */
      text = g_strdup_printf (_("Interval bell at %s"), at);
      break;
    case STEADY_BELL_END:
    default:
      text = g_strdup_printf (_("Closing bell at %s"), at);
      break;
    }
  if (!steady_practice_view_get_sound_available (STEADY_PRACTICE_VIEW (self)))
    {
      g_autofree char *silent = g_strdup_printf ("%s %s", text,
                                                 _("(shown only: sound cannot play here)"));

      gtk_label_set_text (self->bell_label, silent);
    }
  else
    gtk_label_set_text (self->bell_label, text);
}

static void
log_sit (SteadyMindfulnessView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyPracticeRecord) record = steady_practice_timer_create_record (get_timer (self));
  SteadyPracticeStore *store;

  if (record == NULL || record->actual_us <= 0)
    return;
  store = steady_practice_view_get_store (STEADY_PRACTICE_VIEW (self));
  if (!steady_practice_store_add (store, record, &error))
    {
      steady_practice_view_show_error (STEADY_PRACTICE_VIEW (self), _("Could Not Save This Sit"),
                                       error->message);
      return;
    }
  steady_practice_view_emit_saved (STEADY_PRACTICE_VIEW (self));
}

static void
show_after (SteadyMindfulnessView *self)
{
  SteadyPracticeTimer *timer = get_timer (self);
  gboolean completed = steady_practice_timer_get_completed (timer);
  g_autofree char *minutes =
    steady_practice_view_format_minutes (steady_practice_timer_get_practised_us (timer));
  g_autofree char *summary = NULL;

  /* Translators: %s is a length of time, like "10 minutes". */
  summary = g_strdup_printf (_("You sat for %s."), minutes);
  adw_status_page_set_title (self->after_page, completed ? _("Sit Finished") : _("Stopped Early"));
  adw_status_page_set_description (self->after_page, summary);
  gtk_stack_set_visible_child_name (self->stack, "after");

  if (completed)
    steady_practice_view_notify_finished (STEADY_PRACTICE_VIEW (self),
                                          _("Mindfulness Sit Finished"), summary);
}

static void
timer_state_changed_cb (SteadyPracticeTimer   *timer,
                        GParamSpec            *pspec,
                        SteadyMindfulnessView *self)
{
  SteadyPracticeState state = steady_practice_timer_get_state (timer);

  update_labels (self);

  if (state == STEADY_PRACTICE_STATE_FINISHED)
    {
      log_sit (self);
      show_after (self);
    }
}

gboolean
steady_mindfulness_view_start (SteadyMindfulnessView *self)
{
  SteadyBellSchedule schedule;
  g_autoptr(SteadyPracticeTimer) timer = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (STEADY_IS_MINDFULNESS_VIEW (self), FALSE);
  g_return_val_if_fail (get_timer (self) == NULL, FALSE);

  read_schedule (self, &schedule);
  timer = steady_practice_timer_new_mindfulness (&schedule, &error);
  if (timer == NULL)
    {
      steady_practice_view_show_error (STEADY_PRACTICE_VIEW (self), _("Cannot Start This Sit"),
                                       error->message);
      return FALSE;
    }

  remember_choices (self, &schedule);
  g_signal_connect_object (timer, "bell", G_CALLBACK (bell_cb), self, 0);
  g_signal_connect_object (timer, "notify::state", G_CALLBACK (timer_state_changed_cb), self, 0);
  steady_practice_view_run (STEADY_PRACTICE_VIEW (self), g_steal_pointer (&timer));
  return TRUE;
}

static void
start_clicked_cb (GtkButton             *button,
                  SteadyMindfulnessView *self)
{
  steady_mindfulness_view_start (self);
}

static void
skip_clicked_cb (GtkButton             *button,
                 SteadyMindfulnessView *self)
{
  if (get_timer (self) == NULL)
    return;
  steady_practice_timer_skip_preparation (get_timer (self));
  steady_pacer_update (self->pacer);
}

static void
done_clicked_cb (GtkButton             *button,
                 SteadyMindfulnessView *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
test_bell_clicked_cb (GtkButton             *button,
                      SteadyMindfulnessView *self)
{
  steady_practice_view_play (STEADY_PRACTICE_VIEW (self), STEADY_PRACTICE_SOUND_BELL, 1,
                             get_volume (self));
}

/* Window -------------------------------------------------------------------------------- */

SteadyPracticeTimer *
steady_mindfulness_view_get_timer (SteadyMindfulnessView *self)
{
  return steady_practice_view_get_timer (STEADY_PRACTICE_VIEW (self));
}

GtkWidget *
steady_mindfulness_view_get_pacer (SteadyMindfulnessView *self)
{
  return steady_practice_view_get_pacer (STEADY_PRACTICE_VIEW (self));
}

const char *
steady_mindfulness_view_get_time_text (SteadyMindfulnessView *self)
{
  g_return_val_if_fail (STEADY_IS_MINDFULNESS_VIEW (self), NULL);

  return gtk_label_get_text (self->time_label);
}

const char *
steady_mindfulness_view_get_page (SteadyMindfulnessView *self)
{
  return steady_practice_view_get_page (STEADY_PRACTICE_VIEW (self));
}

/* For tests: timers made from now on read this clock instead of the monotonic one. */
void
steady_mindfulness_view_set_clock (SteadyMindfulnessView *self,
                                   SteadyClockFunc        clock,
                                   gpointer               user_data)
{
  steady_practice_view_set_clock (STEADY_PRACTICE_VIEW (self), clock, user_data);
}

SteadyMindfulnessView *
steady_mindfulness_view_new (GtkWindow           *parent,
                             SteadyPracticeStore *store)
{
  SteadyMindfulnessView *self;

  self = steady_practice_view_new_of_type (STEADY_TYPE_MINDFULNESS_VIEW, parent, store);
  g_return_val_if_fail (self != NULL, NULL);
  restore_choices (self);
  return self;
}

static void
steady_mindfulness_view_class_init (SteadyMindfulnessViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  STEADY_PRACTICE_VIEW_CLASS (klass)->inhibit_reason = N_("A mindfulness sit is running");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/steadyapp/Steady/practice/"
                                               "steady-mindfulness-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyMindfulnessView, stack);
  gtk_widget_class_bind_template_child (widget_class, SteadyMindfulnessView, open_switch);
  gtk_widget_class_bind_template_child (widget_class, SteadyMindfulnessView, duration_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyMindfulnessView, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, SteadyMindfulnessView, preparation_spin);
  gtk_widget_class_bind_template_child (widget_class, SteadyMindfulnessView, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, SteadyMindfulnessView, start_strikes_spin);
  gtk_widget_class_bind_template_child (widget_class, SteadyMindfulnessView,
                                        interval_strikes_spin);
  gtk_widget_class_bind_template_child (widget_class, SteadyMindfulnessView, end_strikes_spin);
  gtk_widget_class_bind_template_child (widget_class, SteadyMindfulnessView, volume_scale);
  gtk_widget_class_bind_template_child (widget_class, SteadyMindfulnessView, test_bell_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyMindfulnessView, setup_sound_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyMindfulnessView, start_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyMindfulnessView, pacer);
  gtk_widget_class_bind_template_child (widget_class, SteadyMindfulnessView, state_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyMindfulnessView, time_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyMindfulnessView, detail_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyMindfulnessView, bell_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyMindfulnessView, skip_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyMindfulnessView, pause_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyMindfulnessView, stop_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyMindfulnessView, after_page);
  gtk_widget_class_bind_template_child (widget_class, SteadyMindfulnessView, done_button);
}

static void
steady_mindfulness_view_init (SteadyMindfulnessView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  steady_practice_view_name_buttons (self->start_button, self->skip_button, self->pause_button,
                                     self->stop_button, self->done_button, NULL);
  steady_practice_view_set_parts (STEADY_PRACTICE_VIEW (self), self->stack, self->pacer,
                                  self->pause_button, self->stop_button);
  sync_sound_labels (self);

  g_object_bind_property (self->open_switch, "active", self->duration_row, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_signal_connect (self->start_button, "clicked", G_CALLBACK (start_clicked_cb), self);
  g_signal_connect (self->skip_button, "clicked", G_CALLBACK (skip_clicked_cb), self);
  g_signal_connect (self->done_button, "clicked", G_CALLBACK (done_clicked_cb), self);
  g_signal_connect (self->test_bell_button, "clicked", G_CALLBACK (test_bell_clicked_cb), self);
  g_signal_connect (self->pacer, "updated", G_CALLBACK (pacer_updated_cb), self);
  g_signal_connect_swapped (self, "notify::sound-available", G_CALLBACK (sync_sound_labels),
                            self);
}
