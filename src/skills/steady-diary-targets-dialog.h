/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-diary-targets-dialog.h: the rows of the diary card, the person's own emotions and
 * urges: add, rename, and take off the card (archive, with undo). */

#pragma once

#include <adwaita.h>

#include "steady-diary-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_DIARY_TARGETS_DIALOG (steady_diary_targets_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SteadyDiaryTargetsDialog, steady_diary_targets_dialog,
                      STEADY, DIARY_TARGETS_DIALOG, AdwWindow)

GtkWidget *steady_diary_targets_dialog_new        (GtkWindow                *parent,
                                                   SteadyDiaryStore         *store);
gboolean   steady_diary_targets_dialog_add        (SteadyDiaryTargetsDialog *self,
                                                   SteadyDiaryTargetKind     kind,
                                                   const char               *name);
gboolean   steady_diary_targets_dialog_rename     (SteadyDiaryTargetsDialog *self,
                                                   const char               *uuid,
                                                   const char               *name);
gboolean   steady_diary_targets_dialog_archive    (SteadyDiaryTargetsDialog *self,
                                                   const char               *uuid);

G_END_DECLS
