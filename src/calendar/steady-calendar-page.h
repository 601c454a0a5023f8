/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-calendar-page.h: the Calendar page — agenda, month grid, adding sessions, and
 * importing and exporting the schedule. */

#pragma once

#include <adwaita.h>

#include "steady-database.h"
#include "steady-ics-import.h"
#include "steady-session-editor.h"

G_BEGIN_DECLS

#define STEADY_TYPE_CALENDAR_PAGE (steady_calendar_page_get_type ())
G_DECLARE_FINAL_TYPE (SteadyCalendarPage, steady_calendar_page, STEADY, CALENDAR_PAGE, GtkBox)

GtkWidget           *steady_calendar_page_new             (void);
void                 steady_calendar_page_set_database    (SteadyCalendarPage *self,
                                                           SteadyDatabase     *database);
void                 steady_calendar_page_reload          (SteadyCalendarPage *self);
void                 steady_calendar_page_set_view        (SteadyCalendarPage *self,
                                                           const char         *view);
const char          *steady_calendar_page_get_view        (SteadyCalendarPage *self);
SteadySessionEditor *steady_calendar_page_add_session     (SteadyCalendarPage *self);
SteadySessionEditor *steady_calendar_page_open_occurrence (SteadyCalendarPage *self,
                                                           const char         *occurrence_id,
                                                           GError            **error);
SteadyIcsImport     *steady_calendar_page_import_file     (SteadyCalendarPage *self,
                                                           GFile              *file,
                                                           GError            **error);
gboolean             steady_calendar_page_export_file     (SteadyCalendarPage *self,
                                                           GFile              *file,
                                                           GError            **error);
GtkListBox          *steady_calendar_page_get_upcoming_list (SteadyCalendarPage *self);
GtkListBox          *steady_calendar_page_get_past_list   (SteadyCalendarPage *self);
GtkWidget           *steady_calendar_page_get_month_view  (SteadyCalendarPage *self);

void                 steady_calendar_request_replan       (void);

G_END_DECLS
