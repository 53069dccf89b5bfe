/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-search.c: search everywhere: by reference, by text in several registers, every word must
 * match, case folding, LIKE wildcards taken literally, the per-register limit, blank queries and
 * the search on a worker thread. */

#define G_LOG_DOMAIN "test-search"

#include "config.h"

#include <string.h>

#include "annex-asset.h"
#include "annex-database.h"
#include "annex-issue.h"
#include "annex-register.h"
#include "annex-risk.h"
#include "annex-search.h"
#include "annex-test-util.h"

typedef struct
{
  char          *tmpdir;
  char          *path;
  AnnexDatabase *db;
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
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  annex_database_close (fixture->db);
  g_assert_finalize_object (fixture->db);
  annex_test_rm_rf (fixture->tmpdir);
  g_free (fixture->tmpdir);
  g_free (fixture->path);
}

/* Adds a record of @type with the string field @name set to @value (and @name2 to @value2). */
static void
add_record (Fixture    *fixture,
            GType       type,
            const char *name,
            const char *value,
            const char *name2,
            const char *value2)
{
  g_autoptr(AnnexRegister) reg = annex_register_new (fixture->db, type);
  g_autoptr(AnnexRecord) record = annex_register_new_record (reg);
  g_autoptr(GError) error = NULL;

  annex_record_set_string (record, name, value);
  if (name2 != NULL)
    annex_record_set_string (record, name2, value2);
  annex_register_add (reg, record, &error);
  g_assert_no_error (error);
}

static void
add_risk (Fixture    *fixture,
          const char *title,
          const char *description)
{
  add_record (fixture, ANNEX_TYPE_RISK, "title", title, "description", description);
}

static GPtrArray *
search (Fixture    *fixture,
        const char *text,
        guint       limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *groups = annex_search_run (fixture->db, text, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (groups);
  return groups;
}

static AnnexSearchGroup *
find_group (GPtrArray  *groups,
            const char *table)
{
  for (guint i = 0; i < groups->len; i++)
    {
      AnnexSearchGroup *group = g_ptr_array_index (groups, i);

      if (strcmp (group->table, table) == 0)
        return group;
    }

  return NULL;
}

static AnnexSearchHit *
get_hit (AnnexSearchGroup *group,
         guint             index)
{
  g_assert_nonnull (group);
  g_assert_cmpuint (index, <, group->hits->len);
  return g_ptr_array_index (group->hits, index);
}

/* The references of the hits in @table, joined by spaces ("" when none). */
static char *
dup_references (GPtrArray  *groups,
                const char *table)
{
  AnnexSearchGroup *group = find_group (groups, table);
  g_autoptr(GString) refs = g_string_new (NULL);

  for (guint i = 0; group != NULL && i < group->hits->len; i++)
    {
      AnnexSearchHit *hit = g_ptr_array_index (group->hits, i);

      g_string_append_printf (refs, "%s%s", i > 0 ? " " : "", hit->reference);
    }

  return g_strdup (refs->str);
}

static void
test_every_table_has_a_register (void)
{
  const char * const *tables = annex_database_get_register_tables ();

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_test_message ("%s", tables[i]);
      g_assert_nonnull (annex_search_get_register_label (tables[i]));
    }
  g_assert_null (annex_search_get_register_label ("sqlite_master"));
}

static void
test_by_reference (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GPtrArray) groups = NULL;
  AnnexSearchGroup *group;
  AnnexSearchHit *hit;

  add_risk (fixture, "Ransomware on file servers", NULL);
  add_risk (fixture, "Laptop theft", "Mentions R-001 in passing");
  add_risk (fixture, "Phishing", NULL);

  /* The exact reference comes first, then any text mentioning it. */
  groups = search (fixture, "r-001", 10);
  group = find_group (groups, "risks");
  g_assert_cmpuint (group->hits->len, ==, 2);
  hit = get_hit (group, 0);
  g_assert_cmpstr (hit->reference, ==, "R-001");
  g_assert_cmpstr (hit->title, ==, "Ransomware on file servers");
  g_assert_cmpstr (hit->table, ==, "risks");
  g_assert_cmpint (hit->id, >, 0);
  g_assert_cmpstr (get_hit (group, 1)->reference, ==, "R-002");
  g_assert_cmpstr (group->label, ==, "Risks");
  g_clear_pointer (&groups, g_ptr_array_unref);

  groups = search (fixture, "  R-003 ", 10);
  {
    g_autofree char *refs = dup_references (groups, "risks");

    g_assert_cmpstr (refs, ==, "R-003");
  }
  g_clear_pointer (&groups, g_ptr_array_unref);

  /* Annex A controls and clause requirements are there from the start, with their titles. */
  groups = search (fixture, "5.15", 5);
  hit = get_hit (find_group (groups, "controls"), 0);
  g_assert_cmpstr (hit->reference, ==, "5.15");
  g_assert_cmpstr (hit->title, ==, "Access control");
  g_clear_pointer (&groups, g_ptr_array_unref);

  groups = search (fixture, "4.3", 5);
  hit = get_hit (find_group (groups, "requirements"), 0);
  g_assert_cmpstr (hit->reference, ==, "4.3");
  g_assert_nonnull (hit->title);
}

static void
test_text_in_several_registers (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GPtrArray) groups = NULL;
  const char * const *tables = annex_database_get_register_tables ();
  g_autofree char *refs = NULL;
  guint last = 0;

  add_risk (fixture, "Ransomware on file servers", NULL);
  add_risk (fixture, "Laptop theft", "Could expose customer data");
  add_record (fixture, ANNEX_TYPE_ASSET, "name", "File server", NULL, NULL);
  add_record (fixture, ANNEX_TYPE_ISSUE, "title", "Ransomware wave in our sector", NULL, NULL);

  groups = search (fixture, "RANSOMWARE", 10);
  refs = dup_references (groups, "risks");
  g_assert_cmpstr (refs, ==, "R-001");
  g_clear_pointer (&refs, g_free);
  refs = dup_references (groups, "issues");
  g_assert_cmpstr (refs, ==, "IS-001");
  g_clear_pointer (&refs, g_free);
  g_assert_null (find_group (groups, "assets"));
  g_assert_cmpstr (get_hit (find_group (groups, "issues"), 0)->title, ==,
                   "Ransomware wave in our sector");

  /* The groups follow the order of the registers. */
  for (guint i = 0; i < groups->len; i++)
    {
      AnnexSearchGroup *group = g_ptr_array_index (groups, i);
      guint position = 0;

      while (tables[position] != NULL && strcmp (tables[position], group->table) != 0)
        position++;
      g_assert_nonnull (tables[position]);
      g_assert_cmpuint (position, >=, last);
      last = position;
    }
  g_clear_pointer (&groups, g_ptr_array_unref);

  /* A long text field is searched too. */
  groups = search (fixture, "customer", 10);
  refs = dup_references (groups, "risks");
  g_assert_cmpstr (refs, ==, "R-002");
  g_clear_pointer (&refs, g_free);
  g_clear_pointer (&groups, g_ptr_array_unref);

  groups = search (fixture, "server", 10);
  refs = dup_references (groups, "risks");
  g_assert_cmpstr (refs, ==, "R-001");
  g_clear_pointer (&refs, g_free);
  g_assert_nonnull (find_group (groups, "assets"));
  g_assert_null (find_group (groups, "issues"));
}

static void
test_words_and_case (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree char *refs = NULL;

  add_risk (fixture, "Ransomware on file servers", NULL);
  add_risk (fixture, "Ransomware on laptops", NULL);
  add_risk (fixture, "Flood in the server room", "Überschwemmung im Keller");

  /* Every word must match, anywhere in the record, in any order. */
  groups = search (fixture, "server  ransomware", 10);
  refs = dup_references (groups, "risks");
  g_assert_cmpstr (refs, ==, "R-001");
  g_clear_pointer (&refs, g_free);
  g_clear_pointer (&groups, g_ptr_array_unref);

  groups = search (fixture, "server keller", 10);
  refs = dup_references (groups, "risks");
  g_assert_cmpstr (refs, ==, "R-003");
  g_clear_pointer (&refs, g_free);
  g_clear_pointer (&groups, g_ptr_array_unref);

  groups = search (fixture, "ransomware nothing", 10);
  g_assert_null (find_group (groups, "risks"));
  g_clear_pointer (&groups, g_ptr_array_unref);

  /* Case folding beyond ASCII, both ways. */
  groups = search (fixture, "ÜBERSCHWEMMUNG", 10);
  refs = dup_references (groups, "risks");
  g_assert_cmpstr (refs, ==, "R-003");
  g_clear_pointer (&refs, g_free);
  g_clear_pointer (&groups, g_ptr_array_unref);

  groups = search (fixture, "überschwemmung", 10);
  refs = dup_references (groups, "risks");
  g_assert_cmpstr (refs, ==, "R-003");
}

static void
test_wildcards_are_literal (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree char *refs = NULL;

  add_risk (fixture, "Uptime below 99% for the shop", NULL);
  add_risk (fixture, "Leak of the db_backup share", NULL);
  add_risk (fixture, "Path C:\\data readable by all", NULL);
  add_risk (fixture, "Plain risk", NULL);

  groups = search (fixture, "%", 10);
  refs = dup_references (groups, "risks");
  g_assert_cmpstr (refs, ==, "R-001");
  g_clear_pointer (&refs, g_free);
  g_clear_pointer (&groups, g_ptr_array_unref);

  groups = search (fixture, "_", 10);
  refs = dup_references (groups, "risks");
  g_assert_cmpstr (refs, ==, "R-002");
  g_clear_pointer (&refs, g_free);
  g_clear_pointer (&groups, g_ptr_array_unref);

  groups = search (fixture, "\\", 10);
  refs = dup_references (groups, "risks");
  g_assert_cmpstr (refs, ==, "R-003");
  g_clear_pointer (&refs, g_free);
  g_clear_pointer (&groups, g_ptr_array_unref);

  /* "9_%" is no pattern: it matches nothing, not "99%". */
  groups = search (fixture, "9_%", 10);
  g_assert_null (find_group (groups, "risks"));
  g_clear_pointer (&groups, g_ptr_array_unref);

  /* A quote is just a character too. */
  groups = search (fixture, "' OR 1=1 --", 10);
  g_assert_cmpuint (groups->len, ==, 0);
}

static void
test_limit (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) groups = NULL;
  AnnexSearchGroup *group;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *title = g_strdup_printf ("Phishing campaign %u", i + 1);

      add_risk (fixture, title, NULL);
    }

  groups = search (fixture, "phishing", 5);
  group = find_group (groups, "risks");
  g_assert_cmpuint (group->hits->len, ==, 5);
  g_assert_true (group->has_more);
  g_assert_cmpstr (get_hit (group, 0)->reference, ==, "R-001");
  g_assert_cmpstr (get_hit (group, 4)->reference, ==, "R-005");
  g_clear_pointer (&groups, g_ptr_array_unref);

  /* The exact reference counts against the limit and comes first. */
  groups = search (fixture, "R-010", 1);
  group = find_group (groups, "risks");
  g_assert_cmpuint (group->hits->len, ==, 1);
  g_assert_cmpstr (get_hit (group, 0)->reference, ==, "R-010");
  g_clear_pointer (&groups, g_ptr_array_unref);

  groups = search (fixture, "phishing", 12);
  group = find_group (groups, "risks");
  g_assert_cmpuint (group->hits->len, ==, 12);
  g_assert_false (group->has_more);
}

static void
test_empty_query (Fixture       *fixture,
                  gconstpointer  user_data)
{
  const char * const blanks[] = { "", " ", "\t \n" };

  add_risk (fixture, "Ransomware on file servers", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_autoptr(GPtrArray) groups = search (fixture, blanks[i], 10);

      g_assert_cmpuint (groups->len, ==, 0);
    }

  {
    g_autoptr(GPtrArray) groups = search (fixture, "no such words anywhere", 10);

    g_assert_cmpuint (groups->len, ==, 0);
  }
}

static void
on_search_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = annex_search_run_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree char *refs = NULL;

  add_risk (fixture, "Ransomware on file servers", NULL);
  add_record (fixture, ANNEX_TYPE_ISSUE, "title", "Ransomware wave", NULL, NULL);

  annex_search_run_async (fixture->path, "ransomware", 10, NULL, on_search_done_cb, &groups);
  ANNEX_TEST_WAIT_UNTIL (groups != NULL);
  g_assert_nonnull (groups);
  refs = dup_references (groups, "risks");
  g_assert_cmpstr (refs, ==, "R-001");
  g_clear_pointer (&refs, g_free);
  refs = dup_references (groups, "issues");
  g_assert_cmpstr (refs, ==, "IS-001");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annex/search/every-table", test_every_table_has_a_register);
#define ADD(path, func) \
  g_test_add ("/annex/search/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("by-reference", test_by_reference);
  ADD ("text-in-several-registers", test_text_in_several_registers);
  ADD ("words-and-case", test_words_and_case);
  ADD ("wildcards-are-literal", test_wildcards_are_literal);
  ADD ("limit", test_limit);
  ADD ("empty-query", test_empty_query);
  ADD ("async", test_async);
#undef ADD

  return g_test_run ();
}
