/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-audits-view.h: the Audits view (clause 9.2): the audit programme and the audit register
 * with each audit's scope, auditor independence, checklist and findings, each a page of an
 * AnnexPagedView. */

#pragma once

#include <adwaita.h>

#include "annex-audit-programme-page.h"
#include "annex-checklist-section.h"
#include "annex-findings-section.h"
#include "annex-paged-view.h"
#include "annex-register-page.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_AUDITS_VIEW (annex_audits_view_get_type ())
G_DECLARE_FINAL_TYPE (AnnexAuditsView, annex_audits_view, ANNEX, AUDITS_VIEW, GtkWidget)

/* Properties: "visible-page" ("programme" or "audits").
 * Signal "add-toast" (AdwToast *toast): as AnnexRegisterPage's, for every page.
 *
 * The audits page: facets type, status and overdue; warnings for an overdue audit and an
 * auditor's unexplained conflict of interest; an editor grouped by Audit, Schedule, Auditors
 * and Outcome with the scope (linked clauses and controls), the independence check (the
 * conflicts as sentences, the note that explains them), the checklist and the findings. */

GtkWidget         *annex_audits_view_new               (void);

/* @audits, @items, @findings: the registers of AnnexAudit, AnnexAuditItem and AnnexFinding;
 * @nonconformities: of AnnexNonconformity (to raise one from a finding); @requirements,
 * @controls: the clause rows and controls an audit samples. Any may be NULL. */
void               annex_audits_view_set_registers     (AnnexAuditsView *self,
                                                        AnnexRegister   *audits,
                                                        AnnexRegister   *items,
                                                        AnnexRegister   *findings,
                                                        AnnexRegister   *nonconformities,
                                                        AnnexRegister   *requirements,
                                                        AnnexRegister   *controls);

AnnexAuditProgrammePage *annex_audits_view_get_programme_page (AnnexAuditsView *self);
AnnexRegisterPage *annex_audits_view_get_audits_page   (AnnexAuditsView *self);
AnnexChecklistSection *annex_audits_view_get_checklist (AnnexAuditsView *self);
AnnexFindingsSection *annex_audits_view_get_findings   (AnnexAuditsView *self);

const char        *annex_audits_view_get_visible_page  (AnnexAuditsView *self);
void               annex_audits_view_set_visible_page  (AnnexAuditsView *self,
                                                        const char      *name);
/* Shows the audits page with @audit in the editor. */
gboolean           annex_audits_view_show_audit        (AnnexAuditsView *self,
                                                        gint64           id);
/* The independence conflicts listed in the editor (for tests). */
guint              annex_audits_view_get_n_conflicts   (AnnexAuditsView *self);

G_END_DECLS
