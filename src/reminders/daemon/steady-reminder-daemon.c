/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-reminder-daemon.c: the resident part of the reminder service.
 *
 * It sits in memory all day, so it holds only what waiting needs: the timer, the D-Bus name,
 * and the notifications on screen. Reading the calendar (SQLite, libical, and the ICU that
 * libical pulls in) happens in the steady-reminders-plan helper, run for each plan: it claims
 * what is due and prints what to show and when to wake (see steady-reminder-job.c). Nothing
 * polls; the daemon logs counts and times, never what a session is called. */

#define G_LOG_DOMAIN "steady-reminder-daemon"

#include "config.h"


#include "steady-reminder-daemon.h"
#include "steady-reminder-job.h"
#include "steady-reminder-notifier.h"
#include "steady-reminder-planner.h"
#include "steady-reminder-scheduler.h"
#include "steady-reminders-client.h"
#include "steady-review-reminder.h"
#include "steady-safety-review.h"

#define HELPER_NAME "steady-reminders-plan"

struct _SteadyReminderDaemon
{
  GObject                  parent_instance;

  /* owned */
  GSettings               *settings;  /* or NULL: the schema is not installed */
  SteadyReminderScheduler *scheduler;
  SteadyReminderNotifier  *notifier;
  GDBusConnection         *connection;
  GCancellable            *cancellable;
  char                    *helper_path;
  GPtrArray               *answer_after_run;   /* GDBusMethodInvocation: Replan calls */
  GPtrArray               *answer_after_next;  /* those that came while a plan was running */

  guint                    registration_id;
  gboolean                 running;
  gboolean                 run_again;
};

G_DEFINE_FINAL_TYPE (SteadyReminderDaemon, steady_reminder_daemon, G_TYPE_OBJECT)

static const char introspection_xml[] =
  "<node>"
  "  <interface name='" STEADY_REMINDERS_INTERFACE "'>"
  "    <method name='Replan'/>"
  "  </interface>"
  "</node>";

static void
answer_all (GPtrArray *invocations)
{
  for (guint i = 0; i < invocations->len; i++)
    g_dbus_method_invocation_return_value (g_ptr_array_index (invocations, i), NULL);
  g_ptr_array_set_size (invocations, 0);
}

static void
steady_reminder_daemon_dispose (GObject *object)
{
  SteadyReminderDaemon *self = (SteadyReminderDaemon *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  if (self->answer_after_run != NULL)
    {
      answer_all (self->answer_after_run);
      answer_all (self->answer_after_next);
    }
  g_clear_object (&self->connection);
  g_clear_object (&self->notifier);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steady_reminder_daemon_parent_class)->dispose (object);
}

static void
steady_reminder_daemon_finalize (GObject *object)
{
  SteadyReminderDaemon *self = (SteadyReminderDaemon *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->helper_path, g_free);
  g_clear_pointer (&self->answer_after_run, g_ptr_array_unref);
  g_clear_pointer (&self->answer_after_next, g_ptr_array_unref);

  G_OBJECT_CLASS (steady_reminder_daemon_parent_class)->finalize (object);
}

static void
steady_reminder_daemon_class_init (SteadyReminderDaemonClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = steady_reminder_daemon_dispose;
  G_OBJECT_CLASS (klass)->finalize = steady_reminder_daemon_finalize;
}

static void
steady_reminder_daemon_init (SteadyReminderDaemon *self)
{
  self->cancellable = g_cancellable_new ();
  self->answer_after_run = g_ptr_array_new_with_free_func (g_object_unref);
  self->answer_after_next = g_ptr_array_new_with_free_func (g_object_unref);
}

/* The helper lives next to the daemon in a build folder, and in libexecdir when installed. */
static char *
find_helper (void)
{
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);

  if (self_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self_path);
      g_autofree char *sibling = g_build_filename (dir, HELPER_NAME, NULL);

      if (g_file_test (sibling, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&sibling);
    }
  return g_build_filename (STEADY_LIBEXECDIR, HELPER_NAME, NULL);
}

static gboolean
is_discreet (SteadyReminderDaemon *self)
{
  return self->settings != NULL && g_settings_get_boolean (self->settings,
                                                            "discreet-notifications");
}

/* 0 (no review reminder) when the installed schema predates the setting. */
static guint
review_weeks (SteadyReminderDaemon *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (self->settings == NULL)
    return 0;
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  if (!g_settings_schema_has_key (schema, STEADY_SAFETY_REVIEW_SETTINGS_KEY))
    return 0;
  return (guint)CLAMP (g_settings_get_int (self->settings, STEADY_SAFETY_REVIEW_SETTINGS_KEY),
                       0, 52);
}

static void
show_plan (SteadyReminderDaemon *self,
           GVariant             *plan)
{
  g_autoptr(GVariantIter) iter = NULL;
  const char *id, *summary, *body;
  gint64 wakeup;
  gboolean late;
  int offset;
  guint n_shown = 0;

  g_variant_get (plan, "(a(sissb)x)", &iter, &wakeup);
  while (g_variant_iter_next (iter, "(&si&s&sb)", &id, &offset, &summary, &body, &late))
    {
      g_autoptr(GError) error = NULL;

      if (steady_reminder_notifier_show (self->notifier, id, offset, summary, body, late,
                                         &error))
        n_shown++;
      else
        g_message ("Could not show a reminder: %s", error->message);
    }
  steady_reminder_scheduler_set_wakeup (self->scheduler, wakeup);
  g_debug ("Showed %u reminders; next wake-up in %" G_GINT64_FORMAT " s", n_shown,
           (wakeup - g_get_real_time ()) / G_USEC_PER_SEC);
}

static void start_plan (SteadyReminderDaemon *self);

static void
on_plan_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SteadyReminderDaemon) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) plan = NULL;
  g_autofree char *output = NULL;

  if (!g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &output, NULL,
                                             &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_message ("Could not plan reminders: %s", error->message);
    }
  else if (!g_subprocess_get_successful (G_SUBPROCESS (source)) ||
           (plan = g_variant_parse (G_VARIANT_TYPE (STEADY_REMINDER_JOB_PLAN_TYPE), output, NULL,
                                    NULL, &error)) == NULL)
    g_message ("Could not plan reminders%s%s", error ? ": " : "", error ? error->message : "");

  self->running = FALSE;
  if (plan != NULL)
    show_plan (self, plan);
  else
    /* Tried again at the next Replan, clock change or time-zone change. */
    steady_reminder_scheduler_set_wakeup (self->scheduler, STEADY_REMINDER_NEVER);

  answer_all (self->answer_after_run);
  if (self->run_again)
    {
      self->run_again = FALSE;
      g_ptr_array_extend_and_steal (self->answer_after_run,
                                    g_steal_pointer (&self->answer_after_next));
      self->answer_after_next = g_ptr_array_new_with_free_func (g_object_unref);
      start_plan (self);
    }
}

static GSubprocess *
spawn_helper (SteadyReminderDaemon  *self,
              const char * const    *args,
              GError               **error)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, self->helper_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);
  return g_subprocess_newv ((const char * const *)argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                            error);
}

static void
start_plan (SteadyReminderDaemon *self)
{
  g_autofree char *weeks = g_strdup_printf ("--review-weeks=%u", review_weeks (self));
  const char *args[] = { "plan", weeks, is_discreet (self) ? "--discreet" : NULL, NULL };
  g_autoptr(GSubprocess) helper = NULL;
  g_autoptr(GError) error = NULL;

  helper = spawn_helper (self, args, &error);
  if (helper == NULL)
    {
      g_message ("Could not plan reminders: %s", error->message);
      answer_all (self->answer_after_run);
      return;
    }
  self->running = TRUE;
  g_subprocess_communicate_utf8_async (helper, NULL, self->cancellable, on_plan_done,
                                       g_object_ref (self));
}

/* Reads the calendar again (in the helper), shows what is due and sleeps until the next
 * reminder. A request while a plan runs makes one more plan after it. */
void
steady_reminder_daemon_replan (SteadyReminderDaemon *self)
{
  g_return_if_fail (STEADY_IS_REMINDER_DAEMON (self));

  if (self->running)
    {
      self->run_again = TRUE;
      return;
    }
  start_plan (self);
}

static void
on_wakeup (SteadyReminderScheduler *scheduler,
           SteadyReminderDaemon    *self)
{
  steady_reminder_daemon_replan (self);
}

static void
open_session (SteadyReminderDaemon *self,
              const char           *occurrence_id)
{
  gboolean review = g_strcmp0 (occurrence_id, STEADY_REVIEW_REMINDER_ID) == 0;
  GVariantBuilder parameters;

  if (self->connection == NULL)
    return;

  /* org.freedesktop.Application.ActivateAction starts Steady if it is not running. */
  g_variant_builder_init (&parameters, G_VARIANT_TYPE ("av"));
  if (!review)
    g_variant_builder_add (&parameters, "v", g_variant_new_string (occurrence_id));
  g_dbus_connection_call (self->connection, APPLICATION_ID, "/io/github/steadyapp/Steady",
                          "org.freedesktop.Application", "ActivateAction",
                          g_variant_new ("(sava{sv})",
                                         review ? STEADY_OPEN_SAFETY_PLAN_ACTION
                                                : STEADY_OPEN_SESSION_ACTION,
                                         &parameters, NULL),
                          NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL, NULL);
}

static void
on_recorded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SteadyReminderDaemon) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_message ("Could not record what was done with a reminder: %s", error->message);
    }
  /* A snooze changes the next wake-up. */
  steady_reminder_daemon_replan (self);
}

static void
record_response (SteadyReminderDaemon *self,
                 const char           *command,
                 const char           *occurrence_id,
                 int                   offset_minutes)
{
  g_autofree char *offset = g_strdup_printf ("%d", offset_minutes);
  const char *args[] = { command, occurrence_id, offset, NULL };
  g_autoptr(GSubprocess) helper = NULL;
  g_autoptr(GError) error = NULL;

  helper = spawn_helper (self, args, &error);
  if (helper == NULL)
    {
      g_message ("Could not record what was done with a reminder: %s", error->message);
      return;
    }
  g_subprocess_wait_check_async (helper, self->cancellable, on_recorded, g_object_ref (self));
}

static void
on_responded (SteadyReminderNotifier *notifier,
              int                     response,
              const char             *occurrence_id,
              int                     offset_minutes,
              SteadyReminderDaemon   *self)
{
  switch (response)
    {
    case STEADY_REMINDER_RESPONSE_OPEN:
      open_session (self, occurrence_id);
      break;
    case STEADY_REMINDER_RESPONSE_SNOOZE:
      record_response (self, "snooze", occurrence_id, offset_minutes);
      break;
    case STEADY_REMINDER_RESPONSE_DISMISS:
      record_response (self, "dismiss", occurrence_id, offset_minutes);
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

  if (g_strcmp0 (method_name, "Replan") != 0)
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR,
                                             G_DBUS_ERROR_UNKNOWN_METHOD,
                                             "No such method: %s", method_name);
      return;
    }

  /* Answered once a plan that started after the call has finished, so that the caller
   * knows its change was seen. */
  g_ptr_array_add (self->running ? self->answer_after_next : self->answer_after_run,
                   g_object_ref (invocation));
  steady_reminder_daemon_replan (self);
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
  self->helper_path = find_helper ();
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
