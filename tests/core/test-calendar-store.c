/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-calendar-store.c: the session calendar in the database — schema v4 and its
 * constraints, series CRUD, edits of this / this and following / all, attendance and the
 * "bring this up" list. */

#include "config.h"

#include <locale.h>

#include "steady-database.h"
#include "steady-occurrence-store.h"
#include "steady-recurrence.h"
#include "steady-session-store.h"

typedef struct
{
  SteadyDatabase     *db;
  SteadySessionStore *store;
  guint               n_changed;
} Fixture;

static gint64
iso_us (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static void
on_changed (SteadySessionStore *store,
            Fixture            *f)
{
  f->n_changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_database_get_default_path ();
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  f->db = steady_database_open (path, &error);
  g_assert_no_error (error);
  f->store = steady_session_store_new (f->db);
  steady_session_store_set_local_zone (f->store, utc);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->db);
}

static SteadySessionSeries *
group_series (void)
{
  SteadySessionSeries *series = steady_session_series_new ();

  steady_session_series_set_title (series, "Group therapy");
  series->kind = STEADY_SESSION_KIND_GROUP;
  steady_session_series_set_place (series, "Building B, room 2");
  steady_session_series_set_clinician (series, "Dr. Rivera");
  steady_session_series_set_start (series, "20250106T090000", "Europe/Berlin");
  series->duration_minutes = 180;
  steady_session_series_set_rrule (series, "FREQ=WEEKLY;BYDAY=MO,WE,TH;COUNT=24");
  return series;
}

static GPtrArray *
expand_all (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GPtrArray *result = steady_session_store_expand (f->store, iso_us ("2024-12-01T00:00:00Z"),
                                                   iso_us ("2026-01-01T00:00:00Z"), &problems,
                                                   &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpuint (problems->len, ==, 0);
  return result;
}

static SteadyOccurrence *
find_key (GPtrArray  *occurrences,
          const char *uuid,
          const char *key)
{
  for (guint i = 0; i < occurrences->len; i++)
    {
      SteadyOccurrence *occurrence = g_ptr_array_index (occurrences, i);

      if (g_strcmp0 (occurrence->series->uuid, uuid) == 0 &&
          g_strcmp0 (occurrence->original_start_local, key) == 0)
        return occurrence;
    }
  return NULL;
}

static guint
count_series (GPtrArray  *occurrences,
              const char *uuid)
{
  guint n = 0;

  for (guint i = 0; i < occurrences->len; i++)
    n += g_strcmp0 (((SteadyOccurrence *)g_ptr_array_index (occurrences, i))->series->uuid,
                    uuid) == 0;
  return n;
}

static int
query_int (Fixture    *f,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_prepare_v2 (steady_database_get_handle (f->db), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static int
exec_rc (Fixture    *f,
         const char *sql)
{
  return sqlite3_exec (steady_database_get_handle (f->db), sql, NULL, NULL, NULL) & 0xff;
}

static void
test_schema (Fixture       *f,
             gconstpointer  data)
{
  g_assert_cmpint (steady_database_get_schema_version (f->db), >=, 4);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM sqlite_schema WHERE name IN "
                                 "('session_series', 'session_exdates', "
                                 "'session_reminder_offsets', 'session_overrides', "
                                 "'session_attendance', 'session_bring_up_items', "
                                 "'reminders_sent')"), ==, 7);

  /* CHECK constraints refuse what the code would never write. */
  g_assert_cmpint (exec_rc (f, "INSERT INTO session_series (uuid, title, kind, start_local, "
                               "duration_minutes, times_changed_us, created_us, updated_us) "
                               "VALUES ('00000000-0000-0000-0000-000000000001', 'x', 'party', "
                               "'20250106T090000', 60, 0, 0, 0)"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (exec_rc (f, "INSERT INTO session_series (uuid, title, kind, start_local, "
                               "duration_minutes, times_changed_us, created_us, updated_us) "
                               "VALUES ('00000000-0000-0000-0000-000000000001', 'x', 'group', "
                               "'2025-01-06 09:00', 60, 0, 0, 0)"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (exec_rc (f, "INSERT INTO session_series (uuid, title, kind, start_local, "
                               "duration_minutes, times_changed_us, created_us, updated_us) "
                               "VALUES ('00000000-0000-0000-0000-000000000001', '', 'group', "
                               "'20250106T090000', 60, 0, 0, 0)"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (exec_rc (f, "INSERT INTO session_series (uuid, title, kind, start_local, "
                               "duration_minutes, times_changed_us, created_us, updated_us) "
                               "VALUES ('00000000-0000-0000-0000-000000000001', 'x', 'group', "
                               "'20250106T090000', 0, 0, 0, 0)"), ==, SQLITE_CONSTRAINT);
  /* A reminder for a series that does not exist. */
  g_assert_cmpint (exec_rc (f, "INSERT INTO reminders_sent (series_uuid, original_start_local, "
                               "offset_minutes, state, sent_us, created_us, updated_us) "
                               "VALUES ('00000000-0000-0000-0000-000000000009', "
                               "'20250106T090000', 60, 'sent', 0, 0, 0)"), ==, SQLITE_CONSTRAINT);
}

static void
test_series_crud (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SteadySessionSeries) series = group_series ();
  g_autoptr(SteadySessionSeries) loaded = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (steady_session_store_add_series (f->store, series, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpint (series->created_us, >, 0);

  loaded = steady_session_store_get_series (f->store, series->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->title, ==, "Group therapy");
  g_assert_cmpint (loaded->kind, ==, STEADY_SESSION_KIND_GROUP);
  g_assert_cmpstr (loaded->place, ==, "Building B, room 2");
  g_assert_cmpstr (loaded->clinician, ==, "Dr. Rivera");
  g_assert_cmpstr (loaded->start_local, ==, "20250106T090000");
  g_assert_cmpstr (loaded->tzid, ==, "Europe/Berlin");
  g_assert_cmpint (loaded->duration_minutes, ==, 180);
  /* Default reminders: a day and an hour before. */
  g_assert_cmpuint (loaded->reminder_offsets->len, ==, 2);
  g_assert_cmpint (g_array_index (loaded->reminder_offsets, int, 0), ==, 24 * 60);
  g_assert_cmpint (g_array_index (loaded->reminder_offsets, int, 1), ==, 60);

  occurrences = expand_all (f);
  g_assert_cmpuint (occurrences->len, ==, 24);
  g_clear_pointer (&occurrences, g_ptr_array_unref);

  /* Update "all": a new place and only a 2-hour reminder. */
  {
    const int offsets[] = { 120 };

    steady_session_series_set_place (loaded, "Building C");
    steady_session_series_set_reminder_offsets (loaded, offsets, 1);
    g_assert_true (steady_session_store_update_series (f->store, loaded, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&loaded, steady_session_series_unref);
  loaded = steady_session_store_get_series (f->store, series->uuid, &error);
  g_assert_cmpstr (loaded->place, ==, "Building C");
  g_assert_cmpuint (loaded->reminder_offsets->len, ==, 1);
  g_assert_cmpint (g_array_index (loaded->reminder_offsets, int, 0), ==, 120);
  /* Only the place changed: when the times last changed stays as it was. */
  g_assert_cmpint (loaded->times_changed_us, ==, series->times_changed_us);

  all = steady_session_store_list_series (f->store, &error);
  g_assert_cmpuint (all->len, ==, 1);

  g_assert_true (steady_session_store_delete_series (f->store, series->uuid, &error));
  g_assert_false (steady_session_store_delete_series (f->store, series->uuid, &error));
  g_assert_error (error, STEADY_SESSION_STORE_ERROR, STEADY_SESSION_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (steady_session_store_get_series (f->store, series->uuid, &error));
  g_assert_error (error, STEADY_SESSION_STORE_ERROR, STEADY_SESSION_STORE_ERROR_NOT_FOUND);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  struct {
    const char *title;
    const char *tzid;
    const char *rrule;
    int duration;
    GQuark domain;
    int code;
  } cases[] = {
    { "  ", "Europe/Berlin", "", 60, STEADY_SESSION_STORE_ERROR,
      STEADY_SESSION_STORE_ERROR_INVALID },
    { "Group", "Europe/Berlin", "", 0, STEADY_SESSION_STORE_ERROR,
      STEADY_SESSION_STORE_ERROR_INVALID },
    { "Group", "Europe/Atlantis", "", 60, STEADY_RECURRENCE_ERROR,
      STEADY_RECURRENCE_ERROR_UNKNOWN_ZONE },
    { "Group", "Europe/Berlin", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", 60,
      STEADY_RECURRENCE_ERROR, STEADY_RECURRENCE_ERROR_NEVER_HAPPENS },
    { "Group", "Europe/Berlin", "FREQ=DAILY;COUNT=2;UNTIL=20250301T000000Z", 60,
      STEADY_RECURRENCE_ERROR, STEADY_RECURRENCE_ERROR_COUNT_AND_UNTIL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SteadySessionSeries) series = steady_session_series_new ();
      g_autoptr(GError) error = NULL;

      steady_session_series_set_title (series, cases[i].title);
      steady_session_series_set_start (series, "20250106T090000", cases[i].tzid);
      steady_session_series_set_rrule (series, cases[i].rrule);
      series->duration_minutes = cases[i].duration;
      g_assert_false (steady_session_store_add_series (f->store, series, &error));
      g_assert_error (error, cases[i].domain, cases[i].code);
    }
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM session_series"), ==, 0);
  g_assert_cmpuint (f->n_changed, ==, 0);
}

static SteadySessionSeries *
edited_occurrence (Fixture    *f,
                   const char *uuid)
{
  g_autoptr(GError) error = NULL;
  SteadySessionSeries *series = steady_session_store_get_series (f->store, uuid, &error);

  g_assert_no_error (error);
  return series;
}

static void
test_edit_this (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SteadySessionSeries) series = group_series ();
  g_autoptr(SteadySessionSeries) edit = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *result_uuid = NULL;
  SteadyOccurrence *occurrence;

  g_assert_true (steady_session_store_add_series (f->store, series, &error));

  /* Move Wednesday 15 January to 14:00 and give it another room. */
  edit = edited_occurrence (f, series->uuid);
  steady_session_series_set_start (edit, "20250115T140000", "Europe/Berlin");
  steady_session_series_set_place (edit, "Room 7");
  g_assert_true (steady_session_store_edit_occurrence (f->store, series->uuid, "20250115T090000",
                                                       edit, STEADY_EDIT_SCOPE_THIS,
                                                       &result_uuid, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (result_uuid, ==, series->uuid);

  occurrences = expand_all (f);
  g_assert_cmpuint (occurrences->len, ==, 24);
  occurrence = find_key (occurrences, series->uuid, "20250115T090000");
  g_assert_nonnull (occurrence);
  g_assert_cmpint (occurrence->start_us, ==, iso_us ("2025-01-15T13:00:00Z"));
  g_assert_cmpstr (occurrence->place, ==, "Room 7");
  g_assert_cmpstr (occurrence->title, ==, "Group therapy");
  g_assert_true (occurrence->flags & STEADY_OCCURRENCE_MOVED);
  occurrence = find_key (occurrences, series->uuid, "20250116T090000");
  g_assert_cmpstr (occurrence->place, ==, "Building B, room 2");

  /* Cancel Monday 20 January: still listed, flagged; then un-cancel. */
  g_assert_true (steady_session_store_cancel_occurrence (f->store, series->uuid,
                                                         "20250120T090000", TRUE, &error));
  g_clear_pointer (&occurrences, g_ptr_array_unref);
  occurrences = expand_all (f);
  g_assert_true (find_key (occurrences, series->uuid, "20250120T090000")->flags &
                 STEADY_OCCURRENCE_CANCELLED);
  g_assert_true (steady_session_store_cancel_occurrence (f->store, series->uuid,
                                                         "20250120T090000", FALSE, &error));
  /* An override that changes nothing is not kept. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM session_overrides"), ==, 1);

  /* An occurrence that does not exist cannot be edited. */
  g_assert_false (steady_session_store_edit_occurrence (f->store, series->uuid,
                                                        "20250114T090000", edit,
                                                        STEADY_EDIT_SCOPE_THIS, NULL, &error));
  g_assert_error (error, STEADY_SESSION_STORE_ERROR, STEADY_SESSION_STORE_ERROR_NOT_FOUND);
}

static void
test_edit_all_moves_records (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(SteadySessionSeries) series = group_series ();
  g_autoptr(SteadySessionSeries) edit = NULL;
  g_autoptr(SteadySessionSeries) loaded = NULL;
  g_autoptr(SteadyOccurrenceStore) notes = steady_occurrence_store_new (f->db);
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(SteadyBringUpItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  SteadyAttendance attendance;

  steady_session_series_add_exdate (series, "20250116T090000");
  g_assert_true (steady_session_store_add_series (f->store, series, &error));
  g_assert_true (steady_occurrence_store_set_attendance (notes, series->uuid, "20250108T090000",
                                                         STEADY_ATTENDANCE_ATTENDED, "went well",
                                                         &error));
  item = steady_occurrence_store_add_bring_up (notes, series->uuid, "20250113T090000",
                                               "Sleep has been worse", NULL, &error);
  g_assert_no_error (error);

  /* Everything moves an hour later, from the occurrence on 13 January. */
  edit = edited_occurrence (f, series->uuid);
  steady_session_series_set_start (edit, "20250113T100000", "Europe/Berlin");
  g_assert_true (steady_session_store_edit_occurrence (f->store, series->uuid, "20250113T090000",
                                                       edit, STEADY_EDIT_SCOPE_ALL, NULL, &error));
  g_assert_no_error (error);

  loaded = edited_occurrence (f, series->uuid);
  g_assert_cmpstr (loaded->start_local, ==, "20250106T100000");
  g_assert_cmpuint (loaded->exdates->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (loaded->exdates, 0), ==, "20250116T100000");
  g_assert_cmpint (loaded->times_changed_us, >=, series->times_changed_us);

  occurrences = expand_all (f);
  g_assert_cmpuint (occurrences->len, ==, 23);
  g_assert_null (find_key (occurrences, series->uuid, "20250116T100000"));

  /* What the user recorded moved with its session. */
  g_assert_true (steady_occurrence_store_get_attendance (notes, series->uuid, "20250108T100000",
                                                         &attendance, &note, &error));
  g_assert_cmpint (attendance, ==, STEADY_ATTENDANCE_ATTENDED);
  g_assert_cmpstr (note, ==, "went well");
  items = steady_occurrence_store_list_bring_up (notes, series->uuid, "20250113T100000", &error);
  g_assert_cmpuint (items->len, ==, 1);
}

static void
test_edit_following_splits (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(SteadySessionSeries) series = group_series ();
  g_autoptr(SteadySessionSeries) edit = NULL;
  g_autoptr(SteadySessionSeries) first = NULL;
  g_autoptr(SteadySessionSeries) second = NULL;
  g_autoptr(SteadyOccurrenceStore) notes = steady_occurrence_store_new (f->db);
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(SteadyBringUpItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *new_uuid = NULL;
  SteadyOccurrence *occurrence;

  g_assert_true (steady_session_store_add_series (f->store, series, &error));
  item = steady_occurrence_store_add_bring_up (notes, series->uuid, "20250203T090000",
                                               "Ask about the new schedule", NULL, &error);
  g_assert_no_error (error);

  /* From Monday 27 January on, the group meets at 13:00 in another room. */
  edit = edited_occurrence (f, series->uuid);
  steady_session_series_set_start (edit, "20250127T130000", "Europe/Berlin");
  steady_session_series_set_place (edit, "Annex");
  g_assert_true (steady_session_store_edit_occurrence (f->store, series->uuid, "20250127T090000",
                                                       edit, STEADY_EDIT_SCOPE_THIS_AND_FOLLOWING,
                                                       &new_uuid, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (new_uuid, !=, series->uuid);

  first = edited_occurrence (f, series->uuid);
  second = edited_occurrence (f, new_uuid);
  g_assert_cmpstr (first->rrule, ==, "FREQ=WEEKLY;COUNT=9;BYDAY=MO,WE,TH");
  g_assert_cmpstr (second->rrule, ==, "FREQ=WEEKLY;COUNT=15;BYDAY=MO,WE,TH");
  g_assert_cmpstr (second->start_local, ==, "20250127T130000");
  g_assert_cmpstr (second->place, ==, "Annex");
  g_assert_cmpstr (first->place, ==, "Building B, room 2");

  occurrences = expand_all (f);
  g_assert_cmpuint (occurrences->len, ==, 24);
  g_assert_cmpuint (count_series (occurrences, series->uuid), ==, 9);
  g_assert_cmpuint (count_series (occurrences, new_uuid), ==, 15);
  occurrence = find_key (occurrences, new_uuid, "20250127T130000");
  g_assert_nonnull (occurrence);
  g_assert_cmpint (occurrence->start_us, ==, iso_us ("2025-01-27T12:00:00Z"));

  /* The "bring this up" item followed its session into the new series. */
  items = steady_occurrence_store_list_bring_up (notes, new_uuid, "20250203T130000", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (((SteadyBringUpItem *)g_ptr_array_index (items, 0))->text, ==,
                   "Ask about the new schedule");
}

static void
test_edit_following_endless (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(SteadySessionSeries) series = group_series ();
  g_autoptr(SteadySessionSeries) edit = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *new_uuid = NULL;

  steady_session_series_set_rrule (series, "FREQ=WEEKLY;BYDAY=MO");
  g_assert_true (steady_session_store_add_series (f->store, series, &error));

  /* The edit describes the occurrence as the user left it, so it starts on 3 March. */
  edit = edited_occurrence (f, series->uuid);
  steady_session_series_set_start (edit, "20250303T090000", "Europe/Berlin");
  steady_session_series_set_title (edit, "Group therapy (new group)");
  g_assert_true (steady_session_store_edit_occurrence (f->store, series->uuid, "20250303T090000",
                                                       edit, STEADY_EDIT_SCOPE_THIS_AND_FOLLOWING,
                                                       &new_uuid, &error));
  g_assert_no_error (error);

  occurrences = expand_all (f);
  /* Mondays from 6 January to 29 December 2025: 52, split 8 + 44. */
  g_assert_cmpuint (count_series (occurrences, series->uuid), ==, 8);
  g_assert_cmpuint (count_series (occurrences, new_uuid), ==, 44);
  g_assert_cmpstr (find_key (occurrences, new_uuid, "20250303T090000")->title, ==,
                   "Group therapy (new group)");
}

static void
test_delete_occurrences (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SteadySessionSeries) series = group_series ();
  g_autoptr(SteadySessionSeries) single = steady_session_series_new ();
  g_autoptr(SteadyOccurrenceStore) notes = steady_occurrence_store_new (f->db);
  g_autoptr(SteadyBringUpItem) kept = NULL;
  g_autoptr(SteadyBringUpItem) dropped = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (steady_session_store_add_series (f->store, series, &error));
  steady_session_series_set_title (single, "Medication review");
  steady_session_series_set_start (single, "20250110T150000", "Europe/Berlin");
  g_assert_true (steady_session_store_add_series (f->store, single, &error));
  dropped = steady_occurrence_store_add_bring_up (notes, series->uuid, "20250108T090000", "a",
                                                  NULL, &error);
  kept = steady_occurrence_store_add_bring_up (notes, series->uuid, "20250109T090000", "b",
                                               NULL, &error);
  g_assert_no_error (error);

  /* This one: an exception, and only its own records go. */
  g_assert_true (steady_session_store_delete_occurrence (f->store, series->uuid,
                                                         "20250108T090000",
                                                         STEADY_EDIT_SCOPE_THIS, &error));
  g_assert_no_error (error);
  occurrences = expand_all (f);
  g_assert_cmpuint (count_series (occurrences, series->uuid), ==, 23);
  g_assert_null (find_key (occurrences, series->uuid, "20250108T090000"));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM session_bring_up_items"), ==, 1);
  g_clear_pointer (&occurrences, g_ptr_array_unref);

  /* This and following, from Monday 3 February: 6/8/9, 13/15/16, 20/22/23, 27/29/30 Jan
   * less the deleted 8 January leave 11. */
  g_assert_true (steady_session_store_delete_occurrence (f->store, series->uuid,
                                                         "20250203T090000",
                                                         STEADY_EDIT_SCOPE_THIS_AND_FOLLOWING,
                                                         &error));
  g_assert_no_error (error);
  occurrences = expand_all (f);
  g_assert_cmpuint (count_series (occurrences, series->uuid), ==, 11);
  g_clear_pointer (&occurrences, g_ptr_array_unref);

  /* A single session's "this one" is the whole series. */
  g_assert_true (steady_session_store_delete_occurrence (f->store, single->uuid,
                                                         "20250110T150000",
                                                         STEADY_EDIT_SCOPE_THIS, &error));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM session_series"), ==, 1);

  /* All: the series, and every record of it, through the foreign keys. */
  g_assert_cmpint (exec_rc (f, "INSERT INTO reminders_sent (series_uuid, original_start_local, "
                               "offset_minutes, state, sent_us, created_us, updated_us) "
                               "SELECT uuid, '20250106T090000', 60, 'sent', 1, 1, 1 "
                               "FROM session_series"), ==, SQLITE_OK);
  g_assert_true (steady_session_store_delete_occurrence (f->store, series->uuid,
                                                         "20250106T090000",
                                                         STEADY_EDIT_SCOPE_ALL, &error));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM session_series"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM session_bring_up_items"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM session_reminder_offsets"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM reminders_sent"), ==, 0);
}

static void
test_attendance_and_bring_up (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SteadySessionSeries) series = group_series ();
  g_autoptr(SteadyOccurrenceStore) notes = steady_occurrence_store_new (f->db);
  g_autoptr(SteadyBringUpItem) first = NULL;
  g_autoptr(SteadyBringUpItem) second = NULL;
  g_autoptr(SteadyBringUpItem) empty = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *long_note = g_strnfill (STEADY_ATTENDANCE_MAX_NOTE_CHARS + 1, 'x');
  SteadyAttendance attendance;

  g_assert_true (steady_session_store_add_series (f->store, series, &error));

  g_assert_true (steady_occurrence_store_get_attendance (notes, series->uuid, "20250106T090000",
                                                         &attendance, &note, &error));
  g_assert_cmpint (attendance, ==, STEADY_ATTENDANCE_UNKNOWN);
  g_clear_pointer (&note, g_free);

  g_assert_true (steady_occurrence_store_set_attendance (notes, series->uuid, "20250106T090000",
                                                         STEADY_ATTENDANCE_MISSED, "sick",
                                                         &error));
  g_assert_true (steady_occurrence_store_set_attendance (notes, series->uuid, "20250106T090000",
                                                         STEADY_ATTENDANCE_ATTENDED, "late",
                                                         &error));
  g_assert_true (steady_occurrence_store_get_attendance (notes, series->uuid, "20250106T090000",
                                                         &attendance, &note, &error));
  g_assert_cmpint (attendance, ==, STEADY_ATTENDANCE_ATTENDED);
  g_assert_cmpstr (note, ==, "late");
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM session_attendance"), ==, 1);

  g_assert_false (steady_occurrence_store_set_attendance (notes, series->uuid, "20250106T090000",
                                                          STEADY_ATTENDANCE_ATTENDED, long_note,
                                                          &error));
  g_assert_error (error, STEADY_SESSION_STORE_ERROR, STEADY_SESSION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (steady_occurrence_store_set_attendance (notes, series->uuid, "20250106T090000",
                                                         STEADY_ATTENDANCE_UNKNOWN, NULL, &error));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM session_attendance"), ==, 0);

  first = steady_occurrence_store_add_bring_up (notes, series->uuid, "20250108T090000",
                                                "  Trouble sleeping  ", NULL, &error);
  second = steady_occurrence_store_add_bring_up (notes, series->uuid, "20250108T090000",
                                                 "Thought record from Tuesday",
                                                 "11111111-2222-3333-4444-555555555555", &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->position, ==, 0);
  g_assert_cmpint (second->position, ==, 1);
  empty = steady_occurrence_store_add_bring_up (notes, series->uuid, "20250108T090000", "   ",
                                                NULL, &error);
  g_assert_null (empty);
  g_assert_error (error, STEADY_SESSION_STORE_ERROR, STEADY_SESSION_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (steady_occurrence_store_set_bring_up_done (notes, first->uuid, TRUE, &error));
  items = steady_occurrence_store_list_bring_up (notes, series->uuid, "20250108T090000", &error);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpstr (((SteadyBringUpItem *)g_ptr_array_index (items, 0))->text, ==,
                   "Trouble sleeping");
  g_assert_true (((SteadyBringUpItem *)g_ptr_array_index (items, 0))->done);
  g_assert_cmpstr (((SteadyBringUpItem *)g_ptr_array_index (items, 1))->linked_uuid, ==,
                   "11111111-2222-3333-4444-555555555555");

  g_assert_true (steady_occurrence_store_remove_bring_up (notes, first->uuid, &error));
  g_assert_false (steady_occurrence_store_remove_bring_up (notes, first->uuid, &error));
  g_assert_error (error, STEADY_SESSION_STORE_ERROR, STEADY_SESSION_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (steady_occurrence_store_list_bring_up (notes, "no-such-series",
                                                        "20250108T090000", &error));
  g_assert_error (error, STEADY_SESSION_STORE_ERROR, STEADY_SESSION_STORE_ERROR_NOT_FOUND);
}

/* A series the store can no longer expand (a zone removed from the system, say) is reported
 * and the others still show. */
static void
test_expand_reports_problems (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SteadySessionSeries) series = group_series ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (steady_session_store_add_series (f->store, series, &error));
  g_assert_cmpint (exec_rc (f, "INSERT INTO session_series (uuid, title, kind, start_local, "
                               "duration_minutes, tzid, times_changed_us, created_us, "
                               "updated_us) VALUES ('00000000-0000-0000-0000-000000000001', "
                               "'Old group', 'group', '20250106T090000', 60, 'Gone/Zone', 0, 0, "
                               "0)"), ==, SQLITE_OK);

  occurrences = steady_session_store_expand (f->store, iso_us ("2025-01-01T00:00:00Z"),
                                             iso_us ("2026-01-01T00:00:00Z"), &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occurrences->len, ==, 24);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "Old group"));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "Gone/Zone"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/calendar-store/schema", test_schema);
  ADD ("/calendar-store/series-crud", test_series_crud);
  ADD ("/calendar-store/validation", test_validation);
  ADD ("/calendar-store/edit-this", test_edit_this);
  ADD ("/calendar-store/edit-all-moves-records", test_edit_all_moves_records);
  ADD ("/calendar-store/edit-following-splits", test_edit_following_splits);
  ADD ("/calendar-store/edit-following-endless", test_edit_following_endless);
  ADD ("/calendar-store/delete-occurrences", test_delete_occurrences);
  ADD ("/calendar-store/attendance-and-bring-up", test_attendance_and_bring_up);
  ADD ("/calendar-store/expand-reports-problems", test_expand_reports_problems);
#undef ADD

  return g_test_run ();
}
