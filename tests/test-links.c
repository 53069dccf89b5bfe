/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-links.c: links between records of two registers on a temporary workspace: add, remove,
 * set the targets, list and count them, refusals, their change history, and how they follow a
 * record's remove and restore through the register. */

#define G_LOG_DOMAIN "test-links"

#include "config.h"

#include <string.h>

#include "annex-action.h"
#include "annex-change-log.h"
#include "annex-database.h"
#include "annex-issue.h"
#include "annex-links.h"
#include "annex-register.h"
#include "annex-store-error.h"
#include "annex-test-util.h"

typedef struct
{
  char          *tmpdir;
  AnnexDatabase *db;
  AnnexRegister *actions;
  AnnexRegister *issues;
  gint64         action_ids[3];
  gint64         issue_ids[3];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->tmpdir = annex_test_make_tmpdir ();
  path = g_build_filename (fixture->tmpdir, "links.isms", NULL);
  fixture->db = annex_database_create (path, "Acme Ltd", &error);
  g_assert_no_error (error);

  fixture->actions = annex_register_new (fixture->db, ANNEX_TYPE_ACTION);
  fixture->issues = annex_register_new (fixture->db, ANNEX_TYPE_ISSUE);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AnnexAction) action = annex_action_new ();
      g_autoptr(AnnexIssue) issue = annex_issue_new ();
      g_autofree char *title = g_strdup_printf ("Record %u", i + 1);

      annex_action_set_title (action, title);
      g_assert_true (annex_register_add (fixture->actions, ANNEX_RECORD (action), &error));
      g_assert_no_error (error);
      fixture->action_ids[i] = annex_record_get_id (ANNEX_RECORD (action));

      annex_record_set_string (ANNEX_RECORD (issue), "title", title);
      g_assert_true (annex_register_add (fixture->issues, ANNEX_RECORD (issue), &error));
      g_assert_no_error (error);
      fixture->issue_ids[i] = annex_record_get_id (ANNEX_RECORD (issue));
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->actions));
  g_assert_finalize_object (g_steal_pointer (&fixture->issues));
  annex_database_close (fixture->db);
  g_assert_finalize_object (g_steal_pointer (&fixture->db));
  annex_test_rm_rf (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

/* The number of change-history entries of @table of @kind. */
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

/* Asserts that @ids holds exactly the @n given values, in order. */
static void
assert_ids (GArray       *ids,
            guint         n,
            const gint64 *expected)
{
  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, expected[i]);
}

static void
test_add_remove (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) targets = NULL;
  g_autoptr(GArray) sources = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  AnnexChangeEntry *entry;
  gint64 *a = fixture->action_ids;
  gint64 *s = fixture->issue_ids;
  guint changed = 0;

  g_signal_connect (fixture->db, "changed::links", G_CALLBACK (annex_test_count_cb), &changed);

  targets = annex_links_dup_targets (fixture->db, "actions", a[0], "issues", &error);
  g_assert_no_error (error);
  assert_ids (targets, 0, NULL);
  g_clear_pointer (&targets, g_array_unref);

  g_assert_true (annex_links_add (fixture->db, "actions", a[0], "issues", s[2], &error));
  g_assert_no_error (error);
  g_assert_true (annex_links_add (fixture->db, "actions", a[0], "issues", s[0], &error));
  g_assert_no_error (error);
  g_assert_true (annex_links_add (fixture->db, "actions", a[1], "issues", s[0], &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpuint (count_history (fixture->db, "links", ANNEX_CHANGE_INSERT), ==, 3);

  /* A link that exists already: nothing written. */
  g_assert_true (annex_links_add (fixture->db, "actions", a[0], "issues", s[0], &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_history (fixture->db, "links", ANNEX_CHANGE_INSERT), ==, 3);

  {
    const gint64 expected[] = { s[0], s[2] };

    targets = annex_links_dup_targets (fixture->db, "actions", a[0], "issues", &error);
    g_assert_no_error (error);
    assert_ids (targets, 2, expected);
  }
  {
    const gint64 expected[] = { a[0], a[1] };

    sources = annex_links_dup_sources (fixture->db, "issues", s[0], "actions", &error);
    g_assert_no_error (error);
    assert_ids (sources, 2, expected);
  }

  /* The history names both ends by table and reference. */
  entries = annex_change_log_list (fixture->db, "links", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->after, ==,
                   "{\"from_table\":\"actions\",\"from\":\"A-001\","
                   "\"to_table\":\"issues\",\"to\":\"IS-003\"}");

  g_assert_true (annex_links_remove (fixture->db, "actions", a[0], "issues", s[2], &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_history (fixture->db, "links", ANNEX_CHANGE_DELETE), ==, 1);
  /* Removing a link that does not exist is no error and writes nothing. */
  g_assert_true (annex_links_remove (fixture->db, "actions", a[0], "issues", s[2], &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_history (fixture->db, "links", ANNEX_CHANGE_DELETE), ==, 1);

  g_clear_pointer (&targets, g_array_unref);
  {
    const gint64 expected[] = { s[0] };

    targets = annex_links_dup_targets (fixture->db, "actions", a[0], "issues", &error);
    g_assert_no_error (error);
    assert_ids (targets, 1, expected);
  }

  assert_history_verifies (fixture->db);
}

static void
test_set_targets_and_count (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) targets = NULL;
  g_autoptr(GHashTable) counts = NULL;
  gint64 *a = fixture->action_ids;
  gint64 *s = fixture->issue_ids;

  {
    const gint64 ids[] = { s[2], s[0], s[2] };  /* a duplicate, unsorted */
    const gint64 expected[] = { s[0], s[2] };

    g_assert_true (annex_links_set_targets (fixture->db, "actions", a[0], "issues", ids, 3,
                                            &error));
    g_assert_no_error (error);
    targets = annex_links_dup_targets (fixture->db, "actions", a[0], "issues", &error);
    g_assert_no_error (error);
    assert_ids (targets, 2, expected);
    g_assert_cmpuint (count_history (fixture->db, "links", ANNEX_CHANGE_INSERT), ==, 2);
  }

  {
    /* Only the differences are written: s[0] stays, s[2] goes, s[1] comes. */
    const gint64 ids[] = { s[1], s[0] };
    const gint64 expected[] = { s[0], s[1] };

    g_assert_true (annex_links_set_targets (fixture->db, "actions", a[0], "issues", ids, 2,
                                            &error));
    g_assert_no_error (error);
    g_clear_pointer (&targets, g_array_unref);
    targets = annex_links_dup_targets (fixture->db, "actions", a[0], "issues", &error);
    g_assert_no_error (error);
    assert_ids (targets, 2, expected);
    g_assert_cmpuint (count_history (fixture->db, "links", ANNEX_CHANGE_INSERT), ==, 3);
    g_assert_cmpuint (count_history (fixture->db, "links", ANNEX_CHANGE_DELETE), ==, 1);
  }

  {
    /* A missing target refuses the whole set: nothing changes. */
    const gint64 ids[] = { s[2], 9999 };
    const gint64 expected[] = { s[0], s[1] };

    g_assert_false (annex_links_set_targets (fixture->db, "actions", a[0], "issues", ids, 2,
                                             &error));
    g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_clear_pointer (&targets, g_array_unref);
    targets = annex_links_dup_targets (fixture->db, "actions", a[0], "issues", &error);
    g_assert_no_error (error);
    assert_ids (targets, 2, expected);
  }

  g_assert_true (annex_links_add (fixture->db, "actions", a[1], "issues", s[1], &error));
  g_assert_no_error (error);
  g_assert_true (annex_links_add (fixture->db, "actions", a[2], "issues", s[1], &error));
  g_assert_no_error (error);

  counts = annex_links_count_sources (fixture->db, "actions", "issues", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, &s[0])), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, &s[1])), ==, 3);
  g_assert_false (g_hash_table_contains (counts, &s[2]));

  /* An empty set removes them all. */
  g_assert_true (annex_links_set_targets (fixture->db, "actions", a[0], "issues", NULL, 0,
                                          &error));
  g_assert_no_error (error);
  g_clear_pointer (&targets, g_array_unref);
  targets = annex_links_dup_targets (fixture->db, "actions", a[0], "issues", &error);
  g_assert_no_error (error);
  assert_ids (targets, 0, NULL);

  assert_history_verifies (fixture->db);
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) counts = NULL;
  gint64 *a = fixture->action_ids;
  gint64 *s = fixture->issue_ids;

  /* Unknown tables: never interpolated, refused. */
  g_assert_false (annex_links_add (fixture->db, "actions", a[0], "nonsense", s[0], &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (annex_links_add (fixture->db, "links", 1, "issues", s[0], &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (annex_links_add (fixture->db, "actions; DROP TABLE actions", a[0], "issues",
                                   s[0], &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ids = annex_links_dup_targets (fixture->db, "change_log", 1, "issues", &error);
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_null (ids);
  g_clear_error (&error);
  ids = annex_links_dup_sources (fixture->db, "issues", s[0], "workspace", &error);
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_null (ids);
  g_clear_error (&error);
  counts = annex_links_count_sources (fixture->db, "actions", "", &error);
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_null (counts);
  g_clear_error (&error);

  /* Missing records, either end. */
  g_assert_false (annex_links_add (fixture->db, "actions", 4242, "issues", s[0], &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (annex_links_add (fixture->db, "actions", a[0], "issues", 4242, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (annex_links_remove (fixture->db, "actions", a[0], "issues", 4242, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpuint (count_history (fixture->db, "links", ANNEX_CHANGE_INSERT), ==, 0);
  g_assert_false (annex_database_in_transaction (fixture->db));
}

/* Links inside a caller's transaction roll back with it. */
static void
test_caller_transaction (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) targets = NULL;

  g_assert_true (annex_database_begin (fixture->db, &error));
  g_assert_true (annex_links_add (fixture->db, "actions", fixture->action_ids[0], "issues",
                                  fixture->issue_ids[0], &error));
  g_assert_no_error (error);
  annex_database_rollback (fixture->db);

  targets = annex_links_dup_targets (fixture->db, "actions", fixture->action_ids[0], "issues",
                                     &error);
  g_assert_no_error (error);
  assert_ids (targets, 0, NULL);
  g_assert_cmpuint (count_history (fixture->db, "links", ANNEX_CHANGE_INSERT), ==, 0);
}

static void
test_remove_restore_record (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) targets = NULL;
  g_autoptr(GArray) sources = NULL;
  g_autoptr(AnnexRecord) issue = NULL;
  gint64 *a = fixture->action_ids;
  gint64 *s = fixture->issue_ids;

  /* The issue s[0] is linked in both directions. */
  g_assert_true (annex_links_add (fixture->db, "actions", a[0], "issues", s[0], &error));
  g_assert_true (annex_links_add (fixture->db, "actions", a[1], "issues", s[0], &error));
  g_assert_true (annex_links_add (fixture->db, "issues", s[0], "actions", a[2], &error));
  g_assert_true (annex_links_add (fixture->db, "actions", a[1], "issues", s[1], &error));
  g_assert_no_error (error);

  issue = g_object_ref (annex_register_find (fixture->issues, s[0]));
  g_assert_true (annex_register_remove (fixture->issues, issue, &error));
  g_assert_no_error (error);

  sources = annex_links_dup_sources (fixture->db, "issues", s[0], "actions", &error);
  g_assert_no_error (error);
  assert_ids (sources, 0, NULL);
  targets = annex_links_dup_targets (fixture->db, "issues", s[0], "actions", &error);
  g_assert_no_error (error);
  assert_ids (targets, 0, NULL);
  g_clear_pointer (&targets, g_array_unref);
  g_clear_pointer (&sources, g_array_unref);
  g_assert_cmpuint (count_history (fixture->db, "links", ANNEX_CHANGE_DELETE), ==, 3);
  /* The other record's link is untouched. */
  {
    const gint64 expected[] = { s[1] };

    targets = annex_links_dup_targets (fixture->db, "actions", a[1], "issues", &error);
    g_assert_no_error (error);
    assert_ids (targets, 1, expected);
    g_clear_pointer (&targets, g_array_unref);
  }

  g_assert_true (annex_register_restore (fixture->issues, issue, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_history (fixture->db, "links", ANNEX_CHANGE_INSERT), ==, 4 + 3);
  {
    const gint64 expected_sources[] = { a[0], a[1] };
    const gint64 expected_targets[] = { a[2] };

    sources = annex_links_dup_sources (fixture->db, "issues", s[0], "actions", &error);
    g_assert_no_error (error);
    assert_ids (sources, 2, expected_sources);
    targets = annex_links_dup_targets (fixture->db, "issues", s[0], "actions", &error);
    g_assert_no_error (error);
    assert_ids (targets, 1, expected_targets);
    g_clear_pointer (&targets, g_array_unref);
    g_clear_pointer (&sources, g_array_unref);
  }

  /* Remove again, delete an action it linked to meanwhile, restore: that link stays gone. */
  g_assert_true (annex_register_remove (fixture->issues, issue, &error));
  g_assert_no_error (error);
  g_assert_true (annex_register_remove (fixture->actions,
                                        annex_register_find (fixture->actions, a[1]), &error));
  g_assert_no_error (error);
  g_assert_true (annex_register_restore (fixture->issues, issue, &error));
  g_assert_no_error (error);
  {
    const gint64 expected_sources[] = { a[0] };
    const gint64 expected_targets[] = { a[2] };

    sources = annex_links_dup_sources (fixture->db, "issues", s[0], "actions", &error);
    g_assert_no_error (error);
    assert_ids (sources, 1, expected_sources);
    targets = annex_links_dup_targets (fixture->db, "issues", s[0], "actions", &error);
    g_assert_no_error (error);
    assert_ids (targets, 1, expected_targets);
  }

  /* The deleted action took its own link to s[1] with it. */
  {
    g_autoptr(GHashTable) counts = annex_links_count_sources (fixture->db, "actions", "issues",
                                                              &error);

    g_assert_no_error (error);
    g_assert_false (g_hash_table_contains (counts, &s[1]));
  }

  assert_history_verifies (fixture->db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/annex/links/add-remove", test_add_remove);
  ADD ("/annex/links/set-targets-and-count", test_set_targets_and_count);
  ADD ("/annex/links/refusals", test_refusals);
  ADD ("/annex/links/caller-transaction", test_caller_transaction);
  ADD ("/annex/links/remove-restore-record", test_remove_restore_record);

#undef ADD

  return g_test_run ();
}
