/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-safety.c: My Safety Plan and "Get help now" with a plan, on the real application
 * under Xvfb: editing in place with autosave, undo, reordering, the plan shown in the help
 * dialog, the review reminder, a restore while the plan is open; screenshots empty and
 * filled, wide and narrow, light and dark go to $STEADY_SCREENSHOT_DIR. */

#define G_LOG_DOMAIN "steady-test-safety"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "steady-application.h"
#include "steady-backup.h"
#include "steady-help-dialog.h"
#include "steady-preferences-window.h"
#include "steady-safety-item-row.h"
#include "steady-safety-plan-window.h"
#include "steady-safety-review.h"
#include "steady-safety-section-view.h"
#include "steady-window.h"

#include "steady-ui-test-util.h"

#define WIDE_WIDTH    1000
#define NARROW_WIDTH  360
#define WINDOW_HEIGHT 760

/* The application ------------------------------------------------------------------------ */

static SteadySafetyPlanStore *
get_store (SteadyApplication *app)
{
  SteadyDatabase *database = steady_application_get_database (app);

  g_assert_nonnull (database);
  return steady_safety_plan_store_get_for_database (database);
}

/* Opens the plan from the main window's action, as the menu item does, at @width. */
static SteadySafetyPlanWindow *
open_plan (SteadyWindow *window,
           int           width)
{
  GtkWindow *plan = find_toplevel (STEADY_TYPE_SAFETY_PLAN_WINDOW);
  int surface_width;

  if (plan != NULL)
    {
      gtk_window_close (plan);
      drain_events ();
      g_assert_null (find_toplevel (STEADY_TYPE_SAFETY_PLAN_WINDOW));
    }
  g_action_group_activate_action (G_ACTION_GROUP (window), "safety-plan", NULL);
  plan = find_toplevel (STEADY_TYPE_SAFETY_PLAN_WINDOW);
  g_assert_nonnull (plan);
  gtk_window_set_default_size (plan, width, WINDOW_HEIGHT);
  plan = wait_for_toplevel (STEADY_TYPE_SAFETY_PLAN_WINDOW);
  wait_for_frame (GTK_WIDGET (plan));
  /* Nothing in the plan may need more room than a phone-sized window has. */
  surface_width = gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (plan)));
  g_assert_cmpint (surface_width, ==, width);
  g_assert_true (gtk_window_get_transient_for (plan) == GTK_WINDOW (window));
  return STEADY_SAFETY_PLAN_WINDOW (plan);
}

static GPtrArray *
section_rows (SteadySafetyPlanWindow *plan,
              SteadySafetySection     section)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect (steady_safety_plan_window_get_section (plan, section), STEADY_TYPE_SAFETY_ITEM_ROW,
           rows);
  return rows;
}

static guint
count_rows (SteadySafetyPlanWindow *plan,
            SteadySafetySection     section)
{
  g_autoptr(GPtrArray) rows = section_rows (plan, section);

  return rows->len;
}

static SteadySafetyItemRow *
row_at (SteadySafetyPlanWindow *plan,
        SteadySafetySection     section,
        guint                   index)
{
  g_autoptr(GPtrArray) rows = section_rows (plan, section);

  g_assert_cmpuint (index, <, rows->len);
  return g_ptr_array_index (rows, index);
}

/* Types into a row the way the keyboard would end up: the buffer changes. */
static void
type_text (SteadySafetyItemRow *row,
           const char          *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (find_first (GTK_WIDGET (row), GTK_TYPE_TEXT_VIEW));

  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static void
type_phone (SteadySafetyItemRow *row,
            const char          *phone)
{
  GtkEditable *entry = GTK_EDITABLE (find_first (GTK_WIDGET (row), GTK_TYPE_ENTRY));

  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, phone);
}

/* The row's buttons, in order: move up, move down, delete. */
static GtkWidget *
row_button (SteadySafetyItemRow *row,
            guint                index)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (GTK_WIDGET (row), GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, 3);
  return g_ptr_array_index (buttons, index);
}

static char *
stored_texts (SteadySafetyPlanStore *store,
              SteadySafetySection    section)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = steady_safety_plan_store_list_section (store, section, &error);
  g_autoptr(GString) joined = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      SteadySafetyItem *item = g_ptr_array_index (items, i);

      if (i > 0)
        g_string_append_c (joined, '|');
      g_string_append (joined, steady_safety_item_get_text (item));
      if (steady_safety_item_get_phone (item) != NULL)
        g_string_append_printf (joined, " (%s)", steady_safety_item_get_phone (item));
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static void
assert_stored (SteadySafetyPlanStore *store,
               SteadySafetySection    section,
               const char            *expected)
{
  g_autofree char *texts = stored_texts (store, section);

  g_assert_cmpstr (texts, ==, expected);
}

typedef struct
{
  SteadySafetyPlanStore *store;
  SteadySafetySection    section;
  const char            *expected;
} StoredWait;

static gboolean
stored_is (gpointer data)
{
  StoredWait *wait = data;
  g_autofree char *texts = stored_texts (wait->store, wait->section);

  return g_strcmp0 (texts, wait->expected) == 0;
}

static void
add_items (SteadySafetyPlanStore *store)
{
  static const struct
  {
    SteadySafetySection  section;
    const char          *text;
    const char          *phone;
  } rows[] = {
    { STEADY_SAFETY_SECTION_WARNING_SIGNS, "I stop answering messages", NULL },
    { STEADY_SAFETY_SECTION_WARNING_SIGNS, "Two nights without sleep", NULL },
    { STEADY_SAFETY_SECTION_COPING, "Cold water on my face, then breathe out slowly", NULL },
    { STEADY_SAFETY_SECTION_DISTRACTIONS, "The library on Main Street", NULL },
    { STEADY_SAFETY_SECTION_PEOPLE, "My sister Ana", "555 0101" },
    { STEADY_SAFETY_SECTION_PROFESSIONALS, "Dr Rivera, my therapist", "555 0199" },
    { STEADY_SAFETY_SECTION_PROFESSIONALS, "IOP front desk", "555 0150" },
    { STEADY_SAFETY_SECTION_ENVIRONMENT, "Ask Sam to keep my extra medication", NULL },
    { STEADY_SAFETY_SECTION_REASONS, "Pepper, my cat", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SteadySafetyItem) item = NULL;

      item = steady_safety_plan_store_add (store, rows[i].section, STEADY_SAFETY_PLAN_END,
                                           rows[i].text, rows[i].phone, &error);
      g_assert_no_error (error);
    }
}

/* Tests ---------------------------------------------------------------------------------- */

/* An empty plan is a page of gentle examples with somewhere to start typing in each part. */
static void
test_empty_plan (void)
{
  static const char * const schemes[] = { "light", "dark" };
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));

  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      set_color_scheme (settings, schemes[s]);
      for (guint narrow = 0; narrow <= 1; narrow++)
        {
          SteadySafetyPlanWindow *plan = open_plan (window, narrow ? NARROW_WIDTH : 600);
          g_autofree char *name = g_strdup_printf ("safety-plan-empty-%s-%s",
                                                   narrow ? "narrow" : "wide", schemes[s]);

          g_assert_true (has_visible_label (GTK_WIDGET (plan), "911"));
          g_assert_true (has_visible_label (GTK_WIDGET (plan), "988"));
          g_assert_true (has_visible_label (GTK_WIDGET (plan), "not monitored"));
          g_assert_true (has_visible_label (GTK_WIDGET (plan), "Warning signs"));
          g_assert_true (has_visible_label (GTK_WIDGET (plan), "For example:"));
          for (guint i = 0; i < STEADY_SAFETY_N_SECTIONS; i++)
            {
              g_autoptr(GPtrArray) rows = section_rows (plan, i);

              g_assert_cmpuint (rows->len, ==, 1);
              g_assert_null (steady_safety_item_row_get_item (g_ptr_array_index (rows, 0)));
            }
          g_assert_true (has_visible_label (GTK_WIDGET (plan), "Not yet"));
          save_screenshot (GTK_WIDGET (plan), name);
        }
    }

  /* Opening it saved nothing: examples are not the user's words. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) all = steady_safety_plan_store_list_all (get_store (app), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, 0);
  }
  stop_application (app);
}

/* Typing saves by itself; Enter starts the next item; moves and deletes reach the store; Undo
 * puts a deleted item back; closing the window keeps what was typed a moment before. */
static void
test_edit_plan (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
  SteadySafetyPlanStore *store = get_store (app);
  SteadySafetyPlanWindow *plan = open_plan (window, 600);
  SteadySafetySectionView *coping;
  SteadySafetyItemRow *row;
  AdwToastOverlay *overlay;
  StoredWait wait;

  /* The first words are saved a moment after typing stops, with no Save button. */
  row = row_at (plan, STEADY_SAFETY_SECTION_WARNING_SIGNS, 0);
  steady_safety_item_row_grab_text_focus (row);
  type_text (row, "I stop answering messages");
  wait = (StoredWait) { store, STEADY_SAFETY_SECTION_WARNING_SIGNS, "I stop answering messages" };
  wait_until (stored_is, &wait);
  g_assert_nonnull (steady_safety_item_row_get_item (row));

  /* Editing changes the same item, it does not add another. */
  type_text (row, "I stop answering messages from friends");
  wait.expected = "I stop answering messages from friends";
  wait_until (stored_is, &wait);

  /* "Add" gives an empty item with the cursor in it. */
  coping = STEADY_SAFETY_SECTION_VIEW (steady_safety_plan_window_get_section (
    plan, STEADY_SAFETY_SECTION_COPING));
  type_text (row_at (plan, STEADY_SAFETY_SECTION_COPING, 0), "Walk around the block");
  row = STEADY_SAFETY_ITEM_ROW (steady_safety_section_view_add_item (coping));
  g_assert_true (gtk_widget_has_focus (find_first (GTK_WIDGET (row), GTK_TYPE_TEXT_VIEW)));
  type_text (row, "Warm shower");
  g_assert_true (steady_safety_plan_window_flush (plan));
  assert_stored (store, STEADY_SAFETY_SECTION_COPING, "Walk around the block|Warm shower");

  /* Move up with the button: the store's order follows, and the button greys out on top. */
  click (row_button (row, 0));
  assert_stored (store, STEADY_SAFETY_SECTION_COPING, "Warm shower|Walk around the block");
  g_assert_true (row_at (plan, STEADY_SAFETY_SECTION_COPING, 0) == row);
  g_assert_false (gtk_widget_get_sensitive (row_button (row, 0)));
  g_assert_true (gtk_widget_get_sensitive (row_button (row, 1)));
  /* Down moves it back. */
  click (row_button (row, 1));
  assert_stored (store, STEADY_SAFETY_SECTION_COPING, "Walk around the block|Warm shower");

  /* A person with a phone number. */
  row = row_at (plan, STEADY_SAFETY_SECTION_PEOPLE, 0);
  type_text (row, "My sister Ana");
  type_phone (row, "555 0101");
  g_assert_true (steady_safety_plan_window_flush (plan));
  assert_stored (store, STEADY_SAFETY_SECTION_PEOPLE, "My sister Ana (555 0101)");

  /* A number that is not one is refused in words, and stays on screen to be fixed. */
  type_phone (row, "ask her");
  g_assert_false (steady_safety_plan_window_flush (plan));
  assert_stored (store, STEADY_SAFETY_SECTION_PEOPLE, "My sister Ana (555 0101)");
  type_phone (row, "555 0101");
  g_assert_true (steady_safety_plan_window_flush (plan));

  /* Delete, then Undo from the toast. */
  overlay = ADW_TOAST_OVERLAY (gtk_widget_get_template_child (GTK_WIDGET (plan),
                                                              STEADY_TYPE_SAFETY_PLAN_WINDOW,
                                                              "toast_overlay"));
  g_assert_nonnull (overlay);
  row = row_at (plan, STEADY_SAFETY_SECTION_COPING, 0);
  click (row_button (row, 2));
  assert_stored (store, STEADY_SAFETY_SECTION_COPING, "Warm shower");
  wait_for_frame (GTK_WIDGET (plan));
  g_assert_true (has_visible_label (GTK_WIDGET (plan), "Deleted “Walk around the block”"));
  save_screenshot (GTK_WIDGET (plan), "safety-plan-undo-light");
  {
    GtkWidget *undo = NULL;
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    collect (GTK_WIDGET (overlay), GTK_TYPE_BUTTON, buttons);
    for (guint i = 0; i < buttons->len; i++)
      {
        const char *label = gtk_button_get_label (g_ptr_array_index (buttons, i));

        if (g_strcmp0 (label, "_Undo") == 0)
          undo = g_ptr_array_index (buttons, i);
      }
    g_assert_nonnull (undo);
    click (undo);
  }
  assert_stored (store, STEADY_SAFETY_SECTION_COPING, "Walk around the block|Warm shower");
  g_assert_cmpuint (count_rows (plan, STEADY_SAFETY_SECTION_COPING), ==, 2);

  /* Words typed just before the window closes are kept. */
  type_text (row_at (plan, STEADY_SAFETY_SECTION_REASONS, 0), "Pepper, my cat");
  gtk_window_close (GTK_WINDOW (plan));
  drain_events ();
  g_assert_null (find_toplevel (STEADY_TYPE_SAFETY_PLAN_WINDOW));
  assert_stored (store, STEADY_SAFETY_SECTION_REASONS, "Pepper, my cat");

  /* Opened again, it shows what was saved. */
  plan = open_plan (window, 600);
  g_assert_cmpuint (count_rows (plan, STEADY_SAFETY_SECTION_COPING), ==, 2);
  {
    g_autofree char *text = steady_safety_item_row_dup_text (
      row_at (plan, STEADY_SAFETY_SECTION_WARNING_SIGNS, 0));

    g_assert_cmpstr (text, ==, "I stop answering messages from friends");
  }

  /* Taking every word away deletes the item. */
  type_text (row_at (plan, STEADY_SAFETY_SECTION_REASONS, 0), "");
  g_assert_true (steady_safety_plan_window_flush (plan));
  assert_stored (store, STEADY_SAFETY_SECTION_REASONS, "");

  stop_application (app);
}

static void
test_filled_plan (void)
{
  static const char * const schemes[] = { "light", "dark" };
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));

  add_items (get_store (app));
  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      set_color_scheme (settings, schemes[s]);
      for (guint narrow = 0; narrow <= 1; narrow++)
        {
          SteadySafetyPlanWindow *plan = open_plan (window, narrow ? NARROW_WIDTH : 600);
          g_autofree char *name = g_strdup_printf ("safety-plan-filled-%s-%s",
                                                   narrow ? "narrow" : "wide", schemes[s]);
          g_autofree char *text = steady_safety_item_row_dup_text (
            row_at (plan, STEADY_SAFETY_SECTION_PEOPLE, 0));

          g_assert_cmpstr (text, ==, "My sister Ana");
          g_assert_cmpuint (count_rows (plan, STEADY_SAFETY_SECTION_WARNING_SIGNS), ==, 2);
          g_assert_cmpuint (count_rows (plan, STEADY_SAFETY_SECTION_PROFESSIONALS), ==, 2);
          save_screenshot (GTK_WIDGET (plan), name);
        }
    }
  stop_application (app);
}

static GtkWindow *
open_help (SteadyWindow *window,
           int           width)
{
  GtkWindow *dialog = find_toplevel (STEADY_TYPE_HELP_DIALOG);

  if (dialog != NULL)
    {
      gtk_window_destroy (dialog);
      drain_events ();
    }
  g_action_group_activate_action (G_ACTION_GROUP (window), "get-help", NULL);
  dialog = find_toplevel (STEADY_TYPE_HELP_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_set_default_size (dialog, width, WINDOW_HEIGHT);
  dialog = wait_for_toplevel (STEADY_TYPE_HELP_DIALOG);
  g_assert_cmpint (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (dialog))), ==,
                   width);
  return dialog;
}

/* "Get help now" shows the numbers first, then the user's plan and IOP team with numbers. */
static void
test_help_with_plan (void)
{
  static const char * const schemes[] = { "light", "dark" };
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
  GtkWindow *dialog;

  add_items (get_store (app));
  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      set_color_scheme (settings, schemes[s]);
      for (guint narrow = 0; narrow <= 1; narrow++)
        {
          g_autofree char *name = g_strdup_printf ("help-with-plan-%s-%s",
                                                   narrow ? "narrow" : "wide", schemes[s]);

          dialog = open_help (window, narrow ? NARROW_WIDTH : 480);
          g_assert_true (has_visible_label (GTK_WIDGET (dialog), "988"));
          g_assert_true (has_visible_label (GTK_WIDGET (dialog), "911"));
          g_assert_true (has_visible_label (GTK_WIDGET (dialog), "I stop answering messages"));
          g_assert_true (has_visible_label (GTK_WIDGET (dialog), "Cold water on my face"));
          g_assert_true (has_visible_label (GTK_WIDGET (dialog), "My sister Ana"));
          g_assert_true (has_visible_label (GTK_WIDGET (dialog), "555 0101"));
          /* The IOP team: the professionals of the plan, with their numbers. */
          g_assert_true (has_visible_label (GTK_WIDGET (dialog), "My IOP team"));
          g_assert_true (has_visible_label (GTK_WIDGET (dialog), "Dr Rivera, my therapist"));
          g_assert_true (has_visible_label (GTK_WIDGET (dialog), "555 0199"));
          g_assert_true (has_visible_label (GTK_WIDGET (dialog), "not monitored"));
          /* What is not for the moment of crisis stays in the plan. */
          g_assert_false (has_visible_label (GTK_WIDGET (dialog), "Pepper, my cat"));
          g_assert_false (has_visible_label (GTK_WIDGET (dialog), "You have not written"));
          save_screenshot (GTK_WIDGET (dialog), name);
        }
    }

  /* The plan's own button opens the plan, in place of the dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "help.open-plan", NULL));
  wait_for_toplevel (STEADY_TYPE_SAFETY_PLAN_WINDOW);
  drain_events ();
  g_assert_null (find_toplevel (STEADY_TYPE_HELP_DIALOG));

  stop_application (app);
}

static void
test_help_without_plan (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
  GtkWindow *dialog = open_help (window, 480);
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadySafetyItem) item = NULL;

  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "You have not written a safety plan"));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "Make My Safety Plan"));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "Professionals and crisis lines"));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "988"));
  save_screenshot (GTK_WIDGET (dialog), "help-without-plan-light");

  /* A plan written meanwhile shows in the open dialog. */
  item = steady_safety_plan_store_add (get_store (app), STEADY_SAFETY_SECTION_PEOPLE,
                                       STEADY_SAFETY_PLAN_END, "My friend Lee", "555 0123",
                                       &error);
  g_assert_no_error (error);
  wait_for_frame (GTK_WIDGET (dialog));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "My friend Lee"));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "Open My Safety Plan"));
  g_assert_false (has_visible_label (GTK_WIDGET (dialog), "You have not written"));

  stop_application (app);
}

/* The reminder interval chosen in Preferences is what the plan's next review is counted by. */
static void
test_review (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
  SteadySafetyPlanStore *store = get_store (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) last = NULL;
  SteadySafetyPlanWindow *plan;
  GtkWindow *preferences;
  AdwComboRow *review_row;

  add_items (store);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = wait_for_toplevel (STEADY_TYPE_PREFERENCES_WINDOW);
  review_row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                             STEADY_TYPE_PREFERENCES_WINDOW,
                                                             "review_row"));
  g_assert_cmpuint (adw_combo_row_get_selected (review_row), ==, 0);
  adw_combo_row_set_selected (review_row, 2);
  g_assert_cmpint (g_settings_get_int (settings, STEADY_SAFETY_REVIEW_SETTINGS_KEY), ==, 4);
  g_settings_set_int (settings, STEADY_SAFETY_REVIEW_SETTINGS_KEY, 8);
  g_assert_cmpuint (adw_combo_row_get_selected (review_row), ==, 3);
  save_screenshot (GTK_WIDGET (preferences), "preferences-safety-plan-light");
  gtk_window_destroy (preferences);

  plan = open_plan (window, 600);
  g_assert_true (has_visible_label (GTK_WIDGET (plan), "Not yet"));
  g_assert_true (has_visible_label (GTK_WIDGET (plan), "Next review by"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plan), "plan.mark-reviewed", NULL));
  g_assert_true (steady_safety_plan_store_get_last_reviewed (store, &last, &error));
  g_assert_no_error (error);
  g_assert_nonnull (last);
  wait_for_frame (GTK_WIDGET (plan));
  g_assert_false (has_visible_label (GTK_WIDGET (plan), "Not yet"));
  g_assert_true (has_visible_label (GTK_WIDGET (plan), "Marked as reviewed today"));

  /* Off: no next date. */
  g_settings_set_int (settings, STEADY_SAFETY_REVIEW_SETTINGS_KEY, 0);
  wait_for_frame (GTK_WIDGET (plan));
  g_assert_false (has_visible_label (GTK_WIDGET (plan), "Next review by"));

  stop_application (app);
}

/* A JSON backup, made elsewhere, of a plan with @n_items items (text, section) and nothing
 * else. */
static char *
make_plan_backup (const char                *name,
                  const char * const        *texts,
                  const SteadySafetySection *sections,
                  guint                      n_items)
{
  g_autofree char *db_name = g_strconcat (name, ".db", NULL);
  g_autofree char *json_name = g_strconcat (name, ".json", NULL);
  g_autofree char *source_path = g_build_filename (g_get_user_data_dir (), db_name, NULL);
  char *path = g_build_filename (g_get_user_data_dir (), json_name, NULL);
  g_autoptr(SteadyDatabase) source = NULL;
  g_autoptr(SteadySafetyPlanStore) store = NULL;
  g_autoptr(GError) error = NULL;

  source = steady_database_open (source_path, &error);
  g_assert_no_error (error);
  store = steady_safety_plan_store_new (source);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SteadySafetyItem) item = steady_safety_plan_store_add (store, sections[i],
                                                                       STEADY_SAFETY_PLAN_END,
                                                                       texts[i], NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_true (steady_backup_export (source, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
restore_into_app (SteadyApplication *app,
                  SteadyWindow      *window,
                  const char        *path)
{
  g_autoptr(GError) error = NULL;
  SteadyRestoreSummary summary = { 0 };

  g_assert_true (steady_backup_restore (steady_application_get_database (app), path, &summary,
                                        NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  steady_restore_summary_clear (&summary);
  /* What the main window does when the restore dialog or "steady --restore" is done. */
  steady_window_reload_pages (window);
  drain_events ();
}

/* The rows of @section show the stored items, in their order (no phone numbers here). */
static void
assert_shown_as_stored (SteadySafetyPlanWindow *plan,
                        SteadySafetyPlanStore  *store,
                        SteadySafetySection     section)
{
  g_autoptr(GPtrArray) rows = section_rows (plan, section);
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autofree char *stored = stored_texts (store, section);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *text = steady_safety_item_row_dup_text (g_ptr_array_index (rows, i));

      g_string_append_printf (shown, "%s%s", i > 0 ? "|" : "", text);
    }
  g_assert_cmpstr (shown->str, ==, stored);
}

/* A restore while the plan is open: the plan shows what was restored, and what the person
 * was typing at that moment stays in their row, cursor and all, and is saved. */
static void
test_reload_after_restore (void)
{
  static const char * const texts[] = { "Call the IOP nurse line", "Pet the cat",
                                        "Dr Okafor, psychiatrist" };
  static const SteadySafetySection sections[] = { STEADY_SAFETY_SECTION_COPING,
                                                  STEADY_SAFETY_SECTION_COPING,
                                                  STEADY_SAFETY_SECTION_PROFESSIONALS };
  static const char * const later_texts[] = { "Skipping meals" };
  static const SteadySafetySection later_sections[] = { STEADY_SAFETY_SECTION_WARNING_SIGNS };
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
  SteadySafetyPlanStore *store = get_store (app);
  g_autofree char *backup = make_plan_backup ("plan", texts, sections, G_N_ELEMENTS (texts));
  g_autofree char *later = make_plan_backup ("later", later_texts, later_sections,
                                             G_N_ELEMENTS (later_texts));
  SteadySafetyPlanWindow *plan;
  SteadySafetyItemRow *typing;
  SteadySafetyItemRow *waiting;
  GtkTextView *typing_view;
  GtkTextIter cursor;
  GtkWindow *help;
  g_autofree char *text = NULL;

  /* One saved coping step; a warning sign half typed, not saved yet, the cursor inside it. */
  {
    g_autoptr(SteadySafetyItem) item = NULL;

    item = steady_safety_plan_store_add (store, STEADY_SAFETY_SECTION_COPING,
                                         STEADY_SAFETY_PLAN_END, "Cold water on my face", NULL,
                                         NULL);
    g_assert_nonnull (item);
  }
  plan = open_plan (window, NARROW_WIDTH);
  g_assert_cmpuint (count_rows (plan, STEADY_SAFETY_SECTION_COPING), ==, 1);
  typing = row_at (plan, STEADY_SAFETY_SECTION_WARNING_SIGNS, 0);
  steady_safety_item_row_grab_text_focus (typing);
  type_text (typing, "I stop answering messa");
  typing_view = GTK_TEXT_VIEW (find_first (GTK_WIDGET (typing), GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (typing_view), &cursor, 10);
  gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (typing_view), &cursor);
  assert_stored (store, STEADY_SAFETY_SECTION_WARNING_SIGNS, "");
  /* A number typed for someone whose name is not there yet. */
  waiting = row_at (plan, STEADY_SAFETY_SECTION_PEOPLE, 0);
  type_phone (waiting, "555 0123");

  restore_into_app (app, window, backup);

  /* The restored items are on screen, in the order the plan now has. */
  assert_shown_as_stored (plan, store, STEADY_SAFETY_SECTION_COPING);
  assert_shown_as_stored (plan, store, STEADY_SAFETY_SECTION_PROFESSIONALS);
  assert_stored (store, STEADY_SAFETY_SECTION_PROFESSIONALS, "Dr Okafor, psychiatrist");
  g_assert_cmpuint (count_rows (plan, STEADY_SAFETY_SECTION_COPING), ==, 3);
  {
    g_autofree char *coping = stored_texts (store, STEADY_SAFETY_SECTION_COPING);

    g_assert_nonnull (strstr (coping, "Cold water on my face"));
    g_assert_nonnull (strstr (coping, "Call the IOP nurse line"));
    g_assert_nonnull (strstr (coping, "Pet the cat"));
  }

  /* The row being typed in is the same row, with its words, the focus and the cursor where
   * they were, and the words are saved. */
  g_assert_true (row_at (plan, STEADY_SAFETY_SECTION_WARNING_SIGNS, 0) == typing);
  g_assert_cmpuint (count_rows (plan, STEADY_SAFETY_SECTION_WARNING_SIGNS), ==, 1);
  text = steady_safety_item_row_dup_text (typing);
  g_assert_cmpstr (text, ==, "I stop answering messa");
  g_clear_pointer (&text, g_free);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (typing_view)));
  gtk_text_buffer_get_iter_at_mark (gtk_text_view_get_buffer (typing_view), &cursor,
                                    gtk_text_buffer_get_insert (
                                      gtk_text_view_get_buffer (typing_view)));
  g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, 10);
  assert_stored (store, STEADY_SAFETY_SECTION_WARNING_SIGNS, "I stop answering messa");
  /* The number waiting for its name is still there. */
  g_assert_cmpuint (count_rows (plan, STEADY_SAFETY_SECTION_PEOPLE), ==, 1);
  g_assert_true (row_at (plan, STEADY_SAFETY_SECTION_PEOPLE, 0) == waiting);
  g_assert_true (steady_safety_item_row_has_unsaved_words (waiting));
  save_screenshot (GTK_WIDGET (plan), "safety-plan-after-restore-narrow-light");

  /* Typing goes on in the same item: the restore did not make a second one. */
  type_text (typing, "I stop answering messages");
  g_assert_true (steady_safety_plan_window_flush (plan));
  assert_stored (store, STEADY_SAFETY_SECTION_WARNING_SIGNS, "I stop answering messages");

  /* "Get help now", open during a restore, shows the restored plan too. */
  help = open_help (window, NARROW_WIDTH);
  g_assert_false (has_visible_label (GTK_WIDGET (help), "Skipping meals"));
  restore_into_app (app, window, later);
  wait_for_frame (GTK_WIDGET (help));
  g_assert_true (has_visible_label (GTK_WIDGET (help), "Skipping meals"));
  g_assert_true (has_visible_label (GTK_WIDGET (help), "I stop answering messages"));
  assert_shown_as_stored (plan, store, STEADY_SAFETY_SECTION_WARNING_SIGNS);
  g_assert_cmpuint (count_rows (plan, STEADY_SAFETY_SECTION_WARNING_SIGNS), ==, 2);

  stop_application (app);
}

static const UiTest ui_tests[] = {
  { "/safety/empty-plan", test_empty_plan },
  { "/safety/edit-plan", test_edit_plan },
  { "/safety/filled-plan", test_filled_plan },
  { "/safety/help-with-plan", test_help_with_plan },
  { "/safety/help-without-plan", test_help_without_plan },
  { "/safety/review", test_review },
  { "/safety/reload-after-restore", test_reload_after_restore },
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
