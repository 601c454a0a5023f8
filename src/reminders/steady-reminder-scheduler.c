/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-reminder-scheduler.c: sleeps until the next reminder is due, without polling.
 *
 * The timer is absolute on CLOCK_REALTIME, so it fires on time after a suspend, and it has
 * TFD_TIMER_CANCEL_ON_SET, so the kernel wakes us with ECANCELED when the clock is set (NTP
 * stepping it, the user changing it); then the plan is made again. Time-zone changes do not
 * move CLOCK_REALTIME: they are seen by watching /etc/localtime (and the file TZ names). */

#define G_LOG_DOMAIN "steady-reminder-scheduler"

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "steady-reminder-planner.h"
#include "steady-reminder-scheduler.h"

/* Armed this far ahead when nothing is due, so that clock changes still wake us. */
#define FAR_AHEAD_SECONDS ((gint64)100 * 365 * 24 * 3600)

struct _SteadyReminderScheduler
{
  GObject    parent_instance;

  int        timer_fd;
  guint      timer_source;
  guint      clock_changed_idle;
  gint64     wakeup_us;

  /* owned */
  GPtrArray *zone_monitors;  /* GFileMonitor */
};

G_DEFINE_FINAL_TYPE (SteadyReminderScheduler, steady_reminder_scheduler, G_TYPE_OBJECT)

enum {
  WAKEUP,
  CLOCK_CHANGED,
  TIME_ZONE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
steady_reminder_scheduler_finalize (GObject *object)
{
  SteadyReminderScheduler *self = (SteadyReminderScheduler *)object;

  g_clear_handle_id (&self->timer_source, g_source_remove);
  g_clear_handle_id (&self->clock_changed_idle, g_source_remove);
  if (self->timer_fd >= 0)
    close (self->timer_fd);
  g_clear_pointer (&self->zone_monitors, g_ptr_array_unref);

  G_OBJECT_CLASS (steady_reminder_scheduler_parent_class)->finalize (object);
}

static void
steady_reminder_scheduler_class_init (SteadyReminderSchedulerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steady_reminder_scheduler_finalize;

  /**
   * SteadyReminderScheduler::wakeup:
   *
   * The time set with steady_reminder_scheduler_set_wakeup() has come.
   */
  signals[WAKEUP] = g_signal_new ("wakeup", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * SteadyReminderScheduler::clock-changed:
   *
   * The system clock was set; the timer is disarmed until the next set_wakeup().
   */
  signals[CLOCK_CHANGED] = g_signal_new ("clock-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
  /**
   * SteadyReminderScheduler::time-zone-changed:
   *
   * A file that defines the user's time zone changed.
   */
  signals[TIME_ZONE_CHANGED] = g_signal_new ("time-zone-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);
}

static void
steady_reminder_scheduler_init (SteadyReminderScheduler *self)
{
  self->timer_fd = -1;
  self->wakeup_us = STEADY_REMINDER_NEVER;
  self->zone_monitors = g_ptr_array_new_with_free_func (g_object_unref);
}

static gboolean
on_timer_readable (int           fd,
                   GIOCondition  condition,
                   gpointer      user_data)
{
  SteadyReminderScheduler *self = user_data;
  guint64 expirations = 0;
  ssize_t n = read (fd, &expirations, sizeof expirations);

  if (n < 0 && errno == ECANCELED)
    {
      self->wakeup_us = STEADY_REMINDER_NEVER;
      g_signal_emit (self, signals[CLOCK_CHANGED], 0);
    }
  else if (n == sizeof expirations)
    {
      self->wakeup_us = STEADY_REMINDER_NEVER;
      g_signal_emit (self, signals[WAKEUP], 0);
    }
  /* EAGAIN: a spurious wake-up of a non-blocking fd; nothing to do. */
  return G_SOURCE_CONTINUE;
}

static gboolean
emit_clock_changed_cb (gpointer user_data)
{
  SteadyReminderScheduler *self = user_data;

  self->clock_changed_idle = 0;
  self->wakeup_us = STEADY_REMINDER_NEVER;
  g_signal_emit (self, signals[CLOCK_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
on_zone_file_changed (GFileMonitor      *monitor,
                      GFile             *file,
                      GFile             *other_file,
                      GFileMonitorEvent  event,
                      gpointer           user_data)
{
  SteadyReminderScheduler *self = user_data;

  if (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT || event == G_FILE_MONITOR_EVENT_CREATED ||
      event == G_FILE_MONITOR_EVENT_DELETED || event == G_FILE_MONITOR_EVENT_RENAMED ||
      event == G_FILE_MONITOR_EVENT_MOVED_IN || event == G_FILE_MONITOR_EVENT_CHANGED)
    g_signal_emit (self, signals[TIME_ZONE_CHANGED], 0);
}

static void
watch_zone_file (SteadyReminderScheduler *self,
                 const char              *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GFileMonitor *monitor;

  /* Without a monitor a zone change is only noticed at the next re-plan; not fatal. */
  monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (monitor == NULL)
    return;
  g_signal_connect_object (monitor, "changed", G_CALLBACK (on_zone_file_changed), self, 0);
  g_ptr_array_add (self->zone_monitors, monitor);
}

/* @zone_files: the files to watch for time-zone changes, or NULL for the system's:
 * /etc/localtime, and the zoneinfo file TZ names when it is set. */
SteadyReminderScheduler *
steady_reminder_scheduler_new (const char * const  *zone_files,
                               GError             **error)
{
  g_autoptr(SteadyReminderScheduler) self = g_object_new (STEADY_TYPE_REMINDER_SCHEDULER, NULL);

  self->timer_fd = timerfd_create (CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
  if (self->timer_fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create a timer for reminders: %s"), g_strerror (saved_errno));
      return NULL;
    }
  self->timer_source = g_unix_fd_add (self->timer_fd, G_IO_IN, on_timer_readable, self);

  if (zone_files != NULL)
    {
      for (guint i = 0; zone_files[i] != NULL; i++)
        watch_zone_file (self, zone_files[i]);
    }
  else
    {
      const char *tz = g_getenv ("TZ");

      watch_zone_file (self, "/etc/localtime");
      if (tz != NULL && *tz != '\0')
        {
          const char *name = tz[0] == ':' ? tz + 1 : tz;
          g_autofree char *path = g_path_is_absolute (name)
                                  ? g_strdup (name)
                                  : g_build_filename ("/usr/share/zoneinfo", name, NULL);

          watch_zone_file (self, path);
        }
    }

  /* Armed from the start, so a clock change is noticed even before the first plan. */
  steady_reminder_scheduler_set_wakeup (self, STEADY_REMINDER_NEVER);
  return g_steal_pointer (&self);
}

/* Wakes at @instant_us (UTC microseconds; STEADY_REMINDER_NEVER for no reminder). A time in
 * the past wakes at once. */
void
steady_reminder_scheduler_set_wakeup (SteadyReminderScheduler *self,
                                      gint64                   instant_us)
{
  struct itimerspec spec = { 0 };
  gint64 seconds;

  g_return_if_fail (STEADY_IS_REMINDER_SCHEDULER (self));

  if (instant_us == STEADY_REMINDER_NEVER)
    seconds = g_get_real_time () / G_USEC_PER_SEC + FAR_AHEAD_SECONDS;
  else
    seconds = MAX (instant_us / G_USEC_PER_SEC, 0);

  spec.it_value.tv_sec = seconds;
  spec.it_value.tv_nsec = instant_us == STEADY_REMINDER_NEVER
                          ? 0 : (instant_us % G_USEC_PER_SEC) * 1000;
  /* 0 would disarm the timer; the epoch is as good as "now" and keeps it armed. */
  if (spec.it_value.tv_sec == 0 && spec.it_value.tv_nsec == 0)
    spec.it_value.tv_nsec = 1;

  if (timerfd_settime (self->timer_fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec,
                       NULL) != 0)
    {
      /* ECANCELED: the clock was set since the last read. Say so from the main loop, not
       * from here, since the handler re-plans and so calls this function again. */
      if (errno == ECANCELED)
        {
          if (self->clock_changed_idle == 0)
            self->clock_changed_idle = g_idle_add (emit_clock_changed_cb, self);
        }
      else
        g_critical ("Could not arm the reminder timer: %s", g_strerror (errno));
      return;
    }
  self->wakeup_us = instant_us;
}

gint64
steady_reminder_scheduler_get_wakeup (SteadyReminderScheduler *self)
{
  g_return_val_if_fail (STEADY_IS_REMINDER_SCHEDULER (self), STEADY_REMINDER_NEVER);

  return self->wakeup_us;
}
