/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-test-ui-util.c: helpers shared by the tests that run under a display. */

#define G_LOG_DOMAIN "annex-test-ui-util"

#include "config.h"

#include <adwaita.h>

#include "annex-test-ui-util.h"
#include "annex-test-util.h"

char *
annex_test_ui_init (int        *argc,
                    char     ***argv,
                    gboolean   *out_has_display)
{
  char *tmpdir = annex_test_make_tmpdir ();
  g_autofree char *data_home = g_build_filename (tmpdir, "data", NULL);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (argc, argv, NULL);

  *out_has_display = gtk_init_check ();
  if (*out_has_display)
    adw_init ();

  return tmpdir;
}

gboolean
annex_test_require_display (gboolean has_display)
{
  if (has_display)
    return TRUE;

  if (g_strcmp0 (g_getenv ("ANNEX_TEST_REQUIRE_DISPLAY"), "1") == 0)
    {
      g_test_message ("no display, but ANNEX_TEST_REQUIRE_DISPLAY=1");
      g_test_fail ();
    }
  else
    g_test_skip ("no display");

  return FALSE;
}

GtkWidget *
annex_test_find_matching (GtkWidget            *widget,
                          AnnexTestWidgetMatch  match,
                          gconstpointer         data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;

      found = annex_test_find_matching (child, match, data);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) data);
}

GtkWidget *
annex_test_find_descendant (GtkWidget *widget,
                            GType      type)
{
  return annex_test_find_matching (widget, is_of_type, &type);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

GtkWidget *
annex_test_find_button (GtkWidget  *widget,
                        const char *label)
{
  return annex_test_find_matching (widget, is_button_labelled, label);
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

GtkWidget *
annex_test_find_named (GtkWidget  *widget,
                       const char *name)
{
  return annex_test_find_matching (widget, is_named, name);
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

GtkWidget *
annex_test_find_row (GtkWidget  *widget,
                     const char *title)
{
  return annex_test_find_matching (widget, is_row_titled, title);
}

static void
on_loaded_changed_cb (AnnexRegister *register_,
                      GParamSpec    *pspec,
                      gboolean      *loaded)
{
  *loaded = annex_register_get_loaded (register_);
}

void
annex_test_wait_loaded (AnnexRegister *register_)
{
  gboolean loaded = annex_register_get_loaded (register_);
  gulong handler = g_signal_connect (register_, "notify::loaded",
                                     G_CALLBACK (on_loaded_changed_cb), &loaded);

  annex_test_wait_for (&loaded);
  g_signal_handler_disconnect (register_, handler);
}
