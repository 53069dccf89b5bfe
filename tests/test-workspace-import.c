/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-workspace-import.c: a workspace file made by someone else is not trusted as it is. Opening
 * refuses triggers, views and virtual tables; annex_database_import_file() (and
 * `annex import-workspace`) copies what Annex knows into a fresh workspace, leaves the rest out,
 * and refuses damaged, newer or oversized files without writing anything. */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "annex-cli.h"
#include "annex-database-private.h"
#include "annex-database.h"
#include "annex-sample.h"
#include "annex-store-error.h"
#include "annex-test-util.h"
#include "annex-workspace-list.h"

typedef struct
{
  char *dir;
  char *source;  /* the bank sample, closed */
  char *dest;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = NULL;

  fixture->dir = annex_test_make_tmpdir ();
  fixture->source = g_build_filename (fixture->dir, "from-elsewhere.isms", NULL);
  fixture->dest = g_build_filename (fixture->dir, "clean.isms", NULL);

  db = annex_sample_create (fixture->source, "financial", FALSE, "2026-06-30", &error);
  g_assert_no_error (error);
  annex_database_close (db);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  annex_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->source);
  g_free (fixture->dest);
}

/* Runs @sql on @path with plain SQLite, as another program would. */
static void
tamper (const char *path,
        const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* `annex ARGS…` in this process (annex_cli_run()): its exit status, its standard output in
 * *@out. */
static int
run_cli (const char * const *args,
         char              **out)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  int fd, saved, status;

  g_ptr_array_add (argv, (gpointer) "annex");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  fd = g_file_open_tmp ("annex-test-import-XXXXXX", &name, &error);
  g_assert_no_error (error);
  fflush (stdout);
  saved = dup (STDOUT_FILENO);
  g_assert_cmpint (dup2 (fd, STDOUT_FILENO), ==, STDOUT_FILENO);
  status = annex_cli_run ((int) argv->len - 1, (char **) argv->pdata);
  fflush (stdout);
  dup2 (saved, STDOUT_FILENO);
  close (saved);
  close (fd);

  g_file_get_contents (name, out, NULL, &error);
  g_assert_no_error (error);
  g_unlink (name);
  return status;
}

/* `annex info PATH`: its standard output. */
static char *
dup_info (const char *path)
{
  const char *args[] = { "info", path, NULL };
  char *out = NULL;

  g_assert_cmpint (run_cli (args, &out), ==, 0);
  return out;
}

/* Nothing at @dest, and no temporary folder left beside it. */
static void
assert_nothing_written (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *entry;

  g_assert_false (g_file_test (fixture->dest, G_FILE_TEST_EXISTS));
  while ((entry = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (entry, ".annex-import-"));
}

static void
import_and_compare (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = annex_test_read_file (fixture->source);
  g_autofree char *info_source = NULL;
  g_autofree char *info_dest = NULL;
  g_autoptr(AnnexDatabase) db = NULL;

  annex_database_import_file (fixture->source, fixture->dest, &error);
  g_assert_no_error (error);

  /* The source is only read. */
  annex_test_assert_file_equals (fixture->source, before);

  /* Everything Annex shows is there: organization, counts, decisions, a verified history. */
  info_dest = dup_info (fixture->dest);
  g_assert_nonnull (strstr (info_dest, "history: verified"));
  /* (annex info refuses a file with a trigger or view: compare with a pristine sample then.) */
  if (query_int (fixture->source, "SELECT count(*) FROM sqlite_schema WHERE type IN "
                                  "('trigger', 'view')") == 0)
    {
      info_source = dup_info (fixture->source);
      g_assert_cmpstr (info_dest, ==, info_source);
    }

  /* The copy opens as any workspace. */
  db = annex_database_open (fixture->dest, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (annex_database_get_schema_version (db), ==,
                   annex_database_get_latest_version ());
  annex_database_close (db);
}

static void
test_import_good (Fixture       *fixture,
                  gconstpointer  data)
{
  import_and_compare (fixture);
  g_assert_cmpint (query_int (fixture->dest, "SELECT count(*) FROM risks"), ==,
                   query_int (fixture->source, "SELECT count(*) FROM risks"));
  g_assert_cmpint (query_int (fixture->dest, "SELECT count(*) FROM change_log"), ==,
                   query_int (fixture->source, "SELECT count(*) FROM change_log"));
}

/* A trigger would run on our own writes: open refuses, byte for byte untouched; the import
 * leaves it out and copies the rest. */
static void
test_import_trigger (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *pristine = dup_info (fixture->source);
  g_autofree char *info = NULL;

  tamper (fixture->source,
          "CREATE TRIGGER wipe AFTER INSERT ON actions BEGIN DELETE FROM risks; END");
  before = annex_test_read_file (fixture->source);

  g_assert_false (annex_database_validate_file (fixture->source, NULL, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_UNTRUSTED);
  g_assert_nonnull (strstr (error->message, "trigger"));
  g_assert_nonnull (strstr (error->message, "wipe"));
  g_clear_error (&error);
  db = annex_database_open (fixture->source, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_UNTRUSTED);
  g_clear_error (&error);
  annex_test_assert_file_equals (fixture->source, before);

  import_and_compare (fixture);
  g_assert_cmpint (query_int (fixture->dest, "SELECT count(*) FROM sqlite_schema "
                                             "WHERE type = 'trigger'"), ==, 0);
  info = dup_info (fixture->dest);
  g_assert_cmpstr (info, ==, pristine);
}

static void
test_import_view (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pristine = dup_info (fixture->source);
  g_autofree char *info = NULL;

  tamper (fixture->source, "CREATE VIEW everything AS SELECT * FROM risks");

  g_assert_false (annex_database_validate_file (fixture->source, NULL, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_UNTRUSTED);
  g_assert_nonnull (strstr (error->message, "view"));
  g_clear_error (&error);

  import_and_compare (fixture);
  g_assert_cmpint (query_int (fixture->dest, "SELECT count(*) FROM sqlite_schema "
                                             "WHERE type = 'view'"), ==, 0);
  info = dup_info (fixture->dest);
  g_assert_cmpstr (info, ==, pristine);
}

/* Other tables, indexes and columns and odd pragmas: not copied. */
static void
test_import_extra_objects (Fixture       *fixture,
                           gconstpointer  data)
{
  tamper (fixture->source,
          "CREATE TABLE payload (x TEXT);"
          "INSERT INTO payload VALUES ('not ours');"
          "CREATE INDEX risks_owner_extra ON risks (owner);"
          "ALTER TABLE actions ADD COLUMN smuggled TEXT DEFAULT 'x';"
          "PRAGMA user_version = 1;");
  /* user_version 1 would read as an old format: put it back, the odd part is the rest. */
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                            annex_database_get_latest_version ());

    tamper (fixture->source, sql);
  }

  import_and_compare (fixture);
  g_assert_cmpint (query_int (fixture->dest, "SELECT count(*) FROM sqlite_schema WHERE name IN "
                                             "('payload', 'risks_owner_extra')"), ==, 0);
  g_assert_cmpint (query_int (fixture->dest, "SELECT count(*) FROM pragma_table_info ('actions') "
                                             "WHERE name = 'smuggled'"), ==, 0);
}

/* An older format is copied and brought up to date. */
static void
test_import_older (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_unlink (fixture->source);
  g_assert_true (_annex_database_create_at_version (fixture->source, "Old Ltd", 4, &error));
  g_assert_no_error (error);
  g_assert_true (annex_database_import_file (fixture->source, fixture->dest, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->dest, "PRAGMA user_version"), ==,
                   annex_database_get_latest_version ());
}

static void
test_import_huge_value (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  tamper (fixture->source, "UPDATE risks SET description = zeroblob (50 * 1024 * 1024) "
                           "WHERE id = (SELECT min (id) FROM risks)");

  g_assert_false (annex_database_import_file (fixture->source, fixture->dest, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "52.4"));
  g_assert_nonnull (strstr (error->message, "risks"));
  assert_nothing_written (fixture);
}

static void
test_import_too_new (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          annex_database_get_latest_version () + 1);

  tamper (fixture->source, sql);

  g_assert_false (annex_database_import_file (fixture->source, fixture->dest, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_TOO_NEW);
  assert_nothing_written (fixture);
}

/* Garbage over the first page of the risk table. */
static void
test_import_corrupt_page (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 page_size = query_int (fixture->source, "PRAGMA page_size");
  gint64 root = query_int (fixture->source,
                           "SELECT rootpage FROM sqlite_schema WHERE name = 'risks'");
  g_autofree char *garbage = g_malloc (page_size);
  FILE *file;

  memset (garbage, 0x5a, page_size);
  file = fopen (fixture->source, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, (root - 1) * page_size, SEEK_SET), ==, 0);
  g_assert_cmpint (fwrite (garbage, 1, page_size, file), ==, page_size);
  fclose (file);

  g_assert_false (annex_database_import_file (fixture->source, fixture->dest, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_CORRUPT);
  assert_nothing_written (fixture);
}

static void
test_import_not_workspace (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_unlink (fixture->source);
  tamper (fixture->source, "CREATE TABLE risks (id INTEGER PRIMARY KEY)");

  g_assert_false (annex_database_import_file (fixture->source, fixture->dest, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_NOT_WORKSPACE);
  assert_nothing_written (fixture);
}

/* A table Annex has, missing from the file: refused rather than guessed. */
static void
test_import_missing_table (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  tamper (fixture->source, "PRAGMA foreign_keys = OFF; DROP TABLE audit_items");

  g_assert_false (annex_database_import_file (fixture->source, fixture->dest, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_NOT_WORKSPACE);
  g_assert_nonnull (strstr (error->message, "audit_items"));
  assert_nothing_written (fixture);
}

static void
test_import_dest_exists (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;

  annex_test_write_file (fixture->dest, "mine", 4);
  before = annex_test_read_file (fixture->dest);

  g_assert_false (annex_database_import_file (fixture->source, fixture->dest, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_EXISTS);
  annex_test_assert_file_equals (fixture->dest, before);
}

/* Opening a file from elsewhere in the app imports it into the workspace folder: cleaned. */
static void
test_import_workspace_list (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->dir, "workspaces", NULL);
  g_autoptr(AnnexWorkspaceList) list = annex_workspace_list_new (folder);
  AnnexWorkspace *workspace;

  tamper (fixture->source, "CREATE TRIGGER wipe AFTER INSERT ON actions "
                           "BEGIN DELETE FROM risks; END");

  workspace = annex_workspace_list_import (list, fixture->source, &error);
  g_assert_no_error (error);
  g_assert_nonnull (workspace);
  g_assert_cmpint (query_int (annex_workspace_get_path (workspace),
                              "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"), ==, 0);
  g_assert_cmpint (query_int (annex_workspace_get_path (workspace), "SELECT count(*) FROM risks"),
                   ==, query_int (fixture->source, "SELECT count(*) FROM risks"));
}

static void
test_import_cli (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *args[] = { "import-workspace", fixture->source, "--output", fixture->dest, NULL };
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;
  g_autofree char *expected = g_strdup_printf ("Imported %s\n", fixture->dest);
  g_autofree char *info_source = dup_info (fixture->source);
  g_autofree char *info_dest = NULL;

  g_assert_cmpint (run_cli (args, &out), ==, 0);
  g_assert_cmpstr (out, ==, expected);
  info_dest = dup_info (fixture->dest);
  g_assert_cmpstr (info_dest, ==, info_source);

  /* NEW exists now: refused, exit status 1. */
  g_assert_cmpint (run_cli (args, &again), ==, 1);
  g_assert_cmpstr (again, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/annex/import/good", test_import_good);
  ADD ("/annex/import/trigger", test_import_trigger);
  ADD ("/annex/import/view", test_import_view);
  ADD ("/annex/import/extra-objects", test_import_extra_objects);
  ADD ("/annex/import/older", test_import_older);
  ADD ("/annex/import/huge-value", test_import_huge_value);
  ADD ("/annex/import/too-new", test_import_too_new);
  ADD ("/annex/import/corrupt-page", test_import_corrupt_page);
  ADD ("/annex/import/not-workspace", test_import_not_workspace);
  ADD ("/annex/import/missing-table", test_import_missing_table);
  ADD ("/annex/import/dest-exists", test_import_dest_exists);
  ADD ("/annex/import/workspace-list", test_import_workspace_list);
  ADD ("/annex/import/cli", test_import_cli);

  return g_test_run ();
}
