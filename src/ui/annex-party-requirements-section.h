/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-party-requirements-section.h: the section of an interested party's editor listing the
 * party's requirements (clause 4.2 b, c), with a dialog to add and edit one (and link the
 * controls that address it) and delete with Undo. */

#pragma once

#include <adwaita.h>

#include "annex-record-editor.h"
#include "annex-register.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_PARTY_REQUIREMENTS_SECTION (annex_party_requirements_section_get_type ())
G_DECLARE_FINAL_TYPE (AnnexPartyRequirementsSection, annex_party_requirements_section, ANNEX,
                      PARTY_REQUIREMENTS_SECTION, GtkWidget)

/* Properties: "party" (AnnexParty or NULL; the section hides for NULL or an unsaved party),
 * "requirements" (AnnexRegister of AnnexPartyRequirement), "controls" (AnnexRegister of
 * AnnexControl or NULL: the requirement dialog then has no Controls section), "n-requirements"
 * (guint, read-only: the party's requirements listed).
 * Signal "add-toast" (AdwToast *toast), lent for the emission: a deleted requirement's Undo, a
 * failure. annex_party_requirements_section_attach() forwards it to the editor's "add-toast". */

GtkWidget   *annex_party_requirements_section_new      (void);

/* Adds @self to @editor and follows its record (a party). */
void         annex_party_requirements_section_attach   (AnnexPartyRequirementsSection *self,
                                                        AnnexRecordEditor             *editor);
void         annex_party_requirements_section_set_registers (AnnexPartyRequirementsSection *self,
                                                             AnnexRegister                 *requirements,
                                                             AnnexRegister                 *controls);
AnnexRecord *annex_party_requirements_section_get_party (AnnexPartyRequirementsSection *self);
void         annex_party_requirements_section_set_party (AnnexPartyRequirementsSection *self,
                                                         AnnexRecord                   *party);
guint        annex_party_requirements_section_get_n_requirements (AnnexPartyRequirementsSection *self);

/* Opens the dialog for a new requirement of the party (the "Add Requirement" button), or for
 * @requirement (an item of the requirements register). Returns the dialog (owned by GTK). */
GtkWindow   *annex_party_requirements_section_open_dialog (AnnexPartyRequirementsSection *self,
                                                           AnnexRecord                   *requirement);
/* Deletes @requirement with an Undo toast (the rows' delete buttons). */
gboolean     annex_party_requirements_section_delete   (AnnexPartyRequirementsSection  *self,
                                                        AnnexRecord                    *requirement,
                                                        GError                        **error);

G_END_DECLS
