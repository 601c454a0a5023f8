/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-draft-offer-view.h: the bar an editor shows when it has unsaved words from before
 * ("… Restore?" with Discard and Restore), shared by the check-in editor, the exercise editor
 * and the diary card. */

#pragma once

#include <gtk/gtk.h>

#include "steady-draft-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_DRAFT_OFFER_VIEW (steady_draft_offer_view_get_type ())
G_DECLARE_FINAL_TYPE (SteadyDraftOfferView, steady_draft_offer_view, STEADY, DRAFT_OFFER_VIEW,
                      GtkWidget)

void        steady_draft_offer_view_set_drafts  (SteadyDraftOfferView  *self,
                                                 SteadyDraftStore      *drafts,
                                                 const char            *kind);
char       *steady_draft_offer_view_format_time (gint64                 updated_us);
void        steady_draft_offer_view_offer       (SteadyDraftOfferView  *self,
                                                 const char            *key,
                                                 const char            *text);
void        steady_draft_offer_view_withdraw    (SteadyDraftOfferView  *self);
gboolean    steady_draft_offer_view_get_offered (SteadyDraftOfferView  *self);
const char *steady_draft_offer_view_get_key     (SteadyDraftOfferView  *self);
char       *steady_draft_offer_view_restore     (SteadyDraftOfferView  *self,
                                                 GError               **error);
gboolean    steady_draft_offer_view_discard     (SteadyDraftOfferView  *self,
                                                 GError               **error);

G_END_DECLS
