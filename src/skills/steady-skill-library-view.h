/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-library-view.h: the skills library: the four DBT-informed modules and their
 * skills, searchable as you type, each with "I used this" for today's diary card. */

#pragma once

#include <adwaita.h>

#include "steady-database.h"

G_BEGIN_DECLS

#define STEADY_TYPE_SKILL_LIBRARY_VIEW (steady_skill_library_view_get_type ())
G_DECLARE_FINAL_TYPE (SteadySkillLibraryView, steady_skill_library_view, STEADY,
                      SKILL_LIBRARY_VIEW, GtkWidget)

GtkWidget *steady_skill_library_view_new          (SteadyDatabase         *database);
void       steady_skill_library_view_focus_search (SteadySkillLibraryView *self);
guint      steady_skill_library_view_count_shown  (SteadySkillLibraryView *self);

G_END_DECLS
