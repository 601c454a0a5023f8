/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-terms-page.h: the "Tags and Emotions" page of Preferences: add, rename and merge
 * the journal's words. */

#pragma once

#include <adwaita.h>

#include "steady-journal-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_TERMS_PAGE (steady_terms_page_get_type ())
G_DECLARE_FINAL_TYPE (SteadyTermsPage, steady_terms_page, STEADY, TERMS_PAGE, AdwPreferencesPage)

GtkWidget *steady_terms_page_new (SteadyJournalStore *store);

G_END_DECLS
