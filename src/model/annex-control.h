/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-control.h: one control of the Statement of Applicability: an Annex A control from the
 * catalogue or an organization-specific one, with its SoA decision and implementation. */

#pragma once

#include "annex-catalogue.h"
#include "annex-record.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_CONTROL (annex_control_get_type ())
G_DECLARE_FINAL_TYPE (AnnexControl, annex_control, ANNEX, CONTROL, AnnexRecord)

/* Table "controls". The reference is the control's id: "5.1" … "8.34" for Annex A (seeded by
 * the store's migration from the catalogue), an id the user chooses for an organization-specific
 * control ("ORG-1"; unique, set with annex_record_set_reference() before it is added).
 *
 * Fields (property / column):
 *   "catalogue"            choice: annex-a, custom (default custom; not editable)
 *   "theme"                choice: organizational, people, physical, technological (list)
 *   "title"                text, required, list, searchable (Annex A: the catalogue title)
 *   "description"          long text, searchable (organization-specific controls)
 *   "applicability"        choice: undecided, applicable, excluded (default undecided; list)
 *   "reason-risk" / reason_risk, "reason-legal", "reason-contractual", "reason-business",
 *   "reason-best-practice" bool: reasons for inclusion (6.1.3 d)
 *   "justification"        long text, searchable: why excluded
 *   "status"               choice: not-started, planned, partial, implemented (default
 *                          not-started; list)
 *   "owner"                text, list, searchable
 *   "target-date" / target_date        date
 *   "implementation-notes"             long text, searchable
 *   "evidence"             long text (notes, file paths or URLs), searchable
 *   "last-reviewed" / last_reviewed    date
 * Computed, read-only: "guidance" (translated, Annex A only), "issues" (AnnexControlIssues as
 * guint, updated when a field changes), "theme-label", "applicability-label", "status-label"
 * (translated). */

typedef enum /*< flags >*/
{
  ANNEX_CONTROL_ISSUE_NONE                  = 0,
  ANNEX_CONTROL_ISSUE_UNDECIDED             = 1 << 0,  /* no SoA decision yet */
  ANNEX_CONTROL_ISSUE_NO_REASON             = 1 << 1,  /* applicable, no reason for inclusion */
  ANNEX_CONTROL_ISSUE_NO_JUSTIFICATION      = 1 << 2,  /* excluded, no justification */
  ANNEX_CONTROL_ISSUE_NO_PLAN               = 1 << 3,  /* applicable, not implemented, neither a
                                                        * target date nor an open action */
} AnnexControlIssues;

AnnexControl                *annex_control_new                (void);

const char                  *annex_control_get_title          (AnnexControl *self);
gboolean                     annex_control_is_annex_a         (AnnexControl *self);
/* The catalogue entry (id, attributes, 2013 ids, guidance) of an Annex A control, else NULL. */
const AnnexCatalogueControl *annex_control_get_catalogue_entry (AnnexControl *self);
/* The attribute flags of @attribute (0 for organization-specific controls). */
guint                        annex_control_get_attribute_flags (AnnexControl            *self,
                                                                AnnexCatalogueAttribute  attribute);

/* The completeness issues of the control. @has_open_action tells whether an open action
 * (status open or in-progress) refers to the control (origin reference = its reference). */
AnnexControlIssues           annex_control_compute_issues     (AnnexControl *self,
                                                               gboolean      has_open_action);
/* The issues as last computed (the "issues" property); the register of controls recomputes them
 * against the actions with annex_control_set_has_open_action(). */
AnnexControlIssues           annex_control_get_issues         (AnnexControl *self);
void                         annex_control_set_has_open_action (AnnexControl *self,
                                                                gboolean      has_open_action);

/* Counts over a GListModel of AnnexControl, for the summary bar and `annex info`. */
typedef struct
{
  guint total;
  guint applicable;
  guint excluded;
  guint undecided;
  guint implemented;          /* applicable and implemented */
  guint no_reason;
  guint no_justification;
  guint no_plan;
} AnnexSoaSummary;

void                         annex_soa_summary_compute        (GListModel      *controls,
                                                               AnnexSoaSummary *summary);

G_END_DECLS
