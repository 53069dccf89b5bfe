/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-test-model-util.c: helpers shared by the tests that work through the registers. */

#define G_LOG_DOMAIN "annex-test-model-util"

#include "config.h"

#include "annex-links.h"
#include "annex-test-model-util.h"
#include "annex-test-util.h"

void
annex_test_workspace_init (AnnexTestWorkspace *workspace,
                           const char         *file_name,
                           const char         *organization)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  workspace->tmpdir = annex_test_make_tmpdir ();
  path = g_build_filename (workspace->tmpdir, file_name, NULL);
  workspace->db = annex_database_create (path, organization, &error);
  g_assert_no_error (error);
  g_assert_nonnull (workspace->db);
}

void
annex_test_workspace_clear (AnnexTestWorkspace *workspace)
{
  /* Registers that saw another one write reload on a worker: let them finish first. */
  annex_test_iterate_main_loop ();
  if (workspace->db != NULL)
    {
      annex_database_close (workspace->db);
      annex_test_finalize_eventually (g_steal_pointer (&workspace->db));
    }
  annex_test_rm_rf (workspace->tmpdir);
  g_clear_pointer (&workspace->tmpdir, g_free);
}

AnnexRegister *
annex_test_load_register (AnnexDatabase *db,
                          GType          type)
{
  g_autoptr(GError) error = NULL;
  AnnexRegister *reg = annex_register_new (db, type);

  g_assert_true (annex_register_load (reg, &error));
  g_assert_no_error (error);
  return reg;
}

AnnexRecord *
annex_test_find_record (AnnexRegister *reg,
                        const char    *reference)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (reg));

  for (guint i = 0; i < n; i++)
    {
      AnnexRecord *record = annex_test_list_get_item (G_LIST_MODEL (reg), i);

      if (g_strcmp0 (annex_record_get_reference (record), reference) == 0)
        return record;
    }

  return NULL;
}

void
annex_test_add_record (AnnexRegister *reg,
                       AnnexRecord   *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (annex_register_add (reg, record, &error));
  g_assert_no_error (error);
}

void
annex_test_save_record (AnnexRegister *reg,
                        AnnexRecord   *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (annex_register_save (reg, record, &error));
  g_assert_no_error (error);
}

void
annex_test_add_link (AnnexDatabase *db,
                     const char    *from_table,
                     AnnexRecord   *from,
                     const char    *to_table,
                     AnnexRecord   *to)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (annex_links_add (db, from_table, annex_record_get_id (from), to_table,
                                  annex_record_get_id (to), &error));
  g_assert_no_error (error);
}
