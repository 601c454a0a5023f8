/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-ics-export.h: the session calendar as an iCalendar (RFC 5545) file — series with
 * their rules, exceptions, changed occurrences and time zones. */

#pragma once

#include <gio/gio.h>

#include "steady-session-store.h"

G_BEGIN_DECLS

char     *steady_ics_export_to_string (SteadySessionStore  *store,
                                       GError             **error);
gboolean  steady_ics_export_to_file   (SteadySessionStore  *store,
                                       GFile               *file,
                                       GError             **error);

G_END_DECLS
