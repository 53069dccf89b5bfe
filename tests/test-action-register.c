/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-action-register.c: the generic register over the action record, on a temporary
 * workspace: add, save, remove and restore with their change history, validation, loads (sync
 * and on a worker) with batched items-changed, persistence and the action's rules. */

#define G_LOG_DOMAIN "test-action-register"

#include "config.h"

#include <string.h>

#include "annex-action.h"
#include "annex-change-log.h"
#include "annex-database.h"
#include "annex-register.h"
#include "annex-store-error.h"
#include "annex-test-util.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct
{
  char          *tmpdir;
  char          *path;
  AnnexDatabase *db;
  AnnexRegister *reg;
  GArray        *changes;     /* Change, of reg */
} Fixture;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
assert_change (GArray *changes,
               guint   index,
               guint   position,
               guint   removed,
               guint   added)
{
  Change *change;

  g_assert_cmpuint (index, <, changes->len);
  change = &g_array_index (changes, Change, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

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
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_signal_connect (fixture->reg, "items-changed", G_CALLBACK (on_items_changed_cb),
                    fixture->changes);
}

/* Drops the last reference to @object and waits until it is finalized: a worker thread of a
 * finished GTask lets go of its task (and the task of its source object) just after the result
 * was delivered, so this can take a moment. Asserts after 10 s. */
static void
finalize_eventually (gpointer object)
{
  GWeakRef weak;
  gpointer alive;

  g_weak_ref_init (&weak, object);
  g_object_unref (object);

  for (guint i = 0; i < 10000; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      alive = g_weak_ref_get (&weak);
      if (alive == NULL)
        break;
      g_object_unref (alive);
      g_usleep (1000);
    }

  g_assert_null (g_weak_ref_get (&weak));
  g_weak_ref_clear (&weak);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer (&fixture->changes, g_array_unref);
  finalize_eventually (g_steal_pointer (&fixture->reg));
  if (fixture->db != NULL)
    {
      annex_database_close (fixture->db);
      g_assert_finalize_object (fixture->db);
    }
  annex_test_rm_rf (fixture->tmpdir);
  g_free (fixture->path);
  g_free (fixture->tmpdir);
}

static gint64
count_rows (AnnexDatabase *db)
{
  g_autoptr(GError) error = NULL;
  gint64 n = annex_database_count_rows (db, "actions", &error);

  g_assert_no_error (error);
  return n;
}

static GPtrArray *
list_history (AnnexDatabase *db,
              gint64         record_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = annex_change_log_list (db, "actions", record_id, &error);

  g_assert_no_error (error);
  return entries;
}

/* The number of change-history entries of the actions table. */
static guint
count_history (AnnexDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = annex_change_log_list (db, NULL, 0, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      AnnexChangeEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->table_name, "actions") == 0)
        n++;
    }

  return n;
}

static AnnexAction *
add_action (AnnexRegister *reg,
            const char    *title,
            const char    *owner,
            const char    *due_date,
            const char    *status)
{
  g_autoptr(AnnexRecord) record = annex_register_new_record (reg);
  g_autoptr(GError) error = NULL;

  g_assert_true (ANNEX_IS_ACTION (record));
  g_object_set (record,
                "title", title,
                "owner", owner,
                "due-date", due_date,
                "status", status,
                NULL);
  g_assert_true (annex_register_add (reg, record, &error));
  g_assert_no_error (error);

  return ANNEX_ACTION (record);  /* borrowed: the register holds it */
}

static void
load (AnnexRegister *reg)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (annex_register_load (reg, &error));
  g_assert_no_error (error);
}

static AnnexRecord *
get_record (AnnexRegister *reg,
            guint          position)
{
  return annex_test_list_get_item (G_LIST_MODEL (reg), position);
}

static void
test_add (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autoptr(AnnexRecord) record = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *json = NULL;
  AnnexChangeEntry *entry;
  AnnexAction *second;
  guint n_reference = 0;

  load (fixture->reg);
  g_assert_true (annex_register_get_loaded (fixture->reg));
  g_assert_cmpuint (fixture->changes->len, ==, 0);  /* nothing to announce on an empty load */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->reg)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (fixture->reg)) == ANNEX_TYPE_ACTION);

  record = annex_register_new_record (fixture->reg);
  g_signal_connect (record, "notify::reference", G_CALLBACK (annex_test_count_cb), &n_reference);
  annex_action_set_title (ANNEX_ACTION (record), "Review supplier contracts");
  g_object_set (record, "owner", "Legal", "origin", "risk-treatment", NULL);
  g_assert_true (annex_register_add (fixture->reg, record, NULL));

  g_assert_cmpuint (fixture->changes->len, ==, 1);
  assert_change (fixture->changes, 0, 0, 0, 1);
  g_assert_cmpint (annex_record_get_id (record), >, 0);
  g_assert_cmpstr (annex_record_get_reference (record), ==, "A-001");
  g_assert_cmpuint (n_reference, ==, 1);
  g_assert_nonnull (annex_record_get_created (record));
  g_assert_cmpstr (annex_record_get_created (record), ==, annex_record_get_updated (record));
  g_assert_true (g_str_has_suffix (annex_record_get_created (record), "Z"));
  g_assert_true (get_record (fixture->reg, 0) == record);

  second = add_action (fixture->reg, "Train new staff", NULL, "2026-09-01", "open");
  g_assert_cmpuint (fixture->changes->len, ==, 2);
  assert_change (fixture->changes, 1, 1, 0, 1);
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (second)), ==, "A-002");
  g_assert_cmpint (annex_record_get_id (ANNEX_RECORD (second)), >,
                   annex_record_get_id (record));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->reg)), ==, 2);
  g_assert_true (annex_register_find (fixture->reg, annex_record_get_id (record)) == record);
  g_assert_cmpuint (annex_register_get_position (fixture->reg, ANNEX_RECORD (second)), ==, 1);
  g_assert_null (annex_register_find (fixture->reg, 999));

  g_assert_cmpint (count_rows (fixture->db), ==, 2);

  /* The change history has the insert with the values after it. */
  history = list_history (fixture->db, annex_record_get_id (record));
  g_assert_cmpuint (history->len, ==, 1);
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpint (entry->kind, ==, ANNEX_CHANGE_INSERT);
  g_assert_cmpstr (entry->table_name, ==, "actions");
  g_assert_null (entry->before);
  json = annex_record_to_json (record);
  g_assert_cmpstr (entry->after, ==, json);
  g_assert_cmpstr (entry->after, ==,
                   "{\"reference\":\"A-001\",\"title\":\"Review supplier contracts\","
                   "\"owner\":\"Legal\",\"due_date\":null,\"status\":\"open\","
                   "\"origin\":\"risk-treatment\",\"origin_reference\":null,"
                   "\"description\":null,\"completed_on\":null}");
}

static void
test_reference_numbers (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  /* A row written by other means took "A-001": the register skips taken numbers. */
  g_assert_true (annex_database_begin (fixture->db, &error));
  g_assert_true (annex_database_exec (fixture->db,
                                      "INSERT INTO actions (reference, created, updated, title) "
                                      "VALUES ('A-001', '2026-01-01T00:00:00.000000Z', "
                                      "'2026-01-01T00:00:00.000000Z', 'Written elsewhere')",
                                      &error));
  g_assert_true (annex_database_commit (fixture->db, &error));
  g_assert_no_error (error);

  load (fixture->reg);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->reg)), ==, 1);
  g_assert_cmpstr (annex_record_get_reference (get_record (fixture->reg, 0)), ==, "A-001");

  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (add_action (fixture->reg, "One",
                                                                         NULL, NULL, "open"))),
                   ==, "A-002");
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (add_action (fixture->reg, "Two",
                                                                         NULL, NULL, "open"))),
                   ==, "A-003");
}

/* The last number of the 64-bit range is still given out; then the counter (at G_MAXINT64, where
 * SQLite's "next + 1" turns into a REAL that no longer grows) is refused rather than looped on,
 * and so is a counter below 1 (an edited file). Nothing is written on refusal. */
static void
test_reference_counter_out_of_range (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  static const char * const counters[] = {
    NULL,  /* where the first add left it: G_MAXINT64 */
    "UPDATE reference_counters SET next = -5 WHERE prefix = 'A-'",
  };
  g_autoptr(GError) error = NULL;
  AnnexAction *last;

  load (fixture->reg);
  g_assert_true (annex_database_exec (fixture->db,
                                      "INSERT INTO reference_counters (prefix, next) "
                                      "VALUES ('A-', 9223372036854775806)",
                                      &error));
  g_assert_no_error (error);
  last = add_action (fixture->reg, "The last number", NULL, NULL, "open");
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (last)), ==,
                   "A-9223372036854775806");

  for (guint i = 0; i < G_N_ELEMENTS (counters); i++)
    {
      g_autoptr(AnnexRecord) record = annex_register_new_record (fixture->reg);

      if (counters[i] != NULL)
        {
          g_assert_true (annex_database_exec (fixture->db, counters[i], &error));
          g_assert_no_error (error);
        }

      annex_action_set_title (ANNEX_ACTION (record), "No number left");
      g_assert_false (annex_register_add (fixture->reg, record, &error));
      g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_CORRUPT);
      g_clear_error (&error);

      g_assert_cmpint (annex_record_get_id (record), ==, 0);
      g_assert_cmpint (count_rows (fixture->db), ==, 1);
      g_assert_cmpuint (count_history (fixture->db), ==, 1);
      g_assert_false (annex_database_in_transaction (fixture->db));
    }
}

static void
test_save (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(AnnexRecord) before_copy = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  g_autofree char *created = NULL;
  AnnexChangeEntry *entry;
  AnnexAction *action;
  guint n_updated = 0;

  load (fixture->reg);
  action = add_action (fixture->reg, "Patch the VPN gateway", "IT", "2026-04-30", "open");
  before_copy = annex_record_copy (ANNEX_RECORD (action));
  before_json = annex_record_to_json (before_copy);
  created = g_strdup (annex_record_get_created (ANNEX_RECORD (action)));
  g_signal_connect (action, "notify::updated", G_CALLBACK (annex_test_count_cb), &n_updated);
  g_array_set_size (fixture->changes, 0);

  /* Saving an unchanged record writes nothing. */
  g_assert_true (annex_register_save (fixture->reg, ANNEX_RECORD (action), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_history (fixture->db), ==, 1);
  g_assert_cmpuint (n_updated, ==, 0);

  /* Setting a value back to what is stored is no change either. */
  annex_action_set_title (action, "Something else");
  annex_action_set_title (action, "Patch the VPN gateway");
  g_assert_true (annex_register_save (fixture->reg, ANNEX_RECORD (action), &error));
  g_assert_cmpuint (count_history (fixture->db), ==, 1);

  /* A real change: one update entry with before and after. */
  g_usleep (2);  /* "updated" must differ from "created" (microsecond timestamps) */
  annex_action_set_title (action, "Patch and reboot the VPN gateway");
  g_object_set (action, "status", "in-progress", "owner", "", NULL);
  g_assert_true (annex_register_save (fixture->reg, ANNEX_RECORD (action), &error));
  g_assert_no_error (error);

  history = list_history (fixture->db, annex_record_get_id (ANNEX_RECORD (action)));
  g_assert_cmpuint (history->len, ==, 2);
  entry = g_ptr_array_index (history, 1);
  g_assert_cmpint (entry->kind, ==, ANNEX_CHANGE_UPDATE);
  g_assert_cmpstr (entry->before, ==, before_json);
  after_json = annex_record_to_json (ANNEX_RECORD (action));
  g_assert_cmpstr (entry->after, ==, after_json);
  g_assert_nonnull (strstr (entry->after, "\"owner\":null"));
  g_assert_nonnull (strstr (entry->after, "\"status\":\"in-progress\""));

  g_assert_cmpuint (n_updated, ==, 1);
  g_assert_cmpstr (annex_record_get_created (ANNEX_RECORD (action)), ==, created);
  g_assert_cmpstr (annex_record_get_updated (ANNEX_RECORD (action)), >, created);

  /* An edit changes no items: the list does not announce anything. */
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  /* Saving again without a change adds nothing. */
  g_assert_true (annex_register_save (fixture->reg, ANNEX_RECORD (action), &error));
  g_assert_cmpuint (count_history (fixture->db), ==, 2);

  /* What a fresh load reads is what was saved. */
  {
    g_autoptr(AnnexRegister) other = annex_register_new (fixture->db, ANNEX_TYPE_ACTION);
    AnnexRecord *loaded;
    g_autofree char *loaded_json = NULL;

    load (other);
    loaded = get_record (other, 0);
    loaded_json = annex_record_to_json (loaded);
    g_assert_cmpstr (loaded_json, ==, after_json);
    g_assert_cmpstr (annex_record_get_updated (loaded), ==,
                     annex_record_get_updated (ANNEX_RECORD (action)));
  }
}

static void
test_remove_restore (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(AnnexRecord) removed = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *created = NULL;
  AnnexChangeEntry *entry;
  gint64 id;

  load (fixture->reg);
  add_action (fixture->reg, "First", NULL, NULL, "open");
  removed = g_object_ref (ANNEX_RECORD (add_action (fixture->reg, "Second", "Ops", "2026-01-15",
                                                    "in-progress")));
  add_action (fixture->reg, "Third", NULL, NULL, "done");
  id = annex_record_get_id (removed);
  json = annex_record_to_json (removed);
  created = g_strdup (annex_record_get_created (removed));
  g_array_set_size (fixture->changes, 0);

  g_assert_true (annex_register_remove (fixture->reg, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  assert_change (fixture->changes, 0, 1, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->reg)), ==, 2);
  g_assert_cmpint (count_rows (fixture->db), ==, 2);
  g_assert_null (annex_register_find (fixture->reg, id));
  g_assert_cmpuint (annex_register_get_position (fixture->reg, removed), ==, G_MAXUINT);
  /* The removed record keeps what it needs to come back. */
  g_assert_cmpint (annex_record_get_id (removed), ==, id);
  g_assert_cmpstr (annex_record_get_reference (removed), ==, "A-002");

  g_assert_true (annex_register_restore (fixture->reg, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changes->len, ==, 2);
  assert_change (fixture->changes, 1, 1, 0, 1);
  g_assert_true (get_record (fixture->reg, 1) == removed);
  g_assert_cmpint (count_rows (fixture->db), ==, 3);

  history = list_history (fixture->db, id);
  g_assert_cmpuint (history->len, ==, 3);
  entry = g_ptr_array_index (history, 1);
  g_assert_cmpint (entry->kind, ==, ANNEX_CHANGE_DELETE);
  g_assert_cmpstr (entry->before, ==, json);
  g_assert_null (entry->after);
  entry = g_ptr_array_index (history, 2);
  g_assert_cmpint (entry->kind, ==, ANNEX_CHANGE_INSERT);
  g_assert_null (entry->before);
  g_assert_cmpstr (entry->after, ==, json);

  /* A fresh load has it back with the same id, reference, creation time and values. */
  {
    g_autoptr(AnnexRegister) other = annex_register_new (fixture->db, ANNEX_TYPE_ACTION);
    AnnexRecord *loaded;
    g_autofree char *loaded_json = NULL;

    load (other);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other)), ==, 3);
    loaded = annex_register_find (other, id);
    g_assert_nonnull (loaded);
    g_assert_cmpuint (annex_register_get_position (other, loaded), ==, 1);
    loaded_json = annex_record_to_json (loaded);
    g_assert_cmpstr (loaded_json, ==, json);
    g_assert_cmpstr (annex_record_get_created (loaded), ==, created);
  }

  /* The next new action does not reuse the number. */
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (add_action (fixture->reg, "Fourth",
                                                                         NULL, NULL, "open"))),
                   ==, "A-004");
}

/* The last record deleted, then a new one added: the new one gets a fresh id (not the deleted
 * one's), so the Undo of the delete can still put the old one back. */
static void
test_restore_after_add (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(AnnexRecord) removed = NULL;
  g_autoptr(GError) error = NULL;
  AnnexAction *added;
  gint64 id;

  load (fixture->reg);
  add_action (fixture->reg, "First", NULL, NULL, "open");
  removed = g_object_ref (ANNEX_RECORD (add_action (fixture->reg, "Last", NULL, NULL, "open")));
  id = annex_record_get_id (removed);

  g_assert_true (annex_register_remove (fixture->reg, removed, &error));
  g_assert_no_error (error);
  added = add_action (fixture->reg, "Added after the delete", NULL, NULL, "open");
  g_assert_cmpint (annex_record_get_id (ANNEX_RECORD (added)), >, id);

  g_assert_true (annex_register_restore (fixture->reg, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->db), ==, 3);
  g_assert_true (annex_register_find (fixture->reg, id) == removed);
}

static void
test_validation_writes_nothing (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(AnnexRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  AnnexAction *saved;
  g_autofree char *stored_json = NULL;

  load (fixture->reg);

  record = annex_register_new_record (fixture->reg);
  g_object_set (record, "owner", "Nobody", NULL);
  g_assert_false (annex_register_add (fixture->reg, record, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“Title” is required");
  g_clear_error (&error);

  g_assert_cmpint (annex_record_get_id (record), ==, 0);
  g_assert_null (annex_record_get_reference (record));
  g_assert_cmpuint (fixture->changes->len, ==, 0);
  g_assert_cmpint (count_rows (fixture->db), ==, 0);
  g_assert_cmpuint (count_history (fixture->db), ==, 0);
  g_assert_false (annex_database_in_transaction (fixture->db));

  /* A bad date on a saved record: refused, nothing written, the typed value kept. */
  saved = add_action (fixture->reg, "Valid", NULL, "2026-07-01", "open");
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (saved)), ==, "A-001");
  stored_json = annex_record_to_json (ANNEX_RECORD (saved));
  annex_record_set_string (ANNEX_RECORD (saved), "due-date", "2026-07-32");
  g_assert_false (annex_register_save (fixture->reg, ANNEX_RECORD (saved), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (annex_action_get_due_date (saved), ==, "2026-07-32");
  g_assert_cmpuint (count_history (fixture->db), ==, 1);
  g_assert_false (annex_database_in_transaction (fixture->db));

  {
    g_autoptr(AnnexRegister) other = annex_register_new (fixture->db, ANNEX_TYPE_ACTION);
    g_autofree char *loaded_json = NULL;

    load (other);
    loaded_json = annex_record_to_json (get_record (other, 0));
    g_assert_cmpstr (loaded_json, ==, stored_json);
  }
}

static void
test_failed_write_rolls_back (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(AnnexRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  load (fixture->reg);
  add_action (fixture->reg, "Existing", NULL, NULL, "open");
  g_array_set_size (fixture->changes, 0);

  /* Make the insert itself fail after the reference was taken: a trigger refusing new rows. */
  g_assert_true (annex_database_exec (fixture->db,
                                      "CREATE TEMP TRIGGER refuse BEFORE INSERT ON actions "
                                      "BEGIN SELECT RAISE (ABORT, 'refused by test'); END",
                                      &error));
  g_assert_no_error (error);

  record = annex_register_new_record (fixture->reg);
  annex_action_set_title (ANNEX_ACTION (record), "Will fail");
  g_assert_false (annex_register_add (fixture->reg, record, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "refused by test"));
  g_clear_error (&error);

  g_assert_cmpint (annex_record_get_id (record), ==, 0);
  g_assert_null (annex_record_get_reference (record));
  g_assert_cmpuint (fixture->changes->len, ==, 0);
  g_assert_cmpint (count_rows (fixture->db), ==, 1);
  g_assert_cmpuint (count_history (fixture->db), ==, 1);
  g_assert_false (annex_database_in_transaction (fixture->db));

  /* The reference counter was rolled back with the rest. */
  g_assert_true (annex_database_exec (fixture->db, "DROP TRIGGER temp.refuse", &error));
  g_assert_no_error (error);
  g_assert_true (annex_register_add (fixture->reg, record, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (annex_record_get_reference (record), ==, "A-002");
}

/* Writes @n actions through a register that is not loaded, in one transaction (fast). */
static void
seed_actions (AnnexDatabase *db,
              guint          n)
{
  g_autoptr(AnnexRegister) writer = annex_register_new (db, ANNEX_TYPE_ACTION);
  g_autoptr(GError) error = NULL;

  g_assert_true (annex_database_begin (db, &error));
  for (guint i = 1; i <= n; i++)
    {
      g_autoptr(AnnexRecord) record = annex_register_new_record (writer);
      g_autofree char *title = g_strdup_printf ("Action number %u", i);
      g_autofree char *due = g_strdup_printf ("2026-%02u-%02u", 1 + i % 12, 1 + i % 28);

      g_object_set (record,
                    "title", title,
                    "due-date", due,
                    "status", (i % 4 == 0) ? "done" : "open",
                    "description", (i % 10 == 0) ? "Check the firewall" : NULL,
                    NULL);
      g_assert_true (annex_register_add (writer, record, &error));
      g_assert_no_error (error);
    }
  g_assert_true (annex_database_commit (db, &error));
  g_assert_no_error (error);
}

static void
test_load_many (Fixture       *fixture,
                gconstpointer  user_data)
{
  guint n_loaded = 0;
  guint n_n_items = 0;
  guint n_matching = 0;
  g_autofree char *query = annex_record_prepare_query ("FIREWALL");

  seed_actions (fixture->db, 1000);
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  g_signal_connect (fixture->reg, "notify::loaded", G_CALLBACK (annex_test_count_cb), &n_loaded);
  g_signal_connect (fixture->reg, "notify::n-items", G_CALLBACK (annex_test_count_cb), &n_n_items);

  load (fixture->reg);
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  assert_change (fixture->changes, 0, 0, 0, 1000);
  g_assert_cmpuint (n_loaded, ==, 1);
  g_assert_cmpuint (n_n_items, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->reg)), ==, 1000);
  g_assert_cmpstr (annex_record_get_reference (get_record (fixture->reg, 0)), ==, "A-001");
  g_assert_cmpstr (annex_record_get_reference (get_record (fixture->reg, 999)), ==, "A-1000");
  g_assert_cmpstr (annex_action_get_title (ANNEX_ACTION (get_record (fixture->reg, 41))), ==,
                   "Action number 42");

  /* Reloading replaces everything in one emission too. */
  load (fixture->reg);
  g_assert_cmpuint (fixture->changes->len, ==, 2);
  assert_change (fixture->changes, 1, 0, 1000, 1000);
  g_assert_cmpuint (n_loaded, ==, 1);

  /* The search the register page's filter runs. */
  for (guint i = 0; i < 1000; i++)
    {
      if (annex_record_matches (get_record (fixture->reg, i), query))
        n_matching++;
    }
  g_assert_cmpuint (n_matching, ==, 100);
}

static void
on_load_done_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GError **error_out = user_data;
  gboolean ok;

  ok = annex_register_load_finish (ANNEX_REGISTER (source_object), result, error_out);
  g_assert_true (ok == (*error_out == NULL));
  g_object_set_data (source_object, "test-done", GINT_TO_POINTER (TRUE));
}

static void
wait_for_load (AnnexRegister *reg)
{
  while (g_object_get_data (G_OBJECT (reg), "test-done") == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_object_set_data (G_OBJECT (reg), "test-done", NULL);
}

static void
test_load_async (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  AnnexAction *action;

  seed_actions (fixture->db, 1000);

  annex_register_load_async (fixture->reg, NULL, on_load_done_cb, &error);
  /* Nothing happens on this thread until the main loop runs. */
  g_assert_cmpuint (fixture->changes->len, ==, 0);
  g_assert_false (annex_register_get_loaded (fixture->reg));
  wait_for_load (fixture->reg);
  g_assert_no_error (error);

  g_assert_true (annex_register_get_loaded (fixture->reg));
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  assert_change (fixture->changes, 0, 0, 0, 1000);
  action = ANNEX_ACTION (get_record (fixture->reg, 999));
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (action)), ==, "A-1000");
  g_assert_cmpstr (annex_action_get_title (action), ==, "Action number 1000");
  g_assert_cmpstr (annex_action_get_due_date (action), ==, "2026-05-21");
  g_assert_cmpstr (annex_action_get_status (action), ==, "done");
  g_assert_cmpstr (annex_record_get_string (ANNEX_RECORD (action), "description"), ==,
                   "Check the firewall");
  g_assert_nonnull (annex_record_get_created (ANNEX_RECORD (action)));
}

/* A first load of a large register shows its first rows before the rest is read; the rest then
 * follows them (the same objects stay, nothing is announced twice). */
static void
test_load_async_first_rows (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  seed_actions (fixture->db, 2500);

  annex_register_load_async (fixture->reg, NULL, on_load_done_cb, &error);
  wait_for_load (fixture->reg);
  g_assert_no_error (error);

  g_assert_true (annex_register_get_loaded (fixture->reg));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->reg)), ==, 2500);
  g_assert_cmpuint (fixture->changes->len, ==, 2);
  assert_change (fixture->changes, 0, 0, 0, 1000);
  assert_change (fixture->changes, 1, 1000, 0, 1500);
  g_assert_cmpstr (annex_record_get_reference (get_record (fixture->reg, 0)), ==, "A-001");
  g_assert_cmpstr (annex_record_get_reference (get_record (fixture->reg, 2499)), ==, "A-2500");

  /* A reload of a loaded register replaces its rows in one change. */
  g_array_set_size (fixture->changes, 0);
  annex_register_load_async (fixture->reg, NULL, on_load_done_cb, &error);
  wait_for_load (fixture->reg);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  assert_change (fixture->changes, 0, 0, 2500, 2500);
}

static void
test_load_async_cancelled (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  seed_actions (fixture->db, 10);

  annex_register_load_async (fixture->reg, cancellable, on_load_done_cb, &error);
  g_cancellable_cancel (cancellable);
  wait_for_load (fixture->reg);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (fixture->changes->len, ==, 0);
  g_assert_false (annex_register_get_loaded (fixture->reg));
}

static void
test_load_async_sees_own_writes (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  AnnexAction *added;

  seed_actions (fixture->db, 50);

  /* A write while the worker reads: the result must include it. */
  annex_register_load_async (fixture->reg, NULL, on_load_done_cb, &error);
  added = add_action (fixture->reg, "Added while loading", NULL, NULL, "open");
  g_assert_cmpstr (annex_record_get_reference (ANNEX_RECORD (added)), ==, "A-051");
  wait_for_load (fixture->reg);
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->reg)), ==, 51);
  g_assert_cmpstr (annex_action_get_title (ANNEX_ACTION (get_record (fixture->reg, 50))), ==,
                   "Added while loading");
  /* The add, then one replace-all. */
  g_assert_cmpuint (fixture->changes->len, ==, 2);
  assert_change (fixture->changes, 1, 0, 1, 51);
}

static void
record_finalizing_thread_cb (gpointer  data,
                             GObject  *where_the_object_was)
{
  GThread **thread = data;

  *thread = g_thread_self ();
}

static void
test_load_async_outlives_caller (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  AnnexRegister *reg = annex_register_new (fixture->db, ANNEX_TYPE_ACTION);
  GThread *finalized_in = NULL;
  GWeakRef weak;

  seed_actions (fixture->db, 20);

  g_weak_ref_init (&weak, reg);
  g_object_weak_ref (G_OBJECT (reg), record_finalizing_thread_cb, &finalized_in);
  annex_register_load_async (reg, NULL, on_load_done_cb, &error);
  g_object_unref (reg);  /* the caller lets go; the load still completes and stores its rows */

  reg = g_weak_ref_get (&weak);
  g_assert_nonnull (reg);
  wait_for_load (reg);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg)), ==, 20);
  g_assert_true (annex_register_get_loaded (reg));

  g_weak_ref_clear (&weak);

  /* Once the tasks are done, nothing keeps it alive; the worker never held it, so it goes on
   * this thread (it shares the database connection with this thread). */
  finalize_eventually (reg);
  g_assert_true (finalized_in == g_thread_self ());
}

static void
test_other_writer (Fixture       *fixture,
                   gconstpointer  user_data)
{
  AnnexRegister *other = annex_register_new (fixture->db, ANNEX_TYPE_ACTION);

  load (fixture->reg);
  load (other);
  g_array_set_size (fixture->changes, 0);

  /* A write through another register of the same table: this one re-reads on a worker. */
  add_action (other, "Written elsewhere", NULL, NULL, "open");
  g_assert_cmpuint (fixture->changes->len, ==, 0);
  while (fixture->changes->len == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (fixture->changes->len, ==, 1);
  assert_change (fixture->changes, 0, 0, 0, 1);
  g_assert_cmpstr (annex_action_get_title (ANNEX_ACTION (get_record (fixture->reg, 0))), ==,
                   "Written elsewhere");

  /* Its own write does not trigger a reload. */
  add_action (fixture->reg, "Written here", NULL, NULL, "open");
  g_assert_cmpuint (fixture->changes->len, ==, 2);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* (the other register reloads; this one has nothing more to announce) */
  g_assert_cmpuint (fixture->changes->len, ==, 2);
  while (g_list_model_get_n_items (G_LIST_MODEL (other)) < 2)
    g_main_context_iteration (NULL, TRUE);
  finalize_eventually (other);
}

static void
test_overdue (Fixture       *fixture,
              gconstpointer  user_data)
{
  static const struct {
    const char *due_date;
    const char *status;
    gboolean    overdue;
  } cases[] = {
    { "2026-05-31", "open", TRUE },
    { "2026-05-31", "in-progress", TRUE },
    { "2026-05-31", "done", FALSE },
    { "2026-05-31", "cancelled", FALSE },
    { "2026-06-01", "open", FALSE },     /* due today */
    { "2026-06-02", "open", FALSE },
    { NULL, "open", FALSE },
    { "2025-01-01", "open", TRUE },
  };
  guint n_overdue = 0;

  load (fixture->reg);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *title = g_strdup_printf ("Case %u", i);

      add_action (fixture->reg, title, NULL, cases[i].due_date, cases[i].status);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AnnexAction *action = ANNEX_ACTION (get_record (fixture->reg, i));
      gboolean overdue = annex_action_is_overdue_on (action, "2026-06-01");

      if (overdue != cases[i].overdue)
        g_error ("case %u: expected overdue=%d", i, cases[i].overdue);
      n_overdue += overdue;
    }
  g_assert_cmpuint (n_overdue, ==, 3);
}

static void
test_persistence (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *json_done = NULL;
  g_autofree char *json_open = NULL;
  AnnexAction *done;
  AnnexAction *open;
  gint64 done_id;

  load (fixture->reg);
  open = add_action (fixture->reg, "Keep open", "Quality", "2026-10-10", "open");
  g_object_set (open,
                "origin", "management-review",
                "origin-reference", "MR-2026-01",
                "description", "Line one\nLine two — “quoted”",
                NULL);
  g_assert_true (annex_register_save (fixture->reg, ANNEX_RECORD (open), &error));
  g_assert_no_error (error);

  /* Marking an action done records the completion date (today), and saving keeps it. */
  done = add_action (fixture->reg, "Finish me", NULL, NULL, "in-progress");
  g_object_set (done, "status", "done", NULL);
  g_assert_cmpstr (annex_record_get_string (ANNEX_RECORD (done), "completed-on"), ==, today);
  g_assert_true (annex_register_save (fixture->reg, ANNEX_RECORD (done), &error));
  g_assert_no_error (error);

  done_id = annex_record_get_id (ANNEX_RECORD (done));
  json_done = annex_record_to_json (ANNEX_RECORD (done));
  json_open = annex_record_to_json (ANNEX_RECORD (open));

  /* Close everything and open the file again. */
  finalize_eventually (g_steal_pointer (&fixture->reg));
  annex_database_close (fixture->db);
  g_assert_finalize_object (g_steal_pointer (&fixture->db));

  fixture->db = annex_database_open (fixture->path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fixture->reg = annex_register_new (fixture->db, ANNEX_TYPE_ACTION);
  g_signal_connect (fixture->reg, "items-changed", G_CALLBACK (on_items_changed_cb),
                    fixture->changes);
  load (fixture->reg);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->reg)), ==, 2);
  {
    AnnexRecord *record = get_record (fixture->reg, 0);
    g_autofree char *json = annex_record_to_json (record);
    g_autofree char *origin_label = NULL;

    g_assert_cmpstr (json, ==, json_open);
    g_assert_cmpstr (annex_record_get_reference (record), ==, "A-001");
    g_object_get (record, "origin-label", &origin_label, NULL);
    g_assert_cmpstr (origin_label, ==, "Management review");
  }
  {
    AnnexRecord *record = annex_register_find (fixture->reg, done_id);
    g_autofree char *json = annex_record_to_json (record);

    g_assert_cmpstr (json, ==, json_done);
    g_assert_cmpstr (annex_record_get_string (record, "completed-on"), ==, today);
  }

  /* The whole history still verifies. */
  {
    gint64 first_bad = -1;
    gint64 count = 0;

    g_assert_true (annex_change_log_verify (fixture->db, &first_bad, &count, &error));
    g_assert_no_error (error);
    g_assert_cmpint (first_bad, ==, 0);
    g_assert_cmpint (count, >=, 4);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/annex/register/add", test_add);
  ADD ("/annex/register/reference-numbers", test_reference_numbers);
  ADD ("/annex/register/reference-counter-out-of-range", test_reference_counter_out_of_range);
  ADD ("/annex/register/save", test_save);
  ADD ("/annex/register/remove-restore", test_remove_restore);
  ADD ("/annex/register/restore-after-add", test_restore_after_add);
  ADD ("/annex/register/validation-writes-nothing", test_validation_writes_nothing);
  ADD ("/annex/register/failed-write-rolls-back", test_failed_write_rolls_back);
  ADD ("/annex/register/load-many", test_load_many);
  ADD ("/annex/register/load-async", test_load_async);
  ADD ("/annex/register/load-async-first-rows", test_load_async_first_rows);
  ADD ("/annex/register/load-async-cancelled", test_load_async_cancelled);
  ADD ("/annex/register/load-async-sees-own-writes", test_load_async_sees_own_writes);
  ADD ("/annex/register/load-async-outlives-caller", test_load_async_outlives_caller);
  ADD ("/annex/register/other-writer", test_other_writer);
  ADD ("/annex/register/overdue", test_overdue);
  ADD ("/annex/register/persistence", test_persistence);

#undef ADD

  return g_test_run ();
}
