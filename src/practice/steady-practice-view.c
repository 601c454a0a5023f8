/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-practice-view.c: the window the breathing and mindfulness practices are built on: the
 * timer and its clock, keeping the session awake, bells and chimes, full screen, errors. */

#define G_LOG_DOMAIN "steady-practice-view"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-practice-view.h"

#define NOTIFICATION_ID "practice-finished"
#define SOUND_PREFIX "/io/github/steadyapp/Steady/sounds/"
/* Strikes of a bell follow each other at this pace, each ringing into the next. */
#define STRIKE_GAP_MS 2500
/* Which sound a stream plays, kept on the stream for the sound-played signal. */
#define KIND_KEY "steady-practice-sound-kind"

typedef struct
{
  /* unowned: parts of the window's template, handed over by the window */
  GtkStack            *stack;
  SteadyPacer         *pacer;
  GtkButton           *pause_button;

  /* owned */
  SteadyPracticeStore *store;
  SteadyPracticeTimer *timer;
  GSettings           *settings;
  GPtrArray           *streams;      /* GtkMediaStream playing, one per strike */
  GArray              *pending_ids;  /* timeouts of strikes still to come */

  SteadyClockFunc      clock;
  gpointer             clock_data;
  guint                inhibit_cookie;
  /* TRUE until GTK says it cannot play sound (no media backend, no audio device) */
  gboolean             sound_available;
} SteadyPracticeViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SteadyPracticeView, steady_practice_view, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_SOUND_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_SAVED,
  SIGNAL_SOUND_PLAYED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  SteadyPracticeView      *self;
  SteadyPracticeSoundKind  kind;
  double                   volume;
  guint                    id;
} Strike;

/* The window's parts ---------------------------------------------------------------------- */

/* Makes a window of @type (a SteadyPracticeView) beside @parent, keeping its practices in
 * @store. */
gpointer
steady_practice_view_new_of_type (GType                type,
                                  GtkWindow           *parent,
                                  SteadyPracticeStore *store)
{
  SteadyPracticeView *self;
  SteadyPracticeViewPrivate *priv;

  g_return_val_if_fail (g_type_is_a (type, STEADY_TYPE_PRACTICE_VIEW), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEADY_IS_PRACTICE_STORE (store), NULL);

  self = g_object_new (type,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  priv = steady_practice_view_get_instance_private (self);
  priv->store = g_object_ref (store);
  return self;
}

static void
pause_clicked_cb (GtkButton          *button,
                  SteadyPracticeView *self)
{
  SteadyPracticeViewPrivate *priv = steady_practice_view_get_instance_private (self);

  if (priv->timer == NULL)
    return;
  if (steady_practice_timer_get_state (priv->timer) == STEADY_PRACTICE_STATE_PAUSED)
    steady_practice_timer_resume (priv->timer);
  else
    steady_practice_timer_pause (priv->timer);
}

static void
stop_clicked_cb (GtkButton          *button,
                 SteadyPracticeView *self)
{
  SteadyPracticeViewPrivate *priv = steady_practice_view_get_instance_private (self);

  if (priv->timer != NULL)
    steady_practice_timer_stop (priv->timer);
}

/* Called from the window's init: its stack (pages "setup", "run", "after"), its pacer, and its
 * pause and stop buttons, which this answers (and keeps the first saying Pause or Resume). */
void
steady_practice_view_set_parts (SteadyPracticeView *self,
                                GtkStack           *stack,
                                SteadyPacer        *pacer,
                                GtkButton          *pause_button,
                                GtkButton          *stop_button)
{
  SteadyPracticeViewPrivate *priv = steady_practice_view_get_instance_private (self);

  g_return_if_fail (STEADY_IS_PRACTICE_VIEW (self));
  g_return_if_fail (GTK_IS_STACK (stack));
  g_return_if_fail (STEADY_IS_PACER (pacer));
  g_return_if_fail (GTK_IS_BUTTON (pause_button));
  g_return_if_fail (GTK_IS_BUTTON (stop_button));

  priv->stack = stack;
  priv->pacer = pacer;
  priv->pause_button = pause_button;
  g_signal_connect (pause_button, "clicked", G_CALLBACK (pause_clicked_cb), self);
  g_signal_connect (stop_button, "clicked", G_CALLBACK (stop_clicked_cb), self);
}

SteadyPracticeStore *
steady_practice_view_get_store (SteadyPracticeView *self)
{
  SteadyPracticeViewPrivate *priv = steady_practice_view_get_instance_private (self);

  g_return_val_if_fail (STEADY_IS_PRACTICE_VIEW (self), NULL);

  return priv->store;
}

/* The application's settings, where the windows remember what was chosen last. */
GSettings *
steady_practice_view_get_settings (SteadyPracticeView *self)
{
  SteadyPracticeViewPrivate *priv = steady_practice_view_get_instance_private (self);

  g_return_val_if_fail (STEADY_IS_PRACTICE_VIEW (self), NULL);

  if (priv->settings == NULL)
    priv->settings = g_settings_new (APPLICATION_ID);
  return priv->settings;
}

void
steady_practice_view_emit_saved (SteadyPracticeView *self)
{
  g_return_if_fail (STEADY_IS_PRACTICE_VIEW (self));

  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
}

void
steady_practice_view_show_error (SteadyPracticeView *self,
                                 const char         *heading,
                                 const char         *message)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (STEADY_IS_PRACTICE_VIEW (self));
  g_return_if_fail (heading != NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Tells someone who looked away that the practice is over. Only the kind of practice and its
 * length go into it: nothing the person wrote ever leaves the window. */
void
steady_practice_view_notify_finished (SteadyPracticeView *self,
                                      const char         *title,
                                      const char         *body)
{
  GtkApplication *application;
  g_autoptr(GNotification) notification = NULL;

  g_return_if_fail (STEADY_IS_PRACTICE_VIEW (self));
  g_return_if_fail (title != NULL);

  application = gtk_window_get_application (GTK_WINDOW (self));
  if (application == NULL || gtk_window_is_active (GTK_WINDOW (self)))
    return;

  notification = g_notification_new (title);
  if (body != NULL)
    g_notification_set_body (notification, body);
  g_application_send_notification (G_APPLICATION (application), NOTIFICATION_ID, notification);
}

/* The timer ------------------------------------------------------------------------------- */

/* Keeps the session from going idle (screen blank, suspend) exactly while the timer is
 * preparing or running; a pause or the end lets it rest again. */
static void
sync_inhibit (SteadyPracticeView *self)
{
  SteadyPracticeViewPrivate *priv = steady_practice_view_get_instance_private (self);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  SteadyPracticeState state = STEADY_PRACTICE_STATE_IDLE;
  gboolean want;

  if (priv->timer != NULL)
    state = steady_practice_timer_get_state (priv->timer);
  want = state == STEADY_PRACTICE_STATE_PREPARING || state == STEADY_PRACTICE_STATE_RUNNING;

  if (application == NULL)
    return;
  if (want && priv->inhibit_cookie == 0)
    {
      const char *reason = STEADY_PRACTICE_VIEW_GET_CLASS (self)->inhibit_reason;

      priv->inhibit_cookie = gtk_application_inhibit (application, GTK_WINDOW (self),
                                                      GTK_APPLICATION_INHIBIT_IDLE,
                                                      reason != NULL ? _(reason) : NULL);
    }
  else if (!want && priv->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (application, priv->inhibit_cookie);
      priv->inhibit_cookie = 0;
    }
}

static void
timer_state_changed_cb (SteadyPracticeTimer *timer,
                        GParamSpec          *pspec,
                        SteadyPracticeView  *self)
{
  SteadyPracticeViewPrivate *priv = steady_practice_view_get_instance_private (self);
  gboolean paused = steady_practice_timer_get_state (timer) == STEADY_PRACTICE_STATE_PAUSED;

  sync_inhibit (self);
  steady_practice_view_set_button_label (priv->pause_button, paused ? _("_Resume") : _("_Pause"));
}

/* Takes @timer (its signals connected already), puts it on the clock the tests gave, shows the
 * running page and starts it. */
void
steady_practice_view_run (SteadyPracticeView  *self,
                          SteadyPracticeTimer *timer)
{
  SteadyPracticeViewPrivate *priv = steady_practice_view_get_instance_private (self);

  g_return_if_fail (STEADY_IS_PRACTICE_VIEW (self));
  g_return_if_fail (STEADY_IS_PRACTICE_TIMER (timer));
  g_return_if_fail (priv->timer == NULL);
  g_return_if_fail (priv->pacer != NULL);

  priv->timer = timer;
  if (priv->clock != NULL)
    steady_practice_timer_set_clock (timer, priv->clock, priv->clock_data);
  g_signal_connect_object (timer, "notify::state", G_CALLBACK (timer_state_changed_cb), self, 0);
  steady_pacer_set_timer (priv->pacer, timer);
  gtk_stack_set_visible_child_name (priv->stack, "run");
  steady_practice_timer_start (timer);
  steady_pacer_update (priv->pacer);
}

SteadyPracticeTimer *
steady_practice_view_get_timer (SteadyPracticeView *self)
{
  SteadyPracticeViewPrivate *priv = steady_practice_view_get_instance_private (self);

  g_return_val_if_fail (STEADY_IS_PRACTICE_VIEW (self), NULL);

  return priv->timer;
}

GtkWidget *
steady_practice_view_get_pacer (SteadyPracticeView *self)
{
  SteadyPracticeViewPrivate *priv = steady_practice_view_get_instance_private (self);

  g_return_val_if_fail (STEADY_IS_PRACTICE_VIEW (self), NULL);

  return GTK_WIDGET (priv->pacer);
}

/* "setup", "run" or "after". */
const char *
steady_practice_view_get_page (SteadyPracticeView *self)
{
  SteadyPracticeViewPrivate *priv = steady_practice_view_get_instance_private (self);

  g_return_val_if_fail (STEADY_IS_PRACTICE_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (priv->stack);
}

/* For tests: timers made from now on read this clock instead of the monotonic one. */
void
steady_practice_view_set_clock (SteadyPracticeView *self,
                                SteadyClockFunc     clock,
                                gpointer            user_data)
{
  SteadyPracticeViewPrivate *priv = steady_practice_view_get_instance_private (self);

  g_return_if_fail (STEADY_IS_PRACTICE_VIEW (self));

  priv->clock = clock;
  priv->clock_data = user_data;
}

/* Sound ----------------------------------------------------------------------------------- */

static void
set_sound_available (SteadyPracticeView *self,
                     gboolean            available)
{
  SteadyPracticeViewPrivate *priv = steady_practice_view_get_instance_private (self);

  if (priv->sound_available == available)
    return;
  priv->sound_available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOUND_AVAILABLE]);
}

/* A stream that fails says so on its error property; GTK prints nothing, so this is the
 * only way to learn that the bell was not heard. */
static void
stream_changed_cb (GtkMediaStream     *stream,
                   GParamSpec         *pspec,
                   SteadyPracticeView *self)
{
  SteadyPracticeViewPrivate *priv = steady_practice_view_get_instance_private (self);
  gboolean failed = gtk_media_stream_get_error (stream) != NULL;
  guint index;

  if (!failed && !gtk_media_stream_get_ended (stream))
    return;
  /* The stream is still emitting this very signal, so it goes away once that is over. */
  g_signal_handlers_disconnect_by_data (stream, self);
  if (g_ptr_array_find (priv->streams, stream, &index))
    {
      g_ptr_array_steal_index_fast (priv->streams, index);
      g_idle_add_once ((GSourceOnceFunc)g_object_unref, stream);
    }
  if (failed)
    set_sound_available (self, FALSE);
  else
    g_signal_emit (self, signals[SIGNAL_SOUND_PLAYED], 0,
                   GPOINTER_TO_INT (g_object_get_data (G_OBJECT (stream), KIND_KEY)));
}

static void
play_one (SteadyPracticeView      *self,
          SteadyPracticeSoundKind  kind,
          double                   volume)
{
  SteadyPracticeViewPrivate *priv = steady_practice_view_get_instance_private (self);
  const char *path = kind == STEADY_PRACTICE_SOUND_BELL ? SOUND_PREFIX "bell.oga"
                                                        : SOUND_PREFIX "chime.oga";
  GtkMediaStream *stream = gtk_media_file_new_for_resource (path);

  if (gtk_media_stream_get_error (stream) != NULL)
    {
      set_sound_available (self, FALSE);
      g_object_unref (stream);
      return;
    }
  g_object_set_data (G_OBJECT (stream), KIND_KEY, GINT_TO_POINTER (kind));
  gtk_media_stream_set_volume (stream, CLAMP (volume, 0.0, 1.0));
  g_signal_connect_object (stream, "notify::error", G_CALLBACK (stream_changed_cb), self, 0);
  g_signal_connect_object (stream, "notify::ended", G_CALLBACK (stream_changed_cb), self, 0);
  g_ptr_array_add (priv->streams, stream);
  gtk_media_stream_play (stream);
}

static gboolean
strike_cb (gpointer data)
{
  Strike *strike = data;
  SteadyPracticeViewPrivate *priv = steady_practice_view_get_instance_private (strike->self);

  for (guint i = 0; i < priv->pending_ids->len; i++)
    {
      if (g_array_index (priv->pending_ids, guint, i) == strike->id)
        {
          g_array_remove_index_fast (priv->pending_ids, i);
          break;
        }
    }
  play_one (strike->self, strike->kind, strike->volume);
  return G_SOURCE_REMOVE;
}

/* Plays @kind @strikes times, the first now, one stream per strike so that strikes overlap as
 * a struck bowl's do; @volume from 0 to 1. */
void
steady_practice_view_play (SteadyPracticeView      *self,
                           SteadyPracticeSoundKind  kind,
                           guint                    strikes,
                           double                   volume)
{
  SteadyPracticeViewPrivate *priv = steady_practice_view_get_instance_private (self);

  g_return_if_fail (STEADY_IS_PRACTICE_VIEW (self));

  if (strikes == 0 || volume <= 0.0)
    return;

  play_one (self, kind, volume);
  for (guint i = 1; i < strikes; i++)
    {
      Strike *strike = g_new0 (Strike, 1);

      strike->self = self;
      strike->kind = kind;
      strike->volume = volume;
      strike->id = g_timeout_add_full (G_PRIORITY_DEFAULT, i * STRIKE_GAP_MS, strike_cb, strike,
                                       g_free);
      g_array_append_val (priv->pending_ids, strike->id);
    }
}

/* Silences everything playing and every strike still to come. */
void
steady_practice_view_stop_sound (SteadyPracticeView *self)
{
  SteadyPracticeViewPrivate *priv = steady_practice_view_get_instance_private (self);

  g_return_if_fail (STEADY_IS_PRACTICE_VIEW (self));

  for (guint i = 0; i < priv->pending_ids->len; i++)
    g_source_remove (g_array_index (priv->pending_ids, guint, i));
  g_array_set_size (priv->pending_ids, 0);

  while (priv->streams->len > 0)
    {
      GtkMediaStream *stream = g_ptr_array_steal_index (priv->streams, priv->streams->len - 1);

      g_signal_handlers_disconnect_by_data (stream, self);
      gtk_media_stream_pause (stream);
      g_object_unref (stream);
    }
}

/* FALSE once a sound failed to play: the pages then say that bells are shown, not heard. */
gboolean
steady_practice_view_get_sound_available (SteadyPracticeView *self)
{
  SteadyPracticeViewPrivate *priv = steady_practice_view_get_instance_private (self);

  g_return_val_if_fail (STEADY_IS_PRACTICE_VIEW (self), FALSE);

  return priv->sound_available;
}

/* Words and buttons ----------------------------------------------------------------------- */

/* "4:05" or "1:02:03", whole seconds rounded up, as a countdown should. */
char *
steady_practice_view_format_clock (gint64 us)
{
  gint64 s = (MAX (us, 0) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

  if (s >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int)(s / 3600), (int)(s / 60 % 60), (int)(s % 60));
  return g_strdup_printf ("%d:%02d", (int)(s / 60), (int)(s % 60));
}

/* "3 minutes", or "less than a minute", rounded to the nearest minute. */
char *
steady_practice_view_format_minutes (gint64 us)
{
  gint64 minutes = (MAX (us, 0) + 30 * G_USEC_PER_SEC) / (60 * G_USEC_PER_SEC);

  if (minutes < 1)
    return g_strdup (_("less than a minute"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", minutes),
                          (int)minutes);
}

/* Sets a mnemonic label (like "S_top") on @button. GTK 4.8 names such a button for assistive
 * technology by its raw label and its shown label together ("S_top Stop"); without the raw
 * one, a screen reader says just "Stop". */
void
steady_practice_view_set_button_label (GtkButton  *button,
                                       const char *label)
{
  g_autofree char *copy = g_strdup (label);  /* it may be the button's own label */

  g_return_if_fail (GTK_IS_BUTTON (button));
  g_return_if_fail (label != NULL);

  gtk_button_set_use_underline (button, TRUE);
  gtk_button_set_label (button, copy);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* The buttons' mnemonic labels come from the template, for translation; this names them for
 * assistive technology as steady_practice_view_set_button_label() does. */
void
steady_practice_view_name_buttons (GtkButton *first,
                                   ...)
{
  va_list args;

  va_start (args, first);
  for (GtkButton *button = first; button != NULL; button = va_arg (args, GtkButton *))
    steady_practice_view_set_button_label (button, gtk_button_get_label (button));
  va_end (args);
}

static GtkWidget *
find_switch (GtkWidget *widget)
{
  if (GTK_IS_SWITCH (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_switch (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* libadwaita 1.2 gives the switch of an expander row with show-enable-switch no accessible
 * name, so a screen reader says only "switch"; this names it after the row's title. Call it
 * once the row's title is set; the row's own rows must hold no switch. */
void
steady_practice_view_name_expander_switch (AdwExpanderRow *row)
{
  GtkWidget *enable_switch;

  g_return_if_fail (ADW_IS_EXPANDER_ROW (row));

  enable_switch = find_switch (GTK_WIDGET (row));
  g_return_if_fail (enable_switch != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (enable_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
}

/* Window ---------------------------------------------------------------------------------- */

/* F11 in both practice windows. */
static void
toggle_fullscreen_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

/* Escape leaves full screen, and otherwise does nothing. */
static gboolean
leave_fullscreen_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  if (!gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    return FALSE;
  gtk_window_unfullscreen (GTK_WINDOW (widget));
  return TRUE;
}

static gboolean
steady_practice_view_close_request (GtkWindow *window)
{
  SteadyPracticeViewPrivate *priv =
    steady_practice_view_get_instance_private (STEADY_PRACTICE_VIEW (window));

  /* Closing mid-practice ends it, and what was practised is still logged. */
  if (priv->timer != NULL)
    steady_practice_timer_stop (priv->timer);
  return GTK_WINDOW_CLASS (steady_practice_view_parent_class)->close_request (window);
}

static void
steady_practice_view_dispose (GObject *object)
{
  SteadyPracticeView *self = STEADY_PRACTICE_VIEW (object);
  SteadyPracticeViewPrivate *priv = steady_practice_view_get_instance_private (self);

  if (priv->inhibit_cookie != 0)
    {
      GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

      if (application != NULL)
        gtk_application_uninhibit (application, priv->inhibit_cookie);
      priv->inhibit_cookie = 0;
    }
  if (priv->pacer != NULL)
    steady_pacer_set_timer (priv->pacer, NULL);
  if (priv->timer != NULL)
    g_signal_handlers_disconnect_by_data (priv->timer, self);
  g_clear_object (&priv->timer);
  if (priv->streams != NULL)
    steady_practice_view_stop_sound (self);
  g_clear_pointer (&priv->streams, g_ptr_array_unref);
  g_clear_pointer (&priv->pending_ids, g_array_unref);
  g_clear_object (&priv->settings);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (steady_practice_view_parent_class)->dispose (object);
}

static void
steady_practice_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SteadyPracticeView *self = STEADY_PRACTICE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SOUND_AVAILABLE:
      g_value_set_boolean (value, steady_practice_view_get_sound_available (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_practice_view_class_init (SteadyPracticeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steady_practice_view_dispose;
  object_class->get_property = steady_practice_view_get_property;
  window_class->close_request = steady_practice_view_close_request;

  properties[PROP_SOUND_AVAILABLE] =
    g_param_spec_boolean ("sound-available", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A practice was logged, or its rating added: the history has something new. */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A sound played to its end without an error: as near as GTK lets us come to "heard".
   * With a media backend but no audio device, GStreamer plays into a silent sink and this
   * is emitted all the same. The argument is a SteadyPracticeSoundKind. */
  signals[SIGNAL_SOUND_PLAYED] =
    g_signal_new ("sound-played", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  g_type_ensure (STEADY_TYPE_PACER);
  gtk_widget_class_install_action (widget_class, "practice.toggle-fullscreen", NULL,
                                   toggle_fullscreen_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0,
                                       "practice.toggle-fullscreen", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, leave_fullscreen_cb, NULL);
}

static void
steady_practice_view_init (SteadyPracticeView *self)
{
  SteadyPracticeViewPrivate *priv = steady_practice_view_get_instance_private (self);

  priv->streams = g_ptr_array_new_with_free_func (g_object_unref);
  priv->pending_ids = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Without a media backend GTK fails to open any file, and says so at once: better to tell
   * the person before the first bell than after it. */
  {
    g_autoptr(GtkMediaStream) probe = gtk_media_file_new_for_resource (SOUND_PREFIX "chime.oga");

    priv->sound_available = gtk_media_stream_get_error (probe) == NULL;
  }
}
