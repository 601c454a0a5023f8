/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-first-frame.h: work that waits until a widget has been painted, so the first frame
 * comes sooner; and the first-frame report for benchmarks. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*SteadyAfterFrameFunc) (GtkWidget *widget,
                                      gpointer   user_data);

void steady_first_frame_watch     (GtkWindow            *window);
void steady_first_frame_run_after (GtkWidget            *widget,
                                   SteadyAfterFrameFunc  func,
                                   gpointer              user_data);

G_END_DECLS
