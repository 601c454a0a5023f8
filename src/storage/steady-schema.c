/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-schema.c: the whole data model of Steady and every migration to it, in one place.
 *
 * Rules: a released migration is never edited, only followed by a new one; each runs in
 * its own transaction; tests/fixtures keeps a database of every released version. */

#define G_LOG_DOMAIN "steady-schema"

#include "config.h"

#include "steady-schema.h"

static const SteadyMigration migrations[] = {
  /* Version 1 (Steady 0.1): bookkeeping only; features add their tables in later versions. */
  { 1,
    "CREATE TABLE meta ("
    "  key   TEXT PRIMARY KEY NOT NULL,"
    "  value TEXT NOT NULL"
    ") STRICT;"
  },
};

const SteadyMigration *
steady_schema_get_migrations (guint *n_migrations)
{
  g_return_val_if_fail (n_migrations != NULL, NULL);

  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

int
steady_schema_get_version (void)
{
  return migrations[G_N_ELEMENTS (migrations) - 1].version;
}
