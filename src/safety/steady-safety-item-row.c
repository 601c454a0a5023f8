/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-safety-item-row.c: one item of the safety plan, edited in place and saved as it is
 * typed, with a phone number for people and buttons to move or delete it.
 *
 * A row starts without an item when it is new; the item is created in the store with the
 * first words typed, and deleted again if every word is taken away. Saving happens a moment
 * after typing stops, when the row loses the focus, and when the window closes, so nothing
 * typed is lost and the disk is not written on every key. */

#define G_LOG_DOMAIN "steady-safety-item-row"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-safety-item-row.h"

#define SAVE_DELAY_MS 600

struct _SteadySafetyItemRow
{
  GtkListBoxRow          parent_instance;

  /* owned */
  SteadySafetyPlanStore *store;
  SteadySafetyItem      *item;      /* NULL until the first words are saved */

  /* children */
  GtkTextView           *text_view;
  GtkLabel              *placeholder;
  GtkEntry              *phone_entry;  /* NULL in sections without phone numbers */
  GtkLabel              *phone_hint;
  GtkButton             *up_button;
  GtkButton             *down_button;
  GtkButton             *delete_button;

  SteadySafetySection    section;
  guint                  number;
  guint                  save_source_id;
  guint                  relayout_id;
  guint                  relayout_frames;
  int                    last_width;
  gboolean               loading;
};

enum {
  MOVE,
  DELETE,
  ADD_AFTER,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SteadySafetyItemRow, steady_safety_item_row, GTK_TYPE_LIST_BOX_ROW)

static void start_relayout (SteadySafetyItemRow *self);

SteadySafetyItem *
steady_safety_item_row_get_item (SteadySafetyItemRow *self)
{
  g_return_val_if_fail (STEADY_IS_SAFETY_ITEM_ROW (self), NULL);

  return self->item;
}

char *
steady_safety_item_row_dup_text (SteadySafetyItemRow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;

  g_return_val_if_fail (STEADY_IS_SAFETY_ITEM_ROW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
dup_phone (SteadySafetyItemRow *self)
{
  if (self->phone_entry == NULL)
    return NULL;
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->phone_entry)));
}

static gboolean
is_blank (const char *text)
{
  for (const char *c = text; c != NULL && *c != '\0'; c = g_utf8_next_char (c))
    {
      if (!g_unichar_isspace (g_utf8_get_char (c)))
        return FALSE;
    }
  return TRUE;
}

/* Whether the row shows words or a number that are in no stored item yet (after a flush: a
 * number waiting for its name). */
gboolean
steady_safety_item_row_has_unsaved_words (SteadySafetyItemRow *self)
{
  g_autofree char *text = NULL;
  g_autofree char *phone = NULL;

  g_return_val_if_fail (STEADY_IS_SAFETY_ITEM_ROW (self), FALSE);

  if (self->item != NULL)
    return FALSE;
  text = steady_safety_item_row_dup_text (self);
  phone = dup_phone (self);
  return !is_blank (text) || !is_blank (phone);
}

/* Where a new item goes in the store: after the saved items above this row. Rows not yet
 * saved take no place there. */
static guint
store_position (SteadySafetyItemRow *self)
{
  guint position = 0;

  for (GtkWidget *row = gtk_widget_get_prev_sibling (GTK_WIDGET (self));
       row != NULL;
       row = gtk_widget_get_prev_sibling (row))
    {
      if (STEADY_IS_SAFETY_ITEM_ROW (row) && STEADY_SAFETY_ITEM_ROW (row)->item != NULL)
        position++;
    }
  return position;
}

static void
report_error (SteadySafetyItemRow *self,
              const GError        *error)
{
  g_signal_emit (self, signals[ERROR], 0, error->message);
}

static void
update_phone_hint (SteadySafetyItemRow *self,
                   const char          *text,
                   const char          *phone)
{
  if (self->phone_hint != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->phone_hint), is_blank (text) && !is_blank (phone));
}

/* Writes what the row shows to the store now. Returns FALSE when it could not; the words
 * stay in the row either way, and the error has been reported. */
gboolean
steady_safety_item_row_flush (SteadySafetyItemRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *phone = NULL;
  SteadySafetyItem *saved = NULL;

  g_return_val_if_fail (STEADY_IS_SAFETY_ITEM_ROW (self), FALSE);

  g_clear_handle_id (&self->save_source_id, g_source_remove);
  text = steady_safety_item_row_dup_text (self);
  phone = dup_phone (self);
  update_phone_hint (self, text, phone);

  if (self->item == NULL)
    {
      /* A number without a name is kept in the row until a name is there (see the hint). */
      if (is_blank (text))
        return TRUE;
      saved = steady_safety_plan_store_add (self->store, self->section, store_position (self),
                                            text, phone, &error);
    }
  else if (is_blank (text))
    {
      /* Every word was taken away: the item goes. Undo in the text brings it back. */
      g_autoptr(SteadySafetyItem) deleted = NULL;

      deleted = steady_safety_plan_store_delete (self->store,
                                                 steady_safety_item_get_uuid (self->item),
                                                 &error);
      if (deleted == NULL && !g_error_matches (error, STEADY_SAFETY_PLAN_ERROR,
                                               STEADY_SAFETY_PLAN_ERROR_NOT_FOUND))
        {
          report_error (self, error);
          return FALSE;
        }
      g_clear_object (&self->item);
      return TRUE;
    }
  else
    {
      const char *old_phone = steady_safety_item_get_phone (self->item);
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (g_strcmp0 (stripped, steady_safety_item_get_text (self->item)) == 0 &&
          g_strcmp0 (is_blank (phone) ? NULL : phone, old_phone) == 0)
        return TRUE;
      saved = steady_safety_plan_store_update (self->store,
                                               steady_safety_item_get_uuid (self->item),
                                               text, phone, &error);
    }

  if (saved == NULL)
    {
      report_error (self, error);
      return FALSE;
    }
  g_set_object (&self->item, saved);
  g_object_unref (saved);
  return TRUE;
}

static gboolean
save_cb (gpointer user_data)
{
  SteadySafetyItemRow *self = STEADY_SAFETY_ITEM_ROW (user_data);

  self->save_source_id = 0;
  steady_safety_item_row_flush (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (SteadySafetyItemRow *self)
{
  g_clear_handle_id (&self->save_source_id, g_source_remove);
  self->save_source_id = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

static void
text_changed_cb (GtkTextBuffer       *buffer,
                 SteadySafetyItemRow *self)
{
  g_autofree char *text = steady_safety_item_row_dup_text (self);

  gtk_widget_set_visible (GTK_WIDGET (self->placeholder), text[0] == '\0');
  if (gtk_widget_get_mapped (GTK_WIDGET (self->text_view)))
    start_relayout (self);
  if (!self->loading)
    schedule_save (self);
}

/* Sets the words shown without saving them or making them undoable. */
static void
load_text (SteadySafetyItemRow *self,
           const char          *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  self->loading = TRUE;
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_set_enable_undo (buffer, TRUE);
  self->loading = FALSE;
}

static void
phone_changed_cb (GtkEditable         *editable,
                  SteadySafetyItemRow *self)
{
  schedule_save (self);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                SteadySafetyItemRow     *self)
{
  if (self->save_source_id != 0)
    steady_safety_item_row_flush (self);
}

/* Enter ends the item and starts the next, as in any list; Shift+Enter breaks the line. */
static gboolean
text_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     SteadySafetyItemRow   *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) &&
      (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0)
    {
      steady_safety_item_row_flush (self);
      g_signal_emit (self, signals[ADD_AFTER], 0);
      return TRUE;
    }
  return FALSE;
}

static void
up_clicked_cb (SteadySafetyItemRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, -1);
}

static void
down_clicked_cb (SteadySafetyItemRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, 1);
}

static void
delete_clicked_cb (SteadySafetyItemRow *self)
{
  g_signal_emit (self, signals[DELETE], 0);
}

static gboolean
move_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  SteadySafetyItemRow *self = STEADY_SAFETY_ITEM_ROW (widget);
  int delta = g_variant_get_int32 (args);

  if (gtk_widget_get_sensitive (GTK_WIDGET (delta < 0 ? self->up_button : self->down_button)))
    g_signal_emit (self, signals[MOVE], 0, delta);
  return TRUE;
}

/* Names the controls for a screen reader by what they act on: "Warning sign 2". */
void
steady_safety_item_row_set_number (SteadySafetyItemRow *self,
                                   guint                number)
{
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *up = NULL;
  g_autofree char *down = NULL;
  g_autofree char *delete = NULL;

  g_return_if_fail (STEADY_IS_SAFETY_ITEM_ROW (self));

  self->number = number;
  /* Translators: an item of the safety plan and its number, e.g. "Warning sign 2". */
  name = g_strdup_printf (C_("safety plan item", "%s %u"),
                          steady_safety_section_get_item_name (self->section), number);
  /* Translators: %s names an item, e.g. "Move Warning sign 2 up". */
  up = g_strdup_printf (_("Move %s up"), name);
  /* Translators: %s names an item, e.g. "Move Warning sign 2 down". */
  down = g_strdup_printf (_("Move %s down"), name);
  /* Translators: %s names an item, e.g. "Delete Warning sign 2". */
  delete = g_strdup_printf (_("Delete %s"), name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  steady_safety_section_get_title (self->section),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->up_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, up, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->down_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, down, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete, -1);
  if (self->phone_entry != NULL)
    {
      /* Translators: %s names an item, e.g. "Phone number of Person I can ask 1". */
      phone = g_strdup_printf (_("Phone number of %s"), name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->phone_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, phone, -1);
    }
  gtk_label_set_label (self->placeholder,
                       steady_safety_section_get_example (self->section, number - 1));
}

void
steady_safety_item_row_set_can_move (SteadySafetyItemRow *self,
                                     gboolean             can_move_up,
                                     gboolean             can_move_down)
{
  g_return_if_fail (STEADY_IS_SAFETY_ITEM_ROW (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->up_button), can_move_up);
  gtk_widget_set_sensitive (GTK_WIDGET (self->down_button), can_move_down);
}

void
steady_safety_item_row_grab_text_focus (SteadySafetyItemRow *self)
{
  g_return_if_fail (STEADY_IS_SAFETY_ITEM_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* The text view lays out the rest of its lines after it was first given room, but does not
 * ask for more room for them by itself. For a few frames after its words or its width
 * change, it is measured again and resized if its lines need another height. */
#define RELAYOUT_FRAMES 8

static gboolean
relayout_cb (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  SteadySafetyItemRow *self = STEADY_SAFETY_ITEM_ROW (user_data);
  int natural = 0;
  int height = gtk_widget_get_height (widget);

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (widget),
                      NULL, &natural, NULL, NULL);
  if (natural != height && natural > 0 && height > 0)
    gtk_widget_queue_resize (widget);

  if (--self->relayout_frames > 0)
    return G_SOURCE_CONTINUE;
  self->relayout_id = 0;
  return G_SOURCE_REMOVE;
}

static void
start_relayout (SteadySafetyItemRow *self)
{
  self->relayout_frames = RELAYOUT_FRAMES;
  if (self->relayout_id == 0)
    self->relayout_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->text_view), relayout_cb,
                                                      self, NULL);
}

static void
text_view_map_cb (GtkWidget           *widget,
                  SteadySafetyItemRow *self)
{
  start_relayout (self);
}

static void
steady_safety_item_row_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  SteadySafetyItemRow *self = STEADY_SAFETY_ITEM_ROW (widget);

  GTK_WIDGET_CLASS (steady_safety_item_row_parent_class)->size_allocate (widget, width, height,
                                                                          baseline);
  if (width != self->last_width)
    {
      self->last_width = width;
      start_relayout (self);
    }
}

static GtkButton *
make_icon_button (const char *icon_name,
                  const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  return GTK_BUTTON (button);
}

static void
build_children (SteadySafetyItemRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *fields = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkEventController *focus;
  GtkEventController *keys;

  gtk_widget_add_css_class (box, "safety-item");
  gtk_widget_set_hexpand (fields, TRUE);

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->text_view, FALSE);
  gtk_text_view_set_top_margin (self->text_view, 8);
  gtk_text_view_set_bottom_margin (self->text_view, 8);
  gtk_text_view_set_left_margin (self->text_view, 10);
  gtk_text_view_set_right_margin (self->text_view, 10);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "safety-item-text");
  gtk_widget_set_hexpand (GTK_WIDGET (self->text_view), TRUE);
  /* GTK 4.8's text view asks for the height of the lines it has laid out, and lays out only
   * what fits in the height it was given: given none, it would stay empty. One line's room
   * to start from lets it lay out its words; see relayout_cb() for the rest. */
  gtk_widget_set_size_request (GTK_WIDGET (self->text_view), -1, 36);
  g_signal_connect (self->text_view, "map", G_CALLBACK (text_view_map_cb), self);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->text_view));

  /* GTK 4.8's text view has no placeholder of its own. */
  self->placeholder = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->placeholder, 0);
  gtk_label_set_wrap (self->placeholder, TRUE);
  gtk_label_set_wrap_mode (self->placeholder, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_valign (GTK_WIDGET (self->placeholder), GTK_ALIGN_START);
  gtk_widget_set_margin_start (GTK_WIDGET (self->placeholder), 10);
  gtk_widget_set_margin_end (GTK_WIDGET (self->placeholder), 10);
  gtk_widget_set_margin_top (GTK_WIDGET (self->placeholder), 8);
  gtk_widget_set_can_target (GTK_WIDGET (self->placeholder), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->placeholder), "dim-label");
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->placeholder));
  /* A long example wraps at 360 px: the row grows with it instead of letting it spill. */
  gtk_overlay_set_measure_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->placeholder), TRUE);
  gtk_box_append (GTK_BOX (fields), overlay);

  if (steady_safety_section_has_phone (self->section))
    {
      self->phone_entry = GTK_ENTRY (gtk_entry_new ());
      gtk_entry_set_input_purpose (self->phone_entry, GTK_INPUT_PURPOSE_PHONE);
      gtk_entry_set_max_length (self->phone_entry, STEADY_SAFETY_PLAN_MAX_PHONE);
      gtk_entry_set_placeholder_text (self->phone_entry, _("Phone number (optional)"));
      gtk_entry_set_icon_from_icon_name (self->phone_entry, GTK_ENTRY_ICON_PRIMARY,
                                         "call-start-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->phone_entry), "safety-phone");
      gtk_box_append (GTK_BOX (fields), GTK_WIDGET (self->phone_entry));

      self->phone_hint = GTK_LABEL (gtk_label_new (_("Add a name above to keep this number.")));
      gtk_label_set_xalign (self->phone_hint, 0);
      gtk_label_set_wrap (self->phone_hint, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->phone_hint), "caption");
      gtk_widget_set_visible (GTK_WIDGET (self->phone_hint), FALSE);
      gtk_box_append (GTK_BOX (fields), GTK_WIDGET (self->phone_hint));
    }

  self->up_button = make_icon_button ("go-up-symbolic", _("Move Up (Alt+↑)"));
  self->down_button = make_icon_button ("go-down-symbolic", _("Move Down (Alt+↓)"));
  self->delete_button = make_icon_button ("user-trash-symbolic", _("Delete"));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->up_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->down_button));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->delete_button));
  gtk_widget_set_valign (buttons, GTK_ALIGN_START);

  gtk_box_append (GTK_BOX (box), fields);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);

  g_signal_connect_swapped (self->up_button, "clicked", G_CALLBACK (up_clicked_cb), self);
  g_signal_connect_swapped (self->down_button, "clicked", G_CALLBACK (down_clicked_cb), self);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (delete_clicked_cb), self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (text_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

static void
show_item (SteadySafetyItemRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *text = self->item != NULL ? steady_safety_item_get_text (self->item) : "";
  const char *phone = self->item != NULL ? steady_safety_item_get_phone (self->item) : NULL;

  /* What was loaded is not an edit: neither saved again nor undoable. */
  load_text (self, text);
  gtk_widget_set_visible (GTK_WIDGET (self->placeholder), text[0] == '\0');
  if (self->phone_entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), phone != NULL ? phone : "");

  g_signal_connect (buffer, "changed", G_CALLBACK (text_changed_cb), self);
  if (self->phone_entry != NULL)
    g_signal_connect (self->phone_entry, "changed", G_CALLBACK (phone_changed_cb), self);
}

/* Gives a row that stays on screen across a reload the item as stored now (flush first).
 * Words that are the same stay untouched, with the cursor and undo where they were; words
 * that changed in the store are shown. %NULL makes the row's words a new item again. */
void
steady_safety_item_row_set_item (SteadySafetyItemRow *self,
                                 SteadySafetyItem    *item)
{
  g_autofree char *text = NULL;
  g_autofree char *phone = NULL;
  const char *stored_phone;

  g_return_if_fail (STEADY_IS_SAFETY_ITEM_ROW (self));
  g_return_if_fail (item == NULL || STEADY_IS_SAFETY_ITEM (item));

  g_set_object (&self->item, item);
  if (item == NULL)
    return;

  text = steady_safety_item_row_dup_text (self);
  if (g_strcmp0 (text, steady_safety_item_get_text (item)) != 0)
    load_text (self, steady_safety_item_get_text (item));
  phone = dup_phone (self);
  stored_phone = steady_safety_item_get_phone (item);
  if (self->phone_entry != NULL && g_strcmp0 (phone, stored_phone != NULL ? stored_phone : "") != 0)
    {
      g_signal_handlers_block_by_func (self->phone_entry, phone_changed_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (self->phone_entry),
                             stored_phone != NULL ? stored_phone : "");
      g_signal_handlers_unblock_by_func (self->phone_entry, phone_changed_cb, self);
    }
}

GtkWidget *
steady_safety_item_row_new (SteadySafetyPlanStore *store,
                            SteadySafetySection    section,
                            SteadySafetyItem      *item)
{
  SteadySafetyItemRow *self;

  g_return_val_if_fail (STEADY_IS_SAFETY_PLAN_STORE (store), NULL);
  g_return_val_if_fail (section < STEADY_SAFETY_N_SECTIONS, NULL);
  g_return_val_if_fail (item == NULL || STEADY_IS_SAFETY_ITEM (item), NULL);

  self = g_object_new (STEADY_TYPE_SAFETY_ITEM_ROW, NULL);
  self->store = g_object_ref (store);
  self->section = section;
  self->item = item != NULL ? g_object_ref (item) : NULL;
  build_children (self);
  show_item (self);
  steady_safety_item_row_set_number (self, 1);
  return GTK_WIDGET (self);
}

static void
steady_safety_item_row_dispose (GObject *object)
{
  SteadySafetyItemRow *self = STEADY_SAFETY_ITEM_ROW (object);

  /* The window flushes every row when it closes; this catches a row removed otherwise. */
  if (self->save_source_id != 0)
    steady_safety_item_row_flush (self);
  if (self->relayout_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->text_view), self->relayout_id);
  self->relayout_id = 0;
  g_clear_object (&self->item);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (steady_safety_item_row_parent_class)->dispose (object);
}

static void
steady_safety_item_row_class_init (SteadySafetyItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_safety_item_row_dispose;
  widget_class->size_allocate = steady_safety_item_row_size_allocate;

  /* Asks the section to move this row by @delta places (-1 up, 1 down). */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /* Asks the section to delete this row's item (with an Undo). */
  signals[DELETE] = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Asks the section for a new, empty row after this one. */
  signals[ADD_AFTER] = g_signal_new ("add-after", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A save failed; @message says why, in words for the user. */
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_ALT_MASK, move_shortcut_cb,
                                "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_ALT_MASK, move_shortcut_cb,
                                "i", 1);
}

static void
steady_safety_item_row_init (SteadySafetyItemRow *self)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
}
