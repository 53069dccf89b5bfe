/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-review-inputs-section.h: the inputs a–g of a management review in its editor: "Prepare
 * Inputs" fills them from the registers as they stand, each input is a card with its snapshot
 * content, a Refresh button, an annotation and the discussion notes of the meeting. Read-only
 * once the review is signed off. */

#pragma once

#include <adwaita.h>

#include "annex-record-editor.h"
#include "annex-review-inputs.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_REVIEW_INPUTS_SECTION (annex_review_inputs_section_get_type ())
G_DECLARE_FINAL_TYPE (AnnexReviewInputsSection, annex_review_inputs_section, ANNEX,
                      REVIEW_INPUTS_SECTION, GtkWidget)

/* Properties: "review" (AnnexReview or NULL: the section hides for NULL or an unsaved review),
 * "reviews" (AnnexRegister of AnnexReview: preparing and saving go there), "locked" (gboolean,
 * read-only: the review is signed off).
 * Signal "add-toast" (AdwToast *toast), lent for the emission (failures);
 * annex_review_inputs_section_attach() forwards it to the editor's "add-toast".
 * Actions: "inputs.prepare" (every input), "inputs.refresh" ("y": the input's index). */

GtkWidget   *annex_review_inputs_section_new         (void);

/* Adds @self to @editor after the field group @group (NULL: with the other sections) and
 * follows the editor's record. */
void         annex_review_inputs_section_attach      (AnnexReviewInputsSection *self,
                                                      AnnexRecordEditor        *editor,
                                                      const char               *group);
void         annex_review_inputs_section_set_reviews (AnnexReviewInputsSection *self,
                                                      AnnexRegister            *reviews);
AnnexReview *annex_review_inputs_section_get_review  (AnnexReviewInputsSection *self);
void         annex_review_inputs_section_set_review  (AnnexReviewInputsSection *self,
                                                      AnnexReview              *review);
gboolean     annex_review_inputs_section_get_locked  (AnnexReviewInputsSection *self);

/* Prepares every input (inputs.prepare) / refreshes one (inputs.refresh); the cards follow. */
gboolean     annex_review_inputs_section_prepare     (AnnexReviewInputsSection  *self,
                                                      GError                   **error);
gboolean     annex_review_inputs_section_refresh     (AnnexReviewInputsSection  *self,
                                                      AnnexReviewInput           input,
                                                      GError                   **error);
/* Writes the notes and annotations typed but not saved yet (a no-op when none are). */
gboolean     annex_review_inputs_section_flush       (AnnexReviewInputsSection  *self,
                                                      GError                   **error);

/* For tests: the card's text as shown (summary and lines, one per line), whether the input is
 * shown as prepared, and the notes and annotation widgets of the card. */
char        *annex_review_inputs_section_dup_card_text (AnnexReviewInputsSection *self,
                                                        AnnexReviewInput          input);
gboolean     annex_review_inputs_section_get_card_prepared (AnnexReviewInputsSection *self,
                                                            AnnexReviewInput          input);
GtkTextView *annex_review_inputs_section_get_notes_view (AnnexReviewInputsSection *self,
                                                         AnnexReviewInput          input);
GtkEditable *annex_review_inputs_section_get_annotation_entry (AnnexReviewInputsSection *self,
                                                               AnnexReviewInput          input);

G_END_DECLS
