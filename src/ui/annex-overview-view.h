/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-overview-view.h: the Overview view, the first screen of a workspace: the readiness score
 * with its parts and the next step, the residual risk heat map, the Statement of Applicability
 * by theme, the follow-up (open nonconformities, overdue actions, next audit and review) and the
 * readiness checks with the records each concerns. */

#pragma once

#include <adwaita.h>

#include "annex-database.h"
#include "annex-heat-map.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_OVERVIEW_VIEW (annex_overview_view_get_type ())
G_DECLARE_FINAL_TYPE (AnnexOverviewView, annex_overview_view, ANNEX, OVERVIEW_VIEW, GtkWidget)

/* Everything is computed from the stored workspace (annex_readiness_compute(), synchronous
 * SQL): on set_database, and after the database's "changed" with a short delay so that a burst
 * of edits recomputes once; while the view is not mapped it only notes that it is out of date
 * and recomputes when mapped.
 * Rows open their views and records through the window's actions "win.show-view" (s) and
 * "win.show-record" ((sx): table, id).
 * Signal "show-risks" (guint likelihood, guint impact): a cell of the residual heat map was
 * picked; the window shows the Risks view filtered by it.
 * Signal "add-toast" (AdwToast *toast): a computation failed. */

GtkWidget    *annex_overview_view_new           (void);

/* @database: the open workspace, or NULL. */
void          annex_overview_view_set_database  (AnnexOverviewView *self,
                                                 AnnexDatabase     *database);
AnnexDatabase *annex_overview_view_get_database (AnnexOverviewView *self);

/* The day the checks are computed for (ISO date; NULL: today). For tests. */
void          annex_overview_view_set_today     (AnnexOverviewView *self,
                                                 const char        *today);

/* Recomputes now (also cancels a pending delayed refresh). */
void          annex_overview_view_refresh       (AnnexOverviewView *self);
/* The number of computations so far (for tests: a burst of changes computes once). */
guint         annex_overview_view_get_n_refreshes (AnnexOverviewView *self);

/* For tests: the score shown (0–100), the label showing it, the heat map, and the rows of the
 * readiness checks (one per finding, AdwExpanderRow or AdwActionRow, in order). */
guint         annex_overview_view_get_score     (AnnexOverviewView *self);
GtkLabel     *annex_overview_view_get_score_label (AnnexOverviewView *self);
AnnexHeatMap *annex_overview_view_get_heat_map  (AnnexOverviewView *self);
GtkListBox   *annex_overview_view_get_checks_list (AnnexOverviewView *self);
/* The row of the finding of @rule, or NULL. */
GtkWidget    *annex_overview_view_get_check_row (AnnexOverviewView *self,
                                                 const char        *rule);

G_END_DECLS
