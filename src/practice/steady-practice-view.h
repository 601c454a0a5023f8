/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-practice-view.h: the window the breathing and mindfulness practices are built on: the
 * timer and its clock, keeping the session awake, bells and chimes, full screen, errors. */

#pragma once

#include <adwaita.h>

#include "steady-pacer.h"
#include "steady-practice-store.h"
#include "steady-practice-timer.h"

G_BEGIN_DECLS

typedef enum
{
  STEADY_PRACTICE_SOUND_BELL,
  STEADY_PRACTICE_SOUND_CHIME,
} SteadyPracticeSoundKind;

#define STEADY_TYPE_PRACTICE_VIEW (steady_practice_view_get_type ())
G_DECLARE_DERIVABLE_TYPE (SteadyPracticeView, steady_practice_view, STEADY, PRACTICE_VIEW,
                          AdwWindow)

struct _SteadyPracticeViewClass
{
  AdwWindowClass parent_class;

  /* Marked with N_(): what the session manager is told keeps the session awake. */
  const char    *inhibit_reason;

  gpointer       padding[4];
};

/* For the windows built on it */
gpointer             steady_practice_view_new_of_type       (GType                    type,
                                                             GtkWindow               *parent,
                                                             SteadyPracticeStore     *store);
void                 steady_practice_view_set_parts         (SteadyPracticeView      *self,
                                                             GtkStack                *stack,
                                                             SteadyPacer             *pacer,
                                                             GtkButton               *pause_button,
                                                             GtkButton               *stop_button);
SteadyPracticeStore *steady_practice_view_get_store         (SteadyPracticeView      *self);
void                 steady_practice_view_run               (SteadyPracticeView      *self,
                                                             SteadyPracticeTimer     *timer);
void                 steady_practice_view_emit_saved        (SteadyPracticeView      *self);
void                 steady_practice_view_show_error        (SteadyPracticeView      *self,
                                                             const char              *heading,
                                                             const char              *message);
void                 steady_practice_view_notify_finished   (SteadyPracticeView      *self,
                                                             const char              *title,
                                                             const char              *body);
GSettings           *steady_practice_view_get_settings      (SteadyPracticeView      *self);

/* Sound */
void                 steady_practice_view_play              (SteadyPracticeView      *self,
                                                             SteadyPracticeSoundKind  kind,
                                                             guint                    strikes,
                                                             double                   volume);
void                 steady_practice_view_stop_sound        (SteadyPracticeView      *self);
gboolean             steady_practice_view_get_sound_available (SteadyPracticeView    *self);

/* For everyone, tests too */
void                 steady_practice_view_set_clock         (SteadyPracticeView      *self,
                                                             SteadyClockFunc          clock,
                                                             gpointer                 user_data);
SteadyPracticeTimer *steady_practice_view_get_timer         (SteadyPracticeView      *self);
GtkWidget           *steady_practice_view_get_pacer         (SteadyPracticeView      *self);
const char          *steady_practice_view_get_page          (SteadyPracticeView      *self);

/* Words and buttons the practice windows and their history share */
char                *steady_practice_view_format_clock      (gint64                   us);
char                *steady_practice_view_format_minutes    (gint64                   us);
void                 steady_practice_view_set_button_label  (GtkButton               *button,
                                                             const char              *label);
void                 steady_practice_view_name_buttons      (GtkButton               *first,
                                                             ...) G_GNUC_NULL_TERMINATED;
void                 steady_practice_view_name_expander_switch (AdwExpanderRow       *row);

G_END_DECLS
