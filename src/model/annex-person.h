/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-person.h: one person of the ISMS (clause 5.3): who they are, the ISMS roles they hold
 * (links to AnnexRole) and, as children, their evidence of competence (AnnexTraining, 7.2). */

#pragma once

#include "annex-record.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_PERSON (annex_person_get_type ())
G_DECLARE_FINAL_TYPE (AnnexPerson, annex_person, ANNEX, PERSON, AnnexRecord)

/* Table "people", references "P-001".
 *
 * Fields (property / column):
 *   "name"        text, required, list, searchable: the name as owner fields name the person
 *   "job-title" / job_title   text, list, searchable: role or title in the organization
 *   "unit"        text, list, searchable: organizational unit
 *   "contact"     text, searchable: e-mail, phone…
 *   "notes"       long text, searchable
 *
 * Children: AnnexTraining through its "person-id" field: removing a person removes their
 * evidence of competence (with its history entries) in the same transaction; restoring the
 * person restores it. The ISMS roles held: links from "people" to "roles"
 * (ANNEX_PERSON_LINK_ROLES); awareness activities attended link to "people".
 * Owner fields elsewhere hold names as text: see annex_people_rename_person() and
 * annex_people_dup_owner_uses() in annex-people.h for renaming and removing. */

#define ANNEX_PERSON_LINK_ROLES "roles"

AnnexPerson *annex_person_new           (void);

const char  *annex_person_get_name      (AnnexPerson *self);
const char  *annex_person_get_job_title (AnnexPerson *self);
const char  *annex_person_get_unit      (AnnexPerson *self);
const char  *annex_person_get_contact   (AnnexPerson *self);

G_END_DECLS
