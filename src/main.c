/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: the steady executable; everything else lives in the libraries. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <sys/stat.h>

#include "steady-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SteadyApplication) app = NULL;

  /* Whatever the user's umask, nothing Steady writes may be readable by others. */
  umask (077);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = steady_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
