/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-issue.h: one internal or external issue of the organization's context (clause 4.1), with
 * whether it concerns climate change (Amd 1:2024). */

#pragma once

#include "annex-record.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_ISSUE (annex_issue_get_type ())
G_DECLARE_FINAL_TYPE (AnnexIssue, annex_issue, ANNEX, ISSUE, AnnexRecord)

/* Table "issues", references "IS-001".
 *
 * Fields (property / column):
 *   "title"          text, required, list, searchable
 *   "kind"           choice: internal, external (default external; required, list, filter)
 *   "category"       choice (list, filter, searchable by label), of the kind:
 *                    external: political, economic, social, technological, legal,
 *                    environmental ("Legal and regulatory" is "legal");
 *                    internal: governance, strategy, resources, culture, processes,
 *                    contractual ("Governance and structure", "Strategy and objectives",
 *                    "Capabilities and resources", "Culture", "Processes and information
 *                    systems", "Contractual relationships")
 *   "climate"        bool: concerns climate change (list)
 *   "description"    long text, searchable
 *   "effect"         long text, searchable: effect on the ISMS
 *   "source"         text, searchable: where the issue was found
 *   "status"         choice: current, monitored, closed (default current; required, list,
 *                    filter)
 *   "last-reviewed" / last_reviewed   date (list)
 *
 * The category follows the kind: choosing a category sets the kind to the category's kind, and
 * changing the kind clears a category of the other kind (both through field_changed, so the
 * editor shows it at once). Validation refuses a category of the other kind
 * (ANNEX_STORE_ERROR_INVALID).
 * Computed, read-only: "kind-label", "category-label", "status-label" (translated, NULL when
 * empty). */

AnnexIssue *annex_issue_new                 (void);

const char *annex_issue_get_title           (AnnexIssue *self);
const char *annex_issue_get_kind            (AnnexIssue *self);
const char *annex_issue_get_category        (AnnexIssue *self);
const char *annex_issue_get_status          (AnnexIssue *self);
gboolean    annex_issue_get_climate         (AnnexIssue *self);

/* The kind ("internal" or "external") of the category nick @category, or NULL when unknown. */
const char *annex_issue_category_get_kind   (const char *category);
/* The category nicks of @kind ("internal" or "external") in display order, NULL-terminated
 * (static; NULL for an unknown kind). Their labels: the "category" field's choices. */
const char * const *annex_issue_kind_get_categories (const char *kind);

G_END_DECLS
