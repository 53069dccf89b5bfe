/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-risk-method.h: the workspace's risk method (6.1.2 a): likelihood and impact scales, the
 * risk levels with their colours, the grid likelihood × impact → level and the acceptance
 * threshold. Stored as JSON in the workspace setting "risk-method". */

#pragma once

#include <glib-object.h>

#include "annex-database.h"

G_BEGIN_DECLS

/* The workspace setting that holds the method in force (JSON, see annex_risk_method_to_json()).
 * Unset means the default 5 × 5 method. Writing it through annex_database_set_setting() records
 * the method in the change history. */
#define ANNEX_RISK_METHOD_SETTING "risk-method"

/* Every scale (likelihood, impact, risk levels) has between these many entries. */
#define ANNEX_RISK_METHOD_MIN_LEVELS 2
#define ANNEX_RISK_METHOD_MAX_LEVELS 7

typedef enum
{
  ANNEX_RISK_PRESET_3X3,  /* 3 likelihoods × 3 impacts, 3 levels (Low, Medium, High) */
  ANNEX_RISK_PRESET_4X4,  /* 4 × 4, 4 levels (Low, Medium, High, Critical) */
  ANNEX_RISK_PRESET_5X5,  /* 5 × 5, 5 levels (Very low … Very high): the default */
} AnnexRiskPreset;

typedef enum
{
  ANNEX_RISK_SCALE_LIKELIHOOD,
  ANNEX_RISK_SCALE_IMPACT,
  ANNEX_RISK_SCALE_LEVEL,
} AnnexRiskScale;

#define ANNEX_TYPE_RISK_METHOD (annex_risk_method_get_type ())
G_DECLARE_FINAL_TYPE (AnnexRiskMethod, annex_risk_method, ANNEX, RISK_METHOD, GObject)

/* Levels are numbered from 1 (the lowest) on every scale; 0 means "not assessed" wherever a level
 * number is taken or returned.
 *
 * A method is a plain value object with no signals. The method in force (the one risks hold, see
 * annex-risk-register.h) must be treated as immutable: to edit it, annex_risk_method_copy() it,
 * change the copy with the setters, then preview and apply the copy with
 * annex_risk_register_preview_method() / annex_risk_register_apply_method(). The setters do not
 * validate; annex_risk_method_validate() does. */

/* A new method from a preset, with translated labels (stored as they are once saved). */
AnnexRiskMethod *annex_risk_method_new_preset     (AnnexRiskPreset   preset);
/* The default method (ANNEX_RISK_PRESET_5X5). */
AnnexRiskMethod *annex_risk_method_new_default    (void);
/* One shared default method (borrowed, never to be modified): what risks without a method use,
 * and what AnnexRiskRegister uses while the setting is unset. */
AnnexRiskMethod *annex_risk_method_get_default    (void);
/* A new method of any size within MIN_LEVELS..MAX_LEVELS (clamped), with numbered labels
 * ("Likelihood 1"…), levels coloured from green to red, a grid that grows with likelihood + impact
 * and the threshold at the lowest level: a starting point for a custom method. */
AnnexRiskMethod *annex_risk_method_new_custom     (guint             n_likelihoods,
                                                   guint             n_impacts,
                                                   guint             n_levels);
/* Parses and validates @json. Errors: ANNEX_STORE_ERROR_INVALID with a message for the user
 * ("The risk method is not valid: …"). */
AnnexRiskMethod *annex_risk_method_new_from_json  (const char       *json,
                                                   GError          **error);
/* The method in force in @db: the setting parsed, or the default when the setting is unset. A
 * malformed setting is an error (INVALID), and nothing is written: the caller decides (the UI
 * offers to replace it). */
AnnexRiskMethod *annex_risk_method_load           (AnnexDatabase    *db,
                                                   GError          **error);
/* A compact JSON object: {"version":1,"likelihood":[{"label":…,"description":…}…],
 * "impact":[…],"levels":[{"label":…,"description":…,"color":"#rrggbb"}…],
 * "grid":[[level of likelihood 1 × impact 1, … × impact n]…], "threshold":level}. */
char            *annex_risk_method_to_json        (AnnexRiskMethod  *self);
AnnexRiskMethod *annex_risk_method_copy           (AnnexRiskMethod  *self);
/* Same scales, labels, descriptions, colours, grid and threshold. */
gboolean         annex_risk_method_equal          (AnnexRiskMethod  *a,
                                                   AnnexRiskMethod  *b);

/* Every scale has MIN..MAX entries, labels are not blank and unique within their scale, colours
 * are "#rrggbb", every grid cell holds a level in range, the threshold is a level in range.
 * Error: ANNEX_STORE_ERROR_INVALID with a sentence for the user. */
gboolean         annex_risk_method_validate       (AnnexRiskMethod  *self,
                                                   GError          **error);

guint            annex_risk_method_get_n_likelihoods (AnnexRiskMethod *self);
guint            annex_risk_method_get_n_impacts     (AnnexRiskMethod *self);
guint            annex_risk_method_get_n_levels      (AnnexRiskMethod *self);
/* The number of entries of @scale. */
guint            annex_risk_method_get_size       (AnnexRiskMethod  *self,
                                                   AnnexRiskScale    scale);

/* Label and description of entry @n (1-based) of @scale; NULL when @n is 0 or out of range (the
 * description may be NULL anyway). */
const char      *annex_risk_method_get_label      (AnnexRiskMethod  *self,
                                                   AnnexRiskScale    scale,
                                                   guint             n);
const char      *annex_risk_method_get_description (AnnexRiskMethod *self,
                                                   AnnexRiskScale    scale,
                                                   guint             n);
/* "#rrggbb" of risk level @level, or NULL when @level is 0 or out of range. */
const char      *annex_risk_method_get_color      (AnnexRiskMethod  *self,
                                                   guint             level);
/* The risk level of @likelihood × @impact; 0 when either is 0 or out of range. */
guint            annex_risk_method_get_level      (AnnexRiskMethod  *self,
                                                   guint             likelihood,
                                                   guint             impact);
/* The highest level that may be retained without an acceptance (1..n_levels). */
guint            annex_risk_method_get_threshold  (AnnexRiskMethod  *self);

/* Setters for a copy being edited (no validation, no signals). Out-of-range @n is ignored with a
 * critical. */
void             annex_risk_method_set_label      (AnnexRiskMethod  *self,
                                                   AnnexRiskScale    scale,
                                                   guint             n,
                                                   const char       *label);
void             annex_risk_method_set_description (AnnexRiskMethod *self,
                                                   AnnexRiskScale    scale,
                                                   guint             n,
                                                   const char       *description);
void             annex_risk_method_set_color      (AnnexRiskMethod  *self,
                                                   guint             level,
                                                   const char       *color);
void             annex_risk_method_set_level      (AnnexRiskMethod  *self,
                                                   guint             likelihood,
                                                   guint             impact,
                                                   guint             level);
void             annex_risk_method_set_threshold  (AnnexRiskMethod  *self,
                                                   guint             level);

/* The proportional re-mapping used when a scale changes size: level @value of @n_old becomes
 * round ((value - 1) × (n_new - 1) / (n_old - 1)) + 1 of @n_new; 0 stays 0; a value above @n_old
 * maps to @n_new. */
guint            annex_risk_method_remap_value    (guint             value,
                                                   guint             n_old,
                                                   guint             n_new);

G_END_DECLS
