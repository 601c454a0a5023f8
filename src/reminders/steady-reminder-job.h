/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-reminder-job.h: one planning pass of the reminder service, run in a short-lived
 * helper process — read the calendar, claim what is due, say what to show and when to wake —
 * and the snooze and dismiss that follow a notification. */

#pragma once

#include <glib.h>

#include "steady-database.h"

G_BEGIN_DECLS

/* The plan the helper prints and the daemon reads, as a GVariant:
 * (notifications, next wake-up in UTC microseconds or G_MAXINT64), where each notification is
 * (occurrence id, reminder offset in minutes, summary, body or "", late); the reminder to
 * review the safety plan has the id STEADY_REVIEW_REMINDER_ID. */
#define STEADY_REMINDER_JOB_PLAN_TYPE "(a(sissb)x)"

GVariant *steady_reminder_job_plan    (SteadyDatabase  *database,
                                       gint64           now_us,
                                       GTimeZone       *local_zone,
                                       gboolean         discreet,
                                       guint            review_weeks,
                                       GError         **error);
gboolean  steady_reminder_job_snooze  (SteadyDatabase  *database,
                                       const char      *occurrence_id,
                                       int              offset_minutes,
                                       gint64           until_us,
                                       GError         **error);
gboolean  steady_reminder_job_dismiss (SteadyDatabase  *database,
                                       const char      *occurrence_id,
                                       int              offset_minutes,
                                       GError         **error);

G_END_DECLS
