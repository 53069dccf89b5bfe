/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-oscal.h: NIST OSCAL — importing a control catalog (JSON) as an additional control
 * catalogue of the workspace, and exporting the Statement of Applicability as an OSCAL
 * component-definition. */

#pragma once

#include <gio/gio.h>

#include "annex-database.h"

G_BEGIN_DECLS

/* Imports an OSCAL catalog JSON document: metadata.title names the catalogue; every control
 * (in groups, nested groups, and control enhancements nested in controls) becomes a control of
 * the workspace in that catalogue with its id as reference, its title, and its statement and
 * guidance parts (params substituted by their labels) as description — usable for SoA decisions
 * and risk links like an Annex A control. All in one transaction with change-history entries;
 * importing the same catalogue again updates titles and descriptions and keeps the decisions.
 * Refused with ANNEX_STORE_ERROR_INVALID and a clear message, nothing written: not JSON, not a
 * catalog, wrong types, a control without id or title, a duplicate id, nesting deeper than 32,
 * a string longer than 64 KiB, more than 20,000 controls, a document larger than 64 MiB.
 * *n_controls: the controls imported. */
gboolean annex_oscal_import_catalog (AnnexDatabase  *db,
                                     GBytes         *json,
                                     char          **out_catalogue_title,
                                     guint          *n_controls,
                                     GError        **error);

/* Writes the SoA as an OSCAL component-definition JSON document (uuid, metadata with title,
 * last-modified, version, oscal-version; one component; a control-implementation with one
 * implemented-requirement per applicable control: control-id, description (reasons and
 * implementation notes), props implementation-status and justification; excluded controls as
 * props too). Atomic like the report writers. */
gboolean annex_oscal_export_soa     (AnnexDatabase  *db,
                                     const char     *path,
                                     GError        **error);

G_END_DECLS
