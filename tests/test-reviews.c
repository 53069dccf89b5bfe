/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reviews.c: objectives (6.2) and management reviews (9.3) on a temporary workspace:
 * objectives with measurements and links, yearly review references, the inputs a–g prepared
 * from fixture registers (with the "since the previous review" windows from the change
 * history), the snapshot staying as it was when the registers change, actions carried forward,
 * the sign-off lock and the explicit reopen, notes and refreshes, the next review due; every
 * write in a verified change history. */

#define G_LOG_DOMAIN "test-reviews"

#include "config.h"

#include <string.h>

#include "annex-action.h"
#include "annex-audit.h"
#include "annex-change-log.h"
#include "annex-database-private.h"
#include "annex-database.h"
#include "annex-finding.h"
#include "annex-issue.h"
#include "annex-links.h"
#include "annex-nonconformity.h"
#include "annex-objective-measurement.h"
#include "annex-objective.h"
#include "annex-party-requirement.h"
#include "annex-party.h"
#include "annex-register.h"
#include "annex-review-attendee.h"
#include "annex-review-inputs.h"
#include "annex-review.h"
#include "annex-risk-method.h"
#include "annex-risk.h"
#include "annex-store-error.h"
#include "annex-test-util.h"

typedef struct
{
  char          *tmpdir;
  AnnexDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->tmpdir = annex_test_make_tmpdir ();
  path = g_build_filename (fixture->tmpdir, "reviews.isms", NULL);
  fixture->db = annex_database_create (path, "Acme Ltd", &error);
  g_assert_no_error (error);
}

/* Waits until @object is finalized: a register's reload on a worker may hold it a moment. */
static void
finalize_eventually (gpointer object)
{
  GWeakRef weak;
  gpointer alive;

  g_weak_ref_init (&weak, object);
  g_object_unref (object);

  for (guint i = 0; i < 10000; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      alive = g_weak_ref_get (&weak);
      if (alive == NULL)
        break;
      g_object_unref (alive);
      g_usleep (1000);
    }

  g_assert_null (g_weak_ref_get (&weak));
  g_weak_ref_clear (&weak);
}

/* Every test ends with an intact history. */
static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 first_bad = -1;
  gint64 count = 0;

  g_assert_true (annex_change_log_verify (fixture->db, &first_bad, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first_bad, ==, 0);
  g_assert_cmpint (count, >, 0);

  annex_database_close (fixture->db);
  finalize_eventually (g_steal_pointer (&fixture->db));
  annex_test_rm_rf (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

/* Helpers */

static AnnexRegister *
new_loaded_register (AnnexDatabase *db,
                     GType          type)
{
  g_autoptr(GError) error = NULL;
  AnnexRegister *reg = annex_register_new (db, type);

  g_assert_true (annex_register_load (reg, &error));
  g_assert_no_error (error);
  return reg;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
add_ok (AnnexRegister *reg,
        AnnexRecord   *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (annex_register_add (reg, record, &error));
  g_assert_no_error (error);
}

static void
save_ok (AnnexRegister *reg,
         AnnexRecord   *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (annex_register_save (reg, record, &error));
  g_assert_no_error (error);
}

static AnnexRecord *
add_issue (AnnexRegister *issues,
           const char    *title,
           const char    *kind,
           const char    *category)
{
  g_autoptr(AnnexRecord) issue = annex_register_new_record (issues);

  annex_record_set_string (issue, "title", title);
  annex_record_set_string (issue, "kind", kind);
  annex_record_set_string (issue, "category", category);
  add_ok (issues, issue);
  return g_steal_pointer (&issue);
}

static AnnexRecord *
add_party (AnnexRegister *parties,
           const char    *name,
           const char    *category)
{
  g_autoptr(AnnexRecord) party = annex_register_new_record (parties);

  annex_record_set_string (party, "name", name);
  annex_record_set_string (party, "category", category);
  add_ok (parties, party);
  return g_steal_pointer (&party);
}

static AnnexReview *
add_review (AnnexRegister *reviews,
            const char    *planned_date,
            const char    *actual_date)
{
  g_autoptr(AnnexRecord) review = annex_register_new_record (reviews);

  annex_record_set_string (review, "planned-date", planned_date);
  annex_record_set_string (review, "actual-date", actual_date);
  annex_record_set_string (review, "chair", "Dana Lee");
  add_ok (reviews, review);
  return ANNEX_REVIEW (g_steal_pointer (&review));
}

/* The changes of an input's data ("changes", "parties", "requirements") as "REF:change" joined
 * by spaces, in their order. */
static char *
dup_changes (JsonObject *data,
             const char *member)
{
  JsonArray *changes = json_object_get_array_member (data, member);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);

      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, "%s:%s",
                              json_object_get_string_member (change, "reference"),
                              json_object_get_string_member (change, "change"));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The "reference" members of the objects of @data's array @member, joined by spaces. */
static char *
dup_references (JsonObject *data,
                const char *member)
{
  JsonArray *array = json_object_get_array_member (data, member);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, json_object_get_string_member (json_array_get_object_element (array,
                                                                                         i),
                                                            "reference"));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static JsonObject *
find_by_member (JsonArray  *array,
                const char *member,
                const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (object, member), value) == 0)
        return object;
    }

  g_assert_not_reached ();
}

static AnnexChangeEntry *
last_history_entry (AnnexDatabase *db,
                    const char    *table,
                    gint64         record_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = annex_change_log_list (db, table, record_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >, 0);
  return annex_change_entry_copy (g_ptr_array_index (entries, entries->len - 1));
}

/* Tests */

static void
test_objectives (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) objectives = new_loaded_register (fixture->db, ANNEX_TYPE_OBJECTIVE);
  g_autoptr(AnnexRegister) measurements =
    new_loaded_register (fixture->db, ANNEX_TYPE_OBJECTIVE_MEASUREMENT);
  g_autoptr(AnnexRegister) risks = new_loaded_register (fixture->db, ANNEX_TYPE_RISK);
  g_autoptr(AnnexRegister) parties = new_loaded_register (fixture->db, ANNEX_TYPE_PARTY);
  g_autoptr(AnnexObjective) objective = annex_objective_new ();
  g_autoptr(AnnexObjective) other = annex_objective_new ();
  g_autoptr(AnnexObjectiveMeasurement) m1 = NULL;
  g_autoptr(AnnexObjectiveMeasurement) m2 = NULL;
  g_autoptr(AnnexObjectiveMeasurement) m3 = NULL;
  g_autoptr(AnnexObjectiveMeasurement) orphan = NULL;
  g_autoptr(AnnexObjectiveMeasurement) future = NULL;
  g_autoptr(AnnexRecord) risk = annex_register_new_record (risks);
  g_autoptr(AnnexRecord) party = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 objective_id;
  guint notified = 0;

  /* An objective needs its title. */
  g_assert_false (annex_register_add (objectives, ANNEX_RECORD (objective), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  annex_record_set_string (ANNEX_RECORD (objective), "title", "Patch critical systems quickly");
  annex_record_set_string (ANNEX_RECORD (objective), "measure",
                           "Share of critical patches applied within 14 days, monthly");
  annex_record_set_string (ANNEX_RECORD (objective), "target", "≥ 95 %");
  annex_record_set_string (ANNEX_RECORD (objective), "owner", "IT lead");
  annex_record_set_string (ANNEX_RECORD (objective), "due-date", "2026-12-31");
  g_assert_cmpstr (annex_objective_get_status (objective), ==, "not-started");
  add_ok (objectives, ANNEX_RECORD (objective));
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (objective)), ==, "OB-001");
  objective_id = annex_record_get_id (ANNEX_RECORD (objective));

  annex_record_set_string (ANNEX_RECORD (other), "title", "Train every employee");
  add_ok (objectives, ANNEX_RECORD (other));

  /* Overdue: before the due date no, after it yes unless achieved or missed. */
  g_assert_false (annex_objective_is_overdue_on (objective, "2026-12-31"));
  g_assert_true (annex_objective_is_overdue_on (objective, "2027-01-01"));
  annex_record_set_string (ANNEX_RECORD (objective), "status", "achieved");
  g_assert_false (annex_objective_is_overdue_on (objective, "2027-01-01"));
  annex_record_set_string (ANNEX_RECORD (objective), "status", "on-track");
  save_ok (objectives, ANNEX_RECORD (objective));

  /* Measurements: a child of an existing objective, not dated in the future. */
  m1 = annex_objective_measurement_new (objective_id);
  annex_objective_measurement_set (m1, "2026-06-30", "91 %", "Two servers late");
  add_ok (measurements, ANNEX_RECORD (m1));
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (m1)), ==, "OM-001");
  m2 = annex_objective_measurement_new (objective_id);
  annex_objective_measurement_set (m2, "2026-09-30", "96 %", NULL);
  add_ok (measurements, ANNEX_RECORD (m2));
  m3 = annex_objective_measurement_new (objective_id);
  annex_objective_measurement_set (m3, "2026-03-31", "88 %", NULL);
  add_ok (measurements, ANNEX_RECORD (m3));

  future = annex_objective_measurement_new (objective_id);
  annex_objective_measurement_set (future, "2099-01-01", "100 %", NULL);
  g_assert_false (annex_register_add (measurements, ANNEX_RECORD (future), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  orphan = annex_objective_measurement_new (9999);
  annex_objective_measurement_set (orphan, "2026-01-01", "1", NULL);
  g_assert_false (annex_register_add (measurements, ANNEX_RECORD (orphan), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The latest: by date, not by entry order. */
  g_assert_true (annex_objective_measurement_find_latest (G_LIST_MODEL (measurements),
                                                          objective_id) == m2);
  g_assert_null (annex_objective_measurement_find_latest (
                   G_LIST_MODEL (measurements), annex_record_get_id (ANNEX_RECORD (other))));

  g_signal_connect (objective, "notify::latest-value", G_CALLBACK (annex_test_count_cb),
                    &notified);
  annex_objective_update_latest (G_LIST_MODEL (objectives), G_LIST_MODEL (measurements));
  g_assert_cmpstr (annex_objective_get_latest_value (objective), ==, "96 %");
  g_assert_cmpstr (annex_objective_get_latest_date (objective), ==, "2026-09-30");
  g_assert_null (annex_objective_get_latest_value (other));
  g_assert_cmpuint (notified, ==, 1);
  annex_objective_update_latest (G_LIST_MODEL (objectives), G_LIST_MODEL (measurements));
  g_assert_cmpuint (notified, ==, 1);

  /* Links to the risks, controls and parties it serves. */
  annex_record_set_string (risk, "title", "Unpatched servers");
  add_ok (risks, risk);
  party = add_party (parties, "Customers", "customers");
  g_assert_true (annex_links_add (fixture->db, "objectives", objective_id,
                                  ANNEX_OBJECTIVE_LINK_RISKS, annex_record_get_id (risk),
                                  &error));
  g_assert_no_error (error);
  g_assert_true (annex_links_add (fixture->db, "objectives", objective_id,
                                  ANNEX_OBJECTIVE_LINK_PARTIES, annex_record_get_id (party),
                                  &error));
  g_assert_no_error (error);
  ids = annex_objective_dup_linked_ids (objective, fixture->db, ANNEX_OBJECTIVE_LINK_RISKS,
                                        &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, annex_record_get_id (risk));

  /* Removing the objective takes its measurements and links; Undo brings them back. */
  g_assert_true (annex_register_remove (objectives, ANNEX_RECORD (objective), &error));
  g_assert_no_error (error);
  g_assert_cmpint (annex_database_count_rows (fixture->db, "objective_measurements", NULL), ==, 0);
  g_clear_pointer (&ids, g_array_unref);
  ids = annex_links_dup_sources (fixture->db, "risks", annex_record_get_id (risk), "objectives",
                                 &error);
  g_assert_cmpuint (ids->len, ==, 0);

  g_assert_true (annex_register_restore (objectives, ANNEX_RECORD (objective), &error));
  g_assert_no_error (error);
  g_assert_cmpint (annex_database_count_rows (fixture->db, "objective_measurements", NULL), ==, 3);
  g_clear_pointer (&ids, g_array_unref);
  ids = annex_objective_dup_linked_ids (objective, fixture->db, ANNEX_OBJECTIVE_LINK_PARTIES,
                                        &error);
  g_assert_cmpuint (ids->len, ==, 1);
  iterate ();
}

static void
test_references (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) reviews = new_loaded_register (fixture->db, ANNEX_TYPE_REVIEW);
  g_autoptr(AnnexReview) r1 = add_review (reviews, "2026-03-10", NULL);
  g_autoptr(AnnexReview) r2 = add_review (reviews, "2026-09-10", NULL);
  g_autoptr(AnnexReview) r3 = add_review (reviews, "2025-03-10", "2025-03-12");
  g_autoptr(AnnexReview) r4 = add_review (reviews, "2027-03-10", NULL);
  g_autofree char *title = NULL;

  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (r1)), ==, "MR-2026-01");
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (r2)), ==, "MR-2026-02");
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (r3)), ==, "MR-2025-01");
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (r4)), ==, "MR-2027-01");
  g_assert_cmpstr (annex_review_get_status (r1), ==, "planned");

  g_object_get (r3, "display-title", &title, NULL);
  g_assert_cmpstr (title, ==, "Management review of 2025-03-12");

  /* The previous review is the latest one held before: r3 for all of the later ones; none for
   * r3 itself; a planned review never counts. */
  g_assert_true (annex_review_find_previous (G_LIST_MODEL (reviews), r1) == r3);
  g_assert_true (annex_review_find_previous (G_LIST_MODEL (reviews), r4) == r3);
  g_assert_null (annex_review_find_previous (G_LIST_MODEL (reviews), r3));

  /* A held date in the future is refused. */
  {
    g_autoptr(GError) error = NULL;

    annex_record_set_string (ANNEX_RECORD (r4), "actual-date", "2099-03-10");
    g_assert_false (annex_register_save (reviews, ANNEX_RECORD (r4), &error));
    g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
    annex_record_set_string (ANNEX_RECORD (r4), "actual-date", NULL);
  }
}

/* The fixture of the whole workspace for the first review (no previous one). */
static void
test_prepare_inputs (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) reviews = new_loaded_register (fixture->db, ANNEX_TYPE_REVIEW);
  g_autoptr(AnnexRegister) issues = new_loaded_register (fixture->db, ANNEX_TYPE_ISSUE);
  g_autoptr(AnnexRegister) parties = new_loaded_register (fixture->db, ANNEX_TYPE_PARTY);
  g_autoptr(AnnexRegister) requirements =
    new_loaded_register (fixture->db, ANNEX_TYPE_PARTY_REQUIREMENT);
  g_autoptr(AnnexRegister) actions = new_loaded_register (fixture->db, ANNEX_TYPE_ACTION);
  g_autoptr(AnnexRegister) ncs = new_loaded_register (fixture->db, ANNEX_TYPE_NONCONFORMITY);
  g_autoptr(AnnexRegister) audits = new_loaded_register (fixture->db, ANNEX_TYPE_AUDIT);
  g_autoptr(AnnexRegister) findings = new_loaded_register (fixture->db, ANNEX_TYPE_FINDING);
  g_autoptr(AnnexRegister) objectives = new_loaded_register (fixture->db, ANNEX_TYPE_OBJECTIVE);
  g_autoptr(AnnexRegister) measurements =
    new_loaded_register (fixture->db, ANNEX_TYPE_OBJECTIVE_MEASUREMENT);
  g_autoptr(AnnexRegister) risks = new_loaded_register (fixture->db, ANNEX_TYPE_RISK);
  g_autoptr(AnnexRecord) issue1 = NULL;
  g_autoptr(AnnexRecord) issue2 = NULL;
  g_autoptr(AnnexRecord) party = NULL;
  g_autoptr(AnnexPartyRequirement) requirement = NULL;
  g_autoptr(AnnexRecord) nc_open = annex_register_new_record (ncs);
  g_autoptr(AnnexRecord) nc_complaint = annex_register_new_record (ncs);
  g_autoptr(AnnexRecord) corrective = annex_register_new_record (actions);
  g_autoptr(AnnexRecord) audit = annex_register_new_record (audits);
  g_autoptr(AnnexRecord) planned_audit = annex_register_new_record (audits);
  g_autoptr(AnnexFinding) minor = NULL;
  g_autoptr(AnnexFinding) ofi = NULL;
  g_autoptr(AnnexObjective) objective = annex_objective_new ();
  g_autoptr(AnnexObjectiveMeasurement) measurement = NULL;
  g_autoptr(AnnexRisk) high = annex_risk_new ();
  g_autoptr(AnnexRisk) low = annex_risk_new ();
  g_autoptr(AnnexRisk) closed = annex_risk_new ();
  g_autoptr(AnnexRecord) treatment = annex_register_new_record (actions);
  g_autoptr(AnnexReview) review = NULL;
  g_autoptr(AnnexReviewSnapshot) snapshot = NULL;
  g_autoptr(AnnexRiskMethod) method = annex_risk_method_new_default ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *data;
  JsonObject *object;
  JsonArray *array;
  GPtrArray *lines;
  guint high_level;
  guint threshold = annex_risk_method_get_threshold (method);

  /* b, c: context */
  issue1 = add_issue (issues, "New data protection law", "external", "legal");
  issue2 = add_issue (issues, "Staff turnover in IT", "internal", "resources");
  party = add_party (parties, "Regulator", "regulators");
  requirement = annex_party_requirement_new (annex_record_get_id (party));
  annex_record_set_string (ANNEX_RECORD (requirement), "requirement",
                           "Report breaches within 72 hours\nSee the law, article 33");
  add_ok (requirements, ANNEX_RECORD (requirement));

  /* d: a nonconformity with an overdue corrective action, a complaint (e) */
  annex_record_set_string (nc_open, "title", "Backups not tested");
  annex_record_set_string (nc_open, "grade", "major");
  add_ok (ncs, nc_open);
  annex_record_set_string (nc_complaint, "title", "Customer data sent to the wrong address");
  annex_record_set_string (nc_complaint, "source", "complaint");
  add_ok (ncs, nc_complaint);
  annex_record_set_string (corrective, "title", "Test restores monthly");
  annex_record_set_string (corrective, "origin", "corrective-action");
  annex_record_set_string (corrective, "origin-reference",
                           annex_record_get_reference (nc_open));
  annex_record_set_string (corrective, "due-date", "2026-01-31");
  add_ok (actions, corrective);

  /* d, g: a closed audit with a minor finding and an OFI; a planned audit is not a result */
  annex_record_set_string (audit, "title", "ISMS internal audit 2026");
  annex_record_set_string (audit, "status", "closed");
  annex_record_set_string (audit, "actual-start", "2026-10-01");
  annex_record_set_string (audit, "actual-end", "2026-10-02");
  add_ok (audits, audit);
  annex_record_set_string (planned_audit, "title", "Supplier audit");
  annex_record_set_string (planned_audit, "planned-start", "2027-02-01");
  add_ok (audits, planned_audit);
  minor = annex_finding_new (annex_record_get_id (audit));
  annex_record_set_string (ANNEX_RECORD (minor), "description", "Access reviews not recorded");
  add_ok (findings, ANNEX_RECORD (minor));
  ofi = annex_finding_new (annex_record_get_id (audit));
  annex_record_set_string (ANNEX_RECORD (ofi), "classification", "improvement");
  annex_record_set_string (ANNEX_RECORD (ofi), "concerns", "5.15");
  annex_record_set_string (ANNEX_RECORD (ofi), "description",
                           "Automate the joiner-mover-leaver process\nwith HR data");
  add_ok (findings, ANNEX_RECORD (ofi));

  /* d: an objective with its latest measurement */
  annex_record_set_string (ANNEX_RECORD (objective), "title", "Patch critical systems quickly");
  annex_record_set_string (ANNEX_RECORD (objective), "target", "≥ 95 %");
  annex_record_set_string (ANNEX_RECORD (objective), "status", "at-risk");
  add_ok (objectives, ANNEX_RECORD (objective));
  measurement = annex_objective_measurement_new (annex_record_get_id (ANNEX_RECORD (objective)));
  annex_objective_measurement_set (measurement, "2026-09-30", "91 %", NULL);
  add_ok (measurements, ANNEX_RECORD (measurement));

  /* f: a risk above the threshold with an overdue review and a treatment action, one below,
   * one closed (left out) */
  annex_risk_set_title (high, "Ransomware on file servers");
  annex_risk_set_inherent (high, 5, 5);
  annex_record_set_string (ANNEX_RECORD (high), "treatment", "modify");
  annex_record_set_string (ANNEX_RECORD (high), "next-review", "2026-06-01");
  add_ok (risks, ANNEX_RECORD (high));
  high_level = annex_risk_method_get_level (method, 5, 5);
  g_assert_cmpuint (high_level, >, threshold);
  annex_risk_set_title (low, "Lost visitor badge");
  annex_risk_set_inherent (low, 1, 1);
  add_ok (risks, ANNEX_RECORD (low));
  annex_risk_set_title (closed, "Old mainframe");
  annex_risk_set_inherent (closed, 5, 5);
  annex_record_set_string (ANNEX_RECORD (closed), "treatment", "avoid");
  annex_record_set_string (ANNEX_RECORD (closed), "status", "closed");
  add_ok (risks, ANNEX_RECORD (closed));
  annex_record_set_string (treatment, "title", "Offline backups");
  annex_record_set_string (treatment, "origin", "risk-treatment");
  annex_record_set_string (treatment, "origin-reference",
                           annex_record_get_reference (ANNEX_RECORD (high)));
  annex_record_set_string (treatment, "status", "done");
  add_ok (actions, treatment);

  /* e, g: recorded for the review */
  review = add_review (reviews, "2026-12-01", NULL);
  annex_record_set_string (ANNEX_RECORD (review), "feedback",
                           "The main customer asked for our certificate");
  annex_record_set_string (ANNEX_RECORD (review), "opportunities", "Use a password manager");
  save_ok (reviews, ANNEX_RECORD (review));

  g_assert_true (annex_review_prepare_inputs (reviews, review, "2026-11-28", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (annex_review_get_status (review), ==, "prepared");

  snapshot = annex_review_dup_snapshot (review);
  for (guint i = 0; i < ANNEX_REVIEW_N_INPUTS; i++)
    {
      g_assert_true (annex_review_snapshot_has_input (snapshot, i));
      g_assert_nonnull (annex_review_snapshot_get_summary (snapshot, i));
      g_assert_cmpuint (annex_review_snapshot_get_lines (snapshot, i)->len, >, 0);
      g_assert_null (annex_review_snapshot_get_previous (snapshot, i));
    }

  /* a: no earlier review, no actions */
  data = annex_review_snapshot_get_data (snapshot, ANNEX_REVIEW_INPUT_ACTIONS);
  g_assert_cmpint (json_object_get_int_member (data, "total"), ==, 0);
  g_assert_cmpstr (annex_review_snapshot_get_summary (snapshot, ANNEX_REVIEW_INPUT_ACTIONS), ==,
                   "No actions from earlier reviews");

  /* b: both issues added since the workspace was created */
  data = annex_review_snapshot_get_data (snapshot, ANNEX_REVIEW_INPUT_ISSUES);
  text = dup_changes (data, "changes");
  g_assert_cmpstr (text, ==, "IS-001:added IS-002:added");
  g_clear_pointer (&text, g_free);
  object = find_by_member (json_object_get_array_member (data, "changes"), "reference", "IS-001");
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "New data protection law");
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "external");
  g_assert_cmpint (json_object_get_int_member (data, "added"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (data, "current_external"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (data, "current_internal"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (data, "climate"), ==, "unanswered");
  g_assert_cmpstr (annex_review_snapshot_get_summary (snapshot, ANNEX_REVIEW_INPUT_ISSUES), ==,
                   "2 added since the workspace was created");
  lines = annex_review_snapshot_get_lines (snapshot, ANNEX_REVIEW_INPUT_ISSUES);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < lines->len; i++)
      {
        AnnexReviewLine *line = g_ptr_array_index (lines, i);

        if (line->kind == ANNEX_REVIEW_LINE_RECORD && g_strcmp0 (line->reference, "IS-001") == 0)
          {
            found = TRUE;
            g_assert_cmpstr (line->text, ==, "New data protection law");
            g_assert_cmpstr (line->detail, ==, "Added · External · Legal and regulatory");
            g_assert_cmpstr (line->table, ==, "issues");
          }
      }
    g_assert_true (found);
  }

  /* c: the party and its requirement (first line as title, with its party) */
  data = annex_review_snapshot_get_data (snapshot, ANNEX_REVIEW_INPUT_PARTIES);
  text = dup_changes (data, "parties");
  g_assert_cmpstr (text, ==, "IP-001:added");
  g_clear_pointer (&text, g_free);
  object = json_array_get_object_element (json_object_get_array_member (data, "requirements"), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "reference"), ==, "PR-001");
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==,
                   "Report breaches within 72 hours");
  g_assert_cmpstr (json_object_get_string_member (object, "party"), ==, "Regulator");
  g_assert_cmpint (json_object_get_int_member (data, "requirements_not_addressed"), ==, 1);

  /* d: performance */
  data = annex_review_snapshot_get_data (snapshot, ANNEX_REVIEW_INPUT_PERFORMANCE);
  object = json_object_get_object_member (data, "nonconformities");
  g_assert_cmpint (json_object_get_int_member (object, "raised"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "closed"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "open"), ==, 2);
  text = dup_references (object, "open_list");
  g_assert_cmpstr (text, ==, "NC-2026-01 NC-2026-02");
  g_clear_pointer (&text, g_free);
  object = json_object_get_object_member (data, "corrective_actions");
  g_assert_cmpint (json_object_get_int_member (object, "open"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "overdue"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "done"), ==, 0);
  text = dup_references (data, "audits");
  g_assert_cmpstr (text, ==, annex_record_get_reference (audit));
  g_clear_pointer (&text, g_free);
  object = json_object_get_object_member (json_array_get_object_element (
                                            json_object_get_array_member (data, "audits"), 0),
                                          "findings");
  g_assert_cmpint (json_object_get_int_member (object, "minor"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "improvement"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "major"), ==, 0);
  object = json_object_get_object_member (data, "findings");
  g_assert_cmpint (json_object_get_int_member (object, "minor"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "observation"), ==, 0);
  object = json_array_get_object_element (json_object_get_array_member (data, "objectives"), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "reference"), ==, "OB-001");
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "at-risk");
  g_assert_cmpstr (json_object_get_string_member (object, "latest_value"), ==, "91 %");
  g_assert_cmpstr (json_object_get_string_member (object, "latest_date"), ==, "2026-09-30");
  g_assert_cmpint (json_object_get_int_member (object, "measurements_since"), ==, 1);
  g_assert_cmpstr (annex_review_snapshot_get_summary (snapshot, ANNEX_REVIEW_INPUT_PERFORMANCE),
                   ==, "2 open nonconformities, 1 audit, 1 of 1 objectives needs attention");

  /* e: the recorded feedback and the complaint */
  data = annex_review_snapshot_get_data (snapshot, ANNEX_REVIEW_INPUT_FEEDBACK);
  g_assert_cmpstr (json_object_get_string_member (data, "feedback"), ==,
                   "The main customer asked for our certificate");
  text = dup_references (data, "complaints");
  g_assert_cmpstr (text, ==, annex_record_get_reference (nc_complaint));
  g_clear_pointer (&text, g_free);

  /* f: counts per level (closed risk left out), above the threshold, plan, overdue reviews */
  data = annex_review_snapshot_get_data (snapshot, ANNEX_REVIEW_INPUT_RISKS);
  array = json_object_get_array_member (data, "inherent");
  g_assert_cmpuint (json_array_get_length (array), ==, annex_risk_method_get_n_levels (method));
  g_assert_cmpint (json_array_get_int_element (array, high_level - 1), ==, 1);
  g_assert_cmpint (json_array_get_int_element (array,
                                               annex_risk_method_get_level (method, 1, 1) - 1),
                   ==, 1);
  g_assert_cmpint (json_object_get_int_member (data, "residual_not_assessed"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (data, "inherent_not_assessed"), ==, 0);
  text = dup_references (data, "above_threshold");
  g_assert_cmpstr (text, ==, "R-001");
  g_clear_pointer (&text, g_free);
  text = dup_references (data, "overdue_reviews");
  g_assert_cmpstr (text, ==, "R-001");
  g_clear_pointer (&text, g_free);
  object = json_object_get_object_member (data, "treatment_plan");
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "done"), ==, 1);

  /* g: the OFI from the audit and the one raised for the review */
  data = annex_review_snapshot_get_data (snapshot, ANNEX_REVIEW_INPUT_IMPROVEMENT);
  text = dup_references (data, "findings");
  g_assert_cmpstr (text, ==, annex_record_get_reference (ANNEX_RECORD (ofi)));
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (json_object_get_string_member (data, "from_review"), ==,
                   "Use a password manager");
  iterate ();
}

/* "Since the previous review": the window starts when the previous review's inputs were
 * prepared; the earlier snapshot stays as it was. */
static void
test_window (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) reviews = new_loaded_register (fixture->db, ANNEX_TYPE_REVIEW);
  g_autoptr(AnnexRegister) issues = new_loaded_register (fixture->db, ANNEX_TYPE_ISSUE);
  g_autoptr(AnnexRegister) parties = new_loaded_register (fixture->db, ANNEX_TYPE_PARTY);
  g_autoptr(AnnexRegister) requirements =
    new_loaded_register (fixture->db, ANNEX_TYPE_PARTY_REQUIREMENT);
  g_autoptr(AnnexRegister) ncs = new_loaded_register (fixture->db, ANNEX_TYPE_NONCONFORMITY);
  g_autoptr(AnnexRecord) changed = NULL;
  g_autoptr(AnnexRecord) to_close = NULL;
  g_autoptr(AnnexRecord) to_remove = NULL;
  g_autoptr(AnnexRecord) untouched = NULL;
  g_autoptr(AnnexRecord) back_and_forth = NULL;
  g_autoptr(AnnexRecord) added = NULL;
  g_autoptr(AnnexRecord) fleeting = NULL;
  g_autoptr(AnnexRecord) party_changed = NULL;
  g_autoptr(AnnexRecord) party_untouched = NULL;
  g_autoptr(AnnexPartyRequirement) requirement = NULL;
  g_autoptr(AnnexRecord) nc = annex_register_new_record (ncs);
  g_autoptr(AnnexRecord) nc_later = annex_register_new_record (ncs);
  g_autoptr(AnnexReview) first = NULL;
  g_autoptr(AnnexReview) second = NULL;
  g_autoptr(AnnexReviewSnapshot) first_snapshot = NULL;
  g_autoptr(AnnexReviewSnapshot) snapshot = NULL;
  g_autoptr(AnnexRegister) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_json = NULL;
  g_autofree char *text = NULL;
  JsonObject *data;
  JsonObject *object;
  JsonArray *fields;

  changed = add_issue (issues, "Cloud migration", "internal", "processes");
  to_close = add_issue (issues, "Pandemic", "external", "social");
  to_remove = add_issue (issues, "Duplicate entry", "external", NULL);
  untouched = add_issue (issues, "Energy prices", "external", "economic");
  back_and_forth = add_issue (issues, "Office move", "internal", NULL);
  party_changed = add_party (parties, "Bank", "customers");
  party_untouched = add_party (parties, "Landlord", "suppliers");
  annex_record_set_string (nc, "title", "Visitor log incomplete");
  add_ok (ncs, nc);

  /* The first review, held long ago, prepared now. */
  first = add_review (reviews, "2020-01-10", "2020-01-15");
  g_assert_true (annex_review_prepare_inputs (reviews, first, NULL, &error));
  g_assert_no_error (error);
  first_snapshot = annex_review_dup_snapshot (first);
  g_assert_cmpint (json_object_get_int_member (annex_review_snapshot_get_data (
                                                 first_snapshot, ANNEX_REVIEW_INPUT_ISSUES),
                                               "added"), ==, 5);
  first_json = g_strdup (annex_review_get_inputs_json (first));

  /* After its preparation: one issue changed, one closed, one removed, one added, one added and
   * removed again, one changed and changed back; a party changed, a requirement added; the
   * nonconformity closed and another raised. */
  annex_record_set_string (changed, "effect", "More reliance on the provider");
  save_ok (issues, changed);
  annex_record_set_string (to_close, "status", "closed");
  save_ok (issues, to_close);
  g_assert_true (annex_register_remove (issues, to_remove, &error));
  g_assert_no_error (error);
  added = add_issue (issues, "AI regulation", "external", "legal");
  fleeting = add_issue (issues, "Typo", "internal", NULL);
  g_assert_true (annex_register_remove (issues, fleeting, &error));
  annex_record_set_string (back_and_forth, "source", "Board minutes");
  save_ok (issues, back_and_forth);
  annex_record_set_string (back_and_forth, "source", NULL);
  save_ok (issues, back_and_forth);
  annex_record_set_string (party_changed, "needs", "Quarterly security report");
  save_ok (parties, party_changed);
  requirement = annex_party_requirement_new (annex_record_get_id (party_untouched));
  annex_record_set_string (ANNEX_RECORD (requirement), "requirement", "Fire safety inspection");
  add_ok (requirements, ANNEX_RECORD (requirement));
  annex_record_set_string (nc, "check-date", "2026-11-20");
  annex_record_set_string (nc, "check-by", "Dana Lee");
  annex_record_set_string (nc, "check-result", "effective");
  annex_record_set_string (nc, "status", "closed");
  save_ok (ncs, nc);
  annex_record_set_string (nc_later, "title", "Clean desk not followed");
  add_ok (ncs, nc_later);

  /* The second review: its previous review is the first. */
  second = add_review (reviews, NULL, NULL);
  g_assert_true (annex_review_find_previous (G_LIST_MODEL (reviews), second) == first);
  g_assert_true (annex_review_prepare_inputs (reviews, second, NULL, &error));
  g_assert_no_error (error);
  snapshot = annex_review_dup_snapshot (second);

  g_assert_cmpstr (annex_review_snapshot_get_previous (snapshot, ANNEX_REVIEW_INPUT_ISSUES), ==,
                   annex_record_get_reference (ANNEX_RECORD (first)));
  g_assert_cmpstr (annex_review_snapshot_get_since (snapshot, ANNEX_REVIEW_INPUT_ISSUES), ==,
                   annex_review_snapshot_get_prepared (first_snapshot, ANNEX_REVIEW_INPUT_ISSUES));

  data = annex_review_snapshot_get_data (snapshot, ANNEX_REVIEW_INPUT_ISSUES);
  text = dup_changes (data, "changes");
  g_assert_cmpstr (text, ==, "IS-001:changed IS-002:closed IS-003:removed IS-006:added");
  g_clear_pointer (&text, g_free);
  object = find_by_member (json_object_get_array_member (data, "changes"), "reference", "IS-001");
  fields = json_object_get_array_member (object, "fields");
  g_assert_cmpuint (json_array_get_length (fields), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (fields, 0), ==, "Effect on the ISMS");
  object = find_by_member (json_object_get_array_member (data, "changes"), "reference", "IS-003");
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Duplicate entry");
  g_assert_cmpint (json_object_get_int_member (data, "added"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (data, "changed"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (data, "closed"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (data, "removed"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (data, "current_external"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (data, "current_internal"), ==, 2);

  data = annex_review_snapshot_get_data (snapshot, ANNEX_REVIEW_INPUT_PARTIES);
  text = dup_changes (data, "parties");
  g_assert_cmpstr (text, ==, "IP-001:changed");
  g_clear_pointer (&text, g_free);
  text = dup_changes (data, "requirements");
  g_assert_cmpstr (text, ==, "PR-001:added");
  g_clear_pointer (&text, g_free);
  object = json_array_get_object_element (json_object_get_array_member (data, "requirements"), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "party"), ==, "Landlord");

  data = annex_review_snapshot_get_data (snapshot, ANNEX_REVIEW_INPUT_PERFORMANCE);
  object = json_object_get_object_member (data, "nonconformities");
  g_assert_cmpint (json_object_get_int_member (object, "raised"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "closed"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "open"), ==, 1);

  /* The first review's snapshot is what that meeting saw: unchanged in memory and on disk. */
  g_assert_cmpstr (annex_review_get_inputs_json (first), ==, first_json);
  reloaded = new_loaded_register (fixture->db, ANNEX_TYPE_REVIEW);
  g_assert_cmpstr (annex_review_get_inputs_json (
                     ANNEX_REVIEW (annex_register_find (reloaded,
                                                        annex_record_get_id (ANNEX_RECORD (first))))),
                   ==, first_json);
  g_assert_cmpint (json_object_get_int_member (annex_review_snapshot_get_data (
                                                 first_snapshot, ANNEX_REVIEW_INPUT_ISSUES),
                                               "added"), ==, 5);

  /* Refreshing the second review's issues after another change picks it up, and only that
   * input is prepared again. */
  {
    g_autoptr(AnnexReviewSnapshot) refreshed = NULL;
    g_autofree char *performance_before =
      g_strdup (annex_review_snapshot_get_prepared (snapshot, ANNEX_REVIEW_INPUT_PERFORMANCE));

    annex_record_set_string (untouched, "status", "monitored");
    save_ok (issues, untouched);
    g_assert_true (annex_review_refresh_input (reviews, second, ANNEX_REVIEW_INPUT_ISSUES, NULL,
                                               &error));
    g_assert_no_error (error);
    refreshed = annex_review_dup_snapshot (second);
    text = dup_changes (annex_review_snapshot_get_data (refreshed, ANNEX_REVIEW_INPUT_ISSUES),
                        "changes");
    g_assert_cmpstr (text, ==,
                     "IS-001:changed IS-002:closed IS-003:removed IS-004:changed IS-006:added");
    g_assert_cmpstr (annex_review_snapshot_get_prepared (refreshed,
                                                         ANNEX_REVIEW_INPUT_PERFORMANCE),
                     ==, performance_before);
  }
  iterate ();
}

/* Open actions of earlier reviews carry forward into input a; of the rest, the previous
 * review's and those completed since. */
static void
test_carried_forward (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) reviews = new_loaded_register (fixture->db, ANNEX_TYPE_REVIEW);
  g_autoptr(AnnexRegister) actions = new_loaded_register (fixture->db, ANNEX_TYPE_ACTION);
  g_autoptr(AnnexReview) oldest = add_review (reviews, "2019-01-10", "2019-01-10");
  g_autoptr(AnnexReview) previous = add_review (reviews, "2020-01-10", "2020-01-15");
  g_autoptr(AnnexReview) current = add_review (reviews, "2026-12-01", NULL);
  g_autoptr(AnnexReviewSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) owned = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AnnexAction *old_open;
  AnnexAction *old_done;
  AnnexAction *prev_open;
  AnnexAction *prev_done;
  AnnexAction *own;
  JsonObject *data;
  JsonObject *object;

  old_open = annex_review_add_action (oldest, actions, "Appoint a DPO", "CEO", "2019-06-30",
                                      &error);
  g_assert_no_error (error);
  old_done = annex_review_add_action (oldest, actions, "Buy a shredder", NULL, NULL, &error);
  g_assert_no_error (error);
  annex_record_set_string (ANNEX_RECORD (old_done), "status", "done");
  annex_record_set_string (ANNEX_RECORD (old_done), "completed-on", "2019-03-01");
  save_ok (actions, ANNEX_RECORD (old_done));
  prev_open = annex_review_add_action (previous, actions, "Write a cloud policy", "CISO",
                                       "2099-01-01", &error);
  g_assert_no_error (error);
  annex_record_set_string (ANNEX_RECORD (prev_open), "status", "in-progress");
  save_ok (actions, ANNEX_RECORD (prev_open));
  prev_done = annex_review_add_action (previous, actions, "Hire a second admin", NULL, NULL,
                                       &error);
  g_assert_no_error (error);
  annex_record_set_string (ANNEX_RECORD (prev_done), "status", "done");
  annex_record_set_string (ANNEX_RECORD (prev_done), "completed-on", "2020-03-01");
  save_ok (actions, ANNEX_RECORD (prev_done));
  own = annex_review_add_action (current, actions, "Decided today", NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (annex_record_get_string (ANNEX_RECORD (own), "origin"), ==,
                   "management-review");
  g_assert_cmpstr (annex_record_get_string (ANNEX_RECORD (own), "origin-reference"), ==,
                   annex_record_get_reference (ANNEX_RECORD (current)));
  owned = annex_review_dup_actions (previous, G_LIST_MODEL (actions));
  g_assert_cmpuint (owned->len, ==, 2);
  g_assert_true (g_ptr_array_index (owned, 0) == prev_open);
  g_assert_false (annex_review_owns_action (previous, own));

  g_assert_true (annex_review_prepare_inputs (reviews, current, "2026-11-28", &error));
  g_assert_no_error (error);
  snapshot = annex_review_dup_snapshot (current);
  data = annex_review_snapshot_get_data (snapshot, ANNEX_REVIEW_INPUT_ACTIONS);

  /* The oldest review's open action carries forward, its done one (done before the window)
   * does not; both of the previous review's; never the review's own. */
  text = dup_references (data, "actions");
  g_assert_cmpstr (text, ==, "A-001 A-003 A-004");
  g_assert_cmpint (json_object_get_int_member (data, "open"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (data, "done"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (data, "overdue"), ==, 1);
  object = find_by_member (json_object_get_array_member (data, "actions"), "reference", "A-001");
  g_assert_true (json_object_get_boolean_member (object, "carried_forward"));
  g_assert_true (json_object_get_boolean_member (object, "overdue"));
  g_assert_cmpstr (json_object_get_string_member (object, "review"), ==, "MR-2019-01");
  object = find_by_member (json_object_get_array_member (data, "actions"), "reference", "A-004");
  g_assert_false (json_object_get_boolean_member (object, "carried_forward"));
  g_assert_cmpstr (annex_review_snapshot_get_summary (snapshot, ANNEX_REVIEW_INPUT_ACTIONS), ==,
                   "2 open (carried forward), 1 done, 1 overdue");
  g_assert_true (old_open != NULL);
  iterate ();
}

static void
test_sign_off (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) reviews = new_loaded_register (fixture->db, ANNEX_TYPE_REVIEW);
  g_autoptr(AnnexRegister) attendees =
    new_loaded_register (fixture->db, ANNEX_TYPE_REVIEW_ATTENDEE);
  g_autoptr(AnnexRegister) actions = new_loaded_register (fixture->db, ANNEX_TYPE_ACTION);
  g_autoptr(AnnexReview) review = add_review (reviews, "2026-11-20", NULL);
  g_autoptr(AnnexReviewAttendee) ceo = NULL;
  g_autoptr(AnnexReviewAttendee) late = NULL;
  g_autoptr(AnnexChangeEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  gint64 review_id = annex_record_get_id (ANNEX_RECORD (review));
  guint n_entries;

  ceo = annex_review_attendee_new (review_id);
  annex_record_set_string (ANNEX_RECORD (ceo), "name", "Dana Lee");
  annex_record_set_string (ANNEX_RECORD (ceo), "role", "CEO");
  add_ok (attendees, ANNEX_RECORD (ceo));
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (ceo)), ==, "MRA-001");
  g_assert_cmpstr (annex_review_attendee_get_attendance (ceo), ==, "present");

  /* Not before it was held; only by the chair; "signed-off" cannot be chosen by hand. */
  g_assert_false (annex_review_sign_off (reviews, review, "Dana Lee", NULL, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  annex_record_set_string (ANNEX_RECORD (review), "actual-date", "2026-11-21");
  annex_record_set_string (ANNEX_RECORD (review), "status", "held");
  annex_record_set_string (ANNEX_RECORD (review), "conclusion", "Suitable and effective");
  save_ok (reviews, ANNEX_RECORD (review));
  g_assert_false (annex_review_sign_off (reviews, review, "Sam Smith", NULL, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Only the chair, Dana Lee, can sign the review off");
  g_clear_error (&error);
  g_assert_false (annex_review_sign_off (reviews, review, "Dana Lee", "2026-11-20", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (annex_review_get_status (review), ==, "held");

  annex_record_set_string (ANNEX_RECORD (review), "status", "signed-off");
  g_assert_false (annex_register_save (reviews, ANNEX_RECORD (review), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  annex_record_set_string (ANNEX_RECORD (review), "status", "held");

  g_assert_true (annex_review_sign_off (reviews, review, "  dana lee ", "2026-11-22", &error));
  g_assert_no_error (error);
  g_assert_true (annex_review_is_signed_off (review));
  g_assert_cmpstr (annex_review_get_signed_off_by (review), ==, "Dana Lee");
  g_assert_cmpstr (annex_review_get_signed_off_on (review), ==, "2026-11-22");
  entry = last_history_entry (fixture->db, "reviews", review_id);
  g_assert_cmpint (entry->kind, ==, ANNEX_CHANGE_UPDATE);
  g_assert_nonnull (strstr (entry->after, "\"status\":\"signed-off\""));
  g_assert_nonnull (strstr (entry->after, "\"signed_off_by\":\"Dana Lee\""));
  g_clear_pointer (&entry, annex_change_entry_free);
  n_entries = annex_database_count_rows (fixture->db, "reviews", NULL);
  g_assert_cmpuint (n_entries, ==, 1);

  /* The lock: no field, no deletion, no attendee, no preparation, no new action. */
  annex_record_set_string (ANNEX_RECORD (review), "conclusion", "Rewritten afterwards");
  g_assert_false (annex_register_save (reviews, ANNEX_RECORD (review), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "MR-2026-01 is signed off: reopen it to change it");
  g_clear_error (&error);
  annex_record_set_string (ANNEX_RECORD (review), "conclusion", "Suitable and effective");

  annex_review_set_input_notes (review, ANNEX_REVIEW_INPUT_RISKS, "Discussed at length");
  g_assert_false (annex_register_save (reviews, ANNEX_RECORD (review), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  annex_review_set_input_notes (review, ANNEX_REVIEW_INPUT_RISKS, NULL);

  g_assert_false (annex_register_remove (reviews, ANNEX_RECORD (review), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  annex_record_set_string (ANNEX_RECORD (ceo), "role", "Chief executive");
  g_assert_false (annex_register_save (attendees, ANNEX_RECORD (ceo), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  annex_record_set_string (ANNEX_RECORD (ceo), "role", "CEO");
  g_assert_false (annex_register_remove (attendees, ANNEX_RECORD (ceo), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  late = annex_review_attendee_new (review_id);
  annex_record_set_string (ANNEX_RECORD (late), "name", "Sam Smith");
  g_assert_false (annex_register_add (attendees, ANNEX_RECORD (late), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (annex_review_prepare_inputs (reviews, review, NULL, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (annex_review_add_action (review, actions, "Too late", NULL, NULL, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (annex_review_sign_off (reviews, review, "Dana Lee", NULL, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Reopening: only with a reason, recorded in the history with the sign-off it undoes. */
  g_assert_false (annex_review_reopen (reviews, review, "   ", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (annex_review_is_signed_off (review));

  g_assert_true (annex_review_reopen (reviews, review, " Attendance list was incomplete ",
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpstr (annex_review_get_status (review), ==, "held");
  g_assert_null (annex_review_get_signed_off_by (review));
  g_assert_null (annex_review_get_signed_off_on (review));
  g_assert_cmpstr (annex_review_get_reopen_reason (review), ==, "Attendance list was incomplete");
  entry = last_history_entry (fixture->db, "reviews", review_id);
  g_assert_cmpint (entry->kind, ==, ANNEX_CHANGE_UPDATE);
  g_assert_nonnull (strstr (entry->before, "\"status\":\"signed-off\""));
  g_assert_nonnull (strstr (entry->before, "\"signed_off_by\":\"Dana Lee\""));
  g_assert_nonnull (strstr (entry->after, "\"status\":\"held\""));
  g_assert_nonnull (strstr (entry->after,
                            "\"reopen_reason\":\"Attendance list was incomplete\""));

  /* A reopened review is not signed off: reopening again is refused; editing works. */
  g_assert_false (annex_review_reopen (reviews, review, "Again", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  add_ok (attendees, ANNEX_RECORD (late));
  g_assert_nonnull (annex_review_add_action (review, actions, "Follow up", NULL, NULL, &error));
  g_assert_no_error (error);

  /* The reason may not be set by hand. */
  annex_record_set_string (ANNEX_RECORD (review), "reopen-reason", "Edited");
  g_assert_false (annex_register_save (reviews, ANNEX_RECORD (review), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  annex_record_set_string (ANNEX_RECORD (review), "reopen-reason",
                           "Attendance list was incomplete");

  /* Signed off again, it keeps why it was reopened. */
  g_assert_true (annex_review_sign_off (reviews, review, "Dana Lee", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (annex_review_get_reopen_reason (review), ==, "Attendance list was incomplete");
  iterate ();
}

static void
test_notes (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) reviews = new_loaded_register (fixture->db, ANNEX_TYPE_REVIEW);
  g_autoptr(AnnexReview) review = add_review (reviews, "2026-12-01", NULL);
  g_autoptr(AnnexReviewSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  /* Notes before anything is prepared are kept by the preparation. */
  g_signal_connect (review, "notify::inputs", G_CALLBACK (annex_test_count_cb), &notified);
  annex_review_set_input_annotation (review, ANNEX_REVIEW_INPUT_ISSUES,
                                     "Ask legal about the new law");
  g_assert_cmpuint (notified, ==, 1);
  save_ok (reviews, ANNEX_RECORD (review));

  g_assert_true (annex_review_prepare_inputs (reviews, review, NULL, &error));
  g_assert_no_error (error);
  annex_review_set_input_notes (review, ANNEX_REVIEW_INPUT_ISSUES, "Legal to report in Q1");
  save_ok (reviews, ANNEX_RECORD (review));
  g_assert_true (annex_review_refresh_input (reviews, review, ANNEX_REVIEW_INPUT_ISSUES, NULL,
                                             &error));
  g_assert_no_error (error);

  snapshot = annex_review_dup_snapshot (review);
  g_assert_cmpstr (annex_review_snapshot_get_annotation (snapshot, ANNEX_REVIEW_INPUT_ISSUES), ==,
                   "Ask legal about the new law");
  g_assert_cmpstr (annex_review_snapshot_get_notes (snapshot, ANNEX_REVIEW_INPUT_ISSUES), ==,
                   "Legal to report in Q1");
  g_assert_null (annex_review_snapshot_get_notes (snapshot, ANNEX_REVIEW_INPUT_RISKS));

  /* Clearing. */
  annex_review_set_input_notes (review, ANNEX_REVIEW_INPUT_ISSUES, "  ");
  g_clear_pointer (&snapshot, annex_review_snapshot_unref);
  snapshot = annex_review_dup_snapshot (review);
  g_assert_null (annex_review_snapshot_get_notes (snapshot, ANNEX_REVIEW_INPUT_ISSUES));
  g_assert_true (annex_review_snapshot_has_input (snapshot, ANNEX_REVIEW_INPUT_ISSUES));

  /* Malformed JSON is an error for the parser, an empty snapshot for a review. */
  g_clear_pointer (&snapshot, annex_review_snapshot_unref);
  g_assert_null (annex_review_snapshot_new_from_json ("[1,2", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  snapshot = annex_review_snapshot_new_from_json (NULL, &error);
  g_assert_no_error (error);
  g_assert_false (annex_review_snapshot_has_input (snapshot, ANNEX_REVIEW_INPUT_ACTIONS));
  g_assert_cmpuint (annex_review_snapshot_get_lines (snapshot, ANNEX_REVIEW_INPUT_ACTIONS)->len,
                    ==, 0);

  g_assert_cmpstr (annex_review_input_get_letter (ANNEX_REVIEW_INPUT_IMPROVEMENT), ==, "g");
  g_assert_cmpint (annex_review_input_from_letter ("c"), ==, ANNEX_REVIEW_INPUT_PARTIES);
  g_assert_cmpint (annex_review_input_from_letter ("h"), ==, -1);
  iterate ();
}

static void
test_schedule (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) reviews = new_loaded_register (fixture->db, ANNEX_TYPE_REVIEW);
  g_autoptr(AnnexReview) held = NULL;
  g_autoptr(AnnexReview) planned = NULL;
  g_autoptr(AnnexReview) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = annex_database_dup_setting (fixture->db, "created");
  g_autofree char *expected = NULL;
  AnnexReviewSchedule schedule;

  g_assert_cmpuint (annex_review_get_interval_months (fixture->db), ==, 12);

  /* No review yet: due a year after the workspace was created. */
  g_assert_true (annex_review_compute_schedule (fixture->db, NULL, "2026-11-28", &schedule,
                                                &error));
  g_assert_no_error (error);
  expected = g_strdup_printf ("%d%.6s", (int) g_ascii_strtoll (created, NULL, 10) + 1,
                              created + 4);
  g_assert_cmpstr (schedule.due_date, ==, expected);
  g_assert_false (schedule.overdue);
  g_assert_null (schedule.last_reference);
  annex_review_schedule_clear (&schedule);

  g_assert_false (annex_review_set_interval_months (fixture->db, 0, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (annex_review_set_interval_months (fixture->db, 37, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (annex_review_set_interval_months (fixture->db, 6, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (annex_review_get_interval_months (fixture->db), ==, 6);

  held = add_review (reviews, "2026-03-01", "2026-03-31");
  planned = add_review (reviews, "2026-12-15", NULL);
  later = add_review (reviews, "2027-06-15", NULL);

  /* Six months after the last held review (the end of a shorter month). */
  g_assert_true (annex_review_compute_schedule (fixture->db, G_LIST_MODEL (reviews),
                                                "2026-09-30", &schedule, &error));
  g_assert_cmpuint (schedule.interval_months, ==, 6);
  g_assert_cmpstr (schedule.last_reference, ==, "MR-2026-01");
  g_assert_cmpstr (schedule.last_date, ==, "2026-03-31");
  g_assert_cmpstr (schedule.due_date, ==, "2026-09-30");
  g_assert_false (schedule.overdue);
  g_assert_cmpstr (schedule.planned_reference, ==, "MR-2026-02");
  g_assert_cmpstr (schedule.planned_date, ==, "2026-12-15");
  annex_review_schedule_clear (&schedule);

  g_assert_true (annex_review_compute_schedule (fixture->db, NULL, "2026-10-01", &schedule,
                                                &error));
  g_assert_true (schedule.overdue);
  annex_review_schedule_clear (&schedule);

  /* Holding the planned one moves the due date. */
  annex_record_set_string (ANNEX_RECORD (planned), "actual-date", "2026-11-02");
  save_ok (reviews, ANNEX_RECORD (planned));
  g_assert_true (annex_review_compute_schedule (fixture->db, G_LIST_MODEL (reviews),
                                                "2026-11-28", &schedule, &error));
  g_assert_cmpstr (schedule.last_reference, ==, "MR-2026-02");
  g_assert_cmpstr (schedule.due_date, ==, "2027-05-02");
  g_assert_false (schedule.overdue);
  g_assert_cmpstr (schedule.planned_reference, ==, "MR-2027-01");
  annex_review_schedule_clear (&schedule);
  g_assert_null (schedule.due_date);
  iterate ();
}

static void
test_remove_restore (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) reviews = new_loaded_register (fixture->db, ANNEX_TYPE_REVIEW);
  g_autoptr(AnnexRegister) attendees =
    new_loaded_register (fixture->db, ANNEX_TYPE_REVIEW_ATTENDEE);
  g_autoptr(AnnexReview) review = add_review (reviews, "2026-12-01", NULL);
  g_autoptr(AnnexReviewAttendee) attendee =
    annex_review_attendee_new (annex_record_get_id (ANNEX_RECORD (review)));
  g_autoptr(AnnexReviewAttendee) orphan = annex_review_attendee_new (4242);
  g_autoptr(GError) error = NULL;
  gint64 count = 0;

  annex_record_set_string (ANNEX_RECORD (attendee), "name", "Dana Lee");
  annex_record_set_string (ANNEX_RECORD (attendee), "attendance", "apologies");
  add_ok (attendees, ANNEX_RECORD (attendee));
  annex_record_set_string (ANNEX_RECORD (orphan), "name", "Nobody");
  g_assert_false (annex_register_add (attendees, ANNEX_RECORD (orphan), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (annex_register_remove (reviews, ANNEX_RECORD (review), &error));
  g_assert_no_error (error);
  g_assert_cmpint (annex_database_count_rows (fixture->db, "review_attendees", NULL), ==, 0);
  g_assert_true (annex_register_restore (reviews, ANNEX_RECORD (review), &error));
  g_assert_no_error (error);
  g_assert_cmpint (annex_database_count_rows (fixture->db, "review_attendees", NULL), ==, 1);

  g_assert_true (annex_review_count_signed_off (fixture->db, &count, &error));
  g_assert_cmpint (count, ==, 0);
  iterate ();
}

/* A workspace of format 5 (before objectives and reviews) keeps its data and gains the new,
 * empty registers, ready for use. */
static void
test_migrate_from_5 (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v5.isms", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRegister) reviews = NULL;
  g_autoptr(AnnexReview) review = NULL;
  AnnexDatabase *db;
  sqlite3 *handle = NULL;

  g_assert_true (_annex_database_create_at_version (path, "Acme", 5, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "INSERT INTO audits (reference, created, updated, title) "
                                 "VALUES ('IA-2025-01', '2025-01-01', '2025-01-01', 'Keep me')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (annex_database_get_schema_version (db), ==,
                   annex_database_get_latest_version ());
  g_assert_cmpint (annex_database_count_rows (db, "audits", NULL), ==, 1);
  g_assert_cmpint (annex_database_count_rows (db, "objectives", NULL), ==, 0);
  g_assert_cmpint (annex_database_count_rows (db, "reviews", NULL), ==, 0);

  reviews = new_loaded_register (db, ANNEX_TYPE_REVIEW);
  review = add_review (reviews, "2026-12-01", NULL);
  g_assert_true (annex_review_prepare_inputs (reviews, review, NULL, &error));
  g_assert_no_error (error);

  g_clear_object (&review);
  g_clear_object (&reviews);
  annex_database_close (db);
  finalize_eventually (db);
  annex_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/annex/reviews/objectives", test_objectives);
  ADD ("/annex/reviews/references", test_references);
  ADD ("/annex/reviews/prepare-inputs", test_prepare_inputs);
  ADD ("/annex/reviews/since-previous-review", test_window);
  ADD ("/annex/reviews/carried-forward", test_carried_forward);
  ADD ("/annex/reviews/sign-off", test_sign_off);
  ADD ("/annex/reviews/notes", test_notes);
  ADD ("/annex/reviews/schedule", test_schedule);
  ADD ("/annex/reviews/remove-restore", test_remove_restore);

#undef ADD

  g_test_add_func ("/annex/reviews/migrate-from-5", test_migrate_from_5);

  return g_test_run ();
}
