/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-entry-row.h: one check-in in the journal list, with its day's heading when it is
 * the day's first. */

#pragma once

#include <gtk/gtk.h>

#include "steady-journal-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_ENTRY_ROW (steady_entry_row_get_type ())
G_DECLARE_FINAL_TYPE (SteadyEntryRow, steady_entry_row, STEADY, ENTRY_ROW, GtkWidget)

GtkWidget       *steady_entry_row_new             (void);
void             steady_entry_row_set_entry       (SteadyEntryRow         *self,
                                                   SteadyMoodEntry        *entry,
                                                   const char             *note_markup);
SteadyMoodEntry *steady_entry_row_get_entry       (SteadyEntryRow         *self);
void             steady_entry_row_set_day_heading (SteadyEntryRow         *self,
                                                   const SteadyDaySummary *day);

void             steady_entry_row_set_framed      (SteadyEntryRow         *self,
                                                   gboolean                framed);

void             steady_entry_row_set_show_menu   (SteadyEntryRow         *self,
                                                   gboolean                show);

G_END_DECLS
