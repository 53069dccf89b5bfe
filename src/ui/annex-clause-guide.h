/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-clause-guide.h: the line at the top of every view and page that says, in our own words,
 * what the standard's clause asks of it, with an optional "Example" expander below: one widget,
 * so every view shows it the same way. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ANNEX_TYPE_CLAUSE_GUIDE (annex_clause_guide_get_type ())
G_DECLARE_FINAL_TYPE (AnnexClauseGuide, annex_clause_guide, ANNEX, CLAUSE_GUIDE, GtkWidget)

/* Properties: "text" (string: one sentence naming the clause, "Clause 6.2: …"; shown dimmed and
 * wrapped at word boundaries), "example" (string or NULL: a good example entry, shown by an
 * "Example" expander; no expander when NULL or empty).
 * The widget has no margins of its own: pages place it (style class "clause-guide"). */

GtkWidget  *annex_clause_guide_new         (const char       *text,
                                            const char       *example);
const char *annex_clause_guide_get_text    (AnnexClauseGuide *self);
void        annex_clause_guide_set_text    (AnnexClauseGuide *self,
                                            const char       *text);
const char *annex_clause_guide_get_example (AnnexClauseGuide *self);
void        annex_clause_guide_set_example (AnnexClauseGuide *self,
                                            const char       *example);

G_END_DECLS
