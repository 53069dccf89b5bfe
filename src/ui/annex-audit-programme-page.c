/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-audit-programme-page.c: the audit programme page: the cycle's first year, the warnings,
 * a timeline of the cycle's audits by month and the coverage matrix, all rebuilt from an
 * AnnexAuditProgramme whenever the workspace changes. */

#define G_LOG_DOMAIN "annex-audit-programme-page"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-audit-programme-page.h"
#include "annex-clause-guide.h"
#include "annex-register-format.h"

struct _AnnexAuditProgrammePage
{
  GtkWidget            parent_instance;

  /* template widgets */
  GtkWidget           *scroller;
  AdwActionRow        *cycle_row;
  GtkSpinButton       *year_spin;
  GtkAdjustment       *year_adjustment;
  GtkWidget           *warnings_group;
  GtkListBox          *warnings_list;
  GtkGrid             *timeline_grid;
  GtkGrid             *coverage_grid;

  /* owned */
  AnnexRegister       *audits;
  AnnexAuditProgramme *programme;
  GSignalGroup        *database_signals;
  GSignalGroup        *audits_signals;
  guint                update_source;
  guint                n_warnings;
  guint                n_gaps;
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (AnnexAuditProgrammePage, annex_audit_programme_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_AUDITS,
  N_PROPS
};

enum {
  AUDIT_ACTIVATED,
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Auxiliary functions */

static AnnexDatabase *
get_database (AnnexAuditProgrammePage *self)
{
  return self->audits != NULL ? annex_register_get_database (self->audits) : NULL;
}

static void
clear_container (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else
        gtk_grid_remove (GTK_GRID (container), child);
    }
}

static void
activate_audit (AnnexAuditProgrammePage *self,
                gint64                   id)
{
  AnnexRecord *audit = self->audits != NULL ? annex_register_find (self->audits, id) : NULL;

  if (audit != NULL)
    g_signal_emit (self, signals[AUDIT_ACTIVATED], 0, audit);
}

/* "IA-2026-01 Supplier access review\nInternal · Planned · 3 Mar 2026 – 5 Mar 2026" */
static char *
dup_audit_tooltip (AnnexAudit *audit)
{
  AnnexRecord *record = ANNEX_RECORD (audit);
  AnnexRecordClass *klass = ANNEX_RECORD_GET_CLASS (record);
  const char *start = annex_audit_get_actual_start (audit);
  const char *end = annex_audit_get_actual_end (audit);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GString *text = g_string_new (NULL);
  guint type_index = 0, status_index = 0;

  annex_record_class_find_field (klass, "type", &type_index);
  annex_record_class_find_field (klass, "status", &status_index);

  if (start == NULL)
    start = annex_audit_get_planned_start (audit);
  if (end == NULL)
    end = annex_audit_get_planned_end (audit);

  g_string_append_printf (text, "%s  %s\n", annex_record_get_reference (record),
                          annex_audit_get_title (audit) != NULL ? annex_audit_get_title (audit)
                                                                 : "");
  g_string_append (text, annex_record_get_choice_label (record, type_index));
  g_string_append (text, _(" · "));
  g_string_append (text, annex_record_get_choice_label (record, status_index));
  if (start != NULL)
    {
      first = annex_format_date (start);
      g_string_append (text, _(" · "));
      if (end != NULL && g_strcmp0 (start, end) != 0)
        {
          last = annex_format_date (end);
          /* Translators: the dates of an audit, first day – last day */
          g_string_append_printf (text, _("%s – %s"), first, last);
        }
      else
        g_string_append (text, first);
    }
  if (annex_audit_get_overdue (audit))
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("Overdue: its planned end has passed."));
    }

  return g_string_free (text, FALSE);
}

/* Warnings */

static void
update_warnings (AnnexAuditProgrammePage *self)
{
  guint n = 0;
  const AnnexProgrammeWarning *warnings = annex_audit_programme_get_warnings (self->programme,
                                                                             &n);

  clear_container (GTK_WIDGET (self->warnings_list));
  self->n_warnings = n;

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), warnings[i].message);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, "programme-warning");

      if (warnings[i].audit_id > 0)
        {
          gint64 id = warnings[i].audit_id;

          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data_full (G_OBJECT (row), "audit-id", g_memdup2 (&id, sizeof id), g_free);
        }
      else
        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

      gtk_list_box_append (self->warnings_list, row);
    }

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No warnings: the cycle covers every clause and "
                                       "applicable control, and no audit is overdue."));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (icon, "success");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->warnings_list, row);
    }

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->warnings_group),
                                   n > 0 ? _("Warnings") : _("Status"));
}

/* The timeline */

static void
on_audit_button_clicked_cb (GtkButton               *button,
                            AnnexAuditProgrammePage *self)
{
  const gint64 *id = g_object_get_data (G_OBJECT (button), "audit-id");

  if (id != NULL)
    activate_audit (self, *id);
}

static GtkWidget *
create_audit_button (AnnexAuditProgrammePage *self,
                     AnnexAudit              *audit)
{
  GtkWidget *button = gtk_button_new_with_label (annex_record_get_reference (ANNEX_RECORD (audit)));
  g_autofree char *tooltip = dup_audit_tooltip (audit);
  g_autofree char *type_class = g_strconcat ("audit-", annex_audit_get_audit_type (audit), NULL);
  const char *status = annex_audit_get_status (audit);
  gint64 id = annex_record_get_id (ANNEX_RECORD (audit));

  gtk_widget_add_css_class (button, "audit-chip");
  gtk_widget_add_css_class (button, type_class);
  if (annex_audit_get_overdue (audit))
    gtk_widget_add_css_class (button, "audit-overdue");
  else if (g_strcmp0 (status, "reported") == 0 || g_strcmp0 (status, "closed") == 0)
    gtk_widget_add_css_class (button, "audit-done");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "audit-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_audit_button_clicked_cb), self, 0);
  return button;
}

static void
update_timeline (AnnexAuditProgrammePage *self)
{
  guint start_year = annex_audit_programme_get_start_year (self->programme);
  guint n_months = annex_audit_programme_get_n_months (self->programme);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int current = (g_date_time_get_year (now) - (int) start_year) * 12 +
                g_date_time_get_month (now) - 1;

  clear_container (GTK_WIDGET (self->timeline_grid));

  for (guint year = 0; year * 12 < n_months; year++)
    {
      g_autofree char *year_text = g_strdup_printf ("%u", start_year + year);
      GtkWidget *label = gtk_label_new (year_text);

      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, "timeline-year");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_grid_attach (self->timeline_grid, label, 0, year, 1, 1);

      for (guint m = 0; m < 12 && year * 12 + m < n_months; m++)
        {
          guint month = year * 12 + m;
          g_autoptr(GDateTime) date = g_date_time_new_local (start_year + year, m + 1, 1, 0, 0, 0);
          g_autofree char *name = g_date_time_format (date, "%b");
          g_autoptr(GArray) indexes = annex_audit_programme_dup_audits_in_month (self->programme,
                                                                                month);
          GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
          GtkWidget *month_label = gtk_label_new (name);

          gtk_widget_add_css_class (cell, "timeline-month");
          if ((int) month == current)
            {
              gtk_widget_add_css_class (cell, "current-month");
              gtk_widget_set_tooltip_text (cell, _("This month"));
            }
          gtk_widget_add_css_class (month_label, "caption");
          gtk_widget_add_css_class (month_label, "dim-label");
          gtk_box_append (GTK_BOX (cell), month_label);

          for (guint i = 0; indexes != NULL && i < indexes->len; i++)
            {
              AnnexAudit *audit = annex_audit_programme_get_audit (self->programme,
                                                                   g_array_index (indexes, guint,
                                                                                  i));

              gtk_box_append (GTK_BOX (cell), create_audit_button (self, audit));
            }
          gtk_grid_attach (self->timeline_grid, cell, m + 1, year, 1, 1);
        }
    }
}

/* The coverage matrix */

static GtkWidget *
create_cell (GtkWidget  *child,
             const char *css_class,
             gboolean    gap)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_add_css_class (cell, "coverage-cell");
  if (css_class != NULL)
    gtk_widget_add_css_class (cell, css_class);
  if (gap)
    gtk_widget_add_css_class (cell, "coverage-gap");
  if (child != NULL)
    gtk_box_append (GTK_BOX (cell), child);
  return cell;
}

static void
update_coverage (AnnexAuditProgrammePage *self)
{
  guint n_rows = 0;
  const AnnexCoverageRow *rows = annex_audit_programme_get_rows (self->programme, &n_rows);
  guint n_audits = annex_audit_programme_get_n_audits (self->programme);
  int grid_row = 1;

  clear_container (GTK_WIDGET (self->coverage_grid));
  self->n_gaps = 0;

  /* The header: one column per audit of the cycle. */
  gtk_grid_attach (self->coverage_grid, create_cell (NULL, "coverage-header", FALSE), 0, 0, 1, 1);
  for (guint a = 0; a < n_audits; a++)
    {
      AnnexAudit *audit = annex_audit_programme_get_audit (self->programme, a);
      GtkWidget *button = create_audit_button (self, audit);

      gtk_widget_add_css_class (button, "flat");
      gtk_grid_attach (self->coverage_grid, create_cell (button, "coverage-header", FALSE),
                       a + 1, 0, 1, 1);
    }
  if (n_audits == 0)
    {
      GtkWidget *label = gtk_label_new (_("No audits in this cycle yet"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->coverage_grid, create_cell (label, "coverage-header", FALSE),
                       1, 0, 1, 1);
    }

  for (guint r = 0; r < n_rows; r++)
    {
      const AnnexCoverageRow *row = &rows[r];
      gboolean gap;
      g_autofree char *text = NULL;
      GtkWidget *label, *box;

      /* The matrix shows the main clauses and the themes; their warnings name the details. */
      if (row->kind != ANNEX_COVERAGE_CLAUSE && row->kind != ANNEX_COVERAGE_THEME)
        continue;

      gap = annex_audit_programme_row_is_gap (self->programme, r);
      if (gap)
        self->n_gaps++;

      text = row->kind == ANNEX_COVERAGE_CLAUSE ? g_strdup_printf ("%s  %s", row->id, row->title)
                                                : g_strdup (row->title);
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      label = gtk_label_new (text);
      /* Not wrapped: the matrix scrolls sideways when narrow, and a wrapped label in a
       * scrolled grid asks for the height of its narrowest layout. */
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
      if (gap)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          gtk_widget_set_tooltip_text (icon, _("Not covered by any audit of the cycle"));
          gtk_box_append (GTK_BOX (box), icon);
        }
      gtk_grid_attach (self->coverage_grid,
                       create_cell (box, row->kind == ANNEX_COVERAGE_THEME ? "coverage-theme"
                                                                           : "coverage-label",
                                    gap),
                       0, grid_row, 1, 1);

      for (guint a = 0; a < n_audits; a++)
        {
          GtkWidget *mark = NULL;

          if (annex_audit_programme_covers (self->programme, r, a))
            {
              AnnexAudit *audit = annex_audit_programme_get_audit (self->programme, a);
              /* Translators: the tooltip of a mark of the coverage matrix: "Sampled by
               * IA-2026-01" */
              g_autofree char *tip = g_strdup_printf (_("Sampled by %s"),
                                                      annex_record_get_reference (ANNEX_RECORD (audit)));

              mark = gtk_image_new_from_icon_name ("object-select-symbolic");
              gtk_widget_set_tooltip_text (mark, tip);
              gtk_accessible_update_property (GTK_ACCESSIBLE (mark),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
              gtk_widget_add_css_class (mark, "coverage-mark");
              gtk_widget_set_hexpand (mark, TRUE);
            }
          gtk_grid_attach (self->coverage_grid, create_cell (mark, "coverage-value", gap),
                           a + 1, grid_row, 1, 1);
        }
      if (n_audits == 0)
        gtk_grid_attach (self->coverage_grid, create_cell (NULL, "coverage-value", gap),
                         1, grid_row, 1, 1);
      grid_row++;
    }
}

static void
update_cycle_row (AnnexAuditProgrammePage *self)
{
  guint start = annex_audit_programme_get_start_year (self->programme);
  guint years = annex_audit_programme_get_years (self->programme);
  guint n_audits = annex_audit_programme_get_n_audits (self->programme);
  g_autofree char *audits = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u audit",
                                                          "%u audits", n_audits), n_audits);
  g_autofree char *subtitle = NULL;

  /* Translators: the certification cycle's years and its number of audits:
   * "2026 – 2028 · 4 audits" */
  subtitle = g_strdup_printf (_("%u – %u · %s"), start, start + years - 1, audits);
  adw_action_row_set_subtitle (self->cycle_row, subtitle);

  self->updating = TRUE;
  gtk_adjustment_set_value (self->year_adjustment, start);
  self->updating = FALSE;
}

static void
do_update (AnnexAuditProgrammePage *self)
{
  AnnexDatabase *db = get_database (self);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->update_source, g_source_remove);

  gtk_widget_set_sensitive (GTK_WIDGET (self->year_spin), db != NULL);
  if (db == NULL)
    {
      g_clear_object (&self->programme);
      self->programme = annex_audit_programme_new ();
    }
  else if (!annex_audit_programme_compute (self->programme, db, G_LIST_MODEL (self->audits), NULL,
                                           &error))
    g_warning ("Could not compute the audit programme: %s", error->message);

  update_cycle_row (self);
  update_warnings (self);
  update_timeline (self);
  update_coverage (self);
}

static gboolean
update_idle_cb (gpointer user_data)
{
  AnnexAuditProgrammePage *self = user_data;

  self->update_source = 0;
  do_update (self);
  return G_SOURCE_REMOVE;
}

static void
queue_update (AnnexAuditProgrammePage *self)
{
  if (self->update_source != 0)
    return;

  self->update_source = g_idle_add_full (G_PRIORITY_LOW, update_idle_cb, self, NULL);
  g_source_set_name_by_id (self->update_source, "[annex] audit programme update");
}

/* Signal callbacks */

static void
on_database_changed_cb (AnnexAuditProgrammePage *self,
                        const char              *table)
{
  static const char * const tables[] = {
    "audits", "links", "controls", "requirements", "workspace", NULL
  };

  if (table != NULL && g_strv_contains (tables, table))
    queue_update (self);
}

static void
on_year_changed_cb (AnnexAuditProgrammePage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;

  if (!annex_audit_programme_page_set_start_year (self,
                                                  (guint) gtk_spin_button_get_value_as_int (self->year_spin),
                                                  &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not change the cycle: %s"),
                                               error->message);
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      g_autoptr(AdwToast) toast = adw_toast_new (escaped);

      g_signal_emit (self, signals[ADD_TOAST], 0, toast);
    }
}

static void
on_warning_activated_cb (AnnexAuditProgrammePage *self,
                         GtkListBoxRow           *row)
{
  const gint64 *id = g_object_get_data (G_OBJECT (row), "audit-id");

  if (id != NULL)
    activate_audit (self, *id);
}

/* GObject */

static void
annex_audit_programme_page_dispose (GObject *object)
{
  AnnexAuditProgrammePage *self = ANNEX_AUDIT_PROGRAMME_PAGE (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->database_signals != NULL)
    g_signal_group_set_target (self->database_signals, NULL);
  if (self->audits_signals != NULL)
    g_signal_group_set_target (self->audits_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_AUDIT_PROGRAMME_PAGE);

  g_clear_object (&self->database_signals);
  g_clear_object (&self->audits_signals);
  g_clear_object (&self->audits);
  g_clear_object (&self->programme);

  G_OBJECT_CLASS (annex_audit_programme_page_parent_class)->dispose (object);
}

static void
annex_audit_programme_page_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  AnnexAuditProgrammePage *self = ANNEX_AUDIT_PROGRAMME_PAGE (object);

  switch (prop_id)
    {
    case PROP_AUDITS:
      g_value_set_object (value, self->audits);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_audit_programme_page_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  AnnexAuditProgrammePage *self = ANNEX_AUDIT_PROGRAMME_PAGE (object);

  switch (prop_id)
    {
    case PROP_AUDITS:
      annex_audit_programme_page_set_audits (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_audit_programme_page_class_init (AnnexAuditProgrammePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = annex_audit_programme_page_dispose;
  object_class->get_property = annex_audit_programme_page_get_property;
  object_class->set_property = annex_audit_programme_page_set_property;

  properties[PROP_AUDITS] =
    g_param_spec_object ("audits", NULL, NULL, ANNEX_TYPE_REGISTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[AUDIT_ACTIVATED] =
    g_signal_new ("audit-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, ANNEX_TYPE_AUDIT);
  signals[ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (ANNEX_TYPE_CLAUSE_GUIDE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH
                                               "/ui/annex-audit-programme-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexAuditProgrammePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, AnnexAuditProgrammePage, cycle_row);
  gtk_widget_class_bind_template_child (widget_class, AnnexAuditProgrammePage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, AnnexAuditProgrammePage, year_adjustment);
  gtk_widget_class_bind_template_child (widget_class, AnnexAuditProgrammePage, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, AnnexAuditProgrammePage, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, AnnexAuditProgrammePage, timeline_grid);
  gtk_widget_class_bind_template_child (widget_class, AnnexAuditProgrammePage, coverage_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_year_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_warning_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
annex_audit_programme_page_init (AnnexAuditProgrammePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->programme = annex_audit_programme_new ();

  self->database_signals = g_signal_group_new (ANNEX_TYPE_DATABASE);
  g_signal_group_connect_swapped (self->database_signals, "changed",
                                  G_CALLBACK (on_database_changed_cb), self);
  self->audits_signals = g_signal_group_new (ANNEX_TYPE_REGISTER);
  g_signal_group_connect_data (self->audits_signals, "items-changed",
                               G_CALLBACK (queue_update), self, NULL,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_group_connect_swapped (self->audits_signals, "notify::loaded",
                                  G_CALLBACK (queue_update), self);

  do_update (self);
}

/* Public API */

GtkWidget *
annex_audit_programme_page_new (void)
{
  return g_object_new (ANNEX_TYPE_AUDIT_PROGRAMME_PAGE, NULL);
}

AnnexRegister *
annex_audit_programme_page_get_audits (AnnexAuditProgrammePage *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT_PROGRAMME_PAGE (self), NULL);

  return self->audits;
}

void
annex_audit_programme_page_set_audits (AnnexAuditProgrammePage *self,
                                       AnnexRegister           *audits)
{
  g_return_if_fail (ANNEX_IS_AUDIT_PROGRAMME_PAGE (self));
  g_return_if_fail (audits == NULL || ANNEX_IS_REGISTER (audits));

  if (!g_set_object (&self->audits, audits))
    return;

  g_signal_group_set_target (self->audits_signals, audits);
  g_signal_group_set_target (self->database_signals, get_database (self));
  queue_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDITS]);
}

AnnexAuditProgramme *
annex_audit_programme_page_get_programme (AnnexAuditProgrammePage *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT_PROGRAMME_PAGE (self), NULL);

  return self->programme;
}

void
annex_audit_programme_page_update (AnnexAuditProgrammePage *self)
{
  g_return_if_fail (ANNEX_IS_AUDIT_PROGRAMME_PAGE (self));

  do_update (self);
}

gboolean
annex_audit_programme_page_set_start_year (AnnexAuditProgrammePage  *self,
                                           guint                     year,
                                           GError                  **error)
{
  AnnexDatabase *db;

  g_return_val_if_fail (ANNEX_IS_AUDIT_PROGRAMME_PAGE (self), FALSE);

  db = get_database (self);
  if (db == NULL)
    return TRUE;

  if (!annex_audit_cycle_set (db, year, annex_audit_cycle_get_years (db), error))
    {
      queue_update (self);
      return FALSE;
    }

  return TRUE;
}

guint
annex_audit_programme_page_get_n_warnings (AnnexAuditProgrammePage *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT_PROGRAMME_PAGE (self), 0);

  return self->n_warnings;
}

guint
annex_audit_programme_page_get_n_gaps (AnnexAuditProgrammePage *self)
{
  g_return_val_if_fail (ANNEX_IS_AUDIT_PROGRAMME_PAGE (self), 0);

  return self->n_gaps;
}
