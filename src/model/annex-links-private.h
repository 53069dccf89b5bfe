/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-links-private.h: what the register needs of the links to remove and restore them with a
 * record. */

#pragma once

#include "annex-links.h"

G_BEGIN_DECLS

/* One stored link. The table names point at the static names of
 * annex_database_get_register_tables(). */
typedef struct
{
  gint64      id;
  const char *from_table;
  gint64      from_id;
  const char *to_table;
  gint64      to_id;
  char       *created;
} AnnexLinkRow;

void      _annex_link_row_free       (AnnexLinkRow   *row);

/* Inside the caller's transaction: removes every link from or to (@table, @id), each with its
 * change-history entry, and appends the removed rows to @removed (a GPtrArray that frees
 * AnnexLinkRow). */
gboolean  _annex_links_remove_all    (AnnexDatabase  *db,
                                      const char     *table,
                                      gint64          id,
                                      GPtrArray      *removed,
                                      GError        **error);
/* Inside the caller's transaction: adds @rows again (their id when it is still free, their
 * creation time), each with its change-history entry, skipping those whose ends no longer both
 * exist and those that exist again. */
gboolean  _annex_links_restore       (AnnexDatabase  *db,
                                      GPtrArray      *rows,
                                      GError        **error);

G_END_DECLS
