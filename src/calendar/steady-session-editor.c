/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-session-editor.c: the window that adds or changes a session. A change to a repeating
 * session asks whether it is for this one, this and the following, or all; so does deleting.
 * For a session on the calendar it also keeps attendance and the "bring this up" list, which
 * are saved as they are written so that nothing typed there waits on the Save button. */

#define G_LOG_DOMAIN "steady-session-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-agenda-row.h"
#include "steady-session-editor.h"

typedef enum
{
  ENDS_AFTER_COUNT,
  ENDS_ON_DATE,
} Ends;

static const char * const weekday_codes[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

static const struct {
  int         minutes;
  const char *label;
} reminder_choices[] = {
  { 7 * 24 * 60, N_("1 week before") },
  { 24 * 60, N_("1 day before") },
  { 120, N_("2 hours before") },
  { 60, N_("1 hour before") },
  { 15, N_("15 minutes before") },
};

struct _SteadySessionEditor
{
  AdwWindow              parent_instance;

  /* template widgets */
  GtkWidget             *cancel_button;
  GtkWidget             *save_button;
  AdwPreferencesGroup   *session_group;
  AdwComboRow           *attendance_row;
  AdwEntryRow           *attendance_note_row;
  AdwPreferencesGroup   *bring_up_group;
  GtkListBox            *bring_up_list;
  AdwEntryRow           *bring_up_entry;
  AdwEntryRow           *title_row;
  AdwComboRow           *kind_row;
  GtkMenuButton         *date_button;
  GtkCalendar           *date_calendar;
  GtkSpinButton         *hour_spin;
  GtkSpinButton         *minute_spin;
  GtkSpinButton         *duration_spin;
  GtkSwitch             *repeat_switch;
  GtkWidget             *repeat_group;
  GtkWidget             *weekday_box;
  GtkWidget             *interval_row;
  GtkSpinButton         *interval_spin;
  AdwComboRow           *ends_row;
  GtkWidget             *count_row;
  GtkSpinButton         *count_spin;
  GtkWidget             *until_row;
  GtkMenuButton         *until_button;
  GtkCalendar           *until_calendar;
  AdwEntryRow           *place_row;
  AdwEntryRow           *video_row;
  AdwEntryRow           *clinician_row;
  GtkTextView           *notes_view;
  AdwPreferencesGroup   *reminder_group;
  GtkWidget             *delete_group;
  GtkWidget             *cancel_session_button;
  GtkWidget             *delete_button;

  /* unowned, children of weekday_box and reminder_group */
  GtkToggleButton       *weekday_toggles[7];
  GtkCheckButton        *reminder_checks[G_N_ELEMENTS (reminder_choices)];

  /* owned */
  SteadySessionStore    *store;
  SteadyOccurrenceStore *occurrences;
  SteadyOccurrence      *occurrence;  /* NULL for a new session */
  char                  *original_rrule;

  gboolean               loading;
  gboolean               details_changed;
  gboolean               rule_changed;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SteadySessionEditor, steady_session_editor, ADW_TYPE_WINDOW)

static void
show_error (SteadySessionEditor *self,
            const char          *heading,
            const GError        *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
emit_changed (SteadySessionEditor *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
destroy_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

/* Closes the editor once the question dialog that asked for it is done with it: GTK 4.8
 * warns when a dialog's transient parent is destroyed while the dialog is still answering. */
static void
close_editor (SteadySessionEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_cb, g_object_ref (self), g_object_unref);
}

/* Wall times ------------------------------------------------------------------------------ */

static GDateTime *
parse_wall (const char *text)
{
  int y, mo, d, h, mi, s;

  if (text == NULL || sscanf (text, "%4d%2d%2dT%2d%2d%2d", &y, &mo, &d, &h, &mi, &s) != 6)
    return NULL;
  return g_date_time_new_utc (y, mo, d, h, mi, s);
}

static void
update_date_labels (SteadySessionEditor *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->date_calendar);
  g_autoptr(GDateTime) until = gtk_calendar_get_date (self->until_calendar);
  /* Translators: a date in the session editor; see g_date_time_format(). */
  g_autofree char *date_text = g_date_time_format (date, _("%a %-d %b %Y"));
  g_autofree char *until_text = g_date_time_format (until, _("%a %-d %b %Y"));

  g_autofree char *date_name = NULL;
  g_autofree char *until_name = NULL;

  gtk_menu_button_set_label (self->date_button, date_text);
  gtk_menu_button_set_label (self->until_button, until_text);
  /* Translators: the accessible name of the date button; %s is the date it shows. */
  date_name = g_strdup_printf (_("Date: %s"), date_text);
  /* Translators: the accessible name of a repeating session's last day; %s is that date. */
  until_name = g_strdup_printf (_("Last day: %s"), until_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, date_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->until_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, until_name, -1);
}

/* The repeat rule ------------------------------------------------------------------------- */

char *
steady_session_editor_build_rrule (SteadySessionEditor *self)
{
  g_autoptr(GString) rule = NULL;
  g_autoptr(GDateTime) date = NULL;
  gboolean any_day = FALSE;
  int interval;

  g_return_val_if_fail (STEADY_IS_SESSION_EDITOR (self), NULL);

  /* A rule the editor cannot show (an imported daily one, say) stays as it was unless the
   * user changes how the session repeats. */
  if (!self->rule_changed && self->original_rrule != NULL)
    return g_strdup (self->original_rrule);

  if (!gtk_switch_get_active (self->repeat_switch))
    return g_strdup ("");

  rule = g_string_new ("FREQ=WEEKLY");
  interval = gtk_spin_button_get_value_as_int (self->interval_spin);
  if (interval > 1)
    g_string_append_printf (rule, ";INTERVAL=%d", interval);

  g_string_append (rule, ";BYDAY=");
  for (guint i = 0; i < 7; i++)
    {
      if (gtk_toggle_button_get_active (self->weekday_toggles[i]))
        {
          g_string_append_printf (rule, "%s%s", any_day ? "," : "", weekday_codes[i]);
          any_day = TRUE;
        }
    }
  date = gtk_calendar_get_date (self->date_calendar);
  if (!any_day)
    g_string_append (rule, weekday_codes[g_date_time_get_day_of_week (date) - 1]);

  if (adw_combo_row_get_selected (self->ends_row) == ENDS_ON_DATE)
    {
      g_autoptr(GDateTime) until = gtk_calendar_get_date (self->until_calendar);
      g_autofree char *text = g_date_time_format (until, "%Y%m%d");

      g_string_append_printf (rule, ";UNTIL=%s", text);
    }
  else
    {
      g_string_append_printf (rule, ";COUNT=%d",
                              gtk_spin_button_get_value_as_int (self->count_spin));
    }
  return g_string_free (g_steal_pointer (&rule), FALSE);
}

static void
load_rrule (SteadySessionEditor *self,
            const char          *rrule)
{
  g_auto(GStrv) parts = g_strsplit (rrule, ";", -1);

  if (rrule[0] == '\0')
    {
      gtk_switch_set_active (self->repeat_switch, FALSE);
      return;
    }
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_has_prefix (parts[i], "INTERVAL="))
        {
          gtk_spin_button_set_value (self->interval_spin, atoi (parts[i] + strlen ("INTERVAL=")));
        }
      else if (g_str_has_prefix (parts[i], "BYDAY="))
        {
          g_auto(GStrv) days = g_strsplit (parts[i] + strlen ("BYDAY="), ",", -1);

          for (guint d = 0; days[d] != NULL; d++)
            for (guint w = 0; w < 7; w++)
              if (g_str_equal (days[d], weekday_codes[w]))
                gtk_toggle_button_set_active (self->weekday_toggles[w], TRUE);
        }
      else if (g_str_has_prefix (parts[i], "COUNT="))
        {
          gtk_spin_button_set_value (self->count_spin, atoi (parts[i] + strlen ("COUNT=")));
          adw_combo_row_set_selected (self->ends_row, ENDS_AFTER_COUNT);
        }
      else if (g_str_has_prefix (parts[i], "UNTIL="))
        {
          int y, m, d;

          if (sscanf (parts[i] + strlen ("UNTIL="), "%4d%2d%2d", &y, &m, &d) == 3)
            {
              g_autoptr(GDateTime) until = g_date_time_new_local (y, m, d, 0, 0, 0);

              if (until != NULL)
                gtk_calendar_select_day (self->until_calendar, until);
            }
          adw_combo_row_set_selected (self->ends_row, ENDS_ON_DATE);
        }
    }
  gtk_switch_set_active (self->repeat_switch, TRUE);
}

static void
sync_repeat_rows (SteadySessionEditor *self)
{
  Ends ends = adw_combo_row_get_selected (self->ends_row);

  gtk_widget_set_visible (self->repeat_group, gtk_switch_get_active (self->repeat_switch));
  gtk_widget_set_visible (self->count_row, ends == ENDS_AFTER_COUNT);
  gtk_widget_set_visible (self->until_row, ends == ENDS_ON_DATE);
}

static void
rule_changed_cb (SteadySessionEditor *self)
{
  sync_repeat_rows (self);
  update_date_labels (self);
  if (self->loading)
    return;
  self->rule_changed = TRUE;
  self->details_changed = TRUE;
}

static void
details_changed_cb (SteadySessionEditor *self)
{
  update_date_labels (self);
  if (!self->loading)
    self->details_changed = TRUE;
}

/* Building the session -------------------------------------------------------------------- */

static char *
dup_notes (SteadySessionEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
local_tzid (SteadySessionStore *store)
{
  const char *id = g_time_zone_get_identifier (steady_session_store_get_local_zone (store));

  /* A zone read from a file, not named, is stored floating: the user's zone, whatever it is. */
  if (id == NULL || id[0] == ':' || id[0] == '/')
    return "";
  return id;
}

/* The date of the first session: the chosen date, or for a new weekly series the first of its
 * weekdays on or after it, so that the series does not begin with a day the user left out. */
static GDateTime *
first_session_date (SteadySessionEditor *self)
{
  GDateTime *date = gtk_calendar_get_date (self->date_calendar);
  gboolean any_day = FALSE;

  if (!self->rule_changed || !gtk_switch_get_active (self->repeat_switch))
    return date;
  for (guint i = 0; i < 7; i++)
    any_day = any_day || gtk_toggle_button_get_active (self->weekday_toggles[i]);
  for (int n = 0; any_day && n < 7; n++)
    {
      int weekday = g_date_time_get_day_of_week (date);
      GDateTime *next;

      if (gtk_toggle_button_get_active (self->weekday_toggles[weekday - 1]))
        break;
      next = g_date_time_add_days (date, 1);
      g_date_time_unref (date);
      date = next;
    }
  return date;
}

static SteadySessionSeries *
build_series (SteadySessionEditor *self)
{
  g_autoptr(SteadySessionSeries) series = NULL;
  g_autoptr(GDateTime) date = first_session_date (self);
  g_autofree char *start = NULL;
  g_autofree char *rrule = steady_session_editor_build_rrule (self);
  g_autofree char *notes = dup_notes (self);
  int offsets[G_N_ELEMENTS (reminder_choices)];
  guint n_offsets = 0;

  if (self->occurrence != NULL)
    series = steady_session_series_copy (self->occurrence->series);
  else
    series = steady_session_series_new ();

  steady_session_series_set_title (series, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  series->kind = adw_combo_row_get_selected (self->kind_row);
  steady_session_series_set_place (series, gtk_editable_get_text (GTK_EDITABLE (self->place_row)));
  steady_session_series_set_video_link (series,
                                        gtk_editable_get_text (GTK_EDITABLE (self->video_row)));
  steady_session_series_set_clinician (series,
                                       gtk_editable_get_text (GTK_EDITABLE (self->clinician_row)));
  steady_session_series_set_notes (series, notes);

  start = g_strdup_printf ("%04d%02d%02dT%02d%02d00", g_date_time_get_year (date),
                           g_date_time_get_month (date), g_date_time_get_day_of_month (date),
                           gtk_spin_button_get_value_as_int (self->hour_spin),
                           gtk_spin_button_get_value_as_int (self->minute_spin));
  steady_session_series_set_start (series, start,
                                   self->occurrence != NULL ? series->tzid
                                                            : local_tzid (self->store));
  series->duration_minutes = gtk_spin_button_get_value_as_int (self->duration_spin);
  steady_session_series_set_rrule (series, rrule);

  for (guint i = 0; i < G_N_ELEMENTS (reminder_choices); i++)
    if (gtk_check_button_get_active (self->reminder_checks[i]))
      offsets[n_offsets++] = reminder_choices[i].minutes;
  steady_session_series_set_reminder_offsets (series, offsets, n_offsets);

  return g_steal_pointer (&series);
}

gboolean
steady_session_editor_save (SteadySessionEditor  *self,
                            SteadyEditScope       scope,
                            GError              **error)
{
  g_autoptr(SteadySessionSeries) series = NULL;
  SteadyAttendance attendance;
  const char *note;

  g_return_val_if_fail (STEADY_IS_SESSION_EDITOR (self), FALSE);

  if (self->occurrence != NULL)
    {
      attendance = adw_combo_row_get_selected (self->attendance_row);
      note = gtk_editable_get_text (GTK_EDITABLE (self->attendance_note_row));
      if (!steady_occurrence_store_set_attendance (self->occurrences,
                                                   self->occurrence->series->uuid,
                                                   self->occurrence->original_start_local,
                                                   attendance, note, error))
        return FALSE;
    }

  if (self->occurrence == NULL || self->details_changed)
    {
      series = build_series (self);
      if (self->occurrence == NULL)
        {
          if (!steady_session_store_add_series (self->store, series, error))
            return FALSE;
        }
      else if (!steady_session_store_edit_occurrence (self->store, self->occurrence->series->uuid,
                                                      self->occurrence->original_start_local,
                                                      series, scope, NULL, error))
        {
          return FALSE;
        }
    }
  emit_changed (self);
  return TRUE;
}

static void
save_with_scope (SteadySessionEditor *self,
                 SteadyEditScope      scope)
{
  g_autoptr(GError) error = NULL;

  if (!steady_session_editor_save (self, scope, &error))
    {
      show_error (self, _("The session could not be saved"), error);
      return;
    }
  close_editor (self);
}

static SteadyEditScope
scope_from_response (const char *response)
{
  if (g_strcmp0 (response, "this") == 0)
    return STEADY_EDIT_SCOPE_THIS;
  if (g_strcmp0 (response, "following") == 0)
    return STEADY_EDIT_SCOPE_THIS_AND_FOLLOWING;
  return STEADY_EDIT_SCOPE_ALL;
}

static void
add_scope_responses (AdwMessageDialog *dialog)
{
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "this", _("_This Session"),
                                    "following", _("This and _Following"),
                                    "all", _("_All Sessions"),
                                    NULL);
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_default_response (dialog, "this");
}

static void
save_scope_response_cb (AdwMessageDialog    *dialog,
                        const char          *response,
                        SteadySessionEditor *self)
{
  if (g_strcmp0 (response, "cancel") != 0)
    save_with_scope (self, scope_from_response (response));
}

static gboolean
is_repeating (SteadySessionEditor *self)
{
  return self->occurrence != NULL && steady_session_series_is_recurring (self->occurrence->series);
}

static void
save_clicked_cb (SteadySessionEditor *self)
{
  GtkWidget *dialog;

  if (!is_repeating (self) || !self->details_changed)
    {
      save_with_scope (self, STEADY_EDIT_SCOPE_ALL);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Change Which Sessions?"),
                                   _("This session repeats. Change only this one, this one and "
                                     "the ones after it, or every session of the series?"));
  add_scope_responses (ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_scope_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    SteadySessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_strcmp0 (response, "cancel") == 0)
    return;
  if (g_strcmp0 (response, "delete") == 0)
    ok = steady_session_store_delete_series (self->store, self->occurrence->series->uuid, &error);
  else
    ok = steady_session_store_delete_occurrence (self->store, self->occurrence->series->uuid,
                                                 self->occurrence->original_start_local,
                                                 scope_from_response (response), &error);
  if (!ok)
    {
      show_error (self, _("The session could not be deleted"), error);
      return;
    }
  emit_changed (self);
  close_editor (self);
}

static void
delete_clicked_cb (SteadySessionEditor *self)
{
  GtkWidget *dialog;

  g_return_if_fail (self->occurrence != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete Session?"), NULL);
  if (is_repeating (self))
    {
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                   _("This session repeats. Delete only this one, this one and "
                                     "the ones after it, or every session of the series? What "
                                     "you wrote about deleted sessions is deleted too."));
      add_scope_responses (ADW_MESSAGE_DIALOG (dialog));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "all",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  else
    {
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                   _("The session, its attendance and its “bring this up” list "
                                     "are deleted."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_session_clicked_cb (SteadySessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean cancelled;

  g_return_if_fail (self->occurrence != NULL);

  cancelled = (self->occurrence->flags & STEADY_OCCURRENCE_CANCELLED) == 0;
  if (!steady_session_store_cancel_occurrence (self->store, self->occurrence->series->uuid,
                                               self->occurrence->original_start_local,
                                               cancelled, &error))
    {
      show_error (self, _("The session could not be changed"), error);
      return;
    }
  emit_changed (self);
  close_editor (self);
}

/* "Bring this up" -------------------------------------------------------------------------- */

static void reload_bring_up (SteadySessionEditor *self);

static void
bring_up_done_toggled_cb (GtkCheckButton      *check,
                          SteadySessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *uuid = g_object_get_data (G_OBJECT (check), "uuid");

  if (!steady_occurrence_store_set_bring_up_done (self->occurrences, uuid,
                                                  gtk_check_button_get_active (check), &error))
    show_error (self, _("The item could not be saved"), error);
  else
    emit_changed (self);
}

static void
bring_up_remove_clicked_cb (GtkButton           *button,
                            SteadySessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *uuid = g_object_get_data (G_OBJECT (button), "uuid");

  if (!steady_occurrence_store_remove_bring_up (self->occurrences, uuid, &error))
    show_error (self, _("The item could not be removed"), error);
  reload_bring_up (self);
  emit_changed (self);
}

static void
reload_bring_up (SteadySessionEditor *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->bring_up_list))) != NULL &&
         child != GTK_WIDGET (self->bring_up_entry))
    gtk_list_box_remove (self->bring_up_list, child);

  items = steady_occurrence_store_list_bring_up (self->occurrences,
                                                 self->occurrence->series->uuid,
                                                 self->occurrence->original_start_local, &error);
  if (items == NULL)
    {
      show_error (self, _("The “bring this up” list could not be read"), error);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    {
      SteadyBringUpItem *item = g_ptr_array_index (items, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), item->done);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (check), "uuid", g_strdup (item->uuid), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (bring_up_done_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove"), -1);
      g_object_set_data_full (G_OBJECT (remove), "uuid", g_strdup (item->uuid), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (bring_up_remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      gtk_list_box_insert (self->bring_up_list, row, (int)i);
    }
}

static void
bring_up_apply_cb (SteadySessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyBringUpItem) item = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (
    GTK_EDITABLE (self->bring_up_entry))));

  if (text[0] == '\0')
    return;
  item = steady_occurrence_store_add_bring_up (self->occurrences, self->occurrence->series->uuid,
                                               self->occurrence->original_start_local, text,
                                               NULL, &error);
  if (item == NULL)
    {
      show_error (self, _("The item could not be saved"), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->bring_up_entry), "");
  reload_bring_up (self);
  emit_changed (self);
}

/* Loading --------------------------------------------------------------------------------- */

static void
set_reminders (SteadySessionEditor *self,
               GArray              *offsets)
{
  for (guint i = 0; i < G_N_ELEMENTS (reminder_choices); i++)
    {
      gboolean on = FALSE;

      for (guint j = 0; offsets != NULL && j < offsets->len; j++)
        on = on || g_array_index (offsets, int, j) == reminder_choices[i].minutes;
      gtk_check_button_set_active (self->reminder_checks[i], on);
    }
}

static void
load_new (SteadySessionEditor *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  int defaults[] = { STEADY_REMINDER_DEFAULT_DAY_BEFORE, STEADY_REMINDER_DEFAULT_HOUR_BEFORE };
  g_autoptr(GDateTime) later = g_date_time_add_weeks (tomorrow, 8);
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (int));

  gtk_calendar_select_day (self->date_calendar, tomorrow);
  gtk_calendar_select_day (self->until_calendar, later);
  gtk_spin_button_set_value (self->hour_spin, 9);
  gtk_spin_button_set_value (self->minute_spin, 0);
  g_array_append_vals (offsets, defaults, G_N_ELEMENTS (defaults));
  set_reminders (self, offsets);
}

static void
load_occurrence (SteadySessionEditor *self)
{
  SteadyOccurrence *occurrence = self->occurrence;
  g_autoptr(GDateTime) start = parse_wall (occurrence->start_local);
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  SteadyAttendance attendance = STEADY_ATTENDANCE_UNKNOWN;

  gtk_window_set_title (GTK_WINDOW (self), _("Session"));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), occurrence->title);
  adw_combo_row_set_selected (self->kind_row, occurrence->kind);
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), occurrence->place);
  gtk_editable_set_text (GTK_EDITABLE (self->video_row), occurrence->video_link);
  gtk_editable_set_text (GTK_EDITABLE (self->clinician_row), occurrence->clinician);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), occurrence->notes, -1);

  if (start != NULL)
    {
      day = g_date_time_new_local (g_date_time_get_year (start), g_date_time_get_month (start),
                                   g_date_time_get_day_of_month (start), 0, 0, 0);
      gtk_calendar_select_day (self->date_calendar, day);
      gtk_calendar_select_day (self->until_calendar, day);
      gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (start));
      gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (start));
    }
  gtk_spin_button_set_value (self->duration_spin,
                             (double)(occurrence->end_us - occurrence->start_us) /
                             G_TIME_SPAN_MINUTE);
  self->original_rrule = g_strdup (occurrence->series->rrule);
  load_rrule (self, occurrence->series->rrule);
  set_reminders (self, occurrence->series->reminder_offsets);

  if (steady_occurrence_store_get_attendance (self->occurrences, occurrence->series->uuid,
                                              occurrence->original_start_local, &attendance,
                                              &note, &error))
    {
      adw_combo_row_set_selected (self->attendance_row, attendance);
      gtk_editable_set_text (GTK_EDITABLE (self->attendance_note_row), note != NULL ? note : "");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->session_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->bring_up_group), TRUE);
  gtk_widget_set_visible (self->delete_group, TRUE);
  if (occurrence->flags & STEADY_OCCURRENCE_CANCELLED)
    gtk_button_set_label (GTK_BUTTON (self->cancel_session_button), _("Restore This Session"));
  reload_bring_up (self);
}

SteadySessionEditor *
steady_session_editor_new (GtkWindow             *parent,
                           SteadySessionStore    *store,
                           SteadyOccurrenceStore *occurrences,
                           SteadyOccurrence      *occurrence)
{
  SteadySessionEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEADY_IS_SESSION_STORE (store), NULL);
  g_return_val_if_fail (STEADY_IS_OCCURRENCE_STORE (occurrences), NULL);

  self = g_object_new (STEADY_TYPE_SESSION_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->occurrences = g_object_ref (occurrences);
  self->occurrence = occurrence != NULL ? steady_occurrence_ref (occurrence) : NULL;

  self->loading = TRUE;
  if (occurrence != NULL)
    load_occurrence (self);
  else
    load_new (self);
  self->loading = FALSE;
  sync_repeat_rows (self);
  update_date_labels (self);
  return self;
}

static void
steady_session_editor_dispose (GObject *object)
{
  SteadySessionEditor *self = STEADY_SESSION_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->occurrences);
  g_clear_pointer (&self->occurrence, steady_occurrence_unref);
  g_clear_pointer (&self->original_rrule, g_free);

  G_OBJECT_CLASS (steady_session_editor_parent_class)->dispose (object);
}

static void
steady_session_editor_class_init (SteadySessionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_session_editor_dispose;

  /**
   * SteadySessionEditor::changed:
   *
   * Something about the calendar was saved: a session, attendance or an item.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/calendar/steady-session-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, name)
  BIND (cancel_button);
  BIND (save_button);
  BIND (session_group);
  BIND (attendance_row);
  BIND (attendance_note_row);
  BIND (bring_up_group);
  BIND (bring_up_list);
  BIND (bring_up_entry);
  BIND (title_row);
  BIND (kind_row);
  BIND (date_button);
  BIND (date_calendar);
  BIND (hour_spin);
  BIND (minute_spin);
  BIND (duration_spin);
  BIND (repeat_switch);
  BIND (repeat_group);
  BIND (weekday_box);
  BIND (interval_row);
  BIND (interval_spin);
  BIND (ends_row);
  BIND (count_row);
  BIND (count_spin);
  BIND (until_row);
  BIND (until_button);
  BIND (until_calendar);
  BIND (place_row);
  BIND (video_row);
  BIND (clinician_row);
  BIND (notes_view);
  BIND (reminder_group);
  BIND (delete_group);
  BIND (cancel_session_button);
  BIND (delete_button);
#undef BIND

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* Hours and minutes read as a clock does: 09:05, not 9:5. */
static gboolean
two_digits_output_cb (GtkSpinButton *spin,
                      gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
steady_session_editor_init (SteadySessionEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) monday = g_date_time_new_local (2024, 1, 1, 0, 0, 0);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < STEADY_SESSION_N_KINDS; i++)
    gtk_string_list_append (kinds, steady_session_kind_get_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  /* 1 January 2024 was a Monday: the weekday buttons take their short names from it. */
  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (monday, (int)i);
      g_autofree char *abbreviation = g_date_time_format (day, "%a");
      g_autofree char *name = g_date_time_format (day, "%A");
      GtkWidget *toggle = gtk_toggle_button_new_with_label (abbreviation);

      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      gtk_widget_add_css_class (toggle, "circular");
      g_signal_connect_swapped (toggle, "toggled", G_CALLBACK (rule_changed_cb), self);
      gtk_box_append (GTK_BOX (self->weekday_box), toggle);
      self->weekday_toggles[i] = GTK_TOGGLE_BUTTON (toggle);
    }

  for (guint i = 0; i < G_N_ELEMENTS (reminder_choices); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(reminder_choices[i].label));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (details_changed_cb), self);
      adw_preferences_group_add (self->reminder_group, row);
      self->reminder_checks[i] = GTK_CHECK_BUTTON (check);
    }

  g_signal_connect (self->hour_spin, "output", G_CALLBACK (two_digits_output_cb), NULL);
  g_signal_connect (self->minute_spin, "output", G_CALLBACK (two_digits_output_cb), NULL);
  gtk_spin_button_update (self->hour_spin);
  gtk_spin_button_update (self->minute_spin);

  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (gtk_window_destroy), self);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (delete_clicked_cb), self);
  g_signal_connect_swapped (self->cancel_session_button, "clicked",
                            G_CALLBACK (cancel_session_clicked_cb), self);
  g_signal_connect_swapped (self->bring_up_entry, "apply", G_CALLBACK (bring_up_apply_cb), self);
  g_signal_connect_swapped (self->bring_up_entry, "entry-activated",
                            G_CALLBACK (bring_up_apply_cb), self);

  g_signal_connect_swapped (self->repeat_switch, "notify::active", G_CALLBACK (rule_changed_cb),
                            self);
  g_signal_connect_swapped (self->ends_row, "notify::selected", G_CALLBACK (rule_changed_cb), self);
  g_signal_connect_swapped (self->interval_spin, "value-changed", G_CALLBACK (rule_changed_cb),
                            self);
  g_signal_connect_swapped (self->count_spin, "value-changed", G_CALLBACK (rule_changed_cb), self);
  g_signal_connect_swapped (self->until_calendar, "day-selected", G_CALLBACK (rule_changed_cb),
                            self);
  g_signal_connect_swapped (self->date_calendar, "day-selected", G_CALLBACK (details_changed_cb),
                            self);
  g_signal_connect_swapped (self->hour_spin, "value-changed", G_CALLBACK (details_changed_cb),
                            self);
  g_signal_connect_swapped (self->minute_spin, "value-changed", G_CALLBACK (details_changed_cb),
                            self);
  g_signal_connect_swapped (self->duration_spin, "value-changed", G_CALLBACK (details_changed_cb),
                            self);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (details_changed_cb),
                            self);
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (details_changed_cb), self);
  g_signal_connect_swapped (self->place_row, "changed", G_CALLBACK (details_changed_cb), self);
  g_signal_connect_swapped (self->video_row, "changed", G_CALLBACK (details_changed_cb), self);
  g_signal_connect_swapped (self->clinician_row, "changed", G_CALLBACK (details_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (details_changed_cb), self);
}
