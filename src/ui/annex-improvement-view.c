/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-improvement-view.c: the Improvement view: nonconformities (facets, editor groups, the
 * refusal to close early, corrective actions) and incidents (affected assets, raising a
 * nonconformity). */

#define G_LOG_DOMAIN "annex-improvement-view"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-improvement-view.h"
#include "annex-link-section.h"
#include "annex-register-format.h"

#define FACET_OVERDUE "overdue"
#define FACET_CONCERNS "concerns"

struct _AnnexImprovementView
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkWidget          *box;
  AdwViewStack       *stack;
  AnnexRegisterPage  *nonconformities_page;
  AnnexRegisterPage  *incidents_page;
  AdwViewSwitcherBar *switcher_bar;

  /* the editors' sections */
  GtkWidget          *refusal_group;
  AdwActionRow       *refusal_row;
  GtkWidget          *actions_group;
  GtkListBox         *actions_list;
  GtkWidget          *incident_group;
  AdwActionRow       *incident_nc_row;
  GtkWidget          *raise_button;
  GtkWidget          *open_nc_icon;        /* the row's arrow, shown with a nonconformity */
  GtkWidget          *assets_section;

  /* owned */
  AnnexRegister      *nonconformities;
  AnnexRegister      *incidents;
  AnnexRegister      *actions;
  AnnexRegister      *assets;
  GSignalGroup       *database_signals;
  GSignalGroup       *nc_register_signals;
  GSignalGroup       *actions_register_signals;
  GSignalGroup       *nc_signals;          /* the nonconformity in the editor */
  GSignalGroup       *incident_signals;    /* the incident in the editor */
  AnnexNonconformity *editor_nc;
  AnnexIncident      *editor_incident;
  GStrv               concerns;            /* the concerns facet's choices */
  char               *refusal;
  guint               update_source;
  guint               n_editor_actions;
};

static void annex_improvement_view_paged_view_init (AnnexPagedViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnnexImprovementView, annex_improvement_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ANNEX_TYPE_PAGED_VIEW,
                                                      annex_improvement_view_paged_view_init))

enum {
  PROP_0,
  PROP_VISIBLE_PAGE,
  N_PROPS
};

enum {
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void queue_update (AnnexImprovementView *self);

/* Auxiliary functions */

static void
emit_text_toast (AnnexImprovementView *self,
                 const char           *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autoptr(AdwToast) toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 5);
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return annex_format_compare_references (*(const char * const *) a, *(const char * const *) b);
}

/* The nonconformity raised from @incident, or NULL (borrowed). */
static AnnexNonconformity *
find_incident_nc (AnnexImprovementView *self,
                  AnnexIncident        *incident)
{
  const char *reference = annex_record_get_reference (ANNEX_RECORD (incident));
  guint n = self->nonconformities != NULL
            ? g_list_model_get_n_items (G_LIST_MODEL (self->nonconformities)) : 0;

  for (guint i = 0; reference != NULL && i < n; i++)
    {
      g_autoptr(AnnexNonconformity) nc = g_list_model_get_item (G_LIST_MODEL (self->nonconformities),
                                                                i);

      if (g_strcmp0 (annex_nonconformity_get_source (nc), "incident") == 0 &&
          g_strcmp0 (annex_nonconformity_get_source_reference (nc), reference) == 0)
        return nc;
    }

  return NULL;
}

/* Facets, warnings and groups of the nonconformities */

static gboolean
overdue_facet_match (AnnexRecord *record,
                     guint        choice,
                     gpointer     user_data)
{
  return annex_nonconformity_get_overdue (ANNEX_NONCONFORMITY (record));
}

static gboolean
concerns_facet_match (AnnexRecord *record,
                      guint        choice,
                      gpointer     user_data)
{
  AnnexImprovementView *self = user_data;

  if (self->concerns == NULL || choice >= g_strv_length (self->concerns))
    return FALSE;

  return g_strcmp0 (annex_nonconformity_get_concerns (ANNEX_NONCONFORMITY (record)),
                    self->concerns[choice]) == 0;
}

static void
update_concerns_choices (AnnexImprovementView *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  GListModel *model = G_LIST_MODEL (self->nonconformities);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  g_auto(GStrv) choices = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexNonconformity) nc = g_list_model_get_item (model, i);
      const char *concerns = annex_nonconformity_get_concerns (nc);

      if (concerns != NULL && g_hash_table_add (seen, (gpointer) concerns))
        g_ptr_array_add (values, (gpointer) concerns);
    }
  g_ptr_array_sort (values, compare_strings);
  g_ptr_array_add (values, NULL);

  if (self->concerns != NULL && g_strv_equal ((const char * const *) self->concerns,
                                              (const char * const *) values->pdata))
    return;

  choices = g_strdupv ((char **) values->pdata);
  annex_register_page_set_facet_choices (self->nonconformities_page, FACET_CONCERNS,
                                         (const char * const *) choices);
  g_strfreev (self->concerns);
  self->concerns = g_steal_pointer (&choices);
}

static char *
nc_warning (AnnexRecord *record,
            gpointer     user_data)
{
  if (annex_nonconformity_get_overdue (ANNEX_NONCONFORMITY (record)))
    /* Translators: the tooltip of a nonconformity with an overdue corrective action */
    return g_strdup (_("A corrective action is overdue."));

  return NULL;
}

static const char *
nc_field_group (const AnnexField *field,
                gpointer          user_data)
{
  const char *name = field->name;

  /* The correction and the root cause are long texts headed by their own labels. */
  if (g_str_equal (name, "correction") || g_str_equal (name, "root-cause"))
    return NULL;
  if (g_str_has_prefix (name, "check-"))
    /* Translators: a section of the nonconformity editor */
    return _("Effectiveness Check");
  if (g_str_equal (name, "status"))
    /* Translators: a section of the nonconformity editor */
    return _("Status");

  /* Translators: the first section of the nonconformity editor: what happened */
  return _("Nonconformity");
}

/* The refusal to close early */

static void
update_refusal (AnnexImprovementView *self)
{
  g_autoptr(GError) error = NULL;
  AnnexRecord *record = ANNEX_RECORD (self->editor_nc);

  g_clear_pointer (&self->refusal, g_free);
  if (record != NULL && annex_record_get_id (record) > 0 &&
      !annex_record_validate (record, &error))
    self->refusal = g_strdup (error->message);

  gtk_widget_set_visible (self->refusal_group, self->refusal != NULL);
  if (self->refusal != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->refusal_row), self->refusal);
}

static GtkWidget *
create_refusal_section (AnnexImprovementView *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  /* Translators: under the reason a nonconformity cannot be saved as it is (closed early) */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("This change is not saved yet."));
  gtk_widget_add_css_class (icon, "error");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (row, "nc-refusal");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->refusal_row = ADW_ACTION_ROW (row);
  self->refusal_group = group;
  gtk_widget_set_visible (group, FALSE);
  return group;
}

/* The corrective actions of the nonconformity in the editor */

static void
on_action_row_activated_cb (AnnexImprovementView *self,
                            GtkListBoxRow        *row)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), "annex-id");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sx)", "actions", *id);
}

static void
refresh_actions (AnnexImprovementView *self)
{
  AnnexNonconformity *nc = self->editor_nc;
  g_autoptr(GPtrArray) actions = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_list))) != NULL)
    gtk_list_box_remove (self->actions_list, child);
  self->n_editor_actions = 0;

  gtk_widget_set_visible (self->actions_group, nc != NULL && self->actions != NULL &&
                          annex_record_get_id (ANNEX_RECORD (nc)) > 0);
  if (nc == NULL || self->actions == NULL)
    return;

  actions = annex_nonconformity_dup_actions (nc, G_LIST_MODEL (self->actions));
  for (guint i = 0; i < actions->len; i++)
    {
      AnnexRecord *action = g_ptr_array_index (actions, i);
      g_autofree char *title = g_strdup_printf ("%s  %s", annex_record_get_reference (action),
                                                annex_action_get_title (ANNEX_ACTION (action)));
      g_autoptr(GString) subtitle = g_string_new (NULL);
      const char *owner = annex_action_get_owner (ANNEX_ACTION (action));
      const char *due = annex_action_get_due_date (ANNEX_ACTION (action));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *status;
      guint status_index = 0;
      gint64 id = annex_record_get_id (action);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      g_string_append (subtitle, owner != NULL ? owner : _("No owner"));
      if (due != NULL)
        {
          g_autofree char *date = annex_format_date (due);

          g_string_append (subtitle, _(" · "));
          g_string_append_printf (subtitle, _("due %s"), date);
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

      annex_record_class_find_field (ANNEX_RECORD_GET_CLASS (action), "status", &status_index);
      status = gtk_label_new (annex_record_get_choice_label (action, status_index));
      if (annex_action_get_overdue (ANNEX_ACTION (action)))
        {
          gtk_label_set_text (GTK_LABEL (status), _("Overdue"));
          gtk_widget_add_css_class (status, "error");
        }
      gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "annex-id", g_memdup2 (&id, sizeof id), g_free);
      gtk_list_box_append (self->actions_list, row);
      self->n_editor_actions++;
    }

  if (self->n_editor_actions == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No corrective actions yet: plan what removes the root "
                                       "cause, so that it does not happen again."));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->actions_list, row);
    }
}

static void
on_new_action_clicked_cb (AnnexImprovementView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->editor_nc == NULL)
    return;

  if (annex_improvement_view_new_corrective_action (self, self->editor_nc, &error) == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not add the action: %s"),
                                               error->message);

      emit_text_toast (self, text);
    }
}

static GtkWidget *
create_actions_section (AnnexImprovementView *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *button, *content;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Corrective Actions"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The actions that remove the cause, in the Actions "
                                           "register."));

  button = gtk_button_new ();
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("New _Corrective Action"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_new_action_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_action_row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);

  self->actions_list = GTK_LIST_BOX (list);
  self->actions_group = group;
  gtk_widget_set_visible (group, FALSE);
  return group;
}

/* The incident's nonconformity */

static void
refresh_incident (AnnexImprovementView *self)
{
  AnnexIncident *incident = self->editor_incident;
  AnnexNonconformity *nc;

  gtk_widget_set_visible (self->incident_group, incident != NULL &&
                          self->nonconformities != NULL &&
                          annex_record_get_id (ANNEX_RECORD (incident)) > 0);
  if (incident == NULL)
    return;

  nc = find_incident_nc (self, incident);
  gtk_widget_set_visible (self->raise_button, nc == NULL);
  gtk_widget_set_visible (self->open_nc_icon, nc != NULL);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->incident_nc_row), nc != NULL);
  if (nc == NULL)
    g_object_set_data (G_OBJECT (self->incident_nc_row), "annex-id", NULL);
  if (nc != NULL)
    {
      gint64 id = annex_record_get_id (ANNEX_RECORD (nc));
      g_autofree char *title = g_strdup_printf ("%s  %s",
                                                annex_record_get_reference (ANNEX_RECORD (nc)),
                                                annex_nonconformity_get_title (nc));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->incident_nc_row), title);
      adw_action_row_set_subtitle (self->incident_nc_row,
                                   _("Raised from this incident"));
      g_object_set_data_full (G_OBJECT (self->incident_nc_row), "annex-id",
                              g_memdup2 (&id, sizeof id), g_free);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->incident_nc_row),
                                     _("No nonconformity raised"));
      adw_action_row_set_subtitle (self->incident_nc_row,
                                   _("Raise one when the incident shows that the ISMS did not "
                                     "work as planned."));
    }
}

static void
on_raise_clicked_cb (AnnexImprovementView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->editor_incident != NULL &&
      annex_improvement_view_raise_from_incident (self, self->editor_incident, &error) == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not raise the nonconformity: %s"),
                                               error->message);

      emit_text_toast (self, text);
    }
}

static void
on_incident_nc_activated_cb (AnnexImprovementView *self,
                             AdwActionRow         *row)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), "annex-id");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sx)", "nonconformities",
                                *id);
}

static GtkWidget *
create_incident_section (AnnexImprovementView *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button, *icon;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Nonconformity"));

  button = gtk_button_new_with_mnemonic (_("Raise _Nonconformity"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Record a nonconformity from this incident and open "
                                         "it"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_raise_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
  self->raise_button = button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  icon = gtk_image_new_from_icon_name ("go-next-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_incident_nc_activated_cb), self,
                           G_CONNECT_SWAPPED);
  self->open_nc_icon = icon;

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  self->incident_nc_row = ADW_ACTION_ROW (row);
  self->incident_group = group;
  gtk_widget_set_visible (group, FALSE);
  return group;
}

/* Updates after data changes */

static void
do_update (AnnexImprovementView *self)
{
  g_clear_handle_id (&self->update_source, g_source_remove);

  if (self->nonconformities != NULL && self->actions != NULL)
    annex_nonconformity_update_overdue (G_LIST_MODEL (self->nonconformities),
                                        G_LIST_MODEL (self->actions));
  update_concerns_choices (self);
  refresh_actions (self);
  update_refusal (self);
  if (self->editor_incident != NULL)
    refresh_incident (self);
}

static gboolean
update_idle_cb (gpointer user_data)
{
  AnnexImprovementView *self = user_data;

  self->update_source = 0;
  do_update (self);
  return G_SOURCE_REMOVE;
}

static void
queue_update (AnnexImprovementView *self)
{
  if (self->update_source != 0)
    return;

  self->update_source = g_idle_add_full (G_PRIORITY_LOW, update_idle_cb, self, NULL);
  g_source_set_name_by_id (self->update_source, "[annex] improvement view update");
}

/* Signal callbacks */

static void
on_page_add_toast_cb (AnnexImprovementView *self,
                      AdwToast             *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
on_stack_visible_child_cb (AnnexImprovementView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE]);
}

static void
on_nc_editor_record_cb (AnnexImprovementView *self,
                        GParamSpec           *pspec,
                        AnnexRecordEditor    *editor)
{
  AnnexRecord *record = annex_record_editor_get_record (editor);
  AnnexNonconformity *nc = record != NULL && ANNEX_IS_NONCONFORMITY (record)
                           ? ANNEX_NONCONFORMITY (record) : NULL;

  g_set_object (&self->editor_nc, nc);
  g_signal_group_set_target (self->nc_signals, self->editor_nc);
  refresh_actions (self);
  update_refusal (self);
}

static void
on_editor_nc_notify_cb (AnnexImprovementView *self,
                        GParamSpec           *pspec)
{
  update_refusal (self);
  if (g_str_equal (pspec->name, "id") || g_str_equal (pspec->name, "reference"))
    refresh_actions (self);
}

static void
on_incident_editor_record_cb (AnnexImprovementView *self,
                              GParamSpec           *pspec,
                              AnnexRecordEditor    *editor)
{
  AnnexRecord *record = annex_record_editor_get_record (editor);
  AnnexIncident *incident = record != NULL && ANNEX_IS_INCIDENT (record)
                            ? ANNEX_INCIDENT (record) : NULL;

  g_set_object (&self->editor_incident, incident);
  g_signal_group_set_target (self->incident_signals, self->editor_incident);
  refresh_incident (self);
}

static void
on_database_changed_cb (AnnexImprovementView *self,
                        const char           *table)
{
  if (g_strcmp0 (table, "actions") == 0 || g_strcmp0 (table, "nonconformities") == 0)
    queue_update (self);
}

/* GtkWidget */

static void
annex_improvement_view_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  gtk_widget_allocate (ANNEX_IMPROVEMENT_VIEW (widget)->box, width, height, baseline, NULL);
}

static void
annex_improvement_view_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  gtk_widget_measure (ANNEX_IMPROVEMENT_VIEW (widget)->box, orientation, for_size, minimum,
                      natural, minimum_baseline, natural_baseline);
}

/* GObject */

static void
annex_improvement_view_dispose (GObject *object)
{
  AnnexImprovementView *self = ANNEX_IMPROVEMENT_VIEW (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->database_signals != NULL)
    g_signal_group_set_target (self->database_signals, NULL);
  if (self->nc_register_signals != NULL)
    g_signal_group_set_target (self->nc_register_signals, NULL);
  if (self->actions_register_signals != NULL)
    g_signal_group_set_target (self->actions_register_signals, NULL);
  if (self->nc_signals != NULL)
    g_signal_group_set_target (self->nc_signals, NULL);
  if (self->incident_signals != NULL)
    g_signal_group_set_target (self->incident_signals, NULL);
  g_clear_object (&self->assets_section);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_IMPROVEMENT_VIEW);

  g_clear_object (&self->database_signals);
  g_clear_object (&self->nc_register_signals);
  g_clear_object (&self->actions_register_signals);
  g_clear_object (&self->nc_signals);
  g_clear_object (&self->incident_signals);
  g_clear_object (&self->editor_nc);
  g_clear_object (&self->editor_incident);
  g_clear_object (&self->nonconformities);
  g_clear_object (&self->incidents);
  g_clear_object (&self->actions);
  g_clear_object (&self->assets);
  g_clear_pointer (&self->concerns, g_strfreev);
  g_clear_pointer (&self->refusal, g_free);

  G_OBJECT_CLASS (annex_improvement_view_parent_class)->dispose (object);
}

static void
annex_improvement_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AnnexImprovementView *self = ANNEX_IMPROVEMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_PAGE:
      g_value_set_string (value, annex_improvement_view_get_visible_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_improvement_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AnnexImprovementView *self = ANNEX_IMPROVEMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_PAGE:
      annex_improvement_view_set_visible_page (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static AdwViewStack *
annex_improvement_view_get_stack (AnnexPagedView *view)
{
  return ANNEX_IMPROVEMENT_VIEW (view)->stack;
}

static void
annex_improvement_view_set_reveal_switcher_bar (AnnexPagedView *view,
                                                gboolean        reveal)
{
  adw_view_switcher_bar_set_reveal (ANNEX_IMPROVEMENT_VIEW (view)->switcher_bar, reveal);
}

static void
annex_improvement_view_paged_view_init (AnnexPagedViewInterface *iface)
{
  iface->get_stack = annex_improvement_view_get_stack;
  iface->set_reveal_switcher_bar = annex_improvement_view_set_reveal_switcher_bar;
}

static void
annex_improvement_view_class_init (AnnexImprovementViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = annex_improvement_view_dispose;
  object_class->get_property = annex_improvement_view_get_property;
  object_class->set_property = annex_improvement_view_set_property;

  widget_class->measure = annex_improvement_view_measure;
  widget_class->size_allocate = annex_improvement_view_size_allocate;

  properties[PROP_VISIBLE_PAGE] =
    g_param_spec_string ("visible-page", NULL, NULL, "nonconformities",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (ANNEX_TYPE_REGISTER_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH
                                               "/ui/annex-improvement-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexImprovementView, box);
  gtk_widget_class_bind_template_child (widget_class, AnnexImprovementView, stack);
  gtk_widget_class_bind_template_child (widget_class, AnnexImprovementView, nonconformities_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexImprovementView, incidents_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexImprovementView, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_page_add_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_cb);
}

static void
annex_improvement_view_init (AnnexImprovementView *self)
{
  static const char * const nc_column_priority[] = {
    "status", "grade", "source", "owner", "raised-on", NULL
  };
  static const char * const nc_bulk_fields[] = { "owner", "grade", "status", NULL };
  static const char * const incident_column_priority[] = {
    "severity", "status", "detected-on", NULL
  };
  const char *overdue[] = {
    /* Translators: the choice of the "Actions" filter of nonconformities */
    _("Overdue"),
    NULL
  };
  const char *none[] = { NULL };
  AnnexRecordEditor *editor;

  gtk_widget_init_template (GTK_WIDGET (self));

  annex_register_page_set_column_priority (self->nonconformities_page, nc_column_priority);
  annex_register_page_set_bulk_fields (self->nonconformities_page, nc_bulk_fields);
  annex_register_page_set_warning_func (self->nonconformities_page, nc_warning, self, NULL);
  annex_register_page_set_group_func (self->nonconformities_page, nc_field_group, NULL, NULL);
  /* Translators: the filter of nonconformities with an overdue corrective action */
  annex_register_page_add_facet (self->nonconformities_page, FACET_OVERDUE, _("Actions"),
                                 overdue, overdue_facet_match, self, NULL);
  /* Translators: the filter of nonconformities by the clause or control concerned */
  annex_register_page_add_facet (self->nonconformities_page, FACET_CONCERNS,
                                 _("Clause or control"), none, concerns_facet_match, self, NULL);

  editor = annex_register_page_get_editor (self->nonconformities_page);
  annex_record_editor_add_section (editor, create_refusal_section (self));
  /* The corrective actions follow the correction and the root cause (the group without a
   * heading in nc_field_group()), before the effectiveness check. */
  annex_record_editor_add_section_after (editor, create_actions_section (self), NULL);
  g_signal_connect_object (editor, "notify::record", G_CALLBACK (on_nc_editor_record_cb), self,
                           G_CONNECT_SWAPPED);

  annex_register_page_set_column_priority (self->incidents_page, incident_column_priority);
  editor = annex_register_page_get_editor (self->incidents_page);
  g_signal_connect_object (editor, "notify::record", G_CALLBACK (on_incident_editor_record_cb),
                           self, G_CONNECT_SWAPPED);

  self->database_signals = g_signal_group_new (ANNEX_TYPE_DATABASE);
  g_signal_group_connect_swapped (self->database_signals, "changed",
                                  G_CALLBACK (on_database_changed_cb), self);
  /* A load (or a reload after another register's write) changes the overdue flags and the
   * facet choices too. */
  self->nc_register_signals = g_signal_group_new (ANNEX_TYPE_REGISTER);
  g_signal_group_connect_data (self->nc_register_signals, "items-changed",
                               G_CALLBACK (queue_update), self, NULL,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->actions_register_signals = g_signal_group_new (ANNEX_TYPE_REGISTER);
  g_signal_group_connect_data (self->actions_register_signals, "items-changed",
                               G_CALLBACK (queue_update), self, NULL,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->nc_signals = g_signal_group_new (ANNEX_TYPE_NONCONFORMITY);
  g_signal_group_connect_swapped (self->nc_signals, "notify",
                                  G_CALLBACK (on_editor_nc_notify_cb), self);
  self->incident_signals = g_signal_group_new (ANNEX_TYPE_INCIDENT);
  g_signal_group_connect_swapped (self->incident_signals, "notify::id",
                                  G_CALLBACK (refresh_incident), self);
}

/* Public API */

GtkWidget *
annex_improvement_view_new (void)
{
  return g_object_new (ANNEX_TYPE_IMPROVEMENT_VIEW, NULL);
}

void
annex_improvement_view_set_registers (AnnexImprovementView *self,
                                      AnnexRegister        *nonconformities,
                                      AnnexRegister        *incidents,
                                      AnnexRegister        *actions,
                                      AnnexRegister        *assets)
{
  AnnexRecordEditor *editor;
  gboolean assets_changed;

  g_return_if_fail (ANNEX_IS_IMPROVEMENT_VIEW (self));

  editor = annex_register_page_get_editor (self->incidents_page);
  assets_changed = self->assets != assets || self->incident_group == NULL;

  g_set_object (&self->nonconformities, nonconformities);
  g_set_object (&self->incidents, incidents);
  g_set_object (&self->actions, actions);
  g_set_object (&self->assets, assets);

  annex_register_page_set_register (self->nonconformities_page, nonconformities);
  annex_register_page_set_register (self->incidents_page, incidents);
  g_signal_group_set_target (self->database_signals,
                             nonconformities != NULL
                             ? annex_register_get_database (nonconformities) : NULL);
  g_signal_group_set_target (self->nc_register_signals, nonconformities);
  g_signal_group_set_target (self->actions_register_signals, actions);

  /* The link section is bound to its targets for life: made again for new assets; the
   * nonconformity section stays below it. */
  if (assets_changed)
    {
      if (self->incident_group != NULL)
        gtk_box_remove (GTK_BOX (gtk_widget_get_parent (self->incident_group)),
                        self->incident_group);
      if (self->assets_section != NULL)
        {
          gtk_box_remove (GTK_BOX (gtk_widget_get_parent (self->assets_section)),
                          self->assets_section);
          g_clear_object (&self->assets_section);
        }
      if (assets != NULL)
        {
          GtkWidget *section = annex_link_section_new (_("Affected Assets"), assets,
                                                       ANNEX_LINK_FROM_RECORD);

          annex_link_section_set_empty_text (ANNEX_LINK_SECTION (section),
                                             _("No assets linked yet: add the assets the "
                                               "incident affected."));
          self->assets_section = g_object_ref (section);
          annex_link_section_attach (ANNEX_LINK_SECTION (section), editor);
        }
      annex_record_editor_add_section (editor, create_incident_section (self));
    }

  do_update (self);
}

AnnexRegisterPage *
annex_improvement_view_get_nonconformities_page (AnnexImprovementView *self)
{
  g_return_val_if_fail (ANNEX_IS_IMPROVEMENT_VIEW (self), NULL);

  return self->nonconformities_page;
}

AnnexRegisterPage *
annex_improvement_view_get_incidents_page (AnnexImprovementView *self)
{
  g_return_val_if_fail (ANNEX_IS_IMPROVEMENT_VIEW (self), NULL);

  return self->incidents_page;
}

const char *
annex_improvement_view_get_visible_page (AnnexImprovementView *self)
{
  g_return_val_if_fail (ANNEX_IS_IMPROVEMENT_VIEW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
annex_improvement_view_set_visible_page (AnnexImprovementView *self,
                                         const char           *name)
{
  g_return_if_fail (ANNEX_IS_IMPROVEMENT_VIEW (self));

  if (name != NULL && adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

AnnexAction *
annex_improvement_view_new_corrective_action (AnnexImprovementView  *self,
                                              AnnexNonconformity    *nc,
                                              GError               **error)
{
  AnnexAction *action;
  g_autofree char *title = NULL;

  g_return_val_if_fail (ANNEX_IS_IMPROVEMENT_VIEW (self), NULL);
  g_return_val_if_fail (ANNEX_IS_NONCONFORMITY (nc), NULL);
  g_return_val_if_fail (self->nonconformities != NULL && self->actions != NULL, NULL);

  annex_record_editor_flush (annex_register_page_get_editor (self->nonconformities_page));

  /* Translators: the title of a new corrective action, until the user words it: "Remove the
   * cause of NC-2026-03" */
  title = g_strdup_printf (_("Remove the cause of %s"),
                           annex_record_get_reference (ANNEX_RECORD (nc)));
  action = annex_nonconformity_add_action (self->nonconformities, nc, self->actions, title, NULL,
                                           NULL, error);
  if (action == NULL)
    return NULL;

  refresh_actions (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sx)", "actions",
                              annex_record_get_id (ANNEX_RECORD (action)));
  return action;
}

AnnexNonconformity *
annex_improvement_view_raise_from_incident (AnnexImprovementView  *self,
                                            AnnexIncident         *incident,
                                            GError               **error)
{
  AnnexNonconformity *nc;

  g_return_val_if_fail (ANNEX_IS_IMPROVEMENT_VIEW (self), NULL);
  g_return_val_if_fail (ANNEX_IS_INCIDENT (incident), NULL);
  g_return_val_if_fail (self->nonconformities != NULL, NULL);

  annex_record_editor_flush (annex_register_page_get_editor (self->incidents_page));

  nc = annex_nonconformity_raise_from_incident (incident, self->nonconformities, error);
  if (nc == NULL)
    return NULL;

  refresh_incident (self);
  annex_improvement_view_set_visible_page (self, "nonconformities");
  annex_register_page_show_record (self->nonconformities_page,
                                   annex_record_get_id (ANNEX_RECORD (nc)));
  return nc;
}

guint
annex_improvement_view_get_n_editor_actions (AnnexImprovementView *self)
{
  g_return_val_if_fail (ANNEX_IS_IMPROVEMENT_VIEW (self), 0);

  return self->n_editor_actions;
}

const char *
annex_improvement_view_get_refusal (AnnexImprovementView *self)
{
  g_return_val_if_fail (ANNEX_IS_IMPROVEMENT_VIEW (self), NULL);

  return self->refusal;
}
