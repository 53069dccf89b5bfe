/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-action.h: one action of the single action tracker (risk treatment, corrective action,
 * review decision, audit follow-up…). */

#pragma once

#include "annex-record.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_ACTION (annex_action_get_type ())
G_DECLARE_FINAL_TYPE (AnnexAction, annex_action, ANNEX, ACTION, AnnexRecord)

/* Fields (property name / column): "title" (required, list, searchable), "owner" (list,
 * searchable), "due-date" / due_date (date, list), "status" (choice: open, in-progress, done,
 * cancelled; default open; list), "origin" (choice: other, risk-treatment, corrective-action,
 * audit, management-review, objective, incident; default other; list), "origin-reference" /
 * origin_reference (text, e.g. "R-014"; searchable), "description" (long text, searchable),
 * "completed-on" / completed_on (date).
 * Computed, read-only: "overdue" (gboolean): due date before today and status open or in-progress;
 * "status-label", "origin-label" (translated labels).
 * Table "actions", references "A-001". */

AnnexAction *annex_action_new          (void);

const char  *annex_action_get_title    (AnnexAction *self);
void         annex_action_set_title    (AnnexAction *self,
                                        const char  *title);
const char  *annex_action_get_owner    (AnnexAction *self);
const char  *annex_action_get_due_date (AnnexAction *self);
const char  *annex_action_get_status   (AnnexAction *self);

/* Overdue relative to @today ("YYYY-MM-DD"): a pure function for tests and checks. */
gboolean     annex_action_is_overdue_on (AnnexAction *self,
                                         const char  *today);
/* Overdue relative to the local date now. */
gboolean     annex_action_get_overdue  (AnnexAction *self);

G_END_DECLS
