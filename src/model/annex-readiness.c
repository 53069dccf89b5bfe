/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-readiness.c: the readiness score and the readiness checks, computed with aggregate and
 * filtered SQL queries over the stored workspace in one read transaction, so that a workspace
 * of 100,000 risks is checked without loading any register. */

#define G_LOG_DOMAIN "annex-readiness"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "annex-catalogue.h"
#include "annex-context.h"
#include "annex-document.h"
#include "annex-field.h"
#include "annex-readiness.h"
#include "annex-review.h"
#include "annex-risk-method.h"
#include "annex-store-error.h"

/* The rules answered by scan_risks(), in the order of its flag columns. */
typedef enum
{
  RISK_RULE_UNTREATED,
  RISK_RULE_RETAINED_UNACCEPTED,
  RISK_RULE_ACCEPTANCE_EXPIRED,
  RISK_RULE_REVIEW_OVERDUE,
  N_RISK_RULES
} RiskRule;

/* What every rule may need, worked out once per run. The SQL of the rules binds these by name
 * (:today, :year_ago, :above, :valid), whichever it uses. */
typedef struct
{
  AnnexDatabase   *db;
  const char      *today;          /* "YYYY-MM-DD" */
  char            *year_ago;       /* today minus 12 months, "YYYY-MM-DD" */
  AnnexRiskMethod *method;         /* the method in force; NULL when the setting is malformed */
  gboolean         method_set;     /* the setting exists and parses */
  /* The grid as two bit sets, one bit per cell (likelihood L, impact I) at (L - 1) × 7 + I - 1
   * (ANNEX_RISK_METHOD_MAX_LEVELS = 7, so 49 bits): the cells of the method (a level is set) and
   * the cells whose level lies above the acceptance threshold. One query then tells, for every
   * risk, whether its level is above the threshold, whatever the method's size. */
  gint64           valid_cells;
  gint64           above_cells;
  /* The four risk rules and the "risks assessed" part of the score share one pass over the risk
   * table (scan_risks()), which is the largest table by far: its results wait here. */
  gboolean         risks_scanned;
  GArray          *risk_records[N_RISK_RULES];  /* of AnnexCheckRecord */
  gint64           n_open_risks;     /* not closed */
  gint64           n_unassessed;     /* not closed, residual level not assessed */
} CheckContext;

G_STATIC_ASSERT (ANNEX_RISK_METHOD_MAX_LEVELS * ANNEX_RISK_METHOD_MAX_LEVELS < 63);

/* SQL fragments. The grid's width (7) is ANNEX_RISK_METHOD_MAX_LEVELS. */
#define GRID_CELL(l, i) "((" l " - 1) * 7 + " i " - 1)"
#define IN_GRID(l, i) "(" l " BETWEEN 1 AND 7 AND " i " BETWEEN 1 AND 7)"
/* The level of a risk is its residual level when that is assessed, else its inherent level
 * (annex_risk_get_level()); this is TRUE when that level lies above the threshold. */
#define RISK_ABOVE_THRESHOLD \
  "(CASE WHEN " IN_GRID ("residual_likelihood", "residual_impact") \
  "       AND (:valid >> " GRID_CELL ("residual_likelihood", "residual_impact") ") & 1" \
  "      THEN (:above >> " GRID_CELL ("residual_likelihood", "residual_impact") ") & 1" \
  "      ELSE " IN_GRID ("inherent_likelihood", "inherent_impact") \
  "       AND (:above >> " GRID_CELL ("inherent_likelihood", "inherent_impact") ") & 1" \
  " END)"
/* The residual level is assessed (a cell of the method). */
#define RISK_RESIDUAL_ASSESSED \
  "(" IN_GRID ("residual_likelihood", "residual_impact") \
  " AND (:valid >> " GRID_CELL ("residual_likelihood", "residual_impact") ") & 1)"
/* NULL, empty or only white space, like annex_field_text_is_blank(). */
#define BLANK(column) "(trim(coalesce(" column ", ''), ' ' || char(9, 10, 11, 12, 13)) = '')"
/* A stored date (dates are validated when saved; this keeps stray text out of comparisons). */
#define IS_DATE(column) "(coalesce(" column ", '') GLOB " \
  "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')"
/* Evidence of a clause requirement: its evidence note, or a document (not withdrawn) that serves
 * the clause (annex-document.h: a link from "documents" to "requirements"). */
#define REQUIREMENT_HAS_EVIDENCE \
  "(NOT " BLANK ("q.evidence") " OR EXISTS (SELECT 1 FROM links l JOIN documents d " \
  "   ON d.id = l.from_id AND l.from_table = 'documents' " \
  " WHERE l.to_table = 'requirements' AND l.to_id = q.id AND d.status <> 'withdrawn'))"
/* When an audit counts as done (annex_audit_get_done_date()). */
#define AUDIT_DONE_DATE \
  "(CASE WHEN NOT " BLANK ("actual_end") " THEN actual_end" \
  "      WHEN status IN ('reported', 'closed')" \
  "      THEN coalesce (nullif (trim (actual_start), ''), nullif (trim (planned_end), '')," \
  "                     nullif (trim (planned_start), ''))" \
  " END)"

/* ---- Findings ------------------------------------------------------------------------------ */

G_DEFINE_BOXED_TYPE (AnnexCheckFinding, annex_check_finding,
                     annex_check_finding_copy, annex_check_finding_free)

static void
clear_check_record (gpointer data)
{
  AnnexCheckRecord *record = data;

  g_clear_pointer (&record->table, g_free);
  g_clear_pointer (&record->reference, g_free);
}

static GArray *
new_record_array (void)
{
  GArray *records = g_array_new (FALSE, TRUE, sizeof (AnnexCheckRecord));

  g_array_set_clear_func (records, clear_check_record);
  return records;
}

AnnexCheckFinding *
annex_check_finding_copy (const AnnexCheckFinding *finding)
{
  AnnexCheckFinding *copy;

  g_return_val_if_fail (finding != NULL, NULL);

  copy = g_new0 (AnnexCheckFinding, 1);
  copy->rule = finding->rule;
  copy->severity = finding->severity;
  copy->title = g_strdup (finding->title);
  copy->explanation = g_strdup (finding->explanation);
  copy->view = finding->view;
  copy->records = new_record_array ();
  for (guint i = 0; finding->records != NULL && i < finding->records->len; i++)
    {
      const AnnexCheckRecord *record = &g_array_index (finding->records, AnnexCheckRecord, i);
      AnnexCheckRecord record_copy = {
        g_strdup (record->table), record->id, g_strdup (record->reference)
      };

      g_array_append_val (copy->records, record_copy);
    }

  return copy;
}

void
annex_check_finding_free (AnnexCheckFinding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->title);
  g_free (finding->explanation);
  g_clear_pointer (&finding->records, g_array_unref);
  g_free (finding);
}

/* Natural order of references: "R-9" before "R-10", "5.2" before "5.10"; letters ignoring case.
 * The same order as the register lists'. */
static int
compare_references (const char *a,
                    const char *b)
{
  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          const char *da = a, *db = b;
          gsize la, lb;
          int cmp;

          while (*da == '0')
            da++;
          while (*db == '0')
            db++;
          for (la = 0; g_ascii_isdigit (da[la]); la++)
            ;
          for (lb = 0; g_ascii_isdigit (db[lb]); lb++)
            ;
          if (la != lb)
            return la < lb ? -1 : 1;
          cmp = memcmp (da, db, la);
          if (cmp != 0)
            return cmp < 0 ? -1 : 1;
          /* Equal values: fewer leading zeros first, so that the order stays total. */
          if (da - a != db - b)
            return (da - a) < (db - b) ? -1 : 1;
          a = da + la;
          b = db + lb;
        }
      else
        {
          int ca = g_ascii_tolower ((guchar) *a);
          int cb = g_ascii_tolower ((guchar) *b);

          if (ca != cb)
            return ca < cb ? -1 : 1;
          a++;
          b++;
        }
    }

  if (*a != *b)
    return *a == '\0' ? -1 : 1;
  return 0;
}

static int
compare_check_records (gconstpointer a,
                       gconstpointer b)
{
  const AnnexCheckRecord *ra = a;
  const AnnexCheckRecord *rb = b;
  int cmp = g_strcmp0 (ra->table, rb->table);

  if (cmp != 0)
    return cmp;
  cmp = compare_references (ra->reference, rb->reference);
  if (cmp != 0)
    return cmp;
  return ra->id < rb->id ? -1 : ra->id > rb->id;
}

/* ---- Queries ------------------------------------------------------------------------------- */

static void
set_query_error (GError       **error,
                 CheckContext  *ctx)
{
  sqlite3 *handle = annex_database_get_handle (ctx->db);

  annex_store_set_error_from_sqlite (error, handle, sqlite3_extended_errcode (handle),
                                     _("Could not check the workspace"));
}

static void
bind_text_by_name (sqlite3_stmt *stmt,
                   const char   *name,
                   const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static void
bind_int64_by_name (sqlite3_stmt *stmt,
                    const char   *name,
                    gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

/* The cached statement for @sql with the context's parameters bound. */
static sqlite3_stmt *
prepare_query (CheckContext  *ctx,
               const char    *sql,
               GError       **error)
{
  sqlite3_stmt *stmt = annex_database_prepare (ctx->db, sql, error);

  if (stmt == NULL)
    return NULL;

  bind_text_by_name (stmt, ":today", ctx->today);
  bind_text_by_name (stmt, ":year_ago", ctx->year_ago);
  bind_int64_by_name (stmt, ":valid", ctx->valid_cells);
  bind_int64_by_name (stmt, ":above", ctx->above_cells);
  return stmt;
}

/* Appends to @records one record of @table per row of @sql (columns: id, reference). */
static gboolean
collect_records (CheckContext  *ctx,
                 const char    *table,
                 const char    *sql,
                 GArray        *records,
                 GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_query (ctx, sql, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AnnexCheckRecord record = {
        g_strdup (table),
        sqlite3_column_int64 (stmt, 0),
        g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
      };

      g_array_append_val (records, record);
    }

  if (rc != SQLITE_DONE)
    {
      set_query_error (error, ctx);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

/* Whether the first column of the single row of @sql (a "SELECT EXISTS (…)") is not 0. */
static gboolean
query_exists (CheckContext  *ctx,
              const char    *sql,
              gboolean      *out_found,
              GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_query (ctx, sql, error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_query_error (error, ctx);
      sqlite3_reset (stmt);
      return FALSE;
    }

  *out_found = rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return TRUE;
}

/* ---- Shared facts (rules and score) -------------------------------------------------------- */

static gboolean
has_recent_audit (CheckContext  *ctx,
                  gboolean      *out_found,
                  GError       **error)
{
  return query_exists (ctx,
                       "SELECT EXISTS (SELECT 1 FROM audits WHERE type = 'internal' AND "
                       AUDIT_DONE_DATE " BETWEEN :year_ago AND :today)",
                       out_found, error);
}

static gboolean
has_recent_review (CheckContext  *ctx,
                   gboolean      *out_found,
                   GError       **error)
{
  return query_exists (ctx,
                       "SELECT EXISTS (SELECT 1 FROM reviews WHERE status = 'signed-off' AND "
                       "coalesce (nullif (actual_date, ''), signed_off_on) "
                       "BETWEEN :year_ago AND :today)",
                       out_found, error);
}

/* An approved scope version is in force today (its "in force from" is not in the future). */
static gboolean
has_scope_in_force (CheckContext  *ctx,
                    gboolean      *out_found,
                    GError       **error)
{
  return query_exists (ctx,
                       "SELECT EXISTS (SELECT 1 FROM scope_versions WHERE status = 'approved' AND "
                       "(" BLANK ("in_force_from") " OR in_force_from <= :today))",
                       out_found, error);
}

/* The body of a rule about records: collects those of @sql and fails when there are any. */
static gboolean
collect_found (CheckContext  *ctx,
               const char    *table,
               const char    *sql,
               GArray        *records,
               gboolean      *out_failed,
               GError       **error)
{
  if (!collect_records (ctx, table, sql, records, error))
    return FALSE;

  *out_failed = records->len > 0;
  return TRUE;
}

/* ---- Rules --------------------------------------------------------------------------------- */

/* A rule adds the records it concerns to @records and sets *@out_failed when it fails (a rule
 * about records fails when it found any; a rule about the whole workspace may fail without). */
typedef gboolean (*RuleFunc) (CheckContext  *ctx,
                              GArray        *records,
                              gboolean      *out_failed,
                              GError       **error);

/* One pass over the risks that are not closed, with one flag column per risk rule (each the
 * condition that rule used to query on its own) and whether the residual level is assessed. A
 * scan of 100,000 risks costs about as much as reading them, so the five scans this replaces
 * were most of the checks' time. The rules about levels need the method: without one (:valid
 * and :above are 0) their flags are all 0, as those rules skipped. */
static gboolean
scan_risks (CheckContext  *ctx,
            GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (ctx->risks_scanned)
    return TRUE;

  stmt = prepare_query (ctx,
                        "SELECT id, reference,"
                        /* untreated: above the threshold, with no treatment chosen or no
                         * treatment action (origin risk-treatment, origin reference = the risk,
                         * not cancelled); retained risks are the acceptance's business */
                        " " RISK_ABOVE_THRESHOLD " AND (treatment IS NULL OR "
                        "  (treatment <> 'retain' AND reference NOT IN "
                        "   (SELECT trim (origin_reference) FROM actions "
                        "    WHERE origin = 'risk-treatment' AND status <> 'cancelled' "
                        "    AND origin_reference IS NOT NULL))),"
                        /* retained above the threshold without who accepted it or when
                         * (annex_risk_check_acceptance_on()) */
                        " treatment = 'retain' AND " RISK_ABOVE_THRESHOLD " "
                        "  AND (" BLANK ("accepted_by") " OR NOT " IS_DATE ("accepted_on") "),"
                        /* retained above the threshold, accepted until a day before today
                         * (annex_risk_is_acceptance_expired_on()) */
                        " treatment = 'retain' AND " IS_DATE ("accepted_until") " "
                        "  AND accepted_until < :today AND " RISK_ABOVE_THRESHOLD ","
                        /* next review before today (annex_risk_is_review_overdue_on()) */
                        " " IS_DATE ("next_review") " AND next_review < :today,"
                        " " RISK_RESIDUAL_ASSESSED " "
                        "FROM risks WHERE status <> 'closed'",
                        error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < N_RISK_RULES; i++)
    ctx->risk_records[i] = new_record_array ();

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ctx->n_open_risks++;
      if (sqlite3_column_int (stmt, 2 + N_RISK_RULES) == 0)
        ctx->n_unassessed++;

      for (guint i = 0; i < N_RISK_RULES; i++)
        {
          AnnexCheckRecord record;

          if (sqlite3_column_int (stmt, 2 + i) == 0)
            continue;
          if (ctx->method == NULL && i != RISK_RULE_REVIEW_OVERDUE)
            continue;

          record.table = g_strdup ("risks");
          record.id = sqlite3_column_int64 (stmt, 0);
          record.reference = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          g_array_append_val (ctx->risk_records[i], record);
        }
    }

  if (rc != SQLITE_DONE)
    {
      set_query_error (error, ctx);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  ctx->risks_scanned = TRUE;
  return TRUE;
}

/* Moves the records scan_risks() found for @rule to @records (each rule runs once per run). */
static gboolean
take_risk_records (CheckContext  *ctx,
                   RiskRule       rule,
                   GArray        *records,
                   gboolean      *out_failed,
                   GError       **error)
{
  GArray *found;

  if (!scan_risks (ctx, error))
    return FALSE;

  found = ctx->risk_records[rule];
  g_array_append_vals (records, found->data, found->len);
  /* The strings belong to @records now. */
  g_array_set_clear_func (found, NULL);
  g_array_set_size (found, 0);
  g_array_set_clear_func (found, clear_check_record);

  *out_failed = records->len > 0;
  return TRUE;
}

/* Risks above the threshold that are neither retained nor closed, with no treatment chosen or
 * no treatment action. */
static gboolean
check_risk_untreated (CheckContext  *ctx,
                      GArray        *records,
                      gboolean      *out_failed,
                      GError       **error)
{
  return take_risk_records (ctx, RISK_RULE_UNTREATED, records, out_failed, error);
}

/* Retained above the threshold, not closed, without who accepted it or when. */
static gboolean
check_risk_retained_unaccepted (CheckContext  *ctx,
                                GArray        *records,
                                gboolean      *out_failed,
                                GError       **error)
{
  return take_risk_records (ctx, RISK_RULE_RETAINED_UNACCEPTED, records, out_failed, error);
}

/* Retained above the threshold, not closed, accepted until a day before today. */
static gboolean
check_risk_acceptance_expired (CheckContext  *ctx,
                               GArray        *records,
                               gboolean      *out_failed,
                               GError       **error)
{
  return take_risk_records (ctx, RISK_RULE_ACCEPTANCE_EXPIRED, records, out_failed, error);
}

/* Next review before today, not closed. */
static gboolean
check_risk_review_overdue (CheckContext  *ctx,
                           GArray        *records,
                           gboolean      *out_failed,
                           GError       **error)
{
  return take_risk_records (ctx, RISK_RULE_REVIEW_OVERDUE, records, out_failed, error);
}

static gboolean
check_control_no_reason (CheckContext  *ctx,
                         GArray        *records,
                         gboolean      *out_failed,
                         GError       **error)
{
  return collect_found (ctx, "controls",
                        "SELECT id, reference FROM controls WHERE applicability = 'applicable' "
                        "AND reason_risk = 0 AND reason_legal = 0 AND reason_contractual = 0 "
                        "AND reason_business = 0 AND reason_best_practice = 0",
                        records, out_failed, error);
}

static gboolean
check_control_no_justification (CheckContext  *ctx,
                                GArray        *records,
                                gboolean      *out_failed,
                                GError       **error)
{
  return collect_found (ctx, "controls",
                        "SELECT id, reference FROM controls WHERE applicability = 'excluded' "
                        "AND " BLANK ("justification"),
                        records, out_failed, error);
}

static gboolean
check_control_undecided (CheckContext  *ctx,
                         GArray        *records,
                         gboolean      *out_failed,
                         GError       **error)
{
  return collect_found (ctx, "controls",
                        "SELECT id, reference FROM controls WHERE applicability = 'undecided'",
                        records, out_failed, error);
}

/* Excluded, yet a risk that is not closed names it among its controls. */
static gboolean
check_control_chosen_excluded (CheckContext  *ctx,
                               GArray        *records,
                               gboolean      *out_failed,
                               GError       **error)
{
  return collect_found (ctx, "controls",
                        "SELECT c.id, c.reference FROM controls c "
                        "WHERE c.applicability = 'excluded' AND EXISTS "
                        "  (SELECT 1 FROM links l JOIN risks r ON r.id = l.from_id "
                        "   WHERE l.to_table = 'controls' AND l.to_id = c.id "
                        "   AND l.from_table = 'risks' AND r.status <> 'closed')",
                        records, out_failed, error);
}

/* Due before today and open or in progress (annex_action_is_overdue_on()). */
static gboolean
check_action_overdue (CheckContext  *ctx,
                      GArray        *records,
                      gboolean      *out_failed,
                      GError       **error)
{
  return collect_found (ctx, "actions",
                        "SELECT id, reference FROM actions "
                        "WHERE status IN ('open', 'in-progress') AND " IS_DATE ("due_date") " "
                        "AND due_date < :today",
                        records, out_failed, error);
}

/* Past the first triage (actions planned, awaiting the check, closed) without a root cause. */
static gboolean
check_nc_no_root_cause (CheckContext  *ctx,
                        GArray        *records,
                        gboolean      *out_failed,
                        GError       **error)
{
  return collect_found (ctx, "nonconformities",
                        "SELECT id, reference FROM nonconformities "
                        "WHERE status IN ('action-planned', 'awaiting-check', 'closed') "
                        "AND " BLANK ("root_cause"),
                        records, out_failed, error);
}

/* Closed without the check the model asks for before closing (annex-nonconformity.h): result
 * effective, a check date and who checked. Only data written around the model (an import, an
 * older version) can hold such a record. */
static gboolean
check_nc_no_effectiveness (CheckContext  *ctx,
                           GArray        *records,
                           gboolean      *out_failed,
                           GError       **error)
{
  return collect_found (ctx, "nonconformities",
                        "SELECT id, reference FROM nonconformities WHERE status = 'closed' "
                        "AND (check_result IS NOT 'effective' OR NOT " IS_DATE ("check_date") " "
                        "     OR " BLANK ("check_by") ")",
                        records, out_failed, error);
}

static gboolean
check_no_recent_audit (CheckContext  *ctx,
                       GArray        *records,
                       gboolean      *out_failed,
                       GError       **error)
{
  gboolean found = FALSE;

  if (!has_recent_audit (ctx, &found, error))
    return FALSE;

  *out_failed = !found;
  return TRUE;
}

static gboolean
check_no_recent_review (CheckContext  *ctx,
                        GArray        *records,
                        gboolean      *out_failed,
                        GError       **error)
{
  gboolean found = FALSE;

  if (!has_recent_review (ctx, &found, error))
    return FALSE;

  *out_failed = !found;
  return TRUE;
}

/* No approved version in force; the records are the drafts (and approved versions not yet in
 * force) waiting for it. */
static gboolean
check_scope_not_approved (CheckContext  *ctx,
                          GArray        *records,
                          gboolean      *out_failed,
                          GError       **error)
{
  gboolean found = FALSE;

  if (!has_scope_in_force (ctx, &found, error))
    return FALSE;
  if (found)
    return TRUE;

  if (!collect_records (ctx, "scope_versions",
                        "SELECT id, reference FROM scope_versions "
                        "WHERE status IN ('draft', 'approved')",
                        records, error))
    return FALSE;

  *out_failed = TRUE;
  return TRUE;
}

/* Neither an issue (not closed) about climate change nor a note saying why it is not relevant
 * (annex_context_get_climate_decision()). */
static gboolean
check_climate_not_considered (CheckContext  *ctx,
                              GArray        *records,
                              gboolean      *out_failed,
                              GError       **error)
{
  g_autofree char *note = NULL;
  gboolean found = FALSE;

  if (!query_exists (ctx,
                     "SELECT EXISTS (SELECT 1 FROM issues WHERE climate = 1 "
                     "AND status <> 'closed')",
                     &found, error))
    return FALSE;

  note = annex_context_dup_climate_note (ctx->db);
  *out_failed = !found && note == NULL;
  return TRUE;
}

/* Not done, or done without evidence (REQUIREMENT_HAS_EVIDENCE). */
static gboolean
check_requirement_no_evidence (CheckContext  *ctx,
                               GArray        *records,
                               gboolean      *out_failed,
                               GError       **error)
{
  return collect_found (ctx, "requirements",
                        "SELECT q.id, q.reference FROM requirements q "
                        "WHERE q.status <> 'done' OR NOT " REQUIREMENT_HAS_EVIDENCE,
                        records, out_failed, error);
}

static gboolean
check_no_risk_method (CheckContext  *ctx,
                      GArray        *records,
                      gboolean      *out_failed,
                      GError       **error)
{
  *out_failed = !ctx->method_set;
  return TRUE;
}

/* No document marked as the information security policy is approved; the records are those
 * marked (not withdrawn) that wait for approval. */
static gboolean
check_policy_missing (CheckContext  *ctx,
                      GArray        *records,
                      gboolean      *out_failed,
                      GError       **error)
{
  gboolean found = FALSE;

  if (!query_exists (ctx,
                     "SELECT EXISTS (SELECT 1 FROM documents WHERE security_policy = 1 "
                     "AND status = 'approved')",
                     &found, error))
    return FALSE;
  if (found)
    return TRUE;

  if (!collect_records (ctx, "documents",
                        "SELECT id, reference FROM documents WHERE security_policy = 1 "
                        "AND status <> 'withdrawn'",
                        records, error))
    return FALSE;

  *out_failed = TRUE;
  return TRUE;
}

typedef struct
{
  const char         *id;
  AnnexCheckSeverity  severity;
  const char         *title;        /* N_() */
  const char         *explanation;  /* N_() */
  const char         *view;
  RuleFunc            check;
} Rule;

/* The rules in rule order (findings list errors first, each severity in this order). */
static const Rule rules[] = {
  {
    ANNEX_CHECK_RISK_UNTREATED, ANNEX_CHECK_SEVERITY_ERROR,
    N_("Risks above the acceptance threshold without treatment"),
    N_("These risks are higher than your method accepts, yet nothing is being done about them. "
       "Choose a treatment and plan the actions that carry it out, or record who accepts the "
       "risk."),
    "risks", check_risk_untreated,
  },
  {
    ANNEX_CHECK_RISK_RETAINED_UNACCEPTED, ANNEX_CHECK_SEVERITY_ERROR,
    N_("Retained risks without an acceptance"),
    N_("A risk above the acceptance threshold may only be kept as it is when its owner accepts "
       "it. Record who accepted it and when, or choose another treatment."),
    "risks", check_risk_retained_unaccepted,
  },
  {
    ANNEX_CHECK_RISK_ACCEPTANCE_EXPIRED, ANNEX_CHECK_SEVERITY_WARNING,
    N_("Risk acceptances that ran out"),
    N_("The acceptance of these risks was given until a date that has passed. Ask the owner to "
       "accept them again, or treat them."),
    "risks", check_risk_acceptance_expired,
  },
  {
    ANNEX_CHECK_RISK_REVIEW_OVERDUE, ANNEX_CHECK_SEVERITY_WARNING,
    N_("Risks overdue for review"),
    N_("These risks were due to be looked at again. Review their level and treatment, then set "
       "the date of the next review."),
    "risks", check_risk_review_overdue,
  },
  {
    ANNEX_CHECK_CONTROL_NO_REASON, ANNEX_CHECK_SEVERITY_ERROR,
    N_("Applicable controls without a reason"),
    N_("The Statement of Applicability must say why each control is included. Tick at least one "
       "reason: a risk, a law, a contract, the business or good practice."),
    "controls", check_control_no_reason,
  },
  {
    ANNEX_CHECK_CONTROL_NO_JUSTIFICATION, ANNEX_CHECK_SEVERITY_ERROR,
    N_("Excluded controls without a justification"),
    N_("An auditor will ask why these controls do not apply to you. Write down the reason for "
       "each exclusion."),
    "controls", check_control_no_justification,
  },
  {
    ANNEX_CHECK_CONTROL_UNDECIDED, ANNEX_CHECK_SEVERITY_ERROR,
    N_("Controls without a decision"),
    N_("The Statement of Applicability is complete only when every control is marked applicable "
       "or excluded. Decide for each of these controls."),
    "controls", check_control_undecided,
  },
  {
    ANNEX_CHECK_CONTROL_CHOSEN_EXCLUDED, ANNEX_CHECK_SEVERITY_ERROR,
    N_("Controls chosen for a risk but excluded"),
    N_("A risk relies on these controls, yet the Statement of Applicability excludes them. Make "
       "them applicable, or choose other controls for the risk."),
    "controls", check_control_chosen_excluded,
  },
  {
    ANNEX_CHECK_ACTION_OVERDUE, ANNEX_CHECK_SEVERITY_WARNING,
    N_("Overdue actions"),
    N_("These actions are past their due date. Finish them, or agree a new date with their "
       "owner."),
    "actions", check_action_overdue,
  },
  {
    ANNEX_CHECK_NC_NO_ROOT_CAUSE, ANNEX_CHECK_SEVERITY_WARNING,
    N_("Nonconformities without a root cause"),
    N_("Actions only prevent a nonconformity from coming back when they address its cause. "
       "Find out why it happened and write it down."),
    "improvement", check_nc_no_root_cause,
  },
  {
    ANNEX_CHECK_NC_NO_EFFECTIVENESS, ANNEX_CHECK_SEVERITY_ERROR,
    N_("Closed nonconformities without an effectiveness check"),
    N_("A nonconformity is closed only once someone checked that its actions worked. Record "
       "when the check was made, by whom, and that it was effective."),
    "improvement", check_nc_no_effectiveness,
  },
  {
    ANNEX_CHECK_NO_RECENT_AUDIT, ANNEX_CHECK_SEVERITY_ERROR,
    N_("No internal audit in the last 12 months"),
    N_("The ISMS must be audited internally at planned intervals. Plan an internal audit, carry "
       "it out and record when it ended."),
    "audits", check_no_recent_audit,
  },
  {
    ANNEX_CHECK_NO_RECENT_REVIEW, ANNEX_CHECK_SEVERITY_ERROR,
    N_("No management review in the last 12 months"),
    N_("Top management must review the ISMS at planned intervals. Hold a management review and "
       "have its chair sign it off."),
    "reviews", check_no_recent_review,
  },
  {
    ANNEX_CHECK_SCOPE_NOT_APPROVED, ANNEX_CHECK_SEVERITY_ERROR,
    N_("No approved scope"),
    N_("Everything else depends on what the ISMS covers. Write the scope statement and have it "
       "approved."),
    "context", check_scope_not_approved,
  },
  {
    ANNEX_CHECK_CLIMATE_NOT_CONSIDERED, ANNEX_CHECK_SEVERITY_WARNING,
    N_("Climate change not considered"),
    N_("You must decide whether climate change is a relevant issue for your organization. Add "
       "an issue about it, or note why it is not relevant."),
    "context", check_climate_not_considered,
  },
  {
    ANNEX_CHECK_REQUIREMENT_NO_EVIDENCE, ANNEX_CHECK_SEVERITY_WARNING,
    N_("Clause requirements not done or without evidence"),
    N_("An auditor checks each requirement of clauses 4 to 10 against evidence. Finish these "
       "requirements and note the evidence, or link the documents that show them."),
    "controls", check_requirement_no_evidence,
  },
  {
    ANNEX_CHECK_NO_RISK_METHOD, ANNEX_CHECK_SEVERITY_ERROR,
    N_("No risk method chosen"),
    N_("Risks can only be compared against criteria you have set. Choose the scales, the levels "
       "and the acceptance threshold of your risk method."),
    "risks", check_no_risk_method,
  },
  {
    ANNEX_CHECK_POLICY_MISSING, ANNEX_CHECK_SEVERITY_ERROR,
    N_("No approved information security policy"),
    N_("Top management must set an information security policy. Add it to the documents, mark "
       "it as the information security policy and approve a version of it."),
    "documents", check_policy_missing,
  },
};

/* ---- Running ------------------------------------------------------------------------------- */

/* @date ("YYYY-MM-DD") minus @months calendar months, clamped to the end of the month. */
static char *
dup_date_minus_months (const char *date,
                       guint       months)
{
  guint year, month, day;
  GDate gdate;

  if (sscanf (date, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;

  g_date_clear (&gdate, 1);
  g_date_set_dmy (&gdate, day, month, year);
  g_date_subtract_months (&gdate, months);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&gdate), g_date_get_month (&gdate),
                          g_date_get_day (&gdate));
}

static void
check_context_clear (CheckContext *ctx)
{
  g_clear_pointer (&ctx->year_ago, g_free);
  g_clear_object (&ctx->method);
  for (guint i = 0; i < N_RISK_RULES; i++)
    g_clear_pointer (&ctx->risk_records[i], g_array_unref);
}

/* Reads the risk method (the one risks are scored with) and fills the grid's bit sets. A
 * malformed method leaves ctx->method NULL: the rules that need levels then skip, and
 * "no-risk-method" reports it. */
static gboolean
check_context_init (CheckContext   *ctx,
                    AnnexDatabase  *db,
                    const char     *today,
                    GError        **error)
{
  g_autofree char *setting = NULL;
  guint n_likelihoods, n_impacts, threshold;

  memset (ctx, 0, sizeof *ctx);
  ctx->db = db;
  ctx->today = today;
  ctx->year_ago = dup_date_minus_months (today, 12);
  if (ctx->year_ago == NULL)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("“%s” is not a date: use YYYY-MM-DD"), today);
      return FALSE;
    }

  setting = annex_database_dup_setting (db, ANNEX_RISK_METHOD_SETTING);
  ctx->method = annex_risk_method_load (db, NULL);
  ctx->method_set = setting != NULL && ctx->method != NULL;
  if (ctx->method == NULL)
    return TRUE;

  n_likelihoods = annex_risk_method_get_n_likelihoods (ctx->method);
  n_impacts = annex_risk_method_get_n_impacts (ctx->method);
  threshold = annex_risk_method_get_threshold (ctx->method);
  for (guint l = 1; l <= n_likelihoods; l++)
    for (guint i = 1; i <= n_impacts; i++)
      {
        guint level = annex_risk_method_get_level (ctx->method, l, i);
        gint64 bit = G_GINT64_CONSTANT (1) << ((l - 1) * ANNEX_RISK_METHOD_MAX_LEVELS + i - 1);

        if (level == 0)
          continue;
        ctx->valid_cells |= bit;
        if (level > threshold)
          ctx->above_cells |= bit;
      }

  return TRUE;
}

static AnnexCheckFinding *
new_finding (const Rule *rule,
             GArray     *records)
{
  AnnexCheckFinding *finding = g_new0 (AnnexCheckFinding, 1);

  finding->rule = rule->id;
  finding->severity = rule->severity;
  finding->title = g_strdup (_(rule->title));
  finding->explanation = g_strdup (_(rule->explanation));
  finding->view = rule->view;
  finding->records = g_array_ref (records);
  return finding;
}

static GPtrArray *
run_rules (CheckContext  *ctx,
           GError       **error)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) warnings = NULL;

  findings = g_ptr_array_new_with_free_func ((GDestroyNotify) annex_check_finding_free);
  warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) annex_check_finding_free);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(GArray) records = new_record_array ();
      gboolean failed = FALSE;

      if (!rules[i].check (ctx, records, &failed, error))
        return NULL;
      if (!failed)
        continue;

      g_array_sort (records, compare_check_records);
      g_ptr_array_add (rules[i].severity == ANNEX_CHECK_SEVERITY_ERROR ? findings : warnings,
                       new_finding (&rules[i], records));
    }

  /* Errors first, then warnings, each in rule order. */
  for (guint i = 0; i < warnings->len; i++)
    g_ptr_array_add (findings, g_steal_pointer (&warnings->pdata[i]));
  g_ptr_array_set_size (warnings, 0);

  return g_steal_pointer (&findings);
}

/* Everything is read in one transaction, so that the findings and the score describe one state
 * of the workspace: a snapshot (deferred BEGIN) on a read-only connection, see
 * annex_database_begin(); nested in the caller's transaction when there is one. Nothing is
 * written: the commit only ends it. The method and the dates are worked out inside it. */
static gboolean
begin_read (CheckContext   *ctx,
            AnnexDatabase  *db,
            const char     *today,
            GError        **error)
{
  if (!annex_database_begin (db, error))
    return FALSE;

  if (!check_context_init (ctx, db, today, error))
    {
      check_context_clear (ctx);
      annex_database_rollback (db);
      return FALSE;
    }

  return TRUE;
}

static gboolean
end_read (CheckContext  *ctx,
          gboolean       ok,
          GError       **error)
{
  AnnexDatabase *db = ctx->db;

  check_context_clear (ctx);
  if (!ok)
    {
      annex_database_rollback (db);
      return FALSE;
    }

  return annex_database_commit (db, error);
}

/**
 * annex_readiness_run_checks:
 * @db: an open workspace
 * @today: (nullable): the date to check against, "YYYY-MM-DD"; %NULL: today (local date)
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type AnnexCheckFinding): the failed rules, errors first,
 *   then warnings, each in rule order; empty when all is well. %NULL on error.
 */
GPtrArray *
annex_readiness_run_checks (AnnexDatabase  *db,
                            const char     *today,
                            GError        **error)
{
  g_autofree char *own_today = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) local_error = NULL;
  CheckContext ctx;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (today == NULL)
    today = own_today = annex_field_dup_today ();

  if (!begin_read (&ctx, db, today, error))
    return NULL;

  findings = run_rules (&ctx, &local_error);
  if (!end_read (&ctx, findings != NULL, findings != NULL ? error : NULL))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      g_clear_pointer (&findings, g_ptr_array_unref);
      return NULL;
    }

  return g_steal_pointer (&findings);
}

const AnnexCheckFinding *
annex_readiness_find (GPtrArray  *findings,
                      const char *rule)
{
  g_return_val_if_fail (findings != NULL, NULL);
  g_return_val_if_fail (rule != NULL, NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const AnnexCheckFinding *finding = g_ptr_array_index (findings, i);

      if (g_strcmp0 (finding->rule, rule) == 0)
        return finding;
    }

  return NULL;
}

/* ---- Score --------------------------------------------------------------------------------- */

static const struct
{
  const char *title;  /* N_() */
  guint       weight;
} part_info[ANNEX_READINESS_N_PARTS] = {
  [ANNEX_READINESS_PART_CLAUSES] = { N_("Clause requirements"), 30 },
  [ANNEX_READINESS_PART_SOA] = { N_("Statement of Applicability"), 20 },
  [ANNEX_READINESS_PART_IMPLEMENTED] = { N_("Controls implemented"), 25 },
  [ANNEX_READINESS_PART_REGISTERS] = { N_("Registers in place"), 15 },
  [ANNEX_READINESS_PART_AUDIT] = { N_("Internal audit"), 5 },
  [ANNEX_READINESS_PART_REVIEW] = { N_("Management review"), 5 },
};

static void
set_part (AnnexReadiness     *readiness,
          AnnexReadinessPart  part,
          gint64              done,
          gint64              total)
{
  AnnexReadinessPartScore *score = &readiness->parts[part];

  score->part = part;
  score->title = _(part_info[part].title);
  score->weight = part_info[part].weight;
  score->total = (guint) CLAMP (total, 0, G_MAXUINT);
  score->done = (guint) CLAMP (done, 0, score->total);
}

/* Two numbers from one row of @sql. */
static gboolean
query_pair (CheckContext  *ctx,
            const char    *sql,
            gint64        *out_first,
            gint64        *out_second,
            GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_query (ctx, sql, error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_query_error (error, ctx);
      sqlite3_reset (stmt);
      return FALSE;
    }

  *out_first = sqlite3_column_int64 (stmt, 0);
  *out_second = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
compute_parts (CheckContext    *ctx,
               AnnexReadiness  *readiness,
               GError         **error)
{
  gint64 done = 0, total = 0;
  gint64 has_issue = 0, has_party = 0, n_open_risks = 0, n_unassessed = 0;
  gboolean found = FALSE;
  guint registers = 0;
  double score = 0;

  /* Clause requirements: done and with evidence, of all. */
  if (!query_pair (ctx,
                   "SELECT coalesce (sum (q.status = 'done' AND " REQUIREMENT_HAS_EVIDENCE "), 0),"
                   " count(*) FROM requirements q",
                   &done, &total, error))
    return FALSE;
  set_part (readiness, ANNEX_READINESS_PART_CLAUSES, done, total);

  /* SoA: Annex A controls whose decision is complete (applicable with a reason, or excluded
   * with a justification), of all Annex A controls. */
  if (!query_pair (ctx,
                   "SELECT coalesce (sum ((applicability = 'applicable' AND "
                   "  (reason_risk + reason_legal + reason_contractual + reason_business "
                   "   + reason_best_practice) > 0) OR "
                   "  (applicability = 'excluded' AND NOT " BLANK ("justification") ")), 0),"
                   " count(*) FROM controls WHERE catalogue = 'annex-a'",
                   &done, &total, error))
    return FALSE;
  set_part (readiness, ANNEX_READINESS_PART_SOA, done, total);

  /* Implemented: of the applicable controls (Annex A and organization-specific), the
   * implemented ones, and half of the partially implemented ones (rounded down). */
  if (!query_pair (ctx,
                   "SELECT coalesce (sum (status = 'implemented'), 0) * 2"
                   " + coalesce (sum (status = 'partial'), 0), count(*) "
                   "FROM controls WHERE applicability = 'applicable'",
                   &done, &total, error))
    return FALSE;
  set_part (readiness, ANNEX_READINESS_PART_IMPLEMENTED, done / 2, total);

  /* Registers in place, five items: an issue that is not closed, an interested party, a scope
   * in force, a risk method chosen, and risks assessed (at least one risk that is not closed,
   * and each of them with its residual level). */
  if (!query_pair (ctx,
                   "SELECT EXISTS (SELECT 1 FROM issues WHERE status <> 'closed'),"
                   " EXISTS (SELECT 1 FROM parties)",
                   &has_issue, &has_party, error))
    return FALSE;
  registers += has_issue != 0;
  registers += has_party != 0;
  if (!has_scope_in_force (ctx, &found, error))
    return FALSE;
  registers += found;
  registers += ctx->method_set;
  if (ctx->method != NULL)
    {
      /* Counted by the risk rules' pass (run_rules() ran it already). */
      if (!scan_risks (ctx, error))
        return FALSE;
      n_open_risks = ctx->n_open_risks;
      n_unassessed = ctx->n_unassessed;
      registers += n_open_risks > 0 && n_unassessed == 0;
    }
  set_part (readiness, ANNEX_READINESS_PART_REGISTERS, registers, 5);

  if (!has_recent_audit (ctx, &found, error))
    return FALSE;
  set_part (readiness, ANNEX_READINESS_PART_AUDIT, found, 1);

  if (!has_recent_review (ctx, &found, error))
    return FALSE;
  set_part (readiness, ANNEX_READINESS_PART_REVIEW, found, 1);

  for (guint i = 0; i < ANNEX_READINESS_N_PARTS; i++)
    {
      const AnnexReadinessPartScore *part = &readiness->parts[i];

      if (part->total > 0)
        score += (double) part->weight * part->done / part->total;
    }
  readiness->score = (guint) CLAMP (score + 0.5, 0, 100);

  return TRUE;
}

/* SoA progress per theme, over every control with a theme (Annex A and organization-specific). */
static gboolean
compute_themes (CheckContext    *ctx,
                AnnexReadiness  *readiness,
                GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_query (ctx,
                        "SELECT theme, count(*), coalesce (sum (applicability <> 'undecided'), 0),"
                        " coalesce (sum (applicability = 'applicable'), 0),"
                        " coalesce (sum (applicability = 'applicable' AND status = 'implemented'),"
                        " 0) FROM controls WHERE theme IS NOT NULL GROUP BY theme",
                        error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AnnexControlTheme theme;

      if (!annex_catalogue_theme_from_nick ((const char *) sqlite3_column_text (stmt, 0),
                                            &theme))
        continue;

      readiness->theme_total[theme] = sqlite3_column_int64 (stmt, 1);
      readiness->theme_decided[theme] = sqlite3_column_int64 (stmt, 2);
      readiness->theme_applicable[theme] = sqlite3_column_int64 (stmt, 3);
      readiness->theme_implemented[theme] = sqlite3_column_int64 (stmt, 4);
    }

  if (rc != SQLITE_DONE)
    {
      set_query_error (error, ctx);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
compute_counts (CheckContext    *ctx,
                AnnexReadiness  *readiness,
                GError         **error)
{
  gint64 open = 0, overdue = 0, ncs = 0, unused = 0;

  if (!query_pair (ctx,
                   "SELECT coalesce (sum (status IN ('open', 'in-progress')), 0),"
                   " coalesce (sum (status IN ('open', 'in-progress') AND " IS_DATE ("due_date")
                   "   AND due_date < :today), 0) FROM actions",
                   &open, &overdue, error))
    return FALSE;
  readiness->actions_open = open;
  readiness->actions_overdue = overdue;

  if (!query_pair (ctx,
                   "SELECT count(*), 0 FROM nonconformities WHERE status <> 'closed'",
                   &ncs, &unused, error))
    return FALSE;
  readiness->nonconformities_open = ncs;

  return TRUE;
}

/* The next audit: the earliest planned start (or end) of the audits not yet reported, those
 * without a date last, then by reference. */
static gboolean
compute_next_audit (CheckContext    *ctx,
                    AnnexReadiness  *readiness,
                    GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_query (ctx,
                        "SELECT reference, title, date, id FROM ("
                        "  SELECT id, reference, title, coalesce (nullif (trim (planned_start), ''),"
                        "    nullif (trim (planned_end), '')) AS date FROM audits"
                        "  WHERE status IN ('planned', 'in-preparation', 'in-progress'))"
                        " ORDER BY date IS NULL, date, length (reference), reference LIMIT 1",
                        error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      readiness->next_audit_reference = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      readiness->next_audit_title = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      readiness->next_audit_date = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      readiness->next_audit_id = sqlite3_column_int64 (stmt, 3);
    }
  else if (rc != SQLITE_DONE)
    {
      set_query_error (error, ctx);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

/* The next review: the earliest planned date of a review not held yet (no actual date, not
 * signed off); else the date of the last signed-off review plus the review interval. */
static gboolean
compute_next_review (CheckContext    *ctx,
                     AnnexReadiness  *readiness,
                     GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_query (ctx,
                        "SELECT min (planned_date) FROM reviews WHERE status <> 'signed-off' "
                        "AND " BLANK ("actual_date") " AND " IS_DATE ("planned_date"),
                        error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    readiness->next_review_date = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      set_query_error (error, ctx);
      return FALSE;
    }
  if (readiness->next_review_date != NULL)
    return TRUE;

  stmt = prepare_query (ctx,
                        "SELECT max (coalesce (nullif (actual_date, ''), signed_off_on)) "
                        "FROM reviews WHERE status = 'signed-off'",
                        error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    readiness->next_review_date =
      annex_document_add_months ((const char *) sqlite3_column_text (stmt, 0),
                                 annex_review_get_interval_months (ctx->db));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      set_query_error (error, ctx);
      return FALSE;
    }

  return TRUE;
}

static gboolean
compute_all (CheckContext    *ctx,
             AnnexReadiness  *readiness,
             GError         **error)
{
  readiness->findings = run_rules (ctx, error);
  if (readiness->findings == NULL)
    return FALSE;

  return compute_parts (ctx, readiness, error) &&
         compute_themes (ctx, readiness, error) &&
         compute_counts (ctx, readiness, error) &&
         compute_next_audit (ctx, readiness, error) &&
         compute_next_review (ctx, readiness, error);
}

/**
 * annex_readiness_compute:
 * @db: an open workspace
 * @today: (nullable): the date to compute for, "YYYY-MM-DD"; %NULL: today (local date)
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the score, its parts, the counts and the findings, or %NULL on
 *   error
 */
AnnexReadiness *
annex_readiness_compute (AnnexDatabase  *db,
                         const char     *today,
                         GError        **error)
{
  g_autoptr(AnnexReadiness) readiness = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *own_today = NULL;
  CheckContext ctx;
  gboolean ok;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (today == NULL)
    today = own_today = annex_field_dup_today ();

  if (!begin_read (&ctx, db, today, error))
    return NULL;

  readiness = g_new0 (AnnexReadiness, 1);
  ok = compute_all (&ctx, readiness, &local_error);
  if (!end_read (&ctx, ok, ok ? error : NULL))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&readiness);
}

void
annex_readiness_free (AnnexReadiness *readiness)
{
  if (readiness == NULL)
    return;

  g_free (readiness->next_audit_reference);
  g_free (readiness->next_audit_title);
  g_free (readiness->next_audit_date);
  g_free (readiness->next_review_date);
  g_clear_pointer (&readiness->findings, g_ptr_array_unref);
  g_free (readiness);
}
