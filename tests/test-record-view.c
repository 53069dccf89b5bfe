/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-record-view.c: AnnexRecordView filters and sorts a register at once when small, and in
 * slices plus a worker when large (forced here with an async threshold of 0): the same results,
 * one items-changed per result, the newest request winning, small changes in place. */

#define G_LOG_DOMAIN "test-record-view"

#include "config.h"

#include <string.h>

#include "annex-action.h"
#include "annex-database.h"
#include "annex-record-view.h"
#include "annex-register.h"
#include "annex-test-util.h"

typedef struct
{
  char          *dir;
  AnnexDatabase *db;
  AnnexRegister *register_;
} Fixture;

/* Titles and owners in an order that differs from the id order. */
static const char * const titles[] = {
  "delta", "Alpha", "charlie", "echo", "bravo", "foxtrot", "alpha two", "golf",
};
static const char * const owners[] = {
  "x", "y", NULL, "x", "y", "x", NULL, "y",
};

/* Returns a new reference to the added record. */
static AnnexRecord *
add_action (Fixture    *fixture,
            const char *title,
            const char *owner)
{
  g_autoptr(AnnexRecord) record = annex_register_new_record (fixture->register_);
  g_autoptr(GError) error = NULL;

  annex_action_set_title (ANNEX_ACTION (record), title);
  annex_record_set_string (record, "owner", owner);
  annex_register_add (fixture->register_, record, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&record);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = annex_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "test.isms", NULL);
  fixture->db = annex_database_create (path, "Test organization", &error);
  g_assert_no_error (error);
  fixture->register_ = annex_register_new (fixture->db, ANNEX_TYPE_ACTION);
  annex_register_load (fixture->register_, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_object_unref (add_action (fixture, titles[i], owners[i]));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->register_));
  annex_database_close (fixture->db);
  g_clear_object (&fixture->db);
  annex_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static void
title_key_cb (AnnexRecord  *record,
              AnnexSortKey *key,
              gpointer      user_data)
{
  key->text = g_strdup (annex_record_get_string (record, "title"));
}

static void
owner_key_cb (AnnexRecord  *record,
              AnnexSortKey *key,
              gpointer      user_data)
{
  key->text = g_strdup (annex_record_get_string (record, "owner"));
}

static void
length_key_cb (AnnexRecord  *record,
               AnnexSortKey *key,
               gpointer      user_data)
{
  key->number = (gint64) strlen (annex_record_get_string (record, "title"));
}

static int
compare_titles_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return g_utf8_collate (annex_record_get_string ((AnnexRecord *) a, "title"),
                         annex_record_get_string ((AnnexRecord *) b, "title"));
}

static gboolean
has_a_cb (AnnexRecord *record,
          gpointer     user_data)
{
  const char *needle = user_data;

  return strstr (annex_record_get_string (record, "title"), needle) != NULL;
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *counter)
{
  (*counter)++;
}

static void
wait_until_done (AnnexRecordView *view)
{
  while (annex_record_view_get_pending (view))
    g_main_context_iteration (NULL, TRUE);
}

/* The titles of the view's items, joined by commas. */
static char *
dup_titles (AnnexRecordView *view)
{
  GListModel *model = G_LIST_MODEL (view);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AnnexRecord) record = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append (text, annex_record_get_string (record, "title"));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_titles (AnnexRecordView *view,
               const char      *expected)
{
  g_autofree char *titles_text = dup_titles (view);

  g_assert_cmpstr (titles_text, ==, expected);
}

/* Runs the same requests synchronously (threshold above the size) or asynchronously. */
static void
test_sort_and_filter (Fixture       *fixture,
                      gconstpointer  data)
{
  gboolean async = GPOINTER_TO_INT (data);
  g_autoptr(AnnexRecordView) view = annex_record_view_new (NULL);
  guint changes = 0;

  if (async)
    annex_record_view_set_async_threshold (view, 0);
  g_signal_connect (view, "items-changed", G_CALLBACK (count_changes_cb), &changes);
  annex_record_view_set_model (view, G_LIST_MODEL (fixture->register_));
  if (async)
    {
      /* Nothing yet: the result comes from an idle callback. */
      g_assert_true (annex_record_view_get_pending (view));
      wait_until_done (view);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (view)), ==, 8);
  assert_titles (view, "delta,Alpha,charlie,echo,bravo,foxtrot,alpha two,golf");

  /* Collated and case-insensitive; descending reverses. */
  annex_record_view_set_sort (view, ANNEX_SORT_TEXT, title_key_cb, NULL, FALSE, NULL, NULL);
  wait_until_done (view);
  assert_titles (view, "Alpha,alpha two,bravo,charlie,delta,echo,foxtrot,golf");
  changes = 0;
  annex_record_view_set_sort (view, ANNEX_SORT_TEXT, title_key_cb, NULL, TRUE, NULL, NULL);
  wait_until_done (view);
  assert_titles (view, "golf,foxtrot,echo,delta,charlie,bravo,alpha two,Alpha");
  g_assert_cmpuint (changes, ==, 1);

  /* Empty keys last; equal keys in id order. */
  annex_record_view_set_sort (view, ANNEX_SORT_PLAIN, owner_key_cb, NULL, FALSE, NULL, NULL);
  wait_until_done (view);
  assert_titles (view, "delta,echo,foxtrot,Alpha,bravo,golf,charlie,alpha two");

  annex_record_view_set_sort (view, ANNEX_SORT_NUMBER, length_key_cb, NULL, FALSE, NULL, NULL);
  wait_until_done (view);
  assert_titles (view, "echo,golf,delta,Alpha,bravo,charlie,foxtrot,alpha two");

  /* The filter keeps the order; a stricter filter only narrows. */
  annex_record_view_set_sort (view, ANNEX_SORT_TEXT, title_key_cb, NULL, FALSE, NULL, NULL);
  annex_record_view_set_filter_func (view, has_a_cb, (gpointer) "a", NULL);
  annex_record_view_refilter (view, ANNEX_REFILTER_DIFFERENT, FALSE);
  wait_until_done (view);
  assert_titles (view, "Alpha,alpha two,bravo,charlie,delta");
  annex_record_view_set_filter_func (view, has_a_cb, (gpointer) "ha", NULL);
  annex_record_view_refilter (view, ANNEX_REFILTER_MORE_STRICT, FALSE);
  wait_until_done (view);
  assert_titles (view, "Alpha,alpha two,charlie");
  annex_record_view_refilter (view, ANNEX_REFILTER_LESS_STRICT, TRUE);
  wait_until_done (view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (view)), ==, 8);

  /* A compare function instead of keys (a GtkSorter's case): merge-sorted, the same order. */
  annex_record_view_set_sort_func (view, compare_titles_cb, TRUE, NULL, NULL);
  wait_until_done (view);
  assert_titles (view, "golf,foxtrot,echo,delta,charlie,bravo,alpha two,Alpha");

  annex_record_view_set_sort (view, ANNEX_SORT_NONE, NULL, NULL, FALSE, NULL, NULL);
  wait_until_done (view);
  assert_titles (view, "delta,Alpha,charlie,echo,bravo,foxtrot,alpha two,golf");
}

/* A newer request supersedes one being computed: only the last result is published. */
static void
test_supersede (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AnnexRecordView) view = annex_record_view_new (NULL);
  guint changes = 0;

  annex_record_view_set_async_threshold (view, 0);
  annex_record_view_set_model (view, G_LIST_MODEL (fixture->register_));
  wait_until_done (view);

  g_signal_connect (view, "items-changed", G_CALLBACK (count_changes_cb), &changes);
  annex_record_view_set_sort (view, ANNEX_SORT_TEXT, title_key_cb, NULL, FALSE, NULL, NULL);
  annex_record_view_set_sort (view, ANNEX_SORT_PLAIN, owner_key_cb, NULL, FALSE, NULL, NULL);
  annex_record_view_set_sort (view, ANNEX_SORT_TEXT, title_key_cb, NULL, TRUE, NULL, NULL);
  g_assert_cmpuint (changes, ==, 0);
  wait_until_done (view);
  g_assert_cmpuint (changes, ==, 1);
  assert_titles (view, "golf,foxtrot,echo,delta,charlie,bravo,alpha two,Alpha");

  /* Flush computes at once what is pending. */
  annex_record_view_set_sort (view, ANNEX_SORT_TEXT, title_key_cb, NULL, FALSE, NULL, NULL);
  g_assert_true (annex_record_view_get_pending (view));
  annex_record_view_flush (view);
  g_assert_false (annex_record_view_get_pending (view));
  assert_titles (view, "Alpha,alpha two,bravo,charlie,delta,echo,foxtrot,golf");
}

/* A record added, removed or restored is placed at once, without a new sort. */
static void
test_small_changes (Fixture       *fixture,
                    gconstpointer  data)
{
  gboolean async = GPOINTER_TO_INT (data);
  g_autoptr(AnnexRecordView) view = annex_record_view_new (G_LIST_MODEL (fixture->register_));
  g_autoptr(AnnexRecord) added = NULL;
  g_autoptr(GError) error = NULL;
  AnnexRecord *charlie;

  if (async)
    annex_record_view_set_async_threshold (view, 0);
  annex_record_view_set_sort (view, ANNEX_SORT_TEXT, title_key_cb, NULL, FALSE, NULL, NULL);
  annex_record_view_set_filter_func (view, has_a_cb, (gpointer) "a", NULL);
  annex_record_view_refilter (view, ANNEX_REFILTER_DIFFERENT, FALSE);
  wait_until_done (view);
  assert_titles (view, "Alpha,alpha two,bravo,charlie,delta");

  added = add_action (fixture, "banana", "z");
  g_assert_false (annex_record_view_get_pending (view));
  assert_titles (view, "Alpha,alpha two,banana,bravo,charlie,delta");
  g_assert_cmpuint (annex_record_view_find (view, added), ==, 2);
  g_clear_object (&added);
  added = add_action (fixture, "zulu", "z");   /* filtered out */
  assert_titles (view, "Alpha,alpha two,banana,bravo,charlie,delta");
  g_assert_cmpuint (annex_record_view_find (view, added), ==, G_MAXUINT);

  charlie = g_list_model_get_item (G_LIST_MODEL (view), 4);
  annex_register_remove (fixture->register_, charlie, &error);
  g_assert_no_error (error);
  assert_titles (view, "Alpha,alpha two,banana,bravo,delta");
  annex_register_restore (fixture->register_, charlie, &error);
  g_assert_no_error (error);
  assert_titles (view, "Alpha,alpha two,banana,bravo,charlie,delta");
  g_object_unref (charlie);

  /* A reload replaces every record: recomputed, the same order. */
  annex_register_load (fixture->register_, &error);
  g_assert_no_error (error);
  wait_until_done (view);
  assert_titles (view, "Alpha,alpha two,banana,bravo,charlie,delta");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/annex/record-view/sort-and-filter", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_sort_and_filter, fixture_tear_down);
  g_test_add ("/annex/record-view/sort-and-filter-async", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_sort_and_filter, fixture_tear_down);
  g_test_add ("/annex/record-view/supersede", Fixture, NULL,
              fixture_set_up, test_supersede, fixture_tear_down);
  g_test_add ("/annex/record-view/small-changes", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_small_changes, fixture_tear_down);
  g_test_add ("/annex/record-view/small-changes-async", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_small_changes, fixture_tear_down);

  return g_test_run ();
}
