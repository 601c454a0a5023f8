/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-occurrence-store.h: what the user records about one session — attendance with a short
 * note, and the "bring this up" list. */

#pragma once

#include <gio/gio.h>

#include "steady-bring-up-item.h"
#include "steady-database.h"

G_BEGIN_DECLS

typedef enum
{
  STEADY_ATTENDANCE_UNKNOWN,   /* nothing recorded yet */
  STEADY_ATTENDANCE_ATTENDED,
  STEADY_ATTENDANCE_MISSED,
  STEADY_ATTENDANCE_CANCELLED,
} SteadyAttendance;

#define STEADY_ATTENDANCE_MAX_NOTE_CHARS 2000
#define STEADY_BRING_UP_MAX_TEXT_CHARS   2000

#define STEADY_TYPE_OCCURRENCE_STORE (steady_occurrence_store_get_type ())
G_DECLARE_FINAL_TYPE (SteadyOccurrenceStore, steady_occurrence_store, STEADY, OCCURRENCE_STORE,
                      GObject)

SteadyOccurrenceStore *steady_occurrence_store_new (SteadyDatabase *database);

gboolean steady_occurrence_store_set_attendance (SteadyOccurrenceStore  *self,
                                                 const char             *series_uuid,
                                                 const char             *original_start,
                                                 SteadyAttendance        attendance,
                                                 const char             *note,
                                                 GError                **error);
gboolean steady_occurrence_store_get_attendance (SteadyOccurrenceStore  *self,
                                                 const char             *series_uuid,
                                                 const char             *original_start,
                                                 SteadyAttendance       *out_attendance,
                                                 char                  **out_note,
                                                 GError                **error);

SteadyBringUpItem *steady_occurrence_store_add_bring_up (SteadyOccurrenceStore  *self,
                                                         const char             *series_uuid,
                                                         const char             *original_start,
                                                         const char             *text,
                                                         const char             *linked_uuid,
                                                         GError                **error);
GPtrArray *steady_occurrence_store_list_bring_up (SteadyOccurrenceStore  *self,
                                                  const char             *series_uuid,
                                                  const char             *original_start,
                                                  GError                **error);
gboolean steady_occurrence_store_set_bring_up_done (SteadyOccurrenceStore  *self,
                                                    const char             *item_uuid,
                                                    gboolean                done,
                                                    GError                **error);
gboolean steady_occurrence_store_remove_bring_up (SteadyOccurrenceStore  *self,
                                                  const char             *item_uuid,
                                                  GError                **error);

G_END_DECLS
