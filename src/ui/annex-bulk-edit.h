/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-bulk-edit.h: a bulk edit of register records: the field values the user chose to set
 * on every selected record, applied to the records with a snapshot for Undo. Pure (no widgets),
 * so the computation is tested headless. */

#pragma once

#include <glib-object.h>

#include "annex-record.h"

G_BEGIN_DECLS

typedef struct _AnnexBulkEdit AnnexBulkEdit;

/* A new, empty edit for records of @record_type (a subtype of AnnexRecord). */
AnnexBulkEdit *annex_bulk_edit_new            (GType           record_type);
void           annex_bulk_edit_free           (AnnexBulkEdit  *self);
GType          annex_bulk_edit_get_record_type (AnnexBulkEdit *self);

/* Sets the value field @name gets: a string for TEXT, LONG_TEXT, DATE and CHOICE (NULL or ""
 * clears the field), a gint64 for INT, a gboolean for BOOL. FALSE (and nothing set) for an
 * unknown field or a value of the wrong type. */
gboolean       annex_bulk_edit_set_value      (AnnexBulkEdit  *self,
                                               const char     *name,
                                               const GValue   *value);
gboolean       annex_bulk_edit_set_string     (AnnexBulkEdit  *self,
                                               const char     *name,
                                               const char     *value);
gboolean       annex_bulk_edit_set_boolean    (AnnexBulkEdit  *self,
                                               const char     *name,
                                               gboolean        value);
/* Leaves field @name as it is on each record again. */
void           annex_bulk_edit_unset          (AnnexBulkEdit  *self,
                                               const char     *name);
gboolean       annex_bulk_edit_is_set         (AnnexBulkEdit  *self,
                                               const char     *name);
/* How many fields the edit sets. */
guint          annex_bulk_edit_get_n_fields   (AnnexBulkEdit  *self);

/* How many of @records (AnnexRecord) the edit would change: a record whose values already are
 * the edit's does not count. */
guint          annex_bulk_edit_count_changes  (AnnexBulkEdit  *self,
                                               GPtrArray      *records);

/* Writes the edit's values into @records (through annex_record_set_value(), so the records
 * notify and their rules run). Returns the records that changed (new references, in the order
 * of @records) and sets *@out_before to a snapshot of each of them taken before the change
 * (annex_record_copy(), same order), for annex_bulk_edit_restore(). Records whose values
 * already were the edit's are left alone and not returned. */
GPtrArray     *annex_bulk_edit_apply          (AnnexBulkEdit  *self,
                                               GPtrArray      *records,
                                               GPtrArray     **out_before);

/* Gives each of @records (pairwise) the field values of its snapshot in @before again; only
 * the fields that differ are set. */
void           annex_bulk_edit_restore        (GPtrArray      *records,
                                               GPtrArray      *before);

/* Whether every record of @records (at least one) has the same value of field @index; if so and
 * @value is not NULL, it is initialized with that value (unset it when done). */
gboolean       annex_bulk_edit_common_value   (GPtrArray      *records,
                                               guint           index,
                                               GValue         *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnnexBulkEdit, annex_bulk_edit_free)

G_END_DECLS
