/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-child-list-section.h: an editor section listing the child records of the editor's record
 * (an objective's measurements, a review's attendees), with a dialog to add and edit one and
 * delete with Undo; read-only while the section is locked. */

#pragma once

#include <adwaita.h>

#include "annex-record-editor.h"
#include "annex-register.h"

G_BEGIN_DECLS

/* The title and subtitle of the row of @child (plain text; the subtitle may be left NULL). */
typedef void (*AnnexChildRowFunc)  (AnnexRecord  *child,
                                    char        **title,
                                    char        **subtitle,
                                    gpointer      user_data);

/* Sets the starting values of a new child (e.g. today's date) before the dialog shows it. */
typedef void (*AnnexChildInitFunc) (AnnexRecord  *child,
                                    gpointer      user_data);

#define ANNEX_TYPE_CHILD_LIST_SECTION (annex_child_list_section_get_type ())
G_DECLARE_FINAL_TYPE (AnnexChildListSection, annex_child_list_section, ANNEX, CHILD_LIST_SECTION,
                      GtkWidget)

/* Properties: "title" (the heading, "Measurements"), "add-label" (the button, with a mnemonic:
 * "_Add Measurement…"), "empty-text" (shown when the parent has no children), "new-title" /
 * "edit-title" (the dialog's title for a new / a saved child), "parent" (AnnexRecord or NULL:
 * the section hides for NULL or an unsaved parent), "children" (AnnexRegister of the child type),
 * "parent-field" (construct-only: the name of the children's INT field holding the parent's id),
 * "locked" (gboolean: no add, edit or delete; the rows only show), "n-children" (guint,
 * read-only).
 * Signal "add-toast" (AdwToast *toast), lent for the emission: a deleted child's Undo, a
 * failure. annex_child_list_section_attach() forwards it to the editor's "add-toast".
 * Action "children.add" (the Add button). */

GtkWidget   *annex_child_list_section_new          (const char            *parent_field);

/* Adds @self to @editor (annex_record_editor_add_section(), or after the field group @group
 * when it is not NULL) and follows the editor's record. */
void         annex_child_list_section_attach       (AnnexChildListSection *self,
                                                    AnnexRecordEditor     *editor,
                                                    const char            *group);

void         annex_child_list_section_set_children (AnnexChildListSection *self,
                                                    AnnexRegister         *children);
AnnexRegister *annex_child_list_section_get_children (AnnexChildListSection *self);
AnnexRecord *annex_child_list_section_get_parent   (AnnexChildListSection *self);
void         annex_child_list_section_set_parent   (AnnexChildListSection *self,
                                                    AnnexRecord           *parent);
gboolean     annex_child_list_section_get_locked   (AnnexChildListSection *self);
void         annex_child_list_section_set_locked   (AnnexChildListSection *self,
                                                    gboolean               locked);
void         annex_child_list_section_set_texts    (AnnexChildListSection *self,
                                                    const char            *title,
                                                    const char            *add_label,
                                                    const char            *empty_text,
                                                    const char            *new_title,
                                                    const char            *edit_title);
void         annex_child_list_section_set_row_func (AnnexChildListSection *self,
                                                    AnnexChildRowFunc      func,
                                                    gpointer               user_data);
void         annex_child_list_section_set_init_func (AnnexChildListSection *self,
                                                     AnnexChildInitFunc     func,
                                                     gpointer               user_data);
/* The order of the rows (NULL: the register's, creation order). */
void         annex_child_list_section_set_sort_func (AnnexChildListSection *self,
                                                     GCompareDataFunc       func,
                                                     gpointer               user_data);
guint        annex_child_list_section_get_n_children (AnnexChildListSection *self);
/* The child shown at @position (borrowed), or NULL. */
AnnexRecord *annex_child_list_section_get_child    (AnnexChildListSection *self,
                                                    guint                  position);

/* Opens the dialog for a new child of the parent (@child NULL) or for @child (an item of the
 * children register). NULL when the section is locked or has no saved parent. The dialog is
 * owned by GTK. */
GtkWindow   *annex_child_list_section_open_dialog  (AnnexChildListSection *self,
                                                    AnnexRecord           *child);
/* Adds @child (new, of the parent) to the children register, as the dialog's Add button does. */
gboolean     annex_child_list_section_add          (AnnexChildListSection  *self,
                                                    AnnexRecord            *child,
                                                    GError                **error);
/* Deletes @child with an Undo toast (the rows' delete buttons). */
gboolean     annex_child_list_section_delete       (AnnexChildListSection  *self,
                                                    AnnexRecord            *child,
                                                    GError                **error);

G_END_DECLS
