/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-report.h: the reports of a workspace (Statement of Applicability, risk register, risk
 * treatment plan, audit report, management review minutes, context register, action list, and
 * any register as a plain table) built as one neutral document — sections of paragraphs, facts,
 * tables and heat maps — that the writers render: PDF (cairo + pango), XLSX (libxlsxwriter), CSV
 * (RFC 4180) and, for the SoA, OSCAL JSON. No GTK: the command line and the UI call the same code.
 *
 *   build (annex-report.c) → AnnexReportDocument → write (annex-report-pdf.c, -xlsx.c, -csv.c) */

#pragma once

#include <gio/gio.h>

#include "annex-database.h"

G_BEGIN_DECLS

typedef enum
{
  ANNEX_REPORT_SOA,             /* Statement of Applicability: the 93 controls (and any other
                                 * catalogue's), applicability, reasons, justification, status */
  ANNEX_REPORT_RISKS,           /* risk register + inherent and residual heat maps + assets */
  ANNEX_REPORT_TREATMENT_PLAN,  /* risks needing treatment, their treatment actions */
  ANNEX_REPORT_AUDIT,           /* one audit (argument: its reference): scope, criteria, team,
                                 * checklist results, findings */
  ANNEX_REPORT_REVIEW,          /* one management review (argument: its reference): minutes */
  ANNEX_REPORT_CONTEXT,         /* issues, parties and their requirements, the scope in force */
  ANNEX_REPORT_ACTIONS,         /* every action */
  ANNEX_REPORT_REGISTER,        /* any register as a table of all its fields (argument: its
                                 * table, one of annex_database_get_register_tables()) */
} AnnexReportKind;

typedef enum
{
  ANNEX_REPORT_FORMAT_PDF,
  ANNEX_REPORT_FORMAT_XLSX,
  ANNEX_REPORT_FORMAT_CSV,
  ANNEX_REPORT_FORMAT_OSCAL,    /* only ANNEX_REPORT_SOA (annex-oscal.h) */
} AnnexReportFormat;

/* "soa", "risks", "treatment-plan", "audit", "review", "context", "actions", "register" and
 * "pdf", "xlsx", "csv", "oscal" — the command line's spelling. FALSE for an unknown name. */
gboolean    annex_report_kind_from_nick   (const char         *nick,
                                           AnnexReportKind    *kind);
const char *annex_report_kind_to_nick     (AnnexReportKind     kind);
const char *annex_report_kind_get_title   (AnnexReportKind     kind);   /* translated */
gboolean    annex_report_format_from_nick (const char         *nick,
                                           AnnexReportFormat  *format);
const char *annex_report_format_get_extension (AnnexReportFormat format); /* "pdf"… */
/* Whether annex_report_build() needs an argument for @kind (audit, review, register). */
gboolean    annex_report_kind_takes_argument (AnnexReportKind  kind);
/* Whether documents of @kind have a main table, i.e. can be written as CSV (all but the
 * review minutes). */
gboolean    annex_report_kind_has_main_table (AnnexReportKind  kind);

/* ---- The neutral document ------------------------------------------------------------------ */

typedef enum
{
  ANNEX_REPORT_BLOCK_PARAGRAPH,  /* text: a paragraph (plain text, wraps) */
  ANNEX_REPORT_BLOCK_FACTS,      /* facts: label/value pairs ("Lead auditor", "Dana Lee") */
  ANNEX_REPORT_BLOCK_TABLE,      /* table */
  ANNEX_REPORT_BLOCK_HEAT_MAP,   /* heat_map */
} AnnexReportBlockKind;

typedef enum
{
  ANNEX_REPORT_COLUMN_TEXT,  /* shown as it is */
  ANNEX_REPORT_COLUMN_DATE,  /* ISO dates ("2026-07-01"): kept so in XLSX and CSV, which are
                              * data; the PDF shows them as its cover does ("1 July 2026",
                              * annex_report_format_date()) */
} AnnexReportColumnType;

typedef struct
{
  char                  *header;     /* translated column header */
  char                  *key;        /* stable field name for CSV import round trips ("title",
                                      * "likelihood") */
  double                 width;      /* relative width (PDF) and character width (XLSX) hint: 4
                                      * for a ref, 30 for a title, 60 for long text */
  AnnexReportColumnType  type;
  gboolean               pdf_hidden; /* a detail that XLSX and CSV keep but the PDF (and
                                      * printing) leaves out, so that a wide register stays
                                      * readable on paper: the risk register's likelihoods and
                                      * impacts beside the level they give */
} AnnexReportColumn;

typedef struct
{
  char  **cells;      /* n_columns strings (never NULL; "" when empty) */
  char  **colours;    /* NULL, or n_columns entries each NULL or "#rrggbb" (a risk level pill) */
  guint   level;      /* 0 a normal row, 1 a group heading row (cells[0] spans the row) */
} AnnexReportRow;

typedef struct
{
  char      *title;        /* e.g. "Residual risk" */
  char      *x_label;      /* "Impact" */
  char      *y_label;      /* "Likelihood" */
  guint      n_x, n_y;
  char     **x_labels;     /* n_x level labels, 1..n_x */
  char     **y_labels;     /* n_y */
  guint     *counts;       /* n_x × n_y, counts[(y - 1) * n_x + (x - 1)] */
  char     **colours;      /* n_x × n_y "#rrggbb" from the risk method */
} AnnexReportHeatMap;

typedef struct
{
  AnnexReportBlockKind kind;
  char               *text;        /* PARAGRAPH */
  gboolean            heading;     /* PARAGRAPH: a sub-heading within the section ("Audits"),
                                    * set off and kept with the block that follows it */
  GPtrArray          *facts;       /* FACTS: label, value, label, value… (char *); values
                                    * are text for reading: dates in them are already formatted
                                    * with annex_report_format_date() */
  char               *name;        /* TABLE: sheet name (≤ 31 chars, no []:*?/\) */
  GArray             *columns;     /* TABLE: of AnnexReportColumn */
  GPtrArray          *rows;        /* TABLE: of AnnexReportRow * */
  AnnexReportHeatMap *heat_map;    /* HEAT_MAP */
} AnnexReportBlock;

typedef struct
{
  char      *heading;   /* translated; NULL for none */
  GPtrArray *blocks;    /* of AnnexReportBlock * */
} AnnexReportSection;

typedef struct
{
  AnnexReportKind  kind;
  char            *title;           /* "Statement of Applicability" */
  char            *subtitle;        /* "IA-2026-01 Access control audit" or NULL */
  char            *organization;
  char            *date;            /* ISO date of the report */
  char            *workspace;       /* the workspace file's display name */
  char            *version;         /* the workspace state: "schema 8 · change 1423" */
  GPtrArray       *sections;        /* of AnnexReportSection * */
  /* The main table (the register itself, what CSV writes and CSV import reads back): a block
   * of one section, or NULL when the report has no table. Its column keys are the model's field
   * names ("reference" for the reference), its cells the values as shown (a choice by its
   * translated label, a bool as "Yes"/"No", a level by its label in the risk method):
   *   SOA             reference, theme, title, applicability, reasons (the translated labels
   *                   of the reason-* fields that are set, joined by ", "), justification,
   *                   status, owner, implementation-notes, evidence (group rows per theme)
   *   RISKS           reference, title, owner, assets, controls (references, ", "),
   *                   inherent-likelihood, inherent-impact, inherent-level, treatment,
   *                   residual-likelihood, residual-impact, residual-level, accepted-by,
   *                   accepted-on, accepted-until, next-review, status
   *   TREATMENT_PLAN  risk, reference, title, owner, due-date, status, completed-on, overdue
   *                   (group rows per risk)
   *   AUDIT           the checklist: subject-kind, subject, title, question, result, notes,
   *                   evidence
   *   CONTEXT         the issues: reference + every field of AnnexIssue
   *   ACTIONS         reference, title, owner, due-date, status, overdue, origin,
   *                   origin-reference, completed-on, description
   *   REGISTER        reference + every field of the record type, in field-table order (INT
   *                   fields such as likelihoods as numbers): the lossless one for imports. */
  AnnexReportBlock *main_table;
} AnnexReportDocument;

void annex_report_document_free (AnnexReportDocument *document);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnnexReportDocument, annex_report_document_free)

/* Builds report @kind from @db. @argument: the audit's or review's reference, the register's
 * table; NULL for the others. @today: ISO date for the cover and "overdue" marks (NULL: today).
 * Errors: ANNEX_STORE_ERROR_INVALID for an unknown reference or table ("No audit “IA-2026-09”"). */
AnnexReportDocument *annex_report_build (AnnexDatabase    *db,
                                         AnnexReportKind   kind,
                                         const char       *argument,
                                         const char       *today,
                                         GError          **error);

/* ---- Writers ------------------------------------------------------------------------------- */

/* Each writes to a temporary file beside @path and renames it over @path only when complete, so
 * a failure (full disk, read-only folder) leaves no half-written file and any older file as it
 * was. GError: G_IO_ERROR_* from GIO, with the path in the message. */
gboolean annex_report_write_pdf  (AnnexReportDocument *document,
                                  const char          *path,
                                  GError             **error);
gboolean annex_report_write_xlsx (AnnexReportDocument *document,
                                  const char          *path,
                                  GError             **error);
/* CSV of the main table only (RFC 4180: CRLF, fields quoted when needed, UTF-8 without BOM):
 * a header line of the column keys (language-independent, what the CSV import maps by), then
 * one line per row; group rows are left out (their grouping is a column of every row).
 * G_IO_ERROR_NOT_SUPPORTED when the document has no main table. */
gboolean annex_report_write_csv  (AnnexReportDocument *document,
                                  const char          *path,
                                  GError             **error);

/* "28 November 2026" from "2026-11-28" (translated format): how a report shows a date to a
 * reader (cover, footer, facts, the PDF's date columns). Anything that is not an ISO date comes
 * back as it is; NULL gives "". */
char    *annex_report_format_date (const char *iso);

/* What every spreadsheet writer does to a cell: a value beginning with '=', '+', '-', '@', tab
 * or carriage return gets a leading apostrophe ("'=SUM(A1)") so that no spreadsheet runs it as a
 * formula; so does one whose leading apostrophes come before such a character ("'=x" becomes
 * "''=x"), so that the CSV import, which drops exactly one, reads every value back as it was.
 * Returns a new string (a copy when nothing is needed). */
char    *annex_report_neutralize_cell (const char *value);

/* Builds and writes in one call (the command line and the UI's Export menu). For
 * ANNEX_REPORT_FORMAT_OSCAL calls annex_oscal_export_soa(). */
gboolean annex_report_export (AnnexDatabase     *db,
                              AnnexReportKind    kind,
                              const char        *argument,
                              AnnexReportFormat  format,
                              const char        *path,
                              GError           **error);

G_END_DECLS
