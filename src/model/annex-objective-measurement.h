/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-objective-measurement.h: one measured value of an objective (clause 6.2, 9.1): when it
 * was measured, the value and a note. */

#pragma once

#include <gio/gio.h>

#include "annex-record.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_OBJECTIVE_MEASUREMENT (annex_objective_measurement_get_type ())
G_DECLARE_FINAL_TYPE (AnnexObjectiveMeasurement, annex_objective_measurement, ANNEX,
                      OBJECTIVE_MEASUREMENT, AnnexRecord)

/* Table "objective_measurements", references "OM-001". A child of AnnexObjective.
 *
 * Fields (property / column):
 *   "objective-id" / objective_id   int: the id of its objective (required: a measurement
 *                  whose objective does not exist is refused on add, save and restore)
 *   "date"         date, required, list: when it was measured
 *   "value"        text, required, list, searchable: the measured value as the user writes it
 *                  ("97.5 %", "3 incidents")
 *   "note"         long text, list, searchable
 *
 * Rules: the date must not lie in the future (validate, ANNEX_STORE_ERROR_INVALID: "A
 * measurement cannot be dated in the future"). */

AnnexObjectiveMeasurement *annex_objective_measurement_new (gint64 objective_id);

gint64      annex_objective_measurement_get_objective_id (AnnexObjectiveMeasurement *self);
const char *annex_objective_measurement_get_date         (AnnexObjectiveMeasurement *self);
const char *annex_objective_measurement_get_value        (AnnexObjectiveMeasurement *self);
const char *annex_objective_measurement_get_note         (AnnexObjectiveMeasurement *self);
/* Convenience: sets "date", "value" and "note" (each may be NULL). */
void        annex_objective_measurement_set              (AnnexObjectiveMeasurement *self,
                                                          const char                *date,
                                                          const char                *value,
                                                          const char                *note);

/* Newest first: by "date" descending (no date last), then id descending. A GCompareDataFunc
 * whose arguments are the AnnexObjectiveMeasurement pointers themselves (a GtkCustomSorter). */
int         annex_objective_measurement_compare          (gconstpointer a,
                                                          gconstpointer b,
                                                          gpointer      user_data);

/* The latest measurement of objective @objective_id among @measurements (a list model of
 * AnnexObjectiveMeasurement), by the order above, or NULL (borrowed: an item of the model). */
AnnexObjectiveMeasurement *annex_objective_measurement_find_latest (GListModel *measurements,
                                                                    gint64      objective_id);

G_END_DECLS
