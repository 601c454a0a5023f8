/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-pdf-save-dialog.c: the file chooser in which a PDF (a report, the safety plan) is
 * saved: modal to @parent, a suggested name, PDF files shown. */

#define G_LOG_DOMAIN "steady-pdf-save-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-pdf-save-dialog.h"

/* Returns: (transfer full): the chooser, not shown yet; the caller connects "response". */
GtkFileChooserNative *
steady_pdf_save_dialog_new (GtkWindow  *parent,
                            const char *title,
                            const char *suggested_name)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (suggested_name != NULL, NULL);

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  return chooser;
}
