/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-change-log.c: the change history of a workspace and the SHA-256 chain over it. */

#define G_LOG_DOMAIN "annex-change-log"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "annex-change-log.h"
#include "annex-database-private.h"
#include "annex-store-error.h"

/* The chain.
 *
 * Each entry stores prev_hash (the hash of the entry before it; 64 zeros for the first) and
 * hash = lowercase hex SHA-256 of this canonical form, in which every field is length-prefixed
 * so that no two different entries encode to the same bytes:
 *
 *   "annex-change-log-v1\n"
 *   F(prev_hash) F(time) F(table_name) F(record_id) F(kind) F(before) F(after)
 *
 * where F(NULL) = "-\n" and F(s) = <decimal byte length of s> ":" s "\n"; record_id is written
 * in decimal ("42", "-1"), kind as "insert", "update" or "delete", before/after as stored.
 *
 * The newest hash and the number of entries are also kept in the workspace table
 * ("history-head", "history-count"), written by append in the same transaction. The chain alone
 * cannot reveal that its newest entries were removed; the head can. A new entry is chained to the
 * stored head, not to whatever row is last, so removing entries and appending again is detected
 * as well.
 *
 * This detects edits made outside Annex (a database tool, a damaged copy). It is not a
 * signature: someone who rewrites the whole chain and the head is not detected. */

#define CHAIN_FORMAT   "annex-change-log-v1\n"
#define ZERO_HASH      "0000000000000000000000000000000000000000000000000000000000000000"

G_DEFINE_BOXED_TYPE (AnnexChangeEntry, annex_change_entry,
                     annex_change_entry_copy, annex_change_entry_free)

static const char * const kind_names[] = {
  [ANNEX_CHANGE_INSERT] = "insert",
  [ANNEX_CHANGE_UPDATE] = "update",
  [ANNEX_CHANGE_DELETE] = "delete",
};

static gboolean
kind_from_string (const char      *str,
                  AnnexChangeKind *out_kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_strcmp0 (kind_names[i], str) == 0)
        {
          *out_kind = (AnnexChangeKind) i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
checksum_field (GChecksum  *checksum,
                const char *value)
{
  char prefix[32];
  gsize len;

  if (value == NULL)
    {
      g_checksum_update (checksum, (const guchar *) "-\n", 2);
      return;
    }

  len = strlen (value);
  g_snprintf (prefix, sizeof prefix, "%" G_GSIZE_FORMAT ":", len);
  g_checksum_update (checksum, (const guchar *) prefix, strlen (prefix));
  g_checksum_update (checksum, (const guchar *) value, len);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
}

static char *
compute_hash (const char *prev_hash,
              const char *time,
              const char *table_name,
              const char *record_id,
              const char *kind,
              const char *before,
              const char *after)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, (const guchar *) CHAIN_FORMAT, strlen (CHAIN_FORMAT));
  checksum_field (checksum, prev_hash);
  checksum_field (checksum, time);
  checksum_field (checksum, table_name);
  checksum_field (checksum, record_id);
  checksum_field (checksum, kind);
  checksum_field (checksum, before);
  checksum_field (checksum, after);

  return g_strdup (g_checksum_get_string (checksum));
}

/* Reads the stored head and count (NULL / 0 when there is no history yet). */
static gboolean
read_head (AnnexDatabase  *db,
           char          **out_head,
           gint64         *out_count,
           GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_head = NULL;
  *out_count = 0;

  stmt = annex_database_prepare (db,
                                 "SELECT key, value FROM workspace "
                                 "WHERE key IN ('history-head', 'history-count')",
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);

      if (g_strcmp0 (key, "history-head") == 0)
        {
          g_free (*out_head);
          *out_head = g_strdup (value);
        }
      else if (value != NULL)
        {
          *out_count = g_ascii_strtoll (value, NULL, 10);
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not read the change history"));
      g_clear_pointer (out_head, g_free);
      return FALSE;
    }

  return TRUE;
}

/* Appends @value, escaped, as a JSON string. */
void
_annex_store_append_json_string (GString    *out,
                                 const char *str)
{
  g_autofree char *valid = NULL;

  g_return_if_fail (out != NULL);
  g_return_if_fail (str != NULL);

  if (!g_utf8_validate (str, -1, NULL))
    str = valid = g_utf8_make_valid (str, -1);

  g_string_append_c (out, '"');
  for (const char *p = str; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;

        case '\\':
          g_string_append (out, "\\\\");
          break;

        case '\b':
          g_string_append (out, "\\b");
          break;

        case '\f':
          g_string_append (out, "\\f");
          break;

        case '\n':
          g_string_append (out, "\\n");
          break;

        case '\r':
          g_string_append (out, "\\r");
          break;

        case '\t':
          g_string_append (out, "\\t");
          break;

        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", (guint) c);
          else
            g_string_append_c (out, (char) c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

/**
 * annex_change_entry_copy:
 * @entry: an entry
 *
 * Returns: (transfer full): a deep copy of @entry
 */
AnnexChangeEntry *
annex_change_entry_copy (const AnnexChangeEntry *entry)
{
  AnnexChangeEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_new0 (AnnexChangeEntry, 1);
  copy->id = entry->id;
  copy->time = g_strdup (entry->time);
  copy->table_name = g_strdup (entry->table_name);
  copy->record_id = entry->record_id;
  copy->kind = entry->kind;
  copy->before = g_strdup (entry->before);
  copy->after = g_strdup (entry->after);
  copy->hash = g_strdup (entry->hash);

  return copy;
}

/**
 * annex_change_entry_free:
 * @entry: (nullable): an entry
 *
 * Frees @entry and its strings.
 */
void
annex_change_entry_free (AnnexChangeEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->time);
  g_free (entry->table_name);
  g_free (entry->before);
  g_free (entry->after);
  g_free (entry->hash);
  g_free (entry);
}

/**
 * annex_change_kind_to_string:
 * @kind: a change kind
 *
 * Returns: "insert", "update" or "delete" (as stored in the history)
 */
const char *
annex_change_kind_to_string (AnnexChangeKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

/**
 * annex_change_log_json_object:
 * @keys: (array length=n_pairs): the member names
 * @values: (array length=n_pairs) (nullable): the values; a %NULL value becomes null
 * @n_pairs: the number of members
 *
 * Builds a compact JSON object without any white space, members in the given order, e.g.
 * {"key":"organization","value":null}.
 *
 * Returns: (transfer full): the JSON text
 */
char *
annex_change_log_json_object (const char * const *keys,
                              const char * const *values,
                              guint               n_pairs)
{
  GString *out;

  g_return_val_if_fail (n_pairs == 0 || (keys != NULL && values != NULL), NULL);
  for (guint i = 0; i < n_pairs; i++)
    g_return_val_if_fail (keys[i] != NULL, NULL);

  out = g_string_new ("{");
  for (guint i = 0; i < n_pairs; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      _annex_store_append_json_string (out, keys[i]);
      g_string_append_c (out, ':');
      if (values[i] != NULL)
        _annex_store_append_json_string (out, values[i]);
      else
        g_string_append (out, "null");
    }
  g_string_append_c (out, '}');

  return g_string_free (out, FALSE);
}

/**
 * annex_change_log_append:
 * @db: a workspace
 * @table_name: the table of the changed record
 * @record_id: its id (0 for the workspace settings)
 * @kind: what happened
 * @before_json: (nullable): the values before (NULL for an insert)
 * @after_json: (nullable): the values after (NULL for a delete)
 * @error: return location for a #GError
 *
 * Appends one entry to the chain. Refused with %ANNEX_STORE_ERROR_INVALID outside a transaction:
 * the entry must commit or roll back together with the change it records.
 *
 * Returns: %TRUE on success
 */
gboolean
annex_change_log_append (AnnexDatabase    *db,
                         const char       *table_name,
                         gint64            record_id,
                         AnnexChangeKind   kind,
                         const char       *before_json,
                         const char       *after_json,
                         GError          **error)
{
  g_autofree char *head = NULL;
  g_autofree char *time = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *record_text = NULL;
  g_autofree char *count_text = NULL;
  const char *prev_hash;
  sqlite3_stmt *stmt;
  gint64 count = 0;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (table_name != NULL && *table_name != '\0', FALSE);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!annex_database_in_transaction (db))
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("A change can only be recorded in the history inside a "
                             "transaction"));
      return FALSE;
    }

  if (annex_database_is_read_only (db))
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_READ_ONLY,
                           _("The workspace is open for reading only"));
      return FALSE;
    }

  if (!read_head (db, &head, &count, error))
    return FALSE;

  prev_hash = head != NULL ? head : ZERO_HASH;
  time = _annex_database_dup_now ();
  record_text = g_strdup_printf ("%" G_GINT64_FORMAT, record_id);
  hash = compute_hash (prev_hash, time, table_name, record_text, kind_names[kind],
                       before_json, after_json);

  stmt = annex_database_prepare (db,
                                 "INSERT INTO change_log (time, table_name, record_id, kind, "
                                 "before, after, prev_hash, hash) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, time, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, table_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, record_id);
  sqlite3_bind_text (stmt, 4, kind_names[kind], -1, SQLITE_STATIC);
  if (before_json != NULL)
    sqlite3_bind_text (stmt, 5, before_json, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 5);
  if (after_json != NULL)
    sqlite3_bind_text (stmt, 6, after_json, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_text (stmt, 7, prev_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, hash, -1, SQLITE_TRANSIENT);
  if (!annex_database_step_done (db, stmt, error))
    {
      g_prefix_error (error, _("Could not record the change in the history: "));
      return FALSE;
    }

  /* A count edited to the end of the range stays there (no signed overflow); verify reports it. */
  count_text = g_strdup_printf ("%" G_GINT64_FORMAT, count < G_MAXINT64 ? count + 1 : count);
  stmt = annex_database_prepare (db,
                                 "INSERT INTO workspace (key, value) "
                                 "VALUES ('history-head', ?1), ('history-count', ?2) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, count_text, -1, SQLITE_TRANSIENT);
  if (!annex_database_step_done (db, stmt, error))
    {
      g_prefix_error (error, _("Could not record the change in the history: "));
      return FALSE;
    }

  annex_database_mark_changed (db, "change_log");
  return TRUE;
}

/**
 * annex_change_log_list:
 * @db: a workspace
 * @table_name: (nullable): a table, or %NULL for the whole history
 * @record_id: the record, when @table_name is given
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type AnnexChangeEntry): the entries, oldest first,
 *   or %NULL on error
 */
GPtrArray *
annex_change_log_list (AnnexDatabase  *db,
                       const char     *table_name,
                       gint64          record_id,
                       GError        **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (table_name != NULL)
    {
      stmt = annex_database_prepare (db,
                                     "SELECT id, time, table_name, record_id, kind, before, "
                                     "after, hash FROM change_log "
                                     "WHERE table_name = ?1 AND record_id = ?2 ORDER BY id",
                                     error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, table_name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, record_id);
    }
  else
    {
      stmt = annex_database_prepare (db,
                                     "SELECT id, time, table_name, record_id, kind, before, "
                                     "after, hash FROM change_log ORDER BY id",
                                     error);
      if (stmt == NULL)
        return NULL;
    }

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) annex_change_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AnnexChangeEntry *entry = g_new0 (AnnexChangeEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->time = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->table_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->record_id = sqlite3_column_int64 (stmt, 3);
      if (!kind_from_string ((const char *) sqlite3_column_text (stmt, 4), &entry->kind))
        entry->kind = ANNEX_CHANGE_UPDATE;
      entry->before = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      entry->after = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      entry->hash = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not read the change history"));
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/**
 * annex_change_log_verify:
 * @db: a workspace
 * @out_first_bad: (out) (optional): 0, or the id of the first entry that does not verify
 * @out_count: (out) (optional): the number of entries
 * @error: return location for a #GError
 *
 * Walks the history in id order, recomputing each hash. The first bad entry is the first whose
 * stored hash differs from the recomputed one (an edited entry is reported itself) or whose
 * prev_hash is not the hash of the entry before it (after a removed entry, the next one is
 * reported). When every row verifies but the stored head or count disagree with the rows (the
 * newest entries were removed), *@out_first_bad is the id after the last remaining entry (1 when
 * none remains): where the missing entry was.
 *
 * Returns: %FALSE only when the history cannot be read
 */
gboolean
annex_change_log_verify (AnnexDatabase  *db,
                         gint64         *out_first_bad,
                         gint64         *out_count,
                         GError        **error)
{
  g_autofree char *head = NULL;
  g_autofree char *expected_prev = g_strdup (ZERO_HASH);
  sqlite3_stmt *stmt;
  gint64 stored_count = 0;
  gint64 first_bad = 0;
  gint64 count = 0;
  gint64 last_id = 0;
  int rc;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_head (db, &head, &stored_count, error))
    return FALSE;

  stmt = annex_database_prepare (db,
                                 "SELECT id, time, table_name, record_id, kind, before, after, "
                                 "prev_hash, hash FROM change_log ORDER BY id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *prev_hash = (const char *) sqlite3_column_text (stmt, 7);
      const char *hash = (const char *) sqlite3_column_text (stmt, 8);

      last_id = sqlite3_column_int64 (stmt, 0);
      count++;

      if (first_bad == 0)
        {
          /* record_id as text: a value that is not the integer it looks like is not hidden by
           * a conversion. */
          g_autofree char *computed =
            compute_hash (prev_hash,
                          (const char *) sqlite3_column_text (stmt, 1),
                          (const char *) sqlite3_column_text (stmt, 2),
                          (const char *) sqlite3_column_text (stmt, 3),
                          (const char *) sqlite3_column_text (stmt, 4),
                          (const char *) sqlite3_column_text (stmt, 5),
                          (const char *) sqlite3_column_text (stmt, 6));

          if (g_strcmp0 (prev_hash, expected_prev) != 0 || g_strcmp0 (hash, computed) != 0)
            first_bad = last_id;
        }

      g_free (expected_prev);
      expected_prev = g_strdup (hash);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not read the change history"));
      return FALSE;
    }

  if (first_bad == 0 &&
      (g_strcmp0 (head != NULL ? head : ZERO_HASH, expected_prev) != 0 || stored_count != count))
    first_bad = last_id + 1;

  if (out_first_bad != NULL)
    *out_first_bad = first_bad;
  if (out_count != NULL)
    *out_count = count;

  return TRUE;
}
