/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-text-scale.c: the larger-text mode for trainers: the steps of the text size, kept per
 * workspace in its "text-scale" setting, and applying one to a window. */

#define G_LOG_DOMAIN "annex-text-scale"

#include "config.h"

#include "annex-text-scale.h"

static const guint steps[] = { 100, 125, 150, 175, 200 };

/* Adwaita sizes these in points rather than relative to the inherited size, so a window's
 * font-size alone does not reach them: each is scaled by a rule of its own. */
static const struct {
  const char *selector;
  double      points;
} fixed_sizes[] = {
  { ".large-title", 24 },
  { ".title-1", 20 },
  { ".title-2", 15 },
  { ".title-3", 15 },
  { ".title-4", 13 },
  { ".heading", 11 },
  { ".body", 11 },
  { ".caption-heading", 9 },
  { ".caption", 9 },
  { "statuspage.compact .title", 18 },
  { "columnview.view > header > button > box", 9 },
};

#define PROVIDER_KEY "annex-text-scale-provider"
#define STEP_KEY "annex-text-scale"

/* One style sheet per display with a class per step: "window.text-scale-150" scales the
 * window's font (inherited by every label, entry and drawn text, popovers included) and the
 * fixed sizes above. GtkSettings' gtk-xft-dpi would scale everything too, but for every window
 * of the display, while the scale belongs to the workspace a window shows. */
static char *
create_style_sheet (void)
{
  GString *css = g_string_new (NULL);

  for (guint s = 1; s < G_N_ELEMENTS (steps); s++)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (css, "window.text-scale-%u { font-size: %u%%; }\n",
                              steps[s], steps[s]);
      for (guint i = 0; i < G_N_ELEMENTS (fixed_sizes); i++)
        g_string_append_printf (css, "window.text-scale-%u %s { font-size: %spt; }\n",
                                steps[s], fixed_sizes[i].selector,
                                g_ascii_dtostr (buffer, sizeof buffer,
                                                fixed_sizes[i].points * steps[s] / 100.0));
    }

  return g_string_free (css, FALSE);
}

static void
ensure_provider (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autofree char *css = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), PROVIDER_KEY) != NULL)
    return;

  css = create_style_sheet ();
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), PROVIDER_KEY, g_steal_pointer (&provider),
                          g_object_unref);
}

static gboolean
is_step (guint64 percent)
{
  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    if (steps[s] == percent)
      return TRUE;

  return FALSE;
}

guint
annex_text_scale_step (guint percent,
                       int   direction)
{
  if (direction == 0)
    return ANNEX_TEXT_SCALE_DEFAULT;

  if (direction > 0)
    {
      for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
        if (steps[s] > percent)
          return steps[s];
      return ANNEX_TEXT_SCALE_MAX;
    }

  for (guint s = G_N_ELEMENTS (steps); s > 0; s--)
    if (steps[s - 1] < percent)
      return steps[s - 1];
  return ANNEX_TEXT_SCALE_MIN;
}

guint
annex_text_scale_parse (const char *value)
{
  char *end = NULL;
  guint64 percent;

  if (value == NULL || !g_ascii_isdigit (value[0]))
    return ANNEX_TEXT_SCALE_DEFAULT;

  percent = g_ascii_strtoull (value, &end, 10);
  if (*end != '\0')
    return ANNEX_TEXT_SCALE_DEFAULT;

  return is_step (percent) ? (guint) percent : ANNEX_TEXT_SCALE_DEFAULT;
}

void
annex_text_scale_apply (GtkWidget *window,
                        guint      percent)
{
  guint old;

  g_return_if_fail (GTK_IS_WIDGET (window));

  if (!is_step (percent))
    percent = ANNEX_TEXT_SCALE_DEFAULT;
  old = annex_text_scale_get (window);
  if (old == percent)
    return;

  ensure_provider (gtk_widget_get_display (window));

  if (old != ANNEX_TEXT_SCALE_DEFAULT)
    {
      g_autofree char *old_class = g_strdup_printf ("text-scale-%u", old);

      gtk_widget_remove_css_class (window, old_class);
    }
  if (percent != ANNEX_TEXT_SCALE_DEFAULT)
    {
      g_autofree char *new_class = g_strdup_printf ("text-scale-%u", percent);

      gtk_widget_add_css_class (window, new_class);
    }

  g_object_set_data (G_OBJECT (window), STEP_KEY, GUINT_TO_POINTER (percent));
}

guint
annex_text_scale_get (GtkWidget *window)
{
  guint percent;

  g_return_val_if_fail (GTK_IS_WIDGET (window), ANNEX_TEXT_SCALE_DEFAULT);

  percent = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (window), STEP_KEY));
  return percent != 0 ? percent : ANNEX_TEXT_SCALE_DEFAULT;
}
