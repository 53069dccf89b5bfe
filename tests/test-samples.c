/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-samples.c: the sample organizations and the starter content (annex-sample.h): each sample
 * creates a complete workspace, the same one every time, whose only readiness findings are its
 * deliberate ones; the loader writes everything or nothing. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "annex-control.h"
#include "annex-links.h"
#include "annex-readiness.h"
#include "annex-register.h"
#include "annex-risk-method.h"
#include "annex-sample.h"
#include "annex-store-error.h"
#include "annex-test-util.h"

/* A fixed "today": the relative dates of the samples resolve against it. */
#define TODAY "2025-06-15"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = annex_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "sample.isms", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  annex_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static guint
count_dir_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static gint64
count (AnnexDatabase *db,
       const char    *table)
{
  g_autoptr(GError) error = NULL;
  gint64 n = annex_database_count_rows (db, table, &error);

  g_assert_no_error (error);
  return n;
}

static gint64
count_where (AnnexDatabase *db,
             const char    *sql)
{
  sqlite3_stmt *stmt;
  g_autoptr(GError) error = NULL;
  gint64 n;

  stmt = annex_database_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
test_catalogue (void)
{
  guint n_samples = 0, n_sectors = 0;
  const AnnexSampleInfo *samples = annex_sample_get_all (&n_samples);
  const AnnexSectorInfo *sectors = annex_sample_get_sectors (&n_sectors);

  g_assert_cmpuint (n_samples, ==, 2);
  g_assert_cmpstr (samples[0].id, ==, "financial");
  g_assert_cmpstr (samples[1].id, ==, "healthcare");
  g_assert_true (annex_sample_find ("healthcare") == &samples[1]);
  g_assert_null (annex_sample_find ("bakery"));
  g_assert_null (annex_sample_find (NULL));
  for (guint i = 0; i < n_samples; i++)
    {
      g_assert_nonnull (samples[i].name);
      g_assert_nonnull (samples[i].organization);
      g_assert_nonnull (samples[i].summary);
    }

  g_assert_cmpuint (n_sectors, >=, 3);
  g_assert_cmpstr (sectors[0].id, ==, "general");
  g_assert_nonnull (sectors[0].name);
  g_assert_null (annex_sample_get_deliberate_findings ("bakery"));
}

/* The minimums of issue 9 and the story's parts, for every sample. */
static void
test_sample_creates (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *id = data;
  const AnnexSampleInfo *info = annex_sample_find (id);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = NULL;
  g_autofree char *organization = NULL;

  db = annex_sample_create (fixture->path, id, FALSE, TODAY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  organization = annex_database_dup_organization (db);
  g_assert_cmpstr (organization, ==, info->organization);

  g_assert_cmpint (count (db, "issues"), >=, 10);
  g_assert_cmpint (count (db, "parties"), >=, 8);
  g_assert_cmpint (count (db, "party_requirements"), >=, 8);
  g_assert_cmpint (count (db, "assets"), >=, 25);
  g_assert_cmpint (count (db, "risks"), >=, 40);
  g_assert_cmpint (count (db, "objectives"), >=, 1);
  g_assert_cmpint (count (db, "objective_measurements"), >=, 1);
  g_assert_cmpint (count (db, "audits"), >=, 2);
  g_assert_cmpint (count (db, "audit_items"), >=, 2);
  g_assert_cmpint (count (db, "findings"), >=, 2);
  g_assert_cmpint (count (db, "people"), >=, 1);
  g_assert_cmpint (count (db, "roles"), >=, 1);
  g_assert_cmpint (count (db, "documents"), >=, 1);
  g_assert_cmpint (count (db, "incidents"), >=, 1);

  /* An approved scope, climate change considered. */
  g_assert_cmpint (count_where (db, "SELECT count(*) FROM scope_versions "
                                    "WHERE status = 'approved'"), ==, 1);
  g_assert_cmpint (count_where (db, "SELECT count(*) FROM issues WHERE climate = 1"), >=, 1);

  /* Every SoA decision made; applicable ones with a reason or excluded ones justified, apart
   * from the deliberate findings. */
  g_assert_cmpint (count_where (db, "SELECT count(*) FROM controls "
                                    "WHERE catalogue = 'annex-a' AND "
                                    "applicability = 'undecided'"), ==, 0);
  g_assert_cmpint (count_where (db, "SELECT count(*) FROM controls "
                                    "WHERE catalogue = 'annex-a'"), ==, 93);
  g_assert_cmpint (count_where (db, "SELECT count(*) FROM controls "
                                    "WHERE applicability = 'excluded'"), >=, 1);

  /* Treatments and acceptances (a risk only just identified may wait for its treatment). */
  g_assert_cmpint (count_where (db, "SELECT count(*) FROM risks "
                                    "WHERE treatment IS NULL AND status <> 'identified'"), ==, 0);
  g_assert_cmpint (count_where (db, "SELECT count(*) FROM risks WHERE treatment = 'retain' "
                                    "AND accepted_by IS NOT NULL"), >=, 1);
  g_assert_cmpint (count_where (db, "SELECT count(*) FROM actions "
                                    "WHERE origin = 'risk-treatment'"), >=, 5);
  /* Spread over the heat map: at least 8 different residual cells. */
  g_assert_cmpint (count_where (db, "SELECT count(*) FROM (SELECT DISTINCT residual_likelihood, "
                                    "residual_impact FROM risks)"), >=, 8);

  /* Nonconformities and actions in every state. */
  g_assert_cmpint (count_where (db, "SELECT count(DISTINCT status) FROM nonconformities"), ==, 4);
  g_assert_cmpint (count_where (db, "SELECT count(DISTINCT status) FROM actions"), ==, 4);

  /* One signed-off review and one in preparation. */
  g_assert_cmpint (count_where (db, "SELECT count(*) FROM reviews "
                                    "WHERE status = 'signed-off'"), >=, 1);
  g_assert_cmpint (count_where (db, "SELECT count(*) FROM reviews "
                                    "WHERE status IN ('planned', 'prepared')"), >=, 1);

  /* An approved information security policy. */
  g_assert_cmpint (count_where (db, "SELECT count(*) FROM documents WHERE security_policy = 1 "
                                    "AND status = 'approved'"), >=, 1);

  /* Links: risks to assets and controls, requirements of parties to controls. */
  g_assert_cmpint (count_where (db, "SELECT count(*) FROM links WHERE from_table = 'risks' "
                                    "AND to_table = 'assets'"), >=, 40);
  g_assert_cmpint (count_where (db, "SELECT count(*) FROM links WHERE from_table = 'risks' "
                                    "AND to_table = 'controls'"), >=, 40);
  g_assert_cmpint (count_where (db, "SELECT count(*) FROM links "
                                    "WHERE from_table = 'party_requirements' "
                                    "AND to_table = 'controls'"), >=, 8);

  /* Only the sample's file is left beside it (no temporary file). */
  annex_database_close (db);
  g_assert_cmpuint (count_dir_entries (fixture->dir), ==, 1);
}

/* A second create from scratch (overwriting) gives the same content. */
static char *
dump_content (AnnexDatabase *db)
{
  GString *dump = g_string_new (NULL);
  const char * const *tables = annex_database_get_register_tables ();

  for (guint t = 0; tables[t] != NULL; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[t]);

      g_string_append_printf (dump, "%s: %" G_GINT64_FORMAT "\n", tables[t],
                              count_where (db, sql));
    }

  {
    sqlite3_stmt *stmt;
    g_autoptr(GError) error = NULL;

    stmt = annex_database_prepare (db, "SELECT reference, title, status, owner, due_date "
                                       "FROM actions ORDER BY id", &error);
    g_assert_no_error (error);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      for (int c = 0; c < 5; c++)
        g_string_append_printf (dump, "%s|", (const char *) sqlite3_column_text (stmt, c));
    sqlite3_reset (stmt);

    stmt = annex_database_prepare (db, "SELECT reference, applicability, status, owner, "
                                       "justification FROM controls ORDER BY id", &error);
    g_assert_no_error (error);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      for (int c = 0; c < 5; c++)
        g_string_append_printf (dump, "%s|", (const char *) sqlite3_column_text (stmt, c));
    sqlite3_reset (stmt);

    stmt = annex_database_prepare (db, "SELECT from_table, from_id, to_table, to_id "
                                       "FROM links ORDER BY id", &error);
    g_assert_no_error (error);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      for (int c = 0; c < 4; c++)
        g_string_append_printf (dump, "%s|", (const char *) sqlite3_column_text (stmt, c));
    sqlite3_reset (stmt);
  }

  return g_string_free (dump, FALSE);
}

static void
test_sample_fresh_copy (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *id = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) first = NULL;
  g_autoptr(AnnexDatabase) second = NULL;
  g_autofree char *first_dump = NULL;
  g_autofree char *second_dump = NULL;
  gint64 n_actions;

  first = annex_sample_create (fixture->path, id, FALSE, TODAY, &error);
  g_assert_no_error (error);
  first_dump = dump_content (first);
  n_actions = count (first, "actions");

  /* A workshop changes things… */
  g_assert_true (annex_database_exec (first, "DELETE FROM actions", &error));
  g_assert_no_error (error);
  annex_database_close (first);

  /* …and restarts from a fresh copy. */
  second = annex_sample_create (fixture->path, id, TRUE, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (second, "actions"), ==, n_actions);
  second_dump = dump_content (second);
  g_assert_cmpstr (first_dump, ==, second_dump);
  annex_database_close (second);
  g_assert_cmpuint (count_dir_entries (fixture->dir), ==, 1);
}

/* A freshly created sample fails exactly its deliberate readiness checks. */
static void
test_sample_deliberate_findings (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char *id = data;
  const char * const *deliberate = annex_sample_get_deliberate_findings (id);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GString) found = g_string_new (NULL);

  g_assert_nonnull (deliberate);

  db = annex_sample_create (fixture->path, id, FALSE, TODAY, &error);
  g_assert_no_error (error);

  findings = annex_readiness_run_checks (db, TODAY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (findings);

  for (guint i = 0; i < findings->len; i++)
    {
      AnnexCheckFinding *finding = g_ptr_array_index (findings, i);

      g_string_append_printf (found, "%s (", finding->rule);
      for (guint r = 0; r < finding->records->len; r++)
        g_string_append_printf (found, " %s",
                                g_array_index (finding->records, AnnexCheckRecord,
                                               r).reference);
      g_string_append (found, " ) ");
      if (!g_strv_contains (deliberate, finding->rule))
        g_test_message ("unexpected finding: %s", found->str);
      g_assert_true (g_strv_contains (deliberate, finding->rule));
    }

  for (guint i = 0; deliberate[i] != NULL; i++)
    {
      if (annex_readiness_find (findings, deliberate[i]) == NULL)
        g_test_message ("deliberate finding %s missing; found: %s", deliberate[i], found->str);
      g_assert_nonnull (annex_readiness_find (findings, deliberate[i]));
    }
  g_assert_cmpuint (g_strv_length ((char **) deliberate), >=, 3);
}

static void
test_create_failures (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = NULL;
  g_autoptr(GBytes) before = NULL;

  /* Unknown id: nothing written. */
  db = annex_sample_create (fixture->path, "bakery", FALSE, TODAY, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (db);
  g_assert_cmpuint (count_dir_entries (fixture->dir), ==, 0);
  g_clear_error (&error);

  /* An existing file is kept without overwrite. */
  annex_test_write_file (fixture->path, "precious", -1);
  before = annex_test_read_file (fixture->path);
  db = annex_sample_create (fixture->path, "financial", FALSE, TODAY, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_null (db);
  annex_test_assert_file_equals (fixture->path, before);
  g_assert_cmpuint (count_dir_entries (fixture->dir), ==, 1);
  g_clear_error (&error);

  /* A bad "today" leaves nothing either (and the file as it was). */
  db = annex_sample_create (fixture->path, "financial", TRUE, "2025-13-45", &error);
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_null (db);
  annex_test_assert_file_equals (fixture->path, before);
  g_assert_cmpuint (count_dir_entries (fixture->dir), ==, 1);
}

/* A new empty workspace for the loader tests. */
static AnnexDatabase *
create_empty (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  AnnexDatabase *db = annex_database_create (fixture->path, "Loader test", &error);

  g_assert_no_error (error);
  return db;
}

/* The number of change-history entries: proves that nothing was written. */
static gint64
count_history (AnnexDatabase *db)
{
  return count_where (db, "SELECT count(*) FROM change_log");
}

static void
assert_load_fails (AnnexDatabase *db,
                   const char    *json,
                   const char    *message_part)
{
  g_autoptr(GError) error = NULL;
  gint64 history = count_history (db);
  gint64 issues = count (db, "issues");

  g_assert_false (annex_sample_load_json (db, json, strlen (json), TODAY, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  if (strstr (error->message, message_part) == NULL)
    g_test_message ("message: %s", error->message);
  g_assert_nonnull (strstr (error->message, message_part));
  g_assert_cmpint (count_history (db), ==, history);
  g_assert_cmpint (count (db, "issues"), ==, issues);
  g_assert_false (annex_database_in_transaction (db));
}

static void
test_load_failures (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AnnexDatabase) db = create_empty (fixture);

  assert_load_fails (db, "{ \"format\": \"annex-sample\", \"version\": 1, \"registers\": ",
                     "JSON");
  assert_load_fails (db, "[]", "JSON object");
  assert_load_fails (db, "{ \"format\": \"other\", \"version\": 1, \"registers\": {} }",
                     "version 1");
  assert_load_fails (db, "{ \"format\": \"annex-sample\", \"version\": 1, "
                         "\"registers\": { \"bakeries\": [] } }", "bakeries");

  /* A record refused by its model, after others were written: all rolled back, the error
   * names the record. */
  assert_load_fails (db, "{ \"format\": \"annex-sample\", \"version\": 1, \"registers\": {"
                         " \"issues\": [ { \"key\": \"i1\", \"title\": \"Fine\" },"
                         "               { \"key\": \"i2\", \"title\": \"\" } ] } }",
                     "issues[1] (i2):");
  assert_load_fails (db, "{ \"format\": \"annex-sample\", \"version\": 1, \"registers\": {"
                         " \"issues\": [ { \"key\": \"i1\", \"title\": \"A\", "
                         "\"kind\": \"sideways\" } ] } }", "sideways");
  assert_load_fails (db, "{ \"format\": \"annex-sample\", \"version\": 1, \"registers\": {"
                         " \"issues\": [ { \"key\": \"i1\", \"title\": \"A\", "
                         "\"colour\": \"red\" } ] } }", "colour");
  assert_load_fails (db, "{ \"format\": \"annex-sample\", \"version\": 1, \"registers\": {"
                         " \"issues\": [ { \"key\": \"i1\", \"title\": \"A\", "
                         "\"last-reviewed\": \"yesterday\" } ] } }", "yesterday");
  assert_load_fails (db, "{ \"format\": \"annex-sample\", \"version\": 1, \"registers\": {"
                         " \"issues\": [ { \"key\": \"i1\", \"title\": \"A\" },"
                         "               { \"key\": \"i1\", \"title\": \"B\" } ] } }",
                     "twice");
  assert_load_fails (db, "{ \"format\": \"annex-sample\", \"version\": 1, \"registers\": {"
                         " \"parties\": [ { \"key\": \"p1\", \"name\": \"A\" } ],"
                         " \"party_requirements\": [ { \"parent\": \"p2\", "
                         "\"requirement\": \"x\" } ] } }", "p2");
  assert_load_fails (db, "{ \"format\": \"annex-sample\", \"version\": 1, \"registers\": {"
                         " \"controls\": [ { \"reference\": \"9.99\", "
                         "\"applicability\": \"applicable\" } ] } }", "9.99");
  assert_load_fails (db, "{ \"format\": \"annex-sample\", \"version\": 1, \"registers\": {"
                         " \"risks\": [ { \"key\": \"r1\", \"title\": \"A\","
                         " \"links\": { \"controls\": [ \"9.99\" ] } } ] } }", "9.99");
  /* A rule of a model: a review cannot be signed off by someone who is not its chair. */
  assert_load_fails (db, "{ \"format\": \"annex-sample\", \"version\": 1, \"registers\": {"
                         " \"reviews\": [ { \"key\": \"m1\", \"chair\": \"Ann\","
                         " \"actual-date\": \"today-10d\", \"status\": \"signed-off\","
                         " \"signed-off-by\": \"Bob\", \"signed-off-on\": \"today-9d\" } ] } }",
                     "reviews[0] (m1):");
  assert_load_fails (db, "{ \"format\": \"annex-sample\", \"version\": 1, "
                         "\"settings\": { \"risk-method\": \"preset:9x9\" }, "
                         "\"registers\": {} }", "risk-method");
}

/* Relative dates resolve against the given today; model operations reach the final states. */
static void
test_load_relative_dates (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AnnexDatabase) db = create_empty (fixture);
  g_autoptr(GError) error = NULL;
  const char *json =
    "{ \"format\": \"annex-sample\", \"version\": 1,"
    "  \"registers\": {"
    "    \"actions\": ["
    "      { \"title\": \"a\", \"due-date\": \"today\" },"
    "      { \"title\": \"b\", \"due-date\": \"today-30d\" },"
    "      { \"title\": \"c\", \"due-date\": \"today+2w\" },"
    "      { \"title\": \"d\", \"due-date\": \"today+3m\" },"
    "      { \"title\": \"e\", \"due-date\": \"today-1y\" },"
    "      { \"title\": \"f\", \"due-date\": \"2024-02-29\", \"status\": \"done\","
    "        \"completed-on\": \"today-1d\", \"origin\": \"risk-treatment\","
    "        \"origin-reference\": { \"ref\": \"r1\" } } ],"
    "    \"risks\": [ { \"key\": \"r1\", \"title\": \"R\" } ],"
    "    \"reviews\": [ { \"key\": \"m1\", \"chair\": \"Ann\", \"actual-date\": \"today-1m\","
    "                     \"status\": \"signed-off\", \"signed-off-by\": \"Ann\","
    "                     \"signed-off-on\": \"today-29d\" } ],"
    "    \"review_attendees\": [ { \"parent\": \"m1\", \"name\": \"Ann\" } ] } }";

  g_assert_true (annex_sample_load_json (db, json, strlen (json), "2024-01-31", &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_where (db, "SELECT count(*) FROM actions WHERE "
                                    "(title = 'a' AND due_date = '2024-01-31') OR "
                                    "(title = 'b' AND due_date = '2024-01-01') OR "
                                    "(title = 'c' AND due_date = '2024-02-14') OR "
                                    "(title = 'd' AND due_date = '2024-04-30') OR "
                                    "(title = 'e' AND due_date = '2023-01-31') OR "
                                    "(title = 'f' AND completed_on = '2024-01-30' AND "
                                    " origin_reference = 'R-001')"), ==, 6);
  g_assert_cmpint (count_where (db, "SELECT count(*) FROM reviews WHERE status = 'signed-off' "
                                    "AND actual_date = '2023-12-31' "
                                    "AND signed_off_on = '2024-01-02'"), ==, 1);
  g_assert_cmpint (count (db, "review_attendees"), ==, 1);
}

/* Every sector's starter content loads into an empty workspace. */
static void
test_starters_load (Fixture       *fixture,
                    gconstpointer  data)
{
  guint n_sectors = 0;
  const AnnexSectorInfo *sectors = annex_sample_get_sectors (&n_sectors);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_sectors; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/starter-%s.isms", fixture->dir,
                                               sectors[i].id);
      g_autoptr(AnnexDatabase) db = annex_database_create (path, "Starter", &error);
      g_autofree char *organization = NULL;

      g_assert_no_error (error);
      if (!annex_sample_load_starter (db, sectors[i].id, &error))
        g_test_message ("starter %s: %s", sectors[i].id, error->message);
      g_assert_no_error (error);

      /* The workspace stays the user's. */
      organization = annex_database_dup_organization (db);
      g_assert_cmpstr (organization, ==, "Starter");
      annex_database_close (db);
    }

  /* Scored on 5 × 5, the starter risks are re-mapped onto a workspace's 3 × 3 method. */
  {
    g_autofree char *path = g_build_filename (fixture->dir, "starter-3x3.isms", NULL);
    g_autoptr(AnnexDatabase) db = annex_database_create (path, "Starter", NULL);
    g_autoptr(AnnexRiskMethod) method = annex_risk_method_new_preset (ANNEX_RISK_PRESET_3X3);
    g_autofree char *json = annex_risk_method_to_json (method);
    g_autoptr(GError) local_error = NULL;
    sqlite3_stmt *stmt;

    g_assert_true (annex_database_set_setting (db, "risk-method", json, &local_error));
    g_assert_no_error (local_error);
    g_assert_true (annex_sample_load_starter (db, "general", &local_error));
    g_assert_no_error (local_error);

    stmt = annex_database_prepare (db,
                                   "SELECT count(*), max(max(inherent_likelihood, inherent_impact),"
                                   " max(ifnull(residual_likelihood, 0), ifnull(residual_impact, 0)))"
                                   " FROM risks", &local_error);
    g_assert_no_error (local_error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), >, 0);
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 3);
    sqlite3_reset (stmt);
  }

  {
    g_autoptr(AnnexDatabase) db = create_empty (fixture);

    g_assert_false (annex_sample_load_starter (db, "bakery", &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  }
}

int
main (int   argc,
      char *argv[])
{
  guint n_samples = 0;
  const AnnexSampleInfo *samples;

  g_test_init (&argc, &argv, NULL);

  samples = annex_sample_get_all (&n_samples);

  g_test_add_func ("/annex/samples/catalogue", test_catalogue);
  for (guint i = 0; i < n_samples; i++)
    {
      g_autofree char *create = g_strdup_printf ("/annex/samples/%s/create", samples[i].id);
      g_autofree char *fresh = g_strdup_printf ("/annex/samples/%s/fresh-copy", samples[i].id);
      g_autofree char *findings = g_strdup_printf ("/annex/samples/%s/deliberate-findings",
                                                   samples[i].id);

      g_test_add (create, Fixture, samples[i].id, fixture_set_up, test_sample_creates,
                  fixture_tear_down);
      g_test_add (fresh, Fixture, samples[i].id, fixture_set_up, test_sample_fresh_copy,
                  fixture_tear_down);
      g_test_add (findings, Fixture, samples[i].id, fixture_set_up,
                  test_sample_deliberate_findings, fixture_tear_down);
    }
  g_test_add ("/annex/samples/create-failures", Fixture, NULL, fixture_set_up,
              test_create_failures, fixture_tear_down);
  g_test_add ("/annex/samples/load-failures", Fixture, NULL, fixture_set_up,
              test_load_failures, fixture_tear_down);
  g_test_add ("/annex/samples/relative-dates", Fixture, NULL, fixture_set_up,
              test_load_relative_dates, fixture_tear_down);
  g_test_add ("/annex/samples/starters", Fixture, NULL, fixture_set_up, test_starters_load,
              fixture_tear_down);

  return g_test_run ();
}
