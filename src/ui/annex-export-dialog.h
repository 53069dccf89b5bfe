/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-export-dialog.h: the Export dialog: which report (preselected from the view it was opened
 * in), which format, then a save dialog; the document is built on the main thread and written on
 * a worker, and a toast says where it went. Also printing a report (GtkPrintOperation) and the
 * pure helpers behind both. */

#pragma once

#include <adwaita.h>

#include "annex-database.h"
#include "annex-report.h"

G_BEGIN_DECLS

/* Reports are named as on the command line, with their argument after a colon: "soa", "risks",
 * "treatment-plan", "context", "actions", "audit:IA-2026-01", "review:MR-2026-01",
 * "register:assets". FALSE for an unknown kind or a missing argument. @argument may be NULL. */
gboolean    annex_export_parse_report        (const char         *report,
                                              AnnexReportKind    *kind,
                                              char              **argument);
/* The formats offered for @kind, in menu order: PDF and XLSX always, CSV when the report has a
 * main table, OSCAL for the SoA only. Returns how many were written to @formats. */
guint       annex_export_get_formats         (AnnexReportKind     kind,
                                              AnnexReportFormat   formats[4]);
/* The label of a format in the dialog ("PDF", "Excel Workbook (XLSX)"…) and the line under it. */
const char *annex_export_format_get_label    (AnnexReportFormat   format);
const char *annex_export_format_get_description (AnnexReportFormat format);
/* The suggested file name: "<organization> – <title> – <date>.<ext>", with characters that no
 * file system takes ("/", "\", ":"…) replaced; @organization may be NULL or empty. */
char       *annex_export_suggest_file_name   (const char         *organization,
                                              const char         *title,
                                              const char         *date,
                                              AnnexReportFormat   format);

#define ANNEX_TYPE_EXPORT_DIALOG (annex_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnnexExportDialog, annex_export_dialog, ANNEX, EXPORT_DIALOG, AdwWindow)

/* Properties: "database" (AnnexDatabase, construct-only), "report" (string: the chosen report),
 * "format" (AnnexReportFormat as int: the chosen format).
 * "Export…" asks for a file (GtkFileChooserNative), closes the dialog and exports; the toast
 * ("Exported “…”" with Open, or the error) goes to the parent when it is an AnnexWindow. */

GtkWidget  *annex_export_dialog_new          (GtkWindow          *parent,
                                              AnnexDatabase      *database);
/* Adds @report to the report choices, labelled @label (NULL: the report's title, with its
 * argument for audits and reviews). A report already offered is not added twice. */
void        annex_export_dialog_add_report   (AnnexExportDialog  *self,
                                              const char         *report,
                                              const char         *label);
/* Chooses @report (one added before); FALSE when it is not among the choices. */
gboolean    annex_export_dialog_set_report   (AnnexExportDialog  *self,
                                              const char         *report);
const char *annex_export_dialog_get_report   (AnnexExportDialog  *self);
/* The formats the format row offers for the chosen report (as annex_export_get_formats()). */
guint       annex_export_dialog_get_formats  (AnnexExportDialog  *self,
                                              AnnexReportFormat   formats[4]);
/* FALSE when @format is not offered for the chosen report. */
gboolean    annex_export_dialog_set_format   (AnnexExportDialog  *self,
                                              AnnexReportFormat   format);
AnnexReportFormat annex_export_dialog_get_format (AnnexExportDialog *self);
/* The file name the save dialog suggests for the current choice. */
char       *annex_export_dialog_dup_file_name (AnnexExportDialog *self);

/* What "Export…" does once the file is chosen (tests call it directly, bypassing the file
 * chooser): builds the chosen report now, writes it to @path on a worker thread. */
void        annex_export_dialog_export_to_path_async  (AnnexExportDialog   *self,
                                                       const char          *path,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean    annex_export_dialog_export_to_path_finish (AnnexExportDialog   *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* Prints @report of @database through GtkPrintOperation (the print dialog of @parent): the same
 * pages as the PDF. An error is returned (the report could not be built) or shown by the print
 * dialog itself. */
gboolean    annex_export_print_report        (GtkWindow          *parent,
                                              AnnexDatabase      *database,
                                              const char         *report,
                                              GError            **error);

G_END_DECLS
