/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-requirement.h: one requirement of clauses 4–10 in the requirements checklist, the
 * backbone of the gap assessment. */

#pragma once

#include "annex-catalogue.h"
#include "annex-record.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_REQUIREMENT (annex_requirement_get_type ())
G_DECLARE_FINAL_TYPE (AnnexRequirement, annex_requirement, ANNEX, REQUIREMENT, AnnexRecord)

/* Table "requirements", seeded by the store's migration from the catalogue's requirement
 * clauses (AnnexCatalogueClause.requirement). The reference is the clause id ("4.1", "9.2.1").
 * Fields: "title" (text, required, list, searchable; the clause title), "status" (choice:
 * not-started, partial, done; default not-started; list), "owner" (text, list, searchable),
 * "evidence" (long text, searchable). Computed, read-only: "display-title" (the clause title,
 * translated; the stored "title" is the untranslated one and cannot be changed: a read-only
 * field), "summary" (our one-line paraphrase, translated), "documented-information" (what the
 * clause mandates, translated, may be empty), "status-label". Requirements are not added or
 * removed by users: the register refuses with ANNEX_STORE_ERROR_INVALID. The search also finds
 * a requirement by its translated title and summary. */

const char                 *annex_requirement_get_status          (AnnexRequirement *self);
const AnnexCatalogueClause *annex_requirement_get_clause          (AnnexRequirement *self);
/* The "display-title", "summary" and "documented-information" values (translated). */
const char                 *annex_requirement_get_display_title   (AnnexRequirement *self);
const char                 *annex_requirement_get_summary         (AnnexRequirement *self);
const char                 *annex_requirement_get_documented_information (AnnexRequirement *self);

G_END_DECLS
