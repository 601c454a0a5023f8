/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-help-dialog.c: "Get help now": the emergency number and crisis line for the user's
 * region, from the offline table, in words that stay readable on the worst night. */

#define G_LOG_DOMAIN "steady-help-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-crisis-lines.h"
#include "steady-help-dialog.h"

struct _SteadyHelpDialog
{
  AdwWindow     parent_instance;

  /* template widgets */
  GtkLabel     *emergency_how_label;
  GtkLabel     *emergency_number_label;
  GtkLabel     *line_name_label;
  GtkLabel     *line_call_how_label;
  GtkLabel     *line_call_label;
  GtkLabel     *line_text_how_label;
  GtkLabel     *line_text_label;
  GtkLabel     *line_url_how_label;
  GtkLabel     *line_url_label;
  AdwActionRow *region_row;
  GtkLabel     *verified_label;

  /* owned */
  GSettings    *settings;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SteadyHelpDialog, steady_help_dialog, ADW_TYPE_WINDOW)

GtkWidget *
steady_help_dialog_new (GtkWindow *parent,
                        GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (STEADY_TYPE_HELP_DIALOG,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "settings", settings,
                       NULL);
}

/* The crisis-region setting wins; when it is empty the region comes from the locale. */
const SteadyCrisisLine *
steady_help_dialog_lookup_line (GSettings *settings)
{
  g_autofree char *region = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  region = g_settings_get_string (settings, "crisis-region");
  if (region[0] == '\0')
    return steady_crisis_lines_lookup (steady_crisis_region_from_environment ());
  return steady_crisis_lines_lookup (region);
}

static void
show_label (GtkLabel   *label,
            const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

static char *
format_verified_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso_time = NULL;

  if (iso_date == NULL)
    return NULL;
  iso_time = g_strconcat (iso_date, "T00:00:00Z", NULL);
  date = g_date_time_new_from_iso8601 (iso_time, NULL);
  if (date == NULL)
    return NULL;
  /* Translators: the date the crisis numbers were last checked; see g_date_time_format(). */
  return g_date_time_format (date, _("%-d %B %Y"));
}

static void
show_emergency (SteadyHelpDialog       *self,
                const SteadyCrisisLine *line)
{
  if (line->emergency_number != NULL)
    {
      /* Translators: shown above the emergency number, e.g. 911 or 999. */
      gtk_label_set_label (self->emergency_how_label, _("Call emergency services"));
      show_label (self->emergency_number_label, line->emergency_number);
    }
  else
    {
      gtk_label_set_label (self->emergency_how_label,
                           _("Call your local emergency number, or go to the nearest "
                             "emergency department."));
      show_label (self->emergency_number_label, NULL);
    }
}

static void
show_crisis_line (SteadyHelpDialog       *self,
                  const SteadyCrisisLine *line)
{
  gboolean same_number = line->line_call != NULL && line->line_text != NULL &&
                         g_strcmp0 (line->line_call, line->line_text) == 0;

  show_label (self->line_name_label, line->line_name != NULL ? _(line->line_name) : NULL);

  if (same_number)
    {
      /* Translators: shown above one number that takes both calls and text messages. */
      show_label (self->line_call_how_label, _("Call or text"));
      show_label (self->line_call_label, line->line_call);
      show_label (self->line_text_label, NULL);
    }
  else
    {
      /* Translators: shown above a crisis line's phone number. */
      show_label (self->line_call_how_label, line->line_call != NULL ? _("Call") : NULL);
      show_label (self->line_call_label, line->line_call);
      show_label (self->line_text_label, line->line_text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->line_text_how_label),
                          gtk_widget_get_visible (GTK_WIDGET (self->line_text_label)));

  /* A web address is shown as text to copy: Steady never opens the network by itself. */
  show_label (self->line_url_label, line->line_url);
  gtk_widget_set_visible (GTK_WIDGET (self->line_url_how_label), line->line_url != NULL);
}

static void
show_region (SteadyHelpDialog       *self,
             const SteadyCrisisLine *line)
{
  g_autofree char *checked = format_verified_date (line->last_verified);
  g_autofree char *verified = NULL;

  adw_action_row_set_subtitle (self->region_row, _(line->name));

  if (checked != NULL)
    /* Translators: %s is a date such as "22 November 2026". */
    verified = g_strdup_printf (_("These numbers were last checked on %s."), checked);
  show_label (self->verified_label, verified);
}

static void
update_content (SteadyHelpDialog *self)
{
  const SteadyCrisisLine *line = steady_help_dialog_lookup_line (self->settings);

  show_emergency (self, line);
  show_crisis_line (self, line);
  show_region (self, line);
}

static void
crisis_region_changed_cb (GSettings  *settings,
                          const char *key,
                          gpointer    user_data)
{
  update_content (STEADY_HELP_DIALOG (user_data));
}

/* GTK gives the first focusable widget the focus when the window shows, and here that is
 * the emergency number, which a selectable label then shows all selected with a caret: it
 * reads as an alarm. Nothing has the focus at first instead; Tab reaches every number. */
static void
steady_help_dialog_show (GtkWidget *widget)
{
  GtkWidget *focus;

  GTK_WIDGET_CLASS (steady_help_dialog_parent_class)->show (widget);

  focus = gtk_root_get_focus (GTK_ROOT (widget));
  if (GTK_IS_LABEL (focus))
    {
      gtk_label_select_region (GTK_LABEL (focus), 0, 0);
      gtk_root_set_focus (GTK_ROOT (widget), NULL);
    }
}

static void
steady_help_dialog_constructed (GObject *object)
{
  SteadyHelpDialog *self = STEADY_HELP_DIALOG (object);

  G_OBJECT_CLASS (steady_help_dialog_parent_class)->constructed (object);

  g_assert (self->settings != NULL);
  /* The region can change while the dialog is open, from "Change Region". */
  g_signal_connect_object (self->settings, "changed::crisis-region",
                           G_CALLBACK (crisis_region_changed_cb), self, 0);
  update_content (self);
}

static void
steady_help_dialog_dispose (GObject *object)
{
  SteadyHelpDialog *self = STEADY_HELP_DIALOG (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steady_help_dialog_parent_class)->dispose (object);
}

static void
steady_help_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SteadyHelpDialog *self = STEADY_HELP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_help_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SteadyHelpDialog *self = STEADY_HELP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_help_dialog_class_init (SteadyHelpDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = steady_help_dialog_constructed;
  object_class->dispose = steady_help_dialog_dispose;
  object_class->get_property = steady_help_dialog_get_property;
  object_class->set_property = steady_help_dialog_set_property;
  widget_class->show = steady_help_dialog_show;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/safety/steady-help-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, emergency_how_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, emergency_number_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, line_name_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, line_call_how_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, line_call_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, line_text_how_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, line_text_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, line_url_how_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, line_url_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, verified_label);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steady_help_dialog_init (SteadyHelpDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
