/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-first-frame.c: reports when a window paints its first frame, for benchmarks.
 *
 * Only when STEADY_BENCH_FIRST_FRAME is set: on the first "after-paint" of the window's
 * frame clock it prints the CLOCK_MONOTONIC time and the peak resident memory, then quits.
 * The benchmark notes the monotonic time before spawning, so the difference is the time
 * from process start to first frame, measured the same way for the baseline window. */

#define G_LOG_DOMAIN "steady-first-frame"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "steady-first-frame.h"

static gint64
read_peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoll (line + strlen ("VmHWM:"), NULL, 10) : -1;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  gint64 now = g_get_monotonic_time ();

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  /* Plain stdout, not the log: the benchmark parses this line. */
  printf ("first-frame-monotonic-us %" G_GINT64_FORMAT " peak-rss-kib %" G_GINT64_FORMAT "\n",
          now, read_peak_rss_kib ());
  fflush (stdout);
  g_application_quit (g_application_get_default ());
}

static void
map_cb (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, map_cb, NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), widget);
}

void
steady_first_frame_watch (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_getenv ("STEADY_BENCH_FIRST_FRAME") == NULL)
    return;
  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
}
