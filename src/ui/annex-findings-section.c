/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-findings-section.c: an audit's findings in its editor: the list, the finding dialog (a
 * record editor), "Raise Nonconformity" in one step and delete with Undo. */

#define G_LOG_DOMAIN "annex-findings-section"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-audit.h"
#include "annex-findings-section.h"

struct _AnnexFindingsSection
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkWidget          *box;
  GtkListBox         *list;
  GtkLabel           *empty_label;

  /* owned */
  AnnexRecord        *audit;
  AnnexRegister      *findings;
  AnnexRegister      *nonconformities;
  GtkFilterListModel *model;
  GtkCustomFilter    *filter;
  GSignalGroup       *audit_signals;
  GSignalGroup       *nc_signals;

  /* borrowed */
  AnnexRecordEditor  *editor;          /* weak */
};

G_DEFINE_FINAL_TYPE (AnnexFindingsSection, annex_findings_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_AUDIT,
  PROP_N_FINDINGS,
  N_PROPS
};

enum {
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Auxiliary functions */

static gint64
audit_id (AnnexFindingsSection *self)
{
  return self->audit != NULL ? annex_record_get_id (self->audit) : 0;
}

static void
emit_toast (AnnexFindingsSection *self,
            AdwToast             *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void emit_error_toast (AnnexFindingsSection *self,
                              const char           *format,
                              ...) G_GNUC_PRINTF (2, 3);

static void
emit_error_toast (AnnexFindingsSection *self,
                  const char           *format,
                  ...)
{
  va_list args;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(AdwToast) toast = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 5);
  emit_toast (self, toast);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  AnnexFindingsSection *self = user_data;
  gint64 id = audit_id (self);

  return id > 0 && annex_finding_get_audit_id (ANNEX_FINDING (item)) == id;
}

static void
update_visibility (AnnexFindingsSection *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  gtk_widget_set_visible (GTK_WIDGET (self), audit_id (self) > 0 && self->findings != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "findings.add", audit_id (self) > 0);
}

/* Rows */

static void
update_row (AnnexFinding *finding,
            GParamSpec   *pspec,
            GtkWidget    *row)
{
  AnnexFindingsSection *self = g_object_get_data (G_OBJECT (row), "section");
  GtkLabel *heading = g_object_get_data (G_OBJECT (row), "heading");
  GtkLabel *description = g_object_get_data (G_OBJECT (row), "description");
  GtkButton *raise = g_object_get_data (G_OBJECT (row), "raise-button");
  GtkButton *open = g_object_get_data (G_OBJECT (row), "open-button");
  AnnexRecordClass *klass = ANNEX_RECORD_GET_CLASS (finding);
  const char *concerns = annex_finding_get_concerns (finding);
  const char *text = annex_finding_get_description (finding);
  const char *classification;
  AnnexNonconformity *nc;
  g_autoptr(GString) title = g_string_new (annex_record_get_reference (ANNEX_RECORD (finding)));
  guint index = 0;

  annex_record_class_find_field (klass, "classification", &index);
  classification = annex_record_get_choice_label (ANNEX_RECORD (finding), index);
  if (classification != NULL)
    {
      g_string_append (title, _(" · "));
      g_string_append (title, classification);
    }
  if (concerns != NULL)
    {
      g_string_append (title, _(" · "));
      g_string_append (title, concerns);
    }
  gtk_label_set_text (heading, title->str);
  gtk_label_set_text (description, text != NULL ? text : _("No description yet."));

  if (annex_finding_is_nonconformity (finding))
    {
      gtk_widget_add_css_class (GTK_WIDGET (heading), "finding-nonconformity");
      gtk_widget_remove_css_class (GTK_WIDGET (heading), "finding-other");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (heading), "finding-other");
      gtk_widget_remove_css_class (GTK_WIDGET (heading), "finding-nonconformity");
    }

  nc = self != NULL ? annex_findings_section_find_nonconformity (self, finding) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (raise), nc == NULL && self != NULL &&
                          self->nonconformities != NULL &&
                          annex_finding_is_nonconformity (finding));
  gtk_widget_set_visible (GTK_WIDGET (open), nc != NULL);
  if (nc != NULL)
    {
      /* Translators: a finding's button opening the nonconformity raised from it */
      g_autofree char *label = g_strdup_printf (_("Nonconformity %s"),
                                                annex_record_get_reference (ANNEX_RECORD (nc)));

      gtk_button_set_label (open, label);
      g_object_set_data (G_OBJECT (open), "nc-id",
                         GSIZE_TO_POINTER ((gsize) annex_record_get_id (ANNEX_RECORD (nc))));
    }
}

static void
on_raise_clicked_cb (GtkButton *button,
                     GtkWidget *row)
{
  AnnexFindingsSection *self = g_object_get_data (G_OBJECT (row), "section");
  AnnexFinding *finding = g_object_get_data (G_OBJECT (row), "finding");
  g_autoptr(GError) error = NULL;

  if (self != NULL && finding != NULL &&
      annex_findings_section_raise_nonconformity (self, finding, &error) == NULL)
    emit_error_toast (self, _("Could not raise the nonconformity: %s"), error->message);
}

static void
on_open_clicked_cb (GtkButton *button,
                    GtkWidget *row)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "nc-id"));

  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (button), "win.show-record", "(sx)",
                                "nonconformities", id);
}

static void
on_delete_clicked_cb (GtkButton *button,
                      GtkWidget *row)
{
  AnnexFindingsSection *self = g_object_get_data (G_OBJECT (row), "section");
  AnnexFinding *finding = g_object_get_data (G_OBJECT (row), "finding");
  g_autoptr(GError) error = NULL;

  if (self != NULL && finding != NULL && !annex_findings_section_delete (self, finding, &error))
    emit_error_toast (self, _("Could not delete the finding: %s"), error->message);
}

static GtkWidget *
create_row (gpointer object,
            gpointer user_data)
{
  AnnexFindingsSection *self = user_data;
  AnnexFinding *finding = ANNEX_FINDING (object);
  GtkWidget *row, *box, *label, *buttons, *button;

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "finding-row");
  g_object_set_data (G_OBJECT (row), "section", self);
  g_object_set_data_full (G_OBJECT (row), "finding", g_object_ref (finding), g_object_unref);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (row), "heading", label);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (row), "description", label);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (buttons, 4);

  button = gtk_button_new_with_mnemonic (_("Raise _Nonconformity"));
  gtk_widget_set_tooltip_text (button, _("Record a nonconformity from this finding and open it "
                                         "in the Improvement view"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_raise_clicked_cb), row, 0);
  gtk_box_append (GTK_BOX (buttons), button);
  g_object_set_data (G_OBJECT (row), "raise-button", button);

  button = gtk_button_new ();
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Open the nonconformity in the Improvement view"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_open_clicked_cb), row, 0);
  gtk_box_append (GTK_BOX (buttons), button);
  g_object_set_data (G_OBJECT (row), "open-button", button);

  label = gtk_label_new (NULL);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (buttons), label);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete Finding"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete Finding"), -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_clicked_cb), row, 0);
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  update_row (finding, NULL, row);
  g_signal_connect_object (finding, "notify", G_CALLBACK (update_row), row, 0);
  return row;
}

/* The finding dialog */

typedef struct
{
  AnnexFindingsSection *section;   /* weak */
  AnnexRecordEditor    *editor;
  AdwWindowTitle       *title;
  GtkWidget            *cancel_button;
  GtkWidget            *add_button;
  GtkWidget            *done_button;
} DialogData;

static void
dialog_data_free (gpointer data)
{
  DialogData *dialog_data = data;

  g_clear_weak_pointer (&dialog_data->section);
  g_free (dialog_data);
}

static gboolean
finding_field_visible (AnnexRecord      *record,
                       const AnnexField *field,
                       gpointer          user_data)
{
  return field->type != ANNEX_FIELD_INT;
}

static void
update_dialog (GtkWindow *dialog)
{
  DialogData *data = g_object_get_data (G_OBJECT (dialog), "dialog-data");
  AnnexRecord *record = annex_record_editor_get_record (data->editor);
  gboolean saved = record != NULL && annex_record_get_id (record) > 0;

  adw_window_title_set_title (data->title, saved ? _("Finding") : _("New Finding"));
  adw_window_title_set_subtitle (data->title, saved ? annex_record_get_reference (record) : NULL);
  gtk_widget_set_visible (data->cancel_button, !saved);
  gtk_widget_set_visible (data->add_button, !saved);
  gtk_widget_set_visible (data->done_button, saved);
  gtk_window_set_default_widget (dialog, saved ? data->done_button : data->add_button);
}

static void
on_dialog_add_clicked_cb (GtkWindow *dialog)
{
  DialogData *data = g_object_get_data (G_OBJECT (dialog), "dialog-data");
  AnnexRecord *record = annex_record_editor_get_record (data->editor);
  g_autoptr(GError) error = NULL;

  if (data->section == NULL || data->section->findings == NULL || record == NULL)
    return;

  if (!annex_register_add (data->section->findings, record, &error))
    {
      emit_error_toast (data->section, _("Could not add the finding: %s"), error->message);
      return;
    }

  gtk_window_close (dialog);
}

static void
on_dialog_add_toast_cb (AnnexRecordEditor *editor,
                        AdwToast          *toast,
                        GtkWindow         *dialog)
{
  DialogData *data = g_object_get_data (G_OBJECT (dialog), "dialog-data");

  if (data->section != NULL)
    emit_toast (data->section, toast);
}

static gboolean
on_dialog_close_request_cb (GtkWindow *dialog)
{
  DialogData *data = g_object_get_data (G_OBJECT (dialog), "dialog-data");
  AnnexRecord *record = annex_record_editor_get_record (data->editor);

  if (record != NULL && annex_record_get_id (record) > 0)
    annex_record_editor_flush (data->editor);
  annex_record_editor_set_record (data->editor, NULL);
  return FALSE;
}

static void
dialog_delete_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkWindow *dialog = user_data;
  DialogData *data = g_object_get_data (G_OBJECT (dialog), "dialog-data");
  g_autoptr(AnnexRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  if (data->section == NULL || annex_record_editor_get_record (data->editor) == NULL)
    return;

  record = g_object_ref (annex_record_editor_get_record (data->editor));
  annex_record_editor_flush (data->editor);
  annex_record_editor_set_record (data->editor, NULL);
  if (!annex_findings_section_delete (data->section, ANNEX_FINDING (record), &error))
    {
      emit_error_toast (data->section, _("Could not delete the finding: %s"), error->message);
      annex_record_editor_set_record (data->editor, record);
      return;
    }

  gtk_window_destroy (dialog);
}

static GtkWindow *
create_dialog (AnnexFindingsSection *self,
               AnnexRecord          *record)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) delete_action = g_simple_action_new ("delete", NULL);
  DialogData *data = g_new0 (DialogData, 1);
  GtkWidget *dialog, *box, *header, *editor, *button;
  GtkShortcutController *shortcuts;

  dialog = adw_window_new ();
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 640);
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), FALSE);
  gtk_widget_add_css_class (dialog, "finding-dialog");

  g_set_weak_pointer (&data->section, self);
  g_object_set_data_full (G_OBJECT (dialog), "dialog-data", data, dialog_data_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  data->title = ADW_WINDOW_TITLE (adw_window_title_new (NULL, NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (data->title));

  button = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (gtk_window_close), dialog);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);
  data->cancel_button = button;

  button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_dialog_add_clicked_cb), dialog);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  data->add_button = button;

  button = gtk_button_new_with_mnemonic (_("_Done"));
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (gtk_window_close), dialog);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  data->done_button = button;

  gtk_box_append (GTK_BOX (box), header);

  editor = annex_record_editor_new ();
  gtk_widget_set_vexpand (editor, TRUE);
  data->editor = ANNEX_RECORD_EDITOR (editor);
  annex_record_editor_set_visible_func (data->editor, finding_field_visible, NULL, NULL);
  annex_record_editor_set_register (data->editor, self->findings);
  g_signal_connect_object (editor, "add-toast", G_CALLBACK (on_dialog_add_toast_cb), dialog, 0);
  gtk_box_append (GTK_BOX (box), editor);

  adw_window_set_content (ADW_WINDOW (dialog), box);

  g_object_bind_property (editor, "valid", data->add_button, "sensitive", G_BINDING_SYNC_CREATE);

  /* The editor's Delete button activates "register.delete", as in a register page. */
  g_signal_connect (delete_action, "activate", G_CALLBACK (dialog_delete_action), dialog);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (delete_action));
  gtk_widget_insert_action_group (dialog, "register", G_ACTION_GROUP (group));

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape,
                                                                                  0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (dialog, GTK_EVENT_CONTROLLER (shortcuts));

  g_signal_connect (dialog, "close-request", G_CALLBACK (on_dialog_close_request_cb), NULL);

  annex_record_editor_set_record (data->editor, record);
  update_dialog (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

/* Signal callbacks */

static void
on_list_row_activated_cb (AnnexFindingsSection *self,
                          GtkListBoxRow        *row)
{
  AnnexFinding *finding = g_object_get_data (G_OBJECT (row), "finding");

  if (finding != NULL)
    annex_findings_section_open_dialog (self, finding);
}

static void
on_model_items_changed_cb (AnnexFindingsSection *self)
{
  update_visibility (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FINDINGS]);
}

static void
on_editor_record_changed_cb (AnnexFindingsSection *self,
                             GParamSpec           *pspec,
                             AnnexRecordEditor    *editor)
{
  annex_findings_section_set_audit (self, annex_record_editor_get_record (editor));
}

static void
on_forward_toast_cb (AnnexFindingsSection *self,
                     AdwToast             *toast)
{
  if (self->editor != NULL)
    g_signal_emit_by_name (self->editor, "add-toast", toast);
}

static void
on_audit_id_changed_cb (AnnexFindingsSection *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_visibility (self);
}

/* A nonconformity raised or deleted changes the rows' buttons. */
static void
on_nonconformities_changed_cb (AnnexFindingsSection *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      AnnexFinding *finding = g_object_get_data (G_OBJECT (row), "finding");

      if (finding != NULL)
        update_row (finding, NULL, row);
    }
}

static void
on_undo_clicked_cb (AdwToast             *toast,
                    AnnexFindingsSection *self)
{
  AnnexRecord *record = g_object_get_data (G_OBJECT (toast), "annex-record");
  AnnexRegister *register_ = g_object_get_data (G_OBJECT (toast), "annex-register");
  g_autoptr(GError) error = NULL;

  if (record != NULL && register_ != NULL && !annex_register_restore (register_, record, &error))
    emit_error_toast (self, _("Could not restore the finding: %s"), error->message);
}

static void
on_toast_dismissed_cb (AdwToast *toast)
{
  g_object_set_data (G_OBJECT (toast), "annex-record", NULL);
  g_object_set_data (G_OBJECT (toast), "annex-register", NULL);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  annex_findings_section_open_dialog (ANNEX_FINDINGS_SECTION (widget), NULL);
}

/* GObject */

static void
annex_findings_section_dispose (GObject *object)
{
  AnnexFindingsSection *self = ANNEX_FINDINGS_SECTION (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_weak_pointer (&self->editor);
  if (self->audit_signals != NULL)
    g_signal_group_set_target (self->audit_signals, NULL);
  if (self->nc_signals != NULL)
    g_signal_group_set_target (self->nc_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_FINDINGS_SECTION);

  g_clear_object (&self->audit_signals);
  g_clear_object (&self->nc_signals);
  g_clear_object (&self->model);
  g_clear_object (&self->filter);
  g_clear_object (&self->audit);
  g_clear_object (&self->findings);
  g_clear_object (&self->nonconformities);

  G_OBJECT_CLASS (annex_findings_section_parent_class)->dispose (object);
}

static void
annex_findings_section_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AnnexFindingsSection *self = ANNEX_FINDINGS_SECTION (object);

  switch (prop_id)
    {
    case PROP_AUDIT:
      g_value_set_object (value, self->audit);
      break;
    case PROP_N_FINDINGS:
      g_value_set_uint (value, annex_findings_section_get_n_findings (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_findings_section_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AnnexFindingsSection *self = ANNEX_FINDINGS_SECTION (object);

  switch (prop_id)
    {
    case PROP_AUDIT:
      annex_findings_section_set_audit (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_findings_section_class_init (AnnexFindingsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = annex_findings_section_dispose;
  object_class->get_property = annex_findings_section_get_property;
  object_class->set_property = annex_findings_section_set_property;

  properties[PROP_AUDIT] =
    g_param_spec_object ("audit", NULL, NULL, ANNEX_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_FINDINGS] =
    g_param_spec_uint ("n-findings", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_install_action (widget_class, "findings.add", NULL, add_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH
                                               "/ui/annex-findings-section.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexFindingsSection, box);
  gtk_widget_class_bind_template_child (widget_class, AnnexFindingsSection, list);
  gtk_widget_class_bind_template_child (widget_class, AnnexFindingsSection, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
annex_findings_section_init (AnnexFindingsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_model_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->model), create_row, self, NULL);

  self->audit_signals = g_signal_group_new (ANNEX_TYPE_RECORD);
  g_signal_group_connect_swapped (self->audit_signals, "notify::id",
                                  G_CALLBACK (on_audit_id_changed_cb), self);
  self->nc_signals = g_signal_group_new (ANNEX_TYPE_REGISTER);
  g_signal_group_connect_swapped (self->nc_signals, "items-changed",
                                  G_CALLBACK (on_nonconformities_changed_cb), self);

  update_visibility (self);
}

/* Public API */

GtkWidget *
annex_findings_section_new (void)
{
  return g_object_new (ANNEX_TYPE_FINDINGS_SECTION, NULL);
}

void
annex_findings_section_attach (AnnexFindingsSection *self,
                               AnnexRecordEditor    *editor)
{
  g_return_if_fail (ANNEX_IS_FINDINGS_SECTION (self));
  g_return_if_fail (ANNEX_IS_RECORD_EDITOR (editor));

  annex_record_editor_add_section (editor, GTK_WIDGET (self));
  /* Not a GSignalGroup: the editor is disposed before the section. */
  g_set_weak_pointer (&self->editor, editor);
  g_signal_connect_object (editor, "notify::record", G_CALLBACK (on_editor_record_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "add-toast", G_CALLBACK (on_forward_toast_cb), NULL);
  annex_findings_section_set_audit (self, annex_record_editor_get_record (editor));
}

void
annex_findings_section_set_registers (AnnexFindingsSection *self,
                                      AnnexRegister        *findings,
                                      AnnexRegister        *nonconformities)
{
  g_return_if_fail (ANNEX_IS_FINDINGS_SECTION (self));
  g_return_if_fail (findings == NULL || ANNEX_IS_REGISTER (findings));
  g_return_if_fail (nonconformities == NULL || ANNEX_IS_REGISTER (nonconformities));

  if (g_set_object (&self->nonconformities, nonconformities))
    g_signal_group_set_target (self->nc_signals, nonconformities);
  if (g_set_object (&self->findings, findings))
    gtk_filter_list_model_set_model (self->model, G_LIST_MODEL (findings));

  on_nonconformities_changed_cb (self);
  update_visibility (self);
}

AnnexRecord *
annex_findings_section_get_audit (AnnexFindingsSection *self)
{
  g_return_val_if_fail (ANNEX_IS_FINDINGS_SECTION (self), NULL);

  return self->audit;
}

void
annex_findings_section_set_audit (AnnexFindingsSection *self,
                                  AnnexRecord          *audit)
{
  g_return_if_fail (ANNEX_IS_FINDINGS_SECTION (self));
  g_return_if_fail (audit == NULL || ANNEX_IS_RECORD (audit));

  if (audit != NULL && !ANNEX_IS_AUDIT (audit))
    audit = NULL;
  if (!g_set_object (&self->audit, audit))
    return;

  g_signal_group_set_target (self->audit_signals, audit);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_visibility (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIT]);
}

guint
annex_findings_section_get_n_findings (AnnexFindingsSection *self)
{
  g_return_val_if_fail (ANNEX_IS_FINDINGS_SECTION (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

GtkWindow *
annex_findings_section_open_dialog (AnnexFindingsSection *self,
                                    AnnexFinding         *finding)
{
  g_autoptr(AnnexRecord) record = NULL;
  GtkWindow *dialog;

  g_return_val_if_fail (ANNEX_IS_FINDINGS_SECTION (self), NULL);
  g_return_val_if_fail (finding == NULL || ANNEX_IS_FINDING (finding), NULL);

  if (self->findings == NULL || audit_id (self) <= 0)
    return NULL;

  record = finding != NULL ? g_object_ref (ANNEX_RECORD (finding))
                           : ANNEX_RECORD (annex_finding_new (audit_id (self)));
  dialog = create_dialog (self, record);
  gtk_window_present (dialog);
  return dialog;
}

AnnexNonconformity *
annex_findings_section_find_nonconformity (AnnexFindingsSection *self,
                                           AnnexFinding         *finding)
{
  const char *reference;
  guint n;

  g_return_val_if_fail (ANNEX_IS_FINDINGS_SECTION (self), NULL);
  g_return_val_if_fail (ANNEX_IS_FINDING (finding), NULL);

  reference = annex_record_get_reference (ANNEX_RECORD (finding));
  n = self->nonconformities != NULL
      ? g_list_model_get_n_items (G_LIST_MODEL (self->nonconformities)) : 0;
  for (guint i = 0; reference != NULL && i < n; i++)
    {
      g_autoptr(AnnexNonconformity) nc = g_list_model_get_item (G_LIST_MODEL (self->nonconformities),
                                                                i);

      if (g_strcmp0 (annex_nonconformity_get_source (nc), "audit") == 0 &&
          g_strcmp0 (annex_nonconformity_get_source_reference (nc), reference) == 0)
        return nc;
    }

  return NULL;
}

AnnexNonconformity *
annex_findings_section_raise_nonconformity (AnnexFindingsSection  *self,
                                            AnnexFinding          *finding,
                                            GError               **error)
{
  AnnexNonconformity *nc;

  g_return_val_if_fail (ANNEX_IS_FINDINGS_SECTION (self), NULL);
  g_return_val_if_fail (ANNEX_IS_FINDING (finding), NULL);
  g_return_val_if_fail (self->nonconformities != NULL, NULL);

  if (self->editor != NULL)
    annex_record_editor_flush (self->editor);

  nc = annex_nonconformity_raise_from_finding (finding, self->nonconformities, error);
  if (nc == NULL)
    return NULL;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sx)", "nonconformities",
                              annex_record_get_id (ANNEX_RECORD (nc)));
  return nc;
}

gboolean
annex_findings_section_delete (AnnexFindingsSection  *self,
                               AnnexFinding          *finding,
                               GError               **error)
{
  g_autoptr(AnnexRecord) record = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (ANNEX_IS_FINDINGS_SECTION (self), FALSE);
  g_return_val_if_fail (ANNEX_IS_FINDING (finding), FALSE);
  g_return_val_if_fail (self->findings != NULL, FALSE);

  record = g_object_ref (ANNEX_RECORD (finding));
  if (!annex_register_remove (self->findings, record, error))
    return FALSE;

  /* Translators: a toast after deleting a finding; %s is its reference */
  title = g_strdup_printf (_("Finding %s deleted"), annex_record_get_reference (record));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "annex-record", g_object_ref (record),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "annex-register", g_object_ref (self->findings),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
  g_signal_connect (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), NULL);
  emit_toast (self, toast);

  return TRUE;
}
