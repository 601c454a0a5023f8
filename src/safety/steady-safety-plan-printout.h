/* SPDX-License-Identifier: GPL-3.0-or-later */
/* steady-safety-plan-printout.h: the safety plan drawn on one page with cairo and pango, as
 * a full page or as wallet-sized panels to cut out and fold. The same drawing makes the PDF
 * and the printed page. */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "steady-crisis-lines.h"

G_BEGIN_DECLS

typedef enum
{
  STEADY_SAFETY_PAPER_A4,
  STEADY_SAFETY_PAPER_LETTER,
} SteadySafetyPaper;

typedef enum
{
  STEADY_SAFETY_LAYOUT_PAGE,    /* the whole plan on one page */
  STEADY_SAFETY_LAYOUT_WALLET,  /* eight credit-card panels, to cut out and fold */
} SteadySafetyLayout;

SteadySafetyPaper steady_safety_paper_from_locale      (const char             *locale);
SteadySafetyPaper steady_safety_paper_from_environment (void);
void              steady_safety_paper_get_size         (SteadySafetyPaper       paper,
                                                        double                 *width_pt,
                                                        double                 *height_pt);

void              steady_safety_plan_draw              (cairo_t                *cr,
                                                        double                  width,
                                                        double                  height,
                                                        GPtrArray              *items,
                                                        const SteadyCrisisLine *line,
                                                        SteadySafetyLayout      layout);
gboolean          steady_safety_plan_write_pdf         (const char             *path,
                                                        GPtrArray              *items,
                                                        const SteadyCrisisLine *line,
                                                        SteadySafetyPaper       paper,
                                                        SteadySafetyLayout      layout,
                                                        GError                **error);

G_END_DECLS
