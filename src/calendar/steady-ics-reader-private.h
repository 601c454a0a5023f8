/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-ics-reader-private.h: the reading half of the ICS importer, used by
 * steady-ics-import.c. */

#pragma once

#include "steady-ics-import.h"

G_BEGIN_DECLS

gboolean  steady_ics_reader_read  (GBytes           *data,
                                   GTimeZone        *local_zone,
                                   SteadyIcsImport  *result,
                                   GError          **error);
char     *steady_ics_reader_quote (const char       *title);
void      steady_ics_reader_set_too_big_error (GError **error);

G_END_DECLS
