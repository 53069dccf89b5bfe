/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-preferences-window.h: the preferences: the style (follow the system, light or dark) and
 * the workspaces (reopen the last one at start, where they are kept). */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ANNEX_TYPE_PREFERENCES_WINDOW (annex_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (AnnexPreferencesWindow, annex_preferences_window, ANNEX, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Properties: "workspace-directory" (string, construct-only: the folder shown). The settings are
 * those of the schema io.github.annex.Annex, applied as they change. */
GtkWidget *annex_preferences_window_new (GtkWindow  *parent,
                                         const char *workspace_directory);

G_END_DECLS
