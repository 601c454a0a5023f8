/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-ics-reader.c: the reading half of the ICS importer — from hostile bytes to series,
 * overrides and sentences about what was skipped.
 *
 * The file is hostile until proven otherwise: it may be huge, not UTF-8, cut off, or written
 * by a program with its own ideas of RFC 5545. Reading is bounded (size, number of events,
 * the recurrence iteration cap, time), never trusts a TZID to name a file, and for every event
 * skipped or changed adds one plain sentence to the messages, so the user knows what did not
 * come across and why. libical's own parse errors arrive as X-LIC-ERROR properties. */

#define G_LOG_DOMAIN "steady-ics-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <string.h>

#include "steady-ics-reader-private.h"
#include "steady-recurrence.h"
#include "steady-wall-time.h"

#define MAX_MESSAGES     60
#define MAX_EXDATES      1000
#define MAX_TITLE        500
#define MAX_PLACE        1000
#define MAX_LINK         2000
#define MAX_CLINICIAN    500
#define MAX_NOTES        20000
#define MAX_UID_BYTES    1000
#define MAX_ALARMS       10
#define RRULE_LOST       "Removing entire property: "
/* However hostile the file, reading it stops after this long. */
#define TIME_BUDGET_US   ((gint64)20 * G_USEC_PER_SEC)

typedef struct
{
  SteadyIcsImport *result;
  GTimeZone       *local_zone;
  const char      *local_tzid;
  GHashTable      *zone_names;     /* TZID in the file → IANA name its VTIMEZONE gives */
  GHashTable      *zones_reported; /* TZIDs already reported as unknown */
  GHashTable      *masters;        /* UID → SteadySessionSeries (borrowed from result) */
  guint            n_events;
  guint            n_parse_errors;
  char            *first_parse_error;
  guint            n_messages_dropped;
  gboolean         shortened;
  gint64           started_us;
  gboolean         out_of_time;
} Reader;

static void say (Reader *reader, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* Adds one sentence for the user; past MAX_MESSAGES they are only counted. */
static void
say (Reader     *reader,
     const char *format,
     ...)
{
  va_list args;

  if (reader->result->messages->len >= MAX_MESSAGES)
    {
      reader->n_messages_dropped++;
      return;
    }
  va_start (args, format);
  g_ptr_array_add (reader->result->messages, g_strdup_vprintf (format, args));
  va_end (args);
}

void
steady_ics_reader_set_too_big_error (GError **error)
{
  g_set_error (error, STEADY_ICS_ERROR, STEADY_ICS_ERROR_TOO_BIG,
               _("The file is larger than %d MB, far larger than any calendar of sessions. "
                 "Nothing was imported."), STEADY_ICS_MAX_BYTES / (1024 * 1024));
}

/* Text for messages: the event's title, short. */
char *
steady_ics_reader_quote (const char *title)
{
  if (title == NULL || *title == '\0')
    return g_strdup (_("An untitled event"));
  if (g_utf8_strlen (title, -1) > 60)
    {
      g_autofree char *start = g_utf8_substring (title, 0, 60);

      return g_strdup_printf ("“%s…”", start);
    }
  return g_strdup_printf ("“%s”", title);
}

/* Text from libical as valid UTF-8 of at most @max_chars characters. The file was made valid
 * before parsing, but libical's unescaping can still split a character ("\\" before a
 * multi-byte one). */
static char *
clip (Reader     *reader,
      const char *text,
      glong       max_chars)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return g_strdup ("");
  valid = g_utf8_make_valid (text, -1);
  if (g_utf8_strlen (valid, -1) <= max_chars)
    return g_steal_pointer (&valid);
  reader->shortened = TRUE;
  return g_utf8_substring (valid, 0, max_chars);
}

/* The file as valid UTF-8 without NUL bytes, or NULL with @error set. */
static char *
sanitize (Reader   *reader,
          GBytes   *data,
          GError  **error)
{
  gsize size;
  const char *bytes = g_bytes_get_data (data, &size);
  g_autoptr(GString) text = NULL;
  gboolean changed = FALSE;
  char *valid;

  if (size > STEADY_ICS_MAX_BYTES)
    {
      steady_ics_reader_set_too_big_error (error);
      return NULL;
    }

  text = g_string_sized_new (size + 1);
  for (gsize i = 0; i < size; i++)
    {
      if (bytes[i] == '\0')
        {
          g_string_append (text, "\xEF\xBF\xBD");
          changed = TRUE;
        }
      else
        g_string_append_c (text, bytes[i]);
    }
  if (!g_utf8_validate_len (text->str, text->len, NULL))
    changed = TRUE;
  valid = g_utf8_make_valid (text->str, text->len);
  if (changed)
    say (reader, _("Some of the text is not valid UTF-8; the characters that could not be "
                   "read were replaced with “\xEF\xBF\xBD”."));

  if (strstr (valid, "BEGIN:VCALENDAR") == NULL && strstr (valid, "begin:vcalendar") == NULL)
    {
      g_free (valid);
      g_set_error_literal (error, STEADY_ICS_ERROR, STEADY_ICS_ERROR_NOT_A_CALENDAR,
                           _("This is not a calendar file (iCalendar, .ics). Nothing was "
                             "imported."));
      return NULL;
    }
  return valid;
}

/* Time zones {{{1 */

static const char *
zone_by_suffix (const char *tzid)
{
  /* "/freeassociation.sourceforge.net/Europe/Berlin", "/mozilla.org/20070129_1/Europe/Berlin" */
  for (const char *p = tzid; p != NULL && *p != '\0'; p = strchr (p + 1, '/'))
    {
      const char *candidate = *p == '/' ? p + 1 : p;

      if (steady_time_zone_is_known (candidate))
        return candidate;
    }
  return NULL;
}

/* The IANA name for a TZID of the file; falls back to the user's zone, and says so once. */
static char *
resolve_tzid (Reader     *reader,
              const char *tzid,
              const char *title)
{
  const char *name;

  if (tzid == NULL)
    return g_strdup ("");
  if (steady_time_zone_is_known (tzid))
    return g_strdup (tzid);
  name = g_hash_table_lookup (reader->zone_names, tzid);
  if (name != NULL && steady_time_zone_is_known (name))
    return g_strdup (name);
  if ((name = zone_by_suffix (tzid)) != NULL)
    return g_strdup (name);

  if (!g_hash_table_contains (reader->zones_reported, tzid))
    {
      g_autofree char *who = steady_ics_reader_quote (title);
      g_autofree char *zone = clip (reader, tzid, 60);

      g_hash_table_add (reader->zones_reported, g_strdup (tzid));
      /* Translators: the first %s is an event ("“Group therapy”"), the second a time-zone
       * name from the file, the third the user's time zone. */
      say (reader, _("%s: the time zone “%s” is not known, so its times were read as times in "
                     "your time zone (%s)."), who, zone, reader->local_tzid);
    }
  return g_strdup (reader->local_tzid);
}

static void
collect_zone_names (Reader        *reader,
                    icalcomponent *calendar)
{
  for (icalcomponent *zone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
       zone != NULL;
       zone = icalcomponent_get_next_component (calendar, ICAL_VTIMEZONE_COMPONENT))
    {
      icalproperty *tzid = icalcomponent_get_first_property (zone, ICAL_TZID_PROPERTY);
      const char *location = NULL;

      if (tzid == NULL || icalproperty_get_tzid (tzid) == NULL)
        continue;
      for (icalproperty *x = icalcomponent_get_first_property (zone, ICAL_X_PROPERTY);
           x != NULL; x = icalcomponent_get_next_property (zone, ICAL_X_PROPERTY))
        {
          if (g_strcmp0 (icalproperty_get_x_name (x), "X-LIC-LOCATION") == 0)
            location = icalproperty_get_x (x);
        }
      g_hash_table_replace (reader->zone_names, g_strdup (icalproperty_get_tzid (tzid)),
                            g_strdup (location));
    }
}

/* A date-time property as a wall time in the zone @tzid (an IANA name, or "" for floating).
 * *@out_is_date is set for a date without time, which keeps 00:00. */
static gboolean
read_wall (Reader         *reader,
           icalproperty   *prop,
           struct icaltimetype t,
           const char     *tzid,
           const char     *title,
           SteadyWallTime *out,
           gboolean       *out_is_date)
{
  icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
  g_autofree char *own_tzid = NULL;
  SteadyWallTime wall = { t.year, t.month, t.day, t.is_date ? 0 : t.hour,
                          t.is_date ? 0 : t.minute, t.is_date ? 0 : t.second };

  if (!steady_wall_time_is_valid (&wall))
    return FALSE;
  *out_is_date = t.is_date;
  if (t.is_date)
    {
      *out = wall;
      return TRUE;
    }

  if (icaltime_is_utc (t))
    own_tzid = g_strdup ("UTC");
  else
    own_tzid = resolve_tzid (reader, param != NULL ? icalparameter_get_tzid (param) : NULL,
                             title);

  /* A floating time means the same clock time wherever it is read. */
  if (g_strcmp0 (own_tzid, tzid) == 0 || own_tzid[0] == '\0')
    *out = wall;
  else
    {
      /* Written in another zone: move it through the instant into ours. */
      g_autoptr(GTimeZone) from = steady_time_zone_new_for_tzid (own_tzid, reader->local_zone);
      g_autoptr(GTimeZone) to = steady_time_zone_new_for_tzid (tzid, reader->local_zone);

      if (from == NULL || to == NULL)
        return FALSE;
      steady_wall_time_from_instant (steady_wall_time_to_instant (&wall, from, NULL), to, out);
    }
  return TRUE;
}

/* The zone a start time was written in, for the series it starts. */
static char *
start_tzid (Reader              *reader,
            icalproperty        *prop,
            struct icaltimetype  t,
            const char          *title)
{
  icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);

  if (icaltime_is_utc (t))
    /* A UTC time is shown to the user in their own zone. */
    return g_strdup (reader->local_tzid);
  return resolve_tzid (reader, param != NULL ? icalparameter_get_tzid (param) : NULL, title);
}

/* Events {{{1 */

static const char *
x_value (icalcomponent *event,
         const char    *name)
{
  for (icalproperty *x = icalcomponent_get_first_property (event, ICAL_X_PROPERTY);
       x != NULL; x = icalcomponent_get_next_property (event, ICAL_X_PROPERTY))
    {
      if (g_ascii_strcasecmp (icalproperty_get_x_name (x), name) == 0)
        return icalproperty_get_x (x);
    }
  return NULL;
}

/* The value of a text or URI property, unescaped. */
static const char *
text_value (icalcomponent  *event,
            icalproperty_kind kind)
{
  icalproperty *prop = icalcomponent_get_first_property (event, kind);
  icalvalue *value = prop != NULL ? icalproperty_get_value (prop) : NULL;

  if (value == NULL)
    return NULL;
  switch (icalvalue_isa (value))
    {
    case ICAL_TEXT_VALUE:
      return icalvalue_get_text (value);
    case ICAL_URI_VALUE:
      return icalvalue_get_uri (value);
    default:
      return icalproperty_get_value_as_string (prop);
    }
}

/* libical reports what it could not read as X-LIC-ERROR properties. An RRULE it could not
 * read is handed back (@out_lost_rule), since libical 3.0 cannot read COUNT with UNTIL. */
static void
count_parse_errors (Reader         *reader,
                    icalcomponent  *component,
                    char          **out_lost_rule,
                    gboolean       *out_empty_rule)
{
  for (icalproperty *error = icalcomponent_get_first_property (component, ICAL_XLICERROR_PROPERTY);
       error != NULL;
       error = icalcomponent_get_next_property (component, ICAL_XLICERROR_PROPERTY))
    {
      const char *text = icalproperty_get_xlicerror (error);
      const char *lost;

      if (text == NULL)
        continue;
      if (out_lost_rule != NULL && strstr (text, "RRULE") != NULL &&
          (lost = strstr (text, RRULE_LOST)) != NULL)
        {
          g_autoptr(GString) rule = g_string_new (lost + strlen (RRULE_LOST));

          g_string_replace (rule, "\\;", ";", 0);
          g_string_replace (rule, "\\,", ",", 0);
          g_strstrip (rule->str);
          if (*out_lost_rule == NULL && rule->str[0] != '\0')
            *out_lost_rule = g_strdup (rule->str);
          continue;
        }
      if (out_empty_rule != NULL && strstr (text, "No value for RRULE") != NULL)
        {
          *out_empty_rule = TRUE;
          continue;
        }
      if (reader->n_parse_errors++ == 0)
        {
          gboolean shortened = reader->shortened;

          reader->first_parse_error = clip (reader, text, 120);
          reader->shortened = shortened;
        }
    }
}

/* COUNT and UNTIL together: keep the end date, which says when the series stops. */
static char *
without_count (const char *rule)
{
  g_auto(GStrv) parts = g_strsplit (rule, ";", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_ascii_strncasecmp (g_strstrip (parts[i]), "COUNT=", 6) != 0 && parts[i][0] != '\0')
        g_ptr_array_add (kept, parts[i]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv (";", (char **)kept->pdata);
}

/* The event's repeat rule, "" for a single session, or NULL when the event cannot be
 * imported at all. */
static char *
read_rule (Reader        *reader,
           icalcomponent *event,
           const char    *who)
{
  g_autofree char *lost = NULL;
  g_autofree char *rule = NULL;
  g_autoptr(GError) error = NULL;
  gboolean empty = FALSE;
  guint n_rules = 0;

  for (icalproperty *prop = icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY);
       prop != NULL; prop = icalcomponent_get_next_property (event, ICAL_RRULE_PROPERTY))
    {
      if (n_rules++ == 0)
        {
          struct icalrecurrencetype recur = icalproperty_get_rrule (prop);
          char *text = icalrecurrencetype_as_string_r (&recur);

          rule = g_strdup (text);
          icalmemory_free_buffer (text);
        }
    }
  count_parse_errors (reader, event, &lost, &empty);
  if (rule == NULL && lost != NULL)
    {
      rule = g_steal_pointer (&lost);
      n_rules++;
    }
  if (n_rules > 1)
    say (reader, _("%s has more than one repeat rule; only the first was used."), who);

  if (rule == NULL)
    {
      if (empty)
        say (reader, _("%s has an empty repeat rule; it was imported as a single session."),
             who);
      return g_strdup ("");
    }

  if (!steady_recurrence_check_rule (rule, &error))
    {
      if (g_error_matches (error, STEADY_RECURRENCE_ERROR,
                           STEADY_RECURRENCE_ERROR_COUNT_AND_UNTIL))
        {
          g_autofree char *kept = without_count (rule);

          g_clear_error (&error);
          if (steady_recurrence_check_rule (kept, &error))
            {
              say (reader, _("%s repeats both a number of times (COUNT) and until a date "
                             "(UNTIL), which is not allowed; it was imported repeating until "
                             "the date."), who);
              return g_steal_pointer (&kept);
            }
        }
      if (g_error_matches (error, STEADY_RECURRENCE_ERROR, STEADY_RECURRENCE_ERROR_NEVER_HAPPENS))
        {
          say (reader, _("%s: %s It was not imported."), who, error->message);
          return NULL;
        }
      /* Translators: %s is an event; the sentence after it says what is wrong with its
       * repeat rule. */
      say (reader, _("%s: %s It was imported as a single session."), who, error->message);
      return g_strdup ("");
    }
  if (icalcomponent_get_first_property (event, ICAL_RDATE_PROPERTY) != NULL)
    say (reader, _("%s has extra dates (RDATE), which Steady does not support; they were "
                   "skipped."), who);
  return g_steal_pointer (&rule);
}

static int
read_duration (Reader              *reader,
               icalcomponent       *event,
               const SteadyWallTime *start,
               const char          *tzid,
               const char          *who)
{
  icalproperty *end_prop = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);
  icalproperty *duration_prop = icalcomponent_get_first_property (event, ICAL_DURATION_PROPERTY);
  gint64 seconds = 60 * 60;

  if (duration_prop != NULL)
    seconds = icaldurationtype_as_int (icalproperty_get_duration (duration_prop));
  else if (end_prop != NULL)
    {
      SteadyWallTime end;
      gboolean is_date = FALSE;
      g_autoptr(GTimeZone) zone = steady_time_zone_new_for_tzid (tzid, reader->local_zone);

      if (zone != NULL &&
          read_wall (reader, end_prop, icalproperty_get_dtend (end_prop), tzid, NULL, &end,
                     &is_date) && !is_date)
        seconds = (steady_wall_time_to_instant (&end, zone, NULL) -
                   steady_wall_time_to_instant (start, zone, NULL)) / G_USEC_PER_SEC;
    }

  if (seconds <= 0)
    return 60;
  if (seconds > 24 * 60 * 60)
    {
      say (reader, _("%s lasts longer than a day; it was shortened to 24 hours."), who);
      return 24 * 60;
    }
  return (int)MAX (1, (seconds + 30) / 60);
}

static void
read_reminders (Reader              *reader,
                icalcomponent       *event,
                SteadySessionSeries *series)
{
  const char *ours = x_value (event, "X-STEADY-REMINDERS");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (int));
  guint n_alarms = 0;

  if (ours != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (ours, ",", MAX_ALARMS + 1);

      for (guint i = 0; parts[i] != NULL && i < MAX_ALARMS; i++)
        {
          guint64 minutes;

          if (g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 0,
                                          STEADY_REMINDER_MAX_OFFSET_MINUTES, &minutes, NULL))
            {
              int value = (int)minutes;

              g_array_append_val (offsets, value);
            }
        }
      steady_session_series_set_reminder_offsets (series, (const int *)(gpointer)offsets->data,
                                                  offsets->len);
      return;
    }

  for (icalcomponent *alarm = icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT);
       alarm != NULL && n_alarms < MAX_ALARMS;
       alarm = icalcomponent_get_next_component (event, ICAL_VALARM_COMPONENT), n_alarms++)
    {
      icalproperty *trigger_prop = icalcomponent_get_first_property (alarm, ICAL_TRIGGER_PROPERTY);
      icalparameter *related;
      struct icaltriggertype trigger;
      int seconds;

      if (trigger_prop == NULL)
        continue;
      trigger = icalproperty_get_trigger (trigger_prop);
      related = icalproperty_get_first_parameter (trigger_prop, ICAL_RELATED_PARAMETER);
      /* Only "this long before the start" fits a reminder offset. */
      if (!icaltime_is_null_time (trigger.time) ||
          (related != NULL && icalparameter_get_related (related) == ICAL_RELATED_END))
        continue;
      seconds = icaldurationtype_as_int (trigger.duration);
      if (seconds <= 0 && -seconds / 60 <= STEADY_REMINDER_MAX_OFFSET_MINUTES)
        {
          int minutes = -seconds / 60;

          g_array_append_val (offsets, minutes);
        }
    }
  /* An event without usable alarms keeps Steady's default reminders. */
  if (offsets->len > 0)
    steady_session_series_set_reminder_offsets (series, (const int *)(gpointer)offsets->data,
                                                offsets->len);
}

static void
read_exdates (Reader              *reader,
              icalcomponent       *event,
              SteadySessionSeries *series,
              const SteadyWallTime *start,
              const char          *who)
{
  guint n = 0;

  for (icalproperty *prop = icalcomponent_get_first_property (event, ICAL_EXDATE_PROPERTY);
       prop != NULL; prop = icalcomponent_get_next_property (event, ICAL_EXDATE_PROPERTY))
    {
      SteadyWallTime wall;
      gboolean is_date = FALSE;
      g_autofree char *key = NULL;

      if (n++ >= MAX_EXDATES)
        {
          say (reader, _("%s has more than %d exceptions; the rest were skipped."), who,
               MAX_EXDATES);
          break;
        }
      if (!read_wall (reader, prop, icalproperty_get_exdate (prop), series->tzid, who, &wall,
                      &is_date))
        continue;
      if (is_date)
        {
          /* A date alone removes the occurrence on that day. */
          wall.hour = start->hour;
          wall.minute = start->minute;
          wall.second = start->second;
        }
      key = steady_wall_time_format (&wall);
      steady_session_series_add_exdate (series, key);
    }
}

static void
read_fields (Reader              *reader,
             icalcomponent       *event,
             SteadySessionSeries *series)
{
  const char *title = text_value (event, ICAL_SUMMARY_PROPERTY);
  const char *location = text_value (event, ICAL_LOCATION_PROPERTY);
  const char *url = text_value (event, ICAL_URL_PROPERTY);
  const char *kind = x_value (event, "X-STEADY-KIND");
  g_autofree char *clipped = NULL;
  SteadySessionKind parsed_kind;

  clipped = clip (reader, title != NULL && *title != '\0' ? title : _("Untitled session"),
                  MAX_TITLE);
  g_strstrip (clipped);
  steady_session_series_set_title (series, *clipped != '\0' ? clipped : _("Untitled session"));
  g_clear_pointer (&clipped, g_free);

  /* A place that is a web address is the session's video link. */
  if (location != NULL && url == NULL &&
      (g_str_has_prefix (location, "https://") || g_str_has_prefix (location, "http://")))
    {
      url = location;
      location = NULL;
    }
  clipped = clip (reader, location, MAX_PLACE);
  steady_session_series_set_place (series, clipped);
  g_clear_pointer (&clipped, g_free);
  clipped = clip (reader, url, MAX_LINK);
  steady_session_series_set_video_link (series, clipped);
  g_clear_pointer (&clipped, g_free);
  clipped = clip (reader, x_value (event, "X-STEADY-CLINICIAN"), MAX_CLINICIAN);
  steady_session_series_set_clinician (series, clipped);
  g_clear_pointer (&clipped, g_free);
  clipped = clip (reader, text_value (event, ICAL_DESCRIPTION_PROPERTY), MAX_NOTES);
  steady_session_series_set_notes (series, clipped);
  if (kind != NULL && steady_session_kind_from_string (kind, &parsed_kind))
    series->kind = parsed_kind;
}

static gboolean
is_cancelled (icalcomponent *event)
{
  icalproperty *status = icalcomponent_get_first_property (event, ICAL_STATUS_PROPERTY);

  return status != NULL && icalproperty_get_status (status) == ICAL_STATUS_CANCELLED;
}

/* A VEVENT without RECURRENCE-ID: a single session or a series. */
static void
read_master (Reader        *reader,
             icalcomponent *event)
{
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();
  icalproperty *start_prop = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  const char *uid = text_value (event, ICAL_UID_PROPERTY);
  g_autofree char *who = NULL;
  g_autofree char *tzid = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *start_text = NULL;
  g_autoptr(GError) error = NULL;
  SteadyWallTime start;
  gboolean is_date = FALSE;

  read_fields (reader, event, series);
  who = steady_ics_reader_quote (series->title);

  if (is_cancelled (event))
    {
      say (reader, _("%s is marked as cancelled in the file and was not imported."), who);
      return;
    }
  if (start_prop == NULL)
    {
      say (reader, _("%s has no start time and was not imported."), who);
      return;
    }
  tzid = start_tzid (reader, start_prop, icalproperty_get_dtstart (start_prop), series->title);
  if (!read_wall (reader, start_prop, icalproperty_get_dtstart (start_prop), tzid,
                  series->title, &start, &is_date))
    {
      say (reader, _("%s has a start time that could not be read and was not imported."), who);
      return;
    }
  if (is_date)
    {
      say (reader, _("%s is an all-day event, not a session with a time, and was not "
                     "imported."), who);
      return;
    }
  start_text = steady_wall_time_format (&start);
  steady_session_series_set_start (series, start_text, tzid);
  series->duration_minutes = read_duration (reader, event, &start, tzid, who);

  rule = read_rule (reader, event, who);
  if (rule == NULL)
    return;
  steady_session_series_set_rrule (series, rule);
  if (rule[0] != '\0')
    read_exdates (reader, event, series, &start, who);
  read_reminders (reader, event, series);

  if (!steady_recurrence_validate (series, reader->local_zone, &error))
    {
      if (!g_error_matches (error, STEADY_RECURRENCE_ERROR, STEADY_RECURRENCE_ERROR_TOO_MANY))
        {
          say (reader, _("%s: %s It was not imported."), who, error->message);
          return;
        }
      say (reader, _("%s: %s It was imported as a single session."), who, error->message);
      steady_session_series_set_rrule (series, "");
      g_ptr_array_set_size (series->exdates, 0);
    }

  if (uid != NULL && *uid != '\0' && strlen (uid) <= MAX_UID_BYTES &&
      g_utf8_validate (uid, -1, NULL))
    {
      if (g_hash_table_contains (reader->masters, uid))
        {
          say (reader, _("%s appears twice in the file; only the first was imported."), who);
          return;
        }
      series->ics_uid = g_strdup (uid);
      /* Our own UIDs are our UUIDs: a file exported by Steady comes back as the same series. */
      if (strlen (uid) == 36 && g_uuid_string_is_valid (uid))
        {
          g_free (series->uuid);
          series->uuid = g_ascii_strdown (uid, -1);
        }
      g_hash_table_insert (reader->masters, series->ics_uid, series);
    }

  g_ptr_array_add (reader->result->series, steady_session_series_ref (series));
  g_ptr_array_add (reader->result->overrides,
                   g_ptr_array_new_with_free_func ((GDestroyNotify)steady_session_override_unref));
}

static char *
dup_if_differs (Reader     *reader,
                const char *value,
                const char *in_series,
                glong       max_chars)
{
  g_autofree char *clipped = clip (reader, value, max_chars);

  return g_strcmp0 (clipped, in_series) != 0 ? g_steal_pointer (&clipped) : NULL;
}

/* A VEVENT with RECURRENCE-ID: one occurrence of a series, changed. */
static void
read_override (Reader        *reader,
               icalcomponent *event)
{
  const char *uid = text_value (event, ICAL_UID_PROPERTY);
  SteadySessionSeries *master = uid != NULL ? g_hash_table_lookup (reader->masters, uid) : NULL;
  icalproperty *id_prop = icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY);
  icalproperty *start_prop = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  g_autoptr(SteadySessionSeries) fields = steady_session_series_new ();
  g_autoptr(SteadySessionOverride) override = NULL;
  g_autofree char *who = NULL;
  g_autofree char *key = NULL;
  SteadyWallTime original, master_start;
  gboolean is_date = FALSE;
  guint index;

  read_fields (reader, event, fields);
  who = steady_ics_reader_quote (fields->title);

  if (master == NULL)
    {
      say (reader, _("%s is a change to one session of a series that is not in the file; it "
                     "was imported as a single session."), who);
      icalcomponent_remove_property (event, id_prop);
      icalproperty_free (id_prop);
      read_master (reader, event);
      return;
    }

  steady_wall_time_parse (master->start_local, &master_start);
  if (!read_wall (reader, id_prop, icalproperty_get_recurrenceid (id_prop), master->tzid,
                  master->title, &original, &is_date))
    {
      say (reader, _("%s: a changed session could not be matched to its series and was "
                     "skipped."), who);
      return;
    }
  if (is_date)
    {
      original.hour = master_start.hour;
      original.minute = master_start.minute;
      original.second = master_start.second;
    }
  key = steady_wall_time_format (&original);
  if (!steady_recurrence_has_occurrence (master, key, reader->local_zone))
    {
      say (reader, _("%s: a change to a session the series does not have was skipped."), who);
      return;
    }

  override = steady_session_override_new (key);
  override->cancelled = is_cancelled (event);
  if (start_prop != NULL)
    {
      SteadyWallTime start;

      if (read_wall (reader, start_prop, icalproperty_get_dtstart (start_prop), master->tzid,
                     master->title, &start, &is_date) && !is_date)
        {
          g_autofree char *text = steady_wall_time_format (&start);
          int duration = read_duration (reader, event, &start, master->tzid, who);

          if (g_strcmp0 (text, key) != 0)
            override->start_local = g_steal_pointer (&text);
          if (duration != master->duration_minutes)
            override->duration_minutes = duration;
        }
    }
  override->title = dup_if_differs (reader, fields->title, master->title, MAX_TITLE);
  override->place = dup_if_differs (reader, fields->place, master->place, MAX_PLACE);
  override->video_link = dup_if_differs (reader, fields->video_link, master->video_link,
                                         MAX_LINK);
  override->clinician = dup_if_differs (reader, fields->clinician, master->clinician,
                                        MAX_CLINICIAN);
  override->notes = dup_if_differs (reader, fields->notes, master->notes, MAX_NOTES);
  override->has_kind = fields->kind != master->kind && x_value (event, "X-STEADY-KIND") != NULL;
  override->kind = fields->kind;

  if (!g_ptr_array_find (reader->result->series, master, &index))
    return;
  g_ptr_array_add (g_ptr_array_index (reader->result->overrides, index),
                   g_steal_pointer (&override));
}

static gboolean
is_override (icalcomponent *event)
{
  return icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY) != NULL;
}

static void
read_calendar (Reader        *reader,
               icalcomponent *calendar)
{
  count_parse_errors (reader, calendar, NULL, NULL);
  collect_zone_names (reader, calendar);

  /* Series first, so that changed occurrences find theirs wherever they are in the file. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (icalcomponent *event = icalcomponent_get_first_component (calendar,
                                                                     ICAL_VEVENT_COMPONENT);
           event != NULL;
           event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
        {
          if (is_override (event) != (pass == 1))
            continue;
          if (reader->out_of_time ||
              g_get_monotonic_time () - reader->started_us > TIME_BUDGET_US)
            {
              if (!reader->out_of_time)
                say (reader, _("Reading the file took too long; the rest of it was not "
                               "imported."));
              reader->out_of_time = TRUE;
              return;
            }
          if (reader->n_events++ == STEADY_ICS_MAX_EVENTS)
            say (reader, _("The file has more than %d events; the rest were not imported."),
                 STEADY_ICS_MAX_EVENTS);
          if (reader->n_events > STEADY_ICS_MAX_EVENTS)
            return;
          if (pass == 0)
            read_master (reader, event);
          else
            {
              count_parse_errors (reader, event, NULL, NULL);
              read_override (reader, event);
            }
        }
    }
}

/* Reads @data (the bytes of an .ics file) into @result's series, overrides and messages. */
gboolean
steady_ics_reader_read (GBytes           *data,
                        GTimeZone        *local_zone,
                        SteadyIcsImport  *result,
                        GError          **error)
{
  g_autofree char *text = NULL;
  icalcomponent *root;
  Reader reader = { 0 };

  reader.result = result;
  reader.started_us = g_get_monotonic_time ();
  reader.local_zone = local_zone;
  reader.local_tzid = g_time_zone_get_identifier (local_zone);
  if (!steady_time_zone_is_known (reader.local_tzid))
    reader.local_tzid = "UTC";

  text = sanitize (&reader, data, error);
  if (text == NULL)
    return FALSE;

  icalerror_clear_errno ();
  root = icalparser_parse_string (text);
  icalerror_clear_errno ();
  if (root == NULL)
    {
      g_set_error_literal (error, STEADY_ICS_ERROR, STEADY_ICS_ERROR_NOT_A_CALENDAR,
                           _("This calendar file could not be read at all. Nothing was "
                             "imported."));
      return FALSE;
    }

  reader.zone_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader.zones_reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.masters = g_hash_table_new (g_str_hash, g_str_equal);

  if (icalcomponent_isa (root) == ICAL_VCALENDAR_COMPONENT)
    read_calendar (&reader, root);
  else
    for (icalcomponent *calendar = icalcomponent_get_first_component (root,
                                                                      ICAL_VCALENDAR_COMPONENT);
         calendar != NULL;
         calendar = icalcomponent_get_next_component (root, ICAL_VCALENDAR_COMPONENT))
      read_calendar (&reader, calendar);

  if (reader.n_parse_errors > 0)
    say (&reader,
         g_dngettext (GETTEXT_PACKAGE,
                      "%u line of the file could not be read and was skipped (“%s”).",
                      "%u lines of the file could not be read and were skipped (the first: "
                      "“%s”).", reader.n_parse_errors),
         reader.n_parse_errors, reader.first_parse_error);
  if (reader.shortened)
    say (&reader, _("Some very long text (a title, place or notes) was shortened."));
  if (reader.n_messages_dropped > 0)
    g_ptr_array_add (result->messages,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "… and %u more problem.",
                                                   "… and %u more problems.",
                                                   reader.n_messages_dropped),
                                      reader.n_messages_dropped));

  icalcomponent_free (root);
  g_hash_table_unref (reader.zone_names);
  g_hash_table_unref (reader.zones_reported);
  g_hash_table_unref (reader.masters);
  g_free (reader.first_parse_error);
  return TRUE;
}
