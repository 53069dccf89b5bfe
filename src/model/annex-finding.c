/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-finding.c: the finding of an audit: its field table, the rule that its audit exists,
 * the label properties, and raising a finding from a checklist item. */

#define G_LOG_DOMAIN "annex-finding"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-audit-private.h"
#include "annex-finding.h"
#include "annex-store-error.h"

struct _AnnexFinding
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AnnexFinding, annex_finding, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_AUDIT_ID,
  FIELD_ITEM_ID,
  FIELD_CLASSIFICATION,
  FIELD_CONCERNS,
  FIELD_DESCRIPTION,
  FIELD_EVIDENCE,
  N_FIELDS
};

static const AnnexFieldChoice classification_choices[] = {
  { "major", N_("Major nonconformity") },
  { "minor", N_("Minor nonconformity") },
  { "observation", N_("Observation") },
  { "improvement", N_("Opportunity for improvement") },
  { NULL, NULL }
};

static const AnnexField fields[N_FIELDS] = {
  [FIELD_AUDIT_ID] = {
    "audit-id", "audit_id", ANNEX_FIELD_INT, N_("Audit"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, "0"
  },
  [FIELD_ITEM_ID] = {
    "item-id", "item_id", ANNEX_FIELD_INT, N_("Checklist item"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, "0"
  },
  [FIELD_CLASSIFICATION] = {
    "classification", "classification", ANNEX_FIELD_CHOICE, N_("Classification"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    classification_choices, "minor"
  },
  [FIELD_CONCERNS] = {
    "concerns", "concerns", ANNEX_FIELD_TEXT, N_("Clause or control"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_DESCRIPTION] = {
    "description", "description", ANNEX_FIELD_LONG_TEXT, N_("Description"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
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
  PROP_CLASSIFICATION_LABEL,
  PROP_IS_NONCONFORMITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_field_string (AnnexFinding *self,
                  guint         index)
{
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), index));
}

static gint64
get_field_int (AnnexFinding *self,
               guint         index)
{
  return g_value_get_int64 (annex_record_get_value (ANNEX_RECORD (self), index));
}

static void
annex_finding_field_changed (AnnexRecord *record,
                             guint        index)
{
  if (index == FIELD_CLASSIFICATION)
    {
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_CLASSIFICATION_LABEL]);
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_IS_NONCONFORMITY]);
    }
}

static gboolean
annex_finding_validate (AnnexRecord  *record,
                        GError      **error)
{
  if (get_field_int (ANNEX_FINDING (record), FIELD_AUDIT_ID) <= 0)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("A finding belongs to an audit: choose one"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
annex_finding_check_write (AnnexRecord       *record,
                           AnnexDatabase     *db,
                           AnnexRecordWrite   write,
                           GError           **error)
{
  return _annex_audit_check_child_write (db, get_field_int (ANNEX_FINDING (record),
                                                            FIELD_AUDIT_ID),
                                         write, error);
}

static void
annex_finding_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AnnexFinding *self = ANNEX_FINDING (object);

  if (pspec->owner_type != ANNEX_TYPE_FINDING || prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP)
    {
      G_OBJECT_CLASS (annex_finding_parent_class)->get_property (object, prop_id, value, pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_CLASSIFICATION_LABEL:
      g_value_set_string (value,
                          annex_record_get_choice_label (ANNEX_RECORD (self),
                                                         FIELD_CLASSIFICATION));
      break;

    case PROP_IS_NONCONFORMITY:
      g_value_set_boolean (value, annex_finding_is_nonconformity (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_finding_class_init (AnnexFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  object_class->get_property = annex_finding_get_property;

  record_class->field_changed = annex_finding_field_changed;
  record_class->validate = annex_finding_validate;
  record_class->check_write = annex_finding_check_write;

  annex_record_class_install_fields (record_class, "findings", "F-", fields, N_FIELDS);

  properties[PROP_CLASSIFICATION_LABEL] =
    g_param_spec_string ("classification-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_NONCONFORMITY] =
    g_param_spec_boolean ("is-nonconformity", NULL, NULL,
                          TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_finding_init (AnnexFinding *self)
{
}

/**
 * annex_finding_new:
 * @audit_id: the id of its audit
 *
 * Returns: (transfer full): a new, unsaved finding of the audit (minor nonconformity)
 */
AnnexFinding *
annex_finding_new (gint64 audit_id)
{
  AnnexFinding *self = g_object_new (ANNEX_TYPE_FINDING, NULL);

  annex_record_set_int (ANNEX_RECORD (self), "audit-id", audit_id);
  return self;
}

gint64
annex_finding_get_audit_id (AnnexFinding *self)
{
  g_return_val_if_fail (ANNEX_IS_FINDING (self), 0);
  return get_field_int (self, FIELD_AUDIT_ID);
}

gint64
annex_finding_get_item_id (AnnexFinding *self)
{
  g_return_val_if_fail (ANNEX_IS_FINDING (self), 0);
  return get_field_int (self, FIELD_ITEM_ID);
}

const char *
annex_finding_get_classification (AnnexFinding *self)
{
  g_return_val_if_fail (ANNEX_IS_FINDING (self), NULL);
  return get_field_string (self, FIELD_CLASSIFICATION);
}

const char *
annex_finding_get_concerns (AnnexFinding *self)
{
  g_return_val_if_fail (ANNEX_IS_FINDING (self), NULL);
  return get_field_string (self, FIELD_CONCERNS);
}

const char *
annex_finding_get_description (AnnexFinding *self)
{
  g_return_val_if_fail (ANNEX_IS_FINDING (self), NULL);
  return get_field_string (self, FIELD_DESCRIPTION);
}

const char *
annex_finding_get_evidence (AnnexFinding *self)
{
  g_return_val_if_fail (ANNEX_IS_FINDING (self), NULL);
  return get_field_string (self, FIELD_EVIDENCE);
}

gboolean
annex_finding_is_nonconformity (AnnexFinding *self)
{
  const char *classification;

  g_return_val_if_fail (ANNEX_IS_FINDING (self), FALSE);

  classification = get_field_string (self, FIELD_CLASSIFICATION);
  return g_strcmp0 (classification, "major") == 0 || g_strcmp0 (classification, "minor") == 0;
}

const char *
annex_finding_classification_for_result (const char *result)
{
  if (g_strcmp0 (result, "nonconformity") == 0)
    return "minor";
  if (g_strcmp0 (result, "observation") == 0)
    return "observation";
  if (g_strcmp0 (result, "improvement") == 0)
    return "improvement";
  return NULL;
}

/* The reference of a finding raised from item @item_id, or NULL (also on error: see @error). */
static gboolean
find_finding_of_item (AnnexDatabase  *db,
                      gint64          item_id,
                      char          **out_reference,
                      GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_reference = NULL;

  stmt = annex_database_prepare (db,
                                 "SELECT reference FROM findings WHERE item_id = ? "
                                 "ORDER BY id LIMIT 1",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, item_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_reference = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not raise the finding"));
      return FALSE;
    }

  return TRUE;
}

/**
 * annex_finding_raise_from_item:
 * @item: a saved checklist item
 * @findings: the register of #AnnexFinding
 * @error: return location for an error
 *
 * Raises a finding from @item in one step; see the header.
 *
 * Returns: (transfer none) (nullable): the new finding, an item of @findings
 */
AnnexFinding *
annex_finding_raise_from_item (AnnexAuditItem  *item,
                               AnnexRegister   *findings,
                               GError         **error)
{
  g_autoptr(AnnexFinding) finding = NULL;
  g_autofree char *existing = NULL;
  AnnexDatabase *db;
  const char *classification;
  const char *notes;

  g_return_val_if_fail (ANNEX_IS_AUDIT_ITEM (item), NULL);
  g_return_val_if_fail (annex_record_get_id (ANNEX_RECORD (item)) > 0, NULL);
  g_return_val_if_fail (ANNEX_IS_REGISTER (findings), NULL);
  g_return_val_if_fail (annex_register_get_record_type (findings) == ANNEX_TYPE_FINDING, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  classification = annex_finding_classification_for_result (annex_audit_item_get_result (item));
  if (classification == NULL)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("Only an item found nonconforming, an observation or an opportunity "
                             "for improvement can raise a finding"));
      return NULL;
    }

  db = annex_register_get_database (findings);
  if (!find_finding_of_item (db, annex_record_get_id (ANNEX_RECORD (item)), &existing, error))
    return NULL;
  if (existing != NULL)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                   _("Finding %s was raised from this item already"), existing);
      return NULL;
    }

  finding = annex_finding_new (annex_audit_item_get_audit_id (item));
  annex_record_set_int (ANNEX_RECORD (finding), "item-id",
                        annex_record_get_id (ANNEX_RECORD (item)));
  annex_record_set_string (ANNEX_RECORD (finding), "classification", classification);
  annex_record_set_string (ANNEX_RECORD (finding), "concerns",
                           annex_audit_item_get_subject (item));

  notes = annex_audit_item_get_notes (item);
  if (annex_field_text_is_blank (notes))
    notes = annex_audit_item_get_title (item);
  annex_record_set_string (ANNEX_RECORD (finding), "description", notes);
  annex_record_set_string (ANNEX_RECORD (finding), "evidence",
                           annex_audit_item_get_evidence (item));

  if (!annex_register_add (findings, ANNEX_RECORD (finding), error))
    return NULL;

  return finding;
}
