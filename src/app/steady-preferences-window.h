/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-preferences-window.h: the crisis-help region and the colour scheme. */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STEADY_TYPE_PREFERENCES_WINDOW (steady_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SteadyPreferencesWindow, steady_preferences_window,
                      STEADY, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *steady_preferences_window_new (GtkWindow *parent,
                                          GSettings *settings);

G_END_DECLS
