/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-report-render.h: lays out an AnnexReportDocument on pages and draws them with cairo and
 * pango — what annex_report_write_pdf() uses for its cairo PDF surface and what the UI's
 * printing (GtkPrintOperation) uses for the printer's cairo context, so a printed report and its
 * PDF look the same. */

#pragma once

#include <cairo.h>

#include "annex-report.h"

G_BEGIN_DECLS

typedef struct _AnnexReportRenderer AnnexReportRenderer;

/* A renderer for pages of @width × @height (in the units of the cairo contexts it will draw on:
 * points for PDF, the print context's units for printing). @document must outlive it. */
AnnexReportRenderer *annex_report_renderer_new         (AnnexReportDocument *document,
                                                        double               width,
                                                        double               height);
void                 annex_report_renderer_free        (AnnexReportRenderer *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnnexReportRenderer, annex_report_renderer_free)

/* Lays the document out (fonts measured with @cr's font options; one unit is one point, so a
 * print operation sets GTK_UNIT_POINTS) and returns the number of pages, cover included. Call
 * once before draw_page. */
guint                annex_report_renderer_paginate    (AnnexReportRenderer *self,
                                                        cairo_t             *cr);
/* Whether page @page is turned to landscape (after paginate): the content pages of a document
 * with a table of more than 8 columns are, the cover never. Such a page is @height × @width:
 * the PDF writer sets that page size, printing sets a landscape page setup for it
 * (GtkPrintOperation::request-page-setup). */
gboolean             annex_report_renderer_page_is_landscape (AnnexReportRenderer *self,
                                                              guint                page);
/* Draws page @page (0-based; 0 is the cover) on @cr, whose origin is the page's top-left. */
void                 annex_report_renderer_draw_page   (AnnexReportRenderer *self,
                                                        cairo_t             *cr,
                                                        guint                page);

G_END_DECLS
