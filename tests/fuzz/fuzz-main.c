/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-main.c: runs a fuzz target once on each file of the corpus folders given, for builds
 * without libFuzzer (gcc), so that the corpus is a regression test in every build. */

#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
run_file (const char *path,
          guint      *n_run)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  LLVMFuzzerTestOneInput ((const uint8_t *)contents, length);
  (*n_run)++;
}

int
main (int   argc,
      char *argv[])
{
  guint n_run = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
      const char *name;

      if (dir == NULL)
        {
          run_file (argv[i], &n_run);
          continue;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);

          run_file (path, &n_run);
        }
    }
  g_print ("ran %u inputs\n", n_run);
  return n_run > 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
