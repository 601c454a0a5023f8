/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-bring-up-item.c: one thing the user wants to bring up at a session. */

#define G_LOG_DOMAIN "steady-bring-up-item"

#include "config.h"

#include "steady-bring-up-item.h"

G_DEFINE_BOXED_TYPE (SteadyBringUpItem, steady_bring_up_item,
                     steady_bring_up_item_copy, steady_bring_up_item_free)

SteadyBringUpItem *
steady_bring_up_item_new (const char *text)
{
  SteadyBringUpItem *self;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_new0 (SteadyBringUpItem, 1);
  self->uuid = g_uuid_string_random ();
  self->text = g_strdup (text);
  return self;
}

SteadyBringUpItem *
steady_bring_up_item_copy (const SteadyBringUpItem *self)
{
  SteadyBringUpItem *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->uuid = g_strdup (self->uuid);
  copy->text = g_strdup (self->text);
  copy->linked_uuid = g_strdup (self->linked_uuid);
  return copy;
}

void
steady_bring_up_item_free (SteadyBringUpItem *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->text);
  g_free (self->linked_uuid);
  g_free (self);
}
