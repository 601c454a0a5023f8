/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-ui-test-util.h: waiting, widgets, screenshots and start-up shared by the UI tests. */

#pragma once

#include "steady-application.h"

G_BEGIN_DECLS

/* Waiting -------------------------------------------------------------------------------- */

typedef gboolean (*Condition) (gpointer data);

void        wait_until              (Condition   condition,
                                     gpointer    data);
void        drain_events            (void);
gboolean    flag_is_set             (gpointer    data);
void        wait_for_frame          (GtkWidget  *widget);

/* Days ---------------------------------------------------------------------------------- */

int         local_offset            (void);
int         today                   (void);

/* Screenshots ---------------------------------------------------------------------------- */

char       *screenshot_path         (const char *name);
void        save_screenshot         (GtkWidget  *widget,
                                     const char *name);

/* Finding widgets ------------------------------------------------------------------------ */

gboolean    has_visible_label       (GtkWidget  *widget,
                                     const char *text);
void        collect                 (GtkWidget  *widget,
                                     GType       type,
                                     GPtrArray  *found);
GtkWidget  *find_first              (GtkWidget  *widget,
                                     GType       type);
GtkWidget  *find_button_with_label  (GtkWidget  *widget,
                                     const char *label);
GtkWidget  *find_button_with_action (GtkWidget  *widget,
                                     const char *action_name);
GtkWindow  *find_toplevel           (GType       type);
GtkWindow  *find_visible_toplevel   (GType       type);
GtkWindow  *wait_for_toplevel       (GType       type);
void        wait_until_gone         (GType       type);
void        click                   (GtkWidget  *button);
void        resize_window           (GtkWindow  *window,
                                     int         width,
                                     int         height);
gboolean    press_key               (GtkWidget       *window,
                                     guint            keyval,
                                     GdkModifierType  modifiers);
char       *key_action_name         (GtkWidget       *widget,
                                     guint            keyval,
                                     GdkModifierType  modifiers);
GtkShortcutScope key_scope          (GtkWidget       *widget,
                                     guint            keyval,
                                     GdkModifierType  modifiers);

/* The application ------------------------------------------------------------------------ */

GSettings  *reset_settings          (const char *crisis_region);
void        set_color_scheme        (GSettings  *settings,
                                     const char *scheme);
SteadyApplication *start_application (void);
void        stop_application        (SteadyApplication *app);

/* Running -------------------------------------------------------------------------------- */

typedef struct
{
  const char *path;
  GTestFunc   func;
} UiTest;

void        keep_system_data_dirs   (void);
void        run_in_subprocess       (gconstpointer data);

G_END_DECLS
