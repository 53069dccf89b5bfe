/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-asset.h: one asset of the asset register: the things risks attach to. */

#pragma once

#include "annex-database.h"
#include "annex-record.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_ASSET (annex_asset_get_type ())
G_DECLARE_FINAL_TYPE (AnnexAsset, annex_asset, ANNEX, ASSET, AnnexRecord)

/* Fields (property name / column): "name" (required, list, searchable), "type" (choice:
 * information, software, hardware, service, people, site, supplier; default information; list,
 * filter), "owner" (list, searchable), "location" (searchable), "classification" (choice: public,
 * internal, confidential, secret; may be empty; list, filter), "confidentiality", "integrity",
 * "availability" (choices: low, medium, high; may be empty = not rated), "notes" (long text,
 * searchable).
 * Computed, read-only: "type-label", "classification-label", "confidentiality-label",
 * "integrity-label", "availability-label" (translated labels, NULL when empty).
 * Table "assets", references "AS-001".
 *
 * Risks link to assets ("risks" → "assets" in annex-links.h); an asset lists its risks with
 * annex_asset_dup_risk_ids(). */

AnnexAsset  *annex_asset_new              (void);

const char  *annex_asset_get_name         (AnnexAsset     *self);
void         annex_asset_set_name         (AnnexAsset     *self,
                                           const char     *name);
const char  *annex_asset_get_asset_type   (AnnexAsset     *self);
const char  *annex_asset_get_owner        (AnnexAsset     *self);

/* The ids of the risks linked to @self (saved), ascending; NULL only on error. */
GArray      *annex_asset_dup_risk_ids     (AnnexAsset     *self,
                                           AnnexDatabase  *db,
                                           GError        **error);

G_END_DECLS
