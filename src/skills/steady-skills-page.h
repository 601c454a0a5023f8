/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skills-page.h: the Skills page: every exercise in one click, the diary card,
 * breathing and mindfulness, and the library, "what helps me" and history behind it. */

#pragma once

#include <adwaita.h>

#include "steady-database.h"
#include "steady-practice-section-view.h"

G_BEGIN_DECLS

#define STEADY_TYPE_SKILLS_PAGE (steady_skills_page_get_type ())
G_DECLARE_FINAL_TYPE (SteadySkillsPage, steady_skills_page, STEADY, SKILLS_PAGE, GtkWidget)

GtkWidget             *steady_skills_page_new                  (SteadyDatabase   *database);
void                   steady_skills_page_reload               (SteadySkillsPage *self);
SteadyPracticeSectionView *steady_skills_page_get_practice_section (SteadySkillsPage *self);
void                   steady_skills_page_show_subpage         (SteadySkillsPage *self,
                                                                const char       *name);
const char            *steady_skills_page_get_subpage          (SteadySkillsPage *self);

G_END_DECLS
