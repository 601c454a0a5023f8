/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-journal-drafts.c: editors' drafts — save, load, replace, list, delete, bad input —
 * and that a draft whose save returned survives the writer being killed with SIGKILL. */

#define G_LOG_DOMAIN "test-journal-drafts"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "steady-database.h"
#include "steady-draft-store.h"
#include "steady-journal-common.h"

#define KIND "mood-entry"

static SteadyDraftStore *
open_drafts (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_database_get_default_path ();
  g_autoptr(SteadyDatabase) database = steady_database_open (path, &error);

  g_assert_no_error (error);
  return steady_draft_store_new (database);
}

static void
test_basics (void)
{
  g_autoptr(SteadyDraftStore) drafts = open_drafts ();
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = NULL;
  g_auto(GStrv) keys = NULL;
  gint64 updated = 0;
  gint64 before = g_get_real_time ();

  g_assert_null (steady_draft_store_load (drafts, KIND, "a", NULL, &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (steady_draft_store_save (drafts, KIND, "a", "{\"note\": \"first\"}", &error));
  g_assert_no_error (error);
  g_assert_true (steady_draft_store_save (drafts, KIND, "", "{\"note\": \"a new one\"}", &error));
  g_assert_no_error (error);
  g_assert_true (steady_draft_store_save (drafts, "thought-record", "a", "[]", &error));
  g_assert_no_error (error);
  /* Saving again replaces. */
  g_assert_true (steady_draft_store_save (drafts, KIND, "a", "{\"note\": \"second\"}", &error));
  g_assert_no_error (error);

  payload = steady_draft_store_load (drafts, KIND, "a", &updated, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (payload, ==, "{\"note\": \"second\"}");
  g_assert_cmpint (updated, >=, before);
  g_clear_pointer (&payload, g_free);
  payload = steady_draft_store_load (drafts, "thought-record", "a", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (payload, ==, "[]");

  keys = steady_draft_store_list_keys (drafts, KIND, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (keys, ((const char *[]) { "a", "", NULL }));

  g_assert_true (steady_draft_store_delete (drafts, KIND, "a", &error));
  g_assert_no_error (error);
  g_assert_true (steady_draft_store_delete (drafts, KIND, "never", &error));
  g_assert_no_error (error);
  g_clear_pointer (&keys, g_strfreev);
  keys = steady_draft_store_list_keys (drafts, KIND, &error);
  g_assert_cmpstrv (keys, ((const char *[]) { "", NULL }));

  /* Bad input is refused in words, and changes nothing. */
  g_assert_false (steady_draft_store_save (drafts, KIND, "b", "{not json", &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (steady_draft_store_save (drafts, KIND, "b", "{\"x\": \"\xff\"}", &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (steady_draft_store_save (drafts, "", "b", "{}", &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_null (steady_draft_store_load (drafts, KIND, "b", NULL, NULL));
}

static void
test_huge_draft (void)
{
  g_autoptr(SteadyDraftStore) drafts = open_drafts ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = g_string_new ("{\"note\": \"");
  g_autoptr(GString) too_big = NULL;
  g_autofree char *loaded = NULL;

  while (json->len < 2 * 1024 * 1024)
    g_string_append (json, "a megabyte or two pasted into the note \\n ");
  g_string_append (json, "\"}");
  g_assert_true (steady_draft_store_save (drafts, KIND, "big", json->str, &error));
  g_assert_no_error (error);
  loaded = steady_draft_store_load (drafts, KIND, "big", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded, ==, json->str);

  too_big = g_string_new ("\"");
  while (too_big->len <= STEADY_DRAFT_MAX_BYTES)
    g_string_append (too_big, "0123456789abcdef");
  g_string_append_c (too_big, '"');
  g_assert_false (steady_draft_store_save (drafts, KIND, "big", too_big->str, &error));
  g_assert_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_TOO_LONG);
}

/* In a forked child: saves versions 1, 2, 3 … of one draft as fast as it can, and after
 * each save returns, tells the parent which version it was. Never returns. */
static void G_GNUC_NORETURN
run_writer (int ack_fd)
{
  g_autoptr(SteadyDraftStore) drafts = open_drafts ();

  for (guint32 version = 1; ; version++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *payload = g_strdup_printf ("{\"version\": %u, \"note\": \"%s\"}", version,
                                                  "the words typed so far, kept safe");

      if (!steady_draft_store_save (drafts, KIND, "killed", payload, &error) ||
          write (ack_fd, &version, sizeof version) != sizeof version)
        _exit (1);
    }
}

static void
test_survives_sigkill (void)
{
  for (guint round = 0; round < 12; round++)
    {
      g_autoptr(SteadyDraftStore) drafts = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *payload = NULL;
      guint32 acknowledged = 0;
      guint32 wanted = g_test_rand_int_range (1, 40);
      guint32 stored = 0;
      int fds[2];
      int status = 0;
      pid_t child;

      g_assert_cmpint (pipe (fds), ==, 0);
      child = fork ();
      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          close (fds[0]);
          run_writer (fds[1]);
        }
      close (fds[1]);

      /* Kill it right after a save it acknowledged, while it is in the next one. */
      while (acknowledged < wanted)
        {
          ssize_t n = read (fds[0], &acknowledged, sizeof acknowledged);

          if (n < 0 && errno == EINTR)
            continue;
          g_assert_cmpint (n, ==, sizeof acknowledged);
        }
      g_assert_cmpint (kill (child, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (child, &status, 0), ==, child);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
      /* Acknowledgements still in the pipe are saves that returned too. */
      {
        guint32 later;

        while (read (fds[0], &later, sizeof later) == sizeof later)
          acknowledged = later;
      }
      close (fds[0]);

      drafts = open_drafts ();
      payload = steady_draft_store_load (drafts, KIND, "killed", NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (sscanf (payload, "{\"version\": %u,", &stored), ==, 1);
      /* Every acknowledged save is there: the one on disk is that one or a later one. */
      g_assert_cmpuint (stored, >=, acknowledged);
      g_assert_cmpuint (stored, <=, acknowledged + 1);
      g_assert_true (g_str_has_suffix (payload, "kept safe\"}"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/journal/drafts/basics", test_basics);
  g_test_add_func ("/journal/drafts/huge", test_huge_draft);
  g_test_add_func ("/journal/drafts/survive-sigkill", test_survives_sigkill);

  return g_test_run ();
}
