/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-entry-row.c: one check-in in the journal list: time, mood in words and a face,
 * emotions and the note's first line; the first of a day also carries the day's heading. */

#define G_LOG_DOMAIN "steady-entry-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "steady-entry-row.h"
#include "steady-mood-chart.h"

struct _SteadyEntryRow
{
  GtkWidget        parent_instance;

  /* template widgets */
  GtkWidget       *heading_box;
  GtkLabel        *day_label;
  GtkImage        *day_icon;
  GtkLabel        *day_mood_label;
  GtkWidget       *card;
  GtkImage        *mood_icon;
  GtkLabel        *title_label;
  GtkLabel        *emotions_label;
  GtkLabel        *note_label;
  GtkWidget       *menu_button;

  /* owned */
  SteadyMoodEntry *entry;
};

G_DEFINE_FINAL_TYPE (SteadyEntryRow, steady_entry_row, GTK_TYPE_WIDGET)

enum {
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
steady_entry_row_new (void)
{
  return g_object_new (STEADY_TYPE_ENTRY_ROW, NULL);
}

/* The note's first non-empty line, short enough for one row. */
static char *
first_line (const char *note)
{
  g_auto(GStrv) lines = g_strsplit (note != NULL ? note : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        return g_utf8_substring (lines[i], 0, MIN (g_utf8_strlen (lines[i], -1), 200));
    }
  return g_strdup ("");
}

static char *
join_emotions (SteadyMoodEntry *entry)
{
  GPtrArray *emotions = steady_mood_entry_get_emotions (entry);
  GPtrArray *tags = steady_mood_entry_get_tags (entry);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; emotions != NULL && i < emotions->len; i++)
    {
      SteadyMoodEmotion *emotion = g_ptr_array_index (emotions, i);

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, emotion->name != NULL ? emotion->name : "");
    }
  for (guint i = 0; tags != NULL && i < tags->len; i++)
    {
      SteadyMoodTag *tag = g_ptr_array_index (tags, i);

      /* Emotions and activities are told apart by a dot between them. */
      g_string_append (text, i == 0 ? (text->len > 0 ? " · " : "") : ", ");
      g_string_append (text, tag->name != NULL ? tag->name : "");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * steady_entry_row_set_entry:
 * @note_markup: (nullable): Pango markup to show instead of the note's first line, such as
 *   a search snippet with its matches highlighted
 */
void
steady_entry_row_set_entry (SteadyEntryRow  *self,
                            SteadyMoodEntry *entry,
                            const char      *note_markup)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *time = NULL;
  g_autofree char *title = NULL;
  g_autofree char *emotions = NULL;
  g_autofree char *note = NULL;
  g_autofree char *accessible = NULL;
  int mood;

  g_return_if_fail (STEADY_IS_ENTRY_ROW (self));
  g_return_if_fail (STEADY_IS_MOOD_ENTRY (entry));

  g_set_object (&self->entry, entry);
  when = steady_mood_entry_dup_local_time (entry);
  mood = steady_mood_entry_get_mood (entry);
  /* Translators: the time of a check-in in the journal list; see g_date_time_format(). */
  time = g_date_time_format (when, _("%H:%M"));
  /* Translators: a check-in's time and mood in words, e.g. "18:05 · Good". */
  title = g_strdup_printf (_("%s · %s"), time, steady_mood_word (mood));
  gtk_label_set_text (self->title_label, title);
  gtk_image_set_from_icon_name (self->mood_icon, steady_mood_icon_name (mood));

  emotions = join_emotions (entry);
  gtk_label_set_text (self->emotions_label, emotions);
  gtk_widget_set_visible (GTK_WIDGET (self->emotions_label), emotions[0] != '\0');

  if (note_markup != NULL)
    {
      gtk_label_set_markup (self->note_label, note_markup);
      gtk_widget_set_visible (GTK_WIDGET (self->note_label), note_markup[0] != '\0');
    }
  else
    {
      note = first_line (steady_mood_entry_get_note (entry));
      gtk_label_set_text (self->note_label, note);
      gtk_widget_set_visible (GTK_WIDGET (self->note_label), note[0] != '\0');
    }

  /* Translators: what a screen reader says for a check-in: time, mood, feelings. */
  accessible = g_strdup_printf (_("Check-in at %s, mood: %s. %s"), time,
                                steady_mood_word (mood), emotions);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

SteadyMoodEntry *
steady_entry_row_get_entry (SteadyEntryRow *self)
{
  g_return_val_if_fail (STEADY_IS_ENTRY_ROW (self), NULL);

  return self->entry;
}

/**
 * steady_entry_row_set_day_heading:
 * @day: (nullable): the day's summary when this is its first check-in, else %NULL
 */
void
steady_entry_row_set_day_heading (SteadyEntryRow         *self,
                                  const SteadyDaySummary *day)
{
  g_return_if_fail (STEADY_IS_ENTRY_ROW (self));

  gtk_widget_set_visible (self->heading_box, day != NULL);
  if (day != NULL)
    {
      GDate date;
      char text[128];
      int rounded = (int)lround (day->mean_mood);
      g_autofree char *mood = NULL;

      steady_journal_day_to_date (day->day, &date);
      /* Translators: a day's heading in the journal; see g_date_strftime(). */
      g_date_strftime (text, sizeof text, _("%A %-d %B %Y"), &date);
      gtk_label_set_text (self->day_label, text);
      gtk_image_set_from_icon_name (self->day_icon, steady_mood_icon_name (rounded));
      if (day->n_entries > 1)
        /* Translators: a day's mood at a glance: the word, then the mean of its check-ins. */
        mood = g_strdup_printf (_("%s (%.1f)"), steady_mood_word (rounded), day->mean_mood);
      else
        mood = g_strdup (steady_mood_word (rounded));
      gtk_label_set_text (self->day_mood_label, mood);
    }
}

/* Rows in the journal list are cards of their own; inside a boxed list they need no frame. */
void
steady_entry_row_set_framed (SteadyEntryRow *self,
                             gboolean        framed)
{
  g_return_if_fail (STEADY_IS_ENTRY_ROW (self));

  if (framed)
    gtk_widget_add_css_class (self->card, "card");
  else
    gtk_widget_remove_css_class (self->card, "card");
}

/* The row's menu (Delete) shows in lists; a row shown alone, as on Today, has none. */
void
steady_entry_row_set_show_menu (SteadyEntryRow *self,
                                gboolean        show)
{
  g_return_if_fail (STEADY_IS_ENTRY_ROW (self));

  gtk_widget_set_visible (self->menu_button, show);
}

static void
delete_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SteadyEntryRow *self = STEADY_ENTRY_ROW (widget);

  if (self->entry != NULL)
    g_signal_emit (self, signals[DELETE_REQUESTED], 0, self->entry);
}

static void
steady_entry_row_dispose (GObject *object)
{
  SteadyEntryRow *self = STEADY_ENTRY_ROW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (steady_entry_row_parent_class)->dispose (object);
}

static void
steady_entry_row_class_init (SteadyEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_entry_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/journal/steady-entry-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryRow, heading_box);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryRow, day_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryRow, day_icon);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryRow, day_mood_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryRow, card);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryRow, mood_icon);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryRow, emotions_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryRow, menu_button);

  /* The user chose Delete in the row's menu; the list deletes, with Undo. */
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, STEADY_TYPE_MOOD_ENTRY);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, delete_activated_cb);
}

static void
steady_entry_row_init (SteadyEntryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
