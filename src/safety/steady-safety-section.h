/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-safety-section.h: the seven sections of a safety plan, in the order they are used
 * on a hard night, with their names, a gentle prompt and examples in our own words. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  STEADY_SAFETY_SECTION_WARNING_SIGNS,
  STEADY_SAFETY_SECTION_COPING,
  STEADY_SAFETY_SECTION_DISTRACTIONS,
  STEADY_SAFETY_SECTION_PEOPLE,
  STEADY_SAFETY_SECTION_PROFESSIONALS,
  STEADY_SAFETY_SECTION_ENVIRONMENT,
  STEADY_SAFETY_SECTION_REASONS,
  STEADY_SAFETY_N_SECTIONS
} SteadySafetySection;

const char *steady_safety_section_to_key      (SteadySafetySection  section);
gboolean    steady_safety_section_from_key    (const char          *key,
                                               SteadySafetySection *out_section);
const char *steady_safety_section_get_title   (SteadySafetySection  section);
const char *steady_safety_section_get_prompt  (SteadySafetySection  section);
const char *steady_safety_section_get_example (SteadySafetySection  section,
                                               guint                index);
const char *steady_safety_section_get_item_name (SteadySafetySection section);
gboolean    steady_safety_section_has_phone   (SteadySafetySection  section);

G_END_DECLS
