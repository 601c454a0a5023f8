/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-terms-page.c: the "Tags and Emotions" page of Preferences. The user adds their own
 * words, renames any, and merges two into one after saying yes to what that does. */

#define G_LOG_DOMAIN "steady-terms-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-terms-page.h"

struct _SteadyTermsPage
{
  AdwPreferencesPage   parent_instance;

  /* owned */
  SteadyJournalStore  *store;

  /* unowned: the page's groups */
  AdwPreferencesGroup *groups[STEADY_JOURNAL_TERM_TAG + 1];
  GPtrArray           *rows[STEADY_JOURNAL_TERM_TAG + 1];
};

G_DEFINE_FINAL_TYPE (SteadyTermsPage, steady_terms_page, ADW_TYPE_PREFERENCES_PAGE)

static void fill_group (SteadyTermsPage *self, SteadyJournalTermKind kind);

static void
show_error (SteadyTermsPage *self,
            const char      *heading,
            const GError    *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWindow *
parent_window (SteadyTermsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Renaming -------------------------------------------------------------------------------- */

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SteadyTermsPage  *self)
{
  g_autoptr(GError) error = NULL;
  SteadyJournalTerm *term = g_object_get_data (G_OBJECT (dialog), "term");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  if (g_strcmp0 (response, "rename") != 0)
    return;
  if (!steady_journal_store_rename_term (self->store, steady_journal_term_get_kind (term),
                                         steady_journal_term_get_uuid (term),
                                         gtk_editable_get_text (entry), &error))
    show_error (self, _("The name could not be changed"), error);
}

static void
rename_clicked_cb (GtkButton       *button,
                   SteadyTermsPage *self)
{
  SteadyJournalTerm *term = g_object_get_data (G_OBJECT (button), "term");
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = adw_message_dialog_new (parent_window (self), _("Rename"), NULL);
  /* Translators: %s is the emotion's or activity's current name. */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("A new name for “%s”"),
                                  steady_journal_term_get_name (term));
  gtk_editable_set_text (GTK_EDITABLE (entry), steady_journal_term_get_name (term));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "term", g_object_ref (term), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Merging ---------------------------------------------------------------------------------- */

static void
merge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   SteadyTermsPage  *self)
{
  g_autoptr(GError) error = NULL;
  SteadyJournalTerm *term = g_object_get_data (G_OBJECT (dialog), "term");
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "dropdown");
  GPtrArray *others = g_object_get_data (G_OBJECT (dialog), "others");
  guint selected = gtk_drop_down_get_selected (dropdown);
  SteadyJournalTerm *into;

  if (g_strcmp0 (response, "merge") != 0 || selected >= others->len)
    return;
  into = g_ptr_array_index (others, selected);
  if (!steady_journal_store_merge_terms (self->store, steady_journal_term_get_kind (term),
                                         steady_journal_term_get_uuid (term),
                                         steady_journal_term_get_uuid (into), &error))
    show_error (self, _("The two could not be merged"), error);
}

static void
merge_clicked_cb (GtkButton       *button,
                  SteadyTermsPage *self)
{
  SteadyJournalTerm *term = g_object_get_data (G_OBJECT (button), "term");
  SteadyJournalTermKind kind = steady_journal_term_get_kind (term);
  g_autoptr(GPtrArray) all = steady_journal_store_list_terms (self->store, kind, NULL);
  GPtrArray *others = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *dialog;
  GtkWidget *dropdown;

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      SteadyJournalTerm *other = g_ptr_array_index (all, i);

      if (g_strcmp0 (steady_journal_term_get_uuid (other), steady_journal_term_get_uuid (term)))
        {
          g_ptr_array_add (others, g_object_ref (other));
          gtk_string_list_append (names, steady_journal_term_get_name (other));
        }
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Merge into"), -1);

  dialog = adw_message_dialog_new (parent_window (self), NULL, NULL);
  /* Translators: %s is the emotion's or activity's name. */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Merge “%s”?"),
                                     steady_journal_term_get_name (term));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Every check-in with “%s” will have the one you choose "
                                    "instead, and “%s” will be gone. This cannot be undone."),
                                  steady_journal_term_get_name (term),
                                  steady_journal_term_get_name (term));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), dropdown);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "term", g_object_ref (term), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "dropdown", dropdown);
  g_object_set_data_full (G_OBJECT (dialog), "others", others,
                          (GDestroyNotify)g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (merge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Adding ------------------------------------------------------------------------------------ */

static void
add_apply_cb (AdwEntryRow     *row,
              SteadyTermsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournalTerm) term = NULL;
  SteadyJournalTermKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind"));

  term = steady_journal_store_add_term (self->store, kind,
                                        gtk_editable_get_text (GTK_EDITABLE (row)), &error);
  if (term == NULL)
    {
      show_error (self, _("The name could not be added"), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

/* The lists --------------------------------------------------------------------------------- */

static GtkWidget *
make_button (SteadyTermsPage   *self,
             SteadyJournalTerm *term,
             const char        *label,
             char              *accessible,
             GCallback          callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  g_free (accessible);
  g_object_set_data_full (G_OBJECT (button), "term", g_object_ref (term), g_object_unref);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static void
fill_group (SteadyTermsPage       *self,
            SteadyJournalTermKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) terms = steady_journal_store_list_terms (self->store, kind, &error);
  GPtrArray *rows = self->rows[kind];

  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (self->groups[kind], g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
  if (terms == NULL)
    return;

  for (guint i = 0; i < terms->len; i++)
    {
      SteadyJournalTerm *term = g_ptr_array_index (terms, i);
      GtkWidget *row = adw_action_row_new ();
      guint n = steady_journal_term_get_n_entries (term);
      g_autofree char *used = NULL;

      /* Translators: how many check-ins name an emotion or activity. */
      used = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %u check-in", "In %u check-ins",
                                           n), n);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     steady_journal_term_get_name (term));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), used);
      /* Translators: the accessible name of a button; %s is an emotion or activity. */
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 make_button (self, term, _("_Rename"),
                                              g_strdup_printf (_("Rename %s"),
                                                               steady_journal_term_get_name (term)),
                                              G_CALLBACK (rename_clicked_cb)));
      /* Translators: the accessible name of a button; %s is an emotion or activity. */
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 make_button (self, term, _("_Merge…"),
                                              g_strdup_printf (_("Merge %s"),
                                                               steady_journal_term_get_name (term)),
                                              G_CALLBACK (merge_clicked_cb)));
      adw_preferences_group_add (self->groups[kind], row);
      g_ptr_array_add (rows, row);
    }
}

static void
terms_changed_cb (SteadyJournalStore    *store,
                  SteadyJournalTermKind  kind,
                  SteadyTermsPage       *self)
{
  fill_group (self, kind);
}

static AdwPreferencesGroup *
make_group (SteadyTermsPage       *self,
            SteadyJournalTermKind  kind,
            const char            *title,
            const char            *add_title)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = adw_entry_row_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), add_title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add), TRUE);
  g_object_set_data (G_OBJECT (add), "kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (add, "apply", G_CALLBACK (add_apply_cb), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

GtkWidget *
steady_terms_page_new (SteadyJournalStore *store)
{
  SteadyTermsPage *self;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (store), NULL);

  self = g_object_new (STEADY_TYPE_TERMS_PAGE,
                       "title", _("Tags and Emotions"),
                       "icon-name", "bookmark-new-symbolic",
                       NULL);
  self->store = g_object_ref (store);
  self->groups[STEADY_JOURNAL_TERM_EMOTION] =
    make_group (self, STEADY_JOURNAL_TERM_EMOTION, _("Emotions"), _("Add an Emotion"));
  self->groups[STEADY_JOURNAL_TERM_TAG] =
    make_group (self, STEADY_JOURNAL_TERM_TAG, _("Activities"), _("Add an Activity"));
  fill_group (self, STEADY_JOURNAL_TERM_EMOTION);
  fill_group (self, STEADY_JOURNAL_TERM_TAG);
  g_signal_connect_object (store, "terms-changed", G_CALLBACK (terms_changed_cb), self, 0);
  return GTK_WIDGET (self);
}

static void
steady_terms_page_finalize (GObject *object)
{
  SteadyTermsPage *self = STEADY_TERMS_PAGE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->rows[0], g_ptr_array_unref);
  g_clear_pointer (&self->rows[1], g_ptr_array_unref);

  G_OBJECT_CLASS (steady_terms_page_parent_class)->finalize (object);
}

static void
steady_terms_page_class_init (SteadyTermsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steady_terms_page_finalize;
}

static void
steady_terms_page_init (SteadyTermsPage *self)
{
  self->rows[0] = g_ptr_array_new ();
  self->rows[1] = g_ptr_array_new ();
}
