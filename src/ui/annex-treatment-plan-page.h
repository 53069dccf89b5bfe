/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-treatment-plan-page.h: the risk treatment plan (6.1.3 e, 8.3): the actions that carry out
 * risk treatment, under the risk each treats, with owners, due dates and status, overdue ones
 * marked, and the counts. */

#pragma once

#include <adwaita.h>

#include "annex-database.h"
#include "annex-treatment-plan.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_TREATMENT_PLAN_PAGE (annex_treatment_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (AnnexTreatmentPlanPage, annex_treatment_plan_page, ANNEX,
                      TREATMENT_PLAN_PAGE, GtkWidget)

/* Properties: "database" (AnnexDatabase, may be NULL), "n-entries" (guint, read-only).
 * The plan is read again at the next idle after the actions or the risks change. Activating an
 * action's row activates "win.show-record" ("actions", its id); a risk's heading shows the risk
 * ("risks", its id). */

GtkWidget     *annex_treatment_plan_page_new          (void);
AnnexDatabase *annex_treatment_plan_page_get_database (AnnexTreatmentPlanPage *self);
void           annex_treatment_plan_page_set_database (AnnexTreatmentPlanPage *self,
                                                       AnnexDatabase          *database);
/* Reads the plan now (it otherwise follows the database at the next idle). */
void           annex_treatment_plan_page_refresh      (AnnexTreatmentPlanPage *self);
guint          annex_treatment_plan_page_get_n_entries (AnnexTreatmentPlanPage *self);
/* The entry shown at @index (borrowed), or NULL. */
const AnnexTreatmentPlanEntry *
               annex_treatment_plan_page_get_entry    (AnnexTreatmentPlanPage *self,
                                                       guint                   index);
/* "12 actions · 8 open · 2 overdue · 3 done" (the counts line). */
char          *annex_treatment_plan_format_counts     (const AnnexTreatmentPlanCounts *counts);

G_END_DECLS
