/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-window.c: the main window: header bar, the four pages, "Get help now". */

#define G_LOG_DOMAIN "steady-window"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-first-frame.h"
#include "steady-window.h"

struct _SteadyWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
};

G_DEFINE_FINAL_TYPE (SteadyWindow, steady_window, ADW_TYPE_APPLICATION_WINDOW)

SteadyWindow *
steady_window_new (SteadyApplication *application)
{
  g_return_val_if_fail (STEADY_IS_APPLICATION (application), NULL);

  return g_object_new (STEADY_TYPE_WINDOW, "application", application, NULL);
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
steady_window_set_page (SteadyWindow *self,
                        const char   *page_name)
{
  g_return_if_fail (STEADY_IS_WINDOW (self));
  g_return_if_fail (page_name != NULL);

  adw_view_stack_set_visible_child_name (self->stack, page_name);
}

const char *
steady_window_get_page (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

static void
steady_window_class_init (SteadyWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/steady-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, stack);
}

static void
steady_window_init (SteadyWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  steady_first_frame_watch (GTK_WINDOW (self));
}
