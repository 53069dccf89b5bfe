/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-findings-section.h: the findings of an audit in its editor: classification, the clause
 * or control concerned, description and evidence, edited in a dialog; a nonconformity raised
 * from a finding in one step; delete with Undo. */

#pragma once

#include <adwaita.h>

#include "annex-finding.h"
#include "annex-nonconformity.h"
#include "annex-record-editor.h"
#include "annex-register.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_FINDINGS_SECTION (annex_findings_section_get_type ())
G_DECLARE_FINAL_TYPE (AnnexFindingsSection, annex_findings_section, ANNEX, FINDINGS_SECTION,
                      GtkWidget)

/* Properties: "audit" (AnnexRecord (an AnnexAudit) or NULL; the section hides for NULL or an
 * unsaved audit), "n-findings" (guint, read-only).
 * Signal "add-toast" (AdwToast *toast), lent for the emission; annex_findings_section_attach()
 * forwards it to the editor's "add-toast".
 * Action "findings.add": the dialog for a new finding of the audit.
 *
 * Each row reads "F-003 · Minor nonconformity · 8.1" over the description; a nonconformity
 * finding offers "Raise Nonconformity" (then names the nonconformity raised, which opens it
 * through "win.show-record"). Activating a row opens the finding in a dialog. */

GtkWidget    *annex_findings_section_new              (void);

void          annex_findings_section_attach           (AnnexFindingsSection *self,
                                                       AnnexRecordEditor    *editor);
/* @findings: the register of AnnexFinding; @nonconformities: the register of
 * AnnexNonconformity (may be NULL: no "Raise Nonconformity"). */
void          annex_findings_section_set_registers    (AnnexFindingsSection *self,
                                                       AnnexRegister        *findings,
                                                       AnnexRegister        *nonconformities);
AnnexRecord  *annex_findings_section_get_audit        (AnnexFindingsSection *self);
void          annex_findings_section_set_audit        (AnnexFindingsSection *self,
                                                       AnnexRecord          *audit);
guint         annex_findings_section_get_n_findings   (AnnexFindingsSection *self);

/* Opens the dialog for a new finding of the audit (@finding NULL) or for @finding. Returns the
 * dialog (owned by GTK). */
GtkWindow    *annex_findings_section_open_dialog      (AnnexFindingsSection *self,
                                                       AnnexFinding         *finding);
/* Raises a nonconformity from @finding (annex_nonconformity_raise_from_finding()) and shows it
 * ("win.show-record"). Returns it (borrowed from the register) or NULL. */
AnnexNonconformity *annex_findings_section_raise_nonconformity (AnnexFindingsSection *self,
                                                                AnnexFinding         *finding,
                                                                GError              **error);
/* The nonconformity raised from @finding, or NULL (borrowed). */
AnnexNonconformity *annex_findings_section_find_nonconformity  (AnnexFindingsSection *self,
                                                                AnnexFinding         *finding);
/* Deletes @finding with an Undo toast. */
gboolean      annex_findings_section_delete           (AnnexFindingsSection *self,
                                                       AnnexFinding         *finding,
                                                       GError              **error);

G_END_DECLS
