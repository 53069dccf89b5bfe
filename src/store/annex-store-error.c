/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-store-error.c: the ANNEX_STORE_ERROR domain and the mapping from SQLite result codes. */

#define G_LOG_DOMAIN "annex-store-error"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>

#include "annex-store-error.h"

G_DEFINE_QUARK (annex-store-error-quark, annex_store_error)

/**
 * annex_store_error_from_sqlite_code:
 * @rc: an SQLite result code, primary or extended
 *
 * Maps @rc to the matching #AnnexStoreError. SQLITE_CANTOPEN maps to
 * %ANNEX_STORE_ERROR_FAILED here: only the caller knows whether the folder was not writable
 * (it then reports %ANNEX_STORE_ERROR_READ_ONLY itself).
 *
 * Returns: the error code
 */
AnnexStoreError
annex_store_error_from_sqlite_code (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return ANNEX_STORE_ERROR_NOT_SQLITE;

    case SQLITE_CORRUPT:
      return ANNEX_STORE_ERROR_CORRUPT;

    case SQLITE_CONSTRAINT:
      return ANNEX_STORE_ERROR_CONSTRAINT;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      return ANNEX_STORE_ERROR_READ_ONLY;

    case SQLITE_FULL:
      return ANNEX_STORE_ERROR_FULL;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ANNEX_STORE_ERROR_BUSY;

    default:
      return ANNEX_STORE_ERROR_FAILED;
    }
}

/**
 * annex_store_error_from_errno:
 * @errsv: a system error number (errno)
 *
 * Returns: the error code: %ANNEX_STORE_ERROR_READ_ONLY when the file or folder cannot be
 *   written, %ANNEX_STORE_ERROR_FULL, %ANNEX_STORE_ERROR_NOT_FOUND, %ANNEX_STORE_ERROR_EXISTS, or
 *   %ANNEX_STORE_ERROR_FAILED
 */
AnnexStoreError
annex_store_error_from_errno (int errsv)
{
  switch (errsv)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      return ANNEX_STORE_ERROR_READ_ONLY;

    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      return ANNEX_STORE_ERROR_FULL;

    case ENOENT:
    case ENOTDIR:
      return ANNEX_STORE_ERROR_NOT_FOUND;

    case EEXIST:
      return ANNEX_STORE_ERROR_EXISTS;

    default:
      return ANNEX_STORE_ERROR_FAILED;
    }
}

/**
 * annex_store_error_from_io_error:
 * @io_error: an error, usually in the %G_IO_ERROR domain
 *
 * Returns: the matching error code, as annex_store_error_from_errno(); %ANNEX_STORE_ERROR_FAILED
 *   for any other domain or code
 */
AnnexStoreError
annex_store_error_from_io_error (const GError *io_error)
{
  g_return_val_if_fail (io_error != NULL, ANNEX_STORE_ERROR_FAILED);

  if (io_error->domain != G_IO_ERROR)
    return ANNEX_STORE_ERROR_FAILED;

  switch (io_error->code)
    {
    case G_IO_ERROR_PERMISSION_DENIED:
    case G_IO_ERROR_READ_ONLY:
      return ANNEX_STORE_ERROR_READ_ONLY;

    case G_IO_ERROR_NO_SPACE:
      return ANNEX_STORE_ERROR_FULL;

    case G_IO_ERROR_NOT_FOUND:
      return ANNEX_STORE_ERROR_NOT_FOUND;

    case G_IO_ERROR_EXISTS:
      return ANNEX_STORE_ERROR_EXISTS;

    default:
      return ANNEX_STORE_ERROR_FAILED;
    }
}

/**
 * annex_store_set_error_from_sqlite:
 * @error: return location for a #GError, or %NULL
 * @db: (nullable): the connection that failed, for its message
 * @rc: the SQLite result code
 * @context: a short human phrase, e.g. "Could not save the action"
 *
 * Sets @error to "<context>: <SQLite's message>" in the %ANNEX_STORE_ERROR domain. When @db's
 * last error is not @rc (the message would describe another failure), SQLite's generic text
 * for @rc is used instead. A full disk and a read-only workspace get a translated sentence that
 * tells the user what to do instead of SQLite's message.
 */
void
annex_store_set_error_from_sqlite (GError     **error,
                                   sqlite3     *db,
                                   int          rc,
                                   const char  *context)
{
  const char *detail = NULL;

  if (error == NULL)
    return;

  /* The two failures a user can fix get a sentence that says how, rather than SQLite's
   * "database or disk is full" / "attempt to write a readonly database". */
  switch (annex_store_error_from_sqlite_code (rc))
    {
    case ANNEX_STORE_ERROR_FULL:
      detail = _("the disk is full. Free some space, then try again.");
      break;

    case ANNEX_STORE_ERROR_READ_ONLY:
      detail = _("the workspace is read-only. Check that its file and folder can be written, "
                 "then try again.");
      break;

    default:
      if (db != NULL && (sqlite3_extended_errcode (db) & 0xff) == (rc & 0xff))
        detail = sqlite3_errmsg (db);
      if (detail == NULL || *detail == '\0')
        detail = sqlite3_errstr (rc);
      break;
    }

  if (context == NULL || *context == '\0')
    context = _("The workspace could not be used");

  g_set_error (error, ANNEX_STORE_ERROR, annex_store_error_from_sqlite_code (rc),
               /* Translators: the first %s is what failed, the second SQLite's message */
               _("%s: %s"), context, detail);
}
