/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-welcome-page.h: the welcome screen shown when no workspace is open: what Annex is, the
 * workspaces of the workspace folder, and the buttons to create or import one. */

#pragma once

#include <adwaita.h>

#include "annex-workspace-list.h"

G_BEGIN_DECLS

#define ANNEX_TYPE_WELCOME_PAGE (annex_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (AnnexWelcomePage, annex_welcome_page, ANNEX, WELCOME_PAGE, GtkWidget)

/* Properties: "workspace-list" (AnnexWorkspaceList, may be NULL).
 * A row activates "win.open-workspace" with the workspace's path; its menu offers
 * "win.rename-workspace", "win.duplicate-workspace", "win.export-listed-workspace" and
 * "win.delete-workspace" with the same target. The buttons activate "app.new-workspace" and
 * "app.import". Below, the sample organizations (annex_sample_get_all ()), each with an Open
 * Sample button activating "win.open-sample" with the sample's id. */

GtkWidget          *annex_welcome_page_new                (void);
AnnexWorkspaceList *annex_welcome_page_get_workspace_list (AnnexWelcomePage   *self);
void                annex_welcome_page_set_workspace_list (AnnexWelcomePage   *self,
                                                           AnnexWorkspaceList *workspace_list);
/* Marks @path busy while an operation runs on it (calls nest: each TRUE needs its FALSE). A busy
 * row shows a spinner, cannot be activated and its menu is insensitive. */
void                annex_welcome_page_set_workspace_busy (AnnexWelcomePage *self,
                                                           const char       *path,
                                                           gboolean          busy);
gboolean            annex_welcome_page_get_workspace_busy (AnnexWelcomePage *self,
                                                           const char       *path);
/* TRUE when the list of workspaces is shown (the folder holds at least one). */
gboolean            annex_welcome_page_get_has_workspaces (AnnexWelcomePage   *self);

/* "Modified today at 14:03", "Modified yesterday", "Modified 3 days ago", "Modified on 2 March
 * 2026": when @modified (local time) was, seen from @now. NULL when @modified is NULL. */
char               *annex_welcome_page_format_modified    (GDateTime          *modified,
                                                           GDateTime          *now);

G_END_DECLS
