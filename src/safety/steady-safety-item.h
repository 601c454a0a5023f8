/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-safety-item.h: one item of a safety plan as it is stored: a line in the user's own
 * words, with a phone number for people and professionals. */

#pragma once

#include <glib-object.h>

#include "steady-safety-section.h"

G_BEGIN_DECLS

#define STEADY_TYPE_SAFETY_ITEM (steady_safety_item_get_type ())
G_DECLARE_FINAL_TYPE (SteadySafetyItem, steady_safety_item, STEADY, SAFETY_ITEM, GObject)

SteadySafetyItem    *steady_safety_item_new          (const char          *uuid,
                                                      SteadySafetySection  section,
                                                      guint                position,
                                                      const char          *text,
                                                      const char          *phone,
                                                      GDateTime           *created,
                                                      GDateTime           *updated);

const char          *steady_safety_item_get_uuid     (SteadySafetyItem    *self);
SteadySafetySection  steady_safety_item_get_section  (SteadySafetyItem    *self);
guint                steady_safety_item_get_position (SteadySafetyItem    *self);
const char          *steady_safety_item_get_text     (SteadySafetyItem    *self);
const char          *steady_safety_item_get_phone    (SteadySafetyItem    *self);
GDateTime           *steady_safety_item_get_created  (SteadySafetyItem    *self);
GDateTime           *steady_safety_item_get_updated  (SteadySafetyItem    *self);

G_END_DECLS
