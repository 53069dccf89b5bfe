/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-fuzz-regressions.c: replays, without libFuzzer, every input that once crashed a fuzz
 * target (tests/data/fuzz-regressions/<target>/) and the seed corpora of the targets, through
 * the same entry points (fuzz/annex-fuzz-targets.h). A crash, a sanitizer report or a GLib
 * warning fails the test. */

#define G_LOG_DOMAIN "test-fuzz-regressions"

#include "config.h"

#include "annex-fuzz-targets.h"
#include "annex-test-util.h"

typedef void (*FuzzFunc) (const guint8 *data,
                          gsize         size);

typedef struct
{
  const char *target;       /* the directory under tests/data/fuzz-regressions */
  const char *seeds;        /* the seed corpus, under tests/data */
  FuzzFunc    func;
} Target;

static const Target targets[] = {
  { "csv-import", "csv", annex_fuzz_csv_import },
  { "oscal-import", "oscal", annex_fuzz_oscal_import },
  { "workspace-open", "fuzz-corpus/workspace", annex_fuzz_workspace_open },
};

typedef struct
{
  FuzzFunc  func;
  char     *path;
} Input;

static void
input_free (gpointer data)
{
  Input *input = data;

  g_free (input->path);
  g_free (input);
}

static void
test_replay (gconstpointer data)
{
  const Input *input = data;
  g_autoptr(GBytes) bytes = annex_test_read_file (input->path);
  gsize size;
  const guint8 *contents = g_bytes_get_data (bytes, &size);

  input->func (contents, size);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Adds one test per file of @dir (sorted, so the numbering is stable); returns how many. */
static guint
add_directory (const char   *kind,
               const Target *target,
               const char   *dir,
               GPtrArray    *inputs)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      Input *input = g_new0 (Input, 1);
      g_autofree char *test_path = NULL;

      input->func = target->func;
      input->path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_ptr_array_add (inputs, input);
      test_path = g_strdup_printf ("/annex/fuzz/%s/%s/%s", target->target, kind,
                                   (const char *) g_ptr_array_index (names, i));
      g_test_add_data_func (test_path, input, test_replay);
    }
  return names->len;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (input_free);
  int status;

  g_test_init (&argc, &argv, NULL);

  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      g_autofree char *regressions = g_test_build_filename (G_TEST_DIST, "data",
                                                            "fuzz-regressions",
                                                            targets[t].target, NULL);
      g_autofree char *seeds = g_test_build_filename (G_TEST_DIST, "data", targets[t].seeds,
                                                      NULL);

      add_directory ("regression", &targets[t], regressions, inputs);
      g_assert_cmpuint (add_directory ("seed", &targets[t], seeds, inputs), >, 0);
    }

  status = g_test_run ();
  annex_fuzz_cleanup ();
  return status;
}
