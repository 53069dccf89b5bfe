/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-documents.c: documents and people on a temporary workspace: document versions and their
 * approval (the version in force, earlier versions immutable), the mandated documented
 * information computed from the clause data, the policy check, the competence-gap rules, and
 * people named in owner fields when they are renamed or removed, each write in the change
 * history. */

#define G_LOG_DOMAIN "test-documents"

#include "config.h"

#include <string.h>

#include "annex-action.h"
#include "annex-audit.h"
#include "annex-awareness.h"
#include "annex-catalogue.h"
#include "annex-change-log.h"
#include "annex-communication.h"
#include "annex-database.h"
#include "annex-document-version.h"
#include "annex-document.h"
#include "annex-links.h"
#include "annex-people.h"
#include "annex-person.h"
#include "annex-register.h"
#include "annex-risk-method.h"
#include "annex-risk-register.h"
#include "annex-risk.h"
#include "annex-role.h"
#include "annex-store-error.h"
#include "annex-test-util.h"
#include "annex-training.h"

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
  path = g_build_filename (fixture->tmpdir, "documents.isms", NULL);
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

static AnnexDocument *
add_document (AnnexRegister *documents,
              const char    *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDocument) document = annex_document_new ();

  annex_record_set_string (ANNEX_RECORD (document), "title", title);
  g_assert_true (annex_register_add (documents, ANNEX_RECORD (document), &error));
  g_assert_no_error (error);
  return document;  /* borrowed: the register keeps it */
}

static AnnexDocumentVersion *
add_version (AnnexRegister *versions,
             AnnexDocument *document,
             const char    *number,
             const char    *summary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDocumentVersion) version =
    annex_document_version_new (annex_record_get_id (ANNEX_RECORD (document)));

  annex_record_set_string (ANNEX_RECORD (version), "version", number);
  annex_record_set_string (ANNEX_RECORD (version), "summary", summary);
  g_assert_true (annex_register_add (versions, ANNEX_RECORD (version), &error));
  g_assert_no_error (error);
  return version;
}

/* Versions and approval: the version in force, the superseded one kept unchanged, the document's
 * status, version and review date following approval. */
static void
test_document_versions (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRegister) documents = new_loaded_register (fixture->db, ANNEX_TYPE_DOCUMENT);
  g_autoptr(AnnexRegister) versions =
    new_loaded_register (fixture->db, ANNEX_TYPE_DOCUMENT_VERSION);
  g_autoptr(AnnexRegister) reloaded = NULL;
  g_autoptr(AnnexDocument) approved_new = NULL;
  AnnexDocument *document;
  AnnexDocumentVersion *first, *second;
  g_autoptr(AnnexDocumentVersion) duplicate = NULL;
  g_autoptr(AnnexDocumentVersion) orphan = NULL;
  g_autofree char *suggested = NULL;
  guint updates_before;
  gint64 document_id;

  document = add_document (documents, "Access control policy");
  document_id = annex_record_get_id (ANNEX_RECORD (document));
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (document)), ==, "DOC-001");
  g_assert_cmpstr (annex_document_get_status (document), ==, "draft");
  g_assert_cmpint (annex_document_get_review_interval (document), ==, 12);

  /* A document is approved through a version only. */
  annex_record_set_string (ANNEX_RECORD (document), "status", "approved");
  g_assert_false (annex_register_save (documents, ANNEX_RECORD (document), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  annex_record_set_string (ANNEX_RECORD (document), "status", "draft");

  approved_new = annex_document_new ();
  annex_record_set_string (ANNEX_RECORD (approved_new), "title", "Shortcut");
  annex_record_set_string (ANNEX_RECORD (approved_new), "status", "approved");
  g_assert_false (annex_register_add (documents, ANNEX_RECORD (approved_new), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The review interval stays within 0 … 120 months. */
  annex_record_set_int (ANNEX_RECORD (document), "review-interval", 121);
  g_assert_false (annex_register_save (documents, ANNEX_RECORD (document), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  annex_record_set_int (ANNEX_RECORD (document), "review-interval", 12);

  suggested = annex_document_version_suggest_number (G_LIST_MODEL (versions),
                                                     document_id);
  g_assert_cmpstr (suggested, ==, "1.0");
  g_clear_pointer (&suggested, g_free);

  first = add_version (versions, document, "1.0", "First issue");
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (first)), ==, "DV-001");
  g_assert_true (annex_document_version_is_draft (first));
  g_assert_null (annex_document_version_find_current (G_LIST_MODEL (versions),
                                                      document_id));

  /* A draft can be edited; the number is unique within the document. */
  annex_record_set_string (ANNEX_RECORD (first), "summary", "First issue, for approval");
  g_assert_true (annex_register_save (versions, ANNEX_RECORD (first), &error));
  g_assert_no_error (error);

  duplicate = annex_document_version_new (document_id);
  annex_record_set_string (ANNEX_RECORD (duplicate), "version", " 1.0 ");
  g_assert_false (annex_register_add (versions, ANNEX_RECORD (duplicate), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  orphan = annex_document_version_new (999);
  annex_record_set_string (ANNEX_RECORD (orphan), "version", "1.0");
  g_assert_false (annex_register_add (versions, ANNEX_RECORD (orphan), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Status and approval fields belong to approval. */
  annex_record_set_string (ANNEX_RECORD (first), "status", "approved");
  g_assert_false (annex_register_save (versions, ANNEX_RECORD (first), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  annex_record_set_string (ANNEX_RECORD (first), "status", "draft");

  g_assert_false (annex_document_version_approve (versions, first, documents, "  ", NULL,
                                                  &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (annex_document_version_approve (versions, first, documents, "Jane", "2025-02-30",
                                                  &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (annex_document_version_is_draft (first));

  g_assert_true (annex_document_version_approve (versions, first, documents, " Jane Doe ",
                                                 "2025-01-31", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (annex_document_version_get_status (first), ==, "approved");
  g_assert_cmpstr (annex_document_version_get_approved_by (first), ==, "Jane Doe");
  g_assert_cmpstr (annex_document_version_get_approved_on (first), ==, "2025-01-31");
  g_assert_cmpstr (annex_document_version_get_date (first), ==, "2025-01-31");
  g_assert_true (annex_document_version_find_current (G_LIST_MODEL (versions),
                                                      document_id)
                 == first);
  g_assert_cmpstr (annex_document_get_status (document), ==, "approved");
  g_assert_cmpstr (annex_document_get_current_version (document), ==, "1.0");
  /* January 31 plus twelve months; a month later would be clamped to February 28. */
  g_assert_cmpstr (annex_document_get_next_review (document), ==, "2026-01-31");
  g_assert_false (annex_document_is_review_overdue_on (document, "2026-01-31"));
  g_assert_true (annex_document_is_review_overdue_on (document, "2026-02-01"));

  /* Approved: kept as approved. */
  annex_record_set_string (ANNEX_RECORD (first), "summary", "Rewritten history");
  g_assert_false (annex_register_save (versions, ANNEX_RECORD (first), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  annex_record_set_string (ANNEX_RECORD (first), "summary", "First issue, for approval");
  g_assert_false (annex_register_remove (versions, ANNEX_RECORD (first), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (annex_document_version_approve (versions, first, documents, "Jane", NULL,
                                                  &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A second version supersedes the first. */
  suggested = annex_document_version_suggest_number (G_LIST_MODEL (versions),
                                                     document_id);
  g_assert_cmpstr (suggested, ==, "1.1");
  second = add_version (versions, document, suggested, "Remote access added");
  annex_record_set_int (ANNEX_RECORD (document), "review-interval", 24);
  g_assert_true (annex_register_save (documents, ANNEX_RECORD (document), &error));
  g_assert_no_error (error);

  updates_before = count_history (fixture->db, "document_versions", ANNEX_CHANGE_UPDATE);
  /* Without the documents' register: the approval reads the document itself. */
  g_assert_true (annex_document_version_approve (versions, second, NULL, "John Roe",
                                                 "2025-06-30", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_history (fixture->db, "document_versions", ANNEX_CHANGE_UPDATE), ==,
                    updates_before + 2);
  g_assert_cmpstr (annex_document_version_get_status (first), ==, "superseded");
  g_assert_cmpstr (annex_document_version_get_summary (first), ==, "First issue, for approval");
  g_assert_cmpstr (annex_document_version_get_approved_by (first), ==, "Jane Doe");
  g_assert_cmpstr (annex_document_version_get_status (second), ==, "approved");
  g_assert_true (annex_document_version_find_current (G_LIST_MODEL (versions),
                                                      document_id)
                 == second);

  /* The documents' register sees the document's new state through "changed". */
  reloaded = new_loaded_register (fixture->db, ANNEX_TYPE_DOCUMENT);
  {
    AnnexDocument *stored =
      ANNEX_DOCUMENT (annex_register_find (reloaded, document_id));

    g_assert_cmpstr (annex_document_get_current_version (stored), ==, "1.1");
    g_assert_cmpstr (annex_document_get_next_review (stored), ==, "2027-06-30");
    g_assert_cmpstr (annex_document_get_status (stored), ==, "approved");
  }
  g_clear_object (&reloaded);

  /* A superseded version stays readable as approved, and stays. */
  reloaded = new_loaded_register (fixture->db, ANNEX_TYPE_DOCUMENT_VERSION);
  {
    AnnexDocumentVersion *stored =
      ANNEX_DOCUMENT_VERSION (annex_register_find (reloaded,
                                                   annex_record_get_id (ANNEX_RECORD (first))));

    g_assert_cmpstr (annex_document_version_get_status (stored), ==, "superseded");
    g_assert_cmpstr (annex_document_version_get_approved_on (stored), ==, "2025-01-31");
  }
  g_clear_object (&reloaded);

  /* Setting the status back to approved needs a version in force: there is one. */
  g_assert_true (annex_register_load (documents, &error));
  g_assert_no_error (error);
  document = ANNEX_DOCUMENT (annex_test_list_get_item (G_LIST_MODEL (documents), 0));
  annex_record_set_string (ANNEX_RECORD (document), "status", "in-review");
  g_assert_true (annex_register_save (documents, ANNEX_RECORD (document), &error));
  g_assert_no_error (error);
  annex_record_set_string (ANNEX_RECORD (document), "status", "approved");
  g_assert_true (annex_register_save (documents, ANNEX_RECORD (document), &error));
  g_assert_no_error (error);

  /* Deleting a document with approved versions needs it withdrawn first (disposal). */
  g_object_ref (document);
  g_assert_false (annex_register_remove (documents, ANNEX_RECORD (document), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (annex_database_count_rows (fixture->db, "document_versions", &error), ==, 2);

  annex_record_set_string (ANNEX_RECORD (document), "status", "withdrawn");
  g_assert_true (annex_register_save (documents, ANNEX_RECORD (document), &error));
  g_assert_no_error (error);
  g_assert_true (annex_register_remove (documents, ANNEX_RECORD (document), &error));
  g_assert_no_error (error);
  g_assert_cmpint (annex_database_count_rows (fixture->db, "documents", &error), ==, 0);
  g_assert_cmpint (annex_database_count_rows (fixture->db, "document_versions", &error), ==, 0);
  g_assert_cmpuint (count_history (fixture->db, "document_versions", ANNEX_CHANGE_DELETE), ==, 2);

  /* Undo brings the document back with its versions as they were. */
  g_assert_true (annex_register_restore (documents, ANNEX_RECORD (document), &error));
  g_assert_no_error (error);
  g_assert_cmpint (annex_database_count_rows (fixture->db, "document_versions", &error), ==, 2);
  reloaded = new_loaded_register (fixture->db, ANNEX_TYPE_DOCUMENT_VERSION);
  g_assert_nonnull (annex_document_version_find_current (G_LIST_MODEL (reloaded),
                                                         document_id));
  g_object_unref (document);

  assert_history_verifies (fixture->db);
}

/* An approval that cannot be written changes nothing. */
static void
test_approve_rolls_back (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRegister) documents = new_loaded_register (fixture->db, ANNEX_TYPE_DOCUMENT);
  g_autoptr(AnnexRegister) versions =
    new_loaded_register (fixture->db, ANNEX_TYPE_DOCUMENT_VERSION);
  AnnexDocument *document;
  AnnexDocumentVersion *version;
  sqlite3_stmt *stmt;
  guint n_entries;

  document = add_document (documents, "Cryptography policy");
  version = add_version (versions, document, "1.0", NULL);

  /* An interval the model refuses, written behind its back. */
  stmt = annex_database_prepare (fixture->db,
                                 "UPDATE documents SET review_interval = 500 WHERE id = ?",
                                 &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, annex_record_get_id (ANNEX_RECORD (document)));
  g_assert_true (annex_database_step_done (fixture->db, stmt, &error));
  g_assert_no_error (error);
  g_assert_true (annex_register_load (documents, &error));
  g_assert_no_error (error);

  n_entries = count_history (fixture->db, "documents", ANNEX_CHANGE_UPDATE) +
              count_history (fixture->db, "document_versions", ANNEX_CHANGE_UPDATE);
  g_assert_false (annex_document_version_approve (versions, version, documents, "Jane",
                                                  "2025-01-01", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_history (fixture->db, "documents", ANNEX_CHANGE_UPDATE) +
                    count_history (fixture->db, "document_versions", ANNEX_CHANGE_UPDATE), ==,
                    n_entries);
  g_assert_true (annex_document_version_is_draft (version));
  g_assert_null (annex_document_version_get_approved_by (version));
  g_assert_null (annex_document_version_get_date (version));
  document = ANNEX_DOCUMENT (annex_test_list_get_item (G_LIST_MODEL (documents), 0));
  g_assert_cmpstr (annex_document_get_status (document), ==, "draft");
  g_assert_null (annex_document_get_current_version (document));

  assert_history_verifies (fixture->db);
}

static void
test_add_months (void)
{
  struct { const char *date; guint months; const char *expected; } cases[] = {
    { "2025-01-15", 12, "2026-01-15" },
    { "2025-01-31", 1, "2025-02-28" },
    { "2024-01-31", 1, "2024-02-29" },
    { "2025-11-30", 3, "2026-02-28" },
    { "2025-12-01", 0, "2025-12-01" },
    { "2025-06-30", 120, "2035-06-30" },
    { "2025-02-30", 1, NULL },
    { NULL, 1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = annex_document_add_months (cases[i].date, cases[i].months);

      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

static void
test_suggest_number (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) documents = new_loaded_register (fixture->db, ANNEX_TYPE_DOCUMENT);
  g_autoptr(AnnexRegister) versions =
    new_loaded_register (fixture->db, ANNEX_TYPE_DOCUMENT_VERSION);
  AnnexDocument *a = add_document (documents, "A");
  AnnexDocument *b = add_document (documents, "B");
  gint64 a_id = annex_record_get_id (ANNEX_RECORD (a));
  gint64 b_id = annex_record_get_id (ANNEX_RECORD (b));
  struct { AnnexDocument *document; const char *number; const char *expected; } cases[] = {
    { a, "2", "3" },
    { b, "2025-1", "2025-2" },
    { a, "v9", "v10" },
    { b, "1.9 final", "1.10 final" },
    { a, "draft", "4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *next = NULL;
      gint64 id = annex_record_get_id (ANNEX_RECORD (cases[i].document));

      add_version (versions, cases[i].document, cases[i].number, NULL);
      next = annex_document_version_suggest_number (G_LIST_MODEL (versions), id);
      g_assert_cmpstr (next, ==, cases[i].expected);
    }

  g_assert_cmpint (a_id, !=, b_id);
}

static const AnnexMandatedDocument *
find_item (GPtrArray  *items,
           const char *clause_id)
{
  for (guint i = 0; i < items->len; i++)
    {
      const AnnexMandatedDocument *item = g_ptr_array_index (items, i);

      if (strcmp (item->clause_id, clause_id) == 0)
        return item;
    }

  g_assert_not_reached ();
}

/* The mandated documented information comes from the catalogue's clause data; a document
 * linked to a clause covers it. */
static void
test_mandated_coverage (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRegister) documents = new_loaded_register (fixture->db, ANNEX_TYPE_DOCUMENT);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  const AnnexCatalogueClause *clauses;
  AnnexDocument *policy, *method;
  const AnnexMandatedDocument *item;
  guint n_clauses;
  gint64 requirement_id;

  clauses = annex_catalogue_get_clauses (&n_clauses);
  for (guint i = 0; i < n_clauses; i++)
    if (strcmp (clauses[i].doc_type, "document") == 0 ||
        strcmp (clauses[i].doc_type, "record") == 0)
      g_ptr_array_add (expected, (gpointer) clauses[i].id);

  items = annex_people_dup_mandated_documents (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, expected->len);
  g_assert_cmpuint (items->len, ==, 14);
  for (guint i = 0; i < items->len; i++)
    {
      item = g_ptr_array_index (items, i);
      g_assert_cmpstr (item->clause_id, ==, g_ptr_array_index (expected, i));
      g_assert_false (item->covered);
      g_assert_cmpuint (item->document_ids->len, ==, 0);
      g_assert_null (item->document_references);
      g_assert_cmpint (item->requirement_id, >, 0);
      g_assert_nonnull (item->documented_information);
    }
  item = find_item (items, "5.2");
  g_assert_cmpstr (item->documented_information, ==, "Information security policy");
  g_assert_cmpstr (item->doc_type, ==, "document");
  g_assert_cmpstr (find_item (items, "9.2.2")->doc_type, ==, "record");
  g_assert_cmpuint (annex_people_count_covered (items), ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* One click: a document for the policy, linked to 5.2. */
  g_assert_null (annex_document_create_for_clause (documents, "5.1", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (annex_document_create_for_clause (documents, "7.5", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  policy = annex_document_create_for_clause (documents, "5.2", &error);
  g_assert_no_error (error);
  g_assert_nonnull (policy);
  g_assert_cmpuint (annex_register_get_position (documents, ANNEX_RECORD (policy)), ==, 0);
  g_assert_cmpstr (annex_document_get_title (policy), ==, "Information security policy");
  g_assert_cmpstr (annex_document_get_document_type (policy), ==, "policy");
  g_assert_true (annex_document_get_security_policy (policy));

  method = annex_document_create_for_clause (documents, "6.1.2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (annex_document_get_document_type (method), ==, "procedure");

  items = annex_people_dup_mandated_documents (fixture->db, &error);
  g_assert_no_error (error);
  item = find_item (items, "5.2");
  g_assert_true (item->covered);
  g_assert_cmpuint (item->document_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (item->document_ids, gint64, 0), ==,
                   annex_record_get_id (ANNEX_RECORD (policy)));
  g_assert_cmpstr (item->document_references, ==, "DOC-001");
  g_assert_true (find_item (items, "6.1.2")->covered);
  /* What the organization decided it needs: any document. */
  g_assert_true (find_item (items, "7.5.1")->covered);
  g_assert_null (find_item (items, "7.5.1")->document_references);
  g_assert_false (find_item (items, "4.3")->covered);
  g_assert_cmpuint (annex_people_count_covered (items), ==, 3);

  /* A second document for the same clause, linked by hand. */
  requirement_id = find_item (items, "6.1.2")->requirement_id;
  g_clear_pointer (&items, g_ptr_array_unref);
  {
    AnnexDocument *criteria = add_document (documents, "Risk criteria");

    g_assert_true (annex_links_add (fixture->db, "documents",
                                    annex_record_get_id (ANNEX_RECORD (criteria)),
                                    ANNEX_DOCUMENT_LINK_CLAUSES, requirement_id, &error));
    g_assert_no_error (error);
  }
  items = annex_people_dup_mandated_documents (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (find_item (items, "6.1.2")->document_references, ==, "DOC-002, DOC-003");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* A withdrawn document covers nothing. */
  annex_record_set_string (ANNEX_RECORD (policy), "status", "withdrawn");
  g_assert_true (annex_register_save (documents, ANNEX_RECORD (policy), &error));
  g_assert_no_error (error);
  items = annex_people_dup_mandated_documents (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_false (find_item (items, "5.2")->covered);
  g_assert_cmpuint (annex_people_count_covered (items), ==, 2);

  g_assert_cmpuint (count_history (fixture->db, "links", ANNEX_CHANGE_INSERT), ==, 3);
  assert_history_verifies (fixture->db);
}

static guint
count_problems (GPtrArray              *problems,
                AnnexPolicyProblemKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    if (((AnnexPolicyProblem *) g_ptr_array_index (problems, i))->kind == kind)
      n++;

  return n;
}

static void
test_policy_check (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRegister) documents = new_loaded_register (fixture->db, ANNEX_TYPE_DOCUMENT);
  g_autoptr(AnnexRegister) versions =
    new_loaded_register (fixture->db, ANNEX_TYPE_DOCUMENT_VERSION);
  g_autoptr(GPtrArray) problems = NULL;
  AnnexPolicyProblem *problem;
  AnnexDocument *policy;
  AnnexDocumentVersion *version;

  /* Missing: no document, then only one that is not flagged. */
  problems = annex_people_check_policy (G_LIST_MODEL (documents), "2025-03-01");
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->kind, ==, ANNEX_POLICY_MISSING);
  g_assert_cmpint (problem->document_id, ==, 0);
  g_assert_nonnull (strstr (problem->message, "no information security policy"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  add_document (documents, "Backup procedure");
  problems = annex_people_check_policy (G_LIST_MODEL (documents), "2025-03-01");
  g_assert_cmpuint (count_problems (problems, ANNEX_POLICY_MISSING), ==, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Flagged but not approved. */
  policy = add_document (documents, "Information security policy");
  g_object_set (policy, "security-policy", TRUE, "type", "policy", NULL);
  g_assert_true (annex_register_save (documents, ANNEX_RECORD (policy), &error));
  g_assert_no_error (error);
  problems = annex_people_check_policy (G_LIST_MODEL (documents), "2025-03-01");
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->kind, ==, ANNEX_POLICY_NOT_APPROVED);
  g_assert_cmpint (problem->document_id, ==, annex_record_get_id (ANNEX_RECORD (policy)));
  g_assert_nonnull (strstr (problem->message, "DOC-002"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Approved: fine until its review is due. */
  version = add_version (versions, policy, "1.0", "Approved by the board");
  g_assert_true (annex_document_version_approve (versions, version, documents, "The board",
                                                 "2024-01-10", &error));
  g_assert_no_error (error);
  problems = annex_people_check_policy (G_LIST_MODEL (documents), "2025-01-10");
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  problems = annex_people_check_policy (G_LIST_MODEL (documents), "2025-01-11");
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->kind, ==, ANNEX_POLICY_REVIEW_OVERDUE);
  g_assert_nonnull (strstr (problem->message, "2025-01-10"));
  g_clear_pointer (&problems, g_ptr_array_unref);

  annex_record_set_string (ANNEX_RECORD (policy), "next-review", NULL);
  g_assert_true (annex_register_save (documents, ANNEX_RECORD (policy), &error));
  g_assert_no_error (error);
  problems = annex_people_check_policy (G_LIST_MODEL (documents), "2025-01-11");
  g_assert_cmpuint (count_problems (problems, ANNEX_POLICY_NO_REVIEW_DATE), ==, 1);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Withdrawn: missing again. */
  annex_record_set_string (ANNEX_RECORD (policy), "status", "withdrawn");
  g_assert_true (annex_register_save (documents, ANNEX_RECORD (policy), &error));
  g_assert_no_error (error);
  problems = annex_people_check_policy (G_LIST_MODEL (documents), NULL);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpint (((AnnexPolicyProblem *) g_ptr_array_index (problems, 0))->kind, ==,
                   ANNEX_POLICY_MISSING);

  assert_history_verifies (fixture->db);
}

static AnnexPerson *
add_person (AnnexRegister *people,
            const char    *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexPerson) person = annex_person_new ();

  annex_record_set_string (ANNEX_RECORD (person), "name", name);
  g_assert_true (annex_register_add (people, ANNEX_RECORD (person), &error));
  g_assert_no_error (error);
  return person;
}

static AnnexRole *
add_role (AnnexRegister *roles,
          const char    *name,
          const char    *kind,
          const char    *competence)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRole) role = annex_role_new ();

  g_object_set (role, "name", name, "kind", kind, "competence", competence, NULL);
  g_assert_true (annex_register_add (roles, ANNEX_RECORD (role), &error));
  g_assert_no_error (error);
  return role;
}

static AnnexTraining *
add_training (AnnexRegister *trainings,
              AnnexPerson   *person,
              const char    *kind,
              const char    *title,
              const char    *areas,
              const char    *date,
              const char    *valid_until)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexTraining) training =
    annex_training_new (annex_record_get_id (ANNEX_RECORD (person)));

  g_object_set (training, "kind", kind, "title", title, "areas", areas, "date", date,
                "valid-until", valid_until, NULL);
  g_assert_true (annex_register_add (trainings, ANNEX_RECORD (training), &error));
  g_assert_no_error (error);
  return training;
}

static void
hold_role (AnnexDatabase *db,
           AnnexPerson   *person,
           AnnexRole     *role)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (annex_links_add (db, "people", annex_record_get_id (ANNEX_RECORD (person)),
                                  ANNEX_PERSON_LINK_ROLES,
                                  annex_record_get_id (ANNEX_RECORD (role)), &error));
  g_assert_no_error (error);
}

static GPtrArray *
dup_gaps (AnnexDatabase *db,
          const char    *today)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *gaps = annex_people_dup_competence_gaps (db, today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (gaps);
  return gaps;
}

static AnnexCompetenceGap *
gap_at (GPtrArray *gaps,
        guint      index)
{
  g_assert_cmpuint (index, <, gaps->len);
  return g_ptr_array_index (gaps, index);
}

static void
test_competence_split (void)
{
  g_auto(GStrv) areas = annex_role_split_competence (" risk assessment, ISO 27001;\n\n"
                                                     "Risk Assessment ; auditing ,");
  g_auto(GStrv) none = annex_role_split_competence (NULL);

  g_assert_cmpstrv (areas, ((const char * const[]) { "risk assessment", "ISO 27001", "auditing",
                                                     NULL }));
  g_assert_cmpstrv (none, ((const char * const[]) { NULL }));
}

/* The competence-gap rules: missing areas of a role held, expired evidence (unless renewed),
 * internal auditors without audit training. */
static void
test_competence_gaps (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRegister) people = new_loaded_register (fixture->db, ANNEX_TYPE_PERSON);
  g_autoptr(AnnexRegister) roles = new_loaded_register (fixture->db, ANNEX_TYPE_ROLE);
  g_autoptr(AnnexRegister) trainings = new_loaded_register (fixture->db, ANNEX_TYPE_TRAINING);
  g_autoptr(GPtrArray) gaps = NULL;
  g_autoptr(AnnexTraining) orphan = NULL;
  AnnexPerson *alice, *bob, *carol;
  AnnexRole *risk_owner, *auditor;
  AnnexTraining *lead_auditor, *bad;
  AnnexCompetenceGap *gap;

  bob = add_person (people, "Bob Baker");
  alice = add_person (people, "Alice Adams");
  carol = add_person (people, "Carol Cole");  /* holds no role: no gap */
  risk_owner = add_role (roles, "Risk owner", "risk-owner", "risk assessment; ISO 27001");
  auditor = add_role (roles, "Internal auditor", "internal-auditor", NULL);
  hold_role (fixture->db, alice, risk_owner);
  hold_role (fixture->db, bob, risk_owner);
  hold_role (fixture->db, bob, auditor);

  /* Evidence belongs to an existing person, and expires after it was gained. */
  orphan = annex_training_new (999);
  annex_record_set_string (ANNEX_RECORD (orphan), "title", "Nobody's course");
  g_assert_false (annex_register_add (trainings, ANNEX_RECORD (orphan), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = add_training (trainings, carol, "training", "Course", NULL, "2024-05-01", NULL);
  annex_record_set_string (ANNEX_RECORD (bad), "valid-until", "2024-04-30");
  g_assert_false (annex_register_save (trainings, ANNEX_RECORD (bad), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  annex_record_set_string (ANNEX_RECORD (bad), "valid-until", NULL);

  /* Alice: ISO 27001 by the title, risk assessment missing. */
  add_training (trainings, alice, "training", "ISO 27001 Foundation", NULL, "2024-01-01", NULL);
  /* Bob: an audit qualification that expired; experience still to come. */
  lead_auditor = add_training (trainings, bob, "qualification", "Lead Auditor", "ISO 19011",
                               "2021-01-01", "2024-12-31");
  add_training (trainings, bob, "experience", "Risk workshop", "risk assessment, ISO 27001",
                "2025-06-01", NULL);

  gaps = dup_gaps (fixture->db, "2025-03-01");
  /* Alice (by name first): risk assessment. Bob: expired, two areas, audit training. */
  g_assert_cmpuint (gaps->len, ==, 5);
  gap = gap_at (gaps, 0);
  g_assert_cmpint (gap->kind, ==, ANNEX_GAP_MISSING_COMPETENCE);
  g_assert_cmpint (gap->person_id, ==, annex_record_get_id (ANNEX_RECORD (alice)));
  g_assert_cmpint (gap->role_id, ==, annex_record_get_id (ANNEX_RECORD (risk_owner)));
  g_assert_cmpstr (gap->subject, ==, "risk assessment");
  g_assert_cmpstr (gap->message, ==, "Alice Adams holds the role “Risk owner” but has no valid "
                                     "evidence of competence in “risk assessment”.");
  gap = gap_at (gaps, 1);
  g_assert_cmpint (gap->kind, ==, ANNEX_GAP_EXPIRED);
  g_assert_cmpint (gap->person_id, ==, annex_record_get_id (ANNEX_RECORD (bob)));
  g_assert_cmpint (gap->training_id, ==, annex_record_get_id (ANNEX_RECORD (lead_auditor)));
  g_assert_cmpstr (gap->subject, ==, "Lead Auditor");
  g_assert_nonnull (strstr (gap->message, "2024-12-31"));
  /* Bob's roles by name: Internal auditor, then Risk owner. */
  gap = gap_at (gaps, 2);
  g_assert_cmpint (gap->kind, ==, ANNEX_GAP_AUDITOR_TRAINING);
  g_assert_cmpint (gap->role_id, ==, annex_record_get_id (ANNEX_RECORD (auditor)));
  g_assert_cmpint (gap_at (gaps, 3)->kind, ==, ANNEX_GAP_MISSING_COMPETENCE);
  g_assert_cmpstr (gap_at (gaps, 3)->subject, ==, "risk assessment");
  g_assert_cmpstr (gap_at (gaps, 4)->subject, ==, "ISO 27001");
  g_clear_pointer (&gaps, g_ptr_array_unref);

  /* The expired qualification was valid on its last day. */
  gaps = dup_gaps (fixture->db, "2024-12-31");
  for (guint i = 0; i < gaps->len; i++)
    g_assert_cmpint (gap_at (gaps, i)->kind, !=, ANNEX_GAP_EXPIRED);
  g_assert_cmpuint (gaps->len, ==, 3);
  g_clear_pointer (&gaps, g_ptr_array_unref);

  /* Renewed (same title, any case): neither expired nor without audit training; the
   * experience counts once it is gained. */
  add_training (trainings, bob, "qualification", "lead auditor ", NULL, "2025-01-15",
                "2028-01-14");
  gaps = dup_gaps (fixture->db, "2025-07-01");
  g_assert_cmpuint (gaps->len, ==, 1);
  g_assert_cmpint (gap_at (gaps, 0)->person_id, ==, annex_record_get_id (ANNEX_RECORD (alice)));
  g_clear_pointer (&gaps, g_ptr_array_unref);

  /* A role's own audit area replaces the general audit-training gap. */
  annex_record_set_string (ANNEX_RECORD (auditor), "competence", "Audit");
  g_assert_true (annex_register_save (roles, ANNEX_RECORD (auditor), &error));
  g_assert_no_error (error);
  hold_role (fixture->db, carol, auditor);
  gaps = dup_gaps (fixture->db, "2025-07-01");
  g_assert_cmpuint (gaps->len, ==, 2);
  gap = gap_at (gaps, 1);
  g_assert_cmpint (gap->person_id, ==, annex_record_get_id (ANNEX_RECORD (carol)));
  g_assert_cmpint (gap->kind, ==, ANNEX_GAP_MISSING_COMPETENCE);
  g_assert_cmpstr (gap->subject, ==, "Audit");
  g_clear_pointer (&gaps, g_ptr_array_unref);

  /* An "experience" does not count as audit training. */
  annex_record_set_string (ANNEX_RECORD (auditor), "competence", NULL);
  g_assert_true (annex_register_save (roles, ANNEX_RECORD (auditor), &error));
  g_assert_no_error (error);
  add_training (trainings, carol, "experience", "Audit assistant", NULL, "2024-01-01", NULL);
  gaps = dup_gaps (fixture->db, "2025-07-01");
  g_assert_cmpuint (gaps->len, ==, 2);
  g_assert_cmpint (gap_at (gaps, 1)->kind, ==, ANNEX_GAP_AUDITOR_TRAINING);
  g_clear_pointer (&gaps, g_ptr_array_unref);
  add_training (trainings, carol, "training", "ISO 19011 course", NULL, "2024-02-01", NULL);
  gaps = dup_gaps (fixture->db, "2025-07-01");
  g_assert_cmpuint (gaps->len, ==, 1);
  g_clear_pointer (&gaps, g_ptr_array_unref);

  /* Removing a person removes their evidence and role links with them; Undo restores both. */
  g_object_ref (bob);
  g_assert_true (annex_register_remove (people, ANNEX_RECORD (bob), &error));
  g_assert_no_error (error);
  g_assert_cmpint (annex_database_count_rows (fixture->db, "trainings", &error), ==, 4);
  g_assert_true (annex_register_restore (people, ANNEX_RECORD (bob), &error));
  g_assert_no_error (error);
  g_assert_cmpint (annex_database_count_rows (fixture->db, "trainings", &error), ==, 7);
  {
    g_autoptr(GArray) held = annex_links_dup_targets (fixture->db, "people",
                                                      annex_record_get_id (ANNEX_RECORD (bob)),
                                                      ANNEX_PERSON_LINK_ROLES, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (held->len, ==, 2);
  }
  g_object_unref (bob);

  assert_history_verifies (fixture->db);
}

static void
test_people_names (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRegister) people = new_loaded_register (fixture->db, ANNEX_TYPE_PERSON);
  g_auto(GStrv) names = NULL;

  names = annex_people_dup_names (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (names, ((const char * const[]) { NULL }));
  g_clear_pointer (&names, g_strfreev);

  add_person (people, "Charlie Chase");
  add_person (people, " Bob Baker ");
  add_person (people, "Alice Adams");
  add_person (people, "Bob Baker");

  names = annex_people_dup_names (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (names, ((const char * const[]) { "Alice Adams", "Bob Baker", "Charlie Chase",
                                                     NULL }));
}

static AnnexRecord *
add_record (AnnexRegister *reg,
            const char    *first_property,
            ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRecord) record = annex_register_new_record (reg);
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (record), first_property, args);
  va_end (args);

  g_assert_true (annex_register_add (reg, record, &error));
  g_assert_no_error (error);
  return record;  /* borrowed: the register keeps it */
}

static const char *
stored_string (AnnexDatabase *db,
               GType          type,
               gint64         id,
               const char    *field,
               char         **out_copy)
{
  g_autoptr(AnnexRegister) reg = new_loaded_register (db, type);
  AnnexRecord *record = annex_register_find (reg, id);

  g_assert_nonnull (record);
  *out_copy = g_strdup (annex_record_get_string (record, field));
  return *out_copy;
}

/* Owners are text: a rename offers to replace the old name in every owner field in one
 * transaction with history; removing a person leaves the owner fields as they are. */
static void
test_owner_rename_and_remove (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRegister) people = new_loaded_register (fixture->db, ANNEX_TYPE_PERSON);
  g_autoptr(AnnexRegister) actions = new_loaded_register (fixture->db, ANNEX_TYPE_ACTION);
  g_autoptr(AnnexRiskRegister) risk_register = NULL;
  g_autoptr(AnnexRiskMethod) method = annex_risk_method_new_custom (7, 7, 3);
  g_autofree char *method_json = annex_risk_method_to_json (method);
  AnnexRegister *risks;
  g_autoptr(AnnexRegister) audits = new_loaded_register (fixture->db, ANNEX_TYPE_AUDIT);
  g_autoptr(AnnexRegister) documents = new_loaded_register (fixture->db, ANNEX_TYPE_DOCUMENT);
  g_autoptr(AnnexRegister) communications =
    new_loaded_register (fixture->db, ANNEX_TYPE_COMMUNICATION);
  g_autoptr(GPtrArray) uses = NULL;
  g_autofree char *copy = NULL;
  AnnexPerson *alice;
  AnnexRecord *action, *other_action, *risk, *audit, *document, *communication;
  AnnexOwnerUse *use;
  guint n_changed = 0;
  guint action_updates, risk_updates;

  /* Risks are checked against the method in force (likelihood 7 is valid in 7 × 7 only). */
  g_assert_true (annex_database_set_setting (fixture->db, ANNEX_RISK_METHOD_SETTING, method_json,
                                             &error));
  g_assert_no_error (error);
  risk_register = annex_risk_register_new (fixture->db);
  risks = annex_risk_register_get_register (risk_register);
  g_assert_true (annex_register_load (risks, &error));
  g_assert_no_error (error);

  alice = add_person (people, "Alice Smith");
  action = add_record (actions, "title", "Patch servers", "owner", "Alice Smith", NULL);
  other_action = add_record (actions, "title", "Train staff", "owner", "Alice Smithers", NULL);
  risk = add_record (risks, "method", annex_risk_register_get_method (risk_register),
                     "title", "Ransomware", "owner", " alice smith ",
                     "accepted-by", "Alice Smith", "inherent-likelihood", (gint64) 7,
                     "inherent-impact", (gint64) 7, NULL);
  audit = add_record (audits, "title", "ISMS audit", "lead-auditor", "Alice Smith", NULL);
  document = add_record (documents, "title", "Backup procedure", "owner", "ALICE SMITH",
                         "approver", "Alice Smith", NULL);
  communication = add_record (communications, "subject", "Policy update",
                              "communicator", "Alice Smith", NULL);

  uses = annex_people_dup_owner_uses (fixture->db, "Alice Smith", &error);
  g_assert_no_error (error);
  /* In register order: actions, risks, audits, documents (owner, approver), communications;
   * accepted-by records an act and is not an owner field. */
  g_assert_cmpuint (uses->len, ==, 6);
  use = g_ptr_array_index (uses, 0);
  g_assert_cmpstr (use->table, ==, "actions");
  g_assert_cmpstr (use->field, ==, "owner");
  g_assert_cmpstr (use->field_label, ==, "Owner");
  g_assert_cmpint (use->record_id, ==, annex_record_get_id (action));
  g_assert_cmpstr (use->reference, ==, "A-001");
  g_assert_cmpstr (((AnnexOwnerUse *) g_ptr_array_index (uses, 1))->table, ==, "risks");
  g_assert_cmpstr (((AnnexOwnerUse *) g_ptr_array_index (uses, 2))->field, ==, "lead-auditor");
  g_assert_cmpstr (((AnnexOwnerUse *) g_ptr_array_index (uses, 3))->field, ==, "owner");
  g_assert_cmpstr (((AnnexOwnerUse *) g_ptr_array_index (uses, 4))->field, ==, "approver");
  g_assert_cmpstr (((AnnexOwnerUse *) g_ptr_array_index (uses, 5))->field, ==, "communicator");
  g_clear_pointer (&uses, g_ptr_array_unref);

  /* Renamed without the owners: only the person changes. */
  g_assert_true (annex_people_rename_person (people, alice, "Alice Jones", FALSE, &n_changed,
                                             &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpstr (annex_person_get_name (alice), ==, "Alice Jones");
  g_assert_cmpstr (stored_string (fixture->db, ANNEX_TYPE_ACTION, annex_record_get_id (action),
                                  "owner", &copy), ==, "Alice Smith");
  g_clear_pointer (&copy, g_free);

  /* A blank name is refused and changes nothing. */
  g_assert_false (annex_people_rename_person (people, alice, " ", TRUE, NULL, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (annex_people_replace_owner (fixture->db, "Alice Smith", "", NULL, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The owner fields follow in one go, each record with its history entry. */
  action_updates = count_history (fixture->db, "actions", ANNEX_CHANGE_UPDATE);
  risk_updates = count_history (fixture->db, "risks", ANNEX_CHANGE_UPDATE);
  g_assert_true (annex_people_replace_owner (fixture->db, "Alice Smith", " Alice Jones ",
                                             &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 6);
  g_assert_cmpuint (count_history (fixture->db, "actions", ANNEX_CHANGE_UPDATE), ==,
                    action_updates + 1);
  g_assert_cmpuint (count_history (fixture->db, "risks", ANNEX_CHANGE_UPDATE), ==,
                    risk_updates + 1);
  g_assert_cmpuint (count_history (fixture->db, "documents", ANNEX_CHANGE_UPDATE), ==, 1);

  g_assert_cmpstr (stored_string (fixture->db, ANNEX_TYPE_ACTION, annex_record_get_id (action),
                                  "owner", &copy), ==, "Alice Jones");
  g_clear_pointer (&copy, g_free);
  g_assert_cmpstr (stored_string (fixture->db, ANNEX_TYPE_ACTION,
                                  annex_record_get_id (other_action), "owner", &copy),
                   ==, "Alice Smithers");
  g_clear_pointer (&copy, g_free);
  g_assert_cmpstr (stored_string (fixture->db, ANNEX_TYPE_RISK, annex_record_get_id (risk),
                                  "owner", &copy), ==, "Alice Jones");
  g_clear_pointer (&copy, g_free);
  g_assert_cmpstr (stored_string (fixture->db, ANNEX_TYPE_RISK, annex_record_get_id (risk),
                                  "accepted-by", &copy), ==, "Alice Smith");
  g_clear_pointer (&copy, g_free);
  g_assert_cmpstr (stored_string (fixture->db, ANNEX_TYPE_AUDIT, annex_record_get_id (audit),
                                  "lead-auditor", &copy), ==, "Alice Jones");
  g_clear_pointer (&copy, g_free);
  g_assert_cmpstr (stored_string (fixture->db, ANNEX_TYPE_DOCUMENT,
                                  annex_record_get_id (document), "approver", &copy),
                   ==, "Alice Jones");
  g_clear_pointer (&copy, g_free);
  g_assert_cmpstr (stored_string (fixture->db, ANNEX_TYPE_COMMUNICATION,
                                  annex_record_get_id (communication), "communicator", &copy),
                   ==, "Alice Jones");
  g_clear_pointer (&copy, g_free);

  /* The history keeps the old name. */
  {
    g_autoptr(GPtrArray) entries = annex_change_log_list (fixture->db, "actions",
                                                          annex_record_get_id (action), &error);
    AnnexChangeEntry *last;

    g_assert_no_error (error);
    last = g_ptr_array_index (entries, entries->len - 1);
    g_assert_cmpint (last->kind, ==, ANNEX_CHANGE_UPDATE);
    g_assert_nonnull (strstr (last->before, "\"Alice Smith\""));
    g_assert_nonnull (strstr (last->after, "\"Alice Jones\""));
  }

  /* The app's loaded registers reload through "changed" (their items are new objects then:
   * the pointers above are not used after this). */
  {
    gint64 action_id = annex_record_get_id (action);
    gboolean done = FALSE;

    while (!done)
      {
        AnnexRecord *item;

        g_main_context_iteration (NULL, TRUE);
        item = annex_register_find (actions, action_id);
        done = item != NULL && g_strcmp0 (annex_record_get_string (item, "owner"),
                                          "Alice Jones") == 0;
      }
  }

  /* Rename with the owners, in one transaction. */
  g_assert_true (annex_people_rename_person (people, alice, "Alice Brown", TRUE, &n_changed,
                                             &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 6);
  uses = annex_people_dup_owner_uses (fixture->db, "alice brown", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uses->len, ==, 6);
  g_clear_pointer (&uses, g_ptr_array_unref);

  /* Removing the person leaves the owner fields (and their history) as they are. */
  g_object_ref (alice);
  g_assert_true (annex_register_remove (people, ANNEX_RECORD (alice), &error));
  g_assert_no_error (error);
  uses = annex_people_dup_owner_uses (fixture->db, "Alice Brown", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uses->len, ==, 6);
  g_clear_pointer (&uses, g_ptr_array_unref);
  {
    g_auto(GStrv) names = annex_people_dup_names (fixture->db, &error);

    g_assert_no_error (error);
    g_assert_cmpstrv (names, ((const char * const[]) { NULL }));
  }
  g_assert_cmpuint (count_history (fixture->db, "people", ANNEX_CHANGE_DELETE), ==, 1);
  g_object_unref (alice);

  assert_history_verifies (fixture->db);
}

/* A record that cannot be saved fails the whole rename: nothing is written, the person keeps
 * the name. */
static void
test_rename_rolls_back (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRegister) people = new_loaded_register (fixture->db, ANNEX_TYPE_PERSON);
  g_autoptr(AnnexRegister) actions = new_loaded_register (fixture->db, ANNEX_TYPE_ACTION);
  g_autoptr(AnnexRegister) documents = new_loaded_register (fixture->db, ANNEX_TYPE_DOCUMENT);
  g_autofree char *copy = NULL;
  AnnexPerson *erin;
  AnnexRecord *action, *document;
  sqlite3_stmt *stmt;
  guint entries_before;
  guint n_changed = 99;

  erin = add_person (people, "Erin Evans");
  action = add_record (actions, "title", "Review firewall rules", "owner", "Erin Evans", NULL);
  document = add_record (documents, "title", "Firewall standard", "owner", "Erin Evans", NULL);

  /* An interval the model refuses, written behind its back. */
  stmt = annex_database_prepare (fixture->db,
                                 "UPDATE documents SET review_interval = 500 WHERE id = ?",
                                 &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, annex_record_get_id (document));
  g_assert_true (annex_database_step_done (fixture->db, stmt, &error));
  g_assert_no_error (error);

  entries_before = count_history (fixture->db, "people", ANNEX_CHANGE_UPDATE) +
                   count_history (fixture->db, "actions", ANNEX_CHANGE_UPDATE);
  g_assert_false (annex_people_rename_person (people, erin, "Erin Ellis", TRUE, &n_changed,
                                              &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpstr (annex_person_get_name (erin), ==, "Erin Evans");
  g_assert_cmpuint (count_history (fixture->db, "people", ANNEX_CHANGE_UPDATE) +
                    count_history (fixture->db, "actions", ANNEX_CHANGE_UPDATE), ==,
                    entries_before);
  g_assert_cmpstr (stored_string (fixture->db, ANNEX_TYPE_PERSON,
                                  annex_record_get_id (ANNEX_RECORD (erin)), "name", &copy),
                   ==, "Erin Evans");
  g_clear_pointer (&copy, g_free);
  g_assert_cmpstr (stored_string (fixture->db, ANNEX_TYPE_ACTION, annex_record_get_id (action),
                                  "owner", &copy), ==, "Erin Evans");
  g_clear_pointer (&copy, g_free);

  assert_history_verifies (fixture->db);
}

/* Awareness activities with attendees from the people register, and the communication plan. */
static void
test_awareness_and_communication (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRegister) people = new_loaded_register (fixture->db, ANNEX_TYPE_PERSON);
  g_autoptr(AnnexRegister) activities = new_loaded_register (fixture->db, ANNEX_TYPE_AWARENESS);
  g_autoptr(AnnexRegister) plan = new_loaded_register (fixture->db, ANNEX_TYPE_COMMUNICATION);
  g_autoptr(AnnexAwareness) negative = annex_awareness_new ();
  AnnexPerson *dana;
  AnnexRecord *activity, *entry;

  dana = add_person (people, "Dana Diaz");
  activity = add_record (activities, "title", "Phishing awareness", "date", "2025-04-01",
                         "audience", "All staff", "attendance", (gint64) 42,
                         "other-attendees", "Temp worker", NULL);
  g_assert_cmpstr (annex_record_get_reference (activity), ==, "AW-001");
  g_assert_true (annex_links_add (fixture->db, "awareness_activities",
                                  annex_record_get_id (activity), ANNEX_AWARENESS_LINK_ATTENDEES,
                                  annex_record_get_id (ANNEX_RECORD (dana)), &error));
  g_assert_no_error (error);

  g_object_set (negative, "title", "Nobody", "attendance", (gint64) -1, NULL);
  g_assert_false (annex_register_add (activities, ANNEX_RECORD (negative), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  entry = add_record (plan, "subject", "Information security policy", "direction", "external",
                      "frequency", "On every new version", "audience", "Customers",
                      "communicator", "Dana Diaz", "method", "Website",
                      "next-due", "2025-05-01", NULL);
  g_assert_cmpstr (annex_record_get_reference (entry), ==, "COM-001");
  g_assert_true (annex_communication_is_overdue_on (ANNEX_COMMUNICATION (entry), "2025-05-02"));
  g_assert_false (annex_communication_is_overdue_on (ANNEX_COMMUNICATION (entry), "2025-05-01"));
  {
    g_autofree char *label = NULL;

    g_object_get (entry, "direction-label", &label, NULL);
    g_assert_cmpstr (label, ==, "External");
  }

  /* Removing the activity takes its attendee links; the person stays. */
  g_object_ref (activity);
  g_assert_true (annex_register_remove (activities, activity, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_history (fixture->db, "links", ANNEX_CHANGE_DELETE), ==, 1);
  g_assert_cmpint (annex_database_count_rows (fixture->db, "people", &error), ==, 1);
  g_object_unref (activity);

  g_assert_cmpint (annex_database_count_rows (fixture->db, "communications", &error), ==, 1);
  assert_history_verifies (fixture->db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/annex/documents/versions", test_document_versions);
  ADD ("/annex/documents/approve-rolls-back", test_approve_rolls_back);
  g_test_add_func ("/annex/documents/add-months", test_add_months);
  ADD ("/annex/documents/suggest-number", test_suggest_number);
  ADD ("/annex/documents/mandated-coverage", test_mandated_coverage);
  ADD ("/annex/documents/policy-check", test_policy_check);
  g_test_add_func ("/annex/people/competence-split", test_competence_split);
  ADD ("/annex/people/competence-gaps", test_competence_gaps);
  ADD ("/annex/people/names", test_people_names);
  ADD ("/annex/people/owner-rename-and-remove", test_owner_rename_and_remove);
  ADD ("/annex/people/rename-rolls-back", test_rename_rolls_back);
  ADD ("/annex/people/awareness-and-communication", test_awareness_and_communication);

#undef ADD

  return g_test_run ();
}
