/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-objectives-view.h: the Objectives view: the information security objectives (clause 6.2)
 * on a register page, with their latest measurement in the list, filters by status and overdue,
 * and an editor with the measurements over time and the linked risks, controls and parties. */

#pragma once

#include <adwaita.h>

#include "annex-child-list-section.h"
#include "annex-objective.h"
#include "annex-register-page.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_OBJECTIVES_VIEW (annex_objectives_view_get_type ())
G_DECLARE_FINAL_TYPE (AnnexObjectivesView, annex_objectives_view, ANNEX, OBJECTIVES_VIEW,
                      GtkWidget)

/* Signal "add-toast" (AdwToast *toast): as AnnexRegisterPage's.
 * Facets: the status (a field filter) and "overdue" ("Overdue": due date passed, neither
 * achieved nor missed); the warning column marks overdue objectives. */

GtkWidget         *annex_objectives_view_new              (void);

/* @objectives, @measurements: the registers of AnnexObjective and AnnexObjectiveMeasurement;
 * @risks, @controls, @parties: the registers the objectives link to. Any may be NULL. */
void               annex_objectives_view_set_registers    (AnnexObjectivesView *self,
                                                           AnnexRegister       *objectives,
                                                           AnnexRegister       *measurements,
                                                           AnnexRegister       *risks,
                                                           AnnexRegister       *controls,
                                                           AnnexRegister       *parties);

AnnexRegisterPage *annex_objectives_view_get_page         (AnnexObjectivesView *self);
AnnexChildListSection *annex_objectives_view_get_measurements_section (AnnexObjectivesView *self);

/* Sets every objective's latest measurement now (it otherwise follows the measurements at the
 * next idle). */
void               annex_objectives_view_update           (AnnexObjectivesView *self);

/* "97.5 % on 5 Mar 2026": the latest measurement as the list shows it; "" when none. */
char              *annex_objective_format_latest          (AnnexObjective      *objective);

G_END_DECLS
