/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-communication.h: one entry of the communication plan (clause 7.4): what is
 * communicated, when, with whom, by whom and how. */

#pragma once

#include "annex-record.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_COMMUNICATION (annex_communication_get_type ())
G_DECLARE_FINAL_TYPE (AnnexCommunication, annex_communication, ANNEX, COMMUNICATION, AnnexRecord)

/* Table "communications", references "COM-001".
 *
 * Fields (property / column):
 *   "subject"       text, required, list, searchable: what ("The information security
 *                   policy")
 *   "direction"     choice: internal, external ("Internal", "External"); default internal;
 *                   required, list, filter
 *   "frequency"     text, list, searchable: when ("Yearly", "On every change")
 *   "audience"      text, list, searchable: with whom
 *   "communicator"  text, list, searchable: who communicates (an owner field: people names)
 *   "method"        text, list, searchable: how ("Intranet", "All-hands meeting")
 *   "last-done" / last_done   date: when it was last done
 *   "next-due" / next_due     date, list: when it is next due
 *   "notes"         long text, searchable
 *
 * Computed, read-only: "direction-label" (translated), "overdue" (gboolean:
 * annex_communication_is_overdue_on() today; notified when "next-due" changes). */

AnnexCommunication *annex_communication_new             (void);

const char         *annex_communication_get_subject     (AnnexCommunication *self);
const char         *annex_communication_get_communicator (AnnexCommunication *self);
const char         *annex_communication_get_next_due    (AnnexCommunication *self);

/* Overdue: a valid "next-due" before @today ("YYYY-MM-DD"). */
gboolean            annex_communication_is_overdue_on   (AnnexCommunication *self,
                                                         const char         *today);

G_END_DECLS
