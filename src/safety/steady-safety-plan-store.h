/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-safety-plan-store.h: the user's safety plan in the database: add, edit, delete (with
 * what undo needs), reorder, and the dates it was reviewed with their therapist. */

#pragma once

#include <gio/gio.h>

#include "steady-database.h"
#include "steady-safety-item.h"
#include "steady-safety-section.h"

G_BEGIN_DECLS

#define STEADY_SAFETY_PLAN_ERROR (steady_safety_plan_error_quark ())

typedef enum
{
  STEADY_SAFETY_PLAN_ERROR_EMPTY,          /* an item with no words */
  STEADY_SAFETY_PLAN_ERROR_TOO_LONG,       /* more than STEADY_SAFETY_PLAN_MAX_TEXT characters */
  STEADY_SAFETY_PLAN_ERROR_INVALID_TEXT,   /* not UTF-8 */
  STEADY_SAFETY_PLAN_ERROR_INVALID_PHONE,  /* not a phone number */
  STEADY_SAFETY_PLAN_ERROR_NO_PHONE_HERE,  /* a phone number in a section without phones */
  STEADY_SAFETY_PLAN_ERROR_TOO_MANY,       /* the section is full */
  STEADY_SAFETY_PLAN_ERROR_NOT_FOUND,      /* no item with that UUID (deleted meanwhile) */
} SteadySafetyPlanError;

/* Generous for a plan that should fit on one page, small enough that a stuck key cannot
 * fill the disk. */
#define STEADY_SAFETY_PLAN_MAX_TEXT   1000
#define STEADY_SAFETY_PLAN_MAX_PHONE  40
#define STEADY_SAFETY_PLAN_MAX_ITEMS  50

/* Appends at the end of the section. */
#define STEADY_SAFETY_PLAN_END        G_MAXUINT

#define STEADY_TYPE_SAFETY_PLAN_STORE (steady_safety_plan_store_get_type ())
G_DECLARE_FINAL_TYPE (SteadySafetyPlanStore, steady_safety_plan_store,
                      STEADY, SAFETY_PLAN_STORE, GObject)

GQuark                 steady_safety_plan_error_quark (void);

SteadySafetyPlanStore *steady_safety_plan_store_new   (SteadyDatabase         *database);
SteadySafetyPlanStore *steady_safety_plan_store_get_for_database (SteadyDatabase  *database);
void                   steady_safety_plan_store_notify_reloaded  (SteadySafetyPlanStore *self);

GPtrArray        *steady_safety_plan_store_list_section (SteadySafetyPlanStore  *self,
                                                         SteadySafetySection     section,
                                                         GError                **error);
GPtrArray        *steady_safety_plan_store_list_all     (SteadySafetyPlanStore  *self,
                                                         GError                **error);
SteadySafetyItem *steady_safety_plan_store_add          (SteadySafetyPlanStore  *self,
                                                         SteadySafetySection     section,
                                                         guint                   position,
                                                         const char             *text,
                                                         const char             *phone,
                                                         GError                **error);
SteadySafetyItem *steady_safety_plan_store_update       (SteadySafetyPlanStore  *self,
                                                         const char             *uuid,
                                                         const char             *text,
                                                         const char             *phone,
                                                         GError                **error);
SteadySafetyItem *steady_safety_plan_store_delete       (SteadySafetyPlanStore  *self,
                                                         const char             *uuid,
                                                         GError                **error);
gboolean          steady_safety_plan_store_restore      (SteadySafetyPlanStore  *self,
                                                         SteadySafetyItem       *item,
                                                         GError                **error);
gboolean          steady_safety_plan_store_move         (SteadySafetyPlanStore  *self,
                                                         const char             *uuid,
                                                         guint                   position,
                                                         GError                **error);

gboolean          steady_safety_plan_store_mark_reviewed (SteadySafetyPlanStore *self,
                                                          GDateTime             *when,
                                                          GError               **error);
gboolean          steady_safety_plan_store_get_last_reviewed (SteadySafetyPlanStore *self,
                                                              GDateTime            **out_when,
                                                              GError               **error);
gboolean          steady_safety_plan_store_get_started  (SteadySafetyPlanStore  *self,
                                                         GDateTime             **out_when,
                                                         GError                **error);

G_END_DECLS
