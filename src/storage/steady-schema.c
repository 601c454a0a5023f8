/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-schema.c: the whole data model of Steady and every migration to it, in one place.
 *
 * Rules: a released migration is never edited, only followed by a new one; each runs in
 * its own transaction; tests/fixtures keeps a database of every released version. */

#define G_LOG_DOMAIN "steady-schema"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-schema.h"

/* A local wall-clock time as the calendar stores it: "YYYYMMDDTHHMMSS". */
#define WALL_TIME "'[0-9][0-9][0-9][0-9][01][0-9][0-3][0-9]T[0-2][0-9][0-5][0-9][0-5][0-9]'"

/* Version 6: a percentage or a yes/partly/no answer inside a skill record's payload. */
#define SKILL_PERCENT_CHECK(key) \
  "  CHECK (json_extract (payload, '$." key "') IS NULL OR" \
  "         (json_type (payload, '$." key "') = 'integer' AND" \
  "          json_extract (payload, '$." key "') BETWEEN 0 AND 100)),"
#define SKILL_CHOICE_CHECK(key) \
  "  CHECK (json_extract (payload, '$." key "') IS NULL OR" \
  "         json_extract (payload, '$." key "') IN ('yes', 'partly', 'no')),"
/* Version 6: the words of a skill record that the search index holds: its text answers in a
 * fixed order, then mood names and thoughts. No table-valued function (json_each/json_tree):
 * FTS5's integrity-check and rebuild fail with "SQL logic error" when the content view
 * reads one, so lists are walked with a recursive CTE. A new text field must be added here. */
#define SKILL_TEXT(p, key) "SELECT json_extract (" p ", '$." key "') AS v UNION ALL "
#define SKILL_LIST(p, list, member) \
  "SELECT * FROM (WITH RECURSIVE i (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM i" \
  "  WHERE n + 1 < json_array_length (" p ", '$." list "'))" \
  "  SELECT json_extract (" p ", '$." list "[' || n || '].' || '" member "') FROM i)"
#define SKILL_BODY(p) \
  "coalesce ((SELECT group_concat (v, ' ') FROM (" \
  SKILL_TEXT (p, "situation") SKILL_TEXT (p, "evidence_for") SKILL_TEXT (p, "evidence_against") \
  SKILL_TEXT (p, "balanced") SKILL_TEXT (p, "emotion") SKILL_TEXT (p, "prompted") \
  SKILL_TEXT (p, "vulnerable") SKILL_TEXT (p, "interpretation") SKILL_TEXT (p, "body") \
  SKILL_TEXT (p, "urges") SKILL_TEXT (p, "actions") SKILL_TEXT (p, "aftereffects") \
  SKILL_TEXT (p, "secondary") SKILL_TEXT (p, "event") SKILL_TEXT (p, "interpretations") \
  SKILL_TEXT (p, "threat") SKILL_TEXT (p, "worst_case") SKILL_TEXT (p, "urge") \
  SKILL_TEXT (p, "opposite") SKILL_TEXT (p, "all_the_way") SKILL_TEXT (p, "outcome") \
  SKILL_TEXT (p, "note") \
  SKILL_LIST (p, "moods", "name") " UNION ALL " SKILL_LIST (p, "thoughts", "text") \
  ") WHERE v IS NOT NULL), '')"
/* The first free search_doc id at or after the instant @at (SQL), as the journal's triggers
 * compute it for entries. */
#define FREE_DOC_ID_AT(at) \
  "coalesce ((SELECT " at " WHERE NOT EXISTS" \
  "             (SELECT 1 FROM search_doc WHERE id = " at "))," \
  "          (SELECT a.id + 1 FROM search_doc AS a" \
  "            WHERE a.id >= " at " AND NOT EXISTS" \
  "                    (SELECT 1 FROM search_doc AS b WHERE b.id = a.id + 1)" \
  "            ORDER BY a.id LIMIT 1))"
/* Version 6: the same rule for skill records. */
#define SKILL_FREE_DOC_ID FREE_DOC_ID_AT ("new.at_us")
/* A mood entry's tag names as search_doc.tags holds them (the tag triggers' expression). */
#define ENTRY_TAGS(entry_id) \
  "coalesce ((SELECT group_concat (t.name, ' ') FROM mood_entry_tag AS et" \
  "             JOIN tag AS t ON t.id = et.tag_id WHERE et.entry_id = " entry_id "), '')"
/* Version 6: what search_fts indexes of each kind of record, the arms of search_content. */
#define CONTENT_OF_ENTRIES \
  "  SELECT d.id, e.note, d.tags" \
  "    FROM search_doc AS d JOIN mood_entry AS e ON e.uuid = d.record_uuid" \
  "   WHERE d.kind = 'mood-entry'"
#define CONTENT_OF_SKILL_RECORDS \
  "  SELECT d.id, " SKILL_BODY ("r.payload") ", d.tags" \
  "    FROM search_doc AS d JOIN skill_record AS r ON r.uuid = d.record_uuid" \
  "   WHERE d.kind = r.kind"
/* Version 6: every mood of a thought record rated 0–100, at most one hot thought. */
#define SKILL_LISTS_CHECK \
  "  SELECT RAISE (ABORT, 'a mood is rated from 0 to 100')" \
  "   WHERE EXISTS (SELECT 1 FROM json_each (new.payload, '$.moods') AS m" \
  "                  WHERE m.type <> 'object'" \
  "                     OR json_type (m.value, '$.before') IS NOT 'integer'" \
  "                     OR json_extract (m.value, '$.before') NOT BETWEEN 0 AND 100" \
  "                     OR (json_extract (m.value, '$.after') IS NOT NULL AND" \
  "                         (json_type (m.value, '$.after') IS NOT 'integer' OR" \
  "                          json_extract (m.value, '$.after') NOT BETWEEN 0 AND 100)));" \
  "  SELECT RAISE (ABORT, 'a thought record has one hot thought at most')" \
  "   WHERE (SELECT count (*) FROM json_each (new.payload, '$.thoughts') AS t" \
  "           WHERE json_extract (t.value, '$.hot') = 1) > 1;"

static const SteadyMigration migrations[] = {
  /* Version 1 (Steady 0.1): bookkeeping only; features add their tables in later versions. */
  { 1,
    "CREATE TABLE meta ("
    "  key   TEXT PRIMARY KEY NOT NULL,"
    "  value TEXT NOT NULL"
    ") STRICT;"
  },

  /* Version 2 (issue 3): the mood journal, the shared full-text index, and drafts.
   *
   * Times: every instant is UTC microseconds (*_us) plus, where the local day matters, the
   * UTC offset in seconds the user was in, so an entry keeps the day it was written on even
   * after the user moves to another time zone. local_day is that day, counted from
   * 1970-01-01 (floor division, so it is right before 1970 too).
   *
   * Full-text search: search_fts is an FTS5 index over one row per searchable record of any
   * kind (search_doc: kind + record_uuid), so the worksheets of later versions share it. Its
   * text is not stored twice: search_fts reads it back through the search_content view (a
   * later kind adds a UNION ALL arm there). The triggers below keep index, search_doc and
   * tables in agreement for every writer, so no code path can forget it.
   *
   * search_doc.id, the FTS rowid, is the record's instant in microseconds (moved on by a
   * microsecond or two if taken), so FTS5 itself yields matches newest first and a search
   * stops after the first page: its cost does not grow with the years of entries. A date
   * range becomes a rowid range.
   *
   * A later kind adds: its arm of search_content (DROP VIEW, CREATE VIEW), triggers like
   * mood_entry_indexed/_reindexed/_unindexed on its table, the same arm and trigger in the
   * bulk indexing at the end of this file, and, in its store, the index merge
   * after a delete: FTS5 in SQLite 3.40 keeps a deleted row's words in older segments until
   * they are merged ('optimize'), and deleting must leave no trace (RELIABILITY 10). */
  { 2,
    /* The user's own words for emotions and activities, next to built-ins with fixed UUIDs
     * (the same on every machine, so backups merge by UUID). "builtin" is the stable key
     * the app translates the name by until the user renames it ("renamed"). */
    "CREATE TABLE emotion ("
    "  id          INTEGER PRIMARY KEY,"
    "  uuid        TEXT NOT NULL UNIQUE CHECK (length (uuid) = 36),"
    "  name        TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 100),"
    "  builtin     TEXT UNIQUE,"
    "  renamed     INTEGER NOT NULL DEFAULT 0 CHECK (renamed IN (0, 1)),"
    "  position    INTEGER NOT NULL DEFAULT 0,"
    "  created_us  INTEGER NOT NULL,"
    "  updated_us  INTEGER NOT NULL"
    ") STRICT;"
    "CREATE UNIQUE INDEX emotion_name ON emotion (name COLLATE NOCASE);"
    "CREATE TABLE tag ("
    "  id          INTEGER PRIMARY KEY,"
    "  uuid        TEXT NOT NULL UNIQUE CHECK (length (uuid) = 36),"
    "  name        TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 100),"
    "  builtin     TEXT UNIQUE,"
    "  renamed     INTEGER NOT NULL DEFAULT 0 CHECK (renamed IN (0, 1)),"
    "  position    INTEGER NOT NULL DEFAULT 0,"
    "  created_us  INTEGER NOT NULL,"
    "  updated_us  INTEGER NOT NULL"
    ") STRICT;"
    "CREATE UNIQUE INDEX tag_name ON tag (name COLLATE NOCASE);"
    "INSERT INTO emotion (uuid, name, builtin, position, created_us, updated_us)"
    "  SELECT column1, column2, column3, column4, now_us, now_us"
    "    FROM (SELECT CAST (strftime ('%s', 'now') AS INTEGER) * 1000000 AS now_us), (VALUES"
    "  ('bf364054-871f-4901-98b8-a388497fe25d', 'Joy', 'joy', 1),"
    "  ('6b2a2845-dd38-4568-be96-68d57b53fa4a', 'Calm', 'calm', 2),"
    "  ('1f13ca70-08e5-4a5a-a6a6-803b58cc5af7', 'Sadness', 'sadness', 3),"
    "  ('a5b938cc-59cf-4b30-a215-118d317768c2', 'Fear or anxiety', 'fear', 4),"
    "  ('5dce9fa1-0450-409d-b782-09dd66e9b2c3', 'Anger', 'anger', 5),"
    "  ('68fd01b8-705e-47ea-be19-41cb029e4ea3', 'Shame or guilt', 'shame', 6),"
    "  ('6f5468d9-e233-4769-8a27-f418a1e7c122', 'Loneliness', 'loneliness', 7),"
    "  ('dbbe7dcc-a014-430b-9fd6-bd58486d05ac', 'Hope', 'hope', 8));"
    "INSERT INTO tag (uuid, name, builtin, position, created_us, updated_us)"
    "  SELECT column1, column2, column3, column4, now_us, now_us"
    "    FROM (SELECT CAST (strftime ('%s', 'now') AS INTEGER) * 1000000 AS now_us), (VALUES"
    "  ('eb772a1b-061a-4022-b8f7-5a7976cfe501', 'Work', 'work', 1),"
    "  ('203d6360-7de3-4389-90e5-7639d07d7bdb', 'Exercise', 'exercise', 2),"
    "  ('10960938-be61-43a8-9102-18270354e200', 'Group', 'group', 3),"
    "  ('6e539c0c-82b8-4935-9317-3d53df0f91f4', 'Family', 'family', 4),"
    "  ('16410a27-1db4-4881-ab83-f4ed73d4c00c', 'Outside', 'outside', 5));"

    /* One check-in. Optional answers are NULL when not given; at_us is limited to the years
     * 1900–2999 and the offset to ±18 h, the widest any time zone has been. */
    "CREATE TABLE mood_entry ("
    "  id           INTEGER PRIMARY KEY,"
    "  uuid         TEXT NOT NULL UNIQUE CHECK (length (uuid) = 36),"
    "  created_us   INTEGER NOT NULL,"
    "  updated_us   INTEGER NOT NULL,"
    "  at_us        INTEGER NOT NULL"
    "               CHECK (at_us BETWEEN -2208988800000000 AND 32503679999999999),"
    "  utc_offset_s INTEGER NOT NULL CHECK (utc_offset_s BETWEEN -64800 AND 64800),"
    "  local_day    INTEGER NOT NULL GENERATED ALWAYS AS"
    "                 ((at_us + utc_offset_s * 1000000 + 86400000000000000) / 86400000000"
    "                  - 1000000) VIRTUAL,"
    "  mood         INTEGER NOT NULL CHECK (mood BETWEEN 1 AND 5),"
    "  anxiety      INTEGER CHECK (anxiety BETWEEN 0 AND 10),"
    "  energy       INTEGER CHECK (energy BETWEEN 0 AND 10),"
    "  sleep_hours  REAL CHECK (sleep_hours BETWEEN 0 AND 24),"
    "  medication   TEXT CHECK (medication IN ('yes', 'no', 'partly')),"
    "  medications  TEXT CHECK (medications IS NULL OR"
    "                           (json_valid (medications) AND json_type (medications) = 'array')),"
    "  note         TEXT NOT NULL DEFAULT '' CHECK (length (note) <= 4194304),"
    "  private      INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1))"
    ") STRICT;"
    /* Newest first, walked backwards; the rowid at the end of every index entry breaks ties,
     * so (at_us, id) is the keyset of the journal list. */
    "CREATE INDEX mood_entry_by_time ON mood_entry (at_us);"
    /* Per-day summaries read only this index. */
    "CREATE INDEX mood_entry_by_day ON mood_entry (local_day, mood);"
    "CREATE TABLE mood_entry_emotion ("
    "  entry_id    INTEGER NOT NULL REFERENCES mood_entry (id) ON DELETE CASCADE,"
    "  emotion_id  INTEGER NOT NULL REFERENCES emotion (id) ON DELETE CASCADE,"
    "  intensity   INTEGER NOT NULL CHECK (intensity BETWEEN 0 AND 100),"
    "  PRIMARY KEY (entry_id, emotion_id)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE INDEX mood_entry_emotion_by_emotion ON mood_entry_emotion (emotion_id, entry_id);"
    "CREATE TABLE mood_entry_tag ("
    "  entry_id    INTEGER NOT NULL REFERENCES mood_entry (id) ON DELETE CASCADE,"
    "  tag_id      INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,"
    "  PRIMARY KEY (entry_id, tag_id)"
    ") STRICT, WITHOUT ROWID;"
    "CREATE INDEX mood_entry_tag_by_tag ON mood_entry_tag (tag_id, entry_id);"

    /* What an editor had typed but not saved, for every kind of editor. A rowid table: a
     * payload can be megabytes. */
    "CREATE TABLE draft ("
    "  id          INTEGER PRIMARY KEY,"
    "  kind        TEXT NOT NULL CHECK (length (kind) BETWEEN 1 AND 64),"
    "  key         TEXT NOT NULL CHECK (length (key) <= 200),"
    "  payload     TEXT NOT NULL CHECK (json_valid (payload)),"
    "  updated_us  INTEGER NOT NULL,"
    "  UNIQUE (kind, key)"
    ") STRICT;"

    /* The full-text index. tags holds the record's tag names exactly as indexed, since
     * removing a row from an external-content index needs the text it was indexed with. */
    "CREATE TABLE search_doc ("
    "  id           INTEGER PRIMARY KEY,"
    "  kind         TEXT NOT NULL,"
    "  record_uuid  TEXT NOT NULL,"
    "  tags         TEXT NOT NULL DEFAULT '',"
    "  UNIQUE (kind, record_uuid)"
    ") STRICT;"
    "CREATE VIEW search_content (id, body, tags) AS"
    "  SELECT d.id, e.note, d.tags"
    "    FROM search_doc AS d JOIN mood_entry AS e ON e.uuid = d.record_uuid"
    "   WHERE d.kind = 'mood-entry';"
    /* remove_diacritics 2: "cafe" finds "café", as people type in a hurry. prefix '1': the
     * first letter typed matches a posting list of its own instead of merging those of
     * every word it starts (35 ms → 1 ms on twenty years, for a third more index). */
    "CREATE VIRTUAL TABLE search_fts USING fts5 ("
    "  body, tags,"
    "  content = 'search_content', content_rowid = 'id',"
    "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1'"
    ");"

    /* A record's tags changed: index it again with the new names. */
    "CREATE TRIGGER search_doc_tags_changed AFTER UPDATE OF tags ON search_doc"
    "  WHEN old.tags IS NOT new.tags "
    "BEGIN"
    "  INSERT INTO search_fts (search_fts, rowid, body, tags)"
    "    SELECT 'delete', old.id, body, old.tags FROM search_content WHERE id = old.id;"
    "  INSERT INTO search_fts (rowid, body, tags)"
    "    SELECT new.id, body, new.tags FROM search_content WHERE id = new.id;"
    "END;"

    /* Mood entries in the index. The first free id at or after the entry's instant is
     * computed the same way on insert and when the instant is edited. */
    "CREATE TRIGGER mood_entry_indexed AFTER INSERT ON mood_entry "
    "BEGIN"
    "  INSERT INTO search_doc (id, kind, record_uuid) VALUES ("
    "    coalesce ((SELECT new.at_us WHERE NOT EXISTS"
    "                 (SELECT 1 FROM search_doc WHERE id = new.at_us)),"
    "              (SELECT a.id + 1 FROM search_doc AS a"
    "                WHERE a.id >= new.at_us AND NOT EXISTS"
    "                        (SELECT 1 FROM search_doc AS b WHERE b.id = a.id + 1)"
    "                ORDER BY a.id LIMIT 1)),"
    "    'mood-entry', new.uuid);"
    "  INSERT INTO search_fts (rowid, body, tags)"
    "    SELECT id, new.note, tags FROM search_doc"
    "     WHERE kind = 'mood-entry' AND record_uuid = new.uuid;"
    "END;"
    "CREATE TRIGGER mood_entry_reindexed AFTER UPDATE OF note, at_us ON mood_entry"
    "  WHEN old.note IS NOT new.note OR old.at_us IS NOT new.at_us "
    "BEGIN"
    "  INSERT INTO search_fts (search_fts, rowid, body, tags)"
    "    SELECT 'delete', id, old.note, tags FROM search_doc"
    "     WHERE kind = 'mood-entry' AND record_uuid = old.uuid;"
    "  UPDATE search_doc SET id ="
    "    coalesce ((SELECT new.at_us WHERE NOT EXISTS"
    "                 (SELECT 1 FROM search_doc WHERE id = new.at_us)),"
    "              (SELECT a.id + 1 FROM search_doc AS a"
    "                WHERE a.id >= new.at_us AND NOT EXISTS"
    "                        (SELECT 1 FROM search_doc AS b WHERE b.id = a.id + 1)"
    "                ORDER BY a.id LIMIT 1))"
    "   WHERE kind = 'mood-entry' AND record_uuid = old.uuid AND old.at_us IS NOT new.at_us;"
    "  INSERT INTO search_fts (rowid, body, tags)"
    "    SELECT id, new.note, tags FROM search_doc"
    "     WHERE kind = 'mood-entry' AND record_uuid = new.uuid;"
    "END;"
    /* BEFORE, so the text is removed from the index while the row still exists; the
     * cascade that follows then finds no search_doc to update. */
    "CREATE TRIGGER mood_entry_unindexed BEFORE DELETE ON mood_entry "
    "BEGIN"
    "  INSERT INTO search_fts (search_fts, rowid, body, tags)"
    "    SELECT 'delete', id, old.note, tags FROM search_doc"
    "     WHERE kind = 'mood-entry' AND record_uuid = old.uuid;"
    "  DELETE FROM search_doc WHERE kind = 'mood-entry' AND record_uuid = old.uuid;"
    "END;"
    "CREATE TRIGGER mood_entry_uuid_kept BEFORE UPDATE OF uuid ON mood_entry"
    "  WHEN old.uuid IS NOT new.uuid "
    "BEGIN"
    "  SELECT RAISE (ABORT, 'a mood entry keeps its uuid');"
    "END;"

    /* Tag links and tag names feed search_doc.tags, whose trigger re-indexes. */
    "CREATE TRIGGER mood_entry_tag_added AFTER INSERT ON mood_entry_tag "
    "BEGIN"
    "  UPDATE search_doc SET tags = coalesce ("
    "      (SELECT group_concat (t.name, ' ') FROM mood_entry_tag AS et"
    "         JOIN tag AS t ON t.id = et.tag_id WHERE et.entry_id = new.entry_id), '')"
    "   WHERE kind = 'mood-entry'"
    "     AND record_uuid = (SELECT uuid FROM mood_entry WHERE id = new.entry_id);"
    "END;"
    "CREATE TRIGGER mood_entry_tag_removed AFTER DELETE ON mood_entry_tag "
    "BEGIN"
    "  UPDATE search_doc SET tags = coalesce ("
    "      (SELECT group_concat (t.name, ' ') FROM mood_entry_tag AS et"
    "         JOIN tag AS t ON t.id = et.tag_id WHERE et.entry_id = old.entry_id), '')"
    "   WHERE kind = 'mood-entry'"
    "     AND record_uuid = (SELECT uuid FROM mood_entry WHERE id = old.entry_id);"
    "END;"
    "CREATE TRIGGER mood_entry_tag_changed AFTER UPDATE ON mood_entry_tag "
    "BEGIN"
    "  UPDATE search_doc SET tags = coalesce ("
    "      (SELECT group_concat (t.name, ' ') FROM mood_entry_tag AS et"
    "         JOIN tag AS t ON t.id = et.tag_id"
    "        WHERE et.entry_id = (SELECT id FROM mood_entry"
    "                              WHERE uuid = search_doc.record_uuid)), '')"
    "   WHERE kind = 'mood-entry'"
    "     AND record_uuid IN (SELECT uuid FROM mood_entry"
    "                          WHERE id IN (old.entry_id, new.entry_id));"
    "END;"
    "CREATE TRIGGER tag_renamed AFTER UPDATE OF name ON tag"
    "  WHEN old.name IS NOT new.name "
    "BEGIN"
    "  UPDATE search_doc SET tags = coalesce ("
    "      (SELECT group_concat (t.name, ' ') FROM mood_entry_tag AS et"
    "         JOIN tag AS t ON t.id = et.tag_id"
    "        WHERE et.entry_id = (SELECT id FROM mood_entry"
    "                              WHERE uuid = search_doc.record_uuid)), '')"
    "   WHERE kind = 'mood-entry'"
    "     AND record_uuid IN (SELECT e.uuid FROM mood_entry_tag AS et"
    "                           JOIN mood_entry AS e ON e.id = et.entry_id"
    "                          WHERE et.tag_id = new.id);"
    "END;"
  },

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

  /* Version 6 (issue 5): coping skills — thought records and the DBT-informed worksheets,
   * diary cards with the user's own targets, and "I used this" skill logs.
   *
   * skill_record holds all five exercise kinds in one table: the shared columns (times,
   * before/after distress, private, how far the person got) are columns with CHECKs, and the
   * kind's own answers are a JSON object (payload) that SteadySkillStore validates field by
   * field. The forms are mostly free text, always read and written whole, and will change
   * with the clinical content; one table gives one search arm, one set of index triggers and
   * one delete/undo path. The ratings inside the payload are still checked here: scalars by
   * CHECK on json_extract (), the lists of moods and thoughts by a trigger, since a CHECK
   * cannot hold a subquery.
   *
   * The searchable text of a record is its text answers, mood names and thoughts (SKILL_BODY):
   * a pure function of the row, so the index can be told exactly what to remove. Diary cards
   * hold ratings only and are not in the index. */
  { 6,
    "CREATE TABLE skill_record ("
    "  id              INTEGER PRIMARY KEY,"
    "  uuid            TEXT NOT NULL UNIQUE CHECK (length (uuid) = 36),"
    "  kind            TEXT NOT NULL CHECK (kind IN ('thought-record', 'name-emotion',"
    "                    'check-facts', 'opposite-action', 'please-check')),"
    "  created_us      INTEGER NOT NULL,"
    "  updated_us      INTEGER NOT NULL CHECK (updated_us >= created_us),"
    "  at_us           INTEGER NOT NULL"
    "                  CHECK (at_us BETWEEN -2208988800000000 AND 32503679999999999),"
    "  utc_offset_s    INTEGER NOT NULL CHECK (utc_offset_s BETWEEN -64800 AND 64800),"
    "  local_day       INTEGER NOT NULL GENERATED ALWAYS AS"
    "                    ((at_us + utc_offset_s * 1000000 + 86400000000000000) / 86400000000"
    "                     - 1000000) VIRTUAL,"
    "  step_reached    INTEGER NOT NULL DEFAULT 1 CHECK (step_reached BETWEEN 1 AND 10),"
    "  finished        INTEGER NOT NULL DEFAULT 0 CHECK (finished IN (0, 1)),"
    "  distress_before INTEGER CHECK (distress_before BETWEEN 0 AND 10),"
    "  distress_after  INTEGER CHECK (distress_after BETWEEN 0 AND 10),"
    "  private         INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),"
    "  payload         TEXT NOT NULL DEFAULT '{}' CHECK (length (payload) <= 4194304 AND"
    "                    json_valid (payload) AND json_type (payload) = 'object'),"
    SKILL_PERCENT_CHECK ("intensity")
    SKILL_PERCENT_CHECK ("belief")
    SKILL_CHOICE_CHECK ("fits")
    SKILL_CHOICE_CHECK ("effective")
    SKILL_CHOICE_CHECK ("want_change")
    SKILL_CHOICE_CHECK ("illness")
    SKILL_CHOICE_CHECK ("eating")
    SKILL_CHOICE_CHECK ("substances")
    SKILL_CHOICE_CHECK ("sleep")
    SKILL_CHOICE_CHECK ("exercise")
    "  CHECK (json_type (payload, '$.moods') IS NULL OR json_type (payload, '$.moods') = 'array'),"
    "  CHECK (json_type (payload, '$.thoughts') IS NULL OR"
    "         json_type (payload, '$.thoughts') = 'array'),"
    "  CHECK (json_type (payload, '$.traps') IS NULL OR json_type (payload, '$.traps') = 'array')"
    ") STRICT;"
    "CREATE INDEX skill_record_by_time ON skill_record (at_us);"
    "CREATE INDEX skill_record_by_kind ON skill_record (kind, at_us);"

    /* Moods are rated 0–100 before and (step 7) after; at most one thought is the hot one. */
    "CREATE TRIGGER skill_record_lists_checked BEFORE INSERT ON skill_record "
    "BEGIN"
    SKILL_LISTS_CHECK
    "END;"
    "CREATE TRIGGER skill_record_lists_rechecked BEFORE UPDATE OF payload ON skill_record "
    "BEGIN"
    SKILL_LISTS_CHECK
    "END;"
    "CREATE TRIGGER skill_record_uuid_kept BEFORE UPDATE OF uuid, kind ON skill_record"
    "  WHEN old.uuid IS NOT new.uuid OR old.kind IS NOT new.kind "
    "BEGIN"
    "  SELECT RAISE (ABORT, 'a skill record keeps its uuid and kind');"
    "END;"

    /* The search index: the second arm of search_content, and triggers like the journal's.
     * search_doc.kind is the record's kind. */
    "DROP VIEW search_content;"
    "CREATE VIEW search_content (id, body, tags) AS"
    CONTENT_OF_ENTRIES
    "  UNION ALL"
    CONTENT_OF_SKILL_RECORDS ";"
    "CREATE TRIGGER skill_record_indexed AFTER INSERT ON skill_record "
    "BEGIN"
    "  INSERT INTO search_doc (id, kind, record_uuid) VALUES (" SKILL_FREE_DOC_ID ","
    "    new.kind, new.uuid);"
    "  INSERT INTO search_fts (rowid, body, tags)"
    "    SELECT id, " SKILL_BODY ("new.payload") ", tags FROM search_doc"
    "     WHERE kind = new.kind AND record_uuid = new.uuid;"
    "END;"
    "CREATE TRIGGER skill_record_reindexed AFTER UPDATE OF payload, at_us ON skill_record"
    "  WHEN old.payload IS NOT new.payload OR old.at_us IS NOT new.at_us "
    "BEGIN"
    "  INSERT INTO search_fts (search_fts, rowid, body, tags)"
    "    SELECT 'delete', id, " SKILL_BODY ("old.payload") ", tags FROM search_doc"
    "     WHERE kind = old.kind AND record_uuid = old.uuid;"
    "  UPDATE search_doc SET id = " SKILL_FREE_DOC_ID
    "   WHERE kind = old.kind AND record_uuid = old.uuid AND old.at_us IS NOT new.at_us;"
    "  INSERT INTO search_fts (rowid, body, tags)"
    "    SELECT id, " SKILL_BODY ("new.payload") ", tags FROM search_doc"
    "     WHERE kind = new.kind AND record_uuid = new.uuid;"
    "END;"
    "CREATE TRIGGER skill_record_unindexed BEFORE DELETE ON skill_record "
    "BEGIN"
    "  INSERT INTO search_fts (search_fts, rowid, body, tags)"
    "    SELECT 'delete', id, " SKILL_BODY ("old.payload") ", tags FROM search_doc"
    "     WHERE kind = old.kind AND record_uuid = old.uuid;"
    "  DELETE FROM search_doc WHERE kind = old.kind AND record_uuid = old.uuid;"
    "END;"

    /* The rows of the user's diary card: emotions and urges they chose to track. A target is
     * archived rather than deleted once it has ratings, so old cards keep their rows. */
    "CREATE TABLE diary_target ("
    "  id          INTEGER PRIMARY KEY,"
    "  uuid        TEXT NOT NULL UNIQUE CHECK (length (uuid) = 36),"
    "  kind        TEXT NOT NULL CHECK (kind IN ('emotion', 'urge')),"
    "  name        TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 100),"
    "  position    INTEGER NOT NULL DEFAULT 0,"
    "  archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
    "  created_us  INTEGER NOT NULL,"
    "  updated_us  INTEGER NOT NULL"
    ") STRICT;"
    "CREATE UNIQUE INDEX diary_target_name ON diary_target (kind, name COLLATE NOCASE);"
    /* One card per local day (days counted from 1970-01-01, as the journal's local_day). */
    "CREATE TABLE diary_card ("
    "  id           INTEGER PRIMARY KEY,"
    "  uuid         TEXT NOT NULL UNIQUE CHECK (length (uuid) = 36),"
    "  local_day    INTEGER NOT NULL UNIQUE CHECK (local_day BETWEEN -25567 AND 376199),"
    "  utc_offset_s INTEGER NOT NULL CHECK (utc_offset_s BETWEEN -64800 AND 64800),"
    "  distress     INTEGER CHECK (distress BETWEEN 0 AND 10),"
    "  private      INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),"
    "  created_us   INTEGER NOT NULL,"
    "  updated_us   INTEGER NOT NULL CHECK (updated_us >= created_us)"
    ") STRICT;"
    /* acted: for urges only, whether the person acted on it that day. */
    "CREATE TABLE diary_card_rating ("
    "  card_id    INTEGER NOT NULL REFERENCES diary_card (id) ON DELETE CASCADE,"
    "  target_id  INTEGER NOT NULL REFERENCES diary_target (id) ON DELETE CASCADE,"
    "  rating     INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 5),"
    "  acted      INTEGER CHECK (acted IN (0, 1)),"
    "  PRIMARY KEY (card_id, target_id)"
    ") STRICT, WITHOUT ROWID;"
    /* skill: a skill id of the library (steady-skills-library.c); rating: the 0–7 scale. */
    "CREATE TABLE diary_card_skill ("
    "  card_id    INTEGER NOT NULL REFERENCES diary_card (id) ON DELETE CASCADE,"
    "  skill      TEXT NOT NULL CHECK (length (skill) BETWEEN 1 AND 64),"
    "  rating     INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 7),"
    "  PRIMARY KEY (card_id, skill)"
    ") STRICT, WITHOUT ROWID;"
    /* "I used this": one use of a library skill, with the distress before and after. */
    "CREATE TABLE skill_use ("
    "  id              INTEGER PRIMARY KEY,"
    "  uuid            TEXT NOT NULL UNIQUE CHECK (length (uuid) = 36),"
    "  skill           TEXT NOT NULL CHECK (length (skill) BETWEEN 1 AND 64),"
    "  at_us           INTEGER NOT NULL"
    "                  CHECK (at_us BETWEEN -2208988800000000 AND 32503679999999999),"
    "  utc_offset_s    INTEGER NOT NULL CHECK (utc_offset_s BETWEEN -64800 AND 64800),"
    "  rating          INTEGER CHECK (rating BETWEEN 0 AND 7),"
    "  distress_before INTEGER CHECK (distress_before BETWEEN 0 AND 10),"
    "  distress_after  INTEGER CHECK (distress_after BETWEEN 0 AND 10),"
    "  created_us      INTEGER NOT NULL"
    ") STRICT;"
    "CREATE INDEX skill_use_by_time ON skill_use (at_us);"
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

/* ----------------------------------------------------------------------------------------
 * Writing many records at once
 *
 * FTS5 keeps the words of new rows in memory only while their rowids grow; a row whose
 * rowid is lower than the last one written first flushes what it holds to a segment of its
 * own. A restore writes records in the backup's (uuid) order, so indexing each one as it is
 * inserted cost a flush, and the merges that follow, per record: 4.5 s of a restore of
 * twenty years. FTS5 also writes out what it holds at the end of each statement. A bulk
 * writer therefore pauses the triggers that index new records, and indexes them all
 * afterwards with one statement in the order of their ids (about 1 s).
 * ------------------------------------------------------------------------------------- */

/* The triggers that give a newly inserted record its search_doc and index its words. The
 * triggers for edits and deletions stay: they find no search_doc for a paused record. */
static const char * const index_on_insert_triggers[] = {
  "mood_entry_indexed",
  "skill_record_indexed",
};

#define INDEX_STEP 256
/* Giving records their ids is a tenth of the work; indexing their words the rest. */
#define DOCS_SHARE 0.1
/* FTS5's default buffer for new words, and the one bulk indexing borrows. */
#define FTS5_HASH_SIZE 1048576
#define BULK_HASH_SIZE 16777216

static gboolean
exec_or_fail (sqlite3     *db,
              const char  *sql,
              GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      /* Translators: what Steady was doing when saving failed. */
      steady_database_set_error_from_sqlite (error, db, rc, _("updating the search index"));
      return FALSE;
    }
  return TRUE;
}

GStrv
steady_schema_pause_indexing (sqlite3  *db,
                              GError  **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) saved = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (!sqlite3_get_autocommit (db), NULL);

  rc = sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1",
                           -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (index_on_insert_triggers); i++)
    {
      sqlite3_bind_text (stmt, 1, index_on_insert_triggers[i], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          g_strv_builder_add (builder, (const char *)sqlite3_column_text (stmt, 0));
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      steady_database_set_error_from_sqlite (error, db, rc, _("updating the search index"));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (index_on_insert_triggers); i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER IF EXISTS %s",
                                               index_on_insert_triggers[i]);

      if (!exec_or_fail (db, drop, error))
        return NULL;
    }
  saved = g_strv_builder_end (builder);
  return g_steal_pointer (&saved);
}

typedef struct
{
  gint64 at_us;
  char  *kind;
  char  *uuid;
} Unindexed;

static void
unindexed_clear (gpointer data)
{
  Unindexed *record = data;

  g_free (record->kind);
  g_free (record->uuid);
}

/* Every record without a search_doc, oldest first (ties by uuid, so the ids are the same
 * on every run). */
static GArray *
find_unindexed (sqlite3  *db,
                int      *rc)
{
  g_autoptr(GArray) records = g_array_new (FALSE, FALSE, sizeof (Unindexed));
  sqlite3_stmt *stmt = NULL;

  g_array_set_clear_func (records, unindexed_clear);
  *rc = sqlite3_prepare_v2 (db,
                            "SELECT r.at_us, r.kind, r.uuid"
                            "  FROM (SELECT at_us, 'mood-entry' AS kind, uuid FROM mood_entry"
                            "        UNION ALL"
                            "        SELECT at_us, kind, uuid FROM skill_record) AS r"
                            " WHERE NOT EXISTS (SELECT 1 FROM search_doc AS d"
                            "                    WHERE d.kind = r.kind"
                            "                      AND d.record_uuid = r.uuid)"
                            " ORDER BY r.at_us, r.uuid", -1, &stmt, NULL);
  while (*rc == SQLITE_OK && (*rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Unindexed record = {
        sqlite3_column_int64 (stmt, 0),
        g_strdup ((const char *)sqlite3_column_text (stmt, 1)),
        g_strdup ((const char *)sqlite3_column_text (stmt, 2)),
      };

      g_array_append_val (records, record);
      *rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (*rc == SQLITE_DONE)
    *rc = SQLITE_OK;
  return *rc == SQLITE_OK ? g_steal_pointer (&records) : NULL;
}

gboolean
steady_schema_resume_indexing (sqlite3                *db,
                               const char * const     *saved,
                               SteadySchemaIndexFunc   func,
                               gpointer                user_data,
                               GError                **error)
{
  g_autoptr(GArray) records = NULL;
  g_autoptr(GString) ids = g_string_new ("[");
  sqlite3_stmt *add_doc = NULL, *add_words = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (saved != NULL, FALSE);
  g_return_val_if_fail (!sqlite3_get_autocommit (db), FALSE);

  for (guint i = 0; saved[i] != NULL; i++)
    if (!exec_or_fail (db, saved[i], error))
      return FALSE;

  records = find_unindexed (db, &rc);
  if (records == NULL)
    goto failed;

  /* The same ids and tags the insert and tag triggers would have given, record by record. */
  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO search_doc (id, kind, record_uuid, tags) VALUES ("
                           FREE_DOC_ID_AT ("?1") ", ?2, ?3,"
                           " CASE WHEN ?2 = 'mood-entry' THEN "
                           ENTRY_TAGS ("(SELECT id FROM mood_entry WHERE uuid = ?3)")
                           " ELSE '' END)", -1, &add_doc, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < records->len; i++)
    {
      Unindexed *record = &g_array_index (records, Unindexed, i);

      sqlite3_bind_int64 (add_doc, 1, record->at_us);
      sqlite3_bind_text (add_doc, 2, record->kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (add_doc, 3, record->uuid, -1, SQLITE_STATIC);
      rc = sqlite3_step (add_doc);
      sqlite3_reset (add_doc);
      if (rc != SQLITE_DONE)
        break;
      rc = SQLITE_OK;
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                              (gint64)sqlite3_last_insert_rowid (db));
      if (func != NULL && (i + 1) % INDEX_STEP == 0 &&
          !func (DOCS_SHARE * (i + 1) / records->len, user_data, error))
        rc = SQLITE_INTERRUPT;
    }
  sqlite3_finalize (add_doc);
  if (rc != SQLITE_OK)
    goto failed;
  g_string_append_c (ids, ']');

  /* One statement: FTS5 writes out what it holds at the end of every statement, so the
   * words of records indexed one statement at a time each become a segment of their own.
   * SQLite will not push "id IN (…)" into the view's arms, so the arms are written here,
   * each limited to the new ids. */
  rc = sqlite3_prepare_v2 (db,
                           "INSERT INTO search_fts (rowid, body, tags)"
                           "  SELECT * FROM ("
                           CONTENT_OF_ENTRIES " AND d.id IN (SELECT value FROM json_each (?1))"
                           "  UNION ALL"
                           CONTENT_OF_SKILL_RECORDS
                           "     AND d.id IN (SELECT value FROM json_each (?1))"
                           "  ) ORDER BY 1", -1, &add_words, NULL);
  /* FTS5 writes out its words each time they fill its buffer (1 MiB), and merges what it
   * wrote; a larger buffer for this one statement saves a third of the time. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "INSERT INTO search_fts (search_fts, rank)"
                           "  VALUES ('hashsize', " G_STRINGIFY (BULK_HASH_SIZE) ")",
                       NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (add_words, 1, ids->str, (int)ids->len, SQLITE_STATIC);
      rc = sqlite3_step (add_words);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (add_words);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "INSERT INTO search_fts (search_fts, rank)"
                           "  VALUES ('hashsize', " G_STRINGIFY (FTS5_HASH_SIZE) ")",
                       NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    goto failed;
  if (func != NULL && !func (1.0, user_data, error))
    return FALSE;
  return TRUE;

failed:
  /* SQLITE_INTERRUPT: @func said why. */
  if (rc != SQLITE_INTERRUPT)
    steady_database_set_error_from_sqlite (error, db, rc, _("updating the search index"));
  return FALSE;
}
