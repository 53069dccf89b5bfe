/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-review-attendee.h: one person at a management review: name, role and attendance. */

#pragma once

#include "annex-record.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_REVIEW_ATTENDEE (annex_review_attendee_get_type ())
G_DECLARE_FINAL_TYPE (AnnexReviewAttendee, annex_review_attendee, ANNEX, REVIEW_ATTENDEE,
                      AnnexRecord)

/* Table "review_attendees", references "MRA-001". A child of AnnexReview.
 *
 * Fields (property / column):
 *   "review-id" / review_id   int: the id of its review
 *   "name"        text, required, list, searchable
 *   "role"        text, list, searchable ("CEO", "ISMS manager")
 *   "attendance"  choice: present, apologies, absent ("Present", "Sent apologies", "Absent");
 *                 default present; required, list, filter
 *
 * Rules (check_write, ANNEX_STORE_ERROR_INVALID): its review must exist (add, save, restore),
 * and a signed-off review's attendees cannot be added, changed or removed ("MR-2026-01 is
 * signed off: reopen it to change it").
 * Computed, read-only: "attendance-label" (translated). */

AnnexReviewAttendee *annex_review_attendee_new            (gint64               review_id);

gint64               annex_review_attendee_get_review_id  (AnnexReviewAttendee *self);
const char          *annex_review_attendee_get_name       (AnnexReviewAttendee *self);
const char          *annex_review_attendee_get_role       (AnnexReviewAttendee *self);
const char          *annex_review_attendee_get_attendance (AnnexReviewAttendee *self);

G_END_DECLS
