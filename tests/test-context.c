/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-context.c: the context of the organization on a temporary workspace: issues and their
 * kind/category rule, interested parties with their requirements as child records (removed and
 * restored with the party, with their control links), the versioned scope (one draft, approval,
 * immutability, the version in force on a date) and the climate change decision, each write in
 * the change history. */

#define G_LOG_DOMAIN "test-context"

#include "config.h"

#include <string.h>

#include "annex-change-log.h"
#include "annex-context.h"
#include "annex-database.h"
#include "annex-issue.h"
#include "annex-links.h"
#include "annex-party-requirement.h"
#include "annex-party.h"
#include "annex-register.h"
#include "annex-scope-exclusion.h"
#include "annex-scope-version.h"
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
  path = g_build_filename (fixture->tmpdir, "context.isms", NULL);
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

static gint64
control_id (AnnexDatabase *db,
            const char    *reference)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = annex_database_prepare (db, "SELECT id FROM controls WHERE reference = ?",
                                               &error);
  gint64 id;

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
matches (AnnexRecord *record,
         const char  *text)
{
  g_autofree char *query = annex_record_prepare_query (text);

  return annex_record_matches (record, query);
}

/* Issues */

static void
test_issue_category_rule (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(AnnexIssue) issue = annex_issue_new ();
  g_autoptr(GError) error = NULL;
  AnnexRecord *record = ANNEX_RECORD (issue);
  guint n_kind = 0;

  g_assert_cmpstr (annex_issue_get_kind (issue), ==, "external");
  g_assert_null (annex_issue_get_category (issue));
  g_assert_cmpstr (annex_issue_get_status (issue), ==, "current");
  g_assert_false (annex_issue_get_climate (issue));

  g_assert_cmpstr (annex_issue_category_get_kind ("legal"), ==, "external");
  g_assert_cmpstr (annex_issue_category_get_kind ("culture"), ==, "internal");
  g_assert_null (annex_issue_category_get_kind ("nonsense"));
  g_assert_null (annex_issue_category_get_kind (NULL));
  g_assert_cmpuint (g_strv_length ((char **) annex_issue_kind_get_categories ("internal")), ==, 6);
  g_assert_cmpuint (g_strv_length ((char **) annex_issue_kind_get_categories ("external")), ==, 6);
  g_assert_null (annex_issue_kind_get_categories ("other"));

  g_signal_connect (issue, "notify::kind", G_CALLBACK (annex_test_count_cb), &n_kind);

  /* Choosing a category sets its kind. */
  annex_record_set_string (record, "category", "culture");
  g_assert_cmpstr (annex_issue_get_kind (issue), ==, "internal");
  g_assert_cmpuint (n_kind, ==, 1);

  /* A category of the same kind keeps the kind. */
  annex_record_set_string (record, "category", "processes");
  g_assert_cmpstr (annex_issue_get_kind (issue), ==, "internal");
  g_assert_cmpuint (n_kind, ==, 1);

  /* Changing the kind clears a category of the other kind. */
  annex_record_set_string (record, "kind", "external");
  g_assert_null (annex_issue_get_category (issue));
  annex_record_set_string (record, "category", "economic");
  annex_record_set_string (record, "kind", "external");
  g_assert_cmpstr (annex_issue_get_category (issue), ==, "economic");

  /* A mismatch that comes in another way (a load, an import) is refused by validation. */
  annex_record_set_string (record, "title", "Energy prices");
  g_assert_true (annex_record_validate (record, &error));
  g_assert_no_error (error);
  {
    g_autoptr(AnnexRecord) copy = annex_record_copy (record);
    g_autofree GValue *values = NULL;
    guint n_fields;
    guint kind_index;

    /* Load a mismatching pair as a row would come in, without the field_changed rule. */
    annex_record_class_get_fields (ANNEX_RECORD_GET_CLASS (copy), &n_fields);
    g_assert_nonnull (annex_record_class_find_field (ANNEX_RECORD_GET_CLASS (copy), "kind",
                                                     &kind_index));
    values = g_new0 (GValue, n_fields);
    for (guint i = 0; i < n_fields; i++)
      {
        g_value_init (&values[i], G_VALUE_TYPE (annex_record_get_value (copy, i)));
        g_value_copy (annex_record_get_value (copy, i), &values[i]);
      }
    g_value_set_string (&values[kind_index], "internal");
    _annex_record_load_values (copy, values);

    g_assert_cmpstr (annex_record_get_string (copy, "kind"), ==, "internal");
    g_assert_cmpstr (annex_record_get_string (copy, "category"), ==, "economic");
    g_assert_false (annex_record_validate (copy, &error));
    g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Economic"));
    g_clear_error (&error);
  }

  /* Labels follow. */
  {
    g_autofree char *label = NULL;

    g_object_get (issue, "category-label", &label, NULL);
    g_assert_cmpstr (label, ==, "Economic");
  }
}

static void
test_issue_register (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) issues = new_loaded_register (fixture->db, ANNEX_TYPE_ISSUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexIssue) a = annex_issue_new ();
  g_autoptr(AnnexIssue) b = annex_issue_new ();

  /* The title is required. */
  g_assert_false (annex_register_add (issues, ANNEX_RECORD (a), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  annex_record_set_string (ANNEX_RECORD (a), "title", "New data protection law");
  annex_record_set_string (ANNEX_RECORD (a), "category", "legal");
  annex_record_set_string (ANNEX_RECORD (a), "effect", "Records of processing needed");
  g_assert_true (annex_register_add (issues, ANNEX_RECORD (a), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (a)), ==, "IS-001");

  annex_record_set_string (ANNEX_RECORD (b), "title", "Small security team");
  annex_record_set_string (ANNEX_RECORD (b), "category", "resources");
  annex_record_set_string (ANNEX_RECORD (b), "status", "monitored");
  g_assert_true (annex_register_add (issues, ANNEX_RECORD (b), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (b)), ==, "IS-002");
  g_assert_cmpstr (annex_issue_get_kind (b), ==, "internal");

  /* Search: title, effect, the category by its label, the reference. */
  g_assert_true (matches (ANNEX_RECORD (a), "protection"));
  g_assert_true (matches (ANNEX_RECORD (a), "processing"));
  g_assert_true (matches (ANNEX_RECORD (a), "regulatory"));
  g_assert_true (matches (ANNEX_RECORD (b), "capabilities team"));
  g_assert_true (matches (ANNEX_RECORD (b), "is-002"));
  g_assert_false (matches (ANNEX_RECORD (b), "regulatory"));

  annex_record_set_string (ANNEX_RECORD (a), "last-reviewed", "2025-02-01");
  g_assert_true (annex_register_save (issues, ANNEX_RECORD (a), &error));
  g_assert_no_error (error);

  /* Persisted, and read back the same. */
  {
    g_autoptr(AnnexRegister) again = new_loaded_register (fixture->db, ANNEX_TYPE_ISSUE);
    AnnexRecord *read = annex_register_find (again, annex_record_get_id (ANNEX_RECORD (b)));

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
    g_assert_cmpstr (annex_record_get_string (read, "category"), ==, "resources");
    g_assert_cmpstr (annex_record_get_string (read, "kind"), ==, "internal");
    g_assert_cmpstr (annex_record_get_string (read, "status"), ==, "monitored");
  }

  g_assert_true (annex_register_remove (issues, ANNEX_RECORD (b), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->db, "issues"), ==, 1);

  g_assert_cmpuint (count_history (fixture->db, "issues", ANNEX_CHANGE_INSERT), ==, 2);
  g_assert_cmpuint (count_history (fixture->db, "issues", ANNEX_CHANGE_UPDATE), ==, 1);
  g_assert_cmpuint (count_history (fixture->db, "issues", ANNEX_CHANGE_DELETE), ==, 1);
  assert_history_verifies (fixture->db);
}

/* Parties and their requirements */

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
test_party_requirements_follow_party (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) parties = new_loaded_register (fixture->db, ANNEX_TYPE_PARTY);
  g_autoptr(AnnexRegister) requirements = new_loaded_register (fixture->db,
                                                               ANNEX_TYPE_PARTY_REQUIREMENT);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexParty) customer = annex_party_new ();
  g_autoptr(AnnexParty) regulator = annex_party_new ();
  g_autoptr(GArray) controls = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gint64 pr_ids[3];
  gint64 c_5_34 = control_id (fixture->db, "5.34");
  gint64 c_8_24 = control_id (fixture->db, "8.24");
  Flag flag = { FALSE };

  annex_record_set_string (ANNEX_RECORD (customer), "name", "Hospital customers");
  annex_record_set_string (ANNEX_RECORD (customer), "needs", "Availability of the service");
  annex_record_set_string (ANNEX_RECORD (customer), "relevance", "high");
  g_assert_true (annex_register_add (parties, ANNEX_RECORD (customer), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (customer)), ==, "IP-001");

  annex_record_set_string (ANNEX_RECORD (regulator), "name", "Data protection authority");
  annex_record_set_string (ANNEX_RECORD (regulator), "category", "regulators");
  g_assert_true (annex_register_add (parties, ANNEX_RECORD (regulator), &error));
  g_assert_no_error (error);

  g_assert_true (matches (ANNEX_RECORD (regulator), "authorities"));
  g_assert_true (matches (ANNEX_RECORD (customer), "availability"));
  g_assert_false (matches (ANNEX_RECORD (customer), "authorities"));

  /* A requirement needs an existing party. */
  {
    g_autoptr(AnnexPartyRequirement) orphan = annex_party_requirement_new (0);

    annex_record_set_string (ANNEX_RECORD (orphan), "requirement", "Something");
    g_assert_false (annex_register_add (requirements, ANNEX_RECORD (orphan), &error));
    g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
    g_clear_error (&error);
    annex_record_set_int (ANNEX_RECORD (orphan), "party-id", 4242);
    g_assert_false (annex_register_add (requirements, ANNEX_RECORD (orphan), &error));
    g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  for (guint i = 0; i < 3; i++)
    {
      AnnexParty *party = i < 2 ? customer : regulator;
      g_autoptr(AnnexPartyRequirement) requirement =
        annex_party_requirement_new (annex_record_get_id (ANNEX_RECORD (party)));
      g_autofree char *text = g_strdup_printf ("Requirement %u", i + 1);

      g_assert_cmpstr (annex_party_requirement_get_addressed (requirement), ==, "undecided");
      annex_record_set_string (ANNEX_RECORD (requirement), "requirement", text);
      annex_record_set_string (ANNEX_RECORD (requirement), "type",
                               i == 0 ? "contractual" : "legal");
      g_assert_true (annex_register_add (requirements, ANNEX_RECORD (requirement), &error));
      g_assert_no_error (error);
      pr_ids[i] = annex_record_get_id (ANNEX_RECORD (requirement));
    }
  g_assert_cmpstr (annex_record_get_reference (annex_register_find (requirements, pr_ids[0])),
                   ==, "PR-001");

  /* Controls that address requirement 1 and 3. */
  g_assert_true (annex_links_add (fixture->db, "party_requirements", pr_ids[0],
                                  ANNEX_PARTY_REQUIREMENT_LINK_TO, c_5_34, &error));
  g_assert_true (annex_links_add (fixture->db, "party_requirements", pr_ids[0],
                                  ANNEX_PARTY_REQUIREMENT_LINK_TO, c_8_24, &error));
  g_assert_true (annex_links_add (fixture->db, "party_requirements", pr_ids[2],
                                  ANNEX_PARTY_REQUIREMENT_LINK_TO, c_5_34, &error));
  g_assert_no_error (error);

  /* Removing the customer removes its two requirements and their links, in one write the
   * requirements' register sees through "changed". */
  g_signal_connect (requirements, "items-changed", G_CALLBACK (on_items_changed_cb), &flag);
  g_assert_true (annex_register_remove (parties, ANNEX_RECORD (customer), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->db, "parties"), ==, 1);
  g_assert_cmpint (count_rows (fixture->db, "party_requirements"), ==, 1);
  g_assert_cmpuint (count_history (fixture->db, "party_requirements", ANNEX_CHANGE_DELETE),
                    ==, 2);
  g_assert_cmpuint (count_history (fixture->db, "links", ANNEX_CHANGE_DELETE), ==, 2);
  controls = annex_links_dup_sources (fixture->db, "controls", c_5_34, "party_requirements",
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (controls->len, ==, 1);
  g_assert_cmpint (g_array_index (controls, gint64, 0), ==, pr_ids[2]);
  g_clear_pointer (&controls, g_array_unref);

  annex_test_wait_for (&flag.changed);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (requirements)), ==, 1);

  /* Undo brings the party, both requirements (same ids, references, values) and their links. */
  flag.changed = FALSE;
  g_assert_true (annex_register_restore (parties, ANNEX_RECORD (customer), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->db, "party_requirements"), ==, 3);
  g_assert_cmpuint (count_history (fixture->db, "party_requirements", ANNEX_CHANGE_INSERT), ==,
                    3 + 2);
  annex_test_wait_for (&flag.changed);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (requirements)), ==, 3);
  {
    AnnexRecord *first = annex_register_find (requirements, pr_ids[0]);

    g_assert_nonnull (first);
    g_assert_cmpstr (annex_record_get_reference (first), ==, "PR-001");
    g_assert_cmpstr (annex_record_get_string (first, "requirement"), ==, "Requirement 1");
    g_assert_cmpstr (annex_record_get_string (first, "type"), ==, "contractual");
    g_assert_true (matches (first, "requirement 1"));
    g_assert_true (matches (first, "pr-001"));
    g_assert_false (matches (first, "requirement 2"));
    g_assert_cmpint (annex_record_get_int (first, "party-id"), ==,
                     annex_record_get_id (ANNEX_RECORD (customer)));
  }
  controls = annex_links_dup_targets (fixture->db, "party_requirements", pr_ids[0], "controls",
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (controls->len, ==, 2);
  g_clear_pointer (&controls, g_array_unref);

  /* Removing one requirement on its own, and restoring it. */
  {
    g_autoptr(AnnexRecord) requirement = g_object_ref (annex_register_find (requirements,
                                                                            pr_ids[2]));

    g_assert_true (annex_register_remove (requirements, requirement, &error));
    g_assert_no_error (error);
    controls = annex_links_dup_sources (fixture->db, "controls", c_5_34, "party_requirements",
                                        &error);
    g_assert_cmpuint (controls->len, ==, 1);
    g_clear_pointer (&controls, g_array_unref);
    g_assert_true (annex_register_restore (requirements, requirement, &error));
    g_assert_no_error (error);
    controls = annex_links_dup_sources (fixture->db, "controls", c_5_34, "party_requirements",
                                        &error);
    g_assert_cmpuint (controls->len, ==, 2);
    g_clear_pointer (&controls, g_array_unref);

    /* Its party gone meanwhile: the requirement cannot come back. */
    g_assert_true (annex_register_remove (requirements, requirement, &error));
    g_assert_true (annex_register_remove (parties, ANNEX_RECORD (regulator), &error));
    g_assert_no_error (error);
    g_assert_false (annex_register_restore (requirements, requirement, &error));
    g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_assert_cmpuint (count_history (fixture->db, "parties", ANNEX_CHANGE_INSERT), ==, 3);
  g_assert_cmpuint (count_history (fixture->db, "parties", ANNEX_CHANGE_DELETE), ==, 2);
  assert_history_verifies (fixture->db);
}

/* A failed cascade leaves everything as it was. */
static void
test_party_remove_rolls_back (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) parties = new_loaded_register (fixture->db, ANNEX_TYPE_PARTY);
  g_autoptr(AnnexRegister) requirements = annex_register_new (fixture->db,
                                                              ANNEX_TYPE_PARTY_REQUIREMENT);
  g_autoptr(AnnexParty) party = annex_party_new ();
  g_autoptr(AnnexPartyRequirement) requirement = NULL;
  g_autoptr(GError) error = NULL;
  guint n_history;

  annex_record_set_string (ANNEX_RECORD (party), "name", "Owners");
  g_assert_true (annex_register_add (parties, ANNEX_RECORD (party), &error));
  requirement = annex_party_requirement_new (annex_record_get_id (ANNEX_RECORD (party)));
  annex_record_set_string (ANNEX_RECORD (requirement), "requirement", "Annual report");
  g_assert_true (annex_register_add (requirements, ANNEX_RECORD (requirement), &error));
  g_assert_no_error (error);

  /* The caller's transaction rolls back: party and requirement stay. */
  n_history = count_history (fixture->db, "party_requirements", ANNEX_CHANGE_DELETE);
  g_assert_true (annex_database_begin (fixture->db, &error));
  g_assert_true (annex_register_remove (parties, ANNEX_RECORD (party), &error));
  g_assert_no_error (error);
  annex_database_rollback (fixture->db);
  g_assert_cmpint (count_rows (fixture->db, "parties"), ==, 1);
  g_assert_cmpint (count_rows (fixture->db, "party_requirements"), ==, 1);
  g_assert_cmpuint (count_history (fixture->db, "party_requirements", ANNEX_CHANGE_DELETE), ==,
                    n_history);
}

/* Scope */

static AnnexScopeVersion *
add_draft (AnnexRegister *versions,
           const char    *statement)
{
  g_autoptr(GError) error = NULL;
  AnnexScopeVersion *draft = annex_scope_version_new_draft (versions, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (draft);
  annex_record_set_string (ANNEX_RECORD (draft), "statement", statement);
  g_assert_true (annex_register_save (versions, ANNEX_RECORD (draft), &error));
  g_assert_no_error (error);
  return draft;
}

static AnnexScopeExclusion *
add_exclusion (AnnexRegister     *exclusions,
               AnnexScopeVersion *version,
               const char        *text,
               const char        *justification,
               GError           **error)
{
  g_autoptr(AnnexScopeExclusion) exclusion =
    annex_scope_exclusion_new (annex_record_get_id (ANNEX_RECORD (version)));

  annex_record_set_string (ANNEX_RECORD (exclusion), "exclusion", text);
  annex_record_set_string (ANNEX_RECORD (exclusion), "justification", justification);
  if (!annex_register_add (exclusions, ANNEX_RECORD (exclusion), error))
    return NULL;
  return exclusion;  /* borrowed: the register holds it */
}

static void
test_scope_versions (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) versions = new_loaded_register (fixture->db,
                                                           ANNEX_TYPE_SCOPE_VERSION);
  g_autoptr(AnnexRegister) exclusions = new_loaded_register (fixture->db,
                                                             ANNEX_TYPE_SCOPE_EXCLUSION);
  g_autoptr(GError) error = NULL;
  AnnexScopeVersion *first;
  AnnexScopeVersion *second;
  AnnexScopeExclusion *exclusion;
  GListModel *model = G_LIST_MODEL (versions);

  g_assert_null (annex_scope_version_find_draft (model));
  g_assert_null (annex_scope_version_find_current (model));
  g_assert_null (annex_scope_version_in_force_on (model, "2025-01-01"));

  /* An empty first draft. */
  first = annex_scope_version_new_draft (versions, exclusions, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (first)), ==, "SC-001");
  g_assert_true (annex_scope_version_is_draft (first));
  g_assert_null (annex_scope_version_get_statement (first));
  g_assert_true (annex_scope_version_find_draft (model) == first);

  /* At most one draft, however it is added. */
  g_assert_null (annex_scope_version_new_draft (versions, exclusions, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(AnnexScopeVersion) other = annex_scope_version_new ();

    g_assert_false (annex_register_add (versions, ANNEX_RECORD (other), &error));
    g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* The status is Annex's to set. */
  {
    g_autoptr(AnnexScopeVersion) other = annex_scope_version_new ();

    annex_record_set_string (ANNEX_RECORD (other), "status", "approved");
    g_assert_false (annex_register_add (versions, ANNEX_RECORD (other), &error));
    g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* Approval needs an approver and a statement. */
  g_assert_false (annex_scope_version_approve (versions, first, " ", "2024-01-10", NULL, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (annex_scope_version_approve (versions, first, "CEO", "2024-01-10", NULL,
                                               &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (annex_scope_version_approve (versions, first, "CEO", "10.1.2024", NULL,
                                               &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  annex_record_set_string (ANNEX_RECORD (first), "statement", "Hosting of the patient portal");
  annex_record_set_string (ANNEX_RECORD (first), "locations", "Berlin office");
  g_assert_true (annex_register_save (versions, ANNEX_RECORD (first), &error));
  g_assert_no_error (error);

  /* An exclusion without a justification blocks approval, named by reference. */
  exclusion = add_exclusion (exclusions, first, "Physical office security", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (exclusion)), ==, "SX-001");
  g_assert_true (matches (ANNEX_RECORD (exclusion), "office security"));
  g_assert_true (matches (ANNEX_RECORD (first), "patient portal berlin"));
  g_assert_false (annex_scope_version_approve (versions, first, "CEO", "2024-01-10", NULL,
                                               &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "SX-001"));
  g_clear_error (&error);
  g_assert_true (annex_scope_version_is_draft (first));
  g_assert_null (annex_record_get_string (ANNEX_RECORD (first), "approved-by"));

  annex_record_set_string (ANNEX_RECORD (exclusion), "justification",
                           "The data centre provider covers it");
  g_assert_true (annex_register_save (exclusions, ANNEX_RECORD (exclusion), &error));
  g_assert_no_error (error);

  g_assert_true (annex_scope_version_approve (versions, first, " CEO ", "2024-01-10", NULL,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpstr (annex_scope_version_get_status (first), ==, "approved");
  g_assert_cmpstr (annex_record_get_string (ANNEX_RECORD (first), "approved-by"), ==, "CEO");
  g_assert_cmpstr (annex_scope_version_get_approved_on (first), ==, "2024-01-10");
  g_assert_cmpstr (annex_scope_version_get_in_force_from (first), ==, "2024-01-10");
  g_assert_true (annex_scope_version_find_current (model) == first);
  g_assert_null (annex_scope_version_find_draft (model));

  /* Approved: immutable, with its exclusions. */
  annex_record_set_string (ANNEX_RECORD (first), "statement", "Everything");
  g_assert_false (annex_register_save (versions, ANNEX_RECORD (first), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  annex_record_set_string (ANNEX_RECORD (first), "statement", "Hosting of the patient portal");
  g_assert_false (annex_register_remove (versions, ANNEX_RECORD (first), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  annex_record_set_string (ANNEX_RECORD (exclusion), "justification", "Changed");
  g_assert_false (annex_register_save (exclusions, ANNEX_RECORD (exclusion), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  annex_record_set_string (ANNEX_RECORD (exclusion), "justification",
                           "The data centre provider covers it");
  g_assert_false (annex_register_remove (exclusions, ANNEX_RECORD (exclusion), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (add_exclusion (exclusions, first, "More", "Because", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A new draft copies the version in force and its exclusions. */
  second = annex_scope_version_new_draft (versions, exclusions, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (second)), ==, "SC-002");
  g_assert_cmpstr (annex_scope_version_get_statement (second), ==,
                   "Hosting of the patient portal");
  g_assert_cmpstr (annex_record_get_string (ANNEX_RECORD (second), "locations"), ==,
                   "Berlin office");
  g_assert_null (annex_record_get_string (ANNEX_RECORD (second), "approved-by"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (exclusions)), ==, 2);
  {
    AnnexScopeExclusion *copy = g_list_model_get_item (G_LIST_MODEL (exclusions), 1);

    g_assert_cmpint (annex_scope_exclusion_get_scope_id (copy), ==,
                     annex_record_get_id (ANNEX_RECORD (second)));
    g_assert_cmpstr (annex_scope_exclusion_get_exclusion (copy), ==, "Physical office security");
    g_assert_cmpstr (annex_scope_exclusion_get_justification (copy), ==,
                     "The data centre provider covers it");

    /* A draft's exclusions can be edited and deleted. */
    annex_record_set_string (ANNEX_RECORD (copy), "exclusion", "Physical security of Berlin");
    g_assert_true (annex_register_save (exclusions, ANNEX_RECORD (copy), &error));
    g_assert_no_error (error);
    g_object_unref (copy);
  }
  annex_record_set_string (ANNEX_RECORD (second), "change-summary", "Adds Hamburg");
  annex_record_set_string (ANNEX_RECORD (second), "locations", "Berlin and Hamburg offices");
  g_assert_true (annex_register_save (versions, ANNEX_RECORD (second), &error));
  g_assert_no_error (error);

  /* Approved later, in force from a date before the approval. */
  g_assert_true (annex_scope_version_approve (versions, second, "Board", "2025-03-01",
                                              "2025-02-15", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (annex_scope_version_get_status (first), ==, "superseded");
  g_assert_cmpstr (annex_scope_version_get_status (second), ==, "approved");
  g_assert_true (annex_scope_version_find_current (model) == second);

  /* Superseded stays immutable too. */
  annex_record_set_string (ANNEX_RECORD (first), "statement", "Everything");
  g_assert_false (annex_register_save (versions, ANNEX_RECORD (first), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  annex_record_set_string (ANNEX_RECORD (first), "statement", "Hosting of the patient portal");

  /* Which scope applied when. */
  g_assert_null (annex_scope_version_in_force_on (model, "2024-01-09"));
  g_assert_true (annex_scope_version_in_force_on (model, "2024-01-10") == first);
  g_assert_true (annex_scope_version_in_force_on (model, "2025-02-14") == first);
  g_assert_true (annex_scope_version_in_force_on (model, "2025-02-15") == second);
  g_assert_true (annex_scope_version_in_force_on (model, "2030-01-01") == second);

  /* The history holds every step: 2 inserts + 2 exclusions copied/added, the approvals. */
  g_assert_cmpuint (count_history (fixture->db, "scope_versions", ANNEX_CHANGE_INSERT), ==, 2);
  g_assert_cmpuint (count_history (fixture->db, "scope_exclusions", ANNEX_CHANGE_INSERT), ==, 2);
  /* first: statement, approval, superseded; second: texts, approval. */
  g_assert_cmpuint (count_history (fixture->db, "scope_versions", ANNEX_CHANGE_UPDATE), ==, 5);
  assert_history_verifies (fixture->db);

  /* Persisted. */
  {
    g_autoptr(AnnexRegister) again = new_loaded_register (fixture->db,
                                                          ANNEX_TYPE_SCOPE_VERSION);
    AnnexScopeVersion *current = annex_scope_version_find_current (G_LIST_MODEL (again));
    g_autofree char *title = NULL;

    g_assert_nonnull (current);
    g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (current)), ==, "SC-002");
    g_assert_cmpstr (annex_scope_version_get_in_force_from (current), ==, "2025-02-15");
    g_object_get (current, "display-title", &title, NULL);
    g_assert_cmpstr (title, ==, "In force from 2025-02-15");
  }
}

static void
test_scope_draft_delete_restore (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) versions = new_loaded_register (fixture->db,
                                                           ANNEX_TYPE_SCOPE_VERSION);
  g_autoptr(AnnexRegister) exclusions = annex_register_new (fixture->db,
                                                            ANNEX_TYPE_SCOPE_EXCLUSION);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexScopeVersion) draft = NULL;

  draft = g_object_ref (add_draft (versions, "Everything"));
  g_assert_nonnull (add_exclusion (exclusions, draft, "Canteen", NULL, &error));
  g_assert_no_error (error);

  /* Deleting a draft takes its exclusions with it; Undo brings them back. */
  g_assert_true (annex_register_remove (versions, ANNEX_RECORD (draft), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->db, "scope_exclusions"), ==, 0);
  g_assert_true (annex_register_restore (versions, ANNEX_RECORD (draft), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->db, "scope_exclusions"), ==, 1);

  /* A deleted draft cannot come back while another draft exists. */
  g_assert_true (annex_register_remove (versions, ANNEX_RECORD (draft), &error));
  g_assert_no_error (error);
  add_draft (versions, "Something else");
  g_assert_false (annex_register_restore (versions, ANNEX_RECORD (draft), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture->db, "scope_versions"), ==, 1);
  g_assert_cmpint (count_rows (fixture->db, "scope_exclusions"), ==, 0);
  assert_history_verifies (fixture->db);
}

static void
test_scope_in_force_ties (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) versions = new_loaded_register (fixture->db,
                                                           ANNEX_TYPE_SCOPE_VERSION);
  g_autoptr(GError) error = NULL;
  AnnexScopeVersion *a;
  AnnexScopeVersion *b;
  AnnexScopeVersion *c;

  a = add_draft (versions, "A");
  g_assert_true (annex_scope_version_approve (versions, a, "CEO", "2024-05-01", "2024-06-01",
                                              &error));
  b = add_draft (versions, "B");
  /* Same start, approved later: b wins from that day. */
  g_assert_true (annex_scope_version_approve (versions, b, "CEO", "2024-05-20", "2024-06-01",
                                              &error));
  c = add_draft (versions, "C");
  /* Same start and same approval day: the later version wins. */
  g_assert_true (annex_scope_version_approve (versions, c, "CEO", "2024-05-20", "2024-06-01",
                                              &error));
  g_assert_no_error (error);

  g_assert_null (annex_scope_version_in_force_on (G_LIST_MODEL (versions), "2024-05-31"));
  g_assert_true (annex_scope_version_in_force_on (G_LIST_MODEL (versions), "2024-06-01") == c);
  g_assert_cmpstr (annex_scope_version_get_status (a), ==, "superseded");
  g_assert_cmpstr (annex_scope_version_get_status (b), ==, "superseded");
  g_assert_cmpstr (annex_scope_version_get_status (c), ==, "approved");
}

/* Climate change */

static void
test_climate_decision (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(AnnexRegister) issues = new_loaded_register (fixture->db, ANNEX_TYPE_ISSUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexIssue) flood = annex_issue_new ();
  g_autoptr(AnnexIssue) found = NULL;
  g_autofree char *note = NULL;
  guint n_settings;

  g_assert_cmpint (annex_context_get_climate_decision (fixture->db, G_LIST_MODEL (issues),
                                                       &found, &note),
                   ==, ANNEX_CLIMATE_UNANSWERED);
  g_assert_null (found);
  g_assert_null (note);
  g_assert_cmpstr (annex_climate_decision_to_string (ANNEX_CLIMATE_UNANSWERED), ==,
                   "unanswered");

  /* A note answers "not relevant"; a blank one is refused. */
  g_assert_false (annex_context_set_climate_note (fixture->db, "  ", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  n_settings = count_history (fixture->db, "workspace", ANNEX_CHANGE_UPDATE) +
               count_history (fixture->db, "workspace", ANNEX_CHANGE_INSERT);
  g_assert_true (annex_context_set_climate_note (fixture->db,
                                                 "Software only, no physical sites at risk ",
                                                 &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_history (fixture->db, "workspace", ANNEX_CHANGE_UPDATE) +
                    count_history (fixture->db, "workspace", ANNEX_CHANGE_INSERT),
                    ==, n_settings + 1);
  g_assert_cmpint (annex_context_get_climate_decision (fixture->db, NULL, NULL, &note),
                   ==, ANNEX_CLIMATE_NOT_RELEVANT);
  g_assert_cmpstr (note, ==, "Software only, no physical sites at risk");
  g_clear_pointer (&note, g_free);

  /* A climate issue that is not closed makes it relevant, over the note. */
  annex_record_set_string (ANNEX_RECORD (flood), "title", "Flooding of the data centre");
  annex_record_set_string (ANNEX_RECORD (flood), "category", "environmental");
  annex_record_set_int (ANNEX_RECORD (flood), "climate", TRUE);
  g_assert_true (annex_register_add (issues, ANNEX_RECORD (flood), &error));
  g_assert_no_error (error);
  g_assert_cmpint (annex_context_get_climate_decision (fixture->db, G_LIST_MODEL (issues),
                                                       &found, NULL),
                   ==, ANNEX_CLIMATE_RELEVANT);
  g_assert_true (found == flood);
  g_clear_object (&found);
  /* Read from the workspace when no model is given. */
  g_assert_cmpint (annex_context_get_climate_decision (fixture->db, NULL, &found, NULL),
                   ==, ANNEX_CLIMATE_RELEVANT);
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (found)), ==, "IS-001");
  g_clear_object (&found);

  /* Closed: back to the note; without the note: unanswered. */
  annex_record_set_string (ANNEX_RECORD (flood), "status", "closed");
  g_assert_true (annex_register_save (issues, ANNEX_RECORD (flood), &error));
  g_assert_no_error (error);
  g_assert_cmpint (annex_context_get_climate_decision (fixture->db, G_LIST_MODEL (issues),
                                                       NULL, NULL),
                   ==, ANNEX_CLIMATE_NOT_RELEVANT);
  g_assert_true (annex_context_clear_climate_note (fixture->db, &error));
  g_assert_no_error (error);
  g_assert_null (annex_context_dup_climate_note (fixture->db));
  g_assert_cmpint (annex_context_get_climate_decision (fixture->db, G_LIST_MODEL (issues),
                                                       NULL, NULL),
                   ==, ANNEX_CLIMATE_UNANSWERED);
  g_assert_cmpstr (annex_climate_decision_to_string (ANNEX_CLIMATE_NOT_RELEVANT), ==,
                   "not-relevant");
  assert_history_verifies (fixture->db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/annex/context/issue-category-rule", test_issue_category_rule);
  ADD ("/annex/context/issue-register", test_issue_register);
  ADD ("/annex/context/party-requirements-follow-party", test_party_requirements_follow_party);
  ADD ("/annex/context/party-remove-rolls-back", test_party_remove_rolls_back);
  ADD ("/annex/context/scope-versions", test_scope_versions);
  ADD ("/annex/context/scope-draft-delete-restore", test_scope_draft_delete_restore);
  ADD ("/annex/context/scope-in-force-ties", test_scope_in_force_ties);
  ADD ("/annex/context/climate-decision", test_climate_decision);

#undef ADD

  return g_test_run ();
}
