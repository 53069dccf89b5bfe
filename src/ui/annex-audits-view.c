/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-audits-view.c: the Audits view: the programme page and the audits (facets, warnings,
 * editor groups, the scope as links, the independence check, the checklist and the findings). */

#define G_LOG_DOMAIN "annex-audits-view"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-audit.h"
#include "annex-audits-view.h"
#include "annex-link-section.h"
#include "annex-register-format.h"

#define FACET_OVERDUE "overdue"

struct _AnnexAuditsView
{
  GtkWidget                parent_instance;

  /* template widgets */
  GtkWidget               *box;
  AdwViewStack            *stack;
  AnnexAuditProgrammePage *programme_page;
  AnnexRegisterPage       *audits_page;
  AdwViewSwitcherBar      *switcher_bar;

  /* the audit editor's sections (owned: they are re-created with the registers) */
  GtkWidget               *independence_group;
  GtkListBox              *conflicts_list;
  AdwActionRow            *independence_status_row;
  GtkImage                *independence_status_icon;
  GtkWidget               *link_sections[2];   /* clauses, controls */
  AnnexChecklistSection   *checklist;
  AnnexFindingsSection    *findings_section;

  /* owned */
  AnnexRegister           *audits;
  AnnexRegister           *items;
  AnnexRegister           *findings;
  AnnexRegister           *nonconformities;
  AnnexRegister           *requirements;
  AnnexRegister           *controls;
  GSignalGroup            *database_signals;
  GSignalGroup            *record_signals;     /* the audit in the editor */
  AnnexAudit              *editor_audit;
  guint                    n_conflicts;
  guint                    independence_source;
  gboolean                 sections_attached;
};

static void annex_audits_view_paged_view_init (AnnexPagedViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AnnexAuditsView, annex_audits_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ANNEX_TYPE_PAGED_VIEW,
                                                      annex_audits_view_paged_view_init))

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

/* Auxiliary functions */

static AnnexDatabase *
get_database (AnnexAuditsView *self)
{
  return self->audits != NULL ? annex_register_get_database (self->audits) : NULL;
}

static GPtrArray *
dup_conflicts (AnnexAuditsView *self,
               AnnexAudit      *audit)
{
  AnnexDatabase *db = get_database (self);
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts;

  if (db == NULL || annex_record_get_id (ANNEX_RECORD (audit)) == 0)
    return NULL;

  conflicts = annex_audit_dup_independence_conflicts (audit, db, &error);
  if (conflicts == NULL)
    g_debug ("Could not check the auditors' independence: %s", error->message);
  return conflicts;
}

/* Facets, warnings, editor groups */

static gboolean
overdue_facet_match (AnnexRecord *record,
                     guint        choice,
                     gpointer     user_data)
{
  return annex_audit_get_overdue (ANNEX_AUDIT (record));
}

static char *
audit_warning (AnnexRecord *record,
               gpointer     user_data)
{
  AnnexAuditsView *self = user_data;
  AnnexAudit *audit = ANNEX_AUDIT (record);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) conflicts = NULL;

  if (annex_audit_get_overdue (audit))
    {
      g_autofree char *date = annex_format_date (annex_audit_get_planned_end (audit));

      /* Translators: the tooltip of an audit whose planned end has passed */
      g_string_append_printf (text, _("Overdue: planned to end on %s."), date);
    }

  conflicts = dup_conflicts (self, audit);
  if (conflicts != NULL && annex_audit_independence_flagged (audit, conflicts))
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, _("Auditors must not audit their own work:"));
      for (guint i = 0; i < conflicts->len; i++)
        {
          g_string_append (text, "\n• ");
          g_string_append (text, g_ptr_array_index (conflicts, i));
        }
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static const char *
audit_field_group (const AnnexField *field,
                   gpointer          user_data)
{
  const char *name = field->name;

  if (g_str_has_prefix (name, "planned-") || g_str_has_prefix (name, "actual-"))
    /* Translators: a section of the audit editor: its dates */
    return _("Schedule");
  if (g_str_equal (name, "lead-auditor") || g_str_equal (name, "team") ||
      g_str_has_prefix (name, "auditee-") || g_str_equal (name, "independence-note"))
    /* Translators: a section of the audit editor: the auditors and the auditees */
    return _("Auditors and Auditees");
  if (g_str_equal (name, "status") || g_str_equal (name, "conclusion"))
    /* Translators: a section of the audit editor */
    return _("Outcome");

  /* Translators: the first section of the audit editor: what the audit is */
  return _("Audit");
}

/* The independence note only where there is something to explain. */
static gboolean
audit_field_visible (AnnexRecord      *record,
                     const AnnexField *field,
                     gpointer          user_data)
{
  AnnexAuditsView *self = user_data;
  g_autoptr(GPtrArray) conflicts = NULL;

  if (!g_str_equal (field->name, "independence-note"))
    return TRUE;
  if (annex_audit_get_independence_note (ANNEX_AUDIT (record)) != NULL)
    return TRUE;

  conflicts = dup_conflicts (self, ANNEX_AUDIT (record));
  return conflicts != NULL && conflicts->len > 0;
}

/* The independence section */

static void
refresh_independence (AnnexAuditsView *self)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  GtkWidget *child;
  gboolean flagged;

  g_clear_handle_id (&self->independence_source, g_source_remove);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->conflicts_list))) != NULL)
    gtk_list_box_remove (self->conflicts_list, child);

  if (self->editor_audit != NULL)
    conflicts = dup_conflicts (self, self->editor_audit);
  self->n_conflicts = conflicts != NULL ? conflicts->len : 0;
  gtk_widget_set_visible (self->independence_group, self->n_conflicts > 0);
  if (self->n_conflicts == 0)
    return;

  for (guint i = 0; i < conflicts->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("avatar-default-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     g_ptr_array_index (conflicts, i));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->conflicts_list, row);
    }

  flagged = annex_audit_independence_flagged (self->editor_audit, conflicts);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->independence_status_row),
                                 flagged ? _("Explain in the independence note why this is "
                                             "acceptable, or change the audit team.")
                                         : _("The independence note explains why this is "
                                             "acceptable."));
  gtk_widget_set_visible (GTK_WIDGET (self->independence_status_row), TRUE);
  gtk_image_set_from_icon_name (self->independence_status_icon,
                                flagged ? "dialog-warning-symbolic" : "emblem-ok-symbolic");
  if (flagged)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->independence_status_row), "independence-flagged");
      gtk_widget_remove_css_class (GTK_WIDGET (self->independence_status_row),
                                   "independence-accepted");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->independence_status_row),
                                "independence-accepted");
      gtk_widget_remove_css_class (GTK_WIDGET (self->independence_status_row),
                                   "independence-flagged");
    }
  gtk_list_box_append (self->conflicts_list, GTK_WIDGET (self->independence_status_row));
}

static gboolean
independence_idle_cb (gpointer user_data)
{
  AnnexAuditsView *self = user_data;

  self->independence_source = 0;
  refresh_independence (self);
  return G_SOURCE_REMOVE;
}

static void
queue_independence (AnnexAuditsView *self)
{
  if (self->independence_source != 0)
    return;

  self->independence_source = g_idle_add (independence_idle_cb, self);
  g_source_set_name_by_id (self->independence_source, "[annex] audit independence");
}

static GtkWidget *
create_independence_section (AnnexAuditsView *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *icon;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Auditor Independence"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Auditors must not audit their own work: these "
                                           "auditors own something this audit samples."));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);

  self->independence_status_row = ADW_ACTION_ROW (adw_action_row_new ());
  g_object_ref_sink (self->independence_status_row);
  adw_action_row_set_title_lines (self->independence_status_row, 0);
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  adw_action_row_add_prefix (self->independence_status_row, icon);
  self->independence_status_icon = GTK_IMAGE (icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->independence_status_row), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->independence_status_row), "independence-status");

  self->conflicts_list = GTK_LIST_BOX (list);
  self->independence_group = group;
  gtk_widget_set_visible (group, FALSE);
  return group;
}

/* Signal callbacks */

static void
on_page_add_toast_cb (AnnexAuditsView *self,
                      AdwToast        *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
on_stack_visible_child_cb (AnnexAuditsView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE]);
}

static void
on_audit_activated_cb (AnnexAuditsView *self,
                       AnnexAudit      *audit)
{
  annex_audits_view_show_audit (self, annex_record_get_id (ANNEX_RECORD (audit)));
}

static void
on_editor_record_cb (AnnexAuditsView   *self,
                     GParamSpec        *pspec,
                     AnnexRecordEditor *editor)
{
  AnnexRecord *record = annex_record_editor_get_record (editor);
  AnnexAudit *audit = record != NULL && ANNEX_IS_AUDIT (record) ? ANNEX_AUDIT (record) : NULL;

  g_set_object (&self->editor_audit, audit);
  g_signal_group_set_target (self->record_signals, audit);
  refresh_independence (self);
}

static void
on_editor_audit_notify_cb (AnnexAuditsView *self,
                           GParamSpec      *pspec)
{
  if (g_str_equal (pspec->name, "lead-auditor") || g_str_equal (pspec->name, "team") ||
      g_str_equal (pspec->name, "independence-note") || g_str_equal (pspec->name, "id"))
    queue_independence (self);
}

static void
on_database_changed_cb (AnnexAuditsView *self,
                        const char      *table)
{
  static const char * const tables[] = { "links", "controls", "requirements", "risks", NULL };

  if (table != NULL && g_strv_contains (tables, table))
    queue_independence (self);
}

/* Building the editor's sections for the registers */

static void
remove_section (GtkWidget **section)
{
  GtkWidget *parent;

  if (*section == NULL)
    return;

  parent = gtk_widget_get_parent (*section);
  if (GTK_IS_BOX (parent))
    gtk_box_remove (GTK_BOX (parent), *section);
  g_clear_object (section);
}

static void
create_link_sections (AnnexAuditsView *self)
{
  AnnexRecordEditor *editor = annex_register_page_get_editor (self->audits_page);
  GtkWidget *section;

  for (guint i = 0; i < G_N_ELEMENTS (self->link_sections); i++)
    remove_section (&self->link_sections[i]);

  if (self->requirements != NULL)
    {
      section = annex_link_section_new (_("Clauses Sampled"), self->requirements,
                                        ANNEX_LINK_FROM_RECORD);
      annex_link_section_set_empty_text (ANNEX_LINK_SECTION (section),
                                         _("No clauses in the scope yet: add the clauses of "
                                           "4 to 10 this audit samples."));
      self->link_sections[0] = g_object_ref (section);
      annex_link_section_attach (ANNEX_LINK_SECTION (section), editor);
    }
  if (self->controls != NULL)
    {
      section = annex_link_section_new (_("Controls Sampled"), self->controls,
                                        ANNEX_LINK_FROM_RECORD);
      annex_link_section_set_empty_text (ANNEX_LINK_SECTION (section),
                                         _("No controls in the scope yet: add the Annex A "
                                           "controls this audit samples."));
      self->link_sections[1] = g_object_ref (section);
      annex_link_section_attach (ANNEX_LINK_SECTION (section), editor);
    }
}

/* GtkWidget */

static void
annex_audits_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  gtk_widget_allocate (ANNEX_AUDITS_VIEW (widget)->box, width, height, baseline, NULL);
}

static void
annex_audits_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  gtk_widget_measure (ANNEX_AUDITS_VIEW (widget)->box, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

/* GObject */

static void
annex_audits_view_dispose (GObject *object)
{
  AnnexAuditsView *self = ANNEX_AUDITS_VIEW (object);

  g_clear_handle_id (&self->independence_source, g_source_remove);
  if (self->database_signals != NULL)
    g_signal_group_set_target (self->database_signals, NULL);
  if (self->record_signals != NULL)
    g_signal_group_set_target (self->record_signals, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (self->link_sections); i++)
    g_clear_object (&self->link_sections[i]);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_AUDITS_VIEW);

  g_clear_object (&self->independence_status_row);
  g_clear_object (&self->checklist);
  g_clear_object (&self->findings_section);
  g_clear_object (&self->database_signals);
  g_clear_object (&self->record_signals);
  g_clear_object (&self->editor_audit);
  g_clear_object (&self->audits);
  g_clear_object (&self->items);
  g_clear_object (&self->findings);
  g_clear_object (&self->nonconformities);
  g_clear_object (&self->requirements);
  g_clear_object (&self->controls);

  G_OBJECT_CLASS (annex_audits_view_parent_class)->dispose (object);
}

static void
annex_audits_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AnnexAuditsView *self = ANNEX_AUDITS_VIEW (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_PAGE:
      g_value_set_string (value, annex_audits_view_get_visible_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_audits_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AnnexAuditsView *self = ANNEX_AUDITS_VIEW (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_PAGE:
      annex_audits_view_set_visible_page (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static AdwViewStack *
annex_audits_view_get_stack (AnnexPagedView *view)
{
  return ANNEX_AUDITS_VIEW (view)->stack;
}

static void
annex_audits_view_set_reveal_switcher_bar (AnnexPagedView *view,
                                           gboolean        reveal)
{
  adw_view_switcher_bar_set_reveal (ANNEX_AUDITS_VIEW (view)->switcher_bar, reveal);
}

static void
annex_audits_view_paged_view_init (AnnexPagedViewInterface *iface)
{
  iface->get_stack = annex_audits_view_get_stack;
  iface->set_reveal_switcher_bar = annex_audits_view_set_reveal_switcher_bar;
}

static void
annex_audits_view_class_init (AnnexAuditsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = annex_audits_view_dispose;
  object_class->get_property = annex_audits_view_get_property;
  object_class->set_property = annex_audits_view_set_property;

  widget_class->measure = annex_audits_view_measure;
  widget_class->size_allocate = annex_audits_view_size_allocate;

  properties[PROP_VISIBLE_PAGE] =
    g_param_spec_string ("visible-page", NULL, NULL, "programme",
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
  g_type_ensure (ANNEX_TYPE_AUDIT_PROGRAMME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/annex-audits-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexAuditsView, box);
  gtk_widget_class_bind_template_child (widget_class, AnnexAuditsView, stack);
  gtk_widget_class_bind_template_child (widget_class, AnnexAuditsView, programme_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexAuditsView, audits_page);
  gtk_widget_class_bind_template_child (widget_class, AnnexAuditsView, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_page_add_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_audit_activated_cb);
}

static void
annex_audits_view_init (AnnexAuditsView *self)
{
  static const char * const column_priority[] = {
    "status", "planned-start", "type", "lead-auditor", NULL
  };
  static const char * const bulk_fields[] = {
    "type", "status", "lead-auditor", "planned-start", "planned-end", NULL
  };
  const char *overdue[] = {
    /* Translators: the choice of the "Schedule" filter of audits */
    _("Overdue"),
    NULL
  };
  AnnexRecordEditor *editor;

  gtk_widget_init_template (GTK_WIDGET (self));

  annex_register_page_set_column_priority (self->audits_page, column_priority);
  annex_register_page_set_bulk_fields (self->audits_page, bulk_fields);
  annex_register_page_set_warning_func (self->audits_page, audit_warning, self, NULL);
  annex_register_page_set_group_func (self->audits_page, audit_field_group, NULL, NULL);
  annex_register_page_set_visible_func (self->audits_page, audit_field_visible, self, NULL);
  /* Translators: the filter of audits whose planned end has passed */
  annex_register_page_add_facet (self->audits_page, FACET_OVERDUE, _("Schedule"), overdue,
                                 overdue_facet_match, self, NULL);

  editor = annex_register_page_get_editor (self->audits_page);
  /* The independence of the auditors right after who they are (audit_field_group()). */
  annex_record_editor_add_section_after (editor, create_independence_section (self),
                                         _("Auditors and Auditees"));

  /* Held here: they move below the link sections whenever those are made again. */
  self->checklist = g_object_ref_sink (ANNEX_CHECKLIST_SECTION (annex_checklist_section_new ()));
  self->findings_section = g_object_ref_sink (ANNEX_FINDINGS_SECTION (annex_findings_section_new ()));
  g_signal_connect_object (editor, "notify::record", G_CALLBACK (on_editor_record_cb), self,
                           G_CONNECT_SWAPPED);

  self->database_signals = g_signal_group_new (ANNEX_TYPE_DATABASE);
  g_signal_group_connect_swapped (self->database_signals, "changed",
                                  G_CALLBACK (on_database_changed_cb), self);
  self->record_signals = g_signal_group_new (ANNEX_TYPE_AUDIT);
  g_signal_group_connect_swapped (self->record_signals, "notify",
                                  G_CALLBACK (on_editor_audit_notify_cb), self);
}

/* Public API */

GtkWidget *
annex_audits_view_new (void)
{
  return g_object_new (ANNEX_TYPE_AUDITS_VIEW, NULL);
}

void
annex_audits_view_set_registers (AnnexAuditsView *self,
                                 AnnexRegister   *audits,
                                 AnnexRegister   *items,
                                 AnnexRegister   *findings,
                                 AnnexRegister   *nonconformities,
                                 AnnexRegister   *requirements,
                                 AnnexRegister   *controls)
{
  AnnexRecordEditor *editor;
  gboolean links_changed;

  g_return_if_fail (ANNEX_IS_AUDITS_VIEW (self));

  editor = annex_register_page_get_editor (self->audits_page);
  links_changed = self->requirements != requirements || self->controls != controls ||
                  !self->sections_attached;

  /* The sections first let go of the records of the old workspace. */
  annex_checklist_section_set_registers (self->checklist, items, findings);
  annex_findings_section_set_registers (self->findings_section, findings, nonconformities);

  g_set_object (&self->audits, audits);
  g_set_object (&self->items, items);
  g_set_object (&self->findings, findings);
  g_set_object (&self->nonconformities, nonconformities);
  g_set_object (&self->requirements, requirements);
  g_set_object (&self->controls, controls);

  annex_register_page_set_register (self->audits_page, audits);
  annex_audit_programme_page_set_audits (self->programme_page, audits);
  g_signal_group_set_target (self->database_signals, get_database (self));

  /* The link sections are bound to their targets for life: made again for new registers. The
   * checklist and the findings follow them, below the scope. */
  if (links_changed)
    {
      if (self->sections_attached)
        {
          gtk_box_remove (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->checklist))),
                          GTK_WIDGET (self->checklist));
          gtk_box_remove (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->findings_section))),
                          GTK_WIDGET (self->findings_section));
        }
      create_link_sections (self);
      if (!self->sections_attached)
        {
          annex_checklist_section_attach (self->checklist, editor);
          annex_findings_section_attach (self->findings_section, editor);
          self->sections_attached = TRUE;
        }
      else
        {
          annex_record_editor_add_section (editor, GTK_WIDGET (self->checklist));
          annex_record_editor_add_section (editor, GTK_WIDGET (self->findings_section));
        }
    }

  refresh_independence (self);
}

AnnexAuditProgrammePage *
annex_audits_view_get_programme_page (AnnexAuditsView *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDITS_VIEW (self), NULL);

  return self->programme_page;
}

AnnexRegisterPage *
annex_audits_view_get_audits_page (AnnexAuditsView *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDITS_VIEW (self), NULL);

  return self->audits_page;
}

AnnexChecklistSection *
annex_audits_view_get_checklist (AnnexAuditsView *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDITS_VIEW (self), NULL);

  return self->checklist;
}

AnnexFindingsSection *
annex_audits_view_get_findings (AnnexAuditsView *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDITS_VIEW (self), NULL);

  return self->findings_section;
}

const char *
annex_audits_view_get_visible_page (AnnexAuditsView *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDITS_VIEW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
annex_audits_view_set_visible_page (AnnexAuditsView *self,
                                    const char      *name)
{
  g_return_if_fail (ANNEX_IS_AUDITS_VIEW (self));

  if (name != NULL && adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

gboolean
annex_audits_view_show_audit (AnnexAuditsView *self,
                              gint64           id)
{
  g_return_val_if_fail (ANNEX_IS_AUDITS_VIEW (self), FALSE);

  annex_audits_view_set_visible_page (self, "audits");
  return annex_register_page_show_record (self->audits_page, id);
}

guint
annex_audits_view_get_n_conflicts (AnnexAuditsView *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDITS_VIEW (self), 0);

  return self->n_conflicts;
}
