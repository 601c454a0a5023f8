/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-reminders-plan.c: the short-lived helper of the reminder service. The resident
 * daemon runs it to read the calendar and claim what is due ("plan"), and to record what the
 * user did with a notification ("snooze", "dismiss"). It prints the plan as a GVariant. */

#define G_LOG_DOMAIN "steady-reminders-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "steady-database.h"
#include "steady-reminder-job.h"
#include "steady-reminder-planner.h"
#include "steady-review-reminder.h"
#include "steady-wall-time.h"

#define SNOOZE_US ((gint64)10 * 60 * G_USEC_PER_SEC)

static int
fail (GError *error)
{
  g_printerr ("steady-reminders-plan: %s\n", error->message);
  return EXIT_FAILURE;
}

static int
usage (void)
{
  g_printerr ("usage: steady-reminders-plan plan [--discreet] [--review-weeks=WEEKS]\n"
              "       steady-reminders-plan snooze|dismiss OCCURRENCE-ID OFFSET-MINUTES\n");
  return EXIT_FAILURE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(SteadyDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  guint64 weeks = 0;

  /* Whatever the user's umask, nothing Steady writes may be readable by others. */
  umask (077);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    return usage ();

  /* Only the app creates the database; until then there is nothing to remind of. */
  path = steady_database_get_default_path ();
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (g_strcmp0 (argv[1], "plan") != 0)
        return EXIT_SUCCESS;
      g_print ("([], %" G_GINT64_FORMAT ")\n", (gint64)STEADY_REMINDER_NEVER);
      return EXIT_SUCCESS;
    }
  db = steady_database_open (path, &error);
  if (db == NULL)
    return fail (error);

  if (g_strcmp0 (argv[1], "plan") == 0)
    {
      g_autoptr(GTimeZone) zone = steady_time_zone_new_local ();
      g_autoptr(GVariant) plan = NULL;
      g_autofree char *text = NULL;
      gboolean discreet = FALSE;
      guint review_weeks = 0;

      for (int i = 2; i < argc; i++)
        {
          if (g_strcmp0 (argv[i], "--discreet") == 0)
            discreet = TRUE;
          else if (g_str_has_prefix (argv[i], "--review-weeks=") &&
                   g_ascii_string_to_unsigned (argv[i] + strlen ("--review-weeks="), 10, 0, 52,
                                               &weeks, NULL))
            review_weeks = (guint)weeks;
          else
            return usage ();
        }
      plan = steady_reminder_job_plan (db, g_get_real_time (), zone, discreet, review_weeks,
                                       &error);
      if (plan == NULL)
        return fail (error);
      text = g_variant_print (plan, TRUE);
      g_print ("%s\n", text);
      return EXIT_SUCCESS;
    }

  if ((g_strcmp0 (argv[1], "snooze") == 0 || g_strcmp0 (argv[1], "dismiss") == 0) && argc == 4)
    {
      int offset = (int)g_ascii_strtoll (argv[3], NULL, 10);
      gint64 snooze_us = g_strcmp0 (argv[2], STEADY_REVIEW_REMINDER_ID) == 0
        ? STEADY_REVIEW_REMINDER_LATER_US : SNOOZE_US;
      gboolean ok = argv[1][0] == 's'
        ? steady_reminder_job_snooze (db, argv[2], offset, g_get_real_time () + snooze_us, &error)
        : steady_reminder_job_dismiss (db, argv[2], offset, &error);

      return ok ? EXIT_SUCCESS : fail (error);
    }

  return usage ();
}
