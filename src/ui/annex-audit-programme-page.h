/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-audit-programme-page.h: the audit programme (clause 9.2.2): the certification cycle, its
 * audits on a timeline by month, the coverage of clauses 4–10 and the Annex A themes by those
 * audits, and the programme's warnings in plain language. */

#pragma once

#include <adwaita.h>

#include "annex-audit-programme.h"
#include "annex-register.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_AUDIT_PROGRAMME_PAGE (annex_audit_programme_page_get_type ())
G_DECLARE_FINAL_TYPE (AnnexAuditProgrammePage, annex_audit_programme_page, ANNEX,
                      AUDIT_PROGRAMME_PAGE, GtkWidget)

/* Properties: "audits" (AnnexRegister of AnnexAudit or NULL; its database holds the cycle and
 * the links).
 * Signal "audit-activated" (AnnexAudit *audit): an audit of the timeline, the matrix or a
 * warning was activated (the view opens it).
 * Signal "add-toast" (AdwToast *toast), lent for the emission (a refused cycle year).
 *
 * Everything follows the workspace: the programme is computed again (at the next idle) when the
 * audits, links, controls, requirements or the cycle setting change. The timeline and the matrix
 * scroll sideways inside the page when the window is narrow. */

GtkWidget           *annex_audit_programme_page_new          (void);

AnnexRegister       *annex_audit_programme_page_get_audits   (AnnexAuditProgrammePage *self);
void                 annex_audit_programme_page_set_audits   (AnnexAuditProgrammePage *self,
                                                              AnnexRegister           *audits);

/* The programme shown (borrowed; recomputed in place). */
AnnexAuditProgramme *annex_audit_programme_page_get_programme (AnnexAuditProgrammePage *self);
/* Computes the programme and rebuilds the page now (it otherwise follows at the next idle). */
void                 annex_audit_programme_page_update       (AnnexAuditProgrammePage *self);
/* Stores the cycle's first year (the spin button); FALSE with @error when refused. */
gboolean             annex_audit_programme_page_set_start_year (AnnexAuditProgrammePage *self,
                                                                guint                    year,
                                                                GError                 **error);

/* For tests: the number of warnings and coverage gaps (main clauses and themes) shown. */
guint                annex_audit_programme_page_get_n_warnings (AnnexAuditProgrammePage *self);
guint                annex_audit_programme_page_get_n_gaps     (AnnexAuditProgrammePage *self);

G_END_DECLS
