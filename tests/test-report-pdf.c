/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report-pdf.c: the PDF writer and the page renderer on documents built by hand: the text
 * poppler extracts (cover, running footer, accents and non-Latin scripts), page counts, a long
 * table's header repeated on every page, a cell longer than a page split without losing text,
 * pages drawn in any order, and the atomic write: nothing left and an older file untouched when
 * writing fails. */

#define G_LOG_DOMAIN "test-report-pdf"

#include "config.h"

#include <cairo.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "annex-catalogue.h"
#include "annex-database.h"
#include "annex-register.h"
#include "annex-report-render.h"
#include "annex-report.h"
#include "annex-risk-register.h"
#include "annex-risk.h"
#include "annex-test-util.h"

/* ---- Documents by hand ---------------------------------------------------------------------- */

/* The free functions of the arrays a hand-built document holds; annex_report_document_free()
 * frees the document itself. */

static void
block_free (AnnexReportBlock *block)
{
  guint n_columns = block->columns != NULL ? block->columns->len : 0;

  g_free (block->text);
  g_clear_pointer (&block->facts, g_ptr_array_unref);
  g_free (block->name);
  for (guint i = 0; block->rows != NULL && i < block->rows->len; i++)
    {
      AnnexReportRow *row = g_ptr_array_index (block->rows, i);

      g_strfreev (row->cells);
      for (guint c = 0; row->colours != NULL && c < n_columns; c++)
        g_free (row->colours[c]);
      g_free (row->colours);
      g_free (row);
    }
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  for (guint i = 0; i < n_columns; i++)
    {
      g_free (g_array_index (block->columns, AnnexReportColumn, i).header);
      g_free (g_array_index (block->columns, AnnexReportColumn, i).key);
    }
  g_clear_pointer (&block->columns, g_array_unref);
  if (block->heat_map != NULL)
    {
      g_free (block->heat_map->title);
      g_free (block->heat_map->x_label);
      g_free (block->heat_map->y_label);
      g_strfreev (block->heat_map->x_labels);
      g_strfreev (block->heat_map->y_labels);
      g_free (block->heat_map->counts);
      g_strfreev (block->heat_map->colours);
      g_free (block->heat_map);
    }
  g_free (block);
}

static void
section_free (AnnexReportSection *section)
{
  g_free (section->heading);
  g_ptr_array_unref (section->blocks);
  g_free (section);
}

static AnnexReportDocument *
document_new (const char *title,
              const char *organization)
{
  AnnexReportDocument *document = g_new0 (AnnexReportDocument, 1);

  document->kind = ANNEX_REPORT_REGISTER;
  document->title = g_strdup (title);
  document->organization = g_strdup (organization);
  document->date = g_strdup ("2026-11-28");
  document->workspace = g_strdup ("acme.isms");
  document->version = g_strdup ("schema 8, change 1423");
  document->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  return document;
}

static AnnexReportSection *
add_section (AnnexReportDocument *document,
             const char          *heading)
{
  AnnexReportSection *section = g_new0 (AnnexReportSection, 1);

  section->heading = g_strdup (heading);
  section->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  g_ptr_array_add (document->sections, section);
  return section;
}

static AnnexReportBlock *
add_block (AnnexReportSection   *section,
           AnnexReportBlockKind  kind)
{
  AnnexReportBlock *block = g_new0 (AnnexReportBlock, 1);

  block->kind = kind;
  g_ptr_array_add (section->blocks, block);
  return block;
}

static void
add_paragraph (AnnexReportSection *section,
               const char         *text)
{
  add_block (section, ANNEX_REPORT_BLOCK_PARAGRAPH)->text = g_strdup (text);
}

/* Label, value, label, value…, NULL. */
static void
add_facts (AnnexReportSection *section,
           ...)
{
  AnnexReportBlock *block = add_block (section, ANNEX_REPORT_BLOCK_FACTS);
  const char *text;
  va_list args;

  block->facts = g_ptr_array_new_with_free_func (g_free);
  va_start (args, section);
  while ((text = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (block->facts, g_strdup (text));
  va_end (args);
}

/* Header, width, header, width…, NULL. */
static AnnexReportBlock *
add_table (AnnexReportSection *section,
           ...)
{
  AnnexReportBlock *block = add_block (section, ANNEX_REPORT_BLOCK_TABLE);
  const char *header;
  va_list args;

  block->name = g_strdup ("Table");
  block->columns = g_array_new (FALSE, TRUE, sizeof (AnnexReportColumn));
  block->rows = g_ptr_array_new ();
  va_start (args, section);
  while ((header = va_arg (args, const char *)) != NULL)
    {
      AnnexReportColumn column = { g_strdup (header), g_ascii_strdown (header, -1),
                                   va_arg (args, double) };

      g_array_append_val (block->columns, column);
    }
  va_end (args);
  return block;
}

/* n_columns cells. */
static AnnexReportRow *
add_row (AnnexReportBlock *block,
         ...)
{
  AnnexReportRow *row = g_new0 (AnnexReportRow, 1);
  guint n = block->columns->len;
  va_list args;

  row->cells = g_new0 (char *, n + 1);
  va_start (args, block);
  for (guint i = 0; i < n; i++)
    row->cells[i] = g_strdup (va_arg (args, const char *));
  va_end (args);
  g_ptr_array_add (block->rows, row);
  return row;
}

static void
add_group (AnnexReportBlock *block,
           const char       *text)
{
  AnnexReportRow *row = g_new0 (AnnexReportRow, 1);
  guint n = block->columns->len;

  row->cells = g_new0 (char *, n + 1);
  row->cells[0] = g_strdup (text);
  for (guint i = 1; i < n; i++)
    row->cells[i] = g_strdup ("");
  row->level = 1;
  g_ptr_array_add (block->rows, row);
}

static void
set_colour (AnnexReportBlock *block,
            AnnexReportRow   *row,
            guint             column,
            const char       *colour)
{
  if (row->colours == NULL)
    row->colours = g_new0 (char *, block->columns->len);
  row->colours[column] = g_strdup (colour);
}

/* A 5 × 5 method: green, yellow, orange, red by the product of likelihood and impact. */
static void
add_heat_map (AnnexReportSection *section,
              const char         *title,
              guint               seed)
{
  static const char * const labels[] = { "Rare", "Unlikely", "Possible", "Likely",
                                          "Almost certain", NULL };
  static const char * const impacts[] = { "Negligible", "Minor", "Moderate", "Major",
                                          "Severe", NULL };
  AnnexReportHeatMap *map = g_new0 (AnnexReportHeatMap, 1);

  map->title = g_strdup (title);
  map->x_label = g_strdup ("Impact");
  map->y_label = g_strdup ("Likelihood");
  map->n_x = map->n_y = 5;
  map->x_labels = g_strdupv ((char **) impacts);
  map->y_labels = g_strdupv ((char **) labels);
  map->counts = g_new0 (guint, 25);
  map->colours = g_new0 (char *, 26);
  for (guint y = 1; y <= 5; y++)
    for (guint x = 1; x <= 5; x++)
      {
        guint score = x * y;
        guint i = (y - 1) * 5 + (x - 1);

        map->counts[i] = (i * 7 + seed) % 5 == 0 ? (i + seed) % 4 + 1 : 0;
        map->colours[i] = g_strdup (score >= 15 ? "#c01c28" : score >= 8 ? "#ff7800" :
                                    score >= 4 ? "#f6d32d" : "#33d17a");
      }
  add_block (section, ANNEX_REPORT_BLOCK_HEAT_MAP)->heat_map = map;
}

/* ---- Looking at the PDF --------------------------------------------------------------------- */

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_test_skip ("pdftotext or pdfinfo (poppler-utils) is missing");
      return FALSE;
    }
  return TRUE;
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

/* The text of @page (1-based), or of all pages when @page is 0. */
static char *
pdf_text (const char *path,
          guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);

  if (page == 0)
    return run ((const char *[]) { "pdftotext", "-layout", path, "-", NULL });
  return run ((const char *[]) { "pdftotext", "-layout", "-f", number, "-l", number, path, "-",
                                 NULL });
}

/* The value of @key in pdfinfo's output. */
static char *
pdf_info (const char *path,
          const char *key)
{
  g_autofree char *info = run ((const char *[]) { "pdfinfo", path, NULL });
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *prefix = g_strconcat (key, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
  return NULL;
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *pages = pdf_info (path, "Pages");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, text);
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static char *
write_pdf (AnnexReportDocument *document,
           const char          *tmpdir)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmpdir, "report.pdf", NULL);

  g_assert_true (annex_report_write_pdf (document, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* To look at the pages: ANNEX_TEST_PDF_DIR=/tmp/pdfs keeps a copy named after the test. */
  if (g_getenv ("ANNEX_TEST_PDF_DIR") != NULL)
    {
      g_autofree char *name = g_strdelimit (g_strconcat (g_test_get_path () + 1, ".pdf", NULL),
                                            "/", '-');
      g_autofree char *copy = g_build_filename (g_getenv ("ANNEX_TEST_PDF_DIR"), name, NULL);
      g_autoptr(GBytes) bytes = annex_test_read_file (path);

      annex_test_write_file (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
  return path;
}

/* No temporary file left beside the report. */
static void
assert_dir_holds (const char *dir,
                  guint       n_expected)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;
  g_assert_cmpuint (n, ==, n_expected);
}

/* ---- Tests ---------------------------------------------------------------------------------- */

static AnnexReportDocument *
sample_document (void)
{
  AnnexReportDocument *document = document_new ("Risk register", "Müller & Söhne GmbH");
  AnnexReportSection *section;
  AnnexReportBlock *table;
  AnnexReportRow *row;

  document->subtitle = g_strdup ("Information security risks and their treatment");

  section = add_section (document, "Summary");
  add_paragraph (section, "Die Größe der Straße prüfen: café, naïve, ü, ß. "
                 "Информационная безопасность организации. Ασφάλεια πληροφοριών.");
  add_facts (section, "Risks", "12", "Above the acceptance threshold", "3",
             "Risk owner", "Jürgen Weiß", NULL);

  section = add_section (document, "Heat maps");
  add_heat_map (section, "Inherent risk", 0);
  add_heat_map (section, "Residual risk", 3);

  section = add_section (document, "Risks");
  table = add_table (section, "Ref", 5.0, "Title", 30.0, "Owner", 12.0, "Level", 8.0, NULL);
  add_group (table, "Organizational");
  row = add_row (table, "R-001", "Ransomware encrypts the file server", "Dana Lee", "High");
  set_colour (table, row, 3, "#c01c28");
  row = add_row (table, "R-002", "Утечка данных клиентов", "Олег Петров", "Medium");
  set_colour (table, row, 3, "#f6d32d");
  row = add_row (table, "R-003", "Laptop lost on a trip", "Zoë Ångström", "Low");
  set_colour (table, row, 3, "#33d17a");

  section = add_section (document, "Nothing to treat");
  add_table (section, "Ref", 5.0, "Action", 30.0, NULL);

  return document;
}

static void
test_sample (void)
{
  g_autoptr(AnnexReportDocument) document = sample_document ();
  g_autofree char *tmpdir = annex_test_make_tmpdir ();
  g_autofree char *path = write_pdf (document, tmpdir);
  g_autofree char *cover = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *size = NULL;
  guint n_pages;

  assert_dir_holds (tmpdir, 1);
  if (!have_poppler ())
    {
      annex_test_rm_rf (tmpdir);
      return;
    }

  n_pages = pdf_pages (path);
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_cmpuint (n_pages, <=, 3);
  size = pdf_info (path, "Page size");
  assert_contains (size, "595 x 842 pts (A4)");

  title = pdf_info (path, "Title");
  author = pdf_info (path, "Author");
  creator = pdf_info (path, "Creator");
  g_assert_cmpstr (title, ==, "Risk register — Information security risks and their treatment");
  g_assert_cmpstr (author, ==, "Müller & Söhne GmbH");
  g_assert_cmpstr (creator, ==, "Annex");

  cover = pdf_text (path, 1);
  assert_contains (cover, "Müller & Söhne GmbH");
  assert_contains (cover, "Risk register");
  assert_contains (cover, "Information security risks and their treatment");
  assert_contains (cover, "28 November 2026");
  assert_contains (cover, "acme.isms");
  assert_contains (cover, "schema 8, change 1423");
  assert_contains (cover, "Prepared with Annex");
  g_assert_null (strstr (cover, "Page "));

  text = pdf_text (path, 0);
  assert_contains (text, "Page 1 of");
  assert_contains (text, "Summary");
  assert_contains (text, "Die Größe der Straße prüfen: café, naïve, ü, ß.");
  assert_contains (text, "Информационная безопасность организации.");
  assert_contains (text, "Ασφάλεια πληροφοριών.");
  assert_contains (text, "Above the acceptance threshold");
  assert_contains (text, "Jürgen Weiß");
  assert_contains (text, "Inherent risk");
  assert_contains (text, "Residual risk");
  assert_contains (text, "Likelihood");
  assert_contains (text, "Impact");
  assert_contains (text, "Almost");
  assert_contains (text, "Negligible");
  assert_contains (text, "Organizational");
  assert_contains (text, "R-001");
  assert_contains (text, "Ransomware encrypts the file server");
  assert_contains (text, "Утечка данных клиентов");
  assert_contains (text, "Zoë Ångström");
  assert_contains (text, "High");
  assert_contains (text, "No entries");

  annex_test_rm_rf (tmpdir);
}

/* 160 rows: several pages, each beginning with the table's header; every row once. */
static void
test_long_table (void)
{
  g_autoptr(AnnexReportDocument) document = document_new ("Statement of Applicability", "Acme");
  g_autofree char *tmpdir = annex_test_make_tmpdir ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  AnnexReportSection *section = add_section (document, "Controls");
  AnnexReportBlock *table = add_table (section, "Control", 5.0, "Control title", 22.0,
                                       "Applicable", 7.0, "Justification", 40.0, NULL);
  guint n_pages;

  for (guint i = 1; i <= 160; i++)
    {
      g_autofree char *id = g_strdup_printf ("X.%03u", i);
      g_autofree char *title = g_strdup_printf ("Control number %u", i);

      if (i % 40 == 1)
        {
          g_autofree char *group = g_strdup_printf ("Theme %u", i / 40 + 1);

          add_group (table, group);
        }
      add_row (table, id, title, i % 3 == 0 ? "No" : "Yes",
               i % 7 == 0 ? "A longer justification that wraps onto a second line of the "
                            "cell because it says rather more than the others do." :
                            "Needed by the risk assessment.");
    }

  path = write_pdf (document, tmpdir);
  if (!have_poppler ())
    {
      annex_test_rm_rf (tmpdir);
      return;
    }

  n_pages = pdf_pages (path);
  g_assert_cmpuint (n_pages, >=, 5);
  g_assert_cmpuint (n_pages, <=, 12);

  for (guint page = 2; page <= n_pages; page++)
    {
      g_autofree char *page_text = pdf_text (path, page);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", page - 1, n_pages - 1);

      assert_contains (page_text, "Control title");
      assert_contains (page_text, "Justification");
      assert_contains (page_text, footer);
      g_assert_true (g_regex_match_simple ("Acme\\s+·\\s+Statement of Applicability",
                                           page_text, 0, 0));
    }

  text = pdf_text (path, 0);
  for (guint i = 1; i <= 160; i++)
    {
      g_autofree char *id = g_strdup_printf ("X.%03u ", i);

      g_assert_cmpuint (count_occurrences (text, id), ==, 1);
    }
  assert_contains (text, "Theme 4");

  annex_test_rm_rf (tmpdir);
}

/* A column marked pdf_hidden is left out of the PDF and a date column reads as on the cover;
 * a wide table's headers wrap between their words, never inside one. */
static void
test_hidden_and_date_columns (void)
{
  g_autoptr(AnnexReportDocument) document = document_new ("Risk register", "Acme");
  g_autofree char *tmpdir = annex_test_make_tmpdir ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *raw = NULL;
  AnnexReportSection *section = add_section (document, "Risks");
  AnnexReportBlock *table = add_table (section, "Risk", 6.0, "Title", 20.0, "Owner", 10.0,
                                       "Assets", 7.0, "Controls", 7.0, "Inherent level", 9.0,
                                       "Treatment", 9.0, "Residual level", 9.0,
                                       "Accepted by", 9.0, "Accepted until", 10.0,
                                       "Next review", 10.0, "Status", 9.0, "Secret detail", 8.0,
                                       NULL);

  g_array_index (table->columns, AnnexReportColumn, 9).type = ANNEX_REPORT_COLUMN_DATE;
  g_array_index (table->columns, AnnexReportColumn, 10).type = ANNEX_REPORT_COLUMN_DATE;
  g_array_index (table->columns, AnnexReportColumn, 12).pdf_hidden = TRUE;
  for (guint i = 1; i <= 12; i++)
    {
      g_autofree char *id = g_strdup_printf ("R-%03u", i);

      add_row (table, id, "Customer accounts taken over through phishing", "Thomas Berg",
               "AS-001, AS-008", "5.15, 6.3, 8.5", "Very high", "Modify (reduce)", "Medium",
               i == 3 ? "Margaret Ellison" : "", i == 3 ? "2027-09-28" : "", "2027-05-28",
               "Assessed", "HIDDENVALUE");
    }

  path = write_pdf (document, tmpdir);
  if (!have_poppler ())
    {
      annex_test_rm_rf (tmpdir);
      return;
    }

  text = pdf_text (path, 0);
  assert_contains (text, "R-012");
  assert_contains (text, "28 September 2027");
  g_assert_cmpuint (count_occurrences (text, "28 May 2027"), ==, 12);
  g_assert_null (strstr (text, "2027-05-28"));
  g_assert_null (strstr (text, "HIDDENVALUE"));
  g_assert_null (strstr (text, "Secret"));

  /* Every header word whole (a broken one would read "Contr-" or "Treat-"). */
  raw = run ((const char *[]) { "pdftotext", "-raw", path, "-", NULL });
  for (const char * const *word = (const char * const[]) { "Controls", "Treatment", "Inherent",
                                                           "Residual", "Accepted", "review",
                                                           NULL };
       *word != NULL; word++)
    assert_contains (raw, *word);
  g_assert_null (strstr (raw, "-\n"));

  annex_test_rm_rf (tmpdir);
}

/* A cell of 6000 words is taller than a page: split between lines over several pages, the
 * header repeated, no word lost; an unbreakable 300-character token wraps inside its cell. */
static void
test_long_cell (void)
{
  g_autoptr(AnnexReportDocument) document = document_new ("Audit report", "Acme");
  g_autofree char *tmpdir = annex_test_make_tmpdir ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GString) token = g_string_new (NULL);
  AnnexReportSection *section = add_section (document, "Findings");
  AnnexReportBlock *table = add_table (section, "Ref", 5.0, "Evidence", 40.0, NULL);
  guint n_pages;

  for (guint i = 1; i <= 6000; i++)
    g_string_append_printf (words, "w%05u ", i);
  for (guint i = 0; i < 30; i++)
    g_string_append (token, "abcdefghij");

  add_row (table, "F-1", "Short evidence.");
  add_row (table, "F-2", words->str);
  add_row (table, "F-3", token->str);
  add_paragraph (section, words->str);

  path = write_pdf (document, tmpdir);
  if (!have_poppler ())
    {
      annex_test_rm_rf (tmpdir);
      return;
    }

  n_pages = pdf_pages (path);
  g_assert_cmpuint (n_pages, >=, 5);

  for (guint page = 2; page <= n_pages; page++)
    {
      g_autofree char *page_text = pdf_text (path, page);

      /* The paragraph after the table has no header. */
      if (strstr (page_text, "F-3") != NULL)
        break;
      assert_contains (page_text, "Evidence");
    }

  text = pdf_text (path, 0);
  for (guint i = 1; i <= 6000; i++)
    {
      g_autofree char *word = g_strdup_printf ("w%05u", i);

      /* Once in the table, once in the paragraph. */
      g_assert_cmpuint (count_occurrences (text, word), ==, 2);
    }

  /* The token's pieces, joined again, give the whole token. */
  flat = g_strdup (text);
  {
    GString *joined = g_string_new (NULL);

    for (const char *p = strstr (flat, "abcdefghij"); p != NULL && *p != '\0'; p++)
      {
        if (g_ascii_isalpha (*p))
          g_string_append_c (joined, *p);
        else if (*p != ' ' && *p != '\n' && *p != '\f')
          break;
        if (joined->len == token->len)
          break;
      }
    g_assert_cmpstr (joined->str, ==, token->str);
    g_string_free (joined, TRUE);
  }

  annex_test_rm_rf (tmpdir);
}

/* A document without sections is its cover; a workspace with odd values still renders. */
static void
test_cover_only (void)
{
  g_autoptr(AnnexReportDocument) document = document_new ("Action list", "Acme");
  g_autofree char *tmpdir = annex_test_make_tmpdir ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  g_clear_pointer (&document->date, g_free);
  document->date = g_strdup ("someday");
  path = write_pdf (document, tmpdir);
  if (!have_poppler ())
    {
      annex_test_rm_rf (tmpdir);
      return;
    }

  g_assert_cmpuint (pdf_pages (path), ==, 1);
  text = pdf_text (path, 0);
  assert_contains (text, "Action list");
  assert_contains (text, "someday");

  annex_test_rm_rf (tmpdir);
}

/* The renderer draws on any cairo context, pages in any order, each the same whenever drawn. */
static void
test_render_any_order (void)
{
  g_autoptr(AnnexReportDocument) document = sample_document ();
  g_autoptr(AnnexReportRenderer) renderer = annex_report_renderer_new (document, 595, 842);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
  cairo_surface_t *first = NULL;
  cairo_t *cr = cairo_create (surface);
  guint n_pages = annex_report_renderer_paginate (renderer, cr);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (n_pages, >=, 2);

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < n_pages; i++)
      {
        guint page = round == 0 ? n_pages - 1 - i : i;

        if (page != 1)
          continue;
        surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
        cr = cairo_create (surface);
        cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_paint (cr);
        annex_report_renderer_draw_page (renderer, cr, page);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        cairo_surface_flush (surface);

        if (first == NULL)
          {
            first = surface;
          }
        else
          {
            int stride = cairo_image_surface_get_stride (surface);

            g_assert_cmpmem (cairo_image_surface_get_data (first), stride * 842,
                             cairo_image_surface_get_data (surface), stride * 842);
            cairo_surface_destroy (surface);
          }
      }

  g_assert_nonnull (first);
  cairo_surface_destroy (first);

  /* Every page, backwards. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
  cr = cairo_create (surface);
  for (guint i = n_pages; i > 0; i--)
    annex_report_renderer_draw_page (renderer, cr, i - 1);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
assert_write_fails (AnnexReportDocument *document,
                    const char          *path,
                    GQuark               domain,
                    int                  code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_name (path);

  g_assert_false (annex_report_write_pdf (document, path, &error));
  g_assert_error (error, domain, code);
  assert_contains (error->message, name);
}

static void
test_errors (void)
{
  g_autoptr(AnnexReportDocument) document = sample_document ();
  g_autofree char *tmpdir = annex_test_make_tmpdir ();
  g_autofree char *missing = g_build_filename (tmpdir, "no-such-folder", "report.pdf", NULL);
  g_autofree char *file = g_build_filename (tmpdir, "file.txt", NULL);
  g_autofree char *under_file = g_build_filename (file, "report.pdf", NULL);
  g_autofree char *folder = g_build_filename (tmpdir, "folder.pdf", NULL);
  g_autofree char *inside = g_build_filename (folder, "keep", NULL);
  g_autofree char *readonly = g_build_filename (tmpdir, "read-only", NULL);
  g_autofree char *in_readonly = g_build_filename (readonly, "report.pdf", NULL);
  g_autoptr(GBytes) old = g_bytes_new_static ("an older report", 15);

  /* A folder that does not exist. */
  assert_write_fails (document, missing, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  /* A file where a folder should be. */
  annex_test_write_file (file, "x", 1);
  assert_write_fails (document, under_file, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);

  /* A folder of that name: the rename fails, the temporary file goes, the folder stays. */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  annex_test_write_file (inside, "y", 1);
  g_assert_false (annex_report_write_pdf (document, folder, NULL));
  assert_dir_holds (tmpdir, 2);
  assert_dir_holds (folder, 1);

  /* A read-only folder with an older report in it (not read-only to root). */
  g_assert_cmpint (g_mkdir (readonly, 0755), ==, 0);
  annex_test_write_file (in_readonly, "an older report", 15);
  g_assert_cmpint (g_chmod (readonly, 0555), ==, 0);
  if (access (readonly, W_OK) != 0)
    {
      assert_write_fails (document, in_readonly, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      assert_dir_holds (readonly, 1);
      annex_test_assert_file_equals (in_readonly, old);
    }
  g_assert_cmpint (g_chmod (readonly, 0755), ==, 0);

  annex_test_rm_rf (tmpdir);
}

/* A disk that fills up while writing (a file size limit, which binds root too): an error, no
 * temporary file, and the older report as it was. */
static void
test_write_error_keeps_old_file (void)
{
  g_autoptr(AnnexReportDocument) document = sample_document ();
  g_autofree char *tmpdir = annex_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (tmpdir, "report.pdf", NULL);
  g_autoptr(GBytes) old = g_bytes_new_static ("an older report", 15);
  g_autoptr(GError) error = NULL;
  struct rlimit saved, limit;
  void (*handler) (int);
  gboolean written;

  annex_test_write_file (path, "an older report", 15);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 4096;
  handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  written = annex_report_write_pdf (document, path, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, handler);

  g_assert_false (written);
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  assert_contains (error->message, path);
  assert_contains (error->message, g_strerror (EFBIG));
  assert_dir_holds (tmpdir, 1);
  annex_test_assert_file_equals (path, old);

  /* Without the limit the report replaces the older file. */
  g_clear_error (&error);
  g_assert_true (annex_report_write_pdf (document, path, &error));
  g_assert_no_error (error);
  assert_dir_holds (tmpdir, 1);
  {
    g_autoptr(GBytes) bytes = annex_test_read_file (path);

    g_assert_cmpuint (g_bytes_get_size (bytes), >, 4096);
    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);
  }

  annex_test_rm_rf (tmpdir);
}

/* ---- Real reports of a workspace ------------------------------------------------------------ */

static AnnexDatabase *
create_workspace (const char *tmpdir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "acme.isms", NULL);
  g_autoptr(AnnexDatabase) db = annex_database_create (path, "Acme Ltd", &error);
  g_autoptr(AnnexRiskRegister) risks = NULL;
  AnnexRegister *reg;
  static const struct
  {
    const char *title;
    guint il, ii, rl, ri;
  } samples[] = {
    { "Ransomware encrypts the file server", 4, 5, 2, 4 },
    { "Phishing steals an administrator’s password", 5, 4, 3, 3 },
    { "Laptop with customer data lost while travelling", 3, 3, 2, 2 },
    { "Cloud provider outage stops order intake", 2, 4, 2, 3 },
    { "Утечка данных клиентов через подрядчика", 3, 4, 1, 4 },
  };

  g_assert_no_error (error);
  risks = annex_risk_register_new (db);
  reg = annex_risk_register_get_register (risks);
  annex_register_load (reg, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(AnnexRecord) record = annex_register_new_record (reg);

      annex_risk_set_title (ANNEX_RISK (record), samples[i].title);
      annex_risk_set_inherent (ANNEX_RISK (record), samples[i].il, samples[i].ii);
      annex_risk_set_residual (ANNEX_RISK (record), samples[i].rl, samples[i].ri);
      annex_register_add (reg, record, &error);
      g_assert_no_error (error);
    }

  return g_steal_pointer (&db);
}

static char *
export_pdf (AnnexDatabase   *db,
            AnnexReportKind  kind,
            const char      *tmpdir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnexReportDocument) document = annex_report_build (db, kind, NULL, "2026-11-28",
                                                                &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return write_pdf (document, tmpdir);
}

/* The Statement of Applicability: every Annex A control once, on a sensible number of pages
 * whose header repeats. */
static void
test_real_soa (void)
{
  g_autofree char *tmpdir = annex_test_make_tmpdir ();
  g_autoptr(AnnexDatabase) db = create_workspace (tmpdir);
  g_autofree char *path = export_pdf (db, ANNEX_REPORT_SOA, tmpdir);
  g_autofree char *text = NULL;
  g_autofree char *page_2 = NULL;
  g_autofree char *page_3 = NULL;
  g_autofree char *size = NULL;
  const AnnexCatalogueControl *controls;
  guint n_controls, n_pages;

  if (!have_poppler ())
    {
      annex_test_rm_rf (tmpdir);
      return;
    }

  n_pages = pdf_pages (path);
  g_assert_cmpuint (n_pages, >=, 4);
  g_assert_cmpuint (n_pages, <=, 40);

  text = pdf_text (path, 0);
  assert_contains (text, "Acme Ltd");
  assert_contains (text, "Statement of Applicability");
  assert_contains (text, "28 November 2026");
  assert_contains (text, "Page 1 of");

  controls = annex_catalogue_get_controls (&n_controls);
  g_assert_cmpuint (n_controls, ==, 93);
  for (guint i = 0; i < n_controls; i++)
    {
      g_autofree char *escaped = g_regex_escape_string (controls[i].id, -1);
      g_autofree char *pattern = g_strdup_printf ("(?<![\\w.])%s(?![\\w.])", escaped);
      g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;
      guint n = 0;

      for (g_regex_match (regex, text, 0, &match); g_match_info_matches (match);
           g_match_info_next (match, NULL))
        n++;
      if (n == 0)
        g_error ("%s missing from the SoA", controls[i].id);
    }

  /* The last two pages (of the table) both begin with its header; the ten columns turn the
   * content pages to landscape, not the cover. */
  page_2 = pdf_text (path, n_pages - 1);
  page_3 = pdf_text (path, n_pages);
  assert_contains (page_2, "Justification");
  assert_contains (page_3, "Justification");
  size = pdf_info (path, "Page size");
  assert_contains (size, "595 x 842 pts (A4)");
  {
    g_autofree char *number = g_strdup_printf ("%u", n_pages);
    g_autofree char *info = run ((const char *[]) { "pdfinfo", "-f", number, "-l", number, path,
                                                    NULL });

    g_assert_true (g_regex_match_simple ("size:\\s+842 x 595 pts", info, 0, 0));
  }

  annex_database_close (db);
  annex_test_rm_rf (tmpdir);
}

/* The risk register: the risks, and both heat maps with their axes. */
static void
test_real_risks (void)
{
  g_autofree char *tmpdir = annex_test_make_tmpdir ();
  g_autoptr(AnnexDatabase) db = create_workspace (tmpdir);
  g_autofree char *path = export_pdf (db, ANNEX_REPORT_RISKS, tmpdir);
  g_autofree char *text = NULL;
  guint n_pages;

  if (!have_poppler ())
    {
      annex_test_rm_rf (tmpdir);
      return;
    }

  n_pages = pdf_pages (path);
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_cmpuint (n_pages, <=, 8);

  text = pdf_text (path, 0);
  assert_contains (text, "Acme Ltd");
  assert_contains (text, "Inherent risk");
  assert_contains (text, "Residual risk");
  assert_contains (text, "Likelihood");
  assert_contains (text, "Impact");
  assert_contains (text, "R-001");
  assert_contains (text, "R-005");
  assert_contains (text, "Ransomware");
  assert_contains (text, "Утечка");
  assert_contains (text, "Page 1 of");

  annex_database_close (db);
  annex_test_rm_rf (tmpdir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annex/report/pdf/sample", test_sample);
  g_test_add_func ("/annex/report/pdf/long-table", test_long_table);
  g_test_add_func ("/annex/report/pdf/long-cell", test_long_cell);
  g_test_add_func ("/annex/report/pdf/hidden-and-date-columns", test_hidden_and_date_columns);
  g_test_add_func ("/annex/report/pdf/cover-only", test_cover_only);
  g_test_add_func ("/annex/report/pdf/render-any-order", test_render_any_order);
  g_test_add_func ("/annex/report/pdf/errors", test_errors);
  g_test_add_func ("/annex/report/pdf/write-error-keeps-old-file",
                   test_write_error_keeps_old_file);
  g_test_add_func ("/annex/report/pdf/real-soa", test_real_soa);
  g_test_add_func ("/annex/report/pdf/real-risks", test_real_risks);

  return g_test_run ();
}
