/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-mood-entry-private.h: what only the journal store may set on an entry — where and
 * when it was stored. */

#pragma once

#include "steady-mood-entry.h"

G_BEGIN_DECLS

SteadyMoodEntry *_steady_mood_entry_new_with_uuid (const char      *uuid);
void             _steady_mood_entry_set_stored    (SteadyMoodEntry *self,
                                                   gint64           row_id,
                                                   gint64           created_us,
                                                   gint64           updated_us);
gint64          *_steady_mood_entry_get_row_id_pointer (SteadyMoodEntry *self);
void             _steady_mood_entry_set_stored_note (SteadyMoodEntry *self,
                                                     const char      *note);

G_END_DECLS
