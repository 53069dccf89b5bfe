/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-register-page.h: the one list page every register uses: a search entry, a sortable and
 * filterable column view of the register's records, a side-pane editor (a full page when narrow),
 * new and delete (with an Undo toast). */

#pragma once

#include <adwaita.h>

#include "annex-register.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_REGISTER_PAGE (annex_register_page_get_type ())
G_DECLARE_FINAL_TYPE (AnnexRegisterPage, annex_register_page, ANNEX, REGISTER_PAGE, GtkWidget)

/* Properties: "register" (AnnexRegister, may be NULL: then an empty page), "title" (string, e.g.
 * "Actions"), "icon-name", "description" (the empty state's text: what the register holds and which
 * clause it serves), "n-shown" / "n-total" (guint, read-only, for "12 of 40").
 * Optional texts, generated from "title" when unset (set them for a good translation):
 * "empty-title" ("No Actions Yet"), "search-placeholder" ("Search actions…") and "new-label" (the
 * empty state's button, with a mnemonic: "New _Action").
 * Signal "add-toast" (AdwToast *toast): the page asks its window to show a toast (pages never reach
 * for the window). The toast is only borrowed for the emission: a handler that shows it passes
 * g_object_ref (toast) to adw_toast_overlay_add_toast(), which takes ownership. A deleted record
 * lives on the Undo toast until the toast is dismissed.
 * Actions installed on the class: "register.new" (Ctrl+N), "register.delete" (Delete while the list
 * has the focus, and the editor's Delete button; on the selected record, with an Undo toast),
 * "register.search" (Ctrl+F: focus the search entry), "register.close-editor" (Escape: close the
 * editor, or else clear the search), "register.add" (the editor's Add button for a new record).
 * The shortcuts work while the focus is inside the page. */

GtkWidget     *annex_register_page_new          (void);
AnnexRegister *annex_register_page_get_register (AnnexRegisterPage *self);
void           annex_register_page_set_register (AnnexRegisterPage *self,
                                                 AnnexRegister     *register_);
/* Selects and shows the record with @id in the editor (for search results and links later). */
gboolean       annex_register_page_show_record  (AnnexRegisterPage *self,
                                                 gint64             id);

/* Shows @text in the search entry and filters by it at once (no typing delay). */
void           annex_register_page_set_search_text (AnnexRegisterPage *self,
                                                    const char        *text);

const char    *annex_register_page_get_title    (AnnexRegisterPage *self);
void           annex_register_page_set_title    (AnnexRegisterPage *self,
                                                 const char        *title);
guint          annex_register_page_get_n_shown  (AnnexRegisterPage *self);
guint          annex_register_page_get_n_total  (AnnexRegisterPage *self);

void           annex_register_page_set_show_back_button (AnnexRegisterPage *self,
                                                         gboolean           show_back_button);
gboolean       annex_register_page_navigate_back        (AnnexRegisterPage *self);

G_END_DECLS
