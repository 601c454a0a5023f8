/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-draft-offer-view.c: the "you have unsaved words from … Restore?" bar of the editors
 * that keep drafts, and the draft it offers: read back on Restore, removed on Discard. What a
 * restored draft means is the editor's own business; its actions, named in the .ui, do that. */

#define G_LOG_DOMAIN "steady-draft-offer-view"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-draft-offer-view.h"

struct _SteadyDraftOfferView
{
  GtkWidget         parent_instance;

  /* children */
  GtkRevealer      *revealer;
  GtkLabel         *label;
  GtkButton        *discard_button;
  GtkButton        *restore_button;

  /* owned */
  SteadyDraftStore *drafts;
  char             *kind;
  char             *key;       /* the draft offered, or NULL */
};

G_DEFINE_FINAL_TYPE (SteadyDraftOfferView, steady_draft_offer_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_RESTORE_ACTION_NAME,
  PROP_DISCARD_ACTION_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * steady_draft_offer_view_set_drafts:
 * @kind: the drafts' kind in @drafts, e.g. %STEADY_MOOD_ENTRY_DRAFT_KIND
 *
 * Where the drafts this bar offers are kept. Call it before offering one.
 */
void
steady_draft_offer_view_set_drafts (SteadyDraftOfferView *self,
                                    SteadyDraftStore     *drafts,
                                    const char           *kind)
{
  g_return_if_fail (STEADY_IS_DRAFT_OFFER_VIEW (self));
  g_return_if_fail (STEADY_IS_DRAFT_STORE (drafts));
  g_return_if_fail (kind != NULL);

  g_set_object (&self->drafts, drafts);
  g_free (self->kind);
  self->kind = g_strdup (kind);
}

/**
 * steady_draft_offer_view_format_time:
 * @updated_us: when a draft was last kept, in UTC microseconds
 *
 * Returns: (transfer full): that time as the bar says it, e.g. "22 November at 18:05"
 */
char *
steady_draft_offer_view_format_time (gint64 updated_us)
{
  g_autoptr(GDateTime) saved = g_date_time_new_from_unix_local (updated_us / G_USEC_PER_SEC);

  /* Translators: how the time of a draft is shown; see g_date_time_format(). */
  return saved != NULL ? g_date_time_format (saved, _("%-d %B at %H:%M")) : g_strdup ("");
}

/**
 * steady_draft_offer_view_offer:
 * @key: the draft's key
 * @text: what the bar says, e.g. "You have an unsaved check-in from … Restore it?"
 *
 * Shows the bar, offering the draft @key back.
 */
void
steady_draft_offer_view_offer (SteadyDraftOfferView *self,
                               const char           *key,
                               const char           *text)
{
  g_return_if_fail (STEADY_IS_DRAFT_OFFER_VIEW (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (text != NULL);

  g_free (self->key);
  self->key = g_strdup (key);
  gtk_label_set_text (self->label, text);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

/**
 * steady_draft_offer_view_withdraw:
 *
 * Takes the offer back, leaving the draft where it is: once the person types over it or
 * saves, offering it still would be a false promise, and a draft that is the exercise itself
 * must not be discarded from here.
 */
void
steady_draft_offer_view_withdraw (SteadyDraftOfferView *self)
{
  g_return_if_fail (STEADY_IS_DRAFT_OFFER_VIEW (self));

  g_clear_pointer (&self->key, g_free);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

gboolean
steady_draft_offer_view_get_offered (SteadyDraftOfferView *self)
{
  g_return_val_if_fail (STEADY_IS_DRAFT_OFFER_VIEW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

/**
 * steady_draft_offer_view_get_key:
 *
 * Returns: (nullable): the key of the draft offered last, or %NULL if none (or no longer)
 */
const char *
steady_draft_offer_view_get_key (SteadyDraftOfferView *self)
{
  g_return_val_if_fail (STEADY_IS_DRAFT_OFFER_VIEW (self), NULL);

  return self->key;
}

/**
 * steady_draft_offer_view_restore:
 *
 * Reads the draft offered and hides the bar; the draft stays kept until the editor saves.
 * Nothing offered: %NULL without an error. Not readable: %NULL with @error set, and the bar
 * stays.
 *
 * Returns: (transfer full) (nullable): the draft's payload, for the editor to fill its form
 */
char *
steady_draft_offer_view_restore (SteadyDraftOfferView  *self,
                                 GError               **error)
{
  char *payload;

  g_return_val_if_fail (STEADY_IS_DRAFT_OFFER_VIEW (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->key == NULL || self->drafts == NULL)
    return NULL;
  payload = steady_draft_store_load (self->drafts, self->kind, self->key, NULL, error);
  if (payload != NULL)
    gtk_revealer_set_reveal_child (self->revealer, FALSE);
  return payload;
}

/**
 * steady_draft_offer_view_discard:
 *
 * Removes the draft offered, its words overwritten on disk, and hides the bar.
 *
 * Returns: whether the removal was saved (%TRUE when nothing was offered)
 */
gboolean
steady_draft_offer_view_discard (SteadyDraftOfferView  *self,
                                 GError               **error)
{
  gboolean removed = TRUE;

  g_return_val_if_fail (STEADY_IS_DRAFT_OFFER_VIEW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->key != NULL && self->drafts != NULL)
    removed = steady_draft_store_delete (self->drafts, self->kind, self->key, error);
  g_clear_pointer (&self->key, g_free);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  return removed;
}

static void
steady_draft_offer_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SteadyDraftOfferView *self = STEADY_DRAFT_OFFER_VIEW (object);

  switch (prop_id)
    {
    case PROP_RESTORE_ACTION_NAME:
      g_value_set_string (value, gtk_actionable_get_action_name (GTK_ACTIONABLE (
                                                                   self->restore_button)));
      break;
    case PROP_DISCARD_ACTION_NAME:
      g_value_set_string (value, gtk_actionable_get_action_name (GTK_ACTIONABLE (
                                                                   self->discard_button)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_draft_offer_view_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SteadyDraftOfferView *self = STEADY_DRAFT_OFFER_VIEW (object);

  switch (prop_id)
    {
    case PROP_RESTORE_ACTION_NAME:
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->restore_button),
                                      g_value_get_string (value));
      break;
    case PROP_DISCARD_ACTION_NAME:
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->discard_button),
                                      g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_draft_offer_view_dispose (GObject *object)
{
  SteadyDraftOfferView *self = STEADY_DRAFT_OFFER_VIEW (object);

  g_clear_pointer ((GtkWidget **)&self->revealer, gtk_widget_unparent);
  g_clear_object (&self->drafts);

  G_OBJECT_CLASS (steady_draft_offer_view_parent_class)->dispose (object);
}

static void
steady_draft_offer_view_finalize (GObject *object)
{
  SteadyDraftOfferView *self = STEADY_DRAFT_OFFER_VIEW (object);

  g_free (self->kind);
  g_free (self->key);

  G_OBJECT_CLASS (steady_draft_offer_view_parent_class)->finalize (object);
}

static void
steady_draft_offer_view_class_init (SteadyDraftOfferViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = steady_draft_offer_view_get_property;
  object_class->set_property = steady_draft_offer_view_set_property;
  object_class->dispose = steady_draft_offer_view_dispose;
  object_class->finalize = steady_draft_offer_view_finalize;

  /* The editor's own actions, which restore or discard through this view. */
  properties[PROP_RESTORE_ACTION_NAME] =
    g_param_spec_string ("restore-action-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISCARD_ACTION_NAME] =
    g_param_spec_string ("discard-action-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "draftofferview");
}

static void
steady_draft_offer_view_init (SteadyDraftOfferView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_add_css_class (box, "steady-draft-bar");

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));

  self->discard_button = GTK_BUTTON (gtk_button_new_with_label (_("Discard")));
  gtk_widget_set_valign (GTK_WIDGET (self->discard_button), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->discard_button));

  self->restore_button = GTK_BUTTON (gtk_button_new_with_label (_("Restore")));
  gtk_widget_set_valign (GTK_WIDGET (self->restore_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->restore_button), "suggested-action");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->restore_button));

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->revealer, box);
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));
}
