/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-readiness.h: how ready a workspace is for certification — a score made of weighted parts
 * and the readiness checks, consistency rules over the whole workspace, each finding naming the
 * records it concerns. Computed from the stored workspace in one read transaction; nothing is
 * written. Used by the Overview view and by `annex check FILE`. */

#pragma once

#include <glib-object.h>

#include "annex-database.h"

G_BEGIN_DECLS

/* The rule ids are stable (tests, `annex check` output and scripts use them). Every rule is one
 * function in annex-readiness.c, unit-tested on fixtures (positive and negative). */
#define ANNEX_CHECK_RISK_UNTREATED            "risk-untreated"             /* residual (or, when not
                                                                            * assessed, inherent) level above the acceptance threshold and
                                                                            * treatment empty or no treatment action and not retained */
#define ANNEX_CHECK_RISK_RETAINED_UNACCEPTED  "risk-retained-unaccepted"   /* retained above threshold, no acceptance */
#define ANNEX_CHECK_RISK_ACCEPTANCE_EXPIRED   "risk-acceptance-expired"    /* acceptance "until" before today */
#define ANNEX_CHECK_RISK_REVIEW_OVERDUE       "risk-review-overdue"        /* next review before today, risk not closed */
#define ANNEX_CHECK_CONTROL_NO_REASON         "control-no-reason"          /* applicable, no reason ticked */
#define ANNEX_CHECK_CONTROL_NO_JUSTIFICATION  "control-no-justification"   /* excluded, justification empty */
#define ANNEX_CHECK_CONTROL_UNDECIDED         "control-undecided"          /* SoA decision not made */
#define ANNEX_CHECK_CONTROL_CHOSEN_EXCLUDED   "control-chosen-not-applicable" /* linked from a risk but excluded */
#define ANNEX_CHECK_ACTION_OVERDUE            "action-overdue"             /* due before today, not done/cancelled */
#define ANNEX_CHECK_NC_NO_ROOT_CAUSE          "nonconformity-no-root-cause" /* past "new"/"open" triage or closed without root cause */
#define ANNEX_CHECK_NC_NO_EFFECTIVENESS       "nonconformity-no-effectiveness" /* closed without an effectiveness check */
#define ANNEX_CHECK_NO_RECENT_AUDIT           "no-recent-audit"            /* no internal audit completed in the last 12 months */
#define ANNEX_CHECK_NO_RECENT_REVIEW          "no-recent-review"           /* no management review signed off in the last 12 months */
#define ANNEX_CHECK_SCOPE_NOT_APPROVED        "scope-not-approved"         /* no approved scope version in force */
#define ANNEX_CHECK_CLIMATE_NOT_CONSIDERED    "climate-not-considered"     /* climate-change question unanswered */
#define ANNEX_CHECK_REQUIREMENT_NO_EVIDENCE   "requirement-no-evidence"    /* clause requirement "done" without evidence,
                                                                            * or not done */
#define ANNEX_CHECK_NO_RISK_METHOD            "no-risk-method"             /* risk method never set or malformed */
#define ANNEX_CHECK_POLICY_MISSING            "policy-missing"             /* no approved information security policy */

typedef enum
{
  ANNEX_CHECK_SEVERITY_WARNING,  /* an auditor would ask about it */
  ANNEX_CHECK_SEVERITY_ERROR,    /* an auditor would raise a nonconformity */
} AnnexCheckSeverity;

/* One record a finding concerns: its register table ("risks", "controls"…, one of
 * annex_database_get_register_tables()), id and reference ("R-004", "5.15"). A finding about
 * the workspace as a whole (no audit in 12 months) concerns no record. */
typedef struct
{
  char   *table;
  gint64  id;
  char   *reference;
} AnnexCheckRecord;

/* One failed rule: the rule id, severity, a translated title ("Risks above the acceptance
 * threshold without treatment"), a translated plain-language explanation of why it matters and
 * what to do ("An auditor will ask how…; choose a treatment or record an acceptance."), the
 * sidebar view to fix it in ("risks", "controls", "audits"…, see annex-window.c view_names) and
 * the records concerned (an array of AnnexCheckRecord, possibly empty), in reference order. */
typedef struct
{
  const char         *rule;
  AnnexCheckSeverity  severity;
  char               *title;
  char               *explanation;
  const char         *view;
  GArray             *records;   /* of AnnexCheckRecord, with a clear func */
} AnnexCheckFinding;

#define ANNEX_TYPE_CHECK_FINDING (annex_check_finding_get_type ())
GType              annex_check_finding_get_type (void) G_GNUC_CONST;
AnnexCheckFinding *annex_check_finding_copy     (const AnnexCheckFinding *finding);
void               annex_check_finding_free     (AnnexCheckFinding       *finding);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnnexCheckFinding, annex_check_finding_free)

/* The parts of the readiness score, in display order. */
typedef enum
{
  ANNEX_READINESS_PART_CLAUSES,      /* clause 4–10 requirements done (with evidence) / all */
  ANNEX_READINESS_PART_SOA,          /* Annex A controls with a complete SoA decision / 93 */
  ANNEX_READINESS_PART_IMPLEMENTED,  /* applicable controls implemented (partial counts half) */
  ANNEX_READINESS_PART_REGISTERS,    /* context in place: issues, parties, scope approved, risk
                                      * method set, risks assessed (residual level set) — 5 items */
  ANNEX_READINESS_PART_AUDIT,        /* an internal audit completed in the last 12 months: 0 or 1 */
  ANNEX_READINESS_PART_REVIEW,       /* a management review signed off in the last 12 months */
  ANNEX_READINESS_N_PARTS
} AnnexReadinessPart;

typedef struct
{
  AnnexReadinessPart part;
  const char        *title;   /* translated ("Clause requirements") */
  guint              done;
  guint              total;   /* 0 only when nothing applies (the part then counts as 0 %) */
  guint              weight;  /* percent points of the score: 30 20 25 15 5 5 */
} AnnexReadinessPartScore;

/* Everything the Overview shows besides the heat map, read in one go. */
typedef struct
{
  guint                    score;              /* 0–100: Σ weight × done / total, rounded */
  AnnexReadinessPartScore  parts[ANNEX_READINESS_N_PARTS];
  /* SoA progress per Annex A theme (AnnexControlTheme order): decided / total and implemented
   * / applicable */
  guint                    theme_decided[4];
  guint                    theme_total[4];
  guint                    theme_implemented[4];
  guint                    theme_applicable[4];
  guint                    nonconformities_open;
  guint                    actions_overdue;
  guint                    actions_open;
  char                    *next_audit_reference;  /* the earliest planned, not completed audit, or NULL */
  char                    *next_audit_title;
  char                    *next_audit_date;       /* ISO date or NULL */
  char                    *next_review_date;      /* from the last signed-off review + interval
                                                   * setting, or the earliest planned review; NULL
                                                   * when none can be known */
  GPtrArray               *findings;              /* of AnnexCheckFinding, errors first, then by rule order */
} AnnexReadiness;

AnnexReadiness *annex_readiness_compute (AnnexDatabase  *db,
                                         const char     *today,   /* ISO date; NULL: today (UTC) */
                                         GError        **error);
void            annex_readiness_free    (AnnexReadiness *readiness);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnnexReadiness, annex_readiness_free)

/* Only the checks (what `annex check` prints), in the same order. */
GPtrArray      *annex_readiness_run_checks (AnnexDatabase  *db,
                                            const char     *today,
                                            GError        **error);

/* The finding of @rule in @findings, or NULL (for tests and the sample organizations). */
const AnnexCheckFinding *annex_readiness_find (GPtrArray  *findings,
                                               const char *rule);

G_END_DECLS
