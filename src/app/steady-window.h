/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-window.h: the main window: header bar, the four pages, "Get help now". */

#pragma once

#include <adwaita.h>

#include "steady-application.h"

G_BEGIN_DECLS

#define STEADY_TYPE_WINDOW (steady_window_get_type ())
G_DECLARE_FINAL_TYPE (SteadyWindow, steady_window, STEADY, WINDOW, AdwApplicationWindow)

SteadyWindow *steady_window_new         (SteadyApplication *application);
void          steady_window_show_error  (SteadyWindow      *self,
                                         const char        *heading,
                                         const char        *message);
void          steady_window_add_toast   (SteadyWindow      *self,
                                         const char        *title);
void          steady_window_set_page    (SteadyWindow      *self,
                                         const char        *page_name);
const char   *steady_window_get_page    (SteadyWindow      *self);
GtkWindow    *steady_window_show_help   (SteadyWindow      *self);
GtkWindow    *steady_window_show_safety_plan (SteadyWindow *self);
void          steady_window_open_session (SteadyWindow     *self,
                                          const char       *occurrence_id);
void          steady_window_reload_calendar (SteadyWindow  *self);
void          steady_window_reload_pages    (SteadyWindow  *self);

G_END_DECLS
