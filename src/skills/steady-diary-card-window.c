/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-diary-card-window.c: the diary card of one local day: the person's emotions and
 * urges 0–5, distress 0–10 and skills 0–7, kept as a draft within a second of each change,
 * saved whole; previous and next day, delete with undo, and the week view. */

#define G_LOG_DOMAIN "steady-diary-card-window"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "steady-diary-card-window.h"
#include "steady-diary-store.h"
#include "steady-diary-targets-dialog.h"
#include "steady-draft-offer-view.h"
#include "steady-draft-store.h"
#include "steady-journal-common.h"
#include "steady-skills-library.h"
#include "steady-week-start.h"

/* As the journal's editor: soon enough that a crash loses a second, seldom enough to be free. */
#define DRAFT_DELAY_MS 800

struct _SteadyDiaryCardWindow
{
  AdwWindow             parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkToggleButton      *week_button;
  GtkStack             *stack;
  SteadyDraftOfferView *draft_offer;
  GtkLabel             *day_label;
  AdwPreferencesGroup  *emotions_group;
  AdwPreferencesGroup  *urges_group;
  AdwPreferencesGroup  *distress_group;
  AdwPreferencesGroup  *skills_group;
  GtkSwitch            *private_switch;
  GMenu                *skills_menu;
  GtkLabel             *week_label;
  SteadyDiaryWeekView  *week_view;

  /* owned */
  SteadyDatabase       *database;
  SteadyDiaryStore     *store;
  SteadyDraftStore     *drafts;
  SteadyDiaryCard      *card;
  GPtrArray            *extra_skills;   /* skill ids added but not rated yet */
  GPtrArray            *removed_skills; /* skill ids taken off the card in this window */
  gint64                loaded_updated_us;

  /* unowned: rows in the groups, removed when the card is shown again */
  GPtrArray            *rows;
  SteadyDiaryRatingRow *distress_row;

  int                   week_first_day;
  gboolean              dirty;
  gboolean              showing;        /* the form is being filled from the card */
  guint                 draft_source_id;
};

G_DEFINE_FINAL_TYPE (SteadyDiaryCardWindow, steady_diary_card_window, ADW_TYPE_WINDOW)

static void show_card (SteadyDiaryCardWindow *self);

/* Days --------------------------------------------------------------------------------- */

static int
utc_offset_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return (int)(g_date_time_get_utc_offset (now) / G_USEC_PER_SEC);
}

static int
today (void)
{
  return steady_journal_day_from_time (g_get_real_time (), utc_offset_now ());
}

/* The first day of @day's week, on the weekday the person's locale begins weeks with. */
static int
week_start (int day)
{
  return steady_week_start_first_day (day, steady_week_start_from_locale ());
}

static char *
format_day (int         day,
            const char *format)
{
  GDate date;
  char text[128];

  steady_journal_day_to_date (day, &date);
  if (g_date_strftime (text, sizeof text, format, &date) == 0)
    return g_strdup ("");
  return g_strdup (text);
}

/* Errors and toasts --------------------------------------------------------------------- */

static void
show_toast (SteadyDiaryCardWindow *self,
            const char            *text,
            gboolean               high)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (high)
    adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error (SteadyDiaryCardWindow *self,
            const GError          *error)
{
  show_toast (self, error->message, TRUE);
}

/* Tells the Skills page (if there is one) that its lists are out of date. */
static void
notify_skills_changed (SteadyDiaryCardWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.skills-changed", NULL);
}

/* Drafts -------------------------------------------------------------------------------- */

static char *
draft_key (SteadyDiaryCardWindow *self)
{
  return g_strdup_printf ("%d", self->card->local_day);
}

static char *
card_to_json (const SteadyDiaryCard *card)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "distress");
  json_builder_add_int_value (builder, card->distress);
  json_builder_set_member_name (builder, "private");
  json_builder_add_boolean_value (builder, card->private_);
  json_builder_set_member_name (builder, "ratings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < card->ratings->len; i++)
    {
      const SteadyDiaryRating *rating = &g_array_index (card->ratings, SteadyDiaryRating, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "target");
      json_builder_add_string_value (builder, rating->target_uuid);
      json_builder_set_member_name (builder, "rating");
      json_builder_add_int_value (builder, rating->rating);
      json_builder_set_member_name (builder, "acted");
      json_builder_add_int_value (builder, rating->acted);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "skills");
  json_builder_begin_array (builder);
  for (guint i = 0; i < card->skills->len; i++)
    {
      const SteadyDiarySkillRating *skill = &g_array_index (card->skills,
                                                            SteadyDiarySkillRating, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "skill");
      json_builder_add_string_value (builder, skill->skill);
      json_builder_set_member_name (builder, "rating");
      json_builder_add_int_value (builder, skill->rating);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
in_range (gint64 value,
          int    low,
          int    high)
{
  return value >= low && value <= high;
}

/* Puts a draft's values on the card. A value out of range or of a row that no longer exists
 * is left out: the draft may be older than the card's rows. */
static gboolean
card_apply_json (SteadyDiaryCard  *card,
                 const char       *json,
                 GPtrArray        *targets,
                 GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonArray *array;

  if (!json_parser_load_from_data (parser, json, -1, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return TRUE;
  object = json_node_get_object (json_parser_get_root (parser));

  g_array_set_size (card->ratings, 0);
  g_array_set_size (card->skills, 0);
  card->distress = STEADY_DIARY_NONE;
  if (in_range (json_object_get_int_member_with_default (object, "distress", -1), 0,
                STEADY_DIARY_DISTRESS_MAX))
    card->distress = json_object_get_int_member (object, "distress");
  card->private_ = json_object_get_boolean_member_with_default (object, "private",
                                                                 card->private_);

  array = get_array (object, "ratings");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *uuid;
      gint64 rating;
      gint64 acted;

      if (item == NULL)
        continue;
      uuid = json_object_get_string_member_with_default (item, "target", "");
      rating = json_object_get_int_member_with_default (item, "rating", -1);
      acted = json_object_get_int_member_with_default (item, "acted", -1);
      for (guint t = 0; t < targets->len; t++)
        {
          const SteadyDiaryTarget *target = g_ptr_array_index (targets, t);
          gboolean urge = target->kind == STEADY_DIARY_TARGET_URGE;

          if (g_strcmp0 (target->uuid, uuid) == 0 && in_range (rating, 0, STEADY_DIARY_URGE_MAX))
            steady_diary_card_set_rating (card, uuid, rating,
                                          urge && in_range (acted, 0, 1) ? acted
                                                                         : STEADY_DIARY_NONE);
        }
    }

  array = get_array (object, "skills");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *skill;
      gint64 rating;

      if (item == NULL)
        continue;
      skill = json_object_get_string_member_with_default (item, "skill", "");
      rating = json_object_get_int_member_with_default (item, "rating", -1);
      if (steady_skills_library_find (skill) != NULL &&
          in_range (rating, 0, STEADY_SKILL_RATING_MAX))
        steady_diary_card_set_skill (card, skill, rating);
    }
  return TRUE;
}

/**
 * steady_diary_card_window_flush_draft:
 *
 * Keeps what the card holds as a draft now, if it changed since it was shown or saved.
 *
 * Returns: whether the draft is kept (or there was nothing to keep)
 */
gboolean
steady_diary_card_window_flush_draft (SteadyDiaryCardWindow  *self,
                                      GError                **error)
{
  g_autofree char *json = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (STEADY_IS_DIARY_CARD_WINDOW (self), FALSE);

  g_clear_handle_id (&self->draft_source_id, g_source_remove);
  if (!self->dirty || self->card == NULL)
    return TRUE;
  json = card_to_json (self->card);
  key = draft_key (self);
  return steady_draft_store_save (self->drafts, STEADY_DIARY_CARD_DRAFT_KIND, key, json, error);
}

static gboolean
draft_timeout_cb (gpointer user_data)
{
  SteadyDiaryCardWindow *self = STEADY_DIARY_CARD_WINDOW (user_data);
  g_autoptr(GError) error = NULL;

  self->draft_source_id = 0;
  if (!steady_diary_card_window_flush_draft (self, &error))
    show_error (self, error);
  return G_SOURCE_REMOVE;
}

static void
mark_changed (SteadyDiaryCardWindow *self)
{
  self->dirty = TRUE;
  /* Typing over an offered draft replaces it: offering it still would be a false promise. */
  steady_draft_offer_view_withdraw (self->draft_offer);
  if (self->draft_source_id == 0)
    self->draft_source_id = g_timeout_add (DRAFT_DELAY_MS, draft_timeout_cb, self);
}

static void
offer_draft (SteadyDiaryCardWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = draft_key (self);
  g_autofree char *json = NULL;
  g_autofree char *time = NULL;
  g_autofree char *text = NULL;
  gint64 updated_us = 0;

  steady_draft_offer_view_withdraw (self->draft_offer);
  json = steady_draft_store_load (self->drafts, STEADY_DIARY_CARD_DRAFT_KIND, key, &updated_us,
                                  &error);
  if (error != NULL && !g_error_matches (error, STEADY_JOURNAL_ERROR,
                                         STEADY_JOURNAL_ERROR_NOT_FOUND))
    show_error (self, error);
  if (json == NULL)
    return;
  time = steady_draft_offer_view_format_time (updated_us);
  /* Translators: %s is when the unsaved changes were kept, e.g. "23 November at 14:05". */
  text = g_strdup_printf (_("This card has unsaved changes from %s."), time);
  steady_draft_offer_view_offer (self->draft_offer, key, text);
}

gboolean
steady_diary_card_window_get_draft_offered (SteadyDiaryCardWindow *self)
{
  g_return_val_if_fail (STEADY_IS_DIARY_CARD_WINDOW (self), FALSE);
  return steady_draft_offer_view_get_offered (self->draft_offer);
}

/* Rows ---------------------------------------------------------------------------------- */

static void
target_changed_cb (SteadyDiaryRatingRow  *row,
                   SteadyDiaryCardWindow *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (row), "steady-target");
  int value = steady_diary_rating_row_get_value (row);
  gboolean urge = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "steady-urge"));

  /* An urge marked as acted on before it is rated counts as rated 0 until it is. */
  if (value == STEADY_DIARY_NONE && urge && steady_diary_rating_row_get_acted (row) != -1)
    {
      value = 0;
      steady_diary_rating_row_set_value (row, 0);
    }
  if (value == STEADY_DIARY_NONE)
    {
      for (guint i = 0; i < self->card->ratings->len; i++)
        if (g_strcmp0 (g_array_index (self->card->ratings, SteadyDiaryRating, i).target_uuid,
                       uuid) == 0)
          g_array_remove_index (self->card->ratings, i--);
    }
  else
    steady_diary_card_set_rating (self->card, uuid, value,
                                  urge ? steady_diary_rating_row_get_acted (row)
                                       : STEADY_DIARY_NONE);
  mark_changed (self);
}

static void
distress_changed_cb (SteadyDiaryRatingRow  *row,
                     SteadyDiaryCardWindow *self)
{
  self->card->distress = steady_diary_rating_row_get_value (row);
  mark_changed (self);
}

static void
remove_card_skill (SteadyDiaryCardWindow *self,
                   const char            *skill)
{
  for (guint i = 0; i < self->card->skills->len; i++)
    if (g_strcmp0 (g_array_index (self->card->skills, SteadyDiarySkillRating, i).skill,
                   skill) == 0)
      g_array_remove_index (self->card->skills, i--);
  for (guint i = 0; i < self->extra_skills->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->extra_skills, i), skill) == 0)
      g_ptr_array_remove_index (self->extra_skills, i--);
}

static void
skill_changed_cb (SteadyDiaryRatingRow  *row,
                  SteadyDiaryCardWindow *self)
{
  const char *skill = g_object_get_data (G_OBJECT (row), "steady-skill");
  int value = steady_diary_rating_row_get_value (row);

  if (value == STEADY_DIARY_NONE)
    {
      /* Cleared: the row stays until removed, but the card no longer rates the skill. */
      remove_card_skill (self, skill);
      g_ptr_array_add (self->extra_skills, g_strdup (skill));
      g_ptr_array_add (self->removed_skills, g_strdup (skill));
    }
  else
    steady_diary_card_set_skill (self->card, skill, value);
  mark_changed (self);
}

static gboolean
idle_show_card_cb (gpointer user_data)
{
  show_card (STEADY_DIARY_CARD_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
skill_removed_cb (SteadyDiaryRatingRow  *row,
                  SteadyDiaryCardWindow *self)
{
  const char *skill = g_object_get_data (G_OBJECT (row), "steady-skill");

  remove_card_skill (self, skill);
  g_ptr_array_add (self->removed_skills, g_strdup (skill));
  mark_changed (self);
  /* The row goes after its own click has been handled. */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, idle_show_card_cb, g_object_ref (self), g_object_unref);
}

static void
add_row (SteadyDiaryCardWindow *self,
         AdwPreferencesGroup   *group,
         GtkWidget             *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static int
card_rating (const SteadyDiaryCard *card,
             const char            *uuid,
             int                   *acted)
{
  for (guint i = 0; i < card->ratings->len; i++)
    {
      const SteadyDiaryRating *rating = &g_array_index (card->ratings, SteadyDiaryRating, i);

      if (g_strcmp0 (rating->target_uuid, uuid) == 0)
        {
          *acted = rating->acted;
          return rating->rating;
        }
    }
  *acted = STEADY_DIARY_NONE;
  return STEADY_DIARY_NONE;
}

static int
card_skill (const SteadyDiaryCard *card,
            const char            *skill)
{
  for (guint i = 0; i < card->skills->len; i++)
    if (g_strcmp0 (g_array_index (card->skills, SteadyDiarySkillRating, i).skill, skill) == 0)
      return g_array_index (card->skills, SteadyDiarySkillRating, i).rating;
  return STEADY_DIARY_NONE;
}

static gboolean
shows_skill (SteadyDiaryCardWindow *self,
             const char            *skill)
{
  if (card_skill (self->card, skill) != STEADY_DIARY_NONE)
    return TRUE;
  for (guint i = 0; i < self->extra_skills->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->extra_skills, i), skill) == 0)
      return TRUE;
  return FALSE;
}

static void
clear_rows (SteadyDiaryCardWindow *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (
        gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_target_rows (SteadyDiaryCardWindow *self,
                 GPtrArray             *targets)
{
  gboolean has_emotions = FALSE;
  gboolean has_urges = FALSE;

  for (guint i = 0; i < targets->len; i++)
    {
      const SteadyDiaryTarget *target = g_ptr_array_index (targets, i);
      gboolean urge = target->kind == STEADY_DIARY_TARGET_URGE;
      GtkWidget *row;
      int acted;
      int value;

      if (target->archived)
        continue;
      value = card_rating (self->card, target->uuid, &acted);
      row = steady_diary_rating_row_new (target->name, urge ? STEADY_DIARY_URGE_MAX
                                                            : STEADY_DIARY_EMOTION_MAX, NULL);
      g_object_set_data_full (G_OBJECT (row), "steady-target", g_strdup (target->uuid), g_free);
      g_object_set_data (G_OBJECT (row), "steady-urge", GINT_TO_POINTER (urge));
      steady_diary_rating_row_set_value (STEADY_DIARY_RATING_ROW (row), value);
      if (urge)
        {
          steady_diary_rating_row_show_acted (STEADY_DIARY_RATING_ROW (row));
          steady_diary_rating_row_set_acted (STEADY_DIARY_RATING_ROW (row), acted);
          has_urges = TRUE;
        }
      else
        has_emotions = TRUE;
      g_signal_connect (row, "changed", G_CALLBACK (target_changed_cb), self);
      add_row (self, urge ? self->urges_group : self->emotions_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->emotions_group), has_emotions);
  gtk_widget_set_visible (GTK_WIDGET (self->urges_group), has_urges);
}

static void
add_skill_rows (SteadyDiaryCardWindow *self)
{
  guint n_skills;
  const SteadySkill *skills = steady_skills_library_get (&n_skills);

  for (guint i = 0; i < n_skills; i++)
    {
      GtkWidget *row;

      if (!shows_skill (self, skills[i].id))
        continue;
      row = steady_diary_rating_row_new (_(skills[i].name), STEADY_SKILL_RATING_MAX,
                                         steady_skill_rating_get_meaning);
      g_object_set_data (G_OBJECT (row), "steady-skill", (gpointer)skills[i].id);
      steady_diary_rating_row_set_value (STEADY_DIARY_RATING_ROW (row),
                                         card_skill (self->card, skills[i].id));
      steady_diary_rating_row_show_remove (STEADY_DIARY_RATING_ROW (row));
      g_signal_connect (row, "changed", G_CALLBACK (skill_changed_cb), self);
      g_signal_connect (row, "remove", G_CALLBACK (skill_removed_cb), self);
      add_row (self, self->skills_group, row);
    }
}

static void
update_actions (SteadyDiaryCardWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "card.delete", self->card->created_us != 0);
  gtk_widget_action_set_enabled (widget, "card.next-day", self->card->local_day < today ());
  gtk_widget_action_set_enabled (widget, "card.next-week",
                                 self->week_first_day + 7 <= today ());
}

static void
update_titles (SteadyDiaryCardWindow *self)
{
  /* Translators: the day of a diary card; see strftime(3). */
  g_autofree char *date = format_day (self->card->local_day, _("%A %-d %B %Y"));
  g_autofree char *text = NULL;

  if (self->card->local_day == today ())
    /* Translators: the day of today's diary card, e.g. "Today, Monday 23 November 2026". */
    text = g_strdup_printf (_("Today, %s"), date);
  else
    text = g_strdup (date);
  gtk_label_set_text (self->day_label, text);
  adw_window_title_set_subtitle (self->window_title, text);
}

/* Shows self->card: the rows of the person's current targets with its values. */
static void
show_card (SteadyDiaryCardWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) targets = steady_diary_store_list_targets (self->store, TRUE, &error);

  clear_rows (self);
  if (targets == NULL)
    {
      show_error (self, error);
      return;
    }
  update_titles (self);
  update_actions (self);
  if (!gtk_toggle_button_get_active (self->week_button))
    gtk_stack_set_visible_child_name (self->stack, targets->len == 0 ? "empty" : "day");
  add_target_rows (self, targets);
  steady_diary_rating_row_set_value (self->distress_row, self->card->distress);
  add_skill_rows (self);
  self->showing = TRUE;
  gtk_switch_set_active (self->private_switch, self->card->private_);
  self->showing = FALSE;
}

static void
private_changed_cb (GtkSwitch             *private_switch,
                    GParamSpec            *pspec,
                    SteadyDiaryCardWindow *self)
{
  if (self->showing || self->card == NULL)
    return;
  self->card->private_ = gtk_switch_get_active (private_switch);
  mark_changed (self);
}

/* The week ------------------------------------------------------------------------------ */

static void
show_week (SteadyDiaryCardWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDiaryWeek) week = steady_diary_store_get_week (self->store,
                                                                 self->week_first_day, &error);
  /* Translators: the first and last day of the week view; see strftime(3). */
  g_autofree char *first = format_day (self->week_first_day, _("%-d %b"));
  g_autofree char *last = format_day (self->week_first_day + 6, _("%-d %b %Y"));
  /* Translators: the days of the week view, e.g. "16 Nov – 22 Nov 2026". */
  g_autofree char *text = g_strdup_printf (_("%s – %s"), first, last);

  gtk_label_set_text (self->week_label, text);
  update_actions (self);
  if (week == NULL)
    {
      show_error (self, error);
      return;
    }
  steady_diary_week_view_set_week (self->week_view, week, today ());
}

static void
week_toggled_cb (GtkToggleButton       *button,
                 SteadyDiaryCardWindow *self)
{
  if (gtk_toggle_button_get_active (button))
    {
      self->week_first_day = week_start (self->card->local_day);
      show_week (self);
      gtk_stack_set_visible_child_name (self->stack, "week");
    }
  else
    show_card (self);
}

static void
week_day_activated_cb (SteadyDiaryWeekView   *view,
                       int                    day,
                       SteadyDiaryCardWindow *self)
{
  gtk_toggle_button_set_active (self->week_button, FALSE);
  steady_diary_card_window_set_day (self, day);
}

void
steady_diary_card_window_show_week (SteadyDiaryCardWindow *self,
                                    gboolean               show)
{
  g_return_if_fail (STEADY_IS_DIARY_CARD_WINDOW (self));
  gtk_toggle_button_set_active (self->week_button, show);
}

SteadyDiaryWeekView *
steady_diary_card_window_get_week_view (SteadyDiaryCardWindow *self)
{
  g_return_val_if_fail (STEADY_IS_DIARY_CARD_WINDOW (self), NULL);
  return self->week_view;
}

int
steady_diary_card_window_get_week_first_day (SteadyDiaryCardWindow *self)
{
  g_return_val_if_fail (STEADY_IS_DIARY_CARD_WINDOW (self), 0);
  return self->week_first_day;
}

/* Loading, saving, deleting --------------------------------------------------------------- */

/**
 * steady_diary_card_window_set_day:
 *
 * Shows the card of @local_day, keeping what was changed on the day shown before as its
 * draft, and offers that day's own draft back if it has one.
 */
void
steady_diary_card_window_set_day (SteadyDiaryCardWindow *self,
                                  int                    local_day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDiaryCard) card = NULL;

  g_return_if_fail (STEADY_IS_DIARY_CARD_WINDOW (self));

  if (!steady_diary_card_window_flush_draft (self, &error))
    {
      /* Leaving the day would lose what was changed on it. */
      show_error (self, error);
      return;
    }
  card = steady_diary_store_load_card (self->store, local_day, utc_offset_now (), &error);
  if (card == NULL)
    {
      show_error (self, error);
      return;
    }
  g_clear_pointer (&self->card, steady_diary_card_free);
  self->card = g_steal_pointer (&card);
  self->dirty = FALSE;
  g_ptr_array_set_size (self->extra_skills, 0);
  g_ptr_array_set_size (self->removed_skills, 0);
  self->loaded_updated_us = self->card->updated_us;
  show_card (self);
  offer_draft (self);
  if (gtk_toggle_button_get_active (self->week_button))
    {
      self->week_first_day = week_start (local_day);
      show_week (self);
    }
}

int
steady_diary_card_window_get_day (SteadyDiaryCardWindow *self)
{
  g_return_val_if_fail (STEADY_IS_DIARY_CARD_WINDOW (self), 0);
  return self->card->local_day;
}

static gboolean
in_strings (GPtrArray  *strings,
            const char *string)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_strcmp0 (g_ptr_array_index (strings, i), string) == 0)
      return TRUE;
  return FALSE;
}

/* Saving replaces the whole card. A skill logged with "I used this" while this window was
 * open went onto the stored card; it stays unless the person took it off here. */
static gboolean
keep_skills_logged_since (SteadyDiaryCardWindow  *self,
                          GError                **error)
{
  g_autoptr(SteadyDiaryCard) stored = steady_diary_store_load_card (self->store,
                                                                    self->card->local_day, 0,
                                                                    error);

  if (stored == NULL)
    return FALSE;
  if (stored->updated_us <= self->loaded_updated_us)
    return TRUE;
  for (guint i = 0; i < stored->skills->len; i++)
    {
      const SteadyDiarySkillRating *skill = &g_array_index (stored->skills,
                                                            SteadyDiarySkillRating, i);

      if (card_skill (self->card, skill->skill) == STEADY_DIARY_NONE &&
          !in_strings (self->removed_skills, skill->skill))
        steady_diary_card_set_skill (self->card, skill->skill, skill->rating);
    }
  return TRUE;
}

static void
save_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SteadyDiaryCardWindow *self = STEADY_DIARY_CARD_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->draft_source_id, g_source_remove);
  if (!keep_skills_logged_since (self, &error) ||
      !steady_diary_store_save_card (self->store, self->card, &error))
    {
      /* What was changed stays, as a draft, for another try. */
      show_error (self, error);
      mark_changed (self);
      return;
    }
  self->dirty = FALSE;
  self->loaded_updated_us = self->card->updated_us;
  g_ptr_array_set_size (self->removed_skills, 0);
  steady_draft_offer_view_withdraw (self->draft_offer);
  update_actions (self);
  show_card (self);
  show_toast (self, _("Diary card saved"), FALSE);
  notify_skills_changed (self);
}

static void
undo_delete_cb (AdwToast              *toast,
                SteadyDiaryCardWindow *self)
{
  SteadyDiaryCard *old = g_object_get_data (G_OBJECT (toast), "steady-card");
  g_autoptr(GError) error = NULL;

  if (!steady_diary_store_save_card (self->store, old, &error))
    {
      show_error (self, error);
      return;
    }
  notify_skills_changed (self);
  if (old->local_day == self->card->local_day)
    {
      self->dirty = FALSE;
      steady_diary_card_window_set_day (self, old->local_day);
    }
}

static void
delete_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SteadyDiaryCardWindow *self = STEADY_DIARY_CARD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = draft_key (self);
  SteadyDiaryCard *old;
  AdwToast *toast;

  g_clear_handle_id (&self->draft_source_id, g_source_remove);
  old = steady_diary_store_delete_card (self->store, self->card->local_day, &error);
  if (old == NULL ||
      !steady_draft_store_delete (self->drafts, STEADY_DIARY_CARD_DRAFT_KIND, key, &error))
    {
      g_clear_pointer (&old, steady_diary_card_free);
      show_error (self, error);
      return;
    }
  toast = adw_toast_new (_("Diary card deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "steady-card", old,
                          (GDestroyNotify)steady_diary_card_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  self->dirty = FALSE;
  steady_diary_card_window_set_day (self, old->local_day);
  notify_skills_changed (self);
}

static void
restore_draft_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  SteadyDiaryCardWindow *self = STEADY_DIARY_CARD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GPtrArray) targets = NULL;

  json = steady_draft_offer_view_restore (self->draft_offer, &error);
  if (json != NULL)
    targets = steady_diary_store_list_targets (self->store, TRUE, &error);
  if (targets == NULL || !card_apply_json (self->card, json, targets, &error))
    {
      if (error != NULL)
        show_error (self, error);
      return;
    }
  /* Restored values are unsaved changes like any other; the draft stays until saved. */
  self->dirty = TRUE;
  show_card (self);
}

static void
discard_draft_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  SteadyDiaryCardWindow *self = STEADY_DIARY_CARD_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!steady_draft_offer_view_discard (self->draft_offer, &error))
    show_error (self, error);
}

static void
day_activated_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SteadyDiaryCardWindow *self = STEADY_DIARY_CARD_WINDOW (widget);
  int day = self->card->local_day;

  if (g_str_equal (action_name, "card.previous-day"))
    day--;
  else if (g_str_equal (action_name, "card.next-day"))
    day = MIN (day + 1, today ());
  else
    day = today ();
  steady_diary_card_window_set_day (self, day);
}

static void
week_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SteadyDiaryCardWindow *self = STEADY_DIARY_CARD_WINDOW (widget);

  self->week_first_day += g_str_equal (action_name, "card.previous-week") ? -7 : 7;
  show_week (self);
}

static void
add_skill_activated_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SteadyDiaryCardWindow *self = STEADY_DIARY_CARD_WINDOW (widget);
  const SteadySkill *skill = steady_skills_library_find (g_variant_get_string (parameter, NULL));

  if (skill == NULL)
    return;
  if (!shows_skill (self, skill->id))
    g_ptr_array_add (self->extra_skills, g_strdup (skill->id));
  show_card (self);
  /* The new row takes the focus, so its rating is one key away. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "steady-skill"), skill->id) == 0)
        gtk_widget_grab_focus (steady_diary_rating_row_get_button (
          STEADY_DIARY_RATING_ROW (row), 0));
    }
}

static void
targets_changed_cb (SteadyDiaryTargetsDialog *dialog,
                    SteadyDiaryCardWindow    *self)
{
  show_card (self);
}

static void
edit_rows_activated_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SteadyDiaryCardWindow *self = STEADY_DIARY_CARD_WINDOW (widget);
  GtkWidget *dialog = steady_diary_targets_dialog_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (dialog, "changed", G_CALLBACK (targets_changed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
use_starters_activated_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SteadyDiaryCardWindow *self = STEADY_DIARY_CARD_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!steady_diary_store_add_starter_targets (self->store, &error))
    show_error (self, error);
  show_card (self);
}

static void
get_help_activated_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.get-help", NULL);
}

/* The skills of the library, by module, for "Add Skill". */
static void
fill_skills_menu (SteadyDiaryCardWindow *self)
{
  guint n_skills;
  const SteadySkill *skills = steady_skills_library_get (&n_skills);

  for (int module = 0; module < STEADY_N_SKILL_MODULES; module++)
    {
      g_autoptr(GMenu) section = g_menu_new ();

      for (guint i = 0; i < n_skills; i++)
        {
          g_autoptr(GMenuItem) item = NULL;

          if ((int)skills[i].module != module)
            continue;
          item = g_menu_item_new (_(skills[i].name), NULL);
          g_menu_item_set_action_and_target_value (item, "card.add-skill",
                                                   g_variant_new_string (skills[i].id));
          g_menu_append_item (section, item);
        }
      g_menu_append_section (self->skills_menu, steady_skill_module_get_title (module),
                             G_MENU_MODEL (section));
    }
}

/* The window -------------------------------------------------------------------------------- */

static gboolean
steady_diary_card_window_close_request (GtkWindow *window)
{
  SteadyDiaryCardWindow *self = STEADY_DIARY_CARD_WINDOW (window);
  g_autoptr(GError) error = NULL;

  if (!steady_diary_card_window_flush_draft (self, &error))
    g_debug ("The diary card's draft could not be kept: %s", error->message);

  return GTK_WINDOW_CLASS (steady_diary_card_window_parent_class)->close_request (window);
}

static void
steady_diary_card_window_dispose (GObject *object)
{
  SteadyDiaryCardWindow *self = STEADY_DIARY_CARD_WINDOW (object);

  g_clear_handle_id (&self->draft_source_id, g_source_remove);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->extra_skills, g_ptr_array_unref);
  g_clear_pointer (&self->removed_skills, g_ptr_array_unref);
  g_clear_pointer (&self->card, steady_diary_card_free);
  g_clear_object (&self->store);
  g_clear_object (&self->drafts);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (steady_diary_card_window_parent_class)->dispose (object);
}

static void
steady_diary_card_window_class_init (SteadyDiaryCardWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steady_diary_card_window_dispose;
  window_class->close_request = steady_diary_card_window_close_request;

  g_type_ensure (STEADY_TYPE_DIARY_WEEK_VIEW);
  g_type_ensure (STEADY_TYPE_DRAFT_OFFER_VIEW);
  gtk_widget_class_set_template_from_resource (
    widget_class, RESOURCE_PREFIX "/skills/steady-diary-card-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyDiaryCardWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SteadyDiaryCardWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SteadyDiaryCardWindow, week_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyDiaryCardWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SteadyDiaryCardWindow, draft_offer);
  gtk_widget_class_bind_template_child (widget_class, SteadyDiaryCardWindow, day_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyDiaryCardWindow, emotions_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyDiaryCardWindow, urges_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyDiaryCardWindow, distress_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyDiaryCardWindow, skills_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyDiaryCardWindow, private_switch);
  gtk_widget_class_bind_template_child (widget_class, SteadyDiaryCardWindow, skills_menu);
  gtk_widget_class_bind_template_child (widget_class, SteadyDiaryCardWindow, week_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyDiaryCardWindow, week_view);

  gtk_widget_class_install_action (widget_class, "card.save", NULL, save_activated_cb);
  gtk_widget_class_install_action (widget_class, "card.delete", NULL, delete_activated_cb);
  gtk_widget_class_install_action (widget_class, "card.restore-draft", NULL,
                                   restore_draft_activated_cb);
  gtk_widget_class_install_action (widget_class, "card.discard-draft", NULL,
                                   discard_draft_activated_cb);
  gtk_widget_class_install_action (widget_class, "card.previous-day", NULL, day_activated_cb);
  gtk_widget_class_install_action (widget_class, "card.next-day", NULL, day_activated_cb);
  gtk_widget_class_install_action (widget_class, "card.today", NULL, day_activated_cb);
  gtk_widget_class_install_action (widget_class, "card.previous-week", NULL, week_activated_cb);
  gtk_widget_class_install_action (widget_class, "card.next-week", NULL, week_activated_cb);
  gtk_widget_class_install_action (widget_class, "card.add-skill", "s", add_skill_activated_cb);
  gtk_widget_class_install_action (widget_class, "card.edit-rows", NULL, edit_rows_activated_cb);
  gtk_widget_class_install_action (widget_class, "card.use-starters", NULL,
                                   use_starters_activated_cb);
  gtk_widget_class_install_action (widget_class, "card.get-help", NULL, get_help_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "card.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "card.previous-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "card.next-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
steady_diary_card_window_init (SteadyDiaryCardWindow *self)
{
  GtkWidget *distress;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->extra_skills = g_ptr_array_new_with_free_func (g_free);
  self->removed_skills = g_ptr_array_new_with_free_func (g_free);
  distress = steady_diary_rating_row_new (_("Distress"), STEADY_DIARY_DISTRESS_MAX, NULL);
  self->distress_row = STEADY_DIARY_RATING_ROW (distress);
  g_signal_connect (distress, "changed", G_CALLBACK (distress_changed_cb), self);
  adw_preferences_group_add (self->distress_group, distress);
  fill_skills_menu (self);
  g_signal_connect (self->week_button, "toggled", G_CALLBACK (week_toggled_cb), self);
  g_signal_connect (self->private_switch, "notify::active", G_CALLBACK (private_changed_cb),
                    self);
  g_signal_connect (self->week_view, "day-activated", G_CALLBACK (week_day_activated_cb), self);
}

/**
 * steady_diary_card_window_new:
 * @parent: the main window: the card is transient for it but not modal, so "Get help now"
 *   stays one click away
 * @local_day: the day, as steady_journal_day_from_time () counts it
 */
GtkWidget *
steady_diary_card_window_new (GtkWindow      *parent,
                              SteadyDatabase *database,
                              int             local_day)
{
  SteadyDiaryCardWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (database != NULL, NULL);

  self = g_object_new (STEADY_TYPE_DIARY_CARD_WINDOW, "transient-for", parent, NULL);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->database = g_object_ref (database);
  self->store = steady_diary_store_new (database);
  self->drafts = steady_draft_store_new (database);
  steady_draft_offer_view_set_drafts (self->draft_offer, self->drafts,
                                      STEADY_DIARY_CARD_DRAFT_KIND);
  steady_diary_card_window_set_day (self, local_day);
  return GTK_WIDGET (self);
}

/**
 * steady_diary_card_window_find_row:
 * @title: the row's title as shown, such as a target's name or "Distress"
 *
 * Returns: (transfer none) (nullable): the row of the card with that title
 */
SteadyDiaryRatingRow *
steady_diary_card_window_find_row (SteadyDiaryCardWindow *self,
                                   const char            *title)
{
  g_return_val_if_fail (STEADY_IS_DIARY_CARD_WINDOW (self), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  if (g_strcmp0 (steady_diary_rating_row_get_title (self->distress_row), title) == 0)
    return self->distress_row;
  for (guint i = 0; i < self->rows->len; i++)
    if (g_strcmp0 (steady_diary_rating_row_get_title (g_ptr_array_index (self->rows, i)),
                   title) == 0)
      return g_ptr_array_index (self->rows, i);
  return NULL;
}
