/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-objectives-view.c: the Objectives view: the objectives with their latest measurement,
 * status and overdue filters, and an editor with the measurements and linked records. */

#define G_LOG_DOMAIN "annex-objectives-view"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-link-section.h"
#include "annex-objective-measurement.h"
#include "annex-objectives-view.h"
#include "annex-register-format.h"

#define FACET_OVERDUE "overdue"
#define GROUP_PLANNING N_("Planning")

struct _AnnexObjectivesView
{
  GtkWidget              parent_instance;

  /* template widgets */
  AnnexRegisterPage     *page;

  /* borrowed */
  AnnexChildListSection *measurements_section;

  /* owned */
  AnnexRegister         *objectives;
  AnnexRegister         *measurements;
  GtkWidget             *link_sections[3];  /* risks, controls, parties */
  GSignalGroup          *objective_signals;
  GSignalGroup          *measurement_signals;
  GSignalGroup          *database_signals;
  char                  *today;
  guint                  update_source;
};

G_DEFINE_FINAL_TYPE (AnnexObjectivesView, annex_objectives_view, GTK_TYPE_WIDGET)

enum {
  ADD_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Pure texts */

char *
annex_objective_format_latest (AnnexObjective *objective)
{
  const char *value, *date;
  g_autofree char *day = NULL;

  g_return_val_if_fail (ANNEX_IS_OBJECTIVE (objective), NULL);

  value = annex_objective_get_latest_value (objective);
  date = annex_objective_get_latest_date (objective);
  if (value == NULL)
    return g_strdup ("");

  day = annex_format_date (date);
  if (day == NULL)
    return g_strdup (value);

  /* Translators: the latest measurement of an objective: "97.5 % on 5 Mar 2026" */
  return g_strdup_printf (_("%s on %s"), value, day);
}

/* Auxiliary functions */

static void
do_update (AnnexObjectivesView *self)
{
  g_clear_handle_id (&self->update_source, g_source_remove);
  g_free (self->today);
  self->today = annex_field_dup_today ();

  if (self->objectives != NULL && self->measurements != NULL)
    annex_objective_update_latest (G_LIST_MODEL (self->objectives),
                                   G_LIST_MODEL (self->measurements));
}

static gboolean
update_idle_cb (gpointer user_data)
{
  AnnexObjectivesView *self = user_data;

  self->update_source = 0;
  do_update (self);
  return G_SOURCE_REMOVE;
}

static void
queue_update (AnnexObjectivesView *self)
{
  if (self->update_source != 0)
    return;

  self->update_source = g_idle_add_full (G_PRIORITY_LOW, update_idle_cb, self, NULL);
  g_source_set_name_by_id (self->update_source, "[annex] objectives latest measurement");
}

static void
on_database_changed_cb (AnnexObjectivesView *self,
                        const char          *table)
{
  /* A measurement edited in its dialog changes no item of the register, only its values. */
  if (g_strcmp0 (table, "objective_measurements") == 0)
    queue_update (self);
}

/* The register page */

static gboolean
overdue_facet_match (AnnexRecord *record,
                     guint        choice,
                     gpointer     user_data)
{
  AnnexObjectivesView *self = user_data;

  return annex_objective_is_overdue_on (ANNEX_OBJECTIVE (record), self->today);
}

static char *
objective_warning (AnnexRecord *record,
                   gpointer     user_data)
{
  AnnexObjectivesView *self = user_data;

  if (!annex_objective_is_overdue_on (ANNEX_OBJECTIVE (record), self->today))
    return NULL;

  return annex_format_overdue_tooltip (annex_objective_get_due_date (ANNEX_OBJECTIVE (record)));
}

static const char *
objective_field_group (const AnnexField *field,
                       gpointer          user_data)
{
  if (g_str_equal (field->name, "owner") || g_str_equal (field->name, "due-date") ||
      g_str_equal (field->name, "status"))
    /* Translators: a section of the objective editor: who, by when, how far */
    return _(GROUP_PLANNING);
  if (g_str_equal (field->name, "notes"))
    return NULL;

  /* Translators: the first section of the objective editor: what is to be achieved */
  return _("Objective");
}

static void
latest_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
update_latest_label (AnnexObjective *objective,
                     GParamSpec     *pspec,
                     GtkLabel       *label)
{
  g_autofree char *text = annex_objective_format_latest (objective);

  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text[0] != '\0' ? text : NULL);
}

static void
latest_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GObject *objective = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  gulong handlers[2];

  handlers[0] = g_signal_connect (objective, "notify::latest-value",
                                  G_CALLBACK (update_latest_label), label);
  handlers[1] = g_signal_connect (objective, "notify::latest-date",
                                  G_CALLBACK (update_latest_label), label);
  g_object_set_data (G_OBJECT (item), "annex-handler-0", GSIZE_TO_POINTER (handlers[0]));
  g_object_set_data (G_OBJECT (item), "annex-handler-1", GSIZE_TO_POINTER (handlers[1]));
  update_latest_label (ANNEX_OBJECTIVE (objective), NULL, GTK_LABEL (label));
}

static void
latest_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GObject *objective = gtk_list_item_get_item (item);

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *key = g_strdup_printf ("annex-handler-%u", i);
      gulong handler = GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (item), key));

      if (handler != 0 && objective != NULL)
        g_signal_handler_disconnect (objective, handler);
    }
}

static void
add_latest_column (AnnexObjectivesView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (latest_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (latest_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (latest_unbind_cb), NULL);
  sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (ANNEX_TYPE_OBJECTIVE,
                                                                           NULL,
                                                                           "latest-date")));
  /* Translators: the list column with an objective's latest measured value */
  annex_register_page_add_column (self->page, "latest", _("Latest Measurement"), "target", 180,
                                  factory, sorter);
}

/* The measurements section */

static void
measurement_row (AnnexRecord  *child,
                 char        **title,
                 char        **subtitle,
                 gpointer      user_data)
{
  AnnexObjectiveMeasurement *measurement = ANNEX_OBJECTIVE_MEASUREMENT (child);
  const char *value = annex_objective_measurement_get_value (measurement);
  const char *note = annex_objective_measurement_get_note (measurement);
  g_autofree char *date = annex_format_date (annex_objective_measurement_get_date (measurement));

  *title = g_strdup (value != NULL ? value : "");
  if (date != NULL && note != NULL)
    /* Translators: under a measured value: its date, then its note */
    *subtitle = g_strdup_printf (_("%s · %s"), date, note);
  else
    *subtitle = g_strdup (date != NULL ? date : note);
}

static void
measurement_init (AnnexRecord *child,
                  gpointer     user_data)
{
  g_autofree char *today = annex_field_dup_today ();

  annex_record_set_string (child, "date", today);
}

static void
emit_toast (AnnexObjectivesView *self,
            AdwToast            *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
replace_link_sections (AnnexObjectivesView *self,
                       AnnexRegister       *risks,
                       AnnexRegister       *controls,
                       AnnexRegister       *parties)
{
  AnnexRegister *targets[] = { risks, controls, parties };
  const char *titles[] = {
    /* Translators: sections of the objective editor: the records it serves */
    N_("Risks"), N_("Controls"), N_("Interested Parties"),
  };
  const char *empty_texts[] = {
    N_("No risks linked: add the risks this objective helps to treat."),
    N_("No controls linked: add the controls this objective measures or improves."),
    N_("No interested parties linked: add those whose requirements it serves."),
  };
  AnnexRecordEditor *editor = annex_register_page_get_editor (self->page);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      AnnexRegister *current = self->link_sections[i] != NULL
                               ? annex_link_section_get_targets (ANNEX_LINK_SECTION (self->link_sections[i]))
                               : NULL;

      if (current == targets[i])
        continue;

      /* A section lists the links of one workspace: the next one gets its own. */
      if (self->link_sections[i] != NULL)
        {
          GtkWidget *parent = gtk_widget_get_parent (self->link_sections[i]);

          if (GTK_IS_BOX (parent))
            gtk_box_remove (GTK_BOX (parent), self->link_sections[i]);
          g_clear_object (&self->link_sections[i]);
        }

      if (targets[i] != NULL)
        {
          self->link_sections[i] = g_object_ref_sink (annex_link_section_new (_(titles[i]),
                                                                              targets[i],
                                                                              ANNEX_LINK_FROM_RECORD));
          annex_link_section_set_empty_text (ANNEX_LINK_SECTION (self->link_sections[i]),
                                             _(empty_texts[i]));
          annex_link_section_attach (ANNEX_LINK_SECTION (self->link_sections[i]), editor);
        }
    }
}

/* Signal callbacks */

static void
on_page_add_toast_cb (AnnexObjectivesView *self,
                      AdwToast            *toast)
{
  emit_toast (self, toast);
}

/* GObject */

static void
annex_objectives_view_dispose (GObject *object)
{
  AnnexObjectivesView *self = ANNEX_OBJECTIVES_VIEW (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->objective_signals != NULL)
    g_signal_group_set_target (self->objective_signals, NULL);
  if (self->measurement_signals != NULL)
    g_signal_group_set_target (self->measurement_signals, NULL);
  if (self->database_signals != NULL)
    g_signal_group_set_target (self->database_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_OBJECTIVES_VIEW);

  for (guint i = 0; i < G_N_ELEMENTS (self->link_sections); i++)
    g_clear_object (&self->link_sections[i]);
  g_clear_object (&self->objective_signals);
  g_clear_object (&self->measurement_signals);
  g_clear_object (&self->database_signals);
  g_clear_object (&self->objectives);
  g_clear_object (&self->measurements);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (annex_objectives_view_parent_class)->dispose (object);
}

static void
annex_objectives_view_class_init (AnnexObjectivesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = annex_objectives_view_dispose;

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
                                               "/ui/annex-objectives-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexObjectivesView, page);
  gtk_widget_class_bind_template_callback (widget_class, on_page_add_toast_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
annex_objectives_view_init (AnnexObjectivesView *self)
{
  static const char * const column_priority[] = {
    "status", "due-date", "latest", "owner", "target", NULL
  };
  const char *overdue[] = {
    /* Translators: the choice of the "Due" filter of objectives */
    _("Overdue"),
    NULL
  };
  GtkWidget *section;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->today = annex_field_dup_today ();

  /* Translators: the filter of objectives whose due date has passed */
  annex_register_page_add_facet (self->page, FACET_OVERDUE, _("Due"), overdue,
                                 overdue_facet_match, self, NULL);
  annex_register_page_set_warning_func (self->page, objective_warning, self, NULL);
  annex_register_page_set_group_func (self->page, objective_field_group, NULL, NULL);
  add_latest_column (self);
  annex_register_page_set_column_priority (self->page, column_priority);

  section = annex_child_list_section_new ("objective-id");
  self->measurements_section = ANNEX_CHILD_LIST_SECTION (section);
  annex_child_list_section_set_texts (self->measurements_section,
                                      _("Measurements"),
                                      _("_Add Measurement…"),
                                      _("Nothing measured yet: record each value as it is "
                                        "measured, to show the trend towards the target."),
                                      _("New Measurement"),
                                      _("Measurement"));
  annex_child_list_section_set_row_func (self->measurements_section, measurement_row, self);
  annex_child_list_section_set_init_func (self->measurements_section, measurement_init, self);
  annex_child_list_section_set_sort_func (self->measurements_section,
                                          annex_objective_measurement_compare, NULL);
  annex_child_list_section_attach (self->measurements_section,
                                   annex_register_page_get_editor (self->page),
                                   _(GROUP_PLANNING));

  self->objective_signals = g_signal_group_new (ANNEX_TYPE_REGISTER);
  g_signal_group_connect_data (self->objective_signals, "items-changed",
                               G_CALLBACK (queue_update), self, NULL,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->measurement_signals = g_signal_group_new (ANNEX_TYPE_REGISTER);
  g_signal_group_connect_data (self->measurement_signals, "items-changed",
                               G_CALLBACK (queue_update), self, NULL,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->database_signals = g_signal_group_new (ANNEX_TYPE_DATABASE);
  g_signal_group_connect_swapped (self->database_signals, "changed",
                                  G_CALLBACK (on_database_changed_cb), self);
}

/* Public API */

GtkWidget *
annex_objectives_view_new (void)
{
  return g_object_new (ANNEX_TYPE_OBJECTIVES_VIEW, NULL);
}

void
annex_objectives_view_set_registers (AnnexObjectivesView *self,
                                     AnnexRegister       *objectives,
                                     AnnexRegister       *measurements,
                                     AnnexRegister       *risks,
                                     AnnexRegister       *controls,
                                     AnnexRegister       *parties)
{
  g_return_if_fail (ANNEX_IS_OBJECTIVES_VIEW (self));
  g_return_if_fail (objectives == NULL ||
                    annex_register_get_record_type (objectives) == ANNEX_TYPE_OBJECTIVE);
  g_return_if_fail (measurements == NULL ||
                    annex_register_get_record_type (measurements) ==
                    ANNEX_TYPE_OBJECTIVE_MEASUREMENT);

  if (g_set_object (&self->objectives, objectives))
    {
      g_signal_group_set_target (self->objective_signals, objectives);
      g_signal_group_set_target (self->database_signals,
                                 objectives != NULL ? annex_register_get_database (objectives)
                                                    : NULL);
      annex_register_page_set_register (self->page, objectives);
    }
  if (g_set_object (&self->measurements, measurements))
    {
      g_signal_group_set_target (self->measurement_signals, measurements);
      annex_child_list_section_set_children (self->measurements_section, measurements);
    }
  replace_link_sections (self, risks, controls, parties);

  queue_update (self);
}

AnnexRegisterPage *
annex_objectives_view_get_page (AnnexObjectivesView *self)
{
  g_return_val_if_fail (ANNEX_IS_OBJECTIVES_VIEW (self), NULL);

  return self->page;
}

AnnexChildListSection *
annex_objectives_view_get_measurements_section (AnnexObjectivesView *self)
{
  g_return_val_if_fail (ANNEX_IS_OBJECTIVES_VIEW (self), NULL);

  return self->measurements_section;
}

void
annex_objectives_view_update (AnnexObjectivesView *self)
{
  g_return_if_fail (ANNEX_IS_OBJECTIVES_VIEW (self));

  do_update (self);
}
