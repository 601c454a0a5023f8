/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-breathing-view.c: the breathing practice window: choose a pattern and a length,
 * breathe with the pacer, rate distress before and after; the practice is logged. */

#define G_LOG_DOMAIN "steady-breathing-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steady-breathing-view.h"
#include "steady-pacer.h"
#include "steady-practice-view.h"

/* A quiet cue: the chime is there to be noticed with closed eyes, not to startle. */
#define CUE_VOLUME 0.5

struct _SteadyBreathingView
{
  SteadyPracticeView   parent_instance;

  /* template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkMenuButton       *safety_button;
  GtkLabel            *safety_popover_label;
  GtkToggleButton     *text_mode_button;
  GtkStack            *stack;
  GtkLabel            *safety_label;
  AdwPreferencesGroup *pattern_group;
  AdwExpanderRow      *custom_row;
  AdwEntryRow         *custom_name_row;
  AdwComboRow         *unit_row;
  AdwActionRow        *length_row;
  GtkSpinButton       *length_spin;
  GtkSwitch           *cues_switch;
  AdwExpanderRow      *before_row;
  GtkScale            *before_scale;
  GtkButton           *start_button;
  SteadyPacer         *pacer;
  GtkLabel            *phase_label;
  GtkLabel            *countdown_label;
  GtkLabel            *progress_label;
  GtkLabel            *sound_label;
  GtkButton           *pause_button;
  GtkButton           *stop_button;
  GtkLabel            *after_title;
  GtkLabel            *after_summary;
  AdwExpanderRow      *after_row;
  GtkScale            *after_scale;
  GtkButton           *done_button;

  /* widgets made in code: the custom pattern's phase lengths and its error */
  GtkSpinButton       *custom_spins[STEADY_BREATHING_N_PHASES];
  GtkLabel            *custom_error_label;
  /* unowned: the radio of the first pattern, which every other joins */
  GtkCheckButton      *first_radio;

  /* owned */
  GPtrArray           *patterns;      /* SteadyBreathingPattern, in the order of the rows */
  GPtrArray           *radios;        /* GtkCheckButton, unowned, parallel to patterns */
  GPtrArray           *rows;          /* AdwActionRow, unowned, parallel to patterns */
  SteadyPracticeRecord *record;       /* the logged practice, until the after-rating */

  gboolean             animations_enabled;
  /* what the words last showed, packed, so a frame that changes none of them is cheap */
  guint64              labels_key;
};

G_DEFINE_FINAL_TYPE (SteadyBreathingView, steady_breathing_view, STEADY_TYPE_PRACTICE_VIEW)

static SteadyPracticeTimer *
get_timer (SteadyBreathingView *self)
{
  return steady_practice_view_get_timer (STEADY_PRACTICE_VIEW (self));
}

static SteadyPracticeStore *
get_store (SteadyBreathingView *self)
{
  return steady_practice_view_get_store (STEADY_PRACTICE_VIEW (self));
}

static const char *safety_text (void);

/* Patterns ------------------------------------------------------------------------------ */

/* "4 in · 7 hold · 8 out": the phases that take any time, in seconds. */
static char *
describe_timing (const SteadyBreathingPattern *pattern)
{
  /* Translators: the parts of a breathing pattern, each after its length in seconds. */
  const char *words[STEADY_BREATHING_N_PHASES] = {
    C_("breathing timing", "in"), C_("breathing timing", "more in"),
    C_("breathing timing", "hold"), C_("breathing timing", "out"),
    C_("breathing timing", "hold"),
  };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < STEADY_BREATHING_N_PHASES; i++)
    {
      g_autofree char *seconds = NULL;

      if (pattern->tenths[i] == 0)
        continue;
      if (pattern->tenths[i] % 10 == 0)
        seconds = g_strdup_printf ("%u", pattern->tenths[i] / 10);
      else
        seconds = g_strdup_printf ("%.1f", pattern->tenths[i] / 10.0);
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, "%s %s", seconds, words[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const SteadyBreathingPattern *
get_selected_pattern (SteadyBreathingView *self)
{
  for (guint i = 0; i < self->radios->len; i++)
    {
      if (gtk_check_button_get_active (g_ptr_array_index (self->radios, i)))
        return g_ptr_array_index (self->patterns, i);
    }
  return NULL;
}

static void
sync_length_range (SteadyBreathingView *self)
{
  gboolean cycles = adw_combo_row_get_selected (self->unit_row) == STEADY_BREATHING_LENGTH_CYCLES;

  gtk_spin_button_set_range (self->length_spin, 1,
                             cycles ? STEADY_BREATHING_LENGTH_MAX_CYCLES
                                    : STEADY_BREATHING_LENGTH_MAX_MINUTES);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->length_row),
                                 cycles ? _("Breaths") : _("Minutes"));
}

/* A pattern with a suggested number of breaths for beginners (4-7-8) starts there. */
static void
pattern_toggled_cb (GtkCheckButton      *radio,
                    SteadyBreathingView *self)
{
  guint index;
  const SteadyBreathingPattern *pattern;

  if (!gtk_check_button_get_active (radio) || !g_ptr_array_find (self->radios, radio, &index))
    return;
  pattern = g_ptr_array_index (self->patterns, index);
  if (pattern->suggested_cycles > 0)
    {
      adw_combo_row_set_selected (self->unit_row, STEADY_BREATHING_LENGTH_CYCLES);
      gtk_spin_button_set_value (self->length_spin, pattern->suggested_cycles);
    }
}

static void
quick_start_clicked_cb (GtkButton           *button,
                        SteadyBreathingView *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), "pattern-key");

  if (steady_breathing_view_select_pattern (self, key))
    steady_breathing_view_start (self);
}

/* Each pattern can also start at once, with the length and ratings as they are set: one
 * click for someone who knows what they want, and a control assistive technology can press
 * (GTK 4.8 gives radio buttons no action to press). */
static GtkWidget *
make_quick_start_button (SteadyBreathingView          *self,
                         const SteadyBreathingPattern *pattern)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("media-playback-start-symbolic");
  /* Translators: a button on each breathing pattern; %s is its name, like "Box breathing". */
  g_autofree char *label = g_strdup_printf (_("Start %s Now"),
                                            steady_breathing_pattern_get_name (pattern));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "pattern-key",
                          g_strdup (pattern->id != NULL ? pattern->id : pattern->name), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (quick_start_clicked_cb), self);
  return button;
}

/* Deleting one's own pattern -------------------------------------------------------------- */

/* The row of the person's own pattern called @name, or -1. */
static int
find_own_pattern (SteadyBreathingView *self,
                  const char          *name)
{
  for (guint i = 0; i < self->patterns->len; i++)
    {
      const SteadyBreathingPattern *pattern = g_ptr_array_index (self->patterns, i);

      if (pattern->id == NULL && g_strcmp0 (pattern->name, name) == 0)
        return (int)i;
    }
  return -1;
}

/* Takes the row at @index out of the list and of the arrays that parallel it. */
static void
remove_pattern_row (SteadyBreathingView *self,
                    guint                index)
{
  adw_preferences_group_remove (self->pattern_group, g_ptr_array_index (self->rows, index));
  g_ptr_array_remove_index (self->patterns, index);
  g_ptr_array_remove_index (self->radios, index);
  g_ptr_array_remove_index (self->rows, index);
}

static void
show_toast (SteadyBreathingView *self,
            AdwToast            *toast)
{
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Toast titles are markup in libadwaita 1.2, and pattern names are the person's own words. */
static AdwToast *
new_plain_toast (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

static void add_pattern_row (SteadyBreathingView          *self,
                             const SteadyBreathingPattern *pattern);

/* Puts the pattern back as it was, in its place among the person's own (by name), selected
 * again if it was. */
static void
undo_delete_cb (AdwToast            *toast,
                SteadyBreathingView *self)
{
  SteadyPracticeStoredPattern *stored = g_object_get_data (G_OBJECT (toast), "steady-stored");
  gboolean was_selected = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toast),
                                                              "steady-was-selected"));
  const SteadyBreathingPattern *selected = get_selected_pattern (self);
  g_autofree char *selected_key = NULL;
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GError) error = NULL;

  if (!steady_practice_store_put_back_pattern (get_store (self), stored, &error))
    {
      show_toast (self, new_plain_toast (error->message));
      return;
    }

  /* The own patterns are listed by name, as the store lists them. */
  if (selected != NULL)
    selected_key = g_strdup (selected->id != NULL ? selected->id : selected->name);
  for (guint i = self->patterns->len; i > 0; i--)
    {
      const SteadyBreathingPattern *pattern = g_ptr_array_index (self->patterns, i - 1);

      if (pattern->id == NULL)
        remove_pattern_row (self, i - 1);
    }
  own = steady_practice_store_list_patterns (get_store (self), &error);
  for (guint i = 0; own != NULL && i < own->len; i++)
    add_pattern_row (self, g_ptr_array_index (own, i));
  if (own == NULL)
    show_toast (self, new_plain_toast (error->message));

  if (was_selected)
    steady_breathing_view_select_pattern (self, stored->pattern->name);
  else if (selected_key != NULL)
    steady_breathing_view_select_pattern (self, selected_key);
}

/* Deletes the person's own pattern called @name at once, with an Undo that brings it back
 * exactly; if it was the chosen one, the default pattern is chosen instead. */
gboolean
steady_breathing_view_delete_pattern (SteadyBreathingView *self,
                                      const char          *name)
{
  g_autoptr(SteadyPracticeStoredPattern) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkWidget *row;
  GtkWidget *focus;
  gboolean was_selected;
  gboolean had_focus;
  AdwToast *toast;
  int index;

  g_return_val_if_fail (STEADY_IS_BREATHING_VIEW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  index = find_own_pattern (self, name);
  if (index < 0)
    return FALSE;

  stored = steady_practice_store_take_pattern (get_store (self), name, &error);
  if (stored == NULL)
    {
      show_toast (self, new_plain_toast (error->message));
      return FALSE;
    }

  was_selected = gtk_check_button_get_active (g_ptr_array_index (self->radios, index));
  row = g_ptr_array_index (self->rows, index);
  focus = gtk_root_get_focus (GTK_ROOT (self));
  had_focus = focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
  /* The radios' group leader is the first preset's, which stays. */
  g_assert (g_ptr_array_index (self->radios, index) != self->first_radio);
  remove_pattern_row (self, (guint)index);
  if (was_selected)
    steady_breathing_view_select_pattern (self, steady_breathing_pattern_get_default_id ());
  /* Someone deleting with the keyboard goes on from the chosen pattern, not from nowhere. */
  if (had_focus)
    for (guint i = 0; i < self->radios->len; i++)
      if (gtk_check_button_get_active (g_ptr_array_index (self->radios, i)))
        gtk_widget_grab_focus (g_ptr_array_index (self->radios, i));

  /* Translators: a toast after a breathing pattern of one's own was deleted; %s is its name. */
  title = g_strdup_printf (_("“%s” deleted"), name);
  toast = new_plain_toast (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* Twice the usual time: reaching Undo by keyboard or with a screen reader takes longer. */
  adw_toast_set_timeout (toast, 10);
  g_object_set_data (G_OBJECT (toast), "steady-was-selected", GINT_TO_POINTER (was_selected));
  g_object_set_data_full (G_OBJECT (toast), "steady-stored", g_steal_pointer (&stored),
                          (GDestroyNotify)steady_practice_stored_pattern_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  show_toast (self, toast);
  return TRUE;
}

static void
delete_clicked_cb (GtkButton           *button,
                   SteadyBreathingView *self)
{
  g_autofree char *name = g_strdup (g_object_get_data (G_OBJECT (button), "pattern-name"));

  steady_breathing_view_delete_pattern (self, name);
}

/* Only the person's own patterns have one; the ones that come with Steady stay. */
static GtkWidget *
make_delete_button (SteadyBreathingView          *self,
                    const SteadyBreathingPattern *pattern)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  /* Translators: a button on a breathing pattern of one's own; %s is its name. */
  g_autofree char *label = g_strdup_printf (_("Delete %s"), pattern->name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "pattern-name", g_strdup (pattern->name), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (delete_clicked_cb), self);
  return button;
}

static void
add_pattern_row (SteadyBreathingView          *self,
                 const SteadyBreathingPattern *pattern)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *radio = gtk_check_button_new ();
  g_autofree char *timing = describe_timing (pattern);
  const char *description = steady_breathing_pattern_get_description (pattern);
  g_autofree char *subtitle = NULL;

  if (description[0] != '\0')
    subtitle = g_strdup_printf ("%s\n%s", timing, description);
  else
    subtitle = g_steal_pointer (&timing);

  /* Before the title: a name of one's own like "Slow & low" is words, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 steady_breathing_pattern_get_name (pattern));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (radio, GTK_ALIGN_CENTER);
  if (self->first_radio != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (radio), self->first_radio);
  else
    self->first_radio = GTK_CHECK_BUTTON (radio);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), radio);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), radio);
  g_signal_connect (radio, "toggled", G_CALLBACK (pattern_toggled_cb), self);
  /* Delete before Start, so that every Start lines up under the one above. */
  if (!steady_breathing_pattern_is_preset (pattern))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), make_delete_button (self, pattern));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), make_quick_start_button (self, pattern));
  adw_preferences_group_add (self->pattern_group, row);

  g_ptr_array_add (self->patterns, steady_breathing_pattern_copy (pattern));
  g_ptr_array_add (self->radios, radio);
  g_ptr_array_add (self->rows, row);
}

static void
load_patterns (SteadyBreathingView *self)
{
  const char * const *presets = steady_breathing_pattern_list_presets ();
  g_autoptr(GPtrArray) custom = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; presets[i] != NULL; i++)
    {
      g_autoptr(SteadyBreathingPattern) pattern = steady_breathing_pattern_new_preset (presets[i]);

      add_pattern_row (self, pattern);
    }

  custom = steady_practice_store_list_patterns (get_store (self), &error);
  if (custom == NULL)
    {
      g_debug ("Could not read saved patterns: %s", error->message);
      return;
    }
  for (guint i = 0; i < custom->len; i++)
    add_pattern_row (self, g_ptr_array_index (custom, i));
}

gboolean
steady_breathing_view_select_pattern (SteadyBreathingView *self,
                                      const char          *id_or_name)
{
  g_return_val_if_fail (STEADY_IS_BREATHING_VIEW (self), FALSE);
  g_return_val_if_fail (id_or_name != NULL, FALSE);

  for (guint i = 0; i < self->patterns->len; i++)
    {
      const SteadyBreathingPattern *pattern = g_ptr_array_index (self->patterns, i);

      if (g_strcmp0 (pattern->id, id_or_name) == 0 ||
          (pattern->id == NULL && g_strcmp0 (pattern->name, id_or_name) == 0))
        {
          gtk_check_button_set_active (g_ptr_array_index (self->radios, i), TRUE);
          return TRUE;
        }
    }
  return FALSE;
}

const SteadyBreathingPattern *
steady_breathing_view_get_pattern (SteadyBreathingView *self)
{
  g_return_val_if_fail (STEADY_IS_BREATHING_VIEW (self), NULL);

  return get_selected_pattern (self);
}

static void
get_length (SteadyBreathingView   *self,
            SteadyBreathingLength *length)
{
  length->unit = adw_combo_row_get_selected (self->unit_row);
  length->value = (guint)gtk_spin_button_get_value_as_int (self->length_spin);
}

/* What was chosen last is offered again: someone who has found what helps should not have to
 * find it again each time. */
static void
remember_choices (SteadyBreathingView          *self,
                  const SteadyBreathingPattern *pattern,
                  const SteadyBreathingLength  *length)
{
  GSettings *settings = steady_practice_view_get_settings (STEADY_PRACTICE_VIEW (self));

  g_settings_set_string (settings, "breathing-pattern",
                         pattern->id != NULL ? pattern->id : pattern->name);
  g_settings_set_string (settings, "breathing-length-unit",
                         length->unit == STEADY_BREATHING_LENGTH_CYCLES ? "breaths" : "minutes");
  g_settings_set_int (settings, "breathing-length", (int)length->value);
}

static void
restore_choices (SteadyBreathingView *self)
{
  GSettings *settings = steady_practice_view_get_settings (STEADY_PRACTICE_VIEW (self));
  g_autofree char *key = g_settings_get_string (settings, "breathing-pattern");
  g_autofree char *unit = g_settings_get_string (settings, "breathing-length-unit");
  SteadyBreathingLength length;

  /* A pattern of one's own may have been deleted since. */
  if (key[0] == '\0' || !steady_breathing_view_select_pattern (self, key))
    steady_breathing_view_select_pattern (self, steady_breathing_pattern_get_default_id ());
  /* After the pattern, which may suggest a length of its own. */
  length.unit = g_str_equal (unit, "breaths") ? STEADY_BREATHING_LENGTH_CYCLES
                                              : STEADY_BREATHING_LENGTH_MINUTES;
  length.value = (guint)g_settings_get_int (settings, "breathing-length");
  steady_breathing_view_set_length (self, &length);
}

void
steady_breathing_view_set_length (SteadyBreathingView         *self,
                                  const SteadyBreathingLength *length)
{
  g_return_if_fail (STEADY_IS_BREATHING_VIEW (self));
  g_return_if_fail (length != NULL);

  adw_combo_row_set_selected (self->unit_row, length->unit);
  gtk_spin_button_set_value (self->length_spin, length->value);
}

/* The user's own pattern -------------------------------------------------------------------- */

static void
save_custom_clicked_cb (GtkButton           *button,
                        SteadyBreathingView *self)
{
  guint tenths[STEADY_BREATHING_N_PHASES];
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->custom_name_row));
  g_autoptr(SteadyBreathingPattern) pattern = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (name));

  for (guint i = 0; i < STEADY_BREATHING_N_PHASES; i++)
    tenths[i] = (guint)(gtk_spin_button_get_value (self->custom_spins[i]) * 10.0 + 0.5);

  if (trimmed[0] == '\0')
    {
      gtk_label_set_text (self->custom_error_label, _("Give your pattern a name."));
      gtk_widget_set_visible (GTK_WIDGET (self->custom_error_label), TRUE);
      return;
    }

  pattern = steady_breathing_pattern_new_custom (trimmed, tenths, &error);
  if (pattern == NULL || !steady_practice_store_save_pattern (get_store (self), pattern, &error))
    {
      gtk_label_set_text (self->custom_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->custom_error_label), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->custom_error_label), FALSE);
  if (!steady_breathing_view_select_pattern (self, trimmed))
    {
      add_pattern_row (self, pattern);
      steady_breathing_view_select_pattern (self, trimmed);
    }
  else
    {
      /* Saving under a name already listed changes that pattern. */
      for (guint i = 0; i < self->patterns->len; i++)
        {
          SteadyBreathingPattern *old = g_ptr_array_index (self->patterns, i);

          if (old->id == NULL && g_strcmp0 (old->name, trimmed) == 0)
            memcpy (old->tenths, pattern->tenths, sizeof old->tenths);
        }
    }
  adw_expander_row_set_expanded (self->custom_row, FALSE);
}

static void
build_custom_editor (SteadyBreathingView *self)
{
  const char *titles[STEADY_BREATHING_N_PHASES] = {
    _("Breathe In"),
    /* Translators: a second, short breath in on top of the first (the cyclic sigh). */
    _("A Little More In"),
    _("Hold After Breathing In"),
    _("Breathe Out"),
    _("Hold After Breathing Out"),
  };
  const guint defaults[STEADY_BREATHING_N_PHASES] = { 40, 0, 0, 60, 0 };
  GtkWidget *save_row;
  GtkWidget *save_button;

  for (guint i = 0; i < STEADY_BREATHING_N_PHASES; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, STEADY_BREATHING_PHASE_MAX_TENTHS / 10,
                                                        0.5);

      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), defaults[i] / 10.0);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), titles[i]);
      /* Translators: the unit of a breath phase's length in the pattern editor. */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("seconds"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_expander_row_add_row (self->custom_row, row);
      self->custom_spins[i] = GTK_SPIN_BUTTON (spin);
    }

  save_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (save_row), FALSE);
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

    gtk_widget_set_margin_top (box, 12);
    gtk_widget_set_margin_bottom (box, 12);
    self->custom_error_label = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_wrap (self->custom_error_label, TRUE);
    gtk_widget_add_css_class (GTK_WIDGET (self->custom_error_label), "error");
    gtk_widget_set_visible (GTK_WIDGET (self->custom_error_label), FALSE);
    save_button = gtk_button_new ();
    steady_practice_view_set_button_label (GTK_BUTTON (save_button), _("Save and _Use"));
    gtk_widget_set_halign (save_button, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (save_button, "pill");
    g_signal_connect (save_button, "clicked", G_CALLBACK (save_custom_clicked_cb), self);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->custom_error_label));
    gtk_box_append (GTK_BOX (box), save_button);
    gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (save_row), box);
  }
  adw_expander_row_add_row (self->custom_row, save_row);
}

/* Running ------------------------------------------------------------------------------- */

static void
sync_text_mode (SteadyBreathingView *self)
{
  gboolean text_mode = !self->animations_enabled ||
                       gtk_toggle_button_get_active (self->text_mode_button);

  steady_pacer_set_text_mode (self->pacer, text_mode);
}

static void
animations_changed_cb (GtkSettings         *settings,
                       GParamSpec          *pspec,
                       SteadyBreathingView *self)
{
  g_object_get (settings, "gtk-enable-animations", &self->animations_enabled, NULL);
  sync_text_mode (self);
}

static void
update_labels (SteadyBreathingView *self)
{
  SteadyPracticeTimer *timer = get_timer (self);
  SteadyBreathingPosition position;
  SteadyPracticeState state;
  const SteadyBreathingPattern *pattern;
  SteadyBreathingLength length;
  g_autofree char *countdown = NULL;
  g_autofree char *left = NULL;
  g_autofree char *progress = NULL;
  guint64 key;
  guint cycles;

  if (timer == NULL)
    return;

  state = steady_practice_timer_get_state (timer);
  steady_practice_timer_get_position (timer, &position);

  /* Called every frame: the words change once a second at most, so most frames stop here. */
  key = ((((guint64)position.phase * 1000 + MIN (position.cycle, 999)) * 100 + state) * 100 +
         MIN (position.countdown_s, 99)) * 100000 +
        (guint64)MIN (position.session_remaining_us / G_USEC_PER_SEC, 99999);
  if (key == self->labels_key)
    return;
  self->labels_key = key;

  pattern = steady_practice_timer_get_pattern (timer);
  get_length (self, &length);
  cycles = steady_breathing_session_get_cycles (pattern, &length);

  gtk_label_set_text (self->phase_label, steady_breathing_phase_get_label (position.phase));
  countdown = g_strdup_printf ("%u", position.countdown_s);
  gtk_label_set_text (self->countdown_label,
                      position.phase == STEADY_BREATHING_PHASE_FINISHED ? "" : countdown);

  left = steady_practice_view_format_clock (position.session_remaining_us);
  if (state == STEADY_PRACTICE_STATE_PAUSED)
    /* Translators: under the pacer while paused; %s is the time left, like 2:30. */
    progress = g_strdup_printf (_("Paused · %s left"), left);
  else
    /* Translators: under the pacer: the breath under way, of how many; then the time left. */
    progress = g_strdup_printf (_("Breath %u of %u · %s left"),
                                MIN (position.cycle, cycles), cycles, left);
  gtk_label_set_text (self->progress_label, progress);
}

static void
pacer_updated_cb (SteadyPacer         *pacer,
                  SteadyBreathingView *self)
{
  update_labels (self);
}

static void
phase_changed_cb (SteadyPracticeTimer  *timer,
                  SteadyBreathingPhase  phase,
                  guint                 cycle,
                  SteadyBreathingView  *self)
{
  if (phase == STEADY_BREATHING_PHASE_FINISHED || !gtk_switch_get_active (self->cues_switch))
    return;
  steady_practice_view_play (STEADY_PRACTICE_VIEW (self), STEADY_PRACTICE_SOUND_CHIME, 1,
                             CUE_VOLUME);
}

/* With cues on and no way to play them, the page says so rather than stay silent. */
static void
sync_sound_label (SteadyBreathingView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->sound_label),
                          gtk_switch_get_active (self->cues_switch) &&
                          !steady_practice_view_get_sound_available (STEADY_PRACTICE_VIEW (self)));
}

/* The practice goes into the log as soon as it ends, so closing the window cannot lose it;
 * the rating after is added to it when given. */
static void
log_practice (SteadyBreathingView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyPracticeRecord) record = steady_practice_timer_create_record (get_timer (self));

  if (record == NULL || record->actual_us <= 0)
    return;
  if (adw_expander_row_get_enable_expansion (self->before_row))
    record->distress_before = (int)gtk_range_get_value (GTK_RANGE (self->before_scale));
  if (!steady_practice_store_add (get_store (self), record, &error))
    {
      steady_practice_view_show_error (STEADY_PRACTICE_VIEW (self),
                                       _("Could Not Save This Practice"), error->message);
      return;
    }
  self->record = g_steal_pointer (&record);
  steady_practice_view_emit_saved (STEADY_PRACTICE_VIEW (self));
}

static void
show_after (SteadyBreathingView *self)
{
  SteadyPracticeTimer *timer = get_timer (self);
  gboolean completed = steady_practice_timer_get_completed (timer);
  g_autofree char *minutes =
    steady_practice_view_format_minutes (steady_practice_timer_get_practised_us (timer));
  g_autofree char *summary = NULL;

  /* Translators: %s is a length of time, like "5 minutes". */
  summary = g_strdup_printf (_("You breathed with the pacer for %s."), minutes);
  gtk_label_set_text (self->after_title, completed ? _("Well Done") : _("Stopped Early"));
  gtk_label_set_text (self->after_summary, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->text_mode_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "after");

  if (completed)
    {
      g_autofree char *body = NULL;

      /* Translators: the body of the notification when a breathing practice ends. */
      body = g_strdup_printf (_("You breathed for %s."), minutes);
      steady_practice_view_notify_finished (STEADY_PRACTICE_VIEW (self),
                                            _("Breathing Practice Finished"), body);
    }
}

static void
timer_state_changed_cb (SteadyPracticeTimer *timer,
                        GParamSpec          *pspec,
                        SteadyBreathingView *self)
{
  SteadyPracticeState state = steady_practice_timer_get_state (timer);

  update_labels (self);

  /* A cue cut short by a pause would ring on into the stillness. */
  if (state == STEADY_PRACTICE_STATE_PAUSED)
    steady_practice_view_stop_sound (STEADY_PRACTICE_VIEW (self));
  if (state == STEADY_PRACTICE_STATE_FINISHED)
    {
      steady_practice_view_stop_sound (STEADY_PRACTICE_VIEW (self));
      log_practice (self);
      show_after (self);
    }
}

gboolean
steady_breathing_view_start (SteadyBreathingView *self)
{
  const SteadyBreathingPattern *pattern;
  SteadyBreathingLength length;
  g_autoptr(SteadyPracticeTimer) timer = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (STEADY_IS_BREATHING_VIEW (self), FALSE);
  g_return_val_if_fail (get_timer (self) == NULL, FALSE);

  pattern = get_selected_pattern (self);
  g_return_val_if_fail (pattern != NULL, FALSE);
  get_length (self, &length);

  timer = steady_practice_timer_new_breathing (pattern, &length, &error);
  if (timer == NULL)
    {
      steady_practice_view_show_error (STEADY_PRACTICE_VIEW (self),
                                       _("Cannot Start This Practice"), error->message);
      return FALSE;
    }

  remember_choices (self, pattern, &length);
  g_signal_connect_object (timer, "phase-changed", G_CALLBACK (phase_changed_cb), self, 0);
  g_signal_connect_object (timer, "notify::state", G_CALLBACK (timer_state_changed_cb), self, 0);
  adw_window_title_set_subtitle (self->window_title, steady_breathing_pattern_get_name (pattern));
  gtk_widget_set_visible (GTK_WIDGET (self->text_mode_button), TRUE);
  steady_practice_view_run (STEADY_PRACTICE_VIEW (self), g_steal_pointer (&timer));
  gtk_widget_grab_focus (GTK_WIDGET (self->pause_button));
  return TRUE;
}

static void
start_clicked_cb (GtkButton           *button,
                  SteadyBreathingView *self)
{
  steady_breathing_view_start (self);
}

static void
done_clicked_cb (GtkButton           *button,
                 SteadyBreathingView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->record != NULL && adw_expander_row_get_enable_expansion (self->after_row))
    {
      self->record->distress_after = (int)gtk_range_get_value (GTK_RANGE (self->after_scale));
      if (!steady_practice_store_update (get_store (self), self->record, &error))
        {
          steady_practice_view_show_error (STEADY_PRACTICE_VIEW (self),
                                           _("Could Not Save Your Rating"), error->message);
          return;
        }
      steady_practice_view_emit_saved (STEADY_PRACTICE_VIEW (self));
    }
  gtk_window_close (GTK_WINDOW (self));
}

/* Window -------------------------------------------------------------------------------- */

SteadyPracticeTimer *
steady_breathing_view_get_timer (SteadyBreathingView *self)
{
  return steady_practice_view_get_timer (STEADY_PRACTICE_VIEW (self));
}

GtkWidget *
steady_breathing_view_get_pacer (SteadyBreathingView *self)
{
  return steady_practice_view_get_pacer (STEADY_PRACTICE_VIEW (self));
}

const char *
steady_breathing_view_get_phase_text (SteadyBreathingView *self)
{
  g_return_val_if_fail (STEADY_IS_BREATHING_VIEW (self), NULL);

  return gtk_label_get_text (self->phase_label);
}

const char *
steady_breathing_view_get_page (SteadyBreathingView *self)
{
  return steady_practice_view_get_page (STEADY_PRACTICE_VIEW (self));
}

/* For tests: timers made from now on read this clock instead of the monotonic one. */
void
steady_breathing_view_set_clock (SteadyBreathingView *self,
                                 SteadyClockFunc      clock,
                                 gpointer             user_data)
{
  steady_practice_view_set_clock (STEADY_PRACTICE_VIEW (self), clock, user_data);
}

SteadyBreathingView *
steady_breathing_view_new (GtkWindow           *parent,
                           SteadyPracticeStore *store)
{
  SteadyBreathingView *self;

  self = steady_practice_view_new_of_type (STEADY_TYPE_BREATHING_VIEW, parent, store);
  g_return_val_if_fail (self != NULL, NULL);
  load_patterns (self);
  restore_choices (self);
  return self;
}

static const char *
safety_text (void)
{
  return _("If you feel dizzy or light-headed, stop and breathe normally. If you are "
           "pregnant or have a heart or lung condition, skip the holds unless a clinician "
           "has said they are fine for you.");
}

static void
steady_breathing_view_dispose (GObject *object)
{
  SteadyBreathingView *self = STEADY_BREATHING_VIEW (object);

  g_clear_pointer (&self->patterns, g_ptr_array_unref);
  g_clear_pointer (&self->radios, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->record, steady_practice_record_free);
  g_signal_handlers_disconnect_by_data (gtk_settings_get_default (), self);

  G_OBJECT_CLASS (steady_breathing_view_parent_class)->dispose (object);
}

static void
steady_breathing_view_class_init (SteadyBreathingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_breathing_view_dispose;
  STEADY_PRACTICE_VIEW_CLASS (klass)->inhibit_reason = N_("A breathing practice is running");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/steadyapp/Steady/practice/"
                                               "steady-breathing-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, window_title);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, safety_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, safety_popover_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, text_mode_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, stack);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, safety_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, pattern_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, custom_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, custom_name_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, unit_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, length_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, length_spin);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, cues_switch);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, before_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, before_scale);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, start_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, pacer);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, phase_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, sound_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, pause_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, stop_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, after_title);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, after_summary);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, after_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, after_scale);
  gtk_widget_class_bind_template_child (widget_class, SteadyBreathingView, done_button);
}

static void
steady_breathing_view_init (SteadyBreathingView *self)
{
  GtkSettings *settings = gtk_settings_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  steady_practice_view_name_buttons (self->start_button, self->pause_button, self->stop_button,
                                     self->done_button, NULL);

  self->patterns = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_breathing_pattern_free);
  self->radios = g_ptr_array_new ();
  self->rows = g_ptr_array_new ();
  steady_practice_view_set_parts (STEADY_PRACTICE_VIEW (self), self->stack, self->pacer,
                                  self->pause_button, self->stop_button);
  steady_practice_view_name_expander_switch (self->before_row);
  steady_practice_view_name_expander_switch (self->after_row);

  gtk_label_set_text (self->safety_label, safety_text ());
  gtk_label_set_text (self->safety_popover_label, safety_text ());
  build_custom_editor (self);
  sync_length_range (self);

  g_signal_connect_swapped (self->unit_row, "notify::selected", G_CALLBACK (sync_length_range),
                            self);
  g_signal_connect (self->start_button, "clicked", G_CALLBACK (start_clicked_cb), self);
  g_signal_connect (self->done_button, "clicked", G_CALLBACK (done_clicked_cb), self);
  g_signal_connect (self->pacer, "updated", G_CALLBACK (pacer_updated_cb), self);
  g_signal_connect_swapped (self, "notify::sound-available", G_CALLBACK (sync_sound_label),
                            self);
  g_signal_connect_swapped (self->cues_switch, "notify::active", G_CALLBACK (sync_sound_label),
                            self);
  sync_sound_label (self);
  g_signal_connect_swapped (self->text_mode_button, "toggled", G_CALLBACK (sync_text_mode), self);

  g_object_get (settings, "gtk-enable-animations", &self->animations_enabled, NULL);
  g_signal_connect (settings, "notify::gtk-enable-animations",
                    G_CALLBACK (animations_changed_cb), self);
  sync_text_mode (self);
}
