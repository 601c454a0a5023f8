/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-safety-section-view.c: one section of the safety plan: its heading, what belongs
 * there, its items in order, and a button to add one. An empty section shows one empty item
 * with an example in it, so there is always somewhere to start typing. */

#define G_LOG_DOMAIN "steady-safety-section-view"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-safety-item-row.h"
#include "steady-safety-section-view.h"

struct _SteadySafetySectionView
{
  GtkBox                 parent_instance;

  /* owned */
  SteadySafetyPlanStore *store;

  /* children */
  GtkListBox            *list;
  GtkButton             *add_button;

  SteadySafetySection    section;
};

enum {
  DELETED,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SteadySafetySectionView, steady_safety_section_view, GTK_TYPE_BOX)

static GtkWidget *insert_row (SteadySafetySectionView *self,
                              SteadySafetyItem        *item,
                              int                      position);

SteadySafetySection
steady_safety_section_view_get_section (SteadySafetySectionView *self)
{
  g_return_val_if_fail (STEADY_IS_SAFETY_SECTION_VIEW (self), 0);

  return self->section;
}

static guint
count_rows (SteadySafetySectionView *self)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n += STEADY_IS_SAFETY_ITEM_ROW (row);
  return n;
}

/* Numbers the rows 1, 2, 3 … for their names and placeholders, and greys out the moves that
 * would go past either end. */
static void
renumber (SteadySafetySectionView *self)
{
  guint n = count_rows (self);
  guint i = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (!STEADY_IS_SAFETY_ITEM_ROW (row))
        continue;
      i++;
      steady_safety_item_row_set_number (STEADY_SAFETY_ITEM_ROW (row), i);
      steady_safety_item_row_set_can_move (STEADY_SAFETY_ITEM_ROW (row), i > 1, i < n);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), n < STEADY_SAFETY_PLAN_MAX_ITEMS);
}

static void
remove_all_rows (SteadySafetySectionView *self)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, row);
}

/* The item row the keyboard is in, if any. */
static GtkWidget *
find_focused_row (SteadySafetySectionView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      if (STEADY_IS_SAFETY_ITEM_ROW (widget) &&
          gtk_widget_get_parent (widget) == GTK_WIDGET (self->list))
        return widget;
    }
  return NULL;
}

/* Shows the section as stored, dropping what the rows hold: flush first. The row the
 * keyboard is in stays the same widget, so someone typing keeps their cursor and Undo, and
 * rows holding a number that waits for its name stay too, after the stored items. */
gboolean
steady_safety_section_view_reload (SteadySafetySectionView  *self,
                                   GError                  **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) waiting = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *focused;
  SteadySafetyItem *focused_item = NULL;
  gboolean focused_placed = FALSE;
  guint position = 0;
  GtkWidget *row;

  g_return_val_if_fail (STEADY_IS_SAFETY_SECTION_VIEW (self), FALSE);

  items = steady_safety_plan_store_list_section (self->store, self->section, error);
  if (items == NULL)
    return FALSE;

  /* Every row goes but the focused one; the waiting ones come back at the end. */
  focused = find_focused_row (self);
  row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
  while (row != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (row);

      if (row != focused)
        {
          if (STEADY_IS_SAFETY_ITEM_ROW (row) &&
              steady_safety_item_row_has_unsaved_words (STEADY_SAFETY_ITEM_ROW (row)))
            g_ptr_array_add (waiting, g_object_ref (row));
          gtk_list_box_remove (self->list, row);
        }
      row = next;
    }
  if (focused != NULL)
    focused_item = steady_safety_item_row_get_item (STEADY_SAFETY_ITEM_ROW (focused));

  /* Each new row goes in at its place; those before the focused row push it down. */
  for (guint i = 0; i < items->len; i++, position++)
    {
      SteadySafetyItem *item = g_ptr_array_index (items, i);

      if (focused_item != NULL &&
          g_strcmp0 (steady_safety_item_get_uuid (item),
                     steady_safety_item_get_uuid (focused_item)) == 0)
        {
          steady_safety_item_row_set_item (STEADY_SAFETY_ITEM_ROW (focused), item);
          focused_placed = TRUE;
          continue;
        }
      insert_row (self, item, focused_placed ? -1 : (int)position);
    }
  /* A focused item that is no longer stored is typed again as a new one. */
  if (focused != NULL && focused_item != NULL && !focused_placed)
    steady_safety_item_row_set_item (STEADY_SAFETY_ITEM_ROW (focused), NULL);
  for (guint i = 0; i < waiting->len; i++)
    gtk_list_box_insert (self->list, g_ptr_array_index (waiting, i), -1);
  if (count_rows (self) == 0)
    insert_row (self, NULL, -1);
  renumber (self);
  return TRUE;
}

/* Saves what every row shows. Returns FALSE if a row could not be saved (it said why). */
gboolean
steady_safety_section_view_flush (SteadySafetySectionView *self)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (STEADY_IS_SAFETY_SECTION_VIEW (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (STEADY_IS_SAFETY_ITEM_ROW (row))
        ok &= steady_safety_item_row_flush (STEADY_SAFETY_ITEM_ROW (row));
    }
  return ok;
}

static GtkWidget *
add_row_after (SteadySafetySectionView *self,
               GtkWidget               *before)
{
  GtkWidget *row;
  int position = before != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (before)) + 1 : -1;

  if (count_rows (self) >= STEADY_SAFETY_PLAN_MAX_ITEMS)
    return NULL;
  row = insert_row (self, NULL, position);
  renumber (self);
  steady_safety_item_row_grab_text_focus (STEADY_SAFETY_ITEM_ROW (row));
  return row;
}

/* Adds an empty item at the end and puts the cursor in it. Returns the row. */
GtkWidget *
steady_safety_section_view_add_item (SteadySafetySectionView *self)
{
  GtkWidget *last = NULL;

  g_return_val_if_fail (STEADY_IS_SAFETY_SECTION_VIEW (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (STEADY_IS_SAFETY_ITEM_ROW (row))
        last = row;
    }

  /* An empty last item is where the new one would be: use it. */
  if (last != NULL && steady_safety_item_row_get_item (STEADY_SAFETY_ITEM_ROW (last)) == NULL)
    {
      g_autofree char *text = steady_safety_item_row_dup_text (STEADY_SAFETY_ITEM_ROW (last));

      if (text[0] == '\0')
        {
          steady_safety_item_row_grab_text_focus (STEADY_SAFETY_ITEM_ROW (last));
          return last;
        }
    }
  return add_row_after (self, last);
}

static void
add_clicked_cb (SteadySafetySectionView *self)
{
  steady_safety_section_view_add_item (self);
}

static void
row_add_after_cb (SteadySafetyItemRow     *row,
                  SteadySafetySectionView *self)
{
  GtkWidget *next = gtk_widget_get_next_sibling (GTK_WIDGET (row));

  /* Enter in the last item starts a new one; elsewhere it goes on to the next item. */
  if (next != NULL && STEADY_IS_SAFETY_ITEM_ROW (next))
    steady_safety_item_row_grab_text_focus (STEADY_SAFETY_ITEM_ROW (next));
  else
    add_row_after (self, GTK_WIDGET (row));
}

static void
row_error_cb (SteadySafetyItemRow     *row,
              const char              *message,
              SteadySafetySectionView *self)
{
  g_signal_emit (self, signals[ERROR], 0, message);
}

/* The place of @row's item among the saved items of the section. */
static guint
store_position (GtkWidget *row)
{
  guint position = 0;

  for (GtkWidget *before = gtk_widget_get_prev_sibling (row);
       before != NULL;
       before = gtk_widget_get_prev_sibling (before))
    {
      if (STEADY_IS_SAFETY_ITEM_ROW (before) &&
          steady_safety_item_row_get_item (STEADY_SAFETY_ITEM_ROW (before)) != NULL)
        position++;
    }
  return position;
}

static void
row_move_cb (SteadySafetyItemRow     *row,
             int                      delta,
             SteadySafetySectionView *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *neighbour;
  SteadySafetyItem *item;
  SteadySafetyItem *other;
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  neighbour = GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, index + delta));
  if (neighbour == NULL || !STEADY_IS_SAFETY_ITEM_ROW (neighbour))
    return;

  /* What was typed goes in first, so it moves with its item. */
  if (!steady_safety_item_row_flush (row) ||
      !steady_safety_item_row_flush (STEADY_SAFETY_ITEM_ROW (neighbour)))
    return;

  /* Empty rows have no place in the store; only two saved items swap places there. */
  item = steady_safety_item_row_get_item (row);
  other = steady_safety_item_row_get_item (STEADY_SAFETY_ITEM_ROW (neighbour));
  if (item != NULL && other != NULL &&
      !steady_safety_plan_store_move (self->store, steady_safety_item_get_uuid (item),
                                      store_position (neighbour), &error))
    {
      g_signal_emit (self, signals[ERROR], 0, error->message);
      return;
    }

  g_object_ref (row);
  gtk_list_box_remove (self->list, GTK_WIDGET (row));
  gtk_list_box_insert (self->list, GTK_WIDGET (row), index + delta);
  g_object_unref (row);
  renumber (self);
  steady_safety_item_row_grab_text_focus (row);
}

static void
row_delete_cb (SteadySafetyItemRow     *row,
               SteadySafetySectionView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadySafetyItem) deleted = NULL;
  SteadySafetyItem *item;
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  GtkListBoxRow *focus_row;

  /* Save first, so that Undo brings back exactly what was on screen. */
  if (!steady_safety_item_row_flush (row))
    return;
  item = steady_safety_item_row_get_item (row);
  if (item != NULL)
    {
      deleted = steady_safety_plan_store_delete (self->store, steady_safety_item_get_uuid (item),
                                                 &error);
      if (deleted == NULL)
        {
          g_signal_emit (self, signals[ERROR], 0, error->message);
          return;
        }
    }

  gtk_list_box_remove (self->list, GTK_WIDGET (row));
  if (count_rows (self) == 0)
    insert_row (self, NULL, -1);
  renumber (self);

  /* The cursor stays where the user is working. */
  focus_row = gtk_list_box_get_row_at_index (self->list, MAX (index - 1, 0));
  if (focus_row != NULL && STEADY_IS_SAFETY_ITEM_ROW (focus_row))
    steady_safety_item_row_grab_text_focus (STEADY_SAFETY_ITEM_ROW (focus_row));

  if (deleted != NULL)
    g_signal_emit (self, signals[DELETED], 0, deleted);
}

static GtkWidget *
insert_row (SteadySafetySectionView *self,
            SteadySafetyItem        *item,
            int                      position)
{
  GtkWidget *row = steady_safety_item_row_new (self->store, self->section, item);

  g_signal_connect_object (row, "move", G_CALLBACK (row_move_cb), self, 0);
  g_signal_connect_object (row, "delete", G_CALLBACK (row_delete_cb), self, 0);
  g_signal_connect_object (row, "add-after", G_CALLBACK (row_add_after_cb), self, 0);
  g_signal_connect_object (row, "error", G_CALLBACK (row_error_cb), self, 0);
  gtk_list_box_insert (self->list, row, position);
  return row;
}

static void
build_children (SteadySafetySectionView *self)
{
  GtkWidget *title = gtk_label_new (steady_safety_section_get_title (self->section));
  GtkWidget *prompt = gtk_label_new (steady_safety_section_get_prompt (self->section));
  GtkWidget *add_content = adw_button_content_new ();
  g_autofree char *add_name = NULL;

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-4");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (self), title);

  gtk_label_set_xalign (GTK_LABEL (prompt), 0);
  gtk_label_set_wrap (GTK_LABEL (prompt), TRUE);
  gtk_widget_add_css_class (prompt, "dim-label");
  gtk_box_append (GTK_BOX (self), prompt);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_margin_top (GTK_WIDGET (self->list), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  steady_safety_section_get_title (self->section), -1);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->list));

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (add_content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (add_content), _("Add"));
  self->add_button = GTK_BUTTON (gtk_button_new ());
  gtk_button_set_child (self->add_button, add_content);
  gtk_widget_set_halign (GTK_WIDGET (self->add_button), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->add_button), "flat");
  /* Translators: the button that adds an item to a section; %s is the section's name. */
  add_name = g_strdup_printf (_("Add to “%s”"), steady_safety_section_get_title (self->section));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add_name, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), add_name);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->add_button));
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
}

GtkWidget *
steady_safety_section_view_new (SteadySafetyPlanStore *store,
                                SteadySafetySection    section)
{
  SteadySafetySectionView *self;

  g_return_val_if_fail (STEADY_IS_SAFETY_PLAN_STORE (store), NULL);
  g_return_val_if_fail (section < STEADY_SAFETY_N_SECTIONS, NULL);

  self = g_object_new (STEADY_TYPE_SAFETY_SECTION_VIEW,
                       "orientation", GTK_ORIENTATION_VERTICAL,
                       "spacing", 2,
                       NULL);
  self->store = g_object_ref (store);
  self->section = section;
  build_children (self);
  return GTK_WIDGET (self);
}

static void
steady_safety_section_view_dispose (GObject *object)
{
  SteadySafetySectionView *self = STEADY_SAFETY_SECTION_VIEW (object);

  if (self->list != NULL)
    remove_all_rows (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (steady_safety_section_view_parent_class)->dispose (object);
}

static void
steady_safety_section_view_class_init (SteadySafetySectionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steady_safety_section_view_dispose;

  /* An item was deleted; @item is what steady_safety_plan_store_restore() puts back. */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, STEADY_TYPE_SAFETY_ITEM);
  /* Something could not be saved; @message says why, in words for the user. */
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
steady_safety_section_view_init (SteadySafetySectionView *self)
{
}
