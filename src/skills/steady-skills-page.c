/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skills-page.c: the Skills page: every exercise in one click, the diary card,
 * breathing and mindfulness, and the library, "what helps me" and history behind it. The
 * exercises and the diary card open through window actions (win.skill-exercise,
 * win.open-skill-record, win.diary-card), so this page knows nothing of their editors. */

#define G_LOG_DOMAIN "steady-skills-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-diary-store.h"
#include "steady-draft-store.h"
#include "steady-journal-common.h"
#include "steady-skill-drafts.h"
#include "steady-skill-history-view.h"
#include "steady-skill-insights.h"
#include "steady-skill-library-view.h"
#include "steady-skill-store.h"
#include "steady-skills-error.h"
#include "steady-skills-page.h"
#include "steady-what-helps-view.h"

/* "Most used" counts what was done in this many recent days, so the order follows what the
 * person does now rather than years ago. */
#define MOST_USED_DAYS 90
/* At most this many unfinished exercises are offered; older ones stay in the history. */
#define MAX_UNFINISHED 5

struct _SteadySkillsPage
{
  GtkWidget              parent_instance;

  /* template widgets */
  AdwToastOverlay       *toast_overlay;
  AdwLeaflet            *leaflet;
  AdwPreferencesGroup   *unfinished_group;
  AdwPreferencesGroup   *exercises_group;
  AdwPreferencesGroup   *diary_group;
  AdwPreferencesGroup   *more_group;
  AdwBin                *practice_bin;
  AdwBin                *library_bin;
  AdwBin                *what_helps_bin;
  AdwBin                *history_bin;

  /* children */
  GtkWidget             *diary_row;

  /* unowned: rows replaced on every reload */
  GPtrArray             *exercise_rows;
  GPtrArray             *unfinished_rows;

  /* owned */
  SteadyDatabase        *database;
  SteadySkillStore      *skill_store;
  SteadyDraftStore      *draft_store;
  SteadyDiaryStore      *diary_store;
};

G_DEFINE_FINAL_TYPE (SteadySkillsPage, steady_skills_page, GTK_TYPE_WIDGET)

static void add_toast_cb    (GtkWidget        *view,
                            AdwToast         *toast,
                            SteadySkillsPage *self);
static void view_changed_cb (GtkWidget        *view,
                             SteadySkillsPage *self);

/* The sub-pages are built the first time they are shown: most visits to the page need none
 * of them, and each adds many widgets (and nodes for assistive technology). */
static SteadySkillHistoryView *
history_view (SteadySkillsPage *self)
{
  if (adw_bin_get_child (self->history_bin) == NULL)
    {
      GtkWidget *view = steady_skill_history_view_new (self->database);

      g_signal_connect (view, "add-toast", G_CALLBACK (add_toast_cb), self);
      g_signal_connect (view, "changed", G_CALLBACK (view_changed_cb), self);
      adw_bin_set_child (self->history_bin, view);
    }
  return STEADY_SKILL_HISTORY_VIEW (adw_bin_get_child (self->history_bin));
}

static SteadyWhatHelpsView *
what_helps_view (SteadySkillsPage *self)
{
  if (adw_bin_get_child (self->what_helps_bin) == NULL)
    adw_bin_set_child (self->what_helps_bin, steady_what_helps_view_new (self->database));
  return STEADY_WHAT_HELPS_VIEW (adw_bin_get_child (self->what_helps_bin));
}

static SteadySkillLibraryView *
library_view (SteadySkillsPage *self)
{
  if (adw_bin_get_child (self->library_bin) == NULL)
    {
      GtkWidget *view = steady_skill_library_view_new (self->database);

      g_signal_connect (view, "add-toast", G_CALLBACK (add_toast_cb), self);
      g_signal_connect (view, "changed", G_CALLBACK (view_changed_cb), self);
      adw_bin_set_child (self->library_bin, view);
    }
  return STEADY_SKILL_LIBRARY_VIEW (adw_bin_get_child (self->library_bin));
}

/* Rows ---------------------------------------------------------------------------------- */

/* A row that the whole of opens something; its button is what a screen reader finds and
 * names (as the practice section's rows do). */
static GtkWidget *
make_open_row (const char *title,
               const char *subtitle,
               const char *icon_name,
               GtkWidget  *button)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (gtk_widget_activate), button,
                           G_CONNECT_SWAPPED);
  return row;
}

/* A flat arrow button named @name for assistive technology. */
static GtkWidget *
make_arrow_button (const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("go-next-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
  return button;
}

static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
show_error (SteadySkillsPage *self,
            const GError     *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

/* Exercises, favourites first ------------------------------------------------------------ */

static void
exercise_clicked_cb (GtkButton        *button,
                     SteadySkillsPage *self)
{
  SteadySkillKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "steady-kind"));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.skill-exercise", "s",
                              steady_skill_kind_to_id (kind));
}

/* The five exercises, those this person used most lately first, the rest in their usual
 * order. */
static void
order_exercises (SteadySkillsPage *self,
                 SteadySkillKind   order[STEADY_N_SKILL_KINDS])
{
  g_autoptr(GPtrArray) used = NULL;
  g_autoptr(GError) error = NULL;
  gboolean placed[STEADY_N_SKILL_KINDS] = { FALSE };
  guint n = 0;

  used = steady_skill_insights_most_used (self->database,
                                          g_get_real_time () - MOST_USED_DAYS * G_TIME_SPAN_DAY,
                                          &error);
  if (used == NULL)
    show_error (self, error);
  for (guint i = 0; used != NULL && i < used->len; i++)
    {
      const SteadyUsageItem *item = g_ptr_array_index (used, i);
      SteadySkillKind kind;

      if (item->source == STEADY_HELP_SOURCE_EXERCISE &&
          steady_skill_kind_from_id (item->id, &kind) && !placed[kind])
        {
          order[n++] = kind;
          placed[kind] = TRUE;
        }
    }
  for (guint k = 0; k < STEADY_N_SKILL_KINDS; k++)
    if (!placed[k])
      order[n++] = k;
  g_assert (n == STEADY_N_SKILL_KINDS);
}

static void
load_exercises (SteadySkillsPage *self)
{
  SteadySkillKind order[STEADY_N_SKILL_KINDS];

  remove_rows (self->exercises_group, self->exercise_rows);
  order_exercises (self, order);
  for (guint i = 0; i < STEADY_N_SKILL_KINDS; i++)
    {
      const char *title = steady_skill_kind_get_title (order[i]);
      GtkWidget *button = make_arrow_button (title);
      GtkWidget *row;

      g_object_set_data (G_OBJECT (button), "steady-kind", GINT_TO_POINTER (order[i]));
      g_signal_connect (button, "clicked", G_CALLBACK (exercise_clicked_cb), self);
      row = make_open_row (title, steady_skill_kind_get_summary (order[i]), NULL, button);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (self->exercises_group, row);
      g_ptr_array_add (self->exercise_rows, row);
    }
}

/* Unfinished exercises ------------------------------------------------------------------- */

static void
continue_clicked_cb (GtkButton        *button,
                     SteadySkillsPage *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (button), "steady-uuid");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-skill-record", "s", uuid);
}

static void
undo_discard_clicked_cb (AdwToast         *toast,
                         SteadySkillsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!steady_skill_drafts_undo_discard (self->skill_store, self->draft_store,
                                         g_object_get_data (G_OBJECT (toast), "steady-discarded"),
                                         &error))
    show_error (self, error);
  steady_skills_page_reload (self);
}

/* No question first: the toast's Undo brings back what was written. */
static void
discard_clicked_cb (GtkButton        *button,
                    SteadySkillsPage *self)
{
  SteadySkillRecord *record = g_object_get_data (G_OBJECT (button), "steady-record");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  SteadySkillDiscarded *discarded;
  AdwToast *toast;

  discarded = steady_skill_drafts_discard (self->skill_store, self->draft_store, record, &error);
  if (discarded == NULL)
    {
      show_error (self, error);
      return;
    }
  /* Translators: a toast after an unfinished exercise was discarded; %s is the exercise,
   * such as "Thought record". */
  title = g_strdup_printf (_("%s discarded"),
                           steady_skill_kind_get_title (steady_skill_record_get_kind (record)));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "steady-discarded", discarded,
                          (GDestroyNotify)steady_skill_discarded_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_discard_clicked_cb), self,
                           0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  steady_skills_page_reload (self);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  gint64 ta = steady_skill_record_get_time (*(SteadySkillRecord **)a);
  gint64 tb = steady_skill_record_get_time (*(SteadySkillRecord **)b);

  return ta < tb ? 1 : ta > tb ? -1 : 0;
}

/* Drafts being typed (what an editor autosaved), and records saved at a step before the end;
 * a record with a newer draft is listed once, as its draft. */
static GPtrArray *
list_unfinished (SteadySkillsPage *self)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GError) error = NULL;

  for (guint k = 0; k < STEADY_N_SKILL_KINDS; k++)
    {
      g_autofree char *draft_kind = g_strconcat (STEADY_SKILL_DRAFT_KIND_PREFIX,
                                                 steady_skill_kind_to_id (k), NULL);
      g_auto(GStrv) keys = steady_draft_store_list_keys (self->draft_store, draft_kind, &error);

      if (keys == NULL)
        {
          show_error (self, error);
          g_clear_error (&error);
          continue;
        }
      for (guint i = 0; keys[i] != NULL; i++)
        {
          g_autofree char *payload = steady_draft_store_load (self->draft_store, draft_kind,
                                                              keys[i], NULL, NULL);
          SteadySkillRecord *record = NULL;

          /* A draft that cannot be read is left for its editor to report. */
          if (payload != NULL)
            record = steady_skill_record_new_from_draft (payload, NULL);
          if (record == NULL)
            continue;
          if (steady_skill_record_get_finished (record) ||
              g_hash_table_contains (seen, steady_skill_record_get_uuid (record)))
            {
              g_object_unref (record);
              continue;
            }
          g_hash_table_add (seen, (gpointer)steady_skill_record_get_uuid (record));
          g_ptr_array_add (records, record);
        }
    }

  saved = steady_skill_store_list_unfinished (self->skill_store, MAX_UNFINISHED, &error);
  if (saved == NULL)
    show_error (self, error);
  for (guint i = 0; saved != NULL && i < saved->len; i++)
    {
      SteadySkillRecord *record = g_ptr_array_index (saved, i);

      if (!g_hash_table_contains (seen, steady_skill_record_get_uuid (record)))
        {
          g_hash_table_add (seen, (gpointer)steady_skill_record_get_uuid (record));
          g_ptr_array_add (records, g_object_ref (record));
        }
    }
  g_ptr_array_sort (records, compare_newest_first);
  if (records->len > MAX_UNFINISHED)
    g_ptr_array_set_size (records, MAX_UNFINISHED);
  return g_steal_pointer (&records);
}

static char *
describe_unfinished (SteadySkillRecord *record)
{
  int offset = steady_skill_record_get_utc_offset (record);
  gint64 time_us = steady_skill_record_get_time (record);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (offset);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) when = g_date_time_to_timezone (utc, zone);
  SteadySkillKind kind = steady_skill_record_get_kind (record);
  guint n_steps = steady_skill_kind_get_n_steps (kind);
  guint step = CLAMP (steady_skill_record_get_step_reached (record), 1, n_steps);
  /* Translators: when an unfinished exercise was begun, as g_date_time_format. */
  g_autofree char *started = g_date_time_format (when, C_("unfinished exercise",
                                                         "%a %-d %b, %H:%M"));

  /* Translators: an unfinished exercise: when it was begun, and how far it got, e.g.
   * "Sun 22 Nov, 21:40 · step 3 of 7". */
  return g_strdup_printf (_("%s · step %u of %u"), started, step, n_steps);
}

static GtkWidget *
make_discard_button (SteadySkillsPage  *self,
                     SteadySkillRecord *record,
                     const char        *title)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  /* Translators: a button beside an unfinished exercise; %s is the exercise. */
  g_autofree char *name = g_strdup_printf (_("Discard %s"), title);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "steady-record", g_object_ref (record),
                          g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (discard_clicked_cb), self);
  return button;
}

static void
load_unfinished (SteadySkillsPage *self)
{
  g_autoptr(GPtrArray) records = list_unfinished (self);

  remove_rows (self->unfinished_group, self->unfinished_rows);
  for (guint i = 0; i < records->len; i++)
    {
      SteadySkillRecord *record = g_ptr_array_index (records, i);
      const char *title = steady_skill_kind_get_title (steady_skill_record_get_kind (record));
      g_autofree char *subtitle = describe_unfinished (record);
      /* Translators: what a screen reader says for "Continue" beside an unfinished exercise;
       * %s is the exercise, such as "Thought record". */
      g_autofree char *name = g_strdup_printf (_("Continue %s"), title);
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Continue"));
      GtkWidget *row;

      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      g_object_set_data_full (G_OBJECT (button), "steady-uuid",
                              g_strdup (steady_skill_record_get_uuid (record)), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (continue_clicked_cb), self);
      row = make_open_row (title, subtitle, "document-edit-symbolic", button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), make_discard_button (self, record, title));
      adw_preferences_group_add (self->unfinished_group, row);
      g_ptr_array_add (self->unfinished_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unfinished_group), records->len > 0);
}

/* The diary card and the sub-pages --------------------------------------------------------- */

static int
local_utc_offset (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return (int)(g_date_time_get_utc_offset (now) / G_USEC_PER_SEC);
}

static int
local_today (void)
{
  return steady_journal_day_from_time (g_get_real_time (), local_utc_offset ());
}

static void
diary_clicked_cb (GtkButton        *button,
                  SteadySkillsPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.diary-card", "i", local_today ());
}

/* The row says whether today's card has been started, so a glance is enough. */
static void
update_diary_row (SteadySkillsPage *self)
{
  g_autoptr(SteadyDiaryCard) card = NULL;
  g_autoptr(GError) error = NULL;

  card = steady_diary_store_load_card (self->diary_store, local_today (), local_utc_offset (),
                                       &error);
  if (card != NULL && card->created_us != 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->diary_row),
                                 _("Started today. Open it to add to it or change it."));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->diary_row),
                                 _("Emotions, urges and the skills you used today, in under a "
                                   "minute. The week view is what you bring to group."));
  if (card == NULL)
    show_error (self, error);
}

static void
subpage_clicked_cb (GtkButton        *button,
                    SteadySkillsPage *self)
{
  steady_skills_page_show_subpage (self, g_object_get_data (G_OBJECT (button), "steady-page"));
}

static void
add_subpage_row (SteadySkillsPage *self,
                 const char       *page,
                 const char       *title,
                 const char       *subtitle,
                 const char       *icon_name)
{
  GtkWidget *button = make_arrow_button (title);

  g_object_set_data (G_OBJECT (button), "steady-page", (gpointer)page);
  g_signal_connect (button, "clicked", G_CALLBACK (subpage_clicked_cb), self);
  adw_preferences_group_add (self->more_group, make_open_row (title, subtitle, icon_name, button));
}

static void
build_fixed_rows (SteadySkillsPage *self)
{
  GtkWidget *button = make_arrow_button (_("Today’s Diary Card"));

  g_signal_connect (button, "clicked", G_CALLBACK (diary_clicked_cb), self);
  self->diary_row = make_open_row (_("Today’s diary card"), NULL, "x-office-calendar-symbolic",
                                   button);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->diary_row), 0);
  adw_preferences_group_add (self->diary_group, self->diary_row);

  add_subpage_row (self, "library", _("Skills Library"),
                   _("The four DBT-informed modules and their skills, with “I used this”"),
                   "accessories-dictionary-symbolic");
  add_subpage_row (self, "what-helps", _("What Helps Me"),
                   _("What eased your distress most, from your own ratings"),
                   "emblem-favorite-symbolic");
  add_subpage_row (self, "history", _("History"),
                   _("Everything you did here, newest first, to search and look back on"),
                   "document-open-recent-symbolic");
}

/* Public -------------------------------------------------------------------------------- */

/* What the overview and "what helps me" show, which any change may touch. */
static void
reload_overview (SteadySkillsPage *self)
{
  load_unfinished (self);
  load_exercises (self);
  update_diary_row (self);
  if (adw_bin_get_child (self->what_helps_bin) != NULL)
    steady_what_helps_view_reload (what_helps_view (self));
}

/* Reads everything again: after an editor saved, finished or deleted (win.skills-changed). */
void
steady_skills_page_reload (SteadySkillsPage *self)
{
  g_return_if_fail (STEADY_IS_SKILLS_PAGE (self));

  reload_overview (self);
  if (adw_bin_get_child (self->history_bin) != NULL &&
      g_strcmp0 (steady_skills_page_get_subpage (self), "history") == 0)
    steady_skill_history_view_reload (history_view (self));
  /* The practice section reads its own when it is shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    steady_practice_section_view_reload (steady_skills_page_get_practice_section (self));
}

SteadyPracticeSectionView *
steady_skills_page_get_practice_section (SteadySkillsPage *self)
{
  g_return_val_if_fail (STEADY_IS_SKILLS_PAGE (self), NULL);

  return STEADY_PRACTICE_SECTION_VIEW (adw_bin_get_child (self->practice_bin));
}

/**
 * steady_skills_page_show_subpage:
 * @name: "overview", "library", "what-helps" or "history"
 */
void
steady_skills_page_show_subpage (SteadySkillsPage *self,
                                 const char       *name)
{
  g_return_if_fail (STEADY_IS_SKILLS_PAGE (self));
  g_return_if_fail (name != NULL);

  if (adw_leaflet_get_child_by_name (self->leaflet, name) == NULL)
    {
      g_debug ("No Skills sub-page named “%s”", name);
      return;
    }
  if (g_str_equal (name, "history"))
    steady_skill_history_view_reload (history_view (self));
  else if (g_str_equal (name, "what-helps"))
    steady_what_helps_view_reload (what_helps_view (self));
  adw_leaflet_set_visible_child_name (self->leaflet, name);

  /* Typing goes straight into the search of a list that has one. */
  if (g_str_equal (name, "history"))
    steady_skill_history_view_focus_search (history_view (self));
  else if (g_str_equal (name, "library"))
    steady_skill_library_view_focus_search (library_view (self));
}

const char *
steady_skills_page_get_subpage (SteadySkillsPage *self)
{
  g_return_val_if_fail (STEADY_IS_SKILLS_PAGE (self), NULL);

  return adw_leaflet_get_visible_child_name (self->leaflet);
}

/* Wiring the sub-pages ------------------------------------------------------------------- */

static void
add_toast_cb (GtkWidget        *view,
              AdwToast         *toast,
              SteadySkillsPage *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The library logged a skill, or the history deleted something: the rest follows. */
static void
view_changed_cb (GtkWidget        *view,
                 SteadySkillsPage *self)
{
  reload_overview (self);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SteadySkillsPage *self = STEADY_SKILLS_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "overview");
}

/* Ctrl+F searches the library while it is shown, and the history from anywhere else. */
static gboolean
search_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  SteadySkillsPage *self = STEADY_SKILLS_PAGE (widget);

  if (g_strcmp0 (steady_skills_page_get_subpage (self), "library") == 0)
    steady_skill_library_view_focus_search (library_view (self));
  else
    steady_skills_page_show_subpage (self, "history");
  return TRUE;
}

GtkWidget *
steady_skills_page_new (SteadyDatabase *database)
{
  SteadySkillsPage *self;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), NULL);

  self = g_object_new (STEADY_TYPE_SKILLS_PAGE, NULL);
  self->database = g_object_ref (database);
  self->skill_store = steady_skill_store_new (database);
  self->draft_store = steady_draft_store_new (database);
  self->diary_store = steady_diary_store_new (database);
  return GTK_WIDGET (self);
}

/* Coming back to the page shows what was done elsewhere meanwhile (a practice started from
 * Today changes what is used most). */
static void
steady_skills_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (steady_skills_page_parent_class)->map (widget);
  reload_overview (STEADY_SKILLS_PAGE (widget));
}

static void
steady_skills_page_dispose (GObject *object)
{
  SteadySkillsPage *self = STEADY_SKILLS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEADY_TYPE_SKILLS_PAGE);
  g_clear_pointer (&self->exercise_rows, g_ptr_array_unref);
  g_clear_pointer (&self->unfinished_rows, g_ptr_array_unref);
  g_clear_object (&self->skill_store);
  g_clear_object (&self->draft_store);
  g_clear_object (&self->diary_store);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (steady_skills_page_parent_class)->dispose (object);
}

static void
steady_skills_page_class_init (SteadySkillsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_skills_page_dispose;
  widget_class->map = steady_skills_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/skills/steady-skills-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadySkillsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SteadySkillsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SteadySkillsPage, unfinished_group);
  gtk_widget_class_bind_template_child (widget_class, SteadySkillsPage, exercises_group);
  gtk_widget_class_bind_template_child (widget_class, SteadySkillsPage, diary_group);
  gtk_widget_class_bind_template_child (widget_class, SteadySkillsPage, more_group);
  gtk_widget_class_bind_template_child (widget_class, SteadySkillsPage, practice_bin);
  gtk_widget_class_bind_template_child (widget_class, SteadySkillsPage, library_bin);
  gtk_widget_class_bind_template_child (widget_class, SteadySkillsPage, what_helps_bin);
  gtk_widget_class_bind_template_child (widget_class, SteadySkillsPage, history_bin);

  gtk_widget_class_install_action (widget_class, "skills.back", NULL, back_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "skills.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "skillspage");
}

static void
steady_skills_page_init (SteadySkillsPage *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* As on the Journal page, Ctrl+F finds from anywhere in the window while the page shows. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f,
                                                                                  GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (
                                                            search_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  self->exercise_rows = g_ptr_array_new ();
  self->unfinished_rows = g_ptr_array_new ();
  adw_bin_set_child (self->practice_bin, steady_practice_section_view_new ());
  build_fixed_rows (self);
}
