/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-what-helps-view.c: "What helps me": the skills, exercises and practices after which
 * this person's distress eased most, from their own ratings, once there are enough of them. */

#define G_LOG_DOMAIN "steady-what-helps-view"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-skill-insights.h"
#include "steady-what-helps-view.h"

struct _SteadyWhatHelpsView
{
  GtkWidget            parent_instance;

  /* children */
  GtkStack            *stack;
  AdwPreferencesGroup *group;
  AdwStatusPage       *empty_page;

  /* unowned: the rows of the ranking, replaced on every reload */
  GPtrArray           *rows;

  /* owned */
  SteadyDatabase      *database;
};

G_DEFINE_FINAL_TYPE (SteadyWhatHelpsView, steady_what_helps_view, GTK_TYPE_WIDGET)

/* How much distress eased, in plain words, without scores: a fall of about one point or more
 * is worth saying; below that, "about the same". */
static char *
describe_change (const SteadyHelpItem *item)
{
  g_autofree char *uses = NULL;

  uses = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "from %u time you rated it",
                                       "from the %u times you rated it", item->n_uses),
                          item->n_uses);
  if (item->mean_change >= 0.95)
    /* Translators: %.1f is how many points (0–10) distress fell on average; %s
     * says how many uses that comes from, e.g. "from the 4 times you rated it". */
    return g_strdup_printf (_("Your distress eased by %.1f points on average, %s"),
                            item->mean_change, uses);
  if (item->mean_change > -0.95)
    /* Translators: %s says how many uses, e.g. "from the 4 times you rated it". */
    return g_strdup_printf (_("Your distress stayed about the same, %s"), uses);
  /* Translators: %s says how many uses, e.g. "from the 4 times you rated it". */
  return g_strdup_printf (_("Your distress was higher afterwards on average, %s. That "
                            "happens; it may be worth talking over with your therapist."), uses);
}

static void
clear_rows (SteadyWhatHelpsView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (SteadyWhatHelpsView *self,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (self->group, row);
  g_ptr_array_add (self->rows, row);
}

/* Reads the ranking again (after every save, and when the view is shown). */
void
steady_what_helps_view_reload (SteadyWhatHelpsView *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (STEADY_IS_WHAT_HELPS_VIEW (self));

  clear_rows (self);
  items = steady_skill_insights_what_helps (self->database, STEADY_SKILL_INSIGHTS_MIN_USES,
                                            &error);
  if (items == NULL)
    {
      add_row (self, _("What helps you could not be read"), error->message);
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  for (guint i = 0; i < items->len; i++)
    {
      const SteadyHelpItem *item = g_ptr_array_index (items, i);
      g_autofree char *subtitle = describe_change (item);

      add_row (self, item->label, subtitle);
    }
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
}

gboolean
steady_what_helps_view_is_empty (SteadyWhatHelpsView *self)
{
  g_return_val_if_fail (STEADY_IS_WHAT_HELPS_VIEW (self), TRUE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}

GtkWidget *
steady_what_helps_view_new (SteadyDatabase *database)
{
  SteadyWhatHelpsView *self;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), NULL);

  self = g_object_new (STEADY_TYPE_WHAT_HELPS_VIEW, NULL);
  self->database = g_object_ref (database);
  return GTK_WIDGET (self);
}

static void
steady_what_helps_view_dispose (GObject *object)
{
  SteadyWhatHelpsView *self = STEADY_WHAT_HELPS_VIEW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (steady_what_helps_view_parent_class)->dispose (object);
}

static void
steady_what_helps_view_class_init (SteadyWhatHelpsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_what_helps_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "whathelpsview");
}

static void
steady_what_helps_view_init (SteadyWhatHelpsView *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  g_autofree char *why = NULL;

  self->rows = g_ptr_array_new ();

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_description (self->group,
                                         _("From your own ratings of how distressed you were "
                                           "before and after. What eased it most comes "
                                           "first."));
  gtk_widget_set_margin_start (GTK_WIDGET (self->group), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->group), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->group), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->group), 24);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->group));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "emblem-favorite-symbolic");
  adw_status_page_set_title (self->empty_page, _("Not enough to go on yet"));
  why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "When you rate how distressed you feel before and after a "
                                      "skill, an exercise or a practice, at least %d time for "
                                      "each, you will see here which ones seem to help you "
                                      "most. There is no hurry.",
                                      "When you rate how distressed you feel before and after a "
                                      "skill, an exercise or a practice, at least %d times for "
                                      "each, you will see here which ones seem to help you "
                                      "most. There is no hurry.",
                                      STEADY_SKILL_INSIGHTS_MIN_USES),
                         STEADY_SKILL_INSIGHTS_MIN_USES);
  adw_status_page_set_description (self->empty_page, why);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
}
