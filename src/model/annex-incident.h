/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-incident.h: one information security incident of the incident register (Annex A 5.24 –
 * 5.27), with the assets it affected and the lessons learned. */

#pragma once

#include "annex-database.h"
#include "annex-record.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_INCIDENT (annex_incident_get_type ())
G_DECLARE_FINAL_TYPE (AnnexIncident, annex_incident, ANNEX, INCIDENT, AnnexRecord)

/* Table "incidents", references "INC-2026-01": yearly (annex_record_class_set_yearly_reference())
 * by the year of "detected-on", or of creation when it is empty.
 *
 * Fields (property / column):
 *   "title"             text, required, list, searchable
 *   "detected-on" / detected_on   date, list
 *   "description"       long text, searchable
 *   "severity"          choice: low, medium, high, critical ("Low", "Medium", "High",
 *                       "Critical"); default medium; required, list, filter
 *   "status"            choice: open, contained, resolved ("Open", "Contained", "Resolved");
 *                       default open; required, list, filter
 *   "lessons-learned" / lessons_learned   long text, searchable
 *
 * Affected assets: links from "incidents" to "assets" (ANNEX_INCIDENT_LINK_TO); removed and
 * restored with the incident.
 * Computed, read-only: "severity-label", "status-label" (translated). */

#define ANNEX_INCIDENT_LINK_TO "assets"

AnnexIncident *annex_incident_new               (void);

const char    *annex_incident_get_title         (AnnexIncident *self);
const char    *annex_incident_get_detected_on   (AnnexIncident *self);
const char    *annex_incident_get_description   (AnnexIncident *self);
const char    *annex_incident_get_severity      (AnnexIncident *self);
const char    *annex_incident_get_status        (AnnexIncident *self);

/* The ids of the assets linked to @self (saved); NULL only on error. */
GArray        *annex_incident_dup_asset_ids     (AnnexIncident *self,
                                                 AnnexDatabase *db,
                                                 GError       **error);

G_END_DECLS
