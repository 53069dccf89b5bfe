/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-csv-import-dialog.h: importing a register from a CSV file in two steps: the mapping
 * (which column holds which field, guessed from the header) and a preview of the rows with
 * their problems; Import stays disabled while any row has one, and imports all or nothing. */

#pragma once

#include <adwaita.h>

#include "annex-csv-import.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_CSV_IMPORT_DIALOG (annex_csv_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnnexCsvImportDialog, annex_csv_import_dialog, ANNEX, CSV_IMPORT_DIALOG,
                      AdwWindow)

/* The registers a CSV file can be imported into, NULL-terminated ("risks", "assets", "issues",
 * "parties", "controls"), and their names as the dialog shows them. */
const char * const *annex_csv_import_dialog_get_tables (void);
const char         *annex_csv_import_dialog_table_label (const char *table);
/* The toast after an import: "Imported 40 risks", "Updated 12 controls". */
char               *annex_csv_import_format_done        (const char *table,
                                                         guint       n);
/* The preview's summary: "3 problems — fix the file or change the mapping", or "40 rows ready
 * to import". */
char               *annex_csv_import_format_summary     (guint       n_problems,
                                                         guint       n_rows);

/* Properties: "database" (construct-only). Signal "imported" (const char *table, guint n): the
 * rows were imported; the dialog then closes, and its parent (an AnnexWindow) shows a toast. */

/* Asks for a CSV file (GtkFileChooserNative), reads it, then presents an import dialog for it
 * over @parent; a file that cannot be read becomes a toast on @parent (an AnnexWindow). @table:
 * one of annex_csv_import_dialog_get_tables() (the register first offered). */
void        annex_csv_import_dialog_choose_file (GtkWindow            *parent,
                                                 AnnexDatabase        *database,
                                                 const char           *table);

GtkWidget  *annex_csv_import_dialog_new         (GtkWindow            *parent,
                                                 AnnexDatabase        *database);
/* Reads @bytes (the file's contents; @file_name for the title) for @table and shows the mapping
 * step. FALSE with the reader's error (nothing changes). */
gboolean    annex_csv_import_dialog_load        (AnnexCsvImportDialog *self,
                                                 const char           *table,
                                                 GBytes               *bytes,
                                                 const char           *file_name,
                                                 GError              **error);
/* Reads the same file again for another register (the register row does this). */
gboolean    annex_csv_import_dialog_set_table   (AnnexCsvImportDialog *self,
                                                 const char           *table,
                                                 GError              **error);
const char *annex_csv_import_dialog_get_table   (AnnexCsvImportDialog *self);
AnnexCsvImport *annex_csv_import_dialog_get_import (AnnexCsvImportDialog *self);
/* The column the mapping row of @field shows: an index into the file's columns, or -1 for
 * "Not imported". Setting it is what choosing in that row does. */
int         annex_csv_import_dialog_get_mapping (AnnexCsvImportDialog *self,
                                                 const char           *field);
void        annex_csv_import_dialog_set_mapping (AnnexCsvImportDialog *self,
                                                 const char           *field,
                                                 int                   column);
/* "mapping" or "preview". Showing the preview checks every row. */
const char *annex_csv_import_dialog_get_step    (AnnexCsvImportDialog *self);
void        annex_csv_import_dialog_show_preview (AnnexCsvImportDialog *self);
void        annex_csv_import_dialog_show_mapping (AnnexCsvImportDialog *self);
/* After the preview: the problems found, and the summary line shown. */
guint       annex_csv_import_dialog_get_n_problems (AnnexCsvImportDialog *self);
char       *annex_csv_import_dialog_dup_summary (AnnexCsvImportDialog *self);
/* The problem shown in the preview for data row @row (0-based), or NULL. */
const char *annex_csv_import_dialog_get_row_problem (AnnexCsvImportDialog *self,
                                                     guint                 row);
gboolean    annex_csv_import_dialog_get_can_import (AnnexCsvImportDialog *self);
/* What Import does: imports every row in one transaction, emits "imported" and closes; refused
 * (FALSE, nothing written) while problems remain or when the import fails, which the dialog
 * then lists. */
gboolean    annex_csv_import_dialog_import      (AnnexCsvImportDialog *self,
                                                 GError              **error);

G_END_DECLS
