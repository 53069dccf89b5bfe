/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-record.h: the base class of every register record. A subclass declares its field table
 * in class_init with annex_record_class_install_fields(); the base class installs one property per
 * field and stores the values. */

#pragma once

#include <glib-object.h>

#include "annex-field.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_RECORD (annex_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (AnnexRecord, annex_record, ANNEX, RECORD, GObject)

struct _AnnexRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  const char       *table;             /* SQL table, e.g. "actions" */
  const char       *reference_prefix;  /* e.g. "A-" gives … */
  const AnnexField *fields;
  guint             n_fields;
  guint             first_field_prop;  /* property id of fields[0] */

  /*< public >*/
  /* Extra validation beyond required fields and date syntax; may be NULL. */
  gboolean (*validate) (AnnexRecord  *self,
                        GError      **error);

  gpointer padding[8];
};

/* Built-in properties of every record: "id" (gint64, 0 until saved), "reference" (string, e.g.
 * "A-014", set on insert), "created" and "updated" (ISO 8601 UTC strings). Then one property per
 * field, named after the field. Setting a property emits notify only when the value changes. */

void              annex_record_class_install_fields (AnnexRecordClass *klass,
                                                     const char       *table,
                                                     const char       *reference_prefix,
                                                     const AnnexField *fields,
                                                     guint             n_fields);

const char       *annex_record_class_get_table      (AnnexRecordClass *klass);
const char       *annex_record_class_get_reference_prefix (AnnexRecordClass *klass);
const AnnexField *annex_record_class_get_fields     (AnnexRecordClass *klass,
                                                     guint            *n_fields);
/* The field named @name, or NULL; *out_index (may be NULL) receives its index. */
const AnnexField *annex_record_class_find_field     (AnnexRecordClass *klass,
                                                     const char       *name,
                                                     guint            *out_index);

gint64            annex_record_get_id               (AnnexRecord      *self);
const char       *annex_record_get_reference        (AnnexRecord      *self);
const char       *annex_record_get_created          (AnnexRecord      *self);
const char       *annex_record_get_updated          (AnnexRecord      *self);

/* Field access by index into the class's field table. The GValue holds a string (TEXT, LONG_TEXT,
 * DATE, CHOICE; NULL when empty), a gint64 (INT) or a gboolean (BOOL). */
const GValue     *annex_record_get_value            (AnnexRecord      *self,
                                                     guint             index);
void              annex_record_set_value            (AnnexRecord      *self,
                                                     guint             index,
                                                     const GValue     *value);
/* Convenience by field name for string-typed fields (NULL when empty or unknown). */
const char       *annex_record_get_string           (AnnexRecord      *self,
                                                     const char       *name);
void              annex_record_set_string           (AnnexRecord      *self,
                                                     const char       *name,
                                                     const char       *value);
gint64            annex_record_get_int              (AnnexRecord      *self,
                                                     const char       *name);
void              annex_record_set_int              (AnnexRecord      *self,
                                                     const char       *name,
                                                     gint64            value);

/* Checks required fields, dates and the class's validate vfunc. Error: ANNEX_STORE_ERROR_INVALID
 * with a message naming the field ("“Title” is required"). */
gboolean          annex_record_validate             (AnnexRecord      *self,
                                                     GError          **error);

/* A JSON object of the record's reference and field values, keyed by column (for the change
 * history and exports). */
char             *annex_record_to_json              (AnnexRecord      *self);

/* TRUE when every word of @casefolded_query (already g_utf8_casefold()ed, words separated by
 * spaces) occurs in the reference or a SEARCHABLE field. An empty query matches everything.
 * Thread-safe for records not being modified. */
gboolean          annex_record_matches              (AnnexRecord      *self,
                                                     const char       *casefolded_query);

/* A new record of the same type with the same id, reference, timestamps and values. */
AnnexRecord      *annex_record_copy                 (AnnexRecord      *self);

/* For AnnexRegister: set the built-in values without notification side effects on load. */
void              _annex_record_set_identity        (AnnexRecord      *self,
                                                     gint64            id,
                                                     const char       *reference,
                                                     const char       *created,
                                                     const char       *updated);
/* Take over @values (n_fields GValues) without notifying: used when loading rows. */
void              _annex_record_load_values         (AnnexRecord      *self,
                                                     GValue           *values);

G_END_DECLS
