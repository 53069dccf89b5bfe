/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-risks-view.h: the Risks view: the risk register with its heat map, the assets, and the
 * risk treatment plan, each a page of an AnnexPagedView; the risk method dialog opens from it. */

#pragma once

#include <adwaita.h>

#include "annex-heat-map.h"
#include "annex-paged-view.h"
#include "annex-register-page.h"
#include "annex-risk-register.h"
#include "annex-treatment-plan-page.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_RISKS_VIEW (annex_risks_view_get_type ())
G_DECLARE_FINAL_TYPE (AnnexRisksView, annex_risks_view, ANNEX, RISKS_VIEW, GtkWidget)

/* Properties: "visible-page" ("risks", "assets" or "plan"), "residual" (gboolean: the heat map
 * shows the residual assessment, else the inherent one), "heat-map-revealed" (gboolean).
 * Signal "add-toast" (AdwToast *toast): as AnnexRegisterPage's, for every page.
 * Actions: "risks.method" opens the risk method dialog.
 *
 * The risks page: level columns in the method's colours (inherent and residual), facets by
 * level, owner, asset, heat-map cell and overdue review (plus the treatment and status fields),
 * the heat map above the list (collapsed when the view is narrow), an editor grouped by Risk,
 * Treatment, Acceptance and Review with an Assessment section (likelihood and impact picked from
 * the method's labels, the levels in colour, the acceptance rule's sentence when it applies), the
 * linked assets and controls, and the risk's treatment actions with "New Treatment Action". */

GtkWidget         *annex_risks_view_new                (void);

/* @risks: the risk register (its AnnexRegister is shown); @assets, @controls, @actions: the
 * registers of those tables (for links and treatment actions). Any may be NULL. */
void               annex_risks_view_set_registers      (AnnexRisksView    *self,
                                                        AnnexRiskRegister *risks,
                                                        AnnexRegister     *assets,
                                                        AnnexRegister     *controls,
                                                        AnnexRegister     *actions);
AnnexRiskRegister *annex_risks_view_get_risk_register  (AnnexRisksView    *self);

AnnexRegisterPage *annex_risks_view_get_risks_page     (AnnexRisksView    *self);
AnnexRegisterPage *annex_risks_view_get_assets_page    (AnnexRisksView    *self);
AnnexTreatmentPlanPage *annex_risks_view_get_plan_page (AnnexRisksView    *self);
AnnexHeatMap      *annex_risks_view_get_heat_map       (AnnexRisksView    *self);

const char        *annex_risks_view_get_visible_page   (AnnexRisksView    *self);
void               annex_risks_view_set_visible_page   (AnnexRisksView    *self,
                                                        const char        *name);
gboolean           annex_risks_view_get_residual       (AnnexRisksView    *self);
void               annex_risks_view_set_residual       (AnnexRisksView    *self,
                                                        gboolean           residual);

/* Recomputes the heat map counts and the facet choices now (they otherwise follow the data at
 * the next idle). */
void               annex_risks_view_update             (AnnexRisksView    *self);
/* Opens the risk method dialog (the "risks.method" action); returns it (owned by GTK). */
GtkWidget         *annex_risks_view_open_method_dialog (AnnexRisksView    *self);
/* Creates a treatment action for @risk (saved) in the actions register and shows it. Returns the
 * new action (borrowed from the register) or NULL with @error set. */
AnnexRecord       *annex_risks_view_new_treatment_action (AnnexRisksView  *self,
                                                          AnnexRisk       *risk,
                                                          GError         **error);
/* The number of treatment actions listed in the risk editor (for tests). */
guint              annex_risks_view_get_n_editor_actions (AnnexRisksView  *self);

G_END_DECLS
