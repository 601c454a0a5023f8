/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-session-editor.h: the window that adds or changes a session, and records attendance
 * and "bring this up" items for one that is on the calendar. */

#pragma once

#include <adwaita.h>

#include "steady-occurrence-store.h"
#include "steady-session-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_SESSION_EDITOR (steady_session_editor_get_type ())
G_DECLARE_FINAL_TYPE (SteadySessionEditor, steady_session_editor, STEADY, SESSION_EDITOR,
                      AdwWindow)

SteadySessionEditor *steady_session_editor_new  (GtkWindow             *parent,
                                                 SteadySessionStore    *store,
                                                 SteadyOccurrenceStore *occurrences,
                                                 SteadyOccurrence      *occurrence);
char                *steady_session_editor_build_rrule (SteadySessionEditor *self);
gboolean             steady_session_editor_save (SteadySessionEditor *self,
                                                 SteadyEditScope      scope,
                                                 GError             **error);

G_END_DECLS
