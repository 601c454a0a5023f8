/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-library-view.c: the skills library: the four DBT-informed modules and their
 * skills, searchable as you type, each with "I used this" for today's diary card, which asks
 * how it went and, if the person likes, their distress before and after. */

#define G_LOG_DOMAIN "steady-skill-library-view"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-diary-store.h"
#include "steady-journal-common.h"
#include "steady-rating-row.h"
#include "steady-skill-kind.h"
#include "steady-skill-library-view.h"
#include "steady-skills-library.h"

struct _SteadySkillLibraryView
{
  GtkWidget            parent_instance;

  /* children */
  GtkSearchEntry      *search_entry;
  GtkStack            *stack;
  AdwPreferencesGroup *groups[STEADY_N_SKILL_MODULES];

  /* unowned: a row per skill, in library order */
  GPtrArray           *rows;
  /* unowned: the "I used this" popover on its distress step, whose use is not logged yet */
  struct _UsePopover  *pending;

  /* owned */
  SteadyDiaryStore    *diary_store;
};

G_DEFINE_FINAL_TYPE (SteadySkillLibraryView, steady_skill_library_view, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_ADD_TOAST,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "I used this", with undo ------------------------------------------------------------- */

/* Enough to put today's card back as it was: the log entry, and the skill's cell before. */
typedef struct
{
  char     *use_uuid;
  char     *skill;
  int       local_day;
  int       utc_offset_s;
  gboolean  card_existed;
  int       old_rating;   /* STEADY_DIARY_NONE when the skill was not on the card */
} LoggedUse;

static void
logged_use_free (LoggedUse *logged)
{
  g_free (logged->use_uuid);
  g_free (logged->skill);
  g_free (logged);
}

static int
find_skill_rating (const SteadyDiaryCard *card,
                   const char            *skill,
                   guint                 *out_index)
{
  for (guint i = 0; i < card->skills->len; i++)
    {
      const SteadyDiarySkillRating *row = &g_array_index (card->skills, SteadyDiarySkillRating, i);

      if (g_str_equal (row->skill, skill))
        {
          if (out_index != NULL)
            *out_index = i;
          return row->rating;
        }
    }
  return STEADY_DIARY_NONE;
}

/* Undo takes the use out of the log and gives the card's cell its old value; a card that "I
 * used this" made, and that holds nothing else, goes again. */
static gboolean
undo_use (SteadySkillLibraryView  *self,
          const LoggedUse         *logged,
          GError                 **error)
{
  g_autoptr(SteadySkillUse) use = NULL;
  g_autoptr(SteadyDiaryCard) card = NULL;
  guint index;

  use = steady_diary_store_delete_skill_use (self->diary_store, logged->use_uuid, error);
  if (use == NULL)
    return FALSE;
  card = steady_diary_store_load_card (self->diary_store, logged->local_day,
                                       logged->utc_offset_s, error);
  if (card == NULL)
    return FALSE;
  if (find_skill_rating (card, logged->skill, &index) != STEADY_DIARY_NONE)
    {
      if (logged->old_rating == STEADY_DIARY_NONE)
        g_array_remove_index (card->skills, index);
      else
        steady_diary_card_set_skill (card, logged->skill, logged->old_rating);
    }
  if (!logged->card_existed && card->skills->len == 0 && card->ratings->len == 0 &&
      card->distress == STEADY_DIARY_NONE)
    {
      g_autoptr(SteadyDiaryCard) deleted = NULL;

      deleted = steady_diary_store_delete_card (self->diary_store, logged->local_day, error);
      return deleted != NULL;
    }
  return steady_diary_store_save_card (self->diary_store, card, error);
}

static void
undo_clicked_cb (AdwToast               *toast,
                 SteadySkillLibraryView *self)
{
  LoggedUse *logged = g_object_get_data (G_OBJECT (toast), "steady-logged-use");
  g_autoptr(GError) error = NULL;

  if (!undo_use (self, logged, &error))
    g_signal_emit (self, signals[SIGNAL_ADD_TOAST], 0, adw_toast_new (error->message));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static LoggedUse *
log_use (SteadySkillLibraryView  *self,
         const char              *skill,
         int                      rating,
         int                      distress_before,
         int                      distress_after,
         GError                 **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 time_us = g_date_time_to_unix (now) * G_USEC_PER_SEC +
                   g_date_time_get_microsecond (now);
  int offset = (int)(g_date_time_get_utc_offset (now) / G_USEC_PER_SEC);
  g_autoptr(SteadyDiaryCard) before = NULL;
  LoggedUse *logged = g_new0 (LoggedUse, 1);

  logged->skill = g_strdup (skill);
  logged->local_day = steady_journal_day_from_time (time_us, offset);
  logged->utc_offset_s = offset;
  before = steady_diary_store_load_card (self->diary_store, logged->local_day, offset, error);
  if (before != NULL)
    {
      logged->card_existed = before->created_us != 0;
      logged->old_rating = find_skill_rating (before, skill, NULL);
      logged->use_uuid = steady_diary_store_log_skill_use (self->diary_store, skill, rating,
                                                           distress_before, distress_after,
                                                           time_us, offset, error);
    }
  if (logged->use_uuid == NULL)
    {
      logged_use_free (logged);
      return NULL;
    }
  return logged;
}

/* The popover of one skill's "I used this": first how it went on the card's 0–7 scale, then,
 * if the person likes, distress before and after (what "what helps me" ranks skills by). */
typedef struct _UsePopover
{
  SteadySkillLibraryView *view;        /* unowned: it holds the popover */
  const SteadySkill      *skill;
  GtkPopover             *popover;     /* unowned: it holds this */
  GtkStack               *stack;
  SteadyRatingRow        *before;
  SteadyRatingRow        *after;
  int                     rating;      /* chosen on the first step; -1 before, or once logged */
} UsePopover;

/* Logs the use with the rating chosen and the distress given (NONE where skipped), and offers
 * Undo. Runs once per choice: a second call finds nothing chosen. */
static void
log_chosen (UsePopover *use,
            int         distress_before,
            int         distress_after)
{
  SteadySkillLibraryView *self = use->view;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  LoggedUse *logged;
  AdwToast *toast;
  int rating = use->rating;

  if (rating < 0)
    return;
  use->rating = -1;
  self->pending = NULL;
  logged = log_use (self, use->skill->id, rating, distress_before, distress_after, &error);
  if (logged == NULL)
    {
      g_signal_emit (self, signals[SIGNAL_ADD_TOAST], 0, adw_toast_new (error->message));
      return;
    }

  /* Translators: a toast after "I used this"; %s is the skill's name. */
  title = g_strdup_printf (_("%s is on today’s diary card"), _(use->skill->name));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "steady-logged-use", logged,
                          (GDestroyNotify)logged_use_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  g_signal_emit (self, signals[SIGNAL_ADD_TOAST], 0, toast);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
rating_clicked_cb (GtkButton  *button,
                   UsePopover *use)
{
  use->rating = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "steady-rating"));
  use->view->pending = use;
  /* Nothing is rated until the person moves a slider, which starts in the middle as in a
   * new exercise, not where the last use left it. */
  steady_rating_row_set_value (use->before, STEADY_DIARY_NONE);
  steady_rating_row_set_value (use->after, STEADY_DIARY_NONE);
  steady_rating_row_set_start (use->before, STEADY_DIARY_DISTRESS_MAX / 2);
  steady_rating_row_set_start (use->after, STEADY_DIARY_DISTRESS_MAX / 2);
  gtk_stack_set_visible_child_name (use->stack, "distress");
  gtk_widget_grab_focus (GTK_WIDGET (steady_rating_row_get_scale (use->before)));
}

static void
save_distress_clicked_cb (UsePopover *use)
{
  log_chosen (use, steady_rating_row_get_value (use->before),
              steady_rating_row_get_value (use->after));
  gtk_popover_popdown (use->popover);
}

static void
skip_distress_clicked_cb (UsePopover *use)
{
  log_chosen (use, STEADY_DIARY_NONE, STEADY_DIARY_NONE);
  gtk_popover_popdown (use->popover);
}

/* Closing the popover after choosing how it went still logs the use, with whatever distress
 * was given: the choice was made, and a click beside the popover must not lose it. Undo is
 * in the toast. */
static void
popover_closed_cb (UsePopover *use)
{
  log_chosen (use, steady_rating_row_get_value (use->before),
              steady_rating_row_get_value (use->after));
}

/* Every opening starts again at how it went. */
static void
popover_show_cb (UsePopover *use)
{
  use->rating = -1;
  gtk_stack_set_visible_child_name (use->stack, "rating");
}

static GtkWidget *
new_heading (const char *text)
{
  GtkWidget *heading = gtk_label_new (text);

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_set_margin_start (heading, 6);
  gtk_widget_set_margin_bottom (heading, 6);
  return heading;
}

/* The first step: the 0–7 scale in the card's own words. */
static GtkWidget *
build_rating_step (UsePopover *use)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_append (GTK_BOX (box), new_heading (_("How did it go today?")));
  /* Highest first: the outcome people hope for is the first one read. */
  for (int rating = STEADY_SKILL_RATING_MAX; rating >= 0; rating--)
    {
      /* Translators: a choice on the diary card's 0–7 scale: the number, then its meaning. */
      g_autofree char *text = g_strdup_printf (_("%d · %s"), rating,
                                               steady_skill_rating_get_meaning (rating));
      GtkWidget *button = gtk_button_new ();
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "steady-rating", GINT_TO_POINTER (rating));
      g_signal_connect (button, "clicked", G_CALLBACK (rating_clicked_cb), use);
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

/* The second step: distress before and after, each "Not rated" until touched, the same
 * question the exercises and timers ask. */
static GtkWidget *
build_distress_step (UsePopover *use)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *intro = gtk_label_new (_("If you like, rate your distress from 0 to 10. This is "
                                      "how “What helps me” learns which skills help you."));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *skip = gtk_button_new_with_mnemonic (_("_Skip"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  const char *hint = _("0 is calm, 10 is the most distressed you can imagine. Leave it off to "
                       "skip.");

  gtk_box_append (GTK_BOX (box), new_heading (_("How distressed were you?")));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (intro), 36);
  gtk_widget_set_margin_start (intro, 6);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_box_append (GTK_BOX (box), intro);

  use->before = STEADY_RATING_ROW (steady_rating_row_new (_("Before you used the skill"), hint,
                                                          10));
  use->after = STEADY_RATING_ROW (steady_rating_row_new (_("Now, after it"), NULL, 10));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (use->before));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (use->after));

  /* Translators: a screen reader's name for Skip on the distress step of "I used this". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (skip), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Skip rating distress"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Save with this distress"), -1);
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_hexpand (skip, TRUE);
  gtk_widget_set_hexpand (save, TRUE);
  g_signal_connect_swapped (skip, "clicked", G_CALLBACK (skip_distress_clicked_cb), use);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_distress_clicked_cb), use);
  gtk_box_append (GTK_BOX (buttons), skip);
  gtk_box_append (GTK_BOX (buttons), save);
  gtk_box_append (GTK_BOX (box), buttons);
  return box;
}

/* Made when the popover is first opened. */
static void
create_use_popover_cb (GtkMenuButton *menu_button,
                       gpointer       user_data)
{
  UsePopover *use;
  GtkWidget *popover;
  GtkWidget *clamp;

  if (gtk_menu_button_get_popover (menu_button) != NULL)
    return;

  use = g_new0 (UsePopover, 1);
  use->view = STEADY_SKILL_LIBRARY_VIEW (user_data);
  use->skill = g_object_get_data (G_OBJECT (menu_button), "steady-skill");
  use->rating = -1;
  use->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (use->stack, FALSE);
  gtk_stack_set_hhomogeneous (use->stack, FALSE);
  gtk_stack_add_named (use->stack, build_rating_step (use), "rating");
  gtk_stack_add_named (use->stack, build_distress_step (use), "distress");
  /* Narrow enough for a 360 px window: wrapped text would ask for its whole length. */
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 300);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 300);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (use->stack));

  popover = gtk_popover_new ();
  use->popover = GTK_POPOVER (popover);
  gtk_popover_set_child (GTK_POPOVER (popover), clamp);
  g_object_set_data_full (G_OBJECT (popover), "steady-use-popover", use, g_free);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (popover_show_cb), use);
  g_signal_connect_swapped (popover, "closed", G_CALLBACK (popover_closed_cb), use);
  gtk_menu_button_set_popover (menu_button, popover);
}

/* Building ------------------------------------------------------------------------------ */

static void
exercise_clicked_cb (GtkButton *button,
                     gpointer   user_data)
{
  const SteadySkill *skill = g_object_get_data (G_OBJECT (button), "steady-skill");

  gtk_widget_activate_action (GTK_WIDGET (button), "win.skill-exercise", "s", skill->exercise);
}

static GtkWidget *
make_skill_row (SteadySkillLibraryView *self,
                const SteadySkill      *skill)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *used = gtk_menu_button_new ();
  g_autofree char *used_name = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(skill->name));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(skill->description));
  g_object_set_data (G_OBJECT (row), "steady-skill", (gpointer)skill);

  if (skill->exercise != NULL)
    {
      SteadySkillKind kind;
      GtkWidget *write = gtk_button_new_from_icon_name ("document-edit-symbolic");
      g_autofree char *write_name = NULL;

      g_assert (steady_skill_kind_from_id (skill->exercise, &kind));
      /* Translators: a button beside a skill that opens its written exercise; %s is the
       * exercise, such as "Check the facts". */
      write_name = g_strdup_printf (_("Write it down: %s"), steady_skill_kind_get_title (kind));
      gtk_widget_set_tooltip_text (write, write_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (write), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      write_name, -1);
      gtk_widget_set_valign (write, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (write, "flat");
      g_object_set_data (G_OBJECT (write), "steady-skill", (gpointer)skill);
      g_signal_connect (write, "clicked", G_CALLBACK (exercise_clicked_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), write);
    }

  gtk_menu_button_set_label (GTK_MENU_BUTTON (used), _("I Used This"));
  /* Translators: what a screen reader says for "I used this" beside a skill. */
  used_name = g_strdup_printf (_("I used %s"), _(skill->name));
  gtk_widget_set_tooltip_text (used, _("Put it on today’s diary card"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (used), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  used_name, -1);
  gtk_widget_set_valign (used, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (used), "steady-skill", (gpointer)skill);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (used), create_use_popover_cb,
                                         self, NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), used);
  return row;
}

/* Shows the skills that match what is typed, and the modules that still have any. */
static void
search_changed_cb (SteadySkillLibraryView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) found = steady_skills_library_search (text);
  gboolean module_shown[STEADY_N_SKILL_MODULES] = { FALSE };

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      const SteadySkill *skill = g_object_get_data (G_OBJECT (row), "steady-skill");
      gboolean shown = g_ptr_array_find (found, skill, NULL);

      gtk_widget_set_visible (row, shown);
      module_shown[skill->module] |= shown;
    }
  for (guint m = 0; m < STEADY_N_SKILL_MODULES; m++)
    gtk_widget_set_visible (GTK_WIDGET (self->groups[m]), module_shown[m]);
  gtk_stack_set_visible_child_name (self->stack, found->len > 0 ? "list" : "no-results");
}

guint
steady_skill_library_view_count_shown (SteadySkillLibraryView *self)
{
  guint n = 0;

  g_return_val_if_fail (STEADY_IS_SKILL_LIBRARY_VIEW (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    n += gtk_widget_get_visible (g_ptr_array_index (self->rows, i)) ? 1 : 0;
  return n;
}

void
steady_skill_library_view_focus_search (SteadySkillLibraryView *self)
{
  g_return_if_fail (STEADY_IS_SKILL_LIBRARY_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static GtkWidget *
build_search_bar (SteadySkillLibraryView *self)
{
  GtkWidget *clamp = adw_clamp_new ();

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Search skills"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search skills"), -1);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (search_changed_cb), self);
  gtk_widget_set_margin_start (GTK_WIDGET (self->search_entry), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->search_entry), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->search_entry), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->search_entry), 6);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->search_entry));
  return clamp;
}

static GtkWidget *
build_list (SteadySkillLibraryView *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  const SteadySkill *skills;
  guint n_skills;

  for (guint m = 0; m < STEADY_N_SKILL_MODULES; m++)
    {
      self->groups[m] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (self->groups[m], steady_skill_module_get_title (m));
      adw_preferences_group_set_description (self->groups[m],
                                             steady_skill_module_get_summary (m));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->groups[m]));
    }
  skills = steady_skills_library_get (&n_skills);
  for (guint i = 0; i < n_skills; i++)
    {
      GtkWidget *row = make_skill_row (self, &skills[i]);

      adw_preferences_group_add (self->groups[skills[i].module], row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 24);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  return scrolled;
}

GtkWidget *
steady_skill_library_view_new (SteadyDatabase *database)
{
  SteadySkillLibraryView *self;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), NULL);

  self = g_object_new (STEADY_TYPE_SKILL_LIBRARY_VIEW, NULL);
  self->diary_store = steady_diary_store_new (database);
  return GTK_WIDGET (self);
}

static void
steady_skill_library_view_dispose (GObject *object)
{
  SteadySkillLibraryView *self = STEADY_SKILL_LIBRARY_VIEW (object);
  GtkWidget *child;

  /* The window closed on the distress step: the use chosen is logged all the same, with the
   * distress given so far, though there is nobody left to tell. */
  if (self->pending != NULL && self->pending->rating >= 0)
    {
      g_autoptr(GError) error = NULL;
      LoggedUse *logged = log_use (self, self->pending->skill->id, self->pending->rating,
                                   steady_rating_row_get_value (self->pending->before),
                                   steady_rating_row_get_value (self->pending->after), &error);

      if (logged == NULL)
        g_debug ("A skill use could not be logged on closing: %s", error->message);
      g_clear_pointer (&logged, logged_use_free);
      self->pending->rating = -1;
    }
  self->pending = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->diary_store);

  G_OBJECT_CLASS (steady_skill_library_view_parent_class)->dispose (object);
}

static void
steady_skill_library_view_class_init (SteadySkillLibraryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_skill_library_view_dispose;

  /* A toast for the page to show; the handler takes it, as adw_toast_overlay_add_toast (). */
  signals[SIGNAL_ADD_TOAST] = g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, ADW_TYPE_TOAST);
  /* A skill was logged or the log undone: the history and "what helps me" may change. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "skilllibraryview");
}

static void
steady_skill_library_view_init (SteadySkillLibraryView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *empty = adw_status_page_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  self->rows = g_ptr_array_new ();

  gtk_widget_set_parent (build_search_bar (self), GTK_WIDGET (self));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No skills found"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Try another word, such as “calm”, “crisis” or “ask”."));
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, build_list (self), "list");
  gtk_stack_add_named (self->stack, empty, "no-results");
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
}
