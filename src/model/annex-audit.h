/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-audit.h: one audit of the audit programme (clause 9.2): internal, supplier,
 * certification or surveillance audit, with its checklist (AnnexAuditItem) and findings
 * (AnnexFinding) as children, the clauses and controls it samples (links), and the auditor
 * independence rule. */

#pragma once

#include "annex-database.h"
#include "annex-record.h"
#include "annex-register.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_AUDIT (annex_audit_get_type ())
G_DECLARE_FINAL_TYPE (AnnexAudit, annex_audit, ANNEX, AUDIT, AnnexRecord)

/* Table "audits", references "IA-2026-01": yearly (annex_record_class_set_yearly_reference()),
 * by the year of "planned-start", or of creation when it is empty.
 *
 * Fields (property / column):
 *   "title"             text, required, list, searchable
 *   "type"              choice: internal, supplier, certification, surveillance ("Internal",
 *                       "Supplier", "Certification", "Surveillance"); default internal;
 *                       required, list, filter
 *   "scope"             long text, searchable: what the audit covers, in words
 *   "criteria"          long text, searchable: what it is checked against
 *   "planned-start" / planned_start, "planned-end" / planned_end   dates (start: list)
 *   "actual-start" / actual_start, "actual-end" / actual_end       dates
 *   "lead-auditor" / lead_auditor   text, list, searchable
 *   "team"              text, searchable: the other auditors, separated by commas, semicolons
 *                       or new lines
 *   "auditee-areas" / auditee_areas         long text, searchable
 *   "auditee-contacts" / auditee_contacts   long text, searchable
 *   "status"            choice: planned, in-preparation, in-progress, reported, closed
 *                       ("Planned", "In preparation", "In progress", "Reported", "Closed");
 *                       default planned; required, list, filter
 *   "conclusion"        long text, searchable
 *   "independence-note" / independence_note   long text: why an auditor's conflict (see
 *                       annex_audit_dup_independence_conflicts()) is acceptable
 *
 * Rules (validate: ANNEX_STORE_ERROR_INVALID with a sentence for the user): the planned end is
 * not before the planned start, the actual end not before the actual start.
 *
 * Children: AnnexAuditItem and AnnexFinding through their "audit-id" field: removing an audit
 * removes its checklist and findings (and their links) in the same transaction; restoring it
 * restores them.
 * Links (annex-links.h): the clauses it samples, from "audits" to "requirements" (the clause
 * 4–10 requirement rows, ANNEX_AUDIT_LINK_CLAUSES), and the controls, from "audits" to
 * "controls" (ANNEX_AUDIT_LINK_CONTROLS).
 *
 * Computed, read-only: "type-label", "status-label" (translated), "overdue" (gboolean:
 * annex_audit_get_overdue(), notified when "planned-end" or "status" change). */

#define ANNEX_AUDIT_LINK_CLAUSES  "requirements"
#define ANNEX_AUDIT_LINK_CONTROLS "controls"

AnnexAudit  *annex_audit_new                   (void);

const char  *annex_audit_get_title             (AnnexAudit    *self);
const char  *annex_audit_get_audit_type        (AnnexAudit    *self);
const char  *annex_audit_get_status            (AnnexAudit    *self);
const char  *annex_audit_get_planned_start     (AnnexAudit    *self);
const char  *annex_audit_get_planned_end       (AnnexAudit    *self);
const char  *annex_audit_get_actual_start      (AnnexAudit    *self);
const char  *annex_audit_get_actual_end        (AnnexAudit    *self);
const char  *annex_audit_get_lead_auditor      (AnnexAudit    *self);
const char  *annex_audit_get_team              (AnnexAudit    *self);
const char  *annex_audit_get_independence_note (AnnexAudit    *self);

/* Overdue: a valid planned end before @today ("YYYY-MM-DD") and status planned, in-preparation
 * or in-progress. */
gboolean     annex_audit_is_overdue_on         (AnnexAudit    *self,
                                                const char    *today);
/* The same relative to the local date now. */
gboolean     annex_audit_get_overdue           (AnnexAudit    *self);

/* The date the audit took (or takes) place for the programme: the actual start, else the
 * planned start, else the actual end, else the planned end; NULL when it has no date. */
const char  *annex_audit_get_date              (AnnexAudit    *self);
/* The date an audit counts as done for "no internal audit in the last 12 months": its actual
 * end; without one, when its status is reported or closed, its actual start, planned end or
 * planned start (the first set); else NULL (not done). */
const char  *annex_audit_get_done_date         (AnnexAudit    *self);

/* The auditors: the lead auditor, then the team members (split at commas, semicolons and new
 * lines), trimmed, blanks and repeats (ignoring case) dropped. Free with g_strfreev(). */
char       **annex_audit_dup_auditors          (AnnexAudit    *self);

/* The ids of the records linked as the audit's scope: @to_table is ANNEX_AUDIT_LINK_CLAUSES or
 * ANNEX_AUDIT_LINK_CONTROLS. NULL only on error. */
GArray      *annex_audit_dup_linked_ids        (AnnexAudit    *self,
                                                AnnexDatabase *db,
                                                const char    *to_table,
                                                GError       **error);

/* Adds to @items (the register of AnnexAuditItem of the audit's database) one checklist item
 * for each clause (linked requirement row) and each control linked to @self (saved) that has
 * no item of the audit yet (same "subject-kind" and "subject"), clauses first in clause order,
 * then controls in catalogue order, after the audit's existing items ("position"). Each item
 * gets the clause or control title and a question in our own words built from the catalogue's
 * summary or guidance (editable afterwards). One transaction; *out_n_added (may be NULL) is the
 * number of items added (0 when every linked clause and control has one already). */
gboolean     annex_audit_generate_checklist    (AnnexAudit    *self,
                                                AnnexRegister *items,
                                                guint         *out_n_added,
                                                GError       **error);

/* Auditor independence ("auditors must not audit their own work"): one translated sentence per
 * conflict, e.g. "Dana Lee owns control 5.15, which this audit samples", for each auditor
 * (annex_audit_dup_auditors(), compared ignoring case and surrounding space) who is the owner
 * of a control or requirement linked to @self, or of a risk linked to one of those controls.
 * An array of char * (freed with it; empty when none); NULL only on error. Conflicts are listed
 * whether or not the audit has an independence note. The free-text "auditee-areas" are not
 * matched (they name no owner). */
GPtrArray   *annex_audit_dup_independence_conflicts (AnnexAudit    *self,
                                                     AnnexDatabase *db,
                                                     GError       **error);
/* Whether the audit is to be flagged: @conflicts (from the function above) is not empty and the
 * audit records no independence note. */
gboolean     annex_audit_independence_flagged  (AnnexAudit    *self,
                                                GPtrArray     *conflicts);

G_END_DECLS
