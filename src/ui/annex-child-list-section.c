/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-child-list-section.c: the child records of the editor's record in its editor: the list,
 * the child dialog (a record editor), delete with Undo, and a locked, read-only state. */

#define G_LOG_DOMAIN "annex-child-list-section"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-child-list-section.h"
#include "annex-toast.h"

struct _AnnexChildListSection
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkWidget          *box;
  GtkLabel           *title_label;
  GtkButton          *add_button;
  GtkListBox         *list;
  GtkLabel           *empty_label;

  /* owned */
  AnnexRecord        *parent;
  AnnexRegister      *children;
  char               *parent_field;
  char               *new_title;
  char               *edit_title;
  GtkFilterListModel *filtered;
  GtkSortListModel   *model;
  GtkCustomFilter    *filter;
  GtkCustomSorter    *sorter;
  GSignalGroup       *parent_signals;
  AnnexRecordEditor  *editor;          /* weak */
  AnnexChildRowFunc   row_func;
  gpointer            row_data;
  AnnexChildInitFunc  init_func;
  gpointer            init_data;
  GCompareDataFunc    sort_func;
  gpointer            sort_data;
  gboolean            locked;
};

G_DEFINE_FINAL_TYPE (AnnexChildListSection, annex_child_list_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PARENT,
  PROP_CHILDREN,
  PROP_PARENT_FIELD,
  PROP_LOCKED,
  PROP_N_CHILDREN,
  N_PROPS
};

enum {
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkWidget *create_row (gpointer item,
                              gpointer user_data);

/* Auxiliary functions */

static gint64
parent_id (AnnexChildListSection *self)
{
  return self->parent != NULL ? annex_record_get_id (self->parent) : 0;
}

static void
emit_toast (AnnexChildListSection *self,
            AdwToast              *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
emit_error_toast (AnnexChildListSection *self,
                  const GError          *error)
{
  g_autoptr(AdwToast) toast = annex_toast_new_for_error (error);

  emit_toast (self, toast);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  AnnexChildListSection *self = user_data;
  gint64 id = parent_id (self);

  return id > 0 && self->parent_field != NULL &&
         annex_record_get_int (ANNEX_RECORD (item), self->parent_field) == id;
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  AnnexChildListSection *self = user_data;

  if (self->sort_func != NULL)
    return self->sort_func (a, b, self->sort_data);
  return 0;
}

static void
update_visibility (AnnexChildListSection *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  gtk_widget_set_visible (GTK_WIDGET (self), parent_id (self) > 0 && self->children != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0);
  /* Hidden rather than disabled, and the button calls no action: a section placed after a
   * field group is moved into the editor after its construction, and GTK 4.8's actionable
   * widgets inside it then lose track of the section's actions. The action's handler refuses
   * what it cannot do. */
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), !self->locked);
}

static void
rebind (AnnexChildListSection *self)
{
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->model), create_row, self, NULL);
}

static void
update_row (AnnexRecord *child,
            GParamSpec  *pspec,
            AdwActionRow *row)
{
  AnnexChildListSection *self = g_object_get_data (G_OBJECT (row), "section");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self == NULL)
    return;

  if (self->row_func != NULL)
    self->row_func (child, &title, &subtitle, self->row_data);
  else
    title = g_strdup (annex_record_get_reference (child));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  adw_action_row_set_subtitle (row, subtitle != NULL ? subtitle : "");
}

static void
on_row_delete_clicked_cb (GtkButton             *button,
                          AnnexChildListSection *self)
{
  AnnexRecord *child = g_object_get_data (G_OBJECT (button), "child");
  g_autoptr(GError) error = NULL;

  if (child != NULL && !annex_child_list_section_delete (self, child, &error))
    emit_error_toast (self, error);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  AnnexChildListSection *self = user_data;
  AnnexRecord *child = ANNEX_RECORD (item);
  GtkWidget *row;

  row = adw_action_row_new ();
  /* Titles are what users typed: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  g_object_set_data (G_OBJECT (row), "section", self);
  g_object_set_data_full (G_OBJECT (row), "child", g_object_ref (child), g_object_unref);
  g_signal_connect_object (child, "notify", G_CALLBACK (update_row), row, 0);
  update_row (child, NULL, ADW_ACTION_ROW (row));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !self->locked);
  if (!self->locked)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Delete"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Delete"), -1);
      g_object_set_data (G_OBJECT (button), "child", child);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_row_delete_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
    }

  return row;
}

/* The child dialog */

typedef struct
{
  AnnexChildListSection *section;   /* weak */
  AnnexRecordEditor     *editor;
  AdwWindowTitle        *title;
  GtkWidget             *cancel_button;
  GtkWidget             *add_button;
  GtkWidget             *done_button;
} DialogData;

static void
dialog_data_free (gpointer data)
{
  DialogData *dialog_data = data;

  g_clear_weak_pointer (&dialog_data->section);
  g_free (dialog_data);
}

static gboolean
child_field_visible (AnnexRecord      *record,
                     const AnnexField *field,
                     gpointer          user_data)
{
  /* The parent is implied by where the dialog was opened. */
  return g_strcmp0 (field->name, user_data) != 0;
}

static void
update_dialog (GtkWindow *dialog)
{
  DialogData *data = g_object_get_data (G_OBJECT (dialog), "dialog-data");
  AnnexRecord *record = annex_record_editor_get_record (data->editor);
  gboolean saved = record != NULL && annex_record_get_id (record) > 0;

  if (data->section != NULL)
    adw_window_title_set_title (data->title, saved ? data->section->edit_title
                                                   : data->section->new_title);
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

  if (data->section == NULL || record == NULL)
    return;

  if (!annex_child_list_section_add (data->section, record, &error))
    {
      emit_error_toast (data->section, error);
      return;
    }

  annex_record_editor_set_record (data->editor, NULL);
  gtk_window_destroy (dialog);
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
  if (!annex_child_list_section_delete (data->section, record, &error))
    {
      emit_error_toast (data->section, error);
      annex_record_editor_set_record (data->editor, record);
      return;
    }

  gtk_window_destroy (dialog);
}

static GtkWindow *
create_dialog (AnnexChildListSection *self,
               AnnexRecord           *record)
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
  gtk_window_set_default_size (GTK_WINDOW (dialog), 480, 520);
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), FALSE);
  gtk_widget_add_css_class (dialog, "child-dialog");

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
  annex_record_editor_set_visible_func (data->editor, child_field_visible,
                                        g_strdup (self->parent_field), g_free);
  annex_record_editor_set_register (data->editor, self->children);
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
  annex_record_editor_focus_first (data->editor);

  return GTK_WINDOW (dialog);
}

/* Signal callbacks */

static void
on_list_row_activated_cb (AnnexChildListSection *self,
                          GtkListBoxRow         *row)
{
  AnnexRecord *child = g_object_get_data (G_OBJECT (row), "child");

  if (child != NULL)
    annex_child_list_section_open_dialog (self, child);
}

static void
on_model_items_changed_cb (AnnexChildListSection *self)
{
  update_visibility (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CHILDREN]);
}

static void
on_editor_record_changed_cb (AnnexChildListSection *self,
                             GParamSpec            *pspec,
                             AnnexRecordEditor     *editor)
{
  annex_child_list_section_set_parent (self, annex_record_editor_get_record (editor));
}

static void
on_forward_toast_cb (AnnexChildListSection *self,
                     AdwToast              *toast)
{
  if (self->editor != NULL)
    g_signal_emit_by_name (self->editor, "add-toast", toast);
}

static void
on_parent_id_changed_cb (AnnexChildListSection *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_visibility (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  annex_child_list_section_open_dialog (ANNEX_CHILD_LIST_SECTION (widget), NULL);
}

static void
on_add_clicked_cb (AnnexChildListSection *self)
{
  annex_child_list_section_open_dialog (self, NULL);
}

static void
on_undo_clicked_cb (AdwToast              *toast,
                    AnnexChildListSection *self)
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
annex_child_list_section_dispose (GObject *object)
{
  AnnexChildListSection *self = ANNEX_CHILD_LIST_SECTION (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_weak_pointer (&self->editor);
  if (self->parent_signals != NULL)
    g_signal_group_set_target (self->parent_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_CHILD_LIST_SECTION);

  g_clear_object (&self->parent_signals);
  g_clear_object (&self->model);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->parent);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (annex_child_list_section_parent_class)->dispose (object);
}

static void
annex_child_list_section_finalize (GObject *object)
{
  AnnexChildListSection *self = ANNEX_CHILD_LIST_SECTION (object);

  g_free (self->parent_field);
  g_free (self->new_title);
  g_free (self->edit_title);

  G_OBJECT_CLASS (annex_child_list_section_parent_class)->finalize (object);
}

static void
annex_child_list_section_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  AnnexChildListSection *self = ANNEX_CHILD_LIST_SECTION (object);

  switch (prop_id)
    {
    case PROP_PARENT:
      g_value_set_object (value, self->parent);
      break;
    case PROP_CHILDREN:
      g_value_set_object (value, self->children);
      break;
    case PROP_PARENT_FIELD:
      g_value_set_string (value, self->parent_field);
      break;
    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;
    case PROP_N_CHILDREN:
      g_value_set_uint (value, annex_child_list_section_get_n_children (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_child_list_section_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  AnnexChildListSection *self = ANNEX_CHILD_LIST_SECTION (object);

  switch (prop_id)
    {
    case PROP_PARENT:
      annex_child_list_section_set_parent (self, g_value_get_object (value));
      break;
    case PROP_CHILDREN:
      annex_child_list_section_set_children (self, g_value_get_object (value));
      break;
    case PROP_PARENT_FIELD:
      self->parent_field = g_value_dup_string (value);
      break;
    case PROP_LOCKED:
      annex_child_list_section_set_locked (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_child_list_section_class_init (AnnexChildListSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = annex_child_list_section_dispose;
  object_class->finalize = annex_child_list_section_finalize;
  object_class->get_property = annex_child_list_section_get_property;
  object_class->set_property = annex_child_list_section_set_property;

  properties[PROP_PARENT] =
    g_param_spec_object ("parent", NULL, NULL, ANNEX_TYPE_RECORD, rw);
  properties[PROP_CHILDREN] =
    g_param_spec_object ("children", NULL, NULL, ANNEX_TYPE_REGISTER, rw);
  properties[PROP_PARENT_FIELD] =
    g_param_spec_string ("parent-field", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE, rw);
  properties[PROP_N_CHILDREN] =
    g_param_spec_uint ("n-children", NULL, NULL, 0, G_MAXUINT, 0,
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

  gtk_widget_class_install_action (widget_class, "children.add", NULL, add_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH
                                               "/ui/annex-child-list-section.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexChildListSection, box);
  gtk_widget_class_bind_template_child (widget_class, AnnexChildListSection, title_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexChildListSection, add_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexChildListSection, list);
  gtk_widget_class_bind_template_child (widget_class, AnnexChildListSection, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
annex_child_list_section_init (AnnexChildListSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                         g_object_ref (GTK_SORTER (self->sorter)));
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_model_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  rebind (self);

  /* A parent added from the editor gets its id: the section then appears. */
  self->parent_signals = g_signal_group_new (ANNEX_TYPE_RECORD);
  g_signal_group_connect_swapped (self->parent_signals, "notify::id",
                                  G_CALLBACK (on_parent_id_changed_cb), self);

  update_visibility (self);
}

/* Public API */

GtkWidget *
annex_child_list_section_new (const char *parent_field)
{
  g_return_val_if_fail (parent_field != NULL, NULL);

  return g_object_new (ANNEX_TYPE_CHILD_LIST_SECTION, "parent-field", parent_field, NULL);
}

void
annex_child_list_section_attach (AnnexChildListSection *self,
                                 AnnexRecordEditor     *editor,
                                 const char            *group)
{
  g_return_if_fail (ANNEX_IS_CHILD_LIST_SECTION (self));
  g_return_if_fail (ANNEX_IS_RECORD_EDITOR (editor));

  if (group != NULL)
    annex_record_editor_add_section_after (editor, GTK_WIDGET (self), group);
  else
    annex_record_editor_add_section (editor, GTK_WIDGET (self));
  /* Not a GSignalGroup: the editor is disposed before the section. */
  g_set_weak_pointer (&self->editor, editor);
  g_signal_connect_object (editor, "notify::record", G_CALLBACK (on_editor_record_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "add-toast", G_CALLBACK (on_forward_toast_cb), NULL);
  annex_child_list_section_set_parent (self, annex_record_editor_get_record (editor));
}

void
annex_child_list_section_set_children (AnnexChildListSection *self,
                                       AnnexRegister         *children)
{
  g_return_if_fail (ANNEX_IS_CHILD_LIST_SECTION (self));
  g_return_if_fail (children == NULL || ANNEX_IS_REGISTER (children));

  if (g_set_object (&self->children, children))
    {
      gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (children));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILDREN]);
    }

  update_visibility (self);
}

AnnexRegister *
annex_child_list_section_get_children (AnnexChildListSection *self)
{
  g_return_val_if_fail (ANNEX_IS_CHILD_LIST_SECTION (self), NULL);

  return self->children;
}

AnnexRecord *
annex_child_list_section_get_parent (AnnexChildListSection *self)
{
  g_return_val_if_fail (ANNEX_IS_CHILD_LIST_SECTION (self), NULL);

  return self->parent;
}

void
annex_child_list_section_set_parent (AnnexChildListSection *self,
                                     AnnexRecord           *parent)
{
  g_return_if_fail (ANNEX_IS_CHILD_LIST_SECTION (self));
  g_return_if_fail (parent == NULL || ANNEX_IS_RECORD (parent));

  if (!g_set_object (&self->parent, parent))
    return;

  g_signal_group_set_target (self->parent_signals, parent);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_visibility (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT]);
}

gboolean
annex_child_list_section_get_locked (AnnexChildListSection *self)
{
  g_return_val_if_fail (ANNEX_IS_CHILD_LIST_SECTION (self), FALSE);

  return self->locked;
}

void
annex_child_list_section_set_locked (AnnexChildListSection *self,
                                     gboolean               locked)
{
  g_return_if_fail (ANNEX_IS_CHILD_LIST_SECTION (self));

  locked = !!locked;
  if (self->locked == locked)
    return;

  self->locked = locked;
  /* The rows lose (or get back) their delete buttons. */
  rebind (self);
  update_visibility (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

void
annex_child_list_section_set_texts (AnnexChildListSection *self,
                                    const char            *title,
                                    const char            *add_label,
                                    const char            *empty_text,
                                    const char            *new_title,
                                    const char            *edit_title)
{
  g_return_if_fail (ANNEX_IS_CHILD_LIST_SECTION (self));

  gtk_label_set_label (self->title_label, title);
  gtk_button_set_label (self->add_button, add_label);
  gtk_label_set_label (self->empty_label, empty_text);
  g_free (self->new_title);
  self->new_title = g_strdup (new_title);
  g_free (self->edit_title);
  self->edit_title = g_strdup (edit_title);
}

void
annex_child_list_section_set_row_func (AnnexChildListSection *self,
                                       AnnexChildRowFunc      func,
                                       gpointer               user_data)
{
  g_return_if_fail (ANNEX_IS_CHILD_LIST_SECTION (self));

  self->row_func = func;
  self->row_data = user_data;
  rebind (self);
}

void
annex_child_list_section_set_init_func (AnnexChildListSection *self,
                                        AnnexChildInitFunc     func,
                                        gpointer               user_data)
{
  g_return_if_fail (ANNEX_IS_CHILD_LIST_SECTION (self));

  self->init_func = func;
  self->init_data = user_data;
}

void
annex_child_list_section_set_sort_func (AnnexChildListSection *self,
                                        GCompareDataFunc       func,
                                        gpointer               user_data)
{
  g_return_if_fail (ANNEX_IS_CHILD_LIST_SECTION (self));

  self->sort_func = func;
  self->sort_data = user_data;
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

guint
annex_child_list_section_get_n_children (AnnexChildListSection *self)
{
  g_return_val_if_fail (ANNEX_IS_CHILD_LIST_SECTION (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

AnnexRecord *
annex_child_list_section_get_child (AnnexChildListSection *self,
                                    guint                  position)
{
  g_autoptr(AnnexRecord) child = NULL;

  g_return_val_if_fail (ANNEX_IS_CHILD_LIST_SECTION (self), NULL);

  child = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  /* The register keeps its items alive. */
  return child;
}

GtkWindow *
annex_child_list_section_open_dialog (AnnexChildListSection *self,
                                      AnnexRecord           *child)
{
  g_autoptr(AnnexRecord) record = NULL;
  GtkWindow *dialog;

  g_return_val_if_fail (ANNEX_IS_CHILD_LIST_SECTION (self), NULL);
  g_return_val_if_fail (child == NULL || ANNEX_IS_RECORD (child), NULL);

  if (self->children == NULL || parent_id (self) <= 0 || self->locked)
    return NULL;

  if (child != NULL)
    record = g_object_ref (child);
  else
    {
      record = annex_register_new_record (self->children);
      annex_record_set_int (record, self->parent_field, parent_id (self));
      if (self->init_func != NULL)
        self->init_func (record, self->init_data);
    }

  dialog = create_dialog (self, record);
  gtk_window_present (dialog);
  return dialog;
}

gboolean
annex_child_list_section_add (AnnexChildListSection  *self,
                              AnnexRecord            *child,
                              GError                **error)
{
  g_return_val_if_fail (ANNEX_IS_CHILD_LIST_SECTION (self), FALSE);
  g_return_val_if_fail (ANNEX_IS_RECORD (child), FALSE);
  g_return_val_if_fail (self->children != NULL, FALSE);

  if (parent_id (self) > 0 && annex_record_get_int (child, self->parent_field) == 0)
    annex_record_set_int (child, self->parent_field, parent_id (self));

  return annex_register_add (self->children, child, error);
}

gboolean
annex_child_list_section_delete (AnnexChildListSection  *self,
                                 AnnexRecord            *child,
                                 GError                **error)
{
  g_autoptr(AnnexRecord) record = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *title = NULL;
  g_autofree char *row_title = NULL;
  g_autofree char *row_subtitle = NULL;
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (ANNEX_IS_CHILD_LIST_SECTION (self), FALSE);
  g_return_val_if_fail (ANNEX_IS_RECORD (child), FALSE);
  g_return_val_if_fail (self->children != NULL, FALSE);

  record = g_object_ref (child);
  if (!annex_register_remove (self->children, record, error))
    return FALSE;

  if (self->row_func != NULL)
    self->row_func (record, &row_title, &row_subtitle, self->row_data);
  escaped = g_markup_escape_text (row_title != NULL ? row_title
                                                    : annex_record_get_reference (record), -1);
  /* Translators: a toast after deleting an entry of a list (a measurement, an attendee); %s is
   * how the list showed it */
  title = g_strdup_printf (_("“%s” deleted"), escaped);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "annex-record", g_object_ref (record),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "annex-register", g_object_ref (self->children),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
  g_signal_connect (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), NULL);
  emit_toast (self, toast);

  return TRUE;
}
