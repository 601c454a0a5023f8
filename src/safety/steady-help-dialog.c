/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-help-dialog.c: "Get help now": the emergency number and crisis line for the user's
 * region, from the offline table, then the user's own safety plan and IOP team, in words that
 * stay readable on the worst night. It needs no network and no data to show the numbers. */

#define G_LOG_DOMAIN "steady-help-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-crisis-lines.h"
#include "steady-help-dialog.h"
#include "steady-safety-plan-store.h"

struct _SteadyHelpDialog
{
  AdwWindow     parent_instance;

  /* template widgets */
  GtkLabel     *emergency_how_label;
  GtkLabel     *emergency_number_label;
  GtkLabel     *line_name_label;
  GtkLabel     *line_details_label;
  GtkLabel     *line_call_how_label;
  GtkLabel     *line_call_label;
  GtkLabel     *line_text_how_label;
  GtkLabel     *line_text_label;
  GtkLabel     *line_url_how_label;
  GtkLabel     *line_url_label;
  AdwActionRow *region_row;
  GtkLabel     *verified_label;
  GtkBox       *plan_box;
  GtkLabel     *plan_empty_label;
  GtkButton    *plan_button;
  GtkBox       *team_box;
  GtkLabel     *team_empty_label;

  /* owned */
  GSettings             *settings;
  SteadySafetyPlanStore *store;  /* NULL: no plan to show (the database could not open) */
};

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SteadyHelpDialog, steady_help_dialog, ADW_TYPE_WINDOW)

/* @store may be NULL when there is no database: the numbers are shown all the same. */
GtkWidget *
steady_help_dialog_new (GtkWindow             *parent,
                        GSettings             *settings,
                        SteadySafetyPlanStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (store == NULL || STEADY_IS_SAFETY_PLAN_STORE (store), NULL);

  return g_object_new (STEADY_TYPE_HELP_DIALOG,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "settings", settings,
                       "store", store,
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
  show_label (self->line_details_label,
              line->line_details != NULL ? _(line->line_details) : NULL);

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

  /* A web address is shown as text to copy: Steady never opens the network by itself. It is
   * large only where there is no number to call instead. */
  show_label (self->line_url_label, line->line_url);
  if (line->line_call != NULL)
    {
      /* Translators: shown above a crisis line's web address. */
      show_label (self->line_url_how_label, line->line_url != NULL ? _("Online") : NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self->line_url_label), "title-3");
    }
  else
    {
      show_label (self->line_url_how_label,
                  line->line_url != NULL ? _("Look up a crisis line in your country at this "
                                             "address:") : NULL);
      gtk_widget_add_css_class (GTK_WIDGET (self->line_url_label), "title-3");
    }
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
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
new_wrapped_label (const char *text,
                   const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* One item: the words, and under them the phone number, large and selectable. */
static GtkWidget *
new_item_widget (SteadySafetyItem *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  const char *phone = steady_safety_item_get_phone (item);
  GtkWidget *text;

  g_autofree char *bulleted = NULL;

  /* Translators: a bullet before each item of the safety plan shown in "Get help now". */
  bulleted = g_strdup_printf (_("• %s"), steady_safety_item_get_text (item));
  text = new_wrapped_label (bulleted, NULL);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_box_append (GTK_BOX (box), text);
  if (phone != NULL)
    {
      GtkWidget *number = new_wrapped_label (phone, "title-2");

      gtk_label_set_selectable (GTK_LABEL (number), TRUE);
      gtk_widget_add_css_class (number, "help-number");
      gtk_widget_set_margin_start (number, 14);
      gtk_box_append (GTK_BOX (box), number);
    }
  return box;
}

/* Appends one section of the plan to @box, if it has items. Returns whether it had any. */
static gboolean
append_section (GtkBox              *box,
                GPtrArray           *items,
                SteadySafetySection  section,
                gboolean             with_heading)
{
  GtkWidget *group = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      SteadySafetyItem *item = g_ptr_array_index (items, i);

      if (steady_safety_item_get_section (item) != section)
        continue;
      if (group == NULL)
        {
          group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
          if (with_heading)
            gtk_box_append (GTK_BOX (group),
                            new_wrapped_label (steady_safety_section_get_title (section),
                                               "heading"));
          gtk_box_append (box, group);
        }
      gtk_box_append (GTK_BOX (group), new_item_widget (item));
    }
  return group != NULL;
}

/* The parts of the plan that help most in the moment: what to notice, what to do alone,
 * whom to call. The rest is one click away in the plan itself. */
static void
update_plan (SteadyHelpDialog *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gboolean any_shown = FALSE;
  gboolean any_team = FALSE;

  remove_children (self->plan_box);
  remove_children (self->team_box);

  if (self->store != NULL)
    items = steady_safety_plan_store_list_all (self->store, &error);
  if (items == NULL)
    {
      /* The numbers above matter more than saying why the plan cannot be read here. */
      if (error != NULL)
        gtk_box_append (self->plan_box, new_wrapped_label (error->message, NULL));
      gtk_widget_set_visible (GTK_WIDGET (self->plan_empty_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->plan_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->team_empty_label), TRUE);
      return;
    }

  any_shown |= append_section (self->plan_box, items, STEADY_SAFETY_SECTION_WARNING_SIGNS, TRUE);
  any_shown |= append_section (self->plan_box, items, STEADY_SAFETY_SECTION_COPING, TRUE);
  any_shown |= append_section (self->plan_box, items, STEADY_SAFETY_SECTION_PEOPLE, TRUE);
  any_team = append_section (self->team_box, items, STEADY_SAFETY_SECTION_PROFESSIONALS, FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->plan_box), any_shown);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_empty_label), items->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_button), TRUE);
  gtk_button_set_label (self->plan_button,
                        items->len == 0 ? _("Make My Safety Plan") : _("Open My Safety Plan"));
  gtk_widget_set_visible (GTK_WIDGET (self->team_box), any_team);
  gtk_widget_set_visible (GTK_WIDGET (self->team_empty_label), !any_team);
}

static void
plan_changed_cb (SteadySafetyPlanStore *store,
                 guint                  section,
                 SteadyHelpDialog      *self)
{
  update_plan (self);
}

/* The plan window belongs to the main window, which this dialog is transient for. The dialog
 * closes first: it is modal, and the plan window shows the numbers at its top too. */
static void
open_plan_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent == NULL)
    return;
  g_object_ref (parent);
  gtk_window_close (GTK_WINDOW (widget));
  gtk_widget_activate_action (GTK_WIDGET (parent), "win.safety-plan", NULL);
  g_object_unref (parent);
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

  if (self->store != NULL)
    {
      g_signal_connect_object (self->store, "changed", G_CALLBACK (plan_changed_cb), self, 0);
      g_signal_connect_object (self->store, "reloaded", G_CALLBACK (update_plan), self,
                               G_CONNECT_SWAPPED);
    }
  update_plan (self);
}

static void
steady_help_dialog_dispose (GObject *object)
{
  SteadyHelpDialog *self = STEADY_HELP_DIALOG (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);

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

    case PROP_STORE:
      g_value_set_object (value, self->store);
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

    case PROP_STORE:
      self->store = g_value_dup_object (value);
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
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         STEADY_TYPE_SAFETY_PLAN_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/safety/steady-help-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, emergency_how_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, emergency_number_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, line_name_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, line_details_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, line_call_how_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, line_call_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, line_text_how_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, line_text_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, line_url_how_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, line_url_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, verified_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, plan_box);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, plan_empty_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, plan_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, team_box);
  gtk_widget_class_bind_template_child (widget_class, SteadyHelpDialog, team_empty_label);

  gtk_widget_class_install_action (widget_class, "help.open-plan", NULL, open_plan_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steady_help_dialog_init (SteadyHelpDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
