/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-objective.h: one information security objective (clause 6.2): what is to be achieved,
 * how it is measured, the target, who owns it and by when, with its measurements over time
 * (AnnexObjectiveMeasurement) as children and links to the risks, controls and interested
 * parties it serves. */

#pragma once

#include <gio/gio.h>

#include "annex-database.h"
#include "annex-record.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_OBJECTIVE (annex_objective_get_type ())
G_DECLARE_FINAL_TYPE (AnnexObjective, annex_objective, ANNEX, OBJECTIVE, AnnexRecord)

/* Table "objectives", references "OB-001".
 *
 * Fields (property / column):
 *   "title"        text, required, list, searchable: the objective
 *   "measure"      long text, searchable: how it is measured (the indicator, the method, how
 *                  often)
 *   "target"       text, list, searchable: the value to reach ("≥ 95 %", "0 major findings")
 *   "owner"        text, list, searchable
 *   "due-date" / due_date   date, list
 *   "status"       choice: not-started, on-track, at-risk, achieved, missed ("Not started",
 *                  "On track", "At risk", "Achieved", "Missed"); default not-started; required,
 *                  list, filter
 *   "notes"        long text, searchable
 *
 * Children: AnnexObjectiveMeasurement through its "objective-id" field: removing an objective
 * removes its measurements (and its links) in the same transaction; restoring it restores them.
 * Links (annex-links.h), from "objectives" to "risks" (ANNEX_OBJECTIVE_LINK_RISKS), "controls"
 * (ANNEX_OBJECTIVE_LINK_CONTROLS) and "parties" (ANNEX_OBJECTIVE_LINK_PARTIES).
 *
 * Computed, read-only properties:
 *   "status-label"   translated label of the status
 *   "overdue"        gboolean: annex_objective_get_overdue() (notified when "due-date" or
 *                    "status" change)
 *   "latest-date", "latest-value"   strings: the latest measurement (by date, then id) as last
 *                    set with annex_objective_set_latest() / annex_objective_update_latest();
 *                    NULL when it has none. Not stored: follow the measurements' register. */

#define ANNEX_OBJECTIVE_LINK_RISKS    "risks"
#define ANNEX_OBJECTIVE_LINK_CONTROLS "controls"
#define ANNEX_OBJECTIVE_LINK_PARTIES  "parties"

AnnexObjective *annex_objective_new              (void);

const char     *annex_objective_get_title        (AnnexObjective *self);
const char     *annex_objective_get_measure      (AnnexObjective *self);
const char     *annex_objective_get_target       (AnnexObjective *self);
const char     *annex_objective_get_owner        (AnnexObjective *self);
const char     *annex_objective_get_due_date     (AnnexObjective *self);
const char     *annex_objective_get_status       (AnnexObjective *self);

/* Overdue relative to @today ("YYYY-MM-DD"): a valid due date before @today and status
 * not-started, on-track or at-risk (neither achieved nor missed). */
gboolean        annex_objective_is_overdue_on    (AnnexObjective *self,
                                                  const char     *today);
/* The same relative to the local date now. */
gboolean        annex_objective_get_overdue      (AnnexObjective *self);

/* The latest measurement shown with the objective ("latest-date", "latest-value"); both may be
 * NULL. Notifies the properties that change. */
void            annex_objective_set_latest       (AnnexObjective *self,
                                                  const char     *date,
                                                  const char     *value);
const char     *annex_objective_get_latest_date  (AnnexObjective *self);
const char     *annex_objective_get_latest_value (AnnexObjective *self);
/* Sets "latest-date" / "latest-value" on every objective of @objectives (a list model of
 * AnnexObjective) from @measurements (a list model of AnnexObjectiveMeasurement, e.g. the
 * register). Call it when either changes (items-changed, a measurement's "date" or "value"). */
void            annex_objective_update_latest    (GListModel     *objectives,
                                                  GListModel     *measurements);

/* The ids of the records of @to_table (ANNEX_OBJECTIVE_LINK_*) linked from @self (saved).
 * NULL only on error. */
GArray         *annex_objective_dup_linked_ids   (AnnexObjective *self,
                                                  AnnexDatabase  *db,
                                                  const char     *to_table,
                                                  GError        **error);

G_END_DECLS
