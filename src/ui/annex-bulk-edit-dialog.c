/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-bulk-edit-dialog.c: the bulk edit dialog: one row per editable field, each left as it
 * is on every record until the user changes it. */

#define G_LOG_DOMAIN "annex-bulk-edit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-bulk-edit-dialog.h"
#include "annex-register-format.h"

typedef struct
{
  AnnexBulkEditDialog *self;        /* borrowed: rows live as long as the dialog */
  guint                index;       /* into the record type's field table */
  const AnnexField    *field;
  GtkWidget           *row;         /* an AdwComboRow (choices, switches) or AdwEntryRow */
  GtkWidget           *check;       /* entry rows: "change this field" */
  char                *initial;     /* entry rows: the text shown at first */
  gboolean             invalid;     /* entry rows: a date that is not valid */
} BulkRow;

struct _AnnexBulkEditDialog
{
  AdwWindow              parent_instance;

  /* template widgets */
  GtkWidget             *apply_button;
  GtkListBox            *rows_list;

  /* owned */
  GPtrArray             *records;   /* AnnexRecord */
  GPtrArray             *rows;      /* BulkRow */
  AnnexBulkEdit         *edit;
  AnnexRecord           *scratch;   /* the values chosen so far, for the visible function */
  gboolean               updating;

  /* borrowed */
  AnnexFieldVisibleFunc  visible_func;
  gpointer               visible_data;
};

G_DEFINE_FINAL_TYPE (AnnexBulkEditDialog, annex_bulk_edit_dialog, ADW_TYPE_WINDOW)

enum {
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Auxiliary methods */

static void
bulk_row_free (gpointer data)
{
  BulkRow *row = data;

  g_free (row->initial);
  g_free (row);
}

static gboolean
is_entry_row (BulkRow *row)
{
  return row->field->type == ANNEX_FIELD_TEXT || row->field->type == ANNEX_FIELD_LONG_TEXT ||
         row->field->type == ANNEX_FIELD_DATE;
}

/* Reads @row into @value (initialized here). FALSE when the row leaves the field as it is. */
static gboolean
read_row (BulkRow *row,
          GValue  *value)
{
  if (is_entry_row (row))
    {
      g_autofree char *text = NULL;

      if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (row->check)) || row->invalid)
        return FALSE;

      text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->row)));
      if (row->field->type != ANNEX_FIELD_LONG_TEXT)
        g_strstrip (text);
      g_value_init (value, G_TYPE_STRING);
      g_value_take_string (value, g_steal_pointer (&text));
      return TRUE;
    }
  else
    {
      guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (row->row));

      if (position == 0 || position == GTK_INVALID_LIST_POSITION)
        return FALSE;

      if (row->field->type == ANNEX_FIELD_BOOL)
        {
          g_value_init (value, G_TYPE_BOOLEAN);
          g_value_set_boolean (value, position == 1);
        }
      else
        {
          g_value_init (value, G_TYPE_STRING);
          g_value_set_string (value, row->field->choices[position - 1].nick);
        }
      return TRUE;
    }
}

/* Rebuilds the edit from the rows: the rows shown and changed, each with its value. A row the
 * visible function hides (reasons once the choice is "excluded") changes nothing. */
static void
sync_edit (AnnexBulkEditDialog *self)
{
  gboolean any_invalid = FALSE;

  /* The scratch record holds what the records will share: for the visible function. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      BulkRow *row = g_ptr_array_index (self->rows, i);
      g_auto(GValue) value = G_VALUE_INIT;

      if (read_row (row, &value) ||
          annex_bulk_edit_common_value (self->records, row->index, &value))
        {
          if (G_VALUE_HOLDS_STRING (&value) && row->field->type == ANNEX_FIELD_DATE &&
              g_value_get_string (&value) != NULL &&
              !annex_field_date_is_valid (g_value_get_string (&value)))
            continue;
          annex_record_set_value (self->scratch, row->index, &value);
        }
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      BulkRow *row = g_ptr_array_index (self->rows, i);
      g_auto(GValue) value = G_VALUE_INIT;
      gboolean visible = TRUE;

      if (self->visible_func != NULL)
        visible = self->visible_func (self->scratch, row->field, self->visible_data);
      if (gtk_widget_get_visible (row->row) != visible)
        gtk_widget_set_visible (row->row, visible);

      if (visible && row->invalid)
        any_invalid = TRUE;

      if (visible && read_row (row, &value))
        annex_bulk_edit_set_value (self->edit, row->field->name, &value);
      else
        annex_bulk_edit_unset (self->edit, row->field->name);
    }

  gtk_widget_set_sensitive (self->apply_button,
                            !any_invalid && annex_bulk_edit_get_n_fields (self->edit) > 0);
}

/* "Now: Applicable", "Now: mixed": what the records hold, as a row's subtitle. */
static char *
dup_current_text (AnnexBulkEditDialog *self,
                  BulkRow             *row)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *text = NULL;

  if (!annex_bulk_edit_common_value (self->records, row->index, &value))
    /* Translators: the subtitle of a bulk edit row when the records hold different values. */
    return g_strdup (_("Now: mixed"));

  text = annex_format_field_value (row->field, &value);
  if (text == NULL || *text == '\0')
    /* Translators: the subtitle of a bulk edit row when no record has a value. */
    return g_strdup (_("Now: empty"));

  /* Translators: the subtitle of a bulk edit row: the value every record has now. */
  return g_strdup_printf (_("Now: %s"), text);
}

/* Signal callbacks */

static void
on_combo_selected_cb (AdwComboRow *combo,
                      GParamSpec  *pspec,
                      BulkRow     *row)
{
  if (!row->self->updating)
    sync_edit (row->self);
}

static void
on_entry_changed_cb (GtkEditable *editable,
                     BulkRow     *row)
{
  AnnexBulkEditDialog *self = row->self;
  g_autofree char *text = NULL;

  if (self->updating)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  row->invalid = row->field->type == ANNEX_FIELD_DATE && *text != '\0' &&
                 !annex_field_date_is_valid (text);
  if (row->invalid)
    gtk_widget_add_css_class (row->row, "error");
  else
    gtk_widget_remove_css_class (row->row, "error");

  /* Typing is choosing to change the field. */
  self->updating = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (row->check), TRUE);
  self->updating = FALSE;

  sync_edit (self);
}

static void
on_check_toggled_cb (GtkCheckButton *check,
                     BulkRow        *row)
{
  AnnexBulkEditDialog *self = row->self;

  if (self->updating)
    return;

  /* Unticked: the records keep their values, and the row shows what it showed at first. */
  if (!gtk_check_button_get_active (check))
    {
      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (row->row), row->initial);
      self->updating = FALSE;
      row->invalid = FALSE;
      gtk_widget_remove_css_class (row->row, "error");
    }

  sync_edit (self);
}

static void
on_apply_clicked_cb (AnnexBulkEditDialog *self)
{
  annex_bulk_edit_dialog_apply (self);
}

/* Building the rows */

static GtkWidget *
build_combo_row (AnnexBulkEditDialog *self,
                 BulkRow             *row)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *subtitle = dup_current_text (self, row);
  GtkWidget *combo;

  /* Translators: the first choice of a bulk edit row: leave the field unchanged. */
  gtk_string_list_append (labels, _("Keep as is"));
  if (row->field->type == ANNEX_FIELD_BOOL)
    {
      gtk_string_list_append (labels, _("Yes"));
      gtk_string_list_append (labels, _("No"));
    }
  else
    {
      guint n = annex_field_get_n_choices (row->field);

      for (guint i = 0; i < n; i++)
        gtk_string_list_append (labels, _(row->field->choices[i].label));
    }

  combo = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _(row->field->label));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (combo), subtitle);
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 0);
  g_signal_connect (combo, "notify::selected", G_CALLBACK (on_combo_selected_cb), row);

  return combo;
}

static GtkWidget *
build_entry_row (AnnexBulkEditDialog *self,
                 BulkRow             *row)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GtkWidget *entry;

  /* The value the records share is shown to start from; mixed values start empty. */
  if (annex_bulk_edit_common_value (self->records, row->index, &value))
    row->initial = g_value_dup_string (&value);
  if (row->initial == NULL)
    row->initial = g_strdup ("");

  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _(row->field->label));
  gtk_editable_set_text (GTK_EDITABLE (entry), row->initial);
  if (row->field->type == ANNEX_FIELD_DATE)
    {
      g_autofree char *title = NULL;

      /* Translators: the title of a date row in the bulk edit dialog, e.g. "Target date
       * (YYYY-MM-DD)". */
      title = g_strdup_printf (_("%s (YYYY-MM-DD)"), _(row->field->label));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
      gtk_widget_add_css_class (entry, "numeric");
    }

  row->check = gtk_check_button_new ();
  gtk_widget_set_valign (row->check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (row->check, _("Change this field on every record"));
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (entry), row->check);

  g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed_cb), row);
  g_signal_connect (row->check, "toggled", G_CALLBACK (on_check_toggled_cb), row);

  return entry;
}

static void
add_row (AnnexBulkEditDialog *self,
         const AnnexField    *field,
         guint                index)
{
  BulkRow *row = g_new0 (BulkRow, 1);

  row->self = self;
  row->index = index;
  row->field = field;
  row->row = field->type == ANNEX_FIELD_CHOICE || field->type == ANNEX_FIELD_BOOL
             ? build_combo_row (self, row)
             : build_entry_row (self, row);
  g_ptr_array_add (self->rows, row);
  gtk_list_box_append (self->rows_list, row->row);
}

static void
build_rows (AnnexBulkEditDialog *self,
            const char * const  *field_names)
{
  AnnexRecordClass *klass = ANNEX_RECORD_GET_CLASS (self->scratch);
  const AnnexField *fields;
  guint n_fields = 0;

  if (field_names == NULL)
    {
      fields = annex_record_class_get_fields (klass, &n_fields);
      for (guint i = 0; i < n_fields; i++)
        if (annex_bulk_edit_dialog_offers_field (&fields[i]))
          add_row (self, &fields[i], i);
      return;
    }

  for (guint i = 0; field_names[i] != NULL; i++)
    {
      guint index = 0;
      const AnnexField *field = annex_record_class_find_field (klass, field_names[i], &index);

      if (field == NULL || (field->flags & ANNEX_FIELD_FLAG_READ_ONLY) != 0 ||
          field->type == ANNEX_FIELD_INT)
        {
          g_critical ("Field “%s” cannot be edited in bulk", field_names[i]);
          continue;
        }

      add_row (self, field, index);
    }
}

/* GObject */

static void
annex_bulk_edit_dialog_dispose (GObject *object)
{
  AnnexBulkEditDialog *self = ANNEX_BULK_EDIT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_BULK_EDIT_DIALOG);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->edit, annex_bulk_edit_free);
  g_clear_object (&self->scratch);

  G_OBJECT_CLASS (annex_bulk_edit_dialog_parent_class)->dispose (object);
}

static void
annex_bulk_edit_dialog_class_init (AnnexBulkEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = annex_bulk_edit_dialog_dispose;

  signals[APPLY] =
    g_signal_new ("apply",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/annex-bulk-edit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexBulkEditDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexBulkEditDialog, rows_list);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
annex_bulk_edit_dialog_init (AnnexBulkEditDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func (bulk_row_free);
}

/* Public API */

AnnexBulkEditDialog *
annex_bulk_edit_dialog_new (GPtrArray             *records,
                            const char * const    *field_names,
                            AnnexFieldVisibleFunc  visible_func,
                            gpointer               user_data)
{
  AnnexBulkEditDialog *self;
  GType type;

  g_return_val_if_fail (records != NULL && records->len > 0, NULL);

  type = G_OBJECT_TYPE (g_ptr_array_index (records, 0));
  g_return_val_if_fail (g_type_is_a (type, ANNEX_TYPE_RECORD), NULL);

  self = g_object_new (ANNEX_TYPE_BULK_EDIT_DIALOG, NULL);
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (self->records, g_object_ref (g_ptr_array_index (records, i)));
  self->edit = annex_bulk_edit_new (type);
  self->scratch = g_object_new (type, NULL);
  self->visible_func = visible_func;
  self->visible_data = user_data;

  build_rows (self, field_names);
  sync_edit (self);

  return self;
}

GPtrArray *
annex_bulk_edit_dialog_get_records (AnnexBulkEditDialog *self)
{
  g_return_val_if_fail (ANNEX_IS_BULK_EDIT_DIALOG (self), NULL);

  return self->records;
}

AnnexBulkEdit *
annex_bulk_edit_dialog_get_edit (AnnexBulkEditDialog *self)
{
  g_return_val_if_fail (ANNEX_IS_BULK_EDIT_DIALOG (self), NULL);

  return self->edit;
}

gboolean
annex_bulk_edit_dialog_apply (AnnexBulkEditDialog *self)
{
  g_return_val_if_fail (ANNEX_IS_BULK_EDIT_DIALOG (self), FALSE);

  if (!gtk_widget_get_sensitive (self->apply_button))
    return FALSE;

  /* The handler may destroy the dialog. */
  g_object_ref (self);
  g_signal_emit (self, signals[APPLY], 0, self->edit);
  g_object_unref (self);
  return TRUE;
}

gboolean
annex_bulk_edit_dialog_offers_field (const AnnexField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if ((field->flags & ANNEX_FIELD_FLAG_READ_ONLY) != 0 ||
      (field->flags & ANNEX_FIELD_FLAG_LIST) == 0)
    return FALSE;

  switch (field->type)
    {
    case ANNEX_FIELD_CHOICE:
    case ANNEX_FIELD_DATE:
    case ANNEX_FIELD_BOOL:
      return TRUE;
    case ANNEX_FIELD_TEXT:
      /* A title, or any required text, is each record's own. */
      return (field->flags & ANNEX_FIELD_FLAG_REQUIRED) == 0;
    case ANNEX_FIELD_LONG_TEXT:
    case ANNEX_FIELD_INT:
    default:
      return FALSE;
    }
}
