/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c: the command-line verbs, in-process through annex_cli_run() and through the built
 * annex binary without a display. */

#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "annex-action.h"
#include "annex-audit.h"
#include "annex-change-log.h"
#include "annex-cli.h"
#include "annex-context.h"
#include "annex-control.h"
#include "annex-database.h"
#include "annex-document-version.h"
#include "annex-document.h"
#include "annex-nonconformity.h"
#include "annex-register.h"
#include "annex-requirement.h"
#include "annex-review.h"
#include "annex-risk-method.h"
#include "annex-risk-register.h"
#include "annex-sample.h"
#include "annex-scope-exclusion.h"
#include "annex-scope-version.h"
#include "annex-test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliResult;

static void
cli_result_clear (CliResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliResult, cli_result_clear)

static char *
read_back (int fd)
{
  GString *text = g_string_new (NULL);
  char buffer[4096];
  ssize_t n;

  g_assert_cmpint (lseek (fd, 0, SEEK_SET), ==, 0);
  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (text, buffer, n);
  g_assert_cmpint (n, ==, 0);

  return g_string_free (text, FALSE);
}

static int
open_capture_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  int fd = g_file_open_tmp ("annex-test-cli-XXXXXX", &name, &error);

  g_assert_no_error (error);
  g_unlink (name);
  return fd;
}

/* Runs annex_cli_run() in this process on "annex" + the NULL-terminated @args, with stdout and
 * stderr captured. */
static void
run_in_process (CliResult          *result,
                const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int saved_out, saved_err, fd_out, fd_err;

  g_ptr_array_add (argv, (gpointer) "annex");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  fflush (stdout);
  fflush (stderr);
  saved_out = dup (STDOUT_FILENO);
  saved_err = dup (STDERR_FILENO);
  fd_out = open_capture_file ();
  fd_err = open_capture_file ();
  g_assert_cmpint (dup2 (fd_out, STDOUT_FILENO), ==, STDOUT_FILENO);
  g_assert_cmpint (dup2 (fd_err, STDERR_FILENO), ==, STDERR_FILENO);

  result->status = annex_cli_run ((int) argv->len - 1, (char **) argv->pdata);

  fflush (stdout);
  fflush (stderr);
  dup2 (saved_out, STDOUT_FILENO);
  dup2 (saved_err, STDERR_FILENO);
  close (saved_out);
  close (saved_err);

  result->out = read_back (fd_out);
  result->err = read_back (fd_err);
  close (fd_out);
  close (fd_err);

  g_test_message ("annex %s → %d\nstdout: %s\nstderr: %s",
                  args[0] != NULL ? args[0] : "", result->status, result->out, result->err);
}

#define RUN(result, ...) \
  G_STMT_START { \
    const char *run_args_[] = { __VA_ARGS__, NULL }; \
    run_in_process ((result), run_args_); \
  } G_STMT_END

static char *
dup_binary_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "src", "annex", NULL);
}

/* Runs the built annex binary with the NULL-terminated @args, without a display. Returns FALSE
 * (and marks the test skipped) when the binary has not been built. */
static gboolean
run_binary (CliResult          *result,
            const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *binary = dup_binary_path ();

  if (!g_file_test (binary, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("the annex binary is not built");
      return FALSE;
    }

  g_ptr_array_add (argv, g_strdup (binary));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* The verbs and --help must work on a server without any display. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);

  g_test_message ("annex %s → %d\nstdout: %s\nstderr: %s",
                  args[0] != NULL ? args[0] : "", result->status, result->out, result->err);
  return TRUE;
}

#define RUN_BINARY(result, ...) \
  ({ \
    const char *run_args_[] = { __VA_ARGS__, NULL }; \
    run_binary ((result), run_args_); \
  })

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        n++;
    }

  return n;
}

/* Exactly one line "annex: <message>" on stderr, nothing on stdout. */
static void
assert_one_error_line (const CliResult *result)
{
  g_assert_cmpint (result->status, ==, 1);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_true (g_str_has_prefix (result->err, "annex: "));
  g_assert_true (g_str_has_suffix (result->err, "\n"));
  g_assert_cmpuint (count_lines (result->err), ==, 1);
  g_assert_cmpuint (strlen (result->err), >, strlen ("annex: \n"));
}

/* Exit status 2: the problem, then the verb's usage line; nothing on stdout. */
static void
assert_usage_error (const CliResult *result,
                    const char      *usage)
{
  g_auto(GStrv) lines = g_strsplit (result->err, "\n", -1);

  g_assert_cmpint (result->status, ==, 2);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "annex: "));
  g_assert_cmpstr (lines[1], ==, usage);
  g_assert_cmpstr (lines[2], ==, "");
}

static void
assert_no_companions (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *companion = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (companion, G_FILE_TEST_EXISTS))
        g_error ("%s exists", companion);
    }
}

static void
add_actions (const char *path,
             guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_autoptr(AnnexRegister) actions = NULL;

  g_assert_no_error (error);
  actions = annex_register_new (db, ANNEX_TYPE_ACTION);
  annex_register_load (actions, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRecord) record = annex_register_new_record (actions);
      g_autofree char *title = g_strdup_printf ("Patch server %u", i + 1);

      annex_action_set_title (ANNEX_ACTION (record), title);
      annex_register_add (actions, record, &error);
      g_assert_no_error (error);
    }

  g_clear_object (&actions);
  annex_database_close (db);
}

/* Read-write, so that closing removes the -wal/-shm files of a WAL-mode workspace. */
static gint64
count_history (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) entries = NULL;

  g_assert_no_error (error);
  entries = annex_change_log_list (db, NULL, 0, &error);
  g_assert_no_error (error);
  annex_database_close (db);

  return entries->len;
}

/* What "annex info" must print for a workspace with @n_actions actions, the seeded catalogue (93
 * controls, 30 requirements) and @n_entries history entries (or a tampered entry @tampered_at),
 * whose SoA has @n_applicable applicable and @n_excluded excluded controls. */
static char *
expected_info_soa (const char *organization,
                   gint64      n_entries,
                   gint64      tampered_at,
                   gint64      n_actions,
                   guint       n_applicable,
                   guint       n_excluded)
{
  const char * const *tables = annex_database_get_register_tables ();
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "organization: %s\n", organization);
  g_string_append_printf (text, "schema: %d\n", annex_database_get_latest_version ());
  if (tampered_at == 0)
    g_string_append_printf (text, "history: verified (%" G_GINT64_FORMAT " entries)\n", n_entries);
  else
    g_string_append_printf (text, "history: TAMPERED at entry %" G_GINT64_FORMAT "\n", tampered_at);

  /* The registers in their display order. */
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
  g_string_append_printf (text, "actions: %" G_GINT64_FORMAT "\n", n_actions);
  g_string_append (text, "controls: 93\n");
  g_string_append (text, "requirements: 30\n");
  g_string_append (text, "issues: 0\nparties: 0\nparty-requirements: 0\n");
  g_string_append (text, "scope-versions: 0\nscope-exclusions: 0\n");
  g_string_append (text, "assets: 0\nrisks: 0\n");
  g_string_append (text, "audits: 0\naudit-items: 0\nfindings: 0\n");
  g_string_append (text, "nonconformities: 0\nnonconformities-open: 0\nincidents: 0\n");
  /* objectives and reviews */
  g_string_append (text, "objectives: 0\nobjective-measurements: 0\n");
  g_string_append (text, "reviews: 0\nreviews-signed-off: 0\nreview-attendees: 0\n");
  /* documents and people */
  g_string_append (text, "documents: 0\ndocument-versions: 0\npeople: 0\nroles: 0\n");
  g_string_append (text, "trainings: 0\nawareness-activities: 0\ncommunications: 0\n");
  /* imported catalogues */
  g_string_append (text, "catalogues: 0\n");
  g_string_append (text, "climate-change: unanswered\n");

  g_string_append_printf (text, "soa-applicable: %u\n", n_applicable);
  g_string_append_printf (text, "soa-excluded: %u\n", n_excluded);
  g_string_append_printf (text, "soa-undecided: %u\n", 93 - n_applicable - n_excluded);
  /* No method stored: the default 5 × 5 (C locale: English labels); no risks. */
  g_string_append (text, "risk-levels: Very low, Low, Medium, High, Very high\n");
  g_string_append (text, "residual-1: 0\nresidual-2: 0\nresidual-3: 0\nresidual-4: 0\n"
                         "residual-5: 0\nresidual-unassessed: 0\n");

  return g_string_free (text, FALSE);
}

static char *
expected_info (const char *organization,
               gint64      n_entries,
               gint64      tampered_at,
               gint64      n_actions)
{
  return expected_info_soa (organization, n_entries, tampered_at, n_actions, 0, 0);
}

static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_cli_verbs (void)
{
  const char *help = annex_cli_get_help_description ();

  g_assert_true (annex_cli_is_verb ("new"));
  g_assert_true (annex_cli_is_verb ("info"));
  g_assert_true (annex_cli_is_verb ("check"));
  g_assert_false (annex_cli_is_verb ("--help"));
  g_assert_false (annex_cli_is_verb ("--view"));
  g_assert_false (annex_cli_is_verb ("News"));
  g_assert_false (annex_cli_is_verb ("workspace.isms"));
  g_assert_false (annex_cli_is_verb (""));
  g_assert_false (annex_cli_is_verb (NULL));

  g_assert_nonnull (strstr (help, "annex new FILE [--organization NAME]"));
  g_assert_nonnull (strstr (help, "annex info FILE"));
  g_assert_nonnull (strstr (help, "annex check FILE [--today YYYY-MM-DD]"));
  /* The same pointer every time: the application keeps it. */
  g_assert_true (help == annex_cli_get_help_description ());
}

static void
test_cli_new (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "acme.isms", NULL);
  g_autofree char *named = g_build_filename (dir, "named.isms", NULL);
  g_autofree char *expected_out = g_strdup_printf ("Created %s\n", path);
  g_auto(CliResult) result = { 0 };
  g_auto(CliResult) result2 = { 0 };
  g_autoptr(AnnexDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *organization = NULL;
  int version = 0;

  RUN (&result, "new", path);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, expected_out);
  g_assert_cmpstr (result.err, ==, "");

  /* A valid workspace at the latest version; the organization defaults to the file name. */
  annex_database_validate_file (path, &version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, annex_database_get_latest_version ());
  db = annex_database_open (path, ANNEX_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  organization = annex_database_dup_organization (db);
  g_assert_cmpstr (organization, ==, "acme");
  annex_database_close (db);
  g_clear_object (&db);
  g_clear_pointer (&organization, g_free);

  /* --organization, in both spellings. */
  RUN (&result2, "new", "--organization", "Acme Ltd & Söhne", named);
  g_assert_cmpint (result2.status, ==, 0);
  db = annex_database_open (named, ANNEX_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  organization = annex_database_dup_organization (db);
  g_assert_cmpstr (organization, ==, "Acme Ltd & Söhne");
  annex_database_close (db);
  g_clear_object (&db);
  g_clear_pointer (&organization, g_free);
  cli_result_clear (&result2);

  g_clear_pointer (&named, g_free);
  named = g_build_filename (dir, "short", NULL);
  RUN (&result2, "new", named, "-o", "Beta GmbH");
  g_assert_cmpint (result2.status, ==, 0);
  db = annex_database_open (named, ANNEX_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  organization = annex_database_dup_organization (db);
  g_assert_cmpstr (organization, ==, "Beta GmbH");
  annex_database_close (db);

  annex_test_rm_rf (dir);
}

static void
test_cli_new_exists (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "taken.isms", NULL);
  g_autofree char *workspace = g_build_filename (dir, "workspace.isms", NULL);
  g_autoptr(GBytes) before = NULL;
  g_auto(CliResult) result = { 0 };
  g_auto(CliResult) result2 = { 0 };
  g_auto(CliResult) result3 = { 0 };

  /* Any file: never overwritten. */
  annex_test_write_file (path, "my notes\n", -1);
  before = annex_test_read_file (path);
  RUN (&result, "new", path, "-o", "Acme");
  assert_one_error_line (&result);
  annex_test_assert_file_equals (path, before);
  assert_no_companions (path);
  g_clear_pointer (&before, g_bytes_unref);

  /* An existing workspace: neither. */
  RUN (&result2, "new", workspace);
  g_assert_cmpint (result2.status, ==, 0);
  before = annex_test_read_file (workspace);
  RUN (&result3, "new", workspace, "-o", "Other");
  assert_one_error_line (&result3);
  annex_test_assert_file_equals (workspace, before);

  annex_test_rm_rf (dir);
}

/* `annex new FILE --sample ID`: a sample organization, renamed by --organization; an unknown
 * id is a usage error naming the valid ones; an existing file stays as it is. */
static void
test_cli_new_sample (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bank.isms", NULL);
  g_autofree char *renamed = g_build_filename (dir, "renamed.isms", NULL);
  g_autofree char *unknown = g_build_filename (dir, "unknown.isms", NULL);
  g_auto(CliResult) result = { 0 };
  g_auto(CliResult) result2 = { 0 };
  g_auto(CliResult) result3 = { 0 };
  g_auto(CliResult) result4 = { 0 };
  g_autoptr(AnnexDatabase) db = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *organization = NULL;

  RUN (&result, "new", path, "--sample", "financial");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  db = annex_database_open (path, ANNEX_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  organization = annex_database_dup_organization (db);
  g_assert_cmpstr (organization, ==, annex_sample_find ("financial")->organization);
  g_assert_cmpint (annex_database_count_rows (db, "risks", &error), >=, 40);
  g_assert_no_error (error);
  annex_database_close (db);
  g_clear_object (&db);
  g_clear_pointer (&organization, g_free);
  assert_no_companions (path);

  RUN (&result2, "new", renamed, "-s", "healthcare", "-o", "Training Clinic");
  g_assert_cmpint (result2.status, ==, 0);
  db = annex_database_open (renamed, ANNEX_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  organization = annex_database_dup_organization (db);
  g_assert_cmpstr (organization, ==, "Training Clinic");
  g_assert_cmpint (annex_database_count_rows (db, "assets", &error), >=, 25);
  annex_database_close (db);
  g_clear_object (&db);

  RUN (&result3, "new", unknown, "--sample", "bakery");
  g_assert_cmpint (result3.status, ==, 2);
  g_assert_cmpstr (result3.out, ==, "");
  g_assert_nonnull (strstr (result3.err, "bakery"));
  g_assert_nonnull (strstr (result3.err, "financial, healthcare"));
  g_assert_false (g_file_test (unknown, G_FILE_TEST_EXISTS));

  /* An existing file is never replaced by a sample. */
  before = annex_test_read_file (path);
  RUN (&result4, "new", path, "--sample", "healthcare");
  assert_one_error_line (&result4);
  annex_test_assert_file_equals (path, before);

  annex_test_rm_rf (dir);
}

static void
test_cli_info (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "acme.isms", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GBytes) before = NULL;
  g_auto(CliResult) created = { 0 };
  g_auto(CliResult) result = { 0 };
  g_auto(CliResult) result2 = { 0 };
  gint64 n_entries;

  RUN (&created, "new", path, "--organization", "Acme Ltd");
  g_assert_cmpint (created.status, ==, 0);
  n_entries = count_history (path);

  assert_no_companions (path);
  before = annex_test_read_file (path);
  RUN (&result, "info", path);
  g_assert_cmpint (result.status, ==, 0);
  expected = expected_info ("Acme Ltd", n_entries, 0, 0);
  g_assert_cmpstr (result.out, ==, expected);
  g_assert_cmpstr (result.err, ==, "");
  /* Read-only: the file is untouched, and no -wal/-shm files are left beside this WAL-mode file. */
  annex_test_assert_file_equals (path, before);
  assert_no_companions (path);
  g_clear_pointer (&before, g_bytes_unref);
  g_clear_pointer (&expected, g_free);

  /* Three actions later: three more history entries. */
  add_actions (path, 3);
  g_assert_cmpint (count_history (path), ==, n_entries + 3);
  before = annex_test_read_file (path);
  RUN (&result2, "info", path);
  g_assert_cmpint (result2.status, ==, 0);
  expected = expected_info ("Acme Ltd", n_entries + 3, 0, 3);
  g_assert_cmpstr (result2.out, ==, expected);
  g_assert_cmpstr (result2.err, ==, "");
  g_assert_nonnull (strstr (result2.out, "\nactions: 3\n"));
  annex_test_assert_file_equals (path, before);
  assert_no_companions (path);

  annex_test_rm_rf (dir);
}

/* The SoA counts follow the decisions made through the model. */
static void
test_cli_info_soa (void)
{
  static const char * const applicable[] = { "5.1", "5.2", "6.3", "8.24" };
  static const char * const excluded[] = { "7.4", "7.5" };
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "acme.isms", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GBytes) before = NULL;
  g_auto(CliResult) created = { 0 };
  g_auto(CliResult) result = { 0 };

  RUN (&created, "new", path, "-o", "Acme");
  g_assert_cmpint (created.status, ==, 0);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AnnexDatabase) db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT,
                                                       &error);
    g_autoptr(AnnexRegister) controls = NULL;
    g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
    guint n = 0;

    g_assert_no_error (error);
    controls = annex_register_new (db, ANNEX_TYPE_CONTROL);
    g_assert_true (annex_register_load (controls, &error));
    n = g_list_model_get_n_items (G_LIST_MODEL (controls));
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(AnnexRecord) record = g_list_model_get_item (G_LIST_MODEL (controls), i);
        const char *reference = annex_record_get_reference (record);

        if (g_strv_contains (applicable, reference))
          g_object_set (record, "applicability", "applicable", "reason-risk", TRUE, NULL);
        else if (g_strv_contains (excluded, reference))
          g_object_set (record, "applicability", "excluded", NULL);
        else
          continue;
        g_ptr_array_add (records, g_steal_pointer (&record));
      }
    g_assert_cmpuint (records->len, ==, 6);
    g_assert_true (annex_register_save_many (controls, records, &error));
    g_assert_no_error (error);
    g_clear_object (&controls);
    annex_database_close (db);
  }

  before = annex_test_read_file (path);
  RUN (&result, "info", path);
  g_assert_cmpint (result.status, ==, 0);
  expected = expected_info_soa ("Acme", count_history (path), 0, 0, 4, 2);
  g_assert_cmpstr (result.out, ==, expected);
  g_assert_nonnull (strstr (result.out, "\nactions: 0\ncontrols: 93\nrequirements: 30\n"));
  g_assert_nonnull (strstr (result.out, "\nsoa-applicable: 4\nsoa-excluded: 2\n"
                                        "soa-undecided: 87\n"));
  g_assert_cmpstr (result.err, ==, "");
  annex_test_assert_file_equals (path, before);
  assert_no_companions (path);

  annex_test_rm_rf (dir);
}

/* The audit lines: one count per register, and the nonconformities not closed right after all
 * of them. */
static void
test_cli_info_audits (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "acme.isms", NULL);
  g_auto(CliResult) created = { 0 };
  g_auto(CliResult) result = { 0 };
  g_autoptr(GError) error = NULL;

  RUN (&created, "new", path, "-o", "Acme");
  g_assert_cmpint (created.status, ==, 0);

  {
    g_autoptr(AnnexDatabase) db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT,
                                                       &error);
    g_autoptr(AnnexRegister) audits = NULL;
    g_autoptr(AnnexRegister) ncs = NULL;
    g_autoptr(AnnexAudit) audit = annex_audit_new ();
    static const char * const statuses[] = { "open", "closed", "awaiting-check" };

    g_assert_no_error (error);
    audits = annex_register_new (db, ANNEX_TYPE_AUDIT);
    ncs = annex_register_new (db, ANNEX_TYPE_NONCONFORMITY);

    annex_record_set_string (ANNEX_RECORD (audit), "title", "ISMS audit");
    g_assert_true (annex_register_add (audits, ANNEX_RECORD (audit), &error));
    g_assert_no_error (error);

    for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
      {
        g_autoptr(AnnexNonconformity) nc = annex_nonconformity_new ();
        AnnexRecord *record = ANNEX_RECORD (nc);

        annex_record_set_string (record, "title", "Backups not tested");
        annex_record_set_string (record, "status", statuses[i]);
        annex_record_set_string (record, "check-date", "2026-02-01");
        annex_record_set_string (record, "check-by", "Dana Lee");
        annex_record_set_string (record, "check-result", "effective");
        g_assert_true (annex_register_add (ncs, record, &error));
        g_assert_no_error (error);
      }
    annex_database_close (db);
  }

  RUN (&result, "info", path);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "\nrisks: 0\naudits: 1\naudit-items: 0\nfindings: 0\n"
                                        "nonconformities: 3\nnonconformities-open: 2\n"
                                        "incidents: 0\n"));
  g_assert_cmpstr (result.err, ==, "");

  annex_test_rm_rf (dir);
}

/* The risk lines follow the method in force: its levels' labels, and the risks per residual
 * level; an unreadable method is said so. */
static void
test_cli_info_risks (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "acme.isms", NULL);
  g_auto(CliResult) created = { 0 };
  g_auto(CliResult) result = { 0 };
  g_auto(CliResult) result2 = { 0 };
  g_autoptr(GError) error = NULL;

  RUN (&created, "new", path, "-o", "Acme");
  g_assert_cmpint (created.status, ==, 0);

  {
    g_autoptr(AnnexDatabase) db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT,
                                                       &error);
    g_autoptr(AnnexRiskRegister) risks = NULL;
    g_autoptr(AnnexRiskMethod) three = annex_risk_method_new_preset (ANNEX_RISK_PRESET_3X3);
    static const guint residuals[][2] = { { 1, 1 }, { 3, 3 }, { 0, 0 }, { 3, 2 } };
    AnnexRegister *reg;

    g_assert_no_error (error);
    risks = annex_risk_register_new (db);
    reg = annex_risk_register_get_register (risks);
    g_assert_true (annex_register_load (reg, &error));
    g_assert_true (annex_risk_register_apply_method (risks, three, &error));
    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (residuals); i++)
      {
        g_autoptr(AnnexRecord) record = annex_register_new_record (reg);

        annex_risk_set_title (ANNEX_RISK (record), "Risk\nwith a line break");
        annex_risk_set_residual (ANNEX_RISK (record), residuals[i][0], residuals[i][1]);
        g_assert_true (annex_register_add (reg, record, &error));
      }
    g_clear_object (&risks);
    annex_database_close (db);
  }

  RUN (&result, "info", path);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "\nrisks: 4\n"));
  g_assert_true (g_str_has_suffix (result.out,
                                   "\nsoa-undecided: 93\n"
                                   "risk-levels: Low, Medium, High\n"
                                   "residual-1: 1\nresidual-2: 0\nresidual-3: 2\n"
                                   "residual-unassessed: 1\n"));

  {
    g_autoptr(AnnexDatabase) db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT,
                                                       &error);

    g_assert_no_error (error);
    g_assert_true (annex_database_set_setting (db, ANNEX_RISK_METHOD_SETTING, "{", &error));
    annex_database_close (db);
  }

  RUN (&result2, "info", path);
  g_assert_cmpint (result2.status, ==, 0);
  g_assert_true (g_str_has_suffix (result2.out, "\nsoa-undecided: 93\nrisk-method: invalid\n"));

  annex_test_rm_rf (dir);
}

/* An exported workspace is in rollback-journal mode: a read-only look must not switch it to WAL
 * nor leave -wal/-shm files beside it. */
static void
test_cli_info_exported (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "acme.isms", NULL);
  g_autofree char *copy = g_build_filename (dir, "export.isms", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(AnnexDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_auto(CliResult) created = { 0 };
  g_auto(CliResult) result = { 0 };

  RUN (&created, "new", path, "-o", "Acme");
  g_assert_cmpint (created.status, ==, 0);
  add_actions (path, 2);

  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  annex_database_backup (db, copy, &error);
  g_assert_no_error (error);
  annex_database_close (db);
  assert_no_companions (copy);

  before = annex_test_read_file (copy);
  RUN (&result, "info", copy);
  g_assert_cmpint (result.status, ==, 0);
  expected = expected_info ("Acme", count_history (path), 0, 2);
  g_assert_cmpstr (result.out, ==, expected);
  annex_test_assert_file_equals (copy, before);
  assert_no_companions (copy);

  annex_test_rm_rf (dir);
}

static void
assert_info_refused (const char *path)
{
  g_autoptr(GBytes) before = annex_test_read_file (path);
  g_auto(CliResult) result = { 0 };

  RUN (&result, "info", path);
  assert_one_error_line (&result);
  annex_test_assert_file_equals (path, before);
  assert_no_companions (path);
}

static void
test_cli_info_refused (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *text = g_build_filename (dir, "notes.isms", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.isms", NULL);
  g_autofree char *foreign = g_build_filename (dir, "foreign.isms", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.isms", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.isms", NULL);
  g_autofree char *sql = NULL;
  g_auto(CliResult) created = { 0 };
  g_auto(CliResult) result = { 0 };

  annex_test_write_file (text, "This is not a database, just some text.\n", -1);
  assert_info_refused (text);

  annex_test_write_file (empty, "", 0);
  assert_info_refused (empty);

  exec_raw (foreign, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('Annex');");
  assert_info_refused (foreign);

  RUN (&created, "new", newer, "-o", "Future Inc");
  g_assert_cmpint (created.status, ==, 0);
  sql = g_strdup_printf ("PRAGMA user_version = %d;", annex_database_get_latest_version () + 1);
  exec_raw (newer, sql);
  assert_no_companions (newer);
  assert_info_refused (newer);

  RUN (&result, "info", missing);
  assert_one_error_line (&result);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  assert_no_companions (missing);

  annex_test_rm_rf (dir);
}

/* Finds the table that holds the change history (the one with a hash column), so the test does not
 * depend on the store's naming; then alters what the entry of "Patch server 2" recorded. */
static void
tamper_with_history (const char *path,
                     gint64     *out_entry)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *table = NULL;
  g_autofree char *sql = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT m.name FROM sqlite_schema AS m, "
                                       "pragma_table_info(m.name) AS c "
                                       "WHERE m.type = 'table' AND c.name = 'hash' LIMIT 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  table = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  /* Tampering means going around any guard the store keeps (such as triggers). */
  sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE \"after\" LIKE '%%Patch server 2%%' "
                         "ORDER BY id LIMIT 1", table);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *out_entry = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_clear_pointer (&sql, g_free);

  sql = g_strdup_printf ("CREATE TEMP TABLE drop_triggers AS "
                         "  SELECT name FROM sqlite_schema WHERE type = 'trigger' "
                         "  AND tbl_name = '%s';", table);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, &message), ==, SQLITE_OK);
  g_clear_pointer (&sql, g_free);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM drop_triggers", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"",
                                               (const char *) sqlite3_column_text (stmt, 0));

      if (sqlite3_exec (db, drop, NULL, NULL, &message) != SQLITE_OK)
        g_error ("%s: %s", drop, message);
    }
  sqlite3_finalize (stmt);

  sql = g_strdup_printf ("UPDATE \"%s\" SET \"after\" = replace(\"after\", 'Patch', 'Ignore') "
                         "WHERE id = %" G_GINT64_FORMAT, table, *out_entry);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_cli_info_tampered (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "acme.isms", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GBytes) before = NULL;
  g_auto(CliResult) created = { 0 };
  g_auto(CliResult) result = { 0 };
  gint64 entry = 0;

  RUN (&created, "new", path, "-o", "Acme");
  g_assert_cmpint (created.status, ==, 0);
  add_actions (path, 3);
  tamper_with_history (path, &entry);
  g_assert_cmpint (entry, >, 0);

  before = annex_test_read_file (path);
  RUN (&result, "info", path);
  /* Reported, not a failure of "info". */
  g_assert_cmpint (result.status, ==, 0);
  expected = expected_info ("Acme", 0, entry, 3);
  g_assert_cmpstr (result.out, ==, expected);
  g_assert_cmpstr (result.err, ==, "");
  annex_test_assert_file_equals (path, before);

  annex_test_rm_rf (dir);
}

static void
test_cli_usage (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "acme.isms", NULL);
  g_autofree char *other = g_build_filename (dir, "other.isms", NULL);
  const char *new_usage = "Usage: annex new FILE [--organization NAME] [--sample ID]";
  const char *info_usage = "Usage: annex info FILE";

  {
    g_auto(CliResult) result = { 0 };
    RUN (&result, "info");
    assert_usage_error (&result, info_usage);
  }
  {
    g_auto(CliResult) result = { 0 };
    RUN (&result, "info", "--bogus", path);
    assert_usage_error (&result, info_usage);
    g_assert_nonnull (strstr (result.err, "--bogus"));
  }
  {
    g_auto(CliResult) result = { 0 };
    RUN (&result, "info", path, other);
    assert_usage_error (&result, info_usage);
    g_assert_nonnull (strstr (result.err, "other.isms"));
  }
  {
    g_auto(CliResult) result = { 0 };
    RUN (&result, "new");
    assert_usage_error (&result, new_usage);
  }
  {
    g_auto(CliResult) result = { 0 };
    RUN (&result, "new", path, "--organisation", "Acme");
    assert_usage_error (&result, new_usage);
  }
  {
    g_auto(CliResult) result = { 0 };
    RUN (&result, "new", path, "-o");
    assert_usage_error (&result, new_usage);
  }
  {
    g_auto(CliResult) result = { 0 };
    RUN (&result, "new", path, other);
    assert_usage_error (&result, new_usage);
  }
  {
    g_auto(CliResult) result = { 0 };
    RUN (&result, "new", path, "-o", "  ");
    assert_usage_error (&result, new_usage);
  }

  /* Nothing was created by any of them. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));

  /* "--" ends the options: a file name may start with a dash. */
  {
    g_autofree char *dashed = g_build_filename (dir, "-dashed.isms", NULL);
    g_autofree char *cwd = g_get_current_dir ();
    g_auto(CliResult) result = { 0 };

    g_assert_cmpint (g_chdir (dir), ==, 0);
    RUN (&result, "new", "-o", "Dash", "--", "-dashed.isms");
    g_assert_cmpint (g_chdir (cwd), ==, 0);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_true (g_file_test (dashed, G_FILE_TEST_IS_REGULAR));
  }

  annex_test_rm_rf (dir);
}

static void
test_cli_help (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "acme.isms", NULL);
  const char *saved_prgname = g_get_prgname ();
  g_autofree char *prgname = g_strdup (saved_prgname);

  {
    g_auto(CliResult) result = { 0 };
    RUN (&result, "new", "--help");
    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.err, ==, "");
    g_assert_true (g_str_has_prefix (result.out, "Usage:\n  annex new [OPTION…] FILE\n"));
    g_assert_nonnull (strstr (result.out, "-o, --organization=NAME"));
    g_assert_nonnull (strstr (result.out, "-h, --help"));
  }
  {
    g_auto(CliResult) result = { 0 };
    /* Help wins over everything else on the line and does nothing. */
    RUN (&result, "info", path, "-h");
    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.err, ==, "");
    g_assert_true (g_str_has_prefix (result.out, "Usage:\n  annex info [OPTION…] FILE\n"));
    g_assert_nonnull (strstr (result.out, "without modifying the file"));
    g_assert_nonnull (strstr (result.out, "TAMPERED at entry N"));
    g_assert_nonnull (strstr (result.out, "Exit status: 0"));
  }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* The verb borrows the program name for its usage line and gives it back. */
  g_assert_cmpstr (g_get_prgname (), ==, prgname);

  annex_test_rm_rf (dir);
}

/* Fills @path (a new workspace) so that every readiness check passes on 2026-06-30: the risk
 * method chosen, every control decided with a reason or justification, every clause requirement
 * done with evidence, an approved scope and policy, climate change answered, an internal audit
 * and a signed-off management review within the year. */
static void
make_ready_workspace (const char *path)
{
  g_autoptr(AnnexDatabase) db = NULL;
  g_autoptr(AnnexRegister) controls = NULL;
  g_autoptr(AnnexRegister) requirements = NULL;
  g_autoptr(AnnexRegister) versions = NULL;
  g_autoptr(AnnexRegister) exclusions = NULL;
  g_autoptr(AnnexRegister) documents = NULL;
  g_autoptr(AnnexRegister) document_versions = NULL;
  g_autoptr(AnnexRegister) audits = NULL;
  g_autoptr(AnnexRegister) reviews = NULL;
  g_autoptr(AnnexRiskMethod) method = annex_risk_method_new_default ();
  g_autoptr(AnnexRecord) policy = NULL;
  g_autoptr(AnnexRecord) version = NULL;
  g_autoptr(AnnexRecord) audit = NULL;
  g_autoptr(AnnexRecord) review = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = annex_risk_method_to_json (method);
  AnnexScopeVersion *draft;
  guint n;

  db = annex_database_create (path, "Ready Ltd", &error);
  g_assert_no_error (error);
  g_assert_true (annex_database_set_setting (db, ANNEX_RISK_METHOD_SETTING, json, &error));
  g_assert_true (annex_context_set_climate_note (db, "Office work only", &error));
  g_assert_no_error (error);

  controls = annex_register_new (db, ANNEX_TYPE_CONTROL);
  g_assert_true (annex_register_load (controls, &error));
  n = g_list_model_get_n_items (G_LIST_MODEL (controls));
  for (guint i = 0; i < n; i++)
    {
      AnnexRecord *control = annex_test_list_get_item (G_LIST_MODEL (controls), i);

      g_object_set (control, "applicability", "applicable", "reason-risk", TRUE,
                    "status", "implemented", NULL);
      g_ptr_array_add (all, control);
    }
  g_assert_true (annex_register_save_many (controls, all, &error));
  g_assert_no_error (error);

  g_ptr_array_set_size (all, 0);
  requirements = annex_register_new (db, ANNEX_TYPE_REQUIREMENT);
  g_assert_true (annex_register_load (requirements, &error));
  n = g_list_model_get_n_items (G_LIST_MODEL (requirements));
  for (guint i = 0; i < n; i++)
    {
      AnnexRecord *requirement = annex_test_list_get_item (G_LIST_MODEL (requirements), i);

      annex_record_set_string (requirement, "status", "done");
      annex_record_set_string (requirement, "evidence", "See the ISMS manual");
      g_ptr_array_add (all, requirement);
    }
  g_assert_true (annex_register_save_many (requirements, all, &error));
  g_assert_no_error (error);

  versions = annex_register_new (db, ANNEX_TYPE_SCOPE_VERSION);
  exclusions = annex_register_new (db, ANNEX_TYPE_SCOPE_EXCLUSION);
  g_assert_true (annex_register_load (versions, &error));
  g_assert_true (annex_register_load (exclusions, &error));
  draft = annex_scope_version_new_draft (versions, exclusions, &error);
  g_assert_no_error (error);
  annex_record_set_string (ANNEX_RECORD (draft), "statement", "All of Ready Ltd");
  g_assert_true (annex_register_save (versions, ANNEX_RECORD (draft), &error));
  g_assert_true (annex_scope_version_approve (versions, draft, "Chief Executive", "2026-01-05",
                                              NULL, &error));
  g_assert_no_error (error);

  documents = annex_register_new (db, ANNEX_TYPE_DOCUMENT);
  document_versions = annex_register_new (db, ANNEX_TYPE_DOCUMENT_VERSION);
  g_assert_true (annex_register_load (documents, &error));
  g_assert_true (annex_register_load (document_versions, &error));
  policy = annex_register_new_record (documents);
  g_object_set (policy, "title", "Information security policy", "type", "policy",
                "security-policy", TRUE, NULL);
  g_assert_true (annex_register_add (documents, policy, &error));
  version = annex_register_new_record (document_versions);
  annex_record_set_int (version, "document-id", annex_record_get_id (policy));
  annex_record_set_string (version, "version", "1.0");
  g_assert_true (annex_register_add (document_versions, version, &error));
  g_assert_true (annex_document_version_approve (document_versions,
                                                 ANNEX_DOCUMENT_VERSION (version), documents,
                                                 "Chief Executive", "2026-01-10", &error));
  g_assert_no_error (error);

  audits = annex_register_new (db, ANNEX_TYPE_AUDIT);
  g_assert_true (annex_register_load (audits, &error));
  audit = annex_register_new_record (audits);
  g_object_set (audit, "title", "Internal audit 2026", "actual-start", "2026-03-02",
                "actual-end", "2026-03-04", "status", "closed", NULL);
  g_assert_true (annex_register_add (audits, audit, &error));
  g_assert_no_error (error);

  reviews = annex_register_new (db, ANNEX_TYPE_REVIEW);
  g_assert_true (annex_register_load (reviews, &error));
  review = annex_register_new_record (reviews);
  g_object_set (review, "planned-date", "2026-04-20", "actual-date", "2026-04-20",
                "chair", "Chief Executive", "status", "held", NULL);
  g_assert_true (annex_register_add (reviews, review, &error));
  g_assert_true (annex_review_sign_off (reviews, ANNEX_REVIEW (review), "Chief Executive",
                                        "2026-04-21", &error));
  g_assert_no_error (error);

  annex_database_close (db);
}

static void
test_cli_check (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "acme.isms", NULL);
  g_autofree char *ready = g_build_filename (dir, "ready.isms", NULL);
  g_autoptr(GBytes) before = NULL;

  {
    g_auto(CliResult) result = { 0 };
    g_auto(GStrv) lines = NULL;

    RUN (&result, "new", path);
    g_assert_cmpint (result.status, ==, 0);
    before = annex_test_read_file (path);
    cli_result_clear (&result);

    /* A new workspace: the findings, errors first, then the count; exit status 3. */
    RUN (&result, "check", path, "--today", "2026-06-30");
    g_assert_cmpint (result.status, ==, ANNEX_CLI_EXIT_FINDINGS);
    g_assert_cmpint (result.status, ==, 3);
    g_assert_cmpstr (result.err, ==, "");
    lines = g_strsplit (result.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 10);
    g_assert_cmpstr (lines[0], ==,
                     "error control-undecided: Controls without a decision: 5.1, 5.2, 5.3, 5.4, "
                     "5.5, 5.6, 5.7, 5.8, 5.9, 5.10, 5.11, 5.12, 5.13, 5.14, 5.15, 5.16, 5.17, "
                     "5.18, 5.19, 5.20 and 73 more");
    g_assert_cmpstr (lines[1], ==, "error no-recent-audit: No internal audit in the last 12 "
                     "months");
    g_assert_cmpstr (lines[2], ==, "error no-recent-review: No management review in the last "
                     "12 months");
    g_assert_cmpstr (lines[3], ==, "error scope-not-approved: No approved scope");
    g_assert_cmpstr (lines[4], ==, "error no-risk-method: No risk method chosen");
    g_assert_cmpstr (lines[5], ==, "error policy-missing: No approved information security "
                     "policy");
    g_assert_cmpstr (lines[6], ==, "warning climate-not-considered: Climate change not "
                     "considered");
    g_assert_true (g_str_has_prefix (lines[7], "warning requirement-no-evidence: Clause "
                                     "requirements not done or without evidence: 4.1, 4.2, "));
    g_assert_true (g_str_has_suffix (lines[7], " more"));
    g_assert_cmpstr (lines[8], ==, "findings: 8");
    g_assert_cmpstr (lines[9], ==, "");
  }

  /* Nothing was written, not even beside it. */
  annex_test_assert_file_equals (path, before);
  assert_no_companions (path);

  /* Everything in order: no finding, exit status 0. */
  make_ready_workspace (ready);
  {
    g_auto(CliResult) result = { 0 };

    RUN (&result, "check", "--today=2026-06-30", ready);
    g_assert_cmpint (result.status, ==, ANNEX_CLI_EXIT_OK);
    g_assert_cmpstr (result.out, ==, "findings: 0\n");
    g_assert_cmpstr (result.err, ==, "");
  }
  /* A year later the audit and the review are too old. */
  {
    g_auto(CliResult) result = { 0 };

    RUN (&result, "check", ready, "--today", "2027-06-30");
    g_assert_cmpint (result.status, ==, 3);
    g_assert_cmpstr (result.out, ==,
                     "error no-recent-audit: No internal audit in the last 12 months\n"
                     "error no-recent-review: No management review in the last 12 months\n"
                     "findings: 2\n");
  }

  /* Failures and wrong usage. */
  {
    g_autofree char *missing = g_build_filename (dir, "missing.isms", NULL);
    g_auto(CliResult) result = { 0 };

    RUN (&result, "check", missing);
    assert_one_error_line (&result);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  {
    g_autofree char *notes = g_build_filename (dir, "notes.txt", NULL);
    g_auto(CliResult) result = { 0 };

    annex_test_write_file (notes, "not a workspace\n", -1);
    RUN (&result, "check", notes);
    assert_one_error_line (&result);
  }
  {
    const char *usage = "Usage: annex check FILE [--today YYYY-MM-DD]";
    const char * const bad_dates[] = { "2026-02-30", "30.06.2026", "", "tomorrow" };

    for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
      {
        g_auto(CliResult) result = { 0 };

        RUN (&result, "check", path, "--today", bad_dates[i]);
        assert_usage_error (&result, usage);
      }
    {
      g_auto(CliResult) result = { 0 };

      RUN (&result, "check");
      assert_usage_error (&result, usage);
    }
    {
      g_auto(CliResult) result = { 0 };

      RUN (&result, "check", path, "--today");
      assert_usage_error (&result, usage);
    }
    {
      g_auto(CliResult) result = { 0 };

      RUN (&result, "check", path, ready);
      assert_usage_error (&result, usage);
    }
  }
  {
    g_auto(CliResult) result = { 0 };

    RUN (&result, "check", "--help");
    g_assert_cmpint (result.status, ==, 0);
    g_assert_true (g_str_has_prefix (result.out, "Usage:\n  annex check [OPTION…] FILE\n"));
    g_assert_nonnull (strstr (result.out, "--today=YYYY-MM-DD"));
    g_assert_nonnull (strstr (result.out, "findings: N"));
    g_assert_nonnull (strstr (result.out, "3 when there are findings"));
  }
  annex_test_assert_file_equals (path, before);

  /* The binary, without a display. */
  {
    g_auto(CliResult) result = { 0 };

    if (RUN_BINARY (&result, "check", ready, "--today", "2026-06-30"))
      {
        g_assert_cmpint (result.status, ==, 0);
        g_assert_cmpstr (result.out, ==, "findings: 0\n");
        cli_result_clear (&result);
        RUN_BINARY (&result, "check", path);
        g_assert_cmpint (result.status, ==, 3);
        g_assert_true (g_str_has_prefix (result.out, "error control-undecided: "));
      }
  }

  annex_test_rm_rf (dir);
}

/* "annex export": each report written, every wrong combination refused before anything is
 * written, an unknown audit a failure; the workspace is never modified. */
static void
test_cli_export (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "acme.isms", NULL);
  g_autofree char *csv = g_build_filename (dir, "actions.csv", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "soa.xlsx", NULL);
  g_autofree char *register_csv = g_build_filename (dir, "risks.csv", NULL);
  g_autofree char *other = g_build_filename (dir, "other.out", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) before = NULL;
  const char *usage = "Usage: annex export FILE --report soa|risks|treatment-plan|audit:REF|"
                      "review:REF|context|actions|register:TABLE --format pdf|xlsx|csv|oscal "
                      "--output OUT";

  {
    g_auto(CliResult) result = { 0 };
    RUN (&result, "new", path, "-o", "Acme");
    g_assert_cmpint (result.status, ==, 0);
  }
  add_actions (path, 2);
  before = annex_test_read_file (path);

  {
    g_auto(CliResult) result = { 0 };
    g_autofree char *expected = g_strdup_printf ("Exported %s\n", csv);

    RUN (&result, "export", path, "--report", "actions", "--format", "csv", "--output", csv);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.out, ==, expected);
    g_assert_cmpstr (result.err, ==, "");
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "reference,title,owner,due-date,status,"));
    g_assert_nonnull (strstr (contents, "\r\nA-002,Patch server 2,"));
  }
  {
    g_auto(CliResult) result = { 0 };

    /* The format from the extension. */
    RUN (&result, "export", path, "-r", "soa", "-o", xlsx);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_auto(CliResult) result = { 0 };

    RUN (&result, "export", path, "--report", "register:risks", "--output", register_csv);
    g_assert_cmpint (result.status, ==, 0);
  }

  /* What only the workspace can tell: one error line, nothing written. */
  {
    g_auto(CliResult) result = { 0 };

    RUN (&result, "export", path, "--report", "audit:IA-2026-09", "--format", "xlsx",
         "--output", other);
    assert_one_error_line (&result);
    g_assert_nonnull (strstr (result.err, "IA-2026-09"));
  }

  /* Wrong usage: the problem and the usage line. */
  {
    const char *cases[][8] = {
      { "export", path, "--format", "csv", "--output", other, NULL },
      { "export", path, "--report", "soa", "--format", "csv", NULL },
      { "export", path, "--report", "bogus", "--output", other, "--format", "pdf" },
      { "export", path, "--report", "audit", "--format", "pdf", "--output", other },
      { "export", path, "--report", "audit:", "--format", "pdf", "--output", other },
      { "export", path, "--report", "soa:x", "--format", "pdf", "--output", other },
      { "export", path, "--report", "register:nope", "--format", "csv", "--output", other },
      { "export", path, "--report", "soa", "--format", "doc", "--output", other },
      { "export", path, "--report", "soa", "--output", other, NULL },
      { "export", path, "--report", "risks", "--format", "oscal", "--output", other },
      { "export", path, "--report", "review:MR-2026-01", "--format", "csv", "--output", other },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_auto(CliResult) result = { 0 };
        const char *args[9] = { NULL };

        memcpy (args, cases[i], sizeof cases[i]);
        run_in_process (&result, args);
        assert_usage_error (&result, usage);
      }
  }
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  annex_test_assert_file_equals (path, before);

  annex_test_rm_rf (dir);
}

/* The real binary: the verbs run before any GTK start-up, so no display is needed. */
static void
test_cli_binary (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "beta.isms", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.isms", NULL);
  g_autofree char *expected = NULL;
  g_auto(CliResult) result = { 0 };

  if (!RUN_BINARY (&result, "new", path, "--organization", "Beta"))
    {
      annex_test_rm_rf (dir);
      return;
    }
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  cli_result_clear (&result);

  RUN_BINARY (&result, "info", path);
  g_assert_cmpint (result.status, ==, 0);
  expected = expected_info ("Beta", count_history (path), 0, 0);
  g_assert_cmpstr (result.out, ==, expected);
  g_assert_cmpstr (result.err, ==, "");
  cli_result_clear (&result);

  RUN_BINARY (&result, "info", missing);
  assert_one_error_line (&result);
  cli_result_clear (&result);

  /* A report, written without any display. */
  {
    g_autofree char *soa = g_build_filename (dir, "soa.xlsx", NULL);

    RUN_BINARY (&result, "export", path, "--report", "soa", "--format", "xlsx", "--output", soa);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.err, ==, "");
    g_assert_true (g_file_test (soa, G_FILE_TEST_IS_REGULAR));
    cli_result_clear (&result);
  }

  RUN_BINARY (&result, "info");
  assert_usage_error (&result, "Usage: annex info FILE");
  cli_result_clear (&result);

  RUN_BINARY (&result, "new", "--help");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "--organization"));
  cli_result_clear (&result);

  /* GApplication's own --help, with the verbs in its description. */
  RUN_BINARY (&result, "--help");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "annex new FILE [--organization NAME]"));
  g_assert_nonnull (strstr (result.out, "annex info FILE"));
  g_assert_nonnull (strstr (result.out, "--view"));
  cli_result_clear (&result);

  /* The application's own option is checked before start-up too. */
  RUN_BINARY (&result, "--view", "bogus");
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_nonnull (strstr (result.err, "bogus"));
  cli_result_clear (&result);

  annex_test_rm_rf (dir);
}

/* The values of every record of @table in @path, one line per record (no ids or timestamps). */
static char *
dump_register (const char *path,
               GType       type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = annex_database_open (path, ANNEX_DATABASE_OPEN_READ_ONLY, &error);
  g_autoptr(AnnexRegister) reg = NULL;
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  reg = annex_register_new (db, type);
  g_assert_true (annex_register_load (reg, &error));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (reg)); i++)
    {
      AnnexRecord *record = annex_test_list_get_item (G_LIST_MODEL (reg), i);
      g_autofree char *json = annex_record_to_json (record);

      g_string_append_printf (text, "%s\n", json);
    }
  g_clear_object (&reg);
  annex_database_close (db);
  return g_string_free (text, FALSE);
}

static void
test_cli_import (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "acme.isms", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.isms", NULL);
  g_autofree char *good = g_build_filename (dir, "risks.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *exported = g_build_filename (dir, "exported.csv", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GBytes) before = NULL;
  const char good_text[] = "\xEF\xBB\xBFName of risk;Likelihood;Owner;Next review\r\n"
                           "\"Ransomware; file server\";Likely;IT;2026-06-30\r\n"
                           "Phishing;2;\"Dana\nLee\";\r\n";
  const char bad_text[] = "title,inherent likelihood,next review\n"
                          "Fine,1,\n"
                          "Typo,Very hgh,\n"
                          "Date,1,2026-02-30\n";

  annex_test_write_file (good, good_text, -1);
  annex_test_write_file (bad, bad_text, -1);
  {
    g_auto(CliResult) result = { 0 };
    RUN (&result, "new", path, "-o", "Acme");
    g_assert_cmpint (result.status, ==, 0);
  }
  {
    g_auto(CliResult) result = { 0 };
    RUN (&result, "new", copy, "-o", "Acme");
    g_assert_cmpint (result.status, ==, 0);
  }

  /* Problems: each with its row, exit 1, nothing written. */
  before = annex_test_read_file (path);
  {
    g_auto(CliResult) result = { 0 };

    RUN (&result, "import", path, "--register", "risks", "--csv", bad);
    g_assert_cmpint (result.status, ==, 1);
    g_assert_cmpstr (result.out, ==, "");
    g_assert_nonnull (strstr (result.err, "annex: Row 3: Inherent likelihood: unknown value"));
    g_assert_nonnull (strstr (result.err, "annex: Row 4: "));
    g_assert_null (strstr (result.err, "Row 2"));
  }
  annex_test_assert_file_equals (path, before);

  /* Usage errors. */
  {
    g_auto(CliResult) result = { 0 };

    RUN (&result, "import", path, "--csv", good);
    g_assert_cmpint (result.status, ==, 2);
  }
  {
    g_auto(CliResult) result = { 0 };

    RUN (&result, "import", path, "--register", "risks", "--csv", good, "--map", "nonsense=1");
    g_assert_cmpint (result.status, ==, 2);
  }
  {
    g_auto(CliResult) result = { 0 };

    RUN (&result, "import", path, "--register", "actions", "--csv", good);
    g_assert_cmpint (result.status, ==, 1);
  }

  /* --map for the headers that are not guessed. */
  {
    g_auto(CliResult) result = { 0 };

    RUN (&result, "import", path, "-r", "risks", "--csv", good, "--map", "title=Name of risk",
         "--map", "inherent-likelihood=2");
    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.out, ==, "Imported 2 risks\n");
  }

  /* Round trip: the exported register imports into an empty workspace as it was. */
  {
    g_auto(CliResult) result = { 0 };

    RUN (&result, "export", path, "--report", "register:risks", "--format", "csv",
         "--output", exported);
    g_assert_cmpint (result.status, ==, 0);
  }
  {
    g_auto(CliResult) result = { 0 };

    RUN (&result, "import", copy, "--register", "risks", "--csv", exported);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.out, ==, "Imported 2 risks\n");
  }
  first = dump_register (path, ANNEX_TYPE_RISK);
  second = dump_register (copy, ANNEX_TYPE_RISK);
  g_assert_cmpstr (first, ==, second);
  g_assert_nonnull (strstr (first, "Dana\\nLee"));

  annex_test_rm_rf (dir);
}

static void
test_cli_import_catalog (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "acme.isms", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *catalog = g_build_filename (g_getenv ("ANNEX_SHARED_DIR"), "reference", "oscal",
                                               "basic-catalog.json", NULL);
  g_autoptr(GBytes) before = NULL;

  annex_test_write_file (bad, "[]", -1);
  {
    g_auto(CliResult) result = { 0 };
    RUN (&result, "new", path, "-o", "Acme");
    g_assert_cmpint (result.status, ==, 0);
  }
  before = annex_test_read_file (path);
  {
    g_auto(CliResult) result = { 0 };

    RUN (&result, "import-catalog", path, "--oscal", bad);
    g_assert_cmpint (result.status, ==, 1);
    assert_one_error_line (&result);
  }
  annex_test_assert_file_equals (path, before);
  {
    g_auto(CliResult) result = { 0 };

    RUN (&result, "import-catalog", path);
    g_assert_cmpint (result.status, ==, 2);
  }
  {
    g_auto(CliResult) result = { 0 };

    RUN (&result, "import-catalog", path, "--oscal", catalog);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpstr (result.out, ==,
                     "Imported “Sample Security Catalog *for Demonstration* and Testing”: "
                     "4 controls\n");
  }
  {
    g_auto(CliResult) result = { 0 };

    RUN (&result, "info", path);
    g_assert_nonnull (strstr (result.out, "\ncontrols: 97\n"));
    g_assert_nonnull (strstr (result.out, "\ncatalogues: 1\n"));
  }

  annex_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* As main () does: option values are converted from the locale's encoding (UTF-8 here). */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annex/cli/verbs", test_cli_verbs);
  g_test_add_func ("/annex/cli/new", test_cli_new);
  g_test_add_func ("/annex/cli/new-exists", test_cli_new_exists);
  g_test_add_func ("/annex/cli/new-sample", test_cli_new_sample);
  g_test_add_func ("/annex/cli/info", test_cli_info);
  g_test_add_func ("/annex/cli/info-soa", test_cli_info_soa);
  g_test_add_func ("/annex/cli/info-risks", test_cli_info_risks);
  g_test_add_func ("/annex/cli/info-audits", test_cli_info_audits);
  g_test_add_func ("/annex/cli/info-exported", test_cli_info_exported);
  g_test_add_func ("/annex/cli/info-refused", test_cli_info_refused);
  g_test_add_func ("/annex/cli/info-tampered", test_cli_info_tampered);
  g_test_add_func ("/annex/cli/check", test_cli_check);
  g_test_add_func ("/annex/cli/usage", test_cli_usage);
  g_test_add_func ("/annex/cli/help", test_cli_help);
  g_test_add_func ("/annex/cli/export", test_cli_export);
  g_test_add_func ("/annex/cli/import", test_cli_import);
  g_test_add_func ("/annex/cli/import-catalog", test_cli_import_catalog);
  g_test_add_func ("/annex/cli/binary", test_cli_binary);

  return g_test_run ();
}
