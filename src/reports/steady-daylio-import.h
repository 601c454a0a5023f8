/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-daylio-import.h: moving from Daylio — its CSV export read, checked whole, previewed
 * against the journal, and added in one transaction without duplicates. */

#pragma once

#include <gio/gio.h>

#include "steady-journal-store.h"
#include "steady-report-common.h"

G_BEGIN_DECLS

/* What an import will do (a preview) or did. */
typedef struct
{
  guint n_rows;          /* entries in the file */
  guint n_added;         /* new to the journal: to be added, or added */
  guint n_already;       /* in the journal already, from an earlier import */
  guint n_unknown_mood;  /* with a mood name of the person's own that was not matched */
  guint n_new_tags;      /* activities that become new tags */
} SteadyDaylioSummary;

typedef struct _SteadyDaylioImport SteadyDaylioImport;

gboolean            steady_daylio_looks_like             (const char          *data,
                                                          gsize                length);
SteadyDaylioImport *steady_daylio_import_new             (const char          *data,
                                                          gsize                length,
                                                          GTimeZone           *zone,
                                                          GError             **error);
SteadyDaylioImport *steady_daylio_import_new_from_file   (GFile               *file,
                                                          GTimeZone           *zone,
                                                          GCancellable        *cancellable,
                                                          GError             **error);
const char * const *steady_daylio_import_get_unknown_moods (SteadyDaylioImport *self);
void                steady_daylio_import_set_mood        (SteadyDaylioImport  *self,
                                                          const char          *name,
                                                          int                  mood);
gboolean            steady_daylio_import_preview         (SteadyDaylioImport  *self,
                                                          SteadyJournalStore  *store,
                                                          SteadyDaylioSummary *out,
                                                          GError             **error);
gboolean            steady_daylio_import_apply           (SteadyDaylioImport  *self,
                                                          SteadyJournalStore  *store,
                                                          GCancellable        *cancellable,
                                                          SteadyDaylioSummary *out,
                                                          GError             **error);
void                steady_daylio_import_free            (SteadyDaylioImport  *self);

char               *steady_daylio_describe               (const SteadyDaylioSummary *summary,
                                                          gboolean                   done);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyDaylioImport, steady_daylio_import_free)

G_END_DECLS
