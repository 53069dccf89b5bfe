/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-window.h: the main window: the welcome screen with the workspaces, or an open workspace
 * with its sidebar of views, and the workspace operations (new, open, rename, duplicate, export,
 * import, delete, close). */

#pragma once

#include <adwaita.h>

#include "annex-database.h"
#include "annex-register.h"
#include "annex-setup-assistant.h"
#include "annex-workspace-list.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_WINDOW (annex_window_get_type ())
G_DECLARE_FINAL_TYPE (AnnexWindow, annex_window, ANNEX, WINDOW, AdwApplicationWindow)

/* Properties: "workspace-list" (AnnexWorkspaceList, construct-only), "database" (AnnexDatabase,
 * read-only: the open workspace, NULL on the welcome screen), "view" (string: the name of the
 * view shown in the workspace page).
 * Window actions: "win.open-workspace" (s: path), "win.rename-workspace" (s),
 * "win.duplicate-workspace" (s), "win.export-listed-workspace" (s), "win.delete-workspace" (s),
 * "win.export-workspace" (the open one), "win.close-workspace", "win.show-view" (s: view name),
 * "win.show-record" ((sx): a register table and a record id: shows the view and page holding
 * that table's records and the record in its editor; a toast when it is not found),
 * "win.search-everywhere" (Ctrl+K: the search over every register, annex-search-dialog.h),
 * "win.open-sample" (s: a sample organization's id: creates a fresh copy of it, replacing the
 * last one, at annex_window_dup_sample_path () on a worker, then opens it),
 * "win.export" (Shift+Ctrl+E: the export dialog, the visible view's report preselected),
 * "win.print" (Ctrl+P: prints that report), "win.import-csv" (s: "risks", "assets", "issues",
 * "parties", "controls", or "" for the visible view's register), "win.import-catalog" (an OSCAL
 * control catalog). */

/* The names of the views in sidebar order ("overview" … "actions"), NULL-terminated. */
const char * const *annex_window_get_view_names (void);
gboolean            annex_window_is_view_name   (const char         *name);

AnnexWindow        *annex_window_new            (GtkApplication     *application,
                                                 AnnexWorkspaceList *workspace_list);

AnnexWorkspaceList *annex_window_get_workspace_list (AnnexWindow    *self);
AnnexDatabase      *annex_window_get_database   (AnnexWindow        *self);
/* The register behind the Actions view, or NULL without a workspace. */
AnnexRegister      *annex_window_get_action_register (AnnexWindow   *self);
/* The registers behind the Controls view (controls, requirements), or NULL without a
 * workspace. */
AnnexRegister      *annex_window_get_control_register (AnnexWindow  *self);
AnnexRegister      *annex_window_get_requirement_register (AnnexWindow *self);
/* "welcome" or "workspace": the page the window shows. */
const char         *annex_window_get_visible_page (AnnexWindow      *self);

const char         *annex_window_get_view       (AnnexWindow        *self);
/* Shows @view (a name of annex_window_get_view_names ()); returns FALSE for an unknown name. */
gboolean            annex_window_set_view       (AnnexWindow        *self,
                                                 const char         *view);

/* Opens the workspace at @path on a worker thread (its welcome row shows a spinner meanwhile),
 * then closes the open one, shows the new one and remembers it as the last workspace. On
 * failure the window is left as it was. A later open or a close supersedes a pending one
 * (G_IO_ERROR_CANCELLED). */
void                annex_window_open_workspace_async  (AnnexWindow         *self,
                                                        const char          *path,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean            annex_window_open_workspace_finish (AnnexWindow         *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
/* Closes the open workspace and shows the welcome screen. */
void                annex_window_close_workspace (AnnexWindow       *self);

/* Opens @file: directly when it lies in the workspace folder, else after importing a copy into
 * it (on a worker thread). A failure is shown in a dialog. */
void                annex_window_open_file      (AnnexWindow        *self,
                                                 GFile              *file);
/* Asks for an organization name and creates and opens a new workspace. */
void                annex_window_new_workspace  (AnnexWindow        *self);
/* Where "win.open-sample" keeps the practice copy of sample @id. */
char               *annex_window_dup_sample_path (const char     *id);
/* Offers the guided start for the open workspace (done after "New Workspace"); NULL without a
 * workspace. */
AnnexSetupAssistant *annex_window_show_setup_assistant (AnnexWindow  *self);
/* Asks for a .isms file and imports and opens it. */
void                annex_window_import_workspace (AnnexWindow      *self);

/* Imports the OSCAL control catalog in @file into the open workspace (read on a worker), then
 * shows the Controls view and a toast "Imported 149 controls of “…”"; a refused file is shown
 * in a dialog. The chooser of "win.import-catalog" ends here. */
void                annex_window_import_catalog (AnnexWindow        *self,
                                                 GFile              *file);

/* Shows @toast (taking it over, like adw_toast_overlay_add_toast ()). */
void                annex_window_add_toast      (AnnexWindow        *self,
                                                 AdwToast           *toast);

/* For tests: how long toasts stay (0: until dismissed; -1: the toast's own timeout). */
void            annex_window_set_toast_timeout (AnnexWindow *self,
                                                int          seconds);

G_END_DECLS
