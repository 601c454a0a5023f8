/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-skills-editor.c: the thought record and the DBT-informed worksheets in their editor, on
 * the real application and database under Xvfb: every kind walked step by step and saved,
 * values read back from the store, drafts kept and offered back, ratings that cannot leave
 * their range, the one-page form, a keyboard-only thought record, and store errors in words;
 * screenshots go to $STEADY_SCREENSHOT_DIR. */

#define G_LOG_DOMAIN "steady-test-skills-editor"

#include "config.h"

#include <string.h>

#include "steady-application.h"
#include "steady-draft-store.h"
#include "steady-help-dialog.h"
#include "steady-rating-row.h"
#include "steady-skill-editor.h"
#include "steady-skill-field-view.h"
#include "steady-skill-store.h"
#include "steady-skills-error.h"
#include "steady-window.h"

#include "steady-ui-test-util.h"

#define WIDE_WIDTH    720
#define NARROW_WIDTH  360
#define WINDOW_HEIGHT 800

/* The application ------------------------------------------------------------------------ */

typedef struct
{
  SteadyApplication *app;
  SteadyWindow      *window;
  SteadySkillStore  *store;
  GSettings         *settings;
  guint              n_changed; /* how often an editor told the Skills page */
} Fixture;

static void
skills_changed_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  ((Fixture *)user_data)->n_changed++;
}

/* Steady with its main window, counting how often the editors tell the Skills page (beside
 * the page's own handler, which reloads it). */
static void
fixture_start (Fixture *fixture)
{
  GAction *changed;

  fixture->settings = reset_settings ("US");
  fixture->app = start_application ();
  fixture->window = STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
  fixture->store = steady_skill_store_new (steady_application_get_database (fixture->app));
  fixture->n_changed = 0;
  changed = g_action_map_lookup_action (G_ACTION_MAP (fixture->window), "skills-changed");
  g_assert_true (G_IS_SIMPLE_ACTION (changed));
  g_signal_connect (changed, "activate", G_CALLBACK (skills_changed_cb), fixture);
}

static void
fixture_stop (Fixture *fixture)
{
  g_clear_object (&fixture->store);
  stop_application (fixture->app);
  g_clear_object (&fixture->settings);
}

static gboolean
no_editor_open (gpointer data)
{
  return find_visible_toplevel (STEADY_TYPE_SKILL_EDITOR) == NULL;
}

/* Opens a new exercise as the Skills page does, by the window action and the kind's id. */
static SteadySkillEditor *
open_exercise (Fixture         *fixture,
               SteadySkillKind  kind)
{
  SteadySkillEditor *editor;

  g_assert_null (find_visible_toplevel (STEADY_TYPE_SKILL_EDITOR));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "skill-exercise",
                                  g_variant_new_string (steady_skill_kind_to_id (kind)));
  editor = STEADY_SKILL_EDITOR (wait_for_toplevel (STEADY_TYPE_SKILL_EDITOR));
  g_assert_cmpint (steady_skill_record_get_kind (steady_skill_editor_get_record (editor)), ==,
                   kind);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==,
                   steady_skill_kind_get_title (kind));
  /* Beside the main window, not in front of it: "Get help now" stays one click away. */
  g_assert_false (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) ==
                 GTK_WINDOW (fixture->window));
  return editor;
}

static SteadySkillEditor *
open_record (Fixture    *fixture,
             const char *uuid)
{
  SteadySkillEditor *editor;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "open-skill-record",
                                  g_variant_new_string (uuid));
  editor = STEADY_SKILL_EDITOR (wait_for_toplevel (STEADY_TYPE_SKILL_EDITOR));
  g_assert_cmpstr (steady_skill_editor_get_uuid (editor), ==, uuid);
  return editor;
}

static SteadySkillRecord *
load (Fixture    *fixture,
      const char *uuid)
{
  g_autoptr(GError) error = NULL;
  SteadySkillRecord *record = steady_skill_store_load (fixture->store, uuid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static guint
count_records (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = steady_skill_store_list (fixture->store,
                                                          STEADY_SKILL_KIND_MASK_ALL, 100, &error);

  g_assert_no_error (error);
  return records->len;
}

/* Acting as the user ---------------------------------------------------------------------- */

/* The review's Private switch: the one shown that is not a rating's. */
static GtkSwitch *
private_switch (SteadySkillEditor *editor)
{
  g_autoptr(GPtrArray) switches = g_ptr_array_new ();

  collect (GTK_WIDGET (editor), GTK_TYPE_SWITCH, switches);
  for (guint i = 0; i < switches->len; i++)
    if (gtk_widget_get_ancestor (switches->pdata[i], STEADY_TYPE_RATING_ROW) == NULL &&
        gtk_widget_is_visible (switches->pdata[i]))
      return switches->pdata[i];
  g_assert_not_reached ();
}

static GtkWidget *
header_bar (SteadySkillEditor *editor)
{
  GtkWidget *header = find_first (GTK_WIDGET (editor), ADW_TYPE_HEADER_BAR);

  g_assert_nonnull (header);
  return header;
}

static SteadySkillFieldView *
field_view (SteadySkillEditor *editor,
            guint              step,
            const char        *id)
{
  g_autoptr(GPtrArray) views = steady_skill_editor_get_field_views (editor, step);

  for (guint i = 0; i < views->len; i++)
    if (g_str_equal (steady_skill_field_view_get_field (views->pdata[i])->id, id))
      return views->pdata[i];
  g_assert_not_reached ();
}

static void
type_text (SteadySkillEditor *editor,
           guint              step,
           const char        *id,
           const char        *text)
{
  GtkWidget *input = steady_skill_field_view_get_input (field_view (editor, step, id));

  g_assert_true (GTK_IS_TEXT_VIEW (input));
  /* Tab goes on to the next control; a keyboard user is never trapped in a text. */
  g_assert_false (gtk_text_view_get_accepts_tab (GTK_TEXT_VIEW (input)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), text, -1);
}

/* Moves a rating's slider as a hand would; moving it is answering. */
static void
slide (SteadyRatingRow *row,
       double           value)
{
  gtk_range_set_value (steady_rating_row_get_scale (row), value);
}

static void
rate (SteadySkillEditor *editor,
      guint              step,
      const char        *id,
      int                value)
{
  GtkWidget *input = steady_skill_field_view_get_input (field_view (editor, step, id));

  g_assert_true (STEADY_IS_RATING_ROW (input));
  slide (STEADY_RATING_ROW (input), value);
}

static void
choose (SteadySkillEditor *editor,
        guint              step,
        const char        *id,
        const char        *label)
{
  GtkWidget *box = steady_skill_field_view_get_input (field_view (editor, step, id));
  GtkWidget *button = find_button_with_label (box, label);

  g_assert_nonnull (button);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  click (button);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
}

static void
set_flag_cb (gboolean *flag)
{
  *flag = TRUE;
}

/* Emits @signal on @instance, as a key press does, and waits for @button to be clicked: a
 * button activated from the keyboard looks pressed for a moment first. */
static void
activate_and_wait (gpointer    instance,
                   const char *signal,
                   GtkWidget  *button)
{
  gboolean clicked = FALSE;
  gulong handler;

  g_assert_true (GTK_IS_BUTTON (button));
  g_object_ref (button);
  handler = g_signal_connect_swapped (button, "clicked", G_CALLBACK (set_flag_cb), &clicked);
  g_signal_emit_by_name (instance, signal);
  wait_until (flag_is_set, &clicked);
  g_signal_handler_disconnect (button, handler);
  g_object_unref (button);
  drain_events ();
}

/* Enter or Space on the focused button. */
static void
press_activate (GtkWidget *button)
{
  activate_and_wait (button, "activate", button);
}

/* Presses Enter where nothing focused takes it: the window's default button. */
static void
press_enter (GtkWindow *window)
{
  GtkWidget *button = gtk_window_get_default_widget (window);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  activate_and_wait (window, "activate-default", button);
}

static gboolean
focus_is_inside (GtkWindow *window,
                 GtkWidget *ancestor)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  return focus != NULL && (focus == ancestor || gtk_widget_is_ancestor (focus, ancestor));
}

static void
screenshots (GtkWidget  *editor,
             const char *name,
             gboolean    dark_too,
             GSettings  *settings)
{
  const char *schemes[] = { "light", "dark" };

  for (guint s = 0; s < (dark_too ? 2 : 1); s++)
    {
      g_autofree char *wide = g_strdup_printf ("skills-editor-%s-wide-%s", name, schemes[s]);
      g_autofree char *narrow = g_strdup_printf ("skills-editor-%s-narrow-%s", name, schemes[s]);

      set_color_scheme (settings, schemes[s]);
      resize_window (GTK_WINDOW (editor), WIDE_WIDTH, WINDOW_HEIGHT);
      save_screenshot (editor, wide);
      resize_window (GTK_WINDOW (editor), NARROW_WIDTH, WINDOW_HEIGHT);
      save_screenshot (editor, narrow);
    }
  set_color_scheme (settings, "light");
  resize_window (GTK_WINDOW (editor), WIDE_WIDTH, WINDOW_HEIGHT);
}

/* Tests ----------------------------------------------------------------------------------- */

/* A whole thought record, step by step with the buttons, and what the store keeps of it. */
static void
test_thought_record (void)
{
  Fixture fixture;
  SteadySkillEditor *editor;
  SteadySkillFieldView *moods, *thoughts, *rerating;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(SteadySkillRecord) saved = NULL;
  g_auto(GStrv) traps = NULL;
  g_autofree char *uuid = NULL;
  GtkWidget *next;
  GtkWidget *entry;
  const char *name;
  int before, after;

  fixture_start (&fixture);
  editor = open_exercise (&fixture, STEADY_SKILL_KIND_THOUGHT_RECORD);
  uuid = g_strdup (steady_skill_editor_get_uuid (editor));
  next = gtk_window_get_default_widget (GTK_WINDOW (editor));
  g_assert_cmpuint (steady_skill_editor_get_n_steps (editor), ==, 7);
  g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, 1);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (next)), ==, "Next");
  g_assert_true (has_visible_label (GTK_WIDGET (editor), "Step 1 of 7"));
  g_assert_true (has_visible_label (GTK_WIDGET (editor), "Situation"));
  g_assert_true (has_visible_label (GTK_WIDGET (editor), "how distressed are you right now?"));
  g_assert_false (has_visible_label (GTK_WIDGET (editor), "Automatic thoughts"));
  g_assert_false (gtk_widget_is_sensitive (find_button_with_label (GTK_WIDGET (editor), "Back")));
  screenshots (GTK_WIDGET (editor), "thought-record-step1-empty", FALSE, fixture.settings);

  /* "Get help now" is one click away in the editor too: the main window's help. */
  click (find_first (header_bar (editor), GTK_TYPE_BUTTON));
  {
    GtkWindow *help = wait_for_toplevel (STEADY_TYPE_HELP_DIALOG);

    g_assert_true (gtk_window_get_transient_for (help) == GTK_WINDOW (fixture.window));
    g_assert_true (has_visible_label (GTK_WIDGET (help), "988"));
    gtk_window_destroy (help);
    drain_events ();
  }

  /* Step 1: distress before, the situation. */
  slide (steady_skill_editor_get_distress_row (editor, FALSE), 7);
  type_text (editor, 1, "situation",
             "Tuesday after group. My manager emailed asking to talk tomorrow.");
  screenshots (GTK_WIDGET (editor), "thought-record-step1", TRUE, fixture.settings);
  click (next);
  g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, 2);

  /* Step 2: a suggested mood from the journal's words and one of the person's own. */
  moods = field_view (editor, 2, "moods");
  g_assert_true (has_visible_label (GTK_WIDGET (editor), "No feelings named yet"));
  click (find_button_with_label (GTK_WIDGET (moods), "Sadness"));
  entry = steady_skill_field_view_add_mood (moods, "", 50);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Dread");
  rows = steady_skill_field_view_get_items (moods);
  g_assert_cmpuint (rows->len, ==, 2);
  gtk_range_set_value (GTK_RANGE (find_first (rows->pdata[0], GTK_TYPE_SCALE)), 80);
  gtk_range_set_value (GTK_RANGE (find_first (rows->pdata[1], GTK_TYPE_SCALE)), 60);
  g_clear_pointer (&rows, g_ptr_array_unref);
  /* A suggestion picked twice is one mood. */
  click (find_button_with_label (GTK_WIDGET (moods), "Sadness"));
  g_assert_cmpuint (steady_skill_record_get_n_moods (steady_skill_editor_get_record (editor)),
                    ==, 2);
  screenshots (GTK_WIDGET (editor), "thought-record-step2", TRUE, fixture.settings);
  click (next);

  /* Step 3: two thoughts, the second one hot, and a thinking trap. */
  thoughts = field_view (editor, 3, "thoughts");
  rows = steady_skill_field_view_get_items (thoughts);
  g_assert_cmpuint (rows->len, ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (find_first (rows->pdata[0], GTK_TYPE_ENTRY)),
                         "I am going to be let go");
  g_clear_pointer (&rows, g_ptr_array_unref);
  entry = steady_skill_field_view_add_thought (thoughts, "");
  gtk_editable_set_text (GTK_EDITABLE (entry), "I always mess things up");
  rows = steady_skill_field_view_get_items (thoughts);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_first (rows->pdata[1],
                                                             GTK_TYPE_CHECK_BUTTON)), TRUE);
  g_assert_true (has_visible_label (rows->pdata[1], "Hot"));
  collect (GTK_WIDGET (thoughts), GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, ==, 2 + 12);
  gtk_check_button_set_active (checks->pdata[2], TRUE);                 /* all-or-nothing */
  gtk_check_button_set_active (checks->pdata[2 + 5], TRUE);             /* fortune telling */
  screenshots (GTK_WIDGET (editor), "thought-record-step3", TRUE, fixture.settings);
  click (next);

  type_text (editor, 4, "evidence_for", "Last month I missed a deadline.");
  screenshots (GTK_WIDGET (editor), "thought-record-step4", TRUE, fixture.settings);
  click (next);
  type_text (editor, 5, "evidence_against", "My review in spring was good. She meets everyone.");
  screenshots (GTK_WIDGET (editor), "thought-record-step5", TRUE, fixture.settings);
  click (next);
  type_text (editor, 6, "balanced", "One missed deadline is not my whole record.");
  rate (editor, 6, "belief", 60);
  screenshots (GTK_WIDGET (editor), "thought-record-step6", TRUE, fixture.settings);
  click (next);

  /* Step 7: the same two moods, rated again; distress after. */
  g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, 7);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (next)), ==, "Review");
  rerating = field_view (editor, 7, "moods");
  g_assert_true (steady_skill_field_view_is_rerating (rerating));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = steady_skill_field_view_get_items (rerating);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_true (has_visible_label (rows->pdata[0], "Sadness"));
  g_assert_true (has_visible_label (rows->pdata[0], "At first: 80"));
  g_assert_true (has_visible_label (rows->pdata[1], "Dread"));
  /* Each slider starts where the mood was; Dread is the same: its switch says so. */
  g_assert_cmpfloat (gtk_range_get_value (steady_rating_row_get_scale (rows->pdata[0])), ==, 80);
  g_assert_cmpint (steady_rating_row_get_value (rows->pdata[0]), ==, STEADY_SKILL_NO_RATING);
  slide (rows->pdata[0], 50);
  gtk_switch_set_active (steady_rating_row_get_switch (rows->pdata[1]), TRUE);
  slide (steady_skill_editor_get_distress_row (editor, TRUE), 4);
  screenshots (GTK_WIDGET (editor), "thought-record-step7", TRUE, fixture.settings);
  click (next);

  /* The review says what changed, in words. */
  g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, 8);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (next)), ==, "Finish");
  g_assert_cmpstr (steady_skill_editor_get_outcome (editor), ==,
                   "Sadness eased from 80 to 50.\n"
                   "Dread stayed at 60.\n"
                   "Your distress eased from 7 to 4.");
  g_assert_true (has_visible_label (GTK_WIDGET (editor), "Your distress eased from 7 to 4."));
  screenshots (GTK_WIDGET (editor), "thought-record-review", TRUE, fixture.settings);
  g_assert_cmpuint (count_records (&fixture), ==, 0);
  click (next);
  wait_until (no_editor_open, NULL);
  g_assert_cmpuint (fixture.n_changed, ==, 1);

  /* Everything round-trips through the store. */
  saved = load (&fixture, uuid);
  g_assert_true (steady_skill_record_get_finished (saved));
  g_assert_cmpuint (steady_skill_record_get_step_reached (saved), ==, 7);
  g_assert_cmpint (steady_skill_record_get_distress_before (saved), ==, 7);
  g_assert_cmpint (steady_skill_record_get_distress_after (saved), ==, 4);
  g_assert_cmpstr (steady_skill_record_get_text (saved, "situation"), ==,
                   "Tuesday after group. My manager emailed asking to talk tomorrow.");
  g_assert_cmpstr (steady_skill_record_get_text (saved, "evidence_for"), ==,
                   "Last month I missed a deadline.");
  g_assert_cmpstr (steady_skill_record_get_text (saved, "evidence_against"), ==,
                   "My review in spring was good. She meets everyone.");
  g_assert_cmpstr (steady_skill_record_get_text (saved, "balanced"), ==,
                   "One missed deadline is not my whole record.");
  g_assert_cmpint (steady_skill_record_get_percent (saved, "belief"), ==, 60);
  g_assert_cmpuint (steady_skill_record_get_n_moods (saved), ==, 2);
  steady_skill_record_get_mood (saved, 0, &name, &before, &after);
  g_assert_cmpstr (name, ==, "Sadness");
  g_assert_cmpint (before, ==, 80);
  g_assert_cmpint (after, ==, 50);
  steady_skill_record_get_mood (saved, 1, &name, &before, &after);
  g_assert_cmpstr (name, ==, "Dread");
  g_assert_cmpint (before, ==, 60);
  g_assert_cmpint (after, ==, 60);
  g_assert_cmpuint (steady_skill_record_get_n_thoughts (saved), ==, 2);
  g_assert_cmpstr (steady_skill_record_get_thought (saved, 0), ==, "I am going to be let go");
  g_assert_cmpint (steady_skill_record_get_hot_thought (saved), ==, 1);
  traps = steady_skill_record_dup_traps (saved);
  g_assert_cmpuint (g_strv_length (traps), ==, 2);
  g_assert_cmpstr (traps[0], ==, "all-or-nothing");
  g_assert_cmpstr (traps[1], ==, "fortune-telling");
  g_assert_false (steady_skill_record_get_private (saved));

  /* Opened again from history, a finished record shows how it went, all of it kept. */
  editor = open_record (&fixture, uuid);
  g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, 8);
  g_assert_true (has_visible_label (GTK_WIDGET (editor), "Sadness eased from 80 to 50."));
  g_assert_false (steady_skill_editor_get_draft_offered (editor));
  /* Asking again brings the same window forward instead of a second one. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "open-skill-record",
                                  g_variant_new_string (uuid));
  drain_events ();
  g_assert_true (steady_skill_editor_find (uuid) == editor);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    guint n_editors = 0;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

        n_editors += STEADY_IS_SKILL_EDITOR (window);
      }
    g_assert_cmpuint (n_editors, ==, 1);
  }

  /* Made private and finished again: kept out of exports from now on. */
  gtk_switch_set_active (private_switch (editor), TRUE);
  g_assert_true (steady_skill_record_get_private (steady_skill_editor_get_record (editor)));
  click (next = gtk_window_get_default_widget (GTK_WINDOW (editor)));
  wait_until (no_editor_open, NULL);
  g_assert_cmpuint (fixture.n_changed, ==, 2);
  g_clear_object (&saved);
  saved = load (&fixture, uuid);
  g_assert_true (steady_skill_record_get_private (saved));
  g_assert_true (steady_skill_record_get_finished (saved));

  /* Deleted only after saying yes; then gone, and the Skills page told. */
  editor = open_record (&fixture, uuid);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  {
    GtkWindow *dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    save_screenshot (GTK_WIDGET (dialog), "skills-editor-delete-light");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    drain_events ();
    g_assert_cmpuint (count_records (&fixture), ==, 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
    dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  }
  wait_until (no_editor_open, NULL);
  g_assert_cmpuint (count_records (&fixture), ==, 0);
  g_assert_cmpuint (fixture.n_changed, ==, 3);

  fixture_stop (&fixture);
}

typedef struct
{
  SteadySkillKind kind;
  const char     *name;
} Worksheet;

/* An answer for every question of @editor's kind, given through its widget. */
static void
answer_everything (SteadySkillEditor *editor)
{
  g_autoptr(GPtrArray) views = steady_skill_editor_get_field_views (editor, 0);

  for (guint i = 0; i < views->len; i++)
    {
      const SteadySkillField *field = steady_skill_field_view_get_field (views->pdata[i]);
      g_autofree char *text = g_strdup_printf ("An answer to %s", field->id);

      switch (field->type)
        {
        case STEADY_SKILL_FIELD_TEXT:
          type_text (editor, field->step, field->id, text);
          break;
        case STEADY_SKILL_FIELD_PERCENT:
          rate (editor, field->step, field->id, 35);
          break;
        case STEADY_SKILL_FIELD_CHOICE:
          choose (editor, field->step, field->id, i % 2 == 0 ? "Partly" : "No");
          break;
        case STEADY_SKILL_FIELD_MOODS:
        case STEADY_SKILL_FIELD_THOUGHTS:
        default:
          g_assert_not_reached ();
        }
    }
}

/* The four DBT-informed worksheets: each walked to the end with Next and saved; every
 * answer comes back from the store; screenshots of the first and last step. */
static void
test_worksheets (void)
{
  static const Worksheet worksheets[] = {
    { STEADY_SKILL_KIND_NAME_EMOTION, "name-emotion" },
    { STEADY_SKILL_KIND_CHECK_FACTS, "check-facts" },
    { STEADY_SKILL_KIND_OPPOSITE_ACTION, "opposite-action" },
    { STEADY_SKILL_KIND_PLEASE_CHECK, "please-check" },
  };
  Fixture fixture;

  fixture_start (&fixture);
  for (guint w = 0; w < G_N_ELEMENTS (worksheets); w++)
    {
      SteadySkillEditor *editor = open_exercise (&fixture, worksheets[w].kind);
      GtkWidget *next = gtk_window_get_default_widget (GTK_WINDOW (editor));
      g_autofree char *uuid = g_strdup (steady_skill_editor_get_uuid (editor));
      g_autofree char *first = g_strdup_printf ("%s-first", worksheets[w].name);
      g_autofree char *last = g_strdup_printf ("%s-last", worksheets[w].name);
      g_autoptr(SteadySkillRecord) saved = NULL;
      g_autoptr(GPtrArray) views = NULL;
      guint n_steps = steady_skill_editor_get_n_steps (editor);

      answer_everything (editor);
      g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, 1);
      screenshots (GTK_WIDGET (editor), first, FALSE, fixture.settings);
      for (guint step = 1; step < n_steps; step++)
        {
          g_autoptr(GPtrArray) shown = steady_skill_editor_get_field_views (editor, step);

          g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, step);
          /* This step's questions are on screen, no other step's. */
          g_assert_cmpuint (shown->len, >, 0);
          for (guint i = 0; i < shown->len; i++)
            g_assert_true (gtk_widget_is_visible (shown->pdata[i]));
          if (step > 1)
            {
              g_autoptr(GPtrArray) hidden = steady_skill_editor_get_field_views (editor, step - 1);

              g_assert_false (gtk_widget_is_visible (hidden->pdata[0]));
            }
          click (next);
        }
      g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, n_steps);
      slide (steady_skill_editor_get_distress_row (editor, TRUE), 3);
      screenshots (GTK_WIDGET (editor), last, FALSE, fixture.settings);
      click (next);
      g_assert_true (has_visible_label (GTK_WIDGET (editor),
                                        "Rate your distress both at the start and at the end"));
      click (next);
      wait_until (no_editor_open, NULL);

      saved = load (&fixture, uuid);
      g_assert_true (steady_skill_record_get_finished (saved));
      g_assert_cmpint (steady_skill_record_get_kind (saved), ==, worksheets[w].kind);
      g_assert_cmpint (steady_skill_record_get_distress_before (saved), ==,
                       STEADY_SKILL_NO_RATING);
      g_assert_cmpint (steady_skill_record_get_distress_after (saved), ==, 3);
      views = g_ptr_array_new ();
      {
        const SteadySkillField *fields;
        guint n_fields;

        fields = steady_skill_kind_get_fields (worksheets[w].kind, &n_fields);
        for (guint i = 0; i < n_fields; i++)
          {
            g_autofree char *text = g_strdup_printf ("An answer to %s", fields[i].id);

            if (fields[i].type == STEADY_SKILL_FIELD_TEXT)
              g_assert_cmpstr (steady_skill_record_get_text (saved, fields[i].id), ==, text);
            else if (fields[i].type == STEADY_SKILL_FIELD_PERCENT)
              g_assert_cmpint (steady_skill_record_get_percent (saved, fields[i].id), ==, 35);
            else
              g_assert_cmpstr (steady_skill_record_get_choice (saved, fields[i].id), ==,
                               i % 2 == 0 ? "partly" : "no");
          }
      }
    }
  g_assert_cmpuint (count_records (&fixture), ==, G_N_ELEMENTS (worksheets));
  g_assert_cmpuint (fixture.n_changed, ==, G_N_ELEMENTS (worksheets));
  fixture_stop (&fixture);
}

static gboolean
draft_holds (gpointer data)
{
  const char * const *what = data;   /* { uuid, kind, text } */
  SteadyApplication *app = STEADY_APPLICATION (g_application_get_default ());
  g_autoptr(SteadyDraftStore) drafts =
    steady_draft_store_new (steady_application_get_database (app));
  g_autofree char *json = steady_draft_store_load (drafts, what[1], what[0], NULL, NULL);

  return json != NULL && strstr (json, what[2]) != NULL;
}

/* A change is kept as a draft without any save; after the window is gone (as in a crash) the
 * next editor of that kind offers it back; Save for Later stores it unfinished at its step,
 * and opening it again offers the newer draft. */
static void
test_drafts (void)
{
  Fixture fixture;
  SteadySkillEditor *editor;
  g_autofree char *uuid = NULL;
  g_autoptr(SteadySkillRecord) saved = NULL;
  const char *what[3];

  fixture_start (&fixture);
  editor = open_exercise (&fixture, STEADY_SKILL_KIND_THOUGHT_RECORD);
  g_assert_false (steady_skill_editor_get_draft_offered (editor));
  uuid = g_strdup (steady_skill_editor_get_uuid (editor));
  type_text (editor, 1, "situation", "half a situation about the bus");
  click (gtk_window_get_default_widget (GTK_WINDOW (editor)));
  steady_skill_field_view_add_mood (field_view (editor, 2, "moods"), "Worry", 70);
  what[0] = uuid;
  what[1] = "skill-record/thought-record";
  what[2] = "Worry";
  /* The autosave, not a close, writes it. */
  wait_until (draft_holds, what);
  gtk_window_destroy (GTK_WINDOW (editor));
  drain_events ();
  g_assert_cmpuint (count_records (&fixture), ==, 0);

  /* Another kind has nothing to offer. */
  editor = open_exercise (&fixture, STEADY_SKILL_KIND_CHECK_FACTS);
  g_assert_false (steady_skill_editor_get_draft_offered (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
  drain_events ();

  /* The Skills page offers a never-saved exercise to continue by its UUID: it opens as it
   * was left, nothing to restore first. An unknown UUID opens nothing. */
  editor = open_record (&fixture, uuid);
  g_assert_false (steady_skill_editor_get_draft_offered (editor));
  g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, 2);
  g_assert_cmpstr (steady_skill_record_get_text (steady_skill_editor_get_record (editor),
                                                 "situation"), ==,
                   "half a situation about the bus");
  gtk_window_destroy (GTK_WINDOW (editor));
  drain_events ();
  g_action_group_activate_action (G_ACTION_GROUP (fixture.window), "open-skill-record",
                                  g_variant_new_string ("3a1f6a3e-5a0c-4c59-9d0e-0d1c2b3a4f5e"));
  drain_events ();
  g_assert_null (find_visible_toplevel (STEADY_TYPE_SKILL_EDITOR));

  editor = open_exercise (&fixture, STEADY_SKILL_KIND_THOUGHT_RECORD);
  wait_for_frame (GTK_WIDGET (editor));
  g_assert_true (steady_skill_editor_get_draft_offered (editor));
  g_assert_true (has_visible_label (GTK_WIDGET (editor), "You have unsaved answers"));
  screenshots (GTK_WIDGET (editor), "draft-offered", FALSE, fixture.settings);
  steady_skill_editor_restore_draft (editor);
  g_assert_false (steady_skill_editor_get_draft_offered (editor));
  g_assert_cmpstr (steady_skill_editor_get_uuid (editor), ==, uuid);
  /* Back where it was left, with what was typed. */
  g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, 2);
  g_assert_cmpstr (steady_skill_record_get_text (steady_skill_editor_get_record (editor),
                                                 "situation"), ==,
                   "half a situation about the bus");
  {
    GtkWidget *view = steady_skill_field_view_get_input (field_view (editor, 1, "situation"));
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, "half a situation about the bus");
  }
  g_assert_true (has_visible_label (GTK_WIDGET (editor), "No feelings named yet") == FALSE);

  /* Save for Later: stored unfinished at step 3, the draft gone with the save. */
  click (gtk_window_get_default_widget (GTK_WINDOW (editor)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save-for-later", NULL));
  wait_until (no_editor_open, NULL);
  g_assert_cmpuint (fixture.n_changed, ==, 1);
  saved = load (&fixture, uuid);
  g_assert_false (steady_skill_record_get_finished (saved));
  g_assert_cmpuint (steady_skill_record_get_step_reached (saved), ==, 3);
  g_assert_false (draft_holds (what));

  /* Go on with it: it opens at step 3; a change, then the window goes without saving. */
  editor = open_record (&fixture, uuid);
  g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, 3);
  g_assert_false (steady_skill_editor_get_draft_offered (editor));
  type_text (editor, 4, "evidence_for", "The bus was late twice this week");
  what[2] = "late twice";
  wait_until (draft_holds, what);
  gtk_window_destroy (GTK_WINDOW (editor));
  drain_events ();

  /* Opening the record offers the newer answers; a new thought record does not, since the
   * draft belongs to a saved one. */
  editor = open_exercise (&fixture, STEADY_SKILL_KIND_THOUGHT_RECORD);
  g_assert_false (steady_skill_editor_get_draft_offered (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
  drain_events ();
  editor = open_record (&fixture, uuid);
  g_assert_true (steady_skill_editor_get_draft_offered (editor));
  steady_skill_editor_restore_draft (editor);
  g_assert_cmpstr (steady_skill_record_get_text (steady_skill_editor_get_record (editor),
                                                 "evidence_for"), ==,
                   "The bus was late twice this week");

  /* Quit right after typing, before any autosave: the words are kept all the same. */
  type_text (editor, 5, "evidence_against", "typed just before quitting");
  what[2] = "typed just before quitting";
  g_assert_false (draft_holds (what));
  g_action_group_activate_action (G_ACTION_GROUP (fixture.app), "quit", NULL);
  g_assert_true (draft_holds (what));

  fixture_stop (&fixture);
}

/* Ratings cannot leave their range in the editor, and what the store refuses (a rating set
 * out of range behind the editor's back, a database that cannot write) is said in words
 * while every answer stays. */
static void
test_ranges_and_errors (void)
{
  Fixture fixture;
  SteadySkillEditor *editor;
  SteadyRatingRow *distress;
  SteadyRatingRow *belief;
  SteadySkillRecord *record;
  SteadySkillFieldView *moods;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  SteadyDatabase *database;
  GtkRange *scale;

  fixture_start (&fixture);
  database = steady_application_get_database (fixture.app);
  editor = open_exercise (&fixture, STEADY_SKILL_KIND_THOUGHT_RECORD);
  distress = steady_skill_editor_get_distress_row (editor, FALSE);
  record = steady_skill_editor_get_record (editor);

  /* Not touched is not rated: skipping is the default. */
  g_assert_cmpint (steady_rating_row_get_value (distress), ==, STEADY_SKILL_NO_RATING);
  g_assert_true (has_visible_label (GTK_WIDGET (distress), "Not rated"));
  slide (distress, 25);
  g_assert_cmpint (steady_rating_row_get_value (distress), ==, 10);
  g_assert_true (has_visible_label (GTK_WIDGET (distress), "10 of 10"));
  slide (distress, -3);
  g_assert_cmpint (steady_rating_row_get_value (distress), ==, 0);
  g_assert_cmpint (steady_skill_record_get_distress_before (record), ==, 0);
  /* The switch takes the answer back: skipped. */
  gtk_switch_set_active (steady_rating_row_get_switch (distress), FALSE);
  g_assert_cmpint (steady_skill_record_get_distress_before (record), ==, STEADY_SKILL_NO_RATING);

  belief = STEADY_RATING_ROW (steady_skill_field_view_get_input (field_view (editor, 6,
                                                                             "belief")));
  slide (belief, 1000);
  g_assert_cmpint (steady_rating_row_get_value (belief), ==, 100);
  steady_rating_row_set_value (belief, 101);
  g_assert_cmpint (steady_rating_row_get_value (belief), ==, STEADY_SKILL_NO_RATING);

  moods = field_view (editor, 2, "moods");
  steady_skill_field_view_add_mood (moods, "Anger", 500);
  rows = steady_skill_field_view_get_items (moods);
  scale = GTK_RANGE (find_first (rows->pdata[0], GTK_TYPE_SCALE));
  g_assert_cmpfloat (gtk_range_get_value (scale), ==, 100);
  gtk_range_set_value (scale, -40);
  g_assert_cmpfloat (gtk_range_get_value (scale), ==, 0);
  gtk_range_set_value (scale, 45);
  {
    int before;

    steady_skill_record_get_mood (steady_skill_editor_get_record (editor), 0, NULL, &before,
                                  NULL);
    g_assert_cmpint (before, ==, 45);
  }

  /* What the store refuses is said in words, and nothing is saved or lost. */
  type_text (editor, 1, "situation", "Words that must not be lost");
  steady_skill_record_set_percent (steady_skill_editor_get_record (editor), "belief", 150);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save-for-later", NULL));
  g_assert_nonnull (find_visible_toplevel (STEADY_TYPE_SKILL_EDITOR));
  g_assert_cmpstr (steady_skill_editor_get_error_text (editor), ==, "Ratings go from 0 to 100.");
  g_assert_cmpuint (count_records (&fixture), ==, 0);
  steady_skill_record_set_percent (steady_skill_editor_get_record (editor), "belief", 70);

  /* The database refuses to write, as on a full disk or a read-only folder. */
  g_assert_true (steady_database_exec (database, "PRAGMA query_only = ON", &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save-for-later", NULL));
  g_assert_nonnull (find_visible_toplevel (STEADY_TYPE_SKILL_EDITOR));
  g_assert_nonnull (strstr (steady_skill_editor_get_error_text (editor), "could not be saved"));
  g_assert_nonnull (strstr (steady_skill_editor_get_error_text (editor), "Your words are kept"));
  screenshots (GTK_WIDGET (editor), "cannot-write", FALSE, fixture.settings);
  g_assert_cmpstr (steady_skill_record_get_text (steady_skill_editor_get_record (editor),
                                                 "situation"), ==,
                   "Words that must not be lost");
  g_assert_true (steady_database_exec (database, "PRAGMA query_only = OFF", &error));
  g_assert_cmpuint (count_records (&fixture), ==, 0);
  g_assert_true (steady_skill_editor_save_for_later (editor, &error));
  g_assert_no_error (error);
  g_assert_null (steady_skill_editor_get_error_text (editor));
  g_assert_cmpuint (count_records (&fixture), ==, 1);
  gtk_window_destroy (GTK_WINDOW (editor));

  fixture_stop (&fixture);
}

/* Every step on one page, for people who prefer the whole form; Finish saves from there, and
 * the choice holds for the next exercise (GSettings). */
static void
test_full_form (void)
{
  Fixture fixture;
  SteadySkillEditor *editor;
  g_autoptr(GPtrArray) views = NULL;
  g_autofree char *uuid = NULL;
  GtkWidget *next;

  fixture_start (&fixture);
  editor = open_exercise (&fixture, STEADY_SKILL_KIND_THOUGHT_RECORD);
  uuid = g_strdup (steady_skill_editor_get_uuid (editor));
  next = gtk_window_get_default_widget (GTK_WINDOW (editor));
  g_assert_false (steady_skill_editor_get_full_form (editor));
  views = steady_skill_editor_get_field_views (editor, 0);
  g_assert_cmpuint (views->len, ==, 8);

  click (find_first (GTK_WIDGET (editor), GTK_TYPE_TOGGLE_BUTTON));
  g_assert_true (steady_skill_editor_get_full_form (editor));
  wait_for_frame (GTK_WIDGET (editor));
  for (guint i = 0; i < views->len; i++)
    g_assert_true (gtk_widget_is_visible (views->pdata[i]));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (steady_skill_editor_get_distress_row (editor,
                                                                                         FALSE))));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (steady_skill_editor_get_distress_row (editor,
                                                                                         TRUE))));
  for (guint step = 1; step <= 7; step++)
    {
      g_autofree char *heading = g_strdup_printf ("Step %u of 7", step);

      g_assert_true (has_visible_label (GTK_WIDGET (editor), heading));
    }
  g_assert_true (has_visible_label (GTK_WIDGET (editor), "What Changed"));
  g_assert_true (has_visible_label (GTK_WIDGET (editor), "All steps"));   /* the subtitle */
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (next)), ==, "Finish");
  g_assert_false (gtk_widget_get_visible (find_button_with_label (GTK_WIDGET (editor), "Back")));
  screenshots (GTK_WIDGET (editor), "thought-record-full-form", TRUE, fixture.settings);

  type_text (editor, 5, "evidence_against", "written on the one-page form");
  click (next);
  wait_until (no_editor_open, NULL);
  {
    g_autoptr(SteadySkillRecord) saved = load (&fixture, uuid);

    g_assert_true (steady_skill_record_get_finished (saved));
    g_assert_cmpstr (steady_skill_record_get_text (saved, "evidence_against"), ==,
                     "written on the one-page form");
  }

  /* The next exercise opens the way the last one was left: on one page. */
  g_assert_true (g_settings_get_boolean (fixture.settings, "skill-editor-full-form"));
  editor = open_exercise (&fixture, STEADY_SKILL_KIND_PLEASE_CHECK);
  g_assert_true (steady_skill_editor_get_full_form (editor));
  g_clear_pointer (&views, g_ptr_array_unref);
  views = steady_skill_editor_get_field_views (editor, 0);
  for (guint i = 0; i < views->len; i++)
    g_assert_true (gtk_widget_is_visible (views->pdata[i]));

  /* Back to one step at a time: only the step shown, and so for the exercise after. */
  click (find_first (GTK_WIDGET (editor), GTK_TYPE_TOGGLE_BUTTON));
  g_assert_false (steady_skill_editor_get_full_form (editor));
  g_assert_true (gtk_widget_is_visible (views->pdata[0]));
  for (guint i = 1; i < views->len; i++)
    g_assert_false (gtk_widget_is_visible (views->pdata[i]));
  gtk_window_destroy (GTK_WINDOW (editor));
  wait_until (no_editor_open, NULL);
  g_assert_false (g_settings_get_boolean (fixture.settings, "skill-editor-full-form"));
  editor = open_exercise (&fixture, STEADY_SKILL_KIND_CHECK_FACTS);
  g_assert_false (steady_skill_editor_get_full_form (editor));
  {
    g_autofree char *first = g_strdup_printf ("Step 1 of %u", steady_skill_kind_get_n_steps (
                                                STEADY_SKILL_KIND_CHECK_FACTS));
    GtkWidget *title = find_first (GTK_WIDGET (editor), ADW_TYPE_WINDOW_TITLE);

    g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), ==, first);
  }
  gtk_window_destroy (GTK_WINDOW (editor));

  fixture_stop (&fixture);
}

/* A thought record with the keyboard alone: the focus starts in each step, typing goes where
 * the focus is, Alt+Right and Ctrl+Page Down go on, Alt+Left goes back, Enter presses Next
 * and at the end Finish, and Escape closes keeping the draft. */
static void
test_keyboard (void)
{
  Fixture fixture;
  SteadySkillEditor *editor;
  GtkWindow *window;
  g_autofree char *uuid = NULL;
  g_autoptr(SteadySkillRecord) saved = NULL;
  GtkWidget *focus;

  fixture_start (&fixture);
  editor = open_exercise (&fixture, STEADY_SKILL_KIND_THOUGHT_RECORD);
  window = GTK_WINDOW (editor);
  uuid = g_strdup (steady_skill_editor_get_uuid (editor));
  wait_for_frame (GTK_WIDGET (editor));

  /* Step 1: Tab from the distress question reaches the situation's text. */
  steady_skill_editor_set_step (editor, 1);
  g_assert_true (focus_is_inside (window, GTK_WIDGET (steady_skill_editor_get_distress_row (editor,
                                                                                         FALSE))));
  for (guint i = 0; i < 10 && !GTK_IS_TEXT_VIEW (gtk_window_get_focus (window)); i++)
    g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  focus = gtk_window_get_focus (window);
  g_assert_true (focus == steady_skill_field_view_get_input (field_view (editor, 1,
                                                                         "situation")));
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)),
                                    "Typed with the keyboard alone", -1);
  /* Tab leaves the text again. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  g_assert_false (gtk_window_get_focus (window) == focus);

  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, 2);
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, 1);
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_Page_Down, GDK_CONTROL_MASK));
  g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, 2);
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_Page_Up, GDK_CONTROL_MASK));
  g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, 1);
  /* Back at the first step, Alt+Left stays there. */
  g_assert_false (press_key (GTK_WIDGET (window), GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, 1);

  /* Enter presses Next; the focus lands on each step's first question. */
  press_enter (window);
  g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, 2);
  /* Step 2: the focus is on the first suggested feeling; Enter adds it and the focus moves
   * to its strength, which the arrow keys set. */
  focus = gtk_window_get_focus (window);
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus)), ==, "Joy");
  g_assert_true (focus_is_inside (window, GTK_WIDGET (field_view (editor, 2, "moods"))));
  press_activate (focus);
  focus = gtk_window_get_focus (window);
  g_assert_true (GTK_IS_SCALE (focus));
  for (guint i = 0; i < 4; i++)
    g_signal_emit_by_name (focus, "move-slider", GTK_SCROLL_STEP_RIGHT);
  {
    const char *name;
    int before;

    g_assert_cmpuint (steady_skill_record_get_n_moods (steady_skill_editor_get_record (editor)),
                      ==, 1);
    steady_skill_record_get_mood (steady_skill_editor_get_record (editor), 0, &name, &before,
                                  NULL);
    g_assert_cmpstr (name, ==, "Joy");
    g_assert_cmpint (before, ==, 70);
  }

  /* Step 3: typing goes into the first thought; Tab reaches its Hot mark, Space sets it. */
  press_enter (window);
  g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, 3);
  focus = gtk_window_get_focus (window);
  g_assert_true (GTK_IS_EDITABLE (focus));
  g_assert_true (focus_is_inside (window, GTK_WIDGET (field_view (editor, 3, "thoughts"))));
  gtk_editable_set_text (GTK_EDITABLE (focus), "Nobody will notice if I stay home");
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  focus = gtk_window_get_focus (window);
  g_assert_true (GTK_IS_CHECK_BUTTON (focus));
  g_signal_emit_by_name (focus, "activate");
  drain_events ();
  g_assert_cmpint (steady_skill_record_get_hot_thought (steady_skill_editor_get_record (editor)),
                   ==, 0);

  for (guint step = 4; step <= 6; step++)
    {
      press_enter (window);
      g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, step);
      g_assert_true (GTK_IS_TEXT_VIEW (gtk_window_get_focus (window)));
    }
  /* Step 7: the focus is on the mood's new rating, which the arrow keys give. */
  press_enter (window);
  g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, 7);
  focus = gtk_window_get_focus (window);
  g_assert_true (GTK_IS_SCALE (focus));
  g_assert_true (focus_is_inside (window, GTK_WIDGET (field_view (editor, 7, "moods"))));
  g_signal_emit_by_name (focus, "move-slider", GTK_SCROLL_STEP_LEFT);
  g_assert_true (has_visible_label (GTK_WIDGET (editor), "65 of 100"));
  /* The review: Enter is Finish, and the focus is on it rather than the Private switch. */
  press_enter (window);
  g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, 8);
  g_assert_true (gtk_window_get_focus (window) == gtk_window_get_default_widget (window));
  /* Alt+Right at the review does not finish by accident. */
  g_assert_false (press_key (GTK_WIDGET (window), GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_cmpuint (steady_skill_editor_get_step (editor), ==, 8);
  g_assert_nonnull (find_visible_toplevel (STEADY_TYPE_SKILL_EDITOR));
  press_enter (window);
  wait_until (no_editor_open, NULL);
  saved = load (&fixture, uuid);
  g_assert_true (steady_skill_record_get_finished (saved));
  g_assert_cmpstr (steady_skill_record_get_text (saved, "situation"), ==,
                   "Typed with the keyboard alone");
  g_assert_cmpstr (steady_skill_record_get_thought (saved, 0), ==,
                   "Nobody will notice if I stay home");
  g_assert_cmpint (steady_skill_record_get_hot_thought (saved), ==, 0);
  {
    int before, after;

    steady_skill_record_get_mood (saved, 0, NULL, &before, &after);
    g_assert_cmpint (before, ==, 70);
    g_assert_cmpint (after, ==, 65);
  }

  /* Escape closes a new one and keeps what was typed as a draft. */
  editor = open_exercise (&fixture, STEADY_SKILL_KIND_NAME_EMOTION);
  g_free (uuid);
  uuid = g_strdup (steady_skill_editor_get_uuid (editor));
  type_text (editor, 1, "emotion", "Restless");
  g_assert_true (press_key (GTK_WIDGET (editor), GDK_KEY_Escape, 0));
  wait_until (no_editor_open, NULL);
  {
    const char *what[3] = { uuid, "skill-record/name-emotion", "Restless" };

    g_assert_true (draft_holds (what));
  }
  fixture_stop (&fixture);
}

/* Deleting from the editor asks first, then closes the editor and offers Undo in the main
 * window; Undo brings the exercise back exactly (the same UUID, times and answers, still
 * private and finished) with the draft that was kept, and tells the Skills page. */
static void
test_delete_undo (void)
{
  Fixture fixture;
  SteadySkillEditor *editor;
  g_autoptr(SteadySkillRecord) before = NULL;
  g_autoptr(SteadySkillRecord) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  GtkWidget *undo;
  const char *what[3];
  guint n_changed;

  fixture_start (&fixture);
  editor = open_exercise (&fixture, STEADY_SKILL_KIND_CHECK_FACTS);
  uuid = g_strdup (steady_skill_editor_get_uuid (editor));
  answer_everything (editor);
  slide (steady_skill_editor_get_distress_row (editor, FALSE), 7);
  slide (steady_skill_editor_get_distress_row (editor, TRUE), 4);
  steady_skill_editor_set_step (editor, steady_skill_editor_get_n_steps (editor) + 1);
  gtk_switch_set_active (private_switch (editor), TRUE);
  click (gtk_window_get_default_widget (GTK_WINDOW (editor)));
  wait_until (no_editor_open, NULL);
  before = load (&fixture, uuid);
  g_assert_true (steady_skill_record_get_finished (before));
  before_json = steady_skill_record_to_draft (before);

  /* Opened again, changed a little (kept as a draft), then deleted. */
  editor = open_record (&fixture, uuid);
  type_text (editor, 1, "emotion", "A change kept only as a draft");
  g_assert_true (steady_skill_editor_flush_draft (editor, &error));
  g_assert_no_error (error);
  n_changed = fixture.n_changed;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG)),
                               "delete");
  wait_until (no_editor_open, NULL);
  g_assert_cmpuint (count_records (&fixture), ==, 0);
  what[0] = uuid;
  what[1] = "skill-record/check-facts";
  what[2] = "A change kept only as a draft";
  g_assert_false (draft_holds (what));
  g_assert_cmpuint (fixture.n_changed, ==, n_changed + 1);

  /* The main window says so, with Undo. */
  wait_for_frame (GTK_WIDGET (fixture.window));
  g_assert_true (has_visible_label (GTK_WIDGET (fixture.window), "Check the facts deleted"));
  undo = find_button_with_label (GTK_WIDGET (fixture.window), "_Undo");
  g_assert_nonnull (undo);
  save_screenshot (GTK_WIDGET (fixture.window), "skills-editor-deleted-undo-light");
  click (undo);
  drain_events ();

  g_assert_cmpuint (count_records (&fixture), ==, 1);
  after = load (&fixture, uuid);
  g_assert_cmpstr (steady_skill_record_get_uuid (after), ==, uuid);
  g_assert_cmpint (steady_skill_record_get_created (after), ==,
                   steady_skill_record_get_created (before));
  g_assert_cmpint (steady_skill_record_get_updated (after), ==,
                   steady_skill_record_get_updated (before));
  g_assert_cmpint (steady_skill_record_get_time (after), ==,
                   steady_skill_record_get_time (before));
  g_assert_true (steady_skill_record_get_private (after));
  g_assert_true (steady_skill_record_get_finished (after));
  g_assert_cmpint (steady_skill_record_get_distress_before (after), ==, 7);
  g_assert_cmpint (steady_skill_record_get_distress_after (after), ==, 4);
  after_json = steady_skill_record_to_draft (after);
  g_assert_cmpstr (after_json, ==, before_json);
  g_assert_true (draft_holds (what));
  g_assert_cmpuint (fixture.n_changed, ==, n_changed + 2);

  /* It opens again, with its draft offered back. */
  editor = open_record (&fixture, uuid);
  g_assert_true (steady_skill_editor_get_draft_offered (editor));
  gtk_window_destroy (GTK_WINDOW (editor));

  fixture_stop (&fixture);
}

static const UiTest ui_tests[] = {
  { "/skills-editor/thought-record", test_thought_record },
  { "/skills-editor/worksheets", test_worksheets },
  { "/skills-editor/drafts", test_drafts },
  { "/skills-editor/ranges-and-errors", test_ranges_and_errors },
  { "/skills-editor/full-form", test_full_form },
  { "/skills-editor/keyboard", test_keyboard },
  { "/skills-editor/delete-undo", test_delete_undo },
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
