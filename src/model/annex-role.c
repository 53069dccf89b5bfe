/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-role.c: the ISMS role record (5.3): its field table, the kind label, and the split of
 * its required competence into areas. */

#define G_LOG_DOMAIN "annex-role"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-role.h"

struct _AnnexRole
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AnnexRole, annex_role, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_NAME,
  FIELD_KIND,
  FIELD_RESPONSIBILITIES,
  FIELD_AUTHORITIES,
  FIELD_COMPETENCE,
  FIELD_NOTES,
  N_FIELDS
};

static const AnnexFieldChoice kind_choices[] = {
  { "isms-manager", N_("ISMS manager") },
  { "risk-owner", N_("Risk owner") },
  { "control-owner", N_("Control owner") },
  { "internal-auditor", N_("Internal auditor") },
  { "top-management", N_("Top management") },
  { "custom", N_("Other role") },
  { NULL, NULL }
};

static const AnnexField fields[N_FIELDS] = {
  [FIELD_NAME] = {
    "name", "name", ANNEX_FIELD_TEXT, N_("Name"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_KIND] = {
    "kind", "kind", ANNEX_FIELD_CHOICE, N_("Kind"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    kind_choices, "custom"
  },
  [FIELD_RESPONSIBILITIES] = {
    "responsibilities", "responsibilities", ANNEX_FIELD_LONG_TEXT, N_("Responsibilities"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_AUTHORITIES] = {
    "authorities", "authorities", ANNEX_FIELD_LONG_TEXT, N_("Authorities"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_COMPETENCE] = {
    "competence", "competence", ANNEX_FIELD_LONG_TEXT, N_("Competence required"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_NOTES] = {
    "notes", "notes", ANNEX_FIELD_LONG_TEXT, N_("Notes"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
};

enum {
  PROP_0,
  PROP_KIND_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_field_string (AnnexRole *self,
                  guint      index)
{
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), index));
}

static void
annex_role_field_changed (AnnexRecord *record,
                          guint        index)
{
  if (index == FIELD_KIND)
    g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_KIND_LABEL]);
}

static void
annex_role_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  if (pspec->owner_type != ANNEX_TYPE_ROLE || prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP)
    {
      G_OBJECT_CLASS (annex_role_parent_class)->get_property (object, prop_id, value, pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_KIND_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (ANNEX_RECORD (object),
                                                                FIELD_KIND));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_role_class_init (AnnexRoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  object_class->get_property = annex_role_get_property;

  record_class->field_changed = annex_role_field_changed;

  annex_record_class_install_fields (record_class, "roles", "RO-", fields, N_FIELDS);

  properties[PROP_KIND_LABEL] =
    g_param_spec_string ("kind-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_role_init (AnnexRole *self)
{
}

/**
 * annex_role_new:
 *
 * Returns: (transfer full): a new, unsaved role of kind "custom"
 */
AnnexRole *
annex_role_new (void)
{
  return g_object_new (ANNEX_TYPE_ROLE, NULL);
}

const char *
annex_role_get_name (AnnexRole *self)
{
  g_return_val_if_fail (ANNEX_IS_ROLE (self), NULL);
  return get_field_string (self, FIELD_NAME);
}

const char *
annex_role_get_kind (AnnexRole *self)
{
  g_return_val_if_fail (ANNEX_IS_ROLE (self), NULL);
  return get_field_string (self, FIELD_KIND);
}

const char *
annex_role_get_competence (AnnexRole *self)
{
  g_return_val_if_fail (ANNEX_IS_ROLE (self), NULL);
  return get_field_string (self, FIELD_COMPETENCE);
}

/**
 * annex_role_split_competence:
 * @competence: (nullable): a role's required competence
 *
 * Returns: (transfer full): the areas, trimmed, without blanks and case-insensitive duplicates
 */
GStrv
annex_role_split_competence (const char *competence)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) parts = NULL;

  if (competence == NULL)
    return g_strv_builder_end (builder);

  parts = g_strsplit_set (competence, ",;\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *area = g_strstrip (parts[i]);
      char *folded;

      if (*area == '\0')
        continue;

      folded = g_utf8_casefold (area, -1);
      if (!g_hash_table_add (seen, folded))
        continue;

      g_strv_builder_add (builder, area);
    }

  return g_strv_builder_end (builder);
}

GStrv
annex_role_dup_competence_areas (AnnexRole *self)
{
  g_return_val_if_fail (ANNEX_IS_ROLE (self), NULL);
  return annex_role_split_competence (get_field_string (self, FIELD_COMPETENCE));
}
