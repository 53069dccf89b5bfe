/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-people.h: the rules of leadership and support (clauses 5 and 7) over the workspace as a
 * whole: the mandated documented information and which of it is in place, the information
 * security policy check, competence gaps, and people as the owners named in other registers. */

#pragma once

#include <gio/gio.h>

#include "annex-database.h"
#include "annex-person.h"
#include "annex-register.h"

G_BEGIN_DECLS

/* ---- Mandated documented information (7.5.1 a) ---- */

/**
 * AnnexMandatedDocument:
 * @clause_id: the clause that mandates it ("6.1.2"; static catalogue data)
 * @clause_title: the clause title, translated
 * @documented_information: what the clause mandates, translated ("Information about the risk
 *   assessment process (methodology and risk criteria)")
 * @doc_type: "document" (to maintain) or "record" (to retain), static
 * @requirement_id: the id of the clause's row in "requirements" (0 if missing)
 * @document_ids: (element-type gint64): the documents that cover it, ascending ids
 * @document_references: their references joined with ", " ("DOC-001, DOC-004"), or NULL
 * @covered: whether at least one document covers it
 *
 * One item of the documented information ISO/IEC 27001:2022 mandates: one per catalogue clause
 * whose doc_type is "document" or "record", in clause order (14 items).
 * Rule: a document that is not withdrawn covers the clauses it links to
 * (ANNEX_DOCUMENT_LINK_CLAUSES). Clause 7.5.1 ("documented information determined by the
 * organization as necessary") is covered by any document that is not withdrawn; its
 * @document_ids and @document_references list only the documents linked to it.
 */
typedef struct
{
  const char *clause_id;
  char       *clause_title;
  char       *documented_information;
  const char *doc_type;
  gint64      requirement_id;
  GArray     *document_ids;
  char       *document_references;
  gboolean    covered;
} AnnexMandatedDocument;

void       annex_mandated_document_free        (AnnexMandatedDocument *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnnexMandatedDocument, annex_mandated_document_free)

/* The mandated items (a GPtrArray of AnnexMandatedDocument, free func set) with their coverage
 * as stored in @db. NULL only on error. */
GPtrArray *annex_people_dup_mandated_documents (AnnexDatabase  *db,
                                                GError        **error);
/* How many items of @items (from annex_people_dup_mandated_documents()) are covered. */
guint      annex_people_count_covered          (GPtrArray      *items);

/* ---- The information security policy (5.2) ---- */

typedef enum
{
  ANNEX_POLICY_MISSING,         /* no document flagged "security-policy" that is not withdrawn */
  ANNEX_POLICY_NOT_APPROVED,    /* flagged, not withdrawn, status not approved */
  ANNEX_POLICY_REVIEW_OVERDUE,  /* approved, next review before today */
  ANNEX_POLICY_NO_REVIEW_DATE,  /* approved, no next review date */
} AnnexPolicyProblemKind;

/**
 * AnnexPolicyProblem:
 * @kind: what is wrong
 * @document_id: the policy document concerned (0 for MISSING)
 * @message: one plain sentence, translated ("The information security policy DOC-003 is not
 *   approved: approve a version of it.")
 */
typedef struct
{
  AnnexPolicyProblemKind  kind;
  gint64                  document_id;
  char                   *message;
} AnnexPolicyProblem;

void       annex_policy_problem_free           (AnnexPolicyProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnnexPolicyProblem, annex_policy_problem_free)

/* Checks the information security policy among @documents (a list model of AnnexDocument,
 * e.g. the documents' register) relative to @today ("YYYY-MM-DD"; NULL: the local date now):
 * MISSING when no document flagged "security-policy" is other than withdrawn; else one problem
 * per such document that is not approved, overdue for review or without a review date.
 * A GPtrArray of AnnexPolicyProblem (free func set), empty when all is well. Pure over the
 * model (for the overview's readiness checks). */
GPtrArray *annex_people_check_policy           (GListModel     *documents,
                                                const char     *today);

/* ---- Competence (7.2) ---- */

typedef enum
{
  ANNEX_GAP_MISSING_COMPETENCE,  /* a role holder lacks a competence area the role requires */
  ANNEX_GAP_EXPIRED,             /* an evidence of a person expired and was not renewed */
  ANNEX_GAP_AUDITOR_TRAINING,    /* an internal auditor has no audit training */
} AnnexCompetenceGapKind;

/**
 * AnnexCompetenceGap:
 * @kind: which rule found it
 * @person_id: the person
 * @role_id: the role (MISSING_COMPETENCE, AUDITOR_TRAINING), else 0
 * @training_id: the expired evidence (EXPIRED), else 0
 * @subject: the competence area missing (MISSING_COMPETENCE), the expired evidence's title
 *   (EXPIRED), "audit" (AUDITOR_TRAINING)
 * @message: one plain sentence, translated ("Jane Doe holds the role Risk owner but has no
 *   valid evidence of “risk assessment”.")
 *
 * One competence gap. The rules, relative to a date "today":
 * - Evidence is valid when its date is empty or not after today and its "valid-until" is empty
 *   or not before today. Evidence "names" an area when its title or its "areas" contains the
 *   area, ignoring case (so "ISO 27001 risk assessment course" names "risk assessment").
 * - MISSING_COMPETENCE: for every role a person holds (links people → roles), every area of the
 *   role's "competence" (annex_role_split_competence()) must be named by a valid evidence of
 *   the person; one gap per person, role and missing area.
 * - EXPIRED: an evidence whose "valid-until" is before today, unless the person has a valid
 *   evidence with the same title (ignoring case and surrounding space): renewed.
 * - AUDITOR_TRAINING: a holder of a role of kind internal-auditor without a valid training or
 *   qualification naming "audit" (any language's "Audit…"/"audit…" matches; so does "19011").
 */
typedef struct
{
  AnnexCompetenceGapKind  kind;
  gint64                  person_id;
  gint64                  role_id;
  gint64                  training_id;
  char                   *subject;
  char                   *message;
} AnnexCompetenceGap;

void       annex_competence_gap_free           (AnnexCompetenceGap *gap);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnnexCompetenceGap, annex_competence_gap_free)

/* The gaps as stored in @db relative to @today ("YYYY-MM-DD"; NULL: the local date now): a
 * GPtrArray of AnnexCompetenceGap (free func set), by person (name); for each person first
 * the expired evidence, then for each role held (by name) the missing areas and the audit
 * training (not reported again when a missing area of the same role names "audit").
 * NULL only on error. */
GPtrArray *annex_people_dup_competence_gaps    (AnnexDatabase  *db,
                                                const char     *today,
                                                GError        **error);

/* ---- People as owners ---- */

/* The names of the people register, trimmed, without blanks and duplicates, sorted for
 * display (g_utf8_collate): the suggestions for owner fields. Free text stays allowed. NULL
 * only on error. */
GStrv      annex_people_dup_names              (AnnexDatabase  *db,
                                                GError        **error);

/**
 * AnnexOwnerUse:
 * @table: the register table ("risks"; static)
 * @field: the field's property name ("owner", "lead-auditor"; static)
 * @field_label: the field's label, translated ("Owner")
 * @record_id: the record
 * @reference: its reference ("R-014")
 *
 * One owner field of a record that names a person.
 */
typedef struct
{
  const char *table;
  const char *field;
  const char *field_label;
  gint64      record_id;
  char       *reference;
} AnnexOwnerUse;

void       annex_owner_use_free                (AnnexOwnerUse *use);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnnexOwnerUse, annex_owner_use_free)

/* The owner fields in all registers whose value is @name (compared trimmed and ignoring case):
 * a GPtrArray of AnnexOwnerUse (free func set), by table in display order, then id.
 * Owner fields are: the "owner" of actions, controls, requirements, assets, risks,
 * nonconformities and documents; audits' "lead-auditor"; nonconformities' "check-by";
 * documents' "approver"; communications' "communicator". Fields that record an act that
 * happened ("approved-by", "accepted-by") are not owner fields: they keep the name as it was.
 * NULL only on error. */
GPtrArray *annex_people_dup_owner_uses         (AnnexDatabase  *db,
                                                const char     *name,
                                                GError        **error);

/* Replaces @old_name by @new_name (not blank; trimmed) in every owner field that holds
 * @old_name (as annex_people_dup_owner_uses() finds them), through the registers of the
 * records, in one transaction: each record changed gets its change-history entry. Registers of
 * the app reload through the database's "changed". @out_n_changed (may be NULL): the number of
 * fields changed. A record that can no longer be saved as it is (invalid for another reason)
 * fails the whole replacement (the error names the record). */
gboolean   annex_people_replace_owner          (AnnexDatabase  *db,
                                                const char     *old_name,
                                                const char     *new_name,
                                                guint          *out_n_changed,
                                                GError        **error);

/* Renames @person (an item of @people) to @new_name and, when @update_owners, replaces its old
 * name in the owner fields (annex_people_replace_owner()), all in one transaction. On failure
 * nothing is written and @person keeps its name.
 *
 * Removing a person (annex_register_remove()) changes no owner field: owners are text, so the
 * records keep naming the person (and their history stays as it was); the UI can tell the user
 * where the name is still used with annex_people_dup_owner_uses(). */
gboolean   annex_people_rename_person          (AnnexRegister  *people,
                                                AnnexPerson    *person,
                                                const char     *new_name,
                                                gboolean        update_owners,
                                                guint          *out_n_changed,
                                                GError        **error);

G_END_DECLS
