/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-skills-page.c: the Skills page on the real application and a real database under
 * Xvfb: favourites first, unfinished exercises, the window actions it opens things with, the
 * library's search and "I used this" with distress before and after and Undo, the history's
 * filter, search, open and delete with Undo, and "what helps me"; screenshots wide and
 * narrow, light and dark. */

#define G_LOG_DOMAIN "steady-test-skills-page"

#include "config.h"

#include <string.h>

#include "steady-application.h"
#include "steady-diary-store.h"
#include "steady-draft-store.h"
#include "steady-journal-common.h"
#include "steady-practice-store.h"
#include "steady-rating-row.h"
#include "steady-skill-history-row.h"
#include "steady-skill-history-view.h"
#include "steady-skill-library-view.h"
#include "steady-skill-store.h"
#include "steady-skills-library.h"
#include "steady-skills-page.h"
#include "steady-what-helps-view.h"
#include "steady-window.h"

#include "steady-ui-test-util.h"

#define WIDE_WIDTH    1000
#define NARROW_WIDTH  360
#define WINDOW_HEIGHT 760

#define MINUTE_US (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)
#define HOUR_US   (60 * MINUTE_US)

/* Window actions, recorded ------------------------------------------------------------- */

/* The editors' actions belong to other parts of the window; a test puts its own in their
 * place and records what the page asked for. */
typedef struct
{
  guint     n_activations;
  GVariant *parameter;
} Recorded;

static void
recorded_activate_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      Recorded      *recorded)
{
  recorded->n_activations++;
  g_clear_pointer (&recorded->parameter, g_variant_unref);
  if (parameter != NULL)
    recorded->parameter = g_variant_ref (parameter);
}

static void
record_action (SteadyWindow       *window,
               const char         *name,
               const GVariantType *type,
               Recorded           *recorded)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new (name, type);

  g_signal_connect (action, "activate", G_CALLBACK (recorded_activate_cb), recorded);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (action));
}

static gboolean
activated_twice (gpointer data)
{
  return ((Recorded *)data)->n_activations >= 2;
}

static void
recorded_clear (Recorded *recorded)
{
  g_clear_pointer (&recorded->parameter, g_variant_unref);
  recorded->n_activations = 0;
}

/* Data ------------------------------------------------------------------------------------- */

static SteadySkillRecord *
save_record (SteadySkillStore *store,
             SteadySkillKind   kind,
             gint64            ago_us,
             const char       *text,
             int               before,
             int               after,
             gboolean          finished)
{
  g_autoptr(GError) error = NULL;
  SteadySkillRecord *record = steady_skill_record_new (kind);

  steady_skill_record_set_time (record, g_get_real_time () - ago_us, local_offset ());
  if (text != NULL)
    steady_skill_record_set_text (record, kind == STEADY_SKILL_KIND_THOUGHT_RECORD
                                          ? "situation" : "emotion", text);
  if (before >= 0)
    steady_skill_record_set_distress_before (record, before);
  if (after >= 0)
    steady_skill_record_set_distress_after (record, after);
  steady_skill_record_set_step_reached (record, finished ? steady_skill_kind_get_n_steps (kind)
                                                         : 2);
  steady_skill_record_set_finished (record, finished);
  g_assert_true (steady_skill_store_save (store, record, &error));
  g_assert_no_error (error);
  return record;
}

static void
add_practice (SteadyDatabase     *database,
              SteadyPracticeKind  kind,
              gint64              ago_us,
              int                 before,
              int                 after)
{
  g_autoptr(SteadyPracticeStore) store = steady_practice_store_new (database);
  g_autoptr(SteadyPracticeRecord) record = steady_practice_record_new (kind);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) started = g_date_time_add (now, -ago_us);
  g_autoptr(GError) error = NULL;

  if (kind == STEADY_PRACTICE_KIND_BREATHING)
    record->pattern = steady_breathing_pattern_new_preset ("box");
  record->planned_us = record->actual_us = 5 * MINUTE_US;
  record->completed = TRUE;
  record->distress_before = before;
  record->distress_after = after;
  steady_practice_record_set_started_at (record, started);
  g_assert_true (steady_practice_store_add (store, record, &error));
  g_assert_no_error (error);
}

static guint
count_skill_uses (SteadyDatabase *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  items = steady_skill_history_list (database, STEADY_HISTORY_MASK (STEADY_HISTORY_SKILL_USE),
                                     NULL, NULL, 100, &error);

  g_assert_no_error (error);
  return items->len;
}

/* The rating of @skill on today's card, or STEADY_DIARY_NONE; whether the card exists. */
static int
today_skill_rating (SteadyDiaryStore *store,
                    const char       *skill,
                    gboolean         *card_exists)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyDiaryCard) card = steady_diary_store_load_card (store, today (), local_offset (),
                                                                  &error);

  g_assert_no_error (error);
  *card_exists = card->created_us != 0;
  for (guint i = 0; i < card->skills->len; i++)
    {
      const SteadyDiarySkillRating *row = &g_array_index (card->skills, SteadyDiarySkillRating, i);

      if (g_str_equal (row->skill, skill))
        return row->rating;
    }
  return STEADY_DIARY_NONE;
}

/* The page ------------------------------------------------------------------------------ */

static SteadyWindow *
main_window (void)
{
  return STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
}

static SteadySkillsPage *
show_skills (SteadyWindow *window)
{
  SteadySkillsPage *page;

  steady_window_set_page (window, "skills");
  page = STEADY_SKILLS_PAGE (find_first (GTK_WIDGET (window), STEADY_TYPE_SKILLS_PAGE));
  g_assert_nonnull (page);
  wait_for_frame (GTK_WIDGET (page));
  return page;
}

static GtkWidget *
page_child (SteadySkillsPage *page,
            const char       *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), STEADY_TYPE_SKILLS_PAGE,
                                                  name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* The titles of the rows under @widget that are shown, in order. */
static GPtrArray *
row_titles (GtkWidget *widget)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GPtrArray *titles = g_ptr_array_new ();

  collect (widget, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_visible (rows->pdata[i]))
      g_ptr_array_add (titles, (gpointer)adw_preferences_row_get_title (rows->pdata[i]));
  return titles;
}

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (widget, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  return NULL;
}

/* The button of @row that opens it: the last button among its suffixes. */
static GtkWidget *
row_button (GtkWidget *row)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (row, GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, >, 0);
  return buttons->pdata[buttons->len - 1];
}

/* Whether a label under @widget shows @markup as part of its own. */
static gboolean
has_label_markup (GtkWidget  *widget,
                  const char *markup)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_label_get_use_markup (labels->pdata[i]) &&
        strstr (gtk_label_get_label (labels->pdata[i]), markup) != NULL)
      return TRUE;
  return FALSE;
}

static GPtrArray *
history_rows (SteadySkillsPage *page)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect (page_child (page, "history_bin"), STEADY_TYPE_SKILL_HISTORY_ROW, rows);
  return rows;
}

static void
screenshots (SteadyWindow *window,
             GSettings    *settings,
             const char   *what)
{
  static const char * const schemes[] = { "light", "dark" };

  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    for (guint narrow = 0; narrow <= 1; narrow++)
      {
        g_autofree char *name = g_strdup_printf ("skills-page-%s-%s-%s", what,
                                                 narrow ? "narrow" : "wide", schemes[s]);

        set_color_scheme (settings, schemes[s]);
        resize_window (GTK_WINDOW (window), narrow ? NARROW_WIDTH : WIDE_WIDTH, WINDOW_HEIGHT);
        save_screenshot (GTK_WIDGET (window), name);
      }
  set_color_scheme (settings, "light");
  resize_window (GTK_WINDOW (window), WIDE_WIDTH, WINDOW_HEIGHT);
}

typedef struct
{
  const char *text;
  gboolean    searched;
} SearchWait;

static void
search_changed_cb (GtkSearchEntry *entry,
                   SearchWait     *wait)
{
  if (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), wait->text))
    wait->searched = TRUE;
}

/* Types @text into the search entry under @view and waits for the search of @text to run:
 * the entry waits for a pause in typing, and replacing its text searches for "" on the way. */
static void
type_search (GtkWidget  *view,
             const char *text)
{
  GtkWidget *entry = find_first (view, GTK_TYPE_SEARCH_ENTRY);
  SearchWait wait = { text, FALSE };
  gulong handler;

  g_assert_nonnull (entry);
  handler = g_signal_connect (entry, "search-changed", G_CALLBACK (search_changed_cb), &wait);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  wait_until (flag_is_set, &wait.searched);
  g_signal_handler_disconnect (entry, handler);
  drain_events ();
}

/* Opens the "I used this" popover of the library's @row, at its first step. */
static GtkWidget *
open_used_popover (GtkWidget *row)
{
  GtkWidget *used = find_first (row, GTK_TYPE_MENU_BUTTON);
  GtkWidget *popover;

  g_assert_nonnull (used);
  gtk_menu_button_popup (GTK_MENU_BUTTON (used));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (used)));
  g_assert_nonnull (popover);
  wait_for_frame (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  return popover;
}

/* A step of that popover ("rating" or "distress"). */
static GtkWidget *
popover_step (GtkWidget  *popover,
              const char *name)
{
  GtkStack *stack = GTK_STACK (find_first (popover, GTK_TYPE_STACK));
  GtkWidget *step;

  g_assert_nonnull (stack);
  step = gtk_stack_get_child_by_name (stack, name);
  g_assert_nonnull (step);
  return step;
}

/* The distress of every "I used this" of @skill, as logged, oldest first: "8>4", "-" for
 * not rated. */
static char *
logged_distress (SteadyDatabase *database,
                 const char     *skill)
{
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (steady_database_get_handle (database),
                                       "SELECT distress_before, distress_after FROM skill_use"
                                       " WHERE skill = ?1 ORDER BY created_us, rowid", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, skill, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int column = 0; column < 2; column++)
        {
          if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
            g_string_append_c (text, '-');
          else
            g_string_append_printf (text, "%d", sqlite3_column_int (stmt, column));
          g_string_append_c (text, column == 0 ? '>' : ' ');
        }
    }
  sqlite3_finalize (stmt);
  if (text->len > 0)
    g_string_truncate (text, text->len - 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "I used this" with a rating and distress given on the sliders (-1: left alone), saved. */
static void
use_skill_rated (GtkWidget *row,
                 int        rating,
                 int        before,
                 int        after)
{
  GtkWidget *popover = open_used_popover (row);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (popover_step (popover, "rating"), GTK_TYPE_BUTTON, buttons);
  click (buttons->pdata[STEADY_SKILL_RATING_MAX - rating]);
  collect (popover_step (popover, "distress"), STEADY_TYPE_RATING_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  /* Nothing rated until touched, whatever the last use had. */
  g_assert_cmpint (steady_rating_row_get_value (rows->pdata[0]), ==, -1);
  g_assert_cmpint (steady_rating_row_get_value (rows->pdata[1]), ==, -1);
  if (before >= 0)
    gtk_range_set_value (steady_rating_row_get_scale (rows->pdata[0]), before);
  if (after >= 0)
    gtk_range_set_value (steady_rating_row_get_scale (rows->pdata[1]), after);
  g_assert_cmpint (steady_rating_row_get_value (rows->pdata[0]), ==, before);
  g_assert_cmpint (steady_rating_row_get_value (rows->pdata[1]), ==, after);
  click (find_button_with_label (popover_step (popover, "distress"), "_Save"));
  drain_events ();
  g_assert_false (gtk_widget_get_visible (popover));
}

/* Tests ----------------------------------------------------------------------------------- */

/* The exercises this person used most come first, each opens in one click through
 * win.skill-exercise, unfinished ones (saved or drafts) offer Continue, and today's diary
 * card opens through win.diary-card. */
static void
test_overview (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = main_window ();
  SteadyDatabase *database = steady_application_get_database (app);
  g_autoptr(SteadySkillStore) store = steady_skill_store_new (database);
  g_autoptr(SteadyDraftStore) drafts = steady_draft_store_new (database);
  g_autoptr(SteadySkillRecord) unfinished = NULL;
  g_autoptr(SteadySkillRecord) drafted = steady_skill_record_new (STEADY_SKILL_KIND_NAME_EMOTION);
  g_autofree char *payload = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(GError) error = NULL;
  Recorded exercise = { 0 }, open = { 0 }, diary = { 0 };
  SteadySkillsPage *page;
  GtkWidget *row;

  /* Check the facts three times, opposite action twice (once unfinished). */
  for (int i = 0; i < 3; i++)
    g_object_unref (save_record (store, STEADY_SKILL_KIND_CHECK_FACTS, (i + 1) * HOUR_US,
                                 "Worry", -1, -1, TRUE));
  g_object_unref (save_record (store, STEADY_SKILL_KIND_OPPOSITE_ACTION, 5 * HOUR_US, "Fear",
                               -1, -1, TRUE));
  unfinished = save_record (store, STEADY_SKILL_KIND_OPPOSITE_ACTION, 30 * MINUTE_US, "Anger",
                            -1, -1, FALSE);
  /* An exercise still being typed, never saved: only its draft exists. */
  steady_skill_record_set_text (drafted, "emotion", "Shame");
  payload = steady_skill_record_to_draft (drafted);
  g_assert_true (steady_draft_store_save (drafts, steady_skill_record_get_draft_kind (drafted),
                                          steady_skill_record_get_uuid (drafted), payload,
                                          &error));
  g_assert_no_error (error);

  record_action (window, "skill-exercise", G_VARIANT_TYPE_STRING, &exercise);
  record_action (window, "open-skill-record", G_VARIANT_TYPE_STRING, &open);
  record_action (window, "diary-card", G_VARIANT_TYPE_INT32, &diary);
  resize_window (GTK_WINDOW (window), WIDE_WIDTH, WINDOW_HEIGHT);
  page = show_skills (window);

  titles = row_titles (page_child (page, "exercises_group"));
  g_assert_cmpuint (titles->len, ==, STEADY_N_SKILL_KINDS);
  g_assert_cmpstr (titles->pdata[0], ==, "Check the facts");
  g_assert_cmpstr (titles->pdata[1], ==, "Opposite action");
  /* The rest keep their usual order. */
  g_assert_cmpstr (titles->pdata[2], ==, "Thought record");
  g_assert_cmpstr (titles->pdata[3], ==, "Name the emotion");
  g_assert_cmpstr (titles->pdata[4], ==, "PLEASE check");
  /* Each says what it is for. */
  g_assert_true (has_visible_label (page_child (page, "exercises_group"),
                                    steady_skill_kind_get_summary (
                                      STEADY_SKILL_KIND_THOUGHT_RECORD)));

  /* One click opens an exercise, by its kind's id. */
  row = find_row (page_child (page, "exercises_group"), "Thought record");
  click (row_button (row));
  g_assert_cmpuint (exercise.n_activations, ==, 1);
  g_assert_cmpstr (g_variant_get_string (exercise.parameter, NULL), ==, "thought-record");
  /* The whole row does the same. */
  g_signal_emit_by_name (find_row (page_child (page, "exercises_group"), "PLEASE check"),
                         "activated");
  /* A button activated so looks pressed for a moment before it acts. */
  wait_until (activated_twice, &exercise);
  g_assert_cmpuint (exercise.n_activations, ==, 2);
  g_assert_cmpstr (g_variant_get_string (exercise.parameter, NULL), ==, "please-check");

  /* The unfinished record and the draft, newest first, each with Continue. */
  g_assert_true (gtk_widget_get_visible (page_child (page, "unfinished_group")));
  g_clear_pointer (&titles, g_ptr_array_unref);
  titles = row_titles (page_child (page, "unfinished_group"));
  g_assert_cmpuint (titles->len, ==, 2);
  g_assert_cmpstr (titles->pdata[0], ==, "Name the emotion");
  g_assert_cmpstr (titles->pdata[1], ==, "Opposite action");
  row = find_row (page_child (page, "unfinished_group"), "Opposite action");
  click (find_button_with_label (row, "_Continue"));
  g_assert_cmpuint (open.n_activations, ==, 1);
  g_assert_cmpstr (g_variant_get_string (open.parameter, NULL), ==,
                   steady_skill_record_get_uuid (unfinished));

  row = find_row (page_child (page, "diary_group"), "Today’s diary card");
  g_assert_false (has_visible_label (row, "Started today"));
  click (row_button (row));
  g_assert_cmpuint (diary.n_activations, ==, 1);
  g_assert_cmpint (g_variant_get_int32 (diary.parameter), ==, today ());

  screenshots (window, settings, "overview");

  /* An editor finishes the record and says so: it is no longer offered to continue. */
  steady_skill_record_set_finished (unfinished, TRUE);
  g_assert_true (steady_skill_store_save (store, unfinished, &error));
  g_assert_no_error (error);
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "skills-changed"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "skills-changed", NULL);
  g_clear_pointer (&titles, g_ptr_array_unref);
  titles = row_titles (page_child (page, "unfinished_group"));
  g_assert_cmpuint (titles->len, ==, 1);
  g_assert_cmpstr (titles->pdata[0], ==, "Name the emotion");

  /* Discarding the draft takes it away, and Undo brings back what was typed. */
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    g_autofree char *kept = NULL;

    row = find_row (page_child (page, "unfinished_group"), "Name the emotion");
    collect (row, GTK_TYPE_BUTTON, buttons);
    click (buttons->pdata[buttons->len - 1]);
    drain_events ();
    g_assert_null (steady_draft_store_load (drafts, steady_skill_record_get_draft_kind (drafted),
                                            steady_skill_record_get_uuid (drafted), NULL, NULL));
    g_assert_false (gtk_widget_get_visible (page_child (page, "unfinished_group")));
    wait_for_frame (GTK_WIDGET (window));
    click (find_button_with_label (GTK_WIDGET (page), "_Undo"));
    drain_events ();
    kept = steady_draft_store_load (drafts, steady_skill_record_get_draft_kind (drafted),
                                    steady_skill_record_get_uuid (drafted), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (kept, ==, payload);
    g_assert_nonnull (find_row (page_child (page, "unfinished_group"), "Name the emotion"));
  }

  /* Once today's card is started, its row says so. */
  {
    g_autoptr(SteadyDiaryStore) diary_store = steady_diary_store_new (database);
    g_autoptr(SteadyDiaryCard) card = steady_diary_card_new (today (), local_offset ());

    card->distress = 3;
    g_assert_true (steady_diary_store_save_card (diary_store, card, &error));
    g_assert_no_error (error);
    g_action_group_activate_action (G_ACTION_GROUP (window), "skills-changed", NULL);
    wait_for_frame (GTK_WIDGET (page));
    g_assert_true (has_visible_label (page_child (page, "diary_group"), "Started today"));
  }

  /* Breathing still starts from the window's action, through the page's practice section. */
  g_assert_nonnull (steady_skills_page_get_practice_section (page));
  g_assert_true (has_visible_label (GTK_WIDGET (page), "Breathing and Mindfulness"));

  recorded_clear (&exercise);
  recorded_clear (&open);
  recorded_clear (&diary);
  stop_application (app);
}

/* The library narrows as you type, and "I used this" puts the skill on today's card with
 * the chosen rating; Undo takes it off again, card and log. */
static void
test_library (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = main_window ();
  SteadyDatabase *database = steady_application_get_database (app);
  g_autoptr(SteadyDiaryStore) diary = steady_diary_store_new (database);
  g_autoptr(GPtrArray) urge = steady_skills_library_search ("urge");
  SteadySkillsPage *page = show_skills (window);
  SteadySkillLibraryView *view;
  GtkWidget *row, *popover, *rating = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *use_uuid = NULL;
  guint n_skills;
  gboolean card_exists;

  steady_skills_library_get (&n_skills);
  steady_skills_page_show_subpage (page, "library");
  g_assert_cmpstr (steady_skills_page_get_subpage (page), ==, "library");
  view = STEADY_SKILL_LIBRARY_VIEW (find_first (GTK_WIDGET (page), STEADY_TYPE_SKILL_LIBRARY_VIEW));
  g_assert_cmpuint (steady_skill_library_view_count_shown (view), ==, n_skills);
  g_assert_true (has_visible_label (GTK_WIDGET (view), "Distress tolerance"));
  screenshots (window, settings, "library");

  /* Typing narrows the list to what the library's search finds. */
  g_assert_cmpuint (urge->len, >, 0);
  g_assert_cmpuint (urge->len, <, n_skills);
  type_search (GTK_WIDGET (view), "urge");
  g_assert_cmpuint (steady_skill_library_view_count_shown (view), ==, urge->len);
  for (guint i = 0; i < urge->len; i++)
    {
      const SteadySkill *skill = urge->pdata[i];

      g_assert_true (gtk_widget_get_visible (find_row (GTK_WIDGET (view), skill->name)));
    }
  type_search (GTK_WIDGET (view), "xylophone");
  g_assert_cmpuint (steady_skill_library_view_count_shown (view), ==, 0);
  wait_for_frame (GTK_WIDGET (view));
  g_assert_true (has_visible_label (GTK_WIDGET (view), "No skills found"));
  type_search (GTK_WIDGET (view), "");
  g_assert_cmpuint (steady_skill_library_view_count_shown (view), ==, n_skills);

  /* Wise mind was on today's card already, rated 2; "I used this" with 5 changes it. */
  g_assert_true (steady_diary_store_log_skill_use (diary, "wise-mind", 2, STEADY_DIARY_NONE,
                                                   STEADY_DIARY_NONE, g_get_real_time (),
                                                   local_offset (), &error) != NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (count_skill_uses (database), ==, 1);

  row = find_row (GTK_WIDGET (view), "Wise mind");
  popover = open_used_popover (row);
  save_screenshot (popover, "skills-page-library-rating-light");
  collect (popover_step (popover, "rating"), GTK_TYPE_BUTTON, buttons);
  /* The whole scale, each step in words. */
  g_assert_cmpuint (buttons->len, ==, STEADY_SKILL_RATING_MAX + 1);
  for (guint i = 0; i < buttons->len; i++)
    if (has_visible_label (buttons->pdata[i], "5 · "))
      rating = buttons->pdata[i];
  g_assert_nonnull (rating);
  g_assert_true (has_visible_label (rating, steady_skill_rating_get_meaning (5)));
  click (rating);
  drain_events ();
  /* Distress is asked next, and skipping it logs the use without. */
  g_assert_cmpuint (count_skill_uses (database), ==, 1);
  click (find_button_with_label (popover_step (popover, "distress"), "_Skip"));
  drain_events ();
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpint (today_skill_rating (diary, "wise-mind", &card_exists), ==, 5);
  g_assert_cmpuint (count_skill_uses (database), ==, 2);

  /* Undo: the log loses the new use and the card has its 2 back. */
  wait_for_frame (GTK_WIDGET (window));
  click (find_button_with_label (GTK_WIDGET (page), "_Undo"));
  drain_events ();
  g_assert_cmpint (today_skill_rating (diary, "wise-mind", &card_exists), ==, 2);
  g_assert_cmpuint (count_skill_uses (database), ==, 1);

  /* A skill that was on no card: Undo leaves no card behind it made. */
  {
    g_autoptr(SteadyDiaryCard) deleted = steady_diary_store_delete_card (diary, today (), &error);

    g_assert_no_error (error);
    g_assert_nonnull (deleted);
  }
  g_clear_pointer (&buttons, g_ptr_array_unref);
  buttons = g_ptr_array_new ();
  row = find_row (GTK_WIDGET (view), "STOP");
  popover = open_used_popover (row);
  collect (popover_step (popover, "rating"), GTK_TYPE_BUTTON, buttons);
  click (buttons->pdata[0]);
  click (find_button_with_label (popover_step (popover, "distress"), "_Skip"));
  drain_events ();
  g_assert_cmpint (today_skill_rating (diary, "stop", &card_exists), ==, STEADY_SKILL_RATING_MAX);
  g_assert_true (card_exists);
  save_screenshot (GTK_WIDGET (window), "skills-page-library-logged-wide-light");
  click (find_button_with_label (GTK_WIDGET (page), "_Undo"));
  drain_events ();
  g_assert_cmpint (today_skill_rating (diary, "stop", &card_exists), ==, STEADY_DIARY_NONE);
  g_assert_false (card_exists);

  stop_application (app);
}

/* Everything in one list, newest first; filter, search with highlighted words, open through
 * the window's actions, delete with Undo; private records are marked. */
static void
test_history (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = main_window ();
  SteadyDatabase *database = steady_application_get_database (app);
  g_autoptr(SteadySkillStore) store = steady_skill_store_new (database);
  g_autoptr(SteadyDiaryStore) diary = steady_diary_store_new (database);
  g_autoptr(SteadyDiaryCard) card = steady_diary_card_new (today () - 1, local_offset ());
  g_autoptr(SteadySkillRecord) thought = NULL;
  g_autoptr(SteadySkillRecord) facts = NULL;
  g_autoptr(SteadySkillRecord) loaded = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *use = NULL;
  gint64 use_time;
  guint n_items;
  Recorded open = { 0 }, diary_card = { 0 };
  const SteadyHistoryItem *item;
  SteadySkillsPage *page;
  GtkWidget *private_mark;
  GtkWidget *history;

  record_action (window, "open-skill-record", G_VARIANT_TYPE_STRING, &open);
  record_action (window, "diary-card", G_VARIANT_TYPE_INT32, &diary_card);

  /* Nothing yet: a kind empty state. */
  page = show_skills (window);
  steady_skills_page_show_subpage (page, "history");
  wait_for_frame (GTK_WIDGET (page));
  g_assert_true (has_visible_label (GTK_WIDGET (page), "Nothing here yet"));
  save_screenshot (GTK_WIDGET (window), "skills-page-history-empty-wide-light");

  /* Newest first: a private thought record, a practice, a skill used, check the facts,
   * yesterday's card. */
  thought = save_record (store, STEADY_SKILL_KIND_THOUGHT_RECORD, 1 * MINUTE_US,
                         "Walked to the river after group and felt judged", 7, 4, TRUE);
  steady_skill_record_set_private (thought, TRUE);
  g_assert_true (steady_skill_store_save (store, thought, &error));
  add_practice (database, STEADY_PRACTICE_KIND_BREATHING, 2 * MINUTE_US, 6, 3);
  use_time = g_get_real_time () - 3 * MINUTE_US;
  use = steady_diary_store_log_skill_use (diary, "tipp", 5, STEADY_DIARY_NONE,
                                          STEADY_DIARY_NONE, use_time, local_offset (), &error);
  g_assert_no_error (error);
  /* The use puts the skill on its day's card, which is a second card unless that day (just
   * after midnight) is yesterday. */
  n_items = steady_journal_day_from_time (use_time, local_offset ()) == today () - 1 ? 5 : 6;
  facts = save_record (store, STEADY_SKILL_KIND_CHECK_FACTS, 4 * MINUTE_US,
                       "Fear about the river crossing", -1, -1, TRUE);
  card->distress = 4;
  g_assert_true (steady_diary_store_save_card (diary, card, &error));
  g_assert_no_error (error);

  steady_skills_page_reload (page);
  rows = history_rows (page);
  g_assert_cmpuint (rows->len, ==, n_items);
  item = steady_skill_history_row_get_item (rows->pdata[0]);
  g_assert_cmpint (item->kind, ==, STEADY_SKILL_KIND_THOUGHT_RECORD);
  for (guint i = 1; i < rows->len; i++)
    g_assert_cmpint (steady_skill_history_row_get_item (rows->pdata[i - 1])->time_us, >=,
                     steady_skill_history_row_get_item (rows->pdata[i])->time_us);
  /* The private one is marked, the others are not. */
  private_mark = NULL;
  {
    g_autoptr(GPtrArray) images = g_ptr_array_new ();

    collect (rows->pdata[0], GTK_TYPE_IMAGE, images);
    for (guint i = 0; i < images->len; i++)
      if (g_strcmp0 (gtk_image_get_icon_name (images->pdata[i]), "changes-prevent-symbolic") == 0)
        private_mark = images->pdata[i];
    g_assert_nonnull (private_mark);
    g_ptr_array_set_size (images, 0);
    collect (rows->pdata[1], GTK_TYPE_IMAGE, images);
    for (guint i = 0; i < images->len; i++)
      g_assert_cmpstr (gtk_image_get_icon_name (images->pdata[i]), !=, "changes-prevent-symbolic");
  }
  g_assert_true (has_visible_label (rows->pdata[0], "Thought record"));
  g_assert_true (has_visible_label (rows->pdata[0], "Walked to the river"));
  screenshots (window, settings, "history");

  /* Open: an exercise in its editor, the card on its day. */
  g_signal_emit_by_name (gtk_widget_get_parent (rows->pdata[0]), "row-activated", rows->pdata[0]);
  g_assert_cmpuint (open.n_activations, ==, 1);
  g_assert_cmpstr (g_variant_get_string (open.parameter, NULL), ==,
                   steady_skill_record_get_uuid (thought));
  for (guint i = 0; i < rows->len; i++)
    if (steady_skill_history_row_get_item (rows->pdata[i])->kind == STEADY_HISTORY_DIARY_CARD &&
        steady_skill_history_row_get_item (rows->pdata[i])->time_us <
        g_get_real_time () - 24 * HOUR_US)
      g_signal_emit_by_name (gtk_widget_get_parent (rows->pdata[i]), "row-activated",
                             rows->pdata[i]);
  g_assert_cmpuint (diary_card.n_activations, ==, 1);
  g_assert_cmpint (g_variant_get_int32 (diary_card.parameter), ==, today () - 1);

  /* Filter by kind. */
  history = find_first (page_child (page, "history_bin"), STEADY_TYPE_SKILL_HISTORY_VIEW);
  g_assert_true (gtk_widget_activate_action (history, "history.kind", "i",
                                             STEADY_HISTORY_PRACTICE));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (find_first (history,
                                                                           GTK_TYPE_MENU_BUTTON))),
                   ==, "Breathing or mindfulness");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = history_rows (page);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (steady_skill_history_row_get_item (rows->pdata[0])->kind, ==,
                   STEADY_HISTORY_PRACTICE);
  g_assert_true (gtk_widget_activate_action (history, "history.kind", "i", -1));

  /* Search the words of exercises; the match is in bold, as in the journal. */
  type_search (page_child (page, "history_bin"), "river");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = history_rows (page);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_true (has_label_markup (rows->pdata[0], "<b>river</b>"));
  g_assert_true (has_label_markup (rows->pdata[1], "<b>river</b>"));
  save_screenshot (GTK_WIDGET (window), "skills-page-history-search-wide-light");
  type_search (page_child (page, "history_bin"), "xylophone");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = history_rows (page);
  g_assert_cmpuint (rows->len, ==, 0);
  wait_for_frame (GTK_WIDGET (page));
  g_assert_true (has_visible_label (GTK_WIDGET (page), "Nothing found"));
  type_search (page_child (page, "history_bin"), "");

  /* Delete the thought record, then Undo brings it back as it was. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = history_rows (page);
  g_assert_cmpuint (rows->len, ==, n_items);
  click (steady_skill_history_row_get_delete_button (rows->pdata[0]));
  drain_events ();
  loaded = steady_skill_store_load (store, steady_skill_record_get_uuid (thought), &error);
  g_assert_null (loaded);
  g_clear_error (&error);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = history_rows (page);
  g_assert_cmpuint (rows->len, ==, n_items - 1);
  wait_for_frame (GTK_WIDGET (window));
  click (find_button_with_label (GTK_WIDGET (page), "_Undo"));
  drain_events ();
  loaded = steady_skill_store_load (store, steady_skill_record_get_uuid (thought), &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (steady_skill_record_get_private (loaded));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = history_rows (page);
  g_assert_cmpuint (rows->len, ==, n_items);

  /* The skill used goes and comes back the same way. */
  for (guint i = 0; i < rows->len; i++)
    if (steady_skill_history_row_get_item (rows->pdata[i])->kind == STEADY_HISTORY_SKILL_USE)
      click (steady_skill_history_row_get_delete_button (rows->pdata[i]));
  drain_events ();
  g_assert_cmpuint (count_skill_uses (database), ==, 0);
  wait_for_frame (GTK_WIDGET (window));
  click (find_button_with_label (GTK_WIDGET (page), "_Undo"));
  drain_events ();
  g_assert_cmpuint (count_skill_uses (database), ==, 1);

  recorded_clear (&open);
  recorded_clear (&diary_card);
  stop_application (app);
}

/* A long history comes a page at a time, the next when asked for (or scrolled to), with
 * nothing missed or shown twice. */
static void
test_history_paging (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = main_window ();
  SteadyDatabase *database = steady_application_get_database (app);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) rows = NULL;
  SteadySkillsPage *page;
  GtkWidget *more;
  const guint n_practices = 100;

  for (guint i = 0; i < n_practices; i++)
    add_practice (database, i % 2 == 0 ? STEADY_PRACTICE_KIND_BREATHING
                                       : STEADY_PRACTICE_KIND_MINDFULNESS,
                  (i + 1) * 10 * MINUTE_US, -1, -1);
  page = show_skills (window);
  steady_skills_page_show_subpage (page, "history");
  wait_for_frame (GTK_WIDGET (page));

  rows = history_rows (page);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (rows->len, <, n_practices);
  more = find_button_with_label (page_child (page, "history_bin"), "Show _More");
  g_assert_nonnull (more);
  while (gtk_widget_get_visible (more))
    {
      guint before = rows->len;

      click (more);
      g_clear_pointer (&rows, g_ptr_array_unref);
      rows = history_rows (page);
      g_assert_cmpuint (rows->len, >, before);
    }
  g_assert_cmpuint (rows->len, ==, n_practices);
  for (guint i = 0; i < rows->len; i++)
    {
      const SteadyHistoryItem *item = steady_skill_history_row_get_item (rows->pdata[i]);

      g_assert_false (g_hash_table_contains (seen, item->uuid));
      g_hash_table_add (seen, item->uuid);
      if (i > 0)
        g_assert_cmpint (steady_skill_history_row_get_item (rows->pdata[i - 1])->time_us, >,
                         item->time_us);
    }

  stop_application (app);
}

/* "What helps me" says why it shows nothing until there is enough, then ranks by the mean
 * fall in distress, with counts. */
static void
test_what_helps (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = main_window ();
  SteadyDatabase *database = steady_application_get_database (app);
  g_autoptr(SteadySkillStore) store = steady_skill_store_new (database);
  g_autoptr(GPtrArray) titles = NULL;
  SteadySkillsPage *page = show_skills (window);
  SteadyWhatHelpsView *view;

  steady_skills_page_show_subpage (page, "what-helps");
  view = STEADY_WHAT_HELPS_VIEW (find_first (GTK_WIDGET (page), STEADY_TYPE_WHAT_HELPS_VIEW));
  wait_for_frame (GTK_WIDGET (view));
  g_assert_true (steady_what_helps_view_is_empty (view));
  g_assert_true (has_visible_label (GTK_WIDGET (view), "Not enough to go on yet"));
  g_assert_true (has_visible_label (GTK_WIDGET (view), "at least 3 times"));
  screenshots (window, settings, "what-helps-empty");

  /* Two rated uses are not enough yet. */
  for (int i = 0; i < 2; i++)
    g_object_unref (save_record (store, STEADY_SKILL_KIND_CHECK_FACTS, (i + 1) * HOUR_US, NULL,
                                 6, 5, TRUE));
  g_action_group_activate_action (G_ACTION_GROUP (window), "skills-changed", NULL);
  g_assert_true (steady_what_helps_view_is_empty (view));

  /* Breathing eased distress by 5, check the facts by 1, opposite action not at all. */
  g_object_unref (save_record (store, STEADY_SKILL_KIND_CHECK_FACTS, 3 * HOUR_US, NULL, 6, 5,
                               TRUE));
  for (int i = 0; i < 3; i++)
    {
      add_practice (database, STEADY_PRACTICE_KIND_BREATHING, (i + 1) * 24 * HOUR_US, 8, 3);
      g_object_unref (save_record (store, STEADY_SKILL_KIND_OPPOSITE_ACTION, (i + 1) * 2 * HOUR_US,
                                   NULL, 5, 5, TRUE));
    }
  g_action_group_activate_action (G_ACTION_GROUP (window), "skills-changed", NULL);
  wait_for_frame (GTK_WIDGET (view));
  g_assert_false (steady_what_helps_view_is_empty (view));
  titles = row_titles (GTK_WIDGET (view));
  g_assert_cmpuint (titles->len, ==, 3);
  g_assert_cmpstr (titles->pdata[0], ==, "Breathing pacer");
  g_assert_cmpstr (titles->pdata[1], ==, "Check the facts");
  g_assert_cmpstr (titles->pdata[2], ==, "Opposite action");
  g_assert_true (has_visible_label (GTK_WIDGET (view),
                                    "eased by 5.0 points on average, from the 3 times you "
                                    "rated it"));
  g_assert_true (has_visible_label (GTK_WIDGET (view), "stayed about the same"));
  screenshots (window, settings, "what-helps");

  /* Back (the button, Escape or Alt+Left) returns to the page itself. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "skills.back", NULL));
  g_assert_cmpstr (steady_skills_page_get_subpage (page), ==, "overview");

  stop_application (app);
}

/* "I used this" asks how it went, then distress before and after (skippable, "Not rated"
 * until touched); the ratings are logged with the use, and three rated uses with falling
 * distress put the skill into "what helps me". */
static void
test_library_distress (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = main_window ();
  SteadyDatabase *database = steady_application_get_database (app);
  g_autoptr(SteadyDiaryStore) diary = steady_diary_store_new (database);
  SteadySkillsPage *page = show_skills (window);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) titles = NULL;
  g_autofree char *logged = NULL;
  GtkWidget *view, *row, *popover, *distress;
  SteadyWhatHelpsView *what_helps;
  gboolean card_exists;

  steady_skills_page_show_subpage (page, "library");
  view = find_first (GTK_WIDGET (page), STEADY_TYPE_SKILL_LIBRARY_VIEW);
  row = find_row (view, "TIPP");
  g_assert_nonnull (row);

  /* The second step, as it looks: both questions not rated yet. */
  for (guint narrow = 0; narrow <= 1; narrow++)
    for (guint dark = 0; dark <= 1; dark++)
      {
        g_autofree char *name = g_strdup_printf ("skills-page-library-distress-%s-%s",
                                                 narrow ? "narrow" : "wide",
                                                 dark ? "dark" : "light");

        set_color_scheme (settings, dark ? "dark" : "light");
        resize_window (GTK_WINDOW (window), narrow ? NARROW_WIDTH : WIDE_WIDTH, WINDOW_HEIGHT);
        popover = open_used_popover (row);
        g_ptr_array_set_size (buttons, 0);
        collect (popover_step (popover, "rating"), GTK_TYPE_BUTTON, buttons);
        click (buttons->pdata[STEADY_SKILL_RATING_MAX - 5]);
        distress = popover_step (popover, "distress");
        wait_for_frame (popover);
        g_assert_true (gtk_widget_get_mapped (distress));
        g_assert_true (has_visible_label (distress, "How distressed were you?"));
        g_assert_true (has_visible_label (distress, "Before you used the skill"));
        g_assert_true (has_visible_label (distress, "Now, after it"));
        g_assert_true (has_visible_label (distress, "Not rated"));
        /* It fits a narrow window, with room for the popover's frame. */
        g_assert_cmpint (gtk_widget_get_width (distress), <=, NARROW_WIDTH - 40);
        save_screenshot (popover, name);
        click (find_button_with_label (distress, "_Skip"));
        drain_events ();
      }
  set_color_scheme (settings, "light");
  resize_window (GTK_WINDOW (window), WIDE_WIDTH, WINDOW_HEIGHT);
  g_clear_pointer (&logged, g_free);
  logged = logged_distress (database, "tipp");
  g_assert_cmpstr (logged, ==, "->- ->- ->- ->-");
  g_assert_cmpint (today_skill_rating (diary, "tipp", &card_exists), ==, 5);

  /* Closing the popover after choosing keeps the use, with what was rated; closing before
   * choosing logs nothing. */
  popover = open_used_popover (row);
  gtk_popover_popdown (GTK_POPOVER (popover));
  drain_events ();
  popover = open_used_popover (row);
  g_assert_true (gtk_widget_get_mapped (popover_step (popover, "rating")));
  g_ptr_array_set_size (buttons, 0);
  collect (popover_step (popover, "rating"), GTK_TYPE_BUTTON, buttons);
  click (buttons->pdata[STEADY_SKILL_RATING_MAX - 3]);
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    collect (popover_step (popover, "distress"), STEADY_TYPE_RATING_ROW, rows);
    gtk_range_set_value (steady_rating_row_get_scale (rows->pdata[0]), 9);
    g_assert_true (has_visible_label (rows->pdata[0], "9 of 10"));
  }
  gtk_popover_popdown (GTK_POPOVER (popover));
  drain_events ();
  g_clear_pointer (&logged, g_free);
  logged = logged_distress (database, "tipp");
  g_assert_cmpstr (logged, ==, "->- ->- ->- ->- 9>-");
  g_assert_cmpint (today_skill_rating (diary, "tipp", &card_exists), ==, 3);

  /* "What helps me" needs three uses rated before and after. */
  steady_skills_page_show_subpage (page, "what-helps");
  what_helps = STEADY_WHAT_HELPS_VIEW (find_first (GTK_WIDGET (page),
                                                   STEADY_TYPE_WHAT_HELPS_VIEW));
  g_assert_true (steady_what_helps_view_is_empty (what_helps));
  steady_skills_page_show_subpage (page, "library");
  use_skill_rated (row, 6, 8, 4);
  use_skill_rated (row, 5, 7, 3);
  steady_skills_page_show_subpage (page, "what-helps");
  g_assert_true (steady_what_helps_view_is_empty (what_helps));
  steady_skills_page_show_subpage (page, "library");
  use_skill_rated (row, 7, 6, 3);
  g_clear_pointer (&logged, g_free);
  logged = logged_distress (database, "tipp");
  g_assert_cmpstr (logged, ==, "->- ->- ->- ->- 9>- 8>4 7>3 6>3");

  /* The page reads "what helps me" again after each use, so it is there on return. */
  steady_skills_page_show_subpage (page, "what-helps");
  wait_for_frame (GTK_WIDGET (what_helps));
  g_assert_false (steady_what_helps_view_is_empty (what_helps));
  titles = row_titles (GTK_WIDGET (what_helps));
  g_assert_cmpuint (titles->len, ==, 1);
  g_assert_cmpstr (titles->pdata[0], ==, "TIPP");
  g_assert_true (has_visible_label (GTK_WIDGET (what_helps),
                                    "eased by 3.7 points on average, from the 3 times you "
                                    "rated it"));
  save_screenshot (GTK_WIDGET (window), "skills-page-what-helps-library-skill-wide-light");

  /* Quitting with the distress step open logs the use chosen, and nothing complains. */
  steady_skills_page_show_subpage (page, "library");
  popover = open_used_popover (row);
  g_ptr_array_set_size (buttons, 0);
  collect (popover_step (popover, "rating"), GTK_TYPE_BUTTON, buttons);
  click (buttons->pdata[STEADY_SKILL_RATING_MAX - 2]);
  g_assert_true (gtk_widget_get_mapped (popover_step (popover, "distress")));
  gtk_window_destroy (GTK_WINDOW (window));
  drain_events ();
  g_clear_pointer (&logged, g_free);
  logged = logged_distress (database, "tipp");
  g_assert_cmpstr (logged, ==, "->- ->- ->- ->- 9>- 8>4 7>3 6>3 ->-");

  stop_application (app);
}

static const UiTest ui_tests[] = {
  { "/skills-page/overview", test_overview },
  { "/skills-page/library", test_library },
  { "/skills-page/library-distress", test_library_distress },
  { "/skills-page/history", test_history },
  { "/skills-page/history-paging", test_history_paging },
  { "/skills-page/what-helps", test_what_helps },
};

int
main (int   argc,
      char *argv[])
{
  keep_system_data_dirs ();
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (ui_tests); i++)
    g_test_add_data_func (ui_tests[i].path, &ui_tests[i], run_in_subprocess);

  return g_test_run ();
}
