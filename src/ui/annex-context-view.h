/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-context-view.h: the Context view (clause 4): the issues with the climate-change question,
 * the interested parties with their requirements, and the versioned scope, each on its page. */

#pragma once

#include <adwaita.h>

#include "annex-context.h"
#include "annex-paged-view.h"
#include "annex-party-requirements-section.h"
#include "annex-register-page.h"
#include "annex-scope-page.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_CONTEXT_VIEW (annex_context_view_get_type ())
G_DECLARE_FINAL_TYPE (AnnexContextView, annex_context_view, ANNEX, CONTEXT_VIEW, GtkWidget)

/* Properties: "visible-page" ("issues", "parties" or "scope").
 * Signal "add-toast" (AdwToast *toast): as AnnexRegisterPage's, for every page.
 * The pages sit in an AdwViewStack; the view is an AnnexPagedView (its switcher lives in the
 * window's header bar, or in the view's bottom bar when that is too narrow). Each page starts
 * with a short guide (what the clause asks, an example). The issues page asks whether climate
 * change is a relevant issue until it is answered (annex-context.h), then shows the answer in
 * one line. */

GtkWidget         *annex_context_view_new              (void);

/* Any may be NULL (no workspace). @controls: the controls party requirements link to. */
void               annex_context_view_set_registers    (AnnexContextView *self,
                                                        AnnexRegister    *issues,
                                                        AnnexRegister    *parties,
                                                        AnnexRegister    *party_requirements,
                                                        AnnexRegister    *scope_versions,
                                                        AnnexRegister    *scope_exclusions,
                                                        AnnexRegister    *controls);

const char        *annex_context_view_get_visible_page (AnnexContextView *self);
void               annex_context_view_set_visible_page (AnnexContextView *self,
                                                        const char       *name);

AnnexRegisterPage *annex_context_view_get_issues_page  (AnnexContextView *self);
AnnexRegisterPage *annex_context_view_get_parties_page (AnnexContextView *self);
AnnexScopePage    *annex_context_view_get_scope_page   (AnnexContextView *self);
AnnexPartyRequirementsSection *annex_context_view_get_requirements_section (AnnexContextView *self);

/* Shows the record (@table, @id) of the view's registers: an issue or party in its page, a
 * party requirement in its party's editor, a scope version (or an exclusion's version) on the
 * scope page. FALSE when the table is not the view's or the record is not there. */
gboolean           annex_context_view_show_record      (AnnexContextView *self,
                                                        const char       *table,
                                                        gint64            id);

/* The climate-change question: the decision last shown, whether the question bar is shown, and
 * the one-line answer shown instead (NULL while unanswered). */
AnnexClimateDecision annex_context_view_get_climate_decision (AnnexContextView *self);
gboolean           annex_context_view_get_climate_question_visible (AnnexContextView *self);
const char        *annex_context_view_get_climate_answer (AnnexContextView *self);
/* "Record an Issue": adds an external, environmental issue about climate change and shows it in
 * the editor. Returns it (borrowed) or NULL after a toast. */
AnnexRecord       *annex_context_view_record_climate_issue (AnnexContextView *self);
/* "Not Relevant…": stores @note (NULL: withdraws the answer). */
gboolean           annex_context_view_set_climate_not_relevant (AnnexContextView  *self,
                                                                const char        *note,
                                                                GError           **error);

/* "Climate change is a relevant issue: IS-004 Heat in the server room", "Climate change is not
 * a relevant issue, because …"; NULL while unanswered. */
char              *annex_context_format_climate_answer (AnnexClimateDecision  decision,
                                                        AnnexIssue           *issue,
                                                        const char           *note);

G_END_DECLS
