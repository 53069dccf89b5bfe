/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-asset.c: the asset record: its field table and translated labels. */

#define G_LOG_DOMAIN "annex-asset"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-asset.h"
#include "annex-links.h"

struct _AnnexAsset
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AnnexAsset, annex_asset, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_NAME,
  FIELD_TYPE,
  FIELD_OWNER,
  FIELD_LOCATION,
  FIELD_CLASSIFICATION,
  FIELD_CONFIDENTIALITY,
  FIELD_INTEGRITY,
  FIELD_AVAILABILITY,
  FIELD_NOTES,
  N_FIELDS
};

static const AnnexFieldChoice type_choices[] = {
  { "information", N_("Information") },
  { "software", N_("Software") },
  { "hardware", N_("Hardware") },
  { "service", N_("Service") },
  { "people", N_("Personnel") },
  { "site", N_("Site") },
  { "supplier", N_("Supplier") },
  { NULL, NULL }
};

static const AnnexFieldChoice classification_choices[] = {
  { "public", N_("Public") },
  { "internal", N_("Internal") },
  { "confidential", N_("Confidential") },
  { "secret", N_("Secret") },
  { NULL, NULL }
};

static const AnnexFieldChoice need_choices[] = {
  { "low", N_("Low") },
  { "medium", N_("Medium") },
  { "high", N_("High") },
  { NULL, NULL }
};

static const AnnexField fields[N_FIELDS] = {
  [FIELD_NAME] = {
    "name", "name", ANNEX_FIELD_TEXT, N_("Name"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_TYPE] = {
    "type", "type", ANNEX_FIELD_CHOICE, N_("Type"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    type_choices, "information"
  },
  [FIELD_OWNER] = {
    "owner", "owner", ANNEX_FIELD_TEXT, N_("Owner"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_LOCATION] = {
    "location", "location", ANNEX_FIELD_TEXT, N_("Location"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_CLASSIFICATION] = {
    "classification", "classification", ANNEX_FIELD_CHOICE, N_("Classification"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    classification_choices, NULL
  },
  [FIELD_CONFIDENTIALITY] = {
    "confidentiality", "confidentiality", ANNEX_FIELD_CHOICE, N_("Confidentiality"),
    ANNEX_FIELD_FLAG_NONE,
    need_choices, NULL
  },
  [FIELD_INTEGRITY] = {
    "integrity", "integrity", ANNEX_FIELD_CHOICE, N_("Integrity"),
    ANNEX_FIELD_FLAG_NONE,
    need_choices, NULL
  },
  [FIELD_AVAILABILITY] = {
    "availability", "availability", ANNEX_FIELD_CHOICE, N_("Availability"),
    ANNEX_FIELD_FLAG_NONE,
    need_choices, NULL
  },
  [FIELD_NOTES] = {
    "notes", "notes", ANNEX_FIELD_LONG_TEXT, N_("Notes"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
};

enum {
  PROP_0,
  PROP_TYPE_LABEL,
  PROP_CLASSIFICATION_LABEL,
  PROP_CONFIDENTIALITY_LABEL,
  PROP_INTEGRITY_LABEL,
  PROP_AVAILABILITY_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The label property of each choice field. */
static const struct {
  guint field;
  guint prop;
} label_props[] = {
  { FIELD_TYPE, PROP_TYPE_LABEL },
  { FIELD_CLASSIFICATION, PROP_CLASSIFICATION_LABEL },
  { FIELD_CONFIDENTIALITY, PROP_CONFIDENTIALITY_LABEL },
  { FIELD_INTEGRITY, PROP_INTEGRITY_LABEL },
  { FIELD_AVAILABILITY, PROP_AVAILABILITY_LABEL },
};

static const char *
get_field_string (AnnexAsset *self,
                  guint       index)
{
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), index));
}

static void
annex_asset_field_changed (AnnexRecord *record,
                           guint        index)
{
  for (guint i = 0; i < G_N_ELEMENTS (label_props); i++)
    if (label_props[i].field == index)
      g_object_notify_by_pspec (G_OBJECT (record), properties[label_props[i].prop]);
}

static void
annex_asset_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  if (pspec->owner_type != ANNEX_TYPE_ASSET || prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP)
    {
      G_OBJECT_CLASS (annex_asset_parent_class)->get_property (object, prop_id, value, pspec);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (label_props); i++)
    if (label_props[i].prop == prop_id)
      {
        g_value_set_string (value, annex_record_get_choice_label (ANNEX_RECORD (object),
                                                                  label_props[i].field));
        return;
      }

  G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
annex_asset_class_init (AnnexAssetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);
  const char *names[N_PROPS] = {
    [PROP_TYPE_LABEL] = "type-label",
    [PROP_CLASSIFICATION_LABEL] = "classification-label",
    [PROP_CONFIDENTIALITY_LABEL] = "confidentiality-label",
    [PROP_INTEGRITY_LABEL] = "integrity-label",
    [PROP_AVAILABILITY_LABEL] = "availability-label",
  };

  object_class->get_property = annex_asset_get_property;

  record_class->field_changed = annex_asset_field_changed;

  annex_record_class_install_fields (record_class, "assets", "AS-", fields, N_FIELDS);

  for (guint i = 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL,
                                         NULL,
                                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                         G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_asset_init (AnnexAsset *self)
{
}

/**
 * annex_asset_new:
 *
 * Returns: (transfer full): a new, unsaved asset of type "information"
 */
AnnexAsset *
annex_asset_new (void)
{
  return g_object_new (ANNEX_TYPE_ASSET, NULL);
}

const char *
annex_asset_get_name (AnnexAsset *self)
{
  g_return_val_if_fail (ANNEX_IS_ASSET (self), NULL);
  return get_field_string (self, FIELD_NAME);
}

void
annex_asset_set_name (AnnexAsset *self,
                      const char *name)
{
  g_return_if_fail (ANNEX_IS_ASSET (self));
  annex_record_set_string (ANNEX_RECORD (self), "name", name);
}

const char *
annex_asset_get_asset_type (AnnexAsset *self)
{
  g_return_val_if_fail (ANNEX_IS_ASSET (self), NULL);
  return get_field_string (self, FIELD_TYPE);
}

const char *
annex_asset_get_owner (AnnexAsset *self)
{
  g_return_val_if_fail (ANNEX_IS_ASSET (self), NULL);
  return get_field_string (self, FIELD_OWNER);
}

/**
 * annex_asset_dup_risk_ids:
 * @self: a saved asset
 * @db: its workspace
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the ids (gint64) of the risks linked to @self
 */
GArray *
annex_asset_dup_risk_ids (AnnexAsset     *self,
                          AnnexDatabase  *db,
                          GError        **error)
{
  g_return_val_if_fail (ANNEX_IS_ASSET (self), NULL);
  g_return_val_if_fail (ANNEX_IS_DATABASE (db), NULL);

  return annex_links_dup_sources (db, "assets", annex_record_get_id (ANNEX_RECORD (self)),
                                  "risks", error);
}
