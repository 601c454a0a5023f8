/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-bring-up-item.h: one thing the user wants to bring up at a session. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STEADY_TYPE_BRING_UP_ITEM (steady_bring_up_item_get_type ())

typedef struct
{
  char     *uuid;
  char     *text;
  char     *linked_uuid;  /* a journal entry or worksheet the user linked, or NULL */
  gboolean  done;
  int       position;
  gint64    created_us;
  gint64    updated_us;
} SteadyBringUpItem;

GType              steady_bring_up_item_get_type (void) G_GNUC_CONST;
SteadyBringUpItem *steady_bring_up_item_new      (const char              *text);
SteadyBringUpItem *steady_bring_up_item_copy     (const SteadyBringUpItem *self);
void               steady_bring_up_item_free     (SteadyBringUpItem       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyBringUpItem, steady_bring_up_item_free)

G_END_DECLS
