/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-links.c: links between records of two registers in the table "links", each added or
 * removed link recorded in the change history. */

#define G_LOG_DOMAIN "annex-links"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "annex-change-log.h"
#include "annex-links-private.h"
#include "annex-store-error.h"

#define LINKS_TABLE "links"

#define SELECT_TARGETS_SQL \
  "SELECT to_id FROM links WHERE from_table = ? AND from_id = ? AND to_table = ? ORDER BY to_id"
#define SELECT_SOURCES_SQL \
  "SELECT from_id FROM links WHERE to_table = ? AND to_id = ? AND from_table = ? ORDER BY from_id"
#define FIND_LINK_SQL \
  "SELECT id FROM links WHERE from_table = ? AND from_id = ? AND to_table = ? AND to_id = ?"
#define LINK_ID_USED_SQL \
  "SELECT 1 FROM links WHERE id = ?"
#define INSERT_LINK_SQL \
  "INSERT INTO links (id, from_table, from_id, to_table, to_id, created) VALUES (?, ?, ?, ?, ?, ?)"
#define DELETE_LINK_SQL \
  "DELETE FROM links WHERE id = ?"
#define SELECT_RECORD_LINKS_SQL \
  "SELECT id, from_table, from_id, to_table, to_id, created FROM links " \
  "WHERE (from_table = ?1 AND from_id = ?2) OR (to_table = ?1 AND to_id = ?2) ORDER BY id"
#define SELECT_ALL_TARGETS_SQL \
  "SELECT from_id, to_id FROM links WHERE from_table = ? AND to_table = ? " \
  "ORDER BY from_id, to_id"
#define COUNT_SOURCES_SQL \
  "SELECT to_id, COUNT(*) FROM links WHERE from_table = ? AND to_table = ? GROUP BY to_id"

/* The static name of register table @name (so it can be kept and interpolated), or NULL. */
static const char *
lookup_table (const char *name)
{
  const char * const *tables = annex_database_get_register_tables ();

  if (name == NULL)
    return NULL;

  for (guint i = 0; tables[i] != NULL; i++)
    {
      if (strcmp (tables[i], name) == 0)
        return tables[i];
    }

  return NULL;
}

static const char *
check_table (const char  *name,
             GError     **error)
{
  const char *table = lookup_table (name);

  if (table == NULL)
    g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                 _("“%s” is not a register of the workspace"), name != NULL ? name : "");

  return table;
}

static void
set_sqlite_error (AnnexDatabase  *db,
                  GError        **error,
                  int             rc)
{
  annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                     _("Could not update the links between records"));
}

/* The reference of record @id of @table (a static register table name). *out_reference is NULL
 * when the record does not exist. */
static gboolean
read_reference (AnnexDatabase  *db,
                const char     *table,
                gint64          id,
                char          **out_reference,
                GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT reference FROM %s WHERE id = ?", table);
  sqlite3_stmt *stmt;
  int rc;

  *out_reference = NULL;

  stmt = annex_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_reference = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sqlite_error (db, error, rc);
      return FALSE;
    }

  return TRUE;
}

/* Like read_reference(), but a missing record is ANNEX_STORE_ERROR_INVALID. */
static char *
dup_existing_reference (AnnexDatabase  *db,
                        const char     *table,
                        gint64          id,
                        GError        **error)
{
  char *reference = NULL;

  if (!read_reference (db, table, id, &reference, error))
    return NULL;

  if (reference == NULL)
    g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                 _("The record to link no longer exists in the workspace"));

  return reference;
}

/* The change-history JSON of a link: both ends by table and reference. */
static char *
link_json (const char *from_table,
           const char *from_reference,
           const char *to_table,
           const char *to_reference)
{
  const char *keys[] = { "from_table", "from", "to_table", "to" };
  const char *values[] = { from_table, from_reference, to_table, to_reference };

  return annex_change_log_json_object (keys, values, G_N_ELEMENTS (keys));
}

/* The id of the link (from → to), or 0 when there is none; -1 on error. */
static gint64
find_link (AnnexDatabase  *db,
           const char     *from_table,
           gint64          from_id,
           const char     *to_table,
           gint64          to_id,
           GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = annex_database_prepare (db, FIND_LINK_SQL, error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, from_table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, from_id);
  sqlite3_bind_text (stmt, 3, to_table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, to_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sqlite_error (db, error, rc);
      return -1;
    }

  return id;
}

static char *
dup_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

/* Inside a transaction: inserts the link (with @wanted_id when > 0 and free) and its history
 * entry. The references name the ends in the history. */
static gboolean
insert_link (AnnexDatabase  *db,
             gint64          wanted_id,
             const char     *from_table,
             gint64          from_id,
             const char     *from_reference,
             const char     *to_table,
             gint64          to_id,
             const char     *to_reference,
             const char     *created,
             GError        **error)
{
  g_autofree char *now = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  gint64 id;
  int rc;

  if (wanted_id > 0)
    {
      stmt = annex_database_prepare (db, LINK_ID_USED_SQL, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, wanted_id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_ROW)
        wanted_id = 0;
      else if (rc != SQLITE_DONE)
        {
          set_sqlite_error (db, error, rc);
          return FALSE;
        }
    }

  if (created == NULL)
    created = now = dup_now_utc ();

  stmt = annex_database_prepare (db, INSERT_LINK_SQL, error);
  if (stmt == NULL)
    return FALSE;

  if (wanted_id > 0)
    sqlite3_bind_int64 (stmt, 1, wanted_id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, from_table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, from_id);
  sqlite3_bind_text (stmt, 4, to_table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, to_id);
  sqlite3_bind_text (stmt, 6, created, -1, SQLITE_STATIC);

  if (!annex_database_step_done (db, stmt, error))
    return FALSE;

  id = sqlite3_last_insert_rowid (annex_database_get_handle (db));
  json = link_json (from_table, from_reference, to_table, to_reference);
  if (!annex_change_log_append (db, LINKS_TABLE, id, ANNEX_CHANGE_INSERT, NULL, json, error))
    return FALSE;

  annex_database_mark_changed (db, LINKS_TABLE);
  return TRUE;
}

/* Inside a transaction: deletes link @id and records it. */
static gboolean
delete_link (AnnexDatabase  *db,
             gint64          id,
             const char     *from_table,
             gint64          from_id,
             const char     *to_table,
             gint64          to_id,
             GError        **error)
{
  g_autofree char *from_reference = NULL;
  g_autofree char *to_reference = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;

  /* An end that is gone already (written by other means) is named without a reference. */
  if (!read_reference (db, from_table, from_id, &from_reference, error) ||
      !read_reference (db, to_table, to_id, &to_reference, error))
    return FALSE;

  stmt = annex_database_prepare (db, DELETE_LINK_SQL, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!annex_database_step_done (db, stmt, error))
    return FALSE;

  json = link_json (from_table, from_reference, to_table, to_reference);
  if (!annex_change_log_append (db, LINKS_TABLE, id, ANNEX_CHANGE_DELETE, json, NULL, error))
    return FALSE;

  annex_database_mark_changed (db, LINKS_TABLE);
  return TRUE;
}

/* The ids of column 0 of @sql's rows with the three parameters bound. */
static GArray *
select_ids (AnnexDatabase  *db,
            const char     *sql,
            const char     *table1,
            gint64          id,
            const char     *table2,
            GError        **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = annex_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, table1, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_text (stmt, 3, table2, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, value);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not read the links between records"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/**
 * annex_links_dup_targets:
 * @db: an open workspace
 * @from_table: a register table
 * @from_id: a record of @from_table
 * @to_table: a register table
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type gint64): the ids of the @to_table records linked from
 *   the record, ascending; %NULL on error
 */
GArray *
annex_links_dup_targets (AnnexDatabase  *db,
                         const char     *from_table,
                         gint64          from_id,
                         const char     *to_table,
                         GError        **error)
{
  const char *from;
  const char *to;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((from = check_table (from_table, error)) == NULL ||
      (to = check_table (to_table, error)) == NULL)
    return NULL;

  return select_ids (db, SELECT_TARGETS_SQL, from, from_id, to, error);
}

/**
 * annex_links_dup_sources:
 * @db: an open workspace
 * @to_table: a register table
 * @to_id: a record of @to_table
 * @from_table: a register table
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type gint64): the ids of the @from_table records that link
 *   to the record, ascending; %NULL on error
 */
GArray *
annex_links_dup_sources (AnnexDatabase  *db,
                         const char     *to_table,
                         gint64          to_id,
                         const char     *from_table,
                         GError        **error)
{
  const char *from;
  const char *to;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((to = check_table (to_table, error)) == NULL ||
      (from = check_table (from_table, error)) == NULL)
    return NULL;

  return select_ids (db, SELECT_SOURCES_SQL, to, to_id, from, error);
}

/* Inside a transaction: adds the link unless it exists; both records must exist. */
static gboolean
add_link (AnnexDatabase  *db,
          const char     *from_table,
          gint64          from_id,
          const char     *to_table,
          gint64          to_id,
          GError        **error)
{
  g_autofree char *from_reference = NULL;
  g_autofree char *to_reference = NULL;
  gint64 existing;

  from_reference = dup_existing_reference (db, from_table, from_id, error);
  if (from_reference == NULL)
    return FALSE;
  to_reference = dup_existing_reference (db, to_table, to_id, error);
  if (to_reference == NULL)
    return FALSE;

  existing = find_link (db, from_table, from_id, to_table, to_id, error);
  if (existing < 0)
    return FALSE;
  if (existing > 0)
    return TRUE;

  return insert_link (db, 0, from_table, from_id, from_reference, to_table, to_id, to_reference,
                      NULL, error);
}

/**
 * annex_links_add:
 * @db: an open workspace
 * @from_table: a register table
 * @from_id: an existing record of @from_table
 * @to_table: a register table
 * @to_id: an existing record of @to_table
 * @error: return location for an error
 *
 * Links the two records (in the caller's transaction or its own), with a change-history entry.
 * A link that exists already is left as it is.
 *
 * Returns: %TRUE when the link exists now
 */
gboolean
annex_links_add (AnnexDatabase  *db,
                 const char     *from_table,
                 gint64          from_id,
                 const char     *to_table,
                 gint64          to_id,
                 GError        **error)
{
  const char *from;
  const char *to;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((from = check_table (from_table, error)) == NULL ||
      (to = check_table (to_table, error)) == NULL)
    return FALSE;

  if (!annex_database_begin (db, error))
    return FALSE;

  if (!add_link (db, from, from_id, to, to_id, error))
    {
      annex_database_rollback (db);
      return FALSE;
    }

  return annex_database_commit (db, error);
}

/**
 * annex_links_remove:
 * @db: an open workspace
 * @from_table: a register table
 * @from_id: an existing record of @from_table
 * @to_table: a register table
 * @to_id: an existing record of @to_table
 * @error: return location for an error
 *
 * Removes the link between the two records, with a change-history entry. A link that does not
 * exist is no error.
 *
 * Returns: %TRUE when the link does not exist now
 */
gboolean
annex_links_remove (AnnexDatabase  *db,
                    const char     *from_table,
                    gint64          from_id,
                    const char     *to_table,
                    gint64          to_id,
                    GError        **error)
{
  g_autofree char *from_reference = NULL;
  g_autofree char *to_reference = NULL;
  const char *from;
  const char *to;
  gint64 existing;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((from = check_table (from_table, error)) == NULL ||
      (to = check_table (to_table, error)) == NULL)
    return FALSE;

  if (!annex_database_begin (db, error))
    return FALSE;

  from_reference = dup_existing_reference (db, from, from_id, error);
  if (from_reference == NULL)
    goto failed;
  to_reference = dup_existing_reference (db, to, to_id, error);
  if (to_reference == NULL)
    goto failed;

  existing = find_link (db, from, from_id, to, to_id, error);
  if (existing < 0)
    goto failed;
  if (existing > 0 && !delete_link (db, existing, from, from_id, to, to_id, error))
    goto failed;

  return annex_database_commit (db, error);

failed:
  annex_database_rollback (db);
  return FALSE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/**
 * annex_links_set_targets:
 * @db: an open workspace
 * @from_table: a register table
 * @from_id: an existing record of @from_table
 * @to_table: a register table
 * @ids: (array length=n_ids) (nullable): ids of existing @to_table records
 * @n_ids: the number of @ids
 * @error: return location for an error
 *
 * Makes @ids the exact set of @to_table records linked from the record, in one transaction:
 * links not in @ids are removed, missing ones added, each with a change-history entry.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
annex_links_set_targets (AnnexDatabase  *db,
                         const char     *from_table,
                         gint64          from_id,
                         const char     *to_table,
                         const gint64   *ids,
                         guint           n_ids,
                         GError        **error)
{
  g_autoptr(GArray) wanted = NULL;
  g_autoptr(GArray) current = NULL;
  g_autofree char *from_reference = NULL;
  const char *from;
  const char *to;
  guint i, j;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((from = check_table (from_table, error)) == NULL ||
      (to = check_table (to_table, error)) == NULL)
    return FALSE;

  wanted = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  if (n_ids > 0)
    g_array_append_vals (wanted, ids, n_ids);
  g_array_sort (wanted, compare_ids);

  if (!annex_database_begin (db, error))
    return FALSE;

  from_reference = dup_existing_reference (db, from, from_id, error);
  if (from_reference == NULL)
    goto failed;

  current = select_ids (db, SELECT_TARGETS_SQL, from, from_id, to, error);
  if (current == NULL)
    goto failed;

  /* Both ascending: one merge pass finds what to add and what to remove. */
  i = j = 0;
  while (i < wanted->len || j < current->len)
    {
      gint64 w = i < wanted->len ? g_array_index (wanted, gint64, i) : G_MAXINT64;
      gint64 c = j < current->len ? g_array_index (current, gint64, j) : G_MAXINT64;

      if (i > 0 && i < wanted->len && w == g_array_index (wanted, gint64, i - 1))
        {
          i++;  /* a duplicate of @ids */
          continue;
        }

      if (w == c)
        {
          i++;
          j++;
        }
      else if (w < c)
        {
          if (!add_link (db, from, from_id, to, w, error))
            goto failed;
          i++;
        }
      else
        {
          gint64 link_id = find_link (db, from, from_id, to, c, error);

          if (link_id < 0 ||
              (link_id > 0 && !delete_link (db, link_id, from, from_id, to, c, error)))
            goto failed;
          j++;
        }
    }

  return annex_database_commit (db, error);

failed:
  annex_database_rollback (db);
  return FALSE;
}

/**
 * annex_links_count_sources:
 * @db: an open workspace
 * @from_table: a register table
 * @to_table: a register table
 * @error: return location for an error
 *
 * Returns: (transfer full): a hash table from a @to_table id (gint64 *) to the number of
 *   @from_table records linking to it (GUINT_TO_POINTER); %NULL on error
 */
GHashTable *
annex_links_count_sources (AnnexDatabase  *db,
                           const char     *from_table,
                           const char     *to_table,
                           GError        **error)
{
  g_autoptr(GHashTable) counts = NULL;
  const char *from;
  const char *to;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((from = check_table (from_table, error)) == NULL ||
      (to = check_table (to_table, error)) == NULL)
    return NULL;

  stmt = annex_database_prepare (db, COUNT_SOURCES_SQL, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);

  counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *key = g_new (gint64, 1);

      *key = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (counts, key,
                           GUINT_TO_POINTER ((guint) MIN (sqlite3_column_int64 (stmt, 1),
                                                          G_MAXUINT)));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not read the links between records"));
      return NULL;
    }

  return g_steal_pointer (&counts);
}

/**
 * annex_links_dup_all_targets:
 * @db: an open workspace
 * @from_table: a register table
 * @to_table: a register table
 * @error: return location for an error
 *
 * Returns: (transfer full): the links from every @from_table record to @to_table records, by
 *   @from_table id; %NULL on error
 */
GHashTable *
annex_links_dup_all_targets (AnnexDatabase  *db,
                             const char     *from_table,
                             const char     *to_table,
                             GError        **error)
{
  g_autoptr(GHashTable) targets = NULL;
  GArray *current = NULL;
  gint64 current_id = 0;
  const char *from;
  const char *to;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((from = check_table (from_table, error)) == NULL ||
      (to = check_table (to_table, error)) == NULL)
    return NULL;

  stmt = annex_database_prepare (db, SELECT_ALL_TARGETS_SQL, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);

  targets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                   (GDestroyNotify) g_array_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 from_id = sqlite3_column_int64 (stmt, 0);
      gint64 to_id = sqlite3_column_int64 (stmt, 1);

      /* The rows come grouped by from_id. */
      if (current == NULL || from_id != current_id)
        {
          gint64 *key = g_new (gint64, 1);

          *key = current_id = from_id;
          current = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (targets, key, current);
        }
      g_array_append_val (current, to_id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not read the links between records"));
      return NULL;
    }

  return g_steal_pointer (&targets);
}

void
_annex_link_row_free (AnnexLinkRow *row)
{
  if (row == NULL)
    return;

  g_free (row->created);
  g_free (row);
}

gboolean
_annex_links_remove_all (AnnexDatabase  *db,
                         const char     *table,
                         gint64          id,
                         GPtrArray      *removed,
                         GError        **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  const char *record_table;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (removed != NULL, FALSE);

  if ((record_table = check_table (table, error)) == NULL)
    return FALSE;

  stmt = annex_database_prepare (db, SELECT_RECORD_LINKS_SQL, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, record_table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _annex_link_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *from = lookup_table ((const char *) sqlite3_column_text (stmt, 1));
      const char *to = lookup_table ((const char *) sqlite3_column_text (stmt, 3));
      AnnexLinkRow *row;

      /* A link naming a table this build does not know cannot be restored: leave it alone. */
      if (from == NULL || to == NULL)
        continue;

      row = g_new0 (AnnexLinkRow, 1);
      row->id = sqlite3_column_int64 (stmt, 0);
      row->from_table = from;
      row->from_id = sqlite3_column_int64 (stmt, 2);
      row->to_table = to;
      row->to_id = sqlite3_column_int64 (stmt, 4);
      row->created = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      annex_store_set_error_from_sqlite (error, annex_database_get_handle (db), rc,
                                         _("Could not read the links between records"));
      return FALSE;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      AnnexLinkRow *row = g_ptr_array_index (rows, i);

      if (!delete_link (db, row->id, row->from_table, row->from_id, row->to_table, row->to_id,
                        error))
        return FALSE;
    }

  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (removed, g_steal_pointer (&g_ptr_array_index (rows, i)));
  g_ptr_array_set_free_func (rows, NULL);

  return TRUE;
}

gboolean
_annex_links_restore (AnnexDatabase  *db,
                      GPtrArray      *rows,
                      GError        **error)
{
  g_return_val_if_fail (ANNEX_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  for (guint i = 0; i < rows->len; i++)
    {
      AnnexLinkRow *row = g_ptr_array_index (rows, i);
      g_autofree char *from_reference = NULL;
      g_autofree char *to_reference = NULL;
      gint64 existing;

      if (!read_reference (db, row->from_table, row->from_id, &from_reference, error) ||
          !read_reference (db, row->to_table, row->to_id, &to_reference, error))
        return FALSE;

      /* The other end was deleted meanwhile: the link has nothing to point at any more. */
      if (from_reference == NULL || to_reference == NULL)
        continue;

      existing = find_link (db, row->from_table, row->from_id, row->to_table, row->to_id, error);
      if (existing < 0)
        return FALSE;
      if (existing > 0)
        continue;

      if (!insert_link (db, row->id, row->from_table, row->from_id, from_reference,
                        row->to_table, row->to_id, to_reference, row->created, error))
        return FALSE;
    }

  return TRUE;
}
