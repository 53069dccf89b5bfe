/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-readiness.c: the readiness checks, rule by rule, on fixtures built through the
 * registers' public API on a temporary workspace, each rule with records that must be found
 * and records that must not; the order of the findings; the score's parts on an empty and on a
 * partly filled workspace; the Overview's counts. Every check runs on a fixed "today". */

#define G_LOG_DOMAIN "test-readiness"

#include "config.h"

#include <string.h>

#include "annex-action.h"
#include "annex-audit.h"
#include "annex-context.h"
#include "annex-control.h"
#include "annex-database.h"
#include "annex-document-version.h"
#include "annex-document.h"
#include "annex-issue.h"
#include "annex-links.h"
#include "annex-nonconformity.h"
#include "annex-party.h"
#include "annex-readiness.h"
#include "annex-register.h"
#include "annex-requirement.h"
#include "annex-review.h"
#include "annex-risk-method.h"
#include "annex-risk.h"
#include "annex-scope-exclusion.h"
#include "annex-scope-version.h"
#include "annex-store-error.h"
#include "annex-test-model-util.h"
#include "annex-test-util.h"

/* The fixed "today" of every check; fixtures use dates before it (and before the real today,
 * since some writes refuse future dates). */
#define TODAY "2026-06-30"

typedef AnnexTestWorkspace Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  annex_test_workspace_init (fixture, "readiness.isms", "Acme Ltd");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  annex_test_workspace_clear (fixture);
}

/* ---- Helpers ------------------------------------------------------------------------------- */

/* A new record of @reg with the string fields of the NULL-terminated name/value pairs, added;
 * borrowed (an item of @reg). */
static AnnexRecord *
add_record (AnnexRegister *reg,
            const char    *first_name,
            ...)
{
  g_autoptr(AnnexRecord) record = annex_register_new_record (reg);
  g_autoptr(GError) error = NULL;
  const char *name = first_name;
  va_list args;

  va_start (args, first_name);
  while (name != NULL)
    {
      annex_record_set_string (record, name, va_arg (args, const char *));
      name = va_arg (args, const char *);
    }
  va_end (args);

  g_assert_true (annex_register_add (reg, record, &error));
  g_assert_no_error (error);
  return record;
}

/* A risk assessed at inherent @il × @ii and residual @rl × @ri (0: not assessed) of the default
 * 5 × 5 method, with @treatment (may be NULL). */
static AnnexRecord *
add_risk (AnnexRegister *risks,
          guint          il,
          guint          ii,
          guint          rl,
          guint          ri,
          const char    *treatment)
{
  g_autoptr(AnnexRecord) record = annex_register_new_record (risks);
  g_autoptr(GError) error = NULL;

  annex_record_set_string (record, "title", "A risk");
  annex_record_set_int (record, "inherent-likelihood", il);
  annex_record_set_int (record, "inherent-impact", ii);
  annex_record_set_int (record, "residual-likelihood", rl);
  annex_record_set_int (record, "residual-impact", ri);
  annex_record_set_string (record, "treatment", treatment);
  g_assert_true (annex_register_add (risks, record, &error));
  g_assert_no_error (error);
  return record;
}

static const char *
ref (AnnexRecord *record)
{
  return annex_record_get_reference (record);
}

static GPtrArray *
run_checks (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *findings = annex_readiness_run_checks (fixture->db, TODAY, &error);

  g_assert_no_error (error);
  g_assert_nonnull (findings);
  return findings;
}

/* The references of the records of @rule's finding, joined with spaces; NULL when @rule did
 * not fail. Also checks the records' table and that each record's id is real (non-zero). */
static char *
dup_finding_references (GPtrArray  *findings,
                        const char *rule,
                        const char *table)
{
  const AnnexCheckFinding *finding = annex_readiness_find (findings, rule);
  g_autoptr(GString) refs = NULL;

  if (finding == NULL)
    return NULL;

  g_assert_cmpstr (finding->rule, ==, rule);
  g_assert_nonnull (finding->title);
  g_assert_nonnull (finding->explanation);
  g_assert_nonnull (finding->view);
  refs = g_string_new (NULL);
  for (guint i = 0; i < finding->records->len; i++)
    {
      const AnnexCheckRecord *record = &g_array_index (finding->records, AnnexCheckRecord, i);

      g_assert_cmpstr (record->table, ==, table);
      g_assert_cmpint (record->id, >, 0);
      if (i > 0)
        g_string_append_c (refs, ' ');
      g_string_append (refs, record->reference);
    }

  return g_string_free (g_steal_pointer (&refs), FALSE);
}

/* Asserts the references @rule's finding lists (NULL: the rule did not fail). */
#define assert_finding(fixture, rule, table, expected) \
  G_STMT_START { \
    g_autoptr(GPtrArray) findings_ = run_checks (fixture); \
    g_autofree char *refs_ = dup_finding_references (findings_, rule, table); \
    g_assert_cmpstr (refs_, ==, expected); \
  } G_STMT_END

/* Writes the risk method setting: the default 5 × 5 method with @threshold. */
static void
set_method_threshold (AnnexDatabase *db,
                      guint          threshold)
{
  g_autoptr(AnnexRiskMethod) method = annex_risk_method_new_default ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  annex_risk_method_set_threshold (method, threshold);
  json = annex_risk_method_to_json (method);
  g_assert_true (annex_database_set_setting (db, ANNEX_RISK_METHOD_SETTING, json, &error));
  g_assert_no_error (error);
}

/* A cell of the default method whose level is @level. */
static void
find_cell (guint  level,
           guint *out_likelihood,
           guint *out_impact)
{
  AnnexRiskMethod *method = annex_risk_method_get_default ();

  for (guint l = 1; l <= annex_risk_method_get_n_likelihoods (method); l++)
    for (guint i = 1; i <= annex_risk_method_get_n_impacts (method); i++)
      if (annex_risk_method_get_level (method, l, i) == level)
        {
          *out_likelihood = l;
          *out_impact = i;
          return;
        }

  g_assert_not_reached ();
}

/* ---- Rules --------------------------------------------------------------------------------- */

static void
test_risk_untreated (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) risks = annex_test_load_register (fixture->db, ANNEX_TYPE_RISK);
  g_autoptr(AnnexRegister) actions = annex_test_load_register (fixture->db, ANNEX_TYPE_ACTION);
  AnnexRecord *low, *high, *high_modify, *treated, *cancelled, *residual_high, *residual_low;
  AnnexRecord *closed, *retained, *action;
  g_autofree char *expected = NULL;

  /* Negative: below the threshold, treated with an action, reduced to a low residual level,
   * closed, retained (another rule's business). */
  low = add_risk (risks, 1, 1, 0, 0, NULL);
  treated = add_risk (risks, 5, 5, 0, 0, "modify");
  add_record (actions, "title", "Encrypt laptops", "origin", "risk-treatment",
              "origin-reference", ref (treated), NULL);
  residual_low = add_risk (risks, 5, 5, 1, 1, NULL);
  closed = add_risk (risks, 5, 5, 0, 0, NULL);
  annex_record_set_string (closed, "status", "closed");
  annex_test_save_record (risks, closed);
  retained = add_risk (risks, 1, 1, 0, 0, "retain");
  (void) low;
  (void) residual_low;
  (void) retained;
  assert_finding (fixture, ANNEX_CHECK_RISK_UNTREATED, "risks", NULL);

  /* Positive: no treatment; a treatment without action; one whose only action is cancelled; a
   * residual level above the threshold though the inherent one is low. */
  high = add_risk (risks, 5, 5, 0, 0, NULL);
  high_modify = add_risk (risks, 5, 4, 0, 0, "share");
  cancelled = add_risk (risks, 5, 5, 0, 0, "modify");
  action = add_record (actions, "title", "Buy insurance", "origin", "risk-treatment",
                       "origin-reference", ref (cancelled), "status", "cancelled", NULL);
  residual_high = add_risk (risks, 1, 1, 5, 5, NULL);
  expected = g_strdup_printf ("%s %s %s %s", ref (high), ref (high_modify), ref (cancelled),
                              ref (residual_high));
  assert_finding (fixture, ANNEX_CHECK_RISK_UNTREATED, "risks", expected);

  /* An action of another origin does not treat it; reopening the cancelled one does. */
  add_record (actions, "title", "Other", "origin", "audit", "origin-reference", ref (high),
              NULL);
  annex_record_set_string (action, "status", "open");
  annex_test_save_record (actions, action);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s %s %s", ref (high), ref (high_modify), ref (residual_high));
  assert_finding (fixture, ANNEX_CHECK_RISK_UNTREATED, "risks", expected);

  /* The threshold is the method's: at the highest level nothing is above it. */
  set_method_threshold (fixture->db, 5);
  assert_finding (fixture, ANNEX_CHECK_RISK_UNTREATED, "risks", NULL);
}

static void
test_risk_retained_unaccepted (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) risks = annex_test_load_register (fixture->db, ANNEX_TYPE_RISK);
  AnnexRiskMethod *method = annex_risk_method_get_default ();
  guint threshold = annex_risk_method_get_threshold (method);
  guint l, i;
  AnnexRecord *accepted, *unaccepted, *no_date, *closed;
  g_autofree char *expected = NULL;

  /* Retained at the default threshold: allowed without an acceptance when saved. */
  find_cell (threshold, &l, &i);
  accepted = add_risk (risks, l, i, 0, 0, "retain");
  annex_record_set_string (accepted, "accepted-by", "Chief Executive");
  annex_record_set_string (accepted, "accepted-on", "2026-01-10");
  annex_test_save_record (risks, accepted);
  unaccepted = add_risk (risks, l, i, 0, 0, "retain");
  no_date = add_risk (risks, l, i, 0, 0, "retain");
  annex_record_set_string (no_date, "accepted-by", "Chief Executive");
  annex_test_save_record (risks, no_date);
  closed = add_risk (risks, l, i, 0, 0, "retain");
  annex_record_set_string (closed, "status", "closed");
  annex_test_save_record (risks, closed);
  add_risk (risks, 5, 5, 0, 0, "modify");
  assert_finding (fixture, ANNEX_CHECK_RISK_RETAINED_UNACCEPTED, "risks", NULL);

  /* A stricter method puts them above the threshold: those without who and when fail. */
  set_method_threshold (fixture->db, threshold - 1);
  expected = g_strdup_printf ("%s %s", ref (unaccepted), ref (no_date));
  assert_finding (fixture, ANNEX_CHECK_RISK_RETAINED_UNACCEPTED, "risks", expected);
}

/* A risk retained at inherent @l × @i, accepted on 2025-01-10 until @until (may be NULL). */
static AnnexRecord *
add_accepted_risk (AnnexRegister *risks,
                   guint          l,
                   guint          i,
                   const char    *until)
{
  g_autoptr(AnnexRecord) record = annex_register_new_record (risks);
  g_autoptr(GError) error = NULL;

  annex_record_set_string (record, "title", "An accepted risk");
  annex_record_set_int (record, "inherent-likelihood", l);
  annex_record_set_int (record, "inherent-impact", i);
  annex_record_set_string (record, "treatment", "retain");
  annex_record_set_string (record, "accepted-by", "Chief Executive");
  annex_record_set_string (record, "accepted-on", "2025-01-10");
  annex_record_set_string (record, "accepted-until", until);
  g_assert_true (annex_register_add (risks, record, &error));
  g_assert_no_error (error);
  return record;
}

static void
test_risk_acceptance_expired (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) risks = annex_test_load_register (fixture->db, ANNEX_TYPE_RISK);
  AnnexRecord *expired;

  add_accepted_risk (risks, 5, 5, "2026-12-31");
  expired = add_accepted_risk (risks, 5, 4, NULL);
  add_accepted_risk (risks, 5, 5, TODAY);
  /* Below the threshold an acceptance is not needed, so it cannot run out. */
  add_accepted_risk (risks, 1, 1, "2026-01-01");
  assert_finding (fixture, ANNEX_CHECK_RISK_ACCEPTANCE_EXPIRED, "risks", NULL);

  annex_record_set_string (expired, "accepted-until", "2026-06-29");
  annex_test_save_record (risks, expired);
  assert_finding (fixture, ANNEX_CHECK_RISK_ACCEPTANCE_EXPIRED, "risks", ref (expired));

  /* Closing the risk ends the need for an acceptance. */
  annex_record_set_string (expired, "status", "closed");
  annex_test_save_record (risks, expired);
  assert_finding (fixture, ANNEX_CHECK_RISK_ACCEPTANCE_EXPIRED, "risks", NULL);
}

static void
test_risk_review_overdue (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) risks = annex_test_load_register (fixture->db, ANNEX_TYPE_RISK);
  AnnexRecord *due_today, *overdue, *closed, *unset;
  g_autofree char *expected = NULL;

  due_today = add_risk (risks, 2, 2, 0, 0, "modify");
  annex_record_set_string (due_today, "next-review", TODAY);
  annex_test_save_record (risks, due_today);
  closed = add_risk (risks, 2, 2, 0, 0, "modify");
  annex_record_set_string (closed, "next-review", "2026-01-01");
  annex_record_set_string (closed, "status", "closed");
  annex_test_save_record (risks, closed);
  unset = add_risk (risks, 2, 2, 0, 0, "modify");
  (void) unset;
  assert_finding (fixture, ANNEX_CHECK_RISK_REVIEW_OVERDUE, "risks", NULL);

  overdue = add_risk (risks, 2, 2, 0, 0, "modify");
  annex_record_set_string (overdue, "next-review", "2026-06-29");
  annex_test_save_record (risks, overdue);
  annex_record_set_string (closed, "status", "treated");
  annex_test_save_record (risks, closed);
  expected = g_strdup_printf ("%s %s", ref (closed), ref (overdue));
  assert_finding (fixture, ANNEX_CHECK_RISK_REVIEW_OVERDUE, "risks", expected);
}

static void
decide (AnnexRegister *controls,
        const char    *reference,
        const char    *applicability,
        const char    *reason_or_justification)
{
  AnnexRecord *control = annex_test_find_record (controls, reference);

  g_object_set (control, "applicability", applicability, NULL);
  if (reason_or_justification != NULL && strcmp (applicability, "applicable") == 0)
    g_object_set (control, reason_or_justification, TRUE, NULL);
  else if (reason_or_justification != NULL)
    annex_record_set_string (control, "justification", reason_or_justification);
  annex_test_save_record (controls, control);
}

static void
test_control_no_reason (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) controls = annex_test_load_register (fixture->db, ANNEX_TYPE_CONTROL);

  decide (controls, "5.2", "applicable", "reason-legal");
  decide (controls, "5.3", "applicable", "reason-best-practice");
  assert_finding (fixture, ANNEX_CHECK_CONTROL_NO_REASON, "controls", NULL);

  decide (controls, "5.10", "applicable", NULL);
  decide (controls, "5.9", "applicable", NULL);
  assert_finding (fixture, ANNEX_CHECK_CONTROL_NO_REASON, "controls", "5.9 5.10");
}

static void
test_control_no_justification (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) controls = annex_test_load_register (fixture->db, ANNEX_TYPE_CONTROL);

  decide (controls, "7.4", "excluded", "No premises of our own");
  assert_finding (fixture, ANNEX_CHECK_CONTROL_NO_JUSTIFICATION, "controls", NULL);

  decide (controls, "7.5", "excluded", "  \n ");
  decide (controls, "7.12", "excluded", NULL);
  assert_finding (fixture, ANNEX_CHECK_CONTROL_NO_JUSTIFICATION, "controls", "7.5 7.12");
}

static void
test_control_undecided (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) controls = annex_test_load_register (fixture->db, ANNEX_TYPE_CONTROL);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const AnnexCheckFinding *finding;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (controls));

  /* A new workspace: all 93 Annex A controls, in natural reference order. */
  findings = run_checks (fixture);
  finding = annex_readiness_find (findings, ANNEX_CHECK_CONTROL_UNDECIDED);
  g_assert_nonnull (finding);
  g_assert_cmpuint (finding->records->len, ==, 93);
  g_assert_cmpuint (n, ==, 93);
  g_assert_cmpstr (g_array_index (finding->records, AnnexCheckRecord, 0).reference, ==, "5.1");
  g_assert_cmpstr (g_array_index (finding->records, AnnexCheckRecord, 8).reference, ==, "5.9");
  g_assert_cmpstr (g_array_index (finding->records, AnnexCheckRecord, 9).reference, ==, "5.10");
  g_assert_cmpstr (g_array_index (finding->records, AnnexCheckRecord, 92).reference, ==, "8.34");
  g_assert_cmpstr (finding->view, ==, "controls");
  g_assert_cmpint (finding->severity, ==, ANNEX_CHECK_SEVERITY_ERROR);

  /* Every one decided but 6.3. */
  for (guint i = 0; i < n; i++)
    {
      AnnexRecord *control = annex_test_list_get_item (G_LIST_MODEL (controls), i);

      if (strcmp (ref (control), "6.3") == 0)
        continue;
      g_object_set (control, "applicability", "applicable", "reason-risk", TRUE, NULL);
      g_ptr_array_add (all, control);
    }
  g_assert_true (annex_register_save_many (controls, all, &error));
  g_assert_no_error (error);
  assert_finding (fixture, ANNEX_CHECK_CONTROL_UNDECIDED, "controls", "6.3");

  decide (controls, "6.3", "excluded", "Covered by the parent company");
  assert_finding (fixture, ANNEX_CHECK_CONTROL_UNDECIDED, "controls", NULL);
}

static void
test_control_chosen_excluded (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) controls = annex_test_load_register (fixture->db, ANNEX_TYPE_CONTROL);
  g_autoptr(AnnexRegister) risks = annex_test_load_register (fixture->db, ANNEX_TYPE_RISK);
  AnnexRecord *risk, *closed;

  decide (controls, "8.24", "applicable", "reason-risk");
  decide (controls, "7.7", "excluded", "No offices");
  decide (controls, "7.8", "excluded", "No offices");
  risk = add_risk (risks, 3, 3, 0, 0, "modify");
  closed = add_risk (risks, 3, 3, 0, 0, "modify");
  annex_record_set_string (closed, "status", "closed");
  annex_test_save_record (risks, closed);
  annex_test_add_link (fixture->db, "risks", risk,
                       "controls", annex_test_find_record (controls, "8.24"));
  annex_test_add_link (fixture->db, "risks", closed,
                       "controls", annex_test_find_record (controls, "7.7"));
  assert_finding (fixture, ANNEX_CHECK_CONTROL_CHOSEN_EXCLUDED, "controls", NULL);

  annex_test_add_link (fixture->db, "risks", risk,
                       "controls", annex_test_find_record (controls, "7.8"));
  assert_finding (fixture, ANNEX_CHECK_CONTROL_CHOSEN_EXCLUDED, "controls", "7.8");
}

static void
test_action_overdue (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) actions = annex_test_load_register (fixture->db, ANNEX_TYPE_ACTION);
  AnnexRecord *open, *in_progress;
  g_autofree char *expected = NULL;

  add_record (actions, "title", "Due today", "due-date", TODAY, NULL);
  add_record (actions, "title", "Done late", "due-date", "2026-01-01", "status", "done", NULL);
  add_record (actions, "title", "Dropped", "due-date", "2026-01-01", "status", "cancelled",
              NULL);
  add_record (actions, "title", "No date", NULL);
  assert_finding (fixture, ANNEX_CHECK_ACTION_OVERDUE, "actions", NULL);

  open = add_record (actions, "title", "Late", "due-date", "2026-06-29", NULL);
  in_progress = add_record (actions, "title", "Later", "due-date", "2025-12-01",
                            "status", "in-progress", NULL);
  expected = g_strdup_printf ("%s %s", ref (open), ref (in_progress));
  assert_finding (fixture, ANNEX_CHECK_ACTION_OVERDUE, "actions", expected);
}

static AnnexRecord *
add_nonconformity (AnnexRegister *ncs,
                   const char    *status,
                   const char    *root_cause)
{
  return add_record (ncs, "title", "Backups not tested", "raised-on", "2026-02-01",
                     "status", status, "root-cause", root_cause, NULL);
}

static void
test_nc_no_root_cause (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) ncs = annex_test_load_register (fixture->db, ANNEX_TYPE_NONCONFORMITY);
  AnnexRecord *planned, *awaiting;
  g_autofree char *expected = NULL;

  add_nonconformity (ncs, "open", NULL);
  add_nonconformity (ncs, "action-planned", "Nobody owned the restore test");
  assert_finding (fixture, ANNEX_CHECK_NC_NO_ROOT_CAUSE, "nonconformities", NULL);

  planned = add_nonconformity (ncs, "action-planned", NULL);
  awaiting = add_nonconformity (ncs, "awaiting-check", " ");
  expected = g_strdup_printf ("%s %s", ref (planned), ref (awaiting));
  assert_finding (fixture, ANNEX_CHECK_NC_NO_ROOT_CAUSE, "nonconformities", expected);
}

static void
test_nc_no_effectiveness (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) ncs = annex_test_load_register (fixture->db, ANNEX_TYPE_NONCONFORMITY);
  g_autoptr(GError) error = NULL;
  AnnexRecord *closed, *forced;
  sqlite3_stmt *stmt;

  closed = add_nonconformity (ncs, "awaiting-check", "No owner");
  annex_record_set_string (closed, "check-date", "2026-05-01");
  annex_record_set_string (closed, "check-by", "Quality lead");
  annex_record_set_string (closed, "check-result", "effective");
  annex_record_set_string (closed, "status", "closed");
  annex_test_save_record (ncs, closed);
  add_nonconformity (ncs, "awaiting-check", "No owner");
  assert_finding (fixture, ANNEX_CHECK_NC_NO_EFFECTIVENESS, "nonconformities", NULL);

  /* The model refuses to close one without the check; only data written around it (an import,
   * an older version) can hold one. */
  forced = add_nonconformity (ncs, "awaiting-check", "No owner");
  annex_record_set_string (forced, "status", "closed");
  g_assert_false (annex_register_save (ncs, forced, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  stmt = annex_database_prepare (fixture->db,
                                 "UPDATE nonconformities SET status = 'closed' WHERE id = ?",
                                 NULL);
  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, annex_record_get_id (forced));
  g_clear_error (&error);
  g_assert_true (annex_database_step_done (fixture->db, stmt, &error));
  g_assert_no_error (error);
  assert_finding (fixture, ANNEX_CHECK_NC_NO_EFFECTIVENESS, "nonconformities", ref (forced));
}

static void
test_no_recent_audit (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) audits = annex_test_load_register (fixture->db, ANNEX_TYPE_AUDIT);
  g_autoptr(GPtrArray) findings = NULL;
  const AnnexCheckFinding *finding;
  AnnexRecord *audit;

  findings = run_checks (fixture);
  finding = annex_readiness_find (findings, ANNEX_CHECK_NO_RECENT_AUDIT);
  g_assert_nonnull (finding);
  g_assert_cmpuint (finding->records->len, ==, 0);
  g_assert_cmpstr (finding->view, ==, "audits");

  /* Not internal; internal but ended more than 12 months ago; planned only. */
  add_record (audits, "title", "Supplier visit", "type", "supplier",
              "actual-start", "2026-03-01", "actual-end", "2026-03-02", NULL);
  add_record (audits, "title", "Old audit", "actual-start", "2025-06-28",
              "actual-end", "2025-06-29", NULL);
  add_record (audits, "title", "Next audit", "planned-start", "2026-05-01", NULL);
  assert_finding (fixture, ANNEX_CHECK_NO_RECENT_AUDIT, "audits", "");

  /* Exactly 12 months ago still counts. */
  audit = add_record (audits, "title", "Last year's audit", "actual-start", "2025-06-29",
                      "actual-end", "2025-06-30", NULL);
  assert_finding (fixture, ANNEX_CHECK_NO_RECENT_AUDIT, "audits", NULL);
  annex_record_set_string (audit, "actual-end", "2025-06-29");
  annex_test_save_record (audits, audit);
  assert_finding (fixture, ANNEX_CHECK_NO_RECENT_AUDIT, "audits", "");

  /* Reported without an actual end: its planned end counts. */
  add_record (audits, "title", "Spring audit", "planned-start", "2026-04-01",
              "planned-end", "2026-04-03", "status", "reported", NULL);
  assert_finding (fixture, ANNEX_CHECK_NO_RECENT_AUDIT, "audits", NULL);
}

static void
test_no_recent_review (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) reviews = annex_test_load_register (fixture->db, ANNEX_TYPE_REVIEW);
  g_autoptr(GError) error = NULL;
  AnnexRecord *held, *old;

  assert_finding (fixture, ANNEX_CHECK_NO_RECENT_REVIEW, "reviews", "");

  /* Held but not signed off; signed off more than 12 months ago. */
  held = add_record (reviews, "planned-date", "2026-05-10", "actual-date", "2026-05-10",
                     "chair", "Chief Executive", "status", "held", NULL);
  old = add_record (reviews, "planned-date", "2025-05-10", "actual-date", "2025-05-10",
                    "chair", "Chief Executive", "status", "held", NULL);
  g_assert_true (annex_review_sign_off (reviews, ANNEX_REVIEW (old), "Chief Executive",
                                        "2025-05-12", &error));
  g_assert_no_error (error);
  assert_finding (fixture, ANNEX_CHECK_NO_RECENT_REVIEW, "reviews", "");

  g_assert_true (annex_review_sign_off (reviews, ANNEX_REVIEW (held), "chief executive",
                                        "2026-05-11", &error));
  g_assert_no_error (error);
  assert_finding (fixture, ANNEX_CHECK_NO_RECENT_REVIEW, "reviews", NULL);
}

static void
test_scope_not_approved (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) versions = annex_test_load_register (fixture->db,
                                                           ANNEX_TYPE_SCOPE_VERSION);
  g_autoptr(AnnexRegister) exclusions = annex_test_load_register (fixture->db,
                                                             ANNEX_TYPE_SCOPE_EXCLUSION);
  g_autoptr(GError) error = NULL;
  AnnexScopeVersion *draft;

  assert_finding (fixture, ANNEX_CHECK_SCOPE_NOT_APPROVED, "scope_versions", "");

  draft = annex_scope_version_new_draft (versions, exclusions, &error);
  g_assert_no_error (error);
  annex_record_set_string (ANNEX_RECORD (draft), "statement", "All of Acme's services");
  annex_test_save_record (versions, ANNEX_RECORD (draft));
  assert_finding (fixture, ANNEX_CHECK_SCOPE_NOT_APPROVED, "scope_versions",
                  ref (ANNEX_RECORD (draft)));

  /* Approved, but in force only after today. */
  g_assert_true (annex_scope_version_approve (versions, draft, "Chief Executive", "2026-06-01",
                                              "2026-07-01", &error));
  g_assert_no_error (error);
  assert_finding (fixture, ANNEX_CHECK_SCOPE_NOT_APPROVED, "scope_versions",
                  ref (ANNEX_RECORD (draft)));

  /* The next version in force before today. */
  draft = annex_scope_version_new_draft (versions, exclusions, &error);
  g_assert_no_error (error);
  g_assert_true (annex_scope_version_approve (versions, draft, "Chief Executive", "2026-06-02",
                                              "2026-06-02", &error));
  g_assert_no_error (error);
  assert_finding (fixture, ANNEX_CHECK_SCOPE_NOT_APPROVED, "scope_versions", NULL);
}

static void
test_climate_not_considered (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) issues = annex_test_load_register (fixture->db, ANNEX_TYPE_ISSUE);
  g_autoptr(GError) error = NULL;
  AnnexRecord *issue;

  assert_finding (fixture, ANNEX_CHECK_CLIMATE_NOT_CONSIDERED, "issues", "");

  /* A closed climate issue answers nothing. */
  issue = add_record (issues, "title", "Flooding of the data centre", "status", "closed", NULL);
  g_object_set (issue, "climate", TRUE, NULL);
  annex_test_save_record (issues, issue);
  add_record (issues, "title", "New competitor", NULL);
  assert_finding (fixture, ANNEX_CHECK_CLIMATE_NOT_CONSIDERED, "issues", "");

  annex_record_set_string (issue, "status", "current");
  annex_test_save_record (issues, issue);
  assert_finding (fixture, ANNEX_CHECK_CLIMATE_NOT_CONSIDERED, "issues", NULL);

  annex_record_set_string (issue, "status", "closed");
  annex_test_save_record (issues, issue);
  g_assert_true (annex_context_set_climate_note (fixture->db,
                                                 "Office work only, no sites at risk", &error));
  g_assert_no_error (error);
  assert_finding (fixture, ANNEX_CHECK_CLIMATE_NOT_CONSIDERED, "issues", NULL);
}

static void
test_requirement_no_evidence (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) requirements = annex_test_load_register (fixture->db,
                                                               ANNEX_TYPE_REQUIREMENT);
  g_autoptr(AnnexRegister) documents = annex_test_load_register (fixture->db, ANNEX_TYPE_DOCUMENT);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  const AnnexCheckFinding *finding;
  AnnexRecord *q41, *q42, *q43, *document;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (requirements));

  /* A new workspace: every requirement, in clause order. */
  findings = run_checks (fixture);
  finding = annex_readiness_find (findings, ANNEX_CHECK_REQUIREMENT_NO_EVIDENCE);
  g_assert_nonnull (finding);
  g_assert_cmpuint (finding->records->len, ==, n);
  g_assert_cmpuint (n, >, 10);
  g_assert_cmpstr (g_array_index (finding->records, AnnexCheckRecord, 0).reference, ==, "4.1");

  /* All done with evidence, but 4.1 (done, blank evidence), 4.2 (partial) and 4.3 (done, no
   * note, a withdrawn document). */
  for (guint i = 0; i < n; i++)
    {
      AnnexRecord *q = annex_test_list_get_item (G_LIST_MODEL (requirements), i);

      annex_record_set_string (q, "status", "done");
      annex_record_set_string (q, "evidence", "Minutes of the kick-off");
      g_ptr_array_add (all, q);
    }
  q41 = annex_test_find_record (requirements, "4.1");
  q42 = annex_test_find_record (requirements, "4.2");
  q43 = annex_test_find_record (requirements, "4.3");
  annex_record_set_string (q41, "evidence", " ");
  annex_record_set_string (q42, "status", "partial");
  annex_record_set_string (q43, "evidence", NULL);
  g_assert_true (annex_register_save_many (requirements, all, &error));
  g_assert_no_error (error);
  document = add_record (documents, "title", "Scope", "status", "withdrawn", NULL);
  g_assert_true (annex_links_add (fixture->db, "documents", annex_record_get_id (document),
                                  "requirements", annex_record_get_id (q43), &error));
  g_assert_no_error (error);
  assert_finding (fixture, ANNEX_CHECK_REQUIREMENT_NO_EVIDENCE, "requirements", "4.1 4.2 4.3");

  /* A document that serves the clause is evidence. */
  annex_record_set_string (document, "status", "draft");
  annex_test_save_record (documents, document);
  annex_record_set_string (q41, "evidence", "Context analysis, March");
  annex_record_set_string (q42, "status", "done");
  annex_test_save_record (requirements, q41);
  annex_test_save_record (requirements, q42);
  assert_finding (fixture, ANNEX_CHECK_REQUIREMENT_NO_EVIDENCE, "requirements", NULL);
}

static void
test_no_risk_method (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  assert_finding (fixture, ANNEX_CHECK_NO_RISK_METHOD, "risks", "");

  set_method_threshold (fixture->db, 3);
  assert_finding (fixture, ANNEX_CHECK_NO_RISK_METHOD, "risks", NULL);

  /* A malformed method: reported, and the rules that need levels skip rather than fail. */
  g_assert_true (annex_database_set_setting (fixture->db, ANNEX_RISK_METHOD_SETTING,
                                             "{\"version\":1}", &error));
  g_assert_no_error (error);
  assert_finding (fixture, ANNEX_CHECK_NO_RISK_METHOD, "risks", "");
  assert_finding (fixture, ANNEX_CHECK_RISK_UNTREATED, "risks", NULL);
}

static void
test_policy_missing (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) documents = annex_test_load_register (fixture->db, ANNEX_TYPE_DOCUMENT);
  g_autoptr(AnnexRegister) versions = annex_test_load_register (fixture->db,
                                                           ANNEX_TYPE_DOCUMENT_VERSION);
  g_autoptr(GError) error = NULL;
  g_autofree char *document_id = NULL;
  AnnexRecord *policy, *version;

  assert_finding (fixture, ANNEX_CHECK_POLICY_MISSING, "documents", "");

  /* Not marked as the policy; marked but a draft. */
  add_record (documents, "title", "Access policy", "type", "policy", NULL);
  policy = add_record (documents, "title", "Information security policy", "type", "policy",
                       NULL);
  g_object_set (policy, "security-policy", TRUE, NULL);
  annex_test_save_record (documents, policy);
  assert_finding (fixture, ANNEX_CHECK_POLICY_MISSING, "documents", ref (policy));

  version = annex_register_new_record (versions);
  annex_record_set_int (version, "document-id", annex_record_get_id (policy));
  annex_record_set_string (version, "version", "1.0");
  g_assert_true (annex_register_add (versions, version, &error));
  g_assert_no_error (error);
  g_assert_true (annex_document_version_approve (versions, ANNEX_DOCUMENT_VERSION (version),
                                                 documents, "Chief Executive", "2026-03-01",
                                                 &error));
  g_assert_no_error (error);
  g_object_unref (version);
  assert_finding (fixture, ANNEX_CHECK_POLICY_MISSING, "documents", NULL);
}

/* ---- Order, score, counts ------------------------------------------------------------------ */

static void
test_order (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) actions = annex_test_load_register (fixture->db, ANNEX_TYPE_ACTION);
  g_autoptr(GPtrArray) findings = NULL;
  const char * const expected[] = {
    /* errors, in rule order */
    ANNEX_CHECK_CONTROL_UNDECIDED, ANNEX_CHECK_NO_RECENT_AUDIT, ANNEX_CHECK_NO_RECENT_REVIEW,
    ANNEX_CHECK_SCOPE_NOT_APPROVED, ANNEX_CHECK_NO_RISK_METHOD, ANNEX_CHECK_POLICY_MISSING,
    /* warnings, in rule order */
    ANNEX_CHECK_ACTION_OVERDUE, ANNEX_CHECK_CLIMATE_NOT_CONSIDERED,
    ANNEX_CHECK_REQUIREMENT_NO_EVIDENCE,
  };
  gboolean seen_warning = FALSE;

  add_record (actions, "title", "Late", "due-date", "2026-01-01", NULL);
  findings = run_checks (fixture);
  g_assert_cmpuint (findings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < findings->len; i++)
    {
      const AnnexCheckFinding *finding = g_ptr_array_index (findings, i);
      g_autoptr(AnnexCheckFinding) copy = annex_check_finding_copy (finding);

      g_assert_cmpstr (finding->rule, ==, expected[i]);
      if (finding->severity == ANNEX_CHECK_SEVERITY_WARNING)
        seen_warning = TRUE;
      else
        g_assert_false (seen_warning);

      /* A copy is deep and equal. */
      g_assert_cmpstr (copy->rule, ==, finding->rule);
      g_assert_cmpstr (copy->title, ==, finding->title);
      g_assert_true (copy->records != finding->records);
      g_assert_cmpuint (copy->records->len, ==, finding->records->len);
    }

  /* The same through compute(), as a boxed type. */
  {
    g_autoptr(AnnexReadiness) readiness = annex_readiness_compute (fixture->db, TODAY, NULL);

    g_assert_nonnull (readiness);
    g_assert_cmpuint (readiness->findings->len, ==, G_N_ELEMENTS (expected));
    g_assert_true (G_TYPE_IS_BOXED (ANNEX_TYPE_CHECK_FINDING));
  }
}

static void
test_bad_today (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = annex_readiness_run_checks (fixture->db, "2026-02-30", &error);

  g_assert_null (findings);
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_false (annex_database_in_transaction (fixture->db));

  /* NULL: the real today. */
  g_clear_error (&error);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = annex_readiness_run_checks (fixture->db, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (findings);
}

static void
assert_part (AnnexReadiness     *readiness,
             AnnexReadinessPart  part,
             guint               done,
             guint               total,
             guint               weight)
{
  const AnnexReadinessPartScore *score = &readiness->parts[part];

  g_assert_cmpint (score->part, ==, part);
  g_assert_nonnull (score->title);
  g_assert_cmpuint (score->done, ==, done);
  g_assert_cmpuint (score->total, ==, total);
  g_assert_cmpuint (score->weight, ==, weight);
}

static void
test_score_empty (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) requirements = annex_test_load_register (fixture->db,
                                                               ANNEX_TYPE_REQUIREMENT);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexReadiness) readiness = annex_readiness_compute (fixture->db, TODAY, &error);
  guint n_requirements = g_list_model_get_n_items (G_LIST_MODEL (requirements));
  guint weights = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (readiness->score, ==, 0);
  assert_part (readiness, ANNEX_READINESS_PART_CLAUSES, 0, n_requirements, 30);
  assert_part (readiness, ANNEX_READINESS_PART_SOA, 0, 93, 20);
  assert_part (readiness, ANNEX_READINESS_PART_IMPLEMENTED, 0, 0, 25);
  assert_part (readiness, ANNEX_READINESS_PART_REGISTERS, 0, 5, 15);
  assert_part (readiness, ANNEX_READINESS_PART_AUDIT, 0, 1, 5);
  assert_part (readiness, ANNEX_READINESS_PART_REVIEW, 0, 1, 5);
  for (guint i = 0; i < ANNEX_READINESS_N_PARTS; i++)
    weights += readiness->parts[i].weight;
  g_assert_cmpuint (weights, ==, 100);

  g_assert_cmpuint (readiness->theme_total[ANNEX_THEME_ORGANIZATIONAL], ==, 37);
  g_assert_cmpuint (readiness->theme_total[ANNEX_THEME_PEOPLE], ==, 8);
  g_assert_cmpuint (readiness->theme_total[ANNEX_THEME_PHYSICAL], ==, 14);
  g_assert_cmpuint (readiness->theme_total[ANNEX_THEME_TECHNOLOGICAL], ==, 34);
  for (guint t = 0; t < 4; t++)
    {
      g_assert_cmpuint (readiness->theme_decided[t], ==, 0);
      g_assert_cmpuint (readiness->theme_applicable[t], ==, 0);
      g_assert_cmpuint (readiness->theme_implemented[t], ==, 0);
    }
  g_assert_cmpuint (readiness->nonconformities_open, ==, 0);
  g_assert_cmpuint (readiness->actions_open, ==, 0);
  g_assert_cmpuint (readiness->actions_overdue, ==, 0);
  g_assert_null (readiness->next_audit_reference);
  g_assert_null (readiness->next_audit_title);
  g_assert_null (readiness->next_audit_date);
  g_assert_cmpint (readiness->next_audit_id, ==, 0);
  g_assert_null (readiness->next_review_date);
  g_assert_cmpuint (readiness->findings->len, >, 0);
}

static void
test_score_partial (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) controls = annex_test_load_register (fixture->db, ANNEX_TYPE_CONTROL);
  g_autoptr(AnnexRegister) requirements = annex_test_load_register (fixture->db,
                                                               ANNEX_TYPE_REQUIREMENT);
  g_autoptr(AnnexRegister) audits = annex_test_load_register (fixture->db, ANNEX_TYPE_AUDIT);
  g_autoptr(AnnexRegister) issues = annex_test_load_register (fixture->db, ANNEX_TYPE_ISSUE);
  g_autoptr(AnnexRegister) parties = annex_test_load_register (fixture->db, ANNEX_TYPE_PARTY);
  g_autoptr(AnnexRegister) risks = annex_test_load_register (fixture->db, ANNEX_TYPE_RISK);
  g_autoptr(AnnexRegister) actions = annex_test_load_register (fixture->db, ANNEX_TYPE_ACTION);
  g_autoptr(AnnexRegister) ncs = annex_test_load_register (fixture->db, ANNEX_TYPE_NONCONFORMITY);
  g_autoptr(AnnexRegister) reviews = annex_test_load_register (fixture->db, ANNEX_TYPE_REVIEW);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(AnnexReadiness) readiness = NULL;
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (controls));
  guint n_requirements = g_list_model_get_n_items (G_LIST_MODEL (requirements));
  AnnexRecord *q, *risk, *review, *next_audit;
  g_autoptr(AnnexRecord) custom = NULL;

  /* SoA: the first 47 applicable with a reason, of which 10 implemented and 5 partial (2.5
   * counted as 2); the other 46 excluded, 6 of them without a justification. */
  for (guint i = 0; i < n; i++)
    {
      AnnexRecord *control = annex_test_list_get_item (G_LIST_MODEL (controls), i);

      if (i < 47)
        g_object_set (control, "applicability", "applicable", "reason-risk", TRUE,
                      "status", i < 10 ? "implemented" : i < 15 ? "partial" : "planned", NULL);
      else
        g_object_set (control, "applicability", "excluded",
                      "justification", i < 87 ? "Not relevant to us" : NULL, NULL);
      g_ptr_array_add (all, control);
    }
  g_assert_true (annex_register_save_many (controls, all, &error));
  g_assert_no_error (error);
  /* An organization-specific control counts for "implemented", not for the SoA's 93. */
  custom = annex_register_new_record (controls);
  annex_record_set_reference (custom, "ORG-1");
  g_object_set (custom, "title", "Clean desk rounds", "theme", "physical",
                "applicability", "applicable", "status", "implemented", NULL);
  g_assert_true (annex_register_add (controls, custom, &error));
  g_assert_no_error (error);

  /* Clause requirements: one done with evidence, one done without. */
  q = annex_test_list_get_item (G_LIST_MODEL (requirements), 0);
  annex_record_set_string (q, "status", "done");
  annex_record_set_string (q, "evidence", "Context analysis");
  annex_test_save_record (requirements, q);
  q = annex_test_list_get_item (G_LIST_MODEL (requirements), 1);
  annex_record_set_string (q, "status", "done");
  annex_test_save_record (requirements, q);

  /* Registers: an issue, a party, the method; risks not all assessed (no scope). */
  add_record (issues, "title", "Skills shortage", NULL);
  add_record (parties, "name", "Customers", NULL);
  set_method_threshold (fixture->db, 3);
  risk = add_risk (risks, 4, 4, 2, 2, "modify");
  add_risk (risks, 4, 4, 0, 0, "modify");

  /* A recent internal audit; the next one; a review planned. */
  add_record (audits, "title", "Internal audit 2026", "actual-start", "2026-03-01",
              "actual-end", "2026-03-03", "status", "reported", NULL);
  add_record (audits, "title", "Undated audit", NULL);
  add_record (audits, "title", "Autumn audit", "planned-start", "2026-10-05", NULL);
  next_audit = add_record (audits, "title", "Summer audit", "planned-start", "2026-08-01", NULL);
  review = add_record (reviews, "planned-date", "2026-09-15", NULL);

  /* Counts. */
  add_record (actions, "title", "Late", "due-date", "2026-01-01", NULL);
  add_record (actions, "title", "Ongoing", "due-date", "2026-12-01", "status", "in-progress",
              NULL);
  add_record (actions, "title", "Done", "due-date", "2026-01-01", "status", "done", NULL);
  add_nonconformity (ncs, "open", NULL);
  add_nonconformity (ncs, "action-planned", "A cause");

  readiness = annex_readiness_compute (fixture->db, TODAY, &error);
  g_assert_no_error (error);
  assert_part (readiness, ANNEX_READINESS_PART_CLAUSES, 1, n_requirements, 30);
  assert_part (readiness, ANNEX_READINESS_PART_SOA, 87, 93, 20);
  assert_part (readiness, ANNEX_READINESS_PART_IMPLEMENTED, 13, 48, 25);
  assert_part (readiness, ANNEX_READINESS_PART_REGISTERS, 3, 5, 15);
  assert_part (readiness, ANNEX_READINESS_PART_AUDIT, 1, 1, 5);
  assert_part (readiness, ANNEX_READINESS_PART_REVIEW, 0, 1, 5);
  {
    double expected = 30.0 * 1 / n_requirements + 20.0 * 87 / 93 + 25.0 * 13 / 48 +
                      15.0 * 3 / 5 + 5;

    g_assert_cmpuint (readiness->score, ==, (guint) (expected + 0.5));
  }

  g_assert_cmpuint (readiness->theme_decided[ANNEX_THEME_ORGANIZATIONAL], ==, 37);
  g_assert_cmpuint (readiness->theme_applicable[ANNEX_THEME_ORGANIZATIONAL], ==, 37);
  g_assert_cmpuint (readiness->theme_implemented[ANNEX_THEME_ORGANIZATIONAL], ==, 10);
  g_assert_cmpuint (readiness->theme_applicable[ANNEX_THEME_PEOPLE], ==, 8);
  g_assert_cmpuint (readiness->theme_total[ANNEX_THEME_PHYSICAL], ==, 15);
  g_assert_cmpuint (readiness->theme_applicable[ANNEX_THEME_PHYSICAL], ==, 3);
  g_assert_cmpuint (readiness->theme_implemented[ANNEX_THEME_PHYSICAL], ==, 1);
  g_assert_cmpuint (readiness->theme_decided[ANNEX_THEME_TECHNOLOGICAL], ==, 34);
  g_assert_cmpuint (readiness->theme_applicable[ANNEX_THEME_TECHNOLOGICAL], ==, 0);

  g_assert_cmpuint (readiness->actions_open, ==, 2);
  g_assert_cmpuint (readiness->actions_overdue, ==, 1);
  g_assert_cmpuint (readiness->nonconformities_open, ==, 2);
  g_assert_cmpstr (readiness->next_audit_title, ==, "Summer audit");
  g_assert_cmpstr (readiness->next_audit_date, ==, "2026-08-01");
  g_assert_nonnull (readiness->next_audit_reference);
  g_assert_cmpint (readiness->next_audit_id, >, 0);
  g_assert_cmpint (readiness->next_audit_id, ==, annex_record_get_id (next_audit));
  g_assert_cmpstr (readiness->next_review_date, ==, "2026-09-15");

  /* Every risk assessed: the fourth register item; a signed-off review: the next one is due a
   * review interval after it, once none is planned. */
  risk = annex_test_list_get_item (G_LIST_MODEL (risks), 1);
  annex_record_set_int (risk, "residual-likelihood", 1);
  annex_record_set_int (risk, "residual-impact", 1);
  annex_test_save_record (risks, risk);
  annex_record_set_string (review, "actual-date", "2026-05-20");
  annex_record_set_string (review, "planned-date", "2026-05-20");
  annex_record_set_string (review, "chair", "Chief Executive");
  annex_record_set_string (review, "status", "held");
  annex_test_save_record (reviews, review);
  g_assert_true (annex_review_sign_off (reviews, ANNEX_REVIEW (review), "Chief Executive",
                                        "2026-05-21", &error));
  g_assert_no_error (error);
  g_clear_pointer (&readiness, annex_readiness_free);
  readiness = annex_readiness_compute (fixture->db, TODAY, &error);
  g_assert_no_error (error);
  assert_part (readiness, ANNEX_READINESS_PART_REGISTERS, 4, 5, 15);
  assert_part (readiness, ANNEX_READINESS_PART_REVIEW, 1, 1, 5);
  g_assert_cmpstr (readiness->next_review_date, ==, "2027-05-20");
  g_assert_null (annex_readiness_find (readiness->findings, ANNEX_CHECK_NO_RECENT_REVIEW));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/annex/readiness/risk-untreated", test_risk_untreated);
  ADD ("/annex/readiness/risk-retained-unaccepted", test_risk_retained_unaccepted);
  ADD ("/annex/readiness/risk-acceptance-expired", test_risk_acceptance_expired);
  ADD ("/annex/readiness/risk-review-overdue", test_risk_review_overdue);
  ADD ("/annex/readiness/control-no-reason", test_control_no_reason);
  ADD ("/annex/readiness/control-no-justification", test_control_no_justification);
  ADD ("/annex/readiness/control-undecided", test_control_undecided);
  ADD ("/annex/readiness/control-chosen-not-applicable", test_control_chosen_excluded);
  ADD ("/annex/readiness/action-overdue", test_action_overdue);
  ADD ("/annex/readiness/nonconformity-no-root-cause", test_nc_no_root_cause);
  ADD ("/annex/readiness/nonconformity-no-effectiveness", test_nc_no_effectiveness);
  ADD ("/annex/readiness/no-recent-audit", test_no_recent_audit);
  ADD ("/annex/readiness/no-recent-review", test_no_recent_review);
  ADD ("/annex/readiness/scope-not-approved", test_scope_not_approved);
  ADD ("/annex/readiness/climate-not-considered", test_climate_not_considered);
  ADD ("/annex/readiness/requirement-no-evidence", test_requirement_no_evidence);
  ADD ("/annex/readiness/no-risk-method", test_no_risk_method);
  ADD ("/annex/readiness/policy-missing", test_policy_missing);
  ADD ("/annex/readiness/order", test_order);
  ADD ("/annex/readiness/bad-today", test_bad_today);
  ADD ("/annex/readiness/score-empty", test_score_empty);
  ADD ("/annex/readiness/score-partial", test_score_partial);

#undef ADD

  return g_test_run ();
}
