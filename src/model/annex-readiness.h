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
 * function in annex-readiness.c, unit-tested on fixtures (positive and negative). The rule order
 * is the order below. "The threshold" is the acceptance threshold of the risk method in force
 * (the setting, else the default method); a risk's level is its residual level when assessed,
 * else its inherent level (annex_risk_get_level()). Closed risks are never concerned. */
#define ANNEX_CHECK_RISK_UNTREATED            "risk-untreated"             /* error: level above the
                                                                            * threshold, not retained, and either no treatment chosen or no
                                                                            * treatment action (origin risk-treatment, origin reference = the
                                                                            * risk, not cancelled). Skipped when the method is malformed */
#define ANNEX_CHECK_RISK_RETAINED_UNACCEPTED  "risk-retained-unaccepted"   /* error: retained above the
                                                                            * threshold without "accepted by" or "accepted on" */
#define ANNEX_CHECK_RISK_ACCEPTANCE_EXPIRED   "risk-acceptance-expired"    /* warning: retained above the
                                                                            * threshold, "accepted until" before today */
#define ANNEX_CHECK_RISK_REVIEW_OVERDUE       "risk-review-overdue"        /* warning: next review before today */
#define ANNEX_CHECK_CONTROL_NO_REASON         "control-no-reason"          /* error: applicable, no reason ticked */
#define ANNEX_CHECK_CONTROL_NO_JUSTIFICATION  "control-no-justification"   /* error: excluded, justification blank */
#define ANNEX_CHECK_CONTROL_UNDECIDED         "control-undecided"          /* error: SoA decision not made
                                                                            * (Annex A and organization-specific) */
#define ANNEX_CHECK_CONTROL_CHOSEN_EXCLUDED   "control-chosen-not-applicable" /* error: excluded, yet linked
                                                                            * from a risk (annex-links.h) that is not closed */
#define ANNEX_CHECK_ACTION_OVERDUE            "action-overdue"             /* warning: due before today, open
                                                                            * or in progress */
#define ANNEX_CHECK_NC_NO_ROOT_CAUSE          "nonconformity-no-root-cause" /* warning: past "open" (actions
                                                                            * planned, awaiting the check, closed) without a root cause */
#define ANNEX_CHECK_NC_NO_EFFECTIVENESS       "nonconformity-no-effectiveness" /* error: closed without what
                                                                            * the model asks before closing: result effective, check date, by */
#define ANNEX_CHECK_NO_RECENT_AUDIT           "no-recent-audit"            /* error: no internal audit done
                                                                            * (annex_audit_get_done_date()) between today − 12 months and today.
                                                                            * No records */
#define ANNEX_CHECK_NO_RECENT_REVIEW          "no-recent-review"           /* error: no management review
                                                                            * signed off whose meeting (actual date) lies in that window. No
                                                                            * records */
#define ANNEX_CHECK_SCOPE_NOT_APPROVED        "scope-not-approved"         /* error: no approved scope version
                                                                            * in force today; records: the draft (and an approved version not
                                                                            * in force yet) */
#define ANNEX_CHECK_CLIMATE_NOT_CONSIDERED    "climate-not-considered"     /* warning: climate-change question
                                                                            * unanswered (annex_context_get_climate_decision()). No records */
#define ANNEX_CHECK_REQUIREMENT_NO_EVIDENCE   "requirement-no-evidence"    /* warning: clause requirement not
                                                                            * done, or done without evidence: neither an evidence note nor a
                                                                            * document (not withdrawn) that serves the clause */
#define ANNEX_CHECK_NO_RISK_METHOD            "no-risk-method"             /* error: risk method never set or
                                                                            * malformed. No records */
#define ANNEX_CHECK_POLICY_MISSING            "policy-missing"             /* error: no approved document marked
                                                                            * as the information security policy; records: those marked (not
                                                                            * withdrawn) that wait for approval */

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

/* The parts of the readiness score, in display order, and how each counts (done / total). */
typedef enum
{
  ANNEX_READINESS_PART_CLAUSES,      /* clause 4–10 requirements done with evidence (as for
                                      * "requirement-no-evidence") / all requirements */
  ANNEX_READINESS_PART_SOA,          /* Annex A controls with a complete SoA decision (applicable
                                      * with a reason, or excluded with a justification) / all
                                      * Annex A controls (93) */
  ANNEX_READINESS_PART_IMPLEMENTED,  /* of the applicable controls (Annex A and organization-
                                      * specific): implemented ones + half the partially
                                      * implemented ones (rounded down) / applicable ones */
  ANNEX_READINESS_PART_REGISTERS,    /* 5 items, one each: an issue that is not closed, an
                                      * interested party, a scope in force, a risk method set (and
                                      * valid), risks assessed (at least one risk not closed, and
                                      * every risk not closed with its residual level) */
  ANNEX_READINESS_PART_AUDIT,        /* an internal audit done in the last 12 months: 0 or 1 / 1 */
  ANNEX_READINESS_PART_REVIEW,       /* a management review signed off in the last 12 months:
                                      * 0 or 1 / 1 */
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
  guint                    score;              /* 0–100: Σ weight × done / total (parts with
                                                * total 0 add nothing), rounded to nearest */
  AnnexReadinessPartScore  parts[ANNEX_READINESS_N_PARTS];
  /* SoA progress per Annex A theme (AnnexControlTheme order), over every control with that
   * theme (Annex A and organization-specific): decided (applicable or excluded) / total and
   * implemented / applicable */
  guint                    theme_decided[4];
  guint                    theme_total[4];
  guint                    theme_implemented[4];
  guint                    theme_applicable[4];
  guint                    nonconformities_open;  /* status not closed */
  guint                    actions_overdue;       /* open or in progress, due before today */
  guint                    actions_open;          /* open or in progress */
  char                    *next_audit_reference;  /* of the audits planned, in preparation or in
                                                   * progress, the earliest planned start (else
                                                   * planned end; undated last), or NULL */
  char                    *next_audit_title;
  char                    *next_audit_date;       /* ISO date or NULL */
  char                    *next_review_date;      /* the earliest planned date of a review not
                                                   * held yet, else the last signed-off review's
                                                   * date + the interval setting; NULL when none
                                                   * can be known */
  GPtrArray               *findings;              /* of AnnexCheckFinding, errors first, then by rule order */
  gint64                   next_audit_id;         /* the next audit's record id (to open it), or 0
                                                   * when there is none */
} AnnexReadiness;

/* Reads everything in one transaction (a snapshot on a read-only connection; nested in the
 * caller's transaction when there is one) with aggregate and filtered queries, never loading a
 * register: suited to a worker thread with its own read-only connection. A @today that is not a
 * date: ANNEX_STORE_ERROR_INVALID. Nothing is written. */
AnnexReadiness *annex_readiness_compute (AnnexDatabase  *db,
                                         const char     *today,   /* ISO date; NULL: today (local date) */
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
