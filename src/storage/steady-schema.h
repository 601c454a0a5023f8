/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-schema.h: the whole data model of Steady and every migration to it, in one place. */

#pragma once

#include "steady-database.h"

G_BEGIN_DECLS

const SteadyMigration *steady_schema_get_migrations (guint *n_migrations);
int                    steady_schema_get_version    (void);

/* Told now and then how much of the indexing is done; returns FALSE with @error set to
 * stop it (cancelled). */
typedef gboolean (*SteadySchemaIndexFunc) (double    fraction,
                                           gpointer  user_data,
                                           GError  **error);

/* For a writer of many records, inside its transaction: records inserted between the two
 * calls are indexed by the second, all at once. Returns what the second call needs. If
 * either fails, the caller rolls the transaction back, which also undoes the pause. */
GStrv    steady_schema_pause_indexing  (sqlite3                *db,
                                        GError                **error);
gboolean steady_schema_resume_indexing (sqlite3                *db,
                                        const char * const     *saved,
                                        SteadySchemaIndexFunc   func,
                                        gpointer                user_data,
                                        GError                **error);

G_END_DECLS
