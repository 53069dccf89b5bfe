/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-store-error.h: the ANNEX_STORE_ERROR domain, and the mapping from SQLite result codes. */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define ANNEX_STORE_ERROR (annex_store_error_quark ())

/**
 * AnnexStoreError:
 * @ANNEX_STORE_ERROR_FAILED: any other failure; the message carries SQLite's message
 * @ANNEX_STORE_ERROR_NOT_FOUND: the file or the record does not exist
 * @ANNEX_STORE_ERROR_EXISTS: the file to create exists already
 * @ANNEX_STORE_ERROR_NOT_SQLITE: the file is not an SQLite database
 * @ANNEX_STORE_ERROR_NOT_WORKSPACE: an SQLite database that is not an Annex workspace
 * @ANNEX_STORE_ERROR_TOO_NEW: a workspace written by a newer Annex
 * @ANNEX_STORE_ERROR_CORRUPT: a truncated or damaged workspace
 * @ANNEX_STORE_ERROR_CONSTRAINT: a constraint (unique, foreign key, check) was violated
 * @ANNEX_STORE_ERROR_READ_ONLY: the workspace or its folder cannot be written
 * @ANNEX_STORE_ERROR_FULL: the disk is full
 * @ANNEX_STORE_ERROR_BUSY: another program holds a lock on the workspace
 * @ANNEX_STORE_ERROR_INVALID: a value was refused (a required field left empty, a malformed date)
 * @ANNEX_STORE_ERROR_UNTRUSTED: a workspace holds objects Annex never creates (a trigger, a view,
 *   a virtual table): it is not opened as it is, but can be imported as a clean copy
 *   (annex_database_import_file())
 */
typedef enum
{
  ANNEX_STORE_ERROR_FAILED = 1,
  ANNEX_STORE_ERROR_NOT_FOUND,
  ANNEX_STORE_ERROR_EXISTS,
  ANNEX_STORE_ERROR_NOT_SQLITE,
  ANNEX_STORE_ERROR_NOT_WORKSPACE,
  ANNEX_STORE_ERROR_TOO_NEW,
  ANNEX_STORE_ERROR_CORRUPT,
  ANNEX_STORE_ERROR_CONSTRAINT,
  ANNEX_STORE_ERROR_READ_ONLY,
  ANNEX_STORE_ERROR_FULL,
  ANNEX_STORE_ERROR_BUSY,
  ANNEX_STORE_ERROR_INVALID,
  ANNEX_STORE_ERROR_UNTRUSTED,
} AnnexStoreError;

GQuark annex_store_error_quark (void);

/* Sets @error from SQLite's extended result code @rc and the connection's message.
 * @context is a short human phrase prefixed to the message ("Could not save the action"). */
void   annex_store_set_error_from_sqlite (GError     **error,
                                          sqlite3     *db,
                                          int          rc,
                                          const char  *context);
/* The AnnexStoreError code for an SQLite result code. */
AnnexStoreError annex_store_error_from_sqlite_code (int rc);
/* The AnnexStoreError code for a system error number (READ_ONLY for EACCES/EPERM/EROFS, FULL,
 * NOT_FOUND, EXISTS; FAILED for any other). */
AnnexStoreError annex_store_error_from_errno       (int           errsv);
/* The same for a GIO error (FAILED for any other domain or code). */
AnnexStoreError annex_store_error_from_io_error    (const GError *io_error);

G_END_DECLS
