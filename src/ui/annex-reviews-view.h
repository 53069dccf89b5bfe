/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-reviews-view.h: the Reviews view: the management reviews (clause 9.3) on a register page
 * with the "next review due" bar; the review editor reads like minutes: the meeting and its
 * attendees, the inputs a–g prepared from the registers, feedback, the conclusion, the
 * decisions, the actions, and the chair's sign-off that locks it (reopening asks for a
 * reason). */

#pragma once

#include <adwaita.h>

#include "annex-child-list-section.h"
#include "annex-register-page.h"
#include "annex-review-inputs-section.h"
#include "annex-review.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_REVIEWS_VIEW (annex_reviews_view_get_type ())
G_DECLARE_FINAL_TYPE (AnnexReviewsView, annex_reviews_view, ANNEX, REVIEWS_VIEW, GtkWidget)

/* Signal "add-toast" (AdwToast *toast): as AnnexRegisterPage's.
 * Actions: "reviews.sign-off", "reviews.reopen", "reviews.new-action" (each opens its dialog for
 * the review in the editor). */

GtkWidget         *annex_reviews_view_new              (void);

/* @reviews, @attendees: the registers of AnnexReview and AnnexReviewAttendee; @actions: the
 * action tracker (the reviews' actions). Any may be NULL. */
void               annex_reviews_view_set_registers    (AnnexReviewsView *self,
                                                        AnnexRegister    *reviews,
                                                        AnnexRegister    *attendees,
                                                        AnnexRegister    *actions);

AnnexRegisterPage *annex_reviews_view_get_page         (AnnexReviewsView *self);
AnnexReviewInputsSection *annex_reviews_view_get_inputs_section (AnnexReviewsView *self);
AnnexChildListSection *annex_reviews_view_get_attendees_section (AnnexReviewsView *self);
/* The review in the editor, or NULL. */
AnnexReview       *annex_reviews_view_get_review       (AnnexReviewsView *self);

/* What the dialogs do, on the review in the editor: */
gboolean           annex_reviews_view_sign_off         (AnnexReviewsView  *self,
                                                        const char        *name,
                                                        const char        *date,
                                                        GError           **error);
gboolean           annex_reviews_view_reopen           (AnnexReviewsView  *self,
                                                        const char        *reason,
                                                        GError           **error);
/* Creates an action of the review (origin management-review); returns it (borrowed from the
 * actions register) or NULL with @error set. */
AnnexAction       *annex_reviews_view_new_action       (AnnexReviewsView  *self,
                                                        const char        *title,
                                                        const char        *owner,
                                                        const char        *due_date,
                                                        GError           **error);
/* The dialogs (owned by GTK). */
GtkWidget         *annex_reviews_view_open_sign_off_dialog   (AnnexReviewsView *self);
GtkWidget         *annex_reviews_view_open_reopen_dialog     (AnnexReviewsView *self);
GtkWidget         *annex_reviews_view_open_new_action_dialog (AnnexReviewsView *self);

/* The number of actions listed in the editor; the sign-off state line shown (for tests). */
guint              annex_reviews_view_get_n_editor_actions (AnnexReviewsView *self);
const char        *annex_reviews_view_get_sign_off_text    (AnnexReviewsView *self);
/* Recomputes the "next review due" bar now; returns its text (for tests). */
const char        *annex_reviews_view_update_schedule      (AnnexReviewsView *self);

/* "Next review due 1 Mar 2027" or "Review overdue since 1 Mar 2027", then what is planned. */
char              *annex_review_format_schedule        (const AnnexReviewSchedule *schedule);
/* "Signed off by Dana Lee on 1 Mar 2027"; NULL when @review is not signed off. */
char              *annex_review_format_sign_off        (AnnexReview               *review);

G_END_DECLS
