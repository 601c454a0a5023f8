/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-practice-section.h: the practice part of the Skills page: start breathing or a
 * mindfulness sit in one click, and the history with minutes per week. */

#pragma once

#include <adwaita.h>

#include "steady-practice-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_PRACTICE_SECTION (steady_practice_section_get_type ())
G_DECLARE_FINAL_TYPE (SteadyPracticeSection, steady_practice_section, STEADY, PRACTICE_SECTION,
                      GtkWidget)

GtkWidget *steady_practice_section_new               (void);
void       steady_practice_section_set_store         (SteadyPracticeSection *self,
                                                      SteadyPracticeStore   *store);
void       steady_practice_section_reload            (SteadyPracticeSection *self);
GtkWindow *steady_practice_section_start_breathing   (SteadyPracticeSection *self);
GtkWindow *steady_practice_section_start_mindfulness (SteadyPracticeSection *self);

G_END_DECLS
