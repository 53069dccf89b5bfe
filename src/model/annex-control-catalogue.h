/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-control-catalogue.h: a control catalogue imported into the workspace beside Annex A (an
 * OSCAL catalog: NIST SP 800-53, a sector framework…); its controls are rows of the controls
 * register whose "catalogue-id" is the catalogue's id. */

#pragma once

#include "annex-record.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_CONTROL_CATALOGUE (annex_control_catalogue_get_type ())
G_DECLARE_FINAL_TYPE (AnnexControlCatalogue, annex_control_catalogue, ANNEX, CONTROL_CATALOGUE,
                      AnnexRecord)

/* Table "catalogues" (schema 8), references "CAT-001". A register of this type
 * (annex_register_new (db, ANNEX_TYPE_CONTROL_CATALOGUE)) is the list of imported catalogues,
 * e.g. for the Controls view's catalogue filter (AnnexControlFilter.catalogue = the id).
 *
 * Fields (property / column):
 *   "title"     text, required, list, searchable: the catalog's metadata title
 *   "version"   text, list: the catalog's metadata version
 *   "source"    text: the OSCAL document's uuid (a re-import finds its catalogue by it or by title)
 *   "imported"  date, list: the day of the last import
 *
 * Written by annex_oscal_import_catalog() (src/report); not deleted by the user (can_delete
 * refuses: its controls may carry SoA decisions and links). */

AnnexControlCatalogue *annex_control_catalogue_new       (void);

const char            *annex_control_catalogue_get_title (AnnexControlCatalogue *self);

G_END_DECLS
