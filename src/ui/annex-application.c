/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-application.c: the application: app actions and shortcuts, the color scheme, the --view
 * option, and opening workspace files handed over by the desktop. */

#define G_LOG_DOMAIN "annex-application"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-application.h"
#include "annex-preferences-window.h"
#include "annex-window.h"

struct _AnnexApplication
{
  AdwApplication      parent_instance;

  /* owned */
  GSettings          *settings;
  AnnexWorkspaceList *workspace_list;
  char               *workspace_directory;
  char               *pending_view;
};

G_DEFINE_FINAL_TYPE (AnnexApplication, annex_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_WORKSPACE_DIRECTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The window to act in: the active one, else a new one (shown, on the welcome screen). */
static AnnexWindow *
ensure_window (AnnexApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!ANNEX_IS_WINDOW (window))
    {
      window = GTK_WINDOW (annex_window_new (GTK_APPLICATION (self),
                                             annex_application_get_workspace_list (self)));
    }

  gtk_window_present (window);
  return ANNEX_WINDOW (window);
}

static void
update_color_scheme (AnnexApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (scheme, "light") == 0)
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (scheme, "dark") == 0)
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static void
on_last_workspace_reopened_cb (GObject      *source,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  AnnexWindow *window = ANNEX_WINDOW (source);
  g_autoptr(GError) error = NULL;

  if (!annex_window_open_workspace_finish (window, result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *title = NULL;

      /* Toast titles are markup. */
      title = g_markup_printf_escaped (_("Could not reopen the last workspace: %s"),
                                       error->message);
      annex_window_add_toast (window, adw_toast_new (title));
    }
}

/* Reopens the workspace that was open when Annex last quit, when the user wants that and the
 * file is still there: on a worker thread, while the welcome screen shows its row busy. A
 * failure leaves the welcome screen and says why in a toast. */
static void
reopen_last_workspace (AnnexApplication *self,
                       AnnexWindow      *window)
{
  g_autofree char *path = NULL;

  if (!g_settings_get_boolean (self->settings, "reopen-last-workspace"))
    return;

  path = g_settings_get_string (self->settings, "last-workspace");
  if (path[0] == '\0' || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return;

  annex_window_open_workspace_async (window, path, NULL, on_last_workspace_reopened_cb, NULL);
}

static void
annex_application_activate (GApplication *application)
{
  AnnexApplication *self = ANNEX_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!ANNEX_IS_WINDOW (window))
    {
      window = GTK_WINDOW (annex_window_new (GTK_APPLICATION (self),
                                             annex_application_get_workspace_list (self)));
      reopen_last_workspace (self, ANNEX_WINDOW (window));
    }

  if (self->pending_view != NULL)
    {
      annex_window_set_view (ANNEX_WINDOW (window), self->pending_view);
      g_clear_pointer (&self->pending_view, g_free);
    }

  gtk_window_present (window);
}

static void
annex_application_open (GApplication  *application,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  AnnexApplication *self = ANNEX_APPLICATION (application);
  AnnexWindow *window = ensure_window (self);

  for (int i = 0; i < n_files; i++)
    annex_window_open_file (window, files[i]);

  if (self->pending_view != NULL)
    {
      annex_window_set_view (window, self->pending_view);
      g_clear_pointer (&self->pending_view, g_free);
    }
}

static int
annex_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  AnnexApplication *self = ANNEX_APPLICATION (application);
  const char *view = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_lookup (options, "view", "&s", &view))
    return -1;

  if (!annex_window_is_view_name (view))
    {
      g_autofree char *names = g_strjoinv (", ", (char **) annex_window_get_view_names ());

      g_printerr (_("Unknown view “%s”. Known views: %s.\n"), view, names);
      return 2;
    }

  /* When Annex is running already, the running instance shows the view; else it is shown on
   * activate. */
  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (g_application_get_is_remote (application))
    g_action_group_activate_action (G_ACTION_GROUP (application), "show-view",
                                    g_variant_new_string (view));
  else
    {
      g_free (self->pending_view);
      self->pending_view = g_strdup (view);
    }

  return -1;
}

static void
new_workspace_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  annex_window_new_workspace (ensure_window (ANNEX_APPLICATION (user_data)));
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  annex_window_import_workspace (ensure_window (ANNEX_APPLICATION (user_data)));
}

static void
show_view_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  AnnexApplication *self = ANNEX_APPLICATION (user_data);
  const char *view = g_variant_get_string (parameter, NULL);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!annex_window_is_view_name (view))
    return;

  if (ANNEX_IS_WINDOW (window))
    annex_window_set_view (ANNEX_WINDOW (window), view);
  else
    {
      g_free (self->pending_view);
      self->pending_view = g_strdup (view);
    }
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AnnexApplication *self = ANNEX_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AnnexWorkspaceList *list = annex_application_get_workspace_list (self);
  GtkWidget *preferences;

  preferences = annex_preferences_window_new (parent,
                                              annex_workspace_list_get_directory (list));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  AnnexApplication *self = ANNEX_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Annex developers"), NULL };
  GtkWidget *about = adw_about_window_new ();

  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), "Annex");
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APPLICATION_ID);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_developer_name (ADW_ABOUT_WINDOW (about), _("The Annex developers"));
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
                                 _("Annex runs an information security management system to "
                                   "ISO/IEC 27001:2022: context, risks, controls and the "
                                   "Statement of Applicability, objectives, audits, management "
                                   "reviews, improvement and actions, linked in one local "
                                   "workspace that works offline."));
  adw_about_window_set_website (ADW_ABOUT_WINDOW (about), "https://github.com/annex-isms/annex");
  adw_about_window_set_issue_url (ADW_ABOUT_WINDOW (about),
                                  "https://github.com/annex-isms/annex/issues");
  adw_about_window_set_copyright (ADW_ABOUT_WINDOW (about), _("© The Annex developers"));
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  /* Translators: replace with your names, one per line, e.g. "Jane Doe <jane@example.org>". */
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));

  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  AnnexApplication *self = ANNEX_APPLICATION (user_data);
  g_autoptr(GList) windows = NULL;

  /* Closing each window lets it save its size and view; the application ends with the last. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "new-workspace", new_workspace_action },
  { "import", import_action },
  { "show-view", show_view_action, "s" },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

static void
set_accels (GtkApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new-workspace", { "<Control><Shift>n", NULL } },
    { "app.import", { "<Control>o", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.export-workspace", { "<Control>e", NULL } },
    { "win.close-workspace", { "<Control>w", NULL } },
    { "win.text-larger", { "<Control>plus", "<Control>equal", NULL } },
    { "win.text-smaller", { "<Control>minus", NULL } },
    { "win.text-reset", { "<Control>0", NULL } },
    { "win.search-everywhere", { "<Control>k", NULL } },
    { "win.export", { "<Control><Shift>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
  };
  const char * const *views = annex_window_get_view_names ();

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);

  /* Alt+1 … Alt+9 show the views in sidebar order. */
  for (guint i = 0; views[i] != NULL && i < 9; i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.show-view::%s", views[i]);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      const char *view_accels[] = { accel, NULL };

      gtk_application_set_accels_for_action (app, detailed, view_accels);
    }
}

static void
annex_application_startup (GApplication *application)
{
  AnnexApplication *self = ANNEX_APPLICATION (application);

  G_APPLICATION_CLASS (annex_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  set_accels (GTK_APPLICATION (self));

  self->settings = g_settings_new (ANNEX_SETTINGS_SCHEMA_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (update_color_scheme), self, G_CONNECT_SWAPPED);
  update_color_scheme (self);
}

static void
annex_application_dispose (GObject *object)
{
  AnnexApplication *self = ANNEX_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->workspace_list);

  G_OBJECT_CLASS (annex_application_parent_class)->dispose (object);
}

static void
annex_application_finalize (GObject *object)
{
  AnnexApplication *self = ANNEX_APPLICATION (object);

  g_clear_pointer (&self->workspace_directory, g_free);
  g_clear_pointer (&self->pending_view, g_free);

  G_OBJECT_CLASS (annex_application_parent_class)->finalize (object);
}

static void
annex_application_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AnnexApplication *self = ANNEX_APPLICATION (object);

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
annex_application_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AnnexApplication *self = ANNEX_APPLICATION (object);

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
annex_application_class_init (AnnexApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = annex_application_dispose;
  object_class->finalize = annex_application_finalize;
  object_class->get_property = annex_application_get_property;
  object_class->set_property = annex_application_set_property;

  app_class->activate = annex_application_activate;
  app_class->open = annex_application_open;
  app_class->startup = annex_application_startup;
  app_class->handle_local_options = annex_application_handle_local_options;

  properties[PROP_WORKSPACE_DIRECTORY] =
    g_param_spec_string ("workspace-directory", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
annex_application_init (AnnexApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "view", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_STRING,
                                 _("Show VIEW: overview, context, risks, controls, objectives, "
                                   "documents, audits, reviews, improvement or actions"),
                                 _("VIEW"));
}

/**
 * annex_application_new:
 *
 * Creates the application, with the application id of the build profile and the resource base
 * path of both profiles (so style.css and gtk/help-overlay.ui are found for the .Devel id too).
 *
 * Returns: (transfer full): a new #AnnexApplication
 */
AnnexApplication *
annex_application_new (void)
{
  return g_object_new (ANNEX_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

/**
 * annex_application_get_workspace_list:
 * @self: an #AnnexApplication
 *
 * The workspaces of the workspace folder, shared by every window (created on first use).
 *
 * Returns: (transfer none): the workspace list
 */
AnnexWorkspaceList *
annex_application_get_workspace_list (AnnexApplication *self)
{
  g_return_val_if_fail (ANNEX_IS_APPLICATION (self), NULL);

  if (self->workspace_list == NULL)
    {
      g_autofree char *directory = NULL;

      if (self->workspace_directory != NULL)
        directory = g_strdup (self->workspace_directory);
      else
        directory = annex_workspace_list_dup_default_directory ();

      self->workspace_list = annex_workspace_list_new (directory);
    }

  return self->workspace_list;
}
