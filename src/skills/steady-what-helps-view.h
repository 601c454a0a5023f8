/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-what-helps-view.h: "What helps me": the skills, exercises and practices after which
 * this person's distress eased most, from their own ratings, once there are enough of them. */

#pragma once

#include <adwaita.h>

#include "steady-database.h"

G_BEGIN_DECLS

#define STEADY_TYPE_WHAT_HELPS_VIEW (steady_what_helps_view_get_type ())
G_DECLARE_FINAL_TYPE (SteadyWhatHelpsView, steady_what_helps_view, STEADY, WHAT_HELPS_VIEW,
                      GtkWidget)

GtkWidget *steady_what_helps_view_new      (SteadyDatabase      *database);
void       steady_what_helps_view_reload   (SteadyWhatHelpsView *self);
gboolean   steady_what_helps_view_is_empty (SteadyWhatHelpsView *self);

G_END_DECLS
