/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-database-import.c: a clean workspace made from a workspace file someone else made
 * (annex_database_import_file()). The file is only ever read: its schema is compared with the
 * one this version of Annex creates, and the rows of the tables and columns Annex knows are
 * copied value by value into a workspace that Annex built itself, so nothing else in it (a
 * trigger, a view, a virtual table, an extra table or column, an odd pragma or page size) is
 * carried over or run. */

#define G_LOG_DOMAIN "annex-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "annex-database-private.h"
#include "annex-database.h"
#include "annex-store-error.h"

/* No field Annex writes comes near this; a larger value is someone else's payload. */
#define MAX_VALUE_BYTES (16 * 1024 * 1024)

/* SQLite's statistics tables (ANALYZE): harmless, and not copied. */
static const char * const ignored_tables[] = {
  "sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4", NULL
};

/* ---- Helpers ---------------------------------------------------------------------------------- */

/* "file:" URI for @path with immutable=1 (see annex-database.c: '?', '#' and '%' escaped). */
static char *
build_immutable_uri (const char *path)
{
  GString *uri = g_string_new (g_path_is_absolute (path) ? "file://" : "file:");

  for (const char *p = path; *p != '\0'; p++)
    {
      if (*p == '?' || *p == '#' || *p == '%')
        g_string_append_printf (uri, "%%%02X", (guint) (guchar) *p);
      else
        g_string_append_c (uri, *p);
    }
  g_string_append (uri, "?immutable=1");

  return g_string_free (uri, FALSE);
}

/* "name" with any double quote doubled: an identifier of our own schema in SQL. */
static void
append_identifier (GString    *sql,
                   const char *name)
{
  g_string_append_c (sql, '"');
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (sql, '"');
      g_string_append_c (sql, *p);
    }
  g_string_append_c (sql, '"');
}

static void
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  int          rc,
                  const char  *name)
{
  g_autofree char *context = g_strdup_printf (_("Could not import “%s”"), name);

  annex_store_set_error_from_sqlite (error, db, rc, context);
}

/* Reads the source for reading only, without writing anything beside it (immutable unless a
 * writer's log lies beside it, as annex_database_validate_file() does). */
static sqlite3 *
open_source (const char  *path,
             const char  *name,
             GError     **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  int rc;

  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
    }
  else
    {
      uri = build_immutable_uri (path);
      rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    }
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc, name);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_busy_timeout (db, 5000);
  sqlite3_exec (db, "PRAGMA query_only = ON", NULL, NULL, NULL);

  return db;
}

/* Runs @sql (one statement, no parameters) and returns its first column of its first row as
 * text in *@out_text (NULL for no row). */
static gboolean
query_text (sqlite3     *db,
            const char  *sql,
            char       **out_text,
            int         *out_rc)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *out_text = NULL;
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  *out_rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
  return *out_rc == SQLITE_OK;
}

/* The visible columns of @table in @db (a bound name, never interpolated). */
static GPtrArray *
dup_columns (sqlite3     *db,
             const char  *table,
             gboolean    *out_hidden,
             int         *out_rc)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  *out_hidden = FALSE;
  rc = sqlite3_prepare_v2 (db, "SELECT name, hidden FROM pragma_table_xinfo (?1) ORDER BY cid",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      *out_rc = rc;
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_int (stmt, 1) != 0)
        *out_hidden = TRUE;  /* a generated column: Annex has none */
      else
        g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  sqlite3_finalize (stmt);

  *out_rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
  return *out_rc == SQLITE_OK ? g_steal_pointer (&columns) : NULL;
}

static gboolean
column_list_contains (GPtrArray  *columns,
                      const char *name)
{
  for (guint i = 0; i < columns->len; i++)
    if (g_str_equal (g_ptr_array_index (columns, i), name))
      return TRUE;
  return FALSE;
}

/* ---- Checks ----------------------------------------------------------------------------------- */

/* The tables to copy: those of the fresh workspace @ref (at the source's format), in creation
 * order (an order that satisfies foreign keys). Each must be in the source as a plain table with
 * at least the fresh workspace's columns. Anything else in the source (triggers, views, virtual
 * tables, other tables, indexes and columns) is left out of the copy; *@out_n_left_out counts
 * those objects. */
static GPtrArray *
check_schema (sqlite3     *src,
              sqlite3     *ref,
              const char  *name,
              guint       *out_n_left_out,
              GError     **error)
{
  g_autoptr(GHashTable) ref_objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            g_free);
  g_autoptr(GHashTable) src_tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  gboolean refused = FALSE;
  guint n_left_out = 0;
  int rc;

  rc = sqlite3_prepare_v2 (ref, "SELECT type, name FROM sqlite_schema ORDER BY rowid", -1,
                           &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, ref, rc, name);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *object = (const char *) sqlite3_column_text (stmt, 1);

      g_hash_table_insert (ref_objects, g_strdup (object), g_strdup (type));
      if (g_str_equal (type, "table") && !g_str_has_prefix (object, "sqlite_"))
        g_ptr_array_add (tables, g_strdup (object));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, ref, rc, name);
      return NULL;
    }

  rc = sqlite3_prepare_v2 (src, "SELECT type, name, coalesce (sql, '') FROM sqlite_schema", -1,
                           &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, src, rc, name);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *object = (const char *) sqlite3_column_text (stmt, 1);
      const char *sql = (const char *) sqlite3_column_text (stmt, 2);
      const char *ref_type;
      gboolean is_virtual;

      type = type != NULL ? type : "";
      object = object != NULL ? object : "";
      is_virtual = sql != NULL && g_ascii_strncasecmp (sql, "CREATE VIRTUAL TABLE", 20) == 0;
      ref_type = g_hash_table_lookup (ref_objects, object);

      if (ref_type == NULL || !g_str_equal (ref_type, type))
        {
          /* Never read: left behind. */
          if (!g_strv_contains (ignored_tables, object))
            n_left_out++;
          continue;
        }
      if (is_virtual)
        {
          /* Reading it would run the code of its module. */
          g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_UNTRUSTED,
                       _("“%s” cannot be imported: its table “%s” was replaced by a virtual "
                         "table"), name, object);
          refused = TRUE;
          break;
        }
      if (g_str_equal (type, "table"))
        g_hash_table_add (src_tables, g_strdup (object));
    }
  sqlite3_finalize (stmt);
  if (refused)
    return NULL;
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, src, rc, name);
      return NULL;
    }

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autoptr(GPtrArray) ref_columns = NULL;
      g_autoptr(GPtrArray) src_columns = NULL;
      gboolean ref_hidden, src_hidden;

      if (!g_hash_table_contains (src_tables, table))
        {
          g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_NOT_WORKSPACE,
                       _("“%s” is not a complete Annex workspace: its table “%s” is missing"),
                       name, table);
          return NULL;
        }

      ref_columns = dup_columns (ref, table, &ref_hidden, &rc);
      if (ref_columns == NULL)
        {
          set_sqlite_error (error, ref, rc, name);
          return NULL;
        }
      src_columns = dup_columns (src, table, &src_hidden, &rc);
      if (src_columns == NULL)
        {
          set_sqlite_error (error, src, rc, name);
          return NULL;
        }

      for (guint c = 0; c < ref_columns->len; c++)
        if (!column_list_contains (src_columns, g_ptr_array_index (ref_columns, c)))
          {
            g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_NOT_WORKSPACE,
                         _("“%s” is not a complete Annex workspace: the column “%s” of table "
                           "“%s” is missing"),
                         name, (const char *) g_ptr_array_index (ref_columns, c), table);
            return NULL;
          }
      /* Columns added by someone else are not copied. */
      n_left_out += src_columns->len - ref_columns->len + (src_hidden ? 1 : 0);
    }

  *out_n_left_out = n_left_out;
  return g_steal_pointer (&tables);
}

/* ---- Copy ------------------------------------------------------------------------------------- */

/* Copies every row of @table from @src to @dst, column by column by name (the columns of the
 * fresh workspace; check_schema() saw the same in the source), each value bound with its own
 * type. */
static gboolean
copy_table (sqlite3     *src,
            sqlite3     *dst,
            const char  *table,
            const char  *name,
            GError     **error)
{
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GString) select = g_string_new ("SELECT ");
  g_autoptr(GString) insert = g_string_new ("INSERT INTO ");
  g_autoptr(GString) clear = g_string_new ("DELETE FROM ");
  sqlite3_stmt *read = NULL;
  sqlite3_stmt *write = NULL;
  gboolean hidden;
  gboolean ok = FALSE;
  int rc;

  columns = dup_columns (dst, table, &hidden, &rc);
  if (columns == NULL)
    {
      set_sqlite_error (error, dst, rc, name);
      return FALSE;
    }

  append_identifier (insert, table);
  g_string_append (insert, " (");
  for (guint c = 0; c < columns->len; c++)
    {
      if (c > 0)
        {
          g_string_append (select, ", ");
          g_string_append (insert, ", ");
        }
      append_identifier (select, g_ptr_array_index (columns, c));
      append_identifier (insert, g_ptr_array_index (columns, c));
    }
  g_string_append (select, " FROM ");
  append_identifier (select, table);
  g_string_append (insert, ") VALUES (");
  for (guint c = 0; c < columns->len; c++)
    g_string_append (insert, c > 0 ? ", ?" : "?");
  g_string_append (insert, ")");
  append_identifier (clear, table);

  /* The fresh workspace's own rows (its catalogue, its settings, its first history entries)
   * give way to the source's. */
  rc = sqlite3_exec (dst, clear->str, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (src, select->str, -1, &read, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, read == NULL ? src : dst, rc, name);
      goto out;
    }
  rc = sqlite3_prepare_v2 (dst, insert->str, -1, &write, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, dst, rc, name);
      goto out;
    }

  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      for (guint c = 0; c < columns->len; c++)
        {
          int bytes = sqlite3_column_bytes (read, c);

          if (bytes > MAX_VALUE_BYTES)
            {
              g_autofree char *size = g_format_size (bytes);

              g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("“%s” holds a value of %s in table “%s”, far more than Annex ever "
                             "writes: it was changed by another program"), name, size, table);
              goto out;
            }

          switch (sqlite3_column_type (read, c))
            {
            case SQLITE_INTEGER:
              sqlite3_bind_int64 (write, c + 1, sqlite3_column_int64 (read, c));
              break;
            case SQLITE_FLOAT:
              sqlite3_bind_double (write, c + 1, sqlite3_column_double (read, c));
              break;
            case SQLITE_TEXT:
              sqlite3_bind_text (write, c + 1, (const char *) sqlite3_column_text (read, c),
                                 sqlite3_column_bytes (read, c), SQLITE_TRANSIENT);
              break;
            case SQLITE_BLOB:
              sqlite3_bind_blob (write, c + 1, sqlite3_column_blob (read, c),
                                 sqlite3_column_bytes (read, c), SQLITE_TRANSIENT);
              break;
            default:
              sqlite3_bind_null (write, c + 1);
              break;
            }
        }

      rc = sqlite3_step (write);
      sqlite3_reset (write);
      if (rc != SQLITE_DONE)
        {
          g_autofree char *context =
            g_strdup_printf (_("“%s” holds a record that Annex would not write (table “%s”)"),
                             name, table);

          annex_store_set_error_from_sqlite (error, dst, rc, context);
          goto out;
        }
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, src, rc, name);
      goto out;
    }

  ok = TRUE;

out:
  sqlite3_finalize (read);
  sqlite3_finalize (write);
  return ok;
}

/* The AUTOINCREMENT counters of the known tables, so that ids of deleted records stay unused. */
static gboolean
copy_sequences (sqlite3     *src,
                sqlite3     *dst,
                GPtrArray   *tables,
                const char  *name,
                GError     **error)
{
  sqlite3_stmt *read = NULL;
  sqlite3_stmt *write = NULL;
  int rc;

  /* A workspace without AUTOINCREMENT tables has no sqlite_sequence. */
  rc = sqlite3_prepare_v2 (src, "SELECT name, seq FROM sqlite_sequence", -1, &read, NULL);
  if (rc != SQLITE_OK)
    return TRUE;

  rc = sqlite3_prepare_v2 (dst,
                           "UPDATE sqlite_sequence SET seq = max (seq, ?2) WHERE name = ?1",
                           -1, &write, NULL);
  while (rc == SQLITE_OK)
    {
      const char *table;

      rc = sqlite3_step (read);
      if (rc != SQLITE_ROW)
        break;

      rc = SQLITE_OK;
      table = (const char *) sqlite3_column_text (read, 0);
      if (table == NULL || sqlite3_column_type (read, 1) != SQLITE_INTEGER ||
          !g_ptr_array_find_with_equal_func (tables, table, g_str_equal, NULL))
        continue;

      sqlite3_bind_text (write, 1, table, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (write, 2, sqlite3_column_int64 (read, 1));
      rc = sqlite3_step (write);
      sqlite3_reset (write);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (read);
  sqlite3_finalize (write);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, dst, rc, name);
      return FALSE;
    }
  return TRUE;
}

/* The copy is whole: each table as many rows as in the source, no link between records broken,
 * and the file sound. */
static gboolean
verify_copy (sqlite3     *src,
             sqlite3     *dst,
             GPtrArray   *tables,
             const char  *name,
             GError     **error)
{
  g_autofree char *check = NULL;
  int rc;

  for (guint i = 0; i < tables->len; i++)
    {
      g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM ");
      g_autofree char *src_count = NULL;
      g_autofree char *dst_count = NULL;

      append_identifier (sql, g_ptr_array_index (tables, i));
      if (!query_text (src, sql->str, &src_count, &rc))
        {
          set_sqlite_error (error, src, rc, name);
          return FALSE;
        }
      if (!query_text (dst, sql->str, &dst_count, &rc))
        {
          set_sqlite_error (error, dst, rc, name);
          return FALSE;
        }
      if (g_strcmp0 (src_count, dst_count) != 0)
        {
          g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_FAILED,
                       _("Could not import “%s”: the copy of table “%s” is incomplete"), name,
                       (const char *) g_ptr_array_index (tables, i));
          return FALSE;
        }
    }

  if (!query_text (dst, "PRAGMA foreign_key_check", &check, &rc))
    {
      set_sqlite_error (error, dst, rc, name);
      return FALSE;
    }
  if (check != NULL)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: some of its records refer to records that do not exist "
                     "(in table “%s”)"), name, check);
      return FALSE;
    }

  return TRUE;
}

/* ---- Files ------------------------------------------------------------------------------------ */

static void
remove_directory (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *entry;

  while (handle != NULL && (entry = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, entry, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
sync_directory_of (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Puts the finished workspace at @dest without replacing anything there. */
static gboolean
publish (const char  *tmp_path,
         const char  *dest,
         const char  *dest_name,
         GError     **error)
{
  GStatBuf st;
  int errsv;

  if (link (tmp_path, dest) == 0)
    {
      sync_directory_of (dest);
      return TRUE;
    }

  errsv = errno;
  if (errsv == EEXIST || g_lstat (dest, &st) == 0)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_EXISTS,
                   _("Could not create “%s”: a file of that name exists already"), dest_name);
      return FALSE;
    }
  /* A file system without hard links. */
  if (g_rename (tmp_path, dest) != 0)
    {
      errsv = errno;
      g_set_error (error, ANNEX_STORE_ERROR, annex_store_error_from_errno (errsv),
                   _("Could not create “%s”: %s"), dest_name, g_strerror (errsv));
      return FALSE;
    }

  sync_directory_of (dest);
  return TRUE;
}

/* ---- Public API ------------------------------------------------------------------------------- */

/**
 * annex_database_import_file:
 * @source: a workspace file from elsewhere
 * @dest: where to create the clean copy; must not exist
 * @error: return location for a #GError
 *
 * See annex-database.h.
 *
 * Returns: %TRUE when @dest holds the clean copy
 */
gboolean
annex_database_import_file (const char  *source,
                            const char  *dest,
                            GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *dest_name = NULL;
  g_autofree char *dest_dir = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *check = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(AnnexDatabase) upgraded = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *src = NULL;
  sqlite3 *dst = NULL;
  gboolean ok = FALSE;
  GStatBuf st;
  guint n_left_out = 0;
  int version = 0;
  int rc;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_filename_display_basename (source);
  dest_name = g_filename_display_basename (dest);

  if (g_lstat (dest, &st) == 0)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_EXISTS,
                   _("Could not create “%s”: a file of that name exists already"), dest_name);
      return FALSE;
    }

  /* Header, application id, a format this version knows (not newer), the size and a quick
   * integrity check. Triggers, views and virtual tables (UNTRUSTED) are what the import is for:
   * they are left out of the copy. */
  if (!annex_database_validate_file (source, NULL, &local_error))
    {
      if (!g_error_matches (local_error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_UNTRUSTED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_clear_error (&local_error);
    }

  src = open_source (source, name, error);
  if (src == NULL)
    return FALSE;

  if (!query_text (src, "PRAGMA user_version", &check, &rc))
    {
      set_sqlite_error (error, src, rc, name);
      goto out;
    }
  /* annex_database_validate_file() saw it in range. */
  version = (int) g_ascii_strtoll (check != NULL ? check : "0", NULL, 10);
  g_clear_pointer (&check, g_free);
  if (version < 1 || version > annex_database_get_latest_version ())
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_NOT_WORKSPACE,
                   _("“%s” is not an Annex workspace"), name);
      goto out;
    }

  /* Every page, every index against its table. */
  if (!query_text (src, "PRAGMA integrity_check(1)", &check, &rc))
    {
      set_sqlite_error (error, src, rc, name);
      goto out;
    }
  if (g_strcmp0 (check, "ok") != 0)
    {
      g_set_error (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged or incomplete (integrity check: %s)"), name,
                   check != NULL ? check : _("failed"));
      goto out;
    }

  /* The fresh workspace, in a folder of its own beside @dest: at the source's format, so that
   * its schema is the one to compare with, and the copy is then updated as any workspace is. */
  dest_dir = g_path_get_dirname (dest);
  tmp_dir = g_build_filename (dest_dir, ".annex-import-XXXXXX", NULL);
  if (g_mkdtemp_full (tmp_dir, 0700) == NULL)
    {
      int errsv = errno;

      g_clear_pointer (&tmp_dir, g_free);
      g_set_error (error, ANNEX_STORE_ERROR, annex_store_error_from_errno (errsv),
                   _("Could not create “%s”: %s"), dest_name, g_strerror (errsv));
      goto out;
    }
  tmp_path = g_build_filename (tmp_dir, "workspace.isms", NULL);
  if (!_annex_database_create_at_version (tmp_path, "Import", version, error))
    goto out;

  rc = sqlite3_open_v2 (tmp_path, &dst, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, dst, rc, dest_name);
      goto out;
    }
  sqlite3_extended_result_codes (dst, 1);

  tables = check_schema (src, dst, name, &n_left_out, error);
  if (tables == NULL)
    goto out;

  /* One transaction; foreign keys checked once at the end (verify_copy()), since the source's
   * ids are kept and tables refer to each other. */
  rc = sqlite3_exec (dst, "PRAGMA foreign_keys = OFF; BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, dst, rc, dest_name);
      goto out;
    }
  for (guint i = 0; i < tables->len; i++)
    if (!copy_table (src, dst, g_ptr_array_index (tables, i), name, error))
      goto out;
  if (!copy_sequences (src, dst, tables, name, error) ||
      !verify_copy (src, dst, tables, name, error))
    goto out;
  rc = sqlite3_exec (dst, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, dst, rc, dest_name);
      goto out;
    }
  sqlite3_close (dst);
  dst = NULL;

  /* Opening runs the same checks as any open and brings the copy to the latest format (its
   * backup of the older format stays in the temporary folder and goes with it). */
  upgraded = annex_database_open (tmp_path, ANNEX_DATABASE_OPEN_DEFAULT, error);
  if (upgraded == NULL)
    goto out;
  annex_database_close (upgraded);

  ok = publish (tmp_path, dest, dest_name, error);
  if (ok && n_left_out > 0)
    g_debug ("Imported “%s”, leaving out %u objects Annex does not create", name, n_left_out);

out:
  if (dst != NULL)
    {
      sqlite3_exec (dst, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (dst);
    }
  sqlite3_close (src);
  if (tmp_dir != NULL)
    remove_directory (tmp_dir);
  return ok;
}
