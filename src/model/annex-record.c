/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-record.c: the base class of every register record: one GObject property per declared
 * field, the values, validation, JSON for the change history and the search match. */

#define G_LOG_DOMAIN "annex-record"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-change-log.h"
#include "annex-record.h"
#include "annex-store-error.h"

/* Per-class data created by annex_record_class_install_fields(), shared (through the copied class
 * struct) by any further subclass. Lives as long as the class, i.e. the process. */
typedef struct
{
  GType        owner_type;
  GParamSpec **pspecs;        /* n_fields, owned by the class */
  GArray      *children;      /* AnnexRecordChild, or NULL */
  const char  *yearly_field;  /* annex_record_class_set_yearly_reference(), or NULL */
} RecordClassData;

typedef struct
{
  gint64  id;
  char   *reference;
  char   *created;
  char   *updated;

  GValue *values;             /* n_values, initialized to the fields' types */
  guint   n_values;

  /* Casefolded search text, built on first use (atomically, so concurrent readers are safe) and
   * dropped whenever a value changes. */
  char   *haystack;
} AnnexRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AnnexRecord, annex_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REFERENCE,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
field_default_int (const AnnexField *field)
{
  if (field->default_value == NULL)
    return 0;
  return g_ascii_strtoll (field->default_value, NULL, 10);
}

static gboolean
field_default_bool (const AnnexField *field)
{
  const char *text = field->default_value;

  return text != NULL && (g_ascii_strcasecmp (text, "true") == 0 || strcmp (text, "1") == 0);
}

static const char *
field_default_string (const AnnexField *field)
{
  if (field->default_value == NULL || field->default_value[0] == '\0')
    return NULL;
  return field->default_value;
}

/* Initializes @value to @field's type with its default (a static string: no copy). */
static void
init_default_value (const AnnexField *field,
                    GValue           *value)
{
  switch (field->type)
    {
    case ANNEX_FIELD_INT:
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, field_default_int (field));
      break;
    case ANNEX_FIELD_BOOL:
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, field_default_bool (field));
      break;
    case ANNEX_FIELD_TEXT:
    case ANNEX_FIELD_LONG_TEXT:
    case ANNEX_FIELD_DATE:
    case ANNEX_FIELD_CHOICE:
    default:
      g_value_init (value, G_TYPE_STRING);
      g_value_set_static_string (value, field_default_string (field));
      break;
    }
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  g_assert (G_VALUE_TYPE (a) == G_VALUE_TYPE (b));

  switch (G_VALUE_TYPE (a))
    {
    case G_TYPE_INT64:
      return g_value_get_int64 (a) == g_value_get_int64 (b);
    case G_TYPE_BOOLEAN:
      return !g_value_get_boolean (a) == !g_value_get_boolean (b);
    case G_TYPE_STRING:
      return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
    default:
      g_assert_not_reached ();
    }
}

static RecordClassData *
get_class_data (AnnexRecordClass *klass)
{
  return klass->priv;
}

static void
invalidate_haystack (AnnexRecord *self)
{
  AnnexRecordPrivate *priv = annex_record_get_instance_private (self);

  g_clear_pointer (&priv->haystack, g_free);
}

/* Stores @value (of the field's type) at @index; notifies and runs field_changed when it differs.
 * @value is taken over (left unset). */
static void
take_field_value (AnnexRecord *self,
                  guint        index,
                  GValue      *value)
{
  AnnexRecordPrivate *priv = annex_record_get_instance_private (self);
  AnnexRecordClass *klass = ANNEX_RECORD_GET_CLASS (self);
  RecordClassData *data = get_class_data (klass);

  g_assert (index < priv->n_values);

  /* "" and NULL are the same empty value; keep NULL so comparisons and SQL see one form. */
  if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) != NULL &&
      g_value_get_string (value)[0] == '\0')
    g_value_set_string (value, NULL);

  if (values_equal (&priv->values[index], value))
    {
      g_value_unset (value);
      return;
    }

  g_value_unset (&priv->values[index]);
  priv->values[index] = *value;
  memset (value, 0, sizeof *value);
  invalidate_haystack (self);

  g_object_notify_by_pspec (G_OBJECT (self), data->pspecs[index]);

  if (klass->field_changed != NULL)
    klass->field_changed (self, index);
}

static gboolean
set_string_if_changed (char       **target,
                       const char  *value)
{
  if (g_strcmp0 (*target, value) == 0)
    return FALSE;

  g_free (*target);
  *target = g_strdup (value);
  return TRUE;
}

static void
annex_record_constructed (GObject *object)
{
  AnnexRecord *self = ANNEX_RECORD (object);
  AnnexRecordPrivate *priv = annex_record_get_instance_private (self);
  AnnexRecordClass *klass = ANNEX_RECORD_GET_CLASS (self);

  G_OBJECT_CLASS (annex_record_parent_class)->constructed (object);

  if (klass->fields == NULL)
    {
      g_critical ("%s has no fields: call annex_record_class_install_fields() in its class_init",
                  G_OBJECT_TYPE_NAME (object));
      return;
    }

  priv->n_values = klass->n_fields;
  priv->values = g_new0 (GValue, priv->n_values);
  for (guint i = 0; i < priv->n_values; i++)
    init_default_value (&klass->fields[i], &priv->values[i]);
}

static void
annex_record_finalize (GObject *object)
{
  AnnexRecord *self = ANNEX_RECORD (object);
  AnnexRecordPrivate *priv = annex_record_get_instance_private (self);

  for (guint i = 0; i < priv->n_values; i++)
    g_value_unset (&priv->values[i]);
  g_clear_pointer (&priv->values, g_free);
  g_clear_pointer (&priv->reference, g_free);
  g_clear_pointer (&priv->created, g_free);
  g_clear_pointer (&priv->updated, g_free);
  g_clear_pointer (&priv->haystack, g_free);

  G_OBJECT_CLASS (annex_record_parent_class)->finalize (object);
}

static void
annex_record_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AnnexRecord *self = ANNEX_RECORD (object);
  AnnexRecordPrivate *priv = annex_record_get_instance_private (self);

  if (pspec->owner_type == ANNEX_TYPE_RECORD)
    {
      switch (prop_id)
        {
        case PROP_ID:
          g_value_set_int64 (value, priv->id);
          return;
        case PROP_REFERENCE:
          g_value_set_string (value, priv->reference);
          return;
        case PROP_CREATED:
          g_value_set_string (value, priv->created);
          return;
        case PROP_UPDATED:
          g_value_set_string (value, priv->updated);
          return;
        default:
          break;
        }
    }
  else if (prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP &&
           prop_id - ANNEX_RECORD_FIRST_FIELD_PROP < priv->n_values)
    {
      g_value_copy (&priv->values[prop_id - ANNEX_RECORD_FIRST_FIELD_PROP], value);
      return;
    }

  G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
annex_record_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AnnexRecord *self = ANNEX_RECORD (object);
  AnnexRecordPrivate *priv = annex_record_get_instance_private (self);

  if (pspec->owner_type != ANNEX_TYPE_RECORD &&
      prop_id >= ANNEX_RECORD_FIRST_FIELD_PROP &&
      prop_id - ANNEX_RECORD_FIRST_FIELD_PROP < priv->n_values)
    {
      GValue copy = G_VALUE_INIT;

      g_value_init (&copy, G_VALUE_TYPE (value));
      g_value_copy (value, &copy);
      take_field_value (self, prop_id - ANNEX_RECORD_FIRST_FIELD_PROP, &copy);
      return;
    }

  G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
annex_record_class_init (AnnexRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = annex_record_constructed;
  object_class->finalize = annex_record_finalize;
  object_class->get_property = annex_record_get_property;
  object_class->set_property = annex_record_set_property;

  klass->first_field_prop = ANNEX_RECORD_FIRST_FIELD_PROP;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_string ("created", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED] =
    g_param_spec_string ("updated", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_record_init (AnnexRecord *self)
{
}

/**
 * annex_record_class_install_fields:
 * @klass: the class of a record type, in its class_init
 * @table: its SQL table (a trusted identifier)
 * @reference_prefix: (nullable): the prefix of its reference codes, e.g. "A-"; %NULL when the
 *   user supplies each record's reference (annex_record_set_reference())
 * @fields: (array length=n_fields): the static field table
 * @n_fields: the number of fields
 *
 * Declares the record type's fields and installs one property per field on @klass, with ids from
 * %ANNEX_RECORD_FIRST_FIELD_PROP. @fields must stay valid for the life of the process.
 */
void
annex_record_class_install_fields (AnnexRecordClass *klass,
                                   const char       *table,
                                   const char       *reference_prefix,
                                   const AnnexField *fields,
                                   guint             n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RecordClassData *data;

  g_return_if_fail (ANNEX_IS_RECORD_CLASS (klass));
  g_return_if_fail (table != NULL);
  g_return_if_fail (fields != NULL);
  g_return_if_fail (n_fields > 0);
  g_return_if_fail (klass->priv == NULL ||
                    ((RecordClassData *) klass->priv)->owner_type != G_TYPE_FROM_CLASS (klass));

  data = g_new0 (RecordClassData, 1);
  data->owner_type = G_TYPE_FROM_CLASS (klass);
  data->pspecs = g_new0 (GParamSpec *, n_fields);

  klass->table = table;
  klass->reference_prefix = reference_prefix;
  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->first_field_prop = ANNEX_RECORD_FIRST_FIELD_PROP;
  klass->priv = data;

  /* GObject does not inherit get_property/set_property: every class that installs properties
   * needs its own. A subclass that sets one itself chains up to ours (see the header). */
  if (object_class->get_property == NULL)
    object_class->get_property = annex_record_get_property;
  if (object_class->set_property == NULL)
    object_class->set_property = annex_record_set_property;

  for (guint i = 0; i < n_fields; i++)
    {
      const AnnexField *field = &fields[i];
      const GParamFlags flags =
        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
      GParamSpec *pspec;

      switch (field->type)
        {
        case ANNEX_FIELD_INT:
          pspec = g_param_spec_int64 (field->name, field->label, NULL,
                                      G_MININT64, G_MAXINT64, field_default_int (field),
                                      flags);
          break;
        case ANNEX_FIELD_BOOL:
          pspec = g_param_spec_boolean (field->name, field->label, NULL,
                                        field_default_bool (field),
                                        flags);
          break;
        case ANNEX_FIELD_TEXT:
        case ANNEX_FIELD_LONG_TEXT:
        case ANNEX_FIELD_DATE:
        case ANNEX_FIELD_CHOICE:
        default:
          pspec = g_param_spec_string (field->name, field->label, NULL,
                                       field_default_string (field),
                                       flags);
          break;
        }

      data->pspecs[i] = pspec;
      g_object_class_install_property (object_class, ANNEX_RECORD_FIRST_FIELD_PROP + i, pspec);
    }
}

/**
 * annex_record_class_add_child:
 * @klass: the class of a record type, in its class_init, after its fields are installed
 * @child_type: a record type whose records depend on @klass's records
 * @parent_field_name: the name of @child_type's INT field that holds the parent's id
 *
 * Declares @child_type as a dependent of @klass: the register removes a parent's children (and
 * restores them) with the parent. Only @child_type's GType is needed here; its field is looked
 * up when the register first uses it.
 */
void
annex_record_class_add_child (AnnexRecordClass *klass,
                              GType             child_type,
                              const char       *parent_field_name)
{
  RecordClassData *data;
  AnnexRecordChild child;

  g_return_if_fail (ANNEX_IS_RECORD_CLASS (klass));
  g_return_if_fail (g_type_is_a (child_type, ANNEX_TYPE_RECORD));
  g_return_if_fail (parent_field_name != NULL);
  g_return_if_fail (klass->priv != NULL);

  data = get_class_data (klass);
  g_return_if_fail (data->owner_type == G_TYPE_FROM_CLASS (klass));

  if (data->children == NULL)
    data->children = g_array_new (FALSE, FALSE, sizeof (AnnexRecordChild));

  child.child_type = child_type;
  child.parent_field = parent_field_name;
  g_array_append_val (data->children, child);
}

const AnnexRecordChild *
annex_record_class_get_children (AnnexRecordClass *klass,
                                 guint            *n_children)
{
  RecordClassData *data;

  g_return_val_if_fail (ANNEX_IS_RECORD_CLASS (klass), NULL);

  data = get_class_data (klass);
  if (data == NULL || data->children == NULL || data->children->len == 0)
    {
      if (n_children != NULL)
        *n_children = 0;
      return NULL;
    }

  if (n_children != NULL)
    *n_children = data->children->len;
  return &g_array_index (data->children, AnnexRecordChild, 0);
}

/**
 * annex_record_class_set_yearly_reference:
 * @klass: the class of a record type with a reference prefix, in its class_init, after its
 *   fields are installed
 * @date_field: the name of one of its DATE fields, whose year numbers the reference
 *
 * Makes the register number @klass's references per year ("IA-2026-01"); see the header.
 */
void
annex_record_class_set_yearly_reference (AnnexRecordClass *klass,
                                         const char       *date_field)
{
  RecordClassData *data;
  const AnnexField *field;

  g_return_if_fail (ANNEX_IS_RECORD_CLASS (klass));
  g_return_if_fail (klass->priv != NULL);
  g_return_if_fail (klass->reference_prefix != NULL);
  g_return_if_fail (date_field != NULL);

  data = get_class_data (klass);
  g_return_if_fail (data->owner_type == G_TYPE_FROM_CLASS (klass));

  field = annex_record_class_find_field (klass, date_field, NULL);
  g_return_if_fail (field != NULL && field->type == ANNEX_FIELD_DATE);

  data->yearly_field = field->name;
}

const char *
annex_record_class_get_yearly_reference_field (AnnexRecordClass *klass)
{
  RecordClassData *data;

  g_return_val_if_fail (ANNEX_IS_RECORD_CLASS (klass), NULL);

  data = get_class_data (klass);
  return data != NULL ? data->yearly_field : NULL;
}

const char *
annex_record_class_get_table (AnnexRecordClass *klass)
{
  g_return_val_if_fail (ANNEX_IS_RECORD_CLASS (klass), NULL);
  return klass->table;
}

const char *
annex_record_class_get_reference_prefix (AnnexRecordClass *klass)
{
  g_return_val_if_fail (ANNEX_IS_RECORD_CLASS (klass), NULL);
  return klass->reference_prefix;
}

const AnnexField *
annex_record_class_get_fields (AnnexRecordClass *klass,
                               guint            *n_fields)
{
  g_return_val_if_fail (ANNEX_IS_RECORD_CLASS (klass), NULL);

  if (n_fields != NULL)
    *n_fields = klass->n_fields;
  return klass->fields;
}

const AnnexField *
annex_record_class_find_field (AnnexRecordClass *klass,
                               const char       *name,
                               guint            *out_index)
{
  g_return_val_if_fail (ANNEX_IS_RECORD_CLASS (klass), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (strcmp (klass->fields[i].name, name) == 0)
        {
          if (out_index != NULL)
            *out_index = i;
          return &klass->fields[i];
        }
    }

  return NULL;
}

gint64
annex_record_get_id (AnnexRecord *self)
{
  AnnexRecordPrivate *priv;

  g_return_val_if_fail (ANNEX_IS_RECORD (self), 0);

  priv = annex_record_get_instance_private (self);
  return priv->id;
}

const char *
annex_record_get_reference (AnnexRecord *self)
{
  AnnexRecordPrivate *priv;

  g_return_val_if_fail (ANNEX_IS_RECORD (self), NULL);

  priv = annex_record_get_instance_private (self);
  return priv->reference;
}

const char *
annex_record_get_created (AnnexRecord *self)
{
  AnnexRecordPrivate *priv;

  g_return_val_if_fail (ANNEX_IS_RECORD (self), NULL);

  priv = annex_record_get_instance_private (self);
  return priv->created;
}

const char *
annex_record_get_updated (AnnexRecord *self)
{
  AnnexRecordPrivate *priv;

  g_return_val_if_fail (ANNEX_IS_RECORD (self), NULL);

  priv = annex_record_get_instance_private (self);
  return priv->updated;
}

const GValue *
annex_record_get_value (AnnexRecord *self,
                        guint        index)
{
  AnnexRecordPrivate *priv;

  g_return_val_if_fail (ANNEX_IS_RECORD (self), NULL);
  priv = annex_record_get_instance_private (self);
  g_return_val_if_fail (index < priv->n_values, NULL);

  return &priv->values[index];
}

/**
 * annex_record_get_choice_label:
 * @self: a record
 * @index: the index of a CHOICE field in the class's field table
 *
 * Returns: (nullable): the translated label of the field's current value; %NULL when it is
 *   empty or not one of the choices
 */
const char *
annex_record_get_choice_label (AnnexRecord *self,
                               guint        index)
{
  const AnnexRecordClass *klass;
  const char *label;

  g_return_val_if_fail (ANNEX_IS_RECORD (self), NULL);
  klass = ANNEX_RECORD_GET_CLASS (self);
  g_return_val_if_fail (index < klass->n_fields, NULL);
  g_return_val_if_fail (klass->fields[index].type == ANNEX_FIELD_CHOICE, NULL);

  label = annex_field_get_choice_label (&klass->fields[index],
                                        g_value_get_string (annex_record_get_value (self, index)));
  return label != NULL ? _(label) : NULL;
}

/**
 * annex_record_set_reference:
 * @self: an unsaved record (id 0) of a type without a reference prefix
 * @reference: (nullable): the reference the user chose, e.g. "ORG-1"
 *
 * Sets the reference under which annex_register_add() will insert @self. The register checks it
 * (not empty, at most 20 characters, no white space, not used yet).
 */
void
annex_record_set_reference (AnnexRecord *self,
                            const char  *reference)
{
  AnnexRecordPrivate *priv;

  g_return_if_fail (ANNEX_IS_RECORD (self));

  priv = annex_record_get_instance_private (self);
  g_return_if_fail (priv->id == 0);

  if (reference != NULL && reference[0] == '\0')
    reference = NULL;
  if (!set_string_if_changed (&priv->reference, reference))
    return;

  invalidate_haystack (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE]);
}

/**
 * annex_record_can_add:
 * @self: a record
 * @error: return location for an %ANNEX_STORE_ERROR_INVALID error
 *
 * Returns: %TRUE when the user may add @self to its register (the class's can_add vfunc)
 */
gboolean
annex_record_can_add (AnnexRecord  *self,
                      GError      **error)
{
  AnnexRecordClass *klass;

  g_return_val_if_fail (ANNEX_IS_RECORD (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  klass = ANNEX_RECORD_GET_CLASS (self);
  return klass->can_add == NULL || klass->can_add (self, error);
}

/**
 * annex_record_can_delete:
 * @self: a record
 * @error: return location for an %ANNEX_STORE_ERROR_INVALID error
 *
 * Returns: %TRUE when the user may delete @self (the class's can_delete vfunc)
 */
gboolean
annex_record_can_delete (AnnexRecord  *self,
                         GError      **error)
{
  AnnexRecordClass *klass;

  g_return_val_if_fail (ANNEX_IS_RECORD (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  klass = ANNEX_RECORD_GET_CLASS (self);
  return klass->can_delete == NULL || klass->can_delete (self, error);
}

/**
 * annex_record_set_value:
 * @self: a record
 * @index: the field's index in the class's field table
 * @value: the new value, of the field's type or one transformable to it
 *
 * Sets a field; notifies the field's property (and runs the class's field_changed) only when the
 * value changes.
 */
void
annex_record_set_value (AnnexRecord  *self,
                        guint         index,
                        const GValue *value)
{
  AnnexRecordPrivate *priv;
  GValue converted = G_VALUE_INIT;

  g_return_if_fail (ANNEX_IS_RECORD (self));
  g_return_if_fail (G_IS_VALUE (value));

  priv = annex_record_get_instance_private (self);
  g_return_if_fail (index < priv->n_values);

  g_value_init (&converted, G_VALUE_TYPE (&priv->values[index]));
  if (!g_value_transform (value, &converted))
    {
      g_critical ("Cannot store a %s in the %s field “%s”",
                  G_VALUE_TYPE_NAME (value), G_VALUE_TYPE_NAME (&converted),
                  ANNEX_RECORD_GET_CLASS (self)->fields[index].name);
      g_value_unset (&converted);
      return;
    }

  take_field_value (self, index, &converted);
}

const char *
annex_record_get_string (AnnexRecord *self,
                         const char  *name)
{
  AnnexRecordPrivate *priv;
  guint index;

  g_return_val_if_fail (ANNEX_IS_RECORD (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  priv = annex_record_get_instance_private (self);

  if (annex_record_class_find_field (ANNEX_RECORD_GET_CLASS (self), name, &index) == NULL ||
      !G_VALUE_HOLDS_STRING (&priv->values[index]))
    return NULL;

  return g_value_get_string (&priv->values[index]);
}

void
annex_record_set_string (AnnexRecord *self,
                         const char  *name,
                         const char  *value)
{
  AnnexRecordPrivate *priv;
  GValue gvalue = G_VALUE_INIT;
  guint index;

  g_return_if_fail (ANNEX_IS_RECORD (self));
  g_return_if_fail (name != NULL);

  priv = annex_record_get_instance_private (self);

  if (annex_record_class_find_field (ANNEX_RECORD_GET_CLASS (self), name, &index) == NULL)
    {
      g_critical ("%s has no field “%s”", G_OBJECT_TYPE_NAME (self), name);
      return;
    }
  g_return_if_fail (G_VALUE_HOLDS_STRING (&priv->values[index]));

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);
  take_field_value (self, index, &gvalue);
}

gint64
annex_record_get_int (AnnexRecord *self,
                      const char  *name)
{
  AnnexRecordPrivate *priv;
  guint index;

  g_return_val_if_fail (ANNEX_IS_RECORD (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  priv = annex_record_get_instance_private (self);

  if (annex_record_class_find_field (ANNEX_RECORD_GET_CLASS (self), name, &index) == NULL)
    return 0;

  if (G_VALUE_HOLDS_INT64 (&priv->values[index]))
    return g_value_get_int64 (&priv->values[index]);
  if (G_VALUE_HOLDS_BOOLEAN (&priv->values[index]))
    return g_value_get_boolean (&priv->values[index]) ? 1 : 0;

  return 0;
}

void
annex_record_set_int (AnnexRecord *self,
                      const char  *name,
                      gint64       value)
{
  GValue gvalue = G_VALUE_INIT;
  guint index;

  g_return_if_fail (ANNEX_IS_RECORD (self));
  g_return_if_fail (name != NULL);

  if (annex_record_class_find_field (ANNEX_RECORD_GET_CLASS (self), name, &index) == NULL)
    {
      g_critical ("%s has no field “%s”", G_OBJECT_TYPE_NAME (self), name);
      return;
    }

  g_value_init (&gvalue, G_TYPE_INT64);
  g_value_set_int64 (&gvalue, value);
  annex_record_set_value (self, index, &gvalue);
  g_value_unset (&gvalue);
}

gboolean
annex_record_check_write (AnnexRecord       *self,
                          AnnexDatabase     *db,
                          AnnexRecordWrite   write,
                          GError           **error)
{
  AnnexRecordClass *klass;

  g_return_val_if_fail (ANNEX_IS_RECORD (self), FALSE);
  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  klass = ANNEX_RECORD_GET_CLASS (self);
  if (klass->check_write == NULL)
    return TRUE;

  return klass->check_write (self, db, write, error);
}

/**
 * annex_record_validate:
 * @self: a record
 * @error: return location for an %ANNEX_STORE_ERROR_INVALID error
 *
 * Checks that required fields are filled in (text of only blanks counts as empty), that DATE
 * fields hold valid "YYYY-MM-DD" dates and CHOICE fields one of their choices, then runs the
 * class's validate vfunc. The message names the field by its translated label.
 *
 * Returns: %TRUE when the record may be saved
 */
gboolean
annex_record_validate (AnnexRecord  *self,
                       GError      **error)
{
  AnnexRecordPrivate *priv;
  AnnexRecordClass *klass;

  g_return_val_if_fail (ANNEX_IS_RECORD (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  priv = annex_record_get_instance_private (self);

  klass = ANNEX_RECORD_GET_CLASS (self);

  for (guint i = 0; i < priv->n_values; i++)
    {
      const AnnexField *field = &klass->fields[i];
      const char *text;

      if (!G_VALUE_HOLDS_STRING (&priv->values[i]))
        continue;

      text = g_value_get_string (&priv->values[i]);

      if ((field->flags & ANNEX_FIELD_FLAG_REQUIRED) != 0 && annex_field_text_is_blank (text))
        {
          g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                       _("“%s” is required"), _(field->label));
          return FALSE;
        }

      if (text == NULL)
        continue;

      if (field->type == ANNEX_FIELD_DATE && !annex_field_date_is_valid (text))
        {
          g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                       _("“%s” must be a date written as YYYY-MM-DD, not “%s”"),
                       _(field->label), text);
          return FALSE;
        }

      if (field->type == ANNEX_FIELD_CHOICE && annex_field_get_choice_index (field, text) < 0)
        {
          g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                       _("“%s” cannot be “%s”"), _(field->label), text);
          return FALSE;
        }
    }

  if (klass->validate != NULL)
    return klass->validate (self, error);

  return TRUE;
}

char *
_annex_record_dup_value_string (AnnexRecord *self,
                                guint        index)
{
  AnnexRecordPrivate *priv;
  const GValue *value;

  g_return_val_if_fail (ANNEX_IS_RECORD (self), NULL);
  priv = annex_record_get_instance_private (self);
  g_return_val_if_fail (index < priv->n_values, NULL);

  value = &priv->values[index];

  if (G_VALUE_HOLDS_INT64 (value))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return g_strdup (g_value_get_boolean (value) ? "true" : "false");

  return g_value_dup_string (value);
}

/**
 * annex_record_to_json:
 * @self: a record
 *
 * A JSON object of the reference and the field values keyed by SQL column, every value a string
 * (INT in decimal, BOOL as "true"/"false") or null when empty.
 *
 * Returns: (transfer full): the JSON text
 */
char *
annex_record_to_json (AnnexRecord *self)
{
  AnnexRecordPrivate *priv;
  AnnexRecordClass *klass;
  g_autofree const char **keys = NULL;
  g_autofree char **values = NULL;
  char *json;

  g_return_val_if_fail (ANNEX_IS_RECORD (self), NULL);

  priv = annex_record_get_instance_private (self);
  klass = ANNEX_RECORD_GET_CLASS (self);
  keys = g_new0 (const char *, priv->n_values + 2);
  values = g_new0 (char *, priv->n_values + 2);

  keys[0] = "reference";
  values[0] = g_strdup (priv->reference);
  for (guint i = 0; i < priv->n_values; i++)
    {
      keys[i + 1] = klass->fields[i].column;
      values[i + 1] = _annex_record_dup_value_string (self, i);
    }

  json = annex_change_log_json_object (keys, (const char * const *) values, priv->n_values + 1);

  for (guint i = 0; i < priv->n_values + 1; i++)
    g_free (values[i]);

  return json;
}

/* Appends @text normalized (NFC) and casefolded, after a '\n' separator when not first. */
static void
append_folded (GString    *haystack,
               const char *text)
{
  g_autofree char *normalized = NULL;
  g_autofree char *folded = NULL;
  const char *p;

  if (text == NULL || text[0] == '\0')
    return;

  if (haystack->len > 0)
    g_string_append_c (haystack, '\n');

  /* Most text is ASCII: there NFC changes nothing and casefolding is lowercasing. */
  for (p = text; *p != '\0' && (guchar) *p < 0x80; p++)
    ;
  if (*p == '\0')
    {
      gsize start = haystack->len;

      g_string_append_len (haystack, text, p - text);
      for (char *c = haystack->str + start; *c != '\0'; c++)
        {
          if (*c >= 'A' && *c <= 'Z')
            *c += 'a' - 'A';
        }
      return;
    }

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (normalized == NULL)
    return;  /* not valid UTF-8: nothing a query could match */

  folded = g_utf8_casefold (normalized, -1);
  g_string_append (haystack, folded);
}

static char *
build_haystack (AnnexRecord *self)
{
  AnnexRecordPrivate *priv = annex_record_get_instance_private (self);
  AnnexRecordClass *klass = ANNEX_RECORD_GET_CLASS (self);
  GString *haystack;
  gsize size = 1;

  if (priv->reference != NULL)
    size += strlen (priv->reference) + 1;
  for (guint i = 0; i < priv->n_values; i++)
    {
      if ((klass->fields[i].flags & ANNEX_FIELD_FLAG_SEARCHABLE) != 0 &&
          G_VALUE_HOLDS_STRING (&priv->values[i]) && g_value_get_string (&priv->values[i]) != NULL)
        size += strlen (g_value_get_string (&priv->values[i])) + 1;
    }

  haystack = g_string_sized_new (size);
  append_folded (haystack, priv->reference);

  if (klass->dup_search_text != NULL)
    {
      g_autofree char *extra = klass->dup_search_text (self);

      append_folded (haystack, extra);
    }

  for (guint i = 0; i < priv->n_values; i++)
    {
      const AnnexField *field = &klass->fields[i];
      const GValue *value = &priv->values[i];

      if ((field->flags & ANNEX_FIELD_FLAG_SEARCHABLE) == 0)
        continue;

      if (field->type == ANNEX_FIELD_CHOICE)
        {
          const char *label = annex_field_get_choice_label (field, g_value_get_string (value));

          append_folded (haystack, label != NULL ? _(label) : g_value_get_string (value));
        }
      else if (G_VALUE_HOLDS_STRING (value))
        {
          append_folded (haystack, g_value_get_string (value));
        }
      else if (G_VALUE_HOLDS_INT64 (value))
        {
          char buffer[32];

          g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, g_value_get_int64 (value));
          append_folded (haystack, buffer);
        }
    }

  return g_string_free (haystack, FALSE);
}

static const char *
get_haystack (AnnexRecord *self)
{
  AnnexRecordPrivate *priv = annex_record_get_instance_private (self);
  char *haystack = g_atomic_pointer_get (&priv->haystack);

  if (haystack == NULL)
    {
      haystack = build_haystack (self);
      if (!g_atomic_pointer_compare_and_exchange (&priv->haystack, NULL, haystack))
        {
          /* Another thread built it first: use theirs. */
          g_free (haystack);
          haystack = g_atomic_pointer_get (&priv->haystack);
        }
    }

  return haystack;
}

gboolean
annex_record_matches (AnnexRecord *self,
                      const char  *casefolded_query)
{
  const char *haystack;
  const char *word;

  g_return_val_if_fail (ANNEX_IS_RECORD (self), FALSE);

  if (casefolded_query == NULL || casefolded_query[0] == '\0')
    return TRUE;

  haystack = get_haystack (self);

  /* The common case, one word: no copy at all. */
  if (strchr (casefolded_query, ' ') == NULL)
    return strstr (haystack, casefolded_query) != NULL;

  word = casefolded_query;
  while (*word != '\0')
    {
      const char *end;
      gsize len;

      while (*word == ' ')
        word++;
      if (*word == '\0')
        break;

      end = strchr (word, ' ');
      if (end == NULL)
        end = word + strlen (word);
      len = (gsize) (end - word);

      {
        char buffer[256];
        g_autofree char *heap = NULL;
        char *needle;

        if (len < sizeof buffer)
          {
            memcpy (buffer, word, len);
            buffer[len] = '\0';
            needle = buffer;
          }
        else
          {
            needle = heap = g_strndup (word, len);
          }

        if (strstr (haystack, needle) == NULL)
          return FALSE;
      }

      word = end;
    }

  return TRUE;
}

char *
annex_record_prepare_query (const char *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL)
    return g_strdup ("");

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (normalized == NULL)
    return g_strdup ("");

  return g_utf8_casefold (normalized, -1);
}

/**
 * annex_record_copy:
 * @self: a record
 *
 * Returns: (transfer full): a new record of the same type with the same id, reference, timestamps
 *   and values
 */
AnnexRecord *
annex_record_copy (AnnexRecord *self)
{
  AnnexRecordPrivate *priv;
  AnnexRecordPrivate *copy_priv;
  AnnexRecord *copy;

  g_return_val_if_fail (ANNEX_IS_RECORD (self), NULL);

  priv = annex_record_get_instance_private (self);

  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  copy_priv = annex_record_get_instance_private (copy);

  _annex_record_set_identity (copy, priv->id, priv->reference, priv->created, priv->updated);

  g_assert (copy_priv->n_values == priv->n_values);
  for (guint i = 0; i < priv->n_values; i++)
    {
      g_value_unset (&copy_priv->values[i]);
      g_value_init (&copy_priv->values[i], G_VALUE_TYPE (&priv->values[i]));
      g_value_copy (&priv->values[i], &copy_priv->values[i]);
    }

  return copy;
}

void
_annex_record_set_identity (AnnexRecord *self,
                            gint64       id,
                            const char  *reference,
                            const char  *created,
                            const char  *updated)
{
  AnnexRecordPrivate *priv;

  g_return_if_fail (ANNEX_IS_RECORD (self));

  priv = annex_record_get_instance_private (self);

  priv->id = id;
  set_string_if_changed (&priv->reference, reference);
  set_string_if_changed (&priv->created, created);
  set_string_if_changed (&priv->updated, updated);
  invalidate_haystack (self);
}

void
_annex_record_assign_identity (AnnexRecord *self,
                               gint64       id,
                               const char  *reference,
                               const char  *created,
                               const char  *updated)
{
  AnnexRecordPrivate *priv;
  GObject *object = G_OBJECT (self);

  g_return_if_fail (ANNEX_IS_RECORD (self));

  priv = annex_record_get_instance_private (self);

  g_object_freeze_notify (object);

  if (priv->id != id)
    {
      priv->id = id;
      g_object_notify_by_pspec (object, properties[PROP_ID]);
    }
  if (set_string_if_changed (&priv->reference, reference))
    {
      invalidate_haystack (self);
      g_object_notify_by_pspec (object, properties[PROP_REFERENCE]);
    }
  if (set_string_if_changed (&priv->created, created))
    g_object_notify_by_pspec (object, properties[PROP_CREATED]);
  if (set_string_if_changed (&priv->updated, updated))
    g_object_notify_by_pspec (object, properties[PROP_UPDATED]);

  g_object_thaw_notify (object);
}

void
_annex_record_load_values (AnnexRecord *self,
                           GValue      *values)
{
  AnnexRecordPrivate *priv;

  g_return_if_fail (ANNEX_IS_RECORD (self));
  g_return_if_fail (values != NULL);

  priv = annex_record_get_instance_private (self);

  for (guint i = 0; i < priv->n_values; i++)
    {
      g_assert (G_VALUE_TYPE (&values[i]) == G_VALUE_TYPE (&priv->values[i]));

      if (G_VALUE_HOLDS_STRING (&values[i]) && g_value_get_string (&values[i]) != NULL &&
          g_value_get_string (&values[i])[0] == '\0')
        g_value_set_string (&values[i], NULL);

      g_value_unset (&priv->values[i]);
      priv->values[i] = values[i];
      memset (&values[i], 0, sizeof values[i]);
    }

  invalidate_haystack (self);
}
