/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-entry-editor.h: the window where a check-in is written or changed, with a draft
 * kept as the user types. */

#pragma once

#include <adwaita.h>

#include "steady-draft-store.h"
#include "steady-journal-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_ENTRY_EDITOR (steady_entry_editor_get_type ())
G_DECLARE_FINAL_TYPE (SteadyEntryEditor, steady_entry_editor, STEADY, ENTRY_EDITOR, AdwWindow)

SteadyEntryEditor *steady_entry_editor_new            (GtkWindow          *parent,
                                                       SteadyJournalStore *store,
                                                       SteadyMoodEntry    *entry,
                                                       int                 mood);
gboolean           steady_entry_editor_save           (SteadyEntryEditor  *self,
                                                       GError            **error);
gboolean           steady_entry_editor_flush_draft    (SteadyEntryEditor  *self,
                                                       GError            **error);
gboolean           steady_entry_editor_get_draft_offered (SteadyEntryEditor *self);
void               steady_entry_editor_restore_draft  (SteadyEntryEditor  *self);
const char        *steady_entry_editor_get_uuid       (SteadyEntryEditor  *self);
char              *steady_entry_editor_dup_note       (SteadyEntryEditor  *self);
void               steady_entry_editor_set_note       (SteadyEntryEditor  *self,
                                                       const char         *note);
void               steady_entry_editor_set_when       (SteadyEntryEditor  *self,
                                                       const char         *date,
                                                       const char         *time);
const char        *steady_entry_editor_get_error_text (SteadyEntryEditor  *self);

G_END_DECLS
