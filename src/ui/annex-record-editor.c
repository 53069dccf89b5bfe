/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-record-editor.c: the record editor: one row per field of the record type's field table,
 * automatic saving, and the record's change history. */

#define G_LOG_DOMAIN "annex-record-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "annex-change-log.h"
#include "annex-name-completion.h"
#include "annex-record-editor.h"
#include "annex-register-format.h"
#include "annex-store-error.h"
#include "annex-toast.h"

/* Typing pauses this long before a saved record is written. */
#define SAVE_DELAY_MS 400
/* The History section shows at most this many entries, newest first. */
#define HISTORY_MAX_ENTRIES 100

/* A group of rows under an optional heading. */
typedef struct
{
  char              *title;        /* NULL: no heading */
  GtkWidget         *box;          /* the section, a child of fields_box */
  GtkListBox        *list;         /* the short fields, a boxed list */
  GtkBox            *long_box;     /* the long texts, below the list */
} Section;

typedef struct
{
  AnnexRecordEditor *self;         /* borrowed: rows live as long as the editor's widgets */
  Section           *section;      /* borrowed from the editor's sections */
  guint              index;        /* into the record type's field table */
  const AnnexField  *field;        /* static, from the field table */
  GtkWidget         *row;          /* the list row, or the long-text block */
  GtkWidget         *input;        /* entry row, text view, date entry, combo row, spin, switch */
  GtkWidget         *error_widget; /* what gets the "error" style class */
  GtkWidget         *calendar;     /* DATE: the popover's calendar */
  guint              none_offset;  /* CHOICE: 1 when the first item stands for "no value" */
  gboolean           invalid;      /* the input holds a value that was not written to the record */
  gboolean           edited;       /* the user touched the row: show its error style */
  gboolean           navigating;   /* DATE: the calendar is switching months, not picking a day */
  gboolean           pending;      /* typed into; written to the record on the next idle */
} FieldRow;

struct _AnnexRecordEditor
{
  GtkWidget          parent_instance;

  /* template widgets */
  GtkScrolledWindow *scroller;
  GtkLabel          *reference_label;
  GtkBox            *tags_box;
  GtkLabel          *title_label;
  GtkLabel          *note_label;
  GtkGrid           *info_grid;
  GtkBox            *fields_box;
  GtkBox            *info_sections_box;
  GtkBox            *extra_sections_box;
  GtkLabel          *meta_label;
  GtkExpander       *history_expander;
  GtkListBox        *history_list;
  GtkLabel          *history_placeholder;
  GtkButton         *delete_button;
  GtkLabel          *delete_note;

  /* owned */
  AnnexRegister     *register_;
  AnnexRecord       *record;
  GPtrArray         *rows;          /* FieldRow */
  GPtrArray         *anchored;      /* AnchoredSection: sections placed after a field group */
  GType              rows_type;     /* the record type the rows were built for */
  guint              title_index;   /* the field shown as the heading, G_MAXUINT for none */
  gboolean           has_display_title; /* the record type has a "display-title" property */
  GtkWidget         *reference_row; /* the "Id" row (record types without a reference prefix) */
  GPtrArray         *sections;      /* Section, in order */
  AnnexFieldGroupFunc group_func;
  gpointer           group_data;
  GDestroyNotify     group_destroy;
  gboolean           reference_invalid;
  gboolean           reference_edited;
  AnnexFieldVisibleFunc visible_func;
  gpointer           visible_data;
  GDestroyNotify     visible_destroy;
  AnnexRecordInfoFunc info_func;
  gpointer           info_data;
  GDestroyNotify     info_destroy;
  gulong             notify_handler;
  guint              commit_source; /* idle: writes typed values into the record */
  guint              save_source;   /* timeout: writes the record to the workspace */

  gboolean           updating;      /* copying record values into the widgets */
  gboolean           dirty;         /* a saved record has values not yet written */
  gboolean           valid;
};

G_DEFINE_FINAL_TYPE (AnnexRecordEditor, annex_record_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REGISTER,
  PROP_RECORD,
  PROP_VALID,
  N_PROPS
};

enum {
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void commit_row (FieldRow *row,
                        gboolean  save_now);

/* Auxiliary methods */

static gboolean
record_is_saved (AnnexRecord *record)
{
  return record != NULL && annex_record_get_id (record) != 0;
}

static void
emit_error_toast (AnnexRecordEditor *self,
                  const GError      *error)
{
  g_autoptr(AdwToast) toast = annex_toast_new_for_error (error);

  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
remove_all_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else if (GTK_IS_BOX (parent))
        gtk_box_remove (GTK_BOX (parent), child);
      else
        gtk_widget_unparent (child);
    }
}

static char *
dup_input_text (FieldRow *row)
{
  if (GTK_IS_TEXT_VIEW (row->input))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->input));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->input)));
}

static void
set_input_text (FieldRow   *row,
                const char *text)
{
  g_autofree char *current = dup_input_text (row);

  if (text == NULL)
    text = "";
  /* Unchanged text is left alone, so the cursor does not jump while the user types. */
  if (g_strcmp0 (current, text) == 0)
    return;

  if (GTK_IS_TEXT_VIEW (row->input))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (row->input)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (row->input), text);
}

static void
update_row_style (FieldRow *row)
{
  if (row->invalid && row->edited)
    gtk_widget_add_css_class (row->error_widget, "error");
  else
    gtk_widget_remove_css_class (row->error_widget, "error");
}

/* Copies the record's value of @row's field into its widget. */
static void
load_row (FieldRow *row)
{
  AnnexRecordEditor *self = row->self;
  const GValue *value;
  gboolean was_updating = self->updating;

  if (self->record == NULL)
    return;

  value = annex_record_get_value (self->record, row->index);
  self->updating = TRUE;

  switch (row->field->type)
    {
    case ANNEX_FIELD_TEXT:
    case ANNEX_FIELD_LONG_TEXT:
    case ANNEX_FIELD_DATE:
      set_input_text (row, value != NULL ? g_value_get_string (value) : NULL);
      break;

    case ANNEX_FIELD_CHOICE:
      {
        const char *nick = value != NULL ? g_value_get_string (value) : NULL;
        int index = annex_field_get_choice_index (row->field, nick);
        guint position;

        if (index >= 0)
          position = (guint) index + row->none_offset;
        else
          position = row->none_offset > 0 ? 0 : GTK_INVALID_LIST_POSITION;

        if (adw_combo_row_get_selected (ADW_COMBO_ROW (row->input)) != position)
          adw_combo_row_set_selected (ADW_COMBO_ROW (row->input), position);
      }
      break;

    case ANNEX_FIELD_INT:
      {
        double v = value != NULL ? (double) g_value_get_int64 (value) : 0.0;

        if (gtk_spin_button_get_value (GTK_SPIN_BUTTON (row->input)) != v)
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (row->input), v);
      }
      break;

    case ANNEX_FIELD_BOOL:
      {
        gboolean v = value != NULL && g_value_get_boolean (value);

        if (gtk_switch_get_active (GTK_SWITCH (row->input)) != v)
          gtk_switch_set_active (GTK_SWITCH (row->input), v);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  self->updating = was_updating;
  row->invalid = FALSE;
  /* A required field that is empty (a new record) is invalid, without error style until edited. */
  if (value != NULL && G_VALUE_HOLDS_STRING (value) &&
      (row->field->flags & ANNEX_FIELD_FLAG_REQUIRED) != 0 &&
      (g_value_get_string (value) == NULL || *g_value_get_string (value) == '\0'))
    row->invalid = TRUE;
  update_row_style (row);
}

static FieldRow *
find_row (AnnexRecordEditor *self,
          guint              index)
{
  if (self->rows == NULL)
    return NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);

      if (row->index == index)
        return row;
    }

  return NULL;
}

static gboolean
reference_row_shown (AnnexRecordEditor *self)
{
  return self->reference_row != NULL && self->record != NULL && !record_is_saved (self->record);
}

static void
update_valid (AnnexRecordEditor *self)
{
  gboolean valid = self->record != NULL;

  /* A hidden row keeps its value: only what the user can see and fix counts. */
  for (guint i = 0; valid && self->rows != NULL && i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);

      if (row->invalid && gtk_widget_get_visible (row->row))
        valid = FALSE;
    }

  if (valid && reference_row_shown (self) && self->reference_invalid)
    valid = FALSE;

  if (valid)
    valid = annex_record_validate (self->record, NULL);

  if (valid == self->valid)
    return;

  self->valid = valid;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

static void
update_header (AnnexRecordEditor *self)
{
  const char *reference = NULL;
  const char *title = NULL;

  g_autofree char *display_title = NULL;

  if (self->record != NULL)
    {
      reference = annex_record_get_reference (self->record);
      if (self->has_display_title)
        {
          g_object_get (self->record, "display-title", &display_title, NULL);
          title = display_title;
        }
      else if (self->title_index != G_MAXUINT)
        {
          const GValue *value = annex_record_get_value (self->record, self->title_index);

          if (value != NULL && G_VALUE_HOLDS_STRING (value))
            title = g_value_get_string (value);
        }
    }

  gtk_label_set_label (self->reference_label,
                       reference != NULL && *reference != '\0' ? reference : _("New"));
  gtk_label_set_label (self->title_label,
                       title != NULL && *title != '\0' ? title : _("Untitled"));
}

static void
update_visibility (AnnexRecordEditor *self)
{
  if (self->rows == NULL)
    return;

  if (self->reference_row != NULL)
    gtk_widget_set_visible (self->reference_row, reference_row_shown (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);
      gboolean visible = TRUE;

      /* Annex sets a read-only field; the heading or the info items show what matters. */
      if ((row->field->flags & ANNEX_FIELD_FLAG_READ_ONLY) != 0)
        visible = FALSE;
      else if (self->record != NULL && self->visible_func != NULL)
        visible = self->visible_func (self->record, row->field, self->visible_data);

      if (gtk_widget_get_visible (row->row) != visible)
        gtk_widget_set_visible (row->row, visible);
    }

  /* A section with nothing to show disappears with its heading. */
  for (guint i = 0; self->sections != NULL && i < self->sections->len; i++)
    {
      Section *section = g_ptr_array_index (self->sections, i);
      gboolean any_short = FALSE;
      gboolean any_long = FALSE;

      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (section->list));
           child != NULL && !any_short;
           child = gtk_widget_get_next_sibling (child))
        any_short = gtk_widget_get_visible (child);
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (section->long_box));
           child != NULL && !any_long;
           child = gtk_widget_get_next_sibling (child))
        any_long = gtk_widget_get_visible (child);

      gtk_widget_set_visible (GTK_WIDGET (section->list), any_short);
      gtk_widget_set_visible (GTK_WIDGET (section->long_box), any_long);
      gtk_widget_set_visible (section->box, any_short || any_long);
    }
}

static void
update_delete_button (AnnexRecordEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean saved = record_is_saved (self->record);
  gboolean can_delete = saved && annex_record_can_delete (self->record, &error);

  /* A record the user may not delete (an Annex A control) says why instead of offering a
   * button that does nothing; the page disables register.delete for it as well. */
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), can_delete);
  gtk_label_set_label (self->delete_note, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->delete_note), saved && !can_delete && error != NULL);
}

static GtkWidget *
create_tag (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "info-tag");
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static void
update_info (AnnexRecordEditor *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  int grid_row = 0;

  remove_all_children (GTK_WIDGET (self->tags_box));
  remove_all_children (GTK_WIDGET (self->info_grid));
  remove_all_children (GTK_WIDGET (self->info_sections_box));

  if (self->record != NULL && self->info_func != NULL)
    items = self->info_func (self->record, self->info_data);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      AnnexInfoItem *item = g_ptr_array_index (items, i);
      const char *value = item->value != NULL ? item->value : "";

      switch (item->kind)
        {
        case ANNEX_INFO_TAG:
          gtk_box_append (self->tags_box, create_tag (value));
          break;

        case ANNEX_INFO_NOTE:
          if (note->len > 0)
            g_string_append (note, "\n\n");
          g_string_append (note, value);
          break;

        case ANNEX_INFO_PROPERTY:
          {
            GtkWidget *name = gtk_label_new (item->label);
            GtkWidget *text = gtk_label_new (value);

            gtk_label_set_xalign (GTK_LABEL (name), 0);
            gtk_label_set_yalign (GTK_LABEL (name), 0);
            /* A long name wraps before the values do, in a narrow editor; a long compound
             * ("Informationssicherheitseigenschaften") breaks inside rather than squeeze the
             * values into a sliver. */
            gtk_label_set_wrap (GTK_LABEL (name), TRUE);
            gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
            gtk_label_set_max_width_chars (GTK_LABEL (name), 16);
            gtk_widget_set_valign (name, GTK_ALIGN_START);
            gtk_widget_add_css_class (name, "dim-label");
            gtk_label_set_xalign (GTK_LABEL (text), 0);
            gtk_widget_set_valign (text, GTK_ALIGN_START);
            gtk_label_set_wrap (GTK_LABEL (text), TRUE);
            gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
            gtk_widget_set_hexpand (text, TRUE);
            gtk_grid_attach (self->info_grid, name, 0, grid_row, 1, 1);
            gtk_grid_attach (self->info_grid, text, 1, grid_row, 1, 1);
            grid_row++;
          }
          break;

        case ANNEX_INFO_SECTION:
          {
            GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
            GtkWidget *heading = gtk_label_new (item->label);
            GtkWidget *text = gtk_label_new (value);

            gtk_label_set_xalign (GTK_LABEL (heading), 0);
            gtk_widget_add_css_class (heading, "heading");
            gtk_label_set_xalign (GTK_LABEL (text), 0);
            gtk_label_set_wrap (GTK_LABEL (text), TRUE);
            gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
            gtk_widget_add_css_class (text, "dim-label");
            gtk_box_append (GTK_BOX (box), heading);
            gtk_box_append (GTK_BOX (box), text);
            gtk_box_append (self->info_sections_box, box);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  gtk_label_set_label (self->note_label, note->str);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->tags_box),
                          gtk_widget_get_first_child (GTK_WIDGET (self->tags_box)) != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->info_grid), grid_row > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->info_sections_box),
                          gtk_widget_get_first_child (GTK_WIDGET (self->info_sections_box)) !=
                          NULL);
}

static void
load_reference_row (AnnexRecordEditor *self)
{
  const char *reference;
  gboolean was_updating = self->updating;

  if (self->reference_row == NULL || self->record == NULL)
    return;

  reference = annex_record_get_reference (self->record);
  self->updating = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->reference_row)),
                 reference != NULL ? reference : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->reference_row), reference != NULL ? reference : "");
  self->updating = was_updating;

  self->reference_invalid = reference == NULL || *reference == '\0';
  self->reference_edited = FALSE;
  gtk_widget_remove_css_class (self->reference_row, "error");
}

static void
update_meta (AnnexRecordEditor *self)
{
  g_autofree char *created = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *text = NULL;

  if (!record_is_saved (self->record))
    {
      gtk_label_set_label (self->meta_label,
                           _("Not added yet: fill in the required fields, then press Add."));
      return;
    }

  created = annex_format_timestamp (annex_record_get_created (self->record), NULL);
  updated = annex_format_timestamp (annex_record_get_updated (self->record), NULL);

  if (created != NULL && updated != NULL && g_strcmp0 (created, updated) != 0)
    /* Translators: the record's timestamps, e.g. "Created 5 Mar 2026, 09:12 · updated …". */
    text = g_strdup_printf (_("Created %s · updated %s"), created, updated);
  else if (created != NULL)
    text = g_strdup_printf (_("Created %s"), created);

  gtk_label_set_label (self->meta_label, text != NULL ? text : "");
}

static const char *
change_kind_label (AnnexChangeKind kind)
{
  switch (kind)
    {
    case ANNEX_CHANGE_INSERT:
      return _("Created");
    case ANNEX_CHANGE_UPDATE:
      return _("Changed");
    case ANNEX_CHANGE_DELETE:
      return _("Deleted");
    default:
      return "";
    }
}

static GtkWidget *
create_history_row (const AnnexChangeEntry *entry,
                    const AnnexField       *fields,
                    guint                   n_fields)
{
  GtkWidget *row, *box, *top, *kind, *time;
  g_autofree char *when = annex_format_timestamp (entry->time, NULL);
  g_auto(GStrv) lines = NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  kind = gtk_label_new (change_kind_label (entry->kind));
  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_set_hexpand (kind, TRUE);
  gtk_widget_add_css_class (kind, "heading");
  gtk_box_append (GTK_BOX (top), kind);

  time = gtk_label_new (when != NULL ? when : entry->time);
  gtk_widget_add_css_class (time, "dim-label");
  gtk_widget_add_css_class (time, "caption");
  gtk_widget_add_css_class (time, "numeric");
  gtk_box_append (GTK_BOX (top), time);
  gtk_box_append (GTK_BOX (box), top);

  if (entry->kind == ANNEX_CHANGE_UPDATE)
    lines = annex_format_change_lines (fields, n_fields, entry->before, entry->after);

  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (lines[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (GTK_BOX (box), label);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
load_history (AnnexRecordEditor *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  AnnexRecordClass *klass;
  const AnnexField *fields;
  guint n_fields = 0;
  guint shown = 0;

  remove_all_children (GTK_WIDGET (self->history_list));
  gtk_widget_set_visible (GTK_WIDGET (self->history_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->history_placeholder), FALSE);

  if (!gtk_expander_get_expanded (self->history_expander) || self->register_ == NULL)
    return;

  if (!record_is_saved (self->record))
    {
      gtk_label_set_label (self->history_placeholder, _("The history starts when it is added."));
      gtk_widget_set_visible (GTK_WIDGET (self->history_placeholder), TRUE);
      return;
    }

  klass = ANNEX_RECORD_GET_CLASS (self->record);
  fields = annex_record_class_get_fields (klass, &n_fields);
  entries = annex_change_log_list (annex_register_get_database (self->register_),
                                   annex_record_class_get_table (klass),
                                   annex_record_get_id (self->record),
                                   &error);
  if (entries == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The history could not be read: %s"),
                                               error->message);

      gtk_label_set_label (self->history_placeholder, text);
      gtk_widget_set_visible (GTK_WIDGET (self->history_placeholder), TRUE);
      return;
    }

  /* Oldest first in the store; newest first here. */
  for (guint i = entries->len; i > 0 && shown < HISTORY_MAX_ENTRIES; i--, shown++)
    {
      const AnnexChangeEntry *entry = g_ptr_array_index (entries, i - 1);

      gtk_list_box_append (self->history_list, create_history_row (entry, fields, n_fields));
    }

  if (shown < entries->len)
    {
      g_autofree char *text = NULL;
      guint hidden = entries->len - shown;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u earlier change is not shown.",
                                           "%u earlier changes are not shown.", hidden),
                              hidden);
      gtk_label_set_label (self->history_placeholder, text);
      gtk_widget_set_visible (GTK_WIDGET (self->history_placeholder), TRUE);
    }
  else if (entries->len == 0)
    {
      gtk_label_set_label (self->history_placeholder, _("No changes recorded."));
      gtk_widget_set_visible (GTK_WIDGET (self->history_placeholder), TRUE);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->history_list), entries->len > 0);
}

static void commit_pending (AnnexRecordEditor *self);

static gboolean
save_now (AnnexRecordEditor *self)
{
  g_autoptr(GError) error = NULL;

  commit_pending (self);
  g_clear_handle_id (&self->save_source, g_source_remove);

  if (!self->dirty || !record_is_saved (self->record) || self->register_ == NULL)
    return TRUE;

  if (!annex_register_save (self->register_, self->record, &error))
    {
      /* The typed text stays in the widgets and the record: the next edit or focus change tries
       * again. */
      emit_error_toast (self, error);
      return FALSE;
    }

  self->dirty = FALSE;
  update_meta (self);
  load_history (self);
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  AnnexRecordEditor *self = user_data;

  self->save_source = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (AnnexRecordEditor *self,
               gboolean           immediately)
{
  if (!record_is_saved (self->record))
    return;

  if (immediately)
    {
      save_now (self);
      return;
    }

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
  g_source_set_name_by_id (self->save_source, "[annex] record editor save");
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (G_VALUE_TYPE (a) != G_VALUE_TYPE (b))
    return FALSE;
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (G_VALUE_HOLDS_INT64 (a))
    return g_value_get_int64 (a) == g_value_get_int64 (b);
  if (G_VALUE_HOLDS_BOOLEAN (a))
    return g_value_get_boolean (a) == g_value_get_boolean (b);
  return FALSE;
}

/* Reads @row's widget into @value (initialized here); FALSE when the input is not acceptable. */
static gboolean
read_row (FieldRow *row,
          GValue   *value)
{
  gboolean required = (row->field->flags & ANNEX_FIELD_FLAG_REQUIRED) != 0;

  switch (row->field->type)
    {
    case ANNEX_FIELD_TEXT:
    case ANNEX_FIELD_LONG_TEXT:
    case ANNEX_FIELD_DATE:
      {
        g_autofree char *text = dup_input_text (row);

        g_value_init (value, G_TYPE_STRING);
        if (row->field->type != ANNEX_FIELD_LONG_TEXT)
          g_strstrip (text);
        if (*text == '\0')
          return !required;
        if (row->field->type == ANNEX_FIELD_DATE && !annex_field_date_is_valid (text))
          return FALSE;
        g_value_take_string (value, g_steal_pointer (&text));
        return TRUE;
      }

    case ANNEX_FIELD_CHOICE:
      {
        guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (row->input));

        g_value_init (value, G_TYPE_STRING);
        if (position == GTK_INVALID_LIST_POSITION || position < row->none_offset)
          return !required;
        position -= row->none_offset;
        if (position >= annex_field_get_n_choices (row->field))
          return FALSE;
        g_value_set_string (value, row->field->choices[position].nick);
        return TRUE;
      }

    case ANNEX_FIELD_INT:
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, (gint64) gtk_spin_button_get_value (GTK_SPIN_BUTTON (row->input)));
      return TRUE;

    case ANNEX_FIELD_BOOL:
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, gtk_switch_get_active (GTK_SWITCH (row->input)));
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/* Writes @row's widget value into the record when it is acceptable, then saves (a saved record)
 * at once or after the typing pause. */
static void
commit_row (FieldRow *row,
            gboolean  immediately)
{
  AnnexRecordEditor *self = row->self;
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating || self->record == NULL)
    return;

  row->edited = TRUE;
  row->invalid = !read_row (row, &value);
  update_row_style (row);

  if (!row->invalid && !values_equal (&value, annex_record_get_value (self->record, row->index)))
    {
      annex_record_set_value (self->record, row->index, &value);
      if (record_is_saved (self->record))
        self->dirty = TRUE;
    }

  update_valid (self);

  if (self->dirty)
    schedule_save (self, immediately);
}

/* Writes every typed-into row into the record. */
static void
commit_pending (AnnexRecordEditor *self)
{
  g_clear_handle_id (&self->commit_source, g_source_remove);

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);

      if (row->pending)
        {
          row->pending = FALSE;
          commit_row (row, FALSE);
        }
    }
}

static gboolean
commit_idle_cb (gpointer user_data)
{
  AnnexRecordEditor *self = user_data;

  self->commit_source = 0;
  commit_pending (self);
  return G_SOURCE_REMOVE;
}

/* Signal callbacks */

static void
on_input_changed_cb (FieldRow *row)
{
  AnnexRecordEditor *self = row->self;

  if (self->updating || self->record == NULL)
    return;

  /* Replacing text (a paste over a selection) changes it twice, through an empty text: only the
   * text at the next idle is taken, so a required or date field never sees the empty step. */
  row->pending = TRUE;
  if (self->commit_source == 0)
    {
      self->commit_source = g_idle_add (commit_idle_cb, self);
      g_source_set_name_by_id (self->commit_source, "[annex] record editor commit");
    }
}

static void
on_input_committed_cb (FieldRow *row)
{
  commit_pending (row->self);
  commit_row (row, TRUE);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   FieldRow                *row)
{
  /* Leaving a field saves what it holds (and retries a save that failed). */
  commit_pending (row->self);
  if (row->self->dirty)
    save_now (row->self);
}

static void
on_buffer_changed_cb (GtkTextBuffer *buffer,
                      FieldRow      *row)
{
  on_input_changed_cb (row);
}

static void
on_calendar_navigated_cb (GtkCalendar *calendar,
                          FieldRow    *row)
{
  /* Switching months selects a day in the new month in some GTK versions (not 4.8): that is not
   * the user's choice. The flag lasts until the next click or key press. */
  row->navigating = TRUE;
}

static void
on_calendar_pressed_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        FieldRow        *row)
{
  row->navigating = FALSE;
}

static gboolean
on_calendar_key_pressed_cb (GtkEventControllerKey *controller,
                            guint                  keyval,
                            guint                  keycode,
                            GdkModifierType        state,
                            FieldRow              *row)
{
  row->navigating = FALSE;
  return GDK_EVENT_PROPAGATE;
}

static void
on_calendar_day_selected_cb (GtkCalendar *calendar,
                             FieldRow    *row)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;
  GtkWidget *popover;

  if (row->navigating)
    {
      row->navigating = FALSE;
      return;
    }
  if (row->self->updating)
    return;

  date = gtk_calendar_get_date (calendar);
  text = g_date_time_format (date, "%Y-%m-%d");
  row->self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row->input), text);
  row->self->updating = FALSE;
  commit_row (row, TRUE);

  popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
on_calendar_popover_show_cb (GtkPopover *popover,
                             FieldRow   *row)
{
  g_autofree char *text = dup_input_text (row);
  g_autoptr(GDateTime) date = NULL;
  AnnexRecordEditor *self = row->self;

  g_strstrip (text);
  if (annex_field_date_is_valid (text))
    {
      int y, m, d;

      if (sscanf (text, "%d-%d-%d", &y, &m, &d) == 3)
        date = g_date_time_new_local (y, m, d, 0, 0, 0);
    }
  if (date == NULL)
    date = g_date_time_new_now_local ();

  self->updating = TRUE;
  gtk_calendar_select_day (GTK_CALENDAR (row->calendar), date);
  self->updating = FALSE;
  row->navigating = FALSE;
}

static void
on_date_clear_clicked_cb (GtkButton *button,
                          FieldRow  *row)
{
  row->self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row->input), "");
  row->self->updating = FALSE;
  commit_row (row, TRUE);
}

static void
on_choice_selected_cb (AdwComboRow *combo,
                       GParamSpec  *pspec,
                       FieldRow    *row)
{
  commit_row (row, TRUE);
}

static void
on_switch_active_cb (GtkSwitch  *sw,
                     GParamSpec *pspec,
                     FieldRow   *row)
{
  commit_row (row, TRUE);
}

static void
on_record_notify_cb (AnnexRecord       *record,
                     GParamSpec        *pspec,
                     AnnexRecordEditor *self)
{
  guint index;

  if (g_str_equal (pspec->name, "reference") || g_str_equal (pspec->name, "id"))
    {
      update_header (self);
      update_meta (self);
      update_delete_button (self);
      update_visibility (self);
      return;
    }
  if (g_str_equal (pspec->name, "display-title"))
    {
      update_header (self);
      return;
    }
  if (g_str_equal (pspec->name, "created") || g_str_equal (pspec->name, "updated"))
    {
      update_meta (self);
      return;
    }

  if (annex_record_class_find_field (ANNEX_RECORD_GET_CLASS (record), pspec->name, &index) == NULL)
    return;

  {
    FieldRow *row = find_row (self, index);

    /* A value changed elsewhere (or by this editor): show it, unless the user is in the middle
     * of typing something not yet acceptable there. */
    if (row != NULL && !row->invalid)
      load_row (row);
  }

  if (index == self->title_index)
    update_header (self);
  /* A value may show or hide other rows (a justification once a control is excluded). */
  update_visibility (self);
  update_valid (self);
}

static void
on_reference_changed_cb (AnnexRecordEditor *self)
{
  g_autofree char *text = NULL;

  if (self->updating || self->record == NULL || record_is_saved (self->record))
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reference_row))));
  /* An id is one word: "ORG-1", not "ORG 1". The register checks that it is unused. */
  self->reference_invalid = *text == '\0' || strpbrk (text, " \t\n") != NULL;
  self->reference_edited = TRUE;
  if (self->reference_invalid)
    gtk_widget_add_css_class (self->reference_row, "error");
  else
    gtk_widget_remove_css_class (self->reference_row, "error");

  if (!self->reference_invalid)
    annex_record_set_reference (self->record, text);
  update_valid (self);
}

static void
on_history_expanded_cb (GtkExpander       *expander,
                        GParamSpec        *pspec,
                        AnnexRecordEditor *self)
{
  load_history (self);
}

/* Building the rows */

static char *
dup_row_title (const AnnexField *field)
{
  /* Only fields that can be left empty are marked: a choice, a number or a switch always has a
   * value. */
  if ((field->flags & ANNEX_FIELD_FLAG_REQUIRED) != 0 &&
      (field->type == ANNEX_FIELD_TEXT || field->type == ANNEX_FIELD_LONG_TEXT ||
       field->type == ANNEX_FIELD_DATE))
    /* Translators: the title of a required field in the editor, e.g. "Title (required)". */
    return g_strdup_printf (_("%s (required)"), _(field->label));

  return g_strdup (_(field->label));
}

static void
add_focus_leave (FieldRow  *row,
                 GtkWidget *widget)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave_cb), row);
  gtk_widget_add_controller (widget, controller);
}

static void
build_text_row (FieldRow   *row,
                const char *title)
{
  row->row = row->input = row->error_widget = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), title);
  g_signal_connect_swapped (row->input, "changed", G_CALLBACK (on_input_changed_cb), row);
  g_signal_connect_swapped (row->input, "entry-activated", G_CALLBACK (on_input_committed_cb), row);
  add_focus_leave (row, row->input);
}

/* For the people's names offered in person fields (annex-name-completion.h). */
static AnnexDatabase *
get_editor_database (gpointer user_data)
{
  AnnexRecordEditor *self = user_data;

  return self->register_ != NULL ? annex_register_get_database (self->register_) : NULL;
}

static void
build_long_text_row (FieldRow   *row,
                     const char *title)
{
  GtkWidget *label, *frame, *view;

  row->row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (row->row), label);

  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, 120);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                  -1);

  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (row->row), frame);

  row->input = view;
  row->error_widget = frame;
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                    G_CALLBACK (on_buffer_changed_cb), row);
  add_focus_leave (row, view);
}

static void
build_date_row (FieldRow   *row,
                const char *title)
{
  GtkWidget *entry, *menu_button, *popover, *calendar, *clear;
  GtkGesture *click;
  GtkEventController *key;

  row->row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), title);

  entry = gtk_entry_new ();
  /* Translators: the placeholder of a date field; dates are typed as ISO 8601. */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("YYYY-MM-DD"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 11);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (entry, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), entry);

  calendar = gtk_calendar_new ();
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);

  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu_button), popover);
  gtk_widget_set_tooltip_text (menu_button, _("Choose a Date"));
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), menu_button);

  clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_tooltip_text (clear, _("Clear Date"));
  gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (clear, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), clear);

  row->input = row->error_widget = entry;
  row->calendar = calendar;

  g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_input_changed_cb), row);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (on_input_committed_cb), row);
  add_focus_leave (row, entry);
  g_signal_connect (popover, "show", G_CALLBACK (on_calendar_popover_show_cb), row);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_calendar_day_selected_cb), row);
  g_signal_connect (calendar, "prev-month", G_CALLBACK (on_calendar_navigated_cb), row);
  g_signal_connect (calendar, "next-month", G_CALLBACK (on_calendar_navigated_cb), row);
  g_signal_connect (calendar, "prev-year", G_CALLBACK (on_calendar_navigated_cb), row);
  g_signal_connect (calendar, "next-year", G_CALLBACK (on_calendar_navigated_cb), row);
  g_signal_connect (clear, "clicked", G_CALLBACK (on_date_clear_clicked_cb), row);

  /* Every click or key press in the calendar starts a fresh choice (capture phase: before the
   * calendar acts on it). */
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_calendar_pressed_cb), row);
  gtk_widget_add_controller (calendar, GTK_EVENT_CONTROLLER (click));
  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_calendar_key_pressed_cb), row);
  gtk_widget_add_controller (calendar, key);
}

static void
build_choice_row (FieldRow   *row,
                  const char *title)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n = annex_field_get_n_choices (row->field);

  /* An optional choice without a default can be "none". */
  if ((row->field->flags & ANNEX_FIELD_FLAG_REQUIRED) == 0 && row->field->default_value == NULL)
    {
      gtk_string_list_append (labels, _("None"));
      row->none_offset = 1;
    }
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (labels, _(row->field->choices[i].label));

  row->row = row->input = row->error_widget = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row->row), G_LIST_MODEL (labels));
  g_signal_connect (row->row, "notify::selected", G_CALLBACK (on_choice_selected_cb), row);
}

static void
build_int_row (FieldRow   *row,
               const char *title)
{
  GtkWidget *spin;

  row->row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), title);

  spin = gtk_spin_button_new_with_range (-1e9, 1e9, 1);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 0);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row->row), spin);

  row->input = row->error_widget = spin;
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (on_input_changed_cb), row);
  add_focus_leave (row, spin);
}

static void
build_bool_row (FieldRow   *row,
                const char *title)
{
  GtkWidget *sw;

  row->row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), title);

  sw = gtk_switch_new ();
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row->row), sw);

  row->input = row->error_widget = sw;
  g_signal_connect (sw, "notify::active", G_CALLBACK (on_switch_active_cb), row);
}

static void
section_free (gpointer data)
{
  Section *section = data;

  g_free (section->title);
  g_free (section);
}

/* The section titled @title (NULL: the one without a heading), created after the others when
 * there is none yet: the sections come in the order their first field has in the table. */
static Section *
ensure_section (AnnexRecordEditor *self,
                const char        *title)
{
  Section *section;

  for (guint i = 0; i < self->sections->len; i++)
    {
      section = g_ptr_array_index (self->sections, i);
      if (g_strcmp0 (section->title, title) == 0)
        return section;
    }

  section = g_new0 (Section, 1);
  section->title = g_strdup (title);
  section->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  if (title != NULL)
    {
      GtkWidget *heading = gtk_label_new (title);

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_add_css_class (heading, "heading");
      gtk_box_append (GTK_BOX (section->box), heading);
    }

  section->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (section->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (section->list), "boxed-list");
  gtk_box_append (GTK_BOX (section->box), GTK_WIDGET (section->list));

  section->long_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_box_append (GTK_BOX (section->box), GTK_WIDGET (section->long_box));

  gtk_box_append (self->fields_box, section->box);
  g_ptr_array_add (self->sections, section);
  return section;
}

typedef struct
{
  GtkWidget *widget;  /* owned */
  char      *group;   /* the heading of the field group it follows */
} AnchoredSection;

static void
anchored_section_free (gpointer data)
{
  AnchoredSection *anchored = data;

  g_object_unref (anchored->widget);
  g_free (anchored->group);
  g_free (anchored);
}

/* Puts each anchored section right after its field group, or at the end of the added sections
 * when the record type has no such group. The rows are rebuilt per record type, so this runs
 * after each build. */
static void
place_anchored_sections (AnnexRecordEditor *self)
{
  for (guint i = 0; self->anchored != NULL && i < self->anchored->len; i++)
    {
      AnchoredSection *anchored = g_ptr_array_index (self->anchored, i);
      GtkWidget *parent = gtk_widget_get_parent (anchored->widget);
      GtkWidget *after = NULL;

      for (guint j = 0; self->sections != NULL && j < self->sections->len; j++)
        {
          Section *section = g_ptr_array_index (self->sections, j);

          if (g_strcmp0 (section->title, anchored->group) == 0)
            after = section->box;
        }

      if (parent != NULL)
        gtk_box_remove (GTK_BOX (parent), anchored->widget);
      if (after != NULL)
        gtk_box_insert_child_after (self->fields_box, anchored->widget, after);
      else
        gtk_box_append (self->extra_sections_box, anchored->widget);
    }
}

static void
clear_rows (AnnexRecordEditor *self)
{
  remove_all_children (GTK_WIDGET (self->fields_box));
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  self->rows_type = G_TYPE_INVALID;
  self->title_index = G_MAXUINT;
  self->has_display_title = FALSE;
  self->reference_row = NULL;
}

static void
build_rows (AnnexRecordEditor *self,
            AnnexRecordClass  *klass)
{
  const AnnexField *fields;
  guint n_fields = 0;

  clear_rows (self);

  fields = annex_record_class_get_fields (klass, &n_fields);
  self->rows = g_ptr_array_new_with_free_func (g_free);
  self->sections = g_ptr_array_new_with_free_func (section_free);
  self->rows_type = G_TYPE_FROM_CLASS (klass);

  {
    GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), "display-title");

    self->has_display_title = pspec != NULL && pspec->value_type == G_TYPE_STRING;
  }

  /* The user picks the id of such records (an organization's own control: "ORG-1"); it comes
   * first, in the first section. */
  if (annex_record_class_get_reference_prefix (klass) == NULL)
    {
      const char *group = NULL;

      if (self->group_func != NULL && n_fields > 0)
        group = self->group_func (&fields[0], self->group_data);

      self->reference_row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reference_row),
                                     /* Translators: the row where the user types the id of a
                                      * new record, e.g. "ORG-1". */
                                     _("Id (required)"));
      g_signal_connect_object (self->reference_row, "changed",
                               G_CALLBACK (on_reference_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (ensure_section (self, group)->list, self->reference_row);
    }

  for (guint i = 0; i < n_fields; i++)
    {
      FieldRow *row = g_new0 (FieldRow, 1);
      g_autofree char *title = dup_row_title (&fields[i]);
      const char *group = NULL;

      row->self = self;
      row->index = i;
      row->field = &fields[i];

      switch (fields[i].type)
        {
        case ANNEX_FIELD_TEXT:
          build_text_row (row, title);
          if (annex_field_names_person (&fields[i]))
            annex_name_completion_attach (row->row, &fields[i], get_editor_database, self);
          if (self->title_index == G_MAXUINT || g_str_equal (fields[i].name, "title"))
            self->title_index = i;
          break;
        case ANNEX_FIELD_LONG_TEXT:
          build_long_text_row (row, title);
          break;
        case ANNEX_FIELD_DATE:
          build_date_row (row, title);
          break;
        case ANNEX_FIELD_CHOICE:
          build_choice_row (row, title);
          break;
        case ANNEX_FIELD_INT:
          build_int_row (row, title);
          break;
        case ANNEX_FIELD_BOOL:
          build_bool_row (row, title);
          break;
        default:
          g_assert_not_reached ();
        }

      if (self->group_func != NULL)
        group = self->group_func (&fields[i], self->group_data);
      row->section = ensure_section (self, group);

      /* Long texts go below the section's list of short fields, where they have room. */
      if (fields[i].type == ANNEX_FIELD_LONG_TEXT)
        gtk_box_append (row->section->long_box, row->row);
      else
        gtk_list_box_append (row->section->list, row->row);

      g_ptr_array_add (self->rows, row);
    }

  place_anchored_sections (self);
}

/* GObject */

static void
annex_record_editor_dispose (GObject *object)
{
  AnnexRecordEditor *self = ANNEX_RECORD_EDITOR (object);

  /* Pending edits are written before the editor goes away. */
  save_now (self);
  g_clear_handle_id (&self->commit_source, g_source_remove);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_signal_handler (&self->notify_handler, self->record);
  g_clear_object (&self->record);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_RECORD_EDITOR);
  self->reference_row = NULL;
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->anchored, g_ptr_array_unref);
  g_clear_object (&self->register_);
  if (self->group_destroy != NULL)
    g_clear_pointer (&self->group_data, self->group_destroy);
  self->group_func = NULL;

  if (self->visible_destroy != NULL)
    g_clear_pointer (&self->visible_data, self->visible_destroy);
  self->visible_func = NULL;
  if (self->info_destroy != NULL)
    g_clear_pointer (&self->info_data, self->info_destroy);
  self->info_func = NULL;

  G_OBJECT_CLASS (annex_record_editor_parent_class)->dispose (object);
}

static void
annex_record_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AnnexRecordEditor *self = ANNEX_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_REGISTER:
      g_value_set_object (value, self->register_);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_record_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AnnexRecordEditor *self = ANNEX_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_REGISTER:
      annex_record_editor_set_register (self, g_value_get_object (value));
      break;
    case PROP_RECORD:
      annex_record_editor_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_record_editor_class_init (AnnexRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = annex_record_editor_dispose;
  object_class->get_property = annex_record_editor_get_property;
  object_class->set_property = annex_record_editor_set_property;

  properties[PROP_REGISTER] =
    g_param_spec_object ("register", NULL, NULL,
                         ANNEX_TYPE_REGISTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL,
                         ANNEX_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/annex-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexRecordEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, AnnexRecordEditor, reference_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexRecordEditor, tags_box);
  gtk_widget_class_bind_template_child (widget_class, AnnexRecordEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexRecordEditor, note_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexRecordEditor, info_grid);
  gtk_widget_class_bind_template_child (widget_class, AnnexRecordEditor, fields_box);
  gtk_widget_class_bind_template_child (widget_class, AnnexRecordEditor, info_sections_box);
  gtk_widget_class_bind_template_child (widget_class, AnnexRecordEditor, extra_sections_box);
  gtk_widget_class_bind_template_child (widget_class, AnnexRecordEditor, meta_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexRecordEditor, history_expander);
  gtk_widget_class_bind_template_child (widget_class, AnnexRecordEditor, history_list);
  gtk_widget_class_bind_template_child (widget_class, AnnexRecordEditor, history_placeholder);
  gtk_widget_class_bind_template_child (widget_class, AnnexRecordEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexRecordEditor, delete_note);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
annex_record_editor_init (AnnexRecordEditor *self)
{
  self->title_index = G_MAXUINT;
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->history_expander, "notify::expanded",
                           G_CALLBACK (on_history_expanded_cb), self, 0);
}

/* Public API */

GtkWidget *
annex_record_editor_new (void)
{
  return g_object_new (ANNEX_TYPE_RECORD_EDITOR, NULL);
}

AnnexRegister *
annex_record_editor_get_register (AnnexRecordEditor *self)
{
  g_return_val_if_fail (ANNEX_IS_RECORD_EDITOR (self), NULL);

  return self->register_;
}

void
annex_record_editor_set_register (AnnexRecordEditor *self,
                                  AnnexRegister     *register_)
{
  g_return_if_fail (ANNEX_IS_RECORD_EDITOR (self));
  g_return_if_fail (register_ == NULL || ANNEX_IS_REGISTER (register_));

  if (self->register_ == register_)
    return;

  /* Edits belong to the register they were made in. */
  save_now (self);
  g_set_object (&self->register_, register_);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTER]);
}

AnnexRecord *
annex_record_editor_get_record (AnnexRecordEditor *self)
{
  g_return_val_if_fail (ANNEX_IS_RECORD_EDITOR (self), NULL);

  return self->record;
}

void
annex_record_editor_set_record (AnnexRecordEditor *self,
                                AnnexRecord       *record)
{
  g_return_if_fail (ANNEX_IS_RECORD_EDITOR (self));
  g_return_if_fail (record == NULL || ANNEX_IS_RECORD (record));

  if (self->record == record)
    return;

  save_now (self);
  self->dirty = FALSE;
  g_clear_signal_handler (&self->notify_handler, self->record);
  g_set_object (&self->record, record);

  if (record != NULL)
    {
      AnnexRecordClass *klass = ANNEX_RECORD_GET_CLASS (record);

      if (self->rows_type != G_OBJECT_TYPE (record))
        build_rows (self, klass);

      for (guint i = 0; i < self->rows->len; i++)
        {
          FieldRow *row = g_ptr_array_index (self->rows, i);

          row->edited = FALSE;
          row->invalid = FALSE;
          row->pending = FALSE;
          load_row (row);
        }

      load_reference_row (self);

      self->notify_handler = g_signal_connect_object (record, "notify",
                                                      G_CALLBACK (on_record_notify_cb), self, 0);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
    }

  update_delete_button (self);
  update_visibility (self);
  update_info (self);
  update_header (self);
  update_meta (self);
  load_history (self);
  update_valid (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

gboolean
annex_record_editor_get_valid (AnnexRecordEditor *self)
{
  g_return_val_if_fail (ANNEX_IS_RECORD_EDITOR (self), FALSE);

  return self->valid;
}

gboolean
annex_record_editor_flush (AnnexRecordEditor *self)
{
  g_return_val_if_fail (ANNEX_IS_RECORD_EDITOR (self), FALSE);

  return save_now (self);
}

void
annex_record_editor_focus_first (AnnexRecordEditor *self)
{
  FieldRow *row;

  g_return_if_fail (ANNEX_IS_RECORD_EDITOR (self));

  if (self->rows == NULL || self->rows->len == 0)
    return;

  if (reference_row_shown (self))
    {
      gtk_widget_grab_focus (self->reference_row);
      return;
    }

  row = find_row (self, self->title_index);
  for (guint i = 0; (row == NULL || !gtk_widget_get_visible (row->row)) && i < self->rows->len; i++)
    row = g_ptr_array_index (self->rows, i);

  gtk_widget_grab_focus (row->input);
}

void
annex_record_editor_refresh (AnnexRecordEditor *self)
{
  g_return_if_fail (ANNEX_IS_RECORD_EDITOR (self));

  update_delete_button (self);
  update_visibility (self);
  update_info (self);
  update_header (self);
  update_meta (self);
  load_history (self);
  update_valid (self);
}

void
annex_record_editor_set_visible_func (AnnexRecordEditor     *self,
                                      AnnexFieldVisibleFunc  func,
                                      gpointer               user_data,
                                      GDestroyNotify         destroy)
{
  g_return_if_fail (ANNEX_IS_RECORD_EDITOR (self));

  if (self->visible_destroy != NULL)
    self->visible_destroy (self->visible_data);
  self->visible_func = func;
  self->visible_data = user_data;
  self->visible_destroy = destroy;

  update_visibility (self);
  update_valid (self);
}

void
annex_record_editor_set_info_func (AnnexRecordEditor   *self,
                                   AnnexRecordInfoFunc  func,
                                   gpointer             user_data,
                                   GDestroyNotify       destroy)
{
  g_return_if_fail (ANNEX_IS_RECORD_EDITOR (self));

  if (self->info_destroy != NULL)
    self->info_destroy (self->info_data);
  self->info_func = func;
  self->info_data = user_data;
  self->info_destroy = destroy;

  update_info (self);
}

void
annex_record_editor_set_group_func (AnnexRecordEditor   *self,
                                    AnnexFieldGroupFunc  func,
                                    gpointer             user_data,
                                    GDestroyNotify       destroy)
{
  g_autoptr(AnnexRecord) record = NULL;

  g_return_if_fail (ANNEX_IS_RECORD_EDITOR (self));

  if (self->group_destroy != NULL)
    self->group_destroy (self->group_data);
  self->group_func = func;
  self->group_data = user_data;
  self->group_destroy = destroy;

  /* The rows are rebuilt in their new sections. */
  if (self->record != NULL)
    record = g_object_ref (self->record);
  annex_record_editor_set_record (self, NULL);
  clear_rows (self);
  annex_record_editor_set_record (self, record);
}

gboolean
annex_record_editor_get_field_visible (AnnexRecordEditor *self,
                                       const char        *name)
{
  g_return_val_if_fail (ANNEX_IS_RECORD_EDITOR (self), FALSE);

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (row->field->name, name) == 0)
        return gtk_widget_get_visible (row->row);
    }

  return FALSE;
}

AnnexInfoItem *
annex_info_item_new (AnnexInfoKind  kind,
                     const char    *label,
                     const char    *value)
{
  AnnexInfoItem *item = g_new0 (AnnexInfoItem, 1);

  item->kind = kind;
  item->label = g_strdup (label);
  item->value = g_strdup (value);
  return item;
}

void
annex_info_item_free (AnnexInfoItem *item)
{
  if (item == NULL)
    return;

  g_free (item->label);
  g_free (item->value);
  g_free (item);
}

/**
 * annex_record_editor_add_section:
 * @self: an editor
 * @section: a widget
 *
 * Adds @section below the fields and the info sections, above the History, for every record the
 * editor shows. The section follows the editor's "record" itself (connect to notify::record) and
 * hides itself when it has nothing to show (e.g. for a new, unsaved record).
 */
void
annex_record_editor_add_section (AnnexRecordEditor *self,
                                 GtkWidget         *section)
{
  g_return_if_fail (ANNEX_IS_RECORD_EDITOR (self));
  g_return_if_fail (GTK_IS_WIDGET (section));
  g_return_if_fail (gtk_widget_get_parent (section) == NULL);

  gtk_box_append (self->extra_sections_box, section);
}

/**
 * annex_record_editor_add_section_after:
 * @self: an editor
 * @section: a widget
 * @group: (nullable): the heading of a field group (as the group func returns it); %NULL for the
 *   section without a heading
 *
 * Like annex_record_editor_add_section(), but the section sits right after the field group
 * headed @group (e.g. a risk's assessment after "Risk"), or with the other added sections when
 * the record has no such group.
 */
void
annex_record_editor_add_section_after (AnnexRecordEditor *self,
                                       GtkWidget         *section,
                                       const char        *group)
{
  AnchoredSection *anchored;

  g_return_if_fail (ANNEX_IS_RECORD_EDITOR (self));
  g_return_if_fail (GTK_IS_WIDGET (section));
  g_return_if_fail (gtk_widget_get_parent (section) == NULL);

  if (self->anchored == NULL)
    self->anchored = g_ptr_array_new_with_free_func (anchored_section_free);

  anchored = g_new0 (AnchoredSection, 1);
  anchored->widget = g_object_ref_sink (section);
  anchored->group = g_strdup (group);
  g_ptr_array_add (self->anchored, anchored);

  place_anchored_sections (self);
}
