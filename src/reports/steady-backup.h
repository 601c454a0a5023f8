/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-backup.h: the complete JSON backup of a database, its preview and its restore
 * (merge by UUID). GTK-free. */

#pragma once

#include <gio/gio.h>

#include "steady-database.h"
#include "steady-report-common.h"

G_BEGIN_DECLS

#define STEADY_BACKUP_ERROR (steady_backup_error_quark ())

/* Why a backup file was refused, so the window can say it in words. */
typedef enum
{
  STEADY_BACKUP_ERROR_NOT_A_BACKUP, /* garbage, empty, or not Steady's backup format */
  STEADY_BACKUP_ERROR_DAMAGED,      /* truncated or changed since it was written (checksum) */
  STEADY_BACKUP_ERROR_TOO_NEW,      /* written by a newer format or schema than this build */
  STEADY_BACKUP_ERROR_INVALID,      /* well-formed, but a record breaks the format's rules */
  STEADY_BACKUP_ERROR_TOO_LARGE,    /* over the size limit for a backup file */
  STEADY_BACKUP_ERROR_FAILED,
} SteadyBackupError;

/* The kinds of record a backup holds, in the order they are written. */
typedef enum
{
  STEADY_BACKUP_KIND_MOOD_ENTRY,
  STEADY_BACKUP_KIND_VOCABULARY,   /* emotions and tags */
  STEADY_BACKUP_KIND_DRAFT,
  STEADY_BACKUP_KIND_PRACTICE,     /* practice log and breathing patterns */
  STEADY_BACKUP_KIND_SESSION,      /* session series, exceptions, attendance, notes */
  STEADY_BACKUP_KIND_SAFETY_PLAN,
  STEADY_BACKUP_KIND_SKILL_RECORD, /* thought records and worksheets */
  STEADY_BACKUP_KIND_DIARY_CARD,   /* diary cards, targets, skill uses */
  STEADY_BACKUP_N_KINDS
} SteadyBackupKind;

typedef enum
{
  STEADY_RESTORE_NEW,
  STEADY_RESTORE_UPDATED,
  STEADY_RESTORE_UNCHANGED,
} SteadyRestoreOutcome;

typedef struct
{
  guint n_new;       /* UUID not in the database: inserted */
  guint n_updated;   /* same UUID, the backup's copy is newer: replaced */
  guint n_unchanged; /* same UUID, the database's copy is as new or newer: kept */
} SteadyRestoreCounts;

/* What a restore did, or (from the preview) what it would do. Restore never removes. */
typedef struct
{
  SteadyRestoreCounts kinds[STEADY_BACKUP_N_KINDS];
  gint64              created_us;     /* when the backup was made, UTC µs; 0 if unknown */
  int                 schema_version; /* the schema the backup was written from */
  char               *safety_backup_path; /* restore only: the copy taken first */
} SteadyRestoreSummary;

GQuark      steady_backup_error_quark       (void);

gboolean    steady_backup_export            (SteadyDatabase           *database,
                                             const char               *path,
                                             GCancellable             *cancellable,
                                             SteadyReportProgressFunc  progress,
                                             gpointer                  user_data,
                                             GError                  **error);

/* path is a JSON backup or a Steady database file (an automatic backup). Nothing is
 * written; summary_out gets the counts a restore would give now. */
gboolean    steady_backup_preview           (SteadyDatabase           *database,
                                             const char               *path,
                                             SteadyRestoreSummary     *summary_out,
                                             GCancellable             *cancellable,
                                             GError                  **error);

gboolean    steady_backup_restore           (SteadyDatabase           *database,
                                             const char               *path,
                                             SteadyRestoreSummary     *summary_out,
                                             GCancellable             *cancellable,
                                             SteadyReportProgressFunc  progress,
                                             gpointer                  user_data,
                                             GError                  **error);

void        steady_restore_summary_clear    (SteadyRestoreSummary     *summary);
/* One of the three counts, summed over the kinds. */
guint       steady_restore_summary_total    (const SteadyRestoreSummary *summary,
                                             SteadyRestoreOutcome      outcome);
const char *steady_backup_kind_get_label    (SteadyBackupKind          kind);
/* "12 new records, 3 updated, nothing removed": a translated sentence for the preview. */
char       *steady_restore_summary_describe (const SteadyRestoreSummary *summary);

G_END_DECLS
