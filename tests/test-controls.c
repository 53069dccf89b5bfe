/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-controls.c: the controls of the Statement of Applicability and the requirements
 * checklist on a temporary workspace: the seeded catalogue, its migration into an older
 * workspace, the completeness rules, the summary, bulk edits, filters, organization-specific
 * controls and what users may not add, change or delete. */

#define G_LOG_DOMAIN "test-controls"

#include "config.h"

#include <string.h>

#include "annex-action.h"
#include "annex-change-log.h"
#include "annex-control.h"
#include "annex-database.h"
#include "annex-database-private.h"
#include "annex-register.h"
#include "annex-requirement.h"
#include "annex-store-error.h"
#include "annex-test-util.h"

typedef struct
{
  char          *tmpdir;
  char          *path;
  AnnexDatabase *db;
  AnnexRegister *controls;
  AnnexRegister *requirements;
  AnnexRegister *actions;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = annex_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->tmpdir, "acme.isms", NULL);
  fixture->db = annex_database_create (fixture->path, "Acme Ltd", &error);
  g_assert_no_error (error);

  fixture->controls = annex_register_new (fixture->db, ANNEX_TYPE_CONTROL);
  fixture->requirements = annex_register_new (fixture->db, ANNEX_TYPE_REQUIREMENT);
  fixture->actions = annex_register_new (fixture->db, ANNEX_TYPE_ACTION);
  annex_register_load (fixture->controls, &error);
  g_assert_no_error (error);
  annex_register_load (fixture->requirements, &error);
  g_assert_no_error (error);
  annex_register_load (fixture->actions, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->controls));
  g_assert_finalize_object (g_steal_pointer (&fixture->requirements));
  g_assert_finalize_object (g_steal_pointer (&fixture->actions));
  annex_database_close (fixture->db);
  g_assert_finalize_object (g_steal_pointer (&fixture->db));
  annex_test_rm_rf (fixture->tmpdir);
  g_free (fixture->path);
  g_free (fixture->tmpdir);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

/* Helpers */

static AnnexControl *
find_control (AnnexRegister *controls,
              const char    *reference)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (controls));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRecord) record = g_list_model_get_item (G_LIST_MODEL (controls), i);

      if (g_strcmp0 (annex_record_get_reference (record), reference) == 0)
        return ANNEX_CONTROL (record);  /* the register keeps it alive */
    }

  g_error ("no control %s", reference);
  return NULL;
}

static AnnexRecord *
find_record (AnnexRegister *reg,
             const char    *reference)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (reg));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRecord) record = g_list_model_get_item (G_LIST_MODEL (reg), i);

      if (g_strcmp0 (annex_record_get_reference (record), reference) == 0)
        return record;
    }

  return NULL;
}

static guint
count_history (AnnexDatabase *db,
               const char    *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = annex_change_log_list (db, NULL, 0, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      AnnexChangeEntry *entry = g_ptr_array_index (entries, i);

      if (table == NULL || g_strcmp0 (entry->table_name, table) == 0)
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

static void
set_applicable (AnnexControl *control,
                const char   *reason)
{
  g_object_set (control, "applicability", "applicable", NULL);
  if (reason != NULL)
    g_object_set (control, reason, TRUE, NULL);
}

static void
save (AnnexRegister *reg,
      gpointer       record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (annex_register_save (reg, ANNEX_RECORD (record), &error));
  g_assert_no_error (error);
}

static void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        guint      *counter)
{
  (*counter)++;
}

/* The references of the controls matching @filter, space-separated in register order. */
static char *
filter_references (AnnexRegister            *controls,
                   const AnnexControlFilter *filter)
{
  GString *text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (controls));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexControl) control = g_list_model_get_item (G_LIST_MODEL (controls), i);

      if (!annex_control_matches_filter (control, filter))
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, annex_record_get_reference (ANNEX_RECORD (control)));
    }

  return g_string_free (text, FALSE);
}

/* The same set, straight from the catalogue: the Annex A controls carrying @flag of @attribute. */
static char *
catalogue_references (AnnexCatalogueAttribute attribute,
                      guint                   flag)
{
  GString *text = g_string_new (NULL);
  guint n = 0;
  const AnnexCatalogueControl *catalogue = annex_catalogue_get_controls (&n);

  for (guint i = 0; i < n; i++)
    {
      if ((annex_catalogue_control_get_flags (&catalogue[i], attribute) & flag) == 0)
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, catalogue[i].id);
    }

  return g_string_free (text, FALSE);
}

/* Tests */

/* A new workspace holds the 93 Annex A controls in catalogue order and the 30 requirements. */
static void
test_new_workspace (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  const AnnexCatalogueControl *catalogue;
  const AnnexCatalogueClause *clauses;
  guint per_theme[ANNEX_N_CONTROL_THEMES] = { 0 };
  guint n_catalogue = 0;
  guint n_clauses = 0;
  guint n_requirements = 0;
  gint64 previous_id = 0;

  catalogue = annex_catalogue_get_controls (&n_catalogue);
  g_assert_cmpuint (n_catalogue, ==, 93);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->controls)), ==, 93);
  g_assert_cmpint (annex_database_count_rows (fixture->db, "controls", &error), ==, 93);
  g_assert_no_error (error);

  for (guint i = 0; i < 93; i++)
    {
      g_autoptr(AnnexControl) control = g_list_model_get_item (G_LIST_MODEL (fixture->controls),
                                                               i);
      AnnexRecord *record = ANNEX_RECORD (control);
      const char *reference = annex_record_get_reference (record);
      AnnexControlTheme theme;

      /* Catalogue order, which is also id order. */
      g_assert_cmpstr (reference, ==, catalogue[i].id);
      g_assert_cmpint (annex_record_get_id (record), >, previous_id);
      previous_id = annex_record_get_id (record);
      g_assert_false (g_hash_table_contains (seen, reference));
      g_hash_table_add (seen, (gpointer) reference);

      g_assert_true (annex_control_is_annex_a (control));
      g_assert_true (annex_control_get_catalogue_entry (control) == &catalogue[i]);
      g_assert_cmpstr (annex_record_get_string (record, "catalogue"), ==, "annex-a");
      /* Stored in English, whatever the language of whoever created the workspace. */
      g_assert_cmpstr (annex_control_get_title (control), ==, catalogue[i].title);
      g_assert_true (annex_catalogue_theme_from_nick (annex_record_get_string (record, "theme"),
                                                      &theme));
      g_assert_cmpint (theme, ==, catalogue[i].theme);
      per_theme[theme]++;

      g_assert_cmpstr (annex_control_get_applicability (control), ==, "undecided");
      g_assert_cmpstr (annex_control_get_status (control), ==, "not-started");
      g_assert_null (annex_record_get_string (record, "owner"));
      g_assert_cmpint (annex_record_get_int (record, "reason-risk"), ==, 0);
      g_assert_nonnull (annex_record_get_created (record));
      g_assert_cmpuint (annex_control_get_issues (control), ==, ANNEX_CONTROL_ISSUE_UNDECIDED);
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, 93);
  g_assert_cmpuint (per_theme[ANNEX_THEME_ORGANIZATIONAL], ==, 37);
  g_assert_cmpuint (per_theme[ANNEX_THEME_PEOPLE], ==, 8);
  g_assert_cmpuint (per_theme[ANNEX_THEME_PHYSICAL], ==, 14);
  g_assert_cmpuint (per_theme[ANNEX_THEME_TECHNOLOGICAL], ==, 34);

  /* One requirement per requirement clause, in document order. */
  clauses = annex_catalogue_get_clauses (&n_clauses);
  for (guint i = 0; i < n_clauses; i++)
    {
      g_autoptr(AnnexRequirement) requirement = NULL;

      if (!clauses[i].requirement)
        continue;

      requirement = g_list_model_get_item (G_LIST_MODEL (fixture->requirements), n_requirements);
      g_assert_nonnull (requirement);
      g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (requirement)), ==,
                       clauses[i].id);
      g_assert_cmpstr (annex_record_get_string (ANNEX_RECORD (requirement), "title"), ==,
                       clauses[i].title);
      g_assert_cmpstr (annex_requirement_get_status (requirement), ==, "not-started");
      g_assert_true (annex_requirement_get_clause (requirement) == &clauses[i]);
      n_requirements++;
    }
  g_assert_cmpuint (n_requirements, ==, 30);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->requirements)), ==, 30);

  /* The catalogue is what a new workspace is: its history starts with its creation only. */
  g_assert_cmpuint (count_history (fixture->db, "controls"), ==, 0);
  g_assert_cmpuint (count_history (fixture->db, "requirements"), ==, 0);
  g_assert_cmpuint (count_history (fixture->db, NULL), ==, 2);
  assert_history_verifies (fixture->db);

  {
    const char * const *tables = annex_database_get_register_tables ();

    g_assert_true (g_strv_contains (tables, "controls"));
    g_assert_true (g_strv_contains (tables, "requirements"));
  }
}

/* A version-1 workspace with actions gets the catalogue on opening: the actions stay, a copy of
 * the old file is kept, and the history records the seeding once and still verifies. */
static void
test_migrated_workspace (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.isms", NULL);
  g_autofree char *bak_path = g_strconcat (path, ".before-v1.bak", NULL);
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = NULL;
  g_autoptr(AnnexRegister) actions = NULL;
  g_autoptr(AnnexRegister) controls = NULL;
  g_autoptr(AnnexRegister) requirements = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  AnnexChangeEntry *last;
  sqlite3 *raw = NULL;

  g_assert_cmpint (annex_database_get_latest_version (), >=, 2);
  g_assert_true (_annex_database_create_at_version (path, "Acme", 1, &error));
  g_assert_no_error (error);

  /* What an Annex of workspace format 1 wrote: two actions. */
  g_assert_cmpint (sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "INSERT INTO actions (reference, created, updated, title, "
                                 "origin_reference) VALUES "
                                 "('A-001', '2025-01-01T00:00:00.000000Z', "
                                 "'2025-01-01T00:00:00.000000Z', 'Write the access policy', "
                                 "'5.15'),"
                                 "('A-002', '2025-01-02T00:00:00.000000Z', "
                                 "'2025-01-02T00:00:00.000000Z', 'Train the staff', NULL)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (raw), ==, SQLITE_OK);
  original = annex_test_read_file (path);

  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (annex_database_get_schema_version (db), ==, annex_database_get_latest_version ());

  /* The copy aside holds exactly the file as it was. */
  annex_test_assert_file_equals (bak_path, original);

  actions = annex_register_new (db, ANNEX_TYPE_ACTION);
  controls = annex_register_new (db, ANNEX_TYPE_CONTROL);
  requirements = annex_register_new (db, ANNEX_TYPE_REQUIREMENT);
  g_assert_true (annex_register_load (actions, &error));
  g_assert_true (annex_register_load (controls, &error));
  g_assert_true (annex_register_load (requirements, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (actions)), ==, 2);
  g_assert_cmpstr (annex_action_get_title (ANNEX_ACTION (find_record (actions, "A-001"))), ==,
                   "Write the access policy");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (controls)), ==, 93);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (requirements)), ==, 30);
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (find_control (controls, "8.34"))),
                   ==, "8.34");

  /* The old action that names a control counts as its open action. */
  annex_control_update_open_actions (G_LIST_MODEL (controls), G_LIST_MODEL (actions));
  g_assert_true (annex_control_get_has_open_action (find_control (controls, "5.15")));
  g_assert_false (annex_control_get_has_open_action (find_control (controls, "5.16")));

  /* One entry for the seeding, after the two of the creation; the chain verifies. */
  entries = annex_change_log_list (db, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  last = g_ptr_array_index (entries, 2);
  g_assert_cmpstr (last->table_name, ==, "controls");
  g_assert_cmpint (last->record_id, ==, 0);
  g_assert_cmpint (last->kind, ==, ANNEX_CHANGE_INSERT);
  g_assert_null (last->before);
  g_assert_cmpstr (last->after, ==,
                   "{\"seeded\":\"annex-a-2022\",\"controls\":\"93\",\"requirements\":\"30\"}");
  assert_history_verifies (db);

  /* And the migrated workspace works like a new one. */
  {
    AnnexControl *control = find_control (controls, "5.1");

    set_applicable (control, "reason-legal");
    save (controls, control);
    g_assert_cmpuint (count_history (db, "controls"), ==, 2);
    assert_history_verifies (db);
  }

  g_clear_object (&actions);
  g_clear_object (&controls);
  g_clear_object (&requirements);
  annex_database_close (db);
  annex_test_rm_rf (dir);
}

/* The completeness rules, one at a time. */
static void
test_issues (Fixture       *fixture,
             gconstpointer  user_data)
{
  AnnexControl *control = find_control (fixture->controls, "5.7");
  guint notified = 0;

  g_assert_cmpuint (annex_control_get_issues (control), ==, ANNEX_CONTROL_ISSUE_UNDECIDED);
  g_signal_connect (control, "notify::issues", G_CALLBACK (annex_test_count_cb), &notified);

  /* Applicable without a reason; not implemented, no date, no action: no plan either. */
  g_object_set (control, "applicability", "applicable", NULL);
  g_assert_cmpuint (annex_control_get_issues (control), ==,
                    ANNEX_CONTROL_ISSUE_NO_REASON | ANNEX_CONTROL_ISSUE_NO_PLAN);
  g_assert_cmpuint (notified, ==, 1);

  /* Any one reason is enough. */
  g_object_set (control, "reason-contractual", TRUE, NULL);
  g_assert_cmpuint (annex_control_get_issues (control), ==, ANNEX_CONTROL_ISSUE_NO_PLAN);
  g_assert_cmpuint (notified, ==, 2);
  g_object_set (control, "reason-contractual", FALSE, "reason-best-practice", TRUE, NULL);
  g_assert_cmpuint (annex_control_get_issues (control), ==, ANNEX_CONTROL_ISSUE_NO_PLAN);

  /* A target date is a plan… */
  g_object_set (control, "target-date", "2027-03-31", NULL);
  g_assert_cmpuint (annex_control_get_issues (control), ==, ANNEX_CONTROL_ISSUE_NONE);
  g_assert_cmpuint (annex_control_compute_issues (control, FALSE), ==, ANNEX_CONTROL_ISSUE_NONE);
  g_object_set (control, "target-date", NULL, NULL);
  g_assert_cmpuint (annex_control_get_issues (control), ==, ANNEX_CONTROL_ISSUE_NO_PLAN);

  /* … so is an open action that refers to the control. */
  g_assert_cmpuint (annex_control_compute_issues (control, TRUE), ==, ANNEX_CONTROL_ISSUE_NONE);
  annex_control_set_has_open_action (control, TRUE);
  g_assert_true (annex_control_get_has_open_action (control));
  g_assert_cmpuint (annex_control_get_issues (control), ==, ANNEX_CONTROL_ISSUE_NONE);
  annex_control_set_has_open_action (control, FALSE);
  g_assert_cmpuint (annex_control_get_issues (control), ==, ANNEX_CONTROL_ISSUE_NO_PLAN);

  /* Planned or partly done still needs a date or an action; implemented needs nothing. */
  g_object_set (control, "status", "planned", NULL);
  g_assert_cmpuint (annex_control_get_issues (control), ==, ANNEX_CONTROL_ISSUE_NO_PLAN);
  g_object_set (control, "status", "partial", NULL);
  g_assert_cmpuint (annex_control_get_issues (control), ==, ANNEX_CONTROL_ISSUE_NO_PLAN);
  g_object_set (control, "status", "implemented", NULL);
  g_assert_cmpuint (annex_control_get_issues (control), ==, ANNEX_CONTROL_ISSUE_NONE);

  /* Excluded without, then with, a justification (blanks are not one). */
  g_object_set (control, "applicability", "excluded", NULL);
  g_assert_cmpuint (annex_control_get_issues (control), ==,
                    ANNEX_CONTROL_ISSUE_NO_JUSTIFICATION);
  g_object_set (control, "justification", "   ", NULL);
  g_assert_cmpuint (annex_control_get_issues (control), ==,
                    ANNEX_CONTROL_ISSUE_NO_JUSTIFICATION);
  g_object_set (control, "justification", "We hold no threat intelligence feeds.", NULL);
  g_assert_cmpuint (annex_control_get_issues (control), ==, ANNEX_CONTROL_ISSUE_NONE);

  /* The property follows. */
  {
    guint issues = G_MAXUINT;

    g_object_get (control, "issues", &issues, NULL);
    g_assert_cmpuint (issues, ==, ANNEX_CONTROL_ISSUE_NONE);
  }

  /* Saved, reloaded: the same issues (computed from the stored values). */
  save (fixture->controls, control);
  g_assert_true (annex_register_load (fixture->controls, NULL));
  control = find_control (fixture->controls, "5.7");
  g_assert_cmpuint (annex_control_get_issues (control), ==, ANNEX_CONTROL_ISSUE_NONE);
  g_object_set (control, "justification", NULL, NULL);
  g_assert_cmpuint (annex_control_get_issues (control), ==,
                    ANNEX_CONTROL_ISSUE_NO_JUSTIFICATION);
}

/* has-open-action follows the actions register: only open and in-progress actions count. */
static void
test_open_actions (Fixture       *fixture,
                   gconstpointer  user_data)
{
  static const struct
  {
    const char *origin_reference;
    const char *status;
  } rows[] = {
    { "5.1", "open" },
    { " A.5.2 ", "in-progress" },  /* trimmed, and the "A." prefix of Annex A ids */
    { "5.3", "done" },
    { "5.4", "cancelled" },
    { "ORG-1", "open" },
    { NULL, "open" },
  };
  static const char * const applicable[] = { "5.1", "5.2", "5.3", "5.4", "5.5" };
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexControl) custom = annex_control_new ();
  AnnexControl *control;

  annex_record_set_reference (ANNEX_RECORD (custom), "ORG-1");
  g_object_set (custom, "title", "Clean desk audits", NULL);
  g_assert_true (annex_register_add (fixture->controls, ANNEX_RECORD (custom), &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(AnnexAction) action = annex_action_new ();

      annex_action_set_title (action, "Do something");
      g_object_set (action, "origin-reference", rows[i].origin_reference,
                    "status", rows[i].status, NULL);
      g_assert_true (annex_register_add (fixture->actions, ANNEX_RECORD (action), &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (applicable); i++)
    set_applicable (find_control (fixture->controls, applicable[i]), "reason-risk");
  set_applicable (custom, "reason-risk");

  annex_control_update_open_actions (G_LIST_MODEL (fixture->controls),
                                     G_LIST_MODEL (fixture->actions));

  g_assert_true (annex_control_get_has_open_action (find_control (fixture->controls, "5.1")));
  g_assert_true (annex_control_get_has_open_action (find_control (fixture->controls, "5.2")));
  g_assert_false (annex_control_get_has_open_action (find_control (fixture->controls, "5.3")));
  g_assert_false (annex_control_get_has_open_action (find_control (fixture->controls, "5.4")));
  g_assert_false (annex_control_get_has_open_action (find_control (fixture->controls, "5.5")));
  g_assert_true (annex_control_get_has_open_action (custom));

  g_assert_cmpuint (annex_control_get_issues (find_control (fixture->controls, "5.1")), ==,
                    ANNEX_CONTROL_ISSUE_NONE);
  g_assert_cmpuint (annex_control_get_issues (find_control (fixture->controls, "5.3")), ==,
                    ANNEX_CONTROL_ISSUE_NO_PLAN);

  /* The action of 5.1 is done: the next update clears it, and the plan is missing again. */
  {
    AnnexRecord *action = find_record (fixture->actions, "A-001");

    control = find_control (fixture->controls, "5.1");
    g_object_set (action, "status", "done", NULL);
    save (fixture->actions, action);
    annex_control_update_open_actions (G_LIST_MODEL (fixture->controls),
                                       G_LIST_MODEL (fixture->actions));
    g_assert_false (annex_control_get_has_open_action (control));
    g_assert_cmpuint (annex_control_get_issues (control), ==, ANNEX_CONTROL_ISSUE_NO_PLAN);
  }
}

static void
test_summary (Fixture       *fixture,
              gconstpointer  user_data)
{
  AnnexSoaSummary summary;

  annex_soa_summary_compute (G_LIST_MODEL (fixture->controls), &summary);
  g_assert_cmpuint (summary.total, ==, 93);
  g_assert_cmpuint (summary.undecided, ==, 93);
  g_assert_cmpuint (summary.applicable, ==, 0);
  g_assert_cmpuint (summary.excluded, ==, 0);

  /* 5.1 applicable and implemented, 5.2 applicable without reason or plan, 5.3 applicable with
   * a reason and a date, 7.1 excluded with, 7.2 without a justification. */
  set_applicable (find_control (fixture->controls, "5.1"), "reason-risk");
  g_object_set (find_control (fixture->controls, "5.1"), "status", "implemented", NULL);
  set_applicable (find_control (fixture->controls, "5.2"), NULL);
  set_applicable (find_control (fixture->controls, "5.3"), "reason-business");
  g_object_set (find_control (fixture->controls, "5.3"), "target-date", "2027-01-31", NULL);
  g_object_set (find_control (fixture->controls, "7.1"), "applicability", "excluded",
                "justification", "Fully remote company: no offices.", NULL);
  g_object_set (find_control (fixture->controls, "7.2"), "applicability", "excluded", NULL);

  annex_soa_summary_compute (G_LIST_MODEL (fixture->controls), &summary);
  g_assert_cmpuint (summary.total, ==, 93);
  g_assert_cmpuint (summary.applicable, ==, 3);
  g_assert_cmpuint (summary.implemented, ==, 1);
  g_assert_cmpuint (summary.excluded, ==, 2);
  g_assert_cmpuint (summary.undecided, ==, 88);
  g_assert_cmpuint (summary.no_reason, ==, 1);
  g_assert_cmpuint (summary.no_justification, ==, 1);
  g_assert_cmpuint (summary.no_plan, ==, 1);

  /* An empty list counts nothing. */
  {
    g_autoptr(GListStore) empty = g_list_store_new (ANNEX_TYPE_CONTROL);

    annex_soa_summary_compute (G_LIST_MODEL (empty), &summary);
    g_assert_cmpuint (summary.total, ==, 0);
    g_assert_cmpuint (summary.undecided, ==, 0);
  }
}

/* A bulk edit of ten controls: one transaction, ten history entries, one "changed". */
static void
test_bulk_edit (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  guint changed = 0;
  guint items_changed = 0;
  guint updated_notified = 0;
  guint history_before = count_history (fixture->db, NULL);

  for (guint i = 0; i < 10; i++)
    {
      AnnexControl *control = find_control (fixture->controls,
                                            annex_catalogue_get_controls (NULL)[60 + i].id);

      g_object_set (control, "applicability", "applicable", "reason-risk", TRUE,
                    "owner", "IT lead", "status", "planned", NULL);
      g_ptr_array_add (records, control);
      g_signal_connect (control, "notify::updated", G_CALLBACK (annex_test_count_cb),
                        &updated_notified);
    }
  /* An unchanged record (and a duplicate) is skipped, not an error. */
  g_ptr_array_add (records, find_control (fixture->controls, "5.1"));
  g_ptr_array_add (records, g_ptr_array_index (records, 0));

  g_signal_connect (fixture->db, "changed::controls", G_CALLBACK (annex_test_count_cb), &changed);
  g_signal_connect (fixture->controls, "items-changed", G_CALLBACK (count_items_changed_cb),
                    &items_changed);

  g_assert_true (annex_register_save_many (fixture->controls, records, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (items_changed, ==, 0);  /* the same objects, updated in place */
  g_assert_cmpuint (updated_notified, ==, 10);
  g_assert_cmpuint (count_history (fixture->db, NULL), ==, history_before + 10);
  g_assert_cmpuint (count_history (fixture->db, "controls"), ==, 10);
  assert_history_verifies (fixture->db);

  /* Each entry is a before/after update of its own record. */
  for (guint i = 0; i < 10; i++)
    {
      AnnexRecord *record = g_ptr_array_index (records, i);
      g_autoptr(GPtrArray) entries = annex_change_log_list (fixture->db, "controls",
                                                            annex_record_get_id (record),
                                                            &error);
      AnnexChangeEntry *entry;

      g_assert_no_error (error);
      g_assert_cmpuint (entries->len, ==, 1);
      entry = g_ptr_array_index (entries, 0);
      g_assert_cmpint (entry->kind, ==, ANNEX_CHANGE_UPDATE);
      g_assert_nonnull (strstr (entry->before, "\"applicability\":\"undecided\""));
      g_assert_nonnull (strstr (entry->after, "\"applicability\":\"applicable\""));
      g_assert_nonnull (strstr (entry->after, "\"owner\":\"IT lead\""));
      g_assert_cmpstr (annex_record_get_updated (record), !=, annex_record_get_created (record));
    }

  /* Stored: a fresh register reads the same values. */
  {
    g_autoptr(AnnexRegister) again = annex_register_new (fixture->db, ANNEX_TYPE_CONTROL);
    AnnexControl *control;

    g_assert_true (annex_register_load (again, &error));
    control = find_control (again, annex_catalogue_get_controls (NULL)[65].id);
    g_assert_cmpstr (annex_control_get_applicability (control), ==, "applicable");
    g_assert_cmpstr (annex_record_get_string (ANNEX_RECORD (control), "owner"), ==, "IT lead");
    g_assert_cmpstr (annex_control_get_applicability (find_control (again, "5.1")), ==,
                     "undecided");
  }

  /* Nothing to do: no transaction, no signal. */
  g_assert_true (annex_register_save_many (fixture->controls, records, &error));
  g_ptr_array_set_size (records, 0);
  g_assert_true (annex_register_save_many (fixture->controls, records, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (count_history (fixture->db, "controls"), ==, 10);

  g_signal_handlers_disconnect_by_data (fixture->db, &changed);
}

/* One invalid record in a bulk edit: nothing is written, the objects keep their values. */
static void
test_bulk_edit_invalid (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  guint history_before = count_history (fixture->db, NULL);
  guint changed = 0;
  AnnexControl *bad;

  for (guint i = 0; i < 10; i++)
    {
      AnnexControl *control = find_control (fixture->controls,
                                            annex_catalogue_get_controls (NULL)[i].id);

      g_object_set (control, "applicability", "excluded", "justification", "Not relevant",
                    NULL);
      g_ptr_array_add (records, control);
    }
  bad = g_ptr_array_index (records, 7);
  g_object_set (bad, "target-date", "2027-02-30", NULL);

  g_signal_connect (fixture->db, "changed::controls", G_CALLBACK (annex_test_count_cb), &changed);

  g_assert_false (annex_register_save_many (fixture->controls, records, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "5.8: "));
  g_assert_nonnull (strstr (error->message, "Target date"));
  g_clear_error (&error);

  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpuint (count_history (fixture->db, NULL), ==, history_before);
  /* The caller's objects keep what was typed… */
  g_assert_cmpstr (annex_control_get_applicability (g_ptr_array_index (records, 0)), ==,
                   "excluded");
  g_assert_cmpstr (annex_record_get_string (ANNEX_RECORD (bad), "target-date"), ==,
                   "2027-02-30");
  /* … and the workspace holds none of it. */
  {
    g_autoptr(AnnexRegister) again = annex_register_new (fixture->db, ANNEX_TYPE_CONTROL);

    g_assert_true (annex_register_load (again, &error));
    for (guint i = 0; i < 10; i++)
      g_assert_cmpstr (annex_control_get_applicability (find_control (again,
                         annex_catalogue_get_controls (NULL)[i].id)), ==, "undecided");
  }

  /* A failure in the write phase (a read-only field changed) rolls back the earlier rows too. */
  g_object_set (bad, "target-date", NULL, NULL);
  g_object_set (g_ptr_array_index (records, 9), "catalogue", "custom", NULL);
  g_assert_false (annex_register_save_many (fixture->controls, records, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpuint (count_history (fixture->db, NULL), ==, history_before);
  assert_history_verifies (fixture->db);

  /* Corrected, it goes through. */
  g_object_set (g_ptr_array_index (records, 9), "catalogue", "annex-a", NULL);
  g_assert_true (annex_register_save_many (fixture->controls, records, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (count_history (fixture->db, NULL), ==, history_before + 10);

  g_signal_handlers_disconnect_by_data (fixture->db, &changed);
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  user_data)
{
  AnnexControlFilter filter = ANNEX_CONTROL_FILTER_INIT;
  g_autofree char *all = NULL;
  g_autofree char *people = NULL;
  g_autofree char *governance = NULL;
  g_autofree char *expected_governance = NULL;
  g_autofree char *detective = NULL;
  g_autofree char *expected_detective = NULL;
  g_autofree char *excluded = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *combined = NULL;
  g_autofree char *incomplete = NULL;
  g_autofree char *custom_governance = NULL;
  g_autoptr(AnnexControl) custom = annex_control_new ();
  g_autoptr(GError) error = NULL;

  all = filter_references (fixture->controls, &filter);
  g_assert_true (g_str_has_prefix (all, "5.1 5.2 5.3"));
  g_assert_true (g_str_has_suffix (all, "8.33 8.34"));

  filter.theme = ANNEX_THEME_PEOPLE;
  people = filter_references (fixture->controls, &filter);
  g_assert_cmpstr (people, ==, "6.1 6.2 6.3 6.4 6.5 6.6 6.7 6.8");

  /* An attribute tag: exactly the catalogue's set. */
  annex_control_filter_init (&filter);
  filter.attribute = ANNEX_CATALOGUE_ATTRIBUTE_CAPABILITY;
  filter.flag = ANNEX_OPERATIONAL_CAPABILITY_GOVERNANCE;
  governance = filter_references (fixture->controls, &filter);
  expected_governance = catalogue_references (ANNEX_CATALOGUE_ATTRIBUTE_CAPABILITY,
                                              ANNEX_OPERATIONAL_CAPABILITY_GOVERNANCE);
  g_assert_cmpstr (governance, ==, expected_governance);
  g_assert_true (g_str_has_prefix (governance, "5.1 5.2 5.3 5.4 "));
  g_assert_null (strstr (governance, "7."));

  annex_control_filter_init (&filter);
  filter.attribute = ANNEX_CATALOGUE_ATTRIBUTE_CONTROL_TYPE;
  filter.flag = ANNEX_CONTROL_TYPE_DETECTIVE;
  detective = filter_references (fixture->controls, &filter);
  expected_detective = catalogue_references (ANNEX_CATALOGUE_ATTRIBUTE_CONTROL_TYPE,
                                             ANNEX_CONTROL_TYPE_DETECTIVE);
  g_assert_cmpstr (detective, ==, expected_detective);
  g_assert_cmpstr (detective, !=, "");

  /* Applicability and status. */
  g_object_set (find_control (fixture->controls, "7.4"), "applicability", "excluded", NULL);
  g_object_set (find_control (fixture->controls, "8.2"), "applicability", "excluded", NULL);
  set_applicable (find_control (fixture->controls, "8.7"), "reason-risk");
  g_object_set (find_control (fixture->controls, "8.7"), "status", "planned", NULL);
  g_object_set (find_control (fixture->controls, "5.9"), "status", "planned", NULL);

  annex_control_filter_init (&filter);
  filter.applicability = "excluded";
  excluded = filter_references (fixture->controls, &filter);
  g_assert_cmpstr (excluded, ==, "7.4 8.2");

  annex_control_filter_init (&filter);
  filter.status = "planned";
  planned = filter_references (fixture->controls, &filter);
  g_assert_cmpstr (planned, ==, "5.9 8.7");

  /* Criteria combine. */
  filter.theme = ANNEX_THEME_TECHNOLOGICAL;
  filter.applicability = "applicable";
  combined = filter_references (fixture->controls, &filter);
  g_assert_cmpstr (combined, ==, "8.7");

  /* Incomplete ones: the excluded controls lack a justification, 8.7 a date or an action. */
  annex_control_filter_init (&filter);
  filter.issues = ANNEX_CONTROL_ISSUE_NO_JUSTIFICATION | ANNEX_CONTROL_ISSUE_NO_PLAN;
  incomplete = filter_references (fixture->controls, &filter);
  g_assert_cmpstr (incomplete, ==, "7.4 8.2 8.7");

  /* An organization-specific control carries no attribute: an attribute filter hides it. */
  annex_record_set_reference (ANNEX_RECORD (custom), "ORG-1");
  g_object_set (custom, "title", "Board reporting", "theme", "organizational", NULL);
  g_assert_true (annex_register_add (fixture->controls, ANNEX_RECORD (custom), &error));
  g_assert_no_error (error);
  annex_control_filter_init (&filter);
  filter.theme = ANNEX_THEME_ORGANIZATIONAL;
  g_assert_true (annex_control_matches_filter (custom, &filter));
  filter.attribute = ANNEX_CATALOGUE_ATTRIBUTE_CAPABILITY;
  filter.flag = ANNEX_OPERATIONAL_CAPABILITY_GOVERNANCE;
  g_assert_false (annex_control_matches_filter (custom, &filter));
  custom_governance = filter_references (fixture->controls, &filter);
  g_assert_null (strstr (custom_governance, "ORG-1"));
}

/* Organization-specific controls: the user picks the id. */
static void
test_custom (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(AnnexControl) control = annex_control_new ();
  g_autoptr(AnnexControl) duplicate = annex_control_new ();
  g_autoptr(AnnexControl) nameless = annex_control_new ();
  g_autoptr(AnnexControl) spaced = annex_control_new ();
  g_autoptr(AnnexControl) trimmed = annex_control_new ();
  g_autoptr(AnnexControl) untitled = annex_control_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint reference_notified = 0;
  guint history_before;
  AnnexControl *annex_a;

  g_assert_false (annex_control_is_annex_a (control));
  g_assert_cmpstr (annex_record_get_string (ANNEX_RECORD (control), "catalogue"), ==, "custom");
  g_assert_null (annex_record_get_reference (ANNEX_RECORD (control)));
  g_assert_null (annex_record_class_get_reference_prefix (ANNEX_RECORD_GET_CLASS (control)));

  g_signal_connect (control, "notify::reference", G_CALLBACK (annex_test_count_cb),
                    &reference_notified);
  annex_record_set_reference (ANNEX_RECORD (control), "ORG-1");
  annex_record_set_reference (ANNEX_RECORD (control), "ORG-1");
  g_assert_cmpuint (reference_notified, ==, 1);
  g_object_set (control, "title", "Quarterly board security report", "theme", "organizational",
                "description", "The CISO reports to the board each quarter.", NULL);
  g_assert_cmpstr (annex_control_get_display_title (control), ==,
                   "Quarterly board security report");
  g_assert_null (annex_control_get_guidance (control));
  g_assert_null (annex_control_get_catalogue_entry (control));
  g_assert_cmpuint (annex_control_get_attribute_flags (control,
                                                       ANNEX_CATALOGUE_ATTRIBUTE_CAPABILITY),
                    ==, 0);

  history_before = count_history (fixture->db, NULL);
  g_assert_true (annex_register_add (fixture->controls, ANNEX_RECORD (control), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (control)), ==, "ORG-1");
  g_assert_cmpint (annex_record_get_id (ANNEX_RECORD (control)), ==, 94);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->controls)), ==, 94);
  entries = annex_change_log_list (fixture->db, "controls", 94, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_true (g_str_has_prefix (((AnnexChangeEntry *) g_ptr_array_index (entries, 0))->after,
                                   "{\"reference\":\"ORG-1\",\"catalogue\":\"custom\","
                                   "\"theme\":\"organizational\","));
  /* No counter was used for the id. */
  {
    sqlite3_stmt *stmt = annex_database_prepare (fixture->db,
                                                 "SELECT count(*) FROM reference_counters",
                                                 &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_reset (stmt);
  }
  /* Once saved, the id is fixed. */
  g_test_expect_message ("annex-record", G_LOG_LEVEL_CRITICAL, "*id == 0*");
  annex_record_set_reference (ANNEX_RECORD (control), "ORG-9");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (control)), ==, "ORG-1");

  /* The same id again; and an Annex A id. */
  annex_record_set_reference (ANNEX_RECORD (duplicate), "ORG-1");
  g_object_set (duplicate, "title", "Another one", NULL);
  g_assert_false (annex_register_add (fixture->controls, ANNEX_RECORD (duplicate), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The id “ORG-1” is already used");
  g_clear_error (&error);
  annex_record_set_reference (ANNEX_RECORD (duplicate), "5.1");
  g_assert_false (annex_register_add (fixture->controls, ANNEX_RECORD (duplicate), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The id “5.1” is already used");
  g_clear_error (&error);
  g_assert_cmpint (annex_record_get_id (ANNEX_RECORD (duplicate)), ==, 0);

  /* No id, a blank one, one with a space, one too long. */
  g_object_set (nameless, "title", "No id", NULL);
  g_assert_false (annex_register_add (fixture->controls, ANNEX_RECORD (nameless), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "An id is required");
  g_clear_error (&error);
  annex_record_set_reference (ANNEX_RECORD (nameless), "   ");
  g_assert_false (annex_register_add (fixture->controls, ANNEX_RECORD (nameless), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  annex_record_set_reference (ANNEX_RECORD (spaced), "ORG 2");
  g_object_set (spaced, "title", "Spaced", NULL);
  g_assert_false (annex_register_add (fixture->controls, ANNEX_RECORD (spaced), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "spaces"));
  g_clear_error (&error);
  annex_record_set_reference (ANNEX_RECORD (spaced), "ORG-ABCDEFGHIJKLMNOPQ");  /* 21 */
  g_assert_false (annex_register_add (fixture->controls, ANNEX_RECORD (spaced), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "20"));
  g_clear_error (&error);

  /* 20 characters (not bytes) are fine; the id is trimmed. */
  annex_record_set_reference (ANNEX_RECORD (trimmed), "  ÄÖÜ-ABCDEFGHIJKLMNOP\t");
  g_object_set (trimmed, "title", "Umlauts", NULL);
  g_assert_true (annex_register_add (fixture->controls, ANNEX_RECORD (trimmed), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (trimmed)), ==,
                   "ÄÖÜ-ABCDEFGHIJKLMNOP");

  /* A title is required too. */
  annex_record_set_reference (ANNEX_RECORD (untitled), "ORG-3");
  g_assert_false (annex_register_add (fixture->controls, ANNEX_RECORD (untitled), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“Title” is required");
  g_clear_error (&error);

  /* Nothing of the refused ones was written. */
  g_assert_cmpuint (count_history (fixture->db, NULL), ==, history_before + 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->controls)), ==, 95);

  /* An organization-specific control cannot pose as Annex A. */
  g_object_set (untitled, "title", "Pretender", "catalogue", "annex-a", NULL);
  annex_record_set_reference (ANNEX_RECORD (untitled), "9.1");
  g_assert_false (annex_register_add (fixture->controls, ANNEX_RECORD (untitled), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (control, "catalogue", "annex-a", NULL);
  g_assert_false (annex_register_save (fixture->controls, ANNEX_RECORD (control), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (control, "catalogue", "custom", NULL);

  /* Edits of an organization-specific control are saved as usual. */
  g_object_set (control, "title", "Monthly board security report", NULL);
  save (fixture->controls, control);

  /* Annex A controls cannot be deleted. */
  annex_a = find_control (fixture->controls, "5.23");
  g_assert_false (annex_register_remove (fixture->controls, ANNEX_RECORD (annex_a), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Annex A controls cannot be deleted; mark them as excluded instead");
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->controls)), ==, 95);

  /* Nor can their catalogue title and theme be changed. */
  g_object_set (annex_a, "title", "Cloud stuff", NULL);
  g_assert_false (annex_register_save (fixture->controls, ANNEX_RECORD (annex_a), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (annex_a, "title", annex_control_get_catalogue_entry (annex_a)->title,
                "theme", "technological", NULL);
  g_assert_false (annex_register_save (fixture->controls, ANNEX_RECORD (annex_a), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_object_set (annex_a, "theme", "organizational", "owner", "Procurement", NULL);
  save (fixture->controls, annex_a);

  /* An organization-specific control can be deleted, and restored. */
  g_assert_true (annex_register_remove (fixture->controls, ANNEX_RECORD (control), &error));
  g_assert_no_error (error);
  g_assert_null (find_record (fixture->controls, "ORG-1"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->controls)), ==, 94);
  g_assert_true (annex_register_restore (fixture->controls, ANNEX_RECORD (control), &error));
  g_assert_no_error (error);
  g_assert_true (find_record (fixture->controls, "ORG-1") == ANNEX_RECORD (control));

  assert_history_verifies (fixture->db);
}

/* Requirements: status, owner and evidence are the user's; the rest is the standard's. */
static void
test_requirements (Fixture       *fixture,
                   gconstpointer  user_data)
{
  AnnexRecord *requirement = find_record (fixture->requirements, "6.1.2");
  g_autoptr(AnnexRequirement) extra = g_object_new (ANNEX_TYPE_REQUIREMENT, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *status_label = NULL;

  g_assert_nonnull (requirement);
  g_assert_cmpstr (annex_requirement_get_display_title (ANNEX_REQUIREMENT (requirement)), ==,
                   "Information security risk assessment");
  g_assert_cmpstr (annex_requirement_get_summary (ANNEX_REQUIREMENT (requirement)), ==,
                   annex_catalogue_find_clause ("6.1.2")->summary);
  g_assert_nonnull (annex_requirement_get_documented_information (ANNEX_REQUIREMENT (requirement)));

  g_assert_false (annex_register_remove (fixture->requirements, requirement, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->requirements)), ==, 30);

  annex_record_set_reference (ANNEX_RECORD (extra), "11.1");
  g_object_set (extra, "title", "More", NULL);
  g_assert_false (annex_register_add (fixture->requirements, ANNEX_RECORD (extra), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->requirements)), ==, 30);

  g_object_set (requirement, "status", "partial", "owner", "ISMS manager",
                "evidence", "Risk method v2 approved 2026-10-01", NULL);
  g_object_get (requirement, "status-label", &status_label, NULL);
  g_assert_cmpstr (status_label, ==, "Partial");
  save (fixture->requirements, requirement);
  g_assert_cmpuint (count_history (fixture->db, "requirements"), ==, 1);

  /* The title is read-only. */
  g_object_set (requirement, "title", "Risks", NULL);
  g_assert_false (annex_register_save (fixture->requirements, requirement, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“Title” cannot be changed");
  g_clear_error (&error);
  g_assert_cmpuint (count_history (fixture->db, "requirements"), ==, 1);

  /* Found by the search through its title and its summary too. */
  {
    g_autofree char *by_title = annex_record_prepare_query ("Risk Assessment");
    g_autofree char *by_summary = annex_record_prepare_query ("likelihood");
    g_autofree char *other = annex_record_prepare_query ("likelihood supplier");

    g_assert_true (annex_record_matches (requirement, by_title));
    g_assert_true (annex_record_matches (requirement, by_summary));
    g_assert_false (annex_record_matches (requirement, other));
  }
}

/* What the list shows: translated titles and labels; in the C locale the catalogue's own. */
static void
test_display (Fixture       *fixture,
              gconstpointer  user_data)
{
  AnnexControl *control = find_control (fixture->controls, "8.24");
  const AnnexCatalogueControl *entry = annex_catalogue_find_control ("8.24");
  g_autofree char *display_title = NULL;
  g_autofree char *guidance = NULL;
  g_autofree char *theme_label = NULL;
  g_autofree char *applicability_label = NULL;
  g_autofree char *status_label = NULL;
  gboolean is_annex_a = FALSE;
  guint notified = 0;

  g_object_get (control,
                "display-title", &display_title,
                "guidance", &guidance,
                "theme-label", &theme_label,
                "applicability-label", &applicability_label,
                "status-label", &status_label,
                "is-annex-a", &is_annex_a,
                NULL);
  g_assert_cmpstr (display_title, ==, "Use of cryptography");
  g_assert_cmpstr (display_title, ==, annex_catalogue_gettext (entry->title));
  g_assert_cmpstr (guidance, ==, entry->guidance);
  g_assert_cmpstr (theme_label, ==, "Technological");
  g_assert_cmpstr (applicability_label, ==, "Undecided");
  g_assert_cmpstr (status_label, ==, "Not started");
  g_assert_true (is_annex_a);

  g_signal_connect (control, "notify::status-label", G_CALLBACK (annex_test_count_cb), &notified);
  g_signal_connect (control, "notify::applicability-label", G_CALLBACK (annex_test_count_cb),
                    &notified);
  g_object_set (control, "status", "partial", "applicability", "applicable", NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_clear_pointer (&status_label, g_free);
  g_object_get (control, "status-label", &status_label, NULL);
  g_assert_cmpstr (status_label, ==, "Partially implemented");

  /* The labels of the choices and fields are the agreed ones. */
  {
    AnnexRecordClass *klass = ANNEX_RECORD_GET_CLASS (control);
    const AnnexField *field;

    field = annex_record_class_find_field (klass, "justification", NULL);
    g_assert_cmpstr (field->label, ==, "Justification for exclusion");
    field = annex_record_class_find_field (klass, "reason-legal", NULL);
    g_assert_cmpstr (field->label, ==, "Legal or regulatory");
    g_assert_cmpint (field->type, ==, ANNEX_FIELD_BOOL);
    field = annex_record_class_find_field (klass, "status", NULL);
    g_assert_cmpstr (field->label, ==, "Implementation status");
    g_assert_cmpstr (annex_field_get_choice_label (field, "partial"), ==,
                     "Partially implemented");
    field = annex_record_class_find_field (klass, "theme", NULL);
    for (guint i = 0; i < ANNEX_N_CONTROL_THEMES; i++)
      g_assert_cmpstr (annex_field_get_choice_label (field, annex_catalogue_theme_nick (i)), ==,
                       annex_catalogue_theme_label (i));
    field = annex_record_class_find_field (klass, "catalogue", NULL);
    g_assert_true ((field->flags & ANNEX_FIELD_FLAG_READ_ONLY) != 0);
  }

  /* The search matches the reference, the title and what the user wrote. */
  {
    g_autofree char *by_title = annex_record_prepare_query ("cryptography");
    g_autofree char *by_reference = annex_record_prepare_query ("8.24");
    g_autofree char *by_notes = annex_record_prepare_query ("vault");
    g_autofree char *other = annex_record_prepare_query ("backup");

    g_assert_true (annex_record_matches (ANNEX_RECORD (control), by_title));
    g_assert_true (annex_record_matches (ANNEX_RECORD (control), by_reference));
    g_assert_false (annex_record_matches (ANNEX_RECORD (control), by_notes));
    g_object_set (control, "implementation-notes", "Keys live in the Vault.", NULL);
    g_assert_true (annex_record_matches (ANNEX_RECORD (control), by_notes));
    g_assert_false (annex_record_matches (ANNEX_RECORD (control), other));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/annex/controls/new-workspace", test_new_workspace);
  g_test_add_func ("/annex/controls/migrated-workspace", test_migrated_workspace);
  ADD ("/annex/controls/issues", test_issues);
  ADD ("/annex/controls/open-actions", test_open_actions);
  ADD ("/annex/controls/summary", test_summary);
  ADD ("/annex/controls/bulk-edit", test_bulk_edit);
  ADD ("/annex/controls/bulk-edit-invalid", test_bulk_edit_invalid);
  ADD ("/annex/controls/filter", test_filter);
  ADD ("/annex/controls/custom", test_custom);
  ADD ("/annex/controls/requirements", test_requirements);
  ADD ("/annex/controls/display", test_display);

  return g_test_run ();
}
