/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-checklist-section.h: the checklist of an audit in its editor: the items (what each
 * samples, the question, the result, notes and the evidence seen), generated from the audit's
 * clauses and controls or added by hand, and a finding raised from an item in one step. */

#pragma once

#include <adwaita.h>

#include "annex-audit-item.h"
#include "annex-finding.h"
#include "annex-record-editor.h"
#include "annex-register.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_CHECKLIST_SECTION (annex_checklist_section_get_type ())
G_DECLARE_FINAL_TYPE (AnnexChecklistSection, annex_checklist_section, ANNEX, CHECKLIST_SECTION,
                      GtkWidget)

/* Properties: "audit" (AnnexRecord (an AnnexAudit) or NULL; the section hides for NULL or an
 * unsaved audit), "n-items" (guint, read-only: the audit's items listed).
 * Signal "add-toast" (AdwToast *toast), lent for the emission (a deleted item's Undo, a
 * failure); annex_checklist_section_attach() forwards it to the editor's "add-toast".
 * Signal "finding-raised" (AnnexFinding *finding): a finding was raised from an item.
 * Actions: "checklist.generate" (generate from the audit's scope), "checklist.add" (a new item
 * at the end, expanded and focused).
 *
 * Each item is an expander row: "9.2  Internal audit" and the result as a coloured tag; open,
 * the result (a drop-down), the question, the notes and the evidence seen (saved as the user
 * types), "Raise Finding" (for a nonconformity, an observation or an
 * opportunity for improvement) and Delete (with Undo). */

GtkWidget      *annex_checklist_section_new            (void);

/* Adds @self to @editor and follows its record (an audit). */
void            annex_checklist_section_attach         (AnnexChecklistSection *self,
                                                        AnnexRecordEditor     *editor);
/* @items: the register of AnnexAuditItem; @findings: the register of AnnexFinding. */
void            annex_checklist_section_set_registers  (AnnexChecklistSection *self,
                                                        AnnexRegister         *items,
                                                        AnnexRegister         *findings);
AnnexRecord    *annex_checklist_section_get_audit      (AnnexChecklistSection *self);
void            annex_checklist_section_set_audit      (AnnexChecklistSection *self,
                                                        AnnexRecord           *audit);
guint           annex_checklist_section_get_n_items    (AnnexChecklistSection *self);
/* The audit's item at @position in checklist order (borrowed), or NULL. */
AnnexAuditItem *annex_checklist_section_get_item       (AnnexChecklistSection *self,
                                                        guint                  position);

/* Generates the items of the audit's clauses and controls that have none yet and shows a toast
 * saying how many were added. */
gboolean        annex_checklist_section_generate       (AnnexChecklistSection *self,
                                                        guint                 *out_n_added,
                                                        GError               **error);
/* Adds an item at the end of the checklist ("New checklist item"), expanded and focused.
 * Returns it (borrowed from the register) or NULL. */
AnnexAuditItem *annex_checklist_section_add_item       (AnnexChecklistSection *self,
                                                        GError               **error);
/* Raises a finding from @item (annex_finding_raise_from_item()), emits "finding-raised" and
 * shows a toast. Returns the finding (borrowed) or NULL. */
AnnexFinding   *annex_checklist_section_raise_finding  (AnnexChecklistSection *self,
                                                        AnnexAuditItem        *item,
                                                        GError               **error);
/* Deletes @item with an Undo toast. */
gboolean        annex_checklist_section_delete_item    (AnnexChecklistSection *self,
                                                        AnnexAuditItem        *item,
                                                        GError               **error);

G_END_DECLS
