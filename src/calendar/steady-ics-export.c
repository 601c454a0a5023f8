/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-ics-export.c: the session calendar as an iCalendar file.
 *
 * Each series is a VEVENT with its local start, TZID, RRULE and EXDATEs; each changed
 * occurrence a VEVENT with the same UID and a RECURRENCE-ID; each zone used a VTIMEZONE. Our
 * own fields ride along as X-STEADY-* properties, so that a file read back by Steady gives the
 * same calendar. Attendance and "bring this up" items are the user's notes about sessions,
 * not calendar data, and are never exported. */

#define G_LOG_DOMAIN "steady-ics-export"

#include "config.h"

#include <libical/ical.h>

#include "steady-ics-export.h"
#include "steady-wall-time.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

static struct icaltimetype
floating_time (const char *wall_text)
{
  SteadyWallTime wall;
  struct icaltimetype t = icaltime_null_time ();

  if (steady_wall_time_parse (wall_text, &wall))
    {
      t.year = wall.year;
      t.month = wall.month;
      t.day = wall.day;
      t.hour = wall.hour;
      t.minute = wall.minute;
      t.second = wall.second;
    }
  return t;
}

/* A wall time in the series' zone: TZID=<zone>, or floating when the series has none. */
static icalproperty *
with_tzid (icalproperty *prop,
           const char   *tzid)
{
  if (tzid[0] != '\0')
    icalproperty_add_parameter (prop, icalparameter_new_tzid (tzid));
  return prop;
}

static void
add_text (icalcomponent *event,
          icalproperty  *(*make) (const char *),
          const char    *value)
{
  if (value != NULL && value[0] != '\0')
    icalcomponent_add_property (event, make (value));
}

static void
add_x (icalcomponent *event,
       const char    *name,
       const char    *value)
{
  icalproperty *prop;

  if (value == NULL || value[0] == '\0')
    return;
  prop = icalproperty_new_x (value);
  icalproperty_set_x_name (prop, name);
  icalcomponent_add_property (event, prop);
}

static void
add_duration (icalcomponent *event,
              int            minutes)
{
  icalcomponent_add_property (event,
                              icalproperty_new_duration (icaldurationtype_from_int (minutes * 60)));
}

static void
add_times (icalcomponent *event,
           gint64         created_us,
           gint64         updated_us)
{
  struct icaltimetype now = icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ());
  icaltimezone *utc = icaltimezone_get_utc_timezone ();

  icalcomponent_add_property (event, icalproperty_new_dtstamp (now));
  if (created_us > 0)
    icalcomponent_add_property (event,
      icalproperty_new_created (icaltime_from_timet_with_zone (created_us / G_USEC_PER_SEC, 0,
                                                               utc)));
  if (updated_us > 0)
    icalcomponent_add_property (event,
      icalproperty_new_lastmodified (icaltime_from_timet_with_zone (updated_us / G_USEC_PER_SEC,
                                                                    0, utc)));
}

static void
add_alarms (icalcomponent             *event,
            const SteadySessionSeries *series)
{
  g_autoptr(GString) offsets = g_string_new (NULL);

  for (guint i = 0; i < series->reminder_offsets->len; i++)
    {
      int minutes = g_array_index (series->reminder_offsets, int, i);
      struct icaltriggertype trigger = { 0 };
      icalcomponent *alarm = icalcomponent_new_valarm ();

      trigger.time = icaltime_null_time ();
      trigger.duration = icaldurationtype_from_int (-minutes * 60);
      icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
      icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
      icalcomponent_add_property (alarm, icalproperty_new_description (series->title));
      icalcomponent_add_component (event, alarm);

      g_string_append_printf (offsets, "%s%d", i > 0 ? "," : "", minutes);
    }
  /* Ours, so that "no reminders" also survives a round trip. */
  add_x (event, "X-STEADY-REMINDERS", offsets->len > 0 ? offsets->str : "none");
}

static icalcomponent *
series_event (const SteadySessionSeries *series)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  const char *uid = series->ics_uid != NULL ? series->ics_uid : series->uuid;

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  add_times (event, series->created_us, series->updated_us);
  icalcomponent_add_property (event, icalproperty_new_summary (series->title));
  icalcomponent_add_property (event,
    with_tzid (icalproperty_new_dtstart (floating_time (series->start_local)), series->tzid));
  add_duration (event, series->duration_minutes);

  if (series->rrule[0] != '\0')
    {
      struct icalrecurrencetype rule = icalrecurrencetype_from_string (series->rrule);

      icalerror_clear_errno ();
      if (rule.freq != ICAL_NO_RECURRENCE)
        icalcomponent_add_property (event, icalproperty_new_rrule (rule));
    }
  for (guint i = 0; i < series->exdates->len; i++)
    icalcomponent_add_property (event,
      with_tzid (icalproperty_new_exdate (floating_time (g_ptr_array_index (series->exdates, i))),
                 series->tzid));

  add_text (event, icalproperty_new_location, series->place);
  add_text (event, icalproperty_new_url, series->video_link);
  add_text (event, icalproperty_new_description, series->notes);
  add_x (event, "X-STEADY-KIND", steady_session_kind_to_string (series->kind));
  add_x (event, "X-STEADY-CLINICIAN", series->clinician);
  add_alarms (event, series);
  return event;
}

static icalcomponent *
override_event (const SteadySessionSeries   *series,
                const SteadySessionOverride *override)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  const char *uid = series->ics_uid != NULL ? series->ics_uid : series->uuid;
  const char *start = override->start_local != NULL ? override->start_local
                                                    : override->original_start_local;

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  add_times (event, override->created_us, override->updated_us);
  icalcomponent_add_property (event,
    with_tzid (icalproperty_new_recurrenceid (floating_time (override->original_start_local)),
               series->tzid));
  icalcomponent_add_property (event,
                              with_tzid (icalproperty_new_dtstart (floating_time (start)),
                                         series->tzid));
  add_duration (event, override->duration_minutes > 0 ? override->duration_minutes
                                                      : series->duration_minutes);
  icalcomponent_add_property (event,
                              icalproperty_new_summary (override->title != NULL ? override->title
                                                                                : series->title));
  add_text (event, icalproperty_new_location,
            override->place != NULL ? override->place : series->place);
  add_text (event, icalproperty_new_url,
            override->video_link != NULL ? override->video_link : series->video_link);
  add_text (event, icalproperty_new_description,
            override->notes != NULL ? override->notes : series->notes);
  add_x (event, "X-STEADY-KIND",
         steady_session_kind_to_string (override->has_kind ? override->kind : series->kind));
  add_x (event, "X-STEADY-CLINICIAN",
         override->clinician != NULL ? override->clinician : series->clinician);
  if (override->cancelled)
    icalcomponent_add_property (event, icalproperty_new_status (ICAL_STATUS_CANCELLED));
  return event;
}

/* libical builds VTIMEZONEs from the system's zone files; they carry its own TZID prefix,
 * which we replace with the plain IANA name the events use. UTC needs none. */
static void
add_timezone (icalcomponent *calendar,
              const char    *tzid)
{
  icaltimezone *zone = icaltimezone_get_builtin_timezone (tzid);
  icalcomponent *definition;
  icalcomponent *copy;
  icalproperty *prop;

  if (zone == NULL || zone == icaltimezone_get_utc_timezone () ||
      (definition = icaltimezone_get_component (zone)) == NULL)
    return;
  copy = icalcomponent_new_clone (definition);
  prop = icalcomponent_get_first_property (copy, ICAL_TZID_PROPERTY);
  if (prop != NULL)
    icalproperty_set_tzid (prop, tzid);
  icalcomponent_add_component (calendar, copy);
}

char *
steady_ics_export_to_string (SteadySessionStore  *store,
                             GError             **error)
{
  g_autoptr(GPtrArray) all_series = NULL;
  g_autoptr(GHashTable) zones = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(icalcomponent) calendar = NULL;
  char *text;
  char *copy;

  g_return_val_if_fail (STEADY_IS_SESSION_STORE (store), NULL);

  all_series = steady_session_store_list_series (store, error);
  if (all_series == NULL)
    return NULL;

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar,
    icalproperty_new_prodid ("-//Steady//Steady " PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));

  for (guint i = 0; i < all_series->len; i++)
    {
      SteadySessionSeries *series = g_ptr_array_index (all_series, i);
      g_autoptr(GPtrArray) overrides = NULL;

      if (series->tzid[0] != '\0' && !g_hash_table_contains (zones, series->tzid))
        {
          g_hash_table_add (zones, series->tzid);
          add_timezone (calendar, series->tzid);
        }
      icalcomponent_add_component (calendar, series_event (series));

      overrides = steady_session_store_list_overrides (store, series->uuid, error);
      if (overrides == NULL)
        return NULL;
      for (guint j = 0; j < overrides->len; j++)
        icalcomponent_add_component (calendar,
                                     override_event (series, g_ptr_array_index (overrides, j)));
    }

  text = icalcomponent_as_ical_string_r (calendar);
  copy = g_strdup (text);
  icalmemory_free_buffer (text);
  return copy;
}

/* Writes the calendar to @file, readable only by the user, replacing it in one step. */
gboolean
steady_ics_export_to_file (SteadySessionStore  *store,
                           GFile               *file,
                           GError             **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (STEADY_IS_SESSION_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = steady_ics_export_to_string (store, error);
  if (text == NULL)
    return FALSE;
  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}
