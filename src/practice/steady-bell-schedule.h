/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-bell-schedule.h: the bells of a mindfulness sit, as a pure function of its
 * settings: a start bell, interval bells counted from the start of the sit, an end bell. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  STEADY_BELL_START,
  STEADY_BELL_INTERVAL,
  STEADY_BELL_END,
} SteadyBellKind;

#define STEADY_TYPE_BELL_KIND (steady_bell_kind_get_type ())
GType steady_bell_kind_get_type (void);

#define STEADY_BELL_MAX_PREPARATION_US (G_GINT64_CONSTANT (10) * 60 * G_USEC_PER_SEC)
#define STEADY_BELL_MAX_DURATION_US    (G_GINT64_CONSTANT (24) * 60 * 60 * G_USEC_PER_SEC)
#define STEADY_BELL_MIN_INTERVAL_US    (G_GINT64_CONSTANT (10) * G_USEC_PER_SEC)
#define STEADY_BELL_MAX_STRIKES        9

typedef struct
{
  /* The countdown before the sit begins; 0 for none. It can be skipped. */
  gint64 preparation_us;
  /* How long the sit lasts; 0 for an open-ended sit that counts up until stopped. */
  gint64 duration_us;
  /* Time between interval bells, from the start of the sit; 0 for no interval bells. */
  gint64 interval_us;
  /* How many times each bell is struck; 0 leaves that bell silent. */
  guint  start_strikes;
  guint  interval_strikes;
  guint  end_strikes;
} SteadyBellSchedule;

typedef struct
{
  gint64         time_us;  /* from the start of the sit, preparation not counted */
  SteadyBellKind kind;
  guint          strikes;
} SteadyBellEvent;

gboolean steady_bell_schedule_validate     (const SteadyBellSchedule  *schedule,
                                            GError                   **error);
gboolean steady_bell_schedule_is_open_ended (const SteadyBellSchedule *schedule);
GArray  *steady_bell_schedule_list_events  (const SteadyBellSchedule  *schedule,
                                            gint64                     until_us);
gboolean steady_bell_schedule_next_event   (const SteadyBellSchedule  *schedule,
                                            gint64                     after_us,
                                            SteadyBellEvent           *event);
gboolean steady_bell_schedule_latest_event (const SteadyBellSchedule  *schedule,
                                            gint64                     after_us,
                                            gint64                     until_us,
                                            SteadyBellEvent           *event);

G_END_DECLS
