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

  /* Version 2 belongs to the mood journal and is being added on another branch; it goes
   * here, before version 3, so the versions stay 1, 2, 3 in order. */
  { 2, "SELECT 1;" },

  /* Version 3: the practice log of the breathing pacer and the mindfulness timer. Breath
   * phases are whole tenths of a second; instants are UTC microseconds plus the offset from
   * UTC the person was in, and local_day is derived from the two for weekly totals. */
  { 3,
    "CREATE TABLE practice_log ("
    "  id               INTEGER PRIMARY KEY,"
    "  uuid             TEXT NOT NULL UNIQUE CHECK (length (uuid) = 36),"
    "  kind             TEXT NOT NULL CHECK (kind IN ('breathing', 'mindfulness')),"
    "  pattern_id       TEXT CHECK (pattern_id IS NULL OR length (pattern_id) BETWEEN 1 AND 64),"
    "  pattern_name     TEXT CHECK (pattern_name IS NULL OR"
    "                               length (pattern_name) BETWEEN 1 AND 200),"
    "  inhale_tenths    INTEGER CHECK (inhale_tenths BETWEEN 0 AND 600),"
    "  top_up_tenths    INTEGER CHECK (top_up_tenths BETWEEN 0 AND 600),"
    "  hold_in_tenths   INTEGER CHECK (hold_in_tenths BETWEEN 0 AND 600),"
    "  exhale_tenths    INTEGER CHECK (exhale_tenths BETWEEN 0 AND 600),"
    "  hold_out_tenths  INTEGER CHECK (hold_out_tenths BETWEEN 0 AND 600),"
    "  planned_us       INTEGER CHECK (planned_us BETWEEN 1 AND 86400000000),"
    "  planned_cycles   INTEGER CHECK (planned_cycles BETWEEN 1 AND 999),"
    "  actual_us        INTEGER NOT NULL CHECK (actual_us BETWEEN 0 AND 86400000000),"
    "  started_at_us    INTEGER NOT NULL CHECK (started_at_us > 0),"
    "  utc_offset_s     INTEGER NOT NULL CHECK (utc_offset_s BETWEEN -64800 AND 64800),"
    "  distress_before  INTEGER CHECK (distress_before BETWEEN 0 AND 10),"
    "  distress_after   INTEGER CHECK (distress_after BETWEEN 0 AND 10),"
    "  completed        INTEGER NOT NULL CHECK (completed IN (0, 1)),"
    "  created_us       INTEGER NOT NULL,"
    "  updated_us       INTEGER NOT NULL CHECK (updated_us >= created_us),"
    "  local_day        TEXT GENERATED ALWAYS AS"
    "                     (date (started_at_us / 1000000 + utc_offset_s, 'unixepoch')) VIRTUAL,"
    /* A breathing practice has its whole pattern and a plan; a sit has neither pattern nor
     * breaths, and no planned length when it was open-ended. */
    "  CHECK (kind <> 'breathing' OR"
    "         (pattern_name IS NOT NULL AND planned_us IS NOT NULL AND"
    "          inhale_tenths IS NOT NULL AND top_up_tenths IS NOT NULL AND"
    "          hold_in_tenths IS NOT NULL AND exhale_tenths IS NOT NULL AND"
    "          hold_out_tenths IS NOT NULL AND"
    "          inhale_tenths + top_up_tenths + exhale_tenths > 0)),"
    "  CHECK (kind <> 'mindfulness' OR"
    "         (pattern_id IS NULL AND pattern_name IS NULL AND planned_cycles IS NULL AND"
    "          inhale_tenths IS NULL AND top_up_tenths IS NULL AND hold_in_tenths IS NULL AND"
    "          exhale_tenths IS NULL AND hold_out_tenths IS NULL))"
    ") STRICT;"
    "CREATE INDEX practice_log_started_at ON practice_log (started_at_us);"
    "CREATE INDEX practice_log_local_day ON practice_log (local_day);"
    /* The breathing patterns a person made and saved, by the name they gave them. */
    "CREATE TABLE breathing_pattern ("
    "  id               INTEGER PRIMARY KEY,"
    "  name             TEXT NOT NULL UNIQUE CHECK (length (name) BETWEEN 1 AND 200),"
    "  inhale_tenths    INTEGER NOT NULL CHECK (inhale_tenths BETWEEN 0 AND 600),"
    "  top_up_tenths    INTEGER NOT NULL CHECK (top_up_tenths BETWEEN 0 AND 600),"
    "  hold_in_tenths   INTEGER NOT NULL CHECK (hold_in_tenths BETWEEN 0 AND 600),"
    "  exhale_tenths    INTEGER NOT NULL CHECK (exhale_tenths BETWEEN 0 AND 600),"
    "  hold_out_tenths  INTEGER NOT NULL CHECK (hold_out_tenths BETWEEN 0 AND 600),"
    "  created_us       INTEGER NOT NULL,"
    "  updated_us       INTEGER NOT NULL CHECK (updated_us >= created_us),"
    "  CHECK (inhale_tenths + top_up_tenths + exhale_tenths > 0)"
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
