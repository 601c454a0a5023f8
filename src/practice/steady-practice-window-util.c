/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-practice-window-util.c: what the breathing and mindfulness windows share: keeping
 * the session awake, the completion notification and durations in words. */

#define G_LOG_DOMAIN "steady-practice-window-util"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-practice-window-util.h"

#define NOTIFICATION_ID "practice-finished"

/* Keeps the session from going idle (screen blank, suspend) exactly while the timer is
 * preparing or running; a pause or the end lets it rest again. */
void
steady_practice_sync_inhibit (GtkWindow           *window,
                              SteadyPracticeTimer *timer,
                              const char          *reason,
                              guint               *cookie)
{
  GtkApplication *application;
  SteadyPracticeState state;
  gboolean want;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (cookie != NULL);

  application = gtk_window_get_application (window);
  state = timer != NULL ? steady_practice_timer_get_state (timer) : STEADY_PRACTICE_STATE_IDLE;
  want = state == STEADY_PRACTICE_STATE_PREPARING || state == STEADY_PRACTICE_STATE_RUNNING;

  if (application == NULL)
    return;
  if (want && *cookie == 0)
    *cookie = gtk_application_inhibit (application, window, GTK_APPLICATION_INHIBIT_IDLE, reason);
  else if (!want && *cookie != 0)
    {
      gtk_application_uninhibit (application, *cookie);
      *cookie = 0;
    }
}

/* Tells someone who looked away that the practice is over. Only the kind of practice and its
 * length go into it: nothing the person wrote ever leaves the window. */
void
steady_practice_notify_finished (GtkWindow  *window,
                                 const char *title,
                                 const char *body)
{
  GtkApplication *application;
  g_autoptr(GNotification) notification = NULL;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (title != NULL);

  application = gtk_window_get_application (window);
  if (application == NULL || gtk_window_is_active (window))
    return;

  notification = g_notification_new (title);
  if (body != NULL)
    g_notification_set_body (notification, body);
  g_application_send_notification (G_APPLICATION (application), NOTIFICATION_ID, notification);
}

/* "4:05" or "1:02:03", whole seconds rounded up, as a countdown should. */
char *
steady_practice_format_clock (gint64 us)
{
  gint64 s = (MAX (us, 0) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

  if (s >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int)(s / 3600), (int)(s / 60 % 60), (int)(s % 60));
  return g_strdup_printf ("%d:%02d", (int)(s / 60), (int)(s % 60));
}

/* "3 minutes", or "less than a minute", rounded to the nearest minute. */
char *
steady_practice_format_minutes (gint64 us)
{
  gint64 minutes = (MAX (us, 0) + 30 * G_USEC_PER_SEC) / (60 * G_USEC_PER_SEC);

  if (minutes < 1)
    return g_strdup (_("less than a minute"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", minutes),
                          (int)minutes);
}

/* Sets a mnemonic label (like "S_top") on @button. GTK 4.8 names such a button for assistive
 * technology by its raw label and its shown label together ("S_top Stop"); without the raw
 * one, a screen reader says just "Stop". */
void
steady_practice_set_button_label (GtkButton  *button,
                                  const char *label)
{
  g_autofree char *copy = g_strdup (label);  /* it may be the button's own label */

  g_return_if_fail (GTK_IS_BUTTON (button));
  g_return_if_fail (label != NULL);

  gtk_button_set_use_underline (button, TRUE);
  gtk_button_set_label (button, copy);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* F11 in both practice windows. */
void
steady_practice_toggle_fullscreen_cb (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

/* Escape leaves full screen, and otherwise does nothing. */
gboolean
steady_practice_leave_fullscreen_cb (GtkWidget *widget,
                                     GVariant  *args,
                                     gpointer   user_data)
{
  if (!gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    return FALSE;
  gtk_window_unfullscreen (GTK_WINDOW (widget));
  return TRUE;
}
