/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-awareness.h: one awareness activity (clause 7.3): a briefing, campaign or session,
 * when, for whom, and who attended. */

#pragma once

#include "annex-record.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_AWARENESS (annex_awareness_get_type ())
G_DECLARE_FINAL_TYPE (AnnexAwareness, annex_awareness, ANNEX, AWARENESS, AnnexRecord)

/* Table "awareness_activities", references "AW-001".
 *
 * Fields (property / column):
 *   "title"            text, required, list, searchable ("Phishing awareness 2025")
 *   "date"             date, list
 *   "audience"         text, list, searchable: for whom ("All staff", "New joiners")
 *   "topics"           long text, searchable: what was covered (the policy, one's
 *                      contribution, the consequences of not conforming…)
 *   "attendance"       int, list: how many attended (0: not recorded)
 *   "other-attendees" / other_attendees   long text, searchable: attendees who are not in
 *                      the people register, as names
 *   "notes"            long text, searchable
 *
 * Attendees from the people register: links from "awareness_activities" to "people"
 * (ANNEX_AWARENESS_LINK_ATTENDEES). */

#define ANNEX_AWARENESS_LINK_ATTENDEES "people"

AnnexAwareness *annex_awareness_new          (void);

const char     *annex_awareness_get_title    (AnnexAwareness *self);
const char     *annex_awareness_get_date     (AnnexAwareness *self);
const char     *annex_awareness_get_audience (AnnexAwareness *self);

G_END_DECLS
