/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-history-view.c: the Skills history: every exercise, diary card, skill used and
 * practice, newest first, paged, filtered by kind, searched, opened and deleted with undo. */

#define G_LOG_DOMAIN "steady-skill-history-view"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-diary-store.h"
#include "steady-journal-common.h"
#include "steady-practice-store.h"
#include "steady-skill-history-row.h"
#include "steady-skill-history-view.h"
#include "steady-skill-history.h"
#include "steady-skill-store.h"

/* Rows read at a time; more follow when the list is scrolled to its end. */
#define PAGE_SIZE 40

struct _SteadySkillHistoryView
{
  GtkWidget          parent_instance;

  /* children */
  GtkSearchEntry    *search_entry;
  GtkMenuButton     *kind_button;
  GtkStack          *stack;
  GtkListBox        *list_box;
  GtkWidget         *more_button;

  /* owned */
  SteadyDatabase    *database;
  SteadySkillStore  *skill_store;
  SteadyDiaryStore  *diary_store;
  SteadyPracticeStore *practice_store;
  SteadyHistoryItem *last;        /* the last row shown: where the next page starts */
  int                kind_filter;  /* -1 for everything, else the one kind shown */
};

G_DEFINE_FINAL_TYPE (SteadySkillHistoryView, steady_skill_history_view, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_ADD_TOAST,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void delete_clicked_cb (GtkButton             *button,
                               SteadySkillHistoryRow *row);

static guint
selected_kinds (SteadySkillHistoryView *self)
{
  return self->kind_filter < 0 ? STEADY_HISTORY_MASK_ALL : STEADY_HISTORY_MASK (self->kind_filter);
}

static const char *
search_text (SteadySkillHistoryView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return text[0] != '\0' ? text : NULL;
}

static void
show_error (SteadySkillHistoryView *self,
            const GError           *error)
{
  g_signal_emit (self, signals[SIGNAL_ADD_TOAST], 0, adw_toast_new (error->message));
}

/* Reads the next page after self->last; returns whether anything was added. */
static gboolean
load_page (SteadySkillHistoryView *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint shown;

  items = steady_skill_history_list (self->database, selected_kinds (self), search_text (self),
                                     self->last, PAGE_SIZE + 1, &error);
  if (items == NULL)
    {
      show_error (self, error);
      return FALSE;
    }
  shown = MIN (items->len, PAGE_SIZE);
  gtk_widget_set_visible (self->more_button, items->len > PAGE_SIZE);
  for (guint i = 0; i < shown; i++)
    {
      GtkWidget *row = steady_skill_history_row_new (items->pdata[i]);

      g_signal_connect_object (steady_skill_history_row_get_delete_button (
                                 STEADY_SKILL_HISTORY_ROW (row)),
                               "clicked", G_CALLBACK (delete_clicked_cb), row, 0);
      gtk_list_box_append (self->list_box, row);
    }
  if (shown > 0)
    {
      g_clear_pointer (&self->last, steady_history_item_free);
      self->last = g_ptr_array_steal_index (items, shown - 1);
    }
  return shown > 0;
}

/* Reads the first page again, after a change, a new search or another filter. */
void
steady_skill_history_view_reload (SteadySkillHistoryView *self)
{
  GtkWidget *child;
  const char *page;

  g_return_if_fail (STEADY_IS_SKILL_HISTORY_VIEW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_clear_pointer (&self->last, steady_history_item_free);

  if (load_page (self))
    page = "list";
  else if (search_text (self) != NULL || selected_kinds (self) != STEADY_HISTORY_MASK_ALL)
    page = "no-results";
  else
    page = "empty";
  gtk_stack_set_visible_child_name (self->stack, page);
}

void
steady_skill_history_view_focus_search (SteadySkillHistoryView *self)
{
  g_return_if_fail (STEADY_IS_SKILL_HISTORY_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The local day of a diary card, or of the card a skill use is on. */
static int
item_local_day (const SteadyHistoryItem *item)
{
  return steady_journal_day_from_time (item->time_us, item->utc_offset_s);
}

/* Opening ------------------------------------------------------------------------------- */

static void
row_activated_cb (GtkListBox             *box,
                  GtkListBoxRow          *row,
                  SteadySkillHistoryView *self)
{
  const SteadyHistoryItem *item;

  if (!STEADY_IS_SKILL_HISTORY_ROW (row) ||
      !steady_skill_history_row_can_open (STEADY_SKILL_HISTORY_ROW (row)))
    return;
  item = steady_skill_history_row_get_item (STEADY_SKILL_HISTORY_ROW (row));
  if (item->kind < STEADY_N_SKILL_KINDS)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-skill-record", "s", item->uuid);
  else
    /* A skill used is on its day's diary card. */
    gtk_widget_activate_action (GTK_WIDGET (self), "win.diary-card", "i", item_local_day (item));
}

/* Deleting, with undo ------------------------------------------------------------------- */

/* What was deleted, kept by the toast until it is gone, for Undo. */
typedef struct
{
  int                   kind;
  SteadySkillRecord    *record;
  SteadyDiaryCard      *card;
  SteadySkillUse       *use;
  SteadyPracticeRecord *practice;
} Deleted;

static void
deleted_free (Deleted *deleted)
{
  g_clear_object (&deleted->record);
  g_clear_pointer (&deleted->card, steady_diary_card_free);
  g_clear_pointer (&deleted->use, steady_skill_use_free);
  g_clear_pointer (&deleted->practice, steady_practice_record_free);
  g_free (deleted);
}

static gboolean
restore (SteadySkillHistoryView  *self,
         Deleted                 *deleted,
         GError                 **error)
{
  if (deleted->record != NULL)
    return steady_skill_store_restore (self->skill_store, deleted->record, error);
  if (deleted->card != NULL)
    return steady_diary_store_save_card (self->diary_store, deleted->card, error);
  if (deleted->use != NULL)
    return steady_diary_store_restore_skill_use (self->diary_store, deleted->use, error);
  g_assert (deleted->practice != NULL);
  return steady_practice_store_add (self->practice_store, deleted->practice, error);
}

static void
undo_clicked_cb (AdwToast               *toast,
                 SteadySkillHistoryView *self)
{
  Deleted *deleted = g_object_get_data (G_OBJECT (toast), "steady-deleted");
  g_autoptr(GError) error = NULL;

  if (!restore (self, deleted, &error))
    show_error (self, error);
  steady_skill_history_view_reload (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static Deleted *
delete_item (SteadySkillHistoryView   *self,
             const SteadyHistoryItem  *item,
             GError                  **error)
{
  g_autoptr(GError) local_error = NULL;
  Deleted *deleted = g_new0 (Deleted, 1);

  deleted->kind = item->kind;
  if (item->kind < STEADY_N_SKILL_KINDS)
    deleted->record = steady_skill_store_delete (self->skill_store, item->uuid, &local_error);
  else if (item->kind == STEADY_HISTORY_DIARY_CARD)
    deleted->card = steady_diary_store_delete_card (self->diary_store, item_local_day (item),
                                                    &local_error);
  else if (item->kind == STEADY_HISTORY_SKILL_USE)
    deleted->use = steady_diary_store_delete_skill_use (self->diary_store, item->uuid,
                                                        &local_error);
  else
    {
      deleted->practice = steady_practice_store_lookup (self->practice_store, item->uuid,
                                                        &local_error);
      if (deleted->practice != NULL &&
          !steady_practice_store_delete (self->practice_store, item->uuid, &local_error))
        g_clear_pointer (&deleted->practice, steady_practice_record_free);
    }

  if (local_error != NULL)
    {
      deleted_free (deleted);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return deleted;
}

/* No question first: the toast's Undo brings it back as it was. */
static void
delete_clicked_cb (GtkButton             *button,
                   SteadySkillHistoryRow *row)
{
  SteadySkillHistoryView *self;
  const SteadyHistoryItem *item = steady_skill_history_row_get_item (row);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  Deleted *deleted;
  AdwToast *toast;

  self = STEADY_SKILL_HISTORY_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (row),
                                                             STEADY_TYPE_SKILL_HISTORY_VIEW));
  deleted = delete_item (self, item, &error);
  if (deleted == NULL)
    {
      show_error (self, error);
      steady_skill_history_view_reload (self);
      return;
    }

  /* Translators: in a toast after a record was deleted from the Skills history; %s is its
   * kind, such as "Thought record". */
  title = g_strdup_printf (_("%s deleted"), steady_skill_history_kind_get_title (item->kind));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "steady-deleted", deleted,
                          (GDestroyNotify)deleted_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);

  /* The row goes, and the rest of the list stays where it was. */
  gtk_list_box_remove (self->list_box, GTK_WIDGET (row));
  if (gtk_widget_get_first_child (GTK_WIDGET (self->list_box)) == NULL)
    steady_skill_history_view_reload (self);
  g_signal_emit (self, signals[SIGNAL_ADD_TOAST], 0, toast);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Building ------------------------------------------------------------------------------ */

static void
more_clicked_cb (GtkButton              *button,
                 SteadySkillHistoryView *self)
{
  load_page (self);
}

static void
edge_reached_cb (GtkScrolledWindow      *scrolled,
                 GtkPositionType         position,
                 SteadySkillHistoryView *self)
{
  if (position == GTK_POS_BOTTOM && gtk_widget_get_visible (self->more_button))
    load_page (self);
}

static void
filter_changed_cb (SteadySkillHistoryView *self)
{
  steady_skill_history_view_reload (self);
}

static const char *
kind_filter_title (int kind)
{
  /* Translators: the history filter's first choice: every kind of record. */
  return kind < 0 ? _("Everything") : steady_skill_history_kind_get_title (kind);
}

/* The filter is history.kind: -1 for everything, else a SteadySkillKind or SteadyHistoryKind,
 * chosen in a menu button rather than a drop-down, whose inner button GTK 4.8 leaves unnamed. */
static void
set_kind_filter (SteadySkillHistoryView *self,
                 int                     kind)
{
  g_autofree char *name = NULL;

  self->kind_filter = kind;
  gtk_menu_button_set_label (self->kind_button, kind_filter_title (kind));
  /* Translators: what a screen reader says for the history's filter; %s is what is shown,
   * such as "Everything" or "Thought record". */
  name = g_strdup_printf (_("Show: %s"), kind_filter_title (kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
kind_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SteadySkillHistoryView *self = STEADY_SKILL_HISTORY_VIEW (widget);
  int kind = g_variant_get_int32 (parameter);

  g_return_if_fail (kind >= -1 && kind < STEADY_N_HISTORY_KINDS);

  set_kind_filter (self, kind);
  steady_skill_history_view_reload (self);
}

static GtkWidget *
make_status_page (const char *icon_name,
                  const char *title,
                  const char *description)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (status), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
  return status;
}

static void
build_search_bar (SteadySkillHistoryView *self)
{
  g_autoptr(GMenu) kinds = g_menu_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_object_set (self->search_entry, "placeholder-text", _("Search"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search your exercises"), -1);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (filter_changed_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));

  for (int kind = -1; kind < STEADY_N_HISTORY_KINDS; kind++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (kind_filter_title (kind), NULL);

      g_menu_item_set_action_and_target_value (item, "history.kind", g_variant_new_int32 (kind));
      g_menu_append_item (kinds, item);
    }
  self->kind_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_menu_model (self->kind_button, G_MENU_MODEL (kinds));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->kind_button), _("Show only one kind"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->kind_button));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_widget_set_parent (clamp, GTK_WIDGET (self));
}

static void
build_list (SteadySkillHistoryView *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list_box), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Skills history"), -1);
  g_signal_connect (self->list_box, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list_box));

  self->more_button = gtk_button_new_with_mnemonic (_("Show _More"));
  gtk_widget_set_halign (self->more_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->more_button, "pill");
  gtk_widget_set_visible (self->more_button, FALSE);
  g_signal_connect (self->more_button, "clicked", G_CALLBACK (more_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), self->more_button);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 24);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  g_signal_connect (scrolled, "edge-reached", G_CALLBACK (edge_reached_cb), self);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack,
                       make_status_page ("document-open-recent-symbolic", _("Nothing here yet"),
                                         _("Your exercises, diary cards, the skills you used "
                                           "and your practice will be listed here, newest "
                                           "first.")),
                       "empty");
  gtk_stack_add_named (self->stack,
                       make_status_page ("edit-find-symbolic", _("Nothing found"),
                                         _("Try other words, or show everything. Only the "
                                           "words of exercises are searched.")),
                       "no-results");
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
}

GtkWidget *
steady_skill_history_view_new (SteadyDatabase *database)
{
  SteadySkillHistoryView *self;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), NULL);

  self = g_object_new (STEADY_TYPE_SKILL_HISTORY_VIEW, NULL);
  self->database = g_object_ref (database);
  self->skill_store = steady_skill_store_new (database);
  self->diary_store = steady_diary_store_new (database);
  self->practice_store = steady_practice_store_new (database);
  return GTK_WIDGET (self);
}

static void
steady_skill_history_view_dispose (GObject *object)
{
  SteadySkillHistoryView *self = STEADY_SKILL_HISTORY_VIEW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->last, steady_history_item_free);
  g_clear_object (&self->skill_store);
  g_clear_object (&self->diary_store);
  g_clear_object (&self->practice_store);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (steady_skill_history_view_parent_class)->dispose (object);
}

static void
steady_skill_history_view_class_init (SteadySkillHistoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_skill_history_view_dispose;

  /* A toast for the page to show (a deletion with Undo, or what went wrong); the handler
   * takes the toast, as adw_toast_overlay_add_toast () does. */
  signals[SIGNAL_ADD_TOAST] = g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, ADW_TYPE_TOAST);
  /* Something was deleted or brought back: what the page shows elsewhere may change. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "history.kind", "i", kind_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "skillhistoryview");
}

static void
steady_skill_history_view_init (SteadySkillHistoryView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  build_search_bar (self);
  build_list (self);
  set_kind_filter (self, -1);
}
