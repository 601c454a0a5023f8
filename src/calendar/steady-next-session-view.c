/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-next-session-view.c: the next session — title, when, a countdown such as "in 2 hours",
 * place, and its "bring this up" list — or "No upcoming sessions". It looks again each
 * minute, on the minute, so the countdown never lags the clock by more than a tick. */

#define G_LOG_DOMAIN "steady-next-session-view"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-agenda-row.h"
#include "steady-application.h"
#include "steady-next-session-view.h"
#include "steady-occurrence-store.h"
#include "steady-session-store.h"

/* How far ahead the card looks for the next session. */
#define LOOK_AHEAD_DAYS 60

struct _SteadyNextSessionView
{
  AdwBin                 parent_instance;

  /* owned widgets */
  GtkWidget             *title;
  GtkWidget             *when;
  GtkWidget             *countdown;
  GtkWidget             *place;
  GtkWidget             *bring_up_heading;
  GtkWidget             *bring_up_box;

  /* owned */
  SteadyDatabase        *database;
  SteadySessionStore    *store;
  SteadyOccurrenceStore *occurrences;

  gint64                 fixed_now_us;  /* 0: the real clock */
  guint                  timeout_id;
};

G_DEFINE_FINAL_TYPE (SteadyNextSessionView, steady_next_session_view, ADW_TYPE_BIN)

GtkWidget *
steady_next_session_view_new (void)
{
  return g_object_new (STEADY_TYPE_NEXT_SESSION_VIEW, NULL);
}

/* "in 2 hours", "in 25 minutes", "in 3 days", "now": rounded down, as people say it. */
char *
steady_format_countdown (gint64 from_us,
                         gint64 to_us)
{
  gint64 minutes = (to_us - from_us) / G_TIME_SPAN_MINUTE;

  if (minutes <= 0)
    /* Translators: a session that has begun and not yet ended. */
    return g_strdup (_("now"));
  if (minutes < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d minute", "in %d minutes",
                                         minutes), (int)minutes);
  if (minutes < 48 * 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d hour", "in %d hours",
                                         minutes / 60), (int)(minutes / 60));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day", "in %d days",
                                       minutes / (24 * 60)), (int)(minutes / (24 * 60)));
}

static gint64
get_now (SteadyNextSessionView *self)
{
  return self->fixed_now_us != 0 ? self->fixed_now_us : g_get_real_time ();
}

static gboolean
ensure_store (SteadyNextSessionView *self)
{
  if (self->store != NULL)
    return TRUE;
  if (self->database == NULL)
    {
      GApplication *app = g_application_get_default ();

      if (!STEADY_IS_APPLICATION (app) ||
          steady_application_get_database (STEADY_APPLICATION (app)) == NULL)
        return FALSE;
      self->database = g_object_ref (steady_application_get_database (STEADY_APPLICATION (app)));
    }
  self->store = steady_session_store_new (self->database);
  self->occurrences = steady_occurrence_store_new (self->database);
  return TRUE;
}

static void
show_empty (SteadyNextSessionView *self)
{
  gtk_label_set_label (GTK_LABEL (self->title), _("No upcoming sessions"));
  gtk_widget_set_visible (self->when, FALSE);
  gtk_widget_set_visible (self->countdown, FALSE);
  gtk_widget_set_visible (self->place, FALSE);
  gtk_widget_set_visible (self->bring_up_heading, FALSE);
  gtk_widget_set_visible (self->bring_up_box, FALSE);
}

static void
show_bring_up (SteadyNextSessionView *self,
               SteadyOccurrence      *occurrence)
{
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->bring_up_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->bring_up_box), child);

  items = steady_occurrence_store_list_bring_up (self->occurrences, occurrence->series->uuid,
                                                 occurrence->original_start_local, NULL);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      SteadyBringUpItem *item = g_ptr_array_index (items, i);
      g_autofree char *text = g_strdup_printf ("%s %s", item->done ? "✓" : "•", item->text);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      if (item->done)
        gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (self->bring_up_box), label);
    }
  gtk_widget_set_visible (self->bring_up_heading, items != NULL && items->len > 0);
  gtk_widget_set_visible (self->bring_up_box, items != NULL && items->len > 0);
}

void
steady_next_session_view_refresh (SteadyNextSessionView *self)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  g_autofree char *when = NULL;
  g_autofree char *countdown = NULL;
  SteadyOccurrence *next = NULL;
  gint64 now;
  const char *where;

  g_return_if_fail (STEADY_IS_NEXT_SESSION_VIEW (self));

  if (!ensure_store (self))
    {
      show_empty (self);
      return;
    }
  now = get_now (self);
  found = steady_session_store_expand (self->store, now - G_TIME_SPAN_DAY,
                                       now + LOOK_AHEAD_DAYS * G_TIME_SPAN_DAY, NULL, NULL);
  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      SteadyOccurrence *occurrence = g_ptr_array_index (found, i);

      if (occurrence->end_us > now && !(occurrence->flags & STEADY_OCCURRENCE_CANCELLED))
        {
          next = occurrence;
          break;
        }
    }
  if (next == NULL)
    {
      show_empty (self);
      return;
    }

  gtk_label_set_label (GTK_LABEL (self->title), next->title);
  start = g_date_time_new_from_unix_local (next->start_us / G_USEC_PER_SEC);
  /* Translators: the day of the next session; see g_date_time_format(). */
  day = g_date_time_format (start, _("%A %-d %B"));
  time = steady_agenda_format_time_range (next);
  /* Translators: the day, then the time of the next session. */
  when = g_strdup_printf (_("%s, %s"), day, time);
  gtk_label_set_label (GTK_LABEL (self->when), when);
  countdown = steady_format_countdown (now, next->start_us);
  gtk_label_set_label (GTK_LABEL (self->countdown), countdown);
  where = next->place[0] != '\0' ? next->place : next->video_link;
  gtk_label_set_label (GTK_LABEL (self->place), where);

  gtk_widget_set_visible (self->when, TRUE);
  gtk_widget_set_visible (self->countdown, TRUE);
  gtk_widget_set_visible (self->place, where[0] != '\0');
  show_bring_up (self, next);
}

void
steady_next_session_view_set_database (SteadyNextSessionView *self,
                                       SteadyDatabase        *database)
{
  g_return_if_fail (STEADY_IS_NEXT_SESSION_VIEW (self));
  g_return_if_fail (database == NULL || STEADY_IS_DATABASE (database));

  g_clear_object (&self->store);
  g_clear_object (&self->occurrences);
  g_set_object (&self->database, database);
  steady_next_session_view_refresh (self);
}

/* Tests show the card at a chosen moment. */
void
steady_next_session_view_set_now (SteadyNextSessionView *self,
                                  gint64                 now_us)
{
  g_return_if_fail (STEADY_IS_NEXT_SESSION_VIEW (self));

  self->fixed_now_us = now_us;
  steady_next_session_view_refresh (self);
}

const char *
steady_next_session_view_get_title (SteadyNextSessionView *self)
{
  g_return_val_if_fail (STEADY_IS_NEXT_SESSION_VIEW (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->title));
}

const char *
steady_next_session_view_get_countdown (SteadyNextSessionView *self)
{
  g_return_val_if_fail (STEADY_IS_NEXT_SESSION_VIEW (self), NULL);

  if (!gtk_widget_get_visible (self->countdown))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (self->countdown));
}

static gboolean minute_cb (gpointer user_data);

static void
schedule_next_minute (SteadyNextSessionView *self)
{
  gint64 now = g_get_real_time ();
  guint ms = (guint)((G_TIME_SPAN_MINUTE - now % G_TIME_SPAN_MINUTE) / 1000) + 1;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (ms, minute_cb, self);
}

static gboolean
minute_cb (gpointer user_data)
{
  SteadyNextSessionView *self = user_data;

  self->timeout_id = 0;
  steady_next_session_view_refresh (self);
  schedule_next_minute (self);
  return G_SOURCE_REMOVE;
}

/* Only a card on screen keeps time; one that is hidden wakes nothing. */
static void
steady_next_session_view_map (GtkWidget *widget)
{
  SteadyNextSessionView *self = STEADY_NEXT_SESSION_VIEW (widget);

  GTK_WIDGET_CLASS (steady_next_session_view_parent_class)->map (widget);
  steady_next_session_view_refresh (self);
  schedule_next_minute (self);
}

static void
steady_next_session_view_unmap (GtkWidget *widget)
{
  SteadyNextSessionView *self = STEADY_NEXT_SESSION_VIEW (widget);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  GTK_WIDGET_CLASS (steady_next_session_view_parent_class)->unmap (widget);
}

static void
steady_next_session_view_dispose (GObject *object)
{
  SteadyNextSessionView *self = STEADY_NEXT_SESSION_VIEW (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->occurrences);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (steady_next_session_view_parent_class)->dispose (object);
}

static void
steady_next_session_view_class_init (SteadyNextSessionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_next_session_view_dispose;
  widget_class->map = steady_next_session_view_map;
  widget_class->unmap = steady_next_session_view_unmap;
}

static GtkWidget *
add_label (GtkWidget  *box,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static void
steady_next_session_view_init (SteadyNextSessionView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *caption;

  steady_calendar_ensure_style ();
  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_add_css_class (box, "next-session-view");
  caption = add_label (box, "caption-heading");
  gtk_label_set_label (GTK_LABEL (caption), _("Next Session"));
  gtk_widget_add_css_class (caption, "dim-label");
  self->title = add_label (box, "title-3");
  self->countdown = add_label (box, "accent");
  self->when = add_label (box, NULL);
  self->place = add_label (box, "dim-label");
  self->bring_up_heading = add_label (box, "heading");
  gtk_label_set_label (GTK_LABEL (self->bring_up_heading), _("Bring This Up"));
  gtk_widget_set_margin_top (self->bring_up_heading, 6);
  self->bring_up_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_box_append (GTK_BOX (box), self->bring_up_box);
  adw_bin_set_child (ADW_BIN (self), box);
  show_empty (self);
}
