/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-links.h: links between records of two registers — a risk's assets and controls, a party
 * requirement's controls, later an objective's risks — kept in the table "links" (migration 3),
 * every change in the change history. A link is directed (from → to) only in how it is stored:
 * either end can list the other. */

#pragma once

#include "annex-database.h"

G_BEGIN_DECLS

/* Every function takes register table names (annex_database_get_register_tables(): checked,
 * an unknown name is ANNEX_STORE_ERROR_INVALID) and record ids; the writes need both records to
 * exist (INVALID otherwise; the reads simply find no links). Writes run in their own transaction
 * or the caller's, add one change-history entry per link added or removed (table "links", the
 * link's id, JSON {"from_table":…,"from":<reference>,"to_table":…,"to":<reference>}) and mark
 * the database changed with detail "links".
 * annex_register_remove() removes a record's links (both directions) with it, and
 * annex_register_restore() brings back those whose other end still exists. */

/* The ids of the @to_table records linked from (@from_table, @from_id), ascending. An array of
 * gint64 (empty when none); NULL only on error. */
GArray   *annex_links_dup_targets      (AnnexDatabase  *db,
                                        const char     *from_table,
                                        gint64          from_id,
                                        const char     *to_table,
                                        GError        **error);
/* The ids of the @from_table records that link to (@to_table, @to_id), ascending. */
GArray   *annex_links_dup_sources      (AnnexDatabase  *db,
                                        const char     *to_table,
                                        gint64          to_id,
                                        const char     *from_table,
                                        GError        **error);

/* Adds one link; a link that exists already is left as it is (TRUE, no history entry). */
gboolean  annex_links_add              (AnnexDatabase  *db,
                                        const char     *from_table,
                                        gint64          from_id,
                                        const char     *to_table,
                                        gint64          to_id,
                                        GError        **error);
/* Removes one link; a link that does not exist is no error. */
gboolean  annex_links_remove           (AnnexDatabase  *db,
                                        const char     *from_table,
                                        gint64          from_id,
                                        const char     *to_table,
                                        gint64          to_id,
                                        GError        **error);
/* Makes @ids (@n_ids of them; duplicates ignored) the exact set of @to_table records linked from
 * (@from_table, @from_id), in one transaction: only the differences are written. */
gboolean  annex_links_set_targets      (AnnexDatabase  *db,
                                        const char     *from_table,
                                        gint64          from_id,
                                        const char     *to_table,
                                        const gint64   *ids,
                                        guint           n_ids,
                                        GError        **error);

/* For reports over a whole register, in one query rather than one per record: a new hash table
 * from a @from_table id (gint64 *) to the ids of the @to_table records it links to (a GArray of
 * gint64, ascending, as annex_links_dup_targets() gives them); records without links are not in
 * it. Both are freed with it. */
GHashTable *annex_links_dup_all_targets (AnnexDatabase  *db,
                                         const char     *from_table,
                                         const char     *to_table,
                                         GError        **error);

/* For lists and counts over a whole register: a new hash table from a @to_table id
 * (gint64 *, freed with it) to the number of @from_table records linking to it. */
GHashTable *annex_links_count_sources  (AnnexDatabase  *db,
                                        const char     *from_table,
                                        const char     *to_table,
                                        GError        **error);

G_END_DECLS
