/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-scope-version.h: the scope of the ISMS (clause 4.3) as a versioned document: at most one
 * draft, one approved version in force, the superseded ones kept unchanged, and the question
 * "which scope applied on a given date". */

#pragma once

#include "annex-register.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_SCOPE_VERSION (annex_scope_version_get_type ())
G_DECLARE_FINAL_TYPE (AnnexScopeVersion, annex_scope_version, ANNEX, SCOPE_VERSION, AnnexRecord)

/* Table "scope_versions", references "SC-001" (one per version, in creation order).
 *
 * Fields (property / column):
 *   "status"          choice: draft, approved, superseded (default draft; list, filter;
 *                     READ_ONLY: only annex_scope_version_approve() changes it)
 *   "statement"       long text, searchable: the scope statement (list)
 *   "locations", "units", "processes", "systems", "interfaces"   long text, searchable
 *                     (sites; organizational units; processes; information systems;
 *                     interfaces and dependencies, 4.3 c)
 *   "change-summary" / change_summary  long text, searchable: what changed from the version
 *                     before (list)
 *   "approved-by" / approved_by      text (list; READ_ONLY)
 *   "approved-on" / approved_on      date (list; READ_ONLY)
 *   "in-force-from" / in_force_from  date (list; READ_ONLY)
 *
 * Children: AnnexScopeExclusion through its "scope-id" field.
 * Rules (ANNEX_STORE_ERROR_INVALID with a message for the user):
 *  - an approved or superseded version cannot be changed, deleted, nor its exclusions added,
 *    changed or deleted (can_delete and check_write refuse: "start a new draft");
 *  - at most one draft: adding (or restoring) a draft while another exists is refused.
 * Computed, read-only: "status-label" (translated), "is-draft" (gboolean), "display-title"
 * (translated "Draft", "In force from 2025-03-01", "Superseded, in force from 2024-01-10": the
 * register page's title column and the editor's heading). */

AnnexScopeVersion *annex_scope_version_new               (void);

const char        *annex_scope_version_get_status        (AnnexScopeVersion *self);
gboolean           annex_scope_version_is_draft          (AnnexScopeVersion *self);
const char        *annex_scope_version_get_statement     (AnnexScopeVersion *self);
const char        *annex_scope_version_get_approved_on   (AnnexScopeVersion *self);
const char        *annex_scope_version_get_in_force_from (AnnexScopeVersion *self);

/* The draft of @versions (a list model of AnnexScopeVersion, e.g. its register), or NULL.
 * Borrowed from the model. */
AnnexScopeVersion *annex_scope_version_find_draft        (GListModel        *versions);
/* The version in force now: the approved one (NULL when none was approved yet). Borrowed. */
AnnexScopeVersion *annex_scope_version_find_current      (GListModel        *versions);
/* The version that applied on @date ("YYYY-MM-DD"): of the approved and superseded versions the
 * one with the latest "in-force-from" on or before @date (on a tie, the later approval, then
 * the later version). NULL when none applied yet. Borrowed. */
AnnexScopeVersion *annex_scope_version_in_force_on       (GListModel        *versions,
                                                          const char        *date);

/* Starts a new draft in @versions (the scope versions' register): a copy of the version in
 * force (its statement and the other texts; "change-summary" and the approval fields empty) with
 * copies of its exclusions, or an empty draft when no version was approved yet. One transaction.
 * @exclusions: the exclusions' register to add the copies through (items appear at once), or
 * NULL (a register of the app that shows them reloads through "changed").
 * Refused (INVALID) when a draft exists already. Returns the new draft (borrowed: an item of
 * @versions) or NULL with @error set. */
AnnexScopeVersion *annex_scope_version_new_draft         (AnnexRegister     *versions,
                                                          AnnexRegister     *exclusions,
                                                          GError           **error);

/* Approves @draft (an item of @versions with status draft): @approved_by (required, not blank),
 * @approved_on ("YYYY-MM-DD"; NULL: today, local date), @in_force_from ("YYYY-MM-DD"; NULL:
 * @approved_on). Refused (INVALID) when the draft has no statement, or when one of its exclusions
 * has no justification (the message names the exclusion by reference). In one transaction: the
 * draft becomes approved, the version approved before it (if any) superseded, each with its
 * change-history entry; the items of @versions update in place (notified). On failure nothing
 * is written and the items keep their values. */
gboolean           annex_scope_version_approve           (AnnexRegister     *versions,
                                                          AnnexScopeVersion *draft,
                                                          const char        *approved_by,
                                                          const char        *approved_on,
                                                          const char        *in_force_from,
                                                          GError           **error);

G_END_DECLS
