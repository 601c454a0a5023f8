/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-safety-plan-window.c: "My Safety Plan": the seven sections edited in place and
 * saved as they are typed, the crisis numbers on top, printing, and reviews. There is no
 * Save button: every item saves itself, and the window saves what is left when it closes. */

#define G_LOG_DOMAIN "steady-safety-plan-window"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-calendar-page.h"
#include "steady-help-dialog.h"
#include "steady-safety-plan-printout.h"
#include "steady-pdf-save-dialog.h"
#include "steady-safety-plan-window.h"
#include "steady-safety-review.h"
#include "steady-safety-section-view.h"

#define UNDO_TITLE_CHARS 32

struct _SteadySafetyPlanWindow
{
  AdwWindow              parent_instance;

  /* template widgets */
  AdwToastOverlay       *toast_overlay;
  GtkBox                *sections_box;
  GtkLabel              *crisis_label;
  AdwPreferencesGroup   *review_group;
  AdwActionRow          *review_row;

  /* owned */
  SteadySafetyPlanStore *store;
  GSettings             *settings;
  GtkFileChooserNative  *file_chooser;

  /* the seven section views, in order; children of sections_box */
  GtkWidget             *sections[STEADY_SAFETY_N_SECTIONS];

  gboolean               wallet;
  gboolean               close_despite_error;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_WALLET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SteadySafetyPlanWindow, steady_safety_plan_window, ADW_TYPE_WINDOW)

GtkWidget *
steady_safety_plan_window_new (GtkWindow             *parent,
                               SteadySafetyPlanStore *store,
                               GSettings             *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEADY_IS_SAFETY_PLAN_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (STEADY_TYPE_SAFETY_PLAN_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "store", store,
                       "settings", settings,
                       NULL);
}

/* The view of one section, for tests and for "Get help now" to point into. */
GtkWidget *
steady_safety_plan_window_get_section (SteadySafetyPlanWindow *self,
                                       SteadySafetySection     section)
{
  g_return_val_if_fail (STEADY_IS_SAFETY_PLAN_WINDOW (self), NULL);
  g_return_val_if_fail (section < STEADY_SAFETY_N_SECTIONS, NULL);

  return self->sections[section];
}

/* Saves whatever is still being typed. FALSE if something could not be saved (the user was
 * told why, and the words are still on screen). */
gboolean
steady_safety_plan_window_flush (SteadySafetyPlanWindow *self)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (STEADY_IS_SAFETY_PLAN_WINDOW (self), FALSE);

  for (guint i = 0; i < STEADY_SAFETY_N_SECTIONS; i++)
    ok &= steady_safety_section_view_flush (STEADY_SAFETY_SECTION_VIEW (self->sections[i]));
  return ok;
}

static void update_review (SteadySafetyPlanWindow *self);
static void show_error (SteadySafetyPlanWindow *self,
                        const char             *message);

/* Reads the plan again after a restore or an import changed it in the file. What is being
 * typed is saved first and stays on screen, the cursor where it was; a section whose words
 * could not be saved keeps them as they are (the reason is shown). */
void
steady_safety_plan_window_reload (SteadySafetyPlanWindow *self)
{
  g_return_if_fail (STEADY_IS_SAFETY_PLAN_WINDOW (self));

  for (guint i = 0; i < STEADY_SAFETY_N_SECTIONS; i++)
    {
      SteadySafetySectionView *view = STEADY_SAFETY_SECTION_VIEW (self->sections[i]);
      g_autoptr(GError) error = NULL;

      if (steady_safety_section_view_flush (view) &&
          !steady_safety_section_view_reload (view, &error))
        show_error (self, error->message);
    }
  update_review (self);
}

/* Toast titles are markup in libadwaita 1.2; messages may hold file names and the user's
 * words, so they are escaped. */
static AdwToast *
new_plain_toast (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

static void
show_error (SteadySafetyPlanWindow *self,
            const char             *message)
{
  AdwToast *toast = new_plain_toast (message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_toast (SteadySafetyPlanWindow *self,
            const char             *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, new_plain_toast (title));
}

/* Crisis numbers -------------------------------------------------------------------------- */

static void
update_crisis (SteadySafetyPlanWindow *self)
{
  const SteadyCrisisLine *line = steady_help_dialog_lookup_line (self->settings);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *danger = NULL;
  g_autofree char *talk = NULL;

  if (line->emergency_number != NULL)
    /* Translators: %s is the emergency number, e.g. 911; keep the <b> tags. */
    danger = g_markup_printf_escaped (_("If you are in danger now, call <b>%s</b>."),
                                      line->emergency_number);
  else
    danger = g_markup_escape_text (_("If you are in danger now, call your local emergency "
                                     "number."), -1);
  g_string_append (markup, danger);
  g_string_append_c (markup, '\n');

  if (line->line_call != NULL && g_strcmp0 (line->line_call, line->line_text) == 0)
    /* Translators: a crisis line's name, then its number; keep the <b> tags. */
    talk = g_markup_printf_escaped (_("To talk to someone now: %s, call or text <b>%s</b>."),
                                    _(line->line_name), line->line_call);
  else if (line->line_call != NULL)
    /* Translators: a crisis line's name, then its number; keep the <b> tags. */
    talk = g_markup_printf_escaped (_("To talk to someone now: %s, call <b>%s</b>."),
                                    _(line->line_name), line->line_call);
  else
    /* Translators: a directory of crisis lines, then its web address; keep the <b> tags. */
    talk = g_markup_printf_escaped (_("To find someone to talk to now: %s, <b>%s</b>."),
                                    _(line->line_name), line->line_url);
  g_string_append (markup, talk);

  gtk_label_set_markup (self->crisis_label, markup->str);
}

static void
crisis_region_changed_cb (SteadySafetyPlanWindow *self)
{
  update_crisis (self);
}

/* Reviews --------------------------------------------------------------------------------- */

static char *
format_day (GDateTime *when)
{
  /* Translators: a day, e.g. "3 November 2026"; see g_date_time_format(). */
  return g_date_time_format (when, _("%-d %B %Y"));
}

static void
update_review (SteadySafetyPlanWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) started = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  guint weeks = (guint)g_settings_get_int (self->settings, STEADY_SAFETY_REVIEW_SETTINGS_KEY);

  if (!steady_safety_plan_store_get_last_reviewed (self->store, &last, &error) ||
      !steady_safety_plan_store_get_started (self->store, &started, &error))
    {
      adw_action_row_set_subtitle (self->review_row, error->message);
      return;
    }

  if (last != NULL)
    {
      g_autofree char *day = format_day (last);

      g_string_append (subtitle, day);
    }
  else
    {
      g_string_append (subtitle, _("Not yet"));
    }

  due = steady_safety_review_next_due (last, started, MIN (weeks, 52));
  if (due != NULL)
    {
      g_autofree char *day = format_day (due);

      g_string_append (subtitle, "\n");
      /* Translators: %s is a day, e.g. "17 November 2026". */
      g_string_append_printf (subtitle, _("Next review by %s"), day);
    }
  adw_action_row_set_subtitle (self->review_row, subtitle->str);
}

static void
mark_reviewed_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SteadySafetyPlanWindow *self = STEADY_SAFETY_PLAN_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (!steady_safety_plan_store_mark_reviewed (self->store, now, &error))
    {
      show_error (self, error->message);
      return;
    }
  update_review (self);
  /* The review reminder's next due date moved. */
  steady_calendar_request_replan ();
  show_toast (self, _("Marked as reviewed today"));
}

/* Undo ------------------------------------------------------------------------------------ */

static void
undo_clicked_cb (AdwToast               *toast,
                 SteadySafetyPlanWindow *self)
{
  g_autoptr(GError) error = NULL;
  SteadySafetyItem *item = g_object_get_data (G_OBJECT (toast), "steady-deleted-item");
  GtkWidget *view = self->sections[steady_safety_item_get_section (item)];

  /* What is being typed in the section is saved first, as a reload shows what is stored. */
  if (!steady_safety_section_view_flush (STEADY_SAFETY_SECTION_VIEW (view)))
    return;
  if (!steady_safety_plan_store_restore (self->store, item, &error) ||
      !steady_safety_section_view_reload (STEADY_SAFETY_SECTION_VIEW (view), &error))
    show_error (self, error->message);
}

static void
section_deleted_cb (SteadySafetySectionView *view,
                    SteadySafetyItem        *item,
                    SteadySafetyPlanWindow  *self)
{
  const char *text = steady_safety_item_get_text (item);
  g_autofree char *shown = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (g_utf8_strlen (text, -1) > UNDO_TITLE_CHARS)
    {
      g_autofree char *start = g_utf8_substring (text, 0, UNDO_TITLE_CHARS - 1);

      shown = g_strconcat (start, "…", NULL);
    }
  else
    {
      shown = g_strdup (text);
    }
  /* Translators: %s is the start of the deleted item's words. */
  title = g_strdup_printf (_("Deleted “%s”"), shown);

  toast = new_plain_toast (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "steady-deleted-item", g_object_ref (item),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
section_error_cb (SteadySafetySectionView *view,
                  const char              *message,
                  SteadySafetyPlanWindow  *self)
{
  show_error (self, message);
}

/* Printing -------------------------------------------------------------------------------- */

static GPtrArray *
list_plan (SteadySafetyPlanWindow *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  /* Print what is on screen, including the words typed a moment ago. */
  steady_safety_plan_window_flush (self);
  items = steady_safety_plan_store_list_all (self->store, &error);
  if (items == NULL)
    show_error (self, error->message);
  return items;
}

static SteadySafetyLayout
current_layout (SteadySafetyPlanWindow *self)
{
  return self->wallet ? STEADY_SAFETY_LAYOUT_WALLET : STEADY_SAFETY_LAYOUT_PAGE;
}

static void
draw_page_cb (GtkPrintOperation      *operation,
              GtkPrintContext        *context,
              int                     page_nr,
              SteadySafetyPlanWindow *self)
{
  GPtrArray *items = g_object_get_data (G_OBJECT (operation), "steady-items");

  steady_safety_plan_draw (gtk_print_context_get_cairo_context (context),
                           gtk_print_context_get_width (context),
                           gtk_print_context_get_height (context),
                           items, steady_help_dialog_lookup_line (self->settings),
                           current_layout (self));
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SteadySafetyPlanWindow *self = STEADY_SAFETY_PLAN_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items = list_plan (self);

  if (items == NULL)
    return;

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "steady-items", items,
                          (GDestroyNotify)g_ptr_array_unref);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, _("My Safety Plan"));
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), self, 0);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error->message);
}

static void
save_response_cb (GtkNativeDialog        *dialog,
                  int                     response,
                  SteadySafetyPlanWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *saved = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto done;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      show_error (self, _("Steady can save only to a folder on this computer."));
      goto done;
    }
  if ((items = list_plan (self)) == NULL)
    goto done;
  if (!steady_safety_plan_write_pdf (path, items, steady_help_dialog_lookup_line (self->settings),
                                     steady_safety_paper_from_environment (),
                                     current_layout (self), &error))
    {
      show_error (self, error->message);
      goto done;
    }
  name = g_file_get_basename (file);
  /* Translators: %s is the name of the PDF file. */
  saved = g_strdup_printf (_("Saved “%s”"), name);
  show_toast (self, saved);

done:
  g_clear_object (&self->file_chooser);
}

static void
save_pdf_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SteadySafetyPlanWindow *self = STEADY_SAFETY_PLAN_WINDOW (widget);
  const char *name;

  if (self->file_chooser != NULL)
    return;

  /* Translators: the suggested file name of the saved plan; keep ".pdf". */
  name = self->wallet ? _("My Safety Plan (wallet).pdf") : _("My Safety Plan.pdf");
  self->file_chooser = steady_pdf_save_dialog_new (GTK_WINDOW (self),
                                                   _("Save Safety Plan as PDF"), name);
  g_signal_connect_object (self->file_chooser, "response", G_CALLBACK (save_response_cb), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}

/* The window ------------------------------------------------------------------------------ */

/* Saves what is typed. If that fails, the window stays open once, with the reason shown, so
 * the words on screen are not lost without the user knowing; closing again closes. */
static gboolean
steady_safety_plan_window_close_request (GtkWindow *window)
{
  SteadySafetyPlanWindow *self = STEADY_SAFETY_PLAN_WINDOW (window);

  if (!steady_safety_plan_window_flush (self) && !self->close_despite_error)
    {
      self->close_despite_error = TRUE;
      return TRUE;
    }
  return GTK_WINDOW_CLASS (steady_safety_plan_window_parent_class)->close_request (window);
}

static void
steady_safety_plan_window_constructed (GObject *object)
{
  SteadySafetyPlanWindow *self = STEADY_SAFETY_PLAN_WINDOW (object);
  GtkWidget *before = NULL;

  G_OBJECT_CLASS (steady_safety_plan_window_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->settings != NULL);

  /* The sections go between the crisis numbers (first child) and the review. */
  before = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box));
  for (guint i = 0; i < STEADY_SAFETY_N_SECTIONS; i++)
    {
      g_autoptr(GError) error = NULL;
      GtkWidget *view = steady_safety_section_view_new (self->store, i);

      g_signal_connect_object (view, "deleted", G_CALLBACK (section_deleted_cb), self, 0);
      g_signal_connect_object (view, "error", G_CALLBACK (section_error_cb), self, 0);
      gtk_box_insert_child_after (self->sections_box, view, before);
      self->sections[i] = view;
      before = view;
      if (!steady_safety_section_view_reload (STEADY_SAFETY_SECTION_VIEW (view), &error))
        show_error (self, error->message);
    }

  g_signal_connect_object (self->store, "reloaded", G_CALLBACK (steady_safety_plan_window_reload),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::crisis-region",
                           G_CALLBACK (crisis_region_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::" STEADY_SAFETY_REVIEW_SETTINGS_KEY,
                           G_CALLBACK (update_review), self, G_CONNECT_SWAPPED);
  update_crisis (self);
  update_review (self);
}

static void
steady_safety_plan_window_dispose (GObject *object)
{
  SteadySafetyPlanWindow *self = STEADY_SAFETY_PLAN_WINDOW (object);

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
  g_clear_object (&self->file_chooser);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steady_safety_plan_window_parent_class)->dispose (object);
}

static void
steady_safety_plan_window_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  SteadySafetyPlanWindow *self = STEADY_SAFETY_PLAN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_WALLET:
      g_value_set_boolean (value, self->wallet);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_safety_plan_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  SteadySafetyPlanWindow *self = STEADY_SAFETY_PLAN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_WALLET:
      if (self->wallet != g_value_get_boolean (value))
        {
          self->wallet = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_safety_plan_window_class_init (SteadySafetyPlanWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = steady_safety_plan_window_constructed;
  object_class->dispose = steady_safety_plan_window_dispose;
  object_class->get_property = steady_safety_plan_window_get_property;
  object_class->set_property = steady_safety_plan_window_set_property;
  window_class->close_request = steady_safety_plan_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         STEADY_TYPE_SAFETY_PLAN_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Whether printing makes credit-card panels instead of a full page. */
  properties[PROP_WALLET] =
    g_param_spec_boolean ("wallet", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/safety/steady-safety-plan-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadySafetyPlanWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SteadySafetyPlanWindow, sections_box);
  gtk_widget_class_bind_template_child (widget_class, SteadySafetyPlanWindow, crisis_label);
  gtk_widget_class_bind_template_child (widget_class, SteadySafetyPlanWindow, review_group);
  gtk_widget_class_bind_template_child (widget_class, SteadySafetyPlanWindow, review_row);

  gtk_widget_class_install_action (widget_class, "plan.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "plan.save-pdf", NULL, save_pdf_activated);
  gtk_widget_class_install_action (widget_class, "plan.mark-reviewed", NULL,
                                   mark_reviewed_activated);
  gtk_widget_class_install_property_action (widget_class, "plan.wallet", "wallet");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "plan.print",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "plan.save-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steady_safety_plan_window_init (SteadySafetyPlanWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
