/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-diary-store.c: the DBT-informed diary card in the database: the person's own
 * emotions and urges to track, one card a day, "I used this" logs that land on today's
 * card, and the seven-day grid a skills group reviews. */

#define G_LOG_DOMAIN "steady-diary-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "steady-diary-store.h"
#include "steady-journal-common.h"
#include "steady-skill-record.h"
#include "steady-skills-error.h"
#include "steady-skills-library.h"
#include "steady-skills-sql-private.h"

/* The local days a card may have: 1900-01-01 to 2999-12-31, as the schema checks. */
#define MIN_DAY (-25567)
#define MAX_DAY 376199

struct _SteadyDiaryStore
{
  GObject         parent_instance;

  /* owned */
  SteadyDatabase *database;
};

G_DEFINE_FINAL_TYPE (SteadyDiaryStore, steady_diary_store, G_TYPE_OBJECT)

static const char * const target_kinds[] = { "emotion", "urge" };

void
steady_skill_use_free (SteadySkillUse *use)
{
  if (use == NULL)
    return;
  g_free (use->uuid);
  g_free (use->skill);
  g_free (use);
}

void
steady_diary_target_free (SteadyDiaryTarget *target)
{
  if (target == NULL)
    return;
  g_free (target->uuid);
  g_free (target->name);
  g_free (target);
}

/**
 * steady_diary_card_new:
 *
 * Returns: (transfer full): an empty card for @local_day, with a new UUID
 */
SteadyDiaryCard *
steady_diary_card_new (int local_day,
                       int utc_offset_s)
{
  SteadyDiaryCard *card = g_new0 (SteadyDiaryCard, 1);

  card->uuid = g_uuid_string_random ();
  card->local_day = local_day;
  card->utc_offset_s = utc_offset_s;
  card->distress = STEADY_DIARY_NONE;
  card->ratings = g_array_new (FALSE, TRUE, sizeof (SteadyDiaryRating));
  card->skills = g_array_new (FALSE, TRUE, sizeof (SteadyDiarySkillRating));
  return card;
}

void
steady_diary_card_free (SteadyDiaryCard *card)
{
  if (card == NULL)
    return;
  g_free (card->uuid);
  g_clear_pointer (&card->ratings, g_array_unref);
  g_clear_pointer (&card->skills, g_array_unref);
  g_free (card);
}

/**
 * steady_diary_card_set_rating:
 * @rating: 0–5
 * @acted: for an urge, 1 if the person acted on it, 0 if not; else %STEADY_DIARY_NONE
 *
 * Sets the rating of one target, replacing an earlier one. The store checks the ranges.
 */
void
steady_diary_card_set_rating (SteadyDiaryCard *card,
                              const char      *target_uuid,
                              int              rating,
                              int              acted)
{
  SteadyDiaryRating row = { { 0 }, rating, acted };

  g_return_if_fail (card != NULL);
  g_return_if_fail (target_uuid != NULL && strlen (target_uuid) == 36);

  for (guint i = 0; i < card->ratings->len; i++)
    {
      SteadyDiaryRating *old = &g_array_index (card->ratings, SteadyDiaryRating, i);

      if (strcmp (old->target_uuid, target_uuid) == 0)
        {
          old->rating = rating;
          old->acted = acted;
          return;
        }
    }
  g_strlcpy (row.target_uuid, target_uuid, sizeof row.target_uuid);
  g_array_append_val (card->ratings, row);
}

/**
 * steady_diary_card_set_skill:
 * @skill: a skill id of the library
 * @rating: 0–7 (steady_skill_rating_get_meaning ())
 */
void
steady_diary_card_set_skill (SteadyDiaryCard *card,
                             const char      *skill,
                             int              rating)
{
  SteadyDiarySkillRating row = { { 0 }, rating };

  g_return_if_fail (card != NULL);
  g_return_if_fail (skill != NULL && strlen (skill) < sizeof row.skill);

  for (guint i = 0; i < card->skills->len; i++)
    {
      SteadyDiarySkillRating *old = &g_array_index (card->skills, SteadyDiarySkillRating, i);

      if (strcmp (old->skill, skill) == 0)
        {
          old->rating = rating;
          return;
        }
    }
  g_strlcpy (row.skill, skill, sizeof row.skill);
  g_array_append_val (card->skills, row);
}

static void
week_row_free (gpointer data)
{
  SteadyDiaryWeekRow *row = data;

  g_free (row->id);
  g_free (row->label);
  g_free (row);
}

void
steady_diary_week_free (SteadyDiaryWeek *week)
{
  if (week == NULL)
    return;
  g_clear_pointer (&week->rows, g_ptr_array_unref);
  g_free (week);
}

static void
steady_diary_store_finalize (GObject *object)
{
  SteadyDiaryStore *self = (SteadyDiaryStore *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (steady_diary_store_parent_class)->finalize (object);
}

static void
steady_diary_store_class_init (SteadyDiaryStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steady_diary_store_finalize;
}

static void
steady_diary_store_init (SteadyDiaryStore *self)
{
}

/**
 * steady_diary_store_new:
 * @database: an open database at schema version 6 or later
 *
 * Returns: (transfer full): the diary card store of @database
 */
SteadyDiaryStore *
steady_diary_store_new (SteadyDatabase *database)
{
  SteadyDiaryStore *self;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), NULL);

  self = g_object_new (STEADY_TYPE_DIARY_STORE, NULL);
  self->database = g_object_ref (database);
  return self;
}

static gboolean
invalid (GError     **error,
         int          code,
         const char  *message)
{
  g_set_error_literal (error, STEADY_SKILLS_ERROR, code, message);
  return FALSE;
}

/**
 * steady_diary_store_list_targets:
 * @with_archived: whether to list targets the person no longer tracks
 *
 * Returns: (transfer container) (element-type SteadyDiaryTarget): emotions, then urges, each
 *   in the person's order
 */
GPtrArray *
steady_diary_store_list_targets (SteadyDiaryStore  *self,
                                 gboolean           with_archived,
                                 GError           **error)
{
  g_autoptr(SteadySkillsStmt) stmt = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  gboolean row;

  g_return_val_if_fail (STEADY_IS_DIARY_STORE (self), NULL);

  stmt = _steady_skills_prepare (self->database,
    "SELECT uuid, kind = 'urge', name, archived FROM diary_target"
    " WHERE ?1 OR NOT archived ORDER BY kind = 'urge', position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, !!with_archived);
  targets = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_diary_target_free);
  while (_steady_skills_step_row (self->database, stmt, &row, error))
    {
      SteadyDiaryTarget *target;

      if (!row)
        return g_steal_pointer (&targets);
      target = g_new0 (SteadyDiaryTarget, 1);
      target->uuid = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      target->kind = sqlite3_column_int (stmt, 1) ? STEADY_DIARY_TARGET_URGE
                                                  : STEADY_DIARY_TARGET_EMOTION;
      target->name = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      target->archived = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (targets, target);
    }
  return NULL;
}

/**
 * steady_diary_store_add_target:
 * @name: the emotion or urge in the person's words, such as "Self-harm" or "Sadness"
 *
 * Adds a row to the card, after the others of its kind. Adding a name that was archived
 * brings it back.
 *
 * Returns: (transfer full) (nullable): the target, or %NULL with @error set
 */
SteadyDiaryTarget *
steady_diary_store_add_target (SteadyDiaryStore       *self,
                               SteadyDiaryTargetKind   kind,
                               const char             *name,
                               GError                **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(SteadySkillsStmt) stmt = NULL;
  g_autoptr(SteadyDiaryTarget) target = NULL;
  gint64 now_us = _steady_skills_now_us ();

  g_return_val_if_fail (STEADY_IS_DIARY_STORE (self), NULL);
  g_return_val_if_fail (kind <= STEADY_DIARY_TARGET_URGE, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  clean = steady_journal_sanitize_name (name, -1);
  if (clean[0] == '\0' || g_utf8_strlen (clean, -1) > STEADY_JOURNAL_NAME_MAX_CHARS)
    {
      invalid (error, STEADY_SKILLS_ERROR_INVALID_NAME,
               _("Give it a name of up to 100 characters."));
      return NULL;
    }
  stmt = _steady_skills_prepare (self->database,
    "INSERT INTO diary_target (uuid, kind, name, position, created_us, updated_us)"
    "  VALUES (?1, ?2, ?3, (SELECT coalesce (max (position), 0) + 1 FROM diary_target), ?4, ?4)"
    "  ON CONFLICT (kind, name COLLATE NOCASE) DO UPDATE SET archived = 0, updated_us = ?4"
    "  RETURNING uuid, name", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, target_kinds[kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, clean, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, now_us);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      steady_database_set_error_from_sqlite (error, steady_database_get_handle (self->database),
                                             sqlite3_errcode (steady_database_get_handle (
                                               self->database)), _("diary card"));
      return NULL;
    }
  target = g_new0 (SteadyDiaryTarget, 1);
  target->uuid = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  target->kind = kind;
  target->name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  if (!_steady_skills_step_done (self->database, stmt, error))
    return NULL;
  return g_steal_pointer (&target);
}

/**
 * steady_diary_store_add_starter_targets:
 *
 * Gives a card that has no rows yet a starting set the person can rename, archive or add
 * to: a few common emotions, and the urges groups most often track. Names are stored in
 * the user's language at that moment; from then on they are the person's own words. Does
 * nothing if any target exists, archived ones included.
 *
 * Returns: whether the card has rows now
 */
gboolean
steady_diary_store_add_starter_targets (SteadyDiaryStore  *self,
                                        GError           **error)
{
  static const struct
  {
    SteadyDiaryTargetKind  kind;
    const char            *name;
  } starters[] = {
    /* Translators: starting rows of the diary card; the person can change them. */
    { STEADY_DIARY_TARGET_EMOTION, N_("Sadness") },
    { STEADY_DIARY_TARGET_EMOTION, N_("Fear or anxiety") },
    { STEADY_DIARY_TARGET_EMOTION, N_("Anger") },
    { STEADY_DIARY_TARGET_EMOTION, N_("Shame or guilt") },
    { STEADY_DIARY_TARGET_EMOTION, N_("Joy") },
    { STEADY_DIARY_TARGET_URGE, N_("Self-harm") },
    { STEADY_DIARY_TARGET_URGE, N_("Substance use") },
  };
  g_autoptr(GPtrArray) existing = NULL;

  g_return_val_if_fail (STEADY_IS_DIARY_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  existing = steady_diary_store_list_targets (self, TRUE, error);
  if (existing == NULL)
    return FALSE;
  if (existing->len > 0)
    return TRUE;
  if (!steady_database_begin (self->database, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (starters); i++)
    {
      g_autoptr(SteadyDiaryTarget) target =
        steady_diary_store_add_target (self, starters[i].kind, _(starters[i].name), error);

      if (target == NULL)
        {
          steady_database_rollback (self->database);
          return FALSE;
        }
    }
  return steady_database_commit (self->database, error);
}

/**
 * steady_diary_store_rename_target:
 * @name: the new name, in the person's words
 *
 * Renames a row of the card; earlier cards follow, since a rating belongs to the row, not to
 * its name. A name another row of the same kind already has is refused.
 *
 * Returns: whether it was renamed; if not, @error says why in words
 */
gboolean
steady_diary_store_rename_target (SteadyDiaryStore  *self,
                                  const char        *uuid,
                                  const char        *name,
                                  GError           **error)
{
  g_autofree char *clean = NULL;
  g_autoptr(SteadySkillsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (STEADY_IS_DIARY_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  clean = steady_journal_sanitize_name (name, -1);
  if (clean[0] == '\0' || g_utf8_strlen (clean, -1) > STEADY_JOURNAL_NAME_MAX_CHARS)
    return invalid (error, STEADY_SKILLS_ERROR_INVALID_NAME,
                    _("Give it a name of up to 100 characters."));
  stmt = _steady_skills_prepare (self->database,
    "UPDATE diary_target SET name = ?2, updated_us = ?3 WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, _steady_skills_now_us ());
  rc = sqlite3_step (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    return invalid (error, STEADY_SKILLS_ERROR_INVALID_NAME,
                    _("Another row of the card already has this name."));
  if (!_steady_skills_finish (self->database, rc, error))
    return FALSE;
  if (sqlite3_changes (steady_database_get_handle (self->database)) == 0)
    return invalid (error, STEADY_SKILLS_ERROR_NOT_FOUND,
                    _("This diary card row no longer exists."));
  return TRUE;
}

/**
 * steady_diary_store_archive_target:
 *
 * Takes a row off the card from now on; earlier cards keep their ratings of it.
 *
 * Returns: whether it was archived
 */
gboolean
steady_diary_store_archive_target (SteadyDiaryStore  *self,
                                   const char        *uuid,
                                   GError           **error)
{
  g_autoptr(SteadySkillsStmt) stmt = NULL;

  g_return_val_if_fail (STEADY_IS_DIARY_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  stmt = _steady_skills_prepare (self->database,
    "UPDATE diary_target SET archived = 1, updated_us = ?2 WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, _steady_skills_now_us ());
  if (!_steady_skills_step_done (self->database, stmt, error))
    return FALSE;
  if (sqlite3_changes (steady_database_get_handle (self->database)) == 0)
    return invalid (error, STEADY_SKILLS_ERROR_NOT_FOUND,
                    _("This diary card row no longer exists."));
  return TRUE;
}

/* Fills @card's ratings and skills from the database; card->uuid must be the stored one. */
static gboolean
load_card_rows (SteadyDiaryStore  *self,
                SteadyDiaryCard   *card,
                GError           **error)
{
  g_autoptr(SteadySkillsStmt) ratings = NULL;
  g_autoptr(SteadySkillsStmt) skills = NULL;
  int rc;

  ratings = _steady_skills_prepare (self->database,
    "SELECT t.uuid, r.rating, r.acted FROM diary_card_rating AS r"
    "  JOIN diary_card AS c ON c.id = r.card_id JOIN diary_target AS t ON t.id = r.target_id"
    " WHERE c.uuid = ?1 ORDER BY t.kind, t.position, t.id", error);
  if (ratings == NULL)
    return FALSE;
  sqlite3_bind_text (ratings, 1, card->uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (ratings)) == SQLITE_ROW)
    steady_diary_card_set_rating (card, (const char *)sqlite3_column_text (ratings, 0),
                                  sqlite3_column_int (ratings, 1),
                                  _steady_skills_column_rating (ratings, 2));
  if (!_steady_skills_finish (self->database, rc, error))
    return FALSE;

  skills = _steady_skills_prepare (self->database,
    "SELECT s.skill, s.rating FROM diary_card_skill AS s JOIN diary_card AS c"
    "    ON c.id = s.card_id WHERE c.uuid = ?1 ORDER BY s.skill", error);
  if (skills == NULL)
    return FALSE;
  sqlite3_bind_text (skills, 1, card->uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (skills)) == SQLITE_ROW)
    steady_diary_card_set_skill (card, (const char *)sqlite3_column_text (skills, 0),
                                 sqlite3_column_int (skills, 1));
  return _steady_skills_finish (self->database, rc, error);
}

/**
 * steady_diary_store_load_card:
 * @local_day: the day, counted as steady_journal_day_from_time () does
 * @utc_offset_s: the offset to give a new card
 *
 * Returns: (transfer full) (nullable): the saved card of that day, or a new empty one
 *   (created_us 0) when there is none; %NULL with @error set on failure
 */
SteadyDiaryCard *
steady_diary_store_load_card (SteadyDiaryStore  *self,
                              int                local_day,
                              int                utc_offset_s,
                              GError           **error)
{
  g_autoptr(SteadySkillsStmt) stmt = NULL;
  g_autoptr(SteadyDiaryCard) card = NULL;
  gboolean row;

  g_return_val_if_fail (STEADY_IS_DIARY_STORE (self), NULL);

  stmt = _steady_skills_prepare (self->database,
    "SELECT uuid, utc_offset_s, distress, private, created_us, updated_us FROM diary_card"
    " WHERE local_day = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, local_day);
  if (!_steady_skills_step_row (self->database, stmt, &row, error))
    return NULL;
  card = steady_diary_card_new (local_day, utc_offset_s);
  if (!row)
    return g_steal_pointer (&card);

  g_free (card->uuid);
  card->uuid = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  card->utc_offset_s = sqlite3_column_int (stmt, 1);
  card->distress = _steady_skills_column_rating (stmt, 2);
  card->private_ = sqlite3_column_int (stmt, 3);
  card->created_us = sqlite3_column_int64 (stmt, 4);
  card->updated_us = sqlite3_column_int64 (stmt, 5);
  if (!load_card_rows (self, card, error))
    return NULL;
  return g_steal_pointer (&card);
}

/* Whether a rating of @target_uuid may be saved: a known target, 0–5, acted only for urges. */
static gboolean
validate_rating (SteadyDiaryStore         *self,
                 const SteadyDiaryRating  *rating,
                 GError                  **error)
{
  g_autoptr(SteadySkillsStmt) stmt = _steady_skills_prepare (self->database,
    "SELECT kind = 'urge' FROM diary_target WHERE uuid = ?1", error);
  gboolean row;
  gboolean urge;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, rating->target_uuid, -1, SQLITE_STATIC);
  if (!_steady_skills_step_row (self->database, stmt, &row, error))
    return FALSE;
  if (!row)
    return invalid (error, STEADY_SKILLS_ERROR_NOT_FOUND,
                    _("A row of this diary card no longer exists."));
  urge = sqlite3_column_int (stmt, 0);
  if (rating->rating < 0 || rating->rating > (urge ? STEADY_DIARY_URGE_MAX
                                                   : STEADY_DIARY_EMOTION_MAX))
    return invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE,
                    _("Emotions and urges are rated from 0 to 5."));
  if (urge ? (rating->acted != STEADY_DIARY_NONE && rating->acted != 0 && rating->acted != 1)
           : rating->acted != STEADY_DIARY_NONE)
    return invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE,
                    _("Only an urge can be marked as acted on, with yes or no."));
  return TRUE;
}

static gboolean
validate_card (SteadyDiaryStore  *self,
               SteadyDiaryCard   *card,
               GError           **error)
{
  if (card->uuid == NULL || !g_uuid_string_is_valid (card->uuid))
    return invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE,
                    _("This diary card has no valid identifier."));
  if (card->local_day < MIN_DAY || card->local_day > MAX_DAY ||
      ABS (card->utc_offset_s) > STEADY_JOURNAL_MAX_UTC_OFFSET)
    return invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE,
                    _("Choose a date between the years 1900 and 2999."));
  if (card->distress != STEADY_DIARY_NONE &&
      (card->distress < 0 || card->distress > STEADY_DIARY_DISTRESS_MAX))
    return invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE,
                    _("Distress is rated from 0 to 10."));
  for (guint i = 0; i < card->ratings->len; i++)
    if (!validate_rating (self, &g_array_index (card->ratings, SteadyDiaryRating, i), error))
      return FALSE;
  for (guint i = 0; i < card->skills->len; i++)
    {
      const SteadyDiarySkillRating *skill = &g_array_index (card->skills,
                                                            SteadyDiarySkillRating, i);

      if (steady_skills_library_find (skill->skill) == NULL)
        return invalid (error, STEADY_SKILLS_ERROR_NOT_FOUND,
                        _("One of the skills is not known to this version."));
      if (skill->rating < 0 || skill->rating > STEADY_SKILL_RATING_MAX)
        return invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE,
                        _("Skills are rated from 0 to 7."));
    }
  return TRUE;
}

/* Writes the card row and replaces its ratings, in the current transaction. */
static gboolean
write_card (SteadyDiaryStore  *self,
            SteadyDiaryCard   *card,
            gint64             now_us,
            GError           **error)
{
  g_autoptr(SteadySkillsStmt) stmt = NULL;
  gint64 card_id;
  gboolean row;

  stmt = _steady_skills_prepare (self->database,
    "INSERT INTO diary_card (uuid, local_day, utc_offset_s, distress, private, created_us,"
    "    updated_us) VALUES (?1, ?2, ?3, ?4, ?5, ?7, ?6)"
    "  ON CONFLICT (local_day) DO UPDATE SET distress = excluded.distress,"
    "    private = excluded.private, updated_us = excluded.updated_us"
    "  RETURNING id, uuid, created_us", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, card->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, card->local_day);
  sqlite3_bind_int (stmt, 3, card->utc_offset_s);
  _steady_skills_bind_rating (stmt, 4, card->distress);
  sqlite3_bind_int (stmt, 5, !!card->private_);
  sqlite3_bind_int64 (stmt, 6, now_us);
  /* A card put back by undo keeps the day it was first written. */
  sqlite3_bind_int64 (stmt, 7, card->created_us > 0 && card->created_us <= now_us
                               ? card->created_us : now_us);
  if (!_steady_skills_step_row (self->database, stmt, &row, error))
    return FALSE;
  g_assert (row);
  card_id = sqlite3_column_int64 (stmt, 0);
  /* Two editors of one day: the card that was saved first keeps its identity. */
  g_free (card->uuid);
  card->uuid = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  card->created_us = sqlite3_column_int64 (stmt, 2);
  card->updated_us = now_us;
  if (!_steady_skills_step_done (self->database, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _steady_skills_prepare (self->database,
    "DELETE FROM diary_card_rating WHERE card_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, card_id);
  if (!_steady_skills_step_done (self->database, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = _steady_skills_prepare (self->database,
    "INSERT INTO diary_card_rating (card_id, target_id, rating, acted)"
    "  SELECT ?1, id, ?3, ?4 FROM diary_target WHERE uuid = ?2", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < card->ratings->len; i++)
    {
      const SteadyDiaryRating *rating = &g_array_index (card->ratings, SteadyDiaryRating, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, card_id);
      sqlite3_bind_text (stmt, 2, rating->target_uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, rating->rating);
      _steady_skills_bind_rating (stmt, 4, rating->acted);
      if (!_steady_skills_step_done (self->database, stmt, error))
        return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _steady_skills_prepare (self->database,
    "DELETE FROM diary_card_skill WHERE card_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, card_id);
  if (!_steady_skills_step_done (self->database, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = _steady_skills_prepare (self->database,
    "INSERT INTO diary_card_skill (card_id, skill, rating) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < card->skills->len; i++)
    {
      const SteadyDiarySkillRating *skill = &g_array_index (card->skills,
                                                            SteadyDiarySkillRating, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, card_id);
      sqlite3_bind_text (stmt, 2, skill->skill, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, skill->rating);
      if (!_steady_skills_step_done (self->database, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Once the card is saved from its editor, the editor's draft has served its purpose. */
static gboolean
delete_card_draft (SteadyDiaryStore  *self,
                   int                local_day,
                   GError           **error)
{
  g_autofree char *draft_key = g_strdup_printf ("%d", local_day);
  g_autoptr(SteadySkillsStmt) stmt = _steady_skills_prepare (self->database,
    "DELETE FROM draft WHERE kind = '" STEADY_DIARY_CARD_DRAFT_KIND "' AND key = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, draft_key, -1, SQLITE_STATIC);
  return _steady_skills_step_done (self->database, stmt, error);
}

/**
 * steady_diary_store_save_card:
 *
 * Saves the card of card->local_day whole, replacing what that day's card held, and removes
 * its draft. On success, card->uuid and the times are those stored.
 *
 * Returns: whether it was saved; if not, @error says why in words
 */
gboolean
steady_diary_store_save_card (SteadyDiaryStore  *self,
                              SteadyDiaryCard   *card,
                              GError           **error)
{
  g_return_val_if_fail (STEADY_IS_DIARY_STORE (self), FALSE);
  g_return_val_if_fail (card != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_card (self, card, error))
    return FALSE;
  if (!steady_database_begin (self->database, error))
    return FALSE;
  if (!write_card (self, card, _steady_skills_now_us (), error) ||
      !delete_card_draft (self, card->local_day, error) ||
      !steady_database_commit (self->database, error))
    {
      steady_database_rollback (self->database);
      return FALSE;
    }
  return TRUE;
}

/**
 * steady_diary_store_delete_card:
 *
 * Deletes the card of @local_day with its ratings. To undo, pass the returned card to
 * steady_diary_store_save_card (): it comes back with its UUID and creation time.
 *
 * Returns: (transfer full) (nullable): the card as it was (created_us 0 if there was none),
 *   or %NULL with @error set
 */
SteadyDiaryCard *
steady_diary_store_delete_card (SteadyDiaryStore  *self,
                                int                local_day,
                                GError           **error)
{
  g_autoptr(SteadySkillsStmt) stmt = NULL;
  g_autoptr(SteadyDiaryCard) old = NULL;

  g_return_val_if_fail (STEADY_IS_DIARY_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!steady_database_begin (self->database, error))
    return NULL;
  old = steady_diary_store_load_card (self, local_day, 0, error);
  if (old == NULL)
    goto failed;
  stmt = _steady_skills_prepare (self->database, "DELETE FROM diary_card WHERE local_day = ?1",
                                 error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int (stmt, 1, local_day);
  if (!_steady_skills_step_done (self->database, stmt, error) ||
      !steady_database_commit (self->database, error))
    goto failed;
  return g_steal_pointer (&old);

failed:
  steady_database_rollback (self->database);
  return NULL;
}

/**
 * steady_diary_store_log_skill_use:
 * @skill: a skill id of the library
 * @rating: how it went, on the card's 0–7 scale
 * @distress_before: 0–10 or %STEADY_SKILL_NO_RATING (skipped)
 * @distress_after: 0–10 or %STEADY_SKILL_NO_RATING
 * @time_us: when, in UTC microseconds; @utc_offset_s: the person's offset then
 *
 * "I used this": logs the use, and puts the skill with @rating on that day's diary card,
 * making the card if there is none yet. A draft of that day's card is left alone: what the
 * person is typing there is theirs to save (the editor should add the skill to it too).
 *
 * Returns: (transfer full) (nullable): the UUID of the logged use, or %NULL with @error set
 */
char *
steady_diary_store_log_skill_use (SteadyDiaryStore  *self,
                                  const char        *skill,
                                  int                rating,
                                  int                distress_before,
                                  int                distress_after,
                                  gint64             time_us,
                                  int                utc_offset_s,
                                  GError           **error)
{
  g_autoptr(SteadySkillsStmt) stmt = NULL;
  g_autoptr(SteadyDiaryCard) card = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 now_us = _steady_skills_now_us ();

  g_return_val_if_fail (STEADY_IS_DIARY_STORE (self), NULL);
  g_return_val_if_fail (skill != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (steady_skills_library_find (skill) == NULL)
    {
      invalid (error, STEADY_SKILLS_ERROR_NOT_FOUND, _("This skill is not known to this version."));
      return NULL;
    }
  if (rating < 0 || rating > STEADY_SKILL_RATING_MAX)
    {
      invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE, _("Skills are rated from 0 to 7."));
      return NULL;
    }
  if ((distress_before != STEADY_SKILL_NO_RATING &&
       (distress_before < 0 || distress_before > STEADY_DIARY_DISTRESS_MAX)) ||
      (distress_after != STEADY_SKILL_NO_RATING &&
       (distress_after < 0 || distress_after > STEADY_DIARY_DISTRESS_MAX)))
    {
      invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE, _("Distress is rated from 0 to 10."));
      return NULL;
    }
  if (time_us < STEADY_JOURNAL_MIN_TIME || time_us > STEADY_JOURNAL_MAX_TIME ||
      ABS (utc_offset_s) > STEADY_JOURNAL_MAX_UTC_OFFSET)
    {
      invalid (error, STEADY_SKILLS_ERROR_INVALID_VALUE,
               _("Choose a date between the years 1900 and 2999."));
      return NULL;
    }

  if (!steady_database_begin (self->database, error))
    return NULL;
  stmt = _steady_skills_prepare (self->database,
    "INSERT INTO skill_use (uuid, skill, at_us, utc_offset_s, rating, distress_before,"
    "    distress_after, created_us) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, skill, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, time_us);
  sqlite3_bind_int (stmt, 4, utc_offset_s);
  sqlite3_bind_int (stmt, 5, rating);
  _steady_skills_bind_rating (stmt, 6, distress_before);
  _steady_skills_bind_rating (stmt, 7, distress_after);
  sqlite3_bind_int64 (stmt, 8, now_us);
  if (!_steady_skills_step_done (self->database, stmt, error))
    goto failed;

  card = steady_diary_store_load_card (self, steady_journal_day_from_time (time_us, utc_offset_s),
                                       utc_offset_s, error);
  if (card == NULL)
    goto failed;
  steady_diary_card_set_skill (card, skill, rating);
  if (!write_card (self, card, now_us, error) ||
      !steady_database_commit (self->database, error))
    goto failed;
  return g_steal_pointer (&uuid);

failed:
  steady_database_rollback (self->database);
  return NULL;
}

/**
 * steady_diary_store_delete_skill_use:
 *
 * Removes one "I used this" from the log (and from "what helps me"). The day's diary card
 * keeps its rating of the skill: the card is the person's own account of the day.
 *
 * Returns: (transfer full) (nullable): the use as it was, for
 *   steady_diary_store_restore_skill_use () (undo), or %NULL with @error set
 */
SteadySkillUse *
steady_diary_store_delete_skill_use (SteadyDiaryStore  *self,
                                     const char        *uuid,
                                     GError           **error)
{
  g_autoptr(SteadySkillsStmt) stmt = NULL;
  g_autoptr(SteadySkillUse) use = NULL;
  gboolean row;

  g_return_val_if_fail (STEADY_IS_DIARY_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = _steady_skills_prepare (self->database,
    "DELETE FROM skill_use WHERE uuid = ?1 RETURNING uuid, skill, at_us, utc_offset_s,"
    " rating, distress_before, distress_after, created_us", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (!_steady_skills_step_row (self->database, stmt, &row, error))
    return NULL;
  if (!row)
    {
      invalid (error, STEADY_SKILLS_ERROR_NOT_FOUND,
               _("This use of a skill is no longer in the log."));
      return NULL;
    }
  use = g_new0 (SteadySkillUse, 1);
  use->uuid = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  use->skill = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  use->time_us = sqlite3_column_int64 (stmt, 2);
  use->utc_offset_s = sqlite3_column_int (stmt, 3);
  use->rating = _steady_skills_column_rating (stmt, 4);
  use->distress_before = _steady_skills_column_rating (stmt, 5);
  use->distress_after = _steady_skills_column_rating (stmt, 6);
  use->created_us = sqlite3_column_int64 (stmt, 7);
  if (!_steady_skills_step_done (self->database, stmt, error))
    return NULL;
  return g_steal_pointer (&use);
}

/**
 * steady_diary_store_restore_skill_use:
 * @use: what steady_diary_store_delete_skill_use () returned
 *
 * Puts a deleted use back in the log as it was (the diary card was never changed).
 *
 * Returns: whether it is back
 */
gboolean
steady_diary_store_restore_skill_use (SteadyDiaryStore      *self,
                                      const SteadySkillUse  *use,
                                      GError               **error)
{
  g_autoptr(SteadySkillsStmt) stmt = NULL;

  g_return_val_if_fail (STEADY_IS_DIARY_STORE (self), FALSE);
  g_return_val_if_fail (use != NULL, FALSE);

  stmt = _steady_skills_prepare (self->database,
    "INSERT INTO skill_use (uuid, skill, at_us, utc_offset_s, rating, distress_before,"
    "    distress_after, created_us) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, use->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, use->skill, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, use->time_us);
  sqlite3_bind_int (stmt, 4, use->utc_offset_s);
  _steady_skills_bind_rating (stmt, 5, use->rating);
  _steady_skills_bind_rating (stmt, 6, use->distress_before);
  _steady_skills_bind_rating (stmt, 7, use->distress_after);
  sqlite3_bind_int64 (stmt, 8, use->created_us);
  return _steady_skills_step_done (self->database, stmt, error);
}

static SteadyDiaryWeekRow *
week_row_new (SteadyDiaryRowKind  kind,
              const char         *id,
              const char         *label)
{
  SteadyDiaryWeekRow *row = g_new0 (SteadyDiaryWeekRow, 1);

  row->kind = kind;
  row->id = g_strdup (id);
  row->label = g_strdup (label);
  for (guint d = 0; d < 7; d++)
    row->values[d] = STEADY_DIARY_NONE;
  return row;
}

/**
 * steady_diary_store_get_week:
 * @first_day: the first local day of the week (the GUI chooses which weekday starts it)
 *
 * Lays out seven days of cards the way a DBT skills group reviews them: one column a day;
 * a row per emotion, then per urge followed by its "acted on it" row, then overall distress,
 * then every library skill rated that week, in library order. Archived targets appear only
 * in weeks where they were rated.
 *
 * Returns: (transfer full) (nullable): the week, or %NULL with @error set
 */
/**
 * steady_diary_store_get_card_span:
 * @from_day: (in): the first local day to look at
 * @to_day: (in): the last local day to look at
 * @first_out: (out): the first day with a card, or @to_day + 1 if none
 * @last_out: (out): the last day with a card, or @from_day - 1 if none
 *
 * Where the cards between two days start and end, so that a long range (a report of
 * "everything") walks only the weeks that can hold a card.
 */
gboolean
steady_diary_store_get_card_span (SteadyDiaryStore  *self,
                                  int                from_day,
                                  int                to_day,
                                  int               *first_out,
                                  int               *last_out,
                                  GError           **error)
{
  g_autoptr(SteadySkillsStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (STEADY_IS_DIARY_STORE (self), FALSE);
  g_return_val_if_fail (first_out != NULL && last_out != NULL, FALSE);

  *first_out = to_day + 1;
  *last_out = from_day - 1;
  stmt = _steady_skills_prepare (self->database,
    "SELECT MIN(local_day), MAX(local_day) FROM diary_card WHERE local_day BETWEEN ?1 AND ?2",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, from_day);
  sqlite3_bind_int (stmt, 2, to_day);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      *first_out = sqlite3_column_int (stmt, 0);
      *last_out = sqlite3_column_int (stmt, 1);
    }
  return _steady_skills_finish (self->database, rc == SQLITE_ROW ? SQLITE_DONE : rc, error);
}

SteadyDiaryWeek *
steady_diary_store_get_week (SteadyDiaryStore  *self,
                             int                first_day,
                             GError           **error)
{
  g_autoptr(SteadyDiaryWeek) week = g_new0 (SteadyDiaryWeek, 1);
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) acted_rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SteadySkillsStmt) stmt = NULL;
  g_autoptr(GPtrArray) skill_rows = g_ptr_array_new ();
  SteadyDiaryWeekRow *distress;
  int rc;
  guint n_skills;
  const SteadySkill *skills = steady_skills_library_get (&n_skills);

  g_return_val_if_fail (STEADY_IS_DIARY_STORE (self), NULL);
  g_return_val_if_fail (first_day >= MIN_DAY && first_day <= MAX_DAY - 6, NULL);

  week->first_day = first_day;
  week->rows = g_ptr_array_new_with_free_func (week_row_free);

  /* Targets: current ones always, archived ones only if rated in this week. */
  stmt = _steady_skills_prepare (self->database,
    "SELECT t.uuid, t.kind = 'urge', t.name FROM diary_target AS t"
    " WHERE NOT t.archived OR EXISTS (SELECT 1 FROM diary_card_rating AS r"
    "   JOIN diary_card AS c ON c.id = r.card_id"
    "  WHERE r.target_id = t.id AND c.local_day BETWEEN ?1 AND ?1 + 6)"
    " ORDER BY t.kind = 'urge', t.position, t.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, first_day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *uuid = (const char *)sqlite3_column_text (stmt, 0);
      gboolean urge = sqlite3_column_int (stmt, 1);
      SteadyDiaryWeekRow *r = week_row_new (urge ? STEADY_DIARY_ROW_URGE : STEADY_DIARY_ROW_EMOTION,
                                            uuid, (const char *)sqlite3_column_text (stmt, 2));

      g_ptr_array_add (week->rows, r);
      g_hash_table_insert (rows, r->id, r);
      if (urge)
        {
          SteadyDiaryWeekRow *acted = week_row_new (STEADY_DIARY_ROW_ACTED, uuid, r->label);

          g_ptr_array_add (week->rows, acted);
          g_hash_table_insert (acted_rows, acted->id, acted);
        }
    }
  if (!_steady_skills_finish (self->database, rc, error))
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  distress = week_row_new (STEADY_DIARY_ROW_DISTRESS, NULL, _("Distress"));
  g_ptr_array_add (week->rows, distress);

  stmt = _steady_skills_prepare (self->database,
    "SELECT local_day - ?1, distress FROM diary_card WHERE local_day BETWEEN ?1 AND ?1 + 6",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, first_day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int d = sqlite3_column_int (stmt, 0);

      week->has_card[d] = TRUE;
      distress->values[d] = _steady_skills_column_rating (stmt, 1);
    }
  if (!_steady_skills_finish (self->database, rc, error))
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _steady_skills_prepare (self->database,
    "SELECT c.local_day - ?1, t.uuid, r.rating, r.acted FROM diary_card_rating AS r"
    "  JOIN diary_card AS c ON c.id = r.card_id JOIN diary_target AS t ON t.id = r.target_id"
    " WHERE c.local_day BETWEEN ?1 AND ?1 + 6", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, first_day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int d = sqlite3_column_int (stmt, 0);
      const char *uuid = (const char *)sqlite3_column_text (stmt, 1);
      SteadyDiaryWeekRow *r = g_hash_table_lookup (rows, uuid);
      SteadyDiaryWeekRow *acted = g_hash_table_lookup (acted_rows, uuid);

      g_assert (r != NULL);
      r->values[d] = sqlite3_column_int (stmt, 2);
      if (acted != NULL)
        acted->values[d] = _steady_skills_column_rating (stmt, 3);
    }
  if (!_steady_skills_finish (self->database, rc, error))
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _steady_skills_prepare (self->database,
    "SELECT c.local_day - ?1, s.skill, s.rating FROM diary_card_skill AS s"
    "  JOIN diary_card AS c ON c.id = s.card_id WHERE c.local_day BETWEEN ?1 AND ?1 + 6", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, first_day);
  for (guint i = 0; i < n_skills; i++)
    g_ptr_array_add (skill_rows, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int d = sqlite3_column_int (stmt, 0);
      const char *id = (const char *)sqlite3_column_text (stmt, 1);

      for (guint i = 0; i < n_skills; i++)
        if (strcmp (skills[i].id, id) == 0)
          {
            if (skill_rows->pdata[i] == NULL)
              skill_rows->pdata[i] = week_row_new (STEADY_DIARY_ROW_SKILL, id,
                                                   _(skills[i].name));
            ((SteadyDiaryWeekRow *)skill_rows->pdata[i])->values[d] = sqlite3_column_int (stmt, 2);
          }
    }
  if (!_steady_skills_finish (self->database, rc, error))
    {
      for (guint i = 0; i < n_skills; i++)
        if (skill_rows->pdata[i] != NULL)
          week_row_free (skill_rows->pdata[i]);
      return NULL;
    }
  for (guint i = 0; i < n_skills; i++)
    if (skill_rows->pdata[i] != NULL)
      g_ptr_array_add (week->rows, skill_rows->pdata[i]);

  return g_steal_pointer (&week);
}
