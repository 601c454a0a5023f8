/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-share-dialog.h: "Share with My Therapist": choose a range and what goes in, see
 * every page before anything is written, then save as PDF or print. */

#pragma once

#include <adwaita.h>

#include "steady-database.h"
#include "steady-report-pdf.h"
#include "steady-report-range.h"

G_BEGIN_DECLS

/* The order of the range choices in the dialog. */
typedef enum
{
  STEADY_SHARE_RANGE_SINCE_LAST_SESSION,
  STEADY_SHARE_RANGE_LAST_WEEK,
  STEADY_SHARE_RANGE_LAST_MONTH,
  STEADY_SHARE_RANGE_CUSTOM,
} SteadyShareRange;

#define STEADY_TYPE_SHARE_DIALOG (steady_share_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SteadyShareDialog, steady_share_dialog, STEADY, SHARE_DIALOG, AdwWindow)

GtkWidget *steady_share_dialog_new            (GtkWindow          *parent,
                                               SteadyDatabase     *database,
                                               GSettings          *settings);
void       steady_share_dialog_set_now        (SteadyShareDialog  *self,
                                               gint64              now_us);
void       steady_share_dialog_set_range_kind (SteadyShareDialog  *self,
                                               SteadyShareRange    kind);
void       steady_share_dialog_set_custom     (SteadyShareDialog  *self,
                                               const GDate        *first,
                                               const GDate        *last);
void       steady_share_dialog_set_notes      (SteadyShareDialog  *self,
                                               SteadyReportNotes   notes);
gboolean   steady_share_dialog_get_range      (SteadyShareDialog  *self,
                                               SteadyReportRange  *out);
gboolean   steady_share_dialog_get_busy       (SteadyShareDialog  *self);
guint      steady_share_dialog_get_n_private  (SteadyShareDialog  *self);
guint      steady_share_dialog_get_n_pages    (SteadyShareDialog  *self);
gboolean   steady_share_dialog_save_to_path   (SteadyShareDialog  *self,
                                               const char         *path);
gboolean   steady_share_dialog_print_to_file  (SteadyShareDialog  *self,
                                               const char         *path,
                                               GError            **error);

G_END_DECLS
