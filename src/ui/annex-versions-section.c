/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-versions-section.c: a document's versions in its editor: the list, new drafts, the
 * draft dialog, the read-only view of approved versions, approval and delete with Undo. */

#define G_LOG_DOMAIN "annex-versions-section"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-document.h"
#include "annex-name-completion.h"
#include "annex-register-format.h"
#include "annex-toast.h"
#include "annex-versions-section.h"

struct _AnnexVersionsSection
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkWidget          *box;
  GtkWidget          *new_button;
  GtkListBox         *list;
  GtkLabel           *empty_label;

  /* owned */
  AnnexRecord        *document;
  AnnexRegister      *versions;
  AnnexRegister      *documents;
  GtkFilterListModel *filtered;
  GtkSortListModel   *model;
  GtkCustomFilter    *filter;
  AnnexRecordEditor  *editor;          /* weak */
  GSignalGroup       *document_signals;
};

G_DEFINE_FINAL_TYPE (AnnexVersionsSection, annex_versions_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_VERSIONS,
  PROP_DOCUMENTS,
  PROP_N_VERSIONS,
  N_PROPS
};

enum {
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Who approved: a person field, so the people's names are offered. */
static const AnnexField approved_by_field = {
  "approved-by", "approved_by", ANNEX_FIELD_TEXT, N_("Approved by"),
  ANNEX_FIELD_FLAG_NONE, NULL, NULL
};

/* A date for a sentence: "" when there is none. */
static char *
format_date (const char *iso_date)
{
  char *text = annex_format_date (iso_date);

  return text != NULL ? text : g_strdup ("");
}

/* Pure texts */

char *
annex_versions_section_format_title (AnnexDocumentVersion *version)
{
  const char *number;

  g_return_val_if_fail (ANNEX_IS_DOCUMENT_VERSION (version), NULL);

  number = annex_document_version_get_version (version);
  /* Translators: the title of a document version's row; %s is its number ("1.1") */
  return g_strdup_printf (_("Version %s"), number != NULL ? number : "");
}

char *
annex_versions_section_format_state (AnnexDocumentVersion *version)
{
  g_autofree char *date = NULL;
  g_autofree char *approved_on = NULL;
  const char *status, *approved_by;

  g_return_val_if_fail (ANNEX_IS_DOCUMENT_VERSION (version), NULL);

  status = annex_document_version_get_status (version);
  approved_by = annex_document_version_get_approved_by (version);
  date = format_date (annex_document_version_get_date (version));
  approved_on = format_date (annex_document_version_get_approved_on (version));

  if (g_strcmp0 (status, "approved") == 0)
    /* Translators: the state line of the version in force (its row has an "In force" tag):
     * who approved it and when ("Approved by Ann Lee on 3 Mar 2025") */
    return g_strdup_printf (_("Approved by %s on %s"), approved_by != NULL ? approved_by : "?",
                            *approved_on != '\0' ? approved_on : "?");
  if (g_strcmp0 (status, "superseded") == 0)
    /* Translators: the state line of a version a newer approved one replaced */
    return g_strdup_printf (_("Superseded · approved by %s on %s"),
                            approved_by != NULL ? approved_by : "?",
                            *approved_on != '\0' ? approved_on : "?");

  if (*date != '\0')
    /* Translators: a draft version's state line with its date ("Draft · 1 Mar 2025") */
    return g_strdup_printf (_("Draft · %s"), date);

  /* Translators: a draft version's state line when it has no date */
  return g_strdup (_("Draft, not approved yet"));
}

/* Auxiliary functions */

static gint64
document_id (AnnexVersionsSection *self)
{
  return self->document != NULL ? annex_record_get_id (self->document) : 0;
}

static void
emit_toast (AnnexVersionsSection *self,
            AdwToast             *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
emit_error_toast (AnnexVersionsSection *self,
                  const GError         *error)
{
  g_autoptr(AdwToast) toast = annex_toast_new_for_error (error);

  emit_toast (self, toast);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  AnnexVersionsSection *self = user_data;
  gint64 id = document_id (self);

  return id > 0 && annex_document_version_get_document_id (ANNEX_DOCUMENT_VERSION (item)) == id;
}

/* Newest first: the order they were created in, reversed. */
static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  gint64 id_a = annex_record_get_id (ANNEX_RECORD ((gpointer) a));
  gint64 id_b = annex_record_get_id (ANNEX_RECORD ((gpointer) b));

  return id_a > id_b ? -1 : id_a < id_b ? 1 : 0;
}

static void
update_visibility (AnnexVersionsSection *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  gboolean shown = document_id (self) > 0 && self->versions != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.new", shown);
}

/* Rows */

static void
update_row (AnnexRecord  *version,
            GParamSpec   *pspec,
            AdwActionRow *row)
{
  AnnexDocumentVersion *dv = ANNEX_DOCUMENT_VERSION (version);
  g_autofree char *title = annex_versions_section_format_title (dv);
  g_autofree char *state = annex_versions_section_format_state (dv);
  const char *summary = annex_document_version_get_summary (dv);
  GtkWidget *approve = g_object_get_data (G_OBJECT (row), "approve-button");
  GtkWidget *delete = g_object_get_data (G_OBJECT (row), "delete-button");
  GtkWidget *badge = g_object_get_data (G_OBJECT (row), "badge");
  gboolean draft = annex_document_version_is_draft (dv);
  gboolean in_force = g_strcmp0 (annex_document_version_get_status (dv), "approved") == 0;
  g_autofree char *subtitle = NULL;

  if (!annex_field_text_is_blank (summary))
    subtitle = g_strdup_printf ("%s\n%s", state, summary);
  else
    subtitle = g_steal_pointer (&state);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);
  gtk_widget_set_visible (approve, draft);
  gtk_widget_set_visible (delete, draft);
  gtk_widget_set_visible (badge, in_force);
}

static void
on_row_approve_clicked_cb (GtkButton            *button,
                           AnnexVersionsSection *self)
{
  AnnexDocumentVersion *version = g_object_get_data (G_OBJECT (button), "version");

  if (version != NULL)
    annex_versions_section_open_approve_dialog (self, version);
}

static void
on_row_delete_clicked_cb (GtkButton            *button,
                          AnnexVersionsSection *self)
{
  AnnexDocumentVersion *version = g_object_get_data (G_OBJECT (button), "version");
  g_autoptr(GError) error = NULL;

  if (version != NULL && !annex_versions_section_delete (self, version, &error))
    emit_error_toast (self, error);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  AnnexVersionsSection *self = user_data;
  AnnexRecord *version = ANNEX_RECORD (item);
  GtkWidget *row, *button, *badge, *icon;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "version", g_object_ref (version), g_object_unref);

  /* Translators: a tag on the row of the version in force */
  badge = gtk_label_new (_("In force"));
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "version-badge");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  g_object_set_data (G_OBJECT (row), "badge", badge);

  button = gtk_button_new_with_mnemonic (_("_Approve…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Approve this draft and put it in force"));
  g_object_set_data (G_OBJECT (button), "version", version);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_row_approve_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "approve-button", button);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete Draft"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete Draft"), -1);
  g_object_set_data (G_OBJECT (button), "version", version);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_row_delete_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "delete-button", button);

  icon = gtk_image_new_from_icon_name ("go-next-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);

  g_signal_connect_object (version, "notify", G_CALLBACK (update_row), row, 0);
  update_row (version, NULL, ADW_ACTION_ROW (row));

  return row;
}

/* The draft dialog: the record editor over a draft */

typedef struct
{
  AnnexVersionsSection *section;   /* weak */
  AnnexRecordEditor    *editor;
  AdwWindowTitle       *title;
} DialogData;

static void
dialog_data_free (gpointer data)
{
  DialogData *dialog_data = data;

  g_clear_weak_pointer (&dialog_data->section);
  g_free (dialog_data);
}

static gboolean
draft_field_visible (AnnexRecord      *record,
                     const AnnexField *field,
                     gpointer          user_data)
{
  /* Set by approval, and the document is the one the dialog is for. */
  return (field->flags & ANNEX_FIELD_FLAG_READ_ONLY) == 0 &&
         !g_str_equal (field->name, "document-id");
}

static void
update_dialog_title (GtkWindow *dialog)
{
  DialogData *data = g_object_get_data (G_OBJECT (dialog), "dialog-data");
  AnnexRecord *record = annex_record_editor_get_record (data->editor);
  g_autofree char *title = NULL;

  if (record == NULL)
    return;

  title = annex_versions_section_format_title (ANNEX_DOCUMENT_VERSION (record));
  adw_window_title_set_title (data->title, title);
  adw_window_title_set_subtitle (data->title, _("Draft"));
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

  annex_record_editor_flush (data->editor);
  annex_record_editor_set_record (data->editor, NULL);
  return FALSE;
}

static void
on_dialog_approve_clicked_cb (GtkWindow *dialog)
{
  DialogData *data = g_object_get_data (G_OBJECT (dialog), "dialog-data");
  g_autoptr(AnnexRecord) record = NULL;

  if (data->section == NULL || annex_record_editor_get_record (data->editor) == NULL)
    return;

  record = g_object_ref (annex_record_editor_get_record (data->editor));
  if (!annex_record_editor_flush (data->editor))
    return;

  gtk_window_close (dialog);
  annex_versions_section_open_approve_dialog (data->section, ANNEX_DOCUMENT_VERSION (record));
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
  if (!annex_versions_section_delete (data->section, ANNEX_DOCUMENT_VERSION (record), &error))
    {
      emit_error_toast (data->section, error);
      annex_record_editor_set_record (data->editor, record);
      return;
    }

  gtk_window_destroy (dialog);
}

static GtkWidget *
create_dialog_window (AnnexVersionsSection *self,
                      GtkWidget           **out_header)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog, *header;
  GtkShortcutController *shortcuts;

  dialog = adw_window_new ();
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 520, 560);
  gtk_widget_add_css_class (dialog, "version-dialog");

  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape,
                                                                                  0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (dialog, GTK_EVENT_CONTROLLER (shortcuts));

  *out_header = header;
  return dialog;
}

static GtkWindow *
create_draft_dialog (AnnexVersionsSection *self,
                     AnnexDocumentVersion *version)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) delete_action = g_simple_action_new ("delete", NULL);
  DialogData *data = g_new0 (DialogData, 1);
  GtkWidget *dialog, *box, *header, *editor, *button;

  dialog = create_dialog_window (self, &header);
  g_set_weak_pointer (&data->section, self);
  g_object_set_data_full (G_OBJECT (dialog), "dialog-data", data, dialog_data_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  data->title = ADW_WINDOW_TITLE (adw_window_title_new (NULL, NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (data->title));

  button = gtk_button_new_with_mnemonic (_("_Approve…"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_dialog_approve_clicked_cb), dialog);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);

  button = gtk_button_new_with_mnemonic (_("_Done"));
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (gtk_window_close), dialog);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  gtk_window_set_default_widget (GTK_WINDOW (dialog), button);
  gtk_box_append (GTK_BOX (box), header);

  editor = annex_record_editor_new ();
  gtk_widget_set_vexpand (editor, TRUE);
  data->editor = ANNEX_RECORD_EDITOR (editor);
  annex_record_editor_set_visible_func (data->editor, draft_field_visible, NULL, NULL);
  annex_record_editor_set_register (data->editor, self->versions);
  g_signal_connect_object (editor, "add-toast", G_CALLBACK (on_dialog_add_toast_cb), dialog, 0);
  gtk_box_append (GTK_BOX (box), editor);
  adw_window_set_content (ADW_WINDOW (dialog), box);

  /* The editor's Delete button activates "register.delete", as in a register page. */
  g_signal_connect (delete_action, "activate", G_CALLBACK (dialog_delete_action), dialog);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (delete_action));
  gtk_widget_insert_action_group (dialog, "register", G_ACTION_GROUP (group));

  g_signal_connect (dialog, "close-request", G_CALLBACK (on_dialog_close_request_cb), NULL);
  g_signal_connect_object (version, "notify::version", G_CALLBACK (update_dialog_title), dialog,
                           G_CONNECT_SWAPPED);

  annex_record_editor_set_record (data->editor, ANNEX_RECORD (version));
  update_dialog_title (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* The read-only view of an approved or superseded version */

static void
add_value_row (GtkListBox *list,
               const char *title,
               const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               value != NULL && *value != '\0' ? value : "—");
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (list, row);
}

static GtkWindow *
create_view_dialog (AnnexVersionsSection *self,
                    AnnexDocumentVersion *version)
{
  GtkWidget *dialog, *header, *box, *scroller, *clamp, *content, *list, *label, *heading;
  g_autofree char *title = annex_versions_section_format_title (version);
  g_autofree char *date = format_date (annex_document_version_get_date (version));
  g_autofree char *approved_on = format_date (
    annex_document_version_get_approved_on (version));
  const char *summary = annex_document_version_get_summary (version);
  gboolean in_force = g_strcmp0 (annex_document_version_get_status (version), "approved") == 0;

  dialog = create_dialog_window (self, &header);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), TRUE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (title,
                                                         in_force ? _("In force")
                                                                  : _("Superseded")));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_add_css_class (content, "version-view");

  label = gtk_label_new (in_force
                         ? _("This is the version in force. Approved versions cannot be "
                             "changed: make a new version to change the document.")
                         : _("A newer version replaced this one. It stays readable as it "
                             "was approved."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (content), label);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  add_value_row (GTK_LIST_BOX (list), _("Version"), annex_document_version_get_version (version));
  add_value_row (GTK_LIST_BOX (list), _("Date"), date);
  add_value_row (GTK_LIST_BOX (list), _("Approved by"),
                 annex_document_version_get_approved_by (version));
  add_value_row (GTK_LIST_BOX (list), _("Approved on"), approved_on);
  gtk_box_append (GTK_BOX (content), list);

  heading = gtk_label_new (_("Summary of changes"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (content), heading);

  label = gtk_label_new (!annex_field_text_is_blank (summary) ? summary : _("No summary."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (content), label);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 600);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_box_append (GTK_BOX (box), scroller);

  adw_window_set_content (ADW_WINDOW (dialog), box);
  return GTK_WINDOW (dialog);
}

/* The approval dialog */

typedef struct
{
  AnnexVersionsSection *section;  /* weak */
  AnnexDocumentVersion *version;  /* owned */
  GtkWidget            *approved_by;
  GtkWidget            *approved_on;
} ApproveData;

static void
approve_data_free (gpointer data)
{
  ApproveData *approve = data;

  g_clear_weak_pointer (&approve->section);
  g_clear_object (&approve->version);
  g_free (approve);
}

static AnnexDatabase *
get_versions_database (gpointer user_data)
{
  ApproveData *approve = user_data;

  if (approve->section == NULL || approve->section->versions == NULL)
    return NULL;

  return annex_register_get_database (approve->section->versions);
}

static void
on_approve_entry_changed_cb (GtkEditable      *entry,
                             AdwMessageDialog *dialog)
{
  ApproveData *approve = g_object_get_data (G_OBJECT (dialog), "approve-data");
  const char *by = gtk_editable_get_text (GTK_EDITABLE (approve->approved_by));
  const char *on = gtk_editable_get_text (GTK_EDITABLE (approve->approved_on));
  gboolean on_ok = annex_field_date_is_valid (on);

  if (on_ok)
    gtk_widget_remove_css_class (approve->approved_on, "error");
  else
    gtk_widget_add_css_class (approve->approved_on, "error");

  adw_message_dialog_set_response_enabled (dialog, "approve",
                                           !annex_field_text_is_blank (by) && on_ok);
}

static void
on_approve_response_cb (AdwMessageDialog *dialog,
                        const char       *response)
{
  ApproveData *approve = g_object_get_data (G_OBJECT (dialog), "approve-data");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "approve") != 0 || approve->section == NULL)
    return;

  if (!annex_versions_section_approve (approve->section, approve->version,
                                       gtk_editable_get_text (GTK_EDITABLE (approve->approved_by)),
                                       gtk_editable_get_text (GTK_EDITABLE (approve->approved_on)),
                                       &error))
    emit_error_toast (approve->section, error);
}

/* Signal callbacks */

static void
on_list_row_activated_cb (AnnexVersionsSection *self,
                          GtkListBoxRow        *row)
{
  AnnexDocumentVersion *version = g_object_get_data (G_OBJECT (row), "version");

  if (version != NULL)
    annex_versions_section_open_version (self, version);
}

static void
on_model_items_changed_cb (AnnexVersionsSection *self)
{
  update_visibility (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_VERSIONS]);
}

static void
on_editor_record_changed_cb (AnnexVersionsSection *self,
                             GParamSpec           *pspec,
                             AnnexRecordEditor    *editor)
{
  AnnexRecord *record = annex_record_editor_get_record (editor);

  annex_versions_section_set_document (self, ANNEX_IS_DOCUMENT (record) ? record : NULL);
}

static void
on_forward_toast_cb (AnnexVersionsSection *self,
                     AdwToast             *toast)
{
  if (self->editor != NULL)
    g_signal_emit_by_name (self->editor, "add-toast", toast);
}

static void
on_document_id_changed_cb (AnnexVersionsSection *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_visibility (self);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AnnexVersionsSection *self = ANNEX_VERSIONS_SECTION (widget);
  g_autoptr(GError) error = NULL;
  AnnexDocumentVersion *version;

  version = annex_versions_section_add_draft (self, &error);
  if (version == NULL)
    {
      emit_error_toast (self, error);
      return;
    }

  annex_versions_section_open_version (self, version);
}

static void
on_undo_clicked_cb (AdwToast             *toast,
                    AnnexVersionsSection *self)
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
annex_versions_section_dispose (GObject *object)
{
  AnnexVersionsSection *self = ANNEX_VERSIONS_SECTION (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_weak_pointer (&self->editor);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_VERSIONS_SECTION);

  g_clear_object (&self->document_signals);
  g_clear_object (&self->model);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->document);
  g_clear_object (&self->versions);
  g_clear_object (&self->documents);

  G_OBJECT_CLASS (annex_versions_section_parent_class)->dispose (object);
}

static void
annex_versions_section_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AnnexVersionsSection *self = ANNEX_VERSIONS_SECTION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_VERSIONS:
      g_value_set_object (value, self->versions);
      break;
    case PROP_DOCUMENTS:
      g_value_set_object (value, self->documents);
      break;
    case PROP_N_VERSIONS:
      g_value_set_uint (value, annex_versions_section_get_n_versions (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_versions_section_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AnnexVersionsSection *self = ANNEX_VERSIONS_SECTION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      annex_versions_section_set_document (self, g_value_get_object (value));
      break;
    case PROP_VERSIONS:
      annex_versions_section_set_registers (self, g_value_get_object (value), self->documents);
      break;
    case PROP_DOCUMENTS:
      annex_versions_section_set_registers (self, self->versions, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_versions_section_class_init (AnnexVersionsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = annex_versions_section_dispose;
  object_class->get_property = annex_versions_section_get_property;
  object_class->set_property = annex_versions_section_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, ANNEX_TYPE_RECORD, rw);
  properties[PROP_VERSIONS] =
    g_param_spec_object ("versions", NULL, NULL, ANNEX_TYPE_REGISTER, rw);
  properties[PROP_DOCUMENTS] =
    g_param_spec_object ("documents", NULL, NULL, ANNEX_TYPE_REGISTER, rw);
  properties[PROP_N_VERSIONS] =
    g_param_spec_uint ("n-versions", NULL, NULL, 0, G_MAXUINT, 0,
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

  gtk_widget_class_install_action (widget_class, "versions.new", NULL, new_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH
                                               "/ui/annex-versions-section.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexVersionsSection, box);
  gtk_widget_class_bind_template_child (widget_class, AnnexVersionsSection, new_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexVersionsSection, list);
  gtk_widget_class_bind_template_child (widget_class, AnnexVersionsSection, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
annex_versions_section_init (AnnexVersionsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                         GTK_SORTER (gtk_custom_sorter_new (sort_func, NULL,
                                                                            NULL)));
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_model_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->model), create_row, self, NULL);

  /* A document added from the editor gets its id: the section then appears. */
  self->document_signals = g_signal_group_new (ANNEX_TYPE_RECORD);
  g_signal_group_connect_swapped (self->document_signals, "notify::id",
                                  G_CALLBACK (on_document_id_changed_cb), self);

  update_visibility (self);
}

/* Public API */

GtkWidget *
annex_versions_section_new (void)
{
  return g_object_new (ANNEX_TYPE_VERSIONS_SECTION, NULL);
}

void
annex_versions_section_attach (AnnexVersionsSection *self,
                               AnnexRecordEditor    *editor)
{
  g_return_if_fail (ANNEX_IS_VERSIONS_SECTION (self));
  g_return_if_fail (ANNEX_IS_RECORD_EDITOR (editor));

  annex_record_editor_add_section (editor, GTK_WIDGET (self));
  /* Not a GSignalGroup: the editor is disposed before the section. */
  g_set_weak_pointer (&self->editor, editor);
  g_signal_connect_object (editor, "notify::record", G_CALLBACK (on_editor_record_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "add-toast", G_CALLBACK (on_forward_toast_cb), NULL);
  on_editor_record_changed_cb (self, NULL, editor);
}

void
annex_versions_section_set_registers (AnnexVersionsSection *self,
                                      AnnexRegister        *versions,
                                      AnnexRegister        *documents)
{
  g_return_if_fail (ANNEX_IS_VERSIONS_SECTION (self));
  g_return_if_fail (versions == NULL ||
                    annex_register_get_record_type (versions) == ANNEX_TYPE_DOCUMENT_VERSION);
  g_return_if_fail (documents == NULL ||
                    annex_register_get_record_type (documents) == ANNEX_TYPE_DOCUMENT);

  if (g_set_object (&self->versions, versions))
    {
      gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (versions));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSIONS]);
    }
  if (g_set_object (&self->documents, documents))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENTS]);

  update_visibility (self);
}

AnnexRecord *
annex_versions_section_get_document (AnnexVersionsSection *self)
{
  g_return_val_if_fail (ANNEX_IS_VERSIONS_SECTION (self), NULL);

  return self->document;
}

void
annex_versions_section_set_document (AnnexVersionsSection *self,
                                     AnnexRecord          *document)
{
  g_return_if_fail (ANNEX_IS_VERSIONS_SECTION (self));
  g_return_if_fail (document == NULL || ANNEX_IS_RECORD (document));

  if (!g_set_object (&self->document, document))
    return;

  g_signal_group_set_target (self->document_signals, document);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_visibility (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

guint
annex_versions_section_get_n_versions (AnnexVersionsSection *self)
{
  g_return_val_if_fail (ANNEX_IS_VERSIONS_SECTION (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

AnnexDocumentVersion *
annex_versions_section_get_version (AnnexVersionsSection *self,
                                    guint                 position)
{
  g_autoptr(AnnexDocumentVersion) version = NULL;

  g_return_val_if_fail (ANNEX_IS_VERSIONS_SECTION (self), NULL);

  version = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  /* Borrowed: the register holds it. */
  return version;
}

AnnexDocumentVersion *
annex_versions_section_add_draft (AnnexVersionsSection  *self,
                                  GError               **error)
{
  g_autoptr(AnnexDocumentVersion) version = NULL;
  g_autofree char *number = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (ANNEX_IS_VERSIONS_SECTION (self), NULL);
  g_return_val_if_fail (self->versions != NULL && document_id (self) > 0, NULL);

  number = annex_document_version_suggest_number (G_LIST_MODEL (self->versions),
                                                  document_id (self));
  today = annex_field_dup_today ();
  version = annex_document_version_new (document_id (self));
  g_object_set (version, "version", number, "date", today, NULL);

  if (!annex_register_add (self->versions, ANNEX_RECORD (version), error))
    return NULL;

  return version;  /* borrowed: the register holds it */
}

GtkWindow *
annex_versions_section_open_version (AnnexVersionsSection *self,
                                     AnnexDocumentVersion *version)
{
  GtkWindow *dialog;

  g_return_val_if_fail (ANNEX_IS_VERSIONS_SECTION (self), NULL);
  g_return_val_if_fail (ANNEX_IS_DOCUMENT_VERSION (version), NULL);

  if (annex_document_version_is_draft (version))
    dialog = create_draft_dialog (self, version);
  else
    dialog = create_view_dialog (self, version);

  gtk_window_present (dialog);
  return dialog;
}

GtkWindow *
annex_versions_section_open_approve_dialog (AnnexVersionsSection *self,
                                            AnnexDocumentVersion *version)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ApproveData *approve;
  GtkWidget *dialog, *list;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *today = annex_field_dup_today ();
  const char *approver = NULL;

  g_return_val_if_fail (ANNEX_IS_VERSIONS_SECTION (self), NULL);
  g_return_val_if_fail (ANNEX_IS_DOCUMENT_VERSION (version), NULL);

  if (!annex_document_version_is_draft (version))
    return NULL;

  if (ANNEX_IS_DOCUMENT (self->document))
    approver = annex_document_get_approver (ANNEX_DOCUMENT (self->document));

  title = annex_versions_section_format_title (version);
  /* Translators: the approval dialog's text; %s is the version ("Version 1.1") */
  body = g_strdup_printf (_("Approving %s puts it in force: the version in force now is "
                            "superseded, and the next review is planned from the approval "
                            "date. An approved version cannot be changed."), title);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Approve Version"), body);

  approve = g_new0 (ApproveData, 1);
  g_set_weak_pointer (&approve->section, self);
  approve->version = g_object_ref (version);
  g_object_set_data_full (G_OBJECT (dialog), "approve-data", approve, approve_data_free);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  approve->approved_by = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (approve->approved_by), _("Approved by"));
  gtk_editable_set_text (GTK_EDITABLE (approve->approved_by), approver != NULL ? approver : "");
  annex_name_completion_attach (approve->approved_by, &approved_by_field, get_versions_database,
                                approve);
  gtk_list_box_append (GTK_LIST_BOX (list), approve->approved_by);

  approve->approved_on = adw_entry_row_new ();
  /* Translators: the approval date, typed as YYYY-MM-DD */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (approve->approved_on),
                                 _("Approved on (YYYY-MM-DD)"));
  gtk_editable_set_text (GTK_EDITABLE (approve->approved_on), today);
  gtk_list_box_append (GTK_LIST_BOX (list), approve->approved_on);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "approve", _("_Approve"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "approve",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "approve");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_signal_connect_object (approve->approved_by, "changed",
                           G_CALLBACK (on_approve_entry_changed_cb), dialog, 0);
  g_signal_connect_object (approve->approved_on, "changed",
                           G_CALLBACK (on_approve_entry_changed_cb), dialog, 0);
  g_signal_connect (dialog, "response", G_CALLBACK (on_approve_response_cb), NULL);
  on_approve_entry_changed_cb (NULL, ADW_MESSAGE_DIALOG (dialog));

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (approve->approved_by);
  return GTK_WINDOW (dialog);
}

gboolean
annex_versions_section_approve (AnnexVersionsSection  *self,
                                AnnexDocumentVersion  *version,
                                const char            *approved_by,
                                const char            *approved_on,
                                GError               **error)
{
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (ANNEX_IS_VERSIONS_SECTION (self), FALSE);
  g_return_val_if_fail (ANNEX_IS_DOCUMENT_VERSION (version), FALSE);
  g_return_val_if_fail (self->versions != NULL, FALSE);

  if (!annex_document_version_approve (self->versions, version, self->documents, approved_by,
                                       approved_on, error))
    return FALSE;

  title = annex_versions_section_format_title (version);
  escaped = g_markup_escape_text (title, -1);
  /* Translators: a toast after approving; %s is the version ("Version 1.1") */
  text = g_strdup_printf (_("%s approved and in force"), escaped);
  toast = adw_toast_new (text);
  emit_toast (self, toast);
  return TRUE;
}

gboolean
annex_versions_section_delete (AnnexVersionsSection  *self,
                               AnnexDocumentVersion  *version,
                               GError               **error)
{
  g_autoptr(AnnexRecord) record = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (ANNEX_IS_VERSIONS_SECTION (self), FALSE);
  g_return_val_if_fail (ANNEX_IS_DOCUMENT_VERSION (version), FALSE);
  g_return_val_if_fail (self->versions != NULL, FALSE);

  record = g_object_ref (ANNEX_RECORD (version));
  if (!annex_register_remove (self->versions, record, error))
    return FALSE;

  title = annex_versions_section_format_title (version);
  escaped = g_markup_escape_text (title, -1);
  /* Translators: a toast after deleting a draft version; %s is "Version 1.1" */
  text = g_strdup_printf (_("Draft %s deleted"), escaped);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "annex-record", g_object_ref (record),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "annex-register", g_object_ref (self->versions),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
  g_signal_connect (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), NULL);
  emit_toast (self, toast);

  return TRUE;
}
