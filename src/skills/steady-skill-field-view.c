/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-field-view.c: one question of an exercise on screen. The kind's field table
 * (steady-skill-kind.c) says what to ask; this file knows how each type of answer is given,
 * so one editor serves every exercise. */

#define G_LOG_DOMAIN "steady-skill-field-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "steady-rating-row.h"
#include "steady-skill-field-view.h"

/* A mood or an automatic thought in its list. */
typedef struct
{
  SteadySkillFieldView *view;
  GtkWidget            *row;    /* the list's row, or the rating row when re-rating */
  GtkEditable          *entry;  /* the name or the thought */
  GtkRange             *scale;  /* moods: how strong */
  GtkCheckButton       *hot;    /* thoughts: the one with the most charge */
} Item;

struct _SteadySkillFieldView
{
  GtkBox                  parent_instance;

  const SteadySkillField *field;
  SteadySkillKind         kind;
  gboolean                rerating; /* the thought record's last step: moods rated again */

  /* children, owned by the box */
  GtkLabel               *title_label;
  GtkWidget              *input;      /* text view, rating row, choice box or list */
  GtkWidget              *empty_label;
  GtkToggleButton        *choices[3];
  GPtrArray              *trap_checks; /* GtkCheckButton, in the order of the traps */

  /* owned */
  GPtrArray              *items;      /* Item */
  gboolean                loading;
};

G_DEFINE_FINAL_TYPE (SteadySkillFieldView, steady_skill_field_view, GTK_TYPE_BOX)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const choice_ids[3] = { "yes", "partly", "no" };

static void
emit_changed (SteadySkillFieldView *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWidget *
new_wrapped_label (const char *text,
                   const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Lists of moods and thoughts --------------------------------------------------------- */

static void
item_free (Item *item)
{
  g_free (item);
}

static void
update_empty_state (SteadySkillFieldView *self)
{
  if (self->empty_label != NULL)
    gtk_widget_set_visible (self->empty_label, self->items->len == 0);
  if (GTK_IS_LIST_BOX (self->input))
    gtk_widget_set_visible (self->input, self->items->len > 0);
}

static void
remove_clicked_cb (GtkButton *button,
                   Item      *item)
{
  SteadySkillFieldView *self = item->view;
  GtkWidget *row = item->row;

  /* The focus would go nowhere with the row: it goes to the list's next control instead. */
  gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
  g_ptr_array_remove (self->items, item);
  gtk_list_box_remove (GTK_LIST_BOX (self->input), row);
  update_empty_state (self);
  emit_changed (self);
}

static void
mood_name_changed_cb (Item *item)
{
  const char *name = gtk_editable_get_text (item->entry);
  /* Translators: the accessible name of a mood's 0–100 slider; %s is the mood. */
  g_autofree char *label = g_strdup_printf (_("How strong: %s"), name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (item->scale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  emit_changed (item->view);
}

static GtkWidget *
new_remove_button (const char *accessible_label,
                   Item       *item)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, accessible_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), item);
  return button;
}

static GtkWidget *
new_list_row (GtkWidget *child)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* The focus goes straight to the controls in the row. */
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 6);
  gtk_widget_set_margin_top (child, 6);
  gtk_widget_set_margin_bottom (child, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  return row;
}

/* Names an entry and the text inside it, which is what takes the focus and holds the words
 * for assistive technology in GTK 4.8. */
static void
name_entry (GtkEditable *entry,
            const char  *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (entry)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/**
 * steady_skill_field_view_add_mood:
 * @before: how strong, 0–100
 *
 * Adds a mood to the list of the first moods step, as the user does.
 *
 * Returns: (transfer none): the mood's name entry
 */
GtkWidget *
steady_skill_field_view_add_mood (SteadySkillFieldView *self,
                                  const char           *name,
                                  int                   before)
{
  Item *item;
  GtkWidget *box, *line, *scale;

  g_return_val_if_fail (STEADY_IS_SKILL_FIELD_VIEW (self), NULL);
  g_return_val_if_fail (self->field->type == STEADY_SKILL_FIELD_MOODS && !self->rerating, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  item = g_new0 (Item, 1);
  item->view = self;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  item->entry = GTK_EDITABLE (gtk_entry_new ());
  gtk_entry_set_placeholder_text (GTK_ENTRY (item->entry), _("Name the feeling"));
  gtk_entry_set_max_length (GTK_ENTRY (item->entry), 100);
  gtk_widget_set_hexpand (GTK_WIDGET (item->entry), TRUE);
  name_entry (item->entry, _("Mood"));
  gtk_editable_set_text (item->entry, name);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (item->entry));
  gtk_box_append (GTK_BOX (line), new_remove_button (_("Remove This Mood"), item));
  gtk_box_append (GTK_BOX (box), line);

  scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 100, 5);
  item->scale = GTK_RANGE (scale);
  gtk_range_set_round_digits (item->scale, 0);
  gtk_range_set_value (item->scale, CLAMP (before, 0, 100));
  gtk_scale_set_draw_value (GTK_SCALE (scale), TRUE);
  gtk_scale_set_digits (GTK_SCALE (scale), 0);
  gtk_scale_set_value_pos (GTK_SCALE (scale), GTK_POS_LEFT);
  gtk_box_append (GTK_BOX (box), scale);

  item->row = new_list_row (box);
  gtk_list_box_append (GTK_LIST_BOX (self->input), item->row);
  g_ptr_array_add (self->items, item);
  mood_name_changed_cb (item);
  g_signal_connect_swapped (item->entry, "changed", G_CALLBACK (mood_name_changed_cb), item);
  g_signal_connect_swapped (item->scale, "value-changed", G_CALLBACK (emit_changed), self);
  update_empty_state (self);
  emit_changed (self);
  return GTK_WIDGET (item->entry);
}

/**
 * steady_skill_field_view_add_thought:
 *
 * Adds an automatic thought to the list, as the user does.
 *
 * Returns: (transfer none): the thought's entry
 */
GtkWidget *
steady_skill_field_view_add_thought (SteadySkillFieldView *self,
                                     const char           *text)
{
  Item *item;
  GtkWidget *line;

  g_return_val_if_fail (STEADY_IS_SKILL_FIELD_VIEW (self), NULL);
  g_return_val_if_fail (self->field->type == STEADY_SKILL_FIELD_THOUGHTS, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  item = g_new0 (Item, 1);
  item->view = self;
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* Translators: marks the hot thought, the one with the most charge, in a list of them. */
  item->hot = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_("Hot")));
  gtk_widget_set_valign (GTK_WIDGET (item->hot), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (item->hot),
                               _("The hot thought: the one that hits hardest"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (item->hot), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Hot Thought"), -1);
  if (self->items->len > 0)
    gtk_check_button_set_group (item->hot, ((Item *)g_ptr_array_index (self->items, 0))->hot);
  item->entry = GTK_EDITABLE (gtk_entry_new ());
  gtk_entry_set_placeholder_text (GTK_ENTRY (item->entry),
                                  _("A thought that went through your mind"));
  gtk_widget_set_hexpand (GTK_WIDGET (item->entry), TRUE);
  name_entry (item->entry, _("Thought"));
  gtk_editable_set_text (item->entry, text);
  /* The thought first: the focus lands where it is typed. */
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (item->entry));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (item->hot));
  gtk_box_append (GTK_BOX (line), new_remove_button (_("Remove This Thought"), item));

  item->row = new_list_row (line);
  gtk_list_box_append (GTK_LIST_BOX (self->input), item->row);
  g_ptr_array_add (self->items, item);
  g_signal_connect_swapped (item->entry, "changed", G_CALLBACK (emit_changed), self);
  g_signal_connect_swapped (item->hot, "toggled", G_CALLBACK (emit_changed), self);
  update_empty_state (self);
  emit_changed (self);
  return GTK_WIDGET (item->entry);
}

static void
add_suggested_mood_cb (GtkButton            *button,
                       SteadySkillFieldView *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "mood");

  /* A mood already in the list is not added twice: its slider gets the focus instead. */
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (g_utf8_collate (gtk_editable_get_text (item->entry), name) == 0)
        {
          gtk_widget_grab_focus (GTK_WIDGET (item->scale));
          return;
        }
    }
  steady_skill_field_view_add_mood (self, name, 50);
  gtk_widget_grab_focus (GTK_WIDGET (((Item *)g_ptr_array_index (self->items,
                                                                  self->items->len - 1))->scale));
}

static void
add_own_clicked_cb (SteadySkillFieldView *self)
{
  GtkWidget *entry;

  if (self->field->type == STEADY_SKILL_FIELD_MOODS)
    entry = steady_skill_field_view_add_mood (self, "", 50);
  else
    entry = steady_skill_field_view_add_thought (self, "");
  gtk_widget_grab_focus (entry);
}

static GtkWidget *
new_list (SteadySkillFieldView *self)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(self->field->title), -1);
  return list;
}

static GtkWidget *
new_add_button (SteadySkillFieldView *self,
                const char           *label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_own_clicked_cb), self);
  return button;
}

static void
build_moods (SteadySkillFieldView *self,
             const char * const   *moods)
{
  GtkWidget *flow;

  self->empty_label = new_wrapped_label (_("No feelings named yet. Pick one below or add your "
                                           "own."), "dim-label");
  gtk_box_append (GTK_BOX (self), self->empty_label);
  self->input = new_list (self);
  gtk_box_append (GTK_BOX (self), self->input);

  gtk_box_append (GTK_BOX (self), new_wrapped_label (_("Feelings people often name"), "heading"));
  flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 4);
  for (guint i = 0; moods != NULL && moods[i] != NULL; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (moods[i]);
      /* Translators: the accessible name of a button that adds a mood; %s is the mood. */
      g_autofree char *label = g_strdup_printf (_("Add %s"), moods[i]);

      gtk_widget_add_css_class (button, "steady-mood-suggestion");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      g_object_set_data_full (G_OBJECT (button), "mood", g_strdup (moods[i]), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (add_suggested_mood_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), button);
      /* The button takes the focus and Enter itself; the flow box's child around it would be
       * a second stop for every suggestion. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
    }
  gtk_box_append (GTK_BOX (self), flow);
  gtk_box_append (GTK_BOX (self), new_add_button (self, _("Add Your Own Feeling")));
}

static void
build_traps (SteadySkillFieldView *self)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *expander = adw_expander_row_new ();
  const SteadyThinkingTrap *traps;
  guint n_traps;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Thinking Traps"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                 _("Optional: tag the patterns you notice in these thoughts"));
  traps = steady_thinking_traps_get (&n_traps);
  for (guint i = 0; i < n_traps; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(traps[i].name));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(traps[i].explanation));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      /* The row names its check box already; the explanation is read after the name. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(traps[i].explanation),
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
      g_object_set_data (G_OBJECT (check), "trap", (gpointer)traps[i].id);
      g_ptr_array_add (self->trap_checks, check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (emit_changed), self);
    }
  gtk_list_box_append (GTK_LIST_BOX (list), expander);
  gtk_widget_set_margin_top (list, 12);
  gtk_box_append (GTK_BOX (self), list);
}

static void
build_thoughts (SteadySkillFieldView *self)
{
  self->empty_label = new_wrapped_label (_("No thoughts written yet."), "dim-label");
  gtk_box_append (GTK_BOX (self), self->empty_label);
  self->input = new_list (self);
  gtk_box_append (GTK_BOX (self), self->input);
  gtk_box_append (GTK_BOX (self),
                  new_wrapped_label (_("Mark the one that hits hardest as Hot."),
                                     "dim-label"));
  gtk_box_append (GTK_BOX (self), new_add_button (self, _("Add a Thought")));
  if (self->kind == STEADY_SKILL_KIND_THOUGHT_RECORD)
    build_traps (self);
}

static void
build_choice (SteadySkillFieldView *self)
{
  static const char * const labels[3] = { N_("Yes"), N_("Partly"), N_("No") };
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                 "homogeneous", TRUE,
                                 NULL);

  gtk_widget_add_css_class (box, "linked");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->title_label, NULL, -1);
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(labels[i]));

      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(self->field->title),
                                      -1);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->choices[0]);
      self->choices[i] = GTK_TOGGLE_BUTTON (button);
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (emit_changed), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  self->input = box;
  gtk_box_append (GTK_BOX (self), box);
}

static void
build_text (SteadySkillFieldView *self)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  /* Tab moves on to the next control: keyboard users are never trapped in the text. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 120);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(self->field->title),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(self->field->prompt),
                                  -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                            G_CALLBACK (emit_changed), self);
  self->input = view;
  gtk_box_append (GTK_BOX (self), frame);
}

/* The moods of the first step, each rated again; rebuilt by load (). */
static void
build_rerating (SteadySkillFieldView *self)
{
  self->empty_label = new_wrapped_label (_("Name your feelings in the moods step first, then "
                                           "rate them again here."), "dim-label");
  gtk_box_append (GTK_BOX (self), self->empty_label);
  self->input = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (self), self->input);
}

static void
steady_skill_field_view_finalize (GObject *object)
{
  SteadySkillFieldView *self = STEADY_SKILL_FIELD_VIEW (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->trap_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (steady_skill_field_view_parent_class)->finalize (object);
}

static void
steady_skill_field_view_class_init (SteadySkillFieldViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steady_skill_field_view_finalize;

  /* The user changed the answer. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
steady_skill_field_view_init (SteadySkillFieldView *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 8);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);
  self->trap_checks = g_ptr_array_new ();
}

/**
 * steady_skill_field_view_new:
 * @field: one of steady_skill_kind_get_fields (@kind)
 * @moods: (nullable): names to suggest for a list of moods (the journal's emotions)
 *
 * Returns: (transfer floating): the question with its title, prompt and input
 */
GtkWidget *
steady_skill_field_view_new (SteadySkillKind          kind,
                             const SteadySkillField  *field,
                             const char * const      *moods)
{
  SteadySkillFieldView *self;

  g_return_val_if_fail (kind < STEADY_N_SKILL_KINDS, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  self = g_object_new (STEADY_TYPE_SKILL_FIELD_VIEW, NULL);
  self->kind = kind;
  self->field = field;
  self->rerating = field->type == STEADY_SKILL_FIELD_MOODS &&
                   steady_skill_kind_find_field (kind, field->id) != field;
  self->loading = TRUE;

  self->title_label = GTK_LABEL (new_wrapped_label (_(field->title), "title-3"));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->title_label));
  /* A rating asks its prompt itself, as the slider's question. */
  if (field->type != STEADY_SKILL_FIELD_PERCENT)
    gtk_box_append (GTK_BOX (self), new_wrapped_label (_(field->prompt), NULL));

  switch (field->type)
    {
    case STEADY_SKILL_FIELD_TEXT:
      build_text (self);
      break;
    case STEADY_SKILL_FIELD_PERCENT:
      self->input = steady_rating_row_new (_(field->prompt), NULL, 100);
      g_signal_connect_swapped (self->input, "changed", G_CALLBACK (emit_changed), self);
      gtk_box_append (GTK_BOX (self), self->input);
      break;
    case STEADY_SKILL_FIELD_CHOICE:
      build_choice (self);
      break;
    case STEADY_SKILL_FIELD_MOODS:
      if (self->rerating)
        build_rerating (self);
      else
        build_moods (self, moods);
      break;
    case STEADY_SKILL_FIELD_THOUGHTS:
      build_thoughts (self);
      break;
    default:
      g_assert_not_reached ();
    }
  update_empty_state (self);
  self->loading = FALSE;
  return GTK_WIDGET (self);
}

const SteadySkillField *
steady_skill_field_view_get_field (SteadySkillFieldView *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_FIELD_VIEW (self), NULL);

  return self->field;
}

/**
 * steady_skill_field_view_is_rerating:
 *
 * Returns: whether this is the thought record's last step, where the moods of the moods step
 *   are rated again (its rows follow that list: load () it again after the list changes)
 */
gboolean
steady_skill_field_view_is_rerating (SteadySkillFieldView *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_FIELD_VIEW (self), FALSE);

  return self->rerating;
}

/**
 * steady_skill_field_view_get_input:
 *
 * Returns: (transfer none): the text view, the rating row (SteadyRatingRow), the box of
 *   yes/partly/no toggle buttons, or the list of moods or thoughts
 */
GtkWidget *
steady_skill_field_view_get_input (SteadySkillFieldView *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_FIELD_VIEW (self), NULL);

  return self->input;
}

/**
 * steady_skill_field_view_get_items:
 *
 * Returns: (transfer none) (element-type GtkWidget): the rows of the moods or thoughts, in
 *   order; when re-rating moods, their SteadyRatingRows
 */
GPtrArray *
steady_skill_field_view_get_items (SteadySkillFieldView *self)
{
  GPtrArray *rows;

  g_return_val_if_fail (STEADY_IS_SKILL_FIELD_VIEW (self), NULL);

  rows = g_ptr_array_new ();
  for (guint i = 0; i < self->items->len; i++)
    g_ptr_array_add (rows, ((Item *)g_ptr_array_index (self->items, i))->row);
  return rows;
}

static void
clear_items (SteadySkillFieldView *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (GTK_IS_LIST_BOX (self->input))
        gtk_list_box_remove (GTK_LIST_BOX (self->input), item->row);
      else
        gtk_box_remove (GTK_BOX (self->input), item->row);
    }
  g_ptr_array_set_size (self->items, 0);
}

static void
load_rerating (SteadySkillFieldView *self,
               SteadySkillRecord    *record)
{
  guint n = steady_skill_record_get_n_moods (record);

  clear_items (self);
  for (guint i = 0; i < n; i++)
    {
      Item *item = g_new0 (Item, 1);
      const char *name;
      int before, after;
      g_autofree char *hint = NULL;

      steady_skill_record_get_mood (record, i, &name, &before, &after);
      /* Translators: under a mood rated again; %d is how strong it was at first, 0–100. */
      hint = before >= 0 ? g_strdup_printf (_("At first: %d"), before) : NULL;
      item->view = self;
      item->row = steady_rating_row_new (name, hint, 100);
      steady_rating_row_set_value (STEADY_RATING_ROW (item->row), after);
      steady_rating_row_set_start (STEADY_RATING_ROW (item->row), before);
      g_signal_connect_swapped (item->row, "changed", G_CALLBACK (emit_changed), self);
      gtk_box_append (GTK_BOX (self->input), item->row);
      g_ptr_array_add (self->items, item);
    }
}

/**
 * steady_skill_field_view_load:
 *
 * Shows the answer @record holds; nothing is reported as changed.
 */
void
steady_skill_field_view_load (SteadySkillFieldView *self,
                              SteadySkillRecord    *record)
{
  const char *id;

  g_return_if_fail (STEADY_IS_SKILL_FIELD_VIEW (self));
  g_return_if_fail (STEADY_IS_SKILL_RECORD (record));

  id = self->field->id;
  self->loading = TRUE;
  switch (self->field->type)
    {
    case STEADY_SKILL_FIELD_TEXT:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->input)),
                                steady_skill_record_get_text (record, id), -1);
      break;
    case STEADY_SKILL_FIELD_PERCENT:
      steady_rating_row_set_value (STEADY_RATING_ROW (self->input),
                                   steady_skill_record_get_percent (record, id));
      break;
    case STEADY_SKILL_FIELD_CHOICE:
      {
        const char *choice = steady_skill_record_get_choice (record, id);

        for (guint i = 0; i < 3; i++)
          gtk_toggle_button_set_active (self->choices[i], g_strcmp0 (choice, choice_ids[i]) == 0);
      }
      break;
    case STEADY_SKILL_FIELD_MOODS:
      if (self->rerating)
        {
          load_rerating (self, record);
          break;
        }
      clear_items (self);
      for (guint i = 0; i < steady_skill_record_get_n_moods (record); i++)
        {
          const char *name;
          int before;

          steady_skill_record_get_mood (record, i, &name, &before, NULL);
          steady_skill_field_view_add_mood (self, name, before);
        }
      break;
    case STEADY_SKILL_FIELD_THOUGHTS:
      {
        int hot = steady_skill_record_get_hot_thought (record);
        g_auto(GStrv) traps = steady_skill_record_dup_traps (record);

        clear_items (self);
        for (guint i = 0; i < steady_skill_record_get_n_thoughts (record); i++)
          steady_skill_field_view_add_thought (self, steady_skill_record_get_thought (record, i));
        /* An empty row invites the first thought. */
        if (self->items->len == 0)
          steady_skill_field_view_add_thought (self, "");
        for (guint i = 0; i < self->items->len; i++)
          gtk_check_button_set_active (((Item *)g_ptr_array_index (self->items, i))->hot,
                                       (int)i == hot);
        for (guint i = 0; i < self->trap_checks->len; i++)
          {
            GtkCheckButton *check = g_ptr_array_index (self->trap_checks, i);

            gtk_check_button_set_active (check,
                                         g_strv_contains ((const char * const *)traps,
                                                          g_object_get_data (G_OBJECT (check),
                                                                             "trap")));
          }
      }
      break;
    default:
      g_assert_not_reached ();
    }
  update_empty_state (self);
  self->loading = FALSE;
}

/* The moods as listed; a rating given again stays with its mood's name. */
static void
store_moods (SteadySkillFieldView *self,
             SteadySkillRecord    *record)
{
  g_autoptr(GHashTable) afters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  while (steady_skill_record_get_n_moods (record) > 0)
    {
      const char *name;
      int after;

      steady_skill_record_get_mood (record, 0, &name, NULL, &after);
      if (after >= 0)
        g_hash_table_insert (afters, g_strdup (name), GINT_TO_POINTER (after + 1));
      steady_skill_record_remove_mood (record, 0);
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (item->entry)));
      guint index;
      int after;

      /* A row whose name is not typed yet is not a mood yet. */
      if (name[0] == '\0')
        continue;
      index = steady_skill_record_add_mood (record, name,
                                            CLAMP ((int)gtk_range_get_value (item->scale), 0, 100));
      after = GPOINTER_TO_INT (g_hash_table_lookup (afters, name)) - 1;
      if (after >= 0)
        steady_skill_record_set_mood_after (record, index, after);
    }
}

static void
store_thoughts (SteadySkillFieldView *self,
                SteadySkillRecord    *record)
{
  g_autoptr(GStrvBuilder) traps = g_strv_builder_new ();
  g_auto(GStrv) trap_ids = NULL;
  int hot = -1;

  while (steady_skill_record_get_n_thoughts (record) > 0)
    steady_skill_record_remove_thought (record, 0);
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      const char *text = gtk_editable_get_text (item->entry);
      guint index;

      if (text[0] == '\0')
        continue;
      index = steady_skill_record_add_thought (record, text);
      if (gtk_check_button_get_active (item->hot))
        hot = (int)index;
    }
  steady_skill_record_set_hot_thought (record, hot);

  for (guint i = 0; i < self->trap_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->trap_checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (traps, g_object_get_data (G_OBJECT (check), "trap"));
    }
  trap_ids = g_strv_builder_end (traps);
  if (self->kind == STEADY_SKILL_KIND_THOUGHT_RECORD)
    steady_skill_record_set_traps (record, (const char * const *)trap_ids);
}

/**
 * steady_skill_field_view_store:
 *
 * Writes the answer as shown into @record.
 */
void
steady_skill_field_view_store (SteadySkillFieldView *self,
                               SteadySkillRecord    *record)
{
  const char *id;

  g_return_if_fail (STEADY_IS_SKILL_FIELD_VIEW (self));
  g_return_if_fail (STEADY_IS_SKILL_RECORD (record));

  id = self->field->id;
  switch (self->field->type)
    {
    case STEADY_SKILL_FIELD_TEXT:
      {
        g_autofree char *text = dup_buffer_text (GTK_TEXT_VIEW (self->input));

        steady_skill_record_set_text (record, id, text);
      }
      break;
    case STEADY_SKILL_FIELD_PERCENT:
      steady_skill_record_set_percent (record, id, steady_rating_row_get_value (
                                         STEADY_RATING_ROW (self->input)));
      break;
    case STEADY_SKILL_FIELD_CHOICE:
      {
        const char *choice = NULL;

        for (guint i = 0; i < 3; i++)
          if (gtk_toggle_button_get_active (self->choices[i]))
            choice = choice_ids[i];
        steady_skill_record_set_choice (record, id, choice);
      }
      break;
    case STEADY_SKILL_FIELD_MOODS:
      if (!self->rerating)
        {
          store_moods (self, record);
          break;
        }
      for (guint i = 0; i < self->items->len && i < steady_skill_record_get_n_moods (record); i++)
        steady_skill_record_set_mood_after (record, i,
          steady_rating_row_get_value (STEADY_RATING_ROW (((Item *)g_ptr_array_index (self->items,
                                                                                       i))->row)));
      break;
    case STEADY_SKILL_FIELD_THOUGHTS:
      store_thoughts (self, record);
      break;
    default:
      g_assert_not_reached ();
    }
}
