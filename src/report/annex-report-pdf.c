/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-report-pdf.c: annex_report_write_pdf(): the renderer's pages on an A4 cairo PDF
 * surface, written to a temporary file beside the destination and renamed over it only when
 * complete, so that a failure never leaves half a PDF or damages an older one. */

#define G_LOG_DOMAIN "annex-report-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "annex-report.h"
#include "annex-report-render.h"

/* A4 portrait, in points (content pages may turn to landscape). */
#define PAGE_WIDTH  595.0
#define PAGE_HEIGHT 842.0

typedef struct
{
  int fd;
  int errsv;    /* the first write error, 0 for none */
} Sink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          sink->errsv = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= (unsigned int) written;
    }

  return CAIRO_STATUS_SUCCESS;
}

static void
set_errno_error (GError     **error,
                 int          errsv,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("Could not write “%s”: %s"), name, g_strerror (errsv));
}

static void
set_metadata (cairo_surface_t     *surface,
              AnnexReportDocument *document)
{
  int y, m, d;

  if (document->subtitle != NULL && *document->subtitle != '\0')
    {
      g_autofree char *title = g_strdup_printf ("%s — %s", document->title, document->subtitle);

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
    }
  else if (document->title != NULL)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, document->title);
    }
  if (document->organization != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, document->organization);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Annex");

  /* The report's own date rather than the clock: the same report gives the same file. */
  if (document->date != NULL && sscanf (document->date, "%4d-%2d-%2d", &y, &m, &d) == 3)
    {
      g_autofree char *date = g_strdup_printf ("%04d-%02d-%02dT00:00:00", y, m, d);

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
    }
}

/* The sections' headings as the PDF's outline (bookmarks), each pointing at the destination
 * the renderer tagged where the heading is drawn. */
static void
add_outline (cairo_surface_t     *surface,
             AnnexReportDocument *document)
{
  for (guint i = 0; document->sections != NULL && i < document->sections->len; i++)
    {
      AnnexReportSection *section = g_ptr_array_index (document->sections, i);
      g_autofree char *link = NULL;

      if (section->heading == NULL || *section->heading == '\0')
        continue;
      link = g_strdup_printf ("dest='section-%u'", i);
      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, section->heading, link, 0);
    }
}

gboolean
annex_report_write_pdf (AnnexReportDocument  *document,
                        const char           *path,
                        GError              **error)
{
  g_autofree char *tmp_path = NULL;
  g_autoptr(AnnexReportRenderer) renderer = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  Sink sink = { -1, 0 };
  guint n_pages;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Beside @path, so that the final rename stays on one file system. Reports are for sharing:
   * the usual permissions (0666 less the umask), not mkstemp's private 0600. */
  tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  sink.fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (sink.fd < 0)
    {
      set_errno_error (error, errno, path);
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (write_cb, &sink, PAGE_WIDTH, PAGE_HEIGHT);
  set_metadata (surface, document);
  cr = cairo_create (surface);

  renderer = annex_report_renderer_new (document, PAGE_WIDTH, PAGE_HEIGHT);
  n_pages = annex_report_renderer_paginate (renderer, cr);
  for (guint page = 0; page < n_pages; page++)
    {
      if (annex_report_renderer_page_is_landscape (renderer, page))
        cairo_pdf_surface_set_size (surface, PAGE_HEIGHT, PAGE_WIDTH);
      else
        cairo_pdf_surface_set_size (surface, PAGE_WIDTH, PAGE_HEIGHT);
      annex_report_renderer_draw_page (renderer, cr, page);
      cairo_show_page (cr);
    }
  add_outline (surface, document);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      if (sink.errsv != 0)
        {
          set_errno_error (error, sink.errsv, path);
        }
      else
        {
          g_autofree char *name = g_filename_display_name (path);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
                       name, cairo_status_to_string (status));
        }
      goto failed;
    }

  /* On the disk before it replaces anything. */
  if (fsync (sink.fd) != 0)
    {
      set_errno_error (error, errno, path);
      goto failed;
    }
  if (close (sink.fd) != 0)
    {
      sink.fd = -1;
      set_errno_error (error, errno, path);
      goto failed;
    }
  sink.fd = -1;

  if (g_rename (tmp_path, path) != 0)
    {
      set_errno_error (error, errno, path);
      goto failed;
    }

  return TRUE;

failed:
  if (sink.fd >= 0)
    close (sink.fd);
  g_unlink (tmp_path);
  return FALSE;
}
