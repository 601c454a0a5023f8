/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bare-window.c: the start-up baseline of PERFORMANCE.md, a bare libadwaita window (header bar
 * and an empty status page) that reports its first frame exactly as steady does. */

#define G_LOG_DOMAIN "steady-bare-window"

#include "config.h"

#include <adwaita.h>

#include "steady-first-frame.h"

#define BASELINE_APPLICATION_ID "io.github.steadyapp.Steady.BenchBaseline"

static void
activate_cb (GApplication *app)
{
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *status_page;

  window = adw_application_window_new (GTK_APPLICATION (app));
  /* The same default size as Steady's main window, so both paint the same area. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_set_title (GTK_WINDOW (window), "Baseline");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  status_page = adw_status_page_new ();
  gtk_widget_set_vexpand (status_page, TRUE);
  gtk_box_append (GTK_BOX (box), status_page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  steady_first_frame_watch (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  app = adw_application_new (BASELINE_APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
