/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-training.h: one piece of evidence of a person's competence (clause 7.2): a training, a
 * qualification or experience, with when it was gained and until when it is valid. A child of
 * its person (AnnexPerson). */

#pragma once

#include "annex-record.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_TRAINING (annex_training_get_type ())
G_DECLARE_FINAL_TYPE (AnnexTraining, annex_training, ANNEX, TRAINING, AnnexRecord)

/* Table "trainings", references "CE-001" (competence evidence).
 *
 * Fields (property / column):
 *   "person-id" / person_id   int: the id of its person (required: validate refuses 0)
 *   "kind"          choice: training, qualification, experience ("Training", "Qualification",
 *                   "Experience"); default training; required, list, filter
 *   "title"         text, required, list, searchable ("ISO 27001 Lead Auditor")
 *   "areas"         text, list, searchable: the competence areas it gives, separated by commas
 *                   or semicolons (matched against roles' required competence, see
 *                   annex_people_dup_competence_gaps())
 *   "date"          date, list: when it was gained (completed, awarded)
 *   "valid-until" / valid_until   date, list: when it expires (empty: does not expire);
 *                   validate: not before "date"
 *   "provider"      text, searchable: who trained or certified
 *   "evidence"      text, searchable: where the certificate or record is kept (path, URL)
 *   "notes"         long text, searchable
 *
 * Rules: the person exists (check_write, INVALID "The person of this evidence no longer
 * exists").
 * Computed, read-only: "kind-label" (translated), "expired" (gboolean:
 * annex_training_is_expired_on() today; notified when "valid-until" changes). */

AnnexTraining *annex_training_new             (gint64         person_id);

gint64         annex_training_get_person_id   (AnnexTraining *self);
const char    *annex_training_get_kind        (AnnexTraining *self);
const char    *annex_training_get_title       (AnnexTraining *self);
const char    *annex_training_get_areas       (AnnexTraining *self);
const char    *annex_training_get_date        (AnnexTraining *self);
const char    *annex_training_get_valid_until (AnnexTraining *self);

/* Expired: a valid "valid-until" before @today ("YYYY-MM-DD"). */
gboolean       annex_training_is_expired_on   (AnnexTraining *self,
                                               const char    *today);
/* Valid on @today: gained on or before @today (or no date) and not expired. */
gboolean       annex_training_is_valid_on     (AnnexTraining *self,
                                               const char    *today);
/* Expired relative to the local date now. */
gboolean       annex_training_get_expired     (AnnexTraining *self);

G_END_DECLS
