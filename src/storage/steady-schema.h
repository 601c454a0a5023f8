/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-schema.h: the whole data model of Steady and every migration to it, in one place. */

#pragma once

#include "steady-database.h"

G_BEGIN_DECLS

const SteadyMigration *steady_schema_get_migrations (guint *n_migrations);
int                    steady_schema_get_version    (void);

G_END_DECLS
