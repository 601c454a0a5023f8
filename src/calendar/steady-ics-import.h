/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-ics-import.h: reading an iCalendar file into session series, treating it as hostile:
 * whatever can be read is imported, and every part skipped or changed is said in words. */

#pragma once

#include <gio/gio.h>

#include "steady-session-store.h"

G_BEGIN_DECLS

#define STEADY_ICS_ERROR (steady_ics_error_quark ())

typedef enum
{
  STEADY_ICS_ERROR_TOO_BIG,         /* larger than STEADY_ICS_MAX_BYTES */
  STEADY_ICS_ERROR_NOT_A_CALENDAR,  /* no VCALENDAR in it at all */
} SteadyIcsError;

/* A schedule of sessions is a few kilobytes; ten megabytes is far more than any needs. */
#define STEADY_ICS_MAX_BYTES  (10 * 1024 * 1024)
#define STEADY_ICS_MAX_EVENTS 5000

#define STEADY_TYPE_ICS_IMPORT (steady_ics_import_get_type ())

typedef struct
{
  GPtrArray *series;     /* (element-type SteadySessionSeries) read from the file */
  GPtrArray *overrides;  /* (element-type GPtrArray<SteadySessionOverride>), one per series */
  GPtrArray *messages;   /* (element-type utf8) what was skipped or changed, and why */
  guint      n_added;    /* after steady_ics_import_save() */
  guint      n_updated;
} SteadyIcsImport;

GQuark           steady_ics_error_quark   (void);
GType            steady_ics_import_get_type (void) G_GNUC_CONST;

SteadyIcsImport *steady_ics_import_parse  (GBytes              *data,
                                           GTimeZone           *local_zone,
                                           GError             **error);
gboolean         steady_ics_import_save   (SteadyIcsImport     *self,
                                           SteadySessionStore  *store,
                                           GError             **error);
SteadyIcsImport *steady_ics_import_file   (SteadySessionStore  *store,
                                           GFile               *file,
                                           GError             **error);
SteadyIcsImport *steady_ics_import_copy   (const SteadyIcsImport *self);
void             steady_ics_import_free   (SteadyIcsImport     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyIcsImport, steady_ics_import_free)

G_END_DECLS
