/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-documents-view.h: the "Documents & people" view (clauses 5.2, 5.3, 7.2–7.5): the
 * documented information with its versions and the mandated documents still missing, the
 * people and the ISMS roles they hold, competence evidence and awareness, and the communication
 * plan (together on the "Support" page). */

#pragma once

#include <adwaita.h>

#include "annex-paged-view.h"
#include "annex-register-page.h"
#include "annex-versions-section.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_DOCUMENTS_VIEW (annex_documents_view_get_type ())
G_DECLARE_FINAL_TYPE (AnnexDocumentsView, annex_documents_view, ANNEX, DOCUMENTS_VIEW, GtkWidget)

/* Properties: "visible-page" ("documents", "people", "roles" or "support"; the support page
 * (clause 7) holds three registers, one at a time: competence evidence "trainings", "awareness"
 * and the communication plan "communications"; setting one of those names shows it).
 * Signal "add-toast" (AdwToast *toast): as AnnexRegisterPage's, for every page.
 * The view is an AnnexPagedView. The documents page's header says how many of the documents
 * the standard mandates are in place, lists the missing ones with a button each that creates
 * a document for it, and says how the information security policy stands. People and roles show
 * the competence gaps (annex_people_dup_competence_gaps()) as warnings with the rule's
 * sentence. */

GtkWidget         *annex_documents_view_new              (void);

/* Any may be NULL (no workspace). @requirements and @controls: what documents serve (links). */
void               annex_documents_view_set_registers    (AnnexDocumentsView *self,
                                                          AnnexRegister      *documents,
                                                          AnnexRegister      *versions,
                                                          AnnexRegister      *people,
                                                          AnnexRegister      *roles,
                                                          AnnexRegister      *trainings,
                                                          AnnexRegister      *awareness,
                                                          AnnexRegister      *communications,
                                                          AnnexRegister      *requirements,
                                                          AnnexRegister      *controls);

const char        *annex_documents_view_get_visible_page (AnnexDocumentsView *self);
void               annex_documents_view_set_visible_page (AnnexDocumentsView *self,
                                                          const char         *name);

/* The register page named @name: "documents", "people", "roles", "trainings", "awareness",
 * "communications"; NULL for another name. */
AnnexRegisterPage *annex_documents_view_get_page         (AnnexDocumentsView *self,
                                                          const char         *name);
AnnexVersionsSection *annex_documents_view_get_versions_section (AnnexDocumentsView *self);

/* Shows the record (@table, @id) of the view's registers in its page (a document version in
 * its document's editor). FALSE when the table is not the view's or the record is not there. */
gboolean           annex_documents_view_show_record      (AnnexDocumentsView *self,
                                                          const char         *table,
                                                          gint64              id);

/* The mandated documents header: how many are in place, of how many; its sentence ("7 of 14
 * mandated documents in place — missing: …"); the clause ids of the missing ones, in clause
 * order (a new NULL-terminated array); the policy line. */
guint              annex_documents_view_get_n_mandated   (AnnexDocumentsView *self);
guint              annex_documents_view_get_n_covered    (AnnexDocumentsView *self);
const char        *annex_documents_view_get_mandated_text (AnnexDocumentsView *self);
GStrv              annex_documents_view_dup_missing      (AnnexDocumentsView *self);
const char        *annex_documents_view_get_policy_text  (AnnexDocumentsView *self);
/* What a missing item's "Create" button does: a document for the clause
 * (annex_document_create_for_clause()), shown in the editor. Returns it (borrowed) or NULL
 * after a toast. */
AnnexRecord       *annex_documents_view_create_for_clause (AnnexDocumentsView *self,
                                                           const char         *clause_id);

/* Pure: the header's sentence for @n_covered of @n_total, naming up to three of the missing
 * @items (AnnexMandatedDocument, as annex_people_dup_mandated_documents() returns them). */
char              *annex_documents_format_mandated       (guint               n_covered,
                                                          guint               n_total,
                                                          GPtrArray          *items);

G_END_DECLS
