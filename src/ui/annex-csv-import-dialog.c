/* SPDX-License-Identifier: GPL-3.0-or-later */
/* annex-csv-import-dialog.c: the CSV import dialog (mapping, preview with problems, import) and
 * the file chooser that leads to it. */

#define G_LOG_DOMAIN "annex-csv-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "annex-csv-import-dialog.h"
#include "annex-store-error.h"
#include "annex-toast.h"
#include "annex-window.h"

/* The preview shows this many rows; every row is checked. */
#define PREVIEW_MAX_ROWS 200

struct _AnnexCsvImportDialog
{
  AdwWindow           parent_instance;

  /* template widgets */
  AdwWindowTitle     *window_title;
  GtkWidget          *back_button;
  GtkWidget          *cancel_button;
  GtkWidget          *next_button;
  GtkWidget          *import_button;
  GtkStack           *step_stack;
  AdwComboRow        *register_row;
  AdwPreferencesGroup *fields_group;
  GtkImage           *summary_icon;
  GtkLabel           *summary_label;
  GtkLabel           *details_label;
  GtkColumnView      *preview_view;

  /* owned */
  AnnexDatabase      *database;
  AnnexCsvImport     *import;
  GBytes             *bytes;
  char               *file_name;
  GPtrArray          *field_rows;     /* AdwComboRow, one per field, in field order */
  GHashTable         *row_problems;   /* data row (0-based) → problem text, after a check */
  guint               n_problems;
  gboolean            updating;
};

G_DEFINE_FINAL_TYPE (AnnexCsvImportDialog, annex_csv_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const tables[] = { "risks", "assets", "issues", "parties", "controls", NULL };

/* Auxiliary methods */

const char * const *
annex_csv_import_dialog_get_tables (void)
{
  return tables;
}

const char *
annex_csv_import_dialog_table_label (const char *table)
{
  if (g_strcmp0 (table, "risks") == 0)
    return _("Risks");
  if (g_strcmp0 (table, "assets") == 0)
    return _("Assets");
  if (g_strcmp0 (table, "issues") == 0)
    return _("Internal and External Issues");
  if (g_strcmp0 (table, "parties") == 0)
    return _("Interested Parties");
  if (g_strcmp0 (table, "controls") == 0)
    /* Translators: a CSV import register: the SoA decisions and implementation of controls */
    return _("Control Status");

  return table;
}

char *
annex_csv_import_format_done (const char *table,
                              guint       n)
{
  if (g_strcmp0 (table, "risks") == 0)
    return g_strdup_printf (ngettext ("Imported %u risk", "Imported %u risks", n), n);
  if (g_strcmp0 (table, "assets") == 0)
    return g_strdup_printf (ngettext ("Imported %u asset", "Imported %u assets", n), n);
  if (g_strcmp0 (table, "issues") == 0)
    return g_strdup_printf (ngettext ("Imported %u issue", "Imported %u issues", n), n);
  if (g_strcmp0 (table, "parties") == 0)
    return g_strdup_printf (ngettext ("Imported %u interested party",
                                      "Imported %u interested parties", n), n);
  if (g_strcmp0 (table, "controls") == 0)
    return g_strdup_printf (ngettext ("Updated %u control", "Updated %u controls", n), n);

  return g_strdup_printf (ngettext ("Imported %u record", "Imported %u records", n), n);
}

char *
annex_csv_import_format_summary (guint n_problems,
                                 guint n_rows)
{
  if (n_problems > 0)
    /* Translators: the CSV import preview when rows cannot be imported */
    return g_strdup_printf (ngettext ("%u problem — fix the file or change the mapping",
                                      "%u problems — fix the file or change the mapping",
                                      n_problems), n_problems);
  if (n_rows == 0)
    return g_strdup (_("The file has no rows to import"));

  return g_strdup_printf (ngettext ("%u row ready to import", "%u rows ready to import", n_rows),
                          n_rows);
}

static AnnexWindow *
get_parent_window (AnnexCsvImportDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  return ANNEX_IS_WINDOW (parent) ? ANNEX_WINDOW (parent) : NULL;
}

static void
clear_preview_columns (AnnexCsvImportDialog *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->preview_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->preview_view, column);
    }
}

/* Cells of the preview: items are GtkStringObjects holding the data row's index. */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  int width = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "width-chars"));

  /* The column view gives cells their minimum width: ask for a readable one; the problems
   * wrap rather than hide their end. */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), width);
  if (g_object_get_data (G_OBJECT (factory), "wrap") != NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), width);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static guint
item_row (GtkListItem *item)
{
  GtkStringObject *object = gtk_list_item_get_item (item);

  return (guint) g_ascii_strtoull (gtk_string_object_get_string (object), NULL, 10);
}

static void
bind_value_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               AnnexCsvImportDialog     *self)
{
  const char *field = g_object_get_data (G_OBJECT (factory), "field");
  int column = annex_csv_import_get_mapping (self->import, field);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const char *value = column >= 0 ? annex_csv_import_get_cell (self->import, item_row (item),
                                                               column) : "";

  gtk_label_set_text (label, value);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), value[0] != '\0' ? value : NULL);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             AnnexCsvImportDialog     *self)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  guint row = item_row (item);
  g_autofree char *text = NULL;

  /* The line of the file, as the problems name it (the header is line 1). */
  text = g_strdup_printf ("%u", row + 2);
  gtk_label_set_text (label, text);
  if (g_hash_table_contains (self->row_problems, GUINT_TO_POINTER (row)))
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
}

static void
bind_problem_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 AnnexCsvImportDialog     *self)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const char *problem = g_hash_table_lookup (self->row_problems,
                                             GUINT_TO_POINTER (item_row (item)));

  gtk_label_set_text (label, problem != NULL ? problem : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), problem);
  gtk_widget_add_css_class (GTK_WIDGET (label), "error");
}

static void
append_column (AnnexCsvImportDialog *self,
               const char           *title,
               const char           *field,
               GCallback             bind,
               int                   width_chars,
               gboolean              wrap)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_object_set_data_full (G_OBJECT (factory), "field", g_strdup (field), g_free);
  g_object_set_data (G_OBJECT (factory), "width-chars", GINT_TO_POINTER (width_chars));
  g_object_set_data (G_OBJECT (factory), "wrap", GINT_TO_POINTER (wrap));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect_object (factory, "bind", bind, self, 0);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, wrap);
  gtk_column_view_append_column (self->preview_view, column);
}

/* The problems of the last check, one text per row (several problems of a row joined). */
static void
collect_problems (AnnexCsvImportDialog *self,
                  GArray               *problems,
                  GString              *file_problems)
{
  g_hash_table_remove_all (self->row_problems);

  for (guint i = 0; i < problems->len; i++)
    {
      const AnnexCsvProblem *problem = &g_array_index (problems, AnnexCsvProblem, i);
      const char *old;

      if (problem->row < 2)
        {
          /* A problem of the whole file (a required field without a column). */
          if (file_problems->len > 0)
            g_string_append_c (file_problems, '\n');
          g_string_append (file_problems, problem->message);
          continue;
        }

      old = g_hash_table_lookup (self->row_problems, GUINT_TO_POINTER (problem->row - 2));
      g_hash_table_insert (self->row_problems, GUINT_TO_POINTER (problem->row - 2),
                           old != NULL ? g_strdup_printf ("%s; %s", old, problem->message)
                                       : g_strdup (problem->message));
    }
}

static void
show_summary (AnnexCsvImportDialog *self,
              const char           *details)
{
  g_autofree char *summary = annex_csv_import_dialog_dup_summary (self);
  gboolean ok = self->n_problems == 0 && annex_csv_import_get_n_rows (self->import) > 0;

  gtk_label_set_text (self->summary_label, summary);
  gtk_image_set_from_icon_name (self->summary_icon, ok ? "emblem-ok-symbolic"
                                                       : "dialog-warning-symbolic");
  if (ok)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_icon), "success");
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary_icon), "warning");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_icon), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary_icon), "success");
    }
  gtk_label_set_text (self->details_label, details != NULL ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), details != NULL && details[0] != '\0');
  gtk_widget_set_sensitive (self->import_button, annex_csv_import_dialog_get_can_import (self));
}

/* Checks every row with the current mapping and fills the preview. */
static void
update_preview (AnnexCsvImportDialog *self)
{
  const char * const *fields = annex_csv_import_get_fields (self->import);
  g_autoptr(GArray) problems = annex_csv_import_check (self->import, 0);
  g_autoptr(GString) file_problems = g_string_new (NULL);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) selection = NULL;
  guint n_rows = annex_csv_import_get_n_rows (self->import);

  collect_problems (self, problems, file_problems);
  self->n_problems = problems->len;

  clear_preview_columns (self);
  /* Translators: the column of the CSV import preview with the file's line numbers */
  append_column (self, C_("csv preview", "Line"), NULL, G_CALLBACK (bind_row_cb), 3, FALSE);
  /* The problems come first: with many columns the table scrolls sideways, and what is wrong
   * must stay in sight. */
  append_column (self, _("Problem"), NULL, G_CALLBACK (bind_problem_cb), 24, TRUE);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (annex_csv_import_get_mapping (self->import, fields[i]) < 0)
        continue;
      /* Titles and names get the room; levels and dates are short. */
      append_column (self, annex_csv_import_get_field_label (self->import, fields[i]), fields[i],
                     G_CALLBACK (bind_value_cb),
                     g_str_equal (fields[i], "title") || g_str_equal (fields[i], "name") ? 18 : 9,
                     FALSE);
    }

  for (guint i = 0; i < MIN (n_rows, PREVIEW_MAX_ROWS); i++)
    {
      char number[16];

      g_snprintf (number, sizeof number, "%u", i);
      gtk_string_list_append (rows, number);
    }
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (selection));

  g_string_append (details, file_problems->str);
  if (n_rows > PREVIEW_MAX_ROWS)
    {
      if (details->len > 0)
        g_string_append_c (details, '\n');
      g_string_append_printf (details, _("Showing the first %u of %u rows; every row is "
                                         "checked."), PREVIEW_MAX_ROWS, n_rows);
    }
  show_summary (self, details->str);
}

static void
on_field_row_selected_cb (AdwComboRow          *row,
                          GParamSpec           *pspec,
                          AnnexCsvImportDialog *self)
{
  const char *field = g_object_get_data (G_OBJECT (row), "field");
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (!annex_csv_import_set_mapping (self->import, field, (int) selected - 1, &error))
    g_warning ("Could not map %s: %s", field, error->message);
}

/* One row per importable field: its label, "Required", and the file's columns to pick from. */
static void
rebuild_field_rows (AnnexCsvImportDialog *self)
{
  const char * const *fields = annex_csv_import_get_fields (self->import);
  const char * const *columns = annex_csv_import_get_columns (self->import);
  g_autofree char *description = NULL;

  for (guint i = 0; i < self->field_rows->len; i++)
    adw_preferences_group_remove (self->fields_group, g_ptr_array_index (self->field_rows, i));
  g_ptr_array_set_size (self->field_rows, 0);

  self->updating = TRUE;
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
      GtkWidget *row = adw_combo_row_new ();
      int mapping = annex_csv_import_get_mapping (self->import, fields[i]);

      /* Translators: the choice of a CSV import field that takes no column */
      gtk_string_list_append (choices, _("Not imported"));
      for (guint j = 0; columns[j] != NULL; j++)
        gtk_string_list_append (choices, columns[j][0] != '\0' ? columns[j] : "–");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     annex_csv_import_get_field_label (self->import, fields[i]));
      if (annex_csv_import_field_is_required (self->import, fields[i]))
        /* Translators: under a CSV import field that must have a column */
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Required"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), (guint) (mapping + 1));
      g_object_set_data_full (G_OBJECT (row), "field", g_strdup (fields[i]), g_free);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_field_row_selected_cb),
                               self, 0);
      adw_preferences_group_add (self->fields_group, row);
      g_ptr_array_add (self->field_rows, row);
    }
  self->updating = FALSE;

  description = g_strdup_printf (_("Which column of “%s” holds each field, guessed from its "
                                   "header row. The next step shows the rows and any "
                                   "problems."), self->file_name);
  adw_preferences_group_set_description (self->fields_group, description);
}

static void
update_title (AnnexCsvImportDialog *self)
{
  g_autofree char *title = NULL;

  /* Translators: the CSV import dialog's title, %s the register ("Risks") */
  title = g_strdup_printf (_("Import %s"),
                           annex_csv_import_dialog_table_label (annex_csv_import_dialog_get_table (self)));
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, self->file_name);
}

/* Signal callbacks */

static void
on_register_row_selected_cb (AnnexCsvImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->register_row);
  g_autoptr(GError) error = NULL;

  if (self->updating || self->bytes == NULL || selected >= g_strv_length ((char **) tables))
    return;

  if (!annex_csv_import_dialog_set_table (self, tables[selected], &error))
    {
      AnnexWindow *window = get_parent_window (self);

      if (window != NULL)
        annex_window_add_toast (window, annex_toast_new_for_error (error));
    }
}

static void
on_import_button_clicked_cb (AnnexCsvImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  /* A failure is listed in the dialog by annex_csv_import_dialog_import(). */
  annex_csv_import_dialog_import (self, &error);
}

/* Parent overrides */

static void
annex_csv_import_dialog_dispose (GObject *object)
{
  AnnexCsvImportDialog *self = ANNEX_CSV_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ANNEX_TYPE_CSV_IMPORT_DIALOG);
  g_clear_object (&self->import);
  g_clear_object (&self->database);
  g_clear_pointer (&self->bytes, g_bytes_unref);

  G_OBJECT_CLASS (annex_csv_import_dialog_parent_class)->dispose (object);
}

static void
annex_csv_import_dialog_finalize (GObject *object)
{
  AnnexCsvImportDialog *self = ANNEX_CSV_IMPORT_DIALOG (object);

  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->field_rows, g_ptr_array_unref);
  g_clear_pointer (&self->row_problems, g_hash_table_unref);

  G_OBJECT_CLASS (annex_csv_import_dialog_parent_class)->finalize (object);
}

static void
annex_csv_import_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AnnexCsvImportDialog *self = ANNEX_CSV_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_csv_import_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AnnexCsvImportDialog *self = ANNEX_CSV_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
annex_csv_import_dialog_class_init (AnnexCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = annex_csv_import_dialog_dispose;
  object_class->finalize = annex_csv_import_dialog_finalize;
  object_class->get_property = annex_csv_import_dialog_get_property;
  object_class->set_property = annex_csv_import_dialog_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         ANNEX_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/annex-csv-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AnnexCsvImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AnnexCsvImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexCsvImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexCsvImportDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexCsvImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, AnnexCsvImportDialog, step_stack);
  gtk_widget_class_bind_template_child (widget_class, AnnexCsvImportDialog, register_row);
  gtk_widget_class_bind_template_child (widget_class, AnnexCsvImportDialog, fields_group);
  gtk_widget_class_bind_template_child (widget_class, AnnexCsvImportDialog, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, AnnexCsvImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexCsvImportDialog, details_label);
  gtk_widget_class_bind_template_child (widget_class, AnnexCsvImportDialog, preview_view);
  gtk_widget_class_bind_template_callback (widget_class, annex_csv_import_dialog_show_mapping);
  gtk_widget_class_bind_template_callback (widget_class, annex_csv_import_dialog_show_preview);
  gtk_widget_class_bind_template_callback (widget_class, on_register_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
annex_csv_import_dialog_init (AnnexCsvImportDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->field_rows = g_ptr_array_new ();
  self->row_problems = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; tables[i] != NULL; i++)
    gtk_string_list_append (labels, annex_csv_import_dialog_table_label (tables[i]));
  self->updating = TRUE;
  adw_combo_row_set_model (self->register_row, G_LIST_MODEL (labels));
  self->updating = FALSE;
}

/* The file chooser */

typedef struct
{
  GtkWindow     *parent;    /* a reference */
  AnnexDatabase *database;  /* a reference */
  char          *table;
  char          *name;
} ChooseData;

static void
choose_data_free (ChooseData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->database);
  g_free (data->table);
  g_free (data->name);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChooseData, choose_data_free)

static void
show_error_on (GtkWindow    *parent,
               const GError *error)
{
  if (ANNEX_IS_WINDOW (parent) && annex_window_get_database (ANNEX_WINDOW (parent)) != NULL)
    annex_window_add_toast (ANNEX_WINDOW (parent), annex_toast_new_for_error (error));
}

static void
on_file_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ChooseData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GtkWidget *dialog;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      show_error_on (data->parent, error);
      return;
    }
  bytes = g_bytes_new_take (contents, length);

  /* The workspace may have been closed while the file was read. */
  if (ANNEX_IS_WINDOW (data->parent) &&
      annex_window_get_database (ANNEX_WINDOW (data->parent)) != data->database)
    return;

  dialog = annex_csv_import_dialog_new (data->parent, data->database);
  if (!annex_csv_import_dialog_load (ANNEX_CSV_IMPORT_DIALOG (dialog), data->table, bytes,
                                     data->name, &error))
    {
      g_prefix_error (&error, _("Could not read “%s”: "), data->name);
      show_error_on (data->parent, error);
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        ChooseData      *data)
{
  g_autoptr(GFile) file = NULL;

  gtk_native_dialog_destroy (chooser);
  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file == NULL)
    {
      choose_data_free (data);
      return;
    }

  /* Read off the main thread: the file may be large or on a slow share. */
  data->name = g_file_get_basename (file);
  g_file_load_contents_async (file, NULL, on_file_loaded_cb, data);
}

/* Public API */

void
annex_csv_import_dialog_choose_file (GtkWindow     *parent,
                                     AnnexDatabase *database,
                                     const char    *table)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  ChooseData *data;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (ANNEX_IS_DATABASE (database));
  g_return_if_fail (table != NULL && g_strv_contains (tables, table));

  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_mime_type (filter, "text/csv");

  chooser = gtk_file_chooser_native_new (_("Import CSV"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  data = g_new0 (ChooseData, 1);
  data->parent = g_object_ref (parent);
  data->database = g_object_ref (database);
  data->table = g_strdup (table);
  /* The chooser's reference and the data are dropped in the response handler. */
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

GtkWidget *
annex_csv_import_dialog_new (GtkWindow     *parent,
                             AnnexDatabase *database)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ANNEX_IS_DATABASE (database), NULL);

  return g_object_new (ANNEX_TYPE_CSV_IMPORT_DIALOG,
                       "transient-for", parent,
                       "database", database,
                       NULL);
}

gboolean
annex_csv_import_dialog_load (AnnexCsvImportDialog  *self,
                              const char            *table,
                              GBytes                *bytes,
                              const char            *file_name,
                              GError               **error)
{
  g_return_val_if_fail (ANNEX_IS_CSV_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_pointer (&self->bytes, g_bytes_unref);
  self->bytes = g_bytes_ref (bytes);
  g_free (self->file_name);
  self->file_name = g_strdup (file_name != NULL ? file_name : _("the file"));

  return annex_csv_import_dialog_set_table (self, table, error);
}

gboolean
annex_csv_import_dialog_set_table (AnnexCsvImportDialog  *self,
                                   const char            *table,
                                   GError               **error)
{
  g_autoptr(AnnexCsvImport) import = NULL;

  g_return_val_if_fail (ANNEX_IS_CSV_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (self->bytes != NULL, FALSE);

  import = annex_csv_import_new (self->database, table, self->bytes, error);
  if (import == NULL)
    return FALSE;

  g_set_object (&self->import, import);

  self->updating = TRUE;
  for (guint i = 0; tables[i] != NULL; i++)
    {
      if (g_str_equal (tables[i], table))
        adw_combo_row_set_selected (self->register_row, i);
    }
  self->updating = FALSE;

  rebuild_field_rows (self);
  update_title (self);
  annex_csv_import_dialog_show_mapping (self);
  return TRUE;
}

const char *
annex_csv_import_dialog_get_table (AnnexCsvImportDialog *self)
{
  g_return_val_if_fail (ANNEX_IS_CSV_IMPORT_DIALOG (self), NULL);

  return self->import != NULL ? annex_csv_import_get_table (self->import) : NULL;
}

AnnexCsvImport *
annex_csv_import_dialog_get_import (AnnexCsvImportDialog *self)
{
  g_return_val_if_fail (ANNEX_IS_CSV_IMPORT_DIALOG (self), NULL);

  return self->import;
}

int
annex_csv_import_dialog_get_mapping (AnnexCsvImportDialog *self,
                                     const char           *field)
{
  g_return_val_if_fail (ANNEX_IS_CSV_IMPORT_DIALOG (self), -1);

  for (guint i = 0; i < self->field_rows->len; i++)
    {
      AdwComboRow *row = g_ptr_array_index (self->field_rows, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "field"), field) == 0)
        return (int) adw_combo_row_get_selected (row) - 1;
    }

  return -1;
}

void
annex_csv_import_dialog_set_mapping (AnnexCsvImportDialog *self,
                                     const char           *field,
                                     int                   column)
{
  g_return_if_fail (ANNEX_IS_CSV_IMPORT_DIALOG (self));

  for (guint i = 0; i < self->field_rows->len; i++)
    {
      AdwComboRow *row = g_ptr_array_index (self->field_rows, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "field"), field) == 0)
        adw_combo_row_set_selected (row, (guint) (column + 1));
    }
}

const char *
annex_csv_import_dialog_get_step (AnnexCsvImportDialog *self)
{
  g_return_val_if_fail (ANNEX_IS_CSV_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->step_stack);
}

void
annex_csv_import_dialog_show_preview (AnnexCsvImportDialog *self)
{
  g_return_if_fail (ANNEX_IS_CSV_IMPORT_DIALOG (self));

  if (self->import == NULL)
    return;

  update_preview (self);
  gtk_stack_set_visible_child_name (self->step_stack, "preview");
  gtk_widget_set_visible (self->back_button, TRUE);
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_widget_set_visible (self->next_button, FALSE);
  gtk_widget_set_visible (self->import_button, TRUE);
}

void
annex_csv_import_dialog_show_mapping (AnnexCsvImportDialog *self)
{
  g_return_if_fail (ANNEX_IS_CSV_IMPORT_DIALOG (self));

  gtk_stack_set_visible_child_name (self->step_stack, "mapping");
  gtk_widget_set_visible (self->back_button, FALSE);
  gtk_widget_set_visible (self->cancel_button, TRUE);
  gtk_widget_set_visible (self->next_button, TRUE);
  gtk_widget_set_visible (self->import_button, FALSE);
}

guint
annex_csv_import_dialog_get_n_problems (AnnexCsvImportDialog *self)
{
  g_return_val_if_fail (ANNEX_IS_CSV_IMPORT_DIALOG (self), 0);

  return self->n_problems;
}

char *
annex_csv_import_dialog_dup_summary (AnnexCsvImportDialog *self)
{
  g_return_val_if_fail (ANNEX_IS_CSV_IMPORT_DIALOG (self), NULL);

  return annex_csv_import_format_summary (self->n_problems,
                                          self->import != NULL
                                          ? annex_csv_import_get_n_rows (self->import) : 0);
}

const char *
annex_csv_import_dialog_get_row_problem (AnnexCsvImportDialog *self,
                                         guint                 row)
{
  g_return_val_if_fail (ANNEX_IS_CSV_IMPORT_DIALOG (self), NULL);

  return g_hash_table_lookup (self->row_problems, GUINT_TO_POINTER (row));
}

gboolean
annex_csv_import_dialog_get_can_import (AnnexCsvImportDialog *self)
{
  g_return_val_if_fail (ANNEX_IS_CSV_IMPORT_DIALOG (self), FALSE);

  return self->import != NULL && self->n_problems == 0 &&
         g_str_equal (annex_csv_import_dialog_get_step (self), "preview") &&
         annex_csv_import_get_n_rows (self->import) > 0;
}

gboolean
annex_csv_import_dialog_import (AnnexCsvImportDialog  *self,
                                GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *table = NULL;
  AnnexWindow *window;
  guint n = 0;

  g_return_val_if_fail (ANNEX_IS_CSV_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!annex_csv_import_dialog_get_can_import (self))
    {
      g_set_error_literal (error, ANNEX_STORE_ERROR, ANNEX_STORE_ERROR_INVALID,
                           _("Fix the problems before importing"));
      return FALSE;
    }

  if (!annex_csv_import_run (self->import, &n, &local_error))
    {
      /* Nothing was written: the dialog stays with the list of what went wrong. */
      update_preview (self);
      show_summary (self, local_error->message);
      gtk_label_set_text (self->summary_label, _("Nothing was imported"));
      gtk_widget_set_sensitive (self->import_button, FALSE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  table = g_strdup (annex_csv_import_get_table (self->import));
  window = get_parent_window (self);
  if (window != NULL)
    {
      g_autofree char *text = annex_csv_import_format_done (table, n);

      annex_window_add_toast (window, adw_toast_new (text));
    }

  g_signal_emit (self, signals[IMPORTED], 0, table, n);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
