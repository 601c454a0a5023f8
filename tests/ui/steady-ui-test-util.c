/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-ui-test-util.c: the helpers that every UI test program in tests/ui/ shares. */

#define G_LOG_DOMAIN "steady-ui-test-util"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "steady-journal-common.h"
#include "steady-ui-test-util.h"

/* Text views grow to their wrapped lines over a few frames (see steady-safety-item-row.c),
 * and the view switcher settles in the frames after a resize, so a screenshot waits this
 * many frames first. */
#define SCREENSHOT_FRAMES 4

/* Waiting -------------------------------------------------------------------------------- */

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds. A periodic wake-up makes sure the condition is
 * checked again even when nothing else happens; meson's test timeout ends a real hang. */
void
wait_until (Condition condition,
            gpointer  data)
{
  guint tick = g_timeout_add (10, tick_cb, NULL);

  while (!condition (data))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

void
drain_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *)data;
}

/* Waits for the next frame that @widget's window paints, so what follows sees the result of
 * every change made before (layout, style, page). */
void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  wait_until (widget_is_mapped, widget);
  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  wait_until (flag_is_set, &painted);
  g_signal_handler_disconnect (clock, handler);
}

/* Days ---------------------------------------------------------------------------------- */

/* The UTC offset here and now, in seconds, as the app records it. */
int
local_offset (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return (int)(g_date_time_get_utc_offset (now) / G_USEC_PER_SEC);
}

/* Today as a local day number (steady_journal_day_from_time ()), as diary cards count days. */
int
today (void)
{
  return steady_journal_day_from_time (g_get_real_time (), local_offset ());
}

/* Screenshots ---------------------------------------------------------------------------- */

/* $STEADY_SCREENSHOT_DIR/@name.png; the folder is made if need be. */
char *
screenshot_path (const char *name)
{
  const char *dir = g_getenv ("STEADY_SCREENSHOT_DIR");
  g_autofree char *file_name = g_strconcat (name, ".png", NULL);

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return g_build_filename (dir, file_name, NULL);
}

void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = screenshot_path (name);
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width;
  int height;

  for (int i = 0; i < SCREENSHOT_FRAMES; i++)
    wait_for_frame (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot %s.png (%d×%d)", name, width, height);
}

/* Finding widgets ------------------------------------------------------------------------ */

/* Whether a label that the user can see right now contains @text. */
gboolean
has_visible_label (GtkWidget  *widget,
                   const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (has_visible_label (child, text))
        return TRUE;
    }
  return FALSE;
}

/* Every descendant of @widget of @type (@widget included), parents first. */
void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

GtkWidget *
find_first (GtkWidget *widget,
            GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (widget, type, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

typedef const char *(*ButtonText) (GtkWidget *button);

static const char *
button_label (GtkWidget *button)
{
  return gtk_button_get_label (GTK_BUTTON (button));
}

static const char *
button_action (GtkWidget *button)
{
  return gtk_actionable_get_action_name (GTK_ACTIONABLE (button));
}

/* The first button under @widget whose @text_of is @text. */
static GtkWidget *
find_button (GtkWidget  *widget,
             ButtonText  text_of,
             const char *text)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (widget, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      if (g_strcmp0 (text_of (g_ptr_array_index (buttons, i)), text) == 0)
        return g_ptr_array_index (buttons, i);
    }
  return NULL;
}

/* The first button under @widget, parents first, whose label is @label, or %NULL. */
GtkWidget *
find_button_with_label (GtkWidget  *widget,
                        const char *label)
{
  return find_button (widget, button_label, label);
}

/* The first button under @widget that activates @action_name, e.g. "win.share-report". */
GtkWidget *
find_button_with_action (GtkWidget  *widget,
                         const char *action_name)
{
  return find_button (widget, button_action, action_name);
}

/* The shortcut that @keyval with @modifiers triggers among @widget's own shortcut
 * controllers, as GTK looks it up on a key press, and the scope of its controller; a key no
 * controller there knows fails the test. */
static GtkShortcut *
find_shortcut (GtkWidget        *widget,
               guint             keyval,
               GdkModifierType   modifiers,
               GtkShortcutScope *out_scope)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          GtkShortcut *shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            {
              GtkShortcutController *found = GTK_SHORTCUT_CONTROLLER (controller);

              if (out_scope != NULL)
                *out_scope = gtk_shortcut_controller_get_scope (found);
              return shortcut;
            }
          g_object_unref (shortcut);
        }
    }
  g_error ("No shortcut for key %s with modifiers %x", gdk_keyval_name (keyval), modifiers);
  return NULL;
}

/* Presses @keyval with @modifiers on @window (a window or a widget in it) by the shortcut that
 * the key triggers. GTK 4.8 cannot put a key event into a window from inside the process, so
 * the test runs what find_shortcut () finds. Returns whether the key did something (a
 * disabled action does nothing). */
gboolean
press_key (GtkWidget       *window,
           guint            keyval,
           GdkModifierType  modifiers)
{
  g_autoptr(GtkShortcut) shortcut = find_shortcut (window, keyval, modifiers, NULL);
  gboolean done = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, window,
                                                gtk_shortcut_get_arguments (shortcut));

  drain_events ();
  return done;
}

/* The action the key's shortcut on @widget names ("plan.print"), without running it: for
 * keys that open what a test cannot answer, like the print dialog. Fails on a key that runs
 * something else than a named action. */
char *
key_action_name (GtkWidget       *widget,
                 guint            keyval,
                 GdkModifierType  modifiers)
{
  g_autoptr(GtkShortcut) shortcut = find_shortcut (widget, keyval, modifiers, NULL);
  GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

  g_assert_true (GTK_IS_NAMED_ACTION (action));
  return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
}

/* Whether the key's shortcut on @widget is heard only while the focus is inside @widget
 * (%GTK_SHORTCUT_SCOPE_LOCAL) or anywhere in its window (%GTK_SHORTCUT_SCOPE_GLOBAL). */
GtkShortcutScope
key_scope (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  modifiers)
{
  GtkShortcutScope scope = GTK_SHORTCUT_SCOPE_LOCAL;
  g_autoptr(GtkShortcut) shortcut = find_shortcut (widget, keyval, modifiers, &scope);

  return scope;
}

static gboolean
is_gone (gpointer data)
{
  return find_visible_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

/* Waits until no window of @type is shown. */
void
wait_until_gone (GType type)
{
  wait_until (is_gone, GSIZE_TO_POINTER (type));
}

static GtkWindow *
find_toplevel_full (GType    type,
                    gboolean visible_only)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type)
          && (!visible_only || gtk_widget_get_visible (GTK_WIDGET (window))))
        return window;
    }
  return NULL;
}

/* The first toplevel of @type, among all of them, hidden ones included (some dialogs have no
 * application). */
GtkWindow *
find_toplevel (GType type)
{
  return find_toplevel_full (type, FALSE);
}

/* The first visible toplevel of @type. */
GtkWindow *
find_visible_toplevel (GType type)
{
  return find_toplevel_full (type, TRUE);
}

typedef struct
{
  GType      type;
  GtkWindow *found;
} ToplevelWait;

static gboolean
toplevel_is_shown (gpointer data)
{
  ToplevelWait *wait = data;

  wait->found = find_visible_toplevel (wait->type);
  return wait->found != NULL && gtk_widget_get_mapped (GTK_WIDGET (wait->found));
}

/* Waits until a toplevel of @type is on screen and has painted a frame. */
GtkWindow *
wait_for_toplevel (GType type)
{
  ToplevelWait wait = { type, NULL };

  wait_until (toplevel_is_shown, &wait);
  wait_for_frame (GTK_WIDGET (wait.found));
  return wait.found;
}

/* Clicks @button as a user does, at once (gtk_widget_activate() waits for the button to look
 * pressed); a user can click only a button that is sensitive, its parents included. */
void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Gives @window a new default size and waits two frames: the view switcher decides in its
 * allocation whether it fits, and what depends on it follows in the next frame. */
void
resize_window (GtkWindow *window,
               int        width,
               int        height)
{
  gtk_window_set_default_size (window, width, height);
  wait_for_frame (GTK_WIDGET (window));
  wait_for_frame (GTK_WIDGET (window));
}

/* The application ------------------------------------------------------------------------ */

/* The settings a test starts from: the schema's defaults (the memory backend is new in each
 * test's process), but light, since the system style under Xvfb is not the user's, and in
 * @crisis_region unless that is %NULL. */
GSettings *
reset_settings (const char *crisis_region)
{
  GSettings *settings = g_settings_new (APPLICATION_ID);

  g_settings_set_string (settings, "color-scheme", "light");
  if (crisis_region != NULL)
    g_settings_set_string (settings, "crisis-region", crisis_region);
  return settings;
}

void
set_color_scheme (GSettings  *settings,
                  const char *scheme)
{
  g_settings_set_string (settings, "color-scheme", scheme);
  g_assert_cmpint (adw_style_manager_get_dark (adw_style_manager_get_default ()), ==,
                   g_str_equal (scheme, "dark"));
}

/* Registers and activates a new Steady with animations off. */
SteadyApplication *
start_application (void)
{
  g_autoptr(GError) error = NULL;
  SteadyApplication *app = steady_application_new ();

  /* Another test may run the real steady on the same session bus. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  /* Screenshots of a revealer half open help nobody. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_application_activate (G_APPLICATION (app));
  return app;
}

/* Closes every window. Each test runs in a process of its own (see run_in_subprocess()), so
 * the application itself simply goes with it. */
void
stop_application (SteadyApplication *app)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  drain_events ();
  g_object_unref (app);
}

/* Running -------------------------------------------------------------------------------- */

/* Each test gets temporary XDG folders, XDG_DATA_DIRS included. The icon theme and the MIME
 * database (which gdk-pixbuf needs to recognise an SVG icon) keep the system's folders, so
 * the screenshots show the real icons. Calls gtk_init(). */
void
keep_system_data_dirs (void)
{
  g_auto(GStrv) system_dirs = NULL;
  g_autoptr(GPtrArray) mime_dirs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) icon_dirs = g_ptr_array_new_with_free_func (g_free);
  GtkIconTheme *theme;

  /* A test's subprocess inherits the isolated XDG_DATA_DIRS of its parent, so the
   * system's folders are passed down under a name of their own. */
  if (g_getenv ("STEADY_TEST_SYSTEM_DATA_DIRS") == NULL)
    {
      g_autofree char *joined = g_strjoinv (":", (char **)g_get_system_data_dirs ());

      g_setenv ("STEADY_TEST_SYSTEM_DATA_DIRS", joined, TRUE);
    }
  system_dirs = g_strsplit (g_getenv ("STEADY_TEST_SYSTEM_DATA_DIRS"), ":", -1);

  for (guint i = 0; system_dirs[i] != NULL; i++)
    {
      g_ptr_array_add (mime_dirs, g_build_filename (system_dirs[i], "mime", NULL));
      g_ptr_array_add (icon_dirs, g_build_filename (system_dirs[i], "icons", NULL));
    }
  g_ptr_array_add (mime_dirs, NULL);
  g_ptr_array_add (icon_dirs, NULL);
  /* The app's own icon, as the installed build would find it. */
  if (g_getenv ("STEADY_SOURCE_ROOT") != NULL)
    g_ptr_array_insert (icon_dirs, 0,
                        g_build_filename (g_getenv ("STEADY_SOURCE_ROOT"), "icons", NULL));

  g_content_type_set_mime_dirs ((const char * const *)mime_dirs->pdata);
  gtk_init ();
  theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  /* GTK 4.8 starts reading the theme in a worker thread as soon as it is made, and
   * gtk_icon_theme_set_search_path() frees the old path without the theme's lock: changed
   * while that thread reads it, the thread crashed once in CI. Looking an icon up first
   * takes the lock, so it waits for the thread's read (or does it itself); the lookup after
   * reads the new path at once. */
  gtk_icon_theme_has_icon (theme, "image-missing");
  gtk_icon_theme_set_search_path (theme, (const char * const *)icon_dirs->pdata);
  gtk_icon_theme_has_icon (theme, "image-missing");
}

/* Runs the UiTest @data in a fresh process, as a user starts Steady: a GApplication cannot
 * be started twice, and one registered on the session bus stays there for good. */
void
run_in_subprocess (gconstpointer data)
{
  const UiTest *test = data;

  if (g_test_subprocess ())
    {
      test->func ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}
