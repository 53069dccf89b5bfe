/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-name-completion.h: the people's names offered while typing in a record editor's fields
 * that name a person (an owner, an approver, a lead auditor…); free text stays allowed. */

#pragma once

#include <adwaita.h>

#include "annex-database.h"
#include "annex-field.h"

G_BEGIN_DECLS

/* At most this many names are offered at once. */
#define ANNEX_NAME_COMPLETION_MAX 8

/* Whether @field holds the name of a person: a TEXT field the user edits named "owner" or
 * ending in "-owner" or "-by" ("accepted-by", "approved-by"), or one of "approver", "auditor",
 * "chair", "communicator", "holder", "lead-auditor", "responsible", "reviewer"; also the fields
 * holding several names separated by commas ("team", "attendees", "participants"), see
 * annex_field_names_people(). */
gboolean  annex_field_names_person   (const AnnexField *field);
/* Whether @field holds several names separated by commas (the last one is completed). */
gboolean  annex_field_names_people   (const AnnexField *field);

/* Offers the string property @property of the items of @people (e.g. the people register and
 * "name") in every record editor whose register lies in @database. The names are read while the
 * user types, so a renamed or removed person shows as such at once. @people NULL: nothing is
 * offered. @database does not keep @people alive (a window sets it from the register it holds,
 * and clears it when it closes the workspace). */
void      annex_name_completion_set_people (AnnexDatabase *database,
                                            GListModel    *people,
                                            const char    *property);
/* The model set for @database (borrowed, NULL for none); *out_property gets its property. */
GListModel *annex_name_completion_get_people (AnnexDatabase *database,
                                              const char   **out_property);

/* Pure: the names of @people (property @property) that @text could be the start of, at most
 * @max of them: a name matches when one of its words begins with @text (case-insensitive);
 * names beginning with @text come first, then in the model's order; duplicates, empty names and
 * a name equal to @text are left out. An empty @text matches every name. A new
 * NULL-terminated array. */
char    **annex_name_completion_match (GListModel *people,
                                       const char *property,
                                       const char *text,
                                       guint       max);

/* Adds completion to @entry_row (an AdwEntryRow of a record editor) for @field: a popover
 * under the row lists the matching names while the user types (Down opens it on an empty
 * field); Up and Down choose, Enter or a click takes a name, Escape closes. @database_func
 * returns the database whose people are offered (the editor's register's), asked as the user
 * types. */
typedef AnnexDatabase *(*AnnexNameCompletionDatabaseFunc) (gpointer user_data);

void      annex_name_completion_attach (GtkWidget                       *entry_row,
                                        const AnnexField                *field,
                                        AnnexNameCompletionDatabaseFunc  database_func,
                                        gpointer                         user_data);

/* For tests: the names the popover of @entry_row shows now (NULL when it is hidden), and
 * taking name @index of them as a click does. */
char    **annex_name_completion_dup_shown (GtkWidget *entry_row);
gboolean  annex_name_completion_choose    (GtkWidget *entry_row,
                                           guint      index);
/* Offers the names for the current text of @entry_row as typing does (for tests and the Down
 * key). */
void      annex_name_completion_update    (GtkWidget *entry_row,
                                           gboolean   show_all);

G_END_DECLS
