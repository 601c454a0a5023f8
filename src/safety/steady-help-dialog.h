/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-help-dialog.h: "Get help now": the emergency number and crisis line for the user's
 * region, from the offline table, then the user's safety plan and IOP team. */

#pragma once

#include <adwaita.h>

#include "steady-crisis-lines.h"
#include "steady-safety-plan-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_HELP_DIALOG (steady_help_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SteadyHelpDialog, steady_help_dialog, STEADY, HELP_DIALOG, AdwWindow)

GtkWidget              *steady_help_dialog_new         (GtkWindow             *parent,
                                                        GSettings             *settings,
                                                        SteadySafetyPlanStore *store);
const SteadyCrisisLine *steady_help_dialog_lookup_line (GSettings *settings);

G_END_DECLS
