/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-document.h: one item of the ISMS's documented information (clauses 5.2 and 7.5): a
 * policy, procedure, record… with its owner, review cycle and status, and its versions
 * (AnnexDocumentVersion) as children. */

#pragma once

#include "annex-record.h"
#include "annex-register.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_DOCUMENT (annex_document_get_type ())
G_DECLARE_FINAL_TYPE (AnnexDocument, annex_document, ANNEX, DOCUMENT, AnnexRecord)

/* Table "documents", references "DOC-001".
 *
 * Fields (property / column):
 *   "title"            text, required, list, searchable
 *   "type"             choice: policy, procedure, standard, plan, record, template, other
 *                      ("Policy", "Procedure", "Standard", "Plan", "Record", "Template", "Other");
 *                      default procedure; required, list, filter
 *   "security-policy" / security_policy   bool: this is the information security policy of
 *                      clause 5.2 (default FALSE; see annex_people_check_policy())
 *   "status"           choice: draft, in-review, approved, withdrawn ("Draft", "In review",
 *                      "Approved", "Withdrawn"); default draft; required, list, filter.
 *                      "approved" is set by annex_document_version_approve(); the user may set
 *                      it back only while an approved version exists (check_write refuses
 *                      otherwise: "approve a version")
 *   "current-version" / current_version   text, list, READ_ONLY: the number of the version in
 *                      force (set by approval)
 *   "owner"            text, list, searchable
 *   "approver"         text, searchable: who approves new versions (the approval dialog's
 *                      default)
 *   "classification"   text, searchable (e.g. "Internal", "Confidential")
 *   "location"         text, searchable: a path or URL where the document is kept
 *   "review-interval" / review_interval   int: months between reviews (default 12; 0: none;
 *                      validate: 0 … 120)
 *   "next-review" / next_review   date, list: set by approval to the approval date plus the
 *                      interval; the user may change it
 *   "description"      long text, searchable
 *
 * Children: AnnexDocumentVersion through its "document-id" field: removing a document removes
 * its versions in the same transaction (refused while it has an approved or superseded version
 * and is not withdrawn: withdraw it first — disposal, 7.5.3); restoring it restores them.
 * Links (annex-links.h): the clauses it serves, from "documents" to "requirements" (the clause
 * 4–10 requirement rows, ANNEX_DOCUMENT_LINK_CLAUSES; these make the mandated documented
 * information "covered", see annex_people_dup_mandated_documents()), and the Annex A or
 * organization controls it serves, from "documents" to "controls"
 * (ANNEX_DOCUMENT_LINK_CONTROLS).
 *
 * Computed, read-only: "type-label", "status-label" (translated), "review-overdue" (gboolean:
 * annex_document_is_review_overdue_on() today; notified when "next-review" or "status"
 * change). */

#define ANNEX_DOCUMENT_LINK_CLAUSES  "requirements"
#define ANNEX_DOCUMENT_LINK_CONTROLS "controls"

AnnexDocument *annex_document_new                 (void);

const char    *annex_document_get_title           (AnnexDocument *self);
const char    *annex_document_get_document_type   (AnnexDocument *self);
const char    *annex_document_get_status          (AnnexDocument *self);
gboolean       annex_document_get_security_policy (AnnexDocument *self);
const char    *annex_document_get_current_version (AnnexDocument *self);
const char    *annex_document_get_owner           (AnnexDocument *self);
const char    *annex_document_get_approver        (AnnexDocument *self);
gint64         annex_document_get_review_interval (AnnexDocument *self);
const char    *annex_document_get_next_review     (AnnexDocument *self);

/* Review overdue: status approved and a valid "next-review" before @today ("YYYY-MM-DD"). */
gboolean       annex_document_is_review_overdue_on (AnnexDocument *self,
                                                    const char    *today);
/* The same relative to the local date now. */
gboolean       annex_document_get_review_overdue  (AnnexDocument *self);

/* @date ("YYYY-MM-DD") plus @months calendar months, clamped to the end of the month
 * ("2025-01-31" + 1 → "2025-02-28"). NULL when @date is not a valid date. Pure. */
char          *annex_document_add_months          (const char    *date,
                                                   guint          months);

/* For the "mandated documented information" list: adds a new document meant to cover the
 * mandated documented information of clause @clause_id (a catalogue clause with doc_type
 * "document" or "record", e.g. "6.1.2"): title from the catalogue's documented information
 * (translated; 5.2: "Information security policy" with "security-policy" set), a type that
 * fits (5.2 policy, 6.2 plan, 6.1.2 procedure, records record, else other), status draft, and a
 * link to the clause's requirement row — in one transaction. Refused (INVALID) for a clause
 * that mandates nothing. Returns the new document (borrowed: an item of @documents) or NULL. */
AnnexDocument *annex_document_create_for_clause   (AnnexRegister *documents,
                                                   const char    *clause_id,
                                                   GError       **error);

G_END_DECLS
