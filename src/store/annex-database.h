/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-database.h: one open workspace file: connection, pragmas, migrations, statements,
 * transactions and the "changed" signal. */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* PRAGMA application_id of every Annex workspace: "ANNX" in ASCII. */
#define ANNEX_DATABASE_APPLICATION_ID 0x414E4E58

#define ANNEX_TYPE_DATABASE (annex_database_get_type ())
G_DECLARE_FINAL_TYPE (AnnexDatabase, annex_database, ANNEX, DATABASE, GObject)

typedef enum
{
  ANNEX_DATABASE_OPEN_DEFAULT   = 0,
  /* Open for reading only (a second connection for loading on a worker thread). No migration
   * runs; a file whose schema is older than the app's is refused with ANNEX_STORE_ERROR_FAILED.
   * Writes through it fail with READ_ONLY (PRAGMA query_only). */
  ANNEX_DATABASE_OPEN_READ_ONLY = 1 << 0,
  /* Skip the integrity check (it reads every page) for a second connection to a workspace that
   * this process has open and checked already; the header, id and version checks still run. */
  ANNEX_DATABASE_OPEN_NO_INTEGRITY_CHECK = 1 << 1,
} AnnexDatabaseOpenFlags;

/* The schema version this build writes (the number of migrations). */
int            annex_database_get_latest_version (void);

/* Checks a file without writing anything to it (opened immutable; read through its log when a
 * "-wal" file lies beside it): the SQLite header, the application id, a schema version this
 * build knows, the file size and a quick integrity check. On success, *out_version (may be NULL)
 * holds its schema version. Errors: NOT_FOUND, NOT_SQLITE (also an empty file or a folder),
 * NOT_WORKSPACE, TOO_NEW, CORRUPT (also a file that starts as SQLite but ends inside its
 * 100-byte header), UNTRUSTED (a trigger, a view or a virtual table, which Annex never creates:
 * annex_database_import_file() makes a clean copy). */
gboolean       annex_database_validate_file      (const char              *path,
                                                  int                     *out_version,
                                                  GError                 **error);

/* Creates a new workspace at @path (which must not exist: EXISTS) for @organization (not blank:
 * INVALID), at the latest schema version, and opens it. The file is built under a temporary name
 * beside @path and renamed into place, so a failure leaves nothing. The settings "organization"
 * and "created" are set (and recorded in the change history). */
AnnexDatabase *annex_database_create             (const char              *path,
                                                  const char              *organization,
                                                  GError                 **error);

/* Opens an existing workspace: validates it first (the file is left byte-identical when it is
 * refused), copies it aside to "<path>.before-v<N>.bak" and migrates it when it is older, then sets
 * the connection pragmas (foreign_keys, WAL, synchronous=FULL, busy_timeout, trusted_schema=OFF,
 * defensive). */
AnnexDatabase *annex_database_open               (const char              *path,
                                                  AnnexDatabaseOpenFlags   flags,
                                                  GError                 **error);

const char    *annex_database_get_path           (AnnexDatabase           *self);
gboolean       annex_database_is_read_only       (AnnexDatabase           *self);
int            annex_database_get_schema_version (AnnexDatabase           *self);
/* The raw connection, for code in src/store and src/model only. */
sqlite3       *annex_database_get_handle         (AnnexDatabase           *self);

/* Returns a cached prepared statement for @sql (a string literal or a string built only from
 * trusted identifiers, never from user text), reset and with its bindings cleared. The statement is
 * owned by @self; do not finalize it. Must be called on the thread that uses the connection. */
sqlite3_stmt  *annex_database_prepare            (AnnexDatabase           *self,
                                                  const char              *sql,
                                                  GError                 **error);
/* Steps @stmt until SQLITE_DONE (rows are ignored), then resets it. */
gboolean       annex_database_step_done         (AnnexDatabase           *self,
                                                  sqlite3_stmt            *stmt,
                                                  GError                 **error);
/* Runs SQL without parameters (schema statements, pragmas). */
gboolean       annex_database_exec               (AnnexDatabase           *self,
                                                  const char              *sql,
                                                  GError                 **error);

/* Transactions nest: only the outermost begin/commit reach SQLite (BEGIN IMMEDIATE / COMMIT; a
 * deferred BEGIN, i.e. a read snapshot, on a read-only connection).
 * A rollback at any depth rolls the whole transaction back when the outermost level ends; once a
 * level rolled back, every later commit of that transaction (inner or outermost) returns FALSE
 * with ANNEX_STORE_ERROR_FAILED. After the outermost commit, "changed" is emitted once per table
 * marked with annex_database_mark_changed(), with the table name as detail and argument; a
 * rollback forgets the marks. Marking outside a transaction emits at once. */
gboolean       annex_database_begin              (AnnexDatabase           *self,
                                                  GError                 **error);
gboolean       annex_database_commit             (AnnexDatabase           *self,
                                                  GError                 **error);
void           annex_database_rollback           (AnnexDatabase           *self);
gboolean       annex_database_in_transaction     (AnnexDatabase           *self);
void           annex_database_mark_changed       (AnnexDatabase           *self,
                                                  const char              *table);

/* Workspace metadata (table "workspace": key, value), e.g. "organization". Setting a value runs in
 * its own transaction (or the current one) and is recorded in the change history (table
 * "workspace", record 0, {"key":…,"value":…}); it marks "workspace" changed. A NULL value removes
 * the key; an unchanged value writes nothing. The keys "history-head" and "history-count" belong
 * to the change history and are refused (INVALID). dup_setting returns NULL when unset. */
char          *annex_database_dup_setting        (AnnexDatabase           *self,
                                                  const char              *key);
gboolean       annex_database_set_setting        (AnnexDatabase           *self,
                                                  const char              *key,
                                                  const char              *value,
                                                  GError                 **error);
/* Convenience for the "organization" setting. */
char          *annex_database_dup_organization   (AnnexDatabase           *self);

/* Number of rows in one of the workspace's tables; @table must be one of
 * annex_database_get_register_tables() (checked, never interpolated otherwise). */
gint64         annex_database_count_rows         (AnnexDatabase           *self,
                                                  const char              *table,
                                                  GError                 **error);
/* NULL-terminated list of the register tables this schema version has, in display order
 * (e.g. "actions"). */
const char * const *annex_database_get_register_tables (void);

/* Writes a consistent copy of the workspace to @dest_path with SQLite's backup API: into a
 * temporary file beside @dest_path, synced, then renamed over it, so @dest_path is never
 * half-written. The copy is in rollback-journal mode (a single self-contained file). */
gboolean       annex_database_backup             (AnnexDatabase           *self,
                                                  const char              *dest_path,
                                                  GError                 **error);

/* Makes a clean workspace at @dest (which must not exist: EXISTS) from a workspace file someone
 * else made, without trusting it (annex-database-import.c). @source is only read: what
 * annex_database_validate_file() checks (a trigger, view or virtual table is no reason to
 * refuse here) and a full integrity check; then the rows of the tables and columns this version
 * of Annex creates are copied column by column, with bound values, into a fresh workspace (SQL
 * from @source never runs; triggers, views, virtual tables and other tables, columns and indexes
 * are left out), which is verified (row counts, foreign keys), brought to the latest format by
 * an ordinary open and only then put at @dest. On refusal or failure nothing is left at @dest
 * and @source is untouched. Errors: those of annex_database_validate_file() but UNTRUSTED,
 * CORRUPT (integrity, broken links), NOT_WORKSPACE (a table or column missing), INVALID (a value
 * over 16 MB), CONSTRAINT (a row Annex would not write), EXISTS, and file errors. */
gboolean       annex_database_import_file        (const char              *source,
                                                  const char              *dest,
                                                  GError                 **error);

/* Closes the connection (checkpointing the WAL). Later calls fail. Also done on finalize. */
void           annex_database_close              (AnnexDatabase           *self);

G_END_DECLS
