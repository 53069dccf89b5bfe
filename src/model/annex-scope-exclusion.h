/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-scope-exclusion.h: one exclusion from the scope of the ISMS, with its justification
 * (clause 4.3), a child of one scope version. */

#pragma once

#include "annex-record.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_SCOPE_EXCLUSION (annex_scope_exclusion_get_type ())
G_DECLARE_FINAL_TYPE (AnnexScopeExclusion, annex_scope_exclusion, ANNEX, SCOPE_EXCLUSION,
                      AnnexRecord)

/* Table "scope_exclusions", references "SX-001". A child of AnnexScopeVersion.
 *
 * Fields (property / column):
 *   "scope-id" / scope_id   int: the id of its scope version (must exist)
 *   "exclusion"             long text, required, list, searchable: what is excluded
 *   "justification"         long text, list, searchable: why (needed before the version is
 *                           approved, not to save a draft)
 *
 * Adding, changing, deleting or restoring an exclusion of a version that is not a draft is
 * refused (ANNEX_STORE_ERROR_INVALID, check_write), as is one whose version does not exist. */

AnnexScopeExclusion *annex_scope_exclusion_new               (gint64               scope_id);

gint64               annex_scope_exclusion_get_scope_id      (AnnexScopeExclusion *self);
const char          *annex_scope_exclusion_get_exclusion     (AnnexScopeExclusion *self);
const char          *annex_scope_exclusion_get_justification (AnnexScopeExclusion *self);

G_END_DECLS
