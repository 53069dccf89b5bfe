/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-risk-method-dialog.h: the dialog that edits the workspace's risk method (6.1.2 a):
 * presets, likelihood and impact scales, risk levels and their colours, the lookup grid and the
 * acceptance threshold; applying it when risks exist first shows how each risk is re-mapped. */

#pragma once

#include <adwaita.h>

#include "annex-risk-register.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_RISK_METHOD_DIALOG (annex_risk_method_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AnnexRiskMethodDialog, annex_risk_method_dialog, ANNEX,
                      RISK_METHOD_DIALOG, AdwWindow)

/* Properties: "risk-register" (AnnexRiskRegister, construct-only), "valid" (gboolean,
 * read-only: the edited method validates; Apply is enabled).
 * Signal "applied" (guint n_rescored): the method was applied (n_rescored risks changed level);
 * the dialog then closes.
 * Apply with risks whose level changes (or whose values change) first opens a preview: an
 * AdwMessageDialog listing "R-004: High → Medium", with "Cancel" and "apply" responses; risks
 * the acceptance rule would refuse are listed and the apply response is disabled. */

GtkWidget       *annex_risk_method_dialog_new         (GtkWindow             *parent,
                                                       AnnexRiskRegister     *risks);
/* The method being edited (borrowed; changes as the user edits). */
AnnexRiskMethod *annex_risk_method_dialog_get_method  (AnnexRiskMethodDialog *self);
/* Starts over from a preset (as the preset row does). */
void             annex_risk_method_dialog_use_preset  (AnnexRiskMethodDialog *self,
                                                       AnnexRiskPreset        preset);
/* Sets one cell of the grid (as its level button does). */
void             annex_risk_method_dialog_set_cell    (AnnexRiskMethodDialog *self,
                                                       guint                  likelihood,
                                                       guint                  impact,
                                                       guint                  level);
gboolean         annex_risk_method_dialog_get_valid   (AnnexRiskMethodDialog *self);
/* What Apply does: applies at once when nothing is re-mapped, else opens the preview and
 * returns it (NULL otherwise). */
GtkWidget       *annex_risk_method_dialog_apply       (AnnexRiskMethodDialog *self);
/* The preview's lines ("R-004: High → Medium"), for tests; NULL before a preview. */
GStrv            annex_risk_method_dialog_dup_preview_lines (AnnexRiskMethodDialog *self);
/* "R-004: High → Medium" (the residual level, else the inherent level). */
char            *annex_risk_remap_format              (const AnnexRiskRemap  *remap,
                                                       AnnexRiskMethod       *old_method,
                                                       AnnexRiskMethod       *new_method);

G_END_DECLS
