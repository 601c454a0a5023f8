/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-journal-common.c: the journal's error domain, the text clean-up policy, and the
 * arithmetic of local days. */

#define G_LOG_DOMAIN "steady-journal-common"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steady-journal-common.h"

/* g_date_get_julian () of 1970-01-01: local days count from there. */
#define JULIAN_OF_EPOCH 719163
#define USEC_PER_DAY    (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)

G_DEFINE_QUARK (steady-journal-error-quark, steady_journal_error)

static gboolean
is_dropped_control (gunichar c)
{
  /* C0 controls other than tab and newline, DEL, and the C1 controls: invisible, never
   * typed on purpose, and able to confuse every program the text is exported to. */
  if (c == '\t' || c == '\n')
    return FALSE;
  return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

/**
 * steady_journal_sanitize_text:
 * @text: what the user typed or pasted; need not be valid UTF-8 nor free of NUL bytes
 * @length: length of @text in bytes, or -1 if it ends with a NUL
 *
 * Cleans text before it is stored. The policy, the same for every field:
 *
 * 1. NUL bytes are removed.
 * 2. Bytes that are not valid UTF-8 become U+FFFD (so what was lost stays visible).
 * 3. Carriage returns, alone or before a newline, become one newline.
 * 4. Other control characters (C0 but tab and newline, DEL, C1) are removed.
 * 5. The result is normalised to NFC, so the same words always compare and search alike.
 *
 * Returns: (transfer full): valid UTF-8 text
 */
char *
steady_journal_sanitize_text (const char *text,
                              gssize      length)
{
  g_autoptr(GString) without_nul = NULL;
  g_autoptr(GString) clean = NULL;
  g_autofree char *valid = NULL;
  gsize n_bytes;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (text == NULL)
    return g_strdup ("");

  n_bytes = length < 0 ? strlen (text) : (gsize)length;
  without_nul = g_string_sized_new (n_bytes);
  for (const char *p = text, *end = text + n_bytes; p < end; )
    {
      const char *nul = memchr (p, '\0', end - p);
      const char *stop = nul != NULL ? nul : end;

      g_string_append_len (without_nul, p, stop - p);
      p = stop + (nul != NULL ? 1 : 0);
    }

  valid = g_utf8_make_valid (without_nul->str, without_nul->len);

  clean = g_string_sized_new (without_nul->len);
  for (const char *p = valid; *p != '\0'; )
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (c == '\r')
        {
          g_string_append_c (clean, '\n');
          if (*next == '\n')
            next++;
        }
      else if (!is_dropped_control (c))
        {
          g_string_append_len (clean, p, next - p);
        }
      p = next;
    }

  return g_utf8_normalize (clean->str, clean->len, G_NORMALIZE_NFC);
}

/**
 * steady_journal_text_is_clean:
 * @text: text read back, such as a stored note
 *
 * Returns: whether @text is valid UTF-8 without the control characters
 *   steady_journal_sanitize_text() removes — true of all text that went through it
 */
gboolean
steady_journal_text_is_clean (const char *text)
{
  const char *end = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_utf8_validate (text, -1, &end))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      /* Only ASCII bytes and the two-byte C1 sequences can be controls. */
      if ((guchar)*p < 0x80 ? is_dropped_control ((guchar)*p) || *p == '\r'
                            : (guchar)*p == 0xc2 && (guchar)p[1] <= 0x9f)
        return FALSE;
    }
  return TRUE;
}

/**
 * steady_journal_sanitize_name:
 * @text: a tag or emotion name as typed
 * @length: length of @text in bytes, or -1 if it ends with a NUL
 *
 * Cleans @text as steady_journal_sanitize_text() does, then makes it one line: every run of
 * white space (tabs and newlines included) becomes one space, and the ends are trimmed.
 *
 * Returns: (transfer full): the name, possibly empty
 */
char *
steady_journal_sanitize_name (const char *text,
                              gssize      length)
{
  g_autofree char *clean = steady_journal_sanitize_text (text, length);
  g_autoptr(GString) name = g_string_sized_new (strlen (clean));
  gboolean pending_space = FALSE;

  for (const char *p = clean; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          pending_space = name->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (name, ' ');
      pending_space = FALSE;
      g_string_append_unichar (name, c);
    }

  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* Floor division, so days before 1970 are counted right too. */
static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/**
 * steady_journal_day_from_time:
 * @time_us: an instant, UTC microseconds
 * @utc_offset_s: the offset from UTC the user was in, in seconds
 *
 * Returns: the local day of the instant, counted from 1970-01-01 (which is day 0)
 */
int
steady_journal_day_from_time (gint64 time_us,
                              int    utc_offset_s)
{
  return (int)floor_div (time_us + (gint64)utc_offset_s * G_USEC_PER_SEC, USEC_PER_DAY);
}

int
steady_journal_day_from_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  return (int)g_date_get_julian (date) - JULIAN_OF_EPOCH;
}

void
steady_journal_day_to_date (int    day,
                            GDate *date)
{
  g_return_if_fail (date != NULL);
  g_return_if_fail (day > -JULIAN_OF_EPOCH);

  g_date_clear (date, 1);
  g_date_set_julian (date, (guint32)(day + JULIAN_OF_EPOCH));
}

/**
 * steady_journal_check_time:
 * @time_us: an instant, UTC microseconds
 * @utc_offset_s: the UTC offset the user was in, in seconds
 * @error: set to %STEADY_JOURNAL_ERROR_INVALID_DATE when either is out of range
 *
 * Returns: whether an entry may carry this time
 */
gboolean
steady_journal_check_time (gint64   time_us,
                           int      utc_offset_s,
                           GError **error)
{
  if (time_us < STEADY_JOURNAL_MIN_TIME || time_us > STEADY_JOURNAL_MAX_TIME)
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_DATE,
                   _("The date must be between the years 1900 and 2999."));
      return FALSE;
    }
  if (utc_offset_s < -STEADY_JOURNAL_MAX_UTC_OFFSET ||
      utc_offset_s > STEADY_JOURNAL_MAX_UTC_OFFSET)
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_DATE,
                   _("The time zone of this entry is not valid."));
      return FALSE;
    }
  return TRUE;
}

/**
 * steady_journal_time_from_local:
 * @year: (e.g. typed by hand) 1900–2999
 * @month: 1–12
 * @day: 1–31, and a day the month has
 * @hour: 0–23
 * @minute: 0–59
 * @tz: (nullable): the time zone the user means; %NULL for the local one
 * @out_time_us: (out): the instant, UTC microseconds
 * @out_utc_offset_s: (out): the UTC offset in force then, in seconds
 * @error: set to %STEADY_JOURNAL_ERROR_INVALID_DATE for a date or time that does not exist
 *
 * Turns a date and time as a person writes them into what an entry stores. A time the
 * clocks skipped (when summer time starts) becomes the first time after the gap, as
 * sessions do.
 *
 * Returns: whether the date and time exist
 */
gboolean
steady_journal_time_from_local (int         year,
                                int         month,
                                int         day,
                                int         hour,
                                int         minute,
                                GTimeZone  *tz,
                                gint64     *out_time_us,
                                int        *out_utc_offset_s,
                                GError    **error)
{
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GDateTime) date_time = NULL;

  g_return_val_if_fail (out_time_us != NULL, FALSE);
  g_return_val_if_fail (out_utc_offset_s != NULL, FALSE);

  if (year < 1900 || year > 2999)
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_DATE,
                   _("The date must be between the years 1900 and 2999."));
      return FALSE;
    }
  if (month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_DATE,
                   /* Translators: a date typed by hand that the calendar does not have,
                    * shown as year-month-day, e.g. 2025-02-30. */
                   _("There is no such date: %04d-%02d-%02d."), year, month, day);
      return FALSE;
    }
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59)
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_DATE,
                   /* Translators: a time typed by hand that does not exist, e.g. 25:70. */
                   _("There is no such time: %02d:%02d."), hour, minute);
      return FALSE;
    }

  if (tz == NULL)
    tz = local = g_time_zone_new_local ();
  date_time = g_date_time_new (tz, year, month, day, hour, minute, 0);
  if (date_time == NULL)
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_DATE,
                   _("There is no such date: %04d-%02d-%02d."), year, month, day);
      return FALSE;
    }

  *out_time_us = g_date_time_to_unix (date_time) * G_USEC_PER_SEC;
  *out_utc_offset_s = (int)(g_date_time_get_utc_offset (date_time) / G_USEC_PER_SEC);
  return steady_journal_check_time (*out_time_us, *out_utc_offset_s, error);
}
