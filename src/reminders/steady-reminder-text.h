/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-reminder-text.h: the words of a reminder notification — title, time and place, or
 * only "Session soon" when the user asked for discreet notifications — and of the reminder to
 * review the safety plan. */

#pragma once

#include <glib.h>

#include "steady-reminder-planner.h"

G_BEGIN_DECLS

void steady_reminder_text_format (const SteadyDueReminder  *due,
                                  gint64                    now_us,
                                  GTimeZone                *local_zone,
                                  gboolean                  discreet,
                                  char                    **out_summary,
                                  char                    **out_body);
void steady_reminder_text_format_review (gboolean   discreet,
                                         char     **out_summary,
                                         char     **out_body);

G_END_DECLS
