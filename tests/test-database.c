/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-database.c: the workspace store: create, open, validation and refusal, migrations,
 * pragmas, statements, transactions, settings, backup and read-only workspaces. */

#define G_LOG_DOMAIN "test-database"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "annex-catalogue.h"
#include "annex-change-log.h"
#include "annex-database.h"
#include "annex-database-private.h"
#include "annex-store-error.h"
#include "annex-test-util.h"

/* Helpers */

static char *
make_workspace (const char *dir,
                const char *file_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = NULL;
  char *path = g_build_filename (dir, file_name, NULL);

  db = annex_database_create (path, "Acme Ltd", &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  return path;
}

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
raw_exec_file (const char *path,
               const char *sql)
{
  sqlite3 *db = raw_open (path);

  raw_exec (db, sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static gint64
raw_query_int_file (const char *path,
                    const char *sql)
{
  sqlite3 *db = raw_open (path);
  gint64 value = query_int (db, sql);

  sqlite3_close (db);
  return value;
}

static gboolean
insert_action (AnnexDatabase  *db,
               const char     *reference,
               const char     *title,
               GError        **error)
{
  sqlite3_stmt *stmt;

  stmt = annex_database_prepare (db,
                                 "INSERT INTO actions (reference, created, updated, title) "
                                 "VALUES (?1, '2026-01-01', '2026-01-01', ?2)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_TRANSIENT);
  if (title != NULL)
    sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
  return annex_database_step_done (db, stmt, error);
}

static gint64
count_actions (AnnexDatabase *db)
{
  g_autoptr(GError) error = NULL;
  gint64 n = annex_database_count_rows (db, "actions", &error);

  g_assert_no_error (error);
  return n;
}

static gboolean
exists_with_suffix (const char *path,
                    const char *suffix)
{
  g_autofree char *p = g_strconcat (path, suffix, NULL);

  return g_file_test (p, G_FILE_TEST_EXISTS);
}

static void
assert_no_companions (const char *path)
{
  g_assert_false (exists_with_suffix (path, "-wal"));
  g_assert_false (exists_with_suffix (path, "-shm"));
  g_assert_false (exists_with_suffix (path, "-journal"));
}

/* Asserts that @dir holds exactly the names in @expected (NULL-terminated). */
static void
assert_dir_contents (const char         *dir,
                     const char * const *expected)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (!g_strv_contains (expected, name))
        g_error ("unexpected file %s in %s", name, dir);
      n++;
    }
  g_assert_cmpuint (n, ==, g_strv_length ((char **) expected));
}

static gboolean
running_as_root (void)
{
  return geteuid () == 0;
}

/* Checks that @path is refused with @code by validate and by both ways of opening, and that it
 * is left byte-identical with no -wal/-shm/-journal beside it. The message must name the file
 * and contain @cause. */
static void
assert_refused (const char      *path,
                AnnexStoreError  code,
                const char      *cause)
{
  g_autoptr(GBytes) before = NULL;
  g_autofree char *name = g_path_get_basename (path);
  gboolean existed = g_file_test (path, G_FILE_TEST_EXISTS);
  gboolean is_file = g_file_test (path, G_FILE_TEST_IS_REGULAR);
  AnnexDatabaseOpenFlags flags[] = { ANNEX_DATABASE_OPEN_DEFAULT, ANNEX_DATABASE_OPEN_READ_ONLY };
  int version = -1;

  if (is_file)
    before = annex_test_read_file (path);

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (annex_database_validate_file (path, &version, &error));
    g_assert_error (error, ANNEX_STORE_ERROR, (int) code);
    g_assert_cmpint (version, ==, -1);
    g_test_message ("validate: %s", error->message);
    g_assert_nonnull (strstr (error->message, name));
    g_assert_nonnull (strstr (error->message, cause));
  }

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AnnexDatabase) db = annex_database_open (path, flags[i], &error);

      g_assert_null (db);
      g_assert_error (error, ANNEX_STORE_ERROR, (int) code);
      g_assert_nonnull (strstr (error->message, cause));
    }

  if (is_file)
    annex_test_assert_file_equals (path, before);
  else if (!existed)
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_no_companions (path);
}

/* Tests */

static void
test_error_mapping (void)
{
  g_autoptr(GError) error = NULL;

  /* System and GIO errors: the same codes, whichever layer meets them. */
  g_assert_cmpint (annex_store_error_from_errno (EACCES), ==, ANNEX_STORE_ERROR_READ_ONLY);
  g_assert_cmpint (annex_store_error_from_errno (EROFS), ==, ANNEX_STORE_ERROR_READ_ONLY);
  g_assert_cmpint (annex_store_error_from_errno (ENOSPC), ==, ANNEX_STORE_ERROR_FULL);
  g_assert_cmpint (annex_store_error_from_errno (ENOENT), ==, ANNEX_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (annex_store_error_from_errno (EEXIST), ==, ANNEX_STORE_ERROR_EXISTS);
  g_assert_cmpint (annex_store_error_from_errno (EIO), ==, ANNEX_STORE_ERROR_FAILED);
  {
    static const int errsvs[] = { EACCES, EROFS, ENOSPC, ENOENT, EEXIST, EIO };

    for (guint i = 0; i < G_N_ELEMENTS (errsvs); i++)
      {
        g_autoptr(GError) io_error = g_error_new_literal (G_IO_ERROR,
                                                          g_io_error_from_errno (errsvs[i]), "x");

        g_assert_cmpint (annex_store_error_from_io_error (io_error), ==,
                         annex_store_error_from_errno (errsvs[i]));
      }
  }
  error = g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_NOSPC, "x");
  g_assert_cmpint (annex_store_error_from_io_error (error), ==, ANNEX_STORE_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_cmpint (annex_store_error_from_sqlite_code (SQLITE_NOTADB), ==,
                   ANNEX_STORE_ERROR_NOT_SQLITE);
  g_assert_cmpint (annex_store_error_from_sqlite_code (SQLITE_CORRUPT), ==,
                   ANNEX_STORE_ERROR_CORRUPT);
  g_assert_cmpint (annex_store_error_from_sqlite_code (SQLITE_CORRUPT_INDEX), ==,
                   ANNEX_STORE_ERROR_CORRUPT);
  g_assert_cmpint (annex_store_error_from_sqlite_code (SQLITE_CONSTRAINT_UNIQUE), ==,
                   ANNEX_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (annex_store_error_from_sqlite_code (SQLITE_CONSTRAINT_FOREIGNKEY), ==,
                   ANNEX_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (annex_store_error_from_sqlite_code (SQLITE_READONLY), ==,
                   ANNEX_STORE_ERROR_READ_ONLY);
  g_assert_cmpint (annex_store_error_from_sqlite_code (SQLITE_READONLY_DIRECTORY), ==,
                   ANNEX_STORE_ERROR_READ_ONLY);
  g_assert_cmpint (annex_store_error_from_sqlite_code (SQLITE_PERM), ==,
                   ANNEX_STORE_ERROR_READ_ONLY);
  g_assert_cmpint (annex_store_error_from_sqlite_code (SQLITE_FULL), ==,
                   ANNEX_STORE_ERROR_FULL);
  g_assert_cmpint (annex_store_error_from_sqlite_code (SQLITE_BUSY), ==,
                   ANNEX_STORE_ERROR_BUSY);
  g_assert_cmpint (annex_store_error_from_sqlite_code (SQLITE_BUSY_SNAPSHOT), ==,
                   ANNEX_STORE_ERROR_BUSY);
  g_assert_cmpint (annex_store_error_from_sqlite_code (SQLITE_LOCKED), ==,
                   ANNEX_STORE_ERROR_BUSY);
  g_assert_cmpint (annex_store_error_from_sqlite_code (SQLITE_IOERR_WRITE), ==,
                   ANNEX_STORE_ERROR_FAILED);
  g_assert_cmpint (annex_store_error_from_sqlite_code (SQLITE_ERROR), ==,
                   ANNEX_STORE_ERROR_FAILED);

  annex_store_set_error_from_sqlite (&error, NULL, SQLITE_FULL, "Could not save the action");
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_FULL);
  g_assert_true (g_str_has_prefix (error->message, "Could not save the action: "));
  g_assert_cmpuint (strlen (error->message), >, strlen ("Could not save the action: "));

  /* NULL error is accepted. */
  annex_store_set_error_from_sqlite (NULL, NULL, SQLITE_FULL, "ignored");
}

static void
test_create_open_reopen (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "acme.isms", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *created = NULL;
  AnnexDatabase *db;
  int version = 0;

  db = annex_database_create (path, "  Acme Ltd ", &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpstr (annex_database_get_path (db), ==, path);
  g_assert_false (annex_database_is_read_only (db));
  g_assert_cmpint (annex_database_get_schema_version (db), ==,
                   annex_database_get_latest_version ());
  g_assert_cmpint (annex_database_get_latest_version (), >=, 1);
  g_assert_nonnull (annex_database_get_handle (db));

  organization = annex_database_dup_organization (db);
  g_assert_cmpstr (organization, ==, "Acme Ltd");
  created = annex_database_dup_setting (db, "created");
  g_assert_nonnull (created);
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$",
                                       created, 0, 0));

  g_assert_no_error (error);
  g_assert_true (insert_action (db, "A-001", "Patch the servers", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (db);

  /* Closed cleanly: the WAL is folded into the file. */
  assert_no_companions (path);
  g_assert_true (annex_database_validate_file (path, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, annex_database_get_latest_version ());

  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_clear_pointer (&organization, g_free);
  organization = annex_database_dup_organization (db);
  g_assert_cmpstr (organization, ==, "Acme Ltd");
  g_assert_cmpint (count_actions (db), ==, 1);

  /* Properties mirror the getters. */
  {
    g_autofree char *prop_path = NULL;
    gboolean read_only = TRUE;
    int schema_version = 0;

    g_object_get (db, "path", &prop_path, "read-only", &read_only,
                  "schema-version", &schema_version, NULL);
    g_assert_cmpstr (prop_path, ==, path);
    g_assert_false (read_only);
    g_assert_cmpint (schema_version, ==, annex_database_get_latest_version ());
  }
  g_assert_finalize_object (db);

  /* No temporary files were left behind by create. */
  assert_dir_contents (dir, (const char * const[]) { "acme.isms", NULL });

  annex_test_rm_rf (dir);
}

static void
test_create_existing (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "taken.isms", NULL);
  g_autofree char *missing_dir_path = g_build_filename (dir, "no-such-folder", "a.isms", NULL);
  g_autofree char *empty_path = g_build_filename (dir, "empty-name.isms", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  AnnexDatabase *db;

  annex_test_write_file (path, "precious data", -1);
  before = annex_test_read_file (path);

  db = annex_database_create (path, "Acme", &error);
  g_assert_null (db);
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "taken.isms"));
  annex_test_assert_file_equals (path, before);
  g_clear_error (&error);

  /* A folder that does not exist. */
  db = annex_database_create (missing_dir_path, "Acme", &error);
  g_assert_null (db);
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A nameless organization. */
  db = annex_database_create (empty_path, "   ", &error);
  g_assert_null (db);
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing else appeared: no temporary file, no companions. */
  assert_dir_contents (dir, (const char * const[]) { "taken.isms", NULL });

  annex_test_rm_rf (dir);
}

/* A "-wal" left behind by a deleted workspace of the same name is not replayed into a new one. */
static void
test_create_over_stale_wal (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = make_workspace (dir, "w.isms");
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autoptr(GBytes) wal = NULL;
  g_autoptr(GError) error = NULL;
  AnnexDatabase *db;

  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (insert_action (db, "A-001", "From the deleted workspace", &error));
  g_assert_no_error (error);
  wal = annex_test_read_file (wal_path);
  g_assert_cmpuint (g_bytes_get_size (wal), >, 0);
  g_assert_finalize_object (db);

  /* The workspace goes, its log stays (a crash, a careless copy). */
  g_assert_cmpint (g_unlink (path), ==, 0);
  annex_test_write_file (wal_path, g_bytes_get_data (wal, NULL), g_bytes_get_size (wal));

  db = annex_database_create (path, "Fresh Ltd", &error);
  g_assert_no_error (error);
  g_assert_finalize_object (db);
  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_actions (db), ==, 0);
  g_assert_finalize_object (db);

  annex_test_rm_rf (dir);
}

static void
test_pragmas (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.isms", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = NULL;
  g_autofree char *journal_mode = NULL;
  sqlite3 *handle;
  int defensive = -1;
  int trusted = -1;

  db = annex_database_create (path, "Acme", &error);
  g_assert_no_error (error);
  handle = annex_database_get_handle (db);

  g_assert_cmpint (query_int (handle, "PRAGMA foreign_keys"), ==, 1);
  journal_mode = query_text (handle, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (query_int (handle, "PRAGMA application_id"), ==,
                   ANNEX_DATABASE_APPLICATION_ID);
  g_assert_cmpint (query_int (handle, "PRAGMA user_version"), ==,
                   annex_database_get_latest_version ());
  g_assert_cmpint (query_int (handle, "PRAGMA trusted_schema"), ==, 0);
  g_assert_cmpint (query_int (handle, "PRAGMA synchronous"), ==, 2);  /* FULL */
  g_assert_cmpint (query_int (handle, "PRAGMA busy_timeout"), ==, 5000);

  sqlite3_db_config (handle, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
  g_assert_cmpint (defensive, ==, 1);
  sqlite3_db_config (handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, -1, &trusted);
  g_assert_cmpint (trusted, ==, 0);

  /* Defensive mode: the schema cannot be edited behind SQLite's back. */
  g_assert_false (annex_database_exec (db, "PRAGMA writable_schema = ON; "
                                           "UPDATE sqlite_schema SET sql = '' "
                                           "WHERE name = 'actions'", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_FAILED);
  g_clear_error (&error);

  /* Foreign keys are enforced on this connection. */
  g_assert_true (annex_database_exec (db,
                                      "CREATE TEMP TABLE parent (id INTEGER PRIMARY KEY);"
                                      "CREATE TEMP TABLE child (p INTEGER REFERENCES parent);",
                                      &error));
  g_assert_no_error (error);
  g_assert_false (annex_database_exec (db, "INSERT INTO child VALUES (42)", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_CONSTRAINT);

  g_clear_object (&db);
  annex_test_rm_rf (dir);
}

static void
test_settings (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "s.isms", NULL);
  g_autoptr(GError) error = NULL;
  AnnexDatabase *db;
  char *value;

  db = annex_database_create (path, "Acme", &error);
  g_assert_no_error (error);

  value = annex_database_dup_setting (db, "scope");
  g_assert_null (value);

  g_assert_true (annex_database_set_setting (db, "scope", "Head office, \"Data\" centre", &error));
  g_assert_no_error (error);
  value = annex_database_dup_setting (db, "scope");
  g_assert_cmpstr (value, ==, "Head office, \"Data\" centre");
  g_free (value);

  g_assert_true (annex_database_set_setting (db, "organization", "Acme Group", &error));
  g_assert_no_error (error);

  /* Inside a caller's transaction, rolled back with it. */
  g_assert_true (annex_database_begin (db, &error));
  g_assert_true (annex_database_set_setting (db, "scope", "Everything", &error));
  g_assert_no_error (error);
  annex_database_rollback (db);
  value = annex_database_dup_setting (db, "scope");
  g_assert_cmpstr (value, ==, "Head office, \"Data\" centre");
  g_free (value);

  /* The store's own keys are not settings. */
  g_assert_false (annex_database_set_setting (db, "history-head", "0", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* NULL removes. */
  g_assert_true (annex_database_set_setting (db, "temporary", "x", &error));
  g_assert_true (annex_database_set_setting (db, "temporary", NULL, &error));
  g_assert_no_error (error);
  value = annex_database_dup_setting (db, "temporary");
  g_assert_null (value);

  g_assert_finalize_object (db);

  /* Persisted. */
  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  value = annex_database_dup_setting (db, "scope");
  g_assert_cmpstr (value, ==, "Head office, \"Data\" centre");
  g_free (value);
  value = annex_database_dup_organization (db);
  g_assert_cmpstr (value, ==, "Acme Group");
  g_free (value);
  g_assert_finalize_object (db);

  annex_test_rm_rf (dir);
}

static void
test_refuse_too_new (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = make_workspace (dir, "future.isms");
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          annex_database_get_latest_version () + 1);
  g_autofree char *expected = g_strdup_printf ("workspace format %d; this version reads up to %d",
                                               annex_database_get_latest_version () + 1,
                                               annex_database_get_latest_version ());

  raw_exec_file (path, sql);
  assert_no_companions (path);

  assert_refused (path, ANNEX_STORE_ERROR_TOO_NEW, "newer version of Annex");
  assert_refused (path, ANNEX_STORE_ERROR_TOO_NEW, expected);

  annex_test_rm_rf (dir);
}

/* A workspace whose newest data is still in its write-ahead log (another program has it open):
 * immutable=1 would ignore the log, so validation must read through it. */
static void
test_refuse_too_new_in_wal (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "busy.isms", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          annex_database_get_latest_version () + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = NULL;
  g_autoptr(GBytes) before = NULL;
  sqlite3 *raw;

  db = annex_database_create (path, "Acme", &error);
  g_assert_no_error (error);

  raw = raw_open (path);
  raw_exec (raw, "PRAGMA wal_autocheckpoint = 0");
  raw_exec (raw, sql);
  g_assert_true (exists_with_suffix (path, "-wal"));

  before = annex_test_read_file (path);
  g_assert_false (annex_database_validate_file (path, NULL, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_TOO_NEW);
  g_clear_error (&error);
  annex_test_assert_file_equals (path, before);

  sqlite3_close (raw);
  g_clear_object (&db);
  annex_test_rm_rf (dir);
}

static void
test_refuse_foreign (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "foreign.db", NULL);
  g_autofree char *unfinished = g_build_filename (dir, "unfinished.isms", NULL);

  raw_exec_file (path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Bob');");
  assert_refused (path, ANNEX_STORE_ERROR_NOT_WORKSPACE,
                  "is an SQLite database but not an Annex workspace");

  /* Annex's application id, but no schema version: never completed. */
  raw_exec_file (unfinished, "PRAGMA application_id = 1095650904; CREATE TABLE t (x);");
  assert_refused (unfinished, ANNEX_STORE_ERROR_NOT_WORKSPACE, "not an Annex workspace");

  annex_test_rm_rf (dir);
}

static void
test_refuse_truncated (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = NULL;
  g_autofree char *half_path = g_build_filename (dir, "half.isms", NULL);
  g_autofree char *fifty_path = g_build_filename (dir, "fifty.isms", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  AnnexDatabase *db;
  gsize size;

  path = make_workspace (dir, "whole.isms");
  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (annex_database_begin (db, &error));
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *reference = g_strdup_printf ("A-%03d", i);

      g_assert_true (insert_action (db, reference, "An action with a reasonably long title "
                                    "so that the table spans several pages", &error));
      g_assert_no_error (error);
    }
  g_assert_true (annex_database_commit (db, &error));
  g_assert_finalize_object (db);

  bytes = annex_test_read_file (path);
  size = g_bytes_get_size (bytes);
  g_assert_cmpuint (size, >, 4 * 4096);

  annex_test_write_file (half_path, g_bytes_get_data (bytes, NULL), size / 2);
  assert_refused (half_path, ANNEX_STORE_ERROR_CORRUPT, "is damaged or incomplete");

  /* Cut inside the 100-byte header: starts as SQLite, but damaged. */
  annex_test_write_file (fifty_path, g_bytes_get_data (bytes, NULL), 50);
  assert_refused (fifty_path, ANNEX_STORE_ERROR_CORRUPT, "is damaged or incomplete");

  annex_test_rm_rf (dir);
}

/* The right size, a valid header, damaged pages inside. */
static void
test_refuse_damaged (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = make_workspace (dir, "whole.isms");
  g_autofree char *damaged_path = g_build_filename (dir, "damaged.isms", NULL);
  g_autofree char *garbage_path = g_build_filename (dir, "garbage.isms", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *data = NULL;
  AnnexDatabase *db;
  gsize size;

  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (annex_database_begin (db, &error));
  for (int i = 0; i < 100; i++)
    {
      g_autofree char *reference = g_strdup_printf ("A-%03d", i);

      g_assert_true (insert_action (db, reference, "Filler for a few pages", &error));
    }
  g_assert_true (annex_database_commit (db, &error));
  g_assert_finalize_object (db);

  bytes = annex_test_read_file (path);
  size = g_bytes_get_size (bytes);
  data = g_memdup2 (g_bytes_get_data (bytes, NULL), size);

  /* Scribble over the second half of the file (after page 1 and the schema). */
  for (gsize i = size / 2; i < size; i++)
    data[i] = (guint8) (i * 7 + 3);
  annex_test_write_file (damaged_path, data, size);
  assert_refused (damaged_path, ANNEX_STORE_ERROR_CORRUPT, "is damaged or incomplete");

  /* The magic string, then nothing that SQLite can read as a header. */
  memset (data + 16, 0xff, 4096 - 16);
  annex_test_write_file (garbage_path, data, 4096);
  assert_refused (garbage_path, ANNEX_STORE_ERROR_NOT_SQLITE, "not an SQLite database");

  annex_test_rm_rf (dir);
}

static void
test_refuse_not_sqlite (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *text_path = g_build_filename (dir, "notes.isms", NULL);
  g_autofree char *short_path = g_build_filename (dir, "short.isms", NULL);
  g_autofree char *empty_path = g_build_filename (dir, "empty.isms", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing.isms", NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (int i = 0; i < 20; i++)
    g_string_append (text, "These are my notes about the ISMS, not a workspace.\n");
  annex_test_write_file (text_path, text->str, text->len);
  assert_refused (text_path, ANNEX_STORE_ERROR_NOT_SQLITE, "not an SQLite database");

  annex_test_write_file (short_path, "hello", -1);
  assert_refused (short_path, ANNEX_STORE_ERROR_NOT_SQLITE, "not an SQLite database");

  annex_test_write_file (empty_path, "", 0);
  assert_refused (empty_path, ANNEX_STORE_ERROR_NOT_SQLITE, "empty");

  assert_refused (missing_path, ANNEX_STORE_ERROR_NOT_FOUND, "does not exist");

  /* A folder. */
  assert_refused (dir, ANNEX_STORE_ERROR_NOT_SQLITE, "not a file");

  annex_test_rm_rf (dir);
}

/* File names with characters that mean something in a URI. */
static void
test_path_escaping (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = make_workspace (dir, "Acme? #1 100% (ready).isms");
  g_autofree char *decoy = g_build_filename (dir, "Acme", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = NULL;
  int version = 0;

  g_assert_true (annex_database_validate_file (path, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, annex_database_get_latest_version ());

  db = annex_database_open (path, ANNEX_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_clear_object (&db);

  /* The unescaped URI would have opened (and, writable, created) "Acme". */
  g_assert_false (g_file_test (decoy, G_FILE_TEST_EXISTS));

  annex_test_rm_rf (dir);
}

static void
test_migrate (void)
{
  const char * const steps[] = {
    "CREATE TABLE extra (x INTEGER); INSERT INTO extra VALUES (42);",
    NULL
  };
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.isms", NULL);
  const int latest = annex_database_get_latest_version ();
  g_autofree char *bak_path = g_strdup_printf ("%s.before-v%d.bak", path, latest);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autofree char *organization = NULL;
  AnnexDatabase *db;
  int version = 0;

  /* The built-in formats: 1 (actions), 2 (controls and requirements), 3 (context, links),
   * 4 (assets, risks), 5 (audits, findings, nonconformities, incidents), 6 (objectives,
   * reviews), 7 (documents, people), 8 (imported control catalogues). */
  g_assert_cmpint (latest, ==, 8);
  g_assert_true (_annex_database_create_at_version (path, "Acme", latest, &error));
  g_assert_no_error (error);

  /* Some data, written the normal way (the file is then in WAL mode). */
  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (insert_action (db, "A-001", "Keep me", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (db);
  original = annex_test_read_file (path);

  _annex_database_set_extra_migrations_for_testing (steps);
  g_assert_cmpint (annex_database_get_latest_version (), ==, latest + 1);

  g_assert_true (annex_database_validate_file (path, &version, &error));
  g_assert_cmpint (version, ==, latest);

  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (annex_database_get_schema_version (db), ==, latest + 1);
  g_assert_cmpint (query_int (annex_database_get_handle (db), "PRAGMA user_version"), ==, latest + 1);
  g_assert_cmpint (query_int (annex_database_get_handle (db), "SELECT x FROM extra"), ==, 42);
  g_assert_cmpint (count_actions (db), ==, 1);
  organization = annex_database_dup_organization (db);
  g_assert_cmpstr (organization, ==, "Acme");
  g_assert_finalize_object (db);

  /* The copy aside holds exactly the file as it was. */
  annex_test_assert_file_equals (bak_path, original);
  g_assert_cmpint (raw_query_int_file (path, "PRAGMA user_version"), ==, latest + 1);

  /* Opening again migrates nothing. */
  g_unlink (bak_path);
  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (db);
  g_assert_false (g_file_test (bak_path, G_FILE_TEST_EXISTS));

  /* Back to a build without the step: the file is now too new for it. */
  _annex_database_set_extra_migrations_for_testing (NULL);
  g_assert_cmpint (annex_database_get_latest_version (), ==, latest);
  assert_refused (path, ANNEX_STORE_ERROR_TOO_NEW, "newer version of Annex");

  annex_test_rm_rf (dir);
}

/* Workspace format 2 adds the controls and requirements, seeded from the catalogue, to a
 * format-1 workspace: the old rows stay, a copy of the old file is kept, and one history entry
 * records the seeding. */
static void
test_migrate_catalogue (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v1.isms", NULL);
  g_autofree char *bak_path = g_strconcat (path, ".before-v1.bak", NULL);
  g_autofree char *new_path = g_build_filename (dir, "new.isms", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *title = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  AnnexChangeEntry *entry;
  AnnexDatabase *db;
  sqlite3 *handle;
  gint64 first_bad = -1;
  gint64 n_entries = 0;
  guint n_catalogue = 0;
  int version = 0;

  annex_catalogue_get_controls (&n_catalogue);
  g_assert_cmpuint (n_catalogue, ==, 93);

  g_assert_true (_annex_database_create_at_version (path, "Acme", 1, &error));
  g_assert_no_error (error);
  raw_exec_file (path, "INSERT INTO actions (reference, created, updated, title) "
                       "VALUES ('A-001', '2025-01-01', '2025-01-01', 'Keep me')");
  original = annex_test_read_file (path);
  g_assert_true (annex_database_validate_file (path, &version, &error));
  g_assert_cmpint (version, ==, 1);
  g_assert_cmpint (raw_query_int_file (path, "SELECT count(*) FROM sqlite_schema "
                                             "WHERE name = 'controls'"), ==, 0);

  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (annex_database_get_schema_version (db), ==,
                   annex_database_get_latest_version ());
  annex_test_assert_file_equals (bak_path, original);
  handle = annex_database_get_handle (db);

  /* The old rows are kept. */
  g_assert_cmpint (count_actions (db), ==, 1);
  title = query_text (handle, "SELECT title FROM actions WHERE reference = 'A-001'");
  g_assert_cmpstr (title, ==, "Keep me");

  /* The catalogue, in its order, untranslated. */
  g_assert_cmpint (annex_database_count_rows (db, "controls", &error), ==, 93);
  g_assert_cmpint (annex_database_count_rows (db, "requirements", &error), ==, 30);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM controls WHERE catalogue = 'annex-a' "
                                      "AND applicability = 'undecided' "
                                      "AND status = 'not-started' AND reason_risk = 0"), ==, 93);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM controls "
                                      "WHERE theme = 'organizational'"), ==, 37);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM controls WHERE theme = 'people'"),
                   ==, 8);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM controls WHERE theme = 'physical'"),
                   ==, 14);
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM controls "
                                      "WHERE theme = 'technological'"), ==, 34);
  g_assert_cmpint (query_int (handle, "SELECT count(DISTINCT reference) FROM controls"), ==, 93);
  first = query_text (handle, "SELECT reference || ' ' || title FROM controls ORDER BY id LIMIT 1");
  g_assert_cmpstr (first, ==, "5.1 Policies for information security");
  last = query_text (handle, "SELECT reference FROM controls ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (last, ==, "8.34");
  g_assert_cmpint (query_int (handle, "SELECT count(*) FROM requirements "
                                      "WHERE reference IN ('4', '6.1', '9.2') "
                                      "OR status != 'not-started'"), ==, 0);

  /* The history: the creation, then the seeding; the chain verifies. */
  entries = annex_change_log_list (db, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  entry = g_ptr_array_index (entries, 2);
  g_assert_cmpstr (entry->table_name, ==, "controls");
  g_assert_cmpint (entry->record_id, ==, 0);
  g_assert_cmpint (entry->kind, ==, ANNEX_CHANGE_INSERT);
  g_assert_cmpstr (entry->after, ==,
                   "{\"seeded\":\"annex-a-2022\",\"controls\":\"93\",\"requirements\":\"30\"}");
  g_assert_true (annex_change_log_verify (db, &first_bad, &n_entries, &error));
  g_assert_cmpint (first_bad, ==, 0);
  g_assert_cmpint (n_entries, ==, 3);

  /* The constraints hold the choices to their values. */
  g_assert_false (annex_database_exec (db, "UPDATE controls SET applicability = 'maybe' "
                                           "WHERE reference = '5.1'", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (annex_database_exec (db, "UPDATE controls SET theme = 'cyber' "
                                           "WHERE reference = '5.1'", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (annex_database_exec (db, "UPDATE requirements SET status = 'planned'", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (annex_database_exec (db, "INSERT INTO controls (reference, created, updated, "
                                           "title) VALUES ('5.1', 'x', 'x', 'Twice')", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_finalize_object (db);

  /* Opening again migrates nothing. */
  g_unlink (bak_path);
  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (annex_database_count_rows (db, "controls", &error), ==, 93);
  g_assert_finalize_object (db);
  g_assert_false (g_file_test (bak_path, G_FILE_TEST_EXISTS));

  /* A new workspace has the same rows; its history starts with its creation alone. */
  db = annex_database_create (new_path, "Beta", &error);
  g_assert_no_error (error);
  g_assert_cmpint (annex_database_count_rows (db, "controls", &error), ==, 93);
  g_assert_cmpint (annex_database_count_rows (db, "requirements", &error), ==, 30);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = annex_change_log_list (db, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_finalize_object (db);

  annex_test_rm_rf (dir);
}

static void
test_migrate_failure (void)
{
  const char * const steps[] = {
    "CREATE TABLE fine (x); INSERT INTO no_such_table VALUES (1);",
    NULL
  };
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.isms", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) original = NULL;
  AnnexDatabase *db;
  int version = 0;

  g_assert_true (_annex_database_create_at_version (path, "Acme", 1, &error));
  g_assert_no_error (error);
  original = annex_test_read_file (path);

  _annex_database_set_extra_migrations_for_testing (steps);

  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "old.isms"));
  g_assert_nonnull (strstr (error->message, "no_such_table"));
  g_clear_error (&error);

  /* Untouched: same bytes, still version 1, no copy aside, no companions. */
  annex_test_assert_file_equals (path, original);
  assert_dir_contents (dir, (const char * const[]) { "old.isms", NULL });
  g_assert_true (annex_database_validate_file (path, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 1);

  /* An older file is not migrated through a read-only connection. */
  db = annex_database_open (path, ANNEX_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_null (db);
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "older version"));
  g_clear_error (&error);
  annex_test_assert_file_equals (path, original);

  _annex_database_set_extra_migrations_for_testing (NULL);

  /* And the unchanged file still opens with this build. */
  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (db);

  annex_test_rm_rf (dir);
}

static void
test_transaction_nested_commit (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = make_workspace (dir, "t.isms");
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_false (annex_database_in_transaction (db));

  g_assert_true (annex_database_begin (db, &error));
  g_assert_true (insert_action (db, "A-001", "Outer", &error));
  g_assert_true (annex_database_begin (db, &error));
  g_assert_true (insert_action (db, "A-002", "Inner", &error));
  g_assert_true (annex_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_true (annex_database_in_transaction (db));
  g_assert_false (sqlite3_get_autocommit (annex_database_get_handle (db)));
  g_assert_true (annex_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_false (annex_database_in_transaction (db));
  g_assert_true (sqlite3_get_autocommit (annex_database_get_handle (db)));

  g_assert_cmpint (count_actions (db), ==, 2);

  g_clear_object (&db);
  annex_test_rm_rf (dir);
}

static void
test_transaction_inner_rollback (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = make_workspace (dir, "t.isms");
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);

  g_assert_true (annex_database_begin (db, &error));
  g_assert_true (insert_action (db, "A-001", "Outer", &error));
  g_assert_true (annex_database_begin (db, &error));
  g_assert_true (insert_action (db, "A-002", "Inner", &error));
  annex_database_rollback (db);
  g_assert_true (annex_database_in_transaction (db));

  /* Another nested level after the rollback cannot save either. */
  g_assert_true (annex_database_begin (db, &error));
  g_assert_false (annex_database_commit (db, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_false (annex_database_commit (db, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (annex_database_in_transaction (db));
  g_assert_true (sqlite3_get_autocommit (annex_database_get_handle (db)));
  g_assert_cmpint (count_actions (db), ==, 0);

  /* The next transaction starts clean. */
  g_assert_true (annex_database_begin (db, &error));
  g_assert_true (insert_action (db, "A-003", "Later", &error));
  g_assert_true (annex_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_actions (db), ==, 1);

  /* Outermost rollback. */
  g_assert_true (annex_database_begin (db, &error));
  g_assert_true (insert_action (db, "A-004", "Dropped", &error));
  annex_database_rollback (db);
  g_assert_false (annex_database_in_transaction (db));
  g_assert_cmpint (count_actions (db), ==, 1);

  g_clear_object (&db);
  annex_test_rm_rf (dir);
}

typedef struct
{
  guint       actions;
  guint       workspace;
  guint       any;
  GPtrArray  *tables;
} ChangedCounts;

static void
on_actions_changed_cb (AnnexDatabase *db,
                       const char    *table,
                       gpointer       user_data)
{
  ChangedCounts *counts = user_data;

  g_assert_cmpstr (table, ==, "actions");
  /* Emitted after the commit: nothing is pending any more. */
  g_assert_false (annex_database_in_transaction (db));
  counts->actions++;
}

static void
on_workspace_changed_cb (AnnexDatabase *db,
                         const char    *table,
                         gpointer       user_data)
{
  ChangedCounts *counts = user_data;

  g_assert_cmpstr (table, ==, "workspace");
  counts->workspace++;
}

static void
on_any_changed_cb (AnnexDatabase *db,
                   const char    *table,
                   gpointer       user_data)
{
  ChangedCounts *counts = user_data;

  counts->any++;
  g_ptr_array_add (counts->tables, g_strdup (table));
}

static void
test_transaction_changed_signal (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = make_workspace (dir, "t.isms");
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  ChangedCounts counts = { 0, 0, 0, tables };

  g_assert_no_error (error);
  g_signal_connect (db, "changed::actions", G_CALLBACK (on_actions_changed_cb), &counts);
  g_signal_connect (db, "changed::workspace", G_CALLBACK (on_workspace_changed_cb), &counts);
  g_signal_connect (db, "changed", G_CALLBACK (on_any_changed_cb), &counts);

  g_assert_true (annex_database_begin (db, &error));
  g_assert_true (insert_action (db, "A-001", "One", &error));
  annex_database_mark_changed (db, "actions");
  g_assert_true (annex_database_begin (db, &error));
  g_assert_true (insert_action (db, "A-002", "Two", &error));
  annex_database_mark_changed (db, "actions");
  g_assert_true (annex_database_commit (db, &error));
  g_assert_cmpuint (counts.actions, ==, 0);
  annex_database_mark_changed (db, "actions");
  g_assert_true (annex_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.actions, ==, 1);
  g_assert_cmpuint (counts.workspace, ==, 0);
  g_assert_cmpuint (counts.any, ==, 1);

  /* Rolled back: no signal, and the marks do not leak into the next transaction. */
  g_assert_true (annex_database_begin (db, &error));
  g_assert_true (insert_action (db, "A-003", "Three", &error));
  annex_database_mark_changed (db, "actions");
  annex_database_rollback (db);
  g_assert_true (annex_database_begin (db, &error));
  g_assert_true (annex_database_commit (db, &error));
  g_assert_cmpuint (counts.actions, ==, 1);
  g_assert_cmpuint (counts.any, ==, 1);

  /* Inner rollback, outer commit: no signal either. */
  g_assert_true (annex_database_begin (db, &error));
  annex_database_mark_changed (db, "actions");
  g_assert_true (annex_database_begin (db, &error));
  annex_database_rollback (db);
  g_assert_false (annex_database_commit (db, &error));
  g_clear_error (&error);
  g_assert_cmpuint (counts.actions, ==, 1);

  /* A setting marks "workspace" (and the history). */
  g_assert_true (annex_database_set_setting (db, "scope", "All", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.actions, ==, 1);
  g_assert_cmpuint (counts.workspace, ==, 1);
  g_assert_cmpuint (tables->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (tables, 0), ==, "actions");
  g_assert_true (g_strv_contains ((const char * const[]) { "workspace", "change_log", NULL },
                                  g_ptr_array_index (tables, 1)));
  g_assert_true (g_strv_contains ((const char * const[]) { "workspace", "change_log", NULL },
                                  g_ptr_array_index (tables, 2)));

  g_signal_handlers_disconnect_by_data (db, &counts);
  g_clear_object (&db);
  annex_test_rm_rf (dir);
}

static void
test_constraint (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = make_workspace (dir, "c.isms");
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);

  g_assert_true (insert_action (db, "A-001", "First", &error));
  g_assert_no_error (error);

  /* UNIQUE reference. */
  g_assert_false (insert_action (db, "A-001", "Duplicate", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "UNIQUE"));
  g_clear_error (&error);

  /* NOT NULL title. */
  g_assert_false (insert_action (db, "A-002", NULL, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* The statement is reusable after the failure. */
  g_assert_true (insert_action (db, "A-003", "Third", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_actions (db), ==, 2);

  g_clear_object (&db);
  annex_test_rm_rf (dir);
}

static void
test_statement_cache (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = make_workspace (dir, "c.isms");
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  sqlite3_stmt *stmt, *again;

  g_assert_no_error (error);

  stmt = annex_database_prepare (db, "SELECT ?1 UNION ALL SELECT 2", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stmt);
  sqlite3_bind_int (stmt, 1, 7);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 7);

  /* Same statement, reset (first row again) with its binding cleared (NULL). */
  again = annex_database_prepare (db, "SELECT ?1 UNION ALL SELECT 2", &error);
  g_assert_true (again == stmt);
  g_assert_cmpint (sqlite3_step (again), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_type (again, 0), ==, SQLITE_NULL);
  g_assert_cmpint (sqlite3_step (again), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (again, 0), ==, 2);
  g_assert_true (annex_database_step_done (db, again, &error));

  /* Bad SQL. */
  g_assert_null (annex_database_prepare (db, "SELEC nonsense", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "syntax error"));
  g_clear_error (&error);

  g_clear_object (&db);
  annex_test_rm_rf (dir);
}

static void
test_count_rows (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = make_workspace (dir, "c.isms");
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  const char * const *tables = annex_database_get_register_tables ();

  g_assert_no_error (error);
  g_assert_nonnull (tables);
  g_assert_cmpstrv (tables, ((const char * const[]) { "actions", "controls", "requirements",
                                                      "issues", "parties", "party_requirements",
                                                      "scope_versions", "scope_exclusions",
                                                      "assets", "risks", "audits",
                                                      "audit_items", "findings",
                                                      "nonconformities", "incidents",
                                                      /* objectives and reviews */
                                                      "objectives", "objective_measurements",
                                                      "reviews", "review_attendees",
                                                      /* documents and people */
                                                      "documents", "document_versions",
                                                      "people", "roles", "trainings",
                                                      "awareness_activities",
                                                      "communications",
                                                      /* imported catalogues */
                                                      "catalogues",
                                                      NULL }));
  for (guint i = 3; tables[i] != NULL; i++)
    g_assert_cmpint (annex_database_count_rows (db, tables[i], &error), ==, 0);

  g_assert_cmpint (annex_database_count_rows (db, "controls", &error), ==, 93);
  g_assert_cmpint (annex_database_count_rows (db, "requirements", &error), ==, 30);
  g_assert_cmpint (annex_database_count_rows (db, "actions", &error), ==, 0);
  g_assert_no_error (error);
  g_assert_true (insert_action (db, "A-001", "One", &error));
  g_assert_cmpint (annex_database_count_rows (db, "actions", &error), ==, 1);

  g_assert_cmpint (annex_database_count_rows (db, "workspace", &error), ==, -1);
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (annex_database_count_rows (db, "actions; DROP TABLE actions", &error), ==, -1);
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_actions (db), ==, 1);

  g_clear_object (&db);
  annex_test_rm_rf (dir);
}

static void
test_close (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = make_workspace (dir, "c.isms");
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_true (insert_action (db, "A-001", "One", &error));
  g_assert_true (exists_with_suffix (path, "-wal"));

  /* An open transaction is rolled back by close. */
  g_assert_true (annex_database_begin (db, &error));
  g_assert_true (insert_action (db, "A-002", "Two", &error));
  annex_database_close (db);
  annex_database_close (db);
  g_assert_false (annex_database_in_transaction (db));
  assert_no_companions (path);
  g_assert_cmpint (raw_query_int_file (path, "SELECT count(*) FROM actions"), ==, 1);

  g_assert_null (annex_database_get_handle (db));
  g_assert_null (annex_database_prepare (db, "SELECT 1", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (annex_database_begin (db, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (annex_database_exec (db, "SELECT 1", &error));
  g_clear_error (&error);
  g_assert_null (annex_database_dup_organization (db));
  g_assert_false (annex_database_set_setting (db, "scope", "x", &error));
  g_clear_error (&error);
  g_assert_cmpint (annex_database_count_rows (db, "actions", &error), ==, -1);
  g_clear_error (&error);

  g_clear_object (&db);
  annex_test_rm_rf (dir);
}

static gboolean
dir_has_temporary_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (strstr (name, ".tmp-") != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_backup (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = make_workspace (dir, "source.isms");
  g_autofree char *copy_path = g_build_filename (dir, "copy.isms", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_autoptr(GBytes) copy_bytes = NULL;
  AnnexDatabase *copy;
  char *value;
  int version = 0;

  g_assert_no_error (error);
  g_assert_true (annex_database_begin (db, &error));
  for (int i = 0; i < 50; i++)
    {
      g_autofree char *reference = g_strdup_printf ("A-%03d", i);

      g_assert_true (insert_action (db, reference, "Copied", &error));
    }
  g_assert_true (annex_database_commit (db, &error));
  g_assert_true (annex_database_set_setting (db, "scope", "Everything", &error));
  g_assert_no_error (error);

  /* The source is in WAL mode with data in its log. */
  g_assert_true (exists_with_suffix (path, "-wal"));

  /* Refused in the middle of a change, and over itself. */
  g_assert_true (annex_database_begin (db, &error));
  g_assert_false (annex_database_backup (db, copy_path, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (annex_database_commit (db, &error));
  g_assert_false (annex_database_backup (db, path, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Over an existing file too. */
  annex_test_write_file (copy_path, "old export", -1);
  g_assert_true (annex_database_backup (db, copy_path, &error));
  g_assert_no_error (error);
  g_assert_false (dir_has_temporary_files (dir));
  assert_no_companions (copy_path);

  /* A single self-contained file in rollback-journal mode. */
  copy_bytes = annex_test_read_file (copy_path);
  g_assert_cmpuint (g_bytes_get_size (copy_bytes), >=, 100);
  g_assert_cmpint (((const guint8 *) g_bytes_get_data (copy_bytes, NULL))[18], ==, 1);
  g_assert_cmpint (((const guint8 *) g_bytes_get_data (copy_bytes, NULL))[19], ==, 1);

  g_assert_true (annex_database_validate_file (copy_path, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, annex_database_get_latest_version ());

  copy = annex_database_open (copy_path, ANNEX_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_actions (copy), ==, 50);
  value = annex_database_dup_setting (copy, "scope");
  g_assert_cmpstr (value, ==, "Everything");
  g_free (value);
  value = query_text (annex_database_get_handle (copy), "PRAGMA journal_mode");
  g_assert_cmpstr (value, ==, "delete");
  g_free (value);
  g_assert_finalize_object (copy);

  /* The source is still fine and writable. */
  g_assert_true (insert_action (db, "A-999", "After the copy", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_actions (db), ==, 51);

  g_clear_object (&db);
  annex_test_rm_rf (dir);
}

static void
test_backup_read_only_dir (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = make_workspace (dir, "source.isms");
  g_autofree char *ro_dir = g_build_filename (dir, "locked", NULL);
  g_autofree char *copy_path = g_build_filename (ro_dir, "copy.isms", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = NULL;

  if (running_as_root ())
    {
      g_test_skip ("root ignores file permissions");
      annex_test_rm_rf (dir);
      return;
    }

  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (ro_dir, 0500), ==, 0);

  g_assert_false (annex_database_backup (db, copy_path, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "copy.isms"));
  assert_dir_contents (ro_dir, (const char * const[]) { NULL });

  g_clear_object (&db);
  annex_test_rm_rf (dir);
}

static void
test_open_read_only_dir (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *ro_dir = g_build_filename (dir, "locked", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *organization = NULL;
  AnnexDatabase *db;

  if (running_as_root ())
    {
      g_test_skip ("root ignores file permissions");
      annex_test_rm_rf (dir);
      return;
    }

  g_assert_cmpint (g_mkdir (ro_dir, 0700), ==, 0);
  path = make_workspace (ro_dir, "w.isms");
  g_assert_cmpint (g_chmod (ro_dir, 0500), ==, 0);
  before = annex_test_read_file (path);

  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "cannot be written"));
  g_clear_error (&error);

  /* Reading works (the folder allows no -shm file: opened immutable). */
  db = annex_database_open (path, ANNEX_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  organization = annex_database_dup_organization (db);
  g_assert_cmpstr (organization, ==, "Acme Ltd");
  g_assert_cmpint (count_actions (db), ==, 0);
  g_assert_false (annex_database_set_setting (db, "scope", "x", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_finalize_object (db);

  annex_test_assert_file_equals (path, before);
  assert_dir_contents (ro_dir, (const char * const[]) { "w.isms", NULL });

  annex_test_rm_rf (dir);
}

static void
test_open_read_only_file (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = make_workspace (dir, "w.isms");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  AnnexDatabase *db;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = annex_test_read_file (path);

  if (!running_as_root ())
    {
      db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
      g_assert_null (db);
      g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_READ_ONLY);
      g_assert_nonnull (strstr (error->message, "w.isms"));
      g_assert_nonnull (strstr (error->message, "read-only"));
      g_clear_error (&error);
    }

  db = annex_database_open (path, ANNEX_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (annex_database_is_read_only (db));
  g_assert_cmpint (count_actions (db), ==, 0);
  g_assert_false (annex_database_set_setting (db, "scope", "x", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_finalize_object (db);

  annex_test_assert_file_equals (path, before);
  assert_no_companions (path);

  if (running_as_root ())
    g_test_skip ("root ignores file permissions: only the read-only open was checked");

  annex_test_rm_rf (dir);
}

/* A second, read-only connection sees what the writer committed (the worker-thread load). */
static void
test_read_only_connection (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = make_workspace (dir, "w.isms");
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) writer = NULL;
  g_autoptr(AnnexDatabase) reader = NULL;

  writer = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  reader = annex_database_open (path, ANNEX_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (annex_database_is_read_only (reader));

  g_assert_true (insert_action (writer, "A-001", "Seen by the reader", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_actions (reader), ==, 1);

  g_assert_false (insert_action (reader, "A-002", "Refused", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* A second reader for the worker skips the page-by-page check but sees the same data. */
  {
    g_autoptr(AnnexDatabase) quick = NULL;

    quick = annex_database_open (path,
                                 ANNEX_DATABASE_OPEN_READ_ONLY |
                                 ANNEX_DATABASE_OPEN_NO_INTEGRITY_CHECK,
                                 &error);
    g_assert_no_error (error);
    g_assert_cmpint (count_actions (quick), ==, 1);
  }

  g_clear_object (&reader);
  g_clear_object (&writer);
  assert_no_companions (path);
  annex_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annex/store/error-mapping", test_error_mapping);
  g_test_add_func ("/annex/store/create-open-reopen", test_create_open_reopen);
  g_test_add_func ("/annex/store/create-existing", test_create_existing);
  g_test_add_func ("/annex/store/create-over-stale-wal", test_create_over_stale_wal);
  g_test_add_func ("/annex/store/pragmas", test_pragmas);
  g_test_add_func ("/annex/store/settings", test_settings);
  g_test_add_func ("/annex/store/refuse/too-new", test_refuse_too_new);
  g_test_add_func ("/annex/store/refuse/too-new-in-wal", test_refuse_too_new_in_wal);
  g_test_add_func ("/annex/store/refuse/foreign", test_refuse_foreign);
  g_test_add_func ("/annex/store/refuse/truncated", test_refuse_truncated);
  g_test_add_func ("/annex/store/refuse/damaged", test_refuse_damaged);
  g_test_add_func ("/annex/store/refuse/not-sqlite", test_refuse_not_sqlite);
  g_test_add_func ("/annex/store/path-escaping", test_path_escaping);
  g_test_add_func ("/annex/store/migrate", test_migrate);
  g_test_add_func ("/annex/store/migrate-failure", test_migrate_failure);
  g_test_add_func ("/annex/store/migrate-catalogue", test_migrate_catalogue);
  g_test_add_func ("/annex/store/transaction/nested-commit", test_transaction_nested_commit);
  g_test_add_func ("/annex/store/transaction/inner-rollback", test_transaction_inner_rollback);
  g_test_add_func ("/annex/store/transaction/changed-signal", test_transaction_changed_signal);
  g_test_add_func ("/annex/store/constraint", test_constraint);
  g_test_add_func ("/annex/store/statement-cache", test_statement_cache);
  g_test_add_func ("/annex/store/count-rows", test_count_rows);
  g_test_add_func ("/annex/store/close", test_close);
  g_test_add_func ("/annex/store/backup", test_backup);
  g_test_add_func ("/annex/store/backup-read-only-dir", test_backup_read_only_dir);
  g_test_add_func ("/annex/store/open-read-only-dir", test_open_read_only_dir);
  g_test_add_func ("/annex/store/open-read-only-file", test_open_read_only_file);
  g_test_add_func ("/annex/store/read-only-connection", test_read_only_connection);

  return g_test_run ();
}
