/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-change-log.h: the change history: every insert, update and delete of every register, with
 * before/after values, chained with SHA-256 so that tampering is detectable. */

#pragma once

#include "annex-database.h"

G_BEGIN_DECLS

typedef enum
{
  ANNEX_CHANGE_INSERT,
  ANNEX_CHANGE_UPDATE,
  ANNEX_CHANGE_DELETE,
} AnnexChangeKind;

typedef struct
{
  gint64          id;
  char           *time;        /* ISO 8601 UTC, microseconds: 2026-11-28T06:29:31.123456Z */
  char           *table_name;
  gint64          record_id;
  AnnexChangeKind kind;
  char           *before;      /* JSON object of the field values, NULL for an insert */
  char           *after;       /* JSON object of the field values, NULL for a delete */
  char           *hash;        /* lowercase hex SHA-256 */
} AnnexChangeEntry;

#define ANNEX_TYPE_CHANGE_ENTRY (annex_change_entry_get_type ())
GType             annex_change_entry_get_type (void) G_GNUC_CONST;
AnnexChangeEntry *annex_change_entry_copy     (const AnnexChangeEntry *entry);
void              annex_change_entry_free     (AnnexChangeEntry       *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnnexChangeEntry, annex_change_entry_free)

/* "insert", "update", "delete" */
const char       *annex_change_kind_to_string (AnnexChangeKind kind);

/* A compact JSON object {"k1":"v1","k2":null} (no white space, members in the given order) from
 * the parallel arrays @keys and @values (@n_pairs entries; a NULL value becomes null). Strings are
 * escaped per RFC 8259 (quote, backslash, control characters); invalid UTF-8 becomes U+FFFD. */
char      *annex_change_log_json_object (const char * const *keys,
                                         const char * const *values,
                                         guint               n_pairs);

/* Appends one entry. Must be called inside a transaction of @db (annex_database_begin), so the
 * entry commits or rolls back with the change it records: outside one it is refused with
 * ANNEX_STORE_ERROR_INVALID (READ_ONLY on a read-only connection). Marks "change_log" changed. */
gboolean   annex_change_log_append (AnnexDatabase   *db,
                                    const char      *table_name,
                                    gint64           record_id,
                                    AnnexChangeKind  kind,
                                    const char      *before_json,
                                    const char      *after_json,
                                    GError         **error);

/* The entries of one record (@table_name and @record_id), or of the whole workspace when
 * @table_name is NULL, oldest first. Returns a GPtrArray of AnnexChangeEntry (free func set). */
GPtrArray *annex_change_log_list   (AnnexDatabase   *db,
                                    const char      *table_name,
                                    gint64           record_id,
                                    GError         **error);

/* Recomputes the chain. Returns FALSE only when the history cannot be read. On return,
 * *out_first_bad is 0 when every entry verifies, else the id of the first entry whose hash (or
 * whose link to the previous entry) does not match; *out_count is the number of entries.
 * An edited entry is reported itself; after a removed entry, the next one is reported. Removed
 * newest entries are found through the head hash and count kept in the workspace table
 * ("history-head", "history-count"): *out_first_bad is then the id after the last remaining entry
 * (1 when none remains). The canonical form hashed is documented in annex-change-log.c. */
gboolean   annex_change_log_verify (AnnexDatabase   *db,
                                    gint64          *out_first_bad,
                                    gint64          *out_count,
                                    GError         **error);

G_END_DECLS
