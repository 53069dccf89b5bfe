/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-test-util.c: helpers shared by the tests. */

#define G_LOG_DOMAIN "annex-test-util"

#include "config.h"

#include <glib/gstdio.h>

#include "annex-test-util.h"

char *
annex_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("annex-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

void
annex_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          g_chmod (child, 0700);
          annex_test_rm_rf (child);
        }
    }
  g_chmod (path, 0700);
  g_rmdir (path);
}

GBytes *
annex_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

void
annex_test_assert_file_equals (const char *path,
                               GBytes     *expected)
{
  g_autoptr(GBytes) actual = annex_test_read_file (path);

  g_assert_cmpuint (g_bytes_get_size (actual), ==, g_bytes_get_size (expected));
  g_assert_true (g_bytes_equal (actual, expected));
}

void
annex_test_write_file (const char *path,
                       const void *data,
                       gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  g_error ("timed out waiting for an asynchronous result");
  return G_SOURCE_REMOVE;
}

void
annex_test_wait_for (gboolean *flag)
{
  guint timeout_id = g_timeout_add_seconds (30, on_timeout_cb, NULL);

  while (!*flag)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (timeout_id);
}

void
annex_test_iterate_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
annex_test_finalize_eventually (gpointer object)
{
  GWeakRef weak;
  gpointer alive;

  g_weak_ref_init (&weak, object);
  g_object_unref (object);

  for (guint i = 0; i < 10000; i++)
    {
      annex_test_iterate_main_loop ();
      alive = g_weak_ref_get (&weak);
      if (alive == NULL)
        break;
      g_object_unref (alive);
      g_usleep (1000);
    }

  g_assert_null (g_weak_ref_get (&weak));
  g_weak_ref_clear (&weak);
}

void
annex_test_count_cb (gpointer  instance,
                     gpointer  arg,
                     guint    *counter)
{
  (*counter)++;
}

gpointer
annex_test_list_get_item (GListModel *model,
                          guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return item;  /* the model keeps it alive */
}
