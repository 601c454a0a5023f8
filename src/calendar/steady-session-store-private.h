/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-session-store-private.h: what the two halves of SteadySessionStore (reading in
 * steady-session-store.c, writing in steady-session-store-edit.c) share. */

#pragma once

#include "steady-session-store.h"

G_BEGIN_DECLS

struct _SteadySessionStore
{
  GObject         parent_instance;

  /* owned */
  SteadyDatabase *database;
  GTimeZone      *local_zone;  /* where floating series are placed */
};

void                   steady_session_store_emit_changed        (SteadySessionStore  *self);
void                   steady_session_store_set_not_found       (GError             **error);
SteadySessionSeries   *steady_session_store_lookup              (SteadySessionStore  *self,
                                                                 const char          *uuid,
                                                                 gint64              *out_id,
                                                                 GError             **error);
GHashTable            *steady_session_store_new_overrides_table (void);
gboolean               steady_session_store_load_overrides      (SteadySessionStore  *self,
                                                                 gint64               series_id,
                                                                 GHashTable          *by_series_id,
                                                                 GError             **error);
SteadySessionOverride *steady_session_store_find_override       (GPtrArray           *overrides,
                                                                 const char          *key);

G_END_DECLS
