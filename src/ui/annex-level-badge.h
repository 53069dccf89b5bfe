/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-level-badge.h: a risk level as a small pill in the level's colour, its label in black or
 * white, whichever reads better on that colour (in light and dark style alike). */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ANNEX_TYPE_LEVEL_BADGE (annex_level_badge_get_type ())
G_DECLARE_FINAL_TYPE (AnnexLevelBadge, annex_level_badge, ANNEX, LEVEL_BADGE, GtkWidget)

/* Properties: "label" (string; NULL or empty: the badge shows "placeholder" dimmed, without a
 * pill), "color" ("#rrggbb" or NULL), "placeholder" (string, e.g. "Not assessed"). */

GtkWidget  *annex_level_badge_new             (void);
void        annex_level_badge_set_level       (AnnexLevelBadge *self,
                                               const char      *label,
                                               const char      *color);
const char *annex_level_badge_get_label       (AnnexLevelBadge *self);
const char *annex_level_badge_get_color       (AnnexLevelBadge *self);
void        annex_level_badge_set_placeholder (AnnexLevelBadge *self,
                                               const char      *placeholder);

/* TRUE when black text reads better than white on @color (its relative luminance is high). */
gboolean    annex_level_color_wants_dark_text (const GdkRGBA   *color);

G_END_DECLS
