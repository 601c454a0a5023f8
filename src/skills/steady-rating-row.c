/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-rating-row.c: a question answered on a slider that may be left unanswered. The
 * slider is always there to use; moving it answers, and the switch beside the question
 * takes the answer back, so nobody is held to a number they did not choose. */

#define G_LOG_DOMAIN "steady-rating-row"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-rating-row.h"

/* Kept in step with STEADY_SKILL_NO_RATING, which this GTK-only widget does not include. */
#define NO_RATING (-1)

struct _SteadyRatingRow
{
  GtkBox     parent_instance;

  /* children, owned by the box */
  GtkLabel  *title_label;
  GtkLabel  *value_label;
  GtkSwitch *answered;
  GtkScale  *scale;
  GtkLabel  *hint_label;

  int        upper;
  gboolean   loading; /* set by code, not by the user */
};

G_DEFINE_FINAL_TYPE (SteadyRatingRow, steady_rating_row, GTK_TYPE_BOX)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_value_label (SteadyRatingRow *self)
{
  g_autofree char *text = NULL;

  if (gtk_switch_get_active (self->answered))
    /* Translators: a rating as read out, e.g. "7 of 10". */
    text = g_strdup_printf (_("%d of %d"), (int)gtk_range_get_value (GTK_RANGE (self->scale)),
                            self->upper);
  else
    text = g_strdup (_("Not rated"));
  gtk_label_set_text (self->value_label, text);
  /* A slider not answered looks faded, so its knob does not read as a rating given. */
  gtk_widget_set_opacity (GTK_WIDGET (self->scale),
                          gtk_switch_get_active (self->answered) ? 1.0 : 0.55);
}

static void
scale_changed_cb (SteadyRatingRow *self)
{
  if (!self->loading)
    {
      /* Moving the slider is answering. */
      self->loading = TRUE;
      gtk_switch_set_active (self->answered, TRUE);
      self->loading = FALSE;
    }
  update_value_label (self);
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
answered_changed_cb (SteadyRatingRow *self)
{
  update_value_label (self);
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* Pressing the slider or a key on it answers, even when the value stays where it was (the
 * person means the value the slider already shows). */
static void
answer (SteadyRatingRow *self)
{
  if (!gtk_switch_get_active (self->answered))
    gtk_switch_set_active (self->answered, TRUE);
}

static void
scale_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  SteadyRatingRow *self)
{
  answer (self);
}

static gboolean
scale_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      SteadyRatingRow       *self)
{
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_Right: case GDK_KEY_Up: case GDK_KEY_Down:
    case GDK_KEY_KP_Left: case GDK_KEY_KP_Right: case GDK_KEY_KP_Up: case GDK_KEY_KP_Down:
    case GDK_KEY_Home: case GDK_KEY_End: case GDK_KEY_Page_Up: case GDK_KEY_Page_Down:
      if ((state & (GDK_ALT_MASK | GDK_CONTROL_MASK)) == 0)
        answer (self);
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
steady_rating_row_class_init (SteadyRatingRowClass *klass)
{
  /* The rating changed by the user's hand (not by steady_rating_row_set_value ()). */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
steady_rating_row_init (SteadyRatingRow *self)
{
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  /* A card has no padding of its own. */
  gtk_widget_set_margin_start (inner, 12);
  gtk_widget_set_margin_end (inner, 12);
  gtk_widget_set_margin_top (inner, 12);
  gtk_widget_set_margin_bottom (inner, 12);
  gtk_box_append (GTK_BOX (self), inner);
  gtk_widget_add_css_class (GTK_WIDGET (self), "steady-rating-row");

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_xalign (self->title_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_label), TRUE);
  self->value_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "dim-label");
  self->answered = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->answered), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->value_label));
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->answered));
  gtk_box_append (GTK_BOX (inner), top);

  self->scale = GTK_SCALE (gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 10, 1));
  gtk_scale_set_draw_value (self->scale, FALSE);
  gtk_range_set_round_digits (GTK_RANGE (self->scale), 0);
  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (self->scale));

  self->hint_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->hint_label, TRUE);
  gtk_label_set_xalign (self->hint_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "dim-label");
  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (self->hint_label));

  {
    GtkGesture *press = gtk_gesture_click_new ();
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (press), GTK_PHASE_CAPTURE);
    g_signal_connect (press, "pressed", G_CALLBACK (scale_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->scale), GTK_EVENT_CONTROLLER (press));
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (scale_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->scale), keys);
  }
  g_signal_connect_swapped (self->scale, "value-changed", G_CALLBACK (scale_changed_cb), self);
  g_signal_connect_swapped (self->answered, "notify::active", G_CALLBACK (answered_changed_cb),
                            self);
}

/**
 * steady_rating_row_new:
 * @title: the question, also the slider's accessible name
 * @hint: (nullable): what the ends of the scale mean
 * @upper: 10 or 100
 *
 * Returns: (transfer floating): a row with no rating given yet
 */
GtkWidget *
steady_rating_row_new (const char *title,
                       const char *hint,
                       int         upper)
{
  SteadyRatingRow *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (upper > 0, NULL);

  self = g_object_new (STEADY_TYPE_RATING_ROW, NULL);
  self->upper = upper;
  self->loading = TRUE;
  gtk_range_set_range (GTK_RANGE (self->scale), 0, upper);
  gtk_range_set_increments (GTK_RANGE (self->scale), upper >= 100 ? 5 : 1, upper >= 100 ? 10 : 1);
  gtk_range_set_value (GTK_RANGE (self->scale), upper / 2);
  self->loading = FALSE;
  gtk_scale_add_mark (self->scale, 0, GTK_POS_BOTTOM, "0");
  {
    g_autofree char *top = g_strdup_printf ("%d", upper);

    gtk_scale_add_mark (self->scale, upper, GTK_POS_BOTTOM, top);
  }
  gtk_label_set_text (self->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL && hint[0] != '\0');
  steady_rating_row_set_title (self, title);
  update_value_label (self);
  return GTK_WIDGET (self);
}

void
steady_rating_row_set_title (SteadyRatingRow *self,
                             const char      *title)
{
  g_autofree char *switch_label = NULL;

  g_return_if_fail (STEADY_IS_RATING_ROW (self));
  g_return_if_fail (title != NULL);

  gtk_label_set_text (self->title_label, title);
  /* Translators: the accessible name of the switch that says a question is answered; %s is
   * the question. */
  switch_label = g_strdup_printf (_("Answer: %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->answered),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, switch_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

/**
 * steady_rating_row_get_value:
 *
 * Returns: the rating, 0 to the upper end, or -1 when not given
 */
int
steady_rating_row_get_value (SteadyRatingRow *self)
{
  g_return_val_if_fail (STEADY_IS_RATING_ROW (self), NO_RATING);

  if (!gtk_switch_get_active (self->answered))
    return NO_RATING;
  return CLAMP ((int)gtk_range_get_value (GTK_RANGE (self->scale)), 0, self->upper);
}

/**
 * steady_rating_row_set_value:
 * @value: the rating, or -1 for none; anything out of range counts as none
 */
void
steady_rating_row_set_value (SteadyRatingRow *self,
                             int              value)
{
  gboolean given;

  g_return_if_fail (STEADY_IS_RATING_ROW (self));

  given = value >= 0 && value <= self->upper;
  self->loading = TRUE;
  if (given)
    gtk_range_set_value (GTK_RANGE (self->scale), value);
  gtk_switch_set_active (self->answered, given);
  self->loading = FALSE;
  update_value_label (self);
}

/**
 * steady_rating_row_set_start:
 * @value: where the slider stands while nothing is rated, e.g. the first rating of a mood
 *   rated again
 */
void
steady_rating_row_set_start (SteadyRatingRow *self,
                             int              value)
{
  g_return_if_fail (STEADY_IS_RATING_ROW (self));

  if (gtk_switch_get_active (self->answered) || value < 0 || value > self->upper)
    return;
  self->loading = TRUE;
  gtk_range_set_value (GTK_RANGE (self->scale), value);
  self->loading = FALSE;
}

int
steady_rating_row_get_upper (SteadyRatingRow *self)
{
  g_return_val_if_fail (STEADY_IS_RATING_ROW (self), 0);

  return self->upper;
}

GtkRange *
steady_rating_row_get_scale (SteadyRatingRow *self)
{
  g_return_val_if_fail (STEADY_IS_RATING_ROW (self), NULL);

  return GTK_RANGE (self->scale);
}

GtkSwitch *
steady_rating_row_get_switch (SteadyRatingRow *self)
{
  g_return_val_if_fail (STEADY_IS_RATING_ROW (self), NULL);

  return self->answered;
}
