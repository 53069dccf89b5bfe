/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-audit-programme.h: the audit programme (clause 9.2.2) over a certification cycle: the
 * cycle's audits by month, the coverage of clauses 4–10 and Annex A by those audits, and the
 * programme's warnings. A snapshot computed from the workspace; compute it again when the
 * audits, their links, the controls or the cycle setting change. */

#pragma once

#include <gio/gio.h>

#include "annex-audit.h"
#include "annex-database.h"

G_BEGIN_DECLS

/* Workspace settings: the first calendar year of the cycle ("2025"), and its length in years
 * ("3"; 1 … 10). Unset or invalid: the current year (local date), three years. */
#define ANNEX_AUDIT_CYCLE_START_SETTING  "audit-cycle-start"
#define ANNEX_AUDIT_CYCLE_YEARS_SETTING  "audit-cycle-years"
#define ANNEX_AUDIT_CYCLE_DEFAULT_YEARS  3

/* The cycle's first year and length as stored (or the defaults above). */
guint     annex_audit_cycle_get_start_year (AnnexDatabase  *db);
guint     annex_audit_cycle_get_years      (AnnexDatabase  *db);
/* Stores the cycle (recorded in the change history). @start_year 1900 … 9999, @years 1 … 10
 * (INVALID otherwise). */
gboolean  annex_audit_cycle_set            (AnnexDatabase  *db,
                                            guint           start_year,
                                            guint           years,
                                            GError        **error);

/**
 * AnnexCoverageKind:
 * @ANNEX_COVERAGE_CLAUSE: a main clause 4 … 10: covered when the audit samples one of its
 *   requirement rows
 * @ANNEX_COVERAGE_REQUIREMENT: one requirement row ("9.2.1"), sampled through a link to it
 * @ANNEX_COVERAGE_THEME: an Annex A theme: covered when the audit samples one of its controls
 * @ANNEX_COVERAGE_CONTROL: one control (Annex A or organization-specific)
 */
typedef enum
{
  ANNEX_COVERAGE_CLAUSE,
  ANNEX_COVERAGE_REQUIREMENT,
  ANNEX_COVERAGE_THEME,
  ANNEX_COVERAGE_CONTROL,
} AnnexCoverageKind;

/**
 * AnnexCoverageRow:
 * @kind: what the row is
 * @id: the clause id ("4", "9.2.1"), the theme nick ("people") or the control reference
 * @title: the title to show, translated ("Context of the organization", "People controls",
 *   "Access control")
 * @parent: for a requirement row, the index of its main clause's row; for a control row, the
 *   index of its theme's row (organization-specific controls without a theme: -1); -1 for main
 *   clauses and themes
 * @expected: whether the cycle must cover it: every clause and requirement row, an applicable
 *   control, a theme with at least one applicable control
 * @n_covering: the number of the cycle's audits that cover it
 *
 * One row of the coverage matrix. Rows come in display order: the main clauses, each followed
 * by its requirement rows, then the themes, each followed by its controls.
 */
typedef struct
{
  AnnexCoverageKind  kind;
  const char        *id;
  const char        *title;
  int                parent;
  gboolean           expected;
  guint              n_covering;
} AnnexCoverageRow;

/**
 * AnnexProgrammeWarningKind:
 * @ANNEX_PROGRAMME_WARNING_CLAUSE_NOT_COVERED: requirement rows of a main clause are not sampled
 *   by any audit of the cycle (one warning per main clause; @subject is the clause id)
 * @ANNEX_PROGRAMME_WARNING_CONTROLS_NOT_COVERED: applicable controls of a theme are not sampled
 *   by any audit of the cycle (one warning per theme; @subject is the theme nick)
 * @ANNEX_PROGRAMME_WARNING_NO_RECENT_INTERNAL_AUDIT: no internal audit was done in the twelve
 *   months up to today (annex_audit_get_done_date()); @subject is NULL
 * @ANNEX_PROGRAMME_WARNING_AUDIT_OVERDUE: an audit (of any cycle) is overdue
 *   (annex_audit_is_overdue_on()); @subject is its reference, @audit_id its id
 */
typedef enum
{
  ANNEX_PROGRAMME_WARNING_CLAUSE_NOT_COVERED,
  ANNEX_PROGRAMME_WARNING_CONTROLS_NOT_COVERED,
  ANNEX_PROGRAMME_WARNING_NO_RECENT_INTERNAL_AUDIT,
  ANNEX_PROGRAMME_WARNING_AUDIT_OVERDUE,
} AnnexProgrammeWarningKind;

/**
 * AnnexProgrammeWarning:
 * @kind: what is wrong
 * @subject: see #AnnexProgrammeWarningKind
 * @audit_id: the audit concerned (AUDIT_OVERDUE), else 0
 * @message: one sentence in plain language, translated ("Clause 9 (Performance evaluation) is
 *   not fully audited in this cycle: 9.1 and 9.3.2 are not sampled.")
 */
typedef struct
{
  AnnexProgrammeWarningKind  kind;
  char                      *subject;
  gint64                     audit_id;
  char                      *message;
} AnnexProgrammeWarning;

#define ANNEX_TYPE_AUDIT_PROGRAMME (annex_audit_programme_get_type ())
G_DECLARE_FINAL_TYPE (AnnexAuditProgramme, annex_audit_programme, ANNEX, AUDIT_PROGRAMME, GObject)

AnnexAuditProgramme *annex_audit_programme_new       (void);

/* Computes the programme relative to @today ("YYYY-MM-DD"; NULL: the local date now): the cycle
 * from the workspace settings, its audits among @audits (a list model of AnnexAudit, e.g. the
 * audit register: those whose annex_audit_get_date() falls in the cycle, by date then
 * reference), their links to requirement rows and controls, the controls' applicability and
 * themes as stored, and the warnings. Replaces what was computed before; on error the programme
 * is left empty. */
gboolean      annex_audit_programme_compute          (AnnexAuditProgramme  *self,
                                                      AnnexDatabase        *db,
                                                      GListModel           *audits,
                                                      const char           *today,
                                                      GError              **error);

guint         annex_audit_programme_get_start_year   (AnnexAuditProgramme  *self);
guint         annex_audit_programme_get_years        (AnnexAuditProgramme  *self);
/* Months of the cycle (12 × years); month 0 is January of the start year. */
guint         annex_audit_programme_get_n_months     (AnnexAuditProgramme  *self);
/* The first and last day of the cycle ("2025-01-01", "2027-12-31"). */
const char   *annex_audit_programme_get_first_day    (AnnexAuditProgramme  *self);
const char   *annex_audit_programme_get_last_day     (AnnexAuditProgramme  *self);

/* The audits of the cycle (the columns of the matrix), in date order. Borrowed; an item is an
 * AnnexAudit of the @audits model given to compute(). */
guint         annex_audit_programme_get_n_audits     (AnnexAuditProgramme  *self);
AnnexAudit   *annex_audit_programme_get_audit        (AnnexAuditProgramme  *self,
                                                      guint                 index);
/* The months of the cycle the audit at @index spans, for the timeline: from its start (actual,
 * else planned; else its end) to its end (actual, else planned; else its start), clamped to the
 * cycle, as month indexes (0 … n_months - 1). */
void          annex_audit_programme_get_audit_months (AnnexAuditProgramme  *self,
                                                      guint                 index,
                                                      guint                *out_first,
                                                      guint                *out_last);
/* The audits of the cycle that fall in month @month (start month ≤ @month ≤ end month), as
 * indexes into the audits above; an array of guint. */
GArray       *annex_audit_programme_dup_audits_in_month (AnnexAuditProgramme *self,
                                                         guint               month);

/* The rows of the coverage matrix (borrowed, valid until the next compute()). */
const AnnexCoverageRow *annex_audit_programme_get_rows (AnnexAuditProgramme *self,
                                                        guint               *n_rows);
/* Whether the audit at @audit_index covers the row at @row_index. */
gboolean      annex_audit_programme_covers           (AnnexAuditProgramme  *self,
                                                      guint                 row_index,
                                                      guint                 audit_index);
/* An expected row no audit of the cycle covers. */
gboolean      annex_audit_programme_row_is_gap       (AnnexAuditProgramme  *self,
                                                      guint                 row_index);

/* The warnings (borrowed, valid until the next compute()), in the order: overdue audits, no
 * recent internal audit, clauses, themes. */
const AnnexProgrammeWarning *annex_audit_programme_get_warnings (AnnexAuditProgramme *self,
                                                                 guint              *n_warnings);

G_END_DECLS
