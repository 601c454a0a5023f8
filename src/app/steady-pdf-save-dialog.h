/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-pdf-save-dialog.h: the file chooser in which a PDF (a report, the safety plan) is
 * saved. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkFileChooserNative *steady_pdf_save_dialog_new (GtkWindow  *parent,
                                                  const char *title,
                                                  const char *suggested_name);

G_END_DECLS
