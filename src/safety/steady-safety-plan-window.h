/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-safety-plan-window.h: "My Safety Plan": the seven sections edited in place and
 * saved as they are typed, the crisis numbers on top, printing, and reviews. */

#pragma once

#include <adwaita.h>

#include "steady-safety-plan-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_SAFETY_PLAN_WINDOW (steady_safety_plan_window_get_type ())
G_DECLARE_FINAL_TYPE (SteadySafetyPlanWindow, steady_safety_plan_window,
                      STEADY, SAFETY_PLAN_WINDOW, AdwWindow)

GtkWidget *steady_safety_plan_window_new         (GtkWindow              *parent,
                                                  SteadySafetyPlanStore  *store,
                                                  GSettings              *settings);
GtkWidget *steady_safety_plan_window_get_section (SteadySafetyPlanWindow *self,
                                                  SteadySafetySection     section);
gboolean   steady_safety_plan_window_flush       (SteadySafetyPlanWindow *self);
void       steady_safety_plan_window_reload      (SteadySafetyPlanWindow *self);

G_END_DECLS
