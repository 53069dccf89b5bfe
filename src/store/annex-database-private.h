/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-database-private.h: internal API shared by the files of src/store, and hooks for tests. */

#pragma once

#include "annex-database.h"

G_BEGIN_DECLS

/* The current time as the store writes it everywhere: ISO 8601, UTC, microseconds,
 * e.g. "2026-11-28T06:29:31.123456Z". */
char     *_annex_database_dup_now            (void);

/* Escapes @str (UTF-8; invalid sequences become U+FFFD) as a JSON string with its quotes,
 * appended to @out (RFC 8259: quote, backslash and control characters are escaped). */
void      _annex_store_append_json_string    (GString     *out,
                                              const char  *str);

/* Testing hooks. Not for application code. */

/* Creates a closed workspace file at @path (which must not exist) with the first @version
 * migrations applied (1 <= @version <= latest), as an older Annex would have written it. */
gboolean  _annex_database_create_at_version  (const char  *path,
                                              const char  *organization,
                                              int          version,
                                              GError     **error);

/* Appends @sql_steps (NULL-terminated; each one migration, run as with sqlite3_exec()) after the
 * built-in migrations, so the latest version grows by their number. NULL removes them again.
 * The array is copied. Not thread-safe: call it from the test's main thread only. */
void      _annex_database_set_extra_migrations_for_testing (const char * const *sql_steps);

G_END_DECLS
