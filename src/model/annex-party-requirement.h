/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-party-requirement.h: one requirement of an interested party (clause 4.2 b) and whether
 * the ISMS addresses it (4.2 c), linked to the Annex A controls that address it. */

#pragma once

#include "annex-record.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_PARTY_REQUIREMENT (annex_party_requirement_get_type ())
G_DECLARE_FINAL_TYPE (AnnexPartyRequirement, annex_party_requirement, ANNEX, PARTY_REQUIREMENT,
                      AnnexRecord)

/* Table "party_requirements", references "PR-001". A child of AnnexParty.
 *
 * Fields (property / column):
 *   "party-id" / party_id   int: the id of its party (required: a requirement whose party does
 *                           not exist is refused on add, save and restore)
 *   "type"                  choice: legal, contractual, other ("Legal or regulatory",
 *                           "Contractual", "Other"); default legal; required, list, filter
 *   "requirement"           long text, required, list, searchable
 *   "addressed"             choice: undecided, yes, partly, no ("Not yet decided", "Yes",
 *                           "Partly", "No"); default undecided; required, list, filter
 *   "how"                   long text, searchable: how the ISMS addresses it
 *
 * Controls that address it: annex_links_*() with from_table "party_requirements" and to_table
 * "controls" (ANNEX_PARTY_REQUIREMENT_LINK_TO). Removing the requirement (or its party) removes
 * those links; restoring brings them back.
 * Computed, read-only: "type-label", "addressed-label" (translated), "display-title" (the first line
 * of the requirement, shortened, or "New requirement": the editor's heading). */

#define ANNEX_PARTY_REQUIREMENT_LINK_TO "controls"

AnnexPartyRequirement *annex_party_requirement_new           (gint64                 party_id);

gint64                 annex_party_requirement_get_party_id  (AnnexPartyRequirement *self);
const char            *annex_party_requirement_get_requirement (AnnexPartyRequirement *self);
const char            *annex_party_requirement_get_addressed (AnnexPartyRequirement *self);

G_END_DECLS
