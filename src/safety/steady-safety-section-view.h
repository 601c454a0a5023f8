/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-safety-section-view.h: one section of the safety plan: its heading, what belongs
 * there, its items in order, and a button to add one. */

#pragma once

#include <adwaita.h>

#include "steady-safety-plan-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_SAFETY_SECTION_VIEW (steady_safety_section_view_get_type ())
G_DECLARE_FINAL_TYPE (SteadySafetySectionView, steady_safety_section_view,
                      STEADY, SAFETY_SECTION_VIEW, GtkBox)

GtkWidget           *steady_safety_section_view_new         (SteadySafetyPlanStore   *store,
                                                             SteadySafetySection      section);
SteadySafetySection  steady_safety_section_view_get_section (SteadySafetySectionView *self);
gboolean             steady_safety_section_view_reload      (SteadySafetySectionView *self,
                                                             GError                 **error);
gboolean             steady_safety_section_view_flush       (SteadySafetySectionView *self);
GtkWidget           *steady_safety_section_view_add_item    (SteadySafetySectionView *self);

G_END_DECLS
