/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-journal-page.c: the Journal page. The list reads the journal a page of rows at a
 * time through SteadyJournalModel; search and filters go to the store's full-text index;
 * the charts are SteadyMoodChartWidgets. */

#define G_LOG_DOMAIN "steady-journal-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "steady-draft-store.h"
#include "steady-entry-editor.h"
#include "steady-entry-row.h"
#include "steady-journal-delete.h"
#include "steady-journal-model.h"
#include "steady-journal-page.h"
#include "steady-mood-chart-widget.h"

/* Results come a page at a time: the first page fills a tall window, and the next is read
 * when the rows shown come within LOAD_AHEAD of the end. */
#define RESULTS_PAGE_SIZE 50
#define LOAD_AHEAD        20
/* A day's heading sums up at most this many of its check-ins. */
#define MAX_DAY_SCAN 50
/* The search entry is never narrower than this beside the buttons: where it would be, it goes
 * on a row of its own, so its placeholder and what is typed can be read at 360 px. */
#define SEARCH_MIN_WIDTH 240

struct _SteadyJournalPage
{
  GtkWidget           parent_instance;

  /* template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkBox             *toolbar;
  GtkSearchEntry     *search_entry;
  GtkWidget          *toolbar_buttons;
  GtkMenuButton      *filter_button;
  GtkEntry           *from_entry;
  GtkEntry           *to_entry;
  GtkDropDown        *mood_dropdown;
  GtkDropDown        *emotion_dropdown;
  GtkDropDown        *tag_dropdown;
  GtkLabel           *filter_error_label;
  GtkToggleButton    *charts_button;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkListView        *results_view;
  GtkBox             *charts_box;
  GtkToggleButton    *week_button;
  GtkToggleButton    *month_button;
  GtkToggleButton    *year_button;

  /* owned */
  SteadyJournalStore *store;
  SteadyJournalModel *model;
  GListStore         *results;       /* SteadyJournalSearchHit */
  SteadyJournalQuery  query;         /* of the results shown; its strings are these: */
  char               *query_text;
  char               *query_emotion_uuid;
  char               *query_tag_uuid;
  gboolean            results_complete;
  GPtrArray          *emotion_uuids; /* parallel to emotion_dropdown, from index 1 */
  GPtrArray          *tag_uuids;
  GPtrArray          *charts;        /* SteadyMoodChartWidget, unowned */

  guint               rebind_source_id;
  guint               load_more_source_id;
};

G_DEFINE_FINAL_TYPE (SteadyJournalPage, steady_journal_page, GTK_TYPE_WIDGET)

static void update_view (SteadyJournalPage *self);
static void schedule_load_more (SteadyJournalPage *self);

/* Editing ------------------------------------------------------------------------------ */

static void
undo_clicked_cb (AdwToast          *toast,
                 SteadyJournalPage *self)
{
  g_autoptr(GError) error = NULL;
  SteadyMoodEntry *deleted = g_object_get_data (G_OBJECT (toast), "steady-deleted-entry");

  if (deleted != NULL && !steady_journal_store_restore (self->store, deleted, &error))
    {
      /* Translators: %s says why a deleted check-in could not be brought back. */
      g_autofree char *text = g_strdup_printf (_("The check-in could not be restored: %s"),
                                               error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
    }
}

/* Says a check-in was deleted, with Undo to bring it back exactly as it was. */
void
steady_journal_page_show_deleted (SteadyJournalPage *self,
                                  SteadyMoodEntry   *deleted)
{
  AdwToast *toast;

  g_return_if_fail (STEADY_IS_JOURNAL_PAGE (self));
  g_return_if_fail (STEADY_IS_MOOD_ENTRY (deleted));

  toast = adw_toast_new (_("Check-in deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "steady-deleted-entry", g_object_ref (deleted),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
editor_deleted_cb (SteadyEntryEditor *editor,
                   SteadyMoodEntry   *deleted,
                   SteadyJournalPage *self)
{
  steady_journal_page_show_deleted (self, deleted);
}

/**
 * steady_journal_page_open_editor:
 * @entry: (nullable): the check-in to change, or %NULL for a new one
 *
 * Returns: (transfer none): the editor, shown
 */
GtkWidget *
steady_journal_page_open_editor (SteadyJournalPage *self,
                                 SteadyMoodEntry   *entry)
{
  GtkRoot *root;
  SteadyEntryEditor *editor;

  g_return_val_if_fail (STEADY_IS_JOURNAL_PAGE (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  editor = steady_entry_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    self->store, entry, STEADY_MOOD_NONE);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (editor_deleted_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WIDGET (editor);
}

static void
new_entry_activated_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  steady_journal_page_open_editor (STEADY_JOURNAL_PAGE (widget), NULL);
}

static void
list_activate_cb (GtkListView       *view,
                  guint              position,
                  SteadyJournalPage *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_autoptr(GObject) item = g_list_model_get_item (model, position);
  SteadyMoodEntry *entry = NULL;

  if (STEADY_IS_MOOD_ENTRY (item))
    entry = STEADY_MOOD_ENTRY (item);
  else if (STEADY_IS_JOURNAL_SEARCH_HIT (item))
    entry = steady_journal_search_hit_get_entry (STEADY_JOURNAL_SEARCH_HIT (item));
  if (entry != NULL)
    steady_journal_page_open_editor (self, entry);
}

static void
delete_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SteadyJournalPage) self = user_data;
  g_autoptr(SteadyMoodEntry) deleted = NULL;
  g_autoptr(GError) error = NULL;

  deleted = steady_journal_delete_finish (STEADY_JOURNAL_STORE (object), result, &error);
  if (deleted == NULL)
    {
      /* Translators: %s says why a check-in could not be deleted. */
      g_autofree char *text = g_strdup_printf (_("The check-in could not be deleted: %s"),
                                               error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
      return;
    }
  steady_journal_page_show_deleted (self, deleted);
}

/* Delete in a row's menu: no question, but Undo on the toast. A draft of the entry goes too,
 * or it would be offered back as an unsaved check-in. */
static void
row_delete_requested_cb (SteadyEntryRow    *row,
                         SteadyMoodEntry   *entry,
                         SteadyJournalPage *self)
{
  g_autoptr(SteadyDraftStore) drafts =
    steady_draft_store_new (steady_journal_store_get_database (self->store));

  steady_draft_store_delete (drafts, STEADY_MOOD_ENTRY_DRAFT_KIND,
                             steady_mood_entry_get_uuid (entry), NULL);
  steady_journal_delete_async (self->store, steady_mood_entry_get_uuid (entry), NULL,
                               delete_done_cb, g_object_ref (self));
}

/* The list -------------------------------------------------------------------------------- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SteadyJournalPage        *self)
{
  GtkWidget *row = steady_entry_row_new ();

  g_signal_connect_object (row, "delete-requested", G_CALLBACK (row_delete_requested_cb),
                           self, 0);
  gtk_list_item_set_child (item, row);
}

/* The day's heading goes in the row of its newest check-in, with the day's mood from its
 * check-ins, which are its neighbours in the list. */
static void
bind_entry_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               SteadyJournalPage        *self)
{
  SteadyEntryRow *row = STEADY_ENTRY_ROW (gtk_list_item_get_child (item));
  SteadyMoodEntry *entry = gtk_list_item_get_item (item);
  GListModel *model = G_LIST_MODEL (self->model);
  guint position = gtk_list_item_get_position (item);
  int day = steady_mood_entry_get_local_day (entry);
  gboolean first = TRUE;

  steady_entry_row_set_entry (row, entry, NULL);
  if (position > 0)
    {
      g_autoptr(SteadyMoodEntry) before = g_list_model_get_item (model, position - 1);

      first = before == NULL || steady_mood_entry_get_local_day (before) != day;
    }

  if (first)
    {
      SteadyDaySummary summary = { day, 0, 0, STEADY_MOOD_MAX, STEADY_MOOD_MIN };
      double sum = 0;
      guint n_items = g_list_model_get_n_items (model);

      for (guint i = position; i < n_items && i < position + MAX_DAY_SCAN; i++)
        {
          g_autoptr(SteadyMoodEntry) other = g_list_model_get_item (model, i);
          int mood;

          if (other == NULL || steady_mood_entry_get_local_day (other) != day)
            break;
          mood = steady_mood_entry_get_mood (other);
          sum += mood;
          summary.n_entries++;
          summary.min_mood = MIN (summary.min_mood, mood);
          summary.max_mood = MAX (summary.max_mood, mood);
        }
      summary.mean_mood = summary.n_entries > 0 ? sum / summary.n_entries : 0;
      steady_entry_row_set_day_heading (row, &summary);
    }
  else
    {
      steady_entry_row_set_day_heading (row, NULL);
    }
}

static void
bind_hit_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SteadyJournalPage        *self)
{
  SteadyEntryRow *row = STEADY_ENTRY_ROW (gtk_list_item_get_child (item));
  SteadyJournalSearchHit *hit = gtk_list_item_get_item (item);
  g_autofree char *markup = steady_journal_search_hit_dup_snippet_markup (hit);
  SteadyMoodEntry *entry = steady_journal_search_hit_get_entry (hit);
  SteadyDaySummary summary = { steady_mood_entry_get_local_day (entry), 1,
                               steady_mood_entry_get_mood (entry),
                               steady_mood_entry_get_mood (entry),
                               steady_mood_entry_get_mood (entry) };

  /* Results are ranked, not grouped: each carries its own date. */
  steady_entry_row_set_entry (row, entry, markup != NULL && *markup != '\0' ? markup : NULL);
  steady_entry_row_set_day_heading (row, &summary);

  /* The list binds the rows it is about to show: near the end, read the next page. */
  if (gtk_list_item_get_position (item) + LOAD_AHEAD >=
      g_list_model_get_n_items (G_LIST_MODEL (self->results)))
    schedule_load_more (self);
}

static GtkListItemFactory *
make_factory (SteadyJournalPage *self,
              GCallback          bind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", bind, self);
  return factory;
}

/* GTK 4.8 rebinds only the rows that changed, but a new or removed check-in can move the
 * day's heading to its neighbour; giving the view its model again rebinds what is shown. */
static gboolean
rebind_cb (gpointer user_data)
{
  SteadyJournalPage *self = user_data;
  g_autoptr(GtkSelectionModel) selection = NULL;

  self->rebind_source_id = 0;
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (
                                                                  self->model))));
  gtk_list_view_set_model (self->list_view, selection);
  update_view (self);
  return G_SOURCE_REMOVE;
}

static void
entries_changed_cb (SteadyJournalPage *self)
{
  if (self->rebind_source_id == 0)
    self->rebind_source_id = g_idle_add (rebind_cb, self);
}

static void
load_failed_cb (SteadyJournalModel *model,
                const GError       *error,
                SteadyJournalPage  *self)
{
  /* Translators: %s says why the journal could not be read. */
  g_autofree char *text = g_strdup_printf (_("Your journal could not be read: %s"),
                                           error->message);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* Search and filters ----------------------------------------------------------------------- */

/* Reads a typed date; an empty field is no limit. */
static gboolean
parse_day (GtkEntry  *entry,
           int        open_end,
           int       *out_day,
           GError   **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  int year, month, day;
  char rest;
  GDate date;

  if (text[strspn (text, " ")] == '\0')
    {
      *out_day = open_end;
      return TRUE;
    }
  if (sscanf (text, " %4d-%2d-%2d %c", &year, &month, &day, &rest) != 3 ||
      !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_DATE,
                   /* Translators: keep the example date in the form YYYY-MM-DD. */
                   _("“%s” is not a date Steady can read. Type it as year-month-day, for "
                     "example 2026-03-31."), text);
      return FALSE;
    }
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  *out_day = steady_journal_day_from_date (&date);
  return TRUE;
}

static const char *
selected_uuid (GtkDropDown *dropdown,
               GPtrArray   *uuids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > uuids->len)
    return NULL;
  return g_ptr_array_index (uuids, selected - 1);
}

/* Reads the hits after the last one shown, up to @limit, and adds them; fewer than asked
 * means there are no more. */
static void
load_results (SteadyJournalPage *self,
              guint              limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(SteadyJournalSearchHit) last = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  if (n_items > 0)
    last = g_list_model_get_item (G_LIST_MODEL (self->results), n_items - 1);
  hits = steady_journal_store_search (self->store, &self->query, last, limit, &error);
  if (hits == NULL)
    {
      self->results_complete = TRUE;
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  self->results_complete = hits->len < limit;
  g_list_store_splice (self->results, n_items, 0, hits->pdata, hits->len);
}

static gboolean
load_more_cb (gpointer user_data)
{
  SteadyJournalPage *self = user_data;

  self->load_more_source_id = 0;
  if (!self->results_complete)
    load_results (self, RESULTS_PAGE_SIZE);
  return G_SOURCE_REMOVE;
}

/* Not while the list binds rows: it must not change under it. */
static void
schedule_load_more (SteadyJournalPage *self)
{
  if (!self->results_complete && self->load_more_source_id == 0)
    self->load_more_source_id = g_idle_add (load_more_cb, self);
}

/* Searches afresh with what the fields say. @min_results keeps as many rows as were
 * shown, so an edit elsewhere does not take the user back to the top. */
static void
run_search (SteadyJournalPage *self,
            guint              min_results)
{
  g_autoptr(GError) error = NULL;
  guint mood = gtk_drop_down_get_selected (self->mood_dropdown);
  int first_day;
  int last_day;

  if (!parse_day (self->from_entry, STEADY_JOURNAL_DAY_MIN, &first_day, &error) ||
      !parse_day (self->to_entry, STEADY_JOURNAL_DAY_MAX, &last_day, &error))
    {
      gtk_label_set_text (self->filter_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->filter_error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->filter_error_label), FALSE);

  g_clear_handle_id (&self->load_more_source_id, g_source_remove);
  g_free (self->query_text);
  g_free (self->query_emotion_uuid);
  g_free (self->query_tag_uuid);
  self->query_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  self->query_emotion_uuid = g_strdup (selected_uuid (self->emotion_dropdown,
                                                      self->emotion_uuids));
  self->query_tag_uuid = g_strdup (selected_uuid (self->tag_dropdown, self->tag_uuids));
  steady_journal_query_init (&self->query);
  self->query.text = self->query_text;
  self->query.first_day = first_day;
  self->query.last_day = last_day;
  if (mood >= STEADY_MOOD_MIN && mood <= STEADY_MOOD_MAX)
    self->query.min_mood = self->query.max_mood = (int)mood;
  self->query.emotion_uuid = self->query_emotion_uuid;
  self->query.tag_uuid = self->query_tag_uuid;

  g_list_store_remove_all (self->results);
  load_results (self, MAX (min_results, RESULTS_PAGE_SIZE));
}

static gboolean
is_searching (SteadyJournalPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));

  return text[strspn (text, " \t")] != '\0' || from[0] != '\0' || to[0] != '\0' ||
         gtk_drop_down_get_selected (self->mood_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->emotion_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->tag_dropdown) > 0;
}

static void
update_view (SteadyJournalPage *self)
{
  const char *view;

  if (gtk_toggle_button_get_active (self->charts_button))
    view = "charts";
  else if (is_searching (self))
    view = g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0 ? "results"
                                                                        : "no-results";
  else
    view = g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0 ? "list" : "empty";
  gtk_stack_set_visible_child_name (self->stack, view);
}

static void
query_changed_cb (SteadyJournalPage *self)
{
  if (is_searching (self))
    {
      gtk_toggle_button_set_active (self->charts_button, FALSE);
      run_search (self, 0);
    }
  update_view (self);
}

/* A check-in added, changed or deleted: the same search again, as far as it was read. */
static void
entries_edited_cb (SteadyJournalPage *self)
{
  if (is_searching (self))
    run_search (self, g_list_model_get_n_items (G_LIST_MODEL (self->results)));
  update_view (self);
}

static void
clear_filters_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  SteadyJournalPage *self = STEADY_JOURNAL_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  gtk_drop_down_set_selected (self->mood_dropdown, 0);
  gtk_drop_down_set_selected (self->emotion_dropdown, 0);
  gtk_drop_down_set_selected (self->tag_dropdown, 0);
}

static void
fill_term_dropdown (SteadyJournalPage     *self,
                    GtkDropDown           *dropdown,
                    GPtrArray             *uuids,
                    SteadyJournalTermKind  kind)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) terms = steady_journal_store_list_terms (self->store, kind, NULL);

  /* Translators: the filter choice that lets every emotion or activity through. */
  gtk_string_list_append (names, C_("filter", "Any"));
  g_ptr_array_set_size (uuids, 0);
  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      SteadyJournalTerm *term = g_ptr_array_index (terms, i);

      gtk_string_list_append (names, steady_journal_term_get_name (term));
      g_ptr_array_add (uuids, g_strdup (steady_journal_term_get_uuid (term)));
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
}

static void
terms_changed_cb (SteadyJournalPage *self)
{
  fill_term_dropdown (self, self->emotion_dropdown, self->emotion_uuids,
                      STEADY_JOURNAL_TERM_EMOTION);
  fill_term_dropdown (self, self->tag_dropdown, self->tag_uuids, STEADY_JOURNAL_TERM_TAG);
}

static void
fill_mood_dropdown (SteadyJournalPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, C_("filter", "Any"));
  for (int mood = STEADY_MOOD_MIN; mood <= STEADY_MOOD_MAX; mood++)
    {
      /* Translators: a mood in the filter, e.g. "1 Very low". */
      g_autofree char *name = g_strdup_printf (_("%d %s"), mood, steady_mood_word (mood));

      gtk_string_list_append (names, name);
    }
  gtk_drop_down_set_model (self->mood_dropdown, G_LIST_MODEL (names));
}

/* Charts ------------------------------------------------------------------------------------ */

static void
add_chart (SteadyJournalPage   *self,
           SteadyMoodChartKind  kind,
           const char          *title)
{
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *chart = steady_mood_chart_widget_new (self->store, kind);
  GtkWidget *caption = gtk_label_new (NULL);

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_margin_top (heading, 12);
  gtk_widget_add_css_class (chart, "card");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  /* The caption repeats the chart's description for everyone who reads the screen. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (caption), GTK_ACCESSIBLE_STATE_HIDDEN,
                                  TRUE, -1);
  g_object_bind_property (chart, "summary", caption, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (self->charts_box, heading);
  gtk_box_append (self->charts_box, chart);
  gtk_box_append (self->charts_box, caption);
  g_ptr_array_add (self->charts, chart);
}

void
steady_journal_page_set_chart_days (SteadyJournalPage *self,
                                    guint              n_days)
{
  g_return_if_fail (STEADY_IS_JOURNAL_PAGE (self));

  if (n_days <= 7)
    gtk_toggle_button_set_active (self->week_button, TRUE);
  else if (n_days <= 31)
    gtk_toggle_button_set_active (self->month_button, TRUE);
  else
    gtk_toggle_button_set_active (self->year_button, TRUE);
}

static void
period_toggled_cb (GtkToggleButton   *button,
                   SteadyJournalPage *self)
{
  guint n_days = 7;

  if (!gtk_toggle_button_get_active (button))
    return;
  if (button == self->month_button)
    n_days = 30;
  else if (button == self->year_button)
    n_days = 365;
  for (guint i = 0; i < self->charts->len; i++)
    steady_mood_chart_widget_set_n_days (g_ptr_array_index (self->charts, i), n_days);
}

/* Public ------------------------------------------------------------------------------------ */

void
steady_journal_page_focus_search (SteadyJournalPage *self)
{
  g_return_if_fail (STEADY_IS_JOURNAL_PAGE (self));

  gtk_toggle_button_set_active (self->charts_button, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
steady_journal_page_set_search_text (SteadyJournalPage *self,
                                     const char        *text)
{
  g_return_if_fail (STEADY_IS_JOURNAL_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* Results as the user types come after the entry's short delay; here, at once. */
  query_changed_cb (self);
}

void
steady_journal_page_show_charts (SteadyJournalPage *self,
                                 gboolean           show)
{
  g_return_if_fail (STEADY_IS_JOURNAL_PAGE (self));

  gtk_toggle_button_set_active (self->charts_button, show);
}

/* "list", "results", "empty", "no-results" or "charts". */
const char *
steady_journal_page_get_view (SteadyJournalPage *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GListModel *
steady_journal_page_get_results (SteadyJournalPage *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_PAGE (self), NULL);

  return G_LIST_MODEL (self->results);
}

static gboolean
search_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  steady_journal_page_focus_search (STEADY_JOURNAL_PAGE (widget));
  return TRUE;
}

static gboolean
new_entry_shortcut_cb (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   user_data)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  steady_journal_page_open_editor (STEADY_JOURNAL_PAGE (widget), NULL);
  return TRUE;
}

static void
add_page_shortcut (GtkShortcutController *controller,
                   guint                  key,
                   GtkShortcutFunc        callback)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key,
                                                                                  GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (callback, NULL,
                                                                                   NULL)));
}

GtkWidget *
steady_journal_page_new (SteadyJournalStore *store)
{
  SteadyJournalPage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkListItemFactory) list_factory = NULL;
  g_autoptr(GtkListItemFactory) results_factory = NULL;

  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (store), NULL);

  self = g_object_new (STEADY_TYPE_JOURNAL_PAGE, NULL);
  self->store = g_object_ref (store);
  self->model = steady_journal_model_new (store, &error);
  if (self->model == NULL)
    {
      g_debug ("The journal model could not be made: %s", error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return GTK_WIDGET (self);
    }
  g_signal_connect_object (self->model, "load-failed", G_CALLBACK (load_failed_cb), self, 0);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (entries_changed_cb), self,
                           G_CONNECT_SWAPPED);

  list_factory = make_factory (self, G_CALLBACK (bind_entry_cb));
  gtk_list_view_set_factory (self->list_view, list_factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (
                             g_object_ref (G_LIST_MODEL (self->model)))));
  results_factory = make_factory (self, G_CALLBACK (bind_hit_cb));
  gtk_list_view_set_factory (self->results_view, results_factory);
  gtk_list_view_set_model (self->results_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (
                             g_object_ref (G_LIST_MODEL (self->results)))));
  g_signal_connect (self->list_view, "activate", G_CALLBACK (list_activate_cb), self);
  g_signal_connect (self->results_view, "activate", G_CALLBACK (list_activate_cb), self);

  fill_mood_dropdown (self);
  terms_changed_cb (self);
  g_signal_connect_object (store, "terms-changed", G_CALLBACK (terms_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Search results follow edits too. */
  g_signal_connect_object (store, "entry-updated", G_CALLBACK (entries_edited_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "entry-removed", G_CALLBACK (entries_edited_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "entry-added", G_CALLBACK (entries_edited_cb), self,
                           G_CONNECT_SWAPPED);

  add_chart (self, STEADY_MOOD_CHART_MOOD, _("Mood"));
  add_chart (self, STEADY_MOOD_CHART_EMOTIONS, _("Emotions"));
  add_chart (self, STEADY_MOOD_CHART_SLEEP, _("Sleep and Mood"));

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (query_changed_cb),
                            self);
  g_signal_connect_swapped (self->from_entry, "changed", G_CALLBACK (query_changed_cb), self);
  g_signal_connect_swapped (self->to_entry, "changed", G_CALLBACK (query_changed_cb), self);
  g_signal_connect_swapped (self->mood_dropdown, "notify::selected",
                            G_CALLBACK (query_changed_cb), self);
  g_signal_connect_swapped (self->emotion_dropdown, "notify::selected",
                            G_CALLBACK (query_changed_cb), self);
  g_signal_connect_swapped (self->tag_dropdown, "notify::selected",
                            G_CALLBACK (query_changed_cb), self);
  g_signal_connect_swapped (self->charts_button, "toggled", G_CALLBACK (update_view), self);
  g_signal_connect (self->week_button, "toggled", G_CALLBACK (period_toggled_cb), self);
  g_signal_connect (self->month_button, "toggled", G_CALLBACK (period_toggled_cb), self);
  g_signal_connect (self->year_button, "toggled", G_CALLBACK (period_toggled_cb), self);

  update_view (self);
  return GTK_WIDGET (self);
}

static void
steady_journal_page_dispose (GObject *object)
{
  SteadyJournalPage *self = STEADY_JOURNAL_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->rebind_source_id, g_source_remove);
  g_clear_handle_id (&self->load_more_source_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_object (&self->results);
  g_clear_pointer (&self->query_text, g_free);
  g_clear_pointer (&self->query_emotion_uuid, g_free);
  g_clear_pointer (&self->query_tag_uuid, g_free);
  g_clear_pointer (&self->emotion_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->tag_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->charts, g_ptr_array_unref);

  G_OBJECT_CLASS (steady_journal_page_parent_class)->dispose (object);
}

static void
steady_journal_page_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  gtk_widget_measure (gtk_widget_get_first_child (widget), orientation, for_size, minimum,
                      natural, minimum_baseline, natural_baseline);
}

/* libadwaita 1.2 has no breakpoints: the page lays its toolbar out for the width it is given,
 * before its child is allocated, so the first frame at any width is already right. */
static void
steady_journal_page_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  SteadyJournalPage *self = STEADY_JOURNAL_PAGE (widget);
  GtkOrientation orientation = GTK_ORIENTATION_HORIZONTAL;
  int buttons_width = 0;
  int row_width;

  gtk_widget_measure (self->toolbar_buttons, GTK_ORIENTATION_HORIZONTAL, -1, NULL,
                      &buttons_width, NULL, NULL);
  row_width = width - gtk_widget_get_margin_start (GTK_WIDGET (self->toolbar))
              - gtk_widget_get_margin_end (GTK_WIDGET (self->toolbar));
  if (row_width - buttons_width - gtk_box_get_spacing (self->toolbar) < SEARCH_MIN_WIDTH)
    orientation = GTK_ORIENTATION_VERTICAL;
  if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->toolbar)) != orientation)
    gtk_orientable_set_orientation (GTK_ORIENTABLE (self->toolbar), orientation);

  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
}

static void
steady_journal_page_class_init (SteadyJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_journal_page_dispose;

  widget_class->measure = steady_journal_page_measure;
  widget_class->size_allocate = steady_journal_page_size_allocate;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/journal/steady-journal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, toolbar_buttons);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, mood_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, emotion_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, filter_error_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, charts_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, results_view);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, charts_box);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, week_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, month_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, year_button);

  gtk_widget_class_install_action (widget_class, "journal.new-entry", NULL,
                                   new_entry_activated_cb);
  gtk_widget_class_install_action (widget_class, "journal.clear-filters", NULL,
                                   clear_filters_activated_cb);
}

/* The lists sit on the window's background, so each check-in reads as a card on it. */
static void
load_css (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_data (provider,
                                       ".steady-journal-list { background: none; }"
                                       ".steady-journal-list > row { padding: 0; }"
                                       ".steady-journal-list > row:hover,"
                                       ".steady-journal-list > row:active"
                                       " { background: none; }"
                                       ".steady-journal-list > row:hover .steady-entry-card"
                                       " { background-image: image(alpha(currentColor, 0.04)); }",
                                       -1);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&loaded, 1);
    }
}

static void
steady_journal_page_init (SteadyJournalPage *self)
{
  GtkEventController *shortcuts;

  load_css ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->results = g_list_store_new (STEADY_TYPE_JOURNAL_SEARCH_HIT);
  steady_journal_query_init (&self->query);
  self->results_complete = TRUE;
  self->emotion_uuids = g_ptr_array_new_with_free_func (g_free);
  self->tag_uuids = g_ptr_array_new_with_free_func (g_free);
  self->charts = g_ptr_array_new ();

  /* Ctrl+F finds and Ctrl+N checks in from anywhere in the window while the page is shown. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_GLOBAL);
  add_page_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_f, search_shortcut_cb);
  add_page_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_n, new_entry_shortcut_cb);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}
