/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-record.c: the record base class driven by a field table (properties, notify, values,
 * validation, JSON, search, copy) and the action record's own rules. */

#define G_LOG_DOMAIN "test-record"

#include "config.h"

#include <string.h>

#include "annex-action.h"
#include "annex-record.h"
#include "annex-store-error.h"
#include "annex-test-util.h"

/* A record type with every field type, declared here the way a register declares one. */

#define TEST_TYPE_THING (test_thing_get_type ())
G_DECLARE_FINAL_TYPE (TestThing, test_thing, TEST, THING, AnnexRecord)

struct _TestThing
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TestThing, test_thing, ANNEX_TYPE_RECORD)

static const AnnexFieldChoice kind_choices[] = {
  { "alpha", "Alpha" },
  { "beta-release", "Beta release" },
  { NULL, NULL }
};

static const AnnexField thing_fields[] = {
  { "name", "name", ANNEX_FIELD_TEXT, "Name",
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE, NULL, NULL },
  { "notes", "notes", ANNEX_FIELD_LONG_TEXT, "Notes", ANNEX_FIELD_FLAG_SEARCHABLE, NULL, NULL },
  { "review-date", "review_date", ANNEX_FIELD_DATE, "Review date", ANNEX_FIELD_FLAG_NONE,
    NULL, NULL },
  { "kind", "kind", ANNEX_FIELD_CHOICE, "Kind", ANNEX_FIELD_FLAG_SEARCHABLE, kind_choices,
    "alpha" },
  { "score", "score", ANNEX_FIELD_INT, "Score", ANNEX_FIELD_FLAG_NONE, NULL, "7" },
  { "active", "active", ANNEX_FIELD_BOOL, "Active", ANNEX_FIELD_FLAG_NONE, NULL, "true" },
  { "secret", "secret", ANNEX_FIELD_TEXT, "Secret", ANNEX_FIELD_FLAG_NONE, NULL, NULL },
};

enum { THING_NAME, THING_NOTES, THING_REVIEW_DATE, THING_KIND, THING_SCORE, THING_ACTIVE,
       THING_SECRET };

static void
test_thing_class_init (TestThingClass *klass)
{
  annex_record_class_install_fields (ANNEX_RECORD_CLASS (klass), "things", "T-",
                                     thing_fields, G_N_ELEMENTS (thing_fields));
}

static void
test_thing_init (TestThing *self)
{
}

static void
test_properties (void)
{
  g_autoptr(AnnexAction) action = annex_action_new ();
  GObjectClass *action_class = G_OBJECT_GET_CLASS (action);
  g_autoptr(GTypeClass) thing_type_class = g_type_class_ref (TEST_TYPE_THING);
  GObjectClass *thing_class = G_OBJECT_CLASS (thing_type_class);
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (action_class);
  const AnnexField *fields;
  guint n_fields = 0;
  guint index = 99;
  GParamSpec *pspec;
  static const char * const action_strings[] = {
    "title", "owner", "due-date", "status", "origin", "origin-reference", "description",
    "completed-on", "reference", "created", "updated", "status-label", "origin-label",
  };

  for (guint i = 0; i < G_N_ELEMENTS (action_strings); i++)
    {
      pspec = g_object_class_find_property (action_class, action_strings[i]);
      g_assert_nonnull (pspec);
      g_assert_cmpint (pspec->value_type, ==, G_TYPE_STRING);
    }

  pspec = g_object_class_find_property (action_class, "id");
  g_assert_nonnull (pspec);
  g_assert_cmpint (pspec->value_type, ==, G_TYPE_INT64);
  g_assert_false (pspec->flags & G_PARAM_WRITABLE);

  pspec = g_object_class_find_property (action_class, "overdue");
  g_assert_nonnull (pspec);
  g_assert_cmpint (pspec->value_type, ==, G_TYPE_BOOLEAN);

  /* The field table drives the class. */
  g_assert_cmpstr (annex_record_class_get_table (record_class), ==, "actions");
  g_assert_cmpstr (annex_record_class_get_reference_prefix (record_class), ==, "A-");
  fields = annex_record_class_get_fields (record_class, &n_fields);
  g_assert_cmpuint (n_fields, ==, 8);
  g_assert_cmpstr (fields[2].name, ==, "due-date");
  g_assert_cmpstr (fields[2].column, ==, "due_date");
  g_assert_cmpint (fields[2].type, ==, ANNEX_FIELD_DATE);
  g_assert_true (fields[0].flags & ANNEX_FIELD_FLAG_REQUIRED);
  g_assert_cmpstr (fields[0].label, ==, "Title");
  g_assert_cmpuint (annex_field_get_n_choices (&fields[3]), ==, 4);
  g_assert_cmpuint (annex_field_get_n_choices (&fields[4]), ==, 7);
  g_assert_cmpstr (annex_field_get_choice_label (&fields[4], "audit"), ==, "Audit follow-up");
  g_assert_nonnull (annex_record_class_find_field (record_class, "origin-reference", &index));
  g_assert_cmpuint (index, ==, 5);
  g_assert_null (annex_record_class_find_field (record_class, "nope", NULL));

  for (guint i = 0; i < n_fields; i++)
    {
      pspec = g_object_class_find_property (action_class, fields[i].name);
      g_assert_cmpuint (pspec->param_id, ==, ANNEX_RECORD_FIRST_FIELD_PROP + i);
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      g_assert_true (pspec->flags & G_PARAM_READWRITE);
    }

  /* Each field type maps to its property type. */
  g_assert_cmpint (g_object_class_find_property (thing_class, "name")->value_type, ==,
                   G_TYPE_STRING);
  g_assert_cmpint (g_object_class_find_property (thing_class, "notes")->value_type, ==,
                   G_TYPE_STRING);
  g_assert_cmpint (g_object_class_find_property (thing_class, "review-date")->value_type, ==,
                   G_TYPE_STRING);
  g_assert_cmpint (g_object_class_find_property (thing_class, "kind")->value_type, ==,
                   G_TYPE_STRING);
  g_assert_cmpint (g_object_class_find_property (thing_class, "score")->value_type, ==,
                   G_TYPE_INT64);
  g_assert_cmpint (g_object_class_find_property (thing_class, "active")->value_type, ==,
                   G_TYPE_BOOLEAN);
  /* The action's own properties do not leak into another record type. */
  g_assert_null (g_object_class_find_property (thing_class, "title"));
  g_assert_null (g_object_class_find_property (thing_class, "overdue"));
}

static void
test_defaults (void)
{
  g_autoptr(AnnexAction) action = annex_action_new ();
  g_autoptr(TestThing) thing = g_object_new (TEST_TYPE_THING, NULL);
  g_autofree char *status = NULL;
  g_autofree char *title = NULL;
  gint64 score = 0;
  gboolean active = FALSE;

  g_assert_cmpint (annex_record_get_id (ANNEX_RECORD (action)), ==, 0);
  g_assert_null (annex_record_get_reference (ANNEX_RECORD (action)));
  g_assert_cmpstr (annex_action_get_status (action), ==, "open");
  g_assert_cmpstr (annex_record_get_string (ANNEX_RECORD (action), "origin"), ==, "other");
  g_assert_null (annex_action_get_title (action));

  g_object_get (action, "status", &status, "title", &title, NULL);
  g_assert_cmpstr (status, ==, "open");
  g_assert_null (title);

  g_object_get (thing, "score", &score, "active", &active, NULL);
  g_assert_cmpint (score, ==, 7);
  g_assert_true (active);
  g_assert_cmpstr (annex_record_get_string (ANNEX_RECORD (thing), "kind"), ==, "alpha");
  g_assert_cmpint (annex_record_get_int (ANNEX_RECORD (thing), "active"), ==, 1);

  /* Construct-time values override the defaults. */
  {
    g_autoptr(AnnexAction) other = g_object_new (ANNEX_TYPE_ACTION,
                                                 "title", "Patch servers",
                                                 "status", "in-progress",
                                                 NULL);

    g_assert_cmpstr (annex_action_get_title (other), ==, "Patch servers");
    g_assert_cmpstr (annex_action_get_status (other), ==, "in-progress");
  }
}

static void
test_notify (void)
{
  g_autoptr(AnnexAction) action = annex_action_new ();
  g_autoptr(TestThing) thing = g_object_new (TEST_TYPE_THING, NULL);
  guint n_title = 0;
  guint n_owner = 0;
  guint n_any = 0;
  guint n_score = 0;
  guint n_active = 0;
  GValue value = G_VALUE_INIT;

  g_signal_connect (action, "notify::title", G_CALLBACK (annex_test_count_cb), &n_title);
  g_signal_connect (action, "notify::owner", G_CALLBACK (annex_test_count_cb), &n_owner);
  g_signal_connect (action, "notify", G_CALLBACK (annex_test_count_cb), &n_any);

  g_object_set (action, "title", "Review firewall rules", NULL);
  g_assert_cmpuint (n_title, ==, 1);
  g_object_set (action, "title", "Review firewall rules", NULL);
  g_assert_cmpuint (n_title, ==, 1);
  annex_action_set_title (action, "Review firewall rules");
  g_assert_cmpuint (n_title, ==, 1);
  annex_record_set_string (ANNEX_RECORD (action), "title", "Review the firewall rules");
  g_assert_cmpuint (n_title, ==, 2);
  g_assert_cmpstr (annex_action_get_title (action), ==, "Review the firewall rules");
  g_assert_cmpuint (n_owner, ==, 0);
  g_assert_cmpuint (n_any, ==, 2);

  /* Through a GValue of another (transformable) type. */
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "IT lead");
  annex_record_set_value (ANNEX_RECORD (action), 1, &value);
  annex_record_set_value (ANNEX_RECORD (action), 1, &value);
  g_value_unset (&value);
  g_assert_cmpuint (n_owner, ==, 1);
  g_assert_cmpstr (annex_action_get_owner (action), ==, "IT lead");
  g_assert_cmpstr (g_value_get_string (annex_record_get_value (ANNEX_RECORD (action), 1)), ==,
                   "IT lead");

  g_signal_connect (thing, "notify::score", G_CALLBACK (annex_test_count_cb), &n_score);
  g_signal_connect (thing, "notify::active", G_CALLBACK (annex_test_count_cb), &n_active);
  annex_record_set_int (ANNEX_RECORD (thing), "score", 7);
  g_assert_cmpuint (n_score, ==, 0);
  annex_record_set_int (ANNEX_RECORD (thing), "score", 42);
  g_object_set (thing, "score", (gint64) 42, NULL);
  g_assert_cmpuint (n_score, ==, 1);
  g_assert_cmpint (annex_record_get_int (ANNEX_RECORD (thing), "score"), ==, 42);
  g_object_set (thing, "active", TRUE, NULL);
  g_assert_cmpuint (n_active, ==, 0);
  g_object_set (thing, "active", FALSE, NULL);
  g_assert_cmpuint (n_active, ==, 1);
  g_assert_cmpint (annex_record_get_int (ANNEX_RECORD (thing), "active"), ==, 0);
}

static void
test_empty_is_null (void)
{
  g_autoptr(AnnexAction) action = annex_action_new ();
  g_autofree char *owner = NULL;
  guint n_owner = 0;

  g_signal_connect (action, "notify::owner", G_CALLBACK (annex_test_count_cb), &n_owner);

  /* NULL → "" is no change: both are the empty value. */
  g_object_set (action, "owner", "", NULL);
  g_assert_cmpuint (n_owner, ==, 0);
  g_assert_null (annex_action_get_owner (action));

  g_object_set (action, "owner", "CISO", NULL);
  g_assert_cmpuint (n_owner, ==, 1);
  g_object_set (action, "owner", "", NULL);
  g_assert_cmpuint (n_owner, ==, 2);
  g_assert_null (annex_action_get_owner (action));
  g_object_get (action, "owner", &owner, NULL);
  g_assert_null (owner);
  annex_record_set_string (ANNEX_RECORD (action), "owner", NULL);
  g_assert_cmpuint (n_owner, ==, 2);
}

static void
assert_invalid (AnnexRecord *record,
                const char  *expected_message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (annex_record_validate (record, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected_message);
}

static void
test_validate (void)
{
  g_autoptr(AnnexAction) action = annex_action_new ();
  g_autoptr(TestThing) thing = g_object_new (TEST_TYPE_THING, NULL);
  AnnexRecord *record = ANNEX_RECORD (action);
  g_autoptr(GError) error = NULL;

  assert_invalid (record, "“Title” is required");
  annex_action_set_title (action, "   ");
  assert_invalid (record, "“Title” is required");
  annex_action_set_title (action, "Rotate backup keys");
  g_assert_true (annex_record_validate (record, &error));
  g_assert_no_error (error);

  annex_record_set_string (record, "due-date", "2026-02-30");
  assert_invalid (record, "“Due date” must be a date written as YYYY-MM-DD, not “2026-02-30”");
  annex_record_set_string (record, "due-date", "2026-2-3");
  assert_invalid (record, "“Due date” must be a date written as YYYY-MM-DD, not “2026-2-3”");
  annex_record_set_string (record, "due-date", "2028-02-29");
  g_assert_true (annex_record_validate (record, NULL));
  annex_record_set_string (record, "due-date", NULL);
  g_assert_true (annex_record_validate (record, NULL));

  annex_record_set_string (record, "completed-on", "yesterday");
  assert_invalid (record, "“Completed on” must be a date written as YYYY-MM-DD, not “yesterday”");
  annex_record_set_string (record, "completed-on", NULL);

  annex_record_set_string (record, "status", "finished");
  assert_invalid (record, "“Status” cannot be “finished”");
  annex_record_set_string (record, "status", NULL);
  assert_invalid (record, "“Status” is required");
  annex_record_set_string (record, "status", "cancelled");
  g_assert_true (annex_record_validate (record, NULL));

  /* A non-required choice may be empty, but not unknown. */
  annex_record_set_string (ANNEX_RECORD (thing), "name", "Thing");
  annex_record_set_string (ANNEX_RECORD (thing), "kind", NULL);
  g_assert_true (annex_record_validate (ANNEX_RECORD (thing), NULL));
  annex_record_set_string (ANNEX_RECORD (thing), "kind", "gamma");
  assert_invalid (ANNEX_RECORD (thing), "“Kind” cannot be “gamma”");
}

static void
test_field_helpers (void)
{
  static const char * const valid[] = {
    "2026-01-01", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "2026-12-31",
  };
  static const char * const invalid[] = {
    "", "2026", "2026-1-01", "2026-01-1", "26-01-01", "2026/01/01", "2026-13-01", "2026-00-10",
    "2026-01-00", "2026-04-31", "2023-02-29", "1900-02-29", "0000-01-01", " 2026-01-01",
    "2026-01-01 ", "2026-01-01T00:00", "+026-01-01", "2026-0a-01", "２０２６-01-01",
  };
  const AnnexField *status_field;
  g_autoptr(GTypeClass) klass = g_type_class_ref (ANNEX_TYPE_ACTION);

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (annex_field_date_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      if (annex_field_date_is_valid (invalid[i]))
        g_error ("“%s” was accepted as a date", invalid[i]);
    }
  g_assert_false (annex_field_date_is_valid (NULL));

  status_field = annex_record_class_find_field (ANNEX_RECORD_CLASS (klass), "status", NULL);
  g_assert_cmpint (annex_field_get_choice_index (status_field, "open"), ==, 0);
  g_assert_cmpint (annex_field_get_choice_index (status_field, "cancelled"), ==, 3);
  g_assert_cmpint (annex_field_get_choice_index (status_field, "Open"), ==, -1);
  g_assert_cmpint (annex_field_get_choice_index (status_field, NULL), ==, -1);
  g_assert_cmpstr (annex_field_get_choice_label (status_field, "in-progress"), ==, "In progress");
  g_assert_null (annex_field_get_choice_label (status_field, "nope"));
  g_assert_cmpuint (annex_field_get_n_choices (&thing_fields[THING_NAME]), ==, 0);

  g_assert_true (annex_field_text_is_blank (NULL));
  g_assert_true (annex_field_text_is_blank (""));
  g_assert_true (annex_field_text_is_blank (" \t\n "));
  g_assert_false (annex_field_text_is_blank (" x "));

  /* The label of a record's current choice, translated (C locale: the msgid). */
  {
    g_autoptr(AnnexAction) action = annex_action_new ();
    g_autofree char *label = NULL;
    guint status_index;
    guint title_index;

    annex_record_class_find_field (ANNEX_RECORD_CLASS (klass), "status", &status_index);
    annex_record_class_find_field (ANNEX_RECORD_CLASS (klass), "title", &title_index);
    g_assert_cmpstr (annex_record_get_choice_label (ANNEX_RECORD (action), status_index), ==,
                     "Open");
    annex_record_set_string (ANNEX_RECORD (action), "status", "in-progress");
    g_assert_cmpstr (annex_record_get_choice_label (ANNEX_RECORD (action), status_index), ==,
                     "In progress");
    g_object_get (action, "status-label", &label, NULL);
    g_assert_cmpstr (label, ==, "In progress");

    g_test_expect_message ("annex-record", G_LOG_LEVEL_CRITICAL, "*ANNEX_FIELD_CHOICE*");
    g_assert_null (annex_record_get_choice_label (ANNEX_RECORD (action), title_index));
    g_test_assert_expected_messages ();
  }
}

static void
test_json (void)
{
  g_autoptr(AnnexAction) action = annex_action_new ();
  g_autoptr(TestThing) thing = g_object_new (TEST_TYPE_THING, NULL);
  AnnexRecord *record = ANNEX_RECORD (action);
  g_autofree char *json = NULL;
  g_autofree char *thing_json = NULL;

  annex_action_set_title (action, "Write the \"access\" policy\n(v2)");
  annex_record_set_string (record, "owner", "Zoë");
  annex_record_set_string (record, "due-date", "2026-03-31");
  annex_record_set_string (record, "origin", "audit");
  _annex_record_set_identity (record, 12, "A-012", "2026-01-01T00:00:00.000000Z",
                              "2026-01-02T00:00:00.000000Z");

  json = annex_record_to_json (record);
  g_assert_cmpstr (json, ==,
                   "{\"reference\":\"A-012\",\"title\":\"Write the \\\"access\\\" policy\\n(v2)\","
                   "\"owner\":\"Zoë\",\"due_date\":\"2026-03-31\",\"status\":\"open\","
                   "\"origin\":\"audit\",\"origin_reference\":null,\"description\":null,"
                   "\"completed_on\":null}");

  annex_record_set_string (ANNEX_RECORD (thing), "name", "X");
  annex_record_set_int (ANNEX_RECORD (thing), "score", -3);
  g_object_set (thing, "active", FALSE, NULL);
  thing_json = annex_record_to_json (ANNEX_RECORD (thing));
  g_assert_cmpstr (thing_json, ==,
                   "{\"reference\":null,\"name\":\"X\",\"notes\":null,\"review_date\":null,"
                   "\"kind\":\"alpha\",\"score\":\"-3\",\"active\":\"false\",\"secret\":null}");
}

static gboolean
matches (AnnexRecord *record,
         const char  *typed)
{
  g_autofree char *query = annex_record_prepare_query (typed);

  return annex_record_matches (record, query);
}

static void
test_matches (void)
{
  g_autoptr(AnnexAction) action = annex_action_new ();
  g_autoptr(TestThing) thing = g_object_new (TEST_TYPE_THING, NULL);
  AnnexRecord *record = ANNEX_RECORD (action);
  g_autofree char *long_query = NULL;

  annex_action_set_title (action, "Überprüfung der Zugriffsrechte");
  annex_record_set_string (record, "owner", "Müller, IT");
  annex_record_set_string (record, "description", "Quarterly access review");
  annex_record_set_string (record, "origin-reference", "R-014");
  annex_record_set_string (record, "due-date", "2026-05-01");
  _annex_record_set_identity (record, 3, "A-003", NULL, NULL);

  g_assert_true (annex_record_matches (record, NULL));
  g_assert_true (annex_record_matches (record, ""));
  g_assert_true (matches (record, "   "));

  /* Case and accents: the query is casefolded like the text. */
  g_assert_true (annex_record_matches (record, "überprüf"));
  g_assert_true (matches (record, "ÜBERPRÜF"));
  g_assert_true (matches (record, "Überprüfung"));
  /* A decomposed "ü" (u + combining diaeresis) is normalized before matching. */
  g_assert_true (matches (record, "u\xcc\x88" "berpru\xcc\x88" "f"));
  g_assert_false (matches (record, "uberpruf"));

  /* Every word must occur, in any searchable field, in any order. */
  g_assert_true (matches (record, "zugriff müller"));
  g_assert_true (matches (record, "  müller   zugriff  "));
  g_assert_true (matches (record, "quarterly r-014"));
  g_assert_true (matches (record, "a-003"));
  g_assert_false (matches (record, "zugriff schmidt"));
  g_assert_false (matches (record, "2026-05-01"));          /* due date is not searchable */
  g_assert_false (matches (record, "open"));                /* nor is the status */

  long_query = g_strnfill (300, 'x');
  g_assert_false (matches (record, long_query));

  /* The cached text follows changes. */
  g_assert_false (matches (record, "schmidt"));
  annex_record_set_string (record, "owner", "Schmidt");
  g_assert_true (matches (record, "schmidt"));
  g_assert_false (matches (record, "müller"));
  _annex_record_assign_identity (record, 3, "A-777", NULL, NULL);
  g_assert_true (matches (record, "a-777"));
  g_assert_false (matches (record, "a-003"));

  /* A searchable choice matches by its label; not-searchable fields do not match. */
  annex_record_set_string (ANNEX_RECORD (thing), "name", "Widget");
  annex_record_set_string (ANNEX_RECORD (thing), "kind", "beta-release");
  annex_record_set_string (ANNEX_RECORD (thing), "secret", "hidden");
  g_assert_true (matches (ANNEX_RECORD (thing), "beta release"));
  g_assert_false (matches (ANNEX_RECORD (thing), "hidden"));
}

static void
test_copy (void)
{
  g_autoptr(AnnexAction) action = annex_action_new ();
  g_autoptr(AnnexRecord) copy = NULL;
  AnnexRecord *record = ANNEX_RECORD (action);
  g_autofree char *json = NULL;
  g_autofree char *copy_json = NULL;

  annex_action_set_title (action, "Renew certificate");
  annex_record_set_string (record, "due-date", "2026-06-30");
  annex_record_set_string (record, "status", "in-progress");
  _annex_record_set_identity (record, 5, "A-005", "2026-01-01T10:00:00.000000Z",
                              "2026-01-03T10:00:00.000000Z");

  copy = annex_record_copy (record);
  g_assert_true (ANNEX_IS_ACTION (copy));
  g_assert_true (copy != record);
  g_assert_cmpint (annex_record_get_id (copy), ==, 5);
  g_assert_cmpstr (annex_record_get_reference (copy), ==, "A-005");
  g_assert_cmpstr (annex_record_get_created (copy), ==, "2026-01-01T10:00:00.000000Z");
  g_assert_cmpstr (annex_record_get_updated (copy), ==, "2026-01-03T10:00:00.000000Z");

  json = annex_record_to_json (record);
  copy_json = annex_record_to_json (copy);
  g_assert_cmpstr (json, ==, copy_json);

  /* Independent values. */
  annex_action_set_title (ANNEX_ACTION (copy), "Something else");
  g_assert_cmpstr (annex_action_get_title (action), ==, "Renew certificate");
}

static void
test_load_values (void)
{
  g_autoptr(TestThing) thing = g_object_new (TEST_TYPE_THING, NULL);
  GValue values[G_N_ELEMENTS (thing_fields)] = { G_VALUE_INIT };
  guint n_notify = 0;

  g_signal_connect (thing, "notify", G_CALLBACK (annex_test_count_cb), &n_notify);

  g_value_init (&values[THING_NAME], G_TYPE_STRING);
  g_value_set_string (&values[THING_NAME], "Loaded");
  g_value_init (&values[THING_NOTES], G_TYPE_STRING);
  g_value_set_string (&values[THING_NOTES], "");
  g_value_init (&values[THING_REVIEW_DATE], G_TYPE_STRING);
  g_value_init (&values[THING_KIND], G_TYPE_STRING);
  g_value_set_static_string (&values[THING_KIND], "beta-release");
  g_value_init (&values[THING_SCORE], G_TYPE_INT64);
  g_value_set_int64 (&values[THING_SCORE], 99);
  g_value_init (&values[THING_ACTIVE], G_TYPE_BOOLEAN);
  g_value_init (&values[THING_SECRET], G_TYPE_STRING);

  _annex_record_load_values (ANNEX_RECORD (thing), values);

  g_assert_cmpuint (n_notify, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_false (G_IS_VALUE (&values[i]));

  g_assert_cmpstr (annex_record_get_string (ANNEX_RECORD (thing), "name"), ==, "Loaded");
  g_assert_null (annex_record_get_string (ANNEX_RECORD (thing), "notes"));
  g_assert_cmpstr (annex_record_get_string (ANNEX_RECORD (thing), "kind"), ==, "beta-release");
  g_assert_cmpint (annex_record_get_int (ANNEX_RECORD (thing), "score"), ==, 99);
  g_assert_cmpint (annex_record_get_int (ANNEX_RECORD (thing), "active"), ==, 0);
}

static void
test_action_overdue (void)
{
  g_autoptr(AnnexAction) action = annex_action_new ();
  AnnexRecord *record = ANNEX_RECORD (action);
  guint n_overdue = 0;

  g_signal_connect (action, "notify::overdue", G_CALLBACK (annex_test_count_cb), &n_overdue);

  annex_action_set_title (action, "Close audit finding");
  g_assert_false (annex_action_is_overdue_on (action, "2026-03-10"));  /* no due date */
  g_assert_false (annex_action_get_overdue (action));

  annex_record_set_string (record, "due-date", "2026-03-09");
  g_assert_cmpuint (n_overdue, ==, 1);
  g_assert_true (annex_action_is_overdue_on (action, "2026-03-10"));
  g_assert_false (annex_action_is_overdue_on (action, "2026-03-09"));  /* due today: not yet */
  g_assert_false (annex_action_is_overdue_on (action, "2026-01-01"));
  g_assert_true (annex_action_is_overdue_on (action, "2027-01-01"));

  annex_record_set_string (record, "status", "in-progress");
  g_assert_cmpuint (n_overdue, ==, 2);
  g_assert_true (annex_action_is_overdue_on (action, "2026-03-10"));

  annex_record_set_string (record, "status", "cancelled");
  g_assert_false (annex_action_is_overdue_on (action, "2026-03-10"));
  annex_record_set_string (record, "status", "done");
  g_assert_false (annex_action_is_overdue_on (action, "2026-03-10"));

  /* The property follows the real date: a due date far in the past or future. */
  annex_record_set_string (record, "status", "open");
  annex_record_set_string (record, "due-date", "2000-01-01");
  g_assert_true (annex_action_get_overdue (action));
  annex_record_set_string (record, "due-date", "9999-12-31");
  {
    gboolean overdue = TRUE;

    g_object_get (action, "overdue", &overdue, NULL);
    g_assert_false (overdue);
  }

  /* An invalid due date is never overdue. */
  annex_record_set_string (record, "due-date", "soon");
  g_assert_false (annex_action_is_overdue_on (action, "2026-03-10"));
}

static void
test_action_completed_on (void)
{
  g_autoptr(AnnexAction) action = annex_action_new ();
  g_autoptr(AnnexAction) other = annex_action_new ();
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *status_label = NULL;
  g_autofree char *origin_label = NULL;
  guint n_status_label = 0;
  guint n_completed = 0;

  g_signal_connect (action, "notify::status-label", G_CALLBACK (annex_test_count_cb),
                    &n_status_label);
  g_signal_connect (action, "notify::completed-on", G_CALLBACK (annex_test_count_cb), &n_completed);

  g_object_get (action, "status-label", &status_label, "origin-label", &origin_label, NULL);
  g_assert_cmpstr (status_label, ==, "Open");
  g_assert_cmpstr (origin_label, ==, "Other");
  g_clear_pointer (&status_label, g_free);

  annex_record_set_string (ANNEX_RECORD (action), "status", "in-progress");
  g_assert_cmpuint (n_status_label, ==, 1);
  g_assert_null (annex_record_get_string (ANNEX_RECORD (action), "completed-on"));
  g_object_get (action, "status-label", &status_label, NULL);
  g_assert_cmpstr (status_label, ==, "In progress");

  /* Done with no completion date: today. Check "today" on both sides of the call, in case the
   * test runs across midnight. */
  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  annex_record_set_string (ANNEX_RECORD (action), "status", "done");
  g_assert_cmpuint (n_completed, ==, 1);
  if (g_strcmp0 (annex_record_get_string (ANNEX_RECORD (action), "completed-on"), today) != 0)
    {
      g_autoptr(GDateTime) later = g_date_time_new_now_local ();
      g_autofree char *later_today = g_date_time_format (later, "%Y-%m-%d");

      g_assert_cmpstr (annex_record_get_string (ANNEX_RECORD (action), "completed-on"), ==,
                       later_today);
    }

  /* Reopening keeps the date; an explicit date is never overwritten. */
  annex_record_set_string (ANNEX_RECORD (action), "status", "open");
  g_assert_nonnull (annex_record_get_string (ANNEX_RECORD (action), "completed-on"));

  annex_record_set_string (ANNEX_RECORD (other), "completed-on", "2025-12-24");
  annex_record_set_string (ANNEX_RECORD (other), "status", "done");
  g_assert_cmpstr (annex_record_get_string (ANNEX_RECORD (other), "completed-on"), ==,
                   "2025-12-24");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annex/record/properties", test_properties);
  g_test_add_func ("/annex/record/defaults", test_defaults);
  g_test_add_func ("/annex/record/notify", test_notify);
  g_test_add_func ("/annex/record/empty-is-null", test_empty_is_null);
  g_test_add_func ("/annex/record/validate", test_validate);
  g_test_add_func ("/annex/record/field-helpers", test_field_helpers);
  g_test_add_func ("/annex/record/json", test_json);
  g_test_add_func ("/annex/record/matches", test_matches);
  g_test_add_func ("/annex/record/copy", test_copy);
  g_test_add_func ("/annex/record/load-values", test_load_values);
  g_test_add_func ("/annex/action/overdue", test_action_overdue);
  g_test_add_func ("/annex/action/completed-on", test_action_completed_on);

  return g_test_run ();
}
