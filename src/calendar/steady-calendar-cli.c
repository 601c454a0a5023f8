/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-calendar-cli.c: "steady --import FILE.ics" and "steady --export ics --output FILE".
 * They work on the database directly, without a window or a display: SQLite lets the running
 * app and the reminder service share the file. Afterwards a running Steady is asked (its
 * exported "calendar-changed" action) to show the change, and the reminder service to plan
 * again; when neither runs, there is nothing to tell. */

#define G_LOG_DOMAIN "steady-calendar-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-calendar-cli.h"
#include "steady-database.h"
#include "steady-ics-export.h"
#include "steady-reminders-client.h"
#include "steady-report-common.h"

/* How long to wait for the running app or the reminder service to answer. */
#define CALL_TIMEOUT_MS 5000

char *
steady_calendar_describe_import (const SteadyIcsImport *import)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (import != NULL, NULL);

  if (import->n_added == 0 && import->n_updated == 0)
    g_string_append (text, _("No sessions were imported."));
  else
    {
      /* Translators: %u is a number of single sessions or repeating series of sessions. */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "Imported %u new session or series.",
                                                 "Imported %u new sessions or series.",
                                                 import->n_added),
                              import->n_added);
      if (import->n_updated > 0)
        {
          g_string_append (text, " ");
          /* Translators: sessions or series already in Steady that the import changed. */
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                     "Updated %u that was already there.",
                                                     "Updated %u that were already there.",
                                                     import->n_updated),
                                  import->n_updated);
        }
    }
  if (import->messages != NULL && import->messages->len > 0)
    {
      g_string_append (text, "\n\n");
      g_string_append (text, _("Skipped or changed:"));
      for (guint i = 0; i < import->messages->len; i++)
        g_string_append_printf (text, "\n• %s",
                                (const char *)g_ptr_array_index (import->messages, i));
    }
  return g_string_free (text, FALSE);
}

/* The schedule says where and when someone is in treatment: only its owner may read the
 * file, even when it replaces one that others could read. It is written as every export is
 * (steady-report-common): whole or not at all. */
gboolean
steady_calendar_export_private (SteadySessionStore  *store,
                                GFile               *file,
                                GError             **error)
{
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (STEADY_IS_SESSION_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Choose a folder on this computer."));
      return FALSE;
    }
  text = steady_ics_export_to_string (store, error);
  if (text == NULL)
    return FALSE;
  return steady_report_write_file (path, text, strlen (text), NULL, error);
}

/**
 * steady_calendar_cli_tell_running:
 * @action: the application action that makes a running Steady read its data again
 * @replan_reminders: whether the reminder service should plan again too
 *
 * After the command line changed the database under them, tells a running Steady and the
 * reminder service; when neither runs, there is nothing to tell.
 */
void
steady_calendar_cli_tell_running (const char *action,
                                  gboolean    replan_reminders)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) owned = NULL;
  g_autoptr(GVariant) replan = NULL;
  g_autofree char *app_path = NULL;
  gboolean has_owner = FALSE;

  if (bus == NULL)
    return;

  owned = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", APPLICATION_ID),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                       CALL_TIMEOUT_MS, NULL, NULL);
  if (owned != NULL)
    g_variant_get (owned, "(b)", &has_owner);
  if (has_owner)
    {
      g_autoptr(GVariant) reply = NULL;
      GVariant *no_parameter = g_variant_new_array (G_VARIANT_TYPE_VARIANT, NULL, 0);
      GVariant *no_platform_data = g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0);

      /* GApplication exports its actions at the path made from its id. */
      app_path = g_strconcat ("/", APPLICATION_ID, NULL);
      g_strdelimit (app_path, ".", '/');
      reply = g_dbus_connection_call_sync (bus, APPLICATION_ID, app_path, "org.gtk.Actions",
                                           "Activate",
                                           g_variant_new ("(s@av@a{sv})", action,
                                                          no_parameter, no_platform_data),
                                           NULL, G_DBUS_CALL_FLAGS_NONE, CALL_TIMEOUT_MS, NULL,
                                           NULL);
    }

  if (!replan_reminders)
    return;
  replan = g_dbus_connection_call_sync (bus, STEADY_REMINDERS_BUS_NAME,
                                        STEADY_REMINDERS_OBJECT_PATH, STEADY_REMINDERS_INTERFACE,
                                        "Replan", NULL, NULL, G_DBUS_CALL_FLAGS_NONE,
                                        CALL_TIMEOUT_MS, NULL, NULL);
}

/* Returns the exit status: 0 when everything asked for was done. */
int
steady_calendar_cli_run (const char *import_path,
                         const char *export_format,
                         const char *output_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autoptr(SteadySessionStore) store = NULL;
  g_autofree char *db_path = NULL;

  if (export_format != NULL && g_ascii_strcasecmp (export_format, "ics") != 0)
    {
      /* Translators: %s is the format the user asked for after --export. */
      g_printerr (_("Steady cannot export “%s”; the only format is “ics”.\n"), export_format);
      return 2;
    }
  if (export_format != NULL && output_path == NULL)
    {
      g_printerr ("%s\n", _("Say where to write the schedule with --output FILE."));
      return 2;
    }
  if (export_format == NULL && output_path != NULL)
    {
      g_printerr ("%s\n", _("--output goes with --export ics."));
      return 2;
    }

  db_path = steady_database_get_default_path ();
  database = steady_database_open (db_path, &error);
  if (database == NULL)
    {
      /* Translators: %s says why Steady's data could not be opened. */
      g_printerr (_("Steady could not open your data: %s\n"), error->message);
      return 1;
    }
  store = steady_session_store_new (database);

  if (import_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (import_path);
      g_autoptr(SteadyIcsImport) import = steady_ics_import_file (store, file, &error);
      g_autofree char *summary = NULL;

      if (import == NULL)
        {
          /* Translators: %s says why the file could not be imported. */
          g_printerr (_("The schedule could not be imported: %s\n"), error->message);
          return 1;
        }
      summary = steady_calendar_describe_import (import);
      g_print ("%s\n", summary);
      steady_calendar_cli_tell_running (STEADY_CALENDAR_CHANGED_ACTION, TRUE);
    }

  if (export_format != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output_path);
      g_autofree char *shown = g_file_get_parse_name (file);

      if (!steady_calendar_export_private (store, file, &error))
        {
          /* Translators: %s says why the file could not be written. */
          g_printerr (_("The schedule could not be exported: %s\n"), error->message);
          return 1;
        }
      /* Translators: %s is the file the schedule was written to. */
      g_print (_("Exported the schedule to %s\n"), shown);
    }
  return 0;
}
