/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-audit-item.h: one item of an audit's checklist: what it samples, the question, the
 * result, notes and the evidence seen. */

#pragma once

#include "annex-record.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_AUDIT_ITEM (annex_audit_item_get_type ())
G_DECLARE_FINAL_TYPE (AnnexAuditItem, annex_audit_item, ANNEX, AUDIT_ITEM, AnnexRecord)

/* Table "audit_items", references "AI-001". A child of AnnexAudit.
 *
 * Fields (property / column):
 *   "audit-id" / audit_id     int: the id of its audit (required: an item whose audit does not
 *                             exist is refused on add, save and restore)
 *   "position"                int: its place in the checklist (ascending; ties by id)
 *   "subject-kind" / subject_kind   choice: clause, control, other ("Clause", "Control",
 *                             "Other"); default other; required, list, filter
 *   "subject"                 text, list, searchable: the clause or control id sampled
 *                             ("9.2.1", "5.15"); may be empty for "other"
 *   "title"                   text, required, list, searchable: what is sampled
 *   "question"                long text, searchable
 *   "result"                  choice: not-sampled, conform, nonconformity, observation,
 *                             improvement ("Not sampled", "Conform", "Nonconformity",
 *                             "Observation", "Opportunity for improvement"); default
 *                             not-sampled; required, list, filter
 *   "notes"                   long text, searchable
 *   "evidence"                long text, searchable: the evidence seen
 *
 * Computed, read-only: "subject-kind-label", "result-label" (translated). */

AnnexAuditItem *annex_audit_item_new              (gint64          audit_id);

gint64          annex_audit_item_get_audit_id     (AnnexAuditItem *self);
gint64          annex_audit_item_get_position     (AnnexAuditItem *self);
const char     *annex_audit_item_get_subject_kind (AnnexAuditItem *self);
const char     *annex_audit_item_get_subject      (AnnexAuditItem *self);
const char     *annex_audit_item_get_title        (AnnexAuditItem *self);
const char     *annex_audit_item_get_question     (AnnexAuditItem *self);
const char     *annex_audit_item_get_result       (AnnexAuditItem *self);
const char     *annex_audit_item_get_notes        (AnnexAuditItem *self);
const char     *annex_audit_item_get_evidence     (AnnexAuditItem *self);

/* The position for an item added by hand at the end of audit @audit_id's checklist: one more
 * than the highest "position" of its items in @items (a list model of AnnexAuditItem, e.g. the
 * register), 1 when it has none. */
gint64          annex_audit_item_next_position    (GListModel     *items,
                                                   gint64          audit_id);

/* Orders items by "position", then by id: a GCompareDataFunc whose arguments are the
 * AnnexAuditItem pointers themselves (a GtkCustomSorter; not g_ptr_array_sort(), which passes
 * pointers to them). */
int             annex_audit_item_compare          (gconstpointer   a,
                                                   gconstpointer   b,
                                                   gpointer        user_data);

G_END_DECLS
