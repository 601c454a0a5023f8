/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-reports-cli.c: "steady --export pdf|csv|json|ics", "steady --import" (an iCalendar
 * file or a Daylio export, told apart by what they contain) and "steady --restore". The work
 * runs in a worker thread so that Ctrl+C cancels it cleanly: nothing half-written is left. */

#define G_LOG_DOMAIN "steady-reports-cli"

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>

#include "steady-backup.h"
#include "steady-calendar-cli.h"
#include "steady-csv-export.h"
#include "steady-daylio-import.h"
#include "steady-report-pdf.h"
#include "steady-report-range.h"
#include "steady-reports-cli.h"


/* How much of a file is looked at to tell what it is. */
#define SNIFF_BYTES 4096

typedef enum
{
  WORK_EXPORT_CSV,
  WORK_EXPORT_PDF,
  WORK_EXPORT_JSON,
  WORK_IMPORT_DAYLIO,
  WORK_RESTORE,
} WorkKind;

typedef struct
{
  WorkKind            kind;
  SteadyDatabase     *database;
  SteadyReportRange   range;
  guint               csv_kinds;
  SteadyReportOptions pdf_options;
  char               *path;
  SteadyCsvCount      counts[STEADY_N_CSV_KINDS];
  SteadyDaylioSummary daylio;
} Work;

static void
work_free (Work *work)
{
  g_clear_object (&work->database);
  g_free (work->path);
  g_free (work);
}

static gboolean
export_csv (Work          *work,
            GCancellable  *cancellable,
            GError       **error)
{
  if (g_mkdir_with_parents (work->path, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_filename_display_name (work->path);

      /* Translators: %s are a folder's name and the system's explanation. */
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not make the folder “%s”: %s"), shown, g_strerror (saved_errno));
      return FALSE;
    }
  return steady_csv_export (work->database, work->csv_kinds, &work->range, work->path,
                            cancellable, NULL, NULL, work->counts, error);
}

static gboolean
import_daylio (Work          *work,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (work->path);
  g_autoptr(SteadyDaylioImport) import = NULL;
  g_autoptr(SteadyJournalStore) store = NULL;

  import = steady_daylio_import_new_from_file (file, NULL, cancellable, error);
  if (import == NULL)
    return FALSE;
  store = steady_journal_store_new (work->database);
  return steady_daylio_import_apply (import, store, cancellable, &work->daylio, error);
}

static void
work_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work *work = task_data;
  GError *error = NULL;
  gboolean ok = FALSE;

  switch (work->kind)
    {
    case WORK_EXPORT_CSV:
      ok = export_csv (work, cancellable, &error);
      break;
    case WORK_IMPORT_DAYLIO:
      ok = import_daylio (work, cancellable, &error);
      break;
    case WORK_EXPORT_PDF:
      ok = steady_report_pdf_export (work->database, &work->range, &work->pdf_options, work->path,
                                     cancellable, NULL, NULL, &error);
      break;
    case WORK_EXPORT_JSON:
      ok = steady_backup_export (work->database, work->path, cancellable, NULL, NULL, &error);
      break;
    case WORK_RESTORE:
      ok = steady_backup_restore (work->database, work->path, NULL, cancellable, NULL, NULL,
                                  &error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
interrupted_cb (gpointer user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
  return G_SOURCE_CONTINUE;
}

static void
work_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
}

/* Runs @work in a thread while the main loop waits; Ctrl+C or a TERM signal cancels it. */
static gboolean
run_work (Work    *work,
          GError **error)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GTask) task = NULL;
  gboolean done = FALSE;
  guint int_id = g_unix_signal_add (SIGINT, interrupted_cb, cancellable);
  guint term_id = g_unix_signal_add (SIGTERM, interrupted_cb, cancellable);

  task = g_task_new (NULL, cancellable, work_done_cb, &done);
  g_task_set_source_tag (task, run_work);
  g_task_set_task_data (task, work, NULL);
  g_task_run_in_thread (task, work_thread);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (int_id);
  g_source_remove (term_id);
  return g_task_propagate_boolean (task, error);
}

static int
usage_error (const char *message)
{
  g_printerr ("%s\n", message);
  g_printerr ("%s\n", _("Run “steady --help” to see how the options go together."));
  return STEADY_CLI_USAGE;
}

static SteadyDatabase *
open_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_database_get_default_path ();
  SteadyDatabase *database = steady_database_open (path, &error);

  if (database == NULL)
    /* Translators: %s says why Steady's data could not be opened. */
    g_printerr (_("Steady could not open your data: %s\n"), error->message);
  return database;
}

static void
print_csv_summary (const Work *work)
{
  guint n_private = 0;

  for (guint kind = 0; kind < STEADY_N_CSV_KINDS; kind++)
    {
      if ((work->csv_kinds & STEADY_CSV_KIND_MASK (kind)) == 0)
        continue;
      /* Translators: a file written by the CSV export, e.g. "journal.csv: 12 rows". */
      g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u row\n", "%s: %u rows\n",
                            work->counts[kind].n_rows),
               steady_csv_kind_get_file_name (kind), work->counts[kind].n_rows);
      n_private += work->counts[kind].n_private;
    }
  if (n_private > 0)
    /* Translators: %u is a number of journal entries, worksheets or diary cards. */
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u record marked private was left out.\n",
                          "%u records marked private were left out.\n", n_private),
             n_private);
}

/* The range of --from/--to or --since-last-session; everything when none is given. */
static int
resolve_range (const SteadyReportsCliOptions *options,
               SteadyDatabase                *database,
               SteadyReportRange             *out)
{
  g_autoptr(GError) error = NULL;

  if (options->since_last_session)
    {
      if (!steady_report_range_since_last_session (database, g_get_real_time (), NULL, out,
                                                   &error))
        {
          g_printerr ("%s\n", error->message);
          return STEADY_CLI_FAILED;
        }
      return STEADY_CLI_OK;
    }
  if (!steady_report_range_parse (options->from, options->to, NULL, out, &error))
    return usage_error (error->message);
  return STEADY_CLI_OK;
}

static int
run_export (const SteadyReportsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  gboolean ranged = options->from != NULL || options->to != NULL || options->since_last_session;
  Work *work;
  int status;

  if (g_ascii_strcasecmp (options->export_format, "ics") == 0)
    {
      if (ranged || options->kinds != NULL)
        return usage_error (_("The schedule is always exported whole: --from, --to, "
                              "--since-last-session and --kind do not go with --export ics."));
      return steady_calendar_cli_run (NULL, options->export_format, options->output_path);
    }

  work = g_new0 (Work, 1);
  if (g_ascii_strcasecmp (options->export_format, "csv") == 0)
    work->kind = WORK_EXPORT_CSV;
  else if (g_ascii_strcasecmp (options->export_format, "pdf") == 0)
    work->kind = WORK_EXPORT_PDF;
  else if (g_ascii_strcasecmp (options->export_format, "json") == 0)
    work->kind = WORK_EXPORT_JSON;
  else
    {
      g_autofree char *shown = g_utf8_make_valid (options->export_format, -1);
      g_autofree char *message = NULL;

      work_free (work);
      /* Translators: %s is what the user typed after --export; keep the format names. */
      message = g_strdup_printf (_("Steady cannot export “%s”. The formats are pdf, csv, json "
                                   "and ics."), shown);
      return usage_error (message);
    }

  if (options->output_path == NULL)
    status = usage_error (work->kind == WORK_EXPORT_CSV
                          ? _("Say which folder the CSV files go to with --output FOLDER.")
                          : _("Say where to write the file with --output FILE."));
  else if (work->kind == WORK_EXPORT_JSON && ranged)
    status = usage_error (_("A backup is always complete: --from, --to and "
                            "--since-last-session do not go with --export json."));
  else if (options->kinds != NULL && work->kind != WORK_EXPORT_CSV)
    status = usage_error (_("--kind goes with --export csv only."));
  else if (options->notes != NULL && work->kind != WORK_EXPORT_PDF)
    status = usage_error (_("--notes goes with --export pdf only."));
  else if (options->since_last_session && (options->from != NULL || options->to != NULL))
    status = usage_error (_("Give either --from and --to, or --since-last-session, not "
                            "both."));
  else
    status = STEADY_CLI_OK;
  if (status == STEADY_CLI_OK && work->kind == WORK_EXPORT_CSV)
    {
      work->csv_kinds = STEADY_CSV_KIND_MASK_ALL;
      if (options->kinds != NULL &&
          !steady_csv_kinds_parse (options->kinds, &work->csv_kinds, &error))
        status = usage_error (error->message);
    }
  steady_report_options_init_default (&work->pdf_options);
  if (status == STEADY_CLI_OK && options->notes != NULL &&
      !steady_report_notes_from_id (options->notes, &work->pdf_options.notes))
    {
      g_autofree char *shown = g_utf8_make_valid (options->notes, -1);
      g_autofree char *message = NULL;

      /* Translators: %s is what the user typed after --notes; keep full, short and none. */
      message = g_strdup_printf (_("“%s” is not a choice for --notes: give full, short or "
                                   "none."), shown);
      status = usage_error (message);
    }
  if (status != STEADY_CLI_OK)
    {
      work_free (work);
      return status;
    }

  database = open_database ();
  if (database == NULL)
    {
      work_free (work);
      return STEADY_CLI_FAILED;
    }
  if (work->kind != WORK_EXPORT_JSON &&
      (status = resolve_range (options, database, &work->range)) != STEADY_CLI_OK)
    {
      work_free (work);
      return status;
    }
  work->database = g_object_ref (database);
  work->path = g_strdup (options->output_path);

  if (!run_work (work, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_printerr ("%s\n", _("Stopped. Nothing was written."));
      else
        /* Translators: %s says why the export failed. */
        g_printerr (_("The export failed, and nothing was written: %s\n"), error->message);
      work_free (work);
      return STEADY_CLI_FAILED;
    }
  if (work->kind == WORK_EXPORT_CSV)
    print_csv_summary (work);
  {
    g_autofree char *shown = g_filename_display_name (work->path);

    /* Translators: %s is the file or folder written. */
    g_print (_("Exported to %s\n"), shown);
  }
  work_free (work);
  return STEADY_CLI_OK;
}

typedef enum
{
  CONTENT_UNKNOWN,
  CONTENT_ICS,
  CONTENT_DAYLIO,
  CONTENT_JSON,
} Content;

/* What a file holds, from its first bytes rather than its name. */
static Content
sniff (const char  *path,
       GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  char buffer[SNIFF_BYTES];
  gsize length = 0;
  const char *p = buffer;

  if (stream == NULL)
    return CONTENT_UNKNOWN;
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, sizeof buffer, &length, NULL,
                                error))
    return CONTENT_UNKNOWN;
  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < buffer + length && g_ascii_isspace (*p))
    p++;
  if ((gsize) (buffer + length - p) >= 15 && g_ascii_strncasecmp (p, "BEGIN:VCALENDAR", 15) == 0)
    return CONTENT_ICS;
  if (p < buffer + length && *p == '{')
    return CONTENT_JSON;
  if (steady_daylio_looks_like (buffer, length))
    return CONTENT_DAYLIO;
  return CONTENT_UNKNOWN;
}

static int
run_import (const SteadyReportsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  g_autofree char *summary = NULL;
  Content content;
  Work *work;

  content = sniff (options->import_path, &error);
  /* A file named .ics that is none of these gets the calendar's own explanation. */
  if (content == CONTENT_UNKNOWN && g_str_has_suffix (options->import_path, ".ics"))
    return steady_calendar_cli_run (options->import_path, NULL, NULL);
  if (error != NULL)
    {
      /* Translators: %s says why the file could not be read. */
      g_printerr (_("The file could not be read: %s\n"), error->message);
      return STEADY_CLI_FAILED;
    }
  switch (content)
    {
    case CONTENT_ICS:
      return steady_calendar_cli_run (options->import_path, NULL, NULL);
    case CONTENT_JSON:
      g_printerr ("%s\n", _("This looks like a Steady backup. Restore it with --restore "
                            "instead; nothing was imported."));
      return STEADY_CLI_USAGE;
    case CONTENT_UNKNOWN:
    default:
      g_printerr ("%s\n", _("Steady can import an iCalendar file (.ics) of sessions or a "
                            "Daylio CSV export, and this file is neither. Nothing was "
                            "imported."));
      return STEADY_CLI_FAILED;
    case CONTENT_DAYLIO:
      break;
    }

  database = open_database ();
  if (database == NULL)
    return STEADY_CLI_FAILED;
  work = g_new0 (Work, 1);
  work->kind = WORK_IMPORT_DAYLIO;
  work->database = g_object_ref (database);
  work->path = g_strdup (options->import_path);
  if (!run_work (work, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_printerr ("%s\n", _("Stopped. Nothing was imported."));
      else
        /* Translators: %s says why the Daylio export could not be imported. */
        g_printerr (_("The Daylio export could not be imported: %s\n"), error->message);
      work_free (work);
      return STEADY_CLI_FAILED;
    }
  summary = steady_daylio_describe (&work->daylio, TRUE);
  g_print ("%s\n", summary);
  if (work->daylio.n_unknown_mood > 0)
    g_print ("%s\n", _("To place moods of your own on Steady’s scale, import the file from "
                       "the app’s menu instead."));
  if (work->daylio.n_added > 0)
    steady_calendar_cli_tell_running (STEADY_JOURNAL_CHANGED_ACTION, FALSE);
  work_free (work);
  return STEADY_CLI_OK;
}

static int
run_restore (const SteadyReportsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDatabase) database = NULL;
  Work *work;

  database = open_database ();
  if (database == NULL)
    return STEADY_CLI_FAILED;
  work = g_new0 (Work, 1);
  work->kind = WORK_RESTORE;
  work->database = g_object_ref (database);
  work->path = g_strdup (options->restore_path);
  if (!run_work (work, &error))
    {
      /* Translators: %s says why the backup could not be restored. */
      g_printerr (_("The backup could not be restored, and nothing was changed: %s\n"),
                  error->message);
      work_free (work);
      return STEADY_CLI_FAILED;
    }
  g_print ("%s\n", _("The backup was restored."));
  steady_calendar_cli_tell_running (STEADY_JOURNAL_CHANGED_ACTION, FALSE);
  steady_calendar_cli_tell_running (STEADY_CALENDAR_CHANGED_ACTION, TRUE);
  work_free (work);
  return STEADY_CLI_OK;
}

/**
 * steady_reports_cli_run:
 *
 * Does one of --export, --import or --restore.
 *
 * Returns: the exit status: STEADY_CLI_OK, STEADY_CLI_FAILED or STEADY_CLI_USAGE
 */
int
steady_reports_cli_run (const SteadyReportsCliOptions *options)
{
  guint n_commands;

  g_return_val_if_fail (options != NULL, STEADY_CLI_USAGE);

  n_commands = (options->export_format != NULL) + (options->import_path != NULL) +
               (options->restore_path != NULL);
  if (n_commands > 1)
    return usage_error (_("Give one of --export, --import and --restore at a time."));
  if (options->export_format != NULL)
    return run_export (options);
  if (options->output_path != NULL || options->from != NULL || options->to != NULL ||
      options->since_last_session || options->kinds != NULL || options->notes != NULL)
    return usage_error (_("--output, --from, --to, --since-last-session, --kind and --notes go "
                          "with --export."));
  if (options->import_path != NULL)
    return run_import (options);
  if (options->restore_path != NULL)
    return run_restore (options);
  return usage_error (_("Nothing to do."));
}
