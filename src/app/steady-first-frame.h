/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-first-frame.h: reports when a window paints its first frame, for benchmarks. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void steady_first_frame_watch (GtkWindow *window);

G_END_DECLS
