/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-change-log.c: the change history: appending, listing, the hash chain and its
 * verification against edits made outside Annex. */

#define G_LOG_DOMAIN "test-change-log"

#include "config.h"

#include <string.h>

#include "annex-change-log.h"
#include "annex-database.h"
#include "annex-store-error.h"
#include "annex-test-util.h"

#define ZERO_HASH "0000000000000000000000000000000000000000000000000000000000000000"

typedef struct
{
  char          *dir;
  char          *path;
  AnnexDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = annex_test_make_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "history.isms", NULL);
  fixture->db = annex_database_create (fixture->path, "Acme Ltd", &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->db);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->db);
  annex_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->db);
  fixture->db = annex_database_open (fixture->path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->db);
}

/* Runs @sql through a connection of its own, outside the store (no defensive mode, no API). */
static void
tamper (Fixture    *fixture,
        const char *sql)
{
  sqlite3 *raw = NULL;
  char *message = NULL;

  g_clear_object (&fixture->db);
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &raw, SQLITE_OPEN_READWRITE, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_exec (raw, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_changes (raw), >=, 1);
  sqlite3_close (raw);
  reopen (fixture);
}

static GPtrArray *
list_all (AnnexDatabase *db)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = annex_change_log_list (db, NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static void
assert_verifies (AnnexDatabase *db,
                 gint64         expected_first_bad,
                 gint64         expected_count)
{
  g_autoptr(GError) error = NULL;
  gint64 first_bad = -1;
  gint64 count = -1;

  g_assert_true (annex_change_log_verify (db, &first_bad, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first_bad, ==, expected_first_bad);
  g_assert_cmpint (count, ==, expected_count);
}

static void
append (AnnexDatabase   *db,
        const char      *table,
        gint64           record_id,
        AnnexChangeKind  kind,
        const char      *before,
        const char      *after)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (annex_database_begin (db, &error));
  g_assert_true (annex_change_log_append (db, table, record_id, kind, before, after, &error));
  g_assert_no_error (error);
  g_assert_true (annex_database_commit (db, &error));
  g_assert_no_error (error);
}

/* Five entries for action 7 after the two of the workspace's creation: ids 3 … 7. */
static void
append_five (AnnexDatabase *db)
{
  append (db, "actions", 7, ANNEX_CHANGE_INSERT, NULL, "{\"title\":\"Patch\"}");
  append (db, "actions", 7, ANNEX_CHANGE_UPDATE, "{\"title\":\"Patch\"}",
          "{\"title\":\"Patch servers\"}");
  append (db, "actions", 7, ANNEX_CHANGE_UPDATE, "{\"title\":\"Patch servers\"}",
          "{\"title\":\"Patch all servers\"}");
  append (db, "actions", 8, ANNEX_CHANGE_INSERT, NULL, "{\"title\":\"Train staff\"}");
  append (db, "actions", 7, ANNEX_CHANGE_DELETE, "{\"title\":\"Patch all servers\"}", NULL);
}

/* Tests */

static void
test_json_object (void)
{
  const char *keys[] = { "plain", "quote\"d", "controls", "unicode", "missing" };
  const char *values[] = { "value", "back\\slash", "a\nb\tc\r\b\f\001\037", "Zürich — 東京", NULL };
  g_autofree char *json = annex_change_log_json_object (keys, values, G_N_ELEMENTS (keys));
  g_autofree char *empty = annex_change_log_json_object (NULL, NULL, 0);

  g_assert_cmpstr (json, ==,
                   "{\"plain\":\"value\",\"quote\\\"d\":\"back\\\\slash\","
                   "\"controls\":\"a\\nb\\tc\\r\\b\\f\\u0001\\u001f\","
                   "\"unicode\":\"Zürich — 東京\",\"missing\":null}");
  g_assert_cmpstr (empty, ==, "{}");
}

static void
test_kind_names (void)
{
  g_assert_cmpstr (annex_change_kind_to_string (ANNEX_CHANGE_INSERT), ==, "insert");
  g_assert_cmpstr (annex_change_kind_to_string (ANNEX_CHANGE_UPDATE), ==, "update");
  g_assert_cmpstr (annex_change_kind_to_string (ANNEX_CHANGE_DELETE), ==, "delete");
}

static void
test_entry_copy (void)
{
  AnnexChangeEntry entry = {
    .id = 4, .time = (char *) "2026-01-01T00:00:00.000000Z", .table_name = (char *) "actions",
    .record_id = 9, .kind = ANNEX_CHANGE_UPDATE, .before = (char *) "{}", .after = NULL,
    .hash = (char *) ZERO_HASH,
  };
  g_autoptr(AnnexChangeEntry) copy = annex_change_entry_copy (&entry);
  AnnexChangeEntry *boxed;

  g_assert_true (G_TYPE_IS_BOXED (ANNEX_TYPE_CHANGE_ENTRY));
  g_assert_cmpint (copy->id, ==, 4);
  g_assert_true (copy->time != entry.time);
  g_assert_cmpstr (copy->time, ==, entry.time);
  g_assert_cmpstr (copy->table_name, ==, "actions");
  g_assert_cmpint (copy->record_id, ==, 9);
  g_assert_cmpint (copy->kind, ==, ANNEX_CHANGE_UPDATE);
  g_assert_cmpstr (copy->before, ==, "{}");
  g_assert_null (copy->after);
  g_assert_cmpstr (copy->hash, ==, ZERO_HASH);

  boxed = g_boxed_copy (ANNEX_TYPE_CHANGE_ENTRY, copy);
  g_assert_cmpstr (boxed->hash, ==, ZERO_HASH);
  g_boxed_free (ANNEX_TYPE_CHANGE_ENTRY, boxed);
  annex_change_entry_free (NULL);
}

/* Creating a workspace records its first settings. */
static void
test_created_history (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GPtrArray) entries = list_all (fixture->db);
  AnnexChangeEntry *first;

  g_assert_cmpuint (entries->len, ==, 2);
  first = g_ptr_array_index (entries, 0);
  g_assert_cmpint (first->id, ==, 1);
  g_assert_cmpstr (first->table_name, ==, "workspace");
  g_assert_cmpint (first->record_id, ==, 0);
  g_assert_cmpint (first->kind, ==, ANNEX_CHANGE_INSERT);
  g_assert_null (first->before);
  g_assert_cmpstr (first->after, ==, "{\"key\":\"organization\",\"value\":\"Acme Ltd\"}");
  g_assert_true (g_str_has_prefix (((AnnexChangeEntry *) g_ptr_array_index (entries, 1))->after,
                                   "{\"key\":\"created\",\"value\":\""));

  assert_verifies (fixture->db, 0, 2);
}

static void
test_append_list_verify (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) seven = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;
  AnnexChangeEntry *entry;

  append_five (fixture->db);

  all = list_all (fixture->db);
  g_assert_cmpuint (all->len, ==, 7);
  for (guint i = 0; i < all->len; i++)
    {
      entry = g_ptr_array_index (all, i);
      g_assert_cmpint (entry->id, ==, i + 1);
      g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$",
                                           entry->time, 0, 0));
      g_assert_true (g_regex_match_simple ("^[0-9a-f]{64}$", entry->hash, 0, 0));
      if (i > 0)
        {
          AnnexChangeEntry *previous = g_ptr_array_index (all, i - 1);

          g_assert_cmpstr (entry->hash, !=, previous->hash);
          g_assert_cmpstr (entry->time, >=, previous->time);
        }
    }

  seven = annex_change_log_list (fixture->db, "actions", 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seven->len, ==, 4);
  entry = g_ptr_array_index (seven, 0);
  g_assert_cmpint (entry->kind, ==, ANNEX_CHANGE_INSERT);
  g_assert_null (entry->before);
  g_assert_cmpstr (entry->after, ==, "{\"title\":\"Patch\"}");
  entry = g_ptr_array_index (seven, 1);
  g_assert_cmpint (entry->kind, ==, ANNEX_CHANGE_UPDATE);
  g_assert_cmpstr (entry->before, ==, "{\"title\":\"Patch\"}");
  g_assert_cmpstr (entry->after, ==, "{\"title\":\"Patch servers\"}");
  entry = g_ptr_array_index (seven, 3);
  g_assert_cmpint (entry->id, ==, 7);
  g_assert_cmpint (entry->kind, ==, ANNEX_CHANGE_DELETE);
  g_assert_null (entry->after);

  none = annex_change_log_list (fixture->db, "actions", 99, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  assert_verifies (fixture->db, 0, 7);

  /* Still valid after closing and reopening, and through a read-only connection. */
  reopen (fixture);
  assert_verifies (fixture->db, 0, 7);
  {
    g_autoptr(AnnexDatabase) reader = annex_database_open (fixture->path,
                                                           ANNEX_DATABASE_OPEN_READ_ONLY,
                                                           &error);

    g_assert_no_error (error);
    assert_verifies (reader, 0, 7);
  }
}

/* The documented canonical form, recomputed here independently. */
static void
test_canonical_hash (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GString) canonical = g_string_new ("annex-change-log-v1\n");
  g_autofree char *created = NULL;
  AnnexChangeEntry *entry;
  const char *fields[7];

  append (fixture->db, "actions", -3, ANNEX_CHANGE_DELETE, "{\"a\":\"é\"}", NULL);
  entries = list_all (fixture->db);
  g_assert_cmpuint (entries->len, ==, 3);
  entry = g_ptr_array_index (entries, 2);

  fields[0] = ((AnnexChangeEntry *) g_ptr_array_index (entries, 1))->hash;
  fields[1] = entry->time;
  fields[2] = "actions";
  fields[3] = "-3";
  fields[4] = "delete";
  fields[5] = "{\"a\":\"é\"}";
  fields[6] = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (fields[i] == NULL)
        g_string_append (canonical, "-\n");
      else
        g_string_append_printf (canonical, "%zu:%s\n", strlen (fields[i]), fields[i]);
    }
  g_checksum_update (checksum, (const guchar *) canonical->str, canonical->len);
  g_assert_cmpstr (entry->hash, ==, g_checksum_get_string (checksum));

  /* The first entry chains to 64 zeros. */
  entry = g_ptr_array_index (entries, 0);
  g_checksum_reset (checksum);
  g_string_assign (canonical, "annex-change-log-v1\n");
  g_string_append_printf (canonical, "64:%s\n", ZERO_HASH);
  g_string_append_printf (canonical, "%zu:%s\n", strlen (entry->time), entry->time);
  g_string_append (canonical, "9:workspace\n1:0\n6:insert\n-\n");
  g_string_append_printf (canonical, "%zu:%s\n", strlen (entry->after), entry->after);
  g_checksum_update (checksum, (const guchar *) canonical->str, canonical->len);
  g_assert_cmpstr (entry->hash, ==, g_checksum_get_string (checksum));
}

static void
test_tamper_value (Fixture       *fixture,
                   gconstpointer  user_data)
{
  append_five (fixture->db);
  assert_verifies (fixture->db, 0, 7);

  tamper (fixture, "UPDATE change_log SET after = '{\"title\":\"Something else\"}' WHERE id = 4");
  assert_verifies (fixture->db, 4, 7);
}

static void
test_tamper_before_and_first (Fixture       *fixture,
                              gconstpointer  user_data)
{
  append_five (fixture->db);

  /* Two edits: the earlier one is reported. */
  tamper (fixture, "UPDATE change_log SET before = '{\"title\":\"Patch\"}' WHERE id = 6");
  tamper (fixture, "UPDATE change_log SET time = '2020-01-01T00:00:00.000000Z' WHERE id = 5");
  assert_verifies (fixture->db, 5, 7);

  /* A record id that only looks the same as a number. */
  tamper (fixture, "UPDATE change_log SET record_id = '0x' WHERE id = 1");
  assert_verifies (fixture->db, 1, 7);
}

static void
test_delete_middle (Fixture       *fixture,
                    gconstpointer  user_data)
{
  append_five (fixture->db);

  tamper (fixture, "DELETE FROM change_log WHERE id = 4");
  /* Found at the next entry, whose link no longer matches. */
  assert_verifies (fixture->db, 5, 6);
}

static void
test_delete_last (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  append_five (fixture->db);

  tamper (fixture, "DELETE FROM change_log WHERE id = 7");
  /* The remaining chain is intact: only the stored head and count reveal it. */
  assert_verifies (fixture->db, 7, 6);

  /* Appending again does not hide it: the new entry chains to the removed one. */
  append (fixture->db, "actions", 8, ANNEX_CHANGE_UPDATE, "{}", "{}");
  entries = list_all (fixture->db);
  g_assert_cmpuint (entries->len, ==, 7);
  assert_verifies (fixture->db, 7, 7);
}

static void
test_delete_all (Fixture       *fixture,
                 gconstpointer  user_data)
{
  append_five (fixture->db);

  tamper (fixture, "DELETE FROM change_log");
  assert_verifies (fixture->db, 1, 0);
}

static void
test_outside_transaction (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  g_assert_false (annex_change_log_append (fixture->db, "actions", 1, ANNEX_CHANGE_INSERT,
                                           NULL, "{}", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "transaction"));

  entries = list_all (fixture->db);
  g_assert_cmpuint (entries->len, ==, 2);
  assert_verifies (fixture->db, 0, 2);
}

static void
test_rollback (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *head = annex_database_dup_setting (fixture->db, "history-head");
  g_autofree char *head_after = NULL;

  g_assert_nonnull (head);

  g_assert_true (annex_database_begin (fixture->db, &error));
  g_assert_true (annex_change_log_append (fixture->db, "actions", 1, ANNEX_CHANGE_INSERT,
                                          NULL, "{}", &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) inside = list_all (fixture->db);

    g_assert_cmpuint (inside->len, ==, 3);
  }
  annex_database_rollback (fixture->db);

  entries = list_all (fixture->db);
  g_assert_cmpuint (entries->len, ==, 2);
  head_after = annex_database_dup_setting (fixture->db, "history-head");
  g_assert_cmpstr (head_after, ==, head);
  assert_verifies (fixture->db, 0, 2);

  /* The chain goes on from where it was. */
  append (fixture->db, "actions", 1, ANNEX_CHANGE_INSERT, NULL, "{}");
  assert_verifies (fixture->db, 0, 3);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexDatabase) reader = annex_database_open (fixture->path,
                                                         ANNEX_DATABASE_OPEN_READ_ONLY,
                                                         &error);

  g_assert_no_error (error);
  g_assert_true (annex_database_begin (reader, &error));
  g_assert_false (annex_change_log_append (reader, "actions", 1, ANNEX_CHANGE_INSERT,
                                           NULL, "{}", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_READ_ONLY);
  annex_database_rollback (reader);
  assert_verifies (reader, 0, 2);
}

/* Settings changes are recorded with their before/after values. */
static void
test_settings_recorded (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  AnnexChangeEntry *entry;

  g_assert_true (annex_database_set_setting (fixture->db, "scope", "HQ", &error));
  g_assert_true (annex_database_set_setting (fixture->db, "scope", "HQ", &error));  /* no-op */
  g_assert_true (annex_database_set_setting (fixture->db, "scope", "HQ \"and\" branches", &error));
  g_assert_true (annex_database_set_setting (fixture->db, "scope", NULL, &error));
  g_assert_no_error (error);

  entries = annex_change_log_list (fixture->db, "workspace", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 5);

  entry = g_ptr_array_index (entries, 2);
  g_assert_cmpint (entry->kind, ==, ANNEX_CHANGE_INSERT);
  g_assert_null (entry->before);
  g_assert_cmpstr (entry->after, ==, "{\"key\":\"scope\",\"value\":\"HQ\"}");

  entry = g_ptr_array_index (entries, 3);
  g_assert_cmpint (entry->kind, ==, ANNEX_CHANGE_UPDATE);
  g_assert_cmpstr (entry->before, ==, "{\"key\":\"scope\",\"value\":\"HQ\"}");
  g_assert_cmpstr (entry->after, ==, "{\"key\":\"scope\",\"value\":\"HQ \\\"and\\\" branches\"}");

  entry = g_ptr_array_index (entries, 4);
  g_assert_cmpint (entry->kind, ==, ANNEX_CHANGE_DELETE);
  g_assert_cmpstr (entry->before, ==, "{\"key\":\"scope\",\"value\":\"HQ \\\"and\\\" branches\"}");
  g_assert_null (entry->after);

  assert_verifies (fixture->db, 0, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/annex/change-log/json-object", test_json_object);
  g_test_add_func ("/annex/change-log/kind-names", test_kind_names);
  g_test_add_func ("/annex/change-log/entry-copy", test_entry_copy);
  ADD ("/annex/change-log/created-history", test_created_history);
  ADD ("/annex/change-log/append-list-verify", test_append_list_verify);
  ADD ("/annex/change-log/canonical-hash", test_canonical_hash);
  ADD ("/annex/change-log/tamper/value", test_tamper_value);
  ADD ("/annex/change-log/tamper/before-and-first", test_tamper_before_and_first);
  ADD ("/annex/change-log/tamper/delete-middle", test_delete_middle);
  ADD ("/annex/change-log/tamper/delete-last", test_delete_last);
  ADD ("/annex/change-log/tamper/delete-all", test_delete_all);
  ADD ("/annex/change-log/outside-transaction", test_outside_transaction);
  ADD ("/annex/change-log/rollback", test_rollback);
  ADD ("/annex/change-log/read-only", test_read_only);
  ADD ("/annex/change-log/settings-recorded", test_settings_recorded);

#undef ADD

  return g_test_run ();
}
