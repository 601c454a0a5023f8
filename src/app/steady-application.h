/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-application.h: the application object; owns the database and the settings. */

#pragma once

#include <adwaita.h>

#include "steady-database.h"
#include "steady-journal-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_APPLICATION (steady_application_get_type ())
G_DECLARE_FINAL_TYPE (SteadyApplication, steady_application, STEADY, APPLICATION, AdwApplication)

SteadyApplication *steady_application_new          (void);
SteadyDatabase    *steady_application_get_database (SteadyApplication *self);
GSettings         *steady_application_get_settings (SteadyApplication *self);
SteadyJournalStore *steady_application_get_journal_store (SteadyApplication *self);

G_END_DECLS
