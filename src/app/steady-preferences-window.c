/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-preferences-window.c: the crisis-help region, the safety plan review reminder and
 * the colour scheme, each bound live to its GSettings key, so a change shows everywhere at
 * once. */

#define G_LOG_DOMAIN "steady-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-crisis-lines.h"
#include "steady-preferences-window.h"
#include "steady-safety-review.h"

struct _SteadyPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  AdwComboRow          *region_row;
  AdwComboRow          *review_row;
  GtkSwitch            *discreet_switch;
  GtkSwitch            *background_switch;

  /* owned */
  GSettings            *settings;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SteadyPreferencesWindow, steady_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

GtkWidget *
steady_preferences_window_new (GtkWindow *parent,
                               GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (STEADY_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       NULL);
}

/* The combo row lists "Automatic" first, then every entry of the crisis-line table in its
 * order; these two functions translate between that position and the crisis-region key. */
static gboolean
region_to_position (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *region = g_variant_get_string (variant, NULL);
  const SteadyCrisisLine *lines;
  const SteadyCrisisLine *line;
  guint n_lines = 0;

  if (region[0] == '\0')
    {
      g_value_set_uint (value, 0);
      return TRUE;
    }

  lines = steady_crisis_lines_get_all (&n_lines);
  line = steady_crisis_lines_lookup (region);
  g_value_set_uint (value, 1 + (guint)(line - lines));
  return TRUE;
}

static GVariant *
position_to_region (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  guint position = g_value_get_uint (value);
  const SteadyCrisisLine *lines;
  guint n_lines = 0;

  lines = steady_crisis_lines_get_all (&n_lines);
  if (position == 0 || position > n_lines)
    return g_variant_new_string ("");
  return g_variant_new_string (lines[position - 1].region);
}

/* The review row's choices, in its order: never, then every 2, 4 or 8 weeks. */
static const int review_weeks[] = { 0, 2, 4, 8 };

/* A number of weeks set elsewhere (by hand, say) shows as the nearest choice not below it. */
static gboolean
weeks_to_position (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  int weeks = g_variant_get_int32 (variant);
  guint position = G_N_ELEMENTS (review_weeks) - 1;

  for (guint i = 0; i < G_N_ELEMENTS (review_weeks); i++)
    {
      if (weeks <= review_weeks[i])
        {
          position = i;
          break;
        }
    }
  g_value_set_uint (value, position);
  return TRUE;
}

static GVariant *
position_to_weeks (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  return g_variant_new_int32 (position < G_N_ELEMENTS (review_weeks) ? review_weeks[position] : 0);
}

static GListModel *
create_region_model (void)
{
  const char *automatic = steady_crisis_region_from_environment ();
  const SteadyCrisisLine *lines;
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autofree char *automatic_label = NULL;
  guint n_lines = 0;

  /* Translators: the first choice of region; %s is the region read from the language
   * settings, e.g. "Automatic (Canada)". */
  automatic_label = g_strdup_printf (_("Automatic (%s)"),
                                     _(steady_crisis_lines_lookup (automatic)->name));
  gtk_string_list_append (model, automatic_label);

  lines = steady_crisis_lines_get_all (&n_lines);
  for (guint i = 0; i < n_lines; i++)
    gtk_string_list_append (model, _(lines[i].name));

  return G_LIST_MODEL (g_steal_pointer (&model));
}

static void
steady_preferences_window_constructed (GObject *object)
{
  SteadyPreferencesWindow *self = STEADY_PREFERENCES_WINDOW (object);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GAction) color_scheme = NULL;
  g_autoptr(GListModel) regions = create_region_model ();

  G_OBJECT_CLASS (steady_preferences_window_parent_class)->constructed (object);

  g_assert (self->settings != NULL);

  adw_combo_row_set_model (self->region_row, regions);
  g_settings_bind_with_mapping (self->settings, "crisis-region",
                                self->region_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                region_to_position, position_to_region, NULL, NULL);

  g_settings_bind_with_mapping (self->settings, STEADY_SAFETY_REVIEW_SETTINGS_KEY,
                                self->review_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                weeks_to_position, position_to_weeks, NULL, NULL);

  /* The application turns the autostart entry on or off when the key changes. */
  g_settings_bind (self->settings, "discreet-notifications", self->discreet_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "background-reminders", self->background_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  /* The three style rows are radio buttons on one stateful action made from the key. */
  color_scheme = g_settings_create_action (self->settings, "color-scheme");
  g_action_map_add_action (G_ACTION_MAP (group), color_scheme);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "settings", G_ACTION_GROUP (group));
}

static void
steady_preferences_window_dispose (GObject *object)
{
  SteadyPreferencesWindow *self = STEADY_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steady_preferences_window_parent_class)->dispose (object);
}

static void
steady_preferences_window_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  SteadyPreferencesWindow *self = STEADY_PREFERENCES_WINDOW (object);

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
steady_preferences_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  SteadyPreferencesWindow *self = STEADY_PREFERENCES_WINDOW (object);

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
steady_preferences_window_class_init (SteadyPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = steady_preferences_window_constructed;
  object_class->dispose = steady_preferences_window_dispose;
  object_class->get_property = steady_preferences_window_get_property;
  object_class->set_property = steady_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/steady-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyPreferencesWindow, region_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyPreferencesWindow, review_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyPreferencesWindow, discreet_switch);
  gtk_widget_class_bind_template_child (widget_class, SteadyPreferencesWindow, background_switch);
  /* Not kept in the instance: named so that tests can find it. */
  gtk_widget_class_bind_template_child_full (widget_class, "dark_check", FALSE, 0);
}

static void
steady_preferences_window_init (SteadyPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
