/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-journal-page.h: the Journal page: every check-in by day, search and filters, and
 * charts. */

#pragma once

#include <gtk/gtk.h>

#include "steady-journal-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_JOURNAL_PAGE (steady_journal_page_get_type ())
G_DECLARE_FINAL_TYPE (SteadyJournalPage, steady_journal_page, STEADY, JOURNAL_PAGE, GtkWidget)

GtkWidget  *steady_journal_page_new             (SteadyJournalStore *store);
void        steady_journal_page_focus_search    (SteadyJournalPage  *self);
void        steady_journal_page_set_search_text (SteadyJournalPage  *self,
                                                 const char         *text);
void        steady_journal_page_show_charts     (SteadyJournalPage  *self,
                                                 gboolean            show);
void        steady_journal_page_set_chart_days  (SteadyJournalPage  *self,
                                                 guint               n_days);
const char *steady_journal_page_get_view        (SteadyJournalPage  *self);
GListModel *steady_journal_page_get_results     (SteadyJournalPage  *self);
GtkWidget  *steady_journal_page_open_editor     (SteadyJournalPage  *self,
                                                 SteadyMoodEntry    *entry);
void        steady_journal_page_show_deleted    (SteadyJournalPage  *self,
                                                 SteadyMoodEntry    *deleted);

G_END_DECLS
