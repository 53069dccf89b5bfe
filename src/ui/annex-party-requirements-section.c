/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-party-requirements-section.c: a party's requirements in its editor: the list, the
 * requirement dialog (a record editor with the linked controls) and delete with Undo. */

#define G_LOG_DOMAIN "annex-party-requirements-section"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-link-section.h"
#include "annex-party-requirement.h"
#include "annex-party-requirements-section.h"
#include "annex-toast.h"

struct _AnnexPartyRequirementsSection
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkWidget          *box;
  GtkListBox         *list;
  GtkLabel           *empty_label;

  /* owned */
  AnnexRecord        *party;
  AnnexRegister      *requirements;
  AnnexRegister      *controls;
  GtkFilterListModel *model;
  GtkCustomFilter    *filter;
  AnnexRecordEditor  *editor;          /* weak */
  GSignalGroup       *party_signals;
};

G_DEFINE_FINAL_TYPE (AnnexPartyRequirementsSection, annex_party_requirements_section,
                     GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PARTY,
  PROP_REQUIREMENTS,
  PROP_CONTROLS,
  PROP_N_REQUIREMENTS,
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
party_id (AnnexPartyRequirementsSection *self)
{
  return self->party != NULL ? annex_record_get_id (self->party) : 0;
}

static void
emit_toast (AnnexPartyRequirementsSection *self,
            AdwToast                      *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
emit_error_toast (AnnexPartyRequirementsSection *self,
                  const GError                  *error)
{
  g_autoptr(AdwToast) toast = annex_toast_new_for_error (error);

  emit_toast (self, toast);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  AnnexPartyRequirementsSection *self = user_data;
  gint64 id = party_id (self);

  return id > 0 && annex_party_requirement_get_party_id (ANNEX_PARTY_REQUIREMENT (item)) == id;
}

static void
update_visibility (AnnexPartyRequirementsSection *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;

  gtk_widget_set_visible (GTK_WIDGET (self), party_id (self) > 0 && self->requirements != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "requirements.add", party_id (self) > 0);
}

/* "Legal or regulatory · Addressed: partly" */
static void
update_row_subtitle (AnnexRecord *requirement,
                     GParamSpec  *pspec,
                     AdwActionRow *row)
{
  AnnexRecordClass *klass = ANNEX_RECORD_GET_CLASS (requirement);
  guint type_index = 0, addressed_index = 0;
  const char *type, *addressed;
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;

  annex_record_class_find_field (klass, "type", &type_index);
  annex_record_class_find_field (klass, "addressed", &addressed_index);
  type = annex_record_get_choice_label (requirement, type_index);
  addressed = annex_record_get_choice_label (requirement, addressed_index);

  /* Translators: under a party requirement: its type, then whether the ISMS addresses it
   * ("Contractual · Addressed: Partly") */
  subtitle = g_strdup_printf (_("%s · Addressed: %s"), type != NULL ? type : "",
                              addressed != NULL ? addressed : "");
  escaped = g_markup_escape_text (subtitle, -1);
  adw_action_row_set_subtitle (row, escaped);
}

static void
on_row_delete_clicked_cb (GtkButton                     *button,
                          AnnexPartyRequirementsSection *self)
{
  AnnexRecord *requirement = g_object_get_data (G_OBJECT (button), "requirement");
  g_autoptr(GError) error = NULL;

  if (requirement != NULL &&
      !annex_party_requirements_section_delete (self, requirement, &error))
    emit_error_toast (self, error);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  AnnexPartyRequirementsSection *self = user_data;
  AnnexRecord *requirement = ANNEX_RECORD (item);
  GtkWidget *row, *button, *icon;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_bind_property (requirement, "requirement", row, "title", G_BINDING_SYNC_CREATE);
  g_object_set_data_full (G_OBJECT (row), "requirement", g_object_ref (requirement),
                          g_object_unref);
  g_signal_connect_object (requirement, "notify", G_CALLBACK (update_row_subtitle), row, 0);
  update_row_subtitle (requirement, NULL, ADW_ACTION_ROW (row));

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete Requirement"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete Requirement"), -1);
  g_object_set_data (G_OBJECT (button), "requirement", requirement);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_row_delete_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  icon = gtk_image_new_from_icon_name ("go-next-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);

  return row;
}

/* The requirement dialog */

typedef struct
{
  AnnexPartyRequirementsSection *section;   /* weak */
  AnnexRecordEditor             *editor;
  AdwWindowTitle                *title;
  GtkWidget                     *cancel_button;
  GtkWidget                     *add_button;
  GtkWidget                     *done_button;
} DialogData;

static void
dialog_data_free (gpointer data)
{
  DialogData *dialog_data = data;

  g_clear_weak_pointer (&dialog_data->section);
  g_free (dialog_data);
}

static gboolean
requirement_field_visible (AnnexRecord      *record,
                           const AnnexField *field,
                           gpointer          user_data)
{
  return !g_str_equal (field->name, "party-id");
}

static void
update_dialog (GtkWindow *dialog)
{
  DialogData *data = g_object_get_data (G_OBJECT (dialog), "dialog-data");
  AnnexRecord *record = annex_record_editor_get_record (data->editor);
  gboolean saved = record != NULL && annex_record_get_id (record) > 0;

  adw_window_title_set_title (data->title, saved ? _("Requirement") : _("New Requirement"));
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

  if (data->section == NULL || data->section->requirements == NULL || record == NULL)
    return;

  if (!annex_register_add (data->section->requirements, record, &error))
    {
      emit_error_toast (data->section, error);
      return;
    }

  /* The dialog stays open on the saved requirement: now its controls can be linked. */
  annex_record_editor_refresh (data->editor);
  update_dialog (dialog);
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
  if (!annex_party_requirements_section_delete (data->section, record, &error))
    {
      emit_error_toast (data->section, error);
      annex_record_editor_set_record (data->editor, record);
      return;
    }

  gtk_window_destroy (dialog);
}

static GtkWindow *
create_dialog (AnnexPartyRequirementsSection *self,
               AnnexRecord                   *record)
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
  gtk_widget_add_css_class (dialog, "requirement-dialog");

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
  annex_record_editor_set_visible_func (data->editor, requirement_field_visible, NULL, NULL);
  annex_record_editor_set_register (data->editor, self->requirements);
  g_signal_connect_object (editor, "add-toast", G_CALLBACK (on_dialog_add_toast_cb), dialog, 0);
  if (self->controls != NULL)
    {
      GtkWidget *links = annex_link_section_new (_("Controls"), self->controls,
                                                 ANNEX_LINK_FROM_RECORD);

      annex_link_section_set_empty_text (ANNEX_LINK_SECTION (links),
                                         _("No controls linked yet: add the Annex A controls "
                                           "that meet this requirement."));
      annex_link_section_attach (ANNEX_LINK_SECTION (links), data->editor);
    }
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
on_list_row_activated_cb (AnnexPartyRequirementsSection *self,
                          GtkListBoxRow                 *row)
{
  AnnexRecord *requirement = g_object_get_data (G_OBJECT (row), "requirement");

  if (requirement != NULL)
    annex_party_requirements_section_open_dialog (self, requirement);
}

static void
on_model_items_changed_cb (AnnexPartyRequirementsSection *self)
{
  update_visibility (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_REQUIREMENTS]);
}

static void
on_editor_record_changed_cb (AnnexPartyRequirementsSection *self,
                             GParamSpec                    *pspec,
                             AnnexRecordEditor             *editor)
{
  annex_party_requirements_section_set_party (self, annex_record_editor_get_record (editor));
}

static void
on_forward_toast_cb (AnnexPartyRequirementsSection *self,
                     AdwToast                      *toast)
{
  if (self->editor != NULL)
    g_signal_emit_by_name (self->editor, "add-toast", toast);
}

static void
on_party_id_changed_cb (AnnexPartyRequirementsSection *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_visibility (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  annex_party_requirements_section_open_dialog (ANNEX_PARTY_REQUIREMENTS_SECTION (widget), NULL);
}

static void
on_undo_clicked_cb (AdwToast                      *toast,
                    AnnexPartyRequirementsSection *self)
{
  AnnexRecord *record = g_object_get_data (G_OBJECT (toast), "annex-record");
  AnnexRegister *register_ = g_object_get_data (G_OBJECT (toast), "annex-register");
  g_autoptr(GError) error = NULL;

  if (record != NULL && register_ != NULL && !annex_register_restore (register_, record, &error))
    emit_error_toast (self, error);
}

static void
on_toast_dismissed_cb (AdwToast *toast)
{
  g_object_set_data (G_OBJECT (toast), "annex-record", NULL);
  g_object_set_data (G_OBJECT (toast), "annex-register", NULL);
}

/* GObject */

static void
annex_party_requirements_section_dispose (GObject *object)
{
  AnnexPartyRequirementsSection *self = ANNEX_PARTY_REQUIREMENTS_SECTION (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_weak_pointer (&self->editor);
  if (self->party_signals != NULL)
    g_signal_group_set_target (self->party_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_PARTY_REQUIREMENTS_SECTION);

  g_clear_object (&self->party_signals);
  g_clear_object (&self->model);
  g_clear_object (&self->filter);
  g_clear_object (&self->party);
  g_clear_object (&self->requirements);
  g_clear_object (&self->controls);

  G_OBJECT_CLASS (annex_party_requirements_section_parent_class)->dispose (object);
}

static void
annex_party_requirements_section_get_property (GObject    *object,
                                               guint       prop_id,
                                               GValue     *value,
                                               GParamSpec *pspec)
{
  AnnexPartyRequirementsSection *self = ANNEX_PARTY_REQUIREMENTS_SECTION (object);

  switch (prop_id)
    {
    case PROP_PARTY:
      g_value_set_object (value, self->party);
      break;
    case PROP_REQUIREMENTS:
      g_value_set_object (value, self->requirements);
      break;
    case PROP_CONTROLS:
      g_value_set_object (value, self->controls);
      break;
    case PROP_N_REQUIREMENTS:
      g_value_set_uint (value, annex_party_requirements_section_get_n_requirements (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_party_requirements_section_set_property (GObject      *object,
                                               guint         prop_id,
                                               const GValue *value,
                                               GParamSpec   *pspec)
{
  AnnexPartyRequirementsSection *self = ANNEX_PARTY_REQUIREMENTS_SECTION (object);

  switch (prop_id)
    {
    case PROP_PARTY:
      annex_party_requirements_section_set_party (self, g_value_get_object (value));
      break;
    case PROP_REQUIREMENTS:
      annex_party_requirements_section_set_registers (self, g_value_get_object (value),
                                                      self->controls);
      break;
    case PROP_CONTROLS:
      annex_party_requirements_section_set_registers (self, self->requirements,
                                                      g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_party_requirements_section_class_init (AnnexPartyRequirementsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = annex_party_requirements_section_dispose;
  object_class->get_property = annex_party_requirements_section_get_property;
  object_class->set_property = annex_party_requirements_section_set_property;

  properties[PROP_PARTY] =
    g_param_spec_object ("party", NULL, NULL, ANNEX_TYPE_RECORD, rw);
  properties[PROP_REQUIREMENTS] =
    g_param_spec_object ("requirements", NULL, NULL, ANNEX_TYPE_REGISTER, rw);
  properties[PROP_CONTROLS] =
    g_param_spec_object ("controls", NULL, NULL, ANNEX_TYPE_REGISTER, rw);
  properties[PROP_N_REQUIREMENTS] =
    g_param_spec_uint ("n-requirements", NULL, NULL, 0, G_MAXUINT, 0,
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

  gtk_widget_class_install_action (widget_class, "requirements.add", NULL, add_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH
                                               "/ui/annex-party-requirements-section.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexPartyRequirementsSection, box);
  gtk_widget_class_bind_template_child (widget_class, AnnexPartyRequirementsSection, list);
  gtk_widget_class_bind_template_child (widget_class, AnnexPartyRequirementsSection,
                                        empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
annex_party_requirements_section_init (AnnexPartyRequirementsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_model_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->model), create_row, self, NULL);


  /* A party added from the editor gets its id: the section then appears. */
  self->party_signals = g_signal_group_new (ANNEX_TYPE_RECORD);
  g_signal_group_connect_swapped (self->party_signals, "notify::id",
                                  G_CALLBACK (on_party_id_changed_cb), self);

  update_visibility (self);
}

/* Public API */

GtkWidget *
annex_party_requirements_section_new (void)
{
  return g_object_new (ANNEX_TYPE_PARTY_REQUIREMENTS_SECTION, NULL);
}

void
annex_party_requirements_section_attach (AnnexPartyRequirementsSection *self,
                                         AnnexRecordEditor             *editor)
{
  g_return_if_fail (ANNEX_IS_PARTY_REQUIREMENTS_SECTION (self));
  g_return_if_fail (ANNEX_IS_RECORD_EDITOR (editor));

  annex_record_editor_add_section (editor, GTK_WIDGET (self));
  /* Not a GSignalGroup: the editor is disposed before the section, and a signal group loses
   * track of a target being disposed. */
  g_set_weak_pointer (&self->editor, editor);
  g_signal_connect_object (editor, "notify::record", G_CALLBACK (on_editor_record_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "add-toast", G_CALLBACK (on_forward_toast_cb), NULL);
  annex_party_requirements_section_set_party (self, annex_record_editor_get_record (editor));
}

void
annex_party_requirements_section_set_registers (AnnexPartyRequirementsSection *self,
                                                AnnexRegister                 *requirements,
                                                AnnexRegister                 *controls)
{
  g_return_if_fail (ANNEX_IS_PARTY_REQUIREMENTS_SECTION (self));
  g_return_if_fail (requirements == NULL || ANNEX_IS_REGISTER (requirements));
  g_return_if_fail (controls == NULL || ANNEX_IS_REGISTER (controls));

  if (g_set_object (&self->requirements, requirements))
    {
      gtk_filter_list_model_set_model (self->model, G_LIST_MODEL (requirements));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUIREMENTS]);
    }
  if (g_set_object (&self->controls, controls))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTROLS]);

  update_visibility (self);
}

AnnexRecord *
annex_party_requirements_section_get_party (AnnexPartyRequirementsSection *self)
{
  g_return_val_if_fail (ANNEX_IS_PARTY_REQUIREMENTS_SECTION (self), NULL);

  return self->party;
}

void
annex_party_requirements_section_set_party (AnnexPartyRequirementsSection *self,
                                            AnnexRecord                   *party)
{
  g_return_if_fail (ANNEX_IS_PARTY_REQUIREMENTS_SECTION (self));
  g_return_if_fail (party == NULL || ANNEX_IS_RECORD (party));

  if (!g_set_object (&self->party, party))
    return;

  g_signal_group_set_target (self->party_signals, party);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_visibility (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTY]);
}

guint
annex_party_requirements_section_get_n_requirements (AnnexPartyRequirementsSection *self)
{
  g_return_val_if_fail (ANNEX_IS_PARTY_REQUIREMENTS_SECTION (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

GtkWindow *
annex_party_requirements_section_open_dialog (AnnexPartyRequirementsSection *self,
                                              AnnexRecord                   *requirement)
{
  g_autoptr(AnnexRecord) record = NULL;
  GtkWindow *dialog;

  g_return_val_if_fail (ANNEX_IS_PARTY_REQUIREMENTS_SECTION (self), NULL);
  g_return_val_if_fail (requirement == NULL || ANNEX_IS_PARTY_REQUIREMENT (requirement), NULL);

  if (self->requirements == NULL || party_id (self) <= 0)
    return NULL;

  if (requirement != NULL)
    record = g_object_ref (requirement);
  else
    record = ANNEX_RECORD (annex_party_requirement_new (party_id (self)));

  dialog = create_dialog (self, record);
  gtk_window_present (dialog);
  return dialog;
}

gboolean
annex_party_requirements_section_delete (AnnexPartyRequirementsSection  *self,
                                         AnnexRecord                    *requirement,
                                         GError                        **error)
{
  g_autoptr(AnnexRecord) record = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  const char *text;

  g_return_val_if_fail (ANNEX_IS_PARTY_REQUIREMENTS_SECTION (self), FALSE);
  g_return_val_if_fail (ANNEX_IS_RECORD (requirement), FALSE);
  g_return_val_if_fail (self->requirements != NULL, FALSE);

  record = g_object_ref (requirement);
  if (!annex_register_remove (self->requirements, record, error))
    return FALSE;

  text = annex_party_requirement_get_requirement (ANNEX_PARTY_REQUIREMENT (record));
  if (text == NULL)
    text = "";
  /* g_utf8_substring() must not be asked past the end of the text. */
  excerpt = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 40));
  if (g_utf8_strlen (text, -1) > 40)
    {
      g_autofree char *shortened = g_strconcat (excerpt, "…", NULL);

      g_free (excerpt);
      excerpt = g_steal_pointer (&shortened);
    }
  escaped = g_markup_escape_text (excerpt, -1);
  /* Translators: a toast after deleting a party requirement; %s is its beginning */
  title = g_strdup_printf (_("Requirement “%s” deleted"), escaped);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "annex-record", g_object_ref (record),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "annex-register", g_object_ref (self->requirements),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
  g_signal_connect (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), NULL);
  emit_toast (self, toast);

  return TRUE;
}
