/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-mood-entry.c: one check-in of the mood journal. It cleans text as it is set and
 * says in words what is out of range; the journal store saves it. */

#define G_LOG_DOMAIN "steady-mood-entry"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "steady-journal-common.h"
#include "steady-mood-entry-private.h"

#define MEDICATIONS_MAX 50

struct _SteadyMoodEntry
{
  GObject           parent_instance;

  /* set by the store */
  char             *uuid;
  gint64            row_id;
  gint64            created_us;
  gint64            updated_us;

  /* what the user gave */
  gint64            time_us;
  int               utc_offset_s;
  int               mood;
  int               anxiety;
  int               energy;
  double            sleep_hours;
  SteadyMedication  medication;
  char            **medications;
  char             *note;
  gboolean          is_private;
  GPtrArray        *emotions; /* SteadyMoodEmotion */
  GPtrArray        *tags;     /* SteadyMoodTag */
};

G_DEFINE_FINAL_TYPE (SteadyMoodEntry, steady_mood_entry, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (SteadyMedication, steady_medication,
  G_DEFINE_ENUM_VALUE (STEADY_MEDICATION_UNANSWERED, "unanswered"),
  G_DEFINE_ENUM_VALUE (STEADY_MEDICATION_YES, "yes"),
  G_DEFINE_ENUM_VALUE (STEADY_MEDICATION_NO, "no"),
  G_DEFINE_ENUM_VALUE (STEADY_MEDICATION_PARTLY, "partly"))

/* The word the database and the CSV export hold for a day's medication answer, or NULL when
 * it was not answered. */
const char *
steady_medication_to_id (SteadyMedication medication)
{
  switch (medication)
    {
    case STEADY_MEDICATION_YES:
      return "yes";
    case STEADY_MEDICATION_NO:
      return "no";
    case STEADY_MEDICATION_PARTLY:
      return "partly";
    case STEADY_MEDICATION_UNANSWERED:
    default:
      return NULL;
    }
}

/* The answer @id stands for; anything else (NULL included) is "not answered". */
SteadyMedication
steady_medication_from_id (const char *id)
{
  if (g_strcmp0 (id, "yes") == 0)
    return STEADY_MEDICATION_YES;
  if (g_strcmp0 (id, "no") == 0)
    return STEADY_MEDICATION_NO;
  if (g_strcmp0 (id, "partly") == 0)
    return STEADY_MEDICATION_PARTLY;
  return STEADY_MEDICATION_UNANSWERED;
}

G_DEFINE_BOXED_TYPE (SteadyMoodEmotion, steady_mood_emotion,
                     steady_mood_emotion_copy, steady_mood_emotion_free)
G_DEFINE_BOXED_TYPE (SteadyMoodTag, steady_mood_tag, steady_mood_tag_copy, steady_mood_tag_free)

enum {
  PROP_0,
  PROP_UUID,
  PROP_ROW_ID,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_TIME,
  PROP_UTC_OFFSET,
  PROP_LOCAL_DAY,
  PROP_MOOD,
  PROP_ANXIETY,
  PROP_ENERGY,
  PROP_SLEEP_HOURS,
  PROP_MEDICATION,
  PROP_MEDICATIONS,
  PROP_NOTE,
  PROP_PRIVATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SteadyMoodEmotion *
steady_mood_emotion_copy (const SteadyMoodEmotion *emotion)
{
  SteadyMoodEmotion *copy;

  g_return_val_if_fail (emotion != NULL, NULL);

  copy = g_new0 (SteadyMoodEmotion, 1);
  copy->uuid = g_strdup (emotion->uuid);
  copy->name = g_strdup (emotion->name);
  copy->intensity = emotion->intensity;
  return copy;
}

void
steady_mood_emotion_free (SteadyMoodEmotion *emotion)
{
  if (emotion == NULL)
    return;
  g_free (emotion->uuid);
  g_free (emotion->name);
  g_free (emotion);
}

SteadyMoodTag *
steady_mood_tag_copy (const SteadyMoodTag *tag)
{
  SteadyMoodTag *copy;

  g_return_val_if_fail (tag != NULL, NULL);

  copy = g_new0 (SteadyMoodTag, 1);
  copy->uuid = g_strdup (tag->uuid);
  copy->name = g_strdup (tag->name);
  return copy;
}

void
steady_mood_tag_free (SteadyMoodTag *tag)
{
  if (tag == NULL)
    return;
  g_free (tag->uuid);
  g_free (tag->name);
  g_free (tag);
}

static void
steady_mood_entry_constructed (GObject *object)
{
  SteadyMoodEntry *self = (SteadyMoodEntry *)object;

  G_OBJECT_CLASS (steady_mood_entry_parent_class)->constructed (object);

  if (self->uuid == NULL)
    self->uuid = g_uuid_string_random ();
}

static void
steady_mood_entry_finalize (GObject *object)
{
  SteadyMoodEntry *self = (SteadyMoodEntry *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->medications, g_strfreev);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->emotions, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);

  G_OBJECT_CLASS (steady_mood_entry_parent_class)->finalize (object);
}

static void
steady_mood_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SteadyMoodEntry *self = STEADY_MOOD_ENTRY (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_ROW_ID:
      g_value_set_int64 (value, self->row_id);
      break;
    case PROP_CREATED:
      g_value_set_int64 (value, self->created_us);
      break;
    case PROP_UPDATED:
      g_value_set_int64 (value, self->updated_us);
      break;
    case PROP_TIME:
      g_value_set_int64 (value, self->time_us);
      break;
    case PROP_UTC_OFFSET:
      g_value_set_int (value, self->utc_offset_s);
      break;
    case PROP_LOCAL_DAY:
      g_value_set_int (value, steady_mood_entry_get_local_day (self));
      break;
    case PROP_MOOD:
      g_value_set_int (value, self->mood);
      break;
    case PROP_ANXIETY:
      g_value_set_int (value, self->anxiety);
      break;
    case PROP_ENERGY:
      g_value_set_int (value, self->energy);
      break;
    case PROP_SLEEP_HOURS:
      g_value_set_double (value, self->sleep_hours);
      break;
    case PROP_MEDICATION:
      g_value_set_enum (value, self->medication);
      break;
    case PROP_MEDICATIONS:
      g_value_set_boxed (value, self->medications);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_PRIVATE:
      g_value_set_boolean (value, self->is_private);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_mood_entry_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SteadyMoodEntry *self = STEADY_MOOD_ENTRY (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_assert (self->uuid == NULL);
      self->uuid = g_value_dup_string (value);
      break;
    case PROP_TIME:
      steady_mood_entry_set_time (self, g_value_get_int64 (value), self->utc_offset_s);
      break;
    case PROP_UTC_OFFSET:
      steady_mood_entry_set_time (self, self->time_us, g_value_get_int (value));
      break;
    case PROP_MOOD:
      steady_mood_entry_set_mood (self, g_value_get_int (value));
      break;
    case PROP_ANXIETY:
      steady_mood_entry_set_anxiety (self, g_value_get_int (value));
      break;
    case PROP_ENERGY:
      steady_mood_entry_set_energy (self, g_value_get_int (value));
      break;
    case PROP_SLEEP_HOURS:
      steady_mood_entry_set_sleep_hours (self, g_value_get_double (value));
      break;
    case PROP_MEDICATION:
      steady_mood_entry_set_medication (self, g_value_get_enum (value));
      break;
    case PROP_MEDICATIONS:
      steady_mood_entry_set_medications (self, g_value_get_boxed (value));
      break;
    case PROP_NOTE:
      steady_mood_entry_set_note (self, g_value_get_string (value));
      break;
    case PROP_PRIVATE:
      steady_mood_entry_set_private (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_mood_entry_class_init (SteadyMoodEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->constructed = steady_mood_entry_constructed;
  object_class->finalize = steady_mood_entry_finalize;
  object_class->get_property = steady_mood_entry_get_property;
  object_class->set_property = steady_mood_entry_set_property;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Where the entry sits in this database; 0 until stored. Use the UUID for identity. */
  properties[PROP_ROW_ID] =
    g_param_spec_int64 ("row-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CREATED] =
    g_param_spec_int64 ("created", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_UPDATED] =
    g_param_spec_int64 ("updated", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_TIME] =
    g_param_spec_int64 ("time", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  properties[PROP_UTC_OFFSET] =
    g_param_spec_int ("utc-offset", NULL, NULL, G_MININT, G_MAXINT, 0, rw);
  properties[PROP_LOCAL_DAY] =
    g_param_spec_int ("local-day", NULL, NULL, G_MININT, G_MAXINT, 0, ro);
  /* Ranges are checked by steady_mood_entry_validate(), which explains them in words, not
   * by the property system, which would only print a warning. */
  properties[PROP_MOOD] =
    g_param_spec_int ("mood", NULL, NULL, G_MININT, G_MAXINT, STEADY_MOOD_NONE, rw);
  properties[PROP_ANXIETY] =
    g_param_spec_int ("anxiety", NULL, NULL, G_MININT, G_MAXINT,
                      STEADY_MOOD_ENTRY_UNANSWERED, rw);
  properties[PROP_ENERGY] =
    g_param_spec_int ("energy", NULL, NULL, G_MININT, G_MAXINT,
                      STEADY_MOOD_ENTRY_UNANSWERED, rw);
  properties[PROP_SLEEP_HOURS] =
    g_param_spec_double ("sleep-hours", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE,
                         STEADY_MOOD_ENTRY_UNANSWERED, rw);
  properties[PROP_MEDICATION] =
    g_param_spec_enum ("medication", NULL, NULL, STEADY_TYPE_MEDICATION,
                       STEADY_MEDICATION_UNANSWERED, rw);
  properties[PROP_MEDICATIONS] =
    g_param_spec_boxed ("medications", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, "", rw);
  properties[PROP_PRIVATE] =
    g_param_spec_boolean ("private", NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steady_mood_entry_init (SteadyMoodEntry *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->time_us = g_date_time_to_unix (now) * G_USEC_PER_SEC + g_date_time_get_microsecond (now);
  self->utc_offset_s = (int)(g_date_time_get_utc_offset (now) / G_USEC_PER_SEC);
  self->mood = STEADY_MOOD_NONE;
  self->anxiety = STEADY_MOOD_ENTRY_UNANSWERED;
  self->energy = STEADY_MOOD_ENTRY_UNANSWERED;
  self->sleep_hours = STEADY_MOOD_ENTRY_UNANSWERED;
  self->medication = STEADY_MEDICATION_UNANSWERED;
  self->note = g_strdup ("");
  self->emotions = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_mood_emotion_free);
  self->tags = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_mood_tag_free);
}

/**
 * steady_mood_entry_new:
 *
 * Returns: (transfer full): a new entry for now, with a fresh UUID and no mood chosen yet
 */
SteadyMoodEntry *
steady_mood_entry_new (void)
{
  return g_object_new (STEADY_TYPE_MOOD_ENTRY, NULL);
}

SteadyMoodEntry *
_steady_mood_entry_new_with_uuid (const char *uuid)
{
  g_return_val_if_fail (uuid != NULL, NULL);

  return g_object_new (STEADY_TYPE_MOOD_ENTRY, "uuid", uuid, NULL);
}

void
_steady_mood_entry_set_stored (SteadyMoodEntry *self,
                               gint64           row_id,
                               gint64           created_us,
                               gint64           updated_us)
{
  g_return_if_fail (STEADY_IS_MOOD_ENTRY (self));

  self->row_id = row_id;
  self->created_us = created_us;
  self->updated_us = updated_us;
}

/* For hash tables keyed by row id, which live no longer than the entry. */
gint64 *
_steady_mood_entry_get_row_id_pointer (SteadyMoodEntry *self)
{
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (self), NULL);

  return &self->row_id;
}

/**
 * steady_mood_entry_copy:
 *
 * Returns: (transfer full): an entry equal to @self in every field, its UUID included
 */
SteadyMoodEntry *
steady_mood_entry_copy (SteadyMoodEntry *self)
{
  SteadyMoodEntry *copy;

  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (self), NULL);

  copy = _steady_mood_entry_new_with_uuid (self->uuid);
  _steady_mood_entry_set_stored (copy, self->row_id, self->created_us, self->updated_us);
  copy->time_us = self->time_us;
  copy->utc_offset_s = self->utc_offset_s;
  copy->mood = self->mood;
  copy->anxiety = self->anxiety;
  copy->energy = self->energy;
  copy->sleep_hours = self->sleep_hours;
  copy->medication = self->medication;
  copy->medications = g_strdupv (self->medications);
  g_free (copy->note);
  copy->note = g_strdup (self->note);
  copy->is_private = self->is_private;
  for (guint i = 0; i < self->emotions->len; i++)
    g_ptr_array_add (copy->emotions, steady_mood_emotion_copy (g_ptr_array_index (self->emotions, i)));
  for (guint i = 0; i < self->tags->len; i++)
    g_ptr_array_add (copy->tags, steady_mood_tag_copy (g_ptr_array_index (self->tags, i)));
  return copy;
}

static const SteadyMoodEmotion *
find_emotion (SteadyMoodEntry *self,
              const char      *uuid,
              guint           *out_index)
{
  for (guint i = 0; i < self->emotions->len; i++)
    {
      const SteadyMoodEmotion *emotion = g_ptr_array_index (self->emotions, i);

      if (g_strcmp0 (emotion->uuid, uuid) == 0)
        {
          if (out_index != NULL)
            *out_index = i;
          return emotion;
        }
    }
  return NULL;
}

static gboolean
has_tag (SteadyMoodEntry *self,
         const char      *uuid,
         guint           *out_index)
{
  for (guint i = 0; i < self->tags->len; i++)
    {
      const SteadyMoodTag *tag = g_ptr_array_index (self->tags, i);

      if (g_strcmp0 (tag->uuid, uuid) == 0)
        {
          if (out_index != NULL)
            *out_index = i;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal (a, b);
}

/**
 * steady_mood_entry_equal:
 *
 * Compares everything that is stored: UUID, times, answers, note, emotions with their
 * intensities and tags (in any order). Names of emotions and tags are the vocabulary's and
 * are not compared, nor is the row id.
 *
 * Returns: whether @a and @b would be stored the same
 */
gboolean
steady_mood_entry_equal (SteadyMoodEntry *a,
                         SteadyMoodEntry *b)
{
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (a), FALSE);
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (b), FALSE);

  if (g_strcmp0 (a->uuid, b->uuid) != 0 ||
      a->created_us != b->created_us || a->updated_us != b->updated_us ||
      a->time_us != b->time_us || a->utc_offset_s != b->utc_offset_s ||
      a->mood != b->mood || a->anxiety != b->anxiety || a->energy != b->energy ||
      a->sleep_hours != b->sleep_hours || a->medication != b->medication ||
      !strv_equal ((const char * const *)a->medications, (const char * const *)b->medications) ||
      g_strcmp0 (a->note, b->note) != 0 || a->is_private != b->is_private ||
      a->emotions->len != b->emotions->len || a->tags->len != b->tags->len)
    return FALSE;

  for (guint i = 0; i < a->emotions->len; i++)
    {
      const SteadyMoodEmotion *emotion = g_ptr_array_index (a->emotions, i);
      const SteadyMoodEmotion *other = find_emotion (b, emotion->uuid, NULL);

      if (other == NULL || other->intensity != emotion->intensity)
        return FALSE;
    }
  for (guint i = 0; i < a->tags->len; i++)
    {
      const SteadyMoodTag *tag = g_ptr_array_index (a->tags, i);

      if (!has_tag (b, tag->uuid, NULL))
        return FALSE;
    }
  return TRUE;
}

/**
 * steady_mood_entry_validate:
 * @error: set in %STEADY_JOURNAL_ERROR with a message for the user
 *
 * Checks every answer against its range, the note against its size limit, and the date:
 * it must lie in 1900–2999 and not more than a day ahead of the clock (a typo, such as a
 * wrong year, more likely than a plan).
 *
 * Returns: whether the entry can be saved as it is
 */
gboolean
steady_mood_entry_validate (SteadyMoodEntry  *self,
                            GError          **error)
{
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (self), FALSE);

  if (self->mood < STEADY_MOOD_MIN || self->mood > STEADY_MOOD_MAX)
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_VALUE,
                   _("Choose how you feel, from 1 (very low) to 5 (very good)."));
      return FALSE;
    }
  if (self->anxiety != STEADY_MOOD_ENTRY_UNANSWERED && (self->anxiety < 0 || self->anxiety > 10))
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_VALUE,
                   _("Anxiety is rated from 0 to 10."));
      return FALSE;
    }
  if (self->energy != STEADY_MOOD_ENTRY_UNANSWERED && (self->energy < 0 || self->energy > 10))
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_VALUE,
                   _("Energy is rated from 0 to 10."));
      return FALSE;
    }
  if (self->sleep_hours != STEADY_MOOD_ENTRY_UNANSWERED &&
      !(self->sleep_hours >= 0 && self->sleep_hours <= 24))
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_VALUE,
                   _("Hours of sleep must be between 0 and 24."));
      return FALSE;
    }
  if (self->medication < STEADY_MEDICATION_UNANSWERED ||
      self->medication > STEADY_MEDICATION_PARTLY)
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_VALUE,
                   _("Medication is answered with yes, no or partly."));
      return FALSE;
    }
  if (self->medications != NULL && g_strv_length (self->medications) > MEDICATIONS_MAX)
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_TOO_LONG,
                   _("The list of medications can hold up to %d names."), MEDICATIONS_MAX);
      return FALSE;
    }
  for (guint i = 0; self->medications != NULL && self->medications[i] != NULL; i++)
    {
      if (g_utf8_strlen (self->medications[i], -1) > STEADY_JOURNAL_NAME_MAX_CHARS)
        {
          g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_TOO_LONG,
                       _("A medication name can be up to %d characters long."),
                       STEADY_JOURNAL_NAME_MAX_CHARS);
          return FALSE;
        }
    }
  if (strlen (self->note) > STEADY_JOURNAL_NOTE_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (strlen (self->note));
      g_autofree char *limit = g_format_size (STEADY_JOURNAL_NOTE_MAX_BYTES);

      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_TOO_LONG,
                   /* Translators: both are sizes, e.g. "5.2 MB" and "4.2 MB". */
                   _("This note is too long to save: it is %s, and a note can hold %s."),
                   size, limit);
      return FALSE;
    }
  for (guint i = 0; i < self->emotions->len; i++)
    {
      const SteadyMoodEmotion *emotion = g_ptr_array_index (self->emotions, i);

      if (emotion->intensity < 0 || emotion->intensity > 100)
        {
          g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_VALUE,
                       /* Translators: %s is an emotion, e.g. “Hope”. */
                       _("How strongly you felt “%s” is rated from 0 to 100."),
                       emotion->name != NULL ? emotion->name : "");
          return FALSE;
        }
    }
  if (!steady_journal_check_time (self->time_us, self->utc_offset_s, error))
    return FALSE;
  if (self->time_us > g_get_real_time () + G_TIME_SPAN_DAY)
    {
      g_set_error (error, STEADY_JOURNAL_ERROR, STEADY_JOURNAL_ERROR_INVALID_DATE,
                   _("This entry is dated in the future. Please check the date."));
      return FALSE;
    }
  return TRUE;
}

const char *
steady_mood_entry_get_uuid (SteadyMoodEntry *self)
{
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (self), NULL);

  return self->uuid;
}

gint64
steady_mood_entry_get_row_id (SteadyMoodEntry *self)
{
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (self), 0);

  return self->row_id;
}

gint64
steady_mood_entry_get_created (SteadyMoodEntry *self)
{
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (self), 0);

  return self->created_us;
}

gint64
steady_mood_entry_get_updated (SteadyMoodEntry *self)
{
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (self), 0);

  return self->updated_us;
}

gint64
steady_mood_entry_get_time (SteadyMoodEntry *self)
{
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (self), 0);

  return self->time_us;
}

int
steady_mood_entry_get_utc_offset (SteadyMoodEntry *self)
{
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (self), 0);

  return self->utc_offset_s;
}

/**
 * steady_mood_entry_set_time:
 * @time_us: the instant, UTC microseconds
 * @utc_offset_s: the UTC offset the user was in then, in seconds
 *
 * Ranges are checked when the entry is validated or saved.
 */
void
steady_mood_entry_set_time (SteadyMoodEntry *self,
                            gint64           time_us,
                            int              utc_offset_s)
{
  g_return_if_fail (STEADY_IS_MOOD_ENTRY (self));

  if (self->time_us == time_us && self->utc_offset_s == utc_offset_s)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->time_us != time_us)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
  if (self->utc_offset_s != utc_offset_s)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UTC_OFFSET]);
  self->time_us = time_us;
  self->utc_offset_s = utc_offset_s;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCAL_DAY]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
steady_mood_entry_set_local_time (SteadyMoodEntry *self,
                                  GDateTime       *date_time)
{
  g_return_if_fail (STEADY_IS_MOOD_ENTRY (self));
  g_return_if_fail (date_time != NULL);

  steady_mood_entry_set_time (self,
                              g_date_time_to_unix (date_time) * G_USEC_PER_SEC +
                              g_date_time_get_microsecond (date_time),
                              (int)(g_date_time_get_utc_offset (date_time) / G_USEC_PER_SEC));
}

/**
 * steady_mood_entry_dup_local_time:
 *
 * Returns: (transfer full) (nullable): the entry's time as the user's clock showed it then,
 *   or %NULL if the time is out of range
 */
GDateTime *
steady_mood_entry_dup_local_time (SteadyMoodEntry *self)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (self), NULL);

  if (!steady_journal_check_time (self->time_us, self->utc_offset_s, NULL))
    return NULL;

  zone = g_time_zone_new_offset (self->utc_offset_s);
  utc = g_date_time_new_from_unix_utc (self->time_us / G_USEC_PER_SEC);
  if (utc == NULL)
    return NULL;
  {
    g_autoptr(GDateTime) exact = g_date_time_add (utc, self->time_us % G_USEC_PER_SEC);

    return g_date_time_to_timezone (exact, zone);
  }
}

int
steady_mood_entry_get_local_day (SteadyMoodEntry *self)
{
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (self), 0);

  return steady_journal_day_from_time (self->time_us, self->utc_offset_s);
}

int
steady_mood_entry_get_mood (SteadyMoodEntry *self)
{
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (self), STEADY_MOOD_NONE);

  return self->mood;
}

void
steady_mood_entry_set_mood (SteadyMoodEntry *self,
                            int              mood)
{
  g_return_if_fail (STEADY_IS_MOOD_ENTRY (self));

  if (self->mood == mood)
    return;
  self->mood = mood;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOOD]);
}

int
steady_mood_entry_get_anxiety (SteadyMoodEntry *self)
{
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (self), STEADY_MOOD_ENTRY_UNANSWERED);

  return self->anxiety;
}

void
steady_mood_entry_set_anxiety (SteadyMoodEntry *self,
                               int              anxiety)
{
  g_return_if_fail (STEADY_IS_MOOD_ENTRY (self));

  if (self->anxiety == anxiety)
    return;
  self->anxiety = anxiety;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANXIETY]);
}

int
steady_mood_entry_get_energy (SteadyMoodEntry *self)
{
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (self), STEADY_MOOD_ENTRY_UNANSWERED);

  return self->energy;
}

void
steady_mood_entry_set_energy (SteadyMoodEntry *self,
                              int              energy)
{
  g_return_if_fail (STEADY_IS_MOOD_ENTRY (self));

  if (self->energy == energy)
    return;
  self->energy = energy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENERGY]);
}

double
steady_mood_entry_get_sleep_hours (SteadyMoodEntry *self)
{
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (self), STEADY_MOOD_ENTRY_UNANSWERED);

  return self->sleep_hours;
}

void
steady_mood_entry_set_sleep_hours (SteadyMoodEntry *self,
                                   double           hours)
{
  g_return_if_fail (STEADY_IS_MOOD_ENTRY (self));

  if (self->sleep_hours == hours)
    return;
  self->sleep_hours = hours;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLEEP_HOURS]);
}

SteadyMedication
steady_mood_entry_get_medication (SteadyMoodEntry *self)
{
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (self), STEADY_MEDICATION_UNANSWERED);

  return self->medication;
}

void
steady_mood_entry_set_medication (SteadyMoodEntry  *self,
                                  SteadyMedication  medication)
{
  g_return_if_fail (STEADY_IS_MOOD_ENTRY (self));

  if (self->medication == medication)
    return;
  self->medication = medication;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEDICATION]);
}

/**
 * steady_mood_entry_get_medications:
 *
 * Returns: (transfer none) (nullable): the names of the medications, if any were listed
 */
const char * const *
steady_mood_entry_get_medications (SteadyMoodEntry *self)
{
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (self), NULL);

  return (const char * const *)self->medications;
}

/**
 * steady_mood_entry_set_medications:
 * @medications: (nullable): names; each is cleaned as a name is, and empty ones are dropped
 */
void
steady_mood_entry_set_medications (SteadyMoodEntry    *self,
                                   const char * const *medications)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) clean = NULL;

  g_return_if_fail (STEADY_IS_MOOD_ENTRY (self));

  for (guint i = 0; medications != NULL && medications[i] != NULL; i++)
    {
      g_autofree char *name = steady_journal_sanitize_name (medications[i], -1);

      if (name[0] != '\0')
        g_strv_builder_add (builder, name);
    }
  clean = g_strv_builder_end (builder);
  if (clean[0] == NULL)
    g_clear_pointer (&clean, g_strfreev);

  if (strv_equal ((const char * const *)clean, (const char * const *)self->medications))
    return;
  g_strfreev (self->medications);
  self->medications = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEDICATIONS]);
}

const char *
steady_mood_entry_get_note (SteadyMoodEntry *self)
{
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (self), NULL);

  return self->note;
}

/**
 * steady_mood_entry_set_note:
 * @note: (nullable): the note as typed; cleaned by steady_journal_sanitize_text()
 */
void
steady_mood_entry_set_note (SteadyMoodEntry *self,
                            const char      *note)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (STEADY_IS_MOOD_ENTRY (self));

  clean = steady_journal_sanitize_text (note != NULL ? note : "", -1);
  if (g_strcmp0 (clean, self->note) == 0)
    return;
  g_free (self->note);
  self->note = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/* Text read back from the database went through the clean-up when it was written; only
 * text that did not (another writer's) is cleaned again. */
void
_steady_mood_entry_set_stored_note (SteadyMoodEntry *self,
                                    const char      *note)
{
  g_return_if_fail (STEADY_IS_MOOD_ENTRY (self));

  if (note == NULL || !steady_journal_text_is_clean (note))
    {
      steady_mood_entry_set_note (self, note);
      return;
    }
  g_free (self->note);
  self->note = g_strdup (note);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

gboolean
steady_mood_entry_get_private (SteadyMoodEntry *self)
{
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (self), FALSE);

  return self->is_private;
}

/**
 * steady_mood_entry_set_private:
 * @is_private: whether the entry stays out of every export
 */
void
steady_mood_entry_set_private (SteadyMoodEntry *self,
                               gboolean         is_private)
{
  g_return_if_fail (STEADY_IS_MOOD_ENTRY (self));

  is_private = !!is_private;
  if (self->is_private == is_private)
    return;
  self->is_private = is_private;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIVATE]);
}

/**
 * steady_mood_entry_get_emotions:
 *
 * Returns: (transfer none) (element-type SteadyMoodEmotion): the emotions felt
 */
GPtrArray *
steady_mood_entry_get_emotions (SteadyMoodEntry *self)
{
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (self), NULL);

  return self->emotions;
}

/**
 * steady_mood_entry_set_emotion:
 * @emotion_uuid: an emotion of the vocabulary
 * @name: (nullable): its name, for display
 * @intensity: 0–100
 *
 * Adds the emotion, or changes its intensity if the entry has it already.
 */
void
steady_mood_entry_set_emotion (SteadyMoodEntry *self,
                               const char      *emotion_uuid,
                               const char      *name,
                               int              intensity)
{
  SteadyMoodEmotion *emotion;
  guint index;

  g_return_if_fail (STEADY_IS_MOOD_ENTRY (self));
  g_return_if_fail (emotion_uuid != NULL);

  if (find_emotion (self, emotion_uuid, &index) != NULL)
    {
      emotion = g_ptr_array_index (self->emotions, index);
      emotion->intensity = intensity;
      if (name != NULL)
        {
          g_free (emotion->name);
          emotion->name = g_strdup (name);
        }
      return;
    }

  emotion = g_new0 (SteadyMoodEmotion, 1);
  emotion->uuid = g_strdup (emotion_uuid);
  emotion->name = g_strdup (name);
  emotion->intensity = intensity;
  g_ptr_array_add (self->emotions, emotion);
}

gboolean
steady_mood_entry_remove_emotion (SteadyMoodEntry *self,
                                  const char      *emotion_uuid)
{
  guint index;

  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (self), FALSE);
  g_return_val_if_fail (emotion_uuid != NULL, FALSE);

  if (find_emotion (self, emotion_uuid, &index) == NULL)
    return FALSE;
  g_ptr_array_remove_index (self->emotions, index);
  return TRUE;
}

/**
 * steady_mood_entry_get_tags:
 *
 * Returns: (transfer none) (element-type SteadyMoodTag): the activity tags
 */
GPtrArray *
steady_mood_entry_get_tags (SteadyMoodEntry *self)
{
  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (self), NULL);

  return self->tags;
}

void
steady_mood_entry_add_tag (SteadyMoodEntry *self,
                           const char      *tag_uuid,
                           const char      *name)
{
  SteadyMoodTag *tag;

  g_return_if_fail (STEADY_IS_MOOD_ENTRY (self));
  g_return_if_fail (tag_uuid != NULL);

  if (has_tag (self, tag_uuid, NULL))
    return;
  tag = g_new0 (SteadyMoodTag, 1);
  tag->uuid = g_strdup (tag_uuid);
  tag->name = g_strdup (name);
  g_ptr_array_add (self->tags, tag);
}

gboolean
steady_mood_entry_remove_tag (SteadyMoodEntry *self,
                              const char      *tag_uuid)
{
  guint index;

  g_return_val_if_fail (STEADY_IS_MOOD_ENTRY (self), FALSE);
  g_return_val_if_fail (tag_uuid != NULL, FALSE);

  if (!has_tag (self, tag_uuid, &index))
    return FALSE;
  g_ptr_array_remove_index (self->tags, index);
  return TRUE;
}
