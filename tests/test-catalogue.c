/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-catalogue.c: the compiled-in reference catalogue: its integrity (93 controls, themes, the
 * new ones, the 2013 mapping, clauses 4 to 10), every row against the reference CSVs, and the
 * tag and theme lookups. */

#define G_LOG_DOMAIN "test-catalogue"

#include "config.h"

#include <string.h>

#include "annex-catalogue.h"

#define N_CONTROLS 93
#define N_CLAUSES  41

static const char * const new_controls[] = {
  "5.7", "5.23", "5.30", "7.4", "8.9", "8.10", "8.11", "8.12", "8.16", "8.23", "8.28",
};

/* ---- the reference CSVs (RFC 4180: quoted fields, "" inside quotes, CRLF or LF) ---- */

typedef struct
{
  GPtrArray *rows; /* of GStrv; row 0 is the header */
} Csv;

static void
csv_free (Csv *csv)
{
  g_ptr_array_unref (csv->rows);
  g_free (csv);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Csv, csv_free)

static Csv *
csv_parse (const char *text)
{
  Csv *csv = g_new0 (Csv, 1);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;
  gboolean row_has_data = FALSE;
  const char *p = text;

  csv->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (;;)
    {
      char c = *p;

      if (quoted)
        {
          g_assert_true (c != '\0'); /* an unterminated quote */
          if (c == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p += 2;
            }
          else if (c == '"')
            {
              quoted = FALSE;
              p++;
            }
          else
            {
              g_string_append_c (field, c);
              p++;
            }
          continue;
        }

      if (c == '"')
        {
          quoted = TRUE;
          row_has_data = TRUE;
          p++;
        }
      else if (c == ',')
        {
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          row_has_data = TRUE;
          p++;
        }
      else if (c == '\r' || c == '\n' || c == '\0')
        {
          if (row_has_data || field->len > 0)
            {
              g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
              field = g_string_new (NULL);
              g_ptr_array_add (fields, NULL);
              /* Steal the strings; the emptied array itself is still ours to free. */
              g_ptr_array_add (csv->rows, g_ptr_array_steal (fields, NULL));
              g_ptr_array_unref (fields);
              fields = g_ptr_array_new_with_free_func (g_free);
            }
          row_has_data = FALSE;
          if (c == '\0')
            break;
          p++;
        }
      else
        {
          g_string_append_c (field, c);
          row_has_data = TRUE;
          p++;
        }
    }

  return csv;
}

/* Reads @name from the reference directory, or returns NULL after g_test_skip () when the
 * shared directory is not there (ANNEX_SHARED_DIR is set by tests/meson.build). */
static Csv *
read_reference_csv (const char *name)
{
  const char *shared = g_getenv ("ANNEX_SHARED_DIR");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (shared == NULL || *shared == '\0')
    {
      g_test_skip ("ANNEX_SHARED_DIR is not set");
      return NULL;
    }

  path = g_build_filename (shared, "reference", "iso27001-2022", name, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *message = g_strdup_printf ("%s does not exist", path);

      g_test_skip (message);
      return NULL;
    }

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, -1, NULL));

  return csv_parse (text);
}

static guint
csv_n_rows (Csv *csv)
{
  return csv->rows->len - 1;
}

/* The field of data row @row (0-based, after the header) in the column named @name. */
static const char *
csv_get (Csv        *csv,
         guint       row,
         const char *name)
{
  char **header = g_ptr_array_index (csv->rows, 0);
  char **fields = g_ptr_array_index (csv->rows, row + 1);

  g_assert_cmpuint (g_strv_length (fields), ==, g_strv_length (header));
  for (guint i = 0; header[i] != NULL; i++)
    {
      if (strcmp (header[i], name) == 0)
        return fields[i];
    }

  g_error ("no column %s", name);
}

/* ---- helpers ---- */

static void
parse_control_id (const char *id,
                  guint      *major,
                  guint      *minor)
{
  g_auto(GStrv) parts = g_strsplit (id, ".", -1);
  guint64 value;

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  g_assert_true (g_ascii_string_to_unsigned (parts[0], 10, 5, 8, &value, NULL));
  *major = (guint) value;
  g_assert_true (g_ascii_string_to_unsigned (parts[1], 10, 1, 99, &value, NULL));
  *minor = (guint) value;
}

static gboolean
is_new_control (const char *id)
{
  return g_strv_contains ((const char * const *) new_controls, id);
}

/* The set of the space-separated words of @list, as a hash table of its own strings. */
static GHashTable *
word_set (const char *list)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) words = g_strsplit (list, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      g_assert_true (g_hash_table_add (set, g_strdup (words[i]))); /* no duplicates */
    }

  return set;
}

static gboolean
sets_equal (GHashTable *a,
            GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (b, key))
        return FALSE;
    }

  return TRUE;
}

/* Flags from a reference CSV cell such as "Preventive;Corrective" (each value must be known). */
static guint
flags_from_csv (AnnexCatalogueAttribute  attribute,
                const char              *cell)
{
  g_auto(GStrv) values = g_strsplit (cell, ";", -1);
  guint flags = 0;

  g_assert_cmpstr (cell, !=, "");
  for (guint i = 0; values[i] != NULL; i++)
    {
      guint flag = annex_catalogue_tag_from_nick (attribute, values[i]);

      if (flag == 0)
        g_error ("%s is not a value of %s", values[i], annex_catalogue_attribute_nick (attribute));
      g_assert_cmpuint (flags & flag, ==, 0);
      flags |= flag;
    }

  return flags;
}

/* ---- controls ---- */

static void
test_controls_count (void)
{
  const AnnexCatalogueControl *controls;
  guint per_theme[ANNEX_N_CONTROL_THEMES] = { 0, };
  guint n = 0;

  controls = annex_catalogue_get_controls (&n);
  g_assert_nonnull (controls);
  g_assert_cmpuint (n, ==, N_CONTROLS);
  g_assert_true (annex_catalogue_get_controls (NULL) == controls);

  for (guint i = 0; i < n; i++)
    {
      guint major, minor;

      parse_control_id (controls[i].id, &major, &minor);
      g_assert_cmpint (controls[i].theme, <=, ANNEX_THEME_TECHNOLOGICAL);
      /* 5 organizational, 6 people, 7 physical, 8 technological */
      g_assert_cmpuint (controls[i].theme, ==, major - 5);
      per_theme[controls[i].theme]++;
    }

  g_assert_cmpuint (per_theme[ANNEX_THEME_ORGANIZATIONAL], ==, 37);
  g_assert_cmpuint (per_theme[ANNEX_THEME_PEOPLE], ==, 8);
  g_assert_cmpuint (per_theme[ANNEX_THEME_PHYSICAL], ==, 14);
  g_assert_cmpuint (per_theme[ANNEX_THEME_TECHNOLOGICAL], ==, 34);
}

static void
test_controls_order (void)
{
  const AnnexCatalogueControl *controls;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint prev_major = 0, prev_minor = 0;
  guint n;

  controls = annex_catalogue_get_controls (&n);
  for (guint i = 0; i < n; i++)
    {
      guint major, minor;

      g_assert_true (g_hash_table_add (ids, (gpointer) controls[i].id));
      parse_control_id (controls[i].id, &major, &minor);
      /* 5.1 … 5.37, 6.1 … 6.8, …: each theme starts at 1 and has no gaps */
      if (major == prev_major)
        g_assert_cmpuint (minor, ==, prev_minor + 1);
      else
        {
          g_assert_cmpuint (major, ==, prev_major == 0 ? 5 : prev_major + 1);
          g_assert_cmpuint (minor, ==, 1);
        }
      prev_major = major;
      prev_minor = minor;
    }

  g_assert_cmpuint (g_hash_table_size (ids), ==, N_CONTROLS);
  g_assert_cmpstr (controls[0].id, ==, "5.1");
  g_assert_cmpstr (controls[n - 1].id, ==, "8.34");
}

static void
test_controls_new (void)
{
  const AnnexCatalogueControl *controls;
  guint n_new = 0;
  guint n;

  controls = annex_catalogue_get_controls (&n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) words = g_strsplit (controls[i].replaces_2013, " ", -1);

      g_assert_cmpint (controls[i].new_in_2022, ==, is_new_control (controls[i].id));
      if (controls[i].new_in_2022)
        {
          n_new++;
          g_assert_cmpstr (controls[i].replaces_2013, ==, "");
          continue;
        }

      g_assert_cmpuint (g_strv_length (words), >=, 1);
      for (guint j = 0; words[j] != NULL; j++)
        {
          /* A.5.1.1 … A.18.2.3 without the prefix */
          g_assert_true (g_regex_match_simple ("^(5|6|7|8|9|10|11|12|13|14|15|16|17|18)"
                                               "\\.[1-9]\\.[1-9]$", words[j], 0, 0));
        }
    }

  g_assert_cmpuint (n_new, ==, G_N_ELEMENTS (new_controls));
  for (guint i = 0; i < G_N_ELEMENTS (new_controls); i++)
    {
      const AnnexCatalogueControl *control = annex_catalogue_find_control (new_controls[i]);

      g_assert_nonnull (control);
      g_assert_true (control->new_in_2022);
    }
}

static void
test_controls_csv (void)
{
  g_autoptr(Csv) csv = read_reference_csv ("annex-a-2022.csv");
  const AnnexCatalogueControl *controls;
  guint n;

  if (csv == NULL)
    return;

  controls = annex_catalogue_get_controls (&n);
  g_assert_cmpuint (csv_n_rows (csv), ==, n);
  for (guint i = 0; i < n; i++)
    {
      AnnexControlTheme theme;
      const char *new_in_2022 = csv_get (csv, i, "new_in_2022");

      g_assert_cmpstr (controls[i].id, ==, csv_get (csv, i, "id"));
      g_assert_cmpstr (controls[i].title, ==, csv_get (csv, i, "title"));
      g_assert_true (annex_catalogue_theme_from_nick (csv_get (csv, i, "theme"), &theme));
      g_assert_cmpint (controls[i].theme, ==, theme);
      g_assert_true (g_str_equal (new_in_2022, "yes") || g_str_equal (new_in_2022, "no"));
      g_assert_cmpint (controls[i].new_in_2022, ==, g_str_equal (new_in_2022, "yes"));
    }
}

static void
test_controls_attributes (void)
{
  static const char * const columns[ANNEX_CATALOGUE_N_ATTRIBUTES] = {
    [ANNEX_CATALOGUE_ATTRIBUTE_CONTROL_TYPE] = "control_type",
    [ANNEX_CATALOGUE_ATTRIBUTE_PROPERTY] = "information_security_properties",
    [ANNEX_CATALOGUE_ATTRIBUTE_CONCEPT] = "cybersecurity_concepts",
    [ANNEX_CATALOGUE_ATTRIBUTE_CAPABILITY] = "operational_capabilities",
    [ANNEX_CATALOGUE_ATTRIBUTE_DOMAIN] = "security_domains",
  };
  g_autoptr(Csv) csv = read_reference_csv ("annex-a-2022-attributes.csv");
  const AnnexCatalogueControl *controls;
  guint n;

  if (csv == NULL)
    return;

  controls = annex_catalogue_get_controls (&n);
  g_assert_cmpuint (csv_n_rows (csv), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (controls[i].id, ==, csv_get (csv, i, "id"));
      g_assert_cmpstr (controls[i].title, ==, csv_get (csv, i, "title"));

      for (guint a = 0; a < ANNEX_CATALOGUE_N_ATTRIBUTES; a++)
        {
          const char *cell = csv_get (csv, i, columns[a]);

          /* the column names are the attributes' nicks */
          g_assert_cmpstr (annex_catalogue_attribute_nick (a), ==, columns[a]);
          if (annex_catalogue_control_get_flags (&controls[i], a) != flags_from_csv (a, cell))
            g_error ("%s: %s differs from \"%s\"", controls[i].id, columns[a], cell);
        }
    }
}

static void
test_controls_mapping (void)
{
  g_autoptr(Csv) csv = read_reference_csv ("mapping-2013-2022.csv");
  g_autoptr(GHashTable) from_csv = NULL; /* 2022 id → set of 2013 ids */
  g_autoptr(GHashTable) old_ids_csv = NULL;
  g_autoptr(GHashTable) old_ids_catalogue = NULL;
  const AnnexCatalogueControl *controls;
  guint n;

  if (csv == NULL)
    return;

  from_csv = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                    (GDestroyNotify) g_hash_table_unref);
  old_ids_csv = g_hash_table_new (g_str_hash, g_str_equal);
  old_ids_catalogue = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < csv_n_rows (csv); i++)
    {
      const char *old_id = csv_get (csv, i, "iso27001_2013_id");
      const char *new_id = csv_get (csv, i, "iso27001_2022_id");
      const AnnexCatalogueControl *control = annex_catalogue_find_control (new_id);
      GHashTable *set;

      g_assert_nonnull (control);
      g_assert_false (control->new_in_2022);
      g_assert_cmpstr (control->title, ==, csv_get (csv, i, "iso27001_2022_title"));

      set = g_hash_table_lookup (from_csv, new_id);
      if (set == NULL)
        {
          set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (from_csv, (gpointer) control->id, set);
        }
      g_assert_true (g_hash_table_add (set, g_strdup (old_id)));
      g_hash_table_add (old_ids_csv, (gpointer) old_id);
    }

  /* 115 pairs over 114 distinct 2013 ids (18.2.3 maps to 5.36 and 8.8), 82 targets */
  g_assert_cmpuint (csv_n_rows (csv), ==, 115);
  g_assert_cmpuint (g_hash_table_size (old_ids_csv), ==, 114);
  g_assert_cmpuint (g_hash_table_size (from_csv), ==, N_CONTROLS - G_N_ELEMENTS (new_controls));

  controls = annex_catalogue_get_controls (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GHashTable) mine = word_set (controls[i].replaces_2013);
      GHashTable *theirs = g_hash_table_lookup (from_csv, controls[i].id);
      g_auto(GStrv) words = g_strsplit (controls[i].replaces_2013, " ", -1);

      if (theirs == NULL)
        g_assert_cmpuint (g_hash_table_size (mine), ==, 0);
      else if (!sets_equal (mine, theirs))
        g_error ("%s: the 2013 ids \"%s\" differ from the mapping CSV", controls[i].id,
                 controls[i].replaces_2013);

      for (guint j = 0; words[j] != NULL; j++)
        {
          if (*words[j] != '\0')
            g_hash_table_add (old_ids_catalogue, (gpointer) g_intern_string (words[j]));
        }

      /* written in numeric order: 5.1.2 before 5.1.10, 6.2.2 before 13.2.1 */
      for (guint j = 1; words[j - 1] != NULL && words[j] != NULL; j++)
        {
          g_auto(GStrv) a = g_strsplit (words[j - 1], ".", -1);
          g_auto(GStrv) b = g_strsplit (words[j], ".", -1);
          int cmp = 0;

          for (guint k = 0; k < 3 && cmp == 0; k++)
            cmp = (int) g_ascii_strtoull (a[k], NULL, 10) - (int) g_ascii_strtoull (b[k], NULL, 10);
          g_assert_cmpint (cmp, <, 0);
        }
    }

  /* every 2013 id is mapped by the catalogue */
  g_assert_cmpuint (g_hash_table_size (old_ids_catalogue), ==, 114);
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, old_ids_csv);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_assert_true (g_hash_table_contains (old_ids_catalogue, key));
  }
  g_assert_cmpstr (annex_catalogue_find_control ("5.36")->replaces_2013, ==, "18.2.2 18.2.3");
  g_assert_cmpstr (annex_catalogue_find_control ("8.8")->replaces_2013, ==, "12.6.1 18.2.3");
}

static void
test_controls_guidance (void)
{
  const AnnexCatalogueControl *controls;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  controls = annex_catalogue_get_controls (&n);
  for (guint i = 0; i < n; i++)
    {
      const char *guidance = controls[i].guidance;
      gsize len;

      g_assert_nonnull (guidance);
      g_assert_true (g_utf8_validate (guidance, -1, NULL));
      len = strlen (guidance);
      g_assert_cmpuint (len, >, 0);
      g_assert_cmpuint (g_utf8_strlen (guidance, -1), <=, 240);
      g_assert_cmpstr (guidance, !=, controls[i].title);
      g_assert_false (g_str_has_prefix (guidance, controls[i].title));
      /* one or two sentences: starts with a capital, ends with a full stop, no stray spaces */
      g_assert_true (g_ascii_isupper (guidance[0]));
      g_assert_cmpint (guidance[len - 1], ==, '.');
      g_assert_null (strstr (guidance, "  "));
      g_assert_false (g_ascii_isspace (guidance[0]));
      /* no note copied from another control */
      g_assert_true (g_hash_table_add (seen, (gpointer) guidance));

      g_assert_cmpuint (strlen (controls[i].title), >, 0);
      g_assert_cmpstr (annex_catalogue_gettext (controls[i].guidance), ==, guidance);
    }
}

static void
test_controls_find (void)
{
  static const char * const unknown[] = {
    "", "5", "5.0", "5.38", "6.9", "7.15", "8.35", "4.1", "9.1", "A.5.1", "5.1 ", " 5.1", "05.1",
    "5.1.1",
  };
  const AnnexCatalogueControl *controls;
  guint n;

  controls = annex_catalogue_get_controls (&n);
  for (guint i = 0; i < n; i++)
    g_assert_true (annex_catalogue_find_control (controls[i].id) == &controls[i]);

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    g_assert_null (annex_catalogue_find_control (unknown[i]));

  g_test_expect_message ("annex-catalogue", G_LOG_LEVEL_CRITICAL, "*id != NULL*");
  g_assert_null (annex_catalogue_find_control (NULL));
  g_test_assert_expected_messages ();
}

/* ---- clauses ---- */

static void
test_clauses_csv (void)
{
  g_autoptr(Csv) csv = read_reference_csv ("clauses-2022.csv");
  const AnnexCatalogueClause *clauses;
  guint n;

  if (csv == NULL)
    return;

  clauses = annex_catalogue_get_clauses (&n);
  g_assert_cmpuint (n, ==, N_CLAUSES);
  g_assert_cmpuint (csv_n_rows (csv), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *level = g_strdup_printf ("%u", clauses[i].level);

      g_assert_cmpstr (clauses[i].id, ==, csv_get (csv, i, "id"));
      g_assert_cmpstr (clauses[i].title, ==, csv_get (csv, i, "title"));
      g_assert_cmpstr (level, ==, csv_get (csv, i, "level"));
      g_assert_cmpstr (clauses[i].parent, ==, csv_get (csv, i, "parent"));
      g_assert_cmpstr (clauses[i].documented_information, ==,
                       csv_get (csv, i, "documented_information"));
      g_assert_cmpstr (clauses[i].doc_type, ==, csv_get (csv, i, "doc_type"));
      /* the CSV marks headings by leaving doc_type empty */
      g_assert_cmpint (clauses[i].requirement, ==, *csv_get (csv, i, "doc_type") != '\0');
    }
}

static void
test_clauses_structure (void)
{
  const AnnexCatalogueClause *clauses;
  guint n_requirements = 0, n_documents = 0, n_records = 0, n_none = 0;
  guint n;

  clauses = annex_catalogue_get_clauses (&n);
  g_assert_cmpuint (n, ==, N_CLAUSES);
  g_assert_true (annex_catalogue_get_clauses (NULL) == clauses);

  for (guint i = 0; i < n; i++)
    {
      const AnnexCatalogueClause *clause = &clauses[i];
      guint n_children = 0;

      g_assert_true (annex_catalogue_find_clause (clause->id) == clause);
      g_assert_cmpuint (strlen (clause->title), >, 0);
      g_assert_cmpuint (strlen (clause->summary), >, 0);

      if (clause->level == 1)
        {
          guint64 number;

          g_assert_cmpstr (clause->parent, ==, "");
          g_assert_true (g_ascii_string_to_unsigned (clause->id, 10, 4, 10, &number, NULL));
        }
      else
        {
          const AnnexCatalogueClause *parent = annex_catalogue_find_clause (clause->parent);
          g_autofree char *prefix = g_strconcat (clause->parent, ".", NULL);

          g_assert_nonnull (parent);
          g_assert_true (parent < clause); /* document order */
          g_assert_cmpuint (parent->level, ==, clause->level - 1);
          g_assert_false (parent->requirement);
          g_assert_true (g_str_has_prefix (clause->id, prefix));
        }

      for (guint j = 0; j < n; j++)
        n_children += g_str_equal (clauses[j].parent, clause->id);

      if (clause->requirement)
        {
          n_requirements++;
          g_assert_cmpuint (n_children, ==, 0);
          g_assert_cmpuint (strlen (clause->documented_information), >, 0);
          if (g_str_equal (clause->doc_type, "document"))
            n_documents++;
          else if (g_str_equal (clause->doc_type, "record"))
            n_records++;
          else
            {
              g_assert_cmpstr (clause->doc_type, ==, "none");
              n_none++;
            }
        }
      else
        {
          g_assert_cmpuint (n_children, >, 0);
          g_assert_cmpstr (clause->documented_information, ==, "");
          g_assert_cmpstr (clause->doc_type, ==, "");
          g_assert_cmpstr (annex_catalogue_gettext (clause->documented_information), ==, "");
        }
    }

  /* 7 main clauses and 4 sub-clause headings (6.1, 7.5, 9.2, 9.3); 14 clauses mandate
   * documented information, 6 documents and 8 records */
  g_assert_cmpuint (n_requirements, ==, N_CLAUSES - 11);
  g_assert_cmpuint (n_documents, ==, 6);
  g_assert_cmpuint (n_records, ==, 8);
  g_assert_cmpuint (n_none, ==, n_requirements - 14);

  g_assert_cmpstr (annex_catalogue_find_clause ("6.1.3")->doc_type, ==, "document");
  g_assert_false (annex_catalogue_find_clause ("9.2")->requirement);
  g_assert_null (annex_catalogue_find_clause ("11"));
  g_assert_null (annex_catalogue_find_clause ("6.1.4"));
  g_assert_null (annex_catalogue_find_clause (""));
}

/* ---- tags, themes, formatting ---- */

static void
test_tags (void)
{
  static const guint sizes[ANNEX_CATALOGUE_N_ATTRIBUTES] = { 3, 3, 5, 15, 4 };
  const AnnexCatalogueControl *controls;
  guint n_controls;

  controls = annex_catalogue_get_controls (&n_controls);

  for (guint a = 0; a < ANNEX_CATALOGUE_N_ATTRIBUTES; a++)
    {
      const AnnexCatalogueTag *tags;
      g_autoptr(GHashTable) nicks = g_hash_table_new (g_str_hash, g_str_equal);
      guint all = 0, used = 0;
      guint n = 0;

      tags = annex_catalogue_get_tags (a, &n);
      g_assert_nonnull (tags);
      g_assert_cmpuint (n, ==, sizes[a]);
      g_assert_true (annex_catalogue_get_tags (a, NULL) == tags);
      g_assert_cmpuint (strlen (annex_catalogue_attribute_nick (a)), >, 0);
      g_assert_cmpuint (strlen (annex_catalogue_attribute_label (a)), >, 0);

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *upper = g_ascii_strup (tags[i].nick, -1);

          /* one bit each, ascending, no gaps */
          g_assert_cmpuint (tags[i].flag, ==, 1u << i);
          all |= tags[i].flag;
          g_assert_true (g_regex_match_simple ("^[a-z]+(_[a-z]+)*$", tags[i].nick, 0, 0));
          g_assert_true (g_hash_table_add (nicks, (gpointer) tags[i].nick));
          g_assert_cmpuint (strlen (tags[i].label), >, 0);
          g_assert_cmpuint (annex_catalogue_tag_from_nick (a, tags[i].nick), ==, tags[i].flag);
          g_assert_cmpuint (annex_catalogue_tag_from_nick (a, upper), ==, tags[i].flag);
        }
      g_assert_cmpuint (annex_catalogue_tag_from_nick (a, ""), ==, 0);
      g_assert_cmpuint (annex_catalogue_tag_from_nick (a, "nonsense"), ==, 0);

      /* every control has at least one value per attribute, all from the vocabulary, and
       * every value is used */
      for (guint i = 0; i < n_controls; i++)
        {
          guint flags = annex_catalogue_control_get_flags (&controls[i], a);

          g_assert_cmpuint (flags, !=, 0);
          g_assert_cmpuint (flags & ~all, ==, 0);
          used |= flags;
        }
      g_assert_cmpuint (used, ==, all);
    }

  /* a value of another attribute is not one of this one's */
  g_assert_cmpuint (annex_catalogue_tag_from_nick (ANNEX_CATALOGUE_ATTRIBUTE_CONCEPT,
                                                   "protection"), ==, 0);
  g_assert_cmpuint (annex_catalogue_tag_from_nick (ANNEX_CATALOGUE_ATTRIBUTE_DOMAIN,
                                                   "Governance_and_Ecosystem"),
                    ==, ANNEX_SECURITY_DOMAIN_GOVERNANCE_AND_ECOSYSTEM);
  g_assert_cmpuint (annex_catalogue_tag_from_nick (ANNEX_CATALOGUE_ATTRIBUTE_CAPABILITY,
                                                   "governance"),
                    ==, ANNEX_OPERATIONAL_CAPABILITY_GOVERNANCE);

  /* 14 controls are tagged corrective */
  {
    guint n_corrective = 0;

    for (guint i = 0; i < n_controls; i++)
      n_corrective += (controls[i].control_types & ANNEX_CONTROL_TYPE_CORRECTIVE) != 0;
    g_assert_cmpuint (n_corrective, ==, 14);
  }
}

static void
test_format (void)
{
  char *text;

  text = annex_catalogue_format_tags (ANNEX_CATALOGUE_ATTRIBUTE_CONTROL_TYPE,
                                      ANNEX_CONTROL_TYPE_CORRECTIVE
                                      | ANNEX_CONTROL_TYPE_PREVENTIVE);
  g_assert_cmpstr (text, ==, "Preventive, Corrective");
  g_free (text);

  text = annex_catalogue_format_tags (ANNEX_CATALOGUE_ATTRIBUTE_CONTROL_TYPE, 0);
  g_assert_cmpstr (text, ==, "");
  g_free (text);

  /* bits outside the vocabulary are ignored */
  text = annex_catalogue_format_tags (ANNEX_CATALOGUE_ATTRIBUTE_PROPERTY,
                                      ANNEX_SECURITY_PROPERTY_AVAILABILITY | (1u << 20));
  g_assert_cmpstr (text, ==, "Availability");
  g_free (text);

  text = annex_catalogue_format_tags (ANNEX_CATALOGUE_ATTRIBUTE_CAPABILITY,
                                      annex_catalogue_find_control ("5.3")->capabilities);
  g_assert_cmpstr (text, ==, "Governance, Identity and access management");
  g_free (text);

  text = annex_catalogue_format_tags (ANNEX_CATALOGUE_ATTRIBUTE_DOMAIN,
                                      annex_catalogue_find_control ("5.1")->domains);
  g_assert_cmpstr (text, ==, "Governance and Ecosystem, Resilience");
  g_free (text);

  text = annex_catalogue_format_tags (ANNEX_CATALOGUE_ATTRIBUTE_CONCEPT,
                                      ANNEX_CYBERSECURITY_CONCEPT_RECOVER
                                      | ANNEX_CYBERSECURITY_CONCEPT_IDENTIFY
                                      | ANNEX_CYBERSECURITY_CONCEPT_DETECT);
  g_assert_cmpstr (text, ==, "Identify, Detect, Recover");
  g_free (text);

  g_assert_cmpstr (annex_catalogue_attribute_label (ANNEX_CATALOGUE_ATTRIBUTE_CONTROL_TYPE),
                   ==, "Control type");
  g_assert_cmpstr (annex_catalogue_attribute_nick (ANNEX_CATALOGUE_ATTRIBUTE_DOMAIN),
                   ==, "security_domains");

  g_assert_cmpstr (annex_catalogue_gettext (""), ==, "");
  g_assert_cmpstr (annex_catalogue_gettext ("Preventive"), ==, "Preventive");
}

static void
test_themes (void)
{
  static const struct
  {
    AnnexControlTheme  theme;
    const char        *nick;
    const char        *label;
  } expected[] = {
    { ANNEX_THEME_ORGANIZATIONAL, "organizational", "Organizational" },
    { ANNEX_THEME_PEOPLE, "people", "People" },
    { ANNEX_THEME_PHYSICAL, "physical", "Physical" },
    { ANNEX_THEME_TECHNOLOGICAL, "technological", "Technological" },
  };
  AnnexControlTheme theme;

  G_STATIC_ASSERT (G_N_ELEMENTS (expected) == ANNEX_N_CONTROL_THEMES);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (annex_catalogue_theme_nick (expected[i].theme), ==, expected[i].nick);
      g_assert_cmpstr (annex_catalogue_theme_label (expected[i].theme), ==, expected[i].label);

      theme = ANNEX_THEME_ORGANIZATIONAL;
      g_assert_true (annex_catalogue_theme_from_nick (expected[i].nick, &theme));
      g_assert_cmpint (theme, ==, expected[i].theme);
      g_assert_true (annex_catalogue_theme_from_nick (expected[i].label, &theme));
      g_assert_cmpint (theme, ==, expected[i].theme);
    }

  theme = ANNEX_THEME_PHYSICAL;
  g_assert_false (annex_catalogue_theme_from_nick ("technical", &theme));
  g_assert_false (annex_catalogue_theme_from_nick ("", &theme));
  g_assert_cmpint (theme, ==, ANNEX_THEME_PHYSICAL); /* untouched */
  g_assert_true (annex_catalogue_theme_from_nick ("people", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annex/catalogue/controls/count", test_controls_count);
  g_test_add_func ("/annex/catalogue/controls/order", test_controls_order);
  g_test_add_func ("/annex/catalogue/controls/new", test_controls_new);
  g_test_add_func ("/annex/catalogue/controls/csv", test_controls_csv);
  g_test_add_func ("/annex/catalogue/controls/attributes", test_controls_attributes);
  g_test_add_func ("/annex/catalogue/controls/mapping", test_controls_mapping);
  g_test_add_func ("/annex/catalogue/controls/guidance", test_controls_guidance);
  g_test_add_func ("/annex/catalogue/controls/find", test_controls_find);
  g_test_add_func ("/annex/catalogue/clauses/csv", test_clauses_csv);
  g_test_add_func ("/annex/catalogue/clauses/structure", test_clauses_structure);
  g_test_add_func ("/annex/catalogue/tags", test_tags);
  g_test_add_func ("/annex/catalogue/format", test_format);
  g_test_add_func ("/annex/catalogue/themes", test_themes);

  return g_test_run ();
}
