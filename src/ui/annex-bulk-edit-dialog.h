/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-bulk-edit-dialog.h: the dialog that sets fields on several register records at once;
 * only the fields the user touches change. */

#pragma once

#include <adwaita.h>

#include "annex-bulk-edit.h"
#include "annex-record-editor.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_BULK_EDIT_DIALOG (annex_bulk_edit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnnexBulkEditDialog, annex_bulk_edit_dialog, ANNEX, BULK_EDIT_DIALOG,
                      AdwWindow)

/* A modal window with one row per field of @field_names (NULL: those
 * annex_bulk_edit_dialog_offers_field() accepts): a choice or a switch offers "Keep as is" beside
 * its values; a text or date row has a check box that ticks itself once the text is edited
 * (untick it to keep the records' values). The rows show the value the records share, if they
 * do. @visible_func (may be NULL) hides rows as the editor does, asked about a scratch record
 * holding the values chosen so far (or shared by all records).
 * Signal "apply" (gpointer: the AnnexBulkEdit, borrowed for the emission): the user pressed
 * Apply; the handler applies it and destroys the dialog when that succeeded. Escape and Cancel
 * close it without a change. */
AnnexBulkEditDialog *annex_bulk_edit_dialog_new          (GPtrArray             *records,
                                                          const char * const    *field_names,
                                                          AnnexFieldVisibleFunc  visible_func,
                                                          gpointer               user_data);
/* The records the dialog edits (AnnexRecord, borrowed). */
GPtrArray           *annex_bulk_edit_dialog_get_records  (AnnexBulkEditDialog   *self);
/* The values chosen so far (borrowed). */
AnnexBulkEdit       *annex_bulk_edit_dialog_get_edit     (AnnexBulkEditDialog   *self);
/* Presses Apply (when enabled): emits "apply". Returns FALSE when Apply is disabled (nothing
 * chosen, or a date that is not valid). */
gboolean             annex_bulk_edit_dialog_apply        (AnnexBulkEditDialog   *self);

/* Whether the dialog offers @field when not given a list: a list column that is a choice, a
 * date, a switch or an optional text, and not read-only. */
gboolean             annex_bulk_edit_dialog_offers_field (const AnnexField      *field);

G_END_DECLS
