/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-test-ui-util.h: helpers shared by the tests that run under a display: skipping without
 * one, finding widgets in a window, waiting for a register's first load. */

#pragma once

#include <gtk/gtk.h>

#include "annex-register.h"

G_BEGIN_DECLS

/* TRUE when @has_display (gtk_init_check() worked); otherwise skips the test, or fails it when
 * ANNEX_TEST_REQUIRE_DISPLAY=1 (CI must not skip the UI tests silently). */
gboolean   annex_test_require_display (gboolean       has_display);

/* The first descendant of @widget (depth first) that is a @type, or NULL. */
GtkWidget *annex_test_find_descendant (GtkWidget     *widget,
                                       GType          type);

/* The first descendant button whose label is @label (with its mnemonic underscore), or NULL. */
GtkWidget *annex_test_find_button     (GtkWidget     *widget,
                                       const char    *label);

/* Runs the main loop until @register_ is loaded. */
void       annex_test_wait_loaded     (AnnexRegister *register_);

G_END_DECLS
