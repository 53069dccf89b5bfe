/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-report-xlsx.c: writes a report as an XLSX workbook with libxlsxwriter: a "Report" sheet
 * with the cover facts and the text of the sections, then one sheet per table and heat map. */

#define G_LOG_DOMAIN "annex-report-xlsx"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "annex-report-private.h"
#include "annex-report.h"

/* Excel's limits: characters in a cell and in a sheet name. */
#define MAX_CELL_CHARS  32767
#define MAX_SHEET_CHARS 31

typedef struct
{
  lxw_workbook *workbook;
  lxw_format   *title;
  lxw_format   *heading;
  lxw_format   *label;
  lxw_format   *text;
  lxw_format   *header;
  lxw_format   *group;
  lxw_format   *count;
  GHashTable   *fills;       /* "#rrggbb" → lxw_format * (text on that fill) */
  GHashTable   *used_names;  /* casefolded sheet names (Excel compares them ignoring case) */
  GHashTable   *sheet_names; /* AnnexReportBlock * → its sheet's name */
  lxw_error     error;       /* the first error of a write, reported on close */
} Writer;

static void
check (Writer    *writer,
       lxw_error  error)
{
  if (writer->error == LXW_NO_ERROR)
    writer->error = error;
}

static lxw_color_t
parse_colour (const char *colour)
{
  if (colour == NULL || colour[0] != '#' || strlen (colour) != 7)
    return 0xFFFFFF;

  return (lxw_color_t) strtoul (colour + 1, NULL, 16);
}

/* A format with the fill @colour and text that stays readable on it. */
static lxw_format *
get_fill_format (Writer     *writer,
                 const char *colour,
                 gboolean    centered)
{
  g_autofree char *key = g_strdup_printf ("%s%s", colour, centered ? "c" : "");
  lxw_format *format = g_hash_table_lookup (writer->fills, key);
  lxw_color_t rgb;
  double luminance;

  if (format != NULL)
    return format;

  rgb = parse_colour (colour);
  luminance = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);

  format = workbook_add_format (writer->workbook);
  format_set_bg_color (format, rgb);
  format_set_font_color (format, luminance < 140 ? LXW_COLOR_WHITE : LXW_COLOR_BLACK);
  format_set_text_wrap (format);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  if (centered)
    {
      format_set_align (format, LXW_ALIGN_CENTER);
      format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
      format_set_border (format, LXW_BORDER_THIN);
    }
  g_hash_table_insert (writer->fills, g_steal_pointer (&key), format);

  return format;
}

/* Every text goes through here: neutralized (no cell may start like a formula, even though
 * libxlsxwriter writes strings as strings: the file may be converted to CSV later), cut to
 * Excel's limit, and always written as a string, never as a formula. */
static void
write_text (Writer        *writer,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *value,
            lxw_format    *format)
{
  g_autofree char *safe = annex_report_neutralize_cell (value);

  if (g_utf8_strlen (safe, -1) > MAX_CELL_CHARS)
    *g_utf8_offset_to_pointer (safe, MAX_CELL_CHARS) = '\0';

  check (writer, worksheet_write_string (sheet, row, col, safe, format));
}

/* A valid sheet name from @name, unique in the workbook: forbidden characters replaced, no
 * apostrophe at either end, at most 31 characters, " (2)", " (3)"… added when taken. */
static char *
dup_sheet_name (Writer     *writer,
                const char *name)
{
  g_autofree char *clean = g_strdup (name != NULL && name[0] != '\0' ? name : _("Table"));

  g_strdelimit (clean, "[]:*?/\\", '-');
  g_strstrip (clean);
  while (clean[0] == '\'')
    memmove (clean, clean + 1, strlen (clean));
  if (clean[0] == '\0')
    {
      g_free (clean);
      clean = g_strdup (_("Table"));
    }

  for (guint n = 1; ; n++)
    {
      g_autofree char *suffix = n > 1 ? g_strdup_printf (" (%u)", n) : g_strdup ("");
      glong max = MAX_SHEET_CHARS - g_utf8_strlen (suffix, -1);
      g_autofree char *base = NULL;
      g_autofree char *candidate = NULL;
      g_autofree char *folded = NULL;

      base = g_utf8_strlen (clean, -1) > max
               ? g_strndup (clean, g_utf8_offset_to_pointer (clean, max) - clean)
               : g_strdup (clean);
      g_strchomp (base);
      while (base[0] != '\0' && base[strlen (base) - 1] == '\'')
        base[strlen (base) - 1] = '\0';
      candidate = g_strconcat (base, suffix, NULL);
      folded = g_utf8_casefold (candidate, -1);

      if (!g_hash_table_contains (writer->used_names, folded))
        {
          g_hash_table_add (writer->used_names, g_steal_pointer (&folded));
          return g_steal_pointer (&candidate);
        }
    }
}

/* Names every table and heat map's sheet up front, so that the first sheet can refer to them. */
static void
assign_sheet_names (Writer              *writer,
                    AnnexReportDocument *document)
{
  for (guint s = 0; s < document->sections->len; s++)
    {
      AnnexReportSection *section = g_ptr_array_index (document->sections, s);

      for (guint b = 0; b < section->blocks->len; b++)
        {
          AnnexReportBlock *block = g_ptr_array_index (section->blocks, b);

          if (block->kind == ANNEX_REPORT_BLOCK_TABLE)
            g_hash_table_insert (writer->sheet_names, block, dup_sheet_name (writer, block->name));
          else if (block->kind == ANNEX_REPORT_BLOCK_HEAT_MAP)
            g_hash_table_insert (writer->sheet_names, block,
                                 dup_sheet_name (writer, block->heat_map->title));
        }
    }
}

static lxw_worksheet *
add_sheet (Writer     *writer,
           const char *sheet_name)
{
  lxw_worksheet *sheet = workbook_add_worksheet (writer->workbook, sheet_name);

  if (sheet == NULL)
    check (writer, LXW_ERROR_SHEETNAME_ALREADY_USED);

  return sheet;
}

static void
write_table (Writer           *writer,
             AnnexReportBlock *block)
{
  lxw_worksheet *sheet = add_sheet (writer, g_hash_table_lookup (writer->sheet_names, block));
  guint n_columns = block->columns->len;
  lxw_row_t row_index = 1;

  if (sheet == NULL)
    return;

  for (guint i = 0; i < n_columns; i++)
    {
      AnnexReportColumn *column = &g_array_index (block->columns, AnnexReportColumn, i);

      /* The hint is in characters already; a little room for the filter button. */
      check (writer, worksheet_set_column (sheet, i, i, MAX (column->width, 6) + 2, NULL));
      write_text (writer, sheet, 0, i, column->header, writer->header);
    }

  for (guint r = 0; r < block->rows->len; r++, row_index++)
    {
      AnnexReportRow *row = g_ptr_array_index (block->rows, r);

      if (row->level > 0)
        {
          write_text (writer, sheet, row_index, 0, row->cells[0], writer->group);
          for (guint i = 1; i < n_columns; i++)
            write_text (writer, sheet, row_index, i, "", writer->group);
          continue;
        }

      for (guint i = 0; i < n_columns; i++)
        {
          const char *colour = row->colours != NULL ? row->colours[i] : NULL;
          lxw_format *format = colour != NULL ? get_fill_format (writer, colour, FALSE)
                                              : writer->text;

          write_text (writer, sheet, row_index, i, row->cells[i], format);
        }
    }

  /* The header stays in view and offers filters over every row. */
  worksheet_freeze_panes (sheet, 1, 0);
  if (n_columns > 0)
    check (writer, worksheet_autofilter (sheet, 0, 0, MAX (row_index - 1, 1), n_columns - 1));
}

/* A heat map on its own sheet: likelihood rows (highest on top) × impact columns, each cell the
 * number of risks on the fill of its level. */
static void
write_heat_map (Writer           *writer,
                AnnexReportBlock *block)
{
  AnnexReportHeatMap *map = block->heat_map;
  lxw_worksheet *sheet = add_sheet (writer, g_hash_table_lookup (writer->sheet_names, block));
  g_autofree char *corner = NULL;
  lxw_row_t row_index = 2;

  if (sheet == NULL)
    return;

  write_text (writer, sheet, 0, 0, map->title, writer->title);
  check (writer, worksheet_set_column (sheet, 0, 0, 22, NULL));
  check (writer, worksheet_set_column (sheet, 1, MAX (map->n_x, 1), 14, NULL));

  /* TRANSLATORS: the corner of a heat map: rows are likelihoods, columns impacts */
  corner = g_strdup_printf (_("%s ↓ / %s →"), map->y_label, map->x_label);
  write_text (writer, sheet, 1, 0, corner, writer->header);
  for (guint x = 0; x < map->n_x; x++)
    write_text (writer, sheet, 1, x + 1, map->x_labels[x], writer->header);

  for (guint y = map->n_y; y >= 1; y--, row_index++)
    {
      write_text (writer, sheet, row_index, 0, map->y_labels[y - 1], writer->label);
      for (guint x = 1; x <= map->n_x; x++)
        {
          guint cell = (y - 1) * map->n_x + (x - 1);

          check (writer, worksheet_write_number (sheet, row_index, x, map->counts[cell],
                                                 get_fill_format (writer, map->colours[cell],
                                                                  TRUE)));
        }
    }
}

/* The first sheet: the cover, then each section's heading, paragraphs and facts; tables and
 * heat maps are referred to by the name of their sheet. */
static void
write_report_sheet (Writer              *writer,
                    AnnexReportDocument *document,
                    lxw_worksheet       *sheet)
{
  lxw_row_t row = 0;
  const char *cover[] = {
    _("Organization"), document->organization,
    _("Date"), document->date,
    _("Workspace"), document->workspace,
    _("Version"), document->version,
  };

  check (writer, worksheet_set_column (sheet, 0, 0, 32, NULL));
  check (writer, worksheet_set_column (sheet, 1, 1, 90, NULL));

  write_text (writer, sheet, row++, 0, document->title, writer->title);
  if (document->subtitle != NULL)
    write_text (writer, sheet, row++, 0, document->subtitle, writer->heading);
  row++;
  for (guint i = 0; i < G_N_ELEMENTS (cover); i += 2)
    {
      write_text (writer, sheet, row, 0, cover[i], writer->label);
      write_text (writer, sheet, row++, 1, cover[i + 1], writer->text);
    }

  for (guint s = 0; s < document->sections->len; s++)
    {
      AnnexReportSection *section = g_ptr_array_index (document->sections, s);

      row++;
      if (section->heading != NULL)
        write_text (writer, sheet, row++, 0, section->heading, writer->heading);

      for (guint b = 0; b < section->blocks->len; b++)
        {
          AnnexReportBlock *block = g_ptr_array_index (section->blocks, b);
          g_autofree char *pointer = NULL;

          switch (block->kind)
            {
            case ANNEX_REPORT_BLOCK_PARAGRAPH:
              /* A sub-heading in the labels' column, as the facts' labels are. */
              if (block->heading)
                write_text (writer, sheet, row++, 0, block->text, writer->label);
              else
                write_text (writer, sheet, row++, 1, block->text, writer->text);
              break;

            case ANNEX_REPORT_BLOCK_FACTS:
              for (guint i = 0; i + 1 < block->facts->len; i += 2)
                {
                  write_text (writer, sheet, row, 0, g_ptr_array_index (block->facts, i),
                              writer->label);
                  write_text (writer, sheet, row++, 1, g_ptr_array_index (block->facts, i + 1),
                              writer->text);
                }
              break;

            case ANNEX_REPORT_BLOCK_TABLE:
              /* TRANSLATORS: in a spreadsheet, where a table of the report is */
              pointer = g_strdup_printf (_("See the sheet “%s” (%u rows)."),
                                         (const char *) g_hash_table_lookup (writer->sheet_names,
                                                                             block),
                                         block->rows->len);
              write_text (writer, sheet, row++, 1, pointer, writer->text);
              break;

            case ANNEX_REPORT_BLOCK_HEAT_MAP:
              pointer = g_strdup_printf (_("See the sheet “%s”."),
                                         (const char *) g_hash_table_lookup (writer->sheet_names,
                                                                             block));
              write_text (writer, sheet, row++, 1, pointer, writer->text);
              break;

            default:
              g_assert_not_reached ();
            }
        }
    }
}

static gboolean
sync_file (const char  *temp,
           const char  *path,
           GError     **error)
{
  int fd = g_open (temp, O_RDONLY | O_CLOEXEC, 0);
  int errsv = 0;

  if (fd < 0 || g_fsync (fd) != 0)
    errsv = errno;
  if (fd >= 0)
    close (fd);
  if (errsv != 0)
    {
      _annex_report_set_write_error (error, path, errsv);
      return FALSE;
    }

  return TRUE;
}

static void
add_formats (Writer *writer)
{
  writer->title = workbook_add_format (writer->workbook);
  format_set_bold (writer->title);
  format_set_font_size (writer->title, 16);

  writer->heading = workbook_add_format (writer->workbook);
  format_set_bold (writer->heading);
  format_set_font_size (writer->heading, 12);

  writer->label = workbook_add_format (writer->workbook);
  format_set_bold (writer->label);
  format_set_text_wrap (writer->label);
  format_set_align (writer->label, LXW_ALIGN_VERTICAL_TOP);

  writer->text = workbook_add_format (writer->workbook);
  format_set_text_wrap (writer->text);
  format_set_align (writer->text, LXW_ALIGN_VERTICAL_TOP);

  writer->header = workbook_add_format (writer->workbook);
  format_set_bold (writer->header);
  format_set_text_wrap (writer->header);
  format_set_align (writer->header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (writer->header, 0xE8E8E8);
  format_set_bottom (writer->header, LXW_BORDER_THIN);

  writer->group = workbook_add_format (writer->workbook);
  format_set_bold (writer->group);
  format_set_bg_color (writer->group, 0xF3F3F3);
}

gboolean
annex_report_write_xlsx (AnnexReportDocument  *document,
                         const char           *path,
                         GError              **error)
{
  g_autofree char *temp = NULL;
  g_autoptr(GHashTable) fills = NULL;
  g_autoptr(GHashTable) used_names = NULL;
  g_autoptr(GHashTable) sheet_names = NULL;
  g_autofree char *report_name = NULL;
  Writer writer = { 0 };
  lxw_worksheet *report_sheet;
  lxw_error closed;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  temp = _annex_report_create_temp (path, error);
  if (temp == NULL)
    return FALSE;

  fills = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  used_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  writer.fills = fills;
  writer.used_names = used_names;
  sheet_names = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  writer.sheet_names = sheet_names;
  report_name = dup_sheet_name (&writer, _("Report"));
  assign_sheet_names (&writer, document);

  /* libxlsxwriter writes the whole file to this name on workbook_close(). */
  writer.workbook = workbook_new (temp);
  if (writer.workbook == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_unlink (temp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: the spreadsheet could not be started"), display);
      return FALSE;
    }
  add_formats (&writer);

  report_sheet = add_sheet (&writer, report_name);
  if (report_sheet != NULL)
    write_report_sheet (&writer, document, report_sheet);

  for (guint s = 0; s < document->sections->len; s++)
    {
      AnnexReportSection *section = g_ptr_array_index (document->sections, s);

      for (guint b = 0; b < section->blocks->len; b++)
        {
          AnnexReportBlock *block = g_ptr_array_index (section->blocks, b);

          if (block->kind == ANNEX_REPORT_BLOCK_TABLE)
            write_table (&writer, block);
          else if (block->kind == ANNEX_REPORT_BLOCK_HEAT_MAP)
            write_heat_map (&writer, block);
        }
    }

  /* Closing writes the file and frees the workbook, whatever happened before. */
  closed = workbook_close (writer.workbook);
  check (&writer, closed);
  if (writer.error != LXW_NO_ERROR)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_unlink (temp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
                   display, lxw_strerror (writer.error));
      return FALSE;
    }

  /* libxlsxwriter does not sync: the data must be on disk before the rename. */
  if (!sync_file (temp, path, error))
    {
      g_unlink (temp);
      return FALSE;
    }

  return _annex_report_commit_temp (temp, path, error);
}
