/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-test-ui-util.c: helpers shared by the tests that run under a display. */

#define G_LOG_DOMAIN "annex-test-ui-util"

#include "config.h"

#include "annex-test-ui-util.h"
#include "annex-test-util.h"

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
annex_test_find_descendant (GtkWidget *widget,
                            GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;

      found = annex_test_find_descendant (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
annex_test_find_button (GtkWidget  *widget,
                        const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)),
                                              label) == 0)
        return child;

      found = annex_test_find_button (child, label);
      if (found != NULL)
        return found;
    }

  return NULL;
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
