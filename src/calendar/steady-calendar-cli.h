/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-calendar-cli.h: "steady --import FILE.ics" and "steady --export ics --output FILE",
 * done without a window, and words for what an import did. */

#pragma once

#include <gio/gio.h>

#include "steady-ics-import.h"

G_BEGIN_DECLS

/* The action of the running instance that reloads its calendar after a command-line import. */
#define STEADY_CALENDAR_CHANGED_ACTION "calendar-changed"

int   steady_calendar_cli_run        (const char            *import_path,
                                      const char            *export_format,
                                      const char            *output_path);
char *steady_calendar_describe_import (const SteadyIcsImport *import);
void  steady_calendar_cli_tell_running (const char            *action,
                                       gboolean               replan_reminders);
gboolean steady_calendar_export_private (SteadySessionStore  *store,
                                         GFile               *file,
                                         GError             **error);

G_END_DECLS
