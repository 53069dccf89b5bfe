/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reports.c: the report documents built from a fixture workspace with records in every
 * register, and the CSV and XLSX writers: exact bytes, formula neutralization, the workbook's
 * sheets and rows, atomic writes. */

#define G_LOG_DOMAIN "test-reports"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "annex-action.h"
#include "annex-asset.h"
#include "annex-audit-item.h"
#include "annex-audit.h"
#include "annex-control.h"
#include "annex-database.h"
#include "annex-finding.h"
#include "annex-issue.h"
#include "annex-links.h"
#include "annex-party-requirement.h"
#include "annex-party.h"
#include "annex-register.h"
#include "annex-report.h"
#include "annex-requirement.h"
#include "annex-review-attendee.h"
#include "annex-review-inputs.h"
#include "annex-review.h"
#include "annex-risk.h"
#include "annex-scope-exclusion.h"
#include "annex-scope-version.h"
#include "annex-store-error.h"
#include "annex-test-model-util.h"
#include "annex-test-util.h"

/* Every report is built as of this day, so "overdue" marks are stable. */
#define TODAY "2026-06-01"

typedef AnnexTestWorkspace Fixture;

/* ---- Building the fixture ---------------------------------------------------------------- */

static void
fill_controls (AnnexDatabase *db)
{
  g_autoptr(AnnexRegister) controls = annex_test_load_register (db, ANNEX_TYPE_CONTROL);
  AnnexRecord *applicable = annex_test_find_record (controls, "5.1");
  AnnexRecord *excluded = annex_test_find_record (controls, "7.5");

  g_object_set (applicable, "applicability", "applicable", "reason-risk", TRUE,
                "reason-legal", TRUE, "status", "implemented", "owner", "Dana Lee",
                "implementation-notes", "Policy set approved", "evidence", "POL-01", NULL);
  annex_test_save_record (controls, applicable);
  g_object_set (excluded, "applicability", "excluded",
                "justification", "No premises of our own", NULL);
  annex_test_save_record (controls, excluded);
}

static void
fill_risks (AnnexDatabase *db)
{
  g_autoptr(AnnexRegister) risks = annex_test_load_register (db, ANNEX_TYPE_RISK);
  g_autoptr(AnnexRegister) assets = annex_test_load_register (db, ANNEX_TYPE_ASSET);
  g_autoptr(AnnexRegister) controls = annex_test_load_register (db, ANNEX_TYPE_CONTROL);
  g_autoptr(AnnexRegister) actions = annex_test_load_register (db, ANNEX_TYPE_ACTION);
  g_autoptr(AnnexRecord) asset = annex_register_new_record (assets);
  g_autoptr(AnnexRecord) ransomware = annex_register_new_record (risks);
  g_autoptr(AnnexRecord) laptop = annex_register_new_record (risks);
  g_autoptr(AnnexRecord) patch = annex_register_new_record (actions);
  g_autoptr(AnnexRecord) backup = annex_register_new_record (actions);

  g_object_set (asset, "name", "File server", "owner", "IT", "type", "hardware", NULL);
  annex_test_add_record (assets, asset);

  /* The review date first: a level set on a risk without one picks one from the real date. */
  g_object_set (ransomware, "title", "Ransomware on file servers", "owner", "IT lead",
                "next-review", "2026-03-01", "treatment", "modify", NULL);
  annex_risk_set_inherent (ANNEX_RISK (ransomware), 4, 4);
  annex_risk_set_residual (ANNEX_RISK (ransomware), 2, 2);
  annex_test_add_record (risks, ransomware);
  annex_test_add_link (db, "risks", ransomware, "assets", asset);
  annex_test_add_link (db, "risks", ransomware,
                       "controls", annex_test_find_record (controls, "5.1"));

  /* Above the threshold, no treatment decided and no action: still to be treated. */
  g_object_set (laptop, "title", "Lost laptop", "owner", "HR", "next-review", "2026-12-01",
                NULL);
  annex_risk_set_inherent (ANNEX_RISK (laptop), 3, 3);
  annex_test_add_record (risks, laptop);

  g_object_set (patch, "title", "Patch servers", "owner", "Dana Lee", "due-date", "2026-01-15",
                "origin", "risk-treatment", "origin-reference", "R-001", NULL);
  annex_test_add_record (actions, patch);
  g_object_set (backup, "title", "Offline backups", "owner", "IT", "due-date", "2026-09-01",
                "status", "in-progress", "origin", "risk-treatment", "origin-reference", "R-001",
                NULL);
  annex_test_add_record (actions, backup);
}

static void
fill_context (AnnexDatabase *db)
{
  g_autoptr(AnnexRegister) issues = annex_test_load_register (db, ANNEX_TYPE_ISSUE);
  g_autoptr(AnnexRegister) parties = annex_test_load_register (db, ANNEX_TYPE_PARTY);
  g_autoptr(AnnexRegister) requirements =
      annex_test_load_register (db, ANNEX_TYPE_PARTY_REQUIREMENT);
  g_autoptr(AnnexRegister) controls = annex_test_load_register (db, ANNEX_TYPE_CONTROL);
  g_autoptr(AnnexRegister) versions = annex_test_load_register (db, ANNEX_TYPE_SCOPE_VERSION);
  g_autoptr(AnnexRegister) exclusions = annex_test_load_register (db, ANNEX_TYPE_SCOPE_EXCLUSION);
  g_autoptr(AnnexRecord) law = annex_register_new_record (issues);
  g_autoptr(AnnexRecord) heat = annex_register_new_record (issues);
  g_autoptr(AnnexRecord) customers = annex_register_new_record (parties);
  g_autoptr(AnnexRecord) requirement = NULL;
  g_autoptr(AnnexRecord) exclusion = NULL;
  g_autoptr(GError) error = NULL;
  AnnexScopeVersion *draft;

  g_object_set (law, "title", "New privacy law", "kind", "external", "category", "legal", NULL);
  annex_test_add_record (issues, law);
  g_object_set (heat, "title", "Heat waves at the data centre", "kind", "external",
                "category", "environmental", "climate", TRUE, NULL);
  annex_test_add_record (issues, heat);

  g_object_set (customers, "name", "Customers", "needs", "Their data stays confidential",
                NULL);
  annex_test_add_record (parties, customers);
  requirement = ANNEX_RECORD (annex_party_requirement_new (annex_record_get_id (customers)));
  g_object_set (requirement, "requirement", "Data processing agreement", "type", "contractual",
                "addressed", "yes", NULL);
  annex_test_add_record (requirements, requirement);
  annex_test_add_link (db, "party_requirements", requirement,
                       "controls", annex_test_find_record (controls, "5.1"));

  draft = annex_scope_version_new_draft (versions, exclusions, &error);
  g_assert_no_error (error);
  g_object_set (draft, "statement", "The ISMS covers the hosting service.",
                "locations", "Head office, Lyon", NULL);
  annex_test_save_record (versions, ANNEX_RECORD (draft));
  exclusion = ANNEX_RECORD (annex_scope_exclusion_new (annex_record_get_id (ANNEX_RECORD (draft))));
  g_object_set (exclusion, "exclusion", "The canteen", "justification", "Run by a contractor",
                NULL);
  annex_test_add_record (exclusions, exclusion);
  g_assert_true (annex_scope_version_approve (versions, draft, "Dana Lee", "2025-01-15", NULL,
                                              &error));
  g_assert_no_error (error);
}

static void
fill_audit (AnnexDatabase *db)
{
  g_autoptr(AnnexRegister) audits = annex_test_load_register (db, ANNEX_TYPE_AUDIT);
  g_autoptr(AnnexRegister) items = annex_test_load_register (db, ANNEX_TYPE_AUDIT_ITEM);
  g_autoptr(AnnexRegister) findings = annex_test_load_register (db, ANNEX_TYPE_FINDING);
  g_autoptr(AnnexRegister) controls = annex_test_load_register (db, ANNEX_TYPE_CONTROL);
  g_autoptr(AnnexRegister) clauses = annex_test_load_register (db, ANNEX_TYPE_REQUIREMENT);
  g_autoptr(AnnexRecord) audit = annex_register_new_record (audits);
  g_autoptr(AnnexRecord) conform = NULL;
  g_autoptr(AnnexRecord) failing = NULL;
  g_autoptr(GError) error = NULL;
  gint64 audit_id;

  g_object_set (audit, "title", "Access control audit", "planned-start", "2025-03-01",
                "planned-end", "2025-03-03", "lead-auditor", "Sam Auditor",
                "team", "Kim Lee", "scope", "Hosting service", "criteria", "ISO/IEC 27001",
                "conclusion", "Mostly effective", NULL);
  annex_test_add_record (audits, audit);
  g_assert_cmpstr (annex_record_get_reference (audit), ==, "IA-2025-01");
  audit_id = annex_record_get_id (audit);
  annex_test_add_link (db, "audits", audit,
                       "requirements", annex_test_find_record (clauses, "9.2.1"));
  annex_test_add_link (db, "audits", audit, "controls", annex_test_find_record (controls, "5.1"));

  conform = ANNEX_RECORD (annex_audit_item_new (audit_id));
  g_object_set (conform, "position", (gint64) 1, "subject-kind", "control", "subject", "5.1",
                "title", "Policies", "result", "conform", NULL);
  annex_test_add_record (items, conform);
  failing = ANNEX_RECORD (annex_audit_item_new (audit_id));
  g_object_set (failing, "position", (gint64) 2, "subject-kind", "clause", "subject", "9.2.1",
                "title", "Audit programme", "result", "nonconformity",
                "notes", "No programme for 2025", NULL);
  annex_test_add_record (items, failing);
  g_assert_nonnull (annex_finding_raise_from_item (ANNEX_AUDIT_ITEM (failing), findings, &error));
  g_assert_no_error (error);
}

static void
fill_reviews (AnnexDatabase *db)
{
  g_autoptr(AnnexRegister) reviews = annex_test_load_register (db, ANNEX_TYPE_REVIEW);
  g_autoptr(AnnexRegister) attendees = annex_test_load_register (db, ANNEX_TYPE_REVIEW_ATTENDEE);
  g_autoptr(AnnexRegister) actions = annex_test_load_register (db, ANNEX_TYPE_ACTION);
  g_autoptr(AnnexRecord) held = annex_register_new_record (reviews);
  g_autoptr(AnnexRecord) planned = annex_register_new_record (reviews);
  g_autoptr(AnnexRecord) attendee = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (held, "title", "Annual review", "planned-date", "2025-05-01",
                "actual-date", "2025-05-02", "chair", "Dana Lee", "suitable", "yes",
                "conclusion", "The ISMS is fit for purpose", NULL);
  annex_test_add_record (reviews, held);
  g_assert_cmpstr (annex_record_get_reference (held), ==, "MR-2025-01");
  attendee = ANNEX_RECORD (annex_review_attendee_new (annex_record_get_id (held)));
  g_object_set (attendee, "name", "Dana Lee", "role", "CEO", NULL);
  annex_test_add_record (attendees, attendee);

  g_assert_true (annex_review_prepare_inputs (reviews, ANNEX_REVIEW (held), "2025-05-02",
                                              &error));
  g_assert_no_error (error);
  annex_review_set_input_notes (ANNEX_REVIEW (held), ANNEX_REVIEW_INPUT_RISKS,
                                "Ransomware discussed at length");
  annex_test_save_record (reviews, held);
  g_assert_nonnull (annex_review_add_action (ANNEX_REVIEW (held), actions, "Update the policy",
                                             "Dana Lee", "2025-09-01", &error));
  g_assert_no_error (error);
  g_assert_true (annex_review_sign_off (reviews, ANNEX_REVIEW (held), "Dana Lee", "2025-05-03",
                                        &error));
  g_assert_no_error (error);

  g_object_set (planned, "title", "Autumn review", "planned-date", "2025-11-01", NULL);
  annex_test_add_record (reviews, planned);
  g_assert_cmpstr (annex_record_get_reference (planned), ==, "MR-2025-02");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  annex_test_workspace_init (fixture, "acme.isms", "Acme Ltd");
  fill_controls (fixture->db);
  fill_risks (fixture->db);
  fill_context (fixture->db);
  fill_audit (fixture->db);
  fill_reviews (fixture->db);
  /* Registers that saw another one write reload on a worker: let them finish. */
  annex_test_iterate_main_loop ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  annex_test_workspace_clear (fixture);
}

/* ---- Looking into documents -------------------------------------------------------------- */

static AnnexReportDocument *
build (Fixture         *fixture,
       AnnexReportKind  kind,
       const char      *argument)
{
  g_autoptr(GError) error = NULL;
  AnnexReportDocument *document;

  document = annex_report_build (fixture->db, kind, argument, TODAY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpstr (document->organization, ==, "Acme Ltd");
  g_assert_cmpstr (document->date, ==, TODAY);
  g_assert_cmpstr (document->workspace, ==, "acme.isms");
  g_assert_true (g_str_has_prefix (document->version, "schema "));
  g_assert_nonnull (strstr (document->version, " · change "));

  return document;
}

static AnnexReportSection *
find_section (AnnexReportDocument *document,
              const char          *heading)
{
  for (guint i = 0; i < document->sections->len; i++)
    {
      AnnexReportSection *section = g_ptr_array_index (document->sections, i);

      if (g_strcmp0 (section->heading, heading) == 0)
        return section;
    }

  g_error ("no section “%s”", heading);
}

static AnnexReportBlock *
find_block (AnnexReportSection   *section,
            AnnexReportBlockKind  kind,
            guint                 nth)
{
  for (guint i = 0; i < section->blocks->len; i++)
    {
      AnnexReportBlock *block = g_ptr_array_index (section->blocks, i);

      if (block->kind == kind && nth-- == 0)
        return block;
    }

  g_error ("no block of kind %d in “%s”", kind, section->heading);
}

/* The value of the fact labelled @label in any facts block of @section. */
static const char *
find_fact (AnnexReportSection *section,
           const char         *label)
{
  for (guint i = 0; i < section->blocks->len; i++)
    {
      AnnexReportBlock *block = g_ptr_array_index (section->blocks, i);

      for (guint j = 0; block->kind == ANNEX_REPORT_BLOCK_FACTS && j < block->facts->len; j += 2)
        {
          if (g_strcmp0 (g_ptr_array_index (block->facts, j), label) == 0)
            return g_ptr_array_index (block->facts, j + 1);
        }
    }

  g_error ("no fact “%s” in “%s”", label, section->heading);
}

static gboolean
section_has_paragraph (AnnexReportSection *section,
                       const char         *text)
{
  for (guint i = 0; i < section->blocks->len; i++)
    {
      AnnexReportBlock *block = g_ptr_array_index (section->blocks, i);

      if (block->kind == ANNEX_REPORT_BLOCK_PARAGRAPH && g_strcmp0 (block->text, text) == 0)
        return TRUE;
    }

  return FALSE;
}

static int
column_of (AnnexReportBlock *table,
           const char       *key)
{
  for (guint i = 0; i < table->columns->len; i++)
    {
      if (g_strcmp0 (g_array_index (table->columns, AnnexReportColumn, i).key, key) == 0)
        return i;
    }

  g_error ("no column “%s” in “%s”", key, table->name);
}

/* The first normal row whose cell in column @key is @value. */
static AnnexReportRow *
find_row (AnnexReportBlock *table,
          const char       *key,
          const char       *value)
{
  int column = column_of (table, key);

  for (guint i = 0; i < table->rows->len; i++)
    {
      AnnexReportRow *row = g_ptr_array_index (table->rows, i);

      if (row->level == 0 && g_strcmp0 (row->cells[column], value) == 0)
        return row;
    }

  g_error ("no row with %s “%s” in “%s”", key, value, table->name);
}

static const char *
cell (AnnexReportBlock *table,
      AnnexReportRow   *row,
      const char       *key)
{
  return row->cells[column_of (table, key)];
}

static guint
count_rows (AnnexReportBlock *table,
            guint             level)
{
  guint n = 0;

  for (guint i = 0; i < table->rows->len; i++)
    {
      if (((AnnexReportRow *) g_ptr_array_index (table->rows, i))->level == level)
        n++;
    }

  return n;
}

static gboolean
main_table_in_sections (AnnexReportDocument *document)
{
  for (guint i = 0; i < document->sections->len; i++)
    {
      AnnexReportSection *section = g_ptr_array_index (document->sections, i);

      for (guint j = 0; j < section->blocks->len; j++)
        {
          if (g_ptr_array_index (section->blocks, j) == document->main_table)
            return TRUE;
        }
    }

  return FALSE;
}

/* ---- Reports ------------------------------------------------------------------------------ */

static void
test_reports_nicks (void)
{
  AnnexReportKind kind;
  AnnexReportFormat format;
  const char * const kind_nicks[] = {
    "soa", "risks", "treatment-plan", "audit", "review", "context", "actions", "register", NULL
  };

  for (guint i = 0; kind_nicks[i] != NULL; i++)
    {
      g_assert_true (annex_report_kind_from_nick (kind_nicks[i], &kind));
      g_assert_cmpstr (annex_report_kind_to_nick (kind), ==, kind_nicks[i]);
      g_assert_nonnull (annex_report_kind_get_title (kind));
    }
  g_assert_false (annex_report_kind_from_nick ("SoA", &kind));
  g_assert_false (annex_report_kind_from_nick ("", &kind));
  g_assert_false (annex_report_kind_from_nick (NULL, &kind));

  g_assert_true (annex_report_format_from_nick ("xlsx", &format));
  g_assert_cmpint (format, ==, ANNEX_REPORT_FORMAT_XLSX);
  g_assert_cmpstr (annex_report_format_get_extension (format), ==, "xlsx");
  g_assert_true (annex_report_format_from_nick ("oscal", &format));
  g_assert_cmpstr (annex_report_format_get_extension (format), ==, "json");
  g_assert_false (annex_report_format_from_nick ("xls", &format));

  g_assert_true (annex_report_kind_takes_argument (ANNEX_REPORT_AUDIT));
  g_assert_true (annex_report_kind_takes_argument (ANNEX_REPORT_REGISTER));
  g_assert_false (annex_report_kind_takes_argument (ANNEX_REPORT_SOA));
  g_assert_false (annex_report_kind_has_main_table (ANNEX_REPORT_REVIEW));
  g_assert_true (annex_report_kind_has_main_table (ANNEX_REPORT_AUDIT));
}

static void
test_reports_soa (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(AnnexReportDocument) document = build (fixture, ANNEX_REPORT_SOA, NULL);
  AnnexReportSection *summary = find_section (document, "Summary");
  AnnexReportBlock *table = document->main_table;
  AnnexReportRow *row;

  g_assert_cmpstr (document->title, ==, "Statement of Applicability");
  g_assert_null (document->subtitle);
  /* The facts come first. */
  g_assert_true (g_ptr_array_index (document->sections, 0) == summary);
  g_assert_cmpstr (find_fact (summary, "Controls"), ==, "93");
  g_assert_cmpstr (find_fact (summary, "Applicable"), ==, "1");
  g_assert_cmpstr (find_fact (summary, "Excluded"), ==, "1");
  g_assert_cmpstr (find_fact (summary, "Not yet decided"), ==, "91");
  g_assert_cmpstr (find_fact (summary, "Applicable and implemented"), ==, "1");

  g_assert_true (main_table_in_sections (document));
  g_assert_cmpuint (count_rows (table, 0), ==, 93);
  /* One group row per theme, before its controls. */
  g_assert_cmpuint (count_rows (table, 1), ==, 4);
  g_assert_cmpstr (((AnnexReportRow *) g_ptr_array_index (table->rows, 0))->cells[0], ==,
                   "Organizational");
  g_assert_cmpstr (((AnnexReportRow *) g_ptr_array_index (table->rows, 1))->cells[0], ==, "5.1");

  row = find_row (table, "reference", "5.1");
  g_assert_cmpstr (cell (table, row, "theme"), ==, "Organizational");
  g_assert_cmpstr (cell (table, row, "applicability"), ==, "Applicable");
  g_assert_cmpstr (cell (table, row, "reasons"), ==, "Risk treatment, Legal or regulatory");
  g_assert_cmpstr (cell (table, row, "status"), ==, "Implemented");
  g_assert_cmpstr (cell (table, row, "owner"), ==, "Dana Lee");
  g_assert_cmpstr (cell (table, row, "evidence"), ==, "POL-01");
  g_assert_cmpstr (cell (table, row, "implementation-notes"), ==, "Policy set approved");
  g_assert_cmpstr (cell (table, row, "title"), !=, "");

  row = find_row (table, "reference", "7.5");
  g_assert_cmpstr (cell (table, row, "theme"), ==, "Physical");
  g_assert_cmpstr (cell (table, row, "applicability"), ==, "Excluded");
  g_assert_cmpstr (cell (table, row, "justification"), ==, "No premises of our own");
  g_assert_cmpstr (cell (table, row, "reasons"), ==, "");

  row = find_row (table, "reference", "8.34");
  g_assert_cmpstr (cell (table, row, "applicability"), ==, "Undecided");
}

static void
test_reports_risks (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(AnnexReportDocument) document = build (fixture, ANNEX_REPORT_RISKS, NULL);
  AnnexReportSection *summary = find_section (document, "Summary");
  AnnexReportSection *maps = find_section (document, "Heat maps");
  AnnexReportBlock *inherent = find_block (maps, ANNEX_REPORT_BLOCK_HEAT_MAP, 0);
  AnnexReportBlock *residual = find_block (maps, ANNEX_REPORT_BLOCK_HEAT_MAP, 1);
  AnnexReportBlock *table = document->main_table;
  AnnexReportBlock *assets;
  AnnexReportRow *row;
  guint total = 0;

  g_assert_cmpstr (document->title, ==, "Risk register");
  g_assert_cmpstr (find_fact (summary, "Risks"), ==, "2");
  g_assert_cmpstr (find_fact (summary, "Assessed"), ==, "2");
  g_assert_cmpstr (find_fact (summary, "Review overdue"), ==, "1");
  g_assert_cmpstr (find_fact (summary, "Risk method"), ==, "5 likelihoods × 5 impacts");

  /* Inherent: 4 × 4 and 3 × 3; residual: 2 × 2 only (the laptop is not re-assessed). */
  g_assert_cmpstr (inherent->heat_map->title, ==, "Inherent risk");
  g_assert_cmpuint (inherent->heat_map->n_x, ==, 5);
  g_assert_cmpuint (inherent->heat_map->n_y, ==, 5);
  g_assert_cmpuint (inherent->heat_map->counts[3 * 5 + 3], ==, 1);
  g_assert_cmpuint (inherent->heat_map->counts[2 * 5 + 2], ==, 1);
  for (guint i = 0; i < 25; i++)
    {
      total += inherent->heat_map->counts[i];
      g_assert_true (g_str_has_prefix (inherent->heat_map->colours[i], "#"));
      g_assert_cmpuint (strlen (inherent->heat_map->colours[i]), ==, 7);
    }
  g_assert_cmpuint (total, ==, 2);
  g_assert_cmpuint (residual->heat_map->counts[1 * 5 + 1], ==, 1);
  g_assert_cmpstr (residual->heat_map->x_label, ==, "Impact");
  g_assert_cmpstr (residual->heat_map->y_labels[0], !=, residual->heat_map->y_labels[4]);

  g_assert_true (main_table_in_sections (document));
  g_assert_cmpuint (table->rows->len, ==, 2);
  row = find_row (table, "reference", "R-001");
  g_assert_cmpstr (cell (table, row, "title"), ==, "Ransomware on file servers");
  g_assert_cmpstr (cell (table, row, "assets"), ==, "AS-001");
  g_assert_cmpstr (cell (table, row, "controls"), ==, "5.1");
  g_assert_cmpstr (cell (table, row, "treatment"), !=, "");
  g_assert_cmpstr (cell (table, row, "inherent-level"), !=, "");
  g_assert_cmpstr (cell (table, row, "residual-level"), !=, cell (table, row, "inherent-level"));
  g_assert_nonnull (row->colours);
  g_assert_nonnull (row->colours[column_of (table, "inherent-level")]);
  g_assert_nonnull (row->colours[column_of (table, "residual-level")]);
  g_assert_null (row->colours[column_of (table, "title")]);
  /* The table keeps ISO dates (data for the spreadsheets); the PDF formats the date columns. */
  g_assert_cmpstr (cell (table, row, "next-review"), ==, "2026-03-01");
  g_assert_cmpint (g_array_index (table->columns, AnnexReportColumn,
                                  column_of (table, "next-review")).type, ==,
                   ANNEX_REPORT_COLUMN_DATE);
  g_assert_cmpint (g_array_index (table->columns, AnnexReportColumn,
                                  column_of (table, "title")).type, ==, ANNEX_REPORT_COLUMN_TEXT);
  /* The likelihoods and impacts are the spreadsheets' details: the PDF shows the levels. */
  g_assert_true (g_array_index (table->columns, AnnexReportColumn,
                                column_of (table, "inherent-likelihood")).pdf_hidden);
  g_assert_true (g_array_index (table->columns, AnnexReportColumn,
                                column_of (table, "residual-impact")).pdf_hidden);
  g_assert_false (g_array_index (table->columns, AnnexReportColumn,
                                 column_of (table, "residual-level")).pdf_hidden);

  row = find_row (table, "reference", "R-002");
  g_assert_cmpstr (cell (table, row, "residual-level"), ==, "");
  g_assert_null (row->colours[column_of (table, "residual-level")]);

  assets = find_block (find_section (document, "Assets"), ANNEX_REPORT_BLOCK_TABLE, 0);
  row = find_row (assets, "reference", "AS-001");
  g_assert_cmpstr (cell (assets, row, "name"), ==, "File server");
  g_assert_cmpstr (cell (assets, row, "type"), ==, "Hardware");
}

static void
test_reports_treatment_plan (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(AnnexReportDocument) document = build (fixture, ANNEX_REPORT_TREATMENT_PLAN, NULL);
  AnnexReportSection *summary = find_section (document, "Summary");
  AnnexReportBlock *table = document->main_table;
  AnnexReportBlock *untreated;
  AnnexReportRow *row;

  g_assert_cmpstr (find_fact (summary, "Treatment actions"), ==, "2");
  g_assert_cmpstr (find_fact (summary, "Overdue"), ==, "1");
  g_assert_cmpstr (find_fact (summary, "Risks needing treatment"), ==, "2");

  g_assert_cmpuint (table->rows->len, ==, 3);
  row = g_ptr_array_index (table->rows, 0);
  g_assert_cmpuint (row->level, ==, 1);
  g_assert_cmpstr (row->cells[0], ==, "R-001 Ransomware on file servers (owner: IT lead)");

  row = find_row (table, "title", "Patch servers");
  g_assert_cmpstr (cell (table, row, "risk"), ==, "R-001");
  g_assert_cmpstr (cell (table, row, "status"), ==, "Open");
  g_assert_cmpstr (cell (table, row, "overdue"), ==, "Overdue");
  row = find_row (table, "title", "Offline backups");
  g_assert_cmpstr (cell (table, row, "status"), ==, "In progress");
  g_assert_cmpstr (cell (table, row, "overdue"), ==, "");

  untreated = find_block (find_section (document, "Risks without a treatment action"),
                          ANNEX_REPORT_BLOCK_TABLE, 0);
  g_assert_cmpuint (untreated->rows->len, ==, 1);
  row = find_row (untreated, "reference", "R-002");
  g_assert_nonnull (row->colours[column_of (untreated, "level")]);
}

static void
test_reports_audit (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(AnnexReportDocument) document = build (fixture, ANNEX_REPORT_AUDIT, "IA-2025-01");
  g_autoptr(AnnexReportDocument) missing = NULL;
  g_autoptr(GError) error = NULL;
  AnnexReportSection *audit = find_section (document, "Audit");
  AnnexReportSection *checklist = find_section (document, "Checklist");
  AnnexReportBlock *sampled;
  AnnexReportBlock *findings;
  AnnexReportBlock *table = document->main_table;
  AnnexReportRow *row;

  g_assert_cmpstr (document->title, ==, "Audit report");
  g_assert_cmpstr (document->subtitle, ==, "IA-2025-01 Access control audit");
  g_assert_cmpstr (find_fact (audit, "Type"), ==, "Internal");
  /* Facts are for reading: dates as on the cover. */
  g_assert_cmpstr (find_fact (audit, "Planned dates"), ==, "1 March 2025 – 3 March 2025");
  g_assert_cmpstr (find_fact (audit, "Actual dates"), ==, "—");
  g_assert_cmpstr (find_fact (audit, "Scope"), ==, "Hosting service");
  g_assert_cmpstr (find_fact (audit, "Conclusion"), ==, "Mostly effective");

  sampled = find_block (find_section (document, "Clauses and controls sampled"),
                        ANNEX_REPORT_BLOCK_TABLE, 0);
  g_assert_cmpuint (sampled->rows->len, ==, 2);
  g_assert_cmpstr (cell (sampled, find_row (sampled, "reference", "9.2.1"), "kind"), ==,
                   "Clause");
  g_assert_cmpstr (cell (sampled, find_row (sampled, "reference", "5.1"), "kind"), ==, "Control");

  g_assert_cmpstr (find_fact (checklist, "Items"), ==, "2");
  g_assert_cmpstr (find_fact (checklist, "Conform"), ==, "1");
  g_assert_cmpstr (find_fact (checklist, "Nonconformity"), ==, "1");
  g_assert_true (find_block (checklist, ANNEX_REPORT_BLOCK_TABLE, 0) == table);
  g_assert_cmpuint (table->rows->len, ==, 2);
  row = g_ptr_array_index (table->rows, 1);
  g_assert_cmpstr (cell (table, row, "title"), ==, "Audit programme");
  g_assert_cmpstr (cell (table, row, "result"), ==, "Nonconformity");
  g_assert_cmpstr (cell (table, row, "notes"), ==, "No programme for 2025");

  findings = find_block (find_section (document, "Findings"), ANNEX_REPORT_BLOCK_TABLE, 0);
  g_assert_cmpuint (findings->rows->len, ==, 1);
  row = g_ptr_array_index (findings->rows, 0);
  g_assert_cmpstr (cell (findings, row, "classification"), ==, "Minor nonconformity");
  g_assert_cmpstr (cell (findings, row, "concerns"), ==, "9.2.1");

  /* An unknown reference is a clear error. */
  missing = annex_report_build (fixture->db, ANNEX_REPORT_AUDIT, "IA-2026-09", TODAY, &error);
  g_assert_null (missing);
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "No audit “IA-2026-09”");
  g_clear_error (&error);

  missing = annex_report_build (fixture->db, ANNEX_REPORT_AUDIT, "  ", TODAY, &error);
  g_assert_null (missing);
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
}

static void
test_reports_review (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(AnnexReportDocument) document = build (fixture, ANNEX_REPORT_REVIEW, "MR-2025-01");
  g_autoptr(AnnexReportDocument) draft = build (fixture, ANNEX_REPORT_REVIEW, "MR-2025-02");
  g_autoptr(AnnexReportDocument) missing = NULL;
  g_autoptr(GError) error = NULL;
  AnnexReportSection *meeting = find_section (document, "Meeting");
  AnnexReportSection *risks_input;
  AnnexReportBlock *actions;
  AnnexReportBlock *attendees;

  g_assert_cmpstr (document->title, ==, "Management review minutes");
  g_assert_cmpstr (document->subtitle, ==, "MR-2025-01 Annual review");
  g_assert_null (document->main_table);
  g_assert_false (section_has_paragraph (meeting, "Draft — not signed off"));
  g_assert_cmpstr (find_fact (meeting, "Signed off"), ==, "By Dana Lee on 3 May 2025");
  g_assert_cmpstr (find_fact (meeting, "Chair"), ==, "Dana Lee");
  g_assert_cmpstr (find_fact (meeting, "Held on"), ==, "2 May 2025");

  attendees = find_block (find_section (document, "Attendees"), ANNEX_REPORT_BLOCK_TABLE, 0);
  g_assert_cmpstr (cell (attendees, find_row (attendees, "name", "Dana Lee"), "role"), ==, "CEO");

  /* Every input a–g has its section, in order, after the attendees. */
  for (guint input = 0; input < ANNEX_REVIEW_N_INPUTS; input++)
    {
      g_autofree char *heading = g_strdup_printf ("%s. %s",
                                                  annex_review_input_get_letter (input),
                                                  annex_review_input_get_title (input));
      AnnexReportSection *section = g_ptr_array_index (document->sections, 2 + input);

      g_assert_cmpstr (section->heading, ==, heading);
      g_assert_cmpuint (section->blocks->len, >, 0);
      g_assert_false (section_has_paragraph (section, "Not prepared."));
    }
  risks_input = g_ptr_array_index (document->sections, 2 + ANNEX_REVIEW_INPUT_RISKS);
  g_assert_cmpstr (find_fact (risks_input, "Discussion notes"), ==,
                   "Ransomware discussed at length");

  g_assert_cmpstr (find_fact (find_section (document, "Conclusion"), "Conclusion"), ==,
                   "The ISMS is fit for purpose");
  g_assert_cmpstr (find_fact (find_section (document, "Decisions"), "Changes to the scope"), ==,
                   "No change");
  actions = find_block (find_section (document, "Actions"), ANNEX_REPORT_BLOCK_TABLE, 0);
  g_assert_cmpuint (actions->rows->len, ==, 1);
  g_assert_cmpstr (((AnnexReportRow *) g_ptr_array_index (actions->rows, 0))->cells[1], ==,
                   "Update the policy");

  /* The planned one is a draft, its inputs not prepared. */
  meeting = find_section (draft, "Meeting");
  g_assert_true (section_has_paragraph (meeting, "Draft — not signed off"));
  g_assert_cmpstr (find_fact (meeting, "Signed off"), ==, "Not yet");
  g_assert_true (section_has_paragraph (g_ptr_array_index (draft->sections, 2), "Not prepared."));
  g_assert_true (section_has_paragraph (find_section (draft, "Actions"),
                                        "No actions were decided."));

  missing = annex_report_build (fixture->db, ANNEX_REPORT_REVIEW, "MR-1999-01", TODAY, &error);
  g_assert_null (missing);
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "MR-1999-01"));
}

static void
test_reports_context (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(AnnexReportDocument) document = build (fixture, ANNEX_REPORT_CONTEXT, NULL);
  AnnexReportSection *issues = find_section (document, "Issues");
  AnnexReportSection *scope = find_section (document, "Scope of the ISMS");
  AnnexReportBlock *table = document->main_table;
  AnnexReportBlock *parties;
  AnnexReportBlock *requirements;
  AnnexReportBlock *exclusions;
  AnnexReportRow *row;

  g_assert_cmpstr (find_fact (issues, "Issues"), ==, "2");
  g_assert_cmpstr (find_fact (issues, "Climate change"), ==, "A relevant issue");
  g_assert_true (find_block (issues, ANNEX_REPORT_BLOCK_TABLE, 0) == table);
  /* The main table is every field of the issues, keyed by field name. */
  g_assert_cmpstr (g_array_index (table->columns, AnnexReportColumn, 0).key, ==, "reference");
  row = find_row (table, "reference", "IS-002");
  g_assert_cmpstr (cell (table, row, "title"), ==, "Heat waves at the data centre");
  g_assert_cmpstr (cell (table, row, "climate"), ==, "Yes");
  g_assert_cmpstr (cell (table, row, "kind"), ==, "External");
  g_assert_cmpstr (cell (table, find_row (table, "reference", "IS-001"), "climate"), ==, "No");

  parties = find_block (find_section (document, "Interested parties"),
                        ANNEX_REPORT_BLOCK_TABLE, 0);
  g_assert_cmpstr (cell (parties, find_row (parties, "reference", "IP-001"), "name"), ==,
                   "Customers");

  requirements = find_block (find_section (document, "Requirements of interested parties"),
                             ANNEX_REPORT_BLOCK_TABLE, 0);
  g_assert_cmpuint (requirements->rows->len, ==, 2);
  g_assert_cmpstr (((AnnexReportRow *) g_ptr_array_index (requirements->rows, 0))->cells[0], ==,
                   "IP-001 Customers");
  row = find_row (requirements, "reference", "PR-001");
  g_assert_cmpstr (cell (requirements, row, "type"), ==, "Contractual");
  g_assert_cmpstr (cell (requirements, row, "controls"), ==, "5.1");

  g_assert_cmpstr (find_fact (scope, "Version"), ==, "SC-001");
  g_assert_cmpstr (find_fact (scope, "Approved by"), ==, "Dana Lee");
  g_assert_cmpstr (find_fact (scope, "Approved on"), ==, "15 January 2025");
  g_assert_cmpstr (find_fact (scope, "Locations"), ==, "Head office, Lyon");
  exclusions = find_block (scope, ANNEX_REPORT_BLOCK_TABLE, 0);
  row = find_row (exclusions, "exclusion", "The canteen");
  g_assert_cmpstr (cell (exclusions, row, "justification"), ==, "Run by a contractor");
}

static void
test_reports_actions (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(AnnexReportDocument) document = build (fixture, ANNEX_REPORT_ACTIONS, NULL);
  AnnexReportSection *summary = find_section (document, "Summary");
  AnnexReportBlock *table = document->main_table;
  AnnexReportRow *row;

  g_assert_cmpstr (find_fact (summary, "Actions"), ==, "3");
  g_assert_cmpstr (find_fact (summary, "Overdue"), ==, "2");
  g_assert_cmpuint (table->rows->len, ==, 3);
  row = find_row (table, "reference", "A-001");
  g_assert_cmpstr (cell (table, row, "title"), ==, "Patch servers");
  g_assert_cmpstr (cell (table, row, "origin"), ==, "Risk treatment");
  g_assert_cmpstr (cell (table, row, "origin-reference"), ==, "R-001");
  g_assert_cmpstr (cell (table, row, "overdue"), ==, "Overdue");
  row = find_row (table, "title", "Update the policy");
  g_assert_cmpstr (cell (table, row, "origin-reference"), ==, "MR-2025-01");
}

/* Every register table of the schema builds as a plain table of all its fields. */
static void
test_reports_register (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const char * const *tables = annex_database_get_register_tables ();
  g_autoptr(AnnexReportDocument) missing = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autoptr(AnnexReportDocument) document = build (fixture, ANNEX_REPORT_REGISTER, tables[i]);
      gint64 n_rows = annex_database_count_rows (fixture->db, tables[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (document->main_table);
      g_assert_true (main_table_in_sections (document));
      g_assert_cmpuint (document->main_table->rows->len, ==, n_rows);
      g_assert_cmpstr (g_array_index (document->main_table->columns, AnnexReportColumn, 0).key,
                       ==, "reference");
      g_assert_cmpuint (strlen (document->main_table->name), <=, 31);
      g_assert_cmpstr (document->title, !=, "Register");
    }

  {
    g_autoptr(AnnexReportDocument) risks = build (fixture, ANNEX_REPORT_REGISTER, "risks");
    AnnexReportBlock *table = risks->main_table;
    AnnexReportRow *row = find_row (table, "reference", "R-001");

    g_assert_cmpstr (risks->title, ==, "Risks");
    /* INT fields as numbers: the lossless form for an import. */
    g_assert_cmpstr (cell (table, row, "inherent-likelihood"), ==, "4");
    g_assert_cmpstr (cell (table, row, "residual-impact"), ==, "2");
    g_assert_cmpstr (cell (table, row, "treatment"), ==, "Modify (reduce)");
  }

  missing = annex_report_build (fixture->db, ANNEX_REPORT_REGISTER, "sqlite_master", TODAY,
                                &error);
  g_assert_null (missing);
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "No register “sqlite_master”");
}

/* ---- CSV --------------------------------------------------------------------------------- */

static void
test_reports_neutralize (void)
{
  const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "=SUM(A1:A2)", "'=SUM(A1:A2)" },
    { "+1", "'+1" },
    { "-2", "'-2" },
    { "@cmd", "'@cmd" },
    { "\tx", "'\tx" },
    { "\rx", "'\rx" },
    { "a=b", "a=b" },
    { " =1", " =1" },
    /* Apostrophes before a formula character get one more: the import drops exactly one. */
    { "'=1", "''=1" },
    { "''-1", "'''-1" },
    { "'quoted'", "'quoted'" },
    { "'", "'" },
    { "''", "''" },
    { "", "" },
    { "Zoë", "Zoë" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = annex_report_neutralize_cell (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static AnnexDatabase *
create_small_workspace (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "small.isms", NULL);
  g_autoptr(AnnexDatabase) db = annex_database_create (path, "Small", &error);
  g_autoptr(AnnexRegister) actions = NULL;
  const char * const titles[] = {
    "Plain",
    "Comma, \"quotes\" and\nnew line",
    "=HYPERLINK(\"http://x\")",
    "Zoë’s 日本 task",
  };
  const char * const owners[] = { "", "+44 20", "-1", "@team" };

  g_assert_no_error (error);
  actions = annex_test_load_register (db, ANNEX_TYPE_ACTION);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(AnnexRecord) action = annex_register_new_record (actions);

      g_object_set (action, "title", titles[i], "owner", owners[i], NULL);
      if (i == 3)
        g_object_set (action, "due-date", "2026-02-28", "status", "in-progress",
                      "description", "\tindented\r\nline", NULL);
      annex_test_add_record (actions, action);
    }

  return g_steal_pointer (&db);
}

static void
test_reports_csv_bytes (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "actions.csv", NULL);
  g_autoptr(AnnexDatabase) db = create_small_workspace (dir);
  g_autoptr(AnnexReportDocument) document = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  const char *text =
    "reference,title,owner,due-date,status,origin,origin-reference,description,completed-on\r\n"
    "A-001,Plain,,,Open,Other,,,\r\n"
    "A-002,\"Comma, \"\"quotes\"\" and\nnew line\",'+44 20,,Open,Other,,,\r\n"
    "A-003,\"'=HYPERLINK(\"\"http://x\"\")\",'-1,,Open,Other,,,\r\n"
    "A-004,Zoë’s 日本 task,'@team,2026-02-28,In progress,Other,,\"'\tindented\r\nline\",\r\n";

  document = annex_report_build (db, ANNEX_REPORT_REGISTER, "actions", TODAY, &error);
  g_assert_no_error (error);
  g_assert_true (annex_report_write_csv (document, out, &error));
  g_assert_no_error (error);

  expected = g_bytes_new_static (text, strlen (text));
  annex_test_assert_file_equals (out, expected);

  annex_database_close (db);
  annex_test_rm_rf (dir);
}

static void
test_reports_csv_grouped (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *out = g_build_filename (fixture->tmpdir, "soa.csv", NULL);
  g_autoptr(AnnexReportDocument) document = build (fixture, ANNEX_REPORT_SOA, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (annex_report_write_csv (document, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &contents, NULL, &error));
  g_assert_no_error (error);

  /* A header, one line per control, no group rows. */
  g_assert_true (g_str_has_prefix (contents, "reference,theme,title,applicability,reasons,"));
  g_assert_true (g_str_has_suffix (contents, "\r\n"));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 93 + 1);
  g_assert_true (g_str_has_prefix (lines[1], "5.1,Organizational,"));
  g_assert_nonnull (strstr (lines[1], ",Applicable,\"Risk treatment, Legal or regulatory\","));
}

/* The review minutes have no table: CSV is refused and nothing is written. */
static void
test_reports_csv_no_table (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *out = g_build_filename (fixture->tmpdir, "review.csv", NULL);
  g_autoptr(AnnexReportDocument) document = build (fixture, ANNEX_REPORT_REVIEW, "MR-2025-01");
  g_autoptr(GError) error = NULL;

  g_assert_false (annex_report_write_csv (document, out, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_false (annex_report_export (fixture->db, ANNEX_REPORT_REVIEW, "MR-2025-01",
                                       ANNEX_REPORT_FORMAT_CSV, out, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  /* OSCAL is for the Statement of Applicability only. */
  g_assert_false (annex_report_export (fixture->db, ANNEX_REPORT_RISKS, NULL,
                                       ANNEX_REPORT_FORMAT_OSCAL, out, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* ---- XLSX ---------------------------------------------------------------------------------- */

static guint
read_u16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
read_u32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

/* The entries of a ZIP file (name → GBytes of the inflated contents), read through its central
 * directory; stored and deflated entries. */
static GHashTable *
read_zip (const char *path)
{
  g_autoptr(GBytes) bytes = annex_test_read_file (path);
  GHashTable *entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_bytes_unref);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  const guint8 *end_record = NULL;
  const guint8 *p;
  guint n_entries;

  g_assert_cmpuint (size, >, 22);
  for (gsize i = size - 22; i > 0 && end_record == NULL; i--)
    {
      if (read_u32 (data + i) == 0x06054b50)
        end_record = data + i;
    }
  g_assert_nonnull (end_record);
  n_entries = read_u16 (end_record + 10);
  p = data + read_u32 (end_record + 16);

  for (guint e = 0; e < n_entries; e++)
    {
      guint method = read_u16 (p + 10);
      guint32 compressed = read_u32 (p + 20);
      guint32 uncompressed = read_u32 (p + 24);
      guint name_len = read_u16 (p + 28);
      guint extra_len = read_u16 (p + 30);
      guint comment_len = read_u16 (p + 32);
      const guint8 *local = data + read_u32 (p + 42);
      const guint8 *content;
      char *name;

      g_assert_cmpuint (read_u32 (p), ==, 0x02014b50);
      g_assert_cmpuint (read_u32 (local), ==, 0x04034b50);
      name = g_strndup ((const char *) p + 46, name_len);
      content = local + 30 + read_u16 (local + 26) + read_u16 (local + 28);

      if (method == 0)
        g_hash_table_insert (entries, name, g_bytes_new (content, compressed));
      else
        {
          g_autoptr(GZlibDecompressor) inflater = NULL;
          g_autoptr(GError) error = NULL;
          guint8 *out = g_malloc (uncompressed + 1);
          gsize read = 0, written = 0;
          GConverterResult result;

          g_assert_cmpuint (method, ==, 8);
          inflater = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW);
          result = g_converter_convert (G_CONVERTER (inflater), content, compressed,
                                        out, uncompressed + 1, G_CONVERTER_INPUT_AT_END,
                                        &read, &written, &error);
          g_assert_no_error (error);
          g_assert_cmpint (result, ==, G_CONVERTER_FINISHED);
          g_assert_cmpuint (written, ==, uncompressed);
          g_hash_table_insert (entries, name, g_bytes_new_take (out, written));
        }

      p += 46 + name_len + extra_len + comment_len;
    }

  return entries;
}

static char *
dup_entry (GHashTable *zip,
           const char *name)
{
  GBytes *bytes = g_hash_table_lookup (zip, name);

  if (bytes == NULL)
    g_error ("no “%s” in the workbook", name);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Every match of @pattern's first group in @text, in order. */
static GPtrArray *
dup_matches (const char *text,
             const char *pattern)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *matches = g_ptr_array_new_with_free_func (g_free);

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_ptr_array_add (matches, g_match_info_fetch (match, 1));
      g_match_info_next (match, NULL);
    }

  return matches;
}

static void
test_reports_xlsx (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *out = g_build_filename (fixture->tmpdir, "risks.xlsx", NULL);
  g_autoptr(AnnexReportDocument) document = build (fixture, ANNEX_REPORT_RISKS, NULL);
  g_autoptr(GHashTable) zip = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) strings = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *risks = NULL;
  g_autofree char *report = NULL;
  g_autofree char *styles = NULL;

  g_assert_true (annex_report_write_xlsx (document, out, &error));
  g_assert_no_error (error);

  zip = read_zip (out);
  workbook = dup_entry (zip, "xl/workbook.xml");
  names = dup_matches (workbook, "<sheet name=\"([^\"]*)\"");
  /* The report first, then the heat maps and tables in document order. */
  g_assert_cmpuint (names->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "Report");
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "Inherent risk");
  g_assert_cmpstr (g_ptr_array_index (names, 2), ==, "Residual risk");
  g_assert_cmpstr (g_ptr_array_index (names, 3), ==, "Risks");
  g_assert_cmpstr (g_ptr_array_index (names, 4), ==, "Assets");

  shared = dup_entry (zip, "xl/sharedStrings.xml");
  strings = dup_matches (shared, "<si><t[^>]*>([^<]*)</t></si>");

  /* The risks sheet: a frozen, filtered header row of the column headers, then 2 rows. */
  risks = dup_entry (zip, "xl/worksheets/sheet4.xml");
  rows = dup_matches (risks, "<row ([^>]*)>");
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_nonnull (strstr (risks, "<pane ySplit=\"1\""));
  g_assert_nonnull (strstr (risks, "state=\"frozen\""));
  g_assert_nonnull (strstr (risks, "<autoFilter ref=\"A1:Q3\""));
  g_assert_nonnull (strstr (risks, "<cols>"));
  /* No cell is ever a formula. */
  g_assert_null (strstr (risks, "<f>"));
  header = dup_matches (risks, "<row r=\"1\"[^>]*>(.*?)</row>");
  g_assert_cmpuint (header->len, ==, 1);
  {
    g_autoptr(GPtrArray) indices = dup_matches (g_ptr_array_index (header, 0),
                                                "<c r=\"[A-Z]+1\"[^>]*t=\"s\"><v>([0-9]+)</v>");

    g_assert_cmpuint (indices->len, ==, 17);
    g_assert_cmpstr (g_ptr_array_index (strings, atoi (g_ptr_array_index (indices, 0))), ==,
                     "Risk");
    g_assert_cmpstr (g_ptr_array_index (strings, atoi (g_ptr_array_index (indices, 1))), ==,
                     "Title");
    g_assert_cmpstr (g_ptr_array_index (strings, atoi (g_ptr_array_index (indices, 16))), ==,
                     "Status");
  }
  g_assert_true (g_ptr_array_find_with_equal_func (strings, "Ransomware on file servers",
                                                   g_str_equal, NULL));

  /* The cover facts on the first sheet. */
  report = dup_entry (zip, "xl/worksheets/sheet1.xml");
  g_assert_null (strstr (report, "<f>"));
  g_assert_true (g_ptr_array_find_with_equal_func (strings, "Acme Ltd", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (strings, "Risk register", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (strings, "See the sheet “Risks” (2 rows).",
                                                   g_str_equal, NULL));

  /* Level colours are cell fills. */
  styles = dup_entry (zip, "xl/styles.xml");
  g_assert_nonnull (strstr (styles, "<patternFill patternType=\"solid\""));
}

/* Formula-like text is neutralized in the workbook too, and long sheet names are cut to 31
 * characters and kept unique. */
static void
test_reports_xlsx_neutralized (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "actions.xlsx", NULL);
  g_autoptr(AnnexDatabase) db = create_small_workspace (dir);
  g_autoptr(AnnexReportDocument) document = NULL;
  g_autoptr(GHashTable) zip = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *sheet = NULL;
  AnnexReportSection *section;

  document = annex_report_build (db, ANNEX_REPORT_ACTIONS, NULL, TODAY, &error);
  g_assert_no_error (error);
  /* Two more tables whose names clash once cut to 31 characters. */
  section = g_ptr_array_index (document->sections, 1);
  for (guint i = 0; i < 2; i++)
    {
      AnnexReportBlock *copy = g_new0 (AnnexReportBlock, 1);

      copy->kind = ANNEX_REPORT_BLOCK_TABLE;
      copy->name = g_strdup ("A very long name: for [a] sheet that goes on");
      copy->columns = g_array_new (FALSE, TRUE, sizeof (AnnexReportColumn));
      g_array_append_vals (copy->columns,
                           &(AnnexReportColumn) { g_strdup ("Name"), g_strdup ("name"), 10 }, 1);
      copy->rows = g_ptr_array_new ();
      g_ptr_array_add (section->blocks, copy);
    }

  g_assert_true (annex_report_write_xlsx (document, out, &error));
  g_assert_no_error (error);
  zip = read_zip (out);
  workbook = dup_entry (zip, "xl/workbook.xml");
  names = dup_matches (workbook, "<sheet name=\"([^\"]*)\"");
  g_assert_cmpuint (names->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "Actions");
  g_assert_cmpstr (g_ptr_array_index (names, 2), ==, "A very long name- for -a- sheet");
  g_assert_cmpstr (g_ptr_array_index (names, 3), ==, "A very long name- for -a- s (2)");

  shared = dup_entry (zip, "xl/sharedStrings.xml");
  g_assert_nonnull (strstr (shared, "'=HYPERLINK("));
  g_assert_null (strstr (shared, "<t>=HYPERLINK"));
  g_assert_nonnull (strstr (shared, "'@team"));
  g_assert_nonnull (strstr (shared, "Zoë’s 日本 task"));
  sheet = dup_entry (zip, "xl/worksheets/sheet2.xml");
  g_assert_null (strstr (sheet, "<f>"));

  annex_database_close (db);
  annex_test_rm_rf (dir);
}

/* ---- Atomic writes ---------------------------------------------------------------------- */

static void
assert_dir_holds (const char         *dir,
                  const char * const *expected)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_assert_cmpuint (names->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_true (g_ptr_array_find_with_equal_func (names, expected[i], g_str_equal, NULL));
}

typedef gboolean (*WriteFunc) (AnnexReportDocument *document,
                               const char          *path,
                               GError             **error);

static void
test_reports_atomic (Fixture       *fixture,
                     gconstpointer  user_data)
{
  const WriteFunc writers[] = { annex_report_write_csv, annex_report_write_xlsx };
  g_autoptr(AnnexReportDocument) document = build (fixture, ANNEX_REPORT_ACTIONS, NULL);
  g_autofree char *dir = g_build_filename (fixture->tmpdir, "out", NULL);
  g_autofree char *missing = g_build_filename (fixture->tmpdir, "missing", "a.csv", NULL);
  g_autofree char *existing = g_build_filename (dir, "report", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *inside = g_build_filename (folder, "keep", NULL);
  g_autoptr(GBytes) old = g_bytes_new_static ("old contents", 12);

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  annex_test_write_file (inside, "x", 1);

  for (guint w = 0; w < G_N_ELEMENTS (writers); w++)
    {
      g_autoptr(GError) error = NULL;

      /* A folder that does not exist: a clear error naming the file, nothing written. */
      g_assert_false (writers[w] (document, missing, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      g_assert_nonnull (strstr (error->message, missing));
      g_clear_error (&error);

      /* A folder in the way: the rename fails, the temporary file goes, the folder stays. */
      g_assert_false (writers[w] (document, folder, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, folder));
      g_clear_error (&error);
      assert_dir_holds (dir, (const char * const[]) { "folder", NULL });
      assert_dir_holds (folder, (const char * const[]) { "keep", NULL });

      /* An older file is replaced whole. */
      annex_test_write_file (existing, "old contents", 12);
      g_assert_true (writers[w] (document, existing, &error));
      g_assert_no_error (error);
      assert_dir_holds (dir, (const char * const[]) { "folder", "report", NULL });
      {
        g_autoptr(GBytes) written = annex_test_read_file (existing);

        g_assert_false (g_bytes_equal (written, old));
      }

      /* A read-only folder: refused, the older file untouched, no temporary file left. */
      annex_test_write_file (existing, "old contents", 12);
      if (geteuid () != 0)
        {
          g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
          g_assert_false (writers[w] (document, existing, &error));
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
          g_assert_nonnull (strstr (error->message, existing));
          g_clear_error (&error);
          g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
        }
      else
        g_test_message ("root ignores file permissions: the read-only case is not checked");
      annex_test_assert_file_equals (existing, old);
      assert_dir_holds (dir, (const char * const[]) { "folder", "report", NULL });
      g_unlink (existing);
    }
}

static void
test_reports_export (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *csv = g_build_filename (fixture->tmpdir, "plan.csv", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->tmpdir, "audit.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (annex_report_export (fixture->db, ANNEX_REPORT_TREATMENT_PLAN, NULL,
                                      ANNEX_REPORT_FORMAT_CSV, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "risk,reference,title,owner,due-date,status,"));
  g_assert_nonnull (strstr (contents, "\r\nR-001,A-001,Patch servers,Dana Lee,2026-01-15,"));

  g_assert_true (annex_report_export (fixture->db, ANNEX_REPORT_AUDIT, "IA-2025-01",
                                      ANNEX_REPORT_FORMAT_XLSX, xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));

  /* The minutes have no main table: their workbook is the report sheet and the small tables. */
  {
    g_autofree char *minutes = g_build_filename (fixture->tmpdir, "minutes.xlsx", NULL);
    g_autoptr(GHashTable) zip = NULL;
    g_autoptr(GPtrArray) names = NULL;
    g_autofree char *workbook = NULL;

    g_assert_true (annex_report_export (fixture->db, ANNEX_REPORT_REVIEW, "MR-2025-01",
                                        ANNEX_REPORT_FORMAT_XLSX, minutes, &error));
    g_assert_no_error (error);
    zip = read_zip (minutes);
    workbook = dup_entry (zip, "xl/workbook.xml");
    names = dup_matches (workbook, "<sheet name=\"([^\"]*)\"");
    g_assert_cmpuint (names->len, ==, 3);
    g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "Report");
    g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "Attendees");
    g_assert_cmpstr (g_ptr_array_index (names, 2), ==, "Actions");
  }

  g_unlink (xlsx);
  g_assert_false (annex_report_export (fixture->db, ANNEX_REPORT_AUDIT, "IA-2026-09",
                                       ANNEX_REPORT_FORMAT_XLSX, xlsx, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/annex/reports/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/annex/reports/nicks", test_reports_nicks);
  ADD ("soa", test_reports_soa);
  ADD ("risks", test_reports_risks);
  ADD ("treatment-plan", test_reports_treatment_plan);
  ADD ("audit", test_reports_audit);
  ADD ("review", test_reports_review);
  ADD ("context", test_reports_context);
  ADD ("actions", test_reports_actions);
  ADD ("register", test_reports_register);
  g_test_add_func ("/annex/reports/neutralize", test_reports_neutralize);
  g_test_add_func ("/annex/reports/csv-bytes", test_reports_csv_bytes);
  ADD ("csv-grouped", test_reports_csv_grouped);
  ADD ("csv-no-table", test_reports_csv_no_table);
  ADD ("xlsx", test_reports_xlsx);
  g_test_add_func ("/annex/reports/xlsx-neutralized", test_reports_xlsx_neutralized);
  ADD ("atomic", test_reports_atomic);
  ADD ("export", test_reports_export);

  return g_test_run ();
}
