/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-treatment-plan.h: the risk treatment plan (6.1.3 e, 8.3): the actions of the Actions
 * register whose origin is "risk-treatment", with the risk they treat. */

#pragma once

#include <glib-object.h>

#include "annex-database.h"

G_BEGIN_DECLS

/* One action of the plan. A treatment action is an action with origin "risk-treatment" and
 * origin-reference = the risk's reference ("R-014"). risk_* are NULL / 0 when no risk has that
 * reference (the action still shows: its reference points nowhere, which is worth fixing). */
typedef struct
{
  gint64    risk_id;
  char     *risk_reference;
  char     *risk_title;
  char     *risk_owner;
  gint64    action_id;
  char     *action_reference;
  char     *action_title;
  char     *action_owner;
  char     *due_date;        /* "YYYY-MM-DD" or NULL */
  char     *status;          /* action status nick: open, in-progress, done, cancelled */
  char     *completed_on;
  gboolean  overdue;         /* due before the query's @today and open or in progress */
} AnnexTreatmentPlanEntry;

typedef struct
{
  guint total;
  guint open;      /* open or in progress */
  guint done;
  guint overdue;   /* of the open ones */
  guint cancelled;
} AnnexTreatmentPlanCounts;

#define ANNEX_TYPE_TREATMENT_PLAN_ENTRY (annex_treatment_plan_entry_get_type ())
GType                    annex_treatment_plan_entry_get_type (void) G_GNUC_CONST;
AnnexTreatmentPlanEntry *annex_treatment_plan_entry_copy (const AnnexTreatmentPlanEntry *entry);
void                     annex_treatment_plan_entry_free (AnnexTreatmentPlanEntry       *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnnexTreatmentPlanEntry, annex_treatment_plan_entry_free)

/* The plan, sorted by risk reference (risks in number order, actions without a risk last), then
 * due date (none last), then action reference. @today ("YYYY-MM-DD") decides "overdue"; NULL is
 * the local date now. @out_counts (may be NULL) receives the counts. Returns a GPtrArray of
 * AnnexTreatmentPlanEntry (free func set), NULL on error. One SQL query: usable on a worker
 * thread with its own connection. */
GPtrArray *annex_treatment_plan_query (AnnexDatabase            *db,
                                       const char               *today,
                                       AnnexTreatmentPlanCounts *out_counts,
                                       GError                  **error);

G_END_DECLS
