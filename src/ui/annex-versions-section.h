/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-versions-section.h: the section of a document's editor listing its versions (7.5.2,
 * 7.5.3), newest first: "New Version" adds a draft, "Approve…" makes a draft the version in
 * force; approved and superseded versions stay readable and unchanged. */

#pragma once

#include <adwaita.h>

#include "annex-document-version.h"
#include "annex-record-editor.h"
#include "annex-register.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_VERSIONS_SECTION (annex_versions_section_get_type ())
G_DECLARE_FINAL_TYPE (AnnexVersionsSection, annex_versions_section, ANNEX, VERSIONS_SECTION,
                      GtkWidget)

/* Properties: "document" (AnnexRecord or NULL; the section hides for NULL or an unsaved
 * document), "versions" (AnnexRegister of AnnexDocumentVersion), "documents" (AnnexRegister of
 * AnnexDocument or NULL: its item is updated in place by an approval), "n-versions" (guint,
 * read-only: the document's versions listed).
 * Signal "add-toast" (AdwToast *toast), lent for the emission: an approval, a deleted draft's
 * Undo, a failure. annex_versions_section_attach() forwards it to the editor's "add-toast".
 * Actions: "versions.new" (the "New Version" button). Each row opens its version: a draft in
 * an editor dialog (with "Approve…" and "Delete"), an approved or superseded version read-only.
 * A draft's row has an "Approve…" button. */

GtkWidget   *annex_versions_section_new            (void);

/* Adds @self to @editor and follows its record (a document). */
void         annex_versions_section_attach         (AnnexVersionsSection *self,
                                                    AnnexRecordEditor    *editor);
void         annex_versions_section_set_registers  (AnnexVersionsSection *self,
                                                    AnnexRegister        *versions,
                                                    AnnexRegister        *documents);
AnnexRecord *annex_versions_section_get_document   (AnnexVersionsSection *self);
void         annex_versions_section_set_document   (AnnexVersionsSection *self,
                                                    AnnexRecord          *document);
guint        annex_versions_section_get_n_versions (AnnexVersionsSection *self);
/* The version listed at @position (0: the newest), borrowed, or NULL. */
AnnexDocumentVersion *annex_versions_section_get_version (AnnexVersionsSection *self,
                                                          guint                 position);

/* "New Version": adds a draft with the next number and today's date. Returns it (borrowed: an
 * item of the versions register) or NULL with @error set. */
AnnexDocumentVersion *annex_versions_section_add_draft (AnnexVersionsSection  *self,
                                                        GError               **error);
/* Opens @version: a draft in an editor dialog, any other read-only. Owned by GTK. */
GtkWindow   *annex_versions_section_open_version   (AnnexVersionsSection *self,
                                                    AnnexDocumentVersion *version);
/* Opens the "Approve Version" dialog for the draft @version: who approves (the document's
 * approver by default, the people's names offered) and on which date (today by default). */
GtkWindow   *annex_versions_section_open_approve_dialog (AnnexVersionsSection *self,
                                                         AnnexDocumentVersion *version);
/* What the dialog's "Approve" does: annex_document_version_approve() and a toast. */
gboolean     annex_versions_section_approve        (AnnexVersionsSection  *self,
                                                    AnnexDocumentVersion  *version,
                                                    const char            *approved_by,
                                                    const char            *approved_on,
                                                    GError               **error);
/* Deletes the draft @version with an Undo toast. */
gboolean     annex_versions_section_delete         (AnnexVersionsSection  *self,
                                                    AnnexDocumentVersion  *version,
                                                    GError               **error);

/* "Version 1.1": the row's title; "In force · approved by Ann Lee on 3 Mar 2025", "Draft ·
 * 1 Mar 2025": its state line. Pure over the version's values. */
char        *annex_versions_section_format_title   (AnnexDocumentVersion *version);
char        *annex_versions_section_format_state   (AnnexDocumentVersion *version);

G_END_DECLS
