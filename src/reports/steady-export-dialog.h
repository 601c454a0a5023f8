/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-export-dialog.h: "Export Data…": choose the dates and the kinds of record, then a
 * folder; the CSV files are written with progress, and can be stopped. */

#pragma once

#include <adwaita.h>

#include "steady-database.h"

G_BEGIN_DECLS

#define STEADY_TYPE_EXPORT_DIALOG (steady_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SteadyExportDialog, steady_export_dialog, STEADY, EXPORT_DIALOG, AdwWindow)

/* The choices of the "Covers" row, in its order. */
typedef enum
{
  STEADY_EXPORT_RANGE_SINCE_LAST_SESSION,
  STEADY_EXPORT_RANGE_LAST_WEEK,
  STEADY_EXPORT_RANGE_LAST_MONTH,
  STEADY_EXPORT_RANGE_EVERYTHING,
  STEADY_EXPORT_RANGE_CUSTOM,
} SteadyExportRangeChoice;

SteadyExportDialog *steady_export_dialog_new       (GtkWindow          *parent,
                                                    SteadyDatabase     *database);
void                steady_export_dialog_export_to (SteadyExportDialog *self,
                                                    const char         *folder);

G_END_DECLS
