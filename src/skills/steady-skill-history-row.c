/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-history-row.c: one thing done on the Skills page, as the history lists it:
 * what it was, when, its first words or search snippet, and whether it is private. */

#define G_LOG_DOMAIN "steady-skill-history-row"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-journal-search.h"
#include "steady-skill-history-row.h"
#include "steady-skills-library.h"

struct _SteadySkillHistoryRow
{
  AdwActionRow       parent_instance;

  /* children */
  GtkWidget         *delete_button;

  /* owned */
  SteadyHistoryItem *item;
};

G_DEFINE_FINAL_TYPE (SteadySkillHistoryRow, steady_skill_history_row, ADW_TYPE_ACTION_ROW)

/**
 * steady_skill_history_kind_get_title:
 * @kind: a SteadySkillKind or SteadyHistoryKind
 *
 * Returns: what the history calls a record of @kind, translated
 */
const char *
steady_skill_history_kind_get_title (int kind)
{
  g_return_val_if_fail (kind >= 0 && kind < STEADY_N_HISTORY_KINDS, NULL);

  if (kind < STEADY_N_SKILL_KINDS)
    return steady_skill_kind_get_title ((SteadySkillKind)kind);
  switch (kind)
    {
    case STEADY_HISTORY_DIARY_CARD:
      return _("Diary card");
    case STEADY_HISTORY_SKILL_USE:
      /* Translators: a skill of the library logged with "I used this", in the history. */
      return _("Skill used");
    case STEADY_HISTORY_PRACTICE:
      return _("Breathing or mindfulness");
    default:
      g_assert_not_reached ();
    }
}

/* The kind's title, more precise for practices, whose detail says which. */
static const char *
item_title (const SteadyHistoryItem *item)
{
  if (item->kind == STEADY_HISTORY_PRACTICE)
    return g_strcmp0 (item->detail, "mindfulness") == 0 ? _("Mindfulness sit")
                                                         : _("Breathing practice");
  return steady_skill_history_kind_get_title (item->kind);
}

static GDateTime *
item_local_time (const SteadyHistoryItem *item)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (item->utc_offset_s);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (item->time_us / G_USEC_PER_SEC);

  return g_date_time_to_timezone (utc, zone);
}

/* When, in words: a diary card is of a whole day; everything else has its time too. */
static char *
item_when (const SteadyHistoryItem *item)
{
  g_autoptr(GDateTime) when = item_local_time (item);

  if (item->kind == STEADY_HISTORY_DIARY_CARD)
    /* Translators: the day of a diary card in the Skills history, as g_date_time_format. */
    return g_date_time_format (when, C_("skills history day", "%A %-d %B %Y"));
  /* Translators: when a record in the Skills history was made, as g_date_time_format. */
  return g_date_time_format (when, C_("skills history time", "%a %-d %b %Y, %H:%M"));
}

/* The words shown under the title, as plain text: a record's first line, a skill's name. */
static char *
item_detail (const SteadyHistoryItem *item)
{
  const SteadySkill *skill;

  if (item->kind == STEADY_HISTORY_SKILL_USE)
    {
      skill = item->detail != NULL ? steady_skills_library_find (item->detail) : NULL;
      return g_strdup (skill != NULL ? _(skill->name) : "");
    }
  if (item->kind < STEADY_N_SKILL_KINDS)
    return g_strdup (item->detail != NULL ? item->detail : "");
  return g_strdup ("");
}

static SteadyHistoryItem *
item_copy (const SteadyHistoryItem *item)
{
  SteadyHistoryItem *copy = g_new0 (SteadyHistoryItem, 1);

  *copy = *item;
  copy->uuid = g_strdup (item->uuid);
  copy->detail = g_strdup (item->detail);
  copy->snippet = g_strdup (item->snippet);
  return copy;
}

static void
update_row (SteadySkillHistoryRow *self)
{
  const SteadyHistoryItem *item = self->item;
  g_autofree char *when = item_when (item);
  g_autofree char *detail = item_detail (item);
  g_autofree char *escaped_when = g_markup_escape_text (when, -1);
  g_autofree char *detail_markup = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *escaped_title = g_markup_escape_text (item_title (item), -1);

  /* A search hit shows the matching words in context, highlighted as the journal does. */
  if (item->snippet != NULL && item->snippet[0] != '\0')
    {
      g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (SteadyTextRange));
      g_autofree char *plain = steady_journal_search_split_marks (item->snippet, ranges);

      detail_markup = steady_journal_search_markup (plain, ranges);
      g_free (detail);
      detail = g_steal_pointer (&plain);
    }
  else
    {
      detail_markup = g_markup_escape_text (detail, -1);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), escaped_title);
  if (detail_markup[0] != '\0')
    /* Translators: a record's time, then its first words, in the Skills history. */
    subtitle = g_strdup_printf (C_("skills history", "%s · %s"), escaped_when, detail_markup);
  else
    subtitle = g_strdup (escaped_when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  if (item->private_)
    {
      GtkWidget *lock = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

      gtk_widget_set_tooltip_text (lock, _("Private: left out of every export"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (lock), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Private"), -1);
      gtk_widget_add_css_class (lock, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (self), lock);
    }

  /* A screen reader hears what it is first, then when, then its words. */
  if (item->private_)
    /* Translators: what a screen reader says for a private record in the Skills history:
     * its kind, when, and its first words. */
    accessible = g_strdup_printf (_("%s, %s, private. %s"), item_title (item), when, detail);
  else
    /* Translators: what a screen reader says for a record in the Skills history. */
    accessible = g_strdup_printf (_("%s, %s. %s"), item_title (item), when, detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self),
                                    steady_skill_history_row_can_open (self));
}

/* Last in the row, after the private mark. */
static void
add_delete_button (SteadySkillHistoryRow *self)
{
  self->delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (self->delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->delete_button, "flat");
  gtk_widget_set_tooltip_text (self->delete_button, _("Delete"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->delete_button);
}

GtkWidget *
steady_skill_history_row_new (const SteadyHistoryItem *item)
{
  SteadySkillHistoryRow *self;

  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (item->kind >= 0 && item->kind < STEADY_N_HISTORY_KINDS, NULL);

  self = g_object_new (STEADY_TYPE_SKILL_HISTORY_ROW, NULL);
  self->item = item_copy (item);
  update_row (self);
  add_delete_button (self);
  return GTK_WIDGET (self);
}

const SteadyHistoryItem *
steady_skill_history_row_get_item (SteadySkillHistoryRow *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_HISTORY_ROW (self), NULL);

  return self->item;
}

/* Exercises open in their editor, diary cards and skill logs on their day's card; a practice
 * has nothing more to show than its row. */
gboolean
steady_skill_history_row_can_open (SteadySkillHistoryRow *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_HISTORY_ROW (self), FALSE);

  return self->item->kind != STEADY_HISTORY_PRACTICE;
}

GtkWidget *
steady_skill_history_row_get_delete_button (SteadySkillHistoryRow *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_HISTORY_ROW (self), NULL);

  return self->delete_button;
}

static void
steady_skill_history_row_finalize (GObject *object)
{
  SteadySkillHistoryRow *self = STEADY_SKILL_HISTORY_ROW (object);

  g_clear_pointer (&self->item, steady_history_item_free);

  G_OBJECT_CLASS (steady_skill_history_row_parent_class)->finalize (object);
}

static void
steady_skill_history_row_class_init (SteadySkillHistoryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steady_skill_history_row_finalize;
}

static void
steady_skill_history_row_init (SteadySkillHistoryRow *self)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), TRUE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 2);
}
