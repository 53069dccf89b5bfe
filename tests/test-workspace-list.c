/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-workspace-list.c: the folder of workspaces on a temporary directory: create, list and
 * sort, rename, duplicate, delete, export and import (including refused imports), files in the
 * folder that cannot be opened, and the asynchronous operations (export, import, duplicate,
 * open) run on worker threads. */

#define G_LOG_DOMAIN "test-workspace-list"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "annex-action.h"
#include "annex-database-private.h"
#include "annex-database.h"
#include "annex-register.h"
#include "annex-store-error.h"
#include "annex-test-util.h"
#include "annex-workspace-list.h"

typedef struct
{
  char               *tmpdir;
  char               *folder;     /* tmpdir/workspaces, not created up front */
  AnnexWorkspaceList *list;
  guint               n_changes;
} Fixture;

/* The thread running the tests: the list may change, and callbacks may run, only there. */
static GThread *main_thread;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *fixture)
{
  g_assert_true (g_thread_self () == main_thread);
  fixture->n_changes++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = annex_test_make_tmpdir ();
  fixture->folder = g_build_filename (fixture->tmpdir, "workspaces", NULL);
  fixture->list = annex_workspace_list_new (fixture->folder);
  g_signal_connect (fixture->list, "items-changed", G_CALLBACK (on_items_changed_cb), fixture);

  /* A missing folder is an empty list. */
  g_assert_true (annex_workspace_list_refresh (fixture->list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 0);
  g_assert_cmpuint (fixture->n_changes, ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->list);
  annex_test_rm_rf (fixture->tmpdir);
  g_free (fixture->folder);
  g_free (fixture->tmpdir);
}

static AnnexWorkspace *
get_workspace (AnnexWorkspaceList *list,
               guint               position)
{
  return annex_test_list_get_item (G_LIST_MODEL (list), position);
}

/* "name1|name2|…" in list order. */
static char *
join_names (AnnexWorkspaceList *list)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      if (i > 0)
        g_string_append_c (names, '|');
      g_string_append (names, annex_workspace_get_name (get_workspace (list, i)));
    }

  return g_string_free (names, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The sorted file names of @folder, "a|b|…". */
static char *
join_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);

  return g_strjoinv ("|", (char **) names->pdata);
}

static AnnexWorkspace *
create (Fixture    *fixture,
        const char *organization)
{
  g_autoptr(GError) error = NULL;
  AnnexWorkspace *workspace;

  workspace = annex_workspace_list_create (fixture->list, organization, &error);
  g_assert_no_error (error);
  g_assert_nonnull (workspace);
  return workspace;
}

static char *
dup_file_name (AnnexWorkspace *workspace)
{
  return g_path_get_basename (annex_workspace_get_path (workspace));
}

/* Adds three actions to the workspace at @path. */
static void
add_actions (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_autoptr(AnnexRegister) reg = NULL;
  static const char * const titles[] = { "Encrypt laptops", "Review “access” rights", "Ünïcødé" };

  g_assert_no_error (error);
  reg = annex_register_new (db, ANNEX_TYPE_ACTION);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(AnnexRecord) record = annex_register_new_record (reg);

      g_object_set (record, "title", titles[i], "owner", "IT", "due-date", "2026-08-01", NULL);
      g_assert_true (annex_register_add (reg, record, &error));
      g_assert_no_error (error);
    }
  g_clear_object (&reg);
  annex_database_close (db);
}

/* The JSON of every action of the workspace at @path, one per line, and its organization. */
static char *
dump_actions (const char  *path,
              char       **out_organization)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = annex_database_open (path, ANNEX_DATABASE_OPEN_READ_ONLY, &error);
  g_autoptr(AnnexRegister) reg = NULL;
  GString *dump = g_string_new (NULL);

  g_assert_no_error (error);
  reg = annex_register_new (db, ANNEX_TYPE_ACTION);
  g_assert_true (annex_register_load (reg, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (reg)); i++)
    {
      g_autoptr(AnnexRecord) record = g_list_model_get_item (G_LIST_MODEL (reg), i);
      g_autofree char *json = annex_record_to_json (record);

      g_string_append_printf (dump, "%s\n", json);
    }

  if (out_organization != NULL)
    *out_organization = annex_database_dup_organization (db);

  g_clear_object (&reg);
  annex_database_close (db);
  return g_string_free (dump, FALSE);
}

static void
test_create (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexWorkspaceList) again = NULL;
  g_autofree char *names = NULL;
  g_autofree char *again_names = NULL;
  g_autofree char *file_name = NULL;
  AnnexWorkspace *zeta;
  AnnexWorkspace *acme;
  AnnexWorkspace *acme2;

  zeta = create (fixture, "Zeta Corp");
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  g_assert_true (g_file_test (fixture->folder, G_FILE_TEST_IS_DIR));
  acme = create (fixture, "  Acme Ltd ");
  g_assert_cmpuint (fixture->n_changes, ==, 2);

  file_name = dup_file_name (zeta);
  g_assert_cmpstr (file_name, ==, "zeta-corp.isms");
  g_clear_pointer (&file_name, g_free);
  file_name = dup_file_name (acme);
  g_assert_cmpstr (file_name, ==, "acme-ltd.isms");
  g_clear_pointer (&file_name, g_free);
  g_assert_cmpstr (annex_workspace_get_name (acme), ==, "Acme Ltd");
  g_assert_null (annex_workspace_get_error (acme));
  g_assert_nonnull (annex_workspace_get_modified (acme));
  g_assert_true (get_workspace (fixture->list, 0) == acme);
  g_assert_true (get_workspace (fixture->list, 1) == zeta);

  /* The same organization again: a fresh file name. */
  acme2 = create (fixture, "Acme Ltd");
  file_name = dup_file_name (acme2);
  g_assert_cmpstr (file_name, ==, "acme-ltd-2.isms");
  g_clear_pointer (&file_name, g_free);

  /* Slugs: transliterated, punctuation collapsed, trimmed, bounded; a fallback. */
  file_name = dup_file_name (create (fixture, "Müller & Söhne -- GmbH!"));
  g_assert_cmpstr (file_name, ==, "muller-sohne-gmbh.isms");
  g_clear_pointer (&file_name, g_free);
  file_name = dup_file_name (create (fixture, "株式会社"));
  g_assert_cmpstr (file_name, ==, "workspace.isms");
  g_clear_pointer (&file_name, g_free);
  file_name = dup_file_name (create (fixture,
                                     "The Extraordinarily Long Name of a Holding Company"));
  g_assert_cmpstr (file_name, ==, "the-extraordinarily-long-name-of-a-holdi.isms");
  g_clear_pointer (&file_name, g_free);
  file_name = dup_file_name (create (fixture, "Forty characters exactly, then a break!!  x"));
  g_assert_cmpstr (file_name, ==, "forty-characters-exactly-then-a-break-x.isms");
  g_clear_pointer (&file_name, g_free);

  /* A blank name is refused and writes nothing. */
  g_assert_null (annex_workspace_list_create (fixture->list, "   ", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 7);

  names = join_names (fixture->list);
  g_assert_cmpstr (names, ==,
                   "Acme Ltd|Acme Ltd|Forty characters exactly, then a break!!  x|"
                   "Müller & Söhne -- GmbH!|The Extraordinarily Long Name of a Holding Company|"
                   "Zeta Corp|株式会社");

  /* A second list over the folder reads the same, in one emission. */
  again = annex_workspace_list_new (fixture->folder);
  g_signal_connect (again, "items-changed", G_CALLBACK (on_items_changed_cb), fixture);
  fixture->n_changes = 0;
  g_assert_true (annex_workspace_list_refresh (again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  again_names = join_names (again);
  g_assert_cmpstr (again_names, ==, names);
  g_assert_cmpstr (annex_workspace_get_path (get_workspace (again, 0)), ==,
                   annex_workspace_get_path (acme));
}

static void
test_rename (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *dump = NULL;
  AnnexWorkspace *zeta;
  guint n_name = 0;

  create (fixture, "Beta");
  create (fixture, "Gamma");
  zeta = create (fixture, "Zeta");
  fixture->n_changes = 0;

  g_signal_connect (zeta, "notify::name", G_CALLBACK (annex_test_count_cb), &n_name);

  g_assert_true (annex_workspace_list_rename (fixture->list, zeta, "Alpha", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_name, ==, 1);
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  g_assert_cmpstr (annex_workspace_get_name (zeta), ==, "Alpha");
  g_assert_true (get_workspace (fixture->list, 0) == zeta);
  names = join_names (fixture->list);
  g_assert_cmpstr (names, ==, "Alpha|Beta|Gamma");
  g_clear_pointer (&names, g_free);

  /* The file keeps its name; the organization is stored in it. */
  file_name = dup_file_name (zeta);
  g_assert_cmpstr (file_name, ==, "zeta.isms");
  dump = dump_actions (annex_workspace_get_path (zeta), &organization);
  g_assert_cmpstr (organization, ==, "Alpha");

  g_assert_true (annex_workspace_list_refresh (fixture->list, &error));
  names = join_names (fixture->list);
  g_assert_cmpstr (names, ==, "Alpha|Beta|Gamma");

  /* A blank name is refused. */
  g_assert_false (annex_workspace_list_rename (fixture->list, get_workspace (fixture->list, 0),
                                               "", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *original_dump = NULL;
  g_autofree char *copy_dump = NULL;
  g_autofree char *original_org = NULL;
  g_autofree char *copy_org = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *names = NULL;
  AnnexWorkspace *original;
  AnnexWorkspace *copy;

  original = create (fixture, "Acme Ltd");
  add_actions (annex_workspace_get_path (original));
  fixture->n_changes = 0;

  copy = annex_workspace_list_duplicate (fixture->list, original, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  g_assert_cmpstr (annex_workspace_get_name (copy), ==, "Acme Ltd (copy)");
  g_assert_null (annex_workspace_get_error (copy));
  file_name = dup_file_name (copy);
  g_assert_cmpstr (file_name, ==, "acme-ltd-copy.isms");
  names = join_names (fixture->list);
  g_assert_cmpstr (names, ==, "Acme Ltd|Acme Ltd (copy)");

  original_dump = dump_actions (annex_workspace_get_path (original), &original_org);
  copy_dump = dump_actions (annex_workspace_get_path (copy), &copy_org);
  g_assert_cmpstr (original_org, ==, "Acme Ltd");
  g_assert_cmpstr (copy_org, ==, "Acme Ltd (copy)");
  g_assert_cmpstr (copy_dump, ==, original_dump);
  g_assert_nonnull (strstr (copy_dump, "Review “access” rights"));
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *files = NULL;
  AnnexWorkspace *doomed;
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  create (fixture, "Keep");
  doomed = create (fixture, "Doomed");
  path = g_strdup (annex_workspace_get_path (doomed));

  /* Companions as SQLite leaves them after a crash. */
  for (guint i = 1; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *companion = g_strconcat (path, suffixes[i], NULL);

      annex_test_write_file (companion, "x", 1);
    }
  fixture->n_changes = 0;

  g_assert_true (annex_workspace_list_delete (fixture->list, doomed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 1);
  g_assert_cmpstr (annex_workspace_get_name (get_workspace (fixture->list, 0)), ==, "Keep");

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *companion = g_strconcat (path, suffixes[i], NULL);

      g_assert_false (g_file_test (companion, G_FILE_TEST_EXISTS));
    }
  files = join_files (fixture->folder);
  g_assert_cmpstr (files, ==, "keep.isms");
}

static void
assert_file_format_not_wal (const char *path)
{
  g_autoptr(GBytes) bytes = annex_test_read_file (path);
  const guint8 *header = g_bytes_get_data (bytes, NULL);

  g_assert_cmpuint (g_bytes_get_size (bytes), >=, 100);
  g_assert_cmpmem (header, 16, "SQLite format 3", 16);
  /* File format write/read versions: 1 = rollback journal, 2 = WAL. */
  g_assert_cmpuint (header[18], ==, 1);
  g_assert_cmpuint (header[19], ==, 1);
}

static void
test_export_import (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autofree char *out_dir = g_build_filename (fixture->tmpdir, "out", NULL);
  g_autofree char *dest = g_build_filename (out_dir, "acme export.isms", NULL);
  g_autofree char *dest_wal = g_strconcat (dest, "-wal", NULL);
  g_autofree char *dest_shm = g_strconcat (dest, "-shm", NULL);
  g_autofree char *original_dump = NULL;
  g_autofree char *imported_dump = NULL;
  g_autofree char *imported_org = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *out_files = NULL;
  g_autofree char *folder_files = NULL;
  AnnexWorkspace *original;
  AnnexWorkspace *imported;
  int version = 0;

  original = create (fixture, "Acme Ltd");
  add_actions (annex_workspace_get_path (original));
  original_dump = dump_actions (annex_workspace_get_path (original), NULL);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);

  g_assert_true (annex_workspace_list_export (fixture->list, original, dest, &error));
  g_assert_no_error (error);

  /* One self-contained file that validates. */
  g_assert_true (annex_database_validate_file (dest, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, annex_database_get_latest_version ());
  assert_file_format_not_wal (dest);
  out_files = join_files (out_dir);
  g_assert_cmpstr (out_files, ==, "acme export.isms");

  /* Import it back: a new item with the same data; the source untouched. */
  exported = annex_test_read_file (dest);
  fixture->n_changes = 0;
  imported = annex_workspace_list_import (fixture->list, dest, &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 2);
  g_assert_cmpstr (annex_workspace_get_name (imported), ==, "Acme Ltd");
  g_assert_null (annex_workspace_get_error (imported));
  file_name = dup_file_name (imported);
  g_assert_cmpstr (file_name, ==, "acme-ltd-2.isms");

  annex_test_assert_file_equals (dest, exported);
  g_assert_false (g_file_test (dest_wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dest_shm, G_FILE_TEST_EXISTS));

  imported_dump = dump_actions (annex_workspace_get_path (imported), &imported_org);
  g_assert_cmpstr (imported_dump, ==, original_dump);
  g_assert_cmpstr (imported_org, ==, "Acme Ltd");

  /* No temporary files were left in the folder. */
  folder_files = join_files (fixture->folder);
  g_assert_cmpstr (folder_files, ==, "acme-ltd-2.isms|acme-ltd.isms");

  /* The imported workspace is a normal, writable one. */
  add_actions (annex_workspace_get_path (imported));
}

/* Creates a workspace at @path, then marks it as written by a newer Annex. */
static void
make_newer_workspace (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = annex_database_create (path, "From the future", &error);
  g_autofree char *sql = NULL;
  sqlite3 *handle = NULL;

  g_assert_no_error (error);
  annex_database_close (db);

  sql = g_strdup_printf ("PRAGMA user_version = %d", annex_database_get_latest_version () + 1);
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

static void
make_foreign_database (const char *path)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "CREATE TABLE contacts (name TEXT); "
                                 "INSERT INTO contacts VALUES ('Ada')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

static void
test_import_refused (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *src_dir = g_build_filename (fixture->tmpdir, "src", NULL);
  g_autofree char *text = g_build_filename (src_dir, "notes.isms", NULL);
  g_autofree char *empty = g_build_filename (src_dir, "empty.isms", NULL);
  g_autofree char *foreign = g_build_filename (src_dir, "contacts.isms", NULL);
  g_autofree char *newer = g_build_filename (src_dir, "newer.isms", NULL);
  g_autofree char *truncated = g_build_filename (src_dir, "truncated.isms", NULL);
  g_autofree char *missing = g_build_filename (src_dir, "missing.isms", NULL);
  g_autofree char *folder_before = NULL;
  g_autofree char *src_before = NULL;
  g_autofree char *names_before = NULL;
  struct {
    const char *path;
    int         code;
  } cases[] = {
    { text, ANNEX_STORE_ERROR_NOT_SQLITE },
    { empty, ANNEX_STORE_ERROR_NOT_SQLITE },
    { foreign, ANNEX_STORE_ERROR_NOT_WORKSPACE },
    { newer, ANNEX_STORE_ERROR_TOO_NEW },
    { truncated, ANNEX_STORE_ERROR_CORRUPT },
    { missing, ANNEX_STORE_ERROR_NOT_FOUND },
  };

  create (fixture, "Existing");
  g_assert_cmpint (g_mkdir (src_dir, 0700), ==, 0);

  annex_test_write_file (text, "This is not a database.\n", -1);
  annex_test_write_file (empty, "", 0);
  make_foreign_database (foreign);
  make_newer_workspace (newer);
  {
    /* The first half of a real workspace (with some rows, so it has several pages). */
    g_autofree char *full = g_build_filename (src_dir, "full.tmp", NULL);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(AnnexDatabase) db = annex_database_create (full, "Half", &error);

    g_assert_no_error (error);
    annex_database_close (db);
    add_actions (full);
    bytes = annex_test_read_file (full);
    annex_test_write_file (truncated, g_bytes_get_data (bytes, NULL),
                           (gssize) g_bytes_get_size (bytes) / 2);
    g_unlink (full);
  }

  folder_before = join_files (fixture->folder);
  src_before = join_files (src_dir);
  names_before = join_names (fixture->list);
  fixture->n_changes = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) before = NULL;
      g_autofree char *folder_after = NULL;
      g_autofree char *src_after = NULL;
      g_autofree char *names_after = NULL;

      if (g_file_test (cases[i].path, G_FILE_TEST_EXISTS))
        before = annex_test_read_file (cases[i].path);

      g_assert_null (annex_workspace_list_import (fixture->list, cases[i].path, &error));
      if (!g_error_matches (error, ANNEX_STORE_ERROR, cases[i].code))
        g_error ("importing %s: expected code %d, got %s", cases[i].path, cases[i].code,
                 error != NULL ? error->message : "success");
      g_assert_cmpstr (error->message, !=, "");

      if (before != NULL)
        annex_test_assert_file_equals (cases[i].path, before);

      folder_after = join_files (fixture->folder);
      src_after = join_files (src_dir);
      names_after = join_names (fixture->list);
      g_assert_cmpstr (folder_after, ==, folder_before);
      g_assert_cmpstr (src_after, ==, src_before);  /* no -wal, -shm or -journal appeared */
      g_assert_cmpstr (names_after, ==, names_before);
    }

  g_assert_cmpuint (fixture->n_changes, ==, 0);
}

static void
test_unusable_files (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *foreign = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *ignored = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *names = NULL;
  AnnexWorkspace *workspace;

  create (fixture, "Good Company");
  broken = g_build_filename (fixture->folder, "broken.isms", NULL);
  annex_test_write_file (broken, "garbage garbage garbage", -1);
  foreign = g_build_filename (fixture->folder, "foreign.isms", NULL);
  make_foreign_database (foreign);
  newer = g_build_filename (fixture->folder, "newer.isms", NULL);
  make_newer_workspace (newer);
  ignored = g_build_filename (fixture->folder, "notes.txt", NULL);
  annex_test_write_file (ignored, "not listed", -1);
  directory = g_build_filename (fixture->folder, "folder.isms", NULL);
  g_assert_cmpint (g_mkdir (directory, 0700), ==, 0);
  fixture->n_changes = 0;

  g_assert_true (annex_workspace_list_refresh (fixture->list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changes, ==, 1);

  names = join_names (fixture->list);
  g_assert_cmpstr (names, ==, "broken|foreign|Good Company|newer");

  workspace = annex_workspace_list_find_by_path (fixture->list, broken);
  g_assert_nonnull (workspace);
  g_assert_cmpstr (annex_workspace_get_name (workspace), ==, "broken");
  g_assert_nonnull (annex_workspace_get_error (workspace));
  g_assert_cmpstr (annex_workspace_get_error (workspace), !=, "");

  workspace = annex_workspace_list_find_by_path (fixture->list, foreign);
  g_assert_nonnull (annex_workspace_get_error (workspace));
  workspace = annex_workspace_list_find_by_path (fixture->list, newer);
  g_assert_nonnull (annex_workspace_get_error (workspace));
  g_assert_null (annex_workspace_get_error (get_workspace (fixture->list, 2)));

  /* An unusable file can still be deleted. */
  workspace = annex_workspace_list_find_by_path (fixture->list, broken);
  g_assert_true (annex_workspace_list_delete (fixture->list, workspace, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (broken, G_FILE_TEST_EXISTS));
}

static void
test_older_workspace (Fixture       *fixture,
                      gconstpointer  user_data)
{
  static const char * const steps[] = { "CREATE TABLE extra_for_test (x INTEGER)", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) source_bytes = NULL;
  g_autofree char *src_dir = g_build_filename (fixture->tmpdir, "src", NULL);
  g_autofree char *source = g_build_filename (src_dir, "old.isms", NULL);
  g_autofree char *source_dump = NULL;
  g_autofree char *imported_dump = NULL;
  g_autofree char *src_files = NULL;
  g_autofree char *src_files_after = NULL;
  g_autofree char *folder_files = NULL;
  g_autofree char *names = NULL;
  AnnexWorkspace *legacy;
  AnnexWorkspace *imported;
  int built_in_version = annex_database_get_latest_version ();
  int version = 0;

  /* Two workspaces at today's format, which a later Annex (one more migration) finds older. */
  legacy = create (fixture, "Legacy Co");
  g_assert_cmpint (g_mkdir (src_dir, 0700), ==, 0);
  {
    g_autoptr(AnnexDatabase) db = annex_database_create (source, "Old Org", &error);

    g_assert_no_error (error);
    annex_database_close (db);
  }
  add_actions (source);
  source_dump = dump_actions (source, NULL);
  source_bytes = annex_test_read_file (source);
  src_files = join_files (src_dir);

  _annex_database_set_extra_migrations_for_testing (steps);

  /* Listed by its file name until it is opened (and migrated), without an error. */
  g_assert_true (annex_workspace_list_refresh (fixture->list, &error));
  g_assert_no_error (error);
  legacy = get_workspace (fixture->list, 0);
  g_assert_cmpstr (annex_workspace_get_name (legacy), ==, "legacy-co");
  g_assert_null (annex_workspace_get_error (legacy));

  /* Importing migrates the copy, never the source. */
  imported = annex_workspace_list_import (fixture->list, source, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (annex_workspace_get_name (imported), ==, "Old Org");
  g_assert_null (annex_workspace_get_error (imported));
  g_assert_true (annex_database_validate_file (annex_workspace_get_path (imported), &version,
                                               &error));
  g_assert_cmpint (version, ==, annex_database_get_latest_version ());
  g_assert_cmpint (version, ==, built_in_version + 1);

  annex_test_assert_file_equals (source, source_bytes);
  src_files_after = join_files (src_dir);
  g_assert_cmpstr (src_files_after, ==, src_files);
  /* No copy made before the migration is left: the source itself is that copy. */
  folder_files = join_files (fixture->folder);
  g_assert_cmpstr (folder_files, ==, "legacy-co.isms|old-org.isms");
  names = join_names (fixture->list);
  g_assert_cmpstr (names, ==, "legacy-co|Old Org");

  imported_dump = dump_actions (annex_workspace_get_path (imported), NULL);
  g_assert_cmpstr (imported_dump, ==, source_dump);

  _annex_database_set_extra_migrations_for_testing (NULL);
}

static void
test_paths (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autofree char *default_directory = annex_workspace_list_dup_default_directory ();
  g_autofree char *indirect = NULL;
  g_autofree char *elsewhere = NULL;
  AnnexWorkspace *workspace;

  g_assert_true (g_str_has_prefix (default_directory, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (default_directory, "annex" G_DIR_SEPARATOR_S "workspaces"));
  g_assert_cmpstr (annex_workspace_list_get_directory (fixture->list), ==, fixture->folder);

  workspace = create (fixture, "Acme Ltd");
  indirect = g_build_filename (fixture->tmpdir, "workspaces", ".", "acme-ltd.isms", NULL);
  elsewhere = g_build_filename (fixture->tmpdir, "acme-ltd.isms", NULL);

  g_assert_true (annex_workspace_list_contains_path (fixture->list,
                                                     annex_workspace_get_path (workspace)));
  g_assert_true (annex_workspace_list_contains_path (fixture->list, indirect));
  g_assert_false (annex_workspace_list_contains_path (fixture->list, elsewhere));
  g_assert_true (annex_workspace_list_find_by_path (fixture->list, indirect) == workspace);
  g_assert_null (annex_workspace_list_find_by_path (fixture->list, elsewhere));
}

/* One asynchronous call: its result, and how many items-changed the list had emitted when the
 * callback ran. */
typedef struct
{
  Fixture      *fixture;
  GAsyncResult *result;
  guint         n_changes_at_callback;
  gboolean      done;
} AsyncCall;

static void
on_async_ready_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  AsyncCall *call = user_data;

  g_assert_true (g_thread_self () == main_thread);
  g_assert_true (source_object == G_OBJECT (call->fixture->list));
  g_assert_false (call->done);

  call->result = g_object_ref (result);
  call->n_changes_at_callback = call->fixture->n_changes;
  call->done = TRUE;
}

static void
async_call_init (AsyncCall *call,
                 Fixture   *fixture)
{
  memset (call, 0, sizeof *call);
  call->fixture = fixture;
}

/* Runs the main loop until the callback has run; returns its result (owned by @call). */
static GAsyncResult *
async_call_wait (AsyncCall *call)
{
  annex_test_wait_for (&call->done);
  return call->result;
}

static void
async_call_clear (AsyncCall *call)
{
  g_clear_object (&call->result);
}

static void
test_duplicate_async (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexWorkspace) copy = NULL;
  g_autofree char *original_dump = NULL;
  g_autofree char *copy_dump = NULL;
  g_autofree char *copy_org = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *names = NULL;
  g_autofree char *files = NULL;
  AnnexWorkspace *original;
  AsyncCall call;

  original = create (fixture, "Acme Ltd");
  add_actions (annex_workspace_get_path (original));
  fixture->n_changes = 0;
  async_call_init (&call, fixture);

  annex_workspace_list_duplicate_async (fixture->list, original, NULL, on_async_ready_cb, &call);
  /* Nothing happens to the list before the main loop runs. */
  g_assert_false (call.done);
  g_assert_cmpuint (fixture->n_changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 1);

  copy = annex_workspace_list_duplicate_finish (fixture->list, async_call_wait (&call), &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);

  /* One items-changed, on the main thread, before the callback. */
  g_assert_cmpuint (call.n_changes_at_callback, ==, 1);
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  g_assert_true (get_workspace (fixture->list, 1) == copy);
  g_assert_cmpstr (annex_workspace_get_name (copy), ==, "Acme Ltd (copy)");
  g_assert_null (annex_workspace_get_error (copy));
  file_name = dup_file_name (copy);
  g_assert_cmpstr (file_name, ==, "acme-ltd-copy.isms");
  names = join_names (fixture->list);
  g_assert_cmpstr (names, ==, "Acme Ltd|Acme Ltd (copy)");

  original_dump = dump_actions (annex_workspace_get_path (original), NULL);
  copy_dump = dump_actions (annex_workspace_get_path (copy), &copy_org);
  g_assert_cmpstr (copy_org, ==, "Acme Ltd (copy)");
  g_assert_cmpstr (copy_dump, ==, original_dump);

  /* No temporary file is left. */
  files = join_files (fixture->folder);
  g_assert_cmpstr (files, ==, "acme-ltd-copy.isms|acme-ltd.isms");

  async_call_clear (&call);
}

static void
test_rename_async (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *gone_path = NULL;
  AnnexWorkspace *zeta;
  AnnexWorkspace *beta;
  AsyncCall call;
  guint n_name = 0;
  gboolean ok;

  beta = create (fixture, "Beta");
  create (fixture, "Gamma");
  zeta = create (fixture, "Zeta");
  fixture->n_changes = 0;
  g_signal_connect (zeta, "notify::name", G_CALLBACK (annex_test_count_cb), &n_name);

  /* Success: nothing changes before the main loop runs; then the name, with one
   * items-changed, before the callback. */
  async_call_init (&call, fixture);
  annex_workspace_list_rename_async (fixture->list, zeta, "  Alpha ", NULL, on_async_ready_cb,
                                     &call);
  g_assert_false (call.done);
  g_assert_cmpuint (fixture->n_changes, ==, 0);
  g_assert_cmpstr (annex_workspace_get_name (zeta), ==, "Zeta");
  ok = annex_workspace_list_rename_finish (fixture->list, async_call_wait (&call), &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (call.n_changes_at_callback, ==, 1);
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  g_assert_cmpuint (n_name, ==, 1);
  g_assert_cmpstr (annex_workspace_get_name (zeta), ==, "Alpha");
  g_assert_true (get_workspace (fixture->list, 0) == zeta);
  names = join_names (fixture->list);
  g_assert_cmpstr (names, ==, "Alpha|Beta|Gamma");
  g_clear_pointer (&names, g_free);
  async_call_clear (&call);

  /* Stored in the file: still so after a refresh. */
  dump = dump_actions (annex_workspace_get_path (zeta), &organization);
  g_assert_cmpstr (organization, ==, "Alpha");
  g_assert_true (annex_workspace_list_refresh (fixture->list, &error));
  g_assert_no_error (error);
  names = join_names (fixture->list);
  g_assert_cmpstr (names, ==, "Alpha|Beta|Gamma");
  g_clear_pointer (&names, g_free);

  /* A rename in place (same position) is still one items-changed. */
  zeta = get_workspace (fixture->list, 0);
  beta = get_workspace (fixture->list, 1);
  fixture->n_changes = 0;
  async_call_init (&call, fixture);
  annex_workspace_list_rename_async (fixture->list, beta, "Beta Two", NULL, on_async_ready_cb,
                                     &call);
  ok = annex_workspace_list_rename_finish (fixture->list, async_call_wait (&call), &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (call.n_changes_at_callback, ==, 1);
  names = join_names (fixture->list);
  g_assert_cmpstr (names, ==, "Alpha|Beta Two|Gamma");
  g_clear_pointer (&names, g_free);
  async_call_clear (&call);

  /* Error: the file was removed meanwhile. The store's error through finish, nothing changed
   * (no items-changed, the name stays, no file appears). */
  beta = get_workspace (fixture->list, 1);
  gone_path = g_strdup (annex_workspace_get_path (beta));
  g_assert_cmpint (g_unlink (gone_path), ==, 0);
  fixture->n_changes = 0;
  async_call_init (&call, fixture);
  annex_workspace_list_rename_async (fixture->list, beta, "Omega", NULL, on_async_ready_cb,
                                     &call);
  ok = annex_workspace_list_rename_finish (fixture->list, async_call_wait (&call), &error);
  g_assert_false (ok);
  g_assert_nonnull (error);
  g_assert_true (error->domain == ANNEX_STORE_ERROR);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->n_changes, ==, 0);
  g_assert_cmpstr (annex_workspace_get_name (beta), ==, "Beta Two");
  g_assert_false (g_file_test (gone_path, G_FILE_TEST_EXISTS));
  names = join_names (fixture->list);
  g_assert_cmpstr (names, ==, "Alpha|Beta Two|Gamma");
  g_clear_pointer (&names, g_free);
  async_call_clear (&call);

  /* A blank name: the store's INVALID through finish, nothing changed. */
  async_call_init (&call, fixture);
  annex_workspace_list_rename_async (fixture->list, zeta, "  ", NULL, on_async_ready_cb, &call);
  ok = annex_workspace_list_rename_finish (fixture->list, async_call_wait (&call), &error);
  g_assert_false (ok);
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->n_changes, ==, 0);
  g_assert_cmpstr (annex_workspace_get_name (zeta), ==, "Alpha");
  async_call_clear (&call);

  /* Cancelled before it started: CANCELLED, the file keeps its name. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autofree char *org2 = NULL;
    g_autofree char *dump2 = NULL;

    g_cancellable_cancel (cancellable);
    async_call_init (&call, fixture);
    annex_workspace_list_rename_async (fixture->list, zeta, "Other", cancellable,
                                       on_async_ready_cb, &call);
    ok = annex_workspace_list_rename_finish (fixture->list, async_call_wait (&call), &error);
    g_assert_false (ok);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_cmpuint (fixture->n_changes, ==, 0);
    g_assert_cmpstr (annex_workspace_get_name (zeta), ==, "Alpha");
    dump2 = dump_actions (annex_workspace_get_path (zeta), &org2);
    g_assert_cmpstr (org2, ==, "Alpha");
    async_call_clear (&call);
  }
}

static void
test_export_import_async (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexWorkspace) imported = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autofree char *out_dir = g_build_filename (fixture->tmpdir, "out", NULL);
  g_autofree char *dest = g_build_filename (out_dir, "acme.isms", NULL);
  g_autofree char *original_dump = NULL;
  g_autofree char *imported_dump = NULL;
  g_autofree char *out_files = NULL;
  g_autofree char *folder_files = NULL;
  AnnexWorkspace *original;
  AsyncCall call;
  gboolean ok;

  original = create (fixture, "Acme Ltd");
  add_actions (annex_workspace_get_path (original));
  original_dump = dump_actions (annex_workspace_get_path (original), NULL);
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  fixture->n_changes = 0;

  /* Export: the list does not change. */
  async_call_init (&call, fixture);
  annex_workspace_list_export_async (fixture->list, original, dest, NULL, on_async_ready_cb,
                                     &call);
  g_assert_false (call.done);
  ok = annex_workspace_list_export_finish (fixture->list, async_call_wait (&call), &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (fixture->n_changes, ==, 0);
  g_assert_true (annex_database_validate_file (dest, NULL, &error));
  g_assert_no_error (error);
  assert_file_format_not_wal (dest);
  out_files = join_files (out_dir);
  g_assert_cmpstr (out_files, ==, "acme.isms");
  async_call_clear (&call);

  /* Import it back: one items-changed before the callback; the source untouched. */
  exported = annex_test_read_file (dest);
  async_call_init (&call, fixture);
  annex_workspace_list_import_async (fixture->list, dest, NULL, on_async_ready_cb, &call);
  g_assert_false (call.done);
  g_assert_cmpuint (fixture->n_changes, ==, 0);
  imported = annex_workspace_list_import_finish (fixture->list, async_call_wait (&call), &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);
  g_assert_cmpuint (call.n_changes_at_callback, ==, 1);
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  g_assert_true (annex_workspace_list_find_by_path (fixture->list,
                                                    annex_workspace_get_path (imported)) ==
                 imported);
  g_assert_cmpstr (annex_workspace_get_name (imported), ==, "Acme Ltd");
  g_assert_null (annex_workspace_get_error (imported));
  annex_test_assert_file_equals (dest, exported);

  imported_dump = dump_actions (annex_workspace_get_path (imported), NULL);
  g_assert_cmpstr (imported_dump, ==, original_dump);
  folder_files = join_files (fixture->folder);
  g_assert_cmpstr (folder_files, ==, "acme-ltd-2.isms|acme-ltd.isms");

  async_call_clear (&call);
}

/* Removes the -wal and -shm files SQLite may leave beside @path (no connection is open). */
static void
remove_companions (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = NULL;

  /* The last connection to close checkpoints the log and removes both. */
  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  annex_database_close (db);
}

/* Several operations at once, on several workers: each gets its own file name. */
static void
test_concurrent_async (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *out_dir = g_build_filename (fixture->tmpdir, "out", NULL);
  g_autofree char *dest = g_build_filename (out_dir, "acme.isms", NULL);
  g_autofree char *files = NULL;
  g_autofree char *names = NULL;
  AnnexWorkspace *original;
  AsyncCall calls[5];

  original = create (fixture, "Acme Ltd");
  add_actions (annex_workspace_get_path (original));
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  g_assert_true (annex_workspace_list_export (fixture->list, original, dest, NULL));
  fixture->n_changes = 0;

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      async_call_init (&calls[i], fixture);
      if (i % 2 == 0)
        annex_workspace_list_import_async (fixture->list, dest, NULL, on_async_ready_cb,
                                           &calls[i]);
      else
        annex_workspace_list_duplicate_async (fixture->list, original, NULL, on_async_ready_cb,
                                              &calls[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AnnexWorkspace) workspace = NULL;
      GAsyncResult *result = async_call_wait (&calls[i]);

      if (i % 2 == 0)
        workspace = annex_workspace_list_import_finish (fixture->list, result, &error);
      else
        workspace = annex_workspace_list_duplicate_finish (fixture->list, result, &error);
      g_assert_no_error (error);
      g_assert_nonnull (workspace);
      g_assert_null (annex_workspace_get_error (workspace));
      async_call_clear (&calls[i]);
    }

  g_assert_cmpuint (fixture->n_changes, ==, G_N_ELEMENTS (calls));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, 6);
  /* When the connections of the duplicates to the original close at the same moment, none may
   * be the last one, which removes the -wal/-shm files: SQLite's business, and harmless. */
  remove_companions (annex_workspace_get_path (original));
  files = join_files (fixture->folder);
  g_assert_cmpstr (files, ==,
                   "acme-ltd-2.isms|acme-ltd-3.isms|acme-ltd-4.isms|acme-ltd-copy-2.isms|"
                   "acme-ltd-copy.isms|acme-ltd.isms");
  names = join_names (fixture->list);
  g_assert_cmpstr (names, ==,
                   "Acme Ltd|Acme Ltd|Acme Ltd|Acme Ltd|Acme Ltd (copy)|Acme Ltd (copy)");
}

static void
test_async_errors (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *src_dir = g_build_filename (fixture->tmpdir, "src", NULL);
  g_autofree char *text = g_build_filename (src_dir, "notes.isms", NULL);
  g_autofree char *foreign = g_build_filename (src_dir, "contacts.isms", NULL);
  g_autofree char *newer = g_build_filename (src_dir, "newer.isms", NULL);
  g_autofree char *missing = g_build_filename (src_dir, "missing.isms", NULL);
  g_autofree char *no_dir_dest = g_build_filename (fixture->tmpdir, "nowhere", "x.isms", NULL);
  g_autofree char *folder_before = NULL;
  g_autofree char *src_before = NULL;
  g_autofree char *tmpdir_before = NULL;
  g_autofree char *vanished_path = NULL;
  AnnexWorkspace *vanished;
  struct {
    const char *path;
    int         code;
  } cases[] = {
    { text, ANNEX_STORE_ERROR_NOT_SQLITE },
    { foreign, ANNEX_STORE_ERROR_NOT_WORKSPACE },
    { newer, ANNEX_STORE_ERROR_TOO_NEW },
    { missing, ANNEX_STORE_ERROR_NOT_FOUND },
  };

  create (fixture, "Existing");
  vanished = create (fixture, "Vanished");
  vanished_path = g_strdup (annex_workspace_get_path (vanished));
  g_assert_cmpint (g_unlink (vanished_path), ==, 0);   /* behind the list's back */

  g_assert_cmpint (g_mkdir (src_dir, 0700), ==, 0);
  annex_test_write_file (text, "This is not a database.\n", -1);
  make_foreign_database (foreign);
  make_newer_workspace (newer);

  folder_before = join_files (fixture->folder);
  src_before = join_files (src_dir);
  tmpdir_before = join_files (fixture->tmpdir);
  fixture->n_changes = 0;

  /* Refused imports: the store's codes, through finish; nothing left anywhere. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) before = NULL;
      g_autoptr(AnnexWorkspace) workspace = NULL;
      g_autofree char *folder_after = NULL;
      g_autofree char *src_after = NULL;
      AsyncCall call;

      if (g_file_test (cases[i].path, G_FILE_TEST_EXISTS))
        before = annex_test_read_file (cases[i].path);

      async_call_init (&call, fixture);
      annex_workspace_list_import_async (fixture->list, cases[i].path, NULL, on_async_ready_cb,
                                         &call);
      workspace = annex_workspace_list_import_finish (fixture->list, async_call_wait (&call),
                                                      &error);
      g_assert_null (workspace);
      if (!g_error_matches (error, ANNEX_STORE_ERROR, cases[i].code))
        g_error ("importing %s: expected code %d, got %s", cases[i].path, cases[i].code,
                 error != NULL ? error->message : "success");
      g_assert_cmpstr (error->message, !=, "");

      if (before != NULL)
        annex_test_assert_file_equals (cases[i].path, before);
      folder_after = join_files (fixture->folder);
      src_after = join_files (src_dir);
      g_assert_cmpstr (folder_after, ==, folder_before);
      g_assert_cmpstr (src_after, ==, src_before);
      async_call_clear (&call);
    }

  /* Duplicating a file that is gone. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AnnexWorkspace) workspace = NULL;
    g_autofree char *folder_after = NULL;
    AsyncCall call;

    async_call_init (&call, fixture);
    annex_workspace_list_duplicate_async (fixture->list, vanished, NULL, on_async_ready_cb,
                                          &call);
    workspace = annex_workspace_list_duplicate_finish (fixture->list, async_call_wait (&call),
                                                       &error);
    g_assert_null (workspace);
    g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_NOT_FOUND);
    folder_after = join_files (fixture->folder);
    g_assert_cmpstr (folder_after, ==, folder_before);
    async_call_clear (&call);
  }

  /* Exporting into a folder that does not exist, and exporting a file that is gone. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AnnexWorkspace) existing = NULL;
    g_autofree char *tmpdir_after = NULL;
    AsyncCall call;

    existing = g_object_ref (get_workspace (fixture->list, 0));
    async_call_init (&call, fixture);
    annex_workspace_list_export_async (fixture->list, existing, no_dir_dest, NULL,
                                       on_async_ready_cb, &call);
    g_assert_false (annex_workspace_list_export_finish (fixture->list, async_call_wait (&call),
                                                        &error));
    g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    async_call_clear (&call);

    async_call_init (&call, fixture);
    annex_workspace_list_export_async (fixture->list, vanished, no_dir_dest, NULL,
                                       on_async_ready_cb, &call);
    g_assert_false (annex_workspace_list_export_finish (fixture->list, async_call_wait (&call),
                                                        &error));
    g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_NOT_FOUND);
    async_call_clear (&call);

    tmpdir_after = join_files (fixture->tmpdir);
    g_assert_cmpstr (tmpdir_after, ==, tmpdir_before);
  }

  /* The synchronous versions report the same. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (annex_workspace_list_import (fixture->list, foreign, &error));
    g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_NOT_WORKSPACE);
    g_clear_error (&error);
    g_assert_null (annex_workspace_list_duplicate (fixture->list, vanished, &error));
    g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_NOT_FOUND);
  }

  g_assert_cmpuint (fixture->n_changes, ==, 0);
}

/* Cancelled before the work: CANCELLED through finish, nothing written. */
static void
test_cancelled_async (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexWorkspace) workspace = NULL;
  g_autoptr(AnnexDatabase) db = NULL;
  g_autofree char *out_dir = g_build_filename (fixture->tmpdir, "out", NULL);
  g_autofree char *dest = g_build_filename (out_dir, "acme.isms", NULL);
  g_autofree char *other_dest = g_build_filename (out_dir, "other.isms", NULL);
  g_autofree char *folder_before = NULL;
  g_autofree char *folder_after = NULL;
  g_autofree char *out_files = NULL;
  AnnexWorkspace *original;
  AsyncCall call;

  original = create (fixture, "Acme Ltd");
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  g_assert_true (annex_workspace_list_export (fixture->list, original, dest, NULL));
  folder_before = join_files (fixture->folder);
  fixture->n_changes = 0;
  g_cancellable_cancel (cancellable);

  async_call_init (&call, fixture);
  annex_workspace_list_duplicate_async (fixture->list, original, cancellable, on_async_ready_cb,
                                        &call);
  workspace = annex_workspace_list_duplicate_finish (fixture->list, async_call_wait (&call),
                                                     &error);
  g_assert_null (workspace);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  async_call_clear (&call);

  async_call_init (&call, fixture);
  annex_workspace_list_import_async (fixture->list, dest, cancellable, on_async_ready_cb, &call);
  workspace = annex_workspace_list_import_finish (fixture->list, async_call_wait (&call), &error);
  g_assert_null (workspace);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  async_call_clear (&call);

  async_call_init (&call, fixture);
  annex_workspace_list_export_async (fixture->list, original, other_dest, cancellable,
                                     on_async_ready_cb, &call);
  g_assert_false (annex_workspace_list_export_finish (fixture->list, async_call_wait (&call),
                                                      &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  async_call_clear (&call);

  async_call_init (&call, fixture);
  annex_workspace_list_open_async (fixture->list, annex_workspace_get_path (original),
                                   cancellable, on_async_ready_cb, &call);
  db = annex_workspace_list_open_finish (fixture->list, async_call_wait (&call), &error);
  g_assert_null (db);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  async_call_clear (&call);

  g_assert_cmpuint (fixture->n_changes, ==, 0);
  folder_after = join_files (fixture->folder);
  g_assert_cmpstr (folder_after, ==, folder_before);
  out_files = join_files (out_dir);
  g_assert_cmpstr (out_files, ==, "acme.isms");
}

static void
test_open_async (Fixture       *fixture,
                 gconstpointer  user_data)
{
  static const char garbage[] = "not a workspace";
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *dump = NULL;
  AnnexWorkspace *workspace;
  AsyncCall call;

  workspace = create (fixture, "Acme Ltd");
  fixture->n_changes = 0;

  async_call_init (&call, fixture);
  annex_workspace_list_open_async (fixture->list, annex_workspace_get_path (workspace), NULL,
                                   on_async_ready_cb, &call);
  g_assert_false (call.done);
  db = annex_workspace_list_open_finish (fixture->list, async_call_wait (&call), &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  async_call_clear (&call);

  /* The connection, opened on a worker, now serves this thread: read and write through it. */
  g_assert_cmpstr (annex_database_get_path (db), ==, annex_workspace_get_path (workspace));
  g_assert_false (annex_database_is_read_only (db));
  organization = annex_database_dup_organization (db);
  g_assert_cmpstr (organization, ==, "Acme Ltd");
  g_assert_true (annex_database_set_setting (db, "organization", "Acme Group", &error));
  g_assert_no_error (error);
  annex_database_close (db);
  g_clear_object (&db);
  g_clear_pointer (&organization, g_free);
  dump = dump_actions (annex_workspace_get_path (workspace), &organization);
  g_assert_cmpstr (organization, ==, "Acme Group");
  g_assert_cmpuint (fixture->n_changes, ==, 0);

  /* A file that is not a workspace: the store's code, the file untouched. */
  broken = g_build_filename (fixture->folder, "broken.isms", NULL);
  annex_test_write_file (broken, garbage, sizeof garbage - 1);
  before = annex_test_read_file (broken);
  async_call_init (&call, fixture);
  annex_workspace_list_open_async (fixture->list, broken, NULL, on_async_ready_cb, &call);
  db = annex_workspace_list_open_finish (fixture->list, async_call_wait (&call), &error);
  g_assert_null (db);
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_NOT_SQLITE);
  annex_test_assert_file_equals (broken, before);
  async_call_clear (&call);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/annex/workspace-list/create", test_create);
  ADD ("/annex/workspace-list/rename", test_rename);
  ADD ("/annex/workspace-list/duplicate", test_duplicate);
  ADD ("/annex/workspace-list/delete", test_delete);
  ADD ("/annex/workspace-list/export-import", test_export_import);
  ADD ("/annex/workspace-list/import-refused", test_import_refused);
  ADD ("/annex/workspace-list/unusable-files", test_unusable_files);
  ADD ("/annex/workspace-list/older-workspace", test_older_workspace);
  ADD ("/annex/workspace-list/paths", test_paths);
  ADD ("/annex/workspace-list/rename-async", test_rename_async);
  ADD ("/annex/workspace-list/duplicate-async", test_duplicate_async);
  ADD ("/annex/workspace-list/export-import-async", test_export_import_async);
  ADD ("/annex/workspace-list/concurrent-async", test_concurrent_async);
  ADD ("/annex/workspace-list/async-errors", test_async_errors);
  ADD ("/annex/workspace-list/cancelled-async", test_cancelled_async);
  ADD ("/annex/workspace-list/open-async", test_open_async);

#undef ADD

  return g_test_run ();
}
