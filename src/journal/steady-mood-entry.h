/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-mood-entry.h: one check-in of the mood journal, as the editor and the list see it. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Whether the medication of the day was taken. */
typedef enum
{
  STEADY_MEDICATION_UNANSWERED,
  STEADY_MEDICATION_YES,
  STEADY_MEDICATION_NO,
  STEADY_MEDICATION_PARTLY,
} SteadyMedication;

#define STEADY_TYPE_MEDICATION (steady_medication_get_type ())
GType steady_medication_get_type (void) G_GNUC_CONST;
const char       *steady_medication_to_id   (SteadyMedication  medication);
SteadyMedication  steady_medication_from_id (const char       *id);

/* An emotion felt, as part of an entry. */
typedef struct
{
  char *uuid;      /* the emotion's, from the vocabulary */
  char *name;      /* its name as the user sees it; filled in when read from the store */
  int   intensity; /* 0–100 */
} SteadyMoodEmotion;

/* An activity tag on an entry. */
typedef struct
{
  char *uuid;
  char *name;
} SteadyMoodTag;

#define STEADY_TYPE_MOOD_EMOTION (steady_mood_emotion_get_type ())
#define STEADY_TYPE_MOOD_TAG     (steady_mood_tag_get_type ())
GType              steady_mood_emotion_get_type (void) G_GNUC_CONST;
GType              steady_mood_tag_get_type     (void) G_GNUC_CONST;
SteadyMoodEmotion *steady_mood_emotion_copy     (const SteadyMoodEmotion *emotion);
void               steady_mood_emotion_free     (SteadyMoodEmotion       *emotion);
SteadyMoodTag     *steady_mood_tag_copy         (const SteadyMoodTag     *tag);
void               steady_mood_tag_free         (SteadyMoodTag           *tag);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyMoodEmotion, steady_mood_emotion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyMoodTag, steady_mood_tag_free)

/* The scale's ends; 0 means the user has not chosen yet. */
#define STEADY_MOOD_NONE 0
#define STEADY_MOOD_MIN  1
#define STEADY_MOOD_MAX  5
/* Optional answers not given. */
#define STEADY_MOOD_ENTRY_UNANSWERED (-1)

/* The draft kind mood entry editors save under; the key is the entry's UUID. */
#define STEADY_MOOD_ENTRY_DRAFT_KIND "mood-entry"

#define STEADY_TYPE_MOOD_ENTRY (steady_mood_entry_get_type ())
G_DECLARE_FINAL_TYPE (SteadyMoodEntry, steady_mood_entry, STEADY, MOOD_ENTRY, GObject)

SteadyMoodEntry  *steady_mood_entry_new              (void);
SteadyMoodEntry  *steady_mood_entry_copy             (SteadyMoodEntry  *self);
gboolean          steady_mood_entry_equal            (SteadyMoodEntry  *a,
                                                      SteadyMoodEntry  *b);
gboolean          steady_mood_entry_validate         (SteadyMoodEntry  *self,
                                                      GError          **error);

const char       *steady_mood_entry_get_uuid         (SteadyMoodEntry  *self);
gint64            steady_mood_entry_get_row_id       (SteadyMoodEntry  *self);
gint64            steady_mood_entry_get_created      (SteadyMoodEntry  *self);
gint64            steady_mood_entry_get_updated      (SteadyMoodEntry  *self);

gint64            steady_mood_entry_get_time         (SteadyMoodEntry  *self);
int               steady_mood_entry_get_utc_offset   (SteadyMoodEntry  *self);
void              steady_mood_entry_set_time         (SteadyMoodEntry  *self,
                                                      gint64            time_us,
                                                      int               utc_offset_s);
void              steady_mood_entry_set_local_time   (SteadyMoodEntry  *self,
                                                      GDateTime        *date_time);
GDateTime        *steady_mood_entry_dup_local_time   (SteadyMoodEntry  *self);
int               steady_mood_entry_get_local_day    (SteadyMoodEntry  *self);

int               steady_mood_entry_get_mood         (SteadyMoodEntry  *self);
void              steady_mood_entry_set_mood         (SteadyMoodEntry  *self,
                                                      int               mood);
int               steady_mood_entry_get_anxiety      (SteadyMoodEntry  *self);
void              steady_mood_entry_set_anxiety      (SteadyMoodEntry  *self,
                                                      int               anxiety);
int               steady_mood_entry_get_energy       (SteadyMoodEntry  *self);
void              steady_mood_entry_set_energy       (SteadyMoodEntry  *self,
                                                      int               energy);
double            steady_mood_entry_get_sleep_hours  (SteadyMoodEntry  *self);
void              steady_mood_entry_set_sleep_hours  (SteadyMoodEntry  *self,
                                                      double            hours);
SteadyMedication  steady_mood_entry_get_medication   (SteadyMoodEntry  *self);
void              steady_mood_entry_set_medication   (SteadyMoodEntry  *self,
                                                      SteadyMedication  medication);
const char * const *steady_mood_entry_get_medications (SteadyMoodEntry *self);
void              steady_mood_entry_set_medications  (SteadyMoodEntry  *self,
                                                      const char * const *medications);
const char       *steady_mood_entry_get_note         (SteadyMoodEntry  *self);
void              steady_mood_entry_set_note         (SteadyMoodEntry  *self,
                                                      const char       *note);
gboolean          steady_mood_entry_get_private      (SteadyMoodEntry  *self);
void              steady_mood_entry_set_private      (SteadyMoodEntry  *self,
                                                      gboolean          is_private);

GPtrArray        *steady_mood_entry_get_emotions     (SteadyMoodEntry  *self);
void              steady_mood_entry_set_emotion      (SteadyMoodEntry  *self,
                                                      const char       *emotion_uuid,
                                                      const char       *name,
                                                      int               intensity);
gboolean          steady_mood_entry_remove_emotion   (SteadyMoodEntry  *self,
                                                      const char       *emotion_uuid);
GPtrArray        *steady_mood_entry_get_tags         (SteadyMoodEntry  *self);
void              steady_mood_entry_add_tag          (SteadyMoodEntry  *self,
                                                      const char       *tag_uuid,
                                                      const char       *name);
gboolean          steady_mood_entry_remove_tag       (SteadyMoodEntry  *self,
                                                      const char       *tag_uuid);

G_END_DECLS
