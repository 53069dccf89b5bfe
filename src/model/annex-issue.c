/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-issue.c: the issue record of the context (4.1): its field table, the rule that a
 * category belongs to the issue's kind, and the label properties. */

#define G_LOG_DOMAIN "annex-issue"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-issue.h"
#include "annex-store-error.h"

struct _AnnexIssue
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AnnexIssue, annex_issue, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_TITLE,
  FIELD_KIND,
  FIELD_CATEGORY,
  FIELD_CLIMATE,
  FIELD_DESCRIPTION,
  FIELD_EFFECT,
  FIELD_SOURCE,
  FIELD_STATUS,
  FIELD_LAST_REVIEWED,
  N_FIELDS
};

static const AnnexFieldChoice kind_choices[] = {
  { "external", N_("External") },
  { "internal", N_("Internal") },
  { NULL, NULL }
};

/* External categories first, then internal ones: the order of kind_categories below. */
static const AnnexFieldChoice category_choices[] = {
  { "political", N_("Political") },
  { "economic", N_("Economic") },
  { "social", N_("Social") },
  { "technological", N_("Technological") },
  { "legal", N_("Legal and regulatory") },
  { "environmental", N_("Environmental") },
  { "governance", N_("Governance and structure") },
  { "strategy", N_("Strategy and objectives") },
  { "resources", N_("Capabilities and resources") },
  { "culture", N_("Culture") },
  { "processes", N_("Processes and information systems") },
  { "contractual", N_("Contractual relationships") },
  { NULL, NULL }
};

static const char * const external_categories[] = {
  "political", "economic", "social", "technological", "legal", "environmental", NULL
};

static const char * const internal_categories[] = {
  "governance", "strategy", "resources", "culture", "processes", "contractual", NULL
};

static const AnnexFieldChoice status_choices[] = {
  { "current", N_("Current") },
  { "monitored", N_("Monitored") },
  { "closed", N_("Closed") },
  { NULL, NULL }
};

static const AnnexField fields[N_FIELDS] = {
  [FIELD_TITLE] = {
    "title", "title", ANNEX_FIELD_TEXT, N_("Title"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_KIND] = {
    "kind", "kind", ANNEX_FIELD_CHOICE, N_("Kind"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    kind_choices, "external"
  },
  [FIELD_CATEGORY] = {
    "category", "category", ANNEX_FIELD_CHOICE, N_("Category"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER | ANNEX_FIELD_FLAG_SEARCHABLE,
    category_choices, NULL
  },
  [FIELD_CLIMATE] = {
    "climate", "climate", ANNEX_FIELD_BOOL, N_("Concerns climate change"),
    ANNEX_FIELD_FLAG_LIST,
    NULL, "false"
  },
  [FIELD_DESCRIPTION] = {
    "description", "description", ANNEX_FIELD_LONG_TEXT, N_("Description"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_EFFECT] = {
    "effect", "effect", ANNEX_FIELD_LONG_TEXT, N_("Effect on the ISMS"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_SOURCE] = {
    "source", "source", ANNEX_FIELD_TEXT, N_("Source"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_STATUS] = {
    "status", "status", ANNEX_FIELD_CHOICE, N_("Status"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    status_choices, "current"
  },
  [FIELD_LAST_REVIEWED] = {
    "last-reviewed", "last_reviewed", ANNEX_FIELD_DATE, N_("Last reviewed"),
    ANNEX_FIELD_FLAG_LIST,
    NULL, NULL
  },
};

enum {
  PROP_0,
  PROP_KIND_LABEL,
  PROP_CATEGORY_LABEL,
  PROP_STATUS_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_field_string (AnnexIssue *self,
                  guint       index)
{
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), index));
}

static void
set_field_string (AnnexIssue *self,
                  guint       index,
                  const char *text)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_static_string (&value, text);
  annex_record_set_value (ANNEX_RECORD (self), index, &value);
  g_value_unset (&value);
}

/* The kind follows the category, and a category of the other kind goes with a kind change. Each
 * of the two writes below changes the other field only when it disagrees, so they never loop. */
static void
annex_issue_field_changed (AnnexRecord *record,
                           guint        index)
{
  AnnexIssue *self = ANNEX_ISSUE (record);
  const char *category_kind;
  const char *kind;

  switch (index)
    {
    case FIELD_KIND:
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND_LABEL]);

      category_kind = annex_issue_category_get_kind (get_field_string (self, FIELD_CATEGORY));
      kind = get_field_string (self, FIELD_KIND);
      if (category_kind != NULL && g_strcmp0 (category_kind, kind) != 0)
        set_field_string (self, FIELD_CATEGORY, NULL);
      break;

    case FIELD_CATEGORY:
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY_LABEL]);

      category_kind = annex_issue_category_get_kind (get_field_string (self, FIELD_CATEGORY));
      kind = get_field_string (self, FIELD_KIND);
      if (category_kind != NULL && g_strcmp0 (category_kind, kind) != 0)
        set_field_string (self, FIELD_KIND, category_kind);
      break;

    case FIELD_STATUS:
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_LABEL]);
      break;

    default:
      break;
    }
}

static gboolean
annex_issue_validate (AnnexRecord  *record,
                      GError      **error)
{
  AnnexIssue *self = ANNEX_ISSUE (record);
  const char *category = get_field_string (self, FIELD_CATEGORY);
  const char *category_kind = annex_issue_category_get_kind (category);

  if (category != NULL && g_strcmp0 (category_kind, get_field_string (self, FIELD_KIND)) != 0)
    {
      if (g_strcmp0 (category_kind, "internal") == 0)
        g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                     _("“%s” is a category of internal issues, but the issue is external"),
                     _(annex_field_get_choice_label (&fields[FIELD_CATEGORY], category)));
      else
        g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                     _("“%s” is a category of external issues, but the issue is internal"),
                     _(annex_field_get_choice_label (&fields[FIELD_CATEGORY], category)));
      return FALSE;
    }

  return TRUE;
}

static void
annex_issue_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AnnexRecord *record = ANNEX_RECORD (object);

  if (pspec->owner_type != ANNEX_TYPE_ISSUE || prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP)
    {
      G_OBJECT_CLASS (annex_issue_parent_class)->get_property (object, prop_id, value, pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_KIND_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (record, FIELD_KIND));
      break;

    case PROP_CATEGORY_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (record, FIELD_CATEGORY));
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (record, FIELD_STATUS));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_issue_class_init (AnnexIssueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  object_class->get_property = annex_issue_get_property;

  record_class->field_changed = annex_issue_field_changed;
  record_class->validate = annex_issue_validate;

  annex_record_class_install_fields (record_class, "issues", "IS-", fields, N_FIELDS);

  properties[PROP_KIND_LABEL] =
    g_param_spec_string ("kind-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY_LABEL] =
    g_param_spec_string ("category-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_issue_init (AnnexIssue *self)
{
}

/**
 * annex_issue_new:
 *
 * Returns: (transfer full): a new, unsaved external issue with status "current"
 */
AnnexIssue *
annex_issue_new (void)
{
  return g_object_new (ANNEX_TYPE_ISSUE, NULL);
}

const char *
annex_issue_get_title (AnnexIssue *self)
{
  g_return_val_if_fail (ANNEX_IS_ISSUE (self), NULL);
  return get_field_string (self, FIELD_TITLE);
}

const char *
annex_issue_get_kind (AnnexIssue *self)
{
  g_return_val_if_fail (ANNEX_IS_ISSUE (self), NULL);
  return get_field_string (self, FIELD_KIND);
}

const char *
annex_issue_get_category (AnnexIssue *self)
{
  g_return_val_if_fail (ANNEX_IS_ISSUE (self), NULL);
  return get_field_string (self, FIELD_CATEGORY);
}

const char *
annex_issue_get_status (AnnexIssue *self)
{
  g_return_val_if_fail (ANNEX_IS_ISSUE (self), NULL);
  return get_field_string (self, FIELD_STATUS);
}

gboolean
annex_issue_get_climate (AnnexIssue *self)
{
  g_return_val_if_fail (ANNEX_IS_ISSUE (self), FALSE);
  return g_value_get_boolean (annex_record_get_value (ANNEX_RECORD (self), FIELD_CLIMATE));
}

const char *
annex_issue_category_get_kind (const char *category)
{
  if (category == NULL)
    return NULL;

  if (g_strv_contains (external_categories, category))
    return "external";
  if (g_strv_contains (internal_categories, category))
    return "internal";

  return NULL;
}

const char * const *
annex_issue_kind_get_categories (const char *kind)
{
  if (g_strcmp0 (kind, "external") == 0)
    return external_categories;
  if (g_strcmp0 (kind, "internal") == 0)
    return internal_categories;

  return NULL;
}
