/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-heat-map.h: the risk heat map: the likelihood × impact grid of the risk method in its
 * level colours, with the number of risks in each cell; a cell can be picked (to filter a list
 * by it) with the pointer or the keyboard. */

#pragma once

#include <gtk/gtk.h>

#include "annex-risk-method.h"
#include "annex-risk-register.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_HEAT_MAP (annex_heat_map_get_type ())
G_DECLARE_FINAL_TYPE (AnnexHeatMap, annex_heat_map, ANNEX, HEAT_MAP, GtkWidget)

/* Properties: "method" (AnnexRiskMethod, may be NULL: an empty widget), "selected-likelihood",
 * "selected-impact" (guint, read-only; 0 and 0 when no cell is picked).
 * Likelihood grows upwards (the rows), impact to the right (the columns); the axes are labelled
 * with the method's scale labels.
 * Signal "cell-picked" (guint likelihood, guint impact): the user picked a cell (a click, or
 * Enter or Space on the keyboard cursor): the cell became the selected one, or (0, 0) when the
 * user picked the selected cell again, which clears the selection.
 * Keyboard: the widget takes the focus; the arrow keys move the cursor cell, Home and End go to
 * the first and last impact. The accessible description names the cursor cell and its count. */

GtkWidget       *annex_heat_map_new                   (void);

AnnexRiskMethod *annex_heat_map_get_method            (AnnexHeatMap           *self);
/* Keeps a reference to @method (treated as immutable); clears the counts and the selection
 * when the grid's size changes. */
void             annex_heat_map_set_method            (AnnexHeatMap           *self,
                                                       AnnexRiskMethod        *method);
/* Copies the counts of @map (its cells must match the method's grid). */
void             annex_heat_map_set_counts            (AnnexHeatMap           *self,
                                                       const AnnexRiskHeatMap *map);
guint            annex_heat_map_get_count             (AnnexHeatMap           *self,
                                                       guint                   likelihood,
                                                       guint                   impact);

guint            annex_heat_map_get_selected_likelihood (AnnexHeatMap         *self);
guint            annex_heat_map_get_selected_impact   (AnnexHeatMap           *self);
/* Selects a cell (0, 0: none) without emitting "cell-picked" (for the owner that set the filter
 * some other way). */
void             annex_heat_map_set_selected          (AnnexHeatMap           *self,
                                                       guint                   likelihood,
                                                       guint                   impact);
/* Does what a click on the cell does: toggles its selection and emits "cell-picked". */
void             annex_heat_map_pick                  (AnnexHeatMap           *self,
                                                       guint                   likelihood,
                                                       guint                   impact);
/* The cell under (@x, @y) in widget coordinates (the last allocation); FALSE when none. */
gboolean         annex_heat_map_get_cell_at           (AnnexHeatMap           *self,
                                                       double                  x,
                                                       double                  y,
                                                       guint                  *likelihood,
                                                       guint                  *impact);
/* The centre of a cell in widget coordinates (for tests that click it); FALSE when out of
 * range or not allocated. */
gboolean         annex_heat_map_get_cell_center       (AnnexHeatMap           *self,
                                                       guint                   likelihood,
                                                       guint                   impact,
                                                       double                 *x,
                                                       double                 *y);
/* The keyboard cursor (1-based; 0 and 0 without a method). */
void             annex_heat_map_get_cursor            (AnnexHeatMap           *self,
                                                       guint                  *likelihood,
                                                       guint                  *impact);

/* "Likely × Major: 3 risks (High)": a cell as the tooltip and the accessible description say
 * it. */
char            *annex_heat_map_format_cell           (AnnexRiskMethod        *method,
                                                       guint                   likelihood,
                                                       guint                   impact,
                                                       guint                   count);

G_END_DECLS
