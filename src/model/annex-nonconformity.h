/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-nonconformity.h: one nonconformity (clause 10.2): what happened, the correction, the
 * root cause, its corrective actions (in the action tracker) and the check of their
 * effectiveness, which must be recorded before it can be closed. */

#pragma once

#include "annex-action.h"
#include "annex-database.h"
#include "annex-finding.h"
#include "annex-incident.h"
#include "annex-record.h"
#include "annex-register.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_NONCONFORMITY (annex_nonconformity_get_type ())
G_DECLARE_FINAL_TYPE (AnnexNonconformity, annex_nonconformity, ANNEX, NONCONFORMITY, AnnexRecord)

/* Table "nonconformities", references "NC-2026-01": yearly
 * (annex_record_class_set_yearly_reference()) by the year of "raised-on", or of creation when it
 * is empty.
 *
 * Fields (property / column):
 *   "title"             text, required, list, searchable
 *   "source"            choice: audit, incident, management-review, complaint, other ("Audit",
 *                       "Incident", "Management review", "Complaint", "Other"); default other;
 *                       required, list, filter
 *   "source-reference" / source_reference   text, list, searchable: the finding ("F-004") or
 *                       incident ("INC-2026-02") it was raised from
 *   "grade"             choice: minor, major ("Minor", "Major"); default minor; required, list,
 *                       filter
 *   "concerns"          text, list, searchable: the clause or control id concerned ("8.1",
 *                       "5.15"); may be empty
 *   "raised-on" / raised_on   date, list
 *   "owner"             text, list, searchable
 *   "description"       long text, searchable: what happened
 *   "correction"        long text, searchable: the immediate fix
 *   "root-cause" / root_cause   long text, searchable: the root cause analysis
 *   "check-date" / check_date   date: when the effectiveness of the actions was checked
 *   "check-by" / check_by       text: who checked it
 *   "check-result" / check_result   choice: effective, not-effective ("Effective", "Not
 *                       effective"); may be empty (not checked yet)
 *   "check-notes" / check_notes   long text, searchable
 *   "status"            choice: open, action-planned, awaiting-check, closed ("Open", "Action
 *                       planned", "Awaiting effectiveness check", "Closed"); default open;
 *                       required, list, filter
 *
 * Rules (validate: ANNEX_STORE_ERROR_INVALID with a sentence for the user):
 *  - status closed needs a recorded effectiveness check with result effective, a check date and
 *    who checked ("A nonconformity can only be closed once the effectiveness of its corrective
 *    actions was checked: fill in the check date, who checked it and the result “Effective”.");
 *  - the check date is not before "raised-on".
 *
 * Corrective actions: actions of the action tracker (AnnexAction) with origin
 * "corrective-action" and origin reference = the nonconformity's reference.
 *
 * Computed, read-only: "source-label", "grade-label", "check-result-label", "status-label"
 * (translated); "overdue" (gboolean: one of its corrective actions is overdue, as last set with
 * annex_nonconformity_set_overdue() / annex_nonconformity_update_overdue()); "is-open"
 * (gboolean: status not closed). */

AnnexNonconformity *annex_nonconformity_new            (void);

const char  *annex_nonconformity_get_title             (AnnexNonconformity *self);
const char  *annex_nonconformity_get_source            (AnnexNonconformity *self);
const char  *annex_nonconformity_get_source_reference  (AnnexNonconformity *self);
const char  *annex_nonconformity_get_concerns          (AnnexNonconformity *self);
const char  *annex_nonconformity_get_raised_on         (AnnexNonconformity *self);
const char  *annex_nonconformity_get_owner             (AnnexNonconformity *self);
const char  *annex_nonconformity_get_check_result      (AnnexNonconformity *self);
const char  *annex_nonconformity_get_status            (AnnexNonconformity *self);
gboolean     annex_nonconformity_is_open               (AnnexNonconformity *self);

/* Raises a nonconformity from @finding (saved, classification major or minor) in one step and
 * adds it to @nonconformities (the register of AnnexNonconformity of the finding's database):
 * source audit, source reference = the finding's reference, grade = its classification,
 * "concerns" from the finding, "title" from the first line of its description (shortened),
 * "description" = its description (and evidence), raised on today (local date). Refused
 * (INVALID) for an observation or an opportunity for improvement, and when a nonconformity was
 * raised from the finding already (the message names it). Returns the new nonconformity
 * (borrowed: an item of @nonconformities) or NULL. */
AnnexNonconformity *annex_nonconformity_raise_from_finding  (AnnexFinding   *finding,
                                                             AnnexRegister  *nonconformities,
                                                             GError        **error);
/* The same from @incident (saved): source incident, source reference = the incident's
 * reference, "title" = its title, "description" = its description, raised on today. Refused
 * when one was raised from the incident already. */
AnnexNonconformity *annex_nonconformity_raise_from_incident (AnnexIncident  *incident,
                                                             AnnexRegister  *nonconformities,
                                                             GError        **error);

/* Whether @action is a corrective action of @self: origin "corrective-action" and origin
 * reference (trimmed) equal to @self's reference. */
gboolean     annex_nonconformity_owns_action           (AnnexNonconformity *self,
                                                        AnnexAction        *action);
/* The corrective actions of @self among @actions (a list model of AnnexAction, e.g. the action
 * register), in their order there. An array of AnnexAction (references held). */
GPtrArray   *annex_nonconformity_dup_actions           (AnnexNonconformity *self,
                                                        GListModel         *actions);
/* Creates a corrective action of @self (saved, an item of @nonconformities) with @title
 * (required), @owner and @due_date (both may be NULL; the owner defaults to the
 * nonconformity's) and adds it to @actions (the action register) in one transaction with, when
 * @self's status is open, the move of its status to action-planned. Returns the new action
 * (borrowed: an item of @actions) or NULL. */
AnnexAction *annex_nonconformity_add_action            (AnnexRegister      *nonconformities,
                                                        AnnexNonconformity *self,
                                                        AnnexRegister      *actions,
                                                        const char         *title,
                                                        const char         *owner,
                                                        const char         *due_date,
                                                        GError            **error);

/* Overdue relative to @today ("YYYY-MM-DD"): @self is open and one of its corrective actions
 * among @actions is overdue (annex_action_is_overdue_on()). */
gboolean     annex_nonconformity_is_overdue_on         (AnnexNonconformity *self,
                                                        GListModel         *actions,
                                                        const char         *today);
gboolean     annex_nonconformity_get_overdue           (AnnexNonconformity *self);
void         annex_nonconformity_set_overdue           (AnnexNonconformity *self,
                                                        gboolean            overdue);
/* Sets "overdue" on every nonconformity of @nonconformities from @actions, relative to the local
 * date now. Call it when either register changes (items-changed, or an action's "status",
 * "due-date", "origin" or "origin-reference"). */
void         annex_nonconformity_update_overdue        (GListModel         *nonconformities,
                                                        GListModel         *actions);

/* The number of nonconformities whose status is not closed (`annex info`). */
gboolean     annex_nonconformity_count_open            (AnnexDatabase      *db,
                                                        gint64             *out_n_open,
                                                        GError            **error);

G_END_DECLS
