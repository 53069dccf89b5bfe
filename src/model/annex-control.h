/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-control.h: one control of the Statement of Applicability: an Annex A control from the
 * catalogue or an organization-specific one, with its SoA decision and implementation. */

#pragma once

#include <gio/gio.h>

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
 *   "catalogue-id" / catalogue_id      int: the imported catalogue (AnnexControlCatalogue, table
 *                          "catalogues") of a control imported from OSCAL, 0 for none; read-only
 *                          (set by annex_oscal_import_catalog() only)
 * "theme", "applicability" and "status" carry ANNEX_FIELD_FLAG_FILTER; "catalogue" carries
 * ANNEX_FIELD_FLAG_READ_ONLY.
 * Computed, read-only: "display-title" (the title to show: for an Annex A control the catalogue
 * title translated, else "title"), "guidance" (translated, Annex A only), "is-annex-a"
 * (gboolean), "issues" (AnnexControlIssues as guint, updated when a field changes),
 * "has-open-action" (gboolean, see annex_control_set_has_open_action()), "theme-label",
 * "applicability-label", "status-label" (translated).
 *
 * "title" and "theme" of an Annex A control are the catalogue's and cannot be changed (saving
 * another value is refused with ANNEX_STORE_ERROR_INVALID), nor can "catalogue" (a read-only
 * field). Annex A controls cannot be added or deleted by the user (the register refuses with
 * ANNEX_STORE_ERROR_INVALID: "mark them as excluded instead"). Completeness is shown ("issues"),
 * never enforced when saving. The search (annex_record_matches()) also finds an Annex A control
 * by its translated title. */

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
/* The "display-title", "guidance" (NULL unless Annex A), "applicability" and "status" values. */
const char                  *annex_control_get_display_title  (AnnexControl *self);
const char                  *annex_control_get_guidance       (AnnexControl *self);
const char                  *annex_control_get_applicability  (AnnexControl *self);
const char                  *annex_control_get_status         (AnnexControl *self);
gboolean                     annex_control_is_annex_a         (AnnexControl *self);
/* The id of the imported catalogue the control belongs to (an AnnexControlCatalogue of the
 * "catalogues" register), 0 for Annex A and organization-specific controls. An imported control
 * is a "custom" control otherwise: its SoA decision, links and actions work as for any other. */
gint64                       annex_control_get_catalogue_id   (AnnexControl *self);
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
gboolean                     annex_control_get_has_open_action (AnnexControl *self);

/* Marks each control of @controls (AnnexControl items) whose reference is the origin reference
 * of an open or in-progress action of @actions (AnnexAction items) with
 * annex_control_set_has_open_action(), and clears the others. An origin reference matches when
 * it equals the control's reference once trimmed; "A.5.1" also matches the Annex A control 5.1.
 * Call it when either register changes (items-changed, or an action's "status" or
 * "origin-reference"). */
void                         annex_control_update_open_actions (GListModel  *controls,
                                                                GListModel  *actions);

/* What the controls view filters on, besides the text search (annex_record_matches()). Every
 * criterion must hold; each has an "any" value. Start from ANNEX_CONTROL_FILTER_INIT (or
 * annex_control_filter_init()), which matches every control. */
typedef struct
{
  int         theme;          /* an AnnexControlTheme, or -1: any */
  const char *applicability;  /* an "applicability" nick ("excluded"), or NULL: any */
  const char *status;         /* a "status" nick ("planned"), or NULL: any */
  int         attribute;      /* an AnnexCatalogueAttribute, or -1: any */
  guint       flag;           /* with @attribute: one or more flags of its vocabulary (e.g.
                               * ANNEX_OPERATIONAL_CAPABILITY_GOVERNANCE); the control must carry
                               * at least one of them (organization-specific controls carry
                               * none); 0: any */
  guint       issues;         /* AnnexControlIssues: the control must have at least one of them
                               * (as last computed, see annex_control_get_issues()); 0: any */
  gint64      catalogue;      /* ANNEX_CONTROL_CATALOGUE_ANY, _ANNEX_A, _CUSTOM (organization-
                               * specific, not imported), or the id (> 0) of an imported
                               * catalogue (annex_control_get_catalogue_id()) */
} AnnexControlFilter;

#define ANNEX_CONTROL_CATALOGUE_ANY     ((gint64) -1)
#define ANNEX_CONTROL_CATALOGUE_ANNEX_A ((gint64) -2)
#define ANNEX_CONTROL_CATALOGUE_CUSTOM  ((gint64) -3)

#define ANNEX_CONTROL_FILTER_INIT \
  { -1, NULL, NULL, -1, 0, ANNEX_CONTROL_ISSUE_NONE, ANNEX_CONTROL_CATALOGUE_ANY }

void                         annex_control_filter_init        (AnnexControlFilter       *filter);
gboolean                     annex_control_matches_filter     (AnnexControl             *self,
                                                               const AnnexControlFilter *filter);

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
