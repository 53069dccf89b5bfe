/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-fuzz-targets.c: the entry points of the fuzz targets (annex-fuzz-targets.h). One
 * temporary workspace per process, reused by every input: the imports run inside a transaction
 * that is rolled back, so an input never changes what the next one sees. */

#define G_LOG_DOMAIN "annex-fuzz"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "annex-action.h"
#include "annex-change-log.h"
#include "annex-csv-import.h"
#include "annex-database.h"
#include "annex-fuzz-targets.h"
#include "annex-oscal.h"
#include "annex-register.h"
#include "annex-risk.h"

/* The tables annex_csv_import_new() accepts. */
static const char * const csv_tables[] = { "risks", "assets", "issues", "parties", "controls" };

static char *tmpdir;
static AnnexDatabase *workspace;

void
annex_fuzz_cleanup (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (workspace != NULL)
    annex_database_close (workspace);
  g_clear_object (&workspace);
  if (tmpdir == NULL)
    return;

  dir = g_dir_open (tmpdir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmpdir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

void
annex_fuzz_init (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (tmpdir != NULL)
    return;

  /* A warning or critical while reading hostile input is a bug: make it a crash the fuzzer
   * reports. */
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);

  tmpdir = g_dir_make_tmp ("annex-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "fuzz.isms", NULL);
  workspace = annex_database_create (path, "Fuzz Ltd", &error);
  g_assert_no_error (error);
  atexit (annex_fuzz_cleanup);
}

void
annex_fuzz_csv_import (const guint8 *data,
                       gsize         size)
{
  g_autoptr(GBytes) bytes = NULL;

  annex_fuzz_init ();
  bytes = g_bytes_new (data, size);

  for (guint t = 0; t < G_N_ELEMENTS (csv_tables); t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AnnexCsvImport) import = NULL;
      g_autoptr(GArray) problems = NULL;
      const char * const *columns;
      guint n_rows, n_columns, n_imported = 0;

      import = annex_csv_import_new (workspace, csv_tables[t], bytes, &error);
      if (import == NULL)
        {
          g_assert_nonnull (error);
          g_assert_nonnull (error->message);
          continue;
        }

      columns = annex_csv_import_get_columns (import);
      n_columns = g_strv_length ((char **) columns);
      n_rows = annex_csv_import_get_n_rows (import);
      for (guint r = 0; r < n_rows; r++)
        for (guint c = 0; c <= n_columns; c++)
          g_assert_nonnull (annex_csv_import_get_cell (import, r, c));

      problems = annex_csv_import_check (import, 0);
      g_assert_nonnull (problems);
      for (guint i = 0; i < problems->len; i++)
        g_assert_nonnull (g_array_index (problems, AnnexCsvProblem, i).message);
      if (problems->len > 0)
        continue;

      /* Valid rows: import them for real, then undo it. */
      g_assert_true (annex_database_begin (workspace, &error));
      if (!annex_csv_import_run (import, &n_imported, &error))
        g_assert_nonnull (error);
      g_clear_error (&error);
      annex_database_rollback (workspace);
      if (annex_database_in_transaction (workspace))
        (void) annex_database_commit (workspace, NULL);
    }
}

void
annex_fuzz_oscal_import (const guint8 *data,
                         gsize         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n_controls = 0;

  annex_fuzz_init ();
  bytes = g_bytes_new (data, size);

  g_assert_true (annex_database_begin (workspace, &error));
  if (!annex_oscal_import_catalog (workspace, bytes, &title, &n_controls, &error))
    {
      g_assert_nonnull (error);
      g_assert_nonnull (error->message);
    }
  g_clear_error (&error);
  annex_database_rollback (workspace);
  if (annex_database_in_transaction (workspace))
    (void) annex_database_commit (workspace, NULL);
}

/* Removes the input file of the workspace target and what SQLite or a migration left beside it
 * ("-wal", "-shm", "-journal", ".before-vN.bak"). */
static void
remove_input_files (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, "input"))
        continue;
      path = g_build_filename (tmpdir, name, NULL);
      g_unlink (path);
    }
}

void
annex_fuzz_workspace_open (const guint8 *data,
                           gsize         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) db = NULL;
  g_autofree char *path = NULL;
  gint64 first_bad = 0, count = 0;
  int version = 0;

  annex_fuzz_init ();
  remove_input_files ();
  path = g_build_filename (tmpdir, "input.isms", NULL);
  g_assert_true (g_file_set_contents (path, (const char *) data, size, &error));

  if (!annex_database_validate_file (path, &version, &error))
    {
      g_assert_nonnull (error);
      g_assert_nonnull (error->message);
      remove_input_files ();
      return;
    }

  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_assert_nonnull (error);
    }
  else
    {
      const GType types[] = { ANNEX_TYPE_ACTION, ANNEX_TYPE_RISK };

      if (!annex_change_log_verify (db, &first_bad, &count, &error))
        g_clear_error (&error);
      for (guint i = 0; i < G_N_ELEMENTS (types); i++)
        {
          g_autoptr(AnnexRegister) reg = annex_register_new (db, types[i]);

          if (!annex_register_load (reg, &error))
            g_clear_error (&error);
        }
      annex_database_close (db);
    }
  g_clear_object (&db);
  remove_input_files ();
}
