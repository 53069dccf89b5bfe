/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-audit-private.h: rules shared by the audit's child records. */

#pragma once

#include "annex-database.h"
#include "annex-record.h"

G_BEGIN_DECLS

/* check_write of an audit's child (checklist item, finding): its audit must exist when it is
 * added, saved or restored. @audit_id is the child's "audit-id". */
gboolean _annex_audit_check_child_write (AnnexDatabase     *db,
                                         gint64             audit_id,
                                         AnnexRecordWrite   write,
                                         GError           **error);

G_END_DECLS
