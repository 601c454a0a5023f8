/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-first-frame.c: runs work that can wait until just after a widget is painted, and
 * reports when a window paints its first frame, for benchmarks.
 *
 * The report, only when STEADY_BENCH_FIRST_FRAME is set: on the first "after-paint" of the window's
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

/* Work after painting ------------------------------------------------------------------------ */

typedef struct
{
  SteadyAfterFrameFunc func;
  gpointer             user_data;
} Pending;

typedef struct
{
  GWeakRef  widget;
  GArray   *pending; /* Pending */
} Run;

static GQuark
pending_quark (void)
{
  return g_quark_from_static_string ("steady-first-frame-pending");
}

static void
run_free (Run *run)
{
  g_weak_ref_clear (&run->widget);
  g_array_unref (run->pending);
  g_free (run);
}

static gboolean
run_pending_cb (gpointer data)
{
  Run *run = data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&run->widget);

  for (guint i = 0; widget != NULL && i < run->pending->len; i++)
    {
      Pending *pending = &g_array_index (run->pending, Pending, i);

      pending->func (widget, pending->user_data);
    }
  return G_SOURCE_REMOVE;
}

static void
painted_cb (GdkFrameClock *clock,
            GtkWidget     *widget)
{
  GArray *pending = g_object_steal_qdata (G_OBJECT (widget), pending_quark ());
  Run *run;

  g_signal_handlers_disconnect_by_func (clock, painted_cb, widget);
  if (pending == NULL)
    return;
  run = g_new0 (Run, 1);
  g_weak_ref_init (&run->widget, widget);
  run->pending = pending;
  /* After the frame, and after anything the frame clock has queued at a higher priority. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, run_pending_cb, run, (GDestroyNotify)run_free);
}

static void
watch_paint (GtkWidget *widget)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (painted_cb), widget, 0);
}

static void
mapped_cb (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (widget, mapped_cb, NULL);
  watch_paint (widget);
}

/**
 * steady_first_frame_run_after:
 * @widget: the widget whose painting the work waits for
 * @func: called with @widget and @user_data from an idle once @widget has been painted (its
 *   next frame if it is on screen, else the first after it is shown); never if @widget is
 *   destroyed before
 *
 * Defers work that need not delay what the user sees first.
 */
void
steady_first_frame_run_after (GtkWidget            *widget,
                              SteadyAfterFrameFunc  func,
                              gpointer              user_data)
{
  GArray *pending;
  Pending item = { func, user_data };

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  pending = g_object_get_qdata (G_OBJECT (widget), pending_quark ());
  if (pending == NULL)
    {
      pending = g_array_new (FALSE, FALSE, sizeof (Pending));
      g_object_set_qdata_full (G_OBJECT (widget), pending_quark (), pending,
                               (GDestroyNotify)g_array_unref);
      if (gtk_widget_get_mapped (widget))
        watch_paint (widget);
      else
        g_signal_connect (widget, "map", G_CALLBACK (mapped_cb), NULL);
    }
  g_array_append_val (pending, item);
}

/* The benchmark's report -------------------------------------------------------------------- */

void
steady_first_frame_watch (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_getenv ("STEADY_BENCH_FIRST_FRAME") == NULL)
    return;
  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
}
