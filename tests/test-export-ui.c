/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export-ui.c: the Export dialog (the formats offered per report, the suggested file name,
 * exporting to a path with the file chooser bypassed) and the CSV import dialog (guessed
 * mapping, a bad row marked and the import refused, a good file imported into the register)
 * under a virtual display. */

#define G_LOG_DOMAIN "test-export-ui"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "annex-csv-import-dialog.h"
#include "annex-export-dialog.h"
#include "annex-risk.h"
#include "annex-register.h"
#include "annex-store-error.h"
#include "annex-test-ui-util.h"
#include "annex-test-util.h"

static gboolean has_display;

typedef struct
{
  char          *dir;
  AnnexDatabase *db;
  AnnexRegister *risks;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (!has_display)
    return;

  f->dir = annex_test_make_tmpdir ();
  path = g_build_filename (f->dir, "export.isms", NULL);
  f->db = annex_database_create (path, "Test organization", &error);
  g_assert_no_error (error);

  f->risks = annex_register_new (f->db, ANNEX_TYPE_RISK);
  annex_register_load (f->risks, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (!has_display)
    return;

  g_assert_finalize_object (f->risks);
  annex_database_close (f->db);
  g_assert_finalize_object (f->db);
  annex_test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  if (annex_export_dialog_export_to_path_finish (ANNEX_EXPORT_DIALOG (source), result, error))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "ok");
}

/* Exports with the dialog's choice to @path; NULL error for a success. */
static GError *
export_to (AnnexExportDialog *dialog,
           const char        *path)
{
  GError *error = NULL;

  annex_export_dialog_export_to_path_async (dialog, path, NULL, on_exported_cb, &error);
  ANNEX_TEST_WAIT_UNTIL (error != NULL);
  g_assert_nonnull (error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS) &&
      g_str_equal (error->message, "ok"))
    g_clear_error (&error);

  return error;
}

static void
test_formats (Fixture       *f,
              gconstpointer  data)
{
  AnnexReportFormat formats[4];
  AnnexReportKind kind;
  g_autofree char *argument = NULL;
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (!annex_test_require_display (has_display))
    return;

  /* The spelling of reports. */
  g_assert_true (annex_export_parse_report ("audit:IA-2026-01", &kind, &argument));
  g_assert_cmpint (kind, ==, ANNEX_REPORT_AUDIT);
  g_assert_cmpstr (argument, ==, "IA-2026-01");
  g_assert_false (annex_export_parse_report ("audit", &kind, NULL));
  g_assert_false (annex_export_parse_report ("soa:x", &kind, NULL));
  g_assert_false (annex_export_parse_report ("bogus", &kind, NULL));
  g_assert_false (annex_export_parse_report (NULL, &kind, NULL));

  name = annex_export_suggest_file_name ("ACME / Süd", "Statement of Applicability",
                                         "2026-11-28", ANNEX_REPORT_FORMAT_PDF);
  g_assert_cmpstr (name, ==, "ACME - Süd – Statement of Applicability – 2026-11-28.pdf");

  dialog = annex_export_dialog_new (NULL, f->db);
  g_object_ref_sink (dialog);
  annex_export_dialog_add_report (ANNEX_EXPORT_DIALOG (dialog), "soa", NULL);
  annex_export_dialog_add_report (ANNEX_EXPORT_DIALOG (dialog), "risks", NULL);
  annex_export_dialog_add_report (ANNEX_EXPORT_DIALOG (dialog), "review:MR-2026-01", NULL);
  annex_export_dialog_add_report (ANNEX_EXPORT_DIALOG (dialog), "risks", NULL);  /* once */

  /* The SoA: every format, OSCAL included. */
  g_assert_cmpstr (annex_export_dialog_get_report (ANNEX_EXPORT_DIALOG (dialog)), ==, "soa");
  g_assert_cmpuint (annex_export_dialog_get_formats (ANNEX_EXPORT_DIALOG (dialog), formats), ==,
                    4);
  g_assert_cmpint (formats[0], ==, ANNEX_REPORT_FORMAT_PDF);
  g_assert_cmpint (formats[1], ==, ANNEX_REPORT_FORMAT_XLSX);
  g_assert_cmpint (formats[2], ==, ANNEX_REPORT_FORMAT_CSV);
  g_assert_cmpint (formats[3], ==, ANNEX_REPORT_FORMAT_OSCAL);
  g_assert_true (annex_export_dialog_set_format (ANNEX_EXPORT_DIALOG (dialog),
                                                 ANNEX_REPORT_FORMAT_OSCAL));

  /* The risks: no OSCAL; the chosen format falls back to PDF. */
  g_assert_true (annex_export_dialog_set_report (ANNEX_EXPORT_DIALOG (dialog), "risks"));
  g_assert_cmpuint (annex_export_dialog_get_formats (ANNEX_EXPORT_DIALOG (dialog), formats), ==,
                    3);
  g_assert_cmpint (formats[2], ==, ANNEX_REPORT_FORMAT_CSV);
  g_assert_cmpint (annex_export_dialog_get_format (ANNEX_EXPORT_DIALOG (dialog)), ==,
                   ANNEX_REPORT_FORMAT_PDF);
  g_assert_false (annex_export_dialog_set_format (ANNEX_EXPORT_DIALOG (dialog),
                                                  ANNEX_REPORT_FORMAT_OSCAL));

  /* The minutes have no main table: no CSV. */
  g_assert_true (annex_export_dialog_set_report (ANNEX_EXPORT_DIALOG (dialog),
                                                 "review:MR-2026-01"));
  g_assert_cmpuint (annex_export_dialog_get_formats (ANNEX_EXPORT_DIALOG (dialog), formats), ==,
                    2);
  g_assert_false (annex_export_dialog_set_format (ANNEX_EXPORT_DIALOG (dialog),
                                                  ANNEX_REPORT_FORMAT_CSV));
  g_assert_false (annex_export_dialog_set_report (ANNEX_EXPORT_DIALOG (dialog), "context"));

  /* Back to the SoA, the format chosen there (OSCAL) comes back. The file name names the
   * organization, the report and the day, with the format's extension. */
  g_assert_true (annex_export_dialog_set_report (ANNEX_EXPORT_DIALOG (dialog), "soa"));
  g_assert_cmpint (annex_export_dialog_get_format (ANNEX_EXPORT_DIALOG (dialog)), ==,
                   ANNEX_REPORT_FORMAT_OSCAL);
  g_clear_pointer (&name, g_free);
  name = annex_export_dialog_dup_file_name (ANNEX_EXPORT_DIALOG (dialog));
  g_assert_true (g_str_has_prefix (name, "Test organization – Statement of Applicability – "));
  g_assert_true (g_str_has_suffix (name, ".json"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *pdf = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (!annex_test_require_display (has_display))
    return;

  pdf = g_build_filename (f->dir, "soa.pdf", NULL);
  csv = g_build_filename (f->dir, "actions.csv", NULL);
  json = g_build_filename (f->dir, "soa.json", NULL);
  bad = g_build_filename (f->dir, "no-such-folder", "soa.pdf", NULL);

  dialog = annex_export_dialog_new (NULL, f->db);
  g_object_ref_sink (dialog);
  annex_export_dialog_add_report (ANNEX_EXPORT_DIALOG (dialog), "soa", NULL);
  annex_export_dialog_add_report (ANNEX_EXPORT_DIALOG (dialog), "actions", NULL);

  /* The SoA as PDF, written on the worker. */
  error = export_to (ANNEX_EXPORT_DIALOG (dialog), pdf);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_clear_pointer (&contents, g_free);

  /* As OSCAL. */
  g_assert_true (annex_export_dialog_set_format (ANNEX_EXPORT_DIALOG (dialog),
                                                 ANNEX_REPORT_FORMAT_OSCAL));
  error = export_to (ANNEX_EXPORT_DIALOG (dialog), json);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (json, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "component-definition"));
  g_clear_pointer (&contents, g_free);

  /* The action list as CSV: the header of column keys. */
  g_assert_true (annex_export_dialog_set_report (ANNEX_EXPORT_DIALOG (dialog), "actions"));
  g_assert_true (annex_export_dialog_set_format (ANNEX_EXPORT_DIALOG (dialog),
                                                 ANNEX_REPORT_FORMAT_CSV));
  error = export_to (ANNEX_EXPORT_DIALOG (dialog), csv);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "reference,"));

  /* A folder that does not exist: an error, no file. */
  g_assert_true (annex_export_dialog_set_report (ANNEX_EXPORT_DIALOG (dialog), "soa"));
  error = export_to (ANNEX_EXPORT_DIALOG (dialog), bad);
  g_assert_nonnull (error);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static void
on_imported_cb (AnnexCsvImportDialog *dialog,
                const char           *table,
                guint                 n,
                guint                *imported)
{
  g_assert_cmpstr (table, ==, "risks");
  *imported = n;
}

static GtkWidget *
new_import_dialog (Fixture    *f,
                   const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog = annex_csv_import_dialog_new (NULL, f->db);

  g_object_ref_sink (dialog);
  g_assert_true (annex_csv_import_dialog_load (ANNEX_CSV_IMPORT_DIALOG (dialog), "risks", bytes,
                                               "risks.csv", &error));
  g_assert_no_error (error);
  return dialog;
}

static void
test_csv_import (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *dialog;
  guint imported = 0;

  if (!annex_test_require_display (has_display))
    return;

  /* A bad level in the second data row (line 3 of the file). */
  dialog = new_import_dialog (f, "Title,Owner,Inherent likelihood\n"
                                 "Ransomware,Dana,2\n"
                                 "Lost laptop,Marc,Very hgh\n");
  g_assert_cmpstr (annex_csv_import_dialog_get_step (ANNEX_CSV_IMPORT_DIALOG (dialog)), ==,
                   "mapping");
  /* The mapping guessed from the header, shown in the rows. */
  g_assert_cmpint (annex_csv_import_dialog_get_mapping (ANNEX_CSV_IMPORT_DIALOG (dialog),
                                                        "title"), ==, 0);
  g_assert_cmpint (annex_csv_import_dialog_get_mapping (ANNEX_CSV_IMPORT_DIALOG (dialog),
                                                        "owner"), ==, 1);
  g_assert_cmpint (annex_csv_import_dialog_get_mapping (ANNEX_CSV_IMPORT_DIALOG (dialog),
                                                        "inherent-likelihood"), ==, 2);
  g_assert_cmpint (annex_csv_import_dialog_get_mapping (ANNEX_CSV_IMPORT_DIALOG (dialog),
                                                        "treatment"), ==, -1);

  annex_csv_import_dialog_show_preview (ANNEX_CSV_IMPORT_DIALOG (dialog));
  g_assert_cmpuint (annex_csv_import_dialog_get_n_problems (ANNEX_CSV_IMPORT_DIALOG (dialog)),
                    ==, 1);
  g_assert_null (annex_csv_import_dialog_get_row_problem (ANNEX_CSV_IMPORT_DIALOG (dialog), 0));
  g_assert_nonnull (strstr (annex_csv_import_dialog_get_row_problem (
                              ANNEX_CSV_IMPORT_DIALOG (dialog), 1), "Very hgh"));
  summary = annex_csv_import_dialog_dup_summary (ANNEX_CSV_IMPORT_DIALOG (dialog));
  g_assert_cmpstr (summary, ==, "1 problem — fix the file or change the mapping");
  g_assert_false (annex_csv_import_dialog_get_can_import (ANNEX_CSV_IMPORT_DIALOG (dialog)));

  /* Import is refused; nothing written. */
  g_assert_false (annex_csv_import_dialog_import (ANNEX_CSV_IMPORT_DIALOG (dialog), &error));
  g_assert_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Leaving the bad column out of the mapping removes the problem. */
  annex_csv_import_dialog_show_mapping (ANNEX_CSV_IMPORT_DIALOG (dialog));
  annex_csv_import_dialog_set_mapping (ANNEX_CSV_IMPORT_DIALOG (dialog), "inherent-likelihood",
                                       -1);
  g_assert_cmpint (annex_csv_import_get_mapping (
                     annex_csv_import_dialog_get_import (ANNEX_CSV_IMPORT_DIALOG (dialog)),
                     "inherent-likelihood"), ==, -1);
  annex_csv_import_dialog_show_preview (ANNEX_CSV_IMPORT_DIALOG (dialog));
  g_assert_cmpuint (annex_csv_import_dialog_get_n_problems (ANNEX_CSV_IMPORT_DIALOG (dialog)),
                    ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  annex_test_iterate_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->risks)), ==, 0);

  /* A good file (semicolons, a BOM) imports; the register reloads and shows the rows. */
  dialog = new_import_dialog (f, "\xEF\xBB\xBFTitle;Owner;Inherent likelihood\r\n"
                                 "Ransomware;Dana;2\r\n"
                                 "Lost laptop;Marc;4\r\n");
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &imported);
  annex_csv_import_dialog_show_preview (ANNEX_CSV_IMPORT_DIALOG (dialog));
  g_clear_pointer (&summary, g_free);
  summary = annex_csv_import_dialog_dup_summary (ANNEX_CSV_IMPORT_DIALOG (dialog));
  g_assert_cmpstr (summary, ==, "2 rows ready to import");
  g_assert_true (annex_csv_import_dialog_get_can_import (ANNEX_CSV_IMPORT_DIALOG (dialog)));
  g_assert_true (annex_csv_import_dialog_import (ANNEX_CSV_IMPORT_DIALOG (dialog), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imported, ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  ANNEX_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (f->risks)) == 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->risks)), ==, 2);

  g_clear_pointer (&summary, g_free);
  summary = annex_csv_import_format_done ("risks", 40);
  g_assert_cmpstr (summary, ==, "Imported 40 risks");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  has_display = gtk_init_check ();
  if (has_display)
    adw_init ();

  g_test_add ("/annex/export-ui/formats", Fixture, NULL, fixture_set_up, test_formats,
              fixture_tear_down);
  g_test_add ("/annex/export-ui/export", Fixture, NULL, fixture_set_up, test_export,
              fixture_tear_down);
  g_test_add ("/annex/export-ui/csv-import", Fixture, NULL, fixture_set_up, test_csv_import,
              fixture_tear_down);

  return g_test_run ();
}
