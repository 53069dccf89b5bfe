/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-checklist-section.c: an audit's checklist in its editor: expander rows per item with
 * the result, question, notes and evidence (saved as the user types), generation from the
 * audit's scope, items added by hand, "Raise Finding" and delete with Undo. */

#define G_LOG_DOMAIN "annex-checklist-section"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-audit.h"
#include "annex-checklist-section.h"

/* Typing is written to the workspace once it pauses this long (as the record editor does). */
#define SAVE_DELAY_MS 400

struct _AnnexChecklistSection
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkWidget          *box;
  GtkListBox         *list;
  GtkLabel           *empty_label;
  GtkLabel           *summary_label;

  /* owned */
  AnnexRecord        *audit;
  AnnexRegister      *items;
  AnnexRegister      *findings;
  GtkFilterListModel *filtered;
  GtkSortListModel   *model;
  GtkCustomFilter    *filter;
  GSignalGroup       *audit_signals;
  GSignalGroup       *findings_signals;
  GPtrArray          *dirty;           /* AnnexAuditItem: edited, not saved yet */
  guint               save_source;

  /* borrowed */
  AnnexRecordEditor  *editor;          /* weak */
};

G_DEFINE_FINAL_TYPE (AnnexChecklistSection, annex_checklist_section, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_AUDIT,
  PROP_N_ITEMS,
  N_PROPS
};

enum {
  ADD_TOAST,
  FINDING_RAISED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Auxiliary functions */

static gint64
audit_id (AnnexChecklistSection *self)
{
  return self->audit != NULL ? annex_record_get_id (self->audit) : 0;
}

static void
emit_toast (AnnexChecklistSection *self,
            AdwToast              *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
emit_text_toast (AnnexChecklistSection *self,
                 const char            *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autoptr(AdwToast) toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 5);
  emit_toast (self, toast);
}

static void emit_error_toast (AnnexChecklistSection *self,
                              const char            *format,
                              ...) G_GNUC_PRINTF (2, 3);

static void
emit_error_toast (AnnexChecklistSection *self,
                  const char            *format,
                  ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  emit_text_toast (self, text);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  AnnexChecklistSection *self = user_data;
  gint64 id = audit_id (self);

  return id > 0 && annex_audit_item_get_audit_id (ANNEX_AUDIT_ITEM (item)) == id;
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  return annex_audit_item_compare (a, b, NULL);
}

/* The finding raised from @item, or NULL (borrowed). */
static AnnexRecord *
find_finding_of (AnnexChecklistSection *self,
                 AnnexAuditItem        *item)
{
  gint64 id = annex_record_get_id (ANNEX_RECORD (item));
  guint n = self->findings != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->findings)) : 0;

  for (guint i = 0; id > 0 && i < n; i++)
    {
      g_autoptr(AnnexFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->findings), i);

      if (annex_finding_get_item_id (finding) == id)
        return ANNEX_RECORD (finding);
    }

  return NULL;
}

static void
update_visibility (AnnexChecklistSection *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint counts[3] = { 0, };   /* sampled, nonconforming, other findings */
  g_autoptr(GString) summary = g_string_new (NULL);

  gtk_widget_set_visible (GTK_WIDGET (self), audit_id (self) > 0 && self->items != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.add", audit_id (self) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.generate", audit_id (self) > 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AnnexAuditItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), i);
      const char *result = annex_audit_item_get_result (item);

      if (g_strcmp0 (result, "not-sampled") == 0)
        continue;
      counts[0]++;
      if (g_strcmp0 (result, "nonconformity") == 0)
        counts[1]++;
      else if (g_strcmp0 (result, "conform") != 0)
        counts[2]++;
    }

  /* Translators: the checklist's progress: "12 items · 5 sampled · 1 nonconformity" */
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n), n);
  if (n > 0)
    {
      g_string_append (summary, _(" · "));
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u sampled", "%u sampled",
                                                    counts[0]), counts[0]);
    }
  if (counts[1] > 0)
    {
      g_string_append (summary, _(" · "));
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u nonconformity",
                                                    "%u nonconformities", counts[1]), counts[1]);
    }
  if (counts[2] > 0)
    {
      g_string_append (summary, _(" · "));
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE,
                                                    "%u observation or opportunity",
                                                    "%u observations or opportunities",
                                                    counts[2]), counts[2]);
    }
  gtk_label_set_text (self->summary_label, summary->str);
}

/* Saving */

static gboolean
save_dirty (AnnexChecklistSection *self)
{
  gboolean ok = TRUE;

  g_clear_handle_id (&self->save_source, g_source_remove);

  while (self->dirty->len > 0)
    {
      g_autoptr(AnnexAuditItem) item = g_ptr_array_steal_index (self->dirty, 0);
      g_autoptr(GError) error = NULL;

      if (self->items == NULL || annex_record_get_id (ANNEX_RECORD (item)) == 0 ||
          annex_register_get_position (self->items, ANNEX_RECORD (item)) == G_MAXUINT)
        continue;

      if (!annex_register_save (self->items, ANNEX_RECORD (item), &error))
        {
          emit_error_toast (self, _("Could not save the checklist item: %s"), error->message);
          ok = FALSE;
        }
    }

  return ok;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  AnnexChecklistSection *self = user_data;

  self->save_source = 0;
  save_dirty (self);
  return G_SOURCE_REMOVE;
}

static void
queue_save (AnnexChecklistSection *self,
            AnnexAuditItem        *item,
            gboolean               at_once)
{
  if (!g_ptr_array_find (self->dirty, item, NULL))
    g_ptr_array_add (self->dirty, g_object_ref (item));

  if (at_once)
    {
      save_dirty (self);
      return;
    }

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
  g_source_set_name_by_id (self->save_source, "[annex] checklist save");
}

/* Rows */

static const char * const result_classes[] = {
  "result-not-sampled", "result-conform", "result-nonconformity", "result-observation",
  "result-improvement",
};

static void
update_row (AnnexAuditItem *item,
            GParamSpec     *pspec,
            GtkWidget      *row)
{
  AnnexChecklistSection *self = g_object_get_data (G_OBJECT (row), "section");
  GtkWidget *tag = g_object_get_data (G_OBJECT (row), "result-tag");
  AdwComboRow *combo = g_object_get_data (G_OBJECT (row), "result-combo");
  GtkWidget *raise = g_object_get_data (G_OBJECT (row), "raise-button");
  AnnexRecordClass *klass = ANNEX_RECORD_GET_CLASS (item);
  const char *subject = annex_audit_item_get_subject (item);
  const char *title = annex_audit_item_get_title (item);
  const char *result = annex_audit_item_get_result (item);
  const AnnexField *field;
  g_autofree char *heading = NULL;
  g_autofree char *escaped = NULL;
  AnnexRecord *finding;
  guint index = 0;
  int choice;

  if (pspec != NULL && !g_str_equal (pspec->name, "subject") &&
      !g_str_equal (pspec->name, "title") && !g_str_equal (pspec->name, "question") &&
      !g_str_equal (pspec->name, "result") && !g_str_equal (pspec->name, "id"))
    return;

  heading = subject != NULL ? g_strdup_printf ("%s  %s", subject, title != NULL ? title : "")
                            : g_strdup (title != NULL ? title : "");
  escaped = g_markup_escape_text (heading, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  /* The question is read in the open row: closed, the rows stay one line each. */

  field = annex_record_class_find_field (klass, "result", &index);
  choice = field != NULL ? annex_field_get_choice_index (field, result) : -1;
  gtk_label_set_text (GTK_LABEL (tag), annex_record_get_choice_label (ANNEX_RECORD (item), index));
  for (guint i = 0; i < G_N_ELEMENTS (result_classes); i++)
    {
      if ((int) i == choice)
        gtk_widget_add_css_class (tag, result_classes[i]);
      else
        gtk_widget_remove_css_class (tag, result_classes[i]);
    }
  if (choice >= 0 && adw_combo_row_get_selected (combo) != (guint) choice)
    adw_combo_row_set_selected (combo, choice);

  /* One finding per item: once raised, the button names it. */
  finding = self != NULL ? find_finding_of (self, item) : NULL;
  if (finding != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Finding %s Raised"),
                                                annex_record_get_reference (finding));

      gtk_button_set_label (GTK_BUTTON (raise), label);
      gtk_widget_set_sensitive (raise, FALSE);
    }
  else
    {
      gtk_button_set_label (GTK_BUTTON (raise), _("Raise _Finding"));
      gtk_widget_set_sensitive (raise, annex_finding_classification_for_result (result) != NULL);
    }
}

static void
on_result_selected_cb (AdwComboRow *combo,
                       GParamSpec  *pspec,
                       GtkWidget   *row)
{
  AnnexChecklistSection *self = g_object_get_data (G_OBJECT (row), "section");
  AnnexAuditItem *item = g_object_get_data (G_OBJECT (row), "item");
  const AnnexField *field;
  guint selected = adw_combo_row_get_selected (combo);

  if (self == NULL || item == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  field = annex_record_class_find_field (ANNEX_RECORD_GET_CLASS (item), "result", NULL);
  if (field == NULL || selected >= annex_field_get_n_choices (field) ||
      g_strcmp0 (field->choices[selected].nick, annex_audit_item_get_result (item)) == 0)
    return;

  annex_record_set_string (ANNEX_RECORD (item), "result", field->choices[selected].nick);
  /* A choice is written at once, as in the record editor. */
  queue_save (self, item, TRUE);
  update_visibility (self);
}

static void
on_text_changed_cb (GtkTextBuffer *buffer,
                    GtkWidget     *row)
{
  AnnexChecklistSection *self = g_object_get_data (G_OBJECT (row), "section");
  AnnexAuditItem *item = g_object_get_data (G_OBJECT (row), "item");
  const char *name = g_object_get_data (G_OBJECT (buffer), "field");
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self == NULL || item == NULL || g_object_get_data (G_OBJECT (buffer), "updating") != NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text[0] != '\0' ? text : NULL, annex_record_get_string (ANNEX_RECORD (item),
                                                                         name)) == 0)
    return;

  annex_record_set_string (ANNEX_RECORD (item), name, text);
  queue_save (self, item, FALSE);
}

/* The record changed elsewhere (a reload, Undo): the text follows unless it is being typed. */
static void
on_text_record_notify_cb (AnnexRecord   *item,
                          GParamSpec    *pspec,
                          GtkTextBuffer *buffer)
{
  const char *name = g_object_get_data (G_OBJECT (buffer), "field");
  const char *value = annex_record_get_string (item, name);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (!g_str_equal (pspec->name, name))
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, value != NULL ? value : "") == 0)
    return;

  g_object_set_data (G_OBJECT (buffer), "updating", GINT_TO_POINTER (TRUE));
  gtk_text_buffer_set_text (buffer, value != NULL ? value : "", -1);
  g_object_set_data (G_OBJECT (buffer), "updating", NULL);
}

static void
on_text_focus_leave_cb (GtkEventControllerFocus *controller,
                        AnnexChecklistSection   *self)
{
  if (self->dirty->len > 0)
    save_dirty (self);
}

static void
on_title_changed_cb (GtkEditable *editable,
                     GtkWidget   *row)
{
  AnnexChecklistSection *self = g_object_get_data (G_OBJECT (row), "section");
  AnnexAuditItem *item = g_object_get_data (G_OBJECT (row), "item");
  const char *text = gtk_editable_get_text (editable);

  if (self == NULL || item == NULL ||
      g_strcmp0 (text, annex_audit_item_get_title (item)) == 0 ||
      (text[0] == '\0' && annex_audit_item_get_title (item) == NULL))
    return;

  annex_record_set_string (ANNEX_RECORD (item), "title", text);
  /* A blank title is not saved (it is required); the row keeps what was typed. */
  if (text[0] != '\0')
    queue_save (self, item, FALSE);
}

static void
on_title_record_notify_cb (AnnexRecord *item,
                           GParamSpec  *pspec,
                           GtkEditable *editable)
{
  const char *title = annex_record_get_string (item, "title");

  if (g_str_equal (pspec->name, "title") &&
      g_strcmp0 (gtk_editable_get_text (editable), title != NULL ? title : "") != 0)
    gtk_editable_set_text (editable, title != NULL ? title : "");
}

/* The title row: what the item samples, in a line. */
static GtkWidget *
create_title_row (AnnexChecklistSection *self,
                  GtkWidget             *row,
                  AnnexAuditItem        *item)
{
  GtkWidget *entry = adw_entry_row_new ();
  const char *title = annex_audit_item_get_title (item);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("What is sampled"));
  gtk_editable_set_text (GTK_EDITABLE (entry), title != NULL ? title : "");
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_title_changed_cb), row, 0);
  g_signal_connect_object (item, "notify", G_CALLBACK (on_title_record_notify_cb), entry, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_text_focus_leave_cb), self, 0);
  gtk_widget_add_controller (entry, focus);
  return entry;
}

/* A caption over a text view of several lines, for the long text field @name of @item. */
static GtkWidget *
create_text_row (AnnexChecklistSection *self,
                 GtkWidget             *row,
                 AnnexAuditItem        *item,
                 const char            *name,
                 const char            *caption)
{
  GtkWidget *text_row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (caption);
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  const char *value = annex_record_get_string (ANNEX_RECORD (item), name);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (text_row), caption);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (text_row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_add_css_class (view, "checklist-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, caption,
                                  -1);
  gtk_text_buffer_set_text (buffer, value != NULL ? value : "", -1);
  g_object_set_data (G_OBJECT (buffer), "field", (gpointer) name);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_text_changed_cb), row, 0);
  g_signal_connect_object (item, "notify", G_CALLBACK (on_text_record_notify_cb), buffer, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_text_focus_leave_cb), self, 0);
  gtk_widget_add_controller (view, focus);
  gtk_box_append (GTK_BOX (box), view);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (text_row), box);
  return text_row;
}

static void
on_raise_clicked_cb (GtkButton *button,
                     GtkWidget *row)
{
  AnnexChecklistSection *self = g_object_get_data (G_OBJECT (row), "section");
  AnnexAuditItem *item = g_object_get_data (G_OBJECT (row), "item");
  g_autoptr(GError) error = NULL;

  if (self != NULL && item != NULL &&
      annex_checklist_section_raise_finding (self, item, &error) == NULL)
    emit_error_toast (self, _("Could not raise the finding: %s"), error->message);
}

static void
on_delete_clicked_cb (GtkButton *button,
                      GtkWidget *row)
{
  AnnexChecklistSection *self = g_object_get_data (G_OBJECT (row), "section");
  AnnexAuditItem *item = g_object_get_data (G_OBJECT (row), "item");
  g_autoptr(GError) error = NULL;

  if (self != NULL && item != NULL &&
      !annex_checklist_section_delete_item (self, item, &error))
    emit_error_toast (self, _("Could not delete the item: %s"), error->message);
}

static GtkWidget *
create_result_combo (AnnexAuditItem *item)
{
  const AnnexField *field = annex_record_class_find_field (ANNEX_RECORD_GET_CLASS (item),
                                                           "result", NULL);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *combo = adw_combo_row_new ();

  for (guint i = 0; field != NULL && field->choices[i].nick != NULL; i++)
    gtk_string_list_append (labels, _(field->choices[i].label));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Result"));
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (labels));
  return combo;
}

static GtkWidget *
create_row (gpointer object,
            gpointer user_data)
{
  AnnexChecklistSection *self = user_data;
  AnnexAuditItem *item = ANNEX_AUDIT_ITEM (object);
  GtkWidget *row, *tag, *combo, *buttons, *button, *actions_row;

  row = adw_expander_row_new ();
  gtk_widget_add_css_class (row, "checklist-item");
  g_object_set_data (G_OBJECT (row), "section", self);
  g_object_set_data_full (G_OBJECT (row), "item", g_object_ref (item), g_object_unref);

  tag = gtk_label_new (NULL);
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "result-tag");
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), tag);
  g_object_set_data (G_OBJECT (row), "result-tag", tag);

  combo = create_result_combo (item);
  g_object_set_data (G_OBJECT (row), "result-combo", combo);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), combo);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), create_title_row (self, row, item));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            create_text_row (self, row, item, "question", _("Question")));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            create_text_row (self, row, item, "notes", _("Notes")));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            create_text_row (self, row, item, "evidence", _("Evidence seen")));

  actions_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (actions_row), FALSE);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (buttons, 12);
  gtk_widget_set_margin_end (buttons, 12);
  gtk_widget_set_margin_top (buttons, 8);
  gtk_widget_set_margin_bottom (buttons, 8);

  button = gtk_button_new_with_mnemonic (_("Raise _Finding"));
  gtk_widget_set_tooltip_text (button, _("Record a finding from this item's result, notes and "
                                         "evidence"));
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_raise_clicked_cb), row, 0);
  gtk_box_append (GTK_BOX (buttons), button);
  g_object_set_data (G_OBJECT (row), "raise-button", button);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete Item"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete Item"), -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_clicked_cb), row, 0);
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (actions_row), buttons);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), actions_row);

  update_row (item, NULL, row);
  g_signal_connect_object (combo, "notify::selected", G_CALLBACK (on_result_selected_cb), row, 0);
  g_signal_connect_object (item, "notify", G_CALLBACK (update_row), row, 0);

  return row;
}

/* Signal callbacks */

static void
on_model_items_changed_cb (AnnexChecklistSection *self)
{
  update_visibility (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
on_editor_record_changed_cb (AnnexChecklistSection *self,
                             GParamSpec            *pspec,
                             AnnexRecordEditor     *editor)
{
  annex_checklist_section_set_audit (self, annex_record_editor_get_record (editor));
}

static void
on_forward_toast_cb (AnnexChecklistSection *self,
                     AdwToast              *toast)
{
  if (self->editor != NULL)
    g_signal_emit_by_name (self->editor, "add-toast", toast);
}

static void
on_audit_id_changed_cb (AnnexChecklistSection *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_visibility (self);
}

/* A finding raised or deleted changes the rows' "Raise Finding" buttons. */
static void
on_findings_changed_cb (AnnexChecklistSection *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      AnnexAuditItem *item = g_object_get_data (G_OBJECT (row), "item");

      if (item != NULL)
        update_row (item, NULL, row);
    }
}

static void
on_undo_clicked_cb (AdwToast              *toast,
                    AnnexChecklistSection *self)
{
  AnnexRecord *record = g_object_get_data (G_OBJECT (toast), "annex-record");
  AnnexRegister *register_ = g_object_get_data (G_OBJECT (toast), "annex-register");
  g_autoptr(GError) error = NULL;

  if (record != NULL && register_ != NULL && !annex_register_restore (register_, record, &error))
    emit_error_toast (self, _("Could not restore the item: %s"), error->message);
}

static void
on_toast_dismissed_cb (AdwToast *toast)
{
  g_object_set_data (G_OBJECT (toast), "annex-record", NULL);
  g_object_set_data (G_OBJECT (toast), "annex-register", NULL);
}

/* Actions */

static void
generate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AnnexChecklistSection *self = ANNEX_CHECKLIST_SECTION (widget);
  g_autoptr(GError) error = NULL;

  if (!annex_checklist_section_generate (self, NULL, &error))
    emit_error_toast (self, _("Could not generate the checklist: %s"), error->message);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AnnexChecklistSection *self = ANNEX_CHECKLIST_SECTION (widget);
  g_autoptr(GError) error = NULL;

  if (annex_checklist_section_add_item (self, &error) == NULL)
    emit_error_toast (self, _("Could not add the item: %s"), error->message);
}

/* GObject */

static void
annex_checklist_section_dispose (GObject *object)
{
  AnnexChecklistSection *self = ANNEX_CHECKLIST_SECTION (object);

  if (self->dirty != NULL && self->dirty->len > 0)
    save_dirty (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_weak_pointer (&self->editor);
  if (self->audit_signals != NULL)
    g_signal_group_set_target (self->audit_signals, NULL);
  if (self->findings_signals != NULL)
    g_signal_group_set_target (self->findings_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_CHECKLIST_SECTION);

  g_clear_object (&self->audit_signals);
  g_clear_object (&self->findings_signals);
  g_clear_object (&self->model);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->audit);
  g_clear_object (&self->items);
  g_clear_object (&self->findings);
  g_clear_pointer (&self->dirty, g_ptr_array_unref);

  G_OBJECT_CLASS (annex_checklist_section_parent_class)->dispose (object);
}

static void
annex_checklist_section_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AnnexChecklistSection *self = ANNEX_CHECKLIST_SECTION (object);

  switch (prop_id)
    {
    case PROP_AUDIT:
      g_value_set_object (value, self->audit);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, annex_checklist_section_get_n_items (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_checklist_section_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AnnexChecklistSection *self = ANNEX_CHECKLIST_SECTION (object);

  switch (prop_id)
    {
    case PROP_AUDIT:
      annex_checklist_section_set_audit (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_checklist_section_class_init (AnnexChecklistSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = annex_checklist_section_dispose;
  object_class->get_property = annex_checklist_section_get_property;
  object_class->set_property = annex_checklist_section_set_property;

  properties[PROP_AUDIT] =
    g_param_spec_object ("audit", NULL, NULL, ANNEX_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
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
  signals[FINDING_RAISED] =
    g_signal_new ("finding-raised",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, ANNEX_TYPE_FINDING);

  gtk_widget_class_install_action (widget_class, "checklist.generate", NULL, generate_action);
  gtk_widget_class_install_action (widget_class, "checklist.add", NULL, add_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH
                                               "/ui/annex-checklist-section.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexChecklistSection, box);
  gtk_widget_class_bind_template_child (widget_class, AnnexChecklistSection, list);
  gtk_widget_class_bind_template_child (widget_class, AnnexChecklistSection, empty_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexChecklistSection, summary_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
annex_checklist_section_init (AnnexChecklistSection *self)
{
  g_autoptr(GtkCustomSorter) sorter = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->dirty = g_ptr_array_new_with_free_func (g_object_unref);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  sorter = gtk_custom_sorter_new (sort_func, NULL, NULL);
  self->model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                         g_object_ref (GTK_SORTER (sorter)));
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_model_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->model), create_row, self, NULL);

  /* An audit added from the editor gets its id: the section then appears. */
  self->audit_signals = g_signal_group_new (ANNEX_TYPE_RECORD);
  g_signal_group_connect_swapped (self->audit_signals, "notify::id",
                                  G_CALLBACK (on_audit_id_changed_cb), self);
  self->findings_signals = g_signal_group_new (ANNEX_TYPE_REGISTER);
  g_signal_group_connect_swapped (self->findings_signals, "items-changed",
                                  G_CALLBACK (on_findings_changed_cb), self);

  update_visibility (self);
}

/* Public API */

GtkWidget *
annex_checklist_section_new (void)
{
  return g_object_new (ANNEX_TYPE_CHECKLIST_SECTION, NULL);
}

void
annex_checklist_section_attach (AnnexChecklistSection *self,
                                AnnexRecordEditor     *editor)
{
  g_return_if_fail (ANNEX_IS_CHECKLIST_SECTION (self));
  g_return_if_fail (ANNEX_IS_RECORD_EDITOR (editor));

  annex_record_editor_add_section (editor, GTK_WIDGET (self));
  /* Not a GSignalGroup: the editor is disposed before the section. */
  g_set_weak_pointer (&self->editor, editor);
  g_signal_connect_object (editor, "notify::record", G_CALLBACK (on_editor_record_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "add-toast", G_CALLBACK (on_forward_toast_cb), NULL);
  annex_checklist_section_set_audit (self, annex_record_editor_get_record (editor));
}

void
annex_checklist_section_set_registers (AnnexChecklistSection *self,
                                       AnnexRegister         *items,
                                       AnnexRegister         *findings)
{
  g_return_if_fail (ANNEX_IS_CHECKLIST_SECTION (self));
  g_return_if_fail (items == NULL || ANNEX_IS_REGISTER (items));
  g_return_if_fail (findings == NULL || ANNEX_IS_REGISTER (findings));

  if (self->items != items)
    save_dirty (self);
  if (g_set_object (&self->items, items))
    gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (items));
  if (g_set_object (&self->findings, findings))
    g_signal_group_set_target (self->findings_signals, findings);

  update_visibility (self);
}

AnnexRecord *
annex_checklist_section_get_audit (AnnexChecklistSection *self)
{
  g_return_val_if_fail (ANNEX_IS_CHECKLIST_SECTION (self), NULL);

  return self->audit;
}

void
annex_checklist_section_set_audit (AnnexChecklistSection *self,
                                   AnnexRecord           *audit)
{
  g_return_if_fail (ANNEX_IS_CHECKLIST_SECTION (self));
  g_return_if_fail (audit == NULL || ANNEX_IS_RECORD (audit));

  if (audit != NULL && !ANNEX_IS_AUDIT (audit))
    audit = NULL;
  if (self->audit == audit)
    return;

  save_dirty (self);
  g_set_object (&self->audit, audit);
  g_signal_group_set_target (self->audit_signals, audit);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_visibility (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUDIT]);
}

guint
annex_checklist_section_get_n_items (AnnexChecklistSection *self)
{
  g_return_val_if_fail (ANNEX_IS_CHECKLIST_SECTION (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

AnnexAuditItem *
annex_checklist_section_get_item (AnnexChecklistSection *self,
                                  guint                  position)
{
  g_autoptr(AnnexAuditItem) item = NULL;

  g_return_val_if_fail (ANNEX_IS_CHECKLIST_SECTION (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  /* The register keeps it alive. */
  return item;
}

gboolean
annex_checklist_section_generate (AnnexChecklistSection  *self,
                                  guint                  *out_n_added,
                                  GError                **error)
{
  guint n_added = 0;
  g_autofree char *text = NULL;

  g_return_val_if_fail (ANNEX_IS_CHECKLIST_SECTION (self), FALSE);

  if (out_n_added != NULL)
    *out_n_added = 0;
  if (self->items == NULL || audit_id (self) <= 0)
    return TRUE;

  save_dirty (self);
  if (!annex_audit_generate_checklist (ANNEX_AUDIT (self->audit), self->items, &n_added, error))
    return FALSE;

  if (n_added > 0)
    /* Translators: a toast after generating an audit's checklist */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u checklist item added",
                                         "%u checklist items added", n_added), n_added);
  else
    text = g_strdup (_("Every clause and control of the scope has an item already. Add "
                       "clauses or controls to the scope first."));
  emit_text_toast (self, text);

  if (out_n_added != NULL)
    *out_n_added = n_added;
  return TRUE;
}

AnnexAuditItem *
annex_checklist_section_add_item (AnnexChecklistSection  *self,
                                  GError                **error)
{
  g_autoptr(AnnexAuditItem) item = NULL;
  GtkWidget *last;

  g_return_val_if_fail (ANNEX_IS_CHECKLIST_SECTION (self), NULL);

  if (self->items == NULL || audit_id (self) <= 0)
    return NULL;

  save_dirty (self);
  item = annex_audit_item_new (audit_id (self));
  annex_record_set_int (ANNEX_RECORD (item), "position",
                        annex_audit_item_next_position (G_LIST_MODEL (self->items),
                                                        audit_id (self)));
  /* Translators: the title of a checklist item added by hand, until the auditor names it */
  annex_record_set_string (ANNEX_RECORD (item), "title", _("New checklist item"));
  if (!annex_register_add (self->items, ANNEX_RECORD (item), error))
    return NULL;

  /* The new row is created when the register reports the item: open and focus it. */
  last = gtk_widget_get_last_child (GTK_WIDGET (self->list));
  if (last != NULL && g_object_get_data (G_OBJECT (last), "item") == item)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (last), TRUE);
      gtk_widget_grab_focus (last);
    }

  return item;
}

AnnexFinding *
annex_checklist_section_raise_finding (AnnexChecklistSection  *self,
                                       AnnexAuditItem         *item,
                                       GError                **error)
{
  AnnexFinding *finding;
  g_autofree char *text = NULL;

  g_return_val_if_fail (ANNEX_IS_CHECKLIST_SECTION (self), NULL);
  g_return_val_if_fail (ANNEX_IS_AUDIT_ITEM (item), NULL);
  g_return_val_if_fail (self->findings != NULL, NULL);

  /* The finding copies the notes and evidence just typed. */
  if (!save_dirty (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The item's changes could not be saved."));
      return NULL;
    }

  finding = annex_finding_raise_from_item (item, self->findings, error);
  if (finding == NULL)
    return NULL;

  /* Translators: a toast after raising a finding from a checklist item */
  text = g_strdup_printf (_("Finding %s raised"), annex_record_get_reference (ANNEX_RECORD (finding)));
  emit_text_toast (self, text);
  g_signal_emit (self, signals[FINDING_RAISED], 0, finding);
  return finding;
}

gboolean
annex_checklist_section_delete_item (AnnexChecklistSection  *self,
                                     AnnexAuditItem         *item,
                                     GError                **error)
{
  g_autoptr(AnnexRecord) record = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  const char *name;

  g_return_val_if_fail (ANNEX_IS_CHECKLIST_SECTION (self), FALSE);
  g_return_val_if_fail (ANNEX_IS_AUDIT_ITEM (item), FALSE);
  g_return_val_if_fail (self->items != NULL, FALSE);

  save_dirty (self);
  record = g_object_ref (ANNEX_RECORD (item));
  if (!annex_register_remove (self->items, record, error))
    return FALSE;

  name = annex_audit_item_get_subject (item);
  if (name == NULL)
    name = annex_audit_item_get_title (item);
  escaped = g_markup_escape_text (name != NULL ? name : annex_record_get_reference (record), -1);
  /* Translators: a toast after deleting a checklist item; %s is its clause, control or title */
  title = g_strdup_printf (_("Checklist item “%s” deleted"), escaped);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "annex-record", g_object_ref (record),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "annex-register", g_object_ref (self->items),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
  g_signal_connect (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), NULL);
  emit_toast (self, toast);

  return TRUE;
}
