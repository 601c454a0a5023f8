/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-diary-targets-dialog.c: edits the rows of the diary card. Each row is an entry row
 * renamed in place; a row taken off the card keeps what earlier cards say about it, and
 * comes back with Undo or by adding its name again. */

#define G_LOG_DOMAIN "steady-diary-targets-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-diary-targets-dialog.h"

struct _SteadyDiaryTargetsDialog
{
  AdwWindow            parent_instance;

  /* owned widgets */
  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *groups[2];     /* by SteadyDiaryTargetKind */
  GPtrArray           *rows;          /* the widgets added to the groups, unowned */

  /* owned */
  SteadyDiaryStore    *store;
};

G_DEFINE_FINAL_TYPE (SteadyDiaryTargetsDialog, steady_diary_targets_dialog, ADW_TYPE_WINDOW)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (SteadyDiaryTargetsDialog *self);

/* Toast titles are markup in libadwaita 1.2; names are the person's own words. */
static AdwToast *
new_plain_toast (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

static void
show_error (SteadyDiaryTargetsDialog *self,
            const GError             *error)
{
  AdwToast *toast = new_plain_toast (error->message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
changed (SteadyDiaryTargetsDialog *self)
{
  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
steady_diary_targets_dialog_add (SteadyDiaryTargetsDialog *self,
                                 SteadyDiaryTargetKind     kind,
                                 const char               *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDiaryTarget) target = NULL;

  g_return_val_if_fail (STEADY_IS_DIARY_TARGETS_DIALOG (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  target = steady_diary_store_add_target (self->store, kind, name, &error);
  if (target == NULL)
    {
      show_error (self, error);
      return FALSE;
    }
  changed (self);
  return TRUE;
}

gboolean
steady_diary_targets_dialog_rename (SteadyDiaryTargetsDialog *self,
                                    const char               *uuid,
                                    const char               *name)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (STEADY_IS_DIARY_TARGETS_DIALOG (self), FALSE);
  g_return_val_if_fail (uuid != NULL && name != NULL, FALSE);

  if (!steady_diary_store_rename_target (self->store, uuid, name, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  changed (self);
  return TRUE;
}

static void
undo_archive_cb (AdwToast                 *toast,
                 SteadyDiaryTargetsDialog *self)
{
  SteadyDiaryTargetKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toast),
                                                                   "steady-kind"));
  const char *name = g_object_get_data (G_OBJECT (toast), "steady-name");

  steady_diary_targets_dialog_add (self, kind, name);
}

gboolean
steady_diary_targets_dialog_archive (SteadyDiaryTargetsDialog *self,
                                     const char               *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  SteadyDiaryTarget *target = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (STEADY_IS_DIARY_TARGETS_DIALOG (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  targets = steady_diary_store_list_targets (self->store, FALSE, &error);
  for (guint i = 0; targets != NULL && i < targets->len; i++)
    if (g_strcmp0 (((SteadyDiaryTarget *)g_ptr_array_index (targets, i))->uuid, uuid) == 0)
      target = g_ptr_array_index (targets, i);
  if (target == NULL || !steady_diary_store_archive_target (self->store, uuid, &error))
    {
      if (error != NULL)
        show_error (self, error);
      return FALSE;
    }

  /* Translators: a toast after a row was taken off the diary card; %s is its name. */
  title = g_strdup_printf (_("“%s” taken off the card"), target->name);
  toast = new_plain_toast (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "steady-kind", GINT_TO_POINTER (target->kind));
  g_object_set_data_full (G_OBJECT (toast), "steady-name", g_strdup (target->name), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_archive_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  changed (self);
  return TRUE;
}

static void
rename_applied_cb (AdwEntryRow              *row,
                   SteadyDiaryTargetsDialog *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (row), "steady-uuid");
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  steady_diary_targets_dialog_rename (self, uuid, name);
}

static void
archive_clicked_cb (GtkButton                *button,
                    SteadyDiaryTargetsDialog *self)
{
  g_autofree char *uuid = g_strdup (g_object_get_data (G_OBJECT (button), "steady-uuid"));

  steady_diary_targets_dialog_archive (self, uuid);
}

static void
add_applied_cb (AdwEntryRow              *row,
                SteadyDiaryTargetsDialog *self)
{
  SteadyDiaryTargetKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row),
                                                                   "steady-kind"));
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  if (g_strstrip (name)[0] == '\0')
    return;
  steady_diary_targets_dialog_add (self, kind, name);
}

static void
add_row (SteadyDiaryTargetsDialog *self,
         AdwPreferencesGroup      *group,
         GtkWidget                *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
add_target_row (SteadyDiaryTargetsDialog *self,
                const SteadyDiaryTarget  *target)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *archive = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *archive_name = g_strdup_printf (_("Take “%s” off the card"), target->name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (row), target->name);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "steady-uuid", g_strdup (target->uuid), g_free);
  g_signal_connect (row, "apply", G_CALLBACK (rename_applied_cb), self);

  gtk_widget_add_css_class (archive, "flat");
  gtk_widget_set_valign (archive, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (archive, _("Take Off the Card"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (archive), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  archive_name, -1);
  g_object_set_data_full (G_OBJECT (archive), "steady-uuid", g_strdup (target->uuid), g_free);
  g_signal_connect (archive, "clicked", G_CALLBACK (archive_clicked_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), archive);

  add_row (self, self->groups[target->kind], row);
}

static void
add_new_row (SteadyDiaryTargetsDialog *self,
             SteadyDiaryTargetKind     kind)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 kind == STEADY_DIARY_TARGET_URGE ? _("Add an urge")
                                                                  : _("Add an emotion"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "steady-kind", GINT_TO_POINTER (kind));
  g_signal_connect (row, "apply", G_CALLBACK (add_applied_cb), self);
  g_signal_connect (row, "entry-activated", G_CALLBACK (add_applied_cb), self);
  add_row (self, self->groups[kind], row);
}

static void
rebuild (SteadyDiaryTargetsDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (
        gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)), row);
    }
  g_ptr_array_set_size (self->rows, 0);

  targets = steady_diary_store_list_targets (self->store, FALSE, &error);
  if (targets == NULL)
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < targets->len; i++)
    add_target_row (self, g_ptr_array_index (targets, i));
  add_new_row (self, STEADY_DIARY_TARGET_EMOTION);
  add_new_row (self, STEADY_DIARY_TARGET_URGE);
}

static void
steady_diary_targets_dialog_dispose (GObject *object)
{
  SteadyDiaryTargetsDialog *self = STEADY_DIARY_TARGETS_DIALOG (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (steady_diary_targets_dialog_parent_class)->dispose (object);
}

static void
steady_diary_targets_dialog_class_init (SteadyDiaryTargetsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_diary_targets_dialog_dispose;

  /* A row was added, renamed or taken off the card. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steady_diary_targets_dialog_init (SteadyDiaryTargetsDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *groups = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  self->rows = g_ptr_array_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Rows of the Diary Card"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 600);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 360);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_set_margin_top (groups, 18);
  gtk_widget_set_margin_bottom (groups, 24);
  gtk_widget_set_margin_start (groups, 12);
  gtk_widget_set_margin_end (groups, 12);

  for (int kind = STEADY_DIARY_TARGET_EMOTION; kind <= STEADY_DIARY_TARGET_URGE; kind++)
    {
      self->groups[kind] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      gtk_box_append (GTK_BOX (groups), GTK_WIDGET (self->groups[kind]));
    }
  adw_preferences_group_set_title (self->groups[STEADY_DIARY_TARGET_EMOTION], _("Emotions"));
  adw_preferences_group_set_description (self->groups[STEADY_DIARY_TARGET_EMOTION],
    _("Name them in your own words. Taking a row off the card keeps what earlier cards say."));
  adw_preferences_group_set_title (self->groups[STEADY_DIARY_TARGET_URGE], _("Urges"));
  adw_preferences_group_set_description (self->groups[STEADY_DIARY_TARGET_URGE],
    _("Urges you want to notice, such as self-harm or substance use."));

  adw_clamp_set_child (ADW_CLAMP (clamp), groups);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_box_append (GTK_BOX (box), scroller);
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toast_overlay));
}

GtkWidget *
steady_diary_targets_dialog_new (GtkWindow        *parent,
                                 SteadyDiaryStore *store)
{
  SteadyDiaryTargetsDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEADY_IS_DIARY_STORE (store), NULL);

  self = g_object_new (STEADY_TYPE_DIARY_TARGETS_DIALOG, "transient-for", parent,
                       "modal", TRUE, "destroy-with-parent", TRUE, NULL);
  self->store = g_object_ref (store);
  rebuild (self);
  return GTK_WIDGET (self);
}
