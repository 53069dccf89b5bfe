/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-report-private.h: what the report writers share: writing a file atomically (a temporary
 * file beside the target, renamed over it only when complete). */

#pragma once

#include "annex-report.h"

G_BEGIN_DECLS

/* Creates an empty temporary file beside @path (in the same folder, so the final rename is
 * atomic and never crosses file systems) and returns its name; NULL with a G_IO_ERROR naming
 * @path when the folder cannot be written. */
char     *_annex_report_create_temp (const char  *path,
                                     GError     **error);
/* Renames @temp over @path; on failure removes @temp and sets a G_IO_ERROR naming @path. */
gboolean  _annex_report_commit_temp (const char  *temp,
                                     const char  *path,
                                     GError     **error);
/* Writes @len bytes of @data to @path atomically (create_temp, write, sync, commit_temp); on
 * failure nothing is left behind and an older @path is as it was. */
gboolean  _annex_report_write_atomically (const char  *path,
                                          const char  *data,
                                          gsize        len,
                                          GError     **error);
/* Sets @error to G_IO_ERROR from @errsv: "Could not write “PATH”: REASON". */
void      _annex_report_set_write_error (GError     **error,
                                         const char  *path,
                                         int          errsv);

G_END_DECLS
