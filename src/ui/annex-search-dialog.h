/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-search-dialog.h: "search everywhere" (Ctrl+K): a modal window with a search entry and
 * the matching records of every register, grouped under the register's name; choosing one
 * shows it in its view. */

#pragma once

#include <adwaita.h>

#include "annex-database.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_SEARCH_DIALOG (annex_search_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnnexSearchDialog, annex_search_dialog, ANNEX, SEARCH_DIALOG, AdwWindow)

/* A dialog searching @database (its file, through a read-only connection on a worker: typing
 * never waits for SQLite), transient for and modal over @parent. Keyboard: type; Up and Down
 * move through the results while the entry keeps the focus; Enter opens the selected result
 * (the first one unless moved); Escape closes. Opening a result activates "win.show-record"
 * ((sx): its table and id) on @parent and closes the dialog.
 * Property "busy" (gboolean, read-only): a search is running. */
AnnexSearchDialog *annex_search_dialog_new          (GtkWindow         *parent,
                                                     AnnexDatabase     *database);

/* For tests: sets the query (as typed; the search starts at once, without the typing delay). */
void               annex_search_dialog_set_text     (AnnexSearchDialog *self,
                                                     const char        *text);
gboolean           annex_search_dialog_get_busy     (AnnexSearchDialog *self);
/* The number of results shown. */
guint              annex_search_dialog_get_n_results (AnnexSearchDialog *self);
/* "empty" (nothing typed), "no-results" or "results": the state shown. */
const char        *annex_search_dialog_get_state    (AnnexSearchDialog *self);
/* Opens the selected result, as Enter does; FALSE when there is none. */
gboolean           annex_search_dialog_activate_selected (AnnexSearchDialog *self);
/* Moves the selection by @delta results (Up: -1, Down: +1), as the arrow keys do. */
void               annex_search_dialog_move_selection (AnnexSearchDialog *self,
                                                       int                delta);

G_END_DECLS
