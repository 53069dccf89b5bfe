/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-party.c: the interested party record (4.2): its field table, its requirements as
 * children, and the label properties. */

#define G_LOG_DOMAIN "annex-party"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-party.h"
#include "annex-party-requirement.h"

struct _AnnexParty
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AnnexParty, annex_party, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_NAME,
  FIELD_CATEGORY,
  FIELD_NEEDS,
  FIELD_RELEVANCE,
  FIELD_NOTES,
  N_FIELDS
};

static const AnnexFieldChoice category_choices[] = {
  { "customers", N_("Customers") },
  { "employees", N_("Employees") },
  { "regulators", N_("Regulators and authorities") },
  { "suppliers", N_("Suppliers and partners") },
  { "owners", N_("Owners and investors") },
  { "insurers", N_("Insurers") },
  { "public", N_("The public") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const AnnexFieldChoice relevance_choices[] = {
  { "high", N_("High") },
  { "medium", N_("Medium") },
  { "low", N_("Low") },
  { NULL, NULL }
};

static const AnnexField fields[N_FIELDS] = {
  [FIELD_NAME] = {
    "name", "name", ANNEX_FIELD_TEXT, N_("Name"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_CATEGORY] = {
    "category", "category", ANNEX_FIELD_CHOICE, N_("Category"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER |
    ANNEX_FIELD_FLAG_SEARCHABLE,
    category_choices, "customers"
  },
  [FIELD_NEEDS] = {
    "needs", "needs", ANNEX_FIELD_LONG_TEXT, N_("Needs and expectations"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_RELEVANCE] = {
    "relevance", "relevance", ANNEX_FIELD_CHOICE, N_("Relevance"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    relevance_choices, "medium"
  },
  [FIELD_NOTES] = {
    "notes", "notes", ANNEX_FIELD_LONG_TEXT, N_("Notes"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
};

enum {
  PROP_0,
  PROP_CATEGORY_LABEL,
  PROP_RELEVANCE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_field_string (AnnexParty *self,
                  guint       index)
{
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), index));
}

static void
annex_party_field_changed (AnnexRecord *record,
                           guint        index)
{
  if (index == FIELD_CATEGORY)
    g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_CATEGORY_LABEL]);
  else if (index == FIELD_RELEVANCE)
    g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_RELEVANCE_LABEL]);
}

static void
annex_party_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AnnexRecord *record = ANNEX_RECORD (object);

  if (pspec->owner_type != ANNEX_TYPE_PARTY || prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP)
    {
      G_OBJECT_CLASS (annex_party_parent_class)->get_property (object, prop_id, value, pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_CATEGORY_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (record, FIELD_CATEGORY));
      break;

    case PROP_RELEVANCE_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (record, FIELD_RELEVANCE));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_party_class_init (AnnexPartyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  object_class->get_property = annex_party_get_property;

  record_class->field_changed = annex_party_field_changed;

  annex_record_class_install_fields (record_class, "parties", "IP-", fields, N_FIELDS);
  annex_record_class_add_child (record_class, ANNEX_TYPE_PARTY_REQUIREMENT, "party-id");

  properties[PROP_CATEGORY_LABEL] =
    g_param_spec_string ("category-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RELEVANCE_LABEL] =
    g_param_spec_string ("relevance-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_party_init (AnnexParty *self)
{
}

/**
 * annex_party_new:
 *
 * Returns: (transfer full): a new, unsaved party (customers, medium relevance)
 */
AnnexParty *
annex_party_new (void)
{
  return g_object_new (ANNEX_TYPE_PARTY, NULL);
}

const char *
annex_party_get_name (AnnexParty *self)
{
  g_return_val_if_fail (ANNEX_IS_PARTY (self), NULL);
  return get_field_string (self, FIELD_NAME);
}

const char *
annex_party_get_category (AnnexParty *self)
{
  g_return_val_if_fail (ANNEX_IS_PARTY (self), NULL);
  return get_field_string (self, FIELD_CATEGORY);
}

const char *
annex_party_get_relevance (AnnexParty *self)
{
  g_return_val_if_fail (ANNEX_IS_PARTY (self), NULL);
  return get_field_string (self, FIELD_RELEVANCE);
}
