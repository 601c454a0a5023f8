/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-reminder-text.c: the words of a reminder notification.
 *
 * A notification can be read by anyone near the screen, so it says no more than a wall
 * calendar would: the session's title, when, and where ("Online" for a video link, whose
 * address may hold a meeting password). Notes, "bring this up" items and anything from the
 * journal never go into it. */

#define G_LOG_DOMAIN "steady-reminder-text"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-reminder-text.h"

static char *
format_when (const SteadyOccurrence *occurrence,
             gint64                  now_us,
             GTimeZone              *zone)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *time = NULL;
  GDate start_date, today;
  int days;

  start = g_date_time_new_from_unix_utc (occurrence->start_us / G_USEC_PER_SEC);
  now = g_date_time_new_from_unix_utc (now_us / G_USEC_PER_SEC);
  if (start == NULL || now == NULL)
    return g_strdup ("");
  {
    GDateTime *local_start = g_date_time_to_timezone (start, zone);
    GDateTime *local_now = g_date_time_to_timezone (now, zone);

    g_date_time_unref (start);
    g_date_time_unref (now);
    start = local_start;
    now = local_now;
  }

  /* Translators: the time of day a session starts, in g_date_time_format() notation. Use
   * "%l:%M %p" for a 12-hour clock. */
  time = g_date_time_format (start, _("%H:%M"));

  if (occurrence->start_us <= now_us)
    /* Translators: %s is a time of day, e.g. "09:00". */
    return g_strdup_printf (_("Started at %s"), time);

  g_date_clear (&start_date, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&start_date, g_date_time_get_day_of_month (start),
                  g_date_time_get_month (start), g_date_time_get_year (start));
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  days = g_date_days_between (&today, &start_date);

  if (days == 0)
    /* Translators: %s is a time of day, e.g. "09:00". */
    return g_strdup_printf (_("Today at %s"), time);
  if (days == 1)
    /* Translators: %s is a time of day, e.g. "09:00". */
    return g_strdup_printf (_("Tomorrow at %s"), time);
  {
    /* Translators: a date within the next days, in g_date_time_format() notation, as in
     * "Monday, 6 January". */
    g_autofree char *date = g_date_time_format (start, _("%A, %-d %B"));

    /* Translators: the first %s is a date, the second a time of day. */
    return g_strdup_printf (_("%s at %s"), date, time);
  }
}

/* Sets *@out_summary (plain text) and *@out_body (notification body markup, or NULL). */
void
steady_reminder_text_format (const SteadyDueReminder  *due,
                             gint64                    now_us,
                             GTimeZone                *local_zone,
                             gboolean                  discreet,
                             char                    **out_summary,
                             char                    **out_body)
{
  const SteadyOccurrence *occurrence;
  g_autofree char *when = NULL;
  g_autoptr(GString) body = NULL;
  const char *place;

  g_return_if_fail (due != NULL);
  g_return_if_fail (local_zone != NULL);
  g_return_if_fail (out_summary != NULL && out_body != NULL);

  if (discreet)
    {
      /* Translators: the whole of a discreet reminder, shown on a screen others may see. */
      *out_summary = g_strdup (_("Session soon"));
      *out_body = NULL;
      return;
    }

  occurrence = due->occurrence;
  when = format_when (occurrence, now_us, local_zone);
  place = occurrence->place[0] != '\0' ? occurrence->place
        : occurrence->video_link[0] != '\0' ? _("Online")
        : NULL;

  body = g_string_new (NULL);
  if (place != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (place, -1);

      /* Translators: when and where a session is, e.g. "Today at 09:00 · Room 2". */
      g_string_append_printf (body, _("%s · %s"), when, escaped);
    }
  else
    g_string_append (body, when);

  if (due->late)
    {
      g_string_append_c (body, '\n');
      /* Translators: added to a reminder that could not be shown on time. */
      g_string_append (body, _("This reminder is late: it came due while the computer was off "
                               "or asleep."));
    }

  *out_summary = g_strdup (occurrence->title);
  *out_body = g_string_free (g_steal_pointer (&body), FALSE);
}

/* The reminder to review the safety plan: never a word of the plan itself, and when the user
 * asked for discreet notifications, not even that they have one. */
void
steady_reminder_text_format_review (gboolean   discreet,
                                    char     **out_summary,
                                    char     **out_body)
{
  g_return_if_fail (out_summary != NULL && out_body != NULL);

  if (discreet)
    {
      /* Translators: the whole of a discreet reminder, which anyone may see on the screen. */
      *out_summary = g_strdup (_("Reminder from Steady"));
      *out_body = NULL;
      return;
    }
  /* Translators: the title of the reminder to go through the safety plan with the
   * therapist. */
  *out_summary = g_strdup (_("Time to review your safety plan"));
  /* Translators: the body of that reminder; gentle, with no pressure. */
  *out_body = g_strdup (_("You might look through it with your therapist at your next "
                          "session, and change anything that no longer fits."));
}
