/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-agenda-row.h: one session in the calendar's agenda list — time, title, kind, place or
 * video link, and attendance at a glance. */

#pragma once

#include <gtk/gtk.h>

#include "steady-occurrence.h"
#include "steady-occurrence-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_AGENDA_ROW (steady_agenda_row_get_type ())
G_DECLARE_FINAL_TYPE (SteadyAgendaRow, steady_agenda_row, STEADY, AGENDA_ROW, GtkListBoxRow)

GtkWidget        *steady_agenda_row_new            (SteadyOccurrence *occurrence,
                                                    SteadyAttendance  attendance);
SteadyOccurrence *steady_agenda_row_get_occurrence (SteadyAgendaRow  *self);
char             *steady_agenda_row_dup_day_key    (SteadyAgendaRow  *self);
char             *steady_agenda_format_time_range  (const SteadyOccurrence *occurrence);
void              steady_calendar_ensure_style     (void);

G_END_DECLS
