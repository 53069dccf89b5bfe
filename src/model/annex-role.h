/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-role.h: one ISMS role (clause 5.3) with its responsibilities and authorities and the
 * competence it requires (7.2). Who holds it: links from people. */

#pragma once

#include "annex-record.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_ROLE (annex_role_get_type ())
G_DECLARE_FINAL_TYPE (AnnexRole, annex_role, ANNEX, ROLE, AnnexRecord)

/* Table "roles", references "RO-001".
 *
 * Fields (property / column):
 *   "name"              text, required, list, searchable ("ISMS manager")
 *   "kind"              choice: isms-manager, risk-owner, control-owner, internal-auditor,
 *                       top-management, custom ("ISMS manager", "Risk owner", "Control owner",
 *                       "Internal auditor", "Top management", "Other role"); default custom;
 *                       required, list, filter. "internal-auditor" brings the audit-training
 *                       rule (annex_people_dup_competence_gaps())
 *   "responsibilities"  long text, searchable
 *   "authorities"       long text, searchable
 *   "competence"        long text, list, searchable: the competence required, as areas or
 *                       keywords separated by commas, semicolons or new lines ("risk
 *                       assessment, ISO 27001"); see annex_role_dup_competence_areas()
 *   "notes"             long text, searchable
 *
 * Holders: links from "people" to "roles" (ANNEX_PERSON_LINK_ROLES; list them with
 * annex_links_dup_sources (db, "roles", id, "people", …)).
 * Computed, read-only: "kind-label" (translated). */

AnnexRole  *annex_role_new                   (void);

const char *annex_role_get_name              (AnnexRole  *self);
const char *annex_role_get_kind              (AnnexRole  *self);
const char *annex_role_get_competence        (AnnexRole  *self);

/* The areas of @competence text (a role's "competence"): split at commas, semicolons and new
 * lines, trimmed, blanks dropped, duplicates (ignoring case) dropped; in their order. Pure. */
GStrv       annex_role_split_competence      (const char *competence);
/* The same for @self's "competence" field. */
GStrv       annex_role_dup_competence_areas  (AnnexRole  *self);

G_END_DECLS
