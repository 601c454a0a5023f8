/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-calendar-page.c: the Calendar page. The agenda lists upcoming sessions first, day by
 * day, and the past ones below, newest first; the month grid shows a dot per session. Every
 * change asks the reminder service to plan again, and it is fine when that service is not
 * running: it plans from the database whenever it starts. */

#define G_LOG_DOMAIN "steady-calendar-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-agenda-row.h"
#include "steady-application.h"
#include "steady-calendar-cli.h"
#include "steady-calendar-page.h"
#include "steady-ics-export.h"
#include "steady-month-view.h"
#include "steady-occurrence-store.h"
#include "steady-reminders-client.h"
#include "steady-session-store.h"
#include "steady-window.h"

/* How far back and ahead the page expands series: past sessions stay reachable for half a
 * year, and a year ahead covers any IOP schedule. */
#define PAST_DAYS   183
#define FUTURE_DAYS 366

struct _SteadyCalendarPage
{
  GtkBox                 parent_instance;

  /* template widgets */
  GtkStack              *stack;
  GtkWidget             *agenda_toggle;
  GtkWidget             *view_switch;
  GtkWidget             *upcoming_label;
  GtkWidget             *no_upcoming_label;
  GtkListBox            *upcoming_list;
  GtkWidget             *past_label;
  GtkListBox            *past_list;
  SteadyMonthView       *month_view;

  /* owned */
  SteadyDatabase        *database;
  SteadySessionStore    *store;
  SteadyOccurrenceStore *occurrences;
  GPtrArray             *loaded;       /* (element-type SteadyOccurrence) */
  GSimpleActionGroup    *actions;
  GtkFileChooserNative  *chooser;
  char                  *view;         /* "agenda" or "month" */
};

G_DEFINE_FINAL_TYPE (SteadyCalendarPage, steady_calendar_page, GTK_TYPE_BOX)

GtkWidget *
steady_calendar_page_new (void)
{
  return g_object_new (STEADY_TYPE_CALENDAR_PAGE, NULL);
}

/* Telling the reminder service ----------------------------------------------------------- */

static void
replan_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Not running, or not installed: it reads the database when it starts, so nothing is lost
   * and there is nothing to tell the user. */
  if (!steady_reminders_client_replan_finish (G_DBUS_CONNECTION (object), result, &error))
    g_debug ("The reminder service was not told of the change: %s", error->message);
}

void
steady_calendar_request_replan (void)
{
  GApplication *app = g_application_get_default ();
  GDBusConnection *connection = app != NULL ? g_application_get_dbus_connection (app) : NULL;

  if (connection != NULL)
    steady_reminders_client_replan_async (connection, NULL, replan_done_cb, NULL);
}

/* Words for the user --------------------------------------------------------------------- */

static void
show_message (SteadyCalendarPage *self,
              const char         *heading,
              const char         *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_toast (SteadyCalendarPage *self,
            const char         *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (STEADY_IS_WINDOW (root))
    steady_window_add_toast (STEADY_WINDOW (root), text);
}

/* Loading -------------------------------------------------------------------------------- */

/* The page finds the database of the application it is in, so the window only has to place
 * it; tests and other hosts may set one directly. */
static gboolean
ensure_store (SteadyCalendarPage *self)
{
  if (self->store != NULL)
    return TRUE;
  if (self->database == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root))
                                                 : NULL;

      if (!STEADY_IS_APPLICATION (app) ||
          steady_application_get_database (STEADY_APPLICATION (app)) == NULL)
        return FALSE;
      self->database = g_object_ref (steady_application_get_database (STEADY_APPLICATION (app)));
    }
  self->store = steady_session_store_new (self->database);
  self->occurrences = steady_occurrence_store_new (self->database);
  return TRUE;
}

void
steady_calendar_page_set_database (SteadyCalendarPage *self,
                                   SteadyDatabase     *database)
{
  g_return_if_fail (STEADY_IS_CALENDAR_PAGE (self));
  g_return_if_fail (database == NULL || STEADY_IS_DATABASE (database));

  g_clear_object (&self->store);
  g_clear_object (&self->occurrences);
  g_set_object (&self->database, database);
  steady_calendar_page_reload (self);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
format_day_heading (const char *day_key)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *today_key = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *tomorrow_key = g_date_time_format (tomorrow, "%Y-%m-%d");
  g_autofree char *yesterday_key = g_date_time_format (yesterday, "%Y-%m-%d");
  g_autoptr(GDateTime) day = NULL;
  int y, m, d;

  if (g_str_equal (day_key, today_key))
    return g_strdup (_("Today"));
  if (g_str_equal (day_key, tomorrow_key))
    return g_strdup (_("Tomorrow"));
  if (g_str_equal (day_key, yesterday_key))
    return g_strdup (_("Yesterday"));
  if (sscanf (day_key, "%d-%d-%d", &y, &m, &d) != 3 ||
      (day = g_date_time_new_local (y, m, d, 0, 0, 0)) == NULL)
    return g_strdup (day_key);
  if (y == g_date_time_get_year (now))
    /* Translators: a day heading in the agenda; see g_date_time_format(). */
    return g_date_time_format (day, _("%A %-d %B"));
  /* Translators: a day heading in the agenda, in another year; see g_date_time_format(). */
  return g_date_time_format (day, _("%A %-d %B %Y"));
}

/* Sessions of one day share a heading with the day's name. */
static void
day_header_func (GtkListBoxRow *row,
                 GtkListBoxRow *before,
                 gpointer       user_data)
{
  g_autofree char *key = steady_agenda_row_dup_day_key (STEADY_AGENDA_ROW (row));
  g_autofree char *before_key = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *label;

  if (before != NULL)
    before_key = steady_agenda_row_dup_day_key (STEADY_AGENDA_ROW (before));
  if (g_strcmp0 (key, before_key) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  heading = format_day_heading (key);
  label = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "agenda-day");
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_list_box_row_set_header (row, label);
}

static SteadyAttendance
lookup_attendance (SteadyCalendarPage *self,
                   SteadyOccurrence   *occurrence)
{
  SteadyAttendance attendance = STEADY_ATTENDANCE_UNKNOWN;
  g_autofree char *note = NULL;

  if (!steady_occurrence_store_get_attendance (self->occurrences, occurrence->series->uuid,
                                               occurrence->original_start_local, &attendance,
                                               &note, NULL))
    return STEADY_ATTENDANCE_UNKNOWN;
  return attendance;
}

void
steady_calendar_page_reload (SteadyCalendarPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) series = NULL;
  gint64 now = g_get_real_time ();
  guint n_upcoming = 0;
  guint n_past = 0;

  g_return_if_fail (STEADY_IS_CALENDAR_PAGE (self));

  clear_list (self->upcoming_list);
  clear_list (self->past_list);
  g_clear_pointer (&self->loaded, g_ptr_array_unref);
  if (!ensure_store (self))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->loaded = steady_session_store_expand (self->store, now - PAST_DAYS * G_TIME_SPAN_DAY,
                                              now + FUTURE_DAYS * G_TIME_SPAN_DAY, NULL, &error);
  series = error == NULL ? steady_session_store_list_series (self->store, &error) : NULL;
  if (self->loaded == NULL || series == NULL)
    {
      show_message (self, _("The calendar could not be read"), error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  for (guint i = 0; i < self->loaded->len; i++)
    {
      SteadyOccurrence *occurrence = g_ptr_array_index (self->loaded, i);

      if (occurrence->end_us > now)
        {
          gtk_list_box_append (self->upcoming_list,
                               steady_agenda_row_new (occurrence,
                                                      lookup_attendance (self, occurrence)));
          n_upcoming++;
        }
    }
  /* The past, newest first: the session just gone is the one a user records. */
  for (guint i = self->loaded->len; i > 0; i--)
    {
      SteadyOccurrence *occurrence = g_ptr_array_index (self->loaded, i - 1);

      if (occurrence->end_us <= now)
        {
          gtk_list_box_append (self->past_list,
                               steady_agenda_row_new (occurrence,
                                                      lookup_attendance (self, occurrence)));
          n_past++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->upcoming_list), n_upcoming > 0);
  gtk_widget_set_visible (self->no_upcoming_label, n_upcoming == 0);
  gtk_widget_set_visible (self->past_label, n_past > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->past_list), n_past > 0);
  steady_month_view_set_occurrences (self->month_view, self->loaded);

  /* With nothing to show, the empty page's own buttons are the way on. */
  gtk_widget_set_visible (self->view_switch, series->len > 0);
  if (series->len == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, self->view);
}

static void
calendar_changed (SteadyCalendarPage *self)
{
  steady_calendar_page_reload (self);
  steady_calendar_request_replan ();
}

/* Views ---------------------------------------------------------------------------------- */

void
steady_calendar_page_set_view (SteadyCalendarPage *self,
                               const char         *view)
{
  g_return_if_fail (STEADY_IS_CALENDAR_PAGE (self));
  g_return_if_fail (g_strcmp0 (view, "agenda") == 0 || g_strcmp0 (view, "month") == 0);

  g_free (self->view);
  self->view = g_strdup (view);
  g_action_group_change_action_state (G_ACTION_GROUP (self->actions), "view",
                                      g_variant_new_string (view));
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") != 0)
    gtk_stack_set_visible_child_name (self->stack, view);
}

const char *
steady_calendar_page_get_view (SteadyCalendarPage *self)
{
  g_return_val_if_fail (STEADY_IS_CALENDAR_PAGE (self), NULL);

  return self->view;
}

static void
view_change_state_cb (GSimpleAction *action,
                      GVariant      *state,
                      gpointer       user_data)
{
  SteadyCalendarPage *self = STEADY_CALENDAR_PAGE (user_data);
  const char *view = g_variant_get_string (state, NULL);

  if (g_strcmp0 (view, "agenda") != 0 && g_strcmp0 (view, "month") != 0)
    return;
  g_simple_action_set_state (action, state);
  if (g_strcmp0 (self->view, view) != 0)
    steady_calendar_page_set_view (self, view);
}

static GtkListBoxRow *
find_row_on_day (GtkListBox *list,
                 const char *day)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *key = NULL;

      if (!STEADY_IS_AGENDA_ROW (child))
        continue;
      key = steady_agenda_row_dup_day_key (STEADY_AGENDA_ROW (child));
      if (g_strcmp0 (key, day) == 0)
        return GTK_LIST_BOX_ROW (child);
    }
  return NULL;
}

/* A day of the month grid shows its sessions in the agenda. */
static void
day_activated_cb (SteadyCalendarPage *self,
                  const char         *day)
{
  GtkListBoxRow *row = find_row_on_day (self->upcoming_list, day);

  if (row == NULL)
    row = find_row_on_day (self->past_list, day);
  if (row == NULL)
    {
      g_autofree char *heading = format_day_heading (day);
      /* Translators: %s is a day, e.g. "Monday 23 November". */
      g_autofree char *text = g_strdup_printf (_("No sessions on %s"), heading);

      show_toast (self, text);
      return;
    }
  steady_calendar_page_set_view (self, "agenda");
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Editing -------------------------------------------------------------------------------- */

static GtkWindow *
get_parent_window (SteadyCalendarPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static SteadySessionEditor *
present_editor (SteadyCalendarPage *self,
                SteadyOccurrence   *occurrence)
{
  SteadySessionEditor *editor = steady_session_editor_new (get_parent_window (self), self->store,
                                                           self->occurrences, occurrence);

  g_signal_connect_object (editor, "changed", G_CALLBACK (calendar_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

SteadySessionEditor *
steady_calendar_page_add_session (SteadyCalendarPage *self)
{
  g_return_val_if_fail (STEADY_IS_CALENDAR_PAGE (self), NULL);

  if (!ensure_store (self))
    return NULL;
  return present_editor (self, NULL);
}

static SteadyOccurrence *
find_occurrence (GPtrArray  *occurrences,
                 const char *series_uuid,
                 const char *original_start)
{
  for (guint i = 0; occurrences != NULL && i < occurrences->len; i++)
    {
      SteadyOccurrence *occurrence = g_ptr_array_index (occurrences, i);

      if (g_str_equal (occurrence->series->uuid, series_uuid) &&
          g_str_equal (occurrence->original_start_local, original_start))
        return occurrence;
    }
  return NULL;
}

/* Opens the session whose id a reminder carried ("series-uuid/YYYYMMDDTHHMMSS"). */
SteadySessionEditor *
steady_calendar_page_open_occurrence (SteadyCalendarPage  *self,
                                      const char          *occurrence_id,
                                      GError             **error)
{
  g_autofree char *series_uuid = NULL;
  g_autofree char *original_start = NULL;
  g_autoptr(GPtrArray) around = NULL;
  SteadyOccurrence *occurrence;
  int y, mo, d, h, mi, s;

  g_return_val_if_fail (STEADY_IS_CALENDAR_PAGE (self), NULL);
  g_return_val_if_fail (occurrence_id != NULL, NULL);

  if (!ensure_store (self) ||
      !steady_occurrence_id_parse (occurrence_id, &series_uuid, &original_start) ||
      sscanf (original_start, "%4d%2d%2dT%2d%2d%2d", &y, &mo, &d, &h, &mi, &s) != 6)
    {
      g_set_error_literal (error, STEADY_SESSION_STORE_ERROR, STEADY_SESSION_STORE_ERROR_NOT_FOUND,
                           _("This session is no longer on the calendar."));
      return NULL;
    }

  if (self->loaded == NULL)
    steady_calendar_page_reload (self);
  occurrence = find_occurrence (self->loaded, series_uuid, original_start);
  if (occurrence == NULL)
    {
      /* Outside the agenda's range: look around the day it was first planned for. A moved
       * occurrence may be up to a few weeks away from it. */
      g_autoptr(GDateTime) start = g_date_time_new_utc (y, mo, d, h, mi, s);
      gint64 at = start != NULL ? g_date_time_to_unix (start) * G_USEC_PER_SEC : 0;

      around = steady_session_store_expand (self->store, at - 60 * G_TIME_SPAN_DAY,
                                            at + 60 * G_TIME_SPAN_DAY, NULL, error);
      if (around == NULL)
        return NULL;
      occurrence = find_occurrence (around, series_uuid, original_start);
    }
  if (occurrence == NULL)
    {
      g_set_error_literal (error, STEADY_SESSION_STORE_ERROR, STEADY_SESSION_STORE_ERROR_NOT_FOUND,
                           _("This session is no longer on the calendar."));
      return NULL;
    }
  return present_editor (self, occurrence);
}

static void
row_activated_cb (GtkListBox         *list,
                  GtkListBoxRow      *row,
                  SteadyCalendarPage *self)
{
  if (STEADY_IS_AGENDA_ROW (row))
    present_editor (self, steady_agenda_row_get_occurrence (STEADY_AGENDA_ROW (row)));
}

static void
add_activated_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  steady_calendar_page_add_session (STEADY_CALENDAR_PAGE (user_data));
}

/* Import and export ---------------------------------------------------------------------- */

SteadyIcsImport *
steady_calendar_page_import_file (SteadyCalendarPage  *self,
                                  GFile               *file,
                                  GError             **error)
{
  SteadyIcsImport *import;

  g_return_val_if_fail (STEADY_IS_CALENDAR_PAGE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!ensure_store (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("Steady’s data is not open."));
      return NULL;
    }
  import = steady_ics_import_file (self->store, file, error);
  if (import != NULL)
    calendar_changed (self);
  return import;
}

gboolean
steady_calendar_page_export_file (SteadyCalendarPage  *self,
                                  GFile               *file,
                                  GError             **error)
{
  g_return_val_if_fail (STEADY_IS_CALENDAR_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!ensure_store (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("Steady’s data is not open."));
      return FALSE;
    }
  return steady_calendar_export_private (self->store, file, error);
}

static void
import_response_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    SteadyCalendarPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(SteadyIcsImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  import = steady_calendar_page_import_file (self, file, &error);
  if (import == NULL)
    {
      show_message (self, _("The schedule could not be imported"), error->message);
      return;
    }
  summary = steady_calendar_describe_import (import);
  show_message (self, _("Schedule Imported"), summary);
}

static void
export_response_cb (GtkNativeDialog    *chooser,
                    int                 response,
                    SteadyCalendarPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  if (!steady_calendar_page_export_file (self, file, &error))
    show_message (self, _("The schedule could not be exported"), error->message);
  else
    show_toast (self, _("Schedule exported"));
}

static void
run_chooser (SteadyCalendarPage   *self,
             GtkFileChooserAction  action,
             GCallback             callback)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  gboolean save = action == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (save ? _("Export Schedule")
                                                    : _("Import Schedule"),
                                               get_parent_window (self), action,
                                               save ? _("_Export") : _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Calendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (save)
    /* Translators: the suggested name of an exported schedule; keep the .ics ending. */
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("sessions.ics"));
  g_signal_connect (self->chooser, "response", callback, self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
import_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  run_chooser (STEADY_CALENDAR_PAGE (user_data), GTK_FILE_CHOOSER_ACTION_OPEN,
               G_CALLBACK (import_response_cb));
}

static void
export_activated_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  run_chooser (STEADY_CALENDAR_PAGE (user_data), GTK_FILE_CHOOSER_ACTION_SAVE,
               G_CALLBACK (export_response_cb));
}

/* Ctrl+N. A class binding would hear the key only while the focus is inside the page, and
 * after Alt+2 or a click on the view switcher it is not. */
static gboolean
add_shortcut_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  steady_calendar_page_add_session (STEADY_CALENDAR_PAGE (widget));
  return TRUE;
}

static const GActionEntry page_actions[] = {
  { "add", add_activated_cb },
  { "import", import_activated_cb },
  { "export", export_activated_cb },
  { "view", NULL, "s", "'agenda'", view_change_state_cb },
};

/* Accessors for tests -------------------------------------------------------------------- */

GtkListBox *
steady_calendar_page_get_upcoming_list (SteadyCalendarPage *self)
{
  g_return_val_if_fail (STEADY_IS_CALENDAR_PAGE (self), NULL);

  return self->upcoming_list;
}

GtkListBox *
steady_calendar_page_get_past_list (SteadyCalendarPage *self)
{
  g_return_val_if_fail (STEADY_IS_CALENDAR_PAGE (self), NULL);

  return self->past_list;
}

GtkWidget *
steady_calendar_page_get_month_view (SteadyCalendarPage *self)
{
  g_return_val_if_fail (STEADY_IS_CALENDAR_PAGE (self), NULL);

  return GTK_WIDGET (self->month_view);
}

/* Life ----------------------------------------------------------------------------------- */

static void
steady_calendar_page_map (GtkWidget *widget)
{
  SteadyCalendarPage *self = STEADY_CALENDAR_PAGE (widget);

  GTK_WIDGET_CLASS (steady_calendar_page_parent_class)->map (widget);
  /* Shown again: what was upcoming may have passed, and the agenda says so. */
  steady_calendar_page_reload (self);
}

static void
steady_calendar_page_dispose (GObject *object)
{
  SteadyCalendarPage *self = STEADY_CALENDAR_PAGE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->loaded, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->occurrences);
  g_clear_object (&self->database);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->view, g_free);

  G_OBJECT_CLASS (steady_calendar_page_parent_class)->dispose (object);
}

static void
steady_calendar_page_class_init (SteadyCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_calendar_page_dispose;
  widget_class->map = steady_calendar_page_map;

  g_type_ensure (STEADY_TYPE_MONTH_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/calendar/steady-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyCalendarPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SteadyCalendarPage, agenda_toggle);
  gtk_widget_class_bind_template_child (widget_class, SteadyCalendarPage, view_switch);
  gtk_widget_class_bind_template_child (widget_class, SteadyCalendarPage, upcoming_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyCalendarPage, no_upcoming_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyCalendarPage, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, SteadyCalendarPage, past_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyCalendarPage, past_list);
  gtk_widget_class_bind_template_child (widget_class, SteadyCalendarPage, month_view);
}

static void
steady_calendar_page_init (SteadyCalendarPage *self)
{
  GtkEventController *shortcuts;

  steady_calendar_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->view = g_strdup ("agenda");
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), page_actions,
                                   G_N_ELEMENTS (page_actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "calendar", G_ACTION_GROUP (self->actions));

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n,
                                                                                  GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (add_shortcut_cb,
                                                                                   NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  gtk_list_box_set_header_func (self->upcoming_list, day_header_func, NULL, NULL);
  gtk_list_box_set_header_func (self->past_list, day_header_func, NULL, NULL);
  g_signal_connect (self->upcoming_list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect (self->past_list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_swapped (self->month_view, "day-activated", G_CALLBACK (day_activated_cb),
                            self);
}
