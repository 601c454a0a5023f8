/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-entry-editor.c: the window where a check-in is written or changed. What is typed
 * is kept as a draft within a second of typing, so no close, crash or full disk loses it. */

#define G_LOG_DOMAIN "steady-entry-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "steady-draft-offer-view.h"
#include "steady-entry-editor.h"
#include "steady-journal-delete.h"
#include "steady-mood-chart.h"

/* Well inside the promised two seconds, and rare enough not to write on every key. */
#define DRAFT_DELAY_MS 800

typedef struct
{
  char      *uuid;
  char      *name;
  GtkWidget *check;
  GtkWidget *scale;
} EmotionControl;

typedef struct
{
  char      *uuid;
  char      *name;
  GtkWidget *toggle;
} TagControl;

struct _SteadyEntryEditor
{
  AdwWindow           parent_instance;

  /* template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkWidget          *delete_button;
  GtkWidget          *save_button;
  SteadyDraftOfferView *draft_offer;
  GtkLabel           *error_label;
  GtkBox             *mood_box;
  AdwEntryRow        *date_row;
  AdwEntryRow        *time_row;
  AdwPreferencesGroup *emotions_group;
  AdwEntryRow        *add_emotion_row;
  GtkSwitch          *anxiety_switch;
  GtkRange           *anxiety_scale;
  GtkSwitch          *energy_switch;
  GtkRange           *energy_scale;
  GtkSwitch          *sleep_switch;
  GtkSpinButton      *sleep_spin;
  AdwComboRow        *medication_row;
  AdwEntryRow        *medications_row;
  GtkFlowBox         *tags_box;
  AdwEntryRow        *add_tag_row;
  GtkTextView        *note_view;
  GtkSwitch          *private_switch;

  /* owned */
  SteadyJournalStore *store;
  SteadyDraftStore   *drafts;
  SteadyMoodEntry    *original; /* as stored, or NULL for a new check-in */
  char               *uuid;     /* the entry's, and the draft's key */
  GPtrArray          *emotions; /* EmotionControl */
  GPtrArray          *tags;     /* TagControl */
  GtkToggleButton    *mood_buttons[STEADY_MOOD_MAX + 1];

  guint               draft_source_id;
  gboolean            loading;  /* filling the form, not the user typing */
  gboolean            dirty;
};

G_DEFINE_FINAL_TYPE (SteadyEntryEditor, steady_entry_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emotion_control_free (EmotionControl *control)
{
  g_free (control->uuid);
  g_free (control->name);
  g_free (control);
}

static void
tag_control_free (TagControl *control)
{
  g_free (control->uuid);
  g_free (control->name);
  g_free (control);
}

/* Showing problems --------------------------------------------------------------------- */

static void
show_error (SteadyEntryEditor *self,
            const char        *text)
{
  gtk_label_set_text (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), text != NULL && *text != '\0');
}

static void
show_toast (SteadyEntryEditor *self,
            const char        *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The form ---------------------------------------------------------------------------- */

static int
get_mood (SteadyEntryEditor *self)
{
  for (int mood = STEADY_MOOD_MIN; mood <= STEADY_MOOD_MAX; mood++)
    if (gtk_toggle_button_get_active (self->mood_buttons[mood]))
      return mood;
  return STEADY_MOOD_NONE;
}

static void
set_mood (SteadyEntryEditor *self,
          int                mood)
{
  for (int m = STEADY_MOOD_MIN; m <= STEADY_MOOD_MAX; m++)
    gtk_toggle_button_set_active (self->mood_buttons[m], m == mood);
}

static char *
dup_note (SteadyEntryEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_when (SteadyEntryEditor *self,
          GDateTime         *when)
{
  g_autofree char *date = g_date_time_format (when, "%Y-%m-%d");
  g_autofree char *time = g_date_time_format (when, "%H:%M");

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), time);
}

/* Reads the typed date and time; the messages say how to type them. */
static gboolean
parse_when (SteadyEntryEditor  *self,
            gint64             *out_time_us,
            int                *out_offset_s,
            GError            **error)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  const char *time = gtk_editable_get_text (GTK_EDITABLE (self->time_row));
  int year, month, day, hour, minute;
  char rest;

  if (sscanf (date, " %4d-%2d-%2d %c", &year, &month, &day, &rest) != 3)
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_DATE,
                   /* Translators: keep the example date in the form YYYY-MM-DD. */
                   _("The date “%s” is not one Steady can read. Type it as year-month-day, "
                     "for example 2026-03-31."), date);
      return FALSE;
    }
  if (sscanf (time, " %2d:%2d %c", &hour, &minute, &rest) != 2)
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_DATE,
                   /* Translators: keep the example time in the form HH:MM, 24 hours. */
                   _("The time “%s” is not one Steady can read. Type it as hours:minutes, "
                     "for example 18:30."), time);
      return FALSE;
    }
  return steady_journal_time_from_local (year, month, day, hour, minute, tz,
                                         out_time_us, out_offset_s, error);
}

static EmotionControl *
find_emotion (SteadyEntryEditor *self,
              const char        *uuid)
{
  for (guint i = 0; i < self->emotions->len; i++)
    {
      EmotionControl *control = g_ptr_array_index (self->emotions, i);

      if (g_strcmp0 (control->uuid, uuid) == 0)
        return control;
    }
  return NULL;
}

static TagControl *
find_tag (SteadyEntryEditor *self,
          const char        *uuid)
{
  for (guint i = 0; i < self->tags->len; i++)
    {
      TagControl *control = g_ptr_array_index (self->tags, i);

      if (g_strcmp0 (control->uuid, uuid) == 0)
        return control;
    }
  return NULL;
}

static void schedule_draft (SteadyEntryEditor *self);

static void
form_changed_cb (SteadyEntryEditor *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  schedule_draft (self);
}

static void
emotion_toggled_cb (GtkCheckButton *check,
                    EmotionControl *control)
{
  gtk_widget_set_sensitive (control->scale, gtk_check_button_get_active (check));
}

static EmotionControl *
add_emotion_control (SteadyEntryEditor *self,
                     const char        *uuid,
                     const char        *name)
{
  EmotionControl *control = g_new0 (EmotionControl, 1);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *scale_label = NULL;

  control->uuid = g_strdup (uuid);
  control->name = g_strdup (name);
  control->check = gtk_check_button_new ();
  control->scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 100, 5);
  gtk_range_set_value (GTK_RANGE (control->scale), 50);
  gtk_scale_set_draw_value (GTK_SCALE (control->scale), TRUE);
  gtk_scale_set_value_pos (GTK_SCALE (control->scale), GTK_POS_LEFT);
  gtk_widget_set_size_request (control->scale, 120, -1);
  gtk_widget_set_valign (control->scale, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (control->scale, FALSE);
  /* Translators: %s is an emotion; the slider sets how strongly it is felt. */
  scale_label = g_strdup_printf (_("How strong: %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (control->scale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, scale_label, -1);
  gtk_widget_set_valign (control->check, GTK_ALIGN_CENTER);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), control->check);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), control->scale);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), control->check);
  adw_preferences_group_add (self->emotions_group, row);

  g_signal_connect (control->check, "toggled", G_CALLBACK (emotion_toggled_cb), control);
  g_signal_connect_swapped (control->check, "toggled", G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (control->scale, "value-changed", G_CALLBACK (form_changed_cb), self);
  g_ptr_array_add (self->emotions, control);
  return control;
}

static TagControl *
add_tag_control (SteadyEntryEditor *self,
                 const char        *uuid,
                 const char        *name)
{
  TagControl *control = g_new0 (TagControl, 1);

  control->uuid = g_strdup (uuid);
  control->name = g_strdup (name);
  control->toggle = gtk_toggle_button_new_with_label (name);
  gtk_widget_add_css_class (control->toggle, "pill");
  gtk_widget_add_css_class (control->toggle, "steady-tag");
  gtk_flow_box_append (self->tags_box, control->toggle);
  g_signal_connect_swapped (control->toggle, "toggled", G_CALLBACK (form_changed_cb), self);
  g_ptr_array_add (self->tags, control);
  return control;
}

static void
load_vocabulary (SteadyEntryEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) emotions = NULL;
  g_autoptr(GPtrArray) tags = NULL;

  emotions = steady_journal_store_list_terms (self->store, STEADY_JOURNAL_TERM_EMOTION, &error);
  if (emotions == NULL)
    {
      show_error (self, error->message);
      return;
    }
  /* Own words go below the built-in list, after the row that adds them. */
  adw_preferences_group_remove (self->emotions_group, GTK_WIDGET (self->add_emotion_row));
  for (guint i = 0; i < emotions->len; i++)
    {
      SteadyJournalTerm *term = g_ptr_array_index (emotions, i);

      add_emotion_control (self, steady_journal_term_get_uuid (term),
                           steady_journal_term_get_name (term));
    }
  adw_preferences_group_add (self->emotions_group, GTK_WIDGET (self->add_emotion_row));

  tags = steady_journal_store_list_terms (self->store, STEADY_JOURNAL_TERM_TAG, &error);
  if (tags == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < tags->len; i++)
    {
      SteadyJournalTerm *term = g_ptr_array_index (tags, i);

      add_tag_control (self, steady_journal_term_get_uuid (term),
                       steady_journal_term_get_name (term));
    }
}

static void
set_optional_scale (GtkSwitch *answered,
                    GtkRange  *range,
                    int        value)
{
  gtk_switch_set_active (answered, value != STEADY_MOOD_ENTRY_UNANSWERED);
  if (value != STEADY_MOOD_ENTRY_UNANSWERED)
    gtk_range_set_value (range, value);
}

/* "lithium, sertraline" → the list; empty names are dropped. */
static void
set_medications_from_text (SteadyMoodEntry *entry,
                           const char      *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_ptr_array_add (names, parts[i]);
    }
  g_ptr_array_add (names, NULL);
  steady_mood_entry_set_medications (entry, (const char * const *)names->pdata);
}

static char *
join_medications (SteadyMoodEntry *entry)
{
  const char * const *names = steady_mood_entry_get_medications (entry);

  return names != NULL ? g_strjoinv (", ", (char **)names) : g_strdup ("");
}

/* Fills the form from @entry. */
static void
load_entry (SteadyEntryEditor *self,
            SteadyMoodEntry   *entry)
{
  g_autoptr(GDateTime) when = steady_mood_entry_dup_local_time (entry);
  GPtrArray *emotions = steady_mood_entry_get_emotions (entry);
  GPtrArray *tags = steady_mood_entry_get_tags (entry);
  double sleep = steady_mood_entry_get_sleep_hours (entry);

  self->loading = TRUE;
  set_mood (self, steady_mood_entry_get_mood (entry));
  set_when (self, when);
  set_optional_scale (self->anxiety_switch, self->anxiety_scale,
                      steady_mood_entry_get_anxiety (entry));
  set_optional_scale (self->energy_switch, self->energy_scale,
                      steady_mood_entry_get_energy (entry));
  gtk_switch_set_active (self->sleep_switch, sleep >= 0);
  if (sleep >= 0)
    gtk_spin_button_set_value (self->sleep_spin, sleep);
  adw_combo_row_set_selected (self->medication_row, steady_mood_entry_get_medication (entry));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view),
                            steady_mood_entry_get_note (entry), -1);
  gtk_switch_set_active (self->private_switch, steady_mood_entry_get_private (entry));
  {
    g_autofree char *medications = join_medications (entry);

    gtk_editable_set_text (GTK_EDITABLE (self->medications_row), medications);
  }

  for (guint i = 0; i < self->emotions->len; i++)
    {
      EmotionControl *control = g_ptr_array_index (self->emotions, i);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (control->check), FALSE);
    }
  for (guint i = 0; emotions != NULL && i < emotions->len; i++)
    {
      SteadyMoodEmotion *emotion = g_ptr_array_index (emotions, i);
      EmotionControl *control = find_emotion (self, emotion->uuid);

      if (control == NULL)
        control = add_emotion_control (self, emotion->uuid,
                                       emotion->name != NULL ? emotion->name : "");
      gtk_check_button_set_active (GTK_CHECK_BUTTON (control->check), TRUE);
      gtk_range_set_value (GTK_RANGE (control->scale), emotion->intensity);
    }
  for (guint i = 0; i < self->tags->len; i++)
    {
      TagControl *control = g_ptr_array_index (self->tags, i);

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (control->toggle), FALSE);
    }
  for (guint i = 0; tags != NULL && i < tags->len; i++)
    {
      SteadyMoodTag *tag = g_ptr_array_index (tags, i);
      TagControl *control = find_tag (self, tag->uuid);

      if (control == NULL)
        control = add_tag_control (self, tag->uuid, tag->name != NULL ? tag->name : "");
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (control->toggle), TRUE);
    }
  self->loading = FALSE;
}

/* The entry as the form has it; the date is checked separately by parse_when (). */
static SteadyMoodEntry *
build_entry (SteadyEntryEditor *self)
{
  SteadyMoodEntry *entry = g_object_new (STEADY_TYPE_MOOD_ENTRY, "uuid", self->uuid, NULL);
  g_autofree char *note = dup_note (self);

  if (self->original != NULL)
    steady_mood_entry_set_time (entry, steady_mood_entry_get_time (self->original),
                                steady_mood_entry_get_utc_offset (self->original));
  steady_mood_entry_set_mood (entry, get_mood (self));
  steady_mood_entry_set_anxiety (entry, gtk_switch_get_active (self->anxiety_switch)
                                        ? (int)gtk_range_get_value (self->anxiety_scale)
                                        : STEADY_MOOD_ENTRY_UNANSWERED);
  steady_mood_entry_set_energy (entry, gtk_switch_get_active (self->energy_switch)
                                       ? (int)gtk_range_get_value (self->energy_scale)
                                       : STEADY_MOOD_ENTRY_UNANSWERED);
  steady_mood_entry_set_sleep_hours (entry,
                                     gtk_switch_get_active (self->sleep_switch)
                                     ? gtk_spin_button_get_value (self->sleep_spin)
                                     : STEADY_MOOD_ENTRY_UNANSWERED);
  steady_mood_entry_set_medication (entry, adw_combo_row_get_selected (self->medication_row));
  steady_mood_entry_set_note (entry, note);
  steady_mood_entry_set_private (entry, gtk_switch_get_active (self->private_switch));
  set_medications_from_text (entry, gtk_editable_get_text (GTK_EDITABLE (self->medications_row)));

  for (guint i = 0; i < self->emotions->len; i++)
    {
      EmotionControl *control = g_ptr_array_index (self->emotions, i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (control->check)))
        steady_mood_entry_set_emotion (entry, control->uuid, control->name,
                                       (int)gtk_range_get_value (GTK_RANGE (control->scale)));
    }
  for (guint i = 0; i < self->tags->len; i++)
    {
      TagControl *control = g_ptr_array_index (self->tags, i);

      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (control->toggle)))
        steady_mood_entry_add_tag (entry, control->uuid, control->name);
    }
  return entry;
}

/* Drafts --------------------------------------------------------------------------------- */

static char *
form_to_json (SteadyEntryEditor *self)
{
  g_autoptr(SteadyMoodEntry) entry = build_entry (self);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GPtrArray *emotions = steady_mood_entry_get_emotions (entry);
  GPtrArray *tags = steady_mood_entry_get_tags (entry);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "saved-us");
  json_builder_add_int_value (builder, g_get_real_time ());
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  json_builder_set_member_name (builder, "time");
  json_builder_add_string_value (builder, gtk_editable_get_text (GTK_EDITABLE (self->time_row)));
  json_builder_set_member_name (builder, "mood");
  json_builder_add_int_value (builder, steady_mood_entry_get_mood (entry));
  json_builder_set_member_name (builder, "anxiety");
  json_builder_add_int_value (builder, steady_mood_entry_get_anxiety (entry));
  json_builder_set_member_name (builder, "energy");
  json_builder_add_int_value (builder, steady_mood_entry_get_energy (entry));
  json_builder_set_member_name (builder, "sleep");
  json_builder_add_double_value (builder, steady_mood_entry_get_sleep_hours (entry));
  json_builder_set_member_name (builder, "medication");
  json_builder_add_int_value (builder, steady_mood_entry_get_medication (entry));
  json_builder_set_member_name (builder, "medications");
  json_builder_add_string_value (builder,
                                 gtk_editable_get_text (GTK_EDITABLE (self->medications_row)));
  json_builder_set_member_name (builder, "note");
  json_builder_add_string_value (builder, steady_mood_entry_get_note (entry));
  json_builder_set_member_name (builder, "private");
  json_builder_add_boolean_value (builder, steady_mood_entry_get_private (entry));
  json_builder_set_member_name (builder, "emotions");
  json_builder_begin_array (builder);
  for (guint i = 0; emotions != NULL && i < emotions->len; i++)
    {
      SteadyMoodEmotion *emotion = g_ptr_array_index (emotions, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, emotion->uuid);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, emotion->name);
      json_builder_set_member_name (builder, "intensity");
      json_builder_add_int_value (builder, emotion->intensity);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; tags != NULL && i < tags->len; i++)
    {
      SteadyMoodTag *tag = g_ptr_array_index (tags, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, tag->uuid);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, tag->name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Fills the form from a draft; anything missing or malformed is left as it is. */
static gboolean
load_json (SteadyEntryEditor *self,
           const char        *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SteadyMoodEntry) entry = NULL;
  JsonObject *object;
  JsonArray *array;

  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  object = json_node_get_object (json_parser_get_root (parser));

  entry = g_object_new (STEADY_TYPE_MOOD_ENTRY, "uuid", self->uuid, NULL);
  steady_mood_entry_set_mood (entry, json_object_get_int_member_with_default (object, "mood", 0));
  steady_mood_entry_set_anxiety (entry, json_object_get_int_member_with_default (object,
                                                                                 "anxiety", -1));
  steady_mood_entry_set_energy (entry, json_object_get_int_member_with_default (object,
                                                                                "energy", -1));
  steady_mood_entry_set_sleep_hours (entry,
                                     json_object_get_double_member_with_default (object, "sleep",
                                                                                 -1));
  steady_mood_entry_set_medication (entry,
                                    CLAMP (json_object_get_int_member_with_default (object,
                                                                                    "medication",
                                                                                    0),
                                           STEADY_MEDICATION_UNANSWERED,
                                           STEADY_MEDICATION_PARTLY));
  steady_mood_entry_set_note (entry,
                              json_object_get_string_member_with_default (object, "note", ""));
  set_medications_from_text (entry, json_object_get_string_member_with_default (object,
                                                                               "medications",
                                                                               ""));
  steady_mood_entry_set_private (entry,
                                 json_object_get_boolean_member_with_default (object, "private",
                                                                              FALSE));
  if (json_object_has_member (object, "emotions") &&
      (array = json_object_get_array_member (object, "emotions")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *e = json_array_get_object_element (array, i);
        const char *uuid = e ? json_object_get_string_member_with_default (e, "uuid", NULL) : NULL;

        if (uuid != NULL)
          steady_mood_entry_set_emotion (entry, uuid,
                                         json_object_get_string_member_with_default (e, "name",
                                                                                     ""),
                                         CLAMP (json_object_get_int_member_with_default
                                                  (e, "intensity", 50), 0, 100));
      }
  if (json_object_has_member (object, "tags") &&
      (array = json_object_get_array_member (object, "tags")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *t = json_array_get_object_element (array, i);
        const char *uuid = t ? json_object_get_string_member_with_default (t, "uuid", NULL) : NULL;

        if (uuid != NULL)
          steady_mood_entry_add_tag (entry, uuid,
                                     json_object_get_string_member_with_default (t, "name", ""));
      }

  load_entry (self, entry);
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->date_row),
                         json_object_get_string_member_with_default (object, "date", ""));
  gtk_editable_set_text (GTK_EDITABLE (self->time_row),
                         json_object_get_string_member_with_default (object, "time", ""));
  self->loading = FALSE;
  return TRUE;
}

/**
 * steady_entry_editor_flush_draft:
 *
 * Keeps what the form holds as a draft now, if anything changed since the last one.
 *
 * Returns: whether the draft is kept (or there was nothing to keep)
 */
gboolean
steady_entry_editor_flush_draft (SteadyEntryEditor  *self,
                                 GError            **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (STEADY_IS_ENTRY_EDITOR (self), FALSE);

  g_clear_handle_id (&self->draft_source_id, g_source_remove);
  if (!self->dirty)
    return TRUE;
  json = form_to_json (self);
  if (!steady_draft_store_save (self->drafts, STEADY_MOOD_ENTRY_DRAFT_KIND, self->uuid, json,
                                error))
    return FALSE;
  self->dirty = FALSE;
  return TRUE;
}

static gboolean
draft_timeout_cb (gpointer user_data)
{
  SteadyEntryEditor *self = user_data;
  g_autoptr(GError) error = NULL;

  self->draft_source_id = 0;
  /* The words stay in the form either way; the user is told once, not at every key. */
  if (!steady_entry_editor_flush_draft (self, &error))
    show_error (self, error->message);
  return G_SOURCE_REMOVE;
}

static void
schedule_draft (SteadyEntryEditor *self)
{
  if (self->draft_source_id == 0)
    self->draft_source_id = g_timeout_add (DRAFT_DELAY_MS, draft_timeout_cb, self);
}

/* Looks for a draft to offer back: this entry's, or for a new check-in, one of a check-in
 * that was never saved. */
static void
find_draft (SteadyEntryEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *key = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  gint64 updated_us = 0;

  if (self->original != NULL)
    {
      json = steady_draft_store_load (self->drafts, STEADY_MOOD_ENTRY_DRAFT_KIND, self->uuid,
                                      &updated_us, NULL);
      if (json != NULL)
        key = g_strdup (self->uuid);
    }
  else
    {
      g_auto(GStrv) keys = steady_draft_store_list_keys (self->drafts,
                                                         STEADY_MOOD_ENTRY_DRAFT_KIND, &error);

      for (guint i = 0; keys != NULL && keys[i] != NULL && json == NULL; i++)
        {
          g_autoptr(SteadyMoodEntry) stored = steady_journal_store_get (self->store, keys[i],
                                                                        NULL);

          if (stored != NULL)
            continue;
          json = steady_draft_store_load (self->drafts, STEADY_MOOD_ENTRY_DRAFT_KIND, keys[i],
                                          &updated_us, NULL);
          if (json != NULL)
            key = g_strdup (keys[i]);
        }
    }
  if (json == NULL)
    return;

  when = steady_draft_offer_view_format_time (updated_us);
  /* Translators: %s is when the unsaved words were last kept, e.g. "22 November at 18:05". */
  text = g_strdup_printf (_("You have an unsaved check-in from %s. Restore it?"), when);
  steady_draft_offer_view_offer (self->draft_offer, key, text);
}

gboolean
steady_entry_editor_get_draft_offered (SteadyEntryEditor *self)
{
  g_return_val_if_fail (STEADY_IS_ENTRY_EDITOR (self), FALSE);

  return steady_draft_offer_view_get_offered (self->draft_offer);
}

void
steady_entry_editor_restore_draft (SteadyEntryEditor *self)
{
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (STEADY_IS_ENTRY_EDITOR (self));

  json = steady_draft_offer_view_restore (self->draft_offer, &error);
  if (json == NULL)
    {
      if (error != NULL)
        show_error (self, error->message);
      return;
    }
  /* The draft of a never-saved check-in carries on under its own key. */
  if (self->original == NULL)
    {
      g_free (self->uuid);
      self->uuid = g_strdup (steady_draft_offer_view_get_key (self->draft_offer));
    }
  if (!load_json (self, json))
    show_error (self, _("The unsaved check-in could not be read."));
}

static void
discard_draft (SteadyEntryEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!steady_draft_offer_view_discard (self->draft_offer, &error))
    show_error (self, error->message);
}

/* Saving and deleting ---------------------------------------------------------------------- */

/**
 * steady_entry_editor_save:
 *
 * Checks and saves the form as a check-in, then removes its draft. On failure the form and
 * the draft stay as they are, and @error says why in words for the user.
 *
 * Returns: whether the check-in is saved
 */
gboolean
steady_entry_editor_save (SteadyEntryEditor  *self,
                          GError            **error)
{
  g_autoptr(SteadyMoodEntry) entry = build_entry (self);
  g_autoptr(GError) draft_error = NULL;
  gint64 time_us;
  int offset_s;
  gboolean ok;

  g_return_val_if_fail (STEADY_IS_ENTRY_EDITOR (self), FALSE);

  if (!parse_when (self, &time_us, &offset_s, error))
    return FALSE;
  steady_mood_entry_set_time (entry, time_us, offset_s);
  if (!steady_mood_entry_validate (entry, error))
    return FALSE;

  /* Keep the words first: if the save fails, the draft still holds them. */
  self->dirty = TRUE;
  steady_entry_editor_flush_draft (self, &draft_error);

  if (self->original != NULL)
    ok = steady_journal_store_update (self->store, entry, error);
  else
    ok = steady_journal_store_create (self->store, entry, error);
  if (!ok)
    return FALSE;

  g_set_object (&self->original, entry);
  self->dirty = FALSE;
  if (!steady_draft_store_delete (self->drafts, STEADY_MOOD_ENTRY_DRAFT_KIND, self->uuid, NULL))
    g_debug ("No draft to remove after saving");
  g_signal_emit (self, signals[SAVED], 0, entry);
  return TRUE;
}

static void
save_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SteadyEntryEditor *self = STEADY_ENTRY_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!steady_entry_editor_save (self, &error))
    {
      g_autofree char *text = NULL;

      if (error->domain == STEADY_JOURNAL_ERROR)
        text = g_strdup (error->message);
      else
        /* Translators: %s says why saving failed, e.g. that the disk is full. */
        text = g_strdup_printf (_("The check-in could not be saved. %s Your words are kept "
                                  "here and as a draft."), error->message);
      show_error (self, text);
      show_toast (self, _("Not saved yet"));
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Deleting takes a moment on a long journal (see steady-journal-delete.c): the editor shows
 * a spinner meanwhile and closes when it is done. */
static void
set_busy (SteadyEntryEditor *self,
          gboolean           busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->toast_overlay), !busy);
  if (busy)
    {
      GtkWidget *spinner = gtk_spinner_new ();

      gtk_spinner_start (GTK_SPINNER (spinner));
      gtk_button_set_child (GTK_BUTTON (self->delete_button), spinner);
    }
  else
    {
      gtk_button_set_icon_name (GTK_BUTTON (self->delete_button), "user-trash-symbolic");
    }
}

static void
delete_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SteadyEntryEditor) self = user_data;
  g_autoptr(SteadyMoodEntry) deleted = NULL;
  g_autoptr(GError) error = NULL;

  deleted = steady_journal_delete_finish (STEADY_JOURNAL_STORE (object), result, &error);
  set_busy (self, FALSE);
  if (deleted == NULL)
    {
      show_error (self, error->message);
      return;
    }
  steady_draft_store_delete (self->drafts, STEADY_MOOD_ENTRY_DRAFT_KIND, self->uuid, NULL);
  self->dirty = FALSE;
  g_signal_emit (self, signals[DELETED], 0, deleted);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SteadyEntryEditor *self = STEADY_ENTRY_EDITOR (widget);

  if (self->original == NULL || !gtk_widget_get_sensitive (GTK_WIDGET (self->toast_overlay)))
    return;
  g_clear_handle_id (&self->draft_source_id, g_source_remove);
  set_busy (self, TRUE);
  steady_journal_delete_async (self->store, self->uuid, NULL, delete_done_cb,
                               g_object_ref (self));
}

static void
restore_draft_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  steady_entry_editor_restore_draft (STEADY_ENTRY_EDITOR (widget));
}

static void
discard_draft_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  discard_draft (STEADY_ENTRY_EDITOR (widget));
}

/* Adding words of one's own ---------------------------------------------------------------- */

static void
add_term_from_row (SteadyEntryEditor     *self,
                   AdwEntryRow           *row,
                   SteadyJournalTermKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournalTerm) term = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (row));

  term = steady_journal_store_add_term (self->store, kind, name, &error);
  if (term == NULL)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  if (kind == STEADY_JOURNAL_TERM_EMOTION)
    {
      EmotionControl *control;

      adw_preferences_group_remove (self->emotions_group, GTK_WIDGET (self->add_emotion_row));
      control = add_emotion_control (self, steady_journal_term_get_uuid (term),
                                     steady_journal_term_get_name (term));
      adw_preferences_group_add (self->emotions_group, GTK_WIDGET (self->add_emotion_row));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (control->check), TRUE);
    }
  else
    {
      TagControl *control = add_tag_control (self, steady_journal_term_get_uuid (term),
                                             steady_journal_term_get_name (term));

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (control->toggle), TRUE);
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
add_emotion_apply_cb (SteadyEntryEditor *self)
{
  add_term_from_row (self, self->add_emotion_row, STEADY_JOURNAL_TERM_EMOTION);
}

static void
add_tag_apply_cb (SteadyEntryEditor *self)
{
  add_term_from_row (self, self->add_tag_row, STEADY_JOURNAL_TERM_TAG);
}

/* Construction ------------------------------------------------------------------------- */

static void
build_mood_buttons (SteadyEntryEditor *self)
{
  GtkToggleButton *group = NULL;

  for (int mood = STEADY_MOOD_MIN; mood <= STEADY_MOOD_MAX; mood++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *icon = gtk_image_new_from_icon_name (steady_mood_icon_name (mood));
      GtkWidget *label = gtk_label_new (steady_mood_word (mood));
      /* Translators: the accessible name of a mood button, e.g. "Mood: very low". */
      g_autofree char *name = g_strdup_printf (_("Mood: %s"), steady_mood_word (mood));

      gtk_image_set_icon_size (GTK_IMAGE (icon), GTK_ICON_SIZE_LARGE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "steady-mood-button");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      self->mood_buttons[mood] = GTK_TOGGLE_BUTTON (button);
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (form_changed_cb), self);
      gtk_box_append (self->mood_box, button);
    }
}

static void
connect_changes (SteadyEntryEditor *self)
{
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->time_row, "changed", G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->anxiety_switch, "notify::active",
                            G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->anxiety_scale, "value-changed",
                            G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->energy_switch, "notify::active",
                            G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->energy_scale, "value-changed",
                            G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->sleep_switch, "notify::active",
                            G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->sleep_spin, "value-changed",
                            G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->medication_row, "notify::selected",
                            G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->medications_row, "changed", G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->private_switch, "notify::active",
                            G_CALLBACK (form_changed_cb), self);
  g_signal_connect_swapped (self->add_emotion_row, "apply",
                            G_CALLBACK (add_emotion_apply_cb), self);
  g_signal_connect_swapped (self->add_tag_row, "apply", G_CALLBACK (add_tag_apply_cb), self);
}

/**
 * steady_entry_editor_new:
 * @parent: (nullable): the window it belongs to
 * @entry: (nullable): a stored check-in to change, or %NULL for a new one
 * @mood: for a new check-in, the mood already picked, or %STEADY_MOOD_NONE
 */
SteadyEntryEditor *
steady_entry_editor_new (GtkWindow          *parent,
                         SteadyJournalStore *store,
                         SteadyMoodEntry    *entry,
                         int                 mood)
{
  SteadyEntryEditor *self;
  g_autoptr(SteadyMoodEntry) fresh = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STEADY_IS_JOURNAL_STORE (store), NULL);
  g_return_val_if_fail (entry == NULL || STEADY_IS_MOOD_ENTRY (entry), NULL);

  /* Part of the application, so Quit closes it (which keeps the draft) like any window. */
  self = g_object_new (STEADY_TYPE_ENTRY_EDITOR,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "destroy-with-parent", TRUE,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->store = g_object_ref (store);
  self->drafts = steady_draft_store_new (steady_journal_store_get_database (store));
  steady_draft_offer_view_set_drafts (self->draft_offer, self->drafts,
                                      STEADY_MOOD_ENTRY_DRAFT_KIND);
  load_vocabulary (self);

  if (entry != NULL)
    {
      self->original = steady_mood_entry_copy (entry);
      self->uuid = g_strdup (steady_mood_entry_get_uuid (entry));
      load_entry (self, entry);
      gtk_widget_set_visible (self->delete_button, TRUE);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Check-In"));
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      fresh = steady_mood_entry_new ();
      steady_mood_entry_set_local_time (fresh, now);
      steady_mood_entry_set_mood (fresh, CLAMP (mood, STEADY_MOOD_NONE, STEADY_MOOD_MAX));
      self->uuid = g_strdup (steady_mood_entry_get_uuid (fresh));
      load_entry (self, fresh);
    }
  find_draft (self);
  connect_changes (self);
  return self;
}

const char *
steady_entry_editor_get_uuid (SteadyEntryEditor *self)
{
  g_return_val_if_fail (STEADY_IS_ENTRY_EDITOR (self), NULL);

  return self->uuid;
}

char *
steady_entry_editor_dup_note (SteadyEntryEditor *self)
{
  g_return_val_if_fail (STEADY_IS_ENTRY_EDITOR (self), NULL);

  return dup_note (self);
}

void
steady_entry_editor_set_note (SteadyEntryEditor *self,
                              const char        *note)
{
  g_return_if_fail (STEADY_IS_ENTRY_EDITOR (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note ? note : "", -1);
}

void
steady_entry_editor_set_when (SteadyEntryEditor *self,
                              const char        *date,
                              const char        *time)
{
  g_return_if_fail (STEADY_IS_ENTRY_EDITOR (self));

  if (date != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  if (time != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->time_row), time);
}

const char *
steady_entry_editor_get_error_text (SteadyEntryEditor *self)
{
  g_return_val_if_fail (STEADY_IS_ENTRY_EDITOR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

/* Closing keeps the draft: the words are still there next time. */
static gboolean
steady_entry_editor_close_request (GtkWindow *window)
{
  SteadyEntryEditor *self = STEADY_ENTRY_EDITOR (window);
  g_autoptr(GError) error = NULL;

  if (!steady_entry_editor_flush_draft (self, &error))
    g_debug ("The draft could not be kept on close: %s", error->message);
  return GTK_WINDOW_CLASS (steady_entry_editor_parent_class)->close_request (window);
}

static void
steady_entry_editor_dispose (GObject *object)
{
  SteadyEntryEditor *self = STEADY_ENTRY_EDITOR (object);

  if (self->drafts != NULL && self->dirty)
    steady_entry_editor_flush_draft (self, NULL);
  g_clear_handle_id (&self->draft_source_id, g_source_remove);

  G_OBJECT_CLASS (steady_entry_editor_parent_class)->dispose (object);
}

static void
steady_entry_editor_finalize (GObject *object)
{
  SteadyEntryEditor *self = STEADY_ENTRY_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->drafts);
  g_clear_object (&self->original);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->emotions, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);

  G_OBJECT_CLASS (steady_entry_editor_parent_class)->finalize (object);
}

static void
steady_entry_editor_class_init (SteadyEntryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steady_entry_editor_dispose;
  object_class->finalize = steady_entry_editor_finalize;
  window_class->close_request = steady_entry_editor_close_request;

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, STEADY_TYPE_MOOD_ENTRY);
  /* The deleted entry, which steady_journal_store_restore() brings back. */
  signals[DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, STEADY_TYPE_MOOD_ENTRY);

  g_type_ensure (STEADY_TYPE_DRAFT_OFFER_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/journal/steady-entry-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryEditor, draft_offer);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryEditor, mood_box);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryEditor, time_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryEditor, emotions_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryEditor, add_emotion_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryEditor, anxiety_switch);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryEditor, anxiety_scale);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryEditor, energy_switch);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryEditor, energy_scale);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryEditor, sleep_switch);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryEditor, sleep_spin);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryEditor, medication_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryEditor, medications_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryEditor, tags_box);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryEditor, add_tag_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryEditor, note_view);
  gtk_widget_class_bind_template_child (widget_class, SteadyEntryEditor, private_switch);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated_cb);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_activated_cb);
  gtk_widget_class_install_action (widget_class, "editor.restore-draft", NULL,
                                   restore_draft_activated_cb);
  gtk_widget_class_install_action (widget_class, "editor.discard-draft", NULL,
                                   discard_draft_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steady_entry_editor_init (SteadyEntryEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->emotions = g_ptr_array_new_with_free_func ((GDestroyNotify)emotion_control_free);
  self->tags = g_ptr_array_new_with_free_func ((GDestroyNotify)tag_control_free);
  build_mood_buttons (self);
  /* An optional answer is given only while its switch is on. */
  g_object_bind_property (self->anxiety_switch, "active", self->anxiety_scale, "sensitive", 0);
  g_object_bind_property (self->energy_switch, "active", self->energy_scale, "sensitive", 0);
  g_object_bind_property (self->sleep_switch, "active", self->sleep_spin, "sensitive", 0);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}
