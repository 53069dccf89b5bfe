/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-workspace.h: what the welcome screen knows about one workspace file without opening it
 * for writing: its path, organization name and modification time. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ANNEX_TYPE_WORKSPACE (annex_workspace_get_type ())
G_DECLARE_FINAL_TYPE (AnnexWorkspace, annex_workspace, ANNEX, WORKSPACE, GObject)

/* Properties (read-only): "path", "name" (the organization), "modified" (GDateTime, local),
 * "error" (string: why the file cannot be opened, or NULL when it is usable). */

/* Reads @path's organization without modifying it; never fails: an unreadable file gets its file
 * name as name and a human message in "error". */
AnnexWorkspace *annex_workspace_new_for_path (const char     *path);

const char     *annex_workspace_get_path     (AnnexWorkspace *self);
const char     *annex_workspace_get_name     (AnnexWorkspace *self);
GDateTime      *annex_workspace_get_modified (AnnexWorkspace *self);
const char     *annex_workspace_get_error    (AnnexWorkspace *self);

void            _annex_workspace_set_name    (AnnexWorkspace *self,
                                              const char     *name);
/* Re-reads the file's modification time (after a write), notifying "modified" when it changed. */
void            _annex_workspace_update_modified (AnnexWorkspace *self);

G_END_DECLS
