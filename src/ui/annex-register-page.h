/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-register-page.h: the one list page every register uses: a search entry, a sortable and
 * filterable column view of the register's records, a side-pane editor (a full page when narrow),
 * new and delete (with an Undo toast). */

#pragma once

#include <adwaita.h>

#include "annex-bulk-edit.h"
#include "annex-record-editor.h"
#include "annex-record-filter.h"
#include "annex-register.h"

G_BEGIN_DECLS

/* A short text saying what is wrong with @record (the tooltip of its warning icon), or NULL when
 * nothing is. Free with g_free(). Asked again whenever the record notifies a change. */
typedef char *(*AnnexRecordWarningFunc) (AnnexRecord *record,
                                         gpointer     user_data);

#define ANNEX_TYPE_REGISTER_PAGE (annex_register_page_get_type ())
G_DECLARE_FINAL_TYPE (AnnexRegisterPage, annex_register_page, ANNEX, REGISTER_PAGE, GtkWidget)

/* Properties: "register" (AnnexRegister, may be NULL: then an empty page), "title" (string, e.g.
 * "Actions"), "icon-name", "description" (the empty state's text: what the register holds and which
 * clause it serves), "n-shown" / "n-total" (guint, read-only, for "12 of 40").
 * "clause" (one sentence naming the clause, in our own words: "Clause 6.2: set measurable
 * objectives…") and "clause-example" (a good example entry, or NULL): the clause guide
 * (annex-clause-guide.h) above the list, hidden in the empty state.
 * Optional texts, set them for a good translation: "search-placeholder" ("Search actions…"; a
 * generic "Search…" when unset), "empty-title" ("No Actions Yet") and "new-label" (the empty
 * state's button, with a mnemonic: "New _Action"), both generated from "title" when unset.
 * Signal "add-toast" (AdwToast *toast): the page asks its window to show a toast (pages never reach
 * for the window). The toast is only borrowed for the emission: a handler that shows it passes
 * g_object_ref (toast) to adw_toast_overlay_add_toast(), which takes ownership. A deleted record
 * lives on the Undo toast until the toast is dismissed.
 * Actions installed on the class: "register.new" (Ctrl+N), "register.delete" (Delete while the list
 * has the focus, and the editor's Delete button; on the selected record, with an Undo toast),
 * "register.search" (Ctrl+F: focus the search entry), "register.close-editor" (Escape: close the
 * editor, or else clear the selection, leave selection mode or clear the search), "register.add"
 * (the editor's Add button for a new record), "register.filters" (Shift+Ctrl+F: open the filter
 * popover), "register.clear-filters", "register.selection-mode" (stateful: the "Select" toggle),
 * "register.select-all" (Ctrl+A in the list), "register.clear-selection" (Shift+Ctrl+A in the
 * list), "register.edit-selected" (Ctrl+Return: the bulk edit dialog for the selected records).
 * The shortcuts work while the focus is inside the page.
 *
 * Filters: the search, plus one drop-down per facet in the "Filters" popover: each CHOICE field
 * flagged ANNEX_FIELD_FLAG_FILTER, then the facets added with annex_register_page_add_facet().
 * All combine; "n-shown" counts what passes them all. Property "n-active-filters" (guint,
 * read-only): how many facets are set.
 *
 * Selection: several records can be selected (Ctrl- and Shift-click, Ctrl+A; in selection mode,
 * property "selection-mode", a check box per row). With one selected (wide, outside selection
 * mode) the editor shows it; with more, the editor closes and a bar offers "Edit…" (a bulk edit
 * of the fields annex_register_page_set_bulk_fields() names) and "Clear". Property "n-selected"
 * (guint, read-only).
 *
 * Property "can-add" (gboolean, read-only): whether the record type lets users add records
 * (annex_record_can_add() on a new record); when not, "New" is hidden. */

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

AnnexRecordEditor *annex_register_page_get_editor       (AnnexRegisterPage *self);
gboolean       annex_register_page_get_can_add          (AnnexRegisterPage *self);

/* Facets (see above). @choices are translated labels, NULL-terminated. */
void           annex_register_page_add_facet            (AnnexRegisterPage   *self,
                                                         const char          *name,
                                                         const char          *label,
                                                         const char * const  *choices,
                                                         AnnexFacetMatchFunc  match,
                                                         gpointer             user_data,
                                                         GDestroyNotify       destroy);
/* Removes a facet added with annex_register_page_add_facet(); FALSE for an unknown name. */
gboolean       annex_register_page_remove_facet         (AnnexRegisterPage   *self,
                                                         const char          *name);
/* Sets facet @name (a field's name for a field facet) to @choice, an index into its choices, or
 * ANNEX_FACET_ANY; FALSE for an unknown facet or choice. */
gboolean       annex_register_page_set_facet            (AnnexRegisterPage   *self,
                                                         const char          *name,
                                                         guint                choice);
guint          annex_register_page_get_facet            (AnnexRegisterPage   *self,
                                                         const char          *name);
void           annex_register_page_clear_filters        (AnnexRegisterPage   *self);
guint          annex_register_page_get_n_active_filters (AnnexRegisterPage   *self);

/* A widget shown between the toolbar and the list (a summary bar); NULL removes it. */
void           annex_register_page_set_header_widget    (AnnexRegisterPage   *self,
                                                         GtkWidget           *widget);
/* A narrow column after the reference with a warning icon on the records @func finds fault
 * with, explained by its tooltip. NULL removes it. */
void           annex_register_page_set_warning_func     (AnnexRegisterPage      *self,
                                                         AnnexRecordWarningFunc  func,
                                                         gpointer                user_data,
                                                         GDestroyNotify          destroy);
/* Which columns keep their place longest when the list is narrow: field names, most important
 * first (NULL: the due date that marks overdue records, then the first choice, then the rest). */
void           annex_register_page_set_column_priority  (AnnexRegisterPage   *self,
                                                         const char * const  *names);
/* Which field rows the editor and the bulk edit dialog show for a record (NULL: all). */
void           annex_register_page_set_visible_func     (AnnexRegisterPage     *self,
                                                         AnnexFieldVisibleFunc  func,
                                                         gpointer               user_data,
                                                         GDestroyNotify         destroy);
/* The headed sections of the editor's field rows. */
void           annex_register_page_set_group_func       (AnnexRegisterPage   *self,
                                                         AnnexFieldGroupFunc  func,
                                                         gpointer             user_data,
                                                         GDestroyNotify       destroy);
/* The read-only facts the editor shows with a record. */
void           annex_register_page_set_info_func        (AnnexRegisterPage   *self,
                                                         AnnexRecordInfoFunc  func,
                                                         gpointer             user_data,
                                                         GDestroyNotify       destroy);
/* The fields the bulk edit dialog offers, in order (NULL: the list columns that are choices,
 * dates, switches or optional texts). */
void           annex_register_page_set_bulk_fields      (AnnexRegisterPage   *self,
                                                         const char * const  *names);

guint          annex_register_page_get_n_selected       (AnnexRegisterPage   *self);
/* The selected records, in list order (a new array holding references). */
GPtrArray     *annex_register_page_dup_selected         (AnnexRegisterPage   *self);
/* Selects exactly @records (AnnexRecord items of the register); those hidden by the filters
 * stay unselected. Returns how many are selected. */
guint          annex_register_page_select_records       (AnnexRegisterPage   *self,
                                                         GPtrArray           *records);
/* Opens the bulk edit dialog for the selected records (register.edit-selected). */
void           annex_register_page_edit_selected        (AnnexRegisterPage   *self);
/* Applies @edit to @records (NULL: the selected ones) in one transaction
 * (annex_register_save_many()) and shows a toast ("7 controls updated") whose Undo restores the
 * previous values. On failure nothing is written, the records keep their previous values and
 * @error is set. */
gboolean       annex_register_page_apply_bulk_edit      (AnnexRegisterPage   *self,
                                                         GPtrArray           *records,
                                                         AnnexBulkEdit       *edit,
                                                         GError             **error);

/* A column the page's user makes (a computed value, e.g. a risk's level in its colour): titled
 * @title, @width px wide, its cells from @factory (items are the records), sorted by @sorter
 * (may be NULL), placed after the column of field @after (NULL or a field without a column: after
 * the field columns). @name ranks it in the column priority like a field name. */
void           annex_register_page_add_column           (AnnexRegisterPage   *self,
                                                         const char          *name,
                                                         const char          *title,
                                                         const char          *after,
                                                         int                  width,
                                                         GtkListItemFactory  *factory,
                                                         GtkSorter           *sorter);
/* Replaces the choices of a facet added with annex_register_page_add_facet() (e.g. the owners
 * found in the register, the levels of a new risk method); see
 * annex_record_filter_set_facet_choices(). */
gboolean       annex_register_page_set_facet_choices    (AnnexRegisterPage   *self,
                                                         const char          *name,
                                                         const char * const  *choices);

G_END_DECLS
