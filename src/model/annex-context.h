/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-context.h: rules over the context of the organization as a whole: whether climate
 * change is a relevant issue (clause 4.1, Amd 1:2024). The scope's rules are in
 * annex-scope-version.h. */

#pragma once

#include <gio/gio.h>

#include "annex-database.h"
#include "annex-issue.h"

G_BEGIN_DECLS

/* The workspace setting holding why climate change is not a relevant issue. */
#define ANNEX_CONTEXT_CLIMATE_SETTING "climate-change-not-relevant"

typedef enum
{
  ANNEX_CLIMATE_UNANSWERED,    /* no climate issue that is not closed, no note */
  ANNEX_CLIMATE_RELEVANT,      /* an issue that is not closed concerns climate change */
  ANNEX_CLIMATE_NOT_RELEVANT,  /* the note says why not (and no open climate issue exists) */
} AnnexClimateDecision;

/* The organization's answer to "is climate change a relevant issue?". An issue that is not
 * closed with "climate" set answers RELEVANT (it wins over a note); else a non-blank note in the
 * setting answers NOT_RELEVANT; else UNANSWERED.
 * @issues: a list model of AnnexIssue (the issues' register), or NULL to read the issues from
 * @db. @out_issue (may be NULL): for RELEVANT, the first such issue (a new reference), else NULL.
 * @out_note (may be NULL): the note (newly allocated) whenever one is set, else NULL. */
AnnexClimateDecision annex_context_get_climate_decision (AnnexDatabase  *db,
                                                         GListModel     *issues,
                                                         AnnexIssue    **out_issue,
                                                         char          **out_note);
/* "unanswered", "relevant", "not-relevant" (for the command line). */
const char          *annex_climate_decision_to_string   (AnnexClimateDecision decision);

/* The note of ANNEX_CONTEXT_CLIMATE_SETTING, or NULL when none is set. */
char                *annex_context_dup_climate_note     (AnnexDatabase  *db);
/* Records that climate change is not a relevant issue, because @note (not blank: INVALID
 * otherwise; trimmed). A workspace setting: recorded in the change history, marks "workspace"
 * changed. */
gboolean             annex_context_set_climate_note     (AnnexDatabase  *db,
                                                         const char     *note,
                                                         GError        **error);
/* Removes the note (no error when there is none). */
gboolean             annex_context_clear_climate_note   (AnnexDatabase  *db,
                                                         GError        **error);

G_END_DECLS
