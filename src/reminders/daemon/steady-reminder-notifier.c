/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-reminder-notifier.c: reminders as desktop notifications through libnotify.
 *
 * libnotify only runs action callbacks while this process runs its main loop, and only for
 * notifications it still holds; so each shown notification is kept until it is closed. */

#define G_LOG_DOMAIN "steady-reminder-notifier"

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "steady-reminder-notifier.h"
#include "steady-review-reminder.h"

/* The reason the Notifications spec gives for "dismissed by the user". */
#define CLOSED_BY_USER 2

struct _SteadyReminderNotifier
{
  GObject     parent_instance;

  /* owned */
  GHashTable *shown;  /* NotifyNotification → Shown */
};

typedef struct
{
  char     *occurrence_id;
  int       offset_minutes;
  gboolean  responded;
} Shown;

G_DEFINE_FINAL_TYPE (SteadyReminderNotifier, steady_reminder_notifier, G_TYPE_OBJECT)

enum {
  RESPONDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
shown_free (Shown *shown)
{
  g_free (shown->occurrence_id);
  g_free (shown);
}

static void
steady_reminder_notifier_dispose (GObject *object)
{
  SteadyReminderNotifier *self = (SteadyReminderNotifier *)object;

  g_clear_pointer (&self->shown, g_hash_table_unref);

  G_OBJECT_CLASS (steady_reminder_notifier_parent_class)->dispose (object);
}

static void
steady_reminder_notifier_class_init (SteadyReminderNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = steady_reminder_notifier_dispose;

  /**
   * SteadyReminderNotifier::responded:
   * @response: a #SteadyReminderResponse
   * @occurrence_id: the session's occurrence id
   * @offset_minutes: which of its reminders it was
   *
   * The user opened, snoozed or dismissed a reminder.
   */
  signals[RESPONDED] = g_signal_new ("responded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT,
                                     G_TYPE_STRING, G_TYPE_INT);
}

static void
steady_reminder_notifier_init (SteadyReminderNotifier *self)
{
  self->shown = g_hash_table_new_full (NULL, NULL, g_object_unref, (GDestroyNotify)shown_free);
}

SteadyReminderNotifier *
steady_reminder_notifier_new (void)
{
  return g_object_new (STEADY_TYPE_REMINDER_NOTIFIER, NULL);
}

static void
respond (SteadyReminderNotifier *self,
         NotifyNotification     *notification,
         SteadyReminderResponse  response)
{
  Shown *shown = g_hash_table_lookup (self->shown, notification);

  if (shown == NULL || shown->responded)
    return;
  shown->responded = TRUE;
  g_signal_emit (self, signals[RESPONDED], 0, response, shown->occurrence_id,
                 shown->offset_minutes);
}

static void
on_open (NotifyNotification *notification,
         char               *action,
         gpointer            user_data)
{
  respond (STEADY_REMINDER_NOTIFIER (user_data), notification, STEADY_REMINDER_RESPONSE_OPEN);
}

static void
on_snooze (NotifyNotification *notification,
           char               *action,
           gpointer            user_data)
{
  respond (STEADY_REMINDER_NOTIFIER (user_data), notification, STEADY_REMINDER_RESPONSE_SNOOZE);
}

static void
on_closed (NotifyNotification *notification,
           gpointer            user_data)
{
  SteadyReminderNotifier *self = user_data;

  if (notify_notification_get_closed_reason (notification) == CLOSED_BY_USER)
    respond (self, notification, STEADY_REMINDER_RESPONSE_DISMISS);
  g_hash_table_remove (self->shown, notification);
}

/* @body is notification body markup, or NULL or "" for none. */
gboolean
steady_reminder_notifier_show (SteadyReminderNotifier  *self,
                               const char              *occurrence_id,
                               int                      offset_minutes,
                               const char              *summary,
                               const char              *body,
                               gboolean                 late,
                               GError                 **error)
{
  g_autoptr(GObject) owned = NULL;
  NotifyNotification *notification;
  Shown *shown;

  g_return_val_if_fail (STEADY_IS_REMINDER_NOTIFIER (self), FALSE);
  g_return_val_if_fail (occurrence_id != NULL, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  notification = notify_notification_new (summary, body != NULL && *body != '\0' ? body : NULL,
                                          APPLICATION_ID);
  /* libnotify 0.8 has no autoptr support for its own type. */
  owned = G_OBJECT (notification);
  notify_notification_set_urgency (notification, NOTIFY_URGENCY_NORMAL);
  notify_notification_set_category (notification, "x-steady.reminder");
  /* So that the desktop files it under Steady and applies Steady's notification settings. */
  notify_notification_set_hint_string (notification, "desktop-entry", APPLICATION_ID);
  if (late)
    notify_notification_set_hint (notification, "x-steady-late", g_variant_new_boolean (TRUE));

  notify_notification_add_action (notification, "default", _("Open"), on_open, self, NULL);
  /* Translators: a button on a reminder that opens the session in Steady. */
  notify_notification_add_action (notification, "open", _("Open"), on_open, self, NULL);
  if (g_strcmp0 (occurrence_id, STEADY_REVIEW_REMINDER_ID) == 0)
    /* Translators: a button on the reminder to review the safety plan that shows it again
     * tomorrow. */
    notify_notification_add_action (notification, "snooze", _("Later"), on_snooze, self, NULL);
  else
    /* Translators: a button on a reminder that shows it again in ten minutes. */
    notify_notification_add_action (notification, "snooze", _("Snooze"), on_snooze, self, NULL);
  g_signal_connect (notification, "closed", G_CALLBACK (on_closed), self);

  if (!notify_notification_show (notification, error))
    return FALSE;

  shown = g_new0 (Shown, 1);
  shown->occurrence_id = g_strdup (occurrence_id);
  shown->offset_minutes = offset_minutes;
  g_hash_table_insert (self->shown, g_steal_pointer (&owned), shown);
  return TRUE;
}
