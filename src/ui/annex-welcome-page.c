/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-welcome-page.c: the welcome screen: a status page that says what Annex is, a boxed list
 * of the workspaces with a menu per row (and a spinner while the workspace is busy), the New
 * and Import buttons, and the sample organizations to practise with. */

#define G_LOG_DOMAIN "annex-welcome-page"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-sample.h"
#include "annex-welcome-page.h"

struct _AnnexWelcomePage
{
  GtkWidget           parent_instance;

  /* template widgets */
  AdwStatusPage      *status_page;
  GtkWidget          *workspaces_label;
  GtkListBox         *workspaces_list_box;
  GtkListBox         *samples_list_box;

  /* owned */
  AnnexWorkspaceList *workspace_list;
  GHashTable         *busy_paths;     /* path → number of operations running on it */
};

G_DEFINE_FINAL_TYPE (AnnexWelcomePage, annex_welcome_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSPACE_LIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_empty_state (AnnexWelcomePage *self)
{
  gboolean has_workspaces = annex_welcome_page_get_has_workspaces (self);

  gtk_widget_set_visible (self->workspaces_label, has_workspaces);
  gtk_widget_set_visible (GTK_WIDGET (self->workspaces_list_box), has_workspaces);

  if (has_workspaces)
    adw_status_page_set_description (self->status_page,
                                     _("The information security management system for "
                                       "ISO/IEC 27001:2022. Open a workspace or create a new "
                                       "one."));
  else
    adw_status_page_set_description (self->status_page,
                                     _("The information security management system for "
                                       "ISO/IEC 27001:2022. Create the first workspace for your "
                                       "organization to get started, or import one that was "
                                       "shared with you."));
}

static gboolean
transform_modified_to_subtitle (GBinding     *binding,
                                const GValue *from_value,
                                GValue       *to_value,
                                gpointer      user_data)
{
  GDateTime *modified = g_value_get_boxed (from_value);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_value_take_string (to_value, annex_welcome_page_format_modified (modified, now));
  return TRUE;
}

static void
append_menu_item (GMenu      *menu,
                  const char *label,
                  const char *action,
                  const char *path)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (path));
  g_menu_append_item (menu, item);
}

/* A busy row shows a spinning spinner, and neither opens nor offers its menu until the
 * operations on its workspace have finished. */
static void
update_row_busy (AnnexWelcomePage *self,
                 GtkWidget        *row)
{
  const char *path = g_object_get_data (G_OBJECT (row), "workspace-path");
  GtkWidget *spinner = g_object_get_data (G_OBJECT (row), "spinner");
  GtkWidget *menu_button = g_object_get_data (G_OBJECT (row), "menu-button");
  gboolean usable = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "usable"));
  gboolean busy = annex_welcome_page_get_workspace_busy (self, path);

  gtk_widget_set_visible (spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), busy);
  gtk_widget_set_sensitive (menu_button, !busy);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), usable && !busy);
}

static GtkWidget *
create_workspace_row (gpointer item,
                      gpointer user_data)
{
  AnnexWelcomePage *self = ANNEX_WELCOME_PAGE (user_data);
  AnnexWorkspace *workspace = ANNEX_WORKSPACE (item);
  const char *path = annex_workspace_get_path (workspace);
  const char *error = annex_workspace_get_error (workspace);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) delete_section = g_menu_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *menu_button;
  GtkWidget *spinner;

  /* Organization names are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (workspace, "name", row, "title", G_BINDING_SYNC_CREATE);
  gtk_widget_add_css_class (row, "workspace-row");

  if (error != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "error");
      gtk_widget_set_tooltip_text (icon, _("This workspace cannot be opened"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error);
      gtk_widget_add_css_class (row, "unreadable");
    }
  else
    {
      g_object_bind_property_full (workspace, "modified", row, "subtitle", G_BINDING_SYNC_CREATE,
                                   transform_modified_to_subtitle, NULL, NULL, NULL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-workspace");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (path));

      append_menu_item (menu, _("_Rename…"), "win.rename-workspace", path);
      append_menu_item (menu, _("D_uplicate"), "win.duplicate-workspace", path);
      append_menu_item (menu, _("_Export…"), "win.export-listed-workspace", path);
    }

  append_menu_item (delete_section, _("_Delete…"), "win.delete-workspace", path);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (delete_section));

  spinner = gtk_spinner_new ();
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (spinner, _("Working on this workspace…"));
  gtk_widget_set_visible (spinner, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spinner);

  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, _("Workspace Menu"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);

  /* Borrowed: the row holds its children. */
  g_object_set_data_full (G_OBJECT (row), "workspace-path", g_strdup (path), g_free);
  g_object_set_data (G_OBJECT (row), "spinner", spinner);
  g_object_set_data (G_OBJECT (row), "menu-button", menu_button);
  g_object_set_data (G_OBJECT (row), "usable", GINT_TO_POINTER (error == NULL));
  update_row_busy (self, row);

  return row;
}

/* A sample organization: its name and what it shows, and a button that opens a fresh copy. */
static GtkWidget *
create_sample_row (const AnnexSampleInfo *sample)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Open Sample"));
  GVariant *target = g_variant_new_string (sample->id);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sample->organization);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sample->summary);
  gtk_widget_add_css_class (row, "sample-row");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-sample");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  return row;
}

static void
annex_welcome_page_dispose (GObject *object)
{
  AnnexWelcomePage *self = ANNEX_WELCOME_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_WELCOME_PAGE);
  g_clear_object (&self->workspace_list);

  G_OBJECT_CLASS (annex_welcome_page_parent_class)->dispose (object);
}

static void
annex_welcome_page_finalize (GObject *object)
{
  AnnexWelcomePage *self = ANNEX_WELCOME_PAGE (object);

  g_clear_pointer (&self->busy_paths, g_hash_table_unref);

  G_OBJECT_CLASS (annex_welcome_page_parent_class)->finalize (object);
}

static void
annex_welcome_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AnnexWelcomePage *self = ANNEX_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE_LIST:
      g_value_set_object (value, self->workspace_list);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_welcome_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AnnexWelcomePage *self = ANNEX_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE_LIST:
      annex_welcome_page_set_workspace_list (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_welcome_page_class_init (AnnexWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = annex_welcome_page_dispose;
  object_class->finalize = annex_welcome_page_finalize;
  object_class->get_property = annex_welcome_page_get_property;
  object_class->set_property = annex_welcome_page_set_property;

  properties[PROP_WORKSPACE_LIST] =
    g_param_spec_object ("workspace-list", NULL, NULL,
                         ANNEX_TYPE_WORKSPACE_LIST,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/annex-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexWelcomePage, workspaces_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexWelcomePage, workspaces_list_box);
  gtk_widget_class_bind_template_child (widget_class, AnnexWelcomePage, samples_list_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
annex_welcome_page_init (AnnexWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->busy_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  adw_status_page_set_icon_name (self->status_page, APPLICATION_ID);
  update_empty_state (self);

  {
    const AnnexSampleInfo *samples;
    guint n_samples;

    samples = annex_sample_get_all (&n_samples);
    for (guint i = 0; i < n_samples; i++)
      gtk_list_box_append (self->samples_list_box, create_sample_row (&samples[i]));
  }
}

GtkWidget *
annex_welcome_page_new (void)
{
  return g_object_new (ANNEX_TYPE_WELCOME_PAGE, NULL);
}

AnnexWorkspaceList *
annex_welcome_page_get_workspace_list (AnnexWelcomePage *self)
{
  g_return_val_if_fail (ANNEX_IS_WELCOME_PAGE (self), NULL);

  return self->workspace_list;
}

void
annex_welcome_page_set_workspace_list (AnnexWelcomePage   *self,
                                       AnnexWorkspaceList *workspace_list)
{
  g_return_if_fail (ANNEX_IS_WELCOME_PAGE (self));
  g_return_if_fail (workspace_list == NULL || ANNEX_IS_WORKSPACE_LIST (workspace_list));

  if (self->workspace_list == workspace_list)
    return;

  if (self->workspace_list != NULL)
    g_signal_handlers_disconnect_by_func (self->workspace_list, update_empty_state, self);

  g_set_object (&self->workspace_list, workspace_list);

  if (workspace_list != NULL)
    {
      gtk_list_box_bind_model (self->workspaces_list_box, G_LIST_MODEL (workspace_list),
                               create_workspace_row, self, NULL);
      g_signal_connect_object (workspace_list, "items-changed",
                               G_CALLBACK (update_empty_state), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
  else
    gtk_list_box_bind_model (self->workspaces_list_box, NULL, NULL, NULL, NULL);

  update_empty_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE_LIST]);
}

/**
 * annex_welcome_page_set_workspace_busy:
 * @self: an #AnnexWelcomePage
 * @path: the path of a workspace (listed or not yet)
 * @busy: %TRUE when an operation on it starts, %FALSE when one ends
 *
 * Counts the operations running on @path; while there is one, its row shows a spinner and
 * cannot be opened, and its menu is insensitive.
 */
void
annex_welcome_page_set_workspace_busy (AnnexWelcomePage *self,
                                       const char       *path,
                                       gboolean          busy)
{
  guint count;

  g_return_if_fail (ANNEX_IS_WELCOME_PAGE (self));
  g_return_if_fail (path != NULL);

  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->busy_paths, path));
  g_return_if_fail (busy || count > 0);

  count = busy ? count + 1 : count - 1;
  if (count > 0)
    g_hash_table_insert (self->busy_paths, g_strdup (path), GUINT_TO_POINTER (count));
  else
    g_hash_table_remove (self->busy_paths, path);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->workspaces_list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "workspace-path"), path) == 0)
        update_row_busy (self, row);
    }
}

gboolean
annex_welcome_page_get_workspace_busy (AnnexWelcomePage *self,
                                       const char       *path)
{
  g_return_val_if_fail (ANNEX_IS_WELCOME_PAGE (self), FALSE);

  return path != NULL && g_hash_table_contains (self->busy_paths, path);
}

gboolean
annex_welcome_page_get_has_workspaces (AnnexWelcomePage *self)
{
  g_return_val_if_fail (ANNEX_IS_WELCOME_PAGE (self), FALSE);

  return self->workspace_list != NULL &&
         g_list_model_get_n_items (G_LIST_MODEL (self->workspace_list)) > 0;
}

char *
annex_welcome_page_format_modified (GDateTime *modified,
                                    GDateTime *now)
{
  int y, m, d;
  g_autoptr(GDate) modified_date = NULL;
  g_autoptr(GDate) today = NULL;
  g_autofree char *date = NULL;
  int days;

  g_return_val_if_fail (now != NULL, NULL);

  if (modified == NULL)
    return NULL;

  g_date_time_get_ymd (modified, &y, &m, &d);
  modified_date = g_date_new_dmy (d, m, y);
  g_date_time_get_ymd (now, &y, &m, &d);
  today = g_date_new_dmy (d, m, y);
  days = g_date_days_between (modified_date, today);

  if (days == 0)
    {
      /* Translators: the time of day, see g_date_time_format() */
      g_autofree char *time_of_day = g_date_time_format (modified, _("%H:%M"));

      return g_strdup_printf (_("Modified today at %s"), time_of_day);
    }
  else if (days == 1)
    return g_strdup (_("Modified yesterday"));
  else if (days > 1 && days < 7)
    return g_strdup_printf (ngettext ("Modified %d day ago", "Modified %d days ago", days), days);

  /* Older, or in the future (a clock set wrong): the date. */
  /* Translators: a date, see g_date_time_format() */
  date = g_date_time_format (modified, _("%-d %B %Y"));
  return g_strdup_printf (_("Modified on %s"), date);
}
