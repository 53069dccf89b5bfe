/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-test-ui-util.h: helpers shared by the tests that run under a display: skipping without
 * one, finding widgets in a window, waiting for a register's first load. */

#pragma once

#include <gtk/gtk.h>

#include "annex-register.h"

G_BEGIN_DECLS

/* The start of a UI test program's main(): points XDG_DATA_HOME into a fresh temporary
 * directory (before anything reads and caches it), runs g_test_init(), and initializes GTK and
 * libadwaita when there is a display (*@out_has_display). Returns the temporary directory, for
 * annex_test_rm_rf() after g_test_run(). */
char      *annex_test_ui_init         (int           *argc,
                                       char        ***argv,
                                       gboolean      *out_has_display);

/* TRUE when @has_display (gtk_init_check() worked); otherwise skips the test, or fails it when
 * ANNEX_TEST_REQUIRE_DISPLAY=1 (CI must not skip the UI tests silently). */
gboolean   annex_test_require_display (gboolean       has_display);

/* The first descendant of @widget (depth first) that is a @type, or NULL. */
GtkWidget *annex_test_find_descendant (GtkWidget     *widget,
                                       GType          type);

/* The first descendant button whose label is @label (with its mnemonic underscore), or NULL. */
GtkWidget *annex_test_find_button     (GtkWidget     *widget,
                                       const char    *label);

/* The first descendant of @widget (depth first) for which @match returns TRUE, or NULL. */
typedef gboolean (*AnnexTestWidgetMatch) (GtkWidget     *widget,
                                          gconstpointer  data);
GtkWidget *annex_test_find_matching   (GtkWidget            *widget,
                                       AnnexTestWidgetMatch  match,
                                       gconstpointer         data);

/* The first descendant whose widget name (gtk_widget_set_name(), "name" in a template) is
 * @name, or NULL. */
GtkWidget *annex_test_find_named      (GtkWidget     *widget,
                                       const char    *name);

/* The first descendant AdwPreferencesRow titled @title, or NULL. */
GtkWidget *annex_test_find_row        (GtkWidget     *widget,
                                       const char    *title);

/* Runs the main loop until @register_ is loaded. */
void       annex_test_wait_loaded     (AnnexRegister *register_);

G_END_DECLS
