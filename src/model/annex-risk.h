/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-risk.h: one risk of the risk register (6.1.2, 6.1.3, 8.2, 8.3): its assessment before and
 * after treatment, scored with the workspace's risk method, its treatment and the acceptance of
 * what remains. */

#pragma once

#include "annex-database.h"
#include "annex-record.h"
#include "annex-risk-method.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_RISK (annex_risk_get_type ())
G_DECLARE_FINAL_TYPE (AnnexRisk, annex_risk, ANNEX, RISK, AnnexRecord)

/* Fields (property name / column): "title" (required, list, searchable), "description" (long
 * text, searchable), "threat", "vulnerability" (long text, searchable), "owner" (list,
 * searchable), "category" (text, list, searchable), "inherent-likelihood",
 * "inherent-impact", "residual-likelihood", "residual-impact" (gint64 level numbers of the method:
 * 1 = lowest, 0 = not assessed), "treatment" (choice: modify, retain, avoid, share; may be empty
 * = not decided; list, filter), "accepted-by" (text), "accepted-on", "accepted-until" (dates),
 * "next-review" (date, list), "status" (choice: identified, assessed, treated, accepted, closed;
 * default identified; list, filter).
 * Table "risks", references "R-001".
 *
 * THE METHOD. Property "method" (AnnexRiskMethod, read-write, not a stored field): the method the
 * levels are computed with. AnnexRiskRegister (annex-risk-register.h) sets its current method on
 * every risk of its register as the risk is loaded or added, and sets the new one on all of them
 * when the method changes; a risk without a method (annex_risk_new(), or a plain AnnexRegister of
 * risks) uses the default 5 × 5 method. Setting a different method notifies every computed
 * property below.
 *
 * Computed, read-only properties (notified when the fields they follow or the method change):
 * "inherent-level", "residual-level" (gint: the risk level, 0 = not assessed),
 * "inherent-level-label", "residual-level-label" (the level's label, NULL when not assessed),
 * "inherent-level-color", "residual-level-color" ("#rrggbb", NULL when not assessed),
 * "inherent-likelihood-label", "inherent-impact-label", "residual-likelihood-label",
 * "residual-impact-label" (the scale labels of the method, NULL for 0),
 * "level" (gint: the residual level when the residual risk is assessed, else the inherent one:
 * what the risk stands at now; for sorting and the level filter), "level-label", "level-color",
 * "treatment-label", "status-label" (translated),
 * "needs-acceptance" (gboolean: "level" is above the method's threshold, so retaining the risk
 * needs an acceptance), "review-overdue" (gboolean: next review before today and status not
 * closed).
 *
 * RULES (validate, i.e. annex_register_add/save refuse with ANNEX_STORE_ERROR_INVALID and a
 * sentence the UI shows as it is):
 * - likelihoods and impacts within the method's scales;
 * - acceptance: with treatment "retain" and "level" above the threshold, "accepted-by" and
 *   "accepted-on" must be filled ("A residual risk above “Low” can only be retained when its owner
 *   accepts it: fill in Accepted by and Accepted on.") and "accepted-until", when set, must not be
 *   before "accepted-on". An acceptance that has run out is a warning
 *   (annex_risk_is_acceptance_expired_on()), not an error: the risk stays editable.
 *
 * REVIEW DATE DEFAULT: when a likelihood or impact changes, "level" is assessed (> 0) and
 * "next-review" is empty, "next-review" is set from today by the level: the method's highest
 * level in 3 months, the level below it in 6 months, every other level in 12 months
 * (annex_risk_dup_default_review_date()). A date the user set is never changed. */

AnnexRisk       *annex_risk_new                   (void);

/* The method set on @self, or the default method (never NULL; borrowed). */
AnnexRiskMethod *annex_risk_get_method            (AnnexRisk       *self);
/* @method may be NULL (back to the default). */
void             annex_risk_set_method            (AnnexRisk       *self,
                                                   AnnexRiskMethod *method);

const char      *annex_risk_get_title             (AnnexRisk       *self);
void             annex_risk_set_title             (AnnexRisk       *self,
                                                   const char      *title);
const char      *annex_risk_get_owner             (AnnexRisk       *self);
const char      *annex_risk_get_treatment         (AnnexRisk       *self);
const char      *annex_risk_get_status            (AnnexRisk       *self);
const char      *annex_risk_get_next_review       (AnnexRisk       *self);

guint            annex_risk_get_inherent_likelihood (AnnexRisk     *self);
guint            annex_risk_get_inherent_impact   (AnnexRisk       *self);
guint            annex_risk_get_residual_likelihood (AnnexRisk     *self);
guint            annex_risk_get_residual_impact   (AnnexRisk       *self);
/* Sets both values of the inherent (or residual) assessment (each notifies as a field). */
void             annex_risk_set_inherent          (AnnexRisk       *self,
                                                   guint            likelihood,
                                                   guint            impact);
void             annex_risk_set_residual          (AnnexRisk       *self,
                                                   guint            likelihood,
                                                   guint            impact);

/* Levels computed with annex_risk_get_method() (0 = not assessed). */
guint            annex_risk_get_inherent_level    (AnnexRisk       *self);
guint            annex_risk_get_residual_level    (AnnexRisk       *self);
/* The residual level when assessed, else the inherent level. */
guint            annex_risk_get_level             (AnnexRisk       *self);

/* The acceptance rule relative to @today ("YYYY-MM-DD"): a pure function for tests. */
gboolean         annex_risk_check_acceptance_on   (AnnexRisk       *self,
                                                   const char      *today,
                                                   GError         **error);
/* Retained above the threshold with "accepted-until" before @today. */
gboolean         annex_risk_is_acceptance_expired_on (AnnexRisk    *self,
                                                      const char   *today);
/* Next review before @today and status not closed. */
gboolean         annex_risk_is_review_overdue_on  (AnnexRisk       *self,
                                                   const char      *today);

/* The default next review date for a risk at @level of @method, counted from @today
 * ("YYYY-MM-DD"): see REVIEW DATE DEFAULT above. NULL when @level is 0. Free with g_free(). */
char            *annex_risk_dup_default_review_date (AnnexRiskMethod *method,
                                                   guint            level,
                                                   const char      *today);
/* The months of that rule for @level of @method (3, 6 or 12; 0 for level 0). */
guint            annex_risk_get_review_months     (AnnexRiskMethod *method,
                                                   guint            level);

/* The ids of the records of @to_table ("assets", "controls") linked from @self (saved);
 * NULL only on error. */
GArray          *annex_risk_dup_linked_ids        (AnnexRisk       *self,
                                                   AnnexDatabase   *db,
                                                   const char      *to_table,
                                                   GError         **error);

G_END_DECLS
