/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-backup-dialog.h: "Back Up Everything…": where to save, then progress and Cancel. */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Asks where to save, writes the backup of @database_path there, and calls @done with a
 * sentence for a toast (or an error) when it finishes. */
typedef void (*SteadyBackupDoneFunc) (GtkWindow    *parent,
                                      const char   *message,
                                      const GError *error);

void steady_backup_dialog_run (GtkWindow            *parent,
                               const char           *database_path,
                               SteadyBackupDoneFunc  done);

G_END_DECLS
