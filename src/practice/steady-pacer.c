/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-pacer.c: the breathing pacer's shape (or its bar), driven by a SteadyPracticeTimer.
 * Every frame asks the timer where the session is; nothing here counts ticks. */

#define G_LOG_DOMAIN "steady-pacer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "steady-pacer.h"

/* In text-and-bar mode, and for a sit, the words change once a second at most: a few
 * updates a second keep them on time without animating anything. */
#define TEXT_MODE_STEP_US (G_USEC_PER_SEC / 4)
#define BAR_HEIGHT        16
#define SHAPE_MIN_SIZE    160
/* The shape never shrinks to nothing: an empty breath is still a calm, visible circle. */
#define SHAPE_EMPTY_SCALE 0.3

struct _SteadyPacer
{
  GtkWidget            parent_instance;

  /* owned */
  SteadyPracticeTimer *timer;

  /* The fill last drawn, so a frame that would look the same is not drawn again. */
  double               drawn_fill;

  guint                tick_id;
  guint                timeout_id;
  gboolean             text_mode;
};

G_DEFINE_FINAL_TYPE (SteadyPacer, steady_pacer, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_TIMER,
  PROP_TEXT_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void sync_schedule (SteadyPacer *self);

GtkWidget *
steady_pacer_new (void)
{
  return g_object_new (STEADY_TYPE_PACER, NULL);
}

static gboolean
timer_is_active (SteadyPacer *self)
{
  SteadyPracticeState state;

  if (self->timer == NULL)
    return FALSE;
  state = steady_practice_timer_get_state (self->timer);
  return state == STEADY_PRACTICE_STATE_PREPARING || state == STEADY_PRACTICE_STATE_RUNNING;
}

/* How full the shape or the bar is, 0 to 1. A sit shows how much of it has passed, or a
 * still, half-full shape when it is open-ended. */
static double
get_fill (SteadyPacer *self)
{
  if (self->timer == NULL)
    return 0.0;

  if (steady_practice_timer_get_kind (self->timer) == STEADY_PRACTICE_KIND_BREATHING)
    {
      SteadyBreathingPosition position;

      steady_practice_timer_get_position (self->timer, &position);
      return CLAMP (position.size, 0.0, 1.0);
    }
  else
    {
      gint64 planned_us = steady_practice_timer_get_planned_us (self->timer);

      if (planned_us <= 0)
        return 0.5;
      return CLAMP ((double)steady_practice_timer_get_practised_us (self->timer) / planned_us,
                    0.0, 1.0);
    }
}

/* Whether the shape or the bar would be drawn at least a pixel away from the last frame.
 * Holds, and the slow ends of each breath, then cost no drawing at all; in between, the
 * shape still moves every frame it can be seen to. */
static gboolean
fill_changed_visibly (SteadyPacer *self)
{
  double fill = get_fill (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double span_px;

  if (self->text_mode)
    span_px = width;
  else
    span_px = MIN (width, height) * (1.0 - SHAPE_EMPTY_SCALE);
  span_px *= gtk_widget_get_scale_factor (GTK_WIDGET (self));

  return fabs (fill - self->drawn_fill) * span_px >= 1.0;
}

/* Asks the timer what time it is (which rings bells and announces phases), redraws, and
 * lets the page update its words. */
void
steady_pacer_update (SteadyPacer *self)
{
  g_return_if_fail (STEADY_IS_PACER (self));

  if (self->timer != NULL)
    steady_practice_timer_tick (self->timer);
  if (fill_changed_visibly (self))
    gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[UPDATED], 0);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  steady_pacer_update (STEADY_PACER (widget));
  return G_SOURCE_CONTINUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  SteadyPacer *self = STEADY_PACER (user_data);

  self->timeout_id = 0;
  steady_pacer_update (self);
  sync_schedule (self);
  return G_SOURCE_REMOVE;
}

/* The frame clock drives a visible, animated breathing shape. Besides it, one timeout is
 * always armed for the timer's next event, so bells ring and phases change on time when
 * the window is hidden or its frame clock stands still; while shown without animation it
 * also wakes a few times a second for the words. */
static void
sync_schedule (SteadyPacer *self)
{
  gboolean active = timer_is_active (self);
  gboolean mapped = gtk_widget_get_mapped (GTK_WIDGET (self));
  gboolean breathing = self->timer != NULL && steady_practice_timer_get_kind (self->timer) ==
                                              STEADY_PRACTICE_KIND_BREATHING;
  gboolean animate = active && mapped && breathing && !self->text_mode;
  gint64 wait_us = -1;

  if (animate && self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
  else if (!animate && self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!active)
    return;

  wait_us = steady_practice_timer_get_until_next_event_us (self->timer);
  if (mapped && !animate)
    {
      gint64 step_us = TEXT_MODE_STEP_US;

      if (!breathing)
        {
          /* A sit's clock shows whole seconds: wake just after the next one. */
          gint64 elapsed_us = steady_practice_timer_get_elapsed_us (self->timer);

          step_us = G_USEC_PER_SEC - elapsed_us % G_USEC_PER_SEC;
        }
      wait_us = wait_us < 0 ? step_us : MIN (wait_us, step_us);
    }
  if (wait_us >= 0)
    self->timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint)((wait_us + 999) / 1000),
                                           timeout_cb, self, NULL);
}

static void
timer_state_changed_cb (SteadyPracticeTimer *timer,
                        GParamSpec          *pspec,
                        SteadyPacer         *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  sync_schedule (self);
}

void
steady_pacer_set_timer (SteadyPacer         *self,
                        SteadyPracticeTimer *timer)
{
  g_return_if_fail (STEADY_IS_PACER (self));
  g_return_if_fail (timer == NULL || STEADY_IS_PRACTICE_TIMER (timer));

  if (self->timer == timer)
    return;

  if (self->timer != NULL)
    g_signal_handlers_disconnect_by_data (self->timer, self);
  g_set_object (&self->timer, timer);
  if (self->timer != NULL)
    g_signal_connect_object (self->timer, "notify::state", G_CALLBACK (timer_state_changed_cb),
                             self, 0);

  sync_schedule (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMER]);
}

SteadyPracticeTimer *
steady_pacer_get_timer (SteadyPacer *self)
{
  g_return_val_if_fail (STEADY_IS_PACER (self), NULL);

  return self->timer;
}

void
steady_pacer_set_text_mode (SteadyPacer *self,
                            gboolean     text_mode)
{
  g_return_if_fail (STEADY_IS_PACER (self));

  text_mode = !!text_mode;
  if (self->text_mode == text_mode)
    return;

  self->text_mode = text_mode;
  sync_schedule (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_MODE]);
}

gboolean
steady_pacer_get_text_mode (SteadyPacer *self)
{
  g_return_val_if_fail (STEADY_IS_PACER (self), FALSE);

  return self->text_mode;
}

/* Whether the frame clock is driving the shape right now (for tests and the benchmark). */
gboolean
steady_pacer_get_animating (SteadyPacer *self)
{
  g_return_val_if_fail (STEADY_IS_PACER (self), FALSE);

  return self->tick_id != 0;
}

static void
get_colors (SteadyPacer *self,
            GdkRGBA     *fill,
            GdkRGBA     *track)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  /* The "accent" style class sets the colour to the accent colour, light or dark. */
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), fill);
  G_GNUC_END_IGNORE_DEPRECATIONS
  *track = *fill;
  track->alpha *= 0.15f;
  fill->alpha *= 0.55f;
}

static void
snapshot_bar (SteadyPacer *self,
              GtkSnapshot *snapshot,
              double       fill_fraction,
              int          width,
              int          height)
{
  GdkRGBA fill;
  GdkRGBA track;
  GskRoundedRect rect;
  graphene_rect_t bounds;
  /* At the bottom of the space the shape would take, right above the words it goes with. */
  float y = MAX (0.0f, height - BAR_HEIGHT - 24.0f);

  get_colors (self, &fill, &track);
  fill.alpha = MIN (1.0f, fill.alpha * 1.6f);

  bounds = GRAPHENE_RECT_INIT (0, y, width, BAR_HEIGHT);
  gsk_rounded_rect_init_from_rect (&rect, &bounds, BAR_HEIGHT / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, &track, &bounds);
  bounds.size.width = (float)(width * fill_fraction);
  gtk_snapshot_append_color (snapshot, &fill, &bounds);
  gtk_snapshot_pop (snapshot);
}

static void
snapshot_shape (SteadyPacer *self,
                GtkSnapshot *snapshot,
                double       fill_fraction,
                int          width,
                int          height)
{
  GdkRGBA fill;
  GdkRGBA track;
  GskRoundedRect rect;
  graphene_rect_t bounds;
  float full = MIN (width, height);
  float size = full * (float)(SHAPE_EMPTY_SCALE + (1.0 - SHAPE_EMPTY_SCALE) * fill_fraction);
  float border_width = 2.0f;
  GdkRGBA border_color;

  get_colors (self, &fill, &track);

  /* The full breath's outline stays, so the eye sees how far there is to go. */
  bounds = GRAPHENE_RECT_INIT ((width - full) / 2.0f, (height - full) / 2.0f, full, full);
  gsk_rounded_rect_init_from_rect (&rect, &bounds, full / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, &track, &bounds);
  gtk_snapshot_pop (snapshot);
  border_color = fill;
  border_color.alpha = track.alpha * 2.0f;
  {
    const float widths[4] = { border_width, border_width, border_width, border_width };
    const GdkRGBA colors[4] = { border_color, border_color, border_color, border_color };

    gtk_snapshot_append_border (snapshot, &rect, widths, colors);
  }

  bounds = GRAPHENE_RECT_INIT ((width - size) / 2.0f, (height - size) / 2.0f, size, size);
  gsk_rounded_rect_init_from_rect (&rect, &bounds, size / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, &fill, &bounds);
  gtk_snapshot_pop (snapshot);
}

static void
steady_pacer_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  SteadyPacer *self = STEADY_PACER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double fill_fraction = get_fill (self);

  self->drawn_fill = fill_fraction;
  if (width <= 0 || height <= 0)
    return;

  if (self->text_mode)
    snapshot_bar (self, snapshot, fill_fraction, width, height);
  else
    snapshot_shape (self, snapshot, fill_fraction, width, height);
}

static void
steady_pacer_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  SteadyPacer *self = STEADY_PACER (widget);

  if (self->text_mode)
    {
      *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 120 : BAR_HEIGHT;
      *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 360 : BAR_HEIGHT;
    }
  else
    {
      *minimum = SHAPE_MIN_SIZE;
      *natural = 320;
    }
}

static void
steady_pacer_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (steady_pacer_parent_class)->map (widget);
  sync_schedule (STEADY_PACER (widget));
}

static void
steady_pacer_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (steady_pacer_parent_class)->unmap (widget);
  sync_schedule (STEADY_PACER (widget));
}

static void
steady_pacer_dispose (GObject *object)
{
  SteadyPacer *self = STEADY_PACER (object);

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->timer != NULL)
    g_signal_handlers_disconnect_by_data (self->timer, self);
  g_clear_object (&self->timer);

  G_OBJECT_CLASS (steady_pacer_parent_class)->dispose (object);
}

static void
steady_pacer_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SteadyPacer *self = STEADY_PACER (object);

  switch (prop_id)
    {
    case PROP_TIMER:
      g_value_set_object (value, self->timer);
      break;
    case PROP_TEXT_MODE:
      g_value_set_boolean (value, self->text_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_pacer_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SteadyPacer *self = STEADY_PACER (object);

  switch (prop_id)
    {
    case PROP_TIMER:
      steady_pacer_set_timer (self, g_value_get_object (value));
      break;
    case PROP_TEXT_MODE:
      steady_pacer_set_text_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_pacer_class_init (SteadyPacerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_pacer_dispose;
  object_class->get_property = steady_pacer_get_property;
  object_class->set_property = steady_pacer_set_property;

  widget_class->snapshot = steady_pacer_snapshot;
  widget_class->measure = steady_pacer_measure;
  widget_class->map = steady_pacer_map;
  widget_class->unmap = steady_pacer_unmap;

  properties[PROP_TIMER] =
    g_param_spec_object ("timer", NULL, NULL, STEADY_TYPE_PRACTICE_TIMER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT_MODE] =
    g_param_spec_boolean ("text-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After every look at the clock, so the page can bring its words up to date. */
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "pacer");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
steady_pacer_init (SteadyPacer *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "accent");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("A shape that grows as you breathe in and shrinks as you "
                                    "breathe out"),
                                  -1);
}
