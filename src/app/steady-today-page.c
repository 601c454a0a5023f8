/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-today-page.c: the Today page. One click on a mood opens the check-in with that
 * mood picked and Save as the default, so a check-in takes two clicks. The last check-in
 * and the next session come in just after the page is first drawn, so that the window
 * appears sooner. */

#define G_LOG_DOMAIN "steady-today-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "steady-entry-editor.h"
#include "steady-entry-row.h"
#include "steady-first-frame.h"
#include "steady-mood-chart.h"
#include "steady-today-page.h"

struct _SteadyTodayPage
{
  GtkWidget           parent_instance;

  /* template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkImage           *greeting_icon;
  GtkLabel           *greeting_label;
  GtkBox             *mood_box;
  GtkListBox         *last_list;
  GtkStack           *last_stack;
  SteadyEntryRow     *last_entry_row;
  GtkBox             *next_session_slot;
  GtkWidget          *next_session_placeholder;
  GtkWidget          *practice_box;
  GtkWidget          *breathing_button;
  GtkWidget          *mindfulness_button;
  GtkWidget          *practice_placeholder;

  /* owned */
  SteadyJournalStore *store;
  SteadyMoodEntry    *last_entry;
  GtkWidget          *pending_next_session; /* until loaded */

  gboolean            loaded;               /* the last check-in and next session are in */
  gboolean            load_scheduled;
};

G_DEFINE_FINAL_TYPE (SteadyTodayPage, steady_today_page, GTK_TYPE_WIDGET)

/* The greeting follows the time of day. At night it says a plain hello: "good night" would
 * sound like a goodbye to someone who opened the app because they cannot sleep. */
void
steady_today_page_update_greeting (SteadyTodayPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int hour = g_date_time_get_hour (now);
  const char *title;
  const char *icon_name;

  g_return_if_fail (STEADY_IS_TODAY_PAGE (self));

  if (hour >= 5 && hour < 12)
    {
      title = _("Good Morning");
      icon_name = "daytime-sunrise-symbolic";
    }
  else if (hour >= 12 && hour < 18)
    {
      title = _("Good Afternoon");
      icon_name = "weather-clear-symbolic";
    }
  else if (hour >= 18 && hour < 22)
    {
      title = _("Good Evening");
      icon_name = "daytime-sunset-symbolic";
    }
  else
    {
      /* Translators: the greeting on the Today page late at night. */
      title = _("Hello");
      icon_name = "weather-clear-night-symbolic";
    }
  gtk_label_set_text (self->greeting_label, title);
  gtk_image_set_from_icon_name (self->greeting_icon, icon_name);
}

const char *
steady_today_page_get_greeting (SteadyTodayPage *self)
{
  g_return_val_if_fail (STEADY_IS_TODAY_PAGE (self), NULL);

  return gtk_label_get_text (self->greeting_label);
}

/**
 * steady_today_page_set_next_session_widget:
 * @widget: (nullable): what shows the next session, or %NULL for the empty state
 *
 * Puts the calendar's "next session" widget in its place on the page.
 */
static void
put_next_session_widget (SteadyTodayPage *self,
                         GtkWidget       *widget)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->next_session_slot));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != self->next_session_placeholder)
        gtk_box_remove (self->next_session_slot, child);
      child = next;
    }
  gtk_widget_set_visible (self->next_session_placeholder, widget == NULL);
  if (widget != NULL)
    gtk_box_append (self->next_session_slot, widget);
}

/**
 * steady_today_page_set_next_session_widget:
 * @widget: (nullable): what shows the next session, or %NULL for the empty state
 *
 * Puts the calendar's "next session" widget in its place on the page; before the page
 * has been drawn once, it waits for that (a widget that reads the database when shown
 * would delay the window).
 */
void
steady_today_page_set_next_session_widget (SteadyTodayPage *self,
                                           GtkWidget       *widget)
{
  g_return_if_fail (STEADY_IS_TODAY_PAGE (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  if (self->loaded)
    {
      put_next_session_widget (self, widget);
      return;
    }
  if (widget != NULL)
    g_object_ref_sink (widget);
  g_clear_object (&self->pending_next_session);
  self->pending_next_session = widget;
  gtk_widget_set_visible (self->next_session_placeholder, FALSE);
}

/* Whether the last check-in and the next session are shown (see load_late_parts ()). */
gboolean
steady_today_page_get_loaded (SteadyTodayPage *self)
{
  g_return_val_if_fail (STEADY_IS_TODAY_PAGE (self), FALSE);

  return self->loaded;
}

/* The skill buttons show only when the application has the actions they start. */
void
steady_today_page_update_practice (SteadyTodayPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gboolean breathing = FALSE;
  gboolean mindfulness = FALSE;

  g_return_if_fail (STEADY_IS_TODAY_PAGE (self));

  /* The practice timers hang off the main window ("win." actions). */
  if (G_IS_ACTION_GROUP (root))
    {
      breathing = g_action_group_has_action (G_ACTION_GROUP (root), "start-breathing");
      mindfulness = g_action_group_has_action (G_ACTION_GROUP (root), "start-mindfulness");
    }
  gtk_widget_set_visible (self->breathing_button, breathing);
  gtk_widget_set_visible (self->mindfulness_button, mindfulness);
  gtk_widget_set_visible (self->practice_box, breathing || mindfulness);
  gtk_widget_set_visible (self->practice_placeholder, !breathing && !mindfulness);
}

static void
update_last_entry (SteadyTodayPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) newest = steady_journal_store_list_at (self->store, 0, 1, &error);

  g_clear_object (&self->last_entry);
  if (newest != NULL && newest->len > 0)
    self->last_entry = g_object_ref (g_ptr_array_index (newest, 0));

  if (self->last_entry != NULL)
    {
      SteadyDaySummary day = { steady_mood_entry_get_local_day (self->last_entry), 1,
                               steady_mood_entry_get_mood (self->last_entry),
                               steady_mood_entry_get_mood (self->last_entry),
                               steady_mood_entry_get_mood (self->last_entry) };

      steady_entry_row_set_entry (self->last_entry_row, self->last_entry, NULL);
      steady_entry_row_set_day_heading (self->last_entry_row, &day);
      gtk_stack_set_visible_child_name (self->last_stack, "entry");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->last_stack, "none");
    }
  gtk_list_box_row_set_activatable (gtk_list_box_get_row_at_index (self->last_list, 0),
                                    self->last_entry != NULL);
}

/* Reading the last check-in and the next session's occurrences, and laying out and
 * drawing them, were much of what the Today page added to the time to the first frame;
 * they wait until just after it. */
static void
load_late_parts (GtkWidget *widget,
                 gpointer   user_data)
{
  SteadyTodayPage *self = STEADY_TODAY_PAGE (widget);
  g_autoptr(GtkWidget) next_session = g_steal_pointer (&self->pending_next_session);

  if (self->loaded)
    return;
  self->loaded = TRUE;
  update_last_entry (self);
  put_next_session_widget (self, next_session);
}

/* Editing ------------------------------------------------------------------------------- */

static void
undo_clicked_cb (AdwToast        *toast,
                 SteadyTodayPage *self)
{
  g_autoptr(GError) error = NULL;
  SteadyMoodEntry *deleted = g_object_get_data (G_OBJECT (toast), "steady-deleted-entry");

  if (deleted != NULL && !steady_journal_store_restore (self->store, deleted, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
editor_deleted_cb (SteadyEntryEditor *editor,
                   SteadyMoodEntry   *deleted,
                   SteadyTodayPage   *self)
{
  AdwToast *toast = adw_toast_new (_("Check-in deleted"));

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "steady-deleted-entry", g_object_ref (deleted),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
editor_saved_cb (SteadyEntryEditor *editor,
                 SteadyMoodEntry   *entry,
                 SteadyTodayPage   *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Check-in saved")));
}

static GtkWidget *
open_editor (SteadyTodayPage *self,
             SteadyMoodEntry *entry,
             int              mood)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SteadyEntryEditor *editor;

  editor = steady_entry_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    self->store, entry, mood);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (editor_deleted_cb), self, 0);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WIDGET (editor);
}

/**
 * steady_today_page_check_in:
 * @mood: the mood picked, 1–5
 *
 * Opens the check-in with @mood picked, as a click on a mood button does.
 *
 * Returns: (transfer none): the editor
 */
GtkWidget *
steady_today_page_check_in (SteadyTodayPage *self,
                            int              mood)
{
  g_return_val_if_fail (STEADY_IS_TODAY_PAGE (self), NULL);
  g_return_val_if_fail (mood >= STEADY_MOOD_MIN && mood <= STEADY_MOOD_MAX, NULL);

  return open_editor (self, NULL, mood);
}

static void
mood_clicked_cb (GtkButton       *button,
                 SteadyTodayPage *self)
{
  steady_today_page_check_in (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button),
                                                                        "mood")));
}

static void
last_row_activated_cb (GtkListBox      *list,
                       GtkListBoxRow   *row,
                       SteadyTodayPage *self)
{
  if (self->last_entry != NULL)
    open_editor (self, self->last_entry, STEADY_MOOD_NONE);
}

static void
build_mood_buttons (SteadyTodayPage *self)
{
  for (int mood = STEADY_MOOD_MIN; mood <= STEADY_MOOD_MAX; mood++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name (steady_mood_icon_name (mood));
      GtkWidget *label = gtk_label_new (steady_mood_word (mood));
      /* Translators: the accessible name of a mood button, e.g. "Mood: very low". */
      g_autofree char *name = g_strdup_printf (_("Mood: %s"), steady_mood_word (mood));

      /* A size the icon theme has drawn (48 px): at sizes in between, GTK loads the SVG
       * and with it the SVG loader, which alone cost start-up about a tenth. */
      gtk_image_set_pixel_size (GTK_IMAGE (icon), 48);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "steady-mood-button");
      gtk_widget_add_css_class (button, "card");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      g_object_set_data (G_OBJECT (button), "mood", GINT_TO_POINTER (mood));
      g_signal_connect_object (button, "clicked", G_CALLBACK (mood_clicked_cb), self, 0);
      gtk_box_append (self->mood_box, button);
    }
}

GtkWidget *
steady_today_page_new (SteadyJournalStore *store)
{
  SteadyTodayPage *self;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (store), NULL);

  self = g_object_new (STEADY_TYPE_TODAY_PAGE, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "entry-added", G_CALLBACK (update_last_entry), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "entry-updated", G_CALLBACK (update_last_entry), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "entry-removed", G_CALLBACK (update_last_entry), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "entries-reset", G_CALLBACK (update_last_entry), self,
                           G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

static void
steady_today_page_map (GtkWidget *widget)
{
  SteadyTodayPage *self = STEADY_TODAY_PAGE (widget);

  GTK_WIDGET_CLASS (steady_today_page_parent_class)->map (widget);

  if (!self->loaded && !self->load_scheduled)
    {
      self->load_scheduled = TRUE;
      steady_first_frame_run_after (widget, load_late_parts, NULL);
    }

  steady_today_page_update_practice (STEADY_TODAY_PAGE (widget));
  steady_today_page_update_greeting (STEADY_TODAY_PAGE (widget));
}

static void
steady_today_page_dispose (GObject *object)
{
  SteadyTodayPage *self = STEADY_TODAY_PAGE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->last_entry);
  g_clear_object (&self->pending_next_session);

  G_OBJECT_CLASS (steady_today_page_parent_class)->dispose (object);
}

static void
steady_today_page_class_init (SteadyTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_today_page_dispose;
  widget_class->map = steady_today_page_map;

  g_type_ensure (STEADY_TYPE_ENTRY_ROW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steady-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyTodayPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SteadyTodayPage, greeting_icon);
  gtk_widget_class_bind_template_child (widget_class, SteadyTodayPage, greeting_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyTodayPage, mood_box);
  gtk_widget_class_bind_template_child (widget_class, SteadyTodayPage, last_list);
  gtk_widget_class_bind_template_child (widget_class, SteadyTodayPage, last_stack);
  gtk_widget_class_bind_template_child (widget_class, SteadyTodayPage, last_entry_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyTodayPage, next_session_slot);
  gtk_widget_class_bind_template_child (widget_class, SteadyTodayPage, next_session_placeholder);
  gtk_widget_class_bind_template_child (widget_class, SteadyTodayPage, practice_box);
  gtk_widget_class_bind_template_child (widget_class, SteadyTodayPage, breathing_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyTodayPage, mindfulness_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyTodayPage, practice_placeholder);
}

static void
steady_today_page_init (SteadyTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  build_mood_buttons (self);
  steady_entry_row_set_framed (self->last_entry_row, FALSE);
  steady_entry_row_set_show_menu (self->last_entry_row, FALSE);
  g_signal_connect (self->last_list, "row-activated", G_CALLBACK (last_row_activated_cb), self);
  steady_today_page_update_greeting (self);
  steady_today_page_update_practice (self);
}
