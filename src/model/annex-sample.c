/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-sample.c: the sample organizations and the starter content, and the one loader that
 * writes either into a workspace through the registers (annex-sample.h describes the format). */

#define G_LOG_DOMAIN "annex-sample"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "annex-action.h"
#include "annex-asset.h"
#include "annex-audit-item.h"
#include "annex-audit.h"
#include "annex-awareness.h"
#include "annex-communication.h"
#include "annex-context.h"
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
#include "annex-party-requirement.h"
#include "annex-party.h"
#include "annex-person.h"
#include "annex-register.h"
#include "annex-requirement.h"
#include "annex-review-attendee.h"
#include "annex-review-inputs.h"
#include "annex-review.h"
#include "annex-risk-method.h"
#include "annex-risk.h"
#include "annex-role.h"
#include "annex-sample.h"
#include "annex-samples-resources.h"
#include "annex-scope-exclusion.h"
#include "annex-scope-version.h"
#include "annex-store-error.h"
#include "annex-training.h"

#define RESOURCE_PREFIX "/io/github/annex/Annex/samples/"

/* ---- The catalogue of what Annex brings along ---- */

static const AnnexSampleInfo sample_infos[] = {
  {
    "financial", N_("Regional bank"), "Harbour Valley Bank",
    N_("A regional bank with branches and online banking: access control, encryption, "
       "awareness training and regular audits")
  },
  {
    "healthcare", N_("Clinic"), "Lindenbrook Clinic",
    N_("An outpatient clinic: patient data, breaches and unauthorized access, access control, "
       "encryption and continuous monitoring")
  },
};

static const AnnexSectorInfo sector_infos[] = {
  { "general", N_("Any organization") },
  { "financial", N_("Finance and insurance") },
  { "healthcare", N_("Healthcare") },
  { "software", N_("Software and IT services") },
  { "manufacturing", N_("Manufacturing") },
  { "public", N_("Public administration") },
};

/* The translated copies, built once: the structs hand out translated strings. */
static AnnexSampleInfo *
get_translated_samples (void)
{
  static AnnexSampleInfo *translated = NULL;

  if (g_once_init_enter (&translated))
    {
      AnnexSampleInfo *infos = g_new0 (AnnexSampleInfo, G_N_ELEMENTS (sample_infos));

      for (guint i = 0; i < G_N_ELEMENTS (sample_infos); i++)
        {
          infos[i] = sample_infos[i];
          infos[i].name = _(sample_infos[i].name);
          infos[i].summary = _(sample_infos[i].summary);
        }
      g_once_init_leave (&translated, infos);
    }

  return translated;
}

const AnnexSampleInfo *
annex_sample_get_all (guint *n_samples)
{
  if (n_samples != NULL)
    *n_samples = G_N_ELEMENTS (sample_infos);
  return get_translated_samples ();
}

const AnnexSampleInfo *
annex_sample_find (const char *id)
{
  const AnnexSampleInfo *infos = get_translated_samples ();

  for (guint i = 0; i < G_N_ELEMENTS (sample_infos); i++)
    {
      if (g_strcmp0 (infos[i].id, id) == 0)
        return &infos[i];
    }

  return NULL;
}

const AnnexSectorInfo *
annex_sample_get_sectors (guint *n_sectors)
{
  static AnnexSectorInfo *translated = NULL;

  if (g_once_init_enter (&translated))
    {
      AnnexSectorInfo *infos = g_new0 (AnnexSectorInfo, G_N_ELEMENTS (sector_infos));

      for (guint i = 0; i < G_N_ELEMENTS (sector_infos); i++)
        {
          infos[i] = sector_infos[i];
          infos[i].name = _(sector_infos[i].name);
        }
      g_once_init_leave (&translated, infos);
    }

  if (n_sectors != NULL)
    *n_sectors = G_N_ELEMENTS (sector_infos);
  return translated;
}

static gboolean
is_known_sector (const char *sector)
{
  for (guint i = 0; i < G_N_ELEMENTS (sector_infos); i++)
    {
      if (g_strcmp0 (sector_infos[i].id, sector) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The resource is registered here on first use rather than by a constructor: calling
 * annex_samples_register_resource() keeps it in every program that uses this file (the model is
 * a static library, BUILD-NOTES.md P1). */
static GBytes *
lookup_document (const char  *path,
                 GError     **error)
{
  static gsize registered = 0;
  g_autofree char *full = g_strconcat (RESOURCE_PREFIX, path, NULL);

  if (g_once_init_enter (&registered))
    {
      annex_samples_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  return g_resource_lookup_data (annex_samples_get_resource (), full,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

/* ---- Dates ---- */

static gboolean
parse_iso_date (const char *text,
                GDate      *out)
{
  int y, m, d;

  if (!annex_field_date_is_valid (text) || sscanf (text, "%d-%d-%d", &y, &m, &d) != 3)
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, d, m, y);
  return g_date_valid (out);
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* "today", "today-30d", "today+2w", "today+3m", "today-1y" relative to @today, or an ISO date as
 * it is. NULL when @text is neither. Months and years keep the day, clamped to the month's end. */
static char *
resolve_date (const char  *text,
              const GDate *today)
{
  GDate date = *today;
  const char *p;
  char *end = NULL;
  guint64 n;
  gboolean minus;

  if (!g_str_has_prefix (text, "today"))
    return annex_field_date_is_valid (text) ? g_strdup (text) : NULL;

  p = text + strlen ("today");
  if (*p == '\0')
    return format_date (&date);
  if (*p != '+' && *p != '-')
    return NULL;
  minus = *p == '-';
  p++;
  if (!g_ascii_isdigit (*p))
    return NULL;
  n = g_ascii_strtoull (p, &end, 10);
  if (end == NULL || end[0] == '\0' || end[1] != '\0' || n > 10000)
    return NULL;

  switch (end[0])
    {
    case 'd':
      minus ? g_date_subtract_days (&date, n) : g_date_add_days (&date, n);
      break;
    case 'w':
      minus ? g_date_subtract_days (&date, n * 7) : g_date_add_days (&date, n * 7);
      break;
    case 'm':
      minus ? g_date_subtract_months (&date, n) : g_date_add_months (&date, n);
      break;
    case 'y':
      minus ? g_date_subtract_years (&date, n) : g_date_add_years (&date, n);
      break;
    default:
      return NULL;
    }

  return format_date (&date);
}

/* ---- The loader ---- */

typedef struct
{
  const char *table;
  GType     (*get_type) (void);
  const char *parent_table;  /* a child table: its records are added right after their parent */
  const char *parent_field;  /* the child's INT field holding the parent's id */
  gboolean    by_reference;  /* rows seeded by the store: updated by reference, never added */
} TableInfo;

/* Dependency order (annex-sample.h). */
static const TableInfo table_infos[] = {
  { "people", annex_person_get_type, NULL, NULL, FALSE },
  { "trainings", annex_training_get_type, "people", "person-id", FALSE },
  { "roles", annex_role_get_type, NULL, NULL, FALSE },
  { "issues", annex_issue_get_type, NULL, NULL, FALSE },
  { "parties", annex_party_get_type, NULL, NULL, FALSE },
  { "party_requirements", annex_party_requirement_get_type, "parties", "party-id", FALSE },
  { "scope_versions", annex_scope_version_get_type, NULL, NULL, FALSE },
  { "scope_exclusions", annex_scope_exclusion_get_type, "scope_versions", "scope-id", FALSE },
  { "assets", annex_asset_get_type, NULL, NULL, FALSE },
  { "controls", annex_control_get_type, NULL, NULL, TRUE },
  { "requirements", annex_requirement_get_type, NULL, NULL, TRUE },
  { "risks", annex_risk_get_type, NULL, NULL, FALSE },
  { "documents", annex_document_get_type, NULL, NULL, FALSE },
  { "document_versions", annex_document_version_get_type, "documents", "document-id", FALSE },
  { "objectives", annex_objective_get_type, NULL, NULL, FALSE },
  { "objective_measurements", annex_objective_measurement_get_type, "objectives",
    "objective-id", FALSE },
  { "audits", annex_audit_get_type, NULL, NULL, FALSE },
  { "audit_items", annex_audit_item_get_type, "audits", "audit-id", FALSE },
  { "findings", annex_finding_get_type, "audits", "audit-id", FALSE },
  { "incidents", annex_incident_get_type, NULL, NULL, FALSE },
  { "nonconformities", annex_nonconformity_get_type, NULL, NULL, FALSE },
  { "reviews", annex_review_get_type, NULL, NULL, FALSE },
  { "review_attendees", annex_review_attendee_get_type, "reviews", "review-id", FALSE },
  { "actions", annex_action_get_type, NULL, NULL, FALSE },
  { "awareness_activities", annex_awareness_get_type, NULL, NULL, FALSE },
  { "communications", annex_communication_get_type, NULL, NULL, FALSE },
};

static const TableInfo *
find_table_info (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (table_infos); i++)
    {
      if (g_strcmp0 (table_infos[i].table, table) == 0)
        return &table_infos[i];
    }
  return NULL;
}

/* One record of the document, once written. */
typedef struct
{
  const char  *table;   /* static */
  AnnexRecord *record;  /* borrowed: an item of the table's register */
} KeyEntry;

typedef struct
{
  AnnexDatabase   *db;
  GDate            today;
  JsonObject      *registers;  /* the document's "registers" */
  GHashTable      *models;     /* table → AnnexRegister (owned) */
  GHashTable      *keys;       /* key → KeyEntry (owned) */
  GHashTable      *consumed;   /* JsonObject of child records that were loaded (set) */
  GHashTable      *records;    /* JsonObject → AnnexRecord written for it (borrowed) */
  GPtrArray       *reviews;    /* JsonObject of the reviews whose inputs are prepared once
                                * everything else is written (borrowed) */
  AnnexRiskMethod *method;
  /* Starter content scores its risks on the 5 × 5 default; a workspace with another method gets
   * them re-mapped proportionally (annex_risk_method_remap_value()). */
  gboolean         remap_from_5x5;
} Loader;

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->models, g_hash_table_unref);
  g_clear_pointer (&loader->keys, g_hash_table_unref);
  g_clear_pointer (&loader->consumed, g_hash_table_unref);
  g_clear_pointer (&loader->records, g_hash_table_unref);
  g_clear_pointer (&loader->reviews, g_ptr_array_unref);
  g_clear_object (&loader->method);
}

static void
set_invalid (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
set_invalid (GError     **error,
             const char  *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID, message);
}

/* The register of @info's table, created on first use; @load: read its rows (the seeded tables,
 * and tables whose references a link names). */
static AnnexRegister *
get_model (Loader           *loader,
           const TableInfo  *info,
           gboolean          load,
           GError          **error)
{
  AnnexRegister *model = g_hash_table_lookup (loader->models, info->table);

  if (model == NULL)
    {
      model = annex_register_new (loader->db, info->get_type ());
      g_hash_table_insert (loader->models, (gpointer) info->table, model);
    }

  if (load && !annex_register_get_loaded (model) && !annex_register_load (model, error))
    return NULL;

  return model;
}

static JsonArray *
get_table_array (Loader     *loader,
                 const char *table)
{
  JsonNode *node = json_object_get_member (loader->registers, table);

  return node != NULL ? json_node_get_array (node) : NULL;
}

static const char *
get_member_string (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* A resolved date member (relative dates allowed), NULL when absent. */
static gboolean
dup_member_date (Loader      *loader,
                 JsonObject  *object,
                 const char  *name,
                 char       **out,
                 GError     **error)
{
  const char *text = get_member_string (object, name);

  *out = NULL;
  if (text == NULL)
    {
      if (json_object_has_member (object, name) &&
          !JSON_NODE_HOLDS_NULL (json_object_get_member (object, name)))
        {
          set_invalid (error, _("“%s” must be a date"), name);
          return FALSE;
        }
      return TRUE;
    }

  *out = resolve_date (text, &loader->today);
  if (*out == NULL)
    {
      set_invalid (error, _("“%s” is not a date (YYYY-MM-DD or today±N d/w/m/y)"), text);
      return FALSE;
    }
  return TRUE;
}

/* The id a key or a reference of @table names, or 0 with @error set. */
static gint64
resolve_target (Loader      *loader,
                const char  *table,
                const char  *target,
                GError     **error)
{
  KeyEntry *entry = g_hash_table_lookup (loader->keys, target);
  const TableInfo *info;
  AnnexRegister *model;
  guint n;

  if (entry != NULL)
    {
      if (g_strcmp0 (entry->table, table) != 0)
        {
          set_invalid (error, _("“%s” is a record of %s, not of %s"), target, entry->table,
                       table);
          return 0;
        }
      return annex_record_get_id (entry->record);
    }

  info = find_table_info (table);
  if (info == NULL)
    {
      set_invalid (error, _("Unknown register “%s”"), table);
      return 0;
    }

  model = get_model (loader, info, TRUE, error);
  if (model == NULL)
    return 0;

  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRecord) record = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_strcmp0 (annex_record_get_reference (record), target) == 0)
        return annex_record_get_id (record);
    }

  set_invalid (error, _("“%s” is neither a key nor a reference of %s"), target, table);
  return 0;
}

/* Members of a record object that are not fields. */
static gboolean
is_meta_member (const char *name)
{
  return g_strcmp0 (name, "key") == 0 || g_strcmp0 (name, "parent") == 0 ||
         g_strcmp0 (name, "links") == 0 || g_strcmp0 (name, "reference") == 0;
}

/* The likelihood and impact fields of a risk (inherent and residual). */
static gboolean
is_risk_scale_field (const AnnexField *field)
{
  return g_str_has_suffix (field->name, "-likelihood") || g_str_has_suffix (field->name, "-impact");
}

/* Sets one field of @record from @node, converted to the field's type. */
static gboolean
set_field (Loader            *loader,
           AnnexRecord       *record,
           guint              index,
           const AnnexField  *field,
           JsonNode          *node,
           GError           **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GType value_type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_NONE;
  gboolean is_null = JSON_NODE_HOLDS_NULL (node);

  switch (field->type)
    {
    case ANNEX_FIELD_TEXT:
    case ANNEX_FIELD_LONG_TEXT:
    case ANNEX_FIELD_CHOICE:
    case ANNEX_FIELD_DATE:
      {
        g_autofree char *text = NULL;

        /* {"ref": "<key>"}: the reference of a record loaded before ("R-007", or
         * "NC-2026-03" whose year follows the relative dates). */
        if (JSON_NODE_HOLDS_OBJECT (node) && field->type == ANNEX_FIELD_TEXT)
          {
            const char *key = get_member_string (json_node_get_object (node), "ref");
            KeyEntry *entry = key != NULL ? g_hash_table_lookup (loader->keys, key) : NULL;

            if (entry == NULL)
              {
                set_invalid (error, _("“%s” of “%s” is not the key of a record loaded before"),
                             key != NULL ? key : "", field->name);
                return FALSE;
              }
            g_value_init (&value, G_TYPE_STRING);
            g_value_set_string (&value, annex_record_get_reference (entry->record));
            break;
          }

        if (!is_null && value_type != G_TYPE_STRING)
          {
            set_invalid (error, _("“%s” must be text"), field->name);
            return FALSE;
          }
        if (!is_null)
          text = g_strdup (json_node_get_string (node));

        if (text != NULL && field->type == ANNEX_FIELD_CHOICE &&
            annex_field_get_choice_index (field, text) < 0)
          {
            set_invalid (error, _("“%s” is not a value of “%s”"), text, field->name);
            return FALSE;
          }
        if (text != NULL && field->type == ANNEX_FIELD_DATE)
          {
            char *date = resolve_date (text, &loader->today);

            if (date == NULL)
              {
                set_invalid (error, _("“%s” is not a date (YYYY-MM-DD or today±N d/w/m/y)"),
                             text);
                return FALSE;
              }
            g_free (text);
            text = date;
          }

        g_value_init (&value, G_TYPE_STRING);
        g_value_take_string (&value, g_steal_pointer (&text));
        break;
      }

    case ANNEX_FIELD_INT:
      g_value_init (&value, G_TYPE_INT64);
      if (value_type == G_TYPE_INT64)
        g_value_set_int64 (&value, json_node_get_int (node));
      else if (value_type == G_TYPE_STRING)
        {
          /* The key of a record written before (a finding's checklist item). */
          KeyEntry *entry = g_hash_table_lookup (loader->keys, json_node_get_string (node));

          if (entry == NULL)
            {
              set_invalid (error, _("“%s” of “%s” is not the key of a record loaded before"),
                           json_node_get_string (node), field->name);
              return FALSE;
            }
          g_value_set_int64 (&value, annex_record_get_id (entry->record));
        }
      else
        {
          set_invalid (error, _("“%s” must be a whole number"), field->name);
          return FALSE;
        }
      if (loader->remap_from_5x5 && loader->method != NULL && ANNEX_IS_RISK (record) &&
          is_risk_scale_field (field))
        {
          guint n = g_str_has_suffix (field->name, "likelihood")
                      ? annex_risk_method_get_n_likelihoods (loader->method)
                      : annex_risk_method_get_n_impacts (loader->method);
          gint64 level = g_value_get_int64 (&value);

          if (level >= 0 && level <= 5)
            g_value_set_int64 (&value, annex_risk_method_remap_value ((guint) level, 5, n));
        }
      break;

    case ANNEX_FIELD_BOOL:
      if (value_type != G_TYPE_BOOLEAN)
        {
          set_invalid (error, _("“%s” must be true or false"), field->name);
          return FALSE;
        }
      g_value_init (&value, G_TYPE_BOOLEAN);
      g_value_set_boolean (&value, json_node_get_boolean (node));
      break;

    default:
      g_assert_not_reached ();
    }

  annex_record_set_value (record, index, &value);
  return TRUE;
}

/* Sets the fields @object holds on @record, the dates last (so a date written in the document
 * wins over one a model derives from another field), except the members in @skip. */
static gboolean
set_fields (Loader             *loader,
            AnnexRecord        *record,
            JsonObject         *object,
            const char * const *skip,
            GError            **error)
{
  AnnexRecordClass *klass = ANNEX_RECORD_GET_CLASS (record);
  g_autoptr(GList) members = json_object_get_members (object);

  for (guint pass = 0; pass < 2; pass++)
    {
      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *name = l->data;
          const AnnexField *field;
          guint index;

          if (is_meta_member (name) || (skip != NULL && g_strv_contains (skip, name)))
            continue;

          field = annex_record_class_find_field (klass, name, &index);
          if (field == NULL)
            {
              set_invalid (error, _("Unknown field “%s”"), name);
              return FALSE;
            }
          if ((field->type == ANNEX_FIELD_DATE) != (pass == 1))
            continue;
          if (!set_field (loader, record, index, field, json_object_get_member (object, name),
                          error))
            return FALSE;
        }
    }

  return TRUE;
}

/* The states reached through a model operation rather than a field (annex-sample.h). */
static const char * const scope_skip[] = {
  "status", "approved-by", "approved-on", "in-force-from", NULL
};
static const char * const version_skip[] = { "status", "approved-by", "approved-on", NULL };
static const char * const document_skip[] = { "status", "next-review", NULL };
static const char * const review_skip[] = {
  "status", "signed-off-by", "signed-off-on", "input-notes", NULL
};
static const char * const open_review_skip[] = { "input-notes", NULL };

static gboolean load_record (Loader          *loader,
                             const TableInfo *info,
                             guint            index,
                             JsonObject      *object,
                             gint64           parent_id,
                             GError         **error);

/* Adds the records of the child tables of @info whose "parent" is @key. */
static gboolean
load_children (Loader          *loader,
               const TableInfo *info,
               const char      *key,
               gint64           parent_id,
               GError         **error)
{
  for (guint t = 0; t < G_N_ELEMENTS (table_infos); t++)
    {
      const TableInfo *child = &table_infos[t];
      JsonArray *array;

      if (g_strcmp0 (child->parent_table, info->table) != 0)
        continue;
      array = get_table_array (loader, child->table);
      if (array == NULL || key == NULL)
        continue;

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *object = json_array_get_object_element (array, i);

          if (g_strcmp0 (get_member_string (object, "parent"), key) != 0)
            continue;
          g_hash_table_add (loader->consumed, object);
          if (!load_record (loader, child, i, object, parent_id, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* The steps after a record's children: approvals and sign-offs through the models' own
 * operations, then the fields that depend on them. */
static gboolean
finish_record (Loader          *loader,
               const TableInfo *info,
               AnnexRegister   *model,
               AnnexRecord     *record,
               JsonObject      *object,
               GError         **error)
{
  const char *status = get_member_string (object, "status");

  if (g_str_equal (info->table, "scope_versions") &&
      (g_strcmp0 (status, "approved") == 0 || g_strcmp0 (status, "superseded") == 0))
    {
      g_autofree char *approved_on = NULL;
      g_autofree char *in_force_from = NULL;

      if (!dup_member_date (loader, object, "approved-on", &approved_on, error) ||
          !dup_member_date (loader, object, "in-force-from", &in_force_from, error))
        return FALSE;
      return annex_scope_version_approve (model, ANNEX_SCOPE_VERSION (record),
                                          get_member_string (object, "approved-by"),
                                          approved_on, in_force_from, error);
    }

  if (g_str_equal (info->table, "document_versions") &&
      (g_strcmp0 (status, "approved") == 0 || g_strcmp0 (status, "superseded") == 0))
    {
      g_autofree char *approved_on = NULL;
      const TableInfo *documents = find_table_info ("documents");

      if (!dup_member_date (loader, object, "approved-on", &approved_on, error))
        return FALSE;
      return annex_document_version_approve (model, ANNEX_DOCUMENT_VERSION (record),
                                             get_model (loader, documents, FALSE, NULL),
                                             get_member_string (object, "approved-by"),
                                             approved_on, error);
    }

  if (g_str_equal (info->table, "documents"))
    {
      JsonObject *late = json_object_new ();
      gboolean ok;

      if (json_object_has_member (object, "status"))
        json_object_set_member (late, "status",
                                json_node_copy (json_object_get_member (object, "status")));
      if (json_object_has_member (object, "next-review"))
        json_object_set_member (late, "next-review",
                                json_node_copy (json_object_get_member (object, "next-review")));
      ok = set_fields (loader, record, late, NULL, error) &&
           annex_register_save (model, record, error);
      json_object_unref (late);
      return ok;
    }

  /* Their inputs describe the whole workspace: prepared (and signed off) at the end. */
  if (g_str_equal (info->table, "reviews") && g_strcmp0 (status, "planned") != 0)
    g_ptr_array_add (loader->reviews, object);

  return TRUE;
}

/* The "input-notes" of review @object: the discussion notes of its inputs, by letter. */
static gboolean
set_review_notes (AnnexReview  *review,
                  JsonObject   *object,
                  GError      **error)
{
  JsonNode *node = json_object_get_member (object, "input-notes");
  g_autoptr(GList) letters = NULL;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_invalid (error, _("“input-notes” must be an object"));
      return FALSE;
    }

  letters = json_object_get_members (json_node_get_object (node));
  for (GList *l = letters; l != NULL; l = l->next)
    {
      int input = annex_review_input_from_letter (l->data);
      const char *notes = get_member_string (json_node_get_object (node), l->data);

      if (input < 0 || notes == NULL)
        {
          set_invalid (error, _("“input-notes” must give text for the inputs a to g"));
          return FALSE;
        }
      annex_review_set_input_notes (review, input, notes);
    }

  return TRUE;
}

/* Prepares the inputs of review @object with the model's own operation (annex-review-inputs.h)
 * after giving them their notes, then signs it off when it is. A review that was held prepares
 * its inputs as of its meeting date. */
static gboolean
prepare_review (Loader         *loader,
                AnnexRegister  *model,
                JsonObject     *object,
                GError        **error)
{
  AnnexReview *review = g_hash_table_lookup (loader->records, object);
  const char *held_on = annex_review_get_date (review);
  const char *by = get_member_string (object, "signed-off-by");
  g_autofree char *today = format_date (&loader->today);
  g_autofree char *signed_off_on = NULL;

  if (!set_review_notes (review, object, error) ||
      !annex_review_prepare_inputs (model, review,
                                    held_on != NULL && strcmp (held_on, today) < 0 ? held_on
                                                                                   : today,
                                    error))
    return FALSE;

  if (g_strcmp0 (get_member_string (object, "status"), "signed-off") != 0)
    return TRUE;

  return dup_member_date (loader, object, "signed-off-on", &signed_off_on, error) &&
         annex_review_sign_off (model, review, by != NULL ? by : annex_review_get_chair (review),
                                signed_off_on, error);
}

/* Every review that is not merely planned, once everything else is written: its inputs
 * describe the whole workspace. The reviews still open go first, so that their "since the
 * previous review" window starts on the signed-off review's meeting date rather than when the
 * loader prepared that review's snapshot. */
static gboolean
prepare_reviews (Loader  *loader,
                 GError **error)
{
  AnnexRegister *model = get_model (loader, find_table_info ("reviews"), FALSE, NULL);
  JsonArray *array = get_table_array (loader, "reviews");

  for (guint pass = 0; pass < 2 && array != NULL; pass++)
    {
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *object = json_array_get_object_element (array, i);
          gboolean signed_off = g_strcmp0 (get_member_string (object, "status"),
                                           "signed-off") == 0;
          const char *key;

          if (signed_off != (pass == 1) || !g_ptr_array_find (loader->reviews, object, NULL))
            continue;
          if (prepare_review (loader, model, object, error))
            continue;

          /* Named as load_record() names a record. */
          key = get_member_string (object, "key");
          if (key != NULL)
            g_prefix_error (error, "reviews[%u] (%s): ", i, key);
          else
            g_prefix_error (error, "reviews[%u]: ", i);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
load_record_inner (Loader          *loader,
                   const TableInfo *info,
                   JsonObject      *object,
                   gint64           parent_id,
                   GError         **error)
{
  g_autoptr(AnnexRecord) record = NULL;
  AnnexRegister *model;
  const char *key = get_member_string (object, "key");
  const char *status = get_member_string (object, "status");
  const char * const *skip = NULL;
  AnnexRecord *added;
  KeyEntry *entry;

  if (json_object_has_member (object, "key") && key == NULL)
    {
      set_invalid (error, _("“key” must be text"));
      return FALSE;
    }
  if (key != NULL && g_hash_table_contains (loader->keys, key))
    {
      set_invalid (error, _("The key “%s” is used twice"), key);
      return FALSE;
    }
  if (info->parent_table == NULL && json_object_has_member (object, "parent"))
    {
      set_invalid (error, _("Records of %s have no parent"), info->table);
      return FALSE;
    }
  if (info->parent_field != NULL && json_object_has_member (object, info->parent_field))
    {
      set_invalid (error, _("Name the parent record with “parent”, not “%s”"),
                   info->parent_field);
      return FALSE;
    }

  model = get_model (loader, info, FALSE, error);
  record = annex_register_new_record (model);
  if (ANNEX_IS_RISK (record))
    annex_risk_set_method (ANNEX_RISK (record), loader->method);
  if (info->parent_field != NULL)
    annex_record_set_int (record, info->parent_field, parent_id);

  if (g_str_equal (info->table, "scope_versions"))
    skip = scope_skip;
  else if (g_str_equal (info->table, "document_versions"))
    skip = version_skip;
  else if (g_str_equal (info->table, "documents"))
    skip = document_skip;
  else if (g_str_equal (info->table, "reviews") && g_strcmp0 (status, "signed-off") == 0)
    skip = review_skip;
  else if (g_str_equal (info->table, "reviews"))
    skip = open_review_skip;

  if (!set_fields (loader, record, object, skip, error))
    return FALSE;
  if (skip == review_skip)
    annex_record_set_string (record, "status", "held");

  if (!annex_register_add (model, record, error))
    return FALSE;

  added = annex_register_find (model, annex_record_get_id (record));
  g_assert (added != NULL);
  g_hash_table_insert (loader->records, object, added);
  if (key != NULL)
    {
      entry = g_new0 (KeyEntry, 1);
      entry->table = info->table;
      entry->record = added;
      g_hash_table_insert (loader->keys, g_strdup (key), entry);
    }

  return load_children (loader, info, key, annex_record_get_id (added), error) &&
         finish_record (loader, info, model, added, object, error);
}

/* Errors name the record: "risks[3] (r12): “Title” is required". */
static gboolean
load_record (Loader          *loader,
             const TableInfo *info,
             guint            index,
             JsonObject      *object,
             gint64           parent_id,
             GError         **error)
{
  const char *key;

  if (load_record_inner (loader, info, object, parent_id, error))
    return TRUE;

  key = get_member_string (object, "key");
  if (error != NULL && *error != NULL && !g_str_has_prefix ((*error)->message, info->table))
    {
      if (key != NULL)
        g_prefix_error (error, "%s[%u] (%s): ", info->table, index, key);
      else
        g_prefix_error (error, "%s[%u]: ", info->table, index);
    }
  return FALSE;
}

/* Controls and requirements: the rows exist; the document updates them by reference. */
static gboolean
update_by_reference (Loader           *loader,
                     const TableInfo  *info,
                     JsonArray        *array,
                     GError          **error)
{
  AnnexRegister *model = get_model (loader, info, TRUE, error);
  g_autoptr(GHashTable) by_reference = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  if (model == NULL)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexRecord) record = g_list_model_get_item (G_LIST_MODEL (model), i);

      /* The register holds the items: borrowing them for the hash table is safe. */
      g_hash_table_insert (by_reference, (gpointer) annex_record_get_reference (record),
                           record);
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *reference = get_member_string (object, "reference");
      const char *key = get_member_string (object, "key");
      AnnexRecord *record;

      record = reference != NULL ? g_hash_table_lookup (by_reference, reference) : NULL;
      if (record == NULL)
        {
          set_invalid (error, reference != NULL
                                ? _("%s[%u]: there is no row “%s” to update")
                                : _("%s[%u]: “reference” is missing"),
                       info->table, i, reference);
          return FALSE;
        }
      if (json_object_has_member (object, "parent"))
        {
          set_invalid (error, _("%s[%u] (%s): records of %s have no parent"), info->table, i,
                       reference, info->table);
          return FALSE;
        }
      if (key != NULL)
        {
          KeyEntry *entry;

          if (g_hash_table_contains (loader->keys, key))
            {
              set_invalid (error, _("%s[%u] (%s): the key “%s” is used twice"), info->table, i,
                           reference, key);
              return FALSE;
            }
          entry = g_new0 (KeyEntry, 1);
          entry->table = info->table;
          entry->record = record;
          g_hash_table_insert (loader->keys, g_strdup (key), entry);
        }

      g_hash_table_insert (loader->records, object, record);
      if (!set_fields (loader, record, object, NULL, error) ||
          !annex_register_save (model, record, error))
        {
          g_prefix_error (error, "%s[%u] (%s): ", info->table, i, reference);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
apply_settings (Loader      *loader,
                JsonObject  *settings,
                GError     **error)
{
  g_autoptr(GList) members = json_object_get_members (settings);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (settings, name);
      g_autofree char *value = NULL;
      gboolean ok;

      if (g_str_equal (name, ANNEX_RISK_METHOD_SETTING))
        {
          g_autoptr(AnnexRiskMethod) method = NULL;

          if (JSON_NODE_HOLDS_OBJECT (node))
            {
              g_autofree char *json = json_to_string (node, FALSE);

              method = annex_risk_method_new_from_json (json, error);
            }
          else
            {
              const char *text = JSON_NODE_HOLDS_VALUE (node) &&
                                 json_node_get_value_type (node) == G_TYPE_STRING
                                   ? json_node_get_string (node) : "";

              if (g_str_equal (text, "preset:3x3"))
                method = annex_risk_method_new_preset (ANNEX_RISK_PRESET_3X3);
              else if (g_str_equal (text, "preset:4x4"))
                method = annex_risk_method_new_preset (ANNEX_RISK_PRESET_4X4);
              else if (g_str_equal (text, "preset:5x5"))
                method = annex_risk_method_new_preset (ANNEX_RISK_PRESET_5X5);
              else
                set_invalid (error, _("The risk method must be a method object or one of "
                                      "preset:3x3, preset:4x4, preset:5x5"));
            }
          if (method == NULL)
            {
              g_prefix_error (error, "settings (%s): ", name);
              return FALSE;
            }
          value = annex_risk_method_to_json (method);
        }
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        value = g_strdup (json_node_get_string (node));
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
        value = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        value = g_strdup (json_node_get_boolean (node) ? "true" : "false");
      else
        {
          set_invalid (error, _("settings (%s): a setting must be text, a number or true/false"),
                       name);
          return FALSE;
        }

      if (g_str_equal (name, ANNEX_CONTEXT_CLIMATE_SETTING))
        ok = annex_context_set_climate_note (loader->db, value, error);
      else
        ok = annex_database_set_setting (loader->db, name, value, error);
      if (!ok)
        {
          g_prefix_error (error, "settings (%s): ", name);
          return FALSE;
        }
    }

  return TRUE;
}

/* Every "links" member, once every record exists. */
static gboolean
make_links (Loader  *loader,
            GError **error)
{
  for (guint t = 0; t < G_N_ELEMENTS (table_infos); t++)
    {
      const TableInfo *info = &table_infos[t];
      JsonArray *array = get_table_array (loader, info->table);

      if (array == NULL)
        continue;

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *object = json_array_get_object_element (array, i);
          JsonNode *links = json_object_get_member (object, "links");
          AnnexRecord *record = g_hash_table_lookup (loader->records, object);
          const char *name;
          g_autoptr(GList) targets = NULL;
          gint64 from_id;

          if (links == NULL)
            continue;
          /* Every record of the document was written by now. */
          g_assert (record != NULL);
          from_id = annex_record_get_id (record);
          name = get_member_string (object, "key");
          if (name == NULL)
            name = annex_record_get_reference (record);
          if (!JSON_NODE_HOLDS_OBJECT (links))
            {
              set_invalid (error, _("%s[%u] (%s): “links” must be an object"), info->table, i,
                           name);
              return FALSE;
            }

          targets = json_object_get_members (json_node_get_object (links));
          for (GList *l = targets; l != NULL; l = l->next)
            {
              const char *to_table = l->data;
              JsonNode *list = json_object_get_member (json_node_get_object (links), to_table);
              JsonArray *list_array = JSON_NODE_HOLDS_ARRAY (list) ? json_node_get_array (list)
                                                                   : NULL;

              if (list_array == NULL)
                {
                  set_invalid (error, _("%s[%u] (%s): links to %s must be a list"), info->table,
                               i, name, to_table);
                  return FALSE;
                }

              for (guint j = 0; j < json_array_get_length (list_array); j++)
                {
                  JsonNode *item = json_array_get_element (list_array, j);
                  const char *target = JSON_NODE_HOLDS_VALUE (item) &&
                                       json_node_get_value_type (item) == G_TYPE_STRING
                                         ? json_node_get_string (item) : "";
                  gint64 to_id = resolve_target (loader, to_table, target, error);

                  if (to_id == 0 ||
                      !annex_links_add (loader->db, info->table, from_id, to_table, to_id,
                                        error))
                    {
                      g_prefix_error (error, "%s[%u] (%s): ", info->table, i, name);
                      return FALSE;
                    }
                }
            }
        }
    }

  return TRUE;
}

/* The document's shape, checked before anything is written. */
static gboolean
check_document (JsonNode    *root,
                JsonObject **out_registers,
                JsonObject **out_settings,
                GError     **error)
{
  JsonObject *object;
  JsonNode *node;
  g_autoptr(GList) tables = NULL;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      set_invalid (error, _("The sample is not a JSON object"));
      return FALSE;
    }
  object = json_node_get_object (root);

  if (g_strcmp0 (get_member_string (object, "format"), "annex-sample") != 0 ||
      (node = json_object_get_member (object, "version")) == NULL ||
      !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) != 1)
    {
      set_invalid (error, _("The document is not an Annex sample of version 1"));
      return FALSE;
    }

  node = json_object_get_member (object, "settings");
  if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
    {
      set_invalid (error, _("“settings” must be an object"));
      return FALSE;
    }
  *out_settings = node != NULL ? json_node_get_object (node) : NULL;

  node = json_object_get_member (object, "registers");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      set_invalid (error, _("“registers” must be an object"));
      return FALSE;
    }
  *out_registers = json_node_get_object (node);

  tables = json_object_get_members (*out_registers);
  for (GList *l = tables; l != NULL; l = l->next)
    {
      const char *table = l->data;
      JsonNode *list = json_object_get_member (*out_registers, table);
      JsonArray *array;

      if (find_table_info (table) == NULL)
        {
          set_invalid (error, _("Unknown register “%s”"), table);
          return FALSE;
        }
      if (!JSON_NODE_HOLDS_ARRAY (list))
        {
          set_invalid (error, _("%s must be a list of records"), table);
          return FALSE;
        }
      array = json_node_get_array (list);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
            {
              set_invalid (error, _("%s[%u]: a record must be an object"), table, i);
              return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
load_document (AnnexDatabase  *db,
               const char     *json,
               gsize           length,
               const char     *today,
               gboolean        with_settings,
               GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *today_text = NULL;
  JsonObject *settings = NULL;
  Loader loader = { 0, };
  gboolean ok = FALSE;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (today == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      today_text = g_date_time_format (now, "%Y-%m-%d");
    }
  else
    today_text = g_strdup (today);
  if (!parse_iso_date (today_text, &loader.today))
    {
      set_invalid (error, _("“%s” is not a date"), today_text);
      return FALSE;
    }

  if (!json_parser_load_from_data (parser, json, length, &local_error))
    {
      set_invalid (error, _("The sample is not valid JSON: %s"), local_error->message);
      return FALSE;
    }
  if (!check_document (json_parser_get_root (parser), &loader.registers, &settings, error))
    return FALSE;

  loader.db = db;
  loader.remap_from_5x5 = !with_settings;
  loader.models = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  loader.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  loader.consumed = g_hash_table_new (NULL, NULL);
  loader.records = g_hash_table_new (NULL, NULL);
  loader.reviews = g_ptr_array_new ();

  if (!annex_database_begin (db, error))
    {
      loader_clear (&loader);
      return FALSE;
    }

  if (with_settings && settings != NULL && !apply_settings (&loader, settings, error))
    goto out;

  loader.method = annex_risk_method_load (db, error);
  if (loader.method == NULL)
    goto out;

  for (guint t = 0; t < G_N_ELEMENTS (table_infos); t++)
    {
      const TableInfo *info = &table_infos[t];
      JsonArray *array = get_table_array (&loader, info->table);

      if (array == NULL || info->parent_table != NULL)
        continue;

      if (info->by_reference)
        {
          if (!update_by_reference (&loader, info, array, error))
            goto out;
          continue;
        }

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (!load_record (&loader, info, i, json_array_get_object_element (array, i), 0,
                            error))
            goto out;
        }
    }

  /* A child whose parent was not found was not loaded. */
  for (guint t = 0; t < G_N_ELEMENTS (table_infos); t++)
    {
      const TableInfo *info = &table_infos[t];
      JsonArray *array = get_table_array (&loader, info->table);

      if (array == NULL || info->parent_table == NULL)
        continue;
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *object = json_array_get_object_element (array, i);

          if (!g_hash_table_contains (loader.consumed, object))
            {
              const char *parent = get_member_string (object, "parent");

              set_invalid (error, parent != NULL
                                    ? _("%s[%u]: the parent “%s” is not a record of %s")
                                    : _("%s[%u]: “parent” is missing (a record of %s)"),
                           info->table, i, parent != NULL ? parent : info->parent_table,
                           info->parent_table);
              goto out;
            }
        }
    }

  if (!make_links (&loader, error) || !prepare_reviews (&loader, error))
    goto out;

  ok = TRUE;

out:
  /* The registers go before the commit: the "changed" it emits is for the app's registers. */
  loader_clear (&loader);
  if (ok)
    return annex_database_commit (db, error);

  annex_database_rollback (db);
  return FALSE;
}

gboolean
annex_sample_load_json (AnnexDatabase  *db,
                        const char     *json,
                        gsize           length,
                        const char     *today,
                        GError        **error)
{
  return load_document (db, json, length, today, TRUE, error);
}

gboolean
annex_sample_load_starter (AnnexDatabase  *db,
                           const char     *sector,
                           GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);

  if (!is_known_sector (sector))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no starter content for the sector “%s”"), sector);
      return FALSE;
    }

  path = g_strdup_printf ("starters/%s.json", sector);
  bytes = lookup_document (path, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  return load_document (db, data, length, NULL, FALSE, error);
}

/* ---- Creating a sample workspace ---- */

static void
remove_database_files (const char *path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        g_debug ("Could not remove %s: %s", file, g_strerror (errno));
    }
}

AnnexDatabase *
annex_sample_create (const char  *path,
                     const char  *id,
                     gboolean     overwrite,
                     const char  *today,
                     GError     **error)
{
  const AnnexSampleInfo *info;
  g_autoptr(AnnexDatabase) db = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *resource = NULL;
  g_autofree char *temp_path = NULL;
  gsize length;
  const char *data;
  gboolean loaded;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = annex_sample_find (id);
  if (info == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no sample organization “%s”"), id != NULL ? id : "");
      return NULL;
    }

  if (!overwrite && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("%s exists already"), display);
      return NULL;
    }

  resource = g_strdup_printf ("samples/%s.json", info->id);
  bytes = lookup_document (resource, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);

  /* Built beside @path under another name and renamed into place once complete: a sample that
   * does not load leaves nothing, and an existing file is replaced only by a complete one. */
  temp_path = g_strdup_printf ("%s.sample-%08x", path, g_random_int ());
  db = annex_database_create (temp_path, info->organization, error);
  if (db == NULL)
    return NULL;

  loaded = annex_sample_load_json (db, data, length, today, error);
  annex_database_close (db);
  g_clear_object (&db);

  if (!loaded)
    {
      remove_database_files (temp_path);
      return NULL;
    }

  /* An old log beside the file replaced would be read as the new file's. */
  if (overwrite)
    {
      static const char * const suffixes[] = { "-journal", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

          g_unlink (file);
        }
    }

  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      remove_database_files (temp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create %s: %s"), display, g_strerror (saved_errno));
      return NULL;
    }

  return annex_database_open (path, ANNEX_DATABASE_OPEN_DEFAULT, error);
}

/* ---- Deliberate findings ---- */

G_LOCK_DEFINE_STATIC (findings);

const char * const *
annex_sample_get_deliberate_findings (const char *id)
{
  static GHashTable *cache = NULL;  /* id → GStrv, kept for the process */
  const AnnexSampleInfo *info = annex_sample_find (id);
  const char * const *result;

  if (info == NULL)
    return NULL;

  G_LOCK (findings);

  if (cache == NULL)
    cache = g_hash_table_new (g_str_hash, g_str_equal);

  result = g_hash_table_lookup (cache, info->id);
  if (result == NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *resource = g_strdup_printf ("samples/%s.json", info->id);
      GStrv rules;

      bytes = lookup_document (resource, NULL);
      if (bytes != NULL &&
          json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL) &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          JsonObject *root = json_node_get_object (json_parser_get_root (parser));
          JsonNode *node = json_object_get_member (root, "deliberate-findings");

          if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
            {
              JsonArray *array = json_node_get_array (node);

              for (guint i = 0; i < json_array_get_length (array); i++)
                {
                  const char *rule = json_array_get_string_element (array, i);

                  if (rule != NULL)
                    g_strv_builder_add (builder, rule);
                }
            }
        }

      rules = g_strv_builder_end (builder);
      g_hash_table_insert (cache, (gpointer) info->id, rules);
      result = (const char * const *) rules;
    }

  G_UNLOCK (findings);

  return result;
}
