/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-setup-assistant.h: the guided start offered when a workspace is created: organization
 * name, sector, size, risk method, a first scope sentence and optional starter content, one
 * step at a time, each skippable; everything stays editable afterwards. */

#pragma once

#include <adwaita.h>

#include "annex-database.h"
#include "annex-risk-method.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_SETUP_ASSISTANT (annex_setup_assistant_get_type ())
G_DECLARE_FINAL_TYPE (AnnexSetupAssistant, annex_setup_assistant, ANNEX, SETUP_ASSISTANT,
                      AdwWindow)

/* The workspace settings the assistant writes besides "organization" and "risk-method". */
#define ANNEX_SETUP_SECTOR_SETTING "sector"
#define ANNEX_SETUP_SIZE_SETTING   "organization-size"

/* A modal window over @parent for the workspace @database (open on this thread, normally
 * just created). Steps, in order (annex_setup_assistant_get_step ()): "organization", "sector",
 * "size" (stored as "1-10", "11-50", "51-250" or "250+"), "method", "scope", "starter".
 *
 * Actions: "setup.next" (keeps the step's answer and goes on; on the last step it finishes),
 * "setup.skip" (leaves the step's answer out and goes on; on the last step it finishes),
 * "setup.back". Finishing applies the kept answers, each on its own: the organization name,
 * the sector and size settings, a draft scope version with the sentence as its statement (added
 * to the draft when there is one already), the sector's starter content
 * (annex_sample_load_starter (); the sector "general" when the sector was skipped) and last the
 * risk method preset (annex_risk_register_apply_method (), which re-maps the starter risks onto
 * it). A failed part does not stop the others: it is
 * reported through "add-toast". Then "finished" is emitted and the window destroyed. Closing
 * it (Escape, the close button) applies nothing.
 *
 * Signals: "add-toast" (AdwToast, borrowed for the emission: ref it to keep it),
 * "finished" (gboolean: whether anything was applied; not emitted when closed). */
AnnexSetupAssistant *annex_setup_assistant_new              (GtkWindow           *parent,
                                                             AnnexDatabase       *database);

const char          *annex_setup_assistant_get_step         (AnnexSetupAssistant *self);

/* For tests: the answers, as the user would give them on each step. @sector: an id of
 * annex_sample_get_sectors (); @size: one of the size values above. */
void                 annex_setup_assistant_set_organization (AnnexSetupAssistant *self,
                                                             const char          *name);
void                 annex_setup_assistant_set_sector       (AnnexSetupAssistant *self,
                                                             const char          *sector);
void                 annex_setup_assistant_set_size         (AnnexSetupAssistant *self,
                                                             const char          *size);
void                 annex_setup_assistant_set_preset       (AnnexSetupAssistant *self,
                                                             AnnexRiskPreset      preset);
void                 annex_setup_assistant_set_scope        (AnnexSetupAssistant *self,
                                                             const char          *statement);
void                 annex_setup_assistant_set_add_starter  (AnnexSetupAssistant *self,
                                                             gboolean             add_starter);

G_END_DECLS
