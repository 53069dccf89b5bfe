/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-sample.h: content that Annex brings along — the sample organizations for training (a
 * complete, consistent, original ISMS each) and the starter content of the guided start (typical
 * issues, parties, assets and risks of a sector, marked as suggestions to review).
 *
 * Both are JSON documents compiled into the model library as GResources under
 * /io/github/annex/Annex/samples/ (samples/<id>.json, starters/<sector>.json). The format, read by
 * one generic loader through the registers (every record validated by its model, every write in
 * the change history, all in ONE transaction — a sample that does not load leaves nothing):
 *
 *   { "format": "annex-sample", "version": 1,
 *     "deliberate-findings": [ "<rule id of annex-readiness.h>", … ]   (samples only)
 *     "settings": { "organization": "…", "risk-method": { …risk method JSON… } | "preset:5x5",
 *                   "climate-change-not-relevant": "…", "review-interval-months": 12, … },
 *     "registers": {
 *       "<table>": [ { "key": "r1", "<field name>": <string|int|bool>, …,
 *                      "parent": "<key of the parent record>"      (child records),
 *                      "links": { "<to table>": [ "<key or reference>", … ] } }, … ],
 *       "controls": [ { "reference": "5.1", "<field>": … } ]   (Annex A rows exist: updated by
 *                                                               reference, never added)
 *       "requirements": [ { "reference": "4.1", … } ]          (likewise) } }
 *
 * Tables load in dependency order whatever their order in the document: people (trainings),
 * roles, issues, parties (party_requirements), scope_versions (scope_exclusions), assets,
 * controls, requirements, risks, documents (document_versions), objectives
 * (objective_measurements), audits (audit_items, findings), incidents, nonconformities,
 * reviews (review_attendees), actions, awareness_activities, communications; a child table's
 * records are added right after their parent, then the parent's own steps below run. Links are
 * made last. "key" is any string unique in the document, used by "parent", "links", by an
 * INT field written as a string (a finding's "item-id": the key of its checklist item) and by
 * a text field written as { "ref": "<key>" }: the reference the record got ("origin-reference":
 * { "ref": "r7" } gives "R-007"; yearly references follow the relative dates); a link
 * target that is not a key is a reference of that table ("5.15", "4.2"). Field values are
 * written by the field names of the record types (their headers), CHOICE values by nick. Dates
 * may be written relative to the day the sample is loaded as "today", "today-30d",
 * "today+2w", "today+3m", "today-1y", so a sample opened in any year has current audits,
 * reviews and overdue actions; dates are set after the other fields, so an explicit
 * "completed-on" or "next-review" wins over the default a model derives.
 *
 * The model's rules are kept by using its own operations, so a record carries its final
 * state and the loader gets there:
 *  - scope_versions "status": "approved" (with "approved-by", "approved-on", "in-force-from")
 *    is added as a draft with its exclusions, then approved with annex_scope_version_approve();
 *    "superseded" likewise, listed before the version that supersedes it;
 *  - document_versions "status": "approved" / "superseded" (with "approved-by", "approved-on"):
 *    annex_document_version_approve() (the document becomes approved); a document's "status"
 *    and "next-review" are set after its versions;
 *  - reviews: every review but a planned one has its inputs a–g prepared with
 *    annex_review_prepare_inputs() once every other record and link is written (as of its
 *    "actual-date" when it was held), the open ones first; "input-notes": { "a": "…", … "g":
 *    "…" } gives the discussion notes of the inputs (any of them), set before preparing.
 *    "status": "signed-off" (with "signed-off-by" = the chair, "signed-off-on"): added as held
 *    with its attendees, prepared, then annex_review_sign_off(); the review needs its
 *    "actual-date";
 *  - a closed nonconformity carries its effectiveness check ("check-date", "check-by",
 *    "check-result": "effective"); a retained risk above the threshold its acceptance.
 * A starter document (starters/<sector>.json) has only "registers" (its "settings" are not
 * applied: the workspace is the user's) and no controls, requirements or deliberate findings.
 *
 * Sample ids, organizations and deliberate findings: "financial" is "Harbour Valley Bank",
 * "healthcare" is "Lindenbrook Clinic" (settings.organization must match
 * AnnexSampleInfo.organization; tests check it). Sectors with a starter file: general,
 * financial, healthcare, software, manufacturing, public. */

#pragma once

#include <gio/gio.h>

#include "annex-database.h"

G_BEGIN_DECLS

typedef struct
{
  const char *id;           /* "financial", "healthcare" */
  const char *name;         /* translated organization kind ("Regional bank") */
  const char *organization; /* the fictional organization's name (not translated) */
  const char *summary;      /* translated one-line description for the welcome screen */
} AnnexSampleInfo;

/* The sample organizations, in the order the welcome screen shows them. */
const AnnexSampleInfo *annex_sample_get_all   (guint *n_samples);
const AnnexSampleInfo *annex_sample_find      (const char *id);

/* Creates a fresh workspace at @path (an existing file is replaced only when @overwrite; else
 * G_IO_ERROR_EXISTS) and loads sample @id into it. On any failure the new file is removed and
 * nothing is left behind. @today: ISO date the relative dates are based on (NULL: today, UTC). */
AnnexDatabase *annex_sample_create            (const char  *path,
                                               const char  *id,
                                               gboolean     overwrite,
                                               const char  *today,
                                               GError     **error);

/* The deliberate readiness-check findings of sample @id (rule ids of annex-readiness.h), NULL
 * terminated: what a trainer shows being fixed. Every other rule passes on a freshly created
 * sample. */
const char * const *annex_sample_get_deliberate_findings (const char *id);

/* Starter content for the guided start. */
typedef struct
{
  const char *id;    /* "general", "financial", "healthcare", "software", "manufacturing", "public" … */
  const char *name;  /* translated sector name */
} AnnexSectorInfo;

const AnnexSectorInfo *annex_sample_get_sectors (guint *n_sectors);

/* Loads the starter content of @sector into @db (an open workspace, normally new) in one
 * transaction: issues, parties, assets and risks whose notes say they are suggestions to review.
 * Nothing is written on failure. */
gboolean       annex_sample_load_starter      (AnnexDatabase *db,
                                               const char    *sector,
                                               GError       **error);

/* The generic loader, for tests: loads a sample-format JSON document into @db in one
 * transaction. ANNEX_STORE_ERROR_INVALID with a message naming the record ("risks[3] (r12):
 * “Title” is required") on any problem; nothing written. */
gboolean       annex_sample_load_json         (AnnexDatabase *db,
                                               const char    *json,
                                               gsize          length,
                                               const char    *today,
                                               GError       **error);

G_END_DECLS
