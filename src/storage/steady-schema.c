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
  /* Version 5 (safety plan): the seven sections of the user's safety plan, each an ordered
   * list of items in their own words, and the dates they reviewed it with their therapist.
   * Only people's and professionals' items carry a phone number. */
  { 5,
    "CREATE TABLE safety_plan_item ("
    "  uuid           TEXT PRIMARY KEY NOT NULL CHECK (length(uuid) = 36),"
    "  section        TEXT NOT NULL CHECK (section IN ('warning-signs', 'coping',"
    "                   'distractions', 'people', 'professionals', 'environment', 'reasons')),"
    "  position       INTEGER NOT NULL CHECK (position >= 0),"
    "  text           TEXT NOT NULL CHECK (length(trim(text)) > 0 AND length(text) <= 1000),"
    "  phone          TEXT CHECK (phone IS NULL OR"
    "                   (length(phone) <= 40 AND phone GLOB '*[0-9]*'"
    "                    AND phone NOT GLOB '*[^0-9 +().x/-]*'"
    "                    AND section IN ('distractions', 'people', 'professionals'))),"
    "  created_us     INTEGER NOT NULL,"
    "  created_offset INTEGER NOT NULL CHECK (created_offset BETWEEN -86400 AND 86400),"
    "  updated_us     INTEGER NOT NULL CHECK (updated_us >= created_us),"
    "  updated_offset INTEGER NOT NULL CHECK (updated_offset BETWEEN -86400 AND 86400)"
    ") STRICT;"
    "CREATE INDEX safety_plan_item_by_section ON safety_plan_item (section, position);"
    "CREATE TABLE safety_plan_review ("
    "  uuid            TEXT PRIMARY KEY NOT NULL CHECK (length(uuid) = 36),"
    "  reviewed_us     INTEGER NOT NULL,"
    "  reviewed_offset INTEGER NOT NULL CHECK (reviewed_offset BETWEEN -86400 AND 86400)"
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
