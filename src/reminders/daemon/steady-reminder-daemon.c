/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-reminder-daemon.c: the steady-reminders daemon.
 *
 * Each plan reads the sessions of the next weeks and what was already sent, asks the pure
 * planner what is due, claims each due reminder in the database before showing it (so that
 * it is shown once, even by two daemons), and arms the timer for the next one. Between plans
 * it sleeps: nothing polls. It logs counts and times, never what a session is called. */

#define G_LOG_DOMAIN "steady-reminder-daemon"

#include "config.h"

#include <glib/gi18n.h>
#include <malloc.h>
#include <sys/stat.h>

#include "steady-database.h"
#include "steady-reminder-daemon.h"
#include "steady-reminder-ledger.h"
#include "steady-reminder-notifier.h"
#include "steady-reminder-planner.h"
#include "steady-reminder-scheduler.h"
#include "steady-reminder-text.h"
#include "steady-reminders-client.h"
#include "steady-session-store.h"
#include "steady-wall-time.h"

/* Sessions are read this far ahead; reminders can be set up to a week before a session, so
 * a plan is good until a week before the end of what it read. */
#define LOOKAHEAD_US ((gint64)30 * 24 * 3600 * G_USEC_PER_SEC)
#define MAX_OFFSET_US ((gint64)STEADY_REMINDER_MAX_OFFSET_MINUTES * 60 * G_USEC_PER_SEC)
/* No session lasts longer than a day, so one that started a day ago may still be running. */
#define LOOKBEHIND_US ((gint64)24 * 3600 * G_USEC_PER_SEC)
#define SNOOZE_US ((gint64)10 * 60 * G_USEC_PER_SEC)

struct _SteadyReminderDaemon
{
  GObject                  parent_instance;

  /* owned */
  GSettings               *settings;  /* or NULL: the schema is not installed */
  SteadyReminderScheduler *scheduler;
  SteadyReminderNotifier  *notifier;
  SteadyDatabase          *database;  /* NULL until the app has created the file */
  SteadySessionStore      *store;
  SteadyReminderLedger    *ledger;
  GDBusConnection         *connection;
  guint                    registration_id;
  dev_t                    database_dev;
  ino_t                    database_ino;
};

G_DEFINE_FINAL_TYPE (SteadyReminderDaemon, steady_reminder_daemon, G_TYPE_OBJECT)

static const char introspection_xml[] =
  "<node>"
  "  <interface name='" STEADY_REMINDERS_INTERFACE "'>"
  "    <method name='Replan'/>"
  "  </interface>"
  "</node>";

static void
close_database (SteadyReminderDaemon *self)
{
  g_clear_object (&self->ledger);
  g_clear_object (&self->store);
  g_clear_object (&self->database);
}

static void
steady_reminder_daemon_dispose (GObject *object)
{
  SteadyReminderDaemon *self = (SteadyReminderDaemon *)object;

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
  close_database (self);
  g_clear_object (&self->notifier);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steady_reminder_daemon_parent_class)->dispose (object);
}

static void
steady_reminder_daemon_class_init (SteadyReminderDaemonClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = steady_reminder_daemon_dispose;
}

static void
steady_reminder_daemon_init (SteadyReminderDaemon *self)
{
}

/* The app may restore a backup in place of the database; a connection to the file that was
 * there before would go on reading the old one. */
static gboolean
database_was_replaced (SteadyReminderDaemon *self,
                       const char           *path)
{
  struct stat st;

  if (stat (path, &st) != 0)
    return TRUE;
  return st.st_dev != self->database_dev || st.st_ino != self->database_ino;
}

static gboolean
ensure_database (SteadyReminderDaemon *self)
{
  g_autofree char *path = steady_database_get_default_path ();
  g_autoptr(GError) error = NULL;
  struct stat st;

  if (self->database != NULL && !database_was_replaced (self, path))
    return TRUE;
  close_database (self);

  /* Only the app creates the database; until then there is nothing to remind of. */
  if (stat (path, &st) != 0)
    return FALSE;

  self->database = steady_database_open (path, &error);
  if (self->database == NULL)
    {
      g_message ("Reminders are paused: %s", error->message);
      return FALSE;
    }
  /* The daemon reads little; a small page cache keeps it small. */
  steady_database_exec (self->database, "PRAGMA cache_size=-256", NULL);
  self->database_dev = st.st_dev;
  self->database_ino = st.st_ino;
  self->store = steady_session_store_new (self->database);
  self->ledger = steady_reminder_ledger_new (self->database);
  return TRUE;
}

static gboolean
is_discreet (SteadyReminderDaemon *self)
{
  return self->settings != NULL && g_settings_get_boolean (self->settings,
                                                            "discreet-notifications");
}

static void
send_due (SteadyReminderDaemon *self,
          SteadyReminderPlan   *plan,
          GTimeZone            *zone,
          gint64                now)
{
  for (guint i = 0; i < plan->due->len; i++)
    {
      SteadyDueReminder *due = g_ptr_array_index (plan->due, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *summary = NULL;
      g_autofree char *body = NULL;
      gboolean claimed = FALSE;

      /* Recorded before it is shown: a crash in between loses one reminder rather than
       * showing it twice. */
      if (!steady_reminder_ledger_claim (self->ledger, due, now, &claimed, &error))
        {
          g_message ("Could not record a reminder: %s", error->message);
          continue;
        }
      if (!claimed)
        continue;

      steady_reminder_text_format (due, now, zone, is_discreet (self), &summary, &body);
      if (!steady_reminder_notifier_show (self->notifier, due, summary, body, &error))
        g_message ("Could not show a reminder: %s", error->message);
      else
        g_debug ("Sent a reminder %d minutes before a session%s", due->offset_minutes,
                 due->late ? " (late)" : "");
    }
}

static char *
since_key (gint64 instant_us)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  SteadyWallTime wall;

  /* Keys are wall times in each series' own zone; three days back covers every zone. */
  steady_wall_time_from_instant (instant_us - (gint64)3 * 24 * 3600 * G_USEC_PER_SEC, utc,
                                 &wall);
  return steady_wall_time_format (&wall);
}

/* Reads the calendar, sends what is due and sleeps until the next reminder. */
void
steady_reminder_daemon_replan (SteadyReminderDaemon *self)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(SteadyReminderPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *since = NULL;
  gint64 now, wakeup;

  g_return_if_fail (STEADY_IS_REMINDER_DAEMON (self));

  if (!ensure_database (self))
    {
      /* Woken again by the app's Replan, or by the clock. */
      steady_reminder_scheduler_set_wakeup (self->scheduler, STEADY_REMINDER_NEVER);
      return;
    }

  /* The zone is read afresh every time: the user may have travelled. */
  zone = steady_time_zone_new_local ();
  steady_session_store_set_local_zone (self->store, zone);

  now = g_get_real_time ();
  since = since_key (now - LOOKBEHIND_US);
  occurrences = steady_session_store_expand (self->store, now - LOOKBEHIND_US, now + LOOKAHEAD_US,
                                             &problems, &error);
  records = occurrences == NULL ? NULL
                                : steady_reminder_ledger_load (self->ledger, since, &error);
  if (records == NULL)
    {
      g_message ("Could not read the calendar: %s", error->message);
      steady_reminder_scheduler_set_wakeup (self->scheduler, STEADY_REMINDER_NEVER);
      return;
    }
  if (problems->len > 0)
    g_debug ("%u series could not be expanded", problems->len);

  plan = steady_reminder_planner_plan (occurrences, records, now);
  send_due (self, plan, zone, now);

  wakeup = MIN (plan->next_wakeup_us, now + LOOKAHEAD_US - MAX_OFFSET_US);
  steady_reminder_scheduler_set_wakeup (self->scheduler, wakeup);
  g_debug ("Planned: %u due now, next wake-up in %" G_GINT64_FORMAT " s", plan->due->len,
           (wakeup - now) / G_USEC_PER_SEC);

  /* Give back what the expansion used, so the daemon sleeps small. */
  g_clear_pointer (&plan, steady_reminder_plan_free);
  g_clear_pointer (&occurrences, g_ptr_array_unref);
  g_clear_pointer (&records, g_ptr_array_unref);
  malloc_trim (0);
}

static void
on_wakeup (SteadyReminderScheduler *scheduler,
           SteadyReminderDaemon    *self)
{
  steady_reminder_daemon_replan (self);
}

static void
open_session (SteadyReminderDaemon *self,
              const char           *series_uuid,
              const char           *original_start_local)
{
  g_autofree char *id = g_strconcat (series_uuid, "/", original_start_local, NULL);
  GVariantBuilder parameters;

  if (self->connection == NULL)
    return;

  /* org.freedesktop.Application.ActivateAction starts Steady if it is not running. */
  g_variant_builder_init (&parameters, G_VARIANT_TYPE ("av"));
  g_variant_builder_add (&parameters, "v", g_variant_new_string (id));
  g_dbus_connection_call (self->connection, APPLICATION_ID, "/io/github/steadyapp/Steady",
                          "org.freedesktop.Application", "ActivateAction",
                          g_variant_new ("(sava{sv})", STEADY_OPEN_SESSION_ACTION, &parameters,
                                         NULL),
                          NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL, NULL);
}

static void
on_responded (SteadyReminderNotifier *notifier,
              int                     response,
              const char             *series_uuid,
              const char             *original_start_local,
              int                     offset_minutes,
              SteadyReminderDaemon   *self)
{
  g_autoptr(GError) error = NULL;

  switch (response)
    {
    case STEADY_REMINDER_RESPONSE_OPEN:
      open_session (self, series_uuid, original_start_local);
      break;
    case STEADY_REMINDER_RESPONSE_SNOOZE:
      if (self->ledger == NULL ||
          !steady_reminder_ledger_snooze (self->ledger, series_uuid, original_start_local,
                                          offset_minutes, g_get_real_time () + SNOOZE_US,
                                          &error))
        g_message ("Could not snooze a reminder: %s", error ? error->message : "no database");
      steady_reminder_daemon_replan (self);
      break;
    case STEADY_REMINDER_RESPONSE_DISMISS:
      if (self->ledger != NULL &&
          !steady_reminder_ledger_dismiss (self->ledger, series_uuid, original_start_local,
                                           offset_minutes, &error))
        g_message ("Could not record a dismissed reminder: %s", error->message);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
handle_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  SteadyReminderDaemon *self = user_data;

  if (g_strcmp0 (method_name, "Replan") == 0)
    {
      steady_reminder_daemon_replan (self);
      g_dbus_method_invocation_return_value (invocation, NULL);
      return;
    }
  g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                         "No such method: %s", method_name);
}

static const GDBusInterfaceVTable interface_vtable = { handle_method_call, NULL, NULL, { 0 } };

gboolean
steady_reminder_daemon_export (SteadyReminderDaemon  *self,
                               GDBusConnection       *connection,
                               GError               **error)
{
  g_autoptr(GDBusNodeInfo) info = NULL;

  g_return_val_if_fail (STEADY_IS_REMINDER_DAEMON (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);

  info = g_dbus_node_info_new_for_xml (introspection_xml, error);
  if (info == NULL)
    return FALSE;
  self->registration_id = g_dbus_connection_register_object (connection,
                                                             STEADY_REMINDERS_OBJECT_PATH,
                                                             info->interfaces[0],
                                                             &interface_vtable, self, NULL,
                                                             error);
  if (self->registration_id == 0)
    return FALSE;
  g_set_object (&self->connection, connection);
  return TRUE;
}

/* @settings: Steady's settings, or NULL when its schema is not installed (defaults apply). */
SteadyReminderDaemon *
steady_reminder_daemon_new (GSettings  *settings,
                            GError    **error)
{
  g_autoptr(SteadyReminderDaemon) self = g_object_new (STEADY_TYPE_REMINDER_DAEMON, NULL);

  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  self->scheduler = steady_reminder_scheduler_new (NULL, error);
  if (self->scheduler == NULL)
    return NULL;
  self->notifier = steady_reminder_notifier_new ();

  g_signal_connect_object (self->scheduler, "wakeup", G_CALLBACK (on_wakeup), self, 0);
  g_signal_connect_object (self->scheduler, "clock-changed", G_CALLBACK (on_wakeup), self, 0);
  g_signal_connect_object (self->scheduler, "time-zone-changed", G_CALLBACK (on_wakeup), self,
                           0);
  g_signal_connect_object (self->notifier, "responded", G_CALLBACK (on_responded), self, 0);
  return g_steal_pointer (&self);
}
