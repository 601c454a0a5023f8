/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-shortcuts.c: every shortcut the Keyboard Shortcuts window lists, pressed on the real
 * application under Xvfb and checked for what it does, so the window never promises a key
 * that does nothing; a shortcut listed without a check here fails the test. */

#define G_LOG_DOMAIN "steady-test-shortcuts"

#include "config.h"

#include "steady-application.h"
#include "steady-diary-card-window.h"
#include "steady-diary-store.h"
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

static gboolean
no_editor_open (gpointer data)
{
  return find_visible_toplevel (STEADY_TYPE_SKILL_EDITOR) == NULL;
}

static gboolean
no_card_open (gpointer data)
{
  return find_visible_toplevel (STEADY_TYPE_DIARY_CARD_WINDOW) == NULL;
}

static SteadySkillsPage *
show_skills (Fixture *fixture)
{
  SteadySkillsPage *page;

  steady_window_set_page (fixture->window, "skills");
  page = STEADY_SKILLS_PAGE (find_first (GTK_WIDGET (fixture->window), STEADY_TYPE_SKILLS_PAGE));
  g_assert_nonnull (page);
  wait_for_frame (GTK_WIDGET (page));
  return page;
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

/* Alt+Right and Ctrl+Page Down go a step on in an exercise, Alt+Left and Ctrl+Page Up back. */
static void
check_editor_step (Fixture         *fixture,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  SteadySkillEditor *editor = open_thought_record (fixture);
  gboolean forward = keyval == GDK_KEY_Right || keyval == GDK_KEY_Page_Down;

  steady_skill_editor_set_step (editor, 3);
  g_assert_true (press_key (GTK_WIDGET (editor), keyval, modifiers));
  g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, forward ? 4 : 2);
  gtk_window_destroy (GTK_WINDOW (editor));
  wait_until (no_editor_open, NULL);
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
  wait_until (no_editor_open, NULL);
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
  wait_until (no_editor_open, NULL);
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
  wait_until (no_card_open, NULL);
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
  wait_until (no_card_open, NULL);
}

/* Ctrl+W closes the diary card. */
static void
check_card_close (Fixture         *fixture,
                  guint            keyval,
                  GdkModifierType  modifiers)
{
  SteadyDiaryCardWindow *card = open_card (fixture);

  g_assert_true (press_key (GTK_WIDGET (card), keyval, modifiers));
  wait_until (no_card_open, NULL);
}

/* The shortcuts listed by key, each with its check; keyed by the title shown, since one key
 * (Alt+Left, Escape) does different things in different windows. */
static const struct
{
  const char *title;
  const char *accelerator;
  Check       check;
} checks[] = {
  { "Get help now", "<Control><Shift>h", check_app_accel },
  { "Show main menu", "F10", check_main_menu },
  { "Preferences", "<Control>comma", check_app_accel },
  { "Keyboard shortcuts", "<Control>question", check_app_accel },
  { "Quit", "<Control>q", check_app_accel },
  { "Today", "<Alt>1", check_page },
  { "Calendar", "<Alt>2", check_page },
  { "Skills", "<Alt>3", check_page },
  { "Journal", "<Alt>4", check_page },
  { "Search the skills library, or your history", "<Control>f", check_skills_search },
  { "Back to the Skills page", "Escape", check_skills_back },
  { "Back to the Skills page", "<Alt>Left", check_skills_back },
  { "Next step", "<Alt>Right", check_editor_step },
  { "Next step", "<Control>Page_Down", check_editor_step },
  { "Previous step", "<Alt>Left", check_editor_step },
  { "Previous step", "<Control>Page_Up", check_editor_step },
  { "Save for later", "<Control>s", check_editor_save },
  { "Close, keeping what you wrote", "Escape", check_editor_close },
  { "Save the card", "<Control>s", check_card_save },
  { "Previous day", "<Alt>Left", check_card_day },
  { "Next day", "<Alt>Right", check_card_day },
  { "Close, keeping a draft", "<Control>w", check_card_close },
};

static Check
find_check (const char *title,
            const char *accelerator)
{
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    if (g_str_equal (checks[i].title, title) && g_str_equal (checks[i].accelerator, accelerator))
      return checks[i].check;
  return NULL;
}

/* The test ------------------------------------------------------------------------------- */

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

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) accels = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "title", &title, "accelerator", &accelerator, NULL);
      n_listed++;
      /* A key written out, so the window shows it (see the .ui). */
      g_assert_nonnull (accelerator);
      accels = g_strsplit (accelerator, " ", -1);
      for (guint i = 0; accels[i] != NULL; i++)
        {
          Check check = find_check (title, accels[i]);
          guint keyval;
          GdkModifierType modifiers;

          if (check == NULL)
            g_error ("The Keyboard Shortcuts window lists %s for “%s”, which this test does "
                     "not check", accels[i], title);
          g_assert_true (gtk_accelerator_parse (accels[i], &keyval, &modifiers));
          g_test_message ("%s: %s", title, accels[i]);
          check (&fixture, keyval, modifiers);
          g_hash_table_add (checked, g_strconcat (title, "\n", accels[i], NULL));
        }
    }

  /* Nothing the checks know of is missing from the window. */
  g_assert_cmpuint (n_listed, ==, 19);
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autofree char *key = g_strconcat (checks[i].title, "\n", checks[i].accelerator, NULL);

      if (!g_hash_table_contains (checked, key))
        g_error ("“%s” (%s) is not in the Keyboard Shortcuts window", checks[i].title,
                 checks[i].accelerator);
    }

  gtk_window_destroy (shortcuts_window);
  stop_application (fixture.app);
}

/* The window as people see it, with the new Skills, Exercises and Diary Card groups. */
static void
test_screenshot (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
  GtkWindow *shortcuts;

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  shortcuts = wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_true (has_visible_label (GTK_WIDGET (shortcuts), "Exercises"));
  g_assert_true (has_visible_label (GTK_WIDGET (shortcuts), "Skills Page"));
  save_screenshot (GTK_WIDGET (shortcuts), "shortcuts-skills-light");
  set_color_scheme (settings, "dark");
  save_screenshot (GTK_WIDGET (shortcuts), "shortcuts-skills-dark");

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
