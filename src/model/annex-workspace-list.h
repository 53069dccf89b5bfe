/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-workspace-list.h: the workspaces kept in one folder (the user data directory's
 * "annex/workspaces"), as a GListModel of AnnexWorkspace sorted by name, and the operations on
 * them. */

#pragma once

#include <gio/gio.h>

#include "annex-database.h"
#include "annex-workspace.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_WORKSPACE_LIST (annex_workspace_list_get_type ())
G_DECLARE_FINAL_TYPE (AnnexWorkspaceList, annex_workspace_list, ANNEX, WORKSPACE_LIST, GObject)

/* The default folder: g_get_user_data_dir()/annex/workspaces (inside Flatpak the sandbox's own). */
char               *annex_workspace_list_dup_default_directory (void);

/* A list over @directory (created when missing on the first write). Call refresh() to read it. */
AnnexWorkspaceList *annex_workspace_list_new       (const char          *directory);
const char         *annex_workspace_list_get_directory (AnnexWorkspaceList *self);

/* Re-reads the folder: every "*.isms" file. */
gboolean            annex_workspace_list_refresh   (AnnexWorkspaceList  *self,
                                                    GError             **error);

/* TRUE when @path lies in the folder. */
gboolean            annex_workspace_list_contains_path (AnnexWorkspaceList *self,
                                                        const char         *path);
AnnexWorkspace     *annex_workspace_list_find_by_path  (AnnexWorkspaceList *self,
                                                        const char         *path);

/* Creates a new workspace for @organization (non-empty) in the folder, with a file name derived
 * from it ("acme-ltd.isms", "acme-ltd-2.isms"…). Returns the new item (borrowed). */
AnnexWorkspace     *annex_workspace_list_create    (AnnexWorkspaceList  *self,
                                                    const char          *organization,
                                                    GError             **error);
/* Renames the organization stored in the workspace (the file name stays). */
gboolean            annex_workspace_list_rename    (AnnexWorkspaceList  *self,
                                                    AnnexWorkspace      *workspace,
                                                    const char          *organization,
                                                    GError             **error);
/* A consistent copy named "<name> (copy)". Returns the new item (borrowed). */
AnnexWorkspace     *annex_workspace_list_duplicate (AnnexWorkspaceList  *self,
                                                    AnnexWorkspace      *workspace,
                                                    GError             **error);
/* Deletes the file and its -wal/-shm companions. */
gboolean            annex_workspace_list_delete    (AnnexWorkspaceList  *self,
                                                    AnnexWorkspace      *workspace,
                                                    GError             **error);
/* Writes a single self-contained .isms file at @dest_path (backup API; never half-written).
 * @workspace need not be an item: only its path is read, through a connection of its own. */
gboolean            annex_workspace_list_export    (AnnexWorkspaceList  *self,
                                                    AnnexWorkspace      *workspace,
                                                    const char          *dest_path,
                                                    GError             **error);
/* Makes a clean copy of @source_path (never modifying it) in the folder under a fresh name, at
 * the latest format: annex_database_import_file(), so a file from elsewhere is never trusted as
 * it is. Returns the new item (borrowed). */
AnnexWorkspace     *annex_workspace_list_import    (AnnexWorkspaceList  *self,
                                                    const char          *source_path,
                                                    GError             **error);

/* The same operations on a worker thread (the same code as the synchronous ones). The worker
 * does only file and SQLite work, on connections of its own; the list changes (one
 * items-changed) on the caller's main context, before the callback runs. Errors are the
 * store's, as above, or G_IO_ERROR_CANCELLED when @cancellable stopped the operation before
 * its file was in place: then nothing is left behind. A file that was completed is listed and
 * reported as success even if @cancellable was cancelled meanwhile. The _finish () functions
 * return a new reference. */
void                annex_workspace_list_rename_async     (AnnexWorkspaceList  *self,
                                                           AnnexWorkspace      *workspace,
                                                           const char          *organization,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean            annex_workspace_list_rename_finish    (AnnexWorkspaceList  *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void                annex_workspace_list_duplicate_async  (AnnexWorkspaceList  *self,
                                                           AnnexWorkspace      *workspace,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
AnnexWorkspace     *annex_workspace_list_duplicate_finish (AnnexWorkspaceList  *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void                annex_workspace_list_export_async     (AnnexWorkspaceList  *self,
                                                           AnnexWorkspace      *workspace,
                                                           const char          *dest_path,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean            annex_workspace_list_export_finish    (AnnexWorkspaceList  *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void                annex_workspace_list_import_async     (AnnexWorkspaceList  *self,
                                                           const char          *source_path,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
AnnexWorkspace     *annex_workspace_list_import_finish    (AnnexWorkspaceList  *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

/* annex_database_open (@path, ANNEX_DATABASE_OPEN_DEFAULT) on a worker thread (validation,
 * integrity check, migration): the connection is handed over to the caller's thread and used
 * only there from then on. @path may lie outside the folder; the list does not change. When
 * cancelled, the connection is closed and finish fails with G_IO_ERROR_CANCELLED. */
void                annex_workspace_list_open_async       (AnnexWorkspaceList  *self,
                                                           const char          *path,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
AnnexDatabase      *annex_workspace_list_open_finish      (AnnexWorkspaceList  *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

G_END_DECLS
