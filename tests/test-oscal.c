/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-oscal.c: OSCAL catalogs imported as control catalogues (the shared examples, re-import,
 * decisions and links on imported controls, hostile documents refused untouched), migration 8,
 * and the SoA exported as a component-definition checked against the schema's required keys. */

#define G_LOG_DOMAIN "test-oscal"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "annex-control-catalogue.h"
#include "annex-control.h"
#include "annex-database-private.h"
#include "annex-database.h"
#include "annex-links.h"
#include "annex-oscal.h"
#include "annex-register.h"
#include "annex-risk.h"
#include "annex-store-error.h"
#include "annex-test-model-util.h"
#include "annex-test-util.h"

typedef AnnexTestWorkspace Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  annex_test_workspace_init (fixture, "oscal.isms", "Acme");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  annex_test_workspace_clear (fixture);
}

static GBytes *
read_reference (const char *name)
{
  const char *shared = g_getenv ("ANNEX_SHARED_DIR");
  g_autofree char *path = g_build_filename (shared != NULL ? shared : "../shared", "reference",
                                            "oscal", name, NULL);

  return annex_test_read_file (path);
}

static guint
import_ok (Fixture *fixture,
           GBytes  *bytes,
           char   **out_title)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (annex_oscal_import_catalog (fixture->db, bytes, out_title, &n, &error));
  g_assert_no_error (error);
  return n;
}

static gint64
count (Fixture    *fixture,
       const char *table)
{
  return annex_database_count_rows (fixture->db, table, NULL);
}

static void
test_basic_catalog (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GBytes) bytes = read_reference ("basic-catalog.json");
  g_autoptr(AnnexRegister) controls = NULL;
  g_autoptr(AnnexRegister) catalogues = NULL;
  g_autofree char *title = NULL;
  AnnexRecord *control;
  AnnexRecord *catalogue;
  const char *description;
  AnnexControlFilter filter = ANNEX_CONTROL_FILTER_INIT;

  g_assert_cmpuint (import_ok (fixture, bytes, &title), ==, 4);
  g_assert_cmpstr (title, ==, "Sample Security Catalog *for Demonstration* and Testing");
  g_assert_cmpint (count (fixture, "controls"), ==, 93 + 4);
  g_assert_cmpint (count (fixture, "catalogues"), ==, 1);

  catalogues = annex_test_load_register (fixture->db, ANNEX_TYPE_CONTROL_CATALOGUE);
  catalogue = annex_test_list_get_item (G_LIST_MODEL (catalogues), 0);
  g_assert_cmpstr (annex_record_get_reference (catalogue), ==, "CAT-001");
  g_assert_cmpstr (annex_record_get_string (catalogue, "source"), ==,
                   "74c8ba1e-5cd4-4ad1-bbfd-d888e2f6c724");

  controls = annex_test_load_register (fixture->db, ANNEX_TYPE_CONTROL);
  control = annex_test_find_record (controls, "s1.1.1");
  g_assert_nonnull (control);
  g_assert_cmpstr (annex_control_get_display_title (ANNEX_CONTROL (control)), ==,
                   "Information security roles and responsibilities");
  g_assert_false (annex_control_is_annex_a (ANNEX_CONTROL (control)));
  g_assert_cmpint (annex_control_get_catalogue_id (ANNEX_CONTROL (control)), ==,
                   annex_record_get_id (catalogue));
  description = annex_record_get_string (control, "description");
  g_test_message ("%s", description);
  /* The statement with its parameter as an assignment or selection, then the guidance. */
  g_assert_nonnull (strstr (description, "All information security responsibilities"));
  g_assert_nonnull (strstr (description, "[Selection (one or more): initiating a device lock "
                                         "after [Assignment: a duration] of inactivity"));
  g_assert_null (strstr (description, "{{"));
  g_assert_nonnull (strstr (description, "Guidance:"));

  /* The catalogue filter. */
  filter.catalogue = annex_record_get_id (catalogue);
  g_assert_true (annex_control_matches_filter (ANNEX_CONTROL (control), &filter));
  filter.catalogue = ANNEX_CONTROL_CATALOGUE_ANNEX_A;
  g_assert_false (annex_control_matches_filter (ANNEX_CONTROL (control), &filter));
  g_assert_true (annex_control_matches_filter (
                   ANNEX_CONTROL (annex_test_find_record (controls, "5.1")), &filter));
  filter.catalogue = ANNEX_CONTROL_CATALOGUE_CUSTOM;
  g_assert_false (annex_control_matches_filter (ANNEX_CONTROL (control), &filter));
}

static void
test_nist_low (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GBytes) bytes =
    read_reference ("NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json");
  g_autoptr(AnnexRegister) controls = NULL;
  const char *description;

  g_assert_cmpuint (import_ok (fixture, bytes, NULL), ==, 149);
  g_assert_cmpint (count (fixture, "controls"), ==, 93 + 149);

  controls = annex_test_load_register (fixture->db, ANNEX_TYPE_CONTROL);
  g_assert_nonnull (annex_test_find_record (controls, "ac-2"));
  description = annex_record_get_string (annex_test_find_record (controls, "ac-1"), "description");
  g_test_message ("%s", description);
  g_assert_nonnull (strstr (description, "[Assignment: "));
  g_assert_null (strstr (description, "{{"));
}

/* Decisions on imported controls survive a re-import, which updates titles; the controls can be
 * linked from a risk. */
static void
test_reimport (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GBytes) bytes = read_reference ("basic-catalog.json");
  g_autoptr(AnnexRegister) controls = NULL;
  g_autoptr(AnnexRegister) risks = NULL;
  g_autoptr(AnnexRisk) risk = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) linked = NULL;
  g_autofree char *changed_text = NULL;
  g_autoptr(GBytes) changed = NULL;
  AnnexRecord *control;
  gint64 control_id;

  import_ok (fixture, bytes, NULL);
  controls = annex_test_load_register (fixture->db, ANNEX_TYPE_CONTROL);
  control = annex_test_find_record (controls, "s2.1.1");
  control_id = annex_record_get_id (control);
  annex_record_set_string (control, "applicability", "applicable");
  annex_record_set_string (control, "status", "planned");
  g_object_set (control, "reason-risk", TRUE, NULL);
  g_assert_true (annex_register_save (controls, control, &error));
  g_assert_no_error (error);

  risks = annex_test_load_register (fixture->db, ANNEX_TYPE_RISK);
  risk = annex_risk_new ();
  annex_record_set_string (ANNEX_RECORD (risk), "title", "Unauthorized access");
  g_assert_true (annex_register_add (risks, ANNEX_RECORD (risk), &error));
  g_assert_no_error (error);
  g_assert_true (annex_links_add (fixture->db, "risks", annex_record_get_id (ANNEX_RECORD (risk)),
                                  "controls", control_id, &error));
  g_assert_no_error (error);
  g_clear_object (&controls);

  /* The same catalogue (same uuid), a title changed. */
  changed_text = g_strdup (g_bytes_get_data (bytes, NULL));
  {
    char *at = strstr (changed_text, "\"Access control policy\"");

    g_assert_nonnull (at);
    memcpy (at, "\"Access control POLICY\"", strlen ("\"Access control POLICY\""));
  }
  changed = g_bytes_new (changed_text, g_bytes_get_size (bytes));
  g_assert_cmpuint (import_ok (fixture, changed, NULL), ==, 4);
  g_assert_cmpint (count (fixture, "controls"), ==, 97);
  g_assert_cmpint (count (fixture, "catalogues"), ==, 1);

  controls = annex_test_load_register (fixture->db, ANNEX_TYPE_CONTROL);
  control = annex_test_find_record (controls, "s2.1.1");
  g_assert_cmpint (annex_record_get_id (control), ==, control_id);
  g_assert_cmpstr (annex_record_get_string (control, "title"), ==, "Access control POLICY");
  g_assert_cmpstr (annex_control_get_applicability (ANNEX_CONTROL (control)), ==, "applicable");
  g_assert_cmpstr (annex_control_get_status (ANNEX_CONTROL (control)), ==, "planned");

  linked = annex_links_dup_targets (fixture->db, "risks",
                                    annex_record_get_id (ANNEX_RECORD (risk)), "controls",
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpuint (linked->len, ==, 1);
  g_assert_cmpint (g_array_index (linked, gint64, 0), ==, control_id);

  /* Imported controls are Annex's to set: the user cannot move one to another catalogue. */
  annex_record_set_int (control, "catalogue-id", 0);
  g_assert_false (annex_register_save (controls, control, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
}

/* A different catalogue whose ids are taken is refused as a whole. */
static void
test_clash (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GBytes) bytes = read_reference ("basic-catalog.json");
  static const char other[] =
    "{\"catalog\":{\"uuid\":\"00000000-0000-4000-8000-000000000001\","
    "\"metadata\":{\"title\":\"Other\",\"version\":\"1\"},"
    "\"controls\":[{\"id\":\"new-1\",\"title\":\"New\"},{\"id\":\"s1.1.1\",\"title\":\"Taken\"}]}}";
  static const char annex_a[] =
    "{\"catalog\":{\"metadata\":{\"title\":\"Clash\"},"
    "\"controls\":[{\"id\":\"5.1\",\"title\":\"Taken\"}]}}";
  g_autoptr(GBytes) other_bytes = g_bytes_new_static (other, strlen (other));
  g_autoptr(GBytes) annex_a_bytes = g_bytes_new_static (annex_a, strlen (annex_a));
  g_autoptr(GError) error = NULL;
  gint64 n_changes;

  import_ok (fixture, bytes, NULL);
  n_changes = annex_database_count_rows (fixture->db, "controls", NULL);

  g_assert_false (annex_oscal_import_catalog (fixture->db, other_bytes, NULL, NULL, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "s1.1.1"));
  g_clear_error (&error);
  g_assert_false (annex_oscal_import_catalog (fixture->db, annex_a_bytes, NULL, NULL, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“5.1”"));
  g_assert_cmpint (count (fixture, "controls"), ==, n_changes);
  g_assert_cmpint (count (fixture, "catalogues"), ==, 1);
}

static char *
nested_groups (guint depth)
{
  GString *text = g_string_new ("{\"catalog\":{\"metadata\":{\"title\":\"Deep\"}");

  for (guint i = 0; i < depth; i++)
    g_string_append_printf (text, ",\"groups\":[{\"title\":\"G%u\"", i);
  g_string_append (text, ",\"controls\":[{\"id\":\"c-1\",\"title\":\"C\"}]");
  for (guint i = 0; i < depth; i++)
    g_string_append (text, "}]");
  g_string_append (text, "}}");
  return g_string_free (text, FALSE);
}

static void
test_hostile (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *deep = nested_groups (33);
  g_autofree char *not_deep = nested_groups (30);
  g_autofree char *long_title = NULL;
  g_autofree char *very_deep = NULL;
  g_autoptr(GString) many = g_string_new ("{\"catalog\":{\"metadata\":{\"title\":\"Many\"},"
                                          "\"controls\":[");
  g_autoptr(GBytes) good = NULL;
  const char *cases[] = {
    "not json at all",
    "[1, 2, 3]",
    "{\"profile\":{\"metadata\":{\"title\":\"P\"}}}",
    "{\"catalog\":[]}",
    "{\"catalog\":{\"controls\":[]}}",
    "{\"catalog\":{\"metadata\":{\"title\":42},\"controls\":[]}}",
    "{\"catalog\":{\"metadata\":{\"title\":\"T\"},\"controls\":{}}}",
    "{\"catalog\":{\"metadata\":{\"title\":\"T\"},\"controls\":[1]}}",
    "{\"catalog\":{\"metadata\":{\"title\":\"T\"},\"controls\":[{\"title\":\"No id\"}]}}",
    "{\"catalog\":{\"metadata\":{\"title\":\"T\"},\"controls\":[{\"id\":\"x-1\"}]}}",
    "{\"catalog\":{\"metadata\":{\"title\":\"T\"},\"controls\":[{\"id\":7,\"title\":\"N\"}]}}",
    "{\"catalog\":{\"metadata\":{\"title\":\"T\"},\"controls\":[{\"id\":\"x-1\",\"title\":\"A\"},"
    "{\"id\":\"x-1\",\"title\":\"B\"}]}}",
    "{\"catalog\":{\"metadata\":{\"title\":\"T\"},\"controls\":[{\"id\":\"x 1\",\"title\":\"A\"}]}}",
    "{\"catalog\":{\"metadata\":{\"title\":\"T\"},\"controls\":[{\"id\":\"x-1\",\"title\":\"A\","
    "\"parts\":[{\"prose\":\"no name\"}]}]}}",
    "{\"catalog\":{\"metadata\":{\"title\":\"T\"},\"groups\":[{\"id\":\"g\"}]}}",
    "{\"catalog\":{\"metadata\":{\"title\":\"T\"}}}",
    "{\"catalog\":{\"metadata\":{\"title\":\"T\"},\"controls\":[{\"id\":\"x-1\",\"title\":\"A\"",
    "",
    NULL,  /* deep */
    NULL,  /* long title */
    NULL,  /* many */
    NULL,  /* very deep raw JSON */
  };
  gint64 n_controls = count (fixture, "controls");
  gint64 n_catalogues = count (fixture, "catalogues");
  guint n = G_N_ELEMENTS (cases);

  long_title = g_strdup_printf ("{\"catalog\":{\"metadata\":{\"title\":\"T\"},\"controls\":"
                                "[{\"id\":\"x-1\",\"title\":\"%0*d\"}]}}", 70 * 1024, 0);
  for (guint i = 0; i <= 20000; i++)
    g_string_append_printf (many, "%s{\"id\":\"m-%u\",\"title\":\"M\"}", i > 0 ? "," : "", i);
  g_string_append (many, "]}}");
  very_deep = g_strnfill (100000, '[');

  cases[n - 4] = deep;
  cases[n - 3] = long_title;
  cases[n - 2] = many->str;
  cases[n - 1] = very_deep;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i], strlen (cases[i]));
      g_autoptr(GError) error = NULL;
      g_autofree char *title = NULL;
      guint n_imported = 7;

      g_assert_false (annex_oscal_import_catalog (fixture->db, bytes, &title, &n_imported,
                                                  &error));
      g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
      g_test_message ("%u: %.200s", i, error->message);
      g_assert_null (title);
      g_assert_cmpuint (n_imported, ==, 0);
      g_assert_cmpint (count (fixture, "controls"), ==, n_controls);
      g_assert_cmpint (count (fixture, "catalogues"), ==, n_catalogues);
    }

  /* 30 levels are fine. */
  good = g_bytes_new_static (not_deep, strlen (not_deep));
  g_assert_cmpuint (import_ok (fixture, good, NULL), ==, 1);
}

/* The seed corpus: valid samples import, malformed ones are refused untouched. */
static void
test_corpus (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "oscal", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GBytes) bytes = annex_test_read_file (path);
      g_autoptr(GError) error = NULL;
      gint64 before = count (fixture, "controls");
      gboolean ok;

      n_files++;
      ok = annex_oscal_import_catalog (fixture->db, bytes, NULL, NULL, &error);
      g_test_message ("%s: %s", name, ok ? "imported" : error->message);
      if (g_str_has_prefix (name, "valid-"))
        {
          g_assert_no_error (error);
        }
      else
        {
          g_assert_false (ok);
          g_assert_cmpint (count (fixture, "controls"), ==, before);
        }
    }
  g_assert_cmpuint (n_files, >=, 4);
}

/* ---- Export ------------------------------------------------------------------------------ */

/* The schema definition whose "$id" ends with "_@name" (e.g. "implemented-requirement"). */
static JsonObject *
find_definition (JsonObject *definitions,
                 const char *assembly)
{
  g_autoptr(GList) members = json_object_get_members (definitions);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonObject *definition = json_object_get_object_member (definitions, l->data);
      const char *id = json_object_get_string_member_with_default (definition, "$id", "");

      if (g_str_has_suffix (id, assembly))
        return definition;
    }

  g_error ("no definition %s", assembly);
  return NULL;
}

/* Every key of the definition's "required" array is a member of @object. */
static void
check_required (JsonObject *definitions,
                const char *assembly,
                JsonObject *object)
{
  JsonObject *definition = find_definition (definitions, assembly);
  JsonArray *required = json_object_get_array_member (definition, "required");

  g_assert_nonnull (required);
  for (guint i = 0; i < json_array_get_length (required); i++)
    {
      const char *key = json_array_get_string_element (required, i);

      if (!json_object_has_member (object, key))
        g_error ("%s lacks the required “%s”", assembly, key);
    }
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GBytes) catalog = read_reference ("basic-catalog.json");
  g_autoptr(AnnexRegister) controls = NULL;
  g_autoptr(JsonParser) schema = json_parser_new ();
  g_autoptr(JsonParser) output = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *schema_path = NULL;
  g_autofree char *out_path = g_build_filename (fixture->tmpdir, "soa.json", NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  const char *shared = g_getenv ("ANNEX_SHARED_DIR");
  const char * const applicable[] = { "5.1", "8.24", "s1.1.2" };
  JsonObject *definitions;
  JsonObject *definition;
  JsonObject *metadata;
  JsonArray *components;
  JsonArray *implementations;
  guint n_requirements = 0;

  import_ok (fixture, catalog, NULL);
  controls = annex_test_load_register (fixture->db, ANNEX_TYPE_CONTROL);
  for (guint i = 0; i < G_N_ELEMENTS (applicable); i++)
    {
      AnnexRecord *control = annex_test_find_record (controls, applicable[i]);

      annex_record_set_string (control, "applicability", "applicable");
      annex_record_set_string (control, "implementation-notes", "Line one\nline two");
      g_object_set (control, "reason-legal", TRUE, NULL);
      g_assert_true (annex_register_save (controls, control, &error));
      g_assert_no_error (error);
    }
  {
    AnnexRecord *control = annex_test_find_record (controls, "7.4");

    annex_record_set_string (control, "applicability", "excluded");
    annex_record_set_string (control, "justification", "No premises");
    g_assert_true (annex_register_save (controls, control, &error));
  }

  g_assert_true (annex_oscal_export_soa (fixture->db, out_path, &error));
  g_assert_no_error (error);

  schema_path = g_build_filename (shared != NULL ? shared : "../shared", "reference", "oscal",
                                  "schema-1.0.6", "oscal_component_schema.json", NULL);
  g_assert_true (json_parser_load_from_file (schema, schema_path, &error));
  g_assert_true (json_parser_load_from_file (output, out_path, &error));
  g_assert_no_error (error);
  definitions = json_object_get_object_member (json_node_get_object (json_parser_get_root (schema)),
                                               "definitions");

  definition = json_node_get_object (json_parser_get_root (output));
  g_assert_cmpuint (json_object_get_size (definition), ==, 1);
  definition = json_object_get_object_member (definition, "component-definition");
  check_required (definitions, "_component-definition", definition);
  metadata = json_object_get_object_member (definition, "metadata");
  check_required (definitions, "oscal-metadata_metadata", metadata);
  g_assert_cmpstr (json_object_get_string_member (metadata, "oscal-version"), ==, "1.0.6");
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (definition, "uuid")));

  components = json_object_get_array_member (definition, "components");
  g_assert_cmpuint (json_array_get_length (components), ==, 1);
  check_required (definitions, "_defined-component",
                  json_array_get_object_element (components, 0));
  implementations = json_object_get_array_member (json_array_get_object_element (components, 0),
                                                  "control-implementations");
  for (guint i = 0; i < json_array_get_length (implementations); i++)
    {
      JsonObject *implementation = json_array_get_object_element (implementations, i);
      JsonArray *requirements = json_object_get_array_member (implementation,
                                                              "implemented-requirements");

      check_required (definitions, "_control-implementation", implementation);
      if (json_object_has_member (implementation, "props"))
        {
          JsonArray *props = json_object_get_array_member (implementation, "props");

          for (guint p = 0; p < json_array_get_length (props); p++)
            check_required (definitions, "oscal-metadata_property",
                            json_array_get_object_element (props, p));
        }
      for (guint r = 0; r < json_array_get_length (requirements); r++)
        {
          JsonObject *requirement = json_array_get_object_element (requirements, r);
          JsonArray *props = json_object_get_array_member (requirement, "props");

          check_required (definitions, "_implemented-requirement", requirement);
          g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (requirement,
                                                                                "uuid")));
          for (guint p = 0; p < json_array_get_length (props); p++)
            check_required (definitions, "oscal-metadata_property",
                            json_array_get_object_element (props, p));
          g_hash_table_add (ids, (gpointer) json_object_get_string_member (requirement,
                                                                           "control-id"));
          n_requirements++;
        }
    }

  /* One implemented requirement per applicable control; Annex A ids in OSCAL style. */
  g_assert_cmpuint (n_requirements, ==, G_N_ELEMENTS (applicable));
  g_assert_true (g_hash_table_contains (ids, "a.5.1"));
  g_assert_true (g_hash_table_contains (ids, "a.8.24"));
  g_assert_true (g_hash_table_contains (ids, "s1.1.2"));
}

/* ---- Migration ---------------------------------------------------------------------------- */

/* A workspace of format 7 keeps its controls and decisions and gains the catalogues. */
static void
test_migrate_from_7 (void)
{
  g_autofree char *dir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v7.isms", NULL);
  g_autofree char *bak_path = g_strconcat (path, ".before-v7.bak", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexRegister) controls = NULL;
  g_autoptr(GBytes) catalog = read_reference ("basic-catalog.json");
  AnnexDatabase *db;
  sqlite3 *handle = NULL;
  AnnexRecord *control;

  g_assert_true (_annex_database_create_at_version (path, "Acme", 7, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "UPDATE controls SET applicability = 'excluded', "
                                 "justification = 'Keep me' WHERE reference = '7.4';"
                                 "INSERT INTO controls (reference, created, updated, title) "
                                 "VALUES ('ORG-1', '2025-01-01', '2025-01-01', 'Own')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  db = annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (annex_database_get_schema_version (db), ==,
                   annex_database_get_latest_version ());
  g_assert_true (g_file_test (bak_path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (annex_database_count_rows (db, "controls", NULL), ==, 94);
  g_assert_cmpint (annex_database_count_rows (db, "catalogues", NULL), ==, 0);

  controls = annex_test_load_register (db, ANNEX_TYPE_CONTROL);
  control = annex_test_find_record (controls, "7.4");
  g_assert_cmpstr (annex_control_get_applicability (ANNEX_CONTROL (control)), ==, "excluded");
  g_assert_cmpstr (annex_record_get_string (control, "justification"), ==, "Keep me");
  g_assert_cmpint (annex_control_get_catalogue_id (ANNEX_CONTROL (control)), ==, 0);
  control = annex_test_find_record (controls, "ORG-1");
  g_assert_nonnull (control);
  g_assert_cmpint (annex_control_get_catalogue_id (ANNEX_CONTROL (control)), ==, 0);
  /* Saving an old row (NULL-free: the column's default) changes nothing else. */
  annex_record_set_string (control, "owner", "Dana");
  g_assert_true (annex_register_save (controls, control, &error));
  g_assert_no_error (error);
  g_clear_object (&controls);

  g_assert_true (annex_oscal_import_catalog (db, catalog, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (annex_database_count_rows (db, "controls", NULL), ==, 98);

  annex_database_close (db);
  g_object_unref (db);
  annex_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/annex/oscal/basic-catalog", test_basic_catalog);
  ADD ("/annex/oscal/nist-low", test_nist_low);
  ADD ("/annex/oscal/reimport", test_reimport);
  ADD ("/annex/oscal/clash", test_clash);
  ADD ("/annex/oscal/hostile", test_hostile);
  ADD ("/annex/oscal/corpus", test_corpus);
  ADD ("/annex/oscal/export", test_export);

#undef ADD

  g_test_add_func ("/annex/oscal/migrate-from-7", test_migrate_from_7);

  return g_test_run ();
}
