/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-editor.c: one window for all five written exercises, built from the kind's
 * fields (steady-skill-kind.c): the steps one at a time or on one page, distress before and
 * after, the change in plain words at the end, and a draft kept within a second of typing. */

#define G_LOG_DOMAIN "steady-skill-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-draft-offer-view.h"
#include "steady-draft-store.h"
#include "steady-help-dialog.h"
#include "steady-journal-store.h"
#include "steady-safety-plan-store.h"
#include "steady-skill-drafts.h"
#include "steady-skill-editor.h"
#include "steady-skill-field-view.h"
#include "steady-skill-outcome.h"
#include "steady-skills-error.h"

/* Well inside the promised two seconds, and rare enough not to write on every key. */
#define DRAFT_DELAY_MS 800

struct _SteadySkillEditor
{
  AdwWindow          parent_instance;

  /* template widgets */
  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
  GtkToggleButton   *full_form_button;
  SteadyDraftOfferView *draft_offer;
  GtkScrolledWindow *scroller;
  GtkLabel          *error_label;
  GtkBox            *steps_box;
  GtkWidget         *review_box;
  GtkLabel          *outcome_label;
  GtkSwitch         *private_switch;
  GtkWidget         *delete_button;
  GtkWidget         *back_button;
  GtkButton         *next_button;

  /* children of steps_box, owned by it */
  GPtrArray         *step_boxes;    /* GtkWidget, step 1 first */
  GPtrArray         *field_views;   /* SteadySkillFieldView, in the order of the fields */
  SteadyRatingRow   *distress_before;
  SteadyRatingRow   *distress_after;

  /* owned */
  SteadySkillStore  *store;
  SteadyDraftStore  *drafts;
  GSettings         *settings;
  SteadySkillRecord *record;        /* the working copy, in step with the form */

  SteadySkillKind    kind;
  guint              n_steps;
  guint              step;          /* 1 … n_steps, then n_steps + 1 for the review */
  gboolean           stored;        /* the record is in the database */
  guint              draft_source_id;
  gboolean           loading;       /* filling the form, not the user typing */
  gboolean           dirty;
};

G_DEFINE_FINAL_TYPE (SteadySkillEditor, steady_skill_editor, ADW_TYPE_WINDOW)

/* Showing problems --------------------------------------------------------------------- */

static void
show_error (SteadySkillEditor *self,
            const char        *text)
{
  gboolean shown = text != NULL && text[0] != '\0';

  gtk_label_set_text (self->error_label, shown ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), shown);
  if (shown)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
show_save_error (SteadySkillEditor *self,
                 const GError      *error)
{
  g_autofree char *text = NULL;

  /* The exercise's own errors say what to change; others (a full disk) say what happened. */
  if (error->domain == STEADY_SKILLS_ERROR)
    text = g_strdup (error->message);
  else
    /* Translators: %s says why saving failed, e.g. that the disk is full. */
    text = g_strdup_printf (_("This exercise could not be saved. %s Your words are kept here "
                              "and as a draft."), error->message);
  show_error (self, text);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Not saved yet")));
}

/* Telling the Skills page -------------------------------------------------------------- */

static void
notify_skills_changed (SteadySkillEditor *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  /* The Skills page reloads its lists; without it there is nothing to tell. */
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.skills-changed", NULL);
}

/* The review: what changed, in words ------------------------------------------------------ */

static void
update_outcome (SteadySkillEditor *self)
{
  g_autofree char *text = steady_skill_outcome_describe (self->record);

  gtk_label_set_text (self->outcome_label, text);
}

/* Steps ---------------------------------------------------------------------------------- */

static void
update_step_widgets (SteadySkillEditor *self)
{
  gboolean full = gtk_toggle_button_get_active (self->full_form_button);
  gboolean review = self->step > self->n_steps;
  g_autofree char *progress = NULL;

  for (guint i = 0; i < self->step_boxes->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->step_boxes, i), full || i + 1 == self->step);
  gtk_widget_set_visible (self->review_box, full || review);
  gtk_widget_set_visible (self->back_button, !full);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.step-back", !full && self->step > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.step-forward", !full && !review);

  if (full)
    progress = g_strdup (_("All steps"));
  else if (review)
    progress = g_strdup (_("Review"));
  else
    /* Translators: where the user is in an exercise, e.g. "Step 2 of 7". */
    progress = g_strdup_printf (_("Step %u of %u"), self->step, self->n_steps);
  adw_window_title_set_subtitle (self->window_title, progress);

  if (full || review)
    gtk_button_set_label (self->next_button, _("Finish"));
  else if (self->step == self->n_steps)
    gtk_button_set_label (self->next_button, _("Review"));
  else
    gtk_button_set_label (self->next_button, _("Next"));
  update_outcome (self);
}

static void schedule_draft (SteadySkillEditor *self);

/* Puts the focus on the first control under @widget in the order the step lists them (Tab's
 * own order follows positions on screen, which a step just shown does not have yet). A rating
 * is answered on its slider, so that is where its focus goes. */
static gboolean
focus_first_control (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_is_sensitive (widget))
    return FALSE;
  if (STEADY_IS_RATING_ROW (widget))
    {
      GtkRange *scale = steady_rating_row_get_scale (STEADY_RATING_ROW (widget));

      return gtk_widget_grab_focus (GTK_WIDGET (scale));
    }
  if (gtk_widget_get_focusable (widget) && !GTK_IS_LIST_BOX (widget) && !GTK_IS_FLOW_BOX (widget))
    return gtk_widget_grab_focus (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (focus_first_control (child))
      return TRUE;
  return FALSE;
}

/**
 * steady_skill_editor_set_step:
 * @step: 1 to the number of steps, or one more for the review at the end
 *
 * Shows that step alone (unless every step is shown on one page), from its top, with the
 * focus on its first question.
 */
void
steady_skill_editor_set_step (SteadySkillEditor *self,
                              guint              step)
{
  GtkWidget *shown;

  g_return_if_fail (STEADY_IS_SKILL_EDITOR (self));

  self->step = CLAMP (step, 1, self->n_steps + 1);
  update_step_widgets (self);
  if (steady_skill_record_get_step_reached (self->record) != MIN (self->step, self->n_steps))
    {
      /* Where to open it again next time. */
      steady_skill_record_set_step_reached (self->record, MIN (self->step, self->n_steps));
      if (!self->loading)
        {
          self->dirty = TRUE;
          schedule_draft (self);
        }
    }
  if (gtk_toggle_button_get_active (self->full_form_button))
    return;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  /* At the review the focus goes to Finish, so Enter there never flips the Private switch. */
  shown = self->step <= self->n_steps ? g_ptr_array_index (self->step_boxes, self->step - 1)
                                      : NULL;
  if (shown == NULL || !focus_first_control (shown))
    gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
}

guint
steady_skill_editor_get_step (SteadySkillEditor *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_EDITOR (self), 0);

  return self->step;
}

guint
steady_skill_editor_get_n_steps (SteadySkillEditor *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_EDITOR (self), 0);

  return self->n_steps;
}

gboolean
steady_skill_editor_get_full_form (SteadySkillEditor *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_EDITOR (self), FALSE);

  return gtk_toggle_button_get_active (self->full_form_button);
}

/**
 * steady_skill_editor_set_full_form:
 *
 * Shows every step on one scrolling page, for people who prefer to see the whole form. The
 * choice is remembered: the next exercise opens the same way.
 */
void
steady_skill_editor_set_full_form (SteadySkillEditor *self,
                                   gboolean           full_form)
{
  g_return_if_fail (STEADY_IS_SKILL_EDITOR (self));

  gtk_toggle_button_set_active (self->full_form_button, full_form);
}

static void
full_form_toggled_cb (SteadySkillEditor *self)
{
  update_step_widgets (self);
}

/* The form ------------------------------------------------------------------------------ */

static SteadySkillFieldView *
find_rerating_view (SteadySkillEditor *self)
{
  for (guint i = 0; i < self->field_views->len; i++)
    if (steady_skill_field_view_is_rerating (g_ptr_array_index (self->field_views, i)))
      return g_ptr_array_index (self->field_views, i);
  return NULL;
}

static void
form_changed (SteadySkillEditor *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  update_outcome (self);
  schedule_draft (self);
}

static void
field_changed_cb (SteadySkillFieldView *view,
                  SteadySkillEditor    *self)
{
  const SteadySkillField *field = steady_skill_field_view_get_field (view);
  SteadySkillFieldView *rerating;

  if (self->loading)
    return;
  steady_skill_field_view_store (view, self->record);
  /* The last step rates again the moods just named: it follows their list. */
  if (field->type == STEADY_SKILL_FIELD_MOODS && !steady_skill_field_view_is_rerating (view) &&
      (rerating = find_rerating_view (self)) != NULL)
    steady_skill_field_view_load (rerating, self->record);
  form_changed (self);
}

static void
distress_changed_cb (SteadySkillEditor *self)
{
  steady_skill_record_set_distress_before (self->record,
                                           steady_rating_row_get_value (self->distress_before));
  steady_skill_record_set_distress_after (self->record,
                                          steady_rating_row_get_value (self->distress_after));
  form_changed (self);
}

static void
private_changed_cb (SteadySkillEditor *self)
{
  steady_skill_record_set_private (self->record, gtk_switch_get_active (self->private_switch));
  form_changed (self);
}

/* Shows @record in the form; nothing counts as changed. */
static void
load_record (SteadySkillEditor *self,
             SteadySkillRecord *record)
{
  if (record != self->record)
    g_set_object (&self->record, record);
  self->loading = TRUE;
  for (guint i = 0; i < self->field_views->len; i++)
    steady_skill_field_view_load (g_ptr_array_index (self->field_views, i), self->record);
  steady_rating_row_set_value (self->distress_before,
                               steady_skill_record_get_distress_before (self->record));
  steady_rating_row_set_value (self->distress_after,
                               steady_skill_record_get_distress_after (self->record));
  gtk_switch_set_active (self->private_switch, steady_skill_record_get_private (self->record));
  update_outcome (self);
  self->loading = FALSE;
}

/* The journal's emotions, to suggest as moods; none if they cannot be read. */
static GStrv
dup_mood_names (SteadySkillEditor *self)
{
  g_autoptr(SteadyJournalStore) journal =
    steady_journal_store_new (steady_skill_store_get_database (self->store));
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;

  terms = steady_journal_store_list_terms (journal, STEADY_JOURNAL_TERM_EMOTION, &error);
  if (terms == NULL)
    g_debug ("No emotions to suggest: %s", error->message);
  for (guint i = 0; terms != NULL && i < terms->len; i++)
    g_strv_builder_add (names, steady_journal_term_get_name (g_ptr_array_index (terms, i)));
  return g_strv_builder_end (names);
}

static GtkWidget *
new_distress_row (SteadySkillEditor *self,
                  gboolean           after)
{
  GtkWidget *row;

  if (after)
    row = steady_rating_row_new (_("How distressed are you now, at the end?"),
                                 _("0 is calm, 10 is the most distressed you can imagine. "
                                   "Leave it off to skip."), 10);
  else
    row = steady_rating_row_new (_("Before you start: how distressed are you right now?"),
                                 _("0 is calm, 10 is the most distressed you can imagine. "
                                   "Leave it off to skip."), 10);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (distress_changed_cb), self);
  return row;
}

/* One box per step: its questions, with distress asked before the first and after the last. */
static void
build_steps (SteadySkillEditor *self)
{
  g_auto(GStrv) moods = dup_mood_names (self);
  const SteadySkillField *fields;
  guint n_fields;

  fields = steady_skill_kind_get_fields (self->kind, &n_fields);
  for (guint step = 1; step <= self->n_steps; step++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
      /* Translators: the heading of a step in an exercise, e.g. "Step 2 of 7". */
      g_autofree char *heading = g_strdup_printf (_("Step %u of %u"), step, self->n_steps);
      GtkWidget *label = gtk_label_new (heading);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
      if (step == 1)
        {
          self->distress_before = STEADY_RATING_ROW (new_distress_row (self, FALSE));
          gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->distress_before));
        }
      for (guint i = 0; i < n_fields; i++)
        {
          GtkWidget *view;

          if (fields[i].step != step)
            continue;
          view = steady_skill_field_view_new (self->kind, &fields[i],
                                              (const char * const *)moods);
          g_signal_connect (view, "changed", G_CALLBACK (field_changed_cb), self);
          g_ptr_array_add (self->field_views, view);
          gtk_box_append (GTK_BOX (box), view);
        }
      if (step == self->n_steps)
        {
          self->distress_after = STEADY_RATING_ROW (new_distress_row (self, TRUE));
          gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->distress_after));
        }
      g_ptr_array_add (self->step_boxes, box);
      gtk_box_append (self->steps_box, box);
    }
}

/* Drafts ---------------------------------------------------------------------------------- */

/**
 * steady_skill_editor_flush_draft:
 *
 * Keeps the form as a draft now, if anything changed since the last one.
 *
 * Returns: whether the draft is kept (or there was nothing to keep)
 */
gboolean
steady_skill_editor_flush_draft (SteadySkillEditor  *self,
                                 GError            **error)
{
  g_autofree char *payload = NULL;

  g_return_val_if_fail (STEADY_IS_SKILL_EDITOR (self), FALSE);

  g_clear_handle_id (&self->draft_source_id, g_source_remove);
  if (!self->dirty)
    return TRUE;
  payload = steady_skill_record_to_draft (self->record);
  if (!steady_draft_store_save (self->drafts, steady_skill_record_get_draft_kind (self->record),
                                steady_skill_record_get_uuid (self->record), payload, error))
    return FALSE;
  self->dirty = FALSE;
  return TRUE;
}

static gboolean
draft_timeout_cb (gpointer user_data)
{
  SteadySkillEditor *self = user_data;
  g_autoptr(GError) error = NULL;

  self->draft_source_id = 0;
  /* The words stay in the form either way; the user is told once, not at every key. */
  if (!steady_skill_editor_flush_draft (self, &error))
    show_error (self, error->message);
  return G_SOURCE_REMOVE;
}

static void
schedule_draft (SteadySkillEditor *self)
{
  if (self->draft_source_id == 0)
    self->draft_source_id = g_timeout_add (DRAFT_DELAY_MS, draft_timeout_cb, self);
}

/* Offers back a draft: this record's, or for a new exercise, one of the same kind that was
 * never saved. */
static void
find_draft (SteadySkillEditor *self)
{
  g_autofree char *key = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  gint64 updated_us = 0;

  key = steady_skill_drafts_find_offer (self->store, self->drafts, self->record, self->stored,
                                        &updated_us);
  if (key == NULL)
    return;

  when = steady_draft_offer_view_format_time (updated_us);
  /* Translators: %s is when the unsaved answers were last kept, e.g. "22 November at
   * 18:05". */
  text = g_strdup_printf (_("You have unsaved answers from %s. Restore them?"), when);
  steady_draft_offer_view_offer (self->draft_offer, key, text);
}

gboolean
steady_skill_editor_get_draft_offered (SteadySkillEditor *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_EDITOR (self), FALSE);

  return steady_draft_offer_view_get_offered (self->draft_offer);
}

/**
 * steady_skill_editor_restore_draft:
 *
 * Fills the form with the draft offered, and goes to the step it had reached.
 */
void
steady_skill_editor_restore_draft (SteadySkillEditor *self)
{
  g_autofree char *payload = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadySkillRecord) record = NULL;

  g_return_if_fail (STEADY_IS_SKILL_EDITOR (self));

  payload = steady_draft_offer_view_restore (self->draft_offer, &error);
  if (payload == NULL && error == NULL)
    return;
  if (payload != NULL)
    record = steady_skill_record_new_from_draft (payload, &error);
  if (record == NULL)
    {
      show_error (self, error->message);
      return;
    }
  /* A never-saved exercise carries on under its own UUID, so its draft is the one kept. */
  load_record (self, record);
  self->loading = TRUE;
  steady_skill_editor_set_step (self, steady_skill_record_get_step_reached (record));
  self->loading = FALSE;
}

static void
discard_draft (SteadySkillEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!steady_draft_offer_view_discard (self->draft_offer, &error))
    show_error (self, error->message);
}

/* Saving ---------------------------------------------------------------------------------- */

static gboolean
save (SteadySkillEditor  *self,
      gboolean            finished,
      GError            **error)
{
  gboolean was_finished = steady_skill_record_get_finished (self->record);

  /* Keep the words first: if the save fails, the draft still holds them. */
  self->dirty = TRUE;
  if (!steady_skill_editor_flush_draft (self, NULL))
    g_debug ("The draft could not be kept before saving");
  self->dirty = TRUE;

  steady_skill_record_set_finished (self->record, finished || was_finished);
  if (!steady_skill_record_validate (self->record, error) ||
      !steady_skill_store_save (self->store, self->record, error))
    {
      steady_skill_record_set_finished (self->record, was_finished);
      return FALSE;
    }
  /* Saving removed the draft with it. */
  self->stored = TRUE;
  self->dirty = FALSE;
  show_error (self, NULL);
  gtk_widget_set_visible (self->delete_button, TRUE);
  notify_skills_changed (self);
  return TRUE;
}

/**
 * steady_skill_editor_save_for_later:
 *
 * Saves the exercise as it is, at the step reached, to be finished another time (one that
 * was finished before stays finished). On failure the form and the draft stay as they are,
 * and @error says why in words for the user.
 *
 * Returns: whether it is saved
 */
gboolean
steady_skill_editor_save_for_later (SteadySkillEditor  *self,
                                    GError            **error)
{
  g_return_val_if_fail (STEADY_IS_SKILL_EDITOR (self), FALSE);

  return save (self, FALSE, error);
}

/**
 * steady_skill_editor_finish:
 *
 * Saves the exercise as finished. On failure the form and the draft stay as they are.
 *
 * Returns: whether it is saved
 */
gboolean
steady_skill_editor_finish (SteadySkillEditor  *self,
                            GError            **error)
{
  g_return_val_if_fail (STEADY_IS_SKILL_EDITOR (self), FALSE);

  return save (self, TRUE, error);
}

/* Actions --------------------------------------------------------------------------------- */

static void
save_for_later_activated_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SteadySkillEditor *self = STEADY_SKILL_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!steady_skill_editor_save_for_later (self, &error))
    {
      show_save_error (self, error);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
step_forward_activated_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SteadySkillEditor *self = STEADY_SKILL_EDITOR (widget);

  if (self->step <= self->n_steps && !gtk_toggle_button_get_active (self->full_form_button))
    steady_skill_editor_set_step (self, self->step + 1);
}

static void
step_back_activated_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SteadySkillEditor *self = STEADY_SKILL_EDITOR (widget);

  if (self->step > 1 && !gtk_toggle_button_get_active (self->full_form_button))
    steady_skill_editor_set_step (self, self->step - 1);
}

/* The main button: the next step, or Finish at the review and on the one-page form. */
static void
next_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SteadySkillEditor *self = STEADY_SKILL_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (self->step <= self->n_steps && !gtk_toggle_button_get_active (self->full_form_button))
    {
      steady_skill_editor_set_step (self, self->step + 1);
      return;
    }
  if (!steady_skill_editor_finish (self, &error))
    {
      show_save_error (self, error);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
restore_draft_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  steady_skill_editor_restore_draft (STEADY_SKILL_EDITOR (widget));
}

static void
discard_draft_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  discard_draft (STEADY_SKILL_EDITOR (widget));
}

/* "Get help now" is one click away in the editor too: the main window's, or one of its own
 * when the editor has no main window behind it. */
static void
get_help_activated_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SteadySkillEditor *self = STEADY_SKILL_EDITOR (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  SteadySafetyPlanStore *plan;

  if (parent != NULL && gtk_widget_activate_action (GTK_WIDGET (parent), "win.get-help", NULL))
    return;
  plan = steady_safety_plan_store_get_for_database (steady_skill_store_get_database (self->store));
  gtk_window_present (GTK_WINDOW (steady_help_dialog_new (GTK_WINDOW (self), self->settings,
                                                          plan)));
}

static void
destroy_window_cb (gpointer user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(GtkWindow) window = g_weak_ref_get (weak);

  /* Unless it went already, with the application. */
  if (window != NULL)
    gtk_window_destroy (window);
  g_weak_ref_clear (weak);
  g_free (weak);
}

/* The main window's toast overlay, where the Undo of a delete goes since this editor closes:
 * the main window's content is its overlay (steady-window.ui). */
static AdwToastOverlay *
main_toast_overlay (GtkWindow *parent)
{
  GtkWidget *content;

  if (!ADW_IS_APPLICATION_WINDOW (parent))
    return NULL;
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (parent));
  return ADW_IS_TOAST_OVERLAY (content) ? ADW_TOAST_OVERLAY (content) : NULL;
}

static void
undo_delete_clicked_cb (AdwToast  *toast,
                        GtkWindow *window)
{
  g_autoptr(GError) error = NULL;

  if (!steady_skill_drafts_undo_discard (g_object_get_data (G_OBJECT (toast), "steady-store"),
                                         g_object_get_data (G_OBJECT (toast), "steady-drafts"),
                                         g_object_get_data (G_OBJECT (toast), "steady-discarded"),
                                         &error))
    adw_toast_overlay_add_toast (main_toast_overlay (window), adw_toast_new (error->message));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.skills-changed", NULL);
}

/* "Exercise deleted" with Undo in the main window, which brings it back exactly: the same
 * UUID, times and answers, and the draft if one was kept. */
static void
offer_undo_delete (SteadySkillEditor    *self,
                   SteadySkillDiscarded *discarded)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  AdwToastOverlay *overlay = main_toast_overlay (parent);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    {
      steady_skill_discarded_free (discarded);
      return;
    }
  /* Translators: a toast after an exercise was deleted from its editor; %s is the exercise,
   * such as "Thought record". */
  title = g_strdup_printf (_("%s deleted"), steady_skill_kind_get_title (self->kind));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "steady-discarded", discarded,
                          (GDestroyNotify)steady_skill_discarded_free);
  g_object_set_data_full (G_OBJECT (toast), "steady-store", g_object_ref (self->store),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "steady-drafts", g_object_ref (self->drafts),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_clicked_cb), parent,
                           0);
  adw_toast_overlay_add_toast (overlay, toast);
}

static void
delete_response_cb (AdwMessageDialog  *dialog,
                    const char        *response,
                    SteadySkillEditor *self)
{
  g_autoptr(GError) error = NULL;
  SteadySkillDiscarded *discarded;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  g_clear_handle_id (&self->draft_source_id, g_source_remove);
  /* What Undo brings back is the exercise as saved (with the draft that was kept), not the
   * form's working copy. */
  discarded = steady_skill_drafts_discard (self->store, self->drafts, self->record, &error);
  if (discarded == NULL)
    {
      show_error (self, error->message);
      return;
    }
  self->dirty = FALSE;
  offer_undo_delete (self, discarded);
  notify_skills_changed (self);
  /* The dialog closes itself after this answer: the editor, which it belongs to, goes
   * right after it. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  {
    GWeakRef *weak = g_new0 (GWeakRef, 1);

    g_weak_ref_init (weak, self);
    g_idle_add_once (destroy_window_cb, weak);
  }
}

static void
delete_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SteadySkillEditor *self = STEADY_SKILL_EDITOR (widget);
  GtkWidget *dialog;

  if (!self->stored)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete This Exercise?"),
                                   _("It will be gone from your history, with everything you "
                                     "wrote in it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Construction ------------------------------------------------------------------------- */

/**
 * steady_skill_editor_new:
 * @parent: (nullable): the main window; the editor stays beside it, not modal, so "Get help
 *   now" in the main window is one click away too
 * @record: (nullable): a stored exercise to go on with or change, or %NULL for a new one of
 *   @kind
 */
SteadySkillEditor *
steady_skill_editor_new (GtkWindow         *parent,
                         SteadySkillStore  *store,
                         SteadySkillKind    kind,
                         SteadySkillRecord *record)
{
  SteadySkillEditor *self;
  g_autoptr(SteadySkillRecord) working = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEADY_IS_SKILL_STORE (store), NULL);
  g_return_val_if_fail (record == NULL || STEADY_IS_SKILL_RECORD (record), NULL);
  g_return_val_if_fail (record != NULL || kind < STEADY_N_SKILL_KINDS, NULL);

  self = g_object_new (STEADY_TYPE_SKILL_EDITOR,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->drafts = steady_draft_store_new (steady_skill_store_get_database (store));
  self->kind = record != NULL ? steady_skill_record_get_kind (record) : kind;
  self->n_steps = steady_skill_kind_get_n_steps (self->kind);
  self->stored = record != NULL;
  working = record != NULL ? steady_skill_record_copy (record) : steady_skill_record_new (kind);
  self->record = g_object_ref (working);
  steady_draft_offer_view_set_drafts (self->draft_offer, self->drafts,
                                      steady_skill_record_get_draft_kind (self->record));

  gtk_window_set_title (GTK_WINDOW (self), steady_skill_kind_get_title (self->kind));
  adw_window_title_set_title (self->window_title, steady_skill_kind_get_title (self->kind));
  gtk_widget_set_visible (self->delete_button, self->stored);
  build_steps (self);
  load_record (self, self->record);

  /* A finished exercise opens on how it went; an unfinished one where it was left. */
  self->loading = TRUE;
  if (record != NULL && steady_skill_record_get_finished (record))
    steady_skill_editor_set_step (self, self->n_steps + 1);
  else
    steady_skill_editor_set_step (self, steady_skill_record_get_step_reached (self->record));
  self->loading = FALSE;

  find_draft (self);
  return self;
}

static SteadySkillRecord *
load_unsaved (SteadySkillStore *store,
              const char       *uuid)
{
  g_autoptr(SteadyDraftStore) drafts =
    steady_draft_store_new (steady_skill_store_get_database (store));

  return steady_skill_drafts_load_unsaved (store, drafts, uuid);
}

/**
 * steady_skill_editor_open:
 * @uuid: a saved exercise, or one that so far is only a draft
 *
 * Opens the exercise @uuid to go on with, or brings its open editor forward. A saved one whose
 * draft is newer offers the draft back.
 *
 * Returns: (transfer none) (nullable): the editor, or %NULL with @error saying why in words
 */
SteadySkillEditor *
steady_skill_editor_open (GtkWindow         *parent,
                          SteadySkillStore  *store,
                          const char        *uuid,
                          GError           **error)
{
  SteadySkillEditor *self;
  g_autoptr(SteadySkillRecord) record = NULL;
  g_autoptr(GError) load_error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEADY_IS_SKILL_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if ((self = steady_skill_editor_find (uuid)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (self));
      return self;
    }
  record = steady_skill_store_load (store, uuid, &load_error);
  if (record != NULL)
    {
      self = steady_skill_editor_new (parent, store, STEADY_N_SKILL_KINDS, record);
    }
  else if (g_error_matches (load_error, STEADY_SKILLS_ERROR, STEADY_SKILLS_ERROR_NOT_FOUND) &&
           (record = load_unsaved (store, uuid)) != NULL)
    {
      /* Never saved: the draft is the exercise, shown as it was left. */
      self = steady_skill_editor_new (parent, store, steady_skill_record_get_kind (record), NULL);
      steady_draft_offer_view_withdraw (self->draft_offer);
      load_record (self, record);
      self->loading = TRUE;
      steady_skill_editor_set_step (self, steady_skill_record_get_step_reached (record));
      self->loading = FALSE;
    }
  else
    {
      g_propagate_error (error, g_steal_pointer (&load_error));
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, STEADY_SKILLS_ERROR, STEADY_SKILLS_ERROR_NOT_FOUND,
                             _("This exercise no longer exists; it may have been deleted."));
      return NULL;
    }
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/**
 * steady_skill_editor_find:
 *
 * Returns: (transfer none) (nullable): the open editor of the exercise @uuid
 */
SteadySkillEditor *
steady_skill_editor_find (const char *uuid)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_return_val_if_fail (uuid != NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (STEADY_IS_SKILL_EDITOR (window) &&
          g_strcmp0 (steady_skill_editor_get_uuid (STEADY_SKILL_EDITOR (window)), uuid) == 0)
        return STEADY_SKILL_EDITOR (window);
    }
  return NULL;
}

/**
 * steady_skill_editor_get_record:
 *
 * Returns: (transfer none): the exercise as the form has it now
 */
SteadySkillRecord *
steady_skill_editor_get_record (SteadySkillEditor *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_EDITOR (self), NULL);

  return self->record;
}

const char *
steady_skill_editor_get_uuid (SteadySkillEditor *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_EDITOR (self), NULL);

  return steady_skill_record_get_uuid (self->record);
}

/**
 * steady_skill_editor_get_field_views:
 * @step: a step, or 0 for all of them
 *
 * Returns: (transfer container) (element-type SteadySkillFieldView): the questions of @step
 */
GPtrArray *
steady_skill_editor_get_field_views (SteadySkillEditor *self,
                                     guint              step)
{
  GPtrArray *views;

  g_return_val_if_fail (STEADY_IS_SKILL_EDITOR (self), NULL);

  views = g_ptr_array_new ();
  for (guint i = 0; i < self->field_views->len; i++)
    {
      SteadySkillFieldView *view = g_ptr_array_index (self->field_views, i);

      if (step == 0 || steady_skill_field_view_get_field (view)->step == step)
        g_ptr_array_add (views, view);
    }
  return views;
}

/**
 * steady_skill_editor_get_distress_row:
 *
 * Returns: (transfer none): the distress rating of the first step, or of the last if @after
 */
SteadyRatingRow *
steady_skill_editor_get_distress_row (SteadySkillEditor *self,
                                      gboolean           after)
{
  g_return_val_if_fail (STEADY_IS_SKILL_EDITOR (self), NULL);

  return after ? self->distress_after : self->distress_before;
}

/**
 * steady_skill_editor_get_outcome:
 *
 * Returns: the change in mood and distress in words, as the review shows it
 */
const char *
steady_skill_editor_get_outcome (SteadySkillEditor *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_EDITOR (self), NULL);

  return gtk_label_get_text (self->outcome_label);
}

const char *
steady_skill_editor_get_error_text (SteadySkillEditor *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_EDITOR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

/* Closing keeps the draft: the answers are still there next time. */
static gboolean
steady_skill_editor_close_request (GtkWindow *window)
{
  SteadySkillEditor *self = STEADY_SKILL_EDITOR (window);
  g_autoptr(GError) error = NULL;

  if (!steady_skill_editor_flush_draft (self, &error))
    g_debug ("The draft could not be kept on close: %s", error->message);
  return GTK_WINDOW_CLASS (steady_skill_editor_parent_class)->close_request (window);
}

static void
steady_skill_editor_dispose (GObject *object)
{
  SteadySkillEditor *self = STEADY_SKILL_EDITOR (object);

  if (self->drafts != NULL && self->dirty)
    steady_skill_editor_flush_draft (self, NULL);
  g_clear_handle_id (&self->draft_source_id, g_source_remove);

  G_OBJECT_CLASS (steady_skill_editor_parent_class)->dispose (object);
}

static void
steady_skill_editor_finalize (GObject *object)
{
  SteadySkillEditor *self = STEADY_SKILL_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->drafts);
  g_clear_object (&self->settings);
  g_clear_object (&self->record);
  g_clear_pointer (&self->step_boxes, g_ptr_array_unref);
  g_clear_pointer (&self->field_views, g_ptr_array_unref);

  G_OBJECT_CLASS (steady_skill_editor_parent_class)->finalize (object);
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GdkModifierType        modifiers,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval,
                                                                                  modifiers),
                                                          gtk_named_action_new (action)));
}

static void
steady_skill_editor_class_init (SteadySkillEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steady_skill_editor_dispose;
  object_class->finalize = steady_skill_editor_finalize;
  window_class->close_request = steady_skill_editor_close_request;

  g_type_ensure (STEADY_TYPE_DRAFT_OFFER_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/skills/steady-skill-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadySkillEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SteadySkillEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, SteadySkillEditor, full_form_button);
  gtk_widget_class_bind_template_child (widget_class, SteadySkillEditor, draft_offer);
  gtk_widget_class_bind_template_child (widget_class, SteadySkillEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, SteadySkillEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SteadySkillEditor, steps_box);
  gtk_widget_class_bind_template_child (widget_class, SteadySkillEditor, review_box);
  gtk_widget_class_bind_template_child (widget_class, SteadySkillEditor, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, SteadySkillEditor, private_switch);
  gtk_widget_class_bind_template_child (widget_class, SteadySkillEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, SteadySkillEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, SteadySkillEditor, next_button);

  gtk_widget_class_install_action (widget_class, "editor.next", NULL, next_activated_cb);
  gtk_widget_class_install_action (widget_class, "editor.step-forward", NULL,
                                   step_forward_activated_cb);
  gtk_widget_class_install_action (widget_class, "editor.step-back", NULL,
                                   step_back_activated_cb);
  gtk_widget_class_install_action (widget_class, "editor.save-for-later", NULL,
                                   save_for_later_activated_cb);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_activated_cb);
  gtk_widget_class_install_action (widget_class, "editor.get-help", NULL, get_help_activated_cb);
  gtk_widget_class_install_action (widget_class, "editor.restore-draft", NULL,
                                   restore_draft_activated_cb);
  gtk_widget_class_install_action (widget_class, "editor.discard-draft", NULL,
                                   discard_draft_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steady_skill_editor_init (SteadySkillEditor *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->step_boxes = g_ptr_array_new ();
  self->field_views = g_ptr_array_new ();
  self->step = 1;

  /* Caught before the focused control sees them, so moving between steps works from inside a
   * text too. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_LOCAL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Right, GDK_ALT_MASK,
                "editor.step-forward");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                "editor.step-forward");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Left, GDK_ALT_MASK,
                "editor.step-back");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                "editor.step-back");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_s, GDK_CONTROL_MASK,
                "editor.save-for-later");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  /* The one-page form is a way of working, not a property of one exercise: the last choice
   * holds for the next exercise. Other open editors keep the form they have. */
  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "skill-editor-full-form", self->full_form_button, "active",
                   G_SETTINGS_BIND_GET | G_SETTINGS_BIND_SET | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_signal_connect_swapped (self->full_form_button, "toggled", G_CALLBACK (full_form_toggled_cb),
                            self);
  g_signal_connect_swapped (self->private_switch, "notify::active",
                            G_CALLBACK (private_changed_cb), self);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->next_button));
}
