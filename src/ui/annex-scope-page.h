/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-scope-page.h: the scope of the ISMS (clause 4.3) as a document: the version in force
 * read-only with its approval, the draft edited in place (saved as you type), its exclusions with
 * their justifications, approval, the list of versions and which version applied on a date. */

#pragma once

#include <adwaita.h>

#include "annex-register.h"
#include "annex-scope-version.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_SCOPE_PAGE (annex_scope_page_get_type ())
G_DECLARE_FINAL_TYPE (AnnexScopePage, annex_scope_page, ANNEX, SCOPE_PAGE, GtkWidget)

/* Properties: "versions" (AnnexRegister of AnnexScopeVersion), "exclusions" (AnnexRegister of
 * AnnexScopeExclusion), "version" (AnnexScopeVersion or NULL, read-only: the version shown; by
 * default the draft when there is one, else the version in force).
 * Signal "add-toast" (AdwToast *toast), lent for the emission.
 * Actions: "scope.new-draft", "scope.approve" (opens the approval dialog), "scope.show-draft",
 * "scope.show-current", "scope.add-exclusion". */

GtkWidget         *annex_scope_page_new             (void);

void               annex_scope_page_set_registers   (AnnexScopePage     *self,
                                                     AnnexRegister      *versions,
                                                     AnnexRegister      *exclusions);
AnnexRegister     *annex_scope_page_get_versions    (AnnexScopePage     *self);
AnnexRegister     *annex_scope_page_get_exclusions  (AnnexScopePage     *self);

AnnexScopeVersion *annex_scope_page_get_version     (AnnexScopePage     *self);
/* Shows @version (an item of the versions register; NULL: the default). */
void               annex_scope_page_show_version    (AnnexScopePage     *self,
                                                     AnnexScopeVersion  *version);
/* Shows the version that applied on @date ("YYYY-MM-DD"); FALSE (nothing changes) when none
 * did. */
gboolean           annex_scope_page_show_in_force_on (AnnexScopePage    *self,
                                                      const char        *date);
/* Whether the shown version's texts can be edited (it is the draft). */
gboolean           annex_scope_page_get_editable    (AnnexScopePage     *self);

/* Starts a new draft (a copy of the version in force) and shows it. */
gboolean           annex_scope_page_new_draft       (AnnexScopePage     *self,
                                                     GError            **error);
/* Approves the draft (writes pending edits first); what the approval dialog does. */
gboolean           annex_scope_page_approve         (AnnexScopePage     *self,
                                                     const char         *approved_by,
                                                     const char         *approved_on,
                                                     const char         *in_force_from,
                                                     GError            **error);
/* Opens the approval dialog (prefilled with today's date). Returns it (owned by GTK). */
GtkWindow         *annex_scope_page_open_approve_dialog (AnnexScopePage *self);

/* The one-line state of a version: "SC-002 · Approved by Dana Lee on 2026-03-01 · in force
 * from 2026-03-01", "SC-003 · Draft, not approved yet", "SC-001 · Superseded · approved by …". */
char              *annex_scope_version_format_state (AnnexScopeVersion  *version);
/* The state line of the version shown (for tests). */
const char        *annex_scope_page_get_state_text  (AnnexScopePage     *self);

G_END_DECLS
