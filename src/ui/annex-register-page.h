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
 * Signal "add-toast" (AdwToast *toast): the page asks its window to show a toast (pages never reach
 * for the window).
 * Actions installed on the class: "register.new" (Ctrl+N), "register.delete" (Delete, on the
 * selected record, with an Undo toast), "register.search" (Ctrl+F: focus the search entry),
 * "register.close-editor" (Escape). */

GtkWidget     *annex_register_page_new          (void);
AnnexRegister *annex_register_page_get_register (AnnexRegisterPage *self);
void           annex_register_page_set_register (AnnexRegisterPage *self,
                                                 AnnexRegister     *register_);
/* Selects and shows the record with @id in the editor (for search results and links later). */
gboolean       annex_register_page_show_record  (AnnexRegisterPage *self,
                                                 gint64             id);

G_END_DECLS
