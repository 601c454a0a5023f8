/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-reminders.c: the steady-reminders executable — started at login (XDG autostart) or
 * by D-Bus activation, it owns the reminders bus name and runs the reminder daemon. No GTK,
 * and none of the calendar libraries: see steady-reminder-daemon.c. */

#define G_LOG_DOMAIN "steady-reminders"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <libnotify/notify.h>
#include <locale.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "steady-reminder-daemon.h"
#include "steady-reminders-client.h"

typedef struct
{
  GMainLoop            *loop;
  SteadyReminderDaemon *daemon;
  int                   exit_status;
} Context;

static GSettings *
open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "background-reminders"))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static void
on_bus_acquired (GDBusConnection *connection,
                 const char      *name,
                 gpointer         user_data)
{
  Context *context = user_data;
  g_autoptr(GError) error = NULL;

  if (!steady_reminder_daemon_export (context->daemon, connection, &error))
    {
      g_printerr ("steady-reminders: %s\n", error->message);
      context->exit_status = EXIT_FAILURE;
      g_main_loop_quit (context->loop);
    }
}

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  Context *context = user_data;

  steady_reminder_daemon_replan (context->daemon);
}

static void
on_name_lost (GDBusConnection *connection,
              const char      *name,
              gpointer         user_data)
{
  Context *context = user_data;

  /* Another steady-reminders runs in this session, or there is no session bus. */
  if (connection == NULL)
    {
      g_printerr ("steady-reminders: %s\n", _("No session bus; reminders cannot be shown."));
      context->exit_status = EXIT_FAILURE;
    }
  g_main_loop_quit (context->loop);
}

static void
on_settings_changed (GSettings  *settings,
                     const char *key,
                     gpointer    user_data)
{
  Context *context = user_data;

  if (g_strcmp0 (key, "background-reminders") == 0 &&
      !g_settings_get_boolean (settings, "background-reminders"))
    g_main_loop_quit (context->loop);
}

static gboolean
on_terminate (gpointer user_data)
{
  Context *context = user_data;

  g_main_loop_quit (context->loop);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  gboolean version = FALSE;
  Context context = { 0 };
  guint owner_id;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and quit"), NULL },
    { NULL }
  };

  /* Whatever the user's umask, nothing Steady writes may be readable by others. */
  umask (077);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  option_context = g_option_context_new (NULL);
  g_option_context_set_summary (option_context,
                                _("Shows reminders of your Steady sessions, even when Steady "
                                  "is closed."));
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (option_context, &argc, &argv, &error))
    {
      g_printerr ("steady-reminders: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (version)
    {
      g_print ("steady-reminders %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  settings = open_settings ();
  if (settings != NULL && !g_settings_get_boolean (settings, "background-reminders"))
    return EXIT_SUCCESS;

  /* Translators: the application name notifications are shown under. */
  notify_init (_("Steady"));

  context.loop = g_main_loop_new (NULL, FALSE);
  context.daemon = steady_reminder_daemon_new (settings, &error);
  if (context.daemon == NULL)
    {
      g_printerr ("steady-reminders: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (settings != NULL)
    g_signal_connect (settings, "changed", G_CALLBACK (on_settings_changed), &context);
  g_unix_signal_add (SIGTERM, on_terminate, &context);
  g_unix_signal_add (SIGINT, on_terminate, &context);

  owner_id = g_bus_own_name (G_BUS_TYPE_SESSION, STEADY_REMINDERS_BUS_NAME,
                             G_BUS_NAME_OWNER_FLAGS_NONE, on_bus_acquired, on_name_acquired,
                             on_name_lost, &context, NULL);
  g_main_loop_run (context.loop);

  g_bus_unown_name (owner_id);
  g_clear_object (&context.daemon);
  g_main_loop_unref (context.loop);
  notify_uninit ();
  return context.exit_status;
}
