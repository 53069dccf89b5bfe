/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-risk-register.h: the risk register with the method in force: keeps every risk scored
 * with the current method, re-maps risks when the method changes (preview, then apply), and the
 * register-wide counts (heat map, risks per level). */

#pragma once

#include <gio/gio.h>

#include "annex-register.h"
#include "annex-risk.h"
#include "annex-risk-method.h"

G_BEGIN_DECLS

/* ---- Re-mapping preview ------------------------------------------------------------------ */

/* How one risk is re-mapped by a new method. Likelihood and impact values are re-mapped with
 * annex_risk_method_remap_value() (each scale on its own); the levels are then looked up in the
 * new grid. */
typedef struct
{
  AnnexRisk *risk;                  /* the item of the register (a reference) */
  guint      old_inherent[3];       /* likelihood, impact, level under the current method */
  guint      new_inherent[3];       /* the same under the new method */
  guint      old_residual[3];
  guint      new_residual[3];
  gboolean   values_changed;        /* a likelihood or impact number changes (the row is written) */
  gboolean   level_changed;         /* a level label differs (what the user sees changes) */
  char      *problem;               /* why apply would refuse this risk under the new method (the
                                     * acceptance rule), or NULL */
} AnnexRiskRemap;

#define ANNEX_TYPE_RISK_REMAP (annex_risk_remap_get_type ())
GType           annex_risk_remap_get_type (void) G_GNUC_CONST;
AnnexRiskRemap *annex_risk_remap_copy     (const AnnexRiskRemap *remap);
void            annex_risk_remap_free     (AnnexRiskRemap       *remap);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnnexRiskRemap, annex_risk_remap_free)

/* ---- Heat map ----------------------------------------------------------------------------- */

typedef struct
{
  guint n_likelihoods;
  guint n_impacts;
  guint n_levels;
  /* cells[likelihood - 1][impact - 1]: risks assessed at that cell */
  guint cells[ANNEX_RISK_METHOD_MAX_LEVELS][ANNEX_RISK_METHOD_MAX_LEVELS];
  /* levels[level]: risks at each level 1..n_levels; levels[0]: not assessed (or out of range) */
  guint levels[ANNEX_RISK_METHOD_MAX_LEVELS + 1];
  guint total;
} AnnexRiskHeatMap;

/* Counts the AnnexRisk items of @risks (any GListModel of risks: the register, a filter model…)
 * per cell of @method, by their inherent or their @residual assessment. Reads the fields
 * directly: 100,000 risks take a few milliseconds. */
void     annex_risk_heat_map_compute (AnnexRiskHeatMap *map,
                                      GListModel       *risks,
                                      AnnexRiskMethod  *method,
                                      gboolean          residual);
/* The count of one cell (1-based; 0 when out of range). */
guint    annex_risk_heat_map_get     (const AnnexRiskHeatMap *map,
                                      guint             likelihood,
                                      guint             impact);

/* The residual heat map straight from the table with one GROUP BY (no register needed). */
gboolean annex_risk_heat_map_count_residual (AnnexRiskHeatMap *map,
                                             AnnexDatabase    *db,
                                             AnnexRiskMethod  *method,
                                             GError          **error);

/* Counts the risks per residual level straight from the table with one GROUP BY (for
 * `annex info` and reports, no register needed): @counts must hold n_levels + 1 entries;
 * counts[0] is the number not assessed (or out of range), counts[n] the number at level n. */
gboolean annex_risk_count_residual_levels (AnnexDatabase   *db,
                                           AnnexRiskMethod *method,
                                           guint           *counts,
                                           GError         **error);

/* ---- The register ------------------------------------------------------------------------- */

#define ANNEX_TYPE_RISK_REGISTER (annex_risk_register_get_type ())
G_DECLARE_FINAL_TYPE (AnnexRiskRegister, annex_risk_register, ANNEX, RISK_REGISTER, GObject)

/* Properties: "database" (construct-only), "register" (AnnexRegister of AnnexRisk, read-only:
 * give it to AnnexRegisterPage and load it with annex_register_load/_async), "method"
 * (AnnexRiskMethod, read-only, notified when it changes).
 *
 * The register owns its AnnexRegister and connects to its items-changed FIRST, so every risk
 * holds the current method before any other handler (a sorter, a filter) sees it. It follows the
 * setting: when "risk-method" changes in the database (this register's apply, or another
 * writer), the method is re-read and set on every risk (each risk notifies its level properties).
 *
 * A malformed setting does not stop the register: it scores with the default method (in memory
 * only: nothing is written) and annex_risk_register_get_method_error() says why, for the UI to
 * show with an offer to choose a method. */
AnnexRiskRegister *annex_risk_register_new       (AnnexDatabase     *database);

AnnexDatabase     *annex_risk_register_get_database (AnnexRiskRegister *self);
AnnexRegister     *annex_risk_register_get_register (AnnexRiskRegister *self);
AnnexRiskMethod   *annex_risk_register_get_method   (AnnexRiskRegister *self);
/* Why the stored method could not be read, or NULL when it could (or is unset). */
const GError      *annex_risk_register_get_method_error (AnnexRiskRegister *self);

/* How every risk of the (loaded) register would be re-mapped by @method: an array of
 * AnnexRiskRemap in register order, one per risk. */
GPtrArray         *annex_risk_register_preview_method (AnnexRiskRegister *self,
                                                       AnnexRiskMethod   *method);
/* Makes @method (validated first) the method in force, in ONE transaction: the setting (one
 * change-history entry, the method as JSON) and every risk whose values the re-mapping changes
 * (one entry each, with before and after). Nothing is written when anything fails: a risk that
 * the acceptance rule refuses under the new method fails the whole apply with its message
 * prefixed by its reference (the preview's "problem" says so beforehand). Then every risk holds
 * @method (a copy is kept: later changes to @method do not matter). The register must be
 * loaded. */
gboolean           annex_risk_register_apply_method   (AnnexRiskRegister *self,
                                                       AnnexRiskMethod   *method,
                                                       GError           **error);

G_END_DECLS
