/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-party.h: one interested party of the ISMS (clause 4.2 a, b) and, as its children, its
 * requirements (AnnexPartyRequirement, clause 4.2 b, c). */

#pragma once

#include "annex-record.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_PARTY (annex_party_get_type ())
G_DECLARE_FINAL_TYPE (AnnexParty, annex_party, ANNEX, PARTY, AnnexRecord)

/* Table "parties", references "IP-001".
 *
 * Fields (property / column):
 *   "name"        text, required, list, searchable
 *   "category"    choice: customers, employees, regulators, suppliers, owners, insurers, public,
 *                 other ("Customers", "Employees", "Regulators and authorities", "Suppliers and
 *                 partners", "Owners and investors", "Insurers", "The public", "Other");
 *                 default customers; required, list, filter, searchable by label
 *   "needs"       long text, searchable: needs and expectations
 *   "relevance"   choice: high, medium, low (default medium; required, list, filter)
 *   "notes"       long text, searchable
 *
 * Children: AnnexPartyRequirement through its "party-id" field (annex_record_class_add_child()):
 * removing a party removes its requirements (and their links) in the same transaction; restoring
 * it restores them.
 * Computed, read-only: "category-label", "relevance-label" (translated). */

AnnexParty *annex_party_new           (void);

const char *annex_party_get_name      (AnnexParty *self);
const char *annex_party_get_category  (AnnexParty *self);
const char *annex_party_get_relevance (AnnexParty *self);

G_END_DECLS
