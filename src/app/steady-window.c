/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-window.c: the main window: header bar, the four pages, "Get help now". */

#define G_LOG_DOMAIN "steady-window"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-backup-dialog.h"
#include "steady-calendar-page.h"
#include "steady-diary-card-window.h"
#include "steady-export-dialog.h"
#include "steady-first-frame.h"
#include "steady-help-dialog.h"
#include "steady-import-dialog.h"
#include "steady-journal-page.h"
#include "steady-next-session-view.h"
#include "steady-practice-section-view.h"
#include "steady-restore-dialog.h"
#include "steady-safety-plan-window.h"
#include "steady-share-dialog.h"
#include "steady-skill-editor.h"
#include "steady-skills-page.h"
#include "steady-today-page.h"
#include "steady-window.h"

struct _SteadyWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwBin               *today_bin;
  AdwBin               *calendar_bin;
  AdwBin               *skills_bin;
  AdwBin               *journal_bin;

  /* owned */
  GSettings            *settings;

  /* unowned: the open "Get help now" dialog and safety plan, cleared by weak pointers */
  GtkWindow            *help_dialog;
  GtkWindow            *safety_plan_window;

  guint                 switcher_bar_idle_id;
};

G_DEFINE_FINAL_TYPE (SteadyWindow, steady_window, ADW_TYPE_APPLICATION_WINDOW)

static const char * const page_names[] = { "today", "calendar", "skills", "journal" };

static void update_greeting (SteadyWindow *self);
static SteadySafetyPlanStore *get_safety_plan_store (SteadyWindow *self);

/* The application's database and journal store: NULL only while there is none, or when the
 * window has outlived its application. */
static SteadyDatabase *
get_database (SteadyWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return STEADY_IS_APPLICATION (app)
         ? steady_application_get_database (STEADY_APPLICATION (app)) : NULL;
}

static SteadyJournalStore *
get_journal_store (SteadyWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return STEADY_IS_APPLICATION (app)
         ? steady_application_get_journal_store (STEADY_APPLICATION (app)) : NULL;
}

/* The Journal page is built the first time it is shown, so start-up does not wait for it. */
static void
ensure_journal_page (SteadyWindow *self)
{
  SteadyJournalStore *store;

  if (adw_bin_get_child (self->journal_bin) != NULL)
    return;
  store = get_journal_store (self);
  if (store != NULL)
    adw_bin_set_child (self->journal_bin, steady_journal_page_new (store));
}

/* The Calendar and Skills pages read the database when built, so they too are built the
 * first time they are needed, not before the first frame. */
static SteadyCalendarPage *
ensure_calendar_page (SteadyWindow *self)
{
  if (adw_bin_get_child (self->calendar_bin) == NULL)
    adw_bin_set_child (self->calendar_bin, steady_calendar_page_new ());
  return STEADY_CALENDAR_PAGE (adw_bin_get_child (self->calendar_bin));
}

/* NULL only while there is no database. */
static SteadySkillsPage *
ensure_skills_page (SteadyWindow *self)
{
  SteadyDatabase *database;

  if (adw_bin_get_child (self->skills_bin) == NULL && (database = get_database (self)) != NULL)
    adw_bin_set_child (self->skills_bin, steady_skills_page_new (database));
  return STEADY_SKILLS_PAGE (adw_bin_get_child (self->skills_bin));
}

/* The Skills page holds the practice section that breathing and mindfulness start from. */
static SteadyPracticeSectionView *
ensure_practice_section (SteadyWindow *self)
{
  SteadySkillsPage *page = ensure_skills_page (self);

  return page != NULL ? steady_skills_page_get_practice_section (page) : NULL;
}

/* The Today and Journal pages share the application's journal store, so a check-in saved
 * on one shows on the other at once. */
static void
build_today_page (SteadyWindow *self)
{
  SteadyJournalStore *store = get_journal_store (self);
  GtkWidget *today;

  if (store == NULL)
    return;
  today = steady_today_page_new (store);
  adw_bin_set_child (self->today_bin, today);
  steady_today_page_set_next_session_widget (STEADY_TODAY_PAGE (today),
                                             steady_next_session_view_new ());
  update_greeting (self);
}

SteadyWindow *
steady_window_new (SteadyApplication *application)
{
  SteadyWindow *self;

  g_return_val_if_fail (STEADY_IS_APPLICATION (application), NULL);

  self = g_object_new (STEADY_TYPE_WINDOW, "application", application, NULL);
  build_today_page (self);
  return self;
}

void
steady_window_show_error (SteadyWindow *self,
                          const char   *heading,
                          const char   *message)
{
  GtkWidget *dialog;

  g_return_if_fail (STEADY_IS_WINDOW (self));
  g_return_if_fail (heading != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
steady_window_add_toast (SteadyWindow *self,
                         const char   *title)
{
  g_return_if_fail (STEADY_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
steady_window_set_page (SteadyWindow *self,
                        const char   *page_name)
{
  g_return_if_fail (STEADY_IS_WINDOW (self));
  g_return_if_fail (page_name != NULL);

  adw_view_stack_set_visible_child_name (self->stack, page_name);
}

/* Shows the calendar with the session a reminder was about open in the editor. */
void
steady_window_open_session (SteadyWindow *self,
                            const char   *occurrence_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (STEADY_IS_WINDOW (self));
  g_return_if_fail (occurrence_id != NULL);

  steady_window_set_page (self, "calendar");
  if (steady_calendar_page_open_occurrence (ensure_calendar_page (self), occurrence_id,
                                           &error) == NULL)
    steady_window_add_toast (self, error->message);
}

/* After an import from the command line into this instance's database. */
void
steady_window_reload_calendar (SteadyWindow *self)
{
  g_return_if_fail (STEADY_IS_WINDOW (self));

  if (adw_bin_get_child (self->calendar_bin) != NULL)
    steady_calendar_page_reload (ensure_calendar_page (self));
}

/* After a restore changed every kind of record: the pages are built again from the
 * database, the ones not shown yet the next time they are; an open safety plan (or "Get help
 * now") reads the plan again, keeping what is being typed in it. */
void
steady_window_reload_pages (SteadyWindow *self)
{
  SteadySafetyPlanStore *plan;
  const char *page;

  g_return_if_fail (STEADY_IS_WINDOW (self));

  steady_window_reload_calendar (self);
  if ((plan = get_safety_plan_store (self)) != NULL)
    steady_safety_plan_store_notify_reloaded (plan);
  adw_bin_set_child (self->journal_bin, NULL);
  adw_bin_set_child (self->skills_bin, NULL);
  build_today_page (self);
  page = adw_view_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (page, "journal") == 0)
    ensure_journal_page (self);
  else if (g_strcmp0 (page, "skills") == 0)
    ensure_skills_page (self);
}

const char *
steady_window_get_page (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

/* The plan of the application's database; NULL only if the window outlived it. */
static SteadySafetyPlanStore *
get_safety_plan_store (SteadyWindow *self)
{
  SteadyDatabase *database = get_database (self);

  return database != NULL ? steady_safety_plan_store_get_for_database (database) : NULL;
}

GtkWindow *
steady_window_show_help (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  if (self->help_dialog == NULL)
    {
      self->help_dialog = GTK_WINDOW (steady_help_dialog_new (GTK_WINDOW (self), self->settings,
                                                              get_safety_plan_store (self)));
      g_object_add_weak_pointer (G_OBJECT (self->help_dialog), (gpointer *)&self->help_dialog);
    }
  gtk_window_present (self->help_dialog);
  return self->help_dialog;
}

/* Opens "My Safety Plan", or brings it to the front. Returns NULL if there is no database. */
GtkWindow *
steady_window_show_safety_plan (SteadyWindow *self)
{
  SteadySafetyPlanStore *store;

  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  if (self->safety_plan_window == NULL)
    {
      if ((store = get_safety_plan_store (self)) == NULL)
        return NULL;
      self->safety_plan_window = GTK_WINDOW (steady_safety_plan_window_new (GTK_WINDOW (self),
                                                                            store,
                                                                            self->settings));
      g_object_add_weak_pointer (G_OBJECT (self->safety_plan_window),
                                 (gpointer *)&self->safety_plan_window);
    }
  gtk_window_present (self->safety_plan_window);
  return self->safety_plan_window;
}

/* The Today page greets by the time of day; it says so whenever the user comes back. */
static void
update_greeting (SteadyWindow *self)
{
  GtkWidget *today = adw_bin_get_child (self->today_bin);

  if (STEADY_IS_TODAY_PAGE (today))
    steady_today_page_update_greeting (STEADY_TODAY_PAGE (today));
}

static void
sync_switcher_bar (SteadyWindow *self)
{
  gboolean narrow = adw_view_switcher_title_get_title_visible (self->switcher_title);

  adw_view_switcher_bar_set_reveal (self->switcher_bar, narrow);
}

static gboolean
sync_switcher_bar_cb (gpointer user_data)
{
  SteadyWindow *self = STEADY_WINDOW (user_data);

  self->switcher_bar_idle_id = 0;
  sync_switcher_bar (self);
  return G_SOURCE_REMOVE;
}

/* The bottom bar shows exactly when the header has no room for the switcher. The title
 * decides that while it is being allocated; changing the bar's revealer right then, with
 * animations off, makes GTK 4.8 allocate the bar at a negative height and warn. So the bar
 * follows just after the allocation, not during it. */
static void
title_visible_changed_cb (GObject    *object,
                          GParamSpec *pspec,
                          gpointer    user_data)
{
  SteadyWindow *self = STEADY_WINDOW (user_data);

  if (self->switcher_bar_idle_id == 0)
    self->switcher_bar_idle_id = g_idle_add (sync_switcher_bar_cb, self);
}

static void
greeting_context_changed_cb (GObject    *object,
                             GParamSpec *pspec,
                             gpointer    user_data)
{
  update_greeting (STEADY_WINDOW (user_data));
}

static void
visible_page_changed_cb (GObject    *object,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  SteadyWindow *self = STEADY_WINDOW (user_data);

  const char *page = adw_view_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "journal") == 0)
    ensure_journal_page (self);
  else if (g_strcmp0 (page, "calendar") == 0)
    ensure_calendar_page (self);
  else if (g_strcmp0 (page, "skills") == 0)
    ensure_skills_page (self);
}

static void
get_help_activated_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  steady_window_show_help (STEADY_WINDOW (user_data));
}

static void
safety_plan_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  steady_window_show_safety_plan (STEADY_WINDOW (user_data));
}

/* "Share with My Therapist": a new dialog each time, so it opens on today's ranges. */
static void
share_report_activated_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  SteadyDatabase *database = get_database (STEADY_WINDOW (user_data));

  if (database != NULL)
    gtk_window_present (GTK_WINDOW (steady_share_dialog_new (GTK_WINDOW (user_data), database,
                                                             STEADY_WINDOW (user_data)->settings)));
}

static void
show_page_activated_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  SteadyWindow *self = STEADY_WINDOW (user_data);
  const char *name = g_variant_get_string (parameter, NULL);

  if (!g_strv_contains (page_names, name))
    {
      g_debug ("No page named “%s”", name);
      return;
    }
  steady_window_set_page (self, name);
}

/* Practice starts in one click from anywhere in the window (the Today page too). */
static void
start_breathing_activated_cb (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  SteadyPracticeSectionView *section = ensure_practice_section (STEADY_WINDOW (user_data));

  if (section != NULL)
    steady_practice_section_view_start_breathing (section);
}

static void
start_mindfulness_activated_cb (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  SteadyPracticeSectionView *section = ensure_practice_section (STEADY_WINDOW (user_data));

  if (section != NULL)
    steady_practice_section_view_start_mindfulness (section);
}

/* The exercise and diary card editors say so after every save, finish or delete; a Skills
 * page not built yet reads everything when it is. */
static void
skills_changed_activated_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  SteadyWindow *self = STEADY_WINDOW (user_data);

  if (adw_bin_get_child (self->skills_bin) != NULL)
    steady_skills_page_reload (STEADY_SKILLS_PAGE (adw_bin_get_child (self->skills_bin)));
}

/* win.diary-card (i: the local day): one diary card window, moved to the day asked for. */
static void
diary_card_activated_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  SteadyWindow *self = STEADY_WINDOW (user_data);
  GListModel *toplevels = gtk_window_get_toplevels ();
  int day = g_variant_get_int32 (parameter);
  SteadyDatabase *database;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (STEADY_IS_DIARY_CARD_WINDOW (window) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (self))
        {
          steady_diary_card_window_set_day (STEADY_DIARY_CARD_WINDOW (window), day);
          gtk_window_present (window);
          return;
        }
    }
  database = get_database (self);
  if (database != NULL)
    gtk_window_present (GTK_WINDOW (steady_diary_card_window_new (GTK_WINDOW (self), database,
                                                                  day)));
}

static const char *
database_path (SteadyWindow *self)
{
  SteadyDatabase *database = get_database (self);

  return database != NULL ? steady_database_get_path (database) : NULL;
}

static void
backup_done_cb (GtkWindow    *window,
                const char   *message,
                const GError *error)
{
  if (error != NULL)
    steady_window_show_error (STEADY_WINDOW (window), _("Could Not Back Up"), error->message);
  else
    steady_window_add_toast (STEADY_WINDOW (window), message);
}

static void
back_up_activated_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SteadyWindow *self = STEADY_WINDOW (user_data);

  if (database_path (self) != NULL)
    steady_backup_dialog_run (GTK_WINDOW (self), database_path (self), backup_done_cb);
}

static void
restored_cb (SteadyWindow *self,
             const char   *message)
{
  steady_window_reload_pages (self);
  /* Restored sessions may need reminders the daemon has not planned. */
  steady_calendar_request_replan ();
  steady_window_add_toast (self, message);
}

static void
restore_activated_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SteadyWindow *self = STEADY_WINDOW (user_data);
  GtkWidget *dialog;

  if (database_path (self) == NULL)
    return;
  dialog = steady_restore_dialog_new (GTK_WINDOW (self), database_path (self));
  g_signal_connect_object (dialog, "restored", G_CALLBACK (restored_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "Export Data…": CSV files of chosen kinds and dates (issue 8, open formats). */
static void
export_data_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GtkWindow *window = GTK_WINDOW (user_data);
  SteadyDatabase *database = get_database (STEADY_WINDOW (window));

  if (database != NULL)
    gtk_window_present (GTK_WINDOW (steady_export_dialog_new (window, database)));
}

/* "Import from Daylio…": the file chooser first, then what will be imported. */
static void
import_daylio_activated_cb (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GtkWindow *window = GTK_WINDOW (user_data);
  SteadyJournalStore *store = get_journal_store (STEADY_WINDOW (window));

  if (store != NULL)
    steady_import_dialog_choose_file (steady_import_dialog_new (window, store));
}

/* The thought record and DBT-informed worksheets open in an editor beside the window, not
 * modal, so "Get help now" stays one click away; the Skills page opens them by these names. */
static SteadySkillStore *
new_skill_store (SteadyWindow *self)
{
  SteadyDatabase *database = get_database (self);

  return database != NULL ? steady_skill_store_new (database) : NULL;
}

static void
skill_exercise_activated_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  SteadyWindow *self = STEADY_WINDOW (user_data);
  g_autoptr(SteadySkillStore) store = new_skill_store (self);
  SteadySkillKind kind;

  if (store == NULL || !steady_skill_kind_from_id (g_variant_get_string (parameter, NULL), &kind))
    return;
  gtk_window_present (GTK_WINDOW (steady_skill_editor_new (GTK_WINDOW (self), store, kind, NULL)));
}

static void
open_skill_record_activated_cb (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  SteadyWindow *self = STEADY_WINDOW (user_data);
  g_autoptr(SteadySkillStore) store = new_skill_store (self);
  g_autoptr(GError) error = NULL;

  if (store != NULL && steady_skill_editor_open (GTK_WINDOW (self), store,
                                                 g_variant_get_string (parameter, NULL),
                                                 &error) == NULL)
    steady_window_add_toast (self, error->message);
}

/* The Keyboard Shortcuts window is built when asked for: GTK would load gtk/help-overlay.ui
 * with every main window, before its first frame. */
static void
show_shortcuts_activated_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/steadyapp/Steady/steady-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (user_data));
  gtk_window_present (shortcuts);
}

static const GActionEntry win_actions[] = {
  { "export-data", export_data_activated_cb },
  { "import-daylio", import_daylio_activated_cb },
  { "diary-card", diary_card_activated_cb, "i" },
  { "back-up", back_up_activated_cb },
  { "restore", restore_activated_cb },
  { "get-help", get_help_activated_cb },
  { "safety-plan", safety_plan_activated_cb },
  { "share-report", share_report_activated_cb },
  { "show-page", show_page_activated_cb, "s" },
  { "show-help-overlay", show_shortcuts_activated_cb },
  { "start-breathing", start_breathing_activated_cb },
  { "start-mindfulness", start_mindfulness_activated_cb },
  { "skill-exercise", skill_exercise_activated_cb, "s" },
  { "open-skill-record", open_skill_record_activated_cb, "s" },
  { "skills-changed", skills_changed_activated_cb },
};

static void
restore_size (SteadyWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* GTK keeps the default size in step with the window while it is not maximized, so it is
 * the size to come back to even when the window is closed maximized. */
static void
save_size (SteadyWindow *self)
{
  int width = 0;
  int height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static gboolean
steady_window_close_request (GtkWindow *window)
{
  save_size (STEADY_WINDOW (window));

  return GTK_WINDOW_CLASS (steady_window_parent_class)->close_request (window);
}

static void
steady_window_dispose (GObject *object)
{
  SteadyWindow *self = STEADY_WINDOW (object);

  if (self->help_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->help_dialog), (gpointer *)&self->help_dialog);
      gtk_window_destroy (g_steal_pointer (&self->help_dialog));
    }
  /* The plan window saves what is being typed when it closes. */
  if (self->safety_plan_window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->safety_plan_window),
                                    (gpointer *)&self->safety_plan_window);
      steady_safety_plan_window_flush (STEADY_SAFETY_PLAN_WINDOW (self->safety_plan_window));
      gtk_window_destroy (g_steal_pointer (&self->safety_plan_window));
    }
  g_clear_handle_id (&self->switcher_bar_idle_id, g_source_remove);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steady_window_parent_class)->dispose (object);
}

static void
steady_window_class_init (SteadyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steady_window_dispose;
  window_class->close_request = steady_window_close_request;

  g_type_ensure (STEADY_TYPE_CALENDAR_PAGE);
  g_type_ensure (STEADY_TYPE_PRACTICE_SECTION_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/steady-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, today_bin);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, calendar_bin);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, skills_bin);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, journal_bin);
}

static void
steady_window_init (SteadyWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);

  self->settings = g_settings_new (APPLICATION_ID);
  restore_size (self);

  g_signal_connect (self->switcher_title, "notify::title-visible",
                    G_CALLBACK (title_visible_changed_cb), self);
  sync_switcher_bar (self);

  /* The greeting is refreshed whenever the user comes back to the window or the page. */
  update_greeting (self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (greeting_context_changed_cb), self);
  g_signal_connect (self->stack, "notify::visible-child",
                    G_CALLBACK (greeting_context_changed_cb), self);
  g_signal_connect (self->stack, "notify::visible-child",
                    G_CALLBACK (visible_page_changed_cb), self);

  steady_first_frame_watch (GTK_WINDOW (self));
}
