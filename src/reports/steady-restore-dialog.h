/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-restore-dialog.h: "Restore": a backup file or an automatic backup, previewed in
 * words, then merged into the database. */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STEADY_TYPE_RESTORE_DIALOG (steady_restore_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SteadyRestoreDialog, steady_restore_dialog, STEADY, RESTORE_DIALOG,
                      AdwWindow)

GtkWidget *steady_restore_dialog_new          (GtkWindow           *parent,
                                               const char          *database_path);
void       steady_restore_dialog_preview_file (SteadyRestoreDialog *self,
                                               const char          *backup_path);

G_END_DECLS
