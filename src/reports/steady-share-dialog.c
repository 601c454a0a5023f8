/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-share-dialog.c: "Share with My Therapist". The person picks a range and what goes
 * in; the preview replays the very pages the PDF and the printer get, so what is seen is
 * what is shared. Saving runs in a thread with progress and Cancel; the file is written
 * only where the person chose, 0600, and only once complete. */

#define G_LOG_DOMAIN "steady-share-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-help-dialog.h"
#include "steady-report-data.h"
#include "steady-report-document.h"
#include "steady-pdf-save-dialog.h"
#include "steady-share-dialog.h"

#define N_SECTIONS 8

struct _SteadyShareDialog
{
  AdwWindow             parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkBox               *layout_box;
  AdwPreferencesGroup  *time_group;
  AdwComboRow          *range_row;
  AdwActionRow         *from_row;
  AdwActionRow         *to_row;
  GtkMenuButton        *from_button;
  GtkMenuButton        *to_button;
  GtkCalendar          *from_calendar;
  GtkCalendar          *to_calendar;
  AdwPreferencesGroup  *sections_group;
  GtkLabel             *private_label;
  GtkLabel             *page_label;
  GtkDrawingArea       *preview;
  GtkWidget            *progress_box;
  GtkProgressBar       *progress_bar;

  /* owned references */
  SteadyDatabase       *database;
  GSettings            *settings;     /* or NULL */
  SteadyReportData     *data;
  SteadyReportDocument *document;
  GCancellable         *cancellable;         /* of the save running */
  GCancellable         *refresh_cancellable; /* of the refresh running */
  GtkFileChooserNative *file_chooser;
  GtkCheckButton       *checks[N_SECTIONS];
  AdwComboRow          *notes_row;    /* a SteadyReportNotes, in the enum's order */

  gint64                now_us;       /* 0: the real time */
  guint                 page;
  gboolean              saving;
  gboolean              disposed;     /* work finishing later has nothing to show */
  gboolean              choosing;     /* several choices made at once: one refresh after */
  int                   progress_permille; /* written by the saving thread */
  guint                 progress_id;
};

G_DEFINE_FINAL_TYPE (SteadyShareDialog, steady_share_dialog, ADW_TYPE_WINDOW)

static const struct
{
  SteadyReportSections  section;
  const char           *title;
  const char           *subtitle;
} sections[N_SECTIONS] = {
  { STEADY_REPORT_SECTION_MOOD, N_("Mood chart and summary"), NULL },
  { STEADY_REPORT_SECTION_JOURNAL, N_("Journal entries"), NULL },
  { STEADY_REPORT_SECTION_THOUGHTS, N_("Thought records"), NULL },
  { STEADY_REPORT_SECTION_WORKSHEETS, N_("Worksheets"), NULL },
  { STEADY_REPORT_SECTION_DIARY, N_("Diary cards"), N_("As a grid for each week") },
  { STEADY_REPORT_SECTION_PRACTICE, N_("Practice log"), N_("Skills used, breathing, mindfulness") },
  { STEADY_REPORT_SECTION_ATTENDANCE, N_("Attendance"), N_("Sessions from the calendar") },
  { STEADY_REPORT_SECTION_SAFETY_PLAN, N_("My safety plan"), N_("On a page of its own") },
};

/* The report ------------------------------------------------------------------------------- */

static gint64
now_us (SteadyShareDialog *self)
{
  return self->now_us != 0 ? self->now_us : g_get_real_time ();
}

static void
calendar_get_date (GtkCalendar *calendar,
                   GDate       *date)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);

  g_date_set_dmy (date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
}

static gboolean
compute_range (SteadyShareDialog  *self,
               SteadyReportRange  *out,
               GError            **error)
{
  GDate first;
  GDate last;

  switch (adw_combo_row_get_selected (self->range_row))
    {
    case STEADY_SHARE_RANGE_SINCE_LAST_SESSION:
      return steady_report_range_since_last_session (self->database, now_us (self), NULL, out,
                                                     error);
    case STEADY_SHARE_RANGE_LAST_WEEK:
      steady_report_range_last_week (now_us (self), NULL, out);
      return TRUE;
    case STEADY_SHARE_RANGE_LAST_MONTH:
      steady_report_range_last_month (now_us (self), NULL, out);
      return TRUE;
    default:
      calendar_get_date (self->from_calendar, &first);
      calendar_get_date (self->to_calendar, &last);
      return steady_report_range_custom (&first, &last, NULL, out, error);
    }
}

static SteadyReportSections
chosen_sections (SteadyShareDialog *self)
{
  SteadyReportSections chosen = 0;

  for (guint i = 0; i < N_SECTIONS; i++)
    if (gtk_check_button_get_active (self->checks[i]))
      chosen |= sections[i].section;
  return chosen;
}

static void
update_page_label (SteadyShareDialog *self)
{
  guint n_pages = self->document != NULL ? steady_report_document_get_n_pages (self->document) : 0;
  g_autofree char *text = NULL;

  if (n_pages > 0)
    /* Translators: which page of the preview is shown, e.g. "2 of 7". */
    text = g_strdup_printf (_("%u of %u"), self->page + 1, n_pages);
  gtk_label_set_text (self->page_label, text != NULL ? text : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "share.previous-page",
                                 !self->saving && self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "share.next-page",
                                 !self->saving && self->page + 1 < n_pages);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
update_actions (SteadyShareDialog *self)
{
  gboolean ready = self->document != NULL && !self->saving;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "share.save", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "share.print", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "share.cancel-save", self->saving);
  gtk_widget_set_visible (self->progress_box, self->saving);
  gtk_widget_set_sensitive (GTK_WIDGET (self->range_row), !self->saving);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sections_group), !self->saving);
  gtk_widget_set_sensitive (GTK_WIDGET (self->notes_row),
                            (chosen_sections (self) & STEADY_REPORT_SECTION_JOURNAL) != 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->from_row), !self->saving);
  gtk_widget_set_sensitive (GTK_WIDGET (self->to_row), !self->saving);
  update_page_label (self);
}

static void
show_private_count (SteadyShareDialog *self)
{
  guint n = self->data != NULL ? steady_report_data_get_n_private (self->data) : 0;
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("Nothing in this time is marked private."));
  else
    text = g_strdup_printf (ngettext ("%u private entry will be left out.",
                                      "%u private entries will be left out.", n), n);
  gtk_label_set_text (self->private_label, text);
}

/* What a refresh works on in its thread: the choices, then the report they give. */
typedef struct
{
  SteadyDatabase         *database;
  SteadyReportRange       range;
  SteadyReportSections    sections;
  SteadyReportNotes       notes;
  const SteadyCrisisLine *crisis_line;
  double                  width;
  double                  height;
  SteadyReportData       *data;
  SteadyReportDocument   *document;
} Refresh;

static void
refresh_free (Refresh *job)
{
  g_clear_object (&job->database);
  g_clear_pointer (&job->data, steady_report_data_free);
  g_clear_pointer (&job->document, steady_report_document_free);
  g_free (job);
}

/* Reading a year or more and laying it out takes a moment: not on the main thread. */
static void
refresh_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Refresh *job = task_data;
  GError *error = NULL;

  job->data = steady_report_data_gather (job->database, &job->range, job->sections, cancellable,
                                         &error);
  if (job->data != NULL && job->crisis_line != NULL)
    job->data->crisis_line = job->crisis_line;
  if (job->data != NULL)
    job->data->notes = job->notes;
  if (job->data != NULL)
    job->document = steady_report_document_new (job->data, job->width, job->height,
                                                 cancellable, NULL, NULL, &error);
  if (job->document != NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
show_problem (SteadyShareDialog *self,
              const char        *message)
{
  adw_preferences_group_set_description (self->time_group, message);
  gtk_label_set_text (self->private_label, "");
}

static void
refresh_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SteadyShareDialog *self = STEADY_SHARE_DIALOG (object);
  Refresh *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  /* A newer choice started its own refresh, or the dialog closed: this one is out of date. */
  if (self->disposed || g_task_get_cancellable (G_TASK (result)) != self->refresh_cancellable)
    return;
  g_clear_object (&self->refresh_cancellable);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_clear_pointer (&self->document, steady_report_document_free);
      g_clear_pointer (&self->data, steady_report_data_free);
      self->data = g_steal_pointer (&job->data);
      self->document = g_steal_pointer (&job->document);
      self->page = 0;
      description = steady_report_range_describe (&self->data->range, NULL);
      adw_preferences_group_set_description (self->time_group, description);
      show_private_count (self);
    }
  else
    show_problem (self, error->message);
  update_actions (self);
}

/* Reads and lays out the report again for the range and sections now chosen. */
static void
refresh (SteadyShareDialog *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Refresh *job;

  if (self->saving)
    return;
  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  /* Nothing stale may be saved or printed while the new report is made. */
  g_clear_pointer (&self->document, steady_report_document_free);
  g_clear_pointer (&self->data, steady_report_data_free);
  self->page = 0;

  job = g_new0 (Refresh, 1);
  if (!compute_range (self, &job->range, &error))
    {
      refresh_free (job);
      show_problem (self, error->message);
      update_actions (self);
      return;
    }
  job->database = g_object_ref (self->database);
  job->sections = chosen_sections (self);
  job->notes = adw_combo_row_get_selected (self->notes_row);
  /* The crisis line the person chose in Preferences, as on the safety plan itself. */
  if (self->settings != NULL)
    job->crisis_line = steady_help_dialog_lookup_line (self->settings);
  steady_report_paper_get_size (STEADY_REPORT_PAPER_FROM_LOCALE, &job->width, &job->height);

  self->refresh_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->refresh_cancellable, refresh_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)refresh_free);
  g_task_run_in_thread (task, refresh_thread);
  gtk_label_set_text (self->private_label, _("Preparing the preview…"));
  update_actions (self);
}

/* Whether the report is still being read and laid out for the latest choices. */
gboolean
steady_share_dialog_get_busy (SteadyShareDialog *self)
{
  g_return_val_if_fail (STEADY_IS_SHARE_DIALOG (self), FALSE);

  return self->refresh_cancellable != NULL;
}

/* The preview ------------------------------------------------------------------------------ */

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  SteadyShareDialog *self = user_data;
  double page_width;
  double page_height;
  double scale;

  /* The saving thread replays the same pages; the last frame drawn stays on screen. */
  if (self->document == NULL || self->saving)
    return;
  steady_report_document_get_size (self->document, &page_width, &page_height);
  scale = MIN ((width - 16) / page_width, (height - 16) / page_height);
  if (scale <= 0)
    return;
  /* Centred across, at the top: the area may be taller than the page when laid out wide. */
  cairo_translate (cr, (width - page_width * scale) / 2, 8);
  /* A thin edge, so a white page stands out on a light card. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_rectangle (cr, -0.5, -0.5, page_width * scale + 1, page_height * scale + 1);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_scale (cr, scale, scale);
  steady_report_document_draw_page (self->document, cr, self->page);
}

/* The preview keeps the paper's proportions at the width the dialog gives it. */
static void
preview_resize_cb (GtkDrawingArea    *area,
                   int                width,
                   int                height,
                   SteadyShareDialog *self)
{
  double page_width = 595;
  double page_height = 842;
  int wanted;

  if (self->document != NULL)
    steady_report_document_get_size (self->document, &page_width, &page_height);
  wanted = (int)((width - 16) * page_height / page_width) + 16;
  if (ABS (wanted - gtk_drawing_area_get_content_height (area)) > 1)
    gtk_drawing_area_set_content_height (area, wanted);
}

static void
previous_page_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SteadyShareDialog *self = STEADY_SHARE_DIALOG (widget);

  if (self->page > 0)
    self->page--;
  update_page_label (self);
}

static void
next_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SteadyShareDialog *self = STEADY_SHARE_DIALOG (widget);

  if (self->document != NULL &&
      self->page + 1 < steady_report_document_get_n_pages (self->document))
    self->page++;
  update_page_label (self);
}

/* Saving ----------------------------------------------------------------------------------- */

static void
show_toast (SteadyShareDialog *self,
            const char        *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
save_progress_cb (double   fraction,
                  gpointer user_data)
{
  SteadyShareDialog *self = user_data;

  g_atomic_int_set (&self->progress_permille, (int)(fraction * 1000));
}

static gboolean
poll_progress_cb (gpointer user_data)
{
  SteadyShareDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar,
                                 g_atomic_int_get (&self->progress_permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SteadyShareDialog *self = source_object;
  GError *error = NULL;

  if (steady_report_document_write_pdf (self->document, task_data, cancellable,
                                        save_progress_cb, self, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SteadyShareDialog *self = STEADY_SHARE_DIALOG (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (g_task_get_task_data (G_TASK (result)));

  self->saving = FALSE;
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->cancellable);
  if (self->disposed)
    return;
  update_actions (self);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *saved = NULL;

      /* Translators: %s is the name of the PDF file. */
      saved = g_strdup_printf (_("Saved “%s”"), name);
      show_toast (self, saved);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_toast (self, _("Not saved: nothing was written"));
  else
    show_toast (self, error->message);
}

/**
 * steady_share_dialog_save_to_path:
 * @path: where the person chose to save the report
 *
 * Starts writing the report shown in the preview. Progress shows in the dialog, which also
 * offers Cancel; a toast says how it went.
 *
 * Returns: %FALSE if there is nothing to save or a save is already running
 */
gboolean
steady_share_dialog_save_to_path (SteadyShareDialog *self,
                                  const char        *path)
{
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (STEADY_IS_SHARE_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->document == NULL || self->saving)
    return FALSE;
  self->saving = TRUE;
  self->progress_permille = 0;
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  self->cancellable = g_cancellable_new ();
  self->progress_id = g_timeout_add (100, poll_progress_cb, self);
  update_actions (self);

  task = g_task_new (self, self->cancellable, save_done_cb, NULL);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, save_thread);
  return TRUE;
}

static void
save_response_cb (GtkNativeDialog   *dialog,
                  int                response,
                  SteadyShareDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file != NULL ? g_file_get_path (file) : NULL;
      if (path == NULL)
        show_toast (self, _("Steady can save only to a folder on this computer."));
      else
        steady_share_dialog_save_to_path (self, path);
    }
  g_clear_object (&self->file_chooser);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SteadyShareDialog *self = STEADY_SHARE_DIALOG (widget);
  const char *name;

  if (self->file_chooser != NULL || self->document == NULL)
    return;
  /* Translators: the suggested file name of the report; keep ".pdf". */
  name = _("My report for my therapist.pdf");
  self->file_chooser = steady_pdf_save_dialog_new (GTK_WINDOW (self), _("Save Report as PDF"),
                                                   name);
  g_signal_connect_object (self->file_chooser, "response", G_CALLBACK (save_response_cb), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}

static void
cancel_save_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SteadyShareDialog *self = STEADY_SHARE_DIALOG (widget);

  g_cancellable_cancel (self->cancellable);
}

/* Printing --------------------------------------------------------------------------------- */

/* The printer's paper may not be the locale's: the pages are laid out again for it. */
static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                SteadyShareDialog *self)
{
  g_autoptr(GError) error = NULL;
  SteadyReportDocument *document;

  document = steady_report_document_new (self->data, gtk_print_context_get_width (context),
                                         gtk_print_context_get_height (context), NULL, NULL,
                                         NULL, &error);
  if (document == NULL)
    {
      show_toast (self, error->message);
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, steady_report_document_get_n_pages (document));
  g_object_set_data_full (G_OBJECT (operation), "steady-document", document,
                          (GDestroyNotify)steady_report_document_free);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              SteadyShareDialog *self)
{
  SteadyReportDocument *document = g_object_get_data (G_OBJECT (operation), "steady-document");

  if (document != NULL && page_nr >= 0 &&
      (guint)page_nr < steady_report_document_get_n_pages (document))
    steady_report_document_draw_page (document, gtk_print_context_get_cairo_context (context),
                                      page_nr);
}

/* A print operation for the report shown, starting on the paper the PDF uses. */
static GtkPrintOperation *
create_print_operation (SteadyShareDialog *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  double width = 0;
  double height = 0;

  steady_report_paper_get_size (STEADY_REPORT_PAPER_FROM_LOCALE, &width, &height);
  /* Letter is 792 points high, A4 842. */
  paper = gtk_paper_size_new (height < 800 ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (page_setup, paper);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, _("My report for my therapist"));
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), self, 0);
  return operation;
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SteadyShareDialog *self = STEADY_SHARE_DIALOG (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->data == NULL)
    return;
  operation = create_print_operation (self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_toast (self, error->message);
}

/**
 * steady_share_dialog_print_to_file:
 * @path: a PDF file to write
 *
 * Runs the print operation without a dialog, into a PDF file: what the printer would get.
 */
gboolean
steady_share_dialog_print_to_file (SteadyShareDialog  *self,
                                   const char         *path,
                                   GError            **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (STEADY_IS_SHARE_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->data == NULL)
    {
      g_set_error_literal (error, STEADY_REPORT_ERROR, STEADY_REPORT_ERROR_INVALID_RANGE,
                           _("There is no report to print for this choice."));
      return FALSE;
    }
  operation = create_print_operation (self);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (self),
                                  error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* Choices ---------------------------------------------------------------------------------- */

static void
update_date_button (GtkMenuButton *button,
                    GtkCalendar   *calendar)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  /* Translators: a date on the custom range's buttons, as g_date_time_format () takes it. */
  g_autofree char *label = g_date_time_format (day, _("%-d %b %Y"));

  gtk_menu_button_set_label (button, label);
}

static void
calendar_changed_cb (GtkCalendar       *calendar,
                     SteadyShareDialog *self)
{
  update_date_button (self->from_button, self->from_calendar);
  update_date_button (self->to_button, self->to_calendar);
  gtk_menu_button_popdown (calendar == self->from_calendar ? self->from_button
                                                           : self->to_button);
  if (!self->choosing)
    refresh (self);
}

static void
range_selected_cb (SteadyShareDialog *self)
{
  gboolean custom = adw_combo_row_get_selected (self->range_row) == STEADY_SHARE_RANGE_CUSTOM;

  gtk_widget_set_visible (GTK_WIDGET (self->from_row), custom);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), custom);
  if (!self->choosing)
    refresh (self);
}

/* How much of each note goes in, right under "Journal entries": the first lines keep a month
 * of long notes to a few pages. */
static GtkWidget *
create_notes_row (SteadyShareDialog *self)
{
  const char * const choices[] = {
    [STEADY_REPORT_NOTES_SHORT] = _("First lines"),
    [STEADY_REPORT_NOTES_FULL] = _("In full"),
    /* Translators: a choice for journal notes in the report: none of their text goes in. */
    [STEADY_REPORT_NOTES_NONE] = _("Left out"),
    NULL
  };
  g_autoptr(GtkStringList) model = gtk_string_list_new (choices);
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Journal notes"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Mood and feelings go in either way"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), STEADY_REPORT_NOTES_SHORT);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);
  return row;
}

static void
add_section_rows (SteadyShareDialog *self)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(sections[i].title));
      if (sections[i].subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(sections[i].subtitle));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   (STEADY_REPORT_SECTIONS_DEFAULT & sections[i].section) != 0);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->sections_group, row);
      self->checks[i] = GTK_CHECK_BUTTON (check);
      if (sections[i].section == STEADY_REPORT_SECTION_JOURNAL)
        {
          self->notes_row = ADW_COMBO_ROW (create_notes_row (self));
          adw_preferences_group_add (self->sections_group, GTK_WIDGET (self->notes_row));
        }
    }
}

/* The window ------------------------------------------------------------------------------- */

/* Wide: the choices on the left and the preview beside them; narrow: one column. GTK keeps
 * the default width in step with the window's while it is not maximized. */
static void
update_layout (SteadyShareDialog *self)
{
  int width = 0;
  int height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (gtk_window_is_maximized (GTK_WINDOW (self)))
    width = gtk_widget_get_width (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->layout_box),
                                  width >= 820 ? GTK_ORIENTATION_HORIZONTAL
                                               : GTK_ORIENTATION_VERTICAL);
}

static void
size_changed_cb (SteadyShareDialog *self,
                 GParamSpec        *pspec,
                 gpointer           user_data)
{
  update_layout (self);
}

static gboolean
close_request_cb (GtkWindow *window)
{
  SteadyShareDialog *self = STEADY_SHARE_DIALOG (window);

  /* Work still running is cancelled; its thread holds the dialog until it has cleaned up. */
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->refresh_cancellable);
  return FALSE;
}

static void
steady_share_dialog_dispose (GObject *object)
{
  SteadyShareDialog *self = STEADY_SHARE_DIALOG (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->refresh_cancellable);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
  g_clear_object (&self->file_chooser);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEADY_TYPE_SHARE_DIALOG);
  G_OBJECT_CLASS (steady_share_dialog_parent_class)->dispose (object);
}

static void
steady_share_dialog_finalize (GObject *object)
{
  SteadyShareDialog *self = STEADY_SHARE_DIALOG (object);

  g_clear_pointer (&self->document, steady_report_document_free);
  g_clear_pointer (&self->data, steady_report_data_free);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->refresh_cancellable);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (steady_share_dialog_parent_class)->finalize (object);
}

static void
steady_share_dialog_class_init (SteadyShareDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steady_share_dialog_dispose;
  object_class->finalize = steady_share_dialog_finalize;
  window_class->close_request = close_request_cb;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/steadyapp/Steady/reports/steady-share-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyShareDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SteadyShareDialog, layout_box);
  gtk_widget_class_bind_template_child (widget_class, SteadyShareDialog, time_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyShareDialog, range_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyShareDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyShareDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyShareDialog, from_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyShareDialog, to_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyShareDialog, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, SteadyShareDialog, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, SteadyShareDialog, sections_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyShareDialog, private_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyShareDialog, page_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyShareDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, SteadyShareDialog, progress_box);
  gtk_widget_class_bind_template_child (widget_class, SteadyShareDialog, progress_bar);

  gtk_widget_class_install_action (widget_class, "share.previous-page", NULL,
                                   previous_page_activated);
  gtk_widget_class_install_action (widget_class, "share.next-page", NULL, next_page_activated);
  gtk_widget_class_install_action (widget_class, "share.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "share.cancel-save", NULL,
                                   cancel_save_activated);
  gtk_widget_class_install_action (widget_class, "share.print", NULL, print_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "share.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "share.print",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "share.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "share.previous-page", NULL);
}

static void
steady_share_dialog_init (SteadyShareDialog *self)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GDateTime) month_ago = g_date_time_add_months (today, -1);

  gtk_widget_init_template (GTK_WIDGET (self));
  add_section_rows (self);
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  g_signal_connect_object (self->preview, "resize", G_CALLBACK (preview_resize_cb), self, 0);

  gtk_calendar_select_day (self->from_calendar, month_ago);
  gtk_calendar_select_day (self->to_calendar, today);
  update_date_button (self->from_button, self->from_calendar);
  update_date_button (self->to_button, self->to_calendar);
  g_signal_connect_object (self->from_calendar, "day-selected", G_CALLBACK (calendar_changed_cb),
                           self, 0);
  g_signal_connect_object (self->to_calendar, "day-selected", G_CALLBACK (calendar_changed_cb),
                           self, 0);
  g_signal_connect (self, "notify::default-width", G_CALLBACK (size_changed_cb), NULL);
  g_signal_connect (self, "notify::maximized", G_CALLBACK (size_changed_cb), NULL);
  update_layout (self);
  g_signal_connect_object (self->range_row, "notify::selected", G_CALLBACK (range_selected_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * steady_share_dialog_new:
 * @parent: the main window
 * @database: the person's database, read for the report
 * @settings: (nullable): the application's settings, for the crisis line of the safety plan
 */
GtkWidget *
steady_share_dialog_new (GtkWindow      *parent,
                         SteadyDatabase *database,
                         GSettings      *settings)
{
  SteadyShareDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (database != NULL, NULL);

  self = g_object_new (STEADY_TYPE_SHARE_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  refresh (self);
  return GTK_WIDGET (self);
}

/* Sets "now" for the ranges, for tests; 0 goes back to the real time. */
void
steady_share_dialog_set_now (SteadyShareDialog *self,
                             gint64             now)
{
  g_return_if_fail (STEADY_IS_SHARE_DIALOG (self));

  self->now_us = now;
  refresh (self);
}

void
steady_share_dialog_set_range_kind (SteadyShareDialog *self,
                                    SteadyShareRange   kind)
{
  g_return_if_fail (STEADY_IS_SHARE_DIALOG (self));
  g_return_if_fail (kind <= STEADY_SHARE_RANGE_CUSTOM);

  adw_combo_row_set_selected (self->range_row, kind);
}

/* Chooses custom dates, as picking them in the calendars does. */
void
steady_share_dialog_set_custom (SteadyShareDialog *self,
                                const GDate       *first,
                                const GDate       *last)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;

  g_return_if_fail (STEADY_IS_SHARE_DIALOG (self));
  g_return_if_fail (first != NULL && last != NULL);

  from = g_date_time_new_local (g_date_get_year (first), g_date_get_month (first),
                                g_date_get_day (first), 12, 0, 0);
  to = g_date_time_new_local (g_date_get_year (last), g_date_get_month (last),
                              g_date_get_day (last), 12, 0, 0);
  self->choosing = TRUE;
  gtk_calendar_select_day (self->from_calendar, from);
  gtk_calendar_select_day (self->to_calendar, to);
  steady_share_dialog_set_range_kind (self, STEADY_SHARE_RANGE_CUSTOM);
  self->choosing = FALSE;
  refresh (self);
}

void
steady_share_dialog_set_notes (SteadyShareDialog *self,
                               SteadyReportNotes  notes)
{
  g_return_if_fail (STEADY_IS_SHARE_DIALOG (self));
  g_return_if_fail (notes <= STEADY_REPORT_NOTES_NONE);

  adw_combo_row_set_selected (self->notes_row, notes);
}

/* The range of the report shown; FALSE when the choice gives none (e.g. no past session). */
gboolean
steady_share_dialog_get_range (SteadyShareDialog *self,
                               SteadyReportRange *out)
{
  g_return_val_if_fail (STEADY_IS_SHARE_DIALOG (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (self->data == NULL)
    return FALSE;
  *out = self->data->range;
  return TRUE;
}

guint
steady_share_dialog_get_n_private (SteadyShareDialog *self)
{
  g_return_val_if_fail (STEADY_IS_SHARE_DIALOG (self), 0);

  return self->data != NULL ? steady_report_data_get_n_private (self->data) : 0;
}

guint
steady_share_dialog_get_n_pages (SteadyShareDialog *self)
{
  g_return_val_if_fail (STEADY_IS_SHARE_DIALOG (self), 0);

  return self->document != NULL ? steady_report_document_get_n_pages (self->document) : 0;
}
