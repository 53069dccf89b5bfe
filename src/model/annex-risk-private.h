/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-risk-private.h: fast access to a risk's assessment for register-wide counts. */

#pragma once

#include "annex-risk.h"

G_BEGIN_DECLS

/* The four assessment numbers of @self (inherent likelihood, inherent impact, residual
 * likelihood, residual impact; 0 = not assessed, 0xff = a stored value above
 * ANNEX_RISK_METHOD_MAX_LEVELS), cached in the risk. No checks: @self must be an AnnexRisk. The
 * array is valid until a value of @self changes. */
const guint8 *_annex_risk_peek_assessment (AnnexRisk *self);

G_END_DECLS
