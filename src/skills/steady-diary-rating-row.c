/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-diary-rating-row.c: one row of the diary card, rated with a row of toggle buttons
 * that arrows and number keys move through, each named for assistive technology. */

#define G_LOG_DOMAIN "steady-diary-rating-row"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-diary-rating-row.h"

/* Not rated; the same as STEADY_DIARY_NONE in the store. */
#define NONE (-1)

struct _SteadyDiaryRatingRow
{
  AdwPreferencesRow         parent_instance;

  /* owned widgets (children of the row) */
  GtkLabel                 *title_label;
  GtkLabel                 *meaning_label;
  GtkBox                   *scale_box;
  GtkBox                   *acted_box;
  GtkToggleButton          *acted_buttons[2];
  GtkButton                *remove_button;
  GPtrArray                *buttons;   /* GtkToggleButton, one per value, unowned */

  char                     *title;
  int                       max;
  int                       value;
  int                       acted;
  SteadyDiaryRatingMeaning  meaning;
  gboolean                  updating;
};

G_DEFINE_FINAL_TYPE (SteadyDiaryRatingRow, steady_diary_rating_row, ADW_TYPE_PREFERENCES_ROW)

enum
{
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Names every button as a screen reader should read it: "Sadness: 3 of 5". */
static void
update_names (SteadyDiaryRatingRow *self)
{
  for (int i = 0; i <= self->max; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->buttons, i);
      const char *meaning = self->meaning != NULL ? self->meaning (i) : NULL;
      g_autofree char *name = NULL;

      if (meaning != NULL)
        /* Translators: a button of the diary card's scale, read by a screen reader: the row,
         * the rating, the highest rating and what the rating means; e.g. "Wise mind: 5 of
         * 7, tried, could use it, helped". */
        name = g_strdup_printf (_("%s: %d of %d, %s"), self->title, i, self->max, meaning);
      else
        /* Translators: a button of the diary card's scale, read by a screen reader: the row,
         * the rating and the highest rating; e.g. "Sadness: 3 of 5". */
        name = g_strdup_printf (_("%s: %d of %d"), self->title, i, self->max);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      gtk_widget_set_tooltip_text (button, meaning);
    }
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *name = i ? g_strdup_printf (_("%s: acted on it"), self->title)
                                : g_strdup_printf (_("%s: did not act on it"), self->title);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->acted_buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  {
    g_autofree char *name = g_strdup_printf (_("Remove %s from this card"), self->title);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
}

static void
sync_buttons (SteadyDiaryRatingRow *self)
{
  const char *meaning = NULL;

  self->updating = TRUE;
  /* One stop of Tab per scale, on its chosen button; the arrows move within it. */
  for (int i = 0; i <= self->max; i++)
    {
      gtk_toggle_button_set_active (g_ptr_array_index (self->buttons, i), i == self->value);
      gtk_widget_set_focusable (g_ptr_array_index (self->buttons, i), i == MAX (self->value, 0));
    }
  for (int i = 0; i < 2; i++)
    gtk_toggle_button_set_active (self->acted_buttons[i], self->acted == i);
  self->updating = FALSE;

  if (self->meaning != NULL && self->value != NONE)
    meaning = self->meaning (self->value);
  gtk_label_set_text (self->meaning_label, meaning != NULL ? meaning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->meaning_label), meaning != NULL);
}

static void
change (SteadyDiaryRatingRow *self,
        int                   value,
        int                   acted)
{
  if (value == self->value && acted == self->acted)
    return;
  self->value = value;
  self->acted = acted;
  sync_buttons (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
scale_toggled_cb (GtkToggleButton      *button,
                  SteadyDiaryRatingRow *self)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  change (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "steady-value")),
          self->acted);
}

static void
acted_toggled_cb (GtkToggleButton      *button,
                  SteadyDiaryRatingRow *self)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  change (self, self->value, button == self->acted_buttons[1]);
}

static void
remove_clicked_cb (GtkButton            *button,
                   SteadyDiaryRatingRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/**
 * steady_diary_rating_row_press_key:
 *
 * What a key does on the scale: Left and Right (or minus and plus) step the rating, a digit
 * chooses it, Home and End go to either end, Delete or Backspace clears it. The focus follows
 * the chosen button.
 *
 * Returns: whether the key was used
 */
gboolean
steady_diary_rating_row_press_key (SteadyDiaryRatingRow *self,
                                   guint                 keyval)
{
  int value = self->value;

  g_return_val_if_fail (STEADY_IS_DIARY_RATING_ROW (self), FALSE);

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      value = value == NONE ? 0 : MAX (value - 1, 0);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_plus:
    case GDK_KEY_KP_Add:
      value = value == NONE ? 0 : MIN (value + 1, self->max);
      break;
    case GDK_KEY_Home:
      value = 0;
      break;
    case GDK_KEY_End:
      value = self->max;
      break;
    case GDK_KEY_Delete:
    case GDK_KEY_BackSpace:
      value = NONE;
      break;
    default:
      {
        guint32 c = gdk_keyval_to_unicode (keyval);

        if (c < '0' || c > '9')
          return FALSE;
        if ((int)(c - '0') > self->max)
          {
            gtk_widget_error_bell (GTK_WIDGET (self));
            return TRUE;
          }
        value = c - '0';
      }
    }
  change (self, value, self->acted);
  gtk_widget_grab_focus (g_ptr_array_index (self->buttons, value == NONE ? 0 : value));
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SteadyDiaryRatingRow  *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  /* Arrows in "acted on it" and on the remove button move the focus as usual. */
  if (focus != NULL && focus != GTK_WIDGET (self) &&
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->scale_box)))
    return FALSE;
  return steady_diary_rating_row_press_key (self, keyval);
}

static GtkWidget *
new_toggle (const char *label)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  gtk_widget_set_hexpand (button, TRUE);
  return button;
}

static void
steady_diary_rating_row_dispose (GObject *object)
{
  SteadyDiaryRatingRow *self = STEADY_DIARY_RATING_ROW (object);

  g_clear_pointer (&self->buttons, g_ptr_array_unref);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), NULL);

  G_OBJECT_CLASS (steady_diary_rating_row_parent_class)->dispose (object);
}

static void
steady_diary_rating_row_finalize (GObject *object)
{
  SteadyDiaryRatingRow *self = STEADY_DIARY_RATING_ROW (object);

  g_free (self->title);

  G_OBJECT_CLASS (steady_diary_rating_row_parent_class)->finalize (object);
}

static void
steady_diary_rating_row_class_init (SteadyDiaryRatingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steady_diary_rating_row_dispose;
  object_class->finalize = steady_diary_rating_row_finalize;

  /* The person changed the rating or "acted on it". */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The person asked to take this row off the card (skills only). */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
steady_diary_rating_row_init (SteadyDiaryRatingRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *acted_label;
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->value = NONE;
  self->acted = NONE;
  self->buttons = g_ptr_array_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_wrap_mode (self->title_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_label), TRUE);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->title_label));

  self->remove_button = GTK_BUTTON (gtk_button_new_from_icon_name ("window-close-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (self->remove_button), "flat");
  gtk_widget_set_valign (GTK_WIDGET (self->remove_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button), _("Remove From This Card"));
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), FALSE);
  g_signal_connect (self->remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->remove_button));
  gtk_box_append (GTK_BOX (box), top);

  self->scale_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
  gtk_box_set_homogeneous (self->scale_box, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->scale_box), "linked");
  gtk_widget_add_css_class (GTK_WIDGET (self->scale_box), "diary-scale");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->scale_box));

  self->meaning_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->meaning_label, 0);
  gtk_label_set_wrap (self->meaning_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->meaning_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->meaning_label), "caption");
  gtk_widget_set_visible (GTK_WIDGET (self->meaning_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->meaning_label));

  self->acted_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12));
  acted_label = gtk_label_new (_("Acted on it?"));
  gtk_label_set_xalign (GTK_LABEL (acted_label), 0);
  gtk_widget_set_hexpand (acted_label, TRUE);
  gtk_box_append (self->acted_box, acted_label);
  {
    GtkWidget *linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    gtk_box_set_homogeneous (GTK_BOX (linked), TRUE);
    gtk_widget_add_css_class (linked, "linked");
    gtk_widget_add_css_class (linked, "diary-scale");
    self->acted_buttons[0] = GTK_TOGGLE_BUTTON (new_toggle (_("No")));
    self->acted_buttons[1] = GTK_TOGGLE_BUTTON (new_toggle (_("Yes")));
    gtk_toggle_button_set_group (self->acted_buttons[1], self->acted_buttons[0]);
    for (int i = 0; i < 2; i++)
      {
        g_signal_connect (self->acted_buttons[i], "toggled", G_CALLBACK (acted_toggled_cb),
                          self);
        gtk_box_append (GTK_BOX (linked), GTK_WIDGET (self->acted_buttons[i]));
      }
    gtk_box_append (self->acted_box, linked);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->acted_box), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->acted_box));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/**
 * steady_diary_rating_row_new:
 * @title: the row's name, as the person wrote it
 * @max: the highest rating (5, 7 or 10)
 * @meaning: (nullable): the words for each rating
 */
GtkWidget *
steady_diary_rating_row_new (const char               *title,
                             int                       max,
                             SteadyDiaryRatingMeaning  meaning)
{
  SteadyDiaryRatingRow *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (max > 0 && max <= 10, NULL);

  self = g_object_new (STEADY_TYPE_DIARY_RATING_ROW, NULL);
  self->title = g_strdup (title);
  self->max = max;
  self->meaning = meaning;
  gtk_label_set_text (self->title_label, title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  for (int i = 0; i <= max; i++)
    {
      g_autofree char *label = g_strdup_printf ("%d", i);
      GtkWidget *button = new_toggle (label);

      g_object_set_data (G_OBJECT (button), "steady-value", GINT_TO_POINTER (i));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                     g_ptr_array_index (self->buttons, 0));
      g_signal_connect (button, "toggled", G_CALLBACK (scale_toggled_cb), self);
      gtk_box_append (self->scale_box, button);
      g_ptr_array_add (self->buttons, button);
    }
  update_names (self);
  sync_buttons (self);
  return GTK_WIDGET (self);
}

const char *
steady_diary_rating_row_get_title (SteadyDiaryRatingRow *self)
{
  g_return_val_if_fail (STEADY_IS_DIARY_RATING_ROW (self), NULL);
  return self->title;
}

int
steady_diary_rating_row_get_max (SteadyDiaryRatingRow *self)
{
  g_return_val_if_fail (STEADY_IS_DIARY_RATING_ROW (self), 0);
  return self->max;
}

int
steady_diary_rating_row_get_value (SteadyDiaryRatingRow *self)
{
  g_return_val_if_fail (STEADY_IS_DIARY_RATING_ROW (self), NONE);
  return self->value;
}

/* Shows @value (NONE for not rated) without telling anyone: it came from the card. */
void
steady_diary_rating_row_set_value (SteadyDiaryRatingRow *self,
                                   int                   value)
{
  g_return_if_fail (STEADY_IS_DIARY_RATING_ROW (self));
  g_return_if_fail (value >= NONE && value <= self->max);

  self->value = value;
  sync_buttons (self);
}

void
steady_diary_rating_row_show_acted (SteadyDiaryRatingRow *self)
{
  g_return_if_fail (STEADY_IS_DIARY_RATING_ROW (self));
  gtk_widget_set_visible (GTK_WIDGET (self->acted_box), TRUE);
}

int
steady_diary_rating_row_get_acted (SteadyDiaryRatingRow *self)
{
  g_return_val_if_fail (STEADY_IS_DIARY_RATING_ROW (self), NONE);
  return self->acted;
}

void
steady_diary_rating_row_set_acted (SteadyDiaryRatingRow *self,
                                   int                   acted)
{
  g_return_if_fail (STEADY_IS_DIARY_RATING_ROW (self));
  g_return_if_fail (acted >= NONE && acted <= 1);

  self->acted = acted;
  sync_buttons (self);
}

void
steady_diary_rating_row_show_remove (SteadyDiaryRatingRow *self)
{
  g_return_if_fail (STEADY_IS_DIARY_RATING_ROW (self));
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), TRUE);
}

/* The toggle button of @value, for tests. */
GtkWidget *
steady_diary_rating_row_get_button (SteadyDiaryRatingRow *self,
                                    int                   value)
{
  g_return_val_if_fail (STEADY_IS_DIARY_RATING_ROW (self), NULL);
  g_return_val_if_fail (value >= 0 && value <= self->max, NULL);
  return g_ptr_array_index (self->buttons, value);
}
