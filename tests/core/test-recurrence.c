/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-recurrence.c: expansion of session series — our DST policy in four zones on the day of
 * each change and the day after, hostile rules, exceptions and overrides. */

#include "config.h"

#include <locale.h>

#include "steady-recurrence.h"
#include "steady-wall-time.h"

static gint64
iso_us (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static GTimeZone *
zone (const char *tzid)
{
  GTimeZone *tz = g_time_zone_new_identifier (tzid);

  g_assert_nonnull (tz);
  return tz;
}

static SteadySessionSeries *
series_new (const char *start_local,
            const char *tzid,
            const char *rrule)
{
  SteadySessionSeries *series = steady_session_series_new ();

  steady_session_series_set_title (series, "Group therapy");
  steady_session_series_set_start (series, start_local, tzid);
  steady_session_series_set_rrule (series, rrule);
  return series;
}

static GPtrArray *
expand_ok (SteadySessionSeries *series,
           GPtrArray           *overrides,
           GTimeZone           *local,
           const char          *from_iso,
           const char          *to_iso)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *result = steady_recurrence_expand (series, overrides, local, iso_us (from_iso),
                                                iso_us (to_iso), &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static SteadyOccurrence *
find_key (GPtrArray  *occurrences,
          const char *key)
{
  for (guint i = 0; i < occurrences->len; i++)
    {
      SteadyOccurrence *occurrence = g_ptr_array_index (occurrences, i);

      if (g_strcmp0 (occurrence->original_start_local, key) == 0)
        return occurrence;
    }
  return NULL;
}

/* The DST table: a daily series at a time inside the gap or fold, and one at 18:00, checked
 * on the day of each change and the day after (where libical 3.0 drifts). */
typedef struct
{
  const char *tzid;
  const char *key;          /* the occurrence's wall time */
  const char *expected_utc; /* where our policy puts it */
  const char *shown_local;  /* the wall time it then shows */
  SteadyOccurrenceFlags flags;
} DstCase;

static const DstCase dst_cases[] = {
  /* America/New_York: 2025-03-09 02:00 EST → 03:00 EDT; 2025-11-02 02:00 EDT → 01:00 EST. */
  { "America/New_York", "20250309T023000", "2025-03-09T07:00:00Z", "20250309T030000",
    STEADY_OCCURRENCE_SHIFTED_BY_GAP },
  { "America/New_York", "20250310T023000", "2025-03-10T06:30:00Z", "20250310T023000", 0 },
  { "America/New_York", "20250308T180000", "2025-03-08T23:00:00Z", "20250308T180000", 0 },
  { "America/New_York", "20250309T180000", "2025-03-09T22:00:00Z", "20250309T180000", 0 },
  { "America/New_York", "20250310T180000", "2025-03-10T22:00:00Z", "20250310T180000", 0 },
  { "America/New_York", "20251102T013000", "2025-11-02T05:30:00Z", "20251102T013000",
    STEADY_OCCURRENCE_AMBIGUOUS },
  { "America/New_York", "20251103T013000", "2025-11-03T06:30:00Z", "20251103T013000", 0 },
  { "America/New_York", "20251102T023000", "2025-11-02T07:30:00Z", "20251102T023000", 0 },
  { "America/New_York", "20251102T180000", "2025-11-02T23:00:00Z", "20251102T180000", 0 },
  { "America/New_York", "20251103T180000", "2025-11-03T23:00:00Z", "20251103T180000", 0 },
  /* Europe/Berlin: 2025-03-30 02:00 CET → 03:00 CEST; 2025-10-26 03:00 CEST → 02:00 CET. */
  { "Europe/Berlin", "20250330T023000", "2025-03-30T01:00:00Z", "20250330T030000",
    STEADY_OCCURRENCE_SHIFTED_BY_GAP },
  { "Europe/Berlin", "20250331T023000", "2025-03-31T00:30:00Z", "20250331T023000", 0 },
  { "Europe/Berlin", "20250330T180000", "2025-03-30T16:00:00Z", "20250330T180000", 0 },
  { "Europe/Berlin", "20250331T180000", "2025-03-31T16:00:00Z", "20250331T180000", 0 },
  { "Europe/Berlin", "20251026T023000", "2025-10-26T00:30:00Z", "20251026T023000",
    STEADY_OCCURRENCE_AMBIGUOUS },
  { "Europe/Berlin", "20251027T023000", "2025-10-27T01:30:00Z", "20251027T023000", 0 },
  { "Europe/Berlin", "20251026T180000", "2025-10-26T17:00:00Z", "20251026T180000", 0 },
  { "Europe/Berlin", "20251027T180000", "2025-10-27T17:00:00Z", "20251027T180000", 0 },
  /* Australia/Sydney: 2025-04-06 03:00 AEDT → 02:00 AEST; 2025-10-05 02:00 AEST → 03:00 AEDT. */
  { "Australia/Sydney", "20250406T023000", "2025-04-05T15:30:00Z", "20250406T023000",
    STEADY_OCCURRENCE_AMBIGUOUS },
  { "Australia/Sydney", "20250407T023000", "2025-04-06T16:30:00Z", "20250407T023000", 0 },
  { "Australia/Sydney", "20250406T180000", "2025-04-06T08:00:00Z", "20250406T180000", 0 },
  { "Australia/Sydney", "20250407T180000", "2025-04-07T08:00:00Z", "20250407T180000", 0 },
  { "Australia/Sydney", "20251005T023000", "2025-10-04T16:00:00Z", "20251005T030000",
    STEADY_OCCURRENCE_SHIFTED_BY_GAP },
  { "Australia/Sydney", "20251006T023000", "2025-10-05T15:30:00Z", "20251006T023000", 0 },
  { "Australia/Sydney", "20251005T180000", "2025-10-05T07:00:00Z", "20251005T180000", 0 },
  { "Australia/Sydney", "20251006T180000", "2025-10-06T07:00:00Z", "20251006T180000", 0 },
  /* Asia/Tokyo has no DST: the same dates change nothing. */
  { "Asia/Tokyo", "20250309T023000", "2025-03-08T17:30:00Z", "20250309T023000", 0 },
  { "Asia/Tokyo", "20250310T023000", "2025-03-09T17:30:00Z", "20250310T023000", 0 },
  { "Asia/Tokyo", "20250309T180000", "2025-03-09T09:00:00Z", "20250309T180000", 0 },
  { "Asia/Tokyo", "20251026T023000", "2025-10-25T17:30:00Z", "20251026T023000", 0 },
  /* America/Phoenix has no DST either, unlike the rest of its state's neighbours. */
  { "America/Phoenix", "20250309T023000", "2025-03-09T09:30:00Z", "20250309T023000", 0 },
  { "America/Phoenix", "20251102T013000", "2025-11-02T08:30:00Z", "20251102T013000", 0 },
};

static void
test_dst_table (void)
{
  g_autoptr(GTimeZone) local = zone ("UTC");

  for (guint i = 0; i < G_N_ELEMENTS (dst_cases); i++)
    {
      const DstCase *c = &dst_cases[i];
      g_autofree char *start = NULL;
      g_autoptr(SteadySessionSeries) series = NULL;
      g_autoptr(GPtrArray) occurrences = NULL;
      g_autoptr(GTimeZone) tz = zone (c->tzid);
      SteadyOccurrence *occurrence;
      SteadyWallTime shown;
      g_autofree char *shown_text = NULL;

      /* A daily series that began a week earlier, at the same time of day. */
      start = g_strdup_printf ("%.6s%02dT%s", c->key, 1, c->key + 9);
      series = series_new (start, c->tzid, "FREQ=DAILY");
      occurrences = expand_ok (series, NULL, local, "2025-01-01T00:00:00Z",
                               "2026-01-01T00:00:00Z");
      occurrence = find_key (occurrences, c->key);

      g_test_message ("%s %s", c->tzid, c->key);
      g_assert_nonnull (occurrence);
      g_assert_cmpint (occurrence->start_us, ==, iso_us (c->expected_utc));
      g_assert_cmpint (occurrence->end_us - occurrence->start_us, ==,
                       (gint64)60 * 60 * G_USEC_PER_SEC);
      g_assert_cmpint (occurrence->flags, ==, c->flags);
      g_assert_cmpstr (occurrence->start_local, ==, c->shown_local);

      steady_wall_time_from_instant (occurrence->start_us, tz, &shown);
      shown_text = steady_wall_time_format (&shown);
      g_assert_cmpstr (shown_text, ==, c->shown_local);
    }
}

/* A weekly evening group keeps its local time across both changes of the year. */
static void
test_weekly_keeps_local_time (void)
{
  g_autoptr(GTimeZone) local = zone ("UTC");
  g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");
  g_autoptr(SteadySessionSeries) series = series_new ("20250106T180000", "Europe/Berlin",
                                                      "FREQ=WEEKLY;BYDAY=MO,WE,TH");
  g_autoptr(GPtrArray) occurrences = expand_ok (series, NULL, local, "2025-01-01T00:00:00Z",
                                                "2026-01-01T00:00:00Z");

  /* 52 Mondays, 52 Wednesdays and 51 Thursdays from 6 January. */
  g_assert_cmpuint (occurrences->len, ==, 155);
  for (guint i = 0; i < occurrences->len; i++)
    {
      SteadyOccurrence *occurrence = g_ptr_array_index (occurrences, i);
      SteadyWallTime wall;

      steady_wall_time_from_instant (occurrence->start_us, berlin, &wall);
      g_assert_cmpint (wall.hour, ==, 18);
      g_assert_cmpint (wall.minute, ==, 0);
      g_assert_cmpint (occurrence->flags, ==, 0);
      if (i > 0)
        g_assert_cmpint (occurrence->start_us, >,
                         ((SteadyOccurrence *)g_ptr_array_index (occurrences, i - 1))->start_us);
    }
}

static void
test_wall_time_text (void)
{
  SteadyWallTime wall;
  g_autofree char *text = NULL;
  static const char * const invalid[] = {
    "", "2025", "20250230T090000", "20251301T090000", "20250101T240000", "20250101T096000",
    "20250101 090000", "2025010IT090000", "20250101T0900000", "-2025101T090000",
  };

  g_assert_true (steady_wall_time_parse ("20240229T235959", &wall));
  g_assert_cmpint (wall.year, ==, 2024);
  g_assert_cmpint (wall.month, ==, 2);
  g_assert_cmpint (wall.day, ==, 29);
  text = steady_wall_time_format (&wall);
  g_assert_cmpstr (text, ==, "20240229T235959");

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (steady_wall_time_parse (invalid[i], &wall));

  /* Naive arithmetic: one day is always 86400 s, whatever the zones do. */
  g_assert_true (steady_wall_time_parse ("19700102T000000", &wall));
  g_assert_cmpint (steady_wall_time_to_naive_seconds (&wall), ==, 86400);
  steady_wall_time_from_naive_seconds (-1, &wall);
  g_clear_pointer (&text, g_free);
  text = steady_wall_time_format (&wall);
  g_assert_cmpstr (text, ==, "19691231T235959");
}

static void
assert_expand_error (const char *rrule,
                     int         code)
{
  g_autoptr(GTimeZone) local = zone ("UTC");
  g_autoptr(SteadySessionSeries) series = series_new ("20250106T090000", "Europe/Berlin", rrule);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) validate_error = NULL;
  g_autoptr(GPtrArray) result = NULL;

  result = steady_recurrence_expand (series, NULL, local, iso_us ("2025-01-01T00:00:00Z"),
                                     iso_us ("2026-02-05T00:00:00Z"), &error);
  g_test_message ("rule %s", rrule);
  g_assert_null (result);
  g_assert_error (error, STEADY_RECURRENCE_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");

  g_assert_false (steady_recurrence_validate (series, local, &validate_error));
  g_assert_error (validate_error, STEADY_RECURRENCE_ERROR, code);
}

static void
test_hostile_rules (void)
{
  g_autoptr(GError) error = NULL;

  /* libical returns a NULL iterator for a rule that can never happen. */
  assert_expand_error ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
                       STEADY_RECURRENCE_ERROR_NEVER_HAPPENS);
  /* libical 3.0 cannot read COUNT with UNTIL; we say why. */
  assert_expand_error ("FREQ=WEEKLY;COUNT=3;UNTIL=20250301T000000Z",
                       STEADY_RECURRENCE_ERROR_COUNT_AND_UNTIL);
  assert_expand_error ("FREQ=WEEKLY;until=20250301T000000Z;count=3",
                       STEADY_RECURRENCE_ERROR_COUNT_AND_UNTIL);
  assert_expand_error ("FREQ=SOMETIMES", STEADY_RECURRENCE_ERROR_INVALID_RULE);
  assert_expand_error ("garbage;;;=", STEADY_RECURRENCE_ERROR_INVALID_RULE);
  assert_expand_error ("FREQ=DAILY;COUNT=0", STEADY_RECURRENCE_ERROR_INVALID_RULE);
  assert_expand_error ("FREQ=HOURLY", STEADY_RECURRENCE_ERROR_TOO_FREQUENT);
  assert_expand_error ("FREQ=SECONDLY;COUNT=5", STEADY_RECURRENCE_ERROR_TOO_FREQUENT);
  /* 1440 a day over 400 days runs into the iteration cap instead of running away. */
  assert_expand_error ("FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,"
                       "21,22,23;BYMINUTE=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,"
                       "21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,"
                       "45,46,47,48,49,50,51,52,53,54,55,56,57,58,59",
                       STEADY_RECURRENCE_ERROR_TOO_MANY);

  g_assert_true (steady_recurrence_check_rule ("", &error));
  g_assert_true (steady_recurrence_check_rule ("FREQ=WEEKLY;BYDAY=MO,WE,TH;COUNT=24", &error));
  g_assert_no_error (error);
  g_assert_false (steady_recurrence_check_rule ("FREQ=DAILY;COUNT=2;UNTIL=20250101", &error));
  g_assert_error (error, STEADY_RECURRENCE_ERROR, STEADY_RECURRENCE_ERROR_COUNT_AND_UNTIL);
}

static void
test_empty_and_single (void)
{
  g_autoptr(GTimeZone) local = zone ("UTC");
  g_autoptr(SteadySessionSeries) single = series_new ("20250106T090000", "Europe/Berlin", "");
  g_autoptr(SteadySessionSeries) ended = series_new ("20250106T090000", "Europe/Berlin",
                                                     "FREQ=DAILY;UNTIL=20250101T000000Z");
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GError) error = NULL;

  /* An empty rule is a single session. */
  occurrences = expand_ok (single, NULL, local, "2025-01-01T00:00:00Z", "2025-12-31T00:00:00Z");
  g_assert_cmpuint (occurrences->len, ==, 1);
  g_assert_cmpint (((SteadyOccurrence *)g_ptr_array_index (occurrences, 0))->start_us, ==,
                   iso_us ("2025-01-06T08:00:00Z"));
  g_clear_pointer (&occurrences, g_ptr_array_unref);

  /* Outside the window, nothing. */
  occurrences = expand_ok (single, NULL, local, "2025-01-06T09:00:00Z", "2025-12-31T00:00:00Z");
  g_assert_cmpuint (occurrences->len, ==, 0);
  g_clear_pointer (&occurrences, g_ptr_array_unref);

  /* A rule that ends before it begins: no occurrences, and validation says so. */
  occurrences = expand_ok (ended, NULL, local, "2024-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
  g_assert_cmpuint (occurrences->len, ==, 0);
  g_assert_false (steady_recurrence_validate (ended, local, &error));
  g_assert_error (error, STEADY_RECURRENCE_ERROR, STEADY_RECURRENCE_ERROR_NEVER_HAPPENS);
}

static void
test_endless_and_counted (void)
{
  g_autoptr(GTimeZone) local = zone ("UTC");
  g_autoptr(SteadySessionSeries) endless = series_new ("20000103T090000", "Europe/Berlin",
                                                       "FREQ=DAILY");
  g_autoptr(SteadySessionSeries) counted = series_new ("20000103T090000", "Europe/Berlin",
                                                       "FREQ=DAILY;COUNT=5");
  g_autoptr(SteadySessionSeries) until = series_new ("20250106T090000", "Europe/Berlin",
                                                     "FREQ=WEEKLY;UNTIL=20250120T080000Z");
  g_autoptr(GPtrArray) occurrences = NULL;

  /* An endless series started long ago: only the window is expanded. */
  occurrences = expand_ok (endless, NULL, local, "2030-06-01T00:00:00Z", "2030-06-11T00:00:00Z");
  g_assert_cmpuint (occurrences->len, ==, 10);
  g_assert_cmpstr (((SteadyOccurrence *)g_ptr_array_index (occurrences, 0))->original_start_local,
                   ==, "20300601T090000");
  g_clear_pointer (&occurrences, g_ptr_array_unref);

  occurrences = expand_ok (counted, NULL, local, "1999-01-01T00:00:00Z", "2030-01-01T00:00:00Z");
  g_assert_cmpuint (occurrences->len, ==, 5);
  g_clear_pointer (&occurrences, g_ptr_array_unref);

  /* UNTIL in UTC is inclusive: 08:00Z is 09:00 in Berlin in January. */
  occurrences = expand_ok (until, NULL, local, "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
  g_assert_cmpuint (occurrences->len, ==, 3);
}

/* Skipping ahead with icalrecur_iterator_set_start must give what counting from the start
 * gives, for every kind of rule the calendar can hold. */
static void
test_skip_ahead_matches_full_iteration (void)
{
  static const char * const rules[] = {
    "FREQ=WEEKLY;BYDAY=MO,WE,TH",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
    "FREQ=DAILY;INTERVAL=3",
    "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=MONTHLY;BYMONTHDAY=31",
    "FREQ=MONTHLY;BYDAY=1MO,3MO",
    "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
    "FREQ=WEEKLY;BYDAY=MO,FR;UNTIL=20270101T000000Z",
    "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
  };
  g_autoptr(GTimeZone) local = zone ("UTC");

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(SteadySessionSeries) series = series_new ("20230102T090000", "America/New_York",
                                                          rules[i]);
      g_autoptr(GPtrArray) full = expand_ok (series, NULL, local, "2023-01-01T00:00:00Z",
                                             "2026-09-01T00:00:00Z");
      g_autoptr(GPtrArray) window = expand_ok (series, NULL, local, "2026-03-01T00:00:00Z",
                                               "2026-09-01T00:00:00Z");
      guint j = 0;

      g_test_message ("rule %s", rules[i]);
      for (guint k = 0; k < full->len; k++)
        {
          SteadyOccurrence *a = g_ptr_array_index (full, k);
          SteadyOccurrence *b;

          if (a->start_us < iso_us ("2026-03-01T00:00:00Z"))
            continue;
          g_assert_cmpuint (j, <, window->len);
          b = g_ptr_array_index (window, j);
          g_assert_cmpstr (a->original_start_local, ==, b->original_start_local);
          j++;
        }
      g_assert_cmpuint (j, ==, window->len);
    }
}

static void
test_exceptions_and_overrides (void)
{
  g_autoptr(GTimeZone) local = zone ("UTC");
  g_autoptr(SteadySessionSeries) series = series_new ("20250106T090000", "Europe/Berlin",
                                                      "FREQ=WEEKLY;BYDAY=MO");
  g_autoptr(GPtrArray) overrides = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  SteadySessionOverride *moved, *cancelled, *renamed, *moved_in, *moved_out;
  SteadyOccurrence *occurrence;

  overrides = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_session_override_unref);
  steady_session_series_add_exdate (series, "20250113T090000");

  moved = steady_session_override_new ("20250120T090000");
  moved->start_local = g_strdup ("20250121T140000");
  moved->duration_minutes = 90;
  g_ptr_array_add (overrides, moved);
  cancelled = steady_session_override_new ("20250127T090000");
  cancelled->cancelled = TRUE;
  g_ptr_array_add (overrides, cancelled);
  renamed = steady_session_override_new ("20250203T090000");
  renamed->title = g_strdup ("Family session");
  renamed->place = g_strdup ("Room 4");
  g_ptr_array_add (overrides, renamed);
  /* From the week after the window into it, and from inside the window out of it. */
  moved_in = steady_session_override_new ("20250217T090000");
  moved_in->start_local = g_strdup ("20250208T100000");
  g_ptr_array_add (overrides, moved_in);
  moved_out = steady_session_override_new ("20250210T090000");
  moved_out->start_local = g_strdup ("20250301T100000");
  g_ptr_array_add (overrides, moved_out);

  occurrences = expand_ok (series, overrides, local, "2025-01-01T00:00:00Z",
                           "2025-02-15T00:00:00Z");

  g_assert_null (find_key (occurrences, "20250113T090000"));
  g_assert_null (find_key (occurrences, "20250210T090000"));

  occurrence = find_key (occurrences, "20250120T090000");
  g_assert_nonnull (occurrence);
  g_assert_cmpint (occurrence->start_us, ==, iso_us ("2025-01-21T13:00:00Z"));
  g_assert_cmpint (occurrence->end_us, ==, iso_us ("2025-01-21T14:30:00Z"));
  g_assert_true (occurrence->flags & STEADY_OCCURRENCE_MOVED);

  occurrence = find_key (occurrences, "20250127T090000");
  g_assert_nonnull (occurrence);
  g_assert_true (occurrence->flags & STEADY_OCCURRENCE_CANCELLED);

  occurrence = find_key (occurrences, "20250203T090000");
  g_assert_nonnull (occurrence);
  g_assert_cmpstr (occurrence->title, ==, "Family session");
  g_assert_cmpstr (occurrence->place, ==, "Room 4");
  g_assert_true (occurrence->flags & STEADY_OCCURRENCE_EDITED);
  g_assert_false (occurrence->flags & STEADY_OCCURRENCE_MOVED);

  occurrence = find_key (occurrences, "20250217T090000");
  g_assert_nonnull (occurrence);
  g_assert_cmpint (occurrence->start_us, ==, iso_us ("2025-02-08T09:00:00Z"));

  /* 6 Jan, 20 Jan (moved), 27 Jan (cancelled), 3 Feb, 17 Feb moved to 8 Feb. */
  g_assert_cmpuint (occurrences->len, ==, 5);
  for (guint i = 1; i < occurrences->len; i++)
    g_assert_cmpint (((SteadyOccurrence *)g_ptr_array_index (occurrences, i - 1))->start_us, <=,
                     ((SteadyOccurrence *)g_ptr_array_index (occurrences, i))->start_us);
}

/* A floating series follows the user's zone; a zoned one does not. */
static void
test_floating_follows_local_zone (void)
{
  g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");
  g_autoptr(GTimeZone) new_york = zone ("America/New_York");
  g_autoptr(SteadySessionSeries) floating = series_new ("20250602T090000", "", "");
  g_autoptr(SteadySessionSeries) zoned = series_new ("20250602T090000", "Europe/Berlin", "");
  g_autoptr(GPtrArray) a = expand_ok (floating, NULL, berlin, "2025-06-01T00:00:00Z",
                                      "2025-06-04T00:00:00Z");
  g_autoptr(GPtrArray) b = expand_ok (floating, NULL, new_york, "2025-06-01T00:00:00Z",
                                      "2025-06-04T00:00:00Z");
  g_autoptr(GPtrArray) c = expand_ok (zoned, NULL, new_york, "2025-06-01T00:00:00Z",
                                      "2025-06-04T00:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadySessionSeries) unknown = series_new ("20250602T090000", "Mars/Olympus_Mons", "");
  g_autoptr(SteadySessionSeries) escaping = series_new ("20250602T090000", "../../../etc/passwd",
                                                        "");
  g_autoptr(GPtrArray) none = NULL;

  g_assert_cmpint (((SteadyOccurrence *)g_ptr_array_index (a, 0))->start_us, ==,
                   iso_us ("2025-06-02T07:00:00Z"));
  g_assert_cmpint (((SteadyOccurrence *)g_ptr_array_index (b, 0))->start_us, ==,
                   iso_us ("2025-06-02T13:00:00Z"));
  g_assert_cmpint (((SteadyOccurrence *)g_ptr_array_index (c, 0))->start_us, ==,
                   iso_us ("2025-06-02T07:00:00Z"));

  none = steady_recurrence_expand (unknown, NULL, berlin, 0, G_MAXINT64 / 2, &error);
  g_assert_null (none);
  g_assert_error (error, STEADY_RECURRENCE_ERROR, STEADY_RECURRENCE_ERROR_UNKNOWN_ZONE);
  g_clear_error (&error);
  none = steady_recurrence_expand (escaping, NULL, berlin, 0, G_MAXINT64 / 2, &error);
  g_assert_null (none);
  g_assert_error (error, STEADY_RECURRENCE_ERROR, STEADY_RECURRENCE_ERROR_UNKNOWN_ZONE);
}

static void
test_split (void)
{
  g_autoptr(GTimeZone) local = zone ("UTC");
  g_autoptr(SteadySessionSeries) endless = series_new ("20250106T090000", "Europe/Berlin",
                                                       "FREQ=WEEKLY;BYDAY=MO,WE");
  g_autoptr(SteadySessionSeries) counted = series_new ("20250106T090000", "Europe/Berlin",
                                                       "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;

  g_assert_true (steady_recurrence_has_occurrence (endless, "20250115T090000", local));
  g_assert_false (steady_recurrence_has_occurrence (endless, "20250114T090000", local));
  g_assert_false (steady_recurrence_has_occurrence (endless, "20250115T100000", local));

  g_assert_true (steady_recurrence_split (endless, "20250115T090000", local, &before, &after,
                                          &error));
  g_assert_no_error (error);
  g_assert_nonnull (before);
  g_assert_cmpstr (after, ==, "FREQ=WEEKLY;BYDAY=MO,WE");
  steady_session_series_set_rrule (endless, before);
  first = expand_ok (endless, NULL, local, "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
  g_assert_cmpuint (first->len, ==, 3);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);

  g_assert_true (steady_recurrence_split (counted, "20250115T090000", local, &before, &after,
                                          &error));
  g_assert_true (g_str_has_prefix (before, "FREQ=WEEKLY;COUNT=3"));
  g_assert_true (g_str_has_prefix (after, "FREQ=WEEKLY;COUNT=7"));
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);

  /* Splitting at the first occurrence leaves nothing before. */
  g_assert_true (steady_recurrence_split (counted, "20250106T090000", local, &before, &after,
                                          &error));
  g_assert_null (before);
  g_clear_pointer (&after, g_free);

  g_assert_false (steady_recurrence_split (counted, "20250107T090000", local, &before, &after,
                                           &error));
  g_assert_error (error, STEADY_RECURRENCE_ERROR, STEADY_RECURRENCE_ERROR_NEVER_HAPPENS);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recurrence/wall-time-text", test_wall_time_text);
  g_test_add_func ("/recurrence/dst-table", test_dst_table);
  g_test_add_func ("/recurrence/weekly-keeps-local-time", test_weekly_keeps_local_time);
  g_test_add_func ("/recurrence/hostile-rules", test_hostile_rules);
  g_test_add_func ("/recurrence/empty-and-single", test_empty_and_single);
  g_test_add_func ("/recurrence/endless-and-counted", test_endless_and_counted);
  g_test_add_func ("/recurrence/skip-ahead", test_skip_ahead_matches_full_iteration);
  g_test_add_func ("/recurrence/exceptions-and-overrides", test_exceptions_and_overrides);
  g_test_add_func ("/recurrence/floating", test_floating_follows_local_zone);
  g_test_add_func ("/recurrence/split", test_split);

  return g_test_run ();
}
