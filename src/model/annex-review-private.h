/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-review-private.h: rules shared by the review, its attendees and its inputs. */

#pragma once

#include "annex-database.h"
#include "annex-record.h"

G_BEGIN_DECLS

/* The stored state of review @review_id: refuses (INVALID) when it is signed off ("MR-2026-01 is
 * signed off: reopen it to change it") and, with @must_exist, when it does not exist. */
gboolean _annex_review_check_unlocked (AnnexDatabase  *db,
                                       gint64          review_id,
                                       gboolean        must_exist,
                                       GError        **error);

/* The lock's message for @reference. Free with g_free(). */
char    *_annex_review_dup_locked_message (const char *reference);

G_END_DECLS
