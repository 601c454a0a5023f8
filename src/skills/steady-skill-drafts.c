/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-drafts.c: which draft of an exercise to offer back when it opens, an exercise
 * that so far is only a draft (kind "skill-record/<kind id>", key its UUID; see
 * steady-skill-record.h), and discarding an exercise with its draft for Undo. No GTK. */

#define G_LOG_DOMAIN "steady-skill-drafts"

#include "config.h"

#include "steady-skill-drafts.h"
#include "steady-skills-error.h"

/* Whether @uuid is an exercise that was never saved, so its draft is all there is of it. */
static gboolean
is_unsaved (SteadySkillStore *store,
            const char       *uuid)
{
  g_autoptr(SteadySkillRecord) saved = NULL;
  g_autoptr(GError) error = NULL;

  saved = steady_skill_store_load (store, uuid, &error);
  return saved == NULL && g_error_matches (error, STEADY_SKILLS_ERROR,
                                           STEADY_SKILLS_ERROR_NOT_FOUND);
}

/**
 * steady_skill_drafts_find_offer:
 * @record: the exercise an editor opens
 * @stored: whether @record is saved, or new
 * @out_updated_us: (out) (optional): when the draft was last kept
 *
 * A saved exercise is offered its own draft; a new one, the draft of an exercise of its kind
 * that was never saved (so nothing typed into a window that closed is lost).
 *
 * Returns: (transfer full) (nullable): the key of the draft to offer
 */
char *
steady_skill_drafts_find_offer (SteadySkillStore  *store,
                                SteadyDraftStore  *drafts,
                                SteadySkillRecord *record,
                                gboolean           stored,
                                gint64            *out_updated_us)
{
  const char *kind;
  g_auto(GStrv) keys = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (STEADY_IS_SKILL_STORE (store), NULL);
  g_return_val_if_fail (STEADY_IS_DRAFT_STORE (drafts), NULL);
  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (record), NULL);

  kind = steady_skill_record_get_draft_kind (record);
  if (stored)
    {
      g_autofree char *payload = steady_draft_store_load (drafts, kind,
                                                          steady_skill_record_get_uuid (record),
                                                          out_updated_us, NULL);

      return payload != NULL ? g_strdup (steady_skill_record_get_uuid (record)) : NULL;
    }
  keys = steady_draft_store_list_keys (drafts, kind, &error);
  if (keys == NULL)
    g_debug ("No drafts to offer: %s", error->message);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *payload = NULL;

      if (!is_unsaved (store, keys[i]))
        continue;
      payload = steady_draft_store_load (drafts, kind, keys[i], out_updated_us, NULL);
      if (payload != NULL)
        return g_strdup (keys[i]);
    }
  return NULL;
}

/**
 * steady_skill_drafts_load_unsaved:
 *
 * Returns: (transfer full) (nullable): the exercise @uuid as its draft has it, if it was never
 *   saved and its draft can be read
 */
SteadySkillRecord *
steady_skill_drafts_load_unsaved (SteadySkillStore *store,
                                  SteadyDraftStore *drafts,
                                  const char       *uuid)
{
  g_return_val_if_fail (STEADY_IS_SKILL_STORE (store), NULL);
  g_return_val_if_fail (STEADY_IS_DRAFT_STORE (drafts), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!is_unsaved (store, uuid))
    return NULL;
  for (guint kind = 0; kind < STEADY_N_SKILL_KINDS; kind++)
    {
      g_autofree char *draft_kind = g_strconcat (STEADY_SKILL_DRAFT_KIND_PREFIX,
                                                 steady_skill_kind_to_id (kind), NULL);
      g_autofree char *payload = steady_draft_store_load (drafts, draft_kind, uuid, NULL, NULL);
      g_autoptr(SteadySkillRecord) record = NULL;

      if (payload == NULL)
        continue;
      record = steady_skill_record_new_from_draft (payload, NULL);
      if (record != NULL && g_strcmp0 (steady_skill_record_get_uuid (record), uuid) == 0)
        return g_steal_pointer (&record);
    }
  return NULL;
}

void
steady_skill_discarded_free (SteadySkillDiscarded *discarded)
{
  if (discarded == NULL)
    return;
  g_free (discarded->uuid);
  g_free (discarded->draft_kind);
  g_free (discarded->draft);
  g_clear_object (&discarded->saved);
  g_free (discarded);
}

/**
 * steady_skill_drafts_discard:
 * @record: the exercise to discard, saved or only a draft
 *
 * Deletes the saved exercise (its draft goes with it), or else its draft alone, keeping both
 * as they were for steady_skill_drafts_undo_discard ().
 *
 * Returns: (transfer full) (nullable): what was discarded, or %NULL with @error set
 */
SteadySkillDiscarded *
steady_skill_drafts_discard (SteadySkillStore   *store,
                             SteadyDraftStore   *drafts,
                             SteadySkillRecord  *record,
                             GError            **error)
{
  g_autoptr(SteadySkillDiscarded) discarded = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *uuid;

  g_return_val_if_fail (STEADY_IS_SKILL_STORE (store), NULL);
  g_return_val_if_fail (STEADY_IS_DRAFT_STORE (drafts), NULL);
  g_return_val_if_fail (STEADY_IS_SKILL_RECORD (record), NULL);

  uuid = steady_skill_record_get_uuid (record);
  discarded = g_new0 (SteadySkillDiscarded, 1);
  discarded->uuid = g_strdup (uuid);
  discarded->draft_kind = g_strdup (steady_skill_record_get_draft_kind (record));
  discarded->draft = steady_draft_store_load (drafts, discarded->draft_kind, uuid, NULL, NULL);
  discarded->saved = steady_skill_store_delete (store, uuid, &local_error);
  if (discarded->saved == NULL &&
      g_error_matches (local_error, STEADY_SKILLS_ERROR, STEADY_SKILLS_ERROR_NOT_FOUND))
    {
      g_clear_error (&local_error);
      steady_draft_store_delete (drafts, discarded->draft_kind, uuid, &local_error);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&discarded);
}

/**
 * steady_skill_drafts_undo_discard:
 * @discarded: what steady_skill_drafts_discard () returned
 *
 * Puts the exercise back as it was: the saved record with its UUID, times and answers, and
 * the draft that was being typed.
 *
 * Returns: whether it is back
 */
gboolean
steady_skill_drafts_undo_discard (SteadySkillStore            *store,
                                  SteadyDraftStore            *drafts,
                                  const SteadySkillDiscarded  *discarded,
                                  GError                     **error)
{
  g_return_val_if_fail (STEADY_IS_SKILL_STORE (store), FALSE);
  g_return_val_if_fail (STEADY_IS_DRAFT_STORE (drafts), FALSE);
  g_return_val_if_fail (discarded != NULL, FALSE);

  if (discarded->saved != NULL && !steady_skill_store_restore (store, discarded->saved, error))
    return FALSE;
  return discarded->draft == NULL ||
         steady_draft_store_save (drafts, discarded->draft_kind, discarded->uuid,
                                  discarded->draft, error);
}
