/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-diary-card.c: the diary card on the real application and database under Xvfb: first
 * use, filling a card by keys, round trip, drafts, the week grid, delete with undo and the
 * person's own rows; screenshots wide and narrow, light and dark. */

#define G_LOG_DOMAIN "steady-test-diary-card"

#include "config.h"

#include <string.h>

#include "steady-application.h"
#include "steady-diary-card-window.h"
#include "steady-diary-rating-row.h"
#include "steady-diary-store.h"
#include "steady-diary-targets-dialog.h"
#include "steady-diary-week-view.h"
#include "steady-week-start.h"
#include "steady-draft-store.h"
#include "steady-help-dialog.h"
#include "steady-skill-record.h"
#include "steady-skills-library.h"
#include "steady-window.h"

#include "steady-ui-test-util.h"

#define WIDE_WIDTH    640
#define NARROW_WIDTH  360
#define WINDOW_HEIGHT 760

/* Helpers ----------------------------------------------------------------------------------- */

static SteadyDiaryStore *
get_store (SteadyApplication *app)
{
  SteadyDatabase *database = steady_application_get_database (app);

  g_assert_nonnull (database);
  return steady_diary_store_new (database);
}

/* Opens the card of @day as the Skills page does, through the main window's action. */
static SteadyDiaryCardWindow *
open_card (SteadyWindow *window,
           int           day,
           int           width)
{
  GtkWindow *card;

  g_action_group_activate_action (G_ACTION_GROUP (window), "diary-card",
                                  g_variant_new_int32 (day));
  card = find_toplevel (STEADY_TYPE_DIARY_CARD_WINDOW);
  g_assert_nonnull (card);
  g_assert_true (gtk_window_get_transient_for (card) == GTK_WINDOW (window));
  g_assert_false (gtk_window_get_modal (card));
  gtk_window_set_default_size (card, width, WINDOW_HEIGHT);
  card = wait_for_toplevel (STEADY_TYPE_DIARY_CARD_WINDOW);
  wait_for_frame (GTK_WIDGET (card));
  g_assert_cmpint (steady_diary_card_window_get_day (STEADY_DIARY_CARD_WINDOW (card)), ==, day);
  return STEADY_DIARY_CARD_WINDOW (card);
}

static void
close_card (SteadyDiaryCardWindow *card)
{
  gtk_window_close (GTK_WINDOW (card));
  drain_events ();
  g_assert_null (find_toplevel (STEADY_TYPE_DIARY_CARD_WINDOW));
}

static SteadyDiaryRatingRow *
row (SteadyDiaryCardWindow *card,
     const char            *title)
{
  SteadyDiaryRatingRow *found = steady_diary_card_window_find_row (card, title);

  g_assert_nonnull (found);
  return found;
}

/* Sends @keyval to the row's scale as the keyboard would, with the focus on the scale. */
static void
press (SteadyDiaryRatingRow *rating_row,
       guint                 keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (rating_row));
  gboolean handled = FALSE;
  gboolean sent = FALSE;
  int value = steady_diary_rating_row_get_value (rating_row);

  gtk_widget_grab_focus (steady_diary_rating_row_get_button (rating_row, MAX (value, 0)));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
          sent = TRUE;
        }
    }
  g_assert_true (sent);
  g_assert_true (handled);
}

/* The button showing @label with an icon (AdwButtonContent). */
static GtkWidget *
find_content_button (GtkWidget  *widget,
                     const char *label)
{
  g_autoptr(GPtrArray) contents = g_ptr_array_new ();

  collect (widget, ADW_TYPE_BUTTON_CONTENT, contents);
  for (guint i = 0; i < contents->len; i++)
    if (g_strcmp0 (adw_button_content_get_label (g_ptr_array_index (contents, i)), label) == 0)
      return gtk_widget_get_parent (g_ptr_array_index (contents, i));
  g_assert_not_reached ();
  return NULL;
}

static const char *
first_skill (void)
{
  guint n;

  return steady_skills_library_get (&n)[0].id;
}

static const char *
first_skill_name (void)
{
  guint n;

  return g_dgettext (GETTEXT_PACKAGE, steady_skills_library_get (&n)[0].name);
}

static const SteadyDiaryTarget *
target_named (GPtrArray  *targets,
              const char *name)
{
  for (guint i = 0; i < targets->len; i++)
    if (g_strcmp0 (((SteadyDiaryTarget *)g_ptr_array_index (targets, i))->name, name) == 0)
      return g_ptr_array_index (targets, i);
  g_assert_not_reached ();
  return NULL;
}

static int
stored_rating (SteadyDiaryCard *card,
               const char      *uuid,
               int             *acted)
{
  for (guint i = 0; i < card->ratings->len; i++)
    {
      SteadyDiaryRating *rating = &g_array_index (card->ratings, SteadyDiaryRating, i);

      if (g_strcmp0 (rating->target_uuid, uuid) == 0)
        {
          if (acted != NULL)
            *acted = rating->acted;
          return rating->rating;
        }
    }
  return STEADY_DIARY_NONE;
}

static int
stored_skill (SteadyDiaryCard *card,
              const char      *skill)
{
  for (guint i = 0; i < card->skills->len; i++)
    if (g_strcmp0 (g_array_index (card->skills, SteadyDiarySkillRating, i).skill, skill) == 0)
      return g_array_index (card->skills, SteadyDiarySkillRating, i).rating;
  return STEADY_DIARY_NONE;
}

static void
add_starters (SteadyDiaryStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (steady_diary_store_add_starter_targets (store, &error));
  g_assert_no_error (error);
}

static void
screenshots (SteadyDiaryCardWindow *card,
             GSettings             *settings,
             const char            *what)
{
  static const char * const schemes[] = { "light", "dark" };

  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      set_color_scheme (settings, schemes[s]);
      for (guint narrow = 0; narrow <= 1; narrow++)
        {
          g_autofree char *name = g_strdup_printf ("diary-%s-%s-%s", what,
                                                   narrow ? "narrow" : "wide", schemes[s]);
          int width = narrow ? NARROW_WIDTH : WIDE_WIDTH;

          resize_window (GTK_WINDOW (card), width, WINDOW_HEIGHT);
          /* Nothing on the card may need more room than a phone-sized window has. */
          g_assert_cmpint (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (card))),
                           ==, width);
          save_screenshot (GTK_WIDGET (card), name);
        }
    }
  set_color_scheme (settings, "light");
}

/* Tests ------------------------------------------------------------------------------------- */

/* A first card offers a starting set of rows; nothing is stored until the person says so. */
static void
test_first_use (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
  g_autoptr(SteadyDiaryStore) store = get_store (app);
  SteadyDiaryCardWindow *card = open_card (window, today (), WIDE_WIDTH);
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (has_visible_label (GTK_WIDGET (card), "Your Diary Card"));
  g_assert_null (steady_diary_card_window_find_row (card, "Sadness"));
  screenshots (card, settings, "first-use");
  targets = steady_diary_store_list_targets (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 0);

  click (find_button_with_label (GTK_WIDGET (card), "_Use a Starting Set"));
  wait_for_frame (GTK_WIDGET (card));
  g_assert_false (has_visible_label (GTK_WIDGET (card), "Your Diary Card"));
  g_assert_true (has_visible_label (GTK_WIDGET (card), "Today, "));
  row (card, "Sadness");
  row (card, "Self-harm");
  row (card, "Distress");
  g_clear_pointer (&targets, g_ptr_array_unref);
  targets = steady_diary_store_list_targets (store, TRUE, &error);
  g_assert_cmpuint (targets->len, ==, 7);

  /* "Get help now" is one click away from the card, which does not block the main window. */
  click (find_content_button (GTK_WIDGET (card), "Get help now"));
  wait_for_toplevel (STEADY_TYPE_HELP_DIALOG);

  stop_application (app);
}

/* The whole card by keyboard: digits, arrows, a skill from the menu, then save. */
static void
test_fill_by_keys (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
  g_autoptr(SteadyDiaryStore) store = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(SteadyDiaryCard) saved = NULL;
  g_autoptr(GError) error = NULL;
  SteadyDiaryCardWindow *card;
  SteadyDiaryRatingRow *sadness;
  SteadyDiaryRatingRow *harm;
  SteadyDiaryRatingRow *distress;
  SteadyDiaryRatingRow *skill;
  int day = today () - 1;
  int acted = -2;

  store = get_store (app);
  add_starters (store);
  targets = steady_diary_store_list_targets (store, FALSE, &error);
  card = open_card (window, day, WIDE_WIDTH);

  sadness = row (card, "Sadness");
  press (sadness, GDK_KEY_3);
  g_assert_cmpint (steady_diary_rating_row_get_value (sadness), ==, 3);
  g_assert_true (gtk_toggle_button_get_active (
    GTK_TOGGLE_BUTTON (steady_diary_rating_row_get_button (sadness, 3))));
  /* A screen reader says which row and how much, not just "3". */
  gtk_test_accessible_assert_property (steady_diary_rating_row_get_button (sadness, 3),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Sadness: 3 of 5");
  press (sadness, GDK_KEY_Right);
  press (sadness, GDK_KEY_Right);
  g_assert_cmpint (steady_diary_rating_row_get_value (sadness), ==, 5);
  /* Out of range: the top of the scale is as far as it goes, and 9 is refused. */
  press (sadness, GDK_KEY_Right);
  press (sadness, GDK_KEY_9);
  g_assert_cmpint (steady_diary_rating_row_get_value (sadness), ==, 5);
  press (sadness, GDK_KEY_Left);
  g_assert_cmpint (steady_diary_rating_row_get_value (sadness), ==, 4);
  g_assert_true (gtk_widget_has_focus (steady_diary_rating_row_get_button (sadness, 4)));

  harm = row (card, "Self-harm");
  press (harm, GDK_KEY_2);
  click (find_button_with_label (GTK_WIDGET (harm), "No"));
  g_assert_cmpint (steady_diary_rating_row_get_acted (harm), ==, 0);

  distress = row (card, "Distress");
  g_assert_cmpint (steady_diary_rating_row_get_max (distress), ==, 10);
  press (distress, GDK_KEY_7);
  press (distress, GDK_KEY_Right);
  press (distress, GDK_KEY_Right);
  g_assert_cmpint (steady_diary_rating_row_get_value (distress), ==, 9);
  press (distress, GDK_KEY_End);
  press (distress, GDK_KEY_Right);
  g_assert_cmpint (steady_diary_rating_row_get_value (distress), ==, 10);
  /* Tab stops once per scale, on the chosen value. */
  g_assert_true (gtk_widget_get_focusable (steady_diary_rating_row_get_button (distress, 10)));
  g_assert_false (gtk_widget_get_focusable (steady_diary_rating_row_get_button (distress, 9)));

  gtk_widget_activate_action (GTK_WIDGET (card), "card.add-skill", "s", first_skill ());
  skill = row (card, first_skill_name ());
  g_assert_cmpint (steady_diary_rating_row_get_max (skill), ==, 7);
  press (skill, GDK_KEY_5);
  {
    g_autofree char *name = g_strdup_printf ("%s: 5 of 7, %s", first_skill_name (),
                                             steady_skill_rating_get_meaning (5));

    gtk_test_accessible_assert_property (steady_diary_rating_row_get_button (skill, 5),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  }
  /* Each level's meaning is shown with the scale. */
  g_assert_true (has_visible_label (GTK_WIDGET (skill),
                                    steady_skill_rating_get_meaning (5)));
  screenshots (card, settings, "filled");

  gtk_widget_activate_action (GTK_WIDGET (card), "card.save", NULL);
  saved = steady_diary_store_load_card (store, day, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved->created_us, >, 0);
  g_assert_cmpint (stored_rating (saved, target_named (targets, "Sadness")->uuid, NULL), ==, 4);
  g_assert_cmpint (stored_rating (saved, target_named (targets, "Self-harm")->uuid, &acted),
                   ==, 2);
  g_assert_cmpint (acted, ==, 0);
  g_assert_cmpint (stored_rating (saved, target_named (targets, "Anger")->uuid, NULL), ==,
                   STEADY_DIARY_NONE);
  g_assert_cmpint (saved->distress, ==, 10);
  g_assert_cmpint (stored_skill (saved, first_skill ()), ==, 5);
  g_assert_cmpuint (saved->skills->len, ==, 1);

  /* Round trip: closed and opened again, the card shows what was saved. */
  close_card (card);
  card = open_card (window, day, WIDE_WIDTH);
  g_assert_false (steady_diary_card_window_get_draft_offered (card));
  g_assert_cmpint (steady_diary_rating_row_get_value (row (card, "Sadness")), ==, 4);
  g_assert_cmpint (steady_diary_rating_row_get_value (row (card, "Self-harm")), ==, 2);
  g_assert_cmpint (steady_diary_rating_row_get_acted (row (card, "Self-harm")), ==, 0);
  g_assert_cmpint (steady_diary_rating_row_get_value (row (card, "Anger")), ==, -1);
  g_assert_cmpint (steady_diary_rating_row_get_value (row (card, "Distress")), ==, 10);
  g_assert_cmpint (steady_diary_rating_row_get_value (row (card, first_skill_name ())), ==, 5);

  /* Next day and back: each day has its own card. */
  gtk_widget_activate_action (GTK_WIDGET (card), "card.next-day", NULL);
  g_assert_cmpint (steady_diary_card_window_get_day (card), ==, day + 1);
  g_assert_cmpint (steady_diary_rating_row_get_value (row (card, "Sadness")), ==, -1);
  /* There is no card of tomorrow to fill in yet. */
  gtk_widget_activate_action (GTK_WIDGET (card), "card.next-day", NULL);
  g_assert_cmpint (steady_diary_card_window_get_day (card), ==, day + 1);
  gtk_widget_activate_action (GTK_WIDGET (card), "card.previous-day", NULL);
  g_assert_cmpint (steady_diary_rating_row_get_value (row (card, "Sadness")), ==, 4);

  stop_application (app);
}

static gboolean
draft_is_kept (gpointer data)
{
  SteadyDiaryCardWindow *card = data;
  g_autoptr(SteadyDraftStore) drafts = steady_draft_store_new (
    steady_application_get_database (STEADY_APPLICATION (g_application_get_default ())));
  g_autofree char *key = g_strdup_printf ("%d", steady_diary_card_window_get_day (card));
  g_autofree char *json = steady_draft_store_load (drafts, STEADY_DIARY_CARD_DRAFT_KIND, key,
                                                   NULL, NULL);

  return json != NULL;
}

/* What was changed is kept as a draft by itself, offered back, and gone once saved. */
static void
test_draft (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
  g_autoptr(SteadyDiaryStore) store = get_store (app);
  g_autoptr(SteadyDiaryCard) saved = NULL;
  g_autoptr(GError) error = NULL;
  SteadyDiaryCardWindow *card;
  int day = today ();

  add_starters (store);
  card = open_card (window, day, WIDE_WIDTH);
  press (row (card, "Anger"), GDK_KEY_4);
  press (row (card, "Distress"), GDK_KEY_6);
  gtk_switch_set_active (GTK_SWITCH (find_first (GTK_WIDGET (card), GTK_TYPE_SWITCH)), TRUE);
  /* No save and no close: the timer alone keeps it. */
  wait_until (draft_is_kept, card);
  close_card (card);
  saved = steady_diary_store_load_card (store, day, 0, &error);
  g_assert_cmpint (saved->created_us, ==, 0);

  card = open_card (window, day, WIDE_WIDTH);
  g_assert_true (steady_diary_card_window_get_draft_offered (card));
  g_assert_true (has_visible_label (GTK_WIDGET (card), "unsaved changes"));
  g_assert_cmpint (steady_diary_rating_row_get_value (row (card, "Anger")), ==, -1);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (find_first (GTK_WIDGET (card),
                                                                 GTK_TYPE_SWITCH))));
  resize_window (GTK_WINDOW (card), NARROW_WIDTH, WINDOW_HEIGHT);
  save_screenshot (GTK_WIDGET (card), "diary-draft-narrow-light");
  gtk_widget_activate_action (GTK_WIDGET (card), "card.restore-draft", NULL);
  g_assert_false (steady_diary_card_window_get_draft_offered (card));
  g_assert_cmpint (steady_diary_rating_row_get_value (row (card, "Anger")), ==, 4);
  g_assert_cmpint (steady_diary_rating_row_get_value (row (card, "Distress")), ==, 6);

  gtk_widget_activate_action (GTK_WIDGET (card), "card.save", NULL);
  g_assert_false (draft_is_kept (card));
  g_clear_pointer (&saved, steady_diary_card_free);
  saved = steady_diary_store_load_card (store, day, 0, &error);
  g_assert_cmpint (saved->distress, ==, 6);
  /* Private came back with the draft, and was saved: the card stays out of exports. */
  g_assert_true (saved->private_);

  /* "I used this" while the card is open: saving the card keeps the logged skill. */
  press (row (card, "Joy"), GDK_KEY_2);
  {
    g_autofree char *use = steady_diary_store_log_skill_use (store, first_skill (), 6,
                                                             STEADY_SKILL_NO_RATING,
                                                             STEADY_SKILL_NO_RATING,
                                                             g_get_real_time (),
                                                             saved->utc_offset_s, &error);

    g_assert_no_error (error);
    g_assert_nonnull (use);
  }
  gtk_widget_activate_action (GTK_WIDGET (card), "card.save", NULL);
  g_clear_pointer (&saved, steady_diary_card_free);
  saved = steady_diary_store_load_card (store, day, 0, &error);
  g_assert_cmpint (stored_skill (saved, first_skill ()), ==, 6);
  g_assert_cmpint (steady_diary_rating_row_get_value (row (card, first_skill_name ())), ==, 6);
  g_assert_cmpint (saved->distress, ==, 6);

  /* Moving to another day keeps the changes of this one as its draft. */
  press (row (card, "Distress"), GDK_KEY_2);
  gtk_widget_activate_action (GTK_WIDGET (card), "card.previous-day", NULL);
  gtk_widget_activate_action (GTK_WIDGET (card), "card.next-day", NULL);
  g_assert_true (steady_diary_card_window_get_draft_offered (card));
  gtk_widget_activate_action (GTK_WIDGET (card), "card.discard-draft", NULL);
  g_assert_false (draft_is_kept (card));
  g_assert_cmpint (steady_diary_rating_row_get_value (row (card, "Distress")), ==, 6);

  stop_application (app);
}

static void
save_card (SteadyDiaryStore *store,
           GPtrArray        *targets,
           int               day,
           int               sadness,
           int               harm,
           int               acted,
           int               distress,
           int               skill)
{
  g_autoptr(SteadyDiaryCard) card = steady_diary_card_new (day, 0);
  g_autoptr(GError) error = NULL;

  if (sadness >= 0)
    steady_diary_card_set_rating (card, target_named (targets, "Sadness")->uuid, sadness, -1);
  if (harm >= 0)
    steady_diary_card_set_rating (card, target_named (targets, "Self-harm")->uuid, harm, acted);
  card->distress = distress;
  if (skill >= 0)
    steady_diary_card_set_skill (card, first_skill (), skill);
  g_assert_true (steady_diary_store_save_card (store, card, &error));
  g_assert_no_error (error);
}

static const char *
cell (SteadyDiaryWeekView *view,
      SteadyDiaryWeek     *week,
      SteadyDiaryRowKind   kind,
      const char          *id,
      guint                day)
{
  for (guint r = 0; r < week->rows->len; r++)
    {
      SteadyDiaryWeekRow *week_row = g_ptr_array_index (week->rows, r);

      if (week_row->kind == kind && g_strcmp0 (week_row->id, id) == 0)
        {
          GtkWidget *label = steady_diary_week_view_get_cell (view, r, day);

          g_assert_nonnull (label);
          return gtk_label_get_text (GTK_LABEL (label));
        }
    }
  g_assert_not_reached ();
  return NULL;
}

/* The week grid puts each value on its own day and row, as text, with today marked. */
static void
test_week (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
  g_autoptr(SteadyDiaryStore) store = get_store (app);
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(SteadyDiaryWeek) week = NULL;
  g_autoptr(GError) error = NULL;
  SteadyDiaryCardWindow *card;
  SteadyDiaryWeekView *view;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  const char *sadness;
  const char *harm;
  int first;
  int now = today ();

  add_starters (store);
  targets = steady_diary_store_list_targets (store, FALSE, &error);
  sadness = target_named (targets, "Sadness")->uuid;
  harm = target_named (targets, "Self-harm")->uuid;
  for (int i = 0; i < 16; i++)
    save_card (store, targets, now - i, i % 6, i % 4, i % 2, i % 11, i % 8);
  /* A day with only distress, and one with nothing, show as gaps. */
  save_card (store, targets, now - 17, -1, -1, -1, 3, -1);

  card = open_card (window, now, WIDE_WIDTH);
  steady_diary_card_window_show_week (card, TRUE);
  wait_for_frame (GTK_WIDGET (card));
  view = steady_diary_card_window_get_week_view (card);
  first = steady_diary_card_window_get_week_first_day (card);
  g_assert_cmpint (first, <=, now);
  g_assert_cmpint (first, >, now - 7);
  /* The week begins on the weekday the locale begins weeks with (Sunday in C and in the
   * United States, Monday in much of Europe), and its first column says so. */
  {
    GtkWidget *header = steady_diary_week_view_get_header (view, 0);
    char weekday[32];
    GDate date;

    steady_journal_day_to_date (first, &date);
    g_assert_cmpint (g_date_get_weekday (&date), ==, steady_week_start_from_locale ());
    g_assert_cmpuint (g_date_strftime (weekday, sizeof weekday, "%a", &date), >, 0);
    g_assert_true (GTK_IS_BUTTON (header));
    g_assert_true (g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (header)) != NULL
                                     ? gtk_button_get_label (GTK_BUTTON (header))
                                     : gtk_label_get_label (GTK_LABEL (gtk_button_get_child (
                                         GTK_BUTTON (header)))),
                                     weekday));
  }
  week = steady_diary_store_get_week (store, first, &error);
  g_assert_no_error (error);
  for (guint d = 0; d < 7; d++)
    {
      int ago = now - (first + (int)d);
      g_autofree char *expected = NULL;

      if (ago < 0)
        {
          g_assert_cmpstr (cell (view, week, STEADY_DIARY_ROW_EMOTION, sadness, d), ==, "–");
          continue;
        }
      expected = g_strdup_printf ("%d", ago % 6);
      g_assert_cmpstr (cell (view, week, STEADY_DIARY_ROW_EMOTION, sadness, d), ==, expected);
      g_free (expected);
      expected = g_strdup_printf ("%d", ago % 4);
      g_assert_cmpstr (cell (view, week, STEADY_DIARY_ROW_URGE, harm, d), ==, expected);
      g_assert_cmpstr (cell (view, week, STEADY_DIARY_ROW_ACTED, harm, d), ==,
                       ago % 2 ? "yes" : "no");
      g_free (expected);
      expected = g_strdup_printf ("%d", ago % 11);
      g_assert_cmpstr (cell (view, week, STEADY_DIARY_ROW_DISTRESS, NULL, d), ==, expected);
      g_free (expected);
      expected = g_strdup_printf ("%d", ago % 8);
      g_assert_cmpstr (cell (view, week, STEADY_DIARY_ROW_SKILL, first_skill (), d), ==,
                       expected);
    }
  g_assert_true (gtk_widget_has_css_class (steady_diary_week_view_get_header (view, now - first),
                                           "diary-week-today"));
  for (guint d = 0; d < 7; d++)
    if ((int)d != now - first)
      g_assert_false (gtk_widget_has_css_class (steady_diary_week_view_get_header (view, d),
                                                "diary-week-today"));

  /* At 360 px the grid keeps its columns and scrolls sideways. */
  resize_window (GTK_WINDOW (card), NARROW_WIDTH, WINDOW_HEIGHT);
  scroller = GTK_SCROLLED_WINDOW (find_first (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_hadjustment (scroller);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     gtk_adjustment_get_page_size (adjustment));

  /* The week before is full: seven cards. */
  gtk_widget_activate_action (GTK_WIDGET (card), "card.previous-week", NULL);
  g_assert_cmpint (steady_diary_card_window_get_week_first_day (card), ==, first - 7);
  screenshots (card, settings, "week");
  resize_window (GTK_WINDOW (card), WIDE_WIDTH, WINDOW_HEIGHT);

  /* Back to the week of the card of seventeen days ago: there it is, with its gap. */
  while (steady_diary_card_window_get_week_first_day (card) > now - 17)
    {
      int before = steady_diary_card_window_get_week_first_day (card);

      gtk_widget_activate_action (GTK_WIDGET (card), "card.previous-week", NULL);
      g_assert_cmpint (steady_diary_card_window_get_week_first_day (card), ==, before - 7);
    }
  first = steady_diary_card_window_get_week_first_day (card);
  g_clear_pointer (&week, steady_diary_week_free);
  week = steady_diary_store_get_week (store, first, &error);
  g_assert_cmpstr (cell (view, week, STEADY_DIARY_ROW_DISTRESS, NULL, now - 17 - first), ==,
                   "3");
  g_assert_cmpstr (cell (view, week, STEADY_DIARY_ROW_EMOTION, sadness, now - 17 - first), ==,
                   "–");
  g_assert_false (gtk_widget_has_css_class (steady_diary_week_view_get_header (view,
                                                                              now - 17 - first),
                                            "dim-label"));
  /* Sixteen days ago has no card at all; its column says so. */
  if (now - 16 - first < 7)
    g_assert_true (gtk_widget_has_css_class (steady_diary_week_view_get_header (
      view, now - 16 - first), "dim-label"));

  /* A day over the week opens its card; days to come cannot be chosen. */
  click (steady_diary_week_view_get_header (view, now - 17 - first));
  g_assert_cmpint (steady_diary_card_window_get_day (card), ==, now - 17);
  g_assert_true (has_visible_label (GTK_WIDGET (card), "Distress"));
  g_assert_cmpint (steady_diary_rating_row_get_value (row (card, "Distress")), ==, 3);
  steady_diary_card_window_show_week (card, TRUE);
  while (steady_diary_card_window_get_week_first_day (card) + 7 <= now)
    gtk_widget_activate_action (GTK_WIDGET (card), "card.next-week", NULL);
  first = steady_diary_card_window_get_week_first_day (card);
  if (now - first < 6)
    g_assert_false (gtk_widget_get_sensitive (steady_diary_week_view_get_header (view, 6)));
  g_assert_true (gtk_widget_get_sensitive (steady_diary_week_view_get_header (view, now - first)));

  stop_application (app);
}

/* Delete takes the card away; Undo puts it back as it was. */
static void
test_delete_undo (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
  g_autoptr(SteadyDiaryStore) store = get_store (app);
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(SteadyDiaryCard) stored = NULL;
  g_autoptr(GError) error = NULL;
  SteadyDiaryCardWindow *card;
  GtkWidget *undo;
  int day = today () - 2;
  gint64 created_us;

  add_starters (store);
  targets = steady_diary_store_list_targets (store, FALSE, &error);
  save_card (store, targets, day, 3, 1, 1, 5, 6);
  stored = steady_diary_store_load_card (store, day, 0, &error);
  created_us = stored->created_us;

  card = open_card (window, day, WIDE_WIDTH);
  g_assert_cmpint (steady_diary_rating_row_get_value (row (card, "Sadness")), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "card.delete", NULL));
  g_clear_pointer (&stored, steady_diary_card_free);
  stored = steady_diary_store_load_card (store, day, 0, &error);
  g_assert_cmpint (stored->created_us, ==, 0);
  g_assert_cmpint (steady_diary_rating_row_get_value (row (card, "Sadness")), ==, -1);

  wait_for_frame (GTK_WIDGET (card));
  g_assert_true (has_visible_label (GTK_WIDGET (card), "Diary card deleted"));
  undo = find_button_with_label (GTK_WIDGET (card), "_Undo");
  g_assert_nonnull (undo);
  click (undo);
  drain_events ();
  g_clear_pointer (&stored, steady_diary_card_free);
  stored = steady_diary_store_load_card (store, day, 0, &error);
  g_assert_cmpint (stored->created_us, ==, created_us);
  g_assert_cmpint (stored->distress, ==, 5);
  g_assert_cmpint (stored_skill (stored, first_skill ()), ==, 6);
  g_assert_cmpint (steady_diary_rating_row_get_value (row (card, "Sadness")), ==, 3);
  g_assert_cmpint (steady_diary_rating_row_get_acted (row (card, "Self-harm")), ==, 1);

  stop_application (app);
}

/* The rows are the person's own: add, rename and take off the card, with undo. */
static void
test_targets (void)
{
  g_autoptr(GSettings) settings = reset_settings ("US");
  SteadyApplication *app = start_application ();
  SteadyWindow *window = STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
  g_autoptr(SteadyDiaryStore) store = get_store (app);
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(SteadyDiaryCard) stored = NULL;
  g_autoptr(GError) error = NULL;
  SteadyDiaryCardWindow *card;
  SteadyDiaryTargetsDialog *dialog;
  GtkWidget *undo;
  int day = today () - 1;

  add_starters (store);
  targets = steady_diary_store_list_targets (store, FALSE, &error);
  save_card (store, targets, day, 2, 1, 0, 4, -1);
  card = open_card (window, day, WIDE_WIDTH);

  gtk_widget_activate_action (GTK_WIDGET (card), "card.edit-rows", NULL);
  dialog = STEADY_DIARY_TARGETS_DIALOG (wait_for_toplevel (STEADY_TYPE_DIARY_TARGETS_DIALOG));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  gtk_window_set_default_size (GTK_WINDOW (dialog), NARROW_WIDTH, 600);
  wait_for_frame (GTK_WIDGET (dialog));
  save_screenshot (GTK_WIDGET (dialog), "diary-rows-narrow-light");

  /* Rename: the card and its earlier ratings follow the new name. */
  g_assert_true (steady_diary_targets_dialog_rename (dialog, target_named (targets,
                                                                           "Sadness")->uuid,
                                                     "Feeling low"));
  g_assert_null (steady_diary_card_window_find_row (card, "Sadness"));
  g_assert_cmpint (steady_diary_rating_row_get_value (row (card, "Feeling low")), ==, 2);
  /* A name another row has is refused, in words. */
  g_assert_false (steady_diary_targets_dialog_rename (dialog, target_named (targets,
                                                                            "Anger")->uuid,
                                                      "feeling LOW"));
  wait_for_frame (GTK_WIDGET (dialog));
  g_assert_true (has_visible_label (GTK_WIDGET (dialog), "already has this name"));

  /* Add. */
  g_assert_true (steady_diary_targets_dialog_add (dialog, STEADY_DIARY_TARGET_URGE,
                                                  "Skipping meals"));
  g_assert_cmpint (steady_diary_rating_row_get_value (row (card, "Skipping meals")), ==, -1);
  g_assert_true (gtk_widget_get_visible (find_button_with_label (
    GTK_WIDGET (row (card, "Skipping meals")), "Yes")));

  /* Archive, then Undo. Earlier cards keep their rating either way. */
  g_assert_true (steady_diary_targets_dialog_archive (dialog, target_named (targets,
                                                                            "Self-harm")->uuid));
  g_assert_null (steady_diary_card_window_find_row (card, "Self-harm"));
  stored = steady_diary_store_load_card (store, day, 0, &error);
  g_assert_cmpint (stored_rating (stored, target_named (targets, "Self-harm")->uuid, NULL), ==,
                   1);
  wait_for_frame (GTK_WIDGET (dialog));
  undo = find_button_with_label (GTK_WIDGET (dialog), "_Undo");
  g_assert_nonnull (undo);
  click (undo);
  drain_events ();
  g_assert_cmpint (steady_diary_rating_row_get_value (row (card, "Self-harm")), ==, 1);

  g_assert_true (steady_diary_targets_dialog_archive (dialog, target_named (targets,
                                                                            "Joy")->uuid));
  all = steady_diary_store_list_targets (store, TRUE, &error);
  g_assert_true (target_named (all, "Joy")->archived);
  g_assert_null (steady_diary_card_window_find_row (card, "Joy"));

  stop_application (app);
}

static const UiTest ui_tests[] = {
  { "/diary-card/first-use", test_first_use },
  { "/diary-card/fill-by-keys", test_fill_by_keys },
  { "/diary-card/draft", test_draft },
  { "/diary-card/week", test_week },
  { "/diary-card/delete-undo", test_delete_undo },
  { "/diary-card/targets", test_targets },
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
