/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-agenda-row.c: one session in the calendar's agenda list — time, title, kind, place or
 * video link, attendance at a glance, and a note when daylight saving time moved it. */

#define G_LOG_DOMAIN "steady-agenda-row"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-agenda-row.h"
#include "steady-session-kind.h"

struct _SteadyAgendaRow
{
  GtkListBoxRow     parent_instance;

  /* owned */
  SteadyOccurrence *occurrence;
};

G_DEFINE_FINAL_TYPE (SteadyAgendaRow, steady_agenda_row, GTK_TYPE_LIST_BOX_ROW)

/* The calendar's widgets share one small style sheet, loaded the first time one is made. */
void
steady_calendar_ensure_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/calendar/steady-calendar.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

char *
steady_agenda_format_time_range (const SteadyOccurrence *occurrence)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (occurrence != NULL, NULL);

  start = g_date_time_new_from_unix_local (occurrence->start_us / G_USEC_PER_SEC);
  end = g_date_time_new_from_unix_local (occurrence->end_us / G_USEC_PER_SEC);
  /* Translators: the time of day a session starts or ends; see g_date_time_format(). */
  from = g_date_time_format (start, _("%H:%M"));
  to = g_date_time_format (end, _("%H:%M"));
  /* Translators: a session's time, from its start to its end, e.g. "09:00 – 12:00". */
  return g_strdup_printf (_("%s – %s"), from, to);
}

static const char *
attendance_label (SteadyAttendance attendance)
{
  switch (attendance)
    {
    case STEADY_ATTENDANCE_ATTENDED:
      return _("Attended");
    case STEADY_ATTENDANCE_MISSED:
      return _("Missed");
    case STEADY_ATTENDANCE_CANCELLED:
      return _("Cancelled");
    case STEADY_ATTENDANCE_UNKNOWN:
    default:
      return NULL;
    }
}

static const char *
attendance_icon (SteadyAttendance attendance)
{
  switch (attendance)
    {
    case STEADY_ATTENDANCE_ATTENDED:
      return "object-select-symbolic";
    case STEADY_ATTENDANCE_MISSED:
      return "window-close-symbolic";
    case STEADY_ATTENDANCE_CANCELLED:
      return "action-unavailable-symbolic";
    case STEADY_ATTENDANCE_UNKNOWN:
    default:
      return NULL;
    }
}

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

GtkWidget *
steady_agenda_row_new (SteadyOccurrence *occurrence,
                       SteadyAttendance  attendance)
{
  SteadyAgendaRow *self;
  GtkWidget *box;
  GtkWidget *text;
  GtkWidget *time_label;
  g_autofree char *time = NULL;
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;
  const char *where;
  const char *status;
  gboolean cancelled;

  g_return_val_if_fail (occurrence != NULL, NULL);

  self = g_object_new (STEADY_TYPE_AGENDA_ROW, NULL);
  self->occurrence = steady_occurrence_ref (occurrence);
  cancelled = (occurrence->flags & STEADY_OCCURRENCE_CANCELLED) != 0;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "agenda-row");

  time = steady_agenda_format_time_range (occurrence);
  time_label = make_label (time, "numeric");
  gtk_widget_set_valign (time_label, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (time_label), FALSE);
  gtk_box_append (GTK_BOX (box), time_label);

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), make_label (occurrence->title, "heading"));

  where = occurrence->place[0] != '\0' ? occurrence->place : occurrence->video_link;
  if (where[0] != '\0')
    /* Translators: a session's kind, then its place or video link. */
    details = g_strdup_printf (_("%s · %s"), steady_session_kind_get_label (occurrence->kind),
                               where);
  else
    details = g_strdup (steady_session_kind_get_label (occurrence->kind));
  gtk_box_append (GTK_BOX (text), make_label (details, "dim-label"));

  if (occurrence->flags & STEADY_OCCURRENCE_SHIFTED_BY_GAP)
    gtk_box_append (GTK_BOX (text),
                    make_label (_("Moved later: the clocks went forward, so its usual time did "
                                  "not exist that day."), "warning"));
  gtk_box_append (GTK_BOX (box), text);

  status = cancelled ? _("Cancelled") : attendance_label (attendance);
  if (status != NULL)
    {
      GtkWidget *badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      const char *icon = cancelled ? attendance_icon (STEADY_ATTENDANCE_CANCELLED)
                                   : attendance_icon (attendance);
      GtkWidget *status_label = make_label (status, "caption");

      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (badge), gtk_image_new_from_icon_name (icon));
      /* A single word: it keeps its width rather than breaking into syllables. */
      gtk_label_set_wrap (GTK_LABEL (status_label), FALSE);
      gtk_box_append (GTK_BOX (badge), status_label);
      gtk_box_append (GTK_BOX (box), badge);
    }
  if (cancelled)
    gtk_widget_add_css_class (text, "dim-label");

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);

  {
    g_autoptr(GDateTime) start = g_date_time_new_from_unix_local (occurrence->start_us /
                                                                  G_USEC_PER_SEC);
    /* Translators: the day in a session's accessible name; see g_date_time_format(). */
    g_autofree char *day = g_date_time_format (start, _("%A %-d %B"));

    /* Translators: how a screen reader reads one session of the agenda: day, time, title,
     * kind and place, and what was recorded about it. */
    accessible = g_strdup_printf (_("%s, %s, %s, %s%s%s"), day, time, occurrence->title, details,
                                  status != NULL ? ", " : "", status != NULL ? status : "");
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return GTK_WIDGET (self);
}

SteadyOccurrence *
steady_agenda_row_get_occurrence (SteadyAgendaRow *self)
{
  g_return_val_if_fail (STEADY_IS_AGENDA_ROW (self), NULL);

  return self->occurrence;
}

/* "YYYY-MM-DD" of the local day the session starts on: rows of one day share a header. */
char *
steady_agenda_row_dup_day_key (SteadyAgendaRow *self)
{
  g_autoptr(GDateTime) start = NULL;

  g_return_val_if_fail (STEADY_IS_AGENDA_ROW (self), NULL);

  start = g_date_time_new_from_unix_local (self->occurrence->start_us / G_USEC_PER_SEC);
  return g_date_time_format (start, "%Y-%m-%d");
}

static void
steady_agenda_row_finalize (GObject *object)
{
  SteadyAgendaRow *self = STEADY_AGENDA_ROW (object);

  g_clear_pointer (&self->occurrence, steady_occurrence_unref);

  G_OBJECT_CLASS (steady_agenda_row_parent_class)->finalize (object);
}

static void
steady_agenda_row_class_init (SteadyAgendaRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steady_agenda_row_finalize;
}

static void
steady_agenda_row_init (SteadyAgendaRow *self)
{
}
