/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-practice-section-view.h: the practice part of the Skills page: start breathing or a
 * mindfulness sit in one click, and the history with minutes per week. */

#pragma once

#include <adwaita.h>

#include "steady-practice-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_PRACTICE_SECTION_VIEW (steady_practice_section_view_get_type ())
G_DECLARE_FINAL_TYPE (SteadyPracticeSectionView, steady_practice_section_view,
                      STEADY, PRACTICE_SECTION_VIEW, GtkWidget)

GtkWidget *steady_practice_section_view_new               (void);
void       steady_practice_section_view_set_store         (SteadyPracticeSectionView *self,
                                                      SteadyPracticeStore   *store);
void       steady_practice_section_view_reload            (SteadyPracticeSectionView *self);
GtkWindow *steady_practice_section_view_start_breathing   (SteadyPracticeSectionView *self);
GtkWindow *steady_practice_section_view_start_mindfulness (SteadyPracticeSectionView *self);

G_END_DECLS
