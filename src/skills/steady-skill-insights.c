/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-skill-insights.c: "what helps me": the average fall in distress per skill, exercise
 * and practice, from uses rated both before and after, once there are enough of them. */

#define G_LOG_DOMAIN "steady-skill-insights"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-skill-insights.h"
#include "steady-skill-kind.h"
#include "steady-skills-library.h"
#include "steady-skills-sql-private.h"

void
steady_help_item_free (SteadyHelpItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  g_free (item->label);
  g_free (item);
}

/* The name to show for an exercise, a skill or a practice, translated; the report's practice
 * log names them the same way. */
char *
steady_help_source_dup_label (SteadyHelpSource  source,
                              const char       *id)
{
  SteadySkillKind kind;
  const SteadySkill *skill;

  switch (source)
    {
    case STEADY_HELP_SOURCE_EXERCISE:
      if (steady_skill_kind_from_id (id, &kind))
        return g_strdup (steady_skill_kind_get_title (kind));
      break;
    case STEADY_HELP_SOURCE_SKILL:
      skill = steady_skills_library_find (id);
      if (skill != NULL)
        return g_strdup (_(skill->name));
      break;
    case STEADY_HELP_SOURCE_PRACTICE:
      if (g_str_equal (id, "breathing"))
        return g_strdup (_("Breathing pacer"));
      if (g_str_equal (id, "mindfulness"))
        return g_strdup (_("Mindfulness timer"));
      break;
    default:
      g_assert_not_reached ();
    }
  return g_strdup (id);
}

/**
 * steady_skill_insights_what_helps:
 * @min_uses: the fewest uses with both ratings for an item to be listed; at least 1
 *   (%STEADY_SKILL_INSIGHTS_MIN_USES is the app's choice)
 *
 * Ranks what this person did by how much their distress (0–10) fell on average, counting
 * only the times they rated it both before and after. Ties go to the item used more often.
 * Items below @min_uses are left out: an empty list means "not enough yet", not "nothing
 * helps".
 *
 * Returns: (transfer container) (element-type SteadyHelpItem): best first, or %NULL with
 *   @error set
 */
GPtrArray *
steady_skill_insights_what_helps (SteadyDatabase  *database,
                                  guint            min_uses,
                                  GError         **error)
{
  g_autoptr(SteadySkillsStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = NULL;
  int rc;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), NULL);
  g_return_val_if_fail (min_uses >= 1, NULL);

  stmt = _steady_skills_prepare (database,
    "SELECT source, id, count (*), avg (distress_before - distress_after) AS change FROM ("
    "  SELECT 0 AS source, kind AS id, distress_before, distress_after FROM skill_record"
    "  UNION ALL"
    "  SELECT 1, skill, distress_before, distress_after FROM skill_use"
    "  UNION ALL"
    "  SELECT 2, kind, distress_before, distress_after FROM practice_log)"
    " WHERE distress_before IS NOT NULL AND distress_after IS NOT NULL"
    " GROUP BY source, id HAVING count (*) >= ?1"
    " ORDER BY change DESC, count (*) DESC, source, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, min_uses);
  items = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_help_item_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SteadyHelpItem *item = g_new0 (SteadyHelpItem, 1);

      item->source = sqlite3_column_int (stmt, 0);
      item->id = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      item->label = steady_help_source_dup_label (item->source, item->id);
      item->n_uses = sqlite3_column_int (stmt, 2);
      item->mean_change = sqlite3_column_double (stmt, 3);
      g_ptr_array_add (items, item);
    }
  if (!_steady_skills_finish (database, rc, error))
    return NULL;
  return g_steal_pointer (&items);
}

void
steady_usage_item_free (SteadyUsageItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  g_free (item->label);
  g_free (item);
}

/**
 * steady_skill_insights_most_used:
 * @since_us: count only uses at or after this instant (e.g. the last 90 days), so the order
 *   follows what the person does now; G_MININT64 for all time
 *
 * Counts every exercise saved (finished or not), every "I used this" and every practice,
 * whether or not distress was rated. The Skills page puts these first.
 *
 * Returns: (transfer container) (element-type SteadyUsageItem): most used first, ties to the
 *   most recent; only things used at least once; %NULL with @error set on failure
 */
GPtrArray *
steady_skill_insights_most_used (SteadyDatabase  *database,
                                 gint64           since_us,
                                 GError         **error)
{
  g_autoptr(SteadySkillsStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = NULL;
  int rc;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), NULL);

  stmt = _steady_skills_prepare (database,
    "SELECT source, id, count (*), max (at_us) AS last FROM ("
    "  SELECT 0 AS source, kind AS id, at_us FROM skill_record"
    "  UNION ALL"
    "  SELECT 1, skill, at_us FROM skill_use"
    "  UNION ALL"
    "  SELECT 2, kind, started_at_us FROM practice_log)"
    " WHERE at_us >= ?1"
    " GROUP BY source, id ORDER BY count (*) DESC, last DESC, source, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, since_us);
  items = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_usage_item_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SteadyUsageItem *item = g_new0 (SteadyUsageItem, 1);

      item->source = sqlite3_column_int (stmt, 0);
      item->id = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      item->label = steady_help_source_dup_label (item->source, item->id);
      item->n_uses = sqlite3_column_int (stmt, 2);
      item->last_us = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (items, item);
    }
  if (!_steady_skills_finish (database, rc, error))
    return NULL;
  return g_steal_pointer (&items);
}
