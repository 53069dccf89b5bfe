/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-report-csv.c: writes a report's main table as CSV (RFC 4180, UTF-8), the form other
 * tools and Annex's own CSV import read. */

#define G_LOG_DOMAIN "annex-report-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "annex-report-private.h"
#include "annex-report.h"

/* One field: neutralized first (a spreadsheet opening the file must not run a formula), then
 * quoted when it holds a separator, a quote or a line break, quotes doubled. */
static void
append_field (GString    *out,
              const char *value)
{
  g_autofree char *safe = annex_report_neutralize_cell (value);

  if (strpbrk (safe, ",\"\r\n") == NULL)
    {
      g_string_append (out, safe);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = safe; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

gboolean
annex_report_write_csv (AnnexReportDocument  *document,
                        const char           *path,
                        GError              **error)
{
  g_autoptr(GString) out = NULL;
  AnnexReportBlock *table;
  guint n_columns;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  table = document->main_table;
  if (table == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” has no table to export as CSV"), document->title);
      return FALSE;
    }
  g_return_val_if_fail (table->kind == ANNEX_REPORT_BLOCK_TABLE, FALSE);

  n_columns = table->columns->len;
  out = g_string_new (NULL);

  for (guint i = 0; i < n_columns; i++)
    {
      AnnexReportColumn *column = &g_array_index (table->columns, AnnexReportColumn, i);

      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, column->key != NULL ? column->key : column->header);
    }
  g_string_append (out, "\r\n");

  for (guint r = 0; r < table->rows->len; r++)
    {
      AnnexReportRow *row = g_ptr_array_index (table->rows, r);

      /* A group heading is for readers of the PDF; every row carries its group in a column. */
      if (row->level > 0)
        continue;

      for (guint i = 0; i < n_columns; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_field (out, row->cells[i]);
        }
      g_string_append (out, "\r\n");
    }

  return _annex_report_write_atomically (path, out->str, out->len, error);
}
