/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv-import.c: the CSV import: the reader (BOM, separators, quoting), the mapping guessed
 * from the header and set by hand, the conversions (labels in English and German, the SoA's
 * reasons column, the writers' formula guard undone), that every refusal writes nothing, and
 * round trips: a register exported as CSV imports into an empty workspace as it was. */

#define G_LOG_DOMAIN "test-csv-import"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "annex-asset.h"
#include "annex-control.h"
#include "annex-csv-import.h"
#include "annex-database.h"
#include "annex-issue.h"
#include "annex-party.h"
#include "annex-register.h"
#include "annex-report.h"
#include "annex-risk.h"
#include "annex-store-error.h"
#include "annex-test-model-util.h"
#include "annex-test-util.h"

typedef AnnexTestWorkspace Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  annex_test_workspace_init (fixture, "csv.isms", "Acme");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  annex_test_workspace_clear (fixture);
}

static AnnexCsvImport *
new_import (Fixture    *fixture,
            const char *table,
            const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  AnnexCsvImport *import = annex_csv_import_new (fixture->db, table, bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static gint64
count (Fixture    *fixture,
       const char *table)
{
  g_autoptr(GError) error = NULL;
  gint64 n = annex_database_count_rows (fixture->db, table, &error);

  g_assert_no_error (error);
  return n;
}

/* Runs an import that must fail, and checks nothing was written. */
static char *
run_refused (Fixture        *fixture,
             AnnexCsvImport *import,
             const char     *table)
{
  g_autoptr(GError) error = NULL;
  gint64 before = count (fixture, table);
  guint n = 99;

  g_assert_false (annex_csv_import_run (import, &n, &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (count (fixture, table), ==, before);
  return g_strdup (error->message);
}

static void
test_reader (Fixture       *fixture,
             gconstpointer  data)
{
  /* BOM, semicolons, CRLF, a quoted separator, doubled quotes and a line break in quotes. */
  g_autoptr(AnnexCsvImport) import =
    new_import (fixture, "issues",
                "\xEF\xBB\xBFTitle;Kind;Description\r\n"
                "\"Supplier; outage\";internal;\"Line one\r\nline \"\"two\"\"\"\r\n"
                "Regulation;External;\r\n"
                "\r\n"
                "Short row\n");
  const char * const *columns = annex_csv_import_get_columns (import);

  g_assert_cmpstrv (columns, ((const char * const[]) { "Title", "Kind", "Description", NULL }));
  g_assert_cmpuint (annex_csv_import_get_n_rows (import), ==, 3);
  g_assert_cmpstr (annex_csv_import_get_cell (import, 0, 0), ==, "Supplier; outage");
  g_assert_cmpstr (annex_csv_import_get_cell (import, 0, 2), ==, "Line one\r\nline \"two\"");
  g_assert_cmpstr (annex_csv_import_get_cell (import, 1, 1), ==, "External");
  g_assert_cmpstr (annex_csv_import_get_cell (import, 2, 0), ==, "Short row");
  g_assert_cmpstr (annex_csv_import_get_cell (import, 2, 2), ==, "");
  g_assert_cmpstr (annex_csv_import_get_cell (import, 9, 9), ==, "");
}

static void
test_reader_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct { const char *text; gsize len; const char *table; } cases[] = {
    { "Title\n\"never closed\n", 0, "issues" },
    { "Title\n\xff\xfe bad\n", 0, "issues" },
    { "", 0, "issues" },
    { "\n\n", 0, "issues" },
    { "Title\n", 0, "actions" },
    { "Title\nA\0B\n", 10, "issues" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len = cases[i].len > 0 ? cases[i].len : strlen (cases[i].text);
      g_autoptr(GBytes) bytes = g_bytes_new (cases[i].text, len);
      g_autoptr(GError) error = NULL;
      g_autoptr(AnnexCsvImport) import = NULL;

      import = annex_csv_import_new (fixture->db, cases[i].table, bytes, &error);
      g_assert_null (import);
      g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
      g_test_message ("%u: %s", i, error->message);
    }

  /* The unterminated quote names its row. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("Title\nok\n\"open\n", 15);
    g_autoptr(GError) error = NULL;
    g_autoptr(AnnexCsvImport) import = annex_csv_import_new (fixture->db, "issues", bytes,
                                                             &error);

    g_assert_null (import);
    g_assert_nonnull (strstr (error->message, "Row 3"));
  }

  /* More than 200 columns. */
  {
    g_autoptr(GString) text = g_string_new (NULL);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(AnnexCsvImport) import = NULL;

    for (guint i = 0; i < 201; i++)
      g_string_append_printf (text, "c%u,", i);
    g_string_append (text, "last\n");
    bytes = g_bytes_new (text->str, text->len);
    import = annex_csv_import_new (fixture->db, "issues", bytes, &error);
    g_assert_null (import);
    g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  }
}

static void
test_mapping (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(AnnexCsvImport) import =
    new_import (fixture, "risks",
                "RISK TITLE,inherent_likelihood,Inherent Impact:,owner,Notes\n"
                "Phishing,2,major,Dana,x\n");
  g_autoptr(GError) error = NULL;

  /* "RISK TITLE" is not "title"; the others match by name or label, case and punctuation
   * ignored. */
  g_assert_cmpint (annex_csv_import_get_mapping (import, "title"), ==, -1);
  g_assert_cmpint (annex_csv_import_get_mapping (import, "inherent-likelihood"), ==, 1);
  g_assert_cmpint (annex_csv_import_get_mapping (import, "inherent-impact"), ==, 2);
  g_assert_cmpint (annex_csv_import_get_mapping (import, "owner"), ==, 3);
  g_assert_true (annex_csv_import_field_is_required (import, "title"));
  g_assert_cmpstr (annex_csv_import_get_field_label (import, "title"), ==, "Title");

  /* Without a title column the import is refused before any row. */
  {
    g_autoptr(GArray) problems = annex_csv_import_check (import, 0);

    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_cmpuint (g_array_index (problems, AnnexCsvProblem, 0).row, ==, 0);
  }

  g_assert_true (annex_csv_import_parse_mapping (import, "title=RISK TITLE", &error));
  g_assert_no_error (error);
  g_assert_cmpint (annex_csv_import_get_mapping (import, "title"), ==, 0);
  g_assert_true (annex_csv_import_parse_mapping (import, "owner=", &error));
  g_assert_cmpint (annex_csv_import_get_mapping (import, "owner"), ==, -1);
  g_assert_true (annex_csv_import_parse_mapping (import, "Owner=4", &error));
  g_assert_cmpint (annex_csv_import_get_mapping (import, "owner"), ==, 3);

  g_assert_false (annex_csv_import_parse_mapping (import, "colour=1", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (annex_csv_import_parse_mapping (import, "title=9", &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (annex_csv_import_parse_mapping (import, "title", &error));
  g_clear_error (&error);
  g_assert_false (annex_csv_import_set_mapping (import, "title", 5, &error));
  g_clear_error (&error);

  {
    g_autoptr(AnnexRegister) risks = NULL;
    AnnexRecord *risk;
    guint n = 0;

    g_assert_true (annex_csv_import_run (import, &n, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 1);

    risks = annex_test_load_register (fixture->db, ANNEX_TYPE_RISK);
    risk = annex_test_list_get_item (G_LIST_MODEL (risks), 0);
    g_assert_cmpstr (annex_record_get_string (risk, "title"), ==, "Phishing");
    g_assert_cmpint (annex_record_get_int (risk, "inherent-likelihood"), ==, 2);
    /* "Major" is level 4 of the default 5 × 5 impact scale. */
    g_assert_cmpint (annex_record_get_int (risk, "inherent-impact"), ==, 4);
    g_assert_cmpstr (annex_record_get_string (risk, "owner"), ==, "Dana");
  }
}

static void
test_conversions (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(AnnexCsvImport) import =
    new_import (fixture, "issues",
                "title,kind,category,climate,status,last reviewed,description\n"
                "Cloud move,Internal,,yes,Monitored,2026-03-01,\"'=SUM(A1)\"\n"
                "Energy law,external,,0,current,,\n");
  g_autoptr(AnnexRegister) issues = NULL;
  g_autoptr(GError) error = NULL;
  AnnexRecord *issue;
  guint n = 0;

  g_assert_true (annex_csv_import_run (import, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  issues = annex_test_load_register (fixture->db, ANNEX_TYPE_ISSUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (issues)), ==, 2);
  issue = annex_test_list_get_item (G_LIST_MODEL (issues), 0);
  g_assert_cmpstr (annex_record_get_string (issue, "kind"), ==, "internal");
  g_assert_cmpstr (annex_record_get_string (issue, "status"), ==, "monitored");
  g_assert_cmpstr (annex_record_get_string (issue, "last-reviewed"), ==, "2026-03-01");
  /* The spreadsheet writers' formula guard is undone. */
  g_assert_cmpstr (annex_record_get_string (issue, "description"), ==, "=SUM(A1)");
  {
    gboolean climate = FALSE;

    g_object_get (issue, "climate", &climate, NULL);
    g_assert_true (climate);
  }
}

/* Each bad value is a problem with its row; the import writes nothing. */
static void
test_problems (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AnnexCsvImport) import =
    new_import (fixture, "risks",
                "title,inherent likelihood,next review,treatment\n"
                "Good,1,2026-01-01,Modify (reduce)\n"
                ",2,,\n"
                "Bad level,Very hgh,,\n"
                "Bad date,1,2026-02-30,\n"
                "Bad choice,1,,maybe\n"
                "Out of range,9,,\n");
  g_autoptr(GArray) problems = annex_csv_import_check (import, 0);
  g_autoptr(GArray) preview = annex_csv_import_check (import, 3);
  g_autofree char *message = NULL;
  const guint rows[] = { 3, 4, 5, 6, 7 };

  for (guint i = 0; i < problems->len; i++)
    {
      const AnnexCsvProblem *problem = &g_array_index (problems, AnnexCsvProblem, i);

      g_test_message ("row %u: %s", problem->row, problem->message);
    }
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (rows));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_cmpuint (g_array_index (problems, AnnexCsvProblem, i).row, ==, rows[i]);
  g_assert_nonnull (strstr (g_array_index (problems, AnnexCsvProblem, 1).message, "Very hgh"));
  g_assert_cmpstr (g_array_index (problems, AnnexCsvProblem, 1).field, ==,
                   "inherent-likelihood");
  /* The preview checks only the first rows. */
  g_assert_cmpuint (preview->len, ==, 2);

  message = run_refused (fixture, import, "risks");
  g_assert_nonnull (strstr (message, "Row 3:"));
  g_assert_nonnull (strstr (message, "Row 7:"));
  g_assert_cmpint (count (fixture, "risks"), ==, 0);
}

static void
test_many_problems (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("name,type\n");
  g_autoptr(AnnexCsvImport) import = NULL;
  g_autofree char *message = NULL;

  for (guint i = 0; i < 30; i++)
    g_string_append_printf (text, "Asset %u,spaceship\n", i);
  import = new_import (fixture, "assets", text->str);
  message = run_refused (fixture, import, "assets");
  g_assert_nonnull (strstr (message, "Row 21:"));
  g_assert_null (strstr (message, "Row 22:"));
  g_assert_nonnull (strstr (message, "and 10 more problems"));
}

static void
test_controls (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AnnexCsvImport) import = NULL;
  g_autoptr(AnnexCsvImport) bad = NULL;
  g_autoptr(AnnexCsvImport) twice = NULL;
  g_autoptr(AnnexRegister) controls = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AnnexRecord *control;
  guint n = 0;

  /* Unknown reference: nothing is updated, not even the good row. */
  bad = new_import (fixture, "controls",
                    "Reference,Applicability,Status\n"
                    "5.1,Applicable,implemented\n"
                    "9.99,excluded,\n");
  message = run_refused (fixture, bad, "controls");
  g_assert_nonnull (strstr (message, "Row 3: Unknown control “9.99”"));
  controls = annex_test_load_register (fixture->db, ANNEX_TYPE_CONTROL);
  control = annex_test_list_get_item (G_LIST_MODEL (controls), 0);
  g_assert_cmpstr (annex_record_get_reference (control), ==, "5.1");
  g_assert_cmpstr (annex_control_get_applicability (ANNEX_CONTROL (control)), ==, "undecided");
  g_clear_object (&controls);

  twice = new_import (fixture, "controls", "id,status\n5.1,planned\nA.5.1,planned\n");
  g_clear_pointer (&message, g_free);
  message = run_refused (fixture, twice, "controls");
  g_assert_nonnull (strstr (message, "twice"));

  import = new_import (fixture, "controls",
                       "Reference;Applicability;Risk treatment;Implementation status;Owner;"
                       "Justification for exclusion\n"
                       "5.1;applicable;x;Partially implemented;CISO;\n"
                       "A.7.4;Excluded;;;;\"No premises; all remote\"\n");
  g_assert_true (annex_csv_import_run (import, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (count (fixture, "controls"), ==, 93);

  controls = annex_test_load_register (fixture->db, ANNEX_TYPE_CONTROL);
  control = annex_test_list_get_item (G_LIST_MODEL (controls), 0);
  g_assert_cmpstr (annex_control_get_applicability (ANNEX_CONTROL (control)), ==, "applicable");
  g_assert_cmpstr (annex_control_get_status (ANNEX_CONTROL (control)), ==, "partial");
  g_assert_cmpstr (annex_record_get_string (control, "owner"), ==, "CISO");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controls)); i++)
    {
      control = annex_test_list_get_item (G_LIST_MODEL (controls), i);
      if (g_strcmp0 (annex_record_get_reference (control), "7.4") == 0)
        break;
    }
  g_assert_cmpstr (annex_control_get_applicability (ANNEX_CONTROL (control)), ==, "excluded");
  g_assert_cmpstr (annex_record_get_string (control, "justification"), ==,
                   "No premises; all remote");
}

/* The seed corpus: every valid sample imports, every malformed one is refused untouched. */
static void
test_corpus (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "csv", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GBytes) bytes = annex_test_read_file (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(AnnexCsvImport) import = NULL;
      g_auto(GStrv) parts = g_strsplit (name, "-", 3);
      const char *table = parts[1];
      gint64 before;
      gboolean ok;

      if (!g_str_has_suffix (name, ".csv"))
        continue;
      n_files++;
      before = count (fixture, table);
      import = annex_csv_import_new (fixture->db, table, bytes, &error);
      ok = import != NULL && annex_csv_import_run (import, NULL, &error);
      g_test_message ("%s: %s", name, ok ? "imported" : error->message);
      if (g_str_has_prefix (name, "valid-"))
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
          g_assert_cmpint (count (fixture, table), ==, before);
        }
    }
  g_assert_cmpuint (n_files, >=, 6);
}

/* ---- Spreadsheet neutralization ------------------------------------------------------------ */

/* What annex_report_neutralize_cell() added is dropped on import: exactly one apostrophe, and
 * only before an apostrophe run that ends in '=', '+', '-', '@', tab or carriage return. */
static void
test_neutralized (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct
  {
    const char *title;
    const char *description;
    const char *source;
  } expected[] = {
    { "-1", "=SUM(A1)", "+44 20" },
    { "@team", "\tindented", "'quoted'" },
    { "'=x", "'", "it's" },
    /* A neutralized one-line cell is the value exactly: its leading tab stays. */
    { "\tTabbed", "''", "-" },
    { "Plain", "'Hello", "''-2" },
  };
  g_autoptr(AnnexCsvImport) import =
    new_import (fixture, "issues",
                "title,description,source\r\n"
                "'-1,'=SUM(A1),'+44 20\r\n"
                "'@team,\"'\tindented\",'quoted'\r\n"
                "''=x,',it's\r\n"
                "\"'\tTabbed\",'','-\r\n"
                "Plain,'Hello,'''-2\r\n");
  g_autoptr(AnnexRegister) issues = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (annex_csv_import_run (import, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));

  issues = annex_test_load_register (fixture->db, ANNEX_TYPE_ISSUE);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      AnnexRecord *issue = annex_test_list_get_item (G_LIST_MODEL (issues), i);

      g_assert_cmpstr (annex_record_get_string (issue, "title"), ==, expected[i].title);
      g_assert_cmpstr (annex_record_get_string (issue, "description"), ==,
                       expected[i].description);
      g_assert_cmpstr (annex_record_get_string (issue, "source"), ==, expected[i].source);
    }

  /* And what the writer makes of each value reads back as that value. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(AnnexCsvImport) again = NULL;
      g_autofree char *title = annex_report_neutralize_cell (expected[i].title);
      g_autofree char *source = annex_report_neutralize_cell (expected[i].source);
      g_autofree char *text = g_strdup_printf ("reference,title,source\n5.1,\"%s\",\"%s\"\n",
                                               title, source);

      again = new_import (fixture, "controls", text);
      g_assert_cmpstr (annex_csv_import_get_cell (again, 0, 1), ==, title);
      /* Owner is a one-line field of controls: read back exactly. */
      g_assert_true (annex_csv_import_parse_mapping (again, "owner=title", &error));
      g_assert_no_error (error);
      g_assert_true (annex_csv_import_parse_mapping (again, "implementation-notes=source",
                                                     &error));
      g_assert_true (annex_csv_import_run (again, NULL, &error));
      g_assert_no_error (error);
      {
        g_autoptr(AnnexRegister) controls =
            annex_test_load_register (fixture->db, ANNEX_TYPE_CONTROL);
        AnnexRecord *control = annex_test_list_get_item (G_LIST_MODEL (controls), 0);

        g_assert_cmpstr (annex_record_get_reference (control), ==, "5.1");
        g_assert_cmpstr (annex_record_get_string (control, "owner"), ==, expected[i].title);
        g_assert_cmpstr (annex_record_get_string (control, "implementation-notes"), ==,
                         expected[i].source);
      }
    }
}

/* ---- The SoA's combined reasons column ----------------------------------------------------- */

/* The five reason flags of control @reference as a string of 0 and 1: risk, legal,
 * contractual, business, best practice. */
static char *
dup_reason_flags (Fixture    *fixture,
                  const char *reference)
{
  static const char * const names[] = {
    "reason-risk", "reason-legal", "reason-contractual", "reason-business",
    "reason-best-practice",
  };
  g_autoptr(AnnexRegister) controls = annex_test_load_register (fixture->db, ANNEX_TYPE_CONTROL);
  AnnexRecord *control = annex_test_find_record (controls, reference);
  GString *flags = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gboolean set = FALSE;

      g_object_get (control, names[i], &set, NULL);
      g_string_append_c (flags, set ? '1' : '0');
    }

  return g_string_free (flags, FALSE);
}

#define assert_reasons(fixture, reference, expected) \
  G_STMT_START { \
    g_autofree char *flags_ = dup_reason_flags (fixture, reference); \
    g_assert_cmpstr (flags_, ==, expected); \
  } G_STMT_END

static void
test_reasons (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  /* Labels, field names with or without "reason-", commas or semicolons, any case. */
  {
    g_autoptr(AnnexCsvImport) import =
      new_import (fixture, "controls",
                  "Control,Applicability,Reasons for inclusion\n"
                  "5.1,Applicable,\"Risk treatment, Best practice\"\n"
                  "5.2,applicable,legal;reason-contractual\n"
                  "5.3,applicable,BUSINESS REQUIREMENT\n"
                  "5.4,applicable,\"Risk treatment, Legal or regulatory, Contractual, "
                  "Business requirement, Best practice\"\n"
                  "5.5,undecided,\n");

    g_assert_cmpint (annex_csv_import_get_mapping (import, "reasons"), ==, 2);
    g_assert_cmpint (annex_csv_import_get_mapping (import, "reason-risk"), ==, -1);
    g_assert_cmpstr (annex_csv_import_get_field_label (import, "reasons"), ==,
                     "Reasons for inclusion");
    g_assert_false (annex_csv_import_field_is_required (import, "reasons"));
    g_assert_true (g_strv_contains (annex_csv_import_get_fields (import), "reasons"));
    g_assert_true (annex_csv_import_run (import, &n, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 5);
  }
  assert_reasons (fixture, "5.1", "10001");
  assert_reasons (fixture, "5.2", "01100");
  assert_reasons (fixture, "5.3", "00010");
  assert_reasons (fixture, "5.4", "11111");
  assert_reasons (fixture, "5.5", "00000");

  /* An unknown reason is a problem of its row, named; nothing is written. */
  {
    g_autoptr(AnnexCsvImport) import =
      new_import (fixture, "controls",
                  "reference,reasons\n"
                  "5.1,\n"
                  "5.2,\"Risk treatment, Gut feeling\"\n");
    g_autoptr(GArray) problems = annex_csv_import_check (import, 0);
    g_autofree char *message = NULL;

    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_cmpuint (g_array_index (problems, AnnexCsvProblem, 0).row, ==, 3);
    g_assert_cmpstr (g_array_index (problems, AnnexCsvProblem, 0).field, ==, "reasons");
    g_assert_nonnull (strstr (g_array_index (problems, AnnexCsvProblem, 0).message,
                              "“Gut feeling”"));
    message = run_refused (fixture, import, "controls");
    g_assert_nonnull (strstr (message, "Row 3:"));
  }
  assert_reasons (fixture, "5.1", "10001");

  /* Both kinds mapped: a reason-* cell that says something wins; an empty one leaves the flag
   * to the reasons column, which as a whole lists the reasons (empty: none). */
  {
    g_autoptr(AnnexCsvImport) import =
      new_import (fixture, "controls",
                  "reference;reasons;reason-risk;reason-legal\n"
                  "5.1;Risk treatment, Legal or regulatory;No;\n"
                  "5.2;Best practice;Yes;\n"
                  "5.3;;;\n"
                  "5.4;;;yes\n");

    g_assert_cmpint (annex_csv_import_get_mapping (import, "reasons"), ==, 1);
    g_assert_cmpint (annex_csv_import_get_mapping (import, "reason-risk"), ==, 2);
    g_assert_true (annex_csv_import_run (import, &n, &error));
    g_assert_no_error (error);
  }
  assert_reasons (fixture, "5.1", "01000");
  assert_reasons (fixture, "5.2", "10001");
  assert_reasons (fixture, "5.3", "00000");
  assert_reasons (fixture, "5.4", "01000");

  /* Mapped by hand on the command line's syntax. */
  {
    g_autoptr(AnnexCsvImport) import =
      new_import (fixture, "controls", "id,Why\n5.5,contractual\n");

    g_assert_cmpint (annex_csv_import_get_mapping (import, "reasons"), ==, -1);
    g_assert_true (annex_csv_import_parse_mapping (import, "Reasons for inclusion=Why",
                                                   &error));
    g_assert_no_error (error);
    g_assert_true (annex_csv_import_run (import, &n, &error));
    g_assert_no_error (error);
  }
  assert_reasons (fixture, "5.5", "00100");
}

/* A control is updated: an empty text or date cell empties the field, so that a value removed
 * from an exported SoA goes on the way back; an empty choice or yes/no cell changes nothing. */
static void
test_controls_cleared (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(AnnexCsvImport) import =
      new_import (fixture, "controls",
                  "reference,applicability,reason-risk,status,owner,target-date,"
                  "implementation-notes\n"
                  "5.1,applicable,yes,planned,Dana,2026-09-30,\"Notes, kept\"\n");

    g_assert_true (annex_csv_import_run (import, NULL, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(AnnexCsvImport) import =
      new_import (fixture, "controls",
                  "reference,applicability,reason-risk,status,owner,target-date,"
                  "implementation-notes\n"
                  "5.1,,,,,,\n");
    g_autoptr(AnnexRegister) controls = NULL;
    AnnexRecord *control;

    g_assert_true (annex_csv_import_run (import, NULL, &error));
    g_assert_no_error (error);

    controls = annex_test_load_register (fixture->db, ANNEX_TYPE_CONTROL);
    control = annex_test_find_record (controls, "5.1");
    g_assert_cmpstr (annex_control_get_applicability (ANNEX_CONTROL (control)), ==, "applicable");
    g_assert_cmpstr (annex_control_get_status (ANNEX_CONTROL (control)), ==, "planned");
    g_assert_null (annex_record_get_string (control, "owner"));
    g_assert_null (annex_record_get_string (control, "target-date"));
    g_assert_null (annex_record_get_string (control, "implementation-notes"));
  }
  assert_reasons (fixture, "5.1", "10000");
}

/* Choices and bools by value or English label, any case. */
static void
test_labels (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(AnnexCsvImport) assets =
    new_import (fixture, "assets",
                "name,type,classification,confidentiality,integrity,availability\n"
                "Staff,Personnel,Confidential,HIGH,medium,Low\n"
                "Vendor,supplier,secret,high,Medium,low\n");
  g_autoptr(AnnexCsvImport) parties =
    new_import (fixture, "parties",
                "name,category,relevance\n"
                "Authority,Regulators and authorities,High\n"
                "Bank,owners,low\n");
  g_autoptr(AnnexCsvImport) issues =
    new_import (fixture, "issues",
                "title,kind,category,climate,status\n"
                "A,External,Legal and regulatory,Yes,Monitored\n"
                "B,internal,processes,No,closed\n"
                "C,Internal,Processes and information systems,TRUE,current\n");
  g_autoptr(AnnexRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  AnnexRecord *record;
  gboolean climate = TRUE;

  g_assert_true (annex_csv_import_run (assets, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (annex_csv_import_run (parties, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (annex_csv_import_run (issues, NULL, &error));
  g_assert_no_error (error);

  reg = annex_test_load_register (fixture->db, ANNEX_TYPE_ASSET);
  record = annex_test_list_get_item (G_LIST_MODEL (reg), 0);
  g_assert_cmpstr (annex_record_get_string (record, "type"), ==, "people");
  g_assert_cmpstr (annex_record_get_string (record, "classification"), ==, "confidential");
  g_assert_cmpstr (annex_record_get_string (record, "confidentiality"), ==, "high");
  g_assert_cmpstr (annex_record_get_string (record, "availability"), ==, "low");
  g_clear_object (&reg);

  reg = annex_test_load_register (fixture->db, ANNEX_TYPE_PARTY);
  record = annex_test_list_get_item (G_LIST_MODEL (reg), 0);
  g_assert_cmpstr (annex_record_get_string (record, "category"), ==, "regulators");
  g_assert_cmpstr (annex_record_get_string (record, "relevance"), ==, "high");
  g_clear_object (&reg);

  reg = annex_test_load_register (fixture->db, ANNEX_TYPE_ISSUE);
  record = annex_test_list_get_item (G_LIST_MODEL (reg), 0);
  g_assert_cmpstr (annex_record_get_string (record, "kind"), ==, "external");
  g_assert_cmpstr (annex_record_get_string (record, "category"), ==, "legal");
  g_assert_cmpstr (annex_record_get_string (record, "status"), ==, "monitored");
  record = annex_test_list_get_item (G_LIST_MODEL (reg), 1);
  g_assert_cmpstr (annex_record_get_string (record, "kind"), ==, "internal");
  g_assert_cmpstr (annex_record_get_string (record, "category"), ==, "processes");
  g_assert_cmpstr (annex_record_get_string (record, "status"), ==, "closed");
  g_object_get (record, "climate", &climate, NULL);
  g_assert_false (climate);
  record = annex_test_list_get_item (G_LIST_MODEL (reg), 2);
  g_assert_cmpstr (annex_record_get_string (record, "category"), ==, "processes");
  g_object_get (record, "climate", &climate, NULL);
  g_assert_true (climate);
}

/* ---- Round trips: export → import into an empty workspace → export ------------------------- */

static void
fill_risks (AnnexDatabase *db)
{
  g_autoptr(AnnexRegister) risks = annex_register_new (db, ANNEX_TYPE_RISK);
  g_autoptr(AnnexRecord) phishing = NULL;
  g_autoptr(AnnexRecord) accepted = NULL;
  g_autoptr(AnnexRecord) bare = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (annex_register_load (risks, &error));
  phishing = annex_register_new_record (risks);
  accepted = annex_register_new_record (risks);
  bare = annex_register_new_record (risks);

  g_object_set (phishing, "title", "Phishing, \"spear\" and whaling",
                "description", "Line one\nline two\r\nline three",
                "threat", "=cmd|' /C calc'!A0", "vulnerability", "-",
                "owner", "Zoë Ågren", "category", "@people", "treatment", "modify",
                "next-review", "2027-01-31", "status", "assessed", NULL);
  annex_risk_set_inherent (ANNEX_RISK (phishing), 4, 5);
  annex_risk_set_residual (ANNEX_RISK (phishing), 2, 3);
  annex_test_add_record (risks, phishing);

  g_object_set (accepted, "title", "'=already quoted", "owner", "+44 20 7946 0000",
                "treatment", "retain", "accepted-by", "Board; CEO", "accepted-on", "2026-01-01",
                "accepted-until", "2099-12-31", "next-review", "2026-07-01",
                "status", "accepted", NULL);
  annex_risk_set_inherent (ANNEX_RISK (accepted), 1, 1);
  annex_risk_set_residual (ANNEX_RISK (accepted), 1, 1);
  annex_test_add_record (risks, accepted);

  g_object_set (bare, "title", "日本語のリスク", NULL);
  annex_test_add_record (risks, bare);
}

static void
fill_assets (AnnexDatabase *db)
{
  g_autoptr(AnnexRegister) assets = annex_register_new (db, ANNEX_TYPE_ASSET);
  g_autoptr(AnnexRecord) database = NULL;
  g_autoptr(AnnexRecord) laptop = NULL;
  g_autoptr(AnnexRecord) admin = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (annex_register_load (assets, &error));
  database = annex_register_new_record (assets);
  laptop = annex_register_new_record (assets);
  admin = annex_register_new_record (assets);

  g_object_set (database, "name", "Customer DB, primary", "type", "software", "owner", "-",
                "location", "Rack \"B\"", "classification", "confidential",
                "confidentiality", "high", "integrity", "medium", "availability", "low",
                "notes", "=1+1\nsecond line", NULL);
  annex_test_add_record (assets, database);
  g_object_set (laptop, "name", "Laptop – Zoë", "type", "people", NULL);
  annex_test_add_record (assets, laptop);
  g_object_set (admin, "name", "@admin", "type", "supplier", "notes", "'quoted'", NULL);
  annex_test_add_record (assets, admin);
}

static void
fill_issues (AnnexDatabase *db)
{
  g_autoptr(AnnexRegister) issues = annex_register_new (db, ANNEX_TYPE_ISSUE);
  g_autoptr(AnnexRecord) law = NULL;
  g_autoptr(AnnexRecord) bare = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (annex_register_load (issues, &error));
  law = annex_register_new_record (issues);
  bare = annex_register_new_record (issues);

  g_object_set (law, "title", "Energy law, 2026", "kind", "internal", "category", "processes",
                "climate", TRUE, "description", "Multi\nline \"text\"", "effect", "-20% budget",
                "source", "+ news", "status", "monitored", "last-reviewed", "2026-03-01", NULL);
  annex_test_add_record (issues, law);
  g_object_set (bare, "title", "Ünïcödé ✓", NULL);
  annex_test_add_record (issues, bare);
}

static void
fill_parties (AnnexDatabase *db)
{
  g_autoptr(AnnexRegister) parties = annex_register_new (db, ANNEX_TYPE_PARTY);
  g_autoptr(AnnexRecord) regulator = NULL;
  g_autoptr(AnnexRecord) customers = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (annex_register_load (parties, &error));
  regulator = annex_register_new_record (parties);
  customers = annex_register_new_record (parties);

  g_object_set (regulator, "name", "Regulator \"BSI\"", "category", "regulators",
                "needs", "=Compliance\nreports", "relevance", "high", "notes", "@legal, -",
                NULL);
  annex_test_add_record (parties, regulator);
  g_object_set (customers, "name", "Kunden; B2B", "category", "customers", "relevance", "low",
                NULL);
  annex_test_add_record (parties, customers);
}

static void
fill_controls (AnnexDatabase *db)
{
  g_autoptr(AnnexRegister) controls = annex_register_new (db, ANNEX_TYPE_CONTROL);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  AnnexRecord *control;

  g_assert_true (annex_register_load (controls, &error));

  control = annex_test_find_record (controls, "5.1");
  g_object_set (control, "applicability", "applicable", "reason-risk", TRUE,
                "reason-legal", TRUE, "status", "implemented", "owner", "Dana Lee",
                "implementation-notes", "Policy set, approved \"v2\"",
                "evidence", "POL-01\nPOL-02", "target-date", "2026-09-30",
                "last-reviewed", "2026-01-15", NULL);
  g_ptr_array_add (changed, control);
  control = annex_test_find_record (controls, "5.2");
  g_object_set (control, "applicability", "applicable", "reason-risk", TRUE,
                "reason-legal", TRUE, "reason-contractual", TRUE, "reason-business", TRUE,
                "reason-best-practice", TRUE, "status", "partial", "owner", "-",
                "implementation-notes", "=B1", NULL);
  g_ptr_array_add (changed, control);
  control = annex_test_find_record (controls, "7.5");
  g_object_set (control, "applicability", "excluded",
                "justification", "No premises; all \"remote\"\nsecond line", NULL);
  g_ptr_array_add (changed, control);
  control = annex_test_find_record (controls, "8.1");
  g_object_set (control, "applicability", "applicable", "reason-business", TRUE,
                "status", "planned", "owner", "Zoë", "evidence", "@wiki", NULL);
  g_ptr_array_add (changed, control);
  control = annex_test_find_record (controls, "6.3");
  g_object_set (control, "applicability", "applicable", "reason-best-practice", TRUE,
                "implementation-notes", "'=x", NULL);
  g_ptr_array_add (changed, control);

  g_assert_true (annex_register_save_many (controls, changed, &error));
  g_assert_no_error (error);
}

static AnnexDatabase *
create_workspace (Fixture    *fixture,
                  const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->tmpdir, name, NULL);
  AnnexDatabase *db = annex_database_create (path, "Acme", &error);

  g_assert_no_error (error);
  return db;
}

static void
export_csv (AnnexDatabase   *db,
            AnnexReportKind  kind,
            const char      *argument,
            const char      *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (annex_report_export (db, kind, argument, ANNEX_REPORT_FORMAT_CSV, path,
                                      &error));
  g_assert_no_error (error);
}

static void
import_csv (AnnexDatabase *db,
            const char    *table,
            const char    *path,
            guint          n_expected)
{
  g_autoptr(GBytes) bytes = annex_test_read_file (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexCsvImport) import = annex_csv_import_new (db, table, bytes, &error);
  guint n = 0;

  g_assert_no_error (error);
  g_assert_true (annex_csv_import_run (import, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, n_expected);
}

/* Every record of @type in @a and @b has the same reference and the same value in every field
 * but those of @skip. */
static void
assert_same_records (AnnexDatabase      *a,
                     AnnexDatabase      *b,
                     GType               type,
                     const char * const *skip)
{
  g_autoptr(AnnexRegister) reg_a = annex_register_new (a, type);
  g_autoptr(AnnexRegister) reg_b = annex_register_new (b, type);
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autoptr(GError) error = NULL;
  const AnnexField *fields;
  guint n_fields = 0;
  guint n;

  g_assert_true (annex_register_load (reg_a, &error));
  g_assert_true (annex_register_load (reg_b, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (reg_a));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reg_b)), ==, n);
  fields = annex_record_class_get_fields (ANNEX_RECORD_CLASS (klass), &n_fields);

  for (guint i = 0; i < n; i++)
    {
      AnnexRecord *ra = annex_test_list_get_item (G_LIST_MODEL (reg_a), i);
      AnnexRecord *rb = annex_test_list_get_item (G_LIST_MODEL (reg_b), i);

      g_assert_cmpstr (annex_record_get_reference (ra), ==, annex_record_get_reference (rb));
      for (guint f = 0; f < n_fields; f++)
        {
          g_autofree char *va = NULL;
          g_autofree char *vb = NULL;

          if (skip != NULL && g_strv_contains (skip, fields[f].name))
            continue;
          va = g_strdup_value_contents (annex_record_get_value (ra, f));
          vb = g_strdup_value_contents (annex_record_get_value (rb, f));
          if (g_strcmp0 (va, vb) != 0)
            g_test_message ("%s %s: %s ≠ %s", annex_record_get_reference (ra),
                            fields[f].name, va, vb);
          g_assert_cmpstr (va, ==, vb);
        }
    }
}

typedef struct
{
  const char      *table;
  GType          (*get_type) (void);
  void           (*fill) (AnnexDatabase *db);
  AnnexReportKind  kind;
  const char      *argument;
  guint            n_rows;
  const char      *skip[5];  /* fields the export does not carry */
} RoundTrip;

static const RoundTrip round_trips[] = {
  { "risks", annex_risk_get_type, fill_risks, ANNEX_REPORT_REGISTER, "risks", 3, { NULL } },
  /* Levels by their labels in the risk method; no links in the fixture, so the assets and
   * controls columns are empty both times. */
  { "risks", annex_risk_get_type, fill_risks, ANNEX_REPORT_RISKS, NULL, 3,
    { "description", "threat", "vulnerability", "category", NULL } },
  { "assets", annex_asset_get_type, fill_assets, ANNEX_REPORT_REGISTER, "assets", 3, { NULL } },
  { "issues", annex_issue_get_type, fill_issues, ANNEX_REPORT_REGISTER, "issues", 2, { NULL } },
  { "issues", annex_issue_get_type, fill_issues, ANNEX_REPORT_CONTEXT, NULL, 2, { NULL } },
  { "parties", annex_party_get_type, fill_parties, ANNEX_REPORT_REGISTER, "parties", 2,
    { NULL } },
  { "controls", annex_control_get_type, fill_controls, ANNEX_REPORT_REGISTER, "controls", 93,
    { NULL } },
  { "controls", annex_control_get_type, fill_controls, ANNEX_REPORT_SOA, NULL, 93,
    { "target-date", "last-reviewed", NULL } },
};

/* @data: a RoundTrip. The fixture's workspace gets the records, its CSV is imported into a new
 * workspace (for controls, into its own Annex A), which exports the same bytes and holds the
 * same records. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  const RoundTrip *trip = data;
  g_autofree char *first = g_build_filename (fixture->tmpdir, "first.csv", NULL);
  g_autofree char *second = g_build_filename (fixture->tmpdir, "second.csv", NULL);
  g_autoptr(AnnexDatabase) copy = NULL;
  g_autoptr(GBytes) expected = NULL;

  trip->fill (fixture->db);
  export_csv (fixture->db, trip->kind, trip->argument, first);
  expected = annex_test_read_file (first);
  g_test_message ("%.*s", (int) MIN (g_bytes_get_size (expected), 2000),
                  (const char *) g_bytes_get_data (expected, NULL));

  copy = create_workspace (fixture, "copy.isms");
  import_csv (copy, trip->table, first, trip->n_rows);
  export_csv (copy, trip->kind, trip->argument, second);
  annex_test_assert_file_equals (second, expected);
  assert_same_records (fixture->db, copy, trip->get_type (), trip->skip);

  annex_database_close (copy);
}

/* ---- In another language ------------------------------------------------------------------- */

/* Switches the messages to German from the catalogue the build made (po/de/LC_MESSAGES);
 * FALSE when that is not possible here (no catalogue, or a "C" locale, where gettext never
 * translates). */
static gboolean
use_german (void)
{
  g_autofree char *po = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *mo = g_build_filename (po, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    return FALSE;

  bindtextdomain (GETTEXT_PACKAGE, po);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("LANGUAGE", "de", TRUE);
  /* Setting the locale again also drops what gettext cached in the previous language. */
  setlocale (LC_ALL, "");

  return g_strcmp0 (_("Yes"), "Ja") == 0;
}

static void
use_english (void)
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
  g_assert_cmpstr (_("Yes"), ==, "Yes");
}

/* Labels in the current language and in English are both read; what Annex exports in German
 * imports back in German. */
static void
test_translated (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *first = g_build_filename (fixture->tmpdir, "first.csv", NULL);
  g_autofree char *second = g_build_filename (fixture->tmpdir, "second.csv", NULL);
  g_autoptr(AnnexDatabase) copy = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;

  if (!use_german ())
    {
      use_english ();
      g_test_skip ("the German catalogue cannot be used here");
      return;
    }

  {
    g_autoptr(AnnexCsvImport) assets =
      new_import (fixture, "assets",
                  "Name;Typ;Klassifizierung;Vertraulichkeit\n"
                  "Staff;Personal;Vertraulich;Hoch\n"
                  "Vendor;Supplier;confidential;high\n");
    g_autoptr(AnnexCsvImport) issues =
      new_import (fixture, "issues",
                  "title,kind,category,climate,status\n"
                  "A,Intern,Prozesse und Informationssysteme,Ja,Beobachtet\n"
                  "B,Internal,Processes and information systems,Nein,monitored\n"
                  "C,Intern,processes,Yes,Monitored\n");
    g_autoptr(AnnexCsvImport) controls =
      new_import (fixture, "controls",
                  "reference,applicability,reasons,status\n"
                  "5.1,Anwendbar,\"Risikobehandlung, Bewährte Praxis\",Teilweise umgesetzt\n"
                  "5.2,Applicable,Legal or regulatory; Vertraglich,Partially implemented\n");
    g_autoptr(AnnexRegister) reg = NULL;
    AnnexRecord *record;

    g_assert_cmpint (annex_csv_import_get_mapping (assets, "type"), ==, 1);
    g_assert_cmpint (annex_csv_import_get_mapping (assets, "classification"), ==, 2);
    g_assert_true (annex_csv_import_run (assets, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (annex_csv_import_run (issues, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (annex_csv_import_run (controls, NULL, &error));
    g_assert_no_error (error);

    reg = annex_test_load_register (fixture->db, ANNEX_TYPE_ASSET);
    for (guint i = 0; i < 2; i++)
      {
        record = annex_test_list_get_item (G_LIST_MODEL (reg), i);
        g_assert_cmpstr (annex_record_get_string (record, "type"), ==,
                         i == 0 ? "people" : "supplier");
        g_assert_cmpstr (annex_record_get_string (record, "classification"), ==, "confidential");
        g_assert_cmpstr (annex_record_get_string (record, "confidentiality"), ==, "high");
      }
    g_clear_object (&reg);

    reg = annex_test_load_register (fixture->db, ANNEX_TYPE_ISSUE);
    for (guint i = 0; i < 3; i++)
      {
        gboolean climate = FALSE;

        record = annex_test_list_get_item (G_LIST_MODEL (reg), i);
        g_assert_cmpstr (annex_record_get_string (record, "kind"), ==, "internal");
        g_assert_cmpstr (annex_record_get_string (record, "category"), ==, "processes");
        g_assert_cmpstr (annex_record_get_string (record, "status"), ==, "monitored");
        g_object_get (record, "climate", &climate, NULL);
        g_assert_true (climate == (i != 1));
      }
    g_clear_object (&reg);
  }
  assert_reasons (fixture, "5.1", "10001");
  assert_reasons (fixture, "5.2", "01100");

  /* An unknown German value is refused with a German message. */
  {
    g_autoptr(AnnexCsvImport) bad = new_import (fixture, "issues", "title,climate\nX,Vielleicht\n");
    g_autofree char *message = run_refused (fixture, bad, "issues");

    g_assert_nonnull (strstr (message, "Vielleicht"));
  }

  /* The SoA and the issues exported in German import back as they were. */
  for (guint i = 0; i < G_N_ELEMENTS (round_trips); i++)
    {
      const RoundTrip *trip = &round_trips[i];

      if (trip->kind != ANNEX_REPORT_SOA &&
          !(trip->kind == ANNEX_REPORT_REGISTER && g_str_equal (trip->table, "issues")))
        continue;

      trip->fill (fixture->db);
      export_csv (fixture->db, trip->kind, trip->argument, first);
      g_clear_pointer (&expected, g_bytes_unref);
      expected = annex_test_read_file (first);
      g_assert_nonnull (g_strstr_len (g_bytes_get_data (expected, NULL),
                                      g_bytes_get_size (expected),
                                      trip->kind == ANNEX_REPORT_SOA
                                        ? ",Anwendbar,\"Risikobehandlung, Gesetzlich oder "
                                          "regulatorisch, Vertraglich, "
                                        : ",Ja,"));
      if (copy != NULL)
        annex_database_close (copy);
      g_clear_object (&copy);
      copy = create_workspace (fixture, trip->kind == ANNEX_REPORT_SOA ? "soa.isms"
                                                                         : "issues.isms");
      import_csv (copy, trip->table, first, (guint) count (fixture, trip->table));
      export_csv (copy, trip->kind, trip->argument, second);
      annex_test_assert_file_equals (second, expected);
      assert_same_records (fixture->db, copy, trip->get_type (), trip->skip);
    }
  annex_database_close (copy);

  use_english ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/annex/csv-import/reader", test_reader);
  ADD ("/annex/csv-import/reader-errors", test_reader_errors);
  ADD ("/annex/csv-import/mapping", test_mapping);
  ADD ("/annex/csv-import/conversions", test_conversions);
  ADD ("/annex/csv-import/problems", test_problems);
  ADD ("/annex/csv-import/many-problems", test_many_problems);
  ADD ("/annex/csv-import/controls", test_controls);
  ADD ("/annex/csv-import/corpus", test_corpus);
  ADD ("/annex/csv-import/neutralized", test_neutralized);
  ADD ("/annex/csv-import/reasons", test_reasons);
  ADD ("/annex/csv-import/labels", test_labels);
  ADD ("/annex/csv-import/controls-cleared", test_controls_cleared);

#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (round_trips); i++)
    {
      g_autofree char *path = NULL;

      path = g_strdup_printf ("/annex/csv-import/round-trip/%s-%s", round_trips[i].table,
                              annex_report_kind_to_nick (round_trips[i].kind));
      g_test_add (path, Fixture, &round_trips[i], fixture_set_up, test_round_trip,
                  fixture_tear_down);
    }

  /* Last: it switches the process's messages to German and back. */
  g_test_add ("/annex/csv-import/translated", Fixture, NULL, fixture_set_up, test_translated,
              fixture_tear_down);

  return g_test_run ();
}
