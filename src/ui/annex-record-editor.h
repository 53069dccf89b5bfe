/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-record-editor.h: the side-pane editor of one register record, with rows built from the
 * record type's field table, saving as the user types, and the record's change history. */

#pragma once

#include <adwaita.h>

#include "annex-register.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_RECORD_EDITOR (annex_record_editor_get_type ())
G_DECLARE_FINAL_TYPE (AnnexRecordEditor, annex_record_editor, ANNEX, RECORD_EDITOR, GtkWidget)

/* Properties: "register" (AnnexRegister: saves go there, the history is read from its database),
 * "record" (AnnexRecord or NULL; a record with id 0 is new and is added by the page, a saved record
 * is saved automatically ~400 ms after typing stops, when a field loses focus and at once when a
 * value is chosen), "valid" (gboolean, read-only: every field holds an acceptable value and the
 * record validates; for the page's Add button).
 * Signal "add-toast" (AdwToast *toast): a save failed; the handler shows the toast (keep it with
 * g_object_ref: adw_toast_overlay_add_toast takes ownership).
 * The Delete button activates "register.delete" on the enclosing page. */

GtkWidget     *annex_record_editor_new          (void);

AnnexRegister *annex_record_editor_get_register (AnnexRecordEditor *self);
void           annex_record_editor_set_register (AnnexRecordEditor *self,
                                                 AnnexRegister     *register_);
AnnexRecord   *annex_record_editor_get_record   (AnnexRecordEditor *self);
/* Saves pending edits of the previous record first. */
void           annex_record_editor_set_record   (AnnexRecordEditor *self,
                                                 AnnexRecord       *record);
gboolean       annex_record_editor_get_valid    (AnnexRecordEditor *self);

/* Writes pending edits of a saved record now (a no-op when nothing is pending). Returns FALSE and
 * emits "add-toast" when the save failed. */
gboolean       annex_record_editor_flush        (AnnexRecordEditor *self);
/* Moves the keyboard focus to the first field. */
void           annex_record_editor_focus_first  (AnnexRecordEditor *self);
/* Reloads the History section (after the page added or restored the record). */
void           annex_record_editor_refresh      (AnnexRecordEditor *self);

G_END_DECLS
