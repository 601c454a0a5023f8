/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-practice.c: the breathing pacer, the mindfulness timer and the practice history in the
 * real application under Xvfb, on an injected clock: the words at given times, what is
 * logged, the animation stopping when hidden, and a screenshot of every phase. */

#define G_LOG_DOMAIN "steady-test-practice"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "steady-application.h"
#include "steady-breathing-view.h"
#include "steady-mindfulness-view.h"
#include "steady-pacer.h"
#include "steady-practice-section-view.h"
#include "steady-practice-store.h"
#include "steady-practice-view.h"
#include "steady-window.h"

#include "steady-ui-test-util.h"

#define WIDE_WIDTH    900
#define NARROW_WIDTH  360
#define WINDOW_HEIGHT 700
#define SECOND        G_USEC_PER_SEC
/* The injected clock starts far from zero, as the monotonic clock does. */
#define CLOCK_START   (G_GINT64_CONSTANT (5000) * SECOND)

static gint64 fake_now_us = CLOCK_START;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now_us;
}

/* Screenshots --------------------------------------------------------------------------- */

/* Practice screenshots are named practice-@name.png. */
static void
save_practice_screenshot (GtkWidget  *widget,
                          const char *name)
{
  g_autofree char *full_name = g_strconcat ("practice-", name, NULL);

  save_screenshot (widget, full_name);
}

/* Finding widgets ----------------------------------------------------------------------- */

static GObject *
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

/* The application ----------------------------------------------------------------------- */

/* Starts Steady light and wide; unlike the other UI tests, with animations as they are, since
 * some tests here turn them on and off themselves. */
static SteadyApplication *
start_practice_application (GSettings **settings)
{
  g_autoptr(GError) error = NULL;
  SteadyApplication *app = steady_application_new ();

  *settings = reset_settings (NULL);
  g_settings_set_int (*settings, "window-width", WIDE_WIDTH);
  g_settings_set_int (*settings, "window-height", WINDOW_HEIGHT);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  wait_for_toplevel (STEADY_TYPE_WINDOW);
  return app;
}

static SteadyPracticeStore *
get_store (SteadyApplication *app)
{
  return steady_practice_store_new (steady_application_get_database (app));
}

static void
set_animations (gboolean enabled)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", enabled, NULL);
}

static GPtrArray *
list_all (SteadyPracticeStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = steady_practice_store_list_range (store, 0, G_MAXINT64, &error);

  g_assert_no_error (error);
  return records;
}

/* Moves the injected clock to @seconds into the session and lets the pacer look at it. */
static void
at_time (GtkWidget *pacer,
         gint64     start_us,
         double     seconds)
{
  fake_now_us = start_us + (gint64)(seconds * SECOND);
  steady_pacer_update (STEADY_PACER (pacer));
}

/* Breathing ------------------------------------------------------------------------------- */

static SteadyBreathingView *
open_breathing (SteadyApplication   *app,
                SteadyPracticeStore *store,
                int                  width,
                int                  height)
{
  GtkWindow *main_window = find_visible_toplevel (STEADY_TYPE_WINDOW);
  SteadyBreathingView *view = steady_breathing_view_new (main_window, store);

  gtk_window_set_default_size (GTK_WINDOW (view), width, height);
  steady_breathing_view_set_clock (view, fake_clock, NULL);
  gtk_window_present (GTK_WINDOW (view));
  wait_for_frame (GTK_WIDGET (view));
  return view;
}

typedef struct
{
  double      seconds;
  const char *phase;
  const char *countdown;
  const char *shot;
} Moment;

static void
test_breathing_box (void)
{
  /* Box breathing: four seconds each of in, hold, out, hold; two breaths in all. */
  static const Moment moments[] = {
    { 0.0,  "Breathe in",  "4", NULL },
    { 2.0,  "Breathe in",  "2", "inhale" },
    { 3.99, "Breathe in",  "1", NULL },
    { 4.0,  "Hold",        "4", NULL },       /* a boundary belongs to the phase it begins */
    { 6.5,  "Hold",        "2", "hold" },
    { 9.0,  "Breathe out", "3", "exhale" },
    { 13.0, "Hold",        "3", NULL },
    { 17.0, "Breathe in",  "3", NULL },       /* the second breath */
  };
  static const char * const schemes[] = { "light", "dark" };
  g_autoptr(GSettings) settings = NULL;
  SteadyApplication *app = start_practice_application (&settings);
  g_autoptr(SteadyPracticeStore) store = get_store (app);

  set_animations (TRUE);
  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    for (guint narrow = 0; narrow <= 1; narrow++)
      {
        g_autofree char *suffix = g_strdup_printf ("%s-%s", narrow ? "narrow" : "wide",
                                                   schemes[s]);
        SteadyBreathingLength length = { STEADY_BREATHING_LENGTH_CYCLES, 2 };
        SteadyBreathingView *view;
        GtkWidget *pacer;
        gint64 start_us;

        set_color_scheme (settings, schemes[s]);
        view = open_breathing (app, store, narrow ? NARROW_WIDTH : 520, WINDOW_HEIGHT);
        g_assert_cmpstr (steady_breathing_view_get_page (view), ==, "setup");
        /* The safety line is there before anything starts. */
        g_assert_true (has_visible_label (GTK_WIDGET (view), "dizzy"));
        {
          g_autofree char *name = g_strdup_printf ("breathing-setup-%s", suffix);

          save_practice_screenshot (GTK_WIDGET (view), name);
        }

        g_assert_true (steady_breathing_view_select_pattern (view, "box"));
        steady_breathing_view_set_length (view, &length);
        start_us = fake_now_us;
        g_assert_true (steady_breathing_view_start (view));
        g_assert_cmpstr (steady_breathing_view_get_page (view), ==, "run");
        pacer = steady_breathing_view_get_pacer (view);
        wait_for_frame (GTK_WIDGET (view));

        for (guint m = 0; m < G_N_ELEMENTS (moments); m++)
          {
            GtkLabel *countdown = GTK_LABEL (template_child (view, STEADY_TYPE_BREATHING_VIEW,
                                                             "countdown_label"));

            at_time (pacer, start_us, moments[m].seconds);
            g_assert_cmpstr (steady_breathing_view_get_phase_text (view), ==, moments[m].phase);
            g_assert_cmpstr (gtk_label_get_text (countdown), ==, moments[m].countdown);
            if (moments[m].shot != NULL)
              {
                g_autofree char *name = g_strdup_printf ("breathing-%s-%s", moments[m].shot,
                                                         suffix);

                save_practice_screenshot (GTK_WIDGET (view), name);
                /* Drawing a frame must not move the session: the clock has not moved. */
                g_assert_cmpstr (steady_breathing_view_get_phase_text (view), ==,
                                 moments[m].phase);
              }
          }
        g_assert_true (has_visible_label (GTK_WIDGET (view), "Breath 2 of 2"));

        /* Text and bar, as the person may choose. */
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (template_child (view,
                                                                         STEADY_TYPE_BREATHING_VIEW,
                                                                         "text_mode_button")),
                                      TRUE);
        g_assert_true (steady_pacer_get_text_mode (STEADY_PACER (pacer)));
        at_time (pacer, start_us, 18.0);
        {
          g_autofree char *name = g_strdup_printf ("breathing-text-bar-%s", suffix);

          save_practice_screenshot (GTK_WIDGET (view), name);
        }
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (template_child (view,
                                                                         STEADY_TYPE_BREATHING_VIEW,
                                                                         "text_mode_button")),
                                      FALSE);

        /* The end of the second breath ends the session. */
        at_time (pacer, start_us, 32.0);
        g_assert_cmpstr (steady_breathing_view_get_page (view), ==, "after");
        g_assert_true (has_visible_label (GTK_WIDGET (view), "Well Done"));
        {
          g_autofree char *name = g_strdup_printf ("breathing-after-%s", suffix);

          save_practice_screenshot (GTK_WIDGET (view), name);
        }
        gtk_window_destroy (GTK_WINDOW (view));
        drain_events ();
        fake_now_us += 100 * SECOND;
      }

  /* Each of the four sessions was logged as box breathing, 2 breaths, 32 s, completed. */
  {
    g_autoptr(GPtrArray) records = list_all (store);

    g_assert_cmpuint (records->len, ==, 4);
    for (guint i = 0; i < records->len; i++)
      {
        SteadyPracticeRecord *record = g_ptr_array_index (records, i);

        g_assert_cmpint (record->kind, ==, STEADY_PRACTICE_KIND_BREATHING);
        g_assert_cmpstr (record->pattern->id, ==, "box");
        g_assert_cmpuint (record->planned_cycles, ==, 2);
        g_assert_cmpint (record->actual_us, ==, 32 * SECOND);
        g_assert_true (record->completed);
        g_assert_cmpint (record->distress_before, ==, STEADY_PRACTICE_NO_DISTRESS);
      }
  }

  stop_application (app);
}

/* Distress before and after, pausing, and stopping early. */
static void
test_breathing_ratings_and_pause (void)
{
  g_autoptr(GSettings) settings = NULL;
  SteadyApplication *app = start_practice_application (&settings);
  g_autoptr(SteadyPracticeStore) store = get_store (app);
  SteadyBreathingLength length = { STEADY_BREATHING_LENGTH_MINUTES, 1 };
  SteadyBreathingView *view = open_breathing (app, store, 520, WINDOW_HEIGHT);
  AdwExpanderRow *before_row = ADW_EXPANDER_ROW (template_child (view, STEADY_TYPE_BREATHING_VIEW,
                                                                 "before_row"));
  AdwExpanderRow *after_row = ADW_EXPANDER_ROW (template_child (view, STEADY_TYPE_BREATHING_VIEW,
                                                                "after_row"));
  GtkWidget *pacer = steady_breathing_view_get_pacer (view);
  g_autoptr(GPtrArray) records = NULL;
  SteadyPracticeRecord *record;
  gint64 start_us;

  set_animations (TRUE);
  adw_expander_row_set_enable_expansion (before_row, TRUE);
  gtk_range_set_value (GTK_RANGE (template_child (view, STEADY_TYPE_BREATHING_VIEW,
                                                  "before_scale")), 7);
  steady_breathing_view_set_length (view, &length);
  start_us = fake_now_us;
  /* Nothing chosen: gentle, the default (4 in, 4 out). */
  g_assert_true (steady_breathing_view_start (view));
  wait_for_frame (GTK_WIDGET (view));

  at_time (pacer, start_us, 5.0);
  g_assert_cmpstr (steady_breathing_view_get_phase_text (view), ==, "Breathe out");
  g_assert_true (steady_pacer_get_animating (STEADY_PACER (pacer)));

  /* A pause holds the session still, however long it lasts, and stops the animation. */
  click (GTK_WIDGET (template_child (view, STEADY_TYPE_BREATHING_VIEW,
                                                   "pause_button")));
  g_assert_cmpint (steady_practice_timer_get_state (steady_breathing_view_get_timer (view)), ==,
                   STEADY_PRACTICE_STATE_PAUSED);
  g_assert_false (steady_pacer_get_animating (STEADY_PACER (pacer)));
  at_time (pacer, start_us, 500.0);
  g_assert_cmpstr (steady_breathing_view_get_phase_text (view), ==, "Breathe out");
  g_assert_true (has_visible_label (GTK_WIDGET (view), "Paused"));
  save_practice_screenshot (GTK_WIDGET (view), "breathing-paused");
  click (GTK_WIDGET (template_child (view, STEADY_TYPE_BREATHING_VIEW,
                                                   "pause_button")));
  g_assert_true (steady_pacer_get_animating (STEADY_PACER (pacer)));
  at_time (pacer, start_us, 500.0 + 4.0);   /* 9 s practised: the third breath in */
  g_assert_cmpstr (steady_breathing_view_get_phase_text (view), ==, "Breathe in");

  /* Hidden: no frames, but the timer still keeps time on a timeout. */
  gtk_widget_set_visible (GTK_WIDGET (view), FALSE);
  g_assert_false (steady_pacer_get_animating (STEADY_PACER (pacer)));
  gtk_widget_set_visible (GTK_WIDGET (view), TRUE);
  wait_for_frame (GTK_WIDGET (view));
  g_assert_true (steady_pacer_get_animating (STEADY_PACER (pacer)));

  /* With animations off, words and a bar, and no frame clock. */
  set_animations (FALSE);
  g_assert_true (steady_pacer_get_text_mode (STEADY_PACER (pacer)));
  g_assert_false (steady_pacer_get_animating (STEADY_PACER (pacer)));
  set_animations (TRUE);
  g_assert_false (steady_pacer_get_text_mode (STEADY_PACER (pacer)));

  /* Stopping early after 20 s practised. */
  at_time (pacer, start_us, 500.0 + 15.0);
  click (GTK_WIDGET (template_child (view, STEADY_TYPE_BREATHING_VIEW,
                                                   "stop_button")));
  g_assert_cmpstr (steady_breathing_view_get_page (view), ==, "after");
  g_assert_true (has_visible_label (GTK_WIDGET (view), "Stopped Early"));
  g_assert_false (steady_pacer_get_animating (STEADY_PACER (pacer)));

  adw_expander_row_set_enable_expansion (after_row, TRUE);
  gtk_range_set_value (GTK_RANGE (template_child (view, STEADY_TYPE_BREATHING_VIEW,
                                                  "after_scale")), 4);
  click (GTK_WIDGET (template_child (view, STEADY_TYPE_BREATHING_VIEW,
                                                   "done_button")));
  drain_events ();

  records = list_all (store);
  g_assert_cmpuint (records->len, ==, 1);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpstr (record->pattern->id, ==, "gentle");
  g_assert_cmpint (record->actual_us, ==, 20 * SECOND);
  g_assert_false (record->completed);
  g_assert_cmpint (record->distress_before, ==, 7);
  g_assert_cmpint (record->distress_after, ==, 4);

  stop_application (app);
}

/* A pattern of one's own, saved and offered again next time. */
static void
test_breathing_custom_pattern (void)
{
  g_autoptr(GSettings) settings = NULL;
  SteadyApplication *app = start_practice_application (&settings);
  g_autoptr(SteadyPracticeStore) store = get_store (app);
  SteadyBreathingView *view = open_breathing (app, store, 520, WINDOW_HEIGHT);
  AdwEntryRow *name_row = ADW_ENTRY_ROW (template_child (view, STEADY_TYPE_BREATHING_VIEW,
                                                         "custom_name_row"));
  AdwExpanderRow *custom_row = ADW_EXPANDER_ROW (template_child (view, STEADY_TYPE_BREATHING_VIEW,
                                                                 "custom_row"));
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *pacer;
  GtkWidget *save_button = NULL;
  SteadyBreathingPattern *pattern;
  gint64 start_us;

  adw_expander_row_set_expanded (custom_row, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Evening");
  gtk_widget_grab_focus (GTK_WIDGET (name_row));
  save_practice_screenshot (GTK_WIDGET (view), "breathing-custom-editor");

  /* The editor starts at 4 in and 6 out; "Save and Use" keeps it and selects it. */
  save_button = find_button_with_label (GTK_WIDGET (custom_row), "Save and _Use");
  g_assert_nonnull (save_button);
  click (save_button);

  saved = steady_practice_store_list_patterns (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 1);
  pattern = g_ptr_array_index (saved, 0);
  g_assert_cmpstr (pattern->name, ==, "Evening");
  g_assert_cmpuint (pattern->tenths[STEADY_BREATHING_PHASE_INHALE], ==, 40);
  g_assert_cmpuint (pattern->tenths[STEADY_BREATHING_PHASE_EXHALE], ==, 60);

  start_us = fake_now_us;
  g_assert_true (steady_breathing_view_start (view));
  pacer = steady_breathing_view_get_pacer (view);
  at_time (pacer, start_us, 4.5);
  g_assert_cmpstr (steady_breathing_view_get_phase_text (view), ==, "Breathe out");
  at_time (pacer, start_us, 10.0);
  g_assert_cmpstr (steady_breathing_view_get_phase_text (view), ==, "Breathe in");
  gtk_window_destroy (GTK_WINDOW (view));
  drain_events ();

  /* Next time, it is in the list. */
  view = open_breathing (app, store, 520, WINDOW_HEIGHT);
  g_assert_true (steady_breathing_view_select_pattern (view, "Evening"));

  stop_application (app);
}

/* Mindfulness ------------------------------------------------------------------------------ */

static SteadyMindfulnessView *
open_mindfulness (SteadyPracticeStore *store,
                  int                  width)
{
  GtkWindow *main_window = find_visible_toplevel (STEADY_TYPE_WINDOW);
  SteadyMindfulnessView *view = steady_mindfulness_view_new (main_window, store);

  gtk_window_set_default_size (GTK_WINDOW (view), width, WINDOW_HEIGHT);
  steady_mindfulness_view_set_clock (view, fake_clock, NULL);
  gtk_window_present (GTK_WINDOW (view));
  wait_for_frame (GTK_WIDGET (view));
  return view;
}

static void
test_mindfulness_sit (void)
{
  static const char * const schemes[] = { "light", "dark" };
  g_autoptr(GSettings) settings = NULL;
  SteadyApplication *app = start_practice_application (&settings);
  g_autoptr(SteadyPracticeStore) store = get_store (app);
  /* 10 s to settle, a 2-minute sit, a bell each minute from the start of the sit. */
  const SteadyBellSchedule schedule = { 10 * SECOND, 120 * SECOND, 60 * SECOND, 1, 1, 2 };
  g_autoptr(GPtrArray) records = NULL;

  set_animations (TRUE);
  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    for (guint narrow = 0; narrow <= 1; narrow++)
      {
        g_autofree char *suffix = g_strdup_printf ("%s-%s", narrow ? "narrow" : "wide",
                                                   schemes[s]);
        g_autofree char *name = NULL;
        SteadyMindfulnessView *view;
        GtkWidget *pacer;
        gint64 start_us;

        set_color_scheme (settings, schemes[s]);
        view = open_mindfulness (store, narrow ? NARROW_WIDTH : 520);
        steady_mindfulness_view_set_schedule (view, &schedule);
        name = g_strdup_printf ("mindfulness-setup-%s", suffix);
        save_practice_screenshot (GTK_WIDGET (view), name);

        start_us = fake_now_us;
        g_assert_true (steady_mindfulness_view_start (view));
        pacer = steady_mindfulness_view_get_pacer (view);
        /* A sit has nothing to animate: its words change once a second. */
        g_assert_false (steady_pacer_get_animating (STEADY_PACER (pacer)));

        at_time (pacer, start_us, 3.0);
        g_assert_cmpstr (steady_mindfulness_view_get_time_text (view), ==, "0:07");
        g_assert_true (has_visible_label (GTK_WIDGET (view), "Settle In"));
        g_free (name);
        name = g_strdup_printf ("mindfulness-prep-%s", suffix);
        save_practice_screenshot (GTK_WIDGET (view), name);

        /* 30 s into the sit (40 s from the start, preparation included): 1:30 left. */
        at_time (pacer, start_us, 40.0);
        g_assert_cmpstr (steady_mindfulness_view_get_time_text (view), ==, "1:30");
        g_assert_true (has_visible_label (GTK_WIDGET (view), "Sitting"));
        g_assert_true (has_visible_label (GTK_WIDGET (view), "Starting bell at 0:00"));

        /* The interval bell comes a minute into the sit, not a minute from the start. */
        at_time (pacer, start_us, 69.5);
        g_assert_false (has_visible_label (GTK_WIDGET (view), "Interval bell"));
        at_time (pacer, start_us, 70.0);
        g_assert_true (has_visible_label (GTK_WIDGET (view), "Interval bell at 1:00"));
        g_assert_cmpstr (steady_mindfulness_view_get_time_text (view), ==, "1:00");
        g_free (name);
        name = g_strdup_printf ("mindfulness-running-%s", suffix);
        save_practice_screenshot (GTK_WIDGET (view), name);

        at_time (pacer, start_us, 130.0);
        g_assert_cmpstr (steady_mindfulness_view_get_page (view), ==, "after");
        g_assert_true (has_visible_label (GTK_WIDGET (view), "Sit Finished"));
        g_free (name);
        name = g_strdup_printf ("mindfulness-finished-%s", suffix);
        save_practice_screenshot (GTK_WIDGET (view), name);
        gtk_window_destroy (GTK_WINDOW (view));
        drain_events ();
        fake_now_us += 100 * SECOND;
      }

  records = list_all (store);
  g_assert_cmpuint (records->len, ==, 4);
  for (guint i = 0; i < records->len; i++)
    {
      SteadyPracticeRecord *record = g_ptr_array_index (records, i);

      g_assert_cmpint (record->kind, ==, STEADY_PRACTICE_KIND_MINDFULNESS);
      g_assert_cmpint (record->planned_us, ==, 120 * SECOND);
      g_assert_cmpint (record->actual_us, ==, 120 * SECOND);
      g_assert_true (record->completed);
    }

  stop_application (app);
}

/* Skipping the countdown, counting up, and an open-ended sit ended by the person. */
static void
test_mindfulness_open_ended (void)
{
  g_autoptr(GSettings) settings = NULL;
  SteadyApplication *app = start_practice_application (&settings);
  g_autoptr(SteadyPracticeStore) store = get_store (app);
  const SteadyBellSchedule schedule = { 30 * SECOND, 0, 0, 1, 0, 1 };
  SteadyMindfulnessView *view = open_mindfulness (store, 520);
  g_autoptr(GPtrArray) records = NULL;
  SteadyPracticeRecord *record;
  GtkWidget *pacer;
  gint64 start_us;

  steady_mindfulness_view_set_schedule (view, &schedule);
  start_us = fake_now_us;
  g_assert_true (steady_mindfulness_view_start (view));
  pacer = steady_mindfulness_view_get_pacer (view);
  at_time (pacer, start_us, 5.0);
  g_assert_cmpstr (steady_mindfulness_view_get_time_text (view), ==, "0:25");
  click (GTK_WIDGET (template_child (view, STEADY_TYPE_MINDFULNESS_VIEW,
                                                   "skip_button")));
  g_assert_cmpint (steady_practice_timer_get_state (steady_mindfulness_view_get_timer (view)), ==,
                   STEADY_PRACTICE_STATE_RUNNING);
  at_time (pacer, start_us, 5.0 + 65.4);
  g_assert_cmpstr (steady_mindfulness_view_get_time_text (view), ==, "1:05");
  g_assert_true (has_visible_label (GTK_WIDGET (view), "Open-ended"));
  save_practice_screenshot (GTK_WIDGET (view), "mindfulness-open-ended");

  click (GTK_WIDGET (template_child (view, STEADY_TYPE_MINDFULNESS_VIEW,
                                                   "stop_button")));
  g_assert_cmpstr (steady_mindfulness_view_get_page (view), ==, "after");

  records = list_all (store);
  g_assert_cmpuint (records->len, ==, 1);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpint (record->planned_us, ==, 0);
  g_assert_cmpint (record->actual_us, ==, 65400000);
  g_assert_true (record->completed);

  stop_application (app);
}

/* The Skills page ------------------------------------------------------------------------ */

static void
add_practice (SteadyPracticeStore *store,
              SteadyPracticeKind   kind,
              int                  days_ago,
              int                  minutes,
              int                  before,
              int                  after)
{
  g_autoptr(SteadyPracticeRecord) record = steady_practice_record_new (kind);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) started = g_date_time_add_days (now, -days_ago);
  g_autoptr(GError) error = NULL;

  if (kind == STEADY_PRACTICE_KIND_BREATHING)
    record->pattern = steady_breathing_pattern_new_preset ("box");
  record->planned_us = minutes * 60 * SECOND;
  record->actual_us = minutes * 60 * SECOND;
  record->completed = TRUE;
  record->distress_before = before;
  record->distress_after = after;
  steady_practice_record_set_started_at (record, started);
  g_assert_true (steady_practice_store_add (store, record, &error));
  g_assert_no_error (error);
}

static void
test_history (void)
{
  static const char * const schemes[] = { "light", "dark" };
  g_autoptr(GSettings) settings = NULL;
  SteadyApplication *app = start_practice_application (&settings);
  g_autoptr(SteadyPracticeStore) store = get_store (app);
  SteadyWindow *window = STEADY_WINDOW (find_visible_toplevel (STEADY_TYPE_WINDOW));
  SteadyPracticeSectionView *section;

  steady_window_set_page (window, "skills");
  wait_for_frame (GTK_WIDGET (window));
  g_assert_true (has_visible_label (GTK_WIDGET (window), "Nothing yet"));

  add_practice (store, STEADY_PRACTICE_KIND_BREATHING, 0, 5, 7, 4);
  add_practice (store, STEADY_PRACTICE_KIND_MINDFULNESS, 0, 10, -1, -1);
  add_practice (store, STEADY_PRACTICE_KIND_BREATHING, 14, 3, 6, 5);
  /* The section is built when the Skills page is first shown. */
  section = STEADY_PRACTICE_SECTION_VIEW (find_first (GTK_WIDGET (window),
                                                 STEADY_TYPE_PRACTICE_SECTION_VIEW));
  g_assert_nonnull (section);
  steady_practice_section_view_reload (section);
  wait_for_frame (GTK_WIDGET (window));

  g_assert_true (has_visible_label (GTK_WIDGET (window), "This week"));
  g_assert_true (has_visible_label (GTK_WIDGET (window), "15 min"));
  g_assert_true (has_visible_label (GTK_WIDGET (window), "distress 7 → 4"));
  g_assert_true (has_visible_label (GTK_WIDGET (window), "Mindfulness sit"));
  g_assert_false (has_visible_label (GTK_WIDGET (window), "Nothing yet"));

  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      g_autofree char *name = g_strdup_printf ("history-wide-%s", schemes[s]);

      set_color_scheme (settings, schemes[s]);
      save_practice_screenshot (GTK_WIDGET (window), name);
    }

  /* One click from the window's actions opens each practice. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "start-breathing", NULL);
  g_assert_nonnull (wait_for_toplevel (STEADY_TYPE_BREATHING_VIEW));
  gtk_window_destroy (find_visible_toplevel (STEADY_TYPE_BREATHING_VIEW));
  g_action_group_activate_action (G_ACTION_GROUP (window), "start-mindfulness", NULL);
  g_assert_nonnull (wait_for_toplevel (STEADY_TYPE_MINDFULNESS_VIEW));
  gtk_window_destroy (find_visible_toplevel (STEADY_TYPE_MINDFULNESS_VIEW));

  stop_application (app);
}

static void
test_history_narrow (void)
{
  static const char * const schemes[] = { "light", "dark" };
  g_autoptr(GSettings) settings = NULL;
  SteadyApplication *app;
  g_autoptr(SteadyPracticeStore) store = NULL;
  SteadyWindow *window;
  GtkWindow *old;

  app = start_practice_application (&settings);
  store = get_store (app);
  add_practice (store, STEADY_PRACTICE_KIND_BREATHING, 0, 5, 7, 4);
  add_practice (store, STEADY_PRACTICE_KIND_MINDFULNESS, 8, 20, -1, -1);

  /* GTK 4.8 applies a default size only to a new window. */
  old = find_visible_toplevel (STEADY_TYPE_WINDOW);
  gtk_window_destroy (old);
  drain_events ();
  g_settings_set_int (settings, "window-width", NARROW_WIDTH);
  g_application_activate (G_APPLICATION (app));
  window = STEADY_WINDOW (wait_for_toplevel (STEADY_TYPE_WINDOW));
  steady_window_set_page (window, "skills");

  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      g_autofree char *name = g_strdup_printf ("history-narrow-%s", schemes[s]);

      set_color_scheme (settings, schemes[s]);
      save_practice_screenshot (GTK_WIDGET (window), name);
      g_assert_true (has_visible_label (GTK_WIDGET (window), "Breathing"));
      g_assert_true (has_visible_label (GTK_WIDGET (window), "Last week"));
    }

  stop_application (app);
}

/* A session manager and a notification server of our own ------------------------------------ */

/* Runs on its own connection in its own thread, since GTK calls Inhibit synchronously from the
 * main thread. It records what Steady asked for; the test reads it under the lock. */
static const char fake_services_xml[] =
  "<node>"
  "  <interface name='org.gnome.SessionManager'>"
  "    <method name='Inhibit'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='Uninhibit'><arg type='u' direction='in'/></method>"
  "    <method name='RegisterClient'>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='o' direction='out'/>"
  "    </method>"
  "    <method name='UnregisterClient'><arg type='o' direction='in'/></method>"
  "    <method name='IsInhibited'>"
  "      <arg type='u' direction='in'/><arg type='b' direction='out'/>"
  "    </method>"
  "  </interface>"
  "  <interface name='org.gtk.Notifications'>"
  "    <method name='AddNotification'>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/>"
  "    </method>"
  "    <method name='RemoveNotification'>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

typedef struct
{
  GMutex        lock;
  GCond         ready_cond;
  gboolean      ready;
  GMainContext *context;
  GMainLoop    *loop;
  GThread      *thread;
  /* what was asked, under the lock */
  guint         inhibited;        /* cookies handed out and not yet given back */
  guint         n_inhibits;
  guint         last_flags;
  char         *last_reason;
  guint         n_notifications;
  char         *last_title;
  char         *last_body;
} FakeSession;

static FakeSession fake;

static void
fake_method_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  g_mutex_lock (&fake.lock);
  if (g_str_equal (method_name, "Inhibit"))
    {
      const char *reason = NULL;

      g_variant_get (parameters, "(&su&su)", NULL, NULL, &reason, &fake.last_flags);
      g_free (fake.last_reason);
      fake.last_reason = g_strdup (reason);
      fake.inhibited++;
      fake.n_inhibits++;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", fake.n_inhibits));
    }
  else if (g_str_equal (method_name, "Uninhibit"))
    {
      if (fake.inhibited > 0)
        fake.inhibited--;
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "RegisterClient"))
    {
      /* The accessibility registry of this session registers too; it only needs a path. */
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(o)", "/org/gnome/SessionManager/C1"));
    }
  else if (g_str_equal (method_name, "IsInhibited"))
    {
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(b)", fake.inhibited > 0));
    }
  else if (g_str_equal (method_name, "AddNotification"))
    {
      g_autoptr(GVariant) notification = NULL;

      g_variant_get (parameters, "(&s&s@a{sv})", NULL, NULL, &notification);
      g_clear_pointer (&fake.last_title, g_free);
      g_clear_pointer (&fake.last_body, g_free);
      g_variant_lookup (notification, "title", "s", &fake.last_title);
      g_variant_lookup (notification, "body", "s", &fake.last_body);
      fake.n_notifications++;
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    {
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  g_mutex_unlock (&fake.lock);
}

static const GDBusInterfaceVTable fake_vtable = { fake_method_cb, NULL, NULL, { 0 } };

static gpointer
fake_thread (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (fake_services_xml, &error);
  g_autofree char *address = NULL;
  g_autoptr(GDBusConnection) connection = NULL;
  static const char * const names[] = { "org.gnome.SessionManager", "org.gtk.Notifications" };

  g_assert_no_error (error);
  g_main_context_push_thread_default (fake.context);
  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  connection = g_dbus_connection_new_for_address_sync (
    address,
    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
    NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_dbus_connection_register_object (connection, "/org/gnome/SessionManager",
                                                       info->interfaces[0], &fake_vtable,
                                                       NULL, NULL, &error), >, 0);
  g_assert_cmpuint (g_dbus_connection_register_object (connection, "/org/gtk/Notifications",
                                                       info->interfaces[1], &fake_vtable,
                                                       NULL, NULL, &error), >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GVariant) reply = NULL;
      guint32 result = 0;

      reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus",
                                           "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                           "RequestName", g_variant_new ("(su)", names[i], 4),
                                           G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                           NULL, &error);
      g_assert_no_error (error);
      g_variant_get (reply, "(u)", &result);
      g_assert_cmpuint (result, ==, 1);  /* the primary owner */
    }

  g_mutex_lock (&fake.lock);
  fake.ready = TRUE;
  g_cond_signal (&fake.ready_cond);
  g_mutex_unlock (&fake.lock);

  g_main_loop_run (fake.loop);
  g_dbus_connection_close_sync (connection, NULL, NULL);
  g_main_context_pop_thread_default (fake.context);
  return NULL;
}

/* Starts the fake services; call before the application registers, as GTK looks for the
 * session manager only then. */
static void
start_fake_session (void)
{
  g_mutex_init (&fake.lock);
  g_cond_init (&fake.ready_cond);
  fake.context = g_main_context_new ();
  fake.loop = g_main_loop_new (fake.context, FALSE);
  fake.thread = g_thread_new ("fake-session", fake_thread, NULL);
  g_mutex_lock (&fake.lock);
  while (!fake.ready)
    g_cond_wait (&fake.ready_cond, &fake.lock);
  g_mutex_unlock (&fake.lock);
}

static guint
fake_read (guint *field)
{
  guint value;

  g_mutex_lock (&fake.lock);
  value = *field;
  g_mutex_unlock (&fake.lock);
  return value;
}

static gboolean
fake_is_inhibited (gpointer data)
{
  return fake_read (&fake.inhibited) == GPOINTER_TO_UINT (data);
}

static gboolean
fake_has_notifications (gpointer data)
{
  return fake_read (&fake.n_notifications) == GPOINTER_TO_UINT (data);
}

static gboolean
window_is_inactive (gpointer data)
{
  return !gtk_window_is_active (GTK_WINDOW (data));
}

/* Running keeps the session awake, pausing and the end let it rest; the end, with the window
 * in the background, is announced in a notification that names only the practice. */
static void
test_keeps_awake_and_notifies (void)
{
  g_autoptr(GSettings) settings = NULL;
  SteadyApplication *app;
  g_autoptr(SteadyPracticeStore) store = NULL;
  SteadyBreathingLength length = { STEADY_BREATHING_LENGTH_CYCLES, 1 };
  SteadyBreathingView *view;
  GtkWindow *main_window;
  GtkWidget *pacer;
  gint64 start_us;

  start_fake_session ();
  app = start_practice_application (&settings);
  store = get_store (app);
  view = open_breathing (app, store, 520, WINDOW_HEIGHT);
  steady_breathing_view_set_length (view, &length);
  g_assert_cmpuint (fake_read (&fake.n_inhibits), ==, 0);

  start_us = fake_now_us;
  g_assert_true (steady_breathing_view_start (view));
  pacer = steady_breathing_view_get_pacer (view);
  g_assert_cmpuint (fake_read (&fake.inhibited), ==, 1);
  g_mutex_lock (&fake.lock);
  g_assert_cmpuint (fake.last_flags, ==, GTK_APPLICATION_INHIBIT_IDLE);
  g_assert_cmpstr (fake.last_reason, ==, "A breathing practice is running");
  g_mutex_unlock (&fake.lock);

  /* Uninhibit is sent without waiting for an answer: wait for it to arrive. */
  click (GTK_WIDGET (template_child (view, STEADY_TYPE_BREATHING_VIEW, "pause_button")));
  wait_until (fake_is_inhibited, GUINT_TO_POINTER (0));
  click (GTK_WIDGET (template_child (view, STEADY_TYPE_BREATHING_VIEW, "pause_button")));
  g_assert_cmpuint (fake_read (&fake.inhibited), ==, 1);
  g_assert_cmpuint (fake_read (&fake.n_inhibits), ==, 2);

  /* The person turns to the main window; the breath ends (gentle: 8 s). */
  main_window = find_visible_toplevel (STEADY_TYPE_WINDOW);
  gtk_window_present (main_window);
  wait_until (window_is_inactive, view);
  at_time (pacer, start_us, 8.0);
  g_assert_cmpstr (steady_breathing_view_get_page (view), ==, "after");
  wait_until (fake_is_inhibited, GUINT_TO_POINTER (0));
  wait_until (fake_has_notifications, GUINT_TO_POINTER (1));
  g_mutex_lock (&fake.lock);
  g_assert_cmpstr (fake.last_title, ==, "Breathing Practice Finished");
  g_assert_cmpstr (fake.last_body, ==, "You breathed for less than a minute.");
  g_mutex_unlock (&fake.lock);

  stop_application (app);
  g_main_loop_quit (fake.loop);
  g_thread_join (fake.thread);
}

/* Sound --------------------------------------------------------------------------------- */

typedef struct
{
  guint    played[2];
  gboolean timed_out;
} SoundWait;

static void
played_cb (SteadyPracticeView *sound,
           int                 kind,
           SoundWait          *wait)
{
  wait->played[kind]++;
}

static gboolean
sound_wait_over (gpointer data)
{
  SoundWait *wait = data;

  return wait->timed_out || (wait->played[STEADY_PRACTICE_SOUND_BELL] > 0 &&
                             wait->played[STEADY_PRACTICE_SOUND_CHIME] > 0);
}

static void
sound_timeout_cb (gpointer data)
{
  ((SoundWait *)data)->timed_out = TRUE;
}

/* With the GTK media backend that build-aux/common.sh installs, the bell and the chime play
 * to their end (headless, GStreamer plays them into a silent sink, in real time), and the
 * pages neither say that sound cannot play nor mark a bell as shown only. */
static void
test_sound_plays (void)
{
  g_autoptr(GSettings) settings = NULL;
  SteadyApplication *app = start_practice_application (&settings);
  g_autoptr(SteadyPracticeStore) store = get_store (app);
  SteadyPracticeView *sound;
  const SteadyBellSchedule schedule = { 10 * SECOND, 120 * SECOND, 60 * SECOND, 1, 1, 2 };
  SoundWait wait = { { 0, 0 }, FALSE };
  SteadyMindfulnessView *mindfulness;
  SteadyBreathingView *breathing;
  GtkWidget *pacer;
  gint64 start_us;
  guint timeout;

  /* The windows play the sounds: one that plays nothing else plays them here. */
  sound = STEADY_PRACTICE_VIEW (open_mindfulness (store, 520));
  if (!steady_practice_view_get_sound_available (sound))
    g_printerr ("GTK cannot play sound: install libgtk-4-media-gstreamer and the GStreamer "
                "plugins listed in build-aux/common.sh\n");
  g_assert_true (steady_practice_view_get_sound_available (sound));

  g_signal_connect (sound, "sound-played", G_CALLBACK (played_cb), &wait);
  timeout = g_timeout_add_once (30 * 1000, sound_timeout_cb, &wait);
  steady_practice_view_play (sound, STEADY_PRACTICE_SOUND_BELL, 1, 0.5);
  steady_practice_view_play (sound, STEADY_PRACTICE_SOUND_CHIME, 1, 0.5);
  wait_until (sound_wait_over, &wait);
  g_assert_false (wait.timed_out);
  g_source_remove (timeout);
  g_assert_cmpuint (wait.played[STEADY_PRACTICE_SOUND_BELL], ==, 1);
  g_assert_cmpuint (wait.played[STEADY_PRACTICE_SOUND_CHIME], ==, 1);
  g_assert_true (steady_practice_view_get_sound_available (sound));
  gtk_window_destroy (GTK_WINDOW (sound));
  drain_events ();

  /* The setup page has nothing to warn about, and the starting bell is heard, not only shown. */
  mindfulness = open_mindfulness (store, 520);
  steady_mindfulness_view_set_schedule (mindfulness, &schedule);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (template_child (mindfulness,
                                                                      STEADY_TYPE_MINDFULNESS_VIEW,
                                                                      "setup_sound_label"))));
  start_us = fake_now_us;
  g_assert_true (steady_mindfulness_view_start (mindfulness));
  pacer = steady_mindfulness_view_get_pacer (mindfulness);
  at_time (pacer, start_us, 11.0);
  g_assert_true (has_visible_label (GTK_WIDGET (mindfulness), "Starting bell at 0:00"));
  g_assert_false (has_visible_label (GTK_WIDGET (mindfulness), "shown only"));
  gtk_window_destroy (GTK_WINDOW (mindfulness));
  drain_events ();

  /* With cues on, the breathing page does not say that they cannot play. */
  breathing = open_breathing (app, store, 520, WINDOW_HEIGHT);
  gtk_switch_set_active (GTK_SWITCH (template_child (breathing, STEADY_TYPE_BREATHING_VIEW,
                                                     "cues_switch")), TRUE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (template_child (breathing,
                                                                      STEADY_TYPE_BREATHING_VIEW,
                                                                      "sound_label"))));
  gtk_window_destroy (GTK_WINDOW (breathing));
  drain_events ();

  stop_application (app);
}

static void
close_practice_window (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  drain_events ();
}

/* Deleting one's own pattern ----------------------------------------------------------------- */

static void
save_own_pattern (SteadyPracticeStore *store,
                  const char          *name,
                  guint                inhale_tenths)
{
  const guint tenths[STEADY_BREATHING_N_PHASES] = { inhale_tenths, 0, 0, 60, 0 };
  g_autoptr(SteadyBreathingPattern) pattern = NULL;
  g_autoptr(GError) error = NULL;

  pattern = steady_breathing_pattern_new_custom (name, tenths, &error);
  g_assert_no_error (error);
  g_assert_true (steady_practice_store_save_pattern (store, pattern, &error));
  g_assert_no_error (error);
}

/* The names of the buttons that delete a pattern, in the order of the rows. */
static char *
delete_button_names (GtkWidget *view)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GString) names = g_string_new (NULL);

  collect (view, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      const char *tooltip = gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i));

      if (tooltip != NULL && g_str_has_prefix (tooltip, "Delete "))
        g_string_append_printf (names, "%s%s", names->len > 0 ? "|" : "", tooltip);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static GtkWidget *
find_delete_button (GtkWidget  *view,
                    const char *name)
{
  g_autofree char *tooltip = g_strdup_printf ("Delete %s", name);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (view, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), tooltip) == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

static char *
own_pattern_names (SteadyPracticeStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) patterns = steady_practice_store_list_patterns (store, &error);
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < patterns->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? "|" : "",
                            ((SteadyBreathingPattern *)g_ptr_array_index (patterns, i))->name);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static const char *
selected_pattern_key (SteadyBreathingView *view)
{
  const SteadyBreathingPattern *pattern = steady_breathing_view_get_pattern (view);

  g_assert_nonnull (pattern);
  return pattern->id != NULL ? pattern->id : pattern->name;
}

static char *
pattern_row_text (SteadyApplication *app,
                  const char        *name)
{
  sqlite3 *db = steady_database_get_handle (steady_application_get_database (app));
  char *sql = sqlite3_mprintf ("SELECT id || ',' || inhale_tenths || ',' || exhale_tenths || ','"
                               " || created_us || ',' || updated_us FROM breathing_pattern "
                               "WHERE name = %Q", name);
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_free (sql);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* Only one's own patterns can be deleted; a deleted one goes at once, with an Undo that brings
 * back the very pattern (and its choice); deleting the chosen one falls back to the default. */
static void
test_breathing_delete_own_pattern (void)
{
  static const char * const schemes[] = { "light", "dark" };
  g_autoptr(GSettings) settings = NULL;
  SteadyApplication *app = start_practice_application (&settings);
  g_autoptr(SteadyPracticeStore) store = get_store (app);
  g_autofree char *names = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SteadyBreathingView *view;
  GtkWidget *button;
  GtkWidget *focus;

  set_animations (FALSE);
  save_own_pattern (store, "Evening", 40);
  save_own_pattern (store, "Morning <fresh> & slow", 30);
  before = pattern_row_text (app, "Evening");
  g_assert_nonnull (before);

  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    for (guint narrow = 0; narrow <= 1; narrow++)
      {
        g_autofree char *shot = g_strdup_printf ("breathing-own-patterns-%s-%s",
                                                 narrow ? "narrow" : "wide", schemes[s]);

        set_color_scheme (settings, schemes[s]);
        view = open_breathing (app, store, narrow ? NARROW_WIDTH : 520, WINDOW_HEIGHT);
        g_assert_true (steady_breathing_view_select_pattern (view, "Evening"));
        /* Scrolled so that the own patterns, at the end of the list, are in the picture. */
        gtk_widget_grab_focus (find_delete_button (GTK_WIDGET (view), "Morning <fresh> & slow"));
        wait_for_frame (GTK_WIDGET (view));
        save_practice_screenshot (GTK_WIDGET (view), shot);
        close_practice_window (view);
      }
  set_color_scheme (settings, "light");

  view = open_breathing (app, store, 520, WINDOW_HEIGHT);
  /* The six that come with Steady offer no delete; each of one's own does, named for it. */
  names = delete_button_names (GTK_WIDGET (view));
  g_assert_cmpstr (names, ==, "Delete Evening|Delete Morning <fresh> & slow");
  button = find_delete_button (GTK_WIDGET (view), "Evening");
  g_assert_true (gtk_widget_get_focusable (button));
  g_assert_true (gtk_widget_grab_focus (button));
  g_assert_true (gtk_widget_has_focus (button));

  /* Deleting one that is not chosen leaves the choice alone. */
  g_assert_true (steady_breathing_view_select_pattern (view, "box"));
  click (find_delete_button (GTK_WIDGET (view), "Morning <fresh> & slow"));
  g_clear_pointer (&names, g_free);
  names = own_pattern_names (store);
  g_assert_cmpstr (names, ==, "Evening");
  g_assert_cmpstr (selected_pattern_key (view), ==, "box");
  g_assert_true (has_visible_label (GTK_WIDGET (view), "“Morning <fresh> & slow” deleted"));
  click (find_button_with_label (GTK_WIDGET (view), "_Undo"));
  drain_events ();
  g_clear_pointer (&names, g_free);
  names = own_pattern_names (store);
  g_assert_cmpstr (names, ==, "Evening|Morning <fresh> & slow");
  g_assert_cmpstr (selected_pattern_key (view), ==, "box");

  /* Deleting the chosen one: gone from the list and the store, the default chosen instead; the
   * keyboard's focus goes on from the default's row. */
  g_assert_true (steady_breathing_view_select_pattern (view, "Evening"));
  button = find_delete_button (GTK_WIDGET (view), "Evening");
  g_assert_true (gtk_widget_grab_focus (button));
  click (button);
  focus = gtk_root_get_focus (GTK_ROOT (view));
  g_assert_true (GTK_IS_CHECK_BUTTON (focus));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (focus)));
  g_assert_null (find_delete_button (GTK_WIDGET (view), "Evening"));
  g_assert_null (pattern_row_text (app, "Evening"));
  g_assert_false (steady_breathing_view_select_pattern (view, "Evening"));
  g_assert_cmpstr (selected_pattern_key (view), ==, "gentle");
  g_assert_true (has_visible_label (GTK_WIDGET (view), "“Evening” deleted"));
  wait_for_frame (GTK_WIDGET (view));
  save_practice_screenshot (GTK_WIDGET (view), "breathing-pattern-deleted-wide-light");
  resize_window (GTK_WINDOW (view), NARROW_WIDTH, WINDOW_HEIGHT);
  save_practice_screenshot (GTK_WIDGET (view), "breathing-pattern-deleted-narrow-light");

  /* Undo: the very row again (row number, phases, times), in its place, chosen again. */
  click (find_button_with_label (GTK_WIDGET (view), "_Undo"));
  drain_events ();
  after = pattern_row_text (app, "Evening");
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&names, g_free);
  names = delete_button_names (GTK_WIDGET (view));
  g_assert_cmpstr (names, ==, "Delete Evening|Delete Morning <fresh> & slow");
  g_assert_cmpstr (selected_pattern_key (view), ==, "Evening");
  g_assert_true (steady_breathing_view_start (view));
  g_assert_cmpstr (steady_practice_timer_get_pattern (steady_breathing_view_get_timer (view))->name,
                   ==, "Evening");
  close_practice_window (view);

  /* The pattern last practised is deleted (in the dark, for the pictures): the next window
   * offers the default. */
  set_color_scheme (settings, "dark");
  view = open_breathing (app, store, NARROW_WIDTH, WINDOW_HEIGHT);
  g_assert_cmpstr (selected_pattern_key (view), ==, "Evening");
  click (find_delete_button (GTK_WIDGET (view), "Evening"));
  wait_for_frame (GTK_WIDGET (view));
  save_practice_screenshot (GTK_WIDGET (view), "breathing-pattern-deleted-narrow-dark");
  resize_window (GTK_WINDOW (view), 520, WINDOW_HEIGHT);
  save_practice_screenshot (GTK_WIDGET (view), "breathing-pattern-deleted-wide-dark");
  close_practice_window (view);
  view = open_breathing (app, store, 520, WINDOW_HEIGHT);
  g_assert_cmpstr (selected_pattern_key (view), ==, "gentle");

  stop_application (app);
}

/* Remembering choices ------------------------------------------------------------------------- */

static void
assert_breathing_length (SteadyBreathingView       *view,
                         SteadyBreathingLengthUnit  unit,
                         int                        value)
{
  AdwComboRow *unit_row = ADW_COMBO_ROW (template_child (view, STEADY_TYPE_BREATHING_VIEW,
                                                         "unit_row"));
  GtkSpinButton *length_spin = GTK_SPIN_BUTTON (template_child (view, STEADY_TYPE_BREATHING_VIEW,
                                                                "length_spin"));

  g_assert_cmpuint (adw_combo_row_get_selected (unit_row), ==, unit);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (length_spin), ==, value);
}

/* The pattern and length of the last breathing practice, and the length and bells of the last
 * sit, are what the next window offers; a window closed without starting changes nothing. */
static void
test_choices_remembered (void)
{
  g_autoptr(GSettings) settings = NULL;
  SteadyApplication *app = start_practice_application (&settings);
  g_autoptr(SteadyPracticeStore) store = get_store (app);
  const SteadyBreathingLength length = { STEADY_BREATHING_LENGTH_CYCLES, 12 };
  const SteadyBreathingLength minutes = { STEADY_BREATHING_LENGTH_MINUTES, 7 };
  const SteadyBellSchedule schedule = { 20 * SECOND, 25 * 60 * SECOND, 5 * 60 * SECOND, 2, 3, 4 };
  SteadyBreathingView *breathing;
  SteadyMindfulnessView *mindfulness;

  /* First use: the default pattern, and the window's lengths. */
  breathing = open_breathing (app, store, 520, WINDOW_HEIGHT);
  g_assert_cmpstr (selected_pattern_key (breathing), ==, "gentle");
  /* F11 is the window's, whichever practice it is. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (breathing), "practice.toggle-fullscreen",
                                             NULL));
  g_assert_true (steady_breathing_view_select_pattern (breathing, "box"));
  steady_breathing_view_set_length (breathing, &length);
  g_assert_true (steady_breathing_view_start (breathing));
  close_practice_window (breathing);

  breathing = open_breathing (app, store, 520, WINDOW_HEIGHT);
  g_assert_cmpstr (selected_pattern_key (breathing), ==, "box");
  assert_breathing_length (breathing, STEADY_BREATHING_LENGTH_CYCLES, 12);
  /* Chosen but not started: not remembered. */
  g_assert_true (steady_breathing_view_select_pattern (breathing, "resonance"));
  steady_breathing_view_set_length (breathing, &minutes);
  close_practice_window (breathing);

  /* 4-7-8 suggests four breaths, but a length chosen for it last time wins. */
  breathing = open_breathing (app, store, 520, WINDOW_HEIGHT);
  g_assert_cmpstr (selected_pattern_key (breathing), ==, "box");
  g_assert_true (steady_breathing_view_select_pattern (breathing, "4-7-8"));
  steady_breathing_view_set_length (breathing, &minutes);
  g_assert_true (steady_breathing_view_start (breathing));
  close_practice_window (breathing);
  breathing = open_breathing (app, store, 520, WINDOW_HEIGHT);
  g_assert_cmpstr (selected_pattern_key (breathing), ==, "4-7-8");
  assert_breathing_length (breathing, STEADY_BREATHING_LENGTH_MINUTES, 7);
  close_practice_window (breathing);

  /* One's own pattern is remembered by its name. */
  save_own_pattern (store, "Evening", 50);
  breathing = open_breathing (app, store, 520, WINDOW_HEIGHT);
  g_assert_true (steady_breathing_view_select_pattern (breathing, "Evening"));
  g_assert_true (steady_breathing_view_start (breathing));
  close_practice_window (breathing);
  breathing = open_breathing (app, store, 520, WINDOW_HEIGHT);
  g_assert_cmpstr (selected_pattern_key (breathing), ==, "Evening");
  close_practice_window (breathing);

  /* The sit: settle-in, length, interval, strikes and volume. */
  mindfulness = open_mindfulness (store, 520);
  steady_mindfulness_view_set_schedule (mindfulness, &schedule);
  gtk_range_set_value (GTK_RANGE (template_child (mindfulness, STEADY_TYPE_MINDFULNESS_VIEW,
                                                  "volume_scale")), 40);
  g_assert_true (steady_mindfulness_view_start (mindfulness));
  close_practice_window (mindfulness);

  mindfulness = open_mindfulness (store, 520);
  {
    static const struct { const char *spin; int value; } expected[] = {
      { "preparation_spin", 20 }, { "duration_spin", 25 }, { "interval_spin", 5 },
      { "start_strikes_spin", 2 }, { "interval_strikes_spin", 3 }, { "end_strikes_spin", 4 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_cmpint (gtk_spin_button_get_value_as_int (
                         GTK_SPIN_BUTTON (template_child (mindfulness, STEADY_TYPE_MINDFULNESS_VIEW,
                                                          expected[i].spin))),
                       ==, expected[i].value);
    g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (template_child (mindfulness,
                                                                       STEADY_TYPE_MINDFULNESS_VIEW,
                                                                       "volume_scale"))), ==, 40);
    g_assert_false (gtk_switch_get_active (GTK_SWITCH (template_child (mindfulness,
                                                                       STEADY_TYPE_MINDFULNESS_VIEW,
                                                                       "open_switch"))));
  }
  /* Open-ended next: remembered as such, and the 25 minutes kept for a later sit. */
  gtk_switch_set_active (GTK_SWITCH (template_child (mindfulness, STEADY_TYPE_MINDFULNESS_VIEW,
                                                     "open_switch")), TRUE);
  g_assert_true (steady_mindfulness_view_start (mindfulness));
  close_practice_window (mindfulness);
  mindfulness = open_mindfulness (store, 520);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (template_child (mindfulness,
                                                                    STEADY_TYPE_MINDFULNESS_VIEW,
                                                                    "open_switch"))));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (
                     GTK_SPIN_BUTTON (template_child (mindfulness, STEADY_TYPE_MINDFULNESS_VIEW,
                                                      "duration_spin"))), ==, 25);

  stop_application (app);
}

/* Running ------------------------------------------------------------------------------- */

static const UiTest practice_tests[] = {
  { "/practice/breathing-box", test_breathing_box },
  { "/practice/breathing-ratings-and-pause", test_breathing_ratings_and_pause },
  { "/practice/breathing-custom-pattern", test_breathing_custom_pattern },
  { "/practice/mindfulness-sit", test_mindfulness_sit },
  { "/practice/mindfulness-open-ended", test_mindfulness_open_ended },
  { "/practice/history", test_history },
  { "/practice/history-narrow", test_history_narrow },
  { "/practice/keeps-awake-and-notifies", test_keeps_awake_and_notifies },
  { "/practice/sound-plays", test_sound_plays },
  { "/practice/breathing-delete-own-pattern", test_breathing_delete_own_pattern },
  { "/practice/choices-remembered", test_choices_remembered },
};

int
main (int   argc,
      char *argv[])
{
  keep_system_data_dirs ();
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (practice_tests); i++)
    g_test_add_data_func (practice_tests[i].path, &practice_tests[i], run_in_subprocess);

  return g_test_run ();
}
