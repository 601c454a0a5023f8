/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-session-store.h: the session calendar in the database — series, exceptions, overrides
 * and edits of "this one / this and following / all" — and its expansion into occurrences. */

#pragma once

#include <gio/gio.h>

#include "steady-database.h"
#include "steady-occurrence.h"
#include "steady-session-override.h"
#include "steady-session-series.h"

G_BEGIN_DECLS

#define STEADY_SESSION_STORE_ERROR (steady_session_store_error_quark ())

typedef enum
{
  STEADY_SESSION_STORE_ERROR_NOT_FOUND, /* no such series or occurrence */
  STEADY_SESSION_STORE_ERROR_INVALID,   /* the session as given cannot be saved; see message */
} SteadySessionStoreError;

/* Which occurrences an edit or a deletion applies to. */
typedef enum
{
  STEADY_EDIT_SCOPE_THIS,
  STEADY_EDIT_SCOPE_THIS_AND_FOLLOWING,
  STEADY_EDIT_SCOPE_ALL,
} SteadyEditScope;

#define STEADY_TYPE_SESSION_STORE (steady_session_store_get_type ())
G_DECLARE_FINAL_TYPE (SteadySessionStore, steady_session_store, STEADY, SESSION_STORE, GObject)

GQuark steady_session_store_error_quark (void);

SteadySessionStore *steady_session_store_new (SteadyDatabase *database);
SteadyDatabase *steady_session_store_get_database (SteadySessionStore *self);
GTimeZone *steady_session_store_get_local_zone (SteadySessionStore *self);
void steady_session_store_set_local_zone (SteadySessionStore *self,
                                          GTimeZone          *zone);

gboolean steady_session_store_add_series (SteadySessionStore   *self,
                                          SteadySessionSeries  *series,
                                          GError              **error);
gboolean steady_session_store_update_series (SteadySessionStore   *self,
                                             SteadySessionSeries  *series,
                                             GError              **error);
gboolean steady_session_store_delete_series (SteadySessionStore  *self,
                                             const char          *uuid,
                                             GError             **error);
SteadySessionSeries *steady_session_store_get_series (SteadySessionStore  *self,
                                                      const char          *uuid,
                                                      GError             **error);
SteadySessionSeries *steady_session_store_find_series_by_ics_uid (SteadySessionStore  *self,
                                                                  const char          *ics_uid,
                                                                  GError             **error);
GPtrArray *steady_session_store_list_series (SteadySessionStore  *self,
                                             GError             **error);

GPtrArray *steady_session_store_list_overrides (SteadySessionStore  *self,
                                                const char          *uuid,
                                                GError             **error);
gboolean steady_session_store_set_override (SteadySessionStore     *self,
                                            const char             *uuid,
                                            SteadySessionOverride  *override,
                                            GError                **error);

gboolean steady_session_store_edit_occurrence (SteadySessionStore         *self,
                                               const char                 *uuid,
                                               const char                 *original_start_local,
                                               const SteadySessionSeries  *edited,
                                               SteadyEditScope             scope,
                                               char                      **out_uuid,
                                               GError                    **error);
gboolean steady_session_store_cancel_occurrence (SteadySessionStore  *self,
                                                 const char          *uuid,
                                                 const char          *original_start_local,
                                                 gboolean             cancelled,
                                                 GError             **error);
gboolean steady_session_store_delete_occurrence (SteadySessionStore  *self,
                                                 const char          *uuid,
                                                 const char          *original_start_local,
                                                 SteadyEditScope      scope,
                                                 GError             **error);

GPtrArray *steady_session_store_expand (SteadySessionStore  *self,
                                        gint64               from_us,
                                        gint64               to_us,
                                        GPtrArray          **out_problems,
                                        GError             **error);

G_END_DECLS
