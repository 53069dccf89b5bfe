/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-document-version.h: one version of a document (7.5.2, 7.5.3): drafts are edited,
 * approving one makes it the version in force, and approved and superseded versions stay
 * readable and unchanged. */

#pragma once

#include "annex-document.h"
#include "annex-register.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_DOCUMENT_VERSION (annex_document_version_get_type ())
G_DECLARE_FINAL_TYPE (AnnexDocumentVersion, annex_document_version, ANNEX, DOCUMENT_VERSION,
                      AnnexRecord)

/* Table "document_versions", references "DV-001" (in creation order, across documents).
 *
 * Fields (property / column):
 *   "document-id" / document_id   int: the id of its document (a child, see annex-document.h)
 *   "version"        text, required, list, searchable: the version number ("1.0", "2025-1");
 *                    unique within its document
 *   "date"           date, list: the date of this version (issue date)
 *   "summary"        long text, list, searchable: summary of the changes
 *   "status"         choice: draft, approved, superseded ("Draft", "In force", "Superseded");
 *                    default draft; list; READ_ONLY (only annex_document_version_approve()
 *                    changes it)
 *   "approved-by" / approved_by   text, list, READ_ONLY
 *   "approved-on" / approved_on   date, list, READ_ONLY
 *
 * Rules (ANNEX_STORE_ERROR_INVALID with a sentence for the user):
 *  - a version belongs to a document that exists; its number is not used by another version of
 *    the same document;
 *  - an approved or superseded version cannot be changed (check_write on the stored status);
 *  - it cannot be deleted either, unless its document is withdrawn (disposal, 7.5.3): this
 *    also holds when it would be removed with its document.
 * Computed, read-only: "status-label" (translated), "is-draft" (gboolean), "display-title"
 * (translated "Version 1.0"). */

AnnexDocumentVersion *annex_document_version_new             (gint64                document_id);

gint64                annex_document_version_get_document_id (AnnexDocumentVersion *self);
const char           *annex_document_version_get_version     (AnnexDocumentVersion *self);
const char           *annex_document_version_get_date        (AnnexDocumentVersion *self);
const char           *annex_document_version_get_summary     (AnnexDocumentVersion *self);
const char           *annex_document_version_get_status      (AnnexDocumentVersion *self);
gboolean              annex_document_version_is_draft        (AnnexDocumentVersion *self);
const char           *annex_document_version_get_approved_by (AnnexDocumentVersion *self);
const char           *annex_document_version_get_approved_on (AnnexDocumentVersion *self);

/* The version in force of document @document_id among @versions (a list model of
 * AnnexDocumentVersion, e.g. the versions' register): the approved one, or NULL. Borrowed. */
AnnexDocumentVersion *annex_document_version_find_current    (GListModel           *versions,
                                                              gint64                document_id);

/* A number for a new version of document @document_id: the highest-numbered (latest created)
 * version's number with its last run of digits increased ("1.0" → "1.1", "2" → "3",
 * "2025-1" → "2025-2"); "1.0" when it has no version; "<n + 1>" when the latest has no digits.
 * Newly allocated. */
char                 *annex_document_version_suggest_number  (GListModel           *versions,
                                                              gint64                document_id);

/* Approves @version (an item of @versions with status draft): @approved_by (required, not
 * blank; trimmed), @approved_on ("YYYY-MM-DD"; NULL: today, local date). In one transaction,
 * each write with its change-history entry: the version becomes approved ("In force") with
 * approved-by and approved-on (and "date" when it had none: @approved_on); the version of the
 * same document approved before it (if any) superseded; the document gets status approved,
 * "current-version" = the version's number, and "next-review" = @approved_on plus its review
 * interval in months (unchanged when the interval is 0).
 * @documents: the documents' register, whose item is updated in place (notified), or NULL (a
 * register of the app that shows them reloads through "changed"). The items of @versions
 * update in place. On failure nothing is written and the items keep their values. */
gboolean              annex_document_version_approve         (AnnexRegister        *versions,
                                                              AnnexDocumentVersion *version,
                                                              AnnexRegister        *documents,
                                                              const char           *approved_by,
                                                              const char           *approved_on,
                                                              GError              **error);

G_END_DECLS
