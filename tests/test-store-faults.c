/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-faults.c: writes that fail because the disk is full or the workspace is read-only:
 * a clear message, the values the user typed kept in memory, nothing half-written (integrity
 * check, change history, row counts), and the next write succeeding once the cause is gone.
 *
 * A full disk is injected with PRAGMA max_page_count on the connection: the file cannot grow
 * past its current size, and SQLite fails the write with SQLITE_FULL exactly as when the disk
 * is full. A file or folder that cannot be written is the real thing (as a user without write
 * permission: root writes anywhere, so as root the check runs in a child that drops to
 * "nobody"); a workspace that becomes read-only while open is injected with PRAGMA query_only. */

#define G_LOG_DOMAIN "test-store-faults"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "annex-action.h"
#include "annex-change-log.h"
#include "annex-database.h"
#include "annex-register.h"
#include "annex-store-error.h"
#include "annex-test-util.h"

/* The uid and gid of "nobody" on Debian. */
#define NOBODY_ID 65534

typedef struct
{
  char          *tmpdir;
  char          *path;
  AnnexDatabase *db;
  AnnexRegister *reg;
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
  fixture->reg = annex_register_new (fixture->db, ANNEX_TYPE_ACTION);
  g_assert_true (annex_register_load (fixture->reg, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->reg);
  if (fixture->db != NULL)
    annex_database_close (fixture->db);
  g_clear_object (&fixture->db);
  g_chmod (fixture->tmpdir, 0700);
  annex_test_rm_rf (fixture->tmpdir);
  g_free (fixture->path);
  g_free (fixture->tmpdir);
}

static gint64
query_int (AnnexDatabase *db,
           const char    *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = annex_database_prepare (db, sql, &error);
  gint64 value;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static void
exec_sql (AnnexDatabase *db,
          const char    *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (annex_database_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* The file as a fresh connection sees it: integrity check ok, the history verifies; returns the
 * number of history entries. */
static gint64
assert_consistent (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = annex_database_open (path, ANNEX_DATABASE_OPEN_READ_ONLY, &error);
  sqlite3_stmt *stmt;
  gint64 first_bad = -1, count = -1;

  g_assert_no_error (error);
  stmt = annex_database_prepare (db, "PRAGMA integrity_check", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_reset (stmt);

  g_assert_true (annex_change_log_verify (db, &first_bad, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first_bad, ==, 0);
  return count;
}

static gint64
count_history (AnnexDatabase *db)
{
  g_autoptr(GError) error = NULL;
  gint64 first_bad = -1, count = -1;

  g_assert_true (annex_change_log_verify (db, &first_bad, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first_bad, ==, 0);
  return count;
}

/* About @kib KiB of text, so a record needs pages the file does not have. */
static char *
make_long_text (guint kib)
{
  GString *text = g_string_new (NULL);

  while (text->len < kib * 1024)
    g_string_append (text, "Evidence that must not be lost. ");
  return g_string_free (text, FALSE);
}

/* The file cannot grow any more: like a full disk for every write that needs a new page. */
static void
fill_disk (AnnexDatabase *db)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                                          query_int (db, "PRAGMA page_count"));

  exec_sql (db, sql);
}

static void
free_disk (AnnexDatabase *db)
{
  exec_sql (db, "PRAGMA max_page_count = 1073741823");
}

static void
assert_full_error (const GError *error)
{
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_FULL);
  g_test_message ("full disk: %s", error->message);
  g_assert_nonnull (strstr (error->message, "the disk is full"));
  g_assert_null (strstr (error->message, "database or disk"));
}

static void
assert_read_only_error (const GError *error)
{
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_READ_ONLY);
  g_test_message ("read-only: %s", error->message);
  g_assert_true (strstr (error->message, "read-only") != NULL ||
                 strstr (error->message, "reading only") != NULL);
  g_assert_null (strstr (error->message, "readonly database"));
}

/* An add on a full disk fails, keeps the new record as typed and writes nothing; after space is
 * freed the same record can be added. */
static void
test_full_disk_add (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRecord) first = annex_register_new_record (fixture->reg);
  g_autoptr(AnnexRecord) record = annex_register_new_record (fixture->reg);
  g_autoptr(AnnexRegister) reread = NULL;
  g_autofree char *text = make_long_text (64);
  gint64 history;

  annex_action_set_title (ANNEX_ACTION (first), "Patch the file server");
  g_assert_true (annex_register_add (fixture->reg, first, &error));
  g_assert_no_error (error);
  history = count_history (fixture->db);

  fill_disk (fixture->db);
  annex_action_set_title (ANNEX_ACTION (record), "Replace the backup tapes");
  annex_record_set_string (record, "description", text);
  g_assert_false (annex_register_add (fixture->reg, record, &error));
  assert_full_error (error);
  g_clear_error (&error);

  /* The user's values are still there to retry with; nothing was added or recorded. */
  g_assert_cmpint (annex_record_get_id (record), ==, 0);
  g_assert_null (annex_record_get_reference (record));
  g_assert_cmpstr (annex_action_get_title (ANNEX_ACTION (record)), ==, "Replace the backup tapes");
  g_assert_cmpstr (annex_record_get_string (record, "description"), ==, text);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->reg)), ==, 1);
  g_assert_cmpint (annex_database_count_rows (fixture->db, "actions", NULL), ==, 1);
  g_assert_cmpint (count_history (fixture->db), ==, history);
  g_assert_false (annex_database_in_transaction (fixture->db));
  g_assert_cmpint (assert_consistent (fixture->path), ==, history);

  /* Still full: a second try fails the same way, and the connection keeps working for reads. */
  g_assert_false (annex_register_add (fixture->reg, record, &error));
  assert_full_error (error);
  g_clear_error (&error);
  g_assert_true (annex_register_load (fixture->reg, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->reg)), ==, 1);

  /* Space again: the same record goes in. */
  free_disk (fixture->db);
  g_assert_true (annex_register_add (fixture->reg, record, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (annex_record_get_reference (record), ==, "A-002");
  g_assert_cmpint (assert_consistent (fixture->path), ==, history + 1);

  reread = annex_register_new (fixture->db, ANNEX_TYPE_ACTION);
  g_assert_true (annex_register_load (reread, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reread)), ==, 2);
  g_assert_cmpstr (annex_record_get_string (annex_test_list_get_item (G_LIST_MODEL (reread), 1),
                                            "description"), ==, text);
}

/* A save on a full disk fails, the record keeps the edited values while the file keeps the old
 * ones; a bulk edit writes none of its records. */
static void
test_full_disk_save (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AnnexRegister) reread = NULL;
  g_autofree char *text = make_long_text (64);
  AnnexRecord *record;
  gint64 history;

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(AnnexRecord) r = annex_register_new_record (fixture->reg);
      g_autofree char *title = g_strdup_printf ("Action %u", i + 1);

      annex_action_set_title (ANNEX_ACTION (r), title);
      g_assert_true (annex_register_add (fixture->reg, r, &error));
      g_assert_no_error (error);
      g_ptr_array_add (records, g_object_ref (r));
    }
  history = count_history (fixture->db);
  record = g_ptr_array_index (records, 0);

  fill_disk (fixture->db);
  annex_action_set_title (ANNEX_ACTION (record), "Action 1, edited");
  annex_record_set_string (record, "description", text);
  g_assert_false (annex_register_save (fixture->reg, record, &error));
  assert_full_error (error);
  g_clear_error (&error);
  g_assert_cmpstr (annex_action_get_title (ANNEX_ACTION (record)), ==, "Action 1, edited");
  g_assert_cmpstr (annex_record_get_string (record, "description"), ==, text);

  /* A bulk edit of every record: all or nothing. */
  for (guint i = 1; i < records->len; i++)
    annex_record_set_string (g_ptr_array_index (records, i), "description", text);
  g_assert_false (annex_register_save_many (fixture->reg, records, &error));
  assert_full_error (error);
  g_clear_error (&error);
  g_assert_cmpint (count_history (fixture->db), ==, history);
  g_assert_cmpint (assert_consistent (fixture->path), ==, history);

  /* The file has the old values. */
  reread = annex_register_new (fixture->db, ANNEX_TYPE_ACTION);
  g_assert_true (annex_register_load (reread, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < records->len; i++)
    {
      AnnexRecord *stored = annex_test_list_get_item (G_LIST_MODEL (reread), i);
      g_autofree char *title = g_strdup_printf ("Action %u", i + 1);

      g_assert_cmpstr (annex_action_get_title (ANNEX_ACTION (stored)), ==, title);
      g_assert_null (annex_record_get_string (stored, "description"));
    }

  /* Space again: the edit the user kept is saved. */
  free_disk (fixture->db);
  g_assert_true (annex_register_save (fixture->reg, record, &error));
  g_assert_no_error (error);
  g_assert_true (annex_register_save_many (fixture->reg, records, &error));
  g_assert_no_error (error);
  g_assert_cmpint (assert_consistent (fixture->path), ==, history + 4);
  g_assert_true (annex_register_load (reread, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (annex_action_get_title (annex_test_list_get_item (G_LIST_MODEL (reread), 0)),
                   ==, "Action 1, edited");
  g_assert_cmpstr (annex_record_get_string (annex_test_list_get_item (G_LIST_MODEL (reread), 3),
                                            "description"), ==, text);
}

/* A setting (the organization's name) on a full disk: refused, the old value stays. */
static void
test_full_disk_setting (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = make_long_text (64);
  g_autofree char *organization = NULL;
  gint64 history = count_history (fixture->db);

  fill_disk (fixture->db);
  g_assert_false (annex_database_set_setting (fixture->db, "organization", text, &error));
  assert_full_error (error);
  g_clear_error (&error);
  organization = annex_database_dup_organization (fixture->db);
  g_assert_cmpstr (organization, ==, "Acme Ltd");
  g_assert_cmpint (assert_consistent (fixture->path), ==, history);

  free_disk (fixture->db);
  g_assert_true (annex_database_set_setting (fixture->db, "organization", "Acme Group", &error));
  g_assert_no_error (error);
  g_assert_cmpint (assert_consistent (fixture->path), ==, history + 1);
}

/* The workspace becomes read-only while it is open (a file system remounted read-only, a file
 * whose permissions changed): the save fails clearly, the values stay, and once it can be
 * written again the save succeeds. */
static void
test_read_only_while_open (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRecord) record = annex_register_new_record (fixture->reg);
  g_autoptr(AnnexRecord) other = annex_register_new_record (fixture->reg);
  gint64 history;

  annex_action_set_title (ANNEX_ACTION (record), "Review access rights");
  g_assert_true (annex_register_add (fixture->reg, record, &error));
  g_assert_no_error (error);
  history = count_history (fixture->db);

  exec_sql (fixture->db, "PRAGMA query_only = ON");
  annex_action_set_title (ANNEX_ACTION (record), "Review access rights twice a year");
  g_assert_false (annex_register_save (fixture->reg, record, &error));
  assert_read_only_error (error);
  g_clear_error (&error);
  g_assert_cmpstr (annex_action_get_title (ANNEX_ACTION (record)), ==,
                   "Review access rights twice a year");

  annex_action_set_title (ANNEX_ACTION (other), "Test the restore");
  g_assert_false (annex_register_add (fixture->reg, other, &error));
  assert_read_only_error (error);
  g_clear_error (&error);
  g_assert_cmpint (annex_record_get_id (other), ==, 0);

  g_assert_false (annex_register_remove (fixture->reg, record, &error));
  assert_read_only_error (error);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->reg)), ==, 1);
  g_assert_cmpint (count_history (fixture->db), ==, history);
  g_assert_cmpint (assert_consistent (fixture->path), ==, history);

  exec_sql (fixture->db, "PRAGMA query_only = OFF");
  g_assert_true (annex_register_save (fixture->reg, record, &error));
  g_assert_no_error (error);
  g_assert_true (annex_register_add (fixture->reg, other, &error));
  g_assert_no_error (error);
  g_assert_cmpint (assert_consistent (fixture->path), ==, history + 2);
}

/* A workspace opened for reading only: every write is refused with the same clear message. */
static void
test_read_only_connection (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRecord) record = annex_register_new_record (fixture->reg);
  g_autoptr(AnnexDatabase) ro = NULL;
  g_autoptr(AnnexRegister) reg = NULL;
  g_autoptr(AnnexRecord) added = NULL;
  AnnexRecord *item;
  gint64 history;

  annex_action_set_title (ANNEX_ACTION (record), "Encrypt the laptops");
  g_assert_true (annex_register_add (fixture->reg, record, &error));
  g_assert_no_error (error);
  history = count_history (fixture->db);

  ro = annex_database_open (fixture->path, ANNEX_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  reg = annex_register_new (ro, ANNEX_TYPE_ACTION);
  g_assert_true (annex_register_load (reg, &error));
  g_assert_no_error (error);
  item = annex_test_list_get_item (G_LIST_MODEL (reg), 0);
  annex_action_set_title (ANNEX_ACTION (item), "Encrypt every laptop");
  g_assert_false (annex_register_save (reg, item, &error));
  assert_read_only_error (error);
  g_clear_error (&error);
  g_assert_cmpstr (annex_action_get_title (ANNEX_ACTION (item)), ==, "Encrypt every laptop");

  added = annex_register_new_record (reg);
  annex_action_set_title (ANNEX_ACTION (added), "Label the cables");
  g_assert_false (annex_register_add (reg, added, &error));
  assert_read_only_error (error);
  g_clear_error (&error);
  g_assert_false (annex_database_set_setting (ro, "organization", "Other", &error));
  assert_read_only_error (error);
  g_clear_error (&error);

  annex_database_close (ro);
  g_assert_cmpint (assert_consistent (fixture->path), ==, history);
}

/* Opening a workspace whose file (or folder) the user cannot write: refused with a message
 * that says so, the file left byte-identical; opening it for reading works. Runs as the
 * current user, or as "nobody" in a child when that user is root. */
static void
check_read_only_file (const char *path,
                      const char *expected_phrase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = annex_test_read_file (path);
  g_autoptr(AnnexDatabase) db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_autoptr(AnnexDatabase) ro = NULL;

  g_assert_null (db);
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_READ_ONLY);
  g_test_message ("read-only file: %s", error->message);
  g_assert_nonnull (strstr (error->message, expected_phrase));
  g_clear_error (&error);
  annex_test_assert_file_equals (path, before);

  ro = annex_database_open (path, ANNEX_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (annex_database_count_rows (ro, "actions", &error), ==, 0);
  g_assert_no_error (error);
}

static void
run_as_unprivileged (const char *path,
                     const char *expected_phrase)
{
  pid_t pid;
  int status = 0;
  int fds[2];
  char done = 0;

  if (geteuid () != 0)
    {
      check_read_only_file (path, expected_phrase);
      return;
    }

  /* root ignores file permissions: check as "nobody", in a child so this process keeps root.
   * The child reports success through a pipe, not its exit status: under valgrind a forked
   * child's exit status also counts the other threads' memory it inherited as leaked. */
  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      if (setgid (NOBODY_ID) != 0 || setuid (NOBODY_ID) != 0)
        _exit (77);
      check_read_only_file (path, expected_phrase);
      if (write (fds[1], "y", 1) != 1)
        _exit (1);
      _exit (0);
    }
  close (fds[1]);
  g_assert_cmpint (read (fds[0], &done, 1), ==, 1);
  close (fds[0]);
  g_assert_cmpint (done, ==, 'y');
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
}

static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_clear_object (&fixture->reg);
  annex_database_close (fixture->db);
  g_clear_object (&fixture->db);

  /* Another user must reach the file: the folder is searchable, the file readable only. */
  g_assert_cmpint (g_chmod (fixture->tmpdir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  run_as_unprivileged (fixture->path, "the file is read-only");

  /* A writable file in a folder that cannot be written (the log files cannot be created). */
  g_assert_cmpint (g_chmod (fixture->path, 0666), ==, 0);
  g_assert_cmpint (g_chmod (fixture->tmpdir, 0555), ==, 0);
  run_as_unprivileged (fixture->path, "its folder is read-only");
  g_assert_cmpint (g_chmod (fixture->tmpdir, 0700), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/annex/store-faults/full-disk/add", test_full_disk_add);
  ADD ("/annex/store-faults/full-disk/save", test_full_disk_save);
  ADD ("/annex/store-faults/full-disk/setting", test_full_disk_setting);
  ADD ("/annex/store-faults/read-only/while-open", test_read_only_while_open);
  ADD ("/annex/store-faults/read-only/connection", test_read_only_connection);
  ADD ("/annex/store-faults/read-only/file", test_read_only_file);

#undef ADD

  return g_test_run ();
}
