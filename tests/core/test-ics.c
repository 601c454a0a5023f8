/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ics.c: ICS export and import — a round trip gives the same occurrences over a year, a
 * second import updates rather than duplicates, and hostile files (too big, not UTF-8,
 * malformed lines, unknown zones, COUNT with UNTIL, endless, empty or impossible rules, too
 * many events) import what they can and say what they skipped. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "steady-ics-export.h"
#include "steady-ics-import.h"
#include "steady-recurrence.h"
#include "steady-wall-time.h"

typedef struct
{
  SteadyDatabase     *db;
  SteadySessionStore *store;
} Calendar;

static gint64
iso_us (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static void
calendar_open (Calendar   *calendar,
               const char *name)
{
  g_autofree char *dir = steady_database_get_default_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GError) error = NULL;

  calendar->db = steady_database_open (path, &error);
  g_assert_no_error (error);
  calendar->store = steady_session_store_new (calendar->db);
  /* The user's zone, for floating times and zones the file does not define. */
  steady_session_store_set_local_zone (calendar->store, berlin);
}

static void
calendar_close (Calendar *calendar)
{
  g_clear_object (&calendar->store);
  g_clear_object (&calendar->db);
}

static SteadySessionSeries *
add (Calendar   *calendar,
     const char *title,
     const char *start,
     const char *tzid,
     const char *rrule)
{
  g_autoptr(GError) error = NULL;
  SteadySessionSeries *series = steady_session_series_new ();

  steady_session_series_set_title (series, title);
  steady_session_series_set_start (series, start, tzid);
  steady_session_series_set_rrule (series, rrule);
  g_assert_true (steady_session_store_add_series (calendar->store, series, &error));
  g_assert_no_error (error);
  return series;
}

static GPtrArray *
year_of (Calendar *calendar)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  GPtrArray *occurrences = steady_session_store_expand (calendar->store,
                                                        iso_us ("2025-01-01T00:00:00Z"),
                                                        iso_us ("2026-01-01T00:00:00Z"),
                                                        &problems, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  return occurrences;
}

static SteadyIcsImport *
parse_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GError) error = NULL;
  SteadyIcsImport *import = steady_ics_import_parse (bytes, berlin, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static gboolean
messages_mention (SteadyIcsImport *import,
                  const char      *needle)
{
  for (guint i = 0; i < import->messages->len; i++)
    {
      if (strstr (g_ptr_array_index (import->messages, i), needle) != NULL)
        return TRUE;
    }
  for (guint i = 0; i < import->messages->len; i++)
    g_test_message ("message: %s", (const char *)g_ptr_array_index (import->messages, i));
  return FALSE;
}

static void
fill_calendar (Calendar *calendar)
{
  g_autoptr(SteadySessionSeries) group = NULL;
  g_autoptr(SteadySessionSeries) individual = NULL;
  g_autoptr(SteadySessionSeries) video = NULL;
  g_autoptr(SteadySessionSeries) medication = NULL;
  g_autoptr(SteadySessionSeries) dawn = NULL;
  g_autoptr(SteadySessionSeries) edit = NULL;
  g_autoptr(GError) error = NULL;
  const int no_reminders[] = { 0 };

  group = steady_session_series_new ();
  steady_session_series_set_title (group, "Group therapy; \"IOP\", week 1\\2");
  group->kind = STEADY_SESSION_KIND_GROUP;
  steady_session_series_set_place (group, "Building B, room 2");
  steady_session_series_set_clinician (group, "Dr. Rivera, MD; \"lead\"\nline two");
  steady_session_series_set_notes (group, "Bring the workbook.\nPark behind the building.");
  steady_session_series_set_start (group, "20250106T090000", "Europe/Berlin");
  steady_session_series_set_rrule (group, "FREQ=WEEKLY;BYDAY=MO,WE,TH;COUNT=24");
  steady_session_series_add_exdate (group, "20250115T090000");
  group->duration_minutes = 180;
  g_assert_true (steady_session_store_add_series (calendar->store, group, &error));

  individual = add (calendar, "Individual therapy", "20250107T163000", "America/New_York",
                    "FREQ=WEEKLY;BYDAY=TU");
  /* Across both DST changes of New York, with a move and a cancellation. */
  edit = steady_session_store_get_series (calendar->store, individual->uuid, &error);
  steady_session_series_set_start (edit, "20250312T100000", "America/New_York");
  g_assert_true (steady_session_store_edit_occurrence (calendar->store, individual->uuid,
                                                       "20250311T163000", edit,
                                                       STEADY_EDIT_SCOPE_THIS, NULL, &error));
  g_assert_true (steady_session_store_cancel_occurrence (calendar->store, individual->uuid,
                                                         "20250318T163000", TRUE, &error));

  video = add (calendar, "Family session", "20250203T180000", "", "FREQ=MONTHLY;BYDAY=1MO");
  steady_session_series_set_video_link (video, "https://video.example/room?id=42");
  video->kind = STEADY_SESSION_KIND_FAMILY;
  steady_session_series_set_reminder_offsets (video, no_reminders, 0);
  g_assert_true (steady_session_store_update_series (calendar->store, video, &error));

  medication = add (calendar, "Medication review", "20250410T143000", "Europe/Berlin", "");
  medication->kind = STEADY_SESSION_KIND_PSYCHIATRY_MEDICATION;
  g_assert_true (steady_session_store_update_series (calendar->store, medication, &error));

  /* 02:30 on the night Berlin springs forward. */
  dawn = add (calendar, "Early group", "20250328T023000", "Europe/Berlin",
              "FREQ=DAILY;UNTIL=20250402T000000Z");
  g_assert_no_error (error);
}

static void
assert_same_occurrences (GPtrArray *a,
                         GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      SteadyOccurrence *x = g_ptr_array_index (a, i);
      SteadyOccurrence *y = g_ptr_array_index (b, i);

      g_assert_cmpint (x->start_us, ==, y->start_us);
      g_assert_cmpint (x->end_us, ==, y->end_us);
      g_assert_cmpstr (x->original_start_local, ==, y->original_start_local);
      g_assert_cmpint (x->flags, ==, y->flags);
      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpstr (x->place, ==, y->place);
      g_assert_cmpstr (x->video_link, ==, y->video_link);
      g_assert_cmpstr (x->clinician, ==, y->clinician);
      g_assert_cmpstr (x->notes, ==, y->notes);
      g_assert_cmpstr (x->series->uuid, ==, y->series->uuid);
      g_assert_cmpuint (x->series->reminder_offsets->len, ==,
                        y->series->reminder_offsets->len);
      for (guint j = 0; j < x->series->reminder_offsets->len; j++)
        g_assert_cmpint (g_array_index (x->series->reminder_offsets, int, j), ==,
                         g_array_index (y->series->reminder_offsets, int, j));
    }
}

static void
test_round_trip (void)
{
  Calendar source = { 0 }, target = { 0 };
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(SteadyIcsImport) import = NULL;
  g_autoptr(SteadyIcsImport) reimport = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = steady_database_get_default_dir ();
  g_autofree char *path = g_build_filename (dir, "export.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GStatBuf st;

  calendar_open (&source, "source.db");
  fill_calendar (&source);
  before = year_of (&source);
  g_assert_cmpuint (before->len, >, 60);

  g_assert_true (steady_ics_export_to_file (source.store, file, &error));
  g_assert_no_error (error);
  /* An export holds private data: readable by the user alone. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_nonnull (strstr (text, "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin"));
  g_assert_nonnull (strstr (text, "RECURRENCE-ID;TZID=America/New_York:20250311T163000"));
  g_assert_nonnull (strstr (text, "STATUS:CANCELLED"));
  g_assert_nonnull (strstr (text, "EXDATE;TZID=Europe/Berlin:20250115T090000"));

  calendar_open (&target, "target.db");
  import = steady_ics_import_file (target.store, file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->n_added, ==, 5);
  g_assert_cmpuint (import->n_updated, ==, 0);
  g_assert_cmpuint (import->messages->len, ==, 0);

  after = year_of (&target);
  assert_same_occurrences (before, after);

  /* Importing the same file again updates the same series. */
  reimport = steady_ics_import_file (target.store, file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reimport->n_added, ==, 0);
  g_assert_cmpuint (reimport->n_updated, ==, 5);
  again = year_of (&target);
  assert_same_occurrences (before, again);

  calendar_close (&source);
  calendar_close (&target);
}

static void
test_too_big_and_not_a_calendar (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autofree char *big = g_malloc0 (STEADY_ICS_MAX_BYTES + 1);
  g_autoptr(GBytes) big_bytes = g_bytes_new_take (g_steal_pointer (&big), STEADY_ICS_MAX_BYTES + 1);
  g_autoptr(GBytes) text_bytes = g_bytes_new_static ("Dear diary,\n", 12);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;

  g_assert_null (steady_ics_import_parse (big_bytes, berlin, &error));
  g_assert_error (error, STEADY_ICS_ERROR, STEADY_ICS_ERROR_TOO_BIG);
  g_assert_nonnull (strstr (error->message, "10 MB"));
  g_clear_error (&error);
  g_assert_null (steady_ics_import_parse (text_bytes, berlin, &error));
  g_assert_error (error, STEADY_ICS_ERROR, STEADY_ICS_ERROR_NOT_A_CALENDAR);
  g_clear_error (&error);
  g_assert_null (steady_ics_import_parse (empty, berlin, &error));
  g_assert_error (error, STEADY_ICS_ERROR, STEADY_ICS_ERROR_NOT_A_CALENDAR);
}

#define EVENT(uid, summary, rest) \
  "BEGIN:VEVENT\r\nUID:" uid "\r\nSUMMARY:" summary "\r\n" rest "END:VEVENT\r\n"
#define CALENDAR(events) \
  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n" events "END:VCALENDAR\r\n"

static SteadySessionSeries *
only_series (SteadyIcsImport *import)
{
  g_assert_cmpuint (import->series->len, ==, 1);
  return g_ptr_array_index (import->series, 0);
}

static void
test_invalid_utf8_and_malformed_lines (void)
{
  static const char text[] =
    CALENDAR (EVENT ("a", "Gr\xC3\xBCppe \xFF\xFE therapy",
                     "DTSTART;TZID=Europe/Berlin:20250106T090000\r\n"
                     "THIS LINE IS NOT ICALENDAR\r\n"
                     ";;;;\r\n"
                     "DTEND;VALUE=DATE:2025\r\n"));
  g_autoptr(GBytes) bytes = g_bytes_new (text, sizeof text - 1);
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyIcsImport) import = steady_ics_import_parse (bytes, berlin, &error);
  SteadySessionSeries *series;

  g_assert_no_error (error);
  series = only_series (import);
  g_assert_true (g_utf8_validate (series->title, -1, NULL));
  g_assert_true (g_str_has_prefix (series->title, "Grüppe "));
  g_assert_true (messages_mention (import, "not valid UTF-8"));
  g_assert_true (messages_mention (import, "could not be read and were skipped"));
}

static void
test_nul_bytes (void)
{
  static const char text[] =
    CALENDAR (EVENT ("a", "Group\0therapy", "DTSTART;TZID=Europe/Berlin:20250106T090000\r\n"));
  g_autoptr(GBytes) bytes = g_bytes_new (text, sizeof text - 1);
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyIcsImport) import = steady_ics_import_parse (bytes, berlin, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (only_series (import)->title, ==, "Group\xEF\xBF\xBDtherapy");
  g_assert_true (messages_mention (import, "not valid UTF-8"));
}

static void
test_time_zones (void)
{
  g_autoptr(SteadyIcsImport) unknown = parse_text (
    CALENDAR (EVENT ("a", "Group", "DTSTART;TZID=Atlantis Standard Time:20250106T090000\r\n")));
  g_autoptr(SteadyIcsImport) located = parse_text (
    CALENDAR ("BEGIN:VTIMEZONE\r\nTZID:Custom Zone\r\nX-LIC-LOCATION:America/Chicago\r\n"
              "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:-0600\r\n"
              "TZOFFSETTO:-0600\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
              EVENT ("b", "Group", "DTSTART;TZID=Custom Zone:20250106T090000\r\n")));
  g_autoptr(SteadyIcsImport) prefixed = parse_text (
    CALENDAR (EVENT ("c", "Group",
                     "DTSTART;TZID=/mozilla.org/20070129_1/Asia/Tokyo:20250106T090000\r\n")));
  g_autoptr(SteadyIcsImport) utc = parse_text (
    CALENDAR (EVENT ("d", "Group", "DTSTART:20250106T080000Z\r\nDURATION:PT90M\r\n")));
  g_autoptr(SteadyIcsImport) floating = parse_text (
    CALENDAR (EVENT ("e", "Group", "DTSTART:20250106T090000\r\n"
                                   "DTEND:20250106T100000\r\n")));

  g_assert_cmpstr (only_series (unknown)->tzid, ==, "Europe/Berlin");
  g_assert_true (messages_mention (unknown, "“Atlantis Standard Time” is not known"));
  g_assert_cmpstr (only_series (located)->tzid, ==, "America/Chicago");
  g_assert_cmpuint (located->messages->len, ==, 0);
  g_assert_cmpstr (only_series (prefixed)->tzid, ==, "Asia/Tokyo");
  /* UTC becomes the user's wall time. */
  g_assert_cmpstr (only_series (utc)->tzid, ==, "Europe/Berlin");
  g_assert_cmpstr (only_series (utc)->start_local, ==, "20250106T090000");
  g_assert_cmpint (only_series (utc)->duration_minutes, ==, 90);
  g_assert_cmpstr (only_series (floating)->tzid, ==, "");
  g_assert_cmpint (only_series (floating)->duration_minutes, ==, 60);
}

static void
test_rules (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(SteadyIcsImport) both = parse_text (
    CALENDAR (EVENT ("a", "Group", "DTSTART;TZID=Europe/Berlin:20250106T090000\r\n"
                                   "RRULE:FREQ=WEEKLY;COUNT=50;UNTIL=20250120T235959Z\r\n")));
  g_autoptr(SteadyIcsImport) endless = parse_text (
    CALENDAR (EVENT ("b", "Group", "DTSTART;TZID=Europe/Berlin:20000103T090000\r\n"
                                   "RRULE:FREQ=DAILY\r\n")));
  g_autoptr(SteadyIcsImport) empty = parse_text (
    CALENDAR (EVENT ("c", "Group", "DTSTART;TZID=Europe/Berlin:20250106T090000\r\n"
                                   "RRULE:\r\n")));
  g_autoptr(SteadyIcsImport) impossible = parse_text (
    CALENDAR (EVENT ("d", "Group", "DTSTART;TZID=Europe/Berlin:20250106T090000\r\n"
                                   "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\r\n")));
  g_autoptr(SteadyIcsImport) hourly = parse_text (
    CALENDAR (EVENT ("e", "Group", "DTSTART;TZID=Europe/Berlin:20250106T090000\r\n"
                                   "RRULE:FREQ=HOURLY\r\n")));
  g_autoptr(SteadyIcsImport) with_exdates = parse_text (
    CALENDAR (EVENT ("f", "Group", "DTSTART;TZID=Europe/Berlin:20250106T090000\r\n"
                                   "RRULE:FREQ=DAILY;COUNT=5\r\n"
                                   "EXDATE:20250107T080000Z\r\n"
                                   "EXDATE;VALUE=DATE:20250108\r\n")));
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (only_series (both)->rrule, ==, "FREQ=WEEKLY;UNTIL=20250120T235959Z");
  g_assert_true (messages_mention (both, "(COUNT)"));
  occurrences = steady_recurrence_expand (only_series (both), NULL, berlin,
                                          iso_us ("2025-01-01T00:00:00Z"),
                                          iso_us ("2026-01-01T00:00:00Z"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (occurrences->len, ==, 3);
  g_clear_pointer (&occurrences, g_ptr_array_unref);

  g_assert_cmpstr (only_series (endless)->rrule, ==, "FREQ=DAILY");
  g_assert_cmpuint (endless->messages->len, ==, 0);

  g_assert_cmpstr (only_series (empty)->rrule, ==, "");
  g_assert_true (messages_mention (empty, "empty repeat rule"));

  g_assert_cmpuint (impossible->series->len, ==, 0);
  g_assert_true (messages_mention (impossible, "never happens"));

  g_assert_cmpstr (only_series (hourly)->rrule, ==, "");
  g_assert_true (messages_mention (hourly, "at most once a day"));

  occurrences = steady_recurrence_expand (only_series (with_exdates), NULL, berlin,
                                          iso_us ("2025-01-01T00:00:00Z"),
                                          iso_us ("2026-01-01T00:00:00Z"), &error);
  g_assert_cmpuint (occurrences->len, ==, 3);
}

static void
test_skipped_events (void)
{
  g_autoptr(SteadyIcsImport) import = parse_text (
    CALENDAR (EVENT ("a", "Holiday", "DTSTART;VALUE=DATE:20250106\r\n")
              EVENT ("b", "No start", "")
              EVENT ("c", "Called off", "DTSTART:20250106T090000\r\nSTATUS:CANCELLED\r\n")
              EVENT ("d", "Moved alone", "RECURRENCE-ID:20250106T090000\r\n"
                                         "DTSTART:20250107T090000\r\n")
              EVENT ("e", "Group", "DTSTART:20250106T090000\r\nRRULE:FREQ=DAILY;COUNT=3\r\n")
              EVENT ("e", "Group", "RECURRENCE-ID:20250107T090000\r\n"
                                   "DTSTART:20250107T140000\r\nSTATUS:CANCELLED\r\n")
              EVENT ("e", "Group", "RECURRENCE-ID:20250301T090000\r\n"
                                   "DTSTART:20250301T140000\r\n")
              EVENT ("f", "Long", "DTSTART:20250106T090000\r\nDURATION:P3D\r\n")));
  SteadySessionOverride *override;

  g_assert_true (messages_mention (import, "“Holiday” is an all-day event"));
  g_assert_true (messages_mention (import, "“No start” has no start time"));
  g_assert_true (messages_mention (import, "“Called off” is marked as cancelled"));
  g_assert_true (messages_mention (import, "“Moved alone” is a change to one session"));
  g_assert_true (messages_mention (import, "a change to a session the series does not have"));
  g_assert_true (messages_mention (import, "“Long” lasts longer than a day"));

  /* "Moved alone" (as a single session), "Group" with its one valid change, "Long". */
  g_assert_cmpuint (import->series->len, ==, 3);
  g_assert_cmpstr (((SteadySessionSeries *)g_ptr_array_index (import->series, 0))->title, ==,
                   "Group");
  g_assert_cmpuint (((GPtrArray *)g_ptr_array_index (import->overrides, 0))->len, ==, 1);
  override = g_ptr_array_index ((GPtrArray *)g_ptr_array_index (import->overrides, 0), 0);
  g_assert_cmpstr (override->original_start_local, ==, "20250107T090000");
  g_assert_true (override->cancelled);
  g_assert_cmpstr (override->start_local, ==, "20250107T140000");
  g_assert_cmpint (((SteadySessionSeries *)g_ptr_array_index (import->series, 1))->duration_minutes,
                   ==, 24 * 60);
}

static void
test_too_many_events (void)
{
  g_autoptr(GString) text = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
  g_autoptr(SteadyIcsImport) import = NULL;

  for (guint i = 0; i < STEADY_ICS_MAX_EVENTS + 10; i++)
    g_string_append_printf (text, "BEGIN:VEVENT\r\nUID:%u\r\nSUMMARY:S\r\n"
                            "DTSTART:20250106T090000\r\nEND:VEVENT\r\n", i);
  g_string_append (text, "END:VCALENDAR\r\n");
  import = parse_text (text->str);
  g_assert_cmpuint (import->series->len, ==, STEADY_ICS_MAX_EVENTS);
  g_assert_true (messages_mention (import, "more than 5000 events"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ics/round-trip", test_round_trip);
  g_test_add_func ("/ics/too-big-and-not-a-calendar", test_too_big_and_not_a_calendar);
  g_test_add_func ("/ics/invalid-utf8-and-malformed-lines", test_invalid_utf8_and_malformed_lines);
  g_test_add_func ("/ics/nul-bytes", test_nul_bytes);
  g_test_add_func ("/ics/time-zones", test_time_zones);
  g_test_add_func ("/ics/rules", test_rules);
  g_test_add_func ("/ics/skipped-events", test_skipped_events);
  g_test_add_func ("/ics/too-many-events", test_too_many_events);

  return g_test_run ();
}
