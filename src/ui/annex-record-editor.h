/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-record-editor.h: the side-pane editor of one register record, with rows built from the
 * record type's field table, saving as the user types, and the record's change history. */

#pragma once

#include <adwaita.h>

#include "annex-register.h"

G_BEGIN_DECLS

/* Whether the editor shows the row of @field for @record (e.g. a justification only for an
 * excluded control). Asked again whenever a value of the record changes. A hidden row keeps its
 * value. */
typedef gboolean (*AnnexFieldVisibleFunc) (AnnexRecord      *record,
                                           const AnnexField *field,
                                           gpointer          user_data);

/* The heading of the section the row of @field goes in (NULL: a section without a heading).
 * Sections come in the order their first field has in the table; a field whose group came up
 * before joins that section. */
typedef const char *(*AnnexFieldGroupFunc) (const AnnexField *field,
                                            gpointer          user_data);

/**
 * AnnexInfoKind:
 * @ANNEX_INFO_TAG: a small tag beside the reference ("New in 2022"); @label unused
 * @ANNEX_INFO_NOTE: a paragraph below the title (a guidance note); @label unused
 * @ANNEX_INFO_PROPERTY: a "label: value" line in the card of read-only facts
 * @ANNEX_INFO_SECTION: a section below the fields, @label as its heading, @value as its text
 *
 * Where the editor shows an #AnnexInfoItem.
 */
typedef enum
{
  ANNEX_INFO_TAG,
  ANNEX_INFO_NOTE,
  ANNEX_INFO_PROPERTY,
  ANNEX_INFO_SECTION,
} AnnexInfoKind;

/* A read-only fact about a record that is not one of its fields (catalogue data, computed
 * values), shown by the editor. */
typedef struct
{
  AnnexInfoKind  kind;
  char          *label;
  char          *value;
} AnnexInfoItem;

AnnexInfoItem *annex_info_item_new  (AnnexInfoKind  kind,
                                     const char    *label,
                                     const char    *value);
void           annex_info_item_free (AnnexInfoItem *item);

/* The info items of @record, in order (a GPtrArray that frees them), or NULL for none. */
typedef GPtrArray *(*AnnexRecordInfoFunc) (AnnexRecord *record,
                                           gpointer     user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnnexInfoItem, annex_info_item_free)

#define ANNEX_TYPE_RECORD_EDITOR (annex_record_editor_get_type ())
G_DECLARE_FINAL_TYPE (AnnexRecordEditor, annex_record_editor, ANNEX, RECORD_EDITOR, GtkWidget)

/* Properties: "register" (AnnexRegister: saves go there, the history is read from its database),
 * "record" (AnnexRecord or NULL; a record with id 0 is new and is added by the page, a saved record
 * is saved automatically ~400 ms after typing stops, when a field loses focus and at once when a
 * value is chosen), "valid" (gboolean, read-only: every field holds an acceptable value and the
 * record validates; for the page's Add button).
 * Signal "add-toast" (AdwToast *toast): a save failed; the handler shows the toast (keep it with
 * g_object_ref: adw_toast_overlay_add_toast takes ownership).
 * The Delete button activates "register.delete" on the enclosing page; it is shown for a saved
 * record the record type lets the user delete (annex_record_can_delete()), else a note says
 * why not.
 * For a record type without a reference prefix (the user picks the id), a new record gets an
 * "Id" row that sets its reference (annex_record_set_reference()).
 * When the record type has a string property "display-title", the heading shows it. */

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

/* Decides which field rows are shown (NULL: all). */
void           annex_record_editor_set_visible_func (AnnexRecordEditor     *self,
                                                     AnnexFieldVisibleFunc  func,
                                                     gpointer               user_data,
                                                     GDestroyNotify         destroy);
/* Supplies the read-only facts shown with each record (NULL: none). */
void           annex_record_editor_set_info_func    (AnnexRecordEditor     *self,
                                                     AnnexRecordInfoFunc    func,
                                                     gpointer               user_data,
                                                     GDestroyNotify         destroy);
/* Puts the field rows into headed sections (NULL: one section without a heading). */
void           annex_record_editor_set_group_func   (AnnexRecordEditor     *self,
                                                     AnnexFieldGroupFunc    func,
                                                     gpointer               user_data,
                                                     GDestroyNotify         destroy);
/* Adds a section below the fields (linked records, a child list) that follows the editor's
 * "record" itself and hides itself when it has nothing to show. */
void           annex_record_editor_add_section      (AnnexRecordEditor     *self,
                                                     GtkWidget             *section);

/* The same, placed right after the field group headed @group (the group func's heading; NULL:
 * the group without a heading). */
void           annex_record_editor_add_section_after (AnnexRecordEditor    *self,
                                                      GtkWidget            *section,
                                                      const char           *group);

/* Whether the row of field @name is shown for the current record (for tests). */
gboolean       annex_record_editor_get_field_visible (AnnexRecordEditor    *self,
                                                      const char           *name);

G_END_DECLS
