/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-import-dialog.h: "Import from Daylio…": choose the export, see what will be imported,
 * place moods of one's own on the scale, import, and see what was imported. */

#pragma once

#include <adwaita.h>

#include "steady-journal-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_IMPORT_DIALOG (steady_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SteadyImportDialog, steady_import_dialog, STEADY, IMPORT_DIALOG, AdwWindow)

SteadyImportDialog *steady_import_dialog_new         (GtkWindow          *parent,
                                                      SteadyJournalStore *store);
void                steady_import_dialog_choose_file (SteadyImportDialog *self);
void                steady_import_dialog_load_file   (SteadyImportDialog *self,
                                                      GFile              *file);

G_END_DECLS
