/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-finding.h: one finding of an audit: a nonconformity (major or minor), an observation or
 * an opportunity for improvement, about a clause or control, with its evidence. */

#pragma once

#include "annex-audit-item.h"
#include "annex-record.h"
#include "annex-register.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_FINDING (annex_finding_get_type ())
G_DECLARE_FINAL_TYPE (AnnexFinding, annex_finding, ANNEX, FINDING, AnnexRecord)

/* Table "findings", references "F-001". A child of AnnexAudit.
 *
 * Fields (property / column):
 *   "audit-id" / audit_id    int: the id of its audit (required: a finding whose audit does not
 *                            exist is refused on add, save and restore)
 *   "item-id" / item_id      int: the checklist item it was raised from, 0 when none (an item
 *                            deleted later leaves the finding as it is)
 *   "classification"         choice: major, minor, observation, improvement ("Major
 *                            nonconformity", "Minor nonconformity", "Observation", "Opportunity
 *                            for improvement"); default minor; required, list, filter
 *   "concerns"               text, list, searchable: the clause or control id concerned
 *   "description"            long text, required, list, searchable
 *   "evidence"               long text, searchable
 *
 * Computed, read-only: "classification-label" (translated), "is-nonconformity" (gboolean:
 * classification major or minor). */

AnnexFinding *annex_finding_new                (gint64          audit_id);

gint64        annex_finding_get_audit_id       (AnnexFinding   *self);
gint64        annex_finding_get_item_id        (AnnexFinding   *self);
const char   *annex_finding_get_classification (AnnexFinding   *self);
const char   *annex_finding_get_concerns       (AnnexFinding   *self);
const char   *annex_finding_get_description    (AnnexFinding   *self);
const char   *annex_finding_get_evidence       (AnnexFinding   *self);
gboolean      annex_finding_is_nonconformity   (AnnexFinding   *self);

/* The classification a checklist result leads to: "nonconformity" → "minor" (the auditor
 * grades a major one by editing it), "observation" → "observation", "improvement" →
 * "improvement"; NULL for "not-sampled", "conform" and anything else. */
const char   *annex_finding_classification_for_result (const char *result);

/* Raises a finding from @item (saved) in one step and adds it to @findings (the register of
 * AnnexFinding of the item's database): the item's audit, the item ("item-id"), the
 * classification from its result (above), "concerns" = its subject, "description" = its notes
 * (or, when empty, its title), "evidence" = its evidence seen. Refused (INVALID) when the result
 * gives no classification ("Only an item found nonconforming, an observation or an opportunity
 * for improvement can raise a finding") or when a finding was raised from the item already
 * (the message names it). Returns the new finding (borrowed: an item of @findings) or NULL. */
AnnexFinding *annex_finding_raise_from_item    (AnnexAuditItem *item,
                                                AnnexRegister  *findings,
                                                GError        **error);

G_END_DECLS
