/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-requirement.c: the requirement record of the clause 4–10 checklist: its field table and
 * the translated clause texts from the catalogue. */

#define G_LOG_DOMAIN "annex-requirement"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-requirement.h"
#include "annex-store-error.h"

struct _AnnexRequirement
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AnnexRequirement, annex_requirement, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_TITLE,
  FIELD_STATUS,
  FIELD_OWNER,
  FIELD_EVIDENCE,
  N_FIELDS
};

static const AnnexFieldChoice status_choices[] = {
  /* Translators: the status of a requirement of the standard in the gap assessment */
  { "not-started", N_("Not started") },
  /* Translators: the status of a requirement of the standard: partly met */
  { "partial", N_("Partial") },
  /* Translators: the status of a requirement of the standard: met */
  { "done", N_("Done") },
  { NULL, NULL }
};

/* The title is the clause's (seeded by the store): read-only. status is a NOT NULL column:
 * required, so an empty value is refused with a message rather than by a constraint. */
static const AnnexField fields[N_FIELDS] = {
  [FIELD_TITLE] = {
    "title", "title", ANNEX_FIELD_TEXT, N_("Title"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE |
    ANNEX_FIELD_FLAG_READ_ONLY,
    NULL, NULL
  },
  [FIELD_STATUS] = {
    "status", "status", ANNEX_FIELD_CHOICE, N_("Status"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    status_choices, "not-started"
  },
  [FIELD_OWNER] = {
    "owner", "owner", ANNEX_FIELD_TEXT, N_("Owner"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_EVIDENCE] = {
    "evidence", "evidence", ANNEX_FIELD_LONG_TEXT, N_("Evidence"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
};

enum {
  PROP_0,
  PROP_DISPLAY_TITLE,
  PROP_SUMMARY,
  PROP_DOCUMENTED_INFORMATION,
  PROP_STATUS_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_field_string (AnnexRequirement *self,
                  guint             index)
{
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), index));
}

static void
annex_requirement_field_changed (AnnexRecord *record,
                                 guint        index)
{
  AnnexRequirement *self = ANNEX_REQUIREMENT (record);

  switch (index)
    {
    case FIELD_TITLE:
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_TITLE]);
      break;

    case FIELD_STATUS:
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_LABEL]);
      break;

    default:
      break;
    }
}

static gboolean
annex_requirement_can_add (AnnexRecord  *record,
                           GError      **error)
{
  g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                       _("The requirements come from the standard and cannot be added"));
  return FALSE;
}

static gboolean
annex_requirement_can_delete (AnnexRecord  *record,
                              GError      **error)
{
  g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                       _("The requirements come from the standard and cannot be deleted"));
  return FALSE;
}

/* The stored title is English: find a requirement by its translated title and summary too. */
static char *
annex_requirement_dup_search_text (AnnexRecord *record)
{
  const AnnexCatalogueClause *clause = annex_requirement_get_clause (ANNEX_REQUIREMENT (record));

  if (clause == NULL)
    return NULL;

  return g_strconcat (annex_catalogue_gettext (clause->title), "\n",
                      annex_catalogue_gettext (clause->summary), NULL);
}

static void
annex_requirement_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AnnexRequirement *self = ANNEX_REQUIREMENT (object);

  if (pspec->owner_type != ANNEX_TYPE_REQUIREMENT || prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP)
    {
      /* The field properties are the base class's business. */
      G_OBJECT_CLASS (annex_requirement_parent_class)->get_property (object, prop_id, value,
                                                                     pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_DISPLAY_TITLE:
      g_value_set_string (value, annex_requirement_get_display_title (self));
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, annex_requirement_get_summary (self));
      break;

    case PROP_DOCUMENTED_INFORMATION:
      g_value_set_string (value, annex_requirement_get_documented_information (self));
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value,
                          annex_record_get_choice_label (ANNEX_RECORD (self), FIELD_STATUS));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_requirement_class_init (AnnexRequirementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = annex_requirement_get_property;

  record_class->field_changed = annex_requirement_field_changed;
  record_class->can_add = annex_requirement_can_add;
  record_class->can_delete = annex_requirement_can_delete;
  record_class->dup_search_text = annex_requirement_dup_search_text;

  /* No reference prefix: the reference is the clause id, seeded by the store. */
  annex_record_class_install_fields (record_class, "requirements", NULL, fields, N_FIELDS);

  properties[PROP_DISPLAY_TITLE] =
    g_param_spec_string ("display-title", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_DOCUMENTED_INFORMATION] =
    g_param_spec_string ("documented-information", NULL, NULL, NULL, flags);
  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_requirement_init (AnnexRequirement *self)
{
}

const char *
annex_requirement_get_status (AnnexRequirement *self)
{
  g_return_val_if_fail (ANNEX_IS_REQUIREMENT (self), NULL);

  return get_field_string (self, FIELD_STATUS);
}

/**
 * annex_requirement_get_clause:
 * @self: a requirement
 *
 * Returns: (nullable) (transfer none): the catalogue clause of @self (found by its reference)
 */
const AnnexCatalogueClause *
annex_requirement_get_clause (AnnexRequirement *self)
{
  const char *reference;

  g_return_val_if_fail (ANNEX_IS_REQUIREMENT (self), NULL);

  reference = annex_record_get_reference (ANNEX_RECORD (self));
  return reference != NULL ? annex_catalogue_find_clause (reference) : NULL;
}

/**
 * annex_requirement_get_display_title:
 * @self: a requirement
 *
 * Returns: (nullable): the clause title, translated (the stored title when the clause is not in
 *   the catalogue)
 */
const char *
annex_requirement_get_display_title (AnnexRequirement *self)
{
  const AnnexCatalogueClause *clause;

  g_return_val_if_fail (ANNEX_IS_REQUIREMENT (self), NULL);

  clause = annex_requirement_get_clause (self);
  if (clause != NULL)
    return annex_catalogue_gettext (clause->title);

  return get_field_string (self, FIELD_TITLE);
}

/**
 * annex_requirement_get_summary:
 * @self: a requirement
 *
 * Returns: (nullable): our one-line paraphrase of the clause, translated
 */
const char *
annex_requirement_get_summary (AnnexRequirement *self)
{
  const AnnexCatalogueClause *clause;

  g_return_val_if_fail (ANNEX_IS_REQUIREMENT (self), NULL);

  clause = annex_requirement_get_clause (self);
  return clause != NULL ? annex_catalogue_gettext (clause->summary) : NULL;
}

/**
 * annex_requirement_get_documented_information:
 * @self: a requirement
 *
 * Returns: (nullable): the documented information the clause mandates, translated; "" or %NULL
 *   when there is nothing to say
 */
const char *
annex_requirement_get_documented_information (AnnexRequirement *self)
{
  const AnnexCatalogueClause *clause;

  g_return_val_if_fail (ANNEX_IS_REQUIREMENT (self), NULL);

  clause = annex_requirement_get_clause (self);
  return clause != NULL ? annex_catalogue_gettext (clause->documented_information) : NULL;
}
