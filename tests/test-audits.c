/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-audits.c: internal audit and improvement on a temporary workspace: yearly references,
 * checklist generation from an audit's clauses and controls, the programme's coverage and
 * warnings, auditor independence, finding → nonconformity → corrective actions → effectiveness
 * → closed (and the refusal to close early), incident → nonconformity, and an audit deleted with
 * its checklist and findings and restored by Undo, each write in the change history. */

#define G_LOG_DOMAIN "test-audits"

#include "config.h"

#include <string.h>

#include "annex-action.h"
#include "annex-asset.h"
#include "annex-audit-item.h"
#include "annex-audit-programme.h"
#include "annex-audit.h"
#include "annex-catalogue.h"
#include "annex-change-log.h"
#include "annex-control.h"
#include "annex-database-private.h"
#include "annex-database.h"
#include "annex-finding.h"
#include "annex-incident.h"
#include "annex-links.h"
#include "annex-nonconformity.h"
#include "annex-register.h"
#include "annex-requirement.h"
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
  path = g_build_filename (fixture->tmpdir, "audits.isms", NULL);
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

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
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

static AnnexRecord *
find_by_reference (AnnexRegister *reg,
                   const char    *reference)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (reg));

  for (guint i = 0; i < n; i++)
    {
      AnnexRecord *record = annex_test_list_get_item (G_LIST_MODEL (reg), i);

      if (g_strcmp0 (annex_record_get_reference (record), reference) == 0)
        return record;
    }

  g_assert_not_reached ();
}

static gint64
id_of (AnnexRegister *reg,
       const char    *reference)
{
  return annex_record_get_id (find_by_reference (reg, reference));
}

static guint
count_history (AnnexDatabase   *db,
               const char      *table,
               AnnexChangeKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = annex_change_log_list (db, NULL, 0, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      AnnexChangeEntry *entry = g_ptr_array_index (entries, i);

      if (strcmp (entry->table_name, table) == 0 && entry->kind == kind)
        n++;
    }

  return n;
}

static void
assert_history_verifies (AnnexDatabase *db)
{
  g_autoptr(GError) error = NULL;
  gint64 first_bad = -1;
  gint64 count = 0;

  g_assert_true (annex_change_log_verify (db, &first_bad, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first_bad, ==, 0);
  g_assert_cmpint (count, >, 0);
}

static gint64
count_rows (AnnexDatabase *db,
            const char    *table)
{
  g_autoptr(GError) error = NULL;
  gint64 n = annex_database_count_rows (db, table, &error);

  g_assert_no_error (error);
  return n;
}

static char *
dup_utc_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y");
}

/* Adds an audit titled @title planned from @start to @end (either may be NULL). */
static AnnexAudit *
add_audit (AnnexRegister *audits,
           const char    *title,
           const char    *start,
           const char    *end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexAudit) audit = annex_audit_new ();

  annex_record_set_string (ANNEX_RECORD (audit), "title", title);
  annex_record_set_string (ANNEX_RECORD (audit), "planned-start", start);
  annex_record_set_string (ANNEX_RECORD (audit), "planned-end", end);
  g_assert_true (annex_register_add (audits, ANNEX_RECORD (audit), &error));
  g_assert_no_error (error);

  /* The register holds it. */
  return audit;
}

static void
link_audit (AnnexDatabase *db,
            AnnexAudit    *audit,
            AnnexRegister *targets,
            const char    *reference)
{
  g_autoptr(GError) error = NULL;
  const char *table = annex_register_get_record_type (targets) == ANNEX_TYPE_CONTROL ?
                      ANNEX_AUDIT_LINK_CONTROLS : ANNEX_AUDIT_LINK_CLAUSES;

  g_assert_true (annex_links_add (db, "audits", annex_record_get_id (ANNEX_RECORD (audit)),
                                  table, id_of (targets, reference), &error));
  g_assert_no_error (error);
}

static void
save_string (AnnexRegister *reg,
             AnnexRecord   *record,
             const char    *field,
             const char    *value)
{
  g_autoptr(GError) error = NULL;

  annex_record_set_string (record, field, value);
  g_assert_true (annex_register_save (reg, record, &error));
  g_assert_no_error (error);
}

/* The items of audit @audit_id in @items, in checklist order. */
static GPtrArray *
dup_items_of (AnnexRegister *items,
              gint64         audit_id)
{
  GPtrArray *result = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (items));

  for (guint i = 0; i < n; i++)
    {
      AnnexAuditItem *item = annex_test_list_get_item (G_LIST_MODEL (items), i);

      if (annex_audit_item_get_audit_id (item) == audit_id)
        g_ptr_array_add (result, item);
    }

  /* Insertion sort with the checklist order (compare takes the items themselves). */
  for (guint i = 1; i < result->len; i++)
    for (guint j = i; j > 0 &&
         annex_audit_item_compare (g_ptr_array_index (result, j - 1),
                                   g_ptr_array_index (result, j), NULL) > 0; j--)
      {
        gpointer tmp = result->pdata[j];

        result->pdata[j] = result->pdata[j - 1];
        result->pdata[j - 1] = tmp;
      }

  return result;
}

/* Yearly references */

static void
test_yearly_references (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) audits = new_loaded_register (fixture->db, ANNEX_TYPE_AUDIT);
  g_autoptr(AnnexRegister) ncs = new_loaded_register (fixture->db, ANNEX_TYPE_NONCONFORMITY);
  g_autoptr(AnnexRegister) incidents = new_loaded_register (fixture->db, ANNEX_TYPE_INCIDENT);
  g_autoptr(GError) error = NULL;
  g_autofree char *year = dup_utc_year ();
  g_autofree char *undated = NULL;
  AnnexAudit *first;
  AnnexAudit *audit;
  const char *sql;
  int rc;

  {
    gpointer audit_class = g_type_class_ref (ANNEX_TYPE_AUDIT);
    gpointer item_class = g_type_class_ref (ANNEX_TYPE_AUDIT_ITEM);

    g_assert_cmpstr (annex_record_class_get_yearly_reference_field (audit_class), ==,
                     "planned-start");
    g_assert_null (annex_record_class_get_yearly_reference_field (item_class));
    g_type_class_unref (audit_class);
    g_type_class_unref (item_class);
  }

  first = add_audit (audits, "Spring audit", "2031-03-02", "2031-03-04");
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (first)), ==, "IA-2031-01");
  audit = add_audit (audits, "Autumn audit", "2031-10-01", NULL);
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (audit)), ==, "IA-2031-02");
  audit = add_audit (audits, "Earlier audit", "2030-12-31", NULL);
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (audit)), ==, "IA-2030-01");

  /* Without a planned start: the year of creation. */
  audit = add_audit (audits, "Unplanned audit", NULL, NULL);
  undated = g_strdup_printf ("IA-%s-01", year);
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (audit)), ==, undated);

  /* The reference stays when the date moves. */
  annex_record_set_string (ANNEX_RECORD (first), "planned-end", "2032-01-11");
  save_string (audits, ANNEX_RECORD (first), "planned-start", "2032-01-10");
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (first)), ==, "IA-2031-01");

  /* Two digits, growing past 99. */
  sql = "UPDATE reference_counters SET next = 99 WHERE prefix = 'IA-2031-'";
  rc = sqlite3_exec (annex_database_get_handle (fixture->db), sql, NULL, NULL, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  audit = add_audit (audits, "Audit 99", "2031-11-01", NULL);
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (audit)), ==, "IA-2031-99");
  audit = add_audit (audits, "Audit 100", "2031-11-02", NULL);
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (audit)), ==, "IA-2031-100");

  /* Nonconformities by the date raised, incidents by the date detected. */
  {
    g_autoptr(AnnexNonconformity) nc = annex_nonconformity_new ();
    g_autoptr(AnnexIncident) incident = annex_incident_new ();

    annex_record_set_string (ANNEX_RECORD (nc), "title", "Visitor log not kept");
    annex_record_set_string (ANNEX_RECORD (nc), "raised-on", "2031-03-03");
    g_assert_true (annex_register_add (ncs, ANNEX_RECORD (nc), &error));
    g_assert_no_error (error);
    g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (nc)), ==, "NC-2031-01");

    annex_record_set_string (ANNEX_RECORD (incident), "title", "Phishing mail clicked");
    annex_record_set_string (ANNEX_RECORD (incident), "detected-on", "2029-07-14");
    g_assert_true (annex_register_add (incidents, ANNEX_RECORD (incident), &error));
    g_assert_no_error (error);
    g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (incident)), ==, "INC-2029-01");
  }

  /* A refused add takes no number. */
  {
    g_autoptr(AnnexAudit) bad = annex_audit_new ();

    annex_record_set_string (ANNEX_RECORD (bad), "title", "Backwards");
    annex_record_set_string (ANNEX_RECORD (bad), "planned-start", "2031-05-02");
    annex_record_set_string (ANNEX_RECORD (bad), "planned-end", "2031-05-01");
    g_assert_false (annex_register_add (audits, ANNEX_RECORD (bad), &error));
    g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
    g_clear_error (&error);
    audit = add_audit (audits, "Next", "2031-05-02", NULL);
    g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (audit)), ==, "IA-2031-101");
  }

  assert_history_verifies (fixture->db);
}

/* Validation */

static void
test_validation (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) audits = new_loaded_register (fixture->db, ANNEX_TYPE_AUDIT);
  g_autoptr(AnnexRegister) items = new_loaded_register (fixture->db, ANNEX_TYPE_AUDIT_ITEM);
  g_autoptr(AnnexRegister) findings = new_loaded_register (fixture->db, ANNEX_TYPE_FINDING);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexAudit) untitled = annex_audit_new ();
  g_autoptr(AnnexAuditItem) orphan = annex_audit_item_new (0);
  g_autoptr(AnnexFinding) lost = annex_finding_new (4242);
  g_auto(GStrv) auditors = NULL;
  AnnexAudit *audit;

  /* Defaults. */
  g_assert_cmpstr (annex_audit_get_audit_type (untitled), ==, "internal");
  g_assert_cmpstr (annex_audit_get_status (untitled), ==, "planned");

  g_assert_false (annex_register_add (audits, ANNEX_RECORD (untitled), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  audit = add_audit (audits, "Access control audit", "2026-04-01", "2026-04-03");
  annex_record_set_string (ANNEX_RECORD (audit), "actual-start", "2026-04-02");
  annex_record_set_string (ANNEX_RECORD (audit), "actual-end", "2026-04-01");
  g_assert_false (annex_register_save (audits, ANNEX_RECORD (audit), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "actual end"));
  g_clear_error (&error);
  save_string (audits, ANNEX_RECORD (audit), "actual-end", "2026-04-02");

  /* Overdue: the planned end passed and the audit not reported. */
  g_assert_false (annex_audit_is_overdue_on (audit, "2026-04-03"));
  g_assert_true (annex_audit_is_overdue_on (audit, "2026-04-04"));
  save_string (audits, ANNEX_RECORD (audit), "status", "reported");
  g_assert_false (annex_audit_is_overdue_on (audit, "2026-04-04"));
  g_assert_cmpstr (annex_audit_get_done_date (audit), ==, "2026-04-02");
  g_assert_cmpstr (annex_audit_get_date (audit), ==, "2026-04-02");

  /* Auditors: the lead, then the team, trimmed, without repeats. */
  annex_record_set_string (ANNEX_RECORD (audit), "lead-auditor", " Dana Lee ");
  annex_record_set_string (ANNEX_RECORD (audit), "team", "Sam Ocean; dana  lee,\nKim Park, ");
  auditors = annex_audit_dup_auditors (audit);
  g_assert_cmpstrv (auditors, ((const char * const[]) { "Dana Lee", "Sam Ocean", "Kim Park",
                                                        NULL }));

  /* Children need their audit. */
  annex_record_set_string (ANNEX_RECORD (orphan), "title", "Orphan");
  g_assert_false (annex_register_add (items, ANNEX_RECORD (orphan), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  annex_record_set_string (ANNEX_RECORD (lost), "description", "Lost");
  g_assert_false (annex_register_add (findings, ANNEX_RECORD (lost), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no longer exists"));
  g_clear_error (&error);

  /* The cycle settings. */
  g_assert_cmpuint (annex_audit_cycle_get_years (fixture->db), ==, 3);
  g_assert_false (annex_audit_cycle_set (fixture->db, 2025, 0, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (annex_audit_cycle_set (fixture->db, 2025, 4, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (annex_audit_cycle_get_start_year (fixture->db), ==, 2025);
  g_assert_cmpuint (annex_audit_cycle_get_years (fixture->db), ==, 4);

  assert_history_verifies (fixture->db);
}

/* Checklist generation */

static void
test_checklist (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) audits = new_loaded_register (fixture->db, ANNEX_TYPE_AUDIT);
  g_autoptr(AnnexRegister) items = new_loaded_register (fixture->db, ANNEX_TYPE_AUDIT_ITEM);
  g_autoptr(AnnexRegister) requirements = new_loaded_register (fixture->db,
                                                               ANNEX_TYPE_REQUIREMENT);
  g_autoptr(AnnexRegister) controls = new_loaded_register (fixture->db, ANNEX_TYPE_CONTROL);
  g_autoptr(GPtrArray) checklist = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const subjects[] = { "6.1.2", "9.2.1", "5.15", "8.13", "ORG-1" };
  const AnnexCatalogueClause *clause;
  const AnnexCatalogueControl *control;
  AnnexAudit *audit;
  AnnexAudit *other;
  guint n_added = 99;
  gint64 audit_id;

  audit = add_audit (audits, "Access and audit", "2026-05-04", "2026-05-06");
  other = add_audit (audits, "Other audit", "2026-06-04", NULL);
  audit_id = annex_record_get_id (ANNEX_RECORD (audit));

  /* An organization-specific control with a description of its own. */
  {
    g_autoptr(AnnexRecord) custom = annex_register_new_record (controls);

    annex_record_set_reference (custom, "ORG-1");
    annex_record_set_string (custom, "title", "Clean desk walk-through");
    annex_record_set_string (custom, "description", "A monthly walk-through of the offices.");
    g_assert_true (annex_register_add (controls, custom, &error));
    g_assert_no_error (error);
  }

  /* Linked in another order than the checklist's. */
  link_audit (fixture->db, audit, controls, "8.13");
  link_audit (fixture->db, audit, requirements, "9.2.1");
  link_audit (fixture->db, audit, controls, "ORG-1");
  link_audit (fixture->db, audit, controls, "5.15");
  link_audit (fixture->db, audit, requirements, "6.1.2");
  link_audit (fixture->db, other, controls, "5.1");

  g_assert_true (annex_audit_generate_checklist (audit, items, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 5);
  g_assert_cmpint (count_rows (fixture->db, "audit_items"), ==, 5);

  checklist = dup_items_of (items, audit_id);
  g_assert_cmpuint (checklist->len, ==, G_N_ELEMENTS (subjects));
  for (guint i = 0; i < checklist->len; i++)
    {
      AnnexAuditItem *item = g_ptr_array_index (checklist, i);
      const char *question = annex_audit_item_get_question (item);

      g_assert_cmpstr (annex_audit_item_get_subject (item), ==, subjects[i]);
      g_assert_cmpstr (annex_audit_item_get_subject_kind (item), ==, i < 2 ? "clause"
                                                                           : "control");
      g_assert_cmpint (annex_audit_item_get_position (item), ==, i + 1);
      g_assert_cmpstr (annex_audit_item_get_result (item), ==, "not-sampled");
      g_assert_false (annex_field_text_is_blank (annex_audit_item_get_title (item)));
      g_assert_false (annex_field_text_is_blank (question));
      /* A question of its own, naming what it samples. */
      g_assert_nonnull (strstr (question, subjects[i]));
      g_assert_nonnull (strchr (question, '?'));
    }

  /* The questions are built from the catalogue's paraphrases (our own words). */
  clause = annex_catalogue_find_clause ("9.2.1");
  control = annex_catalogue_find_control ("5.15");
  g_assert_nonnull (strstr (annex_audit_item_get_question (g_ptr_array_index (checklist, 1)),
                            clause->summary));
  g_assert_cmpstr (annex_audit_item_get_title (g_ptr_array_index (checklist, 1)), ==,
                   "Internal audit: General");
  g_assert_nonnull (strstr (annex_audit_item_get_question (g_ptr_array_index (checklist, 2)),
                            control->guidance));
  g_assert_cmpstr (annex_audit_item_get_title (g_ptr_array_index (checklist, 2)), ==,
                   "Access control");
  g_assert_nonnull (strstr (annex_audit_item_get_question (g_ptr_array_index (checklist, 4)),
                            "monthly walk-through"));
  g_assert_cmpstr (annex_audit_item_get_title (g_ptr_array_index (checklist, 4)), ==,
                   "Clean desk walk-through");
  /* 6.1.2 mandates documented information: the question asks to see it. */
  g_assert_nonnull (strstr (annex_audit_item_get_question (g_ptr_array_index (checklist, 0)),
                            "Ask to see:"));

  /* An edited question stays; a second run adds nothing. */
  save_string (items, g_ptr_array_index (checklist, 2), "question", "Who approves access?");
  g_assert_true (annex_audit_generate_checklist (audit, items, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpint (count_rows (fixture->db, "audit_items"), ==, 5);
  g_assert_cmpstr (annex_audit_item_get_question (g_ptr_array_index (checklist, 2)), ==,
                   "Who approves access?");

  /* An item added by hand goes to the end; a new link adds only its item, after it. */
  {
    g_autoptr(AnnexAuditItem) item = annex_audit_item_new (audit_id);

    g_assert_cmpint (annex_audit_item_next_position (G_LIST_MODEL (items), audit_id), ==, 6);
    g_assert_cmpint (annex_audit_item_next_position (G_LIST_MODEL (items),
                                                     annex_record_get_id (ANNEX_RECORD (other))),
                     ==, 1);
    annex_record_set_int (ANNEX_RECORD (item), "position", 6);
    annex_record_set_string (ANNEX_RECORD (item), "title", "Visitor badges at reception");
    g_assert_true (annex_register_add (items, ANNEX_RECORD (item), &error));
    g_assert_no_error (error);
  }
  link_audit (fixture->db, audit, requirements, "4.1");
  g_assert_true (annex_audit_generate_checklist (audit, items, &n_added, &error));
  g_assert_cmpuint (n_added, ==, 1);
  g_clear_pointer (&checklist, g_ptr_array_unref);
  checklist = dup_items_of (items, audit_id);
  g_assert_cmpuint (checklist->len, ==, 7);
  g_assert_cmpstr (annex_audit_item_get_title (g_ptr_array_index (checklist, 5)), ==,
                   "Visitor badges at reception");
  g_assert_cmpstr (annex_audit_item_get_subject (g_ptr_array_index (checklist, 6)), ==, "4.1");
  g_assert_cmpint (annex_audit_item_get_position (g_ptr_array_index (checklist, 6)), ==, 7);

  /* The other audit has its own checklist. */
  g_assert_true (annex_audit_generate_checklist (other, items, &n_added, &error));
  g_assert_cmpuint (n_added, ==, 1);
  g_assert_cmpuint (count_history (fixture->db, "audit_items", ANNEX_CHANGE_INSERT), ==, 8);
  assert_history_verifies (fixture->db);
}

/* Programme: coverage and warnings */

typedef struct
{
  AnnexRegister *audits;
  AnnexRegister *requirements;
  AnnexRegister *controls;
  AnnexAudit    *spring;   /* 2025, clause 4.1 and control 5.1 */
  AnnexAudit    *winter;   /* 2026/27, control 6.3 */
  AnnexAudit    *later;    /* 2029, outside the cycle, control 7.1 */
} Programme;

static void
programme_set_up (Fixture   *fixture,
                  Programme *p)
{
  g_autoptr(GError) error = NULL;
  static const char * const applicable[] = { "5.1", "6.3", "7.1" };

  p->audits = new_loaded_register (fixture->db, ANNEX_TYPE_AUDIT);
  p->requirements = new_loaded_register (fixture->db, ANNEX_TYPE_REQUIREMENT);
  p->controls = new_loaded_register (fixture->db, ANNEX_TYPE_CONTROL);

  for (guint i = 0; i < G_N_ELEMENTS (applicable); i++)
    save_string (p->controls, find_by_reference (p->controls, applicable[i]), "applicability",
                 "applicable");
  save_string (p->controls, find_by_reference (p->controls, "5.2"), "applicability",
               "excluded");

  g_assert_true (annex_audit_cycle_set (fixture->db, 2025, 3, &error));
  g_assert_no_error (error);

  p->spring = add_audit (p->audits, "Context audit", "2025-03-10", "2025-03-12");
  p->winter = add_audit (p->audits, "People audit", "2026-11-30", "2027-01-05");
  p->later = add_audit (p->audits, "Physical audit", "2029-02-01", "2029-02-02");
  link_audit (fixture->db, p->spring, p->requirements, "4.1");
  link_audit (fixture->db, p->spring, p->controls, "5.1");
  link_audit (fixture->db, p->winter, p->controls, "6.3");
  link_audit (fixture->db, p->later, p->controls, "7.1");
}

static void
programme_tear_down (Programme *p)
{
  g_clear_object (&p->audits);
  g_clear_object (&p->requirements);
  g_clear_object (&p->controls);
}

static guint
find_row (AnnexAuditProgramme *programme,
          AnnexCoverageKind    kind,
          const char          *id)
{
  guint n_rows = 0;
  const AnnexCoverageRow *rows = annex_audit_programme_get_rows (programme, &n_rows);

  for (guint i = 0; i < n_rows; i++)
    if (rows[i].kind == kind && strcmp (rows[i].id, id) == 0)
      return i;

  g_assert_not_reached ();
}

static const AnnexProgrammeWarning *
find_warning (AnnexAuditProgramme       *programme,
              AnnexProgrammeWarningKind  kind,
              const char                *subject)
{
  guint n = 0;
  const AnnexProgrammeWarning *warnings = annex_audit_programme_get_warnings (programme, &n);

  for (guint i = 0; i < n; i++)
    if (warnings[i].kind == kind && g_strcmp0 (warnings[i].subject, subject) == 0)
      return &warnings[i];

  return NULL;
}

static void
test_programme_coverage (Fixture       *fixture,
                         gconstpointer  user_data)
{
  Programme p = { 0, };
  g_autoptr(AnnexAuditProgramme) programme = annex_audit_programme_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) in_month = NULL;
  const AnnexCoverageRow *rows;
  guint n_rows = 0;
  guint first = 0;
  guint last = 0;
  guint row;
  guint n_clauses = 0;
  guint n_requirements = 0;
  guint n_themes = 0;

  programme_set_up (fixture, &p);

  g_assert_true (annex_audit_programme_compute (programme, fixture->db,
                                                G_LIST_MODEL (p.audits), "2027-06-01", &error));
  g_assert_no_error (error);

  /* The cycle and its audits by month. */
  g_assert_cmpuint (annex_audit_programme_get_start_year (programme), ==, 2025);
  g_assert_cmpuint (annex_audit_programme_get_years (programme), ==, 3);
  g_assert_cmpuint (annex_audit_programme_get_n_months (programme), ==, 36);
  g_assert_cmpstr (annex_audit_programme_get_first_day (programme), ==, "2025-01-01");
  g_assert_cmpstr (annex_audit_programme_get_last_day (programme), ==, "2027-12-31");
  g_assert_cmpuint (annex_audit_programme_get_n_audits (programme), ==, 2);
  g_assert_true (annex_audit_programme_get_audit (programme, 0) == p.spring);
  g_assert_true (annex_audit_programme_get_audit (programme, 1) == p.winter);
  annex_audit_programme_get_audit_months (programme, 0, &first, &last);
  g_assert_cmpuint (first, ==, 2);
  g_assert_cmpuint (last, ==, 2);
  annex_audit_programme_get_audit_months (programme, 1, &first, &last);
  g_assert_cmpuint (first, ==, 22);
  g_assert_cmpuint (last, ==, 24);
  in_month = annex_audit_programme_dup_audits_in_month (programme, 23);
  g_assert_cmpuint (in_month->len, ==, 1);
  g_assert_cmpuint (g_array_index (in_month, guint, 0), ==, 1);
  g_clear_pointer (&in_month, g_array_unref);
  in_month = annex_audit_programme_dup_audits_in_month (programme, 3);
  g_assert_cmpuint (in_month->len, ==, 0);

  /* The rows: clauses 4–10 with their requirement rows, then the four themes and controls. */
  rows = annex_audit_programme_get_rows (programme, &n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      if (rows[i].kind == ANNEX_COVERAGE_CLAUSE)
        n_clauses++;
      else if (rows[i].kind == ANNEX_COVERAGE_REQUIREMENT)
        n_requirements++;
      else if (rows[i].kind == ANNEX_COVERAGE_THEME)
        n_themes++;
    }
  g_assert_cmpuint (n_clauses, ==, 7);
  g_assert_cmpuint (n_requirements, ==, 30);
  g_assert_cmpuint (n_themes, ==, 4);
  g_assert_cmpuint (n_rows, ==, 7 + 30 + 4 + 93);
  g_assert_cmpint (rows[0].kind, ==, ANNEX_COVERAGE_CLAUSE);
  g_assert_cmpstr (rows[0].id, ==, "4");
  g_assert_cmpstr (rows[0].title, ==, "Context of the organization");
  g_assert_cmpstr (rows[1].id, ==, "4.1");
  g_assert_cmpint (rows[1].parent, ==, 0);

  /* Clause 4 through 4.1, by the spring audit only. */
  row = find_row (programme, ANNEX_COVERAGE_CLAUSE, "4");
  g_assert_true (annex_audit_programme_covers (programme, row, 0));
  g_assert_false (annex_audit_programme_covers (programme, row, 1));
  g_assert_cmpuint (rows[row].n_covering, ==, 1);
  g_assert_false (annex_audit_programme_row_is_gap (programme, row));
  row = find_row (programme, ANNEX_COVERAGE_REQUIREMENT, "4.2");
  g_assert_true (annex_audit_programme_row_is_gap (programme, row));
  row = find_row (programme, ANNEX_COVERAGE_CLAUSE, "10");
  g_assert_true (annex_audit_programme_row_is_gap (programme, row));

  /* Themes and controls: the people theme by the winter audit; 7.1 is applicable but its
   * audit lies outside the cycle; 5.2 (excluded) and the technological theme (nothing
   * applicable) are not expected. */
  row = find_row (programme, ANNEX_COVERAGE_THEME, "people");
  g_assert_cmpstr (rows[row].title, ==, "People controls");
  g_assert_true (annex_audit_programme_covers (programme, row, 1));
  g_assert_true (rows[row].expected);
  row = find_row (programme, ANNEX_COVERAGE_CONTROL, "6.3");
  g_assert_true (annex_audit_programme_covers (programme, row, 1));
  g_assert_cmpint (rows[row].parent, ==, (int) find_row (programme, ANNEX_COVERAGE_THEME,
                                                         "people"));
  row = find_row (programme, ANNEX_COVERAGE_CONTROL, "7.1");
  g_assert_true (rows[row].expected);
  g_assert_true (annex_audit_programme_row_is_gap (programme, row));
  row = find_row (programme, ANNEX_COVERAGE_THEME, "physical");
  g_assert_true (annex_audit_programme_row_is_gap (programme, row));
  row = find_row (programme, ANNEX_COVERAGE_CONTROL, "5.2");
  g_assert_false (rows[row].expected);
  g_assert_false (annex_audit_programme_row_is_gap (programme, row));
  row = find_row (programme, ANNEX_COVERAGE_THEME, "technological");
  g_assert_false (rows[row].expected);
  g_assert_false (annex_audit_programme_row_is_gap (programme, row));

  /* Another cycle: only the 2029 audit. */
  g_assert_true (annex_audit_cycle_set (fixture->db, 2028, 3, &error));
  g_assert_true (annex_audit_programme_compute (programme, fixture->db,
                                                G_LIST_MODEL (p.audits), "2027-06-01", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (annex_audit_programme_get_n_audits (programme), ==, 1);
  g_assert_true (annex_audit_programme_get_audit (programme, 0) == p.later);
  row = find_row (programme, ANNEX_COVERAGE_CONTROL, "7.1");
  g_assert_false (annex_audit_programme_row_is_gap (programme, row));

  programme_tear_down (&p);
}

static void
test_programme_warnings (Fixture       *fixture,
                         gconstpointer  user_data)
{
  Programme p = { 0, };
  g_autoptr(AnnexAuditProgramme) programme = annex_audit_programme_new ();
  g_autoptr(GError) error = NULL;
  const AnnexProgrammeWarning *warning;
  guint n = 0;

  programme_set_up (fixture, &p);

  g_assert_true (annex_audit_programme_compute (programme, fixture->db,
                                                G_LIST_MODEL (p.audits), "2027-06-01", &error));
  g_assert_no_error (error);

  /* The spring and winter audits were never reported: both are overdue, and no internal audit
   * was done in the last twelve months. */
  warning = find_warning (programme, ANNEX_PROGRAMME_WARNING_AUDIT_OVERDUE,
                          annex_record_get_reference (ANNEX_RECORD (p.spring)));
  g_assert_nonnull (warning);
  g_assert_cmpint (warning->audit_id, ==, annex_record_get_id (ANNEX_RECORD (p.spring)));
  g_assert_nonnull (strstr (warning->message, "Context audit"));
  g_assert_nonnull (strstr (warning->message, "2025-03-12"));
  g_assert_nonnull (find_warning (programme, ANNEX_PROGRAMME_WARNING_AUDIT_OVERDUE,
                                  annex_record_get_reference (ANNEX_RECORD (p.winter))));
  g_assert_null (find_warning (programme, ANNEX_PROGRAMME_WARNING_AUDIT_OVERDUE,
                               annex_record_get_reference (ANNEX_RECORD (p.later))));
  warning = find_warning (programme, ANNEX_PROGRAMME_WARNING_NO_RECENT_INTERNAL_AUDIT, NULL);
  g_assert_nonnull (warning);
  /* The order: overdue audits, then the recent audit, then coverage. */
  g_assert_cmpint (annex_audit_programme_get_warnings (programme, &n)[0].kind, ==,
                   ANNEX_PROGRAMME_WARNING_AUDIT_OVERDUE);

  /* Coverage: clause 4 partly (4.1 sampled), clause 5 not at all; the physical theme's one
   * applicable control 7.1; nothing for the people or organizational themes. */
  warning = find_warning (programme, ANNEX_PROGRAMME_WARNING_CLAUSE_NOT_COVERED, "4");
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning->message, "not fully audited"));
  g_assert_nonnull (strstr (warning->message, "4.2, 4.3, 4.4"));
  g_assert_null (strstr (warning->message, "4.1"));
  warning = find_warning (programme, ANNEX_PROGRAMME_WARNING_CLAUSE_NOT_COVERED, "5");
  g_assert_nonnull (warning);
  g_assert_cmpstr (warning->message, ==, "Clause 5 (Leadership) is not audited in this cycle.");
  warning = find_warning (programme, ANNEX_PROGRAMME_WARNING_CONTROLS_NOT_COVERED, "physical");
  g_assert_nonnull (warning);
  g_assert_cmpstr (warning->message, ==,
                   "Physical controls: 1 applicable control is not audited in this cycle: 7.1.");
  g_assert_null (find_warning (programme, ANNEX_PROGRAMME_WARNING_CONTROLS_NOT_COVERED,
                               "people"));
  g_assert_null (find_warning (programme, ANNEX_PROGRAMME_WARNING_CONTROLS_NOT_COVERED,
                               "organizational"));
  g_assert_null (find_warning (programme, ANNEX_PROGRAMME_WARNING_CONTROLS_NOT_COVERED,
                               "technological"));

  /* The spring audit reported, the winter one done in January: no overdue audit, and a recent
   * internal audit (within twelve months of 2027-06-01). */
  save_string (p.audits, ANNEX_RECORD (p.spring), "status", "reported");
  annex_record_set_string (ANNEX_RECORD (p.winter), "actual-start", "2026-12-01");
  save_string (p.audits, ANNEX_RECORD (p.winter), "actual-end", "2027-01-04");
  save_string (p.audits, ANNEX_RECORD (p.winter), "status", "closed");
  g_assert_true (annex_audit_programme_compute (programme, fixture->db,
                                                G_LIST_MODEL (p.audits), "2027-06-01", &error));
  g_assert_null (find_warning (programme, ANNEX_PROGRAMME_WARNING_AUDIT_OVERDUE,
                               annex_record_get_reference (ANNEX_RECORD (p.spring))));
  g_assert_null (find_warning (programme, ANNEX_PROGRAMME_WARNING_AUDIT_OVERDUE,
                               annex_record_get_reference (ANNEX_RECORD (p.winter))));
  g_assert_null (find_warning (programme, ANNEX_PROGRAMME_WARNING_NO_RECENT_INTERNAL_AUDIT,
                               NULL));

  /* Thirteen months on, the last internal audit is too old; a supplier audit does not count. */
  g_assert_true (annex_audit_programme_compute (programme, fixture->db,
                                                G_LIST_MODEL (p.audits), "2028-02-05", &error));
  g_assert_nonnull (find_warning (programme, ANNEX_PROGRAMME_WARNING_NO_RECENT_INTERNAL_AUDIT,
                                  NULL));
  annex_record_set_string (ANNEX_RECORD (p.later), "actual-end", "2028-01-20");
  annex_record_set_string (ANNEX_RECORD (p.later), "actual-start", "2028-01-19");
  save_string (p.audits, ANNEX_RECORD (p.later), "type", "supplier");
  g_assert_true (annex_audit_programme_compute (programme, fixture->db,
                                                G_LIST_MODEL (p.audits), "2028-02-05", &error));
  g_assert_nonnull (find_warning (programme, ANNEX_PROGRAMME_WARNING_NO_RECENT_INTERNAL_AUDIT,
                                  NULL));
  save_string (p.audits, ANNEX_RECORD (p.later), "type", "internal");
  g_assert_true (annex_audit_programme_compute (programme, fixture->db,
                                                G_LIST_MODEL (p.audits), "2028-02-05", &error));
  g_assert_null (find_warning (programme, ANNEX_PROGRAMME_WARNING_NO_RECENT_INTERNAL_AUDIT,
                               NULL));
  g_assert_no_error (error);

  programme_tear_down (&p);
  assert_history_verifies (fixture->db);
}

/* Independence */

static void
test_independence (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) audits = new_loaded_register (fixture->db, ANNEX_TYPE_AUDIT);
  g_autoptr(AnnexRegister) requirements = new_loaded_register (fixture->db,
                                                               ANNEX_TYPE_REQUIREMENT);
  g_autoptr(AnnexRegister) controls = new_loaded_register (fixture->db, ANNEX_TYPE_CONTROL);
  g_autoptr(AnnexRegister) risks = new_loaded_register (fixture->db, ANNEX_TYPE_RISK);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRisk) risk = annex_risk_new ();
  g_autoptr(AnnexRisk) other_risk = annex_risk_new ();
  AnnexAudit *audit;

  save_string (controls, find_by_reference (controls, "5.15"), "owner", "Dana Lee");
  save_string (controls, find_by_reference (controls, "8.13"), "owner", "Alex Moor");
  save_string (requirements, find_by_reference (requirements, "9.2.2"), "owner", "sam  ocean");
  save_string (requirements, find_by_reference (requirements, "4.1"), "owner", "Kim Park");

  annex_risk_set_title (risk, "Unauthorized access");
  annex_record_set_string (ANNEX_RECORD (risk), "owner", "Kim Park");
  g_assert_true (annex_register_add (risks, ANNEX_RECORD (risk), &error));
  annex_risk_set_title (other_risk, "Lost backups");
  annex_record_set_string (ANNEX_RECORD (other_risk), "owner", "Kim Park");
  g_assert_true (annex_register_add (risks, ANNEX_RECORD (other_risk), &error));
  g_assert_no_error (error);
  g_assert_true (annex_links_add (fixture->db, "risks", annex_record_get_id (ANNEX_RECORD (risk)),
                                  "controls", id_of (controls, "5.15"), &error));
  g_assert_true (annex_links_add (fixture->db, "risks",
                                  annex_record_get_id (ANNEX_RECORD (other_risk)),
                                  "controls", id_of (controls, "8.24"), &error));
  g_assert_no_error (error);

  audit = add_audit (audits, "Access audit", "2026-09-01", NULL);
  link_audit (fixture->db, audit, controls, "5.15");
  link_audit (fixture->db, audit, controls, "8.13");
  link_audit (fixture->db, audit, requirements, "9.2.2");

  /* Nobody named: no conflict. */
  conflicts = annex_audit_dup_independence_conflicts (audit, fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_false (annex_audit_independence_flagged (audit, conflicts));
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* The lead owns 5.15; a team member answers for 9.2.2 and owns the risk 5.15 treats. Kim
   * Park's other risk and requirement 4.1 are not in the audit's scope. */
  annex_record_set_string (ANNEX_RECORD (audit), "lead-auditor", "dana lee");
  save_string (audits, ANNEX_RECORD (audit), "team", "Sam Ocean; Kim Park, Lee Dana");
  conflicts = annex_audit_dup_independence_conflicts (audit, fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (conflicts, 0), ==,
                   "dana lee owns control 5.15, which this audit samples");
  g_assert_cmpstr (g_ptr_array_index (conflicts, 1), ==,
                   "Kim Park owns risk R-001, which control 5.15 in this audit’s scope treats");
  g_assert_cmpstr (g_ptr_array_index (conflicts, 2), ==,
                   "Sam Ocean is responsible for clause 9.2.2, which this audit samples");
  g_assert_true (annex_audit_independence_flagged (audit, conflicts));

  /* A recorded reason: still listed, no longer flagged. */
  save_string (audits, ANNEX_RECORD (audit), "independence-note",
               "Dana only reviews 5.15; the access reviews are run by IT.");
  g_assert_false (annex_audit_independence_flagged (audit, conflicts));
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* Other auditors: no conflict. */
  annex_record_set_string (ANNEX_RECORD (audit), "lead-auditor", "Jo Quinn");
  save_string (audits, ANNEX_RECORD (audit), "team", NULL);
  conflicts = annex_audit_dup_independence_conflicts (audit, fixture->db, &error);
  g_assert_cmpuint (conflicts->len, ==, 0);

  assert_history_verifies (fixture->db);
}

/* Finding → nonconformity → corrective actions → effectiveness → closed */

static void
test_nonconformity_lifecycle (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) audits = new_loaded_register (fixture->db, ANNEX_TYPE_AUDIT);
  g_autoptr(AnnexRegister) items = new_loaded_register (fixture->db, ANNEX_TYPE_AUDIT_ITEM);
  g_autoptr(AnnexRegister) findings = new_loaded_register (fixture->db, ANNEX_TYPE_FINDING);
  g_autoptr(AnnexRegister) ncs = new_loaded_register (fixture->db, ANNEX_TYPE_NONCONFORMITY);
  g_autoptr(AnnexRegister) actions = new_loaded_register (fixture->db, ANNEX_TYPE_ACTION);
  g_autoptr(AnnexAuditItem) item = NULL;
  g_autoptr(AnnexAuditItem) fine = NULL;
  g_autoptr(GPtrArray) nc_actions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = annex_field_dup_today ();
  g_autofree char *expected_reference = NULL;
  AnnexFinding *finding;
  AnnexNonconformity *nc;
  AnnexAction *action;
  AnnexAudit *audit;
  gint64 audit_id;

  audit = add_audit (audits, "Operations audit", "2026-02-02", "2026-02-03");
  audit_id = annex_record_get_id (ANNEX_RECORD (audit));

  item = annex_audit_item_new (audit_id);
  annex_record_set_string (ANNEX_RECORD (item), "subject-kind", "control");
  annex_record_set_string (ANNEX_RECORD (item), "subject", "8.13");
  annex_record_set_string (ANNEX_RECORD (item), "title", "Information backup");
  annex_record_set_string (ANNEX_RECORD (item), "result", "nonconformity");
  annex_record_set_string (ANNEX_RECORD (item), "notes",
                           "No restore test since the new file server went live.");
  annex_record_set_string (ANNEX_RECORD (item), "evidence", "Backup log 2025; interview.");
  g_assert_true (annex_register_add (items, ANNEX_RECORD (item), &error));
  fine = annex_audit_item_new (audit_id);
  annex_record_set_string (ANNEX_RECORD (fine), "title", "Logging");
  annex_record_set_string (ANNEX_RECORD (fine), "result", "conform");
  g_assert_true (annex_register_add (items, ANNEX_RECORD (fine), &error));
  g_assert_no_error (error);

  /* An item found conform raises nothing. */
  g_assert_null (annex_finding_raise_from_item (fine, findings, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (annex_finding_classification_for_result ("not-sampled"));

  /* The finding in one step. */
  finding = annex_finding_raise_from_item (item, findings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (finding);
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (finding)), ==, "F-001");
  g_assert_cmpint (annex_finding_get_audit_id (finding), ==, audit_id);
  g_assert_cmpint (annex_finding_get_item_id (finding), ==,
                   annex_record_get_id (ANNEX_RECORD (item)));
  g_assert_cmpstr (annex_finding_get_classification (finding), ==, "minor");
  g_assert_true (annex_finding_is_nonconformity (finding));
  g_assert_cmpstr (annex_finding_get_concerns (finding), ==, "8.13");
  g_assert_cmpstr (annex_finding_get_description (finding), ==,
                   "No restore test since the new file server went live.");
  g_assert_cmpstr (annex_finding_get_evidence (finding), ==, "Backup log 2025; interview.");
  g_assert_null (annex_finding_raise_from_item (item, findings, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "F-001"));
  g_clear_error (&error);
  save_string (findings, ANNEX_RECORD (finding), "classification", "major");

  /* An observation raises no nonconformity. */
  {
    g_autoptr(AnnexFinding) observation = annex_finding_new (audit_id);

    annex_record_set_string (ANNEX_RECORD (observation), "classification", "observation");
    annex_record_set_string (ANNEX_RECORD (observation), "description", "Labels fading");
    g_assert_true (annex_register_add (findings, ANNEX_RECORD (observation), &error));
    g_assert_false (annex_finding_is_nonconformity (observation));
    g_assert_null (annex_nonconformity_raise_from_finding (observation, ncs, &error));
    g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* The nonconformity in one step. */
  nc = annex_nonconformity_raise_from_finding (finding, ncs, &error);
  g_assert_no_error (error);
  g_assert_nonnull (nc);
  expected_reference = g_strdup_printf ("NC-%.4s-01", today);
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (nc)), ==, expected_reference);
  g_assert_cmpstr (annex_nonconformity_get_title (nc), ==,
                   "No restore test since the new file server went live.");
  g_assert_cmpstr (annex_nonconformity_get_source (nc), ==, "audit");
  g_assert_cmpstr (annex_nonconformity_get_source_reference (nc), ==, "F-001");
  g_assert_cmpstr (annex_record_get_string (ANNEX_RECORD (nc), "grade"), ==, "major");
  g_assert_cmpstr (annex_nonconformity_get_concerns (nc), ==, "8.13");
  g_assert_cmpstr (annex_nonconformity_get_raised_on (nc), ==, today);
  g_assert_nonnull (strstr (annex_record_get_string (ANNEX_RECORD (nc), "description"),
                            "Backup log 2025"));
  g_assert_cmpstr (annex_nonconformity_get_status (nc), ==, "open");
  g_assert_true (annex_nonconformity_is_open (nc));
  g_assert_null (annex_nonconformity_raise_from_finding (finding, ncs, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, expected_reference));
  g_clear_error (&error);

  /* Closing before any check is refused with a sentence. */
  save_string (ncs, ANNEX_RECORD (nc), "owner", "Chris Ops");
  save_string (ncs, ANNEX_RECORD (nc), "root-cause", "Restore tests were nobody's task.");
  annex_record_set_string (ANNEX_RECORD (nc), "status", "closed");
  g_assert_false (annex_register_save (ncs, ANNEX_RECORD (nc), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "can only be closed"));
  g_clear_error (&error);
  annex_record_set_string (ANNEX_RECORD (nc), "status", "open");

  /* A corrective action: in the action tracker, and the status moves to action planned. */
  action = annex_nonconformity_add_action (ncs, nc, actions, "Schedule quarterly restore tests",
                                           NULL, "2000-01-31", &error);
  g_assert_no_error (error);
  g_assert_nonnull (action);
  g_assert_cmpstr (annex_record_get_string (ANNEX_RECORD (action), "origin"), ==,
                   "corrective-action");
  g_assert_cmpstr (annex_record_get_string (ANNEX_RECORD (action), "origin-reference"), ==,
                   expected_reference);
  g_assert_cmpstr (annex_action_get_owner (action), ==, "Chris Ops");
  g_assert_cmpstr (annex_nonconformity_get_status (nc), ==, "action-planned");
  g_assert_true (annex_nonconformity_owns_action (nc, action));
  {
    g_autoptr(AnnexAction) unrelated = annex_action_new ();

    annex_action_set_title (unrelated, "Unrelated");
    annex_record_set_string (ANNEX_RECORD (unrelated), "origin-reference", expected_reference);
    g_assert_true (annex_register_add (actions, ANNEX_RECORD (unrelated), &error));
    g_assert_false (annex_nonconformity_owns_action (nc, unrelated));
  }
  nc_actions = annex_nonconformity_dup_actions (nc, G_LIST_MODEL (actions));
  g_assert_cmpuint (nc_actions->len, ==, 1);
  g_assert_true (g_ptr_array_index (nc_actions, 0) == action);

  /* Its action is past due: the nonconformity is overdue. */
  g_assert_true (annex_nonconformity_is_overdue_on (nc, G_LIST_MODEL (actions), "2000-02-01"));
  g_assert_false (annex_nonconformity_is_overdue_on (nc, G_LIST_MODEL (actions), "2000-01-31"));
  g_assert_false (annex_nonconformity_get_overdue (nc));
  annex_nonconformity_update_overdue (G_LIST_MODEL (ncs), G_LIST_MODEL (actions));
  g_assert_true (annex_nonconformity_get_overdue (nc));

  /* Done, then checked: not effective keeps it open; effective lets it close. */
  save_string (actions, ANNEX_RECORD (action), "status", "done");
  annex_nonconformity_update_overdue (G_LIST_MODEL (ncs), G_LIST_MODEL (actions));
  g_assert_false (annex_nonconformity_get_overdue (nc));
  save_string (ncs, ANNEX_RECORD (nc), "status", "awaiting-check");

  annex_record_set_string (ANNEX_RECORD (nc), "check-date", today);
  annex_record_set_string (ANNEX_RECORD (nc), "check-by", "Dana Lee");
  annex_record_set_string (ANNEX_RECORD (nc), "check-result", "not-effective");
  annex_record_set_string (ANNEX_RECORD (nc), "status", "closed");
  g_assert_false (annex_register_save (ncs, ANNEX_RECORD (nc), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  annex_record_set_string (ANNEX_RECORD (nc), "check-by", " ");
  annex_record_set_string (ANNEX_RECORD (nc), "check-result", "effective");
  g_assert_false (annex_register_save (ncs, ANNEX_RECORD (nc), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A check before the nonconformity was raised is refused too. */
  annex_record_set_string (ANNEX_RECORD (nc), "check-by", "Dana Lee");
  annex_record_set_string (ANNEX_RECORD (nc), "check-date", "2000-01-01");
  g_assert_false (annex_register_save (ncs, ANNEX_RECORD (nc), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  annex_record_set_string (ANNEX_RECORD (nc), "check-date", today);
  g_assert_true (annex_register_save (ncs, ANNEX_RECORD (nc), &error));
  g_assert_no_error (error);
  g_assert_false (annex_nonconformity_is_open (nc));
  g_assert_cmpstr (annex_nonconformity_get_check_result (nc), ==, "effective");

  /* Closed: a late action no longer makes it overdue, and it no longer counts as open. */
  {
    gint64 n_open = -1;

    g_assert_false (annex_nonconformity_is_overdue_on (nc, G_LIST_MODEL (actions),
                                                       "2099-01-01"));
    g_assert_true (annex_nonconformity_count_open (fixture->db, &n_open, &error));
    g_assert_cmpint (n_open, ==, 0);
  }

  /* All of it in the change history. */
  g_assert_cmpuint (count_history (fixture->db, "findings", ANNEX_CHANGE_INSERT), ==, 2);
  g_assert_cmpuint (count_history (fixture->db, "nonconformities", ANNEX_CHANGE_INSERT), ==, 1);
  g_assert_cmpuint (count_history (fixture->db, "nonconformities", ANNEX_CHANGE_UPDATE), ==, 5);
  g_assert_cmpuint (count_history (fixture->db, "actions", ANNEX_CHANGE_INSERT), ==, 2);
  assert_history_verifies (fixture->db);
}

/* Incident → nonconformity */

static void
test_incident_nonconformity (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) incidents = new_loaded_register (fixture->db, ANNEX_TYPE_INCIDENT);
  g_autoptr(AnnexRegister) assets = new_loaded_register (fixture->db, ANNEX_TYPE_ASSET);
  g_autoptr(AnnexRegister) ncs = new_loaded_register (fixture->db, ANNEX_TYPE_NONCONFORMITY);
  g_autoptr(AnnexIncident) incident = annex_incident_new ();
  g_autoptr(AnnexAsset) laptop = annex_asset_new ();
  g_autoptr(GArray) asset_ids = NULL;
  g_autoptr(GError) error = NULL;
  AnnexNonconformity *nc;
  gint64 laptop_id;

  g_assert_cmpstr (annex_incident_get_severity (incident), ==, "medium");
  g_assert_cmpstr (annex_incident_get_status (incident), ==, "open");

  annex_record_set_string (ANNEX_RECORD (laptop), "name", "Sales laptop");
  g_assert_true (annex_register_add (assets, ANNEX_RECORD (laptop), &error));
  g_assert_no_error (error);
  laptop_id = annex_record_get_id (ANNEX_RECORD (laptop));

  annex_record_set_string (ANNEX_RECORD (incident), "title", "Laptop stolen from a car");
  annex_record_set_string (ANNEX_RECORD (incident), "detected-on", "2026-01-15");
  annex_record_set_string (ANNEX_RECORD (incident), "severity", "high");
  annex_record_set_string (ANNEX_RECORD (incident), "description",
                           "The disk was not encrypted.");
  g_assert_true (annex_register_add (incidents, ANNEX_RECORD (incident), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (incident)), ==, "INC-2026-01");

  g_assert_true (annex_links_add (fixture->db, "incidents",
                                  annex_record_get_id (ANNEX_RECORD (incident)),
                                  ANNEX_INCIDENT_LINK_TO, laptop_id, &error));
  g_assert_no_error (error);
  asset_ids = annex_incident_dup_asset_ids (incident, fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (asset_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (asset_ids, gint64, 0), ==, laptop_id);

  nc = annex_nonconformity_raise_from_incident (incident, ncs, &error);
  g_assert_no_error (error);
  g_assert_nonnull (nc);
  g_assert_cmpstr (annex_nonconformity_get_source (nc), ==, "incident");
  g_assert_cmpstr (annex_nonconformity_get_source_reference (nc), ==, "INC-2026-01");
  g_assert_cmpstr (annex_nonconformity_get_title (nc), ==, "Laptop stolen from a car");
  g_assert_cmpstr (annex_record_get_string (ANNEX_RECORD (nc), "description"), ==,
                   "The disk was not encrypted.");
  g_assert_null (annex_nonconformity_raise_from_incident (incident, ncs, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Deleting the incident removes its asset links; Undo restores them. */
  g_assert_true (annex_register_remove (incidents, ANNEX_RECORD (incident), &error));
  g_assert_no_error (error);
  g_clear_pointer (&asset_ids, g_array_unref);
  asset_ids = annex_links_dup_sources (fixture->db, "assets", laptop_id, "incidents", &error);
  g_assert_cmpuint (asset_ids->len, ==, 0);
  g_assert_true (annex_register_restore (incidents, ANNEX_RECORD (incident), &error));
  g_assert_no_error (error);
  g_clear_pointer (&asset_ids, g_array_unref);
  asset_ids = annex_incident_dup_asset_ids (incident, fixture->db, &error);
  g_assert_cmpuint (asset_ids->len, ==, 1);

  g_assert_cmpuint (count_history (fixture->db, "incidents", ANNEX_CHANGE_INSERT), ==, 2);
  g_assert_cmpuint (count_history (fixture->db, "links", ANNEX_CHANGE_INSERT), ==, 2);
  assert_history_verifies (fixture->db);
}

/* Delete an audit with its checklist and findings; Undo */

typedef struct
{
  gboolean changed;
} Flag;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Flag       *flag)
{
  flag->changed = TRUE;
}

static void
test_delete_restore (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) audits = new_loaded_register (fixture->db, ANNEX_TYPE_AUDIT);
  g_autoptr(AnnexRegister) items = new_loaded_register (fixture->db, ANNEX_TYPE_AUDIT_ITEM);
  g_autoptr(AnnexRegister) findings = new_loaded_register (fixture->db, ANNEX_TYPE_FINDING);
  g_autoptr(AnnexRegister) requirements = new_loaded_register (fixture->db,
                                                               ANNEX_TYPE_REQUIREMENT);
  g_autoptr(AnnexRegister) controls = new_loaded_register (fixture->db, ANNEX_TYPE_CONTROL);
  g_autoptr(AnnexAudit) audit = NULL;
  g_autoptr(GArray) linked = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *item_reference = NULL;
  AnnexAuditItem *first_item;
  AnnexFinding *finding;
  AnnexAudit *kept;
  Flag flag = { FALSE };
  gint64 audit_id;
  gint64 item_id;
  gint64 finding_id;
  guint n_added = 0;

  audit = g_object_ref (add_audit (audits, "Supplier audit", "2026-03-01", NULL));
  kept = add_audit (audits, "Kept audit", "2026-03-05", NULL);
  audit_id = annex_record_get_id (ANNEX_RECORD (audit));
  link_audit (fixture->db, audit, requirements, "8.1");
  link_audit (fixture->db, audit, controls, "5.19");
  link_audit (fixture->db, kept, controls, "5.19");
  g_assert_true (annex_audit_generate_checklist (audit, items, &n_added, &error));
  g_assert_true (annex_audit_generate_checklist (kept, items, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 2);

  first_item = annex_test_list_get_item (G_LIST_MODEL (items), 0);
  item_id = annex_record_get_id (ANNEX_RECORD (first_item));
  item_reference = g_strdup (annex_record_get_reference (ANNEX_RECORD (first_item)));
  save_string (items, ANNEX_RECORD (first_item), "result", "observation");
  finding = annex_finding_raise_from_item (first_item, findings, &error);
  g_assert_no_error (error);
  finding_id = annex_record_get_id (ANNEX_RECORD (finding));
  g_assert_cmpint (count_rows (fixture->db, "audit_items"), ==, 3);
  g_assert_cmpint (count_rows (fixture->db, "findings"), ==, 1);

  /* Removing the audit removes its checklist, its findings and its links; the other audit
   * keeps its own. */
  g_signal_connect (items, "items-changed", G_CALLBACK (on_items_changed_cb), &flag);
  g_assert_true (annex_register_remove (audits, ANNEX_RECORD (audit), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->db, "audits"), ==, 1);
  g_assert_cmpint (count_rows (fixture->db, "audit_items"), ==, 1);
  g_assert_cmpint (count_rows (fixture->db, "findings"), ==, 0);
  g_assert_cmpuint (count_history (fixture->db, "audit_items", ANNEX_CHANGE_DELETE), ==, 2);
  g_assert_cmpuint (count_history (fixture->db, "findings", ANNEX_CHANGE_DELETE), ==, 1);
  g_assert_cmpuint (count_history (fixture->db, "links", ANNEX_CHANGE_DELETE), ==, 2);
  linked = annex_links_dup_sources (fixture->db, "controls", id_of (controls, "5.19"), "audits",
                                    &error);
  g_assert_cmpuint (linked->len, ==, 1);
  g_assert_cmpint (g_array_index (linked, gint64, 0), ==,
                   annex_record_get_id (ANNEX_RECORD (kept)));
  g_clear_pointer (&linked, g_array_unref);
  annex_test_wait_for (&flag.changed);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==, 1);

  /* Undo: the audit, its items and finding with their ids and references, and its links. */
  flag.changed = FALSE;
  g_assert_true (annex_register_restore (audits, ANNEX_RECORD (audit), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->db, "audit_items"), ==, 3);
  g_assert_cmpint (count_rows (fixture->db, "findings"), ==, 1);
  annex_test_wait_for (&flag.changed);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (items)), ==, 3);
  {
    AnnexRecord *item = annex_register_find (items, item_id);

    g_assert_nonnull (item);
    g_assert_cmpstr (annex_record_get_reference (item), ==, item_reference);
    g_assert_cmpstr (annex_record_get_string (item, "result"), ==, "observation");
    g_assert_cmpint (annex_record_get_int (item, "audit-id"), ==, audit_id);
  }
  g_assert_true (annex_register_load (findings, &error));
  g_assert_nonnull (annex_register_find (findings, finding_id));
  linked = annex_audit_dup_linked_ids (audit, fixture->db, ANNEX_AUDIT_LINK_CLAUSES, &error);
  g_assert_cmpuint (linked->len, ==, 1);
  g_clear_pointer (&linked, g_array_unref);
  linked = annex_audit_dup_linked_ids (audit, fixture->db, ANNEX_AUDIT_LINK_CONTROLS, &error);
  g_assert_cmpuint (linked->len, ==, 1);

  /* The checklist still knows its items: nothing to generate. */
  g_assert_true (annex_audit_generate_checklist (audit, items, &n_added, &error));
  g_assert_cmpuint (n_added, ==, 0);

  g_signal_handlers_disconnect_by_func (items, on_items_changed_cb, &flag);
  assert_history_verifies (fixture->db);
}

/* A workspace of format 4 gains the audit tables; its risks stay. */
static void
test_migrate_from_4 (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v4.isms", NULL);
  g_autofree char *bak_path = g_strconcat (path, ".before-v4.bak", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRegister) audits = NULL;
  AnnexDatabase *db;

  g_assert_true (_annex_database_create_at_version (path, "Acme", 4, &error));
  g_assert_no_error (error);
  g_assert_cmpint (annex_database_get_latest_version (), >=, 5);

  /* Format 4 opened by this build is migrated at once: write the risk through a raw handle. */
  {
    sqlite3 *handle = NULL;
    int rc = sqlite3_open (path, &handle);

    g_assert_cmpint (rc, ==, SQLITE_OK);
    rc = sqlite3_exec (handle,
                       "INSERT INTO risks (reference, created, updated, title) "
                       "VALUES ('R-001', '2025-01-01', '2025-01-01', 'Keep me')",
                       NULL, NULL, NULL);
    g_assert_cmpint (rc, ==, SQLITE_OK);
    sqlite3_close (handle);
  }

  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (annex_database_get_schema_version (db), ==,
                   annex_database_get_latest_version ());
  g_assert_true (g_file_test (bak_path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (count_rows (db, "risks"), ==, 1);
  for (guint i = 0; i < 5; i++)
    {
      static const char * const tables[] = {
        "audits", "audit_items", "findings", "nonconformities", "incidents"
      };

      g_assert_cmpint (count_rows (db, tables[i]), ==, 0);
    }

  audits = new_loaded_register (db, ANNEX_TYPE_AUDIT);
  g_assert_nonnull (add_audit (audits, "First audit", "2026-01-20", NULL));
  g_clear_object (&audits);
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

  ADD ("/annex/audits/yearly-references", test_yearly_references);
  ADD ("/annex/audits/validation", test_validation);
  ADD ("/annex/audits/checklist", test_checklist);
  ADD ("/annex/audits/programme-coverage", test_programme_coverage);
  ADD ("/annex/audits/programme-warnings", test_programme_warnings);
  ADD ("/annex/audits/independence", test_independence);
  ADD ("/annex/audits/nonconformity-lifecycle", test_nonconformity_lifecycle);
  ADD ("/annex/audits/incident-nonconformity", test_incident_nonconformity);
  ADD ("/annex/audits/delete-restore", test_delete_restore);
  g_test_add_func ("/annex/audits/migrate-from-4", test_migrate_from_4);

#undef ADD

  return g_test_run ();
}
