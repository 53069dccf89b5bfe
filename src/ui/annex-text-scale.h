/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-text-scale.h: the larger-text mode for trainers: the steps of the text size, kept per
 * workspace in its "text-scale" setting, and applying one to a window. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The workspace setting holding the text size in percent ("150"); unset means 100. */
#define ANNEX_TEXT_SCALE_SETTING "text-scale"

#define ANNEX_TEXT_SCALE_DEFAULT 100
#define ANNEX_TEXT_SCALE_MIN     100
#define ANNEX_TEXT_SCALE_MAX     200

/* The next step from @percent: @direction > 0 larger, < 0 smaller, 0 the default. Steps are
 * 100, 125, 150, 175 and 200 %; a value between steps moves to the neighbouring step. */
guint annex_text_scale_step  (guint       percent,
                              int         direction);
/* The setting's value as a step; NULL, malformed or out of range values give 100. */
guint annex_text_scale_parse (const char *value);
/* Scales every text of @window (its CSS nodes, popovers included) to @percent, a step. */
void  annex_text_scale_apply (GtkWidget  *window,
                              guint       percent);
/* The step applied to @window (100 when none was). */
guint annex_text_scale_get   (GtkWidget  *window);

G_END_DECLS
