/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-review.h: one management review (clause 9.3): the meeting record with its attendees
 * (AnnexReviewAttendee, children), the inputs a–g prepared as a snapshot (annex-review-inputs.h),
 * the conclusion, the decisions, the actions (in the action tracker), the chair's sign-off that
 * locks it, and the review interval ("next review due"). */

#pragma once

#include <gio/gio.h>

#include "annex-action.h"
#include "annex-database.h"
#include "annex-record.h"
#include "annex-register.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_REVIEW (annex_review_get_type ())
G_DECLARE_FINAL_TYPE (AnnexReview, annex_review, ANNEX, REVIEW, AnnexRecord)

/* Table "reviews", references "MR-2026-01": yearly (annex_record_class_set_yearly_reference())
 * by the year of "planned-date", or of creation when it is empty.
 *
 * Fields (property / column), in the order of the minutes:
 *   "title"          text, list, searchable (e.g. "Annual management review"); may be empty
 *   "planned-date" / planned_date   date, list
 *   "actual-date" / actual_date     date, list: the day the meeting took place
 *   "chair"          text, list, searchable: who chairs it (top management) and signs it off
 *   "status"         choice: planned, prepared, held, signed-off ("Planned", "Inputs prepared",
 *                    "Held", "Signed off"); default planned; required, list, filter.
 *                    Preparing the inputs moves planned → prepared; "signed-off" is set only by
 *                    annex_review_sign_off() (validate refuses it otherwise)
 *   "inputs"         long text: the snapshot of the inputs a–g as JSON, with the notes and
 *                    annotation per input (annex-review-inputs.h). Written by the functions of
 *                    annex-review-inputs.h: an editor shows it through them, never as a text row
 *   "feedback"       long text, searchable: feedback from interested parties (input e) as
 *                    recorded for the meeting
 *   "opportunities"  long text, searchable: opportunities for improvement raised for or at the
 *                    review (input g, besides those from audits)
 *   "suitable", "adequate", "effective"   choices: undecided, yes, partly, no ("Not yet
 *                    concluded", "Yes", "Partly", "No"); default undecided; required: the
 *                    conclusion on the suitability, adequacy and effectiveness of the ISMS
 *   "conclusion"     long text, searchable: the conclusion in words
 *   "decisions-improvement" / decisions_improvement   long text, searchable: decisions on
 *                    continual improvement opportunities
 *   "changes-scope" / changes_scope, "changes-policy" / changes_policy, "changes-objectives" /
 *   changes_objectives, "changes-resources" / changes_resources, "changes-risk-acceptance" /
 *   changes_risk_acceptance   long texts, searchable: decisions on changes to the ISMS (scope,
 *                    policy, objectives, resources, risk acceptance criteria); empty = no change
 *   "signed-off-by" / signed_off_by, "signed-off-on" / signed_off_on   READ_ONLY text and date:
 *                    set by annex_review_sign_off(), cleared by annex_review_reopen()
 *   "reopen-reason" / reopen_reason   READ_ONLY long text: why it was last reopened
 *                    (annex_review_reopen()); kept when it is signed off again
 *
 * Rules (validate / check_write: ANNEX_STORE_ERROR_INVALID with a sentence for the user):
 *  - the actual date is not in the future;
 *  - status signed-off needs "signed-off-by" and "signed-off-on" (i.e. annex_review_sign_off());
 *  - THE LOCK: once signed off (as stored), no field can change and it cannot be deleted
 *    ("MR-2026-01 is signed off: reopen it to change it"); its attendees neither
 *    (annex-review-attendee.h). annex_review_reopen() is the only way back.
 *
 * Children: AnnexReviewAttendee through "review-id".
 * Actions: actions of the action tracker (AnnexAction) with origin "management-review" and
 * origin reference = the review's reference.
 *
 * Computed, read-only properties: "status-label", "suitable-label", "adequate-label",
 * "effective-label" (translated); "signed-off" (gboolean: status signed-off, i.e. locked;
 * notified with "status"); "display-title" (the title, else "Management review" and the planned
 * date, the editor's heading); "date" (the actual date, else the planned date; NULL when
 * neither). */

/* The workspace setting holding the planned interval between reviews in months. */
#define ANNEX_REVIEW_INTERVAL_SETTING "review-interval-months"
#define ANNEX_REVIEW_INTERVAL_DEFAULT 12
#define ANNEX_REVIEW_INTERVAL_MAX     36

AnnexReview *annex_review_new                (void);

const char  *annex_review_get_title          (AnnexReview   *self);
const char  *annex_review_get_planned_date   (AnnexReview   *self);
const char  *annex_review_get_actual_date    (AnnexReview   *self);
const char  *annex_review_get_chair          (AnnexReview   *self);
const char  *annex_review_get_status         (AnnexReview   *self);
const char  *annex_review_get_inputs_json    (AnnexReview   *self);
const char  *annex_review_get_feedback       (AnnexReview   *self);
const char  *annex_review_get_opportunities  (AnnexReview   *self);
const char  *annex_review_get_signed_off_by  (AnnexReview   *self);
const char  *annex_review_get_signed_off_on  (AnnexReview   *self);
const char  *annex_review_get_reopen_reason  (AnnexReview   *self);
/* The actual date, else the planned date, else NULL. */
const char  *annex_review_get_date           (AnnexReview   *self);
/* Status signed-off: the record is locked. */
gboolean     annex_review_is_signed_off      (AnnexReview   *self);

/* The previous review of @self among @reviews (a list model of AnnexReview, e.g. the register):
 * the latest other review that was held (it has an actual date, or is signed off) on a date
 * before @self's date (annex_review_get_date(); a review without any date counts as today);
 * ties by reference. NULL when there is none (borrowed: an item of @reviews). */
AnnexReview *annex_review_find_previous      (GListModel    *reviews,
                                              AnnexReview   *self);

/* Signs off @self (saved, an item of @reviews) in the chair's name: @name must be the review's
 * chair (compared ignoring case and surrounding space), @date ("YYYY-MM-DD", NULL: today) not
 * before the actual date and not in the future. The review must have its actual date and must
 * not be signed off already. Sets status signed-off, "signed-off-by" (the chair as recorded) and
 * "signed-off-on" in one save (one change-history entry). Refusals: ANNEX_STORE_ERROR_INVALID
 * with a sentence for the user. */
gboolean     annex_review_sign_off           (AnnexRegister *reviews,
                                              AnnexReview   *self,
                                              const char    *name,
                                              const char    *date,
                                              GError       **error);
/* Reopens a signed-off @self for changes, because of @reason (not blank; trimmed): status back to
 * held, "signed-off-by" / "signed-off-on" cleared, "reopen-reason" = @reason, in one save whose
 * change-history entry carries the reason (and the sign-off it undoes, as "before"). */
gboolean     annex_review_reopen             (AnnexRegister *reviews,
                                              AnnexReview   *self,
                                              const char    *reason,
                                              GError       **error);

/* Whether @action is an action of @self: origin "management-review" and origin reference
 * (trimmed) equal to @self's reference. */
gboolean     annex_review_owns_action        (AnnexReview   *self,
                                              AnnexAction   *action);
/* The actions of @self among @actions (a list model of AnnexAction), in their order there. An
 * array of AnnexAction (references held). */
GPtrArray   *annex_review_dup_actions        (AnnexReview   *self,
                                              GListModel    *actions);
/* Creates an action of @self (saved) with @title (required), @owner and @due_date (both may be
 * NULL) and adds it to @actions (the action register): origin management-review, origin
 * reference = @self's reference. Refused when @self is signed off (the minutes are closed:
 * reopen it first). Returns the new action (borrowed: an item of @actions) or NULL. */
AnnexAction *annex_review_add_action         (AnnexReview   *self,
                                              AnnexRegister *actions,
                                              const char    *title,
                                              const char    *owner,
                                              const char    *due_date,
                                              GError       **error);

/* The review interval in months (ANNEX_REVIEW_INTERVAL_SETTING): the default when unset or not
 * a number in 1…ANNEX_REVIEW_INTERVAL_MAX. */
guint        annex_review_get_interval_months (AnnexDatabase *db);
/* Sets it (1…ANNEX_REVIEW_INTERVAL_MAX, else INVALID); recorded in the change history. */
gboolean     annex_review_set_interval_months (AnnexDatabase *db,
                                               guint          months,
                                               GError       **error);

/* When the next review is due. */
typedef struct
{
  guint     interval_months;
  char     *last_reference;      /* the last held (actual date) or signed-off review, or NULL */
  char     *last_date;           /* its actual date, or NULL */
  char     *due_date;            /* last_date + interval; with no held review: the workspace's
                                  * creation date + interval; NULL when neither is known */
  gboolean  overdue;             /* due_date before today and no review held since */
  char     *planned_reference;   /* the next planned review (not held: no actual date, not
                                  * signed off), earliest planned date first, or NULL */
  char     *planned_date;        /* its planned date (may be NULL) */
} AnnexReviewSchedule;

/* Computes the schedule from @reviews (a list model of AnnexReview; NULL: read from @db) and
 * the interval setting of @db, relative to @today ("YYYY-MM-DD"; NULL: the local date now).
 * Fills @out (release with annex_review_schedule_clear()). */
gboolean     annex_review_compute_schedule   (AnnexDatabase        *db,
                                              GListModel           *reviews,
                                              const char           *today,
                                              AnnexReviewSchedule  *out,
                                              GError              **error);
void         annex_review_schedule_clear     (AnnexReviewSchedule  *schedule);

/* The number of signed-off reviews (`annex info`). */
gboolean     annex_review_count_signed_off   (AnnexDatabase *db,
                                              gint64        *out_count,
                                              GError       **error);

G_END_DECLS
