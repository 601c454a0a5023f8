/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-cli-test-util.c: runs the built steady binary (STEADY_EXE) with no display, with
 * XDG_DATA_HOME pointing at the test's folder and a fixed locale. */

#define G_LOG_DOMAIN "steady-cli-test-util"

#include "config.h"

#include <sys/wait.h>

#include "steady-cli-test-util.h"

void
steady_cli_run_clear (SteadyCliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static GPtrArray *
collect_argv (const char *first_arg,
              va_list     ap)
{
  GPtrArray *argv = g_ptr_array_new ();
  const char *steady = g_getenv ("STEADY_EXE");

  g_assert_nonnull (steady);
  g_ptr_array_add (argv, (char *) steady);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);
  return argv;
}

/* Runs steady with the arguments and no display at all: the commands must not need one. */
void
steady_cli_run (SteadyCliRun *run,
                const char   *data_home,
                const char   *first_arg,
                ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  va_list ap;

  va_start (ap, first_arg);
  argv = collect_argv (first_arg, ap);
  va_end (ap);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  g_test_message ("steady %s → status %d\nstdout: %s\nstderr: %s", first_arg, run->status,
                  run->out, run->err);
}

gboolean
steady_cli_run_exited_with (const SteadyCliRun *run,
                            int                 code)
{
  return WIFEXITED (run->status) && WEXITSTATUS (run->status) == code;
}

static void
exited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_assert_true (g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL));
  *(gboolean *) user_data = TRUE;
}

/* Runs steady while this process's main loop runs, so that a stand-in for a running Steady
 * owned here can answer the child's D-Bus calls. Returns its exit status. */
int
steady_cli_run_in_loop (const char *data_home,
                        const char *first_arg,
                        ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) steady = NULL;
  g_autoptr(GPtrArray) argv = NULL;
  g_autoptr(GError) error = NULL;
  gboolean exited = FALSE;
  va_list ap;

  va_start (ap, first_arg);
  argv = collect_argv (first_arg, ap);
  va_end (ap);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  steady = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (steady, NULL, exited_cb, &exited);
  while (!exited)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_subprocess_get_if_exited (steady));
  return g_subprocess_get_exit_status (steady);
}

/* The child's messages may still be on the bus when its exit is seen: waits up to a few
 * seconds for @counter to reach @expected, then a moment more, so that a second, unwanted
 * message would be counted too. */
void
steady_cli_settle_bus (guint *counter,
                       guint  expected)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (*counter < expected && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  for (guint i = 0; i < 50; i++)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}
