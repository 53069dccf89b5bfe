/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-report-render.c: lays an AnnexReportDocument out on pages and draws them with cairo and
 * pango. Pagination turns every block into "rows" (a paragraph is a row of one cell, a fact a
 * row of two, a table row one of n) and places them on pages; drawing replays the placements of
 * one page. Nothing is global and nothing is drawn during pagination, so the PDF writer and the
 * UI's GtkPrintOperation use the same code on their own cairo contexts, in any page order.
 *
 * All sizes are in points: the PDF surface's unit, and the unit the UI sets on its print
 * operation. */

#define G_LOG_DOMAIN "annex-report-render"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "annex-report-render.h"

/* DejaVu Sans covers Latin, Greek and Cyrillic; fontconfig falls back for other scripts. */
#define FONT_FAMILY "DejaVu Sans,Cantarell,Sans"

#define MARGIN_X        56.0   /* ~20 mm left and right */
#define MARGIN_TOP      74.0   /* where the content starts, below the running header */
#define MARGIN_BOTTOM   70.0   /* where the content ends, above the footer */
#define RUNNING_Y       36.0   /* top of the running header's text */
#define FOOTER_Y        46.0   /* from the bottom: the footer's rule */

#define BODY_SIZE       9.5
#define HEADING_SIZE    13.0
#define SUBHEADING_SIZE 10.0
#define FACT_SIZE       9.0
#define SMALL_SIZE      7.5

#define CELL_PAD_X      4.5
#define CELL_PAD_Y      3.5
#define PILL_PAD_X      5.0
#define PILL_PAD_Y      1.5
#define BLOCK_GAP       12.0
#define HEADING_GAP_BEFORE 10.0
#define HEADING_GAP_AFTER  6.0
#define MIN_COLUMN      30.0
#define MIN_TABLE_SIZE  6.0    /* the smallest type a table is set in */
#define HEAT_MAP_GAP    28.0
#define HEAT_MAP_MAX_CELL 44.0
#define HEAT_MAP_MIN_CELL 30.0  /* smaller than this, the maps rather go to the next page */

#define EPSILON 0.01

typedef struct
{
  double r, g, b;
} Rgb;

static const Rgb text_colour = { 0.11, 0.11, 0.13 };
static const Rgb muted_colour = { 0.38, 0.38, 0.42 };
static const Rgb accent_colour = { 0.102, 0.373, 0.706 };    /* #1a5fb4 */
static const Rgb rule_colour = { 0.75, 0.75, 0.78 };
static const Rgb header_fill = { 0.925, 0.925, 0.937 };
static const Rgb separator_colour = { 0.85, 0.85, 0.87 };
static const Rgb group_fill = { 0.902, 0.929, 0.965 };

typedef enum
{
  ROW_TEXT,        /* a paragraph: flows, split between lines wherever the page ends */
  ROW_HEADING,     /* a section heading or a sub-heading: kept with what follows */
  ROW_FACT,        /* label and value */
  ROW_HEADER,      /* a table's header row, repeated on each page the table spans */
  ROW_BODY,        /* a table row: never split unless taller than a page */
  ROW_GROUP,       /* a table's group heading row: a bold band */
  ROW_EMPTY,       /* "No entries" under the header of an empty table */
} RowStyle;

typedef struct
{
  PangoLayout *layout;    /* NULL for an empty cell */
  double       x;         /* the cell's left edge, from the page's left */
  double       width;     /* the cell's width */
  Rgb          pill;      /* when has_pill: a risk level's colour behind the text */
  gboolean     has_pill;
} Cell;

typedef struct
{
  RowStyle style;
  guint    n_cells;
  Cell    *cells;
  double   left, width;   /* the band a fill or separator covers */
  double   pad_top, pad_bottom;
  double   content;       /* tallest cell */
  int      section;       /* a section heading's section, -1 for other rows */
  double   gap;           /* a heading's space above it, unless it opens a page */
  GArray  *breaks;        /* of double: where the content may be split (line tops, then end) */
} Row;

typedef struct
{
  const AnnexReportHeatMap *map;   /* borrowed from the document */
  double        x, width;          /* the box, x from the page's left */
  PangoLayout  *title;
  PangoLayout  *x_title;
  PangoLayout  *y_title;
  PangoLayout **x_labels;
  PangoLayout **y_labels;
  PangoLayout **counts;            /* n_x × n_y, NULL for 0 */
  double        y_title_x;
  double        label_x, label_w;
  double        grid_x, grid_y, cell;
  double        x_labels_y, x_labels_h;
  double        x_title_y;
  double        height;
} HeatMapBox;

typedef struct
{
  HeatMapBox boxes[2];
  guint      n;
  double     height;
} HeatMaps;

typedef struct
{
  Row      *row;       /* or */
  HeatMaps *maps;
  double    y;         /* top on the page */
  double    height;
  double    from, to;  /* the part of the row's content drawn here */
} Placement;

struct _AnnexReportRenderer
{
  /* borrowed */
  AnnexReportDocument *document;

  double        width, height;                 /* the cover's page, as given */
  double        page_width, page_height;       /* the content pages' (turned when landscape) */
  gboolean      landscape;
  double        left, content_width, top, bottom;

  /* owned */
  PangoContext *context;
  GPtrArray    *rows;       /* of Row *: everything placed */
  GPtrArray    *maps;       /* of HeatMaps * */
  GPtrArray    *pages;      /* of GArray of Placement; page 0 is the cover */
  char         *date_label;

  /* pagination state */
  double        y;
  double        page_start; /* y of a fresh page's first content (below a repeated header) */
  Row          *repeat_header;
};

/* ---- Helpers -------------------------------------------------------------------------------- */

static void
set_source (cairo_t   *cr,
            const Rgb *colour)
{
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
}

static gboolean
parse_colour (const char *spec,
              Rgb        *colour)
{
  unsigned int r, g, b;

  if (spec == NULL || strlen (spec) != 7 || spec[0] != '#' ||
      sscanf (spec + 1, "%2x%2x%2x", &r, &g, &b) != 3)
    return FALSE;

  colour->r = r / 255.0;
  colour->g = g / 255.0;
  colour->b = b / 255.0;
  return TRUE;
}

/* sRGB to linear light with a gamma of 2 instead of the exact curve: close enough to choose
 * between dark and white text, and no libm. */
static double
linear_channel (double c)
{
  return c * c;
}

/* Dark or white text on @background, whichever contrasts more (WCAG relative luminance). */
static Rgb
contrasting_text (const Rgb *background)
{
  static const Rgb white = { 1.0, 1.0, 1.0 };
  double l = 0.2126 * linear_channel (background->r) +
             0.7152 * linear_channel (background->g) +
             0.0722 * linear_channel (background->b);

  return (1.05 / (l + 0.05)) > ((l + 0.05) / 0.05) ? white : text_colour;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static PangoLayout *
make_layout (AnnexReportRenderer *self,
             const char          *text,
             double               size,
             PangoWeight          weight,
             double               width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      /* Long words (URLs, ids) break between characters rather than overflow the cell. */
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, or_empty (text), -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* The natural (unwrapped) width of @layout's text. */
static double
layout_natural_width (PangoLayout *layout)
{
  PangoRectangle logical;
  int saved = pango_layout_get_width (layout);

  pango_layout_set_width (layout, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  pango_layout_set_width (layout, saved);
  return (double) logical.width / PANGO_SCALE;
}

/* The width of the widest word of @text: the narrowest it wraps to without breaking words. */
static double
longest_word_width (AnnexReportRenderer *self,
                    const char          *text,
                    double               size,
                    PangoWeight          weight)
{
  g_auto(GStrv) words = g_strsplit (or_empty (text), " ", -1);
  g_autoptr(PangoLayout) layout = make_layout (self, "", size, weight, -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      pango_layout_set_text (layout, words[i], -1);
      widest = MAX (widest, layout_natural_width (layout));
    }
  return widest;
}

/* Shows the lines of @layout whose top lies in [@from, @to), the first of them at @y. */
static void
show_layout_window (cairo_t     *cr,
                    PangoLayout *layout,
                    double       x,
                    double       y,
                    double       from,
                    double       to)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      int y0, y1;
      double top;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = (double) y0 / PANGO_SCALE;
      if (top < from - EPSILON || top >= to - EPSILON)
        continue;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                     y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - from);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
hline (cairo_t   *cr,
       double     x0,
       double     x1,
       double     y,
       double     width,
       const Rgb *colour)
{
  set_source (cr, colour);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

/* ---- Rows ----------------------------------------------------------------------------------- */

static void
row_free (Row *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    g_clear_object (&row->cells[i].layout);
  g_free (row->cells);
  g_clear_pointer (&row->breaks, g_array_unref);
  g_free (row);
}

static Row *
row_new (AnnexReportRenderer *self,
         RowStyle             style,
         guint                n_cells)
{
  Row *row = g_new0 (Row, 1);

  row->style = style;
  row->n_cells = n_cells;
  row->cells = g_new0 (Cell, n_cells);
  row->left = self->left;
  row->width = self->content_width;
  row->breaks = g_array_new (FALSE, FALSE, sizeof (double));
  row->section = -1;
  g_ptr_array_add (self->rows, row);
  return row;
}

static double
cell_height (const Cell *cell)
{
  /* A pill reaches into the row's padding: its text stays on the row's first baseline. */
  if (cell->layout == NULL)
    return 0;
  return layout_height (cell->layout);
}

/* Measures the row once its cells are set: its height and where it may be split (the line
 * tops of its tallest cell). */
static void
row_finish (Row *row)
{
  const Cell *tallest = NULL;
  PangoLayoutIter *iter;

  row->content = 0;
  for (guint i = 0; i < row->n_cells; i++)
    if (cell_height (&row->cells[i]) > row->content)
      {
        row->content = cell_height (&row->cells[i]);
        tallest = &row->cells[i];
      }

  g_array_set_size (row->breaks, 0);
  if (tallest != NULL)
    {
      iter = pango_layout_get_iter (tallest->layout);
      while (pango_layout_iter_next_line (iter))
        {
          int y0, y1;
          double top;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          top = (double) y0 / PANGO_SCALE;
          g_array_append_val (row->breaks, top);
        }
      pango_layout_iter_free (iter);
    }
  g_array_append_val (row->breaks, row->content);
}

static double
row_height (const Row *row)
{
  return row->pad_top + row->content + row->pad_bottom;
}

/* The height of the row's first @n_lines lines with its padding: what must fit on a page for
 * the row to begin there. */
static double
row_first_lines (const Row *row,
                 guint      n_lines)
{
  guint i = MIN (n_lines, row->breaks->len) - 1;

  return row->pad_top + g_array_index (row->breaks, double, i) + row->pad_bottom;
}

/* ---- Pagination ----------------------------------------------------------------------------- */

static GArray *
current_page (AnnexReportRenderer *self)
{
  return g_ptr_array_index (self->pages, self->pages->len - 1);
}

static void
add_placement (AnnexReportRenderer *self,
               Row                 *row,
               HeatMaps            *maps,
               double               from,
               double               to,
               double               height)
{
  Placement placement = { row, maps, self->y, height, from, to };

  g_array_append_val (current_page (self), placement);
  self->y += height;
}

static void
new_page (AnnexReportRenderer *self)
{
  g_ptr_array_add (self->pages, g_array_new (FALSE, FALSE, sizeof (Placement)));
  self->y = self->top;
  if (self->repeat_header != NULL)
    add_placement (self, self->repeat_header, NULL, 0, G_MAXDOUBLE,
                   row_height (self->repeat_header));
  self->page_start = self->y;
}

static gboolean
page_is_fresh (AnnexReportRenderer *self)
{
  return self->y <= self->page_start + EPSILON;
}

/* Whether @height fits below the cursor; if not, and a fresh page would help, starts one. */
static void
ensure_space (AnnexReportRenderer *self,
              double               height)
{
  if (self->y + height > self->bottom + EPSILON && !page_is_fresh (self))
    new_page (self);
}

/* Places a row too tall for the space left, splitting it between lines: paragraphs wherever the
 * page ends (at least two lines on a page), other rows only when taller than a whole page. */
static void
place_split (AnnexReportRenderer *self,
             Row                 *row)
{
  double from = 0;
  double pads = row->pad_top + row->pad_bottom;

  while (from < row->content - EPSILON)
    {
      double avail = self->bottom - self->y - pads;
      double to = -1;
      guint n_fit = 0;   /* line breaks that fit in @avail */
      guint n_left = 0;  /* line breaks after @from */

      for (guint i = 0; i < row->breaks->len; i++)
        {
          double candidate = g_array_index (row->breaks, double, i);

          if (candidate <= from + EPSILON)
            continue;
          n_left++;
          if (candidate - from <= avail + EPSILON)
            {
              to = candidate;
              n_fit++;
            }
        }

      /* Nothing fits, or a paragraph would leave a single line at the foot of the page. */
      if (to < 0 || (n_fit == 1 && n_left > 1 && row->style == ROW_TEXT))
        {
          if (!page_is_fresh (self))
            {
              new_page (self);
              continue;
            }
          if (to < 0)
            {
              /* A single line taller than a page: show it anyway. */
              for (guint i = 0; i < row->breaks->len && to < 0; i++)
                if (g_array_index (row->breaks, double, i) > from + EPSILON)
                  to = g_array_index (row->breaks, double, i);
            }
        }

      add_placement (self, row, NULL, from, to, to - from + pads);
      from = to;
      if (from < row->content - EPSILON)
        new_page (self);
    }
}

static void
place_row (AnnexReportRenderer *self,
           Row                 *row)
{
  double height = row_height (row);

  if (self->y + height <= self->bottom + EPSILON)
    {
      add_placement (self, row, NULL, 0, G_MAXDOUBLE, height);
      return;
    }

  if (row->style != ROW_TEXT && !page_is_fresh (self) &&
      height <= self->bottom - self->top -
                (self->repeat_header != NULL ? row_height (self->repeat_header) : 0) + EPSILON)
    {
      new_page (self);
      add_placement (self, row, NULL, 0, G_MAXDOUBLE, height);
      return;
    }

  place_split (self, row);
}

/* ---- Blocks --------------------------------------------------------------------------------- */

/* What pagination needs of a block: its rows (a table's header apart) or its heat maps, and
 * how much of it must follow a heading on the same page. */
typedef struct
{
  Row       *header;
  GPtrArray *rows;      /* of Row *, borrowed from self->rows */
  HeatMaps  *maps;
  double     first;     /* the height of its beginning */
} Prepared;

static void
prepare_paragraph (AnnexReportRenderer    *self,
                   const AnnexReportBlock *block,
                   Prepared               *prepared)
{
  Row *row = row_new (self, ROW_TEXT, 1);

  row->cells[0].layout = make_layout (self, block->text, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                                      self->content_width);
  pango_layout_set_line_spacing (row->cells[0].layout, 1.2);
  row->cells[0].x = self->left;
  row->cells[0].width = self->content_width;
  row_finish (row);
  g_ptr_array_add (prepared->rows, row);
  prepared->first = row_first_lines (row, 2);
}

static void
prepare_facts (AnnexReportRenderer    *self,
               const AnnexReportBlock *block,
               Prepared               *prepared)
{
  GPtrArray *facts = block->facts;
  double label_w = 0;
  guint n = facts != NULL ? facts->len / 2 : 0;

  /* The label column is as wide as the longest label, within reason. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) label = make_layout (self, g_ptr_array_index (facts, 2 * i),
                                                  FACT_SIZE, PANGO_WEIGHT_SEMIBOLD, -1);

      label_w = MAX (label_w, layout_natural_width (label));
    }
  label_w = CLAMP (label_w + 2 * CELL_PAD_X + 8, 90, self->content_width * 0.38);

  for (guint i = 0; i < n; i++)
    {
      Row *row = row_new (self, ROW_FACT, 2);

      row->pad_top = row->pad_bottom = CELL_PAD_Y;
      row->cells[0].x = self->left;
      row->cells[0].width = label_w;
      row->cells[0].layout = make_layout (self, g_ptr_array_index (facts, 2 * i), FACT_SIZE,
                                          PANGO_WEIGHT_SEMIBOLD, label_w - 2 * CELL_PAD_X);
      row->cells[1].x = self->left + label_w;
      row->cells[1].width = self->content_width - label_w;
      row->cells[1].layout = make_layout (self, g_ptr_array_index (facts, 2 * i + 1), FACT_SIZE,
                                          PANGO_WEIGHT_NORMAL,
                                          row->cells[1].width - 2 * CELL_PAD_X);
      row_finish (row);
      g_ptr_array_add (prepared->rows, row);
    }

  if (prepared->rows->len > 0)
    prepared->first = row_height (g_ptr_array_index (prepared->rows, 0));
}

/* What each column needs: @minimums, so that its short values (references, dates, levels) and
 * its header's words do not break; @maximums, its widest value unwrapped, beyond which more
 * width would only be white space; @fills, the share of its rows that have a value. Measured
 * once, without wrapping. */
static void
measure_columns (AnnexReportRenderer    *self,
                 const AnnexReportBlock *block,
                 double                  size,
                 double                 *minimums,
                 double                 *value_minimums,
                 double                 *maximums,
                 double                 *fills)
{
  guint n_rows = 0;
  guint n = block->columns->len;
  g_autoptr(PangoLayout) plain = make_layout (self, "", size, PANGO_WEIGHT_NORMAL, -1);
  g_autoptr(PangoLayout) bold = make_layout (self, "", size, PANGO_WEIGHT_BOLD, -1);

  for (guint i = 0; i < n; i++)
    {
      const char *header = g_array_index (block->columns, AnnexReportColumn, i).header;
      g_auto(GStrv) words = g_strsplit (or_empty (header), " ", -1);

      minimums[i] = MIN_COLUMN;
      for (guint w = 0; words[w] != NULL; w++)
        {
          pango_layout_set_text (bold, words[w], -1);
          minimums[i] = MAX (minimums[i], layout_natural_width (bold) + 2 * CELL_PAD_X);
        }
      /* A header may wrap over two lines before its column widens for it. */
      pango_layout_set_text (bold, or_empty (header), -1);
      maximums[i] = MAX (minimums[i], layout_natural_width (bold) / 2 + 2 * CELL_PAD_X);
    }

  for (guint r = 0; block->rows != NULL && r < block->rows->len; r++)
    {
      const AnnexReportRow *row = g_ptr_array_index (block->rows, r);

      if (row->level >= 1)
        continue;
      n_rows++;
      for (guint i = 0; i < n; i++)
        {
          const char *text = row->cells[i];
          double extra = 2 * CELL_PAD_X;
          double natural;

          if (text == NULL || *text == '\0')
            continue;
          fills[i] += 1;
          if (row->colours != NULL && row->colours[i] != NULL)
            extra += 2 * PILL_PAD_X;
          pango_layout_set_text (plain, text, -1);
          natural = layout_natural_width (plain) + extra;
          maximums[i] = MAX (maximums[i], natural);
          if (g_utf8_strlen (text, -1) > 24)
            continue;
          /* A pill and a date stay on one line; other short values may wrap between words. */
          if ((row->colours == NULL || row->colours[i] == NULL) &&
              g_array_index (block->columns, AnnexReportColumn, i).type !=
                ANNEX_REPORT_COLUMN_DATE)
            natural = longest_word_width (self, text, size, PANGO_WEIGHT_NORMAL) + extra;
          value_minimums[i] = MAX (value_minimums[i], natural);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      fills[i] = n_rows > 0 ? fills[i] / n_rows : 1;
      value_minimums[i] = MIN (value_minimums[i], self->content_width * 0.3);
      minimums[i] = MAX (MIN (minimums[i], self->content_width * 0.3), value_minimums[i]);
      maximums[i] = MAX (maximums[i], minimums[i]);
    }
}

/* Shares @content_width out: each column gets its minimum, then what is left goes by the hints,
 * by how much each column can still use and by how many of its rows have a value (@fills),
 * none taking more than its maximum (its widest value) while another can use it. A column with
 * little in it (an empty "Evidence", a justification given by a few rows) thus leaves its share
 * to a long title. */
static void
share_width (double         content_width,
             GArray        *columns,
             const double  *minimums,
             const double  *maximums,
             const double  *fills,
             double        *widths)
{
  guint n = columns->len;
  g_autofree gboolean *full = g_new0 (gboolean, n);
  double left = content_width;
  gboolean growing = TRUE;

  for (guint i = 0; i < n; i++)
    {
      widths[i] = minimums[i];
      left -= minimums[i];
    }

  while (left > EPSILON)
    {
      g_autofree double *weights = g_new0 (double, n);
      double total = 0, given = 0;

      /* How much more a column could use counts up to a point, so that two long texts
       * share by their hints. */
      for (guint i = 0; i < n; i++)
        {
          double hint = MAX (g_array_index (columns, AnnexReportColumn, i).width, 1.0);

          if (!growing)
            weights[i] = hint;
          else if (!full[i])
            weights[i] = hint * CLAMP (maximums[i] - widths[i], 1.0, 100.0) *
                         CLAMP (fills[i], 0.2, 1.0);
          total += weights[i];
        }

      for (guint i = 0; i < n; i++)
        {
          double share;

          if (full[i] && growing)
            continue;
          share = left * weights[i] / total;
          if (growing && widths[i] + share >= maximums[i])
            {
              share = maximums[i] - widths[i];
              full[i] = TRUE;
            }
          widths[i] += share;
          given += share;
        }
      left -= given;

      /* Every column at its maximum: the rest widens them all alike. */
      if (growing)
        {
          growing = FALSE;
          for (guint i = 0; i < n && !growing; i++)
            growing = !full[i];
        }
    }
}

/* Scales @minimums down alike when together they are wider than @content_width. */
static void
fit_minimums (double  content_width,
              guint   n,
              double *minimums)
{
  double total = 0;

  for (guint i = 0; i < n; i++)
    total += minimums[i];
  if (total > content_width)
    for (guint i = 0; i < n; i++)
      minimums[i] *= content_width / total;
}

/* Column widths at type @size with the headers' words and the short values (references,
 * levels, dates) whole, if they fit; else NULL, and a smaller type may do. With @last_resort
 * (the smallest type) the widths are shared out anyway, the minimums scaled down alike. */
static double *
column_widths (AnnexReportRenderer    *self,
               const AnnexReportBlock *block,
               double                  size,
               gboolean                last_resort)
{
  guint n = block->columns->len;
  g_autofree double *minimums = g_new0 (double, n);
  g_autofree double *values = g_new0 (double, n);
  g_autofree double *maximums = g_new0 (double, n);
  g_autofree double *fills = g_new0 (double, n);
  g_autofree double *widths = g_new0 (double, n);
  double total_min = 0;

  measure_columns (self, block, size, minimums, values, maximums, fills);
  for (guint i = 0; i < n; i++)
    total_min += minimums[i];

  if (total_min <= self->content_width + EPSILON)
    {
      share_width (self->content_width, block->columns, minimums, maximums, fills, widths);
      return g_steal_pointer (&widths);
    }
  if (!last_resort)
    return NULL;

  fit_minimums (self->content_width, n, minimums);
  share_width (self->content_width, block->columns, minimums, maximums, fills, widths);
  return g_steal_pointer (&widths);
}

/* The columns the PDF shows (not pdf_hidden), with their cells as a reader sees them (dates
 * formatted): a table of the same shape as the document's, which owns its rows' cells and
 * borrows the rest. */
static AnnexReportBlock *
dup_shown_table (const AnnexReportBlock *block)
{
  AnnexReportBlock *shown = g_new0 (AnnexReportBlock, 1);
  guint n_all = block->columns->len;
  g_autofree guint *index = g_new0 (guint, n_all);
  guint n = 0;

  shown->kind = ANNEX_REPORT_BLOCK_TABLE;
  shown->name = block->name;
  shown->columns = g_array_new (FALSE, TRUE, sizeof (AnnexReportColumn));
  shown->rows = g_ptr_array_new ();
  for (guint i = 0; i < n_all; i++)
    {
      const AnnexReportColumn *column = &g_array_index (block->columns, AnnexReportColumn, i);

      if (column->pdf_hidden)
        continue;
      g_array_append_vals (shown->columns, column, 1);
      index[n++] = i;
    }

  for (guint r = 0; block->rows != NULL && r < block->rows->len; r++)
    {
      const AnnexReportRow *source = g_ptr_array_index (block->rows, r);
      AnnexReportRow *row = g_new0 (AnnexReportRow, 1);

      row->level = source->level;
      row->cells = g_new0 (char *, MAX (n, 1) + 1);
      if (source->colours != NULL)
        row->colours = g_new0 (char *, MAX (n, 1));
      if (source->level >= 1)
        {
          /* A group row's text is its first cell, whatever is shown. */
          row->cells[0] = g_strdup (source->cells[0]);
          for (guint i = 1; i < n; i++)
            row->cells[i] = g_strdup ("");
        }
      else
        {
          for (guint i = 0; i < n; i++)
            {
              const AnnexReportColumn *column = &g_array_index (shown->columns,
                                                                AnnexReportColumn, i);

              row->cells[i] = column->type == ANNEX_REPORT_COLUMN_DATE
                              ? annex_report_format_date (source->cells[index[i]])
                              : g_strdup (source->cells[index[i]]);
              if (row->colours != NULL)
                row->colours[i] = source->colours[index[i]];  /* borrowed */
            }
        }
      g_ptr_array_add (shown->rows, row);
    }

  return shown;
}

static void
shown_table_free (AnnexReportBlock *shown)
{
  for (guint r = 0; r < shown->rows->len; r++)
    {
      AnnexReportRow *row = g_ptr_array_index (shown->rows, r);

      g_strfreev (row->cells);
      g_free (row->colours);  /* the colours are the document's */
      g_free (row);
    }
  g_ptr_array_unref (shown->rows);
  g_array_unref (shown->columns);
  g_free (shown);
}

typedef AnnexReportBlock ShownTable;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShownTable, shown_table_free)

static void
prepare_table (AnnexReportRenderer    *self,
               const AnnexReportBlock *source_block,
               Prepared               *prepared)
{
  g_autoptr(ShownTable) block = NULL;
  g_autofree double *widths = NULL;
  g_autofree double *xs = NULL;
  double size;
  guint n;
  Row *row;

  if (source_block->columns == NULL)
    return;
  block = dup_shown_table (source_block);
  n = block->columns->len;
  if (n == 0)
    return;

  /* Wide tables get a smaller type so that their columns keep a useful width; smaller still
   * (down to a legible minimum) rather than break a header's or a short value's words. */
  size = n <= 5 ? 8.5 : n <= 8 ? 8.0 : n <= 12 ? 7.0 : 6.5;
  while ((widths = column_widths (self, block, size, size <= MIN_TABLE_SIZE)) == NULL)
    size -= 0.5;
  xs = g_new0 (double, n);
  xs[0] = self->left;
  for (guint i = 1; i < n; i++)
    xs[i] = xs[i - 1] + widths[i - 1];

  row = prepared->header = row_new (self, ROW_HEADER, n);
  row->pad_top = row->pad_bottom = CELL_PAD_Y + 1;
  for (guint i = 0; i < n; i++)
    {
      row->cells[i].x = xs[i];
      row->cells[i].width = widths[i];
      row->cells[i].layout = make_layout (self,
                                          g_array_index (block->columns, AnnexReportColumn,
                                                         i).header,
                                          size, PANGO_WEIGHT_BOLD,
                                          widths[i] - 2 * CELL_PAD_X);
      /* A header's words stay whole: the columns were made wide enough for them. */
      pango_layout_set_wrap (row->cells[i].layout, PANGO_WRAP_WORD);
    }
  row_finish (row);

  for (guint r = 0; block->rows != NULL && r < block->rows->len; r++)
    {
      const AnnexReportRow *source = g_ptr_array_index (block->rows, r);

      if (source->level >= 1)
        {
          row = row_new (self, ROW_GROUP, 1);
          row->pad_top = CELL_PAD_Y + 1.5;
          row->pad_bottom = CELL_PAD_Y + 0.5;
          row->cells[0].x = self->left;
          row->cells[0].width = self->content_width;
          row->cells[0].layout = make_layout (self, source->cells[0], size + 0.5,
                                              PANGO_WEIGHT_BOLD,
                                              self->content_width - 2 * CELL_PAD_X);
        }
      else
        {
          row = row_new (self, ROW_BODY, n);
          row->pad_top = row->pad_bottom = CELL_PAD_Y;
          for (guint i = 0; i < n; i++)
            {
              Cell *cell = &row->cells[i];
              const char *text = source->cells[i];
              double text_w = widths[i] - 2 * CELL_PAD_X;

              cell->x = xs[i];
              cell->width = widths[i];
              if (text == NULL || *text == '\0')
                continue;
              cell->has_pill = source->colours != NULL &&
                               parse_colour (source->colours[i], &cell->pill);
              if (cell->has_pill)
                text_w -= 2 * PILL_PAD_X;
              cell->layout = make_layout (self, text, size, PANGO_WEIGHT_NORMAL, text_w);
              /* A pill hugs its text: measure it without the wrap width when it fits. */
              if (cell->has_pill && layout_natural_width (cell->layout) <= text_w)
                pango_layout_set_width (cell->layout, -1);
              /* Room above and below for the pill, which reaches into the padding. */
              if (cell->has_pill)
                row->pad_top = row->pad_bottom = CELL_PAD_Y + 1;
            }
        }
      row_finish (row);
      g_ptr_array_add (prepared->rows, row);
    }

  if (prepared->rows->len == 0)
    {
      row = row_new (self, ROW_EMPTY, 1);
      row->pad_top = row->pad_bottom = CELL_PAD_Y + 1;
      row->cells[0].x = self->left;
      row->cells[0].width = self->content_width;
      row->cells[0].layout = make_layout (self, _("No entries"), size, PANGO_WEIGHT_NORMAL,
                                          self->content_width - 2 * CELL_PAD_X);
      row_finish (row);
      g_ptr_array_add (prepared->rows, row);
    }

  prepared->first = row_height (prepared->header) +
                    row_height (g_ptr_array_index (prepared->rows, 0));
}

static void
heat_maps_free (HeatMaps *maps)
{
  for (guint b = 0; b < maps->n; b++)
    {
      HeatMapBox *box = &maps->boxes[b];
      guint n_x = box->map->n_x, n_y = box->map->n_y;

      g_clear_object (&box->title);
      g_clear_object (&box->x_title);
      g_clear_object (&box->y_title);
      for (guint i = 0; i < n_x; i++)
        g_clear_object (&box->x_labels[i]);
      for (guint i = 0; i < n_y; i++)
        g_clear_object (&box->y_labels[i]);
      for (guint i = 0; i < n_x * n_y; i++)
        g_clear_object (&box->counts[i]);
      g_free (box->x_labels);
      g_free (box->y_labels);
      g_free (box->counts);
    }
  g_free (maps);
}

/* Lays out one heat map in the box @x, @width: title, then the likelihood labels up the left
 * side of the grid (the highest at the top) and the impact labels along the bottom. */
static void
prepare_heat_map_box (AnnexReportRenderer      *self,
                      const AnnexReportHeatMap *map,
                      HeatMapBox               *box,
                      double                    x,
                      double                    width,
                      double                    max_cell)
{
  guint n_x = MAX (map->n_x, 1), n_y = MAX (map->n_y, 1);
  double axis_w, label_natural = 0, label_word = 0, x_word = 0, x_size, y, grid_w;

  box->map = map;
  box->x = x;
  box->width = width;
  box->x_labels = g_new0 (PangoLayout *, map->n_x);
  box->y_labels = g_new0 (PangoLayout *, map->n_y);
  box->counts = g_new0 (PangoLayout *, map->n_x * map->n_y);

  box->title = make_layout (self, map->title, 10.0, PANGO_WEIGHT_BOLD, width);
  box->y_title = make_layout (self, map->y_label, 8.0, PANGO_WEIGHT_SEMIBOLD, -1);
  box->x_title = make_layout (self, map->x_label, 8.0, PANGO_WEIGHT_SEMIBOLD, -1);
  axis_w = layout_height (box->y_title);

  for (guint i = 0; i < map->n_y; i++)
    {
      const char *text = map->y_labels != NULL ? map->y_labels[i] : "";

      box->y_labels[i] = make_layout (self, text, SMALL_SIZE, PANGO_WEIGHT_NORMAL, -1);
      label_natural = MAX (label_natural, layout_natural_width (box->y_labels[i]));
      label_word = MAX (label_word, longest_word_width (self, text, SMALL_SIZE,
                                                        PANGO_WEIGHT_NORMAL));
    }
  box->y_title_x = x;
  box->label_x = x + axis_w + 4;
  /* Long likelihood labels ("Almost certain") wrap between words to leave room for the grid. */
  box->label_w = MIN (label_natural, MIN (MAX (label_word, width * 0.16), width * 0.3));
  for (guint i = 0; i < map->n_y; i++)
    {
      pango_layout_set_width (box->y_labels[i], (int) (box->label_w * PANGO_SCALE));
      pango_layout_set_wrap (box->y_labels[i], PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (box->y_labels[i], PANGO_ALIGN_RIGHT);
    }

  box->grid_x = box->label_x + box->label_w + 6;
  grid_w = x + width - box->grid_x;
  box->cell = MIN (grid_w / n_x, max_cell);
  /* Each row must hold its likelihood label. */
  for (guint i = 0; i < map->n_y; i++)
    box->cell = MAX (box->cell, MIN (layout_height (box->y_labels[i]) + 4, grid_w / n_x));

  y = layout_height (box->title) + 8;
  box->grid_y = y;
  y += box->cell * n_y + 4;

  /* Impact labels wider than a cell ("Negligible", "Catastrophic") get a smaller type rather
   * than broken words, down to a legible minimum. */
  for (guint i = 0; map->x_labels != NULL && i < map->n_x; i++)
    x_word = MAX (x_word, longest_word_width (self, map->x_labels[i], SMALL_SIZE,
                                              PANGO_WEIGHT_NORMAL));
  x_size = SMALL_SIZE;
  if (x_word > box->cell - 3)
    x_size = MAX (SMALL_SIZE * (box->cell - 3) / x_word, 5.5);

  box->x_labels_y = y;
  box->x_labels_h = 0;
  for (guint i = 0; i < map->n_x; i++)
    {
      box->x_labels[i] = make_layout (self, map->x_labels != NULL ? map->x_labels[i] : "",
                                      x_size, PANGO_WEIGHT_NORMAL, box->cell - 2);
      pango_layout_set_alignment (box->x_labels[i], PANGO_ALIGN_CENTER);
      box->x_labels_h = MAX (box->x_labels_h, layout_height (box->x_labels[i]));
    }
  y += box->x_labels_h + 4;
  box->x_title_y = y;
  y += layout_height (box->x_title);

  for (guint i = 0; map->counts != NULL && i < map->n_x * map->n_y; i++)
    if (map->counts[i] > 0)
      {
        g_autofree char *count = g_strdup_printf ("%u", map->counts[i]);

        box->counts[i] = make_layout (self, count, 10.0, PANGO_WEIGHT_BOLD, -1);
      }

  box->height = y;
}

static HeatMaps *
heat_maps_new (AnnexReportRenderer     *self,
               const AnnexReportBlock **blocks,
               guint                    n,
               double                   max_cell)
{
  HeatMaps *maps = g_new0 (HeatMaps, 1);
  double box_w = (self->content_width - (n - 1) * HEAT_MAP_GAP) / n;

  maps->n = n;
  for (guint i = 0; i < n; i++)
    {
      prepare_heat_map_box (self, blocks[i]->heat_map, &maps->boxes[i],
                            self->left + i * (box_w + HEAT_MAP_GAP), box_w, max_cell);
      maps->height = MAX (maps->height, maps->boxes[i].height);
    }
  return maps;
}

/* The heat maps at their full size; or, when that does not fit in the @room left on the page
 * but somewhat smaller cells would, at that size: a short summary and the maps then share a
 * page instead of the summary standing alone (landscape pages are short). */
static void
prepare_heat_maps (AnnexReportRenderer     *self,
                   const AnnexReportBlock **blocks,
                   guint                    n,
                   double                   room,
                   Prepared                *prepared)
{
  HeatMaps *maps = heat_maps_new (self, blocks, n, HEAT_MAP_MAX_CELL);
  double cell = 0, fixed;
  guint n_y = 1;

  for (guint i = 0; i < n; i++)
    {
      cell = MAX (cell, maps->boxes[i].cell);
      n_y = MAX (n_y, blocks[i]->heat_map->n_y);
    }
  /* Everything but the grid keeps its height when the cells shrink. */
  fixed = maps->height - cell * n_y;
  if (maps->height > room + EPSILON && room > 0 &&
      (room - fixed) / n_y >= HEAT_MAP_MIN_CELL && (room - fixed) / n_y < cell)
    {
      heat_maps_free (maps);
      maps = heat_maps_new (self, blocks, n, (double) (int) ((room - fixed) / n_y));
    }

  g_ptr_array_add (self->maps, maps);
  prepared->maps = maps;
  prepared->first = maps->height;
}

static void
place_prepared (AnnexReportRenderer *self,
                Prepared            *prepared)
{
  if (prepared->maps != NULL)
    {
      ensure_space (self, prepared->maps->height);
      add_placement (self, NULL, prepared->maps, 0, G_MAXDOUBLE, prepared->maps->height);
      return;
    }

  if (prepared->header != NULL)
    {
      ensure_space (self, prepared->first);
      add_placement (self, prepared->header, NULL, 0, G_MAXDOUBLE,
                     row_height (prepared->header));
      self->repeat_header = prepared->header;
    }

  for (guint i = 0; i < prepared->rows->len; i++)
    {
      Row *row = g_ptr_array_index (prepared->rows, i);

      /* A group's band goes with its first row, not alone at the foot of a page. */
      if (row->style == ROW_GROUP && i + 1 < prepared->rows->len)
        {
          Row *next = g_ptr_array_index (prepared->rows, i + 1);

          ensure_space (self, row_height (row) + row_height (next));
        }
      place_row (self, row);
    }

  self->repeat_header = NULL;
}

static gboolean
is_heat_map (const AnnexReportSection *section,
             guint                     i)
{
  const AnnexReportBlock *block;

  if (i >= section->blocks->len)
    return FALSE;
  block = g_ptr_array_index (section->blocks, i);
  return block->kind == ANNEX_REPORT_BLOCK_HEAT_MAP && block->heat_map != NULL;
}

/* A section's heading or a sub-heading: it waits in @pending to go on the page with the
 * beginning of the block that follows it. @gap: the space above it unless it opens a page. */
static Row *
heading_row_new (AnnexReportRenderer *self,
                 const char          *text,
                 double               size,
                 double               gap,
                 double               pad_bottom,
                 GPtrArray           *pending)
{
  Row *row = row_new (self, ROW_HEADING, 1);

  row->cells[0].layout = make_layout (self, text, size, PANGO_WEIGHT_BOLD, self->content_width);
  row->cells[0].x = self->left;
  row->cells[0].width = self->content_width;
  row->gap = gap;
  row->pad_bottom = pad_bottom;
  row_finish (row);
  g_ptr_array_add (pending, row);
  return row;
}

/* Places the @pending headings with the beginning of the block after them (@first high, 0 for
 * none) on one page, and forgets them. */
static void
place_pending (AnnexReportRenderer *self,
               GPtrArray           *pending,
               double               first)
{
  double height = 0;

  if (pending->len == 0)
    return;

  for (guint i = 0; i < pending->len; i++)
    {
      Row *row = g_ptr_array_index (pending, i);

      row->pad_top = i == 0 && page_is_fresh (self) ? 0 : row->gap;
      height += row_height (row);
    }
  if (self->y + height + first > self->bottom + EPSILON && !page_is_fresh (self))
    {
      Row *row = g_ptr_array_index (pending, 0);

      new_page (self);
      row->pad_top = 0;
    }

  for (guint i = 0; i < pending->len; i++)
    place_row (self, g_ptr_array_index (pending, i));
  g_ptr_array_set_size (pending, 0);
}

static void
paginate_section (AnnexReportRenderer      *self,
                  const AnnexReportSection *section,
                  guint                     index)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();

  if (section->heading != NULL && *section->heading != '\0')
    heading_row_new (self, section->heading, HEADING_SIZE, HEADING_GAP_BEFORE,
                     HEADING_GAP_AFTER, pending)->section = index;

  for (guint i = 0; section->blocks != NULL && i < section->blocks->len; i++)
    {
      const AnnexReportBlock *block = g_ptr_array_index (section->blocks, i);
      g_autoptr(GPtrArray) rows = g_ptr_array_new ();
      Prepared prepared = { NULL, rows, NULL, 0 };
      double room;

      if (block->kind == ANNEX_REPORT_BLOCK_PARAGRAPH && block->heading)
        {
          /* Below a heading, close to it; else set off like a block. */
          heading_row_new (self, block->text, SUBHEADING_SIZE,
                           pending->len > 0 ? 2 : BLOCK_GAP + 2, HEADING_GAP_AFTER - 2,
                           pending);
          continue;
        }

      switch (block->kind)
        {
        case ANNEX_REPORT_BLOCK_PARAGRAPH:
          prepare_paragraph (self, block, &prepared);
          break;

        case ANNEX_REPORT_BLOCK_FACTS:
          prepare_facts (self, block, &prepared);
          break;

        case ANNEX_REPORT_BLOCK_TABLE:
          prepare_table (self, block, &prepared);
          break;

        case ANNEX_REPORT_BLOCK_HEAT_MAP:
          if (block->heat_map == NULL)
            break;
          /* What is left below the headings or the gap before the maps. */
          room = self->bottom - self->y - (page_is_fresh (self) ? 0 : BLOCK_GAP);
          for (guint p = 0; p < pending->len; p++)
            room -= row_height (g_ptr_array_index (pending, p)) + EPSILON;
          /* Two heat maps in a row (inherent and residual risk) go side by side. */
          if (is_heat_map (section, i + 1))
            {
              const AnnexReportBlock *pair[2] = { block, g_ptr_array_index (section->blocks, i + 1) };

              prepare_heat_maps (self, pair, 2, room, &prepared);
              i++;
            }
          else
            {
              prepare_heat_maps (self, &block, 1, room, &prepared);
            }
          break;

        default:
          g_warn_if_reached ();
          break;
        }

      if (prepared.rows->len == 0 && prepared.maps == NULL)
        continue;

      /* Keep the headings with the beginning of the block. */
      if (pending->len > 0)
        place_pending (self, pending, prepared.first);
      else if (!page_is_fresh (self))
        self->y += BLOCK_GAP;

      place_prepared (self, &prepared);
    }

  /* A heading over nothing still shows (an empty section says so by being empty). */
  place_pending (self, pending, 0);

  self->y += BLOCK_GAP;
}

/* A table of many columns (the SoA has ten) is unreadable in portrait: such documents turn
 * their content pages. */
static gboolean
needs_landscape (const AnnexReportDocument *document)
{
  for (guint s = 0; document->sections != NULL && s < document->sections->len; s++)
    {
      const AnnexReportSection *section = g_ptr_array_index (document->sections, s);

      for (guint b = 0; section->blocks != NULL && b < section->blocks->len; b++)
        {
          const AnnexReportBlock *block = g_ptr_array_index (section->blocks, b);

          guint n_shown = 0;

          if (block->kind != ANNEX_REPORT_BLOCK_TABLE || block->columns == NULL)
            continue;
          for (guint i = 0; i < block->columns->len; i++)
            if (!g_array_index (block->columns, AnnexReportColumn, i).pdf_hidden)
              n_shown++;
          if (n_shown > 8)
            return TRUE;
        }
    }
  return FALSE;
}

static void
set_orientation (AnnexReportRenderer *self,
                 gboolean             landscape)
{
  self->landscape = landscape;
  self->page_width = landscape ? self->height : self->width;
  self->page_height = landscape ? self->width : self->height;
  self->left = MARGIN_X;
  self->content_width = self->page_width - 2 * MARGIN_X;
  self->top = MARGIN_TOP;
  self->bottom = self->page_height - MARGIN_BOTTOM;
}

static void
clear_layout (AnnexReportRenderer *self)
{
  g_ptr_array_set_size (self->pages, 0);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->maps, 0);
  self->repeat_header = NULL;
}

/* ---- Drawing -------------------------------------------------------------------------------- */

static void
draw_pill (cairo_t    *cr,
           const Cell *cell,
           double      y)
{
  PangoRectangle logical;
  double width, height;

  pango_layout_get_extents (cell->layout, NULL, &logical);
  width = (double) logical.width / PANGO_SCALE + 2 * PILL_PAD_X;
  height = (double) logical.height / PANGO_SCALE + 2 * PILL_PAD_Y;
  width = MIN (width, cell->width - 2 * CELL_PAD_X);

  set_source (cr, &cell->pill);
  rounded_rectangle (cr, cell->x + CELL_PAD_X, y - PILL_PAD_Y, width, height, height / 2);
  cairo_fill (cr);
}

static void
draw_row (AnnexReportRenderer *self,
          cairo_t             *cr,
          const Placement     *placement)
{
  const Row *row = placement->row;
  double y = placement->y;
  double bottom = placement->y + placement->height;
  double right = row->left + row->width;

  switch (row->style)
    {
    case ROW_HEADER:
      set_source (cr, &header_fill);
      cairo_rectangle (cr, row->left, y, row->width, placement->height);
      cairo_fill (cr);
      hline (cr, row->left, right, bottom, 0.8, &rule_colour);
      break;

    case ROW_GROUP:
      set_source (cr, &group_fill);
      cairo_rectangle (cr, row->left, y, row->width, placement->height);
      cairo_fill (cr);
      break;

    case ROW_BODY:
    case ROW_FACT:
    case ROW_EMPTY:
      hline (cr, row->left, right, bottom - 0.25, 0.5, &separator_colour);
      break;

    case ROW_TEXT:
    case ROW_HEADING:
    default:
      break;
    }

  for (guint i = 0; i < row->n_cells; i++)
    {
      const Cell *cell = &row->cells[i];
      double x = cell->x;
      double text_y = y + row->pad_top;
      Rgb colour = text_colour;

      if (cell->layout == NULL)
        continue;

      /* Paragraphs and headings align with the page margin, cells are inset. */
      if (row->style != ROW_TEXT && row->style != ROW_HEADING)
        x += CELL_PAD_X;

      if (row->style == ROW_HEADING && row->section >= 0)
        colour = accent_colour;
      else if (row->style == ROW_EMPTY || (row->style == ROW_FACT && i == 0))
        colour = muted_colour;

      if (cell->has_pill)
        {
          if (placement->from < EPSILON)
            draw_pill (cr, cell, text_y);
          colour = contrasting_text (&cell->pill);
          x += PILL_PAD_X;
        }

      set_source (cr, &colour);
      show_layout_window (cr, cell->layout, x, text_y, placement->from, placement->to);
    }
}

/* A heading is the destination of its entry in a PDF's outline (annex-report-pdf.c); other
 * surfaces ignore tags. */
static void
draw_heading (AnnexReportRenderer *self,
              cairo_t             *cr,
              const Placement     *placement)
{
  g_autofree char *dest = g_strdup_printf ("name='section-%d'", placement->row->section);

  cairo_tag_begin (cr, CAIRO_TAG_DEST, dest);
  draw_row (self, cr, placement);
  cairo_tag_end (cr, CAIRO_TAG_DEST);
}

static void
show_layout_at (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_heat_map_box (cairo_t          *cr,
                   const HeatMapBox *box,
                   double            top)
{
  const AnnexReportHeatMap *map = box->map;
  double grid_y = top + box->grid_y;
  double grid_w = box->cell * map->n_x;
  double grid_h = box->cell * map->n_y;

  set_source (cr, &text_colour);
  show_layout_at (cr, box->title, box->x, top);

  for (guint y = 1; y <= map->n_y; y++)
    {
      /* Likelihood grows upwards: level 1 is the bottom row. */
      double cell_y = grid_y + (map->n_y - y) * box->cell;
      PangoLayout *label = box->y_labels[y - 1];

      for (guint x = 1; x <= map->n_x; x++)
        {
          guint index = (y - 1) * map->n_x + (x - 1);
          double cell_x = box->grid_x + (x - 1) * box->cell;
          Rgb fill = { 0.9, 0.9, 0.9 };
          Rgb ink;

          if (map->colours != NULL)
            parse_colour (map->colours[index], &fill);
          set_source (cr, &fill);
          rounded_rectangle (cr, cell_x + 1, cell_y + 1, box->cell - 2, box->cell - 2, 2.5);
          cairo_fill (cr);

          if (box->counts[index] != NULL)
            {
              ink = contrasting_text (&fill);
              set_source (cr, &ink);
              show_layout_at (cr, box->counts[index],
                              cell_x + (box->cell - layout_natural_width (box->counts[index])) / 2,
                              cell_y + (box->cell - layout_height (box->counts[index])) / 2);
            }
        }

      set_source (cr, &muted_colour);
      show_layout_at (cr, label, box->label_x,
                      cell_y + (box->cell - layout_height (label)) / 2);
    }

  /* The axis titles: likelihood turned up the left side, impact centred under the grid. */
  set_source (cr, &muted_colour);
  cairo_save (cr);
  cairo_move_to (cr, box->y_title_x,
                 grid_y + (grid_h + layout_natural_width (box->y_title)) / 2);
  cairo_rotate (cr, -G_PI / 2);
  pango_cairo_show_layout (cr, box->y_title);
  cairo_restore (cr);

  for (guint x = 1; x <= map->n_x; x++)
    show_layout_at (cr, box->x_labels[x - 1], box->grid_x + (x - 1) * box->cell + 1,
                    top + box->x_labels_y);

  show_layout_at (cr, box->x_title,
                  box->grid_x + (grid_w - layout_natural_width (box->x_title)) / 2,
                  top + box->x_title_y);
}

/* Running header (organization · title) and footer (date, "Page N of M") of every page but
 * the cover, each set off by a thin rule. Pages are numbered from the first after the cover. */
static void
draw_running (AnnexReportRenderer *self,
              cairo_t             *cr,
              guint                page)
{
  AnnexReportDocument *document = self->document;
  g_autofree char *running = NULL;
  g_autofree char *number = NULL;
  g_autoptr(PangoLayout) header = NULL;
  g_autoptr(PangoLayout) date = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  double right = self->left + self->content_width;
  double foot = self->page_height - FOOTER_Y;

  if (document->organization != NULL && *document->organization != '\0')
    running = g_strdup_printf ("%s  ·  %s", document->organization, or_empty (document->title));
  else
    running = g_strdup (or_empty (document->title));

  header = make_layout (self, running, SMALL_SIZE + 0.5, PANGO_WEIGHT_NORMAL,
                        self->content_width);
  pango_layout_set_ellipsize (header, PANGO_ELLIPSIZE_END);
  pango_layout_set_wrap (header, PANGO_WRAP_WORD);
  pango_layout_set_height (header, 0);  /* a single line */
  set_source (cr, &muted_colour);
  show_layout_at (cr, header, self->left, RUNNING_Y);
  hline (cr, self->left, right, RUNNING_Y + layout_height (header) + 5, 0.5, &rule_colour);

  hline (cr, self->left, right, foot, 0.5, &rule_colour);
  date = make_layout (self, self->date_label, SMALL_SIZE + 0.5, PANGO_WEIGHT_NORMAL, -1);
  set_source (cr, &muted_colour);
  show_layout_at (cr, date, self->left, foot + 6);

  /* Translators: the footer of each page of a report after its cover */
  number = g_strdup_printf (_("Page %u of %u"), page, self->pages->len - 1);
  footer = make_layout (self, number, SMALL_SIZE + 0.5, PANGO_WEIGHT_NORMAL, -1);
  show_layout_at (cr, footer, right - layout_natural_width (footer), foot + 6);
}

static void
draw_cover (AnnexReportRenderer *self,
            cairo_t             *cr)
{
  AnnexReportDocument *document = self->document;
  g_autoptr(PangoLayout) organization = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  g_autoptr(PangoLayout) prepared = NULL;
  const char *labels[] = { _("Date"), _("Workspace"), _("Version") };
  const char *values[] = { self->date_label, document->workspace, document->version };
  double width = self->width - 2 * MARGIN_X;
  double label_w = 0, y, line_h = 0, block_h;
  double right = self->left + width;

  y = self->height * 0.27;
  set_source (cr, &accent_colour);
  cairo_rectangle (cr, self->left, y, 56, 3);
  cairo_fill (cr);
  y += 3 + 22;

  organization = make_layout (self, document->organization, 24.0, PANGO_WEIGHT_BOLD, width);
  set_source (cr, &text_colour);
  show_layout_at (cr, organization, self->left, y);
  y += layout_height (organization) + 14;

  title = make_layout (self, document->title, 18.0, PANGO_WEIGHT_NORMAL, width);
  set_source (cr, &accent_colour);
  show_layout_at (cr, title, self->left, y);
  y += layout_height (title) + 8;

  if (document->subtitle != NULL && *document->subtitle != '\0')
    {
      subtitle = make_layout (self, document->subtitle, 12.0, PANGO_WEIGHT_NORMAL, width);
      set_source (cr, &muted_colour);
      show_layout_at (cr, subtitle, self->left, y);
    }

  /* The particulars, at the foot of the page. */
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(PangoLayout) label = make_layout (self, labels[i], FACT_SIZE,
                                                  PANGO_WEIGHT_SEMIBOLD, -1);

      label_w = MAX (label_w, layout_natural_width (label));
      line_h = MAX (line_h, layout_height (label));
    }
  label_w += 16;
  prepared = make_layout (self, _("Prepared with Annex"), SMALL_SIZE + 0.5, PANGO_WEIGHT_NORMAL,
                          -1);

  block_h = G_N_ELEMENTS (labels) * (line_h + 4) + 14 + layout_height (prepared);
  y = self->height - MARGIN_BOTTOM - block_h;
  hline (cr, self->left, right, y - 12, 0.5, &rule_colour);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(PangoLayout) label = make_layout (self, labels[i], FACT_SIZE,
                                                  PANGO_WEIGHT_SEMIBOLD, -1);
      g_autoptr(PangoLayout) value = make_layout (self, or_empty (values[i]), FACT_SIZE,
                                                  PANGO_WEIGHT_NORMAL, width - label_w);

      pango_layout_set_ellipsize (value, PANGO_ELLIPSIZE_MIDDLE);
      pango_layout_set_height (value, 0);
      set_source (cr, &muted_colour);
      show_layout_at (cr, label, self->left, y);
      set_source (cr, &text_colour);
      show_layout_at (cr, value, self->left + label_w, y);
      y += line_h + 4;
    }
  y += 14;
  set_source (cr, &muted_colour);
  show_layout_at (cr, prepared, self->left, y);
}

/* ---- Public API ----------------------------------------------------------------------------- */

AnnexReportRenderer *
annex_report_renderer_new (AnnexReportDocument *document,
                           double               width,
                           double               height)
{
  AnnexReportRenderer *self;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (width > 2 * MARGIN_X && height > MARGIN_TOP + MARGIN_BOTTOM, NULL);

  self = g_new0 (AnnexReportRenderer, 1);
  self->document = document;
  self->width = width;
  self->height = height;
  set_orientation (self, FALSE);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->maps = g_ptr_array_new_with_free_func ((GDestroyNotify) heat_maps_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->date_label = annex_report_format_date (document->date);
  return self;
}

void
annex_report_renderer_free (AnnexReportRenderer *self)
{
  if (self == NULL)
    return;

  /* Pages refer to rows and maps: drop them first. */
  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->maps);
  g_clear_object (&self->context);
  g_free (self->date_label);
  g_free (self);
}

guint
annex_report_renderer_paginate (AnnexReportRenderer *self,
                                cairo_t             *cr)
{
  GPtrArray *sections;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  clear_layout (self);
  set_orientation (self, needs_landscape (self->document) && self->width < self->height);
  g_clear_object (&self->context);
  self->context = pango_cairo_create_context (cr);
  /* One unit is one point, whatever the surface's resolution. */
  pango_cairo_context_set_resolution (self->context, 72.0);
  /* Unrounded glyph positions: the text is meant for paper, not for a pixel grid. */
  pango_context_set_round_glyph_positions (self->context, FALSE);

  /* The cover, then the content from the top of page 1. */
  g_ptr_array_add (self->pages, g_array_new (FALSE, FALSE, sizeof (Placement)));
  new_page (self);

  sections = self->document->sections;
  for (guint i = 0; sections != NULL && i < sections->len; i++)
    paginate_section (self, g_ptr_array_index (sections, i), i);

  /* A document without content is its cover alone. */
  if (self->pages->len > 1 && current_page (self)->len == 0)
    g_ptr_array_set_size (self->pages, self->pages->len - 1);

  return self->pages->len;
}

gboolean
annex_report_renderer_page_is_landscape (AnnexReportRenderer *self,
                                         guint                page)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->landscape && page > 0;
}

void
annex_report_renderer_draw_page (AnnexReportRenderer *self,
                                 cairo_t             *cr,
                                 guint                page)
{
  GArray *placements;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  if (page == 0)
    {
      draw_cover (self, cr);
      cairo_restore (cr);
      return;
    }

  draw_running (self, cr, page);

  placements = g_ptr_array_index (self->pages, page);
  for (guint i = 0; i < placements->len; i++)
    {
      const Placement *placement = &g_array_index (placements, Placement, i);

      if (placement->row != NULL && placement->row->section >= 0)
        {
          draw_heading (self, cr, placement);
        }
      else if (placement->row != NULL)
        {
          draw_row (self, cr, placement);
        }
      else
        {
          for (guint b = 0; b < placement->maps->n; b++)
            draw_heat_map_box (cr, &placement->maps->boxes[b], placement->y);
        }
    }

  cairo_restore (cr);
}
