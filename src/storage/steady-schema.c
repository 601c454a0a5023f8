/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-schema.c: the whole data model of Steady and every migration to it, in one place.
 *
 * Rules: a released migration is never edited, only followed by a new one; each runs in
 * its own transaction; tests/fixtures keeps a database of every released version. */

#define G_LOG_DOMAIN "steady-schema"

#include "config.h"

#include "steady-schema.h"

/* A local wall-clock time as the calendar stores it: "YYYYMMDDTHHMMSS". */
#define WALL_TIME "'[0-9][0-9][0-9][0-9][01][0-9][0-3][0-9]T[0-2][0-9][0-5][0-9][0-5][0-9]'"

static const SteadyMigration migrations[] = {
  /* Version 1 (Steady 0.1): bookkeeping only; features add their tables in later versions. */
  { 1,
    "CREATE TABLE meta ("
    "  key   TEXT PRIMARY KEY NOT NULL,"
    "  value TEXT NOT NULL"
    ") STRICT;"
  },
  /* Versions 2 (journal) and 3 (practice) come from the journal and practice branches and
   * are merged in before version 4. */

  /* Version 4: the session calendar and the reminders sent for it.
   *
   * Sessions are stored as the user thinks of them: a local wall-clock start
   * ("YYYYMMDDTHHMMSS"), an IANA time zone ('' = floating: whatever zone the user is in), a
   * duration and an RFC 5545 RRULE ('' = a single session). Overrides, attendance and
   * "bring this up" items are keyed by the original wall-clock start of their occurrence, which
   * no DST rule or move can change. reminders_sent is UNIQUE per (series, occurrence, offset):
   * a sender claims its row before notifying, so two daemons racing cannot both send. */
  { 4,
    "CREATE TABLE session_series ("
    "  id               INTEGER PRIMARY KEY,"
    "  uuid             TEXT NOT NULL UNIQUE CHECK (length (uuid) = 36),"
    "  ics_uid          TEXT UNIQUE CHECK (ics_uid IS NULL OR length (ics_uid) BETWEEN 1 AND 1000),"
    "  title            TEXT NOT NULL CHECK (length (title) BETWEEN 1 AND 500),"
    "  kind             TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('group', 'individual',"
    "                     'family', 'psychiatry-medication', 'skills-group', 'other')),"
    "  place            TEXT NOT NULL DEFAULT '' CHECK (length (place) <= 1000),"
    "  video_link       TEXT NOT NULL DEFAULT '' CHECK (length (video_link) <= 2000),"
    "  clinician        TEXT NOT NULL DEFAULT '' CHECK (length (clinician) <= 500),"
    "  notes            TEXT NOT NULL DEFAULT '' CHECK (length (notes) <= 20000),"
    "  start_local      TEXT NOT NULL CHECK (start_local GLOB " WALL_TIME "),"
    "  duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),"
    "  tzid             TEXT NOT NULL DEFAULT '' CHECK (length (tzid) <= 64),"
    "  rrule            TEXT NOT NULL DEFAULT '' CHECK (length (rrule) <= 1000),"
    "  times_changed_us INTEGER NOT NULL,"  /* last change of start, duration, zone or rule */
    "  created_us       INTEGER NOT NULL,"
    "  updated_us       INTEGER NOT NULL"
    ") STRICT;"

    "CREATE TABLE session_exdates ("
    "  series_id            INTEGER NOT NULL REFERENCES session_series (id) ON DELETE CASCADE,"
    "  original_start_local TEXT NOT NULL CHECK (original_start_local GLOB " WALL_TIME "),"
    "  created_us           INTEGER NOT NULL,"
    "  PRIMARY KEY (series_id, original_start_local)"
    ") STRICT, WITHOUT ROWID;"

    "CREATE TABLE session_reminder_offsets ("
    "  series_id      INTEGER NOT NULL REFERENCES session_series (id) ON DELETE CASCADE,"
    "  minutes_before INTEGER NOT NULL CHECK (minutes_before BETWEEN 0 AND 10080),"
    "  PRIMARY KEY (series_id, minutes_before)"
    ") STRICT, WITHOUT ROWID;"

    "CREATE TABLE session_overrides ("
    "  id                   INTEGER PRIMARY KEY,"
    "  uuid                 TEXT NOT NULL UNIQUE CHECK (length (uuid) = 36),"
    "  series_id            INTEGER NOT NULL REFERENCES session_series (id) ON DELETE CASCADE,"
    "  original_start_local TEXT NOT NULL CHECK (original_start_local GLOB " WALL_TIME "),"
    "  cancelled            INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),"
    "  start_local          TEXT CHECK (start_local IS NULL OR start_local GLOB " WALL_TIME "),"
    "  duration_minutes     INTEGER CHECK (duration_minutes IS NULL OR"
    "                                      duration_minutes BETWEEN 1 AND 1440),"
    "  title                TEXT CHECK (title IS NULL OR length (title) BETWEEN 1 AND 500),"
    "  kind                 TEXT CHECK (kind IS NULL OR kind IN ('group', 'individual',"
    "                         'family', 'psychiatry-medication', 'skills-group', 'other')),"
    "  place                TEXT CHECK (place IS NULL OR length (place) <= 1000),"
    "  video_link           TEXT CHECK (video_link IS NULL OR length (video_link) <= 2000),"
    "  clinician            TEXT CHECK (clinician IS NULL OR length (clinician) <= 500),"
    "  notes                TEXT CHECK (notes IS NULL OR length (notes) <= 20000),"
    "  created_us           INTEGER NOT NULL,"
    "  updated_us           INTEGER NOT NULL,"
    "  UNIQUE (series_id, original_start_local)"
    ") STRICT;"

    "CREATE TABLE session_attendance ("
    "  id                   INTEGER PRIMARY KEY,"
    "  uuid                 TEXT NOT NULL UNIQUE CHECK (length (uuid) = 36),"
    "  series_id            INTEGER NOT NULL REFERENCES session_series (id) ON DELETE CASCADE,"
    "  original_start_local TEXT NOT NULL CHECK (original_start_local GLOB " WALL_TIME "),"
    "  status               TEXT NOT NULL CHECK (status IN ('attended', 'missed', 'cancelled')),"
    "  note                 TEXT NOT NULL DEFAULT '' CHECK (length (note) <= 2000),"
    "  created_us           INTEGER NOT NULL,"
    "  updated_us           INTEGER NOT NULL,"
    "  UNIQUE (series_id, original_start_local)"
    ") STRICT;"

    "CREATE TABLE session_bring_up_items ("
    "  id                   INTEGER PRIMARY KEY,"
    "  uuid                 TEXT NOT NULL UNIQUE CHECK (length (uuid) = 36),"
    "  series_id            INTEGER NOT NULL REFERENCES session_series (id) ON DELETE CASCADE,"
    "  original_start_local TEXT NOT NULL CHECK (original_start_local GLOB " WALL_TIME "),"
    "  position             INTEGER NOT NULL CHECK (position >= 0),"
    "  text                 TEXT NOT NULL CHECK (length (text) BETWEEN 1 AND 2000),"
    "  linked_uuid          TEXT CHECK (linked_uuid IS NULL OR length (linked_uuid) = 36),"
    "  done                 INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),"
    "  created_us           INTEGER NOT NULL,"
    "  updated_us           INTEGER NOT NULL"
    ") STRICT;"
    "CREATE INDEX session_bring_up_items_by_occurrence"
    "  ON session_bring_up_items (series_id, original_start_local, position);"

    "CREATE TABLE reminders_sent ("
    "  id                   INTEGER PRIMARY KEY,"
    "  series_uuid          TEXT NOT NULL REFERENCES session_series (uuid)"
    "                         ON DELETE CASCADE ON UPDATE CASCADE,"
    "  original_start_local TEXT NOT NULL CHECK (original_start_local GLOB " WALL_TIME "),"
    "  offset_minutes       INTEGER NOT NULL CHECK (offset_minutes BETWEEN 0 AND 10080),"
    "  state                TEXT NOT NULL CHECK (state IN ('sent', 'snoozed', 'dismissed')),"
    "  late                 INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),"
    "  sent_us              INTEGER NOT NULL,"
    "  snoozed_until_us     INTEGER CHECK ((state = 'snoozed') = (snoozed_until_us IS NOT NULL)),"
    "  created_us           INTEGER NOT NULL,"
    "  updated_us           INTEGER NOT NULL,"
    "  UNIQUE (series_uuid, original_start_local, offset_minutes)"
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
