/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-record.h: the base class of every register record. A subclass declares its field table
 * in class_init with annex_record_class_install_fields(); the base class installs one property per
 * field and stores the values. */

#pragma once

#include <glib-object.h>

#include "annex-database.h"
#include "annex-field.h"

G_BEGIN_DECLS

/* Property ids of a subclass's own properties must stay below this; the field properties are
 * numbered from here (fields[i] has id ANNEX_RECORD_FIRST_FIELD_PROP + i). */
#define ANNEX_RECORD_FIRST_FIELD_PROP 1000

/* What a register is about to write, for AnnexRecordClass.check_write. */
typedef enum
{
  ANNEX_RECORD_WRITE_ADD,      /* annex_register_add() */
  ANNEX_RECORD_WRITE_SAVE,     /* annex_register_save(), save_many(): only a record that changed */
  ANNEX_RECORD_WRITE_REMOVE,   /* annex_register_remove(), also a child removed with its parent */
  ANNEX_RECORD_WRITE_RESTORE,  /* annex_register_restore(), also a child restored with its parent */
} AnnexRecordWrite;

/* A dependent record type declared with annex_record_class_add_child(). */
typedef struct
{
  GType       child_type;
  const char *parent_field;  /* the name of the child's INT field holding the parent's id */
} AnnexRecordChild;

#define ANNEX_TYPE_RECORD (annex_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (AnnexRecord, annex_record, ANNEX, RECORD, GObject)

struct _AnnexRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  const char       *table;             /* SQL table, e.g. "actions" */
  const char       *reference_prefix;  /* e.g. "A-" gives …; NULL: the user supplies
                                        * the reference (annex_record_set_reference()) */
  const AnnexField *fields;
  guint             n_fields;
  guint             first_field_prop;  /* property id of fields[0] */
  gpointer          priv;              /* per-class data of annex-record.c */

  /*< public >*/
  /* Extra validation beyond required fields and date syntax; may be NULL. */
  gboolean (*validate) (AnnexRecord  *self,
                        GError      **error);
  /* Called after the field at @index changed through a property, annex_record_set_value() or a
   * setter (and after its notify), never while loading or copying. For computed properties and
   * rules that follow a field (e.g. an action's completion date); may be NULL. */
  void     (*field_changed) (AnnexRecord *self,
                             guint        index);
  /* Whether the user may add @self (annex_register_add(), annex_register_restore()); on refusal
   * sets ANNEX_STORE_ERROR_INVALID with a message for the user. NULL: always. */
  gboolean (*can_add)       (AnnexRecord  *self,
                             GError      **error);
  /* Whether the user may delete @self (annex_register_remove()); the same contract. */
  gboolean (*can_delete)    (AnnexRecord  *self,
                             GError      **error);
  /* Text the search matches besides the reference and the SEARCHABLE fields (e.g. a translated
   * title), or NULL; it must follow only from values that never change once the record is
   * saved. Called from any thread that filters. May be NULL. */
  char    *(*dup_search_text) (AnnexRecord *self);
  /* Rules that need the stored workspace (a parent's state, at most one draft…): called by the
   * register inside the write's transaction, before it writes, with what it is about to do; the
   * database holds the state before the write. On refusal sets ANNEX_STORE_ERROR_INVALID with a
   * message for the user; the whole write (with any cascade) is then rolled back. NULL:
   * always allowed. */
  gboolean (*check_write)   (AnnexRecord       *self,
                             AnnexDatabase     *db,
                             AnnexRecordWrite   write,
                             GError           **error);

  gpointer padding[3];
};

/* Built-in properties of every record: "id" (gint64, 0 until saved), "reference" (string, e.g.
 * "A-014", set on insert), "created" and "updated" (ISO 8601 UTC strings); all four are read-only
 * (the register assigns them). Then one property per field, named after the field: a string for
 * TEXT, LONG_TEXT, DATE and CHOICE (an empty string is stored as NULL), gint64 for INT, gboolean
 * for BOOL. Setting a property emits notify only when the value changes. A new record (g_object_new
 * or annex_register_new_record) starts with the fields' default values.
 *
 * A subclass calls annex_record_class_install_fields() from its class_init; that sets the class's
 * get_property and set_property to AnnexRecord's when the subclass has not set them (GObject does
 * not inherit them). A subclass with properties of its own (ids below
 * ANNEX_RECORD_FIRST_FIELD_PROP) sets its own handlers and chains up to AnnexRecord's (the parent
 * class's) for every id it does not handle itself. */

void              annex_record_class_install_fields (AnnexRecordClass *klass,
                                                     const char       *table,
                                                     const char       *reference_prefix,
                                                     const AnnexField *fields,
                                                     guint             n_fields);

/* Declares @child_type (a record type) as a dependent of @klass's records: its INT field
 * @parent_field_name holds the id of its parent. Call from @klass's class_init after
 * annex_record_class_install_fields(). annex_register_remove() of a parent then removes its
 * children first (recursively: their own children too, and their links), each with its
 * change-history entry, in the same transaction; annex_register_restore() of the parent brings
 * them back with their ids, references and values. */
void              annex_record_class_add_child      (AnnexRecordClass *klass,
                                                     GType             child_type,
                                                     const char       *parent_field_name);
/* The children declared on @klass (or a parent class), or NULL with *n_children 0. */
const AnnexRecordChild *annex_record_class_get_children (AnnexRecordClass *klass,
                                                         guint            *n_children);

/* Yearly references: @klass's records get "<prefix><year>-<NN>" ("IA-2026-01", "IA-2026-02"…,
 * two digits, growing past 99 to "IA-2026-100"), with one counter per year (kept in
 * reference_counters under "<prefix><year>-"). The year is that of @date_field (the name of one
 * of its DATE fields) when the record is added with a valid date there, else the current year
 * (UTC, as "created"). Call from class_init after annex_record_class_install_fields() with a
 * non-NULL prefix. The reference never changes afterwards, even when the date does. */
void              annex_record_class_set_yearly_reference (AnnexRecordClass *klass,
                                                           const char       *date_field);
/* The @date_field of annex_record_class_set_yearly_reference(), or NULL when @klass numbers its
 * references without a year. */
const char       *annex_record_class_get_yearly_reference_field (AnnexRecordClass *klass);

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
/* The translated label of the current value of the CHOICE field at @index (NULL when empty or not
 * a choice). */
const char       *annex_record_get_choice_label     (AnnexRecord      *self,
                                                     guint             index);
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

/* For record types whose class has no reference prefix (controls: the user picks the id): sets
 * the reference of an unsaved record (id 0; ignored with a critical otherwise) and notifies
 * "reference". The register refuses to add such a record without a reference, with one longer
 * than 20 characters or containing white space, or with one already used
 * (ANNEX_STORE_ERROR_INVALID); leading and trailing white space is dropped. */
void              annex_record_set_reference        (AnnexRecord      *self,
                                                     const char       *reference);

/* The class's can_add / can_delete vfuncs (TRUE when the class has none). */
gboolean          annex_record_can_add              (AnnexRecord      *self,
                                                     GError          **error);
gboolean          annex_record_can_delete           (AnnexRecord      *self,
                                                     GError          **error);

/* The class's check_write vfunc (TRUE when the class has none). For the register. */
gboolean          annex_record_check_write          (AnnexRecord      *self,
                                                     AnnexDatabase    *db,
                                                     AnnexRecordWrite  write,
                                                     GError          **error);

/* Checks required fields, dates and the class's validate vfunc. Error: ANNEX_STORE_ERROR_INVALID
 * with a message naming the field ("“Title” is required"). */
gboolean          annex_record_validate             (AnnexRecord      *self,
                                                     GError          **error);

/* A JSON object of the record's reference and field values, keyed by column (for the change
 * history and exports). */
char             *annex_record_to_json              (AnnexRecord      *self);

/* TRUE when every word of @casefolded_query (already g_utf8_casefold()ed, words separated by
 * spaces) occurs in the reference, a SEARCHABLE field (a CHOICE field by its translated label) or
 * the class's dup_search_text.
 * An empty query matches everything. The casefolded text of the record is built on first use and
 * kept until a value changes, so filtering a large register costs one strstr() per word and record.
 * Thread-safe for records not being modified. */
gboolean          annex_record_matches              (AnnexRecord      *self,
                                                     const char       *casefolded_query);
/* The query string annex_record_matches() expects for @text as the user typed it: normalized
 * (NFC, like the records' text) and casefolded. Free with g_free(). */
char             *annex_record_prepare_query        (const char       *text);

/* A new record of the same type with the same id, reference, timestamps and values. */
AnnexRecord      *annex_record_copy                 (AnnexRecord      *self);

/* For AnnexRegister: set the built-in values without notification side effects on load. */
void              _annex_record_set_identity        (AnnexRecord      *self,
                                                     gint64            id,
                                                     const char       *reference,
                                                     const char       *created,
                                                     const char       *updated);
/* The same, notifying each built-in property whose value changes (after an insert or update). */
void              _annex_record_assign_identity     (AnnexRecord      *self,
                                                     gint64            id,
                                                     const char       *reference,
                                                     const char       *created,
                                                     const char       *updated);
/* Take over @values (n_fields GValues, each initialized to its field's type) without notifying:
 * used when loading rows. The contents are moved: on return every GValue of @values is zeroed
 * (uninitialized) and the caller keeps (and frees) the array itself. */
void              _annex_record_load_values         (AnnexRecord      *self,
                                                     GValue           *values);
/* The value of field @index as its change-history / JSON string: strings as they are (NULL when
 * empty), INT in decimal, BOOL as "true" / "false". Free with g_free(). */
char             *_annex_record_dup_value_string    (AnnexRecord      *self,
                                                     guint             index);

G_END_DECLS
