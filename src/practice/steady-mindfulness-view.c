/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-mindfulness-view.c: the mindfulness timer window: a settle-in countdown, a sit of a
 * set length or open-ended, bells at the start, at intervals and at the end; it is logged. */

#define G_LOG_DOMAIN "steady-mindfulness-view"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-mindfulness-view.h"
#include "steady-pacer.h"
#include "steady-practice-sound.h"
#include "steady-practice-window-util.h"

#define MINUTE_US (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)

struct _SteadyMindfulnessView
{
  AdwWindow            parent_instance;

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

  /* owned */
  SteadyPracticeStore *store;
  SteadyPracticeTimer *timer;
  SteadyPracticeSound *sound;

  SteadyClockFunc      clock;
  gpointer             clock_data;
  guint                inhibit_cookie;
};

G_DEFINE_FINAL_TYPE (SteadyMindfulnessView, steady_mindfulness_view, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (SteadyMindfulnessView *self,
            const char            *heading,
            const char            *message)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
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

static void
sync_sound_labels (SteadyMindfulnessView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->setup_sound_label),
                          !steady_practice_sound_get_available (self->sound));
}

/* Running ------------------------------------------------------------------------------- */

static void
update_labels (SteadyMindfulnessView *self)
{
  SteadyPracticeState state;
  const SteadyBellSchedule *schedule;
  g_autofree char *time = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *total = NULL;

  if (self->timer == NULL)
    return;

  state = steady_practice_timer_get_state (self->timer);
  schedule = steady_practice_timer_get_schedule (self->timer);
  gtk_widget_set_visible (GTK_WIDGET (self->skip_button),
                          state == STEADY_PRACTICE_STATE_PREPARING);
  gtk_widget_set_visible (GTK_WIDGET (self->pause_button),
                          state != STEADY_PRACTICE_STATE_PREPARING);

  if (state == STEADY_PRACTICE_STATE_PREPARING)
    {
      /* Translators: shown during the countdown before a mindfulness sit. */
      gtk_label_set_text (self->state_label, _("Settle In"));
      gint64 left_us = steady_practice_timer_get_preparation_left_us (self->timer);

      time = steady_practice_format_clock (left_us);
    }
  else
    {
      gint64 practised_us = steady_practice_timer_get_practised_us (self->timer);

      if (state == STEADY_PRACTICE_STATE_PAUSED)
        gtk_label_set_text (self->state_label, _("Paused"));
      else if (state == STEADY_PRACTICE_STATE_FINISHED)
        gtk_label_set_text (self->state_label, _("Finished"));
      else
        /* Translators: shown while a mindfulness sit is under way. */
        gtk_label_set_text (self->state_label, _("Sitting"));

      if (schedule->duration_us > 0)
        time = steady_practice_format_clock (schedule->duration_us - practised_us);
      else
        /* Counting up shows the whole seconds passed, not the next one. */
        time = steady_practice_format_clock (practised_us - practised_us % G_USEC_PER_SEC);
    }
  gtk_label_set_text (self->time_label, time);

  if (schedule->duration_us > 0)
    {
      g_autofree char *minutes = steady_practice_format_minutes (schedule->duration_us);

      /* Translators: under a mindfulness timer; %s is a length like "10 minutes". */
      total = g_strdup_printf (_("A sit of %s"), minutes);
    }
  else
    total = g_strdup (_("Open-ended: stop when you are ready"));
  if (schedule->interval_us > 0 && schedule->interval_strikes > 0)
    {
      g_autofree char *every = steady_practice_format_minutes (schedule->interval_us);

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

  steady_practice_sound_play (self->sound, STEADY_PRACTICE_SOUND_BELL, strikes, get_volume (self));

  /* A bell is named by the time it was due, even when it is rung late (after a hidden
   * window woke up): the start of the sit, or the interval it marks. */
  if (kind == STEADY_BELL_START)
    practised_us = 0;
  else if (kind == STEADY_BELL_INTERVAL)
    {
      gint64 interval_us = steady_practice_timer_get_schedule (timer)->interval_us;

      practised_us -= practised_us % interval_us;
    }
  at = steady_practice_format_clock (practised_us - practised_us % G_USEC_PER_SEC);
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
  if (!steady_practice_sound_get_available (self->sound))
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
  g_autoptr(SteadyPracticeRecord) record = steady_practice_timer_create_record (self->timer);

  if (record == NULL || record->actual_us <= 0)
    return;
  if (!steady_practice_store_add (self->store, record, &error))
    {
      show_error (self, _("Could Not Save This Sit"), error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
}

static void
show_after (SteadyMindfulnessView *self)
{
  gboolean completed = steady_practice_timer_get_completed (self->timer);
  g_autofree char *minutes =
    steady_practice_format_minutes (steady_practice_timer_get_practised_us (self->timer));
  g_autofree char *summary = NULL;

  /* Translators: %s is a length of time, like "10 minutes". */
  summary = g_strdup_printf (_("You sat for %s."), minutes);
  adw_status_page_set_title (self->after_page, completed ? _("Sit Finished") : _("Stopped Early"));
  adw_status_page_set_description (self->after_page, summary);
  gtk_stack_set_visible_child_name (self->stack, "after");

  if (completed)
    steady_practice_notify_finished (GTK_WINDOW (self), _("Mindfulness Sit Finished"), summary);
}

static void
timer_state_changed_cb (SteadyPracticeTimer   *timer,
                        GParamSpec            *pspec,
                        SteadyMindfulnessView *self)
{
  SteadyPracticeState state = steady_practice_timer_get_state (timer);

  steady_practice_sync_inhibit (GTK_WINDOW (self), timer, _("A mindfulness sit is running"),
                                &self->inhibit_cookie);
  steady_practice_set_button_label (self->pause_button, state == STEADY_PRACTICE_STATE_PAUSED
                                                      ? _("_Resume") : _("_Pause"));
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
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (STEADY_IS_MINDFULNESS_VIEW (self), FALSE);
  g_return_val_if_fail (self->timer == NULL, FALSE);

  read_schedule (self, &schedule);
  self->timer = steady_practice_timer_new_mindfulness (&schedule, &error);
  if (self->timer == NULL)
    {
      show_error (self, _("Cannot Start This Sit"), error->message);
      return FALSE;
    }
  if (self->clock != NULL)
    steady_practice_timer_set_clock (self->timer, self->clock, self->clock_data);

  g_signal_connect_object (self->timer, "bell", G_CALLBACK (bell_cb), self, 0);
  g_signal_connect_object (self->timer, "notify::state", G_CALLBACK (timer_state_changed_cb),
                           self, 0);
  steady_pacer_set_timer (self->pacer, self->timer);
  gtk_stack_set_visible_child_name (self->stack, "run");
  steady_practice_timer_start (self->timer);
  steady_pacer_update (self->pacer);
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
  if (self->timer == NULL)
    return;
  steady_practice_timer_skip_preparation (self->timer);
  steady_pacer_update (self->pacer);
}

static void
pause_clicked_cb (GtkButton             *button,
                  SteadyMindfulnessView *self)
{
  if (self->timer == NULL)
    return;
  if (steady_practice_timer_get_state (self->timer) == STEADY_PRACTICE_STATE_PAUSED)
    steady_practice_timer_resume (self->timer);
  else
    steady_practice_timer_pause (self->timer);
}

static void
stop_clicked_cb (GtkButton             *button,
                 SteadyMindfulnessView *self)
{
  if (self->timer != NULL)
    steady_practice_timer_stop (self->timer);
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
  steady_practice_sound_play (self->sound, STEADY_PRACTICE_SOUND_BELL, 1, get_volume (self));
}

/* Window -------------------------------------------------------------------------------- */

SteadyPracticeTimer *
steady_mindfulness_view_get_timer (SteadyMindfulnessView *self)
{
  g_return_val_if_fail (STEADY_IS_MINDFULNESS_VIEW (self), NULL);

  return self->timer;
}

GtkWidget *
steady_mindfulness_view_get_pacer (SteadyMindfulnessView *self)
{
  g_return_val_if_fail (STEADY_IS_MINDFULNESS_VIEW (self), NULL);

  return GTK_WIDGET (self->pacer);
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
  g_return_val_if_fail (STEADY_IS_MINDFULNESS_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* For tests: timers made from now on read this clock instead of the monotonic one. */
void
steady_mindfulness_view_set_clock (SteadyMindfulnessView *self,
                                   SteadyClockFunc        clock,
                                   gpointer               user_data)
{
  g_return_if_fail (STEADY_IS_MINDFULNESS_VIEW (self));

  self->clock = clock;
  self->clock_data = user_data;
}

SteadyMindfulnessView *
steady_mindfulness_view_new (GtkWindow           *parent,
                             SteadyPracticeStore *store)
{
  SteadyMindfulnessView *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEADY_IS_PRACTICE_STORE (store), NULL);

  self = g_object_new (STEADY_TYPE_MINDFULNESS_VIEW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  return self;
}

static gboolean
steady_mindfulness_view_close_request (GtkWindow *window)
{
  SteadyMindfulnessView *self = STEADY_MINDFULNESS_VIEW (window);

  /* Closing mid-sit ends it, and what was sat is still logged. */
  if (self->timer != NULL)
    steady_practice_timer_stop (self->timer);
  return GTK_WINDOW_CLASS (steady_mindfulness_view_parent_class)->close_request (window);
}

static void
steady_mindfulness_view_dispose (GObject *object)
{
  SteadyMindfulnessView *self = STEADY_MINDFULNESS_VIEW (object);

  if (self->inhibit_cookie != 0)
    {
      GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

      if (application != NULL)
        gtk_application_uninhibit (application, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
  if (self->pacer != NULL)
    steady_pacer_set_timer (self->pacer, NULL);
  if (self->timer != NULL)
    g_signal_handlers_disconnect_by_data (self->timer, self);
  g_clear_object (&self->timer);
  g_clear_object (&self->sound);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (steady_mindfulness_view_parent_class)->dispose (object);
}

static void
steady_mindfulness_view_class_init (SteadyMindfulnessViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steady_mindfulness_view_dispose;
  window_class->close_request = steady_mindfulness_view_close_request;

  /* A sit was logged: the history has something new. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (STEADY_TYPE_PACER);
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

  gtk_widget_class_install_action (widget_class, "mindfulness.toggle-fullscreen", NULL,
                                   steady_practice_toggle_fullscreen_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0,
                                       "mindfulness.toggle-fullscreen", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0,
                                steady_practice_leave_fullscreen_cb, NULL);
}

static void
steady_mindfulness_view_init (SteadyMindfulnessView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The labels are in the template, for translation; this names them right (see the util). */
  steady_practice_set_button_label (self->start_button, gtk_button_get_label (self->start_button));
  steady_practice_set_button_label (self->skip_button, gtk_button_get_label (self->skip_button));
  steady_practice_set_button_label (self->pause_button, gtk_button_get_label (self->pause_button));
  steady_practice_set_button_label (self->stop_button, gtk_button_get_label (self->stop_button));
  steady_practice_set_button_label (self->done_button, gtk_button_get_label (self->done_button));

  self->sound = steady_practice_sound_new ();
  sync_sound_labels (self);

  g_object_bind_property (self->open_switch, "active", self->duration_row, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_signal_connect (self->start_button, "clicked", G_CALLBACK (start_clicked_cb), self);
  g_signal_connect (self->skip_button, "clicked", G_CALLBACK (skip_clicked_cb), self);
  g_signal_connect (self->pause_button, "clicked", G_CALLBACK (pause_clicked_cb), self);
  g_signal_connect (self->stop_button, "clicked", G_CALLBACK (stop_clicked_cb), self);
  g_signal_connect (self->done_button, "clicked", G_CALLBACK (done_clicked_cb), self);
  g_signal_connect (self->test_bell_button, "clicked", G_CALLBACK (test_bell_clicked_cb), self);
  g_signal_connect (self->pacer, "updated", G_CALLBACK (pacer_updated_cb), self);
  g_signal_connect_swapped (self->sound, "notify::available", G_CALLBACK (sync_sound_labels),
                            self);
}
