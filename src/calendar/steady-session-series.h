/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-session-series.h: one session series as the user entered it — a single session, or a
 * recurring one (local start, time zone, RRULE, exceptions) with its reminder offsets. */

#pragma once

#include <glib-object.h>

#include "steady-session-kind.h"

G_BEGIN_DECLS

#define STEADY_TYPE_SESSION_SERIES (steady_session_series_get_type ())

/* Reminders before each session, in minutes, unless the user chooses others. */
#define STEADY_REMINDER_DEFAULT_DAY_BEFORE  (24 * 60)
#define STEADY_REMINDER_DEFAULT_HOUR_BEFORE 60
/* The longest offset a reminder may have: one week. */
#define STEADY_REMINDER_MAX_OFFSET_MINUTES  (7 * 24 * 60)

typedef struct
{
  char              *uuid;             /* never NULL */
  char              *ics_uid;          /* UID it was imported with, or NULL */
  char              *title;
  SteadySessionKind  kind;
  char              *place;            /* "" when unknown, never NULL; same for the next three */
  char              *video_link;
  char              *clinician;
  char              *notes;
  char              *start_local;      /* "YYYYMMDDTHHMMSS", wall time in tzid */
  int                duration_minutes;
  char              *tzid;             /* IANA name, or "" for floating (the user's zone) */
  char              *rrule;            /* RFC 5545 RRULE value, or "" for a single session */
  GPtrArray         *exdates;          /* (element-type utf8): removed occurrences' starts */
  GArray            *reminder_offsets; /* (element-type int): minutes before, largest first */
  gint64             times_changed_us; /* last change of start, duration, zone, rule, exdates */
  gint64             created_us;
  gint64             updated_us;

  /*< private >*/
  gatomicrefcount    ref_count;
} SteadySessionSeries;

GType steady_session_series_get_type (void) G_GNUC_CONST;

SteadySessionSeries *steady_session_series_new (void);
SteadySessionSeries *steady_session_series_copy (const SteadySessionSeries *self);
SteadySessionSeries *steady_session_series_ref (SteadySessionSeries *self);
void steady_session_series_unref (SteadySessionSeries *self);

void steady_session_series_set_title (SteadySessionSeries *self,
                                      const char          *title);
void steady_session_series_set_place (SteadySessionSeries *self,
                                      const char          *place);
void steady_session_series_set_video_link (SteadySessionSeries *self,
                                           const char          *link);
void steady_session_series_set_clinician (SteadySessionSeries *self,
                                          const char          *clinician);
void steady_session_series_set_notes (SteadySessionSeries *self,
                                      const char          *notes);
void steady_session_series_set_start (SteadySessionSeries *self,
                                      const char          *start_local,
                                      const char          *tzid);
void steady_session_series_set_rrule (SteadySessionSeries *self,
                                      const char          *rrule);
void steady_session_series_add_exdate (SteadySessionSeries *self,
                                       const char          *start_local);
gboolean steady_session_series_has_exdate (const SteadySessionSeries *self,
                                           const char                *start_local);
void steady_session_series_set_reminder_offsets (SteadySessionSeries *self,
                                                 const int           *minutes,
                                                 guint                n_minutes);
gboolean steady_session_series_is_recurring (const SteadySessionSeries *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadySessionSeries, steady_session_series_unref)

G_END_DECLS
