/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-record.c: one thought record or DBT-informed worksheet in memory: its answers
 * as a JSON object keyed by field id, checked against its kind's fields before saving. */

#define G_LOG_DOMAIN "steady-skill-record"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "steady-journal-common.h"
#include "steady-skill-record-private.h"
#include "steady-skills-error.h"

struct _SteadySkillRecord
{
  GObject          parent_instance;

  SteadySkillKind  kind;
  guint            step_reached;
  gboolean         finished;
  gboolean         private_;
  int              utc_offset_s;
  int              distress_before;
  int              distress_after;
  gint64           time_us;
  gint64           created_us;
  gint64           updated_us;

  /* owned */
  char            *uuid;
  char            *draft_kind;
  JsonObject      *answers;
};

G_DEFINE_FINAL_TYPE (SteadySkillRecord, steady_skill_record, G_TYPE_OBJECT)

/* Members read defensively: a draft or a row written by another program may hold any JSON,
 * and json-glib's own getters complain (a critical) about a member of the wrong type. */
static JsonNode *
member_value (JsonObject *object,
              const char *name,
              GType       type)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    return NULL;
  return node;
}

static const char *
member_string (JsonObject *object,
               const char *name,
               const char *fallback)
{
  JsonNode *node = member_value (object, name, G_TYPE_STRING);

  return node != NULL ? json_node_get_string (node) : fallback;
}

static gint64
member_int (JsonObject *object,
            const char *name,
            gint64      fallback)
{
  JsonNode *node = member_value (object, name, G_TYPE_INT64);

  return node != NULL ? json_node_get_int (node) : fallback;
}

static int
member_small_int (JsonObject *object,
                  const char *name,
                  int         fallback)
{
  return (int)CLAMP (member_int (object, name, fallback), G_MININT, G_MAXINT);
}

static gboolean
member_bool (JsonObject *object,
             const char *name,
             gboolean    fallback)
{
  JsonNode *node = member_value (object, name, G_TYPE_BOOLEAN);

  return node != NULL ? json_node_get_boolean (node) : fallback;
}

static const char *
element_string (JsonArray *array,
                guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static void
steady_skill_record_finalize (GObject *object)
{
  SteadySkillRecord *self = (SteadySkillRecord *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->draft_kind, g_free);
  g_clear_pointer (&self->answers, json_object_unref);

  G_OBJECT_CLASS (steady_skill_record_parent_class)->finalize (object);
}

static void
steady_skill_record_class_init (SteadySkillRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steady_skill_record_finalize;
}

static void
steady_skill_record_init (SteadySkillRecord *self)
{
  self->step_reached = 1;
  self->distress_before = STEADY_SKILL_NO_RATING;
  self->distress_after = STEADY_SKILL_NO_RATING;
  self->answers = json_object_new ();
}

/**
 * steady_skill_record_new:
 *
 * Returns: (transfer full): an empty record of @kind with a new UUID, dated now in the local
 *   time zone
 */
SteadySkillRecord *
steady_skill_record_new (SteadySkillKind kind)
{
  SteadySkillRecord *self;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (kind < STEADY_N_SKILL_KINDS, NULL);

  self = g_object_new (STEADY_TYPE_SKILL_RECORD, NULL);
  self->kind = kind;
  self->uuid = g_uuid_string_random ();
  self->time_us = g_date_time_to_unix (now) * G_USEC_PER_SEC + g_date_time_get_microsecond (now);
  self->utc_offset_s = (int)(g_date_time_get_utc_offset (now) / G_USEC_PER_SEC);
  return self;
}

SteadySkillRecord *
_steady_skill_record_new_stored (SteadySkillKind  kind,
                                 const char      *uuid,
                                 gint64           created_us,
                                 gint64           updated_us)
{
  SteadySkillRecord *self = g_object_new (STEADY_TYPE_SKILL_RECORD, NULL);

  self->kind = kind;
  self->uuid = g_strdup (uuid);
  self->created_us = created_us;
  self->updated_us = updated_us;
  return self;
}

void
_steady_skill_record_set_stamps (SteadySkillRecord *self,
                                 gint64             created_us,
                                 gint64             updated_us)
{
  self->created_us = created_us;
  self->updated_us = updated_us;
}

char *
_steady_skill_record_dup_answers (SteadySkillRecord *self)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), self->answers);

  return json_to_string (node, FALSE);
}

gboolean
_steady_skill_record_set_answers (SteadySkillRecord  *self,
                                  const char         *json,
                                  GError            **error)
{
  g_autoptr(JsonNode) node = json_from_string (json, error);

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, STEADY_SKILLS_ERROR, STEADY_SKILLS_ERROR_INVALID_FIELD,
                           _("These answers could not be read."));
      return FALSE;
    }
  g_clear_pointer (&self->answers, json_object_unref);
  self->answers = json_node_dup_object (node);
  return TRUE;
}

/**
 * steady_skill_record_to_draft:
 *
 * Returns: (transfer full): the whole record as JSON, for SteadyDraftStore
 */
char *
steady_skill_record_to_draft (SteadySkillRecord *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, self->uuid);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, steady_skill_kind_to_id (self->kind));
  json_builder_set_member_name (builder, "time_us");
  json_builder_add_int_value (builder, self->time_us);
  json_builder_set_member_name (builder, "utc_offset_s");
  json_builder_add_int_value (builder, self->utc_offset_s);
  json_builder_set_member_name (builder, "step_reached");
  json_builder_add_int_value (builder, self->step_reached);
  json_builder_set_member_name (builder, "finished");
  json_builder_add_boolean_value (builder, self->finished);
  json_builder_set_member_name (builder, "distress_before");
  json_builder_add_int_value (builder, self->distress_before);
  json_builder_set_member_name (builder, "distress_after");
  json_builder_add_int_value (builder, self->distress_after);
  json_builder_set_member_name (builder, "private");
  json_builder_add_boolean_value (builder, self->private_);
  json_builder_set_member_name (builder, "created_us");
  json_builder_add_int_value (builder, self->created_us);
  json_builder_set_member_name (builder, "updated_us");
  json_builder_add_int_value (builder, self->updated_us);
  json_builder_set_member_name (builder, "answers");
  json_builder_add_value (builder, json_node_init_object (json_node_alloc (), self->answers));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/**
 * steady_skill_record_new_from_draft:
 * @payload: what steady_skill_record_to_draft () returned
 *
 * Reads a draft back. The draft is not validated: it may hold an answer that is still being
 * typed; steady_skill_record_validate () says what to fix before saving.
 *
 * Returns: (transfer full) (nullable): the record, or %NULL if @payload is not a draft
 */
SteadySkillRecord *
steady_skill_record_new_from_draft (const char  *payload,
                                    GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SteadySkillRecord) self = NULL;
  JsonObject *object;
  JsonNode *answers;
  const char *uuid;
  SteadySkillKind kind;

  g_return_val_if_fail (payload != NULL, NULL);

  root = json_from_string (payload, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto invalid;
  object = json_node_get_object (root);
  uuid = member_string (object, "uuid", NULL);
  if (uuid == NULL || !g_uuid_string_is_valid (uuid) ||
      !steady_skill_kind_from_id (member_string (object, "kind", NULL), &kind))
    goto invalid;
  answers = json_object_get_member (object, "answers");
  if (answers == NULL || !JSON_NODE_HOLDS_OBJECT (answers))
    goto invalid;

  self = _steady_skill_record_new_stored (kind, uuid,
    member_int (object, "created_us", 0),
    member_int (object, "updated_us", 0));
  self->time_us = member_int (object, "time_us", 0);
  self->utc_offset_s = member_small_int (object, "utc_offset_s", 0);
  self->step_reached = member_small_int (object, "step_reached", 1);
  self->finished = member_bool (object, "finished", FALSE);
  self->private_ = member_bool (object, "private", FALSE);
  self->distress_before = member_small_int (object, "distress_before", STEADY_SKILL_NO_RATING);
  self->distress_after = member_small_int (object, "distress_after", STEADY_SKILL_NO_RATING);
  g_clear_pointer (&self->answers, json_object_unref);
  self->answers = json_node_dup_object (answers);
  return g_steal_pointer (&self);

invalid:
  g_set_error_literal (error, STEADY_SKILLS_ERROR, STEADY_SKILLS_ERROR_INVALID_FIELD,
                       _("This unfinished exercise could not be read back."));
  return NULL;
}

/**
 * steady_skill_record_get_draft_kind:
 *
 * Returns: the SteadyDraftStore kind of this record's drafts; the key is its UUID
 */
const char *
steady_skill_record_get_draft_kind (SteadySkillRecord *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), NULL);

  if (self->draft_kind == NULL)
    self->draft_kind = g_strconcat (STEADY_SKILL_DRAFT_KIND_PREFIX,
                                    steady_skill_kind_to_id (self->kind), NULL);
  return self->draft_kind;
}

/**
 * steady_skill_record_copy:
 *
 * Returns: (transfer full): a record equal to @self, sharing nothing with it
 */
SteadySkillRecord *
steady_skill_record_copy (SteadySkillRecord *self)
{
  g_autofree char *draft = NULL;

  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), NULL);

  draft = steady_skill_record_to_draft (self);
  return steady_skill_record_new_from_draft (draft, NULL);
}

const char *
steady_skill_record_get_uuid (SteadySkillRecord *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), NULL);
  return self->uuid;
}

SteadySkillKind
steady_skill_record_get_kind (SteadySkillRecord *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), 0);
  return self->kind;
}

gint64
steady_skill_record_get_time (SteadySkillRecord *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), 0);
  return self->time_us;
}

int
steady_skill_record_get_utc_offset (SteadySkillRecord *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), 0);
  return self->utc_offset_s;
}

/**
 * steady_skill_record_set_time:
 * @time_us: UTC microseconds
 * @utc_offset_s: the offset from UTC the person was in, which decides the local day
 */
void
steady_skill_record_set_time (SteadySkillRecord *self,
                              gint64             time_us,
                              int                utc_offset_s)
{
  g_return_if_fail (STEADY_IS_SKILL_RECORD (self));
  self->time_us = time_us;
  self->utc_offset_s = utc_offset_s;
}

/**
 * steady_skill_record_get_local_day:
 *
 * Returns: the local day of the record, counted as steady_journal_day_from_time () does
 */
int
steady_skill_record_get_local_day (SteadySkillRecord *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), 0);
  return steady_journal_day_from_time (self->time_us, self->utc_offset_s);
}

gint64
steady_skill_record_get_created (SteadySkillRecord *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), 0);
  return self->created_us;
}

gint64
steady_skill_record_get_updated (SteadySkillRecord *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), 0);
  return self->updated_us;
}

guint
steady_skill_record_get_step_reached (SteadySkillRecord *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), 1);
  return self->step_reached;
}

/**
 * steady_skill_record_set_step_reached:
 * @step: the step (1-based) the person got to, so the editor can reopen there
 */
void
steady_skill_record_set_step_reached (SteadySkillRecord *self,
                                      guint              step)
{
  g_return_if_fail (STEADY_IS_SKILL_RECORD (self));
  self->step_reached = step;
}

gboolean
steady_skill_record_get_finished (SteadySkillRecord *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), FALSE);
  return self->finished;
}

void
steady_skill_record_set_finished (SteadySkillRecord *self,
                                  gboolean           finished)
{
  g_return_if_fail (STEADY_IS_SKILL_RECORD (self));
  self->finished = !!finished;
}

int
steady_skill_record_get_distress_before (SteadySkillRecord *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), STEADY_SKILL_NO_RATING);
  return self->distress_before;
}

/**
 * steady_skill_record_set_distress_before:
 * @distress: 0–10, or %STEADY_SKILL_NO_RATING when the person skipped it
 */
void
steady_skill_record_set_distress_before (SteadySkillRecord *self,
                                         int                distress)
{
  g_return_if_fail (STEADY_IS_SKILL_RECORD (self));
  self->distress_before = distress;
}

int
steady_skill_record_get_distress_after (SteadySkillRecord *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), STEADY_SKILL_NO_RATING);
  return self->distress_after;
}

void
steady_skill_record_set_distress_after (SteadySkillRecord *self,
                                        int                distress)
{
  g_return_if_fail (STEADY_IS_SKILL_RECORD (self));
  self->distress_after = distress;
}

gboolean
steady_skill_record_get_private (SteadySkillRecord *self)
{
  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), FALSE);
  return self->private_;
}

/**
 * steady_skill_record_set_private:
 * @private_: whether the record stays out of every export
 */
void
steady_skill_record_set_private (SteadySkillRecord *self,
                                 gboolean           private_)
{
  g_return_if_fail (STEADY_IS_SKILL_RECORD (self));
  self->private_ = !!private_;
}

/**
 * steady_skill_record_get_text:
 *
 * Returns: the answer to a text field, "" when not given
 */
const char *
steady_skill_record_get_text (SteadySkillRecord *self,
                              const char        *field)
{
  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return member_string (self->answers, field, "");
}

/**
 * steady_skill_record_set_text:
 * @text: (nullable): the answer; %NULL or "" removes it
 *
 * Control characters are removed and line ends made "\n", as in the journal.
 */
void
steady_skill_record_set_text (SteadySkillRecord *self,
                              const char        *field,
                              const char        *text)
{
  g_return_if_fail (STEADY_IS_SKILL_RECORD (self));
  g_return_if_fail (field != NULL);

  if (text == NULL || text[0] == '\0')
    {
      json_object_remove_member (self->answers, field);
    }
  else
    {
      g_autofree char *clean = steady_journal_sanitize_text (text, -1);

      json_object_set_string_member (self->answers, field, clean);
    }
}

/**
 * steady_skill_record_get_percent:
 *
 * Returns: the answer to a 0–100 field, or %STEADY_SKILL_NO_RATING
 */
int
steady_skill_record_get_percent (SteadySkillRecord *self,
                                 const char        *field)
{
  JsonNode *node;

  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), STEADY_SKILL_NO_RATING);
  g_return_val_if_fail (field != NULL, STEADY_SKILL_NO_RATING);

  node = json_object_get_member (self->answers, field);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return STEADY_SKILL_NO_RATING;
  return (int)CLAMP (json_node_get_int (node), G_MININT, G_MAXINT);
}

/**
 * steady_skill_record_set_percent:
 * @percent: 0–100, or %STEADY_SKILL_NO_RATING to remove the answer
 */
void
steady_skill_record_set_percent (SteadySkillRecord *self,
                                 const char        *field,
                                 int                percent)
{
  g_return_if_fail (STEADY_IS_SKILL_RECORD (self));
  g_return_if_fail (field != NULL);

  if (percent == STEADY_SKILL_NO_RATING)
    json_object_remove_member (self->answers, field);
  else
    json_object_set_int_member (self->answers, field, percent);
}

/**
 * steady_skill_record_get_choice:
 *
 * Returns: (nullable): "yes", "partly", "no", or %NULL when not answered
 */
const char *
steady_skill_record_get_choice (SteadySkillRecord *self,
                                const char        *field)
{
  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return member_string (self->answers, field, NULL);
}

/**
 * steady_skill_record_set_choice:
 * @choice: (nullable): "yes", "partly" or "no"; %NULL removes the answer
 */
void
steady_skill_record_set_choice (SteadySkillRecord *self,
                                const char        *field,
                                const char        *choice)
{
  g_return_if_fail (STEADY_IS_SKILL_RECORD (self));
  g_return_if_fail (field != NULL);

  if (choice == NULL)
    json_object_remove_member (self->answers, field);
  else
    json_object_set_string_member (self->answers, field, choice);
}

/* The list @name of the answers, made on first use when @create. */
static JsonArray *
get_list (SteadySkillRecord *self,
          const char        *name,
          gboolean           create)
{
  JsonNode *node = json_object_get_member (self->answers, name);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);
  if (!create)
    return NULL;
  json_object_set_array_member (self->answers, name, json_array_new ());
  return json_object_get_array_member (self->answers, name);
}

static JsonObject *
get_list_item (SteadySkillRecord *self,
               const char        *name,
               guint              index)
{
  JsonArray *list = get_list (self, name, FALSE);
  JsonNode *node;

  if (list == NULL || index >= json_array_get_length (list))
    return NULL;
  node = json_array_get_element (list, index);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

guint
steady_skill_record_get_n_moods (SteadySkillRecord *self)
{
  JsonArray *moods;

  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), 0);

  moods = get_list (self, "moods", FALSE);
  return moods != NULL ? json_array_get_length (moods) : 0;
}

/**
 * steady_skill_record_add_mood:
 * @name: the feeling, in the person's words
 * @before: how strong it was, 0–100
 *
 * Returns: the index of the new mood
 */
guint
steady_skill_record_add_mood (SteadySkillRecord *self,
                              const char        *name,
                              int                before)
{
  JsonObject *mood;
  JsonArray *moods;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  clean = steady_journal_sanitize_name (name, -1);
  mood = json_object_new ();
  json_object_set_string_member (mood, "name", clean);
  json_object_set_int_member (mood, "before", before);
  moods = get_list (self, "moods", TRUE);
  json_array_add_object_element (moods, mood);
  return json_array_get_length (moods) - 1;
}

/**
 * steady_skill_record_get_mood:
 * @out_after: (out) (optional): the rating at step 7, or %STEADY_SKILL_NO_RATING
 */
void
steady_skill_record_get_mood (SteadySkillRecord  *self,
                              guint               index,
                              const char        **out_name,
                              int                *out_before,
                              int                *out_after)
{
  JsonObject *mood;

  g_return_if_fail (STEADY_IS_SKILL_RECORD (self));
  g_return_if_fail (index < steady_skill_record_get_n_moods (self));

  /* NULL when the stored item is not an object: read as a mood with nothing given. */
  mood = get_list_item (self, "moods", index);
  if (out_name != NULL)
    *out_name = member_string (mood, "name", "");
  if (out_before != NULL)
    *out_before = member_small_int (mood, "before", STEADY_SKILL_NO_RATING);
  if (out_after != NULL)
    *out_after = member_small_int (mood, "after", STEADY_SKILL_NO_RATING);
}

/**
 * steady_skill_record_set_mood_after:
 * @after: the rating again at step 7, 0–100, or %STEADY_SKILL_NO_RATING
 */
void
steady_skill_record_set_mood_after (SteadySkillRecord *self,
                                    guint              index,
                                    int                after)
{
  JsonObject *mood;

  g_return_if_fail (STEADY_IS_SKILL_RECORD (self));
  g_return_if_fail (index < steady_skill_record_get_n_moods (self));

  mood = get_list_item (self, "moods", index);
  if (mood == NULL)
    return;  /* not a mood at all; validation refuses the record */
  if (after == STEADY_SKILL_NO_RATING)
    json_object_remove_member (mood, "after");
  else
    json_object_set_int_member (mood, "after", after);
}

/**
 * steady_skill_record_get_mood_change:
 * @out_change: (out): after − before; negative when the feeling eased
 *
 * Returns: whether the mood was rated both times
 */
gboolean
steady_skill_record_get_mood_change (SteadySkillRecord *self,
                                     guint              index,
                                     int               *out_change)
{
  int before, after;

  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), FALSE);
  g_return_val_if_fail (out_change != NULL, FALSE);
  g_return_val_if_fail (index < steady_skill_record_get_n_moods (self), FALSE);

  steady_skill_record_get_mood (self, index, NULL, &before, &after);
  if (before == STEADY_SKILL_NO_RATING || after == STEADY_SKILL_NO_RATING)
    return FALSE;
  *out_change = after - before;
  return TRUE;
}

void
steady_skill_record_remove_mood (SteadySkillRecord *self,
                                 guint              index)
{
  g_return_if_fail (STEADY_IS_SKILL_RECORD (self));
  g_return_if_fail (index < steady_skill_record_get_n_moods (self));

  json_array_remove_element (get_list (self, "moods", FALSE), index);
}

guint
steady_skill_record_get_n_thoughts (SteadySkillRecord *self)
{
  JsonArray *thoughts;

  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), 0);

  thoughts = get_list (self, "thoughts", FALSE);
  return thoughts != NULL ? json_array_get_length (thoughts) : 0;
}

/**
 * steady_skill_record_add_thought:
 *
 * Returns: the index of the new automatic thought
 */
guint
steady_skill_record_add_thought (SteadySkillRecord *self,
                                 const char        *text)
{
  JsonObject *thought;
  JsonArray *thoughts;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  clean = steady_journal_sanitize_text (text, -1);
  thought = json_object_new ();
  json_object_set_string_member (thought, "text", clean);
  json_object_set_boolean_member (thought, "hot", FALSE);
  thoughts = get_list (self, "thoughts", TRUE);
  json_array_add_object_element (thoughts, thought);
  return json_array_get_length (thoughts) - 1;
}

const char *
steady_skill_record_get_thought (SteadySkillRecord *self,
                                 guint              index)
{
  JsonObject *thought;

  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), NULL);
  g_return_val_if_fail (index < steady_skill_record_get_n_thoughts (self), NULL);

  thought = get_list_item (self, "thoughts", index);
  return member_string (thought, "text", "");
}

void
steady_skill_record_remove_thought (SteadySkillRecord *self,
                                    guint              index)
{
  g_return_if_fail (STEADY_IS_SKILL_RECORD (self));
  g_return_if_fail (index < steady_skill_record_get_n_thoughts (self));

  json_array_remove_element (get_list (self, "thoughts", FALSE), index);
}

/**
 * steady_skill_record_get_hot_thought:
 *
 * Returns: the index of the hot thought, or -1 if none is marked
 */
int
steady_skill_record_get_hot_thought (SteadySkillRecord *self)
{
  guint n;

  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), -1);

  n = steady_skill_record_get_n_thoughts (self);
  for (guint i = 0; i < n; i++)
    if (member_bool (get_list_item (self, "thoughts", i), "hot", FALSE))
      return (int)i;
  return -1;
}

/**
 * steady_skill_record_set_hot_thought:
 * @index: the thought with the most charge, or -1 for none; only one is hot
 */
void
steady_skill_record_set_hot_thought (SteadySkillRecord *self,
                                     int                index)
{
  guint n;

  g_return_if_fail (STEADY_IS_SKILL_RECORD (self));
  n = steady_skill_record_get_n_thoughts (self);
  g_return_if_fail (index >= -1 && index < (int)n);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *thought = get_list_item (self, "thoughts", i);

      if (thought != NULL)
        json_object_set_boolean_member (thought, "hot", (int)i == index);
    }
}

/**
 * steady_skill_record_dup_traps:
 *
 * Returns: (transfer full): the ids of the thinking traps tagged (steady_thinking_traps_get ())
 */
GStrv
steady_skill_record_dup_traps (SteadySkillRecord *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *traps;

  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), NULL);

  traps = get_list (self, "traps", FALSE);
  for (guint i = 0; traps != NULL && i < json_array_get_length (traps); i++)
    {
      const char *id = element_string (traps, i);

      if (id != NULL)
        g_strv_builder_add (builder, id);
    }
  return g_strv_builder_end (builder);
}

void
steady_skill_record_set_traps (SteadySkillRecord  *self,
                               const char * const *trap_ids)
{
  JsonArray *traps;

  g_return_if_fail (STEADY_IS_SKILL_RECORD (self));

  json_object_remove_member (self->answers, "traps");
  if (trap_ids == NULL || trap_ids[0] == NULL)
    return;
  traps = get_list (self, "traps", TRUE);
  for (guint i = 0; trap_ids[i] != NULL; i++)
    json_array_add_string_element (traps, trap_ids[i]);
}

/**
 * steady_skill_record_dup_summary:
 *
 * Returns: (transfer full): a line for lists: the first answer that says what the record is
 *   about (the situation, the emotion…), shortened, or "" when nothing is written yet
 */
char *
steady_skill_record_dup_summary (SteadySkillRecord *self)
{
  static const char * const leads[] = { "situation", "emotion", "event", "note" };
  const char *text = "";
  const char *end;

  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (leads) && text[0] == '\0'; i++)
    text = steady_skill_record_get_text (self, leads[i]);
  end = text;
  for (guint n = 0; *end != '\0' && *end != '\n' && n < 80; n++)
    end = g_utf8_next_char (end);
  return g_strndup (text, end - text);
}

static gboolean
invalid (GError     **error,
         int          code,
         const char  *message)
{
  g_set_error_literal (error, STEADY_SKILLS_ERROR, code, message);
  return FALSE;
}

static gboolean
is_percent (JsonNode *node)
{
  return node != NULL && json_node_get_value_type (node) == G_TYPE_INT64 &&
         json_node_get_int (node) >= 0 && json_node_get_int (node) <= 100;
}

static gboolean
validate_text (JsonNode  *node,
               GError   **error)
{
  const char *text;

  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE, _("An answer is not text."));
  text = json_node_get_string (node);
  if (strlen (text) > STEADY_SKILL_TEXT_MAX_BYTES)
    return invalid (error, STEADY_SKILLS_ERROR_TOO_LONG,
                    _("One answer is too long to save. Try splitting it up."));
  if (!steady_journal_text_is_clean (text))
    return invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE,
                    _("An answer holds characters that cannot be saved."));
  return TRUE;
}

static gboolean
validate_moods (JsonArray  *moods,
                GError    **error)
{
  guint n = json_array_get_length (moods);

  if (n > STEADY_SKILL_MAX_LIST_ITEMS)
    return invalid (error, STEADY_SKILLS_ERROR_TOO_LONG, _("There are too many moods to save."));
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (moods, i);
      JsonObject *mood;
      const char *name;
      JsonNode *after;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE, _("A mood could not be read."));
      mood = json_node_get_object (node);
      name = member_string (mood, "name", "");
      if (name[0] == '\0' || g_utf8_strlen (name, -1) > STEADY_JOURNAL_NAME_MAX_CHARS ||
          !steady_journal_text_is_clean (name))
        return invalid (error, STEADY_SKILLS_ERROR_INVALID_NAME,
                        _("Give each mood a name of up to 100 characters."));
      after = json_object_get_member (mood, "after");
      if (!is_percent (json_object_get_member (mood, "before")) ||
          (after != NULL && !is_percent (after)))
        return invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE,
                        _("Rate each mood from 0 to 100."));
    }
  return TRUE;
}

static gboolean
validate_thoughts (JsonArray  *thoughts,
                   GError    **error)
{
  guint n = json_array_get_length (thoughts);
  guint n_hot = 0;

  if (n > STEADY_SKILL_MAX_LIST_ITEMS)
    return invalid (error, STEADY_SKILLS_ERROR_TOO_LONG,
                    _("There are too many thoughts to save."));
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (thoughts, i);
      JsonObject *thought;
      JsonNode *text;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE,
                        _("A thought could not be read."));
      thought = json_node_get_object (node);
      text = json_object_get_member (thought, "text");
      if (text == NULL || !validate_text (text, error))
        return text == NULL ? invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE,
                                       _("A thought could not be read.")) : FALSE;
      if (member_bool (thought, "hot", FALSE))
        n_hot++;
    }
  if (n_hot > 1)
    return invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE,
                    _("Mark only one thought as the hot thought."));
  return TRUE;
}

static gboolean
validate_traps (JsonArray  *traps,
                GError    **error)
{
  for (guint i = 0; i < json_array_get_length (traps); i++)
    {
      const char *id = element_string (traps, i);

      if (id == NULL || steady_thinking_trap_find (id) == NULL)
        return invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE,
                        _("One of the thinking traps is not known to this version."));
    }
  return TRUE;
}

static gboolean
validate_answer (SteadySkillRecord  *self,
                 const char         *id,
                 JsonNode           *node,
                 GError            **error)
{
  const SteadySkillField *field;
  const char *choice;

  if (self->kind == STEADY_SKILL_KIND_THOUGHT_RECORD && strcmp (id, "traps") == 0)
    return JSON_NODE_HOLDS_ARRAY (node)
           ? validate_traps (json_node_get_array (node), error)
           : invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE,
                      _("The thinking traps could not be read."));

  field = steady_skill_kind_find_field (self->kind, id);
  if (field == NULL)
    {
      g_set_error (error, STEADY_SKILLS_ERROR, STEADY_SKILLS_ERROR_INVALID_FIELD,
                   /* Translators: %s is an exercise's name, such as "Check the facts". */
                   _("This answer does not belong in “%s”."),
                   steady_skill_kind_get_title (self->kind));
      return FALSE;
    }

  switch (field->type)
    {
    case STEADY_SKILL_FIELD_TEXT:
      return validate_text (node, error);
    case STEADY_SKILL_FIELD_PERCENT:
      return is_percent (node) ||
             invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE,
                      _("Ratings go from 0 to 100."));
    case STEADY_SKILL_FIELD_CHOICE:
      choice = json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node)
                                                                : "";
      return g_strv_contains ((const char * const[]) { "yes", "partly", "no", NULL }, choice) ||
             invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE,
                      _("Answer with yes, partly or no."));
    case STEADY_SKILL_FIELD_MOODS:
      return JSON_NODE_HOLDS_ARRAY (node)
             ? validate_moods (json_node_get_array (node), error)
             : invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE,
                        _("The moods could not be read."));
    case STEADY_SKILL_FIELD_THOUGHTS:
      return JSON_NODE_HOLDS_ARRAY (node)
             ? validate_thoughts (json_node_get_array (node), error)
             : invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE,
                        _("The thoughts could not be read."));
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_distress (int distress)
{
  return distress == STEADY_SKILL_NO_RATING || (distress >= 0 && distress <= 10);
}

/**
 * steady_skill_record_validate:
 *
 * Checks every answer against its kind's fields and every rating against its range.
 *
 * Returns: whether the record can be saved; if not, @error says why in the user's words
 */
gboolean
steady_skill_record_validate (SteadySkillRecord  *self,
                              GError            **error)
{
  JsonObjectIter iter;
  const char *id;
  JsonNode *node;
  g_autofree char *answers = NULL;

  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (self), FALSE);

  if (self->uuid == NULL || !g_uuid_string_is_valid (self->uuid))
    return invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE,
                    _("This exercise has no valid identifier."));
  if (self->time_us < STEADY_JOURNAL_MIN_TIME || self->time_us > STEADY_JOURNAL_MAX_TIME ||
      ABS (self->utc_offset_s) > STEADY_JOURNAL_MAX_UTC_OFFSET)
    return invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE,
                    _("Choose a date between the years 1900 and 2999."));
  if (self->step_reached < 1 || self->step_reached > steady_skill_kind_get_n_steps (self->kind))
    return invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE,
                    _("This exercise does not have that step."));
  if (!is_distress (self->distress_before) || !is_distress (self->distress_after))
    return invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE,
                    _("Distress is rated from 0 to 10."));

  json_object_iter_init (&iter, self->answers);
  while (json_object_iter_next (&iter, &id, &node))
    if (!validate_answer (self, id, node, error))
      return FALSE;

  answers = _steady_skill_record_dup_answers (self);
  if (strlen (answers) > STEADY_JOURNAL_NOTE_MAX_BYTES)
    return invalid (error, STEADY_SKILLS_ERROR_TOO_LONG,
                    _("This exercise is too long to save. Try splitting it up."));
  return TRUE;
}
