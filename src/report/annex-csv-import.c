/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-csv-import.c: importing risks, assets, issues, interested parties and the implementation
 * status of controls from CSV: the RFC 4180 reader, the mapping guessed from the header, the
 * conversions through the model's field tables, and the all-or-nothing import. */

#define G_LOG_DOMAIN "annex-csv-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "annex-asset.h"
#include "annex-control.h"
#include "annex-csv-import.h"
#include "annex-issue.h"
#include "annex-party.h"
#include "annex-register.h"
#include "annex-risk-method.h"
#include "annex-risk.h"
#include "annex-store-error.h"

#define MAX_ROWS          100000
#define MAX_COLUMNS       200
#define MAX_LISTED_ERRORS 20

/* The pseudo-field that names the control a row updates. */
#define REFERENCE_FIELD "reference"
/* The pseudo-field of the SoA report's combined column: the reasons for including a control,
 * by label or name, separated by commas or semicolons ("Risk treatment, Best practice"). */
#define REASONS_FIELD   "reasons"
#define REASONS_LABEL   N_("Reasons for inclusion")

struct _AnnexCsvImport
{
  GObject          parent_instance;

  /* owned references */
  AnnexDatabase   *db;
  AnnexRiskMethod *method;       /* risks only */
  char            *table;
  GType            record_type;
  GPtrArray       *columns;      /* char *, NULL-terminated */
  GPtrArray       *rows;         /* GPtrArray of char * per data row */
  GPtrArray       *fields;       /* const char * (static field names), NULL-terminated */
  int             *mapping;      /* per field: column index or -1 */
};

G_DEFINE_FINAL_TYPE (AnnexCsvImport, annex_csv_import, G_TYPE_OBJECT)

/* The fields of a control a CSV may set: its SoA decision and implementation, nothing of the
 * catalogue's (title, theme) nor Annex's (catalogue). */
static const char * const control_fields[] = {
  "applicability",
  REASONS_FIELD,
  "reason-risk",
  "reason-legal",
  "reason-contractual",
  "reason-business",
  "reason-best-practice",
  "justification",
  "status",
  "owner",
  "target-date",
  "implementation-notes",
  "evidence",
  "last-reviewed",
  NULL
};

/* The control's fields that REASONS_FIELD sets, one flag each. */
static const char * const reason_fields[] = {
  "reason-risk",
  "reason-legal",
  "reason-contractual",
  "reason-business",
  "reason-best-practice",
};

/* Auxiliary functions */

static void
clear_problem (AnnexCsvProblem *problem)
{
  g_clear_pointer (&problem->field, g_free);
  g_clear_pointer (&problem->message, g_free);
}

static void
add_problem (GArray     *problems,
             guint       row,
             const char *field,
             char       *message)  /* (transfer full) */
{
  AnnexCsvProblem problem = { row, g_strdup (field), message };

  g_array_append_val (problems, problem);
}

static GType
record_type_for_table (const char *table)
{
  if (g_strcmp0 (table, "risks") == 0)
    return ANNEX_TYPE_RISK;
  if (g_strcmp0 (table, "assets") == 0)
    return ANNEX_TYPE_ASSET;
  if (g_strcmp0 (table, "issues") == 0)
    return ANNEX_TYPE_ISSUE;
  if (g_strcmp0 (table, "parties") == 0)
    return ANNEX_TYPE_PARTY;
  if (g_strcmp0 (table, "controls") == 0)
    return ANNEX_TYPE_CONTROL;
  return G_TYPE_INVALID;
}

/* A header or label reduced to what a person means by it: casefolded letters and digits only,
 * so "Due date", "due-date", "DUE_DATE" and " due date: " are the same key. */
static char *
dup_match_key (const char *text)
{
  g_autofree char *folded = NULL;
  GString *key;

  if (text == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (text, -1);
  key = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

static gboolean
keys_match (const char *a,
            const char *b)
{
  g_autofree char *key_a = dup_match_key (a);
  g_autofree char *key_b = dup_match_key (b);

  return key_a[0] != '\0' && strcmp (key_a, key_b) == 0;
}

/* What the spreadsheet writers did to a cell that looked like a formula
 * (annex_report_neutralize_cell()): one more leading apostrophe before apostrophes followed by
 * '=', '+', '-', '@', tab or carriage return. Undone on import by dropping exactly that one, so
 * "'-1" reads as "-1" and "''=x" as "'=x"; any other apostrophe ("'quoted'", "'") stays. */
static const char *
skip_neutralization (const char *value)
{
  const char *p = value;

  if (value[0] != '\'')
    return value;
  while (*p == '\'')
    p++;
  if (*p != '\0' && strchr ("=+-@\t\r", *p) != NULL)
    return value + 1;
  return value;
}

/* ---- The reader ------------------------------------------------------------------------- */

/* Which separator the header line uses: the more frequent of ',' and ';' outside quotes,
 * ',' when neither occurs. */
static char
detect_separator (const char *data,
                  gsize       len)
{
  guint commas = 0;
  guint semicolons = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted && c == ',')
        commas++;
      else if (!quoted && c == ';')
        semicolons++;
    }

  return semicolons > commas ? ';' : ',';
}

/* RFC 4180, leniently: records end with CRLF, LF or CR (outside quotes); a quoted field may hold
 * separators, doubled quotes and line breaks; text after a closing quote is kept as it is.
 * A blank line is skipped. */
static gboolean
parse_csv (const char  *data,
           gsize        len,
           char         separator,
           GPtrArray   *records,
           GError     **error)
{
  g_autoptr(GPtrArray) record = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  gboolean quoted = FALSE;
  gboolean cell_started = FALSE;
  guint quote_record = 0;
  gsize i = 0;

  while (i < len)
    {
      char c = data[i];

      if (quoted)
        {
          if (c == '"')
            {
              if (i + 1 < len && data[i + 1] == '"')
                {
                  g_string_append_c (cell, '"');
                  i += 2;
                  continue;
                }
              quoted = FALSE;
              i++;
              continue;
            }
          g_string_append_c (cell, c);
          i++;
          continue;
        }

      if (c == '"' && !cell_started)
        {
          quoted = TRUE;
          cell_started = TRUE;
          quote_record = records->len + 1;
          i++;
          continue;
        }

      if (c == separator)
        {
          if (record->len >= MAX_COLUMNS)
            {
              g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("Row %u has more than %u columns"), records->len + 1, MAX_COLUMNS);
              return FALSE;
            }
          g_ptr_array_add (record, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          cell_started = FALSE;
          i++;
          continue;
        }

      if (c == '\r' || c == '\n')
        {
          gboolean blank = record->len == 0 && !cell_started && cell->len == 0;

          i += (c == '\r' && i + 1 < len && data[i + 1] == '\n') ? 2 : 1;
          if (blank)
            continue;

          g_ptr_array_add (record, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          cell_started = FALSE;
          if (records->len > MAX_ROWS)
            {
              g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The file has more than %u rows"), MAX_ROWS);
              return FALSE;
            }
          g_ptr_array_add (records, g_steal_pointer (&record));
          record = g_ptr_array_new_with_free_func (g_free);
          continue;
        }

      g_string_append_c (cell, c);
      cell_started = TRUE;
      i++;
    }

  if (quoted)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("Row %u has a quote that is never closed"), quote_record);
      return FALSE;
    }

  if (record->len > 0 || cell_started || cell->len > 0)
    {
      g_ptr_array_add (record, g_strdup (cell->str));
      g_ptr_array_add (records, g_steal_pointer (&record));
    }

  if (records->len > MAX_ROWS + 1)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("The file has more than %u rows"), MAX_ROWS);
      return FALSE;
    }

  return TRUE;
}

/* ---- Fields and mapping ----------------------------------------------------------------- */

static const AnnexField *
find_field (AnnexCsvImport *self,
            const char     *name,
            guint          *out_index)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (self->record_type);

  return annex_record_class_find_field (ANNEX_RECORD_CLASS (klass), name, out_index);
}

static int
field_position (AnnexCsvImport *self,
                const char     *field)
{
  for (guint i = 0; i + 1 < self->fields->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->fields, i), field) == 0)
        return (int) i;
    }

  return -1;
}

static void
collect_fields (AnnexCsvImport *self)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (self->record_type);
  const AnnexField *fields;
  guint n_fields = 0;

  if (self->record_type == ANNEX_TYPE_CONTROL)
    {
      g_ptr_array_add (self->fields, (gpointer) REFERENCE_FIELD);
      for (guint i = 0; control_fields[i] != NULL; i++)
        g_ptr_array_add (self->fields, (gpointer) control_fields[i]);
    }
  else
    {
      fields = annex_record_class_get_fields (ANNEX_RECORD_CLASS (klass), &n_fields);
      for (guint i = 0; i < n_fields; i++)
        {
          if ((fields[i].flags & ANNEX_FIELD_FLAG_READ_ONLY) != 0)
            continue;
          g_ptr_array_add (self->fields, (gpointer) fields[i].name);
        }
    }
  g_ptr_array_add (self->fields, NULL);
}

/* The column whose header names @field: its name, its label in English or translated. */
static int
guess_column (AnnexCsvImport *self,
              const char     *field)
{
  const char *label = annex_csv_import_get_field_label (self, field);
  const AnnexField *model_field = find_field (self, field, NULL);
  const char *english = model_field != NULL ? model_field->label : NULL;

  if (g_strcmp0 (field, REASONS_FIELD) == 0)
    english = REASONS_LABEL;

  for (guint c = 0; c + 1 < self->columns->len; c++)
    {
      const char *header = g_ptr_array_index (self->columns, c);

      if (keys_match (header, field) ||
          (english != NULL && keys_match (header, english)) ||
          (label != NULL && keys_match (header, label)))
        return (int) c;
    }

  /* A control's id under a usual header. */
  if (g_strcmp0 (field, REFERENCE_FIELD) == 0)
    {
      for (guint c = 0; c + 1 < self->columns->len; c++)
        {
          const char *header = g_ptr_array_index (self->columns, c);

          if (keys_match (header, "id") || keys_match (header, "control") ||
              keys_match (header, _("Reference")) || keys_match (header, "ref"))
            return (int) c;
        }
    }

  return -1;
}

/* ---- Conversion ------------------------------------------------------------------------- */

static AnnexRiskScale
scale_of_field (const char *name)
{
  return g_str_has_suffix (name, "likelihood") ? ANNEX_RISK_SCALE_LIKELIHOOD
                                               : ANNEX_RISK_SCALE_IMPACT;
}

/* Converts @text for @field into @value (initialized to the field's type). Returns a
 * translated problem message, or NULL when the value is good. An empty cell leaves @value as
 * it is (the field's default); for a control, which the import updates, it empties a text or
 * date field, so that a value removed in an exported SoA is removed on the way back. */
static char *
convert_value (AnnexCsvImport   *self,
               const AnnexField *field,
               const char       *raw,
               GValue           *value,
               gboolean         *out_set)
{
  const char *unneutralized = skip_neutralization (raw);
  g_autofree char *text = g_strstrip (g_strdup (unneutralized));

  *out_set = FALSE;
  if (text[0] == '\0')
    {
      if (self->record_type == ANNEX_TYPE_CONTROL &&
          (field->type == ANNEX_FIELD_TEXT || field->type == ANNEX_FIELD_LONG_TEXT ||
           field->type == ANNEX_FIELD_DATE))
        {
          g_value_set_string (value, NULL);
          *out_set = TRUE;
        }
      return NULL;
    }

  switch (field->type)
    {
    case ANNEX_FIELD_TEXT:
    case ANNEX_FIELD_LONG_TEXT:
      /* Kept as written; only the outer blanks of one-line text go, unless the cell was
       * neutralized: then a writer of ours wrote it exactly (a leading tab is the value's). */
      g_value_set_string (value, field->type == ANNEX_FIELD_TEXT && unneutralized == raw
                                   ? text : unneutralized);
      *out_set = TRUE;
      return NULL;

    case ANNEX_FIELD_DATE:
      if (!annex_field_date_is_valid (text))
        return g_strdup_printf (_("“%s” is not a date (YYYY-MM-DD)"), text);
      g_value_set_string (value, text);
      *out_set = TRUE;
      return NULL;

    case ANNEX_FIELD_CHOICE:
      for (guint i = 0; field->choices[i].nick != NULL; i++)
        {
          if (keys_match (text, field->choices[i].nick) ||
              keys_match (text, field->choices[i].label) ||
              keys_match (text, _(field->choices[i].label)))
            {
              g_value_set_string (value, field->choices[i].nick);
              *out_set = TRUE;
              return NULL;
            }
        }
      return g_strdup_printf (_("%s: unknown value “%s”"), _(field->label), text);

    case ANNEX_FIELD_BOOL:
      {
        static const char * const yes[] = { "yes", "true", "1", "x", "y", NULL };
        static const char * const no[] = { "no", "false", "0", "n", NULL };
        g_autofree char *folded = g_utf8_casefold (text, -1);

        if (g_strv_contains (yes, folded) || keys_match (text, _("Yes")))
          g_value_set_boolean (value, TRUE);
        else if (g_strv_contains (no, folded) || keys_match (text, _("No")))
          g_value_set_boolean (value, FALSE);
        else
          return g_strdup_printf (_("“%s” is not yes or no"), text);
        *out_set = TRUE;
        return NULL;
      }

    case ANNEX_FIELD_INT:
    default:
      {
        guint64 number = 0;

        if (self->method != NULL)
          {
            AnnexRiskScale scale = scale_of_field (field->name);
            guint size = annex_risk_method_get_size (self->method, scale);

            if (g_ascii_string_to_unsigned (text, 10, 0, size, &number, NULL))
              {
                g_value_set_int64 (value, (gint64) number);
                *out_set = TRUE;
                return NULL;
              }
            for (guint n = 1; n <= size; n++)
              {
                if (keys_match (text, annex_risk_method_get_label (self->method, scale, n)))
                  {
                    g_value_set_int64 (value, n);
                    *out_set = TRUE;
                    return NULL;
                  }
              }
            return g_strdup_printf (_("%s: unknown value “%s”"), _(field->label), text);
          }

        if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT32, &number, NULL))
          return g_strdup_printf (_("“%s” is not a number"), text);
        g_value_set_int64 (value, (gint64) number);
        *out_set = TRUE;
        return NULL;
      }
    }
}

/* The reason flag (index into reason_fields) that @text names: its field name with or without
 * "reason-", its label in English or translated; -1 when none. */
static int
find_reason (AnnexCsvImport *self,
             const char     *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (reason_fields); i++)
    {
      const AnnexField *field = find_field (self, reason_fields[i], NULL);

      if (keys_match (text, reason_fields[i]) ||
          keys_match (text, reason_fields[i] + strlen ("reason-")) ||
          keys_match (text, field->label) ||
          keys_match (text, _(field->label)))
        return (int) i;
    }

  return -1;
}

/* Sets the five reason flags of control @record from the reasons cell @raw: each listed one
 * on, the others off (the SoA writes an empty cell for a control without reasons, so empty
 * clears them). A label that holds a comma itself (a translation may) is found by joining the
 * pieces that name nothing on their own with the next ones. */
static void
fill_reasons (AnnexCsvImport *self,
              AnnexRecord    *record,
              const char     *raw,
              guint           row,
              GArray         *problems)
{
  g_auto(GStrv) pieces = g_strsplit_set (skip_neutralization (raw), ",;", -1);
  gboolean set[G_N_ELEMENTS (reason_fields)] = { FALSE, };
  g_autoptr(GString) pending = g_string_new (NULL);
  guint first_pending = 0;

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      int reason;

      g_strstrip (pieces[i]);
      if (pending->len == 0)
        {
          if (pieces[i][0] == '\0')
            continue;
          first_pending = i;
        }
      else
        {
          g_string_append_c (pending, ',');
        }
      g_string_append (pending, pieces[i]);

      reason = find_reason (self, pending->str);
      if (reason >= 0)
        {
          set[reason] = TRUE;
          g_string_truncate (pending, 0);
        }
    }

  if (pending->len > 0)
    {
      add_problem (problems, row + 2, REASONS_FIELD,
                   g_strdup_printf (_("%s: unknown value “%s”"), _(REASONS_LABEL),
                                    pieces[first_pending]));
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (reason_fields); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      guint index = 0;

      find_field (self, reason_fields[i], &index);
      g_value_init (&value, G_TYPE_BOOLEAN);
      g_value_set_boolean (&value, set[i]);
      annex_record_set_value (record, index, &value);
    }
}

/* Fills @record from data row @row, adding conversion problems. A reasons column is read
 * first, so that a reason-* column, where its cell says something, wins over it. */
static void
fill_record (AnnexCsvImport *self,
             AnnexRecord    *record,
             guint           row,
             GArray         *problems)
{
  int reasons = field_position (self, REASONS_FIELD);

  if (reasons >= 0 && self->mapping[reasons] >= 0)
    fill_reasons (self, record,
                  annex_csv_import_get_cell (self, row, (guint) self->mapping[reasons]),
                  row, problems);

  for (guint f = 0; f + 1 < self->fields->len; f++)
    {
      const char *name = g_ptr_array_index (self->fields, f);
      const AnnexField *field;
      g_autofree char *message = NULL;
      g_auto(GValue) value = G_VALUE_INIT;
      gboolean set = FALSE;
      guint index = 0;

      if (self->mapping[f] < 0 || strcmp (name, REFERENCE_FIELD) == 0 ||
          strcmp (name, REASONS_FIELD) == 0)
        continue;

      field = find_field (self, name, &index);
      g_assert (field != NULL);

      g_value_init (&value, G_VALUE_TYPE (annex_record_get_value (record, index)));
      g_value_copy (annex_record_get_value (record, index), &value);
      message = convert_value (self, field, annex_csv_import_get_cell (self, row,
                                                                       (guint) self->mapping[f]),
                               &value, &set);
      if (message != NULL)
        add_problem (problems, row + 2, name, g_steal_pointer (&message));
      else if (set)
        annex_record_set_value (record, index, &value);
    }
}

/* Builds the records of the first @max_rows rows (0: all) into @records (NULL: only checked),
 * with every problem. For controls, @controls (loaded) gives the records to update: the items
 * themselves when @update_items, else copies. */
static GArray *
build_records (AnnexCsvImport *self,
               guint           max_rows,
               AnnexRegister  *controls,
               gboolean        update_items,
               GPtrArray      *records)
{
  GArray *problems = g_array_new (FALSE, TRUE, sizeof (AnnexCsvProblem));
  g_autoptr(GHashTable) by_reference = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_rows = annex_csv_import_get_n_rows (self);
  int reference_column = -1;

  g_array_set_clear_func (problems, (GDestroyNotify) clear_problem);

  if (max_rows > 0 && max_rows < n_rows)
    n_rows = max_rows;

  for (guint f = 0; f + 1 < self->fields->len; f++)
    {
      const char *name = g_ptr_array_index (self->fields, f);
      const AnnexField *field;

      if (self->mapping[f] >= 0)
        continue;
      if (self->record_type == ANNEX_TYPE_CONTROL && strcmp (name, REFERENCE_FIELD) == 0)
        {
          add_problem (problems, 0, name,
                       g_strdup (_("No column holds the control’s id (“reference”)")));
          continue;
        }
      field = find_field (self, name, NULL);
      if (field != NULL && (field->flags & ANNEX_FIELD_FLAG_REQUIRED) != 0 &&
          field->default_value == NULL)
        add_problem (problems, 0, name,
                     g_strdup_printf (_("No column holds the required field “%s”"),
                                      _(field->label)));
    }
  if (problems->len > 0)
    return problems;

  if (self->record_type == ANNEX_TYPE_CONTROL)
    {
      guint n_controls = g_list_model_get_n_items (G_LIST_MODEL (controls));

      reference_column = self->mapping[field_position (self, REFERENCE_FIELD)];
      by_reference = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < n_controls; i++)
        {
          AnnexRecord *control = g_list_model_get_item (G_LIST_MODEL (controls), i);

          g_hash_table_insert (by_reference, (gpointer) annex_record_get_reference (control),
                               control);
          g_object_unref (control);  /* the register keeps it */
        }
    }

  for (guint row = 0; row < n_rows; row++)
    {
      g_autoptr(AnnexRecord) record = NULL;
      g_autoptr(GError) error = NULL;
      guint n_problems = problems->len;

      if (self->record_type == ANNEX_TYPE_CONTROL)
        {
          g_autofree char *reference = g_strstrip (g_strdup (skip_neutralization (
            annex_csv_import_get_cell (self, row, (guint) reference_column))));
          AnnexRecord *control = g_hash_table_lookup (by_reference, reference);

          if (control == NULL && (reference[0] == 'A' || reference[0] == 'a') &&
              reference[1] == '.')
            control = g_hash_table_lookup (by_reference, reference + 2);
          if (control == NULL)
            {
              add_problem (problems, row + 2, REFERENCE_FIELD,
                           reference[0] == '\0'
                             ? g_strdup (_("The control’s id is empty"))
                             : g_strdup_printf (_("Unknown control “%s”"), reference));
              continue;
            }
          if (!g_hash_table_add (seen, (gpointer) annex_record_get_reference (control)))
            {
              add_problem (problems, row + 2, REFERENCE_FIELD,
                           g_strdup_printf (_("Control “%s” appears twice"), reference));
              continue;
            }
          record = update_items ? g_object_ref (control) : annex_record_copy (control);
        }
      else
        {
          record = g_object_new (self->record_type, NULL);
          if (self->method != NULL)
            g_object_set (record, "method", self->method, NULL);
        }

      fill_record (self, record, row, problems);
      if (problems->len == n_problems && !annex_record_validate (record, &error))
        add_problem (problems, row + 2, NULL, g_strdup (error->message));

      if (records != NULL && problems->len == n_problems)
        g_ptr_array_add (records, g_steal_pointer (&record));
    }

  return problems;
}

static char *
format_problems (GArray *problems)
{
  GString *text = g_string_new (_("Nothing was imported:"));

  for (guint i = 0; i < problems->len && i < MAX_LISTED_ERRORS; i++)
    {
      const AnnexCsvProblem *problem = &g_array_index (problems, AnnexCsvProblem, i);

      g_string_append_c (text, '\n');
      if (problem->row > 0)
        g_string_append_printf (text, _("Row %u: %s"), problem->row, problem->message);
      else
        g_string_append (text, problem->message);
    }

  if (problems->len > MAX_LISTED_ERRORS)
    {
      guint more = problems->len - MAX_LISTED_ERRORS;

      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more problem",
                                                 "and %u more problems", more), more);
    }

  return g_string_free (text, FALSE);
}

/* ---- GObject ---------------------------------------------------------------------------- */

static void
annex_csv_import_finalize (GObject *object)
{
  AnnexCsvImport *self = ANNEX_CSV_IMPORT (object);

  g_clear_object (&self->db);
  g_clear_object (&self->method);
  g_clear_pointer (&self->table, g_free);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->mapping, g_free);

  G_OBJECT_CLASS (annex_csv_import_parent_class)->finalize (object);
}

static void
annex_csv_import_class_init (AnnexCsvImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = annex_csv_import_finalize;
}

static void
annex_csv_import_init (AnnexCsvImport *self)
{
  self->fields = g_ptr_array_new ();
}

/* ---- Public API ------------------------------------------------------------------------- */

/**
 * annex_csv_import_new:
 * @db: an open workspace
 * @table: "risks", "assets", "issues", "parties" or "controls"
 * @bytes: the CSV file's contents
 * @error: return location for an error
 *
 * Reads @bytes and guesses the mapping from its header.
 *
 * Returns: (transfer full) (nullable): the import, or %NULL with ANNEX_STORE_ERROR_INVALID
 */
AnnexCsvImport *
annex_csv_import_new (AnnexDatabase  *db,
                      const char     *table,
                      GBytes         *bytes,
                      GError        **error)
{
  g_autoptr(AnnexCsvImport) self = NULL;
  g_autoptr(GPtrArray) records = NULL;
  const char *data;
  gsize len = 0;
  GType record_type;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  record_type = record_type_for_table (table);
  if (record_type == G_TYPE_INVALID)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("“%s” cannot be imported from CSV (risks, assets, issues, parties or "
                     "controls)"), table);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &len);
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  if (data == NULL || !g_utf8_validate_len (data, len, NULL))
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           len == 0 ? _("The file is empty")
                                    : _("The file is not UTF-8 text; save it as CSV UTF-8"));
      return NULL;
    }
  if (memchr (data, '\0', len) != NULL)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The file is not CSV text"));
      return NULL;
    }

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  if (!parse_csv (data, len, detect_separator (data, len), records, error))
    return NULL;

  if (records->len == 0)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("The file has no header row"));
      return NULL;
    }

  self = g_object_new (ANNEX_TYPE_CSV_IMPORT, NULL);
  self->db = g_object_ref (db);
  self->table = g_strdup (table);
  self->record_type = record_type;

  if (record_type == ANNEX_TYPE_RISK)
    {
      self->method = annex_risk_method_load (db, error);
      if (self->method == NULL)
        return NULL;
    }

  self->columns = g_ptr_array_steal_index (records, 0);
  g_ptr_array_add (self->columns, NULL);
  self->rows = g_steal_pointer (&records);

  collect_fields (self);
  self->mapping = g_new (int, self->fields->len);
  for (guint f = 0; f + 1 < self->fields->len; f++)
    self->mapping[f] = guess_column (self, g_ptr_array_index (self->fields, f));

  return g_steal_pointer (&self);
}

const char *
annex_csv_import_get_table (AnnexCsvImport *self)
{
  g_return_val_if_fail (ANNEX_IS_CSV_IMPORT (self), NULL);

  return self->table;
}

const char * const *
annex_csv_import_get_columns (AnnexCsvImport *self)
{
  g_return_val_if_fail (ANNEX_IS_CSV_IMPORT (self), NULL);

  return (const char * const *) self->columns->pdata;
}

guint
annex_csv_import_get_n_rows (AnnexCsvImport *self)
{
  g_return_val_if_fail (ANNEX_IS_CSV_IMPORT (self), 0);

  return self->rows->len;
}

const char *
annex_csv_import_get_cell (AnnexCsvImport *self,
                           guint           row,
                           guint           column)
{
  GPtrArray *cells;

  g_return_val_if_fail (ANNEX_IS_CSV_IMPORT (self), "");

  if (row >= self->rows->len)
    return "";
  cells = g_ptr_array_index (self->rows, row);
  if (column >= cells->len)
    return "";
  return g_ptr_array_index (cells, column);
}

const char * const *
annex_csv_import_get_fields (AnnexCsvImport *self)
{
  g_return_val_if_fail (ANNEX_IS_CSV_IMPORT (self), NULL);

  return (const char * const *) self->fields->pdata;
}

/**
 * annex_csv_import_get_field_label:
 * @self: an import
 * @field: one of annex_csv_import_get_fields()
 *
 * Returns: (nullable): the translated label of @field ("Reference" for a control's id)
 */
const char *
annex_csv_import_get_field_label (AnnexCsvImport *self,
                                  const char     *field)
{
  const AnnexField *model_field;

  g_return_val_if_fail (ANNEX_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (strcmp (field, REFERENCE_FIELD) == 0)
    return _("Reference");
  if (strcmp (field, REASONS_FIELD) == 0)
    return _(REASONS_LABEL);

  model_field = find_field (self, field, NULL);
  return model_field != NULL ? _(model_field->label) : NULL;
}

gboolean
annex_csv_import_field_is_required (AnnexCsvImport *self,
                                    const char     *field)
{
  const AnnexField *model_field;

  g_return_val_if_fail (ANNEX_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (strcmp (field, REFERENCE_FIELD) == 0)
    return self->record_type == ANNEX_TYPE_CONTROL;

  model_field = find_field (self, field, NULL);
  return model_field != NULL && (model_field->flags & ANNEX_FIELD_FLAG_REQUIRED) != 0 &&
         model_field->default_value == NULL;
}

int
annex_csv_import_get_mapping (AnnexCsvImport *self,
                              const char     *field)
{
  int position;

  g_return_val_if_fail (ANNEX_IS_CSV_IMPORT (self), -1);
  g_return_val_if_fail (field != NULL, -1);

  position = field_position (self, field);
  return position >= 0 ? self->mapping[position] : -1;
}

gboolean
annex_csv_import_set_mapping (AnnexCsvImport  *self,
                              const char      *field,
                              int              column,
                              GError         **error)
{
  int position;

  g_return_val_if_fail (ANNEX_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  position = field_position (self, field);
  if (position < 0)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("“%s” is not a field that can be imported here"), field);
      return FALSE;
    }

  if (column < -1 || column >= (int) self->columns->len - 1)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("The file has no column %d"), column + 1);
      return FALSE;
    }

  self->mapping[position] = column;
  return TRUE;
}

gboolean
annex_csv_import_parse_mapping (AnnexCsvImport  *self,
                                const char      *assignment,
                                GError         **error)
{
  g_autofree char *field = NULL;
  const char *column_text;
  const char *equals;
  guint64 number = 0;
  int position;

  g_return_val_if_fail (ANNEX_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (assignment != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  equals = strchr (assignment, '=');
  if (equals == NULL || equals == assignment)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("“%s” is not FIELD=COLUMN"), assignment);
      return FALSE;
    }

  field = g_strstrip (g_strndup (assignment, (gsize) (equals - assignment)));
  column_text = equals + 1;

  /* The field by name or label. */
  position = field_position (self, field);
  for (guint f = 0; position < 0 && f + 1 < self->fields->len; f++)
    {
      const char *name = g_ptr_array_index (self->fields, f);

      if (keys_match (field, name) ||
          keys_match (field, annex_csv_import_get_field_label (self, name)))
        position = (int) f;
    }
  if (position < 0)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("“%s” is not a field that can be imported here"), field);
      return FALSE;
    }

  if (column_text[0] == '\0')
    {
      self->mapping[position] = -1;
      return TRUE;
    }

  /* A header exactly, then as a key, then a 1-based number. */
  for (guint c = 0; c + 1 < self->columns->len; c++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->columns, c), column_text) == 0)
        {
          self->mapping[position] = (int) c;
          return TRUE;
        }
    }
  for (guint c = 0; c + 1 < self->columns->len; c++)
    {
      if (keys_match (g_ptr_array_index (self->columns, c), column_text))
        {
          self->mapping[position] = (int) c;
          return TRUE;
        }
    }
  if (g_ascii_string_to_unsigned (column_text, 10, 1, self->columns->len - 1, &number, NULL))
    {
      self->mapping[position] = (int) number - 1;
      return TRUE;
    }

  g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
               _("The file has no column “%s”"), column_text);
  return FALSE;
}

/**
 * annex_csv_import_check:
 * @self: an import
 * @max_rows: the rows to check (0: all)
 *
 * Returns: (transfer full): the problems (#AnnexCsvProblem), empty when the import would succeed
 */
GArray *
annex_csv_import_check (AnnexCsvImport *self,
                        guint           max_rows)
{
  g_autoptr(AnnexRegister) controls = NULL;

  g_return_val_if_fail (ANNEX_IS_CSV_IMPORT (self), NULL);

  if (self->record_type == ANNEX_TYPE_CONTROL)
    {
      g_autoptr(GError) error = NULL;

      controls = annex_register_new (self->db, ANNEX_TYPE_CONTROL);
      if (!annex_register_load (controls, &error))
        {
          GArray *problems = g_array_new (FALSE, TRUE, sizeof (AnnexCsvProblem));

          g_array_set_clear_func (problems, (GDestroyNotify) clear_problem);
          add_problem (problems, 0, NULL, g_strdup (error->message));
          return problems;
        }
    }

  return build_records (self, max_rows, controls, FALSE, NULL);
}

/**
 * annex_csv_import_run:
 * @self: an import
 * @n_imported: (out) (optional): the records added or controls updated
 * @error: return location for an error
 *
 * Returns: %TRUE when every row was imported; %FALSE with nothing written otherwise
 */
gboolean
annex_csv_import_run (AnnexCsvImport  *self,
                      guint           *n_imported,
                      GError         **error)
{
  g_autoptr(AnnexRegister) target = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) problems = NULL;

  g_return_val_if_fail (ANNEX_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_imported != NULL)
    *n_imported = 0;

  /* A register of our own: what it holds after a rollback does not matter (it is dropped), and
   * the app's registers see the commit through the database's "changed". */
  target = annex_register_new (self->db, self->record_type);
  if (self->record_type == ANNEX_TYPE_CONTROL && !annex_register_load (target, error))
    return FALSE;

  problems = build_records (self, 0, target, TRUE, records);
  if (problems->len > 0)
    {
      g_autofree char *message = format_problems (problems);

      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID, message);
      return FALSE;
    }

  if (!annex_database_begin (self->db, error))
    return FALSE;

  if (self->record_type == ANNEX_TYPE_CONTROL)
    {
      if (records->len > 0 && !annex_register_save_many (target, records, error))
        goto failed;
    }
  else
    {
      for (guint i = 0; i < records->len; i++)
        {
          if (!annex_register_add (target, g_ptr_array_index (records, i), error))
            {
              g_prefix_error (error, _("Row %u: "), i + 2);
              goto failed;
            }
        }
    }

  if (!annex_database_commit (self->db, error))
    return FALSE;

  if (n_imported != NULL)
    *n_imported = records->len;
  return TRUE;

failed:
  annex_database_rollback (self->db);
  return FALSE;
}
