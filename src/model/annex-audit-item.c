/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-audit-item.c: the checklist item of an audit: its field table, the rule that its audit
 * exists, the label properties and the checklist order. */

#define G_LOG_DOMAIN "annex-audit-item"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-audit-item.h"
#include "annex-audit-private.h"
#include "annex-store-error.h"

struct _AnnexAuditItem
{
  AnnexRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (AnnexAuditItem, annex_audit_item, ANNEX_TYPE_RECORD)

/* Indexes into fields[]. */
enum {
  FIELD_AUDIT_ID,
  FIELD_POSITION,
  FIELD_SUBJECT_KIND,
  FIELD_SUBJECT,
  FIELD_TITLE,
  FIELD_QUESTION,
  FIELD_RESULT,
  FIELD_NOTES,
  FIELD_EVIDENCE,
  N_FIELDS
};

static const AnnexFieldChoice subject_kind_choices[] = {
  { "clause", N_("Clause") },
  { "control", N_("Control") },
  { "other", N_("Other") },
  { NULL, NULL }
};

static const AnnexFieldChoice result_choices[] = {
  { "not-sampled", N_("Not sampled") },
  { "conform", N_("Conform") },
  { "nonconformity", N_("Nonconformity") },
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
  [FIELD_POSITION] = {
    "position", "position", ANNEX_FIELD_INT, N_("Order"),
    ANNEX_FIELD_FLAG_NONE,
    NULL, "0"
  },
  [FIELD_SUBJECT_KIND] = {
    "subject-kind", "subject_kind", ANNEX_FIELD_CHOICE, N_("Samples"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    subject_kind_choices, "other"
  },
  [FIELD_SUBJECT] = {
    "subject", "subject", ANNEX_FIELD_TEXT, N_("Clause or control"),
    ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_TITLE] = {
    "title", "title", ANNEX_FIELD_TEXT, N_("Title"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_QUESTION] = {
    "question", "question", ANNEX_FIELD_LONG_TEXT, N_("Question"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_RESULT] = {
    "result", "result", ANNEX_FIELD_CHOICE, N_("Result"),
    ANNEX_FIELD_FLAG_REQUIRED | ANNEX_FIELD_FLAG_LIST | ANNEX_FIELD_FLAG_FILTER,
    result_choices, "not-sampled"
  },
  [FIELD_NOTES] = {
    "notes", "notes", ANNEX_FIELD_LONG_TEXT, N_("Notes"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
  [FIELD_EVIDENCE] = {
    "evidence", "evidence", ANNEX_FIELD_LONG_TEXT, N_("Evidence seen"),
    ANNEX_FIELD_FLAG_SEARCHABLE,
    NULL, NULL
  },
};

enum {
  PROP_0,
  PROP_SUBJECT_KIND_LABEL,
  PROP_RESULT_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_field_string (AnnexAuditItem *self,
                  guint           index)
{
  return g_value_get_string (annex_record_get_value (ANNEX_RECORD (self), index));
}

static gint64
get_field_int (AnnexAuditItem *self,
               guint           index)
{
  return g_value_get_int64 (annex_record_get_value (ANNEX_RECORD (self), index));
}

static void
annex_audit_item_field_changed (AnnexRecord *record,
                                guint        index)
{
  if (index == FIELD_SUBJECT_KIND)
    g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_SUBJECT_KIND_LABEL]);
  else if (index == FIELD_RESULT)
    g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_RESULT_LABEL]);
}

static gboolean
annex_audit_item_validate (AnnexRecord  *record,
                           GError      **error)
{
  if (get_field_int (ANNEX_AUDIT_ITEM (record), FIELD_AUDIT_ID) <= 0)
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("A checklist item belongs to an audit: choose one"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
annex_audit_item_check_write (AnnexRecord       *record,
                              AnnexDatabase     *db,
                              AnnexRecordWrite   write,
                              GError           **error)
{
  return _annex_audit_check_child_write (db, get_field_int (ANNEX_AUDIT_ITEM (record),
                                                            FIELD_AUDIT_ID),
                                         write, error);
}

static void
annex_audit_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AnnexRecord *record = ANNEX_RECORD (object);

  if (pspec->owner_type != ANNEX_TYPE_AUDIT_ITEM || prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP)
    {
      G_OBJECT_CLASS (annex_audit_item_parent_class)->get_property (object, prop_id, value,
                                                                    pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_SUBJECT_KIND_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (record, FIELD_SUBJECT_KIND));
      break;

    case PROP_RESULT_LABEL:
      g_value_set_string (value, annex_record_get_choice_label (record, FIELD_RESULT));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_audit_item_class_init (AnnexAuditItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AnnexRecordClass *record_class = ANNEX_RECORD_CLASS (klass);

  object_class->get_property = annex_audit_item_get_property;

  record_class->field_changed = annex_audit_item_field_changed;
  record_class->validate = annex_audit_item_validate;
  record_class->check_write = annex_audit_item_check_write;

  annex_record_class_install_fields (record_class, "audit_items", "AI-", fields, N_FIELDS);

  properties[PROP_SUBJECT_KIND_LABEL] =
    g_param_spec_string ("subject-kind-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESULT_LABEL] =
    g_param_spec_string ("result-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_audit_item_init (AnnexAuditItem *self)
{
}

/**
 * annex_audit_item_new:
 * @audit_id: the id of its audit
 *
 * Returns: (transfer full): a new, unsaved checklist item of the audit (other, not sampled)
 */
AnnexAuditItem *
annex_audit_item_new (gint64 audit_id)
{
  AnnexAuditItem *self = g_object_new (ANNEX_TYPE_AUDIT_ITEM, NULL);

  annex_record_set_int (ANNEX_RECORD (self), "audit-id", audit_id);
  return self;
}

gint64
annex_audit_item_get_audit_id (AnnexAuditItem *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT_ITEM (self), 0);
  return get_field_int (self, FIELD_AUDIT_ID);
}

gint64
annex_audit_item_get_position (AnnexAuditItem *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT_ITEM (self), 0);
  return get_field_int (self, FIELD_POSITION);
}

const char *
annex_audit_item_get_subject_kind (AnnexAuditItem *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT_ITEM (self), NULL);
  return get_field_string (self, FIELD_SUBJECT_KIND);
}

const char *
annex_audit_item_get_subject (AnnexAuditItem *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT_ITEM (self), NULL);
  return get_field_string (self, FIELD_SUBJECT);
}

const char *
annex_audit_item_get_title (AnnexAuditItem *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT_ITEM (self), NULL);
  return get_field_string (self, FIELD_TITLE);
}

const char *
annex_audit_item_get_question (AnnexAuditItem *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT_ITEM (self), NULL);
  return get_field_string (self, FIELD_QUESTION);
}

const char *
annex_audit_item_get_result (AnnexAuditItem *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT_ITEM (self), NULL);
  return get_field_string (self, FIELD_RESULT);
}

const char *
annex_audit_item_get_notes (AnnexAuditItem *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT_ITEM (self), NULL);
  return get_field_string (self, FIELD_NOTES);
}

const char *
annex_audit_item_get_evidence (AnnexAuditItem *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT_ITEM (self), NULL);
  return get_field_string (self, FIELD_EVIDENCE);
}

/**
 * annex_audit_item_next_position:
 * @items: a list model of #AnnexAuditItem
 * @audit_id: the id of an audit
 *
 * Returns: one more than the highest position of the audit's items in @items, 1 when none
 */
gint64
annex_audit_item_next_position (GListModel *items,
                                gint64      audit_id)
{
  gint64 highest = 0;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (items), 1);

  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexAuditItem) item = g_list_model_get_item (items, i);

      if (annex_audit_item_get_audit_id (item) == audit_id)
        highest = MAX (highest, annex_audit_item_get_position (item));
    }

  return highest < G_MAXINT64 ? highest + 1 : highest;
}

int
annex_audit_item_compare (gconstpointer a,
                          gconstpointer b,
                          gpointer      user_data)
{
  AnnexAuditItem *item_a = ANNEX_AUDIT_ITEM ((gpointer) a);
  AnnexAuditItem *item_b = ANNEX_AUDIT_ITEM ((gpointer) b);
  gint64 position_a = annex_audit_item_get_position (item_a);
  gint64 position_b = annex_audit_item_get_position (item_b);
  gint64 id_a = annex_record_get_id (ANNEX_RECORD (item_a));
  gint64 id_b = annex_record_get_id (ANNEX_RECORD (item_b));

  if (position_a != position_b)
    return position_a < position_b ? -1 : 1;
  if (id_a != id_b)
    return id_a < id_b ? -1 : 1;
  return 0;
}
