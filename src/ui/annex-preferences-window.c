/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-preferences-window.c: the preferences window, bound to the application's GSettings. */

#define G_LOG_DOMAIN "annex-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "annex-application.h"
#include "annex-preferences-window.h"

struct _AnnexPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  AdwComboRow          *style_row;
  GtkSwitch            *reopen_switch;
  AdwActionRow         *folder_row;

  /* owned */
  GSettings            *settings;
  char                 *workspace_directory;
};

G_DEFINE_FINAL_TYPE (AnnexPreferencesWindow, annex_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE_DIRECTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The values of the color-scheme key, in the order of the style row's items. */
static const char * const color_schemes[] = { "default", "light", "dark" };

static gboolean
color_scheme_to_selected (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    {
      if (g_strcmp0 (scheme, color_schemes[i]) == 0)
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
selected_to_color_scheme (const GValue       *value,
                          const GVariantType *expected_type,
                          gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (color_schemes))
    return NULL;

  return g_variant_new_string (color_schemes[selected]);
}

static void
on_open_folder_button_clicked_cb (AnnexPreferencesWindow *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;

  if (self->workspace_directory == NULL)
    return;

  /* The folder is created with the first workspace; an empty one is fine to show. */
  g_mkdir_with_parents (self->workspace_directory, 0700);

  folder = g_file_new_for_path (self->workspace_directory);
  uri = g_file_get_uri (folder);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
annex_preferences_window_constructed (GObject *object)
{
  AnnexPreferencesWindow *self = ANNEX_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (annex_preferences_window_parent_class)->constructed (object);

  adw_action_row_set_subtitle (self->folder_row, self->workspace_directory);
}

static void
annex_preferences_window_dispose (GObject *object)
{
  AnnexPreferencesWindow *self = ANNEX_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (annex_preferences_window_parent_class)->dispose (object);
}

static void
annex_preferences_window_finalize (GObject *object)
{
  AnnexPreferencesWindow *self = ANNEX_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->workspace_directory, g_free);

  G_OBJECT_CLASS (annex_preferences_window_parent_class)->finalize (object);
}

static void
annex_preferences_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  AnnexPreferencesWindow *self = ANNEX_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE_DIRECTORY:
      g_value_set_string (value, self->workspace_directory);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  AnnexPreferencesWindow *self = ANNEX_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE_DIRECTORY:
      g_free (self->workspace_directory);
      self->workspace_directory = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_preferences_window_class_init (AnnexPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = annex_preferences_window_constructed;
  object_class->dispose = annex_preferences_window_dispose;
  object_class->finalize = annex_preferences_window_finalize;
  object_class->get_property = annex_preferences_window_get_property;
  object_class->set_property = annex_preferences_window_set_property;

  properties[PROP_WORKSPACE_DIRECTORY] =
    g_param_spec_string ("workspace-directory", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH
                                               "/ui/annex-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, AnnexPreferencesWindow, reopen_switch);
  gtk_widget_class_bind_template_child (widget_class, AnnexPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_callback (widget_class, on_open_folder_button_clicked_cb);
}

static void
annex_preferences_window_init (AnnexPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (ANNEX_SETTINGS_SCHEMA_ID);
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                color_scheme_to_selected, selected_to_color_scheme,
                                NULL, NULL);
  g_settings_bind (self->settings, "reopen-last-workspace",
                   self->reopen_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

/**
 * annex_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @workspace_directory: (nullable): the workspace folder to show
 *
 * Returns: (transfer none): a new preferences window (owned by GTK's list of toplevels)
 */
GtkWidget *
annex_preferences_window_new (GtkWindow  *parent,
                              const char *workspace_directory)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (ANNEX_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "workspace-directory", workspace_directory,
                       NULL);
}
