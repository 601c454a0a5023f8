/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-shortcuts.c: every shortcut the Keyboard Shortcuts window lists, pressed on the real
 * application under Xvfb and checked for what it does, so the window never promises a key
 * that does nothing; a shortcut listed without a check here fails the test. */

#define G_LOG_DOMAIN "steady-test-shortcuts"

#include "config.h"

#include "steady-application.h"
#include "steady-breathing-view.h"
#include "steady-calendar-page.h"
#include "steady-diary-card-window.h"
#include "steady-diary-store.h"
#include "steady-diary-targets-dialog.h"
#include "steady-draft-store.h"
#include "steady-entry-editor.h"
#include "steady-export-dialog.h"
#include "steady-help-dialog.h"
#include "steady-import-dialog.h"
#include "steady-journal-page.h"
#include "steady-mindfulness-view.h"
#include "steady-restore-dialog.h"
#include "steady-safety-item-row.h"
#include "steady-safety-plan-store.h"
#include "steady-safety-plan-window.h"
#include "steady-session-editor.h"
#include "steady-session-store.h"
#include "steady-share-dialog.h"
#include "steady-skill-editor.h"
#include "steady-skill-library-view.h"
#include "steady-skill-store.h"
#include "steady-skills-page.h"
#include "steady-window.h"

#include "steady-ui-test-util.h"

#define SHORTCUTS_RESOURCE "/io/github/steadyapp/Steady/steady-shortcuts-window.ui"

typedef struct
{
  SteadyApplication *app;
  SteadyWindow      *window;
} Fixture;

typedef void (*Check) (Fixture         *fixture,
                       guint            keyval,
                       GdkModifierType  modifiers);

/* An accelerator of the application's, and the action it must reach. */
static const struct
{
  const char *accelerator;
  const char *action;
} app_accels[] = {
  { "<Control><Shift>h", "win.get-help" },
  { "<Control>comma", "app.preferences" },
  { "<Control>question", "win.show-help-overlay" },
  { "<Control>q", "app.quit" },
};

/* Helpers ---------------------------------------------------------------------------------- */

static gpointer
show_page (Fixture    *fixture,
           const char *name,
           GType       type)
{
  GtkWidget *page;

  steady_window_set_page (fixture->window, name);
  page = find_first (GTK_WIDGET (fixture->window), type);
  g_assert_nonnull (page);
  wait_for_frame (page);
  return page;
}

static SteadySkillsPage *
show_skills (Fixture *fixture)
{
  return STEADY_SKILLS_PAGE (show_page (fixture, "skills", STEADY_TYPE_SKILLS_PAGE));
}

static SteadySkillEditor *
open_thought_record (Fixture *fixture)
{
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "skill-exercise",
                                  g_variant_new_string ("thought-record"));
  return STEADY_SKILL_EDITOR (wait_for_toplevel (STEADY_TYPE_SKILL_EDITOR));
}

static SteadyDiaryCardWindow *
open_card (Fixture *fixture)
{
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "diary-card",
                                  g_variant_new_int32 (today ()));
  return STEADY_DIARY_CARD_WINDOW (wait_for_toplevel (STEADY_TYPE_DIARY_CARD_WINDOW));
}

/* A key whose action opens what a test cannot answer here reaches that action: the print
 * dialog asks the print system for printers, and the file chooser needs GTK's own settings
 * schema, which the tests' schema folder lacks. Saving and printing themselves are tested in
 * test-share-dialog (to files) and, for the plan, test-safety-printout. */
static void
assert_key_runs (GtkWidget       *window,
                 guint            keyval,
                 GdkModifierType  modifiers,
                 const char      *wanted)
{
  g_autofree char *action = key_action_name (window, keyval, modifiers);

  g_assert_cmpstr (action, ==, wanted);
}

static SteadySafetyPlanStore *
plan_store (Fixture *fixture)
{
  return steady_safety_plan_store_get_for_database (
    steady_application_get_database (fixture->app));
}

static SteadySafetyPlanWindow *
open_plan (Fixture *fixture)
{
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "safety-plan", NULL);
  return STEADY_SAFETY_PLAN_WINDOW (wait_for_toplevel (STEADY_TYPE_SAFETY_PLAN_WINDOW));
}

static void
close_plan (SteadySafetyPlanWindow *plan)
{
  gtk_window_close (GTK_WINDOW (plan));
  wait_until_gone (STEADY_TYPE_SAFETY_PLAN_WINDOW);
}

static gboolean
share_ready (gpointer data)
{
  return !steady_share_dialog_get_busy (data) && steady_share_dialog_get_n_pages (data) > 0;
}

static SteadyShareDialog *
open_share (Fixture *fixture)
{
  SteadyShareDialog *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "share-report", NULL);
  dialog = STEADY_SHARE_DIALOG (wait_for_toplevel (STEADY_TYPE_SHARE_DIALOG));
  /* There is no past session to start from; the week holds the fixture's check-ins. */
  steady_share_dialog_set_range_kind (dialog, STEADY_SHARE_RANGE_LAST_WEEK);
  wait_until (share_ready, dialog);
  return dialog;
}

static void
close_share (SteadyShareDialog *dialog)
{
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until_gone (STEADY_TYPE_SHARE_DIALOG);
}

/* The checks, one per thing a key should do ------------------------------------------------ */

/* An application accelerator (Get help now, Preferences, …): GtkApplication sends the key to
 * its action, which is there and enabled. */
static void
check_app_accel (Fixture         *fixture,
                 guint            keyval,
                 GdkModifierType  modifiers)
{
  g_autofree char *accel = gtk_accelerator_name (keyval, modifiers);
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (fixture->app),
                                                                 accel);
  const char *wanted = NULL;
  GActionGroup *group;

  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    {
      guint app_keyval;
      GdkModifierType app_modifiers;

      g_assert_true (gtk_accelerator_parse (app_accels[i].accelerator, &app_keyval,
                                            &app_modifiers));
      if (app_keyval == keyval && app_modifiers == modifiers)
        wanted = app_accels[i].action;
    }
  g_assert_nonnull (wanted);
  g_assert_true (g_strv_contains ((const char * const *)actions, wanted));
  group = g_str_has_prefix (wanted, "win.") ? G_ACTION_GROUP (fixture->window)
                                            : G_ACTION_GROUP (fixture->app);
  g_assert_true (g_action_group_has_action (group, wanted + 4));
  g_assert_true (g_action_group_get_action_enabled (group, wanted + 4));
}

/* Alt+1…4: the accelerator reaches win.show-page, which shows that page. */
static void
check_page (Fixture         *fixture,
            guint            keyval,
            GdkModifierType  modifiers)
{
  static const char * const pages[] = { "today", "calendar", "skills", "journal" };
  g_autofree char *accel = gtk_accelerator_name (keyval, modifiers);
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (fixture->app),
                                                                 accel);
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;
  guint index = keyval - GDK_KEY_1;

  g_assert_cmpuint (index, <, G_N_ELEMENTS (pages));
  g_assert_cmpuint (g_strv_length (actions), ==, 1);
  g_assert_true (g_action_parse_detailed_name (actions[0], &name, &target, NULL));
  g_assert_cmpstr (name, ==, "win.show-page");
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-page", target);
  g_assert_cmpstr (steady_window_get_page (fixture->window), ==, pages[index]);
  steady_window_set_page (fixture->window, "today");
}

/* F10 opens the main menu: the menu button is the window's primary one. */
static void
check_main_menu (Fixture         *fixture,
                 guint            keyval,
                 GdkModifierType  modifiers)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkMenuButton *primary = NULL;

  collect (GTK_WIDGET (fixture->window), GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_menu_button_get_primary (buttons->pdata[i]))
      primary = buttons->pdata[i];
  g_assert_nonnull (primary);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (primary)));
  g_assert_nonnull (gtk_menu_button_get_menu_model (primary));
}

/* Ctrl+F: the library's search while the library shows, else the history and its search. */
static void
check_skills_search (Fixture         *fixture,
                     guint            keyval,
                     GdkModifierType  modifiers)
{
  SteadySkillsPage *page = show_skills (fixture);
  GtkWindow *window = GTK_WINDOW (fixture->window);
  GtkWidget *library;

  g_assert_cmpstr (steady_skills_page_get_subpage (page), ==, "overview");
  g_assert_true (press_key (GTK_WIDGET (page), keyval, modifiers));
  g_assert_cmpstr (steady_skills_page_get_subpage (page), ==, "history");
  g_assert_true (GTK_IS_TEXT (gtk_window_get_focus (window)));
  g_assert_nonnull (gtk_widget_get_ancestor (gtk_window_get_focus (window),
                                             GTK_TYPE_SEARCH_ENTRY));

  steady_skills_page_show_subpage (page, "library");
  library = find_first (GTK_WIDGET (page), STEADY_TYPE_SKILL_LIBRARY_VIEW);
  gtk_widget_grab_focus (find_first (library, ADW_TYPE_ACTION_ROW));
  g_assert_true (press_key (GTK_WIDGET (page), keyval, modifiers));
  g_assert_cmpstr (steady_skills_page_get_subpage (page), ==, "library");
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (window),
                                         find_first (library, GTK_TYPE_SEARCH_ENTRY)));
  steady_skills_page_show_subpage (page, "overview");
}

/* Escape on the page, or Alt+Left on its leaflet (as AdwLeaflet's can-navigate-back has it),
 * goes back from a sub-page to the page itself. */
static void
check_skills_back (Fixture         *fixture,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  SteadySkillsPage *page = show_skills (fixture);
  GtkWidget *target = GTK_WIDGET (page);

  steady_skills_page_show_subpage (page, "what-helps");
  g_assert_cmpstr (steady_skills_page_get_subpage (page), ==, "what-helps");
  if (keyval != GDK_KEY_Escape)
    target = find_first (GTK_WIDGET (page), ADW_TYPE_LEAFLET);
  g_assert_true (press_key (target, keyval, modifiers));
  wait_for_frame (GTK_WIDGET (page));
  g_assert_cmpstr (steady_skills_page_get_subpage (page), ==, "overview");
}

/* Alt+Right goes a step on in an exercise, Alt+Left back (Ctrl+Page Down/Up too, unlisted). */
static void
check_editor_step (Fixture         *fixture,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  SteadySkillEditor *editor = open_thought_record (fixture);
  gboolean forward = keyval == GDK_KEY_Right;

  steady_skill_editor_set_step (editor, 3);
  g_assert_true (press_key (GTK_WIDGET (editor), keyval, modifiers));
  g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, forward ? 4 : 2);
  gtk_window_destroy (GTK_WINDOW (editor));
  wait_until_gone (STEADY_TYPE_SKILL_EDITOR);
}

/* Ctrl+S saves the exercise for later and closes it. */
static void
check_editor_save (Fixture         *fixture,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  g_autoptr(SteadySkillStore) store =
    steady_skill_store_new (steady_application_get_database (fixture->app));
  SteadySkillEditor *editor = open_thought_record (fixture);
  g_autofree char *uuid = g_strdup (steady_skill_editor_get_uuid (editor));
  g_autoptr(SteadySkillRecord) saved = NULL;
  g_autoptr(GError) error = NULL;

  steady_skill_record_set_text (steady_skill_editor_get_record (editor), "situation",
                                "Saved with Ctrl+S");
  g_assert_true (press_key (GTK_WIDGET (editor), keyval, modifiers));
  wait_until_gone (STEADY_TYPE_SKILL_EDITOR);
  saved = steady_skill_store_load (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steady_skill_record_get_text (saved, "situation"), ==, "Saved with Ctrl+S");
  g_assert_false (steady_skill_record_get_finished (saved));
}

/* Escape closes an exercise. */
static void
check_editor_close (Fixture         *fixture,
                    guint            keyval,
                    GdkModifierType  modifiers)
{
  SteadySkillEditor *editor = open_thought_record (fixture);

  g_assert_true (press_key (GTK_WIDGET (editor), keyval, modifiers));
  wait_until_gone (STEADY_TYPE_SKILL_EDITOR);
}

/* Ctrl+S saves the diary card. */
static void
check_card_save (Fixture         *fixture,
                 guint            keyval,
                 GdkModifierType  modifiers)
{
  g_autoptr(SteadyDiaryStore) store =
    steady_diary_store_new (steady_application_get_database (fixture->app));
  SteadyDiaryCardWindow *card = open_card (fixture);
  g_autoptr(SteadyDiaryCard) saved = NULL;
  g_autoptr(GError) error = NULL;

  saved = steady_diary_store_load_card (store, today (), local_offset (), &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved->created_us, ==, 0);
  g_clear_pointer (&saved, steady_diary_card_free);
  g_assert_true (press_key (GTK_WIDGET (card), keyval, modifiers));
  saved = steady_diary_store_load_card (store, today (), local_offset (), &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved->created_us, !=, 0);
  gtk_window_destroy (GTK_WINDOW (card));
  wait_until_gone (STEADY_TYPE_DIARY_CARD_WINDOW);
}

/* Alt+Left shows the day before, Alt+Right the day after. */
static void
check_card_day (Fixture         *fixture,
                guint            keyval,
                GdkModifierType  modifiers)
{
  SteadyDiaryCardWindow *card = open_card (fixture);
  int start = keyval == GDK_KEY_Left ? today () : today () - 2;

  steady_diary_card_window_set_day (card, start);
  g_assert_true (press_key (GTK_WIDGET (card), keyval, modifiers));
  g_assert_cmpint (steady_diary_card_window_get_day (card), ==,
                   keyval == GDK_KEY_Left ? start - 1 : start + 1);
  gtk_window_destroy (GTK_WINDOW (card));
  wait_until_gone (STEADY_TYPE_DIARY_CARD_WINDOW);
}

/* Ctrl+W closes the diary card. */
static void
check_card_close (Fixture         *fixture,
                  guint            keyval,
                  GdkModifierType  modifiers)
{
  SteadyDiaryCardWindow *card = open_card (fixture);

  g_assert_true (press_key (GTK_WIDGET (card), keyval, modifiers));
  wait_until_gone (STEADY_TYPE_DIARY_CARD_WINDOW);
}

/* Ctrl+F on the Journal page: from the charts or the list, the cursor goes to the search. */
static void
check_journal_search (Fixture         *fixture,
                      guint            keyval,
                      GdkModifierType  modifiers)
{
  SteadyJournalPage *page = show_page (fixture, "journal", STEADY_TYPE_JOURNAL_PAGE);
  GtkWidget *focus;

  /* Heard wherever the focus is, e.g. on the view switcher after a click. */
  g_assert_cmpint (key_scope (GTK_WIDGET (page), keyval, modifiers), ==,
                   GTK_SHORTCUT_SCOPE_GLOBAL);
  steady_journal_page_show_charts (page, TRUE);
  g_assert_cmpstr (steady_journal_page_get_view (page), ==, "charts");
  g_assert_true (press_key (GTK_WIDGET (page), keyval, modifiers));
  g_assert_cmpstr (steady_journal_page_get_view (page), !=, "charts");
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));
  /* Only while the page is shown: elsewhere the key is left to others. */
  steady_window_set_page (fixture->window, "today");
  wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_false (press_key (GTK_WIDGET (page), keyval, modifiers));
}

/* Ctrl+N on the Journal page opens a new check-in. */
static void
check_journal_new (Fixture         *fixture,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  SteadyJournalPage *page = show_page (fixture, "journal", STEADY_TYPE_JOURNAL_PAGE);
  GtkWindow *editor;

  g_assert_cmpint (key_scope (GTK_WIDGET (page), keyval, modifiers), ==,
                   GTK_SHORTCUT_SCOPE_GLOBAL);
  g_assert_null (find_visible_toplevel (STEADY_TYPE_ENTRY_EDITOR));
  g_assert_true (press_key (GTK_WIDGET (page), keyval, modifiers));
  editor = wait_for_toplevel (STEADY_TYPE_ENTRY_EDITOR);
  g_assert_true (gtk_window_get_transient_for (editor) == GTK_WINDOW (fixture->window));
  gtk_window_destroy (editor);
  wait_until_gone (STEADY_TYPE_ENTRY_EDITOR);
}

/* A new check-in, mood chosen, as the Today page opens it. */
static SteadyEntryEditor *
open_check_in (Fixture *fixture)
{
  SteadyEntryEditor *editor =
    steady_entry_editor_new (GTK_WINDOW (fixture->window),
                             steady_application_get_journal_store (fixture->app), NULL, 3);

  gtk_window_present (GTK_WINDOW (editor));
  return STEADY_ENTRY_EDITOR (wait_for_toplevel (STEADY_TYPE_ENTRY_EDITOR));
}

/* Ctrl+S in a check-in saves it. */
static void
check_check_in_save (Fixture         *fixture,
                     guint            keyval,
                     GdkModifierType  modifiers)
{
  SteadyJournalStore *store = steady_application_get_journal_store (fixture->app);
  SteadyEntryEditor *editor = open_check_in (fixture);
  g_autoptr(GError) error = NULL;
  guint before = 0;
  guint after = 0;

  g_assert_true (steady_journal_store_count (store, &before, &error));
  steady_entry_editor_set_note (editor, "Saved with Ctrl+S");
  press_key (GTK_WIDGET (editor), keyval, modifiers);
  wait_until_gone (STEADY_TYPE_ENTRY_EDITOR);
  g_assert_true (steady_journal_store_count (store, &after, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (after, ==, before + 1);
}

/* Escape closes a check-in and keeps what was written as a draft. */
static void
check_check_in_close (Fixture         *fixture,
                      guint            keyval,
                      GdkModifierType  modifiers)
{
  g_autoptr(SteadyDraftStore) drafts =
    steady_draft_store_new (steady_application_get_database (fixture->app));
  SteadyEntryEditor *editor = open_check_in (fixture);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) kept = NULL;

  steady_entry_editor_set_note (editor, "Kept with Escape");
  g_assert_true (press_key (GTK_WIDGET (editor), keyval, modifiers));
  wait_until_gone (STEADY_TYPE_ENTRY_EDITOR);
  kept = steady_draft_store_list_keys (drafts, STEADY_MOOD_ENTRY_DRAFT_KIND, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (kept), ==, 1);
  g_assert_true (steady_draft_store_delete (drafts, STEADY_MOOD_ENTRY_DRAFT_KIND, kept[0],
                                            &error));
  g_assert_no_error (error);
}

static gpointer
open_session (Fixture *fixture)
{
  GtkWidget *page = show_page (fixture, "calendar", STEADY_TYPE_CALENDAR_PAGE);

  g_assert_null (find_visible_toplevel (STEADY_TYPE_SESSION_EDITOR));
  g_assert_true (press_key (page, GDK_KEY_n, GDK_CONTROL_MASK));
  return wait_for_toplevel (STEADY_TYPE_SESSION_EDITOR);
}

/* Ctrl+N on the Calendar page opens a new session, wherever the focus is; on another page
 * the key is left to that page. */
static void
check_calendar_new (Fixture         *fixture,
                    guint            keyval,
                    GdkModifierType  modifiers)
{
  GtkWindow *editor = open_session (fixture);
  GtkWidget *page = find_first (GTK_WIDGET (fixture->window), STEADY_TYPE_CALENDAR_PAGE);

  g_assert_true (gtk_window_get_transient_for (editor) == GTK_WINDOW (fixture->window));
  gtk_window_destroy (editor);
  wait_until_gone (STEADY_TYPE_SESSION_EDITOR);
  g_assert_cmpint (key_scope (page, keyval, modifiers), ==, GTK_SHORTCUT_SCOPE_GLOBAL);
  steady_window_set_page (fixture->window, "today");
  wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_false (press_key (page, keyval, modifiers));
  g_assert_null (find_visible_toplevel (STEADY_TYPE_SESSION_EDITOR));
}

/* Escape closes a new session without saving it. */
static void
check_session_close (Fixture         *fixture,
                     guint            keyval,
                     GdkModifierType  modifiers)
{
  g_autoptr(SteadySessionStore) store =
    steady_session_store_new (steady_application_get_database (fixture->app));
  GtkWindow *editor = open_session (fixture);
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (press_key (GTK_WIDGET (editor), keyval, modifiers));
  wait_until_gone (STEADY_TYPE_SESSION_EDITOR);
  series = steady_session_store_list_series (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->len, ==, 0);
}

/* F11 in the breathing and the mindfulness window reaches the window's full-screen toggle;
 * Escape leaves a window that is not in full screen open. Under Xvfb there is no window
 * manager to grant full screen, so the state itself cannot change here. */
static void
check_practice_full_screen (Fixture         *fixture,
                            guint            keyval,
                            GdkModifierType  modifiers)
{
  static const struct
  {
    const char *action;
    GType     (*get_type) (void);
    const char *toggle;
  } windows[] = {
    { "start-breathing", steady_breathing_view_get_type, "practice.toggle-fullscreen" },
    { "start-mindfulness", steady_mindfulness_view_get_type, "practice.toggle-fullscreen" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      GtkWindow *window;

      g_action_group_activate_action (G_ACTION_GROUP (fixture->window), windows[i].action,
                                      NULL);
      window = wait_for_toplevel (windows[i].get_type ());
      wait_for_frame (GTK_WIDGET (window));
      g_assert_false (gtk_window_is_fullscreen (window));
      if (keyval == GDK_KEY_F11)
        {
          g_autofree char *action = key_action_name (GTK_WIDGET (window), keyval, modifiers);

          g_assert_cmpstr (action, ==, windows[i].toggle);
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
        }
      else
        {
          g_assert_false (press_key (GTK_WIDGET (window), keyval, modifiers));
          drain_events ();
          g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
        }
      gtk_window_destroy (window);
      wait_until_gone (windows[i].get_type ());
    }
}

/* Ctrl+P prints the plan: the key reaches the print action, which is there to run. */
static void
check_plan_print (Fixture         *fixture,
                  guint            keyval,
                  GdkModifierType  modifiers)
{
  SteadySafetyPlanWindow *plan = open_plan (fixture);

  assert_key_runs (GTK_WIDGET (plan), keyval, modifiers, "plan.print");
  close_plan (plan);
}

/* Ctrl+S reaches "Save as PDF…" of the plan. */
static void
check_plan_save (Fixture         *fixture,
                 guint            keyval,
                 GdkModifierType  modifiers)
{
  SteadySafetyPlanWindow *plan = open_plan (fixture);

  assert_key_runs (GTK_WIDGET (plan), keyval, modifiers, "plan.save-pdf");
  close_plan (plan);
}

/* Ctrl+W and Escape close the plan. */
static void
check_plan_close (Fixture         *fixture,
                  guint            keyval,
                  GdkModifierType  modifiers)
{
  SteadySafetyPlanWindow *plan = open_plan (fixture);

  g_assert_true (press_key (GTK_WIDGET (plan), keyval, modifiers));
  wait_until_gone (STEADY_TYPE_SAFETY_PLAN_WINDOW);
}

static GPtrArray *
coping_rows (SteadySafetyPlanWindow *plan)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect (steady_safety_plan_window_get_section (plan, STEADY_SAFETY_SECTION_COPING),
           STEADY_TYPE_SAFETY_ITEM_ROW, rows);
  return rows;
}

static char *
first_coping_item (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = steady_safety_plan_store_list_section (
    plan_store (fixture), STEADY_SAFETY_SECTION_COPING, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >=, 1);
  return g_strdup (steady_safety_item_get_text (items->pdata[0]));
}

static void
add_coping_items (Fixture *fixture)
{
  static const char * const texts[] = { "Take a shower", "Walk around the block" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SteadySafetyItem) item =
        steady_safety_plan_store_add (plan_store (fixture), STEADY_SAFETY_SECTION_COPING, i,
                                      texts[i], NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (item);
    }
}

/* The next check starts from an empty plan. */
static void
remove_coping_items (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = steady_safety_plan_store_list_section (
    plan_store (fixture), STEADY_SAFETY_SECTION_COPING, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(SteadySafetyItem) gone = steady_safety_plan_store_delete (
        plan_store (fixture), steady_safety_item_get_uuid (items->pdata[i]), &error);

      g_assert_no_error (error);
      g_assert_nonnull (gone);
    }
}

/* Alt+Up and Alt+Down move an item of the plan up and down. */
static void
check_plan_move (Fixture         *fixture,
                 guint            keyval,
                 GdkModifierType  modifiers)
{
  SteadySafetyPlanWindow *plan;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *first = NULL;

  add_coping_items (fixture);
  plan = open_plan (fixture);
  rows = coping_rows (plan);
  g_assert_cmpuint (rows->len, >=, 2);
  /* Down on the first item, or up on the second: the two change places. */
  g_assert_true (press_key (rows->pdata[keyval == GDK_KEY_Down ? 0 : 1], keyval, modifiers));
  first = first_coping_item (fixture);
  g_assert_cmpstr (first, ==, "Walk around the block");
  close_plan (plan);
  remove_coping_items (fixture);
}

/* Presses @keyval in the text of @row as GTK gives it: to the key controllers from the focused
 * text up to the row. */
static gboolean
press_in_item (SteadySafetyItemRow *row,
               guint                keyval,
               GdkModifierType      modifiers)
{
  GtkWidget *focus;
  gboolean handled = FALSE;

  steady_safety_item_row_grab_text_focus (row);
  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (row)));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (row)));
  for (GtkWidget *w = focus; w != NULL && !handled; w = gtk_widget_get_parent (w))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (w);

      for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
            g_signal_emit_by_name (controller, "key-pressed", keyval, 0, modifiers, &handled);
        }
      if (w == GTK_WIDGET (row))
        break;
    }
  drain_events ();
  return handled;
}

/* Enter while writing an item goes on to the next item, and in the last one starts a new
 * item below. */
static void
check_plan_next_item (Fixture         *fixture,
                      guint            keyval,
                      GdkModifierType  modifiers)
{
  SteadySafetyPlanWindow *plan;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  GtkWidget *focus;

  add_coping_items (fixture);
  plan = open_plan (fixture);
  before = coping_rows (plan);
  g_assert_cmpuint (before->len, ==, 2);

  g_assert_true (press_in_item (before->pdata[0], keyval, modifiers));
  focus = gtk_window_get_focus (GTK_WINDOW (plan));
  g_assert_true (gtk_widget_is_ancestor (focus, before->pdata[1]));

  g_assert_true (press_in_item (before->pdata[1], keyval, modifiers));
  after = coping_rows (plan);
  g_assert_cmpuint (after->len, ==, 3);
  focus = gtk_window_get_focus (GTK_WINDOW (plan));
  g_assert_true (gtk_widget_is_ancestor (focus, after->pdata[2]));

  close_plan (plan);
  remove_coping_items (fixture);
}

/* Ctrl+S reaches "Save as PDF…" of Share with My Therapist. */
static void
check_share_save (Fixture         *fixture,
                  guint            keyval,
                  GdkModifierType  modifiers)
{
  SteadyShareDialog *dialog = open_share (fixture);

  assert_key_runs (GTK_WIDGET (dialog), keyval, modifiers, "share.save");
  close_share (dialog);
}

/* Ctrl+P prints the report: the key reaches the print action (printing itself is tested in
 * test-share-dialog, to a file). */
static void
check_share_print (Fixture         *fixture,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  SteadyShareDialog *dialog = open_share (fixture);

  assert_key_runs (GTK_WIDGET (dialog), keyval, modifiers, "share.print");
  close_share (dialog);
}

/* Ctrl+Page Down and Up turn the preview's pages. */
static void
check_share_page (Fixture         *fixture,
                  guint            keyval,
                  GdkModifierType  modifiers)
{
  SteadyShareDialog *dialog = open_share (fixture);
  guint n_pages = steady_share_dialog_get_n_pages (dialog);
  g_autofree char *first = g_strdup_printf ("1 of %u", n_pages);
  g_autofree char *second = g_strdup_printf ("2 of %u", n_pages);

  g_assert_cmpuint (n_pages, >=, 2);
  wait_for_frame (GTK_WIDGET (dialog));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), first));
  if (keyval == GDK_KEY_Page_Up)
    gtk_widget_activate_action (GTK_WIDGET (dialog), "share.next-page", NULL);
  press_key (GTK_WIDGET (dialog), keyval, modifiers);
  wait_for_frame (GTK_WIDGET (dialog));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog),
                                    keyval == GDK_KEY_Page_Up ? first : second));
  close_share (dialog);
}

/* Escape closes Share with My Therapist. */
static void
check_share_close (Fixture         *fixture,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  SteadyShareDialog *dialog = open_share (fixture);

  g_assert_true (press_key (GTK_WIDGET (dialog), keyval, modifiers));
  wait_until_gone (STEADY_TYPE_SHARE_DIALOG);
}

/* Escape closes each of the other windows: Get help now, export, import, restore, and the
 * diary card's own rows. */
static void
check_other_close (Fixture         *fixture,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  GtkWindow *parent = GTK_WINDOW (fixture->window);
  SteadyDatabase *database = steady_application_get_database (fixture->app);
  g_autoptr(SteadyDiaryStore) diary = steady_diary_store_new (database);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "steady", "steady.db", NULL);
  GtkWindow *windows[] = {
    NULL,
    GTK_WINDOW (steady_export_dialog_new (parent, database)),
    GTK_WINDOW (steady_import_dialog_new (parent,
                                          steady_application_get_journal_store (fixture->app))),
    GTK_WINDOW (steady_restore_dialog_new (parent, path)),
    GTK_WINDOW (steady_diary_targets_dialog_new (parent, diary)),
  };

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "get-help", NULL);
  windows[0] = wait_for_toplevel (STEADY_TYPE_HELP_DIALOG);
  for (guint i = 0; i < G_N_ELEMENTS (windows); i++)
    {
      GType type = G_OBJECT_TYPE (windows[i]);

      g_test_message ("%s", G_OBJECT_TYPE_NAME (windows[i]));
      gtk_window_present (windows[i]);
      wait_for_toplevel (type);
      g_assert_true (press_key (GTK_WIDGET (windows[i]), keyval, modifiers));
      wait_until_gone (type);
    }
}

/* The shortcuts listed by key, each with its check; keyed by the group and title shown, since
 * one key (Alt+Left, Escape, Ctrl+S) does different things in different windows. */
static const struct
{
  const char *group;
  const char *title;
  const char *accelerator;
  Check       check;
} checks[] = {
  { "General", "Get help now", "<Control><Shift>h", check_app_accel },
  { "General", "Show main menu", "F10", check_main_menu },
  { "General", "Preferences", "<Control>comma", check_app_accel },
  { "General", "Keyboard shortcuts", "<Control>question", check_app_accel },
  { "General", "Quit", "<Control>q", check_app_accel },
  { "Pages", "Today", "<Alt>1", check_page },
  { "Pages", "Calendar", "<Alt>2", check_page },
  { "Pages", "Skills", "<Alt>3", check_page },
  { "Pages", "Journal", "<Alt>4", check_page },
  { "Skills Page", "Search the skills library, or your history", "<Control>f",
    check_skills_search },
  { "Skills Page", "Back to the Skills page", "Escape", check_skills_back },
  { "Skills Page", "Back to the Skills page", "<Alt>Left", check_skills_back },
  { "Exercises", "Next step", "<Alt>Right", check_editor_step },
  { "Exercises", "Previous step", "<Alt>Left", check_editor_step },
  { "Exercises", "Save for later", "<Control>s", check_editor_save },
  { "Exercises", "Close, keeping what you wrote", "Escape", check_editor_close },
  { "Diary Card", "Save the card", "<Control>s", check_card_save },
  { "Diary Card", "Previous day", "<Alt>Left", check_card_day },
  { "Diary Card", "Next day", "<Alt>Right", check_card_day },
  { "Diary Card", "Close, keeping a draft", "<Control>w", check_card_close },
  { "Journal", "Search your journal", "<Control>f", check_journal_search },
  { "Journal", "New check-in", "<Control>n", check_journal_new },
  { "Check-In", "Save the check-in", "<Control>s", check_check_in_save },
  { "Check-In", "Close, keeping a draft", "Escape", check_check_in_close },
  { "Calendar", "New session", "<Control>n", check_calendar_new },
  { "Session", "Close without saving", "Escape", check_session_close },
  { "Breathing and Mindfulness", "Full screen", "F11", check_practice_full_screen },
  { "Breathing and Mindfulness", "Leave full screen", "Escape", check_practice_full_screen },
  { "My Safety Plan", "Print", "<Control>p", check_plan_print },
  { "My Safety Plan", "Save as PDF", "<Control>s", check_plan_save },
  { "My Safety Plan", "Next item, while writing one", "Return", check_plan_next_item },
  { "My Safety Plan", "Move an item up", "<Alt>Up", check_plan_move },
  { "My Safety Plan", "Move an item down", "<Alt>Down", check_plan_move },
  { "My Safety Plan", "Close", "<Control>w", check_plan_close },
  { "My Safety Plan", "Close", "Escape", check_plan_close },
  { "Share with My Therapist", "Save as PDF", "<Control>s", check_share_save },
  { "Share with My Therapist", "Print", "<Control>p", check_share_print },
  { "Share with My Therapist", "Next page of the preview", "<Control>Page_Down",
    check_share_page },
  { "Share with My Therapist", "Previous page of the preview", "<Control>Page_Up",
    check_share_page },
  { "Share with My Therapist", "Close", "Escape", check_share_close },
  { "Other Windows", "Close help, export, import or restore", "Escape", check_other_close },
};

static Check
find_check (const char *group,
            const char *title,
            const char *accelerator)
{
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    if (g_str_equal (checks[i].group, group) && g_str_equal (checks[i].title, title) &&
        g_str_equal (checks[i].accelerator, accelerator))
      return checks[i].check;
  return NULL;
}

/* The test ------------------------------------------------------------------------------- */

/* A week of check-ins with notes long enough for a report of more than one page. */
static void
fill_journal (SteadyJournalStore *store)
{
  g_autoptr(GString) note = g_string_new ("Went to group.");

  for (guint i = 0; i < 60; i++)
    g_string_append (note, " Took a walk after lunch and called a friend.");
  for (int i = 0; i < 14; i++)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) when = g_date_time_add_hours (now, -9 * i - 1);
      g_autoptr(SteadyMoodEntry) entry = steady_mood_entry_new ();
      g_autoptr(GError) error = NULL;

      steady_mood_entry_set_local_time (entry, when);
      steady_mood_entry_set_mood (entry, 1 + i % 5);
      steady_mood_entry_set_note (entry, note->str);
      g_assert_true (steady_journal_store_create (store, entry, &error));
      g_assert_no_error (error);
    }
}

static void
test_every_shortcut_listed_works (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (SHORTCUTS_RESOURCE);
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  g_autoptr(GHashTable) checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkWindow *shortcuts_window = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  Fixture fixture;
  guint n_listed = 0;

  fixture.app = start_application ();
  fixture.window = STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
  /* What the skills shortcuts act on is the page built from a real database. */
  g_assert_nonnull (steady_application_get_database (fixture.app));
  fill_journal (steady_application_get_journal_store (fixture.app));

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *group = NULL;
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) accels = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (gtk_widget_get_ancestor (l->data, GTK_TYPE_SHORTCUTS_GROUP), "title", &group,
                    NULL);
      g_object_get (l->data, "title", &title, "accelerator", &accelerator, NULL);
      n_listed++;
      /* A key written out, so the window shows it (see the .ui). */
      g_assert_nonnull (accelerator);
      accels = g_strsplit (accelerator, " ", -1);
      for (guint i = 0; accels[i] != NULL; i++)
        {
          Check check = find_check (group, title, accels[i]);
          guint keyval;
          GdkModifierType modifiers;

          if (check == NULL)
            g_error ("The Keyboard Shortcuts window lists %s for “%s” in %s, which this test "
                     "does not check", accels[i], title, group);
          g_assert_true (gtk_accelerator_parse (accels[i], &keyval, &modifiers));
          g_test_message ("%s: %s: %s", group, title, accels[i]);
          check (&fixture, keyval, modifiers);
          g_hash_table_add (checked, g_strconcat (group, "\n", title, "\n", accels[i], NULL));
        }
    }

  /* Nothing the checks know of is missing from the window. */
  g_assert_cmpuint (n_listed, ==, 39);
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autofree char *key = g_strconcat (checks[i].group, "\n", checks[i].title, "\n",
                                          checks[i].accelerator, NULL);

      if (!g_hash_table_contains (checked, key))
        g_error ("“%s” (%s) in %s is not in the Keyboard Shortcuts window", checks[i].title,
                 checks[i].accelerator, checks[i].group);
    }

  gtk_window_destroy (shortcuts_window);
  stop_application (fixture.app);
}

/* The window as people see it: each of its sections, light and dark. */
static void
test_screenshot (void)
{
  static const struct
  {
    const char *name;
    const char *group;   /* a group title the section shows */
  } sections[] = {
    { "general", "Pages" },
    { "journal", "Check-In" },
    { "skills", "Breathing and Mindfulness" },
    { "safety", "Share with My Therapist" },
  };
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
  GtkWindow *shortcuts;

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  shortcuts = wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  for (guint scheme = 0; scheme < 2; scheme++)
    {
      set_color_scheme (settings, scheme == 0 ? "light" : "dark");
      for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
        {
          g_autofree char *name = g_strdup_printf ("shortcuts-%s-%s", sections[i].name,
                                                   scheme == 0 ? "light" : "dark");

          g_object_set (shortcuts, "section-name", sections[i].name, NULL);
          wait_for_frame (GTK_WIDGET (shortcuts));
          g_assert_true (has_visible_label (GTK_WIDGET (shortcuts), sections[i].group));
          save_screenshot (GTK_WIDGET (shortcuts), name);
        }
    }

  stop_application (app);
}

static const UiTest ui_tests[] = {
  { "/shortcuts/every-one-listed-works", test_every_shortcut_listed_works },
  { "/shortcuts/screenshot", test_screenshot },
};

int
main (int   argc,
      char *argv[])
{
  keep_system_data_dirs ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (ui_tests); i++)
    g_test_add_data_func (ui_tests[i].path, &ui_tests[i], run_in_subprocess);

  return g_test_run ();
}
