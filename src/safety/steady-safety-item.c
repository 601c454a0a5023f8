/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-safety-item.c: one item of a safety plan as it is stored: a line in the user's own
 * words, with a phone number for people and professionals. Items are values: the store makes
 * a new one for every change, so a deleted item can be put back exactly as it was. */

#define G_LOG_DOMAIN "steady-safety-item"

#include "config.h"

#include "steady-safety-item.h"

struct _SteadySafetyItem
{
  GObject              parent_instance;

  /* owned */
  char                *uuid;
  char                *text;
  char                *phone;
  GDateTime           *created;
  GDateTime           *updated;

  SteadySafetySection  section;
  guint                position;
};

G_DEFINE_FINAL_TYPE (SteadySafetyItem, steady_safety_item, G_TYPE_OBJECT)

static void
steady_safety_item_finalize (GObject *object)
{
  SteadySafetyItem *self = STEADY_SAFETY_ITEM (object);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);

  G_OBJECT_CLASS (steady_safety_item_parent_class)->finalize (object);
}

static void
steady_safety_item_class_init (SteadySafetyItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steady_safety_item_finalize;
}

static void
steady_safety_item_init (SteadySafetyItem *self)
{
}

SteadySafetyItem *
steady_safety_item_new (const char          *uuid,
                        SteadySafetySection  section,
                        guint                position,
                        const char          *text,
                        const char          *phone,
                        GDateTime           *created,
                        GDateTime           *updated)
{
  SteadySafetyItem *self;

  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (section < STEADY_SAFETY_N_SECTIONS, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (created != NULL, NULL);
  g_return_val_if_fail (updated != NULL, NULL);

  self = g_object_new (STEADY_TYPE_SAFETY_ITEM, NULL);
  self->uuid = g_strdup (uuid);
  self->section = section;
  self->position = position;
  self->text = g_strdup (text);
  self->phone = g_strdup (phone);
  self->created = g_date_time_ref (created);
  self->updated = g_date_time_ref (updated);
  return self;
}

const char *
steady_safety_item_get_uuid (SteadySafetyItem *self)
{
  g_return_val_if_fail (STEADY_IS_SAFETY_ITEM (self), NULL);

  return self->uuid;
}

SteadySafetySection
steady_safety_item_get_section (SteadySafetyItem *self)
{
  g_return_val_if_fail (STEADY_IS_SAFETY_ITEM (self), STEADY_SAFETY_SECTION_WARNING_SIGNS);

  return self->section;
}

guint
steady_safety_item_get_position (SteadySafetyItem *self)
{
  g_return_val_if_fail (STEADY_IS_SAFETY_ITEM (self), 0);

  return self->position;
}

const char *
steady_safety_item_get_text (SteadySafetyItem *self)
{
  g_return_val_if_fail (STEADY_IS_SAFETY_ITEM (self), NULL);

  return self->text;
}

/* The phone number, or NULL when the item has none. */
const char *
steady_safety_item_get_phone (SteadySafetyItem *self)
{
  g_return_val_if_fail (STEADY_IS_SAFETY_ITEM (self), NULL);

  return self->phone;
}

GDateTime *
steady_safety_item_get_created (SteadySafetyItem *self)
{
  g_return_val_if_fail (STEADY_IS_SAFETY_ITEM (self), NULL);

  return self->created;
}

GDateTime *
steady_safety_item_get_updated (SteadySafetyItem *self)
{
  g_return_val_if_fail (STEADY_IS_SAFETY_ITEM (self), NULL);

  return self->updated;
}
