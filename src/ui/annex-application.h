/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-application.h: the application: its actions, its settings, its command-line options and
 * the workspace folder shared by its windows. */

#pragma once

#include <adwaita.h>

#include "annex-workspace-list.h"

G_BEGIN_DECLS

/* The settings schema keeps this id in both profiles (the .Devel application id uses it too). */
#define ANNEX_SETTINGS_SCHEMA_ID "io.github.annex.Annex"

#define ANNEX_TYPE_APPLICATION (annex_application_get_type ())
G_DECLARE_FINAL_TYPE (AnnexApplication, annex_application, ANNEX, APPLICATION, AdwApplication)

/* Properties: "workspace-directory" (string, construct-only: the folder of workspaces; NULL, the
 * default, means annex_workspace_list_dup_default_directory ()).
 * Command-line option: --view NAME (a view name of annex_window_get_view_names ()). */
AnnexApplication   *annex_application_new                (void);
AnnexWorkspaceList *annex_application_get_workspace_list (AnnexApplication *self);

G_END_DECLS
