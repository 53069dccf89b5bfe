/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-improvement-view.h: the Improvement view (clause 10): the nonconformities with their
 * correction, root cause, corrective actions and effectiveness check, and the incidents, each a
 * page of an AnnexPagedView. */

#pragma once

#include <adwaita.h>

#include "annex-nonconformity.h"
#include "annex-paged-view.h"
#include "annex-register-page.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_IMPROVEMENT_VIEW (annex_improvement_view_get_type ())
G_DECLARE_FINAL_TYPE (AnnexImprovementView, annex_improvement_view, ANNEX, IMPROVEMENT_VIEW,
                      GtkWidget)

/* Properties: "visible-page" ("nonconformities" or "incidents").
 * Signal "add-toast" (AdwToast *toast): as AnnexRegisterPage's, for every page.
 *
 * The nonconformities page: facets status, source and grade (fields), overdue (a corrective
 * action is overdue) and the clause or control concerned; an editor grouped by What Happened,
 * Correction, Root Cause, Effectiveness Check and Status, with the reason the model refuses to
 * close it (shown as soon as "Closed" is chosen early), and the corrective actions with "New
 * Corrective Action".
 * The incidents page: the affected assets (links) and "Raise Nonconformity". */

GtkWidget         *annex_improvement_view_new                (void);

/* Any may be NULL. @actions: the action tracker (corrective actions); @assets: for an incident's
 * affected assets. */
void               annex_improvement_view_set_registers      (AnnexImprovementView *self,
                                                              AnnexRegister        *nonconformities,
                                                              AnnexRegister        *incidents,
                                                              AnnexRegister        *actions,
                                                              AnnexRegister        *assets);

AnnexRegisterPage *annex_improvement_view_get_nonconformities_page (AnnexImprovementView *self);
AnnexRegisterPage *annex_improvement_view_get_incidents_page       (AnnexImprovementView *self);

const char        *annex_improvement_view_get_visible_page   (AnnexImprovementView *self);
void               annex_improvement_view_set_visible_page   (AnnexImprovementView *self,
                                                              const char           *name);

/* Creates a corrective action of @nc (annex_nonconformity_add_action()) and shows it
 * ("win.show-record"). Returns it (borrowed) or NULL with @error set. */
AnnexAction       *annex_improvement_view_new_corrective_action (AnnexImprovementView *self,
                                                                 AnnexNonconformity   *nc,
                                                                 GError              **error);
/* Raises a nonconformity from @incident and shows it. Returns it (borrowed) or NULL. */
AnnexNonconformity *annex_improvement_view_raise_from_incident  (AnnexImprovementView *self,
                                                                 AnnexIncident        *incident,
                                                                 GError              **error);

/* For tests: the corrective actions listed in the editor, and the refusal shown (NULL when the
 * nonconformity in the editor can be saved as it is). */
guint              annex_improvement_view_get_n_editor_actions (AnnexImprovementView *self);
const char        *annex_improvement_view_get_refusal          (AnnexImprovementView *self);

G_END_DECLS
