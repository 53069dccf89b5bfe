/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-controls-view.h: the Controls view: the controls and the Statement of Applicability
 * (with its summary bar and completeness warnings), and the requirements checklist of clauses
 * 4–10, each on a register page; plus the pure texts behind them. */

#pragma once

#include <adwaita.h>

#include "annex-control.h"
#include "annex-paged-view.h"
#include "annex-register-page.h"
#include "annex-requirement.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_CONTROLS_VIEW (annex_controls_view_get_type ())
G_DECLARE_FINAL_TYPE (AnnexControlsView, annex_controls_view, ANNEX, CONTROLS_VIEW, GtkWidget)

/* Properties: "control-register", "requirement-register" (AnnexRegister, may be NULL),
 * "action-register" (AnnexRegister of actions, may be NULL: the open actions that count as a
 * control's implementation plan), "visible-page" ("controls" or "requirements").
 * Signal "add-toast" (AdwToast *toast): as AnnexRegisterPage's, for both pages.
 * The two pages sit in an AdwViewStack; the view is an AnnexPagedView: its switcher lives in the
 * window's header bar and, when that is too narrow, in the view's bottom bar. */

GtkWidget         *annex_controls_view_new                  (void);

void               annex_controls_view_set_registers        (AnnexControlsView *self,
                                                             AnnexRegister     *controls,
                                                             AnnexRegister     *requirements,
                                                             AnnexRegister     *actions);
AnnexRegister     *annex_controls_view_get_control_register (AnnexControlsView *self);
AnnexRegister     *annex_controls_view_get_requirement_register (AnnexControlsView *self);

AnnexRegisterPage *annex_controls_view_get_controls_page    (AnnexControlsView *self);
AnnexRegisterPage *annex_controls_view_get_requirements_page (AnnexControlsView *self);
/* "controls" or "requirements". */
const char        *annex_controls_view_get_visible_page     (AnnexControlsView *self);
void               annex_controls_view_set_visible_page     (AnnexControlsView *self,
                                                             const char        *name);

/* The risk register (may be NULL): the control editor lists the risks linked to the control
 * (an AnnexLinkSection, returned by annex_controls_view_get_risks_section()). */
void               annex_controls_view_set_risk_register    (AnnexControlsView *self,
                                                             AnnexRegister     *risks);
GtkWidget         *annex_controls_view_get_risks_section    (AnnexControlsView *self);

/* Recomputes the open actions behind each control's completeness and the summary bar now
 * (it otherwise follows the workspace's changes at the next idle). */
void               annex_controls_view_update               (AnnexControlsView *self);
/* The summary bar's two lines as plain text (for tests). */
char              *annex_controls_view_dup_summary_text     (AnnexControlsView *self);

/* The parts of the summary bar; a part's name is the link it is in the bar. */
typedef enum
{
  ANNEX_SOA_PART_APPLICABLE,
  ANNEX_SOA_PART_EXCLUDED,
  ANNEX_SOA_PART_UNDECIDED,
  ANNEX_SOA_PART_IMPLEMENTED,
  ANNEX_SOA_PART_NO_REASON,
  ANNEX_SOA_PART_NO_JUSTIFICATION,
  ANNEX_SOA_PART_NO_PLAN,
} AnnexSoaPart;

#define ANNEX_SOA_N_PARTS 7

/* "61 applicable", "5 without a reason"… */
char              *annex_soa_format_part                    (AnnexSoaPart           part,
                                                             guint                  n);
/* "applicable", "no-reason"…; the link names of the summary bar. */
const char        *annex_soa_part_get_name                  (AnnexSoaPart           part);
gboolean           annex_soa_part_from_name                 (const char            *name,
                                                             AnnexSoaPart          *part);
/* The decisions line: "61 applicable · 12 excluded · 20 undecided · 34 implemented". With
 * @markup, each part is a link (<a href="applicable">…</a>), except parts that count 0. */
char              *annex_soa_format_summary                 (const AnnexSoaSummary *summary,
                                                             gboolean               markup);
/* The gaps line: "5 without a reason · 2 without a justification · 9 without a plan", leaving
 * out the parts that count 0; NULL when there is no gap. */
char              *annex_soa_format_gaps                    (const AnnexSoaSummary *summary,
                                                             gboolean               markup);
/* The tooltip of a control's warning icon: one plain sentence per gap among @issues
 * (no reason, no justification, no plan; an undecided control is not a gap yet), NULL when none
 * of them. */
char              *annex_control_format_issues              (AnnexControlIssues     issues);

/* The info items the editor shows with a control (guidance, theme, "New in 2022", the five
 * attributes, the 2013 ids) or a requirement (summary, documented information). */
GPtrArray         *annex_control_dup_info                   (AnnexControl          *control);
GPtrArray         *annex_requirement_dup_info               (AnnexRequirement      *requirement);
/* Which editor rows a control shows: an Annex A control's catalogue title, theme and
 * description are not edited; the reasons for inclusion only when applicable, the justification
 * only when excluded. */
gboolean           annex_control_field_visible              (AnnexRecord           *record,
                                                             const AnnexField      *field,
                                                             gpointer               user_data);

/* The editor section of a control's field: "Decision" (applicability, justification), "Reasons
 * for Inclusion", "Implementation"; NULL for the rest. */
const char        *annex_control_field_group                (const AnnexField      *field,
                                                             gpointer               user_data);

G_END_DECLS
