/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-treatment-plan-page.c: the risk treatment plan page. */

#define G_LOG_DOMAIN "annex-treatment-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-clause-guide.h"
#include "annex-register-format.h"
#include "annex-treatment-plan-page.h"

struct _AnnexTreatmentPlanPage
{
  GtkWidget      parent_instance;

  /* template widgets */
  GtkStack      *content_stack;
  GtkLabel      *counts_label;
  GtkListBox    *list;

  /* owned */
  AnnexDatabase *database;
  GSignalGroup  *database_signals;
  GPtrArray     *entries;    /* AnnexTreatmentPlanEntry */
  guint          refresh_source;
};

G_DEFINE_FINAL_TYPE (AnnexTreatmentPlanPage, annex_treatment_plan_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_N_ENTRIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Auxiliary methods */

char *
annex_treatment_plan_format_counts (const AnnexTreatmentPlanCounts *counts)
{
  GString *text;

  g_return_val_if_fail (counts != NULL, NULL);

  text = g_string_new (NULL);
  /* Translators: the counts of the risk treatment plan: "12 actions · 8 open · 2 overdue ·
   * 3 done". */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions",
                                             counts->total), counts->total);
  g_string_append (text, _(" · "));
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u open", "%u open", counts->open),
                          counts->open);
  if (counts->overdue > 0)
    {
      g_string_append (text, _(" · "));
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue",
                                                 counts->overdue), counts->overdue);
    }
  g_string_append (text, _(" · "));
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u done", "%u done", counts->done),
                          counts->done);
  if (counts->cancelled > 0)
    {
      g_string_append (text, _(" · "));
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u cancelled", "%u cancelled",
                                                 counts->cancelled), counts->cancelled);
    }

  return g_string_free (text, FALSE);
}

static const char *
status_label (const AnnexTreatmentPlanEntry *entry)
{
  if (entry->overdue)
    /* Translators: the state of a treatment action whose due date has passed. */
    return _("Overdue");
  if (g_strcmp0 (entry->status, "in-progress") == 0)
    return _("In progress");
  if (g_strcmp0 (entry->status, "done") == 0)
    return _("Done");
  if (g_strcmp0 (entry->status, "cancelled") == 0)
    return _("Cancelled");
  return _("Open");
}

static GtkWidget *
create_risk_row (const AnnexTreatmentPlanEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;

  if (entry->risk_id != 0)
    {
      title = g_strdup_printf ("%s  %s", entry->risk_reference,
                               entry->risk_title != NULL ? entry->risk_title : "");
      if (entry->risk_owner != NULL && *entry->risk_owner != '\0')
        {
          /* Translators: below a risk in the treatment plan: its owner. */
          g_autofree char *subtitle = g_strdup_printf (_("Risk owner: %s"), entry->risk_owner);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data (G_OBJECT (row), "annex-table", (gpointer) "risks");
      g_object_set_data_full (G_OBJECT (row), "annex-id",
                              g_memdup2 (&entry->risk_id, sizeof (gint64)), g_free);
    }
  else
    {
      /* Translators: the heading of treatment actions whose origin reference names no risk. */
      title = g_strdup (_("Actions without a risk"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "plan-risk-row");
  return row;
}

static GtkWidget *
create_action_row (const AnnexTreatmentPlanEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *status;
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  title = g_strdup_printf ("%s  %s", entry->action_reference,
                           entry->action_title != NULL ? entry->action_title : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  if (entry->action_owner != NULL && *entry->action_owner != '\0')
    g_string_append (subtitle, entry->action_owner);
  else
    g_string_append (subtitle, _("No owner"));
  g_string_append (subtitle, _(" · "));
  if (entry->due_date != NULL)
    {
      g_autofree char *date = annex_format_date (entry->due_date);

      /* Translators: the due date of a treatment action, e.g. "due 1 Dec 2026". */
      g_string_append_printf (subtitle, _("due %s"), date);
    }
  else
    g_string_append (subtitle, _("no due date"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  status = gtk_label_new (status_label (entry));
  gtk_widget_add_css_class (status, "plan-status");
  if (entry->overdue)
    gtk_widget_add_css_class (status, "error");
  else if (g_strcmp0 (entry->status, "done") == 0)
    gtk_widget_add_css_class (status, "success");
  else if (g_strcmp0 (entry->status, "cancelled") == 0)
    gtk_widget_add_css_class (status, "dim-label");
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "plan-action-row");
  g_object_set_data (G_OBJECT (row), "annex-table", (gpointer) "actions");
  g_object_set_data_full (G_OBJECT (row), "annex-id",
                          g_memdup2 (&entry->action_id, sizeof (gint64)), g_free);
  return row;
}

static void
rebuild (AnnexTreatmentPlanPage *self)
{
  GtkWidget *child;
  AnnexTreatmentPlanCounts counts = { 0, };
  g_autofree char *counts_text = NULL;
  gint64 last_risk = -1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      const AnnexTreatmentPlanEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->risk_id != last_risk)
        {
          gtk_list_box_append (self->list, create_risk_row (entry));
          last_risk = entry->risk_id;
        }
      gtk_list_box_append (self->list, create_action_row (entry));

      counts.total++;
      if (entry->overdue)
        counts.overdue++;
      if (g_strcmp0 (entry->status, "done") == 0)
        counts.done++;
      else if (g_strcmp0 (entry->status, "cancelled") == 0)
        counts.cancelled++;
      else
        counts.open++;
    }

  counts_text = annex_treatment_plan_format_counts (&counts);
  gtk_label_set_text (self->counts_label, counts_text);
  gtk_stack_set_visible_child_name (self->content_stack, counts.total > 0 ? "plan" : "empty");
}

static void
do_refresh (AnnexTreatmentPlanPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  if (self->database != NULL)
    {
      entries = annex_treatment_plan_query (self->database, NULL, NULL, &error);
      if (entries == NULL)
        g_warning ("Could not read the treatment plan: %s", error->message);
    }

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = g_steal_pointer (&entries);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ENTRIES]);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  AnnexTreatmentPlanPage *self = user_data;

  self->refresh_source = 0;
  do_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (AnnexTreatmentPlanPage *self)
{
  if (self->refresh_source != 0)
    return;

  self->refresh_source = g_idle_add_full (G_PRIORITY_LOW, refresh_idle_cb, self, NULL);
  g_source_set_name_by_id (self->refresh_source, "[annex] treatment plan refresh");
}

/* Signal callbacks */

static void
on_database_changed_cb (AnnexTreatmentPlanPage *self,
                        const char             *table)
{
  if (table == NULL || g_strcmp0 (table, "actions") == 0 || g_strcmp0 (table, "risks") == 0)
    queue_refresh (self);
}

static void
on_row_activated_cb (AnnexTreatmentPlanPage *self,
                     GtkListBoxRow          *row)
{
  const char *table = g_object_get_data (G_OBJECT (row), "annex-table");
  const gint64 *id = g_object_get_data (G_OBJECT (row), "annex-id");

  if (table != NULL && id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sx)", table, *id);
}

/* GObject */

static void
annex_treatment_plan_page_dispose (GObject *object)
{
  AnnexTreatmentPlanPage *self = ANNEX_TREATMENT_PLAN_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->database_signals != NULL)
    g_signal_group_set_target (self->database_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_TREATMENT_PLAN_PAGE);

  g_clear_object (&self->database_signals);
  g_clear_object (&self->database);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (annex_treatment_plan_page_parent_class)->dispose (object);
}

static void
annex_treatment_plan_page_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  AnnexTreatmentPlanPage *self = ANNEX_TREATMENT_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_N_ENTRIES:
      g_value_set_uint (value, annex_treatment_plan_page_get_n_entries (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_treatment_plan_page_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  AnnexTreatmentPlanPage *self = ANNEX_TREATMENT_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      annex_treatment_plan_page_set_database (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_treatment_plan_page_class_init (AnnexTreatmentPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = annex_treatment_plan_page_dispose;
  object_class->get_property = annex_treatment_plan_page_get_property;
  object_class->set_property = annex_treatment_plan_page_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, ANNEX_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ENTRIES] =
    g_param_spec_uint ("n-entries", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ANNEX_TYPE_CLAUSE_GUIDE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH
                                               "/ui/annex-treatment-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexTreatmentPlanPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AnnexTreatmentPlanPage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexTreatmentPlanPage, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
annex_treatment_plan_page_init (AnnexTreatmentPlanPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->database_signals = g_signal_group_new (ANNEX_TYPE_DATABASE);
  g_signal_group_connect_swapped (self->database_signals, "changed",
                                  G_CALLBACK (on_database_changed_cb), self);
}

/* Public API */

GtkWidget *
annex_treatment_plan_page_new (void)
{
  return g_object_new (ANNEX_TYPE_TREATMENT_PLAN_PAGE, NULL);
}

AnnexDatabase *
annex_treatment_plan_page_get_database (AnnexTreatmentPlanPage *self)
{
  g_return_val_if_fail (ANNEX_IS_TREATMENT_PLAN_PAGE (self), NULL);

  return self->database;
}

void
annex_treatment_plan_page_set_database (AnnexTreatmentPlanPage *self,
                                        AnnexDatabase          *database)
{
  g_return_if_fail (ANNEX_IS_TREATMENT_PLAN_PAGE (self));
  g_return_if_fail (database == NULL || ANNEX_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;

  g_signal_group_set_target (self->database_signals, database);
  do_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

void
annex_treatment_plan_page_refresh (AnnexTreatmentPlanPage *self)
{
  g_return_if_fail (ANNEX_IS_TREATMENT_PLAN_PAGE (self));

  do_refresh (self);
}

guint
annex_treatment_plan_page_get_n_entries (AnnexTreatmentPlanPage *self)
{
  g_return_val_if_fail (ANNEX_IS_TREATMENT_PLAN_PAGE (self), 0);

  return self->entries != NULL ? self->entries->len : 0;
}

const AnnexTreatmentPlanEntry *
annex_treatment_plan_page_get_entry (AnnexTreatmentPlanPage *self,
                                     guint                   index)
{
  g_return_val_if_fail (ANNEX_IS_TREATMENT_PLAN_PAGE (self), NULL);

  if (self->entries == NULL || index >= self->entries->len)
    return NULL;

  return g_ptr_array_index (self->entries, index);
}
