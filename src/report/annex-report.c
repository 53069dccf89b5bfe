/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-report.c: builds the reports of a workspace as neutral documents (sections of
 * paragraphs, facts, tables and heat maps) from the model, for the PDF, XLSX and CSV writers. */

#define G_LOG_DOMAIN "annex-report"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "annex-action.h"
#include "annex-asset.h"
#include "annex-audit-item.h"
#include "annex-audit.h"
#include "annex-awareness.h"
#include "annex-communication.h"
#include "annex-context.h"
#include "annex-control-catalogue.h"
#include "annex-control.h"
#include "annex-document-version.h"
#include "annex-document.h"
#include "annex-finding.h"
#include "annex-incident.h"
#include "annex-issue.h"
#include "annex-links.h"
#include "annex-nonconformity.h"
#include "annex-objective-measurement.h"
#include "annex-objective.h"
#include "annex-oscal.h"
#include "annex-party-requirement.h"
#include "annex-party.h"
#include "annex-person.h"
#include "annex-register.h"
#include "annex-report-private.h"
#include "annex-report.h"
#include "annex-requirement.h"
#include "annex-review-attendee.h"
#include "annex-review-inputs.h"
#include "annex-review.h"
#include "annex-risk-register.h"
#include "annex-role.h"
#include "annex-scope-exclusion.h"
#include "annex-scope-version.h"
#include "annex-store-error.h"
#include "annex-training.h"
#include "annex-treatment-plan.h"

/* ---- Names ----------------------------------------------------------------------------------- */

typedef struct
{
  AnnexReportKind  kind;
  const char      *nick;
  const char      *title;  /* N_() */
} KindInfo;

static const KindInfo kinds[] = {
  { ANNEX_REPORT_SOA, "soa", N_("Statement of Applicability") },
  { ANNEX_REPORT_RISKS, "risks", N_("Risk register") },
  { ANNEX_REPORT_TREATMENT_PLAN, "treatment-plan", N_("Risk treatment plan") },
  { ANNEX_REPORT_AUDIT, "audit", N_("Audit report") },
  { ANNEX_REPORT_REVIEW, "review", N_("Management review minutes") },
  { ANNEX_REPORT_CONTEXT, "context", N_("Context of the organization") },
  { ANNEX_REPORT_ACTIONS, "actions", N_("Action list") },
  { ANNEX_REPORT_REGISTER, "register", N_("Register") },
};

static const struct
{
  AnnexReportFormat  format;
  const char        *nick;
  const char        *extension;
} formats[] = {
  { ANNEX_REPORT_FORMAT_PDF, "pdf", "pdf" },
  { ANNEX_REPORT_FORMAT_XLSX, "xlsx", "xlsx" },
  { ANNEX_REPORT_FORMAT_CSV, "csv", "csv" },
  { ANNEX_REPORT_FORMAT_OSCAL, "oscal", "json" },
};

gboolean
annex_report_kind_from_nick (const char      *nick,
                             AnnexReportKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; nick != NULL && i < G_N_ELEMENTS (kinds); i++)
    {
      if (strcmp (kinds[i].nick, nick) == 0)
        {
          *kind = kinds[i].kind;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
annex_report_kind_to_nick (AnnexReportKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (kinds[i].kind == kind)
        return kinds[i].nick;
    }

  g_return_val_if_reached (NULL);
}

const char *
annex_report_kind_get_title (AnnexReportKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (kinds[i].kind == kind)
        return _(kinds[i].title);
    }

  g_return_val_if_reached (NULL);
}

gboolean
annex_report_kind_takes_argument (AnnexReportKind kind)
{
  return kind == ANNEX_REPORT_AUDIT || kind == ANNEX_REPORT_REVIEW ||
         kind == ANNEX_REPORT_REGISTER;
}

gboolean
annex_report_kind_has_main_table (AnnexReportKind kind)
{
  /* The minutes are prose and facts; every other report is built around one table. */
  return kind != ANNEX_REPORT_REVIEW;
}

gboolean
annex_report_format_from_nick (const char        *nick,
                               AnnexReportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; nick != NULL && i < G_N_ELEMENTS (formats); i++)
    {
      if (strcmp (formats[i].nick, nick) == 0)
        {
          *format = formats[i].format;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
annex_report_format_get_extension (AnnexReportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (formats[i].format == format)
        return formats[i].extension;
    }

  g_return_val_if_reached (NULL);
}

/* ---- The register tables and their record types ---------------------------------------------- */

typedef struct
{
  const char *table;
  const char *title;        /* N_() */
  GType     (*get_type) (void);
} RegisterInfo;

static const RegisterInfo registers[] = {
  { "actions", N_("Actions"), annex_action_get_type },
  { "controls", N_("Controls"), annex_control_get_type },
  { "requirements", N_("Requirements"), annex_requirement_get_type },
  { "issues", N_("Issues"), annex_issue_get_type },
  { "parties", N_("Interested parties"), annex_party_get_type },
  { "party_requirements", N_("Requirements of interested parties"),
    annex_party_requirement_get_type },
  { "scope_versions", N_("Scope versions"), annex_scope_version_get_type },
  { "scope_exclusions", N_("Scope exclusions"), annex_scope_exclusion_get_type },
  { "assets", N_("Assets"), annex_asset_get_type },
  { "risks", N_("Risks"), annex_risk_get_type },
  { "audits", N_("Audits"), annex_audit_get_type },
  { "audit_items", N_("Audit checklist items"), annex_audit_item_get_type },
  { "findings", N_("Audit findings"), annex_finding_get_type },
  { "nonconformities", N_("Nonconformities"), annex_nonconformity_get_type },
  { "incidents", N_("Incidents"), annex_incident_get_type },
  { "objectives", N_("Objectives"), annex_objective_get_type },
  { "objective_measurements", N_("Objective measurements"),
    annex_objective_measurement_get_type },
  { "reviews", N_("Management reviews"), annex_review_get_type },
  { "review_attendees", N_("Review attendees"), annex_review_attendee_get_type },
  { "documents", N_("Documents"), annex_document_get_type },
  { "document_versions", N_("Document versions"), annex_document_version_get_type },
  { "people", N_("People"), annex_person_get_type },
  { "roles", N_("Roles"), annex_role_get_type },
  { "trainings", N_("Competence evidence"), annex_training_get_type },
  { "awareness_activities", N_("Awareness activities"), annex_awareness_get_type },
  { "communications", N_("Communications"), annex_communication_get_type },
  { "catalogues", N_("Control catalogues"), annex_control_catalogue_get_type },
};

static const RegisterInfo *
find_register_info (const char *table)
{
  for (guint i = 0; table != NULL && i < G_N_ELEMENTS (registers); i++)
    {
      if (strcmp (registers[i].table, table) == 0)
        return &registers[i];
    }

  return NULL;
}

/* ---- The document ---------------------------------------------------------------------------- */

static void
report_row_free (AnnexReportRow *row,
                 guint           n_columns)
{
  if (row == NULL)
    return;

  g_strfreev (row->cells);
  if (row->colours != NULL)
    {
      for (guint i = 0; i < n_columns; i++)
        g_free (row->colours[i]);
      g_free (row->colours);
    }
  g_free (row);
}

static void
report_heat_map_free (AnnexReportHeatMap *map)
{
  if (map == NULL)
    return;

  g_free (map->title);
  g_free (map->x_label);
  g_free (map->y_label);
  g_strfreev (map->x_labels);
  g_strfreev (map->y_labels);
  g_free (map->counts);
  g_strfreev (map->colours);
  g_free (map);
}

static void
report_block_free (AnnexReportBlock *block)
{
  if (block == NULL)
    return;

  g_free (block->text);
  g_clear_pointer (&block->facts, g_ptr_array_unref);
  g_free (block->name);
  if (block->rows != NULL)
    {
      guint n_columns = block->columns != NULL ? block->columns->len : 0;

      for (guint i = 0; i < block->rows->len; i++)
        report_row_free (g_ptr_array_index (block->rows, i), n_columns);
      g_ptr_array_unref (block->rows);
    }
  if (block->columns != NULL)
    {
      for (guint i = 0; i < block->columns->len; i++)
        {
          AnnexReportColumn *column = &g_array_index (block->columns, AnnexReportColumn, i);

          g_free (column->header);
          g_free (column->key);
        }
      g_array_unref (block->columns);
    }
  report_heat_map_free (block->heat_map);
  g_free (block);
}

static void
report_section_free (AnnexReportSection *section)
{
  if (section == NULL)
    return;

  g_free (section->heading);
  g_ptr_array_unref (section->blocks);
  g_free (section);
}

void
annex_report_document_free (AnnexReportDocument *document)
{
  if (document == NULL)
    return;

  g_free (document->title);
  g_free (document->subtitle);
  g_free (document->organization);
  g_free (document->date);
  g_free (document->workspace);
  g_free (document->version);
  /* main_table is one of the sections' blocks. */
  g_ptr_array_unref (document->sections);
  g_free (document);
}

static AnnexReportSection *
add_section (AnnexReportDocument *document,
             const char          *heading)
{
  AnnexReportSection *section = g_new0 (AnnexReportSection, 1);

  section->heading = g_strdup (heading);
  section->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) report_block_free);
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
  AnnexReportBlock *block = add_block (section, ANNEX_REPORT_BLOCK_PARAGRAPH);

  block->text = g_strdup (text != NULL ? text : "");
}

static void
add_subheading (AnnexReportSection *section,
                const char         *text)
{
  AnnexReportBlock *block = add_block (section, ANNEX_REPORT_BLOCK_PARAGRAPH);

  block->text = g_strdup (text != NULL ? text : "");
  block->heading = TRUE;
}

static AnnexReportBlock *
add_facts (AnnexReportSection *section)
{
  AnnexReportBlock *block = add_block (section, ANNEX_REPORT_BLOCK_FACTS);

  block->facts = g_ptr_array_new_with_free_func (g_free);

  return block;
}

/* A fact whose value is empty reads "—", so a reader sees that nothing was recorded. */
static void
facts_add (AnnexReportBlock *block,
           const char       *label,
           const char       *value)
{
  g_assert (block->kind == ANNEX_REPORT_BLOCK_FACTS);

  g_ptr_array_add (block->facts, g_strdup (label));
  g_ptr_array_add (block->facts, g_strdup (value != NULL && value[0] != '\0' ? value : "—"));
}

static void
facts_take (AnnexReportBlock *block,
            const char       *label,
            char             *value)
{
  facts_add (block, label, value);
  g_free (value);
}

static void
facts_add_count (AnnexReportBlock *block,
                 const char       *label,
                 guint             count)
{
  facts_take (block, label, g_strdup_printf ("%u", count));
}

typedef struct
{
  const char            *header;  /* N_() */
  const char            *key;
  double                 width;
  AnnexReportColumnType  type;
  gboolean               pdf_hidden;
} ColumnSpec;

/* Shorthands for the column tables below. */
#define AS_TEXT    ANNEX_REPORT_COLUMN_TEXT
#define AS_DATE    ANNEX_REPORT_COLUMN_DATE
#define PDF_HIDDEN TRUE

/* A sheet name: at most 31 characters, none of []:*?/\ (the XLSX writer makes it unique). */
static char *
make_sheet_name (const char *name)
{
  g_autofree char *clean = g_strdup (name);
  const char *end = clean;
  guint n_chars = 0;

  g_strdelimit (clean, "[]:*?/\\", '-');
  while (*end != '\0' && n_chars < 31)
    {
      end = g_utf8_next_char (end);
      n_chars++;
    }

  return g_strndup (clean, end - clean);
}

static AnnexReportBlock *
add_table (AnnexReportSection *section,
           const char         *name,
           const ColumnSpec   *specs,
           guint               n_specs)
{
  AnnexReportBlock *block = add_block (section, ANNEX_REPORT_BLOCK_TABLE);

  block->name = make_sheet_name (name);
  block->columns = g_array_sized_new (FALSE, TRUE, sizeof (AnnexReportColumn), n_specs);
  block->rows = g_ptr_array_new ();
  for (guint i = 0; i < n_specs; i++)
    {
      AnnexReportColumn column = {
        g_strdup (_(specs[i].header)), g_strdup (specs[i].key), specs[i].width, specs[i].type,
        specs[i].pdf_hidden
      };

      g_array_append_val (block->columns, column);
    }

  return block;
}

static void
table_add_column (AnnexReportBlock      *block,
                  const char            *header,
                  const char            *key,
                  double                 width,
                  AnnexReportColumnType  type)
{
  AnnexReportColumn column = { g_strdup (header), g_strdup (key), width, type, FALSE };

  g_array_append_val (block->columns, column);
}

static AnnexReportRow *
table_add_row (AnnexReportBlock *block)
{
  AnnexReportRow *row = g_new0 (AnnexReportRow, 1);
  guint n_columns = block->columns->len;

  /* NULL-terminated as well, so that g_strfreev() frees them. */
  row->cells = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    row->cells[i] = g_strdup ("");
  g_ptr_array_add (block->rows, row);

  return row;
}

static void
row_set (AnnexReportRow *row,
         guint           column,
         const char     *text)
{
  g_free (row->cells[column]);
  row->cells[column] = g_strdup (text != NULL ? text : "");
}

static void
row_take (AnnexReportRow *row,
          guint           column,
          char           *text)
{
  row_set (row, column, text);
  g_free (text);
}

static void
row_set_colour (AnnexReportBlock *block,
                AnnexReportRow   *row,
                guint             column,
                const char       *colour)
{
  if (colour == NULL)
    return;

  if (row->colours == NULL)
    row->colours = g_new0 (char *, block->columns->len);
  g_free (row->colours[column]);
  row->colours[column] = g_strdup (colour);
}

static void
table_add_group (AnnexReportBlock *block,
                 const char       *text)
{
  AnnexReportRow *row = table_add_row (block);

  row->level = 1;
  row_set (row, 0, text);
}

/* ---- Reading the model ----------------------------------------------------------------------- */

static AnnexRegister *
load_register (AnnexDatabase  *db,
               GType           type,
               GError        **error)
{
  g_autoptr(AnnexRegister) reg = annex_register_new (db, type);

  if (!annex_register_load (reg, error))
    return NULL;

  return g_steal_pointer (&reg);
}

/* The record of @model whose reference is @reference (trimmed), or NULL (borrowed). */
static AnnexRecord *
find_by_reference (GListModel *model,
                   const char *reference)
{
  g_autofree char *wanted = g_strstrip (g_strdup (reference));
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRecord) record = g_list_model_get_item (model, i);

      if (g_strcmp0 (annex_record_get_reference (record), wanted) == 0)
        return record;  /* the model keeps it alive */
    }

  return NULL;
}

static const AnnexField *
find_field (AnnexRecord *record,
            const char  *name,
            guint       *out_index)
{
  const AnnexField *field;

  field = annex_record_class_find_field (ANNEX_RECORD_GET_CLASS (record), name, out_index);
  g_assert (field != NULL);

  return field;
}

/* The value of field @index as a reader sees it: a choice by its translated label, a bool as
 * Yes or No, a number in decimal; "" when empty. */
static char *
dup_value_at (AnnexRecord *record,
              guint        index)
{
  const AnnexField *fields = annex_record_class_get_fields (ANNEX_RECORD_GET_CLASS (record), NULL);
  const GValue *value = annex_record_get_value (record, index);

  switch (fields[index].type)
    {
    case ANNEX_FIELD_CHOICE:
      {
        const char *label = annex_record_get_choice_label (record, index);

        /* An unknown stored value is shown as it is rather than hidden. */
        if (label == NULL)
          label = g_value_get_string (value);
        return g_strdup (label != NULL ? label : "");
      }

    case ANNEX_FIELD_BOOL:
      return g_strdup (g_value_get_boolean (value) ? _("Yes") : _("No"));

    case ANNEX_FIELD_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));

    case ANNEX_FIELD_TEXT:
    case ANNEX_FIELD_LONG_TEXT:
    case ANNEX_FIELD_DATE:
    default:
      return g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");
    }
}

static char *
dup_value (AnnexRecord *record,
           const char  *name)
{
  guint index;

  find_field (record, name, &index);
  return dup_value_at (record, index);
}

static const char *
field_label (AnnexRecord *record,
             const char  *name)
{
  return _(find_field (record, name, NULL)->label);
}

/* The translated label of choice @nick of field @name of record type @type; @nick itself when
 * it is not one of the choices. */
static const char *
choice_label (GType       type,
              const char *name,
              const char *nick)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  const AnnexField *field;
  const char *label;

  field = annex_record_class_find_field (ANNEX_RECORD_CLASS (klass), name, NULL);
  g_assert (field != NULL);
  label = annex_field_get_choice_label (field, nick);

  return label != NULL ? _(label) : (nick != NULL ? nick : "");
}

/* A fact labelled with the field's label; a date as a reader writes it. */
static void
facts_add_field (AnnexReportBlock *block,
                 AnnexRecord      *record,
                 const char       *name)
{
  g_autofree char *value = dup_value (record, name);

  if (find_field (record, name, NULL)->type == ANNEX_FIELD_DATE)
    facts_take (block, field_label (record, name), annex_report_format_date (value));
  else
    facts_add (block, field_label (record, name), value);
}

/* The references of the @table records with @ids, in @model, separated by commas. */
static char *
dup_references (GArray        *ids,
                AnnexRegister *model)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      AnnexRecord *record = annex_register_find (model, g_array_index (ids, gint64, i));

      if (record == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, annex_record_get_reference (record));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "3 March 2026 – 5 March 2026", or one date when both are the same or one is missing. */
static char *
dup_date_range (const char *start,
                const char *end)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (start == NULL && end == NULL)
    return g_strdup ("");
  if (start == NULL || end == NULL || g_strcmp0 (start, end) == 0)
    return annex_report_format_date (start != NULL ? start : end);

  first = annex_report_format_date (start);
  last = annex_report_format_date (end);
  return g_strdup_printf ("%s – %s", first, last);
}

static double
field_width (const AnnexField *field)
{
  switch (field->type)
    {
    case ANNEX_FIELD_LONG_TEXT:
      return 40;
    case ANNEX_FIELD_TEXT:
      return 20;
    case ANNEX_FIELD_DATE:
      return 11;
    case ANNEX_FIELD_CHOICE:
      return 14;
    case ANNEX_FIELD_INT:
    case ANNEX_FIELD_BOOL:
    default:
      return 8;
    }
}

/* The table of every field of @records' type: the reference, then one column per field, each
 * keyed by the field's name (what the CSV import maps back). */
static AnnexReportBlock *
add_register_table (AnnexReportSection *section,
                    const char         *name,
                    GType               type,
                    GListModel         *records)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  const ColumnSpec reference = { N_("Reference"), "reference", 8 };
  AnnexReportBlock *block;
  const AnnexField *fields;
  guint n_fields;
  guint n;

  fields = annex_record_class_get_fields (ANNEX_RECORD_CLASS (klass), &n_fields);
  block = add_table (section, name, &reference, 1);
  for (guint i = 0; i < n_fields; i++)
    table_add_column (block, _(fields[i].label), fields[i].name, field_width (&fields[i]),
                      fields[i].type == ANNEX_FIELD_DATE ? AS_DATE : AS_TEXT);

  n = g_list_model_get_n_items (records);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRecord) record = g_list_model_get_item (records, i);
      AnnexReportRow *row = table_add_row (block);

      row_set (row, 0, annex_record_get_reference (record));
      for (guint j = 0; j < n_fields; j++)
        row_take (row, j + 1, dup_value_at (record, j));
    }

  return block;
}

/* ---- Statement of Applicability -------------------------------------------------------------- */

static const char * const reason_fields[] = {
  "reason-risk", "reason-legal", "reason-contractual", "reason-business", "reason-best-practice",
};

static char *
dup_reasons (AnnexRecord *control)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (reason_fields); i++)
    {
      guint index;

      find_field (control, reason_fields[i], &index);
      if (!g_value_get_boolean (annex_record_get_value (control, index)))
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, field_label (control, reason_fields[i]));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Adds the group of the controls of imported catalogue @catalogue_id (0: Annex A and the
 * organization's own) whose theme is @theme (NULL: for catalogue 0, those with no theme of
 * the four; else every control of the catalogue), under the heading @heading; nothing when no
 * control is in it. */
static void
add_soa_group (AnnexReportBlock *table,
               GListModel       *controls,
               gint64            catalogue_id,
               const char       *theme,
               const char       *heading)
{
  static const char * const themes[] = {
    "organizational", "people", "physical", "technological", NULL,
  };
  gboolean grouped = FALSE;
  guint n = g_list_model_get_n_items (controls);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRecord) control = g_list_model_get_item (controls, i);
      const char *control_theme = annex_record_get_string (control, "theme");
      AnnexReportRow *row;

      if (annex_control_get_catalogue_id (ANNEX_CONTROL (control)) != catalogue_id)
        continue;
      if (catalogue_id == 0 &&
          (theme != NULL ? g_strcmp0 (control_theme, theme) != 0
                         : (control_theme != NULL && g_strv_contains (themes, control_theme))))
        continue;

      if (!grouped)
        {
          table_add_group (table, heading);
          grouped = TRUE;
        }

      row = table_add_row (table);
      row_set (row, 0, annex_record_get_reference (control));
      row_take (row, 1, dup_value (control, "theme"));
      row_set (row, 2, annex_control_get_display_title (ANNEX_CONTROL (control)));
      row_take (row, 3, dup_value (control, "applicability"));
      row_take (row, 4, dup_reasons (control));
      row_take (row, 5, dup_value (control, "justification"));
      row_take (row, 6, dup_value (control, "status"));
      row_take (row, 7, dup_value (control, "owner"));
      row_take (row, 8, dup_value (control, "implementation-notes"));
      row_take (row, 9, dup_value (control, "evidence"));
    }
}

static gboolean
build_soa (AnnexReportDocument  *document,
           AnnexDatabase        *db,
           GError              **error)
{
  static const ColumnSpec columns[] = {
    { N_("Control"), "reference", 6 },
    /* On paper, the group rows say the theme. */
    { N_("Theme"), "theme", 12, AS_TEXT, PDF_HIDDEN },
    { N_("Title"), "title", 28 },
    { N_("Applicability"), "applicability", 11 },
    { N_("Reasons for inclusion"), "reasons", 18 },
    { N_("Justification for exclusion"), "justification", 28 },
    { N_("Implementation status"), "status", 12 },
    { N_("Owner"), "owner", 14 },
    { N_("Implementation notes"), "implementation-notes", 28 },
    { N_("Evidence"), "evidence", 24 },
  };
  static const char * const themes[] = {
    "organizational", "people", "physical", "technological", NULL,
  };
  g_autoptr(AnnexRegister) controls = NULL;
  g_autoptr(AnnexRegister) catalogues = NULL;
  AnnexReportSection *section;
  AnnexReportBlock *facts;
  AnnexReportBlock *table;
  AnnexSoaSummary summary;
  guint n;

  controls = load_register (db, ANNEX_TYPE_CONTROL, error);
  if (controls == NULL)
    return FALSE;
  annex_soa_summary_compute (G_LIST_MODEL (controls), &summary);

  section = add_section (document, _("Summary"));
  facts = add_facts (section);
  facts_add_count (facts, _("Controls"), summary.total);
  facts_add_count (facts, _("Applicable"), summary.applicable);
  facts_add_count (facts, _("Excluded"), summary.excluded);
  facts_add_count (facts, _("Not yet decided"), summary.undecided);
  facts_add_count (facts, _("Applicable and implemented"), summary.implemented);

  section = add_section (document, _("Controls"));
  table = add_table (section, _("Statement of Applicability"), columns, G_N_ELEMENTS (columns));
  document->main_table = table;

  /* Grouped: Annex A and the organization's own controls by theme in the catalogue's order,
   * those without a theme after them, then each imported catalogue. Within a group, the
   * register's order. */
  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    add_soa_group (table, G_LIST_MODEL (controls), 0, themes[t],
                   themes[t] != NULL ? choice_label (ANNEX_TYPE_CONTROL, "theme", themes[t])
                                     : _("Other controls"));

  catalogues = load_register (db, ANNEX_TYPE_CONTROL_CATALOGUE, error);
  if (catalogues == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (catalogues));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRecord) catalogue = g_list_model_get_item (G_LIST_MODEL (catalogues), i);
      g_autofree char *title = dup_value (catalogue, "title");

      add_soa_group (table, G_LIST_MODEL (controls), annex_record_get_id (catalogue), NULL,
                     title);
    }

  return TRUE;
}

/* ---- Risks ----------------------------------------------------------------------------------- */

static void
add_heat_map (AnnexReportSection *section,
              const char         *title,
              GListModel         *risks,
              AnnexRiskMethod    *method,
              gboolean            residual)
{
  AnnexReportBlock *block = add_block (section, ANNEX_REPORT_BLOCK_HEAT_MAP);
  AnnexReportHeatMap *map = g_new0 (AnnexReportHeatMap, 1);
  AnnexRiskHeatMap counts;

  annex_risk_heat_map_compute (&counts, risks, method, residual);

  map->title = g_strdup (title);
  map->x_label = g_strdup (_("Impact"));
  map->y_label = g_strdup (_("Likelihood"));
  map->n_x = annex_risk_method_get_n_impacts (method);
  map->n_y = annex_risk_method_get_n_likelihoods (method);
  map->x_labels = g_new0 (char *, map->n_x + 1);
  map->y_labels = g_new0 (char *, map->n_y + 1);
  map->counts = g_new0 (guint, map->n_x * map->n_y);
  map->colours = g_new0 (char *, map->n_x * map->n_y + 1);

  for (guint x = 1; x <= map->n_x; x++)
    map->x_labels[x - 1] = g_strdup (annex_risk_method_get_label (method,
                                                                  ANNEX_RISK_SCALE_IMPACT, x));
  for (guint y = 1; y <= map->n_y; y++)
    {
      map->y_labels[y - 1] = g_strdup (annex_risk_method_get_label (method,
                                                                    ANNEX_RISK_SCALE_LIKELIHOOD,
                                                                    y));
      for (guint x = 1; x <= map->n_x; x++)
        {
          guint level = annex_risk_method_get_level (method, y, x);
          const char *colour = annex_risk_method_get_color (method, level);

          map->counts[(y - 1) * map->n_x + (x - 1)] = annex_risk_heat_map_get (&counts, y, x);
          map->colours[(y - 1) * map->n_x + (x - 1)] = g_strdup (colour != NULL ? colour
                                                                                : "#ffffff");
        }
    }

  block->heat_map = map;
}

static const char *
scale_label (AnnexRiskMethod *method,
             AnnexRiskScale   scale,
             guint            n)
{
  const char *label = annex_risk_method_get_label (method, scale, n);

  return label != NULL ? label : "";
}

static gboolean
build_risks (AnnexReportDocument  *document,
             AnnexDatabase        *db,
             const char           *today,
             GError              **error)
{
  static const ColumnSpec columns[] = {
    { N_("Risk"), "reference", 6 },
    { N_("Title"), "title", 20 },
    { N_("Owner"), "owner", 10 },
    { N_("Assets"), "assets", 7 },
    { N_("Controls"), "controls", 7 },
    /* The level says what matters on paper; the spreadsheets keep what it comes from. */
    { N_("Inherent likelihood"), "inherent-likelihood", 8, AS_TEXT, PDF_HIDDEN },
    { N_("Inherent impact"), "inherent-impact", 8, AS_TEXT, PDF_HIDDEN },
    { N_("Inherent level"), "inherent-level", 9 },
    { N_("Treatment"), "treatment", 9 },
    { N_("Residual likelihood"), "residual-likelihood", 8, AS_TEXT, PDF_HIDDEN },
    { N_("Residual impact"), "residual-impact", 8, AS_TEXT, PDF_HIDDEN },
    { N_("Residual level"), "residual-level", 9 },
    { N_("Accepted by"), "accepted-by", 9 },
    { N_("Accepted on"), "accepted-on", 10, AS_DATE, PDF_HIDDEN },
    { N_("Accepted until"), "accepted-until", 10, AS_DATE },
    { N_("Next review"), "next-review", 10, AS_DATE },
    { N_("Status"), "status", 9 },
  };
  g_autoptr(AnnexRiskRegister) risk_register = NULL;
  g_autoptr(AnnexRegister) assets = NULL;
  g_autoptr(AnnexRegister) controls = NULL;
  g_autoptr(GHashTable) asset_links = NULL;
  g_autoptr(GHashTable) control_links = NULL;
  g_autofree char *threshold_text = NULL;
  AnnexRegister *risks;
  AnnexRiskMethod *method;
  AnnexReportSection *section;
  AnnexReportBlock *facts;
  AnnexReportBlock *table;
  guint n, threshold;
  guint n_assessed = 0, n_above = 0, n_accepted = 0, n_review_overdue = 0;

  risk_register = annex_risk_register_new (db);
  risks = annex_risk_register_get_register (risk_register);
  if (!annex_register_load (risks, error))
    return FALSE;
  assets = load_register (db, ANNEX_TYPE_ASSET, error);
  if (assets == NULL)
    return FALSE;
  controls = load_register (db, ANNEX_TYPE_CONTROL, error);
  if (controls == NULL)
    return FALSE;
  method = annex_risk_register_get_method (risk_register);
  threshold = annex_risk_method_get_threshold (method);
  n = g_list_model_get_n_items (G_LIST_MODEL (risks));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRisk) risk = g_list_model_get_item (G_LIST_MODEL (risks), i);
      guint level = annex_risk_get_level (risk);

      if (level > 0)
        n_assessed++;
      if (level > threshold)
        n_above++;
      if (annex_record_get_string (ANNEX_RECORD (risk), "accepted-on") != NULL)
        n_accepted++;
      if (annex_risk_is_review_overdue_on (risk, today))
        n_review_overdue++;
    }

  section = add_section (document, _("Summary"));
  facts = add_facts (section);
  facts_add_count (facts, _("Risks"), n);
  facts_add_count (facts, _("Assessed"), n_assessed);
  facts_add_count (facts, _("Above the acceptance threshold"), n_above);
  facts_add_count (facts, _("Accepted by their owner"), n_accepted);
  facts_add_count (facts, _("Review overdue"), n_review_overdue);
  facts_add_count (facts, _("Assets"), g_list_model_get_n_items (G_LIST_MODEL (assets)));
  facts_take (facts, _("Risk method"),
              /* TRANSLATORS: the size of the risk method, e.g. "5 likelihoods × 5 impacts" */
              g_strdup_printf (_("%u likelihoods × %u impacts"),
                               annex_risk_method_get_n_likelihoods (method),
                               annex_risk_method_get_n_impacts (method)));
  threshold_text = g_strdup_printf (_("Up to “%s”"),
                                    scale_label (method, ANNEX_RISK_SCALE_LEVEL, threshold));
  facts_add (facts, _("Retained without acceptance"), threshold_text);

  section = add_section (document, _("Heat maps"));
  add_heat_map (section, _("Inherent risk"), G_LIST_MODEL (risks), method, FALSE);
  add_heat_map (section, _("Residual risk"), G_LIST_MODEL (risks), method, TRUE);

  section = add_section (document, _("Risks"));
  table = add_table (section, _("Risks"), columns, G_N_ELEMENTS (columns));
  document->main_table = table;

  /* Every risk's links in two queries: one query per risk was most of the time this took for
   * a large register. */
  asset_links = annex_links_dup_all_targets (db, "risks", "assets", error);
  if (asset_links == NULL)
    return FALSE;
  control_links = annex_links_dup_all_targets (db, "risks", "controls", error);
  if (control_links == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRisk) risk = g_list_model_get_item (G_LIST_MODEL (risks), i);
      AnnexRecord *record = ANNEX_RECORD (risk);
      gint64 id = annex_record_get_id (record);
      GArray *asset_ids = g_hash_table_lookup (asset_links, &id);
      GArray *control_ids = g_hash_table_lookup (control_links, &id);
      AnnexReportRow *row = table_add_row (table);
      guint inherent = annex_risk_get_inherent_level (risk);
      guint residual = annex_risk_get_residual_level (risk);

      row_set (row, 0, annex_record_get_reference (record));
      row_take (row, 1, dup_value (record, "title"));
      row_take (row, 2, dup_value (record, "owner"));
      row_take (row, 3, dup_references (asset_ids, assets));
      row_take (row, 4, dup_references (control_ids, controls));
      row_set (row, 5, scale_label (method, ANNEX_RISK_SCALE_LIKELIHOOD,
                                    annex_risk_get_inherent_likelihood (risk)));
      row_set (row, 6, scale_label (method, ANNEX_RISK_SCALE_IMPACT,
                                    annex_risk_get_inherent_impact (risk)));
      row_set (row, 7, scale_label (method, ANNEX_RISK_SCALE_LEVEL, inherent));
      row_set_colour (table, row, 7, annex_risk_method_get_color (method, inherent));
      row_take (row, 8, dup_value (record, "treatment"));
      row_set (row, 9, scale_label (method, ANNEX_RISK_SCALE_LIKELIHOOD,
                                    annex_risk_get_residual_likelihood (risk)));
      row_set (row, 10, scale_label (method, ANNEX_RISK_SCALE_IMPACT,
                                     annex_risk_get_residual_impact (risk)));
      row_set (row, 11, scale_label (method, ANNEX_RISK_SCALE_LEVEL, residual));
      row_set_colour (table, row, 11, annex_risk_method_get_color (method, residual));
      row_take (row, 12, dup_value (record, "accepted-by"));
      row_take (row, 13, dup_value (record, "accepted-on"));
      row_take (row, 14, dup_value (record, "accepted-until"));
      row_take (row, 15, dup_value (record, "next-review"));
      row_take (row, 16, dup_value (record, "status"));
    }

  section = add_section (document, _("Assets"));
  add_register_table (section, _("Assets"), ANNEX_TYPE_ASSET, G_LIST_MODEL (assets));

  return TRUE;
}

/* ---- Risk treatment plan --------------------------------------------------------------------- */

/* A risk still to be treated: not closed, and either a treatment other than retaining it, or
 * no decision yet while it stands above the acceptance threshold. */
static gboolean
risk_needs_treatment (AnnexRisk *risk)
{
  const char *treatment = annex_risk_get_treatment (risk);
  AnnexRiskMethod *method = annex_risk_get_method (risk);

  if (g_strcmp0 (annex_risk_get_status (risk), "closed") == 0)
    return FALSE;
  if (treatment == NULL)
    return annex_risk_get_level (risk) > annex_risk_method_get_threshold (method);

  return g_strcmp0 (treatment, "retain") != 0;
}

static gboolean
build_treatment_plan (AnnexReportDocument  *document,
                      AnnexDatabase        *db,
                      const char           *today,
                      GError              **error)
{
  static const ColumnSpec columns[] = {
    /* On paper, the group rows say the risk. */
    { N_("Risk"), "risk", 6, AS_TEXT, PDF_HIDDEN },
    { N_("Action"), "reference", 6 },
    { N_("Title"), "title", 32 },
    { N_("Owner"), "owner", 14 },
    { N_("Due date"), "due-date", 10, AS_DATE },
    { N_("Status"), "status", 10 },
    { N_("Completed on"), "completed-on", 10, AS_DATE },
    { N_("Overdue"), "overdue", 8 },
  };
  static const ColumnSpec untreated_columns[] = {
    { N_("Risk"), "reference", 6 },
    { N_("Title"), "title", 32 },
    { N_("Owner"), "owner", 14 },
    { N_("Level"), "level", 10 },
    { N_("Treatment"), "treatment", 10 },
  };
  g_autoptr(AnnexRiskRegister) risk_register = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) treated = g_hash_table_new (g_str_hash, g_str_equal);
  AnnexTreatmentPlanCounts counts;
  AnnexRegister *risks;
  AnnexRiskMethod *method;
  AnnexReportSection *section;
  AnnexReportBlock *facts;
  AnnexReportBlock *table;
  AnnexReportBlock *untreated = NULL;
  gint64 group_id = 0;
  guint n_needing = 0;
  guint n;

  entries = annex_treatment_plan_query (db, today, &counts, error);
  if (entries == NULL)
    return FALSE;
  risk_register = annex_risk_register_new (db);
  risks = annex_risk_register_get_register (risk_register);
  if (!annex_register_load (risks, error))
    return FALSE;
  method = annex_risk_register_get_method (risk_register);
  n = g_list_model_get_n_items (G_LIST_MODEL (risks));

  for (guint i = 0; i < entries->len; i++)
    {
      AnnexTreatmentPlanEntry *entry = g_ptr_array_index (entries, i);

      if (entry->risk_reference != NULL)
        g_hash_table_add (treated, entry->risk_reference);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRisk) risk = g_list_model_get_item (G_LIST_MODEL (risks), i);

      if (risk_needs_treatment (risk))
        n_needing++;
    }

  section = add_section (document, _("Summary"));
  facts = add_facts (section);
  facts_add_count (facts, _("Risks needing treatment"), n_needing);
  facts_add_count (facts, _("Treatment actions"), counts.total);
  facts_add_count (facts, _("Open or in progress"), counts.open);
  facts_add_count (facts, _("Overdue"), counts.overdue);
  facts_add_count (facts, _("Done"), counts.done);
  facts_add_count (facts, _("Cancelled"), counts.cancelled);

  section = add_section (document, _("Treatment actions"));
  table = add_table (section, _("Treatment plan"), columns, G_N_ELEMENTS (columns));
  document->main_table = table;

  for (guint i = 0; i < entries->len; i++)
    {
      AnnexTreatmentPlanEntry *entry = g_ptr_array_index (entries, i);
      AnnexReportRow *row;

      /* Risks in order, then every action whose reference points at no risk, as one group. */
      if (i == 0 || entry->risk_id != group_id)
        {
          g_autofree char *heading = NULL;

          if (entry->risk_id == 0)
            heading = g_strdup (_("Actions whose risk reference matches no risk"));
          else if (entry->risk_owner != NULL && entry->risk_owner[0] != '\0')
            /* TRANSLATORS: a risk heading in the treatment plan: reference, title, owner */
            heading = g_strdup_printf (_("%s %s (owner: %s)"), entry->risk_reference,
                                       entry->risk_title, entry->risk_owner);
          else
            heading = g_strdup_printf ("%s %s", entry->risk_reference, entry->risk_title);
          table_add_group (table, heading);
          group_id = entry->risk_id;
        }

      row = table_add_row (table);
      row_set (row, 0, entry->risk_reference);
      row_set (row, 1, entry->action_reference);
      row_set (row, 2, entry->action_title);
      row_set (row, 3, entry->action_owner);
      row_set (row, 4, entry->due_date);
      row_set (row, 5, choice_label (ANNEX_TYPE_ACTION, "status", entry->status));
      row_set (row, 6, entry->completed_on);
      row_set (row, 7, entry->overdue ? _("Overdue") : "");
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRisk) risk = g_list_model_get_item (G_LIST_MODEL (risks), i);
      AnnexRecord *record = ANNEX_RECORD (risk);
      guint level = annex_risk_get_level (risk);
      AnnexReportRow *row;

      if (!risk_needs_treatment (risk) ||
          g_hash_table_contains (treated, annex_record_get_reference (record)))
        continue;

      if (untreated == NULL)
        {
          section = add_section (document, _("Risks without a treatment action"));
          untreated = add_table (section, _("Risks without actions"), untreated_columns,
                                 G_N_ELEMENTS (untreated_columns));
        }
      row = table_add_row (untreated);
      row_set (row, 0, annex_record_get_reference (record));
      row_take (row, 1, dup_value (record, "title"));
      row_take (row, 2, dup_value (record, "owner"));
      row_set (row, 3, scale_label (method, ANNEX_RISK_SCALE_LEVEL, level));
      row_set_colour (untreated, row, 3, annex_risk_method_get_color (method, level));
      row_take (row, 4, dup_value (record, "treatment"));
    }

  return TRUE;
}

/* ---- Audit report ---------------------------------------------------------------------------- */

/* The items of @model whose INT field @parent_field is @parent_id, as a new array. */
static GPtrArray *
dup_children (GListModel *model,
              const char *parent_field,
              gint64      parent_id)
{
  GPtrArray *children = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRecord) record = g_list_model_get_item (model, i);

      if (annex_record_get_int (record, parent_field) == parent_id)
        g_ptr_array_add (children, g_steal_pointer (&record));
    }

  return children;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  return annex_audit_item_compare (*(gpointer *) a, *(gpointer *) b, NULL);
}

static gboolean
build_audit (AnnexReportDocument  *document,
             AnnexDatabase        *db,
             const char           *reference,
             GError              **error)
{
  static const ColumnSpec sampled_columns[] = {
    { N_("Kind"), "kind", 8 },
    { N_("Reference"), "reference", 8 },
    { N_("Title"), "title", 50 },
  };
  static const ColumnSpec checklist_columns[] = {
    { N_("Kind"), "subject-kind", 8 },
    { N_("Subject"), "subject", 7 },
    { N_("Title"), "title", 24 },
    { N_("Question"), "question", 30 },
    { N_("Result"), "result", 12 },
    { N_("Notes"), "notes", 28 },
    { N_("Evidence"), "evidence", 24 },
  };
  static const ColumnSpec finding_columns[] = {
    { N_("Finding"), "reference", 7 },
    { N_("Classification"), "classification", 14 },
    { N_("Concerns"), "concerns", 8 },
    { N_("Description"), "description", 40 },
    { N_("Evidence"), "evidence", 30 },
  };
  g_autoptr(AnnexRegister) audits = NULL;
  g_autoptr(AnnexRegister) items_register = NULL;
  g_autoptr(AnnexRegister) findings_register = NULL;
  g_autoptr(AnnexRegister) requirements = NULL;
  g_autoptr(AnnexRegister) controls = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GArray) clause_ids = NULL;
  g_autoptr(GArray) control_ids = NULL;
  g_autofree char *title = NULL;
  AnnexRecord *record;
  AnnexAudit *audit;
  AnnexReportSection *section;
  AnnexReportBlock *facts;
  AnnexReportBlock *table;
  guint result_index;
  guint n_results;
  const AnnexField *result_field;

  audits = load_register (db, ANNEX_TYPE_AUDIT, error);
  if (audits == NULL)
    return FALSE;
  record = find_by_reference (G_LIST_MODEL (audits), reference);
  if (record == NULL)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("No audit “%s”"), reference);
      return FALSE;
    }
  audit = ANNEX_AUDIT (record);

  items_register = load_register (db, ANNEX_TYPE_AUDIT_ITEM, error);
  if (items_register == NULL)
    return FALSE;
  findings_register = load_register (db, ANNEX_TYPE_FINDING, error);
  if (findings_register == NULL)
    return FALSE;
  requirements = load_register (db, ANNEX_TYPE_REQUIREMENT, error);
  if (requirements == NULL)
    return FALSE;
  controls = load_register (db, ANNEX_TYPE_CONTROL, error);
  if (controls == NULL)
    return FALSE;
  clause_ids = annex_audit_dup_linked_ids (audit, db, ANNEX_AUDIT_LINK_CLAUSES, error);
  if (clause_ids == NULL)
    return FALSE;
  control_ids = annex_audit_dup_linked_ids (audit, db, ANNEX_AUDIT_LINK_CONTROLS, error);
  if (control_ids == NULL)
    return FALSE;
  conflicts = annex_audit_dup_independence_conflicts (audit, db, error);
  if (conflicts == NULL)
    return FALSE;

  items = dup_children (G_LIST_MODEL (items_register), "audit-id", annex_record_get_id (record));
  g_ptr_array_sort (items, compare_items);
  findings = dup_children (G_LIST_MODEL (findings_register), "audit-id",
                           annex_record_get_id (record));

  title = dup_value (record, "title");
  document->subtitle = g_strdup_printf ("%s %s", annex_record_get_reference (record), title);

  section = add_section (document, _("Audit"));
  facts = add_facts (section);
  facts_add_field (facts, record, "type");
  facts_add_field (facts, record, "status");
  facts_add_field (facts, record, "scope");
  facts_add_field (facts, record, "criteria");
  facts_take (facts, _("Planned dates"),
              dup_date_range (annex_audit_get_planned_start (audit),
                              annex_audit_get_planned_end (audit)));
  facts_take (facts, _("Actual dates"),
              dup_date_range (annex_audit_get_actual_start (audit),
                              annex_audit_get_actual_end (audit)));
  facts_add_field (facts, record, "lead-auditor");
  facts_add_field (facts, record, "team");
  facts_add_field (facts, record, "auditee-areas");
  facts_add_field (facts, record, "auditee-contacts");
  facts_add_field (facts, record, "conclusion");

  /* Auditors must not audit their own work: say so in the report when they do. */
  if (conflicts->len > 0)
    {
      section = add_section (document, _("Auditor independence"));
      for (guint i = 0; i < conflicts->len; i++)
        add_paragraph (section, g_ptr_array_index (conflicts, i));
      facts = add_facts (section);
      facts_add_field (facts, record, "independence-note");
    }

  section = add_section (document, _("Clauses and controls sampled"));
  if (clause_ids->len + control_ids->len == 0)
    add_paragraph (section, _("No clause or control is linked to this audit."));
  else
    {
      table = add_table (section, _("Sampled"), sampled_columns, G_N_ELEMENTS (sampled_columns));
      for (guint i = 0; i < clause_ids->len; i++)
        {
          AnnexRecord *clause = annex_register_find (requirements,
                                                     g_array_index (clause_ids, gint64, i));
          AnnexReportRow *row;

          if (clause == NULL)
            continue;
          row = table_add_row (table);
          row_set (row, 0, _("Clause"));
          row_set (row, 1, annex_record_get_reference (clause));
          row_set (row, 2, annex_requirement_get_display_title (ANNEX_REQUIREMENT (clause)));
        }
      for (guint i = 0; i < control_ids->len; i++)
        {
          AnnexRecord *control = annex_register_find (controls,
                                                      g_array_index (control_ids, gint64, i));
          AnnexReportRow *row;

          if (control == NULL)
            continue;
          row = table_add_row (table);
          row_set (row, 0, _("Control"));
          row_set (row, 1, annex_record_get_reference (control));
          row_set (row, 2, annex_control_get_display_title (ANNEX_CONTROL (control)));
        }
    }

  section = add_section (document, _("Checklist"));
  {
    g_autoptr(AnnexAuditItem) probe = annex_audit_item_new (0);

    result_field = find_field (ANNEX_RECORD (probe), "result", &result_index);
    n_results = annex_field_get_n_choices (result_field);
    facts = add_facts (section);
    facts_add_count (facts, _("Items"), items->len);
    for (guint c = 0; c < n_results; c++)
      {
        guint count = 0;

        for (guint i = 0; i < items->len; i++)
          {
            if (g_strcmp0 (annex_audit_item_get_result (g_ptr_array_index (items, i)),
                           result_field->choices[c].nick) == 0)
              count++;
          }
        facts_add_count (facts, _(result_field->choices[c].label), count);
      }
  }
  table = add_table (section, _("Checklist"), checklist_columns,
                     G_N_ELEMENTS (checklist_columns));
  document->main_table = table;
  for (guint i = 0; i < items->len; i++)
    {
      AnnexRecord *item = g_ptr_array_index (items, i);
      AnnexReportRow *row = table_add_row (table);

      row_take (row, 0, dup_value (item, "subject-kind"));
      row_take (row, 1, dup_value (item, "subject"));
      row_take (row, 2, dup_value (item, "title"));
      row_take (row, 3, dup_value (item, "question"));
      row_take (row, 4, dup_value (item, "result"));
      row_take (row, 5, dup_value (item, "notes"));
      row_take (row, 6, dup_value (item, "evidence"));
    }

  section = add_section (document, _("Findings"));
  if (findings->len == 0)
    add_paragraph (section, _("No findings were recorded."));
  else
    {
      table = add_table (section, _("Findings"), finding_columns,
                         G_N_ELEMENTS (finding_columns));
      for (guint i = 0; i < findings->len; i++)
        {
          AnnexRecord *finding = g_ptr_array_index (findings, i);
          AnnexReportRow *row = table_add_row (table);

          row_set (row, 0, annex_record_get_reference (finding));
          row_take (row, 1, dup_value (finding, "classification"));
          row_take (row, 2, dup_value (finding, "concerns"));
          row_take (row, 3, dup_value (finding, "description"));
          row_take (row, 4, dup_value (finding, "evidence"));
        }
    }

  return TRUE;
}

/* ---- Management review minutes --------------------------------------------------------------- */

static void
add_review_input (AnnexReportDocument *document,
                  AnnexReviewSnapshot *snapshot,
                  AnnexReviewInput     input)
{
  g_autofree char *heading = NULL;
  AnnexReportSection *section;
  AnnexReportBlock *facts = NULL;
  const char *notes;
  const char *annotation;

  heading = g_strdup_printf ("%s. %s", annex_review_input_get_letter (input),
                             annex_review_input_get_title (input));
  section = add_section (document, heading);

  if (!annex_review_snapshot_has_input (snapshot, input))
    add_paragraph (section, _("Not prepared."));
  else
    {
      GPtrArray *lines = annex_review_snapshot_get_lines (snapshot, input);
      const char *summary = annex_review_snapshot_get_summary (snapshot, input);

      if (summary != NULL && summary[0] != '\0')
        add_paragraph (section, summary);

      /* Consecutive facts and records share one facts block; headings and notes break it. */
      for (guint i = 0; lines != NULL && i < lines->len; i++)
        {
          AnnexReviewLine *line = g_ptr_array_index (lines, i);

          switch (line->kind)
            {
            case ANNEX_REVIEW_LINE_HEADING:
              add_subheading (section, line->text);
              facts = NULL;
              break;

            case ANNEX_REVIEW_LINE_NOTE:
              /* A note that only repeats the summary ("No actions from earlier reviews"). */
              if (g_strcmp0 (line->text, summary) != 0)
                add_paragraph (section, line->text);
              facts = NULL;
              break;

            case ANNEX_REVIEW_LINE_FACT:
            case ANNEX_REVIEW_LINE_RECORD:
            default:
              {
                g_autofree char *label = NULL;
                g_autofree char *value = NULL;

                if (facts == NULL)
                  facts = add_facts (section);
                if (line->kind == ANNEX_REVIEW_LINE_RECORD && line->reference != NULL)
                  label = g_strdup_printf ("%s %s", line->reference,
                                           line->text != NULL ? line->text : "");
                else
                  label = g_strdup (line->text != NULL ? line->text : "");
                /* The warning mark stands out in every output and needs no colour. */
                if (line->warning)
                  value = g_strdup_printf ("%s (!)", line->detail != NULL ? line->detail : "");
                else
                  value = g_strdup (line->detail);
                facts_add (facts, label, value);
              }
              break;
            }
        }
    }

  notes = annex_review_snapshot_get_notes (snapshot, input);
  annotation = annex_review_snapshot_get_annotation (snapshot, input);
  if ((annotation != NULL && annotation[0] != '\0') || (notes != NULL && notes[0] != '\0'))
    {
      facts = add_facts (section);
      if (annotation != NULL && annotation[0] != '\0')
        facts_add (facts, _("Annotation"), annotation);
      if (notes != NULL && notes[0] != '\0')
        facts_add (facts, _("Discussion notes"), notes);
    }
}

static gboolean
build_review (AnnexReportDocument  *document,
              AnnexDatabase        *db,
              const char           *reference,
              GError              **error)
{
  static const ColumnSpec attendee_columns[] = {
    { N_("Name"), "name", 24 },
    { N_("Role"), "role", 24 },
    { N_("Attendance"), "attendance", 14 },
  };
  static const ColumnSpec action_columns[] = {
    { N_("Action"), "reference", 7 },
    { N_("Title"), "title", 36 },
    { N_("Owner"), "owner", 14 },
    { N_("Due date"), "due-date", 10, AS_DATE },
    { N_("Status"), "status", 10 },
  };
  static const char * const decision_fields[] = {
    "decisions-improvement", "changes-scope", "changes-policy", "changes-objectives",
    "changes-resources", "changes-risk-acceptance",
  };
  g_autoptr(AnnexRegister) reviews = NULL;
  g_autoptr(AnnexRegister) attendees_register = NULL;
  g_autoptr(AnnexRegister) actions_register = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(AnnexReviewSnapshot) snapshot = NULL;
  g_autofree char *title = NULL;
  AnnexRecord *record;
  AnnexReview *review;
  AnnexReportSection *section;
  AnnexReportBlock *facts;
  AnnexReportBlock *table;

  reviews = load_register (db, ANNEX_TYPE_REVIEW, error);
  if (reviews == NULL)
    return FALSE;
  record = find_by_reference (G_LIST_MODEL (reviews), reference);
  if (record == NULL)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("No management review “%s”"), reference);
      return FALSE;
    }
  review = ANNEX_REVIEW (record);
  attendees_register = load_register (db, ANNEX_TYPE_REVIEW_ATTENDEE, error);
  if (attendees_register == NULL)
    return FALSE;
  actions_register = load_register (db, ANNEX_TYPE_ACTION, error);
  if (actions_register == NULL)
    return FALSE;

  attendees = dup_children (G_LIST_MODEL (attendees_register), "review-id",
                            annex_record_get_id (record));
  actions = annex_review_dup_actions (review, G_LIST_MODEL (actions_register));
  snapshot = annex_review_dup_snapshot (review);

  g_object_get (review, "display-title", &title, NULL);
  document->subtitle = g_strdup_printf ("%s %s", annex_record_get_reference (record), title);

  section = add_section (document, _("Meeting"));
  if (!annex_review_is_signed_off (review))
    add_paragraph (section, _("Draft — not signed off"));
  facts = add_facts (section);
  facts_add_field (facts, record, "planned-date");
  facts_add_field (facts, record, "actual-date");
  facts_add_field (facts, record, "chair");
  facts_add_field (facts, record, "status");
  if (annex_review_is_signed_off (review))
    {
      g_autofree char *signed_off_on =
        annex_report_format_date (annex_review_get_signed_off_on (review));

      facts_take (facts, _("Signed off"),
                  /* TRANSLATORS: "Signed off: by Dana Lee on 4 March 2026" */
                  g_strdup_printf (_("By %s on %s"), annex_review_get_signed_off_by (review),
                                   signed_off_on));
    }
  else
    facts_add (facts, _("Signed off"), _("Not yet"));
  if (annex_review_get_reopen_reason (review) != NULL)
    facts_add_field (facts, record, "reopen-reason");

  section = add_section (document, _("Attendees"));
  if (attendees->len == 0)
    add_paragraph (section, _("No attendees were recorded."));
  else
    {
      table = add_table (section, _("Attendees"), attendee_columns,
                         G_N_ELEMENTS (attendee_columns));
      for (guint i = 0; i < attendees->len; i++)
        {
          AnnexRecord *attendee = g_ptr_array_index (attendees, i);
          AnnexReportRow *row = table_add_row (table);

          row_take (row, 0, dup_value (attendee, "name"));
          row_take (row, 1, dup_value (attendee, "role"));
          row_take (row, 2, dup_value (attendee, "attendance"));
        }
    }

  for (guint input = 0; input < ANNEX_REVIEW_N_INPUTS; input++)
    add_review_input (document, snapshot, input);

  section = add_section (document, _("Discussion"));
  facts = add_facts (section);
  facts_add_field (facts, record, "feedback");
  facts_add_field (facts, record, "opportunities");

  section = add_section (document, _("Conclusion"));
  facts = add_facts (section);
  facts_add_field (facts, record, "suitable");
  facts_add_field (facts, record, "adequate");
  facts_add_field (facts, record, "effective");
  facts_add_field (facts, record, "conclusion");

  section = add_section (document, _("Decisions"));
  facts = add_facts (section);
  for (guint i = 0; i < G_N_ELEMENTS (decision_fields); i++)
    {
      g_autofree char *value = dup_value (record, decision_fields[i]);

      /* An empty decision on a change means the ISMS stays as it is. */
      facts_add (facts, field_label (record, decision_fields[i]),
                 value[0] != '\0' || i == 0 ? value : _("No change"));
    }

  section = add_section (document, _("Actions"));
  if (actions->len == 0)
    add_paragraph (section, _("No actions were decided."));
  else
    {
      table = add_table (section, _("Actions"), action_columns, G_N_ELEMENTS (action_columns));
      for (guint i = 0; i < actions->len; i++)
        {
          AnnexRecord *action = g_ptr_array_index (actions, i);
          AnnexReportRow *row = table_add_row (table);

          row_set (row, 0, annex_record_get_reference (action));
          row_take (row, 1, dup_value (action, "title"));
          row_take (row, 2, dup_value (action, "owner"));
          row_take (row, 3, dup_value (action, "due-date"));
          row_take (row, 4, dup_value (action, "status"));
        }
    }

  return TRUE;
}

/* ---- Context --------------------------------------------------------------------------------- */

static gboolean
build_context (AnnexReportDocument  *document,
               AnnexDatabase        *db,
               GError              **error)
{
  static const ColumnSpec requirement_columns[] = {
    { N_("Requirement"), "reference", 7 },
    { N_("Type"), "type", 12 },
    { N_("Requirement"), "requirement", 36 },
    { N_("Addressed"), "addressed", 10 },
    { N_("How"), "how", 30 },
    { N_("Controls"), "controls", 10 },
  };
  static const char * const scope_fields[] = {
    "locations", "units", "processes", "systems", "interfaces",
  };
  g_autoptr(AnnexRegister) issues = NULL;
  g_autoptr(AnnexRegister) parties = NULL;
  g_autoptr(AnnexRegister) requirements = NULL;
  g_autoptr(AnnexRegister) controls = NULL;
  g_autoptr(AnnexRegister) versions = NULL;
  g_autoptr(AnnexRegister) exclusions = NULL;
  g_autofree char *climate_note = NULL;
  AnnexClimateDecision climate;
  AnnexScopeVersion *current;
  AnnexReportSection *section;
  AnnexReportBlock *facts;
  AnnexReportBlock *table;
  guint n_parties;

  if ((issues = load_register (db, ANNEX_TYPE_ISSUE, error)) == NULL ||
      (parties = load_register (db, ANNEX_TYPE_PARTY, error)) == NULL ||
      (requirements = load_register (db, ANNEX_TYPE_PARTY_REQUIREMENT, error)) == NULL ||
      (controls = load_register (db, ANNEX_TYPE_CONTROL, error)) == NULL ||
      (versions = load_register (db, ANNEX_TYPE_SCOPE_VERSION, error)) == NULL ||
      (exclusions = load_register (db, ANNEX_TYPE_SCOPE_EXCLUSION, error)) == NULL)
    return FALSE;

  climate = annex_context_get_climate_decision (db, G_LIST_MODEL (issues), NULL, &climate_note);

  section = add_section (document, _("Issues"));
  facts = add_facts (section);
  facts_add_count (facts, _("Issues"), g_list_model_get_n_items (G_LIST_MODEL (issues)));
  switch (climate)
    {
    case ANNEX_CLIMATE_RELEVANT:
      facts_add (facts, _("Climate change"), _("A relevant issue"));
      break;
    case ANNEX_CLIMATE_NOT_RELEVANT:
      facts_take (facts, _("Climate change"),
                  g_strdup_printf (_("Not a relevant issue: %s"), climate_note));
      break;
    case ANNEX_CLIMATE_UNANSWERED:
    default:
      facts_add (facts, _("Climate change"), _("Not yet decided whether it is a relevant issue"));
      break;
    }
  table = add_register_table (section, _("Issues"), ANNEX_TYPE_ISSUE, G_LIST_MODEL (issues));
  document->main_table = table;

  section = add_section (document, _("Interested parties"));
  add_register_table (section, _("Interested parties"), ANNEX_TYPE_PARTY, G_LIST_MODEL (parties));

  section = add_section (document, _("Requirements of interested parties"));
  table = add_table (section, _("Party requirements"), requirement_columns,
                     G_N_ELEMENTS (requirement_columns));
  n_parties = g_list_model_get_n_items (G_LIST_MODEL (parties));
  for (guint p = 0; p < n_parties; p++)
    {
      g_autoptr(AnnexRecord) party = g_list_model_get_item (G_LIST_MODEL (parties), p);
      g_autoptr(GPtrArray) children = NULL;
      g_autofree char *heading = NULL;
      g_autofree char *name = dup_value (party, "name");

      children = dup_children (G_LIST_MODEL (requirements), "party-id",
                               annex_record_get_id (party));
      if (children->len == 0)
        continue;

      heading = g_strdup_printf ("%s %s", annex_record_get_reference (party), name);
      table_add_group (table, heading);
      for (guint i = 0; i < children->len; i++)
        {
          AnnexRecord *requirement = g_ptr_array_index (children, i);
          g_autoptr(GArray) control_ids = NULL;
          AnnexReportRow *row;

          control_ids = annex_links_dup_targets (db, "party_requirements",
                                                 annex_record_get_id (requirement),
                                                 ANNEX_PARTY_REQUIREMENT_LINK_TO, error);
          if (control_ids == NULL)
            return FALSE;

          row = table_add_row (table);
          row_set (row, 0, annex_record_get_reference (requirement));
          row_take (row, 1, dup_value (requirement, "type"));
          row_take (row, 2, dup_value (requirement, "requirement"));
          row_take (row, 3, dup_value (requirement, "addressed"));
          row_take (row, 4, dup_value (requirement, "how"));
          row_take (row, 5, dup_references (control_ids, controls));
        }
    }

  section = add_section (document, _("Scope of the ISMS"));
  current = annex_scope_version_find_current (G_LIST_MODEL (versions));
  if (current == NULL)
    {
      AnnexScopeVersion *draft = annex_scope_version_find_draft (G_LIST_MODEL (versions));

      add_paragraph (section, _("No scope has been approved yet."));
      if (draft != NULL)
        {
          g_autofree char *text = NULL;

          text = g_strdup_printf (_("A draft (%s) is being prepared."),
                                  annex_record_get_reference (ANNEX_RECORD (draft)));
          add_paragraph (section, text);
        }
    }
  else
    {
      AnnexRecord *record = ANNEX_RECORD (current);
      g_autoptr(GPtrArray) excluded = NULL;

      facts = add_facts (section);
      facts_add (facts, _("Version"), annex_record_get_reference (record));
      facts_add_field (facts, record, "approved-by");
      facts_add_field (facts, record, "approved-on");
      facts_add_field (facts, record, "in-force-from");
      facts_add_field (facts, record, "statement");
      for (guint i = 0; i < G_N_ELEMENTS (scope_fields); i++)
        facts_add_field (facts, record, scope_fields[i]);

      excluded = dup_children (G_LIST_MODEL (exclusions), "scope-id", annex_record_get_id (record));
      if (excluded->len == 0)
        add_paragraph (section, _("Nothing is excluded from the scope."));
      else
        {
          static const ColumnSpec exclusion_columns[] = {
            { N_("Exclusion"), "reference", 7 },
            { N_("What is excluded"), "exclusion", 36 },
            { N_("Justification"), "justification", 40 },
          };

          table = add_table (section, _("Scope exclusions"), exclusion_columns,
                             G_N_ELEMENTS (exclusion_columns));
          for (guint i = 0; i < excluded->len; i++)
            {
              AnnexRecord *exclusion = g_ptr_array_index (excluded, i);
              AnnexReportRow *row = table_add_row (table);

              row_set (row, 0, annex_record_get_reference (exclusion));
              row_take (row, 1, dup_value (exclusion, "exclusion"));
              row_take (row, 2, dup_value (exclusion, "justification"));
            }
        }
    }

  return TRUE;
}

/* ---- Actions --------------------------------------------------------------------------------- */

static gboolean
build_actions (AnnexReportDocument  *document,
               AnnexDatabase        *db,
               const char           *today,
               GError              **error)
{
  static const ColumnSpec columns[] = {
    { N_("Action"), "reference", 7 },
    { N_("Title"), "title", 30 },
    { N_("Owner"), "owner", 14 },
    { N_("Due date"), "due-date", 10, AS_DATE },
    { N_("Status"), "status", 10 },
    { N_("Overdue"), "overdue", 8 },
    { N_("Origin"), "origin", 14 },
    { N_("Origin reference"), "origin-reference", 9 },
    { N_("Completed on"), "completed-on", 10, AS_DATE },
    { N_("Description"), "description", 36 },
  };
  g_autoptr(AnnexRegister) actions = NULL;
  AnnexReportSection *section;
  AnnexReportBlock *facts;
  AnnexReportBlock *table;
  guint n_open = 0, n_in_progress = 0, n_done = 0, n_cancelled = 0, n_overdue = 0;
  guint n;

  actions = load_register (db, ANNEX_TYPE_ACTION, error);
  if (actions == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (actions));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexAction) action = g_list_model_get_item (G_LIST_MODEL (actions), i);
      const char *status = annex_action_get_status (action);

      if (g_strcmp0 (status, "open") == 0)
        n_open++;
      else if (g_strcmp0 (status, "in-progress") == 0)
        n_in_progress++;
      else if (g_strcmp0 (status, "done") == 0)
        n_done++;
      else if (g_strcmp0 (status, "cancelled") == 0)
        n_cancelled++;
      if (annex_action_is_overdue_on (action, today))
        n_overdue++;
    }

  section = add_section (document, _("Summary"));
  facts = add_facts (section);
  facts_add_count (facts, _("Actions"), n);
  facts_add_count (facts, _("Open"), n_open);
  facts_add_count (facts, _("In progress"), n_in_progress);
  facts_add_count (facts, _("Overdue"), n_overdue);
  facts_add_count (facts, _("Done"), n_done);
  facts_add_count (facts, _("Cancelled"), n_cancelled);

  section = add_section (document, _("Actions"));
  table = add_table (section, _("Actions"), columns, G_N_ELEMENTS (columns));
  document->main_table = table;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexAction) action = g_list_model_get_item (G_LIST_MODEL (actions), i);
      AnnexRecord *record = ANNEX_RECORD (action);
      AnnexReportRow *row = table_add_row (table);

      row_set (row, 0, annex_record_get_reference (record));
      row_take (row, 1, dup_value (record, "title"));
      row_take (row, 2, dup_value (record, "owner"));
      row_take (row, 3, dup_value (record, "due-date"));
      row_take (row, 4, dup_value (record, "status"));
      row_set (row, 5, annex_action_is_overdue_on (action, today) ? _("Overdue") : "");
      row_take (row, 6, dup_value (record, "origin"));
      row_take (row, 7, dup_value (record, "origin-reference"));
      row_take (row, 8, dup_value (record, "completed-on"));
      row_take (row, 9, dup_value (record, "description"));
    }

  return TRUE;
}

/* ---- Any register ---------------------------------------------------------------------------- */

static gboolean
build_register (AnnexReportDocument  *document,
                AnnexDatabase        *db,
                const char           *table,
                GError              **error)
{
  const RegisterInfo *info = find_register_info (table);
  g_autoptr(AnnexRegister) records = NULL;
  AnnexReportSection *section;
  AnnexReportBlock *facts;
  guint n;

  if (info == NULL || !g_strv_contains (annex_database_get_register_tables (), table))
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("No register “%s”"), table);
      return FALSE;
    }

  records = load_register (db, info->get_type (), error);
  if (records == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (records));

  g_free (document->title);
  document->title = g_strdup (_(info->title));

  section = add_section (document, NULL);
  facts = add_facts (section);
  facts_add_count (facts, _("Records"), n);
  document->main_table = add_register_table (section, _(info->title), info->get_type (),
                                             G_LIST_MODEL (records));

  return TRUE;
}

/* ---- Building -------------------------------------------------------------------------------- */

static char *
dup_version (AnnexDatabase *db)
{
  g_autofree char *count = annex_database_dup_setting (db, "history-count");

  /* TRANSLATORS: the workspace state a report was made from: "schema 8 · change 1423" */
  return g_strdup_printf (_("schema %d · change %s"), annex_database_get_schema_version (db),
                          count != NULL ? count : "0");
}

AnnexReportDocument *
annex_report_build (AnnexDatabase    *db,
                    AnnexReportKind   kind,
                    const char       *argument,
                    const char       *today,
                    GError          **error)
{
  g_autoptr(AnnexReportDocument) document = NULL;
  g_autofree char *today_local = NULL;
  gboolean built = FALSE;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), NULL);
  g_return_val_if_fail (today == NULL || annex_field_date_is_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (annex_report_kind_takes_argument (kind) && annex_field_text_is_blank (argument))
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           kind == ANNEX_REPORT_REGISTER ? _("No register given")
                           : kind == ANNEX_REPORT_AUDIT ? _("No audit reference given")
                           : _("No management review reference given"));
      return NULL;
    }

  if (today == NULL)
    today = today_local = annex_field_dup_today ();

  document = g_new0 (AnnexReportDocument, 1);
  document->kind = kind;
  document->title = g_strdup (annex_report_kind_get_title (kind));
  document->organization = annex_database_dup_organization (db);
  if (document->organization == NULL)
    document->organization = g_strdup ("");
  document->date = g_strdup (today);
  document->workspace = g_filename_display_basename (annex_database_get_path (db));
  document->version = dup_version (db);
  document->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) report_section_free);

  switch (kind)
    {
    case ANNEX_REPORT_SOA:
      built = build_soa (document, db, error);
      break;
    case ANNEX_REPORT_RISKS:
      built = build_risks (document, db, today, error);
      break;
    case ANNEX_REPORT_TREATMENT_PLAN:
      built = build_treatment_plan (document, db, today, error);
      break;
    case ANNEX_REPORT_AUDIT:
      built = build_audit (document, db, argument, error);
      break;
    case ANNEX_REPORT_REVIEW:
      built = build_review (document, db, argument, error);
      break;
    case ANNEX_REPORT_CONTEXT:
      built = build_context (document, db, error);
      break;
    case ANNEX_REPORT_ACTIONS:
      built = build_actions (document, db, today, error);
      break;
    case ANNEX_REPORT_REGISTER:
      built = build_register (document, db, argument, error);
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  if (!built)
    return NULL;

  return g_steal_pointer (&document);
}

/* ---- Writing --------------------------------------------------------------------------------- */

char *
annex_report_format_date (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  if (iso == NULL)
    return g_strdup ("");
  if (strlen (iso) != 10 || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      (date = g_date_time_new_utc (y, m, d, 0, 0, 0)) == NULL)
    return g_strdup (iso);

  /* Translators: a date in a report (cover, footer, facts, date columns of the PDF), see
   * g_date_time_format() */
  return g_date_time_format (date, C_("report date", "%-d %B %Y"));
}

char *
annex_report_neutralize_cell (const char *value)
{
  const char *p = value;

  if (value == NULL)
    return g_strdup ("");

  /* Apostrophes already in front of such a character get one more, so that the CSV import,
   * which drops exactly one, gives back "'=x" as it was rather than "=x". */
  while (*p == '\'')
    p++;

  switch (*p)
    {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return g_strconcat ("'", value, NULL);
    default:
      return g_strdup (value);
    }
}

gboolean
annex_report_export (AnnexDatabase     *db,
                     AnnexReportKind    kind,
                     const char        *argument,
                     AnnexReportFormat  format,
                     const char        *path,
                     GError           **error)
{
  g_autoptr(AnnexReportDocument) document = NULL;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format == ANNEX_REPORT_FORMAT_OSCAL)
    {
      if (kind != ANNEX_REPORT_SOA)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only the Statement of Applicability can be exported as OSCAL"));
          return FALSE;
        }
      return annex_oscal_export_soa (db, path, error);
    }

  /* Refused before anything is read or written. */
  if (format == ANNEX_REPORT_FORMAT_CSV && !annex_report_kind_has_main_table (kind))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” has no table to export as CSV"), annex_report_kind_get_title (kind));
      return FALSE;
    }

  document = annex_report_build (db, kind, argument, NULL, error);
  if (document == NULL)
    return FALSE;

  switch (format)
    {
    case ANNEX_REPORT_FORMAT_PDF:
      return annex_report_write_pdf (document, path, error);
    case ANNEX_REPORT_FORMAT_XLSX:
      return annex_report_write_xlsx (document, path, error);
    case ANNEX_REPORT_FORMAT_CSV:
      return annex_report_write_csv (document, path, error);
    case ANNEX_REPORT_FORMAT_OSCAL:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* ---- Atomic writes (annex-report-private.h) -------------------------------------------------- */

void
_annex_report_set_write_error (GError     **error,
                               const char  *path,
                               int          errsv)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("Could not write “%s”: %s"), display, g_strerror (errsv));
}

char *
_annex_report_create_temp (const char  *path,
                           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = NULL;
  g_autofree char *temp = NULL;
  int fd;

  /* Hidden, and recognizably ours should a crash leave it behind. */
  name = g_strdup_printf (".%s.XXXXXX", base);
  temp = g_build_filename (dir, name, NULL);
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      _annex_report_set_write_error (error, path, errno);
      return NULL;
    }
  close (fd);

  return g_steal_pointer (&temp);
}

gboolean
_annex_report_commit_temp (const char  *temp,
                           const char  *path,
                           GError     **error)
{
  if (g_rename (temp, path) != 0)
    {
      int errsv = errno;

      g_unlink (temp);
      _annex_report_set_write_error (error, path, errsv);
      return FALSE;
    }

  return TRUE;
}

gboolean
_annex_report_write_atomically (const char  *path,
                                const char  *data,
                                gsize        len,
                                GError     **error)
{
  g_autofree char *temp = NULL;
  gsize written = 0;
  int errsv = 0;
  int fd;

  temp = _annex_report_create_temp (path, error);
  if (temp == NULL)
    return FALSE;

  fd = g_open (temp, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);
  if (fd < 0)
    errsv = errno;
  while (fd >= 0 && errsv == 0 && written < len)
    {
      gssize n = write (fd, data + written, len - written);

      if (n < 0 && errno != EINTR)
        errsv = errno;
      else if (n > 0)
        written += n;
    }
  /* The data must be on disk before the rename makes it the file: else a crash could leave an
   * empty file where the old one was. */
  if (fd >= 0 && errsv == 0 && g_fsync (fd) != 0)
    errsv = errno;
  if (fd >= 0 && close (fd) != 0 && errsv == 0)
    errsv = errno;

  if (errsv != 0)
    {
      g_unlink (temp);
      _annex_report_set_write_error (error, path, errsv);
      return FALSE;
    }

  return _annex_report_commit_temp (temp, path, error);
}
