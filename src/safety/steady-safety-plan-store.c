/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-safety-plan-store.c: the user's safety plan in the database. Each section is a list
 * kept in order by a dense position (0, 1, 2 …); every change that moves positions runs in
 * one transaction, so the order is never half-changed. The text is checked here with clear
 * messages, and again by the schema's CHECK constraints. */

#define G_LOG_DOMAIN "steady-safety-plan-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steady-safety-plan-store.h"

#define PHONE_CHARACTERS "0123456789 +().x/-"

struct _SteadySafetyPlanStore
{
  GObject         parent_instance;

  /* owned, except in the store shared through the database itself (see
   * steady_safety_plan_store_get_for_database()), which holds it by a weak pointer */
  SteadyDatabase *database;
  gboolean        database_is_weak;
};

enum {
  CHANGED,
  RELOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SteadySafetyPlanStore, steady_safety_plan_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (steady-safety-plan-error-quark, steady_safety_plan_error)

static void
steady_safety_plan_store_dispose (GObject *object)
{
  SteadySafetyPlanStore *self = STEADY_SAFETY_PLAN_STORE (object);

  if (self->database_is_weak && self->database != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->database), (gpointer *)&self->database);
  else if (!self->database_is_weak)
    g_clear_object (&self->database);
  self->database = NULL;

  G_OBJECT_CLASS (steady_safety_plan_store_parent_class)->dispose (object);
}

static void
steady_safety_plan_store_class_init (SteadySafetyPlanStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steady_safety_plan_store_dispose;

  /**
   * SteadySafetyPlanStore::changed:
   * @section: the #SteadySafetySection whose items changed
   *
   * Emitted after a change to a section was committed, so that every view of the plan
   * (the plan window, "Get help now") shows the same thing.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * SteadySafetyPlanStore::reloaded:
   *
   * Emitted when the plan was changed through another connection to the file (a restore or
   * an import), so that every view of it reads it again.
   */
  signals[RELOADED] = g_signal_new ("reloaded",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);
}

static void
steady_safety_plan_store_init (SteadySafetyPlanStore *self)
{
}

SteadySafetyPlanStore *
steady_safety_plan_store_new (SteadyDatabase *database)
{
  SteadySafetyPlanStore *self;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), NULL);

  self = g_object_new (STEADY_TYPE_SAFETY_PLAN_STORE, NULL);
  self->database = g_object_ref (database);
  return self;
}

/* The one store of @database, shared by every window, so that a change made in one shows in
 * all of them through ::changed. It lives as long as the database. Transfer none. */
SteadySafetyPlanStore *
steady_safety_plan_store_get_for_database (SteadyDatabase *database)
{
  SteadySafetyPlanStore *self;

  g_return_val_if_fail (STEADY_IS_DATABASE (database), NULL);

  self = g_object_get_data (G_OBJECT (database), "steady-safety-plan-store");
  if (self == NULL)
    {
      /* The store must not keep alive the database that owns it. */
      self = g_object_new (STEADY_TYPE_SAFETY_PLAN_STORE, NULL);
      self->database = database;
      self->database_is_weak = TRUE;
      g_object_add_weak_pointer (G_OBJECT (database), (gpointer *)&self->database);
      g_object_set_data_full (G_OBJECT (database), "steady-safety-plan-store", self,
                              g_object_unref);
    }
  return self;
}

/* Helpers ------------------------------------------------------------------------------- */

static sqlite3 *
get_db (SteadySafetyPlanStore *self)
{
  return steady_database_get_handle (self->database);
}

static gboolean
prepare (SteadySafetyPlanStore  *self,
         const char             *sql,
         sqlite3_stmt          **out_stmt,
         GError                **error)
{
  int rc = sqlite3_prepare_v2 (get_db (self), sql, -1, out_stmt, NULL);

  if (rc != SQLITE_OK)
    {
      steady_database_set_error_from_sqlite (error, get_db (self), rc, _("the safety plan"));
      return FALSE;
    }
  return TRUE;
}

/* Steps @stmt to its end and finalizes it. */
static gboolean
run (SteadySafetyPlanStore  *self,
     sqlite3_stmt           *stmt,
     GError                **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      steady_database_set_error_from_sqlite (error, get_db (self), rc, _("the safety plan"));
      return FALSE;
    }
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static GDateTime *
date_time_from_columns (sqlite3_stmt *stmt,
                        int           us_column,
                        int           offset_column)
{
  gint64 us = sqlite3_column_int64 (stmt, us_column);
  int offset = sqlite3_column_int (stmt, offset_column);
  g_autoptr(GDateTime) epoch = g_date_time_new_from_unix_utc (0);
  g_autoptr(GDateTime) utc = g_date_time_add (epoch, us);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (offset);

  return g_date_time_to_timezone (utc, zone);
}

static gint64
date_time_to_us (GDateTime *when)
{
  return g_date_time_to_unix (when) * G_USEC_PER_SEC + g_date_time_get_microsecond (when);
}

static int
date_time_offset (GDateTime *when)
{
  return (int)(g_date_time_get_utc_offset (when) / G_USEC_PER_SEC);
}

/* The columns every query of items reads, in this order. */
#define ITEM_COLUMNS "uuid, section, position, text, phone, created_us, created_offset, " \
                     "updated_us, updated_offset"

static SteadySafetyItem *
item_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) created = date_time_from_columns (stmt, 5, 6);
  g_autoptr(GDateTime) updated = date_time_from_columns (stmt, 7, 8);
  SteadySafetySection section = STEADY_SAFETY_SECTION_WARNING_SIGNS;

  /* The schema's CHECK allows only known keys. */
  if (!steady_safety_section_from_key ((const char *)sqlite3_column_text (stmt, 1), &section))
    g_assert_not_reached ();

  return steady_safety_item_new ((const char *)sqlite3_column_text (stmt, 0),
                                 section,
                                 (guint)sqlite3_column_int (stmt, 2),
                                 (const char *)sqlite3_column_text (stmt, 3),
                                 (const char *)sqlite3_column_text (stmt, 4),
                                 created, updated);
}

static SteadySafetyItem *
find_item (SteadySafetyPlanStore  *self,
           const char             *uuid,
           GError                **error)
{
  sqlite3_stmt *stmt = NULL;
  SteadySafetyItem *item = NULL;
  int rc;

  if (!prepare (self, "SELECT " ITEM_COLUMNS " FROM safety_plan_item WHERE uuid = ?1",
                &stmt, error))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    item = item_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, STEADY_SAFETY_PLAN_ERROR, STEADY_SAFETY_PLAN_ERROR_NOT_FOUND,
                 _("This part of your safety plan is no longer there. It may have been "
                   "deleted in another window."));
  else
    steady_database_set_error_from_sqlite (error, get_db (self), rc, _("the safety plan"));
  sqlite3_finalize (stmt);
  return item;
}

static gboolean
count_items (SteadySafetyPlanStore  *self,
             SteadySafetySection     section,
             guint                  *out_count,
             GError                **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!prepare (self, "SELECT count(*) FROM safety_plan_item WHERE section = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, steady_safety_section_to_key (section), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_count = (guint)sqlite3_column_int (stmt, 0);
  else
    steady_database_set_error_from_sqlite (error, get_db (self), rc, _("the safety plan"));
  sqlite3_finalize (stmt);
  return rc == SQLITE_ROW;
}

/* Adds @delta to the position of the items of @section from @first to @last, inclusive. */
static gboolean
shift_positions (SteadySafetyPlanStore  *self,
                 SteadySafetySection     section,
                 guint                   first,
                 guint                   last,
                 int                     delta,
                 GError                **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!prepare (self, "UPDATE safety_plan_item SET position = position + ?1 "
                      "WHERE section = ?2 AND position BETWEEN ?3 AND ?4", &stmt, error))
    return FALSE;
  sqlite3_bind_int (stmt, 1, delta);
  sqlite3_bind_text (stmt, 2, steady_safety_section_to_key (section), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, first);
  sqlite3_bind_int64 (stmt, 4, last);
  return run (self, stmt, error);
}

static void
emit_changed (SteadySafetyPlanStore *self,
              SteadySafetySection    section)
{
  g_signal_emit (self, signals[CHANGED], 0, (guint)section);
}

/* Tells every view of the plan that it was changed behind this store's back (a restore
 * merged another plan into the file), so they read it again; see ::reloaded. */
void
steady_safety_plan_store_notify_reloaded (SteadySafetyPlanStore *self)
{
  g_return_if_fail (STEADY_IS_SAFETY_PLAN_STORE (self));

  g_signal_emit (self, signals[RELOADED], 0);
}

/* Validation ---------------------------------------------------------------------------- */

/* Returns the text as it is kept (without surrounding white space), or NULL with an error
 * that says in words what is wrong. */
static char *
check_text (const char  *text,
            GError     **error)
{
  g_autofree char *stripped = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, STEADY_SAFETY_PLAN_ERROR, STEADY_SAFETY_PLAN_ERROR_INVALID_TEXT,
                           _("This text has characters Steady cannot read."));
      return NULL;
    }
  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, STEADY_SAFETY_PLAN_ERROR, STEADY_SAFETY_PLAN_ERROR_EMPTY,
                           _("Write a few words first."));
      return NULL;
    }
  if (g_utf8_strlen (stripped, -1) > STEADY_SAFETY_PLAN_MAX_TEXT)
    {
      g_set_error (error, STEADY_SAFETY_PLAN_ERROR, STEADY_SAFETY_PLAN_ERROR_TOO_LONG,
                   /* Translators: %d is the largest number of characters, e.g. 1000. */
                   _("One item can hold up to %d characters. Try splitting it into two."),
                   STEADY_SAFETY_PLAN_MAX_TEXT);
      return NULL;
    }
  return g_steal_pointer (&stripped);
}

/* Returns TRUE with *out_phone set to the number as it is kept, or NULL when there is none. */
static gboolean
check_phone (SteadySafetySection   section,
             const char           *phone,
             char                **out_phone,
             GError              **error)
{
  g_autofree char *stripped = NULL;
  gboolean has_digit = FALSE;

  *out_phone = NULL;
  if (phone == NULL)
    return TRUE;
  stripped = g_strstrip (g_strdup (phone));
  if (stripped[0] == '\0')
    return TRUE;

  if (!steady_safety_section_has_phone (section))
    {
      g_set_error_literal (error, STEADY_SAFETY_PLAN_ERROR, STEADY_SAFETY_PLAN_ERROR_NO_PHONE_HERE,
                           _("Phone numbers belong with people, places and professionals."));
      return FALSE;
    }
  for (const char *c = stripped; *c != '\0'; c++)
    {
      if (strchr (PHONE_CHARACTERS, *c) == NULL)
        {
          g_set_error_literal (error, STEADY_SAFETY_PLAN_ERROR,
                               STEADY_SAFETY_PLAN_ERROR_INVALID_PHONE,
                               _("A phone number can have digits, spaces, “+”, “-”, brackets "
                                 "and “x” for an extension."));
          return FALSE;
        }
      has_digit |= g_ascii_isdigit (*c);
    }
  if (!has_digit || strlen (stripped) > STEADY_SAFETY_PLAN_MAX_PHONE)
    {
      g_set_error (error, STEADY_SAFETY_PLAN_ERROR, STEADY_SAFETY_PLAN_ERROR_INVALID_PHONE,
                   /* Translators: %d is the largest number of characters, e.g. 40. */
                   _("A phone number needs at least one digit and at most %d characters."),
                   STEADY_SAFETY_PLAN_MAX_PHONE);
      return FALSE;
    }
  *out_phone = g_steal_pointer (&stripped);
  return TRUE;
}

/* Reading ------------------------------------------------------------------------------- */

static GPtrArray *
list_items (SteadySafetyPlanStore  *self,
            const char             *section_key,
            GError                **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* The sections' order is the enum's, which is not the keys' alphabetical order. */
  if (!prepare (self,
                "SELECT " ITEM_COLUMNS " FROM safety_plan_item "
                "WHERE ?1 IS NULL OR section = ?1 "
                "ORDER BY CASE section WHEN 'warning-signs' THEN 0 WHEN 'coping' THEN 1 "
                "  WHEN 'distractions' THEN 2 WHEN 'people' THEN 3 WHEN 'professionals' THEN 4 "
                "  WHEN 'environment' THEN 5 ELSE 6 END, position, created_us",
                &stmt, error))
    return NULL;
  bind_text (stmt, 1, section_key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_row (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      steady_database_set_error_from_sqlite (error, get_db (self), rc, _("the safety plan"));
      return NULL;
    }
  return g_steal_pointer (&items);
}

/* The items of @section in order. Transfer full: an array of SteadySafetyItem. */
GPtrArray *
steady_safety_plan_store_list_section (SteadySafetyPlanStore  *self,
                                       SteadySafetySection     section,
                                       GError                **error)
{
  g_return_val_if_fail (STEADY_IS_SAFETY_PLAN_STORE (self), NULL);
  g_return_val_if_fail (section < STEADY_SAFETY_N_SECTIONS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_items (self, steady_safety_section_to_key (section), error);
}

/* Every item of the plan, section by section in the plan's order. Transfer full. */
GPtrArray *
steady_safety_plan_store_list_all (SteadySafetyPlanStore  *self,
                                   GError                **error)
{
  g_return_val_if_fail (STEADY_IS_SAFETY_PLAN_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_items (self, NULL, error);
}

/* Writing ------------------------------------------------------------------------------- */

static gboolean
insert_item (SteadySafetyPlanStore  *self,
             const char             *uuid,
             SteadySafetySection     section,
             guint                   position,
             const char             *text,
             const char             *phone,
             GDateTime              *created,
             GDateTime              *updated,
             GError                **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!prepare (self, "INSERT INTO safety_plan_item (" ITEM_COLUMNS ") "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, steady_safety_section_to_key (section), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, position);
  sqlite3_bind_text (stmt, 4, text, -1, SQLITE_TRANSIENT);
  bind_text (stmt, 5, phone);
  sqlite3_bind_int64 (stmt, 6, date_time_to_us (created));
  sqlite3_bind_int (stmt, 7, date_time_offset (created));
  sqlite3_bind_int64 (stmt, 8, date_time_to_us (updated));
  sqlite3_bind_int (stmt, 9, date_time_offset (updated));
  return run (self, stmt, error);
}

/* Puts a new item at @position of @section (STEADY_SAFETY_PLAN_END, or any position past the
 * last, appends). Returns the item as stored. */
SteadySafetyItem *
steady_safety_plan_store_add (SteadySafetyPlanStore  *self,
                              SteadySafetySection     section,
                              guint                   position,
                              const char             *text,
                              const char             *phone,
                              GError                **error)
{
  g_autofree char *kept_text = NULL;
  g_autofree char *kept_phone = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint count = 0;

  g_return_val_if_fail (STEADY_IS_SAFETY_PLAN_STORE (self), NULL);
  g_return_val_if_fail (section < STEADY_SAFETY_N_SECTIONS, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((kept_text = check_text (text, error)) == NULL ||
      !check_phone (section, phone, &kept_phone, error))
    return NULL;

  if (!steady_database_begin (self->database, error))
    return NULL;
  if (!count_items (self, section, &count, error))
    goto failed;
  if (count >= STEADY_SAFETY_PLAN_MAX_ITEMS)
    {
      g_set_error (error, STEADY_SAFETY_PLAN_ERROR, STEADY_SAFETY_PLAN_ERROR_TOO_MANY,
                   /* Translators: %d is the largest number of items, e.g. 50. */
                   _("A part of the safety plan can hold up to %d items. A short plan is "
                     "easier to use on a hard day."),
                   STEADY_SAFETY_PLAN_MAX_ITEMS);
      goto failed;
    }
  position = MIN (position, count);
  uuid = g_uuid_string_random ();
  now = g_date_time_new_now_local ();
  if (!shift_positions (self, section, position, G_MAXINT, 1, error) ||
      !insert_item (self, uuid, section, position, kept_text, kept_phone, now, now, error) ||
      !steady_database_commit (self->database, error))
    goto failed;

  emit_changed (self, section);
  return steady_safety_item_new (uuid, section, position, kept_text, kept_phone, now, now);

failed:
  steady_database_rollback (self->database);
  return NULL;
}

/* Changes the words and the phone number of an item. Returns the item as stored now. */
SteadySafetyItem *
steady_safety_plan_store_update (SteadySafetyPlanStore  *self,
                                 const char             *uuid,
                                 const char             *text,
                                 const char             *phone,
                                 GError                **error)
{
  g_autoptr(SteadySafetyItem) item = NULL;
  g_autofree char *kept_text = NULL;
  g_autofree char *kept_phone = NULL;
  g_autoptr(GDateTime) now = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (STEADY_IS_SAFETY_PLAN_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((item = find_item (self, uuid, error)) == NULL)
    return NULL;
  if ((kept_text = check_text (text, error)) == NULL ||
      !check_phone (steady_safety_item_get_section (item), phone, &kept_phone, error))
    return NULL;

  /* Never before its creation, even if the clock was set back meanwhile. */
  now = g_date_time_new_now_local ();
  if (g_date_time_compare (now, steady_safety_item_get_created (item)) < 0)
    {
      g_clear_pointer (&now, g_date_time_unref);
      now = g_date_time_ref (steady_safety_item_get_created (item));
    }
  if (!prepare (self, "UPDATE safety_plan_item SET text = ?2, phone = ?3, updated_us = ?4, "
                      "updated_offset = ?5 WHERE uuid = ?1", &stmt, error))
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kept_text, -1, SQLITE_TRANSIENT);
  bind_text (stmt, 3, kept_phone);
  sqlite3_bind_int64 (stmt, 4, date_time_to_us (now));
  sqlite3_bind_int (stmt, 5, date_time_offset (now));
  if (!run (self, stmt, error))
    return NULL;

  emit_changed (self, steady_safety_item_get_section (item));
  return steady_safety_item_new (uuid, steady_safety_item_get_section (item),
                                 steady_safety_item_get_position (item), kept_text, kept_phone,
                                 steady_safety_item_get_created (item), now);
}

/* Deletes an item and closes the gap it leaves. Returns the item as it was, which
 * steady_safety_plan_store_restore() puts back ("Undo"). */
SteadySafetyItem *
steady_safety_plan_store_delete (SteadySafetyPlanStore  *self,
                                 const char             *uuid,
                                 GError                **error)
{
  g_autoptr(SteadySafetyItem) item = NULL;
  SteadySafetySection section;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (STEADY_IS_SAFETY_PLAN_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!steady_database_begin (self->database, error))
    return NULL;
  if ((item = find_item (self, uuid, error)) == NULL)
    goto failed;
  section = steady_safety_item_get_section (item);
  if (!prepare (self, "DELETE FROM safety_plan_item WHERE uuid = ?1", &stmt, error))
    goto failed;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (!run (self, stmt, error) ||
      !shift_positions (self, section, steady_safety_item_get_position (item) + 1, G_MAXINT, -1,
                        error) ||
      !steady_database_commit (self->database, error))
    goto failed;

  emit_changed (self, section);
  return g_steal_pointer (&item);

failed:
  steady_database_rollback (self->database);
  return NULL;
}

/* Puts a deleted item back where it was, with its UUID and times. */
gboolean
steady_safety_plan_store_restore (SteadySafetyPlanStore  *self,
                                  SteadySafetyItem       *item,
                                  GError                **error)
{
  SteadySafetySection section;
  guint count = 0;
  guint position;

  g_return_val_if_fail (STEADY_IS_SAFETY_PLAN_STORE (self), FALSE);
  g_return_val_if_fail (STEADY_IS_SAFETY_ITEM (item), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  section = steady_safety_item_get_section (item);
  if (!steady_database_begin (self->database, error))
    return FALSE;
  if (!count_items (self, section, &count, error))
    goto failed;
  position = MIN (steady_safety_item_get_position (item), count);
  if (!shift_positions (self, section, position, G_MAXINT, 1, error) ||
      !insert_item (self, steady_safety_item_get_uuid (item), section, position,
                    steady_safety_item_get_text (item), steady_safety_item_get_phone (item),
                    steady_safety_item_get_created (item), steady_safety_item_get_updated (item),
                    error) ||
      !steady_database_commit (self->database, error))
    goto failed;

  emit_changed (self, section);
  return TRUE;

failed:
  steady_database_rollback (self->database);
  return FALSE;
}

/* Moves an item to @position in its section (past the end means last); the others close
 * up behind it. */
gboolean
steady_safety_plan_store_move (SteadySafetyPlanStore  *self,
                               const char             *uuid,
                               guint                   position,
                               GError                **error)
{
  g_autoptr(SteadySafetyItem) item = NULL;
  SteadySafetySection section;
  sqlite3_stmt *stmt = NULL;
  guint count = 0;
  guint from;

  g_return_val_if_fail (STEADY_IS_SAFETY_PLAN_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!steady_database_begin (self->database, error))
    return FALSE;
  if ((item = find_item (self, uuid, error)) == NULL)
    goto failed;
  section = steady_safety_item_get_section (item);
  from = steady_safety_item_get_position (item);
  if (!count_items (self, section, &count, error))
    goto failed;
  position = MIN (position, count - 1);
  if (position == from)
    {
      steady_database_rollback (self->database);
      return TRUE;
    }

  if ((position < from && !shift_positions (self, section, position, from - 1, 1, error)) ||
      (position > from && !shift_positions (self, section, from + 1, position, -1, error)))
    goto failed;
  if (!prepare (self, "UPDATE safety_plan_item SET position = ?2 WHERE uuid = ?1", &stmt, error))
    goto failed;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, position);
  if (!run (self, stmt, error) || !steady_database_commit (self->database, error))
    goto failed;

  emit_changed (self, section);
  return TRUE;

failed:
  steady_database_rollback (self->database);
  return FALSE;
}

/* Reviews ------------------------------------------------------------------------------- */

/* Notes that the user went through the plan with their therapist at @when. */
gboolean
steady_safety_plan_store_mark_reviewed (SteadySafetyPlanStore  *self,
                                        GDateTime              *when,
                                        GError                **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (STEADY_IS_SAFETY_PLAN_STORE (self), FALSE);
  g_return_val_if_fail (when != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!prepare (self, "INSERT INTO safety_plan_review (uuid, reviewed_us, reviewed_offset) "
                      "VALUES (?1, ?2, ?3)", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, date_time_to_us (when));
  sqlite3_bind_int (stmt, 3, date_time_offset (when));
  if (!run (self, stmt, error))
    return FALSE;

  /* Reviews belong to no section; the first one stands for the whole plan. */
  emit_changed (self, STEADY_SAFETY_SECTION_WARNING_SIGNS);
  return TRUE;
}

/* Reads one optional instant: *out_when is NULL when the query finds no row (or NULL). */
static gboolean
query_instant (SteadySafetyPlanStore  *self,
               const char             *sql,
               GDateTime             **out_when,
               GError                **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *out_when = NULL;
  if (!prepare (self, sql, &stmt, error))
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    *out_when = date_time_from_columns (stmt, 0, 1);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      steady_database_set_error_from_sqlite (error, get_db (self), rc, _("the safety plan"));
      return FALSE;
    }
  return TRUE;
}

/* The last time the plan was reviewed, in the offset the user was in then; *out_when is NULL
 * when it never was. */
gboolean
steady_safety_plan_store_get_last_reviewed (SteadySafetyPlanStore  *self,
                                            GDateTime             **out_when,
                                            GError                **error)
{
  g_return_val_if_fail (STEADY_IS_SAFETY_PLAN_STORE (self), FALSE);
  g_return_val_if_fail (out_when != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return query_instant (self, "SELECT reviewed_us, reviewed_offset FROM safety_plan_review "
                              "ORDER BY reviewed_us DESC LIMIT 1", out_when, error);
}

/* When the plan was begun: the creation of its oldest item; *out_when is NULL for an empty
 * plan. */
gboolean
steady_safety_plan_store_get_started (SteadySafetyPlanStore  *self,
                                      GDateTime             **out_when,
                                      GError                **error)
{
  g_return_val_if_fail (STEADY_IS_SAFETY_PLAN_STORE (self), FALSE);
  g_return_val_if_fail (out_when != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return query_instant (self, "SELECT created_us, created_offset FROM safety_plan_item "
                              "ORDER BY created_us LIMIT 1", out_when, error);
}
