/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-csv-import.h: importing a register from CSV — risks, assets, issues, interested parties
 * and the implementation status of controls. Three steps: read (encoding, separator, header),
 * map (which column is which field, guessed from the header, changeable), then check and import
 * all or nothing in one transaction. */

#pragma once

#include <gio/gio.h>

#include "annex-database.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_CSV_IMPORT (annex_csv_import_get_type ())
G_DECLARE_FINAL_TYPE (AnnexCsvImport, annex_csv_import, ANNEX, CSV_IMPORT, GObject)

/* One problem of the preview or of the import: @row is the 1-based line of the data in the
 * file (the header is row 1, the first data row is row 2); 0 for a problem of the whole file. */
typedef struct
{
  guint  row;
  char  *field;    /* field name, or NULL */
  char  *message;  /* translated, names the value: "Unknown likelihood “Very hgh”" */
} AnnexCsvProblem;

/* @table: "risks", "assets", "issues", "parties" or "controls".
 *
 * Controls: only existing ones are updated by reference — applicability, reasons,
 * justification, status, owner, notes — never added. An empty cell of a text or date column
 * empties that field (an empty choice or yes/no cell changes nothing). The reasons come either
 * as the five reason-* fields or as the SoA report's one "reasons" column, which lists the
 * reasons that apply by label (English or translated) or field name, separated by ',' or ';'
 * (an empty cell: none). Where both are mapped, a reason-* cell that is not empty wins.
 *
 * Reads and parses the whole @bytes (UTF-8 with or without BOM; separator ',' or ';',
 * detected from the header line; RFC 4180 quoting with embedded separators, quotes and line
 * breaks). Errors (ANNEX_STORE_ERROR_INVALID, a clear message): not UTF-8, no header, an
 * unterminated quote (with the row), an unknown table, more than 100,000 rows or 200 columns. */
AnnexCsvImport *annex_csv_import_new       (AnnexDatabase  *db,
                                            const char     *table,
                                            GBytes         *bytes,
                                            GError        **error);

const char     *annex_csv_import_get_table (AnnexCsvImport *self);
/* The header cells, NULL-terminated (owned by @self). */
const char * const *annex_csv_import_get_columns (AnnexCsvImport *self);
guint           annex_csv_import_get_n_rows    (AnnexCsvImport *self);   /* data rows */
/* Cell (@row 0-based data row, @column); "" past the end of a short row. */
const char     *annex_csv_import_get_cell      (AnnexCsvImport *self,
                                                guint           row,
                                                guint           column);

/* The fields that can be imported into the table, NULL-terminated field names ("title",
 * "likelihood"…); their labels are the model's field labels. Controls also have the
 * pseudo-fields "reference" (required: which control a row updates) and "reasons". */
const char * const *annex_csv_import_get_fields (AnnexCsvImport *self);
const char     *annex_csv_import_get_field_label (AnnexCsvImport *self,
                                                  const char     *field);
gboolean        annex_csv_import_field_is_required (AnnexCsvImport *self,
                                                    const char     *field);

/* The mapping: field → column index, or -1 when the field is not imported. Guessed on creation
 * from the header (field name, label in English or the current language, the report column
 * keys of annex-report.h, case and punctuation ignored). */
int             annex_csv_import_get_mapping   (AnnexCsvImport *self,
                                                const char     *field);
/* FALSE with an error for an unknown field or column out of range. */
gboolean        annex_csv_import_set_mapping   (AnnexCsvImport *self,
                                                const char     *field,
                                                int             column,
                                                GError        **error);
/* "FIELD=COLUMN" as on the command line (COLUMN: a header name or 1-based number). */
gboolean        annex_csv_import_parse_mapping (AnnexCsvImport *self,
                                                const char     *assignment,
                                                GError        **error);

/* Checks every row with the current mapping without writing: each value converted (a level by
 * number or label of the risk method, a choice by value or label in English or translated, a
 * date as YYYY-MM-DD, a bool as yes/no/true/false/1/0/x or the translated Yes and No; a cell the
 * spreadsheet writers neutralized has its one added apostrophe dropped), each record validated
 * by its model. Returns the problems (an
 * array of AnnexCsvProblem, empty when the import would succeed), row order. */
GArray         *annex_csv_import_check         (AnnexCsvImport *self,
                                                guint           max_rows);  /* 0: all rows */

/* Imports every row in one transaction; any problem (the same as check) or write error writes
 * nothing: ANNEX_STORE_ERROR_INVALID whose message lists each problem with its row number (at
 * most 20, then "and N more"). *n_imported: the records added (or controls updated). */
gboolean        annex_csv_import_run           (AnnexCsvImport *self,
                                                guint          *n_imported,
                                                GError        **error);

G_END_DECLS
