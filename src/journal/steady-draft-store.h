/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-draft-store.h: what an editor has typed but not saved yet, kept durably so a
 * closed window, a crash or a power cut loses nothing. */

#pragma once

#include <glib-object.h>

#include "steady-database.h"

G_BEGIN_DECLS

/* A draft's JSON may be this long: a note at its limit, escaped, with room to spare. */
#define STEADY_DRAFT_MAX_BYTES (16 * 1024 * 1024)

#define STEADY_TYPE_DRAFT_STORE (steady_draft_store_get_type ())
G_DECLARE_FINAL_TYPE (SteadyDraftStore, steady_draft_store, STEADY, DRAFT_STORE, GObject)

SteadyDraftStore *steady_draft_store_new       (SteadyDatabase    *database);
gboolean          steady_draft_store_save      (SteadyDraftStore  *self,
                                                const char        *kind,
                                                const char        *key,
                                                const char        *payload,
                                                GError           **error);
char             *steady_draft_store_load      (SteadyDraftStore  *self,
                                                const char        *kind,
                                                const char        *key,
                                                gint64            *out_updated_us,
                                                GError           **error);
gboolean          steady_draft_store_delete    (SteadyDraftStore  *self,
                                                const char        *kind,
                                                const char        *key,
                                                GError           **error);
GStrv             steady_draft_store_list_keys (SteadyDraftStore  *self,
                                                const char        *kind,
                                                GError           **error);

G_END_DECLS
