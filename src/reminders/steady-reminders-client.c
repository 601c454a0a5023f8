/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-reminders-client.c: the app's side of the steady-reminders daemon. */

#define G_LOG_DOMAIN "steady-reminders-client"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "steady-reminders-client.h"

/* Asks the daemon to read the calendar again, after the app changed it. D-Bus activation
 * starts the daemon if it is not running; if it cannot run (background reminders are off),
 * the call fails and the app has nothing more to do. */
void
steady_reminders_client_replan_async (GDBusConnection     *connection,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (G_IS_DBUS_CONNECTION (connection));

  g_dbus_connection_call (connection, STEADY_REMINDERS_BUS_NAME, STEADY_REMINDERS_OBJECT_PATH,
                          STEADY_REMINDERS_INTERFACE, "Replan", NULL, NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, cancellable, callback, user_data);
}

gboolean
steady_reminders_client_replan_finish (GDBusConnection  *connection,
                                       GAsyncResult     *result,
                                       GError          **error)
{
  g_autoptr(GVariant) reply = NULL;

  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);

  reply = g_dbus_connection_call_finish (connection, result, error);
  return reply != NULL;
}

/* Turns the daemon's start at login on or off for this user, the XDG way: a copy of the
 * system's autostart entry in $XDG_CONFIG_HOME/autostart with Hidden=true hides it; removing
 * that copy brings the system's entry back. */
gboolean
steady_reminders_client_set_autostart (gboolean   enabled,
                                       GError   **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "autostart", NULL);
  g_autofree char *path = g_build_filename (dir, STEADY_REMINDERS_DESKTOP_ID, NULL);
  static const char hidden_entry[] =
    "[Desktop Entry]\n"
    "Type=Application\n"
    "Name=Steady Reminders\n"
    "Exec=steady-reminders\n"
    "Hidden=true\n"
    "X-GNOME-Autostart-enabled=false\n";

  if (enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not turn on reminders at login: %s"), g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not turn off reminders at login: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  return g_file_set_contents_full (path, hidden_entry, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
