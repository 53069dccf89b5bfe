/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-bulk-edit.c: the values of a bulk edit and their application to records. */

#define G_LOG_DOMAIN "annex-bulk-edit"

#include "config.h"

#include "annex-bulk-edit.h"

struct _AnnexBulkEdit
{
  GType             record_type;
  GTypeClass       *klass;     /* a reference, so the field table stays valid */
  const AnnexField *fields;
  guint             n_fields;
  GValue           *values;    /* n_fields; G_VALUE_TYPE 0 where the edit leaves the field */
};

static GType
field_value_type (const AnnexField *field)
{
  switch (field->type)
    {
    case ANNEX_FIELD_INT:
      return G_TYPE_INT64;
    case ANNEX_FIELD_BOOL:
      return G_TYPE_BOOLEAN;
    case ANNEX_FIELD_TEXT:
    case ANNEX_FIELD_LONG_TEXT:
    case ANNEX_FIELD_DATE:
    case ANNEX_FIELD_CHOICE:
    default:
      return G_TYPE_STRING;
    }
}

/* Empty strings and NULL are the same value: records store "" as NULL. */
static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (G_VALUE_TYPE (a) != G_VALUE_TYPE (b))
    return FALSE;
  if (G_VALUE_HOLDS_STRING (a))
    {
      const char *sa = g_value_get_string (a);
      const char *sb = g_value_get_string (b);

      return g_strcmp0 (sa != NULL && *sa != '\0' ? sa : NULL,
                        sb != NULL && *sb != '\0' ? sb : NULL) == 0;
    }
  if (G_VALUE_HOLDS_INT64 (a))
    return g_value_get_int64 (a) == g_value_get_int64 (b);
  if (G_VALUE_HOLDS_BOOLEAN (a))
    return g_value_get_boolean (a) == g_value_get_boolean (b);
  return FALSE;
}

static int
find_field (AnnexBulkEdit *self,
            const char    *name)
{
  for (guint i = 0; name != NULL && i < self->n_fields; i++)
    if (g_str_equal (self->fields[i].name, name))
      return (int) i;

  return -1;
}

static gboolean
record_differs (AnnexBulkEdit *self,
                AnnexRecord   *record)
{
  for (guint i = 0; i < self->n_fields; i++)
    {
      if (G_VALUE_TYPE (&self->values[i]) == 0)
        continue;
      if (!values_equal (&self->values[i], annex_record_get_value (record, i)))
        return TRUE;
    }

  return FALSE;
}

AnnexBulkEdit *
annex_bulk_edit_new (GType record_type)
{
  AnnexBulkEdit *self;

  g_return_val_if_fail (g_type_is_a (record_type, ANNEX_TYPE_RECORD), NULL);

  self = g_new0 (AnnexBulkEdit, 1);
  self->record_type = record_type;
  self->klass = g_type_class_ref (record_type);
  self->fields = annex_record_class_get_fields (ANNEX_RECORD_CLASS (self->klass),
                                                &self->n_fields);
  self->values = g_new0 (GValue, self->n_fields);

  return self;
}

void
annex_bulk_edit_free (AnnexBulkEdit *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->n_fields; i++)
    if (G_VALUE_TYPE (&self->values[i]) != 0)
      g_value_unset (&self->values[i]);
  g_free (self->values);
  g_type_class_unref (self->klass);
  g_free (self);
}

GType
annex_bulk_edit_get_record_type (AnnexBulkEdit *self)
{
  g_return_val_if_fail (self != NULL, G_TYPE_INVALID);

  return self->record_type;
}

gboolean
annex_bulk_edit_set_value (AnnexBulkEdit *self,
                           const char    *name,
                           const GValue  *value)
{
  int index;
  GValue *slot;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);

  index = find_field (self, name);
  if (index < 0 || G_VALUE_TYPE (value) != field_value_type (&self->fields[index]))
    return FALSE;

  slot = &self->values[index];
  if (G_VALUE_TYPE (slot) != 0)
    g_value_unset (slot);
  g_value_init (slot, G_VALUE_TYPE (value));

  if (G_VALUE_HOLDS_STRING (value))
    {
      const char *text = g_value_get_string (value);

      /* An empty text clears the field: stored as NULL, as the records do. */
      g_value_set_string (slot, text != NULL && *text != '\0' ? text : NULL);
    }
  else
    g_value_copy (value, slot);

  return TRUE;
}

gboolean
annex_bulk_edit_set_string (AnnexBulkEdit *self,
                            const char    *name,
                            const char    *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  return annex_bulk_edit_set_value (self, name, &v);
}

gboolean
annex_bulk_edit_set_boolean (AnnexBulkEdit *self,
                             const char    *name,
                             gboolean       value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, value);
  return annex_bulk_edit_set_value (self, name, &v);
}

void
annex_bulk_edit_unset (AnnexBulkEdit *self,
                       const char    *name)
{
  int index;

  g_return_if_fail (self != NULL);

  index = find_field (self, name);
  if (index >= 0 && G_VALUE_TYPE (&self->values[index]) != 0)
    g_value_unset (&self->values[index]);
}

gboolean
annex_bulk_edit_is_set (AnnexBulkEdit *self,
                        const char    *name)
{
  int index;

  g_return_val_if_fail (self != NULL, FALSE);

  index = find_field (self, name);
  return index >= 0 && G_VALUE_TYPE (&self->values[index]) != 0;
}

guint
annex_bulk_edit_get_n_fields (AnnexBulkEdit *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->n_fields; i++)
    if (G_VALUE_TYPE (&self->values[i]) != 0)
      n++;

  return n;
}

guint
annex_bulk_edit_count_changes (AnnexBulkEdit *self,
                               GPtrArray     *records)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (records != NULL, 0);

  for (guint i = 0; i < records->len; i++)
    {
      AnnexRecord *record = g_ptr_array_index (records, i);

      g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (record, self->record_type), 0);
      if (record_differs (self, record))
        n++;
    }

  return n;
}

GPtrArray *
annex_bulk_edit_apply (AnnexBulkEdit  *self,
                       GPtrArray      *records,
                       GPtrArray     **out_before)
{
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GPtrArray) before = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (records != NULL, NULL);

  changed = g_ptr_array_new_with_free_func (g_object_unref);
  before = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < records->len; i++)
    {
      AnnexRecord *record = g_ptr_array_index (records, i);

      g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (record, self->record_type), NULL);
      if (!record_differs (self, record))
        continue;

      g_ptr_array_add (before, annex_record_copy (record));
      g_ptr_array_add (changed, g_object_ref (record));

      /* In field-table order, so a rule that follows a field (a completion date that follows
       * the status) sees the fields before it already set. */
      for (guint j = 0; j < self->n_fields; j++)
        {
          if (G_VALUE_TYPE (&self->values[j]) == 0 ||
              values_equal (&self->values[j], annex_record_get_value (record, j)))
            continue;
          annex_record_set_value (record, j, &self->values[j]);
        }
    }

  if (out_before != NULL)
    *out_before = g_steal_pointer (&before);

  return g_steal_pointer (&changed);
}

void
annex_bulk_edit_restore (GPtrArray *records,
                         GPtrArray *before)
{
  g_return_if_fail (records != NULL && before != NULL);
  g_return_if_fail (records->len == before->len);

  for (guint i = 0; i < records->len; i++)
    {
      AnnexRecord *record = g_ptr_array_index (records, i);
      AnnexRecord *snapshot = g_ptr_array_index (before, i);
      guint n_fields = 0;

      g_return_if_fail (G_OBJECT_TYPE (record) == G_OBJECT_TYPE (snapshot));

      annex_record_class_get_fields (ANNEX_RECORD_GET_CLASS (record), &n_fields);
      for (guint j = 0; j < n_fields; j++)
        {
          const GValue *value = annex_record_get_value (snapshot, j);

          if (!values_equal (value, annex_record_get_value (record, j)))
            annex_record_set_value (record, j, value);
        }
    }
}

gboolean
annex_bulk_edit_common_value (GPtrArray *records,
                              guint      index,
                              GValue    *value)
{
  const GValue *first;

  g_return_val_if_fail (records != NULL, FALSE);

  if (records->len == 0)
    return FALSE;

  first = annex_record_get_value (g_ptr_array_index (records, 0), index);
  if (first == NULL)
    return FALSE;

  for (guint i = 1; i < records->len; i++)
    if (!values_equal (first, annex_record_get_value (g_ptr_array_index (records, i), index)))
      return FALSE;

  if (value != NULL)
    {
      g_value_init (value, G_VALUE_TYPE (first));
      g_value_copy (first, value);
    }

  return TRUE;
}
